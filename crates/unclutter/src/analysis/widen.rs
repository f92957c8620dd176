//! The region widened line by line over what belongs to the article beside it: its title above,
//! and below it sentences, subheadings, and the lists and rows its sentences introduce.

use std::ops::Range;

use unclutter_text::words::word_count;
use unclutter_text::Document;

use super::{ends_cut_off, starts_with_bullet, LineClass, LineEvidence};

/// Most lines above the region taken in as its title (a title and its byline or dek).
const TITLE_LINES: usize = 2;
/// Most words of a title line.
const TITLE_WORDS: usize = 30;
/// Most words of a subheading.
const SUBHEADING_WORDS: usize = 8;
/// Fewest words of an item of a list the article introduces with a colon.
const LIST_ITEM_WORDS: usize = 5;
/// Words of a row of figures or dates.
const ROW_WORDS: std::ops::RangeInclusive<usize> = 3..=25;

/// True when line `i` reads as a sentence or more.
fn is_sentence_like(lines: &LineEvidence, i: usize) -> bool {
    matches!(lines.class[i], LineClass::Sentence | LineClass::Prose)
}

/// The new start of a region that starts at `start`: it takes in the sentences just above it,
/// and up to `TITLE_LINES` title lines.
pub(super) fn widen_up(
    doc: &Document<'_>,
    removed: &impl Fn(usize) -> bool,
    lines: &LineEvidence,
    region_start: usize,
) -> usize {
    let mut start = region_start;
    let mut titles = 0;
    for i in (0..region_start).rev() {
        if lines.class[i] == LineClass::Empty {
            continue;
        }
        if is_sentence_like(lines, i) {
            start = i;
        } else if titles < TITLE_LINES && is_title(doc, removed, lines, i, titles == 0) {
            titles += 1;
            start = i;
        } else {
            break;
        }
    }
    start
}

/// True when fragment `i`, above the region, reads as a title: a short line that stands apart
/// and is no repeated caption nor bulleted item. `first` is true for the first title line
/// (counting up from the region).
fn is_title(doc: &Document<'_>, removed: &impl Fn(usize) -> bool, lines: &LineEvidence, i: usize, first: bool) -> bool {
    let text = doc.text(doc.segments[i].trim());
    if lines.repeated[i] || text.starts_with("* ") || word_count(text) > TITLE_WORDS {
        return false;
    }
    // A title stands apart: the kept line right above it is blank or no fragment (the last
    // item of a menu sits right under the one before). Lines that other rules removed are
    // looked through: they are gone from the output.
    let kept_above = |line: usize| (0..line).rev().find(|&j| !removed(j));
    let fragment = |j: usize| !doc.segments[j].is_blank() && lines.class[j] == LineClass::Fragment;
    let above = kept_above(i);
    // ... or the two lines together stand apart: a title and its byline or dek.
    let pair_apart = first && above.is_some_and(|j| kept_above(j).is_none_or(|k| !fragment(k)));
    let in_run = above.is_some_and(fragment) && !pair_apart;
    !in_run
}

/// The new end of `region`: it takes in, as long as any follows, the sentences just below it;
/// a subheading when a sentence follows it; a list or rows of figures that a line ending with
/// a colon introduces ("The game includes:"). Blank and removed lines at its end stay out.
pub(super) fn widen_down(doc: &Document<'_>, lines: &LineEvidence, region: Range<usize>) -> usize {
    let line_count = lines.class.len();
    let text = |i: usize| doc.text(doc.segments[i].trim());
    // A short heading, not a bulleted item nor a cut-off teaser.
    let subheading = |i: usize| {
        let text = text(i);
        lines.class[i] == LineClass::Fragment
            && lines.word_counts[i].length() <= SUBHEADING_WORDS
            && !text.starts_with(['*', '•', '·'])
            && !ends_cut_off(text)
    };
    // An item of a list the article introduces: marked, with words of its own (not a menu
    // entry); or a row of figures or dates ("June 9 -- Coral Sky Amphitheatre, West Palm Beach").
    let list_item = |i: usize| {
        let text = text(i);
        let numbered = || {
            text.split_once(". ")
                .is_some_and(|(n, _)| !n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit()))
        };
        let item = lines.class[i] == LineClass::Fragment
            && (starts_with_bullet(text) || numbered())
            && lines.word_counts[i].length() >= LIST_ITEM_WORDS
            && lines.word_counts[i].stop > 0
            && !ends_cut_off(text);
        let row = || {
            lines.class[i] != LineClass::Empty
                && ROW_WORDS.contains(&lines.word_counts[i].length())
                && text.bytes().any(|b| b.is_ascii_digit())
                && !ends_cut_off(text)
        };
        item || row()
    };
    let introduces = |i: usize| text(i).ends_with(':');
    let past_list = |mut end: usize| {
        while end < line_count && (lines.class[end] == LineClass::Empty || list_item(end)) {
            end += 1;
        }
        end
    };
    let mut end = region.end;
    loop {
        while end < line_count && (lines.class[end] == LineClass::Empty || is_sentence_like(lines, end)) {
            end += 1;
        }
        if end == line_count {
            break;
        }
        let next = || (end + 1..line_count).find(|&i| lines.class[i] != LineClass::Empty);
        let last = || (region.start..end).rev().find(|&i| lines.class[i] != LineClass::Empty);
        if list_item(end) && last().is_some_and(introduces) {
            end = past_list(end);
        } else if subheading(end) && introduces(end) && next().is_some_and(list_item) {
            end = past_list(next().expect("checked"));
        } else if subheading(end) && next().is_some_and(|i| is_sentence_like(lines, i)) {
            end = next().expect("checked") + 1;
        } else {
            break;
        }
    }
    while end > region.start && lines.class[end - 1] == LineClass::Empty {
        end -= 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;
    use unclutter_text::language::Stats;
    use LineClass::*;

    /// Evidence of a document's lines, given their classes (word counts from the text).
    fn evidence(doc: &Document<'_>, class: &[LineClass]) -> LineEvidence {
        assert_eq!(doc.segments.len(), class.len());
        let word_counts = doc
            .segments
            .iter()
            .map(|s| {
                let text = doc.text(s.core());
                let stop = text.split_whitespace().filter(|w| ["the", "of", "a", "to"].contains(w)).count();
                Stats { words: word_count(text), stop, cjk: 0 }
            })
            .collect();
        LineEvidence {
            class: class.to_vec(),
            word_counts,
            repeated: vec![false; class.len()],
            menu_item: vec![false; class.len()],
        }
    }

    #[test]
    fn the_title_above_is_taken_in_but_not_a_menu() {
        let doc = Document::parse("Home\nNews\nSport\n\nCouncil approves the bridge\nBody.\n", None);
        let lines = evidence(&doc, &[Fragment, Fragment, Fragment, Empty, Fragment, Prose]);
        assert_eq!(widen_up(&doc, &|_| false, &lines, 5), 4);
        // Without the blank line the title is the menu's last item.
        let doc = Document::parse("Home\nNews\nSport\nCouncil approves the bridge\nBody.\n", None);
        let lines = evidence(&doc, &[Fragment, Fragment, Fragment, Fragment, Prose]);
        assert_eq!(widen_up(&doc, &|_| false, &lines, 4), 4);
    }

    #[test]
    fn a_title_and_its_byline_stand_apart_together() {
        let doc = Document::parse("Home\n\nCouncil approves the bridge\nBy Jane Doe\nBody.\n", None);
        let lines = evidence(&doc, &[Fragment, Empty, Fragment, Fragment, Prose]);
        assert_eq!(widen_up(&doc, &|_| false, &lines, 4), 2);
        // A removed line is looked through: here the line under a menu is no title.
        let doc = Document::parse("Home\nNews\nAdvertisement\nCouncil approves the bridge\nBody.\n", None);
        let lines = evidence(&doc, &[Fragment, Fragment, Empty, Fragment, Prose]);
        assert_eq!(widen_up(&doc, &|i| i == 2, &lines, 4), 4);
        assert_eq!(widen_up(&doc, &|_| false, &lines, 4), 3);
    }

    #[test]
    fn a_subheading_followed_by_a_sentence_is_taken_in() {
        let doc = Document::parse("Body.\nThe vote\n\nIt passed seven to two.\nShare\nAbout us\n", None);
        let lines = evidence(&doc, &[Prose, Fragment, Empty, Sentence, Fragment, Fragment]);
        assert_eq!(widen_down(&doc, &lines, 0..1), 4);
    }

    #[test]
    fn a_list_introduced_by_a_colon_is_taken_in() {
        let doc = Document::parse(
            "The game includes:\n* a board of the old kind\n* a set of the cards to play\nShare\n",
            None,
        );
        let lines = evidence(&doc, &[Prose, Fragment, Fragment, Fragment]);
        assert_eq!(widen_down(&doc, &lines, 0..1), 3);
        // Without the colon the list stays out.
        let doc = Document::parse("The game includes.\n* a board of the old kind\n", None);
        let lines = evidence(&doc, &[Prose, Fragment]);
        assert_eq!(widen_down(&doc, &lines, 0..1), 1);
    }

    #[test]
    fn trailing_empty_lines_stay_out() {
        let doc = Document::parse("Body.\n\n\n", None);
        let lines = evidence(&doc, &[Prose, Empty, Empty]);
        assert_eq!(widen_down(&doc, &lines, 0..1), 1);
    }
}
