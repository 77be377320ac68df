//! Empty signature fields for the e-office signing tools, and the clerk's
//! text fields over the number and date blanks ([`crate::form`]), added as
//! one incremental update.
//!
//! krilla has no form fields, so this post-step appends to the finished
//! file (whose bytes stay untouched, as signing tools expect):
//!
//! - one merged field/widget annotation per field: `/FT /Sig`, `/T` the
//!   field name, `/Rect` the region in PDF coordinates, `/F 4` (print; PDF/A
//!   forbids hidden widgets), `/P` its page, and an appearance dictionary
//!   `/AP << /N … >>` pointing to an empty Form XObject of the rectangle's
//!   size (PDF/A-2 §6.3.3 requires an appearance for every annotation);
//! - a new version of each page holding fields, with the widgets appended
//!   to its `/Annots`;
//! - a new version of the catalog with `/AcroForm << /Fields [...] >>` (no
//!   `/SigFlags`: the document has no signature yet; no `/NeedAppearances`,
//!   which PDF/A forbids);
//! - a cross-reference section for exactly those objects and a trailer with
//!   `/Prev`, the same `/Root`, `/Info` and `/ID` (so `/ID` stays the
//!   content-derived one).
//!
//! The header version, the XMP packet and the output intent are not touched.
//!
//! # Field names and places
//!
//! From the regions the typesetter recorded ([`RegionKind`]); rectangles
//! are converted from the layout's top-left, y-down points to PDF's
//! bottom-left, y-up user space of the page holding the region.
//!
//! - `ChuKy_NguoiKy`: the main signer's signature room (box 7c, between the
//!   authority/title lines and the name). The main signer is the one with
//!   the highest signer index: the only signer of most documents, and the
//!   right-hand signer (CHỦ TỌA, the chair) of a two-signer biên bản, who is
//!   also the document's `SignerInfo` in the e-office metadata.
//! - `ChuKy_NguoiKy_<k>`: every other signer, `k` = its 1-based position in
//!   the input's signature list (the left-hand THƯ KÝ of a biên bản is
//!   `ChuKy_NguoiKy_1`).
//! - `ChuKy_CoQuan`: the organisation's signature (box 8), over the main
//!   signer's seal room, which overlaps the left third of the signature.
//!   There is one organisation signature per document.
//! - `ChuKy_CoQuan` is also the only field of an appendix issued as a file
//!   of its own (App. I §II.8.b, §III.1.d): the box at the top right of its
//!   first page, in the top margin.

use crate::PdfError;
use crate::form::{self, TextField};
use crate::reader::{Dict, Doc, Obj};
use vanban_layout::flow::RegionKind;
use vanban_layout::fonts::FontId;
use vanban_layout::pages::Pages;

/// Name of the main signer's field (box 7c).
pub const FIELD_SIGNER: &str = "ChuKy_NguoiKy";
/// Name of the organisation's field (box 8).
pub const FIELD_ORGANISATION: &str = "ChuKy_CoQuan";

/// An empty signature field to add.
#[derive(Debug, Clone, PartialEq)]
pub struct SignatureField {
    /// Field name (`/T`), e.g. [`FIELD_SIGNER`].
    pub name: String,
    /// 0-based page index.
    pub page: usize,
    /// `[x1, y1, x2, y2]` in PDF points, origin at the page's bottom-left
    /// corner, y up (the `/Rect` written).
    pub rect: [f32; 4],
    /// The layout region it covers.
    pub region: RegionKind,
}

/// Converts a layout rectangle (top-left origin, y down) to a PDF
/// rectangle `[x1, y1, x2, y2]` (bottom-left origin, y up) on a page of
/// height `page_height`.
pub fn to_pdf_rect(page_height: f32, x: f32, y: f32, w: f32, h: f32) -> [f32; 4] {
    [x, page_height - (y + h), x + w, page_height - y]
}

/// The signature fields of a document, in a fixed order: signers by index
/// (the main signer's `ChuKy_NguoiKy` among them), then `ChuKy_CoQuan`.
/// A separate-file appendix has no signer: its one field, `ChuKy_CoQuan`,
/// covers the box at the top right of its first page.
pub fn signature_fields(pages: &Pages) -> Vec<SignatureField> {
    let mut regions = Vec::new();
    for (i, page) in pages.pages.iter().enumerate() {
        for r in &page.regions {
            regions.push((i, r));
        }
    }
    let main = regions
        .iter()
        .filter_map(|(_, r)| match r.kind {
            RegionKind::Signature(i) => Some(i),
            _ => None,
        })
        .max();
    let field = |page: usize, r: &vanban_layout::pages::Region, name: String| SignatureField {
        name,
        page,
        rect: to_pdf_rect(pages.height, r.x, r.y, r.w, r.h),
        region: r.kind,
    };
    let Some(main) = main else {
        // An appendix issued as its own file: the organisation signs it at
        // the top right of its first page (App. I §II.8.b, §III.1.d).
        return regions
            .iter()
            .find(|(_, r)| r.kind == RegionKind::AttachmentSignature && r.w > 0.0 && r.h > 0.0)
            .map(|(p, r)| vec![field(*p, r, FIELD_ORGANISATION.to_owned())])
            .unwrap_or_default();
    };
    let mut out: Vec<SignatureField> = Vec::new();
    let mut signers: Vec<_> = regions
        .iter()
        .filter_map(|(p, r)| match r.kind {
            RegionKind::Signature(i) => Some((i, *p, *r)),
            _ => None,
        })
        .collect();
    signers.sort_by_key(|(i, p, _)| (*i, *p));
    for (i, p, r) in signers {
        let name = if i == main {
            FIELD_SIGNER.to_owned()
        } else {
            format!("{FIELD_SIGNER}_{}", u32::from(i) + 1)
        };
        // One field per signer (a region split across pages cannot happen:
        // the signer's block is kept together; take the first).
        if !out.iter().any(|f| f.name == name) && r.w > 0.0 && r.h > 0.0 {
            out.push(field(p, r, name));
        }
    }
    if let Some((p, r)) = regions
        .iter()
        .find(|(_, r)| r.kind == RegionKind::Seal(main) && r.w > 0.0 && r.h > 0.0)
    {
        out.push(field(*p, r, FIELD_ORGANISATION.to_owned()));
    }
    out
}

fn err(message: impl Into<String>) -> PdfError {
    PdfError::SignFields {
        message: message.into(),
    }
}

/// A number as PDF writes it: at most 3 decimals, no trailing zeros.
fn num(v: f32) -> String {
    let mut s = format!("{:.3}", v);
    while s.ends_with('0') {
        s.pop();
    }
    if s.ends_with('.') {
        s.pop();
    }
    if s == "-0" { "0".to_owned() } else { s }
}

fn real(v: f32) -> Obj {
    Obj::Real(num(v))
}

fn name(n: &str) -> Obj {
    Obj::Name(n.as_bytes().to_vec())
}

/// Appends `fields` to `pdf` as an incremental update (see the module
/// documentation). No fields: `pdf` is returned unchanged.
pub fn add_signature_fields(pdf: Vec<u8>, fields: &[SignatureField]) -> Result<Vec<u8>, PdfError> {
    add_form(pdf, fields, &[], &[])
}

/// Appends the signature fields `fields` and the text fields `text`
/// ([`crate::form`]) to `pdf` as one incremental update. `faces` are the
/// font files of the four faces (indexed by [`FontId::index`]); the text
/// fields' fonts are subset from them and put in `/AcroForm /DR`. Nothing
/// to add: `pdf` is returned unchanged.
pub fn add_form(
    mut pdf: Vec<u8>,
    fields: &[SignatureField],
    text: &[TextField],
    faces: &[&[u8]],
) -> Result<Vec<u8>, PdfError> {
    if fields.is_empty() && text.is_empty() {
        return Ok(pdf);
    }
    let doc = Doc::open(&pdf).map_err(|e| err(e.0))?;
    if doc.startxref == 0 {
        return Err(err("the PDF's cross-reference table is damaged"));
    }
    let (root, mut catalog) = doc.catalog().map_err(|e| err(e.0))?;
    if catalog.get("AcroForm").is_some() {
        return Err(err("the PDF already has an interactive form"));
    }
    let pages = doc.pages().map_err(|e| err(e.0))?;
    let mut w = Widgets {
        pages: &pages,
        next: doc.size(),
        objects: Vec::new(),
        field_refs: Vec::new(),
        page_annots: Vec::new(),
    };

    for f in fields {
        w.add(&f.name, f.page, f.rect, "Sig", Vec::new(), Vec::new(), b"")?;
    }

    // The text fields' fonts, one per face used, in /AcroForm /DR.
    let mut dr_fonts = Dict::default();
    let mut used: Vec<FontId> = text.iter().map(|t| t.font).collect();
    used.sort();
    used.dedup();
    for id in used {
        let data = faces
            .get(id.index())
            .ok_or_else(|| err(format!("no font data for the {id:?} face")))?;
        let fo = form::font_objects(data, id, w.next).map_err(err)?;
        dr_fonts.set(form::font_resource(id), Obj::Ref(w.next, 0));
        w.next += form::FONT_OBJECTS;
        w.objects.extend(fo.objects);
    }

    for f in text {
        let before_rect = vec![("TU", Obj::Str(form::text_string_bytes(&f.label)))];
        let after_page = vec![
            // DoNotSpellCheck (bit 23) | DoNotScroll (bit 24).
            ("Ff", Obj::Int((1 << 22) | (1 << 23))),
            ("DA", Obj::Str(f.da().into_bytes())),
            ("Q", Obj::Int(f.align.q())),
            ("MaxLen", Obj::Int(i64::from(f.max_len))),
        ];
        w.add(
            f.name,
            f.page,
            f.rect,
            "Tx",
            before_rect,
            after_page,
            b"/Tx BMC\nEMC",
        )?;
    }
    let Widgets {
        next,
        mut objects,
        field_refs,
        page_annots,
        ..
    } = w;

    // New versions of the pages with widgets.
    for (index, annots) in page_annots {
        let (num, dict) = &pages[index];
        let mut dict = dict.clone();
        let mut all = match dict.get("Annots") {
            None => Vec::new(),
            Some(o) => match doc.resolve(o).map_err(|e| err(e.0))? {
                Obj::Array(a) => a,
                _ => return Err(err(format!("page {}: /Annots is not an array", index + 1))),
            },
        };
        all.extend(annots);
        dict.set("Annots", Obj::Array(all));
        let mut bytes = Vec::new();
        Obj::Dict(dict).write(&mut bytes);
        objects.push((*num, bytes));
    }

    // New version of the catalog with the form.
    let mut form = Dict::default();
    form.set("Fields", Obj::Array(field_refs));
    if !text.is_empty() {
        let mut dr = Dict::default();
        dr.set("Font", Obj::Dict(dr_fonts));
        form.set("DR", Obj::Dict(dr));
        form.set("DA", Obj::Str(text[0].da().into_bytes()));
    }
    catalog.set("AcroForm", Obj::Dict(form));
    let mut cat_bytes = Vec::new();
    Obj::Dict(catalog).write(&mut cat_bytes);
    objects.push((root, cat_bytes));
    objects.sort_by_key(|(n, _)| *n);

    let (startxref, old_trailer) = (doc.startxref, doc.trailer.clone());
    write_update(&mut pdf, (startxref, &old_trailer), root, &objects, next)?;
    Ok(pdf)
}

/// The widget annotations being added, their objects numbered from `next`.
struct Widgets<'p> {
    /// The file's pages: (object number, dictionary).
    pages: &'p [(u32, Dict)],
    /// The next free object number.
    next: u32,
    /// New objects: (number, bytes).
    objects: Vec<(u32, Vec<u8>)>,
    /// The fields for /AcroForm /Fields.
    field_refs: Vec<Obj>,
    /// Per page index, its new widgets.
    page_annots: Vec<(usize, Vec<Obj>)>,
}

impl Widgets<'_> {
    /// Adds a widget of field type `ft` named `name` on page `page` with an
    /// appearance stream holding `appearance`; `before_rect` and
    /// `after_page` are the type's own keys, written before `/Rect` and
    /// after `/P`.
    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        field: &str,
        page: usize,
        rect: [f32; 4],
        ft: &str,
        before_rect: Vec<(&str, Obj)>,
        after_page: Vec<(&str, Obj)>,
        appearance: &[u8],
    ) -> Result<(), PdfError> {
        let (page_num, _) = self.pages.get(page).ok_or_else(|| {
            err(format!(
                "field {field} is on page {} of {}",
                page + 1,
                self.pages.len()
            ))
        })?;
        let [x1, y1, x2, y2] = rect;
        let (w, h) = (x2 - x1, y2 - y1);
        if !(w.is_finite() && h.is_finite() && w > 0.0 && h > 0.0) {
            return Err(err(format!("field {field} has an empty rectangle")));
        }
        let (annot, ap) = (self.next, self.next + 1);
        self.next += 2;

        // The empty appearance: a Form XObject of the rectangle's size.
        let mut ap_dict = Dict::default();
        ap_dict.set("Type", name("XObject"));
        ap_dict.set("Subtype", name("Form"));
        ap_dict.set(
            "BBox",
            Obj::Array(vec![Obj::Int(0), Obj::Int(0), real(w), real(h)]),
        );
        ap_dict.set("Resources", Obj::Dict(Dict::default()));
        let len = i64::try_from(appearance.len()).map_err(|_| err("appearance too long"))?;
        ap_dict.set("Length", Obj::Int(len));
        let mut ap_bytes = Vec::new();
        Obj::Dict(ap_dict).write(&mut ap_bytes);
        ap_bytes.extend_from_slice(b"\nstream\n");
        ap_bytes.extend_from_slice(appearance);
        ap_bytes.extend_from_slice(b"\nendstream");

        let mut a = Dict::default();
        a.set("Type", name("Annot"));
        a.set("Subtype", name("Widget"));
        a.set("FT", name(ft));
        a.set("T", Obj::Str(field.as_bytes().to_vec()));
        for (k, v) in before_rect {
            a.set(k, v);
        }
        a.set("Rect", Obj::Array(rect.iter().map(|v| real(*v)).collect()));
        a.set("F", Obj::Int(4));
        a.set("P", Obj::Ref(*page_num, 0));
        for (k, v) in after_page {
            a.set(k, v);
        }
        let mut apd = Dict::default();
        apd.set("N", Obj::Ref(ap, 0));
        a.set("AP", Obj::Dict(apd));
        let mut a_bytes = Vec::new();
        Obj::Dict(a).write(&mut a_bytes);

        self.objects.push((annot, a_bytes));
        self.objects.push((ap, ap_bytes));
        self.field_refs.push(Obj::Ref(annot, 0));
        match self.page_annots.iter_mut().find(|(p, _)| *p == page) {
            Some((_, v)) => v.push(Obj::Ref(annot, 0)),
            None => self.page_annots.push((page, vec![Obj::Ref(annot, 0)])),
        }
        Ok(())
    }
}

/// Appends an incremental update to `pdf` (whose newest cross-reference
/// section is at `startxref`, with trailer `old`):
/// `objects` (sorted by number, generation 0), a cross-reference section
/// for exactly those, and a trailer with `/Size next`, the same `/Root`,
/// `/Info` and `/ID`, and `/Prev` to the previous section.
pub(crate) fn write_update(
    pdf: &mut Vec<u8>,
    (startxref, old): (usize, &Dict),
    root: u32,
    objects: &[(u32, Vec<u8>)],
    next: u32,
) -> Result<(), PdfError> {
    if startxref == 0 {
        return Err(err("the PDF's cross-reference table is damaged"));
    }
    let mut trailer = Dict::default();
    trailer.set("Size", Obj::Int(i64::from(next)));
    trailer.set("Root", Obj::Ref(root, 0));
    for key in ["Info", "ID"] {
        if let Some(v) = old.get(key) {
            trailer.set(key, v.clone());
        }
    }
    trailer.set(
        "Prev",
        Obj::Int(i64::try_from(startxref).map_err(|_| err("file too large"))?),
    );

    if !pdf.ends_with(b"\n") {
        pdf.push(b'\n');
    }
    let mut offsets = Vec::with_capacity(objects.len());
    for (n, body) in objects {
        offsets.push((*n, pdf.len()));
        pdf.extend_from_slice(format!("{n} 0 obj\n").as_bytes());
        pdf.extend_from_slice(body);
        pdf.extend_from_slice(b"\nendobj\n");
    }
    let xref = pdf.len();
    pdf.extend_from_slice(b"xref\n");
    // Subsections of consecutive object numbers.
    let mut i = 0;
    while i < offsets.len() {
        let mut j = i + 1;
        while j < offsets.len() && offsets[j].0 == offsets[j - 1].0 + 1 {
            j += 1;
        }
        pdf.extend_from_slice(format!("{} {}\n", offsets[i].0, j - i).as_bytes());
        for (_, off) in &offsets[i..j] {
            pdf.extend_from_slice(format!("{off:010} 00000 n\r\n").as_bytes());
        }
        i = j;
    }
    pdf.extend_from_slice(b"trailer\n");
    Obj::Dict(trailer).write(pdf);
    pdf.extend_from_slice(format!("\nstartxref\n{xref}\n%%EOF\n").as_bytes());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rect_conversion() {
        assert_eq!(
            to_pdf_rect(800.0, 10.0, 100.0, 50.0, 20.0),
            [10.0, 680.0, 60.0, 700.0]
        );
        assert_eq!(num(1.5), "1.5");
        assert_eq!(num(2.0), "2");
        assert_eq!(num(-0.0001), "0");
    }

    #[test]
    fn malformed_input_is_an_error() {
        let f = vec![SignatureField {
            name: "X".into(),
            page: 0,
            rect: [0.0, 0.0, 1.0, 1.0],
            region: RegionKind::Signature(0),
        }];
        assert!(add_signature_fields(b"garbage".to_vec(), &f).is_err());
        assert!(add_signature_fields(b"%PDF-1.7\nstartxref\n9\n%%EOF".to_vec(), &f).is_err());
        assert_eq!(
            add_signature_fields(b"anything".to_vec(), &[]).ok(),
            Some(b"anything".to_vec())
        );
    }
}
