//! `chronicle search`: BM25 search over a store's articles.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};
use chronicle_store::{Store, Window};
use chrono::NaiveDate;

const EXAMPLES: &str = "\
Examples:
  chronicle search --store news.store \"dam breach\"
  chronicle search --store news.store '\"oil spill\" +bp' --from 2010-04-20 --to 2010-06-30 --limit 20 --format json";

#[derive(clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// Store folder.
    #[arg(long, value_name = "DIR")]
    store: PathBuf,

    /// Query: words (any of them), "a phrase" (all its words), +required, -excluded,
    /// AND/OR/NOT, title:word; in every language.
    #[arg(value_name = "QUERY", allow_hyphen_values = true)]
    query: String,

    /// First publication day (YYYY-MM-DD).
    #[arg(long, value_parser = super::timeline::parse_date, value_name = "DATE")]
    from: Option<NaiveDate>,

    /// Last publication day (YYYY-MM-DD).
    #[arg(long, value_parser = super::timeline::parse_date, value_name = "DATE")]
    to: Option<NaiveDate>,

    /// Number of results.
    #[arg(long, short = 'l', default_value_t = 10, value_name = "N")]
    limit: usize,

    /// Output format: text or json.
    #[arg(long, short, default_value = "text", value_parser = ["text", "json"])]
    format: String,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if let (Some(f), Some(t)) = (args.from, args.to)
        && f > t
    {
        bail!("the window is empty: from {f} is after to {t}");
    }
    let store = Store::open(&args.store)
        .with_context(|| format!("cannot open the store {}", args.store.display()))?;
    super::warn_if_store_is_older(&store)?;
    let hits = store.search(&args.query, Window::between(args.from, args.to), args.limit)?;
    if args.format == "json" {
        println!("{}", serde_json::to_string_pretty(&hits)?);
        return Ok(ExitCode::SUCCESS);
    }
    if hits.is_empty() {
        eprintln!("no article matches");
    }
    for (i, h) in hits.iter().enumerate() {
        let mut line = format!("{:>3}. {:.2}  {}  {}", i + 1, h.score, h.published, h.id);
        if let Some(s) = &h.source {
            line.push_str(&format!("  [{s}]"));
        }
        if let Some(t) = &h.title {
            line.push_str(&format!("  {t}"));
        }
        if let Some(d) = &h.near_duplicate_of {
            line.push_str(&format!("  (near duplicate of {d})"));
        }
        println!("{line}");
        if let Some(s) = &h.sentence {
            println!("     {}", truncate(s, 200));
        }
        if let Some(u) = &h.url {
            println!("     {u}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    format!("{cut}…")
}
