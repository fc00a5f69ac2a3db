//! Property tests: scores stay in [0, 1], a timeline matches itself, parsing never panics.

use chronicle_eval::rouge::rouge_counts;
use chronicle_eval::timeline::{parse_timeline, to_tilse_string};
use chronicle_eval::tokenize::{TokenRule, rouge_tokens, tokens_with};
use chronicle_eval::{Task, Timeline, evaluate};
use chrono::NaiveDate;
use proptest::prelude::*;

fn sentence() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        "[a-zA-Z]{1,10}",
        Just("oil-spill".to_string()),
        Just("$5bn".to_string()),
        Just("'s".to_string()),
        Just("children".to_string()),
        Just("ran".to_string()),
        Just("café".to_string()),
        Just("<".to_string()),
        Just("^".to_string()),
        Just(",".to_string()),
        "[0-9]{1,4}",
        "\\PC{1,3}",
    ];
    prop::collection::vec(word, 0..12).prop_map(|w| w.join(" "))
}

fn timeline() -> impl Strategy<Value = Timeline> {
    prop::collection::btree_map(
        (0i64..120).prop_map(|d| {
            NaiveDate::from_ymd_opt(2011, 1, 1).expect("valid date") + chrono::Duration::days(d)
        }),
        prop::collection::vec(sentence(), 0..4),
        0..10,
    )
}

fn in_unit(x: f64) -> bool {
    (0.0..=1.0).contains(&x)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]
    #[test]
    fn all_scores_in_unit_interval(pred in timeline(), gold in timeline()) {
        let s = evaluate(&pred, &gold);
        for (name, prf) in s.entries() {
            prop_assert!(in_unit(prf.precision) && in_unit(prf.recall) && in_unit(prf.f_score),
                "{name}: {prf:?}");
        }
    }

    #[test]
    fn timeline_against_itself(tl in timeline()) {
        let s = evaluate(&tl, &tl);
        let sentences: Vec<String> = tl.values().flatten().cloned().collect();
        let [r1, r2] = rouge_counts(&sentences, &sentences);
        if r1.peer > 0 {
            prop_assert_eq!(s.concat_rouge_1.f_score, 1.0);
        }
        if r2.peer > 0 {
            prop_assert_eq!(s.concat_rouge_2.f_score, 1.0);
        }
        if !tl.is_empty() {
            prop_assert_eq!(s.date.f_score, 1.0);
        }
    }

    #[test]
    fn parser_never_panics(text in "\\PC*") {
        let _ = parse_timeline(&text, None);
    }

    #[test]
    fn parser_never_panics_on_timeline_like_text(
        lines in prop::collection::vec(prop_oneof![
            Just("--------------------------------".to_string()),
            "20[0-9]{2}-[0-9]{1,2}-[0-9]{1,2}",
            "[ \\t]*2010-0[1-9]-[0-3][0-9][ \\t]*",
            "\\PC{0,20}",
            Just(String::new()),
        ], 0..30),
        sep in prop_oneof![Just("\n"), Just("\r\n"), Just("\r"), Just("\u{2028}")],
    ) {
        let _ = parse_timeline(&lines.join(sep), None);
    }

    #[test]
    fn written_timelines_read_back(tl in timeline()) {
        // Sentences are normalized on write (white space runs collapse, empty ones dropped).
        let text = to_tilse_string(&tl);
        let back = parse_timeline(&text, None);
        prop_assert_eq!(back.timeline.len(), tl.len());
        prop_assert_eq!(to_tilse_string(&back.timeline), text);
    }
}

proptest! {
    #[test]
    fn stemmer_and_tokenizer_never_panic(word in "\\PC{0,12}") {
        let _ = chronicle_eval::stem::porter_stem(&word);
        let _ = chronicle_eval::stem::stem_token(&word);
        let _ = chronicle_eval::tokenize::rouge_tokens(&word);
        let _ = chronicle_eval::tokenize::similarity_tokens(&word);
    }
}

proptest! {
    // On ASCII text the Unicode token rule is ROUGE-1.5.5's, so it can be used on an
    // English dataset without changing its numbers.
    #[test]
    fn unicode_tokens_equal_rouge_tokens_on_ascii(s in "[ -~]{0,80}") {
        prop_assert_eq!(tokens_with(&s, TokenRule::Unicode), rouge_tokens(&s));
    }

    // Any text under the Unicode rule: scores in [0, 1], a timeline matches itself.
    #[test]
    fn unicode_rule_scores_stay_in_unit(pred in timeline(), gold in timeline()) {
        let task = Task::with_tokens(&pred, &gold, TokenRule::Unicode);
        let s = task.scores();
        for (_, prf) in s.entries() {
            prop_assert!(in_unit(prf.precision) && in_unit(prf.recall) && in_unit(prf.f_score));
        }
        let own = Task::with_tokens(&gold, &gold, TokenRule::Unicode).scores();
        if gold.values().flatten().any(|x| !tokens_with(x, TokenRule::Unicode).is_empty()) {
            prop_assert!((own.concat_rouge_1.f_score - 1.0).abs() < 1e-9);
        }
    }
}
