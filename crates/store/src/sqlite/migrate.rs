//! Schema migrations: numbered SQL files applied in order, tracked with
//! `PRAGMA user_version`.
//!
//! All pending migrations run in one immediate transaction, so a database is
//! either at its old version or fully upgraded, and two processes opening
//! the same new file do not both migrate it (the second waits for the write
//! lock, then re-reads the version and finds nothing to do). A database whose
//! version is newer than the last migration known here is refused, not
//! touched.

use rusqlite::{Connection, TransactionBehavior};

use crate::error::{BackendError, StoreError};

/// One schema step: after it runs, `user_version` is `version`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Migration {
    pub version: i64,
    pub name: &'static str,
    pub sql: &'static str,
}

/// The migrations, in order; `version` is the position counted from 1.
pub(crate) const MIGRATIONS: &[Migration] = &[
    Migration { version: 1, name: "0001_init", sql: include_str!("migrations/0001_init.sql") },
    Migration { version: 2, name: "0002_feeds", sql: include_str!("migrations/0002_feeds.sql") },
    Migration { version: 3, name: "0003_canonical", sql: include_str!("migrations/0003_canonical.sql") },
    Migration { version: 4, name: "0004_pending_merge", sql: include_str!("migrations/0004_pending_merge.sql") },
];

/// The schema version this code writes.
pub const SCHEMA_VERSION: i64 = 4;

/// Bring the database up to the last of `migrations`; returns the version
/// it was at before.
pub(crate) fn migrate(conn: &mut Connection, location: &str, migrations: &[Migration]) -> Result<i64, StoreError> {
    let known = migrations.last().map_or(0, |m| m.version);
    let found = user_version(conn, location)?;
    if found == known {
        return Ok(found);
    }
    check_not_newer(location, found, known)?;
    let db = |e: rusqlite::Error| StoreError::Database { location: location.to_owned(), source: e.into() };
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(db)?;
    // Re-read under the write lock: another process may have migrated meanwhile.
    let before = user_version(&tx, location)?;
    check_not_newer(location, before, known)?;
    for m in migrations.iter().filter(|m| m.version > before) {
        apply(&tx, m).map_err(|source| StoreError::Migration {
            location: location.to_owned(),
            migration: m.name,
            source,
        })?;
    }
    tx.commit().map_err(db)?;
    Ok(before)
}

fn apply(conn: &Connection, m: &Migration) -> Result<(), BackendError> {
    conn.execute_batch(m.sql)?;
    // user_version lives in the file header and is rolled back with the transaction.
    conn.pragma_update(None, "user_version", m.version)?;
    Ok(())
}

/// The database's schema version (0 for a new file).
pub(crate) fn user_version(conn: &Connection, location: &str) -> Result<i64, StoreError> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| StoreError::Database { location: location.to_owned(), source: e.into() })
}

fn check_not_newer(location: &str, found: i64, known: i64) -> Result<(), StoreError> {
    if found > known {
        Err(StoreError::TooNew { location: location.to_owned(), found, known })
    } else {
        Ok(())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const STEPS: &[Migration] = &[
        Migration { version: 1, name: "0001_a", sql: "CREATE TABLE a (x INTEGER);" },
        Migration { version: 2, name: "0002_b", sql: "CREATE TABLE b (y INTEGER);" },
    ];

    fn tables(conn: &Connection) -> Vec<String> {
        let mut st = conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").unwrap();
        st.query_map([], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap()
    }

    #[test]
    fn migrations_apply_in_order_once() {
        let mut conn = Connection::open_in_memory().unwrap();
        assert_eq!(migrate(&mut conn, "mem", &STEPS[..1]).unwrap(), 0);
        assert_eq!(migrate(&mut conn, "mem", STEPS).unwrap(), 1, "only step 2 runs");
        assert_eq!(migrate(&mut conn, "mem", STEPS).unwrap(), 2, "nothing to do");
        assert_eq!(user_version(&conn, "mem").unwrap(), 2);
        assert_eq!(tables(&conn), ["a", "b"]);
    }

    #[test]
    fn a_failing_migration_leaves_the_previous_version() {
        let broken =
            [STEPS[0], STEPS[1], Migration { version: 3, name: "0003_bad", sql: "CREATE TABLE c (; nonsense" }];
        let mut conn = Connection::open_in_memory().unwrap();
        let err = migrate(&mut conn, "test.db", &broken).unwrap_err();
        assert!(matches!(err, StoreError::Migration { migration: "0003_bad", .. }), "{err}");
        assert!(err.to_string().starts_with("test.db: migration 0003_bad failed"), "{err}");
        assert_eq!(user_version(&conn, "mem").unwrap(), 0, "the whole upgrade rolled back");
        assert!(tables(&conn).is_empty());
    }

    #[test]
    fn a_newer_database_is_refused_untouched() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", 7).unwrap();
        let err = migrate(&mut conn, "new.db", STEPS).unwrap_err();
        assert!(matches!(err, StoreError::TooNew { found: 7, known: 2, .. }), "{err}");
        assert!(tables(&conn).is_empty());
    }

    #[test]
    fn shipped_migrations_are_numbered_from_one() {
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.version, i as i64 + 1, "{}", m.name);
            assert!(m.name.starts_with(&format!("{:04}_", m.version)), "{}", m.name);
        }
        assert_eq!(MIGRATIONS.last().map(|m| m.version), Some(SCHEMA_VERSION));
    }
}
