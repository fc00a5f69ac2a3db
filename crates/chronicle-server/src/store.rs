//! [`StoreBackend`]: the persistent corpus store (`chronicle-store`) behind the API.
//!
//! Reads (timeline, search, article, stats) go to the store's pooled read connections
//! and index reader, so they keep answering while `POST /api/v1/articles` ingests
//! through the store's single writer. The store is opened for writing only when the
//! server accepts ingests (a token is configured); otherwise it is opened read-only and
//! `chronicle ingest` can keep adding to it while the server runs.

use chronicle_engine::Timeline;
use chronicle_store::{Store, StoreError, Window};

use crate::api::{
    ArticleView, DayCount, IngestProblem, IngestSummary, NameCount, SearchHit, SearchRequest,
    StatsView, TimelineRequest,
};
use crate::backend::{Backend, BackendError};

/// A [`Backend`] over a [`Store`].
///
/// ```
/// use chronicle_server::{Backend, StoreBackend};
/// let dir = tempfile::tempdir().unwrap();
/// let store = chronicle_store::Store::create_or_open(dir.path()).unwrap();
/// let backend = StoreBackend::new(store);
/// assert_eq!(backend.stats().unwrap().articles, 0);
/// ```
pub struct StoreBackend {
    store: Store,
}

impl StoreBackend {
    /// Serves `store` (opened read-only or for writing; ingests need the latter).
    pub fn new(store: Store) -> Self {
        StoreBackend { store }
    }

    /// The store served.
    pub fn store(&self) -> &Store {
        &self.store
    }
}

fn backend_error(e: StoreError) -> BackendError {
    match e {
        StoreError::Engine(e) => BackendError::BadRequest(e.to_string()),
        StoreError::Locked(_) => BackendError::Unavailable(e.to_string()),
        StoreError::ReadOnly => BackendError::Unavailable(
            "this server opened its store read-only: restart it with --token-file to accept articles"
                .to_string(),
        ),
        other => BackendError::Internal(other.to_string()),
    }
}

impl Backend for StoreBackend {
    fn timeline(&self, req: &TimelineRequest) -> Result<Timeline, BackendError> {
        self.store.timeline(&req.options()).map_err(backend_error)
    }

    fn search(&self, req: &SearchRequest) -> Result<Vec<SearchHit>, BackendError> {
        let hits = self
            .store
            .search(&req.q, Window::between(req.from, req.to), req.limit)
            .map_err(backend_error)?;
        Ok(hits
            .into_iter()
            .map(|hit| SearchHit {
                article: hit.id,
                title: hit.title,
                source: hit.source,
                url: hit.url,
                published: hit.published,
                snippet: hit.sentence.unwrap_or_default(),
                score: f64::from(hit.score),
            })
            .collect())
    }

    fn article(&self, id: &str) -> Result<Option<ArticleView>, BackendError> {
        let Some(stored) = self.store.article(id).map_err(backend_error)? else {
            return Ok(None);
        };
        let a = stored.article;
        Ok(Some(ArticleView {
            id: a.id,
            published: a.published,
            title: a.title,
            url: a.url,
            source: a.source,
            language: Some(stored.language.code().to_string()),
            text: a.text,
        }))
    }

    fn stats(&self) -> Result<StatsView, BackendError> {
        let stats = self.store.stats().map_err(backend_error)?;
        let volume = self.store.volume().map_err(backend_error)?;
        let counts = |v: Vec<(String, u64)>| -> Vec<NameCount> {
            v.into_iter()
                .filter(|(name, _)| !name.is_empty())
                .map(|(name, count)| NameCount {
                    name,
                    count: count as usize,
                })
                .collect()
        };
        Ok(StatsView {
            articles: stats.articles as usize,
            sentences: stats.sentences as usize,
            first: stats.first_published,
            last: stats.last_published,
            sources: counts(stats.sources),
            languages: counts(stats.languages),
            volume: volume
                .into_iter()
                .map(|(date, n)| DayCount {
                    date,
                    articles: n as usize,
                })
                .collect(),
        })
    }

    fn ingest_jsonl(&self, body: &[u8]) -> Result<IngestSummary, BackendError> {
        let mut summary = IngestSummary::default();
        let mut articles = Vec::new();
        for (line, record) in crate::backend::jsonl_records(body) {
            summary.received += 1;
            match record {
                Ok(article) => articles.push(article),
                Err(reason) => summary.problems.push(IngestProblem { line, reason }),
            }
        }
        if !articles.is_empty() {
            let report = self.store.ingest(articles).map_err(backend_error)?;
            summary.added = report.added;
            summary.duplicates = report.already_stored;
        }
        summary.articles = self.store.stats().map_err(backend_error)?.articles as usize;
        Ok(summary)
    }
}
