-- Explore (docs/decisions/0021): any period, any combination of filters, breakdowns by every dimension.
-- One hourly rollup carries all the dimensions the overview filters and breaks down by, so that a page with
-- three filters still reads one rollup; hourly so that local days of a whole-hour zone (Trends:TimeZone) are
-- exact. member_states stays an array (an article names 0–3 states; a view counts once for each), filtered with
-- has() and broken down with ARRAY JOIN, as engagement_by_member_state_1m counts it.
-- source is the referrer's source (the referrer_source placeholder: Storage/ClickHouse/ReferrerSources.cs, one definition for
-- every view): a known search engine or social network by name, 'direct' when the page had no referrer from
-- another site, else the referring host without "www.".
-- satisfied counts answers in the top 40 % of their scale (docs/decisions/0010), so CSAT needs no histogram here.
CREATE TABLE IF NOT EXISTS {database}.explore_1h
(
    site LowCardinality(String),
    hour DateTime('UTC'),
    topic LowCardinality(String),
    language LowCardinality(String),
    device LowCardinality(String),
    source LowCardinality(String),
    country LowCardinality(String),
    member_states Array(LowCardinality(String)),
    views SimpleAggregateFunction(sum, UInt64),
    visitors AggregateFunction(uniq, UInt64),
    ratings SimpleAggregateFunction(sum, UInt64),
    satisfied SimpleAggregateFunction(sum, UInt64),
    comments SimpleAggregateFunction(sum, UInt64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(hour)
ORDER BY (site, hour, topic, language, device, source, country, member_states)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE MATERIALIZED VIEW IF NOT EXISTS {database}.page_views_to_explore_1h_mv TO {database}.explore_1h AS
SELECT
    site,
    toStartOfHour(toDateTime(event_time, 'UTC')) AS hour,
    topic,
    language,
    device,
    {referrer_source} AS source,
    country,
    arraySort(arrayDistinct(member_states)) AS member_states,
    count() AS views,
    uniqState(visitor_hash) AS visitors
FROM {database}.page_views
GROUP BY site, hour, topic, language, device, source, country, member_states;

CREATE MATERIALIZED VIEW IF NOT EXISTS {database}.feedback_to_explore_1h_mv TO {database}.explore_1h AS
SELECT
    site,
    toStartOfHour(toDateTime(event_time, 'UTC')) AS hour,
    topic,
    language,
    device,
    {referrer_source} AS source,
    country,
    arraySort(arrayDistinct(member_states)) AS member_states,
    count() AS ratings,
    countIf(toFloat64(rating) >= toFloat64(rating_scale) - round(0.4 * rating_scale) + 1) AS satisfied,
    countIf(comment != '') AS comments
FROM {database}.feedback
GROUP BY site, hour, topic, language, device, source, country, member_states;

-- The article page: one story's language versions, by hour, with the audience's country and source.
-- Sorted by article first: the page asks about 1–3 article ids over any period.
CREATE TABLE IF NOT EXISTS {database}.article_audience_1h
(
    site LowCardinality(String),
    article_id String,
    hour DateTime('UTC'),
    country LowCardinality(String),
    source LowCardinality(String),
    views SimpleAggregateFunction(sum, UInt64),
    visitors AggregateFunction(uniq, UInt64),
    ratings SimpleAggregateFunction(sum, UInt64),
    satisfied SimpleAggregateFunction(sum, UInt64),
    rating_histogram SimpleAggregateFunction(sumMap, Tuple(Array(Tuple(UInt8, UInt8)), Array(UInt64)))
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(hour)
ORDER BY (site, article_id, hour, country, source)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE MATERIALIZED VIEW IF NOT EXISTS {database}.page_views_to_article_audience_1h_mv TO {database}.article_audience_1h AS
SELECT
    site,
    article_id,
    toStartOfHour(toDateTime(event_time, 'UTC')) AS hour,
    country,
    {referrer_source} AS source,
    count() AS views,
    uniqState(visitor_hash) AS visitors
FROM {database}.page_views
GROUP BY site, article_id, hour, country, source;

CREATE MATERIALIZED VIEW IF NOT EXISTS {database}.feedback_to_article_audience_1h_mv TO {database}.article_audience_1h AS
SELECT
    site,
    article_id,
    toStartOfHour(toDateTime(event_time, 'UTC')) AS hour,
    country,
    {referrer_source} AS source,
    count() AS ratings,
    countIf(toFloat64(rating) >= toFloat64(rating_scale) - round(0.4 * rating_scale) + 1) AS satisfied,
    sumMap([(rating_scale, rating)], [toUInt64(1)]) AS rating_histogram
FROM {database}.feedback
GROUP BY site, article_id, hour, country, source;
