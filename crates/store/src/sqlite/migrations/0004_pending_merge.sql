-- Days whose events are stored but not yet grouped by the merge stage. A
-- document's events add their days here in the transaction that stores
-- them; the merge clears the days it has grouped once its own transaction
-- has committed. A crash between the two leaves the days here, and the next
-- ingest (or `sitrep merge`) replays the merge over them: grouping is
-- idempotent, so a replay never harms and no report stays ungrouped.
CREATE TABLE pending_merge (day TEXT PRIMARY KEY) WITHOUT ROWID;
INSERT OR IGNORE INTO pending_merge (day)
    SELECT DISTINCT date FROM events WHERE date IS NOT NULL AND canonical IS NULL;
