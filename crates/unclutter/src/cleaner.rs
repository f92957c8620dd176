//! The cleaner: built once from a configuration, then shared by any number of threads.

use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use crate::cleaned::{Cleaned, HtmlFacts};
use crate::config::{Bias, InputKind, Settings};
use crate::encoding::{self, DecodeError, TextEncoding};
use crate::features::LineFeatures;
use crate::html;
use crate::meta::RuleId;
use crate::pipeline::{Pipeline, PipelineError};
use crate::scorer::Scorer;
use crate::select::{RuleSelector, RuleSet, SelectorError};

impl FromStr for Bias {
    type Err = BuildError;

    fn from_str(s: &str) -> Result<Bias, BuildError> {
        match s.to_ascii_lowercase().as_str() {
            "precision" => Ok(Bias::Precision),
            "balanced" => Ok(Bias::Balanced),
            "recall" => Ok(Bias::Recall),
            _ => Err(BuildError::Bias(s.to_string())),
        }
    }
}

/// The largest input [`Cleaner::try_clean`] accepts, so that one hostile document ends with an
/// error rather than exhausting memory.
///
/// ```
/// use unclutter::{Cleaner, LimitError, Limits};
/// let cleaner = Cleaner::builder().limits(Limits { max_bytes: 10, max_lines: 1000 }).build()?;
/// assert!(cleaner.try_clean("short").is_ok());
/// let err = cleaner.try_clean("this input is too long").unwrap_err();
/// assert_eq!(err, LimitError::Bytes { limit: 10, actual: 22 });
/// # Ok::<(), unclutter::BuildError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Largest input, in bytes (default 1 GiB).
    pub max_bytes: usize,
    /// Most lines (default 32 million).
    pub max_lines: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits { max_bytes: 1 << 30, max_lines: 1 << 25 }
    }
}

/// An input over the cleaner's [`Limits`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LimitError {
    /// More bytes than `max_bytes`.
    Bytes {
        /// The limit.
        limit: usize,
        /// The input's size.
        actual: usize,
    },
    /// More lines than `max_lines`.
    Lines {
        /// The limit.
        limit: usize,
        /// The input's lines, counted up to one past the limit.
        actual: usize,
    },
}

impl fmt::Display for LimitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LimitError::Bytes { limit, actual } => write!(f, "input is {actual} bytes, over the limit of {limit}"),
            LimitError::Lines { limit, actual } => {
                write!(f, "input has at least {actual} lines, over the limit of {limit}")
            }
        }
    }
}

impl std::error::Error for LimitError {}

/// Why a [`Cleaner`] could not be built.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BuildError {
    /// A `select` or `ignore` entry names nothing.
    Selector(SelectorError),
    /// The bias is not `precision`, `balanced` or `recall`.
    Bias(String),
    /// The selected rules cannot be put in an order (a rule runs after one of a later phase, or
    /// rules run after each other in a circle).
    Order(String),
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::Selector(e) => e.fmt(f),
            BuildError::Bias(b) => write!(f, "unknown bias '{b}': expected precision, balanced or recall"),
            BuildError::Order(e) => write!(f, "cannot order the rules' passes: {e}"),
        }
    }
}

impl std::error::Error for BuildError {}

impl From<SelectorError> for BuildError {
    fn from(e: SelectorError) -> BuildError {
        BuildError::Selector(e)
    }
}

/// Configures a [`Cleaner`]: which rules run and which way to lean.
///
/// ```
/// use unclutter::{Bias, Cleaner};
/// let cleaner = Cleaner::builder()
///     .select(["ALL"])
///     .ignore(["byline", "LAY002"])
///     .bias(Bias::Recall)
///     .build()?;
/// assert!(cleaner.rules().all(|r| r.category().as_str() != "byline"));
/// assert!(Cleaner::builder().select(["no-such-rule"]).build().is_err());
/// # Ok::<(), unclutter::BuildError>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct CleanerBuilder {
    select: Vec<String>,
    ignore: Vec<String>,
    bias: Bias,
    input_kind: Option<InputKind>,
    limits: Limits,
    /// `None`: the bundled scorer; `Some(None)`: none. For text, and for HTML pages.
    scorer: Option<Option<Scorer>>,
    html_scorer: Option<Option<Scorer>>,
}

impl CleanerBuilder {
    /// Rules to run (default: all stable rules). Selectors are parsed by [`build`](Self::build).
    pub fn select<I, S>(mut self, selectors: I) -> CleanerBuilder
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.select.extend(selectors.into_iter().map(|s| s.as_ref().to_string()));
        self
    }

    /// Rules not to run, overriding less specific selections.
    pub fn ignore<I, S>(mut self, selectors: I) -> CleanerBuilder
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.ignore.extend(selectors.into_iter().map(|s| s.as_ref().to_string()));
        self
    }

    /// Which way to lean on doubtful lines.
    pub fn bias(mut self, bias: Bias) -> CleanerBuilder {
        self.bias = bias;
        self
    }

    /// What kind of text every input is, instead of reading each input's evidence (`None`, the
    /// default). HTML pages are always pages.
    ///
    /// ```
    /// use unclutter::{Cleaner, InputKind};
    /// let cleaner = Cleaner::builder().input_kind(Some(InputKind::Article)).build()?;
    /// assert_eq!(cleaner.clean("Home\nNews\nSport\nWorld\n").input_kind(), InputKind::Article);
    /// # Ok::<(), unclutter::BuildError>(())
    /// ```
    pub fn input_kind(mut self, kind: Option<InputKind>) -> CleanerBuilder {
        self.input_kind = kind;
        self
    }

    /// The content scorer that decides the structural removals (`None`: none, and the
    /// structural rules' proposals are removals). The default is [`Scorer::bundled`].
    ///
    /// ```
    /// let rules_only = unclutter::Cleaner::builder().scorer(None).build().unwrap();
    /// let page = "Home\nNews\nSport\nWeather\n\n\
    ///             The council voted seven to two on Tuesday to fund the new bridge across the river.\n";
    /// assert!(rules_only.clean(page).text().starts_with("The council"));
    /// ```
    pub fn scorer(mut self, scorer: Option<Scorer>) -> CleanerBuilder {
        self.scorer = Some(scorer);
        self
    }

    /// The content scorer of HTML pages (`None`: none, the markup rules' proposals are
    /// removals). The default is [`Scorer::bundled_html`].
    pub fn html_scorer(mut self, scorer: Option<Scorer>) -> CleanerBuilder {
        self.html_scorer = Some(scorer);
        self
    }

    /// The largest input [`Cleaner::try_clean`] accepts.
    pub fn limits(mut self, limits: Limits) -> CleanerBuilder {
        self.limits = limits;
        self
    }

    /// Parses the selectors and compiles every pattern of the selected rules.
    pub fn build(self) -> Result<Cleaner, BuildError> {
        let parse = |list: &[String]| -> Result<Vec<RuleSelector>, BuildError> {
            list.iter().map(|s| s.parse::<RuleSelector>().map_err(BuildError::from)).collect()
        };
        let rules = RuleSet::resolve(&parse(&self.select)?, &parse(&self.ignore)?);
        let scorer = self.scorer.unwrap_or_else(|| Some(Scorer::bundled()));
        let html_scorer = self.html_scorer.unwrap_or_else(|| Some(Scorer::bundled_html()));
        let settings = Settings { bias: self.bias, input_kind: self.input_kind };
        let pipeline = Pipeline::build(&rules, settings, (scorer, html_scorer))
            .map_err(|PipelineError::Order(e)| BuildError::Order(e.to_string()))?;
        Ok(Cleaner { inner: Arc::new(Inner { rules, pipeline, limits: self.limits }) })
    }
}

/// Strips page clutter from article text and records what it removed.
///
/// Build it once (patterns compile once per cleaner, on first use or at
/// [`prepare`](Self::prepare), never per call), then call [`clean`](Self::clean) from any
/// number of threads: it is `Send + Sync` and cheap to clone.
///
/// ```
/// let cleaner = unclutter::Cleaner::new();
/// let input = "Share\nThe Alibaba Group tweeted after the meeting.\nAdvertisement\n";
/// let cleaned = cleaner.clean(input);
/// assert_eq!(cleaned.text(), "The Alibaba Group tweeted after the meeting.\n");
/// let codes: Vec<_> = cleaned.removals().iter().map(|r| r.rule().code()).collect();
/// assert_eq!(codes, ["SOC001", "ADV001"]);
/// ```
#[derive(Clone, Debug)]
pub struct Cleaner {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    rules: RuleSet,
    pipeline: Pipeline,
    limits: Limits,
}

impl Default for Cleaner {
    fn default() -> Cleaner {
        Cleaner::new()
    }
}

impl Cleaner {
    /// A cleaner with every stable rule and a balanced bias.
    pub fn new() -> Cleaner {
        // The default configuration has no selector to get wrong, and the bundled lexicons are
        // checked by the test suite, so this cannot fail.
        Cleaner::builder().build().expect("the default configuration builds")
    }

    /// Starts a configuration.
    pub fn builder() -> CleanerBuilder {
        CleanerBuilder::default()
    }

    /// Compiles now what the cleaner otherwise compiles on first use: the phrase automaton, the
    /// selected rules' patterns, the content scorers' models and the stop-word lists. Building
    /// a cleaner is cheap, so that a process that cleans one small file, or nothing, starts in
    /// a few milliseconds; a server that must not spend that time on its first request calls
    /// this once at start. Each part is compiled once per cleaner or process, whoever asks
    /// first, and cleaning gives the same results either way.
    ///
    /// ```
    /// let cleaner = unclutter::Cleaner::new();
    /// cleaner.prepare();
    /// assert_eq!(cleaner.clean("Share\nThe council met.\n").text(), "The council met.\n");
    /// ```
    pub fn prepare(&self) {
        self.inner.pipeline.prepare(&self.inner.rules);
    }

    /// The rules this cleaner runs, in registry order.
    pub fn rules(&self) -> impl Iterator<Item = RuleId> + '_ {
        self.inner.rules.iter()
    }

    /// The bias this cleaner was built with.
    pub fn bias(&self) -> Bias {
        self.inner.pipeline.settings().bias
    }

    /// Cleans one document of plain text, or refuses it when it is over the cleaner's
    /// [`Limits`]. The check costs one pass of `memchr` over the input.
    pub fn try_clean<'a>(&self, input: &'a str) -> Result<Cleaned<'a>, LimitError> {
        let limits = self.inner.limits;
        if input.len() > limits.max_bytes {
            return Err(LimitError::Bytes { limit: limits.max_bytes, actual: input.len() });
        }
        let lines = memchr::memchr2_iter(b'\n', b'\r', input.as_bytes()).take(limits.max_lines + 1).count();
        if lines > limits.max_lines {
            return Err(LimitError::Lines { limit: limits.max_lines, actual: lines });
        }
        Ok(self.clean(input))
    }

    /// Cleans one document of plain text, whatever its size (see [`try_clean`](Self::try_clean)
    /// for inputs that may be hostile).
    pub fn clean<'a>(&self, input: &'a str) -> Cleaned<'a> {
        let outcome = self.inner.pipeline.run(input, None);
        Cleaned::new(input, outcome)
    }

    /// The features of every line of a plain text, for training and judging a learned line
    /// scorer: training support, not part of cleaning. The passes run as in
    /// [`clean`](Self::clean), keeping what each line's evidence was; see [`LineFeatures`] for
    /// the columns.
    ///
    /// ```
    /// let cleaner = unclutter::Cleaner::new();
    /// let features = cleaner.line_features("Skip to main content\nThe council voted on Tuesday.\n");
    /// assert_eq!(features.len(), 2);
    /// assert_eq!(features.get(0, "removed_navigation"), Some(1.0));
    /// assert_eq!(features.names, unclutter::LINE_FEATURE_NAMES);
    /// ```
    pub fn line_features(&self, input: &str) -> LineFeatures {
        let (_, features) = self.inner.pipeline.run_traced(input, None, true);
        features.expect("a traced run keeps the features")
    }

    /// The features of every line of an HTML page's projection, with the projected text they
    /// describe (row `i` is line `i` of it), as [`Cleaner::line_features`] gives them for text.
    ///
    /// ```
    /// let cleaner = unclutter::Cleaner::new();
    /// let (text, features) = cleaner.line_features_html("<nav><a href=/>Home</a></nav><p>The council voted on Tuesday.</p>");
    /// assert_eq!(text, "Home\nThe council voted on Tuesday.");
    /// assert_eq!(features.get(0, "html"), Some(1.0));
    /// assert_eq!(features.get(0, "dom_link_share"), Some(1.0));
    /// ```
    pub fn line_features_html(&self, html: &str) -> (String, LineFeatures) {
        let projection = html::project(html);
        let (_, features) = self.inner.pipeline.run_traced(&projection.text, Some(&projection), true);
        (projection.text, features.expect("a traced run keeps the features"))
    }

    /// Cleans one HTML page: the page is projected to text (one line per block element, scripts,
    /// styles and hidden elements dropped, entities decoded), the markup's evidence (navigation,
    /// footers, share and comment widgets, link density, the content root) decides page
    /// furniture, and every text rule refines the rest. The spans index the projection, which
    /// [`Cleaned::input`] returns; [`Cleaned::path`] gives a removal's element path.
    ///
    /// ```
    /// let cleaner = unclutter::Cleaner::new();
    /// let html = "<body><nav><a href=/>Home</a> <a href=/news>News</a></nav><article>\
    ///             <p>The council voted 7-2 on Tuesday to fund the new bridge over the river.</p>\
    ///             <p>Share</p></article></body>";
    /// let cleaned = cleaner.clean_html(html);
    /// assert_eq!(cleaned.text(), "The council voted 7-2 on Tuesday to fund the new bridge over the river.\n");
    /// assert!(cleaned.is_html());
    /// let nav = &cleaned.removals()[0];
    /// assert_eq!(cleaned.path(nav.span()), Some("body > nav"));
    /// ```
    pub fn clean_html(&self, html: &str) -> Cleaned<'static> {
        let projection = html::project(html);
        let outcome = self.inner.pipeline.run(&projection.text, Some(&projection));
        let mut line_starts = Vec::with_capacity(projection.lines.len());
        let mut at = 0;
        for line in projection.text.split('\n') {
            line_starts.push(at);
            at += line.len() + 1;
        }
        let html::Projection { text, lines, paths, links, root_path, .. } = projection;
        let facts = HtmlFacts {
            line_starts,
            line_paths: lines.iter().map(|l| l.path).collect(),
            paths,
            root_path,
            kinds: lines.iter().map(|l| l.kind).collect(),
            line_links: lines.iter().map(|l| l.links).collect(),
            links,
        };
        Cleaned::from_html(text, outcome, facts)
    }

    /// [`clean_html`](Self::clean_html) within the cleaner's [`Limits`]: the page's bytes, and
    /// the lines of its projection.
    pub fn try_clean_html(&self, html: &str) -> Result<Cleaned<'static>, LimitError> {
        let limits = self.inner.limits;
        if html.len() > limits.max_bytes {
            return Err(LimitError::Bytes { limit: limits.max_bytes, actual: html.len() });
        }
        let cleaned = self.clean_html(html);
        let lines = cleaned.work().lines as usize;
        if lines > limits.max_lines {
            return Err(LimitError::Lines { limit: limits.max_lines, actual: lines });
        }
        Ok(cleaned)
    }
}

impl Cleaner {
    /// Cleans plain text given as bytes, decoded as `how` says ([`TextEncoding`]); the spans
    /// index the decoded text, and [`Cleaned::encoding`] names the encoding.
    ///
    /// ```
    /// use unclutter::{Cleaner, TextEncoding};
    /// let cleaned = Cleaner::new().clean_bytes(b"Share\nGr\xfc\xdfe aus Wien.\n", TextEncoding::Auto)?;
    /// assert_eq!(cleaned.text(), "Grüße aus Wien.\n");
    /// # Ok::<(), unclutter::BytesError>(())
    /// ```
    pub fn clean_bytes(&self, bytes: &[u8], how: TextEncoding) -> Result<Cleaned<'static>, BytesError> {
        let (text, encoding) = encoding::decode_text(bytes, how).map_err(BytesError::Decode)?;
        let cleaned = self.try_clean(&text).map_err(BytesError::Limit)?.into_owned();
        Ok(cleaned.with_encoding(encoding))
    }

    /// Cleans an HTML page given as bytes, decoded as a browser would (a BOM, a `<meta>`
    /// charset, else detected: see [`crate::encoding`]); [`Cleaned::encoding`] names the
    /// encoding.
    ///
    /// ```
    /// let page = b"<meta charset=shift_jis><p>\x8b\x9e\x93\x73\x82\xcc\x8b\xb4\x82\xaa\x8a\x4a\x92\xca\x82\xb5\x82\xbd\x81\x42</p>";
    /// let cleaned = unclutter::Cleaner::new().clean_html_bytes(page).unwrap();
    /// assert_eq!(cleaned.encoding(), Some("Shift_JIS"));
    /// assert_eq!(cleaned.text(), "京都の橋が開通した。");
    /// ```
    pub fn clean_html_bytes(&self, bytes: &[u8]) -> Result<Cleaned<'static>, LimitError> {
        if bytes.len() > self.inner.limits.max_bytes {
            return Err(LimitError::Bytes { limit: self.inner.limits.max_bytes, actual: bytes.len() });
        }
        let (html, encoding) = encoding::decode_html(bytes);
        Ok(self.try_clean_html(&html)?.with_encoding(encoding))
    }
}

/// Why bytes could not be cleaned: they do not decode, or they are over the [`Limits`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BytesError {
    /// The bytes are not in the encoding asked for (strict UTF-8), or the label is unknown.
    Decode(DecodeError),
    /// The decoded text is over the cleaner's limits.
    Limit(LimitError),
}

impl fmt::Display for BytesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BytesError::Decode(e) => e.fmt(f),
            BytesError::Limit(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for BytesError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleaner_is_send_sync_and_clone() {
        fn check<T: Send + Sync + Clone + 'static>() {}
        check::<Cleaner>();
    }

    #[test]
    fn bad_config_is_an_error() {
        let err = Cleaner::builder().ignore(["SOC001", "bogus"]).build().unwrap_err();
        assert!(err.to_string().contains("'bogus'"), "{err}");
        assert!("sideways".parse::<Bias>().is_err());
    }

    #[test]
    fn recall_scales_down_and_precision_up() {
        let words = |bias| Settings { bias, input_kind: None }.scale_words(12);
        assert!(words(Bias::Recall) < words(Bias::Balanced));
        assert!(words(Bias::Balanced) < words(Bias::Precision));
    }
}
