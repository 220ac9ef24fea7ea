-- The breakdowns of a page filtered on member state and topic (docs/decisions/0031): by language, device, source or
-- country, one row per local day of {rollup_time_zone} and value (facet and value as in explore_facets_1d), without
-- visitor sets (a breakdown shows none). explore_states_1d and explore_state_country_1d answer them too, but at 9–14 M
-- rows a year in parts of 8,192-row granules a filtered year read ~670 k rows for 23 k wanted (30–44 ms each).
-- The hours of a day under way come from explore_1h.
CREATE TABLE IF NOT EXISTS {database}.explore_state_topic_facets_1d
(
    site LowCardinality(String),
    day Date,
    member_state LowCardinality(String),
    topic LowCardinality(String),
    facet LowCardinality(String),
    value LowCardinality(String),
    views SimpleAggregateFunction(sum, UInt64),
    ratings SimpleAggregateFunction(sum, UInt64),
    satisfied SimpleAggregateFunction(sum, UInt64),
    comments SimpleAggregateFunction(sum, UInt64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (site, member_state, topic, facet, value, day)
SETTINGS non_replicated_deduplication_window = 10000, index_granularity = 256;

CREATE MATERIALIZED VIEW IF NOT EXISTS {database}.page_views_to_explore_state_topic_facets_1d_mv TO {database}.explore_state_topic_facets_1d AS
SELECT
    site,
    toDate(event_time, '{rollup_time_zone}') AS day,
    member_state,
    topic,
    facet_value.1 AS facet,
    facet_value.2 AS value,
    count() AS views
FROM {database}.page_views
ARRAY JOIN arrayDistinct(member_states) AS member_state
ARRAY JOIN [('language', toString(language)), ('device', toString(device)), ('source', toString({referrer_source})), ('country', toString(country))] AS facet_value
GROUP BY site, day, member_state, topic, facet, value;

CREATE MATERIALIZED VIEW IF NOT EXISTS {database}.feedback_to_explore_state_topic_facets_1d_mv TO {database}.explore_state_topic_facets_1d AS
SELECT
    site,
    toDate(event_time, '{rollup_time_zone}') AS day,
    member_state,
    topic,
    facet_value.1 AS facet,
    facet_value.2 AS value,
    count() AS ratings,
    countIf(toFloat64(rating) >= toFloat64(rating_scale) - round(0.4 * rating_scale) + 1) AS satisfied,
    countIf(comment != '') AS comments
FROM {database}.feedback
ARRAY JOIN arrayDistinct(member_states) AS member_state
ARRAY JOIN [('language', toString(language)), ('device', toString(device)), ('source', toString({referrer_source})), ('country', toString(country))] AS facet_value
GROUP BY site, day, member_state, topic, facet, value;
