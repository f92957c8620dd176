//! Cleans arbitrary bytes (as text, when they are UTF-8) with an arbitrary rule selection and
//! bias, and checks the provenance invariants: kept text is the input minus the removals; ranges
//! are sorted, disjoint, non-empty and on char boundaries; each removal's rule is selected.
#![no_main]

use std::cell::RefCell;
use std::collections::HashMap;

use arbitrary::Arbitrary;
use libfuzzer_sys::{fuzz_target, Corpus};
use unclutter::{Bias, Category, Cleaner, RuleId};

#[derive(Arbitrary)]
struct Input<'a> {
    /// Which selection: all rules, one category ignored, or one category or rule alone.
    selection: u16,
    bias: u8,
    text: &'a [u8],
}

impl std::fmt::Debug for Input<'_> {
    /// Prints a reproducer: the configuration and the text as a Rust string literal.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (select, ignore) = selection(self.selection);
        write!(
            f,
            "select={select:?} ignore={ignore:?} bias={} text={:?}",
            self.bias % 3,
            String::from_utf8_lossy(self.text)
        )
    }
}

/// The selection numbered `n`: every rule, every rule but one category, one category, one rule.
fn selection(n: u16) -> (Vec<&'static str>, Vec<&'static str>) {
    let categories = Category::ALL.len();
    let rules: Vec<RuleId> = RuleId::all().collect();
    let n = usize::from(n) % (1 + 2 * categories + rules.len());
    match n {
        0 => (vec![], vec![]),
        n if n <= categories => (vec![], vec![Category::ALL[n - 1].as_str()]),
        n if n <= 2 * categories => (vec![Category::ALL[n - 1 - categories].as_str()], vec![]),
        n => (vec![rules[n - 1 - 2 * categories].code()], vec![]),
    }
}

thread_local! {
    /// Building compiles the automaton: one cleaner per configuration, reused, as users do.
    static CLEANERS: RefCell<HashMap<(u16, u8), Cleaner>> = RefCell::new(HashMap::new());
}

fuzz_target!(|input: Input<'_>| -> Corpus {
    if input.text.len() > 64 * 1024 {
        return Corpus::Reject;
    }
    let Ok(text) = std::str::from_utf8(input.text) else { return Corpus::Reject };
    let (select, ignore) = selection(input.selection);
    let bias = [Bias::Precision, Bias::Balanced, Bias::Recall][usize::from(input.bias % 3)];
    let cleaner = CLEANERS.with(|cache| {
        cache
            .borrow_mut()
            .entry((input.selection, input.bias % 3))
            .or_insert_with(|| Cleaner::builder().select(&select).ignore(&ignore).bias(bias).build().expect("valid"))
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
        assert!(cleaner.rules().any(|x| x == r.rule()), "{} ran though not selected", r.rule().code());
        kept.push_str(&text[at..span.start]);
        at = span.end;
    }
    assert!(at <= text.len());
    kept.push_str(&text[at..]);
    assert_eq!(kept, cleaned.text(), "kept text is not the input minus the removals");
    Corpus::Keep
});
