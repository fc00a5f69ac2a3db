//! The JSON Lines interface of `chronicle tag`: one record in, the record plus its
//! `timex` list out.

use chrono::NaiveDate;
use serde_json::{Value, json};

use crate::{DocContext, Granularity, Tagger, Timex, TimexType};

/// Why a JSON Lines record could not be tagged.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum RecordError {
    #[error("not valid JSON: {0}")]
    Json(String),
    #[error("expected a JSON object")]
    NotObject,
    #[error("missing string field \"text\"")]
    NoText,
    #[error("missing string field \"pub_date\" (YYYY-MM-DD)")]
    NoPubDate,
    #[error("bad \"pub_date\" {0:?}: expected YYYY-MM-DD")]
    BadPubDate(String),
}

/// Lowercase name of a granularity, as `chronicle tag` writes it.
pub fn granularity_name(g: Granularity) -> &'static str {
    match g {
        Granularity::Time => "time",
        Granularity::Day => "day",
        Granularity::Week => "week",
        Granularity::Month => "month",
        Granularity::Quarter => "quarter",
        Granularity::Season => "season",
        Granularity::Year => "year",
        Granularity::Decade => "decade",
        Granularity::Century => "century",
    }
}

/// Lowercase name of a type.
pub fn type_name(k: TimexType) -> &'static str {
    match k {
        TimexType::Date => "date",
        TimexType::Time => "time",
        TimexType::Duration => "duration",
        TimexType::Set => "set",
    }
}

/// `{"start","end","text","value","granularity","type"}`.
pub fn timex_json(t: &Timex) -> Value {
    json!({
        "start": t.start,
        "end": t.end,
        "text": t.text,
        "value": t.value,
        "granularity": granularity_name(t.granularity),
        "type": type_name(t.kind),
    })
}

/// Parses a `YYYY-MM-DD` date.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

/// Tags one JSON Lines record: the object with `text` and `pub_date`, every other field
/// passed through, plus `"timex": [...]`.
pub fn tag_record(tagger: &Tagger, line: &str) -> Result<Value, RecordError> {
    tag_record_in(tagger, line, &mut Records::default())
}

/// The document context of a stream of JSON Lines records: consecutive records with the
/// same string field `doc` are one document's sentences, tagged in order with one
/// [`DocContext`]; a record without `doc` is tagged alone.
#[derive(Debug, Default)]
pub struct Records {
    doc: Option<String>,
    context: DocContext,
}

/// [`tag_record`] for the next record of a stream (see [`Records`]).
pub fn tag_record_in(
    tagger: &Tagger,
    line: &str,
    records: &mut Records,
) -> Result<Value, RecordError> {
    let v: Value = serde_json::from_str(line).map_err(|e| RecordError::Json(e.to_string()))?;
    let Value::Object(mut obj) = v else {
        return Err(RecordError::NotObject);
    };
    let text = match obj.get("text") {
        Some(Value::String(s)) => s.clone(),
        _ => return Err(RecordError::NoText),
    };
    let date = match obj.get("pub_date") {
        Some(Value::String(s)) => {
            parse_date(s).ok_or_else(|| RecordError::BadPubDate(s.clone()))?
        }
        _ => return Err(RecordError::NoPubDate),
    };
    let doc = match obj.get("doc") {
        Some(Value::String(d)) => Some(d.clone()),
        _ => None,
    };
    if doc.is_none() || doc != records.doc {
        records.context = DocContext::new();
        records.doc = doc;
    }
    let timexes: Vec<Value> = tagger
        .tag_in_context(&text, date, &mut records.context)
        .iter()
        .map(timex_json)
        .collect();
    obj.insert("timex".into(), Value::Array(timexes));
    Ok(Value::Object(obj))
}

/// Tags plain text: one JSON object per expression.
pub fn tag_plain(tagger: &Tagger, text: &str, reference: NaiveDate) -> Vec<Value> {
    tagger.tag(text, reference).iter().map(timex_json).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_text::Language;

    #[test]
    fn record_passes_fields_through() {
        let t = Tagger::new(Language::English);
        let v = tag_record(
            &t,
            r#"{"id": 7, "text": "It rained yesterday.", "pub_date": "2011-03-18"}"#,
        )
        .unwrap();
        assert_eq!(v["id"], 7);
        assert_eq!(v["timex"][0]["value"], "2011-03-17");
        assert_eq!(v["timex"][0]["granularity"], "day");
        assert_eq!(v["timex"][0]["type"], "date");
        assert_eq!(v["timex"][0]["start"], 10);
    }

    #[test]
    fn records_of_one_doc_share_context() {
        let t = Tagger::new(Language::English);
        let mut r = Records::default();
        let a = r#"{"doc": "d", "text": "It sank on April 22.", "pub_date": "2010-05-01"}"#;
        let b = r#"{"doc": "d", "text": "Two days later, oil came.", "pub_date": "2010-05-01"}"#;
        let c = r#"{"doc": "e", "text": "Two days later, oil came.", "pub_date": "2010-05-01"}"#;
        tag_record_in(&t, a, &mut r).unwrap();
        assert_eq!(
            tag_record_in(&t, b, &mut r).unwrap()["timex"][0]["value"],
            "2010-04-24"
        );
        assert_eq!(
            tag_record_in(&t, c, &mut r).unwrap()["timex"][0]["value"],
            "XXXX-XX-XX"
        );
        // Without `doc`, each record stands alone.
        let mut r = Records::default();
        tag_record_in(&t, &a.replace(r#""doc": "d", "#, ""), &mut r).unwrap();
        let v = tag_record_in(&t, &b.replace(r#""doc": "d", "#, ""), &mut r).unwrap();
        assert_eq!(v["timex"][0]["value"], "XXXX-XX-XX");
    }

    #[test]
    fn record_errors() {
        let t = Tagger::new(Language::English);
        assert!(matches!(tag_record(&t, "{"), Err(RecordError::Json(_))));
        assert_eq!(tag_record(&t, "[1]"), Err(RecordError::NotObject));
        assert_eq!(
            tag_record(&t, r#"{"pub_date": "2011-01-01"}"#),
            Err(RecordError::NoText)
        );
        assert_eq!(
            tag_record(&t, r#"{"text": "x"}"#),
            Err(RecordError::NoPubDate)
        );
        assert!(matches!(
            tag_record(&t, r#"{"text": "x", "pub_date": "2011-13-01"}"#),
            Err(RecordError::BadPubDate(_))
        ));
    }
}
