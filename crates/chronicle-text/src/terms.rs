//! Scoring terms: word tokens, lower-cased, stop words removed, stemmed.

use std::collections::HashSet;

use rust_stemmers::Stemmer;

use crate::Language;

/// Word tokens of `text`: maximal runs of letters and digits, with an apostrophe or
/// hyphen allowed inside a word ("don't", "al-Assad"). A run of Chinese or Japanese
/// characters ([`is_unspaced`]) is a token of its own, apart from the digits or Latin
/// letters around it ("于2011年" is "于", "2011", "年"). Returned as byte ranges.
///
/// ```
/// use chronicle_text::word_tokens;
/// let text = "BP's \"top-kill\" failed, 2010.";
/// let words: Vec<&str> = word_tokens(text).map(|(s, e)| &text[s..e]).collect();
/// assert_eq!(words, ["BP's", "top-kill", "failed", "2010"]);
/// let text = "安理会于2011年通过决议";
/// let words: Vec<&str> = word_tokens(text).map(|(s, e)| &text[s..e]).collect();
/// assert_eq!(words, ["安理会于", "2011", "年通过决议"]);
/// ```
pub fn word_tokens(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        // Skip to the first alphanumeric character.
        let (start, first) = loop {
            let (i, c) = chars.next()?;
            if c.is_alphanumeric() {
                break (i, c);
            }
        };
        let unspaced = is_unspaced(first);
        let mut end = text.len();
        while let Some(&(i, c)) = chars.peek() {
            if c.is_alphanumeric() && is_unspaced(c) == unspaced {
                chars.next();
                continue;
            }
            if c.is_alphanumeric() {
                end = i;
                break;
            }
            if matches!(c, '\'' | '’' | '-') {
                // Joiner only when a letter or digit follows it.
                let after = text[i + c.len_utf8()..].chars().next();
                if after.is_some_and(char::is_alphanumeric) {
                    chars.next();
                    continue;
                }
            }
            end = i;
            break;
        }
        Some((start, end))
    })
}

/// Whether `c` belongs to a script written without spaces between words: Chinese
/// characters, Japanese kana. Text in these scripts has no word boundaries to find
/// without a dictionary, so [`Analyzer`] indexes it by overlapping character pairs (the
/// usual choice of search engines for it) and [`word_count`] counts two characters as
/// a word.
///
/// ```
/// use chronicle_text::is_unspaced;
/// assert!(is_unspaced('年') && is_unspaced('カ') && is_unspaced('の'));
/// assert!(!is_unspaced('a') && !is_unspaced('é') && !is_unspaced('한'));
/// ```
pub fn is_unspaced(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'     // hiragana, katakana
        | '\u{31F0}'..='\u{31FF}'   // katakana phonetic extensions
        | '\u{3400}'..='\u{4DBF}'   // CJK extension A
        | '\u{4E00}'..='\u{9FFF}'   // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}'   // CJK compatibility ideographs
        | '\u{20000}'..='\u{2FA1F}' // CJK extensions B and on
    )
}

/// Whether `c` is in the Arabic block (letters, vowel marks, Arabic-Indic digits and
/// punctuation). Arabic joins the article and one-letter conjunctions and prepositions
/// to the word ("والسد", "and the dam"): [`Analyzer::stem`] strips them, and the store's
/// index allows them before a stem.
///
/// ```
/// use chronicle_text::is_arabic;
/// assert!(is_arabic('س') && is_arabic('٣'));
/// assert!(!is_arabic('s') && !is_arabic('ж'));
/// ```
pub fn is_arabic(c: char) -> bool {
    ('\u{600}'..='\u{6FF}').contains(&c)
}

/// Characters of an unspaced script ([`is_unspaced`]) counted as one word: Chinese
/// words average somewhat under two characters.
const UNSPACED_CHARS_PER_WORD: usize = 2;

/// The number of words in `text`: its [`word_tokens`], with a run of Chinese or
/// Japanese characters counted as one word per two characters (rounded up), so length
/// limits mean the same in every script.
///
/// ```
/// use chronicle_text::word_count;
/// assert_eq!(word_count("The rig sank on April 22."), 6);
/// assert_eq!(word_count("联合国安理会通过了决议"), 6);
/// ```
pub fn word_count(text: &str) -> usize {
    word_tokens(text)
        .map(|(s, e)| words_in_token(&text[s..e]))
        .sum()
}

/// How many words one of [`word_tokens`] counts for (see [`word_count`]).
fn words_in_token(token: &str) -> usize {
    if token.starts_with(is_unspaced) {
        token.chars().count().div_ceil(UNSPACED_CHARS_PER_WORD)
    } else {
        1
    }
}

/// Turns text into the normalised terms used for similarity and centrality:
/// lower case, stop words dropped, Snowball-stemmed, possessive `'s` removed. A run of
/// Chinese or Japanese characters gives its overlapping character pairs (a single
/// character stands for itself).
///
/// ```
/// use chronicle_text::{Analyzer, Language};
/// let en = Analyzer::new(Language::English);
/// assert_eq!(en.terms("Obama's visits to the Gulf"), ["obama", "visit", "gulf"]);
/// let fr = Analyzer::new(Language::French);
/// assert_eq!(fr.terms("Les manifestations continuent"), ["manifest", "continuent"]);
/// assert_eq!(en.terms("安理会 决议"), ["安理", "理会", "决议"]);
/// ```
pub struct Analyzer {
    language: Language,
    stemmer: Stemmer,
    stop_words: HashSet<String>,
}

impl Analyzer {
    /// An analyzer with the language's stemmer and stop words.
    pub fn new(language: Language) -> Self {
        let stop_words = stop_words::get(language.code())
            .iter()
            .map(|w| w.to_lowercase())
            .collect();
        Analyzer {
            language,
            stemmer: Stemmer::create(language.stemmer_algorithm()),
            stop_words,
        }
    }

    /// The language this analyzer was made for.
    pub fn language(&self) -> Language {
        self.language
    }

    /// Whether a lower-cased word is a stop word.
    pub fn is_stop_word(&self, lower: &str) -> bool {
        self.stop_words.contains(lower)
    }

    /// Stems one lower-cased word.
    ///
    /// ```
    /// use chronicle_text::{Analyzer, Language};
    /// let ar = Analyzer::new(Language::Arabic);
    /// // The article and a joined conjunction or preposition go, so "the dam" and "dam"
    /// // are one term.
    /// assert_eq!(ar.stem("السد"), ar.stem("سد"));
    /// assert_eq!(ar.stem("وبالسد"), ar.stem("سد"));
    /// ```
    pub fn stem<'a>(&self, lower: &'a str) -> std::borrow::Cow<'a, str> {
        if self.language == Language::Arabic {
            self.stemmer.stem(strip_arabic_prefix(lower))
        } else {
            self.stemmer.stem(lower)
        }
    }

    /// The terms of `text`, in order.
    pub fn terms(&self, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        self.for_each_term(text, |t| out.push(t.to_string()));
        out
    }

    /// Calls `f` with the value `make` gives each term of `text`, in order, as
    /// [`for_each_term`](Self::for_each_term) would give the terms, remembering each
    /// word's value in `memo`: a word seen before is one hash lookup, not a stop-word
    /// lookup, a stemmer run and `make` again. Words repeat, and stemming was the
    /// largest part of analysing an article. Returns the text's [`word_count`], counted
    /// on the way.
    ///
    /// ```
    /// use chronicle_text::{Analyzer, Language, TermMemo};
    /// let en = Analyzer::new(Language::English);
    /// let mut memo = TermMemo::default();
    /// let mut lengths = Vec::new();
    /// let words = en.for_each_term_memo("Drilling, the drilling", &mut memo, str::len, |n| {
    ///     lengths.push(n)
    /// });
    /// assert_eq!(lengths, [5, 5]); // "drill" twice, stemmed once
    /// assert_eq!(words, 3);
    /// assert_eq!(memo.len(), 2); // "drilling" and the stop word "the"
    /// ```
    pub fn for_each_term_memo<V: Clone>(
        &self,
        text: &str,
        memo: &mut TermMemo<V>,
        make: impl Fn(&str) -> V,
        mut f: impl FnMut(V),
    ) -> usize {
        for_each_piece(text, |piece| match piece {
            Piece::Pair(pair) => f(make(pair)),
            Piece::Word(word) => {
                let value = match memo.values.get(word) {
                    Some(known) => known.clone(),
                    None => {
                        let value = self.term_of(word).map(|term| make(&term));
                        if memo.values.len() >= memo.limit {
                            memo.values.clear();
                        }
                        memo.values.insert(word.into(), value.clone());
                        value
                    }
                };
                if let Some(value) = value {
                    f(value);
                }
            }
        })
    }

    /// Calls `f` with each term of `text`, in order, without allocating a vector.
    pub fn for_each_term(&self, text: &str, mut f: impl FnMut(&str)) {
        for_each_piece(text, |piece| match piece {
            Piece::Pair(pair) => f(pair),
            Piece::Word(word) => {
                if let Some(term) = self.term_of(word) {
                    f(&term);
                }
            }
        });
    }

    /// The term of a lower-cased word, nothing for a stop word or a single letter.
    fn term_of<'w>(&self, word: &'w str) -> Option<std::borrow::Cow<'w, str>> {
        let single_letter = word.chars().count() < 2 && !word.chars().all(|c| c.is_ascii_digit());
        (!single_letter && !self.stop_words.contains(word)).then(|| self.stem(word))
    }
}

/// Walks the word tokens of `text`: the character pairs of a run of unspaced
/// characters, other words lower-cased without a possessive. Returns the text's
/// [`word_count`].
fn for_each_piece(text: &str, mut f: impl FnMut(Piece<'_>)) -> usize {
    let mut lower = String::new();
    let mut words = 0;
    for (s, e) in word_tokens(text) {
        let word = &text[s..e];
        words += words_in_token(word);
        if word.starts_with(is_unspaced) {
            for_each_pair(word, &mut |pair: &str| f(Piece::Pair(pair)));
        } else {
            lower_case_into(word, &mut lower);
            f(Piece::Word(strip_possessive(&lower)));
        }
    }
    words
}

/// A piece of text that [`for_each_piece`] finds.
enum Piece<'a> {
    /// Two characters of a run of unspaced characters (or the run, when it is one): a
    /// term as it is.
    Pair(&'a str),
    /// A lower-cased word without its possessive, not yet stemmed.
    Word(&'a str),
}

/// What [`Analyzer::for_each_term_memo`] remembers of the words it has analysed: for
/// each lower-cased word, the value of its term, or nothing for a stop word. Made for
/// one analyzer (one language). It forgets everything when it holds its limit of words
/// ([`TermMemo::DEFAULT_LIMIT`] unless made [`with_limit`](TermMemo::with_limit)), so
/// its memory stays bounded on any corpus.
#[derive(Debug, Clone)]
pub struct TermMemo<V> {
    values: rustc_hash::FxHashMap<Box<str>, Option<V>>,
    limit: usize,
}

impl<V> Default for TermMemo<V> {
    fn default() -> Self {
        TermMemo::with_limit(Self::DEFAULT_LIMIT)
    }
}

impl<V> TermMemo<V> {
    /// The most words a memo remembers at once by default (about 25 MB of short words).
    pub const DEFAULT_LIMIT: usize = 1 << 18;

    /// A memo that remembers at most `limit` words at once.
    pub fn with_limit(limit: usize) -> Self {
        TermMemo {
            values: rustc_hash::FxHashMap::default(),
            limit,
        }
    }

    /// How many words it remembers.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// Whether it remembers no word.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }
}

/// The byte ranges of a run of unspaced characters' ([`is_unspaced`]) overlapping
/// character pairs, or of the run itself when it is one character: what [`Analyzer`]
/// takes as the run's terms, and the store's index as its tokens.
///
/// ```
/// use chronicle_text::unspaced_pairs;
/// let run = "安理会";
/// let pairs: Vec<&str> = unspaced_pairs(run).map(|(s, e)| &run[s..e]).collect();
/// assert_eq!(pairs, ["安理", "理会"]);
/// assert_eq!(unspaced_pairs("年").collect::<Vec<_>>(), [(0, 3)]);
/// ```
pub fn unspaced_pairs(run: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let starts: Vec<usize> = run.char_indices().map(|(i, _)| i).collect();
    let single = (starts.len() == 1).then_some((0, run.len()));
    let pairs = (0..starts.len().saturating_sub(1))
        .map(move |k| (starts[k], starts.get(k + 2).copied().unwrap_or(run.len())));
    single.into_iter().chain(pairs)
}

/// Calls `f` with each of a run's [`unspaced_pairs`].
fn for_each_pair(run: &str, f: &mut impl FnMut(&str)) {
    for (s, e) in unspaced_pairs(run) {
        f(&run[s..e]);
    }
}

/// An Arabic word without its article and a conjunction or preposition joined before it
/// ("والسد", "and the dam", is "سد"), when two letters or more remain. Snowball's Arabic
/// stemmer strips the article from longer words only ("الانهيار", not "السد"), so "the
/// dam" and "dam" would be two terms.
pub(crate) fn strip_arabic_prefix(word: &str) -> &str {
    const PREFIXES: [&str; 8] = ["وبال", "وال", "فال", "بال", "كال", "ولل", "لل", "ال"];
    PREFIXES
        .iter()
        .find_map(|prefix| {
            word.strip_prefix(prefix)
                .filter(|rest| rest.chars().count() >= 2)
        })
        .unwrap_or(word)
}

/// Writes `word` in lower case into `out`, replacing what it held.
fn lower_case_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        // Most words of most corpora: a byte copy, not a walk over chars.
        out.push_str(word);
        out.make_ascii_lowercase();
    } else {
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
}

fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn tokens_handle_unicode_and_joiners() {
        let text = "Égypte — l'armée a-t-elle 1,000 “rebels”?";
        let words: Vec<&str> = word_tokens(text).map(|(s, e)| &text[s..e]).collect();
        assert_eq!(
            words,
            ["Égypte", "l'armée", "a-t-elle", "1", "000", "rebels"]
        );
    }

    #[test]
    fn english_terms_drop_stop_words_and_stem() {
        let en = Analyzer::new(Language::English);
        assert_eq!(
            en.terms("The oil companies were drilling in the Gulf"),
            ["oil", "compani", "drill", "gulf"]
        );
    }

    #[test]
    fn single_letters_are_not_terms_but_numbers_are() {
        let en = Analyzer::new(Language::English);
        assert_eq!(en.terms("x 5 y 2010"), ["5", "2010"]);
    }

    #[test]
    fn unspaced_runs_are_tokens_apart_from_digits_and_latin() {
        let text = "据BBC报道，联合国于2011年3月17日通过决议。";
        let words: Vec<&str> = word_tokens(text).map(|(s, e)| &text[s..e]).collect();
        assert_eq!(
            words,
            [
                "据",
                "BBC",
                "报道",
                "联合国于",
                "2011",
                "年",
                "3",
                "月",
                "17",
                "日通过决议"
            ]
        );
        // Korean is written with spaces: its words stay whole.
        let text = "유엔 안보리는 결의안을";
        assert_eq!(word_tokens(text).count(), 3);
    }

    #[test]
    fn unspaced_text_gives_character_pairs_and_counts_two_characters_a_word() {
        let zh = Analyzer::new(Language::English);
        assert_eq!(zh.terms("据BBC报道"), ["据", "bbc", "报道"]);
        assert_eq!(zh.terms("联合国"), ["联合", "合国"]);
        assert_eq!(word_count("据BBC报道"), 3);
        assert_eq!(word_count("联合国于2011年3月17日通过了决议"), 10);
    }

    proptest! {
        #[test]
        fn pairs_cover_every_character_of_an_unspaced_run(text in "[\\u{4E00}-\\u{4E20}a-c ]{0,40}") {
            let en = Analyzer::new(Language::English);
            for term in en.terms(&text) {
                prop_assert!(text.contains(&term));
                if term.starts_with(is_unspaced) {
                    prop_assert!(term.chars().count() <= 2);
                }
            }
        }

        #[test]
        fn the_memo_gives_the_terms_and_word_count_of_plain_analysis(
            texts in proptest::collection::vec("(The|the|BP|bp|BP's|drilling|Drilled|a|I|9|x-y|\u{4E00}\u{4E01}|Été|été|[a-zA-Z]{1,6}|[ ,.'’-]){0,30}", 1..6),
            limit in 1usize..8,
            language in prop::sample::select(Language::ALL.to_vec()),
        ) {
            let analyzer = Analyzer::new(language);
            let mut memo = TermMemo::with_limit(limit);
            for text in &texts {
                let mut memoised = Vec::new();
                let words = analyzer.for_each_term_memo(text, &mut memo, str::to_string, |t| memoised.push(t));
                prop_assert_eq!(&memoised, &analyzer.terms(text));
                prop_assert_eq!(words, word_count(text));
                prop_assert!(memo.len() <= limit);
            }
        }

        #[test]
        fn tokens_are_in_bounds(text in "\\PC{0,200}") {
            for (s, e) in word_tokens(&text) {
                prop_assert!(s < e && e <= text.len());
                prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
            }
        }
    }
}
