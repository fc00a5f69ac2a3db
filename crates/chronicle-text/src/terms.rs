//! Scoring terms: word tokens, lower-cased, stop words removed, stemmed.

use std::collections::HashSet;

use rust_stemmers::Stemmer;

use crate::Language;

/// Word tokens of `text`: maximal runs of letters and digits, with an apostrophe or
/// hyphen allowed inside a word ("don't", "al-Assad"). Returned as byte ranges.
///
/// ```
/// use chronicle_text::word_tokens;
/// let text = "BP's \"top-kill\" failed, 2010.";
/// let words: Vec<&str> = word_tokens(text).map(|(s, e)| &text[s..e]).collect();
/// assert_eq!(words, ["BP's", "top-kill", "failed", "2010"]);
/// ```
pub fn word_tokens(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        // Skip to the first alphanumeric character.
        let (start, _) = loop {
            let (i, c) = chars.next()?;
            if c.is_alphanumeric() {
                break (i, c);
            }
        };
        let mut end = text.len();
        while let Some(&(i, c)) = chars.peek() {
            if c.is_alphanumeric() {
                chars.next();
                continue;
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

/// Turns text into the normalised terms used for similarity and centrality:
/// lower case, stop words dropped, Snowball-stemmed, possessive `'s` removed.
///
/// ```
/// use chronicle_text::{Analyzer, Language};
/// let en = Analyzer::new(Language::English);
/// assert_eq!(en.terms("Obama's visits to the Gulf"), ["obama", "visit", "gulf"]);
/// let fr = Analyzer::new(Language::French);
/// assert_eq!(fr.terms("Les manifestations continuent"), ["manifest", "continuent"]);
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
    pub fn stem<'a>(&self, lower: &'a str) -> std::borrow::Cow<'a, str> {
        self.stemmer.stem(lower)
    }

    /// The terms of `text`, in order.
    pub fn terms(&self, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        self.for_each_term(text, |t| out.push(t.to_string()));
        out
    }

    /// Calls `f` with each term of `text`, in order, without allocating a vector.
    pub fn for_each_term(&self, text: &str, mut f: impl FnMut(&str)) {
        let mut lower = String::new();
        for (s, e) in word_tokens(text) {
            lower.clear();
            lower.extend(text[s..e].chars().flat_map(char::to_lowercase));
            let word = strip_possessive(&lower);
            if word.chars().count() < 2 && !word.chars().all(|c| c.is_ascii_digit()) {
                continue;
            }
            if self.stop_words.contains(word) {
                continue;
            }
            f(&self.stemmer.stem(word));
        }
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

    proptest! {
        #[test]
        fn tokens_are_in_bounds(text in "\\PC{0,200}") {
            for (s, e) in word_tokens(&text) {
                prop_assert!(s < e && e <= text.len());
                prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
            }
        }
    }
}
