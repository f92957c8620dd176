//! The configuration the rules read: which way to lean on doubtful lines.

/// Which way to lean when a line could be either clutter or article.
///
/// `Precision` favours a clean output and removes more; `Recall` favours keeping every article
/// word and removes less. The bias scales the word limits of prefix and contains phrases and the
/// length of teaser lines.
///
/// ```
/// use unclutter::Bias;
/// assert_eq!("recall".parse::<Bias>().unwrap(), Bias::Recall);
/// assert_eq!(Bias::default(), Bias::Balanced);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Bias {
    /// Remove more: a cleaner output at some risk to short article lines.
    Precision,
    /// The default.
    #[default]
    Balanced,
    /// Remove less: keep anything that might be article.
    Recall,
}

/// Numbers derived from the configuration, read by the stages.
#[derive(Clone, Debug)]
pub(crate) struct Settings {
    pub bias: Bias,
}

impl Settings {
    /// A rule's word limit, scaled by the bias.
    pub fn scale_words(&self, base: usize) -> usize {
        match self.bias {
            Bias::Precision => base + base / 2,
            Bias::Balanced => base,
            Bias::Recall => (base * 2).div_ceil(3),
        }
    }
}
