//! Filling the clerk's text fields ([`crate::form`]) in one incremental
//! update: the PDF side of `vanban issue`.
//!
//! For each value: the field's dictionary gets `/V` and a new normal
//! appearance (`/AP /N`), a Form XObject that draws the value with the
//! font `/DA` names (taken from `/AcroForm /DR`, so it is the embedded
//! subset the file already carries), at the field's size, on the baseline
//! `y1 + BELOW_BASELINE × size`, aligned by `/Q`. Nothing else changes: no
//! page, no catalog, no other object, so a signature made before stays
//! valid (a certification signature with DocMDP P=2 allows exactly this).
//!
//! Which values go where, their format and the checks against the printed
//! date are the caller's (the facade's `vanban::issue`); this module
//! refuses what it can see in the file: a missing field, a field that
//! already has a value, a value longer than `/MaxLen` or wider than the
//! field, a font it cannot draw with.

use crate::extract::decode;
use crate::form::{BELOW_BASELINE, FieldAlign, num};
use crate::reader::{Dict, Doc, Obj};

/// Why the fields could not be read or filled.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FillError {
    /// Not a PDF this reader understands.
    #[error("not a readable PDF: {0}")]
    Malformed(String),
    /// The PDF has no text field of this name.
    #[error("the PDF has no text field {0}")]
    NoField(String),
    /// The field already has a value.
    #[error("field {name} already holds {value:?}")]
    AlreadyFilled {
        /// Field name.
        name: String,
        /// Its value.
        value: String,
    },
    /// The value has more characters than `/MaxLen`.
    #[error("{value:?} is longer than the {max_len} characters field {name} holds")]
    TooLong {
        /// Field name.
        name: String,
        /// The value.
        value: String,
        /// `/MaxLen`.
        max_len: u32,
    },
    /// The value is wider than the field.
    #[error("{value:?} is {width:.1} pt wide; field {name} has {room:.1} pt")]
    TooWide {
        /// Field name.
        name: String,
        /// The value.
        value: String,
        /// Its drawn width.
        width: f32,
        /// The field's width.
        room: f32,
    },
    /// The field's font is missing or cannot draw the value.
    #[error("field {name}: {message}")]
    Font {
        /// Field name.
        name: String,
        /// What is wrong.
        message: String,
    },
}

fn malformed(e: crate::reader::ReadError) -> FillError {
    FillError::Malformed(e.0)
}

/// A text field found in a PDF.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundField {
    /// `/T`.
    pub name: String,
    /// `/V`, when set and not empty.
    pub value: Option<String>,
    /// `/MaxLen`.
    pub max_len: Option<u32>,
    /// `/Rect`.
    pub rect: [f32; 4],
    /// `/Q`.
    pub align: FieldAlign,
    /// Font resource name and size from `/DA`.
    pub font: Option<(String, f32)>,
    /// `/TU`: the printed line around the blank (see [`crate::form`]).
    pub label: Option<String>,
    /// Object number of the merged field/widget dictionary.
    object: u32,
    dict: Dict,
}

fn as_f32(o: &Obj) -> Option<f32> {
    match o {
        Obj::Int(i) => Some(*i as f32),
        Obj::Real(r) => r.parse().ok(),
        _ => None,
    }
}

fn text_string(s: &[u8]) -> String {
    if let Some(rest) = s.strip_prefix(&[0xfe, 0xff]) {
        let units: Vec<u16> = rest
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
            .collect();
        return String::from_utf16_lossy(&units);
    }
    s.iter().map(|&b| char::from(b)).collect()
}

/// `/Name size Tf` in a `/DA` string.
fn parse_da(da: &[u8]) -> Option<(String, f32)> {
    let s = String::from_utf8_lossy(da);
    let toks: Vec<&str> = s.split_whitespace().collect();
    let i = toks.iter().position(|t| *t == "Tf")?;
    if i < 2 {
        return None;
    }
    let name = toks[i - 2].strip_prefix('/')?.to_owned();
    let size: f32 = toks[i - 1].parse().ok()?;
    (size.is_finite() && size > 0.0 && size < 1000.0).then_some((name, size))
}

/// Most fields looked at (bounds hostile forms).
const MAX_FIELDS: usize = 10_000;

/// The form's text fields, in `/Fields` order (one level of `/Kids` is
/// not followed: vanban's fields are merged field/widget dictionaries).
pub fn text_fields_in(pdf: &[u8]) -> Result<Vec<FoundField>, FillError> {
    let doc = Doc::open(pdf).map_err(malformed)?;
    read_fields(&doc).map(|(_, f)| f)
}

fn read_fields(doc: &Doc<'_>) -> Result<(Dict, Vec<FoundField>), FillError> {
    let (_, catalog) = doc.catalog().map_err(malformed)?;
    let form = match catalog.get("AcroForm") {
        None => return Ok((Dict::default(), Vec::new())),
        Some(o) => match doc.resolve(o).map_err(malformed)? {
            Obj::Dict(d) => d,
            _ => return Err(FillError::Malformed("/AcroForm is not a dictionary".into())),
        },
    };
    let fields = match form.get("Fields").map(|f| doc.resolve(f)).transpose() {
        Ok(Some(Obj::Array(a))) => a,
        Ok(_) => Vec::new(),
        Err(e) => return Err(malformed(e)),
    };
    let mut out = Vec::new();
    for f in fields.iter().take(MAX_FIELDS) {
        let Obj::Ref(n, _) = f else { continue };
        let Obj::Dict(d) = doc.get(*n).map_err(malformed)?.obj else {
            continue;
        };
        if d.get("FT").and_then(Obj::as_name) != Some(b"Tx") {
            continue;
        }
        let Some(Obj::Str(t)) = d.get("T") else {
            continue;
        };
        let value = match d.get("V").map(|v| doc.resolve(v)).transpose() {
            Ok(Some(Obj::Str(v))) if !v.is_empty() => Some(text_string(&v)),
            _ => None,
        };
        let rect = match d.get("Rect").map(|r| doc.resolve(r)).transpose() {
            Ok(Some(Obj::Array(a))) if a.len() == 4 => {
                let v: Vec<f32> = a.iter().filter_map(as_f32).collect();
                match v.as_slice() {
                    [x1, y1, x2, y2] => [x1.min(*x2), y1.min(*y2), x1.max(*x2), y1.max(*y2)],
                    _ => {
                        return Err(FillError::Malformed(
                            "a field's /Rect is not numbers".into(),
                        ));
                    }
                }
            }
            _ => return Err(FillError::Malformed("a field has no /Rect".into())),
        };
        let max_len = match d.get("MaxLen") {
            Some(Obj::Int(m)) => u32::try_from(*m).ok(),
            _ => None,
        };
        let align = FieldAlign::from_q(match d.get("Q") {
            Some(Obj::Int(q)) => *q,
            _ => 0,
        });
        let da = match d.get("DA").or_else(|| form.get("DA")) {
            Some(Obj::Str(s)) => parse_da(s),
            _ => None,
        };
        out.push(FoundField {
            name: text_string(t),
            value,
            max_len,
            rect,
            align,
            font: da,
            label: match d.get("TU") {
                Some(Obj::Str(s)) => Some(text_string(s)),
                _ => None,
            },
            object: *n,
            dict: d,
        });
    }
    Ok((form, out))
}

/// A field font read back: CID of each character and widths.
struct FieldFont {
    font_ref: Obj,
    cids: Vec<(char, u16)>,
    widths: Vec<(u16, f32)>,
}

impl FieldFont {
    fn read(doc: &Doc<'_>, form: &Dict, resource: &str) -> Result<FieldFont, String> {
        let dr = match form.get("DR").map(|o| doc.resolve(o)).transpose() {
            Ok(Some(Obj::Dict(d))) => d,
            _ => return Err("the form has no /DR resources".into()),
        };
        let fonts = match dr.get("Font").map(|o| doc.resolve(o)).transpose() {
            Ok(Some(Obj::Dict(d))) => d,
            _ => return Err("the form's /DR has no fonts".into()),
        };
        let font_ref = fonts
            .get(resource)
            .cloned()
            .ok_or_else(|| format!("/DR has no font /{resource}"))?;
        let Ok(Obj::Dict(t0)) = doc.resolve(&font_ref) else {
            return Err(format!("font /{resource} is not a dictionary"));
        };
        if t0.get("Subtype").and_then(Obj::as_name) != Some(b"Type0")
            || t0.get("Encoding").and_then(Obj::as_name) != Some(b"Identity-H")
        {
            return Err(format!(
                "font /{resource} is not a Type 0 font with /Identity-H (not one vanban wrote)"
            ));
        }
        // ToUnicode: <cid> <unicode> pairs.
        let Some(Obj::Ref(tu, _)) = t0.get("ToUnicode") else {
            return Err(format!("font /{resource} has no /ToUnicode"));
        };
        let tu = doc.get(*tu).map_err(|e| e.0)?;
        let (Obj::Dict(tud), Some(range)) = (tu.obj, tu.stream) else {
            return Err(format!("font /{resource}: /ToUnicode is not a stream"));
        };
        let cmap = decode(doc, &tud, &doc.bytes[range]).map_err(|e| e.to_string())?;
        let cmap = String::from_utf8_lossy(&cmap);
        let mut cids = Vec::new();
        for block in cmap.split("beginbfchar").skip(1) {
            let body = block.split("endbfchar").next().unwrap_or("");
            let hex: Vec<&str> = body
                .split(['<', '>'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect();
            for pair in hex.chunks(2) {
                if let [cid, uni] = pair
                    && let (Ok(cid), Ok(uni)) =
                        (u16::from_str_radix(cid, 16), u32::from_str_radix(uni, 16))
                    && let Some(c) = char::from_u32(uni)
                {
                    cids.push((c, cid));
                }
            }
        }
        // /W of the descendant: `first [w …]` and `first last w` groups.
        let desc = match t0
            .get("DescendantFonts")
            .map(|o| doc.resolve(o))
            .transpose()
        {
            Ok(Some(Obj::Array(a))) if !a.is_empty() => doc.resolve(&a[0]).map_err(|e| e.0)?,
            _ => return Err(format!("font /{resource} has no descendant font")),
        };
        let Obj::Dict(desc) = desc else {
            return Err(format!("font /{resource}: bad descendant font"));
        };
        let w = match desc.get("W").map(|o| doc.resolve(o)).transpose() {
            Ok(Some(Obj::Array(a))) => a,
            _ => Vec::new(),
        };
        let mut widths = Vec::new();
        let mut i = 0;
        while i < w.len() && widths.len() < 65_536 {
            let Obj::Int(first) = w[i] else { break };
            match w.get(i + 1) {
                Some(Obj::Array(ws)) => {
                    for (k, v) in ws.iter().enumerate().take(65_536) {
                        if let (Ok(c), Some(v)) = (u16::try_from(first + k as i64), as_f32(v)) {
                            widths.push((c, v));
                        }
                    }
                    i += 2;
                }
                Some(Obj::Int(last)) => {
                    let v = w.get(i + 2).and_then(as_f32).unwrap_or(0.0);
                    for c in first..=(*last).min(first + 65_535) {
                        if let Ok(c) = u16::try_from(c) {
                            widths.push((c, v));
                        }
                    }
                    i += 3;
                }
                _ => break,
            }
        }
        Ok(FieldFont {
            font_ref,
            cids,
            widths,
        })
    }

    /// The CIDs of `text` and its width in em.
    fn encode(&self, text: &str) -> Result<(Vec<u16>, f32), char> {
        let mut cids = Vec::new();
        let mut w = 0.0;
        for c in text.chars() {
            let cid = self
                .cids
                .iter()
                .find(|(ch, _)| *ch == c)
                .map(|(_, cid)| *cid)
                .ok_or(c)?;
            w += self
                .widths
                .iter()
                .find(|(k, _)| *k == cid)
                .map_or(0.0, |(_, v)| *v)
                / 1000.0;
            cids.push(cid);
        }
        Ok((cids, w))
    }
}

/// The value of the e-office property `name` (e.g. `IssuedDate`, only
/// written for a full date; `CodeNumber`) in the XMP packet, if the
/// catalog's metadata holds one. Only digits and "-" are read.
pub fn eoffice_value(pdf: &[u8], name: &str) -> Option<String> {
    let doc = Doc::open(pdf).ok()?;
    let (_, catalog) = doc.catalog().ok()?;
    let Some(Obj::Ref(m, _)) = catalog.get("Metadata") else {
        return None;
    };
    let ind = doc.get(*m).ok()?;
    let (Obj::Dict(d), Some(range)) = (ind.obj, ind.stream) else {
        return None;
    };
    let xmp = decode(&doc, &d, &doc.bytes[range]).ok()?;
    let xmp = String::from_utf8_lossy(&xmp);
    // Element form `<p:IssuedDate>2023-06</p:IssuedDate>` or attribute
    // form `p:IssuedDate="2023-06"`.
    // The first occurrence followed by a value (the PDF/A extension schema
    // also names the property, followed by markup).
    xmp.match_indices(name).find_map(|(at, _)| {
        let rest = xmp[at + name.len()..].trim_start_matches(['>', '=', '"', '\'', ' ']);
        let value: String = rest
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '-')
            .collect();
        value
            .starts_with(|c: char| c.is_ascii_digit())
            .then_some(value)
    })
}

/// Fills the text fields named in `values` with their text, in one
/// incremental update appended to `pdf` (see the module documentation).
pub fn fill_text_fields(pdf: &[u8], values: &[(&str, String)]) -> Result<Vec<u8>, FillError> {
    let doc = Doc::open(pdf).map_err(malformed)?;
    let (root, _) = doc.catalog().map_err(malformed)?;
    let (form, fields) = read_fields(&doc)?;
    let mut next = doc.size();
    let mut objects: Vec<(u32, Vec<u8>)> = Vec::new();
    for (name, value) in values {
        let f = fields
            .iter()
            .find(|f| f.name == *name)
            .ok_or_else(|| FillError::NoField((*name).to_owned()))?;
        if let Some(v) = &f.value {
            return Err(FillError::AlreadyFilled {
                name: f.name.clone(),
                value: v.clone(),
            });
        }
        if let Some(m) = f.max_len
            && value.chars().count() > m as usize
        {
            return Err(FillError::TooLong {
                name: f.name.clone(),
                value: value.clone(),
                max_len: m,
            });
        }
        let font_err = |message: String| FillError::Font {
            name: f.name.clone(),
            message,
        };
        let (resource, size) = f
            .font
            .clone()
            .ok_or_else(|| font_err("no font in /DA".into()))?;
        let font = FieldFont::read(&doc, &form, &resource).map_err(font_err)?;
        let (cids, em) = font
            .encode(value)
            .map_err(|c| font_err(format!("its font has no glyph for {c:?}")))?;
        let [x1, y1, x2, y2] = f.rect;
        let (w, h) = (x2 - x1, y2 - y1);
        let width = em * size;
        if width > w + 0.01 {
            return Err(FillError::TooWide {
                name: f.name.clone(),
                value: value.clone(),
                width,
                room: w,
            });
        }
        let tx = match f.align {
            FieldAlign::Left => 0.0,
            FieldAlign::Centre => (w - width) / 2.0,
            FieldAlign::Right => w - width,
        };
        let ty = BELOW_BASELINE * size;
        let hex: String = cids.iter().map(|c| format!("{c:04X}")).collect();
        let content = format!(
            "/Tx BMC\nq\nBT\n/{resource} {} Tf\n0 g\n{} {} Td\n<{hex}> Tj\nET\nQ\nEMC",
            num(size),
            num(tx),
            num(ty)
        );
        let ap = next;
        next += 1;
        let mut fonts = Dict::default();
        fonts.set(&resource, font.font_ref.clone());
        let mut res = Dict::default();
        res.set("Font", Obj::Dict(fonts));
        let mut apd = Dict::default();
        apd.set("Type", Obj::Name(b"XObject".to_vec()));
        apd.set("Subtype", Obj::Name(b"Form".to_vec()));
        apd.set(
            "BBox",
            Obj::Array(vec![
                Obj::Int(0),
                Obj::Int(0),
                Obj::Real(num(w)),
                Obj::Real(num(h)),
            ]),
        );
        apd.set("Resources", Obj::Dict(res));
        apd.set("Length", Obj::Int(content.len() as i64));
        let mut ap_bytes = Vec::new();
        Obj::Dict(apd).write(&mut ap_bytes);
        ap_bytes.extend_from_slice(b"\nstream\n");
        ap_bytes.extend_from_slice(content.as_bytes());
        ap_bytes.extend_from_slice(b"\nendstream");

        let mut d = f.dict.clone();
        d.set("V", Obj::Str(value.as_bytes().to_vec()));
        let mut n = Dict::default();
        n.set("N", Obj::Ref(ap, 0));
        d.set("AP", Obj::Dict(n));
        let mut body = Vec::new();
        Obj::Dict(d).write(&mut body);
        objects.push((f.object, body));
        objects.push((ap, ap_bytes));
    }
    objects.sort_by_key(|(n, _)| *n);
    let mut out = pdf.to_vec();
    crate::sign::write_update(
        &mut out,
        (doc.startxref, &doc.trailer),
        root,
        &objects,
        next,
    )
    .map_err(|e| FillError::Malformed(e.to_string()))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn da_is_parsed() {
        assert_eq!(parse_da(b"/VbR 13 Tf 0 g"), Some(("VbR".into(), 13.0)));
        assert_eq!(parse_da(b"0 g /VbI 14.5 Tf"), Some(("VbI".into(), 14.5)));
        assert_eq!(parse_da(b"13 Tf"), None);
        assert_eq!(parse_da(b"/X -1 Tf"), None);
    }

    #[test]
    fn garbage_is_an_error() {
        assert!(fill_text_fields(b"garbage", &[("SoKyHieu", "58".into())]).is_err());
        assert!(text_fields_in(b"%PDF-1.7\n").is_err());
        assert_eq!(eoffice_value(b"nothing", "IssuedDate"), None);
    }
}
