-- One row per article page (one language version). Versions of the same story in ar/en/fr share
-- translation_group, so engagement can be summed per story across languages.
-- Metadata sync re-inserts a row to update it; ReplacingMergeTree keeps the newest updated_at.
CREATE TABLE IF NOT EXISTS {database}.articles
(
    article_id String,
    url String,
    language LowCardinality(String) COMMENT 'ar, en or fr: the language of this page',
    title_ar String,
    title_en String,
    title_fr String,
    topic LowCardinality(String),
    member_states Array(LowCardinality(String)),
    translation_group String COMMENT 'shared by the language versions of one story',
    published_at Nullable(DateTime('UTC')) COMMENT 'null when the site shows no date',
    updated_at DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(updated_at)
ORDER BY article_id;
