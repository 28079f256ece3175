-- sitrep store, schema version 1: documents, actors, events, and a spatial index.
--
-- Dates are ISO 8601 text ('2016-01-20'), which sorts and compares as dates.
-- Lists that are always read whole and never searched (paragraphs, sentences,
-- quantities) are JSON text; everything a filter looks at is a column with an
-- index. Sized for a million events: every filter of `EventFilter` is answered
-- from an index, and pages come back in the order of `events_order`.

CREATE TABLE documents (
    id            INTEGER PRIMARY KEY,
    doc_id        TEXT NOT NULL UNIQUE,
    -- Hex SHA-256 of the raw body: what makes ingest idempotent.
    content_hash  TEXT NOT NULL UNIQUE,
    title         TEXT,
    published     TEXT,
    outlet        TEXT,
    byline        TEXT,
    url           TEXT,
    text          TEXT NOT NULL,
    -- JSON [[start, end], ...], byte offsets into text.
    paragraphs    TEXT NOT NULL,
    -- JSON [[start, end, paragraph index], ...].
    sentences     TEXT NOT NULL
);

-- One row per distinct (name, code, country): few thousand rows even for a
-- million events, so a substring search over names is a short scan.
CREATE TABLE actors (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    code         TEXT NOT NULL,
    country      TEXT,
    -- Lower-cased name (Unicode), what the actor filter searches.
    name_folded  TEXT NOT NULL,
    -- How many times events name this actor (as actor1 or actor2): tells a
    -- rare actor, whose events are best found through events_actor1/2, from
    -- a common one, whose events are best found by scanning events_order.
    mentions     INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX actors_identity ON actors (name, code, ifnull(country, ''));
CREATE INDEX actors_code ON actors (code);

CREATE TABLE events (
    id              INTEGER PRIMARY KEY,
    event_id        TEXT NOT NULL UNIQUE,
    document        INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    doc_id          TEXT NOT NULL,
    date            TEXT,
    -- 1 for undated events, which sort after dated ones.
    undated         INTEGER NOT NULL GENERATED ALWAYS AS (date IS NULL) VIRTUAL,
    date_precision  TEXT,
    event_type      TEXT NOT NULL,
    sub_event_type  TEXT NOT NULL,
    cameo           TEXT NOT NULL,
    plover          TEXT NOT NULL,
    plover_mode     TEXT,
    actor1          INTEGER REFERENCES actors (id),
    actor2          INTEGER REFERENCES actors (id),
    -- The location, NULL throughout when the event has none. country is ISO alpha-2.
    place_name      TEXT,
    admin1          TEXT,
    admin2          TEXT,
    country         TEXT,
    lat             REAL,
    lon             REAL,
    precision       INTEGER,
    gazetteer_id    TEXT,
    fatalities      INTEGER,
    -- JSON [{"value", "max", "qualifier", "unit"}, ...].
    quantities      TEXT NOT NULL,
    modality        TEXT NOT NULL,
    attribution     TEXT,
    evidence_text   TEXT NOT NULL,
    evidence_start  INTEGER NOT NULL,
    evidence_end    INTEGER NOT NULL,
    rule            TEXT NOT NULL
);

-- Indexes for a million events. The answer order is (undated, date, doc_id,
-- evidence_start, event_id); each index below ends with it, so an equality
-- on its leading column yields rows already in answer order and a page of
-- 100 stops after 100 index entries, with no sort.
--
-- events_order also carries every column a filter tests, so a filter with no
-- selective index of its own (an actor, a modality, a mix) scans this index
-- alone, in order, until the page is full, without touching the table.
CREATE INDEX events_order ON events (undated, date, doc_id, evidence_start, event_id,
    sub_event_type, event_type, country, actor1, actor2, modality);
CREATE INDEX events_country ON events (country, undated, date, doc_id, evidence_start, event_id);
CREATE INDEX events_sub_type ON events (sub_event_type, undated, date, doc_id, evidence_start, event_id);
CREATE INDEX events_type ON events (event_type, undated, date, doc_id, evidence_start, event_id);
-- A rare actor: its few events, found here, then sorted.
CREATE INDEX events_actor1 ON events (actor1);
CREATE INDEX events_actor2 ON events (actor2);
CREATE INDEX events_document ON events (document);

-- Located events as points (min = max), keyed by events.id: the bounding-box
-- prefilter of the `near` filter.
CREATE VIRTUAL TABLE event_points USING rtree (id, min_lat, max_lat, min_lon, max_lon);

-- Keep the spatial index in step when events go (a document deleted cascades here).
CREATE TRIGGER events_unindex AFTER DELETE ON events BEGIN
    DELETE FROM event_points WHERE id = old.id;
END;
