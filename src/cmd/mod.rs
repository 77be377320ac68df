//! The commands of `vanban`, one module each (typst-cli's layout: the
//! arguments in main.rs, then one file per subcommand), and the facts they
//! share, each stated once here: the exit codes, the failure type, the
//! `--format` and `--pdf-standard` arguments, where a separate-file
//! appendix is written beside the main file, and reading input, fonts and
//! `SOURCE_DATE_EPOCH`.

pub mod batch;
pub mod check;
pub mod extract;
pub mod fonts;
pub mod import;
pub mod issue;
pub mod new;
pub mod render;
pub mod schema;
pub mod serve;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use vanban::{FontSet, Format, PdfStandard};

use crate::cli_lang::t;

/// Exit code: the document has errors (bad input, a PDF without a source,
/// an issue refused).
pub const EXIT_DOCUMENT: u8 = 1;
/// Exit code: usage or I/O error.
pub const EXIT_USAGE: u8 = 2;

/// A command that failed: the exit code and the message for standard error.
#[derive(Debug)]
pub struct Failure {
    /// [`EXIT_DOCUMENT`] or [`EXIT_USAGE`].
    pub code: u8,
    /// What to print (its last line, for a batch).
    pub message: String,
}

impl Failure {
    /// A failure with `code`.
    pub fn new(code: u8, message: impl Into<String>) -> Self {
        Failure {
            code,
            message: message.into(),
        }
    }

    /// A usage or I/O error ([`EXIT_USAGE`]).
    pub fn usage(message: impl Into<String>) -> Self {
        Failure::new(EXIT_USAGE, message)
    }

    /// An error in the document ([`EXIT_DOCUMENT`]).
    pub fn document(message: impl Into<String>) -> Self {
        Failure::new(EXIT_DOCUMENT, message)
    }

    /// A render error: [`EXIT_DOCUMENT`] when the fault is in the document,
    /// else [`EXIT_USAGE`]; `message` is the error as the user reads it.
    pub fn render(e: &vanban::Error, message: String) -> Self {
        let code = if e.is_document_error() {
            EXIT_DOCUMENT
        } else {
            EXIT_USAGE
        };
        Failure::new(code, message)
    }
}

/// `--format`: which files to write.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum FormatArg {
    /// The PDF only.
    Pdf,
    /// The DOCX only.
    Docx,
    /// Both.
    All,
}

impl FormatArg {
    /// The formats asked for, PDF first.
    pub fn formats(self) -> Vec<Format> {
        match self {
            FormatArg::Pdf => vec![Format::Pdf],
            FormatArg::Docx => vec![Format::Docx],
            FormatArg::All => Format::ALL.to_vec(),
        }
    }

    /// The one format asked for (`None` for both).
    pub fn single(self) -> Option<Format> {
        match self {
            FormatArg::Pdf => Some(Format::Pdf),
            FormatArg::Docx => Some(Format::Docx),
            FormatArg::All => None,
        }
    }
}

/// `--pdf-standard`.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum StandardArg {
    /// Plain PDF.
    None,
    /// PDF/A-2b.
    A2b,
    /// PDF/A-3b (with the JSON source embedded).
    A3b,
    /// PDF/A-2a (tagged).
    A2a,
}

impl From<StandardArg> for PdfStandard {
    fn from(s: StandardArg) -> Self {
        match s {
            StandardArg::None => PdfStandard::None,
            StandardArg::A2b => PdfStandard::A2b,
            StandardArg::A3b => PdfStandard::A3b,
            StandardArg::A2a => PdfStandard::A2a,
        }
    }
}

/// `path` with `.<ext>` of `f` appended (`out/a` → `out/a.pdf`).
pub fn with_extension(path: &Path, f: Format) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(".");
    s.push(f.extension());
    PathBuf::from(s)
}

/// Where the file of a separate-file appendix named `name` (see
/// [`vanban::appendix_file_name`]) goes beside the main document's file
/// `path`: `out/x.pdf` → `out/x.phu-luc-1.pdf`; the sidecar
/// `out/x.meta.json` → `out/x.phu-luc-1.meta.json`.
pub fn appendix_path(path: &Path, name: &str) -> PathBuf {
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (stem, ext) = match file.strip_suffix(".meta.json") {
        Some(stem) => (stem.to_owned(), "meta.json".to_owned()),
        None => match file.rsplit_once('.') {
            Some((stem, ext)) if !stem.is_empty() => (stem.to_owned(), ext.to_owned()),
            _ => (file.clone(), String::new()),
        },
    };
    let file = if ext.is_empty() {
        format!("{stem}.{name}")
    } else {
        format!("{stem}.{name}.{ext}")
    };
    path.with_file_name(file)
}

/// The bytes of `r` in format `f` (empty when it was not asked for).
pub fn bytes_of(r: &vanban::Rendered, f: Format) -> &[u8] {
    match f {
        Format::Pdf => r.pdf.as_deref(),
        Format::Docx => r.docx.as_deref(),
    }
    .unwrap_or_default()
}

/// "cannot read PATH: error" in the language of this run.
pub fn cannot_read(path: &Path, e: &std::io::Error) -> String {
    t(
        format!("không đọc được {}: {e}", path.display()),
        format!("cannot read {}: {e}", path.display()),
    )
}

/// "cannot write PATH: error" as a usage or I/O failure.
pub fn cannot_write(path: &Path, e: &std::io::Error) -> Failure {
    Failure::usage(t(
        format!("không ghi được {}: {e}", path.display()),
        format!("cannot write {}: {e}", path.display()),
    ))
}

/// The bytes of a file, or of standard input for `-`.
pub fn read_input(input: &Path) -> Result<Vec<u8>, Failure> {
    if input == Path::new("-") {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).map_err(|e| {
            Failure::usage(t(
                format!("không đọc được đầu vào chuẩn: {e}"),
                format!("cannot read standard input: {e}"),
            ))
        })?;
        return Ok(buf);
    }
    std::fs::read(input).map_err(|e| Failure::usage(cannot_read(input, &e)))
}

/// Writes `bytes` to standard output and flushes it.
pub fn write_stdout(bytes: &[u8]) -> Result<(), Failure> {
    let mut out = std::io::stdout();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(|e| {
            Failure::usage(t(
                format!("không ghi được ra đầu ra chuẩn: {e}"),
                format!("cannot write to standard output: {e}"),
            ))
        })
}

/// The bundled fonts, or Times New Roman from `font_dir` (loaded once and
/// kept for the life of the process).
pub fn load_fonts(font_dir: Option<&Path>) -> Result<&'static FontSet, Failure> {
    match font_dir {
        None => Ok(FontSet::bundled()),
        Some(dir) => FontSet::from_dir(dir)
            .map(|f| &*Box::leak(Box::new(f)))
            .map_err(|e| {
                Failure::usage(t(format!("không nạp được phông chữ: {e}"), e.to_string()))
            }),
    }
}

/// `SOURCE_DATE_EPOCH` from the environment, when set.
pub fn source_date_epoch() -> Result<Option<i64>, Failure> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(v) if !v.trim().is_empty() => v.trim().parse::<i64>().map(Some).map_err(|_| {
            Failure::usage(t(
                format!("SOURCE_DATE_EPOCH={v:?} không phải là một số nguyên giây"),
                format!("SOURCE_DATE_EPOCH={v:?} is not a whole number of seconds"),
            ))
        }),
        _ => Ok(None),
    }
}

/// `text` with `prefix: ` before each of its lines (the file name before
/// each error, so that every line of a long report says which file).
pub fn prefix_lines(prefix: &str, text: &str) -> String {
    text.lines()
        .map(|l| format!("{prefix}: {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appendix_paths_sit_beside_the_main_file() {
        let p = |s: &str| appendix_path(Path::new(s), "phu-luc-1");
        assert_eq!(p("out/x.pdf"), PathBuf::from("out/x.phu-luc-1.pdf"));
        assert_eq!(
            p("out/x.meta.json"),
            PathBuf::from("out/x.phu-luc-1.meta.json")
        );
        assert_eq!(p("out/v1.2.docx"), PathBuf::from("out/v1.2.phu-luc-1.docx"));
        assert_eq!(p("out/x"), PathBuf::from("out/x.phu-luc-1"));
        assert_eq!(
            with_extension(Path::new("2023/a"), Format::Docx),
            PathBuf::from("2023/a.docx")
        );
    }
}
