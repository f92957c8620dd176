//! Cleans arbitrary bytes (as text, when they are UTF-8) with an arbitrary rule selection and
//! bias, and checks the provenance invariants: kept text is the input minus the removals; ranges
//! are sorted, disjoint, non-empty and on char boundaries; each removal's rule is selected.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::{fuzz_target, Corpus};
use std::cell::RefCell;
use std::collections::HashMap;

use unclutter::{Bias, Cleaner, RuleId};

thread_local! {
    static CLEANERS: RefCell<HashMap<(u64, usize), Cleaner>> = RefCell::new(HashMap::new());
}

#[derive(Arbitrary)]
struct Input<'a> {
    /// Bit i on: rule i of the registry is ignored.
    ignore_mask: u64,
    bias: u8,
    text: &'a [u8],
}

impl std::fmt::Debug for Input<'_> {
    /// Prints a reproducer: the configuration and the text as a Rust string literal.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "ignore_mask={:#x} bias={} text={:?}",
            self.ignore_mask,
            self.bias,
            String::from_utf8_lossy(self.text)
        )
    }
}

fuzz_target!(|input: Input<'_>| -> Corpus {
    if input.text.len() > 64 * 1024 {
        return Corpus::Reject;
    }
    let Ok(text) = std::str::from_utf8(input.text) else { return Corpus::Reject };
    let ignore: Vec<&str> = RuleId::all()
        .enumerate()
        .filter(|(i, _)| input.ignore_mask >> (i % 64) & 1 == 1)
        .map(|(_, r)| r.code())
        .collect();
    let bias = [Bias::Precision, Bias::Balanced, Bias::Recall][usize::from(input.bias) % 3];
    // Building compiles the automaton; reuse one cleaner per configuration, as users do.
    let key = (input.ignore_mask, usize::from(input.bias) % 3);
    let cleaner = CLEANERS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.len() >= 64 {
            cache.clear(); // bounded memory: masks are many, each cleaner holds an automaton
        }
        cache
            .entry(key)
            .or_insert_with(|| Cleaner::builder().ignore(&ignore).bias(bias).build().expect("codes always parse"))
            .clone()
    });
    let cleaned = cleaner.clean(text);

    let mut at = 0;
    let mut kept = String::new();
    for r in cleaned.removals() {
        let span = r.span();
        assert!(span.start >= at, "removals unsorted or overlapping at {span:?}");
        assert!(span.start < span.end, "empty removal {span:?}");
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end), "{span:?} splits a char");
        assert!(!ignore.contains(&r.rule().code()), "{} ran though ignored", r.rule().code());
        kept.push_str(&text[at..span.start]);
        at = span.end;
    }
    assert!(at <= text.len());
    kept.push_str(&text[at..]);
    assert_eq!(kept, cleaned.text(), "kept text is not the input minus the removals");
    Corpus::Keep
});
