//! The phrase engine: every selected rule's phrases, matched in one Aho-Corasick pass over the
//! input.
//!
//! The automaton is built on the first document that has text to search, once per cleaner
//! (a process that cleans nothing never pays for it), over the phrases in ASCII lower case; the
//! text is searched through a lower-cased copy of a bounded batch of its lines, whose byte
//! offsets are the input's (ASCII case changes no byte's length). That is the ASCII
//! case-insensitive match the lexicons ask for, built in a quarter of the time an automaton
//! with case-insensitive transitions takes.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use unclutter_text::lexicon::Mode;
use unclutter_text::words::{is_cjk, words_at_most};
use unclutter_text::Span;

use crate::config::Settings;
use crate::context::Decisions;
use crate::lexicon;
use crate::meta::RuleId;
use crate::registry;
use crate::rule::Action;
use crate::select::RuleSet;

/// The phrases of the selected rules, compiled into one automaton on first use.
#[derive(Debug)]
pub(crate) struct PhraseMatcher {
    rules: RuleSet,
    settings: Settings,
    compiled: OnceLock<Compiled>,
}

/// One automaton for all phrases of the selected rules, and what each pattern means.
#[derive(Debug)]
struct Compiled {
    automaton: AhoCorasick,
    patterns: Vec<Pattern>,
}

#[derive(Clone, Copy, Debug)]
struct Pattern {
    rule: RuleId,
    mode: Mode,
    max_words: usize,
    action: Action,
    /// The phrase ends in a letter or digit, so the text after a match must not.
    ends_in_word: bool,
    starts_in_word: bool,
}

/// Bytes of lines lower-cased at a time for the search: batches end at a line's end, so no
/// phrase (which lies within a line) spans two.
const BATCH_BYTES: usize = 64 * 1024;

impl PhraseMatcher {
    /// The phrases of the selected rules, from every lexicon. `None` when no selected rule
    /// takes phrases.
    pub fn new(rules: &RuleSet, settings: &Settings) -> Option<PhraseMatcher> {
        let any = rules.iter().any(|rule| registry::rule(rule).phrases().is_some());
        any.then(|| PhraseMatcher { rules: rules.clone(), settings: settings.clone(), compiled: OnceLock::new() })
    }

    /// Builds the automaton now rather than on the first document.
    pub fn prepare(&self) {
        self.compiled();
    }

    fn compiled(&self) -> &Compiled {
        self.compiled.get_or_init(|| {
            let mut phrases = Vec::new();
            let mut patterns = Vec::new();
            for entry in lexicon::entries() {
                let Some(params) = registry::rule(entry.rule).phrases() else { continue };
                if !self.rules.contains(entry.rule) {
                    continue;
                }
                phrases.push(entry.phrase.to_ascii_lowercase());
                patterns.push(Pattern {
                    rule: entry.rule,
                    mode: entry.mode,
                    max_words: self.settings.scale_words(params.max_words),
                    action: params.action,
                    ends_in_word: entry.phrase.chars().next_back().is_some_and(is_word_char),
                    starts_in_word: entry.phrase.chars().next().is_some_and(is_word_char),
                });
            }
            // The bundled lexicons are a few thousand short phrases, far below the automaton's
            // limits (`tests::every_phrase_compiles`); a subset of them cannot exceed them.
            let automaton = AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .build(&phrases)
                .expect("the bundled phrases fit one automaton");
            Compiled { automaton, patterns }
        })
    }

    /// Reports every phrase occurrence (overlapping ones too) and removes the lines whose shape
    /// fits the phrase's mode: the whole line, its start, or anywhere in a short line.
    pub fn run(&self, run: &mut Decisions<'_>) {
        let doc = run.doc();
        let source = doc.source;
        let mut marks: Vec<(usize, RuleId)> = Vec::new();
        // Only runs of lines no earlier stage removed are searched (in HTML mode the markup
        // rules have run); in text mode that is the whole input. Each run goes in batches of
        // whole lines, lower-cased into one buffer.
        let mut lowered = Vec::new();
        let mut i = 0;
        while i < doc.segments.len() {
            if run.removed_by(i).is_some() || doc.segments[i].is_blank() {
                i += 1;
                continue;
            }
            let first = i;
            let start = doc.segments[first].full().start;
            while i < doc.segments.len()
                && run.removed_by(i).is_none()
                && (i == first || doc.segments[i].full().end - start <= BATCH_BYTES)
            {
                i += 1;
            }
            let batch = Span::new(start, doc.segments[i - 1].full().end);
            lowered.clear();
            lowered.extend(source.as_bytes()[batch.start..batch.end].iter().map(u8::to_ascii_lowercase));
            let compiled = self.compiled();
            for m in compiled.automaton.find_overlapping_iter(&lowered) {
                let found = Found {
                    start: batch.start + m.start(),
                    end: batch.start + m.end(),
                    pattern: m.pattern().as_usize(),
                };
                run.step(1);
                judge(run, &compiled.patterns[found.pattern], &found, &mut marks);
            }
        }
        run.set_phrase_marks(marks);
    }
}

/// Removes or marks the line of one phrase occurrence when its shape fits the phrase's mode.
fn judge(run: &mut Decisions<'_>, p: &Pattern, m: &Found, marks: &mut Vec<(usize, RuleId)>) {
    let doc = run.doc();
    let source = doc.source;
    let i = doc.segment_at(m.start);
    if run.removed_by(i).is_some() && p.action != Action::Mark {
        return;
    }
    let core = doc.segments[i].core();
    let word_before = source[..m.start].chars().next_back().is_some_and(is_word_char);
    let word_after = source[m.end..].chars().next().is_some_and(is_word_char);
    let bounded_end = m.end == core.end || !(p.ends_in_word && word_after);
    let short = || words_at_most(&source[core], p.max_words);
    let (fits, reason) = match p.mode {
        Mode::Exact => (m.start == core.start && m.end == core.end, "the line is a known widget label"),
        Mode::Prefix => {
            (m.start == core.start && bounded_end && short(), "a short line that opens with a known widget phrase")
        }
        Mode::Contains => (
            m.start >= core.start && m.end <= core.end && !(p.starts_in_word && word_before) && bounded_end && short(),
            "a short line holding a known widget phrase",
        ),
    };
    if !fits {
        return;
    }
    match p.action {
        Action::Remove => run.remove_segment(i, p.rule, reason),
        Action::Candidate | Action::Mark => marks.push((i, p.rule)),
    }
}

/// A phrase occurrence, in input offsets.
struct Found {
    start: usize,
    end: usize,
    pattern: usize,
}

/// A character that continues a word. CJK characters do not: those scripts put no spaces
/// between words, so a phrase may end right before the next one.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_cjk(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_phrase_compiles() {
        let all = RuleSet::resolve(&["ALL".parse().unwrap()], &[]);
        let settings = Settings { bias: crate::config::Bias::Balanced, input_kind: None };
        let matcher = PhraseMatcher::new(&all, &settings).expect("rules take phrases");
        let compiled = matcher.compiled();
        assert_eq!(compiled.patterns.len(), lexicon::entries().len());
        assert_eq!(compiled.automaton.patterns_len(), compiled.patterns.len());
    }
}
