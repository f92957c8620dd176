//! The content scorer: a learned model that scores every line still kept after the context
//! rounds with the probability that it is article text, from the line's features
//! (`crate::features`), and decides the structural removals with that score.
//!
//! The structural rules (BPL001 page header, BPL002 page footer, BPL003 article tail) are
//! *scored*: they propose lines rather than remove them, and their proposals are features. The
//! scorer then removes:
//! - on a whole-page dump, every kept line whose score is below the threshold, under the code
//!   of the rule that proposed it or, unproposed, under BPL006 (content-score);
//! - on an already-extracted article, only a run of low-scoring lines at its start or its end,
//!   and a proposed article tail that scores low, and nothing when that would take more than
//!   [`ARTICLE_SHARE`] of the article's words: an extractor's output is article, with at most a
//!   leaked menu or a comment thread around it.
//!
//! Without a scorer (`CleanerBuilder::scorer(None)`), and in HTML mode, where the markup
//! decides the page's zones, a proposal is a removal.
//!
//! The model is a gradient-boosted tree ensemble in LightGBM's text format, read and evaluated
//! by the `bosk` crate (pure Rust, no FFI). Its file opens with `#` lines that `scripts/train`
//! writes: the schema hash of the features it was trained on, the threshold chosen out of fold,
//! and how it was trained.

use std::fmt;
use std::sync::{Arc, LazyLock};

use crate::config::{Bias, InputKind};
use crate::context::Decisions;
use crate::features::{self, LineFeatures, COMMENT_CUE, PROPOSED, STOP_SHARE, WIDTH, WIN, WORDS};
use crate::meta::RuleId;

/// The bundled model for text input, trained on the devset by `scripts/train`.
const BUNDLED_TEXT: &str = include_str!("../model/content-text.lgb");

/// Most of an extracted article's words that the scorer may remove from its start and end.
pub(crate) const ARTICLE_SHARE: f64 = 0.3;

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
    inner: Arc<Model>,
}

struct Model {
    trees: bosk::LgbModel,
    threshold: f32,
    description: Vec<String>,
}

impl fmt::Debug for Scorer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Scorer")
            .field("trees", &self.inner.trees.num_trees())
            .field("threshold", &self.inner.threshold)
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

static BUNDLED: LazyLock<Scorer> =
    LazyLock::new(|| Scorer::parse(BUNDLED_TEXT).expect("the bundled model matches the feature schema"));

impl Scorer {
    /// The model shipped with the library, for text input (parsed once per process).
    pub fn bundled() -> Scorer {
        BUNDLED.clone()
    }

    /// Reads a model file: `#` header lines (`schema_hash = <16 hex digits>`, `threshold = <0..1>`,
    /// any other `key = value` kept as its description), then a LightGBM text model of a binary
    /// objective over the columns of [`crate::LINE_FEATURE_NAMES`].
    pub fn parse(text: &str) -> Result<Scorer, ScorerError> {
        let (mut schema, mut threshold, mut description) = (None, None, Vec::new());
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
                "threshold" => {
                    let t: f32 = value
                        .parse()
                        .ok()
                        .filter(|t: &f32| (0.0..1.0).contains(t))
                        .ok_or_else(|| ScorerError::Header(format!("threshold {value:?} is not in 0..1")))?;
                    threshold = Some(t);
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
        Ok(Scorer { inner: Arc::new(Model { trees, threshold, description }) })
    }

    /// The score below which a line is clutter, chosen on out-of-fold predictions.
    pub fn threshold(&self) -> f32 {
        self.inner.threshold
    }

    /// What the model file says of itself (`key: value`), for `--explain`.
    pub fn description(&self) -> &[String] {
        &self.inner.description
    }

    /// The probability that the line with these features is article text.
    pub(crate) fn score(&self, row: &[f32]) -> f32 {
        let mut x = [0.0f64; WIDTH];
        for (x, v) in x.iter_mut().zip(row) {
            *x = f64::from(*v);
        }
        self.inner.trees.predict_unchecked(&x) as f32
    }

    /// The threshold the bias moves: a precision bias removes more, a recall bias less.
    fn threshold_for(&self, bias: Bias) -> f32 {
        let t = self.inner.threshold;
        match bias {
            Bias::Precision => t + (1.0 - t) * 0.25,
            Bias::Balanced => t,
            Bias::Recall => t * 0.6,
        }
    }
}

/// The evidence that weighed most, in words: "4 words, no stop words, 5 menu items around".
fn evidence(row: &[f32]) -> String {
    let count = |v: f32| v.exp_m1().round() as usize;
    let words = count(row[WORDS]);
    let mut parts = vec![match words {
        1 => "1 word".to_string(),
        w => format!("{w} words"),
    }];
    if words > 0 {
        let stop = row[STOP_SHARE];
        parts.push(if stop == 0.0 { "no stop words".into() } else { format!("{:.0}% stop words", stop * 100.0) });
    }
    let (prose, menu, removed) = (row[WIN] as usize, row[WIN + 1] as usize, row[WIN + 2] as usize);
    if menu > 0 {
        parts.push(format!("{menu} menu items within 3 lines"));
    }
    if removed > 0 {
        parts.push(format!("{removed} removed lines within 3 lines"));
    }
    parts.push(match prose {
        0 => "no prose line within 3 lines".into(),
        p => format!("{p} prose lines within 3 lines"),
    });
    if row[COMMENT_CUE] == 1.0 {
        parts.push("reads as a comment's metadata".into());
    }
    parts.join(", ")
}

/// Decides the scored rules' proposals and the low-scoring lines (module docs), and returns the
/// features when `keep_features` is set or a model scored them.
pub(crate) fn decide(
    decisions: &mut Decisions<'_>,
    scorer: Option<&Scorer>,
    own: Option<RuleId>,
    keep_features: bool,
) -> Option<LineFeatures> {
    let n = decisions.doc().segments.len();
    let scorer = scorer.filter(|_| decisions.dom().is_none());
    let features = (scorer.is_some() || keep_features).then(|| features::compute(decisions));
    let (Some(scorer), Some(f)) = (scorer, features.as_ref()) else {
        for i in 0..n {
            if let Some((rule, reason)) = decisions.proposal(i).cloned() {
                decisions.remove_segment(i, rule, reason);
            }
        }
        return features;
    };
    let threshold = scorer.threshold_for(decisions.settings().bias);
    let kept: Vec<usize> =
        (0..n).filter(|&i| !decisions.doc().segments[i].is_blank() && decisions.removed_by(i).is_none()).collect();
    let scores: Vec<f32> = kept.iter().map(|&i| scorer.score(f.row(i))).collect();
    let low = |k: usize| scores[k] < threshold;
    let chosen: Vec<usize> = match decisions.input().0 {
        InputKind::Page => (0..kept.len()).filter(|&k| low(k)).collect(),
        InputKind::Article => {
            let lead = (0..kept.len()).take_while(|&k| low(k)).count();
            let trail = (lead..kept.len()).rev().take_while(|&k| low(k)).count();
            let mut chosen: Vec<usize> = (0..lead).chain(kept.len() - trail..kept.len()).collect();
            let words = |k: &usize| f.row(kept[*k])[WORDS].exp_m1();
            let all: f32 = (0..kept.len()).map(|k| words(&k)).sum();
            let trimmed: f32 = chosen.iter().map(words).sum();
            if f64::from(trimmed) > ARTICLE_SHARE * f64::from(all) {
                chosen.clear();
            }
            // A proposed article tail (a comment section or related block under its heading)
            // goes where it scores low.
            let tail = |k: &usize| f.row(kept[*k])[PROPOSED + 2] == 1.0;
            chosen.extend((lead..kept.len() - trail).filter(|k| tail(k) && low(*k)));
            chosen
        }
    };
    for k in chosen {
        let i = kept[k];
        let score = format!("content score {:.2} (below {threshold:.2}): {}", scores[k], evidence(f.row(i)));
        match decisions.proposal(i).cloned() {
            Some((rule, reason)) => decisions.remove_segment(i, rule, format!("{}; {score}", reason.as_str())),
            None => {
                if let Some(own) = own {
                    decisions.remove_segment(i, own, score);
                }
            }
        }
    }
    features
}
