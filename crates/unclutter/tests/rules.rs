//! Per-rule cases: for every rule, clutter it must remove and article lines holding its trigger
//! words that must stay. The cases are data, one fixture file per rule code under
//! `tests/fixtures/rules/<CODE>.txt`; the tests here find the files themselves, so adding a
//! rule's cases means adding or editing its one file.
//!
//! # Fixture format
//!
//! A fixture is UTF-8 text in sections, each opened by a header line:
//!
//! ```text
//! ## removes
//! # A comment: any line starting with `#` (other than a header) is one, in any section.
//! Skip to main content
//!
//! ## keeps
//! Skip to the end of the report and the numbers look worse.
//!
//! ## doc
//! # Documents for cases that need context.
//! The council met on Tuesday to discuss the budget.
//!
//! [-Facebook-]
//! [-Twitter-]
//!
//! [+Members voted 7-2 to approve the plan.+]
//! ## doc
//! ...
//! ```
//!
//! - `## removes`: one case per line, a line the file's rule itself must remove whole.
//! - `## keeps`: one case per line, an article line holding the rule's trigger words that no
//!   rule may touch.
//!
//!   A one-line case is checked in the middle of a small article: it sits between two ordinary
//!   body paragraphs (see [`frame`]), which must stay too. Blank lines between one-line cases
//!   are ignored; a case line may not start or end with whitespace.
//! - `## doc`: one document, for a case that needs context (an author named elsewhere, a
//!   teaser marker, a run of buttons, a partial stamp). It is written with the markers of
//!   `--annotate`: `[-text-]` is text the file's rule must remove, `[+text+]` is text no rule
//!   may touch; unmarked text may go or stay. The document is every line from its header to
//!   the next header or the end of the file, blank lines included (only comments are left
//!   out), each ending in a newline: so the next `## doc` follows the document's last line
//!   directly, and a blank line before it is part of the document.
//!
//! Sections may come in any order and repeat. A case that a rule once got wrong carries a
//! `# Regression:` comment saying what went wrong; it is asserted like the rest, so it stays
//! fixed. No text can start with `#` (it would be a comment or a header).
//!
//! A failure names the rule code and the file and line of its case. The rules in [`UNTABLED`]
//! have no fixture: LAY002 is tested on its own below, BPL004 and BPL005 act on HTML only,
//! BPL006 is the content scorer's alone (tested with it, in `scorer.rs`).

use std::fmt::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};

use unclutter::{Cleaned, Cleaner, RuleId};

/// The body paragraph before a one-line case.
const BEFORE: &str = "The council met on Tuesday to discuss the budget.";
/// The body paragraph after a one-line case.
const AFTER: &str = "Members voted 7-2 to approve the plan.";

/// LAY002 has its own tests below, BPL004/BPL005 act on HTML only, and BPL006 has no check of
/// its own (the content scorer removes in its name); every other rule needs a fixture.
const UNTABLED: &[&str] = &["LAY002", "BPL004", "BPL005", "BPL006"];

/// The section of a fixture a case comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Section {
    Removes,
    Keeps,
    Doc,
}

impl Section {
    fn from_header(line: &str) -> Option<Section> {
        match line.trim_end() {
            "## removes" => Some(Section::Removes),
            "## keeps" => Some(Section::Keeps),
            "## doc" => Some(Section::Doc),
            _ => None,
        }
    }
}

/// A document to clean, and the claims a case makes about its bytes.
struct Doc {
    text: String,
    /// Ranges the case's rule must remove.
    removed: Vec<Range<usize>>,
    /// Ranges no rule may touch.
    kept: Vec<Range<usize>>,
}

/// One case of a fixture.
struct Case {
    section: Section,
    /// Where the case is written: `tests/fixtures/rules/NAV001.txt:3` (for a document, the
    /// line of its header).
    at: String,
    doc: Doc,
}

/// The cases of one rule.
struct Fixture {
    /// The rule's code, the file's name without `.txt`.
    code: String,
    cases: Vec<Case>,
}

/// A one-line case between two body paragraphs; the paragraphs must stay too.
fn frame(line: &str) -> (Doc, Range<usize>) {
    let text = format!("{BEFORE}\n\n{line}\n\n{AFTER}\n");
    let at = BEFORE.len() + 2;
    let after = at + line.len() + 2;
    let kept = vec![0..BEFORE.len(), after..after + AFTER.len()];
    (Doc { text, removed: Vec::new(), kept }, at..at + line.len())
}

/// Strips the `[-...-]` and `[+...+]` markers of a context document and records their ranges.
fn parse_marked(marked: &str) -> Result<Doc, String> {
    let mut doc = Doc { text: String::new(), removed: Vec::new(), kept: Vec::new() };
    let mut rest = marked;
    while let Some(open) = rest.find('[') {
        let (close, list) = match rest[open..].get(..2) {
            Some("[-") => ("-]", &mut doc.removed),
            Some("[+") => ("+]", &mut doc.kept),
            _ => {
                doc.text.push_str(&rest[..=open]);
                rest = &rest[open + 1..];
                continue;
            }
        };
        doc.text.push_str(&rest[..open]);
        let body = &rest[open + 2..];
        let end = body.find(close).ok_or_else(|| format!("unclosed marker in case document {marked:?}"))?;
        let start = doc.text.len();
        doc.text.push_str(&body[..end]);
        list.push(start..doc.text.len());
        rest = &body[end + 2..];
    }
    doc.text.push_str(rest);
    Ok(doc)
}

/// The document of a `## doc` section that ends here, checked.
fn finish_doc(at: String, text: &str) -> Result<Case, String> {
    if text.trim().is_empty() {
        return Err(format!("{at}: empty document"));
    }
    let doc = parse_marked(text).map_err(|e| format!("{at}: {e}"))?;
    if doc.removed.is_empty() && doc.kept.is_empty() {
        return Err(format!("{at}: a document with no [-...-] or [+...+] marker checks nothing"));
    }
    Ok(Case { section: Section::Doc, at, doc })
}

/// Parses a fixture (see the module docs); `name` is how errors and cases cite the file.
fn parse_fixture(name: &str, text: &str) -> Result<Vec<Case>, String> {
    let mut cases = Vec::new();
    let mut section = None;
    // The open document: where its header is, and its text so far.
    let mut doc: Option<(String, String)> = None;
    let lines = text.strip_suffix('\n').unwrap_or(text);
    for (n, line) in lines.split('\n').enumerate() {
        let at = format!("{name}:{}", n + 1);
        if line.contains('\r') {
            return Err(format!("{at}: carriage return; fixtures use \\n line ends"));
        }
        if line.starts_with("##") {
            let next = Section::from_header(line)
                .ok_or_else(|| format!("{at}: unknown section {line:?}; expected ## removes, ## keeps or ## doc"))?;
            if let Some((doc_at, doc_text)) = doc.take() {
                cases.push(finish_doc(doc_at, &doc_text)?);
            }
            if next == Section::Doc {
                doc = Some((at, String::new()));
            }
            section = Some(next);
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        if let Some((_, doc_text)) = &mut doc {
            doc_text.push_str(line);
            doc_text.push('\n');
            continue;
        }
        if line.trim().is_empty() {
            continue;
        }
        if line.trim() != line {
            return Err(format!("{at}: a one-line case may not start or end with whitespace: {line:?}"));
        }
        let kind = match section {
            Some(kind @ (Section::Removes | Section::Keeps)) => kind,
            // A document section collects its lines above.
            Some(Section::Doc) | None => return Err(format!("{at}: text before the first section header: {line:?}")),
        };
        let (mut framed, range) = frame(line);
        if kind == Section::Removes {
            framed.removed.push(range);
        } else {
            framed.kept.push(range);
        }
        cases.push(Case { section: kind, at, doc: framed });
    }
    if let Some((doc_at, doc_text)) = doc {
        cases.push(finish_doc(doc_at, &doc_text)?);
    }
    Ok(cases)
}

/// The directory of the fixtures, relative to the crate.
const FIXTURE_DIR: &str = "tests/fixtures/rules";

/// Every `<CODE>.txt` fixture in [`FIXTURE_DIR`], sorted by code; panics on anything else there
/// and on a malformed fixture, naming its file and line.
fn fixtures() -> Vec<Fixture> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE_DIR);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| {
            let file = path.file_name().unwrap().to_string_lossy();
            let code = file
                .strip_suffix(".txt")
                .unwrap_or_else(|| panic!("{FIXTURE_DIR}/{file}: only <CODE>.txt fixtures belong here"));
            let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let cases = parse_fixture(&format!("{FIXTURE_DIR}/{file}"), &text).unwrap_or_else(|e| panic!("{e}"));
            Fixture { code: code.to_string(), cases }
        })
        .collect()
}

/// The removals of a cleaning, one per line, for failure messages.
fn describe(cleaned: &Cleaned<'_>) -> String {
    let mut out = String::new();
    for r in cleaned.removals() {
        let _ =
            write!(out, "\n    {} {:?} {:?} ({})", r.rule().code(), r.span(), &cleaned.input()[r.span()], r.reason());
    }
    if out.is_empty() {
        out.push_str(" none");
    }
    out
}

/// Checks one document against a cleaner; returns a message per broken claim, each starting
/// with `at`, where the case is written.
fn check(cleaner: &Cleaner, code: &str, at: &str, doc: &Doc) -> Vec<String> {
    let cleaned = cleaner.clean(&doc.text);
    let mut failures = Vec::new();
    for range in &doc.removed {
        let covered = cleaned
            .removals()
            .iter()
            .any(|r| r.rule().code() == code && r.span().start <= range.start && range.end <= r.span().end);
        if !covered {
            failures.push(format!(
                "{at}: {code} must remove {:?}\n  in {:?}\n  removals:{}",
                &doc.text[range.clone()],
                doc.text,
                describe(&cleaned)
            ));
        }
    }
    for range in &doc.kept {
        for r in cleaned.removals() {
            if r.span().start < range.end && range.start < r.span().end {
                failures.push(format!(
                    "{at}: {code} case: {:?} must stay, but {} removed {:?} ({})\n  in {:?}",
                    &doc.text[range.clone()],
                    r.rule().code(),
                    &doc.text[r.span()],
                    r.reason(),
                    doc.text
                ));
            }
        }
    }
    failures
}

/// Fails with every message, grouped under the codes whose cases broke.
fn fail_if_any(what: &str, failures: Vec<(&str, String)>) {
    if failures.is_empty() {
        return;
    }
    let mut codes: Vec<&str> = failures.iter().map(|(code, _)| *code).collect();
    codes.dedup();
    let messages: Vec<&str> = failures.iter().map(|(_, message)| message.as_str()).collect();
    panic!("{} {what} case(s) failed, for {}:\n{}", failures.len(), codes.join(", "), messages.join("\n"));
}

/// The cleaner a rule's removal cases run with: the default; for a scored rule (whose
/// removals the content scorer decides), the rules alone, so that the cases say what the rule
/// proposes. What the scorer makes of the proposals is measured out of fold on the devset.
fn cleaner_for(code: &str) -> Cleaner {
    match RuleId::from_code(code) {
        Some(rule) if rule.is_scored() => Cleaner::builder().scorer(None).build().unwrap(),
        _ => Cleaner::new(),
    }
}

/// Each rule removes every line and marked text of its fixture's `## removes` and `## doc`.
#[test]
fn every_rule_removes_its_cases() {
    let fixtures = fixtures();
    let mut failures = Vec::new();
    for fixture in &fixtures {
        let cleaner = cleaner_for(&fixture.code);
        for case in &fixture.cases {
            let doc = Doc { text: case.doc.text.clone(), removed: case.doc.removed.clone(), kept: Vec::new() };
            let code = fixture.code.as_str();
            failures.extend(check(&cleaner, code, &case.at, &doc).into_iter().map(|m| (code, m)));
        }
    }
    fail_if_any("removal", failures);
}

/// No rule touches the kept lines (and framing paragraphs) of any rule's cases, with the
/// content scorer (the default) or without it.
#[test]
fn every_rule_keeps_article_lines_with_its_trigger_words() {
    let fixtures = fixtures();
    let mut failures = Vec::new();
    for cleaner in [Cleaner::new(), Cleaner::builder().scorer(None).build().unwrap()] {
        for fixture in &fixtures {
            for case in &fixture.cases {
                let doc = Doc { text: case.doc.text.clone(), removed: Vec::new(), kept: case.doc.kept.clone() };
                let code = fixture.code.as_str();
                failures.extend(check(&cleaner, code, &case.at, &doc).into_iter().map(|m| (code, m)));
            }
        }
    }
    fail_if_any("keep", failures);
}

/// With a rule ignored, none of its positive cases is removed by it.
#[test]
fn every_rule_removes_nothing_when_ignored() {
    let fixtures = fixtures();
    let mut failures = Vec::new();
    for fixture in &fixtures {
        let code = fixture.code.as_str();
        let cleaner = Cleaner::builder().ignore([code]).build().unwrap();
        assert!(cleaner.rules().all(|r| r.code() != code), "{code} still runs when ignored");
        for case in fixture.cases.iter().filter(|c| !c.doc.removed.is_empty()) {
            let cleaned = cleaner.clean(&case.doc.text);
            for r in cleaned.removals().iter().filter(|r| r.rule().code() == code) {
                failures.push((
                    code,
                    format!(
                        "{}: {code} is ignored but removed {:?}\n  in {:?}",
                        case.at,
                        &case.doc.text[r.span()],
                        case.doc.text
                    ),
                ));
            }
        }
    }
    fail_if_any("ignore", failures);
}

#[test]
fn fixtures_name_registered_rules() {
    for fixture in fixtures() {
        let code = fixture.code.as_str();
        assert!(
            RuleId::from_code(code).is_some_and(|r| r.code() == code),
            "{FIXTURE_DIR}/{code}.txt: {code:?} is not a rule code as the registry spells it"
        );
        assert!(!UNTABLED.contains(&code), "{FIXTURE_DIR}/{code}.txt: {code} is in UNTABLED, tested on its own");
    }
}

#[test]
fn every_rule_has_removal_and_keep_cases() {
    let fixtures = fixtures();
    for rule in RuleId::all().filter(|r| !UNTABLED.contains(&r.code())) {
        let code = rule.code();
        let fixture = fixtures
            .iter()
            .find(|f| f.code == code)
            .unwrap_or_else(|| panic!("{code} has no fixture {FIXTURE_DIR}/{code}.txt"));
        let removes: usize = fixture.cases.iter().map(|c| c.doc.removed.len()).sum();
        // Kept lines and kept markers; the paragraphs framing one-line cases do not count.
        let keeps: usize = fixture
            .cases
            .iter()
            .map(|c| match c.section {
                Section::Removes => 0,
                Section::Keeps => 1,
                Section::Doc => c.doc.kept.len(),
            })
            .sum();
        assert!(removes >= 1, "{code} has no case it must remove");
        assert!(keeps >= 3, "{code} has {keeps} keep case(s); it needs at least 3");
    }
}

#[test]
fn case_documents_parse() {
    let doc = parse_marked("a [-bc-] d [+e+] [x]").unwrap();
    assert_eq!(doc.text, "a bc d e [x]");
    assert_eq!(doc.removed, vec![2..4]);
    assert_eq!(doc.kept, vec![7..8]);
    assert!(parse_marked("a [-bc").is_err());
    let (framed, range) = frame("Share");
    assert_eq!(&framed.text[range], "Share");
    assert_eq!(&framed.text[framed.kept[0].clone()], BEFORE);
    assert_eq!(&framed.text[framed.kept[1].clone()], AFTER);
}

#[test]
fn fixtures_parse() {
    let text = "# about the file\n## removes\nShare\n\n# why\nTweet this\n## keeps\nShare prices fell.\n\
                ## doc\n# a comment\n[-Menu-]\n\n[+Body.+]\n\n## doc\n[+Last.+]\n";
    let cases = parse_fixture("X.txt", text).unwrap();
    let summary: Vec<(Section, &str, &str)> =
        cases.iter().map(|c| (c.section, c.at.as_str(), c.doc.text.as_str())).collect();
    let framed = |line| format!("{BEFORE}\n\n{line}\n\n{AFTER}\n");
    assert_eq!(
        summary,
        [
            (Section::Removes, "X.txt:3", framed("Share").as_str()),
            (Section::Removes, "X.txt:6", framed("Tweet this").as_str()),
            (Section::Keeps, "X.txt:8", framed("Share prices fell.").as_str()),
            (Section::Doc, "X.txt:9", "Menu\n\nBody.\n\n"),
            (Section::Doc, "X.txt:15", "Last.\n"),
        ]
    );
    assert_eq!(cases[0].doc.removed.len(), 1);
    assert_eq!(cases[2].doc.kept.len(), 3);
    assert_eq!((cases[3].doc.removed.len(), cases[3].doc.kept.len()), (1, 1));
    for (bad, error) in [
        ("Share\n", "X.txt:1: text before the first section header"),
        ("## remove\nShare\n", "X.txt:1: unknown section"),
        ("## keeps\n Share prices fell.\n", "X.txt:2: a one-line case may not start or end with whitespace"),
        ("## doc\n[-Menu\n", "X.txt:1: unclosed marker"),
        ("## doc\n\n## keeps\n", "X.txt:1: empty document"),
        ("## doc\nMenu\n", "X.txt:1: a document with no"),
        ("## keeps\nShare prices fell.\r\n", "X.txt:2: carriage return"),
    ] {
        let got = parse_fixture("X.txt", bad).err().unwrap_or_else(|| panic!("{bad:?} parsed"));
        assert!(got.starts_with(error), "{bad:?}: {got}");
    }
}

#[test]
fn lay002_collapses_blank_runs_and_drops_leading_blank_lines() {
    let input = "\n\nThe council met on Tuesday to discuss the budget.\n\n\n\nMembers voted 7-2 to approve the plan.\n";
    let cleaned = Cleaner::new().clean(input);
    assert_eq!(
        cleaned.text(),
        "The council met on Tuesday to discuss the budget.\n\nMembers voted 7-2 to approve the plan.\n",
        "LAY002: removals:{}",
        describe(&cleaned)
    );
    assert!(
        cleaned.removals().iter().all(|r| r.rule().code() == "LAY002" && input[r.span()].trim().is_empty()),
        "LAY002 must make every removal here, and only of blank lines:{}",
        describe(&cleaned)
    );
}

#[test]
fn lay002_keeps_one_line_of_any_blank_run_whatever_removed_its_start() {
    // A run of blank lines is read as two segments; whichever of them stays, one line stays.
    for ending in ["\n", "\r\n", "\r"] {
        for clutter in ["", "Share\n", "Related Stories\nWhy the bridge closed\nHow the vote went\n"] {
            let input = format!("{BEFORE}\n\n{clutter}\n\n\n \n\n{AFTER}\n").replace('\n', ending);
            let cleaned = Cleaner::new().clean(&input);
            let text = cleaned.text();
            assert!(text.starts_with(BEFORE) && text.contains(AFTER), "{clutter:?} {ending:?}:{}", describe(&cleaned));
            assert!(
                !text.contains(&ending.repeat(3)),
                "{clutter:?} {ending:?}: two blank lines kept:{}",
                describe(&cleaned)
            );
            assert!(Cleaner::new().clean(&cleaned.text()).is_unchanged(), "{clutter:?} {ending:?}: cleaning twice");
        }
    }
}

#[test]
fn lay002_keeps_a_single_blank_line_between_paragraphs() {
    let input = "The council met on Tuesday to discuss the budget.\n\nMembers voted 7-2 to approve the plan.\n";
    let cleaned = Cleaner::new().clean(input);
    assert!(cleaned.is_unchanged(), "LAY002: a single blank line between paragraphs must stay:{}", describe(&cleaned));
}
