//! Language evidence for the structural rules: which language a document is in, and how many of
//! a line's words are stop words of it.
//!
//! The language comes from `whatlang` on a sample of the document's longer lines; stop-word
//! lists come from the `stop-words` crate (ISO lists), loaded once for every language.

use std::collections::HashMap;
use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use crate::words::is_cjk;

/// ISO 639-1 codes of the languages with stop-word lists, by whatlang's ISO 639-3 codes.
const CODES: &[(&str, &str)] = &[
    ("eng", "en"),
    ("deu", "de"),
    ("fra", "fr"),
    ("spa", "es"),
    ("ita", "it"),
    ("por", "pt"),
    ("nld", "nl"),
    ("pol", "pl"),
    ("rus", "ru"),
    ("ukr", "uk"),
    ("swe", "sv"),
    ("dan", "da"),
    ("nob", "no"),
    ("fin", "fi"),
    ("ces", "cs"),
    ("slk", "sk"),
    ("slv", "sl"),
    ("hrv", "hr"),
    ("hun", "hu"),
    ("ron", "ro"),
    ("bul", "bg"),
    ("ell", "el"),
    ("tur", "tr"),
    ("cat", "ca"),
    ("ind", "id"),
    ("vie", "vi"),
    ("kor", "ko"),
    ("ara", "ar"),
    ("heb", "he"),
    ("hin", "hi"),
    ("pes", "fa"),
    ("est", "et"),
    ("lav", "lv"),
    ("lit", "lt"),
];

static STOP_WORDS: LazyLock<HashMap<&'static str, StopSet>> = LazyLock::new(|| {
    CODES
        .iter()
        .filter_map(|&(_, iso1)| {
            let words: FxHashSet<&'static str> = stop_words::lookup(iso1)?.iter().copied().collect();
            let longest = words.iter().map(|w| w.chars().count()).max().unwrap_or(0);
            Some((iso1, StopSet { words, longest }))
        })
        .collect()
});

/// One language's stop words: lower case, looked up by a fast non-cryptographic hash (the keys
/// are a fixed list, not input), with the length of the longest in characters, so that longer
/// words are never lower-cased and looked up.
#[derive(Debug)]
struct StopSet {
    words: FxHashSet<&'static str>,
    longest: usize,
}

impl StopSet {
    fn contains(&self, word: &str) -> bool {
        self.words.contains(word)
    }
}

/// Loads the stop-word lists now rather than on the first document.
pub fn load() {
    LazyLock::force(&STOP_WORDS);
}

/// What the structural rules know of a document's language.
#[derive(Debug, Clone, Copy)]
pub struct Language {
    /// ISO 639-1 code, when detected.
    pub code: Option<&'static str>,
    stop: Option<&'static StopSet>,
    english: Option<&'static StopSet>,
}

/// Most bytes of a sample that detection reads: a few kilobytes decide a language, and a sample
/// whose one line is megabytes long must not cost megabytes of trigrams.
pub const MAX_SAMPLE_BYTES: usize = 4096;

/// Appends `line` and a line break to a language sample, no more of it than keeps the sample
/// within [`MAX_SAMPLE_BYTES`] (cut at a character boundary), so that building a sample from a
/// megabyte-long line copies only kilobytes.
///
/// ```
/// let mut sample = String::new();
/// unclutter_text::language::push_sample(&mut sample, &"é".repeat(10_000));
/// assert!(sample.len() <= unclutter_text::language::MAX_SAMPLE_BYTES + 1);
/// assert!(sample.ends_with("é\n"));
/// ```
pub fn push_sample(sample: &mut String, line: &str) {
    let mut end = line.len().min(MAX_SAMPLE_BYTES.saturating_sub(sample.len()));
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    sample.push_str(&line[..end]);
    sample.push('\n');
}

impl Language {
    /// Detects the language of `sample` (a few kilobytes of the document's longer lines); only
    /// its first [`MAX_SAMPLE_BYTES`] bytes are read (up to a character boundary).
    ///
    /// ```
    /// use unclutter_text::language::{Language, MAX_SAMPLE_BYTES};
    /// let english = "The council voted on Tuesday to fund the new bridge across the river. ".repeat(80);
    /// let tail = "Der Gemeinderat hat am Dienstag beschlossen, die neue Brücke zu bauen. ".repeat(10_000);
    /// assert!(english.len() > MAX_SAMPLE_BYTES);
    /// assert_eq!(Language::detect(&(english.clone() + &tail)).code, Some("en"));
    /// ```
    pub fn detect(sample: &str) -> Language {
        let mut end = sample.len().min(MAX_SAMPLE_BYTES);
        while !sample.is_char_boundary(end) {
            end -= 1;
        }
        let info = whatlang::detect(&sample[..end]);
        let code3 = info.map(|i| i.lang().code());
        let cjk = matches!(code3, Some("cmn" | "jpn"));
        let code = code3.and_then(|c| CODES.iter().find(|(k, _)| *k == c).map(|(_, v)| *v)).or(if cjk {
            code3.map(|c| if c == "cmn" { "zh" } else { "ja" })
        } else {
            None
        });
        Language { code, stop: code.and_then(|c| STOP_WORDS.get(c)), english: STOP_WORDS.get("en") }
    }

    /// Counts `text`'s words and its stop words (of the document's language, or of English, the
    /// usual language of page furniture on other-language sites). `buf` is reused scratch.
    pub fn stop_stats(&self, text: &str, buf: &mut String) -> Stats {
        let mut stats = Stats::default();
        let longest = self.stop.map_or(0, |s| s.longest).max(self.english.map_or(0, |s| s.longest));
        let is_stop =
            |word: &str| self.stop.is_some_and(|s| s.contains(word)) || self.english.is_some_and(|s| s.contains(word));
        for token in text.split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty()) {
            if token.chars().next().is_some_and(is_cjk) {
                stats.cjk += token.chars().filter(|&c| is_cjk(c)).count();
                continue;
            }
            stats.words += 1;
            if token.is_ascii() {
                // Most words: one byte a character, lower-cased in place of a copy of the same
                // length; a word longer than every stop word is none.
                if token.len() > longest {
                    continue;
                }
                if token.bytes().any(|b| b.is_ascii_uppercase()) {
                    buf.clear();
                    buf.extend(token.chars().map(|c| c.to_ascii_lowercase()));
                    stats.stop += usize::from(is_stop(buf));
                } else {
                    stats.stop += usize::from(is_stop(token));
                }
                continue;
            }
            // Lower-casing never makes fewer characters than it was given, and a character is
            // at most four bytes.
            if token.len() > 4 * longest {
                continue;
            }
            buf.clear();
            buf.extend(token.chars().flat_map(char::to_lowercase));
            if buf.chars().count() <= longest {
                stats.stop += usize::from(is_stop(buf));
            }
        }
        stats
    }
}

/// Word counts of one line.
#[derive(Debug, Clone, Copy, Default)]
pub struct Stats {
    /// Words outside CJK scripts.
    pub words: usize,
    /// Of those, stop words.
    pub stop: usize,
    /// CJK characters.
    pub cjk: usize,
}

impl Stats {
    /// Share of stop words among the words (0 when there are none).
    pub fn stop_ratio(&self) -> f64 {
        if self.words == 0 {
            0.0
        } else {
            self.stop as f64 / self.words as f64
        }
    }

    /// Length in words, CJK characters counting one word per two.
    pub fn length(&self) -> usize {
        self.words + self.cjk / 2
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_and_counts() {
        let en = Language::detect(
            "The council voted on Tuesday to fund the bridge, and the mayor said it would open in May.",
        );
        assert_eq!(en.code, Some("en"));
        let mut buf = String::new();
        let s = en.stop_stats("The council voted on Tuesday to fund the bridge.", &mut buf);
        assert_eq!(s.words, 9);
        assert!(s.stop_ratio() > 0.3, "{s:?}");
        let menu = en.stop_stats("Politics Business Technology Sport", &mut buf);
        assert_eq!(menu.stop, 0);
        let de =
            Language::detect("Der Gemeinderat hat am Dienstag beschlossen, die neue Brücke über den Fluss zu bauen.");
        assert_eq!(de.code, Some("de"));
        let zh = Language::detect("今天上午，市政府宣布将在明年春天开放新的跨河大桥，市民对此表示欢迎。");
        assert_eq!(zh.code, Some("zh"));
        assert_eq!(zh.stop_stats("今天上午，市政府宣布", &mut buf).cjk, 9);
    }

    #[test]
    fn stop_words_match_in_any_case_and_script() {
        let de =
            Language::detect("Der Gemeinderat hat am Dienstag beschlossen, die neue Brücke über den Fluss zu bauen.");
        let mut buf = String::new();
        // "THE" and "Über" lower-case to stop words (of English, of German); "Überall" is none.
        let s = de.stop_stats("THE Über Überall", &mut buf);
        assert_eq!((s.words, s.stop), (3, 2), "{s:?}");
        // A word longer than every stop word is counted and never looked up.
        let s = de.stop_stats("Donaudampfschifffahrtsgesellschaftskapitän und", &mut buf);
        assert_eq!((s.words, s.stop), (2, 1), "{s:?}");
        let ru = Language::detect("Городской совет во вторник решил построить новый мост через реку.");
        assert_eq!(ru.stop_stats("ЧТО Мост", &mut buf).stop, 1);
    }
}
