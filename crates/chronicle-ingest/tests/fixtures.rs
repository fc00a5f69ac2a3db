//! Every input format and every bad-input case, on small fixtures written at test time.

use std::io::Write;
use std::path::{Path, PathBuf};

use chronicle_ingest::{Article, ReadReport, read_inputs, read_inputs_with_progress};
use flate2::Compression;
use flate2::write::GzEncoder;

fn write(root: &Path, rel: &str, content: impl AsRef<[u8]>) -> PathBuf {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, content).unwrap();
    path
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = GzEncoder::new(Vec::new(), Compression::default());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}

fn article<'a>(report: &'a ReadReport, id: &str) -> &'a Article {
    report
        .articles
        .iter()
        .find(|a| a.id == id)
        .unwrap_or_else(|| panic!("no article {id} in {:?}", ids(report)))
}

fn ids(report: &ReadReport) -> Vec<&str> {
    report.articles.iter().map(|a| a.id.as_str()).collect()
}

/// Problems as `file-name[:line]: reason`, for readable assertions.
fn problems(report: &ReadReport) -> Vec<String> {
    report
        .problems
        .iter()
        .map(|p| {
            let name = p.path.file_name().unwrap().to_string_lossy();
            match p.line {
                Some(l) => format!("{name}:{l}: {}", p.reason),
                None => format!("{name}: {}", p.reason),
            }
        })
        .collect()
}

#[test]
fn dated_text_files() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(
        root,
        "url.txt",
        " date 2023-12-31 https://www.sputnikglobe.com/a.html\n\nPutin and Xi Wish Each Other Happy New Year\n\nThey exchanged greetings.\n",
    );
    write(
        root,
        "headline.txt",
        "date 2023-12-31 Xi says ties serve both countries\n\nBEIJING -- Text.\n",
    );
    write(
        root,
        "body.txt",
        "date 2024-02-08 Chinese President Xi Jinping has had a telephone conversation with Russian President Vladimir Putin, reports say.\n\nDetails follow.\n",
    );
    write(
        root,
        "bare.txt",
        "date 2022-12-31\r\nLine one.\r\nLine two.\r\n",
    );
    let r = read_inputs(&[root]);
    assert_eq!(problems(&r), Vec::<String>::new());
    assert_eq!(
        ids(&r),
        ["bare", "body", "headline", "url"],
        "sorted by path"
    );
    assert_eq!(r.files, 4);

    let url = article(&r, "url");
    assert_eq!(url.published.to_string(), "2023-12-31");
    assert_eq!(
        url.url.as_deref(),
        Some("https://www.sputnikglobe.com/a.html")
    );
    assert_eq!(url.source.as_deref(), Some("sputnikglobe.com"));
    assert_eq!(
        url.title.as_deref(),
        Some("Putin and Xi Wish Each Other Happy New Year")
    );
    assert!(
        url.text.starts_with("Putin and Xi Wish"),
        "body keeps the title line"
    );

    let headline = article(&r, "headline");
    assert_eq!(
        headline.title.as_deref(),
        Some("Xi says ties serve both countries")
    );
    assert_eq!(headline.text, "BEIJING -- Text.");
    assert_eq!(headline.source, None);

    let body = article(&r, "body");
    assert_eq!(body.title, None);
    assert!(body.text.starts_with("Chinese President Xi Jinping"));
    assert!(body.text.ends_with("Details follow."));

    assert_eq!(article(&r, "bare").text, "Line one.\nLine two.");
}

#[test]
fn dataset_layout_skips_keywords_and_gold() {
    let tmp = tempfile::tempdir().unwrap();
    let topic = tmp.path().join("ds/bpoil");
    write(&topic, "keywords.json", r#"["bp", "oil"]"#);
    write(
        &topic,
        "timelines/bbc.txt",
        "2010-04-20\nA rig exploded .\n",
    );
    write(
        &topic,
        "InputDocs/2010-04-21/bbc-1387.txt",
        "BP 's rig exploded .\nEleven died .\n",
    );
    write(
        &topic,
        "InputDocs/2010-04-22/reuters-5.txt",
        "Oil leaks .\n",
    );
    write(&topic, "InputDocs/2010-04-22/nodash.txt", "Other text .\n");
    for input in [
        tmp.path().join("ds"),
        topic.clone(),
        topic.join("InputDocs"),
    ] {
        let r = read_inputs(&[&input]);
        assert_eq!(problems(&r), Vec::<String>::new(), "{input:?}");
        assert_eq!(ids(&r), ["bbc-1387", "nodash", "reuters-5"], "{input:?}");
        let a = article(&r, "bbc-1387");
        assert_eq!(a.published.to_string(), "2010-04-21");
        assert_eq!(a.source.as_deref(), Some("bbc"));
        assert_eq!(a.text, "BP 's rig exploded .\nEleven died .");
        assert_eq!(article(&r, "nodash").source, None);
    }
    let r = read_inputs(&[&topic]);
    let skipped: Vec<String> = r.skipped.iter().map(|s| s.to_string()).collect();
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    assert!(
        skipped[0].contains("keywords.json") && skipped[0].contains("keywords of a dataset topic")
    );
    assert!(skipped[1].contains("timelines") && skipped[1].contains("gold timelines"));
}

#[test]
fn dataset_file_given_alone_uses_its_folder_date() {
    let tmp = tempfile::tempdir().unwrap();
    let f = write(tmp.path(), "InputDocs/2010-05-01/bbc-68.txt", "Text .");
    let r = read_inputs(&[&f]);
    assert_eq!(article(&r, "bbc-68").published.to_string(), "2010-05-01");
    // Outside InputDocs a date line wins over a date-named folder, which is the fallback.
    write(
        tmp.path(),
        "misc/2011-01-01/a.txt",
        "date 2012-02-02 Headline\nBody.",
    );
    write(tmp.path(), "misc/2011-01-01/b.txt", "Body only.");
    let r = read_inputs(&[tmp.path().join("misc")]);
    assert_eq!(article(&r, "a").published.to_string(), "2012-02-02");
    assert_eq!(article(&r, "b").published.to_string(), "2011-01-01");
}

#[test]
fn json_lines_generic_news_tls_and_gzip() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(
        root,
        "generic.jsonl",
        concat!(
            r#"{"id": "g1", "date": "2011-01-25", "text": "First.", "title": "T", "url": "https://www.cnn.com/x", "language": "en"}"#,
            "\n\n",
            r#"{"published": "2011-01-26T10:00:00Z", "body": "Second.", "source": "AP"}"#,
            "\n",
            r#"{"pub_date": "2011-01-27 08:00:00", "content": "Third."}"#,
            "\n"
        ),
    );
    let news_tls = concat!(
        r#"{"id": "n1", "time": "2010-04-20 00:00:00", "text": "Rig.", "title": "Blast", "sentences": [{"raw": "Rig.", "tokens": ["Rig", "."], "time": "2010-04-20"}]}"#,
        "\n",
        r#"{"id": "n2", "time": "2010-04-21 00:00:00", "text": "Leak.", "title": null}"#,
        "\n"
    );
    write(root, "tls/articles.jsonl.gz", gzip(news_tls.as_bytes()));
    write(
        root,
        "tls2/articles.preprocessed.jsonl",
        news_tls
            .replace("n1", "p1")
            .replace("n2", "p2")
            .replace("Rig.", "Rig!"),
    );
    let r = read_inputs(&[root]);
    assert_eq!(problems(&r), Vec::<String>::new());
    let g1 = article(&r, "g1");
    assert_eq!(
        (
            g1.title.as_deref(),
            g1.source.as_deref(),
            g1.language.as_deref()
        ),
        (Some("T"), Some("cnn.com"), Some("en"))
    );
    let second = r.articles.iter().find(|a| a.text == "Second.").unwrap();
    assert_eq!(second.published.to_string(), "2011-01-26");
    assert_eq!(second.source.as_deref(), Some("AP"));
    assert_eq!(second.id.len(), 16, "hash id: {}", second.id);
    let n1 = article(&r, "n1");
    assert_eq!(
        (n1.title.as_deref(), n1.text.as_str()),
        (Some("Blast"), "Rig.")
    );
    assert_eq!(article(&r, "p1").text, "Rig!");
    // "Leak." on 2010-04-21 is in both news-tls files: read once.
    assert_eq!(r.duplicates, 1);
    assert_eq!(r.articles.len(), 6);
}

#[test]
fn json_files() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(
        root,
        "one.json",
        r#"{"id": "j1", "date": "2020-01-01", "text": "One."}"#,
    );
    write(
        root,
        "many.json",
        r#"[{"id": "j2", "date": "2020-01-02", "text": "Two."}, {"date": "2020-01-03"}]"#,
    );
    write(root, "words.json", r#"["not", "articles"]"#);
    let r = read_inputs(&[root]);
    assert_eq!(ids(&r), ["j2", "j1"]);
    assert_eq!(
        problems(&r),
        [
            "many.json: array item 2: missing or empty article text: expected a non-empty `text`, `body` or `content` field",
            "words.json: JSON file is neither an article object nor an array of article objects",
        ]
    );
}

#[test]
fn bad_input_each_gets_one_clear_problem() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(
        root,
        "a_nodate.txt",
        "Just some text\nwithout a date line.\n",
    );
    write(
        root,
        "a_timeline.txt",
        "2010-04-20\nA rig exploded .\n--------------------------------\n",
    );
    write(root, "b_baddate.txt", "date 2023-13-40 Headline\nBody.\n");
    write(
        root,
        "c_utf8.txt",
        b"date 2023-01-01\nok line\nbad \xff byte\n".as_slice(),
    );
    write(root, "d_empty.txt", "");
    write(root, "e_nobody.txt", "date 2023-01-01 https://a.com/x\n\n");
    write(root, "f_good.txt", "date 2023-01-01\nStill read.\n");
    write(
        root,
        "g.jsonl",
        b"{\"date\": \"2023-01-01\", \"text\": \"ok\"}\n{broken\n{\"text\": \"no date\"}\n{\"date\": \"2023-01-01\"}\n{\"date\": \"01/02/2023\", \"text\": \"x\"}\n{\"date\": \"2023-01-02\", \"text\": \"bad \xfe\"}\n[1]\n".as_slice(),
    );
    write(
        root,
        "h_corrupt.jsonl.gz",
        b"\x1f\x8b\x08\x00garbage that is not deflate".as_slice(),
    );
    let full = gzip(b"{\"date\": \"2023-01-01\", \"text\": \"lost\"}\n");
    write(root, "i_truncated.jsonl.gz", &full[..full.len() / 2]);
    std::os::unix::fs::symlink(
        root.join("missing-target.txt"),
        root.join("j_broken_link.txt"),
    )
    .unwrap();
    write(root, "k_notes.md", "not an article");
    let missing = root.join("no-such-input.jsonl");

    let r = read_inputs(&[root.to_path_buf(), missing]);
    let p = problems(&r);
    let expect = [
        "a_nodate.txt:1: the first line does not start with `date YYYY-MM-DD`",
        "a_timeline.txt:1: the first line is a bare date: this looks like a timeline (tilse format)",
        "b_baddate.txt:1: unparsable date \"2023-13-40\" on the date line: expected a real date as YYYY-MM-DD",
        "d_empty.txt: empty file: no date line and no article text",
        "e_nobody.txt: no article text after the date line",
        "g.jsonl:2: not valid JSON: ",
        "g.jsonl:3: missing publication date: expected a `date`, `published`, `pub_date` or `time` field",
        "g.jsonl:4: missing or empty article text",
        "g.jsonl:5: unparsable date \"01/02/2023\" in `date`",
        "g.jsonl:6: invalid UTF-8: the line must be UTF-8 text",
        "g.jsonl:7: expected a JSON object (one article per line)",
        "h_corrupt.jsonl.gz: corrupt gzip file, skipped: ",
        "i_truncated.jsonl.gz: corrupt gzip file, skipped: ",
        "j_broken_link.txt: cannot read directory entry: no such file or directory",
        "no-such-input.jsonl: cannot read input: no such file or directory",
    ];
    assert_eq!(p.len(), expect.len(), "{p:#?}");
    for (got, want) in p.iter().zip(expect) {
        assert!(got.starts_with(want), "got {got:?}, want {want:?}");
    }
    // Exactly one good article per good source survives; a text file that is not UTF-8
    // is read as Windows-1252, with a note.
    assert_eq!(r.articles.len(), 3, "{:?}", ids(&r));
    assert_eq!(article(&r, "f_good").text, "Still read.");
    assert_eq!(article(&r, "c_utf8").text, "ok line\nbad \u{ff} byte");
    let notes: Vec<String> = r.notes.iter().map(ToString::to_string).collect();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(
        notes[0].contains("c_utf8.txt: not UTF-8: read as Windows-1252"),
        "{notes:?}"
    );
    assert!(r.articles.iter().any(|a| a.text == "ok"));
    assert_eq!(r.skipped.len(), 1);
    assert!(
        r.skipped[0]
            .to_string()
            .contains("k_notes.md: not an article format")
    );
    // Problem paths are the real files, usable as `path:line` by an editor.
    assert!(
        r.problems[0]
            .to_string()
            .starts_with(&root.join("a_nodate.txt").display().to_string())
    );
}

#[test]
fn ids_are_unique_and_duplicates_read_once() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    // Same file name, different content: the later one is qualified by its folder.
    write(root, "ds/t/InputDocs/2010-05-01/bbc-68.txt", "One .");
    write(root, "ds/t/InputDocs/2010-05-02/bbc-68.txt", "Two .");
    // Same file name, same date and content: a duplicate.
    write(root, "ds/u/InputDocs/2010-05-01/bbc-68.txt", "One .");
    // Same name, same folder name, different topic: qualified further up.
    write(root, "ds/u/InputDocs/2010-05-02/bbc-68.txt", "Three .");
    // JSONL: repeated id with same content is a duplicate; with other content, qualified.
    write(
        root,
        "feed.jsonl",
        concat!(
            r#"{"id": "x", "date": "2020-01-01", "text": "A"}"#,
            "\n",
            r#"{"id": "x", "date": "2020-01-01", "text": "A"}"#,
            "\n",
            r#"{"id": "x", "date": "2020-01-01", "text": "B"}"#,
            "\n",
            r#"{"id": "y", "date": "2020-01-01", "text": "A"}"#,
            "\n",
            r#"{"date": "2020-01-02", "text": "A"}"#,
            "\n",
            r#"{"date": "2020-01-02", "text": "A"}"#,
            "\n"
        ),
    );
    let r = read_inputs(&[root]);
    assert_eq!(problems(&r), Vec::<String>::new());
    let mut got = ids(&r);
    let hash_id = r.articles.last().unwrap().id.clone();
    assert_eq!(got.pop(), Some(hash_id.as_str()));
    assert_eq!(
        got,
        [
            "bbc-68",
            "2010-05-02/bbc-68",
            "InputDocs/2010-05-02/bbc-68",
            "x",
            "feed/x",
        ]
    );
    // u/2010-05-01 (same date, text), x again, y (same date, text as x), hash twin.
    assert_eq!(r.duplicates, 4);

    let feed = r
        .files_read
        .iter()
        .find(|f| f.path.ends_with("feed.jsonl"))
        .unwrap();
    assert_eq!((feed.articles, feed.duplicates, feed.problems), (3, 3, 0));
    assert_eq!(r.files_read.len(), r.files);
    assert_eq!(
        r.files_read.iter().map(|f| f.articles).sum::<usize>(),
        r.articles.len()
    );

    // Reading a file twice does not duplicate it.
    let again = read_inputs(&[root.join("feed.jsonl"), root.join("feed.jsonl")]);
    assert_eq!(again.articles.len(), 3);
    assert_eq!(again.duplicates, 3 + 6);
}

#[test]
fn deterministic_order_and_progress() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    for i in (0..600).rev() {
        write(
            root,
            &format!("d{}/f{i:04}.txt", i % 7),
            format!("date 2020-01-01\nText {i}."),
        );
    }
    let mut calls = Vec::new();
    let r = read_inputs_with_progress(&[root], &mut |done, total| calls.push((done, total)));
    assert_eq!(r.articles.len(), 600);
    let paths: Vec<String> = r.articles.iter().map(|a| a.id.clone()).collect();
    let mut expected: Vec<(usize, String)> =
        (0..600).map(|i| (i % 7, format!("f{i:04}"))).collect();
    expected.sort();
    assert_eq!(
        paths,
        expected.into_iter().map(|(_, id)| id).collect::<Vec<_>>()
    );
    assert_eq!(calls.first(), Some(&(0, 600)));
    assert_eq!(calls.last(), Some(&(600, 600)));
    assert!(calls.windows(2).all(|w| w[0].0 <= w[1].0));
    let one_thread = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    assert_eq!(
        one_thread.install(|| read_inputs(&[root])).articles,
        r.articles
    );
}

#[test]
fn arbitrary_bytes_never_panic() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let alphabet: &[u8] = b"date 2020-01-01{}\":,[]\n\r\t\xff\xfe\x1f\x8b0123456789abcdefTZ-+.";
    for i in 0..200 {
        let len = (next() % 200) as usize;
        let bytes: Vec<u8> = (0..len)
            .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
            .collect();
        let ext = ["txt", "jsonl", "jsonl.gz", "json"][i % 4];
        write(root, &format!("f{i}.{ext}"), &bytes);
        write(root, &format!("InputDocs/2020-01-01/f{i}.{ext}"), &bytes);
    }
    let r = read_inputs(&[root]);
    assert_eq!(r.files, 400);
    assert!(!r.problems.is_empty());
}

#[test]
fn pipes_found_by_walking_are_skipped_not_read() {
    let tmp = tempfile::tempdir().unwrap();
    let fifo = tmp.path().join("pipe.txt");
    let status = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !status.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo unavailable");
        return;
    }
    write(tmp.path(), "a.txt", "date 2020-01-01\nText.");
    let r = read_inputs(&[tmp.path()]);
    assert_eq!(r.articles.len(), 1);
    assert_eq!(r.skipped.len(), 1);
    assert!(r.skipped[0].reason.starts_with("not a regular file"));
}

#[test]
fn symlink_loops_are_reported_once_and_not_followed() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "sub/a.txt", "date 2020-01-01\nText.");
    std::os::unix::fs::symlink(tmp.path(), tmp.path().join("sub/loop")).unwrap();
    let r = read_inputs(&[tmp.path()]);
    assert_eq!(r.articles.len(), 1);
    assert_eq!(problems(&r).len(), 1, "{:?}", problems(&r));
    assert!(
        r.problems[0]
            .reason
            .starts_with("symbolic link loop back to")
    );
}
