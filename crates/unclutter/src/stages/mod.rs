//! The engines that run rules, one file per stage, in pipeline order:
//! 1. segmentation ([`crate::document`]);
//! 2. [`phrases`]: one Aho-Corasick pass over the whole input for every selected rule's phrases;
//! 3. [`lines`]: line rules, each judging one line on its own;
//! 4. [`context`]: context rules, judging lines by their neighbours and earlier decisions;
//! 5. [`whitespace`]: blank lines left over.
//!
//! Every stage reads the original text and the decisions made so far, and only adds removals.

use std::cell::Cell;
use std::ops::Range;

use crate::cleaner::Settings;
use crate::document::{Document, Segment};
use crate::removal::{Reason, Removal};
use crate::rule::RuleId;
use crate::span::Span;

pub(crate) mod context;
pub(crate) mod lines;
pub(crate) mod phrases;
pub(crate) mod structure;
pub(crate) mod whitespace;

/// The state of one `clean` call: the document, which lines are gone, and the removals so far.
pub(crate) struct Run<'a> {
    pub doc: &'a Document<'a>,
    /// For each segment, the rule that removed it whole, if any.
    pub marks: Vec<Option<RuleId>>,
    pub removals: Vec<Removal>,
    pub settings: &'a Settings,
    /// Lines matched by run-only phrase rules, decided in the context stage.
    pub run_candidates: Vec<(usize, RuleId)>,
    /// Lines matched by marker phrases (end-of-article markers), sorted.
    pub markers: Vec<(usize, RuleId)>,
    /// The structural analysis, computed by the first rule that needs it in a context round.
    pub structure: Option<structure::Analysis>,
    /// The document's language, detected by the first analysis.
    pub language: Option<crate::language::Language>,
    /// Loop steps taken, for [`crate::Work`].
    pub steps: Cell<u64>,
    /// In HTML mode, what the markup says of each line (one line per segment).
    pub dom: Option<&'a crate::html::Projection>,
}

impl<'a> Run<'a> {
    pub fn new(doc: &'a Document<'a>, settings: &'a Settings) -> Run<'a> {
        Run {
            doc,
            marks: vec![None; doc.segments.len()],
            removals: Vec::new(),
            settings,
            run_candidates: Vec::new(),
            markers: Vec::new(),
            structure: None,
            language: None,
            steps: Cell::new(0),
            dom: None,
        }
    }

    /// Removes segment `i` whole, with its terminator, unless an earlier decision removed it.
    pub fn remove_segment(&mut self, i: usize, rule: RuleId, reason: impl Into<Reason>) {
        if self.marks[i].is_none() {
            self.marks[i] = Some(rule);
            self.removals.push(Removal::new(self.doc.segments[i].full, rule, reason));
        }
    }

    /// Counts `n` steps of work.
    #[inline]
    pub fn step(&self, n: usize) {
        self.steps.set(self.steps.get() + n as u64);
    }

    /// Removes part of a line.
    pub fn remove_part(&mut self, span: Span, rule: RuleId, reason: impl Into<Reason>) {
        self.removals.push(Removal::new(span, rule, reason));
    }
}

/// One line, as a line rule sees it.
pub(crate) struct Line<'a> {
    /// The line without surrounding white space.
    pub trim: &'a str,
    /// The line without surrounding white space and decoration.
    pub core: &'a str,
    /// Bytes of a leading date stamp, which `trim` and `core` leave out.
    pub stamp_len: usize,
}

impl<'a> Line<'a> {
    pub fn new(source: &'a str, seg: &Segment) -> Line<'a> {
        Line { trim: &source[seg.trim], core: &source[seg.core], stamp_len: seg.stamp.len() }
    }

    /// True when the core has at most `max` words.
    pub fn words_at_most(&self, max: usize) -> bool {
        crate::document::words_at_most(self.core, max)
    }
}

/// What a line rule found.
pub(crate) struct Hit {
    /// `None`: the whole line goes. `Some`: only these bytes, relative to the line's start.
    pub part: Option<Range<usize>>,
    pub reason: &'static str,
}

/// A context rule's view of the run: neighbours, earlier decisions, and the power to remove.
pub(crate) struct Context<'r, 'a> {
    pub run: &'r mut Run<'a>,
    pub rule: RuleId,
}

impl<'r, 'a> Context<'r, 'a> {
    pub fn len(&self) -> usize {
        self.run.doc.segments.len()
    }

    pub fn trim(&self, i: usize) -> &'a str {
        self.run.doc.text(self.run.doc.segments[i].trim)
    }

    pub fn core(&self, i: usize) -> &'a str {
        self.run.doc.text(self.run.doc.segments[i].core)
    }

    pub fn is_blank(&self, i: usize) -> bool {
        self.run.doc.segments[i].is_blank()
    }

    pub fn removed_by(&self, i: usize) -> Option<RuleId> {
        self.run.marks[i]
    }

    pub fn remove(&mut self, i: usize, reason: impl Into<Reason>) {
        let rule = self.rule;
        self.run.remove_segment(i, rule, reason);
    }

    pub fn settings(&self) -> &Settings {
        self.run.settings
    }

    /// The nearest non-blank segment before `i`.
    pub fn prev_content(&self, i: usize) -> Option<usize> {
        (0..i).rev().find(|&j| {
            self.run.step(1);
            !self.is_blank(j)
        })
    }

    /// The nearest non-blank segment after `i`.
    pub fn next_content(&self, i: usize) -> Option<usize> {
        (i + 1..self.len()).find(|&j| {
            self.run.step(1);
            !self.is_blank(j)
        })
    }
}
