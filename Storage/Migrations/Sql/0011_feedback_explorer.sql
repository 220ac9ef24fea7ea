-- The feedback explorer (docs/decisions/0022): every rating, newest first, filtered by the Explore dimensions and
-- searched in the readers' three languages. A copy of feedback sorted by time (feedback itself is sorted by day
-- and topic, so "the newest 50" would read the whole period), with the referrer's source and the comment's
-- normalised search form ({search_text}: Storage/ClickHouse/SearchText.cs) computed once on insert.
CREATE TABLE IF NOT EXISTS {database}.feedback_explorer
(
    event_id UUID,
    event_time DateTime64(3, 'UTC'),
    site LowCardinality(String),
    article_id String,
    topic LowCardinality(String),
    member_states Array(LowCardinality(String)),
    country LowCardinality(String),
    language LowCardinality(String),
    device LowCardinality(String),
    source LowCardinality(String),
    rating UInt8,
    rating_scale UInt8,
    comment String,
    search String COMMENT 'the comment normalised for search (lower case, Arabic letter forms unified, marks dropped)'
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(event_time)
ORDER BY (site, event_time, event_id)
TTL toDateTime(event_time) + INTERVAL {raw_event_ttl_days} DAY
SETTINGS non_replicated_deduplication_window = 10000;

CREATE MATERIALIZED VIEW IF NOT EXISTS {database}.feedback_to_feedback_explorer_mv TO {database}.feedback_explorer AS
SELECT
    event_id, event_time, site, article_id, topic, member_states, country, language, device,
    {referrer_source} AS source,
    rating, rating_scale, comment,
    {search_text} AS search
FROM {database}.feedback;

-- A member of staff marking a comment reviewed (or taking the mark back): the newest mark of an event wins.
-- A table of its own, so the raw events stay as the Collector wrote them.
CREATE TABLE IF NOT EXISTS {database}.feedback_reviews
(
    event_id UUID,
    reviewed UInt8 COMMENT '1 = reviewed, 0 = the mark was taken back',
    reviewed_by String COMMENT 'the Dashboard user name',
    reviewed_at DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(reviewed_at)
ORDER BY event_id;
