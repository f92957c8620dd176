//! Many documents at once: cleaned in parallel on rayon's thread pool, returned in input order
//! (feature `rayon`, on by default).
//!
//! A [`Cleaner`] is `Send + Sync` and holds nothing per document, so one cleaner serves every
//! thread. [`Cleaner::clean_batch`] cleans a slice; [`Cleaner::clean_stream`] cleans an iterator
//! of any length in windows, with at most one window of documents in memory. Both run on the
//! current rayon pool: inside `ThreadPool::install` they use that pool's threads.

use std::collections::VecDeque;

use rayon::prelude::*;

use crate::{Cleaned, Cleaner, LimitError};

impl Cleaner {
    /// Cleans every document of `docs` as plain text ([`try_clean`](Cleaner::try_clean)), in
    /// parallel; result `i` is document `i`'s.
    ///
    /// ```
    /// let cleaner = unclutter::Cleaner::new();
    /// let docs = ["Share\nThe council met on Monday.\n", "Skip to main content\nRain is due today.\n"];
    /// let cleaned = cleaner.clean_batch(&docs);
    /// assert_eq!(cleaned[0].as_ref().unwrap().text(), "The council met on Monday.\n");
    /// assert_eq!(cleaned[1].as_ref().unwrap().text(), "Rain is due today.\n");
    /// ```
    pub fn clean_batch<'a, S: AsRef<str> + Sync>(&self, docs: &'a [S]) -> Vec<Result<Cleaned<'a>, LimitError>> {
        docs.par_iter().map(|doc| self.try_clean(doc.as_ref())).collect()
    }

    /// Cleans every page of `pages` as HTML ([`try_clean_html`](Cleaner::try_clean_html)), in
    /// parallel; result `i` is page `i`'s.
    ///
    /// ```
    /// let cleaner = unclutter::Cleaner::new();
    /// let pages = ["<nav><a href=/>Home</a></nav><p>The council met on Monday to vote on the bridge.</p>"];
    /// let cleaned = cleaner.clean_html_batch(&pages);
    /// assert_eq!(cleaned[0].as_ref().unwrap().text(), "The council met on Monday to vote on the bridge.");
    /// ```
    pub fn clean_html_batch<S: AsRef<str> + Sync>(&self, pages: &[S]) -> Vec<Result<Cleaned<'static>, LimitError>> {
        pages.par_iter().map(|page| self.try_clean_html(page.as_ref())).collect()
    }

    /// Cleans the plain texts `docs` yields, `window` at a time in parallel, and yields the
    /// results in input order. At most one window of documents and results is held: a stream
    /// of any length runs in bounded memory.
    ///
    /// ```
    /// let cleaner = unclutter::Cleaner::new();
    /// let docs = (0..100).map(|i| format!("Share\nThe council met on day {i}.\n"));
    /// let texts: Vec<String> = cleaner.clean_stream(docs, 16).map(|c| c.unwrap().text()).collect();
    /// assert_eq!(texts.len(), 100);
    /// assert_eq!(texts[42], "The council met on day 42.\n");
    /// ```
    pub fn clean_stream<I>(&self, docs: I, window: usize) -> CleanStream<'_, I::IntoIter>
    where
        I: IntoIterator<Item = String>,
        I::IntoIter: Send,
    {
        CleanStream { cleaner: self, docs: docs.into_iter(), window: window.max(1), done: VecDeque::new() }
    }
}

/// The iterator of [`Cleaner::clean_stream`]: cleaned documents, in input order.
#[derive(Debug)]
pub struct CleanStream<'c, I> {
    cleaner: &'c Cleaner,
    docs: I,
    window: usize,
    done: VecDeque<Result<Cleaned<'static>, LimitError>>,
}

impl<I: Iterator<Item = String>> Iterator for CleanStream<'_, I> {
    type Item = Result<Cleaned<'static>, LimitError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done.is_empty() {
            let window: Vec<String> = self.docs.by_ref().take(self.window).collect();
            let cleaner = self.cleaner;
            let cleaned: Vec<_> =
                window.into_par_iter().map(|doc| cleaner.try_clean(&doc).map(Cleaned::into_owned)).collect();
            self.done.extend(cleaned);
        }
        self.done.pop_front()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_give_what_one_by_one_gives_in_order() {
        let cleaner = Cleaner::new();
        let docs: Vec<String> = (0..64)
            .map(|i| format!("Skip to main content\n\nStory {i}\n\nThe council met on day {i} to vote.\n\nShare\n"))
            .collect();
        let one_by_one: Vec<String> = docs.iter().map(|d| cleaner.clean(d).text()).collect();
        let batch: Vec<String> = cleaner.clean_batch(&docs).into_iter().map(|c| c.unwrap().text()).collect();
        let stream: Vec<String> = cleaner.clean_stream(docs.clone(), 5).map(|c| c.unwrap().text()).collect();
        assert_eq!(batch, one_by_one);
        assert_eq!(stream, one_by_one);
    }

    #[test]
    fn a_document_over_the_limits_is_an_error_in_its_place() {
        let cleaner = Cleaner::builder().limits(crate::Limits { max_bytes: 40, max_lines: 100 }).build().unwrap();
        let docs = ["Share\nShort one.\n", &"x".repeat(41), "Share\nShort two.\n"];
        let cleaned = cleaner.clean_batch(&docs);
        assert!(cleaned[0].is_ok() && cleaned[2].is_ok());
        assert!(matches!(cleaned[1], Err(LimitError::Bytes { limit: 40, actual: 41 })));
    }
}
