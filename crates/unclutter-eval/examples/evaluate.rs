//! Evaluates the cleaner on development sets of real pages and prints their scores.
//!
//! ```text
//! cargo run --release --example evaluate -- DIR [DIR...] [--bias precision|balanced|recall]
//!                                               [--worst N] [--write-preds OUTDIR]
//!                                               [--html] [--ignore SELECTOR]...
//! ```
//!
//! Each DIR (for example `../shared/devset/aeb`) holds an `index.jsonl` (one JSON object per line
//! with the page's `id` and `site`) and, per page, `<id>.dump.txt` (the page's full visible text,
//! the input) and either `<id>.gold.txt` (the article's full text) or `<id>.snippets.json` (`with`
//! strings the output must contain, `without` strings it must not). Every dump is cleaned and
//! scored with the measures of `../shared/tools/score.py`, whose numbers this reproduces:
//!
//! - full-text gold: lowercase, Unicode `\w+` tokens, multiset overlap of output and gold:
//!   precision, recall and F1 per page, then the mean of each over the pages; the dump as is
//!   (nothing removed) is scored the same way for comparison;
//! - snippets: a `with` snippet found in the whitespace-normalized output is a true positive,
//!   missing a false negative, a `without` snippet found a false positive; counts are summed over
//!   the pages.
//!
//! Per DIR it prints the scores (and, for a set whose index flags `synthetic_test` pages, the
//! scores without them, which is how the devset README's peer table counts), the throughput
//! (bytes of dump per second of cleaning: the `clean` call and building the kept text, nothing
//! else, after an untimed pass that lets lazily compiled patterns compile) and the `--worst` N
//! pages (default 5): lowest F1 for full-text gold, most missed snippets for snippet gold.
//! `--write-preds OUTDIR` writes each output to `OUTDIR/<id>.txt` (to `OUTDIR/<dir name>/<id>.txt`
//! when several DIRs are given), so that `python3 ../shared/tools/score.py DIR OUTDIR` can
//! cross-check the scores.
//!
//! Exit status: 0 on success, 2 on an error (a bad option, a missing DIR, an unreadable page).

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use clap::Parser;
use regex::Regex;
use serde::Deserialize;
use unclutter::{Bias, Cleaner};

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

    /// Clean each page's HTML (`<id>.html`) with `clean_html` instead of its text dump.
    #[arg(long)]
    html: bool,

    /// Rules or categories to leave out, as for the CLI (`--ignore boilerplate`).
    #[arg(long, value_name = "SELECTOR")]
    ignore: Vec<String>,
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
    let cleaner =
        Cleaner::builder().bias(args.bias).ignore(args.ignore.iter().cloned()).build().map_err(|e| e.to_string())?;
    for (n, dir) in args.dirs.iter().enumerate() {
        if n > 0 {
            println!();
        }
        let out_dir = args.write_preds.as_ref().map(|out| match args.dirs.len() {
            1 => out.clone(),
            _ => out.join(set_name(dir)),
        });
        evaluate_set(&cleaner, dir, args.worst, out_dir.as_deref(), args.html)?;
    }
    Ok(())
}

/// The name a set is reported under: its folder's name, as score.py prints it.
fn set_name(dir: &Path) -> String {
    dir.file_name().map_or_else(|| dir.display().to_string(), |name| name.to_string_lossy().into_owned())
}

/// One line of `index.jsonl`; other fields are ignored.
#[derive(Deserialize)]
struct IndexEntry {
    id: String,
    #[serde(default)]
    site: Option<String>,
    #[serde(default)]
    url: Option<String>,
    /// Set on the readability set's small synthetic test pages.
    #[serde(default)]
    synthetic_test: Option<bool>,
}

/// A `<id>.snippets.json` file.
#[derive(Deserialize)]
struct Snippets {
    with: Vec<String>,
    without: Vec<String>,
}

/// What a page's output is scored against.
enum Gold {
    /// The gold text's token bag.
    Text(Bag),
    /// Snippets, whitespace-normalized.
    Snippets(Snippets),
}

/// A page, read into memory before any cleaning is timed.
struct Page {
    id: String,
    /// The site, or the URL when the index gives no site, for the worst-pages list.
    label: String,
    /// A synthetic test page rather than a real one.
    synthetic: bool,
    dump: String,
    /// The page's HTML, when cleaning HTML.
    html: Option<String>,
    gold: Gold,
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// Reads a set's index and every page it lists, in index order.
fn load_set(dir: &Path) -> Result<Vec<Page>, String> {
    let index_path = dir.join("index.jsonl");
    let index = read(&index_path)?;
    let mut pages = Vec::new();
    for (n, line) in index.lines().enumerate().filter(|(_, line)| !line.trim().is_empty()) {
        let entry: IndexEntry =
            serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", index_path.display(), n + 1))?;
        let dump = read(&dir.join(format!("{}.dump.txt", entry.id)))?;
        let gold_path = dir.join(format!("{}.gold.txt", entry.id));
        let snippets_path = dir.join(format!("{}.snippets.json", entry.id));
        let gold = if gold_path.exists() {
            Gold::Text(Bag::of(&read(&gold_path)?))
        } else if !snippets_path.exists() {
            return Err(format!("{}: page {} has neither a .gold.txt nor a .snippets.json", dir.display(), entry.id));
        } else {
            let snippets: Snippets = serde_json::from_str(&read(&snippets_path)?)
                .map_err(|e| format!("{}: {e}", snippets_path.display()))?;
            Gold::Snippets(Snippets {
                with: snippets.with.iter().map(|s| normalize_ws(s)).collect(),
                without: snippets.without.iter().map(|s| normalize_ws(s)).collect(),
            })
        };
        let label = [entry.site, entry.url].into_iter().flatten().find(|s| !s.is_empty()).unwrap_or_else(|| "-".into());
        pages.push(Page {
            id: entry.id,
            label,
            synthetic: entry.synthetic_test.unwrap_or(false),
            dump,
            gold,
            html: None,
        });
    }
    Ok(pages)
}

/// A page's result, for the worst-pages list.
enum PageScore {
    /// `lost`: gold tokens the dump holds and the output no longer does; `gold`: all gold tokens.
    Text {
        output: Prf,
        dump: Prf,
        lost: usize,
        gold: usize,
    },
    Snippets {
        output: SnippetCounts,
        dump: SnippetCounts,
    },
}

fn evaluate_set(cleaner: &Cleaner, dir: &Path, worst: usize, out_dir: Option<&Path>, html: bool) -> Result<(), String> {
    let name = set_name(dir);
    let mut pages = load_set(dir)?;
    if html {
        for page in &mut pages {
            page.html = Some(read(&dir.join(format!("{}.html", page.id)))?);
        }
    }
    if let Some(out) = out_dir {
        fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    }

    let mut cleaning = Duration::ZERO;
    let mut dump_bytes = 0;
    let mut scores = Vec::with_capacity(pages.len());
    for page in &pages {
        let start = Instant::now();
        let output = match &page.html {
            Some(html) => cleaner.clean_html(html).text(),
            None => cleaner.clean(&page.dump).text(),
        };
        cleaning += start.elapsed();
        dump_bytes += page.html.as_ref().map_or(page.dump.len(), String::len);

        if let Some(out) = out_dir {
            let path = out.join(format!("{}.txt", page.id));
            fs::write(&path, &output).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        scores.push(match &page.gold {
            Gold::Text(gold) => {
                let (output, dump) = (Bag::of(&output), Bag::of(&page.dump));
                PageScore::Text {
                    output: prf(&output, gold),
                    dump: prf(&dump, gold),
                    lost: dump.overlap(gold) - output.overlap(gold),
                    gold: gold.total,
                }
            }
            Gold::Snippets(snippets) => PageScore::Snippets {
                output: SnippetCounts::of(&output, snippets),
                dump: SnippetCounts::of(&page.dump, snippets),
            },
        });
    }

    let mut text_rows: Vec<(&Page, Prf, Prf)> = Vec::new();
    let mut snippet_rows: Vec<(&Page, SnippetCounts, SnippetCounts)> = Vec::new();
    let (mut lost_tokens, mut gold_tokens) = (0, 0);
    for (page, score) in pages.iter().zip(&scores) {
        match *score {
            PageScore::Text { output, dump, lost, gold } => {
                text_rows.push((page, output, dump));
                lost_tokens += lost;
                gold_tokens += gold;
            }
            PageScore::Snippets { output, dump } => snippet_rows.push((page, output, dump)),
        }
    }

    // Full-text pages: the mean of the per-page scores.
    if !text_rows.is_empty() {
        print_means(&name, text_rows.iter());
        println!(
            "{name}: gold tokens lost by cleaning (in the dump, not in the output): {lost_tokens} of {gold_tokens}"
        );
        // The devset README's peer table for readability leaves the synthetic test pages out.
        let synthetic = text_rows.iter().filter(|row| row.0.synthetic).count();
        if synthetic > 0 && synthetic < text_rows.len() {
            let label = format!("{name} without its {synthetic} synthetic_test pages");
            print_means(&label, text_rows.iter().filter(|row| !row.0.synthetic));
        }
    }

    // Snippet pages: counts summed over the pages.
    if !snippet_rows.is_empty() {
        let output = SnippetCounts::sum(snippet_rows.iter().map(|row| row.1)).prf();
        let dump = SnippetCounts::sum(snippet_rows.iter().map(|row| row.2)).prf();
        // score.py counts every page of the index here.
        print_scores(&name, pages.len(), " (snippets)", output, dump);
    }

    let megabytes = dump_bytes as f64 / 1e6;
    let seconds = cleaning.as_secs_f64();
    println!(
        "{name}: cleaned {} pages, {megabytes:.2} MB of dump in {seconds:.3} s: {:.1} MB/s, {:.1} pages/s (bias {:?})",
        pages.len(),
        megabytes / seconds,
        pages.len() as f64 / seconds,
        cleaner.bias()
    );

    if worst > 0 {
        print_worst(&text_rows, &snippet_rows, worst);
    }
    if let Some(out) = out_dir {
        println!("{name}: outputs written to {}", out.display());
    }
    Ok(())
}

/// Prints the mean scores of full-text pages, as score.py does, and those of the dump as is.
fn print_means<'a>(label: &str, rows: impl Iterator<Item = &'a (&'a Page, Prf, Prf)> + Clone) {
    let output = Prf::mean(rows.clone().map(|row| row.1));
    let dump = Prf::mean(rows.clone().map(|row| row.2));
    print_scores(label, rows.count(), "", output, dump);
}

/// Prints score.py's line for a set (`kind` is its " (snippets)" marker or nothing), then the
/// scores of the dump as is.
fn print_scores(label: &str, pages: usize, kind: &str, output: Prf, dump: Prf) {
    let scores = |s: Prf| format!("precision={:.3} recall={:.3} F1={:.3}", s.precision, s.recall, s.f1);
    println!("{label}: pages={pages} {}{kind} (dump as is: {})", scores(output), scores(dump));
}

/// Lists the lowest-F1 full-text pages and the snippet pages with the most misses.
fn print_worst(text_rows: &[(&Page, Prf, Prf)], snippet_rows: &[(&Page, SnippetCounts, SnippetCounts)], worst: usize) {
    if !text_rows.is_empty() {
        let mut rows: Vec<_> = text_rows.iter().collect();
        rows.sort_by(|a, b| a.1.f1.total_cmp(&b.1.f1));
        println!("  worst {} by F1:", worst.min(rows.len()));
        for (page, output, dump) in rows.into_iter().take(worst) {
            println!(
                "    {}  {}  P={:.3} R={:.3} F1={:.3} (dump as is: F1={:.3})",
                page.id, page.label, output.precision, output.recall, output.f1, dump.f1
            );
        }
    }
    let mut missed: Vec<_> = snippet_rows.iter().filter(|row| row.1.misses() > 0).collect();
    if !missed.is_empty() {
        missed.sort_by_key(|row| std::cmp::Reverse(row.1.misses()));
        println!(
            "  {} of {} pages with misses; worst {} (with not found + without found):",
            missed.len(),
            snippet_rows.len(),
            worst.min(missed.len())
        );
        for (page, output, dump) in missed.into_iter().take(worst) {
            println!(
                "    {}  {}  with found {}/{}, without found {}/{} (dump as is: {}/{}, {}/{})",
                page.id,
                page.label,
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

/// A bag (multiset) of lowercase word tokens.
struct Bag {
    counts: HashMap<String, usize>,
    total: usize,
}

/// Python's `\w` on `str`: letters (`L*`), numbers (`N*`) and the underscore. Not Rust's
/// `char::is_alphanumeric`, which also takes `Other_Alphabetic` marks such as Devanagari vowel
/// signs, nor the regex crate's `\w`, which takes every mark.
static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[\p{L}\p{N}_]+").expect("valid pattern"));

impl Bag {
    /// The tokens of `re.findall(r'\w+', text.lower())`.
    fn of(text: &str) -> Bag {
        let lower = text.to_lowercase();
        let mut counts = HashMap::new();
        let mut total = 0;
        for token in WORD.find_iter(&lower) {
            *counts.entry(token.as_str().to_owned()).or_insert(0) += 1;
            total += 1;
        }
        Bag { counts, total }
    }

    /// The size of the multiset intersection.
    fn overlap(&self, other: &Bag) -> usize {
        let (small, large) = if self.counts.len() <= other.counts.len() { (self, other) } else { (other, self) };
        small.counts.iter().map(|(token, &n)| n.min(large.counts.get(token).copied().unwrap_or(0))).sum()
    }
}

/// Precision, recall and F1.
#[derive(Clone, Copy, Debug)]
struct Prf {
    precision: f64,
    recall: f64,
    f1: f64,
}

/// A page's scores, as score.py's `prf`: both empty is a perfect score, an empty output scores
/// 0 (an empty gold gives recall 1), and F1 is 0 when nothing overlaps.
fn prf(output: &Bag, gold: &Bag) -> Prf {
    let (n_out, n_gold) = (output.total, gold.total);
    if n_out == 0 && n_gold == 0 {
        return Prf { precision: 1.0, recall: 1.0, f1: 1.0 };
    }
    if n_out == 0 || n_gold == 0 {
        return Prf { precision: 0.0, recall: if n_gold == 0 { 1.0 } else { 0.0 }, f1: 0.0 };
    }
    let overlap = output.overlap(gold);
    let precision = overlap as f64 / n_out as f64;
    let recall = overlap as f64 / n_gold as f64;
    let f1 = if overlap > 0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
    Prf { precision, recall, f1 }
}

impl Prf {
    /// The mean of each measure over the pages.
    fn mean(rows: impl Iterator<Item = Prf> + Clone) -> Prf {
        Prf {
            precision: mean(rows.clone().map(|r| r.precision)),
            recall: mean(rows.clone().map(|r| r.recall)),
            f1: mean(rows.map(|r| r.f1)),
        }
    }
}

/// The mean, with Neumaier's compensated sum so that rounding does not build up over many
/// pages (Python's `statistics.mean` sums exactly).
fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (mut sum, mut compensation, mut n) = (0.0f64, 0.0f64, 0usize);
    for value in values {
        let t = sum + value;
        compensation += if sum.abs() >= value.abs() { (sum - t) + value } else { (value - t) + sum };
        sum = t;
        n += 1;
    }
    if n == 0 {
        0.0
    } else {
        (sum + compensation) / n as f64
    }
}

/// Snippet counts of one page or summed over pages.
#[derive(Clone, Copy, Debug, Default)]
struct SnippetCounts {
    /// `with` snippets found.
    tp: usize,
    /// `with` snippets missing.
    fn_: usize,
    /// `without` snippets found.
    fp: usize,
    /// `without` snippets missing.
    tn: usize,
}

impl SnippetCounts {
    /// Counts the (already normalized) snippets found in `output`.
    fn of(output: &str, snippets: &Snippets) -> SnippetCounts {
        let output = normalize_ws(output);
        let tp = snippets.with.iter().filter(|s| output.contains(s.as_str())).count();
        let fp = snippets.without.iter().filter(|s| output.contains(s.as_str())).count();
        SnippetCounts { tp, fn_: snippets.with.len() - tp, fp, tn: snippets.without.len() - fp }
    }

    fn sum(counts: impl Iterator<Item = SnippetCounts>) -> SnippetCounts {
        counts.fold(SnippetCounts::default(), |a, b| SnippetCounts {
            tp: a.tp + b.tp,
            fn_: a.fn_ + b.fn_,
            fp: a.fp + b.fp,
            tn: a.tn + b.tn,
        })
    }

    /// Snippets gotten wrong: `with` missing plus `without` found.
    fn misses(&self) -> usize {
        self.fn_ + self.fp
    }

    /// Precision, recall and F1 over the counts, each 0 when undefined.
    fn prf(&self) -> Prf {
        let ratio = |num: usize, den: usize| if den == 0 { 0.0 } else { num as f64 / den as f64 };
        Prf {
            precision: ratio(self.tp, self.tp + self.fp),
            recall: ratio(self.tp, self.tp + self.fn_),
            f1: if self.tp == 0 { 0.0 } else { ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn_) },
        }
    }
}

/// Python's `str.isspace`: Rust's `char::is_whitespace` plus the separators U+001C to U+001F.
fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// score.py's `norm_ws`: runs of white space become one space, none at either end.
fn normalize_ws(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(is_py_space).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}
