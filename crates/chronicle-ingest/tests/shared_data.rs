//! Reads the project's shared material (`../shared`) when it is there; skips otherwise.

use std::collections::HashSet;
use std::path::PathBuf;

use chronicle_ingest::{Dataset, read_inputs};

fn shared(rel: &str) -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared")
        .join(rel);
    if path.exists() {
        Some(path)
    } else {
        eprintln!(
            "skipped: {} is absent (no ../shared beside the project)",
            path.display()
        );
        None
    }
}

#[test]
fn seeds() {
    let Some(dir) = shared("seeds") else { return };
    let r = read_inputs(&[&dir]);
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert_eq!(r.articles.len(), 5);
    let dates: Vec<String> = r.articles.iter().map(|a| a.published.to_string()).collect();
    assert_eq!(
        dates,
        [
            "2023-12-31",
            "2023-12-31",
            "2023-12-31",
            "2022-12-31",
            "2024-02-08"
        ]
    );
    let a = &r.articles;
    assert_eq!(a[0].id, "000_f0c407d0d160d45c");
    // 000's first line is a dateline, not a headline: it stays in the body.
    assert_eq!(a[0].title, None);
    assert!(a[0].text.starts_with("31 Dec 2023 in 14:40"));
    assert_eq!(a[1].source.as_deref(), Some("sputnikglobe.com"));
    assert_eq!(
        a[1].title.as_deref(),
        Some("Putin and Xi Jinping Wish Each Other Happy New Year")
    );
    assert!(
        a[2].title
            .as_deref()
            .unwrap()
            .starts_with("Xi says to continuously consolidate")
    );
    assert_eq!(a[3].source.as_deref(), Some("sputniknews.com"));
    assert_eq!(a[4].title, None);
    assert!(
        a[4].text
            .starts_with("Chinese President Xi Jinping has had a telephone conversation")
    );
}

#[test]
fn bpoil_topic() {
    let Some(dir) = shared("data/t17/bpoil") else {
        return;
    };
    let r = read_inputs(&[&dir]);
    assert_eq!(r.files, 1461);
    // One empty file in bpoil, kept as published: reported, not read.
    assert_eq!(r.problems.len(), 1, "{:?}", r.problems);
    assert!(r.problems[0].reason.starts_with("empty file"));
    assert_eq!(r.articles.len() + r.duplicates, 1460);
    let ids: HashSet<&str> = r.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids.len(), r.articles.len());
    let sources: HashSet<&str> = r
        .articles
        .iter()
        .filter_map(|a| a.source.as_deref())
        .collect();
    let want: HashSet<&str> = ["bbc", "foxnews", "guardian", "reuters", "washingtonpost"].into();
    assert_eq!(sources, want);
    assert!(
        r.articles
            .iter()
            .all(|a| a.url.is_none() && !a.text.is_empty())
    );
    let first = r.articles.first().unwrap();
    assert_eq!(
        (first.id.as_str(), first.published.to_string().as_str()),
        ("foxnews-1196", "2010-04-01")
    );
    assert!(r.skipped.iter().any(|s| s.path.ends_with("timelines")));
}

#[test]
fn t17_dataset() {
    let Some(dir) = shared("data/t17") else {
        return;
    };
    let ds = Dataset::open(&dir).unwrap();
    assert_eq!(ds.name, "t17");
    let names: Vec<&str> = ds.topics.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "bpoil", "egypt", "finan", "h1n1", "haiti", "iraq", "libya", "mj", "syria"
        ]
    );
    let bpoil = ds.topic("bpoil").unwrap();
    assert_eq!(bpoil.keywords, ["bp", "oil", "spill"]);
    let gold: Vec<String> = bpoil
        .timelines
        .iter()
        .map(|p| chronicle_ingest::Topic::timeline_name(p))
        .collect();
    assert_eq!(
        gold,
        ["bbc", "foxnews", "guardian", "rbpoil", "washingtonpost"]
    );
    assert_eq!(
        ds.topics.iter().map(|t| t.timelines.len()).sum::<usize>(),
        19
    );

    // The whole dataset in one read: 4,650 files, 25 empty, and 8 Reuters reports filed
    // under both libya and syria on the same date.
    let r = read_inputs(&[&dir]);
    assert_eq!(r.files, 4650);
    assert_eq!(r.problems.len(), 25);
    assert_eq!(r.duplicates, 8);
    assert_eq!(r.articles.len(), 4650 - 25 - 8);
    let ids: HashSet<&str> = r.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids.len(), r.articles.len(), "ids unique across topics");
    // Qualified ids name the folder that tells the clashing files apart.
    assert!(r.articles.iter().any(|a| a.id.contains('/')));
    let one_thread = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    let serial = one_thread.install(|| read_inputs(&[&dir]));
    assert_eq!(
        serial.articles, r.articles,
        "same result whatever the thread count"
    );
    assert_eq!(serial.problems, r.problems);
}

#[test]
fn tempeval_json_lines() {
    let Some(dir) = shared("data/timex") else {
        return;
    };
    // `{id, pub_date, text, timexes}` per line: a generic JSON Lines article file.
    let r = read_inputs(&[&dir]);
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert_eq!(r.files, 2);
    assert_eq!(r.articles.len() + r.duplicates, 73 + 183);
    let abc = r
        .articles
        .iter()
        .find(|a| a.id == "ABC19980108.1830.0711")
        .unwrap();
    assert_eq!(abc.published.to_string(), "1998-01-08");
    assert!(abc.text.starts_with("On the other hand"));
}
