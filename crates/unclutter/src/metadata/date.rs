//! Dates as pages write them, read into ISO 8601: `2017-01-10`, with the time (`T19:48`) and
//! the zone (`+01:00`, `Z`) when the text gives them.
//!
//! Machine forms (RFC 3339, RFC 2822, `2017-01-10 19:48:00`) go through chrono. Written forms
//! ("Published 10 January 2017 7:48pm", "Jan. 9, 2017", "3. März 2024", "3 de marzo de 2024",
//! "Publié le 3 mars 2024 à 10h12", "2024年3月3日") are read token by token: a month name of the
//! lexicons' `months` set (each with its number), a day beside it, a four-digit year; or an
//! all-number date whose order is certain (`2017-01-10`, `10.01.2017`, `2017/01/10`). A date
//! whose order is not certain (`01/02/2017`) or that is relative ("3 hours ago") is not read.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Timelike};

use crate::vocabulary;

/// Reads the first date of `text` as ISO 8601, or `None` when it holds no date read with
/// certainty: "Published 10 January 2017 7:48pm" gives `2017-01-10T19:48`.
pub(crate) fn iso(text: &str) -> Option<String> {
    let text = text.trim();
    machine(text).or_else(|| written(text))
}

/// A date a machine wrote: RFC 3339 (with or without seconds or zone), RFC 2822, a plain
/// `YYYY-MM-DD`.
fn machine(text: &str) -> Option<String> {
    if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        return Some(with_zone(&at.naive_local(), at.offset().local_minus_utc()));
    }
    if let Ok(at) = DateTime::parse_from_rfc2822(text) {
        return Some(with_zone(&at.naive_local(), at.offset().local_minus_utc()));
    }
    for format in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"]
    {
        if let Ok(at) = NaiveDateTime::parse_from_str(text, format) {
            return Some(local(&at));
        }
    }
    for format in ["%Y-%m-%dT%H:%M:%S%.f%z", "%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%d %H:%M:%S%z", "%Y-%m-%d %H:%M:%S %z"] {
        if let Ok(at) = DateTime::parse_from_str(text, format) {
            return Some(with_zone(&at.naive_local(), at.offset().local_minus_utc()));
        }
    }
    ["%Y-%m-%d", "%Y%m%d"].iter().find_map(|f| NaiveDate::parse_from_str(text, f).ok()).map(|d| d.to_string())
}

/// `2017-01-10T19:48`, seconds only when they are not zero.
fn local(at: &NaiveDateTime) -> String {
    let date = at.date();
    if at.second() == 0 {
        format!("{date}T{:02}:{:02}", at.hour(), at.minute())
    } else {
        format!("{date}T{:02}:{:02}:{:02}", at.hour(), at.minute(), at.second())
    }
}

/// `2017-01-10T19:48+01:00`, or `Z` for UTC.
fn with_zone(at: &NaiveDateTime, offset_seconds: i32) -> String {
    let mut out = local(at);
    if offset_seconds == 0 {
        out.push('Z');
    } else {
        let sign = if offset_seconds < 0 { '-' } else { '+' };
        let minutes = offset_seconds.unsigned_abs() / 60;
        out.push_str(&format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60));
    }
    out
}

/// A token of a written date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Token<'t> {
    Number {
        value: u32,
        digits: usize,
    },
    Word(&'t str),
    /// One character of punctuation: `.`, `/`, `-`, `:`, `年`...
    Mark(char),
}

fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_ascii_digit() {
            let mut end = start + 1;
            while let Some(&(at, d)) = chars.peek().filter(|(_, d)| d.is_ascii_digit()) {
                end = at + d.len_utf8();
                chars.next();
            }
            let digits = &text[start..end];
            if let Ok(value) = digits.parse() {
                out.push(Token::Number { value, digits: digits.len() });
            }
        } else if c.is_alphabetic() && !is_cjk_date_mark(c) {
            let mut end = start + c.len_utf8();
            while let Some(&(at, d)) = chars.peek().filter(|(_, d)| d.is_alphabetic() && !is_cjk_date_mark(*d)) {
                end = at + d.len_utf8();
                chars.next();
            }
            out.push(Token::Word(&text[start..end]));
        } else if !c.is_whitespace() {
            out.push(Token::Mark(c));
        }
    }
    out
}

fn is_cjk_date_mark(c: char) -> bool {
    matches!(c, '年' | '月' | '日' | '时' | '時' | '分')
}

/// A date written for people: a month name with a day and a year, or an all-number date whose
/// order is certain; a clock time after it is kept.
fn written(text: &str) -> Option<String> {
    let tokens = tokens(text);
    let (date, end) = month_name_date(&tokens).or_else(|| number_date(&tokens))?;
    Some(match clock(&tokens[end..]) {
        Some((hour, minute)) => format!("{date}T{hour:02}:{minute:02}"),
        None => date.to_string(),
    })
}

fn year(token: Option<&Token<'_>>) -> Option<i32> {
    match token? {
        Token::Number { value, digits: 4 } if (1900..=2100).contains(value) => Some(*value as i32),
        _ => None,
    }
}

fn day(token: Option<&Token<'_>>) -> Option<u32> {
    match token? {
        Token::Number { value, digits: 1 | 2 } if (1..=31).contains(value) => Some(*value),
        _ => None,
    }
}

/// The month a word names, by the lexicons' `months` set ("Jan", "März", "marca").
fn month(token: Option<&Token<'_>>) -> Option<u32> {
    match token? {
        Token::Word(word) => vocabulary::MONTHS.number(word),
        _ => None,
    }
}

/// Skips what may stand between the parts of a written date: a dot or comma, a day suffix
/// ("10th", "1er"), a date link ("de", "of").
fn skip_links(tokens: &[Token<'_>], mut at: usize) -> usize {
    while let Some(token) = tokens.get(at) {
        let link = match token {
            Token::Mark('.' | ',') => true,
            Token::Word(w) => {
                let w = w.to_lowercase();
                vocabulary::DAY_SUFFIXES.words().contains(&w.as_str())
                    || vocabulary::DAY_SUFFIXES_BEFORE_MONTH.words().contains(&w.as_str())
                    || vocabulary::DATE_LINKS.words().contains(&w.as_str())
                    || w == "of"
            }
            _ => false,
        };
        if !link {
            break;
        }
        at += 1;
    }
    at
}

/// "10 January 2017", "3. März 2024", "3 de marzo de 2024", "January 9, 2017", "Jan. 9th
/// 2017": the date and the index after its year.
fn month_name_date(tokens: &[Token<'_>]) -> Option<(NaiveDate, usize)> {
    for (i, token) in tokens.iter().enumerate() {
        let Some(month) = month(Some(token)) else { continue };
        // Day before the month: "10 January 2017", "3. März", "3 de marzo".
        let mut before = i;
        while before > 0 && (matches!(tokens[before - 1], Token::Mark('.')) || is_link(&tokens[before - 1])) {
            before -= 1;
        }
        let after = skip_links(tokens, i + 1);
        if let Some(d) = before.checked_sub(1).and_then(|b| day(tokens.get(b))) {
            if let Some(y) = year(tokens.get(after)) {
                return NaiveDate::from_ymd_opt(y, month, d).map(|date| (date, after + 1));
            }
        }
        // Day after the month: "January 9, 2017".
        if let Some(d) = day(tokens.get(after)) {
            let at = skip_links(tokens, after + 1);
            if let Some(y) = year(tokens.get(at)) {
                return NaiveDate::from_ymd_opt(y, month, d).map(|date| (date, at + 1));
            }
        }
    }
    None
}

fn is_link(token: &Token<'_>) -> bool {
    match token {
        Token::Word(w) => vocabulary::DATE_LINKS.words().contains(&w.to_lowercase().as_str()),
        _ => false,
    }
}

/// `2017-01-10`, `2017/01/10`, `2017.01.10`, `10.01.2017`, `2024年3月3日`, and `01/02/2017`
/// only when the day is past 12 in one place and the month cannot be: the date and the index
/// after it.
fn number_date(tokens: &[Token<'_>]) -> Option<(NaiveDate, usize)> {
    let number = |t: Option<&Token<'_>>| match t? {
        Token::Number { value, digits } => Some((*value, *digits)),
        _ => None,
    };
    for i in 0..tokens.len() {
        let (Some((a, a_digits)), Some(sep1), Some((b, _)), Some(sep2), Some((c, c_digits))) = (
            number(tokens.get(i)),
            tokens.get(i + 1),
            number(tokens.get(i + 2)),
            tokens.get(i + 3),
            number(tokens.get(i + 4)),
        ) else {
            continue;
        };
        let (Token::Mark(s1), Token::Mark(s2)) = (sep1, sep2) else { continue };
        let date = match (s1, s2) {
            ('-' | '/' | '.', _) if a_digits == 4 && s1 == s2 => NaiveDate::from_ymd_opt(a as i32, b, c),
            ('年', '月') => NaiveDate::from_ymd_opt(a as i32, b, c),
            ('.', '.') if c_digits == 4 => NaiveDate::from_ymd_opt(c as i32, b, a),
            ('/' | '-', _) if c_digits == 4 && s1 == s2 => match (a > 12, b > 12) {
                (true, false) => NaiveDate::from_ymd_opt(c as i32, b, a),
                (false, true) => NaiveDate::from_ymd_opt(c as i32, a, b),
                _ => None,
            },
            _ => None,
        };
        if let Some(date) = date.filter(|d| (1900..=2100).contains(&d.year())) {
            return Some((date, i + 5));
        }
    }
    None
}

/// A clock time among the first tokens after a date: `7:48pm`, `19:48`, `10h12`, `3:04 p.m.`.
fn clock(tokens: &[Token<'_>]) -> Option<(u32, u32)> {
    for i in 0..tokens.len().min(6) {
        let Token::Number { value: hour, digits: 1 | 2 } = tokens[i] else { continue };
        let minute = match (tokens.get(i + 1), tokens.get(i + 2)) {
            (Some(Token::Mark(':')), Some(Token::Number { value, digits: 2 })) => *value,
            (Some(Token::Word(h)), Some(Token::Number { value, digits: 2 })) if h.eq_ignore_ascii_case("h") => *value,
            // "10h12" tokenises as a number, a word "h" and a number only with the word between.
            _ => continue,
        };
        let meridiem = tokens.get(i + 3).and_then(|t| match t {
            Token::Word(w) => {
                let w = w.to_ascii_lowercase();
                (w == "pm" || w == "p").then_some(12).or((w == "am" || w == "a").then_some(0))
            }
            _ => None,
        });
        let hour = match meridiem {
            Some(12) if hour < 12 => hour + 12,
            Some(0) if hour == 12 => 0,
            _ => hour,
        };
        if hour < 24 && minute < 60 {
            return Some((hour, minute));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn machine_dates_keep_their_time_and_zone() {
        assert_eq!(iso("2017-01-10T19:48:00+01:00").as_deref(), Some("2017-01-10T19:48+01:00"));
        assert_eq!(iso("2017-01-10T19:48:05Z").as_deref(), Some("2017-01-10T19:48:05Z"));
        assert_eq!(iso("2025-09-04T23:30:00-04:00").as_deref(), Some("2025-09-04T23:30-04:00"), "the page's own day");
        assert_eq!(iso("Tue, 10 Jan 2017 19:48:00 GMT").as_deref(), Some("2017-01-10T19:48Z"));
        assert_eq!(iso("2017-01-10 19:48:00").as_deref(), Some("2017-01-10T19:48"));
        assert_eq!(iso("2017-01-10").as_deref(), Some("2017-01-10"));
        assert_eq!(iso("20170110").as_deref(), Some("2017-01-10"));
    }

    #[test]
    fn written_dates_in_every_lexicon_language() {
        for (text, expected) in [
            ("Published 10 January 2017 7:48pm", "2017-01-10T19:48"),
            ("Updated: Jan. 9, 2017 3:04 p.m. ET", "2017-01-09T15:04"),
            ("January 9th, 2017", "2017-01-09"),
            ("Veröffentlicht am 3. März 2024", "2024-03-03"),
            ("Publié le 3 mars 2024 à 10h12", "2024-03-03T10:12"),
            ("Publicado el 3 de enero de 2024", "2024-01-03"),
            ("Pubblicato il 3 gennaio 2024 alle 10:12", "2024-01-03T10:12"),
            ("Publicado em 3 de março de 2024", "2024-03-03"),
            ("Gepubliceerd op 3 mei 2024", "2024-05-03"),
            ("Opublikowano 3 marca 2024", "2024-03-03"),
            ("Опубликовано 3 марта 2024", "2024-03-03"),
            ("2024年3月3日", "2024-03-03"),
            ("10.01.2017", "2017-01-10"),
            ("2017/01/10", "2017-01-10"),
            ("25/12/2017", "2017-12-25"),
            ("12/25/2017", "2017-12-25"),
        ] {
            assert_eq!(iso(text).as_deref(), Some(expected), "{text}");
        }
    }

    #[test]
    fn uncertain_and_relative_dates_are_not_read() {
        for text in
            ["01/02/2017", "3 hours ago", "Posted yesterday", "May 2017", "31 February 2017", "10 January", "in 2017"]
        {
            assert_eq!(iso(text), None, "{text}");
        }
    }
}
