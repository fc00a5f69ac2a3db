//! Tokenization as the tilse → pyrouge → ROUGE-1.5.5 chain performs it.
//!
//! tilse splits each sentence on white space; pyrouge joins the tokens with single spaces,
//! writes `^` as `&circ;` and puts the sentence into an HTML line that ROUGE reads with
//! `([^<]+)`, so a sentence is cut at its first `<`. ROUGE then lowercases A-Z, turns every
//! byte outside `[A-Za-z0-9-]` into a space, spaces out `-`, drops SMART stop words and
//! tokens not starting with `[a-z0-9$]` (so `-` itself goes) and stems. Net effect: the
//! tokens are the maximal runs of ASCII letters and digits, lowercased, minus stop words.

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::stem::stem_token;

/// The SMART stop list shipped with ROUGE-1.5.5 (`smart_common_words.txt`).
static STOPWORDS_TXT: &str = include_str!("../data/smart_common_words.txt");

static STOPWORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| STOPWORDS_TXT.lines().map(str::trim_end).collect());

/// Whether `token` (lowercase) is one of ROUGE's SMART stop words.
///
/// ```
/// use chronicle_eval::tokenize::is_stopword;
/// assert!(is_stopword("the"));
/// assert!(!is_stopword("oil"));
/// ```
pub fn is_stopword(token: &str) -> bool {
    STOPWORDS.contains(token)
}

/// The text ROUGE sees for one sentence, before its own tokenization: `^` rewritten to
/// `&circ;` (pyrouge) and everything from the first `<` on dropped (ROUGE's SEE reader).
fn rouge_visible(sentence: &str) -> String {
    let escaped = sentence.replace('^', "&circ;");
    match escaped.find('<') {
        Some(i) => escaped[..i].to_string(),
        None => escaped,
    }
}

/// Calls `f` for each raw ROUGE token of a sentence (lowercased, before stop words and
/// stemming).
fn for_each_raw_token(sentence: &str, mut f: impl FnMut(&str)) {
    let text = rouge_visible(sentence);
    let mut buf = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() {
            buf.push(b.to_ascii_lowercase() as char);
        } else if !buf.is_empty() {
            f(&buf);
            buf.clear();
        }
    }
    if !buf.is_empty() {
        f(&buf);
    }
}

/// ROUGE-1.5.5 tokens of one sentence with options `-m -s`: lowercased, stop words
/// removed, stemmed.
///
/// ```
/// use chronicle_eval::tokenize::rouge_tokens;
/// assert_eq!(
///     rouge_tokens("The children ran to BP's oil-head , paying $ 5bn ."),
///     ["child", "ran", "bp", "oil", "head", "pai", "5bn"]
/// );
/// ```
pub fn rouge_tokens(sentence: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_raw_token(sentence, |t| {
        if !is_stopword(t) {
            out.push(stem_token(t));
        }
    });
    out
}

/// Like [`rouge_tokens`], but hands each kept raw token to `f` unstemmed, so callers can
/// cache stems.
pub(crate) fn for_each_content_token(sentence: &str, mut f: impl FnMut(&str)) {
    for_each_raw_token(sentence, |t| {
        if !is_stopword(t) {
            f(t);
        }
    });
}

/// Python's `str.isspace`, which `str.split()` and `str.strip()` use: Unicode white space
/// plus the ASCII separators U+001C..U+001F that Rust does not count as white space.
pub(crate) fn py_is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python's `str.split()`: white-space separated, non-empty pieces.
pub(crate) fn py_split(s: &str) -> impl Iterator<Item = &str> {
    s.split(py_is_space).filter(|t| !t.is_empty())
}

/// Python's `str.strip()`.
pub(crate) fn py_strip(s: &str) -> &str {
    s.trim_matches(py_is_space)
}

const PUNCTUATION: &str = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

/// Tokens of tilse's quick content similarity: white-space tokens, case kept, dropping
/// every token that `k in string.punctuation` accepts, which in Python is a substring test
/// (so `(`, `,-` and `()` are dropped but `--` and `` `` `` are kept).
///
/// ```
/// use chronicle_eval::tokenize::similarity_tokens;
/// assert_eq!(similarity_tokens("BP , said `` no '' -- ()"), ["BP", "said", "``", "no", "''", "--"]);
/// ```
pub fn similarity_tokens(sentence: &str) -> Vec<&str> {
    py_split(sentence)
        .filter(|t| !PUNCTUATION.contains(t))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyphens_split_words() {
        assert_eq!(rouge_tokens("oil-soaked"), ["oil", "soak"]);
        // Both halves of "well-known" are SMART stop words.
        assert_eq!(rouge_tokens("well-known"), Vec::<String>::new());
        assert_eq!(rouge_tokens("- -- ---"), Vec::<String>::new());
    }

    #[test]
    fn numbers_and_dollars() {
        // "$" never survives: it becomes a space before ROUGE's "starts with [a-z0-9$]" test.
        assert_eq!(
            rouge_tokens("$ 8bn , 206m gallons , 0.1 %"),
            ["8bn", "206m", "gallon", "0", "1"]
        );
        assert_eq!(rouge_tokens("$5"), ["5"]);
        assert_eq!(rouge_tokens("2010-04-20"), ["2010", "04", "20"]);
    }

    #[test]
    fn possessives_and_stopwords() {
        // "'s" splits into "s", a SMART stop word.
        assert_eq!(rouge_tokens("BP's"), ["bp"]);
        assert_eq!(rouge_tokens("BP 's"), ["bp"]);
        assert_eq!(rouge_tokens("it isn't"), ["isn"]);
    }

    #[test]
    fn wordnet_and_short_tokens() {
        assert_eq!(rouge_tokens("Children ran"), ["child", "ran"]);
        assert_eq!(rouge_tokens("geese were running"), ["goose", "run"]);
    }

    #[test]
    fn unicode_is_a_separator() {
        // "n" (from "Ünïcode") is a SMART stop word, like every single letter.
        assert_eq!(
            rouge_tokens("café naïve Ünïcode"),
            ["caf", "na", "ve", "code"]
        );
        assert_eq!(rouge_tokens("東京 oil"), ["oil"]);
    }

    #[test]
    fn html_quirks() {
        assert_eq!(rouge_tokens("oil <b> spill"), ["oil"]);
        assert_eq!(rouge_tokens("<oil spill"), Vec::<String>::new());
        assert_eq!(rouge_tokens("x^2"), ["circ", "2"]);
    }

    #[test]
    fn python_whitespace() {
        assert!(py_is_space('\u{1f}'));
        assert!(py_is_space('\u{a0}'));
        assert_eq!(py_strip("\u{1c} a \u{2028}"), "a");
    }
}
