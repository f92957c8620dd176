//! The `unclutter` command-line filter: text in, cleaned text (or JSON, or an annotated view) out;
//! and over a dataset, JSON Lines records, Parquet files, folders and many files on every core.

mod files;
mod parquet;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, ValueEnum};
use unclutter::{Bias, Cleaned, Cleaner, InputKind, RuleId, TextEncoding};

use unclutter_cli::progress::Progress;
use unclutter_cli::records::{OnError, RecordSpec};
use unclutter_cli::stats::Stats;
use unclutter_cli::{batch, io, records, stats};

/// Strips page clutter from scraped article text and says exactly what it removed.
///
/// Reads FILE (or standard input when FILE is absent or "-") and writes the kept text to
/// standard output. With --jsonl, cleans a field of every JSON Lines record; with --parquet, a
/// column of a Parquet file; with several files or --input-dir, each file into a folder. Exit
/// status: 0 on success, 2 on an error (bad option, unreadable input, invalid UTF-8, a bad
/// record under --on-error fail).
#[derive(Parser, Debug)]
#[command(name = "unclutter", version, about, long_about)]
struct Args {
    /// The files to clean; "-" or nothing reads standard input. Names ending in .gz or .zst are
    /// decompressed.
    files: Vec<PathBuf>,

    /// Where the output goes: a file (compressed when its name ends in .gz or .zst; written
    /// under a temporary name and renamed when complete), or with several input files a folder.
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,

    /// Write one JSON object: the kept `text` and every `removed` piece with its byte range,
    /// rule code, name, category, reason and text.
    ///
    /// HTML input adds `source_text` (the text the byte ranges index), `content_root` and each
    /// piece's element `path`. The schema is documented in the library's `unclutter::json` module.
    /// With --list-rules, the rules as a JSON array.
    #[arg(long, conflicts_with_all = ["annotate", "format"])]
    json: bool,

    /// Print the whole input with each removed piece marked by its rule code.
    #[arg(long)]
    annotate: bool,

    /// The input is HTML (same as --input html).
    #[arg(long, conflicts_with = "input")]
    html: bool,

    /// What the input is: text, html, or auto (HTML when it starts like a page or an HTML
    /// fragment: a doctype, a comment, or a known tag such as <html>, <div> or <p>).
    #[arg(long, value_enum, default_value_t = InputArg::Auto)]
    input: InputArg,

    /// How plain-text input is decoded: strict UTF-8 (the default), `auto` (a byte order mark,
    /// else UTF-8 when valid, else detected), or an encoding label (latin1, windows-1252,
    /// shift_jis, gb2312, ...). HTML input is decoded as browsers do, whatever this says: a
    /// BOM, a `<meta>` charset, else detection. Spans index the decoded text; --json names the
    /// encoding.
    #[arg(long, value_name = "auto|LABEL", value_parser = parse_encoding)]
    encoding: Option<TextEncoding>,

    /// The input is JSON Lines: each line a JSON object whose --field (or --html-field) is cleaned.
    #[arg(long, conflicts_with_all = ["json", "annotate", "parquet"])]
    jsonl: bool,

    /// Input is Parquet (a file, or with --input-dir a folder of shards): the --field column is
    /// cleaned, every other column kept, row groups streamed.
    #[arg(long, conflicts_with_all = ["json", "annotate"])]
    parquet: bool,

    /// The field (column) holding the text to clean.
    #[arg(long, value_name = "NAME", default_value = "text")]
    field: String,

    /// The field (column) holding HTML to clean; the cleaned text goes to --out-field (default
    /// "text").
    #[arg(long, value_name = "NAME")]
    html_field: Option<String>,

    /// The field (column) the cleaned text is written to; default: the cleaned field (with
    /// --html-field: "text").
    #[arg(long, value_name = "NAME")]
    out_field: Option<String>,

    /// Add to each JSON Lines record an `unclutter` object: the removals (the --json schema) and
    /// counts per category.
    #[arg(long)]
    spans: bool,

    /// With --json or --jsonl, add a `metadata` object: title, author, date (ISO 8601), site,
    /// description, language, photo_credits, sources, reading_time_minutes, tags, each with its
    /// source (JSON-LD, a meta tag, an element, or the rule and span of the text it came from).
    /// From HTML the markup is trusted first, then the text. The schema is in the library's
    /// `unclutter::metadata` module.
    #[arg(long)]
    metadata: bool,

    /// Clean every file under DIR (recursively), into --output-dir with the same names.
    #[arg(long, value_name = "DIR", requires = "output_dir")]
    input_dir: Option<PathBuf>,

    /// The folder cleaned files go to, each under its input's name (an HTML file's .html or
    /// .htm becomes .txt).
    #[arg(long, value_name = "DIR")]
    output_dir: Option<PathBuf>,

    /// Documents joined by this separator (Multi-News joins sources with "|||||"): each part
    /// is cleaned on its own and the separators are kept.
    #[arg(long, value_name = "SEP")]
    split_on: Option<String>,

    /// The input is a stream of documents separated by NUL bytes; the output is too.
    #[arg(long, conflicts_with_all = ["split_on", "jsonl", "parquet"])]
    split_on_nul: bool,

    /// Threads to clean on (0: one per core). Output stays in input order.
    #[arg(long, short = 'j', value_name = "N", default_value_t = 0)]
    jobs: usize,

    /// What a bad record (or file) does: fail (stop, naming the file, line and reason; exit 2),
    /// skip (leave it out, see --rejects), keep (write it unchanged).
    #[arg(long, value_enum, default_value_t = OnErrorArg::Fail)]
    on_error: OnErrorArg,

    /// With --on-error skip: write each bad record to FILE as a JSON line with its file, line
    /// number and reason.
    #[arg(long, value_name = "FILE")]
    rejects: Option<PathBuf>,

    /// Print a summary on stderr at the end: records, bytes in and out, removals per category
    /// and rule, share of text removed, seconds.
    #[arg(long)]
    stats: bool,

    /// Write the summary as JSON to FILE.
    #[arg(long, value_name = "FILE")]
    stats_json: Option<PathBuf>,

    /// No progress bar (it shows only when stderr is a terminal).
    #[arg(long)]
    no_progress: bool,

    /// Rules to run: ALL, categories, code prefixes, codes or names, comma-separated.
    #[arg(long, value_delimiter = ',', value_name = "SELECTOR")]
    select: Vec<String>,

    /// Rules not to run; the most specific of --select and --ignore wins.
    #[arg(long, value_delimiter = ',', value_name = "SELECTOR")]
    ignore: Vec<String>,

    /// Which way to lean on doubtful lines.
    #[arg(long, value_enum, default_value_t = BiasArg::Balanced)]
    bias: BiasArg,

    /// What kind of text the input is: a whole-page dump, an already-extracted article (its first
    /// and last lines are never cut as page zones), or auto (read from its evidence: runs of menu
    /// items and lines of page furniture). HTML input is always a page.
    #[arg(long, value_enum, default_value_t = KindArg::Auto)]
    input_kind: KindArg,

    /// The content scorer that decides the structural removals: `bundled` (the learned models
    /// shipped with unclutter, for text and for HTML), `none` (the structural rules alone), or
    /// the path of a model file that `scripts/train` wrote (it replaces the bundled model of its
    /// input, text or HTML).
    #[arg(long, value_name = "bundled|none|FILE", default_value = "bundled")]
    scorer: String,

    /// Output of the kept text: plain text, or Markdown (HTML input keeps headings, lists,
    /// quotes, code and links).
    #[arg(long, value_enum, default_value_t = FormatArg::Text)]
    format: FormatArg,

    /// When to colour --annotate output.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    color: ColorArg,

    /// Refuse documents (and records) larger than this: bytes, or with a suffix k, M, G (1024
    /// based) or kB, MB, GB (1000 based).
    #[arg(long, value_name = "SIZE", value_parser = parse_size, default_value_t = unclutter::Limits::default().max_bytes)]
    max_bytes: usize,

    /// Refuse documents with more lines than this.
    #[arg(long, value_name = "LINES", default_value_t = unclutter::Limits::default().max_lines)]
    max_lines: usize,

    /// List every rule (with --select/--ignore, the rules they choose): code, name, category
    /// and summary.
    #[arg(long)]
    list_rules: bool,

    /// Show a rule's documentation, by code or name.
    #[arg(long, value_name = "RULE")]
    explain: Option<String>,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum BiasArg {
    Precision,
    Balanced,
    Recall,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum KindArg {
    Page,
    Article,
    Auto,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum FormatArg {
    Text,
    Markdown,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum InputArg {
    Text,
    Html,
    Auto,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum OnErrorArg {
    Fail,
    Skip,
    Keep,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

fn parse_encoding(arg: &str) -> Result<TextEncoding, String> {
    TextEncoding::parse(arg).map_err(|e| e.to_string())
}

/// A size: bytes, or a number with a suffix k/K/KiB, M/MiB, G/GiB (1024 based) or kB, MB, GB
/// (1000 based).
fn parse_size(arg: &str) -> Result<usize, String> {
    let arg = arg.trim();
    let digits = arg.find(|c: char| !c.is_ascii_digit()).unwrap_or(arg.len());
    let (number, suffix) = arg.split_at(digits);
    let number: usize = number.parse().map_err(|_| format!("{arg:?} is not a size (as 1000, 64k, 10M or 1G)"))?;
    let unit: usize = match suffix.trim() {
        "" | "B" => 1,
        "k" | "K" | "KiB" => 1 << 10,
        "M" | "MiB" => 1 << 20,
        "G" | "GiB" => 1 << 30,
        "kB" | "KB" => 1_000,
        "MB" => 1_000_000,
        "GB" => 1_000_000_000,
        other => return Err(format!("unknown size suffix {other:?} (use k, M, G, kB, MB or GB)")),
    };
    number.checked_mul(unit).ok_or_else(|| format!("{arg:?} is too large"))
}

/// True when `text` starts like HTML: after white space and a BOM, a doctype, an HTML comment,
/// or the opening tag of a common element (`<html>`, `<body>`, `<div>`, `<p>`, ...): a page
/// or a fragment of one.
fn looks_like_html(text: &str) -> bool {
    const TAGS: &[&str] = &[
        "html", "head", "body", "div", "p", "article", "section", "main", "span", "table", "ul", "ol", "h1", "h2",
        "h3", "header", "nav", "meta", "title", "link", "script", "style", "a", "img", "br", "figure", "form",
        "iframe",
    ];
    let head = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let lower = head.get(..16).unwrap_or(head).to_ascii_lowercase();
    if lower.starts_with("<!doctype html") || lower.starts_with("<!--") {
        return true;
    }
    let Some(rest) = lower.strip_prefix('<') else { return false };
    let name_end = rest.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(rest.len());
    let after = rest[name_end..].chars().next();
    TAGS.contains(&&rest[..name_end]) && matches!(after, Some('>' | ' ' | '/' | '\t' | '\n' | '\r'))
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("unclutter: {e}");
            ExitCode::from(2)
        }
    }
}

fn invalid(message: String) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidInput, message)
}

fn build_cleaner(args: &Args) -> std::io::Result<Cleaner> {
    let bias = match args.bias {
        BiasArg::Precision => Bias::Precision,
        BiasArg::Balanced => Bias::Balanced,
        BiasArg::Recall => Bias::Recall,
    };
    let (text_scorer, html_scorer) = scorers(&args.scorer)?;
    Cleaner::builder()
        .select(&args.select)
        .ignore(&args.ignore)
        .bias(bias)
        .input_kind(match args.input_kind {
            KindArg::Page => Some(InputKind::Page),
            KindArg::Article => Some(InputKind::Article),
            KindArg::Auto => None,
        })
        .limits(unclutter::Limits { max_bytes: args.max_bytes, max_lines: args.max_lines })
        .scorer(text_scorer)
        .html_scorer(html_scorer)
        .build()
        .map_err(|e| invalid(e.to_string()))
}

fn run(args: &Args) -> std::io::Result<()> {
    if args.list_rules {
        return list_rules(args);
    }
    if let Some(name) = &args.explain {
        return explain(name);
    }
    if args.rejects.is_some() && args.on_error != OnErrorArg::Skip {
        return Err(invalid("--rejects needs --on-error skip".into()));
    }
    if args.metadata && !(args.json || args.jsonl) {
        return Err(invalid("--metadata needs --json or --jsonl".into()));
    }
    let cleaner = build_cleaner(args)?;
    let started = Instant::now();
    let mut stats = Stats::default();
    let pool = batch::pool(args.jobs)?;
    if args.jsonl {
        run_jsonl(args, &cleaner, &pool, &mut stats)?;
    } else if args.parquet {
        parquet::run(args, &cleaner, &pool, &mut stats)?;
    } else if args.input_dir.is_some() || args.output_dir.is_some() || args.files.len() > 1 {
        files::run(args, &cleaner, &pool, &mut stats)?;
    } else if args.split_on_nul {
        files::run_nul_stream(args, &cleaner, &pool, &mut stats)?;
    } else {
        run_one(args, &cleaner, &mut stats)?;
    }
    report(args, &mut stats, started)
}

/// Prints and writes the summary when asked.
fn report(args: &Args, stats: &mut Stats, started: Instant) -> std::io::Result<()> {
    stats.finish(started.elapsed().as_secs_f64());
    if args.stats {
        stats.write_summary(&mut std::io::stderr().lock())?;
    }
    if let Some(path) = &args.stats_json {
        let mut out = io::Output::create(Some(path))?;
        serde_json::to_writer_pretty(&mut out, &stats)?;
        out.write_all(b"\n")?;
        out.finish()?;
    }
    Ok(())
}

fn on_error(args: &Args) -> OnError {
    match args.on_error {
        OnErrorArg::Fail => OnError::Fail,
        OnErrorArg::Skip => OnError::Skip,
        OnErrorArg::Keep => OnError::Keep,
    }
}

/// The record spec of --field, --html-field, --out-field, --spans and --split-on.
fn record_spec(args: &Args) -> RecordSpec {
    let (field, html) = match &args.html_field {
        Some(f) => (f.clone(), true),
        None => (args.field.clone(), false),
    };
    let out_field = args.out_field.clone().unwrap_or_else(|| if html { "text".into() } else { field.clone() });
    RecordSpec { field, html, out_field, spans: args.spans, metadata: args.metadata, split_on: args.split_on.clone() }
}

/// The inputs named on the command line (stdin when none).
fn inputs(args: &Args) -> Vec<Option<&Path>> {
    if args.files.is_empty() {
        vec![None]
    } else {
        args.files.iter().map(|p| Some(p.as_path())).collect()
    }
}

/// The bytes of the named plain files, when all of them are (for the progress bar's ETA).
fn known_size(paths: &[Option<&Path>]) -> Option<u64> {
    paths.iter().try_fold(0u64, |sum, path| {
        let path = (*path).filter(|p| p.as_os_str() != "-")?;
        if io::Compression::of(path) != io::Compression::None {
            return None;
        }
        Some(sum + std::fs::metadata(path).ok()?.len())
    })
}

fn run_jsonl(args: &Args, cleaner: &Cleaner, pool: &rayon::ThreadPool, stats: &mut Stats) -> std::io::Result<()> {
    let spec = record_spec(args);
    let paths = inputs(args);
    let progress = Progress::new(known_size(&paths), !args.no_progress);
    let mut rejects = args.rejects.as_deref().map(|p| io::Output::create(Some(p))).transpose()?;
    // One run per input file, into `out`.
    let mut clean_file = |path: Option<&Path>, out: &mut io::Output| -> std::io::Result<()> {
        let mut run = records::Run {
            cleaner,
            spec: &spec,
            on_error: on_error(args),
            rejects: rejects.as_mut().map(|r| r as &mut dyn Write),
            pool,
            max_bytes: args.max_bytes,
            stats: &mut *stats,
            progress: &progress,
        };
        run.file(&io::display_name(path), &mut *io::open(path)?, out)
    };
    if let Some(dir) = &args.output_dir {
        // One output per input file, mirrored into the folder.
        for path in &paths {
            let path = path.ok_or_else(|| invalid("--output-dir needs input files, not stdin".into()))?;
            let name = path.file_name().ok_or_else(|| invalid(format!("{}: not a file", path.display())))?;
            let mut out = io::Output::create(Some(&dir.join(name)))?;
            clean_file(Some(path), &mut out)?;
            out.finish()?;
        }
    } else {
        let mut out = io::Output::create(args.output.as_deref())?;
        for path in &paths {
            clean_file(*path, &mut out)?;
        }
        out.finish()?;
    }
    if let Some(rejects) = rejects {
        rejects.finish()?;
    }
    progress.finish();
    Ok(())
}

/// Reads a whole input, refusing one over `max_bytes`.
fn read_all(path: Option<&Path>, max_bytes: usize) -> std::io::Result<(String, Vec<u8>)> {
    let name = io::display_name(path);
    let reader = io::open(path)?;
    match io::read_at_most(reader, max_bytes).map_err(|e| std::io::Error::new(e.kind(), format!("{name}: {e}")))? {
        Some(bytes) => Ok((name, bytes)),
        None => Err(invalid(format!("{name}: input is over the limit of {max_bytes} bytes (--max-bytes)"))),
    }
}

/// Whether a document is cleaned as HTML: forced by --html or --input, or detected from its
/// first bytes.
fn is_html(args: &Args, bytes: &[u8]) -> bool {
    args.html
        || args.input == InputArg::Html
        || (args.input == InputArg::Auto && looks_like_html(&String::from_utf8_lossy(&bytes[..bytes.len().min(64)])))
}

/// A document's bytes as text: HTML decoded as a browser would (BOM, `<meta>` charset,
/// detection), plain text as --encoding says (strict UTF-8 by default); with whether it is
/// HTML and the encoding's name.
fn decode<'b>(args: &Args, bytes: &'b [u8]) -> Result<(std::borrow::Cow<'b, str>, bool, &'static str), String> {
    if is_html(args, bytes) {
        let (text, encoding) = unclutter::encoding::decode_html(bytes);
        return Ok((text, true, encoding));
    }
    let how = args.encoding.unwrap_or(TextEncoding::Utf8);
    let (text, encoding) = unclutter::encoding::decode_text(bytes, how).map_err(|e| match e {
        unclutter::DecodeError::InvalidUtf8 { .. } => format!("{e} (--encoding auto decodes other encodings)"),
        e => e.to_string(),
    })?;
    Ok((text, false, encoding))
}

/// Cleans a document's text, split when asked, each part with its encoding named.
fn clean_document<'t>(
    args: &Args,
    cleaner: &Cleaner,
    text: &'t str,
    html: bool,
    encoding: &'static str,
) -> Result<Vec<Cleaned<'t>>, String> {
    let parts = records::clean_parts(cleaner, text, html, args.split_on.as_deref())?;
    Ok(parts.into_iter().map(|part| part.with_encoding(encoding)).collect())
}

/// One document: the filter.
fn run_one(args: &Args, cleaner: &Cleaner, stats: &mut Stats) -> std::io::Result<()> {
    let path = args.files.first().map(PathBuf::as_path);
    let (name, bytes) = read_all(path, args.max_bytes)?;
    let (text, html, encoding) = decode(args, &bytes).map_err(|e| invalid(format!("{name}: {e}")))?;
    let text = text.as_ref();
    let split = args.split_on.as_deref();
    let parts = clean_document(args, cleaner, text, html, encoding).map_err(|e| invalid(format!("{name}: {e}")))?;
    let mut out = io::Output::create(args.output.as_deref())?;
    let mut doc = stats::DocStats { bytes_in: text.len() as u64, ..Default::default() };
    if args.json {
        // One object per document; a split document gives one line per part.
        let raws = records::split_parts(text, split);
        for (cleaned, raw) in parts.iter().zip(raws) {
            let mut line = serde_json::to_vec(cleaned)?;
            if args.metadata {
                line.pop(); // the document object's closing brace
                line.extend_from_slice(b",\"metadata\":");
                serde_json::to_writer(&mut line, &records::metadata(cleaned, raw, html))?;
                line.push(b'}');
            }
            line.push(b'\n');
            out.write_all(&line)?;
        }
    } else if args.annotate {
        let color = match args.color {
            ColorArg::Always => true,
            ColorArg::Never => false,
            ColorArg::Auto => {
                args.output.is_none() && std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
            }
        };
        for (i, cleaned) in parts.iter().enumerate() {
            if i > 0 {
                out.write_all(split.unwrap_or("").as_bytes())?;
            }
            annotate(&mut out, cleaned, color)?;
        }
    } else if args.format == FormatArg::Markdown {
        let texts: Vec<String> = parts.iter().map(Cleaned::markdown).collect();
        out.write_all(texts.join(split.unwrap_or("")).as_bytes())?;
    } else {
        let text = records::join_parts(&parts, split);
        doc.bytes_out = text.len() as u64;
        out.write_all(text.as_bytes())?;
    }
    for part in &parts {
        doc.count_removals(part);
    }
    stats.add(&doc);
    out.finish()
}

fn list_rules(args: &Args) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    // With --select/--ignore, the rules they choose.
    let chosen: Vec<RuleId> = if args.select.is_empty() && args.ignore.is_empty() {
        RuleId::all().collect()
    } else {
        build_cleaner(args)?.rules().collect()
    };
    if args.json {
        let rules: Vec<serde_json::Value> = chosen
            .iter()
            .map(|rule| {
                let m = rule.meta();
                serde_json::json!({
                    "code": m.code, "name": m.name, "category": m.category.as_str(),
                    "summary": m.summary, "scored": rule.is_scored(),
                })
            })
            .collect();
        serde_json::to_writer_pretty(&mut out, &rules)?;
        out.write_all(b"\n")?;
    } else {
        for rule in chosen {
            let m = rule.meta();
            writeln!(out, "{}  {:<18} {:<11} {}", m.code, m.name, m.category.as_str(), m.summary)?;
        }
    }
    out.flush()
}

fn explain(name: &str) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let rule = RuleId::from_code(name)
        .or_else(|| RuleId::from_name(name))
        .ok_or_else(|| invalid(format!("no rule named '{name}' (see --list-rules)")))?;
    let m = rule.meta();
    writeln!(out, "{} {} ({})\n\n{}\n\n{}", m.code, m.name, m.category.as_str(), m.summary, m.docs.trim_end())?;
    if rule.is_scored() {
        for (input, scorer) in [("text", unclutter::Scorer::bundled()), ("HTML", unclutter::Scorer::bundled_html())] {
            writeln!(out, "\n## The model for {input}\n\n{}", scorer.explain().trim_end())?;
        }
    }
    out.flush()
}

/// Writes the input with each removal wrapped as `[-CODE: text-]` (or struck through in colour),
/// its line terminator kept outside the marker so lines stay lines.
fn annotate(out: &mut impl Write, cleaned: &Cleaned<'_>, color: bool) -> std::io::Result<()> {
    let input = cleaned.input();
    let mut at = 0;
    for r in cleaned.removals() {
        let span = r.span();
        out.write_all(&input.as_bytes()[at..span.start])?;
        let piece = &input[span];
        let body = piece.trim_end_matches(['\n', '\r']);
        let code = r.rule().code();
        if color {
            write!(out, "\x1b[2;36m[{code}]\x1b[0m\x1b[9;31m{body}\x1b[0m")?;
        } else {
            write!(out, "[-{code}: {body}-]")?;
        }
        out.write_all(&piece.as_bytes()[body.len()..])?;
        at = span.end;
    }
    out.write_all(&input.as_bytes()[at..])
}

/// The content scorers `--scorer` names, for text and for HTML: a model file replaces the
/// bundled model of its input (its header says which).
fn scorers(arg: &str) -> std::io::Result<(Option<unclutter::Scorer>, Option<unclutter::Scorer>)> {
    use unclutter::Scorer;
    match arg {
        "bundled" => Ok((Some(Scorer::bundled()), Some(Scorer::bundled_html()))),
        "none" => Ok((None, None)),
        path => {
            let text = std::fs::read_to_string(path).map_err(|e| invalid(format!("{path}: {e}")))?;
            let scorer = Scorer::parse(&text).map_err(|e| invalid(format!("{path}: {e}")))?;
            Ok(match scorer.is_for_html() {
                true => (Some(Scorer::bundled()), Some(scorer)),
                false => (Some(scorer), Some(Scorer::bundled_html())),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_take_suffixes() {
        assert_eq!(parse_size("1000"), Ok(1000));
        assert_eq!(parse_size("1k"), Ok(1024));
        assert_eq!(parse_size("64K"), Ok(65536));
        assert_eq!(parse_size("2M"), Ok(2 << 20));
        assert_eq!(parse_size("1G"), Ok(1 << 30));
        assert_eq!(parse_size("5kB"), Ok(5000));
        assert_eq!(parse_size("3MB"), Ok(3_000_000));
        assert!(parse_size("1x").is_err());
        assert!(parse_size("k").is_err());
        assert!(parse_size("99999999999999999999G").is_err());
    }

    #[test]
    fn html_is_told_by_its_start_pages_and_fragments() {
        for html in
            ["<!DOCTYPE html><html>", "  <html lang=en>", "<div><p>x</p></div>", "\u{feff}<p>Hi</p>", "<!-- c -->"]
        {
            assert!(looks_like_html(html), "{html:?}");
        }
        for text in ["The council met.", "<3 this recipe", "<Tuesday> was long", "<pre-release notes", "<"] {
            assert!(!looks_like_html(text), "{text:?}");
        }
    }
}
