//! [`MemoryBackend`]: articles read from input files and analysed in memory.
//!
//! Used by `chronicle serve <INPUT>...` (no store) and by tests: nothing survives a
//! restart, and articles posted to `POST /api/v1/articles` live only in memory. The
//! persistent backend is [`crate::StoreBackend`].
//!
//! Concurrency: the data is an immutable [`Snapshot`] behind `RwLock<Arc<_>>`. Readers
//! clone the `Arc` (the lock is held for a pointer copy) and work without any lock. An
//! ingest (one at a time, behind a writer mutex) parses and analyses the new articles
//! and builds the next snapshot without holding the read lock, then swaps it in.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use std::sync::{Arc, Mutex, RwLock};

use chronicle_engine::corpus::{ArticleAnalysis, TermId};
use chronicle_engine::{Corpus, Timeline, build_timeline};
use chronicle_ingest::{Article, ReadReport};
use chronicle_text::{Language, LanguagePolicy};
use chrono::NaiveDate;

use crate::api::{
    ArticleView, DayCount, IngestProblem, IngestSummary, NameCount, SearchHit, SearchRequest,
    StatsView, TimelineRequest,
};
use crate::backend::{Backend, BackendError};
use crate::query;
use tantivy_query_grammar::UserInputLiteral;

/// Articles and their analysis, in memory. See the module documentation.
pub struct MemoryBackend {
    snapshot: RwLock<Arc<Snapshot>>,
    writer: Mutex<()>,
    language: LanguagePolicy,
}

/// An immutable view of the data: the analysed corpus and the indexes built from it.
struct Snapshot {
    corpus: Corpus,
    by_id: HashMap<String, usize>,
    /// Hash of (date, text) per article, to drop re-posted articles.
    contents: HashSet<u64>,
    /// Term → sentences containing it (ascending, each sentence once).
    postings: HashMap<TermId, Vec<u32>>,
    /// Term → articles whose title holds it (ascending): search finds a word in a
    /// title as the store does.
    title_postings: HashMap<TermId, Vec<u32>>,
    stats: StatsView,
    /// The languages the articles were analysed in, the most common first: a search
    /// query, too short to identify, is analysed in each, and its words match the
    /// articles of that language by their terms in it.
    languages: Vec<Language>,
}

impl MemoryBackend {
    /// A backend holding `articles`; `language` decides the language of articles that
    /// do not declare one (a [`Language`], or [`LanguagePolicy::Detect`]).
    pub fn new(articles: Vec<Article>, language: impl Into<LanguagePolicy>) -> Self {
        let language = language.into();
        let corpus = Corpus::analyse_with(articles, language);
        MemoryBackend {
            snapshot: RwLock::new(Arc::new(Snapshot::new(corpus))),
            writer: Mutex::new(()),
            language,
        }
    }

    /// Reads every input file under `dir` (any format `chronicle timeline` reads) and
    /// analyses it. The [`ReadReport`] (without its articles) says what was skipped.
    pub fn load(dir: &Path, language: impl Into<LanguagePolicy>) -> (Self, ReadReport) {
        Self::load_inputs(&[dir], language)
    }

    /// Like [`MemoryBackend::load`], for several inputs (files or folders).
    pub fn load_inputs<P: AsRef<Path>>(
        inputs: &[P],
        language: impl Into<LanguagePolicy>,
    ) -> (Self, ReadReport) {
        let mut report = chronicle_ingest::read_inputs(inputs);
        let articles = std::mem::take(&mut report.articles);
        (MemoryBackend::new(articles, language), report)
    }

    fn current(&self) -> Arc<Snapshot> {
        // A poisoned lock only means a panic elsewhere; the Arc inside is still whole.
        self.snapshot
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Number of articles held.
    pub fn len(&self) -> usize {
        self.current().corpus.articles.len()
    }

    /// Whether no article is held.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Snapshot {
    fn new(corpus: Corpus) -> Self {
        let by_id = corpus
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect();
        let contents = corpus
            .articles
            .iter()
            .map(|a| content_hash(a.published, &a.text))
            .collect();
        let mut postings: HashMap<TermId, Vec<u32>> = HashMap::new();
        for (index, sentence) in corpus.sentences.iter().enumerate() {
            for &term in &sentence.terms {
                let list = postings.entry(term).or_default();
                if list.last() != Some(&(index as u32)) {
                    list.push(index as u32);
                }
            }
        }
        let mut title_postings: HashMap<TermId, Vec<u32>> = HashMap::new();
        for (index, article) in corpus.articles.iter().enumerate() {
            let Some(title) = article.title.as_deref() else {
                continue;
            };
            let mut terms = corpus.term_ids(title, corpus.analyses[index].language);
            terms.sort_unstable();
            terms.dedup();
            for term in terms {
                title_postings.entry(term).or_default().push(index as u32);
            }
        }
        let stats = compute_stats(&corpus);
        let languages = languages_by_use(&corpus);
        Snapshot {
            languages,
            corpus,
            by_id,
            contents,
            postings,
            title_postings,
            stats,
        }
    }
}

impl Snapshot {
    /// The articles for which `in_window` holds that have `term` in their title, or
    /// in a sentence when `in_text`.
    fn articles_with(
        &self,
        term: TermId,
        in_text: bool,
        in_window: &impl Fn(u32) -> bool,
    ) -> HashSet<u32> {
        let in_sentences = self
            .postings
            .get(&term)
            .into_iter()
            .flatten()
            .filter(|_| in_text)
            .map(|&s| self.corpus.sentences[s as usize].article);
        let in_titles = self
            .title_postings
            .get(&term)
            .into_iter()
            .flatten()
            .copied();
        in_sentences
            .chain(in_titles)
            .filter(|&a| in_window(a))
            .collect()
    }
}

fn compute_stats(corpus: &Corpus) -> StatsView {
    let mut sources: HashMap<&str, usize> = HashMap::new();
    let mut languages: HashMap<&str, usize> = HashMap::new();
    let mut volume: BTreeMap<NaiveDate, usize> = BTreeMap::new();
    for a in &corpus.articles {
        if let Some(s) = a.source.as_deref() {
            *sources.entry(s).or_default() += 1;
        }
        *languages
            .entry(a.language.as_deref().unwrap_or("unknown"))
            .or_default() += 1;
        *volume.entry(a.published).or_default() += 1;
    }
    let ranked = |m: HashMap<&str, usize>| {
        let mut v: Vec<NameCount> = m
            .into_iter()
            .map(|(name, count)| NameCount {
                name: name.to_string(),
                count,
            })
            .collect();
        v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
        v
    };
    StatsView {
        articles: corpus.articles.len(),
        sentences: corpus.sentences.len(),
        first: volume.keys().next().copied(),
        last: volume.keys().next_back().copied(),
        sources: ranked(sources),
        languages: ranked(languages),
        volume: volume
            .into_iter()
            .map(|(date, articles)| DayCount { date, articles })
            .collect(),
    }
}

fn content_hash(date: NaiveDate, text: &str) -> u64 {
    let mut buf = Vec::with_capacity(text.len() + 11);
    buf.extend_from_slice(date.to_string().as_bytes());
    buf.push(b'\n');
    buf.extend_from_slice(text.as_bytes());
    xxhash_rust::xxh3::xxh3_64(&buf)
}

impl Backend for MemoryBackend {
    fn timeline(&self, req: &TimelineRequest) -> Result<Timeline, BackendError> {
        let snapshot = self.current();
        Ok(build_timeline(&snapshot.corpus, &req.options())?)
    }

    fn search(&self, req: &SearchRequest) -> Result<Vec<SearchHit>, BackendError> {
        let snapshot = self.current();
        let corpus = &snapshot.corpus;
        let languages = &snapshot.languages;
        let mixed = languages.len() > 1;
        let in_window = |article: u32| {
            let published = corpus.articles[article as usize].published;
            req.from.is_none_or(|f| published >= f) && req.to.is_none_or(|t| published <= t)
        };
        let ast = query::parse(&req.q);
        let all = || -> HashSet<u32> {
            (0..corpus.articles.len() as u32)
                .filter(|&a| in_window(a))
                .collect()
        };
        // The articles holding every term of a word or phrase, in their text or title
        // (`title:`: in their title).
        let mut literal = |l: &UserInputLiteral| -> Option<HashSet<u32>> {
            let in_text = match l.field_name.as_deref() {
                None | Some("text") => true,
                Some("title") => false,
                Some(_) => return None,
            };
            // In each language, the articles of that language holding every term the
            // literal has in it; `None` when it is only stop words in every language.
            let mut found: Option<HashSet<u32>> = None;
            for &language in languages {
                let of_language = |a: u32| {
                    in_window(a) && (!mixed || corpus.analyses[a as usize].language == language)
                };
                let mut holding: Option<HashSet<u32>> = None;
                for term in corpus.term_ids(&l.phrase, language) {
                    let articles = snapshot.articles_with(term, in_text, &of_language);
                    holding = Some(match holding {
                        None => articles,
                        Some(h) => h.intersection(&articles).copied().collect(),
                    });
                }
                if let Some(holding) = holding {
                    found.get_or_insert_with(HashSet::new).extend(holding);
                }
            }
            found
        };
        // Plain words, each one term: every article holding one is selected, which the
        // scoring below finds by itself (the common query, kept as fast as before).
        let plain = !mixed
            && query::plain_words(&ast).is_some_and(|words| {
                words
                    .iter()
                    .all(|w| corpus.term_ids(&w.phrase, languages[0]).len() <= 1)
            });
        let selected = if plain {
            None
        } else {
            let Some(selected) = query::select(&ast, &all, &mut literal) else {
                return Ok(Vec::new());
            };
            Some(selected)
        };
        // Scored by the words the query wants (not those it excludes).
        let mut terms: Vec<TermId> = chronicle_store::wanted_phrases(&req.q)
            .iter()
            .flat_map(|phrase| languages.iter().map(|&l| corpus.term_ids(phrase, l)))
            .flatten()
            .collect();
        terms.sort_unstable();
        terms.dedup();
        let terms: Vec<(TermId, &[u32])> = terms
            .into_iter()
            .filter_map(|t| {
                let sentences = snapshot.postings.get(&t).map_or(&[][..], Vec::as_slice);
                let titled = snapshot.title_postings.contains_key(&t);
                (!sentences.is_empty() || titled).then_some((t, sentences))
            })
            .collect();
        let wanted = |article: u32| match &selected {
            Some(selected) => selected.contains(&article),
            None => in_window(article),
        };
        let total = corpus.sentences.len().max(1) as f64;
        // Sentence score: sum of the idf of the distinct query terms it contains.
        let mut sentence_scores: HashMap<u32, f64> = HashMap::new();
        // Article: which query terms it has anywhere (bit set; queries are short).
        let mut article_terms: HashMap<u32, u64> = HashMap::new();
        let mut idfs = Vec::with_capacity(terms.len());
        for (bit, (term, postings)) in terms.iter().enumerate().take(64) {
            let idf = (1.0 + total / postings.len().max(1) as f64).ln();
            idfs.push(idf);
            for &s in *postings {
                let article = corpus.sentences[s as usize].article;
                if wanted(article) {
                    *sentence_scores.entry(s).or_default() += idf;
                    *article_terms.entry(article).or_default() |= 1 << bit;
                }
            }
            // A title holding the word counts for its article too.
            for &article in snapshot.title_postings.get(term).into_iter().flatten() {
                if wanted(article) {
                    *article_terms.entry(article).or_default() |= 1 << bit;
                }
            }
        }
        // Best sentence per article (earliest on ties).
        let mut best: HashMap<u32, (f64, u32)> = HashMap::new();
        for (&s, &score) in &sentence_scores {
            let article = corpus.sentences[s as usize].article;
            let entry = best.entry(article).or_insert((score, s));
            if score > entry.0 || (score == entry.0 && s < entry.1) {
                *entry = (score, s);
            }
        }
        // A selected article without a wanted word in its text (a query of exclusions
        // only, a word in its title) is shown by its first sentence.
        for &article in selected.iter().flatten().chain(article_terms.keys()) {
            let range = &corpus.analyses[article as usize].sentence_range;
            if !range.is_empty() {
                best.entry(article).or_insert((0.0, range.start as u32));
            }
        }
        let mut hits: Vec<(f64, u32, u32)> = best
            .into_iter()
            .map(|(article, (sentence_score, sentence))| {
                let bits = article_terms.get(&article).copied().unwrap_or(0);
                let coverage: f64 = idfs
                    .iter()
                    .enumerate()
                    .filter(|(bit, _)| bits & (1 << bit) != 0)
                    .map(|(_, idf)| idf)
                    .sum();
                (coverage + sentence_score, article, sentence)
            })
            .collect();
        hits.sort_by(|a, b| {
            b.0.total_cmp(&a.0).then_with(|| {
                let (x, y) = (
                    &corpus.articles[a.1 as usize],
                    &corpus.articles[b.1 as usize],
                );
                y.published.cmp(&x.published).then_with(|| x.id.cmp(&y.id))
            })
        });
        hits.truncate(req.limit);
        Ok(hits
            .into_iter()
            .map(|(score, article, sentence)| {
                let a = &corpus.articles[article as usize];
                let s = &corpus.sentences[sentence as usize];
                SearchHit {
                    article: a.id.clone(),
                    title: a.title.clone(),
                    source: a.source.clone(),
                    url: a.url.clone(),
                    published: a.published,
                    snippet: corpus
                        .sentence_text(s)
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" "),
                    score: (score * 10_000.0).round() / 10_000.0,
                }
            })
            .collect())
    }

    fn article(&self, id: &str) -> Result<Option<ArticleView>, BackendError> {
        let snapshot = self.current();
        Ok(snapshot
            .by_id
            .get(id)
            .map(|&i| ArticleView::from(&snapshot.corpus.articles[i])))
    }

    fn stats(&self) -> Result<StatsView, BackendError> {
        Ok(self.current().stats.clone())
    }

    fn ingest_jsonl(&self, body: &[u8]) -> Result<IngestSummary, BackendError> {
        let _writer = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        let old = self.current();
        let mut summary = IngestSummary::default();
        let mut new_articles: Vec<Article> = Vec::new();
        let mut new_ids: HashMap<String, usize> = HashMap::new();
        let mut new_contents: HashSet<u64> = HashSet::new();
        for (line, record) in crate::backend::jsonl_records(body) {
            summary.received += 1;
            let problem = |reason: String| IngestProblem { line, reason };
            let article = match record {
                Ok(article) => article,
                Err(reason) => {
                    summary.problems.push(problem(reason));
                    continue;
                }
            };
            let hash = content_hash(article.published, &article.text);
            if old.contents.contains(&hash) || new_contents.contains(&hash) {
                summary.duplicates += 1;
                continue;
            }
            if old.by_id.contains_key(&article.id) || new_ids.contains_key(&article.id) {
                summary.problems.push(problem(format!(
                    "id {:?} is already used by an article with other content",
                    article.id
                )));
                continue;
            }
            new_ids.insert(article.id.clone(), new_articles.len());
            new_contents.insert(hash);
            new_articles.push(article);
        }
        summary.added = new_articles.len();
        if new_articles.is_empty() {
            summary.articles = old.corpus.articles.len();
            return Ok(summary);
        }
        // Analyse only the new articles (in parallel), then append them to a copy of
        // the current corpus. Readers keep using `old` meanwhile.
        let added = Corpus::analyse_with(new_articles, self.language);
        let base_articles = old.corpus.articles.len() as u32;
        let base_sentences = old.corpus.sentences.len();
        let mut articles = old.corpus.articles.clone();
        articles.extend(added.articles);
        let mut analyses = old.corpus.analyses.clone();
        analyses.extend(added.analyses.into_iter().map(|a| ArticleAnalysis {
            sentence_range: a.sentence_range.start + base_sentences
                ..a.sentence_range.end + base_sentences,
            language: a.language,
        }));
        let mut sentences = old.corpus.sentences.clone();
        sentences.extend(added.sentences.into_iter().map(|mut s| {
            s.article += base_articles;
            s
        }));
        let corpus = Corpus {
            articles,
            analyses,
            sentences,
        };
        summary.articles = corpus.articles.len();
        let next = Arc::new(Snapshot::new(corpus));
        *self.snapshot.write().unwrap_or_else(|e| e.into_inner()) = next;
        Ok(summary)
    }
}

/// The languages the articles of `corpus` were analysed in, the most common first (ties
/// in [`Language`] order, so the answer is deterministic); English alone when empty.
fn languages_by_use(corpus: &Corpus) -> Vec<Language> {
    let mut counts: HashMap<Language, usize> = HashMap::new();
    for analysis in &corpus.analyses {
        *counts.entry(analysis.language).or_default() += 1;
    }
    let mut languages: Vec<(Language, usize)> = counts.into_iter().collect();
    languages.sort_by_key(|&(language, n)| (std::cmp::Reverse(n), language));
    let languages: Vec<Language> = languages.into_iter().map(|(l, _)| l).collect();
    if languages.is_empty() {
        vec![Language::English]
    } else {
        languages
    }
}
