//! Inputs and outputs by name: `-` is standard input or output; a name ending in `.gz` or `.zst`
//! is read decompressed and written compressed (flate2, zstd). An output file is written under
//! a temporary name beside it and renamed only when complete, so a run that fails leaves no
//! half-written file behind as if it were whole. A name that is not a regular file (`/dev/null`,
//! a named pipe, a terminal) is written in place: renaming over it would replace the device
//! with a file. A symbolic link is followed, so the file it points to is the one replaced.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

/// How a file name says it is compressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compression {
    None,
    Gzip,
    Zstd,
}

impl Compression {
    pub fn of(path: &Path) -> Compression {
        match path.extension().and_then(|e| e.to_str()) {
            Some("gz") => Compression::Gzip,
            Some("zst") => Compression::Zstd,
            _ => Compression::None,
        }
    }
}

/// The name an input is reported by: its path, or `<stdin>`.
pub fn display_name(path: Option<&Path>) -> String {
    match path {
        Some(p) if p.as_os_str() != "-" => p.display().to_string(),
        _ => "<stdin>".to_string(),
    }
}

/// All of `reader`, or `Ok(None)` when it holds more than `max_bytes` (reading stops one byte
/// past the limit, so an endless input is not read whole).
///
/// ```
/// assert_eq!(unclutter_cli::io::read_at_most(&b"abc"[..], 3).unwrap(), Some(b"abc".to_vec()));
/// assert_eq!(unclutter_cli::io::read_at_most(&b"abcd"[..], 3).unwrap(), None);
/// ```
pub fn read_at_most(reader: impl Read, max_bytes: usize) -> io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    let limit = u64::try_from(max_bytes).unwrap_or(u64::MAX).saturating_add(1);
    reader.take(limit).read_to_end(&mut bytes)?;
    Ok((bytes.len() <= max_bytes).then_some(bytes))
}

/// Opens an input for reading, decompressed when its name says so; `None` or `-` is stdin.
pub fn open(path: Option<&Path>) -> io::Result<Box<dyn BufRead + Send>> {
    let name = display_name(path);
    let with_name = |e: io::Error| io::Error::new(e.kind(), format!("{name}: {e}"));
    let (raw, compression): (Box<dyn Read + Send>, Compression) = match path {
        Some(p) if p.as_os_str() != "-" => (Box::new(File::open(p).map_err(with_name)?), Compression::of(p)),
        _ => (Box::new(io::stdin()), Compression::None),
    };
    const BUFFER: usize = 1 << 16;
    Ok(match compression {
        Compression::None => Box::new(BufReader::with_capacity(BUFFER, raw)),
        Compression::Gzip => {
            Box::new(BufReader::with_capacity(BUFFER, flate2::read::MultiGzDecoder::new(BufReader::new(raw))))
        }
        Compression::Zstd => Box::new(BufReader::with_capacity(BUFFER, zstd::Decoder::new(raw).map_err(with_name)?)),
    })
}

/// Where output goes: standard output, or a file written under a temporary name.
pub struct Output {
    sink: Sink,
    /// The temporary file and the final name, for a file output.
    file: Option<(PathBuf, PathBuf)>,
}

enum Sink {
    Stdout(BufWriter<io::Stdout>),
    Plain(BufWriter<File>),
    Gzip(flate2::write::GzEncoder<BufWriter<File>>),
    Zstd(zstd::Encoder<'static, BufWriter<File>>),
    /// Finished or failed: nothing more is written.
    Closed,
}

impl Sink {
    fn new(file: File, compression: Compression) -> io::Result<Sink> {
        let file = BufWriter::with_capacity(1 << 16, file);
        Ok(match compression {
            Compression::None => Sink::Plain(file),
            Compression::Gzip => Sink::Gzip(flate2::write::GzEncoder::new(file, flate2::Compression::default())),
            Compression::Zstd => Sink::Zstd(zstd::Encoder::new(file, 3)?),
        })
    }
}

impl Output {
    /// Standard output for `None` or `-`; otherwise `path`, compressed when its name says so.
    pub fn create(path: Option<&Path>) -> io::Result<Output> {
        let Some(path) = path.filter(|p| p.as_os_str() != "-") else {
            return Ok(Output { sink: Sink::Stdout(BufWriter::with_capacity(1 << 16, io::stdout())), file: None });
        };
        let name = path.display().to_string();
        let with_name = |e: io::Error| io::Error::new(e.kind(), format!("{name}: {e}"));
        let compression = Compression::of(path);
        let existing = std::fs::metadata(path).ok();
        if existing.as_ref().is_some_and(|m| !m.is_file()) {
            // A device, a named pipe or a directory: written in place (opening a directory fails
            // with its name).
            let file = std::fs::OpenOptions::new().write(true).open(path).map_err(with_name)?;
            return Ok(Output { sink: Sink::new(file, compression).map_err(with_name)?, file: None });
        }
        let resolved;
        let path = if existing.is_some() && path.symlink_metadata().is_ok_and(|m| m.file_type().is_symlink()) {
            resolved = std::fs::canonicalize(path).map_err(with_name)?;
            resolved.as_path()
        } else {
            path
        };
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(with_name)?;
        }
        let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let temp = path.with_file_name(format!(".{file_name}.unclutter-{}.tmp", std::process::id()));
        let file = File::create(&temp).map_err(with_name)?;
        let sink = Sink::new(file, compression).map_err(with_name)?;
        Ok(Output { sink, file: Some((temp, path.to_path_buf())) })
    }

    /// Flushes and, for a file, finishes its compression and gives it its final name.
    pub fn finish(mut self) -> io::Result<()> {
        match std::mem::replace(&mut self.sink, Sink::Closed) {
            Sink::Stdout(mut w) => w.flush()?,
            Sink::Plain(mut w) => w.flush()?,
            Sink::Gzip(w) => w.finish()?.flush()?,
            Sink::Zstd(w) => w.finish()?.flush()?,
            Sink::Closed => {}
        }
        if let Some((temp, path)) = self.file.take() {
            std::fs::rename(&temp, &path).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
        }
        Ok(())
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.sink {
            Sink::Stdout(w) => w.write(buf),
            Sink::Plain(w) => w.write(buf),
            Sink::Gzip(w) => w.write(buf),
            Sink::Zstd(w) => w.write(buf),
            Sink::Closed => Err(io::Error::other("output already finished")),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.sink {
            Sink::Stdout(w) => w.flush(),
            Sink::Plain(w) => w.flush(),
            Sink::Gzip(w) => w.flush(),
            Sink::Zstd(w) => w.flush(),
            Sink::Closed => Ok(()),
        }
    }
}

impl Drop for Output {
    /// An output dropped before [`Output::finish`] (a failed run) leaves no file behind.
    fn drop(&mut self) {
        if let Some((temp, _)) = self.file.take() {
            self.sink = Sink::Closed;
            let _ = std::fs::remove_file(temp);
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::FileTypeExt;

    #[test]
    fn a_named_pipe_is_written_in_place_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("skipped: mkfifo is not available");
            return;
        }
        // The reader opens the pipe by a second name, so that a pipe renamed over (the failure
        // this guards against) can still be opened for writing and the reader let go.
        let second = dir.path().join("same-pipe");
        std::fs::hard_link(&fifo, &second).unwrap();
        let reader = {
            let second = second.clone();
            std::thread::spawn(move || std::fs::read(second).unwrap())
        };
        let mut out = Output::create(Some(&fifo)).unwrap();
        out.write_all(b"kept\n").unwrap();
        out.finish().unwrap();
        let still_a_pipe = std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo();
        if !still_a_pipe {
            drop(std::fs::OpenOptions::new().write(true).open(&second));
        }
        assert!(still_a_pipe, "the pipe was replaced");
        assert_eq!(reader.join().unwrap(), b"kept\n");
    }

    #[test]
    fn a_symbolic_link_keeps_pointing_at_the_written_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("target.txt");
        std::fs::write(&target, "old").unwrap();
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let mut out = Output::create(Some(&link)).unwrap();
        out.write_all(b"new").unwrap();
        out.finish().unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
    }

    #[test]
    fn a_regular_file_is_replaced_whole_and_no_temporary_stays() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.txt");
        std::fs::write(&path, "old and longer").unwrap();
        let mut out = Output::create(Some(&path)).unwrap();
        out.write_all(b"new").unwrap();
        out.finish().unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
