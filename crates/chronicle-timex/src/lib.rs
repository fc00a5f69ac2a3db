//! Temporal expression tagging for news text (TIMEX3-style values).
//!
//! [`Tagger::tag`] finds dates, times, durations and sets in a text and normalises them
//! against a reference date (the publication date): "on Friday", "March 20-22",
//! "last year", "Dec. 31", "two days ago", "the 1990s", "for three days".
//!
//! ```
//! use chronicle_timex::{Tagger, Granularity, TimexType};
//! use chronicle_text::Language;
//! use chrono::NaiveDate;
//! let tagger = Tagger::new(Language::English);
//! let pub_date = NaiveDate::from_ymd_opt(2023, 12, 31).unwrap();
//! let found = tagger.tag("It was signed on Friday, two days after the March 20-22 talks.", pub_date);
//! assert_eq!(found[0].value, "2023-12-29");
//! assert_eq!(found[0].granularity, Granularity::Day);
//! assert_eq!(found[1].kind, TimexType::Duration);
//! assert_eq!(found[2].text, "March 20-22");
//! assert_eq!(found[2].value, "2023-03-20");
//! assert_eq!(found[2].range_end, NaiveDate::from_ymd_opt(2023, 3, 22));
//! ```
//!
//! The tagger is a hand-written single pass: a tokenizer classifies each word once through
//! per-language tables ([`chronicle_text::Language`]), and rules match short token
//! sequences starting at each token, keeping the longest match.

pub mod eval;
pub mod jsonl;
mod lang;
mod rules;
mod token;

#[cfg(test)]
mod tests;

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
    /// The last day of a day range ("March 20-22" → March 22); `day` holds the first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub range_end: Option<NaiveDate>,
}

/// What the sentences of a document tagged so far leave for the next one (see
/// [`Tagger::tag_in_context`]): the date last mentioned, the quarter last reported and a
/// date fragment cut at the end of the previous sentence. Start one per document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocContext(rules::DocState);

impl DocContext {
    /// The context at the start of a document: no date mentioned yet.
    pub fn new() -> Self {
        Self::default()
    }
}

/// A temporal tagger for one language.
///
/// English has the full rule set; the other languages recognise absolute dates written
/// with their month and weekday names ("31 de diciembre de 2023", "3. März 2021").
pub struct Tagger {
    language: Language,
    table: lang::Table,
}

impl Tagger {
    /// A tagger for `language`.
    ///
    /// ```
    /// use chronicle_timex::Tagger;
    /// use chronicle_text::Language;
    /// let tagger = Tagger::new(Language::Spanish);
    /// let d = chrono::NaiveDate::from_ymd_opt(2024, 1, 2).unwrap();
    /// assert_eq!(tagger.tag("el 31 de diciembre de 2023", d)[0].value, "2023-12-31");
    /// ```
    pub fn new(language: Language) -> Self {
        Tagger {
            language,
            table: lang::table(language),
        }
    }

    /// The language this tagger reads.
    pub fn language(&self) -> Language {
        self.language
    }

    /// Finds and normalises the temporal expressions of `text`, resolving relative and
    /// underspecified ones against `reference` (the publication date).
    ///
    /// Expressions come in text order and never overlap. Never panics; expressions whose
    /// value would leave chrono's calendar range are dropped.
    pub fn tag(&self, text: &str, reference: NaiveDate) -> Vec<Timex> {
        self.tag_in_context(text, reference, &mut DocContext::new())
    }

    /// Tags the sentences of one document in order: [`Tagger::tag_in_context`] with one
    /// [`DocContext`] carried from each sentence to the next.
    ///
    /// ```
    /// use chronicle_timex::Tagger;
    /// use chronicle_text::Language;
    /// let tagger = Tagger::new(Language::English);
    /// let pub_date = chrono::NaiveDate::from_ymd_opt(2010, 8, 25).unwrap();
    /// let tags = tagger.tag_document(
    ///     ["He warned BP on April 15.", "Three days later, he wrote again.", "He left yesterday."],
    ///     pub_date,
    /// );
    /// assert_eq!(tags[1][0].value, "2010-04-18"); // anaphoric: the document's date
    /// assert_eq!(tags[2][0].value, "2010-08-24"); // deictic: the publication date
    /// ```
    pub fn tag_document<'t>(
        &self,
        sentences: impl IntoIterator<Item = &'t str>,
        reference: NaiveDate,
    ) -> Vec<Vec<Timex>> {
        let mut cx = DocContext::new();
        sentences
            .into_iter()
            .map(|s| self.tag_in_context(s, reference, &mut cx))
            .collect()
    }

    /// [`Tagger::tag`] for one sentence of a document whose earlier sentences were tagged
    /// with the same `context`: anaphoric expressions ("three days later", "the same
    /// day", "the next morning", a clock time with no day in its sentence) resolve
    /// against the date the document last mentioned, and a date the sentence splitter cut
    /// in two ("... on 03" | "Jun 2009") is joined again. Deictic expressions
    /// ("yesterday", "last week", "on Friday", "in March") stay relative to `reference`.
    /// The context starts afresh when `reference` changes.
    pub fn tag_in_context(
        &self,
        text: &str,
        reference: NaiveDate,
        context: &mut DocContext,
    ) -> Vec<Timex> {
        let toks = token::tokenize(text, &self.table);
        let found = rules::find(text, &toks, reference, &self.table, &mut context.0);
        let mut out = Vec::with_capacity(found.len());
        // Char offsets are counted incrementally: matches come in order.
        let mut chars = 0usize;
        let mut at = 0usize;
        for f in found {
            let (bs, be) = (toks[f.start].bs, toks[f.end - 1].be);
            chars += text[at..bs].chars().count();
            let start = chars;
            let len = text[bs..be].chars().count();
            chars += len;
            at = be;
            let v = f.val.render();
            out.push(Timex {
                start,
                end: start + len,
                byte_start: bs,
                byte_end: be,
                text: text[bs..be].to_string(),
                value: v.value,
                granularity: v.granularity,
                kind: v.kind,
                day: v.day,
                range_end: v.range_end,
            });
        }
        out
    }
}
