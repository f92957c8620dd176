//! The bottom layer of unclutter: text primitives that know nothing of rules.
//!
//! - [`Span`]: a byte range into the original input;
//! - [`Document`] and [`Segment`]: the input split into lines, each with nested spans (the line
//!   with its terminator, without it, trimmed, and without decoration);
//! - [`words`]: white space, decoration, CJK scripts, word counts, sentence shape;
//! - [`lexicon`]: the lexicon file format (`[CODE]` sections of `=`, `^`, `~` phrases for rules,
//!   `[words:NAME]` sections of plain words for word sets);
//! - [`hash`]: FNV-1a, a stable hash of bytes;
//! - [`language`]: which language a document is in, and how many of a line's words are stop
//!   words of it.
//!
//! ```
//! use unclutter_text::{words, Document};
//! let doc = Document::parse("Skip to main content\n\nThe council voted 7-2 on Tuesday.\n", None);
//! assert_eq!(doc.segments.len(), 3);
//! assert!(doc.segments[1].is_blank());
//! assert_eq!(words::word_count(doc.text(doc.segments[2].core())), 6);
//! ```

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![deny(rustdoc::broken_intra_doc_links)]
#![warn(clippy::print_stdout, clippy::print_stderr)]

mod document;
pub mod hash;
pub mod language;
pub mod lexicon;
mod span;
pub mod words;

pub use document::{Document, Segment};
pub use span::Span;
