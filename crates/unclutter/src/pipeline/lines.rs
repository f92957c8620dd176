//! The line engine: line hooks, each judging one line on its own.

use unclutter_text::Span;

use crate::context::Decisions;
use crate::meta::RuleId;
use crate::rule::{Line, LineFn};

/// Tries each line rule, in registry order, on every line not yet removed. The first rule that
/// takes the whole line wins; rules that take part of a line let later rules look too.
pub(crate) fn run(rules: &[(RuleId, LineFn)], run: &mut Decisions<'_>) {
    if rules.is_empty() {
        return;
    }
    let doc = run.doc();
    for (i, seg) in doc.segments.iter().enumerate() {
        if seg.is_blank() || run.removed_by(i).is_some() {
            continue;
        }
        let line = Line::new(doc.source, seg);
        run.step(rules.len());
        for &(rule, judge) in rules {
            let Some(hit) = judge(&line) else { continue };
            match hit.part {
                None => {
                    run.remove_segment(i, rule, hit.reason);
                    break;
                }
                Some(part) => {
                    let span = Span::new(seg.line().start + part.start, seg.line().start + part.end);
                    run.remove_part(span, rule, hit.reason);
                }
            }
        }
    }
}
