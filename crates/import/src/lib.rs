//! Import: turns what people have — a Word draft (DOCX), typed or pasted
//! text, files typed in the old TCVN3 / VNI / VIQR encodings — into
//! vanban's input JSON, validated by [`vanban_model::parse`] exactly like a
//! hand-written file, with a [`Report`] of what was recognised, guessed,
//! kept as plain paragraphs or left out, and where in the source.
//!
//! Entry points: [`import`] (bytes and a [`SourceKind`]), [`import_text`]
//! (the paste box), [`docx_items`] + [`recognise_items`] for tools that
//! split a file first (the model forms).

#![deny(missing_docs)]

pub mod docx;
pub mod error;
pub mod ir;
pub mod legacy;
pub mod recognise;
pub mod report;
pub mod text;

pub use error::ImportError;
pub use report::{Entry, Kind, Loc, Report};

use serde_json::Value;

/// What the bytes are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// A Word file (.docx).
    Docx,
    /// Plain text (UTF-8, UTF-16 with BOM or Windows-1258; VIQR detected).
    Text,
}

/// Largest text input (as for JSON input).
pub const MAX_TEXT_BYTES: usize = vanban_model::MAX_INPUT_BYTES;

/// An import's result.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The document as vanban input JSON (no `$schema`).
    pub json: Value,
    /// The validated model.
    pub document: vanban_model::Document,
    /// What happened.
    pub report: Report,
}

impl Imported {
    /// The JSON, pretty, with `"$schema"` first and the fields in the
    /// order of the input format (what `vanban import` writes).
    pub fn pretty_json(&self, schema: &str) -> String {
        const ORDER: [&str; 20] = [
            "type",
            "issuer",
            "number",
            "symbol",
            "place",
            "date",
            "urgency",
            "secrecy",
            "title",
            "to",
            "authority",
            "bases",
            "numbering",
            "body",
            "signature",
            "recipients",
            "archive",
            "drafter",
            "contact",
            "appendices",
        ];
        let Value::Object(o) = &self.json else {
            return String::new();
        };
        let mut fields: Vec<(String, &Value)> = Vec::new();
        for k in ORDER {
            if let Some(v) = o.get(k) {
                fields.push((k.to_string(), v));
            }
        }
        for (k, v) in o {
            if !ORDER.contains(&k.as_str()) {
                fields.push((k.clone(), v));
            }
        }
        let schema = Value::from(schema);
        let mut out = String::from("{\n");
        let all = std::iter::once(("$schema".to_string(), &schema)).chain(fields);
        let mut first = true;
        for (k, v) in all {
            if !first {
                out.push_str(",\n");
            }
            first = false;
            let body = serde_json::to_string_pretty(v)
                .unwrap_or_default()
                .replace('\n', "\n  ");
            out.push_str(&format!("  {}: {body}", Value::from(k)));
        }
        out.push_str("\n}\n");
        out
    }
}

/// Imports a file's bytes.
pub fn import(bytes: &[u8], kind: SourceKind) -> Result<Imported, ImportError> {
    let mut report = Report::default();
    let (items, footers) = match kind {
        SourceKind::Docx => {
            let c = docx::read(bytes, &mut report)?;
            (c.body, c.footers)
        }
        SourceKind::Text => {
            if bytes.len() > MAX_TEXT_BYTES {
                return Err(ImportError::TooLarge {
                    what: "text".into(),
                    limit: MAX_TEXT_BYTES,
                });
            }
            let (mut s, enc) = legacy::decode_text_file(bytes);
            if enc != "UTF-8" {
                report.add(
                    Kind::Converted,
                    &Loc::Whole,
                    format!("tệp chữ mã {enc} đã chuyển sang Unicode"),
                    format!("text file in {enc} converted to Unicode"),
                );
            }
            if legacy::looks_like_viqr(&s) {
                s = legacy::viqr_to_unicode(&s);
                report.add(
                    Kind::Guessed,
                    &Loc::Whole,
                    "chữ không dấu có dấu gõ kiểu VIQR (a^ a( o+ dd …): đã chuyển sang Unicode theo RFC 1456",
                    "unaccented text with VIQR marks (a^ a( o+ dd …): converted to Unicode per RFC 1456",
                );
            }
            (text::items(&s), Vec::new())
        }
    };
    finish(&items, &footers, report)
}

/// Imports typed or pasted text (the web editor's paste box).
pub fn import_text(text: &str) -> Result<Imported, ImportError> {
    import(text.as_bytes(), SourceKind::Text)
}

/// The paragraphs and tables of a DOCX and its footers, for tools that
/// split a file before recognising (e.g. the model forms at "Mẫu x.y").
pub fn docx_items(
    bytes: &[u8],
    report: &mut Report,
) -> Result<(Vec<ir::Item>, Vec<ir::Para>), ImportError> {
    let c = docx::read(bytes, report)?;
    Ok((c.body, c.footers))
}

/// Recognises a document from items and validates it.
pub fn recognise_items(
    items: &[ir::Item],
    footers: &[ir::Para],
    report: Report,
) -> Result<Imported, ImportError> {
    finish(items, footers, report)
}

fn finish(
    items: &[ir::Item],
    footers: &[ir::Para],
    mut report: Report,
) -> Result<Imported, ImportError> {
    let has_text = items.iter().any(|i| match i {
        ir::Item::Para(p) => !p.text().trim().is_empty(),
        ir::Item::Table(_) => true,
    });
    if !has_text {
        return Err(ImportError::Empty);
    }
    // Control characters (other than line breaks and tabs) are not text.
    let mut items = items.to_vec();
    let mut footers = footers.to_vec();
    let mut dropped = 0usize;
    for it in &mut items {
        sanitize_item(it, &mut dropped);
    }
    for p in &mut footers {
        sanitize_para(p, &mut dropped);
    }
    if dropped > 0 {
        report.add(
            Kind::Omitted,
            &Loc::Whole,
            format!("{dropped} ký tự điều khiển (không phải chữ) đã bỏ"),
            format!("{dropped} control characters (not text) removed"),
        );
    }
    let r = recognise::recognise(&items, &footers, &mut report);
    let text = serde_json::to_string(&r.json).map_err(|e| ImportError::Invalid(e.to_string()))?;
    let document = vanban_model::parse(&text).map_err(|e| ImportError::Invalid(e.to_string()))?;
    Ok(Imported {
        json: r.json,
        document,
        report,
    })
}

fn clean_text(s: &mut String, dropped: &mut usize) {
    if s.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        let before = s.chars().count();
        // A form feed or vertical tab typed as a break stays a break.
        let t: String = s
            .chars()
            .map(|c| {
                if c == '\u{b}' || c == '\u{c}' {
                    '\n'
                } else {
                    c
                }
            })
            .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
            .collect();
        *dropped += before - t.chars().count();
        *s = t;
    }
}

fn sanitize_para(p: &mut ir::Para, dropped: &mut usize) {
    for r in &mut p.runs {
        clean_text(&mut r.text, dropped);
        if let Some(n) = &mut r.note {
            clean_text(n, dropped);
        }
    }
}

fn sanitize_item(it: &mut ir::Item, dropped: &mut usize) {
    match it {
        ir::Item::Para(p) => sanitize_para(p, dropped),
        ir::Item::Table(t) => {
            for row in &mut t.rows {
                for c in row {
                    for i in &mut c.items {
                        sanitize_item(i, dropped);
                    }
                }
            }
        }
    }
}
