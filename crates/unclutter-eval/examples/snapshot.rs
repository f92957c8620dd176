//! Writes what the cleaner makes of every devset page, for comparing two builds: a change meant
//! to keep behaviour must leave the file byte-identical.
//!
//! ```text
//! cargo run --release -p unclutter-eval --example snapshot -- OUTFILE
//! ```
//!
//! One line per page and mode: `<folder> <id> text|html` then the `--json` object of the
//! cleaned page (kept text, every removal with its rule, category and reason). Every folder of
//! `../shared/devset` is read, in index order, the dumps in text mode and the HTML in HTML mode.
//! Exit status: 0 on success, 2 on an error (no devset, an unreadable page, an unwritable file).

use std::fs::File;
use std::io::{BufWriter, Write};
use std::process::ExitCode;

use unclutter::Cleaner;
use unclutter_eval::{devset_dir, Devset};

const FOLDERS: &[&str] = &["aeb", "readability", "trafilatura_eval", "wcxb_dev"];

fn main() -> ExitCode {
    let Some(out) = std::env::args().nth(1) else {
        eprintln!("usage: snapshot OUTFILE");
        return ExitCode::from(2);
    };
    match run(&out) {
        Ok(lines) => {
            eprintln!("snapshot: {lines} lines in {out}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("snapshot: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(out: &str) -> Result<usize, String> {
    let cleaner = Cleaner::new();
    let mut file = BufWriter::new(File::create(out).map_err(|e| format!("{out}: {e}"))?);
    let mut lines = 0;
    for folder in FOLDERS {
        let dir = devset_dir(folder).ok_or_else(|| format!("../shared/devset/{folder} is absent"))?;
        let mut set = Devset::load(&dir).map_err(|e| e.to_string())?;
        set.load_html().map_err(|e| e.to_string())?;
        for page in set.pages() {
            let id = &page.entry.id;
            let text = serde_json::to_string(&cleaner.clean(&page.dump)).map_err(|e| e.to_string())?;
            writeln!(file, "{folder} {id} text {text}").map_err(|e| e.to_string())?;
            if let Some(html) = &page.html {
                let cleaned = serde_json::to_string(&cleaner.clean_html(html)).map_err(|e| e.to_string())?;
                writeln!(file, "{folder} {id} html {cleaned}").map_err(|e| e.to_string())?;
            }
            lines += 2;
        }
    }
    file.flush().map_err(|e| format!("{out}: {e}"))?;
    Ok(lines)
}
