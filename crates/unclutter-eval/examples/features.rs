//! Writes the training table of a learned line scorer: one CSV row per labelled line of every
//! page with full-text gold, with the line's label from [`unclutter_eval::align_lines`] and its
//! features from [`unclutter::Cleaner::line_features`] (the library's one implementation).
//!
//! ```text
//! cargo run --release -p unclutter-eval --example features -- OUT.csv [FOLDER...]
//! ```
//!
//! Folders default to aeb, readability and wcxb_dev. Each page gives two inputs: its dump, and
//! its dump cropped to the article's first and last lines with 0 to 3 lines of the page on each
//! side (what an extractor hands over, the input unclutter mostly cleans), written as folder
//! `<folder>:crop`; and a third, its HTML's projection (`<folder>:html`, the `dom_` columns
//! set). Columns: `folder`, `page`
//! (the page's id),
//! `domain` ([`unclutter_eval::Entry::group`]: what a cross-validation groups folds by),
//! `fold` (its fold of five, [`unclutter_eval::Entry::fold`], as `evaluate --oof` assigns them),
//! `line` (the segment's index), `label` (1 for an article line, 0 for clutter; lines without
//! tokens are left out), `weight` (1 over the page's labelled lines, so every page weighs the
//! same), then the feature columns by name. The first line of the file
//! is the header; the schema hash is printed with the counts.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::process::ExitCode;
use std::time::Instant;

use unclutter::Cleaner;
use unclutter_eval::{align_lines, devset_dir, Devset, Gold};

/// A CSV field, quoted when it holds a comma, a quote or a line break.
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(out) = args.next() else {
        eprintln!("usage: features OUT.csv [FOLDER...]");
        return ExitCode::from(2);
    };
    let mut folders: Vec<String> = args.collect();
    if folders.is_empty() {
        folders = ["aeb", "readability", "wcxb_dev"].map(String::from).to_vec();
    }
    match write_table(&out, &folders) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("features: {e}");
            ExitCode::from(2)
        }
    }
}

/// The dump from its first article line to its last (lines as the cleaner segments them), with
/// `margin` non-blank lines of the page on each side (extractors leak a little of it), when that
/// leaves something out.
fn crop_to_article<'a>(dump: &'a str, gold: &str, margin: usize) -> Option<&'a str> {
    let labels = align_lines(dump, gold);
    let doc = unclutter_text::Document::parse(dump, None);
    let first = labels.iter().position(|l| l.is_content() == Some(true))?;
    let last = labels.iter().rposition(|l| l.is_content() == Some(true))?;
    let non_blank = |i: &usize| !doc.segments[*i].is_blank();
    let first = (0..first).rev().filter(non_blank).take(margin).last().unwrap_or(first);
    let last = (last + 1..doc.segments.len()).filter(non_blank).take(margin).last().unwrap_or(last);
    let (start, end) = (doc.segments[first].full().start, doc.segments[last].full().end);
    (start > 0 || end < dump.len()).then(|| &dump[start..end])
}

fn write_table(out: &str, folders: &[String]) -> Result<(), Box<dyn std::error::Error>> {
    let start = Instant::now();
    // The features do not depend on the scorer: they are what it reads.
    let cleaner = Cleaner::builder().scorer(None).html_scorer(None).build()?;
    let mut csv = BufWriter::new(File::create(out)?);
    let schema = cleaner.line_features("");
    write!(csv, "folder,page,domain,fold,line,label,weight")?;
    for name in schema.names {
        write!(csv, ",{name}")?;
    }
    writeln!(csv)?;
    let (mut rows, mut positive) = (0usize, 0usize);
    for folder in folders {
        let dir = devset_dir(folder).ok_or_else(|| format!("../shared/devset/{folder} is absent"))?;
        let mut devset = Devset::load(dir)?;
        devset.load_html()?;
        for page in devset.pages() {
            let Gold::Text { text: gold, .. } = &page.gold else { continue };
            let entry = &page.entry;
            let (domain, fold, id) = (field(entry.group()), entry.fold(unclutter_eval::FOLDS), field(&entry.id));
            let dump = page.text_input();
            // The dump, and the dump cropped to its article's first and last lines: what an
            // extractor hands over, the input unclutter mostly cleans.
            let mut inputs = vec![(folder.to_string(), dump)];
            // The margin, 0 to 3 lines, varies with the page (its id's bytes) but not between runs.
            let margin = entry.id.bytes().map(usize::from).sum::<usize>() % 4;
            inputs.extend(crop_to_article(dump, gold, margin).map(|crop| (format!("{folder}:crop"), crop)));
            let mut rows_of = |set: &str, input: &str, features: unclutter::LineFeatures| -> std::io::Result<()> {
                let labels = align_lines(input, gold);
                assert_eq!(labels.len(), features.len(), "{set}/{id}: one label per line");
                let labelled = labels.iter().filter(|l| l.is_content().is_some()).count();
                if labelled == 0 {
                    return Ok(());
                }
                let weight = 1.0 / labelled as f64;
                for (i, label) in labels.iter().enumerate() {
                    let Some(content) = label.is_content() else { continue };
                    write!(csv, "{set},{id},{domain},{fold},{i},{},{weight}", u8::from(content))?;
                    for value in features.row(i) {
                        write!(csv, ",{value}")?;
                    }
                    writeln!(csv)?;
                    rows += 1;
                    positive += usize::from(content);
                }
                Ok(())
            };
            for (set, input) in inputs {
                rows_of(&set, input, cleaner.line_features(input))?;
            }
            if let Some(html) = &page.html {
                let (text, features) = cleaner.line_features_html(html);
                rows_of(&format!("{folder}:html"), &text, features)?;
            }
        }
    }
    csv.flush()?;
    let share = if rows == 0 { 0.0 } else { positive as f64 / rows as f64 };
    println!(
        "features: {rows} rows ({positive} article lines, {:.1}%) in {out}, {:.1} s, schema {:016x}",
        share * 100.0,
        start.elapsed().as_secs_f64(),
        schema.schema_hash
    );
    Ok(())
}
