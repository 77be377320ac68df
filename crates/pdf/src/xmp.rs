//! The XMP post-step: adds the Decree 30 e-office fields to the XMP packet
//! krilla wrote.
//!
//! krilla 0.8 builds its XMP packet inside `Document::finish` from
//! [`krilla::metadata::Metadata`] and offers no way to add properties. This
//! step therefore edits krilla's output, deterministically and without
//! reparsing the whole file:
//!
//! 1. read the file with the crate's PDF reader ([`crate::reader`]):
//!    `startxref` → the classic xref table → the trailer's `/Root` → the
//!    catalog's `/Metadata` object (krilla writes it uncompressed);
//! 2. add to the packet an `rdf:Description` in the namespace
//!    [`crate::EOFFICE_NS`] (prefix [`crate::EOFFICE_PREFIX`]) with one `Text`
//!    property per field, and, when the packet has a `pdfaExtension:schemas`
//!    bag (every PDF/A level krilla writes), a schema entry describing every
//!    property, as PDF/A requires for non-predefined namespaces;
//! 3. splice the new stream in place of the old one, fix its `/Length`,
//!    shift the xref offsets after it and `startxref`.
//!
//! Everything else (pdfaid, Dublin Core, dates, document and instance ids,
//! `/ID`) stays byte for byte as krilla wrote it. If the file does not have
//! the expected shape (a krilla upgrade), the step fails with
//! [`PdfError::Xmp`] rather than write a broken PDF.

use crate::PdfError;
use crate::reader::{Doc, Lexer, Obj, find};

/// Adds `fields` (name, value; each name once, as
/// `vanban_layout::flow::EOffice::fields` gives them) to the XMP metadata of
/// `pdf`, as described in the module documentation. No fields: `pdf` is
/// returned unchanged.
pub fn add_eoffice(pdf: Vec<u8>, fields: &[(&str, String)]) -> Result<Vec<u8>, PdfError> {
    if fields.is_empty() {
        return Ok(pdf);
    }
    let file = PdfFile::parse(&pdf)?;
    let packet = std::str::from_utf8(&pdf[file.meta.data.clone()])
        .map_err(|_| err("the XMP packet is not UTF-8"))?;
    let new_packet = augment_packet(packet, fields)?;
    Ok(file.replace_stream(&pdf, new_packet.as_bytes()))
}

fn err(message: &str) -> PdfError {
    PdfError::Xmp {
        message: message.to_owned(),
    }
}

/// The e-office fields as (property name, field name, value).
fn properties<'a>(fields: &'a [(&'a str, String)]) -> Vec<(String, &'a str, &'a str)> {
    fields
        .iter()
        .map(|(name, value)| (property_name(name), *name, value.as_str()))
        .collect()
}

/// An XML name for a field: `[A-Za-z0-9._-]` kept, anything else `_`, and a
/// leading `_` if it would not start with a letter or `_`.
pub fn property_name(field: &str) -> String {
    let mut s: String = field
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if !s.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
        s.insert(0, '_');
    }
    s
}

/// Escapes text for XML element content, dropping characters XML 1.0
/// cannot carry.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\r' => out.push_str("&#xD;"),
            '\t' | '\n' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

const BAG_END: &str = "</rdf:Bag></pdfaExtension:schemas>";
const RDF_END: &str = "</rdf:RDF>";

/// The packet with our description (and schema entry) added.
fn augment_packet(packet: &str, fields: &[(&str, String)]) -> Result<String, PdfError> {
    use crate::{EOFFICE_NS, EOFFICE_PREFIX as P};
    let props = properties(fields);

    let mut desc = format!("<rdf:Description rdf:about=\"\" xmlns:{P}=\"{EOFFICE_NS}\">");
    for (name, _, value) in &props {
        desc.push_str(&format!("<{P}:{name}>{}</{P}:{name}>", escape(value)));
    }
    desc.push_str("</rdf:Description>");

    let rdf_end = packet
        .rfind(RDF_END)
        .ok_or_else(|| err("no </rdf:RDF> in krilla's XMP packet"))?;
    let mut out = String::with_capacity(packet.len() + desc.len() + 512 * props.len());
    match packet.find(BAG_END) {
        Some(bag_end) if bag_end < rdf_end => {
            out.push_str(&packet[..bag_end]);
            out.push_str(&schema_entry(&props));
            out.push_str(&packet[bag_end..rdf_end]);
        }
        _ if packet.contains("<pdfaid:part>") => {
            return Err(err(
                "krilla's PDF/A packet has no pdfaExtension:schemas bag to describe our namespace",
            ));
        }
        _ => out.push_str(&packet[..rdf_end]),
    }
    out.push_str(&desc);
    out.push_str(&packet[rdf_end..]);
    Ok(out)
}

/// The `pdfaExtension:schemas` entry describing our namespace.
fn schema_entry(props: &[(String, &str, &str)]) -> String {
    use crate::{EOFFICE_NS, EOFFICE_PREFIX};
    let mut s = format!(
        "<rdf:li rdf:parseType=\"Resource\">\
         <pdfaSchema:schema>vanban: Decree 30/2020/ND-CP Appendix VI e-office metadata</pdfaSchema:schema>\
         <pdfaSchema:namespaceURI>{EOFFICE_NS}</pdfaSchema:namespaceURI>\
         <pdfaSchema:prefix>{EOFFICE_PREFIX}</pdfaSchema:prefix>\
         <pdfaSchema:property><rdf:Seq>"
    );
    for (name, field, _) in props {
        s.push_str(&format!(
            "<rdf:li rdf:parseType=\"Resource\">\
             <pdfaProperty:name>{name}</pdfaProperty:name>\
             <pdfaProperty:valueType>Text</pdfaProperty:valueType>\
             <pdfaProperty:category>external</pdfaProperty:category>\
             <pdfaProperty:description>Decree 30 Appendix VI field {}</pdfaProperty:description>\
             </rdf:li>",
            escape(field)
        ));
    }
    s.push_str("</rdf:Seq></pdfaSchema:property></rdf:li>");
    s
}

/// The parts of a krilla-written PDF the splice needs, found with the
/// crate's one PDF reader ([`crate::reader`]).
struct PdfFile {
    /// Offset of the `xref` keyword.
    xref: usize,
    /// Each in-use xref entry: (byte position of its 10-digit offset, offset).
    entries: Vec<(usize, usize)>,
    /// Byte range of the number after the last `startxref`.
    startxref: std::ops::Range<usize>,
    /// The metadata stream.
    meta: Stream,
}

/// The metadata stream object.
struct Stream {
    /// Byte range of the `/Length` value.
    length: std::ops::Range<usize>,
    /// Byte range of the stream data.
    data: std::ops::Range<usize>,
}

impl PdfFile {
    fn parse(pdf: &[u8]) -> Result<PdfFile, PdfError> {
        let doc = Doc::open(pdf).map_err(|e| err(&e.0))?;
        // A repaired read (startxref 0) or an incremental update cannot be
        // spliced in place: one classic table, as krilla writes it.
        if doc.startxref == 0 || !pdf[doc.startxref..].starts_with(b"xref") {
            return Err(err("startxref does not point at a classic xref table"));
        }
        if doc.trailer.get("Prev").is_some() {
            return Err(err("the file has incremental updates"));
        }
        let mut entries = Vec::with_capacity(doc.entry_at.len());
        for (num, &at) in &doc.entry_at {
            let field = pdf.get(at..at + 11).unwrap_or_default();
            if field.len() != 11 || field[10] != b' ' || !field[..10].iter().all(u8::is_ascii_digit)
            {
                return Err(err("xref entry is not in the 20-byte format"));
            }
            let (_, off) = doc.offsets.get(num).copied().unwrap_or_default();
            entries.push((at, off));
        }
        let (_, catalog) = doc.catalog().map_err(|e| err(&e.0))?;
        let Some(Obj::Ref(meta, _)) = catalog.get("Metadata") else {
            return Err(err("the catalog has no /Metadata"));
        };
        let obj = doc.get(*meta).map_err(|e| err(&e.0))?;
        let (Obj::Dict(dict), Some(data)) = (&obj.obj, obj.stream) else {
            return Err(err("metadata object is not a stream"));
        };
        if dict.get("Filter").is_some() {
            return Err(err("metadata stream is compressed"));
        }
        let Some(Obj::Int(len)) = dict.get("Length") else {
            return Err(err("bad /Length"));
        };
        if usize::try_from(*len).ok() != Some(data.len())
            || !pdf.get(data.end..).is_some_and(|s| {
                let s = s.strip_prefix(b"\r").unwrap_or(s);
                s.strip_prefix(b"\n").unwrap_or(s).starts_with(b"endstream")
            })
        {
            return Err(err("metadata stream /Length does not end at endstream"));
        }
        // The `/Length` value's bytes, in the dictionary before the data.
        let (_, start) = doc.offsets.get(meta).copied().unwrap_or_default();
        let head = pdf.get(start..data.start).unwrap_or_default();
        let l = find(head, b"/Length").ok_or_else(|| err("bad /Length"))?;
        let mut lx = Lexer::new(pdf, start + l + b"/Length".len());
        lx.skip_ws();
        let length_at = lx.pos;
        lx.uint().ok_or_else(|| err("bad /Length"))?;
        Ok(PdfFile {
            xref: doc.startxref,
            entries,
            startxref: doc.startxref_at.clone(),
            meta: Stream {
                length: length_at..lx.pos,
                data,
            },
        })
    }

    /// `pdf` with the stream data replaced and every offset after it moved.
    fn replace_stream(&self, pdf: &[u8], data: &[u8]) -> Vec<u8> {
        let s = &self.meta;
        let new_len = data.len().to_string();
        let mut out = Vec::with_capacity(pdf.len() + data.len());
        out.extend_from_slice(&pdf[..s.length.start]);
        out.extend_from_slice(new_len.as_bytes());
        out.extend_from_slice(&pdf[s.length.end..s.data.start]);
        out.extend_from_slice(data);
        let tail_start = out.len();
        out.extend_from_slice(&pdf[s.data.end..]);

        // Every byte after the old data moved by `shift` (which may be negative).
        let shift = |old: usize| -> usize {
            if old >= s.data.end {
                old - s.data.end + tail_start
            } else if old >= s.length.end {
                old + new_len.len() - s.length.len()
            } else {
                old
            }
        };
        for &(at, off) in &self.entries {
            let entry = shift(at);
            let value = format!("{:010}", shift(off));
            out[entry..entry + 10].copy_from_slice(value.as_bytes());
        }
        let sx = shift(self.startxref.start)..shift(self.startxref.end);
        let mut fixed = Vec::with_capacity(out.len() + 4);
        fixed.extend_from_slice(&out[..sx.start]);
        fixed.extend_from_slice(shift(self.xref).to_string().as_bytes());
        fixed.extend_from_slice(&out[sx.end..]);
        fixed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(property_name("OrganId"), "OrganId");
        assert_eq!(property_name("SignerInfo.FullName"), "SignerInfo.FullName");
        assert_eq!(property_name("To/OrganName"), "To_OrganName");
        assert_eq!(property_name("1st"), "_1st");
        assert_eq!(property_name(""), "_");
        assert_eq!(property_name("Số"), "S_");
    }

    #[test]
    fn escaping() {
        assert_eq!(
            escape("a&b<c>\"'\r\n\u{1}"),
            "a&amp;b&lt;c&gt;&quot;&apos;&#xD;\n"
        );
    }

    #[test]
    fn property_names_are_xml_names() {
        let f = vec![
            ("To/OrganName", "A; B".to_owned()),
            ("SignerInfo.FullName", "x".to_owned()),
        ];
        let p = properties(&f);
        assert_eq!(p[0], ("To_OrganName".to_owned(), "To/OrganName", "A; B"));
        assert_eq!(p[1].0, "SignerInfo.FullName");
    }

    #[test]
    fn wrong_shape_is_an_error() {
        let f = vec![("A", "b".to_owned())];
        assert!(add_eoffice(b"%PDF-1.7\nnot really".to_vec(), &f).is_err());
        assert!(add_eoffice(b"%PDF-1.7\nstartxref\n99999\n%%EOF".to_vec(), &f).is_err());
    }
}
