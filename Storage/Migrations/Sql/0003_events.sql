-- Raw events, written only by the Collector. Dashboards read the rollups (0004), so the sort key
-- serves the raw queries that remain: one site, a recent time range, per topic or article.
-- non_replicated_deduplication_window: plain MergeTree defaults to 0, which would silently ignore
-- insert_deduplication_token and double-count a retried batch.
CREATE TABLE IF NOT EXISTS {database}.page_views
(
    event_id UUID,
    event_time DateTime64(3, 'UTC'),
    received_at DateTime64(3, 'UTC'),
    site LowCardinality(String),
    article_id String,
    url String,
    path String,
    topic LowCardinality(String),
    member_states Array(LowCardinality(String)),
    visitor_hash UInt64 COMMENT 'salted daily; never a raw IP or cookie',
    country LowCardinality(String) COMMENT 'ISO 3166-1 alpha-2 of the visitor, empty if unknown',
    language LowCardinality(String),
    device LowCardinality(String),
    referrer_host LowCardinality(String)
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(event_time)
ORDER BY (site, toDate(event_time), topic, article_id, event_time)
TTL toDateTime(event_time) + INTERVAL {raw_event_ttl_days} DAY
SETTINGS non_replicated_deduplication_window = 10000;

CREATE TABLE IF NOT EXISTS {database}.feedback
(
    event_id UUID,
    event_time DateTime64(3, 'UTC'),
    received_at DateTime64(3, 'UTC'),
    site LowCardinality(String),
    article_id String,
    url String,
    path String,
    topic LowCardinality(String),
    member_states Array(LowCardinality(String)),
    visitor_hash UInt64,
    country LowCardinality(String),
    language LowCardinality(String),
    device LowCardinality(String),
    referrer_host LowCardinality(String),
    rating UInt8 COMMENT '1 = lowest answer of the widget',
    rating_scale UInt8 COMMENT 'number of answers the widget offered, e.g. 5',
    comment String COMMENT 'scrubbed of e-mail addresses and phone numbers by the Collector'
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(event_time)
ORDER BY (site, toDate(event_time), topic, event_time)
TTL toDateTime(event_time) + INTERVAL {raw_event_ttl_days} DAY
SETTINGS non_replicated_deduplication_window = 10000;
