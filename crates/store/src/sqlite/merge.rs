//! [`MergeStore`] on SQLite: the `canonical` column of migration 0003.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension};
use sitrep_model::record::EventRecord;

use crate::error::StoreError;
use crate::merge::MergeStore;
use crate::sqlite::{rows, SqliteStore};

/// The answer order of every event listing.
const ORDER: &str = "ORDER BY e.undated, e.date, e.doc_id, e.evidence_start, e.event_id";

impl MergeStore for SqliteStore {
    fn scan_window(
        &self,
        since: NaiveDate,
        until: NaiveDate,
        each: &mut dyn FnMut(EventRecord, Option<String>),
    ) -> Result<(), StoreError> {
        let sql = format!(
            "SELECT {}, d.outlet {} JOIN documents d ON d.id = e.document WHERE e.date BETWEEN ? AND ? {ORDER}",
            rows::EVENT_COLUMNS,
            rows::EVENT_FROM
        );
        let (a, b) = (rows::day_bound(since), rows::day_bound(until));
        let mut st = self.conn.prepare_cached(&sql).map_err(self.db())?;
        let found = st
            .query_map(params![a, b], |r| {
                Ok((rows::read_event(r)?, r.get::<_, Option<String>>(rows::EVENT_COLUMN_COUNT)?))
            })
            .map_err(self.db())?;
        for row in found {
            let (e, outlet) = row.map_err(self.db())?;
            each(rows::finish_event(&self.location, e)?, outlet);
        }
        Ok(())
    }

    fn set_representatives(&mut self, pairs: &[(String, String)]) -> Result<usize, StoreError> {
        let location = self.location.clone();
        let db = |e| crate::sqlite::db_error(&location, e);
        let tx = self.conn.transaction().map_err(db)?;
        let mut changed = 0;
        {
            let mut st = tx
                .prepare_cached("UPDATE events SET canonical = ?2 WHERE event_id = ?1 AND canonical IS NOT ?2")
                .map_err(db)?;
            for (member, representative) in pairs {
                changed += st.execute(params![member, representative]).map_err(db)?;
            }
        }
        tx.commit().map_err(db)?;
        Ok(changed)
    }

    fn pending_days(&self) -> Result<Option<(NaiveDate, NaiveDate)>, StoreError> {
        let (first, last): (Option<String>, Option<String>) = self
            .conn
            .query_row("SELECT min(day), max(day) FROM pending_merge", [], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(self.db())?;
        let day = |s: Option<String>| s.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok());
        Ok(day(first).zip(day(last)))
    }

    fn clear_pending(&mut self, since: NaiveDate, until: NaiveDate) -> Result<(), StoreError> {
        let (a, b) = (rows::day_bound(since), rows::day_bound(until));
        self.conn.execute("DELETE FROM pending_merge WHERE day BETWEEN ?1 AND ?2", params![a, b]).map_err(self.db())?;
        Ok(())
    }
}

impl SqliteStore {
    /// [`crate::EventStore::reports_of`].
    pub(crate) fn group_of(&self, event_id: &str) -> Result<Vec<EventRecord>, StoreError> {
        // The group's representative, then its members through the index on
        // canonical (and the representative itself, whose canonical may be NULL).
        let representative: Option<String> = self
            .conn
            .prepare_cached("SELECT coalesce(canonical, event_id) FROM events WHERE event_id = ?")
            .and_then(|mut st| st.query_row(params![event_id], |r| r.get(0)).optional())
            .map_err(self.db())?;
        let Some(representative) = representative else { return Ok(Vec::new()) };
        let sql = format!(
            "SELECT {} {} WHERE e.canonical = ?1 OR e.event_id = ?1 {ORDER}",
            rows::EVENT_COLUMNS,
            rows::EVENT_FROM
        );
        let mut st = self.conn.prepare_cached(&sql).map_err(self.db())?;
        let found = st.query_map(params![representative], rows::read_event).map_err(self.db())?;
        found.map(|r| rows::finish_event(&self.location, r.map_err(self.db())?)).collect()
    }
}
