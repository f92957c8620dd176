//! What the rules see of one `clean` call: [`Decisions`], the state the pipeline keeps (which
//! lines are gone, the removals so far, the phrase engine's marks, the structural analysis),
//! and [`Context`], the narrow view a rule's markup, context or finish hook gets of it.
//!
//! Rules never touch [`Decisions`] directly: they read lines and earlier decisions, and remove
//! lines, through [`Context`]. The engines of the pipeline (phrases, lines) use the
//! `pub(crate)` methods of [`Decisions`].

use std::cell::Cell;

use unclutter_text::language::Language;
use unclutter_text::{Document, Span};

use crate::analysis::{self, Analysis, LineStats};
use crate::config::{InputKind, Settings};
use crate::html::Projection;
use crate::input_kind::InputEvidence;
use crate::meta::RuleId;
use crate::removal::{Reason, Removal};

/// The state of one `clean` call: the document, which lines are gone, and the removals so far.
pub(crate) struct Decisions<'a> {
    doc: &'a Document<'a>,
    /// For each segment, the rule that removed it whole, if any.
    removed_by: Vec<Option<RuleId>>,
    removals: Vec<Removal>,
    settings: &'a Settings,
    /// Lines that phrases of `Candidate` and `Mark` rules matched, sorted, for those rules'
    /// context hooks.
    phrase_marks: Vec<(usize, RuleId)>,
    /// The structural analysis, made by the first rule that asks for it in a context round.
    structure: Option<Analysis>,
    /// The document's language, detected by the first analysis.
    language: Option<Language>,
    /// Each line's words and stop words, counted once for the input's evidence and the rounds.
    line_stats: LineStats,
    /// Loop steps taken, for [`crate::Work`].
    steps: Cell<u64>,
    /// In HTML mode, what the markup says of each line (one line per segment).
    dom: Option<&'a Projection>,
    /// For each rule of the registry, whether a line it removed ends the article.
    article_ends: &'a [bool],
    /// For each rule of the registry, whether the content scorer decides its removals; empty
    /// when no scorer runs (the scored rules then remove, as any rule).
    scored: &'a [bool],
    /// For each segment, the first scored rule that proposed it this round, with its reason.
    proposals: Proposals,
    /// The markup's proposals, which every round starts from.
    markup_proposals: Option<Proposals>,
    /// The removal count when `structure` was made.
    structure_at: usize,
    /// Whether the content scorer judged any line.
    scored_lines: bool,
    /// What kind of text the input is, and the evidence read for it.
    input: (InputKind, InputEvidence),
}

/// The scored rules' proposals of a round: four bytes a line, and an entry for each line
/// proposed (few on most pages).
#[derive(Clone)]
struct Proposals {
    /// For each line, its entry in `entries`, or [`Proposals::NONE`].
    index: Vec<u32>,
    entries: Vec<(RuleId, Reason)>,
}

impl Proposals {
    const NONE: u32 = u32::MAX;

    fn new(lines: usize) -> Proposals {
        Proposals { index: vec![Self::NONE; lines], entries: Vec::new() }
    }

    fn get(&self, i: usize) -> Option<&(RuleId, Reason)> {
        self.entries.get(self.index[i] as usize)
    }

    fn set(&mut self, i: usize, rule: RuleId, reason: Reason) {
        self.index[i] = self.entries.len() as u32;
        self.entries.push((rule, reason));
    }

    fn clear(&mut self) {
        if !self.entries.is_empty() {
            self.index.fill(Self::NONE);
            self.entries.clear();
        }
    }
}

impl<'a> Decisions<'a> {
    pub fn new(
        doc: &'a Document<'a>,
        settings: &'a Settings,
        dom: Option<&'a Projection>,
        article_ends: &'a [bool],
        scored: &'a [bool],
    ) -> Decisions<'a> {
        Decisions {
            doc,
            removed_by: vec![None; doc.segments.len()],
            removals: Vec::new(),
            settings,
            phrase_marks: Vec::new(),
            structure: None,
            language: None,
            line_stats: LineStats::default(),
            steps: Cell::new(0),
            dom,
            article_ends,
            scored,
            proposals: Proposals::new(doc.segments.len()),
            markup_proposals: None,
            structure_at: 0,
            scored_lines: false,
            input: (InputKind::Page, InputEvidence::default()),
        }
    }

    pub fn doc(&self) -> &'a Document<'a> {
        self.doc
    }

    /// The rule that removed segment `i` whole, if any.
    #[inline]
    pub fn removed_by(&self, i: usize) -> Option<RuleId> {
        self.removed_by[i]
    }

    /// Removes segment `i` whole, with its terminator, unless an earlier decision removed it.
    pub fn remove_segment(&mut self, i: usize, rule: RuleId, reason: impl Into<Reason>) {
        if self.removed_by[i].is_none() {
            self.removed_by[i] = Some(rule);
            self.removals.push(Removal::new(self.doc.segments[i].full(), rule, reason));
        }
    }

    /// Records that `rule`, a scored rule, proposes segment `i`, unless the line is gone or
    /// another rule proposed it first this round.
    pub fn propose(&mut self, i: usize, rule: RuleId, reason: impl Into<Reason>) {
        if self.removed_by[i].is_none() && self.proposals.get(i).is_none() {
            self.proposals.set(i, rule, reason.into());
        }
    }

    /// The scored rule that proposed segment `i` in the last round, with its reason.
    pub fn proposal(&self, i: usize) -> Option<&(RuleId, Reason)> {
        self.proposals.get(i)
    }

    /// Records that the content scorer judged lines of this text.
    pub fn mark_scored(&mut self) {
        self.scored_lines = true;
    }

    /// True when the content scorer judged lines of this text.
    pub fn was_scored(&self) -> bool {
        self.scored_lines
    }

    /// True when the content scorer decides the removals of `rule`.
    pub fn is_scored(&self, rule: RuleId) -> bool {
        self.scored.get(rule.index()).copied().unwrap_or(false)
    }

    /// Each line's words and stop words, counted once (see [`LineStats`]).
    pub(crate) fn line_stats(&mut self) -> &mut LineStats {
        &mut self.line_stats
    }

    /// The structural analysis of the lines kept so far, made once per context round.
    pub fn structure(&mut self) -> &Analysis {
        if self.structure.is_none() {
            let removed = &self.removed_by;
            let analysis = analysis::analyse(
                self.doc,
                |i| removed[i].is_some(),
                self.settings.bias,
                &self.steps,
                &mut self.language,
                &mut self.line_stats,
            );
            self.structure = Some(analysis);
            self.structure_at = self.removals.len();
        }
        self.structure.as_ref().expect("set above")
    }

    /// The structural analysis of the lines kept now, made anew if a line was removed since the
    /// last one was made.
    pub fn current_structure(&mut self) -> &Analysis {
        if self.structure_at != self.removals.len() {
            self.structure = None;
        }
        self.structure()
    }

    /// What the configuration says.
    pub fn settings(&self) -> &Settings {
        self.settings
    }

    /// The structural analysis last made.
    ///
    /// # Panics
    /// When no analysis was made yet.
    pub fn made_structure(&self) -> &Analysis {
        self.structure.as_ref().expect("an analysis was made")
    }

    /// True when a line `rule` removed ends the article (a related or newsletter heading).
    pub fn ends_article(&self, rule: RuleId) -> bool {
        self.article_ends[rule.index()]
    }

    /// The input's kind and the evidence read for it.
    pub fn input(&self) -> (InputKind, &InputEvidence) {
        (self.input.0, &self.input.1)
    }

    /// The language detected by the first structural analysis, if one was made.
    pub fn language(&self) -> Option<Language> {
        self.language
    }

    /// In HTML mode, what the markup says of each line.
    pub fn dom(&self) -> Option<&'a Projection> {
        self.dom
    }

    /// Removes part of a line.
    pub fn remove_part(&mut self, span: Span, rule: RuleId, reason: impl Into<Reason>) {
        self.removals.push(Removal::new(span, rule, reason));
    }

    /// How many removals were made so far (a round that adds none is the last).
    pub fn removal_count(&self) -> usize {
        self.removals.len()
    }

    /// Hands the phrase engine's candidates and marks over to the context hooks.
    pub fn set_phrase_marks(&mut self, mut marks: Vec<(usize, RuleId)>) {
        marks.sort_unstable();
        marks.dedup();
        self.phrase_marks = marks;
    }

    /// Starts a context round: the structural analysis is made anew when a rule asks for it,
    /// and the scored rules propose anew.
    pub fn start_round(&mut self) {
        self.structure = None;
        match &self.markup_proposals {
            None => self.proposals.clear(),
            Some(markup) => self.proposals.clone_from(markup),
        }
    }

    /// Keeps the markup rules' proposals for every round.
    pub fn keep_markup_proposals(&mut self) {
        if !self.proposals.entries.is_empty() {
            self.markup_proposals = Some(self.proposals.clone());
        }
    }

    /// Counts `n` steps of work.
    #[inline]
    pub fn step(&self, n: usize) {
        self.steps.set(self.steps.get() + n as u64);
    }

    /// Records what kind of text the input is.
    pub fn set_input(&mut self, kind: InputKind, evidence: InputEvidence) {
        self.input = (kind, evidence);
    }

    pub fn steps(&self) -> u64 {
        self.steps.get()
    }

    pub fn into_removals(self) -> Vec<Removal> {
        self.removals
    }
}

/// A rule's view of one `clean` call: the lines, earlier decisions, the markup's evidence, the
/// structural analysis, and the power to remove whole lines in the rule's name.
pub(crate) struct Context<'r, 'a> {
    decisions: &'r mut Decisions<'a>,
    rule: RuleId,
}

impl<'r, 'a> Context<'r, 'a> {
    /// The view of `rule` on `decisions`.
    pub fn new(decisions: &'r mut Decisions<'a>, rule: RuleId) -> Context<'r, 'a> {
        Context { decisions, rule }
    }

    /// The rule this view acts for.
    pub fn rule(&self) -> RuleId {
        self.rule
    }

    /// The document being cleaned.
    pub fn doc(&self) -> &'a Document<'a> {
        self.decisions.doc
    }

    /// Number of lines.
    pub fn len(&self) -> usize {
        self.decisions.doc.segments.len()
    }

    /// Line `i` without surrounding white space.
    pub fn trim(&self, i: usize) -> &'a str {
        let doc = self.decisions.doc;
        doc.text(doc.segments[i].trim())
    }

    /// Line `i` without white space and decoration.
    pub fn core(&self, i: usize) -> &'a str {
        let doc = self.decisions.doc;
        doc.text(doc.segments[i].core())
    }

    /// True when line `i` holds only white space.
    pub fn is_blank(&self, i: usize) -> bool {
        self.decisions.doc.segments[i].is_blank()
    }

    /// The rule that removed line `i`, if any.
    pub fn removed_by(&self, i: usize) -> Option<RuleId> {
        self.decisions.removed_by[i]
    }

    /// Removes line `i` whole in this rule's name, unless an earlier decision removed it. A
    /// scored rule proposes the line instead: the content scorer decides (`crate::scorer`).
    pub fn remove(&mut self, i: usize, reason: impl Into<Reason>) {
        let rule = self.rule;
        if self.decisions.is_scored(rule) {
            self.decisions.propose(i, rule, reason);
        } else {
            self.decisions.remove_segment(i, rule, reason);
        }
    }

    /// Removes `span`, part of a line, in this rule's name.
    pub fn remove_part(&mut self, span: Span, reason: impl Into<Reason>) {
        let rule = self.rule;
        self.decisions.remove_part(span, rule, reason);
    }

    /// Removes line `i` whole in this rule's name, unless an earlier decision removed it, even
    /// when the rule is scored: for a verdict of explicit evidence that no line score should
    /// overrule (a comment section under its heading).
    pub fn remove_outright(&mut self, i: usize, reason: impl Into<Reason>) {
        let rule = self.rule;
        self.decisions.remove_segment(i, rule, reason);
    }

    /// What the configuration says.
    pub fn settings(&self) -> &Settings {
        self.decisions.settings
    }

    /// What kind of text the input is (forced by the user, or read from its evidence).
    pub fn input_kind(&self) -> InputKind {
        self.decisions.input.0
    }

    /// The evidence read for the input's kind.
    pub fn input_evidence(&self) -> &InputEvidence {
        &self.decisions.input.1
    }

    /// In HTML mode, what the markup says of each line.
    pub fn dom(&self) -> Option<&'a Projection> {
        self.decisions.dom
    }

    /// True when a line `rule` removed ends the article (a related or newsletter heading).
    pub fn ends_article(&self, rule: RuleId) -> bool {
        self.decisions.article_ends[rule.index()]
    }

    /// The lines this rule's phrases marked (`Candidate` and `Mark` phrases), in order.
    pub fn phrase_marks(&self) -> impl Iterator<Item = usize> + '_ {
        let rule = self.rule;
        self.decisions.phrase_marks.iter().filter(move |m| m.1 == rule).map(|m| m.0)
    }

    /// The structural analysis of the lines kept so far, made once per context round.
    pub fn structure(&mut self) -> &Analysis {
        self.decisions.structure()
    }

    /// Counts `n` steps of work (for the scaling tests).
    #[inline]
    pub fn step(&self, n: usize) {
        self.decisions.step(n);
    }

    /// The nearest non-blank line before `i`.
    pub fn prev_content(&self, i: usize) -> Option<usize> {
        (0..i).rev().find(|&j| {
            self.step(1);
            !self.is_blank(j)
        })
    }

    /// The nearest non-blank line after `i`.
    pub fn next_content(&self, i: usize) -> Option<usize> {
        (i + 1..self.len()).find(|&j| {
            self.step(1);
            !self.is_blank(j)
        })
    }
}
