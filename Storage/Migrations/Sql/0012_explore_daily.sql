-- Explore over long periods (docs/decisions/0023): explore_1h keeps every dimension together, so at a busy site's
-- volume it hardly aggregates (a view's topic, member states, country, language, device and source are nearly unique
-- per hour) and a year of it is as large as the raw events. These daily rollups each keep only the dimensions a page
-- combines most, cut in local days of {rollup_time_zone} (ClickHouse:RollupTimeZone) so that a period of whole local
-- days reads only them; the Dashboard picks, for each question, the smallest one holding its filters and breakdown
-- (Dashboard/Explore/ExploreSources.cs), the hours of a day still under way from explore_1h.
--   explore_1d               topic, language, device, source                     totals, series and those breakdowns
--   explore_country_1d       + country
--   explore_states_1d        + member state (a view counts once for each state its article names)
--   explore_state_country_1d member state, country, topic                         e.g. Moroccan readers of MA pages

CREATE TABLE IF NOT EXISTS {database}.explore_1d
(
    site LowCardinality(String),
    day Date,
    topic LowCardinality(String),
    language LowCardinality(String),
    device LowCardinality(String),
    source LowCardinality(String),
    views SimpleAggregateFunction(sum, UInt64),
    visitors AggregateFunction(uniq, UInt64),
    ratings SimpleAggregateFunction(sum, UInt64),
    satisfied SimpleAggregateFunction(sum, UInt64),
    comments SimpleAggregateFunction(sum, UInt64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (site, topic, day, language, device, source)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE MATERIALIZED VIEW IF NOT EXISTS {database}.page_views_to_explore_1d_mv TO {database}.explore_1d AS
SELECT
    site,
    toDate(event_time, '{rollup_time_zone}') AS day,
    topic,
    language,
    device,
    {referrer_source} AS source,
    count() AS views,
    uniqState(visitor_hash) AS visitors
FROM {database}.page_views
GROUP BY site, day, topic, language, device, source;

CREATE MATERIALIZED VIEW IF NOT EXISTS {database}.feedback_to_explore_1d_mv TO {database}.explore_1d AS
SELECT
    site,
    toDate(event_time, '{rollup_time_zone}') AS day,
    topic,
    language,
    device,
    {referrer_source} AS source,
    count() AS ratings,
    countIf(toFloat64(rating) >= toFloat64(rating_scale) - round(0.4 * rating_scale) + 1) AS satisfied,
    countIf(comment != '') AS comments
FROM {database}.feedback
GROUP BY site, day, topic, language, device, source;

CREATE TABLE IF NOT EXISTS {database}.explore_country_1d
(
    site LowCardinality(String),
    day Date,
    country LowCardinality(String),
    topic LowCardinality(String),
    language LowCardinality(String),
    device LowCardinality(String),
    source LowCardinality(String),
    views SimpleAggregateFunction(sum, UInt64),
    visitors AggregateFunction(uniq, UInt64),
    ratings SimpleAggregateFunction(sum, UInt64),
    satisfied SimpleAggregateFunction(sum, UInt64),
    comments SimpleAggregateFunction(sum, UInt64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (site, country, topic, day, language, device, source)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE MATERIALIZED VIEW IF NOT EXISTS {database}.page_views_to_explore_country_1d_mv TO {database}.explore_country_1d AS
SELECT
    site,
    toDate(event_time, '{rollup_time_zone}') AS day,
    country,
    topic,
    language,
    device,
    {referrer_source} AS source,
    count() AS views,
    uniqState(visitor_hash) AS visitors
FROM {database}.page_views
GROUP BY site, day, country, topic, language, device, source;

CREATE MATERIALIZED VIEW IF NOT EXISTS {database}.feedback_to_explore_country_1d_mv TO {database}.explore_country_1d AS
SELECT
    site,
    toDate(event_time, '{rollup_time_zone}') AS day,
    country,
    topic,
    language,
    device,
    {referrer_source} AS source,
    count() AS ratings,
    countIf(toFloat64(rating) >= toFloat64(rating_scale) - round(0.4 * rating_scale) + 1) AS satisfied,
    countIf(comment != '') AS comments
FROM {database}.feedback
GROUP BY site, day, country, topic, language, device, source;

CREATE TABLE IF NOT EXISTS {database}.explore_states_1d
(
    site LowCardinality(String),
    day Date,
    member_state LowCardinality(String),
    topic LowCardinality(String),
    language LowCardinality(String),
    device LowCardinality(String),
    source LowCardinality(String),
    views SimpleAggregateFunction(sum, UInt64),
    visitors AggregateFunction(uniq, UInt64),
    ratings SimpleAggregateFunction(sum, UInt64),
    satisfied SimpleAggregateFunction(sum, UInt64),
    comments SimpleAggregateFunction(sum, UInt64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (site, member_state, topic, day, language, device, source)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE MATERIALIZED VIEW IF NOT EXISTS {database}.page_views_to_explore_states_1d_mv TO {database}.explore_states_1d AS
SELECT
    site,
    toDate(event_time, '{rollup_time_zone}') AS day,
    member_state,
    topic,
    language,
    device,
    {referrer_source} AS source,
    count() AS views,
    uniqState(visitor_hash) AS visitors
FROM {database}.page_views
ARRAY JOIN arrayDistinct(member_states) AS member_state
GROUP BY site, day, member_state, topic, language, device, source;

CREATE MATERIALIZED VIEW IF NOT EXISTS {database}.feedback_to_explore_states_1d_mv TO {database}.explore_states_1d AS
SELECT
    site,
    toDate(event_time, '{rollup_time_zone}') AS day,
    member_state,
    topic,
    language,
    device,
    {referrer_source} AS source,
    count() AS ratings,
    countIf(toFloat64(rating) >= toFloat64(rating_scale) - round(0.4 * rating_scale) + 1) AS satisfied,
    countIf(comment != '') AS comments
FROM {database}.feedback
ARRAY JOIN arrayDistinct(member_states) AS member_state
GROUP BY site, day, member_state, topic, language, device, source;

CREATE TABLE IF NOT EXISTS {database}.explore_state_country_1d
(
    site LowCardinality(String),
    day Date,
    member_state LowCardinality(String),
    country LowCardinality(String),
    topic LowCardinality(String),
    views SimpleAggregateFunction(sum, UInt64),
    visitors AggregateFunction(uniq, UInt64),
    ratings SimpleAggregateFunction(sum, UInt64),
    satisfied SimpleAggregateFunction(sum, UInt64),
    comments SimpleAggregateFunction(sum, UInt64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (site, member_state, country, topic, day)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE MATERIALIZED VIEW IF NOT EXISTS {database}.page_views_to_explore_state_country_1d_mv TO {database}.explore_state_country_1d AS
SELECT
    site,
    toDate(event_time, '{rollup_time_zone}') AS day,
    member_state,
    country,
    topic,
    count() AS views,
    uniqState(visitor_hash) AS visitors
FROM {database}.page_views
ARRAY JOIN arrayDistinct(member_states) AS member_state
GROUP BY site, day, member_state, country, topic;

CREATE MATERIALIZED VIEW IF NOT EXISTS {database}.feedback_to_explore_state_country_1d_mv TO {database}.explore_state_country_1d AS
SELECT
    site,
    toDate(event_time, '{rollup_time_zone}') AS day,
    member_state,
    country,
    topic,
    count() AS ratings,
    countIf(toFloat64(rating) >= toFloat64(rating_scale) - round(0.4 * rating_scale) + 1) AS satisfied,
    countIf(comment != '') AS comments
FROM {database}.feedback
ARRAY JOIN arrayDistinct(member_states) AS member_state
GROUP BY site, day, member_state, country, topic;
