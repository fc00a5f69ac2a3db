//! `chronicle eval`.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;

/// Score predicted timelines against gold ones with tilse's metrics (ROUGE-1.5.5 exact).
#[derive(clap::Args)]
pub struct Args {
    /// Gold timelines: `<topic>/<name>.txt` files in the tilse text format; one task each.
    #[arg(long, value_name = "DIR")]
    pub gold: PathBuf,
    /// Predicted timelines, same layout; a task without a prediction scores zero.
    #[arg(long, value_name = "DIR")]
    pub pred: PathBuf,
    /// Also write every number as JSON (the shape of tilse's scores.json).
    #[arg(long, value_name = "FILE")]
    pub json: Option<PathBuf>,
    /// ROUGE tokens: `rouge155` (ROUGE-1.5.5 exactly, as published results are
    /// computed: ASCII letters and digits only) or `unicode` (letters and digits of every
    /// script, for datasets in other languages; not comparable with published numbers).
    #[arg(long, default_value = "rouge155", value_name = "RULE")]
    pub rouge_tokens: chronicle_eval::TokenRule,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let start = Instant::now();
    let (report, notices) =
        chronicle_eval::evaluate_dirs_with(&args.gold, &args.pred, args.rouge_tokens)
            .with_context(|| {
                format!(
                    "evaluating {} against {}",
                    args.pred.display(),
                    args.gold.display()
                )
            })?;
    let elapsed = start.elapsed();
    for n in &notices {
        let level = if n.is_error() { "error" } else { "warning" };
        eprintln!("{level}: {n}");
    }
    print!("{}", report.to_table());
    let avg = &report.average;
    println!();
    println!(
        "align+ m:1 ROUGE-1 F {:.4}  ROUGE-2 F {:.4}  date F1 {:.4}  ({} tasks, scored in {:.3} s)",
        avg.align_m1_rouge_1.f_score,
        avg.align_m1_rouge_2.f_score,
        avg.date.f_score,
        report.n_tasks,
        elapsed.as_secs_f64()
    );
    if let Some(path) = &args.json {
        let json = report.to_json()?;
        std::fs::write(path, json).with_context(|| format!("writing {}", path.display()))?;
        eprintln!("wrote {}", path.display());
    }
    // As with bad articles: everything else is scored, and the exit status says that
    // something was left out or counted as zero.
    let errors = notices.iter().filter(|n| n.is_error()).count();
    if errors > 0 {
        eprintln!("error: {errors} task(s) left out or scored as empty (see above)");
        return Ok(ExitCode::from(2));
    }
    Ok(ExitCode::SUCCESS)
}
