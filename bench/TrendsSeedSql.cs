using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;
using Icesco.Insights.Storage.ReferenceData;

namespace Icesco.Insights.Bench;

/// <summary>
/// Generates page views and feedback inside the engine (<c>INSERT … SELECT … FROM numbers(…)</c>), so the
/// materialized views fill the rollups as the Collector's inserts do. Event <c>n</c> of <c>N</c> is at
/// <c>from + n · span / N</c> (time order, as a live site inserts), and each attribute is a hash of <c>n</c>:
/// a few popular articles and many rare ones (which also sets the topic mix), 0–2 member states per article,
/// a skewed mix of visitor countries, ar/en/fr at 45/35/20 %, returning visitors whose hash changes daily
/// (the salt rotates), and one feedback answer for every 33rd view (3 %), on a 5-point scale or, for a tenth, a 10-point one.
/// </summary>
internal static class TrendsSeedSql
{
    public const int FeedbackEvery = 33;

    private const string Columns =
        "event_id, event_time, received_at, site, article_id, url, path, topic, member_states, visitor_hash, country, language, device, referrer_host";

    // Uniform 0..1 from the event number and a salt, one per attribute, so attributes are independent.
    private const string Common = """
        WITH
            (cityHash64(number, 2) % 1000000) / 1000000 AS u_article,
            (cityHash64(number, 3) % 1000000) / 1000000 AS u_language,
            (cityHash64(number, 4) % 1000000) / 1000000 AS u_visitor,
            (cityHash64(number, 5) % 1000000) / 1000000 AS u_country,
            (cityHash64(number, 6) % 1000000) / 1000000 AS u_device,
            toUInt64(floor({articles:UInt64} * pow(u_article, 3))) AS a,
            fromUnixTimestamp64Milli(toInt64({from_ms:Int64} + intDiv(number * {span_ms:UInt64}, {events:UInt64})), 'UTC') AS t,
            multiIf(u_language < 0.45, 'ar', u_language < 0.80, 'en', 'fr') AS lang,
            concat('article-', toString(a)) AS article,
            if(cityHash64(number, 8) % 10 = 0, 10, 5) AS scale,
            (cityHash64(number, 9) % 1000000) / 1000000 AS u_rating
        SELECT
            generateUUIDv4(number),
            addMilliseconds(t, {delay_ms:UInt64}),
            addMilliseconds(t, {delay_ms:UInt64} + 150),
            {site:String},
            article,
            concat('https://www.icesco.org/', lang, '/2026/', article, '/'),
            concat('/', lang, '/2026/', article, '/'),
            {topics:Array(String)}[1 + a % length({topics:Array(String)})],
            multiIf(a % 5 = 0, [],
                    a % 4 = 0, [{states:Array(String)}[1 + a % length({states:Array(String)})], {states:Array(String)}[1 + intDiv(a, 7) % length({states:Array(String)})]],
                    [{states:Array(String)}[1 + a % length({states:Array(String)})]]),
            cityHash64(toUInt64(floor({visitors:UInt64} * pow(u_visitor, 2))), toDate(t)),
            {countries:Array(String)}[1 + toUInt64(floor(length({countries:Array(String)}) * pow(u_country, 2.5)))],
            lang,
            multiIf(u_device < 0.55, 'mobile', u_device < 0.95, 'desktop', 'tablet'),
            {referrers:Array(String)}[1 + cityHash64(number, 7) % length({referrers:Array(String)})]
        """;

    /// <summary>Page views <c>start</c> to <c>start + count − 1</c>.</summary>
    public static string PageViews(string database) =>
        $"INSERT INTO {database}.page_views ({Columns})\n{Common}\nFROM numbers({{start:UInt64}}, {{count:UInt64}})";

    /// <summary>Feedback from every <see cref="FeedbackEvery"/>th of those views, a minute after it.</summary>
    public static string Feedback(string database) => $$"""
        INSERT INTO {{database}}.feedback ({{Columns}}, rating, rating_scale, comment)
        {{Common}},
            toUInt8(if(scale = 5,
                multiIf(u_rating < 0.05, 1, u_rating < 0.13, 2, u_rating < 0.30, 3, u_rating < 0.65, 4, 5),
                least(10, 1 + floor(10 * pow(u_rating, 0.6))))),
            toUInt8(scale),
            if(cityHash64(number, 10) % 10 = 0, {comments:Array(String)}[1 + cityHash64(number, 11) % length({comments:Array(String)})], '')
        FROM numbers({start:UInt64}, {count:UInt64})
        WHERE number % {{FeedbackEvery}} = 0
        """;

    /// <summary>The parameters of both statements for one chunk; <paramref name="delayMilliseconds"/> separates feedback from its view.</summary>
    public static ClickHouseParameterCollection Parameters(
        long events, long start, long count, DateTimeOffset from, TimeSpan span, int delayMilliseconds)
    {
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("start", (ulong)start);
        parameters.AddParameter("count", (ulong)count);
        parameters.AddParameter("events", (ulong)events);
        parameters.AddParameter("from_ms", from.ToUnixTimeMilliseconds());
        parameters.AddParameter("span_ms", (ulong)span.TotalMilliseconds);
        parameters.AddParameter("delay_ms", (ulong)delayMilliseconds);
        parameters.AddParameter("articles", 4000UL);
        parameters.AddParameter("visitors", Math.Max(1000UL, (ulong)events / 60)); // ~60 views per visitor over the range
        parameters.AddParameter("site", "icesco.org");
        parameters.AddParameter("topics", ReferenceDataFiles.Topics().Select(t => t.Code).ToArray());
        parameters.AddParameter("states", ReferenceDataFiles.MemberStates().Where(s => s.Status == "confirmed").Select(s => s.Code).ToArray());
        parameters.AddParameter("countries", Countries);
        parameters.AddParameter("referrers", Referrers);
        parameters.AddParameter("comments", Comments);
        return parameters;
    }

    private static readonly string[] Referrers = ["", "", "", "www.google.com", "www.facebook.com", "x.com", "t.co", "www.bing.com", "news.google.com", "www.linkedin.com"];

    // With diacritics and letter forms as readers write them, so that the explorer's search is measured on real work.
    private static readonly string[] Comments =
    [
        "مفيد جدا", "clear, thanks", "merci pour cet article", "page too slow", "الترجمة غير دقيقة", "le lien ne marche pas", "great initiative",
        "مقالٌ رائعٌ عن التَّعليمِ في إفريقيا", "l'éducation des filles mérite un suivi", "أتمنى المزيد عن الثقافة الإسلاميّة", "the video does not play on my phone",
    ];

    // Most readers from the headquarters' region and the larger member states, then the rest of the world; "" = unknown.
    private static readonly string[] Countries =
    [
        "MA", "EG", "SA", "DZ", "TN", "AE", "FR", "JO", "IQ", "PK", "ID", "NG", "SN", "US", "TR", "MY", "BD", "QA", "KW",
        "OM", "LB", "PS", "SD", "MR", "LY", "YE", "SY", "BH", "GB", "BE", "DE", "CA", "ES", "IT", "NL", "IR", "AZ", "KZ",
        "UZ", "ML", "NE", "TD", "CM", "CI", "BF", "GN", "SO", "DJ", "KM", "AF", "TJ", "KG", "TM", "AL", "BN", "MV", "GM",
        "SL", "GA", "TG", "BJ", "UG", "MZ", "GW", "SR", "GY", "IN", "CN", "BR", "RU", "JP", "KR", "AU", "CH", "SE", "",
    ];
}
