//! Parquet in, Parquet out (the `parquet` and `arrow` crates): the --field column (or the
//! --html-field column) is cleaned, every other column kept, the cleaned text written in place
//! or as a new --out-field column. Row groups are read in batches and written as they come, so
//! memory holds one batch, not the file. A folder of shards (--input-dir) gives a folder of
//! shards (--output-dir) with the same names.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::{Array, ArrayRef, BooleanArray, LargeStringArray, RecordBatch, StringArray, StringViewArray};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::arrow::ArrowWriter;
use parquet::file::properties::WriterProperties;
use rayon::prelude::*;
use unclutter::Cleaner;

use crate::{invalid, record_spec, Args, OnErrorArg};
use unclutter_cli::io;
use unclutter_cli::progress::Progress;
use unclutter_cli::records::{self, RecordSpec};
use unclutter_cli::stats::{DocStats, Stats};

/// Rows read and cleaned at a time.
const BATCH_ROWS: usize = 1024;

/// `--parquet`: one file into `-o`, or `--input-dir` into `--output-dir`.
pub fn run(args: &Args, cleaner: &Cleaner, pool: &rayon::ThreadPool, stats: &mut Stats) -> std::io::Result<()> {
    let spec = record_spec(args);
    let jobs: Vec<(PathBuf, PathBuf)> = match (&args.input_dir, &args.output_dir) {
        (Some(dir), Some(out)) => {
            let mut shards: Vec<PathBuf> = std::fs::read_dir(dir)
                .map_err(|e| invalid(format!("{}: {e}", dir.display())))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "parquet"))
                .collect();
            shards.sort();
            shards.into_iter().map(|p| (out.join(p.file_name().expect("a file")), p)).map(|(o, i)| (i, o)).collect()
        }
        _ => {
            let [input] = args.files.as_slice() else {
                return Err(invalid("--parquet takes one input file (or --input-dir DIR --output-dir DIR)".into()));
            };
            let output =
                args.output.clone().ok_or_else(|| invalid("--parquet needs an output file: -o OUT.parquet".into()))?;
            vec![(input.clone(), output)]
        }
    };
    let total = jobs.iter().filter_map(|(i, _)| std::fs::metadata(i).ok()).map(|m| m.len()).sum();
    let progress = Progress::new(Some(total), !args.no_progress);
    for (input, output) in jobs {
        let size = std::fs::metadata(&input).map(|m| m.len()).unwrap_or(0);
        file(args, cleaner, &spec, pool, &input, &output, stats)
            .map_err(|e| invalid(format!("{}: {e}", input.display())))?;
        progress.advance(size);
    }
    progress.finish();
    Ok(())
}

/// The values of a string column, whatever its string type.
fn strings(column: &dyn Array) -> Option<Vec<Option<&str>>> {
    match column.data_type() {
        DataType::Utf8 => Some(column.as_string::<i32>().iter().collect()),
        DataType::LargeUtf8 => Some(column.as_string::<i64>().iter().collect()),
        DataType::Utf8View => Some(column.as_string_view().iter().collect()),
        _ => None,
    }
}

/// A column of `data_type` (a string type) holding `values`.
fn string_column(data_type: &DataType, values: Vec<Option<String>>) -> ArrayRef {
    match data_type {
        DataType::LargeUtf8 => Arc::new(LargeStringArray::from(values)),
        DataType::Utf8View => Arc::new(StringViewArray::from_iter(values)),
        _ => Arc::new(StringArray::from(values)),
    }
}

fn file(
    args: &Args,
    cleaner: &Cleaner,
    spec: &RecordSpec,
    pool: &rayon::ThreadPool,
    input: &Path,
    output: &Path,
    stats: &mut Stats,
) -> Result<(), String> {
    let reader = File::open(input).map_err(|e| e.to_string())?;
    let builder = ParquetRecordBatchReaderBuilder::try_new(reader).map_err(|e| e.to_string())?;
    let schema = builder.schema().clone();
    let source = schema.index_of(&spec.field).map_err(|_| format!("no column {:?}", spec.field))?;
    let source_type = schema.field(source).data_type().clone();
    if !matches!(source_type, DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View) {
        return Err(format!("column {:?} is {source_type}, not a string column", spec.field));
    }
    // The cleaned column: in place, or a new (or replaced) nullable column of the same type.
    let (out_schema, target): (SchemaRef, usize) = match schema.index_of(&spec.out_field) {
        Ok(i) if schema.field(i).data_type() == &source_type => (schema.clone(), i),
        Ok(i) => {
            let mut fields: Vec<Field> = schema.fields().iter().map(|f| f.as_ref().clone()).collect();
            fields[i] = Field::new(&spec.out_field, source_type.clone(), true);
            (Arc::new(Schema::new_with_metadata(fields, schema.metadata().clone())), i)
        }
        Err(_) => {
            let mut fields: Vec<Field> = schema.fields().iter().map(|f| f.as_ref().clone()).collect();
            fields.push(Field::new(&spec.out_field, source_type.clone(), true));
            let n = fields.len() - 1;
            (Arc::new(Schema::new_with_metadata(fields, schema.metadata().clone())), n)
        }
    };
    // The input's compression, kept.
    let metadata = builder.metadata().clone();
    let compression = (metadata.num_row_groups() > 0 && metadata.row_group(0).num_columns() > 0)
        .then(|| metadata.row_group(0).column(0).compression());
    let mut props = WriterProperties::builder();
    if let Some(compression) = compression {
        props = props.set_compression(compression);
    }
    let batches = builder.with_batch_size(BATCH_ROWS).build().map_err(|e| e.to_string())?;
    let mut out = io::Output::create(Some(output)).map_err(|e| e.to_string())?;
    let mut writer =
        ArrowWriter::try_new(&mut out, out_schema.clone(), Some(props.build())).map_err(|e| e.to_string())?;
    let mut row = 0u64;
    for batch in batches {
        let batch = batch.map_err(|e| e.to_string())?;
        let values = strings(batch.column(source).as_ref()).expect("checked a string column");
        let cleaned: Vec<Option<Result<(String, DocStats), String>>> = pool.install(|| {
            values
                .par_iter()
                .map(|value| {
                    value.map(|text| {
                        let split = spec.split_on.as_deref();
                        let parts = records::clean_parts(cleaner, text, spec.html, split)?;
                        let kept = records::join_parts(&parts, split);
                        let mut doc =
                            DocStats { bytes_in: text.len() as u64, bytes_out: kept.len() as u64, rules: Vec::new() };
                        for part in &parts {
                            doc.count_removals(part);
                        }
                        Ok((kept, doc))
                    })
                })
                .collect()
        });
        let mut keep_rows = Vec::with_capacity(values.len());
        let mut column = Vec::with_capacity(values.len());
        for (i, result) in cleaned.into_iter().enumerate() {
            let (value, keep) = match result {
                None => (None, true),
                Some(Ok((kept, doc))) => {
                    stats.add(&doc);
                    (Some(kept), true)
                }
                Some(Err(reason)) => match args.on_error {
                    OnErrorArg::Fail => return Err(format!("row {}: {reason}", row + i as u64)),
                    OnErrorArg::Keep => {
                        stats.kept_unchanged += 1;
                        (values[i].map(str::to_string), true)
                    }
                    OnErrorArg::Skip => {
                        stats.skipped += 1;
                        eprintln!("unclutter: {}: row {}: {reason} (skipped)", input.display(), row + i as u64);
                        (None, false)
                    }
                },
            };
            column.push(value);
            keep_rows.push(keep);
        }
        row += values.len() as u64;
        let mut columns: Vec<ArrayRef> = batch.columns().to_vec();
        let new = string_column(&source_type, column);
        if target < columns.len() {
            columns[target] = new;
        } else {
            columns.push(new);
        }
        let mut out_batch = RecordBatch::try_new(out_schema.clone(), columns).map_err(|e| e.to_string())?;
        if keep_rows.iter().any(|k| !k) {
            out_batch = arrow_select::filter::filter_record_batch(&out_batch, &BooleanArray::from(keep_rows))
                .map_err(|e| e.to_string())?;
        }
        writer.write(&out_batch).map_err(|e| e.to_string())?;
    }
    writer.close().map_err(|e| e.to_string())?;
    out.finish().map_err(|e| e.to_string())
}
