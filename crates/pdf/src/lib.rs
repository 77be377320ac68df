//! `Pages` → PDF bytes with krilla: embedded subset fonts with ToUnicode,
//! PDF/A (2b by default, 3b with the JSON source attached, 2a tagged), XMP
//! with the Decree 30 e-office fields, and deterministic ids and dates.
//!
//! The writer makes no layout decision: it draws the glyphs the typesetter
//! shaped, at the positions it chose ([`vanban_layout::pages`]).
//!
//! # Determinism
//!
//! The same [`Pages`] and [`PdfOptions`] give the same bytes, in one process
//! and across processes: dates come only from [`PdfOptions::timestamp`]
//! (never the clock), the document id is derived from the content, and
//! krilla numbers objects in write order.
//!
//! # Post-steps
//!
//! After krilla: the e-office XMP fields ([`xmp`], an in-place splice), then,
//! when [`PdfOptions::sign_fields`] asks, the empty signature fields and the
//! text fields over the clerk's blanks as an incremental update ([`sign`],
//! [`form`]). [`extract_source`] reads the embedded JSON source back
//! ([`extract`]); [`issue`] fills the text fields later (`vanban issue`).
//!
//! # XMP: the e-office namespace
//!
//! krilla writes the standard XMP (Dublin Core, `xmp:`, `pdf:`, `xmpMM:`,
//! `pdfaid:`) from [`krilla::metadata::Metadata`] but has no hook for custom
//! properties, so a small post-step ([`xmp`]) rewrites the one uncompressed
//! metadata stream krilla wrote and fixes the cross-reference table. The
//! Decree 30 Appendix VI fields of [`DocInfo::eoffice`] go into:
//!
//! - namespace URI [`EOFFICE_NS`] = `https://vanban.invalid/ns/decree30/1.0/`,
//! - preferred prefix [`EOFFICE_PREFIX`] = `vbd`,
//!
//! one `Text` property per field, named after the field with every character
//! outside `[A-Za-z0-9._-]` replaced by `_` (and a leading `_` if the name
//! would not start with a letter or `_`), in the decree's order
//! (`EOffice::fields`: each name once, the values of a repeated field such
//! as several recipients or signers joined with `EOffice::JOIN`, "; ", as in
//! the DOCX and the sidecar). For PDF/A the namespace is
//! described in the `pdfaExtension:schemas` bag, as ISO 19005-2 §6.6.2.3
//! requires.
//!
//! [`DocInfo::eoffice`]: vanban_layout::flow::DocInfo::eoffice

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod date;
mod draw;
mod error;
pub mod extract;
pub mod form;
pub mod issue;
mod reader;
pub mod sign;
mod tags;
pub mod xmp;

pub use date::Timestamp;
pub use error::PdfError;
pub use extract::{EmbeddedSource, ExtractError, extract_source};
pub use form::{TextField, text_fields};
pub use sign::{SignatureField, add_signature_fields, signature_fields};

use krilla::configure::{Archival, ConfigurationBuilder};
use krilla::embed::{AssociationKind, EmbeddedFile, MimeType};
use krilla::metadata::Metadata;
use krilla::text::Font;
use krilla::{Document, SerializeSettings};
use std::sync::{Mutex, OnceLock};
use vanban_layout::fonts::{FontId, FontSet};
use vanban_layout::pages::{Item, Pages};

/// Namespace URI of the Decree 30 e-office XMP properties (stable; a new
/// incompatible layout gets a new version path).
pub const EOFFICE_NS: &str = "https://vanban.invalid/ns/decree30/1.0/";

/// Preferred XMP prefix of [`EOFFICE_NS`].
pub const EOFFICE_PREFIX: &str = "vbd";

/// The PDF standard the file conforms to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PdfStandard {
    /// Plain PDF 1.7, no conformance claim.
    None,
    /// PDF/A-2b (ISO 19005-2, level B): the default for archiving.
    #[default]
    A2b,
    /// PDF/A-3b: as A-2b, and allows the JSON source as an associated file.
    A3b,
    /// PDF/A-2a: A-2b plus a tag tree (logical structure, reading order).
    A2a,
}

impl PdfStandard {
    /// The standard's name as users write it ("PDF/A-2b").
    pub fn name(self) -> &'static str {
        match self {
            PdfStandard::None => "PDF 1.7",
            PdfStandard::A2b => "PDF/A-2b",
            PdfStandard::A3b => "PDF/A-3b",
            PdfStandard::A2a => "PDF/A-2a",
        }
    }

    fn archival(self) -> Option<Archival> {
        match self {
            PdfStandard::None => None,
            PdfStandard::A2b => Some(Archival::A2_B),
            PdfStandard::A3b => Some(Archival::A3_B),
            PdfStandard::A2a => Some(Archival::A2_A),
        }
    }

    fn tagged(self) -> bool {
        self == PdfStandard::A2a
    }

    fn allows_attachment(self) -> bool {
        matches!(self, PdfStandard::None | PdfStandard::A3b)
    }
}

/// A file attached to the PDF as its source (PDF/A-3 associated file with
/// `/AFRelationship /Source`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    /// File name shown by viewers, e.g. `"bao-cao.json"`.
    pub name: String,
    /// MIME type, e.g. `"application/json"`.
    pub mime_type: String,
    /// Human-readable description (required by PDF/A-3).
    pub description: String,
    /// The bytes.
    pub data: Vec<u8>,
}

impl Attachment {
    /// The input JSON as the document's source.
    pub fn json_source(name: impl Into<String>, data: Vec<u8>) -> Self {
        Attachment {
            name: name.into(),
            mime_type: "application/json".to_owned(),
            description: "vanban JSON source of this document".to_owned(),
            data,
        }
    }
}

/// How to write the PDF.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PdfOptions {
    /// Conformance level; PDF/A-2b by default.
    pub standard: PdfStandard,
    /// Creation and modification date (from the document date or
    /// `SOURCE_DATE_EPOCH`, chosen by the caller). PDF/A requires one; the
    /// clock is never read.
    pub timestamp: Option<Timestamp>,
    /// A source file to embed; only [`PdfStandard::A3b`] and
    /// [`PdfStandard::None`] allow it (PDF/A-2 forbids non-PDF/A attachments).
    pub attachment: Option<Attachment>,
    /// Add the empty signature fields (`ChuKy_NguoiKy`, `ChuKy_CoQuan`, …)
    /// over the signature and seal regions, as an incremental update
    /// ([`sign`]). Off by default at this level; the CLI turns it on.
    pub sign_fields: bool,
}

/// The krilla fonts for one [`FontSet`], parsed once and reusable across
/// documents (cloning is cheap).
#[derive(Clone)]
pub struct PdfFonts {
    fonts: [Font; 4],
    /// The faces' bytes (for the form fields' font, [`form`]).
    data: [&'static [u8]; 4],
}

impl PdfFonts {
    /// Parses the four faces of `set` for krilla.
    pub fn new(set: &FontSet) -> Result<PdfFonts, PdfError> {
        let mk = |id: FontId| {
            Font::new(krilla::Data::from(set.data(id)), 0).ok_or_else(|| PdfError::Font {
                font: id,
                message: format!("{} is not a font krilla can read", set.source(id)),
            })
        };
        Ok(PdfFonts {
            fonts: [
                mk(FontId::Regular)?,
                mk(FontId::Bold)?,
                mk(FontId::Italic)?,
                mk(FontId::BoldItalic)?,
            ],
            data: FontId::ALL.map(|id| set.data(id)),
        })
    }

    /// The fonts for `set`, parsed on first use and cached for the rest of the
    /// process. The cache is keyed by the faces' bytes, which a [`FontSet`]
    /// keeps for the whole process, so the key cannot be reused by another set.
    pub fn cached(set: &FontSet) -> Result<PdfFonts, PdfError> {
        type Key = [(usize, usize); 4];
        static CACHE: OnceLock<Mutex<Vec<(Key, PdfFonts)>>> = OnceLock::new();
        let key: Key = FontId::ALL.map(|id| {
            let d = set.data(id);
            (d.as_ptr() as usize, d.len())
        });
        let cache = CACHE.get_or_init(|| Mutex::new(Vec::new()));
        // A poisoned lock only means another thread panicked mid-insert; the
        // Vec is still valid.
        let mut guard = cache.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, f)) = guard.iter().find(|(k, _)| *k == key) {
            return Ok(f.clone());
        }
        let fonts = PdfFonts::new(set)?;
        guard.push((key, fonts.clone()));
        Ok(fonts)
    }

    fn get(&self, id: FontId) -> &Font {
        &self.fonts[id.index()]
    }

    fn id_of(&self, font: &Font) -> Option<FontId> {
        FontId::ALL.into_iter().find(|id| self.get(*id) == font)
    }
}

/// Writes `pages` as a PDF, with the krilla fonts of `fonts` cached per process.
pub fn write_pdf(pages: &Pages, fonts: &FontSet, opts: &PdfOptions) -> Result<Vec<u8>, PdfError> {
    let pdf_fonts = PdfFonts::cached(fonts)?;
    write_pdf_with(pages, &pdf_fonts, opts)
}

/// Writes `pages` as a PDF with already parsed fonts.
pub fn write_pdf_with(
    pages: &Pages,
    fonts: &PdfFonts,
    opts: &PdfOptions,
) -> Result<Vec<u8>, PdfError> {
    draw::check_pages(pages)?;
    if opts.attachment.is_some() && !opts.standard.allows_attachment() {
        return Err(PdfError::AttachmentNotAllowed {
            standard: opts.standard.name(),
        });
    }

    let mut builder = ConfigurationBuilder::new();
    if let Some(a) = opts.standard.archival() {
        builder = builder.with_archival_validator(a);
    }
    let configuration = builder.finish().map_err(|e| PdfError::Internal {
        message: format!(
            "krilla refused the configuration for {}: {e:?}",
            opts.standard.name()
        ),
    })?;
    let settings = SerializeSettings {
        configuration,
        enable_tagging: opts.standard.tagged(),
        ..SerializeSettings::default()
    };

    let mut doc = Document::new_with(settings);
    let mut locations = draw::Locations::default();
    let mut collected = tags::Collected::default();
    for (index, page) in pages.pages.iter().enumerate() {
        draw::draw_page(
            &mut doc,
            pages,
            index,
            page,
            fonts,
            opts.standard.tagged(),
            &mut locations,
            &mut collected,
        )?;
    }
    if opts.standard.tagged() {
        doc.set_tag_tree(tags::build(collected, &language(pages)));
    }

    if let Some(att) = &opts.attachment {
        let mime = MimeType::new(&att.mime_type).ok_or_else(|| PdfError::Attachment {
            message: format!("{:?} is not a valid MIME type", att.mime_type),
        })?;
        let file = EmbeddedFile {
            path: att.name.clone(),
            mime_type: Some(mime),
            description: Some(att.description.clone()),
            association_kind: AssociationKind::Source,
            data: att.data.clone().into(),
            modification_date: opts.timestamp.map(Timestamp::to_krilla),
            compress: Some(true),
            location: None,
        };
        // One file only, so the name cannot clash.
        let _ = doc.embed_file(file);
    }

    doc.set_metadata(metadata(pages, opts));
    let bytes = doc
        .finish()
        .map_err(|e| error::from_krilla(e, opts.standard, pages, fonts, &locations))?;
    let bytes = xmp::add_eoffice(bytes, &pages.info.eoffice.fields())?;
    if opts.sign_fields {
        sign::add_form(
            bytes,
            &sign::signature_fields(pages),
            &form::text_fields(pages),
            &fonts.data,
        )
    } else {
        Ok(bytes)
    }
}

/// The krilla metadata: document info and standard XMP.
fn metadata(pages: &Pages, opts: &PdfOptions) -> Metadata {
    let info = &pages.info;
    let mut m = Metadata::new()
        .title(info.title.clone())
        .description(info.subject.clone())
        .keywords(info.keywords.clone())
        .language(language(pages))
        .creator(format!("vanban {}", env!("CARGO_PKG_VERSION")))
        .document_id(document_id(pages));
    if !info.author.is_empty() {
        m = m.authors(vec![info.author.clone()]);
    }
    if let Some(t) = opts.timestamp {
        m = m.creation_date(t.to_krilla());
    }
    m
}

/// The document language, `vi-VN` when layout left it empty.
fn language(pages: &Pages) -> String {
    if pages.info.language.is_empty() {
        "vi-VN".to_owned()
    } else {
        pages.info.language.clone()
    }
}

/// A content-derived document id: the document's identity (issuer, title,
/// date, e-office fields) and a hash of every drawn text, so /ID is
/// deterministic and differs between documents.
fn document_id(pages: &Pages) -> String {
    let info = &pages.info;
    let mut h = Fnv64::default();
    for page in &pages.pages {
        for item in &page.items {
            if let Item::Text(t) = item {
                h.write(t.text.as_bytes());
                h.write(&[0x1f]);
            }
        }
        h.write(&[0x1e]);
    }
    let mut id = format!(
        "vanban\u{1f}{}\u{1f}{}\u{1f}{}",
        info.author,
        info.title,
        info.date.as_deref().unwrap_or("")
    );
    for (k, v) in info.eoffice.fields() {
        id.push('\u{1f}');
        id.push_str(k);
        id.push('=');
        id.push_str(&v);
    }
    id.push_str(&format!("\u{1f}{:016x}", h.0));
    id
}

/// FNV-1a, 64 bit: a hash whose value never changes across Rust versions.
struct Fnv64(u64);

impl Default for Fnv64 {
    fn default() -> Self {
        Fnv64(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv64 {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

// The font cache is shared between threads.
const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<PdfFonts>();
};
