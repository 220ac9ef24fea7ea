namespace Icesco.Insights.Dashboard.Explore;

/// <summary>The width of one point of a time series, chosen from the period's length (<see cref="ExplorePeriod"/>).</summary>
public enum ExploreBucket
{
    Hour,
    Day,
    Week,
}
