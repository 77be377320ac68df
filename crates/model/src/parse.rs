//! Parsing and validation: JSON text (or bytes) → [`Document`], or every
//! error found, each with its JSON path and, where known, line and column.
//!
//! Stages:
//! 1. bytes: size limit, BOM, UTF-8 check with a guess at the legacy
//!    Vietnamese encoding when it is not UTF-8 ([`parse_bytes`]);
//! 2. a non-recursive pre-scan rejects nesting deeper than
//!    [`MAX_JSON_DEPTH`] (no stack overflow, whatever the input);
//! 3. serde (with `serde_path_to_error`) reads the raw types of
//!    [`crate::types`]: syntax errors, wrong types, unknown and missing fields
//!    stop here, one at a time, with path, line and column;
//! 4. validation collects *all* semantic errors (dates, numbers, markup,
//!    ranges, …) with their paths; their line and column are found by
//!    locating the path in the source.

use std::collections::HashSet;
use std::fmt;

use chrono::NaiveDate;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::doc::*;
use crate::doctype::DocType;
use crate::format::derive_symbol;
use crate::lang::{Lang, Msg};
use crate::locate;
use crate::markup::{MarkupError, parse_inline};
use crate::types::*;

/// Largest accepted input, in bytes (16 MiB): far beyond any real document,
/// small enough that parsing stays fast and memory bounded.
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

/// Deepest nesting of blocks (a heading's body, a list item, a division's
/// body each go one level down); real documents use fewer than ten.
pub const MAX_DEPTH: usize = 32;

/// Deepest nesting of JSON arrays and objects, checked before serde runs (a
/// block level costs two or three JSON levels, so this leaves room for
/// [`MAX_DEPTH`] blocks). Kept below serde_json's own limit of 128 so the
/// user gets this clear message instead of "recursion limit exceeded".
pub const MAX_JSON_DEPTH: usize = 120;

/// Most blocks in one document (body and appendices, list items and table
/// rows included).
pub const MAX_BLOCKS: usize = 100_000;

/// Most table cells in one document (a 10,000-row register of 10 columns
/// is 100,000): bounds the typesetter's work and memory.
pub const MAX_TABLE_CELLS: usize = 500_000;

/// Most line breaks (`\n`) in one document: a real document has a few
/// hundred; 100,000 empty lines would already be over 3,000 pages.
pub const MAX_LINE_BREAKS: usize = 100_000;

/// Most footnotes in one document.
pub const MAX_FOOTNOTES: usize = 10_000;

/// At most this many errors are listed; the rest are counted in a last one.
pub const MAX_REPORTED_ERRORS: usize = 100;

/// Single line spacing of a Times-metric font, in em (ascent 0.891 + descent
/// 0.216 + line gap 0.042, see docs/traps.md): the lower bound of an exact
/// line pitch ("at least single", Decree 30 App. I §II.6.e).
pub const SINGLE_LINE_EM: f64 = 1.149;

/// The class of an [`Error`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The bytes are not UTF-8 (or are UTF-16).
    Encoding,
    /// The text is not valid JSON.
    Syntax,
    /// Valid JSON of the wrong shape: wrong type, unknown or missing field.
    Structure,
    /// A size, count or nesting limit was exceeded.
    Limit,
    /// A value is wrong: impossible date, number 0, unknown type, empty text, …
    Value,
    /// Inline markup is malformed (unclosed `*`, `**` or `^[`).
    Markup,
}

/// One error, with where it is.
///
/// Everything an API needs is a field: the JSON path, line and column, the
/// class, the message and the hint in both languages, and the offending
/// source line (to show with a caret under the column).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.render(Lang::Vi))]
pub struct Error {
    /// JSON path such as `body[3].body[1].heading`; empty for the whole document.
    pub path: String,
    /// 1-based line in the input, when known.
    pub line: Option<usize>,
    /// 1-based column in the input (in characters), when known.
    pub column: Option<usize>,
    /// What is wrong, in plain words, in Vietnamese and English.
    pub message: Msg,
    /// What to type instead, when vanban can tell.
    pub hint: Option<Msg>,
    /// The input line at [`Error::line`] (syntax errors), shown with a caret.
    pub source_line: Option<String>,
    /// The class of error.
    pub kind: ErrorKind,
}

impl Error {
    /// A new error without position.
    pub fn new(kind: ErrorKind, path: impl Into<String>, message: Msg) -> Error {
        Error {
            path: path.into(),
            line: None,
            column: None,
            message,
            hint: None,
            source_line: None,
            kind,
        }
    }

    /// The same error with a hint.
    pub fn with_hint(mut self, hint: Msg) -> Error {
        self.hint = Some(hint);
        self
    }

    /// The path as shown to users: "(document)" for the root.
    pub fn display_path(&self) -> &str {
        self.display_path_in(Lang::En)
    }

    /// The path as shown to users in `lang`: "(văn bản)"/"(document)" for the root.
    pub fn display_path_in(&self, lang: Lang) -> &str {
        if self.path.is_empty() {
            match lang {
                Lang::Vi => "(văn bản)",
                Lang::En => "(document)",
            }
        } else {
            &self.path
        }
    }

    /// The error in `lang`: `path: message (line L, column C)`, then the
    /// hint and the offending line with a caret, each on a line of its own.
    pub fn render(&self, lang: Lang) -> String {
        let mut s = format!("{}: {}", self.display_path_in(lang), self.message.get(lang));
        let (line_w, col_w) = match lang {
            Lang::Vi => ("dòng", "cột"),
            Lang::En => ("line", "column"),
        };
        match (self.line, self.column) {
            (Some(l), Some(c)) => s.push_str(&format!(" ({line_w} {l}, {col_w} {c})")),
            (Some(l), None) => s.push_str(&format!(" ({line_w} {l})")),
            _ => {}
        }
        if let Some(h) = &self.hint {
            let label = match lang {
                Lang::Vi => "Gợi ý",
                Lang::En => "Hint",
            };
            s.push_str(&format!("\n  {label}: {}", h.get(lang)));
        }
        if let (Some(src), Some(l)) = (&self.source_line, self.line) {
            let (shown, caret) = crate::hint::caret_line(src, self.column.unwrap_or(1));
            let gutter = format!("{l} | ");
            s.push_str(&format!(
                "\n  {gutter}{shown}\n  {}{caret}",
                " ".repeat(gutter.chars().count())
            ));
        }
        s
    }
}

/// All the errors found in one input; never empty. Displays one per line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Errors(Vec<Error>);

impl fmt::Display for Errors {
    /// Every error in Vietnamese (the default language), one per line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::Vi))
    }
}

impl Errors {
    /// Wraps a list of errors; `None` if it is empty.
    pub fn from_vec(errors: Vec<Error>) -> Option<Errors> {
        if errors.is_empty() {
            None
        } else {
            Some(Errors(errors))
        }
    }

    /// A single error.
    pub fn single(error: Error) -> Errors {
        Errors(vec![error])
    }

    /// The errors, in input order (syntax first).
    pub fn errors(&self) -> &[Error] {
        &self.0
    }

    /// The first error.
    pub fn first(&self) -> Option<&Error> {
        self.0.first()
    }

    /// Number of errors (at least 1).
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Always `false`: there is at least one error.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Iterates over the errors.
    pub fn iter(&self) -> std::slice::Iter<'_, Error> {
        self.0.iter()
    }

    /// Every error in `lang`, one after the other, separated by line feeds.
    pub fn render(&self, lang: Lang) -> String {
        let v: Vec<String> = self.0.iter().map(|e| e.render(lang)).collect();
        v.join("\n")
    }

    /// The errors as a vector.
    pub fn into_vec(self) -> Vec<Error> {
        self.0
    }
}

impl IntoIterator for Errors {
    type Item = Error;
    type IntoIter = std::vec::IntoIter<Error>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Errors {
    type Item = &'a Error;
    type IntoIter = std::slice::Iter<'a, Error>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

// ---------------------------------------------------------------------------
// Entry points

/// Parses a file's bytes: checks the size, strips a UTF-8 BOM, and rejects
/// input that is not UTF-8 with a guess at what it is (Windows-1258, TCVN3,
/// VNI, UTF-16) before [`parse()`].
pub fn parse_bytes(bytes: &[u8]) -> Result<Document, Errors> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(Errors::single(too_big(bytes.len())));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(Errors::single(Error::new(
            ErrorKind::Encoding,
            "",
            Msg::new(
                "tệp được lưu ở dạng UTF-16 (mở đầu bằng dấu thứ tự byte UTF-16); hãy lưu lại ở dạng UTF-8",
                "the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8",
            ),
        )));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => parse(s),
        Err(e) => Err(Errors::single(not_utf8(bytes, e.valid_up_to()))),
    }
}

/// Parses and validates a JSON document (see docs/input-format.md). A leading BOM
/// is ignored. Returns every error found: syntax and shape errors stop at the
/// first one; semantic errors are all collected.
pub fn parse(json: &str) -> Result<Document, Errors> {
    if json.len() > MAX_INPUT_BYTES {
        return Err(Errors::single(too_big(json.len())));
    }
    let json = json.strip_prefix('\u{FEFF}').unwrap_or(json);
    if let Some((path, pos)) = locate::too_deep(json, MAX_JSON_DEPTH) {
        let mut e = Error::new(
            ErrorKind::Limit,
            path,
            Msg::new(
                format!(
                    "lồng quá sâu: ở đây có hơn {MAX_JSON_DEPTH} tầng mảng và đối tượng (các khối chỉ được lồng nhau tối đa {MAX_DEPTH} tầng); hãy làm phẳng cấu trúc"
                ),
                format!(
                    "nested too deeply: more than {MAX_JSON_DEPTH} levels of arrays and objects here (blocks may nest at most {MAX_DEPTH} deep); flatten the structure"
                ),
            ),
        );
        e.line = Some(pos.line);
        e.column = Some(pos.column);
        return Err(Errors::single(e));
    }
    if json.trim().is_empty() {
        return Err(Errors::single(Error::new(
            ErrorKind::Syntax,
            "",
            Msg::new(
                "dữ liệu vào trống; cần một đối tượng JSON mô tả một văn bản",
                "the input is empty; expected a JSON object describing one document",
            ),
        )));
    }
    let raw = read_raw(json)?;
    let mut v = Validator::default();
    let doc = v.document(&raw);
    match (doc, Errors::from_vec(v.finish(json))) {
        (Some(doc), None) => Ok(doc),
        (_, Some(errors)) => Err(errors),
        (None, None) => Err(Errors::single(Error::new(
            ErrorKind::Value,
            "",
            Msg::new("văn bản không hợp lệ", "the document is not valid"),
        ))),
    }
}

fn too_big(len: usize) -> Error {
    Error::new(
        ErrorKind::Limit,
        "",
        Msg::new(
            format!(
                "dữ liệu vào dài {len} byte; vanban đọc tối đa {MAX_INPUT_BYTES} byte (16 MiB) cho một văn bản"
            ),
            format!(
                "the input is {len} bytes; vanban reads at most {MAX_INPUT_BYTES} bytes (16 MiB) per document"
            ),
        ),
    )
}

/// Reads the raw serde types, turning serde errors into [`Error`]s.
fn read_raw(json: &str) -> Result<RawDocument, Errors> {
    let mut de = serde_json::Deserializer::from_str(json);
    let result: Result<RawDocument, _> = serde_path_to_error::deserialize(&mut de);
    match result {
        Ok(raw) => match de.end() {
            Ok(()) => Ok(raw),
            Err(e) => Err(Errors::single(serde_error(json, String::new(), &e))),
        },
        Err(e) => {
            let path = render_path(e.path());
            Err(Errors::single(serde_error(json, path, e.inner())))
        }
    }
}

/// Renders a serde_path_to_error path as `a.b[3].c` (root = "").
fn render_path(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for seg in path.iter() {
        match seg {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Segment::Enum { variant } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(variant);
            }
            Segment::Unknown => {}
        }
    }
    out
}

fn serde_error(json: &str, path: String, e: &serde_json::Error) -> Error {
    use serde_json::error::Category;
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let base = tidy_serde_message(full.strip_suffix(&suffix).unwrap_or(&full));
    let (kind, message) = match e.classify() {
        Category::Eof => (
            ErrorKind::Syntax,
            Msg::new(
                format!(
                    "JSON kết thúc quá sớm ({}); thiếu một dấu đóng ngoặc vuông, ngoặc nhọn hoặc ngoặc kép",
                    crate::hint::syntax_vi(&base)
                ),
                format!(
                    "the JSON ends too early ({base}); a closing bracket, brace or quote is missing"
                ),
            ),
        ),
        Category::Syntax if base.contains("recursion limit") => (
            ErrorKind::Limit,
            Msg::new(
                format!(
                    "lồng quá sâu ({}); các khối chỉ được lồng nhau tối đa {MAX_DEPTH} tầng",
                    crate::hint::syntax_vi(&base)
                ),
                format!("nested too deeply ({base}); blocks may nest at most {MAX_DEPTH} deep"),
            ),
        ),
        Category::Syntax | Category::Io => (
            ErrorKind::Syntax,
            Msg::new(
                format!("JSON không hợp lệ: {}", crate::hint::syntax_vi(&base)),
                format!("invalid JSON: {base}"),
            ),
        ),
        Category::Data => (ErrorKind::Structure, crate::hint::data_message(&base)),
    };
    let mut err = Error::new(kind, path, message);
    let (mut line, mut column) = (e.line(), e.column());
    let mut char_col = None;
    if base.starts_with("control character") && column == 0 && line > 1 {
        // A raw line break inside a string: serde points at the start of
        // the next line; the break is at the end of this one.
        line -= 1;
        let text = crate::hint::line_text(json, line).unwrap_or("");
        char_col = Some(text.chars().count() + 1);
        column = text.len() + 1;
    }
    if line > 0 {
        err.line = Some(line);
        if column > 0 {
            err.column = Some(char_col.unwrap_or_else(|| char_column(json, line, column)));
        }
        if matches!(e.classify(), Category::Syntax | Category::Eof) {
            let col = err.column.unwrap_or(1);
            err.hint = crate::hint::syntax_hint(json, &base, line, col);
            err.source_line = crate::hint::line_text(json, line).map(str::to_string);
        }
    }
    err
}

/// Replaces serde's backquotes: names and strings get double quotes, numbers
/// and literals none (`integer \`1\`` → `integer 1`).
fn tidy_serde_message(msg: &str) -> String {
    let mut out = String::with_capacity(msg.len());
    for (i, part) in msg.split('`').enumerate() {
        let bare =
            i % 2 == 0 || part.parse::<f64>().is_ok() || matches!(part, "true" | "false" | "null");
        if bare {
            out.push_str(part);
        } else {
            out.push('"');
            out.push_str(part);
            out.push('"');
        }
    }
    out
}

/// Converts serde_json's byte column on a 1-based line to a character column.
fn char_column(json: &str, line: usize, byte_column: usize) -> usize {
    let Some(text) = json.split('\n').nth(line.saturating_sub(1)) else {
        return byte_column;
    };
    if byte_column == 0 {
        return 0;
    }
    text.char_indices()
        .take_while(|(i, _)| *i < byte_column)
        .count()
        .max(1)
}

// ---------------------------------------------------------------------------
// Encoding detection

/// The error for bytes that are not UTF-8, with a guess at the encoding.
fn not_utf8(bytes: &[u8], offset: usize) -> Error {
    let byte = bytes.get(offset).copied().unwrap_or(0);
    let valid = bytes.get(..offset).unwrap_or(&[]);
    let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
    let column = std::str::from_utf8(valid.get(line_start..).unwrap_or(&[]))
        .map_or(1, |s| s.chars().count() + 1);
    let (guess_vi, guess_en) = match guess_legacy_encoding(bytes) {
        Some(name) => (
            format!(
                "có vẻ là bảng mã {} (phỏng đoán)",
                name.replace("fonts ", "phông ")
            ),
            format!("it looks like {name} (a guess)"),
        ),
        None => (
            "có thể là một bảng mã tiếng Việt cũ (Windows-1258, TCVN3 hoặc VNI)".to_string(),
            "it may be a legacy Vietnamese encoding (Windows-1258, TCVN3 or VNI)".to_string(),
        ),
    };
    let mut e = Error::new(
        ErrorKind::Encoding,
        "",
        Msg::new(
            format!(
                "tệp không ở dạng UTF-8 (byte 0x{byte:02X} ở vị trí {offset}); {guess_vi} — hãy lưu lại ở dạng UTF-8 (trong Word hoặc Notepad: Lưu thành (Save As), Mã hóa (Encoding): UTF-8; hoặc chuyển mã bằng công cụ của UniKey)"
            ),
            format!(
                "the file is not UTF-8 (byte 0x{byte:02X} at offset {offset}); {guess_en} — save it as UTF-8 (in Word or Notepad: Save As, Encoding: UTF-8; or convert with UniKey's tool)"
            ),
        ),
    );
    e.line = Some(line);
    e.column = Some(column);
    e
}

/// Guesses which legacy Vietnamese encoding non-UTF-8 bytes are in, from
/// byte patterns. Heuristics only (messages call it a guess):
/// - TCVN3 (ABC, fonts ".VnTime"): one byte per accented letter, many of
///   them in 0xA1–0xBF (0xB5 "à", 0xB8 "á", 0xA9 "â", 0xAE "đ", …), a
///   range that holds only symbols in the other two.
/// - VNI (fonts "VNI-Times"): an ASCII vowel followed by a diacritic byte
///   (lower case 0xE0–0xFC such as 0xF9 "´", 0xF8 "`", 0xE4 "^."; upper
///   case 0xC0–0xDC), then ASCII again.
/// - Windows-1258: a vowel (ASCII or â ê ô ơ ư ă) followed by a combining
///   tone mark byte 0xCC, 0xEC, 0xD2, 0xDE or 0xF2.
fn guess_legacy_encoding(bytes: &[u8]) -> Option<&'static str> {
    fn ascii_vowel(b: u8) -> bool {
        matches!(
            b.to_ascii_lowercase(),
            b'a' | b'e' | b'i' | b'o' | b'u' | b'y'
        )
    }
    fn cp1258_vowel(b: u8) -> bool {
        ascii_vowel(b)
            || matches!(
                b,
                0xE2 | 0xEA | 0xF4 | 0xF5 | 0xFD | 0xE3 | 0xC2 | 0xCA | 0xD4 | 0xD5 | 0xDD | 0xC3
            )
    }
    fn vni_mark(b: u8) -> bool {
        matches!(
            b,
            0xF9 | 0xF8
                | 0xFB
                | 0xF5
                | 0xEF
                | 0xE1
                | 0xE0
                | 0xE5
                | 0xE3
                | 0xE4
                | 0xE9
                | 0xE8
                | 0xFA
                | 0xFC
                | 0xEB
                | 0xE2
                | 0xEA
                | 0xD9
                | 0xD8
                | 0xDB
                | 0xD5
                | 0xCF
                | 0xC1
                | 0xC0
                | 0xC5
                | 0xC3
                | 0xC4
                | 0xC9
                | 0xC8
                | 0xDA
                | 0xDC
                | 0xCB
                | 0xC2
                | 0xCA
        )
    }
    let (mut vni, mut cp1258, mut tcvn3) = (0usize, 0usize, 0usize);
    for (i, &b) in bytes.iter().enumerate() {
        if b < 0x80 {
            continue;
        }
        let prev = i
            .checked_sub(1)
            .and_then(|p| bytes.get(p))
            .copied()
            .unwrap_or(b' ');
        let next = bytes.get(i + 1).copied().unwrap_or(b' ');
        if (0xA1..=0xBF).contains(&b) {
            tcvn3 += 2;
        }
        if ascii_vowel(prev) && vni_mark(b) && next < 0x80 {
            vni += 2;
        }
        if cp1258_vowel(prev) && matches!(b, 0xCC | 0xEC | 0xD2 | 0xDE | 0xF2) {
            cp1258 += 2;
        }
    }
    let best = [
        (tcvn3, "TCVN3 (ABC, fonts .VnTime)"),
        (vni, "VNI (fonts VNI-Times)"),
        (cp1258, "Windows-1258"),
    ]
    .into_iter()
    .max_by_key(|(score, _)| *score)?;
    if best.0 == 0 { None } else { Some(best.1) }
}

// ---------------------------------------------------------------------------
// Validation

/// Rules for one text field.
#[derive(Clone, Copy)]
struct TextRule {
    /// A newline (line break) is allowed.
    newline: bool,
    /// Must not be empty or only white space.
    required: bool,
}

const LINE: TextRule = TextRule {
    newline: false,
    required: true,
};
const MULTILINE: TextRule = TextRule {
    newline: true,
    required: true,
};
const OPTIONAL_MULTILINE: TextRule = TextRule {
    newline: true,
    required: false,
};

fn join(base: &str, key: &str) -> String {
    if base.is_empty() {
        key.to_string()
    } else {
        format!("{base}.{key}")
    }
}

fn nfc(s: &str) -> String {
    if is_nfc_quick(s.chars()) == IsNormalized::Yes {
        s.to_string()
    } else {
        s.nfc().collect()
    }
}

fn control_name(c: char) -> (&'static str, &'static str) {
    match c {
        '\0' => (" (NUL)", " (NUL)"),
        '\t' => (" (tab)", " (tab)"),
        '\n' => (
            " (xuống dòng: trường này không được có chỗ xuống dòng)",
            " (line feed: a line break, not allowed in this field)",
        ),
        '\r' => (" (về đầu dòng, CR)", " (carriage return)"),
        '\u{0B}' => (" (tab dọc)", " (vertical tab)"),
        '\u{0C}' => (" (sang trang, FF)", " (form feed)"),
        '\u{1B}' => (" (escape)", " (escape)"),
        '\u{7F}' => (" (delete)", " (delete)"),
        _ => ("", ""),
    }
}

/// A short excerpt of `s` around character `at`, for messages.
fn excerpt(s: &str, at: usize) -> String {
    let start = at.saturating_sub(12);
    let chars: Vec<char> = s.chars().skip(start).take(32).collect();
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    for c in &chars {
        match c {
            '\n' => out.push('⏎'),
            c if c.is_control() => out.push_str(&format!("[U+{:04X}]", *c as u32)),
            c => out.push(*c),
        }
    }
    if s.chars().count() > start + 32 {
        out.push('…');
    }
    out
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Earliest and latest accepted years (typos like "0202" or "20233" are caught).
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2999;

fn parse_digits(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" into a real (partial) date.
fn parse_date(s: &str, full_only: bool) -> Result<PartialDate, Msg> {
    let (hint_vi, hint_en) = if full_only {
        (
            "hãy viết YYYY-MM-DD, ví dụ \"2023-06-05\"",
            "write YYYY-MM-DD, e.g. \"2023-06-05\"",
        )
    } else {
        (
            "hãy viết YYYY-MM-DD (ví dụ \"2023-06-05\"), YYYY-MM để trống ngày cho văn thư điền, YYYY, hoặc null",
            "write YYYY-MM-DD (e.g. \"2023-06-05\"), YYYY-MM to leave the day blank for the clerk, YYYY, or null",
        )
    };
    let parts: Vec<&str> = s.split('-').collect();
    let lens: Vec<usize> = parts.iter().map(|p| p.len()).collect();
    let shape_ok = match lens.as_slice() {
        [4] | [4, 2] | [4, 2, 2] => parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())),
        _ => false,
    } && (!full_only || parts.len() == 3);
    if !shape_ok {
        return Err(Msg::new(
            format!("\"{s}\" không phải là ngày tháng viết theo dạng được hỗ trợ; {hint_vi}"),
            format!("\"{s}\" is not a date in a supported form; {hint_en}"),
        ));
    }
    let year = parts.first().and_then(|p| parse_digits(p)).unwrap_or(0);
    let month = parts.get(1).and_then(|p| parse_digits(p));
    let day = parts.get(2).and_then(|p| parse_digits(p));
    let year = i32::try_from(year).unwrap_or(0);
    if !YEARS.contains(&year) {
        let (lo, hi) = (YEARS.start(), YEARS.end());
        return Err(Msg::new(
            format!("{s}: năm {year} có vẻ gõ nhầm (vanban nhận các năm {lo}–{hi})"),
            format!("{s}: the year {year} looks mistyped (vanban accepts {lo}–{hi})"),
        ));
    }
    if let Some(m) = month
        && !(1..=12).contains(&m)
    {
        return Err(Msg::new(
            format!("{s} không phải là ngày có thật (không có tháng {m})"),
            format!("{s} is not a real date (there is no month {m})"),
        ));
    }
    if let (Some(m), Some(d)) = (month, day) {
        if d == 0 {
            return Err(Msg::new(
                format!("{s} không phải là ngày có thật (không có ngày 0)"),
                format!("{s} is not a real date (there is no day 0)"),
            ));
        }
        if NaiveDate::from_ymd_opt(year, m, d).is_none() {
            let days = (28..=31)
                .rev()
                .find(|&n| NaiveDate::from_ymd_opt(year, m, n).is_some())
                .unwrap_or(28);
            let name = MONTHS
                .get((m as usize).saturating_sub(1))
                .copied()
                .unwrap_or("this month");
            return Err(Msg::new(
                format!("{s} không phải là ngày có thật (tháng {m} năm {year} có {days} ngày)"),
                format!("{s} is not a real date ({name} {year} has {days} days)"),
            ));
        }
    }
    Ok(PartialDate {
        year: Some(year),
        month,
        day,
    })
}

/// Checks a symbol, abbreviation or unit: no spaces; letters (Đ included),
/// digits and "-", "/", "&", "." only.
fn check_symbol(s: &str) -> Result<(), Msg> {
    if s.trim().is_empty() {
        return Err(Msg::new("đang để trống", "is empty"));
    }
    for (i, c) in s.chars().enumerate() {
        let ok = c.is_ascii_alphanumeric() || matches!(c, 'Đ' | 'đ' | '-' | '/' | '&' | '.');
        if !ok {
            let (what_vi, what_en) = if c.is_whitespace() {
                ("một dấu cách".to_string(), "a space".to_string())
            } else {
                let q = format!("\"{c}\" (U+{:04X})", c as u32);
                (q.clone(), q)
            };
            let ex = excerpt(s, i);
            return Err(Msg::new(
                format!(
                    "\"{s}\" có {what_vi} ở chỗ \"{ex}\"; ký hiệu chỉ gồm chữ cái (kể cả Đ), chữ số và \"-\", \"/\", \"&\", \".\", không có dấu cách"
                ),
                format!(
                    "\"{s}\" contains {what_en} at \"{ex}\"; a symbol is letters (Đ included), digits and \"-\", \"/\", \"&\", \".\" with no spaces"
                ),
            ));
        }
    }
    if s.starts_with(['-', '/']) || s.ends_with(['-', '/']) {
        return Err(Msg::new(
            format!("\"{s}\" bắt đầu hoặc kết thúc bằng \"-\" hay \"/\""),
            format!("\"{s}\" starts or ends with \"-\" or \"/\""),
        ));
    }
    Ok(())
}

/// Collects errors while converting raw types into the validated model.
#[derive(Default)]
struct Validator {
    errors: Vec<Error>,
    blocks: usize,
    footnotes: usize,
    blocks_reported: bool,
    footnotes_reported: bool,
    cells: usize,
    cells_reported: bool,
    line_breaks: usize,
    line_breaks_reported: bool,
}

impl Validator {
    fn err(&mut self, kind: ErrorKind, path: impl Into<String>, message: Msg) {
        self.errors.push(Error::new(kind, path, message));
    }

    fn value(&mut self, path: impl Into<String>, message: Msg) {
        self.err(ErrorKind::Value, path, message);
    }

    /// Finishes: caps the list and adds line/column by locating each path.
    fn finish(self, json: &str) -> Vec<Error> {
        let mut errors = self.errors;
        let total = errors.len();
        if total > MAX_REPORTED_ERRORS {
            errors.truncate(MAX_REPORTED_ERRORS);
            errors.push(Error::new(
                ErrorKind::Limit,
                "",
                Msg::new(
                    format!(
                        "… và {} lỗi nữa không được liệt kê",
                        total - MAX_REPORTED_ERRORS
                    ),
                    format!(
                        "… and {} more errors not shown",
                        total - MAX_REPORTED_ERRORS
                    ),
                ),
            ));
        }
        // Each path and its prefixes: an error about a missing field is
        // placed at the object that lacks it.
        let mut wanted = HashSet::new();
        for e in &errors {
            let mut p = e.path.as_str();
            loop {
                wanted.insert(p.to_string());
                match p.rfind(['.', '[']) {
                    Some(i) => p = p.get(..i).unwrap_or(""),
                    None => break,
                }
            }
        }
        let found = locate::locate(json, &wanted);
        for e in &mut errors {
            if e.line.is_some() || (e.kind == ErrorKind::Limit && e.path.is_empty()) {
                continue;
            }
            let mut p = e.path.as_str();
            loop {
                if let Some(pos) = found.get(p) {
                    e.line = Some(pos.line);
                    e.column = Some(pos.column);
                    break;
                }
                match p.rfind(['.', '[']) {
                    Some(i) => p = p.get(..i).unwrap_or(""),
                    None => break,
                }
            }
        }
        errors
    }

    /// NFC-normalises and checks a text field; `None` if it has an error.
    fn text(&mut self, s: &str, path: &str, rule: TextRule) -> Option<String> {
        let s = nfc(s);
        if rule.required && s.trim().is_empty() {
            self.value(
                path,
                Msg::new(
                    "đang để trống; hãy viết nội dung hoặc bỏ hẳn trường này",
                    "is empty; write the text or leave the field out",
                ),
            );
            return None;
        }
        if rule.newline {
            self.line_breaks += s.bytes().filter(|&b| b == b'\n').count();
            if self.line_breaks > MAX_LINE_BREAKS && !self.line_breaks_reported {
                self.line_breaks_reported = true;
                self.err(
                    ErrorKind::Limit,
                    path,
                    Msg::new(
                        format!(
                            "quá nhiều chỗ xuống dòng: vanban cho phép tối đa {MAX_LINE_BREAKS} chỗ trong một văn bản"
                        ),
                        format!(
                            "too many line breaks: vanban allows at most {MAX_LINE_BREAKS} per document"
                        ),
                    ),
                );
                return None;
            }
        }
        for (i, c) in s.chars().enumerate() {
            if c.is_control() && !(rule.newline && c == '\n') {
                let (name_vi, name_en) = control_name(c);
                let code = c as u32;
                let ex = excerpt(&s, i);
                self.value(
                    path,
                    Msg::new(
                        format!(
                            "có ký tự điều khiển U+{code:04X}{name_vi} ở chỗ \"{ex}\"; hãy xóa nó"
                        ),
                        format!(
                            "contains the control character U+{code:04X}{name_en} at \"{ex}\"; remove it"
                        ),
                    ),
                );
                return None;
            }
        }
        Some(s)
    }

    fn opt_text(&mut self, s: Option<&String>, path: &str, rule: TextRule) -> Option<String> {
        s.and_then(|s| self.text(s, path, rule))
    }

    fn texts(&mut self, items: Option<&Vec<String>>, path: &str) -> Vec<String> {
        let mut out = Vec::new();
        for (i, s) in items
            .map(|v| v.as_slice())
            .unwrap_or(&[])
            .iter()
            .enumerate()
        {
            if let Some(t) = self.text(s, &format!("{path}[{i}]"), LINE) {
                out.push(t);
            }
        }
        out
    }

    /// NFC, control characters, then inline markup; counts footnotes.
    fn inline(&mut self, s: &str, path: &str, required: bool) -> Option<Inlines> {
        let text = self.text(
            s,
            path,
            TextRule {
                newline: true,
                required,
            },
        )?;
        match parse_inline(&text) {
            Ok(inlines) => {
                let notes = inlines
                    .iter()
                    .filter(|i| matches!(i, Inline::Footnote(_)))
                    .count();
                self.footnotes += notes;
                if self.footnotes > MAX_FOOTNOTES && !self.footnotes_reported {
                    self.footnotes_reported = true;
                    self.err(
                        ErrorKind::Limit,
                        path,
                        Msg::new(
                            format!(
                                "quá nhiều chú thích: vanban cho phép tối đa {MAX_FOOTNOTES} chú thích trong một văn bản"
                            ),
                            format!(
                                "too many footnotes: vanban allows at most {MAX_FOOTNOTES} per document"
                            ),
                        ),
                    );
                }
                Some(inlines)
            }
            Err(e) => {
                self.markup_error(&text, path, e);
                None
            }
        }
    }

    fn markup_error(&mut self, text: &str, path: &str, e: MarkupError) {
        let ex = excerpt(text, e.offset);
        self.err(ErrorKind::Markup, path, e.message(&ex));
    }

    fn integer(
        &mut self,
        n: RawInteger,
        path: &str,
        min: i128,
        max: i128,
        hint: Option<&Msg>,
    ) -> Option<u32> {
        let v = n.0;
        if v < min {
            let (h_vi, h_en) = hint.map_or(("", ""), |h| (h.vi.as_str(), h.en.as_str()));
            self.value(
                path,
                Msg::new(
                    format!("phải từ {min} trở lên (đang là {v}){h_vi}"),
                    format!("must be {min} or more (got {v}){h_en}"),
                ),
            );
            return None;
        }
        if v > max {
            self.value(
                path,
                Msg::new(
                    format!("quá lớn (đang là {v}; tối đa {max})"),
                    format!("is too large (got {v}; at most {max})"),
                ),
            );
            return None;
        }
        u32::try_from(v).ok()
    }

    // -- the document --------------------------------------------------------

    fn document(&mut self, raw: &RawDocument) -> Option<Document> {
        let doc_type = match DocType::from_key(&raw.doc_type) {
            Some(t) => Some(t),
            None => {
                let keys: Vec<&str> = DocType::ALL.iter().map(|t| t.key()).collect();
                let (g_vi, g_en) = match crate::hint::did_you_mean(&raw.doc_type, &keys) {
                    Some(k) => (
                        format!(" (có phải ý bạn là \"{k}\"?)"),
                        format!(" (did you mean \"{k}\"?)"),
                    ),
                    None => (String::new(), String::new()),
                };
                let t = &raw.doc_type;
                let list = keys.join(", ");
                self.value(
                    "type",
                    Msg::new(
                        format!("không có loại văn bản \"{t}\"{g_vi}; các loại dùng được: {list}"),
                        format!("unknown document type \"{t}\"{g_en}; valid types: {list}"),
                    ),
                );
                None
            }
        };
        let ty = doc_type.unwrap_or(DocType::BaoCao);

        let issuer = self.issuer(&raw.issuer);
        let number = raw.number.and_then(|n| {
            self.integer(
                n,
                "number",
                1,
                i128::from(u32::MAX),
                Some(&Msg::new(
                    "; để trống số cho văn thư điền thì ghi null",
                    "; use null to leave the number blank for the clerk",
                )),
            )
        });
        let symbol = match &raw.symbol {
            Some(s) => {
                let s = nfc(s);
                match check_symbol(&s) {
                    Ok(()) => Some(s),
                    Err(m) => {
                        self.value("symbol", m);
                        None
                    }
                }
            }
            None => issuer
                .as_ref()
                .map(|i| derive_symbol(ty, &i.abbr, i.unit.as_deref())),
        };
        // App. III Mẫu 1.9: a biên bản has no place-and-date line, so a
        // place given would be lost; every other type prints it (box 4).
        let place = match (&raw.place, ty.has_place_date_line()) {
            (Some(_), false) => {
                self.value(
                    "place",
                    Msg::new(
                        "biên bản không có dòng địa danh và ngày tháng (Mẫu 1.9 Phụ lục III), nên địa danh sẽ không được in; ghi địa điểm trong nội dung (ví dụ mục \"Địa điểm\") và bỏ trường place",
                        "a biên bản has no place-and-date line (App. III Mẫu 1.9), so the place would not be printed; write it in the body (e.g. under \"Địa điểm\") and leave place out",
                    ),
                );
                None
            }
            (None, false) => Some(String::new()),
            (Some(p), _) => self.text(p, "place", LINE),
            (None, _) => {
                self.err(
                    ErrorKind::Structure,
                    "",
                    Msg::new("thiếu trường \"place\"", "missing field \"place\""),
                );
                None
            }
        };
        let date = match &raw.date {
            None => Some(PartialDate::default()),
            Some(s) => match parse_date(s, false) {
                Ok(d) => Some(d),
                Err(m) => {
                    self.value("date", m);
                    None
                }
            },
        };
        let title = self.opt_text(raw.title.as_ref(), "title", MULTILINE);
        let to = self.texts(raw.to.as_ref(), "to");
        let authority = self.opt_text(raw.authority.as_ref(), "authority", MULTILINE);
        let mut bases = Vec::new();
        for (i, b) in raw.bases.iter().flatten().enumerate() {
            if let Some(x) = self.inline(b, &format!("bases[{i}]"), true) {
                bases.push(x);
            }
        }
        if raw.body.is_empty() {
            self.value(
                "body",
                Msg::new(
                    "phần nội dung đang trống; hãy thêm ít nhất một đoạn",
                    "the body is empty; add at least one paragraph",
                ),
            );
        }
        let body = self.blocks(&raw.body, "body", 1);
        let signatures = self.signatures(&raw.signature, ty, doc_type.is_some());
        let recipients = self.texts(raw.recipients.as_ref(), "recipients");
        let archive = match &raw.archive {
            None => vec!["VT".to_string()],
            Some(v) if v.is_empty() => {
                self.value(
                    "archive",
                    Msg::new(
                        "đang để trống; ghi ít nhất \"VT\" (văn thư lưu một bản), hoặc bỏ hẳn trường này",
                        "is empty; list at least \"VT\" (the clerical office keeps a copy), or leave the field out",
                    ),
                );
                Vec::new()
            }
            Some(v) => self.texts(Some(v), "archive"),
        };
        let drafter = raw.drafter.as_ref().and_then(|d| {
            let initials = self.text(&d.initials, "drafter.initials", LINE);
            let copies = d
                .copies
                .and_then(|c| self.integer(c, "drafter.copies", 1, i128::from(u32::MAX), None));
            Some(Drafter {
                initials: initials?,
                copies,
            })
        });
        let urgency = raw.urgency.map(|u| match u {
            RawUrgency::Khan => Urgency::Khan,
            RawUrgency::ThuongKhan => Urgency::ThuongKhan,
            RawUrgency::HoaToc => Urgency::HoaToc,
        });
        let secrecy = raw.secrecy.map(|s| match s {
            RawSecrecy::Mat => Secrecy::Mat,
            RawSecrecy::ToiMat => Secrecy::ToiMat,
            RawSecrecy::TuyetMat => Secrecy::TuyetMat,
        });
        let circulation = self.opt_text(raw.circulation.as_ref(), "circulation", LINE);
        let contact = raw.contact.as_ref().map(|c| Contact {
            address: self.opt_text(c.address.as_ref(), "contact.address", LINE),
            phone: self.opt_text(c.phone.as_ref(), "contact.phone", LINE),
            fax: self.opt_text(c.fax.as_ref(), "contact.fax", LINE),
            email: self.opt_text(c.email.as_ref(), "contact.email", LINE),
            website: self.opt_text(c.website.as_ref(), "contact.website", LINE),
        });
        let mut appendices = Vec::new();
        for (i, a) in raw.appendices.iter().flatten().enumerate() {
            let path = format!("appendices[{i}]");
            let title = self.opt_text(a.title.as_ref(), &join(&path, "title"), MULTILINE);
            let body_path = join(&path, "body");
            if a.body.is_empty() {
                self.value(
                    &body_path,
                    Msg::new(
                        "nội dung phụ lục đang trống; hãy thêm ít nhất một khối",
                        "the appendix body is empty; add at least one block",
                    ),
                );
            }
            let body = self.blocks(&a.body, &body_path, 1);
            appendices.push(Appendix {
                title,
                body,
                separate_file: a.separate_file.unwrap_or(false),
            });
        }
        let style = raw
            .style
            .as_ref()
            .map(|s| self.style(s))
            .unwrap_or_default();
        let meta = self.meta(raw.meta.as_ref());
        let numbering = raw.numbering.as_ref().and_then(|n| {
            if n.is_empty() {
                self.value(
                    "numbering",
                    Msg::new(
                        "đang để trống; liệt kê kiểu đánh số theo từng cấp, ví dụ [\"1.\", \"a)\", \"-\"], hoặc bỏ hẳn trường này",
                        "is empty; list the label kinds by depth, e.g. [\"1.\", \"a)\", \"-\"], or leave the field out",
                    ),
                );
                return None;
            }
            Some(
                n.iter()
                    .map(|k| match k {
                        RawLabelKind::Roman => LabelKind::Roman,
                        RawLabelKind::Arabic => LabelKind::Arabic,
                        RawLabelKind::Letter => LabelKind::Letter,
                        RawLabelKind::Dash => LabelKind::Dash,
                        RawLabelKind::Plus => LabelKind::Plus,
                        RawLabelKind::Article => LabelKind::Article,
                    })
                    .collect(),
            )
        });

        if !self.errors.is_empty() {
            return None;
        }
        Some(Document {
            doc_type: doc_type?,
            issuer: issuer?,
            number,
            symbol: symbol?,
            place: place?,
            date: date?,
            title,
            to,
            authority,
            bases,
            body,
            signatures: signatures?,
            recipients,
            archive,
            drafter,
            urgency,
            secrecy,
            circulation,
            contact,
            appendices,
            style,
            meta,
            numbering,
        })
    }

    fn issuer(&mut self, raw: &RawIssuer) -> Option<Issuer> {
        let parent = self.opt_text(raw.parent.as_ref(), "issuer.parent", MULTILINE);
        let name = self.text(&raw.name, "issuer.name", MULTILINE);
        let abbr = nfc(&raw.abbr);
        let abbr_ok = match check_symbol(&abbr) {
            Ok(()) => true,
            Err(m) => {
                self.value("issuer.abbr", m);
                false
            }
        };
        let unit = match &raw.unit {
            Some(u) => {
                let u = nfc(u);
                match check_symbol(&u) {
                    Ok(()) => Some(u),
                    Err(m) => {
                        self.value("issuer.unit", m);
                        return None;
                    }
                }
            }
            None => None,
        };
        if !abbr_ok {
            return None;
        }
        let normal_name = self.opt_text(raw.normal_name.as_ref(), "issuer.normal_name", LINE);
        Some(Issuer {
            parent,
            name: name?,
            abbr,
            unit,
            normal_name,
        })
    }

    fn signatures(
        &mut self,
        raw: &RawSignatures,
        ty: DocType,
        type_known: bool,
    ) -> Option<Vec<Signature>> {
        let list: Vec<(&RawSignature, String)> = match raw {
            RawSignatures::One(s) => vec![(s, "signature".to_string())],
            RawSignatures::Many(v) => v
                .iter()
                .enumerate()
                .map(|(i, s)| (s, format!("signature[{i}]")))
                .collect(),
        };
        let max = ty.max_signers();
        if list.is_empty() {
            self.value(
                "signature",
                Msg::new(
                    "danh sách người ký đang trống; hãy ghi một người ký",
                    "the list of signers is empty; give one signer",
                ),
            );
            return None;
        }
        if list.len() > max && type_known {
            let n = list.len();
            let msg = if max == 1 {
                Msg::new(
                    format!(
                        "{} ({}) chỉ có một người ký, nhưng đang ghi {n}; chỉ biên bản, hợp đồng, bản ghi nhớ và bản thỏa thuận có hai người ký",
                        ty.name_vi(),
                        ty.key()
                    ),
                    format!(
                        "a {} has one signer, but {n} are given; only biên bản, hợp đồng, bản ghi nhớ and bản thỏa thuận have two",
                        ty.key()
                    ),
                )
            } else {
                Msg::new(
                    format!("tối đa hai người ký (bên trái và bên phải), nhưng đang ghi {n}"),
                    format!("at most two signers (left and right), but {n} are given"),
                )
            };
            self.value("signature", msg);
            return None;
        }
        let mut out = Vec::new();
        let mut ok = true;
        for (s, path) in list {
            match self.signature(s, &path) {
                Some(sig) => out.push(sig),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    fn signature(&mut self, raw: &RawSignature, path: &str) -> Option<Signature> {
        let errors_before = self.errors.len();
        let mut on_behalf_of = self.opt_text(
            raw.on_behalf_of.as_ref(),
            &join(path, "on_behalf_of"),
            MULTILINE,
        );
        let mut for_ = None;
        let mut mode_q = false;
        if let Some(f) = &raw.for_ {
            let fpath = join(path, "for");
            let title = self.text(&f.title, &join(&fpath, "title"), MULTILINE);
            let mpath = join(&fpath, "mode");
            let mode = match f.mode.as_str() {
                "KT" => Some(SignMode::Kt),
                "TL" => Some(SignMode::Tl),
                "TUQ" => Some(SignMode::Tuq),
                "Q" => Some(SignMode::Q),
                "TM" => {
                    if raw.on_behalf_of.is_some() {
                        self.value(
                            &mpath,
                            Msg::new(
                                "\"TM\" đã được thể hiện bằng on_behalf_of; khi đã có on_behalf_of, for.mode phải là KT, TL, TUQ hoặc Q",
                                "\"TM\" is what on_behalf_of already says; with on_behalf_of given, for.mode must be KT, TL, TUQ or Q",
                            ),
                        );
                    } else {
                        // "TM." is written with on_behalf_of; accept it here too.
                        on_behalf_of = title.clone();
                    }
                    None
                }
                other => {
                    let trimmed = other.trim().trim_end_matches('.').to_uppercase();
                    let modes = ["KT", "TL", "TUQ", "Q", "TM"];
                    let (h_vi, h_en) = if modes.contains(&trimmed.as_str()) {
                        (
                            format!(" (hãy viết \"{trimmed}\")"),
                            format!(" (write \"{trimmed}\")"),
                        )
                    } else if let Some(g) = crate::hint::did_you_mean(other, &modes) {
                        (
                            format!(" (có phải ý bạn là \"{g}\"?)"),
                            format!(" (did you mean \"{g}\"?)"),
                        )
                    } else {
                        (String::new(), String::new())
                    };
                    self.value(
                        &mpath,
                        Msg::new(
                            format!(
                                "không có hình thức ký \"{other}\"{h_vi}; các hình thức dùng được: KT (ký thay người đứng đầu), TL (thừa lệnh), TUQ (thừa ủy quyền), Q (quyền); với TM (thay mặt) hãy dùng on_behalf_of"
                            ),
                            format!(
                                "unknown signing mode \"{other}\"{h_en}; valid modes: KT (deputy for the head), TL (by order), TUQ (by authorisation), Q (acting); for TM use on_behalf_of"
                            ),
                        ),
                    );
                    None
                }
            };
            mode_q = mode == Some(SignMode::Q);
            if let (Some(m), Some(t)) = (mode, title) {
                for_ = Some((m, t));
            }
        }
        let title = match &raw.title {
            Some(t) => self.text(t, &join(path, "title"), MULTILINE),
            None => {
                if !mode_q {
                    self.value(
                        join(path, "title"),
                        Msg::new(
                            "thiếu chức vụ của người ký (ví dụ \"CHỦ TỊCH\", \"PHÓ CHỦ TỊCH\"); chỉ được bỏ khi for.mode là \"Q\"",
                            "the signer's title is missing (e.g. \"CHỦ TỊCH\", \"PHÓ CHỦ TỊCH\"); it may be left out only when for.mode is \"Q\"",
                        ),
                    );
                }
                None
            }
        };
        let name = self.text(&raw.name, &join(path, "name"), LINE);
        let seal_mm = raw.seal_mm.map(|mm| mm as f32);
        if let Some(mm) = seal_mm
            && !(crate::format::SEAL_MM_MIN..=crate::format::SEAL_MM_MAX).contains(&mm)
        {
            self.value(
                join(path, "seal_mm"),
                Msg::new(
                    format!(
                        "seal_mm {mm} không phải đường kính con dấu: hãy ghi từ 30 đến 45 (mm; mặc định 36)"
                    ),
                    format!("seal_mm {mm} is not a seal's diameter: give 30 to 45 (mm; default 36)"),
                ),
            );
        }
        if self.errors.len() > errors_before {
            return None;
        }
        Some(Signature {
            on_behalf_of,
            for_,
            title,
            name: name?,
            seal_mm,
        })
    }

    fn style(&mut self, raw: &RawStyle) -> StyleOverrides {
        let mut out = StyleOverrides::default();
        let near = |a: f64, b: f64| (a - b).abs() < 1e-6;
        if let Some(size) = raw.body_size {
            if near(size, 13.0) || near(size, 14.0) {
                out.body_size = Some(size as f32);
            } else {
                self.value(
                    "style.body_size",
                    Msg::new(
                        format!(
                            "cỡ chữ {size} pt nằm ngoài quy định của Nghị định 30 (Phụ lục I mục II.6.e): nội dung văn bản cỡ 13 hoặc 14 pt"
                        ),
                        format!(
                            "{size} pt is outside Decree 30 (App. I §II.6.e): the body is 13 or 14 pt"
                        ),
                    ),
                );
            }
        }
        if let Some(m) = raw.margins_mm {
            let checks = [
                ("top", "trên", m.top, 20.0, 25.0),
                ("bottom", "dưới", m.bottom, 20.0, 25.0),
                ("left", "trái", m.left, 30.0, 35.0),
                ("right", "phải", m.right, 15.0, 20.0),
            ];
            let mut ok = true;
            for (name, name_vi, v, lo, hi) in checks {
                if !(lo..=hi).contains(&v) {
                    ok = false;
                    self.value(
                        format!("style.margins_mm.{name}"),
                        Msg::new(
                            format!("{v} mm nằm ngoài quy định của Nghị định 30 (Phụ lục I mục I.3): lề {name_vi} là {lo}–{hi} mm"),
                            format!("{v} mm is outside Decree 30 (App. I §I.3): the {name} margin is {lo}–{hi} mm"),
                        ),
                    );
                }
            }
            if ok {
                out.margins_mm = Some(MarginsMm {
                    top: m.top as f32,
                    bottom: m.bottom as f32,
                    left: m.left as f32,
                    right: m.right as f32,
                });
            }
        }
        if let Some(cm) = raw.indent_cm {
            if near(cm, 1.0) || near(cm, 1.27) {
                out.indent_cm = Some(cm as f32);
            } else {
                self.value(
                    "style.indent_cm",
                    Msg::new(
                        format!("{cm} cm nằm ngoài quy định của Nghị định 30 (Phụ lục I mục II.6.e): lùi đầu dòng 1 cm hoặc 1,27 cm"),
                        format!("{cm} cm is outside Decree 30 (App. I §II.6.e): the first-line indent is 1 or 1.27 cm"),
                    ),
                );
            }
        }
        if let Some(ls) = raw.line_spacing {
            match ls {
                RawLineSpacing::Multiple(x) => {
                    if (1.0..=1.5).contains(&x) {
                        out.line_spacing = Some(LineSpacing::Multiple(x as f32));
                    } else {
                        self.value(
                            "style.line_spacing",
                            Msg::new(
                                format!("{x} nằm ngoài quy định của Nghị định 30 (Phụ lục I mục II.6.e): khoảng cách dòng từ dòng đơn (1.0) đến 1,5 dòng"),
                                format!("{x} is outside Decree 30 (App. I §II.6.e): line spacing is from single (1.0) to 1.5 lines"),
                            ),
                        );
                    }
                }
                RawLineSpacing::Exact(RawExactSpacing { exact_pt }) => {
                    // Bounds for the given size; without one, bounds valid for both 13 and 14 pt.
                    let (lo, hi) = match out.body_size {
                        Some(s) => (
                            f64::from(s) * SINGLE_LINE_EM,
                            f64::from(s) * SINGLE_LINE_EM * 1.5,
                        ),
                        None => (14.0 * SINGLE_LINE_EM, 13.0 * SINGLE_LINE_EM * 1.5),
                    };
                    if exact_pt >= lo - 0.05 && exact_pt <= hi + 0.05 {
                        out.line_spacing = Some(LineSpacing::ExactPt(exact_pt as f32));
                    } else {
                        self.value(
                            "style.line_spacing.exact_pt",
                            Msg::new(
                                format!(
                                    "{exact_pt} pt nằm ngoài quy định của Nghị định 30 (Phụ lục I mục II.6.e): khoảng cách dòng cố định phải từ dòng đơn đến 1,5 dòng, {lo:.1}–{hi:.1} pt{}",
                                    if out.body_size.is_none() { " (cho chữ cỡ 13 và 14 pt; đặt style.body_size để có khoảng riêng cho cỡ đó)" } else { "" }
                                ),
                                format!(
                                    "{exact_pt} pt is outside Decree 30 (App. I §II.6.e): an exact line pitch must lie between single and 1.5 lines, {lo:.1}–{hi:.1} pt{}",
                                    if out.body_size.is_none() { " (for 13 and 14 pt text; set style.body_size for its own range)" } else { "" }
                                ),
                            ),
                        );
                    }
                }
            }
        }
        if let Some(sp) = raw.paragraph_spacing_pt {
            if (6.0..=24.0).contains(&sp) {
                out.paragraph_spacing_pt = Some(sp as f32);
            } else {
                self.value(
                    "style.paragraph_spacing_pt",
                    Msg::new(
                        format!("{sp} pt nằm ngoài khoảng cho phép: ít nhất 6 pt (Nghị định 30 Phụ lục I mục II.6.e) và nhiều nhất 24 pt"),
                        format!("{sp} pt is out of range: at least 6 pt (Decree 30 App. I §II.6.e) and at most 24 pt"),
                    ),
                );
            }
        }
        out
    }

    fn meta(&mut self, raw: Option<&RawMeta>) -> Meta {
        let Some(m) = raw else {
            return Meta {
                language: "vi".to_string(),
                ..Meta::default()
            };
        };
        let language = match &m.language {
            None => "vi".to_string(),
            Some(l) => {
                let ok = !l.is_empty()
                    && l.len() <= 35
                    && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
                if !ok {
                    self.value(
                        "meta.language",
                        Msg::new(
                            format!("\"{l}\" không phải là mã ngôn ngữ như \"vi\" hoặc \"vi-VN\""),
                            format!("\"{l}\" is not a language tag such as \"vi\" or \"vi-VN\""),
                        ),
                    );
                }
                l.clone()
            }
        };
        let due_date = m.due_date.as_ref().and_then(|d| match parse_date(d, true) {
            Ok(_) => Some(d.clone()),
            Err(msg) => {
                self.value("meta.due_date", msg);
                None
            }
        });
        Meta {
            organ_id: self.opt_text(m.organ_id.as_ref(), "meta.organ_id", LINE),
            file_code: self.opt_text(m.file_code.as_ref(), "meta.file_code", LINE),
            language,
            priority: m.priority.and_then(|p| {
                self.integer(
                    p,
                    "meta.priority",
                    0,
                    9,
                    Some(&Msg::new(
                        " (Nghị định 30 Phụ lục VI: một chữ số)",
                        " (Decree 30 App. VI: one digit)",
                    )),
                )
            }),
            keywords: self.texts(m.keywords.as_ref(), "meta.keywords"),
            due_date,
            issued_amount: m
                .issued_amount
                .and_then(|n| self.integer(n, "meta.issued_amount", 1, i128::from(u32::MAX), None)),
            description: self.opt_text(
                m.description.as_ref(),
                "meta.description",
                OPTIONAL_MULTILINE,
            ),
        }
    }

    // -- blocks --------------------------------------------------------------

    fn blocks(&mut self, raw: &[RawBlock], path: &str, depth: usize) -> Vec<Block> {
        let mut out = Vec::with_capacity(raw.len());
        for (i, b) in raw.iter().enumerate() {
            if let Some(block) = self.block(b, format!("{path}[{i}]"), depth) {
                out.push(block);
            }
        }
        out
    }

    fn count_block(&mut self, path: &str) -> bool {
        self.blocks += 1;
        if self.blocks > MAX_BLOCKS {
            if !self.blocks_reported {
                self.blocks_reported = true;
                self.err(
                    ErrorKind::Limit,
                    path,
                    Msg::new(
                        format!("quá nhiều khối: vanban cho phép tối đa {MAX_BLOCKS} khối trong một văn bản"),
                        format!("too many blocks: vanban allows at most {MAX_BLOCKS} per document"),
                    ),
                );
            }
            return false;
        }
        true
    }

    fn block(&mut self, raw: &RawBlock, path: String, depth: usize) -> Option<Block> {
        if depth > MAX_DEPTH {
            self.err(
                ErrorKind::Limit,
                &path,
                Msg::new(
                    format!(
                        "ở đây các khối lồng nhau quá {MAX_DEPTH} tầng; hãy làm phẳng cấu trúc"
                    ),
                    format!(
                        "blocks are nested more than {MAX_DEPTH} deep here; flatten the structure"
                    ),
                ),
            );
            return None;
        }
        if !self.count_block(&path) {
            return None;
        }
        let kind = match raw {
            RawBlock::Text(s) => {
                let content = self.inline(s, &path, true)?;
                BlockKind::Paragraph(Paragraph {
                    content,
                    align: None,
                    indent: None,
                    bold: false,
                    italic: false,
                })
            }
            RawBlock::Object(o) => self.object_block(o, &path, depth)?,
        };
        Some(Block { path, kind })
    }

    fn object_block(&mut self, o: &RawBlockObject, path: &str, depth: usize) -> Option<BlockKind> {
        let kinds: Vec<&str> = [
            ("heading", o.heading.is_some()),
            ("part", o.part.is_some()),
            ("chapter", o.chapter.is_some()),
            ("section", o.section.is_some()),
            ("list", o.list.is_some()),
            ("table", o.table.is_some()),
            ("paragraph", o.paragraph.is_some()),
            ("page_break", o.page_break.is_some()),
        ]
        .into_iter()
        .filter_map(|(k, present)| present.then_some(k))
        .collect();
        let kind = match kinds.as_slice() {
            [k] => *k,
            [] => {
                self.err(
                    ErrorKind::Structure,
                    path,
                    Msg::new(
                        "khối này không có khóa nào trong số heading, part, chapter, section, list, table, paragraph, page_break; một khối dạng đối tượng cần đúng một khóa",
                        "this block has none of the keys heading, part, chapter, section, list, table, paragraph, page_break; a block object needs exactly one",
                    ),
                );
                return None;
            }
            many => {
                self.err(
                    ErrorKind::Structure,
                    path,
                    Msg::new(
                        format!(
                            "khối này có các khóa {}; một khối dạng đối tượng chỉ có đúng một trong heading, part, chapter, section, list, table, paragraph, page_break (hãy tách thành nhiều khối)",
                            many.iter().map(|k| format!("\"{k}\"")).collect::<Vec<_>>().join(" và ")
                        ),
                        format!(
                            "this block has the keys {}; a block object has exactly one of heading, part, chapter, section, list, table, paragraph, page_break (split it into several blocks)",
                            many.iter().map(|k| format!("\"{k}\"")).collect::<Vec<_>>().join(" and ")
                        ),
                    ),
                );
                return None;
            }
        };
        // Options that do not belong to this kind of block.
        let allowed: &[&str] = match kind {
            "heading" => &["number", "numbered", "body", "lead_in"],
            "part" | "chapter" | "section" => &["number", "body"],
            "list" => &["marker"],
            "paragraph" => &["align", "indent", "bold", "italic"],
            _ => &[],
        };
        let options = [
            (
                "number",
                o.number.is_some(),
                "heading, part, chapter and section",
            ),
            ("numbered", o.numbered.is_some(), "heading"),
            ("lead_in", o.lead_in.is_some(), "heading"),
            (
                "body",
                o.body.is_some(),
                "heading, part, chapter and section",
            ),
            ("marker", o.marker.is_some(), "list"),
            ("align", o.align.is_some(), "paragraph"),
            ("indent", o.indent.is_some(), "paragraph"),
            ("bold", o.bold.is_some(), "paragraph"),
            ("italic", o.italic.is_some(), "paragraph"),
        ];
        let mut stray = false;
        for (key, present, owners) in options {
            if present && !allowed.contains(&key) {
                stray = true;
                self.err(
                    ErrorKind::Structure,
                    join(path, key),
                    Msg::new(
                        format!(
                            "\"{key}\" không dùng cho khối {kind} (chỉ dùng với {})",
                            owners.replace(" and ", " và ")
                        ),
                        format!(
                            "\"{key}\" does not apply to a {kind} block (it is used with {owners})"
                        ),
                    ),
                );
            }
        }
        if stray {
            return None;
        }
        let label = |v: &mut Validator| -> Option<Option<String>> {
            match &o.number {
                None => Some(None),
                Some(RawLabel(s)) => v.text(s, &join(path, "number"), LINE).map(Some),
            }
        };
        match kind {
            "heading" => {
                let hpath = join(path, "heading");
                let text = self.inline(o.heading.as_deref().unwrap_or(""), &hpath, true);
                let number = label(self);
                let numbered = o.numbered.unwrap_or(true);
                if !numbered && o.number.is_some() {
                    self.value(
                        join(path, "number"),
                        Msg::new(
                            "có \"number\" nhưng \"numbered\" lại là false; hãy giữ một trong hai",
                            "\"number\" is given but \"numbered\" is false; keep one of them",
                        ),
                    );
                }
                let body = match &o.body {
                    None => None,
                    Some(b) if b.is_empty() => {
                        self.value(
                            join(path, "body"),
                            Msg::new(
                                "phần body đang trống; bỏ hẳn \"body\" nếu muốn một đoạn văn có số thứ tự",
                                "the body is empty; leave \"body\" out for a run-in numbered paragraph",
                            ),
                        );
                        None
                    }
                    Some(b) => Some(self.blocks(b, &join(path, "body"), depth + 1)),
                };
                let text = text?;
                // A text ending in ":" introduces what follows: a lead-in
                // unless the input says otherwise.
                let colon = o.body.is_some()
                    && text.iter().rev().find_map(|i| match i {
                        Inline::Text { text, .. } if !text.trim().is_empty() => {
                            Some(text.trim_end().ends_with(':'))
                        }
                        _ => None,
                    }) == Some(true);
                Some(BlockKind::Heading(Heading {
                    text,
                    number: number?,
                    numbered,
                    body,
                    lead_in: o.lead_in.unwrap_or(colon),
                }))
            }
            "part" | "chapter" | "section" => {
                let (dk, title) = match kind {
                    "part" => (DivisionKind::Part, o.part.as_deref()),
                    "chapter" => (DivisionKind::Chapter, o.chapter.as_deref()),
                    _ => (DivisionKind::Section, o.section.as_deref()),
                };
                let title = self.text(title.unwrap_or(""), &join(path, kind), MULTILINE);
                let number = label(self);
                let body = match &o.body {
                    Some(b) if !b.is_empty() => self.blocks(b, &join(path, "body"), depth + 1),
                    Some(_) => {
                        self.value(
                            join(path, "body"),
                            Msg::new(
                                format!("phần body của {kind} đang trống; hãy thêm nội dung"),
                                format!("the {kind}'s body is empty; add its content"),
                            ),
                        );
                        Vec::new()
                    }
                    None => {
                        self.value(
                            path,
                            Msg::new(
                                format!("{kind} cần có \"body\" chứa nội dung"),
                                format!("a {kind} needs a \"body\" with its content"),
                            ),
                        );
                        Vec::new()
                    }
                };
                Some(BlockKind::Division(Division {
                    kind: dk,
                    title: title?,
                    number: number?,
                    body,
                }))
            }
            "list" => {
                let lpath = join(path, "list");
                let items_raw = o.list.as_deref().unwrap_or(&[]);
                if items_raw.is_empty() {
                    self.value(
                        &lpath,
                        Msg::new(
                            "danh sách đang trống; hãy thêm ít nhất một mục",
                            "the list is empty; add at least one item",
                        ),
                    );
                }
                let mut items = Vec::with_capacity(items_raw.len());
                for (i, item) in items_raw.iter().enumerate() {
                    let ipath = format!("{lpath}[{i}]");
                    match item {
                        RawListItem::Text(s) => {
                            let b = self.block(&RawBlock::Text(s.clone()), ipath, depth + 1);
                            items.push(b.into_iter().collect());
                        }
                        RawListItem::Blocks(v) => {
                            if v.is_empty() {
                                self.value(
                                    &ipath,
                                    Msg::new(
                                        "mục của danh sách đang trống; hãy thêm một chuỗi hoặc các khối",
                                        "the list item is empty; add a string or blocks",
                                    ),
                                );
                            }
                            items.push(self.blocks(v, &ipath, depth + 1));
                        }
                    }
                }
                let marker = match o.marker {
                    Some(RawMarker::Plus) => ListMarker::Plus,
                    _ => ListMarker::Dash,
                };
                Some(BlockKind::List(List { marker, items }))
            }
            "table" => {
                let t = o.table.as_ref()?;
                self.table(t, &join(path, "table")).map(BlockKind::Table)
            }
            "paragraph" => {
                let content = self.inline(
                    o.paragraph.as_deref().unwrap_or(""),
                    &join(path, "paragraph"),
                    true,
                )?;
                Some(BlockKind::Paragraph(Paragraph {
                    content,
                    align: o.align.map(align),
                    indent: o.indent,
                    bold: o.bold.unwrap_or(false),
                    italic: o.italic.unwrap_or(false),
                }))
            }
            _ => {
                if o.page_break == Some(true) {
                    Some(BlockKind::PageBreak)
                } else {
                    self.value(
                        join(path, "page_break"),
                        Msg::new(
                            "phải là true (viết {\"page_break\": true}, hoặc xóa khối này)",
                            "must be true (write {\"page_break\": true}, or remove the block)",
                        ),
                    );
                    None
                }
            }
        }
    }

    fn table(&mut self, t: &RawTable, path: &str) -> Option<Table> {
        let errors_before = self.errors.len();
        let rows_path = join(path, "rows");
        let columns: Vec<Column> = match &t.columns {
            Some(cols) => {
                if cols.is_empty() {
                    self.value(
                        join(path, "columns"),
                        Msg::new("bảng không có cột nào", "the table has no columns"),
                    );
                }
                let mut out = Vec::with_capacity(cols.len());
                for (i, c) in cols.iter().enumerate() {
                    let cpath = format!("{path}.columns[{i}]");
                    let title = match &c.title {
                        Some(s) => self
                            .inline(s, &join(&cpath, "title"), false)
                            .unwrap_or_default(),
                        None => Vec::new(),
                    };
                    let width = c.width.unwrap_or(1.0);
                    if !(width > 0.0 && width <= 1000.0) {
                        self.value(
                            join(&cpath, "width"),
                            Msg::new(
                                format!(
                                    "{width} không dùng được làm độ rộng tương đối (lớn hơn 0, tối đa 1000)"
                                ),
                                format!(
                                    "{width} is not a usable relative width (more than 0, at most 1000)"
                                ),
                            ),
                        );
                    }
                    out.push(Column {
                        title,
                        width: width as f32,
                        align: c.align.map(align).unwrap_or(Align::Left),
                    });
                }
                out
            }
            None => {
                let n = t.rows.first().map_or(0, |r| r.len());
                (0..n)
                    .map(|_| Column {
                        title: Vec::new(),
                        width: 1.0,
                        align: Align::Left,
                    })
                    .collect()
            }
        };
        if t.rows.is_empty() {
            self.value(
                &rows_path,
                Msg::new(
                    "bảng không có hàng nào; hãy thêm ít nhất một hàng",
                    "the table has no rows; add at least one",
                ),
            );
        }
        let mut rows = Vec::with_capacity(t.rows.len());
        for (i, r) in t.rows.iter().enumerate() {
            let rpath = format!("{rows_path}[{i}]");
            if !self.count_block(&rpath) {
                break;
            }
            self.cells += r.len();
            if self.cells > MAX_TABLE_CELLS {
                if !self.cells_reported {
                    self.cells_reported = true;
                    self.err(
                        ErrorKind::Limit,
                        &rpath,
                        Msg::new(
                            format!(
                                "quá nhiều ô bảng: vanban cho phép tối đa {MAX_TABLE_CELLS} ô trong một văn bản"
                            ),
                            format!(
                                "too many table cells: vanban allows at most {MAX_TABLE_CELLS} per document"
                            ),
                        ),
                    );
                }
                break;
            }
            if r.is_empty() {
                self.value(
                    &rpath,
                    Msg::new(
                        "hàng đang trống; mỗi cột ghi một ô (\"\" cho ô trống)",
                        "the row is empty; give one cell per column (\"\" for an empty cell)",
                    ),
                );
                continue;
            }
            if r.len() != columns.len() {
                self.value(
                    &rpath,
                    Msg::new(
                        format!(
                            "hàng này có {} ô nhưng bảng có {} cột",
                            r.len(),
                            columns.len()
                        ),
                        format!(
                            "this row has {} cell{} but the table has {} column{}",
                            r.len(),
                            if r.len() == 1 { "" } else { "s" },
                            columns.len(),
                            if columns.len() == 1 { "" } else { "s" }
                        ),
                    ),
                );
                continue;
            }
            let mut cells = Vec::with_capacity(r.len());
            for (j, cell) in r.iter().enumerate() {
                cells.push(
                    self.inline(cell, &format!("{rpath}[{j}]"), false)
                        .unwrap_or_default(),
                );
            }
            rows.push(cells);
        }
        let header_rows = match t.header_rows {
            None => 0,
            Some(h) => self
                .integer(h, &join(path, "header_rows"), 0, t.rows.len() as i128, None)
                .unwrap_or(0),
        };
        if self.errors.len() > errors_before {
            return None;
        }
        Some(Table {
            columns,
            rows,
            header_rows,
        })
    }
}

fn align(a: RawAlign) -> Align {
    match a {
        RawAlign::Left => Align::Left,
        RawAlign::Center => Align::Center,
        RawAlign::Right => Align::Right,
        RawAlign::Justify => Align::Justify,
    }
}
