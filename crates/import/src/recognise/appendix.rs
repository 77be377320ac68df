//! After the closing: appendices ("Phụ lục"), template notes ("Ghi chú:")
//! and placeholders left in a template.

use super::*;

pub(super) fn is_appendix_head(p: &Para) -> bool {
    let t = collapse(&p.text_no_sup());
    let n = norm(&t);
    // "Phụ lục", "PHỤ LỤC II", "Phụ lục …" (a template's blank); not a sentence.
    let rest = n.strip_prefix("PHỤ LỤC").unwrap_or("x");
    let numbering = rest
        .chars()
        .all(|c| c.is_whitespace() || c.is_ascii_digit() || "IVXLC.…:".contains(c));
    n.starts_with("PHỤ LỤC") && t.chars().count() < 40 && numbering
}

pub(super) fn is_notes_start(text: &str) -> bool {
    let t = text.trim();
    t.starts_with("Ghi chú:") || t.starts_with("Ghi chú :")
}

/// Only dots, ellipses and punctuation: a template's blank line.
pub(super) fn is_dots(s: &str) -> bool {
    let t: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    !t.is_empty()
        && t.chars()
            .all(|c| matches!(c, '.' | '…' | ';' | ',' | ':' | '/'))
}

/// A template's placeholder: a run of dots or ellipses, or the words the
/// model forms use for what is to be filled in.
pub fn is_placeholder(s: &str) -> bool {
    let words = [
        "TÊN CƠ QUAN",
        "TÊN CQ",
        "Họ và tên",
        "QUYỀN HẠN, CHỨC VỤ",
        "TÊN LOẠI VĂN BẢN",
        "THẨM QUYỀN BAN HÀNH",
    ];
    s.contains("...") || s.contains('…') || words.iter().any(|w| s.contains(w))
}

/// Reports every placeholder left in the document, with its JSON path.
pub(super) fn report_placeholders(v: &Value, path: &str, report: &mut Report) {
    match v {
        Value::String(s) if is_placeholder(s) => report.add(
            Kind::Guessed,
            &Loc::Whole,
            format!("chỗ trống của mẫu, cần điền: {path} = {}", quote(s)),
            format!("template placeholder to fill in: {path} = {}", quote(s)),
        ),
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                report_placeholders(x, &format!("{path}[{i}]"), report);
            }
        }
        Value::Object(o) => {
            for (k, x) in o {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                report_placeholders(x, &p, report);
            }
        }
        _ => {}
    }
}

/// A typed note: a paragraph starting with superscript digits (or "¹").
pub(super) fn typed_note(p: &Para) -> Option<(String, String)> {
    let first = p.runs.iter().position(|r| !r.text.trim().is_empty())?;
    let r = &p.runs[first];
    if !r.sup {
        return None;
    }
    let num = r.text.trim().to_string();
    if num.is_empty() || !num.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let text = crate::ir::markup_note(&p.runs[first + 1..]);
    if text.is_empty() {
        return None;
    }
    Some((num, text))
}

/// An appendix from its head at `k`: (JSON, index after it).
pub(super) fn appendix(
    items: &[Item],
    k: usize,
    notes: &std::collections::HashMap<String, String>,
    report: &mut Report,
) -> (Value, usize) {
    let n = items.len();
    let mut i = k;
    if let Item::Para(p) = &items[i] {
        report.add(
            Kind::Recognised,
            &p.loc,
            format!("phụ lục {}", quote(&p.text_no_sup())),
            format!("appendix {}", quote(&p.text_no_sup())),
        );
    }
    i += 1;
    let mut title: Vec<String> = Vec::new();
    while i < n {
        let Item::Para(p) = &items[i] else { break };
        let t = collapse(&p.text_no_sup());
        if t.is_empty() && !p.rule {
            i += 1;
            if !title.is_empty() {
                break;
            }
            continue;
        }
        if t.starts_with("(Kèm theo") {
            report.add(
                Kind::Omitted,
                &p.loc,
                format!("dòng “Kèm theo” (chương trình tự in lại) {}", quote(&t)),
                format!("“Kèm theo” line (printed by vanban) {}", quote(&t)),
            );
            i += 1;
            continue;
        }
        if is_typed_rule(&t) || (t.is_empty() && p.rule) {
            i += 1;
            break;
        }
        if !p.center || label_of(&t).is_some() {
            break;
        }
        let _ = para_lines(p, false, report);
        title.push(markup(&p.runs_no_sup(), true, false));
        i += 1;
        if p.rule {
            break;
        }
    }
    let mut bb = BodyBuilder::new(report, notes);
    while i < n {
        match &items[i] {
            Item::Para(p) if is_appendix_head(p) => break,
            Item::Para(p) if is_notes_start(&p.text()) => break,
            Item::Table(t) if is_notes_start(&table_text(t)) => break,
            Item::Para(p) => {
                if !p.text().trim().is_empty() {
                    bb.paragraph(p);
                }
            }
            Item::Table(t) => bb.table(t),
        }
        i += 1;
    }
    let mut body = bb.finish();
    if body.is_empty() {
        body.push(json!("…"));
    }
    let mut m = Map::new();
    let t = title.join(" ").replace('\n', " ");
    if !t.trim().is_empty() {
        m.insert("title".into(), json!(t.trim()));
    }
    if let Item::Para(p) = &items[k]
        && p.landscape
    {
        m.insert("landscape".into(), json!(true));
        report.add(
            Kind::Recognised,
            &p.loc,
            "phụ lục trình bày khổ ngang",
            "appendix on landscape pages",
        );
    }
    m.insert("body".into(), Value::Array(body));
    (Value::Object(m), i)
}

/// Zone 7: what follows the closing — appendices, template notes, contact
/// lines (also from the footers) and other text, which joins the end of
/// `body`. Returns the appendices and the contact fields.
pub(super) fn after_closing(
    items: &[Item],
    after: usize,
    note_items: &std::collections::HashSet<usize>,
    notes: &std::collections::HashMap<String, String>,
    footers: &[Para],
    body: &mut Vec<Value>,
    report: &mut Report,
) -> (Vec<Value>, Map<String, Value>) {
    let n = items.len();
    let mut appendices: Vec<Value> = Vec::new();
    let mut contact = Map::new();
    let mut k = after;
    let mut leftovers: Vec<&Item> = Vec::new();
    while k < n {
        if note_items.contains(&k) {
            k += 1;
            continue;
        }
        match &items[k] {
            Item::Para(p) if is_appendix_head(p) => {
                let (app, next) = appendix(items, k, notes, report);
                appendices.push(app);
                k = next;
            }
            Item::Para(p) if is_notes_start(&p.text()) => {
                report.add(
                    Kind::Omitted,
                    &p.loc,
                    format!("ghi chú của mẫu {}", quote(&p.text())),
                    format!("template note {}", quote(&p.text())),
                );
                k += 1;
            }
            Item::Table(t) if is_notes_start(&table_text(t)) => {
                for row in &t.rows {
                    for c in row {
                        for p in cell_paras(&c.items) {
                            if !is_blank(p) {
                                report.add(
                                    Kind::Omitted,
                                    &p.loc,
                                    format!("ghi chú của mẫu {}", quote(&p.text())),
                                    format!("template note {}", quote(&p.text())),
                                );
                            }
                        }
                    }
                }
                k += 1;
            }
            Item::Para(p) if is_contact(&p.text()) => {
                contact_line(&p.text(), &mut contact, &p.loc, report);
                k += 1;
            }
            Item::Para(p) if is_blank(p) => k += 1,
            other => {
                leftovers.push(other);
                k += 1;
            }
        }
    }
    if !leftovers.is_empty() {
        let mut bb = BodyBuilder::new(report, notes);
        for it in leftovers {
            match it {
                Item::Para(p) => {
                    bb.report.add(
                        Kind::Plain,
                        &p.loc,
                        format!(
                            "chữ sau phần chữ ký, đưa vào cuối nội dung {}",
                            quote(&p.text())
                        ),
                        format!(
                            "text after the signature, put at the end of the body {}",
                            quote(&p.text())
                        ),
                    );
                    bb.paragraph(p);
                }
                Item::Table(t) => bb.table(t),
            }
        }
        body.extend(bb.finish());
    }
    for p in footers {
        if is_contact(&p.text()) {
            contact_line(&p.text(), &mut contact, &p.loc, report);
        }
    }
    (appendices, contact)
}
