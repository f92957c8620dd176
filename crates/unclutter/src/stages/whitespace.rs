//! Stage 5: blank lines left over once every other rule has decided.

use crate::rule::RuleId;
use crate::stages::Run;

/// Keeps at most one blank line between two kept lines and none before the first or after the
/// last. Idempotent: its output has nothing left for it to remove.
pub(crate) fn run(rule: RuleId, run: &mut Run<'_>) {
    let mut pending: Vec<usize> = Vec::new();
    let mut seen_content = false;
    run.step(run.doc.segments.len());
    for i in 0..run.doc.segments.len() {
        if run.marks[i].is_some() {
            continue;
        }
        if run.doc.segments[i].is_blank() {
            pending.push(i);
            continue;
        }
        let keep_one = usize::from(seen_content);
        for &j in pending.iter().skip(keep_one) {
            let reason = if seen_content {
                "more than one blank line in a row"
            } else {
                "blank line before the first kept line"
            };
            run.remove_segment(j, rule, reason);
        }
        pending.clear();
        seen_content = true;
    }
    for j in pending {
        run.remove_segment(j, rule, "blank line after the last kept line");
    }
}
