//! unclutter strips page clutter from scraped article text and says exactly what it removed.
//!
//! Text scraped from web pages still carries the page around the article: "Skip to main
//! content", share widgets, bylines and author bios, image file names, photo credits, "2 min
//! read", "You Might Like" teaser lists. A [`Cleaner`] removes them and returns a [`Cleaned`]:
//! the kept text, and every removed piece as a byte [`Span`] of the input with the [`RuleId`]
//! that removed it, its [`Category`] and a short reason. Kept text plus removed spans rebuild the
//! input exactly.
//!
//! ```
//! use unclutter::Cleaner;
//!
//! let cleaner = Cleaner::new(); // build once, share across threads
//! let input = "Skip to main content\n\nCouncil approves the new bridge\n\n2 min read\n\n\
//!              The council voted 7-2 on Tuesday to fund the bridge.\n\nShare\n";
//! let cleaned = cleaner.clean(input);
//! assert_eq!(
//!     cleaned.text(),
//!     "Council approves the new bridge\n\nThe council voted 7-2 on Tuesday to fund the bridge.\n"
//! );
//! for removal in cleaned.removals() {
//!     let rule = removal.rule();
//!     println!("{} {} {:?}: {}", rule.code(), rule.name(), removal.span(), removal.reason());
//! }
//! ```
//!
//! Rules are listed by [`RuleId::all`], documented by [`RuleMeta`], and chosen with
//! [`CleanerBuilder::select`] and [`CleanerBuilder::ignore`]. See `DESIGN.md` for the stage order
//! and the overlap policy.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![deny(rustdoc::broken_intra_doc_links)]
#![warn(clippy::print_stdout, clippy::print_stderr)]

// The modules, bottom layer first: a module uses only modules declared above it (and the text
// primitives of `unclutter_text`, the layer below the library); `tests/layers.rs` checks it.

// The word sets of the bundled lexicons, which rules build their word lists and patterns from.
mod vocabulary;

// Configuration and the evidence rules read: the bias, the HTML projection, the structural
// analysis.
mod config;

mod html;

mod analysis;

mod input_kind;

// What rules are: identity, removals, the context they see, the Rule trait.
mod meta;

mod removal;

mod context;

mod rule;

// The rules, and the registry that lists them.
mod rules;

mod registry;

mod lexicon;

mod select;

// The results, the pass manager, and the public API on top.
mod cleaned;
// Bytes to text: BOM, <meta> charset, detection.
pub mod encoding;

// The content scorer's evidence: the features of each line.
mod features;

// The content scorer: a learned model deciding the structural removals.
mod scorer;

mod pipeline;

mod cleaner;
// Many documents in parallel, in order.
#[cfg(feature = "rayon")]
mod batch;

// The results in the JSON schema the CLI prints.
#[cfg(feature = "serde")]
pub mod json;

pub mod metadata;

#[cfg(feature = "rayon")]
pub use batch::CleanStream;
pub use cleaned::{Cleaned, Work};
pub use cleaner::{BuildError, BytesError, Cleaner, CleanerBuilder, LimitError, Limits};
pub use config::{Bias, InputKind, InputKindError};
pub use encoding::{DecodeError, TextEncoding};
pub use features::{LineFeatures, NAMES as LINE_FEATURE_NAMES};
pub use input_kind::InputEvidence;
pub use meta::{Category, RuleId, RuleMeta, RuleStatus};
pub use metadata::Metadata;
pub use removal::Removal;
pub use scorer::{Scorer, ScorerError};
pub use select::{RuleSelector, SelectorError};
pub use unclutter_text::Span;

/// The README's Rust examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;
