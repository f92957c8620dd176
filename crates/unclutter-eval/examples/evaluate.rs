//! Evaluates the cleaner on development sets of real pages and prints their scores.
//!
//! ```text
//! cargo run --release -p unclutter-eval --example evaluate -- DIR [DIR...]
//!     [--bias precision|balanced|recall] [--worst N] [--write-preds OUTDIR]
//!     [--html | --inputs INDIR] [--ignore SELECTOR]... [--by page_type|lang|site|domain]
//!     [--oof MODELDIR | --no-scorer]
//! ```
//!
//! Each DIR (for example `../shared/devset/aeb`) holds an `index.jsonl` (one JSON object per line
//! with the page's `id` and `site`) and, per page, `<id>.dump.txt` (the page's full visible text,
//! the input), its HTML (`<id>.html`, or `<id>.html.gz` as in `wcxb_dev`) and either
//! `<id>.gold.txt` (the article's full text) or `<id>.snippets.json` (`with` strings the output
//! must contain, `without` strings it must not). Every dump (every page's HTML with `--html`) is
//! cleaned and scored with the measures of `../shared/tools/score.py`, as the `unclutter_eval`
//! library implements them, and so reproduces its numbers:
//!
//! - full-text gold: lowercase, Unicode `\w+` tokens, multiset overlap of output and gold:
//!   precision, recall and F1 per page, then the mean of each over the pages; the dump as is
//!   (nothing removed) is scored the same way for comparison;
//! - snippets: a `with` snippet found in the whitespace-normalized output is a true positive,
//!   missing a false negative, a `without` snippet found a false positive; counts are summed over
//!   the pages.
//!
//! Per DIR it prints the scores (and, for a set whose index flags `synthetic_test` pages, the
//! scores without them, which is how the devset README's peer table counts), with `--by FIELD`
//! the scores of each value of that index field (largest group first), the throughput (bytes of
//! input per second of cleaning: the `clean` call and building the kept text, nothing else) and
//! the `--worst` N pages (default 5): lowest F1 for full-text gold, most missed snippets for
//! snippet gold. `--write-preds OUTDIR` writes each output to `OUTDIR/<id>.txt` (to
//! `OUTDIR/<dir name>/<id>.txt` when several DIRs are given), so that
//! `python3 ../shared/tools/score.py DIR OUTDIR` can cross-check the scores.
//!
//! `--inputs INDIR` cleans other tools' texts instead of the dumps: `INDIR/<id>.txt` for each page
//! (`INDIR/<dir name>/<id>.txt` when several DIRs are given), such as an HTML extractor's outputs
//! that `scripts/extractors.py` caches in `~/.cache/unclutter/extractors/<tool>/<folder>/`. Every
//! page must have its file. The scores then compare the cleaned text with the input as is (where
//! they say "input as is" instead of "dump as is"), and two more lines say what cleaning cost:
//! the gold kept (mean recall) before and after cleaning, and the pages whose cleaning lost more
//! than 20% of their gold tokens (recall down by more than 0.2), each with its id, site and recall
//! before -> after; for snippet gold, the pages whose cleaning lost a `with` snippet the input
//! holds. Without `--inputs` the output is as it always was.
//!
//! `--oof MODELDIR` scores out of fold: each page is cleaned with the content scorer
//! `MODELDIR/fold-K.lgb.gz` (`html-fold-K.lgb.gz` with `--html`), where K is the page's fold ([`unclutter_eval::Entry::fold`], five
//! folds grouped by site), a model trained without any page of that fold's sites (`scripts/train`
//! writes them to `crates/unclutter-eval/models/oof`, which the repository keeps). These are the numbers that count as quality: the bundled
//! model was trained on every devset page, so its scores here are in-sample. `--no-scorer` runs
//! the rules alone (the structural rules' proposals are removals).
//!
//! Exit status: 0 on success, 2 on an error (a bad option, a missing DIR, an unreadable page).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::{Parser, ValueEnum};
use unclutter::{Bias, Cleaner, InputKind, Scorer};
use unclutter_eval::{Devset, Entry, Page, PageScore, Prf, Report};

/// Cleans every page of devset folders and scores the outputs with the measures of score.py.
#[derive(Parser, Debug)]
#[command(name = "evaluate")]
struct Args {
    /// Development set folders, each with an index.jsonl.
    #[arg(required = true, value_name = "DIR")]
    dirs: Vec<PathBuf>,

    /// Which way the cleaner leans: precision, balanced or recall.
    #[arg(long, default_value = "balanced")]
    bias: Bias,

    /// How many of the worst pages to list per DIR.
    #[arg(long, default_value_t = 5, value_name = "N")]
    worst: usize,

    /// Write each output to OUTDIR/<id>.txt (OUTDIR/<dir name>/<id>.txt for several DIRs).
    #[arg(long, value_name = "OUTDIR")]
    write_preds: Option<PathBuf>,

    /// Clean each page's HTML (`<id>.html` or `<id>.html.gz`) with `clean_html` instead of its
    /// text dump.
    #[arg(long, conflicts_with = "inputs")]
    html: bool,

    /// Clean INDIR/<id>.txt (INDIR/<dir name>/<id>.txt for several DIRs), another tool's text of
    /// each page, instead of its dump, and report what cleaning lost from it.
    #[arg(long, value_name = "INDIR")]
    inputs: Option<PathBuf>,

    /// Rules or categories to run, as for the CLI (`--select ALL --select CODE` adds a preview
    /// rule).
    #[arg(long, value_name = "SELECTOR")]
    select: Vec<String>,

    /// Score only the pages of this wcxb_dev page type (`article`).
    #[arg(long, value_name = "TYPE")]
    page_type: Option<String>,

    /// Rules or categories to leave out, as for the CLI (`--ignore boilerplate`).
    #[arg(long, value_name = "SELECTOR")]
    ignore: Vec<String>,

    /// Clean each page with MODELDIR/fold-K.lgb, the content scorer trained without the sites of
    /// the page's fold K: out-of-fold scores.
    #[arg(long, value_name = "MODELDIR", conflicts_with = "no_scorer")]
    oof: Option<PathBuf>,

    /// Run the rules alone, without the content scorer.
    #[arg(long)]
    no_scorer: bool,

    /// Also print the scores of each value of this index field.
    #[arg(long, value_name = "FIELD")]
    by: Option<GroupBy>,

    /// Read every text as this kind (`page` or `article`) instead of telling it by its evidence.
    #[arg(long, value_name = "KIND")]
    input_kind: Option<InputKind>,
}

/// The index fields `--by` groups pages by.
#[derive(Clone, Copy, Debug, ValueEnum)]
enum GroupBy {
    /// wcxb_dev's page types (article, forum, product...).
    #[value(name = "page_type")]
    PageType,
    /// The page's language.
    Lang,
    /// The page's site.
    Site,
    /// The page's domain.
    Domain,
}

impl GroupBy {
    /// The field's name, as the index spells it.
    fn name(self) -> &'static str {
        match self {
            GroupBy::PageType => "page_type",
            GroupBy::Lang => "lang",
            GroupBy::Site => "site",
            GroupBy::Domain => "domain",
        }
    }

    /// The entry's value of the field; an empty value counts as none.
    fn key(self, entry: &Entry) -> Option<&str> {
        let value = match self {
            GroupBy::PageType => &entry.page_type,
            GroupBy::Lang => &entry.lang,
            GroupBy::Site => &entry.site,
            GroupBy::Domain => &entry.domain,
        };
        value.as_deref().filter(|value| !value.is_empty())
    }
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("evaluate: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &Args) -> Result<(), String> {
    // Check every DIR before spending time on any of them.
    for dir in &args.dirs {
        if !dir.is_dir() {
            return Err(format!("{}: no such directory (expected a devset folder with an index.jsonl)", dir.display()));
        }
    }
    let builder = || {
        Cleaner::builder()
            .bias(args.bias)
            .input_kind(args.input_kind)
            .select(args.select.iter().cloned())
            .ignore(args.ignore.iter().cloned())
    };
    let cleaners = match (&args.oof, args.no_scorer) {
        (Some(dir), _) => {
            let parse = |text: &String| Scorer::parse(text).map_err(|e| format!("{}: {e}", dir.display()));
            let text = unclutter_eval::fold_models(dir, "fold")?;
            let html = unclutter_eval::fold_models(dir, "html-fold")?;
            text.iter()
                .zip(&html)
                .map(|(text, html)| {
                    let builder = builder().scorer(Some(parse(text)?)).html_scorer(Some(parse(html)?));
                    builder.build().map_err(|e| e.to_string())
                })
                .collect::<Result<Vec<_>, String>>()?
        }
        (None, true) => vec![builder().scorer(None).html_scorer(None).build().map_err(|e| e.to_string())?],
        (None, false) => vec![builder().build().map_err(|e| e.to_string())?],
    };
    for (n, dir) in args.dirs.iter().enumerate() {
        if n > 0 {
            println!();
        }
        let mut devset = Devset::load(dir).map_err(|e| e.to_string())?;
        if args.html {
            devset.load_html().map_err(|e| e.to_string())?;
        }
        let set_name = devset.name().to_owned();
        let per_set = |dir: &PathBuf| match args.dirs.len() {
            1 => dir.clone(),
            _ => dir.join(&set_name),
        };
        if let Some(inputs) = args.inputs.as_ref().map(per_set) {
            if !inputs.is_dir() {
                return Err(format!("{}: no such directory (expected <id>.txt per page)", inputs.display()));
            }
            devset.load_inputs(&inputs).map_err(|e| e.to_string())?;
        }
        let out_dir = args.write_preds.as_ref().map(per_set);
        evaluate_set(&cleaners, &devset, args, out_dir.as_deref())?;
    }
    Ok(())
}

fn evaluate_set(cleaners: &[Cleaner], devset: &Devset, args: &Args, out_dir: Option<&Path>) -> Result<(), String> {
    let name = devset.name();
    if let Some(out) = out_dir {
        fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    }

    // What the scores compare the output with: the dump, or the other tool's text.
    let baseline = match args.inputs {
        Some(_) => "input",
        None => "dump",
    };
    let mut cleaning = Duration::ZERO;
    let mut input_bytes = 0;
    let mut report = Report::new(name);
    let wanted = |page: &&Page| args.page_type.as_ref().is_none_or(|t| page.entry.page_type.as_ref() == Some(t));
    for page in devset.pages().iter().filter(wanted) {
        let cleaner = match cleaners {
            [one] => one,
            folds => &folds[page.entry.fold(folds.len())],
        };
        let start = Instant::now();
        let output = match &page.html {
            Some(html) => cleaner.clean_html(html).text(),
            None => cleaner.clean(page.text_input()).text(),
        };
        cleaning += start.elapsed();
        input_bytes += page.html.as_ref().map_or(page.text_input().len(), String::len);

        if let Some(out) = out_dir {
            let path = out.join(format!("{}.txt", page.entry.id));
            fs::write(&path, &output).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        report.add(page, &output);
    }

    // Full-text pages: the mean of the per-page scores.
    if let Some(text) = report.text_summary() {
        print_scores(name, baseline, text.pages, "", text.output, text.dump);
        println!(
            "{name}: gold tokens lost by cleaning (in the {baseline}, not in the output): {} of {}",
            text.lost, text.gold_tokens
        );
        // The devset README's peer table for readability leaves the synthetic test pages out.
        let synthetic = report
            .pages()
            .iter()
            .filter(|page| page.entry.synthetic_test && matches!(page.score, PageScore::Text(_)))
            .count();
        if synthetic > 0 && synthetic < text.pages {
            if let Some(real) = report.text_summary_where(|page| !page.entry.synthetic_test) {
                let label = format!("{name} without its {synthetic} synthetic_test pages");
                print_scores(&label, baseline, real.pages, "", real.output, real.dump);
            }
        }
    }

    // Snippet pages: counts summed over the pages; score.py counts every page of the index here.
    if let Some(snippets) = report.snippet_summary() {
        print_scores(name, baseline, report.pages().len(), " (snippets)", snippets.output.prf(), snippets.dump.prf());
    }

    if args.inputs.is_some() {
        print_losses(&report);
    }

    if let Some(by) = args.by {
        for group in report.breakdown(|entry| by.key(entry)) {
            let label = format!("{name} {}={}", by.name(), group.key);
            if let Some(text) = group.text {
                print_scores(&label, baseline, text.pages, "", text.output, text.dump);
            }
            if let Some(snippets) = group.snippets {
                let (output, dump) = (snippets.output.prf(), snippets.dump.prf());
                print_scores(&label, baseline, snippets.pages, " (snippets)", output, dump);
            }
        }
    }

    let megabytes = input_bytes as f64 / 1e6;
    let seconds = cleaning.as_secs_f64();
    println!(
        "{name}: cleaned {} pages, {megabytes:.2} MB of {baseline} in {seconds:.3} s: {:.1} MB/s, {:.1} pages/s (bias {:?})",
        devset.pages().len(),
        megabytes / seconds,
        devset.pages().len() as f64 / seconds,
        cleaners[0].bias()
    );

    if args.worst > 0 {
        print_worst(&report, baseline, args.worst);
    }
    if let Some(out) = out_dir {
        println!("{name}: outputs written to {}", out.display());
    }
    Ok(())
}

/// Prints score.py's line for a set (`kind` is its " (snippets)" marker or nothing), then the
/// scores of the `baseline` ("dump" or "input") as is.
fn print_scores(label: &str, baseline: &str, pages: usize, kind: &str, output: Prf, dump: Prf) {
    let scores = |s: Prf| format!("precision={:.3} recall={:.3} F1={:.3}", s.precision, s.recall, s.f1);
    println!("{label}: pages={pages} {}{kind} ({baseline} as is: {})", scores(output), scores(dump));
}

/// With `--inputs`: the gold kept before and after cleaning, and every page whose cleaning lost
/// more than [`LOSS_SHARE`] of its gold tokens (or, for snippet gold, a `with` snippet).
fn print_losses(report: &Report) {
    let name = report.name();
    if let Some(text) = report.text_summary() {
        println!(
            "{name}: gold kept (recall): input as is {:.3} -> cleaned {:.3}",
            text.dump.recall, text.output.recall
        );
        let losing = report.losing(LOSS_SHARE);
        println!(
            "{name}: pages losing more than {:.0}% of their gold tokens through cleaning: {} of {}",
            LOSS_SHARE * 100.0,
            losing.len(),
            text.pages
        );
        for (page, score) in losing {
            println!(
                "    {}  {}  recall {:.3} -> {:.3}",
                page.entry.id,
                page.entry.label(),
                score.dump.recall,
                score.output.recall
            );
        }
    }
    if let Some(snippets) = report.snippet_summary() {
        let (before, after) = (snippets.dump.prf().recall, snippets.output.prf().recall);
        println!("{name}: with snippets kept (recall): input as is {before:.3} -> cleaned {after:.3}");
        let losing = report.losing_snippets();
        println!("{name}: pages losing a with snippet through cleaning: {} of {}", losing.len(), snippets.pages);
        for (page, score) in losing {
            let with = score.output.tp + score.output.fn_;
            println!(
                "    {}  {}  with found {}/{with} -> {}/{with}",
                page.entry.id,
                page.entry.label(),
                score.dump.tp,
                score.output.tp
            );
        }
    }
}

/// The share of a page's gold tokens whose loss through cleaning `--inputs` reports.
const LOSS_SHARE: f64 = 0.2;

/// Lists the lowest-F1 full-text pages and the snippet pages with the most misses.
fn print_worst(report: &Report, baseline: &str, worst: usize) {
    let by_f1 = report.worst_by_f1();
    if !by_f1.is_empty() {
        println!("  worst {} by F1:", worst.min(by_f1.len()));
        for (page, score) in by_f1.into_iter().take(worst) {
            let output = score.output;
            println!(
                "    {}  {}  P={:.3} R={:.3} F1={:.3} ({baseline} as is: F1={:.3})",
                page.entry.id,
                page.entry.label(),
                output.precision,
                output.recall,
                output.f1,
                score.dump.f1
            );
        }
    }
    let missed = report.snippet_misses();
    if !missed.is_empty() {
        let snippet_pages = report.snippet_summary().map_or(0, |summary| summary.pages);
        println!(
            "  {} of {} pages with misses; worst {} (with not found + without found):",
            missed.len(),
            snippet_pages,
            worst.min(missed.len())
        );
        for (page, score) in missed.into_iter().take(worst) {
            let (output, dump) = (score.output, score.dump);
            println!(
                "    {}  {}  with found {}/{}, without found {}/{} ({baseline} as is: {}/{}, {}/{})",
                page.entry.id,
                page.entry.label(),
                output.tp,
                output.tp + output.fn_,
                output.fp,
                output.fp + output.tn,
                dump.tp,
                dump.tp + dump.fn_,
                dump.fp,
                dump.fp + dump.tn
            );
        }
    }
}
