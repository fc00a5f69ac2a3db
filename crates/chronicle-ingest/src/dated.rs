//! Dated text files (the seeds' format): a `date YYYY-MM-DD [rest]` first line, then the body.

use chrono::NaiveDate;

/// The first line of a dated text file, split into its date and the rest of the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateLine<'a> {
    /// The publication date.
    pub date: NaiveDate,
    /// What follows the date on the line, trimmed; empty when nothing does.
    pub rest: &'a str,
}

/// Why a line is not a valid date line.
///
/// ```
/// use chronicle_ingest::{DateLineError, parse_date_line};
/// assert_eq!(parse_date_line("date 2023-02-30"), Err(DateLineError::BadDate("2023-02-30".into())));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateLineError {
    /// The line does not start with the word `date` followed by white space.
    #[error("the first line does not start with `date YYYY-MM-DD`")]
    NoDateLine,
    /// The word `date` is there, but what follows is not a valid `YYYY-MM-DD` date.
    #[error("unparsable date {0:?} on the date line: expected a real date as YYYY-MM-DD")]
    BadDate(String),
}

/// Parses a date line: optional white space, `date` (any case), white space, `YYYY-MM-DD`,
/// then an optional rest separated by white space.
///
/// ```
/// use chronicle_ingest::parse_date_line;
/// let line = parse_date_line(" date 2023-12-31 https://example.com/a").unwrap();
/// assert_eq!(line.date.to_string(), "2023-12-31");
/// assert_eq!(line.rest, "https://example.com/a");
/// assert!(parse_date_line("Hello world").is_err());
/// ```
pub fn parse_date_line(line: &str) -> Result<DateLine<'_>, DateLineError> {
    let line = line.strip_prefix('\u{feff}').unwrap_or(line).trim_start();
    let keyword = line.get(..4).ok_or(DateLineError::NoDateLine)?;
    if !keyword.eq_ignore_ascii_case("date") {
        return Err(DateLineError::NoDateLine);
    }
    let after = &line[4..];
    if !after.starts_with(char::is_whitespace) {
        return Err(DateLineError::NoDateLine);
    }
    let after = after.trim_start();
    let end = after.find(char::is_whitespace).unwrap_or(after.len());
    let token = &after[..end];
    // A datetime (`2023-12-31T14:40:00+03:00`) is accepted too: its date is what matters.
    let date = parse_ymd(token)
        .or_else(|| crate::jsonl::parse_iso_date(token))
        .ok_or_else(|| DateLineError::BadDate(token.to_string()))?;
    Ok(DateLine {
        date,
        rest: after[end..].trim(),
    })
}

/// Strict `YYYY-MM-DD` (chrono's `%m` would also take `2010-4-2`; inputs are ISO).
pub(crate) fn parse_ymd(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
        })
    };
    let year = i32::try_from(digits(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, digits(5..7)?, digits(8..10)?)
}

/// What the rest of the date line is.
///
/// ```
/// use chronicle_ingest::{Rest, classify_rest};
/// assert_eq!(classify_rest("https://bbc.co.uk/1"), Rest::Url("https://bbc.co.uk/1"));
/// assert_eq!(classify_rest("Putin and Xi exchange greetings"), Rest::Title("Putin and Xi exchange greetings"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rest<'a> {
    /// Nothing after the date.
    Empty,
    /// The article's URL.
    Url(&'a str),
    /// A headline.
    Title(&'a str),
    /// The first words of the body.
    Body(&'a str),
}

/// Classifies the rest of a date line.
///
/// A line ending in sentence punctuation with more than a dozen words, or any line too
/// long for a headline, starts the body: headlines rarely end with a full stop, and
/// misreading the body's first sentence as a title would drop it from the text.
pub fn classify_rest(rest: &str) -> Rest<'_> {
    let rest = rest.trim();
    if rest.is_empty() {
        Rest::Empty
    } else if url_host(rest).is_some() {
        Rest::Url(rest)
    } else {
        let words = rest.split_whitespace().count();
        if (ends_sentence(rest) && words > 12)
            || words > 40
            || rest.chars().count() > 300
            || is_timestamp(rest)
        {
            Rest::Body(rest)
        } else {
            Rest::Title(rest)
        }
    }
}

/// True for a short dateline such as `31 Dec 2023 in 14:40 (UTC+3 MSK)`: a clock time in a
/// few words. It is no headline, so it stays with the body rather than become the title.
fn is_timestamp(s: &str) -> bool {
    let clock = s.as_bytes().windows(5).any(|w| {
        w[0].is_ascii_digit()
            && w[1].is_ascii_digit()
            && w[2] == b':'
            && w[3].is_ascii_digit()
            && w[4].is_ascii_digit()
    }) || s.as_bytes().windows(4).any(|w| {
        w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit() && w[3].is_ascii_digit()
    });
    clock && s.split_whitespace().count() <= 8
}

/// True when `s` ends like a sentence (`.`, `!`, `?`, `…`, possibly inside closing quotes).
fn ends_sentence(s: &str) -> bool {
    let s = s.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»']);
    s.ends_with(['.', '!', '?', '…'])
}

/// The host of an `http(s)://` URL without `www.`, lowercased; `None` when `s` is not one.
///
/// ```
/// use chronicle_ingest::url_host;
/// assert_eq!(url_host("https://www.BBC.co.uk/news/1").as_deref(), Some("bbc.co.uk"));
/// assert_eq!(url_host("not a url"), None);
/// ```
pub fn url_host(s: &str) -> Option<String> {
    if s.contains(char::is_whitespace) {
        return None;
    }
    let lower = s.get(..8).map(str::to_ascii_lowercase).unwrap_or_default();
    let after = if lower.starts_with("https://") {
        &s[8..]
    } else if lower.starts_with("http://") {
        &s[7..]
    } else {
        return None;
    };
    let authority = after.split(['/', '?', '#']).next().unwrap_or("");
    let host_port = authority.rsplit('@').next().unwrap_or("");
    let host = host_port
        .split(':')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    (!host.is_empty() && host.contains('.') || host == "localhost").then(|| host.to_string())
}

/// An article read from a dated text file, before it gets an id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedText {
    /// Publication date from the date line.
    pub date: NaiveDate,
    /// Headline, from the date line or the line after a URL.
    pub title: Option<String>,
    /// URL from the date line.
    pub url: Option<String>,
    /// URL host without `www.`.
    pub source: Option<String>,
    /// Body text; never empty.
    pub text: String,
}

/// Why a dated text file cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DatedTextError {
    /// The first line is not a usable date line.
    #[error(transparent)]
    DateLine(#[from] DateLineError),
    /// Nothing but the date line (and maybe a URL or headline).
    #[error("no article text after the date line")]
    EmptyBody,
}

/// Parses a whole dated text file.
///
/// ```
/// use chronicle_ingest::parse_dated_text;
/// let a = parse_dated_text("date 2024-02-08 https://www.unn.ua/x\nXi calls Putin\nThey talked.\n").unwrap();
/// assert_eq!(a.source.as_deref(), Some("unn.ua"));
/// assert_eq!(a.title.as_deref(), Some("Xi calls Putin"));
/// assert_eq!(a.text, "Xi calls Putin\nThey talked.");
/// ```
pub fn parse_dated_text(content: &str) -> Result<DatedText, DatedTextError> {
    let (first, body) = content.split_once('\n').unwrap_or((content, ""));
    let line = parse_date_line(first.trim_end_matches('\r'))?;
    let body = body.trim();
    let mut article = DatedText {
        date: line.date,
        title: None,
        url: None,
        source: None,
        text: String::new(),
    };
    match classify_rest(line.rest) {
        Rest::Empty => article.text = body.to_string(),
        Rest::Url(url) => {
            article.url = Some(url.to_string());
            article.source = url_host(url);
            article.title = title_line(body).map(str::to_string);
            article.text = body.to_string();
        }
        Rest::Title(title) => {
            article.title = Some(title.to_string());
            article.text = body.to_string();
        }
        Rest::Body(start) => {
            article.text = if body.is_empty() {
                start.to_string()
            } else {
                format!("{start}\n{body}")
            };
        }
    }
    if article.text.is_empty() {
        return Err(DatedTextError::EmptyBody);
    }
    Ok(article)
}

/// The body's first line when it reads like a headline: short, no final punctuation, and
/// more text after it. It stays in the body too: guessing wrong must not lose text.
fn title_line(body: &str) -> Option<&str> {
    let (first, more) = body.split_once('\n')?;
    let first = first.trim();
    let words = first.split_whitespace().count();
    (!more.trim().is_empty()
        && (1..=20).contains(&words)
        && first.len() <= 200
        && !ends_sentence(first))
    .then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> NaiveDate {
        parse_ymd(s).unwrap()
    }

    #[test]
    fn date_line_variants() {
        assert_eq!(
            parse_date_line("date 2023-12-31").unwrap(),
            DateLine {
                date: d("2023-12-31"),
                rest: ""
            }
        );
        assert_eq!(
            parse_date_line("\t DATE\t2023-12-31  x y ").unwrap().rest,
            "x y"
        );
        assert_eq!(
            parse_date_line("\u{feff}date 2023-12-31 a").unwrap().rest,
            "a"
        );
        let dt = parse_date_line("date 2023-12-31T14:40:00+03:00 x").unwrap();
        assert_eq!((dt.date, dt.rest), (d("2023-12-31"), "x"));
        assert_eq!(
            parse_date_line("dated 2023-12-31"),
            Err(DateLineError::NoDateLine)
        );
        assert_eq!(parse_date_line("date"), Err(DateLineError::NoDateLine));
        assert_eq!(parse_date_line(""), Err(DateLineError::NoDateLine));
        assert_eq!(
            parse_date_line("date 2023-02-30 x"),
            Err(DateLineError::BadDate("2023-02-30".into()))
        );
        assert_eq!(
            parse_date_line("date 2023-2-3"),
            Err(DateLineError::BadDate("2023-2-3".into()))
        );
        assert_eq!(parse_date_line("date"), Err(DateLineError::NoDateLine),);
    }

    #[test]
    fn rest_classification() {
        assert_eq!(classify_rest(""), Rest::Empty);
        assert_eq!(classify_rest("http://a.com/x"), Rest::Url("http://a.com/x"));
        assert_eq!(
            classify_rest("Xi says to continuously consolidate ties"),
            Rest::Title("Xi says to continuously consolidate ties")
        );
        let body = "Chinese President Xi Jinping has had a telephone conversation with Russian President Vladimir Putin, reports say.";
        assert_eq!(classify_rest(body), Rest::Body(body));
        assert_eq!(
            classify_rest("31 Dec 2023 in 14:40 (UTC+3 MSK)"),
            Rest::Body("31 Dec 2023 in 14:40 (UTC+3 MSK)")
        );
        let long = "word ".repeat(50);
        assert!(matches!(classify_rest(&long), Rest::Body(_)));
    }

    #[test]
    fn hosts() {
        assert_eq!(
            url_host("https://sputnikglobe.com/2023/x.html").as_deref(),
            Some("sputnikglobe.com")
        );
        assert_eq!(
            url_host("HTTP://user@www.Example.org:8080?q").as_deref(),
            Some("example.org")
        );
        assert_eq!(url_host("https://"), None);
        assert_eq!(url_host("ftp://a.com"), None);
        assert_eq!(url_host("https://a.com/x y"), None);
    }

    #[test]
    fn body_start_is_kept() {
        let a = parse_dated_text("date 2024-02-08 Xi had a call with Putin on the eve of the Lunar New Year, reports say.\n\nDetails\n").unwrap();
        assert_eq!(a.title, None);
        assert_eq!(
            a.text,
            "Xi had a call with Putin on the eve of the Lunar New Year, reports say.\nDetails"
        );
    }

    #[test]
    fn headline_is_title_not_body() {
        let a = parse_dated_text("date 2023-12-31 Xi says ties matter\r\n\r\nBEIJING -- Text.\r\n")
            .unwrap();
        assert_eq!(a.title.as_deref(), Some("Xi says ties matter"));
        assert_eq!(a.text, "BEIJING -- Text.");
    }

    #[test]
    fn url_then_sentence_is_not_a_title() {
        let a = parse_dated_text("date 2023-12-31 https://a.com/x\nIt rained.\nMore.").unwrap();
        assert_eq!(a.title, None);
        assert_eq!(a.source.as_deref(), Some("a.com"));
    }

    #[test]
    fn empty_bodies() {
        assert_eq!(
            parse_dated_text("date 2023-12-31\n\n  \n"),
            Err(DatedTextError::EmptyBody)
        );
        assert_eq!(
            parse_dated_text("date 2023-12-31 Only a headline"),
            Err(DatedTextError::EmptyBody)
        );
        assert_eq!(
            parse_dated_text("no date here\ntext"),
            Err(DatedTextError::DateLine(DateLineError::NoDateLine))
        );
    }

    proptest! {
        #[test]
        fn date_line_never_panics(s in "\\PC*") {
            let _ = parse_date_line(&s);
            let _ = parse_dated_text(&s);
            let _ = classify_rest(&s);
            let _ = url_host(&s);
        }

        #[test]
        fn date_line_round_trips(
            days in 0i64..200_000,
            pre in "[ \t]{0,3}",
            sep in "[ \t]{1,3}",
            rest in "[^\n\r]{0,40}",
        ) {
            let date = NaiveDate::from_ymd_opt(1600, 1, 1).unwrap() + chrono::Duration::days(days);
            let line = format!("{pre}date{sep}{date}{sep}{rest}");
            let parsed = parse_date_line(&line).unwrap();
            prop_assert_eq!(parsed.date, date);
            prop_assert_eq!(parsed.rest, rest.trim());
        }

        #[test]
        fn dated_text_keeps_body(title in "[A-Za-z][A-Za-z ]{0,30}", body in "[A-Za-z][A-Za-z .]{0,200}") {
            let a = parse_dated_text(&format!("date 2020-01-02 {title}\n{body}\n")).unwrap();
            prop_assert_eq!(a.title.as_deref(), Some(title.trim()));
            prop_assert_eq!(a.text, body.trim());
        }
    }
}
