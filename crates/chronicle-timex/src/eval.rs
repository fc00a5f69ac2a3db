//! Scoring a tagger: TempEval-3 span and value F1 against gold TIMEX3 annotations, and
//! day-level agreement with a reference tagger's output (HeidelTime's T17 tags).
//!
//! Both readers take JSON Lines:
//!
//! * TempEval-3 style, one document per line:
//!   `{id, pub_date, text, timexes: [{start, end, text, type, value}]}` with offsets in
//!   Unicode characters ([`read_tempeval`], [`score_tempeval`]);
//! * reference tags, one sentence per line:
//!   `{doc, pub_date, text, timex: [{text, value, granularity}]}` ([`read_reference`],
//!   [`compare_reference`]).
//!
//! TempEval-3 definitions (UzZaman et al., 2013): a system expression matches a gold one
//! *strictly* when the spans are equal and *relaxed* when they overlap; precision is
//! matched system expressions over all system expressions, recall matched gold over all
//! gold; the value (type) score is relaxed F1 × the share of relaxed matches with the
//! right value (type).

use std::collections::BTreeMap;
use std::io::BufRead;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{DocContext, Granularity, Tagger, Timex, TimexType};

/// Errors while reading evaluation files.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}, line {line}: {message}")]
    Line {
        path: String,
        line: usize,
        message: String,
    },
}

/// One gold TIMEX3 annotation.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct GoldTimex {
    pub start: usize,
    pub end: usize,
    #[serde(default)]
    pub text: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub value: String,
}

/// One gold document.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct GoldDoc {
    #[serde(default)]
    pub id: String,
    pub pub_date: NaiveDate,
    pub text: String,
    pub timexes: Vec<GoldTimex>,
}

fn read_lines<T: for<'de> Deserialize<'de>>(path: &std::path::Path) -> Result<Vec<T>, EvalError> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|source| EvalError::Io {
        path: name.clone(),
        source,
    })?;
    let mut out = Vec::new();
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|source| EvalError::Io {
            path: name.clone(),
            source,
        })?;
        if line.trim().is_empty() {
            continue;
        }
        let v = serde_json::from_str(&line).map_err(|e| EvalError::Line {
            path: name.clone(),
            line: n + 1,
            message: e.to_string(),
        })?;
        out.push(v);
    }
    Ok(out)
}

/// Reads a TempEval-3 style JSON Lines file.
pub fn read_tempeval(path: &std::path::Path) -> Result<Vec<GoldDoc>, EvalError> {
    read_lines(path)
}

/// Match counts in the TempEval-3 sense.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct TempEvalCounts {
    /// Gold expressions.
    pub gold: usize,
    /// System expressions.
    pub system: usize,
    /// One-to-one pairs with overlapping spans.
    pub relaxed: usize,
    /// One-to-one pairs with identical spans.
    pub strict: usize,
    /// Relaxed pairs with the same value.
    pub value: usize,
    /// Relaxed pairs with the same type.
    pub kind: usize,
}

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    /// From true positives, system count and reference count.
    pub fn from_counts(tp: usize, system: usize, reference: usize) -> Prf {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let precision = ratio(tp, system);
        let recall = ratio(tp, reference);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Prf {
            precision,
            recall,
            f1,
        }
    }
}

/// TempEval-3 scores.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct TempEvalScores {
    pub relaxed: Prf,
    pub strict: Prf,
    /// Relaxed F1 × value accuracy over relaxed matches.
    pub value_f1: f64,
    /// Relaxed F1 × type accuracy over relaxed matches.
    pub type_f1: f64,
    /// Value accuracy over relaxed matches.
    pub value_accuracy: f64,
}

impl TempEvalCounts {
    /// Adds another document's counts.
    pub fn add(&mut self, o: &TempEvalCounts) {
        self.gold += o.gold;
        self.system += o.system;
        self.relaxed += o.relaxed;
        self.strict += o.strict;
        self.value += o.value;
        self.kind += o.kind;
    }

    /// The scores these counts give.
    pub fn scores(&self) -> TempEvalScores {
        let relaxed = Prf::from_counts(self.relaxed, self.system, self.gold);
        let strict = Prf::from_counts(self.strict, self.system, self.gold);
        let acc = |n: usize| {
            if self.relaxed == 0 {
                0.0
            } else {
                n as f64 / self.relaxed as f64
            }
        };
        TempEvalScores {
            relaxed,
            strict,
            value_f1: relaxed.f1 * acc(self.value),
            type_f1: relaxed.f1 * acc(self.kind),
            value_accuracy: acc(self.value),
        }
    }
}

/// How a system expression fared against the gold ones, for error analysis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Outcome {
    /// Relaxed match with the right value.
    Correct,
    /// Relaxed match, wrong value: (gold text, gold value, system text, system value).
    WrongValue(String, String, String, String),
    /// A gold expression the system missed: (text, value).
    Missed(String, String),
    /// A system expression with no gold counterpart: (text, value).
    Spurious(String, String),
}

fn type_name(k: TimexType) -> &'static str {
    match k {
        TimexType::Date => "DATE",
        TimexType::Time => "TIME",
        TimexType::Duration => "DURATION",
        TimexType::Set => "SET",
    }
}

/// Values equal up to TIMEX3 spelling variants (`T24:00` is kept as written).
fn same_value(gold: &str, sys: &str) -> bool {
    gold == sys
}

/// Scores one document: counts and per-expression outcomes.
pub fn score_doc(doc: &GoldDoc, system: &[Timex]) -> (TempEvalCounts, Vec<Outcome>) {
    let mut c = TempEvalCounts {
        gold: doc.timexes.len(),
        system: system.len(),
        ..Default::default()
    };
    let mut outcomes = Vec::new();
    let mut used = vec![false; system.len()];
    let mut gold: Vec<&GoldTimex> = doc.timexes.iter().collect();
    gold.sort_by_key(|g| (g.start, g.end));
    for g in gold {
        // Prefer an exact span, then the largest overlap.
        let best = system
            .iter()
            .enumerate()
            .filter(|(k, s)| !used[*k] && s.start < g.end && g.start < s.end)
            .max_by_key(|(_, s)| {
                let overlap = s.end.min(g.end) - s.start.max(g.start);
                (s.start == g.start && s.end == g.end, overlap)
            });
        match best {
            Some((k, s)) => {
                used[k] = true;
                c.relaxed += 1;
                if s.start == g.start && s.end == g.end {
                    c.strict += 1;
                }
                if type_name(s.kind) == g.kind {
                    c.kind += 1;
                }
                if same_value(&g.value, &s.value) {
                    c.value += 1;
                    outcomes.push(Outcome::Correct);
                } else {
                    outcomes.push(Outcome::WrongValue(
                        g.text.clone(),
                        g.value.clone(),
                        s.text.clone(),
                        s.value.clone(),
                    ));
                }
            }
            None => outcomes.push(Outcome::Missed(g.text.clone(), g.value.clone())),
        }
    }
    for (k, s) in system.iter().enumerate() {
        if !used[k] {
            outcomes.push(Outcome::Spurious(s.text.clone(), s.value.clone()));
        }
    }
    (c, outcomes)
}

/// Tags every document and scores the result against its gold annotations.
pub fn score_tempeval(tagger: &Tagger, docs: &[GoldDoc]) -> (TempEvalCounts, Vec<Outcome>) {
    let mut total = TempEvalCounts::default();
    let mut outcomes = Vec::new();
    for doc in docs {
        let sys = tagger.tag(&doc.text, doc.pub_date);
        let (c, o) = score_doc(doc, &sys);
        total.add(&c);
        outcomes.extend(o);
    }
    (total, outcomes)
}

/// One reference tag (HeidelTime): text, value, granularity.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct RefTimex {
    pub text: String,
    pub value: String,
    #[serde(default)]
    pub granularity: String,
}

/// One sentence with a reference tagger's tags.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct RefSentence {
    #[serde(default)]
    pub doc: String,
    /// Index of the sentence in its document.
    #[serde(default)]
    pub sentence: usize,
    pub pub_date: NaiveDate,
    pub text: String,
    pub timex: Vec<RefTimex>,
}

/// Reads a reference file (`{doc, pub_date, text, timex: [{text, value, granularity}]}`).
pub fn read_reference(path: &std::path::Path) -> Result<Vec<RefSentence>, EvalError> {
    read_lines(path)
}

/// The day (`YYYY-MM-DD`) of a value with day or time precision.
pub fn day_of(value: &str) -> Option<NaiveDate> {
    let head = value.get(..10)?;
    let rest = &value[10..];
    if !(rest.is_empty() || rest.starts_with('T')) {
        return None;
    }
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}

/// Why the system and the reference disagree on a day-level value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Disagreement {
    /// Overlapping spans, both days, different years only.
    WrongYear,
    /// Overlapping spans, both days, different months (same year).
    WrongMonth,
    /// Overlapping spans, both days, same month, different day (weekday resolution).
    WrongDay,
    /// Overlapping spans; the reference has a day, the system a coarser value.
    SystemCoarser,
    /// Overlapping spans; the system has a day, the reference a coarser value.
    ReferenceCoarser,
    /// A reference day with no overlapping system expression.
    Missed,
    /// A system day with no overlapping reference expression.
    Extra,
}

impl Disagreement {
    /// Every category, in report order.
    pub const ALL: [Disagreement; 7] = [
        Disagreement::WrongYear,
        Disagreement::WrongMonth,
        Disagreement::WrongDay,
        Disagreement::SystemCoarser,
        Disagreement::ReferenceCoarser,
        Disagreement::Missed,
        Disagreement::Extra,
    ];

    /// Snake-case name.
    pub fn name(self) -> &'static str {
        match self {
            Disagreement::WrongYear => "wrong_year",
            Disagreement::WrongMonth => "wrong_month",
            Disagreement::WrongDay => "wrong_day",
            Disagreement::SystemCoarser => "system_coarser",
            Disagreement::ReferenceCoarser => "reference_coarser",
            Disagreement::Missed => "missed",
            Disagreement::Extra => "extra",
        }
    }
}

/// One disagreement, for inspection.
#[derive(Debug, Clone, Serialize)]
pub struct Example {
    pub category: Disagreement,
    pub doc: String,
    /// Index of the sentence in its document.
    pub sentence_index: usize,
    pub pub_date: NaiveDate,
    pub sentence: String,
    /// The reference's text and value, if any.
    pub reference: Option<(String, String)>,
    /// The system's text and value, if any.
    pub system: Option<(String, String)>,
}

/// Day-level agreement with a reference tagger.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Comparison {
    pub sentences: usize,
    /// Day values the reference gives (one per expression).
    pub reference_days: usize,
    /// Day values the system gives.
    pub system_days: usize,
    /// Day values both give in the same sentence (multiset intersection).
    pub agreed: usize,
    pub scores: Prf,
    pub categories: BTreeMap<Disagreement, usize>,
    #[serde(skip)]
    pub examples: Vec<Example>,
}

/// Char span of the `n`-th occurrence-aware search of `needle` in `hay` from `from`.
fn find_span(hay: &str, needle: &str, from: usize) -> Option<(usize, usize)> {
    if needle.is_empty() {
        return None;
    }
    let at = hay.get(from..)?.find(needle).map(|p| p + from)?;
    Some((at, at + needle.len()))
}

/// Compares the system's day-level values with the reference's, sentence by sentence.
/// Keeps up to `max_examples` disagreements per category. With `by_document`, the
/// consecutive sentences of one `doc` are tagged in order with one [`DocContext`] (as
/// the engine tags an article); otherwise each sentence alone.
pub fn compare_reference(
    tagger: &Tagger,
    sentences: &[RefSentence],
    max_examples: usize,
    by_document: bool,
) -> Comparison {
    let mut cmp = Comparison::default();
    let mut per_cat: BTreeMap<Disagreement, usize> = BTreeMap::new();
    let mut context = DocContext::new();
    let mut doc: Option<&str> = None;
    for s in sentences {
        cmp.sentences += 1;
        if !by_document || doc != Some(s.doc.as_str()) || s.doc.is_empty() {
            context = DocContext::new();
            doc = Some(s.doc.as_str());
        }
        let sys = tagger.tag_in_context(&s.text, s.pub_date, &mut context);
        // Reference spans in bytes, found in order.
        let mut refs: Vec<(usize, usize, &RefTimex, Option<NaiveDate>)> = Vec::new();
        let mut from = 0;
        for t in &s.timex {
            let span = find_span(&s.text, &t.text, from).or_else(|| find_span(&s.text, &t.text, 0));
            let (a, b) = span.unwrap_or((usize::MAX, usize::MAX));
            if b != usize::MAX {
                from = b;
            }
            refs.push((a, b, t, day_of(&t.value)));
        }
        // A range gives both its days ("between 11 and 15 August": the 11th and the
        // 15th), as a reference tagger that tags the two ends apart does.
        let sys_days: Vec<NaiveDate> = sys
            .iter()
            .flat_map(|t| [system_day(t), range_end_day(t)])
            .flatten()
            .collect();
        let mut ref_days: Vec<NaiveDate> = refs.iter().filter_map(|r| r.3).collect();
        cmp.reference_days += ref_days.len();
        cmp.system_days += sys_days.len();
        for d in &sys_days {
            if let Some(p) = ref_days.iter().position(|x| x == d) {
                ref_days.swap_remove(p);
                cmp.agreed += 1;
            }
        }
        // Categorise disagreements by span overlap.
        let mut note = |cat: Disagreement, r: Option<&RefTimex>, t: Option<&Timex>| {
            *cmp.categories.entry(cat).or_default() += 1;
            let n = per_cat.entry(cat).or_default();
            if *n < max_examples {
                *n += 1;
                cmp.examples.push(Example {
                    category: cat,
                    doc: s.doc.clone(),
                    sentence_index: s.sentence,
                    pub_date: s.pub_date,
                    sentence: s.text.clone(),
                    reference: r.map(|r| (r.text.clone(), r.value.clone())),
                    system: t.map(|t| (t.text.clone(), t.value.clone())),
                });
            }
        };
        let mut sys_seen = vec![false; sys.len()];
        // Whether a range's first and second day met a reference day on its span.
        let mut start_seen = vec![false; sys.len()];
        let mut end_seen = vec![false; sys.len()];
        for &(a, b, r, rd) in &refs {
            let overlapping = sys
                .iter()
                .enumerate()
                .find(|(_, t)| t.byte_start < b && a < t.byte_end);
            match (rd, overlapping) {
                (Some(rd), Some((k, t))) => {
                    sys_seen[k] = true;
                    let end = range_end_day(t);
                    let mut day = system_day(t);
                    if end.is_some()
                        && !end_seen[k]
                        && (end == Some(rd) || start_seen[k] || a > t.byte_start)
                    {
                        // The range's second day: "18 MAY" of our "8 - 18 MAY".
                        end_seen[k] = true;
                        day = end;
                    } else {
                        start_seen[k] = true;
                    }
                    match day {
                        Some(sd) if sd == rd => {}
                        Some(sd) => {
                            use chrono::Datelike;
                            let cat = if sd.year() != rd.year()
                                && sd.month() == rd.month()
                                && sd.day() == rd.day()
                            {
                                Disagreement::WrongYear
                            } else if sd.year() == rd.year() && sd.month() == rd.month() {
                                Disagreement::WrongDay
                            } else {
                                Disagreement::WrongMonth
                            };
                            note(cat, Some(r), Some(t));
                        }
                        None => note(Disagreement::SystemCoarser, Some(r), Some(t)),
                    }
                }
                (Some(_), None) => note(Disagreement::Missed, Some(r), None),
                (None, Some((k, t))) => {
                    sys_seen[k] = true;
                    if system_day(t).is_some() {
                        note(Disagreement::ReferenceCoarser, Some(r), Some(t));
                    }
                }
                (None, None) => {}
            }
        }
        for (k, t) in sys.iter().enumerate() {
            if !sys_seen[k] && system_day(t).is_some() {
                note(Disagreement::Extra, None, Some(t));
            }
            // A range's second day that no reference day on its span gives.
            if !end_seen[k] && range_end_day(t).is_some() {
                note(Disagreement::Extra, None, Some(t));
            }
        }
    }
    cmp.scores = Prf::from_counts(cmp.agreed, cmp.system_days, cmp.reference_days);
    cmp
}

/// A seeded, stratified random sample of about `n` disagreements: each category gets a
/// share proportional to its count (largest remainders), drawn without replacement.
/// `all` must hold every disagreement (`compare_reference` with `usize::MAX` examples).
/// Deterministic for a given input order and seed; returned in category order.
pub fn sample_disagreements(all: &[Example], n: usize, seed: u64) -> Vec<Example> {
    let total = all.len();
    if total == 0 || n == 0 {
        return Vec::new();
    }
    let n = n.min(total);
    let mut by_cat: BTreeMap<Disagreement, Vec<&Example>> = BTreeMap::new();
    for e in all {
        by_cat.entry(e.category).or_default().push(e);
    }
    // Largest-remainder quotas.
    let mut quotas: Vec<(Disagreement, usize, usize)> = by_cat
        .iter()
        .map(|(c, v)| {
            let exact = v.len() * n;
            (*c, exact / total, exact % total)
        })
        .collect();
    let mut left = n - quotas.iter().map(|q| q.1).sum::<usize>();
    let mut order: Vec<usize> = (0..quotas.len()).collect();
    order.sort_by(|&a, &b| quotas[b].2.cmp(&quotas[a].2).then(a.cmp(&b)));
    for k in order {
        if left == 0 {
            break;
        }
        quotas[k].1 += 1;
        left -= 1;
    }
    let mut rng = SplitMix64(seed);
    let mut out = Vec::with_capacity(n);
    for (cat, quota, _) in quotas {
        let mut pool: Vec<&Example> = by_cat.remove(&cat).unwrap_or_default();
        let take = quota.min(pool.len());
        // Partial Fisher-Yates shuffle.
        for i in 0..take {
            let j = i + (rng.next() % (pool.len() - i) as u64) as usize;
            pool.swap(i, j);
        }
        out.extend(pool.into_iter().take(take).cloned());
    }
    out
}

/// SplitMix64: a small, stable generator, so that samples are reproducible across
/// platforms and crate versions.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// The second day of a system range of days ("May 18 to May 19"), when it differs from
/// the first.
fn range_end_day(t: &Timex) -> Option<NaiveDate> {
    t.range_end
        .filter(|e| system_day(t).is_some_and(|d| d != *e))
}

/// The day of a system expression with day or time granularity.
fn system_day(t: &Timex) -> Option<NaiveDate> {
    match (t.granularity, t.kind) {
        (Granularity::Day | Granularity::Time, TimexType::Date | TimexType::Time) => {
            day_of(&t.value)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_text::Language;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    #[test]
    fn tempeval_counts_and_scores() {
        let doc = GoldDoc {
            id: "x".into(),
            pub_date: d(2011, 3, 18),
            text: "On Friday, March 18, 2011, for three days and yesterday.".into(),
            timexes: vec![
                GoldTimex {
                    start: 3,
                    end: 25,
                    text: "Friday, March 18, 2011".into(),
                    kind: "DATE".into(),
                    value: "2011-03-18".into(),
                },
                GoldTimex {
                    start: 31,
                    end: 41,
                    text: "three days".into(),
                    kind: "DURATION".into(),
                    value: "P3D".into(),
                },
                GoldTimex {
                    start: 46,
                    end: 55,
                    text: "yesterday".into(),
                    kind: "DATE".into(),
                    value: "2011-03-16".into(),
                },
            ],
        };
        let tagger = Tagger::new(Language::English);
        let (c, outcomes) = score_tempeval(&tagger, std::slice::from_ref(&doc));
        assert_eq!(c.gold, 3);
        assert_eq!(c.system, 3);
        assert_eq!(c.relaxed, 3);
        assert_eq!(c.strict, 3);
        // "yesterday" is the 17th: the gold value above is deliberately wrong.
        assert_eq!(c.value, 2);
        assert!(matches!(outcomes[2], Outcome::WrongValue(..)));
        let s = c.scores();
        assert!((s.relaxed.f1 - 1.0).abs() < 1e-9);
        assert!((s.value_f1 - 2.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn stratified_sample_is_proportional_and_seeded() {
        let ex = |category, k: usize| Example {
            category,
            doc: format!("d{k}"),
            sentence_index: k,
            pub_date: d(2010, 1, 1),
            sentence: String::new(),
            reference: None,
            system: None,
        };
        let mut all = Vec::new();
        for k in 0..60 {
            all.push(ex(Disagreement::WrongDay, k));
        }
        for k in 60..90 {
            all.push(ex(Disagreement::Extra, k));
        }
        for k in 90..100 {
            all.push(ex(Disagreement::Missed, k));
        }
        let s = sample_disagreements(&all, 20, 7);
        assert_eq!(s.len(), 20);
        let count = |c| s.iter().filter(|e| e.category == c).count();
        assert_eq!(count(Disagreement::WrongDay), 12);
        assert_eq!(count(Disagreement::Extra), 6);
        assert_eq!(count(Disagreement::Missed), 2);
        let again = sample_disagreements(&all, 20, 7);
        let ids = |v: &[Example]| v.iter().map(|e| e.doc.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&s), ids(&again));
        assert_ne!(ids(&s), ids(&sample_disagreements(&all, 20, 8)));
        // No duplicates; asking for more than there is gives everything.
        let mut seen = ids(&s);
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), 20);
        assert_eq!(sample_disagreements(&all, 500, 1).len(), 100);
        assert!(sample_disagreements(&[], 5, 1).is_empty());
    }

    #[test]
    fn prf_handles_zero() {
        let p = Prf::from_counts(0, 0, 0);
        assert_eq!(p.f1, 0.0);
    }

    #[test]
    fn day_of_values() {
        assert_eq!(day_of("2011-03-18"), Some(d(2011, 3, 18)));
        assert_eq!(day_of("2011-03-18T14:40"), Some(d(2011, 3, 18)));
        assert_eq!(day_of("2011-03"), None);
        assert_eq!(day_of("2011-W11"), None);
        assert_eq!(day_of("PRESENT_REF"), None);
    }

    #[test]
    fn comparison_categories() {
        let s = RefSentence {
            doc: "d".into(),
            sentence: 0,
            pub_date: d(2010, 5, 3),
            text: "It happened on April 20 and on Friday, in 2010 .".into(),
            timex: vec![
                RefTimex {
                    text: "April 20".into(),
                    value: "2010-04-20".into(),
                    granularity: "day".into(),
                },
                RefTimex {
                    text: "Friday".into(),
                    value: "2010-04-23".into(),
                    granularity: "day".into(),
                },
                RefTimex {
                    text: "2010".into(),
                    value: "2010".into(),
                    granularity: "year".into(),
                },
            ],
        };
        let tagger = Tagger::new(Language::English);
        let c = compare_reference(&tagger, &[s], 5, true);
        assert_eq!(c.reference_days, 2);
        assert_eq!(c.system_days, 2);
        assert_eq!(c.agreed, 1);
        assert_eq!(c.categories.get(&Disagreement::WrongDay), Some(&1));
    }

    fn rt(text: &str, value: &str) -> RefTimex {
        RefTimex {
            text: text.into(),
            value: value.into(),
            granularity: "day".into(),
        }
    }

    #[test]
    fn ranges_count_both_days() {
        let tagger = Tagger::new(Language::English);
        let sentence = |timex: Vec<RefTimex>| RefSentence {
            doc: "d".into(),
            sentence: 0,
            pub_date: d(2010, 8, 2),
            text: "The well will be reached between 11 and 15 August .".into(),
            timex,
        };
        // The reference tags the two ends apart: both agree.
        let s = sentence(vec![rt("11", "2010-08-11"), rt("15 August", "2010-08-15")]);
        let c = compare_reference(&tagger, &[s], 5, true);
        assert_eq!((c.reference_days, c.system_days, c.agreed), (2, 2, 2));
        assert!(c.categories.is_empty(), "{:?}", c.categories);
        // Only the end, in another year: one wrong year (our start day is not counted
        // again: the expression met a reference day).
        let s = sentence(vec![rt("15 August", "2011-08-15")]);
        let c = compare_reference(&tagger, &[s], 5, true);
        assert_eq!((c.reference_days, c.system_days, c.agreed), (1, 2, 0));
        assert_eq!(c.categories.get(&Disagreement::WrongYear), Some(&1));
        assert_eq!(c.categories.len(), 1, "{:?}", c.categories);
        // Only the start: our second day is extra.
        let s = sentence(vec![rt("between 11 and 15 August", "2010-08-11")]);
        let c = compare_reference(&tagger, &[s], 5, true);
        assert_eq!((c.reference_days, c.system_days, c.agreed), (1, 2, 1));
        assert_eq!(c.categories.get(&Disagreement::Extra), Some(&1));
    }
}
