//! HTML throughput against bare parsing: `cargo run --release --example html_bench -- DIR...`
//! (folders of `*.html`, such as the devset's). Prints MB/s of `scraper::Html::parse_document`
//! alone and of `Cleaner::clean_html` (parse, projection, every rule), single thread: the
//! median of rounds that alternate between the two.

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
    // Rounds alternate between the two, so that both see the same state of the machine; the
    // median round of each is reported.
    let round = |f: &dyn Fn(&str)| {
        let started = Instant::now();
        for page in &pages {
            f(page);
        }
        started.elapsed()
    };
    let parse = |page: &str| {
        std::hint::black_box(scraper::Html::parse_document(page));
    };
    let clean = |page: &str| {
        std::hint::black_box(cleaner.clean_html(page).text());
    };
    round(&clean); // patterns compile lazily on first use
    let (mut parse_times, mut clean_times) = (Vec::new(), Vec::new());
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(8) || parse_times.len() < 3 {
        parse_times.push(round(&parse));
        clean_times.push(round(&clean));
    }
    let median = |times: &mut Vec<Duration>| {
        times.sort();
        bytes as f64 / times[times.len() / 2].as_secs_f64() / 1e6
    };
    let (parse, clean) = (median(&mut parse_times), median(&mut clean_times));
    println!("{} pages, {:.1} MB, {} rounds each", pages.len(), bytes as f64 / 1e6, parse_times.len());
    println!("scraper parse only: {parse:.1} MB/s");
    println!("clean_html:         {clean:.1} MB/s ({:.2}x of parsing)", clean / parse);
}
