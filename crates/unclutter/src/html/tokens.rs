//! Class, id and role tokens: the words in an element's attributes that name page furniture
//! (`share`, `related`, `comment`, ...) or an article's body (`article-body`, ...).

/// Class, id and role tokens that name page furniture. A token ending in `*` also names the
/// words it starts (`relatedposts`, `recommended`).
const FURNITURE_TOKENS: &[&str] = &[
    "share",
    "social",
    "related*",
    "byline",
    "newsletter*",
    "promo",
    "cookie",
    "consent",
    "comment",
    "breadcrumb*",
    "sidebar*",
    "advert",
    "sponsor",
    "caption",
    "credit",
    "footer",
    "navbar",
    "menu",
    "nav",
    "subscribe",
    "signup",
    "popular",
    "trending",
    "recommend*",
    "outbrain*",
    "taboola*",
    "widget",
    "banner",
    "toolbar",
    "tags",
    "pagination",
    "author-bio",
    "disqus",
    "paywall",
    "modal",
    "masthead",
];

/// Tokens that name an article's body.
const CONTENT_TOKENS: &[&str] = &[
    "article-body",
    "articlebody",
    "article-content",
    "post-content",
    "entry-content",
    "story-body",
    "post-body",
    "content-body",
    "article-text",
    "story-content",
    "main-content",
];

/// A set of class, id and role tokens, matched fast: each word of a value (split on white
/// space, `_` and `-`) against the plain tokens, and a compound token (`article-body`) where
/// a word starts it.
pub(super) struct Tokens {
    /// Plain tokens by length.
    by_len: Vec<Vec<&'static str>>,
    compound: Vec<&'static str>,
    /// Stems: tokens that also name the longer words they start (listed with a `*`).
    prefixes: Vec<&'static str>,
}

/// Longest plain token; longer words cannot match.
const LONGEST_TOKEN: usize = 16;

impl Tokens {
    fn new(tokens: &[&'static str]) -> Self {
        let mut by_len = vec![Vec::new(); LONGEST_TOKEN + 1];
        let mut compound = Vec::new();
        let mut prefixes = Vec::new();
        for &t in tokens {
            if let Some(stem) = t.strip_suffix('*') {
                prefixes.push(stem);
                by_len[stem.len()].push(stem);
                continue;
            }
            assert!(t.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'), "token {t}");
            if t.contains('-') {
                compound.push(t);
            } else {
                assert!(t.len() <= LONGEST_TOKEN, "token {t}");
                by_len[t.len()].push(t);
            }
        }
        Tokens { by_len, compound, prefixes }
    }

    /// The first token named in an attribute value, ASCII case-insensitive, no allocation.
    pub fn hit(&self, value: &str) -> Option<&'static str> {
        let bytes = value.as_bytes();
        let separator = |b: u8| b.is_ascii_whitespace() || b == b'_' || b == b'-';
        let mut lower = [0u8; LONGEST_TOKEN];
        let mut at = 0;
        while at < bytes.len() {
            if separator(bytes[at]) {
                at += 1;
                continue;
            }
            let start = at;
            while at < bytes.len() && !separator(bytes[at]) {
                at += 1;
            }
            let word = &bytes[start..at];
            if let Some(candidates) = self.by_len.get(word.len()).filter(|c| !c.is_empty()) {
                for (l, b) in lower.iter_mut().zip(word) {
                    *l = b.to_ascii_lowercase();
                }
                if let Some(t) = candidates.iter().find(|t| t.as_bytes() == &lower[..word.len()]) {
                    return Some(t);
                }
            }
            if let Some(stem) = self
                .prefixes
                .iter()
                .find(|stem| word.len() > stem.len() && word[..stem.len()].eq_ignore_ascii_case(stem.as_bytes()))
            {
                return Some(stem);
            }
            let rest = &bytes[start..];
            if let Some(t) = self.compound.iter().find(|t| {
                rest.len() >= t.len()
                    && rest[..t.len()].eq_ignore_ascii_case(t.as_bytes())
                    && rest.get(t.len()).is_none_or(|&b| separator(b))
            }) {
                return Some(t);
            }
        }
        None
    }
}

/// The tokens that name page furniture.
pub(super) static FURNITURE: std::sync::LazyLock<Tokens> = std::sync::LazyLock::new(|| Tokens::new(FURNITURE_TOKENS));
/// The tokens that name an article's body.
pub(super) static CONTENT: std::sync::LazyLock<Tokens> = std::sync::LazyLock::new(|| Tokens::new(CONTENT_TOKENS));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_tokens_match_words_stems_and_compounds() {
        assert_eq!(FURNITURE.hit("jp-relatedposts-post"), Some("related"));
        assert_eq!(FURNITURE.hit("Share_Bar top"), Some("share"));
        assert_eq!(FURNITURE.hit("post author-bio"), Some("author-bio"));
        // A word that merely starts like a token is not it, unless the token is a stem.
        assert_eq!(FURNITURE.hit("commentary-note shared-header"), None);
        assert_eq!(CONTENT.hit("c-article-body--wide"), Some("article-body"));
        assert_eq!(CONTENT.hit("my-article-bodywork"), None);
    }
}
