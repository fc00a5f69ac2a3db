//! `chronicle reanalyse`: analyse a store's articles again with this build, from the
//! text the store keeps (a store made by an older build lacks what this one finds), and
//! rebuild a full-text index made with an older schema or holding articles in other
//! languages by the terms of their former analysis.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use chronicle_store::Store;
use chronicle_text::LanguagePolicy;

const EXAMPLES: &str = "\
Examples:
  chronicle reanalyse --store news.store
  chronicle stats --store news.store";

#[derive(clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// Store folder.
    #[arg(long, value_name = "DIR")]
    store: PathBuf,

    /// Language to analyse each article in: `keep` the one it was analysed in; `auto`
    /// identify it again from the text (for a build that knows more languages) unless
    /// the article declared one; or one of en, es, fr, it, de, pt, nl, ru, ar, uk for
    /// every article that declared none.
    #[arg(long, default_value = "keep", value_parser = parse_language_choice, value_name = "LANGUAGE")]
    language: LanguageChoice,

    /// Articles per transaction (each is committed atomically).
    #[arg(long, default_value_t = 1000, value_name = "N", hide = true)]
    batch: usize,

    /// No progress bar or summary.
    #[arg(long)]
    quiet: bool,
}

/// What `--language` says: keep each article's language, or decide it by a policy.
#[derive(Debug, Clone, Copy)]
struct LanguageChoice(Option<LanguagePolicy>);

/// `keep`, or a language policy as `--language` takes it elsewhere.
fn parse_language_choice(s: &str) -> Result<LanguageChoice, String> {
    if s.eq_ignore_ascii_case("keep") {
        return Ok(LanguageChoice(None));
    }
    super::timeline::parse_language_policy(s).map(|p| LanguageChoice(Some(p)))
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    if !args.store.join(chronicle_store::DB_FILE).exists() {
        // Opening for writing would create an empty store: say what is wrong instead.
        return Err(chronicle_store::StoreError::NotFound(args.store.clone()).into());
    }
    let store = Store::create_or_open(&args.store)
        .with_context(|| format!("cannot open the store {}", args.store.display()))?;
    let bar = super::progress_bar(
        args.quiet,
        "{spinner} reanalysing: {pos}/{len} articles [{bar:30}] eta {eta}",
    );
    let report = store
        .reanalyse(args.language.0, args.batch.max(1), &mut |done, total| {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
        })
        .context(
            "reanalysis failed (the batches committed before the failure are kept; run it \
             again to finish)",
        )?;
    bar.finish_and_clear();
    if !args.quiet {
        eprintln!(
            "reanalysed {} articles in {:.1}s: {} sentences (were {}); {} now in another \
             language; analysis version {} (was {})",
            report.articles,
            started.elapsed().as_secs_f64(),
            report.sentences_after,
            report.sentences_before,
            report.languages_changed,
            report.analysis_after,
            report.analysis_before,
        );
    }
    // An index made by an older build (before Chinese and Japanese character pairs, or
    // before other languages' stems), or one that holds articles in other languages than
    // English by the terms of their former analysis or language.
    if report.index_needs_rebuild {
        let clock = Instant::now();
        let store = store.rebuild_index().context(
            "rebuilding the full-text index failed (the stored articles are untouched; run \
             `chronicle reanalyse` again)",
        )?;
        if !args.quiet {
            eprintln!(
                "rebuilt the full-text index with this build's schema in {:.1}s ({} \
                 articles)",
                clock.elapsed().as_secs_f64(),
                store.stats()?.indexed
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
