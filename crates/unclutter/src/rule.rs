//! What a rule is: the one [`Rule`] trait every rule implements, the [`Phase`] its judgement
//! runs in, and the shapes of its hooks. Its identity and documentation are [`RuleMeta`].
//!
//! A rule is one unit in one file: `declare_rule!` takes its `///` documentation, its metadata,
//! its phase, what it must run after, its phrases and patterns, and its hooks, and implements
//! [`Rule`] for a unit struct named for the clutter (`SkipLink`). `registry.rs` lists the rules;
//! the pass manager (`pipeline`) orders their hooks from the phases and dependencies.

use std::cell::Cell;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use unclutter_text::{words, Segment};

use crate::context::Context;
use crate::meta::{RuleId, RuleMeta};

impl RuleId {
    /// True when this is `rule`.
    pub(crate) fn is(self, rule: &dyn Rule) -> bool {
        std::ptr::eq(self.meta(), rule.meta())
    }
}

/// Where a rule's judgement runs. The pipeline runs the phases in this order; within a phase,
/// rules run in registry order, after the rules they name as `after`.
///
/// 1. `Segment`: segmentation sets a prefix of each line apart (a leading date stamp); the
///    rule's line hook then removes it.
/// 2. `Markup`: in HTML mode, judged by the markup alone, once, before any text rule (most of a
///    page's text lies outside its content root; the text rules then skip those lines).
/// 3. `Phrase`: judged by the rule's phrases alone, in one automaton pass over the input.
/// 4. `Line`: judged one line at a time (maybe with phrases too); the first rule that takes a
///    whole line wins.
/// 5. The context phases, repeated in rounds until a round removes nothing (at most four),
///    because a removal changes what an earlier decision saw beside it: `Blocks` (a marker line
///    and the block after it: teaser lists, galleries), `Names` (names some other line gave:
///    author slugs and names), `Runs` (runs of phrase candidates: share buttons), `Bios` (bios
///    beside other clutter or at the end of what is kept, so after every line-removing rule
///    but the structural ones), `Structure` (the structural analysis: article tail, page header
///    and footer, which are scored: they propose lines).
/// 6. `Score`: the content scorer (`crate::scorer`) decides the scored rules' proposals; a
///    rule of this phase has no hook: the scorer removes in its name (BPL006, a page's
///    low-scoring lines that no rule proposed).
/// 7. `Finish`: once, after everything else (leftover blank lines).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Phase {
    Segment,
    Markup,
    Phrase,
    Line,
    Blocks,
    Names,
    Runs,
    Bios,
    Structure,
    Score,
    Finish,
}

impl Phase {
    /// True for the phases whose hooks run in the repeated context rounds.
    pub(crate) fn is_context(self) -> bool {
        matches!(self, Phase::Blocks | Phase::Names | Phase::Runs | Phase::Bios | Phase::Structure)
    }
}

/// How a rule's phrases match; the phrases themselves live in `lexicons/<lang>.txt`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Phrases {
    /// Longest line, in words, that a `^` (prefix) or `~` (contains) phrase may remove, before
    /// the precision/recall bias scales it.
    pub max_words: usize,
    /// What a match does.
    pub action: Action,
}

/// What a phrase match does with its line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Action {
    /// The line goes.
    Remove,
    /// The line is a candidate for the rule's context hook, which decides it (a run of share
    /// buttons); lines already removed are not candidates.
    Candidate,
    /// The line is marked for the rule's context hook even when another rule removed it (an
    /// end-of-article marker), and is not removed here.
    Mark,
}

/// One line, as a line hook sees it.
pub(crate) struct Line<'a> {
    /// The line without surrounding white space.
    pub trim: &'a str,
    /// The line without surrounding white space and decoration.
    pub core: &'a str,
    /// Bytes of a prefix set apart by a segment hook, which `trim` and `core` leave out.
    pub prefix_len: usize,
    /// The core's words, counted up to `COUNTED_WORDS + 1` on the first question (`u8::MAX`
    /// until then): a dozen rules ask of each line, and the line is read once.
    words: Cell<u8>,
}

/// Most words a line's count tells apart; a longer line counts `COUNTED_WORDS + 1`.
const COUNTED_WORDS: usize = 64;

impl<'a> Line<'a> {
    pub fn new(source: &'a str, seg: &Segment) -> Line<'a> {
        Line {
            trim: &source[seg.trim()],
            core: &source[seg.core()],
            prefix_len: seg.prefix().len(),
            words: Cell::new(u8::MAX),
        }
    }

    /// True when the core has at most `max` words.
    pub fn words_at_most(&self, max: usize) -> bool {
        if max >= COUNTED_WORDS {
            return words::words_at_most(self.core, max);
        }
        let counted = match self.words.get() {
            u8::MAX => {
                let n = words::words_up_to(self.core, COUNTED_WORDS);
                self.words.set(n as u8);
                n
            }
            n => usize::from(n),
        };
        counted <= max
    }
}

/// What a line hook found.
pub(crate) struct Hit {
    /// `None`: the whole line goes. `Some`: only these bytes, relative to the line's start.
    pub part: Option<Range<usize>>,
    pub reason: &'static str,
}

/// A segment hook: how many bytes at the start of a line to set apart from its text.
pub(crate) type PrefixFn = fn(&str) -> usize;

/// A line hook: judges one line on its own.
pub(crate) type LineFn = fn(&Line<'_>) -> Option<Hit>;

/// A markup, context or finish hook: judges lines in their document, with earlier decisions
/// visible through the [`Context`].
pub(crate) type ContextFn = fn(&mut Context<'_, '_>);

/// The code a rule runs, by where it runs. A rule has the hooks its phase needs: a `Segment`
/// rule a `prefix` and a `line` hook, a `Line` rule a `line` hook, a `Markup` rule a `markup`
/// hook, a context rule a `context` hook (and maybe a `line` hook that finds its markers), a
/// `Finish` rule a `finish` hook. The registry's tests check it.
#[derive(Clone, Copy, Default)]
pub(crate) struct Hooks {
    pub prefix: Option<PrefixFn>,
    pub markup: Option<ContextFn>,
    pub line: Option<LineFn>,
    pub context: Option<ContextFn>,
    pub finish: Option<ContextFn>,
}

/// A rule: metadata, where it runs, and what it runs. `declare_rule!` implements it.
pub(crate) trait Rule: Sync {
    /// Identity and documentation.
    fn meta(&self) -> &'static RuleMeta;
    /// Where its judgement runs.
    fn phase(&self) -> Phase;
    /// Rules of the same phase whose decisions it reads, so it runs after them.
    fn after(&self) -> &'static [&'static dyn Rule] {
        &[]
    }
    /// How its phrases (from the lexicons) match, if it has any.
    fn phrases(&self) -> Option<Phrases> {
        None
    }
    /// Its regular expressions, compiled when a cleaner is built rather than on first use.
    fn patterns(&self) -> &'static [&'static LazyLock<Regex>] {
        &[]
    }
    /// True when a line it removed ends the article (a related or newsletter heading): the
    /// article-tail rule may cut there.
    fn ends_article(&self) -> bool {
        false
    }
    /// The code it runs.
    /// True when the content scorer decides this rule's removals: the rule's hooks propose
    /// lines (a page's header, footer, an article's tail), and a proposed line goes only when
    /// the scorer, which reads the proposal as evidence, agrees (see `crate::scorer`). Without
    /// a scorer, a proposal is a removal.
    fn scored(&self) -> bool {
        false
    }

    fn hooks(&self) -> Hooks;
}

/// Declares one rule: a unit struct named for the clutter, whose `///` docs become the rule's
/// documentation, and its [`Rule`] implementation from the fields (in this order; those in
/// brackets are optional):
///
/// `code`, `name`, `category`, `summary`, `phase`, [`status`, `since`], [`after: [Rule, ...]`],
/// [`phrases`], [`patterns: [STATIC, ...]`], [`ends_article: true`], then the hooks:
/// [`prefix`], [`markup`], [`line`], [`context`], [`finish`].
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])+
        $vis:vis struct $ident:ident {
            code: $code:literal,
            name: $name:literal,
            category: $cat:ident,
            summary: $summary:literal,
            phase: $phase:ident,
            $(status: $status:ident, since: $since:literal,)?
            $(after: [$($after:path),* $(,)?],)?
            $(phrases: $phrases:expr,)?
            $(patterns: [$($pattern:path),* $(,)?],)?
            $(ends_article: $ends:literal,)?
            $(scored: $scored:literal,)?
            $(prefix: $prefix:expr,)?
            $(markup: $markup:expr,)?
            $(line: $line:expr,)?
            $(context: $context:expr,)?
            $(finish: $finish:expr,)?
        }
    ) => {
        $(#[doc = $doc])+
        $vis struct $ident;

        impl $crate::rule::Rule for $ident {
            fn meta(&self) -> &'static $crate::meta::RuleMeta {
                static META: $crate::meta::RuleMeta = $crate::meta::RuleMeta {
                    code: $code,
                    name: $name,
                    category: $crate::meta::Category::$cat,
                    summary: $summary,
                    docs: concat!($($doc, "\n"),+),
                    since: declare_rule!(@or [$($since)?] "0.1.0"),
                    status: declare_rule!(@status $($status)?),
                };
                &META
            }

            fn phase(&self) -> $crate::rule::Phase {
                $crate::rule::Phase::$phase
            }

            $(
            fn after(&self) -> &'static [&'static dyn $crate::rule::Rule] {
                static AFTER: &[&dyn $crate::rule::Rule] = &[$(&$after),*];
                AFTER
            }
            )?

            $(
            fn phrases(&self) -> Option<$crate::rule::Phrases> {
                Some($phrases)
            }
            )?

            $(
            fn patterns(&self) -> &'static [&'static std::sync::LazyLock<regex::Regex>] {
                static PATTERNS: &[&std::sync::LazyLock<regex::Regex>] = &[$(&$pattern),*];
                PATTERNS
            }
            )?

            $(
            fn ends_article(&self) -> bool {
                $ends
            }
            )?

            $(
            fn scored(&self) -> bool {
                $scored
            }
            )?

            fn hooks(&self) -> $crate::rule::Hooks {
                $crate::rule::Hooks {
                    prefix: declare_rule!(@opt $($prefix)?),
                    markup: declare_rule!(@opt $($markup)?),
                    line: declare_rule!(@opt $($line)?),
                    context: declare_rule!(@opt $($context)?),
                    finish: declare_rule!(@opt $($finish)?),
                }
            }
        }
    };
    (@opt) => { None };
    (@opt $e:expr) => { Some($e) };
    (@status) => { $crate::meta::RuleStatus::Stable };
    (@status $status:ident) => { $crate::meta::RuleStatus::$status };
    (@or [] $default:tt) => { $default };
    (@or [$given:tt] $default:tt) => { $given };
}
pub(crate) use declare_rule;
