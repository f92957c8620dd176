//! The bundled phrase lists: one data file per language under `lexicons/`, in the format of
//! [`unclutter_text::lexicon`], parsed once and tied to the registry's rules.
//!
//! Adding a language is adding one file here: its `[CODE]` sections give phrases to the rules
//! that take phrases.

use std::sync::LazyLock;

use unclutter_text::lexicon::{self, Mode};

use crate::meta::RuleId;
use crate::registry;

/// One phrase of one rule in one language.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Entry {
    /// The language of the file (read by the tests that check each file on its own).
    #[allow(dead_code)]
    pub lang: &'static str,
    pub rule: RuleId,
    pub mode: Mode,
    pub phrase: &'static str,
}

/// The bundled lexicons: language code and file.
pub(crate) static SOURCES: &[(&str, &str)] = &[
    ("en", include_str!("../lexicons/en.txt")),
    ("de", include_str!("../lexicons/de.txt")),
    ("fr", include_str!("../lexicons/fr.txt")),
    ("es", include_str!("../lexicons/es.txt")),
    ("it", include_str!("../lexicons/it.txt")),
    ("pt", include_str!("../lexicons/pt.txt")),
    ("nl", include_str!("../lexicons/nl.txt")),
    ("pl", include_str!("../lexicons/pl.txt")),
    ("ru", include_str!("../lexicons/ru.txt")),
    ("zh", include_str!("../lexicons/zh.txt")),
    ("ja", include_str!("../lexicons/ja.txt")),
];

static ENTRIES: LazyLock<Vec<Entry>> = LazyLock::new(|| {
    let mut all = Vec::new();
    for &(lang, text) in SOURCES {
        // The lexicons are compiled in and checked by `tests::bundled_lexicons_parse`.
        all.extend(parse(lang, text).unwrap_or_else(|e| panic!("bundled lexicon {lang}: {e}")));
    }
    all
});

/// Every phrase of every bundled language.
pub(crate) fn entries() -> &'static [Entry] {
    &ENTRIES
}

/// Parses one lexicon file against the registry: every section must name a rule that takes
/// phrases.
pub(crate) fn parse(lang: &'static str, text: &'static str) -> Result<Vec<Entry>, String> {
    let takes_phrases = |code: &str| match RuleId::from_code(code) {
        None => Err(format!("unknown rule {code}")),
        Some(rule) if registry::rule(rule).phrases().is_none() => Err(format!("rule {code} takes no phrases")),
        Some(_) => Ok(()),
    };
    let entries = lexicon::parse(lang, text, takes_phrases)?;
    Ok(entries
        .into_iter()
        .map(|e| Entry {
            lang: e.lang,
            rule: RuleId::from_code(e.code).expect("checked by the section test"),
            mode: e.mode,
            phrase: e.phrase,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_lexicons_parse() {
        for &(lang, text) in SOURCES {
            let entries = parse(lang, text).unwrap();
            assert!(!entries.is_empty(), "{lang} is empty");
        }
    }

    #[test]
    fn no_phrase_is_listed_twice_for_a_rule() {
        let mut seen = std::collections::HashSet::new();
        for e in entries() {
            let key = (e.lang, e.rule, e.phrase.to_ascii_lowercase());
            assert!(seen.insert(key), "{} lists {:?} twice", e.rule.code(), e.phrase);
        }
    }

    #[test]
    fn every_phrase_rule_has_phrases() {
        for rule in RuleId::all().filter(|&r| registry::rule(r).phrases().is_some()) {
            assert!(entries().iter().any(|e| e.rule == rule), "{} has no phrase", rule.code());
        }
    }

    #[test]
    fn sections_must_name_phrase_rules() {
        assert!(parse("xx", "[XYZ001]\n= a").unwrap_err().contains("unknown rule XYZ001"));
        assert!(parse("xx", "[BYL001]\n= a").unwrap_err().contains("takes no phrases"));
    }
}
