//! The `unclutter` binary: stdin in, stdout out, exit codes.

mod common;

use common::{stderr, stdout, unclutter};

const DOC: &str =
    "Skip to main content\n\nCouncil approves bridge\n\n2 min read\n\nThe council voted 7-2 on Tuesday.\n\nShare\n";

#[test]
fn filters_stdin_to_stdout() {
    let out = unclutter(&[], DOC.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "Council approves bridge\n\nThe council voted 7-2 on Tuesday.\n");
}

#[test]
fn reads_a_file_and_dash_means_stdin() {
    let dir = std::env::temp_dir().join(format!("unclutter-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("doc.txt");
    std::fs::write(&path, DOC).unwrap();
    let from_file = unclutter(&[path.to_str().unwrap()], b"");
    let from_dash = unclutter(&["-"], DOC.as_bytes());
    assert!(from_file.status.success());
    assert_eq!(stdout(&from_file), stdout(&from_dash));
    let missing = unclutter(&[dir.join("nope.txt").to_str().unwrap()], b"");
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("nope.txt"), "{}", stderr(&missing));
}

#[test]
fn json_offsets_match_the_library() {
    let out = unclutter(&["--json"], DOC.as_bytes());
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_str(stdout(&out)).unwrap();
    let cleaned = unclutter::Cleaner::new().clean(DOC);
    assert_eq!(v["text"], cleaned.text());
    let removed = v["removed"].as_array().unwrap();
    assert_eq!(removed.len(), cleaned.removals().len());
    for (j, r) in removed.iter().zip(cleaned.removals()) {
        let (start, end) = (j["start"].as_u64().unwrap() as usize, j["end"].as_u64().unwrap() as usize);
        assert_eq!((start, end), (r.span().start, r.span().end));
        assert_eq!(j["text"], &DOC[start..end]);
        assert_eq!(j["rule"], r.rule().code());
        assert_eq!(j["name"], r.rule().name());
        assert_eq!(j["category"], r.category().as_str());
        assert_eq!(j["reason"], *r.reason());
    }
    assert_eq!(removed[0]["rule"], "NAV001");
}

#[test]
fn annotate_marks_each_removal_in_place() {
    let out = unclutter(&["--annotate", "--color", "never"], DOC.as_bytes());
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.starts_with("[-NAV001: Skip to main content-]\n"), "{text}");
    assert!(text.contains("[-TIM001: 2 min read-]\n"), "{text}");
    assert!(text.contains("The council voted 7-2 on Tuesday.\n"), "{text}");
    let colored = unclutter(&["--annotate", "--color", "always"], DOC.as_bytes());
    assert!(stdout(&colored).contains("\x1b["), "no colour with --color always");
}

#[test]
fn invalid_utf8_is_an_error_naming_the_byte() {
    let mut input = b"Fine line\nbad \xff byte\n".to_vec();
    let out = unclutter(&[], &input);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("invalid UTF-8 at byte 14"), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    input.truncate(3);
    assert!(unclutter(&[], &input).status.success());
}

#[test]
fn empty_input_gives_empty_output() {
    let out = unclutter(&[], b"");
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let json = unclutter(&["--json"], b"");
    assert_eq!(stdout(&json).trim(), r#"{"text":"","removed":[],"input_kind":"article","encoding":"UTF-8"}"#);
}

#[test]
fn input_kind_is_read_forced_and_reported() {
    // Eight menu items in a row: a page's navigation, whose header zone goes.
    let page = "News\nSport\nBusiness\nCulture\nTravel\nStyle\nScience\nWeather\n\
                The council voted 7-2 on Tuesday to fund the new bridge over the river.\n";
    let auto = unclutter(&["--json"], page.as_bytes());
    assert!(stdout(&auto).contains(r#""input_kind":"page""#), "{}", stdout(&auto));
    assert!(!stdout(&unclutter(&[], page.as_bytes())).contains("Sport"));
    // Given as an extracted article, its first lines are not cut as a page header: they hold
    // more than 30% of its words.
    let article = unclutter(&["--input-kind", "article", "--json"], page.as_bytes());
    assert!(stdout(&article).contains(r#""input_kind":"article""#));
    assert!(stdout(&unclutter(&["--input-kind", "article"], page.as_bytes())).contains("Sport"));
    let bad = unclutter(&["--input-kind", "sideways"], page.as_bytes());
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn select_and_ignore_choose_rules() {
    let only_nav = unclutter(&["--select", "navigation"], DOC.as_bytes());
    assert!(stdout(&only_nav).contains("2 min read"));
    assert!(!stdout(&only_nav).contains("Skip to main content"));
    let no_nav = unclutter(&["--ignore", "NAV001,LAY002"], DOC.as_bytes());
    assert!(stdout(&no_nav).starts_with("Skip to main content\n\nCouncil"));
    let bad = unclutter(&["--select", "bogus"], DOC.as_bytes());
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("unknown rule selector 'bogus'"), "{}", stderr(&bad));
}

#[test]
fn lists_and_explains_rules() {
    let list = unclutter(&["--list-rules"], b"");
    assert!(list.status.success());
    assert_eq!(stdout(&list).lines().count(), unclutter::RuleId::all().count());
    assert!(stdout(&list).lines().any(|l| l.starts_with("SOC001  share-widget")));
    let explain = unclutter(&["--explain", "share-widget"], b"");
    assert!(stdout(&explain).starts_with("SOC001 share-widget (share)"));
    assert!(stdout(&explain).contains("## Known false positives"));
    let unknown = unclutter(&["--explain", "ZZZ999"], b"");
    assert_eq!(unknown.status.code(), Some(2));
}

#[test]
fn inputs_over_the_limits_are_refused() {
    let big = unclutter(&["--max-bytes", "10"], DOC.as_bytes());
    assert_eq!(big.status.code(), Some(2));
    assert!(stderr(&big).contains("over the limit of 10 bytes"), "{}", stderr(&big));
    let long = unclutter(&["--max-lines", "3"], DOC.as_bytes());
    assert_eq!(long.status.code(), Some(2));
    assert!(stderr(&long).contains("over the limit of 3"), "{}", stderr(&long));
    assert!(unclutter(&["--max-bytes", &DOC.len().to_string()], DOC.as_bytes()).status.success());
}

#[test]
fn version_help_and_bad_flags() {
    let version = unclutter(&["--version"], b"");
    assert!(stdout(&version).contains(env!("CARGO_PKG_VERSION")));
    let help = unclutter(&["--help"], b"");
    assert!(stdout(&help).contains("--annotate"));
    let bad = unclutter(&["--no-such-flag"], b"");
    assert_eq!(bad.status.code(), Some(2));
    let bias = unclutter(&["--bias", "recall"], DOC.as_bytes());
    assert!(bias.status.success());
}

#[test]
fn html_input_reports_its_projection_and_paths() {
    let page = "<html><body><nav><a href=/>Home</a> <a href=/n>News</a></nav><article>\
                <p>The council voted 7-2 on Tuesday to fund the new bridge over the river.</p></article></body></html>";
    for args in [&["--html", "--json"][..], &["--input", "auto", "--json"][..]] {
        let out = unclutter(args, page.as_bytes());
        assert!(out.status.success(), "{}", stderr(&out));
        let v: serde_json::Value = serde_json::from_str(stdout(&out)).unwrap();
        assert_eq!(v["text"], "The council voted 7-2 on Tuesday to fund the new bridge over the river.");
        let source = v["source_text"].as_str().expect("source_text in HTML mode");
        let first = &v["removed"][0];
        let (start, end) = (first["start"].as_u64().unwrap() as usize, first["end"].as_u64().unwrap() as usize);
        assert_eq!(&source[start..end], first["text"].as_str().unwrap());
        assert!(first["path"].as_str().unwrap().contains("nav"), "{first}");
    }
    let md = unclutter(&["--html", "--format", "markdown"], b"<article><h2>Plan</h2><p>The council voted on Tuesday to fund the new bridge across the river, <a href=/v>the record</a> shows.</p></article>");
    assert_eq!(
        stdout(&md),
        "## Plan\n\nThe council voted on Tuesday to fund the new bridge across the river, [the record](/v) shows.\n"
    );
    // Text stays text unless asked: auto sees no page here.
    let text = unclutter(&["--input", "auto"], b"Share\nThe council met on Monday.\n");
    assert_eq!(stdout(&text), "The council met on Monday.\n");
}

#[test]
fn the_scorer_is_bundled_none_or_a_model_file() {
    let page = "Home\nNews\nSport\nWeather\nCulture\n\n\
        The council voted seven to two on Tuesday to fund the new bridge across the river, after years of delay.\n\n\
        The mayor said that the bridge would open in May and that the work would start in the spring.\n\n\
        About us\nContact\nPrivacy\nTerms\n";
    let scored = unclutter(&["--json"], page.as_bytes());
    assert!(scored.status.success());
    assert!(stdout(&scored).contains("content score"), "the default decides with the bundled model");
    let rules = unclutter(&["--json", "--scorer", "none"], page.as_bytes());
    assert!(rules.status.success());
    assert!(!stdout(&rules).contains("content score"));
    assert!(stdout(&rules).contains("BPL001"), "the rules alone remove the header");
    let missing = unclutter(&["--scorer", "no/such/model.lgb"], page.as_bytes());
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("no/such/model.lgb"), "{}", stderr(&missing));
    let dir = std::env::temp_dir().join(format!("unclutter-stale-model-{}", std::process::id()));
    std::fs::write(&dir, "# schema_hash = 0000000000000001\n# threshold = 0.5\n").unwrap();
    let stale = unclutter(&["--scorer", dir.to_str().unwrap()], page.as_bytes());
    std::fs::remove_file(&dir).unwrap();
    assert_eq!(stale.status.code(), Some(2));
    assert!(stderr(&stale).contains("scripts/train"), "{}", stderr(&stale));
}

#[test]
fn explain_documents_the_model_for_scored_rules() {
    let out = unclutter(&["--explain", "BPL001"], b"");
    assert!(out.status.success());
    assert!(stdout(&out).contains("## The model for text"));
    assert!(stdout(&out).contains("## The model for HTML"));
    assert!(stdout(&out).contains("oof_line_auc"));
    assert!(!stdout(&unclutter(&["--explain", "NAV001"], b"")).contains("## The model"));
}

/// A page of our own in German and one in Japanese, as their sites would serve them.
const PAGE_DE: &str = "<html><head><meta charset=\"windows-1252\"><title>Brücke</title></head><body>\
    <nav><a href=/>Startseite</a> <a href=/lokales>Lokales</a></nav><article><h1>Neue Brücke über die Wende</h1>\
    <p>Der Gemeinderat hat am Dienstag mit großer Mehrheit den Bau der Brücke beschlossen; die Arbeiten \
    beginnen im März und sollen im Spätsommer enden.</p><p>Anwohner begrüßen die Entscheidung.</p></article></body></html>";
const PAGE_JA: &str =
    "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\"></head><body>\
    <nav><a href=/>ホーム</a> <a href=/news>ニュース</a></nav><article><h1>新しい橋が完成</h1>\
    <p>市議会は火曜日、川に架かる新しい橋の建設を承認した。工事は三月に始まり、夏の終わりに完了する予定だ。</p>\
    <p>住民はこの決定を歓迎している。</p></article></body></html>";

#[test]
fn pages_in_legacy_encodings_clean_as_their_utf8_twins() {
    for (page, encoding, name) in
        [(PAGE_DE, encoding_rs::WINDOWS_1252, "windows-1252"), (PAGE_JA, encoding_rs::SHIFT_JIS, "Shift_JIS")]
    {
        let (bytes, _, unmappable) = encoding.encode(page);
        assert!(!unmappable);
        // The twin says it is UTF-8, as a page re-encoded by its site would.
        let utf8 = page.replace(name, "utf-8");
        let twin = unclutter(&["--json"], utf8.as_bytes());
        let legacy = unclutter(&["--json"], &bytes);
        assert!(legacy.status.success(), "{}", stderr(&legacy));
        let twin: serde_json::Value = serde_json::from_slice(&twin.stdout).unwrap();
        let legacy: serde_json::Value = serde_json::from_slice(&legacy.stdout).unwrap();
        assert_eq!(legacy["text"], twin["text"]);
        assert_eq!(legacy["removed"], twin["removed"]);
        assert_eq!(legacy["encoding"], name);
        assert!(twin["text"].as_str().unwrap().contains("Brücke") || twin["text"].as_str().unwrap().contains("橋"));
        // Without its declaration, the page is detected.
        let undeclared = page.replace(&format!("charset=\"{name}\""), "").replace(&format!("charset={name}"), "");
        let (bytes, _, _) = encoding.encode(&undeclared);
        let detected: serde_json::Value = serde_json::from_slice(&unclutter(&["--json"], &bytes).stdout).unwrap();
        assert_eq!(detected["text"], twin["text"], "{name} detected");
    }
}

#[test]
fn text_is_strict_utf8_unless_an_encoding_is_asked_for() {
    let latin1 = b"Share\nLe conseil a vot\xe9 mardi pour le pont.\n";
    let strict = unclutter(&[], latin1);
    assert_eq!(strict.status.code(), Some(2));
    assert!(stderr(&strict).contains("invalid UTF-8 at byte 22 (--encoding auto"), "{}", stderr(&strict));
    for how in ["auto", "latin1"] {
        let out = unclutter(&["--encoding", how], latin1);
        assert_eq!(stdout(&out), "Le conseil a voté mardi pour le pont.\n");
    }
    let bad = unclutter(&["--encoding", "klingon"], latin1);
    assert_eq!(bad.status.code(), Some(2));
}
