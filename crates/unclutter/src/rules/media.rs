//! Media: image file names, image controls, photo credits, image slugs.

use std::sync::LazyLock;

use regex::Regex;

use crate::context::Context;
use crate::rule::declare_rule;
use crate::rule::{Action, Phrases};
use crate::rule::{Hit, Line};
use crate::vocabulary;

declare_rule! {
    /// ## What it removes
    /// A line that is only an image file name: "gettyimages-631334970.jpg", "IMG_2041.JPG",
    /// "hero-image(1).webp".
    ///
    /// ## Why
    /// Scrapers keep the `alt` or `src` of images whose alt text was never written.
    ///
    /// ## Example
    /// ```text
    /// gettyimages-631334970.jpg     <- removed
    /// ```
    ///
    /// ## Known false positives
    /// None known: the line must be one token ending in an image extension.
    pub(crate) struct ImageFilename {
        code: "MED001",
        name: "image-filename",
        category: Media,
        summary: "a line that is only an image file name such as \"gettyimages-631334970.jpg\"",
        phase: Line,
        patterns: [FILENAME],
        line: image_filename,
    }
}

declare_rule! {
    /// ## What it removes
    /// A line that is only an image or gallery control: "Enlarge Image", "Enlarge this image",
    /// "View gallery", "Hide caption", "Click to enlarge", "Image 1 of 12", "3 of 12". And a
    /// photo gallery's slides after an article's prose: three or more lines numbered "1/50
    /// Title", "2/50 Title", ... in order, with the captions between them.
    ///
    /// ## Why
    /// Photo viewers leave their buttons and counters in the text.
    ///
    /// ## Example
    /// ```text
    /// Enlarge Image      <- removed
    /// ```
    ///
    /// ## Known false positives
    /// A line that is only "3 of 12" in an article (a score on its own line).
    pub(crate) struct ImageControl {
        code: "MED002",
        name: "image-control",
        category: Media,
        summary: "an image or gallery control such as \"Enlarge Image\" or \"Image 1 of 12\"",
        phase: Blocks,
        phrases: Phrases { max_words: 6, action: Action::Remove },
        patterns: [COUNTER, SLIDE],
        line: image_counter,
        context: gallery_slides,
    }
}

declare_rule! {
    /// ## What it removes
    /// A photo credit line: "TIMOTHY A. CLARY/AFP/Getty Images", "Credit: Alibaba",
    /// "Photo: Jane Doe/Reuters", "(Photo by Jane Doe/Getty Images)", "Image: Shutterstock",
    /// "Photo courtesy of the family", "AP Photo/Jane Doe"; a caption that ends with its credit
    /// ("... © Jane Doe", "... (Foto: Privat)", "... (Symbolbild)"); in Chinese and Japanese, a caption
    /// ending with its photographer ("记者 陈浩 摄") or the day and place ("（24日、県営球場）").
    ///
    /// ## Why
    /// Credits label the picture, which a text dump no longer holds.
    ///
    /// ## Example
    /// ```text
    /// TIMOTHY A. CLARY/AFP/Getty Images      <- removed
    /// Getty Images licenses millions of photos each year.
    /// ```
    ///
    /// ## Known false positives
    /// A short line naming an agency after a slash that is part of the article.
    pub(crate) struct PhotoCredit {
        code: "MED003",
        name: "photo-credit",
        category: Media,
        summary: "a photo credit such as \"X/AFP/Getty Images\" or \"Credit: Alibaba\"",
        phase: Line,
        patterns: [CREDIT_LABEL, PHOTO_BY, AGENCY_SLASH, CJK_CAPTION, TRAILING_CREDIT, crate::rules::source::SOURCE],
        line: photo_credit,
    }
}

declare_rule! {
    /// ## What it removes
    /// A line of lower-case words holding a number of four or more digits and no
    /// punctuation: the file-name slug of an image, "170109 ma trump newyork",
    /// "ss apple iphone evolution carousel 100412891 orig".
    ///
    /// ## Why
    /// CMSs derive image titles from file names; scrapers keep them as text.
    ///
    /// ## Example
    /// ```text
    /// 170109 ma trump newyork     <- removed
    /// ```
    ///
    /// ## Known false positives
    /// A lower-case title with a year ("my trip to rome 2019").
    pub(crate) struct ImageSlug {
        code: "MED004",
        name: "image-slug",
        category: Media,
        summary: "a lower-case image slug with a long number such as \"170109 ma trump newyork\"",
        phase: Line,
        line: image_slug,
    }
}

pub(crate) static FILENAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\w\-.%()~+,]+\.(?i:jpe?g|png|gif|webp|avif|bmp|tiff?|svg|heic)$").expect("compiles")
});

fn image_filename(line: &Line<'_>) -> Option<Hit> {
    let t = line.trim;
    (t.len() <= 160 && t.contains('.') && !t.contains(' ') && FILENAME.is_match(t))
        .then_some(Hit { part: None, reason: "a line that is only an image file name" })
}

/// "Image 1 of 12", "Bild 1 von 12", "3 of 12": word sets `counter-nouns`, `counter-links` and
/// `counter-bare-links`.
pub(crate) static COUNTER: LazyLock<Regex> = LazyLock::new(|| {
    let nouns = vocabulary::COUNTER_NOUNS.pattern();
    let links = vocabulary::COUNTER_LINKS.pattern();
    let bare_links = vocabulary::COUNTER_BARE_LINKS.pattern();
    Regex::new(&format!(r"^(?i:{nouns}\s+\d{{1,3}}\s*(?:{links}|/)\s*\d{{1,3}}|\d{{1,3}}\s+{bare_links}\s+\d{{1,3}})$"))
        .expect("compiles")
});

/// A gallery slide's number: "* 12/50 Star Wars boosts economy".
pub(crate) static SLIDE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[*•·]?\s*(\d{1,3})\s*/\s*(\d{1,3})(?:\s|$)").expect("compiles"));

/// Fewest numbered slides in order that make a gallery, and most lines between two of them.
const GALLERY_SLIDES: usize = 3;
const SLIDE_GAP: usize = 8;
/// Fewest words of prose before a gallery for it to be beside an article.
const GALLERY_AFTER_WORDS: usize = 80;

fn gallery_slides(cx: &mut Context<'_, '_>) {
    let mut slides: Vec<(usize, u32, u32)> = Vec::new();
    for i in 0..cx.len() {
        if cx.is_blank(i) {
            continue;
        }
        let Some(c) = SLIDE.captures(cx.trim(i)) else { continue };
        let (Ok(n), Ok(m)) = (c[1].parse::<u32>(), c[2].parse::<u32>()) else { continue };
        if (1..=m).contains(&n) && m >= GALLERY_SLIDES as u32 {
            slides.push((i, n, m));
        }
    }
    if slides.len() < GALLERY_SLIDES {
        return;
    }
    // Words of the prose lines (ten words or more) before each line.
    let mut prose_before = Vec::with_capacity(cx.len() + 1);
    prose_before.push(0);
    for i in 0..cx.len() {
        let words = if cx.removed_by(i).is_none() && !unclutter_text::words::words_at_most(cx.core(i), 9) {
            unclutter_text::words::word_count(cx.core(i))
        } else {
            0
        };
        prose_before.push(prose_before[i] + words);
    }
    let mut at = 0;
    while at < slides.len() {
        let mut end = at + 1;
        while end < slides.len()
            && slides[end].2 == slides[at].2
            && slides[end].1 == slides[end - 1].1 + 1
            && slides[end].0 - slides[end - 1].0 <= SLIDE_GAP
        {
            end += 1;
        }
        // A gallery beside an article goes; a story told in slides is the article.
        if end - at >= GALLERY_SLIDES && prose_before[slides[at].0] >= GALLERY_AFTER_WORDS {
            let run = &slides[at..end];
            let widest = run.windows(2).map(|w| w[1].0 - w[0].0).max().unwrap_or(1);
            let (first, last) = (run[0], run[run.len() - 1]);
            let reason: std::sync::Arc<str> =
                format!("a photo gallery: slides {} to {} of {}", first.1, last.1, first.2).into();
            // The last slide's caption follows it, as far as the widest step between slides.
            for i in first.0..(last.0 + widest).min(cx.len()) {
                if !cx.is_blank(i) {
                    cx.remove(i, reason.clone());
                }
            }
        }
        at = end;
    }
}

fn image_counter(line: &Line<'_>) -> Option<Hit> {
    let t = line.trim;
    (t.len() <= 30 && t.bytes().any(|b| b.is_ascii_digit()) && COUNTER.is_match(t))
        .then_some(Hit { part: None, reason: "a gallery counter" })
}

/// Photo agencies and picture libraries, as they are written in credits: names, not words of a
/// language, so they stay here rather than in the lexicons.
const AGENCIES: &str = r"AFP|AP|AP Photo|Getty Images|Getty|Reuters|EPA|EPA-EFE|Shutterstock|iStock|iStockphoto|Flickr|Bloomberg|ZUMA|Zuma Press|Xinhua|AAP|PA|PA Images|PA Wire|Alamy|Corbis|NurPhoto|SOPA Images|LightRocket|WireImage|Anadolu|dpa|DPA|Imago|IMAGO|SIPA|Sipa USA|Wikimedia Commons|Unsplash|Pexels|Associated Press|The Associated Press|Contributor|Handout";

/// "Photo credit: ...", "Bildnachweis: ...": word sets `credit-nouns` and `credit-labels`.
pub(crate) static CREDIT_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    let nouns = vocabulary::CREDIT_NOUNS.pattern();
    let labels = vocabulary::CREDIT_LABELS.pattern();
    Regex::new(&format!(r"^\(?(?i:{nouns}s?\s*)?(?i:{labels})\s*[:：]\s*\S")).expect("compiles")
});

/// "Photo: Jane Doe", "Photo by Jane Doe": word sets `photo-nouns` and `photo-by-links` (the
/// latter matched case-sensitively).
pub(crate) static PHOTO_BY: LazyLock<Regex> = LazyLock::new(|| {
    let nouns = vocabulary::PHOTO_NOUNS.pattern();
    let links = vocabulary::PHOTO_BY_LINKS.pattern();
    Regex::new(&format!(r"^\(?(?i:{nouns})\s*(?::|\b{links}\b)\s*\S")).expect("compiles")
});

pub(crate) static AGENCY_SLASH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:/\s*(?:{AGENCIES})\b|^\(?(?:{AGENCIES})\s*/|\b(?:via|for) Getty Images\b|^\(?(?:{AGENCIES})\)?$)"
    ))
    .expect("compiles")
});

/// A Chinese or Japanese news photo's caption: "…记者 陈浩 摄" (photographed by), "…＝11日、札幌市"
/// and "…（24日、県営球場）" (the day and place the photo was taken).
pub(crate) static CJK_CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:[\s　/／]\p{Han}{2,4}[\s　]*[摄攝]|[（(]\d{1,2}日[、，,][^（）()]+[）)]|＝\d{1,2}日(?:[、，,][^＝]+)?)$",
    )
    .expect("compiles")
});

/// A caption that ends with its credit: "... stabilisieren. © Pferderevue", "... (Foto: Privat)",
/// "... (Symbolbild)", "... the game.Photograph: Getty Images", "... / (C) Kab Niang". The
/// bracketed credits are word set `paren-credits`, the labels after a sentence
/// `caption-credit-labels`.
pub(crate) static TRAILING_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    let paren = vocabulary::PAREN_CREDITS.pattern();
    let labels = vocabulary::CAPTION_CREDIT_LABELS.pattern();
    Regex::new(&format!(
        r"(?:[.!?)»“”\p{{L}}]\s*(?:\|\s*)?©\s*[^©.!?]+|\((?i:{paren})(?::[^()]+)?\)\.?|[.!?]\s*(?i:{labels})s?\s*:\s*[^.:!?]+|/\s*\([Cc]\)\s*[^/()]+)$"
    ))
    .expect("compiles")
});

/// The last `max` bytes of `t` or fewer, starting on a character boundary.
fn tail_of(t: &str, max: usize) -> &str {
    let mut from = t.len().saturating_sub(max);
    while !t.is_char_boundary(from) {
        from += 1;
    }
    &t[from..]
}

/// Longest trailing credit, in bytes, and a CJK caption's credit or day-and-place part, in
/// characters.
const CREDIT_BYTES: usize = 72;
const CJK_CREDIT_CHARS: usize = 24;

/// Longest CJK caption with its credit, in characters.
const CJK_CAPTION_CHARS: usize = 80;

/// Most words of a caption with a trailing credit.
const CAPTION_WORDS: usize = 60;

fn photo_credit(line: &Line<'_>) -> Option<Hit> {
    let t = line.trim;
    // The caption shapes are anchored at the end and short: only the line's tail is searched.
    let tail = tail_of(t, 120);
    // The shapes' parts are unbounded in the patterns (bounded repeats make large automata);
    // a credit is at most `CREDIT_BYTES` long.
    // Every trailing credit holds a "©", a colon or a bracket: a line without one is searched no
    // further.
    let credit = || TRAILING_CREDIT.find(tail).is_some_and(|m| m.len() <= CREDIT_BYTES);
    if t.len() <= 600 && tail.contains(['©', ':', '(']) && credit() && line.words_at_most(CAPTION_WORDS) {
        return Some(Hit { part: None, reason: "a photo caption ending with its credit" });
    }
    // A character is at most four bytes: a longer line is never counted.
    if t.len() <= 4 * CJK_CAPTION_CHARS
        && t.chars().count() <= CJK_CAPTION_CHARS
        && t.chars().any(unclutter_text::words::is_cjk)
        && CJK_CAPTION.find(tail).is_some_and(|m| m.len() <= 3 * CJK_CREDIT_CHARS)
    {
        return Some(Hit { part: None, reason: "a news photo's caption with its credit or day and place" });
    }
    if t.len() > 200 || !line.words_at_most(14) {
        return None;
    }
    // Every credit shape has a colon, a slash, a "by"/"courtesy", or is a bare agency name.
    let shaped = t.contains([':', '/', '：']) || t.contains(" by ") || t.contains("ourtesy") || t.contains("Getty");
    if !shaped && !line.words_at_most(4) {
        return None;
    }
    if crate::rules::source::is_source_line(line) {
        // "Sources: ... / Photo Credit: X/Flickr" is a source footer first (SRC001).
        return None;
    }
    let sentence = unclutter_text::words::ends_like_sentence(t) && !line.words_at_most(6);
    if CREDIT_LABEL.is_match(t) || (PHOTO_BY.is_match(t) && line.words_at_most(10)) {
        return (!sentence).then_some(Hit { part: None, reason: "a labelled photo credit" });
    }
    (line.words_at_most(10) && !unclutter_text::words::ends_like_sentence(t) && AGENCY_SLASH.is_match(t))
        .then_some(Hit { part: None, reason: "a photo credit naming a picture agency" })
}

fn image_slug(line: &Line<'_>) -> Option<Hit> {
    let t = line.trim;
    if t.len() > 100 || !line.words_at_most(10) || line.words_at_most(1) {
        return None;
    }
    let plain = t.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b' ');
    let long_number = t.split(' ').any(|w| {
        w.bytes().filter(u8::is_ascii_digit).count() >= 4 && w.bytes().all(|b| b.is_ascii_digit()) || {
            let digits = w.bytes().take_while(u8::is_ascii_digit).count();
            digits >= 4 && w.len() > digits
        }
    });
    (plain && long_number).then_some(Hit { part: None, reason: "a lower-case image slug with a long number" })
}
