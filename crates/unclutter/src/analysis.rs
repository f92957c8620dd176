//! The structural analysis behind the boilerplate rules: each line classed by language-aware
//! evidence, and the article region found as the densest run of body lines.
//!
//! Classes: a *good* line reads like article prose (long enough, enough stop words of the
//! document's language, not a cut-off teaser); a *near* line is a shorter sentence; a *short*
//! line is neither (menu items, link lists, teaser headlines). The region is the run of lines
//! with the largest score, good lines scoring their length and short lines a penalty (the
//! maximum-sum run of body text extraction); it then takes in the sentences right beside it and
//! the title above it.

use std::cell::Cell;
use std::sync::Arc;

use unclutter_text::language::{Language, Stats};
use unclutter_text::words::{ends_like_sentence, word_count};
use unclutter_text::Document;

use crate::config::Bias;

/// How a line reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    /// Blank, or removed by an earlier decision: no evidence either way.
    Skip,
    /// Article prose.
    Good,
    /// A shorter sentence.
    Near,
    /// A menu item, link, heading or teaser.
    Short,
}

/// The result for one document.
#[derive(Debug)]
pub(crate) struct Analysis {
    pub class: Vec<Class>,
    pub stats: Vec<Stats>,
    /// Long lines the page repeats (a gallery's captions): never article prose.
    pub repeated: Vec<bool>,
    /// The article region, `start..end` in segments; empty when no line reads as article prose.
    pub start: usize,
    pub end: usize,
    /// Words of the good lines in the region.
    pub good_words: usize,
    /// The zones before and after the region hold enough short lines to be a page's header
    /// and footer (a few headings around an article are not).
    pub header_is_page: bool,
    pub footer_is_page: bool,
}

impl Analysis {
    pub fn has_region(&self) -> bool {
        self.start < self.end
    }

    /// The evidence against a zone of lines outside the region, as one shared reason: how many
    /// lines it holds, how many are short, and its share of stop words.
    pub fn zone_reason(&self, what: &str, zone: std::ops::Range<usize>) -> Arc<str> {
        let lines = zone.clone().filter(|&i| self.class[i] != Class::Skip).count();
        let short = zone.clone().filter(|&i| self.class[i] == Class::Short).count();
        let (words, stop) = zone.map(|i| self.stats[i]).fold((0, 0), |(w, s), st| (w + st.words, s + st.stop));
        let stop_share = if words == 0 { 0.0 } else { stop as f64 * 100.0 / words as f64 };
        format!(
            "{what} the article (lines {}-{}): {lines} lines, {short} of them short, {stop_share:.0}% stop words",
            self.start + 1,
            self.end
        )
        .into()
    }
}

/// Thresholds, by bias.
struct Knobs {
    /// Shortest good line, in words.
    good_words: usize,
    /// Least share of stop words in a good line (when the language has a list).
    good_stop: f64,
    /// Penalty of a short line: `base + words / 2`, times `weight`.
    penalty_weight: f64,
    /// A further block of prose joins the region when its words reach this share of the
    /// penalty of the short lines between (0: never).
    bridge: f64,
    /// Fewest short lines that make the zone before or after the region a page header or footer.
    zone_lines: usize,
    /// Most short lines a bridge may cross: more is a menu, the edge of the article.
    bridge_lines: usize,
    /// A run of this many menu-like lines is a wall: the region never spans it.
    wall_lines: usize,
    /// Least words of prose in a block that a bridge reaches (one teaser blurb is not a block).
    bridge_block: f64,
}

fn knobs(bias: Bias) -> Knobs {
    match bias {
        Bias::Precision => Knobs {
            good_words: 12,
            good_stop: 0.25,
            penalty_weight: 1.5,
            bridge: 1.0,
            zone_lines: 1,
            bridge_lines: 2,
            wall_lines: 3,
            bridge_block: 40.0,
        },
        Bias::Balanced => Knobs {
            good_words: 10,
            good_stop: 0.2,
            penalty_weight: 1.0,
            bridge: 0.5,
            zone_lines: 2,
            bridge_lines: 4,
            wall_lines: 12,
            bridge_block: 15.0,
        },
        Bias::Recall => Knobs {
            good_words: 8,
            good_stop: 0.15,
            penalty_weight: 0.6,
            bridge: 0.25,
            zone_lines: 5,
            bridge_lines: 8,
            wall_lines: 8,
            bridge_block: 20.0,
        },
    }
}

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

/// A line of this many words or more that occurs `REPEATS` times reads as a caption, not prose.
const REPEAT_WORDS: usize = 6;
const REPEATS: u32 = 3;
/// Characters of a line that say it repeats another.
const REPEAT_KEY_CHARS: usize = 60;

/// Fewest words of an item of a list the article introduces with a colon.
const LIST_ITEM_WORDS: usize = 5;

/// Bytes of long lines handed to language detection.
const SAMPLE_BYTES: usize = 512;

/// Analyses the lines of `doc` that are kept so far (`removed(i)` is true for a line an earlier
/// decision removed: it is looked through, as it is gone from the output). The language is
/// detected on the first call and kept in `cached`; `steps` counts the work done.
pub(crate) fn analyse(
    doc: &Document<'_>,
    removed: impl Fn(usize) -> bool,
    bias: Bias,
    steps: &Cell<u64>,
    cached: &mut Option<Language>,
) -> Analysis {
    let k = knobs(bias);
    let n = doc.segments.len();
    // Each pass below visits every line a bounded number of times; the bridges count their own.
    steps.set(steps.get() + 8 * n as u64);
    let live = |i: usize| !doc.segments[i].is_blank() && !removed(i);

    // The language is detected once per document, in the first round that needs it.
    let language = *cached.get_or_insert_with(|| {
        let mut sample = String::new();
        for i in (0..n).filter(|&i| live(i)) {
            let t = doc.text(doc.segments[i].trim);
            if t.len() >= 60 {
                sample.push_str(t);
                sample.push('\n');
                if sample.len() >= SAMPLE_BYTES {
                    break;
                }
            }
        }
        Language::detect(&sample)
    });
    let has_list = language.code.is_some_and(|c| !matches!(c, "zh" | "ja"));

    let mut buf = String::new();
    // A menu item: a short line of a few words with no stop word and no digit. List items of
    // an article (ingredients, figures) carry stop words or numbers.
    let mut menu_like = vec![false; n];
    let mut class = vec![Class::Skip; n];
    let mut stats = vec![Stats::default(); n];
    for i in (0..n).filter(|&i| live(i)) {
        stats[i] = language.stop_stats(doc.text(doc.segments[i].core), &mut buf);
    }
    // Hard-wrapped prose: a line that opens in lower case right after a line of five or more
    // words that ends mid-sentence continues its paragraph. Paragraphs are judged whole.
    // Lines removed by other rules are looked through: they are gone from the output.
    let mut groups: Vec<(usize, usize)> = Vec::new();
    let mut above: Option<usize> = None;
    for i in 0..n {
        if removed(i) {
            continue;
        }
        let kept_above = above.replace(i);
        if !live(i) {
            continue;
        }
        let continues = groups.last().is_some_and(|&(from, to)| {
            let prev = to - 1;
            let trim = doc.text(doc.segments[i].trim);
            kept_above == Some(prev)
                && stats[prev].length() >= 5
                && stats[i].length() >= 5
                && !ends_like_sentence(doc.text(doc.segments[prev].trim))
                && trim.starts_with(char::is_lowercase)
                && from <= prev
        });
        match groups.last_mut() {
            Some(g) if continues => g.1 = i + 1,
            _ => groups.push((i, i + 1)),
        }
    }
    // A long line that the page repeats three times or more is a caption of a gallery or a
    // headline of a teaser, shown again and again; an article says a thing once (a lede may
    // come twice, with the page's description).
    let mut seen: std::collections::HashMap<&str, u32> = std::collections::HashMap::new();
    let mut repeated = vec![false; n];
    // Lines are compared by their first characters: a caption comes whole and cut off ("...").
    let repeat_key = |i: usize| {
        let t = doc.text(doc.segments[i].trim).trim_start_matches(['*', '•', '·', '+', '-', ' ']);
        let cut = t.char_indices().nth(REPEAT_KEY_CHARS).map_or(t.len(), |(at, _)| at);
        &t[..cut]
    };
    let mut long_lines = 0;
    for &(from, to) in &groups {
        if to - from == 1 && stats[from].length() >= REPEAT_WORDS {
            *seen.entry(repeat_key(from)).or_default() += 1;
            long_lines += 1;
        }
    }
    // When most long lines repeat, the page shows its article more than once (an extractor
    // that took it three times): that is no gallery, and nothing counts as repeated.
    let repeating: usize = seen.values().filter(|&&n| n >= REPEATS).map(|&n| n as usize).sum();
    if repeating * 2 >= long_lines {
        seen.clear();
    }
    for &(from, to) in &groups {
        let mut s = Stats::default();
        for st in &stats[from..to] {
            s.words += st.words;
            s.stop += st.stop;
            s.cjk += st.cjk;
        }
        let first = doc.text(doc.segments[from].trim);
        let trim = doc.text(doc.segments[to - 1].trim);
        let length = s.length();
        let truncated = trim.ends_with("..") || trim.ends_with('…') || ends_with_teaser_link(trim);
        let bullet = ["* ", "• ", "· ", "+ ", "- "].iter().any(|b| first.starts_with(b));
        let sentence = ends_like_sentence(trim) || trim.ends_with(['。', '！', '？', '」', '”']);
        let cjk = s.cjk > s.words;
        // Clauses apart by commas, or by spaces as many writers of Chinese set them (Korean
        // puts spaces between words, so there a space says nothing).
        let hangul = || trim.chars().any(|c| ('\u{ac00}'..='\u{d7a3}').contains(&c));
        let clauses = trim.contains(['，', '、', '。']) || (trim.contains([' ', '\u{3000}']) && !hangul());
        let good = if truncated {
            false
        } else if cjk {
            s.cjk >= 2 * k.good_words + 10 && (sentence || clauses)
        } else if has_list {
            length >= k.good_words && s.stop_ratio() >= k.good_stop && !(bullet && length < 2 * k.good_words)
        } else {
            length >= k.good_words && (sentence || length >= 2 * k.good_words) && !bullet
        };
        let is_repeated = to - from == 1 && seen.get(repeat_key(from)).is_some_and(|&n| n >= REPEATS);
        repeated[from] = is_repeated;
        let c = if good && !is_repeated {
            Class::Good
        } else if !truncated && length >= 1 && sentence && !bullet {
            Class::Near
        } else if cjk && !truncated && !bullet && s.cjk >= 2 * k.good_words && clauses {
            // A shorter line of clauses in a script without word spaces.
            Class::Near
        } else {
            Class::Short
        };
        // Every line of a paragraph takes its class; the first carries its length.
        class[from..to].fill(c);
        // Words only: code ("avg(n)", "FROM t;") and figures are not menus.
        let words_only = first.chars().all(|c| c.is_alphabetic() || c.is_whitespace() || "&'’-–|/·•*+".contains(c));
        menu_like[from] = c == Class::Short && length <= 4 && s.stop == 0 && words_only;
        for i in from + 1..to {
            stats[from].words += stats[i].words;
            stats[from].stop += stats[i].stop;
            stats[from].cjk += stats[i].cjk;
            stats[i] = Stats::default();
        }
    }

    // Walls: runs of menu-like lines (menus, tag lists, footers of links) that no region spans.
    let mut wall = vec![false; n];
    let mut run: Vec<usize> = Vec::new();
    for i in (0..=n).filter(|&i| i == n || class[i] != Class::Skip) {
        if i < n && menu_like[i] {
            run.push(i);
            continue;
        }
        if run.len() >= k.wall_lines {
            for &j in &run {
                wall[j] = true;
            }
        }
        run.clear();
    }

    // A good line between two short lines is a blurb more often than a paragraph: articles come
    // in runs of paragraphs. Such lines count half.
    let live_idx: Vec<usize> = (0..n).filter(|&i| class[i] != Class::Skip).collect();
    let mut isolated = vec![false; n];
    for w in live_idx.windows(3) {
        isolated[w[1]] = class[w[1]] == Class::Good && class[w[0]] == Class::Short && class[w[2]] == Class::Short;
    }

    // The maximum-sum run: good lines add their length, short lines subtract a penalty, near
    // lines count nothing; blank and removed lines are transparent, walls impassable.
    let score = |i: usize| -> f64 {
        if wall[i] {
            return -1e9;
        }
        match class[i] {
            Class::Good if isolated[i] => stats[i].length() as f64 / 2.0,
            Class::Good => stats[i].length() as f64,
            Class::Near | Class::Skip => 0.0,
            Class::Short if menu_like[i] => -(2.0 + stats[i].length() as f64 / 2.0) * k.penalty_weight,
            Class::Short => -(1.0 + stats[i].length() as f64 / 4.0) * k.penalty_weight,
        }
    };
    let (mut best, mut best_range) = (0.0, (0, 0));
    let (mut sum, mut from) = (0.0, 0);
    for (i, &c) in class.iter().enumerate() {
        if c == Class::Skip {
            continue;
        }
        if sum <= 0.0 {
            sum = 0.0;
            from = i;
        }
        sum += score(i);
        if sum > best {
            best = sum;
            best_range = (from, i + 1);
        }
    }
    let (mut start, mut end) = best_range;
    if start < end && k.bridge > 0.0 {
        let lines = Lines { class: &class, menu_like: &menu_like, wall: &wall };
        end = bridge(&lines, &score, start, end, &k, true, steps);
        start = bridge(&lines, &score, start, end, &k, false, steps);
    }
    if start < end {
        // Take in the sentences beside the region, and up to two title lines just above it.
        let sentence_like = |i: usize| class[i] == Class::Near || class[i] == Class::Good;
        let mut titles = 0;
        let mut j = start;
        while j > 0 {
            let i = j - 1;
            if class[i] == Class::Skip {
                j -= 1;
                continue;
            }
            let trim = doc.text(doc.segments[i].trim);
            // A title stands apart: the line right above it is blank or not a short line (the
            // last item of a menu run sits right under the one before).
            // Lines that other rules removed are looked through: they are gone from the output.
            let above = (0..i).rev().find(|&j| !removed(j));
            let short_line = |j: usize| !doc.segments[j].is_blank() && class[j] == Class::Short;
            // ... or the two lines together stand apart: a title and its byline or dek.
            let pair_apart = titles == 0
                && above.is_some_and(|j| (0..j).rev().find(|&k| !removed(k)).is_none_or(|k| !short_line(k)));
            let in_run = above.is_some_and(short_line) && !pair_apart;
            let title = titles < 2 && !in_run && !repeated[i] && !trim.starts_with("* ") && word_count(trim) <= 30;
            if sentence_like(i) {
                start = i;
            } else if title {
                titles += 1;
                start = i;
            } else {
                break;
            }
            j -= 1;
        }
        // Forwards: sentences, and a heading when a sentence follows it (a subheading).
        loop {
            while end < n && (class[end] == Class::Skip || sentence_like(end)) {
                end += 1;
            }
            let heading = |i: usize| {
                let trim = doc.text(doc.segments[i].trim);
                class[i] == Class::Short
                    && stats[i].length() <= 8
                    && !trim.starts_with(['*', '•', '·'])
                    && !trim.ends_with("..")
                    && !trim.ends_with('…')
            };
            let next = (end + 1..n).find(|&i| class[i] != Class::Skip);
            // A list the article introduces ("The game includes:"): items with words of
            // their own, not menu entries.
            let item = |i: usize| {
                let trim = doc.text(doc.segments[i].trim);
                let marked = ["* ", "• ", "· ", "+ ", "- "].iter().any(|b| trim.starts_with(b))
                    || trim
                        .split_once(". ")
                        .is_some_and(|(n, _)| !n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit()));
                class[i] == Class::Short
                    && marked
                    && stats[i].length() >= LIST_ITEM_WORDS
                    && stats[i].stop > 0
                    && !trim.ends_with("..")
                    && !trim.ends_with('…')
            };
            // Or rows of figures or dates ("June 9 -- Coral Sky Amphitheatre, West Palm Beach").
            let row = |i: usize| {
                let trim = doc.text(doc.segments[i].trim);
                class[i] != Class::Skip
                    && (3..=25).contains(&stats[i].length())
                    && trim.bytes().any(|b| b.is_ascii_digit())
                    && !trim.ends_with("..")
                    && !trim.ends_with('…')
            };
            let item = |i: usize| item(i) || row(i);
            let last = (start..end).rev().find(|&i| class[i] != Class::Skip);
            let intro = |i: usize| doc.text(doc.segments[i].trim).ends_with(':');
            if end < n && item(end) && last.is_some_and(intro) {
                while end < n && (class[end] == Class::Skip || item(end)) {
                    end += 1;
                }
            } else if end < n && heading(end) && intro(end) && next.is_some_and(item) {
                end = next.expect("checked");
                while end < n && (class[end] == Class::Skip || item(end)) {
                    end += 1;
                }
            } else if end < n && heading(end) && next.is_some_and(sentence_like) {
                end = next.expect("checked") + 1;
            } else {
                break;
            }
        }
        // Trailing blank or removed lines are not part of the region.
        while end > start && class[end - 1] == Class::Skip {
            end -= 1;
        }
    }
    let good_words = (start..end).filter(|&i| class[i] == Class::Good).map(|i| stats[i].length()).sum();
    // A page's header and footer hold menu items; an extracted article's first and last lines
    // (a kicker, a list, a credit) do not, and stay.
    let menu_lines = |range: std::ops::Range<usize>| range.filter(|&i| menu_like[i]).count();
    let header_is_page = menu_lines(0..start) >= k.zone_lines;
    let footer_is_page = menu_lines(end..n) >= k.zone_lines;
    Analysis { good_words, header_is_page, footer_is_page, class, stats, repeated, start, end }
}

/// Widens `start..end` over further blocks of prose, forwards or backwards: a block joins when
/// its score reaches a share of the penalty of the few short lines between. Returns the new edge.
/// Per-line evidence the bridges read.
struct Lines<'a> {
    class: &'a [Class],
    menu_like: &'a [bool],
    wall: &'a [bool],
}

fn bridge(
    lines: &Lines<'_>,
    score: &dyn Fn(usize) -> f64,
    start: usize,
    end: usize,
    k: &Knobs,
    forward: bool,
    steps: &Cell<u64>,
) -> usize {
    let share = k.bridge;
    let Lines { class, menu_like, wall } = *lines;
    let n = class.len();
    let mut edge = if forward { end } else { start };
    loop {
        let mut gap = 0.0;
        let mut gap_lines = 0;
        let mut gain = 0.0;
        let mut reach = edge;
        let mut in_block = false;
        let step = |i: usize| if forward { (i < n).then_some(i + 1) } else { i.checked_sub(1) };
        let mut i = edge;
        loop {
            let at = if forward { i } else { i.wrapping_sub(1) };
            if (forward && at >= n) || (!forward && i == 0) {
                break;
            }
            steps.set(steps.get() + 1);
            if wall[at] {
                break;
            }
            let s = score(at);
            match class[at] {
                Class::Skip | Class::Near => {}
                Class::Good => {
                    in_block = true;
                    gain += s;
                    reach = if forward { at + 1 } else { at };
                }
                Class::Short if in_block => break,
                Class::Short => {
                    gap -= s;
                    // Backwards, toward the title, an article's own lists (ingredients,
                    // figures) are crossed and only menu items count; forwards, toward comment
                    // sections and teaser blocks, every short line counts.
                    gap_lines += usize::from(forward || menu_like[at]);
                    if gap_lines > if forward { 2 * k.bridge_lines + 2 } else { k.bridge_lines } {
                        break;
                    }
                }
            }
            match step(i) {
                Some(next) => i = next,
                None => break,
            }
        }
        if !in_block || gain < share * gap || gain < k.bridge_block {
            return edge;
        }
        edge = reach;
    }
}
