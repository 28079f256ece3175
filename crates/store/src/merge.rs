//! Which stored events report the same event. The merge stage
//! (`sitrep_code::merge`) decides; the store keeps, for every event, the
//! event that represents its group, so that every reader (`sitrep events
//! --merged`, the API, the map) lists an event once and finds all its
//! reports.

use chrono::NaiveDate;
use sitrep_model::record::EventRecord;

use crate::error::StoreError;

/// The merge groups of a store.
pub trait MergeStore {
    /// Hand `each` every event dated from `since` to `until` (inclusive),
    /// in date order, with the outlet of its document: the input of the
    /// merge stage over those days, streamed, so that memory does not grow
    /// with the number of events.
    ///
    /// # Errors
    /// When the backend cannot be read.
    fn scan_window(
        &self,
        since: NaiveDate,
        until: NaiveDate,
        each: &mut dyn FnMut(EventRecord, Option<String>),
    ) -> Result<(), StoreError>;

    /// Record (member, representative) event ids, in one transaction;
    /// returns how many events changed group.
    ///
    /// # Errors
    /// When the backend cannot be written; then nothing changes.
    fn set_representatives(&mut self, pairs: &[(String, String)]) -> Result<usize, StoreError>;

    /// The first and last of the days whose events are stored but not yet
    /// grouped (a run that stopped before its merge), if any.
    ///
    /// # Errors
    /// When the backend cannot be read.
    fn pending_days(&self) -> Result<Option<(NaiveDate, NaiveDate)>, StoreError>;

    /// Mark the days from `since` to `until` as grouped.
    ///
    /// # Errors
    /// When the backend cannot be written.
    fn clear_pending(&mut self, since: NaiveDate, until: NaiveDate) -> Result<(), StoreError>;
}
