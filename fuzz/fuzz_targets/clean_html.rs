//! Cleans arbitrary bytes as HTML: no panic, and the spans are valid against the projection
//! (`source_text`): sorted, disjoint, non-empty, on char boundaries, and kept text is the
//! projection minus the removals.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::{fuzz_target, Corpus};
use unclutter::Cleaner;

static CLEANER: LazyLock<Cleaner> = LazyLock::new(Cleaner::new);

fuzz_target!(|data: &[u8]| -> Corpus {
    if data.len() > 64 * 1024 {
        return Corpus::Reject;
    }
    // HTML arrives as bytes; the library takes text, as the CLI does after checking UTF-8.
    let html = String::from_utf8_lossy(data);
    let cleaned = CLEANER.clean_html(&html);
    let source = cleaned.input();
    let mut at = 0;
    let mut kept = String::new();
    for r in cleaned.removals() {
        let span = r.span();
        assert!(span.start >= at && span.start < span.end, "bad span {span:?}");
        assert!(source.is_char_boundary(span.start) && source.is_char_boundary(span.end), "{span:?} splits a char");
        assert!(cleaned.path(span).is_some(), "a removal without a path");
        kept.push_str(&source[at..span.start]);
        at = span.end;
    }
    kept.push_str(&source[at..]);
    assert_eq!(kept, cleaned.text());
    Corpus::Keep
});
