//! tilse's timeline metrics: concat, agreement, align+ m:1 (ROUGE-1/2) and date P/R/F1.
//!
//! Where tilse divides by zero or takes the minimum of an empty row (an empty predicted
//! or gold timeline), the score here is 0 instead of a crash.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::rouge::{Analyzer, Counts, Grams, counts};
use crate::timeline::Timeline;
use crate::tokenize::{TokenRule, similarity_tokens};

/// Precision, recall and F1.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Prf {
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1, `2PR / (P + R)`, 0 when both are 0.
    pub f_score: f64,
}

impl Prf {
    /// Builds the triple from precision and recall with tilse's `get_f_score` (beta = 1).
    ///
    /// ```
    /// use chronicle_eval::Prf;
    /// let s = Prf::from_pr(0.5, 0.25);
    /// assert!((s.f_score - 1.0 / 3.0).abs() < 1e-12);
    /// assert_eq!(Prf::from_pr(0.0, 0.0).f_score, 0.0);
    /// ```
    pub fn from_pr(precision: f64, recall: f64) -> Self {
        // Same operation order as tilse, so results agree to the last bit.
        let f_score = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Prf {
            precision,
            recall,
            f_score,
        }
    }
}

/// ROUGE-1 and ROUGE-2 scores of one metric.
///
/// ```
/// use chronicle_eval::{Task, Timeline};
/// let empty = Timeline::new();
/// let concat = Task::new(&empty, &empty).concat();
/// assert_eq!(concat.rouge_1.f_score, 0.0); // nothing to match: 0, not a division by zero
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RougeScores {
    /// ROUGE-1.
    pub rouge_1: Prf,
    /// ROUGE-2.
    pub rouge_2: Prf,
}

/// All metrics of one predicted timeline against one gold timeline (the keys of tilse's
/// output, as in `scores.json`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Scores {
    /// concat ROUGE-1.
    #[serde(rename = "concat.rouge_1")]
    pub concat_rouge_1: Prf,
    /// concat ROUGE-2.
    #[serde(rename = "concat.rouge_2")]
    pub concat_rouge_2: Prf,
    /// agreement ROUGE-1.
    #[serde(rename = "agreement.rouge_1")]
    pub agreement_rouge_1: Prf,
    /// agreement ROUGE-2.
    #[serde(rename = "agreement.rouge_2")]
    pub agreement_rouge_2: Prf,
    /// align+ m:1 ROUGE-1 (the headline "AR-1").
    #[serde(rename = "align_m1.rouge_1")]
    pub align_m1_rouge_1: Prf,
    /// align+ m:1 ROUGE-2 ("AR-2").
    #[serde(rename = "align_m1.rouge_2")]
    pub align_m1_rouge_2: Prf,
    /// Date precision, recall and F1.
    pub date: Prf,
}

impl Scores {
    /// The seven triples with their `scores.json` keys, in file order.
    pub fn entries(&self) -> [(&'static str, Prf); 7] {
        [
            ("concat.rouge_1", self.concat_rouge_1),
            ("concat.rouge_2", self.concat_rouge_2),
            ("agreement.rouge_1", self.agreement_rouge_1),
            ("agreement.rouge_2", self.agreement_rouge_2),
            ("align_m1.rouge_1", self.align_m1_rouge_1),
            ("align_m1.rouge_2", self.align_m1_rouge_2),
            ("date", self.date),
        ]
    }

    /// Mutable access to the triples, in the order of [`Scores::entries`].
    fn entries_mut(&mut self) -> [&mut Prf; 7] {
        [
            &mut self.concat_rouge_1,
            &mut self.concat_rouge_2,
            &mut self.agreement_rouge_1,
            &mut self.agreement_rouge_2,
            &mut self.align_m1_rouge_1,
            &mut self.align_m1_rouge_2,
            &mut self.date,
        ]
    }

    /// tilse's average over tasks: precision and recall are each averaged, F1 is then
    /// computed from the two averages. All zeros for no tasks.
    ///
    /// ```
    /// use chronicle_eval::{Prf, Scores};
    /// let mut a = Scores::default();
    /// a.date = Prf::from_pr(1.0, 0.0);
    /// let mut b = Scores::default();
    /// b.date = Prf::from_pr(0.0, 1.0);
    /// let avg = Scores::average(&[a, b]);
    /// assert_eq!(avg.date, Prf::from_pr(0.5, 0.5)); // not the mean of the two F1s (0)
    /// ```
    pub fn average(tasks: &[Scores]) -> Scores {
        let mut avg = Scores::default();
        if tasks.is_empty() {
            return avg;
        }
        let n = tasks.len() as f64;
        for (k, slot) in avg.entries_mut().into_iter().enumerate() {
            // Summed in task order from 0, as Python's sum() does.
            let p = tasks
                .iter()
                .fold(0.0, |acc, t| acc + t.entries()[k].1.precision)
                / n;
            let r = tasks
                .iter()
                .fold(0.0, |acc, t| acc + t.entries()[k].1.recall)
                / n;
            *slot = Prf::from_pr(p, r);
        }
        avg
    }
}

fn ratio(num: f64, den: f64) -> f64 {
    if den == 0.0 { 0.0 } else { num / den }
}

/// Accumulates numerators and denominators in list order, as tilse sums its lists.
#[derive(Default)]
struct Micro {
    p_num: f64,
    p_den: u64,
    r_num: f64,
    r_den: u64,
}

impl Micro {
    fn prf(&self) -> Prf {
        Prf::from_pr(
            ratio(self.p_num, self.p_den as f64),
            ratio(self.r_num, self.r_den as f64),
        )
    }
}

fn rouge_prf(c: &Counts) -> Prf {
    Prf::from_pr(
        ratio(c.hits as f64, c.peer as f64),
        ratio(c.hits as f64, c.model as f64),
    )
}

/// One timeline's dates (sorted) with their analyzed summaries.
struct Side {
    dates: Vec<NaiveDate>,
    tokens: Vec<Vec<u32>>,
    grams: Vec<Grams>,
    /// Bag of tilse's similarity tokens per date, and its size.
    sim: Vec<(HashMap<u32, u32>, u64)>,
}

impl Side {
    fn new(tl: &Timeline, analyzer: &mut Analyzer, sim_ids: &mut HashMap<String, u32>) -> Self {
        let dates: Vec<NaiveDate> = tl.keys().copied().collect();
        let tokens: Vec<Vec<u32>> = tl.values().map(|s| analyzer.tokens(s)).collect();
        let grams = tokens.iter().map(|t| Grams::new(t)).collect();
        let sim = tl
            .values()
            .map(|sents| {
                let mut bag = HashMap::new();
                let mut total = 0u64;
                for s in sents {
                    for t in similarity_tokens(s) {
                        let next = sim_ids.len() as u32;
                        let id = *sim_ids.entry(t.to_string()).or_insert(next);
                        *bag.entry(id).or_insert(0u32) += 1;
                        total += 1;
                    }
                }
                (bag, total)
            })
            .collect();
        Side {
            dates,
            tokens,
            grams,
            sim,
        }
    }

    fn index(&self, d: &NaiveDate) -> Option<usize> {
        self.dates.binary_search(d).ok()
    }
}

/// A predicted and a gold timeline, tokenized once for all metrics.
///
/// ```
/// use chronicle_eval::{Task, timeline::parse_timeline};
/// let gold = parse_timeline("2010-04-20\nOil leaked .\n--------------------------------\n", None).timeline;
/// let pred = parse_timeline("2010-04-20\nOil leaked .\n--------------------------------\n", None).timeline;
/// let task = Task::new(&pred, &gold);
/// assert_eq!(task.agreement().rouge_2.recall, 1.0);
/// assert_eq!(task.dates().precision, 1.0);
/// ```
pub struct Task {
    pred: Side,
    gold: Side,
}

impl Task {
    /// Analyzes both timelines (tokenizing and stemming every sentence once) with
    /// ROUGE-1.5.5's tokens.
    pub fn new(pred: &Timeline, gold: &Timeline) -> Self {
        Task::with_tokens(pred, gold, TokenRule::Rouge155)
    }

    /// Like [`Task::new`], with the tokens of `rule`.
    pub fn with_tokens(pred: &Timeline, gold: &Timeline, rule: TokenRule) -> Self {
        let mut analyzer = Analyzer::new(rule);
        let mut sim_ids = HashMap::new();
        Task {
            pred: Side::new(pred, &mut analyzer, &mut sim_ids),
            gold: Side::new(gold, &mut analyzer, &mut sim_ids),
        }
    }

    /// concat: ROUGE of all predicted sentences (dates in order) against all gold ones.
    pub fn concat(&self) -> RougeScores {
        let flat = |s: &Side| Grams::new(&s.tokens.concat());
        let [r1, r2] = counts(&flat(&self.pred), &flat(&self.gold));
        RougeScores {
            rouge_1: rouge_prf(&r1),
            rouge_2: rouge_prf(&r2),
        }
    }

    /// agreement: per date of either timeline, ROUGE of the two summaries of that date
    /// (a missing side is empty); counts summed over dates.
    pub fn agreement(&self) -> RougeScores {
        let empty = Grams::default();
        let all: BTreeSet<NaiveDate> = self
            .pred
            .dates
            .iter()
            .chain(&self.gold.dates)
            .copied()
            .collect();
        let mut acc = [Micro::default(), Micro::default()];
        for d in &all {
            let pi = self.pred.index(d);
            let gi = self.gold.index(d);
            let pg = pi.map_or(&empty, |i| &self.pred.grams[i]);
            let gg = gi.map_or(&empty, |i| &self.gold.grams[i]);
            for (m, c) in acc.iter_mut().zip(counts(pg, gg)) {
                if pi.is_some() {
                    m.p_num += c.hits as f64;
                    m.p_den += c.peer;
                }
                if gi.is_some() {
                    m.r_num += c.hits as f64;
                    m.r_den += c.model;
                }
            }
        }
        RougeScores {
            rouge_1: acc[0].prf(),
            rouge_2: acc[1].prf(),
        }
    }

    /// tilse's `compute_rouge_approximation`: unigram F1 of similarity tokens.
    fn similarity(&self, pi: usize, gi: usize) -> f64 {
        let (pb, pt) = &self.pred.sim[pi];
        let (gb, gt) = &self.gold.sim[gi];
        let matched: u64 = pb
            .iter()
            .filter_map(|(k, &c)| gb.get(k).map(|&d| u64::from(c.min(d))))
            .sum();
        let p = ratio(matched as f64, *pt as f64);
        let r = ratio(matched as f64, *gt as f64);
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// align+ m:1: each predicted date is matched to the gold date of least cost
    /// `(1 - 1/(days+1)) * (1 - c)` (first one on ties) for precision, each gold date to
    /// its least-cost predicted date for recall; matched hits are weighted by
    /// `1/(days+1)`.
    pub fn align_m1(&self) -> RougeScores {
        let (np, ng) = (self.pred.dates.len(), self.gold.dates.len());
        let days = |pi: usize, gi: usize| {
            (self.pred.dates[pi] - self.gold.dates[gi])
                .num_days()
                .unsigned_abs() as f64
        };
        // cost[pi][gi], computed exactly as tilse does so that ties break the same way.
        let cost: Vec<Vec<f64>> = (0..np)
            .map(|pi| {
                (0..ng)
                    .map(|gi| (1.0 - 1.0 / (days(pi, gi) + 1.0)) * (1.0 - self.similarity(pi, gi)))
                    .collect()
            })
            .collect();
        let argmin = |it: &mut dyn Iterator<Item = (usize, f64)>| {
            let mut best: Option<(usize, f64)> = None;
            for (i, c) in it {
                if best.is_none_or(|(_, b)| c < b) {
                    best = Some((i, c));
                }
            }
            best.map(|(i, _)| i)
        };
        let mut acc = [Micro::default(), Micro::default()];
        for (pi, row) in cost.iter().enumerate() {
            let best = argmin(&mut row.iter().copied().enumerate());
            match best {
                Some(gi) => {
                    let w = 1.0 / (days(pi, gi) + 1.0);
                    for (m, c) in acc
                        .iter_mut()
                        .zip(counts(&self.pred.grams[pi], &self.gold.grams[gi]))
                    {
                        m.p_num += w * c.hits as f64;
                        m.p_den += c.peer;
                    }
                }
                None => {
                    for (m, c) in acc
                        .iter_mut()
                        .zip(counts(&self.pred.grams[pi], &Grams::default()))
                    {
                        m.p_den += c.peer;
                    }
                }
            }
        }
        for gi in 0..ng {
            let best = argmin(&mut cost.iter().map(|row| row[gi]).enumerate());
            match best {
                Some(pi) => {
                    let w = 1.0 / (days(pi, gi) + 1.0);
                    for (m, c) in acc
                        .iter_mut()
                        .zip(counts(&self.pred.grams[pi], &self.gold.grams[gi]))
                    {
                        m.r_num += w * c.hits as f64;
                        m.r_den += c.model;
                    }
                }
                None => {
                    for (m, c) in acc
                        .iter_mut()
                        .zip(counts(&Grams::default(), &self.gold.grams[gi]))
                    {
                        m.r_den += c.model;
                    }
                }
            }
        }
        RougeScores {
            rouge_1: acc[0].prf(),
            rouge_2: acc[1].prf(),
        }
    }

    /// Date precision, recall and F1: exact overlap of the two date sets.
    pub fn dates(&self) -> Prf {
        let both = self
            .pred
            .dates
            .iter()
            .filter(|d| self.gold.index(d).is_some())
            .count() as f64;
        Prf::from_pr(
            ratio(both, self.pred.dates.len() as f64),
            ratio(both, self.gold.dates.len() as f64),
        )
    }

    /// Every metric.
    pub fn scores(&self) -> Scores {
        let c = self.concat();
        let a = self.agreement();
        let m = self.align_m1();
        Scores {
            concat_rouge_1: c.rouge_1,
            concat_rouge_2: c.rouge_2,
            agreement_rouge_1: a.rouge_1,
            agreement_rouge_2: a.rouge_2,
            align_m1_rouge_1: m.rouge_1,
            align_m1_rouge_2: m.rouge_2,
            date: self.dates(),
        }
    }
}

/// Scores a predicted timeline against a gold one with every tilse metric.
///
/// ```
/// use chronicle_eval::{evaluate, timeline::parse_timeline};
/// let gold = parse_timeline("2010-04-20\nThe rig exploded .\n--------------------------------\n", None).timeline;
/// let pred = parse_timeline("2010-04-21\nThe rig exploded .\n--------------------------------\n", None).timeline;
/// let s = evaluate(&pred, &gold);
/// assert_eq!(s.concat_rouge_1.f_score, 1.0);
/// assert_eq!(s.date.f_score, 0.0);
/// assert_eq!(s.align_m1_rouge_1.precision, 0.5); // one day off: hits weighted by 1/2
/// ```
pub fn evaluate(pred: &Timeline, gold: &Timeline) -> Scores {
    Task::new(pred, gold).scores()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::parse_timeline;

    fn tl(text: &str) -> Timeline {
        parse_timeline(text, None).timeline
    }

    #[test]
    fn empty_prediction_scores_zero() {
        let gold = tl("2010-01-01\noil spill\n--------------------------------\n");
        let s = evaluate(&Timeline::new(), &gold);
        for (_, prf) in s.entries() {
            assert_eq!(prf, Prf::default());
        }
    }

    #[test]
    fn agreement_counts_missing_sides() {
        let gold = tl(
            "2010-01-01\noil spill\n--------------------------------\n2010-01-02\nwell sealed cap\n--------------------------------\n",
        );
        let pred = tl(
            "2010-01-01\noil spill\n--------------------------------\n2010-01-03\nrelief\n--------------------------------\n",
        );
        let a = evaluate(&pred, &gold).agreement_rouge_1;
        assert_eq!(a.precision, 2.0 / 3.0);
        assert_eq!(a.recall, 2.0 / 4.0);
    }

    #[test]
    fn align_prefers_content_over_distance() {
        // The prediction's date is 1 day from gold A and 2 days from gold B, but shares
        // all its words with B: cost A = 0.5 * 1, cost B = (2/3) * 0 → B.
        let gold = tl(
            "2010-01-02\nriots in cairo\n--------------------------------\n2010-01-05\noil spill grows\n--------------------------------\n",
        );
        let pred = tl("2010-01-03\noil spill grows\n--------------------------------\n");
        let m = evaluate(&pred, &gold).align_m1_rouge_1;
        assert!((m.precision - 1.0 / 3.0).abs() < 1e-12);
    }
}
