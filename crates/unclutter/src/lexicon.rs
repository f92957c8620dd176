//! Phrase lists, one data file per language under `lexicons/`, parsed once.
//!
//! Format: `[CODE]` opens the section of a rule; each line under it is `MODE phrase` where MODE
//! is `=` (the phrase is the whole line), `^` (the line starts with it) or `~` (the line contains
//! it). `#` starts a comment line. Phrases match ASCII case-insensitively; non-ASCII letters must
//! be written in the case they appear in.

use std::sync::LazyLock;

use crate::document::is_decoration;
use crate::rule::RuleId;

/// How a phrase must sit in its line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    /// The line's core (without white space and decoration) is the phrase.
    Exact,
    /// The line's core starts with the phrase, and the line is short.
    Prefix,
    /// The phrase stands anywhere in a short line, at word boundaries.
    Contains,
}

/// One phrase of one rule in one language.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Entry {
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

/// Parses one lexicon file.
pub(crate) fn parse(lang: &'static str, text: &'static str) -> Result<Vec<Entry>, String> {
    let mut out = Vec::new();
    let mut rule = None;
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim();
        let at = || format!("line {}", n + 1);
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(code) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            let id = RuleId::from_code(code).ok_or_else(|| format!("{}: unknown rule {code}", at()))?;
            if crate::registry::RULES[id.index()].phrases.is_none() {
                return Err(format!("{}: rule {code} takes no phrases", at()));
            }
            rule = Some(id);
            continue;
        }
        let rule = rule.ok_or_else(|| format!("{}: phrase before any [CODE] section", at()))?;
        let (mode, phrase) = match line.split_at(1) {
            ("=", rest) => (Mode::Exact, rest.trim()),
            ("^", rest) => (Mode::Prefix, rest.trim()),
            ("~", rest) => (Mode::Contains, rest.trim()),
            _ => return Err(format!("{}: expected '=', '^' or '~' before the phrase", at())),
        };
        if phrase.is_empty() {
            return Err(format!("{}: empty phrase", at()));
        }
        if mode == Mode::Exact && (phrase.starts_with(is_decoration) || phrase.ends_with(is_decoration)) {
            return Err(format!("{}: an '=' phrase cannot start or end with decoration: {phrase:?}", at()));
        }
        out.push(Entry { lang, rule, mode, phrase });
    }
    Ok(out)
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
        for rule in RuleId::all().filter(|r| crate::registry::RULES[r.index()].phrases.is_some()) {
            assert!(entries().iter().any(|e| e.rule == rule), "{} has no phrase", rule.code());
        }
    }

    #[test]
    fn rejects_bad_lines() {
        for bad in ["= orphan", "[XYZ001]\n= a", "[NAV001]\n? a", "[NAV001]\n=", "[NAV001]\n= share:", "[BYL001]\n= a"]
        {
            assert!(parse("xx", bad).is_err(), "{bad:?} parsed");
        }
    }
}
