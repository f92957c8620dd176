//! The configuration the rules read: which way to lean on doubtful lines, and what kind of text
//! the input is.

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
    /// The input kind the user forced; `None`: decided per document from its evidence.
    pub input_kind: Option<InputKind>,
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

/// What kind of text the input is. It decides how boldly the structural rules cut: a
/// whole-page dump has a page's header and footer around the article, an already-extracted
/// article does not, so its first and last lines are never cut as page zones unless the
/// evidence is overwhelming.
///
/// ```
/// use unclutter::InputKind;
/// assert_eq!("article".parse::<InputKind>().unwrap(), InputKind::Article);
/// assert_eq!(InputKind::Page.as_str(), "page");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum InputKind {
    /// The whole visible text of a page: menus, header, article, footer.
    Page,
    /// Text an extractor already took from a page: the article, maybe with a little clutter.
    Article,
}

impl InputKind {
    /// The kind's lower-case name, as `--input-kind` and `--json` spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            InputKind::Page => "page",
            InputKind::Article => "article",
        }
    }
}

impl std::fmt::Display for InputKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A name that is not `page` or `article`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputKindError(pub String);

impl std::fmt::Display for InputKindError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown input kind '{}': expected page or article", self.0)
    }
}

impl std::error::Error for InputKindError {}

impl std::str::FromStr for InputKind {
    type Err = InputKindError;

    fn from_str(s: &str) -> Result<InputKind, InputKindError> {
        match s.to_ascii_lowercase().as_str() {
            "page" => Ok(InputKind::Page),
            "article" => Ok(InputKind::Article),
            _ => Err(InputKindError(s.to_string())),
        }
    }
}
