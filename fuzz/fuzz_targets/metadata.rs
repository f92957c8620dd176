//! Reads metadata from arbitrary bytes, as a page's markup and as cleaned text: no panic, every
//! span a field names lies in the cleaned text on character boundaries, and every date is ISO
//! 8601 (`YYYY-MM-DD`, then a time and zone).
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::{fuzz_target, Corpus};
use unclutter::metadata::{Field, Source};
use unclutter::{Cleaner, Metadata};

static CLEANER: LazyLock<Cleaner> = LazyLock::new(Cleaner::new);

fn check_date(date: &Option<Field>) {
    if let Some(date) = date {
        let v = date.value.as_bytes();
        assert!(v.len() >= 10 && v[4] == b'-' && v[7] == b'-', "not ISO: {:?}", date.value);
        assert!(v[..4].iter().chain(&v[5..7]).chain(&v[8..10]).all(u8::is_ascii_digit), "not ISO: {:?}", date.value);
    }
}

fuzz_target!(|data: &[u8]| -> Corpus {
    if data.len() > 64 * 1024 {
        return Corpus::Reject;
    }
    let input = String::from_utf8_lossy(data);
    check_date(&Metadata::from_html(&input).date);
    let cleaned = CLEANER.clean(&input);
    let meta = cleaned.metadata();
    check_date(&meta.date);
    let text = cleaned.input();
    let fields =
        meta.title.iter().chain(&meta.authors).chain(&meta.date).chain(&meta.photo_credits).chain(&meta.sources);
    for field in fields {
        if let Source::Removal { span, .. } | Source::Line { span } = field.source {
            assert!(span.end <= text.len() && text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        }
    }
    Corpus::Keep
});
