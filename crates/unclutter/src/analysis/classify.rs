//! The evidence of each line: the page's language, word counts, paragraphs, repeated captions,
//! and the class each paragraph reads as.
//!
//! Lines that an earlier decision removed are looked through: they are gone from the output.

use std::collections::HashMap;
use std::ops::Range;

use unclutter_text::language::{push_sample, Language, Stats};
use unclutter_text::words::ends_like_sentence;
use unclutter_text::Document;

use super::{ends_cut_off, starts_with_bullet, LineClass, LineEvidence, Thresholds};

/// Bytes of long lines handed to language detection.
const SAMPLE_BYTES: usize = 512;
/// Shortest line, in bytes, that goes into the language sample.
const SAMPLE_LINE_BYTES: usize = 60;

/// Fewest words of each of two lines that one hard-wrapped paragraph joins.
const WRAPPED_LINE_WORDS: usize = 5;

/// A line of this many words or more that occurs `REPEATS` times reads as a caption, not prose.
const REPEAT_WORDS: usize = 6;
const REPEATS: u32 = 3;
/// Characters of a line that say it repeats another.
const REPEAT_KEY_CHARS: usize = 60;

/// Most words of a menu item.
const MENU_ITEM_WORDS: usize = 4;

/// Links that close a teaser's blurb: "... flu virus destroys tumors. Read now".
const TEASER_LINKS: &[&str] = &[
    "read now",
    "read more",
    "continue reading",
    "weiterlesen",
    "mehr lesen",
    "lire la suite",
    "leer más",
    "seguir leyendo",
    "leggi tutto",
    "lees meer",
    "czytaj więcej",
    "читать далее",
];

/// True when line `i` holds text that no earlier decision removed.
fn is_kept_text(doc: &Document<'_>, removed: &impl Fn(usize) -> bool, i: usize) -> bool {
    !doc.segments[i].is_blank() && !removed(i)
}

/// The page's language, detected on its first long kept lines (up to `SAMPLE_BYTES` of them).
pub(crate) fn sample_language(doc: &Document<'_>, removed: &impl Fn(usize) -> bool) -> Language {
    let mut sample = String::new();
    for i in (0..doc.segments.len()).filter(|&i| is_kept_text(doc, removed, i)) {
        let text = doc.text(doc.segments[i].trim());
        if text.len() >= SAMPLE_LINE_BYTES {
            push_sample(&mut sample, text);
            if sample.len() >= SAMPLE_BYTES {
                break;
            }
        }
    }
    detect_memoized(sample)
}

/// Detections a thread made last, by their sample. One cleaning call detects the language of
/// the same sample up to four times (the input's evidence and its structural analysis, then
/// again when the kept text is cleaned to settle), and detection is the dearest step there is per
/// document: a detection is a function of its sample alone, so a sample seen just before
/// gives the language found then.
const MEMO_ENTRIES: usize = 2;

thread_local! {
    static DETECTED: std::cell::RefCell<Vec<(String, Language)>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn detect_memoized(sample: String) -> Language {
    DETECTED.with(|memo| {
        let mut memo = memo.borrow_mut();
        if let Some(&(_, language)) = memo.iter().find(|(seen, _)| *seen == sample) {
            return language;
        }
        let language = Language::detect(&sample);
        if memo.len() == MEMO_ENTRIES {
            memo.remove(0);
        }
        memo.push((sample, language));
        language
    })
}

/// True when a line's share of stop words says something of it: the language is known and is
/// written with spaces between words (not Chinese or Japanese).
pub(super) fn stop_words_count(language: &Language) -> bool {
    language.code.is_some_and(|code| !matches!(code, "zh" | "ja"))
}

/// The words and stop words of each kept line (of its core, without decoration); none for
/// blank and removed lines. Each line is counted at most once per `cache`.
pub(super) fn line_stats(
    doc: &Document<'_>,
    removed: &impl Fn(usize) -> bool,
    language: &Language,
    cache: &mut LineStats,
) -> Vec<Stats> {
    let mut word_counts = vec![Stats::default(); doc.segments.len()];
    for (i, counts) in word_counts.iter_mut().enumerate() {
        if is_kept_text(doc, removed, i) {
            *counts = cache.get(doc, i, language);
        }
    }
    word_counts
}

/// The words and stop words of a document's lines in one language, each line counted once: the
/// input's evidence and every context round's analysis read the same counts (the language is
/// that of a sample, and a sample's language is a function of its code, so counts in another
/// language start the cache afresh).
///
/// ```text
/// cache.get(doc, 3, &en)  // counts line 3
/// cache.get(doc, 3, &en)  // the same counts, not counted again
/// cache.get(doc, 3, &de)  // counts it in German; the English counts are gone
/// ```
#[derive(Debug, Default)]
pub(crate) struct LineStats {
    language: Option<Option<&'static str>>,
    stats: Vec<Option<Stats>>,
    scratch: String,
}

impl LineStats {
    /// The counts of line `i` of `doc` (of its core) in `language`.
    pub fn get(&mut self, doc: &Document<'_>, i: usize, language: &Language) -> Stats {
        if self.language != Some(language.code) {
            self.language = Some(language.code);
            self.stats.clear();
        }
        if self.stats.len() < doc.segments.len() {
            self.stats.resize(doc.segments.len(), None);
        }
        let scratch = &mut self.scratch;
        *self.stats[i].get_or_insert_with(|| language.stop_stats(doc.text(doc.segments[i].core()), scratch))
    }
}

/// The paragraphs of the kept lines, in order, each as the range of segments from its first
/// line to its last. A paragraph is one line, or hard-wrapped prose: a line that opens in lower
/// case right after a line of `WRAPPED_LINE_WORDS` or more words that ends mid-sentence
/// continues that line's paragraph. Removed lines between two lines of a paragraph fall inside
/// its range.
pub(super) fn paragraphs(
    doc: &Document<'_>,
    removed: &impl Fn(usize) -> bool,
    word_counts: &[Stats],
) -> Vec<Range<usize>> {
    let mut paragraphs: Vec<Range<usize>> = Vec::new();
    // The nearest line above that no earlier decision removed, blank or not.
    let mut kept_above: Option<usize> = None;
    for i in 0..doc.segments.len() {
        if removed(i) {
            continue;
        }
        let above = kept_above.replace(i);
        if doc.segments[i].is_blank() {
            continue;
        }
        let continues = paragraphs.last().is_some_and(|paragraph| {
            let last = paragraph.end - 1;
            above == Some(last)
                && word_counts[last].length() >= WRAPPED_LINE_WORDS
                && word_counts[i].length() >= WRAPPED_LINE_WORDS
                && !ends_like_sentence(doc.text(doc.segments[last].trim()))
                && doc.text(doc.segments[i].trim()).starts_with(char::is_lowercase)
        });
        match paragraphs.last_mut() {
            Some(paragraph) if continues => paragraph.end = i + 1,
            _ => paragraphs.push(i..i + 1),
        }
    }
    paragraphs
}

/// The key that says a line repeats another: its first `REPEAT_KEY_CHARS` characters, bullets
/// aside (a caption comes whole and cut off: "...").
fn repeat_key<'a>(doc: &Document<'a>, i: usize) -> &'a str {
    let text = doc.text(doc.segments[i].trim()).trim_start_matches(['*', '•', '·', '+', '-', ' ']);
    let cut = text.char_indices().nth(REPEAT_KEY_CHARS).map_or(text.len(), |(at, _)| at);
    &text[..cut]
}

/// For each line, true when it is a long one-line paragraph that the page repeats `REPEATS`
/// times or more: a gallery's caption or a teaser's headline, shown again and again, where an
/// article says a thing once (a lede may come twice, with the page's description).
///
/// When most long lines repeat, the page shows its article more than once (an extractor that
/// took it three times): that is no gallery, and nothing counts as repeated.
pub(super) fn repeated_lines(doc: &Document<'_>, paragraphs: &[Range<usize>], word_counts: &[Stats]) -> Vec<bool> {
    let mut seen: HashMap<&str, u32> = HashMap::new();
    let mut long_lines = 0;
    for paragraph in paragraphs {
        if paragraph.len() == 1 && word_counts[paragraph.start].length() >= REPEAT_WORDS {
            *seen.entry(repeat_key(doc, paragraph.start)).or_default() += 1;
            long_lines += 1;
        }
    }
    seen.retain(|_, &mut count| count >= REPEATS);
    let repeating: usize = seen.values().map(|&count| count as usize).sum();
    if repeating * 2 >= long_lines {
        seen.clear();
    }
    let mut repeated = vec![false; doc.segments.len()];
    if !seen.is_empty() {
        // Any one-line paragraph with a repeated key, long or not.
        for paragraph in paragraphs.iter().filter(|p| p.len() == 1) {
            repeated[paragraph.start] = seen.contains_key(repeat_key(doc, paragraph.start));
        }
    }
    repeated
}

/// What the class of a paragraph reads: its word counts, and its first and last lines.
struct Paragraph<'a> {
    word_counts: Stats,
    first_line: &'a str,
    last_line: &'a str,
}

/// The facts of a paragraph that its class is decided on.
struct Reading {
    /// Length in words (CJK characters count one word per two).
    length: usize,
    /// Cut off ("...") or closed by a teaser's "Read more".
    truncated: bool,
    /// Opens with a list bullet.
    bulleted: bool,
    /// Ends like a sentence.
    sentence: bool,
    /// Mostly CJK characters.
    cjk: bool,
}

impl Paragraph<'_> {
    fn reading(&self) -> Reading {
        let last = self.last_line;
        Reading {
            length: self.word_counts.length(),
            truncated: ends_cut_off(last) || ends_with_teaser_link(last),
            bulleted: starts_with_bullet(self.first_line),
            sentence: ends_like_sentence(last) || last.ends_with(['。', '！', '？', '」', '”']),
            cjk: self.word_counts.cjk > self.word_counts.words,
        }
    }

    /// True when the last line is made of clauses: apart by commas, or by spaces as many writers
    /// of Chinese set them (Korean puts spaces between words, so there a space says nothing).
    fn has_clauses(&self) -> bool {
        let last = self.last_line;
        let hangul = || last.chars().any(|c| ('\u{ac00}'..='\u{d7a3}').contains(&c));
        last.contains(['，', '、', '。']) || (last.contains([' ', '\u{3000}']) && !hangul())
    }

    /// True when the paragraph reads like article prose: long enough, with enough stop words
    /// (or, where they do not count, ending like a sentence or long), not cut off, not a
    /// bulleted item.
    fn reads_as_prose(&self, reading: &Reading, stop_words_count: bool, thresholds: &Thresholds) -> bool {
        let min = thresholds.prose_words;
        if reading.truncated {
            false
        } else if reading.cjk {
            self.word_counts.cjk >= 2 * min + 10 && (reading.sentence || self.has_clauses())
        } else if stop_words_count {
            reading.length >= min
                && self.word_counts.stop_ratio() >= thresholds.prose_stop_share
                && !(reading.bulleted && reading.length < 2 * min)
        } else {
            reading.length >= min && (reading.sentence || reading.length >= 2 * min) && !reading.bulleted
        }
    }

    /// The paragraph's class; a repeated line is never prose.
    fn class(&self, repeated: bool, stop_words_count: bool, thresholds: &Thresholds) -> LineClass {
        let reading = self.reading();
        let plain = !reading.truncated && !reading.bulleted;
        if !repeated && self.reads_as_prose(&reading, stop_words_count, thresholds) {
            LineClass::Prose
        } else if plain && reading.length >= 1 && reading.sentence {
            LineClass::Sentence
        } else if plain && reading.cjk && self.word_counts.cjk >= 2 * thresholds.prose_words && self.has_clauses() {
            // A shorter line of clauses in a script without word spaces.
            LineClass::Sentence
        } else {
            LineClass::Fragment
        }
    }

    /// True when the paragraph reads as a menu item: a fragment of a few words with no stop
    /// word, and words only (list items of an article, such as ingredients or figures, carry
    /// stop words or numbers; code such as "avg(n)" or "FROM t;" is no menu either).
    fn is_menu_item(&self, class: LineClass) -> bool {
        class == LineClass::Fragment
            && self.word_counts.length() <= MENU_ITEM_WORDS
            && self.word_counts.stop == 0
            && self.first_line.chars().all(|c| c.is_alphabetic() || c.is_whitespace() || "&'’-–|/·•*+".contains(c))
    }
}

/// True when the line ends with a teaser's "Read more" link.
fn ends_with_teaser_link(trim: &str) -> bool {
    let t = trim.trim_end_matches(['»', '›', '→', '>', ' ', '.', '…']);
    TEASER_LINKS.iter().any(|link| {
        t.len() > link.len()
            && t.is_char_boundary(t.len() - link.len())
            && t[t.len() - link.len()..].eq_ignore_ascii_case(link)
            && t[..t.len() - link.len()].ends_with([' ', '.', '…', '!', '?', '['])
    })
}

/// Classes each paragraph and gathers the evidence of every line. Every line of a paragraph
/// takes its class, and its first line carries its word counts (the others none).
pub(super) fn classify(
    doc: &Document<'_>,
    paragraphs: &[Range<usize>],
    mut word_counts: Vec<Stats>,
    repeated: Vec<bool>,
    language: &Language,
    thresholds: &Thresholds,
) -> LineEvidence {
    let stop_words_count = stop_words_count(language);
    let mut class = vec![LineClass::Empty; word_counts.len()];
    let mut menu_item = vec![false; word_counts.len()];
    for paragraph in paragraphs {
        let (first, rest) = word_counts[paragraph.clone()].split_first_mut().expect("a paragraph has a line");
        for line in rest {
            first.words += line.words;
            first.stop += line.stop;
            first.cjk += line.cjk;
            *line = Stats::default();
        }
        let reading = Paragraph {
            word_counts: *first,
            first_line: doc.text(doc.segments[paragraph.start].trim()),
            last_line: doc.text(doc.segments[paragraph.end - 1].trim()),
        };
        let paragraph_class = reading.class(repeated[paragraph.start], stop_words_count, thresholds);
        class[paragraph.clone()].fill(paragraph_class);
        menu_item[paragraph.start] = reading.is_menu_item(paragraph_class);
    }
    LineEvidence { class, word_counts, repeated, menu_item }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Bias;

    /// The lines' counts from a fresh cache.
    fn fresh_stats(doc: &Document<'_>, removed: &impl Fn(usize) -> bool, language: &Language) -> Vec<Stats> {
        line_stats(doc, removed, language, &mut LineStats::default())
    }

    fn english() -> Language {
        Language::detect("The council voted on Tuesday to fund the new bridge across the river, and the mayor said that it would open in May.")
    }

    #[test]
    fn line_stats_are_counted_once_per_language() {
        let doc = Document::parse("Home\nDie Stadt und der Fluss sind in der Nacht ruhig.\n", None);
        let german = Language::detect("Der Stadtrat hat am Dienstag beschlossen, die neue Brücke über den Fluss zu bauen, und sie soll im Mai öffnen.");
        let mut cache = LineStats::default();
        let english_counts = cache.get(&doc, 1, &english());
        assert_eq!((english_counts.words, english_counts.stop), (10, 1), "only 'in' is English");
        assert!(cache.stats[1].is_some() && cache.stats[0].is_none(), "counted when asked, once");
        // The same line in German: counted again, and the English counts are gone.
        let german_counts = cache.get(&doc, 1, &german);
        assert_eq!((german_counts.words, german_counts.stop), (10, 6), "die, und, der, sind, in, der");
        assert_eq!(cache.get(&doc, 1, &german).stop, 6);
        // What the cache gives is what counting gives.
        let fresh = fresh_stats(&doc, &|_| false, &german);
        let cached = line_stats(&doc, &|_| false, &german, &mut cache);
        assert_eq!(format!("{fresh:?}"), format!("{cached:?}"));
    }

    #[test]
    fn a_hard_wrapped_sentence_is_one_paragraph() {
        let doc = Document::parse(
            "The council voted on Tuesday to fund\nthe new bridge across the river in May.\n\nA new paragraph starts here, a sentence of its own.\nHome\n",
            None,
        );
        let nothing_removed = |_| false;
        let counts = fresh_stats(&doc, &nothing_removed, &english());
        assert_eq!(paragraphs(&doc, &nothing_removed, &counts), [0..2, 3..4, 4..5]);
    }

    #[test]
    fn a_paragraph_ends_at_a_sentence_or_a_capital() {
        let doc = Document::parse(
            "The council voted on Tuesday to fund it.\nthe new bridge across the river opens in May.\nThe council voted on Tuesday to fund\nThe new bridge across the river opens in May.\n",
            None,
        );
        let nothing_removed = |_| false;
        let counts = fresh_stats(&doc, &nothing_removed, &english());
        assert_eq!(paragraphs(&doc, &nothing_removed, &counts), [0..1, 1..2, 2..3, 3..4]);
    }

    #[test]
    fn a_removed_line_is_looked_through() {
        let doc = Document::parse(
            "The council voted on Tuesday to fund\nAdvertisement\nthe new bridge across the river in May.\n",
            None,
        );
        let removed = |i| i == 1;
        let counts = fresh_stats(&doc, &removed, &english());
        assert_eq!(counts[1].words, 0);
        assert_eq!(paragraphs(&doc, &removed, &counts), vec![0..3]);
    }

    #[test]
    fn a_line_repeated_three_times_is_marked_repeated() {
        let caption = "A view of the harbour at dawn, with the old lighthouse";
        let text = format!(
            "{caption}\nThe council voted on Tuesday to fund the new bridge.\n{caption}\nIt opens in May, six years late.\n{caption}\nThe mayor said the wait was worth it.\nThe work starts next week, the council said.\n"
        );
        let doc = Document::parse(&text, None);
        let nothing_removed = |_| false;
        let counts = fresh_stats(&doc, &nothing_removed, &english());
        let paragraphs = paragraphs(&doc, &nothing_removed, &counts);
        let repeated = repeated_lines(&doc, &paragraphs, &counts);
        assert_eq!(repeated, [true, false, true, false, true, false, false]);
    }

    #[test]
    fn an_article_shown_three_times_repeats_nothing() {
        let article =
            "The council voted on Tuesday to fund the new bridge.\nIt opens in May, six years late and over budget.\n";
        let text = article.repeat(3);
        let doc = Document::parse(&text, None);
        let nothing_removed = |_| false;
        let counts = fresh_stats(&doc, &nothing_removed, &english());
        let paragraphs = paragraphs(&doc, &nothing_removed, &counts);
        assert!(repeated_lines(&doc, &paragraphs, &counts).iter().all(|&r| !r));
    }

    #[test]
    fn lines_are_classed_by_how_they_read() {
        let doc = Document::parse(
            "The council voted on Tuesday to fund the new bridge across the river, which opens in May.\n\
             The bridge opens in May.\n\
             Politics\n\
             Flu virus destroys tumours in the lab, and the doctors are hopeful about it. Read more\n\
             \n",
            None,
        );
        let nothing_removed = |_| false;
        let language = english();
        let counts = fresh_stats(&doc, &nothing_removed, &language);
        let paragraphs = paragraphs(&doc, &nothing_removed, &counts);
        let repeated = vec![false; doc.segments.len()];
        let thresholds = Thresholds::for_bias(Bias::Balanced);
        let lines = classify(&doc, &paragraphs, counts, repeated, &language, &thresholds);
        use LineClass::*;
        assert_eq!(lines.class, [Prose, Sentence, Fragment, Fragment, Empty]);
        assert_eq!(lines.menu_item, [false, false, true, false, false]);
    }

    #[test]
    fn a_paragraph_carries_its_words_on_its_first_line() {
        let doc = Document::parse(
            "The council voted on Tuesday to fund the new\nbridge across the river, which opens in May.\n",
            None,
        );
        let nothing_removed = |_| false;
        let language = english();
        let counts = fresh_stats(&doc, &nothing_removed, &language);
        let words = counts[0].words + counts[1].words;
        let paragraphs = paragraphs(&doc, &nothing_removed, &counts);
        let thresholds = Thresholds::for_bias(Bias::Balanced);
        let lines = classify(&doc, &paragraphs, counts, vec![false; 2], &language, &thresholds);
        assert_eq!(lines.class, [LineClass::Prose, LineClass::Prose]);
        assert_eq!((lines.word_counts[0].words, lines.word_counts[1].words), (words, 0));
    }

    #[test]
    fn a_teaser_link_closes_a_blurb() {
        assert!(ends_with_teaser_link("The flu virus destroys tumours. Read now »"));
        assert!(ends_with_teaser_link("The flu virus destroys tumours [Weiterlesen]".trim_end_matches(']')));
        assert!(!ends_with_teaser_link("Read more"));
        assert!(!ends_with_teaser_link("I have read more books this year."));
    }
}
