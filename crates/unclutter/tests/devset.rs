//! The devset floors: pages cleaned from their text dumps and from their HTML, scored with the
//! devset README's token measures by `unclutter_eval` (the same numbers as the evaluate example
//! and `../shared/tools/score.py`). Fails when a change drops a score below its floor; skips
//! with a message when `../shared/devset` is absent. The floors only ratchet up.
//!
//! Text mode is judged out of fold: each page is cleaned with the content scorer trained without
//! its site's fold (`crates/unclutter-eval/models/oof`, written by `scripts/train`), so the
//! floors hold on sites the model was not fitted to; HTML mode too, with the HTML models.

use unclutter::{Cleaner, Scorer};
use unclutter_eval::{devset_dir, fold_models, fold_models_dir, prf, Devset, Page, Prf, Report, FOLDS};

/// One cleaner per fold of sites, each with the content scorer trained without that fold.
fn oof_cleaners() -> Vec<Cleaner> {
    let text = fold_models(fold_models_dir(), "fold").expect("the fold models are in the repository");
    let html = fold_models(fold_models_dir(), "html-fold").expect("the HTML fold models are in the repository");
    let scorer = |text: &String| Scorer::parse(text).expect("a fold model matches the feature schema (scripts/train)");
    text.iter()
        .zip(&html)
        .map(|(text, html)| {
            Cleaner::builder().scorer(Some(scorer(text))).html_scorer(Some(scorer(html))).build().unwrap()
        })
        .collect()
}

/// A page's dump cleaned out of fold: by the cleaner whose scorer never saw its site.
fn oof_clean(cleaners: &[Cleaner], page: &Page) -> String {
    cleaners[page.entry.fold(FOLDS)].clean(page.text_input()).text()
}

/// A page's HTML cleaned out of fold.
fn oof_clean_html(cleaners: &[Cleaner], page: &Page) -> String {
    cleaners[page.entry.fold(FOLDS)].clean_html(html(page)).text()
}

/// The devset folder `set`, its HTML included, when it is present.
fn load(set: &str) -> Option<Devset> {
    let mut devset = Devset::load(devset_dir(set)?).expect("the devset folder reads");
    devset.load_html().expect("the devset's HTML reads");
    Some(devset)
}

/// A loaded page's HTML.
fn html(page: &Page) -> &str {
    page.html.as_deref().expect("HTML loaded")
}

/// Mean recall and F1 over the aeb pages, cleaning each page with `clean`.
fn aeb_scores(clean: impl Fn(&Page) -> String) -> Option<(f64, f64)> {
    let text = Report::score(&load("aeb")?, clean).text_summary().expect("aeb has full-text gold");
    Some((text.output.recall, text.output.f1))
}

/// Scores aeb with `clean` and asserts the floors; skips with a message without the devset.
fn assert_floors(mode: &str, clean: impl Fn(&Page) -> String, f1_floor: f64, recall_floor: f64) {
    let Some((recall, f1)) = aeb_scores(clean) else {
        eprintln!("skipping: ../shared/devset/aeb is absent");
        return;
    };
    eprintln!("aeb {mode}: recall {recall:.3} F1 {f1:.3}");
    assert!(f1 >= f1_floor, "aeb {mode} F1 fell to {f1:.3} (floor {f1_floor})");
    assert!(recall >= recall_floor, "aeb {mode} recall fell to {recall:.3} (floor {recall_floor})");
}

/// Out of fold (0.902 and 0.987 when set; the target is 0.90 and 0.97).
#[test]
fn aeb_text_mode_stays_above_its_floor() {
    let cleaners = oof_cleaners();
    assert_floors("text mode, out of fold", |page| oof_clean(&cleaners, page), 0.90, 0.98);
}

#[test]
fn the_fold_models_match_the_feature_schema() {
    assert_eq!(oof_cleaners().len(), FOLDS);
}

/// wcxb_dev, out of fold: its articles and all seven page types, from the dumps (0.911 and
/// 0.800 when last set; the targets are 0.92 and 0.82) and from the HTML (0.954 and 0.854;
/// the targets are 0.95 and 0.86).
#[test]
fn wcxb_dev_stays_above_its_floors() {
    let Some(mut devset) = devset_dir("wcxb_dev").map(|dir| Devset::load(dir).expect("the devset folder reads")) else {
        eprintln!("skipping: ../shared/devset/wcxb_dev is absent");
        return;
    };
    devset.load_html().expect("the devset's HTML reads");
    let cleaners = oof_cleaners();
    let text = Report::score(&devset, |page| oof_clean(&cleaners, page));
    let html = Report::score(&devset, |page| oof_clean_html(&cleaners, page));
    for (mode, report, floors) in [("text", text, (0.905, 0.795)), ("HTML", html, (0.95, 0.85))] {
        let all = report.text_summary().expect("full-text gold").output.f1;
        let articles = report
            .text_summary_where(|page| page.entry.page_type.as_deref() == Some("article"))
            .expect("article pages")
            .output
            .f1;
        eprintln!("wcxb_dev {mode} mode, out of fold: articles F1 {articles:.3}, all {all:.3}");
        assert!(articles >= floors.0, "wcxb_dev {mode} articles F1 fell to {articles:.3} (floor {})", floors.0);
        assert!(all >= floors.1, "wcxb_dev {mode} F1 fell to {all:.3} (floor {})", floors.1);
    }
}

/// Out of fold (0.962 and 0.996 when last measured; the target is 0.96: the rules alone, whose
/// markup thresholds were set on aeb, score 0.968 in-sample).
#[test]
fn aeb_html_mode_stays_above_its_floor() {
    let cleaners = oof_cleaners();
    assert_floors("HTML mode, out of fold", |page| oof_clean_html(&cleaners, page), 0.96, 0.99);
}

/// The floors are only as good as the scorer: it must give score.py's numbers. (The scorer's own
/// unit tests live in `unclutter-eval`.)
#[test]
fn the_scorer_matches_score_py_on_known_cases() {
    assert_eq!(prf("", ""), Prf { precision: 1.0, recall: 1.0, f1: 1.0 });
    assert_eq!(prf("", "gold words"), Prf { precision: 0.0, recall: 0.0, f1: 0.0 });
    let Prf { precision, recall, f1 } = prf("the bridge the river", "The bridge, over the river.");
    assert_eq!((precision, recall), (1.0, 0.8));
    assert!((f1 - 2.0 * 0.8 / 1.8).abs() < 1e-12);
}

/// Post-extraction use: the text cleaner run over an extractor's output (here our own HTML
/// mode's) must not cut the article it was given; both out of fold.
#[test]
fn cleaning_extracted_text_keeps_the_article() {
    let cleaners = oof_cleaners();
    let Some((extracted, _)) = aeb_scores(|page| oof_clean_html(&cleaners, page)) else {
        eprintln!("skipping: ../shared/devset/aeb is absent");
        return;
    };
    let again = |page: &Page| cleaners[page.entry.fold(FOLDS)].clean(&oof_clean_html(&cleaners, page)).text();
    let (again, f1) = aeb_scores(again).expect("present");
    eprintln!("aeb post-extraction: recall {extracted:.3} -> {again:.3}, F1 {f1:.3}");
    assert!(extracted - again <= 0.01, "text mode cut the extracted articles: recall {extracted:.3} -> {again:.3}");
}

/// Mean F1 over readability's real pages (its synthetic test cases left out).
fn readability_real_f1(clean: impl Fn(&Page) -> String) -> Option<f64> {
    let report = Report::score(&load("readability")?, clean);
    Some(report.text_summary_where(|page| !page.entry.synthetic_test).expect("real pages").output.f1)
}

/// Snippet F1 over trafilatura_eval: a `with` snippet found in the whitespace-normalized
/// output is a true positive, missing a false negative; a `without` snippet found is a false
/// positive; counts summed over the pages.
fn snippet_f1(clean: impl Fn(&Page) -> String) -> Option<f64> {
    let report = Report::score(&load("trafilatura_eval")?, clean);
    Some(report.snippet_summary().expect("snippet gold").output.prf().f1)
}

#[test]
fn readability_and_trafilatura_eval_stay_above_their_floors() {
    let cleaners = oof_cleaners();
    let from_dump = |page: &Page| oof_clean(&cleaners, page);
    let from_html = |page: &Page| oof_clean_html(&cleaners, page);
    let floors: [(&str, Option<f64>, f64); 4] = [
        // Out of fold: text 0.892 and 0.847, HTML 0.959 and 0.907 when set; text 0.900 and 0.858,
        // HTML 0.948 and 0.907 since the markup's shape features and the wide windows.
        ("readability real pages, text mode", readability_real_f1(from_dump), 0.88),
        ("readability real pages, HTML mode", readability_real_f1(from_html), 0.94),
        ("trafilatura_eval snippets, text mode", snippet_f1(from_dump), 0.84),
        ("trafilatura_eval snippets, HTML mode", snippet_f1(from_html), 0.90),
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
