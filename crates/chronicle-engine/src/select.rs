//! Selection: which articles and sentences a timeline request is about (window,
//! keywords, free-text query).

use std::collections::{HashMap, HashSet};

use chronicle_text::Language;
use chrono::NaiveDate;

use crate::TimelineOptions;
use crate::corpus::{Corpus, TermId, term_ids};

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
        .map(|k| lower_case_spaced(k))
        .filter(|k| !k.is_empty())
        .collect();
    // White space in a sentence matters only to a keyword of several words.
    let spaced_keywords = keywords.iter().any(|k| k.contains(' '));
    let query_terms = QueryTerms::new(corpus, options.query.as_deref());
    let filtered = !keywords.is_empty() || !query_terms.is_empty();
    let mut keyword_stems: HashMap<Language, Vec<Vec<TermId>>> = HashMap::new();

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
        if let Some(query) = query_terms.for_language(language)
            && !article_matches_query(corpus, range.clone(), query)
        {
            continue;
        }
        let stems = keyword_stems
            .entry(language)
            .or_insert_with(|| keyword_terms(&keywords, language));
        let mut any = false;
        for i in range {
            let sentence = &corpus.sentences[i];
            let keyword_ok = keywords.is_empty() || {
                let text = corpus.sentence_text(sentence);
                let lower = if spaced_keywords {
                    lower_case_spaced(text)
                } else {
                    text.to_lowercase()
                };
                keywords.iter().any(|k| lower.contains(k.as_str()))
                    || stems
                        .iter()
                        .any(|terms| terms.iter().all(|t| sentence.terms.contains(t)))
            };
            let query_ok = query_terms
                .for_language(language)
                .is_none_or(|query| query.any_in(&sentence.terms));
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

/// `text` in lower case, trimmed, with each run of white space one space: a keyword of
/// two words ("michael jackson") matches a sentence that a hard-wrapped text breaks
/// between them, or that a page spaced twice.
fn lower_case_spaced(text: &str) -> String {
    let lower = text.trim().to_lowercase();
    let single_spaced =
        !lower.contains("  ") && !lower.contains(|c: char| c.is_whitespace() && c != ' ');
    if single_spaced {
        return lower;
    }
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The terms of each keyword in `language`, for the languages whose words change their
/// ending or accent as they inflect ("Сирия" → "Сирии", "manifestación" →
/// "manifestaciones"): there a keyword also matches a sentence holding every one of its
/// terms, as it does not as a substring. English keywords match as substrings only
/// ("spill" in "spills" and "spilled"), as the benchmark protocol defines them; so do
/// keywords with no term in `language` (stop words). Each list is non-empty.
///
/// ```
/// use chronicle_engine::corpus::term_ids;
/// use chronicle_engine::keyword_terms;
/// use chronicle_text::Language;
/// let keywords = ["Сирия".to_string()];
/// assert_eq!(keyword_terms(&keywords, Language::Russian), [term_ids("Сирии", Language::Russian)]);
/// assert!(keyword_terms(&keywords, Language::English).is_empty());
/// ```
pub fn keyword_terms(keywords: &[String], language: Language) -> Vec<Vec<TermId>> {
    if language == Language::English {
        return Vec::new();
    }
    keywords
        .iter()
        .map(|k| term_ids(k, language))
        .filter(|terms| !terms.is_empty())
        .collect()
}

/// A query's words, per language of the corpus's articles.
struct QueryTerms(HashMap<Language, QueryWords>);

impl QueryTerms {
    fn new(corpus: &Corpus, query: Option<&str>) -> Self {
        let Some(query) = query.filter(|q| !q.trim().is_empty()) else {
            return QueryTerms(HashMap::new());
        };
        let languages: HashSet<Language> = corpus.analyses.iter().map(|a| a.language).collect();
        QueryTerms(
            languages
                .into_iter()
                .filter_map(|lang| Some((lang, QueryWords::new(query, lang)?)))
                .collect(),
        )
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn for_language(&self, language: Language) -> Option<&QueryWords> {
        self.0.get(&language)
    }
}

/// The distinct content words of a query, and the terms that carry them. Text writes
/// the same words apart or hyphenated ("swine flu", "swine-flu"), and a hyphenated word
/// is one term: so a query's words are split at hyphens, and each run of up to
/// [`MAX_COMPOUND`] consecutive query words also matches as one hyphenated term.
/// "swine-flu outbreak" thus matches "swine flu outbreak", "swine-flu outbreak" and
/// "swine-flu-outbreak" alike. (Terms are hashes, so a hyphenated word of the text is
/// not split: the query "flu" does not match "swine-flu".)
struct QueryWords {
    /// Distinct content words (stop words dropped).
    count: usize,
    /// Term → the words (indices below `count`) it stands for.
    covers: HashMap<TermId, Vec<usize>>,
}

/// Longest run of query words tried as one hyphenated term.
const MAX_COMPOUND: usize = 4;

impl QueryWords {
    fn new(query: &str, language: Language) -> Option<QueryWords> {
        let words: Vec<&str> = chronicle_text::word_tokens(query)
            .flat_map(|(s, e)| query[s..e].split('-'))
            .filter(|w| !w.is_empty())
            .collect();
        // Each word's terms' distinct indices: none for a stop word, one for a word, one
        // per character pair for a Chinese or Japanese run (it has no word boundaries,
        // so each pair counts as a word of the query).
        let mut index: HashMap<TermId, usize> = HashMap::new();
        let word_index: Vec<Vec<usize>> = words
            .iter()
            .map(|w| {
                let terms = term_ids(w, language);
                let keep = if w.starts_with(chronicle_text::is_unspaced) {
                    terms.len()
                } else {
                    terms.len().min(1)
                };
                terms[..keep]
                    .iter()
                    .map(|&term| {
                        let next = index.len();
                        *index.entry(term).or_insert(next)
                    })
                    .collect()
            })
            .collect();
        if index.is_empty() {
            return None;
        }
        let mut covers: HashMap<TermId, Vec<usize>> =
            index.iter().map(|(&term, &i)| (term, vec![i])).collect();
        for start in 0..words.len() {
            for end in start + 2..=(start + MAX_COMPOUND).min(words.len()) {
                // Hyphenated compounds are a spaced-script form.
                if words[start..end]
                    .iter()
                    .any(|w| w.starts_with(chronicle_text::is_unspaced))
                {
                    break;
                }
                let compound = words[start..end].join("-");
                let Some(&term) = term_ids(&compound, language).first() else {
                    continue;
                };
                let entry = covers.entry(term).or_default();
                entry.extend(word_index[start..end].iter().flatten());
                entry.sort_unstable();
                entry.dedup();
            }
        }
        Some(QueryWords {
            count: index.len(),
            covers,
        })
    }

    /// Whether a sentence with these terms carries any query word.
    fn any_in(&self, terms: &[TermId]) -> bool {
        terms.iter().any(|t| self.covers.contains_key(t))
    }
}

/// Every term that carries a word of `query` for an article analysed in `language`:
/// its words' terms and those of its runs of words written hyphenated (see
/// `QueryWords`), sorted. A sentence with none of them does not match the query; an
/// index can use them to find every article the engine could select.
///
/// ```
/// use chronicle_engine::corpus::{term_id, term_ids};
/// use chronicle_engine::query_term_ids;
/// use chronicle_text::Language;
/// let terms = query_term_ids("swine flu", Language::English);
/// assert!(terms.contains(&term_id("swine")) && terms.contains(&term_id("flu")));
/// // "swine-flu" is one term in text.
/// assert!(terms.contains(&term_ids("swine-flu", Language::English)[0]));
/// ```
pub fn query_term_ids(query: &str, language: Language) -> Vec<TermId> {
    let mut terms: Vec<TermId> = QueryWords::new(query, language)
        .map(|q| q.covers.into_keys().collect())
        .unwrap_or_default();
    terms.sort_unstable();
    terms
}

/// An article matches a query when it contains at least half of the query's distinct
/// words, rounded up (1 of 1, 1 of 2, 2 of 3), so one stray word does not select it.
fn article_matches_query(
    corpus: &Corpus,
    range: std::ops::Range<usize>,
    query: &QueryWords,
) -> bool {
    let mut found: HashSet<usize> = HashSet::new();
    for sentence in &corpus.sentences[range] {
        for term in &sentence.terms {
            if let Some(words) = query.covers.get(term) {
                found.extend(words);
            }
        }
    }
    found.len() * 2 >= query.count
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_ingest::Article;

    fn corpus(texts: &[&str]) -> Corpus {
        let articles = texts
            .iter()
            .enumerate()
            .map(|(i, text)| crate::test_support::article(&format!("a{i}"), (2009, 4, 27), text))
            .collect();
        Corpus::analyse(articles)
    }

    fn selected(corpus: &Corpus, query: &str) -> Vec<usize> {
        let options = TimelineOptions {
            query: Some(query.into()),
            ..Default::default()
        };
        select(corpus, &options).articles
    }

    #[test]
    fn query_words_match_written_apart_or_hyphenated() {
        let c = corpus(&[
            "The swine flu outbreak spread to Mexico City on Monday.",
            "A swine-flu outbreak closed schools.",
            "Officials declared a swine-flu-outbreak emergency.",
            "Pigs were sold at the market.",
            "Flu season ended early.",
        ]);
        for query in [
            "swine flu outbreak",
            "swine-flu outbreak",
            "swine-flu-outbreak",
        ] {
            assert_eq!(selected(&c, query), [0, 1, 2], "{query}");
        }
        // Two of three words are enough ("at least half"), one is not. A hyphenated
        // word of the text counts only when the query holds all its parts, in order.
        assert_eq!(selected(&c, "swine flu vaccine"), [0, 1]);
        assert_eq!(selected(&c, "flu vaccine trials"), Vec::<usize>::new());
    }

    #[test]
    fn keywords_of_two_words_match_across_a_line_break_or_double_space() {
        let c = corpus(&[
            "Engineers said the Gulf oil\nspill grew on Thursday.",
            "The Oil  Spill reached Louisiana.",
            "Oil prices rose as the spill grew.",
        ]);
        let options = TimelineOptions {
            keywords: vec![" oil\tspill ".into()],
            ..Default::default()
        };
        assert_eq!(select(&c, &options).articles, [0, 1]);
    }

    #[test]
    fn keywords_of_two_words_match_in_text_wrapped_before_a_capital() {
        // Wrapped at 46 columns (Python's `textwrap.fill`); the keyword's second word
        // opens a line.
        let wrapped = "Fans gathered on Thursday outside the hospital\n\
                       in Los Angeles where the pop singer Michael\n\
                       Jackson died, and many of them stayed through\n\
                       the night as the police closed the road to\n\
                       traffic.";
        let c = corpus(&[wrapped, "Michael Owen scored twice for Jackson Town."]);
        let options = TimelineOptions {
            keywords: vec!["michael jackson".into()],
            ..Default::default()
        };
        let selection = select(&c, &options);
        assert_eq!(selection.articles, [0]);
        assert_eq!(c.sentences.iter().filter(|s| s.article == 0).count(), 1);
    }

    #[test]
    fn keywords_match_inflected_forms_outside_english() {
        let articles = [
            (
                "ru",
                "Совет Безопасности не смог принять резолюцию по Сирии.",
            ),
            ("ru", "Центробанк сохранил ключевую ставку в среду."),
            ("es", "Las manifestaciones continuaron el martes."),
            ("en", "The floods reached the town on Monday."),
            ("en", "Flooding closed the road on Monday."),
        ]
        .iter()
        .enumerate()
        .map(|(i, (language, text))| Article {
            id: format!("a{i}"),
            published: NaiveDate::from_ymd_opt(2012, 2, 4).unwrap(),
            title: None,
            url: None,
            source: None,
            language: Some((*language).into()),
            text: (*text).to_string(),
        })
        .collect();
        let c = Corpus::analyse(articles);
        let by_keywords = |keywords: &[&str]| {
            let options = TimelineOptions {
                keywords: keywords.iter().map(|k| k.to_string()).collect(),
                ..Default::default()
            };
            select(&c, &options).articles
        };
        // "Сирии" is "Сирия" inflected; "manifestaciones" the plural of "manifestación".
        assert_eq!(by_keywords(&["Сирия"]), [0]);
        assert_eq!(by_keywords(&["manifestación"]), [2]);
        // English keywords match as substrings, as the benchmark protocol has them.
        assert_eq!(by_keywords(&["flood"]), [3, 4]);
        assert_eq!(by_keywords(&["flooding"]), [4]);
    }

    proptest::proptest! {
        /// What an index may rely on: every article the selection keeps for a query
        /// with content words has a sentence holding one of `query_term_ids` (its words
        /// written apart or hyphenated, in any case).
        #[test]
        fn selected_articles_hold_a_query_term(
            texts in proptest::collection::vec(
                proptest::collection::vec(
                    proptest::sample::select(vec![
                        "swine", "Flu", "flu-outbreak", "outbreak", "the", "dams", "Dam",
                        "failed", "swine-flu", "of", "schools", ".", "closed",
                    ]),
                    1..12,
                ),
                1..5,
            ),
            query in proptest::collection::vec(
                proptest::sample::select(vec![
                    "swine", "flu", "outbreak", "dam", "the", "Schools", "swine-flu", "failing",
                ]),
                1..4,
            ),
        ) {
            let texts: Vec<String> = texts.iter().map(|words| words.join(" ")).collect();
            let c = corpus(&texts.iter().map(String::as_str).collect::<Vec<_>>());
            let query = query.join(" ");
            let terms = query_term_ids(&query, Language::English);
            // A query of stop words filters nothing (see below).
            proptest::prop_assume!(!terms.is_empty());
            for article in selected(&c, &query) {
                let holds = c
                    .article_sentences(article)
                    .iter()
                    .any(|s| s.terms.iter().any(|t| terms.contains(t)));
                proptest::prop_assert!(holds, "{query:?} selects {:?}", texts[article]);
            }
        }
    }

    #[test]
    fn a_query_of_stop_words_selects_nothing_special() {
        let c = corpus(&["The dam broke.", "It rained."]);
        let options = TimelineOptions {
            query: Some("the of".into()),
            ..Default::default()
        };
        let s = select(&c, &options);
        assert!(!s.filtered);
        assert_eq!(s.articles, [0, 1]);
    }
}
