//! The timeline engine: analyse a corpus once, then build timelines from it.
//!
//! Interface placeholder, being written.

use chronicle_ingest::Article;
use chrono::NaiveDate;
use serde::Serialize;

/// Options of one timeline request.
#[derive(Debug, Clone, Default)]
pub struct TimelineOptions {
    /// Sentences must contain one of these (lower-cased substring match) to be summarised.
    pub keywords: Vec<String>,
    /// Free-text query: articles and sentences are ranked by relevance to it.
    pub query: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Number of dates; `None` chooses from the data.
    pub dates: Option<usize>,
    /// Sentences per date; `None` chooses (1-2).
    pub sentences: Option<usize>,
}

/// Errors of a timeline request.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error("--from {from} is after --to {to}")]
    EmptyWindow { from: NaiveDate, to: NaiveDate },
}

/// An analysed corpus: sentences, terms and dates computed once.
pub struct Corpus {
    pub articles: Vec<Article>,
}

impl Corpus {
    pub fn analyse(articles: Vec<Article>) -> Corpus {
        Corpus { articles }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Timeline {
    pub dates: Vec<DateEntry>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DateEntry {
    pub date: NaiveDate,
    pub score: f64,
    pub sentences: Vec<String>,
}

pub fn build_timeline(
    _corpus: &Corpus,
    _options: &TimelineOptions,
) -> Result<Timeline, EngineError> {
    Ok(Timeline { dates: Vec::new() })
}
