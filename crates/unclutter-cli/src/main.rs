//! The `unclutter` command-line filter: text in, cleaned text (or JSON, or an annotated view) out.

use std::io::{self, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use unclutter::{Bias, Cleaned, Cleaner, InputKind, RuleId};

/// Strips page clutter from scraped article text and says exactly what it removed.
///
/// Reads FILE (or standard input when FILE is absent or "-") and writes the kept text to
/// standard output. Exit status: 0 on success, 2 on an error (bad option, unreadable input,
/// invalid UTF-8).
#[derive(Parser, Debug)]
#[command(name = "unclutter", version, about, long_about)]
struct Args {
    /// The file to clean; "-" or nothing reads standard input.
    file: Option<PathBuf>,

    /// Write one JSON object: the kept `text` and every `removed` piece with its byte range,
    /// rule code, name, category, reason and text.
    ///
    /// HTML input adds `source_text` (the text the byte ranges index), `content_root` and each
    /// piece's element `path`. The schema is documented in the library's `unclutter::json` module.
    #[arg(long, conflicts_with = "annotate")]
    json: bool,

    /// Print the whole input with each removed piece marked by its rule code.
    #[arg(long)]
    annotate: bool,

    /// The input is HTML (same as --input html).
    #[arg(long, conflicts_with = "input")]
    html: bool,

    /// What the input is: text, html, or auto (HTML when it starts like a page).
    #[arg(long, value_enum, default_value_t = InputArg::Text)]
    input: InputArg,

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

    /// Refuse inputs larger than this many bytes (exit 2).
    #[arg(long, value_name = "BYTES", default_value_t = unclutter::Limits::default().max_bytes)]
    max_bytes: usize,

    /// Refuse inputs with more lines than this (exit 2).
    #[arg(long, value_name = "LINES", default_value_t = unclutter::Limits::default().max_lines)]
    max_lines: usize,

    /// List every rule: code, name, category and summary.
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

/// True when `text` starts like an HTML document: after white space and a BOM, a doctype, an
/// `<html>`, `<head>` or `<body>` tag, or an HTML comment.
fn looks_like_html(text: &str) -> bool {
    let head = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let head = head.get(..14).unwrap_or(head).to_ascii_lowercase();
    ["<!doctype html", "<html", "<head", "<body", "<!--"].iter().any(|p| head.starts_with(p))
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("unclutter: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &Args) -> io::Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if args.list_rules {
        for rule in RuleId::all() {
            let m = rule.meta();
            writeln!(out, "{}  {:<18} {:<11} {}", m.code, m.name, m.category.as_str(), m.summary)?;
        }
        return out.flush();
    }
    if let Some(name) = &args.explain {
        let rule = RuleId::from_code(name)
            .or_else(|| RuleId::from_name(name))
            .ok_or_else(|| invalid(format!("no rule named '{name}' (see --list-rules)")))?;
        let m = rule.meta();
        writeln!(out, "{} {} ({})\n\n{}\n\n{}", m.code, m.name, m.category.as_str(), m.summary, m.docs.trim_end())?;
        if rule.is_scored() {
            for (input, scorer) in [("text", unclutter::Scorer::bundled()), ("HTML", unclutter::Scorer::bundled_html())]
            {
                writeln!(out, "\n## The model for {input}\n\n{}", scorer.explain().trim_end())?;
            }
        }
        return out.flush();
    }
    let bias = match args.bias {
        BiasArg::Precision => Bias::Precision,
        BiasArg::Balanced => Bias::Balanced,
        BiasArg::Recall => Bias::Recall,
    };
    let (text_scorer, html_scorer) = scorers(&args.scorer)?;
    let cleaner = Cleaner::builder()
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
        .map_err(|e| invalid(e.to_string()))?;
    // Read at most one byte past the limit, so an oversized input is refused, not buffered.
    let (name, bytes) = read_input(args.file.as_deref(), args.max_bytes)?;
    let text = std::str::from_utf8(&bytes)
        .map_err(|e| invalid(format!("{name}: invalid UTF-8 at byte {}", e.valid_up_to())))?;
    let html = args.html || args.input == InputArg::Html || (args.input == InputArg::Auto && looks_like_html(text));
    let cleaned = if html {
        cleaner.try_clean_html(text).map_err(|e| invalid(format!("{name}: {e}")))?
    } else {
        cleaner.try_clean(text).map_err(|e| invalid(format!("{name}: {e}")))?
    };
    if args.json {
        serde_json::to_writer(&mut out, &cleaned)?;
        out.write_all(b"\n")?;
    } else if args.annotate {
        let color = match args.color {
            ColorArg::Always => true,
            ColorArg::Never => false,
            ColorArg::Auto => io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
        };
        annotate(&mut out, &cleaned, color)?;
    } else if args.format == FormatArg::Markdown {
        out.write_all(cleaned.markdown().as_bytes())?;
    } else {
        out.write_all(cleaned.text().as_bytes())?;
    }
    out.flush()
}

fn invalid(message: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, message)
}

fn read_input(file: Option<&std::path::Path>, max_bytes: usize) -> io::Result<(String, Vec<u8>)> {
    let (name, reader): (String, Box<dyn Read>) = match file {
        Some(p) if p.as_os_str() != "-" => {
            let name = p.display().to_string();
            let f = std::fs::File::open(p).map_err(|e| io::Error::new(e.kind(), format!("{name}: {e}")))?;
            (name, Box::new(f))
        }
        _ => ("<stdin>".to_string(), Box::new(io::stdin().lock())),
    };
    let mut bytes = Vec::new();
    let limit = u64::try_from(max_bytes).unwrap_or(u64::MAX).saturating_add(1);
    reader.take(limit).read_to_end(&mut bytes).map_err(|e| io::Error::new(e.kind(), format!("{name}: {e}")))?;
    if bytes.len() > max_bytes {
        return Err(invalid(format!("{name}: input is over the limit of {max_bytes} bytes (--max-bytes)")));
    }
    Ok((name, bytes))
}

/// Writes the input with each removal wrapped as `[-CODE: text-]` (or struck through in colour),
/// its line terminator kept outside the marker so lines stay lines.
fn annotate(out: &mut impl Write, cleaned: &Cleaned<'_>, color: bool) -> io::Result<()> {
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
fn scorers(arg: &str) -> io::Result<(Option<unclutter::Scorer>, Option<unclutter::Scorer>)> {
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
