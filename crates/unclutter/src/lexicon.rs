//! The bundled phrase lists: the `[CODE]` sections of the data files under `lexicons/` (one a
//! language, in the format of [`unclutter_text::lexicon`]), parsed once and tied to the
//! registry's rules.
//!
//! Adding a language is adding one file there (and its line in [`vocabulary::SOURCES`]): its
//! `[CODE]` sections give phrases to the rules that take phrases, its `[words:NAME]` sections
//! give words to the word sets of [`vocabulary`] that rules build their lists and patterns from.

use std::sync::LazyLock;

use unclutter_text::lexicon::{self, Mode, Section};

use crate::meta::RuleId;
use crate::registry;
use crate::vocabulary::{self, SOURCES};

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

/// Parses one lexicon file against the registry and returns its phrases: every `[CODE]` section
/// must name a rule that takes phrases, every `[words:NAME]` section a known word set.
pub(crate) fn parse(lang: &'static str, text: &'static str) -> Result<Vec<Entry>, String> {
    let known = |section: Section<'_>| match section {
        Section::Phrases(code) => match RuleId::from_code(code) {
            None => Err(format!("unknown rule {code}")),
            Some(rule) if registry::rule(rule).phrases().is_none() => Err(format!("rule {code} takes no phrases")),
            Some(_) => Ok(()),
        },
        Section::Words(name) if vocabulary::set(name).is_none() => Err(format!("unknown word set {name}")),
        Section::Words(_) => Ok(()),
    };
    let lexicon = lexicon::parse(lang, text, known)?;
    Ok(lexicon
        .phrases
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
    fn sections_must_name_phrase_rules_or_word_sets() {
        assert!(parse("xx", "[XYZ001]\n= a").unwrap_err().contains("unknown rule XYZ001"));
        assert!(parse("xx", "[BYL001]\n= a").unwrap_err().contains("takes no phrases"));
        assert_eq!(parse("xx", "[NAV001]\n= a\n[words:mnths]\nMai").unwrap_err(), "line 3: unknown word set mnths");
        assert!(parse("xx", "[words:months]\nMai\n[NAV001]\n= a").is_ok());
    }

    #[test]
    fn word_sets_are_read_by_rules() {
        for set in vocabulary::SETS {
            for code in set.read_by {
                assert!(RuleId::from_code(code).is_some(), "word set {} names unknown rule {code}", set.name);
            }
        }
    }
}
