-- Articles the Collector saw in events but did not know (no row in articles): the Jobs' metadata
-- sync reads this list (FINAL) to fetch them. Written in batches by the Collector; one row per
-- (site, article_id, url), the newest last_seen kept.
CREATE TABLE IF NOT EXISTS {database}.unknown_articles
(
    site LowCardinality(String),
    article_id String COMMENT 'as the page reported it; empty when only the url is known',
    url String,
    first_seen DateTime64(3, 'UTC'),
    last_seen DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(last_seen)
ORDER BY (site, article_id, url);
