//! JSON Lines records: each line a JSON object whose named field is cleaned (as text, or as
//! HTML into an output field); every other field is written back unchanged and in its order.
//!
//! A record is read as its fields in order, each value kept as the exact text it had
//! (`serde_json`'s `RawValue`), so numbers, escapes and nested objects come out byte for byte;
//! only the output field (and with `--spans` the `unclutter` field) is written anew, in place
//! when the record has it, else at the end.

use std::collections::BTreeMap;
use std::fmt;
use std::io::{self, BufRead, Write};

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;
use unclutter::{Cleaned, Cleaner, LimitError, Metadata};

use crate::batch;
use crate::progress::Progress;
use crate::stats::{DocStats, Stats};

/// What to clean in each record, and how.
#[derive(Clone, Debug)]
pub struct RecordSpec {
    /// The field read.
    pub field: String,
    /// The field holds HTML (`--html-field`).
    pub html: bool,
    /// The field the cleaned text goes to.
    pub out_field: String,
    /// Add an `unclutter` field: the removals and counts per category.
    pub spans: bool,
    /// Add a `metadata` field (`--metadata`).
    pub metadata: bool,
    /// Clean the parts between these separators each on its own (`--split-on`).
    pub split_on: Option<String>,
}

/// What a bad record does to the run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnError {
    /// Stop with an error naming the file, line and reason.
    Fail,
    /// Leave it out of the output (and write it to the rejects file, if any).
    Skip,
    /// Write it to the output unchanged.
    Keep,
}

/// The fields of a JSON object in order, each value as its exact text.
struct Fields<'a>(Vec<(String, &'a RawValue)>);

impl<'de> Deserialize<'de> for Fields<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Object;
        impl<'de> Visitor<'de> for Object {
            type Value = Fields<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields<'de>, A::Error> {
                let mut fields = Vec::with_capacity(map.size_hint().unwrap_or(4));
                while let Some(entry) = map.next_entry::<String, &'de RawValue>()? {
                    fields.push(entry);
                }
                Ok(Fields(fields))
            }
        }
        deserializer.deserialize_map(Object)
    }
}

/// What kind of JSON value a raw value is, for error messages.
fn kind_of(raw: &RawValue) -> &'static str {
    match raw.get().as_bytes().first() {
        Some(b'{') => "an object",
        Some(b'[') => "an array",
        Some(b'"') => "a string",
        Some(b'n') => "null",
        Some(b't' | b'f') => "a boolean",
        _ => "a number",
    }
}

/// A limit error as the command line words it, naming the flag.
pub fn limit_message(e: &LimitError) -> String {
    match e {
        LimitError::Bytes { .. } => format!("{e} (--max-bytes)"),
        LimitError::Lines { .. } => format!("{e} (--max-lines)"),
    }
}

/// Cleans one text (or HTML page), or each part of it between separators.
pub fn clean_parts<'t>(
    cleaner: &Cleaner,
    text: &'t str,
    html: bool,
    split_on: Option<&str>,
) -> Result<Vec<Cleaned<'t>>, String> {
    let one = |part: &'t str| -> Result<Cleaned<'t>, String> {
        let cleaned = if html { cleaner.try_clean_html(part) } else { cleaner.try_clean(part) };
        cleaned.map_err(|e| limit_message(&e))
    };
    match split_on.filter(|s| !s.is_empty()) {
        Some(separator) => text.split(separator).map(one).collect(),
        None => Ok(vec![one(text)?]),
    }
}

/// The parts of `text` that [`clean_parts`] cleans, in order.
pub fn split_parts<'t>(text: &'t str, split_on: Option<&str>) -> Vec<&'t str> {
    match split_on.filter(|s| !s.is_empty()) {
        Some(separator) => text.split(separator).collect(),
        None => vec![text],
    }
}

/// The metadata of one cleaned part, `raw` its input: from HTML the markup first, then the
/// text.
pub fn metadata(cleaned: &Cleaned<'_>, raw: &str, html: bool) -> Metadata {
    if html {
        Metadata::from_page(raw, cleaned)
    } else {
        cleaned.metadata()
    }
}

/// The kept texts of `parts`, joined by the separator.
pub fn join_parts(parts: &[Cleaned<'_>], separator: Option<&str>) -> String {
    let texts: Vec<String> = parts.iter().map(Cleaned::text).collect();
    texts.join(separator.unwrap_or(""))
}

/// Cleans one record (a line without its terminator) and returns the output line (without its
/// terminator) and what was removed; or the reason it is bad.
pub fn clean_record(cleaner: &Cleaner, spec: &RecordSpec, line: &[u8]) -> Result<(Vec<u8>, DocStats), String> {
    let line = std::str::from_utf8(line).map_err(|e| format!("invalid UTF-8 at byte {}", e.valid_up_to()))?;
    if line.trim().is_empty() {
        return Err("empty line, not a JSON object".into());
    }
    let Fields(fields) = serde_json::from_str(line).map_err(|e| format!("not a JSON object: {e}"))?;
    let field = &spec.field;
    let raw =
        fields.iter().rev().find(|(k, _)| k == field).map(|(_, v)| *v).ok_or_else(|| format!("no field {field:?}"))?;
    let value: String =
        serde_json::from_str(raw.get()).map_err(|_| format!("field {field:?} is {}, not a string", kind_of(raw)))?;
    let split = spec.split_on.as_deref();
    let parts = clean_parts(cleaner, &value, spec.html, split).map_err(|e| format!("field {field:?}: {e}"))?;
    let text = join_parts(&parts, split);
    let mut stats = DocStats { bytes_in: value.len() as u64, bytes_out: text.len() as u64, rules: Vec::new() };
    for part in &parts {
        stats.count_removals(part);
    }

    let mut out = Vec::with_capacity(line.len() + 64);
    out.push(b'{');
    let mut wrote_text = false;
    let mut wrote_spans = false;
    let mut wrote_metadata = false;
    for (i, (key, raw)) in fields.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        serde_json::to_writer(&mut out, key).map_err(|e| e.to_string())?;
        out.push(b':');
        if *key == spec.out_field && !wrote_text {
            serde_json::to_writer(&mut out, &text).map_err(|e| e.to_string())?;
            wrote_text = true;
        } else if spec.spans && key == "unclutter" && !wrote_spans {
            write_spans(&mut out, &parts, split)?;
            wrote_spans = true;
        } else if spec.metadata && key == "metadata" && !wrote_metadata {
            write_metadata(&mut out, &parts, &value, spec)?;
            wrote_metadata = true;
        } else {
            out.extend_from_slice(raw.get().as_bytes());
        }
    }
    if !wrote_text {
        if !fields.is_empty() {
            out.push(b',');
        }
        serde_json::to_writer(&mut out, &spec.out_field).map_err(|e| e.to_string())?;
        out.push(b':');
        serde_json::to_writer(&mut out, &text).map_err(|e| e.to_string())?;
    }
    if spec.spans && !wrote_spans {
        out.extend_from_slice(b",\"unclutter\":");
        write_spans(&mut out, &parts, split)?;
    }
    if spec.metadata && !wrote_metadata {
        out.extend_from_slice(b",\"metadata\":");
        write_metadata(&mut out, &parts, &value, spec)?;
    }
    out.push(b'}');
    Ok((out, stats))
}

/// The `metadata` field of `--metadata`: the metadata object of the cleaned field (see
/// `unclutter::metadata`); split records give an array of them, one per part.
fn write_metadata(out: &mut Vec<u8>, parts: &[Cleaned<'_>], value: &str, spec: &RecordSpec) -> Result<(), String> {
    let raws = split_parts(value, spec.split_on.as_deref());
    let all: Vec<Metadata> = parts.iter().zip(raws).map(|(part, raw)| metadata(part, raw, spec.html)).collect();
    let written = match spec.split_on.as_deref().filter(|s| !s.is_empty()) {
        None => serde_json::to_writer(&mut *out, &all[0]),
        Some(_) => serde_json::to_writer(&mut *out, &all),
    };
    written.map_err(|e| e.to_string())
}

/// The `unclutter` field of `--spans`: the `--json` document object without its `text`
/// (`input_kind`, `removed`, and in HTML mode `source_text` and `content_root`), with
/// `counts`, the removals per category; split records give `separator` and one such object
/// per part in `parts`.
fn write_spans(out: &mut Vec<u8>, parts: &[Cleaned<'_>], split: Option<&str>) -> Result<(), String> {
    let document = |out: &mut Vec<u8>, cleaned: &Cleaned<'_>| -> Result<(), String> {
        let json = serde_json::to_string(cleaned).map_err(|e| e.to_string())?;
        let Fields(fields) = serde_json::from_str(&json).map_err(|e| e.to_string())?;
        out.push(b'{');
        let mut first = true;
        for (key, raw) in fields.iter().filter(|(k, _)| k != "text") {
            if !first {
                out.push(b',');
            }
            first = false;
            serde_json::to_writer(&mut *out, key).map_err(|e| e.to_string())?;
            out.push(b':');
            out.extend_from_slice(raw.get().as_bytes());
        }
        let mut counts: BTreeMap<&str, u64> = BTreeMap::new();
        for removal in cleaned.removals() {
            *counts.entry(removal.rule().category().as_str()).or_default() += 1;
        }
        out.extend_from_slice(b",\"counts\":");
        serde_json::to_writer(&mut *out, &counts).map_err(|e| e.to_string())?;
        out.push(b'}');
        Ok(())
    };
    match split.filter(|s| !s.is_empty()) {
        None => document(out, &parts[0]),
        Some(separator) => {
            out.extend_from_slice(b"{\"separator\":");
            serde_json::to_writer(&mut *out, separator).map_err(|e| e.to_string())?;
            out.extend_from_slice(b",\"parts\":[");
            for (i, part) in parts.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                document(out, part)?;
            }
            out.extend_from_slice(b"]}");
            Ok(())
        }
    }
}

/// One line of input: its number (from 1), its bytes without the terminator, and whether it
/// was cut short at the size limit (the rest of it was skipped).
pub struct RawLine {
    pub number: u64,
    pub bytes: Vec<u8>,
    pub too_long: bool,
}

/// Reads the next line of at most `max` bytes (the rest of a longer line is skipped), or
/// `None` at the end.
pub fn read_line(reader: &mut dyn BufRead, number: u64, max: usize) -> io::Result<Option<RawLine>> {
    let mut bytes = Vec::new();
    let mut too_long = false;
    let mut any = false;
    loop {
        let available = reader.fill_buf()?;
        if available.is_empty() {
            break;
        }
        any = true;
        let (chunk, done) = match memchr::memchr(b'\n', available) {
            Some(at) => (&available[..at], Some(at + 1)),
            None => (available, None),
        };
        if !too_long {
            if bytes.len() + chunk.len() > max {
                too_long = true;
                bytes.clear();
                bytes.shrink_to_fit();
            } else {
                bytes.extend_from_slice(chunk);
            }
        }
        let used = done.unwrap_or(available.len());
        reader.consume(used);
        if done.is_some() {
            break;
        }
    }
    if !any {
        return Ok(None);
    }
    if bytes.last() == Some(&b'\r') {
        bytes.pop();
    }
    Ok(Some(RawLine { number, bytes, too_long }))
}

/// How records are read, cleaned and written.
pub struct Run<'a> {
    pub cleaner: &'a Cleaner,
    pub spec: &'a RecordSpec,
    pub on_error: OnError,
    pub rejects: Option<&'a mut dyn Write>,
    pub pool: &'a rayon::ThreadPool,
    pub max_bytes: usize,
    pub stats: &'a mut Stats,
    pub progress: &'a Progress,
}

impl Run<'_> {
    /// Cleans every record of `input` (named `name` in errors) into `out`.
    pub fn file(&mut self, name: &str, input: &mut dyn BufRead, out: &mut dyn Write) -> io::Result<()> {
        let (cleaner, spec, max_bytes, pool) = (self.cleaner, self.spec, self.max_bytes, self.pool);
        let window = pool.current_num_threads() * batch::PER_THREAD;
        let mut number = 0;
        let next = || -> io::Result<Vec<RawLine>> {
            let (mut lines, mut bytes) = (Vec::with_capacity(window), 0);
            while lines.len() < window && bytes < batch::WINDOW_BYTES {
                let Some(line) = read_line(input, number + 1, max_bytes)? else { break };
                number += 1;
                bytes += line.bytes.len();
                lines.push(line);
            }
            Ok(lines)
        };
        let work = |line: RawLine| {
            let result = if line.too_long {
                Err(format!("record is over the limit of {max_bytes} bytes (--max-bytes)"))
            } else {
                clean_record(cleaner, spec, &line.bytes)
            };
            (line, result)
        };
        let sink = |(line, result): (RawLine, Result<(Vec<u8>, DocStats), String>)| -> io::Result<()> {
            self.progress.advance(line.bytes.len() as u64 + 1);
            match result {
                Ok((record, doc)) => {
                    out.write_all(&record)?;
                    out.write_all(b"\n")?;
                    self.stats.add(&doc);
                    Ok(())
                }
                Err(reason) => self.bad_record(name, &line, &reason, out),
            }
        };
        batch::run_ordered(pool, next, work, sink)
    }

    fn bad_record(&mut self, name: &str, line: &RawLine, reason: &str, out: &mut dyn Write) -> io::Result<()> {
        match self.on_error {
            OnError::Fail => {
                Err(io::Error::new(io::ErrorKind::InvalidData, format!("{name}:{}: {reason}", line.number)))
            }
            OnError::Keep if !line.too_long => {
                self.stats.kept_unchanged += 1;
                out.write_all(&line.bytes)?;
                out.write_all(b"\n")
            }
            OnError::Keep => {
                // A record over the limit was never held, so it cannot be written back.
                self.stats.skipped += 1;
                eprintln!("unclutter: {name}:{}: {reason}; too long to keep, skipped", line.number);
                Ok(())
            }
            OnError::Skip => {
                self.stats.skipped += 1;
                if let Some(rejects) = self.rejects.as_mut() {
                    // A record over the limit was never held: its text is null.
                    let record = (!line.too_long).then(|| String::from_utf8_lossy(&line.bytes));
                    let entry = serde_json::json!({
                        "file": name, "line": line.number, "reason": reason, "record": record,
                    });
                    serde_json::to_writer(&mut *rejects, &entry)?;
                    rejects.write_all(b"\n")?;
                }
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec() -> RecordSpec {
        RecordSpec {
            field: "text".into(),
            html: false,
            out_field: "text".into(),
            spans: false,
            metadata: false,
            split_on: None,
        }
    }

    const BODY: &str = "Skip to main content\nThe council voted 7-2 on Tuesday.\n";

    fn record(fields: &str) -> Vec<u8> {
        fields.replace("BODY", &serde_json::to_string(BODY).unwrap()).into_bytes()
    }

    #[test]
    fn other_fields_keep_their_bytes_and_order() {
        let line = record(r#"{"id":1.50,"meta":{"b":[1,2],"a":"\u00e9"},"text":BODY,"url":"https://x/\/y"}"#);
        let (out, stats) = clean_record(&Cleaner::new(), &spec(), &line).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert_eq!(
            out,
            r#"{"id":1.50,"meta":{"b":[1,2],"a":"\u00e9"},"text":"The council voted 7-2 on Tuesday.\n","url":"https://x/\/y"}"#
        );
        assert_eq!(stats.bytes_in, BODY.len() as u64);
        assert_eq!(stats.rules.len(), 1);
    }

    #[test]
    fn numbers_beyond_f64_pass_through_unchanged() {
        // Found by the clean_records fuzz target: valid JSON that a `serde_json::Value` cannot
        // hold comes back byte for byte.
        let line = record(r#"{"id":11e555,"big":123456789012345678901234567890,"text":BODY}"#);
        let (out, _) = clean_record(&Cleaner::new(), &spec(), &line).unwrap();
        assert!(String::from_utf8(out)
            .unwrap()
            .starts_with(r#"{"id":11e555,"big":123456789012345678901234567890,"text":"#));
    }

    #[test]
    fn an_output_field_is_added_at_the_end_or_replaced_in_place() {
        let spec = RecordSpec { out_field: "clean".into(), ..spec() };
        let (out, _) = clean_record(&Cleaner::new(), &spec, &record(r#"{"text":BODY,"n":2}"#)).unwrap();
        let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(value["text"], BODY);
        assert_eq!(value["clean"], "The council voted 7-2 on Tuesday.\n");
        assert!(String::from_utf8(out).unwrap().ends_with(r#""n":2,"clean":"The council voted 7-2 on Tuesday.\n"}"#));
        let (out, _) = clean_record(&Cleaner::new(), &spec, &record(r#"{"clean":null,"text":BODY}"#)).unwrap();
        assert!(String::from_utf8(out).unwrap().starts_with(r#"{"clean":"The council"#));
    }

    #[test]
    fn spans_carry_the_removals_and_counts() {
        let spec = RecordSpec { spans: true, ..spec() };
        let (out, _) = clean_record(&Cleaner::new(), &spec, &record(r#"{"text":BODY}"#)).unwrap();
        let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
        let spans = &value["unclutter"];
        assert_eq!(spans["removed"][0]["rule"], "NAV001");
        assert_eq!(spans["removed"][0]["start"], 0);
        assert_eq!(spans["removed"][0]["end"], 21);
        assert_eq!(spans["counts"]["navigation"], 1);
        assert!(spans.get("text").is_none());
    }

    #[test]
    fn bad_records_say_why() {
        let cleaner = Cleaner::new();
        let reason = |line: &[u8]| clean_record(&cleaner, &spec(), line).unwrap_err();
        assert!(reason(b"[1,2]").contains("not a JSON object"), "{}", reason(b"[1,2]"));
        assert!(reason(b"{\"text\":").contains("not a JSON object"));
        assert_eq!(reason(b"{\"body\":\"x\"}"), "no field \"text\"");
        assert_eq!(reason(b"{\"text\":3}"), "field \"text\" is a number, not a string");
        assert_eq!(reason(b"{\"text\":null}"), "field \"text\" is null, not a string");
        assert_eq!(reason(b"{\"text\":\"\xff\"}"), "invalid UTF-8 at byte 9");
        assert_eq!(reason(b"  "), "empty line, not a JSON object");
    }

    #[test]
    fn split_records_clean_each_part_and_keep_the_separators() {
        let spec = RecordSpec { split_on: Some("|||||".into()), spans: true, ..spec() };
        let joined = format!("{BODY}|||||Share\nRain is due today.\n");
        let line = format!(r#"{{"text":{}}}"#, serde_json::to_string(&joined).unwrap());
        let (out, _) = clean_record(&Cleaner::new(), &spec, line.as_bytes()).unwrap();
        let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(value["text"], "The council voted 7-2 on Tuesday.\n|||||Rain is due today.\n");
        assert_eq!(value["unclutter"]["parts"].as_array().unwrap().len(), 2);
        assert_eq!(value["unclutter"]["parts"][1]["removed"][0]["end"], 6);
    }

    #[test]
    fn long_lines_are_cut_and_flagged_and_the_next_line_is_whole() {
        let data = format!("{}\n{{\"text\":\"a\"}}\r\nlast", "x".repeat(100));
        let mut reader = io::BufReader::with_capacity(8, data.as_bytes());
        let first = read_line(&mut reader, 1, 50).unwrap().unwrap();
        assert!(first.too_long && first.bytes.is_empty());
        let second = read_line(&mut reader, 2, 50).unwrap().unwrap();
        assert_eq!(second.bytes, b"{\"text\":\"a\"}");
        assert_eq!(read_line(&mut reader, 3, 50).unwrap().unwrap().bytes, b"last");
        assert!(read_line(&mut reader, 4, 50).unwrap().is_none());
    }
}
