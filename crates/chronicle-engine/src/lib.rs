//! The timeline engine: analyse a corpus once, then build timelines from it.
//!
//! Data flow (one module per stage):
//! [`corpus`] (sentences, terms, dates) → `select` (window, keywords, query) →
//! `rank` (which dates mattered) → `summarize` (central, non-redundant sentences per
//! date) → `sources` (every article carrying each sentence) → [`render`] (text,
//! Markdown, JSON, tilse).
//!
//! ```
//! use chronicle_engine::{build_timeline, render, Corpus, Format, TimelineOptions};
//! use chronicle_ingest::Article;
//! use chrono::NaiveDate;
//!
//! let article = Article {
//!     id: "herald-1".into(),
//!     published: NaiveDate::from_ymd_opt(2024, 3, 4).unwrap(),
//!     title: None, url: None, source: Some("herald".into()), language: None,
//!     text: "The old dam failed on 2024-03-03, flooding the lower valley.".into(),
//! };
//! let corpus = Corpus::analyse(vec![article]);
//! let timeline = build_timeline(&corpus, &TimelineOptions::default()).unwrap();
//! let text = render(&timeline, Format::Tilse);
//! assert!(text.starts_with("2024-03-03\nThe old dam failed"));
//! ```

pub mod corpus;
mod rank;
pub mod render;
mod select;
mod similarity;
mod sources;
mod summarize;
#[cfg(test)]
mod test_support;
mod timeline;

pub use corpus::Corpus;
pub use render::{Format, render};
pub use select::{keyword_terms, query_term_ids};
pub use timeline::{
    DateEntry, DateRanking, DayVolume, EngineError, SourceRef, SummarySentence, Timeline,
    TimelineOptions, Window, build_timeline,
};
