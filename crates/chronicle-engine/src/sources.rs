//! Source attribution: every article that carries a summary sentence or a
//! near-duplicate of it, among the articles that report on the same date.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use crate::corpus::{Corpus, TermId};
use crate::select::Selection;
use crate::similarity::{near_duplicate, sentence_terms};

/// Where to look for the carriers of a date's sentences: sentences that mention the
/// day, and articles published on it or the day after (next-day reports).
pub(crate) struct SourceIndex {
    mentions: BTreeMap<NaiveDate, Vec<usize>>,
    published: BTreeMap<NaiveDate, Vec<usize>>,
}

impl SourceIndex {
    pub fn new(corpus: &Corpus, selection: &Selection) -> SourceIndex {
        let mut mentions: BTreeMap<NaiveDate, Vec<usize>> = BTreeMap::new();
        let mut published: BTreeMap<NaiveDate, Vec<usize>> = BTreeMap::new();
        for &article in &selection.articles {
            published
                .entry(corpus.articles[article].published)
                .or_default()
                .push(article);
            for index in corpus.analyses[article].sentence_range.clone() {
                let mut days: Vec<NaiveDate> =
                    corpus.sentences[index].days.iter().map(|m| m.day).collect();
                days.dedup();
                for day in days {
                    mentions.entry(day).or_default().push(index);
                }
            }
        }
        SourceIndex {
            mentions,
            published,
        }
    }

    /// For each of `sentences` (indices into the corpus's sentences, the summary of the
    /// timeline entry of `day`), the articles carrying it or a near duplicate of it: the
    /// sentence's own article first, then the others by publication date and id. The
    /// day's pool of sentences is read once for all of them.
    pub fn carriers(
        &self,
        corpus: &Corpus,
        sentences: &[usize],
        day: NaiveDate,
    ) -> Vec<Vec<usize>> {
        let mentioning = self.mentions.get(&day).into_iter().flatten().copied();
        let same_day = [Some(day), day.succ_opt()]
            .into_iter()
            .flatten()
            .filter_map(|d| self.published.get(&d))
            .flatten()
            .flat_map(|&a| corpus.analyses[a].sentence_range.clone());
        // A sentence may both name the day and be published on it: compared once.
        let mut pool: Vec<usize> = mentioning.chain(same_day).collect();
        pool.sort_unstable();
        pool.dedup();
        let pool: Vec<(usize, Vec<TermId>)> = pool
            .into_iter()
            .map(|other| {
                let article = corpus.sentences[other].article as usize;
                (article, sentence_terms(corpus, other))
            })
            .collect();
        sentences
            .iter()
            .map(|&sentence| {
                let origin = corpus.sentences[sentence].article as usize;
                let terms = sentence_terms(corpus, sentence);
                let mut found: BTreeSet<usize> = BTreeSet::new();
                for (article, other) in &pool {
                    if *article == origin || found.contains(article) {
                        continue;
                    }
                    if near_duplicate(&terms, other) {
                        found.insert(*article);
                    }
                }
                let mut carriers: Vec<usize> = found.into_iter().collect();
                carriers.sort_by(|&a, &b| {
                    let (a, b) = (&corpus.articles[a], &corpus.articles[b]);
                    a.published.cmp(&b.published).then(a.id.cmp(&b.id))
                });
                carriers.insert(0, origin);
                carriers
            })
            .collect()
    }
}
