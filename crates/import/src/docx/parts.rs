//! The package: XML parsing with limits, and reading parts of the zip
//! archive (size-capped) and their relationships.

use super::*;

pub(super) fn parse_xml<'a>(part: &str, text: &'a str) -> Result<Document<'a>, ImportError> {
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

pub(super) struct Parts<'z, 'b> {
    pub(super) zip: &'z mut zip::ZipArchive<Cursor<&'b [u8]>>,
}

impl Parts<'_, '_> {
    /// A part as text, or `None` when absent; at most [`MAX_PART_BYTES`]
    /// are ever decompressed.
    pub(super) fn read(&mut self, name: &str) -> Result<Option<String>, ImportError> {
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
    pub(super) fn main_part(&mut self) -> Result<Option<String>, ImportError> {
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
    pub(super) fn rels(&mut self, part: &str) -> Result<Vec<(String, String)>, ImportError> {
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
