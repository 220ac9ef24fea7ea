-- Reference data an operator can correct without a deploy: a correction is an INSERT of the same
-- code with a higher version (ReplacingMergeTree keeps the highest). Read with FINAL.
-- Seed rows use small versions (see ReferenceDataSeeder); operator edits use epoch milliseconds.
CREATE TABLE IF NOT EXISTS {database}.member_states
(
    code LowCardinality(String) COMMENT 'ISO 3166-1 alpha-2',
    iso3 LowCardinality(String),
    name_ar String,
    name_en String,
    name_fr String,
    status Enum8('confirmed' = 1, 'uncertain' = 2, 'observer' = 3, 'not_member' = 4),
    source_note String,
    version UInt64,
    updated_at DateTime64(3, 'UTC'),
    updated_by LowCardinality(String)
)
ENGINE = ReplacingMergeTree(version)
ORDER BY code;

CREATE TABLE IF NOT EXISTS {database}.topics
(
    code LowCardinality(String) COMMENT 'ICESCO sector code used by articles and events',
    name_ar String,
    name_en String,
    name_fr String,
    sort_order UInt8,
    version UInt64,
    updated_at DateTime64(3, 'UTC'),
    updated_by LowCardinality(String)
)
ENGINE = ReplacingMergeTree(version)
ORDER BY code;
