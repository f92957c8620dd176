//! The word sets of the bundled lexicons: the words of each language that rules build their
//! word lists and patterns from (month names, tag labels, comment headings...).
//!
//! A lexicon file (`lexicons/<lang>.txt`, format of [`unclutter_text::lexicon`]) gives words to
//! a set in a `[words:NAME]` section, one plain word or phrase a line. A word may carry a number
//! before it, `3 march`: the set's words leave the number out, and [`WordSet::number`] gives it
//! (the month of a month name). A rule reads a set's words
//! over every bundled language with [`WordSet::words`], or as a regex group with
//! [`WordSet::pattern`], once, in its `LazyLock` statics. [`SETS`] lists the known sets, each
//! documented with what it is and which rules read it; a section naming another set is an error.
//!
//! This module sits below the rules and knows nothing of them: the lexicon module, above the
//! registry, checks the phrase sections and that each set's readers are rules.

use std::collections::HashMap;
use std::sync::LazyLock;

use unclutter_text::lexicon::{self, Section};

/// The bundled lexicons: language code and file, in the order their words are gathered.
pub(crate) static SOURCES: &[(&str, &str)] = &[
    ("en", include_str!("../lexicons/en.txt")),
    ("de", include_str!("../lexicons/de.txt")),
    ("fr", include_str!("../lexicons/fr.txt")),
    ("es", include_str!("../lexicons/es.txt")),
    ("it", include_str!("../lexicons/it.txt")),
    ("pt", include_str!("../lexicons/pt.txt")),
    ("nl", include_str!("../lexicons/nl.txt")),
    ("pl", include_str!("../lexicons/pl.txt")),
    ("ru", include_str!("../lexicons/ru.txt")),
    ("zh", include_str!("../lexicons/zh.txt")),
    ("ja", include_str!("../lexicons/ja.txt")),
];

/// What a space between the words of a phrase matches when the set is a pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Space {
    /// One space: "last updated" matches "last updated" only.
    One,
    /// Any run of white space: "reading time" also matches "reading  time", or a no-break space.
    Any,
}

/// A named set of words, given by the lexicons and read by rules.
#[derive(Clone, Copy, Debug)]
pub(crate) struct WordSet {
    /// The name in `[words:NAME]` headings: kebab case.
    pub name: &'static str,
    /// What a space inside a phrase matches in [`WordSet::pattern`].
    pub space: Space,
    /// The codes of the rules whose decisions read the set (checked by the lexicon module's tests).
    #[allow(dead_code)]
    pub read_by: &'static [&'static str],
    /// What the set is, from its `///` comment.
    #[allow(dead_code)]
    pub doc: &'static str,
}

impl WordSet {
    /// The set's words over every bundled language: languages in [`SOURCES`] order, each file's
    /// words in file order, a word listed again (by another language) left out.
    pub(crate) fn words(&self) -> &'static [&'static str] {
        GATHERED.words.get(self.name).map_or(&[], Vec::as_slice)
    }

    /// The number a lexicon gives `word` in this set (`3 march`: the month), ignoring case.
    pub(crate) fn number(&self, word: &str) -> Option<u32> {
        GATHERED.numbers.get(&(self.name, word.to_lowercase())).copied()
    }

    /// The set's words as a regex group `(?:a|b|...)`, in [`WordSet::words`] order, each word
    /// escaped and each space inside a phrase matching as the set's [`Space`] says. Case and the
    /// other flags are the surrounding pattern's.
    pub(crate) fn pattern(&self) -> String {
        let words = self.words();
        // Every set has words (`tests::every_set_has_words`): an empty group would match anywhere.
        assert!(!words.is_empty(), "word set {} has no words", self.name);
        let space = match self.space {
            Space::One => " ",
            Space::Any => r"\s+",
        };
        let alternatives: Vec<String> =
            words.iter().map(|w| w.split(' ').map(regex::escape).collect::<Vec<_>>().join(space)).collect();
        format!("(?:{})", alternatives.join("|"))
    }
}

/// Declares the word sets: a `const` for each, and [`SETS`] listing them all.
macro_rules! word_sets {
    ($($(#[doc = $doc:literal])+ $konst:ident: $name:literal, $space:ident, read by [$($code:literal),+ $(,)?];)+) => {
        $(
            $(#[doc = $doc])+
            pub(crate) const $konst: WordSet = WordSet {
                name: $name,
                space: Space::$space,
                read_by: &[$($code),+],
                doc: concat!($($doc, "\n"),+),
            };
        )+

        /// Every known word set: a `[words:NAME]` section must name one of them.
        pub(crate) static SETS: &[WordSet] = &[$($konst),+];
    };
}

word_sets! {
    // Navigation.

    /// Names of a site's home page that may open a breadcrumb trail: "Home" in "Home / Sport /
    /// Football". Case is ignored (ASCII).
    BREADCRUMB_HOMES: "breadcrumb-homes", One, read by ["NAV003"];
    /// Labels that may stand before a breadcrumb trail, followed by a colon: "You are here" in
    /// "You are here: Home › World". Case is ignored (ASCII).
    BREADCRUMB_LABELS: "breadcrumb-labels", One, read by ["NAV003"];

    // Media.

    /// Nouns of a gallery counter with a noun: "Image" in "Image 1 of 12". Case is ignored.
    COUNTER_NOUNS: "counter-nouns", One, read by ["MED002"];
    /// Words between the numbers of a counter with a noun: "of" in "Image 1 of 12", "von" in
    /// "Bild 1 von 12" ("/" always is one). Case is ignored.
    COUNTER_LINKS: "counter-links", One, read by ["MED002"];
    /// Words between the numbers of a counter without a noun: "of" in "3 of 12". Case is ignored.
    COUNTER_BARE_LINKS: "counter-bare-links", One, read by ["MED002"];
    /// What a credit label may name before the label, an "s" allowed after it: "Photo" in
    /// "Photo credit: Jane Doe", "Header image" in "Header image credit: ...". Case is ignored.
    CREDIT_NOUNS: "credit-nouns", One, read by ["MED003"];
    /// Credit labels, followed by a colon: "Credit" in "Credit: Alibaba", "Bildnachweis".
    /// Case is ignored.
    CREDIT_LABELS: "credit-labels", One, read by ["MED003"];
    /// Nouns of a credit line followed by a colon or a word of `photo-by-links`: "Photo" in
    /// "Photo: Jane Doe/Reuters" and "Photo by Jane Doe". Case is ignored.
    PHOTO_NOUNS: "photo-nouns", One, read by ["MED003"];
    /// Words after a noun of `photo-nouns` that name who took the picture: "by" in "Photo by
    /// Jane Doe", "von" in "Foto von Jane Doe". Case counts: write them as they appear.
    PHOTO_BY_LINKS: "photo-by-links", One, read by ["MED003"];
    /// Credits in brackets that end a caption, alone or before a colon and a name: "(Symbolbild)",
    /// "(Foto: Privat)". Case is ignored.
    PAREN_CREDITS: "paren-credits", One, read by ["MED003"];
    /// Credit labels after a caption's last sentence, an "s" allowed after them, then a colon:
    /// "Photograph" in "... the game. Photograph: Getty Images". Case is ignored.
    CAPTION_CREDIT_LABELS: "caption-credit-labels", One, read by ["MED003"];

    // Timestamps.

    /// Labels that open a reading time: "Reading time" in "Reading time: 4 minutes", "Lesezeit"
    /// in "Lesezeit: 3 Min.". Case is ignored.
    READING_LABELS: "reading-labels", Any, read by ["TIM001"];
    /// Words for "about" between a reading-time label and its number, followed by white space:
    /// "about" in "Reading time: about 4 minutes". Case is ignored.
    READING_ABOUT: "reading-about", One, read by ["TIM001"];
    /// Units of a reading time, after its number, a "." allowed after them: "min" in "2 min read"
    /// and "Lesezeit: 3 Min.". Case is ignored.
    READING_UNITS: "reading-units", One, read by ["TIM001"];
    /// More units of a reading time, taken only after a label of `reading-labels`: "минут" in
    /// "Время чтения: 5 минут" (not in "5 минут чтения"). Case is ignored.
    READING_UNITS_AFTER_LABEL: "reading-units-after-label", One, read by ["TIM001"];
    /// What follows the number and unit of a reading time: "read" in "2 min read", "Lesezeit" in
    /// "4 Minuten Lesezeit". Case is ignored.
    READING_AFTER: "reading-after", Any, read by ["TIM001"];
    /// Labels of a publication stamp: "Published" in "Published 10 January 2017 7:48pm",
    /// "Veröffentlicht", "mis à jour". Case is ignored.
    STAMP_LABELS: "stamp-labels", One, read by ["TIM002"];
    /// Words after a stamp label: "on" in "Published on", "am" in "Veröffentlicht am". Case is
    /// ignored.
    STAMP_LABEL_LINKS: "stamp-label-links", One, read by ["TIM002"];
    /// Labels of the update a stamp may give after its date: "Updated" in "Published 10 Jan 2017
    /// | Updated 11 Jan 2017". Case is ignored.
    STAMP_UPDATE_LABELS: "stamp-update-labels", One, read by ["TIM002"];
    /// Month names and their abbreviations, a "." allowed after them: "January", "Jan", "Mai",
    /// "déc". Case is ignored. Each is written with its month's number, `1 january`, which the
    /// metadata's date reader takes.
    MONTHS: "months", One, read by ["TIM002"];
    /// Weekday names or their short forms, which an ending of `weekday-endings` may follow: "mon"
    /// and "mon" + "day" in "Mon, 9 Jan 2017" and "Monday, 9 January 2017". Case is ignored.
    WEEKDAY_STEMS: "weekday-stems", One, read by ["TIM002"];
    /// Endings that may follow any stem of `weekday-stems`: "nesday" of "wednesday". Case is
    /// ignored.
    WEEKDAY_ENDINGS: "weekday-endings", One, read by ["TIM002"];
    /// Suffixes of a day's number before or after the month: "st" in "1st January" and
    /// "January 1st" ("." after a day before the month always is one). Case is ignored.
    DAY_SUFFIXES: "day-suffixes", One, read by ["TIM002"];
    /// Suffixes of a day's number taken only before the month: "er" in "1er janvier". Case is
    /// ignored.
    DAY_SUFFIXES_BEFORE_MONTH: "day-suffixes-before-month", One, read by ["TIM002"];
    /// Words between a day and its month, and between a month and its year, followed by white
    /// space: "de" in "22 de mayo de 2025". Case is ignored.
    DATE_LINKS: "date-links", One, read by ["TIM002"];
    /// Words between a date and its time: "at" in "January 9, 2017 at 3:04 pm" and in a comment's
    /// "Jane · September 29, 2018 at 12:16 am". Case is ignored.
    TIME_LINKS: "time-links", One, read by ["TIM002", "BPL003"];
    /// Units of an age: "hours" in "Posted 3 hours ago" and a comment's "2 days ago". Case is
    /// ignored.
    AGE_UNITS: "age-units", One, read by ["TIM002", "BPL003"];
    /// More units of an age, taken only in a comment's metadata: "years" in "2 years ago". Case
    /// is ignored.
    AGE_UNITS_COMMENTS: "age-units-comments", One, read by ["BPL003"];
    /// Words after a number and a unit of `age-units` that make an age: "ago" in "3 hours ago".
    /// Case is ignored.
    AGO: "ago", One, read by ["TIM002", "BPL003"];

    // Related content.

    /// Labels of a line of tags, which a colon and a list follow: "Tags" in "Tags: Bilt, Cent",
    /// "Themen". Case is ignored (ASCII).
    TAG_LABELS: "tag-labels", One, read by ["REL001"];
    /// Words that open a line of tags followed by a space, without a colon: "Filed under" in
    /// "Filed under china , illnesses". Case is ignored (ASCII).
    TAG_LEAD_INS: "tag-lead-ins", One, read by ["REL001"];
    /// How a heading that may open a teaser block starts, followed by a space and title-case
    /// words: "More" in "More Washington Examiner", "Mehr aus" in "Mehr aus Thüringen". Case is
    /// ignored (ASCII).
    TEASER_HEADS: "teaser-heads", One, read by ["REL002"];
    /// Words a title-case teaser heading leaves in lower case: "on" in "Trending Now on
    /// Example.com". Case counts.
    TEASER_SMALL_WORDS: "teaser-small-words", One, read by ["REL002"];
    /// Openers of a marker naming a site or section in title case, followed by a space: "More
    /// from" in "More from Example News". Case counts: list each casing sites use.
    MORE_FROM: "more-from", One, read by ["REL002"];

    // Bylines.

    /// Words that open an author line, followed by a space and a capitalised name: "By" in "By
    /// Jane Doe". Case is ignored (ASCII).
    BYLINE_LEADS: "byline-leads", One, read by ["BYL001", "BYL002", "BYL003", "BYL004"];
    /// Job titles that make a line a byline and end the name before them: "Reporter" in "Alfred
    /// Ng Senior Reporter / CNET News". Case counts: write them capitalised.
    BYLINE_JOBS: "byline-jobs", One, read by ["BYL001", "BYL002", "BYL003", "BYL004"];
    /// Words that qualify a job title and so end a name: "Senior" in "Alfred Ng Senior
    /// Reporter". Case counts: write them capitalised.
    BYLINE_TITLE_WORDS: "byline-title-words", One, read by ["BYL002", "BYL003", "BYL004"];
    /// Lower-case words allowed inside a title-case author line: "and" in "By Jane Doe and John
    /// Roe", name particles such as "van" and "de". Case counts.
    BYLINE_SMALL_WORDS: "byline-small-words", One, read by ["BYL001"];
    /// Words that join the names of an author line: "and" in "By Jane Doe and John Roe", "und",
    /// "et". Case counts.
    BYLINE_CONJUNCTIONS: "byline-conjunctions", One, read by ["BYL002", "BYL004"];
    /// Words after a job title that name where the author works: "at" in "Reporter at Example
    /// News". Case counts.
    BYLINE_JOB_LINKS: "byline-job-links", One, read by ["BYL001"];

    // Source lines.

    /// Labels of a source footer, followed by a colon: "Source" in "Source: AAP", "Quelle".
    /// Case is ignored.
    SOURCE_LABELS: "source-labels", One, read by ["SRC001", "MED003"];

    // Comment sections.

    /// Headings of a comment section, alone or after a count: "Comments" in "12 Comments",
    /// "Kommentare" in "Kommentare (3)". Case is ignored.
    COMMENT_HEADS: "comment-heads", One, read by ["BPL003"];
    /// Words before a comment count, followed by a space: "There are" in "There are 12
    /// comments". Case is ignored.
    COMMENT_COUNT_LEADS: "comment-count-leads", One, read by ["BPL003"];
    /// Nouns of a comment count that names the article: "responses" in "12 responses to \"Why
    /// the bridge closed\"". Case is ignored.
    COMMENT_REPLY_NOUNS: "comment-reply-nouns", One, read by ["BPL003"];
    /// Words after a noun of `comment-reply-nouns` before the article's title: "to" in "12
    /// responses to \"Why the bridge closed\"". Case is ignored.
    COMMENT_REPLY_LINKS: "comment-reply-links", One, read by ["BPL003"];
    /// Verbs that end a comment's header before its colon: "says" in "Jane Doe says:", "sagt".
    /// Case counts.
    COMMENT_SAYS: "comment-says", One, read by ["BPL003"];
    /// Words between the commenter and the date in a dated comment header: "on" in "Jane on
    /// September 29, 2018 at 12:16 am said:". Case counts.
    COMMENT_DATED_LINKS: "comment-dated-links", One, read by ["BPL003"];
    /// Verbs that end a dated comment header before its colon: "said" in "Jane on September 29,
    /// 2018 at 12:16 am said:". Case counts.
    COMMENT_DATED_VERBS: "comment-dated-verbs", One, read by ["BPL003"];
    /// Labels of a comment's rating, followed by a colon, a number and a unit of
    /// `comment-rating-units`: "Rating" in "Rating: 36 Votes". Case is ignored.
    COMMENT_RATING_LABELS: "comment-rating-labels", One, read by ["BPL003"];
    /// Units of a comment's rating: "Votes" in "Rating: 36 Votes". Case is ignored.
    COMMENT_RATING_UNITS: "comment-rating-units", One, read by ["BPL003"];
    /// Units of a comment's counts: "likes" in "12 likes". Case is ignored.
    COMMENT_COUNT_UNITS: "comment-count-units", One, read by ["BPL003"];
    /// A comment's controls, alone on a line: "Reply", "Report abuse". Case is ignored.
    COMMENT_CONTROLS: "comment-controls", One, read by ["BPL003"];
    /// The first control of a comment bar of two: "Like" in "Like · Reply". Case is ignored.
    COMMENT_BAR_LIKES: "comment-bar-likes", One, read by ["BPL003"];
    /// The second control of a comment bar of two: "Reply" in "Like · Reply". Case is ignored.
    COMMENT_BAR_REPLIES: "comment-bar-replies", One, read by ["BPL003"];
}

/// The words of every set, gathered over the bundled lexicons.
/// The words of every set, and the numbers of the numbered words (by set and word in lower
/// case), gathered in one pass over the lexicons.
struct Gathered {
    words: HashMap<&'static str, Vec<&'static str>>,
    numbers: HashMap<(&'static str, String), u32>,
}

static GATHERED: LazyLock<Gathered> = LazyLock::new(|| {
    let mut gathered = Gathered { words: HashMap::new(), numbers: HashMap::new() };
    for &(lang, text) in SOURCES {
        // The lexicons are compiled in and checked by `tests::bundled_word_sets_parse`.
        for word in parse(lang, text).unwrap_or_else(|e| panic!("bundled lexicon {lang}: {e}")) {
            let words = gathered.words.entry(word.set).or_default();
            let (number, plain) = numbered(word.word);
            if !words.contains(&plain) {
                words.push(plain);
            }
            if let Some(n) = number {
                gathered.numbers.entry((word.set, plain.to_lowercase())).or_insert(n);
            }
        }
    }
    gathered
});

/// A word's number and the word without it: `3 march` is `(Some(3), "march")`.
fn numbered(word: &str) -> (Option<u32>, &str) {
    match word.split_once(' ') {
        Some((n, rest)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => (n.parse().ok(), rest),
        _ => (None, word),
    }
}

/// The known set named `name`.
pub(crate) fn set(name: &str) -> Option<&'static WordSet> {
    SETS.iter().find(|s| s.name == name)
}

/// The words of one lexicon file: every `[words:NAME]` section must name a known set. Its
/// `[CODE]` sections are the lexicon module's to check.
pub(crate) fn parse(lang: &'static str, text: &'static str) -> Result<Vec<lexicon::Word<'static>>, String> {
    let known = |section: Section<'_>| match section {
        Section::Words(name) if set(name).is_none() => Err(format!("unknown word set {name}")),
        _ => Ok(()),
    };
    Ok(lexicon::parse(lang, text, known)?.words)
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn bundled_word_sets_parse() {
        for &(lang, text) in SOURCES {
            parse(lang, text).unwrap();
        }
    }

    #[test]
    fn unknown_word_sets_are_errors_naming_the_line() {
        let error = parse("xx", "[words:months]\nMai\n\n[words:mnths]\nJuni\n").unwrap_err();
        assert_eq!(error, "line 4: unknown word set mnths");
    }

    #[test]
    fn sets_have_unique_kebab_names_and_docs() {
        let mut seen = HashSet::new();
        for s in SETS {
            assert!(seen.insert(s.name), "{} is declared twice", s.name);
            let kebab = s.name.split('-').all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_lowercase()));
            assert!(kebab, "{} is not kebab case", s.name);
            assert!(s.doc.trim().len() > 20, "{} has no documentation", s.name);
            assert!(!s.read_by.is_empty(), "{} names no reader", s.name);
        }
    }

    #[test]
    fn every_set_has_words() {
        for s in SETS {
            assert!(!s.words().is_empty(), "{} has no words", s.name);
            regex::Regex::new(&s.pattern()).unwrap_or_else(|e| panic!("{}: {e}", s.name));
        }
    }

    #[test]
    fn no_word_is_listed_twice_in_a_set_of_a_language() {
        for &(lang, text) in SOURCES {
            let mut seen = HashSet::new();
            for w in parse(lang, text).unwrap() {
                assert!(seen.insert((w.set, w.word)), "{lang} lists {:?} twice in {}", w.word, w.set);
            }
        }
    }

    #[test]
    fn words_gather_languages_in_order_without_repeats() {
        let months = MONTHS.words();
        let at = |w: &str| months.iter().position(|m| *m == w).unwrap_or_else(|| panic!("no {w}"));
        // English first, then German: "jan" stays where English put it.
        assert!(at("january") < at("januar") && at("jan") < at("januar"));
        assert_eq!(months.iter().filter(|m| **m == "jan").count(), 1);
    }

    #[test]
    fn patterns_escape_words_and_space_as_the_set_says() {
        let stamp = regex::Regex::new(&format!("(?i)^{}$", STAMP_LABELS.pattern())).unwrap();
        assert!(stamp.is_match("Mis à jour") && stamp.is_match("last updated"));
        assert!(!stamp.is_match("last  updated"));
        let reading = regex::Regex::new(&format!("(?i)^{}$", READING_LABELS.pattern())).unwrap();
        assert!(reading.is_match("Reading\u{a0}time") && reading.is_match("temps  de lecture"));
        let about = regex::Regex::new(&format!("^{}$", READING_ABOUT.pattern())).unwrap();
        assert!(about.is_match("approx.") && !about.is_match("approxx"));
    }
}
