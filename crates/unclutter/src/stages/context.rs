//! Stage 4: context rules, which judge lines by their neighbours and earlier decisions.

use crate::registry::ContextFn;
use crate::rule::RuleId;
use crate::stages::{Context, Run};

/// Most rounds of the context rules; each round but the last removes at least one line.
const MAX_ROUNDS: usize = 4;

/// Runs the context rules in `CONTEXT_ORDER`, then again while a round removed something (at
/// most `MAX_ROUNDS`): a removal can change what a rule judged earlier saw beside it, and
/// repeating until nothing changes is what makes cleaning the output again remove nothing.
pub(crate) fn run(rules: &[(RuleId, ContextFn)], run: &mut Run<'_>) {
    for _ in 0..MAX_ROUNDS {
        let before = run.removals.len();
        run_once(rules, run);
        if run.removals.len() == before {
            break;
        }
    }
}

/// One round of `rules`, in order.
pub(crate) fn run_once(rules: &[(RuleId, ContextFn)], run: &mut Run<'_>) {
    run.structure = None;
    for &(rule, judge) in rules {
        run.step(run.doc.segments.len());
        judge(&mut Context { run, rule });
    }
}
