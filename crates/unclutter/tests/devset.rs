//! The devset floors: aeb pages cleaned from their text dumps and from their HTML, scored with
//! the devset README's token measures (the same numbers as `examples/evaluate` and
//! `../shared/tools/score.py`). Fails when a change drops a score below its floor; skips with a
//! message when `../shared/devset` is absent. The floors only ratchet up; today they are the
//! targets: text mode F1 0.90 and recall 0.97, HTML mode F1 0.96 and recall 0.98.

use std::collections::HashMap;
use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;
use unclutter::Cleaner;

/// Python's `\w+` on lower-cased text: letters, numbers, underscore.
static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[\p{L}\p{N}_]+").unwrap());

fn bag(text: &str) -> (HashMap<String, usize>, usize) {
    let lower = text.to_lowercase();
    let mut counts = HashMap::new();
    let mut total = 0;
    for m in WORD.find_iter(&lower) {
        *counts.entry(m.as_str().to_string()).or_insert(0) += 1;
        total += 1;
    }
    (counts, total)
}

/// Precision, recall and F1 of one page, as score.py computes them.
fn prf(output: &str, gold: &str) -> (f64, f64, f64) {
    let ((o, no), (g, ng)) = (bag(output), bag(gold));
    if no == 0 && ng == 0 {
        return (1.0, 1.0, 1.0);
    }
    if no == 0 || ng == 0 {
        return (0.0, if ng == 0 { 1.0 } else { 0.0 }, 0.0);
    }
    let overlap: usize = o.iter().map(|(t, n)| (*n).min(g.get(t).copied().unwrap_or(0))).sum();
    let (p, r) = (overlap as f64 / no as f64, overlap as f64 / ng as f64);
    (p, r, if overlap > 0 { 2.0 * p * r / (p + r) } else { 0.0 })
}

/// Mean recall and F1 over the aeb pages, cleaning each page with `clean`.
fn aeb_scores(clean: impl Fn(&str, &str) -> String) -> Option<(f64, f64)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/devset/aeb");
    let index = std::fs::read_to_string(dir.join("index.jsonl")).ok()?;
    let (mut recall, mut f1, mut pages) = (0.0, 0.0, 0.0);
    for line in index.lines().filter(|l| !l.trim().is_empty()) {
        let entry: serde_json::Value = serde_json::from_str(line).expect("index line is JSON");
        let id = entry["id"].as_str().expect("id");
        let read = |ext: &str| std::fs::read_to_string(dir.join(format!("{id}.{ext}"))).expect("page file");
        let output = clean(&read("dump.txt"), &read("html"));
        let (_, r, f) = prf(&output, &read("gold.txt"));
        recall += r;
        f1 += f;
        pages += 1.0;
    }
    Some((recall / pages, f1 / pages))
}

/// Scores aeb with `clean` and asserts the floors; skips with a message without the devset.
fn assert_floors(mode: &str, clean: impl Fn(&str, &str) -> String, f1_floor: f64, recall_floor: f64) {
    let Some((recall, f1)) = aeb_scores(clean) else {
        eprintln!("skipping: ../shared/devset/aeb is absent");
        return;
    };
    eprintln!("aeb {mode}: recall {recall:.3} F1 {f1:.3}");
    assert!(f1 >= f1_floor, "aeb {mode} F1 fell to {f1:.3} (floor {f1_floor})");
    assert!(recall >= recall_floor, "aeb {mode} recall fell to {recall:.3} (floor {recall_floor})");
}

#[test]
fn aeb_text_mode_stays_above_its_floor() {
    let cleaner = Cleaner::new();
    assert_floors("text mode", |dump, _| cleaner.clean(dump).text(), 0.90, 0.97);
}

#[test]
fn aeb_html_mode_stays_above_its_floor() {
    let cleaner = Cleaner::new();
    assert_floors("HTML mode", |_, html| cleaner.clean_html(html).text(), 0.96, 0.98);
}

#[test]
fn the_scorer_matches_score_py_on_known_cases() {
    assert_eq!(prf("", ""), (1.0, 1.0, 1.0));
    assert_eq!(prf("", "gold words"), (0.0, 0.0, 0.0));
    let (p, r, f) = prf("the bridge the river", "The bridge, over the river.");
    assert_eq!((p, r), (1.0, 0.8));
    assert!((f - 2.0 * 0.8 / 1.8).abs() < 1e-12);
}

/// Post-extraction use: the text cleaner run over an extractor's output (here our own HTML
/// mode's) must not cut the article it was given.
#[test]
fn cleaning_extracted_text_keeps_the_article() {
    let cleaner = Cleaner::new();
    let Some((extracted, _)) = aeb_scores(|_, html| cleaner.clean_html(html).text()) else {
        eprintln!("skipping: ../shared/devset/aeb is absent");
        return;
    };
    let (again, f1) = aeb_scores(|_, html| cleaner.clean(&cleaner.clean_html(html).text()).text()).expect("present");
    eprintln!("aeb post-extraction: recall {extracted:.3} -> {again:.3}, F1 {f1:.3}");
    assert!(extracted - again <= 0.01, "text mode cut the extracted articles: recall {extracted:.3} -> {again:.3}");
}

/// The pages of a devset folder, each with its index entry, when the folder is present.
fn pages(set: &str) -> Option<(std::path::PathBuf, Vec<serde_json::Value>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/devset").join(set);
    let index = std::fs::read_to_string(dir.join("index.jsonl")).ok()?;
    let entries = index
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("index line is JSON"))
        .collect();
    Some((dir, entries))
}

/// Mean F1 over readability's real pages (its synthetic test cases left out).
fn readability_real_f1(clean: impl Fn(&str, &str) -> String) -> Option<f64> {
    let (dir, entries) = pages("readability")?;
    let (mut f1, mut n) = (0.0, 0.0);
    for entry in entries.iter().filter(|e| e["synthetic_test"] != serde_json::Value::Bool(true)) {
        let id = entry["id"].as_str().expect("id");
        let read = |ext: &str| std::fs::read_to_string(dir.join(format!("{id}.{ext}"))).expect("page file");
        f1 += prf(&clean(&read("dump.txt"), &read("html")), &read("gold.txt")).2;
        n += 1.0;
    }
    Some(f1 / n)
}

/// Snippet F1 over trafilatura_eval: a `with` snippet found in the whitespace-normalized
/// output is a true positive, missing a false negative; a `without` snippet found is a false
/// positive; counts summed over the pages.
fn snippet_f1(clean: impl Fn(&str, &str) -> String) -> Option<f64> {
    let (dir, entries) = pages("trafilatura_eval")?;
    let norm = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
    for entry in &entries {
        let id = entry["id"].as_str().expect("id");
        let read = |ext: &str| std::fs::read_to_string(dir.join(format!("{id}.{ext}"))).unwrap_or_default();
        let snippets: serde_json::Value = serde_json::from_str(&read("snippets.json")).expect("snippets are JSON");
        let output = norm(&clean(&read("dump.txt"), &read("html")));
        let found = |kind: &str| -> Vec<bool> {
            snippets[kind].as_array().map_or(Vec::new(), |a| {
                a.iter().filter_map(|s| s.as_str()).map(|s| output.contains(&norm(s))).collect()
            })
        };
        for hit in found("with") {
            if hit {
                tp += 1.0
            } else {
                fn_ += 1.0
            }
        }
        fp += found("without").into_iter().filter(|&hit| hit).count() as f64;
    }
    let (p, r) = (tp / (tp + fp), tp / (tp + fn_));
    Some(2.0 * p * r / (p + r))
}

#[test]
fn readability_and_trafilatura_eval_stay_above_their_floors() {
    let cleaner = Cleaner::new();
    let text = |dump: &str, _: &str| cleaner.clean(dump).text();
    let html = |_: &str, html: &str| cleaner.clean_html(html).text();
    let floors: [(&str, Option<f64>, f64); 4] = [
        ("readability real pages, text mode", readability_real_f1(text), 0.88),
        ("readability real pages, HTML mode", readability_real_f1(html), 0.95),
        ("trafilatura_eval snippets, text mode", snippet_f1(text), 0.85),
        ("trafilatura_eval snippets, HTML mode", snippet_f1(html), 0.90),
    ];
    for (what, f1, floor) in floors {
        let Some(f1) = f1 else {
            eprintln!("skipping {what}: ../shared/devset is absent");
            continue;
        };
        eprintln!("{what}: F1 {f1:.3}");
        assert!(f1 >= floor, "{what}: F1 fell to {f1:.3} (floor {floor})");
    }
}
