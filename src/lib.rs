//! vanban: Vietnamese administrative documents (Decree 30/2020/NĐ-CP) from
//! JSON to DOCX and PDF.
//!
//! This is the small facade the CLI uses: [`render`] runs the whole pipeline
//! (model → layout style → Flow → DOCX, and Flow → paginate → Pages → PDF)
//! in memory and hands back the bytes; writing files is the caller's job.
//!
//! Besides the bytes, [`Rendered`] carries what e-office tools need: the
//! Decree 30 Appendix VI fields (with `PageAmount`, the page count), the
//! rectangles of the clerk's blanks and of the signature and seal rooms, and
//! the signature fields added to the PDF; [`Rendered::meta_json`] writes them
//! as the `--meta-json` sidecar. [`extract_source`] reads the JSON source
//! back out of a PDF/A-3b file.

#![deny(missing_docs)]

use std::path::Path;

mod atomic;
pub mod messages;
pub mod starters;

pub use atomic::{
    Staged, sync_to_disk, write_all_atomic, write_all_atomic_with, write_file, write_file_unsynced,
};
pub use starters::starter;

mod issuance;
pub mod sidecar;
pub use issuance::{IssueError, IssueRequest, issue};
pub use vanban_layout::flow::{EOffice, RegionKind, SignerInfo};
pub use vanban_layout::fonts::FontSet;
pub use vanban_pdf::sign::{FIELD_ORGANISATION, FIELD_SIGNER};
pub use vanban_pdf::{EmbeddedSource, ExtractError, PdfStandard, SignatureField};

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// PDF (PDF/A-2b by default).
    Pdf,
    /// Office Open XML (Word).
    Docx,
}

impl Format {
    /// Both formats, PDF first (the order their files are written in).
    pub const ALL: [Format; 2] = [Format::Pdf, Format::Docx];

    /// The file extension, without the dot: `pdf`, `docx`.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
        }
    }

    /// The format a file extension names (any case), if any.
    pub fn from_extension(ext: &str) -> Option<Format> {
        Format::ALL
            .into_iter()
            .find(|f| ext.eq_ignore_ascii_case(f.extension()))
    }
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

/// Options of the issuance post-steps, apart from [`RenderOptions`] (so that
/// code building `RenderOptions` field by field keeps compiling).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutputOptions {
    /// Add empty signature fields to the PDF (`ChuKy_NguoiKy`,
    /// `ChuKy_CoQuan`, …; see [`vanban_pdf::sign`]). On by default.
    pub sign_fields: bool,
}

impl Default for OutputOptions {
    fn default() -> Self {
        OutputOptions { sign_fields: true }
    }
}

/// A named rectangle of the typeset document, in PDF terms.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlacedRegion {
    /// Which region (number/day blank, signature or seal room).
    pub kind: RegionKind,
    /// 0-based page index.
    pub page: usize,
    /// `[x1, y1, x2, y2]` in PDF points, origin at the page's bottom-left
    /// corner, y up.
    pub rect: [f32; 4],
}

/// The rendered files, and what the typesetter learned about them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rendered {
    /// The PDF, when asked for.
    pub pdf: Option<Vec<u8>>,
    /// The DOCX, when asked for.
    pub docx: Option<Vec<u8>>,
    /// The Decree 30 Appendix VI fields, as written into the XMP, the DOCX
    /// custom properties and the sidecar ([`EOffice::fields`]); with
    /// `PageAmount` when the document could be paginated.
    pub eoffice: EOffice,
    /// Nơi nhận items the metadata's `To` could not resolve to recipients
    /// ("Như Điều 4", or "Như trên" without Kính gửi): `To` carries them
    /// literally; the sidecar lists them as `unresolvedTo`.
    pub unresolved_to: Vec<String>,
    /// Number of PDF pages (appendices included), when paginated.
    pub page_count: Option<usize>,
    /// Page size in points (width, height), when paginated.
    pub page_size: Option<(f32, f32)>,
    /// Every named region: the clerk's blanks ("Thêm số" / "Thêm ngày"),
    /// signature and seal rooms.
    pub regions: Vec<PlacedRegion>,
    /// The signature fields added to the PDF (empty without the PDF or with
    /// [`OutputOptions::sign_fields`] off).
    pub signature_fields: Vec<SignatureField>,
    /// The clerk's text fields added to the PDF (`SoKyHieu`, `NgayBanHanh`,
    /// …; empty without the PDF or with [`OutputOptions::sign_fields`] off).
    pub text_fields: Vec<vanban_pdf::TextField>,
    /// Each signer's title and name lines (text anchors for signing tools).
    pub signers: Vec<sidecar::SignerAnchor>,
    /// Appendices issued as files of their own (Decree 30 App. I §III.1.d,
    /// App. III Mẫu 2.2), in the input's order; empty for them.
    pub appendix_files: Vec<AppendixFile>,
}

/// An appendix issued as a file of its own, rendered.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AppendixFile {
    /// ASCII name for the files, `<stem>.<name>.pdf` (see [`appendix_file_name`]).
    pub name: String,
    /// Its files; its one signature field is `ChuKy_CoQuan`, at the top
    /// right of its first page.
    pub rendered: Rendered,
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

/// Renders one JSON document to the asked formats, entirely in memory, with
/// the default [`OutputOptions`] (signature fields on).
pub fn render(
    json: &[u8],
    formats: &[Format],
    opts: &RenderOptions<'_>,
) -> Result<Rendered, Error> {
    render_with(json, formats, opts, &OutputOptions::default())
}

/// Renders one JSON document to the asked formats, entirely in memory.
///
/// The document is always paginated (the page count goes into the metadata
/// of both formats as `PageAmount`); when only the DOCX is asked for and
/// pagination fails, the DOCX is still written, without `PageAmount`.
/// Appendices issued as files of their own come back in
/// [`Rendered::appendix_files`], rendered the same way.
pub fn render_with(
    json: &[u8],
    formats: &[Format],
    opts: &RenderOptions<'_>,
    output: &OutputOptions,
) -> Result<Rendered, Error> {
    let doc = vanban_model::parse_bytes(json)?;
    let mut flow = vanban_layout::style::style(&doc, opts.fonts)?;
    let timestamp = metadata_timestamp(&doc.date, opts.source_date_epoch);
    let seals: Vec<(u8, f32)> = (0u8..)
        .zip(&doc.signatures)
        .filter_map(|(i, s)| s.seal_mm.map(|mm| (i, mm)))
        .collect();
    let job = Job {
        formats,
        opts,
        output,
        timestamp: &timestamp,
        seals: &seals,
    };
    let flows = std::mem::take(&mut flow.attachments);
    let mut out = job.render(flow, Some(json))?;
    out.unresolved_to = vanban_layout::style::metadata_recipients(&doc).1;
    let count = doc.appendices.len();
    let separate = doc
        .appendices
        .iter()
        .enumerate()
        .filter(|(_, a)| a.separate_file)
        .map(|(i, _)| i);
    for (i, flow) in separate.zip(flows) {
        out.appendix_files.push(AppendixFile {
            name: appendix_file_name(i, count),
            rendered: job.render(flow, None)?,
        });
    }
    Ok(out)
}

/// The ASCII name of appendix `index` of `count` issued as its own file,
/// for `<stem>.<name>.pdf`: "phu-luc" for a lone appendix, else "phu-luc-1",
/// "phu-luc-2" … (the appendix's position among all appendices).
pub fn appendix_file_name(index: usize, count: usize) -> String {
    if count >= 2 {
        format!("phu-luc-{}", index + 1)
    } else {
        "phu-luc".to_owned()
    }
}

/// What every file of one document is rendered with.
struct Job<'a> {
    formats: &'a [Format],
    opts: &'a RenderOptions<'a>,
    output: &'a OutputOptions,
    timestamp: &'a str,
    /// `signature.seal_mm` of each signer that gives one.
    seals: &'a [(u8, f32)],
}

impl Job<'_> {
    /// Renders one file (the main document, or one separate-file appendix)
    /// from its flow; `source` is the input JSON to embed (PDF/A-3b).
    fn render(
        &self,
        mut flow: vanban_layout::flow::Flow,
        source: Option<&[u8]>,
    ) -> Result<Rendered, Error> {
        let opts = self.opts;
        let want_pdf = self.formats.contains(&Format::Pdf);
        let pages = match vanban_layout::paginate::paginate(&flow, opts.fonts) {
            Ok(mut p) => {
                for (signer, mm) in self.seals {
                    vanban_layout::paginate::resize_seals(&mut p, *signer, *mm);
                }
                flow.info.eoffice.page_amount = Some(p.pages.len());
                p.info.eoffice = flow.info.eoffice.clone();
                Some(p)
            }
            Err(e) if want_pdf => return Err(e.into()),
            Err(_) => None,
        };
        let mut out = Rendered {
            eoffice: flow.info.eoffice.clone(),
            ..Rendered::default()
        };
        if self.formats.contains(&Format::Docx) {
            let docx_opts = vanban_docx::DocxOptions {
                timestamp: Some(self.timestamp.to_owned()),
                pins: pages.as_ref().map(|p| p.pins.clone()),
            };
            out.docx = Some(vanban_docx::write_docx(&flow, &docx_opts)?);
        }
        let Some(pages) = &pages else {
            return Ok(out);
        };
        out.page_count = Some(pages.pages.len());
        out.page_size = Some((pages.width, pages.height));
        for (page, p) in pages.pages.iter().enumerate() {
            for r in &p.regions {
                out.regions.push(PlacedRegion {
                    kind: r.kind,
                    page,
                    rect: vanban_pdf::sign::to_pdf_rect(
                        pages.page_size(page).1,
                        r.x,
                        r.y,
                        r.w,
                        r.h,
                    ),
                });
            }
        }
        if want_pdf {
            let pdf_opts = vanban_pdf::PdfOptions {
                standard: opts.pdf_standard,
                timestamp: pdf_timestamp(self.timestamp),
                attachment: source
                    .filter(|_| opts.pdf_standard == PdfStandard::A3b)
                    .map(|json| vanban_pdf::Attachment::json_source("source.json", json.to_vec())),
                sign_fields: self.output.sign_fields,
            };
            out.pdf = Some(vanban_pdf::write_pdf(pages, opts.fonts, &pdf_opts)?);
            if self.output.sign_fields {
                out.signature_fields = vanban_pdf::signature_fields(pages);
                out.text_fields = vanban_pdf::text_fields(pages);
            }
            out.signers = sidecar::signer_anchors(pages, &out.signature_fields);
        }
        Ok(out)
    }
}

/// Reads the JSON source embedded in a PDF/A-3b file written with
/// `--pdf-standard a3b`, byte for byte.
pub fn extract_source(pdf: &[u8]) -> Result<EmbeddedSource, ExtractError> {
    vanban_pdf::extract_source(pdf)
}

/// The name of a region kind in the sidecar (`"NumberBlank"`, `"Signature"`, …)
/// and the signer index for signature and seal rooms.
pub fn region_name(kind: RegionKind) -> (&'static str, Option<u8>) {
    match kind {
        RegionKind::NumberBlank => ("NumberBlank", None),
        RegionKind::DayBlank => ("DayBlank", None),
        RegionKind::MonthBlank => ("MonthBlank", None),
        RegionKind::YearBlank => ("YearBlank", None),
        RegionKind::Signature(i) => ("Signature", Some(i)),
        RegionKind::Seal(i) => ("Seal", Some(i)),
        RegionKind::AttachmentSignature => ("AttachmentSignature", None),
    }
}

impl Rendered {
    /// The `--meta-json` sidecar: a JSON object with, in this order,
    /// `generator`, `eoffice` (the Appendix VI fields in the decree's order;
    /// `SignerInfo.Position`/`.FullName` nested as `SignerInfo`; Number
    /// fields as numbers; a repeated field's values joined with
    /// [`EOffice::JOIN`]), `unresolvedTo` (only when some Nơi nhận item such as "Như
    /// Điều 4" could not be resolved for `To`), `pageCount`, `pageSize`, `coordinates` (how to read the
    /// rectangles: PDF points, origin at the bottom-left corner of the page,
    /// y up, `[x1, y1, x2, y2]`, 0-based `page`), `regions` (kind, signer
    /// index for signature/seal rooms, page, rect) and `signatureFields`
    /// (name, page, rect), then `pageSizes`, `textFields` (name, blank,
    /// page, rect, font, size, style, baseline, alignment, maxLength,
    /// label) and `signers` (title and name lines with boxes and NFC text);
    /// see [`sidecar`] and docs/meta.schema.json. Deterministic; ends with
    /// a line feed.
    pub fn meta_json(&self) -> String {
        sidecar::meta_json(self)
    }
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder,
/// flushed to disk, then a rename, so a failure never leaves a partial or
/// truncated file ([`write_all_atomic`] with one file).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_all_atomic(&[(path.to_path_buf(), bytes)]).map_err(|(_, e)| e)
}

/// The `$schema` written at the top of imported JSON (`vanban schema >
/// vanban.schema.json` puts the schema there).
pub const IMPORT_SCHEMA: &str = "vanban.schema.json";

pub use vanban_import::{ImportError, Report as ImportReport, SourceKind};

/// Imports a Word file (DOCX) or typed text into the model, with the
/// import report (what was recognised, guessed, kept as plain paragraphs or
/// left out, and where). The document is validated exactly as JSON input is.
pub fn import(
    bytes: &[u8],
    kind: SourceKind,
) -> Result<(vanban_model::Document, vanban_import::Report), ImportError> {
    let i = vanban_import::import(bytes, kind)?;
    Ok((i.document, i.report))
}

/// Imports a Word file or typed text and returns vanban's input JSON
/// (pretty, with `"$schema"`) and the report: what `vanban import` writes
/// and what the web editor's import endpoint sends back.
pub fn import_json(
    bytes: &[u8],
    kind: SourceKind,
) -> Result<(String, vanban_import::Report), ImportError> {
    let i = vanban_import::import(bytes, kind)?;
    Ok((i.pretty_json(IMPORT_SCHEMA), i.report))
}
