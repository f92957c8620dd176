//! How well the cleaner tells a whole-page dump from an already-extracted article: every
//! devset dump should read as a page; every gold text and every extractor output (from the cache
//! `scripts/extractors.py` fills) as an article.
//!
//! ```text
//! cargo run --release -p unclutter-eval --example input_kinds [-- --csv FILE]
//! ```
//!
//! Prints, per folder and source, how many inputs read as pages; with `--csv`, writes one row per
//! input with its evidence (folder, domain, source, expected kind, the counts), for choosing the
//! thresholds out of fold.

use std::fs;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use unclutter::{Cleaner, InputKind};
use unclutter_eval::{devset_dir, Devset, Gold};

/// A source of inputs: its name, the kind its inputs should read as, and (domain, text) pairs.
type Source = (String, InputKind, Vec<(String, String)>);

const FOLDERS: &[&str] = &["aeb", "readability", "trafilatura_eval", "wcxb_dev"];

fn cache() -> PathBuf {
    std::env::var_os("UNCLUTTER_CACHE")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cache/unclutter"))
        .join("extractors")
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let csv_path = args.iter().position(|a| a == "--csv").and_then(|i| args.get(i + 1));
    let mut csv = csv_path.map(|p| fs::File::create(p).expect("csv file is writable"));
    if let Some(f) = csv.as_mut() {
        writeln!(f, "folder,domain,source,expected,lines,prose,menu,run,furniture,before,after").expect("write");
    }
    let cleaner = Cleaner::new();
    let tools: Vec<String> = fs::read_dir(cache())
        .map(|d| {
            d.filter_map(|e| e.ok())
                .filter(|e| e.path().is_dir())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    for folder in FOLDERS {
        let Some(dir) = devset_dir(folder) else {
            eprintln!("input_kinds: ../shared/devset/{folder} is absent");
            return ExitCode::from(2);
        };
        let devset = Devset::load(dir).expect("devset loads");
        let mut sources: Vec<Source> = Vec::new();
        let domain = |p: &unclutter_eval::Page| p.entry.label().to_string();
        sources.push((
            "dump".into(),
            InputKind::Page,
            devset.pages().iter().map(|p| (domain(p), p.dump.clone())).collect(),
        ));
        let golds = devset
            .pages()
            .iter()
            .filter_map(|p| match &p.gold {
                Gold::Text { text, .. } => Some((domain(p), text.clone())),
                _ => None,
            })
            .collect();
        sources.push(("gold".into(), InputKind::Article, golds));
        for tool in &tools {
            let outputs = devset
                .pages()
                .iter()
                .filter_map(|p| {
                    let path = cache().join(tool).join(folder).join(format!("{}.txt", p.entry.id));
                    fs::read_to_string(path).ok().map(|t| (domain(p), t))
                })
                .collect::<Vec<_>>();
            if !outputs.is_empty() {
                sources.push((tool.clone(), InputKind::Article, outputs));
            }
        }
        for (source, expected, texts) in sources {
            let texts: Vec<_> = texts.into_iter().filter(|(_, t)| !t.trim().is_empty()).collect();
            let mut pages = 0;
            for (domain, text) in &texts {
                let cleaned = cleaner.clean(text);
                let e = cleaned.input_evidence();
                pages += usize::from(cleaned.input_kind() == InputKind::Page);
                if let Some(f) = csv.as_mut() {
                    writeln!(
                        f,
                        "{folder},{domain},{source},{},{},{},{},{},{},{},{}",
                        expected.as_str(),
                        e.lines,
                        e.prose_lines,
                        e.menu_lines,
                        e.longest_menu_run,
                        e.furniture_lines,
                        e.lines_before_prose,
                        e.lines_after_prose
                    )
                    .expect("write");
                }
            }
            println!(
                "{folder:17} {source:17} expected {:8} read as page: {pages:4} of {:4}",
                expected.as_str(),
                texts.len()
            );
        }
    }
    ExitCode::SUCCESS
}
