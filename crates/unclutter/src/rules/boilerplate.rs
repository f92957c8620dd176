//! Boilerplate: the page around the article, found by structure rather than by phrases.

use std::sync::LazyLock;

use regex::Regex;

use unclutter_text::words::words_at_most;
use unclutter_text::Document;

use crate::analysis::{Analysis, LineClass};
use crate::config::InputKind;
use crate::context::Context;
use crate::input_kind::InputEvidence;
use crate::rule::{declare_rule, Action, Phrases};
use crate::vocabulary;

declare_rule! {
    /// ## What it removes
    /// Every line before the article region of a whole-page dump: site name, menus, sign-in
    /// and search links, breadcrumbs, banners. The region is the densest run of lines that read
    /// like article prose (length, share of stop words of the page's language, sentence
    /// punctuation), widened to the sentences beside it and the title and standfirst above it.
    /// The lines are proposed: each goes when the content scorer gives it a low score (the
    /// model is below).
    ///
    /// ## Why
    /// A text dump of a whole page starts with its header; none of it is the article.
    ///
    /// ## Example
    /// ```text
    /// News                                  <- removed
    /// Politics                              <- removed
    /// Sign in                               <- removed (NAV002)
    /// Council approves the bridge
    /// The council voted 7-2 on Tuesday to fund the new bridge across the river.
    /// ```
    ///
    /// ## Known false positives
    /// A short article whose first lines are a list without sentences (a recipe's ingredients
    /// above its method) can lose them; nothing is removed when no line reads as prose.
    pub(crate) struct PageHeader {
        code: "BPL001",
        name: "page-header",
        category: Boilerplate,
        summary: "lines before the article region of a whole-page dump (menus, header links)",
        phase: Structure,
        after: [ArticleTail],
        scored: true,
        context: page_header,
    }
}

declare_rule! {
    /// ## What it removes
    /// Every line after the article region of a whole-page dump: teaser lists, footers of
    /// links, social links, legal lines. The lines are proposed: each goes when the content
    /// scorer gives it a low score (the model is below).
    ///
    /// ## Why
    /// A text dump of a whole page ends with its footer; none of it is the article.
    ///
    /// ## Example
    /// ```text
    /// The bridge is due to open in May, the mayor said.
    /// About us                              <- removed
    /// Contact                               <- removed
    /// Privacy policy                        <- removed
    /// ```
    ///
    /// ## Known false positives
    /// A list without sentences that ends an article (production credits, a reading list).
    pub(crate) struct PageFooter {
        code: "BPL002",
        name: "page-footer",
        category: Boilerplate,
        summary: "lines after the article region of a whole-page dump (footer links, teasers)",
        phase: Structure,
        after: [ArticleTail],
        scored: true,
        context: page_footer,
    }
}

declare_rule! {
    /// ## What it removes
    /// The end of the article region from an end-of-article marker on, and all that follows it:
    /// a comment section's heading ("Comments", "12 Comments", "Leave a reply", "Kommentare")
    /// standing after at least half of the article's prose; or a related block's heading
    /// (REL001, REL002: "Related Stories", "More Example Examiner") after at least a quarter of
    /// it (and 60 words), when no two prose lines follow each other after it: a related block
    /// is headlines and lone blurbs, while an inline "Related" box has the article going on below.
    /// A comment section goes whole; a related block's lines are proposed, each going when the
    /// content scorer gives it a low score (the model is below). In HTML a marker in a table
    /// cell, or one that is all link text and no heading (a teaser's "Comment" link to another
    /// page's thread), marks nothing.
    ///
    /// ## Why
    /// Comment sections and related-article blocks are written in full sentences, so they read
    /// like prose; their heading is what tells them apart.
    ///
    /// ## Example
    /// ```text
    /// The bridge is due to open in May, the mayor said.
    /// 3 Comments                            <- removed
    /// I drive over that river every day and this is great news for us.   <- removed
    /// ```
    ///
    /// ## Known false positives
    /// An article whose last section is headed "Comments" or "Reactions".
    pub(crate) struct ArticleTail {
        code: "BPL003",
        name: "article-tail",
        category: Boilerplate,
        summary: "a comment section or related block from its heading to the end of the article",
        phase: Structure,
        phrases: Phrases { max_words: 6, action: Action::Mark },
        patterns: [COMMENT_COUNT, COMMENT_HEADER, COMMENT_META],
        scored: true,
        context: article_tail,
    }
}

declare_rule! {
    /// ## What it removes
    /// On a whole-page dump or an HTML page, a line that no rule proposed and that the content
    /// scorer finds very unlike article text: it scores below the model's second, lower
    /// threshold (`unproposed_threshold`, chosen out of fold; the model is below). This is
    /// what lies inside the article region without reading as it: a menu left between two
    /// paragraphs, a "most read" list, a row of tags. The rule has no check of its own; with
    /// `--scorer none`, or on an already-extracted article, it removes nothing. The article's
    /// outline never goes by it: a heading the markup marks, and in the article region a list's
    /// own heading (the next line a bullet) or a section's heading (a short line between a
    /// finished sentence or list and a paragraph).
    ///
    /// ## Why
    /// The region rules see where the article is; the scorer sees what each line is, with the
    /// evidence around it.
    ///
    /// ## Example
    /// ```text
    /// The council voted 7-2 on Tuesday to fund the new bridge across the river.
    /// Most read                             <- removed
    /// Weather | Traffic | Sport             <- removed
    /// Work starts in March and the bridge is due to open next May, the mayor said.
    /// ```
    ///
    /// ## Known false positives
    /// A short line of the article between lines that look like furniture: a subheading above
    /// a list of links, a table's lone row of figures.
    pub(crate) struct LowContentScore {
        code: "BPL006",
        name: "low-content-score",
        category: Boilerplate,
        summary: "in a whole page, a line no rule proposed that the content scorer scores very low",
        phase: Score,
        scored: true,
    }
}

declare_rule! {
    /// ## What it removes
    /// In HTML mode, every line outside the page's content root: the deepest element that holds
    /// most of the page's prose (at least 70%; an `article`, `main` or `itemprop=articleBody`
    /// element holding half of it is preferred). The lines are proposed: each goes when the HTML
    /// content scorer gives it a low score (the model is below).
    ///
    /// ## Why
    /// The markup tells where the article is; what stands outside it is the page around it.
    ///
    /// ## Example
    /// ```html
    /// <nav>Home News Sport</nav>          <- removed
    /// <article><p>The council voted ...</p></article>
    /// <footer>About us</footer>          <- removed
    /// ```
    ///
    /// ## Known false positives
    /// Article text placed outside the element that holds most of it (a standfirst in the page
    /// header); the title is kept when it is the page's first heading.
    pub(crate) struct OutsideContent {
        code: "BPL004",
        name: "outside-content",
        category: Boilerplate,
        summary: "in HTML, lines outside the content root (the element holding the article's prose)",
        phase: Markup,
        scored: true,
        markup: outside_content,
    }
}

declare_rule! {
    /// ## What it removes
    /// In HTML mode, lines inside page furniture: `nav`, `header`, `footer`, `aside`, `form`,
    /// `button`, or an element whose class, id or role names a share bar, related links,
    /// comments, a newsletter box, a cookie banner, a sidebar, an advert, a caption or credit;
    /// and short lines that are mostly link text. The lines are proposed: each goes when the
    /// HTML content scorer gives it a low score (the model is below).
    ///
    /// ## Why
    /// Sites name their widgets; a short line of links is navigation.
    ///
    /// ## Example
    /// ```html
    /// <div class="share-bar"><a>Facebook</a> <a>Twitter</a></div>   <- removed
    /// ```
    ///
    /// ## Known false positives
    /// Article text inside an element whose class happens to hold a furniture word.
    pub(crate) struct PageFurniture {
        code: "BPL005",
        name: "page-furniture",
        category: Boilerplate,
        summary: "in HTML, lines in navigation, footers, share, comment or related widgets, or mostly links",
        phase: Markup,
        scored: true,
        markup: page_furniture,
    }
}

fn outside_content(cx: &mut Context<'_, '_>) {
    let Some(dom) = cx.dom() else { return };
    let Some(_) = dom.root else { return };
    // The page's first heading above the root is its title: it stays.
    let first_root_line = (0..cx.len()).find(|&i| dom.in_root(i)).unwrap_or(cx.len());
    let title = (0..first_root_line)
        .rev()
        .take(12)
        .find(|&i| dom.path(i).rsplit(" > ").next().is_some_and(|s| s.starts_with("h1")));
    let reason: std::sync::Arc<str> = format!("outside the content root {}", dom.root_path).into();
    for i in 0..cx.len() {
        if !dom.in_root(i) && Some(i) != title {
            cx.remove(i, reason.clone());
        }
    }
}

fn page_furniture(cx: &mut Context<'_, '_>) {
    let Some(dom) = cx.dom() else { return };
    for i in 0..cx.len() {
        let line = &dom.lines[i];
        let linky = line.links_at_least(7) && words_at_most(cx.core(i), 12);
        let why = match dom.furniture(i) {
            Some(what) => Some(what),
            None if linky => Some("links"),
            None => None,
        };
        if let Some(what) = why {
            let reason = match what {
                "links" => "a short line that is mostly link text",
                "nav" => "inside a nav element",
                "header" => "inside a header element",
                "footer" => "inside a footer element",
                "aside" => "inside an aside element",
                "form" => "inside a form",
                _ => "inside an element named as page furniture",
            };
            cx.remove(i, reason);
        }
    }
}

/// Runs of this many menu items are a page's navigation even in text taken for an article.
const OVERWHELMING_MENU_RUN: usize = 12;

/// Most of the text's words a zone of an article may hold and still go.
const ARTICLE_ZONE_SHARE: f64 = 0.3;

/// Whether a page zone before or after the region goes, and what its reason adds to the
/// analysis' own: nothing on a page; on an article (an extractor's output has no header or footer
/// of the page: its first and last lines, a title, a kicker, a list, a credit, stay) only a run
/// of navigation beyond doubt, or a zone that reads as leaked navigation. `None`: it stays.
fn zone_verdict(
    kind: InputKind,
    evidence: &InputEvidence,
    analysis: &Analysis,
    zone: std::ops::Range<usize>,
) -> Option<String> {
    if kind == InputKind::Page {
        return Some(String::new());
    }
    let run = evidence.longest_menu_run;
    if run >= OVERWHELMING_MENU_RUN {
        return Some(format!(
            "; the input is taken for an article, but {run} menu items in a row are a page's navigation"
        ));
    }
    leaked_navigation(analysis, zone).then(|| {
        "; the input reads as an article, and this zone as navigation it leaked (no prose, mostly short lines)"
            .to_string()
    })
}

/// True when a zone at the start or end of an article reads as leaked navigation: no prose line
/// in it, most of its lines short, and at most `ARTICLE_ZONE_SHARE` of the text's words. A list,
/// a table or code the extractor kept has prose around it or is most of the text.
fn leaked_navigation(analysis: &Analysis, zone: std::ops::Range<usize>) -> bool {
    let lines: Vec<usize> = zone.filter(|&i| analysis.class[i] != LineClass::Empty).collect();
    let short = lines.iter().filter(|&&i| analysis.class[i] == LineClass::Fragment).count();
    let prose = lines.iter().any(|&i| analysis.class[i] == LineClass::Prose);
    let words: usize = lines.iter().map(|&i| analysis.word_counts[i].length()).sum();
    let all_words: usize = analysis.word_counts.iter().map(|s| s.length()).sum();
    !lines.is_empty() && !prose && 2 * short >= lines.len() && words as f64 <= ARTICLE_ZONE_SHARE * all_words as f64
}

/// Removes the zone's lines, `what` ("before", "after") the article, with one shared reason.
fn cut_zone(cx: &mut Context<'_, '_>, zone: std::ops::Range<usize>, what: &str, verdict: &str) {
    let analysis = cx.structure();
    let reason: std::sync::Arc<str> = format!("{}{verdict}", analysis.zone_reason(what, zone.clone())).into();
    let lines: Vec<usize> = zone.filter(|&i| analysis.class[i] != LineClass::Empty).collect();
    for i in lines {
        cx.remove(i, reason.clone());
    }
}

fn page_header(cx: &mut Context<'_, '_>) {
    if cx.dom().is_some_and(|d| d.root.is_some()) {
        // In HTML the content root decides the page's zones (BPL004).
        return;
    }
    let (kind, evidence) = (cx.input_kind(), *cx.input_evidence());
    let analysis = cx.structure();
    if !analysis.has_region() {
        return;
    }
    let zone = 0..analysis.region.start;
    let verdict = if analysis.header_is_page { zone_verdict(kind, &evidence, analysis, zone.clone()) } else { None };
    match verdict {
        Some(verdict) => cut_zone(cx, zone, "before", &verdict),
        None => {
            // Not a page's header, but a gallery's captions repeated above the article are
            // proposed (a passage an extractor repeats is not a caption: the scorer decides).
            let analysis = cx.structure();
            let lines: Vec<usize> = zone.filter(|&i| analysis.repeated[i]).collect();
            for i in lines {
                cx.remove(i, "a caption the page repeats three times or more, before the article");
            }
        }
    }
}

fn page_footer(cx: &mut Context<'_, '_>) {
    if cx.dom().is_some_and(|d| d.root.is_some()) {
        return;
    }
    let (kind, evidence) = (cx.input_kind(), *cx.input_evidence());
    let analysis = cx.structure();
    if !analysis.has_region() || !analysis.footer_is_page {
        return;
    }
    let zone = analysis.region.end..analysis.class.len();
    if let Some(verdict) = zone_verdict(kind, &evidence, analysis, zone.clone()) {
        cut_zone(cx, zone, "after", &verdict);
    }
}

/// "Comments", "12 Comments", "Kommentare (3)", "5 commentaires": a comment section's heading,
/// in the languages of the lexicons (word sets `comment-count-leads`, `comment-heads`,
/// `comment-reply-nouns` and `comment-reply-links`).
pub(crate) static COMMENT_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    let leads = vocabulary::COMMENT_COUNT_LEADS.pattern();
    let heads = vocabulary::COMMENT_HEADS.pattern();
    let (nouns, links) = (vocabulary::COMMENT_REPLY_NOUNS.pattern(), vocabulary::COMMENT_REPLY_LINKS.pattern());
    Regex::new(&format!(
        r"(?i)^(?:{leads} )?(?:\d{{1,5}}\s+)?(?:{heads}|{RUSSIAN_COMMENTS})(?:\s*\(\d{{1,5}}\))?:?$|^\d{{1,5}}\s+{nouns}\s+{links}\s.+$"
    ))
    .expect("compiles")
});

/// The Russian heading inflects ("комментарий", "комментариев"): its stem with any run of case
/// endings, which a word set of plain words cannot say.
const RUSSIAN_COMMENTS: &str = "комментари[йяиев]*";

/// A comment's header: "Jane on September 29, 2018 at 12:16 am said:", "* Jane Doe says:"
/// (word sets `comment-dated-links`, `comment-dated-verbs` and `comment-says`; case counts).
pub(crate) static COMMENT_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    let (on, said) = (vocabulary::COMMENT_DATED_LINKS.pattern(), vocabulary::COMMENT_DATED_VERBS.pattern());
    let says = vocabulary::COMMENT_SAYS.pattern();
    Regex::new(&format!(
        r"^(?:[*•]\s*|\d{{1,4}}\.\s*)?\p{{Lu}}[^.!?]*\s{on}\s[^.!?]*\d{{4}}[^!?]*\s{said}\s*:$|^(?:[*•]\s*|\d{{1,4}}\.\s*)?[\p{{L}}\d][\w.'’ -]*\s{says}\s*:$"
    ))
    .expect("compiles")
});

/// Longest comment header ("Jane on September 29, 2018 at 12:16 am said:").
const COMMENT_HEADER_BYTES: usize = 120;

/// True when the line opens a comment section: a comment count ("12 Comments") or the header
/// of a comment.
fn is_comment_marker(trim: &str) -> bool {
    if trim.len() > 200 {
        return false;
    }
    // "[ 167 comments ]": a count in brackets.
    let trim = match trim.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
        Some(inner) => inner.trim(),
        None => trim,
    };
    // A heading is short; only "12 responses to \"...\"" runs longer, and it opens with its count.
    let count_shaped = trim.len() <= 40 || trim.starts_with(|c: char| c.is_ascii_digit());
    (count_shaped && COMMENT_COUNT.is_match(trim))
        || (trim.ends_with(':') && trim.len() <= COMMENT_HEADER_BYTES && COMMENT_HEADER.is_match(trim))
}

/// Fewest repeats of a comment marker on a page that make it a listing's card metadata: a blog
/// or forum listing shows each post's comment count ("0 comments", "14 comments") or a
/// "Comment" link on its card, while a comment section shows its heading once, or above and
/// below its thread, and an article's share bars above and below it may show a "Comments"
/// button each: three at most.
const CARD_MARKERS: usize = 4;

/// What makes comment markers repeats of one card's: every count ("12 Comments", "[ 167
/// comments ]") is one, any other marker ("Comment", "Add a comment |") its lower-cased words.
fn card_key(trim: &str) -> std::borrow::Cow<'_, str> {
    let inner = trim.trim_matches(|c: char| !c.is_alphanumeric());
    if inner.starts_with(|c: char| c.is_ascii_digit()) && COMMENT_COUNT.is_match(inner) {
        "\u{0}count".into()
    } else {
        inner.to_lowercase().into()
    }
}

fn article_tail(cx: &mut Context<'_, '_>) {
    let mut markers: Vec<(usize, Marker)> = cx.phrase_marks().map(|i| (i, Marker::Comments)).collect();
    for i in 0..cx.len() {
        if !cx.is_blank(i) && is_comment_marker(cx.trim(i)) {
            markers.push((i, Marker::Comments));
        } else if cx.removed_by(i).is_some_and(|r| cx.ends_article(r)) && !names_one_article(cx.trim(i)) {
            markers.push((i, Marker::Related));
        }
    }
    markers.sort_unstable();
    markers.dedup_by_key(|m| m.0);
    // A listing's cards, or a thread's posts, repeat their comment counts and links ("0
    // comments", "Add a comment" under each answer): those open no comment section.
    let keys: Vec<_> =
        markers.iter().map(|&(i, kind)| (kind == Marker::Comments).then(|| card_key(cx.trim(i)))).collect();
    let mut repeats: std::collections::HashMap<&str, usize> = Default::default();
    for key in keys.iter().flatten() {
        *repeats.entry(key).or_default() += 1;
    }
    if repeats.values().any(|&n| n >= CARD_MARKERS) {
        let mut key = keys.iter();
        markers.retain(|_| {
            key.next().expect("a key a marker").as_ref().is_none_or(|k| repeats[k.as_ref()] < CARD_MARKERS)
        });
    }
    if markers.is_empty() {
        return;
    }
    if let Some(dom) = cx.dom() {
        // A table's "Comment" column is not a comment section; nor is a link to comments (a
        // teaser's "Comment" or "12 Comments" pointing at another page's thread) that is not a
        // heading.
        markers.retain(|&(i, kind)| {
            let line = &dom.lines[i];
            let link = line.links_at_least(9) && !matches!(line.kind, crate::html::BlockKind::Heading(_));
            let comment_link = kind == Marker::Comments && link;
            !(dom.in_table_cell(i) || comment_link)
        });
    }
    if markers.iter().any(|m| m.1 == Marker::Comments) {
        let seen = comment_metadata_seen(cx);
        let count = |from: usize, within: usize| seen[(from + within).min(cx.len())] - seen[from.min(cx.len())];
        for m in markers.iter_mut().filter(|m| m.1 == Marker::Comments) {
            if count(m.0 + 1, COMMENT_NEAR) >= 1 && count(m.0 + 1, COMMENT_LOOKAHEAD) >= 2 {
                m.1 = Marker::ShownComments;
            }
        }
    }
    let doc = cx.doc();
    let analysis = cx.structure();
    if !analysis.has_region() || analysis.prose_words == 0 {
        return;
    }
    let (start, end) = (analysis.region.start, analysis.region.end);
    let mut before = 0;
    // The number of the latest numbered section heading so far ("4. Check the towels").
    let mut section = None;
    let mut cut = None;
    // Lines the related-heading look-aheads read, for `Work`.
    let mut looked = 0;
    let mut m = markers.iter().peekable();
    for i in start..end {
        while m.peek().is_some_and(|&&(x, _)| x < i) {
            m.next();
        }
        if let Some(&&(_, kind)) = m.peek().filter(|&&&(x, _)| x == i) {
            // A related block's teasers are headlines and lone blurbs: where two prose lines
            // follow each other after the heading, the article goes on (an inline "Related:"
            // box) and nothing is cut.
            let enough_before = match kind {
                // Comments shown with their metadata ("2 days ago", "Reply", "Jane says:")
                // right below the heading can outweigh the article: an eighth of the prose
                // before them will do.
                Marker::ShownComments => 8 * before >= analysis.prose_words && before >= RELATED_MIN_WORDS,
                Marker::Comments => 2 * before >= analysis.prose_words,
                Marker::Related => 4 * before >= analysis.prose_words && before >= RELATED_MIN_WORDS,
            };
            if enough_before
                && (kind != Marker::Related || !prose_continues(doc, analysis, i, end, section, &mut looked))
            {
                cut = Some((i, kind));
                break;
            }
        }
        if analysis.class[i] == LineClass::Prose {
            before += analysis.word_counts[i].length();
        }
        if !doc.segments[i].is_blank() {
            section = section_number(doc.text(doc.segments[i].trim())).or(section);
        }
    }
    cx.step(looked);
    let Some((cut, kind)) = cut else { return };
    let reason: std::sync::Arc<str> = format!("after the end-of-article marker {:?}", cx.trim(cut)).into();
    for i in cut..end.max(cut + 1) {
        if cx.is_blank(i) {
            continue;
        }
        match kind {
            // A comment section's heading says what follows it: its comments go, whatever
            // they score (they are written as prose).
            Marker::Comments | Marker::ShownComments => cx.remove_outright(i, reason.clone()),
            // A related heading may open an inline box with the article going on below it:
            // the content scorer decides.
            Marker::Related => cx.remove(i, reason.clone()),
        }
    }
}

/// A comment's metadata line: "2 days ago", "2 days ago at 07:52 am", "Rating: 36 Votes",
/// "12 likes", "Reply", "Report abuse" (word sets `age-units`, `age-units-comments`, `ago`,
/// `comment-rating-labels`, `comment-rating-units`, `time-links`, `comment-count-units`,
/// `comment-controls`, `comment-bar-likes` and `comment-bar-replies`).
pub(crate) static COMMENT_META: LazyLock<Regex> = LazyLock::new(|| {
    let age = format!(
        r"\d{{1,3}}\s+(?:{}|{})\s+{}\b.*",
        vocabulary::AGE_UNITS.pattern(),
        vocabulary::AGE_UNITS_COMMENTS.pattern(),
        vocabulary::AGO.pattern()
    );
    let rating = format!(
        r"{}:\s*-?\d{{1,6}}\s+{}",
        vocabulary::COMMENT_RATING_LABELS.pattern(),
        vocabulary::COMMENT_RATING_UNITS.pattern()
    );
    let dated = format!(
        r"[^·|]+\s[·|]\s[^·|]*\d{{4}}\s+{}\s+\d{{1,2}}:\d{{2}}(?:\s*[ap]\.?m\.?)?",
        vocabulary::TIME_LINKS.pattern()
    );
    let counts = format!(r"\d{{1,6}}\s+{}", vocabulary::COMMENT_COUNT_UNITS.pattern());
    let controls = vocabulary::COMMENT_CONTROLS.pattern();
    let bar =
        format!(r"{}\s*·\s*{}", vocabulary::COMMENT_BAR_LIKES.pattern(), vocabulary::COMMENT_BAR_REPLIES.pattern());
    Regex::new(&format!(r"(?i)^(?:{age}|{rating}|{dated}|{counts}|{controls}|{bar})$")).expect("compiles")
});

/// Lines looked at after a comment marker for comment metadata: the first must come within
/// `COMMENT_NEAR` lines, a second within `COMMENT_LOOKAHEAD`.
const COMMENT_NEAR: usize = 12;
const COMMENT_LOOKAHEAD: usize = 60;

/// For each line index, how many lines before it are comment headers or comment metadata.
fn comment_metadata_seen(cx: &Context<'_, '_>) -> Vec<u32> {
    let mut seen = Vec::with_capacity(cx.len() + 1);
    let mut count = 0;
    seen.push(0);
    for i in 0..cx.len() {
        cx.step(1);
        count += u32::from(is_comment_cue(cx.trim(i)));
        seen.push(count);
    }
    seen
}

/// True when a line reads as a comment's metadata ("2 days ago", "Reply") or header ("Jane
/// says:"), list bullets aside.
pub(crate) fn is_comment_cue(trim: &str) -> bool {
    let t = trim.trim_start_matches(['*', '•', '·', '-', ' ']);
    !t.is_empty() && t.len() <= 80 && (COMMENT_META.is_match(t) || (t.ends_with(':') && COMMENT_HEADER.is_match(t)))
}

/// Fewest words of prose before a related block that ends the article.
const RELATED_MIN_WORDS: usize = 60;

/// True when a related line names the one article it links to ("Read more: Why the bridge
/// closed", "Related: Three tips for winter"): an inline link, which an article places between
/// its paragraphs, not the heading of a block that ends it ("Related stories", "More from us").
fn names_one_article(trim: &str) -> bool {
    trim.split_once(':').is_some_and(|(_, rest)| rest.split_whitespace().nth(1).is_some())
}

/// What an end-of-article marker opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Marker {
    /// A comment section: its comments are prose, so no guard on what follows.
    Comments,
    /// A comment section whose comments show their metadata ("2 days ago", "Reply").
    ShownComments,
    /// A related-content block (REL001, REL002 headings).
    Related,
}

/// Lines after a related heading in which the article would resume: an inline box holds a
/// few links, while what follows a closing block (teasers, then the page's footer, whose legal
/// text reads as prose) goes on for long.
const RESUME_WITHIN: usize = 12;

/// Lines of any kind (blank and removed ones too) looked at after a related heading: the
/// look-ahead stays bounded however many blank lines follow the heading.
const RESUME_SCAN_LINES: usize = 4 * RESUME_WITHIN;

/// True when the article resumes after the related heading at `at`: two prose lines follow
/// each other (blank and skipped lines aside) within the first `RESUME_WITHIN` lines after it,
/// or the article's numbered sections go on (`previous_number` is the latest before `at`).
fn prose_continues(
    doc: &Document<'_>,
    analysis: &Analysis,
    at: usize,
    to: usize,
    previous_number: Option<u32>,
    looked: &mut usize,
) -> bool {
    let trim = |i: usize| doc.text(doc.segments[i].trim());
    let mut previous_prose = false;
    let mut seen = 0;
    let mut next_number = None;
    for i in (at + 1..to).take(RESUME_SCAN_LINES) {
        *looked += 1;
        if analysis.class[i] != LineClass::Empty {
            seen += 1;
            if seen > RESUME_WITHIN {
                break;
            }
        }
        if next_number.is_none() && !doc.segments[i].is_blank() {
            next_number = section_number(trim(i));
        }
        match analysis.class[i] {
            LineClass::Empty => continue,
            LineClass::Prose if previous_prose => return true,
            LineClass::Prose => previous_prose = true,
            _ => previous_prose = false,
        }
    }
    // A list article's numbered sections go on across an inline box: "4. ..." before it,
    // "5. ..." after it.
    matches!((previous_number, next_number), (Some(p), Some(n)) if n == p + 1)
}

/// The number of a numbered section heading: "5. Beware the wall-mounted hairdryer".
fn section_number(trim: &str) -> Option<u32> {
    let (number, rest) = trim.split_once(". ")?;
    let heading = rest.starts_with(|c: char| c.is_uppercase()) && !words_at_most(rest, 0);
    (number.len() <= 2 && heading && words_at_most(rest, 14)).then(|| number.parse().ok()).flatten()
}
