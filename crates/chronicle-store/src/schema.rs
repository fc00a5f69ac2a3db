//! The SQLite schema, its version, and what happens with a store of another version.
//!
//! The version is SQLite's `user_version`; `meta` also names the format so that an
//! unrelated SQLite file is never taken for a store.

use std::path::Path;

use rusqlite::{Connection, OptionalExtension};

use chronicle_engine::corpus::ANALYSIS_VERSION;

use crate::StoreError;

/// The schema version this build reads and writes.
pub const SCHEMA_VERSION: i64 = 1;

const FORMAT: &str = "chronicle-store";

const CREATE: &str = "
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    seq INTEGER PRIMARY KEY,            -- ingest order; the full-text index's document key
    id TEXT NOT NULL UNIQUE,
    published TEXT NOT NULL,            -- YYYY-MM-DD
    title TEXT,
    url TEXT,
    source TEXT,
    declared_language TEXT,             -- as the input said
    language TEXT NOT NULL,             -- code of the language it was analysed in
    text TEXT NOT NULL,
    hash BLOB NOT NULL UNIQUE,          -- xxh3-128 of date and text: exact duplicates
    minhash BLOB,                       -- MinHash signature (NULL: too short to compare)
    near_dup_of INTEGER REFERENCES articles(seq),
    n_sentences INTEGER NOT NULL,
    sentences BLOB NOT NULL             -- analysed sentences: spans, terms, day mentions
);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_near_dup ON articles (near_dup_of) WHERE near_dup_of IS NOT NULL;
CREATE TABLE lsh (key INTEGER NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (key, seq)) WITHOUT ROWID;
";

/// The analysis version of the store's articles (see [`ANALYSIS_VERSION`]): the one it
/// was created with or last reanalysed with ([`crate::Store::reanalyse`]), 1 for a store
/// created before the version was recorded. Articles ingested later are analysed by the
/// current build, the older ones stay as they were until the store is reanalysed.
pub(crate) fn analysis_version(conn: &Connection) -> Result<u32, StoreError> {
    let value: Option<String> = conn
        .query_row("SELECT value FROM meta WHERE key = 'analysis'", [], |r| {
            r.get(0)
        })
        .optional()?;
    Ok(value.and_then(|v| v.parse().ok()).unwrap_or(1))
}

/// Records the analysis version of the store's articles (after all of them were
/// analysed by this build: [`crate::Store::reanalyse`]).
pub(crate) fn set_analysis_version(conn: &Connection, version: u32) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO meta (key, value) VALUES ('analysis', ?1)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [version.to_string()],
    )?;
    Ok(())
}

/// The store's schema version (0 for an empty database).
pub(crate) fn version(conn: &Connection) -> Result<i64, StoreError> {
    Ok(conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
}

fn is_store(conn: &Connection) -> Result<bool, StoreError> {
    let has_meta: bool = conn
        .query_row(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'",
            [],
            |_| Ok(true),
        )
        .optional()?
        .unwrap_or(false);
    if !has_meta {
        return Ok(false);
    }
    let format: Option<String> = conn
        .query_row("SELECT value FROM meta WHERE key = 'format'", [], |r| {
            r.get(0)
        })
        .optional()?;
    Ok(format.as_deref() == Some(FORMAT))
}

fn table_count(conn: &Connection) -> Result<i64, StoreError> {
    Ok(conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?)
}

/// Checks that `conn` is a store this build can read.
pub(crate) fn check(conn: &Connection, dir: &Path) -> Result<(), StoreError> {
    if !is_store(conn)? {
        return Err(StoreError::Schema(format!(
            "{} is not a Chronicle store (no store metadata in {})",
            dir.display(),
            crate::DB_FILE
        )));
    }
    let v = version(conn)?;
    if v == SCHEMA_VERSION {
        return Ok(());
    }
    Err(StoreError::Schema(mismatch(dir, v)))
}

fn mismatch(dir: &Path, v: i64) -> String {
    if v > SCHEMA_VERSION {
        format!(
            "the store at {} has schema version {v}, written by a newer Chronicle; this \
             build reads version {SCHEMA_VERSION}: upgrade chronicle to use it",
            dir.display()
        )
    } else {
        format!(
            "the store at {} has schema version {v}, which this build (version \
             {SCHEMA_VERSION}) cannot migrate: ingest the inputs again into a new store",
            dir.display()
        )
    }
}

/// Creates the schema in an empty database, migrates an older one where a migration
/// exists, refuses anything else.
pub(crate) fn create_or_migrate(conn: &mut Connection, dir: &Path) -> Result<(), StoreError> {
    if table_count(conn)? == 0 && version(conn)? == 0 {
        let tx = conn.transaction()?;
        tx.execute_batch(CREATE)?;
        tx.execute(
            "INSERT INTO meta (key, value) VALUES ('format', ?1), ('created_by', ?2), \
             ('analysis', ?3)",
            [
                FORMAT,
                concat!("chronicle-store ", env!("CARGO_PKG_VERSION")),
                &ANALYSIS_VERSION.to_string(),
            ],
        )?;
        tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
        tx.commit()?;
        return Ok(());
    }
    // Migrations go here: `match version(conn)? { 1 => migrate_1_to_2(conn)?, … }`, each
    // in one transaction that ends by setting `user_version`. There are none yet, so a
    // store of another version is refused with a message saying why.
    check(conn, dir)
}
