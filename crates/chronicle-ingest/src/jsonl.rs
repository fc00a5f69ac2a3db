//! JSON Lines articles (generic and news-tls): one JSON object per line.

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::Value;

use crate::dated::{parse_ymd, url_host};

impl JsonArticle {
    /// The article, as the file reader makes it: text trimmed with line ends
    /// normalised, and a record without an `id` named by a hash of its date and text
    /// (so the same record read again, from a file or over HTTP, gets the same id).
    ///
    /// ```
    /// let a = chronicle_ingest::parse_json_line(r#"{"date": "2024-03-03", "text": " Dam fails. "}"#)
    ///     .unwrap()
    ///     .into_article();
    /// assert_eq!(a.text, "Dam fails.");
    /// assert_eq!(a.id.len(), 16);
    /// ```
    pub fn into_article(self) -> crate::Article {
        let text = crate::read::normalize(&self.text);
        let id = match self.id {
            Some(id) => id,
            None => crate::read::content_id(self.date, &text),
        };
        crate::Article {
            id,
            published: self.date,
            title: self.title,
            url: self.url,
            source: self.source,
            language: self.language,
            text,
        }
    }
}

/// An article read from one JSON object, before it gets a run-unique id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonArticle {
    /// The object's own `id` (a string, or a number written as text).
    pub id: Option<String>,
    /// Publication date (the date part of the ISO date or datetime, as written).
    pub date: NaiveDate,
    /// `title`.
    pub title: Option<String>,
    /// `url`.
    pub url: Option<String>,
    /// `source`, else the host of `url`.
    pub source: Option<String>,
    /// `language`.
    pub language: Option<String>,
    /// `text`, `body` or `content`; never empty.
    pub text: String,
}

/// Only the fields Chronicle uses. Serde skips every other key without building it, so
/// large precomputed annotations (news-tls `sentences`, tags) cost a scan, not allocations.
#[derive(Deserialize)]
struct Raw {
    #[serde(default)]
    id: Value,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    language: Option<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    body: Option<String>,
    #[serde(default)]
    content: Option<String>,
    #[serde(default)]
    date: Value,
    #[serde(default)]
    published: Value,
    #[serde(default)]
    pub_date: Value,
    #[serde(default)]
    time: Value,
}

/// Parses one line of JSON Lines (or one JSON object) into an article.
///
/// The error is a reason meant for the user, e.g. `missing publication date: ...`.
///
/// ```
/// use chronicle_ingest::parse_json_line;
/// let a = parse_json_line(r#"{"id": 7, "time": "2010-04-20 00:00:00", "text": "Oil spill."}"#).unwrap();
/// assert_eq!(a.id.as_deref(), Some("7"));
/// assert_eq!(a.date.to_string(), "2010-04-20");
/// assert!(parse_json_line(r#"{"text": "no date"}"#).unwrap_err().contains("missing publication date"));
/// ```
pub fn parse_json_line(line: &str) -> Result<JsonArticle, String> {
    let line = line.trim_start_matches('\u{feff}');
    if !line.trim_start().starts_with('{') {
        return Err(match serde_json::from_str::<serde::de::IgnoredAny>(line) {
            Err(e) => format!("not valid JSON: {e}"),
            Ok(_) => "expected a JSON object (one article per line)".to_string(),
        });
    }
    let raw: Raw = serde_json::from_str(line).map_err(|e| {
        if e.is_data() {
            format!("not a valid article object: {e}")
        } else {
            format!("not valid JSON: {e}")
        }
    })?;
    from_raw(raw)
}

/// Like [`parse_json_line`] for an already parsed JSON value (items of a `.json` array).
pub(crate) fn parse_json_value(value: Value) -> Result<JsonArticle, String> {
    if !value.is_object() {
        return Err("expected a JSON object".to_string());
    }
    let raw: Raw =
        serde_json::from_value(value).map_err(|e| format!("not a valid article object: {e}"))?;
    from_raw(raw)
}

fn from_raw(raw: Raw) -> Result<JsonArticle, String> {
    let text = [raw.text, raw.body, raw.content]
        .into_iter()
        .flatten()
        .find(|t| !t.trim().is_empty());
    let date_field = [
        ("date", raw.date),
        ("published", raw.published),
        ("pub_date", raw.pub_date),
        ("time", raw.time),
    ]
    .into_iter()
    .find(|(_, v)| !v.is_null());
    let (name, value) = date_field.ok_or(
        "missing publication date: expected a `date`, `published`, `pub_date` or `time` field",
    )?;
    let date = match &value {
        Value::String(s) => parse_iso_date(s).ok_or_else(|| {
            format!(
                "unparsable date {s:?} in `{name}`: expected ISO 8601, e.g. 2010-04-20 or 2010-04-20T08:30:00Z"
            )
        })?,
        other => {
            return Err(format!(
                "unparsable date {other} in `{name}`: expected an ISO 8601 string"
            ));
        }
    };
    let text = text.ok_or(
        "missing or empty article text: expected a non-empty `text`, `body` or `content` field",
    )?;
    let id = match raw.id {
        Value::Null => None,
        Value::String(s) if s.trim().is_empty() => None,
        Value::String(s) => Some(s),
        Value::Number(n) => Some(n.to_string()),
        other => return Err(format!("`id` must be a string or a number, not {other}")),
    };
    let nonempty = |s: Option<String>| s.filter(|s| !s.trim().is_empty());
    let url = nonempty(raw.url);
    let source = nonempty(raw.source).or_else(|| url.as_deref().and_then(url_host));
    Ok(JsonArticle {
        id,
        date,
        title: nonempty(raw.title),
        url,
        source,
        language: nonempty(raw.language),
        text,
    })
}

/// The date of an ISO 8601 date or datetime: `YYYY-MM-DD`, optionally followed by `T` (or a
/// space) and `HH:MM[:SS[.fff]]` with an optional `Z` or `±HH[:MM]` offset.
///
/// The date is taken as written, not shifted to UTC: a paper's publication date is its
/// local date.
///
/// ```
/// use chronicle_ingest::parse_iso_date;
/// assert_eq!(parse_iso_date("2010-04-20T23:30:00-05:00").unwrap().to_string(), "2010-04-20");
/// assert_eq!(parse_iso_date("20 April 2010"), None);
/// ```
pub fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let date = parse_ymd(s.get(..10)?)?;
    let rest = &s[10..];
    if rest.is_empty() {
        return Some(date);
    }
    let time = rest.strip_prefix(['T', 't', ' '])?;
    valid_time(time.as_bytes()).then_some(date)
}

fn valid_time(b: &[u8]) -> bool {
    let two = |i: usize, max: u8| -> bool {
        b.len() >= i + 2
            && b[i].is_ascii_digit()
            && b[i + 1].is_ascii_digit()
            && (b[i] - b'0') * 10 + (b[i + 1] - b'0') <= max
    };
    // HH:MM
    if !(two(0, 24) && b.get(2) == Some(&b':') && two(3, 59)) {
        return false;
    }
    let mut i = 5;
    if b.get(i) == Some(&b':') {
        if !two(i + 1, 60) {
            return false;
        }
        i += 3;
        if matches!(b.get(i), Some(b'.' | b',')) {
            let start = i + 1;
            i = start;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            if i == start {
                return false;
            }
        }
    }
    match &b[i..] {
        [] | [b'Z' | b'z'] => true,
        [b'+' | b'-', tz @ ..] => {
            let t = |j: usize| tz.get(j).is_some_and(u8::is_ascii_digit);
            match tz.len() {
                2 => t(0) && t(1),
                4 => (0..4).all(t),
                5 => t(0) && t(1) && tz[2] == b':' && t(3) && t(4),
                _ => false,
            }
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn iso_dates() {
        for ok in [
            "2010-04-20",
            " 2010-04-20 ",
            "2010-04-20T08:30",
            "2010-04-20 08:30:00",
            "2010-04-20T08:30:00.123456Z",
            "2010-04-20T08:30:00+01:00",
            "2010-04-20T08:30:00-0500",
            "2010-04-20T08:30:00+01",
        ] {
            assert_eq!(
                parse_iso_date(ok).unwrap().to_string(),
                "2010-04-20",
                "{ok}"
            );
        }
        for bad in [
            "",
            "2010-4-20",
            "2010-04-31",
            "2010-04-20x",
            "2010-04-20T",
            "2010-04-20T8:30",
            "2010-04-20T08:30:00.",
            "2010-04-20T08:30:00+1",
            "2010-04-20T25:00",
            "April 20, 2010",
            "2010-04-20é",
        ] {
            assert_eq!(parse_iso_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn field_alternatives_and_precedence() {
        let a = parse_json_line(
            r#"{"body": "B", "published": "2011-01-02", "url": "https://www.x.org/1", "language": "en", "title": ""}"#,
        )
        .unwrap();
        assert_eq!(a.text, "B");
        assert_eq!(a.date.to_string(), "2011-01-02");
        assert_eq!(a.source.as_deref(), Some("x.org"));
        assert_eq!(a.language.as_deref(), Some("en"));
        assert_eq!(a.title, None);
        assert_eq!(a.id, None);
        let b = parse_json_line(
            r#"{"content": "C", "pub_date": "2011-01-02", "source": "AP", "id": "a1"}"#,
        )
        .unwrap();
        assert_eq!(
            (b.text.as_str(), b.source.as_deref(), b.id.as_deref()),
            ("C", Some("AP"), Some("a1"))
        );
        let c =
            parse_json_line(r#"{"text": "", "body": "real", "date": "2011-01-02", "time": "bad"}"#)
                .unwrap();
        assert_eq!(c.text, "real");
    }

    #[test]
    fn news_tls_annotations_are_ignored() {
        let line = r#"{"id": "x", "time": "2010-04-20 00:00:00", "text": "T", "title": null,
            "sentences": [{"raw": "T", "tokens": ["T"], "time": "2010-04-20", "nested": {"a": [1, 2, {"b": null}]}}],
            "taggedtime": "<TimeML/>"}"#;
        let a = parse_json_line(line).unwrap();
        assert_eq!(
            (a.id.as_deref(), a.text.as_str(), a.title),
            (Some("x"), "T", None)
        );
    }

    #[test]
    fn bad_lines_say_why() {
        let err = |l: &str| parse_json_line(l).unwrap_err();
        assert!(err("{\"text\": ").starts_with("not valid JSON"));
        assert!(err("[1, 2]").starts_with("expected a JSON object"));
        assert!(err("hello").starts_with("not valid JSON"));
        assert!(err(r#"{"date": "2010-01-01"}"#).starts_with("missing or empty article text"));
        assert!(
            err(r#"{"date": "2010-01-01", "text": "  "}"#)
                .starts_with("missing or empty article text")
        );
        assert!(err(r#"{"text": "t"}"#).starts_with("missing publication date"));
        assert!(
            err(r#"{"text": "t", "date": "yesterday"}"#)
                .contains("unparsable date \"yesterday\" in `date`")
        );
        assert!(err(r#"{"text": "t", "date": 20100101}"#).contains("expected an ISO 8601 string"));
        assert!(
            err(r#"{"text": 5, "date": "2010-01-01"}"#).starts_with("not a valid article object")
        );
        assert!(err(r#"{"text": "t", "date": "2010-01-01", "id": [1]}"#).contains("`id` must be"));
    }

    proptest! {
        #[test]
        fn json_line_never_panics(s in "\\PC*") {
            let _ = parse_json_line(&s);
            let _ = parse_iso_date(&s);
        }

        #[test]
        fn json_line_never_panics_on_objects(
            keys in proptest::collection::vec("(id|text|body|date|time|title|url|x)", 0..6),
            vals in proptest::collection::vec("(\"[^\"\\\\]{0,12}\"|[0-9]{1,4}|null|\\[\\]|\\{\\})", 0..6),
        ) {
            let fields: Vec<String> = keys.iter().zip(&vals).map(|(k, v)| format!("\"{k}\": {v}")).collect();
            let _ = parse_json_line(&format!("{{{}}}", fields.join(", ")));
        }

        #[test]
        fn json_line_round_trips(
            days in 0i64..200_000,
            text in "\\PC*[^\\s]\\PC*",
            id in proptest::option::of("[^\\s]\\PC{0,10}"),
            title in proptest::option::of("[^\\s]\\PC{0,20}"),
            datetime in proptest::bool::ANY,
        ) {
            let date = NaiveDate::from_ymd_opt(1600, 1, 1).unwrap() + chrono::Duration::days(days);
            let when = if datetime { format!("{date}T12:34:56Z") } else { date.to_string() };
            let line = serde_json::json!({"id": id, "date": when, "text": text, "title": title}).to_string();
            let a = parse_json_line(&line).unwrap();
            prop_assert_eq!(a.date, date);
            prop_assert_eq!(a.text, text);
            prop_assert_eq!(a.id, id);
            prop_assert_eq!(a.title, title);
        }
    }
}
