//! Throughput benchmark: `cargo run --release --example bench [-- FILE|DIR...]`.
//!
//! Cleans the corpus documents (or the given files) repeatedly and a few synthetic shapes, and
//! prints MB/s per input, single thread, cleaning time only; the corpus also without the
//! structural (boilerplate) rules. A folder (such as the devset dumps, `../shared/devset/aeb`) is
//! one input of many documents: its `.dump.txt` files (else every `.txt` file) are loaded first,
//! then cleaned one by one in rounds for at least two seconds, and it prints MB/s and
//! documents/s over all rounds, and the fastest round.

use std::time::{Duration, Instant};

use unclutter::Cleaner;

fn measure(cleaner: &Cleaner, name: &str, input: &str) {
    let mut bytes = 0usize;
    let mut spent = Duration::ZERO;
    let mut removed = 0;
    while spent < Duration::from_millis(500) {
        let started = Instant::now();
        let cleaned = cleaner.clean(input);
        removed = cleaned.removals().len();
        spent += started.elapsed();
        bytes += input.len();
    }
    let mb_s = bytes as f64 / spent.as_secs_f64() / 1e6;
    println!("{name:<32} {:>10} bytes {:>8.1} MB/s {:>8} removals", input.len(), mb_s, removed);
}

/// Every document of the folder: its `.dump.txt` files, or else its `.txt` files, by name.
fn documents(dir: &std::path::Path) -> Vec<String> {
    let mut paths: Vec<_> =
        std::fs::read_dir(dir).expect("a readable folder").map(|e| e.expect("entry").path()).collect();
    paths.sort();
    let dumps = paths.iter().any(|p| p.to_string_lossy().ends_with(".dump.txt"));
    let suffix = if dumps { ".dump.txt" } else { ".txt" };
    paths
        .iter()
        .filter(|p| p.to_string_lossy().ends_with(suffix))
        .map(|p| std::fs::read_to_string(p).expect("UTF-8 text"))
        .collect()
}

fn measure_many(cleaner: &Cleaner, name: &str, docs: &[String]) {
    let bytes: usize = docs.iter().map(String::len).sum();
    let (mut rounds, mut spent, mut fastest) = (0u32, Duration::ZERO, Duration::MAX);
    // How many passes each document took (the settle passes over the kept text), first round.
    let mut passes = [0usize; 8];
    while spent < Duration::from_secs(2) || rounds < 3 {
        let started = Instant::now();
        for doc in docs {
            let work = std::hint::black_box(cleaner.clean(doc)).work();
            if rounds == 0 {
                passes[(work.passes as usize).min(passes.len() - 1)] += 1;
            }
        }
        let round = started.elapsed();
        spent += round;
        fastest = fastest.min(round);
        rounds += 1;
    }
    let per_round = spent.as_secs_f64() / f64::from(rounds);
    println!(
        "{name:<32} {:>5} docs {:>10} bytes {:>8.1} MB/s {:>8.0} docs/s (fastest round {:.1} MB/s, {rounds} rounds)",
        docs.len(),
        bytes,
        bytes as f64 / per_round / 1e6,
        docs.len() as f64 / per_round,
        bytes as f64 / fastest.as_secs_f64() / 1e6
    );
    let taken: Vec<String> =
        passes.iter().enumerate().filter(|(_, &n)| n > 0).map(|(k, n)| format!("{n} in {k}")).collect();
    println!("{:<32} documents by passes: {}", "", taken.join(", "));
}

fn main() {
    // Start-up, in this fresh process: building compiles nothing, `prepare` compiles it all.
    let started = Instant::now();
    let cleaner = Cleaner::new();
    let built = started.elapsed();
    cleaner.prepare();
    println!(
        "start-up: Cleaner::new {:.2} ms, then prepare {:.1} ms",
        built.as_secs_f64() * 1e3,
        (started.elapsed() - built).as_secs_f64() * 1e3
    );
    let without_structure = Cleaner::builder().ignore(["boilerplate"]).build().expect("valid selector");
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/text");
        let mut all = String::new();
        let mut paths: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
        paths.sort();
        for p in paths.iter().filter(|p| p.to_string_lossy().ends_with(".in.txt")) {
            all.push_str(&std::fs::read_to_string(p).unwrap());
            all.push('\n');
        }
        measure(&cleaner, "corpus (all documents)", &all);
        measure(&cleaner, "corpus x20", &all.repeat(20));
        measure(&without_structure, "corpus x20, --ignore boilerplate", &all.repeat(20));
    } else {
        for f in &files {
            let path = std::path::Path::new(f);
            if path.is_dir() {
                measure_many(&cleaner, f, &documents(path));
            } else {
                measure(&cleaner, f, &std::fs::read_to_string(f).unwrap());
            }
        }
    }
    measure(&cleaner, "one-character lines", &"a\n".repeat(1_000_000));
    measure(
        &cleaner,
        "prose paragraphs",
        &"The council voted 7-2 on Tuesday to fund the bridge, which will open in May after years of delay.\n\n"
            .repeat(50_000),
    );
    measure(&cleaner, "clutter lines", &"Share\n2 min read\nAdvertisement\nX\n".repeat(100_000));
}
