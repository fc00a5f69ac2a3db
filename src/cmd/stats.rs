//! `chronicle stats`: what a store holds.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use chronicle_store::Store;

#[derive(clap::Args)]
pub struct Args {
    /// Store folder.
    #[arg(long, value_name = "DIR")]
    store: PathBuf,

    /// Output format: text or json.
    #[arg(long, short, default_value = "text", value_parser = ["text", "json"])]
    format: String,

    /// Sources listed in text output.
    #[arg(long, default_value_t = 10, value_name = "N")]
    top: usize,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = Store::open(&args.store)
        .with_context(|| format!("cannot open the store {}", args.store.display()))?;
    let s = store.stats()?;
    if args.format == "json" {
        println!("{}", serde_json::to_string_pretty(&s)?);
        return Ok(ExitCode::SUCCESS);
    }
    let range = match (s.first_published, s.last_published) {
        (Some(f), Some(l)) => format!("{f} to {l}"),
        _ => "-".into(),
    };
    println!("store        {}", args.store.display());
    println!("schema       version {}", s.schema_version);
    println!(
        "analysis     version {}{}",
        s.analysis_version,
        if s.analysis_version < chronicle_engine::corpus::ANALYSIS_VERSION {
            " (older than this build's: run `chronicle reanalyse` on it)"
        } else {
            ""
        }
    );
    println!(
        "articles     {} ({} near duplicates kept as sources)",
        s.articles, s.near_duplicates
    );
    println!("sentences    {}", s.sentences);
    println!("published    {range}");
    println!("indexed      {}", s.indexed);
    let langs: Vec<String> = s
        .languages
        .iter()
        .map(|(l, n)| format!("{l} {n}"))
        .collect();
    println!("languages    {}", langs.join(", "));
    println!("sources      {} distinct", s.sources.len());
    for (name, n) in s.sources.iter().take(args.top) {
        let name = if name.is_empty() { "(none)" } else { name };
        println!("  {n:>8}  {name}");
    }
    println!(
        "size         {} (database {}, index {})",
        human(s.total_bytes),
        human(s.db_bytes),
        human(s.index_bytes)
    );
    Ok(ExitCode::SUCCESS)
}

fn human(bytes: u64) -> String {
    let b = bytes as f64;
    if b >= 1024.0 * 1024.0 * 1024.0 {
        format!("{:.2} GiB", b / (1024.0 * 1024.0 * 1024.0))
    } else if b >= 1024.0 * 1024.0 {
        format!("{:.1} MiB", b / (1024.0 * 1024.0))
    } else {
        format!("{:.1} KiB", b / 1024.0)
    }
}
