//! Words and characters: white space, decoration, CJK scripts, word counts, sentence shape.

/// White space for trimming: Unicode white space plus BOM and zero-width characters.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}')
}

/// Characters that decorate a widget label without changing it: "» Related:", "• Share |".
pub fn is_decoration(c: char) -> bool {
    is_space(c)
        || matches!(
            c,
            ':' | '|'
                | '»'
                | '«'
                | '›'
                | '‹'
                | '>'
                | '<'
                | '•'
                | '·'
                | '▸'
                | '▶'
                | '►'
                | '→'
                | '-'
                | '–'
                | '—'
                | '*'
                | '#'
                | '/'
                | '\\'
                | '.'
                | '…'
                | '!'
                | '_'
                | '~'
                | '='
                | '+'
        )
}

/// Words in one white-space separated token: 1, or for text without spaces (Chinese, Japanese)
/// one word per two CJK characters, so that length limits mean the same in every script.
fn token_words(token: &str) -> usize {
    if token.len() < 6 || token.is_ascii() {
        return 1;
    }
    let cjk = token.chars().filter(|&c| is_cjk(c)).count();
    (cjk / 2).max(1)
}

/// Han, kana and hangul: scripts written without spaces between words.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xAC00..=0xD7AF | 0x20000..=0x2FA1F)
}

/// Number of words in `text` (CJK characters count one word per two).
pub fn word_count(text: &str) -> usize {
    text.split_whitespace().map(token_words).sum()
}

/// True when `text` has at most `max` words; stops counting past `max`.
pub fn words_at_most(text: &str, max: usize) -> bool {
    words_up_to(text, max) <= max
}

/// The words of `text`, counted up to `cap + 1`: a text of more than `cap` words counts
/// `cap + 1`, and the count stops there.
///
/// ```
/// use unclutter_text::words::words_up_to;
/// assert_eq!(words_up_to("The council met on Monday.", 10), 5);
/// assert_eq!(words_up_to("The council met on Monday.", 3), 4);
/// ```
pub fn words_up_to(text: &str, cap: usize) -> usize {
    let mut n = 0;
    for token in text.split_whitespace() {
        n += token_words(token);
        if n > cap {
            return cap + 1;
        }
    }
    n
}

/// True when the word starts with a capital letter or a digit, as words of a title do.
///
/// ```
/// assert!(unclutter_text::words::capitalised("Bridge"));
/// assert!(!unclutter_text::words::capitalised("bridge"));
/// ```
pub fn capitalised(word: &str) -> bool {
    word.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
}

/// True when the line ends like a sentence: `.`, `!` or `?`, maybe inside closing quotes, and
/// not an ellipsis.
///
/// ```
/// assert!(unclutter_text::words::ends_like_sentence("He left."));
/// assert!(!unclutter_text::words::ends_like_sentence("You Might Like"));
/// ```
pub fn ends_like_sentence(text: &str) -> bool {
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
    fn counts_words() {
        assert_eq!(word_count(" two  words "), 2);
        assert!(words_at_most("a b c", 3));
        assert!(!words_at_most("a b c d", 3));
        // Text without spaces counts one word per two CJK characters.
        assert_eq!(word_count("分享到微博"), 2);
        assert!(!words_at_most("今天上午，市政府宣布将在明年春天开放新的跨河大桥。", 6));
        assert_eq!(word_count("Zoë Müller-Lenz"), 2);
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
