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
/// 0.216 + line gap 0.042, see design/traps.md): the lower bound of an exact
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
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.render())]
pub struct Error {
    /// JSON path such as `body[3].body[1].heading`; empty for the whole document.
    pub path: String,
    /// 1-based line in the input, when known.
    pub line: Option<usize>,
    /// 1-based column in the input (in characters), when known.
    pub column: Option<usize>,
    /// What is wrong, in plain words.
    pub message: String,
    /// The class of error.
    pub kind: ErrorKind,
}

impl Error {
    /// A new error without position.
    pub fn new(kind: ErrorKind, path: impl Into<String>, message: impl Into<String>) -> Error {
        Error {
            path: path.into(),
            line: None,
            column: None,
            message: message.into(),
            kind,
        }
    }

    /// The path as shown to users: "(document)" for the root.
    pub fn display_path(&self) -> &str {
        if self.path.is_empty() {
            "(document)"
        } else {
            &self.path
        }
    }

    fn render(&self) -> String {
        let mut s = format!("{}: {}", self.display_path(), self.message);
        match (self.line, self.column) {
            (Some(l), Some(c)) => s.push_str(&format!(" (line {l}, column {c})")),
            (Some(l), None) => s.push_str(&format!(" (line {l})")),
            _ => {}
        }
        s
    }
}

/// All the errors found in one input; never empty. Displays one per line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Errors(Vec<Error>);

impl fmt::Display for Errors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
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
            "the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8",
        )));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => parse(s),
        Err(e) => Err(Errors::single(not_utf8(bytes, e.valid_up_to()))),
    }
}

/// Parses and validates a JSON document (see input-format.md). A leading BOM
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
            format!(
                "nested too deeply: more than {MAX_JSON_DEPTH} levels of arrays and objects here (blocks may nest at most {MAX_DEPTH} deep); flatten the structure"
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
            "the input is empty; expected a JSON object describing one document",
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
            "the document is not valid",
        ))),
    }
}

fn too_big(len: usize) -> Error {
    Error::new(
        ErrorKind::Limit,
        "",
        format!(
            "the input is {len} bytes; vanban reads at most {MAX_INPUT_BYTES} bytes (16 MiB) per document"
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
            format!(
                "the JSON ends too early ({base}); a closing bracket, brace or quote is missing"
            ),
        ),
        Category::Syntax if base.contains("recursion limit") => (
            ErrorKind::Limit,
            format!("nested too deeply ({base}); blocks may nest at most {MAX_DEPTH} deep"),
        ),
        Category::Syntax | Category::Io => (ErrorKind::Syntax, format!("invalid JSON: {base}")),
        Category::Data => (ErrorKind::Structure, base),
    };
    let mut err = Error::new(kind, path, message);
    if e.line() > 0 {
        err.line = Some(e.line());
        if e.column() > 0 {
            err.column = Some(char_column(json, e.line(), e.column()));
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
    let guess = match guess_legacy_encoding(bytes) {
        Some(name) => format!("it looks like {name} (a guess)"),
        None => "it may be a legacy Vietnamese encoding (Windows-1258, TCVN3 or VNI)".to_string(),
    };
    let mut e = Error::new(
        ErrorKind::Encoding,
        "",
        format!(
            "the file is not UTF-8 (byte 0x{byte:02X} at offset {offset}); {guess} — save it as UTF-8 (in Word or Notepad: Save As, Encoding: UTF-8; or convert with UniKey's tool)"
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

fn control_name(c: char) -> &'static str {
    match c {
        '\0' => " (NUL)",
        '\t' => " (tab)",
        '\n' => " (line feed: a line break, not allowed in this field)",
        '\r' => " (carriage return)",
        '\u{0B}' => " (vertical tab)",
        '\u{0C}' => " (form feed)",
        '\u{1B}' => " (escape)",
        '\u{7F}' => " (delete)",
        _ => "",
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
    out.extend(chars.iter().map(|c| if *c == '\n' { '⏎' } else { *c }));
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
fn parse_date(s: &str, full_only: bool) -> Result<PartialDate, String> {
    let form_hint = if full_only {
        "write YYYY-MM-DD, e.g. \"2023-06-05\""
    } else {
        "write YYYY-MM-DD (e.g. \"2023-06-05\"), YYYY-MM to leave the day blank for the clerk, YYYY, or null"
    };
    let parts: Vec<&str> = s.split('-').collect();
    let lens: Vec<usize> = parts.iter().map(|p| p.len()).collect();
    let shape_ok = match lens.as_slice() {
        [4] | [4, 2] | [4, 2, 2] => parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())),
        _ => false,
    } && (!full_only || parts.len() == 3);
    if !shape_ok {
        return Err(format!(
            "\"{s}\" is not a date in a supported form; {form_hint}"
        ));
    }
    let year = parts.first().and_then(|p| parse_digits(p)).unwrap_or(0);
    let month = parts.get(1).and_then(|p| parse_digits(p));
    let day = parts.get(2).and_then(|p| parse_digits(p));
    let year = i32::try_from(year).unwrap_or(0);
    if !YEARS.contains(&year) {
        return Err(format!(
            "{s}: the year {year} looks mistyped (vanban accepts {}–{})",
            YEARS.start(),
            YEARS.end()
        ));
    }
    if let Some(m) = month
        && !(1..=12).contains(&m)
    {
        return Err(format!("{s} is not a real date (there is no month {m})"));
    }
    if let (Some(m), Some(d)) = (month, day) {
        if d == 0 {
            return Err(format!("{s} is not a real date (there is no day 0)"));
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
            return Err(format!(
                "{s} is not a real date ({name} {year} has {days} days)"
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
fn check_symbol(s: &str) -> Result<(), String> {
    if s.trim().is_empty() {
        return Err("is empty".to_string());
    }
    for (i, c) in s.chars().enumerate() {
        let ok = c.is_ascii_alphanumeric() || matches!(c, 'Đ' | 'đ' | '-' | '/' | '&' | '.');
        if !ok {
            let what = if c.is_whitespace() {
                "a space".to_string()
            } else {
                format!("\"{c}\" (U+{:04X})", c as u32)
            };
            return Err(format!(
                "\"{s}\" contains {what} at character {}; a symbol is letters (Đ included), digits and \"-\", \"/\", \"&\", \".\" with no spaces",
                i + 1
            ));
        }
    }
    if s.starts_with(['-', '/']) || s.ends_with(['-', '/']) {
        return Err(format!("\"{s}\" starts or ends with \"-\" or \"/\""));
    }
    Ok(())
}

const TWO_SIGNER_TYPES: [DocType; 4] = [
    DocType::BienBan,
    DocType::HopDong,
    DocType::BanGhiNho,
    DocType::BanThoaThuan,
];

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
    fn err(&mut self, kind: ErrorKind, path: impl Into<String>, message: impl Into<String>) {
        self.errors.push(Error::new(kind, path, message));
    }

    fn value(&mut self, path: impl Into<String>, message: impl Into<String>) {
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
                format!(
                    "… and {} more errors not shown",
                    total - MAX_REPORTED_ERRORS
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
            self.value(path, "is empty; write the text or leave the field out");
            return None;
        }
        if rule.newline {
            self.line_breaks += s.bytes().filter(|&b| b == b'\n').count();
            if self.line_breaks > MAX_LINE_BREAKS && !self.line_breaks_reported {
                self.line_breaks_reported = true;
                self.err(
                    ErrorKind::Limit,
                    path,
                    format!(
                        "too many line breaks: vanban allows at most {MAX_LINE_BREAKS} per document"
                    ),
                );
                return None;
            }
        }
        for (i, c) in s.chars().enumerate() {
            if c.is_control() && !(rule.newline && c == '\n') {
                self.value(
                    path,
                    format!(
                        "contains the control character U+{:04X}{} at character {}; remove it",
                        c as u32,
                        control_name(c),
                        i + 1
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
                        format!(
                            "too many footnotes: vanban allows at most {MAX_FOOTNOTES} per document"
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
        self.err(
            ErrorKind::Markup,
            path,
            format!("{e} — in \"{}\"", excerpt(text, e.offset)),
        );
    }

    fn integer(
        &mut self,
        n: RawInteger,
        path: &str,
        min: i128,
        max: i128,
        hint: &str,
    ) -> Option<u32> {
        let v = n.0;
        if v < min {
            self.value(path, format!("must be {min} or more (got {v}){hint}"));
            return None;
        }
        if v > max {
            self.value(path, format!("is too large (got {v}; at most {max})"));
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
                let guess = raw.doc_type.to_lowercase().replace(['-', ' '], "_");
                let hint = match DocType::from_key(&guess) {
                    Some(t) => format!(" (did you mean \"{}\"?)", t.key()),
                    None => String::new(),
                };
                self.value(
                    "type",
                    format!(
                        "unknown document type \"{}\"{hint}; valid types: {}",
                        raw.doc_type,
                        keys.join(", ")
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
                "; use null to leave the number blank for the clerk",
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
        let place = self.text(&raw.place, "place", LINE);
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
            self.value("body", "the body is empty; add at least one paragraph");
        }
        let body = self.blocks(&raw.body, "body", 1);
        let signatures = self.signatures(&raw.signature, ty, doc_type.is_some());
        let recipients = self.texts(raw.recipients.as_ref(), "recipients");
        let archive = match &raw.archive {
            None => vec!["VT".to_string()],
            Some(v) if v.is_empty() => {
                self.value(
                    "archive",
                    "is empty; list at least \"VT\" (the clerical office keeps a copy), or leave the field out",
                );
                Vec::new()
            }
            Some(v) => self.texts(Some(v), "archive"),
        };
        let drafter = raw.drafter.as_ref().and_then(|d| {
            let initials = self.text(&d.initials, "drafter.initials", LINE);
            let copies = d
                .copies
                .and_then(|c| self.integer(c, "drafter.copies", 1, i128::from(u32::MAX), ""));
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
                    "the appendix body is empty; add at least one block",
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
                    "is empty; list the label kinds by depth, e.g. [\"1.\", \"a)\", \"-\"], or leave the field out",
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
        Some(Issuer {
            parent,
            name: name?,
            abbr,
            unit,
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
        let max = if TWO_SIGNER_TYPES.contains(&ty) { 2 } else { 1 };
        if list.is_empty() {
            self.value("signature", "the list of signers is empty; give one signer");
            return None;
        }
        if list.len() > max && type_known {
            let msg = if max == 1 {
                format!(
                    "a {} has one signer, but {} are given; only biên bản, hợp đồng, bản ghi nhớ and bản thỏa thuận have two",
                    ty.key(),
                    list.len()
                )
            } else {
                format!(
                    "at most two signers (left and right), but {} are given",
                    list.len()
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
                            "\"TM\" is what on_behalf_of already says; with on_behalf_of given, for.mode must be KT, TL, TUQ or Q",
                        );
                    } else {
                        // "TM." is written with on_behalf_of; accept it here too.
                        on_behalf_of = title.clone();
                    }
                    None
                }
                other => {
                    let trimmed = other.trim().trim_end_matches('.').to_uppercase();
                    let hint = if ["KT", "TL", "TUQ", "Q", "TM"].contains(&trimmed.as_str()) {
                        format!(" (write \"{trimmed}\")")
                    } else {
                        String::new()
                    };
                    self.value(
                        &mpath,
                        format!(
                            "unknown signing mode \"{other}\"{hint}; valid modes: KT (deputy for the head), TL (by order), TUQ (by authorisation), Q (acting); for TM use on_behalf_of"
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
                        "the signer's title is missing (e.g. \"CHỦ TỊCH\", \"PHÓ CHỦ TỊCH\"); it may be left out only when for.mode is \"Q\"",
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
                format!("seal_mm {mm} is not a seal's diameter: give 30 to 45 (mm; default 36)"),
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
                    format!(
                        "{size} pt is outside Decree 30 (App. I §II.6.e): the body is 13 or 14 pt"
                    ),
                );
            }
        }
        if let Some(m) = raw.margins_mm {
            let checks = [
                ("top", m.top, 20.0, 25.0),
                ("bottom", m.bottom, 20.0, 25.0),
                ("left", m.left, 30.0, 35.0),
                ("right", m.right, 15.0, 20.0),
            ];
            let mut ok = true;
            for (name, v, lo, hi) in checks {
                if !(lo..=hi).contains(&v) {
                    ok = false;
                    self.value(
                        format!("style.margins_mm.{name}"),
                        format!("{v} mm is outside Decree 30 (App. I §I.3): the {name} margin is {lo}–{hi} mm"),
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
                    format!("{cm} cm is outside Decree 30 (App. I §II.6.e): the first-line indent is 1 or 1.27 cm"),
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
                            format!("{x} is outside Decree 30 (App. I §II.6.e): line spacing is from single (1.0) to 1.5 lines"),
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
                            format!(
                                "{exact_pt} pt is outside Decree 30 (App. I §II.6.e): an exact line pitch must lie between single and 1.5 lines, {lo:.1}–{hi:.1} pt{}",
                                if out.body_size.is_none() { " (for 13 and 14 pt text; set style.body_size for its own range)" } else { "" }
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
                    format!("{sp} pt is out of range: at least 6 pt (Decree 30 App. I §II.6.e) and at most 24 pt"),
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
                        format!("\"{l}\" is not a language tag such as \"vi\" or \"vi-VN\""),
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
                self.integer(p, "meta.priority", 0, 9, " (Decree 30 App. VI: one digit)")
            }),
            keywords: self.texts(m.keywords.as_ref(), "meta.keywords"),
            due_date,
            issued_amount: m
                .issued_amount
                .and_then(|n| self.integer(n, "meta.issued_amount", 1, i128::from(u32::MAX), "")),
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
                    format!("too many blocks: vanban allows at most {MAX_BLOCKS} per document"),
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
                format!("blocks are nested more than {MAX_DEPTH} deep here; flatten the structure"),
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
                    "this block has none of the keys heading, part, chapter, section, list, table, paragraph, page_break; a block object needs exactly one",
                );
                return None;
            }
            many => {
                self.err(
                    ErrorKind::Structure,
                    path,
                    format!(
                        "this block has the keys {}; a block object has exactly one of heading, part, chapter, section, list, table, paragraph, page_break (split it into several blocks)",
                        many.iter().map(|k| format!("\"{k}\"")).collect::<Vec<_>>().join(" and ")
                    ),
                );
                return None;
            }
        };
        // Options that do not belong to this kind of block.
        let allowed: &[&str] = match kind {
            "heading" => &["number", "numbered", "body"],
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
                    format!(
                        "\"{key}\" does not apply to a {kind} block (it is used with {owners})"
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
                        "\"number\" is given but \"numbered\" is false; keep one of them",
                    );
                }
                let body = match &o.body {
                    None => None,
                    Some(b) if b.is_empty() => {
                        self.value(
                            join(path, "body"),
                            "the body is empty; leave \"body\" out for a run-in numbered paragraph",
                        );
                        None
                    }
                    Some(b) => Some(self.blocks(b, &join(path, "body"), depth + 1)),
                };
                Some(BlockKind::Heading(Heading {
                    text: text?,
                    number: number?,
                    numbered,
                    body,
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
                            format!("the {kind}'s body is empty; add its content"),
                        );
                        Vec::new()
                    }
                    None => {
                        self.value(path, format!("a {kind} needs a \"body\" with its content"));
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
                    self.value(&lpath, "the list is empty; add at least one item");
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
                                    "the list item is empty; add a string or blocks",
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
                        "must be true (write {\"page_break\": true}, or remove the block)",
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
                    self.value(join(path, "columns"), "the table has no columns");
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
                            format!(
                                "{width} is not a usable relative width (more than 0, at most 1000)"
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
            self.value(&rows_path, "the table has no rows; add at least one");
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
                        format!(
                            "too many table cells: vanban allows at most {MAX_TABLE_CELLS} per document"
                        ),
                    );
                }
                break;
            }
            if r.is_empty() {
                self.value(
                    &rpath,
                    "the row is empty; give one cell per column (\"\" for an empty cell)",
                );
                continue;
            }
            if r.len() != columns.len() {
                self.value(
                    &rpath,
                    format!(
                        "this row has {} cell{} but the table has {} column{}",
                        r.len(),
                        if r.len() == 1 { "" } else { "s" },
                        columns.len(),
                        if columns.len() == 1 { "" } else { "s" }
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
                .integer(h, &join(path, "header_rows"), 0, t.rows.len() as i128, " ")
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
