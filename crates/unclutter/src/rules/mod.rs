//! Rule families, one file each. A family file declares its rules (metadata, documentation and
//! engines); phrase lists live in `lexicons/<lang>.txt`, and `registry.rs` keeps the order.

pub(crate) mod ads;
pub(crate) mod boilerplate;
pub(crate) mod byline;
pub(crate) mod layout;
pub(crate) mod legal;
pub(crate) mod media;
pub(crate) mod navigation;
pub(crate) mod promo;
pub(crate) mod related;
pub(crate) mod share;
pub(crate) mod source;
pub(crate) mod timestamp;

/// Compiles every pattern of the line and context rules now, so that building a cleaner, not its
/// first call, pays for them.
pub(crate) fn compile_patterns() {
    use std::sync::LazyLock;
    for pattern in [
        &byline::BIO,
        &boilerplate::COMMENT_COUNT,
        &boilerplate::COMMENT_HEADER,
        &boilerplate::COMMENT_META,
        &share::FOLLOW_ON,
        &legal::COPYRIGHT_LINE,
        &legal::COPYRIGHT_YEAR,
        &legal::RIGHTS_RESERVED,
        &media::FILENAME,
        &media::COUNTER,
        &media::CREDIT_LABEL,
        &media::PHOTO_BY,
        &media::AGENCY_SLASH,
        &media::CJK_CAPTION,
        &media::TRAILING_CREDIT,
        &media::SLIDE,
        &promo::NOTIFY,
        &promo::INBOX,
        &promo::SHOP,
        &source::SOURCE,
        &timestamp::READING,
        &timestamp::STAMP,
        &timestamp::LEADING,
    ] {
        LazyLock::force(pattern);
    }
}

/// True when the word starts with a capital letter or a digit, as words of a title do.
pub(crate) fn capitalised(word: &str) -> bool {
    word.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
}

/// True when the line ends like a sentence: `.`, `!` or `?`, maybe inside closing quotes, and
/// not an ellipsis.
pub(crate) fn ends_like_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(['"', '\'', '”', '’', ')', '»', '」', '』', '）']);
    if t.ends_with("...") || t.ends_with('…') {
        return false;
    }
    t.ends_with(['.', '!', '?', '。', '！', '？'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_compiles() {
        compile_patterns();
    }

    #[test]
    fn sentence_endings() {
        assert!(ends_like_sentence("He left."));
        assert!(ends_like_sentence("“Go home!”"));
        assert!(!ends_like_sentence("trade show...."));
        assert!(!ends_like_sentence("and a…"));
        assert!(!ends_like_sentence("You Might Like"));
        assert!(ends_like_sentence("市政府宣布将在明年开放新桥。"));
        assert!(ends_like_sentence("「よかった！」"));
    }
}
