//! Text analysis for Chronicle: languages, sentence splitting and scoring terms.
//!
//! Everything downstream (date tagging, date ranking, summarisation) works on the
//! [`Sentence`] spans this crate finds and on the normalised terms [`Analyzer`] produces.
//!
//! ```
//! use chronicle_text::{Analyzer, Language, split_sentences};
//!
//! let text = "The U.S. envoy arrived on Dec. 31. Talks began at once.";
//! let sentences = split_sentences(text, Language::English);
//! assert_eq!(sentences.len(), 2);
//! assert_eq!(sentences[0].text(text), "The U.S. envoy arrived on Dec. 31.");
//!
//! let analyzer = Analyzer::new(Language::English);
//! assert_eq!(analyzer.terms("The talks were running"), vec!["talk", "run"]);
//! ```

mod comments;
mod dateline;
mod glued;
mod language;
mod sentences;
mod terms;

pub use comments::is_comment_header;
pub use dateline::body_start;
pub use glued::glued_lead_start;
pub use language::{Language, LanguagePolicy, UnknownLanguage, detect_language};
pub use sentences::{Sentence, split_sentences};
pub use terms::{
    Analyzer, TermMemo, is_arabic, is_unspaced, unspaced_pairs, word_count, word_tokens,
};
