//! Training support for a learned line scorer: a fixed-length vector of `f32` features for every
//! line of a text, from the evidence the pipeline already computes (the phrase and line rules'
//! verdicts, the input's evidence, the structural analysis, today's full run).
//!
//! One implementation serves training (`unclutter-eval`'s `features` example writes them out)
//! and, later, inference; [`LineFeatures::schema_hash`] ties a model file to the columns it was
//! trained on. The columns are listed, each with its meaning, in [`NAMES`].

use unclutter_text::language::Language;
use unclutter_text::words::{capitalised, ends_like_sentence};
use unclutter_text::Document;

use crate::analysis::LineClass;
use crate::input_kind::{is_menu_item, sample};
use crate::meta::Category;
use crate::pipeline::Trace;

/// The version of the feature schema: bump it when a column's meaning changes but not its name.
pub(crate) const VERSION: u32 = 1;

/// Lines on each side of a line that its window features sum over (non-blank lines only).
const WINDOW: usize = 3;

/// The columns, in order. Counts are `ln(1 + n)`; flags are 0 or 1; shares are 0..=1.
///
/// | column | meaning |
/// |---|---|
/// | `is_blank` | the line holds only white space |
/// | `words` | words of the line (CJK counted as the analysis counts them), log1p |
/// | `chars` | characters of the trimmed line, log1p |
/// | `stop_share` | share of its words that are stop words of the document's language |
/// | `ends_sentence` | it ends like a sentence (`.`, `!`, `?`, maybe in closing quotes) |
/// | `bullet` | it opens with a list bullet (`* `, `• `, `· `, `+ `, `- `) |
/// | `digit_share` | share of its non-space characters that are digits |
/// | `cap_share` | share of its words that open with a capital or a digit |
/// | `menu_item` | 1 to 4 words, letters only, no stop word (as the input's evidence counts) |
/// | `class_empty`, `class_prose`, `class_sentence`, `class_fragment` | the structural analysis's class of the line (after the phrase and line stages), one-hot |
/// | `in_region` | the line lies inside the analysis's article region |
/// | `repeated` | a long line the page repeats (a caption) |
/// | `position` | the line's index over the number of lines (0..1) |
/// | `prose_before` | share of the document's prose words (class prose) in lines before it |
/// | `early_<category>` | a markup, phrase or line rule removed it whole, one flag per category |
/// | `full_bpl001`, `full_bpl002`, `full_bpl003` | today's full run removed it as a page header, page footer, article tail |
/// | `full_removed` | today's full run removed it whole (any rule) |
/// | `win_prose` | prose-class lines among it and the 3 non-blank lines on each side |
/// | `win_menu` | menu items in that window |
/// | `win_words` | words in that window, log1p |
/// | `doc_lines`, `doc_menu_items`, `doc_longest_menu_run`, `doc_furniture`, `doc_prose_lines` | the input's evidence (non-blank lines, menu items, the longest run of them, furniture lines, prose lines), log1p |
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
    "early_navigation",
    "early_share",
    "early_byline",
    "early_media",
    "early_timestamp",
    "early_promo",
    "early_related",
    "early_source",
    "early_legal",
    "early_ads",
    "early_boilerplate",
    "early_layout",
    "full_bpl001",
    "full_bpl002",
    "full_bpl003",
    "full_removed",
    "win_prose",
    "win_menu",
    "win_words",
    "doc_lines",
    "doc_menu_items",
    "doc_longest_menu_run",
    "doc_furniture",
    "doc_prose_lines",
];

/// Number of columns.
pub const WIDTH: usize = 41;

// Column indices of the features filled in more than one place.
const WORDS: usize = 1;
const MENU_ITEM: usize = 8;
const CLASS: usize = 9;
const PROSE_BEFORE: usize = 16;
const EARLY: usize = 17;
const FULL: usize = 29;
const WIN: usize = 33;
const DOC: usize = 36;

/// The features of every line (segment) of one text, row-major: training support for a learned
/// line scorer, not part of cleaning. Row `i` describes segment `i` of
/// `unclutter_text::Document::parse(input, None)`; [`NAMES`] documents the columns.
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
    /// The features, one row of `names.len()` values per line.
    pub rows: Vec<f32>,
    /// A stable hash of the column names and the schema's version (FNV-1a), for a model file to
    /// be checked against.
    pub schema_hash: u64,
}

impl LineFeatures {
    /// Number of lines (rows).
    pub fn len(&self) -> usize {
        self.rows.len() / self.names.len()
    }

    /// True when the text has no line.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The features of line `i`.
    pub fn row(&self, i: usize) -> &[f32] {
        &self.rows[i * self.names.len()..(i + 1) * self.names.len()]
    }

    /// The feature `name` of line `i`, if there is such a column.
    pub fn get(&self, i: usize, name: &str) -> Option<f32> {
        let column = self.names.iter().position(|n| *n == name)?;
        Some(self.row(i)[column])
    }
}

/// FNV-1a (64 bits) of the schema's version and its column names, each name ended by a zero byte.
pub(crate) fn schema_hash(names: &[&str], version: u32) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let bytes = version.to_le_bytes().into_iter().chain(names.iter().flat_map(|n| n.bytes().chain([0])));
    bytes.fold(OFFSET, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(PRIME))
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

/// The flag column of a category among the `early_` columns.
fn category_column(category: Category) -> usize {
    EARLY + Category::ALL.iter().position(|c| *c == category).expect("every category is listed")
}

/// The features of every segment of `doc`, from what a traced run knew of it.
pub(crate) fn compute(doc: &Document<'_>, trace: &Trace) -> LineFeatures {
    let n = doc.segments.len();
    let mut rows = vec![0.0f32; n * WIDTH];
    let language = Language::detect(&sample(doc));
    let mut buf = String::new();
    let analysis = &trace.analysis;
    let evidence = &trace.evidence;
    let doc_columns = [
        log1p(evidence.lines),
        log1p(evidence.menu_lines),
        log1p(evidence.longest_menu_run),
        log1p(evidence.furniture_lines),
        log1p(evidence.prose_lines),
    ];

    // Per line; with the sums the window and position features need, over non-blank lines.
    let mut words_of = Vec::with_capacity(n);
    let mut total_prose_words = 0usize;
    for (i, seg) in doc.segments.iter().enumerate() {
        let row = &mut rows[i * WIDTH..(i + 1) * WIDTH];
        let blank = seg.is_blank();
        let trim = doc.text(seg.trim);
        let core = doc.text(seg.core);
        let stats = if blank { Default::default() } else { language.stop_stats(core, &mut buf) };
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
        row[0] = flag(blank);
        row[WORDS] = log1p(words);
        row[2] = log1p(trim.chars().count());
        row[3] = share(stats.stop, stats.words);
        row[4] = flag(ends_like_sentence(trim));
        row[5] = flag(["* ", "• ", "· ", "+ ", "- "].iter().any(|b| trim.starts_with(b)));
        row[6] = share(digits, visible);
        row[7] = share(capitals, spaced);
        row[MENU_ITEM] = flag(menu_item);
        let class = analysis.class[i];
        let class_at = match class {
            LineClass::Empty => 0,
            LineClass::Prose => 1,
            LineClass::Sentence => 2,
            LineClass::Fragment => 3,
        };
        row[CLASS + class_at] = 1.0;
        row[13] = flag(analysis.region.contains(&i));
        row[14] = flag(analysis.repeated[i]);
        row[15] = share(i, n.saturating_sub(1).max(1));
        if let Some(rule) = trace.early[i] {
            row[category_column(rule.category())] = 1.0;
        }
        if let Some(rule) = trace.full[i] {
            row[FULL + 3] = 1.0;
            for (k, code) in ["BPL001", "BPL002", "BPL003"].into_iter().enumerate() {
                if rule.code() == code {
                    row[FULL + k] = 1.0;
                }
            }
        }
        row[DOC..DOC + doc_columns.len()].copy_from_slice(&doc_columns);
        if class == LineClass::Prose {
            total_prose_words += words;
        }
        words_of.push(words);
    }

    // The share of prose words before each line, and the windows over non-blank lines: prefix
    // sums by rank among the non-blank lines.
    let mut prose_before = 0usize;
    let mut sums: Vec<[usize; 3]> = Vec::with_capacity(n + 1);
    sums.push([0; 3]);
    for (i, seg) in doc.segments.iter().enumerate() {
        rows[i * WIDTH + PROSE_BEFORE] = share(prose_before, total_prose_words);
        let prose = analysis.class[i] == LineClass::Prose;
        if prose {
            prose_before += words_of[i];
        }
        if !seg.is_blank() {
            let last = *sums.last().expect("starts with zeros");
            let menu = rows[i * WIDTH + MENU_ITEM] == 1.0;
            sums.push([last[0] + usize::from(prose), last[1] + usize::from(menu), last[2] + words_of[i]]);
        }
    }
    let ranked = sums.len() - 1;
    let mut rank = 0usize; // non-blank lines before line i
    for (i, seg) in doc.segments.iter().enumerate() {
        let own = usize::from(!seg.is_blank());
        let (from, to) = (rank.saturating_sub(WINDOW), (rank + own + WINDOW).min(ranked));
        let row = &mut rows[i * WIDTH..(i + 1) * WIDTH];
        row[WIN] = (sums[to][0] - sums[from][0]) as f32;
        row[WIN + 1] = (sums[to][1] - sums[from][1]) as f32;
        row[WIN + 2] = log1p(sums[to][2] - sums[from][2]);
        rank += own;
    }
    LineFeatures { names: &NAMES, rows, schema_hash: schema_hash(&NAMES, VERSION) }
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
        assert_eq!(NAMES[WORDS], "words");
        assert_eq!(NAMES[MENU_ITEM], "menu_item");
        assert_eq!(NAMES[CLASS], "class_empty");
        assert_eq!(NAMES[PROSE_BEFORE], "prose_before");
        assert_eq!(NAMES[FULL], "full_bpl001");
        assert_eq!(NAMES[FULL + 3], "full_removed");
        assert_eq!(NAMES[WIN], "win_prose");
        assert_eq!(NAMES[DOC], "doc_lines");
        for category in Category::ALL {
            assert_eq!(NAMES[category_column(category)], format!("early_{}", category.as_str()));
        }
    }

    #[test]
    fn one_row_per_segment() {
        let features = Cleaner::new().line_features(PAGE);
        assert_eq!(features.len(), Document::parse(PAGE, None).segments.len());
        assert_eq!(features.rows.len(), features.len() * WIDTH);
        assert!(features.rows.iter().all(|v| v.is_finite()));
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
        assert_eq!(f.get(5, "class_empty"), Some(1.0));
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
        assert_eq!(f.get(0, "early_navigation"), Some(1.0));
        assert_eq!(f.get(0, "full_removed"), Some(1.0));
        assert_eq!(f.get(7, "early_navigation"), Some(0.0));
        assert_eq!(f.get(7, "full_removed"), Some(0.0));
        // Today's structural rules take the menus as the page's header and footer.
        assert_eq!(f.get(2, "full_bpl001"), Some(1.0));
        assert_eq!(f.get(12, "full_bpl002"), Some(1.0));
        assert_eq!(f.get(2, "early_navigation"), Some(0.0), "the menu is left to the structure");
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
        // The blank line 5 sees Home..Weather before it and the title and two prose lines after.
        assert_eq!(f.get(5, "win_prose"), Some(2.0));
        let lines = f.get(0, "doc_lines").unwrap();
        assert_eq!(lines, (13.0f32).ln_1p());
        assert!(f.rows.chunks(WIDTH).all(|row| row[DOC] == lines));
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
        let cleaner = Cleaner::new();
        let plain = cleaner.clean(PAGE);
        let f = cleaner.line_features(PAGE);
        let doc = Document::parse(PAGE, None);
        for (i, seg) in doc.segments.iter().enumerate() {
            let removed = plain.removals().iter().any(|r| r.span() == seg.full);
            assert_eq!(f.get(i, "full_removed") == Some(1.0), removed, "line {i}");
        }
    }
}
