//! Arbitrary bytes as a JSON Lines stream through the record path of `unclutter --jsonl`: every
//! input line gives exactly one output line (a JSON object, on one line, holding the cleaned
//! field as a string) or one reported error, never a panic; and the lines read are exactly the
//! input's lines.
#![no_main]

use std::collections::HashMap;
use std::io::BufReader;
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use serde_json::value::RawValue;
use unclutter::Cleaner;
use unclutter_cli::records::{clean_record, read_line, RecordSpec};

static CLEANER: LazyLock<Cleaner> = LazyLock::new(Cleaner::new);

/// The largest line kept whole; longer ones are reported, as `--max-bytes` does.
const MAX_LINE: usize = 4096;

fuzz_target!(|data: &[u8]| {
    let spec = RecordSpec {
        field: "text".into(),
        html: false,
        out_field: "text".into(),
        spans: true,
        metadata: true,
        split_on: None,
    };
    // Small reads, so that lines cross buffer boundaries.
    let mut reader = BufReader::with_capacity(7, data);
    let mut number = 0;
    while let Some(line) = read_line(&mut reader, number + 1, MAX_LINE).unwrap() {
        number += 1;
        if line.too_long {
            continue;
        }
        assert!(!line.bytes.contains(&b'\n'));
        match clean_record(&CLEANER, &spec, &line.bytes) {
            Ok((out, _)) => {
                assert!(!out.contains(&b'\n'), "an output record is one line");
                // Raw values: the other fields come back byte for byte, numbers beyond f64
                // (`11e555`) included, which `serde_json::Value` cannot hold.
                let fields: HashMap<String, Box<RawValue>> = serde_json::from_slice(&out).expect("the output is JSON");
                let text: Result<String, _> = serde_json::from_str(fields["text"].get());
                assert!(text.is_ok(), "the cleaned field is a string");
                let spans: HashMap<String, Box<RawValue>> =
                    serde_json::from_str(fields["unclutter"].get()).expect("an unclutter object");
                assert!(spans["removed"].get().starts_with('['));
            }
            Err(reason) => assert!(!reason.is_empty()),
        }
    }
    // One line per newline, and one more for an unterminated tail.
    let expected =
        data.iter().filter(|&&b| b == b'\n').count() + usize::from(!data.is_empty() && !data.ends_with(b"\n"));
    assert_eq!(number as usize, expected);
});
