//! Properties over generated documents: arbitrary text mixed with clutter lines, CRLF, lone CR,
//! BOM, NUL, multibyte and combining characters.

use proptest::prelude::*;
use unclutter::{Cleaned, Cleaner, Span};

const CLUTTER: &[&str] = &[
    "Share",
    "Skip to main content",
    "2 min read",
    "Advertisement",
    "You Might Like",
    "Related:",
    "alfred-ng",
    "Alfred Ng",
    "Alfred Ng Senior Reporter / CNET News",
    "Alfred Ng was a senior reporter for CNET News. He lives in Brooklyn.",
    "By Jane Doe, Staff Writer",
    "Source: AAP",
    "X",
    "|",
    " date 2017-01-09 Council approves bridge",
    "date 2017-01-09 date 2017-01-10 Title",
    "gettyimages-631334970.jpg",
    "Enlarge Image",
    "TIMOTHY A. CLARY/AFP/Getty Images",
    "Credit: Alibaba",
    "170109 ma trump newyork",
    "Published 10 January 2017 7:48pm",
    "Facebook",
    "Twitter",
    "Email",
    "Want CNET to notify you of price drops and the latest stories?",
    "Sign up for our newsletter",
    "Shop Tech Products at Amazon",
    "We use cookies to improve your experience.",
    "© 2017 Example Media. All rights reserved.",
    "Home > News > Technology",
    "Hottest products from CES 2017",
    "It's time once again for the show....",
    "",
    "   ",
    "\u{feff}",
];

const BODY: &[&str] = &[
    "The Alibaba Group tweeted after the meeting that it wants to connect farmers to buyers.",
    "Share prices fell 3% after the report was published on Monday.",
    "The delay is related to the case, the judge said.",
    "Jack Ma met Trump in New York and the two talked about trade.",
    "That changed on Monday.",
    "Zoë Müller-İnan said the café was full. 🎉",
    "e\u{301}te\u{301} — the summer of “bigly” deals.",
];

fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(CLUTTER).prop_map(str::to_string),
        3 => prop::sample::select(BODY).prop_map(str::to_string),
        2 => any::<String>(),
        1 => "[a-zA-Z \\-|/:.]{0,20}",
        1 => prop::sample::select(&["\0", "\u{feff}Share", "İ", "\u{301}", "\r", "\u{200b}", "\t"][..]).prop_map(str::to_string),
    ]
}

fn document() -> impl Strategy<Value = String> {
    let sep = prop::sample::select(&["\n", "\r\n", "\r", "\n\n", "\n\n\n", " "][..]);
    prop::collection::vec((line(), sep), 0..24).prop_map(|parts| {
        let mut doc = String::new();
        for (line, sep) in parts {
            doc.push_str(&line);
            doc.push_str(sep);
        }
        doc
    })
}

fn bias() -> impl Strategy<Value = unclutter::Bias> {
    prop::sample::select(&[unclutter::Bias::Precision, unclutter::Bias::Balanced, unclutter::Bias::Recall][..])
}

/// Kept spans and removals interleave to tile the input exactly; every span is valid.
fn check_invariants(input: &str, cleaned: &Cleaned<'_>, cleaner: &Cleaner) -> Result<(), TestCaseError> {
    let mut pieces: Vec<(Span, bool)> = cleaned.kept_spans().map(|s| (s, true)).collect();
    pieces.extend(cleaned.removals().iter().map(|r| (r.span(), false)));
    pieces.sort_by_key(|p| p.0.start);
    let mut at = 0;
    let mut rebuilt = String::new();
    let mut kept = String::new();
    for (span, is_kept) in &pieces {
        prop_assert_eq!(span.start, at, "pieces do not tile the input at {}", at);
        prop_assert!(!span.is_empty(), "empty span {:?}", span);
        prop_assert!(Span::new_in(input, span.range()).is_some(), "invalid span {:?}", span);
        rebuilt.push_str(&input[*span]);
        if *is_kept {
            kept.push_str(&input[*span]);
        }
        at = span.end;
    }
    prop_assert_eq!(at, input.len());
    prop_assert_eq!(&rebuilt, input);
    prop_assert_eq!(&kept, &cleaned.text());
    for pair in cleaned.removals().windows(2) {
        prop_assert!(pair[0].span().end <= pair[1].span().start, "removals overlap or are unsorted");
    }
    for r in cleaned.removals() {
        prop_assert!(cleaner.rules().any(|x| x == r.rule()), "{} is not selected", r.rule().code());
        prop_assert_eq!(r.category(), r.rule().meta().category);
        prop_assert!(!r.reason().is_empty());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn removals_rebuild_the_input(doc in document(), bias in bias()) {
        let cleaner = Cleaner::builder().bias(bias).build().unwrap();
        let cleaned = cleaner.clean(&doc);
        check_invariants(&doc, &cleaned, &cleaner)?;
    }

    #[test]
    fn arbitrary_strings_keep_the_invariants(doc in any::<String>()) {
        let cleaner = Cleaner::new();
        check_invariants(&doc, &cleaner.clean(&doc), &cleaner)?;
    }

    /// Exempt: documents mixing a lone CR line ending with LF endings. Removing the line between
    /// "a\r" and a blank "\n" line joins them into one CRLF ending, so the output has one line
    /// fewer than the input had around that spot, and the structural rules may judge it anew.
    #[test]
    fn cleaning_is_idempotent(doc in document(), bias in bias()) {
        let lone_cr = doc.as_bytes().windows(2).any(|w| w[0] == b'\r' && w[1] != b'\n') || doc.ends_with('\r');
        let doc = if lone_cr && doc.contains('\n') { doc.replace("\r\n", "\n").replace('\r', "\n") } else { doc };
        let cleaner = Cleaner::builder().bias(bias).build().unwrap();
        let once = cleaner.clean(&doc).text();
        let twice = cleaner.clean(&once);
        let again: Vec<_> = twice.removals().iter().map(|r| (r.rule().code(), &once.as_str()[r.span()])).collect();
        prop_assert!(again.is_empty(), "second pass removed {:?} from {:?}", again, once);
    }

    #[test]
    fn cleaning_is_deterministic_across_clones_and_threads(doc in document()) {
        let cleaner = Cleaner::new();
        let here: Vec<_> = cleaner.clean(&doc).removals().to_vec();
        let clone = cleaner.clone();
        let doc2 = doc.clone();
        let there = std::thread::spawn(move || clone.clean(&doc2).removals().to_vec()).join().unwrap();
        prop_assert_eq!(&here, &there);
        prop_assert_eq!(&here, &Cleaner::new().clean(&doc).removals().to_vec());
    }

    #[test]
    fn a_selection_only_ever_uses_its_rules(doc in document(), pick in 0usize..28) {
        let rule = unclutter::RuleId::all().nth(pick % unclutter::RuleId::all().count()).unwrap();
        let cleaner = Cleaner::builder().select([rule.code()]).build().unwrap();
        let cleaned = cleaner.clean(&doc);
        check_invariants(&doc, &cleaned, &cleaner)?;
        prop_assert!(cleaned.removals().iter().all(|r| r.rule() == rule));
    }

    #[test]
    fn no_rule_means_no_removal(doc in document()) {
        let cleaner = Cleaner::builder().ignore(["ALL"]).build().unwrap();
        prop_assert_eq!(cleaner.rules().count(), 0);
        prop_assert!(cleaner.clean(&doc).is_unchanged());
    }
}
