//! The lexicon file format: phrase lists and word sets, one data file per language.
//!
//! Format: a line `[CODE]` opens the phrase section of a rule; each line under it is
//! `MODE phrase` where MODE is `=` (the phrase is the whole line), `^` (the line starts with it)
//! or `~` (the line contains it). Phrases match ASCII case-insensitively; non-ASCII letters must
//! be written in the case they appear in.
//!
//! A line `[words:NAME]` opens a word set: each line under it is one plain word or phrase, with
//! no mode, its words separated by single spaces. What a set means, and how its words match, is
//! up to the rules that read it.
//!
//! `#` starts a comment line. Blank lines are skipped.

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

/// One word (or phrase) of one word set in one language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word<'t> {
    /// The language the file was given as.
    pub lang: &'t str,
    /// The name of the set: `months` for a `[words:months]` section.
    pub set: &'t str,
    /// The word, trimmed, as written.
    pub word: &'t str,
}

/// What a section heading opens, for the caller to check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section<'t> {
    /// `[CODE]`: the phrases of a rule.
    Phrases(&'t str),
    /// `[words:NAME]`: a word set.
    Words(&'t str),
}

/// The entries of one lexicon file, in file order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lexicon<'t> {
    /// The phrases of the `[CODE]` sections.
    pub phrases: Vec<Entry<'t>>,
    /// The words of the `[words:NAME]` sections.
    pub words: Vec<Word<'t>>,
}

/// Parses one lexicon file. `section` checks each heading: `Err` with a message when a `[CODE]`
/// names no rule that takes phrases, or a `[words:NAME]` no known word set. Errors name the line.
///
/// ```
/// use unclutter_text::lexicon::{parse, Mode};
/// let text = "# a comment\n[NAV001]\n= Skip to main content\n[words:months]\nJanuary\n";
/// let lexicon = parse("en", text, |_| Ok(())).unwrap();
/// assert_eq!(lexicon.phrases[0].code, "NAV001");
/// assert_eq!(lexicon.phrases[0].mode, Mode::Exact);
/// assert_eq!((lexicon.words[0].set, lexicon.words[0].word), ("months", "January"));
/// assert!(parse("en", "= orphan", |_| Ok(())).unwrap_err().starts_with("line 1"));
/// ```
pub fn parse<'t>(
    lang: &'t str,
    text: &'t str,
    section: impl Fn(Section<'t>) -> Result<(), String>,
) -> Result<Lexicon<'t>, String> {
    let mut out = Lexicon::default();
    let mut open = None;
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim();
        let at = || format!("line {}", n + 1);
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(heading) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            let opened = match heading.strip_prefix("words:") {
                Some("") => return Err(format!("{}: a word set needs a name: [words:NAME]", at())),
                Some(name) => Section::Words(name),
                None => Section::Phrases(heading),
            };
            section(opened).map_err(|e| format!("{}: {e}", at()))?;
            open = Some(opened);
            continue;
        }
        match open {
            None => return Err(format!("{}: phrase before any [CODE] or [words:NAME] section", at())),
            Some(Section::Phrases(code)) => {
                out.phrases.push(phrase(lang, code, line).map_err(|e| format!("{}: {e}", at()))?)
            }
            Some(Section::Words(set)) => out.words.push(word(lang, set, line).map_err(|e| format!("{}: {e}", at()))?),
        }
    }
    Ok(out)
}

/// A phrase line: a mode, then the phrase.
fn phrase<'t>(lang: &'t str, code: &'t str, line: &'t str) -> Result<Entry<'t>, String> {
    let (mode, phrase) = match line.split_at(1) {
        ("=", rest) => (Mode::Exact, rest.trim()),
        ("^", rest) => (Mode::Prefix, rest.trim()),
        ("~", rest) => (Mode::Contains, rest.trim()),
        _ => return Err("expected '=', '^' or '~' before the phrase".into()),
    };
    if phrase.is_empty() {
        return Err("empty phrase".into());
    }
    if mode == Mode::Exact && (phrase.starts_with(is_decoration) || phrase.ends_with(is_decoration)) {
        return Err(format!("an '=' phrase cannot start or end with decoration: {phrase:?}"));
    }
    Ok(Entry { lang, code, mode, phrase })
}

/// A word line: the word as written, its words separated by single spaces.
fn word<'t>(lang: &'t str, set: &'t str, line: &'t str) -> Result<Word<'t>, String> {
    if line.starts_with(['=', '^', '~']) {
        return Err(format!("a word set takes plain words, without '=', '^' or '~': {line:?}"));
    }
    if line.contains(|c: char| c.is_whitespace() && c != ' ') || line.contains("  ") {
        return Err(format!("separate the words of a phrase with single spaces: {line:?}"));
    }
    Ok(Word { lang, set, word: line })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(section: Section<'_>) -> Result<(), String> {
        match section {
            Section::Phrases("NAV001") | Section::Words("months") => Ok(()),
            Section::Phrases("BYL001") => Err("rule BYL001 takes no phrases".into()),
            Section::Phrases(code) => Err(format!("unknown rule {code}")),
            Section::Words(name) => Err(format!("unknown word set {name}")),
        }
    }

    #[test]
    fn reads_sections_and_modes() {
        let lexicon = parse("en", "[NAV001]\n= Menu\n^ Skip to\n~ sign in\n", known).unwrap();
        let modes: Vec<Mode> = lexicon.phrases.iter().map(|e| e.mode).collect();
        assert_eq!(modes, [Mode::Exact, Mode::Prefix, Mode::Contains]);
        assert_eq!(lexicon.phrases[2].phrase, "sign in");
        assert!(lexicon.words.is_empty());
    }

    #[test]
    fn reads_word_sets_between_phrase_sections() {
        let text = "[NAV001]\n= menu\n\n[words:months]\n# a comment\nJanuary\n  sept. \nmis à jour\n[NAV001]\n= home\n";
        let lexicon = parse("fr", text, known).unwrap();
        let words: Vec<(&str, &str, &str)> = lexicon.words.iter().map(|w| (w.lang, w.set, w.word)).collect();
        assert_eq!(words, [("fr", "months", "January"), ("fr", "months", "sept."), ("fr", "months", "mis à jour")]);
        let phrases: Vec<&str> = lexicon.phrases.iter().map(|e| e.phrase).collect();
        assert_eq!(phrases, ["menu", "home"]);
    }

    #[test]
    fn rejects_bad_lines() {
        for bad in ["= orphan", "[XYZ001]\n= a", "[NAV001]\n? a", "[NAV001]\n=", "[NAV001]\n= share:", "[BYL001]\n= a"]
        {
            assert!(parse("xx", bad, known).is_err(), "{bad:?} parsed");
        }
    }

    #[test]
    fn rejects_bad_word_lines_naming_the_line() {
        for (bad, message) in [
            ("January", "line 1: phrase before any"),
            ("[words:weekdays]\nMonday", "line 1: unknown word set weekdays"),
            ("[words:]\nMonday", "line 1: a word set needs a name"),
            ("[words:months]\nMay\n= June", "line 3: a word set takes plain words"),
            ("[words:months]\n~ June", "line 2: a word set takes plain words"),
            ("[words:months]\nlast  updated", "line 2: separate the words"),
            ("[words:months]\nlast\tupdated", "line 2: separate the words"),
        ] {
            let error = parse("xx", bad, known).unwrap_err();
            assert!(error.starts_with(message), "{bad:?}: {error}");
        }
    }
}
