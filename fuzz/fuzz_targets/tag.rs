//! Fuzzes `Tagger::tag` and document context (`Tagger::tag_in_context` over the text's
//! lines): any text, any reference date in chrono's range, any language.
//! Checks that tagging never panics and that the offsets it reports are consistent.
#![no_main]

use chronicle_text::Language;
use chronicle_timex::{DocContext, Tagger, Timex};
use chrono::{Datelike, NaiveDate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() < 5 {
        return;
    }
    let lang = Language::ALL[usize::from(data[0]) % Language::ALL.len()];
    let raw = i32::from_le_bytes([data[1], data[2], data[3], data[4]]);
    // Bias towards extreme dates near chrono's limits as well as ordinary ones.
    let min = NaiveDate::MIN.num_days_from_ce();
    let max = NaiveDate::MAX.num_days_from_ce();
    let days = match data[1] % 4 {
        0 => min + (raw.rem_euclid(400)),
        1 => max - (raw.rem_euclid(400)),
        2 => 730_000 + raw.rem_euclid(20_000),
        _ => raw.clamp(min, max),
    };
    let Some(date) = NaiveDate::from_num_days_from_ce_opt(days) else {
        return;
    };
    let text = String::from_utf8_lossy(&data[5..]);
    let tagger = Tagger::new(lang);
    check(&text, &tagger.tag(&text, date));
    let mut cx = DocContext::new();
    for line in text.split_inclusive('\n') {
        check(line, &tagger.tag_in_context(line, date, &mut cx));
    }
});

fn check(text: &str, found: &[Timex]) {
    let total = text.chars().count();
    let mut last = 0;
    for t in found {
        assert!(t.start < t.end && t.end <= total);
        assert!(t.start >= last);
        last = t.end;
        assert_eq!(&text[t.byte_start..t.byte_end], t.text);
        assert!(!t.value.is_empty());
    }
}
