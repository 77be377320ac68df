//! Reading the embedded source back out of a PDF (`vanban extract`).
//!
//! The source is the file attached with `/AFRelationship /Source` (what
//! [`crate::PdfOptions::attachment`] writes for PDF/A-3b). It is found from
//! the catalog: first the associated files `/AF`, then the name tree
//! `/Names /EmbeddedFiles`; the file specification's `/EF /F` (or `/UF`)
//! stream is decoded (`/FlateDecode` or none) and returned byte for byte.
//! Signed files (incremental updates) are read through their `/Prev` chain.

use crate::reader::{Dict, Doc, Obj};
use std::io::Read;

/// Largest decoded stream accepted: the 16 MiB input limit (an embedded
/// source cannot be larger than the input it was rendered from), which also
/// caps what a decompression bomb can make us allocate.
pub const MAX_SOURCE_BYTES: u64 = 16 * 1024 * 1024;

/// Why no source could be extracted.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    /// The file is not a PDF this reader understands.
    #[error("not a readable PDF: {0}")]
    Malformed(String),
    /// The PDF carries no embedded source file.
    #[error(
        "the PDF has no embedded source file (render it with --pdf-standard a3b to embed the JSON)"
    )]
    NoSource,
    /// The embedded file's stream cannot be decoded.
    #[error("the embedded source cannot be decoded: {0}")]
    Decode(String),
}

/// An embedded file found in a PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbeddedSource {
    /// Its file name (`/UF` or `/F` of the file specification), e.g.
    /// `"source.json"`.
    pub name: String,
    /// The decoded bytes.
    pub data: Vec<u8>,
}

fn malformed(e: crate::reader::ReadError) -> ExtractError {
    ExtractError::Malformed(e.0)
}

/// Most file specifications looked at (bounds hostile name trees).
const MAX_SPECS: usize = 10_000;

/// Finds and decodes the source attached to `pdf`: the first file
/// specification with `/AFRelationship /Source`, or, when none says so, the
/// only embedded file.
pub fn extract_source(pdf: &[u8]) -> Result<EmbeddedSource, ExtractError> {
    let doc = Doc::open(pdf).map_err(malformed)?;
    let (_, catalog) = doc.catalog().map_err(malformed)?;
    let mut specs: Vec<Dict> = Vec::new();
    if let Some(af) = catalog.get("AF")
        && let Obj::Array(a) = doc.resolve(af).map_err(malformed)?
    {
        for s in a.iter().take(MAX_SPECS) {
            if let Obj::Dict(d) = doc.resolve(s).map_err(malformed)? {
                specs.push(d);
            }
        }
    }
    if let Some(names) = catalog.get("Names")
        && let Obj::Dict(names) = doc.resolve(names).map_err(malformed)?
        && let Some(ef) = names.get("EmbeddedFiles")
    {
        let node = doc.resolve(ef).map_err(malformed)?;
        collect_name_tree(&doc, &node, &mut specs, 0)?;
    }
    let is_source = |d: &Dict| d.get("AFRelationship").and_then(Obj::as_name) == Some(b"Source");
    let spec = match specs.iter().find(|d| is_source(d)) {
        Some(s) => s,
        None if !specs.is_empty() && specs.iter().all(|s| same_file(s, &specs[0])) => &specs[0],
        None => return Err(ExtractError::NoSource),
    };
    let name = ["UF", "F"]
        .iter()
        .find_map(|k| match spec.get(k) {
            Some(Obj::Str(s)) => Some(text_string(s)),
            _ => None,
        })
        .unwrap_or_else(|| "source".to_owned());
    let Some(Obj::Dict(ef)) = spec
        .get("EF")
        .map(|o| doc.resolve(o))
        .transpose()
        .map_err(malformed)?
    else {
        return Err(ExtractError::NoSource);
    };
    let stream_ref = match ef.get("F").or_else(|| ef.get("UF")) {
        Some(Obj::Ref(n, _)) => *n,
        _ => return Err(ExtractError::NoSource),
    };
    let obj = doc.get(stream_ref).map_err(malformed)?;
    let (Obj::Dict(sd), Some(range)) = (obj.obj, obj.stream) else {
        return Err(ExtractError::Malformed(
            "the embedded file is not a stream".into(),
        ));
    };
    let raw = &pdf[range];
    let data = decode(&doc, &sd, raw)?;
    Ok(EmbeddedSource { name, data })
}

/// Whether two file specifications point at the same stream.
fn same_file(a: &Dict, b: &Dict) -> bool {
    a.get("EF") == b.get("EF")
}

fn collect_name_tree(
    doc: &Doc<'_>,
    node: &Obj,
    out: &mut Vec<Dict>,
    depth: usize,
) -> Result<(), ExtractError> {
    if depth > 32 || out.len() > MAX_SPECS {
        return Err(ExtractError::Malformed(
            "the embedded-files name tree is too deep or too large".into(),
        ));
    }
    let Obj::Dict(d) = node else { return Ok(()) };
    if let Some(Obj::Array(names)) = d.get("Names") {
        for pair in names.chunks(2) {
            if let [_, spec] = pair
                && let Obj::Dict(s) = doc.resolve(spec).map_err(malformed)?
            {
                out.push(s);
            }
        }
    }
    if let Some(Obj::Array(kids)) = d.get("Kids") {
        for k in kids {
            let kid = doc.resolve(k).map_err(malformed)?;
            collect_name_tree(doc, &kid, out, depth + 1)?;
        }
    }
    Ok(())
}

/// A PDF text string: UTF-16BE with BOM, UTF-8 with BOM, else PDFDocEncoding
/// (read as Latin-1, exact for ASCII names).
fn text_string(s: &[u8]) -> String {
    if let Some(rest) = s.strip_prefix(&[0xfe, 0xff]) {
        let units: Vec<u16> = rest
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
            .collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(rest) = s.strip_prefix(&[0xef, 0xbb, 0xbf]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    s.iter().map(|&b| char::from(b)).collect()
}

/// Decodes a stream's data: no filter or `/FlateDecode` (without
/// predictors), the only encodings the writer uses for attachments.
pub(crate) fn decode(doc: &Doc<'_>, dict: &Dict, raw: &[u8]) -> Result<Vec<u8>, ExtractError> {
    let filters: Vec<Vec<u8>> = match dict.get("Filter").map(|f| doc.resolve(f)).transpose() {
        Ok(None) => Vec::new(),
        Ok(Some(Obj::Name(n))) => vec![n],
        Ok(Some(Obj::Array(a))) => a
            .iter()
            .map(|o| o.as_name().map(<[u8]>::to_vec))
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| ExtractError::Decode("bad /Filter".into()))?,
        Ok(Some(_)) => return Err(ExtractError::Decode("bad /Filter".into())),
        Err(e) => return Err(malformed(e)),
    };
    if dict.get("DecodeParms").is_some_and(|p| *p != Obj::Null) {
        return Err(ExtractError::Decode(
            "stream decode parameters (predictors) are not supported".into(),
        ));
    }
    let mut data = raw.to_vec();
    for f in filters {
        match f.as_slice() {
            b"FlateDecode" | b"Fl" => {
                let mut out = Vec::new();
                flate2::read::ZlibDecoder::new(data.as_slice())
                    .take(MAX_SOURCE_BYTES + 1)
                    .read_to_end(&mut out)
                    .map_err(|e| ExtractError::Decode(format!("FlateDecode: {e}")))?;
                if out.len() as u64 > MAX_SOURCE_BYTES {
                    return Err(ExtractError::Decode(format!(
                        "larger than {MAX_SOURCE_BYTES} bytes"
                    )));
                }
                data = out;
            }
            other => {
                return Err(ExtractError::Decode(format!(
                    "unsupported filter /{}",
                    String::from_utf8_lossy(other)
                )));
            }
        }
    }
    if let Some(Obj::Dict(params)) = dict.get("Params")
        && let Some(Obj::Int(size)) = params.get("Size")
        && usize::try_from(*size).ok() != Some(data.len())
    {
        return Err(ExtractError::Decode(format!(
            "decoded {} bytes, but the file says /Size {size}",
            data.len()
        )));
    }
    Ok(data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_pdfs_give_errors() {
        for bad in [
            &b""[..],
            b"%PDF-1.7",
            b"%PDF-1.7\ntrailer\n<<>>",
            b"%PDF-1.7\ntrailer\n<</Root 1 0 R>>",
            b"%PDF-1.7\n1 0 obj\n<</Type/Catalog>>\nendobj\ntrailer\n<</Root 1 0 R>>",
            b"%PDF-1.7\n1 0 obj\n<</Type/Catalog/AF[2 0 R]>>\nendobj\n2 0 obj\n<</AFRelationship/Source/EF<</F 3 0 R>>>>\nendobj\n3 0 obj\n<</Length 5/Filter/FlateDecode>>stream\nxxxxx\nendstream\nendobj\ntrailer\n<</Root 1 0 R>>",
            b"%PDF-1.7\n1 0 obj\n<</Type/Catalog/AF 1 0 R>>\nendobj\ntrailer\n<</Root 1 0 R>>",
        ] {
            assert!(extract_source(bad).is_err());
        }
    }

    #[test]
    fn uncompressed_source() {
        let pdf = b"%PDF-1.7\n1 0 obj\n<</Type/Catalog/AF[2 0 R]>>\nendobj\n2 0 obj\n<</AFRelationship/Source/UF(a.json)/EF<</F 3 0 R>>>>\nendobj\n3 0 obj\n<</Length 2>>stream\n{}\nendstream\nendobj\ntrailer\n<</Root 1 0 R>>";
        let s = extract_source(pdf).expect("source");
        assert_eq!(s.name, "a.json");
        assert_eq!(s.data, b"{}");
    }

    /// A deflate bomb stops at the 16 MiB cap: 17 MiB of zeros is refused,
    /// 1 MiB is read.
    #[test]
    fn decompression_is_capped() {
        use std::io::Write;
        let pdf = |mib: usize| {
            let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
            let zeros = vec![0u8; 1 << 20];
            for _ in 0..mib {
                z.write_all(&zeros).expect("deflate");
            }
            let data = z.finish().expect("deflate");
            let mut out = format!(
                "%PDF-1.7\n1 0 obj\n<</Type/Catalog/AF[2 0 R]>>\nendobj\n2 0 obj\n<</AFRelationship/Source/UF(a.json)/EF<</F 3 0 R>>>>\nendobj\n3 0 obj\n<</Length {}/Filter/FlateDecode>>stream\n",
                data.len()
            )
            .into_bytes();
            out.extend_from_slice(&data);
            out.extend_from_slice(b"\nendstream\nendobj\ntrailer\n<</Root 1 0 R>>\n");
            out
        };
        match extract_source(&pdf(17)) {
            Err(ExtractError::Decode(m)) => assert!(m.contains("larger than 16777216"), "{m}"),
            other => panic!("{other:?}"),
        }
        assert_eq!(extract_source(&pdf(1)).expect("1 MiB").data.len(), 1 << 20);
    }
}
