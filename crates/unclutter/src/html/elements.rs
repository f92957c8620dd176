//! What an element's tag and attributes say: whether its content is text of the page, whether
//! it makes a line of its own, and whether it is page furniture or an article's body.

use super::tokens::{CONTENT, FURNITURE};

/// Elements whose content is never text of the page. A `noscript` element's is: the page as a
/// client without scripts shows it. A `title` shows only in the head, but a head that a
/// `noscript` or stray content ends early leaves the rest of its elements in the body.
pub(super) const SKIPPED: &[&str] = &[
    "script", "style", "title", "template", "svg", "head", "iframe", "object", "canvas", "select", "option", "math",
    "video", "audio",
];

/// Elements that start and end a line.
pub(super) const BLOCKS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "td",
    "th",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "aside",
    "main",
    "figure",
    "figcaption",
    "ul",
    "ol",
    "table",
    "tr",
    "form",
    "dl",
    "dt",
    "dd",
    "address",
    "hr",
    "br",
    "details",
    "summary",
    "caption",
    "fieldset",
    "legend",
    "body",
    "center",
];

/// Elements that are page furniture by their tag.
const FURNITURE_TAGS: &[&str] = &["nav", "header", "footer", "aside", "form", "button", "menu", "label"];

/// The attributes the projection reads, found in one pass over the element's.
#[derive(Default)]
pub(super) struct Attributes<'h> {
    pub class: Option<&'h str>,
    pub id: Option<&'h str>,
    pub role: Option<&'h str>,
    pub itemprop: Option<&'h str>,
    pub href: Option<&'h str>,
    /// `hidden`, `aria-hidden="true"`, or an inline style with `display: none` or
    /// `visibility: hidden`; not the `hidden` attribute of a streamed segment (see
    /// [`is_streamed_segment`]), nor the `hidden` attribute or style of a collapsed panel
    /// (`role="region"` or `role="tabpanel"`: an accordion's answer, a tab).
    pub hidden: bool,
    /// Hidden by its inline style alone (`display: none`, `visibility: hidden`).
    pub styled_hidden: bool,
}

/// True for the id of a server-streamed segment (`<div hidden id="S:0">`): React's streaming
/// renderer (Next.js pages and others) sends each part of a page that was not ready in time as a
/// hidden `div` with the id `S:` and a number, and an inline script moves it into its place
/// (a `<template id="B:0">`) as the page loads. The segment is the page's content, often all of
/// its article, so its `hidden` attribute does not hide it.
///
/// ```text
/// S:0, S:1f  -> a streamed segment
/// S:, S:x, main -> not
/// ```
pub(super) fn is_streamed_segment(id: &str) -> bool {
    id.strip_prefix("S:").is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_hexdigit()))
}

impl<'h> Attributes<'h> {
    /// Reads the attributes, names and values, in one pass.
    #[inline]
    pub fn of(all: impl Iterator<Item = (&'h str, &'h str)>) -> Self {
        let mut attrs = Attributes::default();
        let (mut hidden_attribute, mut styled_hidden) = (false, false);
        for (name, value) in all {
            match name {
                "class" => attrs.class = Some(value),
                "id" => attrs.id = Some(value),
                "role" => attrs.role = Some(value),
                "itemprop" => attrs.itemprop = Some(value),
                "href" => attrs.href = Some(value),
                "hidden" => hidden_attribute = true,
                "aria-hidden" => attrs.hidden |= value.eq_ignore_ascii_case("true"),
                "style" => styled_hidden = style_hides(value),
                _ => {}
            }
        }
        // A collapsed panel (an accordion's answer, a tab) is text the reader opens with a
        // click: `role="region"` or `role="tabpanel"` marks it, and it stays.
        let panel = attrs.role.is_some_and(|r| r.eq_ignore_ascii_case("region") || r.eq_ignore_ascii_case("tabpanel"));
        let streamed = attrs.id.is_some_and(is_streamed_segment);
        let by_attribute = hidden_attribute && !streamed;
        attrs.styled_hidden = !panel && styled_hidden && !by_attribute && !attrs.hidden;
        attrs.hidden |= !panel && (styled_hidden || by_attribute);
        attrs
    }

    /// The furniture the element `name` with these attributes is, by its tag or by a token of
    /// its class, id, role or itemprop.
    #[inline]
    pub fn furniture(&self, name: &str) -> Option<&'static str> {
        if let Some(tag) = FURNITURE_TAGS.iter().find(|t| **t == name) {
            Some(*tag)
        } else if matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "p") {
            // A heading or paragraph is text whatever its class ("recipe-header").
            None
        } else {
            self.token_values().iter().flatten().find_map(|v| FURNITURE.hit(v))
        }
    }

    /// True when the element `name` with these attributes holds an article's body: `article`,
    /// `main`, an `itemprop` of `articleBody`, or a token such as `article-body`.
    #[inline]
    pub fn names_content(&self, name: &str) -> bool {
        matches!(name, "article" | "main")
            || self.itemprop.is_some_and(|v| v.contains("articleBody"))
            || self.token_values().iter().flatten().any(|v| CONTENT.hit(v).is_some())
    }

    /// The values whose tokens name what an element is.
    #[inline]
    fn token_values(&self) -> [Option<&'h str>; 4] {
        [self.class, self.id, self.role, self.itemprop]
    }
}

/// True when an inline style says `display: none` or `visibility: hidden`, with any spacing and
/// case, without allocating.
fn style_hides(style: &str) -> bool {
    let mut squeezed = style.bytes().filter(|b| !b.is_ascii_whitespace()).map(|b| b.to_ascii_lowercase());
    let mut window = [0u8; 17];
    squeezed.any(|b| {
        window.copy_within(1.., 0);
        window[16] = b;
        window.ends_with(b"display:none") || window.ends_with(b"visibility:hidden")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attributes<'h>(class: Option<&'h str>, id: Option<&'h str>) -> Attributes<'h> {
        Attributes { class, id, ..Attributes::default() }
    }

    #[test]
    fn inline_styles_that_hide() {
        assert!(style_hides("color: red; DISPLAY : None"));
        assert!(style_hides("visibility:hidden"));
        assert!(!style_hides("display: block; visibility: visible"));
        assert!(!style_hides(""));
    }

    #[test]
    fn a_streamed_segment_s_hidden_attribute_does_not_hide_it() {
        let of = |pairs: &[(&'static str, &'static str)]| Attributes::of(pairs.iter().copied()).hidden;
        assert!(!of(&[("hidden", ""), ("id", "S:0")]));
        assert!(!of(&[("id", "S:1f"), ("hidden", "")]), "in either order");
        assert!(of(&[("hidden", ""), ("id", "S:")]));
        assert!(of(&[("hidden", ""), ("id", "S:menu")]));
        assert!(of(&[("hidden", ""), ("id", "main")]));
        assert!(of(&[("hidden", "")]));
        // Hidden another way, a segment stays hidden.
        assert!(of(&[("hidden", ""), ("id", "S:0"), ("style", "display:none")]));
        assert!(of(&[("id", "S:0"), ("aria-hidden", "true")]));
    }

    #[test]
    fn a_collapsed_panel_is_text_the_reader_opens() {
        let of = |pairs: &[(&'static str, &'static str)]| Attributes::of(pairs.iter().copied()).hidden;
        assert!(!of(&[("role", "region"), ("style", "display:none;")]));
        assert!(!of(&[("hidden", ""), ("role", "tabpanel")]));
        assert!(of(&[("role", "dialog"), ("style", "display:none")]), "a closed dialog stays hidden");
        assert!(of(&[("role", "region"), ("aria-hidden", "true")]));
        assert!(of(&[("style", "display: none")]));
    }

    #[test]
    fn furniture_by_tag_and_by_token_but_not_for_text_blocks() {
        assert_eq!(Attributes::default().furniture("nav"), Some("nav"));
        assert_eq!(attributes(Some("share-bar"), None).furniture("div"), Some("share"));
        assert_eq!(attributes(None, Some("related-posts")).furniture("section"), Some("related"));
        assert_eq!(attributes(Some("recipe-header footer"), None).furniture("h2"), None);
        assert_eq!(attributes(Some("story"), None).furniture("div"), None);
    }

    #[test]
    fn content_named_by_tag_itemprop_or_token() {
        assert!(Attributes::default().names_content("article"));
        assert!(Attributes { itemprop: Some("articleBody"), ..Attributes::default() }.names_content("div"));
        assert!(attributes(Some("entry-content clearfix"), None).names_content("div"));
        assert!(!attributes(Some("entry"), None).names_content("div"));
    }
}
