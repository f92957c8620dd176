//! Whether the input is a whole-page dump or an already-extracted article, told by evidence.
//!
//! A page's text carries its navigation: runs of menu items (a few words, no stop word, no
//! digit: "News", "Sport", "About us"), and lines the phrase and line rules know as page
//! furniture ("Skip to main content", "Sign in", share bars, cookie and copyright lines). An
//! extractor's output has the article's title, maybe a byline, and its paragraphs and lists: a
//! list item of an article carries stop words or figures, and a leaked widget label stands alone.

use unclutter_text::language::Stats;
use unclutter_text::words::ends_like_sentence;
use unclutter_text::Document;

use crate::analysis::{sample_language, LineStats};
use crate::config::InputKind;

/// Bytes of long lines handed to language detection.
/// Shortest prose line, in words.
const PROSE_WORDS: usize = 10;
/// Longest menu item, in words.
const MENU_WORDS: usize = 4;

/// What the text shows of its kind: counts of its non-blank lines. The counts, not a score, so
/// that a reason can name them.
///
/// ```
/// let cleaner = unclutter::Cleaner::new();
/// let page = "Home\nNews\nSport\nWeather\nTravel\nStyle\nScience\nSign in\n\
///             The council voted on Tuesday to fund the bridge over the river.\n\
///             About us\nContact\nPrivacy policy\nTerms of use\n";
/// let cleaned = cleaner.clean(page);
/// assert_eq!(cleaned.input_kind(), unclutter::InputKind::Page);
/// assert!(cleaned.input_evidence().longest_menu_run >= 4);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct InputEvidence {
    /// Non-blank lines.
    pub lines: usize,
    /// Lines of prose: ten words or more, ending like a sentence.
    pub prose_lines: usize,
    /// Menu items: at most four words, letters only, none of them a stop word.
    pub menu_lines: usize,
    /// The longest run of menu items one after the other (blank lines aside; a furniture line
    /// continues a run that a menu item opened).
    pub longest_menu_run: usize,
    /// Lines the phrase and line rules removed as page furniture: navigation, share and follow
    /// widgets, promotions, legal lines, advertisement labels.
    pub furniture_lines: usize,
    /// Lines before the first prose line (all of them when there is none).
    pub lines_before_prose: usize,
    /// Lines after the last prose line.
    pub lines_after_prose: usize,
    /// The longest run of menu items before the first prose line or after the last one: where
    /// a page has its navigation, and an article's lists (of products, of steps, of names) are
    /// not.
    pub longest_edge_run: usize,
}

/// Runs of this many menu items one after the other are a page's navigation. Set by hand from
/// the evidence of the devset's dumps (pages) and of gold texts and extractors' outputs
/// (articles); DESIGN.md gives how each reads, and the learned scorer is to replace it.
const NAVIGATION_RUN: usize = 4;
/// This many lines of page furniture are a page's, not an article's leaks.
const FURNITURE_LINES: usize = 3;

/// What the phrase and line stages made of a line, for the evidence of the input's kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Removed {
    /// Still kept.
    No,
    /// Removed as page furniture (navigation, share, promo, legal, ads): evidence of a page.
    Furniture,
    /// Removed as something else.
    Other,
}

impl InputEvidence {
    /// Reads the evidence of `doc`; `removed(i)` says whether and how a phrase or line rule
    /// removed line `i` (as page furniture or otherwise). The lines' word counts are kept in
    /// `stats` for the structural analysis to read again.
    pub(crate) fn read(doc: &Document<'_>, removed: impl Fn(usize) -> Removed, stats: &mut LineStats) -> InputEvidence {
        // The language of the page's first long lines, as the structural analysis reads it.
        let language = sample_language(doc, &|_| false);
        let mut evidence = InputEvidence::default();
        let mut run = 0;
        // The longest run ending after the last prose line so far.
        let mut tail_run = 0;
        for (i, seg) in doc.segments.iter().enumerate() {
            if seg.is_blank() {
                continue;
            }
            let removed = removed(i);
            if removed == Removed::Other {
                // Gone before any judgement of the page (a lone symbol, a related heading): the
                // output will not hold it, so it neither breaks nor makes a run.
                continue;
            }
            evidence.lines += 1;
            if removed == Removed::Furniture {
                // A widget label ("Sign in", "Share") in a run of menu items is navigation too.
                evidence.furniture_lines += 1;
                if run > 0 {
                    run += 1;
                    evidence.longest_menu_run = evidence.longest_menu_run.max(run);
                    evidence.note_edge_run(run, &mut tail_run);
                }
                continue;
            }
            let core = doc.text(seg.core());
            let stats = stats.get(doc, i, &language);
            if stats.length() >= PROSE_WORDS && ends_like_sentence(doc.text(seg.trim())) {
                evidence.prose_lines += 1;
                evidence.lines_after_prose = 0;
                tail_run = 0;
            } else if evidence.prose_lines == 0 {
                evidence.lines_before_prose += 1;
            } else {
                evidence.lines_after_prose += 1;
            }
            if is_menu_item(core, &stats) {
                evidence.menu_lines += 1;
                run += 1;
                evidence.longest_menu_run = evidence.longest_menu_run.max(run);
                evidence.note_edge_run(run, &mut tail_run);
            } else {
                run = 0;
            }
        }
        evidence.longest_edge_run = evidence.longest_edge_run.max(tail_run);
        evidence
    }

    /// Counts a run of menu items that has reached `run` lines: at once when no prose line came
    /// before it; otherwise as the tail's run, which a later prose line clears.
    fn note_edge_run(&mut self, run: usize, tail_run: &mut usize) {
        if self.prose_lines == 0 {
            self.longest_edge_run = self.longest_edge_run.max(run);
        } else {
            *tail_run = (*tail_run).max(run);
        }
    }

    /// The kind the evidence says: a page when it shows a run of navigation or several lines of
    /// page furniture, an article otherwise.
    pub fn kind(&self) -> InputKind {
        if self.longest_edge_run >= NAVIGATION_RUN || self.furniture_lines >= FURNITURE_LINES {
            InputKind::Page
        } else {
            InputKind::Article
        }
    }

    /// The evidence in words, for reasons: "3 menu items (longest run 1), 0 lines of page
    /// furniture, 12 prose lines in 20".
    pub fn describe(&self) -> String {
        format!(
            "{} menu items (longest run {}), {} lines of page furniture, {} prose lines in {}",
            self.menu_lines, self.longest_menu_run, self.furniture_lines, self.prose_lines, self.lines
        )
    }
}

/// A menu item: at most four words, letters only, none of them a stop word ("News", "About us"
/// is not one: "us" is a stop word). `stats` are the stop-word counts of `core`.
pub(crate) fn is_menu_item(core: &str, stats: &Stats) -> bool {
    let words_only = core.chars().all(|c| c.is_alphabetic() || c.is_whitespace() || "&'’-–|/·•*+".contains(c));
    words_only && (1..=MENU_WORDS).contains(&stats.length()) && stats.stop == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The evidence of `doc`, its word counts from a fresh cache.
    fn read(doc: &Document<'_>, removed: impl Fn(usize) -> Removed) -> InputEvidence {
        InputEvidence::read(doc, removed, &mut LineStats::default())
    }

    fn evidence(text: &str) -> InputEvidence {
        read(&Document::parse(text, None), |_| Removed::No)
    }

    #[test]
    fn a_navigation_run_makes_a_page() {
        let page = evidence("News\nSport\nBusiness\nCulture\nThe council voted on Tuesday to fund the new bridge.\n");
        assert_eq!(page.longest_menu_run, 4);
        assert_eq!(page.kind(), InputKind::Page);
    }

    #[test]
    fn an_articles_title_list_and_prose_make_an_article() {
        let article = evidence(
            "Council approves the bridge\n\nThe council voted on Tuesday to fund the new bridge over the river.\n\
             The plan includes:\n- two lanes for buses\n- a path for bikes and walkers\n\
             Work starts in May, the mayor said after the vote.\n",
        );
        assert_eq!(article.prose_lines, 2);
        assert_eq!(article.longest_menu_run, 0, "list items carry stop words: {article:?}");
        assert_eq!(article.kind(), InputKind::Article);
    }

    #[test]
    fn a_list_between_prose_lines_is_the_article_s_and_at_an_edge_a_page_s_navigation() {
        let list = "Atom\nKate\nGedit\nGeany\nEmacs\n";
        let prose = "The editors below are free, and each of them runs on the three main systems.\n";
        let closing = "Most of them also take plugins, so that the editor can grow with the project.\n";
        let inside = evidence(&format!("{prose}{list}{closing}"));
        assert_eq!(inside.longest_menu_run, 5);
        assert_eq!(inside.longest_edge_run, 0);
        assert_eq!(inside.kind(), InputKind::Article);
        let top = evidence(&format!("{list}{prose}{closing}"));
        assert_eq!(top.longest_edge_run, 5);
        assert_eq!(top.kind(), InputKind::Page);
        let bottom = evidence(&format!("{prose}{closing}{list}"));
        assert_eq!(bottom.longest_edge_run, 5, "after the last prose line");
        assert_eq!(bottom.kind(), InputKind::Page);
    }

    #[test]
    fn furniture_lines_make_a_page_and_continue_menu_runs() {
        let text = "Politics\nBusiness\nSkip to content\nSport\nCulture\n";
        let doc = Document::parse(text, None);
        let furniture =
            |set: &'static [usize]| move |i| if set.contains(&i) { Removed::Furniture } else { Removed::No };
        let with_furniture = read(&doc, furniture(&[2]));
        assert_eq!(with_furniture.longest_menu_run, 5);
        let opening = read(&doc, furniture(&[0, 2]));
        assert_eq!(opening.longest_menu_run, 4, "a furniture line does not open a run");
        assert_eq!(with_furniture.furniture_lines, 1);
        let three = read(&doc, |i| if i >= 2 { Removed::Furniture } else { Removed::No });
        assert_eq!(three.kind(), InputKind::Page);
    }

    #[test]
    fn lines_removed_as_other_clutter_are_absent() {
        // "|" (a lone symbol) would break the run; its removal leaves four menu items in a row,
        // as cleaning the output again reads them.
        let doc = Document::parse(
            "Politics
Business
|
Sport
Culture
",
            None,
        );
        assert_eq!(read(&doc, |_| Removed::No).longest_menu_run, 2);
        let gone = read(&doc, |i| if i == 2 { Removed::Other } else { Removed::No });
        assert_eq!(gone.longest_menu_run, 4);
        assert_eq!(gone.lines, 4);
        assert_eq!(gone.kind(), InputKind::Page);
    }
}
