//! Metadata: the facts about a page that its clutter carries (title, authors, date, site,
//! credits, sources, reading time, tags), kept as fields beside the clean body, each with where
//! it came from.
//!
//! From text ([`Cleaned::metadata`]), the removals of the byline, dateline, photo-credit,
//! source and reading-time rules become fields, the title is the heading line above the
//! article, and the language is detected on the kept text. From HTML ([`Metadata::from_html`]),
//! in order of trust: JSON-LD (`NewsArticle`, `Article`, `BlogPosting`...), Open Graph and
//! `article:*` meta tags, `<meta name="author">` and the like, `itemprop`, `<time datetime>`,
//! `<title>`; [`Metadata::or`] then fills what the page's markup left out from its text.
//!
//! ```
//! let cleaner = unclutter::Cleaner::new();
//! let cleaned = cleaner.clean(
//!     "Council backs the new bridge\nBy Jane Doe and John Roe\nPublished 10 January 2017 7:48pm\n\n\
//!      The council voted 7-2 on Tuesday to fund the new bridge across the river.\n\nSource: AAP\n",
//! );
//! let meta = cleaned.metadata();
//! assert_eq!(meta.title.as_ref().map(|t| t.value.as_str()), Some("Council backs the new bridge"));
//! let authors: Vec<&str> = meta.authors.iter().map(|a| a.value.as_str()).collect();
//! assert_eq!(authors, ["Jane Doe", "John Roe"]);
//! assert_eq!(meta.date.as_ref().map(|d| d.value.as_str()), Some("2017-01-10T19:48"));
//! assert_eq!(meta.sources[0].value, "AAP");
//! ```

mod date;
mod html;
mod text;

use std::fmt;

use unclutter_text::Span;

use crate::cleaned::Cleaned;
use crate::meta::RuleId;

/// Where a metadata value came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// A piece of the cleaned text that a rule removed: its span (in [`Cleaned::input`]) and
    /// the rule.
    ///
    /// [`Cleaned::input`]: crate::Cleaned::input
    Removal {
        /// The removed piece.
        span: Span,
        /// The rule that removed it.
        rule: RuleId,
    },
    /// A kept line of the cleaned text (the title above the article): its span.
    Line {
        /// The line, without its line break.
        span: Span,
    },
    /// A JSON-LD property of the page: `NewsArticle.datePublished`.
    JsonLd(String),
    /// A `<meta>` tag of the page, by its `property` or `name`: `og:title`.
    Meta(String),
    /// An element of the page: `title`, `html[lang]`, `time[datetime]`, `[itemprop=author]`.
    Element(&'static str),
    /// Detected from the kept text (the language).
    Detected,
}

impl Source {
    /// The kind of source, as the JSON output names it: `rule`, `text`, `json-ld`, `meta`,
    /// `element` or `detected`.
    pub fn kind(&self) -> &'static str {
        match self {
            Source::Removal { .. } => "rule",
            Source::Line { .. } => "text",
            Source::JsonLd(_) => "json-ld",
            Source::Meta(_) => "meta",
            Source::Element(_) => "element",
            Source::Detected => "detected",
        }
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Removal { span, rule } => write!(f, "{} at {}..{}", rule.code(), span.start, span.end),
            Source::Line { span } => write!(f, "line at {}..{}", span.start, span.end),
            Source::JsonLd(key) => write!(f, "JSON-LD {key}"),
            Source::Meta(key) => write!(f, "meta {key}"),
            Source::Element(what) => write!(f, "element {what}"),
            Source::Detected => f.write_str("detected"),
        }
    }
}

/// A value and where it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field<T = String> {
    /// The value, as the page gives it (a date in ISO 8601).
    pub value: T,
    /// Where it came from.
    pub source: Source,
}

impl<T> Field<T> {
    fn new(value: T, source: Source) -> Field<T> {
        Field { value, source }
    }
}

/// What a page says of itself. A field the page does not give is `None` or empty.
///
/// ```
/// let page = r#"<html lang="en"><head><title>Bridge vote | Example News</title>
///   <meta property="og:site_name" content="Example News">
///   <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Council backs the bridge",
///     "datePublished": "2017-01-10T19:48:00+01:00", "author": [{"@type": "Person", "name": "Jane Doe"}]}</script>
///   </head><body><p>The council voted.</p></body></html>"#;
/// let meta = unclutter::Metadata::from_html(page);
/// assert_eq!(meta.title.unwrap().value, "Council backs the bridge");
/// assert_eq!(meta.date.unwrap().value, "2017-01-10T19:48+01:00");
/// assert_eq!(meta.authors[0].value, "Jane Doe");
/// assert_eq!(meta.site.unwrap().value, "Example News");
/// assert_eq!(meta.language.unwrap().value, "en");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Metadata {
    /// The headline or the page's title.
    pub title: Option<Field>,
    /// The authors, in the page's order.
    pub authors: Vec<Field>,
    /// The publication date, ISO 8601: `2017-01-10`, with the time and zone when the page gives
    /// them (`2017-01-10T19:48+01:00`).
    pub date: Option<Field>,
    /// The site or publisher's name.
    pub site: Option<Field>,
    /// The page's own summary.
    pub description: Option<Field>,
    /// The language, an ISO 639-1 code or a page's own tag (`en`, `pt-BR`).
    pub language: Option<Field>,
    /// Photo credits, without their label: "Anna Berg/AFP".
    pub photo_credits: Vec<Field>,
    /// Wire agencies and "Source:" lines.
    pub sources: Vec<Field>,
    /// The reading time a label gives, in minutes.
    pub reading_time_minutes: Option<Field<u32>>,
    /// Keywords and tags.
    pub tags: Vec<Field>,
}

impl Metadata {
    /// Reads a page's markup: JSON-LD, meta tags, `itemprop`, `<time>`, `<title>`, `<html
    /// lang>` (see the [module](self)). Linear in the page; the body's text is the cleaner's
    /// business ([`Cleaned::metadata`](crate::Cleaned::metadata)).
    pub fn from_html(page: &str) -> Metadata {
        html::read(page, None)
    }

    /// Reads a page and its cleaning result together, each field from the most trusted source
    /// that gives it: the markup, then the text, except that a publication stamp the text rules
    /// removed (a dateline under the headline) comes before the dates that elements merely
    /// show, the page's URL and `<time>` elements. What `unclutter --metadata` and the Python
    /// package give for HTML.
    ///
    /// ```
    /// let page = "<html><head><title>Bridge vote</title></head><body><h1>Bridge vote</h1>\
    ///             <p>Published 10 January 2017</p><time datetime=2016-05-05>old</time>\
    ///             <p>The council voted seven to two on Tuesday to fund the new bridge.</p></body></html>";
    /// let cleaned = unclutter::Cleaner::new().clean_html(page);
    /// let meta = unclutter::Metadata::from_page(page, &cleaned);
    /// assert_eq!(meta.date.unwrap().value, "2017-01-10");
    /// ```
    pub fn from_page(page: &str, cleaned: &Cleaned<'_>) -> Metadata {
        // A stamp near the article's start comes before the dates elements show; one further
        // down only after every other source.
        let (mut text, late_date) = text::read_parts(cleaned);
        let mut meta = html::read(page, text.date.as_ref());
        text.date = text.date.or(late_date);
        // A `<title>` that holds the page's top heading adds the site's name to it: the heading
        // is the title.
        if let (Some(title), Some(heading)) = (&meta.title, &text.title) {
            if title.source == Source::Element("title") && title.value.contains(heading.value.as_str()) {
                meta.title = text.title.clone();
            }
        }
        meta.or(text)
    }

    /// This metadata, each field it lacks taken from `fallback`: `Metadata::from_html(page)
    /// .or(cleaned.metadata())` trusts the markup first and the text after it.
    pub fn or(self, fallback: Metadata) -> Metadata {
        let list = |a: Vec<Field>, b: Vec<Field>| if a.is_empty() { b } else { a };
        Metadata {
            title: self.title.or(fallback.title),
            authors: list(self.authors, fallback.authors),
            date: self.date.or(fallback.date),
            site: self.site.or(fallback.site),
            description: self.description.or(fallback.description),
            language: self.language.or(fallback.language),
            photo_credits: list(self.photo_credits, fallback.photo_credits),
            sources: list(self.sources, fallback.sources),
            reading_time_minutes: self.reading_time_minutes.or(fallback.reading_time_minutes),
            tags: list(self.tags, fallback.tags),
        }
    }

    /// True when no field is set.
    pub fn is_empty(&self) -> bool {
        *self == Metadata::default()
    }
}

impl Cleaned<'_> {
    /// What the text says of the page: the title, authors, date, credits, sources and reading
    /// time its clutter gave (see [`crate::metadata`]). In HTML mode this reads the projection;
    /// [`Metadata::from_html`](Metadata::from_html) reads the page's markup.
    ///
    /// ```
    /// let cleaned = unclutter::Cleaner::new().clean("By Jane Doe\n\nThe council voted 7-2 on Tuesday to fund the bridge.\n");
    /// assert_eq!(cleaned.metadata().authors[0].value, "Jane Doe");
    /// ```
    pub fn metadata(&self) -> Metadata {
        text::read(self)
    }
}

#[cfg(feature = "serde")]
mod serialize {
    use serde::ser::{Serialize, SerializeMap, SerializeStruct, Serializer};

    use super::{Field, Metadata, Source};

    /// The `metadata` object of `unclutter --json --metadata`: each field the page gives, as an
    /// object `{"value": …, "source": …}` (a list of them for `author`, `photo_credits`,
    /// `sources` and `tags`); the source's kind, and its `key`, `rule`, `start` and `end` as it
    /// has them. A field the page does not give is left out.
    impl Serialize for Metadata {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut map = serializer.serialize_map(None)?;
            if let Some(f) = &self.title {
                map.serialize_entry("title", f)?;
            }
            if !self.authors.is_empty() {
                map.serialize_entry("author", &self.authors)?;
            }
            if let Some(f) = &self.date {
                map.serialize_entry("date", f)?;
            }
            if let Some(f) = &self.site {
                map.serialize_entry("site", f)?;
            }
            if let Some(f) = &self.description {
                map.serialize_entry("description", f)?;
            }
            if let Some(f) = &self.language {
                map.serialize_entry("language", f)?;
            }
            if !self.photo_credits.is_empty() {
                map.serialize_entry("photo_credits", &self.photo_credits)?;
            }
            if !self.sources.is_empty() {
                map.serialize_entry("sources", &self.sources)?;
            }
            if let Some(f) = &self.reading_time_minutes {
                map.serialize_entry("reading_time_minutes", f)?;
            }
            if !self.tags.is_empty() {
                map.serialize_entry("tags", &self.tags)?;
            }
            map.end()
        }
    }

    impl<T: Serialize> Serialize for Field<T> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut out = serializer.serialize_struct("Field", 6)?;
            out.serialize_field("value", &self.value)?;
            out.serialize_field("source", self.source.kind())?;
            match &self.source {
                Source::Removal { span, rule } => {
                    out.serialize_field("rule", rule)?;
                    out.serialize_field("start", &span.start)?;
                    out.serialize_field("end", &span.end)?;
                }
                Source::Line { span } => {
                    out.serialize_field("start", &span.start)?;
                    out.serialize_field("end", &span.end)?;
                }
                Source::JsonLd(key) | Source::Meta(key) => out.serialize_field("key", key)?,
                Source::Element(what) => out.serialize_field("key", what)?,
                Source::Detected => {}
            }
            out.end()
        }
    }
}
