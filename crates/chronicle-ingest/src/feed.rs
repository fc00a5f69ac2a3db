//! RSS and Atom feeds (`feed-rs`): one article per entry, with the entry's text (content,
//! else summary, HTML stripped), publication (else update) date, title, link and id.

use crate::html::paragraphs;
use crate::jsonl::JsonArticle;

/// Reads a feed: one result per entry (an entry without date or text is an `Err` naming
/// it). The whole feed is an `Err` when it does not parse.
///
/// ```
/// let rss = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Herald</title>
///   <link>https://herald.example/</link>
///   <item><title>Dam fails</title><link>https://herald.example/dam</link><guid>h-1</guid>
///     <pubDate>Mon, 04 Mar 2024 08:00:00 GMT</pubDate>
///     <description>The old dam failed on Sunday.</description></item>
/// </channel></rss>"#;
/// let entries = chronicle_ingest::parse_feed(rss.as_bytes()).unwrap();
/// let a = entries[0].as_ref().unwrap();
/// assert_eq!((a.id.as_deref(), a.date.to_string().as_str()), (Some("h-1"), "2024-03-04"));
/// assert_eq!(a.text, "The old dam failed on Sunday.");
/// ```
pub fn parse_feed(bytes: &[u8]) -> Result<Vec<Result<JsonArticle, String>>, String> {
    let feed =
        feed_rs::parser::parse(bytes).map_err(|e| format!("not a readable RSS/Atom feed: {e}"))?;
    let feed_source = feed
        .title
        .as_ref()
        .map(|t| t.content.trim().to_string())
        .filter(|t| !t.is_empty())
        .or_else(|| feed.links.first().and_then(|l| crate::url_host(&l.href)));
    Ok(feed
        .entries
        .into_iter()
        .enumerate()
        .map(|(i, entry)| {
            let name = format!("feed entry {} ({})", i + 1, entry.id);
            let date = entry
                .published
                .or(entry.updated)
                .map(|d| d.date_naive())
                .ok_or_else(|| format!("{name}: no publication date"))?;
            let raw = entry
                .content
                .and_then(|c| c.body)
                .filter(|b| !b.trim().is_empty())
                .or_else(|| entry.summary.map(|s| s.content))
                .unwrap_or_default();
            let text = strip_html(&raw);
            if text.is_empty() {
                return Err(format!("{name}: no text"));
            }
            let url = entry.links.first().map(|l| l.href.clone());
            Ok(JsonArticle {
                id: Some(entry.id).filter(|id| !id.trim().is_empty()),
                date,
                title: entry
                    .title
                    .map(|t| strip_html(&t.content))
                    .filter(|t| !t.is_empty()),
                source: feed_source
                    .clone()
                    .or_else(|| url.as_deref().and_then(crate::url_host)),
                url,
                language: None,
                text,
            })
        })
        .collect())
}

/// Text of an HTML fragment (plain text passes through).
fn strip_html(s: &str) -> String {
    if !s.contains('<') && !s.contains('&') {
        return paragraphs(s);
    }
    let doc = dom_query::Document::fragment(s);
    let mut blocks = Vec::new();
    let paras = doc.select("p");
    if paras.length() > 0 {
        for p in paras.iter() {
            blocks.push(p.text().to_string());
        }
    } else {
        blocks.push(doc.root().text().to_string());
    }
    paragraphs(&blocks.join("\n"))
}
