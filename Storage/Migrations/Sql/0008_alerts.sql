-- Alerts (docs/decisions/0012): a traffic spike or drop, or a satisfaction drop, of a topic or member state
-- in a completed period, found by the Alerts job in `trends`. One row per subject (kind, dimension, value)
-- and period: re-evaluating a period finds its row and raises nothing new. ReplacingMergeTree(revision)
-- keeps the latest state of a row: revision 0 when raised, 1 once e-mailed; readers use FINAL.
CREATE TABLE IF NOT EXISTS {database}.alerts
(
    kind LowCardinality(String) COMMENT 'spike, drop or satisfaction-drop',
    dimension LowCardinality(String) COMMENT 'topic or member_state',
    dimension_value String,
    period_kind LowCardinality(String) COMMENT 'day or week (ISO), as in trends',
    period_start Date COMMENT 'first local day of the period (time zone of the Trends job)',
    observed Float64 COMMENT 'views (spike, drop) or CSAT share (satisfaction-drop) in the period',
    baseline Float64 COMMENT 'median of the same value over the previous 8 periods',
    observed_high Nullable(Float64) COMMENT 'satisfaction-drop: Wilson 95 % upper bound of the CSAT, the value compared with the baseline',
    raised_at DateTime64(3, 'UTC'),
    emailed_at Nullable(DateTime64(3, 'UTC')) COMMENT 'null until the alert was e-mailed to Alerts:Recipients',
    revision UInt8 COMMENT '0 raised, 1 e-mailed: the highest is the current state'
)
ENGINE = ReplacingMergeTree(revision)
PARTITION BY toYYYYMM(period_start)
ORDER BY (kind, dimension, dimension_value, period_kind, period_start);
