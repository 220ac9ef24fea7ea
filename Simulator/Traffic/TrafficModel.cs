using Icesco.Insights.Simulator.Data;

namespace Icesco.Insights.Simulator.Traffic;

/// <summary>
/// Who reads what, when: the pure model behind the demo history, the live trickle and the load
/// generator. Stories have a lasting popularity (log-normal: a few are read far more) and a burst
/// when they are new on the front page. The real articles are years old, so the newest real ones
/// are "published" again across the simulated window, oldest first, and burst then (their
/// registered <c>published_at</c> stays the real date). Readers from a member state lean towards
/// stories that name it. Everything is drawn from the seed: same seed and window, same events.
/// </summary>
public sealed class TrafficModel
{
    /// <summary>How many times its usual readership a story gets at the moment it is new.</summary>
    public const double BurstBoost = 25;

    /// <summary>How fast the novelty fades (e-folding time).</summary>
    public static readonly TimeSpan BurstDecay = TimeSpan.FromHours(30);

    /// <summary>Share of views by a member-state reader that go to a story naming their state, when there is one.</summary>
    public const double HomeAffinity = 0.3;

    private readonly double[] popularity;
    private readonly DateTimeOffset?[] featuredAt;
    private readonly Dictionary<string, int[]> storiesByState;

    public TrafficModel(IcescoData data, int seed, int visitors, DateTimeOffset windowStart, DateTimeOffset windowEnd, int storiesPerWeek = 3)
    {
        Data = data;
        var random = new Random(seed);
        Visitors = new VisitorPool(data, visitors, random);
        popularity = [.. data.Stories.Select(_ => Math.Exp(0.9 * Gaussian(random)))];

        featuredAt = new DateTimeOffset?[data.Stories.Count];
        var weeks = Math.Max(1, (windowEnd - windowStart).TotalDays / 7);
        var newest = data.Stories.Select((s, i) => (s, i)).Where(x => x.s.PublishedAt is not null)
            .OrderByDescending(x => x.s.PublishedAt).ThenBy(x => x.s.StoryId, StringComparer.Ordinal)
            .Take((int)Math.Ceiling(weeks * storiesPerWeek)).Reverse().ToList();
        var step = (windowEnd - windowStart) / Math.Max(1, newest.Count);
        for (var k = 0; k < newest.Count; k++)
        {
            // Published in the morning, readers' time, as news desks do.
            var day = windowStart + step * k + step * random.NextDouble() * 0.5;
            featuredAt[newest[k].i] = new DateTimeOffset(day.UtcDateTime.Date, TimeSpan.Zero).AddHours(6 + random.Next(4));
        }

        storiesByState = data.Stories.Select((s, i) => (s, i))
            .SelectMany(x => x.s.MemberStates.Select(state => (state, x.i)))
            .GroupBy(x => x.state, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.i).ToArray(), StringComparer.Ordinal);
    }

    public IcescoData Data { get; }

    public VisitorPool Visitors { get; }

    /// <summary>When each story is new in the simulation (null: never).</summary>
    public IReadOnlyList<DateTimeOffset?> FeaturedAt => featuredAt;

    /// <summary>How much reading story <paramref name="story"/> attracts at <paramref name="at"/>.</summary>
    public double StoryWeight(int story, DateTimeOffset at)
    {
        var weight = popularity[story];
        if (featuredAt[story] is { } featured && at >= featured)
        {
            weight *= 1 + BurstBoost * Math.Exp(-(at - featured) / BurstDecay);
        }
        return weight;
    }

    /// <summary>
    /// The events of [<paramref name="from"/>, <paramref name="to"/>) with on average
    /// <paramref name="expectedViews"/> page views (the count itself is random), ordered by time,
    /// each view followed now and then by a rating.
    /// </summary>
    public List<SimEvent> Events(DateTimeOffset from, DateTimeOffset to, double expectedViews, Random random)
    {
        var middle = from + (to - from) / 2;
        var cumulative = new double[Data.Stories.Count];
        var total = 0.0;
        for (var i = 0; i < cumulative.Length; i++)
        {
            total += StoryWeight(i, middle);
            cumulative[i] = total;
        }

        var count = Poisson(expectedViews, random);
        var events = new List<SimEvent>(count + count / 20);
        var span = (to - from).Ticks;
        for (var n = 0; n < count; n++)
        {
            AddView(events, from + TimeSpan.FromTicks((long)(random.NextDouble() * span)), to, cumulative, total, middle, random);
        }
        events.Sort((a, b) => a.Timestamp.CompareTo(b.Timestamp));
        return events;
    }

    /// <summary>At least <paramref name="views"/> events at <paramref name="at"/> (views, some followed by a rating): one load-test batch.</summary>
    public List<SimEvent> EventsAt(DateTimeOffset at, int views, Random random)
    {
        var cumulative = new double[Data.Stories.Count];
        var total = 0.0;
        for (var i = 0; i < cumulative.Length; i++)
        {
            total += StoryWeight(i, at);
            cumulative[i] = total;
        }
        var events = new List<SimEvent>(views + views / 20);
        for (var n = 0; n < views; n++)
        {
            AddView(events, at, at, cumulative, total, at, random);
        }
        return events;
    }

    private void AddView(List<SimEvent> events, DateTimeOffset at, DateTimeOffset until, double[] cumulative, double total, DateTimeOffset weightsAt, Random random)
    {
        var visitor = Visitors.Next(random);
        var story = Data.Stories[PickStory(visitor, cumulative, total, weightsAt, random)];
        var article = story.ByLanguage[visitor.Language];
        events.Add(new SimEvent(NewId(random), at, visitor, article.Id, article.Url, article.Language, article.Topic, Referrer(article, random)));
        if (random.NextDouble() < FeedbackModel.RatingRate)
        {
            var rating = FeedbackModel.Rating(random);
            // The widget sits at the end of the page: the answer comes after some reading.
            var answeredAt = at + TimeSpan.FromSeconds(20 + random.Next(300));
            events.Add(new SimEvent(NewId(random), answeredAt < until ? answeredAt : at, visitor, article.Id, article.Url, article.Language,
                article.Topic, null, rating, FeedbackModel.Comment(rating, article.Language, random)));
        }
    }

    private int PickStory(Visitor visitor, double[] cumulative, double total, DateTimeOffset at, Random random)
    {
        if (visitor.FromMemberState && storiesByState.TryGetValue(visitor.Country, out var home) && random.NextDouble() < HomeAffinity)
        {
            var weights = home.Select(i => StoryWeight(i, at)).ToArray();
            var u = random.NextDouble() * weights.Sum();
            for (var k = 0; k < home.Length; k++)
            {
                u -= weights[k];
                if (u < 0)
                {
                    return home[k];
                }
            }
            return home[^1];
        }
        var index = Array.BinarySearch(cumulative, random.NextDouble() * total);
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }

    private static string? Referrer(SimArticle article, Random random) => random.NextDouble() switch
    {
        < 0.40 => null,
        < 0.70 => "https://www.google.com/",
        < 0.80 => "https://www.facebook.com/",
        < 0.86 => "https://t.co/",
        < 0.90 => "https://www.linkedin.com/",
        _ => $"https://icesco.org/{article.Language}/",
    };

    /// <summary>A version-4 UUID from the seeded generator, so that a replay sends the same ids (and the Collector counts them once).</summary>
    internal static Guid NewId(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    internal static int Poisson(double mean, Random random)
    {
        if (mean <= 0)
        {
            return 0;
        }
        if (mean > 30)
        {
            return Math.Max(0, (int)Math.Round(mean + Math.Sqrt(mean) * Gaussian(random)));
        }
        // Knuth's method: exact, and cheap for small means.
        var limit = Math.Exp(-mean);
        var k = 0;
        for (var p = random.NextDouble(); p > limit; p *= random.NextDouble())
        {
            k++;
        }
        return k;
    }

    internal static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
