//! The content scorer: a learned model that decides the structural removals. It scores a line
//! with the probability that it is article text, from the line's features (`crate::features`).
//!
//! The structural rules whose judgement rests on thresholds are *scored*: BPL001 (page header),
//! BPL002 (page footer), BPL003's related-block cuts, and in HTML BPL004 (outside the content
//! root) and BPL005 (page furniture) propose lines rather than remove them, and their proposals
//! are features. The scorer then removes:
//! - on a whole-page dump or an HTML page, every proposed line whose score is below the
//!   threshold;
//! - on an already-extracted article, only a run of proposed low-scoring lines at its start or
//!   its end, and nothing when that would take more than [`ARTICLE_SHARE`] of the article's
//!   words: an extractor's output is article, with at most a leaked menu around it.
//!
//! On a whole page whose article region holds less than the model's `weak_region_share` of the
//! text's words (chosen out of fold by `scripts/train`; a listing, a product page, a list-heavy
//! article whose region settled on one paragraph), the region is no evidence of where the
//! page's header and footer end: a proposed line goes only when it scores below the lower
//! threshold below, and its reason says so.
//!
//! On a whole page it also removes, in the name of BPL006, a line that no rule proposed when it
//! scores below the model's second, lower threshold (`unproposed_threshold`), except a heading
//! the markup marks inside the content.
//!
//! Plain text and HTML pages have a model each (`model/content-text.lgb`,
//! `model/content-html.lgb`): the same features, different inputs.
//!
//! Each removal keeps the proposing rule's code and reason, with the score and the evidence
//! that weighed most added. Verdicts of explicit evidence stay rules' removals: a comment
//! section under its heading ("3 Comments"). The pipeline then
//! cleans the kept text again until nothing more goes (`Pipeline::settle`), so that cleaning the
//! output again finds nothing more.
//!
//! Without a scorer (`CleanerBuilder::scorer(None)`, `html_scorer(None)`), a proposal is a
//! removal, as the rules alone decide.
//!
//! The model is a gradient-boosted tree ensemble in LightGBM's text format, read and evaluated
//! by the `bosk` crate (pure Rust, no FFI). Its file opens with `#` lines that `scripts/train`
//! writes: the schema hash of the features it was trained on, the threshold chosen out of fold,
//! and how it was trained.

use std::fmt;
use std::sync::{Arc, LazyLock};

use crate::config::{Bias, InputKind};
use crate::context::Decisions;
use crate::features::{
    self, LineFeatures, BULLET, CLASS_PROSE, COMMENT_CUE, DOM, DOM_HEADING, DOM_LINK_SHARE, ENDS_SENTENCE, IN_REGION,
    SHAPE, STOP_SHARE, WIDTH, WIN, WORDS,
};
use crate::meta::RuleId;
use crate::removal::{Evidence, Scored};

/// The bundled models for plain text and for HTML pages, trained on the devset by
/// `scripts/train`.
const BUNDLED_TEXT: &str = include_str!("../model/content-text.lgb");
const BUNDLED_HTML: &str = include_str!("../model/content-html.lgb");

/// Most of an extracted article's words that the scorer may remove from its start and end.
pub(crate) const ARTICLE_SHARE: f64 = 0.3;

/// The share of a page's words its article region must hold for the region to say where the
/// page's header and footer end, when a model file does not give its own (`weak_region_share`,
/// which `scripts/train` chooses out of fold): never too small.
const WEAK_REGION_SHARE: f32 = 0.0;

/// A learned line scorer: a model and what it was trained for.
///
/// ```
/// let scorer = unclutter::Scorer::bundled();
/// assert!(scorer.threshold() > 0.0 && scorer.threshold() < 1.0);
/// // A model file names the feature schema it was trained on; one that does not match the
/// // features this build computes is refused.
/// let stale = "# schema_hash = 0000000000000001\n# threshold = 0.5\n";
/// assert!(unclutter::Scorer::parse(stale).is_err());
/// ```
#[derive(Clone)]
pub struct Scorer {
    model: ModelRef,
}

/// A scorer's model: a bundled one is parsed on its first use in the process (a cleaner that
/// scores nothing never parses it), a model file when it is read.
#[derive(Clone)]
enum ModelRef {
    Bundled { model: &'static LazyLock<Model>, html: bool },
    Own(Arc<Model>),
}

struct Model {
    trees: bosk::LgbModel,
    threshold: f32,
    /// The threshold of lines no rule proposed (BPL006), when the model file gives one.
    unproposed: Option<f32>,
    /// The share of a page's words below which its article region places no header or footer.
    weak_region: f32,
    /// The model judges an HTML page's projected lines (its header says `input = html`).
    html: bool,
    description: Vec<String>,
}

impl Model {
    /// Reads a model file (the format of [`Scorer::parse`]).
    fn parse(text: &str) -> Result<Model, ScorerError> {
        let (mut schema, mut threshold, mut html, mut description) = (None, None, false, Vec::new());
        let mut unproposed = None;
        let mut weak_region = WEAK_REGION_SHARE;
        let mut body = 0;
        for line in text.split_inclusive('\n') {
            let Some(header) = line.strip_prefix('#') else { break };
            body += line.len();
            let Some((key, value)) = header.split_once('=') else { continue };
            let (key, value) = (key.trim(), value.trim());
            match key {
                "schema_hash" => {
                    schema = Some(
                        u64::from_str_radix(value, 16)
                            .map_err(|_| ScorerError::Header(format!("schema_hash {value:?} is not hexadecimal")))?,
                    )
                }
                "threshold" => threshold = Some(parse_threshold(key, value)?),
                "unproposed_threshold" => unproposed = Some(parse_threshold(key, value)?),
                "weak_region_share" => weak_region = parse_threshold(key, value)?,
                "input" => {
                    html = match value {
                        "text" => false,
                        "html" => true,
                        _ => return Err(ScorerError::Header(format!("input {value:?} is neither text nor html"))),
                    }
                }
                _ => description.push(format!("{key}: {value}")),
            }
        }
        let found = schema.ok_or_else(|| ScorerError::Header("no schema_hash line".into()))?;
        let expected = features::current_schema_hash();
        if found != expected {
            return Err(ScorerError::Schema { expected, found });
        }
        let threshold = threshold.ok_or_else(|| ScorerError::Header("no threshold line".into()))?;
        let trees = bosk::LgbModel::parse(&text[body..]).map_err(|e| ScorerError::Model(e.to_string()))?;
        if trees.num_features() > WIDTH {
            return Err(ScorerError::Model(format!(
                "the trees read {} features, the schema has {WIDTH}",
                trees.num_features()
            )));
        }
        Ok(Model { trees, threshold, unproposed, weak_region, html, description })
    }
}

impl fmt::Debug for Scorer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Scorer")
            .field("trees", &self.model().trees.num_trees())
            .field("threshold", &self.model().threshold)
            .finish()
    }
}

/// Why a model file cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScorerError {
    /// A `#` header line is missing or malformed.
    Header(String),
    /// The model was trained on other features than this build computes.
    Schema {
        /// The schema hash of this build's features.
        expected: u64,
        /// The schema hash the model file names.
        found: u64,
    },
    /// The tree ensemble cannot be read.
    Model(String),
}

impl fmt::Display for ScorerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScorerError::Header(e) => write!(f, "model header: {e}"),
            ScorerError::Schema { expected, found } => write!(
                f,
                "the model was trained on feature schema {found:016x}, this build computes {expected:016x}: retrain it (scripts/train)"
            ),
            ScorerError::Model(e) => write!(f, "model trees: {e}"),
        }
    }
}

impl std::error::Error for ScorerError {}

static BUNDLED: LazyLock<Model> =
    LazyLock::new(|| Model::parse(BUNDLED_TEXT).expect("the bundled model matches the feature schema"));
static BUNDLED_HTML_MODEL: LazyLock<Model> =
    LazyLock::new(|| Model::parse(BUNDLED_HTML).expect("the bundled HTML model matches the feature schema"));

impl Scorer {
    /// The model shipped with the library for plain text (parsed once per process).
    pub fn bundled() -> Scorer {
        Scorer { model: ModelRef::Bundled { model: &BUNDLED, html: false } }
    }

    /// The model shipped with the library for HTML pages (parsed once per process).
    ///
    /// ```
    /// assert!(unclutter::Scorer::bundled_html().is_for_html());
    /// assert!(!unclutter::Scorer::bundled().is_for_html());
    /// ```
    pub fn bundled_html() -> Scorer {
        Scorer { model: ModelRef::Bundled { model: &BUNDLED_HTML_MODEL, html: true } }
    }

    /// True when the model judges HTML pages' projected lines (`input = html` in its header),
    /// false for plain text.
    pub fn is_for_html(&self) -> bool {
        match &self.model {
            ModelRef::Bundled { html, .. } => *html,
            ModelRef::Own(model) => model.html,
        }
    }

    /// Reads a model file: `#` header lines (`schema_hash = <16 hex digits>`, `threshold = <0..1>`,
    /// `input = text|html` (text when absent), any other `key = value` kept as its description), then a LightGBM text model of a binary
    /// objective over the columns of [`crate::LINE_FEATURE_NAMES`].
    pub fn parse(text: &str) -> Result<Scorer, ScorerError> {
        Model::parse(text).map(|model| Scorer { model: ModelRef::Own(Arc::new(model)) })
    }

    /// Parses a bundled model now rather than on its first score.
    pub(crate) fn load(&self) {
        self.model();
    }

    fn model(&self) -> &Model {
        match &self.model {
            ModelRef::Bundled { model, .. } => model,
            ModelRef::Own(model) => model,
        }
    }

    /// The score below which a line that no rule proposed goes from a whole page (BPL006),
    /// chosen on out-of-fold predictions; `None` when the model file has no
    /// `unproposed_threshold` line (such lines then stay).
    pub fn unproposed_threshold(&self) -> Option<f32> {
        self.model().unproposed
    }

    /// The score below which a line is clutter, chosen on out-of-fold predictions.
    pub fn threshold(&self) -> f32 {
        self.model().threshold
    }

    /// What the model file says of itself (`key: value`), for `--explain`.
    pub fn description(&self) -> &[String] {
        &self.model().description
    }

    /// What `unclutter --explain BPL001` (or any scored rule) prints of the model: how it decides, what the model
    /// file says of itself (how it was trained, its out-of-fold quality), and its features.
    ///
    /// ```
    /// let text = unclutter::Scorer::bundled().explain();
    /// assert!(text.contains("schema") && text.contains("stop_share"));
    /// assert!(text.contains("of the page's words")); // the weak-region share, chosen out of fold
    /// ```
    pub fn explain(&self) -> String {
        let mut text = format!(
            "The content scorer ({}): {} gradient-boosted trees (LightGBM's text format, evaluated in Rust by the bosk \
             crate) give each line still kept after the rules a score, the probability that it is article text; \
             below {:.2} it is clutter. It decides the proposals of BPL001 and BPL002 (page header and footer), of \
             BPL003 (a related block to the article's end) and in HTML of BPL004 and BPL005 (outside the content \
             root, page furniture): a proposed line goes when it scores low. On an extracted article only a \
             low-scoring run at the start or end goes (at most {:.0}% of its words).",
            if self.model().html { "HTML pages" } else { "plain text" },
            self.model().trees.num_trees(),
            self.model().threshold,
            ARTICLE_SHARE * 100.0
        );
        if let Some(lower) = self.model().unproposed.filter(|&t| t > 0.0) {
            text.push_str(&format!(
                " On a whole page, a line no rule proposed goes below {lower:.2} (BPL006); where the article region \
                 holds less than {:.1}% of the page's words, a proposed line goes only below {lower:.2} too (the \
                 region then places no header or footer). Both are chosen out of fold with the threshold.",
                self.model().weak_region * 100.0
            ));
        }
        text.push_str("\n\n");
        text.push_str(&format!("The model file (feature schema {:016x}):\n", features::current_schema_hash()));
        for line in &self.model().description {
            text.push_str(&format!("  {line}\n"));
        }
        text.push_str("\nIts features, per line (see the unclutter crate's LINE_FEATURE_NAMES for their meanings):\n");
        for chunk in features::NAMES.chunks(6) {
            text.push_str(&format!("  {}\n", chunk.join(", ")));
        }
        text
    }

    /// The probability that the line with these features is article text.
    pub(crate) fn score(&self, row: &[f32]) -> f32 {
        let mut x = [0.0f64; WIDTH];
        for (x, v) in x.iter_mut().zip(row) {
            *x = f64::from(*v);
        }
        self.model().trees.predict_unchecked(&x) as f32
    }

    /// A threshold `t` as the bias moves it: a precision bias removes more, a recall bias less.
    fn biased(t: f32, bias: Bias) -> f32 {
        match bias {
            Bias::Precision => t + (1.0 - t) * 0.25,
            Bias::Balanced => t,
            Bias::Recall => t * 0.6,
        }
    }
}

/// A threshold line of a model file's header: a number in `0..1`.
fn parse_threshold(key: &str, value: &str) -> Result<f32, ScorerError> {
    value
        .parse()
        .ok()
        .filter(|t: &f32| (0.0..1.0).contains(t))
        .ok_or_else(|| ScorerError::Header(format!("{key} {value:?} is not in 0..1")))
}

/// The evidence of a line's features that a reason names.
fn evidence(row: &[f32]) -> Evidence {
    let count = |v: f32| v.exp_m1().round() as u32;
    let window = |k: usize| row[WIN + k].min(f32::from(u16::MAX)) as u16;
    Evidence {
        words: count(row[WORDS]),
        stop_share: row[STOP_SHARE],
        window: [window(0), window(1), window(2)],
        comment_cue: row[COMMENT_CUE] == 1.0,
        markup: (row[DOM] == 1.0).then(|| (row[DOM_LINK_SHARE], count(row[SHAPE]), row[SHAPE + 1])),
    }
}

/// Decides the scored rules' proposals and the low-scoring lines (module docs), and returns the
/// features when `keep_features` is set or a model scored them. `unproposed` is the rule that
/// removes a page's low-scoring lines no rule proposed (BPL006), when it is selected.
pub(crate) fn decide(
    decisions: &mut Decisions<'_>,
    scorer: Option<&Scorer>,
    unproposed: Option<RuleId>,
    keep_features: bool,
) -> Option<LineFeatures> {
    let n = decisions.doc().segments.len();
    // Nothing to decide without a proposal.
    let undecided = (0..n).all(|i| decisions.proposal(i).is_none());
    let scorer = scorer.filter(|_| !undecided);
    if scorer.is_some() {
        decisions.mark_scored();
    }
    let features = (scorer.is_some() || keep_features).then(|| features::compute(decisions));
    let (Some(scorer), Some(f)) = (scorer, features.as_ref()) else {
        for i in 0..n {
            if let Some((rule, reason)) = decisions.proposal(i).cloned() {
                decisions.remove_segment(i, rule, reason);
            }
        }
        return features;
    };
    let bias = decisions.settings().bias;
    let lower = scorer.unproposed_threshold().map_or(0.0, |t| Scorer::biased(t, bias));
    let page = decisions.input().0 == InputKind::Page;
    let weak_region = scorer.model().weak_region;
    let region_share = page.then(|| features::region_share(f)).filter(|s| *s < weak_region);
    let threshold = match region_share {
        Some(_) => lower,
        None => Scorer::biased(scorer.threshold(), bias),
    };
    let kept: Vec<usize> =
        (0..n).filter(|&i| !decisions.doc().segments[i].is_blank() && decisions.removed_by(i).is_none()).collect();
    // Proposed lines are scored when a decision needs them, once.
    let mut scores: Vec<Option<f32>> = vec![None; kept.len()];
    let mut low = |k: usize| {
        decisions.proposal(kept[k])?;
        let s = *scores[k].get_or_insert_with(|| scorer.score(f.row(kept[k])));
        (s < threshold).then_some(s)
    };
    let chosen: Vec<(usize, f32)> = match decisions.input().0 {
        InputKind::Page => (0..kept.len()).filter_map(|k| Some((k, low(k)?))).collect(),
        InputKind::Article => {
            let mut chosen = Vec::new();
            let mut lead = 0;
            while let Some(s) = (lead < kept.len()).then(|| low(lead)).flatten() {
                chosen.push((lead, s));
                lead += 1;
            }
            let mut trail = kept.len();
            while let Some(s) = (trail > lead).then(|| low(trail - 1)).flatten() {
                trail -= 1;
                chosen.push((trail, s));
            }
            let words = |k: usize| f.row(kept[k])[WORDS].exp_m1();
            let all: f32 = (0..kept.len()).map(words).sum();
            let trimmed: f32 = chosen.iter().map(|&(k, _)| words(k)).sum();
            if f64::from(trimmed) > ARTICLE_SHARE * f64::from(all) {
                chosen.clear();
            }
            chosen
        }
    };
    for (k, s) in chosen {
        let i = kept[k];
        let (rule, reason) = decisions.proposal(i).cloned().expect("only proposed lines are chosen");
        let why = Scored {
            proposal: Some(reason),
            weak_region: region_share,
            score: s,
            threshold,
            evidence: evidence(f.row(i)),
        };
        decisions.remove_segment(i, rule, why);
    }
    // On a whole page, a line no rule proposed goes when it scores below the lower threshold;
    // a heading the markup marks inside the content is the article's own outline, and stays.
    let unproposed = unproposed.zip(scorer.unproposed_threshold().filter(|&t| t > 0.0));
    if let (Some((rule, t)), InputKind::Page) = (unproposed, decisions.input().0) {
        let t = Scorer::biased(t, bias);
        for (k, &i) in kept.iter().enumerate() {
            if decisions.proposal(i).is_some() || f.row(i)[DOM_HEADING] == 1.0 {
                continue;
            }
            // A list's own heading ("The worst", then its bullets) inside the article region
            // is the article's outline, as a heading the markup marks is; so is a section's
            // heading, between a finished sentence or list and a paragraph ("Verdict").
            let next = |column: usize| kept.get(k + 1).is_some_and(|&j| f.row(j)[column] == 1.0);
            let after_end = k.checked_sub(1).is_some_and(|p| {
                let prev = f.row(kept[p]);
                prev[ENDS_SENTENCE] == 1.0 || prev[BULLET] == 1.0
            });
            let outline = next(BULLET) || (next(CLASS_PROSE) && after_end);
            if outline && f.row(i)[IN_REGION] == 1.0 && f.row(i)[BULLET] == 0.0 && f.row(i)[ENDS_SENTENCE] == 0.0 {
                continue;
            }
            let s = scorer.score(f.row(i));
            if s < t {
                let why =
                    Scored { proposal: None, weak_region: None, score: s, threshold: t, evidence: evidence(f.row(i)) };
                decisions.remove_segment(i, rule, why);
            }
        }
    }
    features
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Cleaner;

    fn with_header(schema: u64, threshold: &str) -> String {
        let body = &BUNDLED_TEXT[BUNDLED_TEXT.find("\ntree").expect("a LightGBM body") + 1..];
        format!("# schema_hash = {schema:016x}\n# threshold = {threshold}\n{body}")
    }

    #[test]
    fn the_shipped_model_matches_the_feature_schema() {
        let scorer = Scorer::parse(BUNDLED_TEXT).expect("the bundled model parses");
        assert!(scorer.model().trees.num_features() <= WIDTH);
        assert!(scorer.description().iter().any(|d| d.starts_with("trained_on:")));
        let current = features::current_schema_hash();
        assert!(BUNDLED_TEXT.contains(&format!("schema_hash = {current:016x}")), "retrain with scripts/train");
    }

    #[test]
    fn a_model_for_other_features_or_without_a_threshold_is_refused() {
        let current = features::current_schema_hash();
        assert!(Scorer::parse(&with_header(current, "0.4")).is_ok());
        let stale = Scorer::parse(&with_header(current ^ 1, "0.4")).unwrap_err();
        assert_eq!(stale, ScorerError::Schema { expected: current, found: current ^ 1 });
        assert!(stale.to_string().contains("scripts/train"));
        assert!(matches!(Scorer::parse(&with_header(current, "1.5")), Err(ScorerError::Header(_))));
        let no_threshold = format!("# schema_hash = {current:016x}\n");
        assert!(matches!(Scorer::parse(&no_threshold), Err(ScorerError::Header(_))));
        let no_trees = format!("# schema_hash = {current:016x}\n# threshold = 0.5\nnot a model\n");
        assert!(matches!(Scorer::parse(&no_trees), Err(ScorerError::Model(_))));
    }

    const PAGE: &str = "Home\nNews\nSport\nWeather\nCulture\n\n\
        The council voted seven to two on Tuesday to fund the new bridge across the river, after years of delay.\n\n\
        The mayor said that the bridge would open in May and that the work would start in the spring.\n\n\
        Residents on both sides of the river have asked for a crossing for more than a decade.\n\n\
        About us\nContact\nPrivacy\nTerms\n";

    #[test]
    fn menus_score_low_and_prose_high() {
        let scorer = Scorer::bundled();
        let f = Cleaner::new().line_features(PAGE);
        let score = |i: usize| scorer.score(f.row(i));
        for menu in [1, 2, 3, 13, 14] {
            assert!(score(menu) < scorer.threshold(), "line {menu}: {}", score(menu));
        }
        for prose in [6, 8, 10] {
            assert!(score(prose) > scorer.threshold(), "line {prose}: {}", score(prose));
            assert!((0.0..=1.0).contains(&score(prose)));
        }
    }

    #[test]
    fn proposals_go_with_the_score_in_their_reason() {
        let cleaner = Cleaner::builder().scorer(Some(Scorer::bundled())).build().unwrap();
        let cleaned = cleaner.clean(PAGE);
        assert!(cleaned.text().starts_with("The council voted"), "{}", cleaned.text());
        assert!(cleaned.text().contains("more than a decade.\n"));
        let footer = cleaned.removals().iter().find(|r| &PAGE[r.span()] == "Privacy\n").expect("removed");
        assert_eq!(footer.rule().code(), "BPL002");
        assert!(footer.reason().contains("; content score 0."), "{}", footer.reason());
        assert!(footer.reason().contains("menu items within 3 lines"), "{}", footer.reason());
    }

    #[test]
    fn html_reasons_name_the_markup_evidence() {
        let para = "<p>The council voted on Tuesday to fund the new bridge across the river at last.</p>";
        let html = format!(
            "<body><nav><ul><li><a href=/>Home</a></li><li><a href=/n>News</a></li><li><a href=/s>Sport</a></li></ul></nav>\
             <article><h1>Bridge approved</h1>{}</article></body>",
            para.repeat(5)
        );
        let cleaned = Cleaner::new().clean_html(&html);
        let menu = cleaned.removals().iter().find(|r| r.reason().contains("content score")).expect("a scored removal");
        assert!(menu.reason().contains("100% link text"), "{}", menu.reason());
        assert!(menu.reason().contains("its element shape has 3 lines"), "{}", menu.reason());
        assert!(cleaned.text().contains("The council voted"));
    }

    #[test]
    fn an_extracted_article_keeps_its_middle() {
        // No menu, no furniture: an extractor's output. A short list inside it stays, whatever
        // it scores: nothing goes between its first and last paragraphs.
        let article = "The council voted seven to two on Tuesday to fund the new bridge across the river, after years of delay.\n\n\
            Costs\nSteel\nLabour\n\n\
            The mayor said that the bridge would open in May and that the work would start in the spring.\n\n\
            Residents on both sides of the river have asked for a crossing for more than a decade.\n";
        let cleaner = Cleaner::builder().scorer(Some(Scorer::bundled())).build().unwrap();
        let cleaned = cleaner.clean(article);
        assert_eq!(cleaned.input_kind(), InputKind::Article);
        for kept in ["Costs\n", "Steel\n", "Labour\n"] {
            assert!(cleaned.text().contains(kept), "{kept:?} in {:?}", cleaned.text());
        }
    }

    /// A page dump: a menu, six paragraphs with a share bar between them, a footer. Two body
    /// lines hold furniture words ("Share", "the council said").
    fn page_with_inner_share_bar() -> String {
        let menu =
            "Home\nNews\nSport\nWeather\nCulture\nBusiness\nTravel\nOpinion\nVideo\nPodcasts\nPuzzles\nSign in\n\n";
        let paragraphs = [
            "The council voted seven to two on Tuesday to fund the new bridge across the river, after years of delay.",
            "The mayor said that the bridge would open in May and that the work would start in the spring.",
            "Engineers from the city will inspect the old piers next week, and the results will decide the final design.",
            "Share prices of the two builders rose after the vote.",
            "Residents on both sides of the river have asked for a crossing for more than a decade.",
            "The ferry that carries most of them today will keep running until the bridge opens, the council said.",
        ];
        let mut page = menu.to_string();
        for (i, p) in paragraphs.iter().enumerate() {
            if i == 3 {
                page.push_str("* Share this on Facebook\n* Share this on Twitter\n* Share this by email\n\n");
            }
            page.push_str(p);
            page.push_str("\n\n");
        }
        page + "About us\nContact\nPrivacy\nTerms\nCareers\nAdvertise\nHelp\nSitemap\n"
    }

    /// The bundled text model with a high threshold for lines no rule proposed.
    fn eager_unproposed() -> Scorer {
        let model = format!("# unproposed_threshold = 0.9\n{}", with_header(features::current_schema_hash(), "0.5"));
        Scorer::parse(&model).unwrap()
    }

    #[test]
    fn a_page_s_unproposed_low_scoring_lines_go_as_bpl006() {
        let page = page_with_inner_share_bar();
        let cleaner = Cleaner::builder().scorer(Some(eager_unproposed())).build().unwrap();
        let cleaned = cleaner.clean(&page);
        let inner: Vec<_> = cleaned.removals().iter().filter(|r| r.rule().code() == "BPL006").collect();
        assert!(!inner.is_empty(), "{:?}", cleaned.removals());
        // Only lines no rule proposed: the rules alone remove none of them.
        let rules_alone = Cleaner::builder().scorer(None).build().unwrap().clean(&page);
        for removal in inner {
            assert!(removal.reason().starts_with("no rule proposed it; content score 0."), "{}", removal.reason());
            assert!(rules_alone.removals().iter().all(|r| !r.span().contains(removal.span())), "{removal:?}");
        }
        // Ignored, or on an extracted article, it removes nothing.
        let ignored = Cleaner::builder().scorer(Some(eager_unproposed())).ignore(["BPL006"]).build().unwrap();
        let article = Cleaner::builder().scorer(Some(eager_unproposed())).input_kind(Some(InputKind::Article));
        for cleaner in [ignored, article.build().unwrap()] {
            let cleaned = cleaner.clean(&page);
            assert!(cleaned.removals().iter().all(|r| r.rule().code() != "BPL006"), "{:?}", cleaned.removals());
        }
    }

    #[test]
    fn a_list_s_own_heading_in_the_article_never_goes_as_bpl006() {
        // A review: the pros and the cons each under a two-word heading, which the eager model
        // scores low, as it scores every short line.
        let mut page = page_with_inner_share_bar();
        let at = page.find("Residents on").unwrap();
        page.insert_str(
            at,
            "The best

* Long battery life
* Light

The worst

* Two ports only
* A dim webcam

Verdict

For a commuter who works on the train the laptop is easy to recommend, whatever its ports.

",
        );
        let cleaner = Cleaner::builder().scorer(Some(eager_unproposed())).build().unwrap();
        let cleaned = cleaner.clean(&page);
        // "Verdict" heads a section: between the end of a list and a paragraph.
        for heading in ["The best\n", "The worst\n", "Verdict\n"] {
            assert!(cleaned.text().contains(heading), "{heading:?} lost: {:?}", cleaned.removals());
        }
        // A short line that heads no list is no such heading.
        assert!(cleaned.removals().iter().any(|r| r.rule().code() == "BPL006"), "{:?}", cleaned.removals());
    }

    #[test]
    fn the_bundled_models_keep_a_page_s_body_lines_with_furniture_words() {
        let page = page_with_inner_share_bar();
        let text = Cleaner::new().clean(&page).text().to_string();
        for body in
            ["The council voted", "The mayor said", "Engineers from", "Share prices of", "Residents on", "The ferry"]
        {
            assert!(text.contains(body), "{body:?} lost: {text}");
        }
        assert!(!text.contains("Sitemap") && !text.contains("Podcasts"), "{text}");
    }

    #[test]
    fn a_region_too_small_to_place_the_header_lets_proposals_go_only_below_the_lower_threshold() {
        // A shop's listing: sixty product lines and one sentence of prose, which the region
        // settles on.
        let mut page = String::from("Socks\nShirts\nJackets\nBoots\nHats\nScarves\n\n");
        for k in 0..60 {
            page.push_str(&format!("Merino wool socks, pack of {k}, grey and navy\n"));
        }
        page.push_str("\nEvery pair is knitted in our own mill from wool that we buy from farms nearby.\n");
        let cleaner = Cleaner::new();
        let share = features::region_share(&cleaner.line_features(&page));
        assert!(share < Scorer::bundled().model().weak_region, "{share}");
        let cleaned = cleaner.clean(&page);
        let zones: Vec<_> =
            cleaned.removals().iter().filter(|r| matches!(r.rule().code(), "BPL001" | "BPL002")).collect();
        for removal in &zones {
            assert!(removal.reason().contains("too little to tell its header and footer"), "{}", removal.reason());
        }
        // The rules alone would cut every product line as the page's header.
        let alone = Cleaner::builder().scorer(None).build().unwrap().clean(&page);
        assert!(alone.text().matches("Merino").count() < 10, "{}", alone.text());
        assert_eq!(cleaned.text().matches("Merino").count(), 60, "{}", cleaned.text());
        // The menu still goes: its items score below the lower threshold too.
        assert!(!zones.is_empty() && !cleaned.text().contains("Jackets"), "{}", cleaned.text());
    }

    #[test]
    fn the_unproposed_threshold_is_optional_and_checked() {
        let current = features::current_schema_hash();
        let without = with_header(current, "0.5");
        assert_eq!(Scorer::parse(&without).unwrap().unproposed_threshold(), None);
        let with = format!("# unproposed_threshold = 0.2\n{without}");
        assert_eq!(Scorer::parse(&with).unwrap().unproposed_threshold(), Some(0.2));
        let bad = format!("# unproposed_threshold = 2\n{without}");
        assert!(matches!(Scorer::parse(&bad), Err(ScorerError::Header(_))));
        assert!(Scorer::bundled().unproposed_threshold().is_some_and(|u| u < Scorer::bundled().threshold()));
    }

    #[test]
    fn a_recall_bias_lowers_the_threshold_and_a_precision_bias_raises_it() {
        let t = Scorer::bundled().threshold();
        assert!(Scorer::biased(t, Bias::Recall) < Scorer::biased(t, Bias::Balanced));
        assert!(Scorer::biased(t, Bias::Precision) > Scorer::biased(t, Bias::Balanced));
        assert!(Scorer::biased(t, Bias::Precision) < 1.0);
    }
}
