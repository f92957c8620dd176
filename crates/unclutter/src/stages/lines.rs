//! Stage 3: line rules, each judging one line on its own.

use crate::registry::LineFn;
use crate::rule::RuleId;
use crate::span::Span;
use crate::stages::{Line, Run};

/// Tries each line rule, in registry order, on every line not yet removed. The first rule that
/// takes the whole line wins; rules that take part of a line let later rules look too.
pub(crate) fn run(rules: &[(RuleId, LineFn)], run: &mut Run<'_>) {
    if rules.is_empty() {
        return;
    }
    let doc = run.doc;
    for (i, seg) in doc.segments.iter().enumerate() {
        if seg.is_blank() || run.marks[i].is_some() {
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
                    let span = Span::new(seg.line.start + part.start, seg.line.start + part.end);
                    run.remove_part(span, rule, hit.reason);
                }
            }
        }
    }
}
