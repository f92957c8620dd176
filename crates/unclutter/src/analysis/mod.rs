//! The structural analysis behind the boilerplate rules: each line classed by language-aware
//! evidence, and the article region found as the densest run of prose lines.
//!
//! [`analyse`] runs these steps, in order:
//!
//! 1. [`sample_language`]: the page's language, from its long lines.
//! 2. [`line_stats`]: words and stop words of each kept line.
//! 3. [`paragraphs`]: hard-wrapped lines joined, so that paragraphs are judged whole.
//! 4. [`repeated_lines`]: captions the page repeats, never prose.
//! 5. [`classify`](fn@classify): the [`LineClass`] of each paragraph, and which are menu items.
//! 6. [`walls`] of menu items, which the region never spans, and [`lone_blurbs`] (prose between
//!    fragments), which score half.
//! 7. [`densest_run`]: the run of lines with the largest score, prose scoring its length and
//!    fragments a penalty (the maximum-sum run of body text extraction).
//! 8. [`bridge`]: the region widened over further blocks of prose that a few fragments keep apart
//!    from it.
//! 9. [`widen_up`] and [`widen_down`]: the title above it; the sentences, subheadings and
//!    introduced lists below it.
//! 10. [`zones`]: whether what lies before and after the region is a page's header and footer.
//!
//! The thresholds these steps compare against depend on the bias ([`Thresholds`]).
//!
//! Lines that an earlier decision removed are looked through: they are gone from the output.

mod classify;
mod region;
mod thresholds;
mod widen;

use std::cell::Cell;
use std::ops::Range;
use std::sync::Arc;

use unclutter_text::language::{Language, Stats};
use unclutter_text::Document;

use crate::config::Bias;

use classify::{classify, line_stats, paragraphs, repeated_lines};
pub(crate) use classify::{sample_language, LineStats};
use region::{bridge, densest_run, lone_blurbs, walls, Direction, Scoring};
use thresholds::Thresholds;
use widen::{widen_down, widen_up};

/// How a line reads. Every line of a paragraph takes the paragraph's class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LineClass {
    /// Blank, or removed by an earlier decision: no evidence either way.
    Empty,
    /// Article prose: long enough, with enough stop words of the page's language, not a
    /// cut-off teaser nor a repeated caption.
    Prose,
    /// A shorter sentence: it ends like one (or, in a script without word spaces, is made of
    /// clauses), but is too short for prose.
    Sentence,
    /// Neither: a menu item, a link, a heading, a teaser.
    Fragment,
}

/// The result for one document.
#[derive(Debug)]
pub(crate) struct Analysis {
    /// How each line reads.
    pub class: Vec<LineClass>,
    /// Words of each line; the first line of a paragraph carries the whole paragraph's, its
    /// other lines none.
    pub word_counts: Vec<Stats>,
    /// Long lines the page repeats (a gallery's captions): never article prose.
    pub repeated: Vec<bool>,
    /// The article region, in segments; empty when no line reads as article prose.
    pub region: Range<usize>,
    /// Words of the prose lines in the region.
    pub prose_words: usize,
    /// The zones before and after the region hold enough menu items to be a page's header
    /// and footer (a few headings around an article are not).
    pub header_is_page: bool,
    pub footer_is_page: bool,
}

impl Analysis {
    /// True when some line reads as article prose, so there is a region.
    pub fn has_region(&self) -> bool {
        !self.region.is_empty()
    }

    /// The evidence against a zone of lines outside the region, as one shared reason: how many
    /// lines it holds, how many are fragments, and its share of stop words.
    pub fn zone_reason(&self, what: &str, zone: Range<usize>) -> Arc<str> {
        let lines = zone.clone().filter(|&i| self.class[i] != LineClass::Empty).count();
        let short = zone.clone().filter(|&i| self.class[i] == LineClass::Fragment).count();
        let (words, stop) = zone
            .map(|i| self.word_counts[i])
            .fold((0, 0), |(words, stop), counts| (words + counts.words, stop + counts.stop));
        let stop_share = if words == 0 { 0.0 } else { stop as f64 * 100.0 / words as f64 };
        format!(
            "{what} the article (lines {}-{}): {lines} lines, {short} of them short, {stop_share:.0}% stop words",
            self.region.start + 1,
            self.region.end
        )
        .into()
    }
}

/// What the analysis knows of each line once classed, indexed by segment.
struct LineEvidence {
    /// How each line reads.
    class: Vec<LineClass>,
    /// As [`Analysis::word_counts`].
    word_counts: Vec<Stats>,
    /// As [`Analysis::repeated`] (first lines of one-line paragraphs only).
    repeated: Vec<bool>,
    /// Menu items: a fragment of a few words only, with no stop word (first lines of
    /// paragraphs only).
    menu_item: Vec<bool>,
}

/// The bullets that open a list item.
const BULLETS: [&str; 5] = ["* ", "• ", "· ", "+ ", "- "];

/// True when the line opens with a list bullet.
fn starts_with_bullet(text: &str) -> bool {
    BULLETS.iter().any(|bullet| text.starts_with(bullet))
}

/// True when the line is cut off: "...", "…".
fn ends_cut_off(text: &str) -> bool {
    text.ends_with("..") || text.ends_with('…')
}

/// Analyses the lines of `doc` that are kept so far (`removed(i)` is true for a line an earlier
/// decision removed: it is looked through, as it is gone from the output). The language is
/// detected on the first call and kept in `language_cache`; `steps` counts the work done.
pub(crate) fn analyse(
    doc: &Document<'_>,
    removed: impl Fn(usize) -> bool,
    bias: Bias,
    steps: &Cell<u64>,
    language_cache: &mut Option<Language>,
    stats_cache: &mut LineStats,
) -> Analysis {
    let thresholds = Thresholds::for_bias(bias);
    // Each step below visits every line a bounded number of times; the bridges count their own.
    steps.set(steps.get() + 8 * doc.segments.len() as u64);

    // The language is detected once per document, in the first round that needs it.
    let language = *language_cache.get_or_insert_with(|| sample_language(doc, &removed));
    let word_counts = line_stats(doc, &removed, &language, stats_cache);
    let paragraphs = paragraphs(doc, &removed, &word_counts);
    let repeated = repeated_lines(doc, &paragraphs, &word_counts);
    let lines = classify(doc, &paragraphs, word_counts, repeated, &language, &thresholds);

    // The region: the densest run of prose, bridged to the blocks of prose near it.
    let wall = walls(&lines, thresholds.wall_menu_items);
    let lone_blurb = lone_blurbs(&lines.class);
    let scoring =
        Scoring { lines: &lines, wall: &wall, lone_blurb: &lone_blurb, penalty_weight: thresholds.penalty_weight };
    let mut region = densest_run(&scoring);
    if !region.is_empty() && thresholds.bridge_share > 0.0 {
        region.end = bridge(&scoring, region.end, Direction::Down, &thresholds, steps);
        region.start = bridge(&scoring, region.start, Direction::Up, &thresholds, steps);
    }
    // Then line by line: the title above, the sentences, subheadings and lists below.
    if !region.is_empty() {
        region.start = widen_up(doc, &removed, &lines, region.start);
        region.end = widen_down(doc, &lines, region.clone());
    }

    // What the boilerplate rules read of it.
    let prose_words =
        region.clone().filter(|&i| lines.class[i] == LineClass::Prose).map(|i| lines.word_counts[i].length()).sum();
    let (header_is_page, footer_is_page) = zones(&lines.menu_item, &region, thresholds.zone_menu_items);
    let LineEvidence { class, word_counts, repeated, .. } = lines;
    Analysis { class, word_counts, repeated, region, prose_words, header_is_page, footer_is_page }
}

/// Whether the zones before and after `region` are a page's header and footer: each holds
/// `zone_menu_items` menu items or more. A page's header and footer hold menu items; an
/// extracted article's first and last lines (a kicker, a list, a credit) do not, and stay.
fn zones(menu_item: &[bool], region: &Range<usize>, zone_menu_items: usize) -> (bool, bool) {
    let menu_items = |zone: &[bool]| zone.iter().filter(|&&item| item).count();
    let header = menu_items(&menu_item[..region.start]) >= zone_menu_items;
    let footer = menu_items(&menu_item[region.end..]) >= zone_menu_items;
    (header, footer)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analyse_text(text: &str, bias: Bias) -> Analysis {
        let doc = Document::parse(text, None);
        analyse(&doc, |_| false, bias, &Cell::new(0), &mut None, &mut LineStats::default())
    }

    const PAGE: &str = "Example Examiner\nHome\nNews\nSport\nWeather\n\n\
        Council approves the bridge\n\
        The council voted seven to two on Tuesday to fund the new bridge across the river, after years of delay.\n\
        The mayor said that the bridge would open in May and that the work would start in the spring.\n\
        Residents on both sides of the river have asked for a crossing for more than a decade.\n\n\
        About us\nContact\nPrivacy\nTerms\n";

    #[test]
    fn a_page_has_a_region_a_header_and_a_footer() {
        let analysis = analyse_text(PAGE, Bias::Balanced);
        assert_eq!(analysis.region, 6..10);
        assert!(analysis.header_is_page && analysis.footer_is_page);
        assert!(analysis.prose_words > 40);
        assert_eq!(analysis.class[1], LineClass::Fragment);
        assert_eq!(analysis.class[7], LineClass::Prose);
        assert_eq!(analysis.class[5], LineClass::Empty);
    }

    #[test]
    fn the_steps_are_counted() {
        let doc = Document::parse(PAGE, None);
        let steps = Cell::new(0);
        analyse(&doc, |_| false, Bias::Balanced, &steps, &mut None, &mut LineStats::default());
        assert!(steps.get() >= 8 * doc.segments.len() as u64);
    }

    #[test]
    fn a_removed_menu_leaves_no_header() {
        let doc = Document::parse(PAGE, None);
        let analysis =
            analyse(&doc, |i| (1..5).contains(&i), Bias::Balanced, &Cell::new(0), &mut None, &mut LineStats::default());
        // With the menu gone, the site's name stands apart above the title: a second title line.
        assert_eq!(analysis.region, 0..10);
        assert!(!analysis.header_is_page);
        assert_eq!(analysis.class[2], LineClass::Empty);
    }

    #[test]
    fn no_prose_no_region() {
        let analysis = analyse_text("Home\nNews\nSport\n", Bias::Balanced);
        assert!(!analysis.has_region());
        assert_eq!(analysis.prose_words, 0);
        assert!(!analysis.header_is_page);
    }

    #[test]
    fn zones_count_menu_items_outside_the_region() {
        let menu_item = [true, true, false, false, true];
        assert_eq!(zones(&menu_item, &(2..4), 2), (true, false));
        assert_eq!(zones(&menu_item, &(2..4), 1), (true, true));
    }

    #[test]
    fn a_cut_off_line_and_a_bullet() {
        assert!(ends_cut_off("Read the rest.."));
        assert!(ends_cut_off("Read the rest…"));
        assert!(!ends_cut_off("The end."));
        assert!(starts_with_bullet("• an item"));
        assert!(!starts_with_bullet("*emphasis*"));
    }
}
