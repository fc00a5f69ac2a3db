//! Date ranking: which days mattered, from how often the selected articles refer to
//! them in text and how many were published on them.

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;

use crate::corpus::Corpus;
use crate::select::Selection;

/// Weight of a mention in a sentence that does not match the keywords/query: it still
/// shows that the day mattered to an on-topic article, but less clearly.
const OFF_TOPIC_MENTION: f64 = 0.2;
/// Weight of each further sentence of the same article mentioning the day.
const REPEAT_MENTION: f64 = 0.25;
/// Weight of each selected article published on the day.
const PUBLICATION: f64 = 0.5;

/// A candidate date with its evidence.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RankedDate {
    pub date: NaiveDate,
    pub score: f64,
    /// Distinct selected articles published on the date or mentioning it.
    pub reports: usize,
}

/// Ranks every day mentioned by (or carrying the publication of) a selected article.
/// Highest score first; ties broken by the earlier date, so the order is deterministic.
pub(crate) fn rank_dates(corpus: &Corpus, selection: &Selection) -> Vec<RankedDate> {
    #[derive(Default)]
    struct Evidence {
        score: f64,
        articles: HashSet<usize>,
    }
    let mut evidence: BTreeMap<NaiveDate, Evidence> = BTreeMap::new();
    for &article in &selection.articles {
        let published = corpus.articles[article].published;
        if selection.day_in_window(published) {
            let e = evidence.entry(published).or_default();
            e.score += PUBLICATION;
            e.articles.insert(article);
        }
        // Per day: the best mention weight of this article, and how many further
        // sentences repeat it.
        let mut per_day: BTreeMap<NaiveDate, (f64, usize)> = BTreeMap::new();
        let range = corpus.analyses[article].sentence_range.clone();
        for (i, sentence) in corpus.sentences[range.clone()].iter().enumerate() {
            let weight = if selection.relevant[range.start + i] || !selection.filtered {
                1.0
            } else {
                OFF_TOPIC_MENTION
            };
            let mut seen = HashSet::new();
            for mention in &sentence.days {
                if !selection.day_in_window(mention.day) || !seen.insert(mention.day) {
                    continue;
                }
                let slot = per_day.entry(mention.day).or_insert((0.0, 0));
                if slot.0 > 0.0 {
                    slot.1 += 1;
                }
                slot.0 = slot.0.max(weight);
            }
        }
        for (day, (best, repeats)) in per_day {
            let e = evidence.entry(day).or_default();
            e.score += best + REPEAT_MENTION * repeats as f64;
            e.articles.insert(article);
        }
    }
    let mut ranked: Vec<RankedDate> = evidence
        .into_iter()
        .map(|(date, e)| RankedDate {
            date,
            score: e.score,
            reports: e.articles.len(),
        })
        .collect();
    ranked.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.date.cmp(&b.date)));
    ranked
}

/// How many dates to show when the user did not say: the dates whose evidence is a
/// meaningful share of the strongest date's, at least three (when there are), at most
/// forty.
pub(crate) fn automatic_date_count(ranked: &[RankedDate]) -> usize {
    const MIN: usize = 3;
    const MAX: usize = 40;
    let Some(top) = ranked.first() else {
        return 0;
    };
    let threshold = (top.score * 0.15).max(1.5);
    let strong = ranked.iter().filter(|r| r.score >= threshold).count();
    strong.clamp(MIN.min(ranked.len()), MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ranked(scores: &[f64]) -> Vec<RankedDate> {
        scores
            .iter()
            .enumerate()
            .map(|(i, &score)| RankedDate {
                date: NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + chrono::Days::new(i as u64),
                score,
                reports: 1,
            })
            .collect()
    }

    #[test]
    fn automatic_count_keeps_strong_dates() {
        assert_eq!(automatic_date_count(&ranked(&[])), 0);
        assert_eq!(automatic_date_count(&ranked(&[1.0])), 1);
        assert_eq!(automatic_date_count(&ranked(&[5.0, 1.0, 1.0, 1.0])), 3);
        assert_eq!(
            automatic_date_count(&ranked(&[20.0, 10.0, 4.0, 3.5, 2.0, 1.0])),
            4
        );
        assert_eq!(automatic_date_count(&ranked(&[9.0; 100])), 40);
    }
}
