//! Devset loading and scoring for unclutter, with the measures of `../shared/tools/score.py`.
//!
//! The development set (`../shared/devset/`, beside the workspace root) holds folders of real
//! pages: per page its text dump (the input of text mode), its HTML, and either the article's
//! full text or `with`/`without` snippets. This crate is the one place that reads those folders
//! and scores outputs against them; the `evaluate` example, unclutter's devset tests and the
//! benchmark tools all go through it, so their numbers agree with each other and with score.py.
//!
//! - [`shared_dir`] and [`devset_dir`] find the shared folder, or say it is absent.
//! - [`Devset::load`] reads a folder's index, dumps and gold; [`Devset::load_html`] its HTML,
//!   plain or gzip-compressed; [`Devset::load_inputs`] another tool's text of each page (an HTML
//!   extractor's output, `<id>.txt`), which then stands in for the dump ([`Page::text_input`]).
//! - The measures: [`Bag`] (lowercase Unicode `\w+` tokens), [`Prf::of`] and [`prf`] (precision,
//!   recall and F1 of a page from the multiset overlap), [`mean`] (the mean over pages, exact as
//!   Python's `statistics.mean`), [`SnippetCounts`] (snippets found in the whitespace-normalized
//!   output, summed over pages).
//! - [`align_lines`] labels each line of an input: the article's when at least half of its
//!   tokens align with the gold's (the labels the structural model learns from).
//! - [`fold_models`] reads the content scorer's out-of-fold models (one per [`FOLDS`] fold of
//!   sites), for judging on sites a model was not fitted to.
//! - [`Report`] scores each page's output and its dump (or input) as is, summarizes them, and
//!   lists the pages whose cleaning lost gold ([`Report::losing`], [`Report::losing_snippets`]).
//!
//! The crate knows nothing of the cleaner: it scores whatever text it is given.
//!
//! ```no_run
//! use unclutter_eval::{devset_dir, Devset, Report};
//!
//! let dir = devset_dir("aeb").expect("../shared/devset/aeb is present");
//! let devset = Devset::load(dir)?;
//! let report = Report::score(&devset, |page| page.dump.clone()); // the dump as is
//! let text = report.text_summary().expect("aeb has full-text gold");
//! println!("aeb: pages={} precision={:.3} recall={:.3} F1={:.3}",
//!          text.pages, text.output.precision, text.output.recall, text.output.f1);
//! # Ok::<(), unclutter_eval::LoadError>(())
//! ```

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![deny(rustdoc::broken_intra_doc_links)]
#![warn(clippy::print_stdout, clippy::print_stderr)]

mod align;
mod devset;
mod folds;
mod measure;
mod report;

pub use align::{align_lines, LineAlignment};
pub use devset::{devset_dir, shared_dir, Devset, Entry, Gold, LoadError, Page};
pub use folds::{fold_models, fold_models_dir, FOLDS};
pub use measure::{mean, normalize_ws, prf, Bag, Prf, SnippetCounts, Snippets};
pub use report::{Group, PageReport, PageScore, Report, SnippetScore, SnippetSummary, TextScore, TextSummary};
