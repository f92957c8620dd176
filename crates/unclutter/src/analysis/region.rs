//! The article region: the densest run of prose (the maximum-sum run of body text extraction),
//! then bridged over further blocks of prose that only a few fragments keep apart.

use std::cell::Cell;
use std::ops::Range;

use super::{LineClass, LineEvidence, Thresholds};

/// The score of a wall line: no run of prose outweighs it.
const WALL_SCORE: f64 = -1e9;

/// For each line, true when it is one of a run of `wall_menu_items` or more menu items (blank
/// and removed lines aside): a menu, a tag list, a footer of links, which no region spans.
pub(super) fn walls(lines: &LineEvidence, wall_menu_items: usize) -> Vec<bool> {
    let line_count = lines.class.len();
    let mut wall = vec![false; line_count];
    // The run of menu items so far: where it starts, and how many it holds.
    let mut run_start = 0;
    let mut run_items = 0;
    for i in 0..=line_count {
        if i < line_count && lines.class[i] == LineClass::Empty {
            continue;
        }
        if i < line_count && lines.menu_item[i] {
            if run_items == 0 {
                run_start = i;
            }
            run_items += 1;
            continue;
        }
        if run_items >= wall_menu_items {
            // Only empty lines lie between the items of the run, and they are no menu items.
            wall[run_start..i].copy_from_slice(&lines.menu_item[run_start..i]);
        }
        run_items = 0;
    }
    wall
}

/// For each line, true when it is a prose line between two fragments (blank and removed lines
/// aside): a teaser's blurb more often than a paragraph, since articles come in runs of
/// paragraphs. Such lines score half.
pub(super) fn lone_blurbs(class: &[LineClass]) -> Vec<bool> {
    let mut lone_blurb = vec![false; class.len()];
    let mut two_above: Option<usize> = None;
    let mut above: Option<usize> = None;
    for (i, _) in class.iter().enumerate().filter(|&(_, &c)| c != LineClass::Empty) {
        if let (Some(before), Some(middle)) = (two_above, above) {
            lone_blurb[middle] = class[middle] == LineClass::Prose
                && class[before] == LineClass::Fragment
                && class[i] == LineClass::Fragment;
        }
        two_above = above;
        above = Some(i);
    }
    lone_blurb
}

/// What the region's score reads of each line: its evidence, the walls and the lone blurbs.
pub(super) struct Scoring<'a> {
    pub lines: &'a LineEvidence,
    /// Lines of a wall of menu items (see [`walls`]).
    pub wall: &'a [bool],
    /// Lone blurbs (see [`lone_blurbs`]).
    pub lone_blurb: &'a [bool],
    /// See [`Thresholds::penalty_weight`].
    pub penalty_weight: f64,
}

impl Scoring<'_> {
    /// The score of line `i`: prose adds its length (a lone blurb half of it), a fragment
    /// subtracts a penalty (a menu item's is heavier), sentences and empty lines count nothing,
    /// and a wall cannot be crossed.
    pub fn score(&self, i: usize) -> f64 {
        if self.wall[i] {
            return WALL_SCORE;
        }
        let length = self.lines.word_counts[i].length() as f64;
        match self.lines.class[i] {
            LineClass::Prose if self.lone_blurb[i] => length / 2.0,
            LineClass::Prose => length,
            LineClass::Sentence | LineClass::Empty => 0.0,
            LineClass::Fragment if self.lines.menu_item[i] => -(2.0 + length / 2.0) * self.penalty_weight,
            LineClass::Fragment => -(1.0 + length / 4.0) * self.penalty_weight,
        }
    }
}

/// The run of lines with the largest score (empty lines are looked through); `0..0` when no
/// run scores above zero.
pub(super) fn densest_run(scoring: &Scoring<'_>) -> Range<usize> {
    let (mut best, mut best_run) = (0.0, 0..0);
    let (mut sum, mut from) = (0.0, 0);
    for (i, &class) in scoring.lines.class.iter().enumerate() {
        if class == LineClass::Empty {
            continue;
        }
        if sum <= 0.0 {
            sum = 0.0;
            from = i;
        }
        sum += scoring.score(i);
        if sum > best {
            best = sum;
            best_run = from..i + 1;
        }
    }
    best_run
}

/// Which way a bridge goes from the region.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Direction {
    /// Toward the title and the page's header.
    Up,
    /// Toward the comments, the teasers and the page's footer.
    Down,
}

/// Widens the region from its `edge` over further blocks of prose, in `direction`: a block joins
/// when its score reaches [`Thresholds::bridge_share`] of the penalty of the few fragments
/// between it and the region, and [`Thresholds::bridge_block_words`]. `edge` is the region's
/// end going down, its start going up; returns the new edge. `steps` counts each line looked at.
pub(super) fn bridge(
    scoring: &Scoring<'_>,
    mut edge: usize,
    direction: Direction,
    thresholds: &Thresholds,
    steps: &Cell<u64>,
) -> usize {
    let lines = scoring.lines;
    let line_count = lines.class.len();
    // Going up, toward the title, an article's own lists (ingredients, figures) are crossed and
    // only menu items count; going down, toward comment sections and teaser blocks, every
    // fragment counts.
    let most_gap_lines = match direction {
        Direction::Up => thresholds.bridge_gap_lines,
        Direction::Down => 2 * thresholds.bridge_gap_lines + 2,
    };
    loop {
        // The penalty of the fragments crossed, and how many of them count.
        let mut gap = 0.0;
        let mut gap_lines = 0;
        // The score of the block of prose beyond them, and where it ends.
        let mut gain = 0.0;
        let mut reach = edge;
        let mut in_block = false;
        let beyond = match direction {
            Direction::Up => edge,
            Direction::Down => line_count - edge,
        };
        for distance in 0..beyond {
            let at = match direction {
                Direction::Up => edge - 1 - distance,
                Direction::Down => edge + distance,
            };
            steps.set(steps.get() + 1);
            if scoring.wall[at] {
                break;
            }
            match lines.class[at] {
                LineClass::Empty | LineClass::Sentence => {}
                LineClass::Prose => {
                    in_block = true;
                    gain += scoring.score(at);
                    reach = match direction {
                        Direction::Up => at,
                        Direction::Down => at + 1,
                    };
                }
                LineClass::Fragment if in_block => break,
                LineClass::Fragment => {
                    gap -= scoring.score(at);
                    gap_lines += usize::from(direction == Direction::Down || lines.menu_item[at]);
                    if gap_lines > most_gap_lines {
                        break;
                    }
                }
            }
        }
        if !in_block || gain < thresholds.bridge_share * gap || gain < thresholds.bridge_block_words {
            return edge;
        }
        edge = reach;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Bias;
    use unclutter_text::language::Stats;
    use LineClass::*;

    /// Evidence of lines given as (class, words, menu item).
    fn evidence(lines: &[(LineClass, usize, bool)]) -> LineEvidence {
        LineEvidence {
            class: lines.iter().map(|l| l.0).collect(),
            word_counts: lines.iter().map(|l| Stats { words: l.1, stop: 0, cjk: 0 }).collect(),
            repeated: vec![false; lines.len()],
            menu_item: lines.iter().map(|l| l.2).collect(),
        }
    }

    const MENU: (LineClass, usize, bool) = (Fragment, 1, true);
    const PROSE: (LineClass, usize, bool) = (Prose, 30, false);
    const EMPTY: (LineClass, usize, bool) = (Empty, 0, false);

    #[test]
    fn three_menu_items_make_a_wall_across_blank_lines() {
        let lines = evidence(&[PROSE, MENU, EMPTY, MENU, MENU, PROSE, MENU, MENU]);
        let wall = walls(&lines, 3);
        assert_eq!(wall, [false, true, false, true, true, false, false, false]);
    }

    #[test]
    fn prose_between_fragments_is_a_lone_blurb() {
        let class = [Fragment, Prose, Empty, Fragment, Prose, Prose, Fragment];
        assert_eq!(lone_blurbs(&class), [false, true, false, false, false, false, false]);
    }

    #[test]
    fn the_densest_run_skips_a_menu() {
        let lines = evidence(&[MENU, MENU, MENU, EMPTY, PROSE, (Sentence, 5, false), PROSE, MENU, MENU]);
        let no_wall = vec![false; lines.class.len()];
        let scoring = Scoring { lines: &lines, wall: &no_wall, lone_blurb: &no_wall, penalty_weight: 1.0 };
        assert_eq!(densest_run(&scoring), 4..7);
    }

    #[test]
    fn no_prose_no_run() {
        let lines = evidence(&[MENU, (Sentence, 5, false), MENU]);
        let no_wall = vec![false; lines.class.len()];
        let scoring = Scoring { lines: &lines, wall: &no_wall, lone_blurb: &no_wall, penalty_weight: 1.0 };
        assert_eq!(densest_run(&scoring), 0..0);
    }

    #[test]
    fn a_bridge_crosses_a_few_fragments_to_more_prose_but_no_wall() {
        let thresholds = Thresholds::for_bias(Bias::Balanced);
        let lines = evidence(&[PROSE, MENU, PROSE, PROSE, MENU, MENU, MENU, PROSE]);
        let steps = Cell::new(0);
        let no_wall = vec![false; lines.class.len()];
        let scoring = Scoring { lines: &lines, wall: &no_wall, lone_blurb: &no_wall, penalty_weight: 1.0 };
        assert_eq!(bridge(&scoring, 2, Direction::Up, &thresholds, &steps), 0);
        assert_eq!(bridge(&scoring, 4, Direction::Down, &thresholds, &steps), 8);
        // Each line looked at is a step: two going up, four going down.
        assert_eq!(steps.get(), 2 + 4);

        let wall = [false, false, false, false, true, true, true, false];
        let scoring = Scoring { lines: &lines, wall: &wall, lone_blurb: &no_wall, penalty_weight: 1.0 };
        assert_eq!(bridge(&scoring, 4, Direction::Down, &thresholds, &steps), 4);
    }
}
