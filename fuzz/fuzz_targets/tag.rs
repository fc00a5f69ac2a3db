//! Fuzzes `Tagger::tag`: any text, any reference date in chrono's range, any language.
//! Checks that tagging never panics and that the offsets it reports are consistent.
#![no_main]

use chronicle_text::Language;
use chronicle_timex::Tagger;
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
    let found = tagger.tag(&text, date);
    let total = text.chars().count();
    let mut last = 0;
    for t in &found {
        assert!(t.start < t.end && t.end <= total);
        assert!(t.start >= last);
        last = t.end;
        assert_eq!(&text[t.byte_start..t.byte_end], t.text);
        assert!(!t.value.is_empty());
    }
});
