//! Timestamp: reading times, publication stamps, leading date stamps.

use std::sync::LazyLock;

use regex::Regex;

use crate::rule::declare_rule;
use crate::rule::{Hit, Line};
use crate::vocabulary;

declare_rule! {
    /// ## What it removes
    /// A reading-time label: "2 min read", "5 minute read", "Reading time: 4 minutes".
    ///
    /// ## Why
    /// Reading times are page furniture computed from the article, not part of it.
    ///
    /// ## Example
    /// ```text
    /// 2 min read      <- removed
    /// ```
    ///
    /// ## Known false positives
    /// None known: the whole line must be the label.
    pub(crate) struct ReadingTime {
        code: "TIM001",
        name: "reading-time",
        category: Timestamp,
        summary: "a reading-time label such as \"2 min read\"",
        phase: Line,
        patterns: [READING],
        line: reading_time,
    }
}

declare_rule! {
    /// ## What it removes
    /// A publication stamp: "Published 10 January 2017 7:48pm", "Updated: Jan. 9, 2017 3:04
    /// p.m. ET", "Posted 3 hours ago", or a line that is only a date and time.
    ///
    /// ## Why
    /// Dates belong in metadata; as text they sit between the title and the article.
    ///
    /// ## Example
    /// ```text
    /// Published 10 January 2017 7:48pm      <- removed
    /// Published reports said the deal was near.
    /// ```
    ///
    /// ## Known false positives
    /// A line that is only a date inside the article, such as a diary heading.
    pub(crate) struct Dateline {
        code: "TIM002",
        name: "dateline",
        category: Timestamp,
        summary: "a publication stamp such as \"Published 10 January 2017 7:48pm\"",
        phase: Line,
        patterns: [STAMP],
        line: dateline,
    }
}

declare_rule! {
    /// ## What it removes
    /// The "date 2017-01-09 " stamp (or an ISO timestamp) at the start of a line; the rest of
    /// the line stays.
    ///
    /// ## Why
    /// Some scrapers prefix the title with the page's date field.
    ///
    /// ## Example
    /// ```text
    ///  date 2017-01-09 Alibaba could generate 1 million jobs
    ///  ^^^^^^^^^^^^^^^^ removed
    /// ```
    ///
    /// ## Known false positives
    /// None known: the stamp must be the literal word "date" and an ISO date.
    pub(crate) struct LeadingDate {
        code: "TIM003",
        name: "leading-date",
        category: Timestamp,
        summary: "a \"date 2017-01-09\" stamp at the start of a line",
        phase: Segment,
        patterns: [LEADING],
        prefix: leading_stamp,
        line: leading_date,
    }
}

/// "Reading time: 4 minutes", "2 min read": word sets `reading-labels`, `reading-about`,
/// `reading-units`, `reading-units-after-label` and `reading-after`.
pub(crate) static READING: LazyLock<Regex> = LazyLock::new(|| {
    let label = vocabulary::READING_LABELS.pattern();
    let about = vocabulary::READING_ABOUT.pattern();
    let units = vocabulary::READING_UNITS.pattern();
    let units_after_label = vocabulary::READING_UNITS_AFTER_LABEL.pattern();
    let after = vocabulary::READING_AFTER.pattern();
    Regex::new(&format!(
        r"(?i)^(?:{label}\s*:?\s*(?:{about}\s+)?\d{{1,3}}\s*(?:{units}|{units_after_label})\.?|\d{{1,3}}(?:\s*-\s*|\s*)(?:{units})\.?\s+(?:{after}|{TO_READ}))$"
    ))
    .expect("compiles")
});

/// "to read" ("5 min to read") takes exactly one space, where the phrases of `reading-after` take
/// any white space: it stays here so that the pattern matches the strings it always has.
const TO_READ: &str = "to read";

fn reading_time(line: &Line<'_>) -> Option<Hit> {
    let t = line.trim;
    (t.len() <= 60 && t.bytes().any(|b| b.is_ascii_digit()) && READING.is_match(t))
        .then_some(Hit { part: None, reason: "a reading-time label" })
}

/// Spellings the month pattern has always matched that no bundled language spells so: it was
/// written as stems with endings (`o[ck]t(?:ober|obre|ubre)?`), which also made these. Kept so
/// that the pattern matches the same strings; "maret" is Indonesian.
const MONTH_SPELLINGS: &str = "maret|oktobre|oktubre|decembro|dezembre";

/// "Published 10 January 2017 7:48pm", "Veröffentlicht am 22. Mai 2025", "Posted 3 hours ago":
/// the labels, months, weekdays and the words around dates and ages come from word sets; the
/// digits, signs and clock shapes are the same in every language.
pub(crate) static STAMP: LazyLock<Regex> = LazyLock::new(|| {
    let months = format!(r"(?:{}|{MONTH_SPELLINGS})\.?", vocabulary::MONTHS.pattern());
    let (stems, endings) = (vocabulary::WEEKDAY_STEMS.pattern(), vocabulary::WEEKDAY_ENDINGS.pattern());
    let weekday = format!(r"(?:{stems}{endings}?\.?,?\s+)?");
    let (suffixes, suffixes_before) =
        (vocabulary::DAY_SUFFIXES.pattern(), vocabulary::DAY_SUFFIXES_BEFORE_MONTH.pattern());
    let links = vocabulary::DATE_LINKS.pattern();
    let date = format!(
        r"(?:\d{{1,2}}(?:{suffixes}|{suffixes_before}|\.)?\s+(?:{links}\s+)?{months},?\s+(?:{links}\s+)?\d{{4}}|{months}\s+\d{{1,2}}{suffixes}?,?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|\d{{1,2}}\.\d{{1,2}}\.\d{{4}})"
    );
    let at = vocabulary::TIME_LINKS.pattern();
    let time = format!(
        r"(?:\s*(?:,|-|–|\||•|·)?\s*(?:{at}\s*)?\d{{1,2}}(?:[:.h]\d{{2}})?\s*(?:[ap]\.?\s?m\.?)?(?:\s*\(?[A-Z]{{2,5}}\)?)?)?"
    );
    let (labels, label_links) = (vocabulary::STAMP_LABELS.pattern(), vocabulary::STAMP_LABEL_LINKS.pattern());
    let label = format!(r"(?:{labels}(?:\s+{label_links})?\s*:?\s*)");
    let updated = vocabulary::STAMP_UPDATE_LABELS.pattern();
    let clock = r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\.?)?(?:\s*[A-Z]{2,5})?";
    let (units, ago_word) = (vocabulary::AGE_UNITS.pattern(), vocabulary::AGO.pattern());
    let ago = format!(r"\d{{1,3}}\s+{units}\s+{ago_word}");
    Regex::new(&format!(
        r"(?i)^(?:{label}?(?:{clock},?\s*)?{weekday}{date}{time}(?:\s*(?:[|•·,]\s*)?{updated}\s*:?\s*{weekday}(?:{date})?{time})?|{label}?{ago})\.?$"
    ))
    .expect("compiles")
});

fn dateline(line: &Line<'_>) -> Option<Hit> {
    let t = line.trim;
    (t.len() <= 100 && t.bytes().any(|b| b.is_ascii_digit()) && STAMP.is_match(t))
        .then_some(Hit { part: None, reason: "a publication date stamp" })
}

pub(crate) static LEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s*(?i:date)\s*:?\s*\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?Z?)?\s+)+").expect("compiles")
});

/// Length of the date stamps at the start of `line`, if text follows them; else 0. The rule's
/// segment hook, so that every rule judges the line without its stamp.
fn leading_stamp(line: &str) -> usize {
    let head = line.trim_start();
    if !head.get(..4).is_some_and(|h| h.eq_ignore_ascii_case("date")) {
        return 0;
    }
    match LEADING.find(line) {
        Some(m) if !line[m.end()..].trim().is_empty() => m.end(),
        _ => 0,
    }
}

fn leading_date(line: &Line<'_>) -> Option<Hit> {
    (line.prefix_len > 0).then_some(Hit { part: Some(0..line.prefix_len), reason: "a date stamp in front of the line" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_times_in_several_languages() {
        for yes in [
            "2 min read",
            "Reading time: 4 minutes",
            "4 Minuten Lesezeit",
            "Lesezeit: 3 Min.",
            "Temps de lecture : 4 min",
            "3 min de lectura",
            "Время чтения: 5 мин",
        ] {
            assert!(READING.is_match(yes), "{yes}");
        }
        for no in ["2 min", "Reading time is precious", "3 minutes later he left"] {
            assert!(!READING.is_match(no), "{no}");
        }
    }

    #[test]
    fn stamps_in_several_languages() {
        for yes in [
            "Published 10 January 2017 7:48pm",
            "Veröffentlicht am 22. Mai 2025",
            "Publié le 22 mai 2025",
            "Actualizado 22 de mayo de 2025",
            "22.05.2025",
            "Publié le 3 mars 2024 à 10h12",
            "Publicado el 3 de enero de 2024",
            "Opublikowano 3 marca 2024",
            "Опубликовано 3 марта 2024",
            "Pubblicato il 3 gennaio 2024",
            "28 maggio 2024, ore 18:42",
            "Publié le 14 mars 2025 à 07h12, mis à jour à 09h40",
        ] {
            assert!(STAMP.is_match(yes), "{yes}");
        }
        for no in ["Published reports said the deal was near.", "Mai 2025 war ein guter Monat für uns."] {
            assert!(!STAMP.is_match(no), "{no}");
        }
    }
}
