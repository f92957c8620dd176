//! The lexicon file format: phrase lists, one data file per language.
//!
//! Format: `[CODE]` opens the section of a rule; each line under it is `MODE phrase` where MODE
//! is `=` (the phrase is the whole line), `^` (the line starts with it) or `~` (the line contains
//! it). `#` starts a comment line. Phrases match ASCII case-insensitively; non-ASCII letters must
//! be written in the case they appear in.

use crate::words::is_decoration;

/// How a phrase must sit in its line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The line's core (without white space and decoration) is the phrase.
    Exact,
    /// The line's core starts with the phrase, and the line is short.
    Prefix,
    /// The phrase stands anywhere in a short line, at word boundaries.
    Contains,
}

/// One phrase of one section (a rule's code) in one language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry<'t> {
    /// The language the file was given as.
    pub lang: &'t str,
    /// The code of the section the phrase stands in: `NAV001`.
    pub code: &'t str,
    /// How the phrase must sit in its line.
    pub mode: Mode,
    /// The phrase, trimmed.
    pub phrase: &'t str,
}

/// Parses one lexicon file. `section` checks a `[CODE]` heading: `Err` with a message when the
/// code names no rule that takes phrases. Errors name the line.
///
/// ```
/// use unclutter_text::lexicon::{parse, Mode};
/// let entries = parse("en", "# a comment\n[NAV001]\n= Skip to main content\n", |_| Ok(())).unwrap();
/// assert_eq!(entries[0].code, "NAV001");
/// assert_eq!(entries[0].mode, Mode::Exact);
/// assert!(parse("en", "= orphan", |_| Ok(())).unwrap_err().starts_with("line 1"));
/// ```
pub fn parse<'t>(
    lang: &'t str,
    text: &'t str,
    section: impl Fn(&str) -> Result<(), String>,
) -> Result<Vec<Entry<'t>>, String> {
    let mut out = Vec::new();
    let mut rule = None;
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim();
        let at = || format!("line {}", n + 1);
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(code) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section(code).map_err(|e| format!("{}: {e}", at()))?;
            rule = Some(code);
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
        out.push(Entry { lang, code: rule, mode, phrase });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(code: &str) -> Result<(), String> {
        match code {
            "NAV001" => Ok(()),
            "BYL001" => Err("rule BYL001 takes no phrases".into()),
            _ => Err(format!("unknown rule {code}")),
        }
    }

    #[test]
    fn reads_sections_and_modes() {
        let entries = parse("en", "[NAV001]\n= Menu\n^ Skip to\n~ sign in\n", known).unwrap();
        let modes: Vec<Mode> = entries.iter().map(|e| e.mode).collect();
        assert_eq!(modes, [Mode::Exact, Mode::Prefix, Mode::Contains]);
        assert_eq!(entries[2].phrase, "sign in");
    }

    #[test]
    fn rejects_bad_lines() {
        for bad in ["= orphan", "[XYZ001]\n= a", "[NAV001]\n? a", "[NAV001]\n=", "[NAV001]\n= share:", "[BYL001]\n= a"]
        {
            assert!(parse("xx", bad, known).is_err(), "{bad:?} parsed");
        }
    }
}
