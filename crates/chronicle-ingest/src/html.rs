//! HTML pages: the main text by readability extraction (`dom_smoothie`, a port of
//! Mozilla's Readability), the publication date from metadata.
//!
//! The date is, in order: `<meta property="article:published_time">` (and the other
//! publication-time meta tags Readability knows), JSON-LD `datePublished`, then the first
//! `<time datetime="…">`. A page without any is an error, never a guess.

use chrono::NaiveDate;

use crate::jsonl::{JsonArticle, parse_iso_date};

/// Reads one HTML page into an article record (without an id: the caller names it).
///
/// ```
/// let page = r#"<html><head><title>Dam fails</title>
///   <meta property="article:published_time" content="2024-03-04T08:00:00Z"></head>
///   <body><article><h1>Dam fails</h1><p>The old dam failed on Sunday, flooding the lower
///   valley. Thousands of residents left their homes as the water rose through the night,
///   officials said, and rescue teams worked until dawn.</p></article></body></html>"#;
/// let a = chronicle_ingest::parse_html(page).unwrap();
/// assert_eq!(a.date.to_string(), "2024-03-04");
/// assert!(a.text.contains("The old dam failed"));
/// ```
pub fn parse_html(html: &str) -> Result<JsonArticle, String> {
    let time_tag = {
        let doc = dom_query::Document::from(html);
        let times = doc.select("time[datetime]");
        times
            .iter()
            .filter_map(|t| t.attr("datetime").map(|v| v.to_string()))
            .find_map(|v| parse_any_date(&v))
    };
    let mut readability = dom_smoothie::Readability::new(html, None, None)
        .map_err(|e| format!("cannot read the HTML page: {e}"))?;
    let article = readability
        .parse()
        .map_err(|e| format!("no article text found in the HTML page: {e}"))?;
    let date = article
        .published_time
        .as_deref()
        .and_then(parse_any_date)
        .or(time_tag)
        .ok_or_else(|| {
            "no publication date in the HTML page (looked for article:published_time, \
             JSON-LD datePublished and <time datetime>)"
                .to_string()
        })?;
    let text = paragraphs(&article.text_content);
    if text.is_empty() {
        return Err("no article text found in the HTML page".into());
    }
    let title = Some(article.title.trim().to_string()).filter(|t| !t.is_empty());
    let url = article.url.filter(|u| u.starts_with("http"));
    let source = article
        .site_name
        .filter(|s| !s.trim().is_empty())
        .or_else(|| url.as_deref().and_then(crate::url_host));
    Ok(JsonArticle {
        id: None,
        date,
        title,
        url,
        source,
        language: article
            .lang
            .map(|l| l.split(['-', '_']).next().unwrap_or("").to_lowercase())
            .filter(|l| !l.is_empty()),
        text,
    })
}

/// An ISO 8601 date or datetime, or an RFC 2822 datetime.
pub(crate) fn parse_any_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    parse_iso_date(s).or_else(|| {
        chrono::DateTime::parse_from_rfc2822(s)
            .ok()
            .map(|d| d.date_naive())
    })
}

/// Extracted text as paragraphs: lines trimmed, runs of spaces collapsed, blank lines
/// between blocks.
pub(crate) fn paragraphs(text: &str) -> String {
    text.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "<p>The old dam failed on Sunday, flooding the lower valley. Thousands \
        of residents left their homes as the water rose through the night, officials said, \
        and rescue teams worked until dawn to reach the last of them.</p>";

    #[test]
    fn date_from_json_ld_or_time_tag_and_missing_date_is_an_error() {
        let ld = format!(
            r#"<html><head><script type="application/ld+json">
            {{"@context":"https://schema.org","@type":"NewsArticle","headline":"Dam fails",
              "datePublished":"2024-03-05T10:00:00+01:00"}}</script></head>
            <body><article>{BODY}</article></body></html>"#
        );
        assert_eq!(parse_html(&ld).unwrap().date.to_string(), "2024-03-05");
        let time = format!(
            r#"<html><body><article><time datetime="2024-03-06">6 March</time>{BODY}</article></body></html>"#
        );
        assert_eq!(parse_html(&time).unwrap().date.to_string(), "2024-03-06");
        let none = format!("<html><body><article>{BODY}</article></body></html>");
        assert!(
            parse_html(&none)
                .unwrap_err()
                .contains("no publication date")
        );
        assert!(parse_html("").is_err());
    }
}
