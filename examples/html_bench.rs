//! HTML throughput against bare parsing: `cargo run --release --example html_bench -- DIR...`
//! (folders of `*.html`, such as the devset's). Prints MB/s of `scraper::Html::parse_document`
//! alone and of `Cleaner::clean_html` (parse, projection, every rule), single thread.

use std::time::{Duration, Instant};

fn main() {
    let dirs: Vec<String> = std::env::args().skip(1).collect();
    if dirs.is_empty() {
        eprintln!("usage: html_bench DIR...");
        std::process::exit(2);
    }
    let mut pages = Vec::new();
    for dir in &dirs {
        let Ok(entries) = std::fs::read_dir(dir) else {
            eprintln!("html_bench: {dir}: no such directory");
            std::process::exit(2);
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "html") {
                if let Ok(text) = std::fs::read_to_string(&path) {
                    pages.push(text);
                }
            }
        }
    }
    let bytes: usize = pages.iter().map(String::len).sum();
    let cleaner = unclutter::Cleaner::new();
    let time = |f: &dyn Fn(&str)| {
        let mut spent = Duration::ZERO;
        let mut rounds = 0;
        while spent < Duration::from_secs(3) {
            let started = Instant::now();
            for page in &pages {
                f(page);
            }
            spent += started.elapsed();
            rounds += 1;
        }
        (bytes * rounds) as f64 / spent.as_secs_f64() / 1e6
    };
    let parse = time(&|page| {
        std::hint::black_box(scraper::Html::parse_document(page));
    });
    let clean = time(&|page| {
        std::hint::black_box(cleaner.clean_html(page).text());
    });
    println!("{} pages, {:.1} MB", pages.len(), bytes as f64 / 1e6);
    println!("scraper parse only: {parse:.1} MB/s");
    println!("clean_html:         {clean:.1} MB/s ({:.2}x of parsing)", clean / parse);
}
