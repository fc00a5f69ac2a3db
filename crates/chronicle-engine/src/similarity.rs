//! Sentence vectors and similarities: TF-IDF cosine for centrality and redundancy,
//! term-set overlap for near-duplicate detection.

use rustc_hash::FxHashMap;

use crate::corpus::{AnalysedSentence, Corpus, TermId};

/// A sparse, L2-normalised TF-IDF vector, sorted by term.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct SparseVector(Vec<(TermId, f32)>);

impl SparseVector {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The normalised sum of `self` and `weight` × `other`.
    pub fn blend(&self, other: &SparseVector, weight: f32) -> SparseVector {
        let (a, b) = (&self.0, &other.0);
        let mut sum = Vec::with_capacity(a.len() + b.len());
        let (mut i, mut j) = (0, 0);
        loop {
            // Both are sorted by term: merge them.
            let entry = match (a.get(i), b.get(j)) {
                (None, None) => break,
                (Some(&(ta, wa)), Some(&(tb, wb))) if ta == tb => {
                    i += 1;
                    j += 1;
                    (ta, wa + weight * wb)
                }
                (Some(&(ta, wa)), Some(&(tb, _))) if ta < tb => {
                    i += 1;
                    (ta, wa)
                }
                (Some(&(ta, wa)), None) => {
                    i += 1;
                    (ta, wa)
                }
                (_, Some(&(tb, wb))) => {
                    j += 1;
                    (tb, weight * wb)
                }
            };
            sum.push(entry);
        }
        normalised(sum)
    }

    /// Cosine similarity (both vectors are normalised, so the dot product).
    pub fn cosine(&self, other: &SparseVector) -> f32 {
        let (mut i, mut j, mut dot) = (0, 0, 0.0);
        let (a, b) = (&self.0, &other.0);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    dot += a[i].1 * b[j].1;
                    i += 1;
                    j += 1;
                }
            }
        }
        dot
    }

    /// The normalised sum of `vectors` (their centroid direction).
    pub fn centroid<'a>(vectors: impl IntoIterator<Item = &'a SparseVector>) -> SparseVector {
        let mut sum: FxHashMap<TermId, f32> = FxHashMap::default();
        for v in vectors {
            for &(t, w) in &v.0 {
                *sum.entry(t).or_default() += w;
            }
        }
        normalised(sum.into_iter().collect())
    }
}

fn normalised(mut entries: Vec<(TermId, f32)>) -> SparseVector {
    entries.sort_unstable_by_key(|e| e.0);
    let norm = entries.iter().map(|e| e.1 * e.1).sum::<f32>().sqrt();
    if norm > 0.0 {
        for e in &mut entries {
            e.1 /= norm;
        }
    }
    SparseVector(entries)
}

/// Inverse document frequencies over a set of sentences (sentences are the documents).
pub(crate) struct Idf {
    df: FxHashMap<TermId, u32>,
    total: f32,
}

/// For each term, how many of `sentences` hold it; and how many sentences there were.
fn document_frequencies<'a>(
    sentences: impl IntoIterator<Item = &'a AnalysedSentence>,
) -> (FxHashMap<TermId, u32>, u32) {
    let mut df: FxHashMap<TermId, u32> = FxHashMap::default();
    let mut total = 0u32;
    let mut seen = Vec::new();
    for s in sentences {
        total += 1;
        seen.clear();
        seen.extend_from_slice(&s.terms);
        seen.sort_unstable();
        seen.dedup();
        for &t in &seen {
            *df.entry(t).or_default() += 1;
        }
    }
    (df, total)
}

impl Idf {
    pub fn new<'a>(sentences: impl IntoIterator<Item = &'a AnalysedSentence>) -> Idf {
        let (df, total) = document_frequencies(sentences);
        Idf {
            df,
            total: total as f32,
        }
    }

    fn weight(&self, term: TermId) -> f32 {
        let df = self.df.get(&term).copied().unwrap_or(0) as f32;
        ((self.total + 1.0) / (df + 1.0)).ln() + 1.0
    }

    /// What `sentences` are about as a whole: the `terms` heaviest terms by the number
    /// of sentences holding them times their IDF, normalised. Kept short because every
    /// cosine with it walks all its terms.
    pub fn topic_vector<'a>(
        &self,
        sentences: impl IntoIterator<Item = &'a AnalysedSentence>,
        terms: usize,
    ) -> SparseVector {
        let (df, _) = document_frequencies(sentences);
        let mut weighted: Vec<(TermId, f32)> = df
            .into_iter()
            .map(|(t, n)| (t, n as f32 * self.weight(t)))
            .collect();
        // Heaviest first; ties by term, so the cut is deterministic.
        weighted.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        weighted.truncate(terms);
        normalised(weighted)
    }

    /// The TF-IDF vector of a sentence.
    pub fn vector(&self, sentence: &AnalysedSentence) -> SparseVector {
        let mut terms = sentence.terms.clone();
        terms.sort_unstable();
        // Runs of one term give its frequency, already in term order.
        let weighted = terms
            .chunk_by(|a, b| a == b)
            .map(|run| (run[0], run.len() as f32 * self.weight(run[0])))
            .collect();
        normalised(weighted)
    }
}

/// The distinct terms of a sentence, sorted.
pub(crate) fn term_set(sentence: &AnalysedSentence) -> Vec<TermId> {
    let mut terms = sentence.terms.clone();
    terms.sort_unstable();
    terms.dedup();
    terms
}

/// Whether two sentences say the same thing: most of the shorter one's terms occur in
/// the longer one (overlap coefficient), with enough shared terms that short
/// sentences do not match by accident. Paraphrases of one event by different
/// outlets typically share 50-80% of their content terms.
pub(crate) fn near_duplicate(a: &[TermId], b: &[TermId]) -> bool {
    const MIN_SHARED: usize = 4;
    const MIN_OVERLAP: f32 = 0.55;
    const MIN_JACCARD: f32 = 0.3;
    let shared = count_shared(a, b);
    if shared < MIN_SHARED {
        return false;
    }
    let smaller = a.len().min(b.len()) as f32;
    let union = (a.len() + b.len() - shared) as f32;
    shared as f32 / smaller >= MIN_OVERLAP && shared as f32 / union >= MIN_JACCARD
}

fn count_shared(a: &[TermId], b: &[TermId]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Term sets of every sentence of a corpus, computed lazily per request.
pub(crate) fn sentence_terms(corpus: &Corpus, index: usize) -> Vec<TermId> {
    term_set(&corpus.sentences[index])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::term_id;

    fn ids(words: &str) -> Vec<TermId> {
        let mut v: Vec<TermId> = words.split_whitespace().map(term_id).collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    #[test]
    fn paraphrases_are_near_duplicates() {
        let a = ids(
            "chines presid xi jinp russian vladimir putin exchang congratulatori telegram occas new year",
        );
        let b = ids("chines presid xi jinp russian vladimir putin exchang new year greet");
        assert!(near_duplicate(&a, &b));
    }

    #[test]
    fn different_events_are_not() {
        let a = ids("xi visit moscow march talk putin");
        let b = ids("putin visit beij octob forum belt road");
        assert!(!near_duplicate(&a, &b));
        assert!(!near_duplicate(&ids("a b c"), &ids("a b c")));
    }

    #[test]
    fn a_blend_adds_the_weighted_other() {
        let a = normalised(vec![(1, 1.0), (3, 1.0)]);
        let b = normalised(vec![(2, 1.0), (3, 1.0)]);
        let blend = a.blend(&b, 1.0);
        // Term 3 is in both: twice the weight of the others.
        let w: Vec<f32> = blend.0.iter().map(|e| e.1).collect();
        assert_eq!(blend.0.iter().map(|e| e.0).collect::<Vec<_>>(), [1, 2, 3]);
        assert!((w[2] - 2.0 * w[0]).abs() < 1e-6 && (w[0] - w[1]).abs() < 1e-6);
        // With nothing on one side, the other's direction.
        assert!((a.blend(&SparseVector::default(), 0.2).cosine(&a) - 1.0).abs() < 1e-6);
        assert!((SparseVector::default().blend(&a, 0.2).cosine(&a) - 1.0).abs() < 1e-6);
    }

    #[test]
    fn a_topic_keeps_its_heaviest_terms() {
        let sentence = |terms: &[TermId]| AnalysedSentence {
            article: 0,
            position: 0,
            start: 0,
            end: 0,
            terms: terms.to_vec(),
            words: terms.len() as u32,
            days: Vec::new(),
            has_coarse_date: false,
            chronology_prefix: 0,
        };
        let sentences = [sentence(&[1, 2]), sentence(&[1, 3]), sentence(&[1, 2, 2])];
        let idf = Idf::new(&sentences);
        // Term 1 is in all three sentences, term 2 in two, term 3 in one; with IDF
        // (1: ln(4/4)+1 = 1, 2: ln(4/3)+1, 3: ln(4/2)+1) the weights are 3, 2.58, 1.69.
        let topic = idf.topic_vector(&sentences, 2);
        assert_eq!(topic.0.iter().map(|e| e.0).collect::<Vec<_>>(), [1, 2]);
    }

    #[test]
    fn cosine_of_identical_vectors_is_one() {
        let v = normalised(vec![(1, 2.0), (2, 1.0)]);
        assert!((v.cosine(&v) - 1.0).abs() < 1e-6);
        assert_eq!(v.cosine(&SparseVector::default()), 0.0);
    }
}
