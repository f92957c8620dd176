//! `--json` prints the library's serialization of the result (the schema of `unclutter::json`),
//! byte for byte, and nothing of its own (the encoding it decoded the bytes from is the result's).

use std::io::Write;
use std::process::{Command, Stdio};

fn unclutter_json(args: &[&str], stdin: &str) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_unclutter"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn json_is_the_library_serialization() {
    let text =
        "Skip to main content\n\nCouncil approves bridge — größer\n\nThe council voted 7-2 on Tuesday.\n\nShare\n";
    let page = "<html><body><nav><a href=/>Home</a> <a href=/n>News</a></nav><article><p>The council voted \
                7-2 on Tuesday to fund the new bridge — größer — over the river.</p></article></body></html>";
    let cleaner = unclutter::Cleaner::new();
    // The command line reads bytes: it names the encoding they were decoded from.
    let expected = serde_json::to_string(&cleaner.clean(text).with_encoding("UTF-8")).unwrap() + "\n";
    assert_eq!(unclutter_json(&["--json"], text), expected);
    let expected = serde_json::to_string(&cleaner.clean_html(page).with_encoding("UTF-8")).unwrap() + "\n";
    assert_eq!(unclutter_json(&["--html", "--json"], page), expected);
}
