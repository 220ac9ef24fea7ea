-- The whole site per local day (docs/decisions/0023): the headline figures and series of an Explore page without
-- filters read one row a day here. Its unique visitors are one set per day, where explore_1d holds one per day and
-- combination of topic, language, device and source: merging those hundreds of sets was most of a month's cost.
CREATE TABLE IF NOT EXISTS {database}.explore_site_1d
(
    site LowCardinality(String),
    day Date,
    views SimpleAggregateFunction(sum, UInt64),
    visitors AggregateFunction(uniq, UInt64),
    ratings SimpleAggregateFunction(sum, UInt64),
    satisfied SimpleAggregateFunction(sum, UInt64),
    comments SimpleAggregateFunction(sum, UInt64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (site, day)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE MATERIALIZED VIEW IF NOT EXISTS {database}.page_views_to_explore_site_1d_mv TO {database}.explore_site_1d AS
SELECT
    site,
    toDate(event_time, '{rollup_time_zone}') AS day,
    count() AS views,
    uniqState(visitor_hash) AS visitors
FROM {database}.page_views
GROUP BY site, day;

CREATE MATERIALIZED VIEW IF NOT EXISTS {database}.feedback_to_explore_site_1d_mv TO {database}.explore_site_1d AS
SELECT
    site,
    toDate(event_time, '{rollup_time_zone}') AS day,
    count() AS ratings,
    countIf(toFloat64(rating) >= toFloat64(rating_scale) - round(0.4 * rating_scale) + 1) AS satisfied,
    countIf(comment != '') AS comments
FROM {database}.feedback
GROUP BY site, day;
