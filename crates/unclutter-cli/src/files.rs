//! Many documents as files: several files into a folder, a folder into a folder (mirroring
//! names), and a NUL-separated stream. Each file is cleaned whole, as text or HTML (detected,
//! or forced by --html/--input), on every core, and reported in input order.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use unclutter::Cleaner;

use crate::{clean_document, decode, invalid, Args, OnErrorArg};
use unclutter_cli::progress::Progress;
use unclutter_cli::stats::{DocStats, Stats};
use unclutter_cli::{batch, io, records};

/// One file to clean and where its output goes.
struct Job {
    input: PathBuf,
    output: PathBuf,
}

/// What cleaning one document gave: the output bytes and counts, or why it is bad.
type Done = Result<(Vec<u8>, DocStats), String>;

/// What became of one file.
enum FileOutcome {
    /// Cleaned and written.
    Cleaned(DocStats),
    /// Bad (the reason), written unchanged (`--on-error keep`).
    KeptUnchanged(String),
    /// Bad, or unreadable, or unwritable (the reason); nothing written.
    Bad(String),
}

/// The files under `dir`, recursively, sorted by path (hidden files and folders left out).
fn walk(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(at) = stack.pop() {
        let entries = std::fs::read_dir(&at).map_err(|e| invalid(format!("{}: {e}", at.display())))?;
        for entry in entries {
            let entry = entry?;
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let kind = entry.file_type()?;
            if kind.is_dir() {
                stack.push(entry.path());
            } else if kind.is_file() {
                found.push(entry.path());
            }
        }
    }
    found.sort();
    Ok(found)
}

/// The output name of a cleaned file: the same name, an HTML file's `.html`/`.htm` (before any
/// `.gz`/`.zst`) becoming `.txt`.
fn output_name(relative: &Path) -> PathBuf {
    let name = relative.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let (stem, compressed) = match name.rsplit_once('.') {
        Some((stem, ext @ ("gz" | "zst"))) => (stem.to_string(), Some(ext)),
        _ => (name.clone(), None),
    };
    let stem = match stem.rsplit_once('.') {
        Some((base, "html" | "htm")) => format!("{base}.txt"),
        _ => stem,
    };
    let name = match compressed {
        Some(ext) => format!("{stem}.{ext}"),
        None => stem,
    };
    relative.with_file_name(name)
}

/// The jobs of the command line: `--input-dir` into `--output-dir`, or the files into the
/// folder of `--output-dir` or `-o`.
fn jobs(args: &Args) -> std::io::Result<Vec<Job>> {
    let out_dir =
        args.output_dir.as_ref().or(args.output.as_ref()).ok_or_else(|| {
            invalid("several input files need a folder to write to: -o DIR or --output-dir DIR".into())
        })?;
    if let Some(dir) = &args.input_dir {
        let files = walk(dir)?;
        return Ok(files
            .into_iter()
            .map(|input| {
                let relative = input.strip_prefix(dir).unwrap_or(&input).to_path_buf();
                Job { output: out_dir.join(output_name(&relative)), input }
            })
            .collect());
    }
    let mut jobs = Vec::new();
    for input in &args.files {
        if input.as_os_str() == "-" {
            return Err(invalid("with several inputs or a folder output, stdin (-) cannot be one of them".into()));
        }
        let name = input.file_name().ok_or_else(|| invalid(format!("{}: not a file", input.display())))?;
        jobs.push(Job { output: out_dir.join(output_name(Path::new(name))), input: input.clone() });
    }
    Ok(jobs)
}

/// Cleans one document's bytes (named `name`) as the options say.
fn clean_bytes(args: &Args, cleaner: &Cleaner, bytes: &[u8]) -> Done {
    let (text, html, encoding) = decode(args, bytes)?;
    let text = text.as_ref();
    let split = args.split_on.as_deref();
    let parts = clean_document(args, cleaner, text, html, encoding)?;
    let kept = records::join_parts(&parts, split);
    let mut doc = DocStats { bytes_in: text.len() as u64, bytes_out: kept.len() as u64, rules: Vec::new() };
    for part in &parts {
        doc.count_removals(part);
    }
    let out = if args.format == crate::FormatArg::Markdown {
        let texts: Vec<String> = parts.iter().map(unclutter::Cleaned::markdown).collect();
        texts.join(split.unwrap_or("")).into_bytes()
    } else {
        kept.into_bytes()
    };
    Ok((out, doc))
}

/// Reads a file whole (decompressed), within `max_bytes`.
fn read_file(path: &Path, max_bytes: usize) -> Result<Vec<u8>, String> {
    let reader = io::open(Some(path)).map_err(|e| e.to_string())?;
    io::read_at_most(reader, max_bytes)
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("over the limit of {max_bytes} bytes (--max-bytes)"))
}

/// Several files, or a folder: each cleaned into its own output file.
pub fn run(args: &Args, cleaner: &Cleaner, pool: &rayon::ThreadPool, stats: &mut Stats) -> std::io::Result<()> {
    let jobs = jobs(args)?;
    let total = jobs.iter().filter_map(|j| std::fs::metadata(&j.input).ok()).map(|m| m.len()).sum();
    let progress = Progress::new(Some(total), !args.no_progress);
    let mut rejects = args.rejects.as_deref().map(|p| io::Output::create(Some(p))).transpose()?;
    let window = pool.current_num_threads() * 4;
    let mut queue = jobs.into_iter();
    let work = |job: Job| {
        let outcome = match read_file(&job.input, args.max_bytes) {
            Err(reason) => FileOutcome::Bad(reason),
            Ok(bytes) => match (clean_bytes(args, cleaner, &bytes), args.on_error) {
                (Ok((out, doc)), _) => match write_file(&job.output, &out) {
                    Ok(()) => FileOutcome::Cleaned(doc),
                    Err(e) => FileOutcome::Bad(e.to_string()),
                },
                (Err(reason), OnErrorArg::Keep) => match write_file(&job.output, &bytes) {
                    Ok(()) => FileOutcome::KeptUnchanged(reason),
                    Err(e) => FileOutcome::Bad(e.to_string()),
                },
                (Err(reason), _) => FileOutcome::Bad(reason),
            },
        };
        (job, outcome)
    };
    let sink = |(job, outcome): (Job, FileOutcome)| -> std::io::Result<()> {
        progress.advance(std::fs::metadata(&job.input).map(|m| m.len()).unwrap_or(0));
        let name = job.input.display().to_string();
        match outcome {
            FileOutcome::Cleaned(doc) => {
                stats.add(&doc);
                Ok(())
            }
            FileOutcome::KeptUnchanged(reason) => {
                eprintln!("unclutter: {name}: {reason} (kept unchanged)");
                stats.kept_unchanged += 1;
                Ok(())
            }
            FileOutcome::Bad(reason) if args.on_error == OnErrorArg::Fail => Err(invalid(format!("{name}: {reason}"))),
            FileOutcome::Bad(reason) => {
                stats.skipped += 1;
                eprintln!("unclutter: {name}: {reason} (skipped)");
                if let Some(rejects) = rejects.as_mut() {
                    let entry = serde_json::json!({ "file": name, "reason": reason });
                    serde_json::to_writer(&mut *rejects, &entry)?;
                    rejects.write_all(b"\n")?;
                }
                Ok(())
            }
        }
    };
    batch::run_ordered(pool, || Ok(queue.by_ref().take(window).collect()), work, sink)?;
    if let Some(rejects) = rejects {
        rejects.finish()?;
    }
    progress.finish();
    Ok(())
}

fn write_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut out = io::Output::create(Some(path))?;
    out.write_all(bytes)?;
    out.finish()
}

/// A stream of documents separated by NUL bytes (stdin or the file), cleaned on every core;
/// the output is the cleaned documents in order, each followed by a NUL when its input was.
pub fn run_nul_stream(
    args: &Args,
    cleaner: &Cleaner,
    pool: &rayon::ThreadPool,
    stats: &mut Stats,
) -> std::io::Result<()> {
    let path = args.files.first().map(PathBuf::as_path);
    let name = io::display_name(path);
    let mut input = io::open(path)?;
    let mut out = io::Output::create(args.output.as_deref())?;
    let progress = Progress::new(None, !args.no_progress);
    let window = pool.current_num_threads() * batch::PER_THREAD;
    let mut number = 0u64;
    let mut at_end = false;
    // Each document with its number and whether a NUL ended it (the output ends it so too).
    let next = || -> std::io::Result<Vec<(u64, Vec<u8>, bool)>> {
        let mut docs = Vec::new();
        while !at_end && docs.len() < window {
            let mut doc = Vec::new();
            let n = (&mut input).take(args.max_bytes as u64 + 2).read_until_nul(&mut doc)?;
            if n == 0 {
                at_end = true;
                break;
            }
            let ended = doc.last() == Some(&0);
            if ended {
                doc.pop();
            } else if n as u64 > args.max_bytes as u64 {
                return Err(invalid(format!(
                    "{name}: document {} is over the limit of {} bytes (--max-bytes)",
                    number + 1,
                    args.max_bytes
                )));
            } else {
                at_end = true;
            }
            number += 1;
            docs.push((number, doc, ended));
        }
        Ok(docs)
    };
    let work = |(number, doc, ended): (u64, Vec<u8>, bool)| {
        let done = clean_bytes(args, cleaner, &doc);
        (number, doc, ended, done)
    };
    let sink = |(number, doc, ended, done): (u64, Vec<u8>, bool, Done)| -> std::io::Result<()> {
        progress.advance(doc.len() as u64 + 1);
        let bytes = match done {
            Ok((bytes, stats_of)) => {
                stats.add(&stats_of);
                bytes
            }
            Err(reason) => match args.on_error {
                OnErrorArg::Fail => return Err(invalid(format!("{name}: document {number}: {reason}"))),
                OnErrorArg::Keep => {
                    stats.kept_unchanged += 1;
                    doc
                }
                OnErrorArg::Skip => {
                    stats.skipped += 1;
                    eprintln!("unclutter: {name}: document {number}: {reason} (skipped)");
                    return Ok(());
                }
            },
        };
        out.write_all(&bytes)?;
        if ended {
            out.write_all(b"\0")?;
        }
        Ok(())
    };
    batch::run_ordered(pool, next, work, sink)?;
    progress.finish();
    out.finish()
}

/// `read_until(0)` for any reader.
trait ReadUntilNul {
    fn read_until_nul(&mut self, buf: &mut Vec<u8>) -> std::io::Result<usize>;
}

impl<R: std::io::BufRead> ReadUntilNul for R {
    fn read_until_nul(&mut self, buf: &mut Vec<u8>) -> std::io::Result<usize> {
        self.read_until(0, buf)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_names_mirror_inputs_and_html_becomes_txt() {
        assert_eq!(output_name(Path::new("a/b/page.html")), PathBuf::from("a/b/page.txt"));
        assert_eq!(output_name(Path::new("page.htm.gz")), PathBuf::from("page.txt.gz"));
        assert_eq!(output_name(Path::new("doc.txt")), PathBuf::from("doc.txt"));
        assert_eq!(output_name(Path::new("doc.txt.zst")), PathBuf::from("doc.txt.zst"));
        assert_eq!(output_name(Path::new("README")), PathBuf::from("README"));
    }
}
