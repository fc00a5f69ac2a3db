//! Fuzzes the whole path a user's text takes after ingest: analysis in one of the
//! supported languages (sentences, page furniture, dates, chronology entries), a
//! timeline with and without keywords, and
//! every output format. Any dated text must give a timeline, never a panic, and every
//! summary sentence must be a part of the input.
#![no_main]

use chronicle_engine::{Corpus, Format, TimelineOptions, build_timeline, render};
use chronicle_text::Language;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(dated) = chronicle_ingest::parse_dated_text(&text) else {
        return;
    };
    let body = dated.text.clone();
    let article = chronicle_ingest::Article {
        id: "fuzz".into(),
        published: dated.date,
        title: dated.title,
        url: dated.url,
        source: dated.source,
        language: None,
        text: dated.text,
    };
    // The input's length picks the analysis language, so every language's analysis
    // and keyword matching (inflected forms outside English) is fuzzed.
    let language = Language::ALL[data.len() % Language::ALL.len()];
    let corpus = Corpus::analyse_with(vec![article], language);
    // A word of the text as a keyword, matched by substring or by its terms.
    let word = body
        .split_whitespace()
        .nth(1)
        .unwrap_or("the")
        .to_lowercase();
    for keywords in [Vec::new(), vec!["the".to_string()], vec![word]] {
        let options = TimelineOptions {
            keywords,
            ..Default::default()
        };
        let timeline = build_timeline(&corpus, &options).expect("valid options");
        for date in &timeline.dates {
            for sentence in &date.sentences {
                // White space is collapsed in summaries.
                let first = sentence.text.split_whitespace().next().unwrap_or("");
                assert!(body.contains(first), "{first:?} is not in the input");
            }
        }
        for format in [Format::Text, Format::Markdown, Format::Json, Format::Tilse] {
            let _ = render(&timeline, format);
        }
    }
});
