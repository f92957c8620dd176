//! The library's modules form layers: `lib.rs` declares them bottom layer first, and a module
//! may use only the modules declared before it (and the text primitives of `unclutter_text`,
//! a crate of its own that cannot see the library at all). This reads every source file's
//! `crate::<module>` paths and checks them against that order, so an import cycle, or a lower
//! layer reaching up, fails here.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The top-level modules in the order `lib.rs` declares them.
fn declared_order() -> Vec<String> {
    let lib = fs::read_to_string(src().join("lib.rs")).expect("lib.rs is readable");
    lib.lines()
        .filter_map(|l| {
            let l = l.trim();
            l.strip_prefix("mod ").or_else(|| l.strip_prefix("pub mod ")).and_then(|m| m.strip_suffix(';'))
        })
        .map(str::to_string)
        .collect()
}

/// Every `.rs` file under `dir`.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            out.extend(files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

/// The top-level module a file belongs to: `rules/share.rs` -> `rules`.
fn module_of(path: &Path) -> String {
    let rel = path.strip_prefix(src()).expect("under src");
    let first = rel.components().next().expect("a component").as_os_str().to_string_lossy().to_string();
    first.trim_end_matches(".rs").to_string()
}

/// The top-level modules a source text names as `crate::<module>`, outside comments. `$crate`
/// (a macro's own crate) and `crate::` followed by an upper-case item re-exported at the root
/// (`crate::Cleaner` in a doc link) are not module paths.
fn modules_used(text: &str) -> BTreeSet<String> {
    let mut used = BTreeSet::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            let before = &rest[..at];
            let after = &rest[at + "crate::".len()..];
            rest = after;
            if before.ends_with('$') || before.ends_with(|c: char| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let name: String = after.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            if name.starts_with(|c: char| c.is_ascii_lowercase()) {
                used.insert(name);
            }
        }
        // `use crate::{a, b}` groups.
        if let Some(group) = code.split("crate::{").nth(1) {
            for item in group.split(['}', ',']).map(str::trim) {
                let name: String = item.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                if name.starts_with(|c: char| c.is_ascii_lowercase()) {
                    used.insert(name);
                }
            }
        }
    }
    used
}

#[test]
fn every_module_uses_only_modules_declared_before_it() {
    let order = declared_order();
    assert!(order.len() >= 10, "lib.rs declares {order:?}");
    let rank = |m: &str| order.iter().position(|o| o == m);
    let mut problems = Vec::new();
    for file in files(&src()) {
        let module = module_of(&file);
        if module == "lib" {
            continue;
        }
        let Some(own) = rank(&module) else {
            problems.push(format!("{}: module {module} is not declared in lib.rs", file.display()));
            continue;
        };
        let text = fs::read_to_string(&file).expect("source is readable");
        for used in modules_used(&text) {
            match rank(&used) {
                Some(r) if r < own || used == module => {}
                Some(_) => problems.push(format!(
                    "{}: {module} uses {used}, which lib.rs declares after it (a higher layer)",
                    file.display()
                )),
                None => problems.push(format!("{}: {module} uses crate::{used}, which is no module", file.display())),
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_checker_sees_uses_and_ignores_comments_and_macros() {
    let text = "use crate::rule::{Hit, Line};\nuse crate::{context, html::Projection};\n\
                // crate::cleaner in a comment\nlet x = $crate::rule::Phase::Line;\n\
                /// [`Cleaner`](crate::Cleaner)\nlet y = crate::analysis::analyse;\n";
    let used: Vec<String> = modules_used(text).into_iter().collect();
    assert_eq!(used, ["analysis", "context", "html", "rule"]);
}
