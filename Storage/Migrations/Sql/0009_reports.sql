-- Weekly reports (docs/decisions/0014): the rendered files with their metadata. Kept in ClickHouse, not
-- only on the Jobs server's disk, so every Dashboard instance lists and serves them through the driver
-- wherever the report was rendered. One row per week, language and format; a re-run writes a newer
-- generated_at and replaces the row (readers use FINAL), so a week never has two reports.
CREATE TABLE IF NOT EXISTS {database}.reports
(
    week LowCardinality(String) COMMENT 'ISO week, e.g. 2026-W47',
    week_start Date COMMENT 'its Monday',
    language LowCardinality(String) COMMENT 'ar, en or fr',
    format LowCardinality(String) COMMENT 'pdf or html',
    content String CODEC(ZSTD(3)),
    size_bytes UInt64,
    sha256 String,
    pages UInt16 COMMENT 'PDF pages; 0 for HTML',
    generated_at DateTime64(3, 'UTC'),
    render_ms UInt32
)
ENGINE = ReplacingMergeTree(generated_at)
ORDER BY (week_start, language, format)
SETTINGS non_replicated_deduplication_window = 1000;

-- One row per week whose report was e-mailed: a re-run renders again but never sends again.
CREATE TABLE IF NOT EXISTS {database}.report_deliveries
(
    week LowCardinality(String),
    week_start Date,
    recipients String COMMENT 'the addresses it went to, comma-separated',
    sent_at DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(sent_at)
ORDER BY week_start
SETTINGS non_replicated_deduplication_window = 1000;
