//! ROUGE-1 and ROUGE-2 counts as Perl ROUGE-1.5.5 reports them with
//! `-a -n 2 -x -f A -m -s -t 2` for one peer and one model summary.
//!
//! With `-t 2` ROUGE prints raw counts: the model's n-gram count (`M_count`), the peer's
//! (`P_count`) and the clipped matches (`H_count`); tilse builds every score from these.
//! A summary's sentences are joined before n-grams are formed, so bigrams run across
//! sentence boundaries, and n-grams are formed after stop word removal.

use std::collections::HashMap;

use crate::tokenize::{TokenRule, for_each_content_token, stem_content_token};

/// Raw ROUGE-N counts of one peer (predicted) summary against one model (gold) summary.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Clipped n-gram matches: each peer n-gram counts at most as often as it occurs in
    /// the model (`H_count`).
    pub hits: u64,
    /// N-grams in the peer (`P_count`), the precision denominator.
    pub peer: u64,
    /// N-grams in the model (`M_count`), the recall denominator.
    pub model: u64,
}

/// ROUGE-1 and ROUGE-2 counts of the peer sentences against the model sentences.
///
/// ```
/// use chronicle_eval::rouge::rouge_counts;
/// let peer = ["BP 's oil well was sealed .".to_string()];
/// let model = ["The oil well is finally sealed .".to_string()];
/// let [r1, r2] = rouge_counts(&peer, &model);
/// // Tokens: "bp oil seal" against "oil final seal" ("well" is a SMART stop word).
/// assert_eq!((r1.hits, r1.peer, r1.model), (2, 3, 3));
/// assert_eq!((r2.hits, r2.peer, r2.model), (0, 2, 2));
/// ```
pub fn rouge_counts(peer: &[String], model: &[String]) -> [Counts; 2] {
    let mut analyzer = Analyzer::default();
    let p = Grams::new(&analyzer.tokens(peer));
    let m = Grams::new(&analyzer.tokens(model));
    counts(&p, &m)
}

/// Maps tokens to ids, caching stems, so that n-grams are cheap to count and compare.
#[derive(Default)]
pub(crate) struct Analyzer {
    rule: TokenRule,
    /// Raw (unstemmed) token → id of its stem.
    stems: HashMap<String, u32>,
    /// Stem → id.
    ids: HashMap<String, u32>,
}

impl Analyzer {
    pub(crate) fn new(rule: TokenRule) -> Self {
        Analyzer {
            rule,
            ..Analyzer::default()
        }
    }

    /// Stemmed token ids of a summary (its sentences in order).
    pub(crate) fn tokens(&mut self, sentences: &[String]) -> Vec<u32> {
        let mut out = Vec::new();
        for s in sentences {
            for_each_content_token(s, self.rule, |raw| {
                let id = match self.stems.get(raw) {
                    Some(&id) => id,
                    None => {
                        let stem = stem_content_token(raw);
                        let next = self.ids.len() as u32;
                        let id = *self.ids.entry(stem).or_insert(next);
                        self.stems.insert(raw.to_string(), id);
                        id
                    }
                };
                out.push(id);
            });
        }
        out
    }
}

/// Unigram and bigram multisets of a token sequence.
#[derive(Clone, Debug, Default)]
pub(crate) struct Grams {
    uni: HashMap<u32, u32>,
    bi: HashMap<u64, u32>,
    n_uni: u64,
    n_bi: u64,
}

impl Grams {
    pub(crate) fn new(tokens: &[u32]) -> Self {
        let mut g = Grams::default();
        for &t in tokens {
            *g.uni.entry(t).or_insert(0) += 1;
        }
        for w in tokens.windows(2) {
            *g.bi
                .entry((u64::from(w[0]) << 32) | u64::from(w[1]))
                .or_insert(0) += 1;
        }
        g.n_uni = tokens.len() as u64;
        g.n_bi = tokens.len().saturating_sub(1) as u64;
        g
    }
}

fn clipped_hits<K: std::hash::Hash + Eq>(a: &HashMap<K, u32>, b: &HashMap<K, u32>) -> u64 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    small
        .iter()
        .filter_map(|(k, &c)| large.get(k).map(|&d| u64::from(c.min(d))))
        .sum()
}

/// ROUGE-1 and ROUGE-2 counts of `peer` against `model`.
pub(crate) fn counts(peer: &Grams, model: &Grams) -> [Counts; 2] {
    [
        Counts {
            hits: clipped_hits(&peer.uni, &model.uni),
            peer: peer.n_uni,
            model: model.n_uni,
        },
        Counts {
            hits: clipped_hits(&peer.bi, &model.bi),
            peer: peer.n_bi,
            model: model.n_bi,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(x: &str) -> Vec<String> {
        vec![x.to_string()]
    }

    #[test]
    fn clipping() {
        let [r1, _] = rouge_counts(&s("oil oil oil"), &s("oil spill"));
        assert_eq!((r1.hits, r1.peer, r1.model), (1, 3, 2));
        let [r1, _] = rouge_counts(&s("oil"), &s("oil oil spill"));
        assert_eq!((r1.hits, r1.peer, r1.model), (1, 1, 3));
    }

    #[test]
    fn bigrams_cross_sentences_and_skip_stopwords() {
        let peer = vec!["the oil".to_string(), "and the spill".to_string()];
        let [r1, r2] = rouge_counts(&peer, &s("oil spill"));
        assert_eq!((r1.hits, r1.peer), (2, 2));
        assert_eq!((r2.hits, r2.peer, r2.model), (1, 1, 1));
    }

    #[test]
    fn empty_summaries() {
        let [r1, r2] = rouge_counts(&[], &s("oil spill"));
        assert_eq!(
            r1,
            Counts {
                hits: 0,
                peer: 0,
                model: 2
            }
        );
        assert_eq!(
            r2,
            Counts {
                hits: 0,
                peer: 0,
                model: 1
            }
        );
    }
}
