//! The pass over the raw page before parsing: one linear scan that hands the parser only what
//! the projection uses, in a shape it parses in linear time.
//!
//! - Comments, and the contents of `head`, `script` and `style`, and of an `svg`
//!   with no `svg` inside it, are dropped: the projection never shows them, and on real pages they are nearly half
//!   the bytes (on the devset's pages: scripts 25%, styles 19%, svg 5%). Their tags stay, so
//!   the tree keeps its shape.
//! - Elements nested deeper than `max_depth` lose their tags (their text stays): html5ever
//!   checks its stack of open elements for every tag, quadratic in the depth.
//! - Tags longer than `max_tag` bytes keep only their name: html5ever checks each attribute
//!   against the others, quadratic in their number.
//! - A formatting element (`b`, `i`, `a`, `font`...) left open when an element around it
//!   closes, or closed while elements opened inside it are still open (`<p><b>x</p>`,
//!   `<b><div>x</b>`), gets explicit end tags for what its closing pops: the parser would
//!   otherwise re-open it in every later block (the active formatting elements) or run the
//!   adoption agency for it, and on a page of such blocks the tree grows deeper with each one,
//!   quadratic in the page. Only formatting is lost (bold text runs on in a browser), no text.
//!
//! - A `br` outside svg and math becomes U+2028 LINE SEPARATOR, which the walk reads as the
//!   line break the `br` was ([`LINE_BREAK`]): on a page of short lines broken by `br` the
//!   elements and the text nodes between them were most of the parsed tree (two nodes of
//!   128 bytes a line), one text node now holds the lines.
//!
//! The scan is a small tokenizer: comments, doctypes, quoted attribute values, raw-text
//! elements and implied end tags (`<p>`, `<li>`) are read as the parser reads them, so a
//! `<script>` inside a comment or an attribute never swallows the page.

use std::borrow::Cow;

use memchr::{memchr, memchr3, memmem};

/// Elements whose content the projection drops, so the parser need not see it.
const STRIPPED: &[&[u8]] = &[b"script", b"style"];

/// Elements whose content is raw text to the parser: the scan skips it whole.
const RAW: &[&[u8]] = &[b"textarea", b"title", b"xmp", b"iframe", b"noembed", b"noframes"];

/// What a `br` becomes: the walk ends a line at it, as at a `br` (`super::line::split_keep`).
pub(super) const LINE_BREAK: char = '\u{2028}';

/// Elements that never have content, so never deepen the nesting.
const VOID: &[&[u8]] = &[
    b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta", b"param", b"source",
    b"track", b"wbr",
];

/// The nearest stack entries an end tag, or a start tag's implied end tags, look through.
const END_TAG_REACH: usize = 64;

/// Start tags that close an open `p` (HTML5's "close a p element in button scope").
const CLOSES_P: &[&[u8]] = &[
    b"address",
    b"article",
    b"aside",
    b"blockquote",
    b"center",
    b"details",
    b"dialog",
    b"dir",
    b"div",
    b"dl",
    b"fieldset",
    b"figcaption",
    b"figure",
    b"footer",
    b"form",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"header",
    b"hgroup",
    b"main",
    b"menu",
    b"nav",
    b"ol",
    b"p",
    b"pre",
    b"section",
    b"summary",
    b"table",
    b"ul",
    b"li",
    b"dd",
    b"dt",
];

/// The formatting elements the parser re-opens after a block closes around them.
const FORMATTING: &[&[u8]] =
    &[b"a", b"b", b"big", b"code", b"em", b"font", b"i", b"nobr", b"s", b"small", b"strike", b"strong", b"tt", b"u"];

/// Explicit end tags for the stack entries `popped` (innermost first) when a formatting element
/// is among them or is what closes them (`closing`): see the module docs.
fn close_formatting(popped: &[&[u8]], closing: Option<&[u8]>) -> Option<String> {
    let formatting = popped.iter().any(|n| is(n, FORMATTING)) || closing.is_some_and(|c| is(c, FORMATTING));
    if !formatting || popped.is_empty() {
        return None;
    }
    let mut tags = String::new();
    for name in popped.iter().rev() {
        tags.push_str("</");
        tags.push_str(std::str::from_utf8(name).unwrap_or("span"));
        tags.push('>');
    }
    Some(tags)
}

/// Elements an implied end tag never reaches through: the parser's scope boundaries.
const SCOPE: &[&[u8]] =
    &[b"html", b"table", b"td", b"th", b"caption", b"template", b"button", b"object", b"marquee", b"applet"];

fn is(name: &[u8], set: &[&[u8]]) -> bool {
    set.iter().any(|s| s.eq_ignore_ascii_case(name))
}

/// The stack length a start tag `name` leaves once the end tags HTML5 implies before it are
/// applied (`<li>a<li>b`, `<tr><td>a<td>b<tr>`, `<dt>a<dd>b`, `<p>a<div>`, `<option>a<option>`),
/// so that the scan's depth follows the parser's: only `reach` entries from the top are looked
/// at. `None`: nothing closes.
fn implied_close(stack: &[&[u8]], name: &[u8], reach: usize) -> Option<usize> {
    let from = stack.len().saturating_sub(reach);
    let top_down = || (from..stack.len()).rev();
    // The nearest open element in `targets`, not looking past a boundary of `stops`.
    let nearest = |targets: &[&[u8]], stops: &[&[u8]]| {
        top_down().take_while(|&i| !is(stack[i], stops) || is(stack[i], targets)).find(|&i| is(stack[i], targets))
    };
    let mut keep = stack.len();
    if is(name, &[b"tr"]) {
        // Back to the table body (or table): the open row and its cells close.
        if let Some(i) = nearest(&[b"tbody", b"thead", b"tfoot", b"table"], &[b"html", b"template"]) {
            keep = i + 1;
        }
    } else if is(name, &[b"td", b"th"]) {
        if let Some(i) = nearest(&[b"tr", b"tbody", b"thead", b"tfoot", b"table"], &[b"html", b"template"]) {
            keep = i + 1;
        }
    } else if is(name, &[b"tbody", b"thead", b"tfoot", b"caption", b"colgroup"]) {
        if let Some(i) = nearest(&[b"table"], &[b"html", b"template"]) {
            keep = i + 1;
        }
    } else if is(name, &[b"li"]) {
        if let Some(i) = nearest(&[b"li"], &[b"ol", b"ul", b"html", b"table", b"td", b"th", b"template", b"button"]) {
            keep = i;
        }
    } else if is(name, &[b"dt", b"dd"]) {
        if let Some(i) = nearest(&[b"dt", b"dd"], &[b"dl", b"html", b"table", b"td", b"th", b"template", b"button"]) {
            keep = i;
        }
    } else if is(name, &[b"option", b"optgroup"]) {
        let closes: &[&[u8]] = if is(name, &[b"option"]) { &[b"option"] } else { &[b"option", b"optgroup"] };
        while keep > from && is(stack[keep - 1], closes) {
            keep -= 1;
        }
    }
    if is(name, CLOSES_P) {
        if let Some(i) =
            top_down().filter(|&i| i < keep).take_while(|&i| !is(stack[i], SCOPE)).find(|&i| is(stack[i], &[b"p"]))
        {
            keep = keep.min(i);
        }
    }
    (keep < stack.len()).then_some(keep)
}

/// Returns the page to parse: `html` itself when nothing needed changing.
pub(crate) fn prepare(html: &str, max_depth: usize, max_tag: usize) -> Cow<'_, str> {
    let b = html.as_bytes();
    let mut out = Output { html, text: None, copied: 0 };
    let mut stack: Vec<&[u8]> = Vec::new();
    let mut end_tags = EndTags::default();
    // Depth at which an svg or math element opened: inside, `<x/>` closes itself.
    let mut foreign: Option<usize> = None;
    // Where the noscript element last opened ends (its first end tag).
    let mut noscript_end: Option<usize> = None;
    let mut at = 0;
    while let Some(rel) = memchr(b'<', &b[at..]) {
        let start = at + rel;
        let rest = &b[start + 1..];
        if rest.starts_with(b"!--") {
            // Comments are never text of the page.
            at = comment_end(b, start + 4);
            out.replace(start, at, "");
            continue;
        }
        match rest.first() {
            Some(b'!' | b'?') => {
                at = memchr(b'>', rest).map_or(b.len(), |i| start + 1 + i + 1);
                continue;
            }
            Some(b'/') => {
                let end = memchr(b'>', rest).map_or(b.len(), |i| start + 1 + i + 1);
                at = end;
                let name = tag_name(&rest[1..]);
                if name.is_empty() || VOID.iter().any(|v| v.eq_ignore_ascii_case(name)) {
                    continue;
                }
                let reach = stack.len().saturating_sub(END_TAG_REACH);
                let Some(open) = stack[reach..].iter().rposition(|n| n.eq_ignore_ascii_case(name)) else {
                    continue;
                };
                if let Some(tags) = close_formatting(&stack[reach + open + 1..], Some(name)) {
                    out.replace(start, start, &tags);
                }
                if stack.len() > max_depth {
                    out.replace(start, end, "");
                }
                stack.truncate(reach + open);
                if foreign.is_some_and(|d| stack.len() < d) {
                    foreign = None;
                }
                continue;
            }
            Some(c) if c.is_ascii_alphabetic() => {}
            _ => {
                at = start + 1;
                continue;
            }
        }
        let name = tag_name(rest);
        let name_end = start + 1 + name.len();
        let (end, self_closing) = tag_end(b, name_end);
        at = end;
        if name.eq_ignore_ascii_case(b"plaintext") {
            break; // the rest of the page is text
        }
        if foreign.is_none() && name.eq_ignore_ascii_case(b"br") {
            let mut sentinel = [0; 4];
            out.replace(start, end, LINE_BREAK.encode_utf8(&mut sentinel));
            continue;
        }
        let void = VOID.iter().any(|v| v.eq_ignore_ascii_case(name)) || (self_closing && foreign.is_some());
        // The end tags HTML5 implies before this start tag, explicit for formatting elements
        // (written before the tag, so before its attributes are rewritten).
        let implied = if void || foreign.is_some() { None } else { implied_close(&stack, name, END_TAG_REACH) };
        if let Some(tags) = implied.and_then(|keep| close_formatting(&stack[keep..], None)) {
            out.replace(start, start, &tags);
        }
        if end - start > max_tag {
            out.replace(name_end, end, ">");
        } else {
            keep_attributes(b, name_end, end, &mut out);
        }
        if void {
            continue;
        }
        if let Some(keep) = implied {
            stack.truncate(keep);
        }
        stack.push(name);
        let too_deep = stack.len() > max_depth;
        if too_deep {
            out.replace(start, end, "");
        }
        let stripped = STRIPPED.iter().any(|s| s.eq_ignore_ascii_case(name));
        if stripped || RAW.iter().any(|s| s.eq_ignore_ascii_case(name)) {
            let close = end_tags.find(b, end, name);
            // Inside a noscript, an element whose content is raw text ends with the noscript
            // at the latest: its author wrote it for the noscript (`<noscript><iframe src=x
            // /></noscript>`, an iframe closed as if it were void), which a browser that runs
            // scripts reads as text to its end tag; parsed as markup, the iframe would swallow
            // the rest of the page.
            let bounded = noscript_end.filter(|&n| n >= end && close.is_none_or(|c| c > n));
            let close = bounded.or(close).unwrap_or(b.len());
            let escaped = name.eq_ignore_ascii_case(b"script") && memmem::find(&b[end..close], b"<!--").is_some();
            if stripped && (!escaped || too_deep) {
                out.replace(end, close, "");
            }
            if bounded.is_some() {
                out.replace(close, close, &end_tag_of(name));
            }
            at = close;
        } else if name.eq_ignore_ascii_case(b"noscript") {
            noscript_end = end_tags.find(b, end, name);
        } else if name.eq_ignore_ascii_case(b"head") {
            // The projection shows nothing of the head; its end must be explicit, and the
            // body must not start inside it.
            if let Some(close) = end_tags.find(b, end, name) {
                if find_ignore_case(&b[end..close], b"<body").is_none() {
                    out.replace(end, close, "");
                    at = close;
                }
            }
        } else if name.eq_ignore_ascii_case(b"svg") || name.eq_ignore_ascii_case(b"math") {
            let close = end_tags.find(b, end, name);
            match close {
                Some(close)
                    if name.eq_ignore_ascii_case(b"svg") && find_ignore_case(&b[end..close], b"<svg").is_none() =>
                {
                    out.replace(end, close, "");
                    at = close;
                }
                _ => foreign = foreign.or(Some(stack.len())),
            }
        }
    }
    out.finish()
}

/// Attributes the projection or the parser's tree building reads; the parser is handed no
/// other (`data-*`, `src`, `srcset`, event handlers... are a large share of real tags, and
/// html5ever reads attributes a character at a time).
const KEPT_ATTRIBUTES: &[&[u8]] =
    &[b"class", b"id", b"role", b"itemprop", b"href", b"hidden", b"aria-hidden", b"style", b"type", b"encoding"];

/// Rewrites the attributes of the tag between `from` (the end of its name) and `end` (after its
/// `>`), keeping only [`KEPT_ATTRIBUTES`] (and a `style` only if it may hide the element).
fn keep_attributes(b: &[u8], from: usize, end: usize, out: &mut Output<'_>) {
    let mut kept: [(usize, usize); 8] = [(0, 0); 8];
    let mut n_kept = 0;
    let mut dropped = false;
    let mut at = from;
    let close = if b[..end].ends_with(b"/>") { end - 2 } else { end - usize::from(b[..end].ends_with(b">")) };
    while at < close {
        let c = b[at];
        if c.is_ascii_whitespace() || c == b'/' {
            at += 1;
            continue;
        }
        let start = at;
        let name_len = b[at..close]
            .iter()
            .skip(1)
            .position(|&c| c.is_ascii_whitespace() || c == b'/' || c == b'=')
            .map_or(close - at, |p| p + 1);
        let name = &b[at..at + name_len];
        at += name_len;
        let mut value = &b[0..0];
        let mut probe = at;
        while probe < close && b[probe].is_ascii_whitespace() {
            probe += 1;
        }
        if probe < close && b[probe] == b'=' {
            probe += 1;
            while probe < close && b[probe].is_ascii_whitespace() {
                probe += 1;
            }
            if probe < close && (b[probe] == b'"' || b[probe] == b'\'') {
                let q = b[probe];
                let v_end = memchr(q, &b[probe + 1..close]).map_or(close, |i| probe + 1 + i);
                value = &b[probe + 1..v_end];
                at = (v_end + 1).min(close);
            } else {
                let v_end = b[probe..close].iter().position(|c| c.is_ascii_whitespace()).map_or(close, |i| probe + i);
                value = &b[probe..v_end];
                at = v_end;
            }
        }
        let keep = KEPT_ATTRIBUTES.iter().any(|k| k.eq_ignore_ascii_case(name))
            && (!name.eq_ignore_ascii_case(b"style") || find_ignore_case_any(value, &[b"none", b"hidden"]))
            && n_kept < kept.len();
        if keep {
            kept[n_kept] = (start, at);
            n_kept += 1;
        } else {
            dropped = true;
        }
    }
    if !dropped {
        return;
    }
    out.replace(from, end, "");
    for &(start, stop) in &kept[..n_kept] {
        out.push(" ");
        out.push(std::str::from_utf8(&b[start..stop]).unwrap_or(""));
    }
    out.push(if close + 2 == end && b[close] == b'/' { "/>" } else { ">" });
}

/// True when `hay` holds one of `needles` (lower case), ASCII case-insensitively.
fn find_ignore_case_any(hay: &[u8], needles: &[&[u8]]) -> bool {
    needles.iter().any(|n| hay.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n)))
}

/// The edited copy of the page, made only at the first edit.
struct Output<'h> {
    html: &'h str,
    text: Option<String>,
    copied: usize,
}

impl<'h> Output<'h> {
    /// Replaces `html[from..to]` (at or after what is copied so far) by `with`.
    fn replace(&mut self, from: usize, to: usize, with: &str) {
        let from = from.max(self.copied);
        if from >= to && with.is_empty() {
            return;
        }
        let text = self.text.get_or_insert_with(|| String::with_capacity(self.html.len()));
        text.push_str(&self.html[self.copied..from]);
        text.push_str(with);
        self.copied = to.max(from);
    }

    /// Appends `text` after what is copied so far.
    fn push(&mut self, text: &str) {
        self.text.get_or_insert_with(|| String::with_capacity(self.html.len())).push_str(text);
    }

    fn finish(self) -> Cow<'h, str> {
        match self.text {
            None => Cow::Borrowed(self.html),
            Some(mut text) => {
                text.push_str(&self.html[self.copied..]);
                Cow::Owned(text)
            }
        }
    }
}

/// A tag's name: up to white space, `/` or `>`.
fn tag_name(rest: &[u8]) -> &[u8] {
    let len = rest.iter().position(|&c| c.is_ascii_whitespace() || c == b'/' || c == b'>').unwrap_or(rest.len());
    &rest[..len]
}

/// Where the tag whose attributes start at `from` ends (after its `>`), and whether it ends
/// with `/>`. Quoted attribute values may hold `>`. An unclosed tag runs to the end.
fn tag_end(b: &[u8], mut from: usize) -> (usize, bool) {
    while let Some(rel) = memchr3(b'>', b'"', b'\'', &b[from..]) {
        let at = from + rel;
        if b[at] == b'>' {
            return (at + 1, at > 0 && b[at - 1] == b'/');
        }
        // A quote opens a value only right after `=` (white space allowed between).
        let before = b[..at].iter().rev().find(|c| !c.is_ascii_whitespace());
        from = at + 1;
        if before == Some(&b'=') {
            match memchr(b[at], &b[from..]) {
                Some(close) => from += close + 1,
                None => return (b.len(), false),
            }
        }
    }
    (b.len(), false)
}

/// Where a comment whose body starts at `from` ends: after `-->`, or at `<!-->` and `<!--->`.
fn comment_end(b: &[u8], from: usize) -> usize {
    let body = &b[from.min(b.len())..];
    if body.starts_with(b">") {
        return from + 1;
    }
    if body.starts_with(b"->") {
        return from + 2;
    }
    memmem::find(body, b"-->").map_or(b.len(), |i| from + i + 3)
}

/// Where the end tag of raw-text element `name` starts, searching from `from`.
/// `</name>`, for an element name the scan read (ASCII letters and digits).
fn end_tag_of(name: &[u8]) -> String {
    format!("</{}>", String::from_utf8_lossy(name))
}

/// The end-tag searches of one scan, remembered per element name. The scan only moves forward,
/// so the first `</name` after a later position is the one found before while the position has
/// not passed it, and there is none when none was found before: a page of unclosed `<head>`,
/// `<svg>` or `<textarea>` tags costs one search to its end, not one per tag.
#[derive(Default)]
struct EndTags<'n> {
    found: Vec<(&'n [u8], usize, Option<usize>)>,
    /// Bytes searched, for the tests.
    scanned: usize,
}

impl<'n> EndTags<'n> {
    fn find(&mut self, b: &[u8], from: usize, name: &'n [u8]) -> Option<usize> {
        let entry = match self.found.iter().position(|e| e.0.eq_ignore_ascii_case(name)) {
            Some(i) => &mut self.found[i],
            None => {
                self.found.push((name, usize::MAX, None));
                self.found.last_mut().expect("just pushed")
            }
        };
        if from >= entry.1 {
            match entry.2 {
                None => return None,
                Some(close) if from <= close => return Some(close),
                Some(_) => {}
            }
        }
        let close = end_tag(b, from, name);
        *entry = (name, from, close);
        self.scanned += close.unwrap_or(b.len()) - from;
        close
    }
}

fn end_tag(b: &[u8], mut from: usize, name: &[u8]) -> Option<usize> {
    let finder = memmem::Finder::new(b"</");
    while let Some(rel) = finder.find(&b[from..]) {
        let at = from + rel;
        let after = &b[at + 2..];
        if after.len() >= name.len()
            && after[..name.len()].eq_ignore_ascii_case(name)
            && after.get(name.len()).is_none_or(|&c| c.is_ascii_whitespace() || c == b'/' || c == b'>')
        {
            return Some(at);
        }
        from = at + 2;
    }
    None
}

/// The first place `needle` (lower case) occurs in `hay`, ASCII case-insensitively.
fn find_ignore_case(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(rel) = memchr(b'<', &hay[from..]) {
        let at = from + rel;
        if hay.len() - at >= needle.len() && hay[at..at + needle.len()].eq_ignore_ascii_case(needle) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prep(html: &str, max_depth: usize, max_tag: usize) -> String {
        prepare(html, max_depth, max_tag).into_owned()
    }

    #[test]
    fn remembered_end_tag_searches_answer_as_fresh_ones() {
        let page = b"<svg>a</svg> <head>b <script>c</script> <svg>d</SVG > <svg>e <head>f </script>g";
        let mut remembered = EndTags::default();
        for from in 0..page.len() {
            for name in [&b"svg"[..], b"head", b"script", b"textarea"] {
                assert_eq!(remembered.find(page, from, name), end_tag(page, from, name), "{from} {name:?}");
            }
        }
    }

    #[test]
    fn unclosed_heads_and_svgs_cost_one_search() {
        // Each would otherwise search to the end of the page for its end tag.
        for (tag, name) in [("<head>x\n", &b"head"[..]), ("<svg>x\n", b"svg"), ("<textarea>x\n", b"textarea")] {
            let page = tag.repeat(10_000);
            let mut remembered = EndTags::default();
            for (at, _) in page.match_indices(tag) {
                assert_eq!(remembered.find(page.as_bytes(), at + tag.len() - 2, name), None);
            }
            assert!(remembered.scanned <= page.len(), "{tag:?}: {} bytes searched", remembered.scanned);
            assert!(prep(&page, 512, 1 << 14).contains('x'));
        }
    }

    #[test]
    fn implied_end_tags_keep_valid_pages_shallow() {
        // Rows, cells, list items, definitions and paragraphs whose end tags HTML5 lets a page
        // leave out: hundreds of them never take the scan past a small depth, so no later tag
        // is stripped (the hidden div stays hidden, the paragraph keeps its tag).
        let tail = "<p>After the list.</p><div hidden>secret</div>";
        for (open, item, close) in [
            ("<table>", "<tr><td>a<td>b", "</table>"),
            ("<table><tbody>", "<tr><th>a<td>b", "</table>"),
            ("<dl>", "<dt>a<dd>b", "</dl>"),
            ("<ul>", "<li><p>a", "</ul>"),
            ("<select>", "<option>a", "</select>"),
            ("<div>", "<p>a", "</div>"),
        ] {
            let page = format!("<body>{open}{}{close}{tail}</body>", item.repeat(600));
            let prepared = prep(&page, 16, 99);
            assert_eq!(prepared, page, "{item}: nothing is stripped at depth 16");
        }
        // What the parser nests stays nested: a list inside an item, a table inside a cell.
        assert_eq!(implied_close(&[b"ul", b"li", b"ul"], b"li", 64), None);
        assert_eq!(implied_close(&[b"ul", b"li", b"p"], b"li", 64), Some(1));
        assert_eq!(implied_close(&[b"table", b"tr", b"td", b"table"], b"tr", 64), None);
        assert_eq!(implied_close(&[b"table", b"tbody", b"tr", b"td"], b"tr", 64), Some(2));
        assert_eq!(implied_close(&[b"div", b"p", b"b"], b"div", 64), Some(1));
        assert_eq!(implied_close(&[b"p", b"button", b"span"], b"div", 64), None, "a p outside the button");
        assert_eq!(implied_close(&[b"div"], b"span", 64), None);
    }

    #[test]
    fn drops_what_the_projection_never_shows() {
        assert_eq!(
            prep("<html><head><title>T</title><meta name=x></head><body><p>a", 99, 99),
            "<html><head></head><body><p>a"
        );
        // A head whose end is missing, or that holds the body, is the parser's to sort out.
        assert_eq!(prep("<head><title>T</title><p>a", 99, 99), "<head><title>T</title><p>a");
        assert_eq!(prep("<head><body><p>a</head>", 99, 99), "<head><body><p>a</head>");
        assert_eq!(
            prep("<p>a</p><script type=x>if (a<b) x='</p>';</script><style>p{}</style><p>b", 99, 99),
            "<p>a</p><script type=x></script><style></style><p>b"
        );
        assert_eq!(prep("<svg><path d='M0 0'/></svg>x", 99, 99), "<svg></svg>x");
        assert!(matches!(prepare("<div><p>plain</p></div>", 99, 99), Cow::Borrowed(_)));
    }

    #[test]
    fn raw_text_inside_a_noscript_ends_with_it() {
        // An iframe closed as if it were void would read the rest of the page as its text.
        assert_eq!(
            prep("<noscript><iframe src=/gtm height=0 /></noscript><p>a</p>", 99, 99),
            "<noscript><iframe/></iframe></noscript><p>a</p>"
        );
        assert_eq!(
            prep("<noscript><script>x=1</noscript><p>a</p><script>y</script>", 99, 99),
            "<noscript><script></script></noscript><p>a</p><script></script>"
        );
        // Closed inside the noscript, or outside any, raw text reads to its own end tag.
        assert_eq!(
            prep("<noscript><iframe></iframe></noscript><p>a", 99, 99),
            "<noscript><iframe></iframe></noscript><p>a"
        );
        assert_eq!(
            prep("</noscript><textarea>x</noscript>y</textarea>z", 99, 99),
            "</noscript><textarea>x</noscript>y</textarea>z"
        );
    }

    #[test]
    fn reads_comments_attributes_and_raw_text_as_the_parser_does() {
        // A script tag inside a comment, an attribute, a title or a textarea opens nothing.
        assert_eq!(prep("<!-- <script> --><p>body</p>", 99, 99), "<p>body</p>");
        for html in [
            "<p class='<script>'>body</p>",
            "<title><script></title><p>body</p>",
            "<textarea><style></textarea><p>body</p>",
        ] {
            assert_eq!(prep(html, 99, 99), html);
        }
        // An escaped script keeps its text, as its end is the parser's to find.
        let escaped = "<script><!--<script>x</script>y--></script><p>body</p>";
        assert_eq!(prep(escaped, 99, 99), escaped);
        // Nothing after plaintext is markup.
        assert_eq!(prep("<plaintext><script>x</script>", 99, 99), "<plaintext><script>x</script>");
    }

    #[test]
    fn flattens_only_what_is_too_deep() {
        assert_eq!(prep("<div><p>a</p></div>", 2, usize::MAX), "<div><p>a</p></div>");
        assert_eq!(prep("<div><div><div>x</div></div></div>", 2, usize::MAX), "<div><div>x</div></div>");
        assert_eq!(prep("<div><hr><img class=a>x</div>", 1, usize::MAX), "<div><hr><img class=a>x</div>");
        // Implied end tags do not deepen: a long list stays a list.
        let list = format!("<ul>{}</ul>", "<li>item".repeat(1000));
        assert_eq!(prep(&list, 4, usize::MAX), list);
        // `<div/>` opens a div in HTML, and closes itself only inside svg or math.
        assert_eq!(prep("<div/><div/><div/>x", 2, usize::MAX), "<div/><div/>x");
        assert_eq!(prep("<math><mi/><mi/><mi/>x</math>", 2, usize::MAX), "<math><mi/><mi/><mi/>x</math>");
    }

    #[test]
    fn a_br_becomes_a_line_separator_outside_svg_and_math() {
        assert_eq!(prep("<p>a<br>b<BR class=x/>c</p>", 99, 99), "<p>a\u{2028}b\u{2028}c</p>");
        // In foreign content a `br` is the parser's business: it ends the svg or math.
        assert_eq!(prep("<math><mi>a</mi><br>b</math>", 99, 99), "<math><mi>a</mi><br>b</math>");
        // Not a tag: inside a comment, an attribute or raw text.
        assert_eq!(
            prep("<title>a<br>b</title><p class='<br>'>c</p>", 99, 99),
            "<title>a<br>b</title><p class='<br>'>c</p>"
        );
    }

    #[test]
    fn keeps_only_the_attributes_read() {
        assert_eq!(
            prep("<a data-x='{\"a\":1}' href=\"/n\" onclick=go() class=nav>x</a>", 99, 99),
            "<a href=\"/n\" class=nav>x</a>"
        );
        assert_eq!(
            prep("<div style='color:red' hidden><p STYLE='Display: None'>x</p><hr/></div>", 99, 99),
            "<div hidden><p STYLE='Display: None'>x</p><hr/></div>"
        );
        assert_eq!(prep("<input type=hidden value=1 disabled>", 99, 99), "<input type=hidden>");
    }

    #[test]
    fn long_tags_keep_their_name() {
        assert_eq!(prep("<p a=1 b=2>x</p>", 10, 8), "<p>x</p>");
        assert_eq!(prep("<p a='>>>>>>>>'>x</p>", 10, 8), "<p>x</p>");
    }

    #[test]
    fn unclosed_constructs_end_the_page() {
        for html in ["<p>a<!-- open", "<p>a<script>open", "<p>a<div class='open", "<p>a</", "<"] {
            let _ = prep(html, 4, 8);
        }
        assert_eq!(prep("<p>a<script>never closed", 99, 99), "<p>a<script>");
    }
}
