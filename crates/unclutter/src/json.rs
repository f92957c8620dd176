//! The JSON schema of a cleaning result (feature `serde`): what `unclutter --json` prints.
//!
//! With the `serde` feature, [`Cleaned`], [`Removal`], [`RuleId`], [`Category`] and [`Span`](crate::Span)
//! implement [`serde::Serialize`]. A [`Cleaned`] serializes as the *document object* below, and
//! `unclutter --json` prints exactly `serde_json::to_writer(out, &cleaned)` followed by a newline,
//! so this page is the one description of the CLI's JSON output.
//!
//! # Offsets
//!
//! `start` and `end` are **byte** offsets (UTF-8, half-open `start..end`) into the text that was
//! cleaned: the input in text mode, and in HTML mode the page's text projection, printed as
//! `source_text`, never the raw HTML. They always fall on character boundaries, and the removed
//! ranges, deleted from that text, leave `text` exactly.
//!
//! # Document object
//!
//! | key            | type                  | present                                   | value |
//! |----------------|-----------------------|-------------------------------------------|-------|
//! | `text`         | string                | always                                    | the kept text |
//! | `removed`      | array of removals     | always (`[]` when nothing was removed)    | every removed piece, sorted by `start`, disjoint |
//! | `input_kind`   | string                | always                                    | `page` or `article`: what the input was taken for ([`Cleaned::input_kind`](crate::Cleaned::input_kind)) |
//! | `source_text`  | string                | HTML mode only                            | the text projection of the page, which the offsets index |
//! | `content_root` | string                | HTML mode, when a content root was chosen | the element path of the article's content root |
//! | `encoding`     | string                | when the input was decoded from bytes     | the encoding used ([`Cleaned::encoding`](crate::Cleaned::encoding)), as `windows-1252`; the offsets index the decoded text |
//!
//! # Removal object
//!
//! | key        | type    | present                         | value |
//! |------------|---------|---------------------------------|-------|
//! | `start`    | integer | always                          | the first removed byte |
//! | `end`      | integer | always                          | one past the last removed byte |
//! | `rule`     | string  | always                          | the rule's code ([`RuleId::code`]), as `NAV001` |
//! | `name`     | string  | always                          | the rule's kebab name ([`RuleId::name`]), as `skip-link` |
//! | `category` | string  | always                          | the rule's category ([`Category::as_str`]), as `navigation` |
//! | `reason`   | string  | always                          | a short reason, naming the evidence ([`Removal::reason`]) |
//! | `text`     | string  | always, in a document           | the removed text: the cleaned text's bytes `start..end` |
//! | `path`     | string  | HTML mode                       | the element path of the line where the removal starts ([`Cleaned::path`]) |
//!
//! Keys come in the order listed; a key that is not present is left out, never `null`. The output
//! holds no timings or other varying fields: the same input and options give the same bytes.
//!
//! A [`Removal`] serialized on its own gives the same object without `text` and `path`, which
//! need the [`Cleaned`] it belongs to. A [`RuleId`] serializes as its code, a [`Category`] as
//! its name, a [`Span`](crate::Span) as `{"start": …, "end": …}`.
//!
//! # Example
//!
//! ```
//! let cleaned = unclutter::Cleaner::new().clean("Skip to main content\nThe council met on Monday.\n");
//! let json = serde_json::to_string(&cleaned).unwrap();
//! let reason = serde_json::to_string(&cleaned.removals()[0].reason()).unwrap();
//! assert_eq!(
//!     json,
//!     format!(
//!         r#"{{"text":"The council met on Monday.\n","removed":[{{"start":0,"end":21,"rule":"NAV001","name":"{}","category":"navigation","reason":{reason},"text":"Skip to main content\n"}}],"input_kind":"article"}}"#,
//!         cleaned.removals()[0].rule().name(),
//!     )
//! );
//!
//! // HTML mode: the offsets index `source_text`, and each removal names its element.
//! let page = "<html><body><nav><a href=/>Home</a> <a href=/news>News</a></nav><article><p>The council \
//!             voted 7-2 on Tuesday to fund the new bridge over the river.</p></article></body></html>";
//! let cleaned = unclutter::Cleaner::new().clean_html(page);
//! let doc: serde_json::Value = serde_json::to_value(&cleaned).unwrap();
//! let source = doc["source_text"].as_str().unwrap();
//! for removal in doc["removed"].as_array().unwrap() {
//!     let (start, end) = (removal["start"].as_u64().unwrap(), removal["end"].as_u64().unwrap());
//!     assert_eq!(&source[start as usize..end as usize], removal["text"]);
//!     assert!(removal["path"].is_string());
//! }
//! ```

use std::fmt;

use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::cleaned::Cleaned;
use crate::meta::{Category, RuleId};
use crate::removal::Removal;

/// The document object of the [schema](crate::json): `text`, `removed`, `input_kind`, and in
/// HTML mode `source_text` and `content_root`.
impl Serialize for Cleaned<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let source_text = self.is_html().then(|| self.input());
        let content_root = self.content_root();
        let len = 3
            + usize::from(source_text.is_some())
            + usize::from(content_root.is_some())
            + usize::from(self.encoding().is_some());
        let mut doc = serializer.serialize_struct("Cleaned", len)?;
        doc.serialize_field("text", &KeptText(self))?;
        doc.serialize_field("removed", &Removed(self))?;
        doc.serialize_field("input_kind", self.input_kind().as_str())?;
        match source_text {
            Some(source_text) => doc.serialize_field("source_text", source_text)?,
            None => doc.skip_field("source_text")?,
        }
        match content_root {
            Some(content_root) => doc.serialize_field("content_root", content_root)?,
            None => doc.skip_field("content_root")?,
        }
        match self.encoding() {
            Some(encoding) => doc.serialize_field("encoding", encoding)?,
            None => doc.skip_field("encoding")?,
        }
        doc.end()
    }
}

/// The removal object of the [schema](crate::json) without `text` and `path`, which need the
/// [`Cleaned`] the removal belongs to (serialize that instead to get them).
impl Serialize for Removal {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        RemovalView { removal: self, text: None, path: None }.serialize(serializer)
    }
}

/// The rule's code: `"NAV001"`.
impl Serialize for RuleId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

/// The category's name: `"navigation"`.
impl Serialize for Category {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// The kept text, written piece by piece rather than built as one `String` first.
struct KeptText<'c, 'a>(&'c Cleaned<'a>);

impl fmt::Display for KeptText<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let input = self.0.input();
        self.0.kept_spans().try_for_each(|span| f.write_str(&input[span]))
    }
}

impl Serialize for KeptText<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// The `removed` array: each removal with its text and, in HTML mode, its path.
struct Removed<'c, 'a>(&'c Cleaned<'a>);

impl Serialize for Removed<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let cleaned = self.0;
        let input = cleaned.input();
        serializer.collect_seq(cleaned.removals().iter().map(|removal| RemovalView {
            removal,
            text: Some(&input[removal.span()]),
            path: cleaned.path(removal.span()),
        }))
    }
}

/// A removal with what only its [`Cleaned`] knows: the removed text and the element path.
struct RemovalView<'r> {
    removal: &'r Removal,
    text: Option<&'r str>,
    path: Option<&'r str>,
}

impl Serialize for RemovalView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let r = self.removal;
        let len = 6 + usize::from(self.text.is_some()) + usize::from(self.path.is_some());
        let mut out = serializer.serialize_struct("Removal", len)?;
        out.serialize_field("start", &r.span().start)?;
        out.serialize_field("end", &r.span().end)?;
        out.serialize_field("rule", &r.rule())?;
        out.serialize_field("name", r.rule().name())?;
        out.serialize_field("category", &r.category())?;
        out.serialize_field("reason", &*r.reason())?;
        match self.text {
            Some(text) => out.serialize_field("text", text)?,
            None => out.skip_field("text")?,
        }
        match self.path {
            Some(path) => out.serialize_field("path", path)?,
            None => out.skip_field("path")?,
        }
        out.end()
    }
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use crate::{Cleaned, Cleaner, Removal, RuleId, Span};

    const TEXT: &str = "Skip to main content\n\nCouncil approves bridge — größer, 橋\n\n2 min read\n\n\
                        The council voted 7-2 on Tuesday.\n\nPhoto: Jane Doe / Reuters\n\nShare\n";

    const PAGE: &str = "<!doctype html><html><body><nav><a href=/>Home</a> <a href=/n>News</a></nav>\
                        <main><article><h1>Council approves the bridge</h1><p class=byline>By Jane Doe</p>\
                        <p>The council voted 7-2 on Tuesday to fund the new bridge — größer — over the river.</p>\
                        <div class=share-bar><a href=#>Facebook</a> <a href=#>Twitter</a></div>\
                        <p>Work starts in the spring and the bridge should open to traffic in 2027.</p></article></main>\
                        <footer><p>© 2024 Example Gazette</p></footer></body></html>";

    /// Parses the JSON of `cleaned` and checks every key against the library's own accessors.
    fn check(cleaned: &Cleaned<'_>) -> Value {
        let json = serde_json::to_string(cleaned).unwrap();
        let doc: Value = serde_json::from_str(&json).unwrap();
        let input = cleaned.input();
        assert_eq!(doc["text"], cleaned.text());
        let removed = doc["removed"].as_array().unwrap();
        assert!(!removed.is_empty(), "the fixture should have clutter: {json}");
        assert_eq!(removed.len(), cleaned.removals().len());
        for (v, r) in removed.iter().zip(cleaned.removals()) {
            let (start, end) = (v["start"].as_u64().unwrap() as usize, v["end"].as_u64().unwrap() as usize);
            assert_eq!(Span::new_in(input, start..end), Some(r.span()));
            assert_eq!(v["text"], &input[start..end]);
            assert_eq!(v["rule"], r.rule().code());
            assert_eq!(RuleId::from_code(v["rule"].as_str().unwrap()), Some(r.rule()));
            assert_eq!(v["name"], r.rule().name());
            assert_eq!(v["category"], r.category().as_str());
            assert_eq!(v["category"], r.rule().category().as_str());
            assert_eq!(v["reason"], *r.reason());
            assert_eq!(v.get("path").and_then(Value::as_str), cleaned.path(r.span()));
            assert_eq!(v.as_object().unwrap().len(), 7 + usize::from(cleaned.is_html()), "{v}");
        }
        doc
    }

    #[test]
    fn text_mode_json_matches_the_library() {
        let cleaned = Cleaner::new().clean(TEXT);
        let doc = check(&cleaned);
        let mut keys: Vec<&str> = doc.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(keys, ["input_kind", "removed", "text"], "text mode has no source_text or content_root: {doc}");
        assert_eq!(doc["input_kind"], cleaned.input_kind().as_str());
        assert!(doc["removed"].as_array().unwrap().iter().all(|r| r.get("path").is_none()));
    }

    #[test]
    fn html_mode_json_matches_the_library() {
        let cleaned = Cleaner::new().clean_html(PAGE);
        let doc = check(&cleaned);
        assert_eq!(doc["source_text"], cleaned.input());
        assert_eq!(doc.get("content_root").and_then(Value::as_str), cleaned.content_root());
        assert!(doc["removed"].as_array().unwrap().iter().all(|r| r["path"].is_string()));
    }

    #[test]
    fn nothing_removed_is_an_empty_array() {
        let cleaned = Cleaner::new().clean("");
        assert_eq!(serde_json::to_string(&cleaned).unwrap(), r#"{"text":"","removed":[],"input_kind":"article"}"#);
    }

    /// Keys in the documented order, strings escaped as JSON: the output is checked byte for byte
    /// against one written by hand from the accessors.
    #[test]
    fn bytes_follow_the_documented_order() {
        fn s(text: &str) -> String {
            serde_json::to_string(text).unwrap()
        }
        for cleaned in [Cleaner::new().clean(TEXT), Cleaner::new().clean_html(PAGE)] {
            let input = cleaned.input();
            let removed: Vec<String> = cleaned
                .removals()
                .iter()
                .map(|r| {
                    let path = cleaned.path(r.span()).map(|p| format!(r#","path":{}"#, s(p))).unwrap_or_default();
                    format!(
                        r#"{{"start":{},"end":{},"rule":{},"name":{},"category":{},"reason":{},"text":{}{path}}}"#,
                        r.span().start,
                        r.span().end,
                        s(r.rule().code()),
                        s(r.rule().name()),
                        s(r.category().as_str()),
                        s(&r.reason()),
                        s(&input[r.span()]),
                    )
                })
                .collect();
            let mut expected = format!(
                r#"{{"text":{},"removed":[{}],"input_kind":{}"#,
                s(&cleaned.text()),
                removed.join(","),
                s(cleaned.input_kind().as_str())
            );
            if cleaned.is_html() {
                expected.push_str(&format!(r#","source_text":{}"#, s(input)));
            }
            if let Some(root) = cleaned.content_root() {
                expected.push_str(&format!(r#","content_root":{}"#, s(root)));
            }
            expected.push('}');
            assert_eq!(serde_json::to_string(&cleaned).unwrap(), expected);
        }
    }

    #[test]
    fn parts_serialize_on_their_own() {
        let cleaned = Cleaner::new().clean(TEXT);
        let removal: &Removal = &cleaned.removals()[0];
        let v = serde_json::to_value(removal).unwrap();
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys.len(), 6, "no text or path without the document: {v}");
        assert_eq!(v["rule"], removal.rule().code());
        assert_eq!(v["start"], removal.span().start);
        assert_eq!(serde_json::to_string(&removal.rule()).unwrap(), format!("\"{}\"", removal.rule().code()));
        assert_eq!(serde_json::to_string(&removal.category()).unwrap(), format!("\"{}\"", removal.category()));
        assert_eq!(serde_json::to_string(&Span::new(3, 7)).unwrap(), r#"{"start":3,"end":7}"#);
    }
}
