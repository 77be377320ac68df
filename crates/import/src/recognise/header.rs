//! The header zone: parent and issuer, "Số:", place and date, national name
//! and motto, the type name, and the tests that tell a header table.

use super::*;

pub(super) fn type_from_name(s: &str) -> Option<DocType> {
    let n = norm(s);
    let n = n.trim_end_matches(':').trim();
    DocType::ALL
        .into_iter()
        .find(|t| t.printed_name().is_some_and(|p| p == n))
}

pub(super) fn is_national(s: &str) -> bool {
    norm(s).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
}

pub(super) fn is_motto(s: &str) -> bool {
    let n = norm(s);
    n.contains("ĐỘC LẬP") && n.contains("TỰ DO") && n.contains("HẠNH PHÚC")
}

pub(super) fn sign_mode(s: &str) -> Option<(&'static str, String)> {
    let t = s.trim();
    for m in ["TM", "KT", "TL", "TUQ", "Q"] {
        if let Some(rest) = t.strip_prefix(m)
            && let Some(rest) = rest.strip_prefix('.')
        {
            let r = rest.trim();
            if !r.is_empty() {
                return Some((m, r.to_string()));
            }
        }
    }
    None
}

/// A date line "Ba Tô, ngày 05 tháng 6 năm 2023": (place, date).
pub(super) fn date_line(s: &str) -> Option<(String, Option<String>)> {
    let t = collapse(s).replace('\n', " ");
    let lower = t.to_lowercase();
    let ng = lower.find("ngày")?;
    let th = lower[ng..].find("tháng")? + ng;
    let na = lower[th..].find("năm")? + th;
    let place = t[..ng].trim().trim_end_matches(',').trim().to_string();
    let num = |x: &str| -> Option<u32> {
        let d: String = x.chars().filter(|c| c.is_ascii_digit()).collect();
        if d.is_empty() || d.len() > 4 {
            None
        } else {
            d.parse().ok()
        }
    };
    let day = num(&t[ng + "ngày".len()..th]);
    let month = num(&t[th + "tháng".len()..na]);
    let year = num(&t[na + "năm".len()..]);
    let date = match (year, month, day) {
        (Some(y), Some(m), Some(d))
            if (1900..=2200).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d) =>
        {
            if chrono_valid(y, m, d) {
                Some(format!("{y:04}-{m:02}-{d:02}"))
            } else {
                Some(format!("{y:04}-{m:02}"))
            }
        }
        (Some(y), Some(m), None) if (1900..=2200).contains(&y) && (1..=12).contains(&m) => {
            Some(format!("{y:04}-{m:02}"))
        }
        (Some(y), _, _) if (1900..=2200).contains(&y) => Some(format!("{y:04}")),
        _ => None,
    };
    Some((place, date))
}

pub(super) fn chrono_valid(y: u32, m: u32, d: u32) -> bool {
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        _ => 28,
    };
    d <= days
}

pub(super) fn valid_abbr(s: &str) -> bool {
    s.chars().any(char::is_alphanumeric)
        && s.chars().all(|c| {
            c.is_ascii_alphanumeric() || matches!(c, 'Đ' | 'đ' | 'Ð' | '&' | '/' | '.' | '-')
        })
}

/// Initials of an organisation name as the symbol's abbreviation
/// ("ỦY BAN NHÂN DÂN XÃ BA TÔ" → "UBND").
pub(super) fn guess_abbr(name: &str) -> String {
    let n = norm(name);
    let known = [
        ("ỦY BAN NHÂN DÂN", "UBND"),
        ("HỘI ĐỒNG NHÂN DÂN", "HĐND"),
        ("SỞ ", "S"),
    ];
    for (k, v) in known {
        if n.starts_with(k) && v.len() > 1 {
            return v.to_string();
        }
    }
    let stop = ["XÃ", "HUYỆN", "TỈNH", "PHƯỜNG", "QUẬN", "THỊ", "THÀNH"];
    let mut out = String::new();
    for w in n.split_whitespace() {
        if stop.contains(&w) {
            break;
        }
        if let Some(c) = w.chars().next() {
            let base = match c {
                'Đ' => 'Đ',
                c => unicode_base(c),
            };
            if base.is_ascii_alphanumeric() || base == 'Đ' {
                out.push(base);
            }
        }
    }
    if out.is_empty() {
        "CQ".to_string()
    } else {
        out
    }
}

#[derive(Default)]
pub(super) struct Front {
    pub(super) parent: Vec<Line>,
    pub(super) issuer: Vec<Line>,
    pub(super) number: Option<String>,
    pub(super) vv: Vec<String>,
    pub(super) place: Option<String>,
    pub(super) date: Option<String>,
    pub(super) national: bool,
    pub(super) motto: bool,
    pub(super) marks: Vec<(&'static str, &'static str)>,
}

/// Reads header lines; returns false at a line that is not a header line.
pub(super) fn header_line(f: &mut Front, l: &Line, in_vv: &mut bool, report: &mut Report) -> bool {
    let t = l.text.as_str();
    if l.rule || is_typed_rule(t) {
        *in_vv = false;
        report.add(
            Kind::Recognised,
            &l.loc,
            "đường kẻ (không giữ như chữ)",
            "rule (not kept as text)",
        );
        return true;
    }
    let nt = norm(t);
    for (mark, key, field) in [
        ("THƯỢNG KHẨN", "thuong_khan", "urgency"),
        ("HỎA TỐC", "hoa_toc", "urgency"),
        ("KHẨN", "khan", "urgency"),
        ("TUYỆT MẬT", "tuyet_mat", "secrecy"),
        ("TỐI MẬT", "toi_mat", "secrecy"),
        ("MẬT", "mat", "secrecy"),
    ] {
        if nt == mark {
            f.marks.push((field, key));
            report.add(
                Kind::Recognised,
                &l.loc,
                format!("dấu mức độ {}", quote(t)),
                format!("mark {}", quote(t)),
            );
            return true;
        }
    }
    if is_national(t) {
        f.national = true;
        report.add(Kind::Recognised, &l.loc, "quốc hiệu", "national name");
        return true;
    }
    if is_motto(t) {
        f.motto = true;
        report.add(Kind::Recognised, &l.loc, "tiêu ngữ", "motto");
        return true;
    }
    let lower = t.to_lowercase();
    if let Some(rest) = lower.strip_prefix("số")
        && (rest.trim_start().starts_with(':')
            || rest
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit() || c == '…' || c == '.'))
        && f.number.is_none()
    {
        let orig = t[t.char_indices().nth(2).map(|(i, _)| i).unwrap_or(t.len())..].trim_start();
        let orig = orig.strip_prefix(':').unwrap_or(orig).trim();
        f.number = Some(orig.to_string());
        report.add(
            Kind::Recognised,
            &l.loc,
            format!("số và ký hiệu {}", quote(t)),
            format!("number and symbol {}", quote(t)),
        );
        *in_vv = false;
        return true;
    }
    if lower.starts_with("v/v") {
        f.vv.push(t[3..].trim().to_string());
        *in_vv = true;
        report.add(
            Kind::Recognised,
            &l.loc,
            "trích yếu công văn (V/v)",
            "công văn summary (V/v)",
        );
        return true;
    }
    if f.date.is_none()
        && f.place.is_none()
        && let Some((place, date)) = date_line(t)
    {
        report.add(
            Kind::Recognised,
            &l.loc,
            format!("địa danh và ngày tháng {}", quote(t)),
            format!("place and date {}", quote(t)),
        );
        if date.is_none() {
            report.add(
                Kind::Guessed,
                &l.loc,
                "ngày tháng để trống cho văn thư điền khi ban hành",
                "date left blank for the clerk to fill at issuance",
            );
        }
        f.place = Some(place);
        f.date = date;
        *in_vv = false;
        return true;
    }
    if *in_vv {
        f.vv.push(t.to_string());
        return true;
    }
    if is_upper_text(t)
        && type_from_name(t).is_none()
        && norm(t) != "TÊN LOẠI VĂN BẢN"
        && f.number.is_none()
    {
        if l.bold || !f.issuer.is_empty() {
            f.issuer.push(l.clone());
        } else {
            f.parent.push(l.clone());
        }
        return true;
    }
    false
}

/// Whether a table is the header table.
pub(super) fn is_header_table(t: &Table) -> bool {
    let s = table_text(t);
    s.lines().any(|l| is_national(l) || is_motto(l))
        || s.lines().any(|l| l.trim_start().starts_with("Số:"))
}

/// Zone 1: the header — paragraphs (typed or in text boxes) and the header
/// table — from `*start`, which is left after it; then the issuer guessed
/// from upper-case lines when none was marked.
pub(super) fn front_matter(items: &[Item], start: &mut usize, report: &mut Report) -> Front {
    let mut i = *start;
    let n = items.len();
    let mut front = Front::default();
    let mut in_vv = false;
    // 1. Header: paragraphs (typed or in text boxes) and the header table.
    loop {
        skip_blank(items, &mut i);
        if i >= n {
            break;
        }
        match &items[i] {
            Item::Table(t) if is_header_table(t) && !front.national => {
                for col in table_columns(t, report) {
                    in_vv = false;
                    for l in col {
                        if !header_line(&mut front, &l, &mut in_vv, report) {
                            report.add(
                                Kind::Omitted,
                                &l.loc,
                                format!("dòng không rõ trong phần đầu {}", quote(&l.text)),
                                format!("unclear line in the header {}", quote(&l.text)),
                            );
                        }
                    }
                }
                i += 1;
            }
            Item::Para(p) => {
                let lines = para_lines(p, true, report);
                let mut all = !lines.is_empty();
                let mut tmp = Front {
                    parent: front.parent.clone(),
                    issuer: front.issuer.clone(),
                    number: front.number.clone(),
                    vv: front.vv.clone(),
                    place: front.place.clone(),
                    date: front.date.clone(),
                    national: front.national,
                    motto: front.motto,
                    marks: front.marks.clone(),
                };
                let mut tmp_report = Report::default();
                let mut vv = in_vv;
                for l in &lines {
                    if !header_line(&mut tmp, l, &mut vv, &mut tmp_report) {
                        all = false;
                        break;
                    }
                }
                // After the national name, motto and date, a centred upper line is the type name.
                if all {
                    front = tmp;
                    in_vv = vv;
                    report.entries.extend(tmp_report.entries);
                    i += 1;
                } else {
                    break;
                }
            }
            _ => break,
        }
    }
    // Issuer lines: bold ones are the issuer; without formatting, the last
    // line (with the line before when it is only the body's kind) is.
    if front.issuer.is_empty() && !front.parent.is_empty() {
        let mut lines = std::mem::take(&mut front.parent);
        let last = lines.pop();
        if let Some(l) = last {
            let place_words = [
                "XÃ ",
                "HUYỆN ",
                "TỈNH ",
                "THÀNH PHỐ ",
                "QUẬN ",
                "PHƯỜNG ",
                "THỊ TRẤN ",
                "THỊ XÃ ",
            ];
            let prev_generic = lines.last().is_some_and(|p| {
                !place_words
                    .iter()
                    .any(|w| norm(&p.text).contains(w.trim_end()))
                    && place_words.iter().any(|w| norm(&l.text).starts_with(w))
            });
            if prev_generic && let Some(p) = lines.pop() {
                front.issuer.push(p);
            }
            front.issuer.push(l);
            report.add(
                Kind::Guessed,
                &front.issuer[0].loc,
                "cơ quan ban hành là (các) dòng chữ in hoa cuối trước “Số:”, các dòng trên là cơ quan chủ quản",
                "issuing body: the last upper-case line(s) before “Số:”; the lines above are the parent body",
            );
        }
        front.parent = lines;
    }
    *start = i;
    front
}
