//! Bytes to text: the character encodings of crawled pages (`encoding_rs`, with `chardetng` for
//! pages that do not say, the pair Firefox uses).
//!
//! HTML is decoded as a browser would: a byte order mark first, then a `<meta charset>` or
//! `<meta http-equiv="Content-Type" content="...; charset=...">` in the first 1,024 bytes, then
//! UTF-8 when the bytes are valid UTF-8, then chardetng's guess. Plain text stays strict UTF-8
//! unless the caller asks for [`TextEncoding::Auto`] (a BOM, valid UTF-8, else a guess) or a
//! label. The spans of a result index the *decoded* text; [`Cleaned::encoding`] names the
//! encoding used.
//!
//! ```
//! use unclutter::{Cleaner, TextEncoding};
//! let latin1 = b"Share\nLe conseil a vot\xe9 mardi.\n";
//! let cleaned = Cleaner::new().clean_bytes(latin1, TextEncoding::Auto).unwrap();
//! assert_eq!(cleaned.text(), "Le conseil a voté mardi.\n");
//! assert_eq!(cleaned.encoding(), Some("windows-1252"));
//! assert!(Cleaner::new().clean_bytes(latin1, TextEncoding::Utf8).is_err());
//! ```
//!
//! [`Cleaned::encoding`]: crate::Cleaned::encoding

use std::borrow::Cow;
use std::fmt;

use encoding_rs::{Encoding, UTF_8};

/// How plain-text bytes are decoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextEncoding {
    /// Strict UTF-8: invalid bytes are an error (the default of the command line).
    Utf8,
    /// A byte order mark, else UTF-8 when valid, else chardetng's guess.
    Auto,
    /// This encoding (a BOM still wins, as in browsers).
    Label(&'static Encoding),
}

impl TextEncoding {
    /// `auto`, `utf-8`, or any WHATWG label (`latin1`, `windows-1252`, `shift_jis`, `gb2312`...).
    ///
    /// ```
    /// use unclutter::TextEncoding;
    /// assert_eq!(TextEncoding::parse("auto"), Ok(TextEncoding::Auto));
    /// assert!(matches!(TextEncoding::parse("latin1"), Ok(TextEncoding::Label(_))));
    /// assert!(TextEncoding::parse("klingon").is_err());
    /// ```
    pub fn parse(label: &str) -> Result<TextEncoding, DecodeError> {
        match label.trim().to_ascii_lowercase().as_str() {
            "auto" => Ok(TextEncoding::Auto),
            "utf-8" | "utf8" => Ok(TextEncoding::Utf8),
            other => Encoding::for_label(other.as_bytes())
                .map(TextEncoding::Label)
                .ok_or_else(|| DecodeError::UnknownLabel(label.to_string())),
        }
    }
}

/// Why bytes could not be decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Strict UTF-8 was asked for, and the bytes are not.
    InvalidUtf8 {
        /// The offset of the first bad byte.
        at: usize,
    },
    /// Not an encoding label encoding_rs knows.
    UnknownLabel(String),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::InvalidUtf8 { at } => write!(f, "invalid UTF-8 at byte {at}"),
            DecodeError::UnknownLabel(label) => write!(f, "unknown encoding {label:?}"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Decodes plain text; returns the text and the encoding's name.
pub fn decode_text(bytes: &[u8], how: TextEncoding) -> Result<(Cow<'_, str>, &'static str), DecodeError> {
    let encoding = match how {
        TextEncoding::Utf8 => {
            let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            let text = std::str::from_utf8(bytes).map_err(|e| DecodeError::InvalidUtf8 { at: e.valid_up_to() })?;
            return Ok((Cow::Borrowed(text), UTF_8.name()));
        }
        TextEncoding::Label(encoding) => Encoding::for_bom(bytes).map_or(encoding, |(e, _)| e),
        TextEncoding::Auto => Encoding::for_bom(bytes).map(|(e, _)| e).unwrap_or_else(|| guess(bytes)),
    };
    let (text, used, _) = encoding.decode(bytes);
    Ok((text, used.name()))
}

/// Decodes an HTML page as a browser would (module docs); returns the text and the encoding's
/// name. Malformed bytes become U+FFFD, as in browsers.
pub fn decode_html(bytes: &[u8]) -> (Cow<'_, str>, &'static str) {
    let encoding = Encoding::for_bom(bytes)
        .map(|(e, _)| e)
        .or_else(|| declared(&bytes[..bytes.len().min(1024)]))
        .unwrap_or_else(|| guess(bytes));
    let (text, used, _) = encoding.decode(bytes);
    (text, used.name())
}

/// UTF-8 when the bytes are valid UTF-8, else chardetng's guess over them.
fn guess(bytes: &[u8]) -> &'static Encoding {
    if std::str::from_utf8(bytes).is_ok() {
        return UTF_8;
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    detector.guess(None, true)
}

/// The encoding a `<meta>` in `head` declares: `charset=...` in a meta tag's attributes (a
/// `charset` attribute, or an `http-equiv` content type). As in browsers, a UTF-16 declaration
/// in a byte stream that decodes as ASCII means UTF-8.
fn declared(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut at = 0;
    while let Some(found) = memchr::memmem::find(&lower[at..], b"<meta") {
        let start = at + found + 5;
        let end = memchr::memchr(b'>', &lower[start..]).map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(pos) = memchr::memmem::find(tag, b"charset") {
            let rest = &tag[pos + 7..];
            let rest = rest.strip_prefix(b" ").unwrap_or(rest);
            if let Some(value) = rest.strip_prefix(b"=") {
                let value = value.trim_ascii_start();
                let value = value.strip_prefix(b"\"").or_else(|| value.strip_prefix(b"'")).unwrap_or(value);
                let len = value
                    .iter()
                    .position(|b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>' | b'\t' | b'\n' | b'\r'))
                    .unwrap_or(value.len());
                if let Some(encoding) = Encoding::for_label(&value[..len]) {
                    return Some(if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
                        UTF_8
                    } else if encoding == encoding_rs::X_USER_DEFINED {
                        encoding_rs::WINDOWS_1252
                    } else {
                        encoding
                    });
                }
            }
        }
        at = end.min(lower.len());
        if at >= lower.len() {
            break;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_declarations_are_read() {
        for (head, name) in [
            (&b"<html><head><meta charset=\"shift_jis\">"[..], "Shift_JIS"),
            (b"<meta charset='ISO-8859-2'/>", "ISO-8859-2"),
            (b"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=windows-1251\">", "windows-1251"),
            (b"<meta charset=utf-16>", "UTF-8"),
            (b"<meta charset=gb2312>", "GBK"),
        ] {
            assert_eq!(declared(head).map(Encoding::name), Some(name), "{}", String::from_utf8_lossy(head));
        }
        assert_eq!(declared(b"<meta name=viewport content=\"width=device-width\">"), None);
        assert_eq!(declared(b"<meta charset=klingon>"), None);
        assert_eq!(declared(b"<p>charset=latin1</p>"), None, "only in a meta tag");
    }

    #[test]
    fn a_bom_wins_and_utf8_stays_utf8() {
        assert_eq!(decode_html(b"\xEF\xBB\xBF<meta charset=latin1><p>caf\xC3\xA9").1, "UTF-8");
        assert_eq!(decode_html("<p>café</p>".as_bytes()), (Cow::Borrowed("<p>café</p>"), "UTF-8"));
        let (text, name) = decode_text(b"\xFF\xFEh\x00i\x00", TextEncoding::Auto).unwrap();
        assert_eq!((text.as_ref(), name), ("hi", "UTF-16LE"));
        assert_eq!(decode_text(b"caf\xe9", TextEncoding::Utf8), Err(DecodeError::InvalidUtf8 { at: 3 }));
        assert_eq!(decode_text(b"\xEF\xBB\xBFok", TextEncoding::Utf8).unwrap().0, "ok");
    }
}
