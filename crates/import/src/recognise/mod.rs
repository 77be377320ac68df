//! The recogniser: turns paragraphs and tables (from a DOCX or from typed
//! text) into vanban's input JSON. Shared by both sources so a Word draft
//! and the same text pasted into the editor give the same document.
//!
//! Zones, in order: the header (parent, issuer, "Số:", place and date,
//! national name and motto, rules), the type name and summary (or "V/v"),
//! "Kính gửi", the authority line and căn cứ lines of a decision with its
//! enacting line, the body (headings from typed labels, lists, tables,
//! footnotes), the closing (Nơi nhận, Lưu, signature), then appendices
//! ("Phụ lục"), template notes ("Ghi chú:") and contact lines.

use serde_json::{Map, Value, json};
use vanban_model::DocType;
use vanban_model::format::point_letter;

use crate::ir::{Item, Para, Run, Table, collapse, markup};
use crate::report::{Kind, Loc, Report, quote};

mod appendix;
mod body;
mod closing;
mod header;
mod labels;
mod tables;
#[cfg(test)]
mod tests;
mod text;

pub use appendix::is_placeholder;
pub use text::{is_typed_rule, norm};

use appendix::*;
use body::*;
use closing::*;
use header::*;
use labels::*;
use tables::*;
use text::*;

/// The recogniser's result.
pub struct Recognised {
    /// The document as vanban input JSON (without `$schema`).
    pub json: Value,
}

/// Recognises a document from its items (and the DOCX footers).
pub fn recognise(items: &[Item], footers: &[Para], report: &mut Report) -> Recognised {
    let mut i = 0;
    let n = items.len();
    // 1. Header (see `front_matter`).
    let front = front_matter(items, &mut i, report);

    // 2. Type name and summary.
    skip_blank(items, &mut i);
    let mut doc_type: Option<DocType> = None;
    let mut title: Vec<String> = Vec::new();
    let mut type_loc = Loc::Whole;
    let mut type_center = false;
    if i < n
        && let Item::Para(p) = &items[i]
    {
        let t = collapse(&p.text_no_sup());
        type_center = p.center;
        if let Some(dt) = type_from_name(&t) {
            doc_type = Some(dt);
            type_loc = p.loc.clone();
            report.add(
                Kind::Recognised,
                &p.loc,
                format!("tên loại văn bản {}", quote(&t)),
                format!("document type name {}", quote(&t)),
            );
            let _ = para_lines(p, false, report);
            i += 1;
        } else if norm(&t) == "TÊN LOẠI VĂN BẢN" {
            doc_type = Some(DocType::BaoCao);
            type_loc = p.loc.clone();
            report.add(
                Kind::Guessed,
                &p.loc,
                "chỗ trống “TÊN LOẠI VĂN BẢN” của mẫu: coi là báo cáo",
                "template placeholder “TÊN LOẠI VĂN BẢN”: taken as a báo cáo",
            );
            let _ = para_lines(p, false, report);
            i += 1;
        }
    }
    if doc_type.is_some() {
        // Summary: the following centred (or, in text, adjacent) lines up to a rule or blank.
        while i < n {
            let Item::Para(p) = &items[i] else { break };
            let t = collapse(&p.text_no_sup());
            if is_blank(p) && !p.rule {
                break;
            }
            if is_typed_rule(&t) || (t.is_empty() && p.rule) {
                report.add(
                    Kind::Recognised,
                    &p.loc,
                    "đường kẻ dưới trích yếu",
                    "rule under the summary",
                );
                i += 1;
                break;
            }
            if t.starts_with("(Kèm theo")
                || t.starts_with("Kính gửi")
                || label_of(&t).is_some()
                || sign_mode(&t).is_some()
            {
                break;
            }
            // Centred type name: the summary is centred too; typed text:
            // a few short lines that do not end a sentence.
            if type_center && !p.center {
                break;
            }
            if !type_center
                && (title.len() >= 3 || t.chars().count() > 200 || t.ends_with(['.', ':']))
            {
                break;
            }
            let lines = para_lines(p, false, report);
            title.push(markup(&p.runs_no_sup(), true, false));
            report.add(
                Kind::Recognised,
                &p.loc,
                format!("trích yếu {}", quote(&t)),
                format!("summary {}", quote(&t)),
            );
            i += 1;
            if lines.iter().any(|l| l.rule) {
                break;
            }
        }
    }
    let mut doc_type = match doc_type {
        Some(t) => t,
        None => {
            if front.vv.is_empty() {
                report.add(
                    Kind::Guessed,
                    &Loc::Whole,
                    "không thấy tên loại văn bản: coi là công văn",
                    "no document type name found: taken as a công văn",
                );
            }
            DocType::CongVan
        }
    };
    // Line breaks in the summary only balanced its lines: vanban balances them itself.
    let mut title = title.join(" ").replace('\n', " ");
    if doc_type == DocType::CongVan && title.is_empty() && !front.vv.is_empty() {
        title = front.vv.join(" ");
    }
    let _ = type_loc;

    // 3. Kính gửi, authority, căn cứ, enacting line.
    skip_blank(items, &mut i);
    let mut to: Vec<String> = Vec::new();
    if i < n
        && let Item::Para(p) = &items[i]
    {
        let t = collapse(&p.text_no_sup());
        if let Some(rest) = t.strip_prefix("Kính gửi") {
            report.add(
                Kind::Recognised,
                &p.loc,
                "dòng “Kính gửi”",
                "the “Kính gửi” line",
            );
            let rest = rest.trim_start_matches([':', ' ']).trim();
            if !rest.is_empty() {
                to.push(strip_item(rest));
            }
            i += 1;
            while i < n {
                let Item::Para(q) = &items[i] else { break };
                let u = collapse(&q.text_no_sup());
                if u.is_empty() {
                    i += 1;
                    if !to.is_empty() {
                        break;
                    }
                    continue;
                }
                if u.starts_with(['-', '–', '+', '•']) && u.chars().count() < 200 {
                    to.push(strip_item(&u));
                    i += 1;
                } else {
                    break;
                }
            }
        }
    }
    let mut authority: Option<String> = None;
    let mut bases: Vec<String> = Vec::new();
    {
        let mut j = i;
        while j < n && matches!(&items[j], Item::Para(p) if is_blank(p)) {
            j += 1;
        }
        let mut auth = None;
        if j < n
            && let Item::Para(p) = &items[j]
        {
            let t = collapse(&p.text_no_sup());
            if is_upper_text(&t) && !t.ends_with(':') && label_of(&t).is_none() {
                auth = Some((collapse(&p.text_no_sup()), p.loc.clone()));
                j += 1;
            }
        }
        let mut k = j;
        let mut found = Vec::new();
        while k < n {
            let Item::Para(p) = &items[k] else { break };
            let t = collapse(&p.text_no_sup());
            if t.is_empty() || (!found.is_empty() && is_dots(&t)) {
                k += 1;
                continue;
            }
            if t.starts_with("Căn cứ")
                || t.starts_with("Theo đề nghị")
                || t.starts_with("Xét đề nghị")
                || t.starts_with("Theo ") && !found.is_empty()
            {
                found.push((p.clone(), k));
                k += 1;
            } else {
                break;
            }
        }
        // The enacting line decides: bases only before "QUYẾT ĐỊNH:" and the like.
        let enacting = if k < n
            && let Item::Para(p) = &items[k]
        {
            let t = norm(&p.text_no_sup());
            t.ends_with(':') && is_upper_text(&t) && t.chars().count() < 40
        } else {
            false
        };
        if enacting || (doc_type.legal_numbering() && !found.is_empty()) {
            if let Some((a, loc)) = auth {
                report.add(
                    Kind::Recognised,
                    &loc,
                    format!("thẩm quyền ban hành {}", quote(&a)),
                    format!("authority line {}", quote(&a)),
                );
                authority = Some(a);
            }
            for (p, _) in &found {
                let _ = para_lines(p, false, report);
                let text = markup(&trim_runs(&p.runs_no_sup()), false, p.all_italic());
                let text = text
                    .trim_end_matches([';', '.', ','])
                    .trim_end()
                    .to_string();
                report.add(
                    Kind::Recognised,
                    &p.loc,
                    format!("căn cứ {}", quote(&text)),
                    format!("basis {}", quote(&text)),
                );
                bases.push(text);
            }
            i = k;
            if enacting && let Item::Para(p) = &items[k] {
                let t = norm(&p.text_no_sup());
                report.add(
                    Kind::Recognised,
                    &p.loc,
                    format!("dòng {} (chương trình tự in lại)", quote(&t)),
                    format!("enacting line {} (printed by vanban)", quote(&t)),
                );
                if t.starts_with("QUYẾT NGHỊ") && doc_type != DocType::NghiQuyet {
                    doc_type = DocType::NghiQuyet;
                }
                i = k + 1;
            }
        }
    }

    // 4. Find the closing, the appendices and the notes.
    let mut closing_at = None;
    for (k, it) in items.iter().enumerate().skip(i) {
        let hit = match it {
            Item::Table(t) => is_closing_table(t),
            Item::Para(p) => is_closing_para(p),
        };
        if hit {
            closing_at = Some(k);
            break;
        }
        if let Item::Para(p) = it
            && is_appendix_head(p)
        {
            break;
        }
    }
    let body_end = closing_at.unwrap_or_else(|| {
        items
            .iter()
            .enumerate()
            .skip(i)
            .find(|(_, it)| matches!(it, Item::Para(p) if is_appendix_head(p)))
            .map(|(k, _)| k)
            .unwrap_or(n)
    });
    // The closing runs until an appendix head, notes or the end.
    let mut after = body_end;
    let mut closing_lines: Vec<(Vec<Vec<Line>>, bool)> = Vec::new();
    if closing_at.is_some() {
        while after < n {
            match &items[after] {
                Item::Table(t) if is_closing_table(t) || closing_lines.is_empty() => {
                    closing_lines.push((table_columns(t, report), true));
                    after += 1;
                }
                Item::Para(p)
                    if !is_appendix_head(p)
                        && !is_notes_start(&p.text())
                        && !is_contact(&p.text()) =>
                {
                    if !is_blank(p) {
                        closing_lines.push((vec![para_lines(p, true, report)], false));
                    }
                    after += 1;
                }
                _ => break,
            }
        }
    }

    // Typed notes: paragraphs after the body that start with a superscript number.
    let mut notes = std::collections::HashMap::new();
    let mut note_items = std::collections::HashSet::new();
    for (k, it) in items.iter().enumerate().skip(i) {
        if let Item::Para(p) = it
            && let Some((num, text)) = typed_note(p)
        {
            notes.insert(num, text);
            note_items.insert(k);
        }
    }

    // 5. The body.
    let mut bb = BodyBuilder::new(report, &notes);
    for (k, it) in items.iter().enumerate().take(body_end).skip(i) {
        if note_items.contains(&k) {
            continue;
        }
        match it {
            Item::Para(p) => {
                if !p.text().trim().is_empty() && p.text().trim() != "./." {
                    let before = bb.report.entries.len();
                    bb.paragraph(p);
                    if bb.report.entries.len() == before && !is_typed_rule(&p.clean()) {
                        bb.report.add(
                            Kind::Plain,
                            &p.loc,
                            format!("đoạn văn {}", quote(&p.clean())),
                            format!("paragraph {}", quote(&p.clean())),
                        );
                    }
                } else if p.text().trim() == "./." {
                    bb.report.add(
                        Kind::Recognised,
                        &p.loc,
                        "dấu kết thúc “./.”",
                        "end mark “./.”",
                    );
                }
            }
            Item::Table(t) => bb.table(t),
        }
    }
    let scheme = bb.scheme_keys();
    let mut body = bb.finish();

    // 6. Closing.
    let Closing {
        mut recipients,
        archive,
        drafter,
        signature,
    } = closing(&closing_lines, doc_type, report);

    // 7. After the closing: appendices, notes, contact lines, other text.
    let (appendices, contact) = after_closing(
        items,
        after,
        &note_items,
        &notes,
        footers,
        &mut body,
        report,
    );

    // 8. Assemble.
    let mut doc = Map::new();
    doc.insert("type".into(), json!(doc_type.key()));
    let issuer_name: Vec<String> = front.issuer.iter().map(|l| l.text.clone()).collect();
    let parent: Vec<String> = front.parent.iter().map(|l| l.text.clone()).collect();
    let mut issuer = Map::new();
    if !parent.is_empty() {
        issuer.insert("parent".into(), json!(parent.join(" ")));
        report.add(
            Kind::Recognised,
            &front.parent[0].loc,
            format!("cơ quan chủ quản {}", quote(&parent.join(" "))),
            format!("parent body {}", quote(&parent.join(" "))),
        );
    }
    let name = if issuer_name.is_empty() {
        report.add(
            Kind::Guessed,
            &Loc::Whole,
            "không thấy tên cơ quan ban hành: để “…”",
            "no issuing body found: “…” left",
        );
        "…".to_string()
    } else {
        report.add(
            Kind::Recognised,
            &front.issuer[0].loc,
            format!("cơ quan ban hành {}", quote(&issuer_name.join(" "))),
            format!("issuing body {}", quote(&issuer_name.join(" "))),
        );
        issuer_name.join("\n")
    };
    // Number and symbol.
    let mut number: Value = Value::Null;
    let mut symbol: Option<String> = None;
    let mut abbr: Option<String> = None;
    let mut unit: Option<String> = None;
    if let Some(s) = &front.number {
        let s = s.replace(' ', "");
        let (num, sym) = match s.split_once('/') {
            Some((a, b)) => (a.to_string(), b.to_string()),
            None => (s.clone(), String::new()),
        };
        if let Ok(v) = num
            .trim_matches(|c: char| !c.is_ascii_digit())
            .parse::<u32>()
            && num.chars().all(|c| c.is_ascii_digit())
            && v > 0
        {
            number = json!(v);
        }
        let sym = sym.trim_end_matches('.').to_string();
        if valid_abbr(&sym) && !sym.is_empty() {
            let parts: Vec<&str> = sym.splitn(2, '-').collect();
            match (doc_type.abbr(), parts.as_slice()) {
                (Some(ta), [t, org]) if *t == ta => abbr = Some(org.to_string()),
                (None, [org, u]) if !u.contains('-') => {
                    abbr = Some(org.to_string());
                    unit = Some(u.to_string());
                }
                (None, [org]) => abbr = Some(org.to_string()),
                _ => {}
            }
            let derived = match (doc_type.abbr(), &abbr, &unit) {
                (Some(ta), Some(a), _) => format!("{ta}-{a}"),
                (None, Some(a), Some(u)) => format!("{a}-{u}"),
                (None, Some(a), None) => a.clone(),
                _ => String::new(),
            };
            if derived != sym {
                symbol = Some(sym.clone());
            }
        } else if !sym.is_empty() {
            report.add(
                Kind::Guessed,
                &Loc::Whole,
                format!("ký hiệu “{sym}” là chỗ trống của mẫu: bỏ, chương trình tự ghép ký hiệu"),
                format!(
                    "symbol “{sym}” is a template placeholder: dropped, vanban derives the symbol"
                ),
            );
        }
    }
    let abbr = match abbr.filter(|a| valid_abbr(a)) {
        Some(a) => a,
        None => {
            let g = guess_abbr(&name);
            report.add(
                Kind::Guessed,
                &Loc::Whole,
                format!("chữ viết tắt tên cơ quan “{g}” đoán từ tên cơ quan"),
                format!("issuer abbreviation “{g}” guessed from the issuer's name"),
            );
            g
        }
    };
    issuer.insert("name".into(), json!(name));
    issuer.insert("abbr".into(), json!(abbr));
    if let Some(u) = unit.filter(|u| valid_abbr(u)) {
        issuer.insert("unit".into(), json!(u));
    }
    doc.insert("issuer".into(), Value::Object(issuer));
    doc.insert("number".into(), number);
    if let Some(s) = symbol {
        doc.insert("symbol".into(), json!(s));
    }
    for (field, key) in &front.marks {
        doc.insert((*field).into(), json!(key));
    }
    let found_place = front.place.clone().filter(|p| !p.trim().is_empty());
    if doc_type.has_place_date_line() {
        let place = found_place.unwrap_or_else(|| {
            report.add(
                Kind::Guessed,
                &Loc::Whole,
                "không thấy địa danh: để “…”",
                "no place name found: “…” left",
            );
            "…".to_string()
        });
        doc.insert("place".into(), json!(place));
    } else if let Some(p) = found_place {
        // Mẫu 1.9: a biên bản prints no place-and-date line, so the model
        // refuses a place; say so rather than drop it in silence.
        report.add(
            Kind::Omitted,
            &Loc::Whole,
            format!("biên bản không in dòng địa danh (Mẫu 1.9): địa danh “{p}” không đưa vào; ghi địa điểm trong nội dung"),
            format!("a biên bản prints no place line (Mẫu 1.9): place “{p}” left out; write the place in the body"),
        );
    }
    doc.insert(
        "date".into(),
        front.date.clone().map(Value::from).unwrap_or(Value::Null),
    );
    if !title.trim().is_empty() {
        doc.insert("title".into(), json!(title.trim()));
    }
    to.retain(|r| !r.is_empty());
    if !to.is_empty() {
        doc.insert("to".into(), json!(to));
    }
    if !bases.is_empty() {
        doc.insert("bases".into(), json!(bases));
    }
    if let Some(a) = authority {
        doc.insert("authority".into(), json!(a));
    }
    if body.is_empty() {
        report.add(
            Kind::Guessed,
            &Loc::Whole,
            "không thấy nội dung: để “…”",
            "no body text found: “…” left",
        );
        body.push(json!("…"));
    }
    // Numbering scheme, when it differs from the type's default.
    let default: &[&str] = if doc_type.legal_numbering() {
        &["Điều", "1.", "a)", "-"]
    } else {
        &["I.", "1.", "a)", "-"]
    };
    if !scheme.is_empty() && !default.starts_with(&scheme) {
        let mut full: Vec<&str> = scheme.clone();
        // Deeper levels keep the default's tail.
        for k in default.iter().skip(full.len()) {
            if !full.contains(k) {
                full.push(k);
            }
        }
        doc.insert("numbering".into(), json!(full));
        report.add(
            Kind::Recognised,
            &Loc::Whole,
            format!("cách đánh số đề mục {}", full.join(" ")),
            format!("heading numbering {}", full.join(" ")),
        );
    }
    doc.insert("body".into(), Value::Array(body));
    doc.insert("signature".into(), signature);
    recipients.retain(|r| !r.is_empty());
    if !recipients.is_empty() {
        doc.insert("recipients".into(), json!(recipients));
    }
    if !archive.is_empty() {
        doc.insert("archive".into(), json!(archive));
    }
    if let Some(d) = drafter {
        doc.insert("drafter".into(), d);
    }
    if !contact.is_empty() {
        doc.insert("contact".into(), Value::Object(contact));
    }
    if !appendices.is_empty() {
        doc.insert("appendices".into(), Value::Array(appendices));
    }
    let json = Value::Object(doc);
    report_placeholders(&json, "", report);
    Recognised { json }
}
