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

/// How summaries are cut into ROUGE tokens.
///
/// ```
/// use chronicle_eval::tokenize::{TokenRule, tokens_with};
/// // ROUGE-1.5.5 keeps only ASCII letters and digits: Arabic text has no token at all.
/// assert!(tokens_with("انهار السد", TokenRule::Rouge155).is_empty());
/// assert_eq!(tokens_with("انهار السد", TokenRule::Unicode), ["انهار", "السد"]);
/// assert_eq!(tokens_with("大坝决堤", TokenRule::Unicode), ["大", "坝", "决", "堤"]);
/// // ASCII text gets the same tokens either way.
/// assert_eq!(tokens_with("The dam failed .", TokenRule::Unicode), ["dam", "fail"]);
/// assert_eq!("unicode".parse::<TokenRule>(), Ok(TokenRule::Unicode));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TokenRule {
    /// ROUGE-1.5.5 exactly, as the published results are computed: maximal runs of ASCII
    /// letters and digits. Text in other scripts gives no tokens, and an accented letter
    /// splits its word ("café" is "caf").
    #[default]
    Rouge155,
    /// Letters and digits of every script: maximal runs of them, lowercased, and each
    /// Chinese character or kana a token of its own (those scripts put no spaces between
    /// words). ASCII tokens are treated as ROUGE-1.5.5 treats them (SMART stop words,
    /// its Porter stemmer); the others are kept as they are. For datasets in other
    /// languages; the scores are not comparable with published ROUGE-1.5.5 numbers.
    Unicode,
}

impl std::str::FromStr for TokenRule {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "rouge155" | "rouge-1.5.5" | "ascii" => Ok(TokenRule::Rouge155),
            "unicode" => Ok(TokenRule::Unicode),
            other => Err(format!(
                "unknown token rule '{other}' (rouge155: ROUGE-1.5.5 exactly; unicode: letters of every script)"
            )),
        }
    }
}

impl std::fmt::Display for TokenRule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            TokenRule::Rouge155 => "rouge155",
            TokenRule::Unicode => "unicode",
        })
    }
}

/// Whether `c` is written without spaces between words: Chinese characters (CJK
/// ideographs and their extensions) and Japanese kana. The same ranges as
/// `chronicle_text::is_unspaced`; this crate has no dependency beyond what scoring needs.
fn is_unspaced(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'
        | '\u{31F0}'..='\u{31FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}')
}

/// Calls `f` for each raw ROUGE token of a sentence (lowercased, before stop words and
/// stemming).
fn for_each_raw_token(sentence: &str, rule: TokenRule, mut f: impl FnMut(&str)) {
    let text = rouge_visible(sentence);
    let mut buf = String::new();
    match rule {
        TokenRule::Rouge155 => {
            for b in text.bytes() {
                if b.is_ascii_alphanumeric() {
                    buf.push(b.to_ascii_lowercase() as char);
                } else if !buf.is_empty() {
                    f(&buf);
                    buf.clear();
                }
            }
        }
        TokenRule::Unicode => {
            for c in text.chars() {
                if c.is_alphanumeric() && !is_unspaced(c) {
                    buf.extend(c.to_lowercase());
                    continue;
                }
                if !buf.is_empty() {
                    f(&buf);
                    buf.clear();
                }
                if is_unspaced(c) {
                    f(c.encode_utf8(&mut [0; 4]));
                }
            }
        }
    }
    if !buf.is_empty() {
        f(&buf);
    }
}

/// The share of the letters in `texts` that ROUGE-1.5.5 cannot read (outside ASCII):
/// near 0 for English, a few hundredths for French, 1 for Arabic or Chinese. Scorers warn
/// with it that [`TokenRule::Rouge155`] undercounts a dataset.
///
/// ```
/// use chronicle_eval::tokenize::non_ascii_letter_share;
/// assert_eq!(non_ascii_letter_share(["The dam failed ."]), 0.0);
/// assert_eq!(non_ascii_letter_share(["انهار السد"]), 1.0);
/// ```
pub fn non_ascii_letter_share<'a>(texts: impl IntoIterator<Item = &'a str>) -> f64 {
    let (mut letters, mut outside) = (0usize, 0usize);
    for text in texts {
        for c in text.chars().filter(|c| c.is_alphabetic()) {
            letters += 1;
            outside += usize::from(!c.is_ascii());
        }
    }
    if letters == 0 {
        0.0
    } else {
        outside as f64 / letters as f64
    }
}

/// The tokens of one sentence under `rule`, as [`rouge_tokens`] gives them for
/// [`TokenRule::Rouge155`].
pub fn tokens_with(sentence: &str, rule: TokenRule) -> Vec<String> {
    let mut out = Vec::new();
    for_each_content_token(sentence, rule, |t| out.push(stem_content_token(t)));
    out
}

/// ROUGE's Porter stem of an ASCII token; a token of another script is kept as it is
/// (only [`TokenRule::Unicode`] gives those).
pub(crate) fn stem_content_token(token: &str) -> String {
    if token.is_ascii() {
        stem_token(token)
    } else {
        token.to_string()
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
    tokens_with(sentence, TokenRule::Rouge155)
}

/// Like [`tokens_with`], but hands each kept raw token to `f` unstemmed, so callers can
/// cache stems.
pub(crate) fn for_each_content_token(sentence: &str, rule: TokenRule, mut f: impl FnMut(&str)) {
    for_each_raw_token(sentence, rule, |t| {
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
