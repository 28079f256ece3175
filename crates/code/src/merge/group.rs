//! Grouping reports as they stream in date order: each new report is
//! compared with the window's candidates ([`super::block`]) and joins the
//! groups of those that are the same event ([`super::compat::same_event`]).
//! A group is closed, and handed out, once none of its reports is in the
//! window any more: nothing later can join it. So memory is the window's
//! reports and the groups still open, whatever the number of reports, and
//! the groups are the connected components of the relation, as comparing
//! every pair within a week gives.

use std::collections::HashMap;

use chrono::NaiveDate;

use sitrep_model::DocId;

use super::block::{keys, Class, Window};
use super::{compat, pick, Report};

/// Why a report was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("reports must come in date order: {day} after {last}")]
pub struct OutOfOrder {
    pub day: NaiveDate,
    pub last: NaiveDate,
}

/// An open group: its reports, and how many of them are still in the window.
#[derive(Debug)]
struct Open {
    members: Vec<u64>,
    live: usize,
}

/// Groups reports of one event as they arrive in date order.
#[derive(Debug, Default)]
pub struct Grouper {
    window: Window,
    /// Every report of an open group, by number.
    reports: HashMap<u64, Report>,
    /// Union–find parents of those reports.
    parent: HashMap<u64, u64>,
    /// Open groups by their root.
    open: HashMap<u64, Open>,
    next: u64,
    last: Option<NaiveDate>,
    closed: Vec<Vec<Report>>,
    scratch: Vec<u64>,
    joins: Vec<u64>,
}

impl Grouper {
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Take in the next report: its date must not be before the last one's.
    /// A report with no date or no place can join nothing and is a group of
    /// its own at once.
    ///
    /// # Errors
    /// When the report is dated before the last report taken in.
    pub fn push(&mut self, report: Report) -> Result<(), OutOfOrder> {
        let Some(k) = keys(&report) else {
            self.closed.push(vec![report]);
            return Ok(());
        };
        if let Some(last) = self.last.filter(|&last| k.day < last) {
            return Err(OutOfOrder { day: k.day, last });
        }
        self.last = Some(k.day);
        let mut gone = std::mem::take(&mut self.scratch);
        self.window.expire(k.day, &mut gone);
        gone.drain(..).for_each(|i| self.leave(i));
        let id = self.next;
        self.next += 1;
        self.parent.insert(id, id);
        self.open.insert(id, Open { members: vec![id], live: 1 });
        self.window.candidates(&k, &mut gone);
        let mut joins = std::mem::take(&mut self.joins);
        for &c in &gone {
            if let Some(class) = self.window.class(c) {
                if self.reports.get(&class.first.0).is_some_and(|r| compat::alike(&r.event, &report.event)) {
                    same_event_with(class, &report.event.doc_id, &mut joins);
                }
            }
        }
        for &i in &joins {
            self.union(i, id);
        }
        joins.clear();
        self.joins = joins;
        gone.clear();
        self.scratch = gone;
        self.window.insert(id, &report.event.doc_id, k);
        self.reports.insert(id, report);
        Ok(())
    }

    /// The groups closed so far, each sorted by [`pick::order`].
    pub fn take_closed(&mut self) -> Vec<Vec<Report>> {
        std::mem::take(&mut self.closed)
    }

    /// Close every group and hand out the rest.
    #[must_use]
    pub fn finish(mut self) -> Vec<Vec<Report>> {
        let mut gone = Vec::new();
        self.window.clear(&mut gone);
        gone.into_iter().for_each(|i| self.leave(i));
        self.closed
    }

    /// Report `i` left the window: its group closes when it was the last.
    fn leave(&mut self, i: u64) {
        let root = self.find(i);
        let Some(group) = self.open.get_mut(&root) else { return };
        group.live -= 1;
        if group.live > 0 {
            return;
        }
        let Some(group) = self.open.remove(&root) else { return };
        let mut reports: Vec<Report> = group
            .members
            .iter()
            .filter_map(|m| {
                self.parent.remove(m);
                self.reports.remove(m)
            })
            .collect();
        reports.sort_by(pick::order);
        self.closed.push(reports);
    }

    fn find(&mut self, mut i: u64) -> u64 {
        while let Some(&p) = self.parent.get(&i) {
            if p == i {
                break;
            }
            let grand = self.parent.get(&p).copied().unwrap_or(p);
            self.parent.insert(i, grand);
            i = grand;
        }
        i
    }

    fn union(&mut self, a: u64, b: u64) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return;
        }
        let (Some(ga), Some(gb)) = (self.open.remove(&ra), self.open.remove(&rb)) else { return };
        // The larger group's root stays, so members move O(n log n) in all.
        let (keep, big, small) = if ga.members.len() >= gb.members.len() { (ra, ga, gb) } else { (rb, gb, ga) };
        let lost = if keep == ra { rb } else { ra };
        self.parent.insert(lost, keep);
        let mut members = big.members;
        members.extend(small.members);
        self.open.insert(keep, Open { members, live: big.live + small.live });
    }
}

/// The reports of `class`, alike with a new report of document `doc`, that
/// the new report is the same event as, enough to join their groups: one of
/// another document when the class spans two documents (all its reports are
/// then in one group), else every report when the class's document is not
/// `doc` (reports of one document need not be in one group), else none.
fn same_event_with(class: &Class, doc: &DocId, out: &mut Vec<u64>) {
    match class.other {
        Some(other) => out.push(if class.first.1 == *doc { other } else { class.first.0 }),
        None if class.first.1 != *doc => out.extend(&class.members),
        None => {}
    }
}
