//! The rule registry: unique, well-formed, documented.

use std::collections::HashSet;

use unclutter::{Category, RuleId};

#[test]
fn codes_and_names_are_unique() {
    let mut codes = HashSet::new();
    let mut names = HashSet::new();
    for rule in RuleId::all() {
        assert!(codes.insert(rule.code()), "code {} twice", rule.code());
        assert!(names.insert(rule.name()), "name {} twice", rule.name());
    }
}

#[test]
fn codes_are_prefix_and_three_digits_of_their_category() {
    for rule in RuleId::all() {
        let code = rule.code();
        assert_eq!(&code[..3], rule.category().prefix(), "{code}");
        assert!(code.len() == 6 && code[3..].bytes().all(|b| b.is_ascii_digit()), "{code}");
    }
}

#[test]
fn names_are_kebab_case_and_no_name_is_a_category() {
    for rule in RuleId::all() {
        let name = rule.name();
        assert!(name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'), "{name}");
        assert!(!name.starts_with('-') && !name.ends_with('-') && !name.contains("--"), "{name}");
        assert!(Category::from_name(name).is_none(), "{name} is also a category");
    }
}

#[test]
fn every_rule_is_documented() {
    for rule in RuleId::all() {
        let m = rule.meta();
        for heading in ["## What it removes", "## Why", "## Example", "## Known false positives"] {
            assert!(m.docs.contains(heading), "{} lacks {heading:?}", m.code);
        }
        assert!(!m.summary.is_empty() && !m.summary.contains('\n'), "{}", m.code);
        assert!(!m.since.is_empty());
    }
}

#[test]
fn registry_is_sorted_by_category_then_code() {
    let keys: Vec<(usize, &str)> =
        RuleId::all().map(|r| (Category::ALL.iter().position(|c| *c == r.category()).unwrap(), r.code())).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

#[test]
fn every_category_has_a_rule() {
    for c in Category::ALL {
        assert!(RuleId::all().any(|r| r.category() == c), "{c} has no rule");
    }
}
