//! Metadata of the corpus documents: for each `<doc>.meta.json` beside a `<doc>.in.txt` or
//! `<doc>.in.html`, the fields it names (written by a person from the document: `title`,
//! `author`, `date`, `sources`) are what unclutter reads, from the text or, for a page, from
//! its markup and text (`Metadata::from_page`).

use std::path::{Path, PathBuf};

use unclutter::{Cleaner, Metadata};

fn meta_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            meta_files(&path, out);
        } else if path.to_string_lossy().ends_with(".meta.json") {
            out.push(path);
        }
    }
}

fn values(fields: &[unclutter::metadata::Field]) -> Vec<&str> {
    fields.iter().map(|f| f.value.as_str()).collect()
}

#[test]
fn corpus_documents_give_their_metadata() {
    let mut files = Vec::new();
    meta_files(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus")), &mut files);
    files.sort();
    assert!(files.len() >= 10, "{} metadata files", files.len());
    let cleaner = Cleaner::new();
    let mut problems = Vec::new();
    for file in &files {
        let expected: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
        let base = file.to_string_lossy().trim_end_matches(".meta.json").to_string();
        let (html, input) = match std::fs::read_to_string(format!("{base}.in.html")) {
            Ok(page) => (true, page),
            Err(_) => (false, std::fs::read_to_string(format!("{base}.in.txt")).unwrap()),
        };
        let meta = if html {
            let cleaned = cleaner.clean_html(&input);
            Metadata::from_page(&input, &cleaned)
        } else {
            cleaner.clean(&input).metadata()
        };
        let name = Path::new(&base).file_name().unwrap().to_string_lossy().to_string();
        let one = |field: &Option<unclutter::metadata::Field>| field.as_ref().map(|f| f.value.clone());
        let many =
            |fields: &[unclutter::metadata::Field]| values(fields).iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let strings = |v: &serde_json::Value| {
            v.as_array().unwrap().iter().map(|s| s.as_str().unwrap().to_string()).collect::<Vec<_>>()
        };
        for (key, want) in expected.as_object().unwrap() {
            let ok = match key.as_str() {
                "title" => one(&meta.title).as_deref() == want.as_str(),
                "date" => one(&meta.date).as_deref() == want.as_str(),
                "author" => many(&meta.authors) == strings(want),
                "sources" => many(&meta.sources) == strings(want),
                other => panic!("{name}: unknown key {other}"),
            };
            if !ok {
                problems.push(format!(
                    "{name}: {key}: want {want}, got {:?}",
                    match key.as_str() {
                        "title" => format!("{:?}", one(&meta.title)),
                        "date" => format!("{:?}", one(&meta.date)),
                        "author" => format!("{:?}", many(&meta.authors)),
                        _ => format!("{:?}", many(&meta.sources)),
                    }
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}
