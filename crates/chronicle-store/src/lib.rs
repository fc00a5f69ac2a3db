//! A persistent corpus store for Chronicle: ingest articles once (analysed, deduplicated,
//! indexed), then search them and build timelines on any topic without re-analysing text.
//!
//! A store is a folder: `store.sqlite` (SQLite in WAL mode, the source of truth: articles,
//! their analysed sentences and dates, near-duplicate links) and `index/` (a tantivy
//! BM25 index derived from SQLite, rebuilt or caught up from it when behind).
//!
//! ```
//! use chronicle_store::{Store, Topic, Window};
//! use chronicle_ingest::Article;
//! use chrono::NaiveDate;
//!
//! let dir = tempfile::tempdir().unwrap();
//! let store = Store::create_or_open(dir.path()).unwrap();
//! let article = Article {
//!     id: "herald-1".into(),
//!     published: NaiveDate::from_ymd_opt(2024, 3, 4).unwrap(),
//!     title: Some("Dam fails".into()), url: None, source: Some("herald".into()), language: None,
//!     text: "The old dam failed on 2024-03-03, flooding the lower valley.".into(),
//! };
//! let report = store.ingest(vec![article.clone()]).unwrap();
//! assert_eq!(report.added, 1);
//! assert_eq!(store.ingest(vec![article]).unwrap().added, 0); // idempotent
//!
//! let hits = store.search("dam", Window::default(), 10).unwrap();
//! assert_eq!(hits[0].id, "herald-1");
//! let corpus = store.corpus_for(&Topic::keywords(["dam"]), Window::default()).unwrap();
//! assert_eq!(corpus.articles.len(), 1);
//! ```

#![warn(missing_docs)]

mod codec;
mod counts;
mod index;
pub mod neardup;
mod schema;

use std::collections::HashSet;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use chronicle_engine::corpus::AnalysedSentence;
use chronicle_engine::{Corpus, Timeline, TimelineOptions, build_timeline};
use chronicle_ingest::Article;
use chronicle_text::{Analyzer, Language, LanguagePolicy};
use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;
use rusqlite::{Connection, OpenFlags, OptionalExtension, params};
use serde::Serialize;
use tantivy::IndexWriter;

use index::TextIndex;
pub use index::wanted_phrases;
pub use schema::SCHEMA_VERSION;

/// File name of the SQLite database inside a store folder.
pub const DB_FILE: &str = "store.sqlite";
/// Folder of the full-text index inside a store folder.
pub const INDEX_DIR: &str = "index";
/// The writer's lock file inside a store folder.
pub const LOCK_FILE: &str = "write.lock";

/// Errors of the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The folder holds no store (for read-only opening).
    #[error("no store at {0} (create one with `chronicle ingest --store {0} <INPUT>...`)")]
    NotFound(PathBuf),
    /// Another process (or handle) is writing to the store.
    #[error(
        "the store at {0} is locked: another `chronicle ingest` is writing to it; try again when it has finished"
    )]
    Locked(PathBuf),
    /// The store was written by another schema version and cannot be read safely.
    #[error("{0}")]
    Schema(String),
    /// A write on a store opened read-only.
    #[error("the store is open read-only (use Store::create_or_open to write)")]
    ReadOnly,
    /// SQLite failed.
    #[error("store database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The full-text index failed.
    #[error("full-text index: {0}")]
    Index(String),
    /// A stored record could not be decoded.
    #[error("corrupt record for article {id}: {reason}")]
    Corrupt {
        /// The article.
        id: String,
        /// What is wrong.
        reason: String,
    },
    /// A file-system error.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// The engine refused the request.
    #[error(transparent)]
    Engine(#[from] chronicle_engine::EngineError),
}

/// Result of store operations.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// A window of publication days; `None` ends are open.
///
/// ```
/// use chronicle_store::Window;
/// let w = Window::between(chrono::NaiveDate::from_ymd_opt(2010, 4, 20), None);
/// assert!(w.from.is_some() && w.to.is_none());
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Window {
    /// First day, inclusive.
    pub from: Option<NaiveDate>,
    /// Last day, inclusive.
    pub to: Option<NaiveDate>,
}

impl Window {
    /// A window from `from` to `to`.
    pub fn between(from: Option<NaiveDate>, to: Option<NaiveDate>) -> Window {
        Window { from, to }
    }
    fn days(&self) -> (Option<i64>, Option<i64>) {
        (self.from.map(day_number), self.to.map(day_number))
    }
    fn contains(&self, day: NaiveDate) -> bool {
        self.from.is_none_or(|f| day >= f) && self.to.is_none_or(|t| day <= t)
    }
}

/// What a timeline is about: a free-text query and/or keywords, with the same meaning
/// as in [`TimelineOptions`].
///
/// ```
/// use chronicle_store::Topic;
/// let t = Topic::keywords(["bp", "oil"]);
/// assert_eq!(t.keywords.len(), 2);
/// assert!(Topic::query("swine flu").query.is_some());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Topic {
    /// Free text: articles matching at least half of its terms.
    pub query: Option<String>,
    /// Sentences containing one of these (lower-cased substring; outside English also
    /// an inflected form: [`chronicle_engine::keyword_terms`]).
    pub keywords: Vec<String>,
}

impl Topic {
    /// A topic given by keywords.
    pub fn keywords<S: Into<String>>(words: impl IntoIterator<Item = S>) -> Topic {
        Topic {
            query: None,
            keywords: words.into_iter().map(Into::into).collect(),
        }
    }
    /// A topic given by a free-text query.
    pub fn query(text: impl Into<String>) -> Topic {
        Topic {
            query: Some(text.into()),
            keywords: Vec::new(),
        }
    }
}

/// How to ingest.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// How to tell the language of articles that do not declare one (identify it
    /// from the text by default).
    pub language: LanguagePolicy,
    /// Articles per SQLite transaction (each is committed atomically).
    pub batch: usize,
    /// Commit the full-text index at least every this many articles.
    pub index_commit_every: usize,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            language: LanguagePolicy::Detect,
            batch: 1000,
            index_commit_every: 50_000,
        }
    }
}

/// The outcome of an ingest.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct IngestReport {
    /// Articles offered.
    pub offered: usize,
    /// Articles added (including near duplicates, which are stored as sources).
    pub added: usize,
    /// Articles already in the store (same date and text) or repeated in the input.
    pub already_stored: usize,
    /// Added articles that are near duplicates of a stored one.
    pub near_duplicates: usize,
    /// Added articles whose id was taken by a different article, stored as `id#N`.
    pub renamed: usize,
}

/// The outcome of [`Store::reanalyse`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ReanalyseReport {
    /// Articles analysed again.
    pub articles: usize,
    /// Their sentences before.
    pub sentences_before: u64,
    /// Their sentences after.
    pub sentences_after: u64,
    /// The analysis version the store had.
    pub analysis_before: u32,
    /// The analysis version it has now (this build's).
    pub analysis_after: u32,
    /// Articles now analysed in another language than before (only when languages are
    /// identified again).
    pub languages_changed: usize,
    /// Whether the full-text index should now be rebuilt ([`Store::rebuild_index`]): it
    /// is outdated, or it holds articles in other languages than English by the terms
    /// of their former language or analysis version.
    pub index_needs_rebuild: bool,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// Article id.
    pub id: String,
    /// BM25 score.
    pub score: f32,
    /// Publication date.
    pub published: NaiveDate,
    /// Headline.
    pub title: Option<String>,
    /// Outlet.
    pub source: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// The id of the article this one is a near duplicate of.
    pub near_duplicate_of: Option<String>,
    /// The sentence of the article that best matches the query.
    pub sentence: Option<String>,
}

/// A stored article with its store metadata.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredArticle {
    /// The article as ingested (with its stored id).
    pub article: Article,
    /// The language it was analysed in.
    pub language: Language,
    /// Number of sentences.
    pub sentences: usize,
    /// The article this one is a near duplicate of.
    pub near_duplicate_of: Option<String>,
    /// Articles that are near duplicates of this one.
    pub near_duplicates: Vec<String>,
}

/// Counts and sizes of a store.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    /// Schema version of the store.
    pub schema_version: i64,
    /// Analysis version of the store's articles (see [`Store::analysis_version`]).
    pub analysis_version: u32,
    /// Articles stored.
    pub articles: u64,
    /// Articles that are near duplicates of others (kept as their sources).
    pub near_duplicates: u64,
    /// Analysed sentences.
    pub sentences: u64,
    /// First publication date.
    pub first_published: Option<NaiveDate>,
    /// Last publication date.
    pub last_published: Option<NaiveDate>,
    /// Articles per source, most first (articles without a source under `""`).
    pub sources: Vec<(String, u64)>,
    /// Articles per analysis language code.
    pub languages: Vec<(String, u64)>,
    /// Articles in the full-text index.
    pub indexed: u64,
    /// Bytes on disk: database (with WAL), index, total.
    pub db_bytes: u64,
    /// Bytes of the full-text index.
    pub index_bytes: u64,
    /// All files of the store.
    pub total_bytes: u64,
}

struct Writer {
    index_writer: IndexWriter,
    /// Highest seq added to the index writer (committed or not).
    added_seq: i64,
    uncommitted: usize,
}

/// A corpus store. Reads may run from many threads at once (`Store` is `Send + Sync`;
/// each read takes a pooled SQLite connection); writes are serialised.
///
/// Open it read-only with [`Store::open`] (any number of processes, also while one
/// ingests), or for writing with [`Store::create_or_open`] (one process at a time: a
/// second writer gets [`StoreError::Locked`]).
pub struct Store {
    dir: PathBuf,
    readers: Mutex<Vec<Connection>>,
    index: Option<TextIndex>,
    writer: Option<Mutex<(Connection, Writer)>>,
    _lock: Option<File>,
    max_articles: usize,
}

/// How many of a topic's matching articles a timeline reads by default (see
/// [`Store::with_max_articles`]).
pub const DEFAULT_MAX_ARTICLES: usize = 20_000;

/// How much of a topic's matching articles a timeline read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Coverage {
    /// Articles matching the topic in the window; when capped, the index's count of
    /// candidates (near duplicates included), so an upper bound.
    pub matched: usize,
    /// Those read: all of them, or the most relevant [`Store::with_max_articles`].
    pub read: usize,
}

impl Coverage {
    /// Whether some matching articles were left out.
    pub fn truncated(&self) -> bool {
        self.read < self.matched
    }
}

fn day_number(d: NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce())
}

fn parse_day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

fn content_hash(a: &Article) -> Vec<u8> {
    let mut buf = Vec::with_capacity(a.text.len() + 12);
    buf.extend_from_slice(a.published.to_string().as_bytes());
    buf.push(b'\n');
    buf.extend_from_slice(a.text.as_bytes());
    xxhash_rust::xxh3::xxh3_128(&buf).to_le_bytes().to_vec()
}

impl Store {
    /// Opens an existing store read-only. Never blocks on a writer: readers see what
    /// the writer has committed so far.
    pub fn open(dir: impl AsRef<Path>) -> Result<Store> {
        let dir = dir.as_ref().to_path_buf();
        let db = dir.join(DB_FILE);
        if !db.exists() {
            return Err(StoreError::NotFound(dir));
        }
        let conn = open_reader(&db)?;
        schema::check(&conn, &dir)?;
        let index = TextIndex::open(&dir.join(INDEX_DIR), false)?;
        Ok(Store {
            dir,
            readers: Mutex::new(vec![conn]),
            index,
            writer: None,
            _lock: None,
            max_articles: DEFAULT_MAX_ARTICLES,
        })
    }

    /// Opens a store for writing, creating it (and its folder) when absent. Takes the
    /// store's write lock, and brings the full-text index up to date with SQLite when an
    /// earlier writer was interrupted.
    pub fn create_or_open(dir: impl AsRef<Path>) -> Result<Store> {
        let dir = dir.as_ref().to_path_buf();
        std::fs::create_dir_all(&dir)?;
        let lock = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(dir.join(LOCK_FILE))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => return Err(StoreError::Locked(dir)),
            Err(std::fs::TryLockError::Error(e)) => return Err(e.into()),
        }
        let db = dir.join(DB_FILE);
        let mut conn = Connection::open(&db)?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        schema::create_or_migrate(&mut conn, &dir)?;
        // Counts written by an older build (or none): rebuild them once, here.
        counts::current_or_rebuild(&conn)?;
        let index_dir = dir.join(INDEX_DIR);
        let index = match TextIndex::open(&index_dir, true) {
            Ok(Some(index)) => index,
            // An unreadable index is only a cache: rebuild it from SQLite.
            Ok(None) | Err(_) => {
                if index_dir.exists() {
                    std::fs::remove_dir_all(&index_dir)?;
                }
                TextIndex::open(&index_dir, true)?
                    .ok_or_else(|| StoreError::Index("cannot create the index".into()))?
            }
        };
        let index_writer = index.writer()?;
        let mut writer = Writer {
            index_writer,
            added_seq: index.indexed_seq()?,
            uncommitted: 0,
        };
        catch_up(&conn, &index, &mut writer)?;
        let reader = open_reader(&db)?;
        Ok(Store {
            dir,
            readers: Mutex::new(vec![reader]),
            index: Some(index),
            writer: Some(Mutex::new((conn, writer))),
            _lock: Some(lock),
            max_articles: DEFAULT_MAX_ARTICLES,
        })
    }

    /// The analysis version its articles were analysed with when the store was created
    /// or last reanalysed ([`chronicle_engine::corpus::ANALYSIS_VERSION`] for a store
    /// this build created; 1 for one created before the version was recorded). A store
    /// with an older version lacks what this build finds in text (timelines from it can
    /// differ from those built from the same files): [`Store::reanalyse`] brings it up
    /// to date.
    ///
    /// ```
    /// use chronicle_engine::corpus::ANALYSIS_VERSION;
    /// let dir = tempfile::tempdir().unwrap();
    /// let store = chronicle_store::Store::create_or_open(dir.path()).unwrap();
    /// assert_eq!(store.analysis_version().unwrap(), ANALYSIS_VERSION);
    /// ```
    pub fn analysis_version(&self) -> Result<u32> {
        self.with_reader(schema::analysis_version)
    }

    /// The store folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Whether the full-text index was made by a build older than its current schema
    /// (before Chinese and Japanese runs were cut into character pairs, or before
    /// articles in other languages were indexed by their own stems): such an index is
    /// still read and written, but finds little in those scripts, and ranks articles in
    /// other languages after the English ones, until [`Store::rebuild_index`].
    pub fn index_is_outdated(&self) -> bool {
        self.index.as_ref().is_some_and(|index| !index.is_current())
    }

    /// Rebuilds the full-text index from the stored articles, with this build's
    /// schema: the index is only a view of SQLite, so nothing stored is touched.
    /// Needs the store opened for writing; returns it reopened.
    ///
    /// ```
    /// let dir = tempfile::tempdir().unwrap();
    /// let store = chronicle_store::Store::create_or_open(dir.path()).unwrap();
    /// let store = store.rebuild_index().unwrap();
    /// assert!(!store.index_is_outdated());
    /// ```
    pub fn rebuild_index(self) -> Result<Store> {
        if self.writer.is_none() {
            return Err(StoreError::ReadOnly);
        }
        let (dir, max_articles) = (self.dir.clone(), self.max_articles);
        // Releases the index writer and the write lock.
        drop(self);
        let index_dir = dir.join(INDEX_DIR);
        if index_dir.exists() {
            std::fs::remove_dir_all(&index_dir)?;
        }
        // A missing index is rebuilt from SQLite on opening.
        Ok(Store::create_or_open(&dir)?.with_max_articles(max_articles))
    }

    /// Caps the articles a timeline reads: when more match a topic, the `max` most
    /// relevant by BM25 over the topic's words (evenly spread over ingest order when the
    /// topic has no words) are used. Bounds latency and memory on broad topics in a
    /// large archive; [`DEFAULT_MAX_ARTICLES`] unless set (at least 1).
    ///
    /// ```
    /// let dir = tempfile::tempdir().unwrap();
    /// let store = chronicle_store::Store::create_or_open(dir.path()).unwrap().with_max_articles(500);
    /// assert_eq!(store.max_articles(), 500);
    /// ```
    pub fn with_max_articles(mut self, max: usize) -> Store {
        self.max_articles = max.max(1);
        self
    }

    /// The cap set by [`Store::with_max_articles`].
    pub fn max_articles(&self) -> usize {
        self.max_articles
    }

    fn with_reader<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let conn = self.readers.lock().ok().and_then(|mut pool| pool.pop());
        let conn = match conn {
            Some(c) => c,
            None => open_reader(&self.dir.join(DB_FILE))?,
        };
        let result = f(&conn);
        if let Ok(mut pool) = self.readers.lock() {
            pool.push(conn);
        }
        result
    }

    /// Ingests articles with the default options; see [`Store::ingest_with`].
    pub fn ingest(&self, articles: Vec<Article>) -> Result<IngestReport> {
        self.ingest_with(articles, &IngestOptions::default(), &mut |_, _| {})
    }

    /// Analyses and stores articles, in batches of `options.batch`, each committed
    /// atomically; `progress(done, total)` is called after each batch. Articles already
    /// stored (same publication date and text) are skipped, so ingesting the same input
    /// again adds nothing and an interrupted ingest can simply be run again.
    pub fn ingest_with(
        &self,
        articles: Vec<Article>,
        options: &IngestOptions,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<IngestReport> {
        let total = articles.len();
        let mut ingester = self.ingester(options)?;
        progress(0, total);
        let mut done = 0;
        let mut rest = articles;
        let batch = options.batch.max(1);
        while !rest.is_empty() {
            let tail = rest.split_off(batch.min(rest.len()));
            let chunk = std::mem::replace(&mut rest, tail);
            done += chunk.len();
            ingester.add(chunk)?;
            progress(done, total);
        }
        ingester.finish()
    }

    /// An ingest session for articles that arrive in pieces (a stream of files larger
    /// than memory): holds the write side of the store until [`Ingester::finish`].
    ///
    /// ```
    /// # use chronicle_ingest::Article;
    /// # let article = Article {
    /// #     id: "a".into(), published: chrono::NaiveDate::from_ymd_opt(2024, 3, 4).unwrap(),
    /// #     title: None, url: None, source: None, language: None, text: "The dam failed.".into(),
    /// # };
    /// let dir = tempfile::tempdir().unwrap();
    /// let store = chronicle_store::Store::create_or_open(dir.path()).unwrap();
    /// let mut ingester = store.ingester(&Default::default()).unwrap();
    /// ingester.add(vec![article]).unwrap();
    /// assert_eq!(ingester.finish().unwrap().added, 1);
    /// ```
    pub fn ingester<'s>(&'s self, options: &IngestOptions) -> Result<Ingester<'s>> {
        let writer = self.writer.as_ref().ok_or(StoreError::ReadOnly)?;
        let index = self.index.as_ref().ok_or(StoreError::ReadOnly)?;
        let guard = writer
            .lock()
            .map_err(|_| StoreError::Index("a previous write panicked".into()))?;
        Ok(Ingester {
            guard,
            index,
            options: options.clone(),
            report: IngestReport::default(),
        })
    }

    /// Analyses every stored article again with this build, from the text the store
    /// keeps, then records the current
    /// [`ANALYSIS_VERSION`](chronicle_engine::corpus::ANALYSIS_VERSION). Brings a store
    /// created by an older build up to date without its input files. With `language`
    /// `None` each article keeps the language it was analysed in; with a policy, an
    /// article's declared language wins and the others are decided by the policy as at
    /// ingest (`LanguagePolicy::Detect` identifies them again, for a build that knows
    /// more languages), and the stored language and counts follow. Articles go in
    /// batches of `batch` (at least 1), each replaced in one transaction with the
    /// store's counts, so an interruption leaves every article analysed by one build or
    /// the other, never half-written; the version is recorded only at the end, so an
    /// interrupted run is simply run again. Ids, texts, near duplicates and the
    /// full-text index are untouched; the index holds an article in another language
    /// than English by its analysed terms, so when the report says
    /// `index_needs_rebuild`, follow with [`Store::rebuild_index`] (as `chronicle
    /// reanalyse` does).
    /// `progress(done, total)` is called after each batch.
    ///
    /// ```
    /// # use chronicle_ingest::Article;
    /// # let article = Article {
    /// #     id: "a".into(), published: chrono::NaiveDate::from_ymd_opt(2024, 3, 4).unwrap(),
    /// #     title: None, url: None, source: None, language: None, text: "The dam failed on Sunday.".into(),
    /// # };
    /// let dir = tempfile::tempdir().unwrap();
    /// let store = chronicle_store::Store::create_or_open(dir.path()).unwrap();
    /// store.ingest(vec![article]).unwrap();
    /// let report = store.reanalyse(None, 1000, &mut |_, _| {}).unwrap();
    /// assert_eq!(report.articles, 1);
    /// assert_eq!(report.sentences_before, report.sentences_after);
    /// ```
    pub fn reanalyse(
        &self,
        language: Option<LanguagePolicy>,
        batch: usize,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<ReanalyseReport> {
        let writer = self.writer.as_ref().ok_or(StoreError::ReadOnly)?;
        let mut guard = writer
            .lock()
            .map_err(|_| StoreError::Index("a previous write panicked".into()))?;
        let (conn, _) = &mut *guard;
        let total: i64 = conn.query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?;
        let total = usize::try_from(total).unwrap_or(0);
        let mut report = ReanalyseReport {
            analysis_before: schema::analysis_version(conn)?,
            ..ReanalyseReport::default()
        };
        progress(0, total);
        let mut after_seq = 0i64;
        // Whether any article is analysed in another language than English (indexed by
        // its analysed terms).
        let mut other_languages = false;
        loop {
            let mut seqs = Vec::new();
            let mut before = 0u64;
            let mut stored_languages: Vec<String> = Vec::new();
            let mut articles = Vec::new();
            {
                let mut stmt = conn.prepare_cached(
                    "SELECT seq, id, published, title, url, source, language, text, n_sentences,
                            declared_language
                     FROM articles WHERE seq > ?1 ORDER BY seq LIMIT ?2",
                )?;
                let mut rows = stmt.query(params![after_seq, batch.max(1) as i64])?;
                while let Some(r) = rows.next()? {
                    let id: String = r.get(1)?;
                    let published: String = r.get(2)?;
                    let published = parse_day(&published).ok_or_else(|| StoreError::Corrupt {
                        id: id.clone(),
                        reason: format!("publication date {published:?} is not YYYY-MM-DD"),
                    })?;
                    seqs.push(r.get::<_, i64>(0)?);
                    before += r.get::<_, i64>(8)?.max(0) as u64;
                    let stored: String = r.get(6)?;
                    articles.push(Article {
                        id,
                        published,
                        title: r.get(3)?,
                        url: r.get(4)?,
                        source: r.get(5)?,
                        // Kept: the language it was analysed in, given as declared.
                        language: match language {
                            None => Some(stored.clone()),
                            Some(_) => r.get(9)?,
                        },
                        text: r.get(7)?,
                    });
                    stored_languages.push(stored);
                }
            }
            let Some(&last) = seqs.last() else { break };
            after_seq = last;
            let (_, analyses, per_article) =
                analyse_per_article(articles, language.unwrap_or_default());
            let blobs: Vec<(usize, Vec<u8>)> = per_article
                .par_iter()
                .map(|sentences| (sentences.len(), codec::encode(sentences)))
                .collect();
            let after: u64 = blobs.iter().map(|(n, _)| *n as u64).sum();
            let tx = conn.transaction()?;
            let mut totals = counts::current_or_rebuild(&tx)?;
            totals.sentences = (totals.sentences + after).saturating_sub(before);
            {
                let mut update = tx.prepare_cached(
                    "UPDATE articles SET n_sentences = ?1, sentences = ?2, language = ?3
                     WHERE seq = ?4",
                )?;
                for (((seq, (n, blob)), analysis), stored) in seqs
                    .iter()
                    .zip(&blobs)
                    .zip(&analyses)
                    .zip(&stored_languages)
                {
                    let now = analysis.language.code();
                    other_languages |= analysis.language != Language::English;
                    if now != stored {
                        report.languages_changed += 1;
                        if let Some(count) = totals.languages.get_mut(stored.as_str()) {
                            *count = count.saturating_sub(1);
                            if *count == 0 {
                                totals.languages.remove(stored.as_str());
                            }
                        }
                        *totals.languages.entry(now.to_string()).or_default() += 1;
                    }
                    update.execute(params![*n as i64, blob, now, seq])?;
                }
            }
            counts::store(&tx, &totals)?;
            tx.commit()?;
            report.articles += seqs.len();
            report.sentences_before += before;
            report.sentences_after += after;
            progress(report.articles, total.max(report.articles));
        }
        schema::set_analysis_version(conn, chronicle_engine::corpus::ANALYSIS_VERSION)?;
        report.analysis_after = chronicle_engine::corpus::ANALYSIS_VERSION;
        report.index_needs_rebuild = self.index_is_outdated()
            || report.languages_changed > 0
            || (report.analysis_before != report.analysis_after && other_languages);
        Ok(report)
    }

    /// BM25 search over article titles and texts (tantivy query syntax: words, `"a
    /// phrase"`, `+must -not`, `AND`/`OR`/`NOT`, `title:`), restricted to a window of
    /// publication days; best first, each with the article's best-matching sentence.
    /// The operators hold for articles in every language; the index keeps no
    /// positions, so a phrase matches as all its words.
    pub fn search(&self, query: &str, window: Window, limit: usize) -> Result<Vec<Hit>> {
        let Some(index) = &self.index else {
            return Ok(Vec::new());
        };
        let (from, to) = window.days();
        let found = index.search(query, from, to, limit)?;
        self.with_reader(|conn| {
            let mut hits = Vec::with_capacity(found.len());
            for (score, seq) in found {
                let Some(row) = ArticleRow::read(conn, &seq, false)? else {
                    continue;
                };
                let sentence = best_sentence(
                    &row.article.text,
                    &row.sentences,
                    query,
                    row.analysis_language(),
                );
                let a = row.article;
                hits.push(Hit {
                    id: a.id,
                    score,
                    published: a.published,
                    title: a.title,
                    source: a.source,
                    url: a.url,
                    near_duplicate_of: row.near_dup_of_id,
                    sentence,
                });
            }
            Ok(hits)
        })
    }

    /// One stored article by id.
    pub fn article(&self, id: &str) -> Result<Option<StoredArticle>> {
        self.with_reader(|conn| {
            let Some(row) = ArticleRow::read(conn, &id, true)? else {
                return Ok(None);
            };
            let mut stmt =
                conn.prepare_cached("SELECT id FROM articles WHERE near_dup_of = ?1 ORDER BY seq")?;
            let near_duplicates = stmt
                .query_map([row.seq], |r| r.get::<_, String>(0))?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(Some(StoredArticle {
                language: row.analysis_language(),
                sentences: row.n_sentences.max(0) as usize,
                article: row.article,
                near_duplicate_of: row.near_dup_of_id,
                near_duplicates,
            }))
        })
    }

    /// Number of stored articles per publication day, oldest first (near duplicates
    /// included: they were published too).
    ///
    /// ```
    /// # let dir = tempfile::tempdir().unwrap();
    /// let store = chronicle_store::Store::create_or_open(dir.path()).unwrap();
    /// assert!(store.volume().unwrap().is_empty());
    /// ```
    pub fn volume(&self) -> Result<Vec<(NaiveDate, u64)>> {
        self.with_reader(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT published, count(*) FROM articles GROUP BY published ORDER BY published",
            )?;
            let rows = stmt
                .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows
                .into_iter()
                .filter_map(|(day, n)| Some((parse_day(&day)?, n.max(0) as u64)))
                .collect())
        })
    }

    /// Counts, date range, sources, languages and sizes.
    pub fn stats(&self) -> Result<Stats> {
        let indexed = match &self.index {
            Some(i) => i.num_docs()?,
            None => 0,
        };
        let mut stats = self.with_reader(|conn| {
            // Both ends come from the `published` index; the rest from the counts kept
            // by ingest (a scan only for a store written by an older build).
            let (first, last): (Option<String>, Option<String>) = conn.query_row(
                "SELECT min(published), max(published) FROM articles",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            let counts = match counts::current(conn)? {
                Some(counts) => counts,
                None => counts::scan(conn)?,
            };
            let most_first = |map: std::collections::BTreeMap<String, u64>| {
                let mut v: Vec<(String, u64)> = map.into_iter().collect();
                v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                v
            };
            Ok(Stats {
                schema_version: schema::version(conn)?,
                analysis_version: schema::analysis_version(conn)?,
                articles: counts.articles,
                near_duplicates: counts.near_duplicates,
                sentences: counts.sentences,
                first_published: first.as_deref().and_then(parse_day),
                last_published: last.as_deref().and_then(parse_day),
                sources: most_first(counts.sources),
                languages: most_first(counts.languages),
                indexed,
                db_bytes: 0,
                index_bytes: 0,
                total_bytes: 0,
            })
        })?;
        for name in [
            DB_FILE.to_string(),
            format!("{DB_FILE}-wal"),
            format!("{DB_FILE}-shm"),
        ] {
            stats.db_bytes += std::fs::metadata(self.dir.join(name)).map_or(0, |m| m.len());
        }
        stats.index_bytes = dir_size(&self.dir.join(INDEX_DIR));
        stats.total_bytes = dir_size(&self.dir);
        Ok(stats)
    }

    /// The analysed corpus of a topic within a window of publication days, rebuilt from
    /// stored records without re-analysing text: every article the engine's selection
    /// could keep (candidates from the full-text index, then the window; at most
    /// [`Store::max_articles`], the most relevant), in ingest order, near duplicates
    /// left out (they are sources, not votes; see [`Store::timeline`]).
    pub fn corpus_for(&self, topic: &Topic, window: Window) -> Result<Corpus> {
        self.corpus_with_coverage(topic, window).map(|(c, _)| c)
    }

    /// [`Store::corpus_for`], with how many matching articles it holds.
    pub fn corpus_with_coverage(
        &self,
        topic: &Topic,
        window: Window,
    ) -> Result<(Corpus, Coverage)> {
        let (seqs, capped_from) = self.candidate_seqs(topic, window)?;
        // Rows are independent: read them in parallel chunks, one pooled connection each.
        let threads = rayon::current_num_threads().max(1);
        let chunk = seqs.len().div_ceil(threads).max(256);
        let chunks: Vec<Result<Vec<ArticleRow>>> = seqs
            .par_chunks(chunk)
            .map(|part| self.with_reader(|conn| read_rows(conn, part, window)))
            .collect();
        let mut rows: Vec<ArticleRow> = Vec::with_capacity(seqs.len());
        for part in chunks {
            rows.extend(part?);
        }
        let decoded: Vec<Result<(Language, Vec<AnalysedSentence>)>> = rows
            .par_iter()
            .map(|row| {
                codec::decode(&row.sentences, 0)
                    .map(|s| (row.analysis_language(), s))
                    .map_err(|reason| StoreError::Corrupt {
                        id: row.article.id.clone(),
                        reason,
                    })
            })
            .collect();
        let per_article = decoded.into_iter().collect::<Result<Vec<_>>>()?;
        let articles: Vec<Article> = rows.into_iter().map(|row| row.article).collect();
        let coverage = Coverage {
            matched: capped_from.unwrap_or(articles.len()).max(articles.len()),
            read: articles.len(),
        };
        let corpus =
            Corpus::from_parts(articles, per_article).map_err(|reason| StoreError::Corrupt {
                id: String::new(),
                reason,
            })?;
        Ok((corpus, coverage))
    }

    /// Builds a timeline for `options` (keywords, query, window, sizes) from the stored
    /// corpus, the same one `build_timeline` gives on the same articles read from files;
    /// near duplicates of each cited article are then added to its sentence's sources.
    pub fn timeline(&self, options: &TimelineOptions) -> Result<Timeline> {
        self.timeline_with_coverage(options).map(|(t, _)| t)
    }

    /// [`Store::timeline`], with how many of the topic's matching articles it read.
    pub fn timeline_with_coverage(
        &self,
        options: &TimelineOptions,
    ) -> Result<(Timeline, Coverage)> {
        options.validate()?;
        let topic = Topic {
            query: options.query.clone(),
            keywords: options.keywords.clone(),
        };
        let (corpus, coverage) =
            self.corpus_with_coverage(&topic, Window::between(options.from, options.to))?;
        let mut timeline = build_timeline(&corpus, options)?;
        if coverage.truncated() {
            timeline.matched_articles = Some(coverage.matched);
        }
        self.add_near_duplicate_sources(&mut timeline)?;
        Ok((timeline, coverage))
    }

    fn add_near_duplicate_sources(&self, timeline: &mut Timeline) -> Result<()> {
        self.with_reader(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT d.id, d.source, d.url, d.title, d.published FROM articles a
                 JOIN articles d ON d.near_dup_of = a.seq WHERE a.id = ?1 ORDER BY d.seq",
            )?;
            for entry in &mut timeline.dates {
                for sentence in &mut entry.sentences {
                    let cited: Vec<String> =
                        sentence.sources.iter().map(|s| s.article.clone()).collect();
                    let mut seen: HashSet<String> = cited.iter().cloned().collect();
                    for id in cited {
                        let dups = stmt
                            .query_map([&id], |r| {
                                Ok((
                                    r.get::<_, String>(0)?,
                                    r.get::<_, Option<String>>(1)?,
                                    r.get::<_, Option<String>>(2)?,
                                    r.get::<_, Option<String>>(3)?,
                                    r.get::<_, String>(4)?,
                                ))
                            })?
                            .collect::<Result<Vec<_>, _>>()?;
                        for (article, source, url, title, published) in dups {
                            let Some(published) = parse_day(&published) else {
                                continue;
                            };
                            if seen.insert(article.clone()) {
                                sentence.sources.push(chronicle_engine::SourceRef {
                                    article,
                                    source,
                                    url,
                                    title,
                                    published,
                                });
                            }
                        }
                    }
                }
            }
            Ok(())
        })
    }

    /// Candidate article seqs for a topic, ascending (ingest order), capped at
    /// `max_articles`; with the number before the cap when it applied.
    fn candidate_seqs(&self, topic: &Topic, window: Window) -> Result<(Vec<i64>, Option<usize>)> {
        let (from, to) = window.days();
        let query = topic.query.as_deref().filter(|q| !q.trim().is_empty());
        let keywords: Vec<String> = topic
            .keywords
            .iter()
            .filter(|k| !k.trim().is_empty())
            .cloned()
            .collect();
        let (mut seqs, indexed) = match &self.index {
            Some(index) => {
                // Read the index's position before searching: the searcher then covers
                // at least everything up to it.
                let indexed = index.indexed_seq()?;
                (index.candidates(query, &keywords, from, to)?, indexed)
            }
            None => (Vec::new(), 0),
        };
        // Articles the index does not cover yet (a writer is still at work): take them
        // all from SQLite; the engine selects exactly.
        let tail = self.with_reader(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT seq FROM articles WHERE seq > ?1 AND published >= ?2 AND published <= ?3
                 AND near_dup_of IS NULL ORDER BY seq",
            )?;
            let lo = window
                .from
                .map_or("0000-00-00".to_string(), |d| d.to_string());
            let hi = window
                .to
                .map_or("9999-99-99".to_string(), |d| d.to_string());
            let rows = stmt
                .query_map(params![indexed, lo, hi], |r| r.get::<_, i64>(0))?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })?;
        let mut capped_from = None;
        if seqs.len() > self.max_articles {
            capped_from = Some(seqs.len() + tail.len());
            seqs = match &self.index {
                Some(index) if query.is_some() || !keywords.is_empty() => {
                    index.most_relevant_candidates(query, &keywords, from, to, self.max_articles)?
                }
                // No words to rank by: an even spread over the archive.
                _ => spread(&seqs, self.max_articles),
            };
        }
        seqs.extend(tail);
        seqs.sort_unstable();
        seqs.dedup();
        Ok((seqs, capped_from))
    }
}

/// `n` of `items`, evenly spaced (all of them when there are no more than `n`).
fn spread(items: &[i64], n: usize) -> Vec<i64> {
    if items.len() <= n {
        return items.to_vec();
    }
    (0..n).map(|i| items[i * items.len() / n]).collect()
}

/// The columns of [`ArticleRow`], for `SELECT {ARTICLE_COLUMNS} {ARTICLE_FROM} WHERE ...`.
const ARTICLE_COLUMNS: &str = "a.seq, a.id, a.published, a.title, a.url, a.source, \
     a.declared_language, a.language, a.text, a.n_sentences, a.sentences, a.near_dup_of, d.id";
/// The tables of [`ArticleRow`]: an article (`a`) and the one it duplicates (`d`).
const ARTICLE_FROM: &str = "FROM articles a LEFT JOIN articles d ON d.seq = a.near_dup_of";

/// One stored article as read back: every reader of article records goes through it.
struct ArticleRow {
    seq: i64,
    article: Article,
    /// Code of the language it was analysed in.
    language: String,
    n_sentences: i64,
    /// Encoded analysed sentences (see `codec`).
    sentences: Vec<u8>,
    near_dup_of: Option<i64>,
    near_dup_of_id: Option<String>,
}

impl ArticleRow {
    fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(ArticleRow, String)> {
        Ok((
            ArticleRow {
                seq: r.get(0)?,
                article: Article {
                    id: r.get(1)?,
                    published: NaiveDate::MIN,
                    title: r.get(3)?,
                    url: r.get(4)?,
                    source: r.get(5)?,
                    language: r.get(6)?,
                    text: r.get(8)?,
                },
                language: r.get(7)?,
                n_sentences: r.get(9)?,
                sentences: r.get(10)?,
                near_dup_of: r.get(11)?,
                near_dup_of_id: r.get(12)?,
            },
            r.get(2)?,
        ))
    }

    /// The row of the article with this seq (or id, with `by_id`), if any.
    fn read(conn: &Connection, key: &dyn rusqlite::ToSql, by_id: bool) -> Result<Option<Self>> {
        let sql = format!(
            "SELECT {ARTICLE_COLUMNS} {ARTICLE_FROM} WHERE a.{} = ?1",
            if by_id { "id" } else { "seq" }
        );
        let mut stmt = conn.prepare_cached(&sql)?;
        let Some((mut row, published)) = stmt.query_row([key], Self::from_row).optional()? else {
            return Ok(None);
        };
        row.article.published = parse_day(&published).ok_or_else(|| StoreError::Corrupt {
            id: row.article.id.clone(),
            reason: format!("bad date {published}"),
        })?;
        Ok(Some(row))
    }

    fn analysis_language(&self) -> Language {
        Language::from_code(&self.language).unwrap_or(Language::English)
    }
}

/// The articles with these seqs that lie in the window and are not near duplicates,
/// in the order given.
fn read_rows(conn: &Connection, seqs: &[i64], window: Window) -> Result<Vec<ArticleRow>> {
    let mut rows = Vec::with_capacity(seqs.len());
    for &seq in seqs {
        let Some(row) = ArticleRow::read(conn, &seq, false)? else {
            continue;
        };
        if row.near_dup_of.is_none() && window.contains(row.article.published) {
            rows.push(row);
        }
    }
    Ok(rows)
}

/// An ingest in progress; see [`Store::ingester`]. Each [`Ingester::add`] is committed
/// to SQLite before it returns; the full-text index is committed every
/// `index_commit_every` articles and by [`Ingester::finish`] (dropped without
/// finishing, the index catches up from SQLite when the store is next opened for
/// writing).
pub struct Ingester<'s> {
    guard: std::sync::MutexGuard<'s, (Connection, Writer)>,
    index: &'s TextIndex,
    options: IngestOptions,
    report: IngestReport,
}

impl Ingester<'_> {
    /// Analyses and stores articles, `options.batch` per transaction.
    pub fn add(&mut self, articles: Vec<Article>) -> Result<()> {
        let (conn, w) = &mut *self.guard;
        self.report.offered += articles.len();
        let batch = self.options.batch.max(1);
        let mut rest = articles;
        while !rest.is_empty() {
            let tail = rest.split_off(batch.min(rest.len()));
            let chunk = std::mem::replace(&mut rest, tail);
            ingest_batch(conn, self.index, w, chunk, &self.options, &mut self.report)?;
            if w.uncommitted >= self.options.index_commit_every {
                commit_index(self.index, w)?;
            }
        }
        Ok(())
    }

    /// What has been done so far.
    pub fn report(&self) -> &IngestReport {
        &self.report
    }

    /// Commits the full-text index and returns what was done.
    pub fn finish(mut self) -> Result<IngestReport> {
        let (_, w) = &mut *self.guard;
        commit_index(self.index, w)?;
        Ok(std::mem::take(&mut self.report))
    }
}

fn open_reader(db: &Path) -> Result<Connection> {
    let conn = Connection::open_with_flags(
        db,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    conn.pragma_update(None, "query_only", true)?;
    Ok(conn)
}

fn dir_size(dir: &Path) -> u64 {
    let mut total = 0;
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    for e in entries.flatten() {
        match e.file_type() {
            Ok(t) if t.is_dir() => total += dir_size(&e.path()),
            Ok(_) => total += e.metadata().map_or(0, |m| m.len()),
            Err(_) => {}
        }
    }
    total
}

/// The sentence of an article with the most distinct query terms (ties: the earliest),
/// white space collapsed.
fn best_sentence(text: &str, blob: &[u8], query: &str, language: Language) -> Option<String> {
    let sentences = codec::decode(blob, 0).ok()?;
    let analyzer = Analyzer::new(language);
    let mut terms = HashSet::new();
    for phrase in wanted_phrases(query) {
        analyzer.for_each_term(&phrase, |t| {
            terms.insert(chronicle_engine::corpus::term_id(t));
        });
    }
    let mut best: Option<(usize, &AnalysedSentence)> = None;
    for s in &sentences {
        let found: HashSet<_> = s.terms.iter().filter(|t| terms.contains(t)).collect();
        if best.is_none_or(|(n, _)| found.len() > n) {
            best = Some((found.len(), s));
        }
    }
    let (_, s) = best?;
    let raw = text.get(s.start..s.end)?;
    Some(raw.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Indexes SQLite articles the full-text index does not have yet (after an interrupted
/// writer), then commits the index.
fn catch_up(conn: &Connection, index: &TextIndex, w: &mut Writer) -> Result<()> {
    let indexed = w.added_seq;
    let max: i64 = conn.query_row("SELECT coalesce(max(seq), 0) FROM articles", [], |r| {
        r.get(0)
    })?;
    if max <= indexed {
        return Ok(());
    }
    index.delete_above(&mut w.index_writer, indexed)?;
    let mut stmt = conn.prepare(
        "SELECT seq, published, title, text, language, sentences FROM articles \
         WHERE seq > ?1 ORDER BY seq",
    )?;
    let mut rows = stmt.query([indexed])?;
    while let Some(r) = rows.next()? {
        let seq: i64 = r.get(0)?;
        let published: String = r.get(1)?;
        let title: Option<String> = r.get(2)?;
        let text: String = r.get(3)?;
        let language: String = r.get(4)?;
        let blob: Vec<u8> = r.get(5)?;
        let day = parse_day(&published).map_or(0, day_number);
        let language = Language::from_code(&language).unwrap_or_default();
        // A blob that does not decode is reported where the article is read; the index
        // then lacks its sentences' terms in another language, not the article.
        let sentences = codec::decode(&blob, 0).unwrap_or_default();
        let terms = sentences.iter().flat_map(|s| s.terms.iter().copied());
        let article = index::IndexedArticle {
            seq,
            published: day,
            title: title.as_deref(),
            text: &text,
            language,
            terms,
        };
        index.add(&w.index_writer, article)?;
        w.added_seq = seq;
        w.uncommitted += 1;
    }
    commit_index(index, w)
}

fn commit_index(index: &TextIndex, w: &mut Writer) -> Result<()> {
    if w.uncommitted == 0 {
        return Ok(());
    }
    index.commit(&mut w.index_writer, w.added_seq)?;
    w.uncommitted = 0;
    Ok(())
}

struct Prepared {
    article: Article,
    hash: Vec<u8>,
    language: Language,
    sentences: Vec<AnalysedSentence>,
    signature: Option<neardup::Signature>,
}

/// Analyses articles (in parallel) and splits the corpus's sentences by article.
fn analyse_per_article(
    articles: Vec<Article>,
    language: LanguagePolicy,
) -> (
    Vec<Article>,
    Vec<chronicle_engine::corpus::ArticleAnalysis>,
    Vec<Vec<AnalysedSentence>>,
) {
    let Corpus {
        articles,
        analyses,
        mut sentences,
    } = Corpus::analyse_with(articles, language);
    let mut per_article: Vec<Vec<AnalysedSentence>> = Vec::with_capacity(articles.len());
    for analysis in analyses.iter().rev() {
        per_article.push(sentences.split_off(analysis.sentence_range.start));
    }
    per_article.reverse();
    (articles, analyses, per_article)
}

fn ingest_batch(
    conn: &mut Connection,
    index: &TextIndex,
    w: &mut Writer,
    chunk: Vec<Article>,
    options: &IngestOptions,
    report: &mut IngestReport,
) -> Result<()> {
    // 1. Skip what is stored already (or repeated in this batch) before analysing.
    let hashed: Vec<(Article, Vec<u8>)> = chunk
        .into_par_iter()
        .map(|a| {
            let h = content_hash(&a);
            (a, h)
        })
        .collect();
    let mut fresh = Vec::with_capacity(hashed.len());
    let mut hashes = Vec::with_capacity(hashed.len());
    {
        let mut seen = HashSet::new();
        let mut stmt = conn.prepare_cached("SELECT 1 FROM articles WHERE hash = ?1")?;
        for (a, h) in hashed {
            if !seen.insert(h.clone()) || stmt.exists([&h])? {
                report.already_stored += 1;
                continue;
            }
            fresh.push(a);
            hashes.push(h);
        }
    }
    if fresh.is_empty() {
        return Ok(());
    }
    // 2. Analyse (in parallel), sign for near duplicates.
    let (articles, analyses, per_article) = analyse_per_article(fresh, options.language);
    let signatures: Vec<Option<neardup::Signature>> = articles
        .par_iter()
        .map(|a| neardup::signature(&a.text))
        .collect();
    let prepared: Vec<Prepared> = articles
        .into_iter()
        .zip(hashes)
        .zip(analyses)
        .zip(per_article)
        .zip(signatures)
        .map(
            |((((article, hash), analysis), sentences), signature)| Prepared {
                article,
                hash,
                language: analysis.language,
                sentences,
                signature,
            },
        )
        .collect();
    let blobs: Vec<Vec<u8>> = prepared
        .par_iter()
        .map(|p| codec::encode(&p.sentences))
        .collect();

    // 3. One transaction for the batch, counts included.
    let tx = conn.transaction()?;
    let mut totals = counts::current_or_rebuild(&tx)?;
    let mut added: Vec<(i64, usize)> = Vec::with_capacity(prepared.len());
    {
        let mut id_taken = tx.prepare_cached("SELECT 1 FROM articles WHERE id = ?1")?;
        let mut lsh_find = tx.prepare_cached("SELECT seq FROM lsh WHERE key = ?1")?;
        let mut candidate = tx.prepare_cached(
            "SELECT published, minhash, coalesce(near_dup_of, seq) FROM articles WHERE seq = ?1",
        )?;
        let mut insert = tx.prepare_cached(
            "INSERT INTO articles (id, published, title, url, source, declared_language, language,
                                   text, hash, minhash, near_dup_of, n_sentences, sentences)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        )?;
        let mut lsh_insert =
            tx.prepare_cached("INSERT OR IGNORE INTO lsh (key, seq) VALUES (?1, ?2)")?;
        for (i, (p, blob)) in prepared.iter().zip(&blobs).enumerate() {
            let mut id = p.article.id.clone();
            if id_taken.exists([&id])? {
                let mut n = 2;
                loop {
                    let candidate_id = format!("{}#{n}", p.article.id);
                    if !id_taken.exists([&candidate_id])? {
                        id = candidate_id;
                        break;
                    }
                    n += 1;
                }
                report.renamed += 1;
            }
            let mut near_dup_of: Option<i64> = None;
            let keys = p.signature.as_ref().map(neardup::band_keys);
            if let (Some(sig), Some(keys)) = (&p.signature, &keys) {
                let mut seen = HashSet::new();
                let mut best: Option<(f64, i64)> = None;
                for key in keys {
                    let seqs = lsh_find
                        .query_map([key], |r| r.get::<_, i64>(0))?
                        .collect::<Result<Vec<_>, _>>()?;
                    for seq in seqs {
                        if !seen.insert(seq) {
                            continue;
                        }
                        let row = candidate
                            .query_row([seq], |r| {
                                Ok((
                                    r.get::<_, String>(0)?,
                                    r.get::<_, Option<Vec<u8>>>(1)?,
                                    r.get::<_, i64>(2)?,
                                ))
                            })
                            .optional()?;
                        let Some((published, Some(bytes), root)) = row else {
                            continue;
                        };
                        let (Some(day), Some(other)) =
                            (parse_day(&published), neardup::from_bytes(&bytes))
                        else {
                            continue;
                        };
                        if (day - p.article.published).num_days().abs() > neardup::MAX_DAYS_APART {
                            continue;
                        }
                        let sim = neardup::similarity(sig, &other);
                        if sim >= neardup::THRESHOLD && best.is_none_or(|(s, _)| sim > s) {
                            best = Some((sim, root));
                        }
                    }
                }
                near_dup_of = best.map(|(_, root)| root);
            }
            let a = &p.article;
            insert.execute(params![
                id,
                a.published.to_string(),
                a.title,
                a.url,
                a.source,
                a.language,
                p.language.code(),
                a.text,
                p.hash,
                p.signature.as_ref().map(neardup::to_bytes),
                near_dup_of,
                p.sentences.len() as i64,
                blob,
            ])?;
            let seq = tx.last_insert_rowid();
            if let Some(keys) = keys {
                for key in keys {
                    lsh_insert.execute(params![key, seq])?;
                }
            }
            if near_dup_of.is_some() {
                report.near_duplicates += 1;
            }
            totals.add(
                seq,
                a.source.as_deref(),
                p.language.code(),
                p.sentences.len(),
                near_dup_of.is_some(),
            );
            report.added += 1;
            added.push((seq, i));
        }
    }
    counts::store(&tx, &totals)?;
    tx.commit()?;

    // 4. Index what SQLite now holds (committed with the next index commit).
    for (seq, i) in added {
        let a = &prepared[i].article;
        let article = index::IndexedArticle {
            seq,
            published: day_number(a.published),
            title: a.title.as_deref(),
            text: &a.text,
            language: prepared[i].language,
            terms: prepared[i]
                .sentences
                .iter()
                .flat_map(|s| s.terms.iter().copied()),
        };
        index.add(&w.index_writer, article)?;
        w.added_seq = seq;
        w.uncommitted += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A store whose index was made by a build before the character-pair tokenizer: it
    /// works, but finds no Chinese word until the index is rebuilt.
    #[test]
    fn an_outdated_index_is_rebuilt_from_the_stored_articles() {
        let dir = tempfile::tempdir().unwrap();
        let article = Article {
            id: "zh-1".into(),
            published: NaiveDate::from_ymd_opt(2024, 3, 6).unwrap(),
            title: None,
            url: None,
            source: None,
            language: None,
            text: "河谷水坝于3月4日夜间决堤，下游三个村庄被洪水淹没。".into(),
        };
        drop(Store::create_or_open(dir.path()).unwrap());
        // The index of an older build: empty, with the former tokenizer; opening the
        // store for writing fills it from SQLite.
        let index_dir = dir.path().join(INDEX_DIR);
        std::fs::remove_dir_all(&index_dir).unwrap();
        std::fs::create_dir_all(&index_dir).unwrap();
        tantivy::Index::create_in_dir(&index_dir, index::SchemaVersion::EnglishStems.schema().0)
            .unwrap();
        let store = Store::create_or_open(dir.path()).unwrap();
        store.ingest(vec![article]).unwrap();
        assert!(store.index_is_outdated());
        let found = |store: &Store| store.search("水坝", Window::default(), 10).unwrap().len();
        assert_eq!(found(&store), 0);
        let store = store.rebuild_index().unwrap();
        assert!(!store.index_is_outdated());
        assert_eq!(found(&store), 1);
        assert_eq!(store.stats().unwrap().indexed, 1);
        // A read-only store cannot rebuild.
        drop(store);
        let reader = Store::open(dir.path()).unwrap();
        assert!(matches!(reader.rebuild_index(), Err(StoreError::ReadOnly)));
    }
}
