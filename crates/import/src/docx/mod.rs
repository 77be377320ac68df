//! The DOCX reader: `zip` (the workspace's archive reader) with limits, and
//! `roxmltree` for the XML parts. roxmltree is a read-only DOM parser
//! without unsafe code or dependencies: it refuses DTDs (so no entity
//! expansion bombs), caps the node count, and reports line and column;
//! the parts we read are size-capped first, so holding one in memory is
//! bounded. (quick-xml streams, but WordprocessingML needs look-ahead —
//! alternate content, numbering, styles — that a tree gives for free.)
//!
//! Output: the body as [`Item`]s (paragraphs with runs, tables with merged
//! cells, text-box content in reading order), with Word numbering turned
//! into typed labels, footnotes attached to their runs, old-font text
//! converted to Unicode, and rules (borders, drawn lines) flagged.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use roxmltree::{Document, Node, ParsingOptions};

use crate::error::ImportError;
use crate::ir::{Cell, Item, Para, Run, Table};
use crate::legacy::{self, FontEncoding};
use crate::report::{Kind, Loc, Report};

mod numbering;
mod parts;
mod runs;
mod styles;
mod tables;
mod walk;
mod xml;

use numbering::*;
use parts::*;
use runs::*;
use styles::*;
use walk::*;
use xml::*;

/// Largest DOCX file accepted (pictures make real files larger than JSON).
pub const MAX_DOCX_BYTES: usize = 32 << 20;
/// Largest XML part read, uncompressed (a zip bomb stops here).
pub const MAX_PART_BYTES: usize = 32 << 20;
/// Most entries an archive may have.
pub const MAX_ENTRIES: usize = 10_000;
/// Most XML nodes in one part.
pub const MAX_NODES: u32 = 4_000_000;
/// Deepest nesting of tables and text boxes followed.
pub const MAX_NESTING: usize = 16;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/// What the reader gives the recogniser.
#[derive(Debug, Default)]
pub struct DocxContent {
    /// The body, in order.
    pub body: Vec<Item>,
    /// The paragraphs of the page footers (box 13, the contact line).
    pub footers: Vec<Para>,
}

/// Signature of OLE compound files (.doc, and encrypted .docx).
const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Reads a DOCX file's bytes.
pub fn read(bytes: &[u8], report: &mut Report) -> Result<DocxContent, ImportError> {
    if bytes.len() > MAX_DOCX_BYTES {
        return Err(ImportError::TooLarge {
            what: "DOCX".into(),
            limit: MAX_DOCX_BYTES,
        });
    }
    if bytes.starts_with(&OLE_MAGIC) {
        let name: Vec<u8> = "EncryptedPackage"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        if bytes.windows(name.len()).any(|w| w == name.as_slice()) {
            return Err(ImportError::Encrypted);
        }
        return Err(ImportError::LegacyDoc);
    }
    let mut zip =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| ImportError::NotZip(e.to_string()))?;
    if zip.len() > MAX_ENTRIES {
        return Err(ImportError::TooManyEntries(zip.len()));
    }
    let mut parts = Parts { zip: &mut zip };
    let main = parts
        .main_part()?
        .unwrap_or_else(|| "word/document.xml".to_string());
    let Some(doc_xml) = parts.read(&main)? else {
        return Err(ImportError::NotDocx);
    };
    let rels = parts.rels(&main)?;
    let find = |kind: &str| -> Vec<String> {
        rels.iter()
            .filter(|(t, _)| t.ends_with(kind))
            .map(|(_, target)| target.clone())
            .collect()
    };
    let styles_xml = match find("/styles").first() {
        Some(p) => parts.read(p)?,
        None => None,
    };
    let numbering_xml = match find("/numbering").first() {
        Some(p) => parts.read(p)?,
        None => None,
    };
    let footnotes_xml = match find("/footnotes").first() {
        Some(p) => parts.read(p)?,
        None => None,
    };
    let mut footer_xmls = Vec::new();
    for p in find("/footer") {
        if let Some(x) = parts.read(&p)? {
            footer_xmls.push((p, x));
        }
    }

    let styles = match &styles_xml {
        Some(x) => Styles::parse(&parse_xml("word/styles.xml", x)?),
        None => Styles::default(),
    };
    let numbering = match &numbering_xml {
        Some(x) => Numbering::parse(&parse_xml("word/numbering.xml", x)?),
        None => Numbering::default(),
    };
    let mut cx = Cx {
        styles,
        numbering,
        counters: HashMap::new(),
        footnotes: HashMap::new(),
        legacy: HashMap::new(),
        tables: 0,
        paras: 0,
        rules: 0,
        numbered: 0,
    };
    if let Some(x) = &footnotes_xml {
        let d = parse_xml("word/footnotes.xml", x)?;
        for f in d.root_element().children().filter(|n| is(n, "footnote")) {
            let Some(id) = attr(&f, "id") else { continue };
            if matches!(
                attr(&f, "type"),
                Some("separator" | "continuationSeparator" | "continuationNotice")
            ) {
                continue;
            }
            let mut items = Vec::new();
            cx.block(f, &mut items, &Loc::Footnote(0), 0);
            let text: Vec<String> = items
                .iter()
                .filter_map(|i| match i {
                    Item::Para(p) => Some(crate::ir::markup_note(&p.runs)),
                    Item::Table(_) => None,
                })
                .filter(|s| !s.is_empty())
                .collect();
            cx.footnotes.insert(id.to_string(), text.join("\n"));
        }
    }
    let d = parse_xml(&main, &doc_xml)?;
    let body = d
        .root_element()
        .children()
        .find(|n| is(n, "body"))
        .ok_or(ImportError::NotDocx)?;
    let mut out = Vec::new();
    cx.block(body, &mut out, &Loc::Whole, 0);
    // Landscape sections: each paragraph that ends a section carries its
    // orientation; the body's own `w:sectPr` is the last section's.
    let last = body
        .children()
        .find(|n| is(n, "sectPr"))
        .is_some_and(|s| landscape(&s));
    let mut from = 0;
    for k in 0..out.len() {
        if let Item::Para(p) = &out[k]
            && let Some(l) = p.section_end
        {
            mark_landscape(&mut out[from..=k], l);
            from = k + 1;
        }
    }
    let n = out.len();
    mark_landscape(&mut out[from.min(n)..], last);
    let mut footers = Vec::new();
    for (p, x) in &footer_xmls {
        let d = parse_xml(p, x)?;
        let mut items = Vec::new();
        cx.block(d.root_element(), &mut items, &Loc::Footer, 0);
        for i in items {
            if let Item::Para(p) = i {
                footers.push(p);
            }
        }
    }
    let mut legacy: Vec<_> = cx.legacy.into_iter().collect();
    legacy.sort();
    for (font, n) in legacy {
        let enc = match legacy::font_encoding(&font) {
            FontEncoding::Vni => "VNI",
            _ => "TCVN3 (TCVN 5712:1993)",
        };
        report.add(
            Kind::Converted,
            &Loc::Whole,
            format!("{n} đoạn chữ bằng phông {font} (bảng mã {enc}) đã chuyển sang Unicode"),
            format!("{n} runs in font {font} ({enc} encoding) converted to Unicode"),
        );
    }
    if cx.numbered > 0 {
        report.add(
            Kind::Converted,
            &Loc::Whole,
            format!(
                "{} đoạn đánh số tự động của Word: số hiệu đọc thành chữ như khi gõ tay",
                cx.numbered
            ),
            format!(
                "{} paragraphs with Word numbering: labels read as if typed",
                cx.numbered
            ),
        );
    }
    Ok(DocxContent { body: out, footers })
}

/// Whether a `w:sectPr` sets a landscape page.
fn landscape(sect: &Node) -> bool {
    child(sect, "pgSz").is_some_and(|s| {
        let num = |a: &str| attr(&s, a).and_then(|v| v.parse::<u64>().ok());
        attr(&s, "orient") == Some("landscape")
            || matches!((num("w"), num("h")), (Some(w), Some(h)) if w > h)
    })
}

/// Marks the paragraphs of one section.
fn mark_landscape(items: &mut [Item], on: bool) {
    for i in items {
        if let Item::Para(p) = i {
            p.landscape = on;
        }
    }
}
