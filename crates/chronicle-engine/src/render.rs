//! Rendering a timeline as text, Markdown, JSON or the tilse timeline format.

use std::fmt::Write as _;
use std::str::FromStr;

use crate::timeline::{SourceRef, Timeline};

/// Output formats.
///
/// ```
/// use chronicle_engine::Format;
/// assert_eq!("markdown".parse::<Format>().unwrap(), Format::Markdown);
/// assert!("yaml".parse::<Format>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Human-readable plain text.
    #[default]
    Text,
    Markdown,
    /// Chronicle's JSON (see the README for the schema).
    Json,
    /// The tilse timeline text format used by TLS datasets and scorers.
    Tilse,
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "text" | "txt" => Ok(Format::Text),
            "markdown" | "md" => Ok(Format::Markdown),
            "json" => Ok(Format::Json),
            "tilse" => Ok(Format::Tilse),
            other => Err(format!(
                "unknown format '{other}' (expected text, markdown, json or tilse)"
            )),
        }
    }
}

/// Renders `timeline` in `format`. The result ends with a newline.
pub fn render(timeline: &Timeline, format: Format) -> String {
    match format {
        Format::Text => text(timeline),
        Format::Markdown => markdown(timeline),
        Format::Json => json(timeline),
        Format::Tilse => tilse(timeline),
    }
}

fn window_label(timeline: &Timeline) -> String {
    match (timeline.window.from, timeline.window.to) {
        (Some(from), Some(to)) => format!("{from} to {to}"),
        _ => "no articles".to_string(),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "12 articles", or "12 articles (the most relevant of about 3400 matching)" when a
/// store read only part of the topic.
fn articles_label(timeline: &Timeline) -> String {
    let articles = plural(timeline.articles, "article", "articles");
    match timeline.matched_articles {
        Some(matched) => format!("{articles} (the most relevant of about {matched} matching)"),
        None => articles,
    }
}

fn source_label(source: &SourceRef) -> String {
    match &source.source {
        Some(name) => format!("{name} ({})", source.article),
        None => source.article.clone(),
    }
}

fn text(timeline: &Timeline) -> String {
    let mut out = format!(
        "Timeline {}: {}, {}\n",
        window_label(timeline),
        articles_label(timeline),
        plural(timeline.dates.len(), "date", "dates"),
    );
    for entry in &timeline.dates {
        let _ = writeln!(
            out,
            "\n{}  ({})",
            entry.date,
            plural(entry.reports, "report", "reports")
        );
        for sentence in &entry.sentences {
            let _ = writeln!(out, "  * {}", sentence.text);
            let sources: Vec<String> = sentence.sources.iter().map(source_label).collect();
            let _ = writeln!(out, "    sources: {}", sources.join("; "));
        }
    }
    out
}

fn markdown(timeline: &Timeline) -> String {
    let mut out = format!(
        "# Timeline\n\n_{} · {} · {}_\n",
        window_label(timeline),
        articles_label(timeline),
        plural(timeline.dates.len(), "date", "dates"),
    );
    for entry in &timeline.dates {
        let _ = writeln!(
            out,
            "\n## {}\n\n_{}_\n",
            entry.date,
            plural(entry.reports, "report", "reports")
        );
        for sentence in &entry.sentences {
            let sources: Vec<String> = sentence
                .sources
                .iter()
                .map(|s| {
                    let label = escape_markdown(&source_label(s));
                    match &s.url {
                        Some(url) => format!("[{label}](<{url}>)"),
                        None => label,
                    }
                })
                .collect();
            let _ = writeln!(
                out,
                "- {}  \n  Sources: {}",
                escape_markdown(&sentence.text),
                sources.join(" · ")
            );
        }
    }
    out
}

fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn json(timeline: &Timeline) -> String {
    // Serialising plain data with string keys cannot fail.
    let mut out = serde_json::to_string_pretty(timeline).unwrap_or_default();
    out.push('\n');
    out
}

fn tilse(timeline: &Timeline) -> String {
    let mut out = String::new();
    for (i, entry) in timeline.dates.iter().enumerate() {
        if i > 0 {
            out.push_str(&"-".repeat(32));
            out.push('\n');
        }
        let _ = writeln!(out, "{}", entry.date);
        for sentence in &entry.sentences {
            let _ = writeln!(out, "{}", sentence.text);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::{DateEntry, SummarySentence, Window};
    use chrono::NaiveDate;

    fn sample() -> Timeline {
        let day = |d| NaiveDate::from_ymd_opt(2024, 3, d).unwrap();
        let source = |id: &str, name: Option<&str>| SourceRef {
            article: id.into(),
            source: name.map(String::from),
            url: name.map(|n| format!("https://{n}/{id}")),
            title: None,
            published: day(4),
        };
        Timeline {
            window: Window {
                from: Some(day(1)),
                to: Some(day(9)),
            },
            articles: 3,
            matched_articles: None,
            dates: vec![
                DateEntry {
                    date: day(3),
                    granularity: "day",
                    score: 2.5,
                    reports: 2,
                    sentences: vec![SummarySentence {
                        text: "The *old* dam failed.".into(),
                        article: "a".into(),
                        sources: vec![source("a", Some("herald.example")), source("b", None)],
                    }],
                },
                DateEntry {
                    date: day(9),
                    granularity: "day",
                    score: 1.0,
                    reports: 1,
                    sentences: vec![SummarySentence {
                        text: "An inquiry opened.".into(),
                        article: "c".into(),
                        sources: vec![source("c", None)],
                    }],
                },
            ],
            volume: Vec::new(),
        }
    }

    #[test]
    fn tilse_format_separates_dates_with_dashes() {
        assert_eq!(
            render(&sample(), Format::Tilse),
            "2024-03-03\nThe *old* dam failed.\n--------------------------------\n2024-03-09\nAn inquiry opened.\n"
        );
    }

    #[test]
    fn json_has_the_documented_shape() {
        let value: serde_json::Value =
            serde_json::from_str(&render(&sample(), Format::Json)).unwrap();
        assert_eq!(value["window"]["from"], "2024-03-01");
        assert_eq!(value["articles"], 3);
        assert!(
            value.get("matched_articles").is_none(),
            "absent unless capped"
        );
        let first = &value["dates"][0];
        assert_eq!(first["date"], "2024-03-03");
        assert_eq!(first["granularity"], "day");
        assert_eq!(first["sentences"][0]["article"], "a");
        assert_eq!(first["sentences"][0]["sources"][1]["article"], "b");
        assert_eq!(
            first["sentences"][0]["sources"][0]["source"],
            "herald.example"
        );
    }

    #[test]
    fn text_and_markdown_list_sources() {
        let text = render(&sample(), Format::Text);
        assert!(text.contains("sources: herald.example (a); b"), "{text}");
        let md = render(&sample(), Format::Markdown);
        assert!(md.contains("The \\*old\\* dam failed."), "{md}");
        assert!(
            md.contains("[herald.example (a)](<https://herald.example/a>)"),
            "{md}"
        );
    }

    #[test]
    fn a_capped_timeline_says_how_many_articles_matched() {
        let mut timeline = sample();
        timeline.matched_articles = Some(3400);
        let value: serde_json::Value =
            serde_json::from_str(&render(&timeline, Format::Json)).unwrap();
        assert_eq!(value["matched_articles"], 3400);
        let text = render(&timeline, Format::Text);
        assert!(
            text.contains("3 articles (the most relevant of about 3400 matching)"),
            "{text}"
        );
        let md = render(&timeline, Format::Markdown);
        assert!(md.contains("of about 3400 matching"), "{md}");
    }
}
