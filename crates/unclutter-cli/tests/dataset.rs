//! The dataset tool, through the real binary: JSON Lines records, error policies, compressed
//! inputs and outputs, folders, Parquet, split documents, all cores, statistics.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

mod common;

use common::{stderr, stdout, unclutter};

/// A fresh folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("unclutter-dataset-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

const BODY: &str = "Skip to main content\nThe council voted 7-2 on Tuesday.\n";
const CLEAN: &str = "The council voted 7-2 on Tuesday.\n";

fn jsonl(records: &[&str]) -> String {
    let body = serde_json::to_string(BODY).unwrap();
    records.iter().map(|r| r.replace("BODY", &body) + "\n").collect()
}

#[test]
fn records_keep_their_fields_order_and_bytes() {
    let input = jsonl(&[
        r#"{"id":"a","n":1.50,"text":BODY,"meta":{"lang":"en","tags":["x"]}}"#,
        r#"{"text":"Größe: 3 × 4 — \u00e9t\u00e9 \"quoted\"\n","id":"b"}"#,
        r#"{"text":"","id":"c"}"#,
    ]);
    let out = unclutter(&["--jsonl"], input.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let lines: Vec<&str> = stdout(&out).lines().collect();
    assert_eq!(lines.len(), 3);
    let clean = serde_json::to_string(CLEAN).unwrap();
    assert_eq!(lines[0], format!(r#"{{"id":"a","n":1.50,"text":{clean},"meta":{{"lang":"en","tags":["x"]}}}}"#));
    let second: serde_json::Value = serde_json::from_str(lines[1]).unwrap();
    assert_eq!(second["text"], "Größe: 3 × 4 — été \"quoted\"\n");
    assert!(lines[1].ends_with(r#","id":"b"}"#));
    assert_eq!(lines[2], r#"{"text":"","id":"c"}"#);
}

#[test]
fn html_fields_and_out_fields_and_spans() {
    let page = "<html><body><nav><a href=/>Home</a> <a href=/n>News</a></nav><article><p>The council voted \
                7-2 on Tuesday to fund the new bridge over the river.</p></article></body></html>";
    let record = format!("{{\"url\":\"u\",\"html\":{}}}\n", serde_json::to_string(page).unwrap());
    let out = unclutter(&["--jsonl", "--html-field", "html", "--spans"], record.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let value: serde_json::Value = serde_json::from_str(stdout(&out).trim_end()).unwrap();
    assert_eq!(value["html"], page, "the HTML stays");
    assert_eq!(value["text"], "The council voted 7-2 on Tuesday to fund the new bridge over the river.");
    assert!(value["unclutter"]["source_text"].as_str().unwrap().starts_with("Home"));
    assert!(value["unclutter"]["counts"]["boilerplate"].as_u64().unwrap() >= 1);
    let out = unclutter(&["--jsonl", "--out-field", "clean"], jsonl(&[r#"{"text":BODY}"#]).as_bytes());
    let value: serde_json::Value = serde_json::from_str(stdout(&out).trim_end()).unwrap();
    assert_eq!((value["text"].as_str(), value["clean"].as_str()), (Some(BODY), Some(CLEAN)));
}

#[test]
fn a_bad_record_fails_the_run_naming_file_and_line_and_leaves_no_output() {
    let dir = scratch("fail");
    let input = dir.join("data.jsonl");
    std::fs::write(&input, jsonl(&[r#"{"text":BODY}"#, r#"{"text":BODY}"#, r#"{"text":42}"#, r#"{"text":BODY}"#]))
        .unwrap();
    let output = dir.join("out.jsonl");
    let out = unclutter(&["--jsonl", s(&input), "-o", s(&output)], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("data.jsonl:3: field \"text\" is a number, not a string"), "{}", stderr(&out));
    assert!(!output.exists(), "no half-written output");
    let leftovers: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(leftovers.len(), 1, "{leftovers:?}");
}

#[test]
fn skip_writes_rejects_and_keep_passes_bad_records_through() {
    let dir = scratch("policies");
    let input = jsonl(&[r#"{"text":BODY}"#, "not json", r#"{"body":"x"}"#, r#"{"text":BODY}"#]);
    let rejects = dir.join("rejects.jsonl");
    let stats = dir.join("stats.json");
    let args = ["--jsonl", "--on-error", "skip", "--rejects", s(&rejects), "--stats-json", s(&stats)];
    let out = unclutter(&args, input.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), 2);
    let rejected: Vec<serde_json::Value> =
        std::fs::read_to_string(&rejects).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rejected.len(), 2);
    assert_eq!((rejected[0]["file"].as_str(), rejected[0]["line"].as_u64()), (Some("<stdin>"), Some(2)));
    assert_eq!(rejected[0]["record"], "not json");
    assert!(rejected[0]["reason"].as_str().unwrap().starts_with("not a JSON object"));
    assert_eq!((rejected[1]["line"].as_u64(), rejected[1]["reason"].as_str()), (Some(3), Some("no field \"text\"")));
    let stats: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&stats).unwrap()).unwrap();
    assert_eq!((stats["records"].as_u64(), stats["skipped"].as_u64()), (Some(2), Some(2)));
    assert_eq!(stats["by_rule"]["NAV001"], 2);

    let out = unclutter(&["--jsonl", "--on-error", "keep"], input.as_bytes());
    assert!(out.status.success());
    let lines: Vec<&str> = stdout(&out).lines().collect();
    assert_eq!(lines.len(), 4);
    assert_eq!((lines[1], lines[2]), ("not json", r#"{"body":"x"}"#));
    let refused = unclutter(&["--jsonl", "--rejects", s(&rejects)], input.as_bytes());
    assert_eq!(refused.status.code(), Some(2), "--rejects without skip");
}

#[test]
fn records_over_the_size_limit_are_reported_and_the_next_one_is_read() {
    let big = format!("{{\"text\":\"{}\"}}", "x".repeat(3000));
    let input = format!("{big}\n{}", jsonl(&[r#"{"text":BODY}"#]));
    // Never held in memory, a record over the limit cannot be kept: it is skipped, and said so.
    let out = unclutter(&["--jsonl", "--max-bytes", "1k", "--on-error", "keep"], input.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let lines: Vec<&str> = stdout(&out).lines().collect();
    assert_eq!(lines.len(), 1);
    assert!(lines[0].contains("The council voted"));
    assert!(stderr(&out)
        .contains("<stdin>:1: record is over the limit of 1024 bytes (--max-bytes); too long to keep, skipped"));
    let out = unclutter(&["--jsonl", "--max-bytes", "1k"], input.as_bytes());
    assert!(
        stderr(&out).contains("<stdin>:1: record is over the limit of 1024 bytes (--max-bytes)"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn gzip_and_zstd_in_and_out() {
    let dir = scratch("compressed");
    let input = jsonl(&[r#"{"text":BODY}"#; 3]);
    let gz = dir.join("in.jsonl.gz");
    let mut encoder = flate2::write::GzEncoder::new(std::fs::File::create(&gz).unwrap(), flate2::Compression::fast());
    encoder.write_all(input.as_bytes()).unwrap();
    encoder.finish().unwrap();
    let zst = dir.join("in.jsonl.zst");
    std::fs::write(&zst, zstd::encode_all(input.as_bytes(), 3).unwrap()).unwrap();
    let expected = unclutter(&["--jsonl"], input.as_bytes());
    for (source, target) in [(&gz, dir.join("out.jsonl.zst")), (&zst, dir.join("out.jsonl.gz"))] {
        let out = unclutter(&["--jsonl", s(source), "-o", s(&target)], b"");
        assert!(out.status.success(), "{}", stderr(&out));
        let bytes = std::fs::read(&target).unwrap();
        let text = if target.extension().unwrap() == "zst" {
            zstd::decode_all(&bytes[..]).unwrap()
        } else {
            let mut text = Vec::new();
            flate2::read::MultiGzDecoder::new(&bytes[..]).read_to_end(&mut text).unwrap();
            text
        };
        assert_eq!(text, expected.stdout);
    }
}

#[test]
fn many_files_and_folders_mirror_their_names() {
    let dir = scratch("folders");
    let input = dir.join("in");
    std::fs::create_dir_all(input.join("sub")).unwrap();
    std::fs::write(input.join("a.txt"), BODY).unwrap();
    std::fs::write(
        input.join("sub/b.html"),
        "<html><body><nav><a href=/>Home</a></nav><p>The council voted 7-2 on Tuesday to fund the bridge.</p></body></html>",
    )
    .unwrap();
    let output = dir.join("out");
    let out = unclutter(&["--input-dir", s(&input), "--output-dir", s(&output), "--stats"], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(output.join("a.txt")).unwrap(), CLEAN);
    assert_eq!(
        std::fs::read_to_string(output.join("sub/b.txt")).unwrap(),
        "The council voted 7-2 on Tuesday to fund the bridge."
    );
    assert!(stderr(&out).contains("2 records cleaned"), "{}", stderr(&out));

    let listed = dir.join("listed");
    let a = input.join("a.txt");
    let out = unclutter(&["-o", s(&listed), s(&a), s(&input.join("sub/b.html"))], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(listed.join("a.txt")).unwrap(), CLEAN);
    assert!(listed.join("b.txt").exists());
    let no_folder = unclutter(&[s(&a), s(&a)], b"");
    assert_eq!(no_folder.status.code(), Some(2));
    assert!(stderr(&no_folder).contains("-o DIR"), "{}", stderr(&no_folder));
}

#[test]
fn split_documents_are_cleaned_part_by_part() {
    let joined = format!("{BODY}|||||Share\nRain is due on Friday.\n");
    let out = unclutter(&["--split-on", "|||||"], joined.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), format!("{CLEAN}|||||Rain is due on Friday.\n"));
    let stream = format!("{BODY}\0Share\nRain is due on Friday.\n\0");
    let out = unclutter(&["--split-on-nul", "--jobs", "2"], stream.as_bytes());
    assert_eq!(stdout(&out), format!("{CLEAN}\0Rain is due on Friday.\n\0"));
}

#[test]
fn one_thread_and_two_give_the_same_bytes() {
    let records: Vec<String> = (0..300)
        .map(|i| {
            let text = format!("Skip to main content\nStory {i}\nThe council voted {i} times on Tuesday.\nShare\n");
            format!("{{\"i\":{i},\"text\":{}}}", serde_json::to_string(&text).unwrap())
        })
        .collect();
    let input = records.join("\n") + "\n";
    let one = unclutter(&["--jsonl", "--jobs", "1", "--spans"], input.as_bytes());
    let two = unclutter(&["--jsonl", "--jobs", "2", "--spans"], input.as_bytes());
    assert!(one.status.success() && two.status.success());
    assert_eq!(one.stdout, two.stdout);
    assert_eq!(stdout(&one).lines().count(), 300);
    assert!(stdout(&one).lines().last().unwrap().starts_with("{\"i\":299,"));
}

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    let records = jsonl(&[r#"{"text":BODY}"#]).repeat(20_000);
    let mut child = common::spawn(&["--jsonl"]);
    let mut input = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(records.as_bytes());
    });
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // stdout is dropped here: the reader has gone.
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
}

#[test]
fn parquet_round_trip_keeps_columns_and_rows() {
    use arrow_array::{Array, Int64Array, RecordBatch, StringArray};
    use arrow_schema::{DataType, Field, Schema};
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
    use parquet::arrow::ArrowWriter;

    let dir = scratch("parquet");
    let schema =
        Arc::new(Schema::new(vec![Field::new("id", DataType::Int64, false), Field::new("text", DataType::Utf8, true)]));
    let ids = Int64Array::from_iter_values(0..2500);
    let texts =
        StringArray::from_iter((0..2500).map(|i| (i % 10 != 3).then(|| format!("Share\nStory number {i} is here.\n"))));
    let batch = RecordBatch::try_new(schema.clone(), vec![Arc::new(ids), Arc::new(texts)]).unwrap();
    let input = dir.join("in.parquet");
    let mut writer = ArrowWriter::try_new(std::fs::File::create(&input).unwrap(), schema, None).unwrap();
    writer.write(&batch).unwrap();
    writer.close().unwrap();

    let output = dir.join("out.parquet");
    let out = unclutter(&["--parquet", s(&input), "-o", s(&output), "--out-field", "clean"], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let reader = ParquetRecordBatchReaderBuilder::try_new(std::fs::File::open(&output).unwrap()).unwrap();
    let names: Vec<String> = reader.schema().fields().iter().map(|f| f.name().clone()).collect();
    assert_eq!(names, ["id", "text", "clean"]);
    let batches: Vec<RecordBatch> = reader.build().unwrap().map(Result::unwrap).collect();
    assert_eq!(batches.iter().map(RecordBatch::num_rows).sum::<usize>(), 2500);
    let mut row = 0;
    for batch in &batches {
        let clean = batch.column(2).as_any().downcast_ref::<StringArray>().unwrap();
        let ids = batch.column(0).as_any().downcast_ref::<Int64Array>().unwrap();
        for i in 0..batch.num_rows() {
            assert_eq!(ids.value(i), row);
            if row % 10 == 3 {
                assert!(clean.is_null(i), "a null stays null");
            } else {
                assert_eq!(clean.value(i), format!("Story number {row} is here.\n"));
            }
            row += 1;
        }
    }
}

#[test]
fn new_user_corners() {
    // HTML without --html is detected, fragments too.
    let out = unclutter(&[], b"<div><p>The council voted 7-2 on Tuesday to fund the bridge.</p></div>");
    assert_eq!(stdout(&out), "The council voted 7-2 on Tuesday to fund the bridge.");
    // --json and --format markdown cannot go together.
    assert_eq!(unclutter(&["--json", "--format", "markdown"], b"x").status.code(), Some(2));
    // --list-rules honours --json and --select.
    let rules: serde_json::Value = serde_json::from_slice(&unclutter(&["--list-rules", "--json"], b"").stdout).unwrap();
    assert!(rules.as_array().unwrap().iter().any(|r| r["code"] == "BPL006" && r["scored"] == true));
    let nav = unclutter(&["--list-rules", "--select", "navigation"], b"");
    assert!(stdout(&nav).lines().all(|l| l.contains("navigation")), "{}", stdout(&nav));
    assert!(stdout(&nav).lines().count() >= 2);
    // Sizes take suffixes, and the limit message names its flag.
    let big = unclutter(&["--max-bytes", "1k"], "x".repeat(2000).as_bytes());
    assert_eq!(big.status.code(), Some(2));
    assert!(stderr(&big).contains("(--max-bytes)"), "{}", stderr(&big));
    let lines = unclutter(&["--max-lines", "3"], b"a\nb\nc\nd\ne\n");
    assert!(stderr(&lines).contains("(--max-lines)"), "{}", stderr(&lines));
}

#[test]
fn a_folder_of_parquet_shards_gives_a_folder_of_shards() {
    use arrow_array::{Array, LargeStringArray, RecordBatch};
    use arrow_schema::{DataType, Field, Schema};
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
    use parquet::arrow::ArrowWriter;

    // Hugging Face's datasets write large_string columns.
    let dir = scratch("shards");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let schema = Arc::new(Schema::new(vec![Field::new("text", DataType::LargeUtf8, false)]));
    for shard in 0..2 {
        let texts = LargeStringArray::from_iter_values((0..10).map(|i| format!("Share\nShard {shard}, story {i}.\n")));
        let batch = RecordBatch::try_new(schema.clone(), vec![Arc::new(texts)]).unwrap();
        let path = input.join(format!("train-0000{shard}-of-00002.parquet"));
        let mut writer = ArrowWriter::try_new(std::fs::File::create(path).unwrap(), schema.clone(), None).unwrap();
        writer.write(&batch).unwrap();
        writer.close().unwrap();
    }
    let output = dir.join("out");
    let out = unclutter(&["--parquet", "--input-dir", s(&input), "--output-dir", s(&output)], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    for shard in 0..2 {
        let path = output.join(format!("train-0000{shard}-of-00002.parquet"));
        let reader = ParquetRecordBatchReaderBuilder::try_new(std::fs::File::open(path).unwrap()).unwrap();
        let batch = reader.build().unwrap().next().unwrap().unwrap();
        let texts = batch.column(0).as_any().downcast_ref::<LargeStringArray>().unwrap();
        assert_eq!(texts.len(), 10);
        assert_eq!(texts.value(7), format!("Shard {shard}, story 7.\n"));
    }
}

#[test]
fn hostile_records_are_reported_never_fatal_to_the_process() {
    // A 100 MB line, arrays nested 100,000 deep, invalid UTF-8 inside a string, a NUL byte, and
    // no final newline: each gives one output line or one reported error.
    let mut input = Vec::new();
    input.extend(std::iter::repeat_n(b'x', 100 << 20));
    input.push(b'\n');
    input.extend_from_slice(b"{\"text\":");
    input.extend(std::iter::repeat_n(b'[', 100_000));
    input.extend(std::iter::repeat_n(b']', 100_000));
    input.extend_from_slice(b"}\n{\"text\":\"caf\xe9\"}\n{\"text\":\"a\x00b\"}\n{\"text\":\"Share\\nLast one.\"}");
    let dir = scratch("hostile");
    let rejects = dir.join("rejects.jsonl");
    let args = ["--jsonl", "--max-bytes", "1M", "--on-error", "skip", "--rejects", s(&rejects), "--stats"];
    let out = unclutter(&args, &input);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "{\"text\":\"Last one.\"}\n");
    let reasons: Vec<serde_json::Value> =
        std::fs::read_to_string(&rejects).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let lines: Vec<u64> = reasons.iter().map(|r| r["line"].as_u64().unwrap()).collect();
    assert_eq!(lines, [1, 2, 3, 4]);
    assert!(reasons[0]["record"].is_null(), "a record over the limit is not held");
    assert_eq!(reasons[1]["reason"], "field \"text\" is an array, not a string");
    assert!(reasons[2]["reason"].as_str().unwrap().starts_with("invalid UTF-8"));
    assert!(reasons[3]["reason"].as_str().unwrap().contains("control character"), "{}", reasons[3]["reason"]);
    assert!(stderr(&out).contains("4 skipped"), "{}", stderr(&out));
}

#[test]
fn metadata_goes_into_json_documents_and_records() {
    let text = "Council backs the new bridge\nBy Jane Doe and John Roe\nPublished 10 January 2017 7:48pm\n\n\
                The council voted seven to two on Tuesday to fund the new bridge across the river.\n";
    let out = unclutter(&["--json", "--metadata"], text.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_str(stdout(&out)).unwrap();
    assert_eq!(doc["metadata"]["author"][1]["value"], "John Roe");
    assert_eq!(doc["metadata"]["date"]["value"], "2017-01-10T19:48");
    assert_eq!(doc["metadata"]["date"]["rule"], "TIM002");
    let (start, end) =
        (doc["metadata"]["date"]["start"].as_u64().unwrap(), doc["metadata"]["date"]["end"].as_u64().unwrap());
    assert_eq!(&text[start as usize..end as usize], "Published 10 January 2017 7:48pm\n");
    assert_eq!(doc["text"].as_str().unwrap().lines().next(), Some("Council backs the new bridge"));

    let page = r#"<html><head><meta property="article:published_time" content="2017-01-11T08:00:00Z"></head><body><p>By Jane Doe</p><p>The council voted seven to two on Tuesday to fund the bridge.</p></body></html>"#;
    let records =
        jsonl(&[&serde_json::json!({"id": 1, "html": page}).to_string(), r#"{"id":2,"html":"<p>plain</p>"}"#]);
    let out = unclutter(&["--jsonl", "--html-field", "html", "--metadata"], records.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let lines: Vec<serde_json::Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines[0]["metadata"]["date"]["source"], "meta", "the markup before the text");
    assert_eq!(lines[0]["metadata"]["author"][0]["value"], "Jane Doe", "the text where the markup is silent");
    assert!(lines[1]["metadata"].get("author").is_none());

    let out = unclutter(&["--metadata"], text.as_bytes());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--metadata needs --json or --jsonl"), "{}", stderr(&out));
}
