//! Request and response types of the backend and the HTTP API.
//!
//! They are kept close to what a persistent store (SQLite + full-text index) can answer
//! directly: a search hit is one article row plus its best sentence, stats are a few
//! `COUNT`/`GROUP BY` queries.

use chronicle_engine::TimelineOptions;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A timeline request, normalised (see [`TimelineRequest::normalised`]) before it reaches
/// a backend, so that equal requests are equal values (the cache key).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
pub struct TimelineRequest {
    /// Free-text topic: articles matching most of its words, sentences matching one.
    pub query: Option<String>,
    /// Keep sentences (and articles) containing one of these words.
    pub keywords: Vec<String>,
    /// First day of the window.
    pub from: Option<NaiveDate>,
    /// Last day of the window.
    pub to: Option<NaiveDate>,
    /// Number of dates; `None` lets the engine choose.
    pub dates: Option<usize>,
    /// Sentences per date; `None` lets the engine choose.
    pub sentences: Option<usize>,
}

impl TimelineRequest {
    /// The canonical form: query trimmed, white space collapsed, lower-cased (the engine
    /// matches case-insensitively), empty → `None`; keywords trimmed, lower-cased, empty
    /// ones dropped, sorted and deduplicated (the engine keeps sentences containing *any*
    /// keyword, so order and repeats do not matter).
    ///
    /// ```
    /// use chronicle_server::TimelineRequest;
    /// let a = TimelineRequest { query: Some("  Dam   Inquiry ".into()), keywords: vec!["Oil".into(), "bp".into(), "".into()], ..Default::default() };
    /// let b = TimelineRequest { query: Some("dam inquiry".into()), keywords: vec!["bp".into(), "oil".into(), "BP".into()], ..Default::default() };
    /// assert_eq!(a.normalised(), b.normalised());
    /// ```
    pub fn normalised(mut self) -> Self {
        self.query = self
            .query
            .map(|q| {
                q.split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_lowercase()
            })
            .filter(|q| !q.is_empty());
        let mut keywords: Vec<String> = self
            .keywords
            .iter()
            .map(|k| k.trim().to_lowercase())
            .filter(|k| !k.is_empty())
            .collect();
        keywords.sort();
        keywords.dedup();
        self.keywords = keywords;
        self
    }

    /// The engine's options for this request.
    pub fn options(&self) -> TimelineOptions {
        TimelineOptions {
            keywords: self.keywords.clone(),
            query: self.query.clone(),
            from: self.from,
            to: self.to,
            dates: self.dates,
            sentences: self.sentences,
            ..Default::default()
        }
    }
}

/// A search request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct SearchRequest {
    /// Free text in `chronicle search`'s syntax: words (any of them), `"a phrase"` (all
    /// its words), `+required`, `-excluded`, `AND`/`OR`/`NOT`, `title:word`; read in
    /// each language of the articles (a Spanish word finds the Spanish reports that
    /// inflect it, whatever most of the articles are written in).
    pub q: String,
    /// Only articles published on or after this day.
    pub from: Option<NaiveDate>,
    /// Only articles published on or before this day.
    pub to: Option<NaiveDate>,
    /// Maximum number of hits (1–100).
    pub limit: usize,
}

/// One search hit: an article and its best-matching sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct SearchHit {
    /// Article id (use it with `GET /api/v1/articles/{id}`).
    pub article: String,
    pub title: Option<String>,
    /// Outlet name.
    pub source: Option<String>,
    pub url: Option<String>,
    pub published: NaiveDate,
    /// The sentence of the article that matches the query best.
    pub snippet: String,
    /// Relevance; higher is better. Comparable within one response only.
    pub score: f64,
}

/// Search results, best first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct SearchResults {
    /// The query as received.
    pub query: String,
    pub hits: Vec<SearchHit>,
}

/// One article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ArticleView {
    pub id: String,
    pub published: NaiveDate,
    pub title: Option<String>,
    pub url: Option<String>,
    /// Outlet name.
    pub source: Option<String>,
    /// ISO 639-1 code, when the input said.
    pub language: Option<String>,
    pub text: String,
}

impl From<&chronicle_ingest::Article> for ArticleView {
    fn from(a: &chronicle_ingest::Article) -> Self {
        ArticleView {
            id: a.id.clone(),
            published: a.published,
            title: a.title.clone(),
            url: a.url.clone(),
            source: a.source.clone(),
            language: a.language.clone(),
            text: a.text.clone(),
        }
    }
}

/// A name and how many articles have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct NameCount {
    pub name: String,
    pub count: usize,
}

/// Articles published on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct DayCount {
    pub date: NaiveDate,
    pub articles: usize,
}

/// What the server holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct StatsView {
    pub articles: usize,
    pub sentences: usize,
    /// First publication day.
    pub first: Option<NaiveDate>,
    /// Last publication day.
    pub last: Option<NaiveDate>,
    /// Outlets by number of articles (most first; ties by name). Articles without a
    /// source are not listed.
    pub sources: Vec<NameCount>,
    /// Languages by number of articles, as declared by the input (`"unknown"` when not).
    pub languages: Vec<NameCount>,
    /// Articles per publication day, in date order (days without articles omitted): the
    /// page draws its volume chart from this.
    pub volume: Vec<DayCount>,
}

/// A line of a `POST /articles` body that was not ingested.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct IngestProblem {
    /// 1-based line number in the request body.
    pub line: usize,
    pub reason: String,
}

/// The outcome of `POST /articles`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct IngestSummary {
    /// Non-blank lines received.
    pub received: usize,
    /// Articles added.
    pub added: usize,
    /// Articles already held (same id and content, or same date and text).
    pub duplicates: usize,
    /// Lines that could not be ingested, with why.
    pub problems: Vec<IngestProblem>,
    /// Articles held after the ingest.
    pub articles: usize,
}

/// An error response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ErrorBody {
    /// What went wrong, for a person.
    pub error: String,
}

/// `GET /healthz`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Health {
    /// Always `"ok"`.
    pub status: String,
}

/// Schema-only mirrors of `chronicle_engine`'s timeline types (which are plain serde
/// types without an OpenAPI schema). `tests/api.rs` checks that a real timeline's JSON
/// has exactly these fields.
pub mod doc {
    use chrono::NaiveDate;
    use utoipa::ToSchema;

    /// A timeline: dates in chronological order, each with its summary. Same JSON as
    /// `chronicle timeline --format json`.
    #[derive(ToSchema)]
    #[schema(as = Timeline)]
    #[allow(dead_code)]
    pub struct TimelineDoc {
        pub window: WindowDoc,
        /// Number of articles selected for the timeline.
        pub articles: usize,
        /// How many articles matched the topic, present only when the store read just
        /// the most relevant of them (`chronicle serve --max-articles`).
        pub matched_articles: Option<usize>,
        pub dates: Vec<DateEntryDoc>,
        /// The selected articles per publication day, in date order (days without one
        /// omitted): the topic's coverage, which the page charts behind the dates.
        pub volume: Vec<DayVolumeDoc>,
    }

    /// How many of a timeline's articles were published on a day.
    #[derive(ToSchema)]
    #[schema(as = DayVolume)]
    #[allow(dead_code)]
    pub struct DayVolumeDoc {
        pub date: NaiveDate,
        pub articles: usize,
    }

    /// The window the timeline covers.
    #[derive(ToSchema)]
    #[schema(as = Window)]
    #[allow(dead_code)]
    pub struct WindowDoc {
        pub from: Option<NaiveDate>,
        pub to: Option<NaiveDate>,
    }

    /// One date of a timeline.
    #[derive(ToSchema)]
    #[schema(as = DateEntry)]
    #[allow(dead_code)]
    pub struct DateEntryDoc {
        pub date: NaiveDate,
        /// `"day"`.
        pub granularity: String,
        /// Ranking score: higher means more evidence that the date mattered.
        pub score: f64,
        /// Number of distinct articles that report on or mention this date.
        pub reports: usize,
        pub sentences: Vec<SummarySentenceDoc>,
    }

    /// A summary sentence with its provenance.
    #[derive(ToSchema)]
    #[schema(as = SummarySentence)]
    #[allow(dead_code)]
    pub struct SummarySentenceDoc {
        pub text: String,
        /// Id of the article the text is taken from.
        pub article: String,
        /// Every article carrying this sentence or a near-duplicate, the originating
        /// article first.
        pub sources: Vec<SourceRefDoc>,
    }

    /// An article, as cited by a summary sentence.
    #[derive(ToSchema)]
    #[schema(as = SourceRef)]
    #[allow(dead_code)]
    pub struct SourceRefDoc {
        pub article: String,
        pub source: Option<String>,
        pub url: Option<String>,
        pub title: Option<String>,
        pub published: NaiveDate,
    }
}
