//! Metadata from a page's markup: one scan over its tags for `<meta>`, JSON-LD `<script>`s,
//! `<title>`, `<html lang>`, `<time datetime>` and `itemprop` attributes; each field then taken
//! from the most trusted source that gives it (JSON-LD, meta tags, `itemprop`, `<time>`,
//! `<title>`).

use std::sync::LazyLock;

use memchr::memchr;
use regex::Regex;
use serde_json::Value;

use super::{date, Field, Metadata, Source};

/// Most bytes of a JSON-LD script read: real ones are a few kilobytes.
const MAX_JSON_LD: usize = 1 << 20;

/// Most bytes of an element's text read (`<title>`, an `itemprop` element's first text).
const MAX_TEXT: usize = 2048;

/// What the scan gathers, before fields are chosen.
#[derive(Default)]
struct Found {
    /// `<meta>` tags: lower-case `property` or `name` (or `itemprop`), and `content`.
    metas: Vec<(String, String)>,
    json_ld: Vec<Value>,
    title: Option<String>,
    lang: Option<String>,
    /// `<time datetime>` values, in page order.
    times: Vec<String>,
    /// `itemprop` values: property, and the `content` or `datetime` attribute or first text.
    itemprops: Vec<(String, String)>,
    /// The first text (or `title`) of each element whose class or id names a date, in page order.
    date_texts: Vec<String>,
    /// ISO values of [`TIMESTAMP_ATTRIBUTES`], in page order.
    timestamps: Vec<String>,
    /// Dates under publication keys in attribute values (escaped JSON), when scripts gave none.
    attribute_dates: Vec<String>,
    /// The `href` of `<link rel="canonical">`.
    canonical: Option<String>,
    /// The first text of each element that names an author by its class, id, `rel` or
    /// `itemprop` (`<span class="author-name">`, `<a rel="author">`), in page order.
    author_texts: Vec<String>,
    /// Publication dates that scripts other than JSON-LD give under a key such as
    /// `publishedDate` or `published_at` (a page's state for its scripts), in page order.
    script_dates: Vec<String>,
}

/// A publication date under a key of a script's data: `"datePublished": "2019-08-16T…"`,
/// `publishedDate:"…"`, `published_on: '…'`, and the same written into an attribute
/// (`&quot;datePublished&quot;:&quot;…&quot;`, a page's props for its scripts).
static SCRIPT_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?i)(?:["']|&quot;)?\b(?:date_?published|published_?(?:date|at|on|time)|publish_?date|publication_?date|first_?published(?:_?at)?|pub_?date)(?:["']|&quot;)?\s*[:=]\s*(?:["']|&quot;)([0-9]{4}-[0-9]{2}-[0-9]{2}[0-9T:.+\-Z ]{0,20})(?:["']|&quot;)"#,
    )
    .expect("compiles")
});

/// Attributes whose value is the time an element was made: a forum post's `<time-ago
/// ts="…">`, `data-timestamp`, `created-timestamp`.
const TIMESTAMP_ATTRIBUTES: &[&str] =
    &["ts", "timestamp", "data-timestamp", "created-timestamp", "data-time", "data-date"];

pub(super) fn read(page: &str, text_date: Option<&Field>) -> Metadata {
    choose(&scan(page), text_date)
}

/// One pass over the page's tags.
fn scan(page: &str) -> Found {
    let b = page.as_bytes();
    let mut found = Found::default();
    let mut at = 0;
    while let Some(rel) = memchr(b'<', &b[at..]) {
        let start = at + rel;
        if b[start..].starts_with(b"<!--") {
            at = memchr::memmem::find(&b[start + 4..], b"-->").map_or(b.len(), |i| start + 4 + i + 3);
            continue;
        }
        let name_len = b[start + 1..].iter().take_while(|c| c.is_ascii_alphanumeric() || **c == b'-').count();
        if name_len == 0 {
            at = start + 1;
            continue;
        }
        let name = page[start + 1..start + 1 + name_len].to_ascii_lowercase();
        let (attrs, end) = attributes(page, start + 1 + name_len);
        at = end;
        let attr = |key: &str| attrs.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str());
        match name.as_str() {
            "meta" => {
                let key = attr("property").or(attr("name")).or(attr("itemprop"));
                if let (Some(key), Some(content)) = (key, attr("content")) {
                    found.metas.push((key.to_ascii_lowercase(), content.to_string()));
                }
            }
            "html" => found.lang = found.lang.take().or(attr("lang").map(str::to_string)),
            "time" => found.times.extend(attr("datetime").map(str::to_string)),
            "title" if found.title.is_none() => {
                let close = find_close(b, end, b"</title");
                let stop = char_floor(page, close.min(end + MAX_TEXT));
                found.title = Some(collapse(&decode(page.get(end..stop).unwrap_or_default())));
                at = close;
            }
            "script" | "style" => {
                let close = find_close(b, end, if name == "script" { b"</script" } else { b"</style" });
                let json = attr("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                if json && close - end <= MAX_JSON_LD {
                    let body = page[end..close].trim();
                    let body = body.strip_prefix("<![CDATA[").and_then(|b| b.strip_suffix("]]>")).unwrap_or(body);
                    if let Ok(value) = serde_json::from_str::<Value>(body) {
                        found.json_ld.push(value);
                    }
                } else if name == "script" && found.script_dates.len() < 8 {
                    let body = &page[end..close];
                    found.script_dates.extend(SCRIPT_DATE.captures_iter(body).take(8).map(|c| c[1].trim().to_string()));
                }
                at = close;
            }
            _ => {}
        }
        if name != "meta" {
            if let Some(prop) = attr("itemprop") {
                let value =
                    attr("content").or(attr("datetime")).map(str::to_string).unwrap_or_else(|| first_text(page, end));
                found.itemprops.push((prop.to_ascii_lowercase(), value));
            }
            let named = |key: &str| attr(key).is_some_and(names_author);
            let author =
                named("class") || named("id") || attr("rel") == Some("author") || attr("itemprop") == Some("author");
            if author && found.author_texts.len() < 64 {
                found.author_texts.push(first_text(page, end));
            }
            let dated = |key: &str| attr(key).is_some_and(names_date);
            if (dated("class") || dated("id")) && found.date_texts.len() < 64 {
                found.date_texts.push(attr("title").map(str::to_string).unwrap_or_else(|| first_text(page, end)));
            }
            if found.timestamps.len() < 8 {
                let stamp = TIMESTAMP_ATTRIBUTES
                    .iter()
                    .find_map(|k| attr(k).filter(|v| v.len() >= 10 && v.as_bytes()[4] == b'-'));
                found.timestamps.extend(stamp.map(str::to_string));
            }
            if name == "link" && attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) {
                found.canonical = found.canonical.take().or(attr("href").map(str::to_string));
            }
        }
    }
    if found.script_dates.is_empty() && memchr::memmem::find(b, b"&quot;").is_some() {
        let raw = SCRIPT_DATE.captures_iter(page).take(8);
        found.attribute_dates = raw.map(|c| c[1].trim().to_string()).collect();
    }
    found
}

/// The first text after `from`, tags skipped, within [`MAX_TEXT`] bytes: the text an element
/// opening there starts with (`<span itemprop="author"><a href=…>Jane Doe</a>` gives "Jane
/// Doe"). Labels ending in a colon are passed over: "Written by:".
fn first_text(page: &str, from: usize) -> String {
    let b = page.as_bytes();
    let limit = char_floor(page, from + MAX_TEXT);
    let mut at = from;
    while at < limit {
        if b[at] == b'<' {
            at = memchr(b'>', &b[at..limit]).map_or(limit, |i| at + i + 1);
            continue;
        }
        let end = memchr(b'<', &b[at..limit]).map_or(limit, |i| at + i);
        let text = collapse(&decode(page.get(at..end).unwrap_or_default()));
        if !text.is_empty() && !text.ends_with(':') && !is_lead(&text) {
            return text;
        }
        at = end;
    }
    String::new()
}

/// The character boundary at or before byte `at` of `text` (its end when `at` is past it).
fn char_floor(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// True when `text` is only the word that opens an author line: "By", "Par", "Von".
fn is_lead(text: &str) -> bool {
    crate::vocabulary::BYLINE_LEADS.words().iter().any(|lead| lead.eq_ignore_ascii_case(text))
}

/// True when a class or id names an author's name (`author-name`, `byline`, `post_author`),
/// not their picture, bio or link list.
fn names_author(value: &str) -> bool {
    let value = value.to_ascii_lowercase();
    let other =
        ["avatar", "img", "image", "photo", "pic", "bio", "desc", "about", "social", "follow", "more", "list", "box"];
    (value.contains("author") || value.contains("byline")) && !other.iter().any(|o| value.contains(o))
}

/// True when a class or id names a publication date (`post-date`, `publish-date`, `DateTime`),
/// not an update or an event.
fn names_date(value: &str) -> bool {
    let value = value.to_ascii_lowercase();
    let other = ["updat", "modif", "event", "start", "end", "picker", "input", "range", "birth", "format"];
    (value.contains("date") || value.contains("publish") || value.contains("posted"))
        && !other.iter().any(|o| value.contains(o))
}

/// The date a URL's path gives: `/2025/12/19/`, `/2025-12-17-title`, `/2025-12-15+Rust`,
/// `/2023/3/1/` (slashes written `%2F` too).
fn url_date(url: &str) -> Option<String> {
    static PATH_DATE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"/(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?:[^0-9]|$)").expect("compiles"));
    let url = url.replace("%2F", "/").replace("%2f", "/");
    let path = url.split(['?', '#']).next()?;
    let c = PATH_DATE.captures(path)?;
    let (y, m, d) = (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
    let date = chrono::NaiveDate::from_ymd_opt(y, m, d).filter(|_| (1990..=2100).contains(&y))?;
    Some(date.to_string())
}

/// A name as a page writes it, cleaned: a leading "By" or "Written by" dropped, what follows a
/// dash or a bar ("Jane Doe - Editorial Team") cut; `None` unless it reads as a name (one to
/// five words, a letter, no digits, no colon, not a link or a handle).
fn clean_name(text: &str) -> Option<String> {
    let mut name = text.trim();
    for lead in ["written by", "posted by", "reviewed by", "published by", "by"] {
        if name.len() > lead.len() && name.is_char_boundary(lead.len()) && name[..lead.len()].eq_ignore_ascii_case(lead)
        {
            let rest = &name[lead.len()..];
            if rest.starts_with([' ', ':']) {
                name = rest.trim_start_matches([' ', ':']);
                break;
            }
        }
    }
    for cut in [" - ", " – ", " — ", " | ", " · "] {
        if let Some((head, _)) = name.split_once(cut) {
            name = head;
        }
    }
    let name = name.trim().trim_end_matches([',', '.']);
    if is_lead(name) {
        return None;
    }
    let words = name.split_whitespace().count();
    let reads_as_name = (1..=5).contains(&words)
        && name.len() <= 80
        && name.chars().any(char::is_alphabetic)
        && !name.chars().any(|c| c.is_ascii_digit() || c == ':' || c == '@' || c == '/');
    // A single lower-case token is a user name ("kffnirmitap"), not how a page names its author.
    let handle = words == 1 && !name.chars().any(char::is_uppercase);
    (reads_as_name && !handle).then(|| name.to_string())
}

/// The authors, from the most trusted source that names a person: JSON-LD authors that are not
/// organisations, author meta tags, elements named as authors (the name they give most often,
/// for a page that also lists other posts' authors), then organisations as authors.
fn authors(found: &Found, articles: &[(&str, &serde_json::Map<String, Value>)]) -> Vec<Field> {
    let site = articles.iter().find_map(|(_, m)| m.get("publisher").and_then(ld_text));
    let mut organisations = Vec::new();
    if let Some((t, value)) = articles.iter().find_map(|(t, m)| m.get("author").map(|v| (*t, v))) {
        let items: Vec<&Value> = match value {
            Value::Array(items) => items.iter().collect(),
            other => vec![other],
        };
        let mut people = Vec::new();
        for item in items {
            let Some(name) = ld_text(item).and_then(|n| clean_name(&n)) else { continue };
            let organisation = item.get("@type").and_then(Value::as_str).is_some_and(|t| t != "Person")
                || site.as_deref().is_some_and(|s| s.eq_ignore_ascii_case(&name));
            let field = Field::new(name, Source::JsonLd(format!("{t}.author")));
            if organisation {
                organisations.push(field);
            } else {
                people.push(field);
            }
        }
        if !people.is_empty() {
            return people;
        }
    }
    for key in ["author", "article:author", "dc.creator", "parsely-author", "sailthru.author", "byl"] {
        let names: Vec<Field> = found
            .metas
            .iter()
            .filter(|(k, _)| k == key)
            .flat_map(|(_, v)| v.split([';', '|']))
            .filter_map(clean_name)
            .map(|n| Field::new(n, Source::Meta(key.to_string())))
            .collect();
        if !names.is_empty() {
            return names;
        }
    }
    let mut counts: Vec<(String, usize)> = Vec::new();
    for name in found.author_texts.iter().filter_map(|t| clean_name(t)) {
        match counts.iter_mut().find(|(n, _)| *n == name) {
            Some((_, count)) => *count += 1,
            None => counts.push((name, 1)),
        }
    }
    // The most named, the first named among equals.
    let best = counts.iter().enumerate().max_by_key(|(i, (_, count))| (*count, usize::MAX - i));
    if let Some((_, (name, _))) = best {
        return vec![Field::new(name.clone(), Source::Element("author element"))];
    }
    organisations
}

/// Where the element whose content starts at `from` closes (the start of `close`, matched
/// ASCII case-insensitively), or the end of the page.
fn find_close(b: &[u8], from: usize, close: &[u8]) -> usize {
    let mut at = from;
    while let Some(rel) = memchr(b'<', &b[at..]) {
        let start = at + rel;
        if b.len() - start >= close.len() && b[start..start + close.len()].eq_ignore_ascii_case(close) {
            return start;
        }
        at = start + 1;
    }
    b.len()
}

/// The attributes of a tag whose name ends at `from`, names in lower case and values decoded,
/// and where the tag ends (after its `>`).
fn attributes(page: &str, from: usize) -> (Vec<(String, String)>, usize) {
    let b = page.as_bytes();
    let mut attrs = Vec::new();
    let mut at = from;
    loop {
        while at < b.len() && (b[at].is_ascii_whitespace() || b[at] == b'/') {
            at += 1;
        }
        if at >= b.len() {
            return (attrs, b.len());
        }
        if b[at] == b'>' {
            return (attrs, at + 1);
        }
        let name_start = at;
        while at < b.len() && !b[at].is_ascii_whitespace() && !matches!(b[at], b'=' | b'>' | b'/') {
            at += 1;
        }
        let name = page[name_start..at].to_ascii_lowercase();
        while at < b.len() && b[at].is_ascii_whitespace() {
            at += 1;
        }
        let mut value = String::new();
        if at < b.len() && b[at] == b'=' {
            at += 1;
            while at < b.len() && b[at].is_ascii_whitespace() {
                at += 1;
            }
            let (v_start, v_end, next) = match b.get(at) {
                Some(&q @ (b'"' | b'\'')) => {
                    let end = memchr(q, &b[at + 1..]).map_or(b.len(), |i| at + 1 + i);
                    (at + 1, end, (end + 1).min(b.len()))
                }
                _ => {
                    let end =
                        b[at..].iter().position(|c| c.is_ascii_whitespace() || *c == b'>').map_or(b.len(), |i| at + i);
                    (at, end, end)
                }
            };
            value = decode(&page[v_start..v_end]);
            at = next;
        }
        if !name.is_empty() && attrs.len() < 32 {
            attrs.push((name, value));
        }
    }
}

/// Character references decoded: numeric ones and the few named ones that titles and names
/// carry (`&amp;`, `&quot;`, `&#39;`, `&nbsp;`...).
fn decode(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[1..].find(';').map(|e| e + 1).filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let entity = &rest[1..e];
            let c = match entity {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                "nbsp" => ' ',
                "ndash" => '–',
                "mdash" => '—',
                "rsquo" => '’',
                "lsquo" => '‘',
                "rdquo" => '”',
                "ldquo" => '“',
                "hellip" => '…',
                _ => {
                    let n = entity.strip_prefix('#')?;
                    let code = match n.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => n.parse().ok()?,
                    };
                    char::from_u32(code)?
                }
            };
            Some((c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// White space collapsed to single spaces, trimmed.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// JSON-LD types that describe the page's article (or page) itself.
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "BlogPosting",
    "Report",
    "ScholarlyArticle",
    "TechArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "ReviewNewsArticle",
    "ReportageNewsArticle",
    "BackgroundNewsArticle",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "DiscussionForumPosting",
    "Review",
    "Recipe",
    "HowTo",
    "Product",
    "WebPage",
    "Event",
];

/// The JSON-LD objects of the page, `@graph` members and arrays flattened, articles first (in
/// [`ARTICLE_TYPES`] order of preference), then the rest in page order.
fn json_ld_objects(values: &[Value]) -> Vec<(&str, &serde_json::Map<String, Value>)> {
    fn walk<'v>(value: &'v Value, out: &mut Vec<&'v serde_json::Map<String, Value>>, depth: usize) {
        if depth > 4 {
            return;
        }
        match value {
            Value::Array(items) => items.iter().for_each(|v| walk(v, out, depth + 1)),
            Value::Object(map) => {
                out.push(map);
                if let Some(graph) = map.get("@graph") {
                    walk(graph, out, depth + 1);
                }
            }
            _ => {}
        }
    }
    let mut objects = Vec::new();
    values.iter().for_each(|v| walk(v, &mut objects, 0));
    let type_of = |map: &serde_json::Map<String, Value>| -> Option<&str> {
        match map.get("@type")? {
            Value::String(t) => ARTICLE_TYPES.iter().find(|a| **a == t).copied(),
            Value::Array(ts) => {
                ts.iter().filter_map(Value::as_str).find_map(|t| ARTICLE_TYPES.iter().find(|a| **a == t).copied())
            }
            _ => None,
        }
    };
    let mut typed: Vec<(usize, &str, &serde_json::Map<String, Value>)> = objects
        .into_iter()
        .filter_map(|m| type_of(m).map(|t| (ARTICLE_TYPES.iter().position(|a| *a == t).unwrap_or(usize::MAX), t, m)))
        .collect();
    typed.sort_by_key(|(rank, _, _)| *rank);
    typed.into_iter().map(|(_, t, m)| (t, m)).collect()
}

/// A JSON-LD value as text: a string, or an object's `name`.
fn ld_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(collapse(&decode(s))).filter(|s| !s.is_empty()),
        Value::Object(map) => map.get("name").and_then(ld_text),
        Value::Array(items) => items.first().and_then(ld_text),
        _ => None,
    }
}

/// The first meta tag among `keys` (in order of preference) with a value.
fn first_meta<'f>(found: &'f Found, keys: &[&'static str]) -> Option<(&'static str, &'f str)> {
    keys.iter().find_map(|key| {
        found.metas.iter().find(|(k, v)| k == key && !v.trim().is_empty()).map(|(_, v)| (*key, v.trim()))
    })
}

fn itemprop<'f>(found: &'f Found, key: &str) -> Option<&'f str> {
    found.itemprops.iter().find(|(k, v)| k == key && !v.trim().is_empty()).map(|(_, v)| v.trim())
}

/// True when a meta tag's name says it gives a publication date: it holds "publish" (not
/// "publisher") or ends in "date", and says nothing of a modification or an expiry.
fn names_publication_date(key: &str) -> bool {
    let publish = key.contains("publish") && !key.contains("publisher");
    let other = ["modif", "updat", "expir", "valid", "event", "start", "end", "birth", "revis", "crawl", "index"];
    (publish || key.ends_with("date")) && !other.iter().any(|o| key.contains(o))
}

/// Each field from the most trusted source that gives it.
fn choose(found: &Found, text_date: Option<&Field>) -> Metadata {
    let mut meta = Metadata::default();
    let articles = json_ld_objects(&found.json_ld);
    let ld = |key: &str| articles.iter().find_map(|(t, m)| m.get(key).map(|v| (*t, v)));
    let ld_field =
        |key: &str| ld(key).and_then(|(t, v)| ld_text(v).map(|s| Field::new(s, Source::JsonLd(format!("{t}.{key}")))));
    let meta_field = |keys: &[&'static str]| {
        first_meta(found, keys).map(|(k, v)| Field::new(collapse(v), Source::Meta(k.to_string())))
    };

    meta.title = ld_field("headline")
        .or_else(|| meta_field(&["og:title", "twitter:title", "dc.title", "parsely-title", "sailthru.title"]))
        .or_else(|| {
            itemprop(found, "headline").map(|v| Field::new(v.to_string(), Source::Element("[itemprop=headline]")))
        })
        .or_else(|| ld_field("name"))
        .or_else(|| found.title.clone().filter(|t| !t.is_empty()).map(|t| Field::new(t, Source::Element("title"))));

    meta.authors = authors(found, &articles);
    let dated = |field: Option<Field>| field.and_then(|f| date::iso(&f.value).map(|d| Field::new(d, f.source)));
    // A `WebPage`'s date is the page's, which a site may set once for a page it keeps
    // rewriting: an article's own comes first.
    let article_date = articles.iter().filter(|(t, _)| *t != "WebPage").find_map(|(t, m)| {
        m.get("datePublished").and_then(ld_text).map(|v| Field::new(v, Source::JsonLd(format!("{t}.datePublished"))))
    });
    meta.date = dated(article_date)
        .or_else(|| {
            dated(meta_field(&[
                "article:published_time",
                "og:published_time",
                "published_time",
                "datepublished",
                "date",
                "pubdate",
                "publishdate",
                "publish-date",
                "parsely-pub-date",
                "sailthru.date",
                "dc.date.issued",
                "dc.date",
                "dcterms.date",
                "dcterms.created",
                "article.published",
                "original-publish-date",
            ]))
        })
        .or_else(|| {
            dated(
                itemprop(found, "datepublished")
                    .map(|v| Field::new(v.to_string(), Source::Element("[itemprop=datePublished]"))),
            )
        })
        .or_else(|| dated(ld_field("dateCreated")))
        .or_else(|| {
            // Any other meta tag that names a publication date: `cludo:date`, `w-published-date`.
            let other = found.metas.iter().find(|(k, v)| names_publication_date(k) && date::iso(v).is_some());
            dated(other.map(|(k, v)| Field::new(v.clone(), Source::Meta(k.clone()))))
        })
        .or_else(|| dated(found.script_dates.first().map(|d| Field::new(d.clone(), Source::Element("script")))))
        .or_else(|| {
            dated(found.attribute_dates.first().map(|d| Field::new(d.clone(), Source::Element("attribute data"))))
        })
        // A publication stamp the text rules removed from the page's text (TIM002 and the like).
        .or_else(|| text_date.cloned())
        .or_else(|| {
            // A date an element named as one shows: `<span class="post-date">Dec 17, 2025</span>`.
            let shown = found.date_texts.iter().find(|t| date::iso(t).is_some());
            dated(shown.map(|t| Field::new(t.clone(), Source::Element("date element"))))
        })
        .or_else(|| {
            let url = first_meta(found, &["og:url"]).map(|(_, v)| v).or(found.canonical.as_deref());
            url_date(url?).map(|d| Field::new(d, Source::Element("URL")))
        })
        .or_else(|| dated(ld_field("datePublished")))
        .or_else(|| {
            dated(found.timestamps.first().map(|t| Field::new(t.clone(), Source::Element("timestamp attribute"))))
        })
        .or_else(|| dated(found.times.first().map(|t| Field::new(t.clone(), Source::Element("time[datetime]")))))
        .or_else(|| dated(ld_field("dateModified")))
        .or_else(|| dated(meta_field(&["article:modified_time", "og:updated_time", "dateModified"])));

    meta.site = ld("publisher")
        .and_then(|(t, v)| ld_text(v).map(|s| Field::new(s, Source::JsonLd(format!("{t}.publisher")))))
        .or_else(|| meta_field(&["og:site_name", "application-name", "twitter:site"]));
    meta.description =
        ld_field("description").or_else(|| meta_field(&["og:description", "description", "twitter:description"]));
    meta.language = ld_field("inLanguage")
        .or_else(|| {
            found
                .lang
                .clone()
                .filter(|l| !l.trim().is_empty())
                .map(|l| Field::new(l.trim().to_string(), Source::Element("html[lang]")))
        })
        .or_else(|| meta_field(&["og:locale", "content-language", "language"]));
    meta.tags = match ld("keywords") {
        Some((t, Value::String(s))) => s
            .split(',')
            .map(str::trim)
            .filter(|k| !k.is_empty())
            .map(|k| Field::new(k.to_string(), Source::JsonLd(format!("{t}.keywords"))))
            .collect(),
        Some((t, Value::Array(items))) => {
            items.iter().filter_map(ld_text).map(|k| Field::new(k, Source::JsonLd(format!("{t}.keywords")))).collect()
        }
        _ => Vec::new(),
    };
    if meta.tags.is_empty() {
        meta.tags = found
            .metas
            .iter()
            .filter(|(k, _)| k == "article:tag")
            .map(|(_, v)| Field::new(v.trim().to_string(), Source::Meta("article:tag".to_string())))
            .collect();
    }
    meta
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(fields: &[Field]) -> Vec<&str> {
        fields.iter().map(|f| f.value.as_str()).collect()
    }

    #[test]
    fn json_ld_comes_before_meta_tags_and_meta_tags_before_elements() {
        let page = r#"<!doctype html><html lang="de"><head>
            <title>Bridge vote &amp; more | Example</title>
            <meta property="og:title" content="Bridge vote (og)">
            <meta name="author" content="Meta Author">
            <meta property="article:published_time" content="2017-01-11T08:00:00Z">
            <script type="application/ld+json">
              {"@context": "https://schema.org", "@graph": [
                {"@type": "WebSite", "name": "Example"},
                {"@type": ["NewsArticle"], "headline": "Bridge vote", "datePublished": "2017-01-10",
                 "author": [{"@type": "Person", "name": "Jane Doe"}, {"name": "John Roe"}],
                 "publisher": {"@type": "Organization", "name": "Example News"},
                 "keywords": "bridge, council"}]}
            </script></head><body><time datetime="2016-05-05">old</time></body></html>"#;
        let meta = read(page, None);
        assert_eq!(meta.title.as_ref().unwrap().value, "Bridge vote");
        assert_eq!(meta.title.as_ref().unwrap().source, Source::JsonLd("NewsArticle.headline".into()));
        assert_eq!(values(&meta.authors), ["Jane Doe", "John Roe"]);
        assert_eq!(meta.date.as_ref().unwrap().value, "2017-01-10");
        assert_eq!(meta.site.as_ref().unwrap().value, "Example News");
        assert_eq!(meta.language.as_ref().unwrap().value, "de");
        assert_eq!(values(&meta.tags), ["bridge", "council"]);
    }

    #[test]
    fn without_json_ld_the_meta_tags_speak() {
        let page = r#"<head><title> Bridge
              vote </title><meta content="Jane Doe" name="author"><meta property="article:published_time"
              content="2017-01-11T08:00:00+01:00"><meta property="og:site_name" content="Example News">
              <meta name=description content='The council &quot;voted&quot;.'></head>"#;
        let meta = read(page, None);
        assert_eq!(meta.title.as_ref().unwrap().value, "Bridge vote");
        assert_eq!(meta.title.as_ref().unwrap().source, Source::Element("title"));
        assert_eq!(values(&meta.authors), ["Jane Doe"]);
        assert_eq!(meta.date.as_ref().unwrap().value, "2017-01-11T08:00+01:00");
        assert_eq!(meta.date.as_ref().unwrap().source, Source::Meta("article:published_time".into()));
        assert_eq!(meta.description.as_ref().unwrap().value, "The council \"voted\".");
    }

    #[test]
    fn itemprop_and_time_fill_in_last() {
        let page = r#"<body><span itemprop="author">Jane Doe</span><time datetime="2017-01-10T19:48">Jan 10</time>
            <meta itemprop="datePublished" content="2017-01-09"></body>"#;
        let meta = read(page, None);
        assert_eq!(values(&meta.authors), ["Jane Doe"]);
        assert_eq!(meta.date.as_ref().unwrap().value, "2017-01-09", "a meta itemprop is a meta tag");
    }

    #[test]
    fn other_named_dates_and_script_data_come_last() {
        let page = r#"<meta name="cludo:date" content="2023-06-08T23:03:43Z"><meta name="last-modified-date" content="2024-01-01">"#;
        assert_eq!(read(page, None).date.unwrap().value, "2023-06-08T23:03:43Z");
        let page = r#"<meta name="published" content="July 17, 2025">"#;
        assert_eq!(read(page, None).date.unwrap().value, "2025-07-17");
        let page = r#"<script>window.state={slug:"x",publishedDate:"2019-08-16T00:00:00.000Z",dateLastUpdated:"2025-07-09"}</script>"#;
        let meta = read(page, None);
        assert_eq!(meta.date.as_ref().unwrap().value, "2019-08-16T00:00Z");
        assert_eq!(meta.date.unwrap().source, Source::Element("script"));
        for key in ["og:updated_time", "expiry-date", "event-start-date", "publisher"] {
            assert!(!names_publication_date(key), "{key}");
        }
    }

    #[test]
    fn author_elements_name_the_author_the_page_names_most() {
        let page = r#"<div class="card"><div class="author">by Ann Other</div></div>
            <div class="post-author"><p class="author__label">Written by:</p><a rel="author" href="/a/jd">Jane Doe</a></div>
            <span class="author-name">Jane Doe</span><img class="author-avatar" alt="x"><p class="author-bio">Jane writes.</p>"#;
        let meta = read(page, None);
        assert_eq!(values(&meta.authors), ["Jane Doe"]);
        let page = r#"<script type="application/ld+json">{"@type": "Article", "author": {"@type": "Organization", "name": "Example"},
            "publisher": {"name": "Example"}}</script><span itemprop="author"><a href="/x">Jane Doe</a></span>"#;
        assert_eq!(values(&read(page, None).authors), ["Jane Doe"], "a person before an organisation");
        let page = r#"<script type="application/ld+json">{"@type": "Article", "author": {"@type": "Organization", "name": "Example"}}</script>"#;
        assert_eq!(values(&read(page, None).authors), ["Example"], "an organisation when nothing else names one");
        assert_eq!(clean_name("David Jackson - FullStack Editorial Team").as_deref(), Some("David Jackson"));
        assert_eq!(clean_name("Written By: Tom May").as_deref(), Some("Tom May"));
        assert_eq!(clean_name("kffnirmitap"), None);
        assert_eq!(clean_name("By"), None);
        let page = r#"<p class="byline"><span class="author">Par <a href="/c">Camille Roussel</a></span></p>"#;
        assert_eq!(values(&read(page, None).authors), ["Camille Roussel"]);
        assert_eq!(clean_name("BeauHD").as_deref(), Some("BeauHD"));
        assert_eq!(clean_name("November 3, 2025"), None);
    }

    #[test]
    fn shown_dates_and_url_dates_come_after_the_markup() {
        let page = r#"<div class="publish-date-author">Dec. 19, 2025 &middot; Niko</div><span class="post-updated-date">Jan 2, 2026</span>"#;
        assert_eq!(read(page, None).date.unwrap().value, "2025-12-19");
        let page = r#"<span class="DateTime" title="May 26, 2025 at 11:12 PM">May 26, 2025</span>"#;
        assert_eq!(read(page, None).date.unwrap().value, "2025-05-26T23:12");
        let page = r#"<meta property="og:url" content="https://example.com/2025/12/19/bridge-vote/"><time datetime="2024-01-01">x</time>"#;
        let date = read(page, None).date.unwrap();
        assert_eq!((date.value.as_str(), date.source), ("2025-12-19", Source::Element("URL")));
        assert_eq!(url_date("https://example.com/blog/2025-12-17-minisgl"), Some("2025-12-17".into()));
        assert_eq!(url_date("https://example.com%2Farticles%2F2025-12-15%2BRust"), Some("2025-12-15".into()));
        assert_eq!(url_date("https://example.com/2025/12/150/x"), None);
        assert_eq!(url_date("https://example.com/2025/13/40/x"), None);
        assert_eq!(url_date("https://example.com/p?d=/2025/12/19/"), None);
        let page = r#"<script type="application/ld+json">{"@type": "WebPage", "datePublished": "2021-08-12"}</script>
            <meta name="pubdate" content="2025-02-22">"#;
        assert_eq!(read(page, None).date.unwrap().value, "2025-02-22", "a web page's date after the article's");
    }

    #[test]
    fn escaped_data_and_timestamp_attributes_give_dates_last() {
        let page = r#"<div data-props="{&quot;dateModified&quot;:&quot;2025-11-18&quot;,&quot;datePublished&quot;:&quot;2025-11-17T09:00:00-05:00&quot;}"></div>"#;
        assert_eq!(read(page, None).date.unwrap().value, "2025-11-17T09:00-05:00");
        let page = r#"<shreddit-post created-timestamp="2026-03-03T09:47:05.754000+0000"></shreddit-post>"#;
        assert_eq!(read(page, None).date.unwrap().value, "2026-03-03T09:47:05Z");
    }

    #[test]
    fn links_and_handles_are_not_authors() {
        let page = r#"<meta name="author" content="https://example.com/staff/jane"><meta property="article:author" content="@jane">"#;
        assert!(read(page, None).authors.is_empty());
    }

    #[test]
    fn broken_markup_and_scripts_are_not_read_as_metadata() {
        let page =
            "<script>var t = '<title>fake</title>';</script><!-- <meta name=author content=Nobody> --><title>Real";
        let meta = read(page, None);
        assert_eq!(meta.title.unwrap().value, "Real");
        assert!(meta.authors.is_empty());
        // Regression (fuzzing): a title longer than the bytes read of it, cut inside a character.
        let long = format!("<title>a{}</title>", "é".repeat(MAX_TEXT));
        assert!(read(&long, None).title.unwrap().value.starts_with("aéé"));
        let long = format!("<span class=author>a{}</span>", "é".repeat(MAX_TEXT));
        let _ = read(&long, None);
        for hostile in
            ["<", "<meta", "<meta content=\"", "<script type=application/ld+json>{", "&#xFFFFFFFF;", "<title>&"]
        {
            let _ = read(hostile, None);
        }
    }
}
