//! Text fields over the clerk's blanks (number, day, month, year), with
//! the font their values are drawn in.
//!
//! Decree 30 has the clerk give the number and the issue date *after* the
//! leader signed (Art. 15.3, App. I §II.7). A signature stays valid through
//! a later incremental update only when that update fills form fields that
//! existed before signing (ISO 32000-1 §12.8.2.2, DocMDP P=2 "form
//! filling"). So every header blank the typesetter recorded becomes a text
//! field (`/FT /Tx`) in the same incremental update as the signature fields
//! ([`crate::sign`]), with an empty appearance; `vanban issue`
//! ([`crate::issue`]) later sets `/V` and draws the appearance.
//!
//! # Field names (stable)
//!
//! - [`FIELD_NUMBER`] `SoKyHieu`: the number blank in "Số:      /BC-UBND";
//!   right-aligned (`/Q 2`), so the number ends at the "/" of the symbol.
//! - [`FIELD_DAY`] `NgayBanHanh`: the day blank; centred (`/Q 1`).
//! - [`FIELD_MONTH`] `ThangBanHanh`, [`FIELD_YEAR`] `NamBanHanh`: the month
//!   and year blanks when the date gives no month or year; centred.
//!
//! # Geometry
//!
//! The field's rectangle spans the blank horizontally (the region the
//! typesetter recorded) and runs vertically from [`BELOW_BASELINE`] em below
//! the baseline of the line to [`ABOVE_BASELINE`] em above it, so whoever
//! fills it finds the baseline as `y1 + BELOW_BASELINE × size` (the size is
//! in `/DA`). Size and face are those of the line around the blank (13 pt
//! regular for the number, 14 pt italic for the date, App. I §II.3–4).
//!
//! # Font
//!
//! `/DA` names a font in `/AcroForm /DR /Font` ([`FONT_REGULAR`] `VbR` or
//! [`FONT_ITALIC`] `VbI`): a subset of the document's own face (the bundled
//! Liberation Serif by default) holding [`FIELD_CHARS`], embedded as a
//! Type 0 / CIDFontType2 font with `/Identity-H`, `/CIDToGIDMap /Identity`,
//! `/W` in thousandths of an em (from `hmtx`, not raw font units) and a
//! `/ToUnicode` CMap. PDF/A requires every font used in an appearance to be
//! embedded (ISO 19005-2 §6.2.11.4).

use crate::reader::{Dict, Obj};
use std::sync::{Arc, Mutex};
use vanban_layout::flow::RegionKind;
use vanban_layout::fonts::FontId;
use vanban_layout::pages::{Item, Pages};

/// Name of the number field (over the number blank of "Số:").
pub const FIELD_NUMBER: &str = "SoKyHieu";
/// Name of the issue day field.
pub const FIELD_DAY: &str = "NgayBanHanh";
/// Name of the issue month field (only when the month is blank).
pub const FIELD_MONTH: &str = "ThangBanHanh";
/// Name of the issue year field (only when the year is blank).
pub const FIELD_YEAR: &str = "NamBanHanh";

/// Resource name of the regular field font in `/AcroForm /DR /Font`.
pub const FONT_REGULAR: &str = "VbR";
/// Resource name of the italic field font in `/AcroForm /DR /Font`.
pub const FONT_ITALIC: &str = "VbI";

/// The `/DR` resource name of the field font of face `id`: [`FONT_REGULAR`],
/// `VbB` (bold), [`FONT_ITALIC`], `VbZ` (bold italic).
pub fn font_resource(id: FontId) -> &'static str {
    match id {
        FontId::Regular => FONT_REGULAR,
        FontId::Bold => "VbB",
        FontId::Italic => FONT_ITALIC,
        FontId::BoldItalic => "VbZ",
    }
}

/// The characters the field fonts hold: what a number and a date need.
pub const FIELD_CHARS: &str = "0123456789/-. ";

/// Bottom of a field's rectangle below the baseline, in em.
pub const BELOW_BASELINE: f32 = 0.25;
/// Top of a field's rectangle above the baseline, in em.
pub const ABOVE_BASELINE: f32 = 1.0;

/// Maximum length of the number: four digits (design note: numbers restart
/// each year; no organisation issues 10,000 documents of one kind a year).
pub const MAX_LEN_NUMBER: u32 = 4;
/// Maximum length of the day and month: two digits.
pub const MAX_LEN_DAY_MONTH: u32 = 2;
/// Maximum length of the year: four digits.
pub const MAX_LEN_YEAR: u32 = 4;

/// Horizontal alignment of a field's value (`/Q`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldAlign {
    /// `/Q 0`.
    Left,
    /// `/Q 1`.
    Centre,
    /// `/Q 2`.
    Right,
}

impl FieldAlign {
    /// The `/Q` value.
    pub fn q(self) -> i64 {
        match self {
            FieldAlign::Left => 0,
            FieldAlign::Centre => 1,
            FieldAlign::Right => 2,
        }
    }

    /// From a `/Q` value (anything else is left).
    pub fn from_q(q: i64) -> FieldAlign {
        match q {
            1 => FieldAlign::Centre,
            2 => FieldAlign::Right,
            _ => FieldAlign::Left,
        }
    }

    /// Lower-case English name (`left`, `centre`, `right`) for the sidecar.
    pub fn name(self) -> &'static str {
        match self {
            FieldAlign::Left => "left",
            FieldAlign::Centre => "centre",
            FieldAlign::Right => "right",
        }
    }
}

/// A text field over a blank.
#[derive(Debug, Clone, PartialEq)]
pub struct TextField {
    /// Field name (`/T`), e.g. [`FIELD_NUMBER`].
    pub name: &'static str,
    /// 0-based page index.
    pub page: usize,
    /// `[x1, y1, x2, y2]` in PDF points (origin bottom-left, y up).
    pub rect: [f32; 4],
    /// Baseline of the line, PDF points from the page's bottom.
    pub baseline: f32,
    /// Face of the line around the blank.
    pub font: FontId,
    /// Size in points.
    pub size: f32,
    /// Alignment of the value.
    pub align: FieldAlign,
    /// `/MaxLen`.
    pub max_len: u32,
    /// The region it covers.
    pub region: RegionKind,
    /// The printed line around the blank, the blank shown as "…" (NFC),
    /// e.g. "Ba Tô, ngày … tháng 6 năm 2023": the field's `/TU`, which
    /// viewers show as its tooltip and `vanban issue` reads the printed
    /// month and year from.
    pub label: String,
}

impl TextField {
    /// The `/DR` resource name of its font.
    pub fn font_resource(&self) -> &'static str {
        font_resource(self.font)
    }

    /// The `/DA` string, e.g. `/VbR 13 Tf 0 g`.
    pub fn da(&self) -> String {
        format!("/{} {} Tf 0 g", self.font_resource(), num(self.size))
    }
}

/// A number as PDF writes it: at most 3 decimals, no trailing zeros.
pub(crate) fn num(v: f32) -> String {
    let mut s = format!("{v:.3}");
    while s.ends_with('0') {
        s.pop();
    }
    if s.ends_with('.') {
        s.pop();
    }
    if s == "-0" { "0".to_owned() } else { s }
}

/// The text fields of a document: one per named header blank, in the order
/// number, day, month, year. Size, face and baseline come from the text
/// line holding the blank.
pub fn text_fields(pages: &Pages) -> Vec<TextField> {
    let mut out: Vec<TextField> = Vec::new();
    for (index, page) in pages.pages.iter().enumerate() {
        for r in &page.regions {
            let (name, align, max_len) = match r.kind {
                RegionKind::NumberBlank => (FIELD_NUMBER, FieldAlign::Right, MAX_LEN_NUMBER),
                RegionKind::DayBlank => (FIELD_DAY, FieldAlign::Centre, MAX_LEN_DAY_MONTH),
                RegionKind::MonthBlank => (FIELD_MONTH, FieldAlign::Centre, MAX_LEN_DAY_MONTH),
                RegionKind::YearBlank => (FIELD_YEAR, FieldAlign::Centre, MAX_LEN_YEAR),
                _ => continue,
            };
            if out.iter().any(|f| f.name == name) || r.w <= 0.0 || r.h <= 0.0 {
                continue;
            }
            // The text run on the blank's line that covers it (the blank's
            // spaces are drawn in the run), else any run on that line.
            let mid = r.x + r.w / 2.0;
            let on_line = |t: &&vanban_layout::pages::PlacedText| t.y >= r.y && t.y <= r.y + r.h;
            let texts: Vec<_> = page
                .items
                .iter()
                .filter_map(|i| match i {
                    Item::Text(t) => Some(t),
                    _ => None,
                })
                .filter(on_line)
                .collect();
            let run = texts
                .iter()
                .find(|t| t.x <= mid && t.x + t.width() >= mid)
                .or_else(|| texts.first());
            let Some(run) = run else { continue };
            let baseline = pages.height - run.y;
            let label = blank_label(&run.text);
            let size = run.size;
            out.push(TextField {
                name,
                page: index,
                rect: [
                    r.x,
                    baseline - BELOW_BASELINE * size,
                    r.x + r.w,
                    baseline + ABOVE_BASELINE * size,
                ],
                baseline,
                font: run.font,
                size,
                align,
                max_len,
                region: r.kind,
                label,
            });
        }
    }
    let order = |n: &str| {
        [FIELD_NUMBER, FIELD_DAY, FIELD_MONTH, FIELD_YEAR]
            .iter()
            .position(|x| *x == n)
    };
    out.sort_by_key(|f| order(f.name));
    out
}

/// A line's text with each run of three or more spaces (a blank) shown as
/// "…" between single spaces.
fn blank_label(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut spaces = 0;
    let flush = |out: &mut String, spaces: usize| {
        if spaces >= 3 {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
            out.push_str("… ");
        } else {
            out.extend(std::iter::repeat_n(' ', spaces));
        }
    };
    for c in text.chars() {
        if c == ' ' {
            spaces += 1;
        } else {
            flush(&mut out, spaces);
            spaces = 0;
            // "Số: …/BC-UBND": the symbol follows the blank directly.
            if c == '/' && out.ends_with("… ") {
                out.pop();
            }
            out.push(c);
        }
    }
    flush(&mut out, spaces);
    out.trim_end().to_owned()
}

/// A PDF text string: PDFDocEncoding when ASCII, else UTF-16BE with BOM.
pub(crate) fn text_string_bytes(s: &str) -> Vec<u8> {
    if s.is_ascii() {
        return s.as_bytes().to_vec();
    }
    let mut out = vec![0xfe, 0xff];
    for u in s.encode_utf16() {
        out.extend_from_slice(&u.to_be_bytes());
    }
    out
}

/// A field font's objects, ready to append: the Type 0 font is the first.
pub(crate) struct FontObjects {
    /// (object number, body bytes) of the font, descendant, descriptor,
    /// font file and ToUnicode.
    pub objects: Vec<(u32, Vec<u8>)>,
}

fn name(n: &str) -> Obj {
    Obj::Name(n.as_bytes().to_vec())
}

fn stream(dict: Dict, data: &[u8]) -> Vec<u8> {
    let mut d = dict;
    d.set("Length", Obj::Int(data.len() as i64));
    let mut out = Vec::new();
    Obj::Dict(d).write(&mut out);
    out.extend_from_slice(b"\nstream\n");
    out.extend_from_slice(data);
    out.extend_from_slice(b"\nendstream");
    out
}

/// The compressed `FontFile2` of one face's field subset: its uncompressed
/// length (`/Length1`) and the zlib bytes.
struct FieldFontFile {
    length1: usize,
    deflated: Vec<u8>,
}

/// Field subsets already built in this process, by face and font file
/// ([`fingerprint`]): every document of a batch embeds the same
/// [`FIELD_CHARS`] subsets of the same faces, so they are subset and
/// compressed once.
static FIELD_FONT_FILES: Mutex<Vec<(FontId, u64, Arc<FieldFontFile>)>> = Mutex::new(Vec::new());

/// A 64-bit fingerprint of a font file (its length and every byte), the
/// cache key of [`FIELD_FONT_FILES`] with the face.
fn fingerprint(data: &[u8]) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325_u64 ^ data.len() as u64;
    let mut chunks = data.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = (h ^ u64::from_le_bytes(w)).wrapping_mul(0x0100_0000_01b3);
        h ^= h >> 29;
    }
    for b in chunks.remainder() {
        h = (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The field subset of `data` for `id`, compressed, from the cache or built.
fn field_font_file(
    data: &[u8],
    id: FontId,
    remapper: &subsetter::GlyphRemapper,
    source: &str,
) -> Result<Arc<FieldFontFile>, String> {
    let key = fingerprint(data);
    let cached = |cache: &[(FontId, u64, Arc<FieldFontFile>)]| {
        cache
            .iter()
            .find(|(i, k, _)| *i == id && *k == key)
            .map(|(_, _, f)| Arc::clone(f))
    };
    if let Some(f) = cached(&FIELD_FONT_FILES.lock().unwrap_or_else(|e| e.into_inner())) {
        return Ok(f);
    }
    let sub = subsetter::subset(data, 0, remapper)
        .map_err(|e| format!("{source}: cannot subset the font: {e}"))?;
    let file = Arc::new(FieldFontFile {
        length1: sub.len(),
        deflated: deflate(&sub)?,
    });
    let mut cache = FIELD_FONT_FILES.lock().unwrap_or_else(|e| e.into_inner());
    if cached(&cache).is_none() {
        cache.push((id, key, Arc::clone(&file)));
    }
    Ok(file)
}

/// zlib stream of `data` (libdeflate level 1, as krilla's streams).
fn deflate(data: &[u8]) -> Result<Vec<u8>, String> {
    let mut c = libdeflater::Compressor::new(libdeflater::CompressionLvl::fastest());
    let mut out = vec![0; c.zlib_compress_bound(data.len())];
    let n = c
        .zlib_compress(data, &mut out)
        .map_err(|e| format!("cannot compress the field font: {e:?}"))?;
    out.truncate(n);
    Ok(out)
}

/// Builds the embedded subset font for `id` of `fonts` as objects numbered
/// from `first` (five objects). Errors are messages for [`crate::PdfError`].
pub(crate) fn font_objects(data: &[u8], id: FontId, first: u32) -> Result<FontObjects, String> {
    let source = format!("the {id:?} face");
    let face = ttf_parser::Face::parse(data, 0)
        .map_err(|e| format!("{source}: cannot read the font: {e}"))?;
    let upem = f32::from(face.units_per_em());
    let mut remapper = subsetter::GlyphRemapper::new();
    let mut chars: Vec<(u16, char, u16)> = Vec::new(); // (cid, char, old gid)
    for c in FIELD_CHARS.chars() {
        if let Some(g) = face.glyph_index(c) {
            let cid = remapper.remap(g.0);
            chars.push((cid, c, g.0));
        }
    }
    if !FIELD_CHARS
        .chars()
        .filter(|c| c.is_ascii_digit())
        .all(|c| face.glyph_index(c).is_some())
    {
        return Err(format!("{source} has no glyphs for the digits"));
    }
    let file_data = field_font_file(data, id, &remapper, &source)?;
    let scale = |v: f32| (v * 1000.0 / upem).round() as i64;

    let ps_name: String = face
        .names()
        .into_iter()
        .find(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME && n.is_unicode())
        .and_then(|n| n.to_string())
        .unwrap_or_else(|| "Serif".to_owned())
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    let italic = matches!(id, FontId::Italic | FontId::BoldItalic);
    let base = format!("{}+{ps_name}", if italic { "VBNDIF" } else { "VBNDRF" });

    let (f0, cidf, desc, file, tounicode) = (first, first + 1, first + 2, first + 3, first + 4);
    let mut objects = Vec::new();

    let mut t0 = Dict::default();
    t0.set("Type", name("Font"));
    t0.set("Subtype", name("Type0"));
    t0.set("BaseFont", name(&base));
    t0.set("Encoding", name("Identity-H"));
    t0.set("DescendantFonts", Obj::Array(vec![Obj::Ref(cidf, 0)]));
    t0.set("ToUnicode", Obj::Ref(tounicode, 0));
    let mut b = Vec::new();
    Obj::Dict(t0).write(&mut b);
    objects.push((f0, b));

    // Widths of CIDs 1..n (0 is .notdef).
    let mut by_cid = chars.clone();
    by_cid.sort_by_key(|c| c.0);
    let mut widths = Vec::new();
    for (expected, (cid, _, gid)) in (1u16..).zip(&by_cid) {
        if *cid != expected {
            return Err("unexpected glyph numbering in the subset".into());
        }
        let adv = face
            .glyph_hor_advance(ttf_parser::GlyphId(*gid))
            .unwrap_or(0);
        widths.push(Obj::Int(scale(f32::from(adv))));
    }
    let mut cd = Dict::default();
    cd.set("Type", name("Font"));
    cd.set("Subtype", name("CIDFontType2"));
    cd.set("BaseFont", name(&base));
    let mut csi = Dict::default();
    csi.set("Registry", Obj::Str(b"Adobe".to_vec()));
    csi.set("Ordering", Obj::Str(b"Identity".to_vec()));
    csi.set("Supplement", Obj::Int(0));
    cd.set("CIDSystemInfo", Obj::Dict(csi));
    cd.set("FontDescriptor", Obj::Ref(desc, 0));
    cd.set("DW", Obj::Int(0));
    cd.set("W", Obj::Array(vec![Obj::Int(1), Obj::Array(widths)]));
    cd.set("CIDToGIDMap", name("Identity"));
    let mut b = Vec::new();
    Obj::Dict(cd).write(&mut b);
    objects.push((cidf, b));

    let bb = face.global_bounding_box();
    let mut fd = Dict::default();
    fd.set("Type", name("FontDescriptor"));
    fd.set("FontName", name(&base));
    // Serif (2) | Symbolic (4, glyphs addressed by CID) | Italic (64).
    fd.set("Flags", Obj::Int(if italic { 2 | 4 | 64 } else { 2 | 4 }));
    fd.set(
        "FontBBox",
        Obj::Array(
            [bb.x_min, bb.y_min, bb.x_max, bb.y_max]
                .iter()
                .map(|v| Obj::Int(scale(f32::from(*v))))
                .collect(),
        ),
    );
    fd.set("ItalicAngle", Obj::Real(num(face.italic_angle())));
    fd.set("Ascent", Obj::Int(scale(f32::from(face.ascender()))));
    fd.set("Descent", Obj::Int(scale(f32::from(face.descender()))));
    fd.set(
        "CapHeight",
        Obj::Int(scale(f32::from(
            face.capital_height().unwrap_or(face.ascender()),
        ))),
    );
    fd.set("StemV", Obj::Int(80));
    fd.set("FontFile2", Obj::Ref(file, 0));
    let mut b = Vec::new();
    Obj::Dict(fd).write(&mut b);
    objects.push((desc, b));

    let mut ff = Dict::default();
    ff.set("Length1", Obj::Int(file_data.length1 as i64));
    ff.set("Filter", name("FlateDecode"));
    objects.push((file, stream(ff, &file_data.deflated)));

    let mut cmap = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    cmap.push_str(&format!("{} beginbfchar\n", by_cid.len()));
    for (cid, c, _) in &by_cid {
        cmap.push_str(&format!("<{cid:04X}> <{:04X}>\n", u32::from(*c)));
    }
    cmap.push_str("endbfchar\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    objects.push((tounicode, stream(Dict::default(), cmap.as_bytes())));
    Ok(FontObjects { objects })
}

/// Number of objects [`font_objects`] writes.
pub(crate) const FONT_OBJECTS: u32 = 5;
