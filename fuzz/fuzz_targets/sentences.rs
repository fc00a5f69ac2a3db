//! Fuzzes text analysis: sentence splitting, dateline and glued-headline stripping,
//! comment-thread detection and term analysis of any text in any language. Spans must
//! be in bounds and on character boundaries.
#![no_main]

use chronicle_text::{
    Analyzer, Language, body_start, glued_lead_start, is_comment_header, split_sentences,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.is_empty() {
        return;
    }
    let language = Language::ALL[usize::from(data[0]) % Language::ALL.len()];
    let text = String::from_utf8_lossy(&data[1..]);
    let analyzer = Analyzer::new(language);
    for span in split_sentences(&text, language) {
        assert!(span.start <= span.end && span.end <= text.len());
        let sentence = span.text(&text);
        let _ = is_comment_header(sentence);
        let body = body_start(sentence);
        assert!(sentence.is_char_boundary(body));
        let lead = body + glued_lead_start(&sentence[body..]);
        assert!(sentence.is_char_boundary(lead) && lead <= sentence.len());
        analyzer.for_each_term(&sentence[lead..], |_| {});
    }
});
