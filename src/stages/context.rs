//! Stage 4: context rules, which judge lines by their neighbours and earlier decisions.

use crate::registry::ContextFn;
use crate::rule::RuleId;
use crate::stages::{Context, Run};

/// Runs each context rule over the document, in registry order.
pub(crate) fn run(rules: &[(RuleId, ContextFn)], run: &mut Run<'_>) {
    for &(rule, judge) in rules {
        judge(&mut Context { run, rule });
    }
}
