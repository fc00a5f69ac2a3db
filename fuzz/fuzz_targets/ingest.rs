//! Fuzzes the ingest parsers a user's files go through: the dated-text format and one
//! JSON Lines record. Any bytes must give an article or an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(article) = chronicle_ingest::parse_dated_text(&text) {
        // The body is a part of the input.
        assert!(text.len() >= article.text.len());
    }
    for line in text.lines() {
        let _ = chronicle_ingest::parse_json_line(line);
        let _ = chronicle_ingest::parse_iso_date(line);
    }
});
