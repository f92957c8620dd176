//! Finding the shared development set and reading its folders.

use std::fmt;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::measure::{Bag, Snippets};

/// The shared folder beside the workspace root (`../shared`, holding `devset/` and `tools/`),
/// or `None` when it is absent, as it is outside the development machine.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    fs::canonicalize(dir).ok().filter(|dir| dir.is_dir())
}

/// The devset folder `name` (`aeb`, `readability`, `trafilatura_eval`, `wcxb_dev`) of the
/// [`shared_dir`], or `None` when it is absent.
///
/// ```no_run
/// let Some(dir) = unclutter_eval::devset_dir("aeb") else {
///     eprintln!("skipping: ../shared/devset/aeb is absent");
///     return;
/// };
/// let devset = unclutter_eval::Devset::load(&dir).expect("a readable devset");
/// assert_eq!(devset.name(), "aeb");
/// ```
pub fn devset_dir(name: &str) -> Option<PathBuf> {
    Some(shared_dir()?.join("devset").join(name)).filter(|dir| dir.is_dir())
}

/// One line of a folder's `index.jsonl`; fields it does not name are ignored.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct Entry {
    /// The page's id: its files are `<id>.dump.txt` and so on.
    pub id: String,
    /// The page's site (`wired.com`), where the index gives one (it may be empty).
    #[serde(default)]
    pub site: Option<String>,
    /// The page's domain (wcxb_dev), the unit to group by when making folds.
    #[serde(default)]
    pub domain: Option<String>,
    /// The page's address, where the index gives one.
    #[serde(default)]
    pub url: Option<String>,
    /// The page's language code, where the index gives one.
    #[serde(default)]
    pub lang: Option<String>,
    /// The page's type (wcxb_dev: `article`, `service`, `forum`, `product`, `collection`,
    /// `listing`, `documentation`).
    #[serde(default)]
    pub page_type: Option<String>,
    /// A small synthetic test page rather than a real one (readability's lorem-ipsum cases).
    #[serde(default, deserialize_with = "null_is_false")]
    pub synthetic_test: bool,
}

fn null_is_false<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    Ok(Option::<bool>::deserialize(deserializer)?.unwrap_or(false))
}

impl Entry {
    /// What to call the page in a list: its site, else its domain, else its address, else `-`.
    pub fn label(&self) -> &str {
        [&self.site, &self.domain, &self.url].into_iter().flatten().find(|s| !s.is_empty()).map_or("-", String::as_str)
    }

    /// What cross-validation groups pages by: the domain, else the site, else the label (a
    /// page of its own).
    pub fn group(&self) -> &str {
        [&self.domain, &self.site].into_iter().flatten().find(|s| !s.is_empty()).map_or(self.label(), String::as_str)
    }

    /// The fold, of `folds`, that the page's group falls in: FNV-1a of the lower-cased group,
    /// so that every page of a site lands in the same fold, in training and in evaluation.
    ///
    /// ```
    /// let entry = |domain: &str| unclutter_eval::Entry { domain: Some(domain.into()), ..Default::default() };
    /// assert_eq!(entry("example.com").fold(5), entry("Example.com").fold(5));
    /// assert!(entry("example.org").fold(5) < 5);
    /// ```
    pub fn fold(&self, folds: usize) -> usize {
        let hash = unclutter_text::hash::fnv1a(self.group().bytes().map(|b| b.to_ascii_lowercase()));
        (hash % folds.max(1) as u64) as usize
    }
}

/// What a page's output is scored against.
#[derive(Clone, Debug)]
pub enum Gold {
    /// The article's full text (`<id>.gold.txt`).
    Text {
        /// The text as read.
        text: String,
        /// Its tokens, counted once at load.
        tokens: Bag,
    },
    /// Strings the output must and must not contain (`<id>.snippets.json`).
    Snippets(Snippets),
}

/// A devset page, read into memory.
#[derive(Clone, Debug)]
pub struct Page {
    /// The page's line of the index.
    pub entry: Entry,
    /// The page's full visible text (`<id>.dump.txt`), the input of text mode.
    pub dump: String,
    /// The page's HTML, once [`Devset::load_html`] has read it.
    pub html: Option<String>,
    /// Another tool's text of the page (an HTML extractor's output), once [`Devset::load_inputs`]
    /// has read it: it then stands in for the dump as the input of text mode and as the baseline
    /// the output is compared with (see [`Page::text_input`]).
    pub input: Option<String>,
    /// What the output is scored against.
    pub gold: Gold,
}

impl Page {
    /// The text that text mode cleans: the [`input`](Page::input) when one was read, else the
    /// [`dump`](Page::dump). Scores call it the baseline, the text "as is".
    ///
    /// ```
    /// # fn demo(devset: &mut unclutter_eval::Devset) -> Result<(), unclutter_eval::LoadError> {
    /// let page = &devset.pages()[0];
    /// assert_eq!(page.text_input(), page.dump); // no inputs read yet
    /// devset.load_inputs("/tmp/trafilatura/aeb")?;
    /// let page = &devset.pages()[0];
    /// assert_eq!(Some(page.text_input()), page.input.as_deref());
    /// # Ok(())
    /// # }
    /// ```
    pub fn text_input(&self) -> &str {
        self.input.as_deref().unwrap_or(&self.dump)
    }
}

/// A devset folder: its index and every page it lists, in index order.
#[derive(Clone, Debug)]
pub struct Devset {
    dir: PathBuf,
    name: String,
    pages: Vec<Page>,
}

impl Devset {
    /// Reads the folder's `index.jsonl` and, for each page, its dump and its gold: `<id>.gold.txt`
    /// when present, else `<id>.snippets.json`. The HTML is left for [`Devset::load_html`].
    pub fn load(dir: impl AsRef<Path>) -> Result<Devset, LoadError> {
        let dir = dir.as_ref();
        let index_path = dir.join("index.jsonl");
        let index = read(&index_path)?;
        let mut pages = Vec::new();
        for (n, line) in index.lines().enumerate().filter(|(_, line)| !line.trim().is_empty()) {
            let entry: Entry = serde_json::from_str(line).map_err(|source| LoadError::Json {
                path: index_path.clone(),
                line: Some(n + 1),
                source,
            })?;
            let dump = read(&dir.join(format!("{}.dump.txt", entry.id)))?;
            let gold = read_gold(dir, &entry.id)?;
            pages.push(Page { entry, dump, html: None, input: None, gold });
        }
        let name =
            dir.file_name().map_or_else(|| dir.display().to_string(), |name| name.to_string_lossy().into_owned());
        Ok(Devset { dir: dir.to_path_buf(), name, pages })
    }

    /// Reads each page's HTML: `<id>.html`, else `<id>.html.gz` (wcxb_dev ships its pages
    /// gzip-compressed as the benchmark does).
    ///
    /// Decompressed HTML is decoded lossily: a few wcxb_dev pages hold bytes that are not UTF-8,
    /// and as evaluation input a replacement character is better than leaving the page out. A
    /// plain `<id>.html` must be valid UTF-8, as the devset README promises.
    pub fn load_html(&mut self) -> Result<(), LoadError> {
        for page in &mut self.pages {
            page.html = Some(read_html(&self.dir, &page.entry.id)?);
        }
        Ok(())
    }

    /// Reads each page's text from `inputs/<id>.txt`, another tool's output for the page (such
    /// as a folder of the cache `scripts/extractors.py` writes), into [`Page::input`], so that
    /// text mode cleans it instead of the dump and scores compare with it.
    ///
    /// Every page of the index must have its file (an empty file is an empty output): a missing
    /// one is an error, so that a partly filled folder is not scored as if the tool had returned
    /// nothing. Files must be UTF-8, as `scripts/extractors.py` writes them. On an error no page
    /// is changed.
    pub fn load_inputs(&mut self, inputs: impl AsRef<Path>) -> Result<(), LoadError> {
        let inputs = inputs.as_ref();
        let mut texts = Vec::with_capacity(self.pages.len());
        for page in &self.pages {
            let path = inputs.join(format!("{}.txt", page.entry.id));
            if !path.exists() {
                return Err(LoadError::NoInput { dir: inputs.to_path_buf(), id: page.entry.id.clone() });
            }
            texts.push(read(&path)?);
        }
        for (page, text) in self.pages.iter_mut().zip(texts) {
            page.input = Some(text);
        }
        Ok(())
    }

    /// The folder's name (`aeb`), as score.py reports it.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The pages, in index order.
    pub fn pages(&self) -> &[Page] {
        &self.pages
    }
}

/// The file's text; invalid UTF-8 is an error.
fn read(path: &Path) -> Result<String, LoadError> {
    fs::read_to_string(path).map_err(|source| LoadError::Io { path: path.to_path_buf(), source })
}

fn read_gold(dir: &Path, id: &str) -> Result<Gold, LoadError> {
    let gold_path = dir.join(format!("{id}.gold.txt"));
    if gold_path.exists() {
        let text = read(&gold_path)?;
        return Ok(Gold::Text { tokens: Bag::of(&text), text });
    }
    let snippets_path = dir.join(format!("{id}.snippets.json"));
    if !snippets_path.exists() {
        return Err(LoadError::NoGold { dir: dir.to_path_buf(), id: id.to_owned() });
    }
    #[derive(Deserialize)]
    struct SnippetsFile {
        with: Vec<String>,
        without: Vec<String>,
    }
    let file: SnippetsFile = serde_json::from_str(&read(&snippets_path)?).map_err(|source| LoadError::Json {
        path: snippets_path,
        line: None,
        source,
    })?;
    Ok(Gold::Snippets(Snippets::new(file.with, file.without)))
}

fn read_html(dir: &Path, id: &str) -> Result<String, LoadError> {
    let html_path = dir.join(format!("{id}.html"));
    if html_path.exists() {
        return read(&html_path);
    }
    let gz_path = dir.join(format!("{id}.html.gz"));
    if !gz_path.exists() {
        return Err(LoadError::NoHtml { dir: dir.to_path_buf(), id: id.to_owned() });
    }
    let io_error = |source| LoadError::Io { path: gz_path.clone(), source };
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(fs::File::open(&gz_path).map_err(io_error)?)
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    Ok(String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}

/// Why a devset folder could not be read.
#[derive(Debug)]
#[non_exhaustive]
pub enum LoadError {
    /// A file could not be read (missing, unreadable, invalid UTF-8, a broken gzip stream).
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
    /// An index line or a snippets file is not the JSON expected.
    Json {
        /// The file.
        path: PathBuf,
        /// The line, for the index.
        line: Option<usize>,
        /// The cause.
        source: serde_json::Error,
    },
    /// A page has neither a `.gold.txt` nor a `.snippets.json`.
    NoGold {
        /// The folder.
        dir: PathBuf,
        /// The page.
        id: String,
    },
    /// A page has neither a `.html` nor a `.html.gz`.
    NoHtml {
        /// The folder.
        dir: PathBuf,
        /// The page.
        id: String,
    },
    /// A folder of inputs has no `<id>.txt` for a page of the index.
    NoInput {
        /// The folder of inputs.
        dir: PathBuf,
        /// The page.
        id: String,
    },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Io { path, source } => write!(f, "{}: {source}", path.display()),
            LoadError::Json { path, line: Some(line), source } => write!(f, "{}:{line}: {source}", path.display()),
            LoadError::Json { path, line: None, source } => write!(f, "{}: {source}", path.display()),
            LoadError::NoGold { dir, id } => {
                write!(f, "{}: page {id} has neither a .gold.txt nor a .snippets.json", dir.display())
            }
            LoadError::NoHtml { dir, id } => {
                write!(f, "{}: page {id} has neither a .html nor a .html.gz", dir.display())
            }
            LoadError::NoInput { dir, id } => write!(f, "{}: no {id}.txt for page {id}", dir.display()),
        }
    }
}

impl std::error::Error for LoadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            LoadError::Io { source, .. } => Some(source),
            LoadError::Json { source, .. } => Some(source),
            LoadError::NoGold { .. } | LoadError::NoHtml { .. } | LoadError::NoInput { .. } => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    /// A scratch devset folder, removed on drop.
    struct Scratch(PathBuf);

    impl Scratch {
        fn new(name: &str) -> Scratch {
            let dir = std::env::temp_dir().join(format!("unclutter-eval-{}-{name}", std::process::id()));
            let _ = fs::remove_dir_all(&dir);
            fs::create_dir_all(&dir).expect("temp dir");
            Scratch(dir)
        }

        fn write(&self, file: &str, bytes: &[u8]) {
            fs::write(self.0.join(file), bytes).expect("write");
        }
    }

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn a_folder_reads_in_index_order_with_either_gold() {
        let set = Scratch::new("both");
        set.write(
            "index.jsonl",
            b"{\"id\": \"b\", \"site\": \"\", \"url\": \"https://b.example/\", \"synthetic_test\": true}\n\n\
              {\"id\": \"a\", \"domain\": \"a.example\", \"page_type\": \"forum\", \"synthetic_test\": null}\n",
        );
        set.write("b.dump.txt", b"Menu\nThe text");
        set.write("b.gold.txt", b"The text");
        set.write("a.dump.txt", b"Share this\nThe post");
        set.write("a.snippets.json", br#"{"with": ["The  post"], "without": ["Share this"]}"#);
        let devset = Devset::load(&set.0).expect("loads");
        assert_eq!(devset.name(), set.0.file_name().unwrap().to_str().unwrap());
        let [b, a] = devset.pages() else { panic!("two pages") };
        assert_eq!((b.entry.id.as_str(), b.entry.label(), b.entry.synthetic_test), ("b", "https://b.example/", true));
        assert!(matches!(&b.gold, Gold::Text { text, tokens } if text == "The text" && tokens.len() == 2));
        assert_eq!(
            (a.entry.label(), a.entry.page_type.as_deref(), a.entry.synthetic_test),
            ("a.example", Some("forum"), false)
        );
        assert!(matches!(&a.gold, Gold::Snippets(s) if s.with() == ["The post"] && s.without() == ["Share this"]));
        assert!(a.html.is_none());
    }

    #[test]
    fn gzipped_html_is_read_and_decoded_lossily() {
        let set = Scratch::new("gz");
        set.write("index.jsonl", b"{\"id\": \"p\"}\n{\"id\": \"q\"}\n");
        for id in ["p", "q"] {
            set.write(&format!("{id}.dump.txt"), b"text");
            set.write(&format!("{id}.gold.txt"), b"text");
        }
        set.write("p.html", "<p>caf\u{e9}</p>".as_bytes());
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(b"<p>caf\xe9</p>").expect("compress");
        set.write("q.html.gz", &gz.finish().expect("compress"));
        let mut devset = Devset::load(&set.0).expect("loads");
        devset.load_html().expect("reads the HTML");
        let html: Vec<_> = devset.pages().iter().map(|page| page.html.as_deref().unwrap()).collect();
        assert_eq!(html, ["<p>caf\u{e9}</p>", "<p>caf\u{fffd}</p>"]);
    }

    #[test]
    fn inputs_stand_in_for_the_dump_and_must_all_be_there() {
        let set = Scratch::new("inputs-set");
        set.write("index.jsonl", b"{\"id\": \"p\"}\n{\"id\": \"q\"}\n");
        for id in ["p", "q"] {
            set.write(&format!("{id}.dump.txt"), b"Menu\nThe text");
            set.write(&format!("{id}.gold.txt"), b"The text");
        }
        let inputs = Scratch::new("inputs");
        inputs.write("p.txt", b"The text\nShare this");
        let mut devset = Devset::load(&set.0).expect("loads");
        assert_eq!(devset.pages()[0].text_input(), "Menu\nThe text", "the dump until inputs are read");

        assert_eq!(
            devset.load_inputs(&inputs.0).unwrap_err().to_string(),
            format!("{}: no q.txt for page q", inputs.0.display())
        );
        assert!(devset.pages().iter().all(|page| page.input.is_none()), "no page changed on an error");

        inputs.write("q.txt", b"");
        devset.load_inputs(&inputs.0).expect("reads every input");
        let texts: Vec<_> = devset.pages().iter().map(Page::text_input).collect();
        assert_eq!(texts, ["The text\nShare this", ""], "an empty file is an empty input, not the dump");
        assert_eq!(devset.pages()[0].dump, "Menu\nThe text");

        inputs.write("q.txt", b"caf\xe9");
        let error = devset.load_inputs(&inputs.0).unwrap_err();
        assert!(matches!(&error, LoadError::Io { path, .. } if path.ends_with("q.txt")), "{error}");
    }

    #[test]
    fn errors_name_the_file_and_the_page() {
        let set = Scratch::new("errors");
        let error = Devset::load(&set.0).unwrap_err().to_string();
        assert!(error.starts_with(&format!("{}: ", set.0.join("index.jsonl").display())), "{error}");

        set.write("index.jsonl", b"{\"id\": \"p\"}\n{\"site\": \"x\"}\n");
        set.write("p.dump.txt", b"text");
        assert_eq!(
            Devset::load(&set.0).unwrap_err().to_string(),
            format!("{}: page p has neither a .gold.txt nor a .snippets.json", set.0.display())
        );
        set.write("p.gold.txt", b"text");
        let error = Devset::load(&set.0).unwrap_err().to_string();
        assert!(
            error.starts_with(&format!("{}:2: missing field `id`", set.0.join("index.jsonl").display())),
            "{error}"
        );

        set.write("index.jsonl", b"{\"id\": \"p\"}\n");
        let mut devset = Devset::load(&set.0).expect("loads");
        assert_eq!(
            devset.load_html().unwrap_err().to_string(),
            format!("{}: page p has neither a .html nor a .html.gz", set.0.display())
        );
    }
}
