//! ROUGE-1.5.5's stemming: a WordNet-2.0 exception lookup, then its own Porter stemmer.
//!
//! ROUGE's stemmer is Martin Porter's regex-based Perl version with one local change
//! (a word ending in "-ement" is not tried against "-ment" and "-ent" in the same rule),
//! so it differs from other Porter implementations (NLTK, Snowball) on a few words. The
//! measure conditions below are the same regular languages as ROUGE's `$mgr0`, `$meq1`,
//! `$mgr1`, `$_v` patterns, which is why they are evaluated with regexes instead of a
//! hand-rolled measure count: the "y is a vowel after a consonant" rule lives in them.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

/// WordNet-2.0 exception list as compiled into ROUGE's `WordNet-2.0.exc.db`: one
/// `inflected base` pair a line.
static EXCEPTIONS_TXT: &str = include_str!("../data/wordnet-2.0-exc.txt");

static EXCEPTIONS: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    EXCEPTIONS_TXT
        .lines()
        .filter_map(|line| {
            let mut parts = line.split_whitespace();
            Some((parts.next()?, parts.next()?))
        })
        .collect()
});

struct Patterns {
    mgr0: Regex,
    meq1: Regex,
    mgr1: Regex,
    has_vowel: Regex,
    cvc: Regex,
}

// `c`, `v`, `C`, `V` exactly as ROUGE defines them; `Y` (an initial y) is a consonant.
const C: &str = "[^aeiou][^aeiouy]*";
const V: &str = "[aeiouy][aeiou]*";

static PATTERNS: LazyLock<Patterns> = LazyLock::new(|| {
    let re = |s: String| Regex::new(&s).expect("static stemmer pattern is valid");
    Patterns {
        mgr0: re(format!("^({C})?{V}{C}")),
        meq1: re(format!("^({C})?{V}{C}({V})?$")),
        mgr1: re(format!("^({C})?{V}{C}{V}{C}")),
        has_vowel: re(format!("^({C})?[aeiouy]")),
        cvc: re(format!("^{C}[aeiouy][^aeiouwxy]$")),
    }
});

const STEP2: &[(&str, &str)] = &[
    ("ational", "ate"),
    ("tional", "tion"),
    ("enci", "ence"),
    ("anci", "ance"),
    ("izer", "ize"),
    ("bli", "ble"),
    ("alli", "al"),
    ("entli", "ent"),
    ("eli", "e"),
    ("ousli", "ous"),
    ("ization", "ize"),
    ("ation", "ate"),
    ("ator", "ate"),
    ("alism", "al"),
    ("iveness", "ive"),
    ("fulness", "ful"),
    ("ousness", "ous"),
    ("aliti", "al"),
    ("iviti", "ive"),
    ("biliti", "ble"),
    ("logi", "log"),
];

const STEP3: &[(&str, &str)] = &[
    ("icate", "ic"),
    ("ative", ""),
    ("alize", "al"),
    ("iciti", "ic"),
    ("ical", "ic"),
    ("ful", ""),
    ("ness", ""),
];

const STEP4: &[&str] = &[
    "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ou", "ism", "ate", "iti",
    "ous", "ive", "ize",
];

/// The longest entry of `list` that `w` ends with. A Perl alternation anchored with `$`
/// matches at the leftmost position, i.e. it picks the longest matching suffix.
fn longest_suffix<'a, T>(w: &str, list: &'a [T], key: impl Fn(&'a T) -> &'a str) -> Option<&'a T> {
    list.iter()
        .filter(|e| w.ends_with(key(e)))
        .max_by_key(|e| key(e).len())
}

/// ROUGE-1.5.5's Porter stemmer (`sub stem`), without the exception lookup.
///
/// ```
/// use chronicle_eval::stem::porter_stem;
/// assert_eq!(porter_stem("caresses"), "caress");
/// assert_eq!(porter_stem("hopping"), "hop");
/// assert_eq!(porter_stem("agreement"), "agreem");
/// ```
pub fn porter_stem(word: &str) -> String {
    if word.chars().count() < 3 {
        return word.to_string();
    }
    let p = &*PATTERNS;
    let initial_y = word.starts_with('y');
    // An initial y is written as Y so that the patterns never treat it as a vowel.
    let mut w = if initial_y {
        format!("Y{}", &word[1..])
    } else {
        word.to_string()
    };

    // Step 1a
    if w.ends_with("sses") || w.ends_with("ies") {
        w.truncate(w.len() - 2);
    } else if w.ends_with('s') && w.len() >= 2 && !w[..w.len() - 1].ends_with('s') {
        w.truncate(w.len() - 1);
    }

    // Step 1b
    if let Some(stem) = w.strip_suffix("eed") {
        if p.mgr0.is_match(stem) {
            w.truncate(w.len() - 1);
        }
    } else if let Some(stem) = w.strip_suffix("ed").or_else(|| w.strip_suffix("ing"))
        && p.has_vowel.is_match(stem)
    {
        w = stem.to_string();
        if w.ends_with("at") || w.ends_with("bl") || w.ends_with("iz") {
            w.push('e');
        } else if ends_with_double_consonant(&w) {
            w.pop();
        } else if p.cvc.is_match(&w) {
            w.push('e');
        }
    }

    // Step 1c
    if let Some(stem) = w.strip_suffix('y')
        && p.has_vowel.is_match(stem)
    {
        w = format!("{stem}i");
    }

    // Steps 2 and 3
    for list in [STEP2, STEP3] {
        if let Some((suffix, repl)) = longest_suffix(&w, list, |e| e.0) {
            let stem = &w[..w.len() - suffix.len()];
            if p.mgr0.is_match(stem) {
                w = format!("{stem}{repl}");
            }
        }
    }

    // Step 4: three rules applied one after the other, each to the previous one's output.
    if let Some(suffix) = longest_suffix(&w, STEP4, |e| e) {
        let stem = &w[..w.len() - suffix.len()];
        if p.mgr1.is_match(stem) {
            w = stem.to_string();
        }
    }
    if let Some(stem) = w.strip_suffix("ment")
        && p.mgr1.is_match(stem)
    {
        w = stem.to_string();
    }
    if let Some(stem) = w.strip_suffix("ent") {
        if p.mgr1.is_match(stem) {
            w = stem.to_string();
        }
    } else if w.ends_with("sion") || w.ends_with("tion") {
        let stem = &w[..w.len() - 3];
        if p.mgr1.is_match(stem) {
            w = stem.to_string();
        }
    }

    // Step 5
    if let Some(stem) = w.strip_suffix('e')
        && (p.mgr1.is_match(stem) || (p.meq1.is_match(stem) && !p.cvc.is_match(stem)))
    {
        w = stem.to_string();
    }
    if w.ends_with("ll") && p.mgr1.is_match(&w) {
        w.pop();
    }

    if initial_y {
        w.replace_range(..1, "y");
    }
    w
}

/// `([^aeiouylsz])\1$`: the word ends in a doubled letter other than those.
fn ends_with_double_consonant(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 2 && b[b.len() - 1] == b[b.len() - 2] && !b"aeiouylsz".contains(&b[b.len() - 1])
}

/// The WordNet-2.0 base form of an inflected word, if it is in the exception list.
///
/// ```
/// use chronicle_eval::stem::wordnet_exception;
/// assert_eq!(wordnet_exception("children"), Some("child"));
/// assert_eq!(wordnet_exception("ran"), Some("run"));
/// assert_eq!(wordnet_exception("house"), None);
/// ```
pub fn wordnet_exception(word: &str) -> Option<&'static str> {
    EXCEPTIONS.get(word).copied()
}

/// Stems one lowercase ROUGE token as ROUGE-1.5.5 does with `-m`: tokens of more than
/// three characters go through the exception list, else the Porter stemmer; shorter
/// tokens are kept as they are.
///
/// ```
/// use chronicle_eval::stem::stem_token;
/// assert_eq!(stem_token("children"), "child");
/// assert_eq!(stem_token("ran"), "ran"); // three characters: not stemmed
/// assert_eq!(stem_token("running"), "run");
/// assert_eq!(stem_token("flies"), "fli");
/// ```
pub fn stem_token(token: &str) -> String {
    if token.len() <= 3 {
        return token.to_string();
    }
    match wordnet_exception(token) {
        Some(base) => base.to_string(),
        None => porter_stem(token),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn porter_classic_examples() {
        let cases = [
            ("caresses", "caress"),
            ("ponies", "poni"),
            ("cats", "cat"),
            ("feed", "feed"),
            ("agreed", "agre"),
            ("plastered", "plaster"),
            ("motoring", "motor"),
            ("sing", "sing"),
            ("conflated", "conflat"),
            ("hopping", "hop"),
            ("falling", "fall"),
            ("filing", "file"),
            ("happy", "happi"),
            ("relational", "relat"),
            ("conditional", "condit"),
            ("triplicate", "triplic"),
            ("hopeful", "hope"),
            ("goodness", "good"),
            ("revival", "reviv"),
            ("adoption", "adopt"),
            ("controll", "control"),
            ("generalizations", "gener"),
            ("oscillators", "oscil"),
            ("youth", "youth"),
            ("yelling", "yell"),
            ("enjoying", "enjoi"),
        ];
        for (w, s) in cases {
            assert_eq!(porter_stem(w), s, "stem of {w}");
        }
    }

    #[test]
    fn ement_is_not_stripped_by_later_rules() {
        // ROUGE's local change: "-ement" is its own step-4 suffix; when its stem is too
        // short the "-ment" and "-ent" rules still run on the word (Perl gives "agreem").
        assert_eq!(porter_stem("agreement"), "agreem");
        assert_eq!(porter_stem("replacement"), "replac");
        assert_eq!(porter_stem("adjustment"), "adjust");
    }

    #[test]
    fn numbers_are_consonants() {
        assert_eq!(porter_stem("1990s"), "1990");
        assert_eq!(porter_stem("2010"), "2010");
        assert_eq!(stem_token("40bn"), "40bn");
    }
}
