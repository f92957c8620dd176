//! The result of cleaning: the input, what was removed, and what was kept.

use std::borrow::Cow;
use std::sync::Arc;

use unclutter_text::Span;

use crate::config::InputKind;
use crate::html::{BlockKind, Link, LinkRange, Paths};
use crate::input_kind::InputEvidence;
use crate::removal::{kept_spans, Removal};

/// What one run of the pipeline made of an input.
pub(crate) struct Outcome {
    pub removals: Vec<Removal>,
    pub work: Work,
    pub input_kind: InputKind,
    pub evidence: InputEvidence,
    /// Whether the content scorer judged any line (and its decisions may need settling).
    pub scored: bool,
}

/// What a [`Cleaner`](crate::Cleaner) made of one input.
///
/// The removals are sorted, disjoint, non-empty and on char boundaries, and the kept text is
/// exactly the input with the removed spans deleted, byte for byte.
///
/// ```
/// let cleaner = unclutter::Cleaner::new();
/// let input = "2 min read\nThe bridge reopened on Friday.\n";
/// let cleaned = cleaner.clean(input);
/// assert_eq!(cleaned.text(), "The bridge reopened on Friday.\n");
/// // Kept spans and removals tile the input.
/// let mut rebuilt = String::new();
/// for span in cleaned.kept_spans() {
///     rebuilt.push_str(&input[span]);
/// }
/// assert_eq!(rebuilt, cleaned.text());
/// ```
#[derive(Clone, Debug)]
pub struct Cleaned<'a> {
    input: Cow<'a, str>,
    removals: Vec<Removal>,
    work: Work,
    input_kind: InputKind,
    evidence: InputEvidence,
    html: Option<Arc<HtmlFacts>>,
    /// The encoding the input's bytes were decoded from, when they were bytes.
    encoding: Option<&'static str>,
}

/// What HTML mode knows of its projection: where each line starts, its element path (an index
/// into `paths`, where each element's path is stored once), its kind of block and its links.
#[derive(Debug)]
pub(crate) struct HtmlFacts {
    pub line_starts: Vec<usize>,
    pub line_paths: Vec<u32>,
    pub paths: Paths,
    pub root_path: String,
    pub kinds: Vec<BlockKind>,
    pub line_links: Vec<LinkRange>,
    pub links: Vec<Link>,
}

/// Counters of the work one `clean` call did: for profiling, and for checking that the work grows
/// linearly with the input (the test suite cleans an input and the same input repeated eight times).
///
/// ```
/// let cleaner = unclutter::Cleaner::new();
/// let one = cleaner.clean("Share\nThe council met on Monday.\n").work();
/// let eight = cleaner.clean(&"Share\nThe council met on Monday.\n".repeat(8)).work();
/// assert_eq!(eight.lines, 8 * one.lines);
/// assert!(eight.steps <= 8 * one.steps + 64);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Work {
    /// Lines (segments) of the input.
    pub lines: u64,
    /// Loop steps across the stages: phrase matches, line-rule calls, neighbour searches,
    /// structural passes.
    pub steps: u64,
    /// Passes over the text: one, and with the content scorer one more for each time the kept
    /// text was cleaned again to settle its decisions (at most four in all).
    pub passes: u32,
}

impl<'a> Cleaned<'a> {
    pub(crate) fn new(input: &'a str, outcome: Outcome) -> Cleaned<'a> {
        let Outcome { removals, work, input_kind, evidence, .. } = outcome;
        Cleaned { input: Cow::Borrowed(input), removals, work, input_kind, evidence, html: None, encoding: None }
    }

    pub(crate) fn from_html(projection: String, outcome: Outcome, facts: HtmlFacts) -> Cleaned<'static> {
        let Outcome { removals, work, input_kind, evidence, .. } = outcome;
        Cleaned {
            input: Cow::Owned(projection),
            removals,
            work,
            input_kind,
            evidence,
            html: Some(Arc::new(facts)),
            encoding: None,
        }
    }

    /// The same result owning its input: for keeping it after the input is gone.
    ///
    /// ```
    /// let owned = {
    ///     let input = String::from("Share\nThe council met on Monday.\n");
    ///     unclutter::Cleaner::new().clean(&input).into_owned()
    /// };
    /// assert_eq!(owned.text(), "The council met on Monday.\n");
    /// ```
    pub fn into_owned(self) -> Cleaned<'static> {
        let Cleaned { input, removals, work, input_kind, evidence, html, encoding } = self;
        Cleaned { input: Cow::Owned(input.into_owned()), removals, work, input_kind, evidence, html, encoding }
    }

    /// The encoding the input was decoded from (its WHATWG name, as `"windows-1252"`), when it
    /// came as bytes ([`Cleaner::clean_bytes`](crate::Cleaner::clean_bytes),
    /// [`Cleaner::clean_html_bytes`](crate::Cleaner::clean_html_bytes)); spans index the decoded text.
    ///
    /// ```
    /// let page = b"<meta charset=latin1><p>Le conseil a vot\xe9 mardi pour le nouveau pont.</p>";
    /// let cleaned = unclutter::Cleaner::new().clean_html_bytes(page).unwrap();
    /// assert_eq!(cleaned.encoding(), Some("windows-1252"));
    /// assert_eq!(cleaned.text(), "Le conseil a vot\u{e9} mardi pour le nouveau pont.");
    /// assert_eq!(unclutter::Cleaner::new().clean("x").encoding(), None);
    /// ```
    pub fn encoding(&self) -> Option<&'static str> {
        self.encoding
    }

    /// The same result, recording that its input was decoded from `encoding` (for a caller
    /// that decoded the bytes itself, with [`crate::encoding`]).
    ///
    /// ```
    /// let cleaned = unclutter::Cleaner::new().clean("Share\nHi.\n").with_encoding("windows-1252");
    /// assert_eq!(cleaned.encoding(), Some("windows-1252"));
    /// ```
    pub fn with_encoding(mut self, encoding: &'static str) -> Cleaned<'a> {
        self.encoding = Some(encoding);
        self
    }

    /// What kind of text the input was taken for: forced by
    /// [`CleanerBuilder::input_kind`](crate::CleanerBuilder::input_kind), or read from its
    /// [evidence](Self::input_evidence). An HTML page is a page.
    pub fn input_kind(&self) -> InputKind {
        self.input_kind
    }

    /// The evidence read for the input's kind (also when the kind was forced).
    pub fn input_evidence(&self) -> &InputEvidence {
        &self.evidence
    }

    /// True when this came from [`Cleaner::clean_html`](crate::Cleaner::clean_html): the spans
    /// index the text projection of the page ([`input`](Self::input)), not the HTML.
    pub fn is_html(&self) -> bool {
        self.html.is_some()
    }

    /// In HTML mode, the element path of the line where `span` starts, such as
    /// `div.article > p:nth-of-type(3)`.
    pub fn path(&self, span: Span) -> Option<&str> {
        let facts = self.html.as_deref()?;
        let line = facts.line_starts.partition_point(|&s| s <= span.start).checked_sub(1)?;
        facts.paths.get(*facts.line_paths.get(line)?)
    }

    /// In HTML mode, the heading level of the line starting at byte `at`.
    pub(crate) fn heading_level(&self, at: usize) -> Option<u8> {
        let facts = self.html.as_deref()?;
        let line = facts.line_starts.binary_search(&at).ok()?;
        match facts.kinds.get(line)? {
            BlockKind::Heading(level) => Some(*level),
            _ => None,
        }
    }

    /// The kept text as Markdown: in HTML mode headings, list items, quotes, code blocks and
    /// links keep their markup (`## Heading`, `- item`, `> quote`, fenced code, `[text](url)`);
    /// in text mode, the kept text.
    ///
    /// ```
    /// let html = "<article><h2>Plan</h2><p>The council voted on Tuesday to fund the bridge across \
    ///             the river, <a href=\"https://example.org/vote\">the vote record</a> shows.</p>\
    ///             <ul><li>Design</li><li>Steel</li></ul></article>";
    /// let md = unclutter::Cleaner::new().clean_html(html).markdown();
    /// assert!(md.starts_with("## Plan\n\nThe council voted"), "{md}");
    /// assert!(md.contains("[the vote record](https://example.org/vote)"), "{md}");
    /// assert!(md.contains("- Design\n- Steel"), "{md}");
    /// ```
    pub fn markdown(&self) -> String {
        let Some(facts) = self.html.as_deref() else { return self.text() };
        let mut out = String::with_capacity(self.input.len());
        let mut kept = self.kept_spans().peekable();
        let mut previous: Option<BlockKind> = None;
        let mut in_code = false;
        for (i, &start) in facts.line_starts.iter().enumerate() {
            let end = facts.line_starts.get(i + 1).map_or(self.input.len(), |&next| next - 1);
            // The kept bytes of this line.
            let mut pieces: Vec<Span> = Vec::new();
            while let Some(span) = kept.peek().copied() {
                if span.start >= end.max(start + 1) && span.start > start {
                    break;
                }
                let (a, b) = (span.start.max(start), span.end.min(end));
                if a < b {
                    pieces.push(Span::new(a, b));
                }
                if span.end <= end {
                    kept.next();
                } else {
                    break;
                }
            }
            if pieces.is_empty() {
                continue;
            }
            let whole = pieces.len() == 1 && pieces[0] == Span::new(start, end);
            let body = if whole {
                with_links(&self.input[start..end], facts.line_links[i].of(&facts.links))
            } else {
                pieces.iter().map(|s| self.input[*s].trim_matches('\n')).collect::<Vec<_>>().join(" ")
            };
            let kind = facts.kinds[i];
            if in_code && kind != BlockKind::Code {
                out.push_str("\n```");
                in_code = false;
            }
            if !out.is_empty() {
                let tight = matches!((previous, kind), (Some(BlockKind::ListItem { .. }), BlockKind::ListItem { .. }))
                    || (previous == Some(BlockKind::Code) && kind == BlockKind::Code);
                out.push_str(if tight { "\n" } else { "\n\n" });
            }
            match kind {
                BlockKind::Heading(level) => {
                    out.push_str(&"#".repeat(usize::from(level)));
                    out.push(' ');
                }
                BlockKind::ListItem { ordered: false } => out.push_str("- "),
                BlockKind::ListItem { ordered: true } => out.push_str("1. "),
                BlockKind::Quote => out.push_str("> "),
                BlockKind::Code if !in_code => {
                    out.push_str("```\n");
                    in_code = true;
                }
                BlockKind::Code | BlockKind::Paragraph => {}
            }
            out.push_str(if kind == BlockKind::Code { &self.input[start..end] } else { &body });
            previous = Some(kind);
        }
        if in_code {
            out.push_str("\n```");
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out
    }

    /// In HTML mode, the path of the element chosen as the article's content root.
    pub fn content_root(&self) -> Option<&str> {
        self.html.as_deref().map(|f| f.root_path.as_str()).filter(|p| !p.is_empty())
    }

    /// The work this call did.
    pub fn work(&self) -> Work {
        self.work
    }

    /// The text that was cleaned: the input, or in HTML mode the page's text projection.
    pub fn input(&self) -> &str {
        &self.input
    }

    /// What was removed, sorted by position.
    pub fn removals(&self) -> &[Removal] {
        &self.removals
    }

    /// True when nothing was removed.
    pub fn is_unchanged(&self) -> bool {
        self.removals.is_empty()
    }

    /// The spans of the input that were kept, in order, none empty.
    pub fn kept_spans(&self) -> impl Iterator<Item = Span> + '_ {
        kept_spans(self.input.len(), &self.removals)
    }

    /// The kept text: the input with every removal deleted.
    pub fn text(&self) -> String {
        let removed: usize = self.removals.iter().map(|r| r.span.len()).sum();
        let mut out = String::with_capacity(self.input.len() - removed);
        for span in self.kept_spans() {
            out.push_str(&self.input[span]);
        }
        out
    }
}

/// A line's text with its links written as Markdown links.
fn with_links(text: &str, links: &[Link]) -> String {
    let mut out = String::with_capacity(text.len() + links.len() * 32);
    let mut at = 0;
    for link in links {
        let (start, end) = (link.start as usize, link.end as usize);
        if start < at || end > text.len() || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        out.push_str(&text[at..start]);
        out.push('[');
        out.push_str(&text[start..end]);
        out.push_str("](");
        out.push_str(&link.href.replace(' ', "%20").replace(')', "%29"));
        out.push(')');
        at = end;
    }
    out.push_str(&text[at..]);
    out
}
