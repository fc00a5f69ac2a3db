//! ROUGE-1.5.5's own stemming (`MorphStem` with the WordNet-2.0 exception DB, applied
//! to tokens longer than 3 characters), as run by Perl on a vocabulary of news words and
//! WordNet base forms. Each line: token, TAB, what ROUGE makes of it.

use chronicle_eval::stem::stem_token;

#[test]
fn matches_perl_rouge_stems() {
    let golden = include_str!("fixtures/rouge_stems.tsv");
    let mut n = 0;
    let mut wrong = Vec::new();
    for line in golden.lines() {
        let Some((token, want)) = line.split_once('\t') else {
            panic!("bad line {line:?}");
        };
        n += 1;
        let got = stem_token(token);
        if got != want {
            wrong.push(format!("{token}: got {got}, want {want}"));
        }
    }
    assert!(n > 5000, "golden file too small: {n}");
    assert!(
        wrong.is_empty(),
        "{} of {n} differ:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
