-- Reports of one event across documents (the merge stage, crates/code/src/merge):
-- every event row names the event_id of the report that represents its group.
-- NULL until the merge has run over the event's days: an event alone is its
-- own representative. Readers that list each event once keep the rows where
-- canonical is NULL or equal to event_id.
ALTER TABLE events ADD COLUMN canonical TEXT;
CREATE INDEX events_canonical ON events (canonical);
