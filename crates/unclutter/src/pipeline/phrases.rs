//! The phrase engine: every selected rule's phrases, matched in one Aho-Corasick pass over the
//! input.

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

/// One automaton for all phrases of the selected rules, and what each pattern means.
#[derive(Debug)]
pub(crate) struct PhraseMatcher {
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

impl PhraseMatcher {
    /// Gathers the phrases of the selected rules from every lexicon. `None` when there are none.
    pub fn build(rules: &RuleSet, settings: &Settings) -> Result<Option<PhraseMatcher>, aho_corasick::BuildError> {
        let mut phrases = Vec::new();
        let mut patterns = Vec::new();
        for entry in lexicon::entries() {
            let Some(params) = registry::rule(entry.rule).phrases() else { continue };
            if !rules.contains(entry.rule) {
                continue;
            }
            phrases.push(entry.phrase);
            patterns.push(Pattern {
                rule: entry.rule,
                mode: entry.mode,
                max_words: settings.scale_words(params.max_words),
                action: params.action,
                ends_in_word: entry.phrase.chars().next_back().is_some_and(is_word_char),
                starts_in_word: entry.phrase.chars().next().is_some_and(is_word_char),
            });
        }
        if phrases.is_empty() {
            return Ok(None);
        }
        let automaton =
            AhoCorasickBuilder::new().ascii_case_insensitive(true).match_kind(MatchKind::Standard).build(&phrases)?;
        Ok(Some(PhraseMatcher { automaton, patterns }))
    }

    /// Reports every phrase occurrence (overlapping ones too) and removes the lines whose shape
    /// fits the phrase's mode: the whole line, its start, or anywhere in a short line.
    pub fn run(&self, run: &mut Decisions<'_>) {
        let doc = run.doc();
        let source = doc.source;
        let mut marks: Vec<(usize, RuleId)> = Vec::new();
        // Only runs of lines no earlier stage removed are searched (in HTML mode the markup
        // rules have run); in text mode that is the whole input.
        let mut chunks = Vec::new();
        let mut i = 0;
        while i < doc.segments.len() {
            if run.removed_by(i).is_some() {
                i += 1;
                continue;
            }
            let first = i;
            while i < doc.segments.len() && run.removed_by(i).is_none() {
                i += 1;
            }
            chunks.push(Span::new(doc.segments[first].full().start, doc.segments[i - 1].full().end));
        }
        for m in chunks.into_iter().flat_map(|chunk| {
            self.automaton.find_overlapping_iter(&source[chunk]).map(move |m| Found {
                start: chunk.start + m.start(),
                end: chunk.start + m.end(),
                pattern: m.pattern().as_usize(),
            })
        }) {
            run.step(1);
            let p = self.patterns[m.pattern];
            let i = doc.segment_at(m.start);
            if run.removed_by(i).is_some() && p.action != Action::Mark {
                continue;
            }
            let seg = &doc.segments[i];
            let core = seg.core();
            let word_before = source[..m.start].chars().next_back().is_some_and(is_word_char);
            let word_after = source[m.end..].chars().next().is_some_and(is_word_char);
            let bounded_end = m.end == core.end || !(p.ends_in_word && word_after);
            let short = || words_at_most(&source[core], p.max_words);
            let (fits, reason) = match p.mode {
                Mode::Exact => (m.start == core.start && m.end == core.end, "the line is a known widget label"),
                Mode::Prefix => (
                    m.start == core.start && bounded_end && short(),
                    "a short line that opens with a known widget phrase",
                ),
                Mode::Contains => (
                    m.start >= core.start
                        && m.end <= core.end
                        && !(p.starts_in_word && word_before)
                        && bounded_end
                        && short(),
                    "a short line holding a known widget phrase",
                ),
            };
            if !fits {
                continue;
            }
            match p.action {
                Action::Remove => run.remove_segment(i, p.rule, reason),
                Action::Candidate | Action::Mark => marks.push((i, p.rule)),
            }
        }
        run.set_phrase_marks(marks);
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
