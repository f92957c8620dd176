//! Parses arbitrary selector and bias strings and builds cleaners from them: errors, never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unclutter::{Bias, Cleaner, RuleSelector};

fuzz_target!(|input: (Vec<String>, Vec<String>, String)| {
    let (select, ignore, bias) = input;
    for s in select.iter().chain(&ignore) {
        if let Ok(sel) = s.parse::<RuleSelector>() {
            // A parsed selector prints as something that parses back to the same rules.
            let again: RuleSelector = sel.to_string().parse().expect("a printed selector parses");
            assert!(unclutter::RuleId::all().all(|r| sel.matches(r) == again.matches(r)), "{s:?}");
        }
    }
    let bias = bias.parse::<Bias>().unwrap_or_default();
    if let Ok(cleaner) = Cleaner::builder().select(&select).ignore(&ignore).bias(bias).build() {
        let _ = cleaner.clean("Share\nThe council met on Monday.\n");
    }
});
