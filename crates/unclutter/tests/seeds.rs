//! The five seed documents in `../shared/seeds`, against their hand labels: every body line
//! kept, every clutter line removed. Skips with a message when `../shared` is absent.

use std::path::Path;

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn seed_documents_keep_body_and_lose_clutter() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    let gold_path = shared.join("tools/seeds-gold.json");
    if !gold_path.exists() {
        eprintln!("skipping: {} is absent", gold_path.display());
        return;
    }
    let gold: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&gold_path).unwrap()).unwrap();
    let cleaner = unclutter::Cleaner::new();
    let mut problems = Vec::new();
    for (name, labels) in gold.as_object().unwrap() {
        let input = std::fs::read_to_string(shared.join("seeds").join(name)).unwrap();
        let out = cleaner.clean(&input).text();
        let flat = norm(&out);
        let lines: std::collections::HashSet<String> = out.split('\n').map(norm).collect();
        for keep in labels["keep"].as_array().unwrap() {
            let keep = norm(keep.as_str().unwrap());
            if !flat.contains(&keep) {
                problems.push(format!("{name}: body lost: {keep:?}"));
            }
        }
        for remove in labels["remove"].as_array().unwrap() {
            let remove = norm(remove.as_str().unwrap());
            if lines.contains(&remove) {
                problems.push(format!("{name}: clutter kept: {remove:?}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
