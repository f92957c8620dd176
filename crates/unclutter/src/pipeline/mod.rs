//! The pass manager: the passes a cleaner runs, ordered once, when it is built, from the
//! selected rules' phases and dependencies.
//!
//! One `clean` call runs, in order:
//! 1. segmentation, with the prefix hook of a `Segment` rule (a leading date stamp set apart);
//! 2. in HTML mode, the `Markup` rules' hooks, once;
//! 3. [`phrases`]: one Aho-Corasick pass over the input for every selected rule's phrases;
//! 4. [`lines`]: the line hooks, in registry order (the first rule that takes a whole line wins);
//! 5. the context hooks, phase by phase (`Blocks`, `Names`, `Runs`, `Bios`, `Structure`), each
//!    rule after those it names as `after`, in rounds until a round removes nothing (at most
//!    [`MAX_ROUNDS`]): a removal can change what an earlier decision saw beside it, and repeating
//!    until nothing changes is what makes cleaning the output again remove nothing;
//! 6. the content scorer (`crate::scorer`): it decides the scored rules' proposals;
//! 7. the `Finish` hooks, once.
//!
//! Every pass reads the original text and the decisions made so far, and only adds removals.

pub(crate) mod lines;
pub(crate) mod phrases;

use std::fmt;

use unclutter_text::{Document, Span};

use crate::cleaned::{Outcome, Work};
use crate::config::{InputKind, Settings};
use crate::context::{Context, Decisions};
use crate::features::LineFeatures;
use crate::html::Projection;
use crate::input_kind::{InputEvidence, Removed};
use crate::meta::Category;
use crate::meta::RuleId;
use crate::registry;
use crate::removal::{kept_spans, normalize, Removal};
use crate::rule::{ContextFn, LineFn, PrefixFn, Rule};
use crate::scorer::{self, Scorer};
use crate::select::RuleSet;
use phrases::PhraseMatcher;

/// Most context rounds; each round but the last removes at least one line.
pub(crate) const MAX_ROUNDS: usize = 4;

/// Most passes over the kept text that settle the content scorer's decisions.
const SETTLE_PASSES: usize = 3;

/// Why the selected rules cannot be put in an order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum OrderError {
    /// A rule runs after a rule of a later phase.
    LaterPhase { rule: &'static str, after: &'static str },
    /// Rules that run after each other in a circle.
    Cycle(Vec<&'static str>),
    /// Two rules set a prefix of each line apart; segmentation takes one.
    TwoPrefixes(&'static str, &'static str),
}

impl fmt::Display for OrderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OrderError::LaterPhase { rule, after } => {
                write!(f, "rule {rule} runs after {after}, whose phase comes later")
            }
            OrderError::Cycle(codes) => write!(f, "rules that run after each other in a circle: {}", codes.join(", ")),
            OrderError::TwoPrefixes(a, b) => write!(f, "rules {a} and {b} both set a prefix of each line apart"),
        }
    }
}

/// The passes of one configuration, built once and shared by every `clean` call.
#[derive(Debug)]
pub(crate) struct Pipeline {
    settings: Settings,
    prefix: Option<PrefixFn>,
    markup: Vec<(RuleId, ContextFn)>,
    phrases: Option<PhraseMatcher>,
    lines: Vec<(RuleId, LineFn)>,
    context: Vec<(RuleId, ContextFn)>,
    finish: Vec<(RuleId, ContextFn)>,
    /// For each rule of the registry, whether a line it removed ends the article.
    article_ends: Vec<bool>,
    /// For each rule of the registry, whether the content scorer decides its removals.
    scored: Vec<bool>,
    /// The rule that removes a page's low-scoring lines no rule proposed, when selected.
    unproposed: Option<RuleId>,
    /// The content scorers of plain text and of HTML pages, if the configuration has them.
    scorer: Option<Scorer>,
    html_scorer: Option<Scorer>,
}

/// What building a pipeline can fail on.
#[derive(Debug)]
pub(crate) enum PipelineError {
    Order(OrderError),
}

impl Pipeline {
    /// Compiles the phrase automaton, the patterns of `rules`, the scorers' models and the
    /// stop-word lists now rather than on first use.
    pub fn prepare(&self, rules: &RuleSet) {
        if let Some(phrases) = &self.phrases {
            phrases.prepare();
        }
        for rule in rules.iter() {
            for pattern in registry::rule(rule).patterns() {
                std::sync::LazyLock::force(pattern);
            }
        }
        for scorer in [&self.scorer, &self.html_scorer].into_iter().flatten() {
            scorer.load();
        }
        unclutter_text::language::load();
    }

    /// Orders the passes of `rules`. Their phrases and patterns compile on first use, or at
    /// [`Pipeline::prepare`].
    pub fn build(
        rules: &RuleSet,
        settings: Settings,
        (scorer, html_scorer): (Option<Scorer>, Option<Scorer>),
    ) -> Result<Pipeline, PipelineError> {
        let selected: Vec<_> = rules.iter().map(|id| (id, registry::rule(id))).collect();
        let order = order(&selected).map_err(PipelineError::Order)?;
        let phrases = PhraseMatcher::new(rules, &settings);
        let mut prefix: Option<(RuleId, PrefixFn)> = None;
        let (mut markup, mut context, mut finish) = (Vec::new(), Vec::new(), Vec::new());
        for &rule in &order {
            let hooks = registry::rule(rule).hooks();
            if let Some(split) = hooks.prefix {
                if let Some((first, _)) = prefix {
                    return Err(PipelineError::Order(OrderError::TwoPrefixes(first.code(), rule.code())));
                }
                prefix = Some((rule, split));
            }
            markup.extend(hooks.markup.map(|hook| (rule, hook)));
            if registry::rule(rule).phase().is_context() {
                context.extend(hooks.context.map(|hook| (rule, hook)));
            }
            finish.extend(hooks.finish.map(|hook| (rule, hook)));
        }
        // Line hooks run in registry order: it says which rule gets a line that two rules want.
        let lines = rules.iter().filter_map(|rule| Some((rule, registry::rule(rule).hooks().line?))).collect();
        let article_ends = RuleId::all().map(|rule| registry::rule(rule).ends_article()).collect();
        let scored = RuleId::all().map(|rule| registry::rule(rule).scored()).collect();
        Ok(Pipeline {
            settings,
            prefix: prefix.map(|p| p.1),
            markup,
            phrases,
            lines,
            context,
            finish,
            article_ends,
            scored,
            unproposed: rules.iter().find(|rule| rule.code() == "BPL006"),
            scorer,
            html_scorer,
        })
    }

    /// The configuration's settings.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The rules whose context hooks run in the rounds, in order.
    #[cfg(test)]
    pub fn context_order(&self) -> Vec<&'static str> {
        self.context.iter().map(|(rule, _)| rule.code()).collect()
    }

    /// Runs every pass over `input`, with the markup's evidence in HTML mode.
    pub fn run(&self, input: &str, dom: Option<&Projection>) -> Outcome {
        let (mut outcome, _) = self.run_traced(input, dom, false);
        // An HTML page's kept text is plain text: cleaning it again is text mode's business.
        if outcome.scored && dom.is_none() {
            self.settle(input, &mut outcome);
        }
        outcome
    }

    /// Cleans the kept text again, and adds what that removes (mapped back to the input), until
    /// a pass removes nothing (at most [`SETTLE_PASSES`]). The rules settle their decisions in
    /// rounds over the lines still kept; the scorer reads a line's surroundings, the input's
    /// kind and its evidence, which the lines it removed still colour within one pass, so this
    /// is what makes cleaning the output again remove nothing.
    fn settle(&self, input: &str, outcome: &mut Outcome) {
        for _ in 0..SETTLE_PASSES {
            // The kept text, and where each of its kept pieces starts in it and in the input.
            let mut kept = String::with_capacity(input.len());
            let mut pieces: Vec<(usize, usize, usize)> = Vec::new();
            for span in kept_spans(input.len(), &outcome.removals) {
                pieces.push((kept.len(), span.start, span.len()));
                kept.push_str(&input[span]);
            }
            let (again, _) = self.run_traced(&kept, None, false);
            outcome.work.steps += again.work.steps;
            outcome.work.passes += 1;
            if again.removals.is_empty() {
                return;
            }
            for removal in again.removals {
                let span = removal.span;
                let first = pieces.partition_point(|p| p.0 + p.2 <= span.start);
                for &(out, from, len) in pieces[first..].iter().take_while(|p| p.0 < span.end) {
                    let (start, end) = (span.start.max(out), span.end.min(out + len));
                    let mapped = Span::new(from + start - out, from + end - out);
                    outcome.removals.push(Removal { span: mapped, ..removal.clone() });
                }
            }
            outcome.removals = normalize(input, std::mem::take(&mut outcome.removals));
            if !again.scored {
                // A pass the scorer did not judge is the rules' alone, and they settle their
                // decisions in rounds: a further pass would remove nothing.
                return;
            }
        }
    }

    /// Runs every pass over `input` as [`Pipeline::run`] does, and, when `trace` is set,
    /// returns the features the content scorer reads of each line. The passes and their result
    /// are the same either way.
    pub fn run_traced(&self, input: &str, dom: Option<&Projection>, trace: bool) -> (Outcome, Option<LineFeatures>) {
        let doc = Document::parse(input, self.prefix);
        // Without a scorer the scored rules remove, as they always did; the features are read
        // as a scorer would see them, from proposals.
        let scorer = if dom.is_some() { self.html_scorer.as_ref() } else { self.scorer.as_ref() };
        let scored: &[bool] = if scorer.is_some() || trace { &self.scored } else { &[] };
        let mut decisions = Decisions::new(&doc, &self.settings, dom, &self.article_ends, scored);
        if dom.is_some() {
            run_hooks(&self.markup, &mut decisions);
            decisions.keep_markup_proposals();
        }
        if let Some(phrases) = &self.phrases {
            phrases.run(&mut decisions);
        }
        lines::run(&self.lines, &mut decisions);
        // A page's own furniture, as the phrase and line rules found it, is evidence of its kind;
        // an HTML page is a page.
        // The word counts leave the decisions while the evidence reads both, and go back for the
        // rounds' analysis.
        let mut stats = std::mem::take(decisions.line_stats());
        let evidence = InputEvidence::read(
            &doc,
            |i| match decisions.removed_by(i) {
                None => Removed::No,
                Some(r) if is_furniture(r.category()) => Removed::Furniture,
                Some(_) => Removed::Other,
            },
            &mut stats,
        );
        *decisions.line_stats() = stats;
        let kind = match (dom, self.settings.input_kind) {
            (Some(_), _) => InputKind::Page,
            (None, Some(forced)) => forced,
            (None, None) => evidence.kind(),
        };
        decisions.set_input(kind, evidence);
        for _ in 0..MAX_ROUNDS {
            let before = decisions.removal_count();
            decisions.start_round();
            run_hooks(&self.context, &mut decisions);
            if decisions.removal_count() == before {
                break;
            }
        }
        let features = scorer::decide(&mut decisions, scorer, self.unproposed, trace);
        run_hooks(&self.finish, &mut decisions);
        let work = Work { lines: doc.segments.len() as u64, steps: decisions.steps(), passes: 1 };
        let scored = decisions.was_scored();
        let outcome =
            Outcome { removals: normalize(input, decisions.into_removals()), work, input_kind: kind, evidence, scored };
        (outcome, features)
    }
}

/// Categories of page furniture: what a page carries around its article and an extractor leaves
/// out.
fn is_furniture(category: Category) -> bool {
    matches!(category, Category::Navigation | Category::Share | Category::Promo | Category::Legal | Category::Ads)
}

/// Runs `hooks` once, in order, each through a context acting in its rule's name.
fn run_hooks(hooks: &[(RuleId, ContextFn)], decisions: &mut Decisions<'_>) {
    for &(rule, hook) in hooks {
        decisions.step(decisions.doc().segments.len());
        hook(&mut Context::new(decisions, rule));
    }
}

/// The selected rules in the order their passes run: by phase, and within a phase in registry
/// order, each rule after the selected rules it names as `after` (dependencies on rules not
/// selected are void).
fn order(selected: &[(RuleId, &'static dyn Rule)]) -> Result<Vec<RuleId>, OrderError> {
    let rule_of = |id: RuleId| selected.iter().find(|s| s.0 == id).expect("selected").1;
    let phase_of = |id: RuleId| rule_of(id).phase();
    let deps = |rule: RuleId| -> Result<Vec<RuleId>, OrderError> {
        let mut deps = Vec::new();
        for &dep in rule_of(rule).after() {
            let Some(dep) = selected.iter().map(|s| s.0).find(|r| r.is(dep)) else { continue };
            if phase_of(dep) > phase_of(rule) {
                return Err(OrderError::LaterPhase { rule: rule.code(), after: dep.code() });
            }
            if phase_of(dep) == phase_of(rule) {
                deps.push(dep);
            }
        }
        Ok(deps)
    };
    let mut pending: Vec<(RuleId, Vec<RuleId>)> =
        selected.iter().map(|&(rule, _)| Ok((rule, deps(rule)?))).collect::<Result<_, OrderError>>()?;
    pending.sort_by_key(|(rule, _)| (phase_of(*rule), *rule));
    let mut order: Vec<RuleId> = Vec::with_capacity(pending.len());
    while !pending.is_empty() {
        // The first rule, in phase and registry order, whose dependencies have all run.
        let ready = pending.iter().position(|(_, deps)| deps.iter().all(|d| order.contains(d)));
        let Some(at) = ready else {
            return Err(OrderError::Cycle(pending.iter().map(|(rule, _)| rule.code()).collect()));
        };
        order.push(pending.remove(at).0);
    }
    Ok(order)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Bias;
    use crate::rule::declare_rule;

    fn pipeline(select: &[&str]) -> Pipeline {
        let select: Vec<_> = select.iter().map(|s| s.parse().unwrap()).collect();
        Pipeline::build(
            &RuleSet::resolve(&select, &[]),
            Settings { bias: Bias::Balanced, input_kind: None },
            (None, None),
        )
        .unwrap()
    }

    #[test]
    fn context_hooks_run_by_phase_then_dependencies() {
        let order = pipeline(&[]).context_order();
        assert_eq!(
            order,
            ["MED002", "REL002", "BYL002", "BYL004", "SOC002", "BYL003", "BPL003", "BPL001", "BPL002"],
            "blocks, names, runs, bios, then the structural rules with the article tail first"
        );
        // Without the article tail, its dependants keep registry order.
        assert_eq!(pipeline(&["BPL001", "BPL002"]).context_order(), ["BPL001", "BPL002"]);
    }

    fn nothing(_: &mut Context<'_, '_>) {}

    declare_rule! {
        /// A test rule.
        struct First {
            code: "TST001",
            name: "first",
            category: Layout,
            summary: "a test rule",
            phase: Structure,
            after: [Second],
            context: nothing,
        }
    }

    declare_rule! {
        /// A test rule.
        struct Second {
            code: "TST002",
            name: "second",
            category: Layout,
            summary: "a test rule",
            phase: Structure,
            context: nothing,
        }
    }

    declare_rule! {
        /// A test rule.
        struct Circular {
            code: "TST003",
            name: "circular",
            category: Layout,
            summary: "a test rule",
            phase: Structure,
            after: [Circular2],
            context: nothing,
        }
    }

    declare_rule! {
        /// A test rule.
        struct Circular2 {
            code: "TST004",
            name: "circular-2",
            category: Layout,
            summary: "a test rule",
            phase: Structure,
            after: [Circular],
            context: nothing,
        }
    }

    declare_rule! {
        /// A test rule.
        struct Early {
            code: "TST005",
            name: "early",
            category: Layout,
            summary: "a test rule",
            phase: Blocks,
            after: [Second],
            context: nothing,
        }
    }

    fn ids(rules: &[&'static dyn Rule]) -> Vec<(RuleId, &'static dyn Rule)> {
        rules.iter().enumerate().map(|(i, &rule)| (RuleId::new(i as u16, rule.meta()), rule)).collect()
    }

    fn codes(order: Vec<RuleId>) -> Vec<&'static str> {
        order.into_iter().map(|r| r.code()).collect()
    }

    #[test]
    fn a_rule_runs_after_its_dependencies_whatever_the_registry_order() {
        assert_eq!(codes(order(&ids(&[&First, &Second])).unwrap()), ["TST002", "TST001"]);
        assert_eq!(codes(order(&ids(&[&Second, &First])).unwrap()), ["TST002", "TST001"]);
        // A dependency that is not selected is void.
        assert_eq!(codes(order(&ids(&[&First])).unwrap()), ["TST001"]);
    }

    declare_rule! {
        /// A test rule.
        struct Block {
            code: "TST006",
            name: "block",
            category: Layout,
            summary: "a test rule",
            phase: Blocks,
            context: nothing,
        }
    }

    #[test]
    fn phases_come_before_registry_order() {
        assert_eq!(codes(order(&ids(&[&Second, &Block])).unwrap()), ["TST006", "TST002"]);
    }

    #[test]
    fn circles_and_later_phases_are_errors_naming_the_rules() {
        let err = order(&ids(&[&Circular, &Circular2])).unwrap_err();
        assert_eq!(err, OrderError::Cycle(vec!["TST003", "TST004"]));
        assert!(err.to_string().contains("TST003, TST004"), "{err}");
        let err = order(&ids(&[&Early, &Second])).unwrap_err();
        assert_eq!(err, OrderError::LaterPhase { rule: "TST005", after: "TST002" });
    }

    #[test]
    fn every_registered_rule_runs_after_its_dependencies() {
        let all: Vec<_> = RuleId::all().map(|id| (id, registry::rule(id))).collect();
        let order = order(&all).unwrap();
        for (at, &rule) in order.iter().enumerate() {
            for &dep in registry::rule(rule).after() {
                let dep_at = order.iter().position(|r| r.is(dep)).unwrap();
                assert!(dep_at < at, "{} runs before its dependency", rule.code());
            }
        }
        assert!(order.windows(2).all(|w| registry::rule(w[0]).phase() <= registry::rule(w[1]).phase()));
    }
}
