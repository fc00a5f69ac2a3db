//! Fuzzes what a user types into a store: a search query (tantivy's query grammar,
//! read into Chronicle's own query over English and other-language fields), and the
//! same text as a timeline's query and keywords (the index's candidate filter, regexes
//! built from the text). Any text must give hits or none, never a panic or an error.
#![no_main]

use std::sync::OnceLock;

use chronicle_ingest::Article;
use chronicle_store::{Store, Topic, Window};
use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;

/// One small store for every run: English, Spanish, Chinese and Arabic articles.
fn store() -> &'static Store {
    static STORE: OnceLock<(tempfile::TempDir, Store)> = OnceLock::new();
    &STORE
        .get_or_init(|| {
            let dir = tempfile::tempdir().expect("temporary folder");
            let store = Store::create_or_open(dir.path()).expect("new store");
            let day = |d| NaiveDate::from_ymd_opt(2024, 3, d).expect("a day");
            let article = |id: &str, d, language: Option<&str>, text: &str| Article {
                id: id.into(),
                published: day(d),
                title: Some(format!("Title of {id}")),
                url: None,
                source: Some("fuzz".into()),
                language: language.map(Into::into),
                text: text.into(),
            };
            store
                .ingest(vec![
                    article(
                        "en",
                        4,
                        None,
                        "The Kessler dam failed on Sunday, flooding the valley. Officials \
                         in Port-au-Prince said al-Assad met them on March 2.",
                    ),
                    article(
                        "es",
                        5,
                        Some("es"),
                        "Las manifestaciones se reanudaron el martes en Nueva-York junto al \
                         puente.",
                    ),
                    article(
                        "zh",
                        6,
                        None,
                        "河谷水坝于3月4日夜间决堤，下游三个村庄被洪水淹没。",
                    ),
                    article(
                        "ar",
                        7,
                        None,
                        "انهار سد وادي الريم يوم الأحد بعد أيام من الأمطار.",
                    ),
                ])
                .expect("ingest");
            (dir, store)
        })
        .1
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let store = store();
    store
        .search(&text, Window::default(), 10)
        .expect("a query is never an error");
    store
        .corpus_for(&Topic::query(text.as_ref()), Window::default())
        .expect("a timeline query is never an error");
    store
        .corpus_for(&Topic::keywords([text.as_ref()]), Window::default())
        .expect("keywords are never an error");
});
