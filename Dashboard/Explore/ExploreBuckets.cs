using System.Globalization;

namespace Icesco.Insights.Dashboard.Explore;

/// <summary>The starts of a series' buckets, made here rather than in SQL so that a bucket without events is a 0, not a gap.</summary>
public static class ExploreBuckets
{
    public static IReadOnlyList<DateTimeOffset> Starts(ExploreBucket bucket, DateTimeOffset start, DateTimeOffset end, TimeZoneInfo zone)
    {
        var starts = new List<DateTimeOffset>();
        if (bucket == ExploreBucket.Hour)
        {
            for (var t = start; t < end; t = t.AddHours(1))
            {
                starts.Add(t);
            }
            return starts;
        }
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, zone).DateTime);
        if (bucket == ExploreBucket.Week)
        {
            day = day.AddDays(-(((int)day.DayOfWeek + 6) % 7)); // the Monday of its ISO week
        }
        for (var t = ExplorePeriod.LocalMidnight(day, zone); t < end; day = day.AddDays(bucket == ExploreBucket.Week ? 7 : 1), t = ExplorePeriod.LocalMidnight(day, zone))
        {
            starts.Add(t);
        }
        return starts;
    }

    /// <summary>The bucket's start in local time: <c>2026-12-06T09:00</c> for hours, <c>2026-12-06</c> for days and weeks.</summary>
    public static string Label(ExploreBucket bucket, DateTimeOffset start, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(start, zone);
        return local.ToString(bucket == ExploreBucket.Hour ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
