//! The XMP post-step: adds the Decree 30 e-office fields to the XMP packet
//! krilla wrote.
//!
//! krilla 0.8 builds its XMP packet inside `Document::finish` from
//! [`krilla::metadata::Metadata`] and offers no way to add properties. This
//! step therefore edits krilla's output, deterministically and without
//! reparsing the whole file:
//!
//! 1. follow `startxref` → the classic xref table → the trailer's `/Root` →
//!    the catalog's `/Metadata` object (krilla writes it uncompressed);
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

/// Adds `fields` (name, value; each name once, as
/// `vanban_layout::flow::EOffice::fields` gives them) to the XMP metadata of
/// `pdf`, as described in the module documentation. No fields: `pdf` is
/// returned unchanged.
pub fn add_eoffice(pdf: Vec<u8>, fields: &[(&str, String)]) -> Result<Vec<u8>, PdfError> {
    if fields.is_empty() {
        return Ok(pdf);
    }
    let file = PdfFile::parse(&pdf)?;
    let meta = file.metadata_stream(&pdf)?;
    let packet = std::str::from_utf8(&pdf[meta.data.clone()])
        .map_err(|_| err("the XMP packet is not UTF-8"))?;
    let new_packet = augment_packet(packet, fields)?;
    Ok(file.replace_stream(&pdf, &meta, new_packet.as_bytes()))
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

/// The parts of a krilla-written PDF the splice needs.
struct PdfFile {
    /// Offset of the `xref` keyword.
    xref: usize,
    /// Byte range of each xref entry's 10-digit offset, with its value
    /// (in-use entries only).
    entries: Vec<(u32, usize, usize)>,
    /// Byte range of the number after the last `startxref`.
    startxref: std::ops::Range<usize>,
    /// The catalog's object number.
    root: u32,
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
        let sx = rfind(pdf, b"startxref").ok_or_else(|| err("no startxref"))?;
        let (num_start, xref) = number_after(pdf, sx + b"startxref".len())
            .ok_or_else(|| err("no offset after startxref"))?;
        let num_end = num_start + digits(&pdf[num_start..]);
        let xref = usize::try_from(xref).map_err(|_| err("xref offset too large"))?;
        if !pdf.get(xref..).is_some_and(|s| s.starts_with(b"xref")) {
            return Err(err("startxref does not point at a classic xref table"));
        }
        // One subsection "0 N" of fixed 20-byte entries (what pdf-writer writes).
        let (p, first) = number_after(pdf, xref + 4).ok_or_else(|| err("bad xref header"))?;
        let p = p + digits(&pdf[p..]);
        let (p, count) = number_after(pdf, p).ok_or_else(|| err("bad xref header"))?;
        if first != 0 {
            return Err(err("xref table does not start at object 0"));
        }
        let mut at = p + digits(&pdf[p..]);
        while pdf.get(at).is_some_and(|b| b.is_ascii_whitespace()) {
            at += 1;
        }
        let mut entries = Vec::new();
        for obj in 0..count {
            let e = pdf
                .get(at..at + 20)
                .ok_or_else(|| err("xref table is truncated"))?;
            if e[10] != b' ' || e[16] != b' ' || !e[..10].iter().all(u8::is_ascii_digit) {
                return Err(err("xref entry is not in the 20-byte format"));
            }
            if e[17] == b'n' {
                let off = parse_usize(&e[..10]).ok_or_else(|| err("bad xref offset"))?;
                let obj = u32::try_from(obj).map_err(|_| err("too many objects"))?;
                entries.push((obj, at, off));
            }
            at += 20;
        }
        let trailer = find(&pdf[at..], b"trailer").ok_or_else(|| err("no trailer"))? + at;
        let trailer_dict = pdf
            .get(trailer..sx)
            .ok_or_else(|| err("trailer after startxref"))?;
        let root = find(trailer_dict, b"/Root").ok_or_else(|| err("no /Root"))? + trailer;
        let (_, root) = number_after(pdf, root + 5).ok_or_else(|| err("bad /Root"))?;
        let root = u32::try_from(root).map_err(|_| err("bad /Root"))?;
        Ok(PdfFile {
            xref,
            entries,
            startxref: num_start..num_end,
            root,
        })
    }

    /// The offset where object `num` starts, and where the next object (or
    /// the xref table) starts.
    fn object_span(&self, num: u32) -> Result<(usize, usize), PdfError> {
        let (_, _, start) = self
            .entries
            .iter()
            .find(|(n, _, _)| *n == num)
            .copied()
            .ok_or_else(|| err("object missing from the xref table"))?;
        let end = self
            .entries
            .iter()
            .map(|(_, _, off)| *off)
            .filter(|off| *off > start)
            .min()
            .unwrap_or(self.xref)
            .min(self.xref);
        if end <= start {
            return Err(err("object lies after the xref table"));
        }
        Ok((start, end))
    }

    fn metadata_stream(&self, pdf: &[u8]) -> Result<Stream, PdfError> {
        let (cs, ce) = self.object_span(self.root)?;
        let catalog = &pdf[cs..ce];
        let m = find(catalog, b"/Metadata").ok_or_else(|| err("the catalog has no /Metadata"))?;
        let (_, meta) =
            number_after(catalog, m + 9).ok_or_else(|| err("bad /Metadata reference"))?;
        let meta = u32::try_from(meta).map_err(|_| err("bad /Metadata reference"))?;
        let (ms, me) = self.object_span(meta)?;
        let obj = &pdf[ms..me];
        let l = find(obj, b"/Length").ok_or_else(|| err("metadata stream without /Length"))?;
        let (ls, len) = number_after(obj, l + 7).ok_or_else(|| err("bad /Length"))?;
        let le = ls + digits(&obj[ls..]);
        let kw = find(obj, b"stream").ok_or_else(|| err("metadata object is not a stream"))?;
        let mut ds = kw + 6;
        if obj.get(ds) == Some(&b'\r') {
            ds += 1;
        }
        if obj.get(ds) != Some(&b'\n') {
            return Err(err("no end of line after `stream`"));
        }
        ds += 1;
        let len = usize::try_from(len).map_err(|_| err("bad /Length"))?;
        let de = ds + len;
        if !obj.get(de..).is_some_and(|s| {
            let s = s.strip_prefix(b"\r").unwrap_or(s);
            s.strip_prefix(b"\n").unwrap_or(s).starts_with(b"endstream")
        }) {
            return Err(err("metadata stream /Length does not end at endstream"));
        }
        if find(&obj[..kw], b"/Filter").is_some() {
            return Err(err("metadata stream is compressed"));
        }
        Ok(Stream {
            length: ms + ls..ms + le,
            data: ms + ds..ms + de,
        })
    }

    /// `pdf` with the stream data replaced and every offset after it moved.
    fn replace_stream(&self, pdf: &[u8], s: &Stream, data: &[u8]) -> Vec<u8> {
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
        for &(_, at, off) in &self.entries {
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

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

fn digits(s: &[u8]) -> usize {
    s.iter().take_while(|b| b.is_ascii_digit()).count()
}

fn parse_usize(s: &[u8]) -> Option<usize> {
    std::str::from_utf8(s).ok()?.parse().ok()
}

/// Skips whitespace from `at` and reads a decimal number: (its start, value).
fn number_after(s: &[u8], mut at: usize) -> Option<(usize, u64)> {
    while s.get(at).is_some_and(|b| b.is_ascii_whitespace()) {
        at += 1;
    }
    let n = digits(s.get(at..)?);
    if n == 0 || n > 18 {
        return None;
    }
    let v = std::str::from_utf8(&s[at..at + n]).ok()?.parse().ok()?;
    Some((at, v))
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
