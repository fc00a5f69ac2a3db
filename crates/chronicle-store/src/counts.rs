//! Store-wide counts kept up to date by every ingest, so that `stats` answers at once
//! on a big store: counting sentences, sources and languages by scanning the articles
//! table reads every row's overflow pages (7–19 s on a million articles).
//!
//! The counts live in `meta` under the key `counts` (JSON) together with the highest
//! `seq` they include. They are written in the same transaction as the articles they
//! count, so they are never half-updated; when they are missing or behind (a store
//! written by an older build), readers scan instead and the next writer rebuilds them.

use std::collections::BTreeMap;

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::StoreError;

/// Counts over all stored articles up to `upto_seq`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Counts {
    pub upto_seq: i64,
    pub articles: u64,
    pub near_duplicates: u64,
    pub sentences: u64,
    /// Articles per source (`""` for none).
    pub sources: BTreeMap<String, u64>,
    /// Articles per analysis language code.
    pub languages: BTreeMap<String, u64>,
}

impl Counts {
    /// Adds one article.
    pub fn add(
        &mut self,
        seq: i64,
        source: Option<&str>,
        language: &str,
        sentences: usize,
        near_duplicate: bool,
    ) {
        self.upto_seq = self.upto_seq.max(seq);
        self.articles += 1;
        self.near_duplicates += u64::from(near_duplicate);
        self.sentences += sentences as u64;
        *self
            .sources
            .entry(source.unwrap_or("").to_string())
            .or_default() += 1;
        *self.languages.entry(language.to_string()).or_default() += 1;
    }
}

/// The highest stored `seq` (0 for an empty store).
pub(crate) fn max_seq(conn: &Connection) -> Result<i64, StoreError> {
    Ok(
        conn.query_row("SELECT coalesce(max(seq), 0) FROM articles", [], |r| {
            r.get(0)
        })?,
    )
}

/// The stored counts, if present, readable and covering every stored article.
pub(crate) fn current(conn: &Connection) -> Result<Option<Counts>, StoreError> {
    let json: Option<String> = conn
        .query_row("SELECT value FROM meta WHERE key = 'counts'", [], |r| {
            r.get(0)
        })
        .optional()?;
    let Some(counts) = json.and_then(|j| serde_json::from_str::<Counts>(&j).ok()) else {
        return Ok(None);
    };
    Ok((counts.upto_seq == max_seq(conn)?).then_some(counts))
}

/// Counts by scanning every article (the slow path).
pub(crate) fn scan(conn: &Connection) -> Result<Counts, StoreError> {
    let mut counts = Counts::default();
    let mut stmt = conn.prepare(
        "SELECT seq, source, language, n_sentences, near_dup_of IS NOT NULL FROM articles",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let seq: i64 = r.get(0)?;
        let source: Option<String> = r.get(1)?;
        let language: String = r.get(2)?;
        let sentences: i64 = r.get(3)?;
        let near: bool = r.get(4)?;
        counts.add(
            seq,
            source.as_deref(),
            &language,
            sentences.max(0) as usize,
            near,
        );
    }
    Ok(counts)
}

/// Writes `counts` (inside the caller's transaction, if any).
pub(crate) fn store(conn: &Connection, counts: &Counts) -> Result<(), StoreError> {
    let json = serde_json::to_string(counts)
        .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
    conn.execute(
        "INSERT INTO meta (key, value) VALUES ('counts', ?1)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [json],
    )?;
    Ok(())
}

/// The stored counts, rebuilt by a scan first when missing or behind.
pub(crate) fn current_or_rebuild(conn: &Connection) -> Result<Counts, StoreError> {
    if let Some(counts) = current(conn)? {
        return Ok(counts);
    }
    let counts = scan(conn)?;
    store(conn, &counts)?;
    Ok(counts)
}
