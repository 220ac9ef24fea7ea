-- The feedback explorer's word search (docs/decisions/0032). feedback_explorer is sorted by time, so a search read every
-- comment of the period and ran position() on each (118 ms for a year of 3 M answers). Here each commented answer has
-- one row per distinct suffix (at most 32 code points) of each word of its normalised comment, sorted by suffix: a
-- typed word is a substring of the comment exactly when it is a prefix of one of its suffixes, so a search reads only
-- the rows of its matches. The rows carry the explorer's filter columns, so a count and a page's ids come from here
-- alone; the page's text is then read from feedback_explorer by time and id.
-- Answers stored before this migration are not here: see the README ("Upgrading to migration 0017").
CREATE TABLE IF NOT EXISTS {database}.feedback_search
(
    suffix String COMMENT 'a suffix of one word of the normalised comment, at most 32 code points',
    event_time DateTime64(3, 'UTC'),
    event_id UUID,
    site LowCardinality(String),
    article_id String,
    topic LowCardinality(String),
    member_states Array(LowCardinality(String)),
    country LowCardinality(String),
    language LowCardinality(String),
    device LowCardinality(String),
    source LowCardinality(String),
    rating UInt8,
    rating_scale UInt8
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(event_time)
ORDER BY (suffix, event_time, event_id)
TTL toDateTime(event_time) + INTERVAL {raw_event_ttl_days} DAY
SETTINGS non_replicated_deduplication_window = 10000;

CREATE MATERIALIZED VIEW IF NOT EXISTS {database}.feedback_to_feedback_search_mv TO {database}.feedback_search AS
SELECT
    suffix, event_time, event_id, site, article_id, topic, member_states, country, language, device,
    {referrer_source} AS source,
    rating, rating_scale
FROM {database}.feedback
ARRAY JOIN {search_suffixes} AS suffix;
