//! `Flow` → DOCX bytes.
//!
//! WordprocessingML is written directly (no DOCX library): every element in
//! the order of its ISO/IEC 29500 schema sequence, every size, indent,
//! spacing and width taken from the [`Flow`] and only converted (points →
//! twips, half-points, eighths). Word paginates the result itself; exact
//! line pitches everywhere make it break lines and pages as the typesetter.
//!
//! Package, in this fixed order, zipped with fixed timestamps (1980-01-01):
//! `[Content_Types].xml`, `_rels/.rels`, `word/document.xml`,
//! `word/styles.xml`, `word/settings.xml`, `word/fontTable.xml`,
//! `word/footnotes.xml`, `word/header*.xml`, `word/footer*.xml`,
//! `word/_rels/document.xml.rels`, `docProps/core.xml`, `docProps/app.xml`,
//! `docProps/custom.xml`.
//!
//! Headers and footers: `header1` holds the centred `PAGE` field (only when
//! some section numbers its pages), the next header is empty and serves as
//! every section's first-page header (`titlePg`: no number on a section's
//! first page) and as the default header of sections without numbers;
//! `footer1` is empty, and each section with a first-page footer gets its
//! own `footerN`. Each section restarts page numbers at 1.
//!
//! What this writer adds to the flow, each a filler paragraph of
//! [`FILLER_LINE_TWIPS`] (0.1 pt, exact) with a 1 pt mark:
//! - before a table that opens the document: LibreOffice 7.4 otherwise
//!   inserts a full empty paragraph there (15 pt measured) when the file
//!   has footnotes;
//! - after a table that ends the document, a section, a cell, a header or
//!   footer (WordprocessingML needs a paragraph there; a section break
//!   needs a paragraph to sit in);
//! - as the content of an empty cell and of the empty header and footer.
//!
//! The footer distance is the bottom margin less the filler, so the empty
//! default footer lives inside the margin and a first-page footer grows up
//! from the bottom margin into the text block.
//!
//! A rule block is a paragraph with only a bottom border. Word and
//! LibreOffice add the border's width under the line, so the exact line is
//! `height - thickness` and the block is `height` tall; the stroke fills the
//! block's bottom `thickness`.
//!
//! Page breaks become `w:pageBreakBefore` on the next paragraph (the first
//! paragraph of the first cell for a table); breaks at the start or end of
//! a section and repeated breaks are dropped.
//!
//! Footnote marks: the runs carry the mark's size and rise (`w:sz`,
//! `w:position`, `w:vertAlign` baseline), exact in Word. The styles are
//! Word's: "footnote reference" is superscript (a reference a clerk inserts
//! in Word is raised) and "footnote text" has the notes' size. LibreOffice
//! 7.4 ignores the mark runs' size and position and draws both marks as its
//! own superscript, 58 % of the "footnote reference" style's size; that
//! style's size is therefore the mark size / 0.58, so LibreOffice draws our
//! marks at their size (measured: 9 pt marks, not 5.2 pt). Word applies the
//! run's explicit size; a reference a clerk inserts in Word comes out as
//! Word's superscript of that style size (not measured here: no Word).

#![deny(missing_docs)]

mod parts;
mod story;
mod units;
mod xml;
mod zip;

use vanban_layout::flow::{Block, Flow, Run};

use parts::Rel;
pub use story::FILLER_LINE_TWIPS;
use story::{SectSpec, Story, StoryWriter};
use xml::Xml;

/// What can go wrong while writing a DOCX.
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    /// The zip container could not be written.
    #[error("cannot write the DOCX container: {0}")]
    Zip(#[from] zip::ZipLimit),
    /// Writing a part into the container failed.
    #[error("cannot write a DOCX part: {0}")]
    Io(#[from] std::io::Error),
    /// The timestamp option is not an ISO 8601 (W3CDTF) date or date-time.
    #[error("timestamp {0:?} is not an ISO 8601 date-time like 2024-05-01T00:00:00Z")]
    Timestamp(String),
    /// A table row has more cells than the table has columns.
    #[error("table at {path}: row {row} has {cells} cells but the table has {columns} columns")]
    TableShape {
        /// JSON path of the table's source.
        path: String,
        /// Row index.
        row: usize,
        /// Cells in that row.
        cells: usize,
        /// Columns of the table.
        columns: usize,
    },
}

/// Options that are not part of the document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocxOptions {
    /// Creation/modification time for the core properties when the document
    /// has no full date, as ISO 8601 (`2024-05-01` or `2024-05-01T08:00:00Z`);
    /// the CLI derives it from `SOURCE_DATE_EPOCH`. The clock is never read.
    pub timestamp: Option<String>,
    /// The hyphens to write as non-breaking (`w:noBreakHyphen`): those the
    /// typesetter moved to the start of a line with their word
    /// ([`vanban_layout::pages::Pages::pins`] of the same flow); every other
    /// hyphen-minus is written as itself, so the symbol "12/KH-UBND" is found
    /// and copied as typed. `None` (no pagination at hand): every hyphen
    /// inside a word is non-breaking, as before.
    pub pins: Option<vanban_layout::pages::HyphenPins>,
}

const CT_WML: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.";

/// Writes the DOCX package for `flow`. Same input, same bytes.
pub fn write_docx(flow: &Flow, opts: &DocxOptions) -> Result<Vec<u8>, DocxError> {
    let timestamp = match (doc_date(flow.info.date.as_deref()), &opts.timestamp) {
        (Some(d), _) => Some(d),
        (None, Some(ts)) => Some(w3cdtf(ts).ok_or_else(|| DocxError::Timestamp(ts.clone()))?),
        (None, None) => None,
    };
    let lang = if flow.info.language.trim().is_empty() {
        "vi-VN"
    } else {
        flow.info.language.trim()
    };

    // Headers, footers and their relationships (rId1–4 are fixed).
    let mut rel_list = vec![
        Rel::office("rId1".into(), "styles", "styles.xml"),
        Rel::office("rId2".into(), "settings", "settings.xml"),
        Rel::office("rId3".into(), "fontTable", "fontTable.xml"),
        Rel::office("rId4".into(), "footnotes", "footnotes.xml"),
    ];
    let mut headers: Vec<(String, Vec<u8>)> = Vec::new();
    let mut footers: Vec<(String, Vec<u8>)> = Vec::new();
    let mut add = |list: &mut Vec<(String, Vec<u8>)>, kind: &str, bytes: Vec<u8>| -> String {
        let name = format!("{kind}{}.xml", list.len() + 1);
        let id = format!("rId{}", rel_list.len() + 1);
        rel_list.push(Rel::office(id.clone(), kind, name.clone()));
        list.push((name, bytes));
        id
    };
    let number_header = flow.sections.iter().any(|s| s.page_numbers).then(|| {
        add(
            &mut headers,
            "header",
            parts::page_number_header(&flow.page_numbers),
        )
    });
    let empty_header = add(
        &mut headers,
        "header",
        parts::empty_hdr_ftr("w:hdr", "Header"),
    );
    let empty_footer = add(
        &mut footers,
        "footer",
        parts::empty_hdr_ftr("w:ftr", "Footer"),
    );
    let mut specs = Vec::with_capacity(flow.sections.len());
    let restarts = footnote_restarts(flow);
    for (section, restart) in flow.sections.iter().zip(restarts) {
        let footer_first = if section.first_page_footer.is_empty() {
            empty_footer.clone()
        } else {
            let mut w = StoryWriter::new(Xml::new(), Story::HeaderFooter, opts.pins.as_ref());
            parts::w_root(&mut w.x, "w:ftr");
            w.blocks(&section.first_page_footer, None, false, false)?;
            add(&mut footers, "footer", w.x.finish())
        };
        let header_default = match (&number_header, section.page_numbers) {
            (Some(id), true) => id.clone(),
            _ => empty_header.clone(),
        };
        specs.push(SectSpec {
            header_default,
            header_first: empty_header.clone(),
            footer_default: empty_footer.clone(),
            footer_first,
            footnote_start: restart,
            page: section.page.unwrap_or(flow.page),
        });
    }

    // The main document.
    let mut w = StoryWriter::new(Xml::new(), Story::Body, opts.pins.as_ref());
    parts::w_root(&mut w.x, "w:document");
    w.x.open("w:body");
    let last = flow.sections.len().saturating_sub(1);
    for (i, (section, spec)) in flow.sections.iter().zip(&specs).enumerate() {
        let sect = (i != last).then_some(spec);
        w.blocks(&section.blocks, sect, i == 0, false)?;
    }
    if flow.sections.is_empty() {
        w.blocks(&[], None, false, false)?;
    }
    let final_spec = specs.last().cloned().unwrap_or_else(|| SectSpec {
        header_default: empty_header.clone(),
        header_first: empty_header.clone(),
        footer_default: empty_footer.clone(),
        footer_first: empty_footer.clone(),
        footnote_start: None,
        page: flow.page,
    });
    story::sect_pr(&mut w.x, &final_spec);
    let notes = std::mem::take(&mut w.notes);
    let document = w.x.finish();
    let footnotes = parts::footnotes(&flow.footnotes, &notes, opts.pins.as_ref());

    // Content types, in part order.
    let mut overrides: Vec<(String, String)> = vec![
        (
            "/word/document.xml".into(),
            format!("{CT_WML}document.main+xml"),
        ),
        ("/word/styles.xml".into(), format!("{CT_WML}styles+xml")),
        ("/word/settings.xml".into(), format!("{CT_WML}settings+xml")),
        (
            "/word/fontTable.xml".into(),
            format!("{CT_WML}fontTable+xml"),
        ),
        (
            "/word/footnotes.xml".into(),
            format!("{CT_WML}footnotes+xml"),
        ),
    ];
    for (name, _) in &headers {
        overrides.push((format!("/word/{name}"), format!("{CT_WML}header+xml")));
    }
    for (name, _) in &footers {
        overrides.push((format!("/word/{name}"), format!("{CT_WML}footer+xml")));
    }
    for (name, ct) in [
        (
            "/docProps/core.xml",
            "application/vnd.openxmlformats-package.core-properties+xml",
        ),
        (
            "/docProps/app.xml",
            "application/vnd.openxmlformats-officedocument.extended-properties+xml",
        ),
        (
            "/docProps/custom.xml",
            "application/vnd.openxmlformats-officedocument.custom-properties+xml",
        ),
    ] {
        overrides.push((name.into(), ct.into()));
    }
    let ct_refs: Vec<(&str, &str)> = overrides
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();

    let mut files: Vec<(String, Vec<u8>)> = vec![
        ("[Content_Types].xml".into(), parts::content_types(&ct_refs)),
        ("_rels/.rels".into(), parts::package_rels()),
        ("word/document.xml".into(), document),
        (
            "word/styles.xml".into(),
            parts::styles(lang, notes.first().map(|n| n.mark.size)),
        ),
        ("word/settings.xml".into(), parts::settings(lang)),
        ("word/fontTable.xml".into(), parts::font_table()),
        ("word/footnotes.xml".into(), footnotes),
    ];
    for (name, bytes) in headers.into_iter().chain(footers) {
        files.push((format!("word/{name}"), bytes));
    }
    files.push((
        "word/_rels/document.xml.rels".into(),
        parts::rels(&rel_list),
    ));
    files.push((
        "docProps/core.xml".into(),
        parts::core(&flow.info, timestamp.as_deref()),
    ));
    files.push(("docProps/app.xml".into(), parts::app()));
    files.push(("docProps/custom.xml".into(), parts::custom(&flow.info)));
    pack(&files)
}

/// Zips the parts in order, deflated, dated 1980-01-01 00:00:00, mode 0644.
fn pack(files: &[(String, Vec<u8>)]) -> Result<Vec<u8>, DocxError> {
    Ok(zip::pack(files)?)
}

/// For each section, `Some(n)` when its footnote numbers do not continue
/// from the previous section's (Word then restarts them at `n`).
fn footnote_restarts(flow: &Flow) -> Vec<Option<u32>> {
    let mut last = 0u32;
    flow.sections
        .iter()
        .map(|s| {
            let mut numbers = Vec::new();
            collect_marks(&s.blocks, &mut numbers);
            let restart = match numbers.first() {
                Some(&first) if first != last.saturating_add(1) => Some(first),
                _ => None,
            };
            if let Some(&l) = numbers.last() {
                last = l;
            }
            restart
        })
        .collect()
}

fn collect_marks(blocks: &[Block], out: &mut Vec<u32>) {
    for b in blocks {
        match b {
            Block::Para(p) => out.extend(p.runs.iter().filter_map(|r| match r {
                Run::FootnoteRef(f) => Some(f.mark.number),
                _ => None,
            })),
            Block::Table(t) => {
                for row in &t.rows {
                    for cell in &row.cells {
                        collect_marks(&cell.blocks, out);
                    }
                }
            }
            Block::Rule(_) | Block::Spacer(_) | Block::PageBreak => {}
        }
    }
}

/// The document's date as a W3CDTF timestamp, when it is `YYYY-MM-DD`.
fn doc_date(date: Option<&str>) -> Option<String> {
    let d = date?.trim();
    is_date(d).then(|| format!("{d}T00:00:00Z"))
}

fn is_date(d: &str) -> bool {
    let b = d.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        })
}

/// Normalises an ISO 8601 date or date-time to W3CDTF (a bare date gets
/// `T00:00:00Z`), or `None` when it is not one.
fn w3cdtf(ts: &str) -> Option<String> {
    let ts = ts.trim();
    if is_date(ts) {
        return Some(format!("{ts}T00:00:00Z"));
    }
    let (date, time) = ts.split_once('T')?;
    if !is_date(date) {
        return None;
    }
    let (clock, zone) = if let Some(c) = time.strip_suffix('Z') {
        (c, "Z")
    } else {
        let at = time.rfind(['+', '-'])?;
        time.split_at(at)
    };
    let zone_ok = zone == "Z" || {
        let z = zone.as_bytes();
        z.len() == 6 && z[3] == b':' && [1, 2, 4, 5].iter().all(|&i| z[i].is_ascii_digit())
    };
    let (hms, frac) = match clock.split_once('.') {
        Some((h, f)) => (h, Some(f)),
        None => (clock, None),
    };
    let hb = hms.as_bytes();
    let hms_ok = (hb.len() == 5 || hb.len() == 8)
        && hb.iter().enumerate().all(|(i, c)| match i {
            2 | 5 => *c == b':',
            _ => c.is_ascii_digit(),
        });
    let frac_ok = frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|c| c.is_ascii_digit()));
    (zone_ok && hms_ok && frac_ok).then(|| ts.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps() {
        assert_eq!(
            w3cdtf("2024-05-01").as_deref(),
            Some("2024-05-01T00:00:00Z")
        );
        assert!(w3cdtf("2024-05-01T08:30:00Z").is_some());
        assert!(w3cdtf("2024-05-01T08:30Z").is_some());
        assert!(w3cdtf("2024-05-01T08:30:00.5+07:00").is_some());
        assert!(w3cdtf("2024-05-01T08:30:00-07:00").is_some());
        assert!(w3cdtf("yesterday").is_none());
        assert!(w3cdtf("2024-05-01T8:30Z").is_none());
        assert!(w3cdtf("2024-05-01T08:30:00").is_none());
        assert!(w3cdtf("2024-5-01").is_none());
        assert_eq!(
            doc_date(Some("2024-05-01")).as_deref(),
            Some("2024-05-01T00:00:00Z")
        );
        assert_eq!(doc_date(Some("05/2024")), None);
    }
}
