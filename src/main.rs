//! `chronicle`: the command-line front end of the Chronicle engine.

mod cmd;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Turn dated news articles into a timeline: the dates that mattered, each with a short
/// summary made of sentences from the articles and the reports that carry them.
#[derive(Parser)]
#[command(name = "chronicle", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build a timeline from articles (files, folders, JSON Lines, datasets).
    Timeline(cmd::timeline::Args),
    /// Score predicted timelines against gold ones (tilse metrics).
    Eval(cmd::eval::Args),
    /// Run the benchmark protocol on a dataset and score the result.
    Bench(cmd::bench::Args),
    /// Tag temporal expressions in text.
    Tag(cmd::tag::Args),
    /// Add articles to a corpus store (analysed once, deduplicated, indexed).
    Ingest(cmd::ingest::Args),
    /// Search a corpus store (BM25), with dates and sources.
    Search(cmd::search::Args),
    /// Show what a corpus store holds.
    Stats(cmd::stats::Args),
    /// Analyse a corpus store's articles again with this build, and rebuild an outdated
    /// index (after an upgrade).
    Reanalyse(cmd::reanalyse::Args),
    /// Generate a synthetic archive from a corpus, for scale tests.
    Synth(cmd::synth::Args),
    /// Serve timelines over HTTP: a JSON API and a web page.
    Serve(cmd::serve::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if !matches!(cli.command, Command::Serve(_)) {
        die_quietly_on_closed_pipe();
    }
    let result = match cli.command {
        Command::Timeline(args) => cmd::timeline::run(args),
        Command::Eval(args) => cmd::eval::run(args),
        Command::Bench(args) => cmd::bench::run(args),
        Command::Tag(args) => cmd::tag::run(args),
        Command::Ingest(args) => cmd::ingest::run(args),
        Command::Search(args) => cmd::search::run(args),
        Command::Stats(args) => cmd::stats::run(args),
        Command::Reanalyse(args) => cmd::reanalyse::run(args),
        Command::Synth(args) => cmd::synth::run(args),
        Command::Serve(args) => cmd::serve::run(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {}", cmd::error_message(&err));
            ExitCode::from(2)
        }
    }
}

/// Output piped into a reader that stops early (`chronicle timeline DIR | head`) ends the
/// process silently, as with other command-line tools. Rust ignores SIGPIPE, so every
/// `println!` after the reader has gone would panic instead. Not for `serve`, where a
/// client closing its connection must not end the server.
fn die_quietly_on_closed_pipe() {
    #[cfg(unix)]
    // SAFETY: restores the default disposition of one signal, before any thread starts;
    // no handler runs Rust code.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
