//! Document information and the Decree 30 App. VI metadata.

use super::closing::{authority_lines, mode_prefix};
use super::text::sentence_case;
use crate::flow::{DocInfo, EOffice, SignerInfo};
use vanban_model::format::{date_iso, number_text};
use vanban_model::{DocType, Document};

/// The type name for metadata ("Báo cáo", "Công văn").
pub fn type_name(t: DocType) -> String {
    match t {
        DocType::CongVan => "Công văn".into(),
        DocType::ThuCong => "Thư công".into(),
        other => other.printed_name().map(sentence_case).unwrap_or_default(),
    }
}

/// "Như trên" ("as above"): the Nơi nhận item that stands for the Kính gửi
/// recipients (App. III Mẫu 1.5, 1.4).
pub const AS_ABOVE: &str = "như trên";

/// The Nơi nhận items for the metadata's `To`, and those that could not be
/// resolved: "Như trên" becomes the Kính gửi recipients when the document
/// has some; another "Như …" ("Như Điều 4") names recipients inside the
/// text and is kept literally and reported, as is "Như trên" without Kính
/// gửi. Duplicates are written once.
pub fn metadata_recipients(doc: &Document) -> (Vec<String>, Vec<String>) {
    let mut to: Vec<String> = Vec::new();
    let mut unresolved = Vec::new();
    let push = |to: &mut Vec<String>, s: &str| {
        if !to.iter().any(|t| t == s) {
            to.push(s.to_string());
        }
    };
    let kinh_gui: Vec<&str> = doc
        .to
        .iter()
        .map(|r| r.trim().trim_end_matches([';', '.', ',']).trim())
        .filter(|r| !r.is_empty())
        .collect();
    for r in &doc.recipients {
        let r = r.trim();
        let r = r.strip_prefix("- ").unwrap_or(r).trim();
        let bare = r.trim_end_matches([';', '.', ',']).trim();
        if bare.is_empty() {
            continue;
        }
        let lower = bare.to_lowercase();
        if lower == AS_ABOVE && !kinh_gui.is_empty() {
            for k in &kinh_gui {
                push(&mut to, k);
            }
        } else {
            if lower == AS_ABOVE || lower.starts_with("như ") {
                unresolved.push(bare.to_string());
            }
            push(&mut to, r);
        }
    }
    (to, unresolved)
}

/// Document information: title = type name + summary ("V/v …" for a công
/// văn), subject, author (issuer, one line), keywords, language "vi-VN", the
/// date when complete, and the Decree 30 App. VI §II.I outgoing-document
/// fields (PageAmount is left to the typesetter, which knows the pages).
pub fn doc_info(doc: &Document) -> DocInfo {
    let summary = doc
        .title
        .as_deref()
        .map(str::trim)
        .unwrap_or("")
        .to_string();
    let author = doc
        .issuer
        .name
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let title = match doc.doc_type.printed_name() {
        Some(name) if summary.is_empty() => name.to_string(),
        Some(name) => format!("{name} {summary}"),
        None if summary.is_empty() => type_name(doc.doc_type),
        None => format!("V/v {summary}"),
    };
    let date = date_iso(&doc.date);
    let text = |v: &Option<String>| v.clone().filter(|v| !v.trim().is_empty());
    let e = EOffice {
        file_code: text(&doc.meta.file_code),
        organ_id: text(&doc.meta.organ_id),
        type_name: type_name(doc.doc_type),
        code_number: doc.number.map(number_text),
        code_notation: doc.symbol.clone(),
        issued_date: date.clone(),
        organ_name: author.clone(),
        subject: summary.clone(),
        language: if doc.meta.language.is_empty() {
            "vi".into()
        } else {
            doc.meta.language.clone()
        },
        page_amount: None,
        description: text(&doc.meta.description),
        signers: doc
            .signers_by_authority()
            .into_iter()
            .map(|s| SignerInfo {
                position: match (&s.title, &s.for_) {
                    (Some(t), _) if !t.trim().is_empty() => Some(t.trim().to_string()),
                    (_, Some((m, t))) => Some(format!("{} {}", mode_prefix(*m), t.trim())),
                    _ => authority_lines(s).last().cloned(),
                },
                full_name: s.name.trim().to_string(),
            })
            .collect(),
        to: metadata_recipients(doc).0,
        priority: doc.meta.priority,
        issued_amount: doc
            .meta
            .issued_amount
            .or(doc.drafter.as_ref().and_then(|d| d.copies)),
        due_date: text(&doc.meta.due_date),
    };
    DocInfo {
        title,
        subject: summary,
        author,
        keywords: doc.meta.keywords.clone(),
        language: "vi-VN".into(),
        date,
        eoffice: e,
    }
}
