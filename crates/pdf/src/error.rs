//! Errors of the PDF writer, and the one place that turns krilla's errors
//! into messages a user can act on.

use crate::draw::{Locations, excerpt};
use crate::{PdfFonts, PdfStandard};
use krilla::configure::ValidationError;
use krilla::embed::EmbedError;
use krilla::error::KrillaError;
use krilla::surface::Location;
use vanban_layout::fonts::FontId;
use vanban_layout::pages::{Item, Pages};

/// Why a PDF could not be written.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// A font could not be loaded or embedded.
    #[error("font {font:?}: {message}")]
    Font {
        /// Which face.
        font: FontId,
        /// What went wrong.
        message: String,
    },
    /// The pages hold something that cannot be drawn (a layout defect).
    #[error("page {page}: {reason}")]
    InvalidPages {
        /// 1-based page number.
        page: usize,
        /// What is wrong.
        reason: String,
    },
    /// The document breaks the chosen standard; one line per problem.
    #[error("the document cannot be written as {standard}:\n  - {}", problems.join("\n  - "))]
    Validation {
        /// The standard's name.
        standard: &'static str,
        /// Readable problems, each naming the page and text when known.
        problems: Vec<String>,
    },
    /// An attachment was given for a standard that forbids it.
    #[error("{standard} cannot carry the source file as an attachment; use PDF/A-3b or plain PDF")]
    AttachmentNotAllowed {
        /// The standard's name.
        standard: &'static str,
    },
    /// The attachment is unusable.
    #[error("attachment: {message}")]
    Attachment {
        /// What is wrong.
        message: String,
    },
    /// The XMP post-step did not find what krilla writes (a krilla upgrade
    /// changed its output).
    #[error("cannot add the e-office XMP fields: {message}")]
    Xmp {
        /// What was not found.
        message: String,
    },
    /// The signature-field post-step did not find what krilla writes.
    #[error("cannot add the signature fields: {message}")]
    SignFields {
        /// What went wrong.
        message: String,
    },
    /// Anything else krilla reports.
    #[error("PDF writer: {message}")]
    Internal {
        /// krilla's message.
        message: String,
    },
}

/// Maps a krilla error to a [`PdfError`], naming the page and text of a
/// location where krilla gives one.
pub(crate) fn from_krilla(
    e: KrillaError,
    standard: PdfStandard,
    pages: &Pages,
    fonts: &PdfFonts,
    locations: &Locations,
) -> PdfError {
    let face = |f: &krilla::text::Font| fonts.id_of(f);
    let at = |loc: Option<Location>| -> String {
        let Some((p, i)) = loc.and_then(|l| locations.get(l)) else {
            return String::new();
        };
        match pages.pages.get(p).and_then(|pg| pg.items.get(i)) {
            Some(Item::Text(t)) => format!(" (page {}, text {})", p + 1, excerpt(&t.text)),
            Some(Item::Line(_)) => format!(" (page {}, a rule)", p + 1),
            None => format!(" (page {})", p + 1),
        }
    };
    match e {
        KrillaError::Font(font, message) => match face(&font) {
            Some(font) => PdfError::Font { font, message },
            None => PdfError::Internal {
                message: format!("failed to embed a font: {message}"),
            },
        },
        KrillaError::Validation(errors) => {
            let mut problems: Vec<String> = errors
                .into_iter()
                .map(|(v, _)| validation_message(&v, &at, &face))
                .collect();
            problems.dedup();
            PdfError::Validation {
                standard: standard.name(),
                problems,
            }
        }
        other => PdfError::Internal {
            message: other.to_string(),
        },
    }
}

fn validation_message(
    v: &ValidationError,
    at: &dyn Fn(Option<Location>) -> String,
    face: &dyn Fn(&krilla::text::Font) -> Option<FontId>,
) -> String {
    use ValidationError as V;
    match v {
        V::TooLongString => {
            "a text string (title, subject, author?) is longer than 32767 bytes".into()
        }
        V::TooLongName => "a PDF name (font name?) is longer than 127 bytes".into(),
        V::TooLongArray => "an array is longer than PDF 1.4 allows (a very long line?)".into(),
        V::TooLongDictionary => "a dictionary has more than 4095 entries".into(),
        V::TooLargeFloat => "a number is larger than 32767 (page or position too large)".into(),
        V::TooManyIndirectObjects => "the document has too many objects".into(),
        V::TooHighQNestingLevel => "graphics states are nested too deeply".into(),
        V::ContainsPostScript(l) => format!("PostScript functions are not allowed{}", at(*l)),
        V::MissingCMYKProfile => "a CMYK colour needs an ICC profile".into(),
        V::InconsistentSeparationFallback(_) => "a spot colour has two fallbacks".into(),
        V::ContainsNotDefGlyph(_, l, text) => format!(
            "the font has no glyph for {text:?}{}: replace the character or use a font that has it",
            at(*l)
        ),
        V::NoCodepointMapping(_, g, l) => {
            format!("glyph {} maps to no character{}", g.to_u32(), at(*l))
        }
        V::InvalidCodepointMapping(_, g, c, l) => format!(
            "glyph {} maps to the invalid character U+{:04X}{}",
            g.to_u32(),
            u32::from(*c),
            at(*l)
        ),
        V::UnicodePrivateArea(_, g, c, l) => format!(
            "glyph {} maps to the private-use character U+{:04X}{}",
            g.to_u32(),
            u32::from(*c),
            at(*l)
        ),
        V::RestrictedLicense(f) => format!(
            "the {} face's licence does not allow embedding; PDF/A needs an embeddable font",
            face(f).map_or_else(|| "?".to_owned(), |id| format!("{id:?}"))
        ),
        V::NoDocumentLanguage => "the document has no language (DocInfo.language)".into(),
        V::NoDocumentTitle => "the document has no title".into(),
        V::MissingAltText(l) => format!("a figure has no alternative text{}", at(*l)),
        V::MissingHeadingTitle => "a heading has no title".into(),
        V::MissingDocumentOutline => "the document has no outline (bookmarks)".into(),
        V::MissingAnnotationAltText(l) => {
            format!("an annotation has no alternative text{}", at(*l))
        }
        V::MissingDocumentDate => "PDF/A needs a document date: give the document a date \
             or set SOURCE_DATE_EPOCH (PdfOptions::timestamp is empty)"
            .into(),
        V::Transparency(l) => format!("transparency is not allowed{}", at(*l)),
        V::ImageInterpolation(l) => format!("image interpolation is not allowed{}", at(*l)),
        V::EmbeddedFile(kind, _) => match kind {
            EmbedError::Existence => "this standard does not allow attached files".into(),
            EmbedError::MissingDate => {
                "the attached file needs a date (PdfOptions::timestamp)".into()
            }
            EmbedError::MissingDescription => "the attached file needs a description".into(),
            EmbedError::MissingMimeType => "the attached file needs a MIME type".into(),
        },
        V::MissingTagging => "the document is not tagged".into(),
        V::EmbeddedPDF(l) => format!("embedded PDF pages are not allowed{}", at(*l)),
        V::RequiresNewerPdfVersion(feature, l) => format!(
            "{feature:?} needs PDF {}{}",
            feature.minimum_pdf_version().as_str(),
            at(*l)
        ),
    }
}
