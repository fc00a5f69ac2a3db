//! Hand-adjudicated disagreements with HeidelTime (tests/adjudicated.tsv). Where the
//! adjudication found our value right and HeidelTime's wrong (verdict `ours`), the tagger
//! must keep giving our value, so that changes made to agree with HeidelTime do not bring
//! its errors in. Rows where we were wrong are not asserted here: fixed ones move to
//! tests/regression.tsv.

use chronicle_text::Language;
use chronicle_timex::Tagger;
use chrono::NaiveDate;

/// The expressions found, as "text=value", for a failure message.
fn shown(got: &[chronicle_timex::Timex]) -> Vec<String> {
    got.iter()
        .map(|t| format!("{}={}", t.text, t.value))
        .collect()
}

#[test]
fn adjudicated_rows_where_we_are_right_keep_our_value() {
    let raw = include_str!("adjudicated.tsv");
    let tagger = Tagger::new(Language::English);
    let mut lines = raw
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty());
    let (_, header) = lines.next().expect("header");
    let names: Vec<&str> = header.split('\t').collect();
    let col = |name: &str| {
        names
            .iter()
            .position(|n| *n == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    };
    let (date_c, text_c, value_c, sentence_c, verdict_c) = (
        col("pub_date"),
        col("sys_text"),
        col("sys_value"),
        col("sentence"),
        col("verdict"),
    );
    let mut checked = 0;
    let mut rows = 0;
    let mut failures = Vec::new();
    for (k, line) in lines {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), names.len(), "line {}: column count", k + 1);
        rows += 1;
        let verdict = cols[verdict_c];
        assert!(
            ["ours", "heideltime", "both_wrong", "ambiguous", "artifact"].contains(&verdict),
            "line {}: unknown verdict {verdict:?}",
            k + 1
        );
        if verdict != "ours" {
            continue;
        }
        let date = NaiveDate::parse_from_str(cols[date_c], "%Y-%m-%d").expect("pub date");
        let got = tagger.tag(cols[sentence_c], date);
        checked += 1;
        let ok = if cols[text_c].is_empty() {
            // We were right to tag nothing: HeidelTime's day must not appear.
            let wrong = cols[col("ref_value")];
            !got.iter().any(|t| t.value.starts_with(wrong))
        } else {
            got.iter()
                .any(|t| t.text == cols[text_c] && t.value == cols[value_c])
        };
        if !ok {
            failures.push(format!(
                "line {}: {:?}\n  expected {}={}\n  got      {:?}",
                k + 1,
                cols[sentence_c],
                cols[text_c],
                cols[value_c],
                shown(&got)
            ));
        }
    }
    assert!(rows >= 100, "too few adjudicated rows: {rows}");
    assert!(checked >= 50, "too few rows where we are right: {checked}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The same rows tagged as the engine and `tag --compare` tag them: after the earlier
/// sentences of their document (from ../shared; skipped when absent). Rows fixed by
/// document context must give HeidelTime's value; rows where we are right keep ours.
#[test]
fn adjudicated_rows_in_document_context() {
    use chronicle_timex::{DocContext, eval};
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/t17-heideltime/dev-bpoil-h1n1.jsonl");
    if !path.exists() {
        eprintln!("skipping: {} not found", path.display());
        return;
    }
    let sentences = eval::read_reference(&path).expect("reads");
    let tagger = Tagger::new(Language::English);
    let (mut fixed, mut kept, mut failures) = (0, 0, Vec::new());
    // The first sample was drawn with sentences tagged alone (round 3), the second in
    // document context (round 7).
    for raw in [
        include_str!("adjudicated.tsv"),
        include_str!("adjudicated_round7.tsv"),
    ] {
        let mut lines = raw
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty());
        let names: Vec<&str> = lines.next().expect("header").split('\t').collect();
        let col = |name: &str| names.iter().position(|n| *n == name).expect(name);
        for line in lines {
            let c: Vec<&str> = line.split('\t').collect();
            let (doc, index) = c[col("id")].split_once('#').expect("id doc#n");
            let index: usize = index.parse().expect("sentence index");
            let want_ref = c[col("why")].contains("fixed in round 5 by document context");
            let ours = c[col("verdict")] == "ours";
            if !want_ref && !ours {
                continue;
            }
            let mut cx = DocContext::new();
            let mut got = Vec::new();
            for s in sentences
                .iter()
                .filter(|s| s.doc == doc && s.sentence <= index)
            {
                got = tagger.tag_in_context(&s.text, s.pub_date, &mut cx);
            }
            let days: Vec<String> = got
                .iter()
                .map(|t| t.value.chars().take(10).collect())
                .collect();
            let ok = if want_ref {
                fixed += 1;
                days.iter()
                    .any(|v| c[col("ref_value")].starts_with(v.as_str()))
            } else if c[col("sys_text")].is_empty() {
                kept += 1;
                !got.iter().any(|t| t.value.starts_with(c[col("ref_value")]))
            } else {
                kept += 1;
                got.iter()
                    .any(|t| t.text == c[col("sys_text")] && t.value == c[col("sys_value")])
            };
            if !ok {
                failures.push(format!(
                    "{}: {:?}\n  got {:?}",
                    c[col("id")],
                    c[col("sentence")],
                    shown(&got)
                ));
            }
        }
    }
    assert!(fixed >= 8, "rows fixed by document context: {fixed}");
    assert!(kept >= 120, "rows where we are right: {kept}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
