//! End-to-end tests of the corpus store commands: `ingest`, `search`, `stats`,
//! `timeline --store`, crash safety (SIGKILL during ingest), the write lock and
//! concurrent readers, bad input.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_chronicle"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

fn chronicle(args: &[&str]) -> Output {
    bin()
        .args(args)
        .output()
        .expect("the chronicle binary runs")
}

fn ok(args: &[&str]) -> String {
    let out = chronicle(args);
    assert!(
        out.status.success(),
        "chronicle {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stats(store: &str) -> Value {
    serde_json::from_str(&ok(&["stats", "--store", store, "--format", "json"])).unwrap()
}

/// A store in `dir`/store made by `chronicle ingest` from one input file, `name`
/// (which gives the article its id), holding `text`.
fn store_of(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let input = dir.join(name);
    std::fs::write(&input, text).unwrap();
    let store = dir.join("store");
    ok(&["ingest", "--store", s(&store), s(&input), "--quiet"]);
    store
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn ingest_is_idempotent_and_timelines_match_files() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let store = s(&store);
    let first = chronicle(&["ingest", "--store", store, "examples/corpus"]);
    assert!(first.status.success());
    let summary = String::from_utf8_lossy(&first.stderr);
    assert!(summary.contains("added 16"), "{summary}");
    assert_eq!(stats(store)["articles"], 16);
    let again = chronicle(&["ingest", "--store", store, "examples/corpus"]);
    assert!(String::from_utf8_lossy(&again.stderr).contains("added 0"));
    assert_eq!(stats(store)["articles"], 16);

    for extra in [
        &[][..],
        &["--keywords", "dam,breach"][..],
        &["--query", "dam breach evacuation"][..],
        &[
            "--keywords",
            "dam",
            "--from",
            "2024-03-01",
            "--to",
            "2024-04-30",
        ][..],
    ] {
        let mut from_files = vec!["timeline", "examples/corpus", "--format", "json", "--quiet"];
        from_files.extend_from_slice(extra);
        let mut from_store = vec!["timeline", "--store", store, "--format", "json", "--quiet"];
        from_store.extend_from_slice(extra);
        assert_eq!(ok(&from_files), ok(&from_store), "options {extra:?}");
    }

    let hits: Value = serde_json::from_str(&ok(&[
        "search",
        "--store",
        store,
        "dam breach",
        "--format",
        "json",
        "--limit",
        "3",
    ]))
    .unwrap();
    let hits = hits.as_array().unwrap();
    assert_eq!(hits.len(), 3);
    assert!(hits[0]["published"].is_string() && hits[0]["source"].is_string());
    let windowed: Value = serde_json::from_str(&ok(&[
        "search",
        "--store",
        store,
        "dam",
        "--from",
        "2024-06-01",
        "--format",
        "json",
    ]))
    .unwrap();
    for h in windowed.as_array().unwrap() {
        assert!(h["published"].as_str().unwrap() >= "2024-06-01");
    }
    // A quoted phrase finds the articles holding all its words (it found none when
    // tantivy's parser read it: the index keeps no positions).
    let ids = |query: &str| -> Vec<String> {
        let hits: Value = serde_json::from_str(&ok(&[
            "search", "--store", store, query, "--format", "json", "--limit", "50",
        ]))
        .unwrap();
        let mut ids: Vec<String> = hits
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["id"].as_str().unwrap().to_string())
            .collect();
        ids.sort();
        ids
    };
    let phrase = ids("\"dam safety\"");
    assert!(!phrase.is_empty());
    assert_eq!(phrase, ids("+dam +safety"));
    assert!(phrase.len() < ids("dam safety").len());
    // A query that starts with an exclusion is the query, not an unknown option.
    let without = ids("-safety dam");
    assert!(!without.is_empty());
    assert!(without.iter().all(|id| !phrase.contains(id)));
    assert_eq!(without, ids("dam -safety"));
    let text = ok(&["stats", "--store", store]);
    assert!(text.contains("articles     16"), "{text}");
}

#[test]
fn bad_input_is_reported_and_nothing_stored_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let store = s(&store);
    ok(&["ingest", "--store", store, "--quiet", "examples/corpus"]);
    let bad = dir.path().join("bad");
    std::fs::create_dir(&bad).unwrap();
    std::fs::write(bad.join("nodate.txt"), "no date line here\nbody").unwrap();
    std::fs::write(bad.join("binary.txt"), [0xff, 0xfe, 0x00, 0x41]).unwrap();
    std::fs::write(
        bad.join("feed.jsonl"),
        "{\"date\": \"2024-05-01\", \"text\": \"A fine new article about the dam.\"}\n{not json\n",
    )
    .unwrap();
    let out = chronicle(&["ingest", "--store", store, s(&bad)]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("nodate.txt"), "{err}");
    assert!(err.contains("feed.jsonl:2"), "{err}");
    assert!(err.contains("added 1"), "{err}");
    assert_eq!(stats(store)["articles"], 17);
    // Nothing readable at all: an error, and the store is intact.
    let out = chronicle(&["ingest", "--store", store, s(&bad.join("nodate.txt"))]);
    assert!(!out.status.success());
    assert_eq!(stats(store)["articles"], 17);
    // A missing store is a clear error for readers.
    let out = chronicle(&["search", "--store", s(&dir.path().join("none")), "dam"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("no store at"));
}

/// Generates `n` synthetic articles from the example corpus.
fn synth(dir: &Path, n: usize) -> PathBuf {
    let out = dir.join("synth");
    ok(&[
        "synth",
        "--quiet",
        "--articles",
        &n.to_string(),
        "--out",
        s(&out),
        "examples/corpus",
    ]);
    out
}

fn wait_for<F: FnMut() -> bool>(mut f: F, what: &str) {
    let start = Instant::now();
    while !f() {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "timed out: {what}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn sigkill_during_ingest_leaves_a_usable_store_and_ingest_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let input = synth(dir.path(), 3000);
    let store_dir = dir.path().join("store");
    let store = s(&store_dir);
    let mut child = bin()
        .args([
            "ingest",
            "--quiet",
            "--batch",
            "50",
            "--store",
            store,
            s(&input),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill it once some batches are committed, long before the end.
    wait_for(
        || {
            Command::new(env!("CARGO_BIN_EXE_chronicle"))
                .args(["stats", "--store", store, "--format", "json"])
                .output()
                .ok()
                .and_then(|o| serde_json::from_slice::<Value>(&o.stdout).ok())
                .and_then(|v| v["articles"].as_u64())
                .is_some_and(|n| n >= 100)
        },
        "first batches committed",
    );
    // While it runs: readers work, a second writer is refused.
    let second = chronicle(&["ingest", "--store", store, "examples/corpus"]);
    assert!(!second.status.success());
    assert!(
        String::from_utf8_lossy(&second.stderr).contains("is locked"),
        "{}",
        String::from_utf8_lossy(&second.stderr)
    );
    ok(&["search", "--store", store, "dam", "--limit", "2"]);
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();

    let partial = stats(store)["articles"].as_u64().unwrap();
    assert!(partial >= 100, "{partial}");
    assert!(
        partial < 3000,
        "ingest finished before the kill: make the input bigger"
    );
    // The killed store opens and answers queries.
    ok(&["search", "--store", store, "dam"]);
    let t: Value = serde_json::from_str(&ok(&[
        "timeline",
        "--store",
        store,
        "--keywords",
        "dam",
        "--format",
        "json",
        "--quiet",
    ]))
    .unwrap();
    assert!(!t["dates"].as_array().unwrap().is_empty());
    // The same ingest again finishes the job, adding each article once.
    ok(&["ingest", "--quiet", "--store", store, s(&input)]);
    let done = stats(store);
    let total = done["articles"].as_u64().unwrap();
    assert_eq!(done["indexed"].as_u64().unwrap(), total);
    ok(&["ingest", "--quiet", "--store", store, s(&input)]);
    assert_eq!(stats(store)["articles"].as_u64().unwrap(), total);
    // Every article of the input is there (the synthetic ids are unique).
    let fresh_dir = dir.path().join("fresh");
    ok(&["ingest", "--quiet", "--store", s(&fresh_dir), s(&input)]);
    assert_eq!(stats(s(&fresh_dir))["articles"].as_u64().unwrap(), total);
}

#[test]
fn html_pages_and_feeds_are_read_by_ingest_and_timeline() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("web");
    std::fs::create_dir(&input).unwrap();
    let body = "<p>The old Kessler dam failed on Sunday, flooding the lower valley. Thousands of \
        residents left their homes as the water rose through the night, officials said, and \
        rescue teams worked until dawn to reach the last of them.</p>";
    std::fs::write(
        input.join("page.html"),
        format!(
            r#"<html><head><title>Dam fails</title><meta property="article:published_time" content="2024-03-04T08:00:00Z"></head><body><article><h1>Dam fails</h1>{body}</article></body></html>"#
        ),
    )
    .unwrap();
    std::fs::write(
        input.join("undated.html"),
        format!("<html><body><article>{body}</article></body></html>"),
    )
    .unwrap();
    std::fs::write(
        input.join("feed.rss"),
        r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Herald</title>
        <item><title>Repairs begin</title><guid>h-2</guid><pubDate>Tue, 12 Mar 2024 08:00:00 GMT</pubDate>
        <description>&lt;p&gt;Repairs on the Kessler dam began on Monday, the county said.&lt;/p&gt;</description></item>
        </channel></rss>"#,
    )
    .unwrap();
    let out = chronicle(&["timeline", s(&input), "--format", "json"]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("undated.html") && err.contains("no publication date"),
        "{err}"
    );
    let store = dir.path().join("store");
    let out = chronicle(&["ingest", "--store", s(&store), s(&input)]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("added 2"));
    let hits: Value = serde_json::from_str(&ok(&[
        "search",
        "--store",
        s(&store),
        "repairs",
        "--format",
        "json",
    ]))
    .unwrap();
    assert_eq!(hits[0]["id"], "h-2");
    assert_eq!(hits[0]["source"], "Herald");
}

#[test]
fn a_capped_timeline_says_how_much_of_the_topic_it_read() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let store = s(&store);
    ok(&["ingest", "--quiet", "--store", store, "examples/corpus"]);
    let dam_timeline = |extra: &[&str]| {
        let mut args = vec![
            "timeline",
            "--store",
            store,
            "--keywords",
            "dam",
            "--quiet",
            "--format",
            "json",
        ];
        args.extend_from_slice(extra);
        chronicle(&args)
    };
    let out = dam_timeline(&["--max-articles", "3"]);
    assert!(out.status.success());
    let note = String::from_utf8_lossy(&out.stderr);
    assert!(
        note.contains("the timeline read the 3 most relevant"),
        "{note}"
    );
    let timeline: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(timeline["articles"].as_u64().unwrap() <= 3);
    assert!(
        timeline["matched_articles"].as_u64().unwrap() > 3,
        "{timeline}"
    );
    // Under the cap nothing is said.
    let out = dam_timeline(&[]);
    assert!(String::from_utf8_lossy(&out.stderr).is_empty());
    let timeline: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(timeline.get("matched_articles").is_none(), "{timeline}");
}

#[test]
fn a_store_analysed_by_an_older_build_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    ok(&["ingest", "--store", s(&store), "examples/corpus", "--quiet"]);
    assert_eq!(
        stats(s(&store))["analysis_version"],
        chronicle_engine::corpus::ANALYSIS_VERSION
    );
    let timeline = ["timeline", "--store", s(&store), "--quiet"];
    assert!(!String::from_utf8_lossy(&chronicle(&timeline).stderr).contains("older"));
    // A store created before the analysis version was recorded.
    let db = rusqlite::Connection::open(store.join("store.sqlite")).unwrap();
    db.execute("DELETE FROM meta WHERE key = 'analysis'", [])
        .unwrap();
    drop(db);
    assert_eq!(stats(s(&store))["analysis_version"], 1);
    let out = chronicle(&timeline);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("analysed by an older Chronicle")
            && stderr.contains("chronicle reanalyse --store"),
        "{stderr}"
    );
}

/// `chronicle reanalyse` analyses the stored texts again: a store whose analysis is
/// missing (every article stored with no sentences, as an old build that found less
/// would leave it) gives the timeline of a fresh store again, and says nothing more.
#[test]
fn reanalyse_brings_an_older_store_up_to_date() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    ok(&["ingest", "--store", s(&store), "examples/corpus", "--quiet"]);
    let timeline = [
        "timeline",
        "--store",
        s(&store),
        "--format",
        "json",
        "--quiet",
    ];
    let fresh = chronicle(&timeline);
    assert!(fresh.status.success());
    let sentences = stats(s(&store))["sentences"].clone();

    let db = rusqlite::Connection::open(store.join("store.sqlite")).unwrap();
    db.execute_batch(
        "UPDATE articles SET sentences = X'0100', n_sentences = 0;
         DELETE FROM meta WHERE key IN ('analysis', 'counts');",
    )
    .unwrap();
    drop(db);
    let stale: Value = serde_json::from_slice(&chronicle(&timeline).stdout).unwrap();
    assert_eq!(stale["dates"].as_array().map(Vec::len), Some(0), "{stale}");

    let out = chronicle(&["reanalyse", "--store", s(&store)]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("reanalysed 16 articles"), "{said}");
    assert_eq!(stats(s(&store))["sentences"], sentences);
    assert_eq!(
        stats(s(&store))["analysis_version"],
        chronicle_engine::corpus::ANALYSIS_VERSION
    );
    let again = chronicle(&timeline);
    assert!(String::from_utf8_lossy(&again.stderr).is_empty());
    assert_eq!(again.stdout, fresh.stdout);

    // No store there: an error that says so, and nothing is created.
    let missing = dir.path().join("missing");
    let out = chronicle(&["reanalyse", "--store", s(&missing)]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no store at"));
    assert!(!missing.exists());
}

/// A store made before a language was known keeps its articles' languages with
/// `reanalyse`, and identifies them again with `reanalyse --language auto`.
#[test]
fn reanalyse_can_identify_languages_again() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_of(
        dir.path(),
        "ru.txt",
        "date 2011-03-20\nСовет Безопасности ООН 17 марта принял резолюцию о защите мирного \
         населения Ливии.\nВчера французские самолеты нанесли первые удары по колоннам \
         правительственных войск.\n",
    );
    assert_eq!(stats(s(&store))["languages"][0][0], "ru");
    // As an older build that knew no Russian would have stored it.
    let db = rusqlite::Connection::open(store.join("store.sqlite")).unwrap();
    db.execute_batch(
        "UPDATE articles SET language = 'en';
         DELETE FROM meta WHERE key IN ('analysis', 'counts');",
    )
    .unwrap();
    drop(db);
    ok(&["reanalyse", "--store", s(&store), "--quiet"]);
    assert_eq!(stats(s(&store))["languages"][0][0], "en");
    let out = chronicle(&["reanalyse", "--store", s(&store), "--language", "auto"]);
    assert!(out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("1 now in another language"), "{said}");
    // The index holds an article's terms in its language: it is rebuilt.
    assert!(said.contains("rebuilt the full-text index"), "{said}");
    // "резолюция" is found in "резолюцию" by its Russian stem.
    let hits = ok(&["search", "--store", s(&store), "резолюция"]);
    assert!(hits.contains("2011-03-20  ru"), "{hits}");
    let languages = stats(s(&store))["languages"].clone();
    assert_eq!(languages, serde_json::json!([["ru", 1]]));
    let timeline = ok(&["timeline", "--store", s(&store), "--quiet"]);
    assert!(
        timeline.contains("2011-03-17") && timeline.contains("2011-03-19"),
        "{timeline}"
    );
}

/// An article in another language than English is indexed by its analysed terms: when
/// `reanalyse` analyses it anew (an older analysis version), the index is rebuilt; run
/// again on an up-to-date store, it is left alone.
#[test]
fn reanalysing_articles_in_other_languages_rebuilds_their_index() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_of(
        dir.path(),
        "es.txt",
        "date 2024-03-06\nLas manifestaciones continuaron el martes en el centro de la \
         ciudad, según la policía.\n",
    );
    let db = rusqlite::Connection::open(store.join("store.sqlite")).unwrap();
    db.execute("DELETE FROM meta WHERE key = 'analysis'", [])
        .unwrap();
    drop(db);
    let out = chronicle(&["reanalyse", "--store", s(&store)]);
    assert!(out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("rebuilt the full-text index"), "{said}");
    let out = chronicle(&["reanalyse", "--store", s(&store)]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(!said.contains("rebuilt"), "{said}");
    let hits = ok(&["search", "--store", s(&store), "manifestación"]);
    assert!(hits.contains("2024-03-06"), "{hits}");
}
