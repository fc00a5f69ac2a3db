//! `chronicle serve`: the HTTP API and web page (crate `chronicle-server`).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context, bail};
use chronicle_server::{AppState, MemoryBackend, ServerConfig};
use chronicle_text::Language;

const EXAMPLES: &str = "\
Examples:
  chronicle serve --store examples/corpus
  chronicle serve --store ../shared/data/t17 --addr 0.0.0.0:8080 --token-file token.txt

Then open http://127.0.0.1:8080/ (the web page) or call the API:
  curl 'http://127.0.0.1:8080/api/v1/timeline?query=dam&dates=5'
  curl -H \"Authorization: Bearer $(cat token.txt)\" --data-binary @more.jsonl http://127.0.0.1:8080/api/v1/articles

For now --store DIR is a folder of input files (any format `chronicle timeline` reads),
read and analysed into memory at start; articles posted over HTTP live in memory only.
It will become the persistent store's folder when chronicle-store lands.";

#[derive(clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// Folder of articles to serve. Temporary: a folder of input files loaded into
    /// memory, until the persistent store lands.
    #[arg(long, value_name = "DIR")]
    store: PathBuf,

    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "HOST:PORT")]
    addr: SocketAddr,

    /// File holding the bearer token that POST /api/v1/articles requires. Without it,
    /// ingest over HTTP is refused (403).
    #[arg(long, value_name = "FILE")]
    token_file: Option<PathBuf>,

    /// Language of articles that do not declare one (en, es, fr, it, de, pt, nl).
    #[arg(long, default_value = "en", value_parser = super::timeline::parse_language)]
    language: Language,

    /// Timelines kept in the cache.
    #[arg(long, default_value_t = 256, value_name = "N")]
    cache: usize,

    /// Largest request body in MiB (POST /api/v1/articles).
    #[arg(long, default_value_t = 16, value_name = "MIB")]
    max_body_mib: usize,

    /// No progress messages.
    #[arg(long)]
    quiet: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let token = match &args.token_file {
        Some(path) => {
            let token = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read the token file {}", path.display()))?;
            let token = token.trim().to_string();
            if token.len() < 16 {
                bail!(
                    "the token in {} is too short: use at least 16 characters",
                    path.display()
                );
            }
            Some(token)
        }
        None => None,
    };
    if !args.store.is_dir() {
        bail!("--store {} is not a folder", args.store.display());
    }
    let spinner = super::timeline::spinner(args.quiet, "reading and analysing articles");
    let (backend, report) = MemoryBackend::load(&args.store, args.language);
    spinner.finish_and_clear();
    for problem in &report.problems {
        eprintln!("warning: {problem} (skipped)");
    }
    if !args.quiet {
        eprintln!(
            "{} articles loaded from {}",
            backend.len(),
            args.store.display()
        );
    }
    let config = ServerConfig {
        token,
        cache_entries: args.cache,
        max_body_bytes: args.max_body_mib.saturating_mul(1024 * 1024),
        ..ServerConfig::default()
    };
    let ingest = if config.token.is_some() {
        "enabled (bearer token)"
    } else {
        "disabled (no --token-file)"
    };
    let state = AppState::new(Arc::new(backend), config);
    let quiet = args.quiet;
    chronicle_server::run_blocking(args.addr, state, |addr| {
        if !quiet {
            eprintln!("listening on http://{addr}/ (POST /api/v1/articles {ingest}); Ctrl-C stops");
        }
    })
    .with_context(|| format!("cannot serve on {}", args.addr))?;
    if !quiet {
        eprintln!("stopped");
    }
    Ok(ExitCode::SUCCESS)
}
