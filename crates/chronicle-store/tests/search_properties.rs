//! Property: `Store::search` returns exactly the articles that a query's operators
//! select, in English and in another language alike. The oracle reads the query as
//! tantivy's grammar does: a literal (a word, or a quoted phrase as all its words)
//! matches an article holding its words; `+` clauses are required, `-` clauses
//! excluded, and without a required clause at least one plain clause must match (a
//! query of exclusions only matches everything else).

use std::collections::HashSet;

use chronicle_ingest::Article;
use chronicle_store::{Store, Window};
use chrono::NaiveDate;
use proptest::prelude::*;

/// Words whose stems are distinct from each other's in both languages, and none a stop
/// word in any language ("mayor" is one in Spanish, so a Spanish article need not hold
/// it), so that an article holds a query word exactly when its text has that form.
const ENGLISH: [&str; 6] = ["river", "bridge", "council", "flood", "tunnel", "storm"];
const SPANISH: [&str; 6] = [
    "puente",
    "alcalde",
    "tormenta",
    "concejo",
    "inundación",
    "carretera",
];

#[derive(Debug, Clone, Copy, PartialEq)]
enum Op {
    Plain,
    Required,
    Excluded,
}

/// A query clause: its operator and its words (two words are a quoted phrase).
type Clause = (Op, Vec<&'static str>);

fn vocabulary() -> Vec<&'static str> {
    ENGLISH.iter().chain(SPANISH.iter()).copied().collect()
}

fn clause() -> impl Strategy<Value = Clause> {
    let op = prop_oneof![Just(Op::Plain), Just(Op::Required), Just(Op::Excluded)];
    let words = proptest::sample::subsequence(vocabulary(), 1..=2);
    (op, words)
}

/// Articles: (Spanish?, indices of their words in that language's list).
fn articles() -> impl Strategy<Value = Vec<(bool, Vec<usize>)>> {
    proptest::collection::vec(
        (
            any::<bool>(),
            proptest::sample::subsequence((0..6).collect::<Vec<_>>(), 1..=4),
        ),
        1..=6,
    )
}

fn query_text(clauses: &[Clause]) -> String {
    clauses
        .iter()
        .map(|(op, words)| {
            let prefix = match op {
                Op::Plain => "",
                Op::Required => "+",
                Op::Excluded => "-",
            };
            if words.len() == 1 {
                format!("{prefix}{}", words[0])
            } else {
                format!("{prefix}\"{}\"", words.join(" "))
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn expected(clauses: &[Clause], words: &HashSet<&str>) -> bool {
    let holds = |c: &Clause| c.1.iter().all(|w| words.contains(w));
    let required: Vec<&Clause> = clauses.iter().filter(|c| c.0 == Op::Required).collect();
    let plain: Vec<&Clause> = clauses.iter().filter(|c| c.0 == Op::Plain).collect();
    if clauses.iter().any(|c| c.0 == Op::Excluded && holds(c)) {
        return false;
    }
    if !required.is_empty() {
        return required.iter().all(|c| holds(c));
    }
    if !plain.is_empty() {
        return plain.iter().any(|c| holds(c));
    }
    true
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn search_returns_what_the_operators_select(
        articles in articles(),
        clauses in proptest::collection::vec(clause(), 1..=3),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::create_or_open(dir.path()).unwrap();
        let day = NaiveDate::from_ymd_opt(2024, 3, 5).unwrap();
        let mut texts: Vec<(String, HashSet<&str>)> = Vec::new();
        let mut batch = Vec::new();
        for (i, (spanish, picked)) in articles.iter().enumerate() {
            let list = if *spanish { &SPANISH } else { &ENGLISH };
            let words: Vec<&str> = picked.iter().map(|&w| list[w]).collect();
            let id = format!("a{i}");
            batch.push(Article {
                id: id.clone(),
                published: day,
                title: None,
                url: None,
                source: Some("test".into()),
                language: Some(if *spanish { "es" } else { "en" }.into()),
                // The number keeps texts apart: an exact duplicate is not stored.
                text: format!("{} {i} .", words.join(" ")),
            });
            texts.push((id, words.into_iter().collect()));
        }
        store.ingest(batch).unwrap();
        let query = query_text(&clauses);
        let found: HashSet<String> = store
            .search(&query, Window::default(), 100)
            .unwrap()
            .into_iter()
            .map(|h| h.id)
            .collect();
        let wanted: HashSet<String> = texts
            .iter()
            .filter(|(_, words)| expected(&clauses, words))
            .map(|(id, _)| id.clone())
            .collect();
        prop_assert_eq!(found, wanted, "query {:?}", query);
    }
}
