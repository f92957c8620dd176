//! The Python package's extension module, `unclutter._unclutter` (PyO3): a `Cleaner` built
//! once and shared, `clean`, `clean_html` and `clean_many` (the GIL released while Rust works;
//! `clean_many` on a rayon pool, results in order), results with character and byte offsets,
//! and the rule registry. `python/unclutter/__init__.py` re-exports it; the datatrove block and
//! the Spark recipe are Python on top.

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use rayon::prelude::*;
use unclutter::metadata::{Field, Source};
use unclutter::{Bias, Cleaned, InputKind, Metadata, Scorer};

/// One removed piece: offsets in characters (for slicing the Python string) and in bytes
/// (UTF-8), the rule, its category and the reason.
#[pyclass(frozen, module = "unclutter", get_all)]
struct Removal {
    /// First removed character of the cleaned string (`input` or `source_text`).
    start: usize,
    /// One past the last removed character.
    end: usize,
    /// The same range in UTF-8 bytes.
    byte_start: usize,
    byte_end: usize,
    /// The rule's code, as "NAV001".
    rule: &'static str,
    /// The rule's name, as "skip-link".
    name: &'static str,
    /// The rule's category, as "navigation".
    category: &'static str,
    /// Why it went.
    reason: String,
    /// The removed text.
    text: String,
}

#[pymethods]
impl Removal {
    fn __repr__(&self) -> String {
        format!("Removal({}, {}..{}, {:?})", self.rule, self.start, self.end, self.text)
    }

    /// The removal as a dict (the `--json` removal object, with character offsets too).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("byte_start", self.byte_start)?;
        d.set_item("byte_end", self.byte_end)?;
        d.set_item("rule", self.rule)?;
        d.set_item("name", self.name)?;
        d.set_item("category", self.category)?;
        d.set_item("reason", &self.reason)?;
        d.set_item("text", &self.text)?;
        Ok(d)
    }
}

/// What cleaning one document gave.
#[pyclass(frozen, module = "unclutter", get_all)]
struct CleanResult {
    /// The kept text.
    text: String,
    /// The removed pieces, in order.
    removals: Py<PyList>,
    /// "page" or "article": what the input was taken for.
    input_kind: &'static str,
    /// In HTML mode, the page's text projection, which the offsets index; None for text.
    source_text: Option<String>,
    /// Characters removed, over characters cleaned.
    removed_share: f64,
    /// With `Cleaner(metadata=True)`, what the page says of itself: `title`, `author` (a list),
    /// `date` (ISO 8601), `site`, `description`, `language`, `photo_credits`, `sources`,
    /// `reading_time_minutes`, `tags`, each a dict `{"value", "source", ...}` as `unclutter
    /// --json --metadata` gives them (`start` and `end` in characters); fields the page does
    /// not give are absent. None without it.
    metadata: Option<Py<PyDict>>,
}

#[pymethods]
impl CleanResult {
    fn __repr__(&self, py: Python<'_>) -> String {
        format!("CleanResult({} removals, {:.1}% removed)", self.removals.bind(py).len(), self.removed_share * 100.0)
    }

    /// Removals per category.
    fn counts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for removal in self.removals.bind(py).iter() {
            let category = removal.getattr("category")?;
            let n: usize = d.get_item(&category)?.map(|v| v.extract()).transpose()?.unwrap_or(0);
            d.set_item(category, n + 1)?;
        }
        Ok(d)
    }

    /// The result as a dict: `text`, `input_kind`, `removed` (each removal's dict), and in HTML
    /// mode `source_text`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("text", &self.text)?;
        d.set_item("input_kind", self.input_kind)?;
        let removed = PyList::empty(py);
        for removal in self.removals.bind(py).iter() {
            removed.append(removal.cast::<Removal>()?.get().to_dict(py)?)?;
        }
        d.set_item("removed", removed)?;
        if let Some(source) = &self.source_text {
            d.set_item("source_text", source)?;
        }
        if let Some(metadata) = &self.metadata {
            d.set_item("metadata", metadata.bind(py).copy()?)?;
        }
        Ok(d)
    }
}

/// A cleaned document with owned text and its metadata, made without the GIL.
struct Owned {
    cleaned: Cleaned<'static>,
    html: bool,
    metadata: Option<Metadata>,
}

impl Owned {
    fn text(cleaned: Cleaned<'_>, metadata: bool) -> Owned {
        let metadata = metadata.then(|| cleaned.metadata());
        Owned { cleaned: cleaned.into_owned(), html: false, metadata }
    }

    /// From HTML the markup's metadata comes first, then the text's.
    fn html(cleaned: Cleaned<'static>, page: &str, metadata: bool) -> Owned {
        let metadata = metadata.then(|| Metadata::from_page(page, &cleaned));
        Owned { cleaned, html: true, metadata }
    }
}

/// The metadata as a dict of field dicts, spans in characters of `input`.
fn metadata_dict<'py>(py: Python<'py>, meta: &Metadata, input: &str) -> PyResult<Bound<'py, PyDict>> {
    let chars = |byte: usize| input.get(..byte).map_or(0, |s| s.chars().count());
    let field = |value: Bound<'py, PyAny>, source: &Source| -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("value", value)?;
        d.set_item("source", source.kind())?;
        match source {
            Source::Removal { span, rule } => {
                d.set_item("rule", rule.code())?;
                d.set_item("start", chars(span.start))?;
                d.set_item("end", chars(span.end))?;
            }
            Source::Line { span } => {
                d.set_item("start", chars(span.start))?;
                d.set_item("end", chars(span.end))?;
            }
            Source::JsonLd(key) | Source::Meta(key) => d.set_item("key", key)?,
            Source::Element(what) => d.set_item("key", what)?,
            Source::Detected => {}
        }
        Ok(d)
    };
    let text = |f: &Field| field(f.value.clone().into_pyobject(py)?.into_any(), &f.source);
    let d = PyDict::new(py);
    let one = [
        ("title", &meta.title),
        ("date", &meta.date),
        ("site", &meta.site),
        ("description", &meta.description),
        ("language", &meta.language),
    ];
    for (key, value) in one {
        if let Some(f) = value {
            d.set_item(key, text(f)?)?;
        }
    }
    let many = [
        ("author", &meta.authors),
        ("photo_credits", &meta.photo_credits),
        ("sources", &meta.sources),
        ("tags", &meta.tags),
    ];
    for (key, values) in many {
        if !values.is_empty() {
            d.set_item(key, values.iter().map(text).collect::<PyResult<Vec<_>>>()?)?;
        }
    }
    if let Some(f) = &meta.reading_time_minutes {
        d.set_item("reading_time_minutes", field(f.value.into_pyobject(py)?.into_any(), &f.source)?)?;
    }
    Ok(d)
}

/// Turns a result into its Python object: byte offsets mapped to character offsets in one pass
/// over the text (the removals are sorted and disjoint).
fn to_python(py: Python<'_>, owned: Owned) -> PyResult<CleanResult> {
    let Owned { cleaned, html, metadata } = owned;
    let input = cleaned.input();
    let metadata = metadata.map(|m| metadata_dict(py, &m, input).map(Bound::unbind)).transpose()?;
    let mut chars_before = 0usize; // characters before `at`
    let mut at = 0usize;
    let mut char_offset = |byte: usize| {
        chars_before += input[at..byte].chars().count();
        at = byte;
        chars_before
    };
    let removals = PyList::empty(py);
    let mut removed_chars = 0;
    for r in cleaned.removals() {
        let span = r.span();
        let (start, end) = (char_offset(span.start), char_offset(span.end));
        removed_chars += end - start;
        let rule = r.rule();
        let removal = Removal {
            start,
            end,
            byte_start: span.start,
            byte_end: span.end,
            rule: rule.code(),
            name: rule.name(),
            category: rule.category().as_str(),
            reason: r.reason().to_string(),
            text: input[span].to_string(),
        };
        removals.append(Py::new(py, removal)?)?;
    }
    let total = char_offset(input.len());
    Ok(CleanResult {
        text: cleaned.text(),
        removals: removals.unbind(),
        input_kind: match cleaned.input_kind() {
            InputKind::Page => "page",
            InputKind::Article => "article",
        },
        source_text: html.then(|| input.to_string()),
        removed_share: if total == 0 { 0.0 } else { removed_chars as f64 / total as f64 },
        metadata,
    })
}

/// A cleaner: build it once (rules compile here), use it from any thread.
///
/// `select` and `ignore` take selectors (a category, a code prefix, a code or a name);
/// `bias` is "precision", "balanced" or "recall"; `input_kind` forces "page" or "article";
/// `scorer` is "bundled", "none" or the path of a model file; `metadata=True` adds each
/// result's `metadata`.
#[pyclass(frozen, module = "unclutter")]
struct Cleaner {
    inner: unclutter::Cleaner,
    metadata: bool,
}

fn limit_error(e: unclutter::LimitError) -> PyErr {
    PyValueError::new_err(e.to_string())
}

#[pymethods]
impl Cleaner {
    #[new]
    // One argument per Python keyword argument.
    #[allow(clippy::too_many_arguments)]
    #[pyo3(signature = (select=None, ignore=None, bias="balanced", input_kind=None, scorer="bundled", max_bytes=None, max_lines=None, metadata=false))]
    fn new(
        select: Option<Vec<String>>,
        ignore: Option<Vec<String>>,
        bias: &str,
        input_kind: Option<&str>,
        scorer: &str,
        max_bytes: Option<usize>,
        max_lines: Option<usize>,
        metadata: bool,
    ) -> PyResult<Cleaner> {
        let bias = match bias {
            "precision" => Bias::Precision,
            "balanced" => Bias::Balanced,
            "recall" => Bias::Recall,
            other => {
                return Err(PyValueError::new_err(format!(
                    "bias must be \"precision\", \"balanced\" or \"recall\", not {other:?}"
                )))
            }
        };
        let kind = match input_kind {
            None | Some("auto") => None,
            Some("page") => Some(InputKind::Page),
            Some("article") => Some(InputKind::Article),
            Some(other) => {
                return Err(PyValueError::new_err(format!(
                    "input_kind must be \"page\", \"article\" or \"auto\", not {other:?}"
                )))
            }
        };
        let (text_scorer, html_scorer) = match scorer {
            "bundled" => (Some(Scorer::bundled()), Some(Scorer::bundled_html())),
            "none" => (None, None),
            path => {
                let text = std::fs::read_to_string(path).map_err(|e| PyValueError::new_err(format!("{path}: {e}")))?;
                let model = Scorer::parse(&text).map_err(|e| PyValueError::new_err(format!("{path}: {e}")))?;
                if model.is_for_html() {
                    (Some(Scorer::bundled()), Some(model))
                } else {
                    (Some(model), Some(Scorer::bundled_html()))
                }
            }
        };
        let defaults = unclutter::Limits::default();
        let limits = unclutter::Limits {
            max_bytes: max_bytes.unwrap_or(defaults.max_bytes),
            max_lines: max_lines.unwrap_or(defaults.max_lines),
        };
        let inner = unclutter::Cleaner::builder()
            .select(select.unwrap_or_default())
            .ignore(ignore.unwrap_or_default())
            .bias(bias)
            .input_kind(kind)
            .scorer(text_scorer)
            .html_scorer(html_scorer)
            .limits(limits)
            .build()
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        Ok(Cleaner { inner, metadata })
    }

    /// Cleans one document of plain text.
    fn clean(&self, py: Python<'_>, text: String) -> PyResult<CleanResult> {
        let owned = py.detach(|| self.inner.try_clean(&text).map(|c| Owned::text(c, self.metadata)));
        to_python(py, owned.map_err(limit_error)?)
    }

    /// Cleans one HTML page; the offsets index the result's `source_text`.
    fn clean_html(&self, py: Python<'_>, html: String) -> PyResult<CleanResult> {
        let owned = py.detach(|| self.inner.try_clean_html(&html).map(|c| Owned::html(c, &html, self.metadata)));
        to_python(py, owned.map_err(limit_error)?)
    }

    /// Cleans many documents in parallel (on `threads` threads; None: one per core) and
    /// returns the results in order. A document over the limits raises ValueError.
    #[pyo3(signature = (texts, threads=None, html=false))]
    fn clean_many(
        &self,
        py: Python<'_>,
        texts: Vec<String>,
        threads: Option<usize>,
        html: bool,
    ) -> PyResult<Vec<CleanResult>> {
        if threads == Some(0) {
            return Err(PyValueError::new_err("threads must be at least 1 (or None: one per core)"));
        }
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads.unwrap_or(0))
            .build()
            .map_err(|e| PyRuntimeError::new_err(e.to_string()))?;
        let (cleaner, metadata) = (&self.inner, self.metadata);
        let done: Vec<Result<Owned, unclutter::LimitError>> = py.detach(|| {
            pool.install(|| {
                texts
                    .par_iter()
                    .map(|t| {
                        if html {
                            cleaner.try_clean_html(t).map(|c| Owned::html(c, t, metadata))
                        } else {
                            cleaner.try_clean(t).map(|c| Owned::text(c, metadata))
                        }
                    })
                    .collect()
            })
        });
        done.into_iter().map(|d| to_python(py, d.map_err(limit_error)?)).collect()
    }

    /// The codes of the rules this cleaner runs.
    fn rules(&self) -> Vec<&'static str> {
        self.inner.rules().map(|r| r.code()).collect()
    }

    fn __repr__(&self) -> String {
        format!("Cleaner({} rules, bias {:?})", self.inner.rules().count(), self.inner.bias())
    }
}

/// Every rule of the registry: code, name, category, summary, and whether the content scorer
/// decides its removals.
#[pyfunction]
fn rules(py: Python<'_>) -> PyResult<Bound<'_, PyList>> {
    let list = PyList::empty(py);
    for rule in unclutter::RuleId::all() {
        let m = rule.meta();
        let d = PyDict::new(py);
        d.set_item("code", m.code)?;
        d.set_item("name", m.name)?;
        d.set_item("category", m.category.as_str())?;
        d.set_item("summary", m.summary)?;
        d.set_item("scored", rule.is_scored())?;
        list.append(d)?;
    }
    Ok(list)
}

#[pymodule]
fn _unclutter(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Cleaner>()?;
    m.add_class::<CleanResult>()?;
    m.add_class::<Removal>()?;
    m.add_function(wrap_pyfunction!(rules, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
