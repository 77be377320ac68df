//! The closing zone: the closing table or paragraphs, "Nơi nhận" and "Lưu",
//! the signature block and contact lines.

use super::*;

/// Whether a table is the closing table.
pub(super) fn is_closing_table(t: &Table) -> bool {
    let s = table_text(t);
    s.lines().any(|l| {
        let l = l.trim();
        l.starts_with("Nơi nhận") || sign_mode(l).is_some() || l == "Họ và tên"
    })
}

pub(super) fn is_closing_para(p: &Para) -> bool {
    let t = collapse(&p.text_no_sup());
    let first = columns(&t).into_iter().next().unwrap_or_default();
    first.starts_with("Nơi nhận") || (sign_mode(&first).is_some() && is_upper_text(&first))
}

pub(super) fn strip_item(s: &str) -> String {
    let s = collapse(s).replace('\n', " ");
    let t = s.trim().trim_start_matches(['-', '–', '+', '•']).trim();
    let t = t.strip_suffix(['.', ';', ',']).unwrap_or(t).trim();
    t.to_string()
}

/// "VT, VP. NTH.(10)" → (["VT", "VP"], drafter NTH, 10 copies).
pub(super) fn parse_archive(s: &str) -> (Vec<String>, Option<Value>) {
    let s = s.trim().trim_end_matches('.');
    let mut drafter = None;
    let mut main = s.to_string();
    if let Some(open) = s.rfind('(')
        && s.ends_with(')')
    {
        let copies: String = s[open + 1..s.len() - 1]
            .chars()
            .filter(|c| c.is_ascii_digit())
            .collect();
        let before = s[..open].trim_end().trim_end_matches('.');
        if let Some(dot) = before.rfind(". ") {
            let initials = before[dot + 2..].trim();
            if !initials.is_empty()
                && initials
                    .chars()
                    .all(|c| c.is_uppercase() || c.is_ascii_digit())
            {
                let mut d = Map::new();
                d.insert("initials".into(), json!(initials));
                if let Ok(c) = copies.parse::<u32>()
                    && c > 0
                {
                    d.insert("copies".into(), json!(c));
                }
                drafter = Some(Value::Object(d));
                main = before[..dot].to_string();
            }
        }
    }
    let items: Vec<String> = main
        .split(',')
        .map(|x| x.trim().trim_end_matches('.').trim().to_string())
        .filter(|x| !x.is_empty() && x.chars().any(|c| c.is_alphanumeric()))
        .collect();
    (items, drafter)
}

/// A signer from the lines of one signature block.
pub(super) fn signature(lines: &[Line], report: &mut Report) -> Option<Value> {
    let mut m = Map::new();
    let mut titles: Vec<String> = Vec::new();
    let mut name: Option<String> = None;
    let loc = lines.first().map(|l| l.loc.clone()).unwrap_or_default();
    for l in lines {
        let t = l.text.trim();
        if t.is_empty() {
            continue;
        }
        if let Some((mode, rest)) = sign_mode(t) {
            if mode == "TM" {
                m.insert("on_behalf_of".into(), json!(rest));
            } else {
                m.insert("for".into(), json!({ "mode": mode, "title": rest }));
            }
            continue;
        }
        if is_upper_text(t) && name.is_none() {
            titles.push(t.to_string());
        } else {
            name = Some(t.to_string());
        }
    }
    if titles.is_empty() && name.is_none() && m.is_empty() {
        return None;
    }
    if !titles.is_empty() {
        m.insert("title".into(), json!(titles.join(" ")));
    } else if m.get("for").and_then(|f| f.get("mode")) != Some(&json!("Q")) {
        m.insert("title".into(), json!("…"));
        report.add(
            Kind::Guessed,
            &loc,
            "không thấy chức vụ người ký: để “…”",
            "no signer title found: “…” left",
        );
    }
    let name = name.unwrap_or_else(|| {
        report.add(
            Kind::Guessed,
            &loc,
            "không thấy họ tên người ký: để “…”",
            "no signer name found: “…” left",
        );
        "…".to_string()
    });
    report.add(
        Kind::Recognised,
        &loc,
        format!("người ký {} – {}", quote(&titles.join(" ")), quote(&name)),
        format!("signer {} – {}", quote(&titles.join(" ")), quote(&name)),
    );
    m.insert("name".into(), json!(name));
    Some(Value::Object(m))
}

pub(super) fn is_contact(s: &str) -> bool {
    let t = s.trim();
    [
        "Địa chỉ:",
        "ĐT:",
        "Điện thoại:",
        "Fax:",
        "E-mail:",
        "Email:",
        "E-Mail:",
        "Website:",
    ]
    .iter()
    .any(|k| t.starts_with(k))
}

pub(super) fn contact_line(
    s: &str,
    contact: &mut Map<String, Value>,
    loc: &Loc,
    report: &mut Report,
) {
    let keys = [
        ("Địa chỉ:", "address"),
        ("ĐT:", "phone"),
        ("Điện thoại:", "phone"),
        ("Fax:", "fax"),
        ("E-mail:", "email"),
        ("E-Mail:", "email"),
        ("Email:", "email"),
        ("Website:", "website"),
    ];
    // Several fields may share a line: split at each known key.
    let text = collapse(s).replace('\n', " ");
    let mut marks: Vec<(usize, &str, &str)> = Vec::new();
    for (k, f) in keys {
        let mut from = 0;
        while let Some(p) = text[from..].find(k) {
            marks.push((from + p, k, f));
            from += p + k.len();
        }
    }
    marks.sort();
    marks.dedup_by(|a, b| a.0 == b.0);
    for (idx, (at, k, f)) in marks.iter().enumerate() {
        let end = marks.get(idx + 1).map(|m| m.0).unwrap_or(text.len());
        let v = text[at + k.len()..end]
            .trim()
            .trim_end_matches([';', ',', '.'])
            .trim();
        if !v.is_empty() {
            contact.insert((*f).into(), json!(v));
            report.add(
                Kind::Recognised,
                loc,
                format!("thông tin liên hệ {k} {}", quote(v)),
                format!("contact {k} {}", quote(v)),
            );
        }
    }
}

/// What the closing holds: recipients, archive places, the drafter and
/// the signature (one signer or an array of two).
pub(super) struct Closing {
    /// "Nơi nhận" items.
    pub(super) recipients: Vec<String>,
    /// "Lưu" places.
    pub(super) archive: Vec<String>,
    /// The drafter's initials and copies from the "Lưu" line.
    pub(super) drafter: Option<Value>,
    /// The signature block(s).
    pub(super) signature: Value,
}

/// Zone 6: reads the closing's lines (per column, and whether they came
/// from a table) into recipients, archive, drafter and signature(s).
pub(super) fn closing(
    closing_lines: &[(Vec<Vec<Line>>, bool)],
    doc_type: DocType,
    report: &mut Report,
) -> Closing {
    let mut recipients: Vec<String> = Vec::new();
    let mut archive: Vec<String> = Vec::new();
    let mut drafter: Option<Value> = None;
    let mut signers: Vec<Vec<Line>> = Vec::new();
    for (cols, is_table) in closing_lines {
        for (ci, col) in cols.iter().enumerate() {
            let mut sig: Vec<Line> = Vec::new();
            let mut in_recipients = false;
            let mut in_notes = false;
            for l in col {
                if l.rule {
                    continue;
                }
                let t = l.text.trim();
                // A template's notes inside the closing table (Mẫu 1.6).
                if in_notes || is_notes_start(t) {
                    in_notes = true;
                    report.add(
                        Kind::Omitted,
                        &l.loc,
                        format!("ghi chú của mẫu {}", quote(t)),
                        format!("template note {}", quote(t)),
                    );
                    continue;
                }
                if let Some(after) = t.strip_prefix("Nơi nhận") {
                    in_recipients = true;
                    report.add(Kind::Recognised, &l.loc, "“Nơi nhận:”", "“Nơi nhận:”");
                    let rest = after.trim_start_matches([':', ' ']).trim();
                    if !rest.is_empty() {
                        recipients.push(strip_item(rest));
                    }
                    continue;
                }
                let dash = t.starts_with(['-', '–', '+', '•']);
                if (in_recipients || (dash && !*is_table) || (dash && ci == 0))
                    && (dash || t.starts_with("Lưu"))
                {
                    let item = strip_item(t);
                    if let Some(rest) = item.strip_prefix("Lưu") {
                        let (a, d) = parse_archive(rest.trim_start_matches([':', ' ']));
                        report.add(
                            Kind::Recognised,
                            &l.loc,
                            format!("nơi lưu {}", quote(t)),
                            format!("archive {}", quote(t)),
                        );
                        archive.extend(a);
                        if d.is_some() {
                            drafter = d;
                        }
                    } else {
                        report.add(
                            Kind::Recognised,
                            &l.loc,
                            format!("nơi nhận {}", quote(&item)),
                            format!("recipient {}", quote(&item)),
                        );
                        recipients.push(item);
                    }
                    continue;
                }
                if t.starts_with('(') && t.ends_with(')')
                    || t.starts_with('(')
                    || t.ends_with(')') && t.contains("chữ ký")
                    || t.starts_with("dấu")
                {
                    report.add(
                        Kind::Omitted,
                        &l.loc,
                        format!("ghi chú chỗ ký {}", quote(t)),
                        format!("signature-room note {}", quote(t)),
                    );
                    continue;
                }
                sig.push(l.clone());
            }
            if !sig.is_empty() {
                // In a typed text, both columns of one line form one signer block.
                if *is_table || signers.is_empty() {
                    signers.push(sig);
                } else if let Some(last) = signers.last_mut() {
                    last.extend(sig);
                }
            }
        }
    }
    let mut signatures: Vec<Value> = Vec::new();
    for s in signers
        .iter()
        .filter(|s| s.iter().any(|l| !l.text.is_empty()))
    {
        if let Some(v) = signature(s, report) {
            signatures.push(v);
        }
    }
    let two_signers = doc_type.max_signers() > 1;
    if !two_signers && signatures.len() > 1 {
        // One signer: the right-most block (the signature column).
        let keep = signatures.pop();
        let extra: Vec<String> = signatures.drain(..).map(|v| v.to_string()).collect();
        report.add(
            Kind::Omitted,
            &Loc::Whole,
            format!(
                "loại văn bản này có một người ký; giữ khối chữ ký bên phải, bỏ {}",
                extra.join(", ")
            ),
            format!(
                "this type has one signer; kept the right-hand block, left out {}",
                extra.join(", ")
            ),
        );
        signatures.extend(keep);
    }
    if signatures.len() > 2 {
        let extra: Vec<String> = signatures.drain(2..).map(|v| v.to_string()).collect();
        report.add(
            Kind::Omitted,
            &Loc::Whole,
            format!("chỉ giữ hai người ký; bỏ {}", extra.join(", ")),
            format!("only two signers kept; left out {}", extra.join(", ")),
        );
    }
    let signature = match signatures.len() {
        0 => {
            report.add(
                Kind::Guessed,
                &Loc::Whole,
                "không thấy phần chữ ký: để “…” cho người soạn điền",
                "no signature block found: “…” left for the drafter to fill",
            );
            json!({ "title": "…", "name": "…" })
        }
        1 => signatures.remove(0),
        _ => Value::Array(signatures),
    };
    Closing {
        recipients,
        archive,
        drafter,
        signature,
    }
}
