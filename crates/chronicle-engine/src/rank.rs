//! Date ranking: which days mattered, from how often the selected articles refer to
//! them in text and how many were published on them.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDate;

use crate::corpus::Corpus;
use crate::select::Selection;

/// Weight of a mention in a sentence that does not match the keywords/query: it still
/// shows that the day mattered to an on-topic article, but less clearly.
const OFF_TOPIC_MENTION: f64 = 0.2;
/// Weight of a mention made more than [`RETROSPECTIVE_AFTER_DAYS`] after the day: an
/// event still referred to later mattered more than one only reported as it happened.
const RETROSPECTIVE_MENTION: f64 = 1.5;
const RETROSPECTIVE_AFTER_DAYS: i64 = 2;
/// Retrospective evidence is a rate: a day can only be referred back to by the
/// articles published after it, and a day late in the collection has few of those.
/// A day's retrospective votes are scaled by `N / later` (N selected articles, `later`
/// of them published after the day), so a late event referred back to by many of the
/// few later reports is not outranked by an early one that a small share of many later
/// reports mention. This share of N is added to both sides as smoothing, which bounds
/// the factor at (1 + share) / share for the last days.
const LATER_COVERAGE_SMOOTHING: f64 = 0.05;
/// Score factor for each already chosen date within a day of a candidate: adjacent days
/// usually describe one event, and a timeline of consecutive days repeats itself.
const ADJACENT_PENALTY: f64 = 0.4;
/// Weight of each selected article published on the day.
const PUBLICATION: f64 = 0.5;
/// Factor of a mention in a chronology entry ("April 22 - The rig sinks ."; see
/// [`AnalysedSentence::is_chronology_entry`]): the press's own timelines, factboxes of
/// key events, list the days their journalists judged to matter, which is the choice a
/// timeline makes.
///
/// [`AnalysedSentence::is_chronology_entry`]: crate::corpus::AnalysedSentence::is_chronology_entry
const CHRONOLOGY_ENTRY: f64 = 5.0;
/// Score added to a day for each article with a chronology entry of it, outside the
/// later-coverage rate ([`LATER_COVERAGE_SMOOTHING`]): a factbox's choice of a day is
/// not a share of the coverage that came after it.
const CHRONOLOGY_LISTING: f64 = 5.0;

/// A candidate date with its evidence.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RankedDate {
    pub date: NaiveDate,
    pub score: f64,
    /// Distinct selected articles published on the date or mentioning it.
    pub reports: usize,
    /// The part of `score` from mentions in text (publication votes left out).
    pub mentions: f64,
}

/// Ranks every day mentioned by (or carrying the publication of) a selected article.
/// Highest score first; ties broken by the earlier date, so the order is deterministic.
pub(crate) fn rank_dates(corpus: &Corpus, selection: &Selection) -> Vec<RankedDate> {
    #[derive(Default)]
    struct Evidence {
        /// Publications and mentions made on the day or within
        /// [`RETROSPECTIVE_AFTER_DAYS`] of it.
        score: f64,
        /// Retrospective mentions.
        retrospective: f64,
        /// Articles listing the day in a chronology entry, × [`CHRONOLOGY_LISTING`].
        listings: f64,
        /// The part of `score` from mentions (the rest is publications).
        mentions: f64,
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
        // Per day: the best mention weight of this article. One article is one vote,
        // however often it repeats the day.
        // Whether a mention is retrospective depends only on the day (the article's
        // publication day is fixed), so the best weight tells it too.
        let mut per_day: BTreeMap<NaiveDate, (f64, bool)> = BTreeMap::new();
        let mut listed: HashSet<NaiveDate> = HashSet::new();
        let range = corpus.analyses[article].sentence_range.clone();
        for (i, sentence) in corpus.sentences[range.clone()].iter().enumerate() {
            let topical = if selection.relevant[range.start + i] || !selection.filtered {
                1.0
            } else {
                OFF_TOPIC_MENTION
            };
            let entry = sentence.is_chronology_entry();
            let form = if entry { CHRONOLOGY_ENTRY } else { 1.0 };
            for mention in &sentence.days {
                if !selection.day_in_window(mention.day) {
                    continue;
                }
                let retrospective = is_retrospective(published, mention.day);
                let weight = if retrospective {
                    topical * form * RETROSPECTIVE_MENTION
                } else {
                    topical * form
                };
                if entry {
                    listed.insert(mention.day);
                }
                let best = per_day.entry(mention.day).or_insert((0.0, retrospective));
                best.0 = best.0.max(weight);
            }
        }
        for (day, (best, retrospective)) in per_day {
            let e = evidence.entry(day).or_default();
            if listed.contains(&day) {
                e.listings += CHRONOLOGY_LISTING;
            }
            if retrospective {
                e.retrospective += best;
            } else {
                e.score += best;
                e.mentions += best;
            }
            e.articles.insert(article);
        }
    }
    let later = LaterCoverage::new(
        selection
            .articles
            .iter()
            .map(|&a| corpus.articles[a].published),
    );
    let mut ranked: Vec<RankedDate> = evidence
        .into_iter()
        .map(|(date, e)| {
            // Mention evidence beyond the day's own coverage.
            let referred = e.retrospective * later.factor(date) + e.listings;
            RankedDate {
                date,
                score: e.score + referred,
                reports: e.articles.len(),
                mentions: e.mentions + referred,
            }
        })
        .collect();
    ranked.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.date.cmp(&b.date)));
    ranked
}

/// Whether a mention of `day` in an article published on `published` refers back to it.
pub(crate) fn is_retrospective(published: NaiveDate, day: NaiveDate) -> bool {
    (published - day).num_days() > RETROSPECTIVE_AFTER_DAYS
}

/// Publication days of the selected articles, to tell how many could refer back to a
/// day (see [`LATER_COVERAGE_SMOOTHING`]).
struct LaterCoverage {
    /// Sorted.
    published: Vec<NaiveDate>,
}

impl LaterCoverage {
    fn new(published: impl IntoIterator<Item = NaiveDate>) -> Self {
        let mut published: Vec<NaiveDate> = published.into_iter().collect();
        published.sort_unstable();
        LaterCoverage { published }
    }

    /// The factor for `day`'s retrospective votes: 1 when every article came later,
    /// rising as fewer did, at most `(1 + s) / s`.
    fn factor(&self, day: NaiveDate) -> f64 {
        let total = self.published.len() as f64;
        let earlier = self
            .published
            .partition_point(|&p| !is_retrospective(p, day));
        let later = (self.published.len() - earlier) as f64;
        let smoothing = total * LATER_COVERAGE_SMOOTHING;
        (total + smoothing) / (later + smoothing)
    }
}

/// The publication-count baseline: each day scores the number of selected articles
/// published on it.
pub(crate) fn rank_by_publications(corpus: &Corpus, selection: &Selection) -> Vec<RankedDate> {
    let mut counts: BTreeMap<NaiveDate, usize> = BTreeMap::new();
    for &article in &selection.articles {
        let published = corpus.articles[article].published;
        if selection.day_in_window(published) {
            *counts.entry(published).or_default() += 1;
        }
    }
    let mut ranked: Vec<RankedDate> = counts
        .into_iter()
        .map(|(date, n)| RankedDate {
            date,
            score: n as f64,
            reports: n,
            mentions: 0.0,
        })
        .collect();
    ranked.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.date.cmp(&b.date)));
    ranked
}

/// Reorders the first `count` dates of `ranked` (highest score first) so that a date
/// next to an already chosen one needs more evidence to be chosen: each chosen
/// neighbour within a day multiplies its score by `1 - ADJACENT_PENALTY`. The dates
/// beyond `count` follow in their original order.
pub(crate) fn spread_adjacent(ranked: &[RankedDate], count: usize) -> Vec<RankedDate> {
    let mut remaining: Vec<(f64, &RankedDate)> = ranked.iter().map(|r| (r.score, r)).collect();
    let mut chosen: Vec<RankedDate> = Vec::with_capacity(count.min(ranked.len()));
    while chosen.len() < count && !remaining.is_empty() {
        // First maximum: ties keep the ranking's order (earlier date), so the result is
        // deterministic.
        let mut best = 0;
        for (i, (score, _)) in remaining.iter().enumerate() {
            if *score > remaining[best].0 {
                best = i;
            }
        }
        let (_, date) = remaining.remove(best);
        for (score, other) in remaining.iter_mut() {
            if (other.date - date.date).num_days().abs() <= 1 {
                *score *= 1.0 - ADJACENT_PENALTY;
            }
        }
        chosen.push(date.clone());
    }
    let taken: HashSet<NaiveDate> = chosen.iter().map(|r| r.date).collect();
    chosen.extend(ranked.iter().filter(|r| !taken.contains(&r.date)).cloned());
    chosen
}

/// Moves each of the first `count` dates of `ordered` to the day before when that day
/// is not among them and the articles name it in text more than the date itself
/// (strictly more mention evidence, publication votes left out). Reports appear the
/// day after an event, so publication votes push the report day above the event day
/// that the articles themselves name; timelines date the event. The replaced date is
/// dropped; the day before keeps its own evidence. Dates beyond `count` follow in
/// their order, less those moved into the first `count`.
pub(crate) fn prefer_event_day(
    ordered: &[RankedDate],
    ranked: &[RankedDate],
    count: usize,
) -> Vec<RankedDate> {
    let head = count.min(ordered.len());
    let by_date: HashMap<NaiveDate, &RankedDate> = ranked.iter().map(|r| (r.date, r)).collect();
    let head_dates: HashSet<NaiveDate> = ordered[..head].iter().map(|r| r.date).collect();
    let mut taken: HashSet<NaiveDate> = HashSet::with_capacity(ordered.len());
    let mut out: Vec<RankedDate> = Vec::with_capacity(ordered.len());
    for (i, date) in ordered.iter().enumerate() {
        if taken.contains(&date.date) {
            continue;
        }
        let before = (i < head)
            .then(|| date.date.pred_opt())
            .flatten()
            .filter(|day| !head_dates.contains(day) && !taken.contains(day))
            .and_then(|day| by_date.get(&day).copied())
            .filter(|before| before.mentions > date.mentions);
        let pick = before.unwrap_or(date);
        taken.insert(pick.date);
        out.push(pick.clone());
    }
    out
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
    use chrono::Datelike;

    use super::*;

    fn ranked(scores: &[f64]) -> Vec<RankedDate> {
        scores
            .iter()
            .enumerate()
            .map(|(i, &score)| RankedDate {
                date: NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + chrono::Days::new(i as u64),
                score,
                reports: 1,
                mentions: score,
            })
            .collect()
    }

    #[test]
    fn adjacent_dates_need_more_evidence() {
        // Day 0 is strongest; day 1 (next to it) is nearly as strong, day 5 weaker.
        let mut dates = ranked(&[10.0, 9.0, 0.0, 0.0, 0.0, 7.0]);
        dates.sort_by(|a, b| b.score.total_cmp(&a.score));
        let order: Vec<i64> = spread_adjacent(&dates, 3)
            .iter()
            .map(|r| (r.date - dates[0].date).num_days())
            .collect();
        // 9 * 0.6 = 5.4 < 7: the separate event on day 5 comes before day 1.
        assert_eq!(&order[..3], &[0, 5, 1]);
        assert_eq!(order.len(), 6);
    }

    #[test]
    fn event_day_replaces_the_report_day() {
        let day = |d| NaiveDate::from_ymd_opt(2020, 1, d).unwrap();
        let date = |d, score, mentions| RankedDate {
            date: day(d),
            score,
            reports: 1,
            mentions,
        };
        // Day 3 leads on publications; day 2, the day before, is named more in text.
        // Day 10 is named more than its own day before (day 9), which is kept out.
        let ranked = vec![
            date(3, 10.0, 4.0),
            date(10, 8.0, 6.0),
            date(2, 6.0, 5.0),
            date(9, 5.0, 6.0),
            date(20, 3.0, 3.0),
        ];
        let dates: Vec<u32> = prefer_event_day(&ranked, &ranked, 2)
            .iter()
            .map(|r| r.date.day())
            .collect();
        // Day 3 becomes day 2 (which leaves its own later place); day 9 has as much
        // mention evidence as day 10, not more: day 10 stays. The rest follow.
        assert_eq!(dates, vec![2, 10, 9, 20]);
        // A day before that is itself among the first `count` is not taken twice.
        let dates: Vec<u32> = prefer_event_day(&ranked, &ranked, 3)
            .iter()
            .map(|r| r.date.day())
            .collect();
        assert_eq!(dates, vec![3, 10, 2, 9, 20]);
    }

    #[test]
    fn retrospective_votes_are_a_share_of_later_coverage() {
        let day = |d| NaiveDate::from_ymd_opt(2020, 1, d).unwrap();
        // 20 articles: 10 on day 1, 10 on day 10.
        let later = LaterCoverage::new((0..20).map(|i| if i < 10 { day(1) } else { day(10) }));
        // Every article can refer back to a day before the first publication.
        let before = NaiveDate::from_ymd_opt(2019, 12, 1).unwrap();
        assert!((later.factor(before) - 1.0).abs() < 1e-9);
        // Half of them for day 2: (20 + 1) / (10 + 1).
        assert!((later.factor(day(2)) - 21.0 / 11.0).abs() < 1e-9);
        // Day 8 is within two days of the last publications: none, the bound 21.
        assert!((later.factor(day(8)) - 21.0).abs() < 1e-9);
        assert!(later.factor(day(7)) < later.factor(day(8)));
    }

    #[test]
    fn chronology_entries_outweigh_passing_mentions() {
        let article = |id: &str, text: &str| crate::test_support::article(id, (2010, 5, 10), text);
        // Two reports name April 25 in passing; one factbox lists April 20.
        let corpus = Corpus::analyse(vec![
            article("a", "Crews reached the well on April 25 , officials said ."),
            article(
                "b",
                "Crews reached the well on April 25 , a spokesman said .",
            ),
            article(
                "c",
                "Key events in the spill :\nApril 20 - The rig explodes , killing 11 workers .",
            ),
        ]);
        let selection = crate::select::select(&corpus, &Default::default());
        let ranked = rank_dates(&corpus, &selection);
        let score = |day| {
            ranked
                .iter()
                .find(|r| r.date == NaiveDate::from_ymd_opt(2010, 4, day).unwrap())
                .map(|r| r.score)
                .unwrap()
        };
        // One vote each (× 1.5, retrospective): 2 × 1.5 against 1.5 × 5, and 5 for the
        // factbox's listing.
        assert!((score(25) - 3.0).abs() < 1e-9);
        assert!((score(20) - 12.5).abs() < 1e-9);
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
