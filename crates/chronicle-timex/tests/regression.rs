//! Hand-checked sentences (tests/regression.tsv): pub date, sentence, the expected
//! expressions, and which side of a disagreement with HeidelTime is right.

use chronicle_text::Language;
use chronicle_timex::Tagger;
use chrono::NaiveDate;

#[test]
fn regression_sentences() {
    let raw = include_str!("regression.tsv");
    let tagger = Tagger::new(Language::English);
    let mut failures = Vec::new();
    let mut n = 0;
    for (k, line) in raw.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert!(
            cols.len() >= 3,
            "line {}: expected at least 3 columns",
            k + 1
        );
        let date = NaiveDate::parse_from_str(cols[0], "%Y-%m-%d").expect("pub date");
        let expected: Vec<&str> = cols[2].split('|').filter(|s| !s.is_empty()).collect();
        let got: Vec<String> = tagger
            .tag(cols[1], date)
            .into_iter()
            .map(|t| format!("{}={}", t.text, t.value))
            .collect();
        n += 1;
        if got != expected {
            failures.push(format!(
                "line {}: {:?}\n  expected {expected:?}\n  got      {got:?}\n  note: {}",
                k + 1,
                cols[1],
                cols.get(3).unwrap_or(&"")
            ));
        }
    }
    assert!(n >= 20, "too few regression sentences: {n}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
