-- Per-minute rollups filled at insert time by materialized views; dashboards and reports read
-- these, not the raw events. One target table per dimension, fed by two views (page_views and
-- feedback), so a panel gets views, unique visitors and satisfaction from one table.
-- Unique visitors are uniq states, merged with uniqMerge: summing per-minute uniques would
-- count a visitor once per minute. Ratings keep their scale: the histogram is keyed by
-- (rating_scale, rating), and rating_score_* hold the rating normalised to 0..1 so scales mix.
-- Target tables keep a deduplication window so that a retried insert whose source block was
-- written but whose view block was not (deduplicate_blocks_in_dependent_materialized_views,
-- on by default) is completed rather than counted twice; see docs/decisions/0002.
CREATE TABLE IF NOT EXISTS {database}.engagement_by_topic_1m
(
    site LowCardinality(String),
    minute DateTime('UTC'),
    topic LowCardinality(String),
    views SimpleAggregateFunction(sum, UInt64),
    visitors AggregateFunction(uniq, UInt64),
    ratings SimpleAggregateFunction(sum, UInt64),
    rating_score_sum SimpleAggregateFunction(sum, Float64),
    rating_score_sum_squares SimpleAggregateFunction(sum, Float64),
    rating_histogram SimpleAggregateFunction(sumMap, Tuple(Array(Tuple(UInt8, UInt8)), Array(UInt64))),
    comments SimpleAggregateFunction(sum, UInt64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(minute)
ORDER BY (site, topic, minute)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE MATERIALIZED VIEW IF NOT EXISTS {database}.page_views_to_engagement_by_topic_1m_mv TO {database}.engagement_by_topic_1m AS
SELECT
    site,
    toStartOfMinute(toDateTime(event_time, 'UTC')) AS minute,
    topic,
    count() AS views,
    uniqState(visitor_hash) AS visitors
FROM {database}.page_views
GROUP BY site, minute, topic;

CREATE MATERIALIZED VIEW IF NOT EXISTS {database}.feedback_to_engagement_by_topic_1m_mv TO {database}.engagement_by_topic_1m AS
SELECT
    site,
    toStartOfMinute(toDateTime(event_time, 'UTC')) AS minute,
    topic,
    count() AS ratings,
    sum(least(greatest(toFloat64(rating) - 1, 0) / greatest(toFloat64(rating_scale) - 1, 1), 1)) AS rating_score_sum,
    sum(pow(least(greatest(toFloat64(rating) - 1, 0) / greatest(toFloat64(rating_scale) - 1, 1), 1), 2)) AS rating_score_sum_squares,
    sumMap([(rating_scale, rating)], [toUInt64(1)]) AS rating_histogram,
    countIf(comment != '') AS comments
FROM {database}.feedback
GROUP BY site, minute, topic;

CREATE TABLE IF NOT EXISTS {database}.engagement_by_member_state_1m
(
    site LowCardinality(String),
    minute DateTime('UTC'),
    member_state LowCardinality(String),
    views SimpleAggregateFunction(sum, UInt64),
    visitors AggregateFunction(uniq, UInt64),
    ratings SimpleAggregateFunction(sum, UInt64),
    rating_score_sum SimpleAggregateFunction(sum, Float64),
    rating_score_sum_squares SimpleAggregateFunction(sum, Float64),
    rating_histogram SimpleAggregateFunction(sumMap, Tuple(Array(Tuple(UInt8, UInt8)), Array(UInt64))),
    comments SimpleAggregateFunction(sum, UInt64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(minute)
ORDER BY (site, member_state, minute)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE MATERIALIZED VIEW IF NOT EXISTS {database}.page_views_to_engagement_by_member_state_1m_mv TO {database}.engagement_by_member_state_1m AS
SELECT
    site,
    toStartOfMinute(toDateTime(event_time, 'UTC')) AS minute,
    arrayJoin(member_states) AS member_state,
    count() AS views,
    uniqState(visitor_hash) AS visitors
FROM {database}.page_views
GROUP BY site, minute, member_state;

CREATE MATERIALIZED VIEW IF NOT EXISTS {database}.feedback_to_engagement_by_member_state_1m_mv TO {database}.engagement_by_member_state_1m AS
SELECT
    site,
    toStartOfMinute(toDateTime(event_time, 'UTC')) AS minute,
    arrayJoin(member_states) AS member_state,
    count() AS ratings,
    sum(least(greatest(toFloat64(rating) - 1, 0) / greatest(toFloat64(rating_scale) - 1, 1), 1)) AS rating_score_sum,
    sum(pow(least(greatest(toFloat64(rating) - 1, 0) / greatest(toFloat64(rating_scale) - 1, 1), 1), 2)) AS rating_score_sum_squares,
    sumMap([(rating_scale, rating)], [toUInt64(1)]) AS rating_histogram,
    countIf(comment != '') AS comments
FROM {database}.feedback
GROUP BY site, minute, member_state;

CREATE TABLE IF NOT EXISTS {database}.engagement_by_country_1m
(
    site LowCardinality(String),
    minute DateTime('UTC'),
    country LowCardinality(String),
    views SimpleAggregateFunction(sum, UInt64),
    visitors AggregateFunction(uniq, UInt64),
    ratings SimpleAggregateFunction(sum, UInt64),
    rating_score_sum SimpleAggregateFunction(sum, Float64),
    rating_score_sum_squares SimpleAggregateFunction(sum, Float64),
    rating_histogram SimpleAggregateFunction(sumMap, Tuple(Array(Tuple(UInt8, UInt8)), Array(UInt64))),
    comments SimpleAggregateFunction(sum, UInt64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(minute)
ORDER BY (site, country, minute)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE MATERIALIZED VIEW IF NOT EXISTS {database}.page_views_to_engagement_by_country_1m_mv TO {database}.engagement_by_country_1m AS
SELECT
    site,
    toStartOfMinute(toDateTime(event_time, 'UTC')) AS minute,
    country,
    count() AS views,
    uniqState(visitor_hash) AS visitors
FROM {database}.page_views
GROUP BY site, minute, country;

CREATE MATERIALIZED VIEW IF NOT EXISTS {database}.feedback_to_engagement_by_country_1m_mv TO {database}.engagement_by_country_1m AS
SELECT
    site,
    toStartOfMinute(toDateTime(event_time, 'UTC')) AS minute,
    country,
    count() AS ratings,
    sum(least(greatest(toFloat64(rating) - 1, 0) / greatest(toFloat64(rating_scale) - 1, 1), 1)) AS rating_score_sum,
    sum(pow(least(greatest(toFloat64(rating) - 1, 0) / greatest(toFloat64(rating_scale) - 1, 1), 1), 2)) AS rating_score_sum_squares,
    sumMap([(rating_scale, rating)], [toUInt64(1)]) AS rating_histogram,
    countIf(comment != '') AS comments
FROM {database}.feedback
GROUP BY site, minute, country;
