-- The article page over long periods (docs/decisions/0023): one story's audience per local day of {rollup_time_zone}.
-- article_audience_1h hardly aggregates for a popular story (its countries and sources are nearly unique per hour),
-- so a month of the most read one was as large as its raw events.
CREATE TABLE IF NOT EXISTS {database}.article_audience_1d
(
    site LowCardinality(String),
    article_id String,
    day Date,
    country LowCardinality(String),
    source LowCardinality(String),
    views SimpleAggregateFunction(sum, UInt64),
    visitors AggregateFunction(uniq, UInt64),
    ratings SimpleAggregateFunction(sum, UInt64),
    satisfied SimpleAggregateFunction(sum, UInt64),
    rating_histogram SimpleAggregateFunction(sumMap, Tuple(Array(Tuple(UInt8, UInt8)), Array(UInt64)))
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (site, article_id, day, country, source)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE MATERIALIZED VIEW IF NOT EXISTS {database}.page_views_to_article_audience_1d_mv TO {database}.article_audience_1d AS
SELECT
    site,
    article_id,
    toDate(event_time, '{rollup_time_zone}') AS day,
    country,
    {referrer_source} AS source,
    count() AS views,
    uniqState(visitor_hash) AS visitors
FROM {database}.page_views
GROUP BY site, article_id, day, country, source;

CREATE MATERIALIZED VIEW IF NOT EXISTS {database}.feedback_to_article_audience_1d_mv TO {database}.article_audience_1d AS
SELECT
    site,
    article_id,
    toDate(event_time, '{rollup_time_zone}') AS day,
    country,
    {referrer_source} AS source,
    count() AS ratings,
    countIf(toFloat64(rating) >= toFloat64(rating_scale) - round(0.4 * rating_scale) + 1) AS satisfied,
    sumMap([(rating_scale, rating)], [toUInt64(1)]) AS rating_histogram
FROM {database}.feedback
GROUP BY site, article_id, day, country, source;
