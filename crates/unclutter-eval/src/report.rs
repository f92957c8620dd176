//! A devset folder's scores: each page's, and summaries over all of them or some.

use std::collections::HashMap;

use crate::devset::{Devset, Entry, Gold, Page};
use crate::measure::{Bag, Prf, SnippetCounts};

/// A page scored against full-text gold.
///
/// The baseline, called `dump` here, is the text text mode cleans: the page's dump, or the
/// other tool's output when [`Devset::load_inputs`](crate::Devset::load_inputs) read one (see
/// [`Page::text_input`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextScore {
    /// The output's scores.
    pub output: Prf,
    /// The baseline's scores, as if nothing were removed.
    pub dump: Prf,
    /// Gold tokens lost by cleaning: those the baseline holds less those the output holds
    /// (negative when the output holds more, as HTML-mode output can).
    pub lost: i64,
    /// The gold's tokens.
    pub gold_tokens: usize,
}

impl TextScore {
    /// The share of the page's gold tokens that cleaning lost: [`lost`](TextScore::lost) over
    /// the gold's tokens, which is the baseline's recall less the output's; 0 for an empty gold.
    ///
    /// ```
    /// use unclutter_eval::{Bag, Prf, TextScore};
    ///
    /// let gold = Bag::of("one two three four five");
    /// let (input, output) = (Bag::of("one two three four"), Bag::of("one two"));
    /// let score = TextScore {
    ///     output: Prf::of(&output, &gold),
    ///     dump: Prf::of(&input, &gold),
    ///     lost: 2,
    ///     gold_tokens: gold.len(),
    /// };
    /// assert_eq!(score.lost_share(), 0.4); // recall 0.8 -> 0.4
    /// ```
    pub fn lost_share(&self) -> f64 {
        match self.gold_tokens {
            0 => 0.0,
            n => self.lost as f64 / n as f64,
        }
    }
}

/// A page scored against snippets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SnippetScore {
    /// The output's counts.
    pub output: SnippetCounts,
    /// The baseline's counts (the dump, or the other tool's output: see [`TextScore`]), as if
    /// nothing were removed.
    pub dump: SnippetCounts,
}

impl SnippetScore {
    /// `with` snippets that the baseline holds and the output does not: those found before
    /// cleaning less those found after, 0 when the output finds more.
    pub fn lost_with(&self) -> usize {
        self.dump.tp.saturating_sub(self.output.tp)
    }
}

/// A page's scores, by the kind of its gold.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PageScore {
    /// Full-text gold.
    Text(TextScore),
    /// Snippet gold.
    Snippets(SnippetScore),
}

impl PageScore {
    /// Scores a page's `output`, and its baseline as is: the text text mode cleans
    /// ([`Page::text_input`]: the dump, or the other tool's output once read).
    pub fn of(page: &Page, output: &str) -> PageScore {
        let baseline = page.text_input();
        match &page.gold {
            Gold::Text { tokens: gold, .. } => {
                let (output, dump) = (Bag::of(output), Bag::of(baseline));
                PageScore::Text(TextScore {
                    output: Prf::of(&output, gold),
                    dump: Prf::of(&dump, gold),
                    lost: dump.overlap(gold) as i64 - output.overlap(gold) as i64,
                    gold_tokens: gold.len(),
                })
            }
            Gold::Snippets(snippets) => PageScore::Snippets(SnippetScore {
                output: SnippetCounts::of(output, snippets),
                dump: SnippetCounts::of(baseline, snippets),
            }),
        }
    }
}

/// A scored page: its index entry and its scores.
#[derive(Clone, Debug)]
pub struct PageReport {
    /// The page's line of the index.
    pub entry: Entry,
    /// Its scores.
    pub score: PageScore,
}

/// Full-text pages summarized: the mean of their scores, as score.py prints it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextSummary {
    /// How many pages.
    pub pages: usize,
    /// The mean of the output's scores (see [`mean`](crate::mean)).
    pub output: Prf,
    /// The mean of the baseline's scores (the dump's, or the other tool's output's).
    pub dump: Prf,
    /// Gold tokens lost by cleaning, summed.
    pub lost: i64,
    /// Gold tokens, summed.
    pub gold_tokens: usize,
}

/// Snippet pages summarized: their counts summed, as score.py does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SnippetSummary {
    /// How many pages.
    pub pages: usize,
    /// The output's counts; [`SnippetCounts::prf`] gives score.py's numbers.
    pub output: SnippetCounts,
    /// The baseline's counts.
    pub dump: SnippetCounts,
}

/// The pages that share a value of an index field, summarized.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// The value (`article`), or `-` for pages without one.
    pub key: String,
    /// How many pages.
    pub pages: usize,
    /// Their full-text pages, if any.
    pub text: Option<TextSummary>,
    /// Their snippet pages, if any.
    pub snippets: Option<SnippetSummary>,
}

/// The scores of a devset folder's pages, in the order they were added.
///
/// ```
/// use unclutter_eval::{Devset, Report};
///
/// # fn demo(devset: &Devset) {
/// // Score the dumps as they are: the identity "cleaner".
/// let report = Report::score(devset, |page| page.dump.clone());
/// if let Some(text) = report.text_summary() {
///     println!("{}: pages={} F1={:.3}", report.name(), text.pages, text.output.f1);
/// }
/// # }
/// ```
#[derive(Clone, Debug, Default)]
pub struct Report {
    name: String,
    pages: Vec<PageReport>,
}

impl Report {
    /// An empty report for the folder `name`.
    pub fn new(name: impl Into<String>) -> Report {
        Report { name: name.into(), pages: Vec::new() }
    }

    /// Scores the output `clean` makes of every page of `devset`.
    pub fn score(devset: &Devset, mut clean: impl FnMut(&Page) -> String) -> Report {
        let mut report = Report::new(devset.name());
        for page in devset.pages() {
            report.add(page, &clean(page));
        }
        report
    }

    /// Scores a page's `output` and adds it.
    pub fn add(&mut self, page: &Page, output: &str) -> &PageScore {
        self.pages.push(PageReport { entry: page.entry.clone(), score: PageScore::of(page, output) });
        &self.pages.last().expect("just pushed").score
    }

    /// The folder's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The scored pages.
    pub fn pages(&self) -> &[PageReport] {
        &self.pages
    }

    /// The full-text pages, summarized; `None` when there are none.
    pub fn text_summary(&self) -> Option<TextSummary> {
        self.text_summary_where(|_| true)
    }

    /// The full-text pages that `keep` accepts, summarized; `None` when there are none.
    pub fn text_summary_where(&self, keep: impl Fn(&PageReport) -> bool) -> Option<TextSummary> {
        let scores: Vec<&TextScore> = self.text_pages().filter(|(page, _)| keep(page)).map(|(_, s)| s).collect();
        Some(TextSummary {
            pages: scores.len(),
            output: Prf::mean(scores.iter().map(|s| s.output))?,
            dump: Prf::mean(scores.iter().map(|s| s.dump))?,
            lost: scores.iter().map(|s| s.lost).sum(),
            gold_tokens: scores.iter().map(|s| s.gold_tokens).sum(),
        })
    }

    /// The snippet pages, summarized; `None` when there are none.
    pub fn snippet_summary(&self) -> Option<SnippetSummary> {
        self.snippet_summary_where(|_| true)
    }

    /// The snippet pages that `keep` accepts, summarized; `None` when there are none.
    pub fn snippet_summary_where(&self, keep: impl Fn(&PageReport) -> bool) -> Option<SnippetSummary> {
        let scores: Vec<&SnippetScore> = self.snippet_pages().filter(|(page, _)| keep(page)).map(|(_, s)| s).collect();
        (!scores.is_empty()).then(|| SnippetSummary {
            pages: scores.len(),
            output: scores.iter().map(|s| s.output).sum(),
            dump: scores.iter().map(|s| s.dump).sum(),
        })
    }

    /// The full-text pages from the lowest output F1 up (pages of equal F1 in the order added).
    pub fn worst_by_f1(&self) -> Vec<(&PageReport, &TextScore)> {
        let mut pages: Vec<_> = self.text_pages().collect();
        pages.sort_by(|a, b| a.1.output.f1.total_cmp(&b.1.output.f1));
        pages
    }

    /// The snippet pages whose output misses a snippet, most misses first (pages of equal misses
    /// in the order added).
    pub fn snippet_misses(&self) -> Vec<(&PageReport, &SnippetScore)> {
        let mut pages: Vec<_> = self.snippet_pages().filter(|(_, s)| s.output.misses() > 0).collect();
        pages.sort_by_key(|(_, s)| std::cmp::Reverse(s.output.misses()));
        pages
    }

    /// The full-text pages whose cleaning lost more than `share` of their gold tokens (see
    /// [`TextScore::lost_share`]; `0.2` lists the pages whose recall fell by more than 0.2), the
    /// largest loss first (pages of equal loss in the order added).
    ///
    /// Where the output is cut from the baseline, as text mode cuts it, this is where cleaning
    /// removed article text.
    pub fn losing(&self, share: f64) -> Vec<(&PageReport, &TextScore)> {
        let mut pages: Vec<_> = self.text_pages().filter(|(_, s)| s.lost_share() > share).collect();
        pages.sort_by(|a, b| b.1.lost_share().total_cmp(&a.1.lost_share()));
        pages
    }

    /// The snippet pages whose cleaning lost a `with` snippet that the baseline holds (see
    /// [`SnippetScore::lost_with`]), most lost first (pages of equal loss in the order added).
    pub fn losing_snippets(&self) -> Vec<(&PageReport, &SnippetScore)> {
        let mut pages: Vec<_> = self.snippet_pages().filter(|(_, s)| s.lost_with() > 0).collect();
        pages.sort_by_key(|(_, s)| std::cmp::Reverse(s.lost_with()));
        pages
    }

    /// The pages grouped by the value `key` takes of their entry (such as its `page_type`), the
    /// largest group first, groups of equal size by value.
    pub fn breakdown(&self, key: impl Fn(&Entry) -> Option<&str>) -> Vec<Group> {
        let key = |page: &PageReport| key(&page.entry).unwrap_or("-").to_owned();
        let mut sizes: HashMap<String, usize> = HashMap::new();
        for page in &self.pages {
            *sizes.entry(key(page)).or_default() += 1;
        }
        let mut sizes: Vec<_> = sizes.into_iter().collect();
        sizes.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        sizes
            .into_iter()
            .map(|(value, pages)| Group {
                text: self.text_summary_where(|page| key(page) == value),
                snippets: self.snippet_summary_where(|page| key(page) == value),
                key: value,
                pages,
            })
            .collect()
    }

    fn text_pages(&self) -> impl Iterator<Item = (&PageReport, &TextScore)> {
        self.pages.iter().filter_map(|page| match &page.score {
            PageScore::Text(score) => Some((page, score)),
            PageScore::Snippets(_) => None,
        })
    }

    fn snippet_pages(&self) -> impl Iterator<Item = (&PageReport, &SnippetScore)> {
        self.pages.iter().filter_map(|page| match &page.score {
            PageScore::Snippets(score) => Some((page, score)),
            PageScore::Text(_) => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measure::Snippets;

    fn page(id: &str, page_type: &str, dump: &str, gold: Gold) -> Page {
        let entry = Entry { id: id.into(), page_type: Some(page_type.into()), ..Entry::default() };
        Page { entry, dump: dump.into(), html: None, input: None, gold }
    }

    fn text(gold: &str) -> Gold {
        Gold::Text { text: gold.into(), tokens: Bag::of(gold) }
    }

    #[test]
    fn summaries_mean_full_text_pages_and_sum_snippet_pages() {
        let pages = [
            page("a", "article", "Menu\nThe bridge opens", text("The bridge opens")),
            page("b", "forum", "Home\nA post", text("A post")),
            page("c", "article", "Share this\nThe vote", Gold::Snippets(Snippets::new(["The vote"], ["Share this"]))),
        ];
        let mut report = Report::new("set");
        for (page, output) in pages.iter().zip(["The bridge opens", "", "Share this The vote"]) {
            report.add(page, output);
        }

        let text = report.text_summary().expect("full-text pages");
        assert_eq!((text.pages, text.output.f1, text.output.recall, text.output.precision), (2, 0.5, 0.5, 0.5));
        assert_eq!((text.lost, text.gold_tokens), (2, 5));
        assert_eq!(text.dump.recall, 1.0);
        let one = report.text_summary_where(|page| page.entry.id == "a").expect("page a");
        assert_eq!((one.pages, one.output.f1), (1, 1.0));
        assert_eq!(report.text_summary_where(|_| false), None);

        let snippets = report.snippet_summary().expect("snippet pages");
        assert_eq!(snippets.pages, 1);
        assert_eq!(snippets.output, SnippetCounts { tp: 1, fn_: 0, fp: 1, tn: 0 });

        let worst: Vec<_> = report.worst_by_f1().iter().map(|(page, _)| page.entry.id.as_str()).collect();
        assert_eq!(worst, ["b", "a"]);
        let missed: Vec<_> = report.snippet_misses().iter().map(|(page, _)| page.entry.id.as_str()).collect();
        assert_eq!(missed, ["c"]);

        let groups = report.breakdown(|entry| entry.page_type.as_deref());
        let keys: Vec<_> = groups.iter().map(|g| (g.key.as_str(), g.pages)).collect();
        assert_eq!(keys, [("article", 2), ("forum", 1)]);
        assert_eq!(groups[0].text.map(|t| t.output.f1), Some(1.0));
        assert_eq!(groups[0].snippets.map(|s| s.pages), Some(1));
        assert_eq!((groups[1].text.map(|t| t.output.f1), groups[1].snippets), (Some(0.0), None));
    }

    #[test]
    fn an_input_is_the_baseline_and_losses_are_shares_of_the_gold() {
        let gold = "one two three four five six seven eight nine ten";
        let pages = [
            // The input holds 8 gold tokens; cleaning keeps 5: recall 0.8 -> 0.5, a 0.3 loss.
            ("big", "Menu", Some("one two three four five six seven eight"), "one two three four five"),
            // Recall 1.0 -> 0.8: a 0.2 loss, not more than 0.2.
            ("edge", "Menu", Some(gold), "one two three four five six seven eight"),
            // Recall 0.5 -> 0.0: the largest loss.
            ("all", "Menu", Some("one two three four five"), ""),
            // No input read: the dump is the baseline, and cleaning kept all its gold.
            ("dump", gold, None, gold),
        ];
        let mut report = Report::new("set");
        for (id, dump, input, output) in pages {
            let mut page = page(id, "article", dump, text(gold));
            page.input = input.map(str::to_owned);
            report.add(&page, output);
        }
        let losing: Vec<_> = report
            .losing(0.2)
            .iter()
            .map(|(page, s)| (page.entry.id.as_str(), s.dump.recall, s.output.recall, s.lost))
            .collect();
        assert_eq!(losing, [("all", 0.5, 0.0, 5), ("big", 0.8, 0.5, 3)]);
        assert_eq!(report.losing(0.0).len(), 3);
        let summary = report.text_summary().expect("full-text pages");
        assert!((summary.dump.recall - 0.825).abs() < 1e-12, "the inputs' recall: {}", summary.dump.recall);
        assert_eq!(summary.lost, 10);

        let snippets = Gold::Snippets(Snippets::new(["the bridge", "the vote"], ["Share this"]));
        let mut page = page("s", "forum", "the bridge the vote Share this", snippets);
        page.input = Some("the bridge the vote".into());
        let PageScore::Snippets(score) = *report.add(&page, "the vote") else { panic!("snippets") };
        assert_eq!((score.dump.tp, score.dump.fp, score.output.tp, score.lost_with()), (2, 0, 1, 1));
        let losing: Vec<_> = report.losing_snippets().iter().map(|(page, _)| page.entry.id.as_str()).collect();
        assert_eq!(losing, ["s"]);
    }

    #[test]
    fn lost_tokens_go_negative_when_the_output_holds_more_gold_than_the_dump() {
        let page = page("a", "article", "Menu", text("alt text"));
        let PageScore::Text(score) = PageScore::of(&page, "alt text") else { panic!("full text") };
        assert_eq!(score.lost, -2);
    }
}
