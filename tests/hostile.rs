//! Hostile inputs: each must finish, without panic, with the provenance invariants intact.
//! Timings print with `cargo test hostile -- --nocapture`; no test asserts a time.

use std::time::Instant;

use unclutter::Cleaner;

/// Cleans `input`, checks that kept text plus removals rebuild it, and returns the removal count.
fn survive(name: &str, input: &str) -> usize {
    let cleaner = Cleaner::new();
    let started = Instant::now();
    let cleaned = cleaner.clean(input);
    let kept = cleaned.text();
    let elapsed = started.elapsed();
    let removed: usize = cleaned.removals().iter().map(|r| r.span().len()).sum();
    assert_eq!(kept.len() + removed, input.len(), "{name}: bytes lost or duplicated");
    let mut at = 0;
    for r in cleaned.removals() {
        assert!(r.span().start >= at && r.span().start < r.span().end, "{name}: bad span {:?}", r.span());
        at = r.span().end;
    }
    eprintln!(
        "hostile {name}: {} bytes in {:.3}s, {} removals",
        input.len(),
        elapsed.as_secs_f64(),
        cleaned.removals().len()
    );
    cleaned.removals().len()
}

#[test]
fn a_50_mb_single_line() {
    let line = "The council voted to fund the bridge and Share prices rose. ".repeat(50 * 1024 * 1024 / 60);
    assert_eq!(survive("50 MB single line", &line), 0);
}

#[test]
fn two_million_one_character_lines() {
    let input = "a\n".repeat(2_000_000);
    survive("2M one-character lines", &input);
    let orphans = "|\n".repeat(2_000_000);
    assert_eq!(survive("2M orphan lines", &orphans), 2_000_000);
}

#[test]
fn only_whitespace() {
    let input = " \t\n\r\n\u{a0}\u{2003}\n".repeat(100_000);
    survive("only whitespace", &input);
    assert_eq!(Cleaner::new().clean(&input).text(), "", "blank lines alone leave nothing");
}

#[test]
fn nul_and_control_bytes() {
    let mut input = String::new();
    for b in 0u8..32 {
        input.push(char::from(b));
        input.push_str("Share\u{0}\u{7f}\n");
    }
    let input = input.repeat(10_000);
    survive("NUL and control bytes", &input);
}

#[test]
fn lone_cr_line_endings() {
    let input = "Skip to main content\rThe council met.\r\r\r2 min read\rShare\r".repeat(100_000);
    let cleaned = Cleaner::new().clean(&input);
    assert!(cleaned.text().starts_with("The council met.\r\r"));
    assert!(!cleaned.text().contains("2 min read"));
    survive("lone CR", &input);
}

#[test]
fn a_bom_before_clutter() {
    let input = "\u{feff}Skip to main content\nThe council met on Monday.\n";
    assert_eq!(Cleaner::new().clean(input).text(), "The council met on Monday.\n");
    survive("BOM", &input.repeat(100_000));
}

#[test]
fn one_clutter_phrase_a_million_times() {
    let lines = "Share\n".repeat(1_000_000);
    assert_eq!(Cleaner::new().clean(&lines).text(), "");
    survive("1M clutter lines", &lines);
    let one_line = "Share this with family and friends ".repeat(1_000_000);
    survive("1M clutter phrases on one line", &one_line);
    let teasers = format!("You Might Like\n{}", "Hottest products from the show\n".repeat(1_000_000));
    assert_eq!(Cleaner::new().clean(&teasers).text(), "");
    let buttons = "Facebook\nAdvertisement\n".repeat(500_000);
    survive("1M share buttons and ads", &buttons);
}

#[test]
fn many_bios_and_names() {
    let input = "Jane Doe is a reporter for Example News.\n\nJane Doe\njane-doe\n".repeat(200_000);
    survive("bios and names", &input);
}
