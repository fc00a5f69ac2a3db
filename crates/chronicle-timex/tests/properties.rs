//! Property tests: the tagger never panics, on any text and any reference date down to
//! chrono's limits, and its offsets are always consistent.

use chronicle_text::Language;
use chronicle_timex::{DocContext, Tagger};
use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;

fn any_date() -> impl Strategy<Value = NaiveDate> {
    let min = NaiveDate::MIN.num_days_from_ce();
    let max = NaiveDate::MAX.num_days_from_ce();
    prop_oneof![
        (min..=max),
        (min..min + 800),
        (max - 800..=max),
        (700_000i32..760_000),
    ]
    .prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).expect("in range"))
}

/// Text built from date-like pieces, so that the rules fire often.
fn datey_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("March".to_string()),
        Just("Dec.".to_string()),
        Just("Friday".to_string()),
        Just("last".to_string()),
        Just("next".to_string()),
        Just("ago".to_string()),
        Just("the".to_string()),
        Just("year".to_string()),
        Just("quarter".to_string()),
        Just("-".to_string()),
        Just("/".to_string()),
        Just(".".to_string()),
        Just(":".to_string()),
        Just("'s".to_string()),
        Just("Christmas".to_string()),
        Just("earlier".to_string()),
        Just("later".to_string()),
        Just("nineteen".to_string()),
        Just("ninety".to_string()),
        Just("de".to_string()),
        Just("ayer".to_string()),
        (0u64..u64::MAX).prop_map(|n| n.to_string()),
        (0u32..100).prop_map(|n| format!("{n}th")),
        (0u32..10_000).prop_map(|n| format!("{n}s")),
        "[a-zA-Z]{1,8}",
        "\\PC{0,3}",
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.join(" "))
}

fn check(text: &str, date: NaiveDate, lang: Language) {
    check_found(text, &Tagger::new(lang).tag(text, date));
}

/// Tags the pieces of `text` split at its periods as one document's sentences.
fn check_document(text: &str, date: NaiveDate, lang: Language) {
    let tagger = Tagger::new(lang);
    let mut cx = DocContext::new();
    for sentence in text.split_inclusive('.') {
        check_found(sentence, &tagger.tag_in_context(sentence, date, &mut cx));
    }
}

fn check_found(text: &str, found: &[chronicle_timex::Timex]) {
    let chars = text.chars().count();
    let mut last = 0;
    for t in found {
        assert!(t.start < t.end && t.end <= chars, "{t:?}");
        assert!(t.start >= last, "overlap or disorder: {t:?}");
        last = t.end;
        assert_eq!(&text[t.byte_start..t.byte_end], t.text);
        assert_eq!(
            text.chars()
                .skip(t.start)
                .take(t.end - t.start)
                .collect::<String>(),
            t.text
        );
        assert!(!t.value.is_empty());
        if let (Some(a), Some(b)) = (t.day, t.range_end) {
            assert!(a <= b, "{t:?}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings_never_panic(text in "\\PC{0,200}", date in any_date(), l in 0usize..7) {
        check(&text, date, Language::ALL[l]);
    }

    #[test]
    fn date_like_text_never_panics(text in datey_text(), date in any_date(), l in 0usize..7) {
        check(&text, date, Language::ALL[l]);
    }

    #[test]
    fn documents_never_panic(text in datey_text(), date in any_date(), l in 0usize..7) {
        check_document(&text, date, Language::ALL[l]);
    }
}

#[test]
fn extreme_dates() {
    let text = "Friday, two days ago, next year, Dec. 31, the 1990s, a year earlier, in the \
                third quarter, 10,000 years ago, Christmas, last week, 99999 years later, \
                March 20-22, the 21st century, early next week, yesterday, tomorrow";
    for date in [
        NaiveDate::MIN,
        NaiveDate::MAX,
        NaiveDate::MIN.succ_opt().unwrap(),
    ] {
        for lang in Language::ALL {
            check(text, date, lang);
            check_document(text, date, lang);
        }
    }
}
