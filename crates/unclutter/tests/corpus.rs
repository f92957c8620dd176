//! The corpus: documents written for the project, checked against their hand labels and their
//! blessed snapshots. `BLESS=1 cargo test corpus` rewrites the snapshots (review the diff).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use unclutter::{Cleaned, Cleaner, RuleSelector};

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

/// Every `*.in.txt` and `*.in.html` under `corpus/`, sorted.
pub fn documents() -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut dirs = vec![corpus_dir()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.to_string_lossy().ends_with(".in.txt") || path.to_string_lossy().ends_with(".in.html") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

fn sibling(input: &Path, ext: &str) -> PathBuf {
    let name = input.file_name().unwrap().to_string_lossy().replace(".in.txt", ext).replace(".in.html", ext);
    input.with_file_name(name)
}

fn trim(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
}

/// Lines of `text` as (start, end) byte ranges without terminators.
fn line_ranges(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\n' || b[i] == b'\r' {
            out.push((start, i));
            if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            start = i + 1;
        }
        i += 1;
    }
    if start < b.len() {
        out.push((start, b.len()));
    }
    out
}

struct Labels {
    clutter: HashMap<String, RuleSelector>,
    neutral: Vec<String>,
}

fn read_labels(path: &Path) -> Labels {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut labels = Labels { clutter: HashMap::new(), neutral: Vec::new() };
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (sel, body) =
            line.split_once('\t').unwrap_or_else(|| panic!("{}:{}: expected SELECTOR<TAB>text", path.display(), n + 1));
        let body = trim(body).to_string();
        if sel == "~" {
            labels.neutral.push(body);
        } else {
            let sel = if sel == "*" {
                RuleSelector::All
            } else {
                sel.parse().unwrap_or_else(|e| panic!("{}:{}: {e}", path.display(), n + 1))
            };
            labels.clutter.insert(body, sel);
        }
    }
    labels
}

/// What the labels found in one document.
#[derive(Default)]
struct LabelCheck {
    /// Broken expectations that fail the test: body cut, wrong rule, stale labels.
    problems: Vec<String>,
    /// Clutter lines kept, with their messages.
    kept: Vec<String>,
    /// Clutter lines labelled.
    clutter: usize,
}

/// Checks the hand labels.
fn check_labels(name: &str, input: &str, labels: &Labels, cleaned: &Cleaned<'_>) -> LabelCheck {
    let mut check = LabelCheck::default();
    let problems = &mut check.problems;
    let removals = cleaned.removals();
    let mut seen: HashMap<&str, bool> = HashMap::new();
    for (start, end) in line_ranges(input) {
        let line = &input[start..end];
        let t = trim(line);
        if t.is_empty() {
            continue;
        }
        let (ts, te) = (start + line.find(t).unwrap(), start + line.find(t).unwrap() + t.len());
        let overlapping: Vec<_> = removals.iter().filter(|r| r.span().start < te && r.span().end > ts).collect();
        let covered: usize = overlapping.iter().map(|r| r.span().end.min(te) - r.span().start.max(ts)).sum();
        if let Some(sel) = labels.clutter.get(t) {
            seen.insert(t, true);
            check.clutter += 1;
            if covered < te - ts {
                check.kept.push(format!("{name}: clutter kept ({sel}): {t:?}"));
            } else if !overlapping.iter().any(|r| sel.matches(r.rule())) {
                let got: Vec<_> = overlapping.iter().map(|r| r.rule().code()).collect();
                problems.push(format!("{name}: removed by {got:?}, labelled {sel}: {t:?}"));
            }
        } else if labels.neutral.iter().any(|n| n == t) {
            seen.insert(t, true);
        } else if covered > 0 {
            let got: Vec<_> = overlapping.iter().map(|r| r.rule().code()).collect();
            problems.push(format!("{name}: body line cut by {got:?}: {t:?}"));
        }
    }
    for label in labels.clutter.keys().chain(labels.neutral.iter()) {
        if !seen.contains_key(label.as_str()) {
            problems.push(format!("{name}: label names no line of the input: {label:?}"));
        }
    }
    check
}

/// Least share of the labelled clutter lines of whole-page dumps (`pages/`) that must go. Text
/// mode finds page zones by structure, without markup, so some clutter inside the article
/// region stays; the number only ratchets up. Body lines are never allowed to go.
const PAGES_CLUTTER_FLOOR: f64 = 0.96;

/// The same for HTML pages (`html/`), where the markup helps.
const HTML_CLUTTER_FLOOR: f64 = 0.95;

fn snapshot(cleaned: &Cleaned<'_>) -> String {
    let mut out = String::from("# CODE start..end, then the kept text after the marker line\n");
    for r in cleaned.removals() {
        writeln!(out, "{} {}..{}", r.rule().code(), r.span().start, r.span().end).unwrap();
    }
    out.push_str("--- kept\n");
    out.push_str(&cleaned.text());
    out
}

#[test]
fn corpus_documents_meet_their_labels_and_snapshots() {
    let cleaner = Cleaner::new();
    let bless = std::env::var_os("BLESS").is_some();
    let docs = documents();
    assert!(docs.len() >= 40, "the corpus has {} documents", docs.len());
    let mut problems = Vec::new();
    // Whole pages (text dumps and HTML): clutter labelled, and clutter kept, by group.
    let mut zones: Vec<(&str, f64, usize, Vec<String>)> =
        vec![("pages", PAGES_CLUTTER_FLOOR, 0, Vec::new()), ("html", HTML_CLUTTER_FLOOR, 0, Vec::new())];
    for path in &docs {
        let name =
            path.strip_prefix(corpus_dir()).unwrap().to_string_lossy().replace(".in.txt", "").replace(".in.html", "");
        let bytes = std::fs::read(path).unwrap();
        let source = std::str::from_utf8(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        let html = path.to_string_lossy().ends_with(".in.html");
        let cleaned = if html { cleaner.clean_html(source) } else { cleaner.clean(source) };
        // HTML labels name lines of the page's text projection, which the spans index.
        let input = cleaned.input();
        let labels_path = sibling(path, ".labels");
        if labels_path.exists() {
            let check = check_labels(&name, input, &read_labels(&labels_path), &cleaned);
            problems.extend(check.problems);
            if let Some(zone) = zones.iter_mut().find(|z| name.starts_with(z.0)) {
                zone.2 += check.clutter;
                zone.3.extend(check.kept);
            } else {
                problems.extend(check.kept);
            }
        } else {
            problems.push(format!("{name}: no .labels file"));
        }
        let expected_path = sibling(path, ".expected");
        let actual = snapshot(&cleaned);
        if bless {
            std::fs::write(&expected_path, &actual).unwrap();
        } else {
            match std::fs::read_to_string(&expected_path) {
                Ok(expected) if expected == actual => {}
                Ok(_) => problems.push(format!("{name}: snapshot differs (BLESS=1 cargo test corpus to accept)")),
                Err(_) => problems.push(format!("{name}: no .expected snapshot (BLESS=1 cargo test corpus)")),
            }
        }
    }
    for (group, floor, clutter, kept) in zones.into_iter().filter(|z| z.2 > 0) {
        let removed = 1.0 - kept.len() as f64 / clutter as f64;
        eprintln!("{group}/: {:.1}% of {clutter} labelled clutter lines removed", removed * 100.0);
        if removed < floor {
            problems.push(format!("{group}/: only {:.1}% of clutter lines removed (floor {floor})", removed * 100.0));
            problems.extend(kept);
        }
    }
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}
