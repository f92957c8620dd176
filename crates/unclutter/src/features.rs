//! The content scorer's evidence: a fixed-length vector of `f32` features for every line of a
//! text, from what the pipeline knows of it when the context rounds are over (the phrase, line
//! and context rules' removals, the scored rules' proposals, the input's evidence, the structural
//! analysis).
//!
//! One implementation serves training (`unclutter-eval`'s `features` example writes them out
//! through [`crate::Cleaner::line_features`]) and inference (`crate::scorer`);
//! [`LineFeatures::schema_hash`] ties a model file to the columns it was trained on. The
//! columns are listed, each with its meaning, in [`NAMES`].
use unclutter_text::words::{capitalised, ends_like_sentence};

use crate::analysis::LineClass;
use crate::config::InputKind;
use crate::context::Decisions;
use crate::html::BlockKind;
use crate::input_kind::is_menu_item;
use crate::meta::Category;
use crate::rules::boilerplate::is_comment_cue;

/// The version of the feature schema: bump it when a column's meaning changes but not its name.
pub(crate) const VERSION: u32 = 8;

/// Lines on each side of a line that its window features sum over (non-blank lines only).
const WINDOW: usize = 3;

/// The columns, in order. Counts are `ln(1 + n)` unless said otherwise; flags are 0 or 1;
/// shares are 0..=1.
///
/// | column | meaning |
/// |---|---|
/// | `is_blank` | the line holds only white space |
/// | `words` | words of the line (CJK counted as the analysis counts them) |
/// | `chars` | characters of the trimmed line |
/// | `stop_share` | share of its words that are stop words of the document's language |
/// | `ends_sentence` | it ends like a sentence (`.`, `!`, `?`, maybe in closing quotes) |
/// | `bullet` | it opens with a list bullet (`* `, `• `, `· `, `+ `, `- `) |
/// | `digit_share` | share of its non-space characters that are digits |
/// | `cap_share` | share of its words that open with a capital or a digit |
/// | `menu_item` | 1 to 4 words, letters only, no stop word (as the input's evidence counts) |
/// | `class_empty`, `class_prose`, `class_sentence`, `class_fragment` | the structural analysis's class of the line, one-hot |
/// | `in_region` | the line lies inside the analysis's article region |
/// | `repeated` | a long line the page repeats (a caption) |
/// | `position` | the line's index over the number of lines (0..1) |
/// | `prose_before` | share of the document's prose words (class prose) in lines before it |
/// | `words_before` | share of the document's words in lines before it |
/// | `region_distance` | non-blank lines between it and the article region (0 inside) |
/// | `removed_<category>` | a phrase, line or context rule of that category removed it whole |
/// | `proposed_header`, `proposed_footer`, `proposed_tail` | the scored rules BPL001 (page header), BPL002 (page footer), BPL003 (a related block to the article's end) propose it |
/// | `comment_cue` | it reads as a comment's metadata or header ("2 days ago", "Reply", "Jane says:") |
/// | `cues_before`, `cues_after` | comment cues before it, after it |
/// | `ends_before`, `ends_after` | lines before it, after it, that a rule removed as the start of a related block (an end-of-article heading) |
/// | `win_prose` | prose-class lines among it and the 3 non-blank lines on each side (a plain count) |
/// | `win_menu` | menu items in that window (a plain count) |
/// | `win_removed` | lines a rule removed in that window (a plain count) |
/// | `win_words` | words in that window |
/// | `doc_lines`, `doc_menu_items`, `doc_longest_menu_run`, `doc_furniture`, `doc_prose_lines` | the input's evidence (non-blank lines, menu items, the longest run of them, furniture lines, prose lines) |
/// | `doc_words` | words of the document |
/// | `doc_article` | the input is taken for an extracted article, not a whole page |
/// | `html` | the text is an HTML page's projection (the `dom_` columns are 0 otherwise) |
/// | `dom_outside_root` | the line lies outside the page's content root |
/// | `dom_furniture` | the line lies in page furniture (nav, footer, aside, a share or comment widget...) inside the root |
/// | `dom_link_share` | share of the line's characters inside links |
/// | `dom_heading`, `dom_list_item`, `dom_table_cell` | the line is a heading, a list item, in a table cell |
/// | `proposed_outside`, `proposed_furniture` | the scored markup rules BPL004 (outside the content root), BPL005 (page furniture) propose it |
/// | `dom_shape_lines` | non-blank lines whose element path has the line's shape (the path without its `:nth-of-type` numbers: the lines of repeated cards, posts, list items or paragraphs share it) |
/// | `dom_shape_words` | share of the document's words in the lines of the line's shape |
/// | `dom_content_hint` | an element of its path is an `article` or `main`, or its class names an article's body |
/// | `dom_shape_link_share` | share of the characters of the lines of its shape inside links |
/// | `dom_parent_words` | share of the document's words in the lines whose shape has the line's parent shape (its shape without the last step: a card's title and text share it) |
/// | `dom_root_share` | share of the document's words inside the content root (a page-wide value) |
/// | `win10_words`, `win10_removed`, `win10_bullets`, `win10_digits` | over it and the 10 non-blank lines on each side: the mean of `words`, the shares of lines a rule removed and of bulleted lines, the mean `digit_share` |
/// | `win30_words`, `win30_removed`, `win30_bullets`, `win30_digits` | the same over 30 lines on each side |
/// | `zone_words` | for a proposed line, share of the document's words in its zone: the run of lines the same rule proposed around it (blank and removed lines do not end a run); 0 otherwise |
/// | `zone_prose` | prose-class lines in that zone |
pub const NAMES: [&str; WIDTH] = [
    "is_blank",
    "words",
    "chars",
    "stop_share",
    "ends_sentence",
    "bullet",
    "digit_share",
    "cap_share",
    "menu_item",
    "class_empty",
    "class_prose",
    "class_sentence",
    "class_fragment",
    "in_region",
    "repeated",
    "position",
    "prose_before",
    "words_before",
    "region_distance",
    "removed_navigation",
    "removed_share",
    "removed_byline",
    "removed_media",
    "removed_timestamp",
    "removed_promo",
    "removed_related",
    "removed_source",
    "removed_legal",
    "removed_ads",
    "removed_boilerplate",
    "removed_layout",
    "proposed_header",
    "proposed_footer",
    "proposed_tail",
    "comment_cue",
    "cues_before",
    "cues_after",
    "ends_before",
    "ends_after",
    "win_prose",
    "win_menu",
    "win_removed",
    "win_words",
    "doc_lines",
    "doc_menu_items",
    "doc_longest_menu_run",
    "doc_furniture",
    "doc_prose_lines",
    "doc_words",
    "doc_article",
    "html",
    "dom_outside_root",
    "dom_furniture",
    "dom_link_share",
    "dom_heading",
    "dom_list_item",
    "dom_table_cell",
    "proposed_outside",
    "proposed_furniture",
    "dom_shape_lines",
    "dom_shape_words",
    "dom_content_hint",
    "dom_shape_link_share",
    "dom_parent_words",
    "dom_root_share",
    "win10_words",
    "win10_removed",
    "win10_bullets",
    "win10_digits",
    "win30_words",
    "win30_removed",
    "win30_bullets",
    "win30_digits",
    "zone_words",
    "zone_prose",
];

/// Number of columns.
pub const WIDTH: usize = 75;

// Column indices, by name (the table above gives their meanings).
const IS_BLANK: usize = 0;
pub(crate) const WORDS: usize = 1;
const CHARS: usize = 2;
pub(crate) const STOP_SHARE: usize = 3;
pub(crate) const ENDS_SENTENCE: usize = 4;
pub(crate) const BULLET: usize = 5;
const DIGIT_SHARE: usize = 6;
const CAP_SHARE: usize = 7;
const MENU_ITEM: usize = 8;
const CLASS: usize = 9;
pub(crate) const CLASS_PROSE: usize = CLASS + 1;
pub(crate) const IN_REGION: usize = 13;
const PROSE_BEFORE: usize = 16;
const WORDS_BEFORE: usize = 17;
const REGION_DISTANCE: usize = 18;
const REMOVED: usize = 19;
pub(crate) const PROPOSED: usize = 31;
pub(crate) const COMMENT_CUE: usize = 34;
const CUES: usize = 35;
const ENDS: usize = 37;
pub(crate) const WIN: usize = 39;
const DOC: usize = 43;
pub(crate) const DOM: usize = 50;
pub(crate) const DOM_LINK_SHARE: usize = DOM + 3;
pub(crate) const DOM_HEADING: usize = DOM + 4;
pub(crate) const SHAPE: usize = 59;
const WIDE: usize = 65;
const ZONE: usize = 73;
/// The wide windows' reach, non-blank lines on each side (`win10_`, `win30_`).
const WIDE_WINDOWS: [usize; 2] = [10, 30];

/// The features of every line (segment) of one text, row-major. Row `i` describes segment `i`
/// of `unclutter_text::Document::parse(input, None)`; [`NAMES`] documents the columns.
///
/// ```
/// let cleaner = unclutter::Cleaner::new();
/// let input = "Home\nNews\nSport\nWeather\n\n\
///              The council voted seven to two on Tuesday to fund the new bridge across the river.\n";
/// let features = cleaner.line_features(input);
/// assert_eq!(features.len(), 6);
/// assert_eq!(features.get(1, "menu_item"), Some(1.0)); // "News"
/// assert_eq!(features.get(5, "class_prose"), Some(1.0));
/// assert_eq!(features.row(4)[0], 1.0); // is_blank
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct LineFeatures {
    /// The column names, in order.
    pub names: &'static [&'static str],
    /// The rows of the non-blank lines, `names.len()` values each; a blank line (never scored,
    /// never a training row) reads as [`BLANK_ROW`], so a page of blank lines costs a few bytes
    /// a line, not a row.
    rows: Vec<f32>,
    /// For each line, its row in `rows`, or [`NO_ROW`] for a blank line.
    index: Vec<u32>,
    /// A stable hash of the column names and the schema's version (FNV-1a), for a model file to
    /// be checked against.
    pub schema_hash: u64,
}

/// The row every blank line reads as: `is_blank` set, every other column zero.
const BLANK_ROW: [f32; WIDTH] = {
    let mut row = [0.0; WIDTH];
    row[IS_BLANK] = 1.0;
    row
};

/// The index of a blank line.
const NO_ROW: u32 = u32::MAX;

impl LineFeatures {
    /// Number of lines (rows).
    pub fn len(&self) -> usize {
        self.index.len()
    }

    /// True when the text has no line.
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// The features of line `i`.
    pub fn row(&self, i: usize) -> &[f32] {
        match self.index[i] {
            NO_ROW => &BLANK_ROW,
            r => &self.rows[r as usize * WIDTH..(r as usize + 1) * WIDTH],
        }
    }

    /// The feature `name` of line `i`, if there is such a column.
    pub fn get(&self, i: usize, name: &str) -> Option<f32> {
        let column = self.names.iter().position(|n| *n == name)?;
        Some(self.row(i)[column])
    }
}

/// The share of the document's words that its article region holds, from the `words` and
/// `in_region` columns (a blank line's row holds neither).
pub(crate) fn region_share(features: &LineFeatures) -> f32 {
    let (mut inside, mut all) = (0.0f32, 0.0f32);
    for i in 0..features.len() {
        let row = features.row(i);
        let words = row[WORDS].exp_m1();
        all += words;
        if row[IN_REGION] == 1.0 {
            inside += words;
        }
    }
    if all == 0.0 {
        1.0
    } else {
        inside / all
    }
}

/// The schema hash of the columns this build computes.
pub(crate) fn current_schema_hash() -> u64 {
    schema_hash(&NAMES, VERSION)
}

/// FNV-1a (64 bits) of the schema's version and its column names, each name ended by a zero byte.
pub(crate) fn schema_hash(names: &[&str], version: u32) -> u64 {
    unclutter_text::hash::fnv1a(
        version.to_le_bytes().into_iter().chain(names.iter().flat_map(|n| n.bytes().chain([0]))),
    )
}

fn flag(b: bool) -> f32 {
    if b {
        1.0
    } else {
        0.0
    }
}

fn log1p(n: usize) -> f32 {
    (n as f32).ln_1p()
}

fn share(part: usize, whole: usize) -> f32 {
    if whole == 0 {
        0.0
    } else {
        part as f32 / whole as f32
    }
}

/// The flag column of a category among the `removed_` columns.
fn category_column(category: Category) -> usize {
    REMOVED + Category::ALL.iter().position(|c| *c == category).expect("every category is listed")
}

/// The proposal column of a scored rule, by its code.
fn proposal_column(code: &str) -> Option<usize> {
    match code {
        "BPL004" => Some(DOM + 7),
        "BPL005" => Some(DOM + 8),
        _ => ["BPL001", "BPL002", "BPL003"].iter().position(|c| *c == code).map(|k| PROPOSED + k),
    }
}

/// The features of every segment, from the decisions as the context rounds left them.
pub(crate) fn compute(decisions: &mut Decisions<'_>) -> LineFeatures {
    let doc = decisions.doc();
    let n = doc.segments.len();
    // Rows for the non-blank lines only (`LineFeatures::row`).
    let mut index = Vec::with_capacity(n);
    let mut filled = 0u32;
    for seg in &doc.segments {
        index.push(if seg.is_blank() { NO_ROW } else { filled });
        filled += u32::from(!seg.is_blank());
    }
    let mut rows = vec![0.0f32; filled as usize * WIDTH];
    let mut spare = [0.0f32; WIDTH];
    if n == 0 {
        return LineFeatures { names: &NAMES, rows, index, schema_hash: current_schema_hash() };
    }
    decisions.current_structure();
    // The last reader of the pass's word counts: the lines the rules removed were counted for
    // the input's evidence, or are counted here once.
    let mut counts = std::mem::take(decisions.line_stats());
    let decisions = &*decisions;
    let analysis = decisions.made_structure();
    let language = decisions.language().expect("the analysis detected the language");
    let (kind, evidence) = decisions.input();
    let mut doc_columns = [
        log1p(evidence.lines),
        log1p(evidence.menu_lines),
        log1p(evidence.longest_menu_run),
        log1p(evidence.furniture_lines),
        log1p(evidence.prose_lines),
        0.0,
        flag(kind == InputKind::Article),
    ];
    let region = analysis.region.clone();

    // Per line; with the sums the window and position features need, over non-blank lines.
    let mut words_of = Vec::with_capacity(n);
    let (mut total_prose_words, mut total_words) = (0usize, 0usize);
    for (i, seg) in doc.segments.iter().enumerate() {
        let row = row_mut(&mut rows, &mut spare, index[i]);
        let blank = seg.is_blank();
        let trim = doc.text(seg.trim());
        let core = doc.text(seg.core());
        // The analysis counted the words of the lines it kept; the others are counted here.
        let stats = match (blank, decisions.removed_by(i)) {
            (true, _) => Default::default(),
            (false, None) => analysis.word_counts[i],
            (false, Some(_)) => counts.get(doc, i, &language),
        };
        let words = stats.length();
        let (mut digits, mut visible) = (0, 0);
        for c in trim.chars().filter(|c| !c.is_whitespace()) {
            visible += 1;
            digits += usize::from(c.is_ascii_digit());
        }
        let (mut spaced, mut capitals) = (0, 0);
        for word in core.split_whitespace() {
            spaced += 1;
            capitals += usize::from(capitalised(word));
        }
        let menu_item = !blank && is_menu_item(core, &stats);
        row[IS_BLANK] = flag(blank);
        row[WORDS] = log1p(words);
        row[CHARS] = log1p(trim.chars().count());
        row[STOP_SHARE] = share(stats.stop, stats.words);
        row[ENDS_SENTENCE] = flag(ends_like_sentence(trim));
        row[BULLET] = flag(["* ", "• ", "· ", "+ ", "- "].iter().any(|b| trim.starts_with(b)));
        row[DIGIT_SHARE] = share(digits, visible);
        row[CAP_SHARE] = share(capitals, spaced);
        row[MENU_ITEM] = flag(menu_item);
        let class = analysis.class[i];
        let class_at = match class {
            LineClass::Empty => 0,
            LineClass::Prose => 1,
            LineClass::Sentence => 2,
            LineClass::Fragment => 3,
        };
        row[CLASS + class_at] = 1.0;
        row[IN_REGION] = flag(region.contains(&i));
        row[14] = flag(analysis.repeated[i]);
        row[15] = share(i, n.saturating_sub(1).max(1));
        if let Some(rule) = decisions.removed_by(i) {
            row[category_column(rule.category())] = 1.0;
        }
        if let Some(column) = decisions.proposal(i).and_then(|(rule, _)| proposal_column(rule.code())) {
            row[column] = 1.0;
        }
        row[COMMENT_CUE] = flag(!blank && is_comment_cue(trim));
        if let Some(dom) = decisions.dom() {
            let line = &dom.lines[i];
            row[DOM] = 1.0;
            row[DOM + 1] = flag(!dom.in_root(i));
            row[DOM + 2] = flag(dom.furniture(i).is_some());
            row[DOM_LINK_SHARE] = share(line.link_chars as usize, line.chars as usize);
            row[DOM_HEADING] = flag(matches!(line.kind, BlockKind::Heading(_)));
            row[DOM + 5] = flag(matches!(line.kind, BlockKind::ListItem { .. }));
            row[DOM + 6] = flag(dom.in_table_cell(i));
        }
        if class == LineClass::Prose {
            total_prose_words += words;
        }
        total_words += words;
        words_of.push(words);
    }
    doc_columns[5] = log1p(total_words);

    // Running counts before each line, and the windows over non-blank lines: prefix sums by
    // rank among the non-blank lines.
    let (mut prose_before, mut words_before) = (0usize, 0usize);
    // Comment cues and related headings before each line, and in all.
    let mut marks: Vec<[usize; 2]> = Vec::with_capacity(n + 1);
    marks.push([0; 2]);
    let mut sums: Vec<[usize; 4]> = Vec::with_capacity(n + 1);
    sums.push([0; 4]);
    // Over non-blank lines too: log words, removed lines, bulleted lines, digit shares.
    let mut wide: Vec<[f64; 4]> = Vec::with_capacity(n + 1);
    wide.push([0.0; 4]);
    let mut ranks = Vec::with_capacity(n); // non-blank lines before each line
    for (i, seg) in doc.segments.iter().enumerate() {
        let row = row_mut(&mut rows, &mut spare, index[i]);
        row[PROSE_BEFORE] = share(prose_before, total_prose_words);
        row[WORDS_BEFORE] = share(words_before, total_words);
        let prose = analysis.class[i] == LineClass::Prose;
        if prose {
            prose_before += words_of[i];
        }
        words_before += words_of[i];
        let removed = decisions.removed_by(i);
        let [cues, ends] = *marks.last().expect("starts with zeros");
        marks.push([
            cues + usize::from(row[COMMENT_CUE] == 1.0),
            ends + usize::from(removed.is_some_and(|r| decisions.ends_article(r))),
        ]);
        ranks.push(sums.len() - 1);
        if !seg.is_blank() {
            let last = *sums.last().expect("starts with zeros");
            let menu = row[MENU_ITEM] == 1.0;
            sums.push([
                last[0] + usize::from(prose),
                last[1] + usize::from(menu),
                last[2] + usize::from(removed.is_some()),
                last[3] + words_of[i],
            ]);
            let last = *wide.last().expect("starts with zeros");
            wide.push([
                last[0] + f64::from(row[WORDS]),
                last[1] + f64::from(u8::from(removed.is_some())),
                last[2] + f64::from(row[BULLET]),
                last[3] + f64::from(row[DIGIT_SHARE]),
            ]);
        }
    }
    let ranked = sums.len() - 1;
    let all = marks[n];
    for (i, seg) in doc.segments.iter().enumerate() {
        if seg.is_blank() {
            continue;
        }
        let row = row_mut(&mut rows, &mut spare, index[i]);
        let (before, after) = (marks[i], marks[i + 1]);
        row[CUES] = log1p(before[0]);
        row[CUES + 1] = log1p(all[0] - after[0]);
        row[ENDS] = log1p(before[1]);
        row[ENDS + 1] = log1p(all[1] - after[1]);
        let own = usize::from(!seg.is_blank());
        let rank = ranks[i];
        let (from, to) = (rank.saturating_sub(WINDOW), (rank + own + WINDOW).min(ranked));
        for k in 0..3 {
            row[WIN + k] = (sums[to][k] - sums[from][k]) as f32;
        }
        row[WIN + 3] = log1p(sums[to][3] - sums[from][3]);
        for (w, reach) in WIDE_WINDOWS.into_iter().enumerate() {
            let (from, to) = (rank.saturating_sub(reach), (rank + own + reach).min(ranked));
            let count = (to - from).max(1) as f64;
            for k in 0..4 {
                row[WIDE + 4 * w + k] = ((wide[to][k] - wide[from][k]) / count) as f32;
            }
        }
        row[REGION_DISTANCE] = if region.is_empty() || region.contains(&i) {
            0.0
        } else if i < region.start {
            log1p(ranks[region.start] - rank)
        } else {
            log1p(rank + 1 - ranks[region.end])
        };
        row[DOC..DOC + doc_columns.len()].copy_from_slice(&doc_columns);
    }
    zone_columns(decisions, &index, &words_of, total_words, &mut rows);
    if let Some(dom) = decisions.dom() {
        shape_columns(dom, &doc.segments, &index, &words_of, total_words, &mut rows);
    }
    LineFeatures { names: &NAMES, rows, index, schema_hash: current_schema_hash() }
}

/// Fills the `zone_` columns: each run of lines one scored rule proposed (a page header, a
/// footer, a related block, the lines outside the content root), its words and prose lines.
fn zone_columns(decisions: &Decisions<'_>, index: &[u32], words_of: &[usize], total_words: usize, rows: &mut [f32]) {
    let segments = &decisions.doc().segments;
    let analysis = decisions.made_structure();
    let mut start = 0;
    while start < segments.len() {
        let Some(rule) = decisions.proposal(start).map(|(rule, _)| *rule) else {
            start += 1;
            continue;
        };
        // The run: lines this rule proposed, and blank or removed lines between them.
        let (mut end, mut last) = (start + 1, start);
        let (mut words, mut prose) = (words_of[start], usize::from(analysis.class[start] == LineClass::Prose));
        while end < segments.len() {
            match decisions.proposal(end) {
                Some((other, _)) if *other == rule => {
                    words += words_of[end];
                    prose += usize::from(analysis.class[end] == LineClass::Prose);
                    last = end;
                }
                Some(_) => break,
                None if segments[end].is_blank() || decisions.removed_by(end).is_some() => {}
                None => break,
            }
            end += 1;
        }
        for (i, &row) in index.iter().enumerate().take(last + 1).skip(start) {
            if row != NO_ROW && decisions.proposal(i).is_some_and(|(other, _)| *other == rule) {
                let at = row as usize * WIDTH;
                rows[at + ZONE] = share(words, total_words);
                rows[at + ZONE + 1] = log1p(prose);
            }
        }
        start = last + 1;
    }
}

/// Fills the `dom_shape_` and `dom_content_hint` columns: lines grouped by the shape of their
/// element path (one string per distinct path, not per line).
fn shape_columns(
    dom: &crate::html::Projection,
    segments: &[unclutter_text::Segment],
    index: &[u32],
    words_of: &[usize],
    total_words: usize,
    rows: &mut [f32],
) {
    use std::collections::HashMap;
    // Paths are numbered densely: each line's path id indexes its shape and content hint, and
    // a shape's string is made once per distinct path.
    let paths = (0..segments.len()).filter(|&i| !segments[i].is_blank()).map(|i| dom.lines[i].path).max();
    let mut shape_of_path: Vec<(u32, bool)> = vec![(u32::MAX, false); paths.map_or(0, |p| p as usize + 1)];
    let mut shapes: HashMap<String, u32> = HashMap::new();
    // Per shape: lines, words, link characters, characters, and the index of its parent shape.
    let mut sums: Vec<[usize; 4]> = Vec::new();
    let mut parents: HashMap<String, u32> = HashMap::new();
    let mut parent_of: Vec<u32> = Vec::new();
    let mut shape_of_line = vec![u32::MAX; segments.len()];
    let mut buf = String::new();
    for (i, seg) in segments.iter().enumerate() {
        if seg.is_blank() {
            continue;
        }
        let known = &mut shape_of_path[dom.lines[i].path as usize];
        if known.0 == u32::MAX {
            buf.clear();
            dom.write_path_shape(i, &mut buf);
            let shape = match shapes.get(buf.as_str()) {
                Some(&shape) => shape,
                None => {
                    let next = shapes.len() as u32;
                    shapes.insert(buf.clone(), next);
                    next
                }
            };
            *known = (shape, dom.content_hint(i));
        }
        let shape = known.0;
        if shape as usize == sums.len() {
            sums.push([0; 4]);
            let parent = buf.rsplit_once(" > ").map_or("", |(parent, _)| parent);
            let next = parents.len() as u32;
            parent_of.push(*parents.entry(parent.to_owned()).or_insert(next));
        }
        let line = &dom.lines[i];
        let sum = &mut sums[shape as usize];
        sum[0] += 1;
        sum[1] += words_of[i];
        sum[2] += line.link_chars as usize;
        sum[3] += line.chars as usize;
        shape_of_line[i] = shape;
    }
    let root_words: usize = (0..segments.len()).filter(|&i| dom.in_root(i)).map(|i| words_of[i]).sum();
    let mut parent_words = vec![0usize; parents.len()];
    for (shape, sum) in sums.iter().enumerate() {
        parent_words[parent_of[shape] as usize] += sum[1];
    }
    for (i, &shape) in shape_of_line.iter().enumerate() {
        if shape == u32::MAX {
            continue;
        }
        let at = index[i] as usize * WIDTH;
        let row = &mut rows[at..at + WIDTH];
        let [lines, words, link_chars, chars] = sums[shape as usize];
        row[SHAPE] = log1p(lines);
        row[SHAPE + 1] = share(words, total_words);
        row[SHAPE + 2] = flag(shape_of_path[dom.lines[i].path as usize].1);
        row[SHAPE + 3] = share(link_chars, chars);
        row[SHAPE + 4] = share(parent_words[parent_of[shape as usize] as usize], total_words);
        row[SHAPE + 5] = share(root_words, total_words);
    }
}

/// The row to fill for a line: its own, or for a blank line a scratch row, cleared, whose
/// values are read within the pass (a blank line's are all zero or unused) and then dropped.
fn row_mut<'r>(rows: &'r mut [f32], spare: &'r mut [f32; WIDTH], at: u32) -> &'r mut [f32] {
    match at {
        NO_ROW => {
            spare.fill(0.0);
            spare
        }
        r => &mut rows[r as usize * WIDTH..(r as usize + 1) * WIDTH],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Cleaner;

    const PAGE: &str = "Skip to main content\nHome\nNews\nSport\nWeather\n\n\
        Council approves the bridge\n\
        The council voted seven to two on Tuesday to fund the new bridge across the river, after years of delay.\n\
        The mayor said that the bridge would open in May and that the work would start in the spring.\n\
        Residents on both sides of the river have asked for a crossing for more than a decade.\n\n\
        About us\nContact\nPrivacy\nTerms\n";

    #[test]
    fn the_columns_are_as_documented() {
        assert_eq!(NAMES.len(), WIDTH);
        // Each column index the code names, against its name.
        for (column, name) in [
            (IS_BLANK, "is_blank"),
            (WORDS, "words"),
            (CHARS, "chars"),
            (CAP_SHARE, "cap_share"),
            (MENU_ITEM, "menu_item"),
            (CLASS, "class_empty"),
            (PROSE_BEFORE, "prose_before"),
            (STOP_SHARE, "stop_share"),
            (IN_REGION, "in_region"),
            (WORDS_BEFORE, "words_before"),
            (REGION_DISTANCE, "region_distance"),
            (PROPOSED, "proposed_header"),
            (COMMENT_CUE, "comment_cue"),
            (DOM_HEADING, "dom_heading"),
            (CUES, "cues_before"),
            (ENDS, "ends_before"),
            (WIN, "win_prose"),
            (WIN + 3, "win_words"),
            (DOC, "doc_lines"),
            (DOC + 6, "doc_article"),
            (DOM, "html"),
            (ENDS_SENTENCE, "ends_sentence"),
            (BULLET, "bullet"),
            (DIGIT_SHARE, "digit_share"),
            (CLASS_PROSE, "class_prose"),
            (DOM_LINK_SHARE, "dom_link_share"),
            (SHAPE, "dom_shape_lines"),
            (SHAPE + 5, "dom_root_share"),
            (WIDE, "win10_words"),
            (WIDE + 4, "win30_words"),
            (ZONE, "zone_words"),
            (ZONE + 1, "zone_prose"),
        ] {
            assert_eq!(NAMES[column], name, "column {column}");
        }
        assert_eq!(proposal_column("BPL002").map(|c| NAMES[c]), Some("proposed_footer"));
        assert_eq!(proposal_column("BPL003").map(|c| NAMES[c]), Some("proposed_tail"));
        assert_eq!(proposal_column("NAV001"), None);
        assert_eq!(proposal_column("BPL004").map(|c| NAMES[c]), Some("proposed_outside"));
        assert_eq!(proposal_column("BPL005").map(|c| NAMES[c]), Some("proposed_furniture"));
        for category in Category::ALL {
            assert_eq!(NAMES[category_column(category)], format!("removed_{}", category.as_str()));
        }
    }

    #[test]
    fn one_row_per_segment() {
        let features = Cleaner::new().line_features(PAGE);
        assert_eq!(features.len(), unclutter_text::Document::parse(PAGE, None).segments.len());
        // Rows are stored for the non-blank lines only; blank lines read as the blank row.
        let blank = unclutter_text::Document::parse(PAGE, None).segments.iter().filter(|s| s.is_blank()).count();
        assert_eq!(features.rows.len(), (features.len() - blank) * WIDTH);
        assert!(features.rows.iter().all(|v| v.is_finite()));
        assert_eq!(features.row(5), BLANK_ROW);
        assert!(Cleaner::new().line_features("").is_empty());
    }

    #[test]
    fn menu_items_prose_and_blank_lines() {
        let f = Cleaner::new().line_features(PAGE);
        assert_eq!(f.get(2, "menu_item"), Some(1.0), "News");
        assert_eq!(f.get(2, "class_fragment"), Some(1.0));
        assert_eq!(f.get(7, "menu_item"), Some(0.0));
        assert_eq!(f.get(7, "class_prose"), Some(1.0));
        assert_eq!(f.get(7, "in_region"), Some(1.0));
        assert_eq!(f.get(7, "ends_sentence"), Some(1.0));
        assert_eq!(f.get(2, "in_region"), Some(0.0));
        assert_eq!(f.get(5, "is_blank"), Some(1.0));
        assert_eq!(f.get(5, "class_empty"), Some(0.0), "a blank line reads as the blank row");
        assert_eq!(f.get(0, "position"), Some(0.0));
        // The prose words before the first prose line are none, before the last two thirds.
        assert_eq!(f.get(7, "prose_before"), Some(0.0));
        let last = f.get(9, "prose_before").unwrap();
        assert!(last > 0.5 && last < 0.9, "{last}");
    }

    #[test]
    fn rules_verdicts_are_flags() {
        let f = Cleaner::new().line_features(PAGE);
        // "Skip to main content" goes to NAV001 in the phrase stage.
        assert_eq!(Cleaner::new().clean(PAGE).removals()[0].rule().code(), "NAV001");
        assert_eq!(f.get(0, "removed_navigation"), Some(1.0));
        assert_eq!(f.get(7, "removed_navigation"), Some(0.0));
        // The structural rules propose the menus as the page's header and footer; the menus are
        // left to them, not removed by a navigation rule.
        assert_eq!(f.get(2, "proposed_header"), Some(1.0));
        assert_eq!(f.get(12, "proposed_footer"), Some(1.0));
        assert_eq!(f.get(2, "removed_navigation"), Some(0.0));
        assert_eq!(f.get(7, "proposed_header"), Some(0.0));
        assert_eq!(f.get(7, "proposed_footer"), Some(0.0));
    }

    #[test]
    fn comment_cues_and_distances() {
        let page = "The council voted seven to two on Tuesday to fund the new bridge across the river.\n\
            The mayor said that the bridge would open in May and that the work would start soon.\n\
            Jane Doe says:\nI drive over that river every day and this is great news for us all.\n\
            2 days ago\nReply\n";
        let f = Cleaner::new().line_features(page);
        assert_eq!(f.get(2, "comment_cue"), Some(1.0), "Jane Doe says:");
        assert_eq!(f.get(3, "comment_cue"), Some(0.0));
        assert_eq!(f.get(4, "comment_cue"), Some(1.0), "2 days ago");
        assert_eq!(f.get(5, "comment_cue"), Some(1.0), "Reply");
        assert_eq!(f.get(0, "cues_before"), Some(0.0));
        assert_eq!(f.get(0, "cues_after"), Some(3.0f32.ln_1p()));
        assert_eq!(f.get(3, "cues_before"), Some(1.0f32.ln_1p()));
        assert_eq!(f.get(3, "cues_after"), Some(2.0f32.ln_1p()));
        assert_eq!(f.get(5, "cues_after"), Some(0.0));
        // Lines inside the region are at distance 0, lines after it count from 1.
        let region: Vec<f32> = (0..f.len()).map(|i| f.get(i, "in_region").unwrap()).collect();
        for (i, inside) in region.iter().enumerate() {
            let distance = f.get(i, "region_distance").unwrap();
            assert_eq!(*inside == 1.0, distance == 0.0, "line {i}");
        }
    }

    #[test]
    fn windows_and_document_evidence() {
        let f = Cleaner::new().line_features(PAGE);
        // Line 8 (prose) sees the title and the other two prose lines within three lines.
        assert_eq!(f.get(8, "win_prose"), Some(3.0));
        // "Sport" (line 3) sees the menu items News and Weather and is one ("Home" holds a word
        // of the English stop-word list, "Skip to main content" several).
        assert_eq!(f.get(3, "menu_item"), Some(1.0));
        assert_eq!(f.get(3, "win_menu"), Some(3.0));
        // The title (line 6) sees the menu items before it and the prose lines after it.
        assert_eq!(f.get(6, "win_prose"), Some(3.0));
        let lines = f.get(0, "doc_lines").unwrap();
        assert_eq!(lines, (13.0f32).ln_1p());
        assert!(f.rows.chunks(WIDTH).all(|row| row[DOC] == lines));
    }

    #[test]
    fn wide_windows_average_over_the_lines_they_reach() {
        // Five bullets, then twenty prose lines, a blank line among them (windows count
        // non-blank lines only).
        let mut text = "* one item\n".repeat(5);
        for i in 0..20 {
            text.push_str(&format!("Line {i} of the report says the council met on Tuesday to vote.\n"));
            if i == 9 {
                text.push('\n');
            }
        }
        let f = Cleaner::new().line_features(&text);
        let last = f.len() - 1;
        // The first line reaches itself and ten lines below it: the five bullets among eleven.
        assert_eq!(f.get(0, "win10_bullets"), Some(5.0 / 11.0));
        assert_eq!(f.get(last, "win10_bullets"), Some(0.0));
        // Thirty lines reach the whole text from its last line: 5 of 25.
        assert_eq!(f.get(last, "win30_bullets"), Some(5.0 / 25.0));
        let words = f.get(last, "win10_words").unwrap();
        assert!((words - f.get(last, "words").unwrap()).abs() < 0.1, "prose lines of one length: {words}");
        let digits = f.get(last, "win10_digits").unwrap();
        assert!(digits > 0.0 && digits < 0.1, "a number or two in each line: {digits}");
    }

    #[test]
    fn a_proposed_zone_knows_its_words_and_prose() {
        let f = Cleaner::new().line_features(PAGE);
        // The menu at the top is the page header BPL001 proposes: its lines share one zone of
        // a few words and no prose; the article's lines are in no zone.
        let header: Vec<usize> = (0..f.len()).filter(|&i| f.get(i, "proposed_header") == Some(1.0)).collect();
        assert!(header.len() >= 2, "{header:?}");
        let zone = f.get(header[0], "zone_words").unwrap();
        assert!(zone > 0.0 && zone < 0.2, "{zone}");
        assert!(header.iter().all(|&i| f.get(i, "zone_words") == Some(zone)));
        assert_eq!(f.get(header[0], "zone_prose"), Some(0.0));
        let prose = (0..f.len()).find(|&i| f.get(i, "class_prose") == Some(1.0)).expect("prose");
        assert_eq!(f.get(prose, "zone_words"), Some(0.0));
    }

    #[test]
    fn element_shapes_group_repeated_blocks() {
        let para = "The council voted on Tuesday to fund the new bridge across the river at last.";
        let html = format!(
            "<body><nav><ul><li><a href=/>Home</a></li><li><a href=/n>News</a></li><li><a href=/s>Sport</a></li></ul></nav>\
             <article><h1>Bridge approved</h1>{}</article><footer><p>Contact us</p></footer></body>",
            format!("<p>{para}</p>").repeat(4)
        );
        let (text, f) = Cleaner::new().line_features_html(&html);
        let line = |needle: &str| text.lines().position(|l| l.contains(needle)).expect(needle);
        let (home, title, first, footer) = (line("Home"), line("Bridge"), line("council"), line("Contact"));
        // The four paragraphs share one shape (their nth-of-type numbers differ), the three menu
        // items another, all link text.
        assert_eq!(f.get(first, "dom_shape_lines"), Some(4f32.ln_1p()));
        assert_eq!(f.get(home, "dom_shape_lines"), Some(3f32.ln_1p()));
        assert_eq!(f.get(home, "dom_shape_link_share"), Some(1.0));
        assert_eq!(f.get(first, "dom_shape_link_share"), Some(0.0));
        let words = f.get(first, "dom_shape_words").unwrap();
        assert!(words > 0.8 && words < 1.0, "{words}");
        // Inside <article>; the menu and the footer are not.
        assert_eq!(f.get(first, "dom_content_hint"), Some(1.0));
        assert_eq!(f.get(title, "dom_content_hint"), Some(1.0));
        assert_eq!(f.get(home, "dom_content_hint"), Some(0.0));
        assert_eq!(f.get(footer, "dom_content_hint"), Some(0.0));
        // The title and the paragraphs have one parent shape (the article's children).
        assert_eq!(f.get(title, "dom_parent_words"), f.get(first, "dom_parent_words"));
        // The content root (the article) holds all but the menu's and the footer's words.
        let root = f.get(first, "dom_root_share").unwrap();
        assert!(root > 0.8 && root < 1.0 && f.get(home, "dom_root_share") == Some(root), "{root}");
        // Plain text has no markup: the columns are 0.
        let plain = Cleaner::new().line_features(PAGE);
        assert!(plain.rows.chunks(WIDTH).all(|row| row[SHAPE..SHAPE + 6].iter().all(|v| *v == 0.0)));
    }

    #[test]
    fn the_schema_hash_follows_the_names_and_version() {
        let a = schema_hash(&["words", "chars"], 1);
        assert_eq!(a, schema_hash(&["words", "chars"], 1), "stable");
        assert_ne!(a, schema_hash(&["words", "char"], 1));
        assert_ne!(a, schema_hash(&["wordsc", "hars"], 1), "names are delimited");
        assert_ne!(a, schema_hash(&["chars", "words"], 1), "order counts");
        assert_ne!(a, schema_hash(&["words", "chars"], 2));
        // FNV-1a of nothing but the version's four zero bytes, written out (xor with zero is
        // the identity).
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for _ in 0..4 {
            h = h.wrapping_mul(0x100_0000_01b3);
        }
        assert_eq!(schema_hash(&[], 0), h);
        // FNV-1a's published value for the one byte "a".
        let a_byte = (0xcbf2_9ce4_8422_2325u64 ^ 0x61).wrapping_mul(0x100_0000_01b3);
        assert_eq!(a_byte, 0xaf63_dc4c_8601_ec8c);
        assert_eq!(Cleaner::new().line_features("x").schema_hash, schema_hash(&NAMES, VERSION));
    }

    #[test]
    fn a_traced_run_cleans_as_a_plain_run() {
        // Every line the cleaner removes was removed by a rule or proposed (or the scorer's
        // own); the features are read before the scorer decides, and reading them changes
        // nothing.
        let cleaner = Cleaner::new();
        let plain = cleaner.clean(PAGE);
        let f = cleaner.line_features(PAGE);
        let doc = unclutter_text::Document::parse(PAGE, None);
        for (i, seg) in doc.segments.iter().enumerate() {
            let removal = plain.removals().iter().find(|r| r.span() == seg.full());
            let flagged = f.row(i)[REMOVED..PROPOSED + 3].contains(&1.0);
            if flagged && f.get(i, "proposed_header") == Some(0.0) && f.get(i, "proposed_footer") == Some(0.0) {
                assert!(removal.is_some(), "line {i} was removed by a rule");
            }
            if let Some(r) = removal {
                assert!(flagged || r.rule().code() == "LAY002", "line {i}: {r:?}");
            }
        }
        assert_eq!(cleaner.clean(PAGE).removals(), plain.removals(), "a traced run leaves no state behind");
    }
}
