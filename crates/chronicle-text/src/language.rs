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
    Russian,
    Arabic,
    Ukrainian,
}

impl Language {
    /// Every supported language.
    pub const ALL: [Language; 10] = [
        Language::English,
        Language::Spanish,
        Language::French,
        Language::Italian,
        Language::German,
        Language::Portuguese,
        Language::Dutch,
        Language::Russian,
        Language::Arabic,
        Language::Ukrainian,
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
            Language::Russian => "ru",
            Language::Arabic => "ar",
            Language::Ukrainian => "uk",
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
            "ru" | "rus" | "russian" => Language::Russian,
            "ar" | "ara" | "arabic" => Language::Arabic,
            "uk" | "ukr" | "ukrainian" => Language::Ukrainian,
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
            Language::Russian => Algorithm::Russian,
            Language::Arabic => Algorithm::Arabic,
            // rust-stemmers has no Ukrainian: the Russian stemmer strips the noun and
            // verb endings the two languages share ("-ами", "-ою", "-ли").
            Language::Ukrainian => Algorithm::Russian,
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
            "unknown language '{}' (supported: en, es, fr, it, de, pt, nl, ru, ar, uk, or auto to detect)",
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

/// How much of a text language identification reads: the first paragraph or two tell
/// the language of a news article (T17: 1,459 of 1,461 bpoil articles identified as
/// English from 500 bytes, all but one from 800) at a fraction of the cost of more.
const DETECTION_SAMPLE_BYTES: usize = 500;
/// Texts shorter than this (in bytes) are too short to identify reliably.
const DETECTION_MIN_BYTES: usize = 40;
/// The least identification confidence (0–1) taken as an answer. Long news texts
/// score near 1; below this the text is too short or mixed to trust.
const DETECTION_MIN_CONFIDENCE: f64 = 0.5;

/// The supported language a text is written in, when that can be told with
/// confidence (statistical identification with `whatlang` on the text's start);
/// `None` for short or mixed texts and for texts in another script. A text in an
/// unsupported language of the Latin script gets the nearest supported one.
///
/// ```
/// use chronicle_text::{Language, detect_language};
/// let es = "El gobierno anunció el martes un nuevo plan para reconstruir la presa \
///           que se rompió durante las lluvias de marzo.";
/// assert_eq!(detect_language(es), Some(Language::Spanish));
/// assert_eq!(detect_language("OK"), None);
/// ```
pub fn detect_language(text: &str) -> Option<Language> {
    let mut end = text.len().min(DETECTION_SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = text[..end].trim();
    if sample.len() < DETECTION_MIN_BYTES {
        return None;
    }
    let info = detector().detect(sample)?;
    if info.confidence() < DETECTION_MIN_CONFIDENCE {
        return None;
    }
    Language::from_code(info.lang().code())
}

/// The identifier, limited to the supported languages: scoring these 10 languages
/// instead of whatlang's 69 costs a third of the time (about 35 µs per article; whatlang
/// tells the script first, so Russian, Ukrainian and Arabic cost Latin-script text
/// nothing), and text in another script is not identified at all.
fn detector() -> &'static whatlang::Detector {
    use whatlang::Lang;
    static DETECTOR: std::sync::LazyLock<whatlang::Detector> = std::sync::LazyLock::new(|| {
        whatlang::Detector::with_allowlist(vec![
            Lang::Eng,
            Lang::Spa,
            Lang::Fra,
            Lang::Ita,
            Lang::Deu,
            Lang::Por,
            Lang::Nld,
            Lang::Rus,
            Lang::Ara,
            Lang::Ukr,
        ])
    });
    &DETECTOR
}

/// How the language of an article that does not declare one is decided.
///
/// ```
/// use chronicle_text::{Language, LanguagePolicy};
/// let policy: LanguagePolicy = "auto".parse().unwrap();
/// assert_eq!(policy, LanguagePolicy::Detect);
/// let text = "Le barrage a cédé dans la nuit de samedi, inondant toute la vallée en aval.";
/// assert_eq!(policy.language_of(None, text), Language::French);
/// // A declared language always wins; so does a fixed one over the text.
/// assert_eq!(policy.language_of(Some("de"), text), Language::German);
/// assert_eq!(LanguagePolicy::Fixed(Language::English).language_of(None, text), Language::English);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LanguagePolicy {
    /// Identify the language from the text; English when it cannot be told.
    #[default]
    Detect,
    /// Assume this language.
    Fixed(Language),
}

impl LanguagePolicy {
    /// The language to analyse a text in: its declared language when that is a
    /// supported one, else what the policy says.
    pub fn language_of(self, declared: Option<&str>, text: &str) -> Language {
        if let Some(language) = declared.and_then(Language::from_code) {
            return language;
        }
        match self {
            LanguagePolicy::Detect => detect_language(text).unwrap_or_default(),
            LanguagePolicy::Fixed(language) => language,
        }
    }
}

impl From<Language> for LanguagePolicy {
    fn from(language: Language) -> Self {
        LanguagePolicy::Fixed(language)
    }
}

impl fmt::Display for LanguagePolicy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LanguagePolicy::Detect => f.write_str("auto"),
            LanguagePolicy::Fixed(language) => language.fmt(f),
        }
    }
}

impl FromStr for LanguagePolicy {
    type Err = UnknownLanguage;
    /// `auto` (detect), or a language code.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.trim().eq_ignore_ascii_case("auto") {
            Ok(LanguagePolicy::Detect)
        } else {
            s.parse().map(LanguagePolicy::Fixed)
        }
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
    fn detects_each_supported_language_from_a_news_sentence() {
        let samples = [
            (
                Language::English,
                "The government said on Tuesday that the dam would be rebuilt before the next rainy season.",
            ),
            (
                Language::Spanish,
                "El gobierno dijo el martes que la presa sería reconstruida antes de la próxima temporada de lluvias.",
            ),
            (
                Language::French,
                "Le gouvernement a déclaré mardi que le barrage serait reconstruit avant la prochaine saison des pluies.",
            ),
            (
                Language::Italian,
                "Il governo ha detto martedì che la diga sarà ricostruita prima della prossima stagione delle piogge.",
            ),
            (
                Language::German,
                "Die Regierung sagte am Dienstag, der Damm werde vor der nächsten Regenzeit wieder aufgebaut.",
            ),
            (
                Language::Portuguese,
                "O governo disse na terça-feira que a barragem será reconstruída antes da próxima estação das chuvas.",
            ),
            (
                Language::Dutch,
                "De regering zei dinsdag dat de dam voor het volgende regenseizoen zou worden herbouwd.",
            ),
            (
                Language::Russian,
                "Правительство заявило во вторник, что плотина будет восстановлена до следующего сезона дождей.",
            ),
            (
                Language::Ukrainian,
                "Уряд заявив у вівторок, що греблю відбудують до наступного сезону дощів.",
            ),
            (
                Language::Arabic,
                "قالت الحكومة يوم الثلاثاء إن السد سيعاد بناؤه قبل موسم الأمطار المقبل.",
            ),
        ];
        for (language, text) in samples {
            assert_eq!(detect_language(text), Some(language), "{text}");
        }
    }

    #[test]
    fn short_unknown_or_unsupported_text_is_not_identified() {
        assert_eq!(detect_language(""), None);
        assert_eq!(detect_language("12 34 56"), None);
        let greek = "Η κυβέρνηση δήλωσε την Τρίτη ότι το φράγμα θα ξαναχτιστεί πριν από την επόμενη περίοδο βροχών.";
        assert_eq!(detect_language(greek), None);
        // The fallback for text that cannot be told is English.
        assert_eq!(
            LanguagePolicy::Detect.language_of(None, "12 34"),
            Language::English
        );
        // An unknown declared code falls back to the policy.
        assert_eq!(
            LanguagePolicy::Fixed(Language::Dutch).language_of(Some("xx"), "whatever"),
            Language::Dutch
        );
    }

    #[test]
    fn policy_parses_auto_and_codes() {
        assert_eq!("AUTO".parse::<LanguagePolicy>(), Ok(LanguagePolicy::Detect));
        assert_eq!(
            "it".parse::<LanguagePolicy>(),
            Ok(LanguagePolicy::Fixed(Language::Italian))
        );
        assert!("xx".parse::<LanguagePolicy>().is_err());
        assert_eq!(LanguagePolicy::Detect.to_string(), "auto");
    }

    #[test]
    fn detection_never_splits_a_character() {
        // The sample cut falls inside a multi-byte character.
        let text = "é".repeat(DETECTION_SAMPLE_BYTES);
        let _ = detect_language(&text);
        let text = format!("a{}", "é".repeat(DETECTION_SAMPLE_BYTES));
        let _ = detect_language(&text);
    }

    #[test]
    fn unknown_code_is_an_error() {
        assert!("xx".parse::<Language>().is_err());
        assert_eq!(Language::from_code("PT_br"), Some(Language::Portuguese));
    }
}
