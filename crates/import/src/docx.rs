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

fn parse_xml<'a>(part: &str, text: &'a str) -> Result<Document<'a>, ImportError> {
    let opts = ParsingOptions {
        allow_dtd: false,
        nodes_limit: MAX_NODES,
        ..ParsingOptions::default()
    };
    Document::parse_with_options(text, opts).map_err(|e| {
        let pos = e.pos();
        ImportError::Xml {
            part: part.to_string(),
            line: pos.row,
            col: pos.col,
            detail: e.to_string(),
        }
    })
}

struct Parts<'z, 'b> {
    zip: &'z mut zip::ZipArchive<Cursor<&'b [u8]>>,
}

impl Parts<'_, '_> {
    /// A part as text, or `None` when absent; at most [`MAX_PART_BYTES`]
    /// are ever decompressed.
    fn read(&mut self, name: &str) -> Result<Option<String>, ImportError> {
        let name = name.trim_start_matches('/');
        let mut f = match self.zip.by_name(name) {
            Ok(f) => f,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(zip::result::ZipError::UnsupportedArchive(m))
                if m.contains("ncrypt") || m.contains("assword") =>
            {
                return Err(ImportError::Encrypted);
            }
            Err(e) => return Err(ImportError::NotZip(e.to_string())),
        };
        if f.encrypted() {
            return Err(ImportError::Encrypted);
        }
        let mut buf = Vec::new();
        (&mut f)
            .take(MAX_PART_BYTES as u64 + 1)
            .read_to_end(&mut buf)
            .map_err(|e| ImportError::NotZip(format!("{name}: {e}")))?;
        if buf.len() > MAX_PART_BYTES {
            return Err(ImportError::TooLarge {
                what: name.to_string(),
                limit: MAX_PART_BYTES,
            });
        }
        let buf = buf
            .strip_prefix(b"\xEF\xBB\xBF")
            .map(<[u8]>::to_vec)
            .unwrap_or(buf);
        String::from_utf8(buf)
            .map(Some)
            .map_err(|_| ImportError::Encoding(name.to_string()))
    }

    /// The main document part named by `_rels/.rels`.
    fn main_part(&mut self) -> Result<Option<String>, ImportError> {
        let Some(x) = self.read("_rels/.rels")? else {
            return Ok(None);
        };
        let d = parse_xml("_rels/.rels", &x)?;
        Ok(d.root_element()
            .children()
            .filter(|n| n.is_element())
            .find(|n| {
                n.attribute("Type")
                    .is_some_and(|t| t.ends_with("/officeDocument"))
            })
            .and_then(|n| n.attribute("Target"))
            .map(|t| t.trim_start_matches('/').to_string()))
    }

    /// The relationships of a part: (type, target resolved against the part's folder).
    fn rels(&mut self, part: &str) -> Result<Vec<(String, String)>, ImportError> {
        let (dir, file) = match part.rsplit_once('/') {
            Some((d, f)) => (format!("{d}/"), f.to_string()),
            None => (String::new(), part.to_string()),
        };
        let path = format!("{dir}_rels/{file}.rels");
        let Some(x) = self.read(&path)? else {
            return Ok(Vec::new());
        };
        let d = parse_xml(&path, &x)?;
        Ok(d.root_element()
            .children()
            .filter(|n| n.is_element() && n.attribute("TargetMode") != Some("External"))
            .filter_map(|n| {
                let t = n.attribute("Type")?;
                let target = n.attribute("Target")?;
                let resolved = if let Some(abs) = target.strip_prefix('/') {
                    abs.to_string()
                } else {
                    format!("{dir}{target}")
                };
                Some((t.to_string(), resolved))
            })
            .collect())
    }
}

fn is(n: &Node, local: &str) -> bool {
    n.is_element() && n.tag_name().name() == local && n.tag_name().namespace() == Some(W)
}

fn attr<'a>(n: &Node<'a, '_>, local: &str) -> Option<&'a str> {
    n.attribute((W, local))
}

fn child<'a, 'i>(n: &Node<'a, 'i>, local: &str) -> Option<Node<'a, 'i>> {
    n.children().find(|c| is(c, local))
}

/// An on/off property (`<w:b/>`, `<w:b w:val="0"/>`).
fn on_off(n: &Node, local: &str) -> Option<bool> {
    child(n, local).map(|c| !matches!(attr(&c, "val"), Some("0" | "false" | "off")))
}

/// Run properties as far as import cares.
#[derive(Debug, Clone, Default)]
struct RProps {
    bold: Option<bool>,
    italic: Option<bool>,
    sup: Option<bool>,
    font: Option<String>,
    hidden: Option<bool>,
}

impl RProps {
    fn read(rpr: &Node) -> RProps {
        let font = child(rpr, "rFonts").and_then(|f| {
            attr(&f, "hAnsi")
                .or_else(|| attr(&f, "ascii"))
                .map(str::to_string)
        });
        RProps {
            bold: on_off(rpr, "b"),
            italic: on_off(rpr, "i"),
            sup: child(rpr, "vertAlign").map(|v| attr(&v, "val") == Some("superscript")),
            font,
            hidden: on_off(rpr, "vanish"),
        }
    }
    /// `self` over `base`.
    fn over(&self, base: &RProps) -> RProps {
        RProps {
            bold: self.bold.or(base.bold),
            italic: self.italic.or(base.italic),
            sup: self.sup.or(base.sup),
            font: self.font.clone().or_else(|| base.font.clone()),
            hidden: self.hidden.or(base.hidden),
        }
    }
}

#[derive(Debug, Clone, Default)]
struct Style {
    based_on: Option<String>,
    rpr: RProps,
    num: Option<(String, u8)>,
    center: Option<bool>,
}

#[derive(Debug, Default)]
struct Styles {
    map: HashMap<String, Style>,
    defaults: RProps,
    default_para: Option<String>,
}

impl Styles {
    fn parse(d: &Document) -> Styles {
        let mut s = Styles::default();
        let root = d.root_element();
        if let Some(rpr) = child(&root, "docDefaults")
            .and_then(|dd| child(&dd, "rPrDefault"))
            .and_then(|r| child(&r, "rPr"))
        {
            s.defaults = RProps::read(&rpr);
        }
        for st in root.children().filter(|n| is(n, "style")) {
            let Some(id) = attr(&st, "styleId") else {
                continue;
            };
            let ppr = child(&st, "pPr");
            let num = ppr.as_ref().and_then(|p| child(p, "numPr")).and_then(|np| {
                let id = child(&np, "numId").and_then(|n| attr(&n, "val").map(str::to_string))?;
                let lvl = child(&np, "ilvl")
                    .and_then(|n| attr(&n, "val"))
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0);
                Some((id, lvl))
            });
            let style = Style {
                based_on: child(&st, "basedOn").and_then(|b| attr(&b, "val").map(str::to_string)),
                rpr: child(&st, "rPr")
                    .map(|r| RProps::read(&r))
                    .unwrap_or_default(),
                num,
                center: ppr
                    .as_ref()
                    .and_then(|p| child(p, "jc"))
                    .map(|j| attr(&j, "val") == Some("center")),
            };
            if attr(&st, "type") == Some("paragraph")
                && attr(&st, "default").is_some_and(|v| v == "1" || v == "true")
            {
                s.default_para = Some(id.to_string());
            }
            s.map.insert(id.to_string(), style);
        }
        s
    }

    /// The style `id` and its `basedOn` ancestors, nearest first (at most
    /// 20: a loop in the chain ends there).
    fn chain<'s>(&'s self, id: &str) -> impl Iterator<Item = &'s Style> + 's {
        let mut cur = self.map.get(id);
        std::iter::from_fn(move || {
            let st = cur?;
            cur = st.based_on.as_deref().and_then(|b| self.map.get(b));
            Some(st)
        })
        .take(20)
    }

    /// The run properties of a style with its `basedOn` chain.
    fn rprops(&self, id: &str) -> RProps {
        self.chain(id)
            .fold(RProps::default(), |out, st| out.over(&st.rpr))
    }

    /// The first value `f` finds along the style's `basedOn` chain.
    fn find<T>(&self, id: &str, f: impl Fn(&Style) -> Option<T>) -> Option<T> {
        self.chain(id).find_map(f)
    }
}

#[derive(Debug, Clone, Default)]
struct Level {
    fmt: String,
    text: String,
    start: u32,
}

#[derive(Debug, Default)]
struct Numbering {
    /// numId → abstract levels.
    nums: HashMap<String, Vec<Level>>,
}

impl Numbering {
    fn parse(d: &Document) -> Numbering {
        let root = d.root_element();
        let mut abstracts: HashMap<String, Vec<Level>> = HashMap::new();
        for a in root.children().filter(|n| is(n, "abstractNum")) {
            let Some(id) = attr(&a, "abstractNumId") else {
                continue;
            };
            let mut levels = vec![Level::default(); 9];
            for l in a.children().filter(|n| is(n, "lvl")) {
                let Some(i) = attr(&l, "ilvl").and_then(|v| v.parse::<usize>().ok()) else {
                    continue;
                };
                if i >= 9 {
                    continue;
                }
                levels[i] = Level {
                    fmt: child(&l, "numFmt")
                        .and_then(|n| attr(&n, "val"))
                        .unwrap_or("decimal")
                        .to_string(),
                    text: child(&l, "lvlText")
                        .and_then(|n| attr(&n, "val"))
                        .unwrap_or("")
                        .to_string(),
                    start: child(&l, "start")
                        .and_then(|n| attr(&n, "val"))
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(1),
                };
            }
            abstracts.insert(id.to_string(), levels);
        }
        let mut nums = HashMap::new();
        for n in root.children().filter(|n| is(n, "num")) {
            let Some(id) = attr(&n, "numId") else {
                continue;
            };
            let Some(abs) = child(&n, "abstractNumId").and_then(|a| attr(&a, "val")) else {
                continue;
            };
            if let Some(levels) = abstracts.get(abs) {
                let mut levels = levels.clone();
                for o in n.children().filter(|c| is(c, "lvlOverride")) {
                    let (Some(i), Some(start)) = (
                        attr(&o, "ilvl").and_then(|v| v.parse::<usize>().ok()),
                        child(&o, "startOverride")
                            .and_then(|s| attr(&s, "val"))
                            .and_then(|v| v.parse().ok()),
                    ) else {
                        continue;
                    };
                    if let Some(l) = levels.get_mut(i) {
                        l.start = start;
                    }
                }
                nums.insert(id.to_string(), levels);
            }
        }
        Numbering { nums }
    }
}

/// A Word "upperRoman"/"lowerRoman" number (the model's Roman numerals).
fn roman(n: u32, upper: bool) -> String {
    let r = vanban_model::format::roman(n);
    if upper { r } else { r.to_lowercase() }
}

fn letter(n: u32, upper: bool) -> String {
    let n = n.max(1) - 1;
    let c = char::from(b'a' + (n % 26) as u8);
    let s: String = std::iter::repeat_n(c, (n / 26 + 1).min(5) as usize).collect();
    if upper { s.to_uppercase() } else { s }
}

fn format_num(fmt: &str, n: u32) -> String {
    match fmt {
        "upperRoman" => roman(n, true),
        "lowerRoman" => roman(n, false),
        "upperLetter" => letter(n, true),
        "lowerLetter" => letter(n, false),
        "decimalZero" => format!("{n:02}"),
        "none" => String::new(),
        _ => n.to_string(),
    }
}

struct Cx {
    styles: Styles,
    numbering: Numbering,
    /// numId → counters per level.
    counters: HashMap<String, [u32; 9]>,
    footnotes: HashMap<String, String>,
    /// Old-font runs converted, per font name.
    legacy: HashMap<String, usize>,
    tables: usize,
    paras: usize,
    rules: usize,
    numbered: usize,
}

impl Cx {
    /// The block content of `node` (body, cell, text box, footnote, footer).
    fn block(&mut self, node: Node, out: &mut Vec<Item>, loc: &Loc, depth: usize) {
        if depth > MAX_NESTING {
            return;
        }
        for c in node.children().filter(|c| c.is_element()) {
            if is(&c, "p") {
                let here = match loc {
                    Loc::Whole => {
                        self.paras += 1;
                        Loc::Para(self.paras)
                    }
                    other => other.clone(),
                };
                self.para(c, out, &here, depth);
            } else if is(&c, "tbl") {
                self.table(c, out, depth);
            } else if is(&c, "sdt") {
                if let Some(content) = child(&c, "sdtContent") {
                    self.block(content, out, loc, depth + 1);
                }
            } else if is(&c, "customXml") || c.tag_name().namespace() == Some(MC) {
                self.block(c, out, loc, depth + 1);
            }
        }
    }

    fn table(&mut self, node: Node, out: &mut Vec<Item>, depth: usize) {
        self.tables += 1;
        let number = self.tables;
        let mut t = Table {
            loc: Loc::Table(number),
            ..Table::default()
        };
        let tblpr = child(&node, "tblPr");
        let style = tblpr
            .as_ref()
            .and_then(|p| child(p, "tblStyle"))
            .and_then(|s| attr(&s, "val").map(str::to_string))
            .unwrap_or_default();
        let border_on = |b: &Node| {
            b.children()
                .filter(|e| e.is_element())
                .any(|e| !matches!(attr(&e, "val"), Some("nil" | "none") | None))
        };
        let mut ruled = tblpr
            .as_ref()
            .and_then(|p| child(p, "tblBorders"))
            .map(|b| border_on(&b))
            .unwrap_or(style.to_lowercase().contains("grid"));
        t.widths = child(&node, "tblGrid")
            .map(|g| {
                g.children()
                    .filter(|c| is(c, "gridCol"))
                    .filter_map(|c| attr(&c, "w").and_then(|w| w.parse::<u32>().ok()))
                    .filter(|w| *w > 0)
                    .collect()
            })
            .unwrap_or_default();
        let mut header = true;
        for (ri, tr) in node.children().filter(|n| is(n, "tr")).enumerate() {
            let is_header = child(&tr, "trPr")
                .and_then(|p| on_off(&p, "tblHeader"))
                .unwrap_or(false);
            if is_header && header {
                t.header_rows += 1;
            } else {
                header = false;
            }
            let mut row = Vec::new();
            for (ci, tc) in tr.children().filter(|n| is(n, "tc")).enumerate() {
                let tcpr = child(&tc, "tcPr");
                let span = tcpr
                    .as_ref()
                    .and_then(|p| child(p, "gridSpan"))
                    .and_then(|g| attr(&g, "val"))
                    .and_then(|v| v.parse::<usize>().ok())
                    .unwrap_or(1)
                    .clamp(1, 64);
                let merged_up = tcpr
                    .as_ref()
                    .and_then(|p| child(p, "vMerge"))
                    .is_some_and(|v| attr(&v, "val") != Some("restart"));
                if let Some(b) = tcpr.as_ref().and_then(|p| child(p, "tcBorders"))
                    && border_on(&b)
                {
                    ruled = true;
                }
                let mut items = Vec::new();
                let loc = Loc::Cell {
                    table: number,
                    row: ri + 1,
                    cell: ci + 1,
                };
                self.block(tc, &mut items, &loc, depth + 1);
                row.push(Cell {
                    items,
                    span,
                    merged_up,
                });
            }
            t.rows.push(row);
        }
        t.ruled = ruled;
        out.push(Item::Table(t));
    }

    fn para(&mut self, node: Node, out: &mut Vec<Item>, loc: &Loc, depth: usize) {
        let ppr = child(&node, "pPr");
        let pstyle = ppr
            .as_ref()
            .and_then(|p| child(p, "pStyle"))
            .and_then(|s| attr(&s, "val").map(str::to_string))
            .or_else(|| self.styles.default_para.clone());
        let base = match &pstyle {
            Some(s) => self.styles.rprops(s).over(&self.styles.defaults),
            None => self.styles.defaults.clone(),
        };
        let mut p = Para {
            loc: loc.clone(),
            ..Para::default()
        };
        if let Some(ppr) = &ppr {
            p.section_end = child(ppr, "sectPr").map(|s| landscape(&s));
            match child(ppr, "jc").and_then(|j| attr(&j, "val")) {
                Some("center") => p.center = true,
                Some("right" | "end") => p.right = true,
                Some(_) => {}
                None => {
                    p.center = pstyle
                        .as_ref()
                        .and_then(|s| self.styles.find(s, |st| st.center))
                        .unwrap_or(false)
                }
            }
            if let Some(b) = child(ppr, "pBdr") {
                p.rule = b.children().filter(|e| e.is_element()).any(|e| {
                    matches!(e.tag_name().name(), "top" | "bottom" | "between")
                        && !matches!(attr(&e, "val"), Some("nil" | "none") | None)
                });
            }
            p.page_break_before = on_off(ppr, "pageBreakBefore").unwrap_or(false);
        } else if let Some(s) = &pstyle {
            p.center = self.styles.find(s, |st| st.center).unwrap_or(false);
        }
        // Word numbering → a typed label.
        let num = ppr
            .as_ref()
            .and_then(|pp| child(pp, "numPr"))
            .and_then(|np| {
                let id = child(&np, "numId").and_then(|n| attr(&n, "val").map(str::to_string))?;
                let lvl = child(&np, "ilvl")
                    .and_then(|n| attr(&n, "val"))
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0u8);
                Some((id, lvl))
            })
            .or_else(|| {
                pstyle
                    .as_ref()
                    .and_then(|s| self.styles.find(s, |st| st.num.clone()))
            });
        let mut o = ParaOut {
            runs: std::mem::take(&mut p.runs),
            extra: Vec::new(),
            rule: p.rule,
        };
        self.runs(node, &base, &mut o, loc, depth);
        let extra = o.extra;
        (p.runs, p.rule) = (o.runs, o.rule);
        if let Some((id, lvl)) = num
            && let Some(label) = self.label(&id, lvl)
            && !p.text().trim().is_empty()
        {
            self.numbered += 1;
            p.numbered = true;
            let bold = p
                .runs
                .iter()
                .find(|r| !r.text.trim().is_empty())
                .is_some_and(|r| r.bold);
            p.runs.insert(
                0,
                Run {
                    text: format!("{label} "),
                    bold,
                    ..Run::default()
                },
            );
        }
        out.extend(extra);
        if p.rule {
            self.rules += 1;
        }
        out.push(Item::Para(p));
    }

    /// The label Word shows for a numbered paragraph, counting on.
    fn label(&mut self, id: &str, lvl: u8) -> Option<String> {
        if id == "0" {
            return None;
        }
        let levels = self.numbering.nums.get(id)?;
        let lvl = usize::from(lvl.min(8));
        let level = levels.get(lvl)?.clone();
        let counters = self.counters.entry(id.to_string()).or_insert([0; 9]);
        if counters[lvl] == 0 {
            counters[lvl] = level.start;
        } else {
            counters[lvl] += 1;
        }
        for c in counters.iter_mut().skip(lvl + 1) {
            *c = 0;
        }
        if level.fmt == "bullet" {
            let t = level.text.trim();
            return Some(match t {
                "+" => "+".to_string(),
                _ => "-".to_string(),
            });
        }
        let mut s = level.text.clone();
        for (i, l) in levels.iter().enumerate().take(9) {
            let key = format!("%{}", i + 1);
            if s.contains(&key) {
                let v = if counters[i] == 0 {
                    l.start
                } else {
                    counters[i]
                };
                s = s.replace(&key, &format_num(&l.fmt, v));
            }
        }
        let s = s.trim().to_string();
        if s.is_empty() { None } else { Some(s) }
    }

    /// The runs of a paragraph (or of a container inside it); text boxes
    /// go to `extra`, as paragraphs before this one.
    fn runs(&mut self, node: Node, base: &RProps, o: &mut ParaOut, loc: &Loc, depth: usize) {
        if depth > MAX_NESTING {
            return;
        }
        for c in node.children().filter(|c| c.is_element()) {
            let name = c.tag_name().name();
            if c.tag_name().namespace() == Some(MC) && name == "AlternateContent" {
                if let Some(pk) = alternate_pick(c) {
                    self.runs(pk, base, o, loc, depth + 1);
                }
                continue;
            }
            if c.tag_name().namespace() != Some(W) {
                // Drawing-ML / VML inside a run: text boxes and lines.
                self.shape(c, o, loc, depth);
                continue;
            }
            match name {
                "r" => self.run(c, base, o, loc, depth),
                "hyperlink" | "ins" | "smartTag" | "fldSimple" | "customXml" | "sdt"
                | "sdtContent" | "moveTo" => self.runs(c, base, o, loc, depth + 1),
                _ => {}
            }
        }
    }

    /// A drawing or picture: text boxes become paragraphs, lines rules.
    fn shape(&mut self, node: Node, o: &mut ParaOut, loc: &Loc, depth: usize) {
        let mut has_text = false;
        for d in node.descendants().filter(|n| is(n, "txbxContent")) {
            // Nested text boxes are walked by the outer one.
            if d.ancestors().skip(1).any(|a| is(&a, "txbxContent")) {
                continue;
            }
            has_text = true;
            let mut items = Vec::new();
            self.block(d, &mut items, loc, depth + 1);
            o.extra.extend(items);
        }
        if !has_text {
            let line = node.descendants().any(|n| {
                let nm = n.tag_name().name();
                (nm == "prstGeom"
                    && matches!(n.attribute("prst"), Some("line" | "straightConnector1")))
                    || nm == "line"
                    || nm == "cNvCnPr"
                    || (nm == "rect"
                        && n.attribute(("urn:schemas-microsoft-com:office:office", "hr"))
                            .is_some())
            });
            if line {
                o.rule = true;
            }
        }
    }

    /// One `w:r`: its text (legacy encodings decoded) and footnote, with
    /// its shapes.
    fn run(&mut self, node: Node, base: &RProps, o: &mut ParaOut, loc: &Loc, depth: usize) {
        let rpr = child(&node, "rPr");
        let mut props = base.clone();
        if let Some(rs) = rpr
            .as_ref()
            .and_then(|r| child(r, "rStyle"))
            .and_then(|s| attr(&s, "val"))
        {
            props = self.styles.rprops(rs).over(&props);
        }
        if let Some(r) = &rpr {
            props = RProps::read(r).over(&props);
        }
        if props.hidden == Some(true) {
            return;
        }
        let enc = props
            .font
            .as_deref()
            .map(legacy::font_encoding)
            .unwrap_or(FontEncoding::Unicode);
        let mut text = String::new();
        let mut note = None;
        for c in node.children().filter(|c| c.is_element()) {
            if c.tag_name().namespace() == Some(MC) || c.tag_name().namespace() != Some(W) {
                self.runs_shape(c, o, loc, depth);
                continue;
            }
            match c.tag_name().name() {
                "t" => text.push_str(c.text().unwrap_or("")),
                "tab" | "ptab" => text.push('\t'),
                "br" | "cr" => text.push('\n'),
                "noBreakHyphen" => text.push('-'),
                "sym" => {
                    if let Some(ch) = attr(&c, "char")
                        .and_then(|h| u32::from_str_radix(h, 16).ok())
                        .and_then(char::from_u32)
                        .filter(|ch| !(0xF000..=0xF0FF).contains(&(*ch as u32)))
                    {
                        text.push(ch);
                    }
                }
                "footnoteReference" => {
                    if let Some(id) = attr(&c, "id") {
                        note = Some(self.footnotes.get(id).cloned().unwrap_or_default());
                    }
                }
                "drawing" | "pict" | "object" => self.shape(c, o, loc, depth),
                _ => {}
            }
        }
        if enc != FontEncoding::Unicode && !text.is_empty() {
            if let Some(f) = &props.font {
                *self.legacy.entry(f.clone()).or_insert(0) += 1;
            }
            text = legacy::decode(&text, enc);
        }
        if text.is_empty() && note.is_none() {
            return;
        }
        o.runs.push(Run {
            text,
            bold: props.bold.unwrap_or(false),
            italic: props.italic.unwrap_or(false),
            sup: props.sup.unwrap_or(false) && note.is_none(),
            note,
        });
    }

    /// A shape inside a run, or the chosen branch of an `mc:AlternateContent`.
    fn runs_shape(&mut self, node: Node, o: &mut ParaOut, loc: &Loc, depth: usize) {
        if node.tag_name().namespace() == Some(MC) && node.tag_name().name() == "AlternateContent" {
            if let Some(pk) = alternate_pick(node) {
                for c in pk.children().filter(|c| c.is_element()) {
                    self.shape(c, o, loc, depth + 1);
                }
            }
        } else {
            self.shape(node, o, loc, depth);
        }
    }
}

/// What the walk of a paragraph's runs gathers: its runs, the text boxes
/// met (set as paragraphs before it) and whether a drawn line was met.
struct ParaOut {
    /// The paragraph's runs.
    runs: Vec<Run>,
    /// Text boxes' paragraphs.
    extra: Vec<Item>,
    /// A line shape or a paragraph border: the paragraph is a rule.
    rule: bool,
}

/// The branch of an `mc:AlternateContent` to read: the first choice Word
/// understood, else the fallback.
fn alternate_pick<'a, 'i>(node: Node<'a, 'i>) -> Option<Node<'a, 'i>> {
    node.children()
        .find(|n| n.is_element() && n.tag_name().name() == "Choice")
        .or_else(|| {
            node.children()
                .find(|n| n.is_element() && n.tag_name().name() == "Fallback")
        })
}
