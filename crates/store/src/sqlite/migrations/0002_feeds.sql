-- Feed state for `sitrep watch`: each feed's HTTP validators (for
-- conditional requests) and the entries already turned into documents, so a
-- restarted watcher neither loses nor repeats an entry.
CREATE TABLE feeds (
    url           TEXT PRIMARY KEY,
    etag          TEXT,
    last_modified TEXT,
    -- Unix seconds of the last poll that got an answer.
    last_polled   INTEGER,
    -- Polls that failed in a row (reset by a success).
    failures      INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE feed_entries (
    feed_url TEXT NOT NULL,
    entry_id TEXT NOT NULL,
    -- The document the entry became (NULL when it failed for good).
    doc_id   TEXT,
    seen_at  INTEGER NOT NULL,
    PRIMARY KEY (feed_url, entry_id)
) WITHOUT ROWID;
