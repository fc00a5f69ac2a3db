//! Temporal expression tagging for news text (TIMEX3-style values).
//!
//! Interface placeholder: the tagger is being written; see issue "Temporal expressions".
//!
//! ```
//! use chronicle_timex::{Tagger, Granularity};
//! use chronicle_text::Language;
//! use chrono::NaiveDate;
//! let tagger = Tagger::new(Language::English);
//! let pub_date = NaiveDate::from_ymd_opt(2023, 12, 31).unwrap();
//! let found = tagger.tag("It was signed on 2023-12-30.", pub_date);
//! assert_eq!(found[0].value, "2023-12-30");
//! assert_eq!(found[0].granularity, Granularity::Day);
//! ```

use chronicle_text::Language;
use chrono::NaiveDate;
use serde::Serialize;

/// How precise a temporal expression's value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    Time,
    Day,
    Week,
    Month,
    Quarter,
    Season,
    Year,
    Decade,
    Century,
}

/// TIMEX3 type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

/// One temporal expression found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Timex {
    /// Offset of the first character, in Unicode scalar values.
    pub start: usize,
    /// Offset one past the last character, in Unicode scalar values.
    pub end: usize,
    /// Byte offset of the first character (for slicing the Rust string).
    #[serde(skip)]
    pub byte_start: usize,
    /// Byte offset one past the last character.
    #[serde(skip)]
    pub byte_end: usize,
    /// The expression as written.
    pub text: String,
    /// TIMEX3-style normalised value: `2011-03-18`, `2011-03`, `2011-W11`, `PRESENT_REF`, `P3D`…
    pub value: String,
    pub granularity: Granularity,
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// The calendar day the expression resolves to, for day and time granularity.
    #[serde(skip)]
    pub day: Option<NaiveDate>,
}

/// A temporal tagger for one language.
pub struct Tagger {
    #[allow(dead_code)]
    language: Language,
}

impl Tagger {
    pub fn new(language: Language) -> Self {
        Tagger { language }
    }

    /// Finds and normalises the temporal expressions of `text`, resolving relative and
    /// underspecified ones against `reference` (the publication date).
    pub fn tag(&self, text: &str, _reference: NaiveDate) -> Vec<Timex> {
        // Placeholder: ISO dates only.
        let mut out = Vec::new();
        let bytes = text.as_bytes();
        let mut i = 0;
        while i + 10 <= bytes.len() {
            if let Ok(s) = std::str::from_utf8(&bytes[i..i + 10])
                && let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d")
            {
                let start = text[..i].chars().count();
                out.push(Timex {
                    start,
                    end: start + 10,
                    byte_start: i,
                    byte_end: i + 10,
                    text: s.to_string(),
                    value: s.to_string(),
                    granularity: Granularity::Day,
                    kind: TimexType::Date,
                    day: Some(d),
                });
                i += 10;
                continue;
            }
            i += 1;
        }
        out
    }
}
