//! The measures of `score.py`: token bags, precision, recall and F1 per page, the mean over pages,
//! and snippet counts.

use std::collections::HashMap;
use std::ops::{Add, AddAssign};
use std::sync::LazyLock;

use regex::Regex;

/// Python's `\w` on `str`: letters (`L*`), numbers (`N*`) and the underscore. Not Rust's
/// `char::is_alphanumeric`, which also takes `Other_Alphabetic` marks such as Devanagari vowel
/// signs, nor the regex crate's `\w`, which takes every mark.
static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[\p{L}\p{N}_]+").expect("valid pattern"));

/// The lowercase word tokens of `text`, in order: `re.findall(r'\w+', text.lower())`.
pub(crate) fn tokens(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    WORD.find_iter(&lower).map(|t| t.as_str().to_owned()).collect()
}

/// A bag (multiset) of lowercase word tokens: `Counter(re.findall(r'\w+', text.lower()))`.
///
/// ```
/// use unclutter_eval::Bag;
///
/// let (output, gold) = (Bag::of("The bridge, the river."), Bag::of("the bridge"));
/// assert_eq!((output.len(), gold.len()), (4, 2));
/// assert_eq!(output.overlap(&gold), 2);
/// ```
#[derive(Clone, Debug, Default)]
pub struct Bag {
    counts: HashMap<String, usize>,
    total: usize,
}

impl Bag {
    /// The tokens of `text`, lowercased first.
    pub fn of(text: &str) -> Bag {
        let lower = text.to_lowercase();
        let mut counts = HashMap::new();
        let mut total = 0;
        for token in WORD.find_iter(&lower) {
            *counts.entry(token.as_str().to_owned()).or_insert(0) += 1;
            total += 1;
        }
        Bag { counts, total }
    }

    /// The number of tokens, repeats included.
    pub fn len(&self) -> usize {
        self.total
    }

    /// Whether the text had no tokens.
    pub fn is_empty(&self) -> bool {
        self.total == 0
    }

    /// The size of the multiset intersection: each token counted as often as it occurs in both.
    pub fn overlap(&self, other: &Bag) -> usize {
        let (small, large) = if self.counts.len() <= other.counts.len() { (self, other) } else { (other, self) };
        small.counts.iter().map(|(token, &n)| n.min(large.counts.get(token).copied().unwrap_or(0))).sum()
    }
}

/// Precision, recall and F1, of one page or the mean over pages.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Prf {
    /// The share of the output that is gold (for snippets: of the snippets found, how many are
    /// `with` snippets).
    pub precision: f64,
    /// The share of the gold that the output kept ("gold kept").
    pub recall: f64,
    /// The harmonic mean of precision and recall, 0 when nothing overlaps.
    pub f1: f64,
}

impl Prf {
    /// A page's scores, as score.py's `prf`: both empty is a perfect score, an empty output
    /// scores 0 (an empty gold gives recall 1), and F1 is 0 when nothing overlaps.
    ///
    /// ```
    /// use unclutter_eval::{Bag, Prf};
    ///
    /// let scores = Prf::of(&Bag::of("the bridge the river"), &Bag::of("The bridge, over the river."));
    /// assert_eq!((scores.precision, scores.recall), (1.0, 0.8));
    /// assert_eq!(Prf::of(&Bag::of(""), &Bag::of("")).f1, 1.0);
    /// ```
    pub fn of(output: &Bag, gold: &Bag) -> Prf {
        let (n_out, n_gold) = (output.len(), gold.len());
        if n_out == 0 && n_gold == 0 {
            return Prf { precision: 1.0, recall: 1.0, f1: 1.0 };
        }
        if n_out == 0 || n_gold == 0 {
            return Prf { precision: 0.0, recall: if n_gold == 0 { 1.0 } else { 0.0 }, f1: 0.0 };
        }
        let overlap = output.overlap(gold);
        let precision = overlap as f64 / n_out as f64;
        let recall = overlap as f64 / n_gold as f64;
        let f1 = if overlap > 0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
        Prf { precision, recall, f1 }
    }

    /// The mean of each measure over the pages (see [`mean`]), or `None` for no pages.
    pub fn mean(pages: impl IntoIterator<Item = Prf>) -> Option<Prf> {
        let (mut precision, mut recall, mut f1) = (ExactSum::new(), ExactSum::new(), ExactSum::new());
        for page in pages {
            precision.add(page.precision);
            recall.add(page.recall);
            f1.add(page.f1);
        }
        Some(Prf { precision: precision.mean()?, recall: recall.mean()?, f1: f1.mean()? })
    }
}

/// Precision, recall and F1 of an output against a full-text gold: [`Prf::of`] on their [`Bag`]s.
///
/// ```
/// use unclutter_eval::prf;
///
/// assert_eq!(prf("", "gold words").f1, 0.0);
/// assert_eq!(prf("gold words", "Gold words.").f1, 1.0);
/// ```
pub fn prf(output: &str, gold: &str) -> Prf {
    Prf::of(&Bag::of(output), &Bag::of(gold))
}

/// The mean over pages, as score.py takes it with Python's `statistics.mean`: the exact sum of
/// the values divided by their number, rounded once to the nearest `f64`, so neither the order of
/// the pages nor their number adds rounding error. `None` for no values. A NaN or infinite value
/// gives NaN or that infinity, as in Python.
///
/// ```
/// use unclutter_eval::mean;
///
/// // Summing 0.1 ten times in floating point gives 0.9999999999999999; the exact mean is 0.1.
/// assert_eq!(mean([0.1; 10]), Some(0.1));
/// assert_eq!(mean([]), None);
/// ```
pub fn mean(values: impl IntoIterator<Item = f64>) -> Option<f64> {
    let mut sum = ExactSum::new();
    values.into_iter().for_each(|value| sum.add(value));
    sum.mean()
}

/// Limbs of the fixed-point accumulator: 2,098 bits span every finite `f64` in units of the
/// smallest subnormal (2^-1074), and 64 more absorb the carries of up to 2^64 values.
const LIMBS: usize = 34;

/// An exact sum of `f64` values: positive and negative parts as fixed-point integers counting
/// units of 2^-1074, the smallest subnormal, of which every finite `f64` is an integer multiple.
struct ExactSum {
    positive: [u64; LIMBS],
    negative: [u64; LIMBS],
    count: u64,
    /// The plain sum of the NaN and infinite values, which decide the result when present.
    special: Option<f64>,
}

impl ExactSum {
    fn new() -> ExactSum {
        ExactSum { positive: [0; LIMBS], negative: [0; LIMBS], count: 0, special: None }
    }

    fn add(&mut self, value: f64) {
        self.count += 1;
        if !value.is_finite() {
            self.special = Some(self.special.map_or(value, |special| special + value));
            return;
        }
        let bits = value.to_bits();
        let exponent = (bits >> 52 & 0x7ff) as u32;
        let fraction = bits & ((1 << 52) - 1);
        // value = mantissa * 2^(shift - 1074): subnormals have exponent 0 and no implicit bit.
        let (mantissa, shift) = if exponent == 0 { (fraction, 0) } else { (fraction | 1 << 52, exponent - 1) };
        let limbs = if value.is_sign_negative() { &mut self.negative } else { &mut self.positive };
        let wide = u128::from(mantissa) << (shift % 64);
        let mut carry = 0u128;
        for (i, limb) in limbs.iter_mut().enumerate().skip(shift as usize / 64) {
            let part = match i - shift as usize / 64 {
                0 => wide as u64,
                1 => (wide >> 64) as u64,
                _ if carry == 0 => break,
                _ => 0,
            };
            let total = u128::from(*limb) + u128::from(part) + carry;
            *limb = total as u64;
            carry = total >> 64;
        }
    }

    /// The exact sum divided by the count, correctly rounded (half to even).
    fn mean(&self) -> Option<f64> {
        if self.count == 0 {
            return None;
        }
        if let Some(special) = self.special {
            return Some(special);
        }
        let (magnitude, negative) = match compare(&self.positive, &self.negative) {
            std::cmp::Ordering::Less => (subtract(&self.negative, &self.positive), true),
            _ => (subtract(&self.positive, &self.negative), false),
        };
        let (quotient, remainder) = divide(&magnitude, self.count);
        let rounded = f64::from_bits(round_to_bits(&quotient, remainder, self.count));
        Some(if negative { -rounded } else { rounded })
    }
}

fn compare(a: &[u64; LIMBS], b: &[u64; LIMBS]) -> std::cmp::Ordering {
    a.iter().rev().cmp(b.iter().rev())
}

/// `a - b` for `a >= b`.
fn subtract(a: &[u64; LIMBS], b: &[u64; LIMBS]) -> [u64; LIMBS] {
    let mut out = [0; LIMBS];
    let mut borrow = false;
    for i in 0..LIMBS {
        let (d, b1) = a[i].overflowing_sub(b[i]);
        let (d, b2) = d.overflowing_sub(u64::from(borrow));
        out[i] = d;
        borrow = b1 || b2;
    }
    out
}

/// The quotient and remainder of `a / d`, `d > 0`.
fn divide(a: &[u64; LIMBS], d: u64) -> ([u64; LIMBS], u64) {
    let mut quotient = [0; LIMBS];
    let mut remainder = 0u128;
    for i in (0..LIMBS).rev() {
        let current = remainder << 64 | u128::from(a[i]);
        quotient[i] = (current / u128::from(d)) as u64;
        remainder = current % u128::from(d);
    }
    (quotient, remainder as u64)
}

fn bit(a: &[u64; LIMBS], i: usize) -> bool {
    a[i / 64] >> (i % 64) & 1 == 1
}

/// Whether any bit below `i` is set.
fn any_below(a: &[u64; LIMBS], i: usize) -> bool {
    a[..i / 64].iter().any(|&limb| limb != 0) || a[i / 64] & ((1 << (i % 64)) - 1) != 0
}

/// The bits of the `f64` nearest to `(quotient + remainder / divisor) * 2^-1074`, ties to even.
///
/// Positive `f64` bit patterns grow with the value: a value `m * 2^(s - 1074)` with a 53-bit
/// mantissa `m` (leading bit set) has the pattern `(s << 52) + m`, and below 2^53 units (the
/// subnormals and the first binade, spaced one unit apart) the pattern is the count of units
/// itself. Rounding up is adding one to the pattern, which carries into the exponent as it should.
fn round_to_bits(quotient: &[u64; LIMBS], remainder: u64, divisor: u64) -> u64 {
    let length =
        quotient.iter().rposition(|&limb| limb != 0).map_or(0, |i| i * 64 + 64 - quotient[i].leading_zeros() as usize);
    if length <= 53 {
        let units = quotient[0];
        let twice = 2 * u128::from(remainder);
        let up = twice > u128::from(divisor) || (twice == u128::from(divisor) && units & 1 == 1);
        return units + u64::from(up);
    }
    let shift = length - 53;
    let mantissa = (0..53).fold(0u64, |m, i| m | u64::from(bit(quotient, shift + i)) << i);
    let half = bit(quotient, shift - 1);
    let sticky = remainder != 0 || any_below(quotient, shift - 1);
    let up = half && (sticky || mantissa & 1 == 1);
    ((shift as u64) << 52) + mantissa + u64::from(up)
}

/// Python's `str.isspace`: Rust's `char::is_whitespace` plus the separators U+001C to U+001F.
fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// score.py's `norm_ws`: runs of white space become one space, none at either end.
///
/// ```
/// assert_eq!(unclutter_eval::normalize_ws("  a\n\tb  c "), "a b c");
/// ```
pub fn normalize_ws(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(is_py_space).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// A page's snippet gold: strings the output must contain and strings it must not, each
/// whitespace-normalized (see [`normalize_ws`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snippets {
    with: Vec<String>,
    without: Vec<String>,
}

impl Snippets {
    /// Snippets from their `with` and `without` lists, normalizing their white space.
    pub fn new<S: AsRef<str>>(with: impl IntoIterator<Item = S>, without: impl IntoIterator<Item = S>) -> Snippets {
        let normalize = |list: &mut dyn Iterator<Item = S>| list.map(|s| normalize_ws(s.as_ref())).collect();
        Snippets { with: normalize(&mut with.into_iter()), without: normalize(&mut without.into_iter()) }
    }

    /// The strings the output must contain.
    pub fn with(&self) -> &[String] {
        &self.with
    }

    /// The strings the output must not contain.
    pub fn without(&self) -> &[String] {
        &self.without
    }
}

/// Snippet counts of one page, or summed over pages (with `+` or [`Sum`](std::iter::Sum)).
///
/// ```
/// use unclutter_eval::{SnippetCounts, Snippets};
///
/// let snippets = Snippets::new(["the  bridge", "the vote"], ["Share this"]);
/// let counts = SnippetCounts::of("The council funds\nthe bridge. Share this", &snippets);
/// assert_eq!((counts.tp, counts.fn_, counts.fp, counts.tn), (1, 1, 1, 0));
/// assert_eq!(counts.misses(), 2);
/// assert_eq!(counts.prf().precision, 0.5);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SnippetCounts {
    /// `with` snippets found (true positives).
    pub tp: usize,
    /// `with` snippets missing (false negatives).
    pub fn_: usize,
    /// `without` snippets found (false positives).
    pub fp: usize,
    /// `without` snippets missing (true negatives).
    pub tn: usize,
}

impl SnippetCounts {
    /// Counts the snippets found in the whitespace-normalized `output`.
    pub fn of(output: &str, snippets: &Snippets) -> SnippetCounts {
        let output = normalize_ws(output);
        let tp = snippets.with.iter().filter(|s| output.contains(s.as_str())).count();
        let fp = snippets.without.iter().filter(|s| output.contains(s.as_str())).count();
        SnippetCounts { tp, fn_: snippets.with.len() - tp, fp, tn: snippets.without.len() - fp }
    }

    /// Snippets gotten wrong: `with` missing plus `without` found.
    pub fn misses(&self) -> usize {
        self.fn_ + self.fp
    }

    /// Precision, recall and F1 over the counts, as score.py computes them, each 0 when undefined.
    pub fn prf(&self) -> Prf {
        let ratio = |num: usize, den: usize| if den == 0 { 0.0 } else { num as f64 / den as f64 };
        Prf {
            precision: ratio(self.tp, self.tp + self.fp),
            recall: ratio(self.tp, self.tp + self.fn_),
            f1: if self.tp == 0 { 0.0 } else { ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn_) },
        }
    }
}

impl Add for SnippetCounts {
    type Output = SnippetCounts;

    fn add(self, other: SnippetCounts) -> SnippetCounts {
        SnippetCounts {
            tp: self.tp + other.tp,
            fn_: self.fn_ + other.fn_,
            fp: self.fp + other.fp,
            tn: self.tn + other.tn,
        }
    }
}

impl AddAssign for SnippetCounts {
    fn add_assign(&mut self, other: SnippetCounts) {
        *self = *self + other;
    }
}

impl std::iter::Sum for SnippetCounts {
    fn sum<I: Iterator<Item = SnippetCounts>>(counts: I) -> SnippetCounts {
        counts.fold(SnippetCounts::default(), Add::add)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prf_matches_score_py_on_known_cases() {
        let perfect = Prf { precision: 1.0, recall: 1.0, f1: 1.0 };
        assert_eq!(prf("", ""), perfect);
        assert_eq!(prf("...", "—"), perfect, "no tokens on either side");
        assert_eq!(prf("", "gold words"), Prf::default());
        assert_eq!(prf("output words", ""), Prf { precision: 0.0, recall: 1.0, f1: 0.0 });
        assert_eq!(prf("other words", "gold text"), Prf::default(), "no overlap");
        let scores = prf("the bridge the river", "The bridge, over the river.");
        assert_eq!((scores.precision, scores.recall), (1.0, 0.8));
        assert_eq!(scores.f1, 2.0 * 0.8 / 1.8);
    }

    #[test]
    fn tokens_are_pythons_word_characters_lowercased() {
        // Underscores and digits are word characters; marks and punctuation are not.
        let bag = Bag::of("Snake_case 42 ÉTÉ été l'été — क़िला");
        assert_eq!(bag.len(), 8, "snake_case 42 été été l été क ल");
        assert_eq!(Bag::of("ÉTÉ").overlap(&Bag::of("été")), 1);
        assert_eq!(Bag::of("a a a b").overlap(&Bag::of("a a c")), 2, "a multiset overlap");
        assert!(Bag::of(" ,.; ").is_empty());
    }

    /// Expected values from Python 3.11's `statistics.mean`, which score.py uses.
    #[test]
    fn mean_is_the_exact_mean_rounded_once() {
        assert_eq!(mean([0.1; 10]), Some(0.1));
        assert_eq!(mean([1.0, 2.0, 4.0]), Some(7.0 / 3.0));
        assert_eq!(mean([1e308, 1e308, -1e308]), Some(3.333333333333333e307));
        assert_eq!(mean([1e100, 1.0, -1e100]), Some(1.0 / 3.0));
        assert_eq!(mean([-0.25, -0.5]), Some(-0.375));
        // Half the smallest subnormal ties to even (zero); three quarters rounds up.
        assert_eq!(mean([5e-324, 0.0]), Some(0.0));
        assert_eq!(mean([5e-324, 5e-324, 5e-324, 0.0]), Some(5e-324));
        assert_eq!(mean([f64::MAX, f64::MAX]), Some(f64::MAX));
        assert_eq!(
            mean([0.9987654321, 0.123456789, 0.5555555555555556, std::f64::consts::FRAC_1_SQRT_2]),
            Some(0.5962211394605258)
        );
        assert_eq!(mean([]), None);
        assert!(mean([1.0, f64::NAN]).unwrap().is_nan());
        assert_eq!(mean([1.0, f64::INFINITY]), Some(f64::INFINITY));
        assert!(mean([f64::NEG_INFINITY, f64::INFINITY]).unwrap().is_nan());
    }

    #[test]
    fn mean_of_scores_is_per_measure() {
        let pages = [Prf { precision: 1.0, recall: 0.5, f1: 0.0 }, Prf { precision: 0.5, recall: 0.5, f1: 1.0 }];
        assert_eq!(Prf::mean(pages), Some(Prf { precision: 0.75, recall: 0.5, f1: 0.5 }));
        assert_eq!(Prf::mean([]), None);
    }

    #[test]
    fn white_space_is_pythons() {
        assert_eq!(normalize_ws("\u{a0}a\u{1f}b\u{3000}\r\nc\u{85}"), "a b c");
        assert_eq!(normalize_ws(" \t\n"), "");
    }

    #[test]
    fn snippets_are_found_after_normalizing_both_sides() {
        let snippets = Snippets::new(["  the\nbridge ", "missing"], ["Share\tthis", "Subscribe"]);
        assert_eq!(snippets.with(), ["the bridge", "missing"]);
        let counts = SnippetCounts::of("the   bridge\n\nShare this", &snippets);
        assert_eq!(counts, SnippetCounts { tp: 1, fn_: 1, fp: 1, tn: 1 });
        let total: SnippetCounts = [counts, SnippetCounts { tp: 3, fn_: 0, fp: 0, tn: 2 }].into_iter().sum();
        assert_eq!(total, SnippetCounts { tp: 4, fn_: 1, fp: 1, tn: 3 });
        assert_eq!(total.prf(), Prf { precision: 0.8, recall: 0.8, f1: 0.8 });
        assert_eq!(SnippetCounts::default().prf(), Prf::default(), "undefined ratios are 0");
    }
}
