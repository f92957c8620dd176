//! Times the hostile text shapes of the robustness work at growing sizes, beside prose of the
//! same size, with `Work` steps: superlinear growth shows as time or steps more than doubling
//! when the size doubles.
//!
//!   cargo run --release -p unclutter --example shapes [MB...]   (default 1 2 4 8)

use std::time::Instant;

use unclutter::Cleaner;

const PROSE: &str =
    "The council voted seven to two on Tuesday to fund the new bridge across the river, after years of delay.";

/// Unit `i` of each shape; a document is units 0.. until it reaches the size.
fn unit(shape: &str, i: usize) -> String {
    let first = ["Anna", "Ben", "Carla", "Dev", "Elif", "Farid", "Greta", "Hugo", "Ines", "Jon"];
    let last = ["Albers", "Brandt", "Costa", "Dumont", "Eriksen", "Fischer", "Garcia", "Horvat", "Ivanova", "Jansen"];
    let name = format!("{} {}{}", first[i % 10], last[(i / 10) % 10], i / 100);
    match shape {
        "prose" => format!("{PROSE}\n\n"),
        "related-blanks" => format!("{PROSE}\nRelated Stories\n{}Why the bridge closed\n", "\n".repeat(2000)),
        "teaser-list" => {
            let teasers: String = (0..40).map(|k| format!("Story {i}-{k}: what the vote means for you\n")).collect();
            format!("{PROSE}\nYou Might Like\n{teasers}")
        }
        "bylines" => format!("By {name}\n{PROSE}\nShort line {i}\n"),
        "byline-short" => format!("By {name}\n{PROSE}\n"),
        "slugs" => format!("{}\n{PROSE}\n", name.to_lowercase().replace(' ', "-")),
        "contains-line" => format!("{} ", "click here to subscribe".repeat(3)),
        "latin-extended" => "ąćęłńóśźżĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚě ".to_string(),
        other => panic!("unknown shape {other}"),
    }
}

fn document(shape: &str, bytes: usize) -> String {
    let mut doc = String::with_capacity(bytes + 4096);
    let mut i = 0;
    while doc.len() < bytes {
        doc.push_str(&unit(shape, i));
        i += 1;
    }
    doc
}

fn main() {
    let sizes: Vec<f64> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let sizes = if sizes.is_empty() { vec![1.0, 2.0, 4.0, 8.0] } else { sizes };
    let cleaner = Cleaner::new();
    let shapes = [
        "prose",
        "related-blanks",
        "teaser-list",
        "bylines",
        "byline-short",
        "slugs",
        "contains-line",
        "latin-extended",
    ];
    for shape in shapes {
        let mut line = format!("{shape:<16}");
        for &mb in &sizes {
            let doc = document(shape, (mb * 1e6) as usize);
            let started = Instant::now();
            let work = cleaner.clean(&doc).work();
            line += &format!("  {mb} MB {:.2}s ({} steps)", started.elapsed().as_secs_f64(), work.steps);
        }
        println!("{line}");
    }
}
