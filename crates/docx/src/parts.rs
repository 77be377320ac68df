//! The package's parts other than `word/document.xml`'s body.

use vanban_layout::flow::{DocInfo, FootnoteRef, FootnoteStyle, PageNumberStyle};
use vanban_layout::pages::HyphenPins;

use crate::story::{
    FILLER_LINE_TWIPS, KERN_HALF_POINTS, Story, StoryWriter, exact_spacing, mark_size,
};
use crate::units::{half_points, twips};
use crate::xml::Xml;

/// Namespace of WordprocessingML.
pub(crate) const NS_W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/// Namespace of relationship ids.
pub(crate) const NS_R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_RELS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const NS_VT: &str = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes";
const REL_BASE: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

/// The font in all four slots (Decree 30 App. I §I.4).
pub(crate) const FONT: &str = vanban_model::decree::FONT_FAMILY;
/// Default size, half-points: the default body size (Decree 30 App. I
/// §II.6.e), a whole number of points.
const DEFAULT_SIZE: u32 = (vanban_model::decree::BODY_SIZE_DEFAULT_PT * 2.0) as u32;
/// Format id of user-defined custom properties.
const FMTID_USER: &str = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}";

/// Opens a WordprocessingML root element with the `w` and `r` namespaces.
pub(crate) fn w_root(x: &mut Xml, name: &'static str) {
    x.tag(name)
        .attr("xmlns:w", NS_W)
        .attr("xmlns:r", NS_R)
        .open();
}

/// `word/styles.xml`: defaults (Times New Roman in all four slots, 14 pt,
/// vi-VN, kerning, no spacing) and the few styles the document names.
///
/// `mark_size`: size of the footnote marks. LibreOffice formats the number
/// at the head of a note with the "footnote reference" style only (it
/// ignores the run's own properties there), so the style carries the size.
pub(crate) fn styles(lang: &str, mark_size: Option<f32>) -> Vec<u8> {
    let mut x = Xml::new();
    w_root(&mut x, "w:styles");
    x.open("w:docDefaults");
    x.open("w:rPrDefault");
    x.open("w:rPr");
    x.tag("w:rFonts")
        .attr("w:ascii", FONT)
        .attr("w:hAnsi", FONT)
        .attr("w:eastAsia", FONT)
        .attr("w:cs", FONT)
        .empty();
    x.val("w:kern", KERN_HALF_POINTS);
    x.val("w:sz", DEFAULT_SIZE);
    x.val("w:szCs", DEFAULT_SIZE);
    x.tag("w:lang")
        .attr("w:val", lang)
        .attr("w:eastAsia", lang)
        .attr("w:bidi", lang)
        .empty();
    x.close();
    x.close();
    x.open("w:pPrDefault");
    x.open("w:pPr");
    x.tag("w:spacing")
        .attr("w:before", 0)
        .attr("w:after", 0)
        .attr("w:line", 240)
        .attr("w:lineRule", "auto")
        .empty();
    x.close();
    x.close();
    x.close();

    style_head(&mut x, "paragraph", "Normal", "Normal", true, None);
    x.empty("w:qFormat");
    x.close();
    style_head(
        &mut x,
        "character",
        "DefaultParagraphFont",
        "Default Paragraph Font",
        true,
        None,
    );
    x.val("w:uiPriority", 1);
    x.empty("w:semiHidden");
    x.empty("w:unhideWhenUsed");
    x.close();
    style_head(&mut x, "table", "TableNormal", "Normal Table", true, None);
    x.val("w:uiPriority", 99);
    x.empty("w:semiHidden");
    x.empty("w:unhideWhenUsed");
    x.open("w:tblPr");
    x.tag("w:tblInd")
        .attr("w:w", 0)
        .attr("w:type", "dxa")
        .empty();
    x.open("w:tblCellMar");
    for side in ["w:top", "w:left", "w:bottom", "w:right"] {
        x.tag(side).attr("w:w", 0).attr("w:type", "dxa").empty();
    }
    x.close();
    x.close();
    x.close();
    style_head(
        &mut x,
        "paragraph",
        "FootnoteText",
        "footnote text",
        false,
        Some("Normal"),
    );
    x.val("w:uiPriority", 99);
    x.empty("w:unhideWhenUsed");
    // As Word defines it, at the notes' size: a note a clerk inserts in
    // Word looks like ours.
    x.open("w:rPr");
    let sz = half_points(vanban_layout::style::rules::NOTE_SIZE);
    x.val("w:sz", sz);
    x.val("w:szCs", sz);
    x.close();
    x.close();
    // Superscript, as Word defines it, so a reference a clerk inserts in
    // Word is raised; our marks override it with their explicit size and
    // rise (story.rs, `mark_rpr`).
    style_head(
        &mut x,
        "character",
        "FootnoteReference",
        "footnote reference",
        false,
        Some("DefaultParagraphFont"),
    );
    x.val("w:uiPriority", 99);
    x.empty("w:unhideWhenUsed");
    x.open("w:rPr");
    if let Some(size) = mark_size {
        // LibreOffice draws every footnote anchor as its own superscript of
        // this style's size, whatever the run says: the style is sized so
        // that its superscript is our mark's size.
        let sz = half_points(size / LIBREOFFICE_SUPERSCRIPT);
        x.val("w:sz", sz);
        x.val("w:szCs", sz);
    }
    x.val("w:vertAlign", "superscript");
    x.close();
    x.close();
    for (id, name) in [("Header", "header"), ("Footer", "footer")] {
        style_head(&mut x, "paragraph", id, name, false, Some("Normal"));
        x.val("w:uiPriority", 99);
        x.empty("w:unhideWhenUsed");
        x.close();
    }
    x.finish()
}

/// LibreOffice draws a footnote anchor at this share of the FootnoteReference
/// style's size, ignoring the run's size and `w:position` (its superscript,
/// 58 %). Measured with LibreOffice 7.4: a 9 pt style gave 5.2 pt marks
/// (digit width 2.6 pt), a 15.5 pt style 9.0 pt marks (4.5 pt, as ours).
pub const LIBREOFFICE_SUPERSCRIPT: f32 = 0.58;

/// Opens `w:style` and writes its name and base; the caller closes it.
fn style_head(
    x: &mut Xml,
    kind: &str,
    id: &str,
    name: &str,
    default: bool,
    based_on: Option<&str>,
) {
    x.tag("w:style")
        .attr("w:type", kind)
        .attr_opt("w:default", default.then_some(1))
        .attr("w:styleId", id)
        .open();
    x.val("w:name", name);
    if let Some(b) = based_on {
        x.val("w:basedOn", b);
    }
}

/// `word/settings.xml` (children in `CT_Settings` order).
pub(crate) fn settings(lang: &str) -> Vec<u8> {
    let mut x = Xml::new();
    w_root(&mut x, "w:settings");
    x.tag("w:zoom").attr("w:percent", 100).empty();
    x.val("w:defaultTabStop", 720);
    x.val("w:characterSpacingControl", "doNotCompress");
    x.open("w:footnotePr");
    x.tag("w:footnote").attr("w:id", -1).empty();
    x.tag("w:footnote").attr("w:id", 0).empty();
    x.close();
    x.open("w:compat");
    // A justified line ending in a manual break is not stretched (the
    // typesetter does the same).
    x.empty("w:doNotExpandShiftReturn");
    x.tag("w:compatSetting")
        .attr("w:name", "compatibilityMode")
        .attr("w:uri", "http://schemas.microsoft.com/office/word")
        .attr("w:val", 15)
        .empty();
    x.close();
    x.tag("w:themeFontLang")
        .attr("w:val", lang)
        .attr("w:eastAsia", lang)
        .empty();
    x.finish()
}

/// `word/fontTable.xml`: Times New Roman.
pub(crate) fn font_table() -> Vec<u8> {
    let mut x = Xml::new();
    w_root(&mut x, "w:fonts");
    x.tag("w:font").attr("w:name", FONT).open();
    x.val("w:panose1", "02020603050405020304");
    x.val("w:charset", "00");
    x.val("w:family", "roman");
    x.val("w:pitch", "variable");
    x.close();
    x.finish()
}

/// `word/footnotes.xml`: the separator (-1), the continuation separator (0)
/// and the notes, id = position in the text (1, 2, …).
pub(crate) fn footnotes(
    style: &FootnoteStyle,
    notes: &[&FootnoteRef],
    pins: Option<&HyphenPins>,
) -> Vec<u8> {
    let mut x = Xml::new();
    w_root(&mut x, "w:footnotes");
    for (id, kind, elem) in [
        (-1, "separator", "w:separator"),
        (0, "continuationSeparator", "w:continuationSeparator"),
    ] {
        x.tag("w:footnote")
            .attr("w:type", kind)
            .attr("w:id", id)
            .open();
        x.open("w:p");
        x.open("w:pPr");
        exact_spacing(&mut x, 0, 0, twips(style.separator_height));
        x.close();
        x.open("w:r");
        x.empty(elem);
        x.close();
        x.close();
        x.close();
    }
    let mut w = StoryWriter::new(x, Story::Note, pins);
    for (i, note) in notes.iter().enumerate() {
        w.x.tag("w:footnote").attr("w:id", i + 1).open();
        w.note_paras(&note.note);
        w.x.close();
    }
    w.x.finish()
}

/// A header holding the centred page number (a `PAGE` field).
pub(crate) fn page_number_header(style: &PageNumberStyle) -> Vec<u8> {
    let mut x = Xml::new();
    w_root(&mut x, "w:hdr");
    x.open("w:p");
    x.open("w:pPr");
    x.val("w:pStyle", "Header");
    exact_spacing(&mut x, 0, 0, twips(style.line_height));
    x.tag("w:ind").attr("w:left", 0).attr("w:right", 0).empty();
    x.val("w:jc", "center");
    mark_size(&mut x, half_points(style.size));
    x.close();
    let field_run = |x: &mut Xml, kind: &str| {
        x.open("w:r");
        number_rpr(x, style);
        x.tag("w:fldChar").attr("w:fldCharType", kind).empty();
        x.close();
    };
    field_run(&mut x, "begin");
    x.open("w:r");
    number_rpr(&mut x, style);
    x.tag("w:instrText").attr("xml:space", "preserve").open();
    x.text(" PAGE ");
    x.close();
    x.close();
    field_run(&mut x, "separate");
    x.open("w:r");
    number_rpr(&mut x, style);
    x.text_elem("w:t", "2");
    x.close();
    field_run(&mut x, "end");
    x.finish()
}

fn number_rpr(x: &mut Xml, style: &PageNumberStyle) {
    x.open("w:rPr");
    x.val("w:kern", KERN_HALF_POINTS);
    let sz = half_points(style.size);
    x.val("w:sz", sz);
    x.val("w:szCs", sz);
    x.close();
}

/// An empty header or footer: one filler paragraph.
pub(crate) fn empty_hdr_ftr(root: &'static str, style: &str) -> Vec<u8> {
    let mut x = Xml::new();
    w_root(&mut x, root);
    x.open("w:p");
    x.open("w:pPr");
    x.val("w:pStyle", style);
    exact_spacing(&mut x, 0, 0, FILLER_LINE_TWIPS);
    mark_size(&mut x, 2);
    x.close();
    x.close();
    x.finish()
}

/// One relationship: id, type (last segment under the officeDocument
/// relationship namespace, or a full URI), target.
pub(crate) struct Rel {
    /// `rIdN`.
    pub id: String,
    /// Relationship type URI.
    pub kind: String,
    /// Target, relative to the source part's folder.
    pub target: String,
}

impl Rel {
    /// A relationship of an officeDocument type (`styles`, `header`, …).
    pub(crate) fn office(id: String, kind: &str, target: impl Into<String>) -> Self {
        Rel {
            id,
            kind: format!("{REL_BASE}{kind}"),
            target: target.into(),
        }
    }
}

/// A `.rels` part.
pub(crate) fn rels(list: &[Rel]) -> Vec<u8> {
    let mut x = Xml::new();
    x.tag("Relationships").attr("xmlns", NS_PKG_RELS).open();
    for r in list {
        x.tag("Relationship")
            .attr("Id", &r.id)
            .attr("Type", &r.kind)
            .attr("Target", &r.target)
            .empty();
    }
    x.finish()
}

/// `_rels/.rels`.
pub(crate) fn package_rels() -> Vec<u8> {
    rels(&[
        Rel::office("rId1".into(), "officeDocument", "word/document.xml"),
        Rel {
            id: "rId2".into(),
            kind: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
                .into(),
            target: "docProps/core.xml".into(),
        },
        Rel::office("rId3".into(), "extended-properties", "docProps/app.xml"),
        Rel::office("rId4".into(), "custom-properties", "docProps/custom.xml"),
    ])
}

/// `[Content_Types].xml` for the given part names (with leading `/`).
pub(crate) fn content_types(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut x = Xml::new();
    x.tag("Types")
        .attr(
            "xmlns",
            "http://schemas.openxmlformats.org/package/2006/content-types",
        )
        .open();
    x.tag("Default")
        .attr("Extension", "rels")
        .attr(
            "ContentType",
            "application/vnd.openxmlformats-package.relationships+xml",
        )
        .empty();
    x.tag("Default")
        .attr("Extension", "xml")
        .attr("ContentType", "application/xml")
        .empty();
    for (name, ct) in parts {
        x.tag("Override")
            .attr("PartName", name)
            .attr("ContentType", ct)
            .empty();
    }
    x.finish()
}

/// `docProps/core.xml`.
pub(crate) fn core(info: &DocInfo, timestamp: Option<&str>) -> Vec<u8> {
    let mut x = Xml::new();
    x.tag("cp:coreProperties")
        .attr(
            "xmlns:cp",
            "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
        )
        .attr("xmlns:dc", "http://purl.org/dc/elements/1.1/")
        .attr("xmlns:dcterms", "http://purl.org/dc/terms/")
        .attr("xmlns:dcmitype", "http://purl.org/dc/dcmitype/")
        .attr("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
        .open();
    let keywords = info.keywords.join("; ");
    for (name, value) in [
        ("dc:title", info.title.as_str()),
        ("dc:subject", info.subject.as_str()),
        ("dc:creator", info.author.as_str()),
        ("cp:keywords", keywords.as_str()),
        ("dc:language", info.language.as_str()),
    ] {
        if !value.is_empty() {
            x.text_elem(name, value);
        }
    }
    if let Some(ts) = timestamp {
        for name in ["dcterms:created", "dcterms:modified"] {
            x.tag(name).attr("xsi:type", "dcterms:W3CDTF").open();
            x.text(ts);
            x.close();
        }
    }
    x.finish()
}

/// `docProps/app.xml`.
pub(crate) fn app() -> Vec<u8> {
    let mut x = Xml::new();
    x.tag("Properties")
        .attr(
            "xmlns",
            "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
        )
        .attr("xmlns:vt", NS_VT)
        .open();
    x.text_elem("Application", "vanban");
    x.text_elem("DocSecurity", "0");
    x.finish()
}

/// `docProps/custom.xml`: the Decree 30 App. VI fields as text properties
/// named as the `Flow` names them (`EOffice::fields`: each name once, as
/// Word requires, a repeated field's values joined with `EOffice::JOIN`).
pub(crate) fn custom(info: &DocInfo) -> Vec<u8> {
    let mut x = Xml::new();
    x.tag("Properties")
        .attr(
            "xmlns",
            "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
        )
        .attr("xmlns:vt", NS_VT)
        .open();
    for (i, (name, value)) in info.eoffice.fields().iter().enumerate() {
        let pid = i + 2;
        x.tag("property")
            .attr("fmtid", FMTID_USER)
            .attr("pid", pid)
            .attr("name", name)
            .open();
        x.text_elem("vt:lpwstr", value);
        x.close();
    }
    x.finish()
}
