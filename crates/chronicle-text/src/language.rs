//! The languages Chronicle analyses, and what each needs (stemmer, stop words, segmenter).

use std::fmt;
use std::str::FromStr;

/// A language Chronicle knows how to analyse.
///
/// English is the default; the others share the same pipeline with their own stemmer,
/// stop words and sentence rules.
///
/// ```
/// use chronicle_text::Language;
/// assert_eq!("fr".parse::<Language>().unwrap(), Language::French);
/// assert_eq!(Language::from_code("en-GB"), Some(Language::English));
/// assert_eq!(Language::Spanish.code(), "es");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Language {
    #[default]
    English,
    Spanish,
    French,
    Italian,
    German,
    Portuguese,
    Dutch,
}

impl Language {
    /// Every supported language.
    pub const ALL: [Language; 7] = [
        Language::English,
        Language::Spanish,
        Language::French,
        Language::Italian,
        Language::German,
        Language::Portuguese,
        Language::Dutch,
    ];

    /// ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Spanish => "es",
            Language::French => "fr",
            Language::Italian => "it",
            Language::German => "de",
            Language::Portuguese => "pt",
            Language::Dutch => "nl",
        }
    }

    /// Parses an ISO 639-1/639-3 code or an English language name, ignoring case and
    /// any region suffix (`en-US`, `pt_BR`).
    pub fn from_code(code: &str) -> Option<Language> {
        let primary = code
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        let lang = match primary.as_str() {
            "en" | "eng" | "english" => Language::English,
            "es" | "spa" | "spanish" => Language::Spanish,
            "fr" | "fra" | "fre" | "french" => Language::French,
            "it" | "ita" | "italian" => Language::Italian,
            "de" | "deu" | "ger" | "german" => Language::German,
            "pt" | "por" | "portuguese" => Language::Portuguese,
            "nl" | "nld" | "dut" | "dutch" => Language::Dutch,
            _ => return None,
        };
        Some(lang)
    }

    pub(crate) fn stemmer_algorithm(self) -> rust_stemmers::Algorithm {
        use rust_stemmers::Algorithm;
        match self {
            Language::English => Algorithm::English,
            Language::Spanish => Algorithm::Spanish,
            Language::French => Algorithm::French,
            Language::Italian => Algorithm::Italian,
            Language::German => Algorithm::German,
            Language::Portuguese => Algorithm::Portuguese,
            Language::Dutch => Algorithm::Dutch,
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The error for a language code Chronicle does not support.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownLanguage(pub String);

impl fmt::Display for UnknownLanguage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown language '{}' (supported: en, es, fr, it, de, pt, nl)",
            self.0
        )
    }
}

impl std::error::Error for UnknownLanguage {}

impl FromStr for Language {
    type Err = UnknownLanguage;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Language::from_code(s).ok_or_else(|| UnknownLanguage(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for lang in Language::ALL {
            assert_eq!(Language::from_code(lang.code()), Some(lang));
        }
    }

    #[test]
    fn unknown_code_is_an_error() {
        assert!("xx".parse::<Language>().is_err());
        assert_eq!(Language::from_code("PT_br"), Some(Language::Portuguese));
    }
}
