//! Selection: which articles and sentences a timeline request is about (window,
//! keywords, free-text query).

use std::collections::{HashMap, HashSet};

use chronicle_text::Language;
use chrono::NaiveDate;

use crate::TimelineOptions;
use crate::corpus::{Corpus, TermId};

/// The part of a corpus a request selects.
pub(crate) struct Selection {
    /// Selected article indices, ascending.
    pub articles: Vec<usize>,
    /// Per corpus sentence: matches the keywords/query (false outside selected articles).
    pub relevant: Vec<bool>,
    /// First and last day a mentioned date may have (`from` unbounded when not given:
    /// background dates before the first article can matter).
    pub mention_from: Option<NaiveDate>,
    pub mention_to: Option<NaiveDate>,
    /// The window to report: the request's, else the span of publication dates.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Whether the request filtered sentences at all.
    pub filtered: bool,
}

impl Selection {
    /// Whether a mentioned day lies in the window.
    pub fn day_in_window(&self, day: NaiveDate) -> bool {
        self.mention_from.is_none_or(|f| day >= f) && self.mention_to.is_none_or(|t| day <= t)
    }
}

pub(crate) fn select(corpus: &Corpus, options: &TimelineOptions) -> Selection {
    let keywords: Vec<String> = options
        .keywords
        .iter()
        .map(|k| k.trim().to_lowercase())
        .filter(|k| !k.is_empty())
        .collect();
    let query_terms = QueryTerms::new(corpus, options.query.as_deref());
    let filtered = !keywords.is_empty() || !query_terms.is_empty();

    let mut relevant = vec![false; corpus.sentences.len()];
    let mut articles = Vec::new();
    for (index, article) in corpus.articles.iter().enumerate() {
        let in_window = options.from.is_none_or(|f| article.published >= f)
            && options.to.is_none_or(|t| article.published <= t);
        if !in_window {
            continue;
        }
        let language = corpus.analyses[index].language;
        let range = corpus.analyses[index].sentence_range.clone();
        if let Some(terms) = query_terms.for_language(language)
            && !article_matches_query(corpus, range.clone(), terms)
        {
            continue;
        }
        let mut any = false;
        for i in range {
            let sentence = &corpus.sentences[i];
            let keyword_ok = keywords.is_empty() || {
                let lower = corpus.sentence_text(sentence).to_lowercase();
                keywords.iter().any(|k| lower.contains(k.as_str()))
            };
            let query_ok = query_terms
                .for_language(language)
                .is_none_or(|terms| sentence.terms.iter().any(|t| terms.contains(t)));
            relevant[i] = keyword_ok && query_ok;
            any |= relevant[i];
        }
        if any || !filtered {
            articles.push(index);
        } else {
            for i in corpus.analyses[index].sentence_range.clone() {
                relevant[i] = false;
            }
        }
    }
    let first_published = articles.iter().map(|&a| corpus.articles[a].published).min();
    let last_published = articles.iter().map(|&a| corpus.articles[a].published).max();
    Selection {
        articles,
        relevant,
        mention_from: options.from,
        mention_to: options.to.or(last_published),
        from: options.from.or(first_published),
        to: options.to.or(last_published),
        filtered,
    }
}

/// A query's distinct terms, per language of the corpus's articles.
struct QueryTerms(HashMap<Language, HashSet<TermId>>);

impl QueryTerms {
    fn new(corpus: &Corpus, query: Option<&str>) -> Self {
        let Some(query) = query.filter(|q| !q.trim().is_empty()) else {
            return QueryTerms(HashMap::new());
        };
        let languages: HashSet<Language> = corpus.analyses.iter().map(|a| a.language).collect();
        QueryTerms(
            languages
                .into_iter()
                .map(|lang| (lang, corpus.term_ids(query, lang).into_iter().collect()))
                .filter(|(_, terms): &(Language, HashSet<TermId>)| !terms.is_empty())
                .collect(),
        )
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn for_language(&self, language: Language) -> Option<&HashSet<TermId>> {
        self.0.get(&language)
    }
}

/// An article matches a query when it contains at least half of the query's distinct
/// terms, rounded up (1 of 1, 1 of 2, 2 of 3), so one stray word does not select it.
fn article_matches_query(
    corpus: &Corpus,
    range: std::ops::Range<usize>,
    terms: &HashSet<TermId>,
) -> bool {
    let mut found: HashSet<TermId> = HashSet::new();
    for sentence in &corpus.sentences[range] {
        found.extend(sentence.terms.iter().filter(|t| terms.contains(t)));
    }
    found.len() * 2 >= terms.len()
}
