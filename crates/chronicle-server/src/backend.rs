//! The backend trait: everything the HTTP layer needs from whatever holds the articles.
//!
//! Today the only implementation is [`crate::MemoryBackend`] (articles read from files
//! and analysed in memory). The persistent store (`chronicle-store`, SQLite + tantivy)
//! plugs in by implementing this trait; nothing else in the server changes.

use chronicle_engine::Timeline;

use crate::api::{
    ArticleView, IngestSummary, SearchHit, SearchRequest, StatsView, TimelineRequest,
};

/// Why a backend could not answer.
#[derive(Debug, thiserror::Error)]
pub enum BackendError {
    /// The request is valid HTTP but makes no sense to the backend (e.g. an empty
    /// window, a query without searchable words): HTTP 400.
    #[error("{0}")]
    BadRequest(String),
    /// The backend is temporarily unable to answer (e.g. the store is busy or being
    /// opened): HTTP 503.
    #[error("{0}")]
    Unavailable(String),
    /// Anything else (I/O, corruption): HTTP 500. The message is logged and returned.
    #[error("{0}")]
    Internal(String),
}

impl From<chronicle_engine::EngineError> for BackendError {
    fn from(e: chronicle_engine::EngineError) -> Self {
        BackendError::BadRequest(e.to_string())
    }
}

/// What the server needs from an article store.
///
/// Methods are synchronous and may block (disk, CPU): the server calls them on tokio's
/// blocking pool (`spawn_blocking`), never on the async executor. They are called
/// concurrently from many threads: **reads must not wait for a running ingest** (the
/// memory backend swaps in a new snapshot; a SQLite store would use WAL mode and a
/// separate writer connection, tantivy a reader that reloads after commit).
///
/// Requests arrive validated and normalised: limits are checked by the server, the
/// [`TimelineRequest`] is in [`TimelineRequest::normalised`] form, `SearchRequest::limit`
/// is in 1..=100 and `q` is not blank.
pub trait Backend: Send + Sync + 'static {
    /// A timeline for the request, exactly as `chronicle_engine::build_timeline` builds
    /// it from the articles the request selects (a store would typically load the
    /// analysed corpus for the query/window and call `build_timeline`).
    fn timeline(&self, req: &TimelineRequest) -> Result<Timeline, BackendError>;

    /// Articles matching the free-text query, best first, at most `req.limit`, published
    /// within `req.from..=req.to` where given.
    fn search(&self, req: &SearchRequest) -> Result<Vec<SearchHit>, BackendError>;

    /// One article by id; `Ok(None)` when there is none (HTTP 404).
    fn article(&self, id: &str) -> Result<Option<ArticleView>, BackendError>;

    /// Counts over everything held.
    fn stats(&self) -> Result<StatsView, BackendError>;

    /// Ingests a JSON Lines body (the format of `FORMATS.md`, one article per line):
    /// bad lines are reported in [`IngestSummary::problems`] and skipped, duplicates
    /// counted, the rest added. After it returns, reads see the new articles.
    fn ingest_jsonl(&self, body: &[u8]) -> Result<IngestSummary, BackendError>;
}

/// The records of a JSON Lines request body, in order, with their 1-based line
/// numbers: each parsed into an article, or the reason it could not be. Blank lines
/// are skipped.
pub(crate) fn jsonl_records(
    body: &[u8],
) -> impl Iterator<Item = (usize, Result<chronicle_ingest::Article, String>)> + '_ {
    body.split(|&b| b == b'\n')
        .enumerate()
        .filter_map(|(index, raw)| {
            let record = match std::str::from_utf8(raw) {
                Err(_) => Err("invalid UTF-8".to_string()),
                Ok(line) if line.trim().is_empty() => return None,
                Ok(line) => chronicle_ingest::parse_json_line(line).map(|a| a.into_article()),
            };
            Some((index + 1, record))
        })
}
