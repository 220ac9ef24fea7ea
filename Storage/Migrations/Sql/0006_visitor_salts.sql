-- The daily salt of the visitor hash, one per UTC day, shared by all Collectors. A Collector offers
-- a random salt with insert_deduplication_token = 'visitor-salt-<day>'; the server keeps the first
-- offer (hence the deduplication window, which plain MergeTree leaves at 0) and all read it back.
-- The TTL drops a day's salt once it is two days old, so only today's and yesterday's exist and
-- no stored visitor hash can be recomputed from an IP afterwards.
CREATE TABLE IF NOT EXISTS {database}.visitor_salts
(
    day Date,
    salt String COMMENT 'hex of 32 random bytes',
    created_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = MergeTree
PARTITION BY day
ORDER BY day
TTL day + INTERVAL 2 DAY
SETTINGS non_replicated_deduplication_window = 1000, ttl_only_drop_parts = 1;
