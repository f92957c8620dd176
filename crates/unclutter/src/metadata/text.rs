//! Metadata from a cleaning result: what the byline, dateline, credit, source and reading-time
//! rules removed, the title line above the article, and the kept text's language.

use unclutter_text::language::{push_sample, Language};
use unclutter_text::Span;

use super::{date, Field, Metadata, Source};
use crate::cleaned::Cleaned;
use crate::meta::Category;
use crate::rules::byline::{bio_name, byline_authors};

/// Most words of a title line.
const TITLE_WORDS: usize = 25;

/// Words from which a heading line before the article reads as its standfirst, not its title.
const STANDFIRST_WORDS: usize = 16;

/// Words of a kept line that, with a sentence end, make it article prose.
const PROSE_WORDS: usize = 15;

/// Lines after the article's first prose line where an author line still names the article's
/// author (a standfirst often comes before the byline); further down, author lines name
/// commenters or other posts' authors.
const BYLINE_LINES: usize = 6;

/// Reads the metadata of `cleaned` (see [`Cleaned::metadata`]).
pub(crate) fn read(cleaned: &Cleaned<'_>) -> Metadata {
    let (mut meta, late_date) = read_parts(cleaned);
    meta.date = meta.date.or(late_date);
    meta
}

/// The metadata, its date only from stamps near the article's start; and apart, the first date
/// of a stamp further down (a comment's, another post's, or a footer's: a last resort).
pub(crate) fn read_parts(cleaned: &Cleaned<'_>) -> (Metadata, Option<Field>) {
    let input = cleaned.input();
    let mut meta = Metadata::default();
    let mut bio_authors = Vec::new();
    let (mut updated_date, mut late_date) = (None, None);
    let body_start = first_prose(cleaned);
    let byline_end =
        lines(input, Span::new(body_start, input.len())).nth(BYLINE_LINES).map_or(input.len(), |l| l.start);
    for removal in cleaned.removals() {
        let span = removal.span();
        let text = input[span].trim();
        let source = || Source::Removal { span, rule: removal.rule() };
        match removal.rule().code() {
            "BYL001" => {
                // After the article starts, author lines name commenters or other posts' authors.
                let names = if span.start < byline_end {
                    byline_authors(text.trim_matches(|c: char| !c.is_alphanumeric()))
                } else {
                    Vec::new()
                };
                for name in names {
                    if !meta.authors.iter().any(|a| a.value == name) {
                        meta.authors.push(Field::new(name.to_string(), source()));
                    }
                }
                if meta.date.is_none() {
                    meta.date = date::iso(text).map(|d| Field::new(d, source()));
                }
            }
            "BYL003" => bio_authors.extend(bio_name(text).map(|name| Field::new(name.to_string(), source()))),
            "TIM002" | "TIM003" => {
                if let Some(iso) = date::iso(text) {
                    // An update stamp counts only when no publication date is given; a stamp far
                    // below the article's start may date a comment or another post.
                    let slot = if span.start >= byline_end {
                        &mut late_date
                    } else if is_update(text) {
                        &mut updated_date
                    } else {
                        &mut meta.date
                    };
                    slot.get_or_insert(Field::new(iso, source()));
                }
            }
            "TIM001" if meta.reading_time_minutes.is_none() => {
                meta.reading_time_minutes = minutes(text).map(|m| Field::new(m, source()));
            }
            "MED003" => meta.photo_credits.push(Field::new(after_label(text).to_string(), source())),
            "SRC001" => meta.sources.push(Field::new(after_label(text).to_string(), source())),
            _ => {}
        }
    }
    if meta.authors.is_empty() {
        meta.authors = bio_authors;
    }
    meta.date = meta.date.or(updated_date);
    meta.title = title(cleaned, body_start);
    meta.language = language(cleaned);
    (meta, late_date)
}

/// Where the article's prose starts: the first kept line of [`PROSE_WORDS`] words or more that
/// ends like a sentence (a long headline does not); the end of the text when none does.
fn first_prose(cleaned: &Cleaned<'_>) -> usize {
    let input = cleaned.input();
    cleaned
        .kept_spans()
        .flat_map(|span| lines(input, span))
        .find(|line| {
            let text = &input[*line];
            text.split_whitespace().nth(PROSE_WORDS - 1).is_some()
                && unclutter_text::words::ends_like_sentence(text.trim())
        })
        .map_or(input.len(), |line| line.start)
}

/// True when a stamp gives an update rather than the publication: it opens with a word of
/// `stamp-update-labels` and holds no publication label.
fn is_update(text: &str) -> bool {
    let lower = text.to_lowercase();
    crate::vocabulary::STAMP_UPDATE_LABELS.words().iter().any(|w| lower.starts_with(w))
}

/// The number of a reading-time label: 4 of "Reading time: 4 minutes".
fn minutes(text: &str) -> Option<u32> {
    let digits: String = text.chars().skip_while(|c| !c.is_ascii_digit()).take_while(char::is_ascii_digit).collect();
    digits.parse().ok().filter(|&m| m > 0)
}

/// What follows a label and its colon: "AAP" of "Source: AAP"; the whole text without one.
fn after_label(text: &str) -> &str {
    match text.split_once([':', '：']) {
        Some((label, rest)) if label.chars().count() <= 24 && !rest.trim().is_empty() => rest.trim(),
        _ => text,
    }
}

/// The title: in HTML, the first kept top-level heading (else the first anywhere); in text,
/// the last heading line (a few words, no sentence end, kept or removed as page structure)
/// before the article's first prose line, so that menus and teasers above it are passed over;
/// the last short one, so that a standfirst after it is not taken for it.
fn title(cleaned: &Cleaned<'_>, body_start: usize) -> Option<Field> {
    let input = cleaned.input();
    if cleaned.is_html() {
        let all = lines(input, Span::new(0, input.len()));
        let mut kept = cleaned.kept_spans().flat_map(|span| lines(input, span));
        let heading = kept
            .find(|s| cleaned.heading_level(s.start) == Some(1))
            .or_else(|| all.into_iter().find(|s| cleaned.heading_level(s.start) == Some(1)))?;
        return Some(Field::new(input[heading].trim().to_string(), Source::Line { span: heading }));
    }
    let removals = cleaned.removals();
    // The last heading line, and the heading line just before it (blank lines aside), if any.
    let (mut last, mut before): (Option<Field>, Option<Field>) = (None, None);
    let mut run_broken = false;
    for line in lines(input, Span::new(0, body_start.min(input.len()))).filter(|l| !input[*l].trim().is_empty()) {
        let at = removals.partition_point(|r| r.span().end <= line.start);
        let source = match removals.get(at).filter(|r| r.span().start < line.end) {
            None => Some(Source::Line { span: line }),
            Some(r) if r.category() == Category::Boilerplate => {
                Some(Source::Removal { span: r.span(), rule: r.rule() })
            }
            Some(_) => None,
        };
        match source.filter(|_| reads_as_heading(&input[line])) {
            Some(source) => {
                before = if run_broken { None } else { last.take() };
                last = Some(Field::new(input[line].trim().to_string(), source));
                run_broken = false;
            }
            // Any other line ends the run.
            None => run_broken = true,
        }
    }
    // A long last line right after a shorter heading is the standfirst under the title.
    match (last, before) {
        (Some(last), Some(before))
            if words(&last.value) >= STANDFIRST_WORDS && words(&before.value) < words(&last.value) =>
        {
            Some(before)
        }
        (last, _) => last,
    }
}

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// A few words, a letter, and no sentence end.
fn reads_as_heading(line: &str) -> bool {
    let text = line.trim();
    let words = text.split_whitespace().count();
    (3..=TITLE_WORDS).contains(&words) && !text.ends_with(['.', ',', ';', ':']) && text.chars().any(char::is_alphabetic)
}

/// The lines of `span` in `input`, each without its line break.
fn lines(input: &str, span: Span) -> impl Iterator<Item = Span> + '_ {
    let text = &input[span];
    text.split_inclusive('\n').scan(span.start, |at, line| {
        let start = *at;
        *at += line.len();
        Some(Span::new(start, start + line.trim_end_matches(['\n', '\r']).len()))
    })
}

/// The language detected on a sample of the kept text.
fn language(cleaned: &Cleaned<'_>) -> Option<Field> {
    let input = cleaned.input();
    let mut sample = String::new();
    for span in cleaned.kept_spans() {
        push_sample(&mut sample, &input[span]);
        if sample.len() >= unclutter_text::language::MAX_SAMPLE_BYTES {
            break;
        }
    }
    let code = Language::detect(&sample).code?;
    Some(Field::new(code.to_string(), Source::Detected))
}

#[cfg(test)]
mod tests {
    use crate::Cleaner;

    fn values(fields: &[super::Field]) -> Vec<&str> {
        fields.iter().map(|f| f.value.as_str()).collect()
    }

    const BODY: &str = "The council voted seven to two on Tuesday to fund the new bridge across the river, \
                        after years of delay and two failed votes.";

    #[test]
    fn removed_clutter_becomes_fields_with_its_span_and_rule() {
        let input = format!(
            "Council backs the new bridge\nBy Jane Doe and John Roe\nPublished 10 January 2017 7:48pm\n2 min read\n\n\
             {BODY}\n\n{BODY}\n\nPhoto: Anna Berg/AFP\nSource: AAP\n"
        );
        let cleaned = Cleaner::new().clean(&input);
        let meta = cleaned.metadata();
        assert_eq!(values(&meta.authors), ["Jane Doe", "John Roe"]);
        let date = meta.date.as_ref().unwrap();
        assert_eq!(date.value, "2017-01-10T19:48");
        let super::Source::Removal { span, rule } = &date.source else { panic!("{:?}", date.source) };
        assert_eq!((&input[*span], rule.code()), ("Published 10 January 2017 7:48pm\n", "TIM002"));
        assert_eq!(meta.reading_time_minutes.as_ref().map(|m| m.value), Some(2));
        assert_eq!(values(&meta.sources), ["AAP"]);
        assert_eq!(meta.title.as_ref().map(|t| t.value.as_str()), Some("Council backs the new bridge"));
        assert_eq!(meta.language.as_ref().map(|l| l.value.as_str()), Some("en"));
    }

    #[test]
    fn bylines_and_datelines_in_other_languages() {
        for (byline, stamp, author, date) in [
            ("Von Katrin Albers", "Veröffentlicht am 3. März 2024", "Katrin Albers", "2024-03-03"),
            ("Par Jean Dupont", "Publié le 3 mars 2024 à 10h12", "Jean Dupont", "2024-03-03T10:12"),
            ("Por María López", "Publicado el 3 de enero de 2024", "María López", "2024-01-03"),
        ] {
            let input = format!("{byline}\n{stamp}\n\n{BODY}\n");
            let cleaned = Cleaner::new().clean(&input);
            let meta = cleaned.metadata();
            assert_eq!(values(&meta.authors), [author], "{byline}");
            assert_eq!(meta.date.map(|d| d.value).as_deref(), Some(date), "{stamp}");
        }
    }

    #[test]
    fn body_sentences_naming_a_date_or_a_person_are_not_metadata() {
        let input = format!(
            "{BODY}\n\nBy the end of 2017, Jane Doe said, the plant will close.\n\
             The vote on 10 January 2017 was the third this year, Mayor John Roe said.\n\n{BODY}\n"
        );
        let cleaned = Cleaner::new().clean(&input);
        let meta = cleaned.metadata();
        assert!(meta.authors.is_empty(), "{:?}", meta.authors);
        assert!(meta.date.is_none(), "{:?}", meta.date);
        assert!(meta.title.is_none(), "{:?}", meta.title);
    }

    #[test]
    fn author_lines_after_the_article_starts_name_someone_else() {
        let input =
            format!("By Jane Doe\n\n{BODY}\n\n{BODY}\n\n{BODY}\n\n3 Comments\nBy John Roe\nGreat news for the town.\n");
        let meta = Cleaner::new().clean(&input).metadata();
        assert_eq!(values(&meta.authors), ["Jane Doe"]);
    }

    #[test]
    fn a_standfirst_and_a_long_headline_come_before_the_byline() {
        let input = format!(
            "Menu\nThe trait of the coast moved nine metres in one winter and the town now plans to move its seafront\n\
             After a run of storms the dune lost a third of its volume, and the council weighs its options.\n\
             Par Élodie Marchand\n\n{BODY}\n"
        );
        let meta = Cleaner::new().clean(&input).metadata();
        assert_eq!(values(&meta.authors), ["Élodie Marchand"]);
        assert!(meta.title.unwrap().value.starts_with("The trait of the coast"));
        let input = format!("Home\nCouncil backs the new bridge\n\nShop owners warn of lost trade as the council votes nine to five for a plan that removes sixty parking spaces\nBy Jane Doe\n\n{BODY}\n");
        let meta = Cleaner::new().clean(&input).metadata();
        assert_eq!(meta.title.unwrap().value, "Council backs the new bridge", "a standfirst is not the title");
    }

    #[test]
    fn a_relative_stamp_gives_no_date() {
        let input = format!("Posted 3 hours ago\n\n{BODY}\n");
        let meta = Cleaner::new().clean(&input).metadata();
        assert!(meta.date.is_none());
    }
}
