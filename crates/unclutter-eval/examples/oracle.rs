//! The ceiling of a line-keeping cleaner: keeps exactly the lines the alignment labels as the
//! article's ([`unclutter_eval::align_lines`]) and scores them, per devset folder with full-text
//! gold. A learned line scorer is judged against this, not against 1.0.
//!
//! ```text
//! cargo run --release -p unclutter-eval --example oracle [-- FOLDER...]
//! ```

use std::process::ExitCode;

use unclutter_eval::{align_lines, devset_dir, Devset, Gold, Report};
use unclutter_text::Document;

fn main() -> ExitCode {
    let mut folders: Vec<String> = std::env::args().skip(1).collect();
    if folders.is_empty() {
        folders = ["aeb", "readability", "wcxb_dev"].map(String::from).to_vec();
    }
    for folder in &folders {
        let Some(dir) = devset_dir(folder) else {
            eprintln!("oracle: ../shared/devset/{folder} is absent");
            return ExitCode::from(2);
        };
        let devset = match Devset::load(dir) {
            Ok(devset) => devset,
            Err(e) => {
                eprintln!("oracle: {e}");
                return ExitCode::from(2);
            }
        };
        let report = Report::score(&devset, |page| {
            let Gold::Text { text: gold, .. } = &page.gold else { return page.dump.clone() };
            let labels = align_lines(&page.dump, gold);
            let doc = Document::parse(&page.dump, None);
            doc.segments
                .iter()
                .zip(&labels)
                .filter(|(_, label)| label.is_content() == Some(true))
                .map(|(seg, _)| &page.dump[seg.full()])
                .collect()
        });
        if let Some(text) = report.text_summary() {
            println!(
                "{folder}: pages={} keeping the aligned lines: precision={:.3} recall={:.3} F1={:.3}",
                text.pages, text.output.precision, text.output.recall, text.output.f1
            );
        }
    }
    ExitCode::SUCCESS
}
