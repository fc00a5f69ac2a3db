//! Fuzzes timeline-file reading and scoring: any bytes parse to a timeline (with
//! warnings), and scoring it against itself and an empty timeline stays in [0, 1].
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let parsed = chronicle_eval::parse_timeline(&text, None);
    let empty = chronicle_eval::parse_timeline("", None).timeline;
    for scores in [
        chronicle_eval::evaluate(&parsed.timeline, &parsed.timeline),
        chronicle_eval::evaluate(&parsed.timeline, &empty),
        chronicle_eval::evaluate(&empty, &parsed.timeline),
    ] {
        let json = serde_json::to_string(&scores).unwrap();
        assert!(!json.contains("NaN"), "{json}");
    }
});
