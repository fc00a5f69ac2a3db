//! `chronicle serve`: the HTTP API and web page (crate `chronicle-server`).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context, bail};
use chronicle_server::{AppState, Backend, MemoryBackend, ServerConfig, StoreBackend};
use chronicle_store::Store;
use chronicle_text::LanguagePolicy;

const EXAMPLES: &str = "\
Examples:
  chronicle ingest --store news.store examples/corpus
  chronicle serve --store news.store
  chronicle serve --store news.store --addr 0.0.0.0:8080 --token-file token.txt
  chronicle serve examples/corpus          # no store: input files read into memory

Then open http://127.0.0.1:8080/ (the web page) or call the API:
  curl 'http://127.0.0.1:8080/api/v1/timeline?query=dam&dates=5'
  curl -H \"Authorization: Bearer $(cat token.txt)\" --data-binary @more.jsonl http://127.0.0.1:8080/api/v1/articles

With --store, articles posted over HTTP are stored (the store is opened for writing only
when --token-file is given; otherwise read-only, and `chronicle ingest` can add to it
while the server runs). Without a store, the INPUT files are read and analysed into
memory at start, and posted articles live in memory only.";

#[derive(clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// Corpus store to serve (made by `chronicle ingest --store DIR`).
    #[arg(long, value_name = "DIR", conflicts_with = "inputs")]
    store: Option<PathBuf>,

    /// Without --store: input files or folders to read into memory and serve.
    #[arg(value_name = "INPUT", required_unless_present = "store")]
    inputs: Vec<PathBuf>,

    /// With --store: a timeline reads at most this many of the topic's matching
    /// articles, the most relevant (bounds time and memory on broad topics).
    #[arg(long, value_name = "N", default_value_t = chronicle_store::DEFAULT_MAX_ARTICLES, requires = "store")]
    max_articles: usize,

    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "HOST:PORT")]
    addr: SocketAddr,

    /// File holding the bearer token that POST /api/v1/articles requires. Without it,
    /// ingest over HTTP is refused (403).
    #[arg(long, value_name = "FILE")]
    token_file: Option<PathBuf>,

    /// Language of articles that do not declare one: `auto` identifies it from each
    /// article's text (English when it cannot be told), or one of en, es, fr, it, de,
    /// pt, nl, ru, ar, uk.
    #[arg(long, default_value = "auto", value_parser = super::timeline::parse_language_policy)]
    language: LanguagePolicy,

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
    let backend: Arc<dyn Backend> = match &args.store {
        Some(dir) => {
            // Writing takes the store's write lock; a read-only server leaves it free
            // for `chronicle ingest`.
            let store = if token.is_some() {
                Store::create_or_open(dir)
            } else {
                Store::open(dir)
            }
            .with_context(|| format!("cannot open the store {}", dir.display()))?
            .with_max_articles(args.max_articles);
            super::warn_if_store_is_older(&store)?;
            let backend = StoreBackend::new(store);
            if !args.quiet {
                let stats = backend.store().stats()?;
                eprintln!(
                    "serving the store {} ({} articles)",
                    dir.display(),
                    stats.articles
                );
            }
            Arc::new(backend)
        }
        None => {
            for input in &args.inputs {
                if !input.exists() {
                    bail!("{} does not exist", input.display());
                }
            }
            let spinner = super::timeline::spinner(args.quiet, "reading and analysing articles");
            let (backend, report) = MemoryBackend::load_inputs(&args.inputs, args.language);
            spinner.finish_and_clear();
            super::report_read_problems(&report);
            if !args.quiet {
                eprintln!("{} articles read into memory", backend.len());
            }
            Arc::new(backend)
        }
    };
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
    let state = AppState::new(backend, config);
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
