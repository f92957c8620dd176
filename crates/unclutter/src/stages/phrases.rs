//! Stage 2: every selected rule's phrases, matched in one Aho-Corasick pass over the input.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::cleaner::{BuildError, Settings};
use crate::lexicon::{self, Mode};
use crate::registry::{Action, RULES};
use crate::rule::RuleId;
use crate::select::RuleSet;
use crate::span::Span;
use crate::stages::{Context, Run};

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
    pub fn build(rules: &RuleSet, settings: &Settings) -> Result<Option<PhraseMatcher>, BuildError> {
        let mut phrases = Vec::new();
        let mut patterns = Vec::new();
        for entry in lexicon::entries() {
            let Some(params) = RULES[entry.rule.index()].phrases else { continue };
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
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&phrases)
            .map_err(|e| BuildError::Automaton(e.to_string()))?;
        Ok(Some(PhraseMatcher { automaton, patterns }))
    }

    /// Reports every phrase occurrence (overlapping ones too) and removes the lines whose shape
    /// fits the phrase's mode: the whole line, its start, or anywhere in a short line.
    pub fn run(&self, run: &mut Run<'_>) {
        let doc = run.doc;
        let source = doc.source;
        let mut candidates: Vec<(usize, RuleId)> = Vec::new();
        // Only runs of lines no earlier stage removed are searched (in HTML mode the markup
        // rules have run); in text mode that is the whole input.
        let mut chunks = Vec::new();
        let mut i = 0;
        while i < doc.segments.len() {
            if run.marks[i].is_some() {
                i += 1;
                continue;
            }
            let first = i;
            while i < doc.segments.len() && run.marks[i].is_none() {
                i += 1;
            }
            chunks.push(Span::new(doc.segments[first].full.start, doc.segments[i - 1].full.end));
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
            if run.marks[i].is_some() && p.action != Action::Mark {
                continue;
            }
            let seg = &doc.segments[i];
            let core = seg.core;
            let word_before = source[..m.start].chars().next_back().is_some_and(is_word_char);
            let word_after = source[m.end..].chars().next().is_some_and(is_word_char);
            let bounded_end = m.end == core.end || !(p.ends_in_word && word_after);
            let short = || crate::document::words_at_most(&source[core], p.max_words);
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
                Action::Run => candidates.push((i, p.rule)),
                Action::Mark => run.markers.push((i, p.rule)),
            }
        }
        candidates.sort_unstable();
        candidates.dedup_by_key(|c| c.0);
        run.run_candidates = candidates;
        run.markers.sort_unstable();
        run.markers.dedup();
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
    c.is_alphanumeric() && !crate::document::is_cjk(c)
}

/// Decides the candidates of run-only rules (SOC002) in the context stage: a candidate goes when
/// the nearest kept non-blank line before or after it is a candidate too. Lines removed by other
/// rules are looked through, so cleaning the output again decides the same.
pub(crate) fn resolve_runs(cx: &mut Context<'_, '_>) {
    let run = &mut *cx.run;
    if run.run_candidates.is_empty() {
        return;
    }
    let candidates = std::mem::take(&mut run.run_candidates);
    let segments = &run.doc.segments;
    let marks = &run.marks;
    let steps = &run.steps;
    let visible = |j: usize| {
        steps.set(steps.get() + 1);
        !segments[j].is_blank() && marks[j].is_none()
    };
    let is_candidate = |j: usize| candidates.binary_search_by_key(&j, |c| c.0).is_ok();
    let prev = |i: usize| (0..i).rev().find(|&j| visible(j));
    let next = |i: usize| (i + 1..segments.len()).find(|&j| visible(j));
    let keep: Vec<(usize, RuleId)> = candidates
        .iter()
        .copied()
        .filter(|&(i, _)| visible(i))
        .filter(|&(i, _)| prev(i).is_some_and(is_candidate) || next(i).is_some_and(is_candidate))
        .collect();
    for (i, rule) in keep {
        run.remove_segment(i, rule, "part of a run of share or social buttons");
    }
    run.run_candidates = candidates;
}
