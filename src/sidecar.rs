//! The `--meta-json` sidecar, built with serde: what e-office systems and
//! signing tools need to place signatures and fill the clerk's blanks.
//! Its JSON Schema is docs/meta.schema.json.
//!
//! Signing tools place a signature in one of three ways (docs/issuance.md):
//! by field name (`signatureFields[].name`), by page and rectangle
//! (`signatureFields[].rect`, `regions`), or by searching a text anchor,
//! the signer's title line (`signers[].titleLines`, exact NFC text, one run
//! per line in the PDF) and putting the box under it.

use crate::{PlacedRegion, Rendered, region_name};
use serde::Serialize;
use vanban_layout::flow::RegionKind;
use vanban_layout::fonts::FontId;
use vanban_layout::pages::{Item, Pages, PlacedText};
use vanban_pdf::TextField;

/// A line of text on a page, as signing tools search it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TextLine {
    /// The line's text, NFC, as drawn (the PDF's text layer has the same).
    pub text: String,
    /// 0-based page index.
    pub page: usize,
    /// `[x1, y1, x2, y2]` in PDF points: from the baseline minus the
    /// descent to the baseline plus the ascent of its largest run.
    pub rect: [f64; 4],
    /// Baseline, PDF points from the page's bottom.
    pub baseline: f64,
    /// Font size of its first run in points.
    pub size: f64,
    /// Style of its first run: regular, bold, italic, bold-italic.
    pub style: &'static str,
}

/// One signer's block: the anchors around their signature room.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SignerAnchor {
    /// Position in the input's signature list (0-based).
    pub signer: u8,
    /// Its signature field (`ChuKy_NguoiKy`, `ChuKy_NguoiKy_1`, …).
    pub field: String,
    /// The authority and title lines above the signature room, top to
    /// bottom ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH").
    #[serde(rename = "titleLines")]
    pub title_lines: Vec<TextLine>,
    /// The signer's name line below the room.
    #[serde(rename = "nameLine")]
    pub name_line: Option<TextLine>,
}

fn r2(v: f32) -> f64 {
    if v.is_finite() {
        (f64::from(v) * 100.0).round() / 100.0
    } else {
        0.0
    }
}

fn rect(r: [f32; 4]) -> [f64; 4] {
    r.map(r2)
}

fn style(f: FontId) -> &'static str {
    match f {
        FontId::Regular => "regular",
        FontId::Bold => "bold",
        FontId::Italic => "italic",
        FontId::BoldItalic => "bold-italic",
    }
}

/// The lines of a page: runs sharing a baseline, left to right.
fn lines(page: &vanban_layout::pages::Page) -> Vec<Vec<&PlacedText>> {
    let mut out: Vec<Vec<&PlacedText>> = Vec::new();
    for item in &page.items {
        let Item::Text(t) = item else { continue };
        if t.artifact {
            continue;
        }
        match out.iter_mut().find(|l| (l[0].y - t.y).abs() < 0.01) {
            Some(l) => l.push(t),
            None => out.push(vec![t]),
        }
    }
    for l in &mut out {
        l.sort_by(|a, b| a.x.total_cmp(&b.x));
    }
    out.sort_by(|a, b| a[0].y.total_cmp(&b[0].y));
    out
}

/// A line limited to the runs inside `[x0, x1]` (a column), as a
/// [`TextLine`].
fn text_line(
    pages: &Pages,
    page: usize,
    runs: &[&PlacedText],
    (x0, x1): (f32, f32),
) -> Option<TextLine> {
    let runs: Vec<&&PlacedText> = runs
        .iter()
        .filter(|t| {
            let mid = t.x + t.width() / 2.0;
            mid >= x0 && mid <= x1
        })
        .collect();
    let first = runs.first()?;
    let mut text = String::new();
    let mut end = first.x;
    for t in &runs {
        if !text.is_empty() && t.x - end > 0.5 && !text.ends_with(' ') && !t.text.starts_with(' ') {
            text.push(' ');
        }
        text.push_str(&t.text);
        end = t.x + t.width();
    }
    let text = text.trim().to_owned();
    if text.is_empty() {
        return None;
    }
    let size = runs.iter().map(|t| t.size).fold(0.0, f32::max);
    let baseline = pages.height - first.y;
    let x_end = runs.iter().map(|t| t.x + t.width()).fold(first.x, f32::max);
    Some(TextLine {
        text,
        page,
        // Liberation Serif / Times New Roman: ascent 0.891 em, descent 0.216 em.
        rect: rect([
            first.x,
            baseline - 0.216 * size,
            x_end,
            baseline + 0.891 * size,
        ]),
        baseline: r2(baseline),
        size: r2(first.size),
        style: style(first.font),
    })
}

/// The signers' anchors: for each signature room, the lines above it in
/// its column up to the previous gap of more than two lines, and the first
/// line below it.
pub fn signer_anchors(pages: &Pages, fields: &[vanban_pdf::SignatureField]) -> Vec<SignerAnchor> {
    let mut out = Vec::new();
    for (index, page) in pages.pages.iter().enumerate() {
        let ls = lines(page);
        for r in &page.regions {
            let RegionKind::Signature(signer) = r.kind else {
                continue;
            };
            if out.iter().any(|a: &SignerAnchor| a.signer == signer) {
                continue;
            }
            let col = (r.x, r.x + r.w);
            let field = fields
                .iter()
                .find(|f| f.region == r.kind)
                .map(|f| f.name.clone())
                .unwrap_or_default();
            // Lines above, walking up while they stay close together.
            let mut title = Vec::new();
            let mut bottom = r.y;
            for l in ls.iter().rev().filter(|l| l[0].y <= r.y + 0.01) {
                let Some(tl) = text_line(pages, index, l, col) else {
                    continue;
                };
                let pitch = 2.5 * l[0].size;
                if bottom - l[0].y > pitch {
                    break;
                }
                bottom = l[0].y - l[0].size;
                title.push(tl);
            }
            title.reverse();
            let name_line = ls
                .iter()
                .filter(|l| l[0].y > r.y + r.h - 0.01)
                .find_map(|l| text_line(pages, index, l, col));
            out.push(SignerAnchor {
                signer,
                field,
                title_lines: title,
                name_line,
            });
        }
    }
    out.sort_by_key(|a| a.signer);
    out
}

#[derive(Serialize)]
struct Coordinates {
    unit: &'static str,
    origin: &'static str,
    rect: &'static str,
    page: &'static str,
}

#[derive(Serialize)]
struct Region {
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    signer: Option<u8>,
    page: usize,
    rect: [f64; 4],
}

#[derive(Serialize)]
struct SigField<'a> {
    name: &'a str,
    page: usize,
    rect: [f64; 4],
}

#[derive(Serialize)]
struct Field<'a> {
    name: &'a str,
    blank: &'static str,
    page: usize,
    rect: [f64; 4],
    font: &'static str,
    size: f64,
    style: &'static str,
    baseline: f64,
    alignment: &'static str,
    #[serde(rename = "maxLength")]
    max_length: u32,
    label: &'a str,
}

#[derive(Serialize)]
struct Sidecar<'a> {
    generator: String,
    eoffice: EOffice,
    /// Nơi nhận items `To` could not resolve ("Như Điều 4"); only when any.
    #[serde(rename = "unresolvedTo", skip_serializing_if = "<[String]>::is_empty")]
    unresolved_to: &'a [String],
    #[serde(rename = "pageCount")]
    page_count: Option<usize>,
    #[serde(rename = "pageSize")]
    page_size: Option<[f64; 2]>,
    #[serde(rename = "pageSizes")]
    page_sizes: Vec<[f64; 2]>,
    coordinates: Coordinates,
    regions: Vec<Region>,
    #[serde(rename = "signatureFields")]
    signature_fields: Vec<SigField<'a>>,
    #[serde(rename = "textFields")]
    text_fields: Vec<Field<'a>>,
    signers: &'a [SignerAnchor],
}

/// Decree 30 App. VI fields of type Number (written as JSON numbers).
const NUMBER_FIELDS: [&str; 3] = ["PageAmount", "Priority", "IssuedAmount"];

/// A value of the e-office object.
enum EValue {
    Number(u64),
    Text(String),
    Group(Vec<(&'static str, String)>),
}

/// The e-office fields as a JSON object in the decree's order: "A.B" names
/// nest under "A"; Number fields as numbers; a repeated field's values are
/// joined as everywhere ([`crate::EOffice::JOIN`]). Serialised as a map in
/// this order.
struct EOffice(Vec<(&'static str, EValue)>);

struct Pairs<'a>(&'a [(&'static str, String)]);

impl Serialize for Pairs<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

impl Serialize for EOffice {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            match v {
                EValue::Number(n) => m.serialize_entry(k, n)?,
                EValue::Text(t) => m.serialize_entry(k, t)?,
                EValue::Group(g) => m.serialize_entry(k, &Pairs(g))?,
            }
        }
        m.end()
    }
}

fn eoffice(e: &crate::EOffice) -> EOffice {
    let mut out: Vec<(&'static str, EValue)> = Vec::new();
    for (k, v) in e.fields() {
        match k.split_once('.') {
            Some((group, sub)) => match out.iter_mut().find(|(g, _)| *g == group) {
                Some((_, EValue::Group(subs))) => subs.push((sub, v)),
                _ => out.push((group, EValue::Group(vec![(sub, v)]))),
            },
            None => out.push((
                k,
                match v.parse::<u64>() {
                    Ok(n) if NUMBER_FIELDS.contains(&k) => EValue::Number(n),
                    _ => EValue::Text(v),
                },
            )),
        }
    }
    EOffice(out)
}

fn blank_name(kind: RegionKind) -> &'static str {
    region_name(kind).0
}

/// The sidecar of `r` (see [`Rendered::meta_json`]).
pub(crate) fn meta_json(r: &Rendered) -> String {
    let regions = r
        .regions
        .iter()
        .map(|x: &PlacedRegion| {
            let (kind, signer) = region_name(x.kind);
            Region {
                kind,
                signer,
                page: x.page,
                rect: rect(x.rect),
            }
        })
        .collect();
    let size = r.page_size.map(|(w, h)| [r2(w), r2(h)]);
    let s = Sidecar {
        generator: format!("vanban {}", env!("CARGO_PKG_VERSION")),
        eoffice: eoffice(&r.eoffice),
        unresolved_to: &r.unresolved_to,
        page_count: r.page_count,
        page_size: size,
        page_sizes: match (size, r.page_count) {
            (Some(s), Some(n)) => vec![s; n],
            _ => Vec::new(),
        },
        coordinates: Coordinates {
            unit: "pt",
            origin: "bottom-left corner of the page, y up (PDF user space)",
            rect: "[x1, y1, x2, y2]",
            page: "0-based page index",
        },
        regions,
        signature_fields: r
            .signature_fields
            .iter()
            .map(|f| SigField {
                name: &f.name,
                page: f.page,
                rect: rect(f.rect),
            })
            .collect(),
        text_fields: r
            .text_fields
            .iter()
            .map(|f: &TextField| Field {
                name: f.name,
                blank: blank_name(f.region),
                page: f.page,
                rect: rect(f.rect),
                font: f.font_resource(),
                size: r2(f.size),
                style: style(f.font),
                baseline: r2(f.baseline),
                alignment: f.align.name(),
                max_length: f.max_len,
                label: &f.label,
            })
            .collect(),
        signers: &r.signers,
    };
    // Serialising plain structs, strings and numbers cannot fail.
    let mut out = serde_json::to_string_pretty(&s).unwrap_or_default();
    out.push('\n');
    out
}
