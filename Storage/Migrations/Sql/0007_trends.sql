-- Trends (docs/decisions/0010): one row per period (local day or ISO week), dimension and value.
-- ReplacingMergeTree keyed by what a row describes, versioned by computed_at: re-running a period
-- replaces its rows instead of adding to them; readers use FINAL.
CREATE TABLE IF NOT EXISTS {database}.trends
(
    period_kind LowCardinality(String) COMMENT 'day or week (ISO, starting Monday)',
    period_start Date COMMENT 'first local day of the period (time zone of the Trends job)',
    dimension LowCardinality(String) COMMENT 'topic, member_state, country, language or article',
    dimension_value String,
    views UInt64,
    unique_visitors UInt64 COMMENT 'uniqMerge over the whole period, never a sum of daily uniques',
    ratings UInt64,
    mean_rating Nullable(Float64) COMMENT 'mean rating normalised to 0..1 across scales',
    csat Nullable(Float64) COMMENT 'share of answers in the top 40 % of their scale (top-2-box of 5)',
    csat_low Nullable(Float64) COMMENT 'Wilson 95 % interval',
    csat_high Nullable(Float64),
    ratings_per_1000_views Nullable(Float64),
    views_change Nullable(Float64) COMMENT 'relative to the previous period; null when that was 0',
    csat_change Nullable(Float64),
    anomaly LowCardinality(String) COMMENT 'none, spike, drop or insufficient-history (views vs median/MAD of 8 periods)',
    small_sample Bool COMMENT 'fewer ratings than Trends:MinimumSample: shown, not ranked',
    computed_at DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(computed_at)
PARTITION BY toYYYYMM(period_start)
ORDER BY (period_kind, period_start, dimension, dimension_value)
SETTINGS non_replicated_deduplication_window = 1000;

-- Hourly rollup by language: the per-minute rollups (0004) lack this dimension. Hourly rather than daily
-- so that local days of any whole-hour time zone (Africa/Casablanca is UTC+1 or UTC+0) are exact.
CREATE TABLE IF NOT EXISTS {database}.engagement_by_language_1h
(
    site LowCardinality(String),
    hour DateTime('UTC'),
    language LowCardinality(String),
    views SimpleAggregateFunction(sum, UInt64),
    visitors AggregateFunction(uniq, UInt64),
    ratings SimpleAggregateFunction(sum, UInt64),
    rating_score_sum SimpleAggregateFunction(sum, Float64),
    rating_score_sum_squares SimpleAggregateFunction(sum, Float64),
    rating_histogram SimpleAggregateFunction(sumMap, Tuple(Array(Tuple(UInt8, UInt8)), Array(UInt64))),
    comments SimpleAggregateFunction(sum, UInt64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(hour)
ORDER BY (site, language, hour)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE MATERIALIZED VIEW IF NOT EXISTS {database}.page_views_to_engagement_by_language_1h_mv TO {database}.engagement_by_language_1h AS
SELECT
    site,
    toStartOfHour(toDateTime(event_time, 'UTC')) AS hour,
    language AS language,
    count() AS views,
    uniqState(visitor_hash) AS visitors
FROM {database}.page_views
GROUP BY site, hour, language;

CREATE MATERIALIZED VIEW IF NOT EXISTS {database}.feedback_to_engagement_by_language_1h_mv TO {database}.engagement_by_language_1h AS
SELECT
    site,
    toStartOfHour(toDateTime(event_time, 'UTC')) AS hour,
    language AS language,
    count() AS ratings,
    sum(least(greatest(toFloat64(rating) - 1, 0) / greatest(toFloat64(rating_scale) - 1, 1), 1)) AS rating_score_sum,
    sum(pow(least(greatest(toFloat64(rating) - 1, 0) / greatest(toFloat64(rating_scale) - 1, 1), 1), 2)) AS rating_score_sum_squares,
    sumMap([(rating_scale, rating)], [toUInt64(1)]) AS rating_histogram,
    countIf(comment != '') AS comments
FROM {database}.feedback
GROUP BY site, hour, language;

-- Hourly rollup by article: the per-minute rollups (0004) lack this dimension. Hourly rather than daily
-- so that local days of any whole-hour time zone (Africa/Casablanca is UTC+1 or UTC+0) are exact.
CREATE TABLE IF NOT EXISTS {database}.engagement_by_article_1h
(
    site LowCardinality(String),
    hour DateTime('UTC'),
    article String,
    views SimpleAggregateFunction(sum, UInt64),
    visitors AggregateFunction(uniq, UInt64),
    ratings SimpleAggregateFunction(sum, UInt64),
    rating_score_sum SimpleAggregateFunction(sum, Float64),
    rating_score_sum_squares SimpleAggregateFunction(sum, Float64),
    rating_histogram SimpleAggregateFunction(sumMap, Tuple(Array(Tuple(UInt8, UInt8)), Array(UInt64))),
    comments SimpleAggregateFunction(sum, UInt64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(hour)
ORDER BY (site, article, hour)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE MATERIALIZED VIEW IF NOT EXISTS {database}.page_views_to_engagement_by_article_1h_mv TO {database}.engagement_by_article_1h AS
SELECT
    site,
    toStartOfHour(toDateTime(event_time, 'UTC')) AS hour,
    article_id AS article,
    count() AS views,
    uniqState(visitor_hash) AS visitors
FROM {database}.page_views
GROUP BY site, hour, article;

CREATE MATERIALIZED VIEW IF NOT EXISTS {database}.feedback_to_engagement_by_article_1h_mv TO {database}.engagement_by_article_1h AS
SELECT
    site,
    toStartOfHour(toDateTime(event_time, 'UTC')) AS hour,
    article_id AS article,
    count() AS ratings,
    sum(least(greatest(toFloat64(rating) - 1, 0) / greatest(toFloat64(rating_scale) - 1, 1), 1)) AS rating_score_sum,
    sum(pow(least(greatest(toFloat64(rating) - 1, 0) / greatest(toFloat64(rating_scale) - 1, 1), 1), 2)) AS rating_score_sum_squares,
    sumMap([(rating_scale, rating)], [toUInt64(1)]) AS rating_histogram,
    countIf(comment != '') AS comments
FROM {database}.feedback
GROUP BY site, hour, article;
