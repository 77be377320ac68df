//! vanban: Vietnamese administrative documents (Decree 30/2020/NĐ-CP) from
//! JSON to DOCX and PDF.
//!
//! This is the small facade the CLI uses: [`render`] runs the whole pipeline
//! (model → layout style → Flow → DOCX, and Flow → paginate → Pages → PDF)
//! in memory and hands back the bytes; writing files is the caller's job.

use std::path::Path;

pub use vanban_layout::fonts::FontSet;
pub use vanban_pdf::PdfStandard;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// PDF (PDF/A-2b by default).
    Pdf,
    /// Office Open XML (Word).
    Docx,
}

/// How to render.
#[derive(Clone, Copy)]
pub struct RenderOptions<'a> {
    /// Which PDF standard to write.
    pub pdf_standard: PdfStandard,
    /// `SOURCE_DATE_EPOCH`: the date used where the document gives none.
    pub source_date_epoch: Option<i64>,
    /// The fonts (bundled Liberation Serif unless the user gave Times New Roman).
    pub fonts: &'a FontSet,
}

impl Default for RenderOptions<'static> {
    fn default() -> Self {
        RenderOptions {
            pdf_standard: PdfStandard::A2b,
            source_date_epoch: None,
            fonts: FontSet::bundled(),
        }
    }
}

/// The rendered files.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rendered {
    /// The PDF, when asked for.
    pub pdf: Option<Vec<u8>>,
    /// The DOCX, when asked for.
    pub docx: Option<Vec<u8>>,
}

/// Everything that can go wrong while rendering one document.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input is not a valid document (syntax, types, validation).
    #[error("{0}")]
    Input(#[from] vanban_model::Errors),
    /// The document cannot be styled (e.g. a character no font has).
    #[error("{0}")]
    Style(#[from] vanban_layout::style::StyleError),
    /// The document cannot be typeset.
    #[error("{0}")]
    Layout(#[from] vanban_layout::paginate::LayoutError),
    /// The PDF writer failed.
    #[error("PDF: {0}")]
    Pdf(#[from] vanban_pdf::PdfError),
    /// The DOCX writer failed.
    #[error("DOCX: {0}")]
    Docx(#[from] vanban_docx::DocxError),
}

impl Error {
    /// Whether the fault is in the document (exit code 1) rather than the tool.
    pub fn is_document_error(&self) -> bool {
        matches!(self, Error::Input(_) | Error::Style(_) | Error::Layout(_))
    }
}

/// Parses and validates a document without rendering it.
pub fn check(json: &[u8]) -> Result<vanban_model::Document, Error> {
    Ok(vanban_model::parse_bytes(json)?)
}

/// Converts `SOURCE_DATE_EPOCH` seconds to an ISO 8601 UTC timestamp.
pub fn epoch_to_iso(secs: i64) -> Option<String> {
    chrono::DateTime::from_timestamp(secs, 0).map(|d| d.format("%Y-%m-%dT%H:%M:%SZ").to_string())
}

/// The timestamp written into the files' metadata, as ISO 8601 UTC. Never the
/// clock: the document's full date when it has one; else `SOURCE_DATE_EPOCH`;
/// else the first day of what the document's partial date gives (a report
/// dated "2023-06" → 2023-06-01); else 1970-01-01 (PDF/A needs a date).
pub fn metadata_timestamp(
    date: &vanban_model::PartialDate,
    source_date_epoch: Option<i64>,
) -> String {
    if let (Some(y), Some(m), Some(d)) = (date.year, date.month, date.day) {
        return format!("{y:04}-{m:02}-{d:02}T00:00:00Z");
    }
    if let Some(iso) = source_date_epoch.and_then(epoch_to_iso) {
        return iso;
    }
    match date.year {
        Some(y) => format!("{y:04}-{:02}-01T00:00:00Z", date.month.unwrap_or(1)),
        None => "1970-01-01T00:00:00Z".to_string(),
    }
}

fn pdf_timestamp(iso: &str) -> Option<vanban_pdf::Timestamp> {
    let dt = chrono::DateTime::parse_from_rfc3339(iso).ok()?;
    vanban_pdf::Timestamp::from_unix(dt.timestamp())
}

/// Renders one JSON document to the asked formats, entirely in memory.
pub fn render(
    json: &[u8],
    formats: &[Format],
    opts: &RenderOptions<'_>,
) -> Result<Rendered, Error> {
    let doc = vanban_model::parse_bytes(json)?;
    let flow = vanban_layout::style::style(&doc, opts.fonts)?;
    let timestamp = metadata_timestamp(&doc.date, opts.source_date_epoch);
    let mut out = Rendered::default();
    if formats.contains(&Format::Docx) {
        let docx_opts = vanban_docx::DocxOptions {
            timestamp: Some(timestamp.clone()),
        };
        out.docx = Some(vanban_docx::write_docx(&flow, &docx_opts)?);
    }
    if formats.contains(&Format::Pdf) {
        let pages = vanban_layout::paginate::paginate(&flow, opts.fonts)?;
        let pdf_opts = vanban_pdf::PdfOptions {
            standard: opts.pdf_standard,
            timestamp: pdf_timestamp(&timestamp),
            attachment: (opts.pdf_standard == PdfStandard::A3b)
                .then(|| vanban_pdf::Attachment::json_source("source.json", json.to_vec())),
        };
        out.pdf = Some(vanban_pdf::write_pdf(&pages, opts.fonts, &pdf_opts)?);
    }
    Ok(out)
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder,
/// then a rename, so a failure never leaves a partial or truncated file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".to_string());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
