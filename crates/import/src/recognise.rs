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

/// The recogniser's result.
pub struct Recognised {
    /// The document as vanban input JSON (without `$schema`).
    pub json: Value,
}

/// Normalises for comparisons: NFC upper case, old tone placement ("HOÀ",
/// "UỶ", "THOẢ") to the decree's, spaces collapsed.
pub fn norm(s: &str) -> String {
    let u = collapse(s).replace('\n', " ").to_uppercase();
    u.replace("HOÀ", "HÒA")
        .replace("UỶ", "ỦY")
        .replace("THOẢ", "THỎA")
        .replace("TOẠ", "TỌA")
        .replace("HOÁ", "HÓA")
}

fn is_upper_text(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| !c.is_lowercase())
}

/// A rule typed as a line of underscores, dashes or equals signs.
pub fn is_typed_rule(s: &str) -> bool {
    let t: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    t.chars().count() >= 3
        && t.chars()
            .all(|c| matches!(c, '_' | '-' | '–' | '—' | '=' | '¯'))
}

fn is_blank(p: &Para) -> bool {
    p.text().trim().is_empty()
}

fn type_from_name(s: &str) -> Option<DocType> {
    let n = norm(s);
    let n = n.trim_end_matches(':').trim();
    DocType::ALL
        .into_iter()
        .find(|t| t.printed_name().is_some_and(|p| p == n))
}

fn is_national(s: &str) -> bool {
    norm(s).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
}

fn is_motto(s: &str) -> bool {
    let n = norm(s);
    n.contains("ĐỘC LẬP") && n.contains("TỰ DO") && n.contains("HẠNH PHÚC")
}

fn sign_mode(s: &str) -> Option<(&'static str, String)> {
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
fn date_line(s: &str) -> Option<(String, Option<String>)> {
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

fn chrono_valid(y: u32, m: u32, d: u32) -> bool {
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        _ => 28,
    };
    d <= days
}

fn valid_abbr(s: &str) -> bool {
    s.chars().any(char::is_alphanumeric)
        && s.chars().all(|c| {
            c.is_ascii_alphanumeric() || matches!(c, 'Đ' | 'đ' | 'Ð' | '&' | '/' | '.' | '-')
        })
}

/// Initials of an organisation name as the symbol's abbreviation
/// ("ỦY BAN NHÂN DÂN XÃ BA TÔ" → "UBND").
fn guess_abbr(name: &str) -> String {
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

fn unicode_base(c: char) -> char {
    use unicode_normalization::UnicodeNormalization;
    c.to_string().nfd().next().unwrap_or(c)
}

/// Splits a typed line into columns at tabs or runs of three or more spaces.
fn columns(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in s.split('\t') {
        let mut cur = String::new();
        let mut spaces = 0;
        for c in part.chars() {
            if c == ' ' || c == '\u{a0}' {
                spaces += 1;
            } else {
                // "Số:      /BC-UBND": the blank for the number is not a column gap.
                let number_blank = cur.trim_start().starts_with("Số") && !cur.contains('/');
                // A gap before lower case is a blank left to fill ("ngày      tháng").
                let starts_column = c.is_uppercase() || matches!(c, '-' | '–' | '(' | '+');
                if spaces >= 3 && !cur.trim().is_empty() && !number_blank && starts_column {
                    out.push(cur.trim().to_string());
                    cur.clear();
                } else if spaces > 0 {
                    cur.push(' ');
                }
                spaces = 0;
                cur.push(c);
            }
        }
        if !cur.trim().is_empty() {
            out.push(cur.trim().to_string());
        }
    }
    out
}

/// A line of the header or closing: text without superscript annotation
/// numbers, with its formatting facts.
#[derive(Debug, Clone)]
struct Line {
    text: String,
    bold: bool,
    rule: bool,
    loc: Loc,
}

/// Lines of a paragraph (columns split when `split`), superscripts dropped and reported.
fn para_lines(p: &Para, split: bool, report: &mut Report) -> Vec<Line> {
    // Underscores typed as a rule (templates often set them superscript).
    if is_typed_rule(&p.text()) {
        return vec![Line {
            text: String::new(),
            bold: false,
            rule: true,
            loc: p.loc.clone(),
        }];
    }
    let sups: Vec<String> = p
        .runs
        .iter()
        .filter(|r| r.sup && !r.text.trim().is_empty())
        .map(|r| r.text.trim().to_string())
        .collect();
    if !sups.is_empty() {
        report.add(
            Kind::Omitted,
            &p.loc,
            format!(
                "số chú thích mẫu (chỉ số trên) {} bỏ khỏi dòng {}",
                sups.join(", "),
                quote(&p.text_no_sup())
            ),
            format!(
                "template annotation number (superscript) {} removed from {}",
                sups.join(", "),
                quote(&p.text_no_sup())
            ),
        );
    }
    let raw = p.text_no_sup();
    let mut out = Vec::new();
    for l in raw.split('\n') {
        let parts = if split { columns(l) } else { vec![collapse(l)] };
        for part in parts {
            let t = collapse(&part);
            if t.is_empty() {
                continue;
            }
            out.push(Line {
                text: t,
                bold: p.all_bold(),
                rule: false,
                loc: p.loc.clone(),
            });
        }
    }
    if p.rule {
        out.push(Line {
            text: String::new(),
            bold: false,
            rule: true,
            loc: p.loc.clone(),
        });
    }
    out
}

/// The paragraphs of a cell, flattened (nested tables' paragraphs included).
fn cell_paras(items: &[Item]) -> Vec<&Para> {
    let mut v = Vec::new();
    for i in items {
        match i {
            Item::Para(p) => v.push(p),
            Item::Table(t) => {
                for row in &t.rows {
                    for c in row {
                        v.extend(cell_paras(&c.items));
                    }
                }
            }
        }
    }
    v
}

/// Lines of a borderless table, column by column (left column first).
fn table_columns(t: &Table, report: &mut Report) -> Vec<Vec<Line>> {
    let ncols = t
        .rows
        .iter()
        .map(|r| r.iter().map(|c| c.span).sum::<usize>())
        .max()
        .unwrap_or(0);
    let mut cols: Vec<Vec<Line>> = vec![Vec::new(); ncols.max(1)];
    for row in &t.rows {
        let mut x = 0;
        for c in row {
            let col = x.min(ncols.saturating_sub(1));
            for p in cell_paras(&c.items) {
                cols[col].extend(para_lines(p, false, report));
            }
            x += c.span;
        }
    }
    cols
}

fn table_text(t: &Table) -> String {
    let mut s = String::new();
    for row in &t.rows {
        for c in row {
            for p in cell_paras(&c.items) {
                s.push_str(&p.text_no_sup());
                s.push('\n');
            }
        }
    }
    s
}

#[derive(Default)]
struct Front {
    parent: Vec<Line>,
    issuer: Vec<Line>,
    number: Option<String>,
    vv: Vec<String>,
    place: Option<String>,
    date: Option<String>,
    national: bool,
    motto: bool,
    marks: Vec<(&'static str, &'static str)>,
}

/// Reads header lines; returns false at a line that is not a header line.
fn header_line(f: &mut Front, l: &Line, in_vv: &mut bool, report: &mut Report) -> bool {
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
fn is_header_table(t: &Table) -> bool {
    let s = table_text(t);
    s.lines().any(|l| is_national(l) || is_motto(l))
        || s.lines().any(|l| l.trim_start().starts_with("Số:"))
}

/// Whether a table is the closing table.
fn is_closing_table(t: &Table) -> bool {
    let s = table_text(t);
    s.lines().any(|l| {
        let l = l.trim();
        l.starts_with("Nơi nhận") || sign_mode(l).is_some() || l == "Họ và tên"
    })
}

fn is_closing_para(p: &Para) -> bool {
    let t = collapse(&p.text_no_sup());
    let first = columns(&t).into_iter().next().unwrap_or_default();
    first.starts_with("Nơi nhận") || (sign_mode(&first).is_some() && is_upper_text(&first))
}

fn is_appendix_head(p: &Para) -> bool {
    let t = collapse(&p.text_no_sup());
    let n = norm(&t);
    // "Phụ lục", "PHỤ LỤC II", "Phụ lục …" (a template's blank); not a sentence.
    let rest = n.strip_prefix("PHỤ LỤC").unwrap_or("x");
    let numbering = rest
        .chars()
        .all(|c| c.is_whitespace() || c.is_ascii_digit() || "IVXLC.…:".contains(c));
    n.starts_with("PHỤ LỤC") && t.chars().count() < 40 && numbering
}

fn is_notes_start(text: &str) -> bool {
    let t = text.trim();
    t.starts_with("Ghi chú:") || t.starts_with("Ghi chú :")
}

/// A typed heading label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LabelKind {
    Part,
    Chapter,
    Section,
    Article,
    Roman,
    Arabic,
    Arabic2,
    Letter,
    Dash,
    Plus,
}

/// Splits a typed label off a paragraph's plain text: (kind, number, rest offset in chars).
fn label_of(text: &str) -> Option<(LabelKind, String, usize)> {
    let t = text.trim_start();
    let lead = text.chars().count() - t.chars().count();
    let chars: Vec<char> = t.chars().collect();
    let word = |w: &str| -> Option<(String, usize)> {
        let wl = w.chars().count();
        let head: String = chars.iter().take(wl).collect();
        if head.to_uppercase() != w.to_uppercase() || chars.get(wl) != Some(&' ') {
            return None;
        }
        let mut i = wl + 1;
        let mut num = String::new();
        while let Some(&c) = chars.get(i) {
            if c.is_ascii_alphanumeric() {
                num.push(c);
                i += 1;
            } else {
                break;
            }
        }
        let ok = !num.is_empty()
            && (num.chars().all(|c| c.is_ascii_digit())
                || num.chars().all(|c| "IVXLC".contains(c)));
        if !ok {
            return None;
        }
        while let Some(&c) = chars.get(i) {
            if c == '.' || c == ':' || c == ' ' || c == '-' || c == '–' {
                i += 1;
            } else {
                break;
            }
        }
        Some((num, i))
    };
    for (w, k) in [
        ("Phần", LabelKind::Part),
        ("Chương", LabelKind::Chapter),
        ("Mục", LabelKind::Section),
    ] {
        if let Some((n, i)) = word(w) {
            return Some((k, n, lead + i));
        }
    }
    if t.starts_with("Điều ") {
        let rest: Vec<char> = chars[5..].to_vec();
        let digits: String = rest.iter().take_while(|c| c.is_ascii_digit()).collect();
        if !digits.is_empty() {
            let mut i = 5 + digits.chars().count();
            if matches!(chars.get(i), Some('.') | Some(':')) {
                i += 1;
                while chars.get(i) == Some(&' ') {
                    i += 1;
                }
                return Some((LabelKind::Article, digits, lead + i));
            }
        }
    }
    // "I." "IV." Roman
    let roman: String = chars.iter().take_while(|c| "IVXLC".contains(**c)).collect();
    let rl = roman.chars().count();
    if rl > 0 && rl <= 6 && chars.get(rl) == Some(&'.') && chars.get(rl + 1) == Some(&' ') {
        return Some((LabelKind::Roman, roman, lead + rl + 2));
    }
    // "1." "1)" "1.1." "1.2.3"
    let num: String = chars
        .iter()
        .take_while(|c| c.is_ascii_digit() || **c == '.')
        .collect();
    let nl = num.chars().count();
    if nl > 0 && chars.first().is_some_and(|c| c.is_ascii_digit()) {
        let core = num.trim_end_matches('.');
        let parts: Vec<&str> = core.split('.').collect();
        let after = chars.get(nl);
        if parts.iter().all(|p| !p.is_empty() && p.len() <= 3) {
            if parts.len() == 1 && num.ends_with('.') && after == Some(&' ') {
                return Some((LabelKind::Arabic, core.to_string(), lead + nl + 1));
            }
            if parts.len() == 1 && after == Some(&')') && chars.get(nl + 1) == Some(&' ') {
                return Some((LabelKind::Arabic, core.to_string(), lead + nl + 2));
            }
            if parts.len() >= 2 && after == Some(&' ') {
                return Some((LabelKind::Arabic2, core.to_string(), lead + nl + 1));
            }
        }
    }
    // "a)" "đ)"
    if let (Some(c), Some(')'), Some(' ')) = (chars.first(), chars.get(1), chars.get(2))
        && (c.is_ascii_lowercase() || *c == 'đ')
    {
        return Some((LabelKind::Letter, c.to_string(), lead + 3));
    }
    if let (Some(c), Some(' ')) = (chars.first(), chars.get(1)) {
        if matches!(c, '-' | '–' | '—' | '•' | '·' | '\u{F0B7}') {
            return Some((LabelKind::Dash, String::new(), lead + 2));
        }
        if *c == '+' {
            return Some((LabelKind::Plus, String::new(), lead + 2));
        }
    }
    None
}

/// Removes the first `n` characters of text from runs.
fn drop_chars(runs: &[Run], n: usize) -> Vec<Run> {
    let mut left = n;
    let mut out = Vec::new();
    for r in runs {
        if left == 0 {
            out.push(r.clone());
            continue;
        }
        let len = r.text.chars().count();
        if len <= left {
            left -= len;
            if r.note.is_some() {
                let mut k = r.clone();
                k.text.clear();
                out.push(k);
            }
            continue;
        }
        let mut k = r.clone();
        k.text = r.text.chars().skip(left).collect();
        left = 0;
        out.push(k);
    }
    out
}

/// Word's leading tabs and spaces off the runs.
fn trim_runs(runs: &[Run]) -> Vec<Run> {
    let text: String = runs.iter().map(|r| r.text.as_str()).collect();
    let lead = text.chars().take_while(|c| c.is_whitespace()).count();
    drop_chars(runs, lead)
}

fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end().trim_end_matches(['”', '"', '’', ')', '*']);
    t.ends_with(['.', ';', '!', '?', ',', ':'])
}

/// Deepest heading nesting built from typed labels; deeper labels become
/// siblings (the model allows 32 levels of blocks, divisions and lists included).
const MAX_HEADING_DEPTH: usize = 12;

/// One heading being built.
struct Open {
    depth_kind: LabelKind,
    /// The number as typed.
    label: String,
    number: String,
    text: String,
    titled_hint: bool,
    body: Vec<Value>,
    division: bool,
    /// A run-in numbered paragraph: stays open only to find its siblings.
    runin: bool,
}

struct BodyBuilder<'r> {
    report: &'r mut Report,
    /// The label kind first seen at each heading depth (the numbering scheme).
    scheme: Vec<Option<LabelKind>>,
    stack: Vec<Open>,
    top: Vec<Value>,
    /// Counters per depth for explicit-number decisions.
    counters: Vec<u32>,
    list: Option<(LabelKind, Vec<Value>)>,
    notes: &'r std::collections::HashMap<String, String>,
    pending_division_title: bool,
    /// The last heading closed at each stack depth (its kind and typed
    /// number), so that "3." after "2. …" and a paragraph continues the
    /// khoản numbering instead of climbing to the Điều level.
    closed: Vec<Option<(LabelKind, String)>>,
}

impl<'r> BodyBuilder<'r> {
    /// An empty builder writing to `report`, with the footnote texts `notes`.
    fn new(
        report: &'r mut Report,
        notes: &'r std::collections::HashMap<String, String>,
    ) -> BodyBuilder<'r> {
        BodyBuilder {
            report,
            scheme: Vec::new(),
            stack: Vec::new(),
            top: Vec::new(),
            counters: Vec::new(),
            list: None,
            notes,
            pending_division_title: false,
            closed: Vec::new(),
        }
    }

    /// Closes run-in headings at the top of the stack (content follows).
    fn close_runins(&mut self) {
        let mut end = self.stack.len();
        while end > 0 && self.stack[end - 1].runin {
            end -= 1;
        }
        if end < self.stack.len() {
            self.close_to(end);
        }
    }

    fn target(&mut self) -> &mut Vec<Value> {
        match self.stack.last_mut() {
            Some(o) => &mut o.body,
            None => &mut self.top,
        }
    }

    fn flush_list(&mut self) {
        if let Some((k, items)) = self.list.take() {
            let mut o = Map::new();
            o.insert("list".into(), Value::Array(items));
            if k == LabelKind::Plus {
                o.insert("marker".into(), json!("+"));
            }
            self.target().push(Value::Object(o));
        }
    }

    fn close_to(&mut self, depth: usize) {
        self.flush_list();
        while self.stack.len() > depth {
            let Some(o) = self.stack.pop() else { break };
            let at = self.stack.len();
            self.closed.truncate(at);
            self.closed.resize(at + 1, None);
            self.closed[at] = (!o.division).then(|| (o.depth_kind, o.label.clone()));
            let mut m = Map::new();
            if o.division {
                let key = match o.depth_kind {
                    LabelKind::Part => "part",
                    LabelKind::Chapter => "chapter",
                    _ => "section",
                };
                m.insert(
                    key.into(),
                    json!(if o.text.is_empty() {
                        "…".to_string()
                    } else {
                        o.text
                    }),
                );
                m.insert("number".into(), json!(o.number));
                let body = if o.body.is_empty() {
                    vec![json!("…")]
                } else {
                    o.body
                };
                m.insert("body".into(), Value::Array(body));
            } else {
                m.insert(
                    "heading".into(),
                    json!(if o.text.is_empty() {
                        "…".to_string()
                    } else {
                        o.text
                    }),
                );
                if !o.number.is_empty() {
                    m.insert("number".into(), json!(o.number));
                }
                if !o.body.is_empty() || o.titled_hint {
                    let body = if o.body.is_empty() {
                        vec![json!("…")]
                    } else {
                        o.body
                    };
                    if !body.is_empty() {
                        m.insert("body".into(), Value::Array(body));
                    }
                }
            }
            self.target().push(Value::Object(m));
        }
    }

    fn expected(&self, kind: LabelKind, depth: usize) -> String {
        let n = self.counters.get(depth).copied().unwrap_or(0) + 1;
        match kind {
            LabelKind::Roman => roman_upper(n),
            LabelKind::Letter => point_letter(n),
            _ => n.to_string(),
        }
    }

    fn heading(
        &mut self,
        kind: LabelKind,
        number: String,
        text: String,
        titled_hint: bool,
        loc: &Loc,
    ) {
        let first = parse_counter(kind, &number) == Some(1);
        // Where it goes: after an open heading of the same kind whose next
        // number it is (a sibling); a first number ("1", "I", "a") opens a
        // new level under the deepest open heading; a later number of a kind
        // not open is a sibling of the top level ("III." after "2.").
        let sibling = self
            .stack
            .iter()
            .rposition(|o| {
                !o.division
                    && o.depth_kind == kind
                    && parse_counter(kind, &o.label)
                        .is_some_and(|c| Some(c + 1) == parse_counter(kind, &number))
            })
            .or_else(|| {
                // The heading just closed under the deepest open one ("2."
                // closed by a paragraph) whose next number this is.
                let end = self.stack.len();
                self.closed
                    .get(end)
                    .and_then(|c| c.as_ref())
                    .filter(|(k, label)| {
                        *k == kind
                            && parse_counter(kind, label)
                                .is_some_and(|c| Some(c + 1) == parse_counter(kind, &number))
                    })
                    .map(|_| end)
            })
            .or_else(|| {
                if first {
                    None
                } else {
                    self.stack
                        .iter()
                        .rposition(|o| !o.division && o.depth_kind == kind)
                }
            });
        // A run-in heading that introduces (":") numbered items becomes a
        // title over them ("Điều 1. … gồm:" followed by "1.", "2.").
        if first
            && sibling.is_none()
            && let Some(top) = self.stack.last_mut()
            && top.runin
            && top.depth_kind != kind
            && top.text.trim_end().ends_with(':')
        {
            top.runin = false;
            top.titled_hint = true;
        }
        // Run-in headings take no children.
        let mut open_end = self.stack.len();
        while open_end > 0 && self.stack[open_end - 1].runin {
            open_end -= 1;
        }
        let at = match sibling {
            Some(pos) => pos,
            None if first || self.stack.iter().all(|o| o.division) => open_end,
            None => self
                .stack
                .iter()
                .position(|o| !o.division)
                .unwrap_or(self.stack.len()),
        };
        // Far below any real document (the model allows 32 levels of blocks).
        let at = if at >= MAX_HEADING_DEPTH {
            self.stack.len().min(at) - 1
        } else {
            at
        };
        self.close_to(at);
        let d = self.stack.iter().filter(|o| !o.division).count();
        if self.counters.len() <= d {
            self.counters.resize(d + 1, 0);
        }
        self.counters.truncate(d + 1);
        if self.scheme.len() <= d {
            self.scheme.resize(d + 1, None);
        }
        let scheme_kind = *self.scheme[d].get_or_insert(kind);
        let expected = self.expected(kind, d);
        let explicit = if expected == number && same_form(scheme_kind, kind) {
            String::new()
        } else {
            number.clone()
        };
        // Counting goes on as the typesetter counts: a letter outside the
        // decree's list (f, j, w, z) is one more than the one before.
        self.counters[d] = parse_counter(kind, &number)
            .filter(|_| kind != LabelKind::Letter || (1..=230).any(|i| point_letter(i) == number))
            .unwrap_or(self.counters[d] + 1);
        self.report.add(
            Kind::Recognised,
            loc,
            format!(
                "đề mục cấp {} có số “{}” {}",
                d + 1,
                label_text(kind, &number),
                quote(&text)
            ),
            format!(
                "heading at level {} numbered “{}” {}",
                d + 1,
                label_text(kind, &number),
                quote(&text)
            ),
        );
        self.closed.truncate(self.stack.len());
        self.stack.push(Open {
            depth_kind: kind,
            label: number,
            number: explicit,
            text,
            titled_hint,
            body: Vec::new(),
            division: false,
            runin: !titled_hint,
        });
    }

    fn division(&mut self, kind: LabelKind, number: String, text: String, loc: &Loc) {
        let order = |k: LabelKind| match k {
            LabelKind::Part => 0,
            LabelKind::Chapter => 1,
            _ => 2,
        };
        // Close headings and divisions at or below this one.
        let keep = self
            .stack
            .iter()
            .position(|o| !o.division || order(o.depth_kind) >= order(kind))
            .unwrap_or(self.stack.len());
        self.close_to(keep);
        self.counters.clear();
        self.report.add(
            Kind::Recognised,
            loc,
            format!("{} {number} {}", division_word(kind), quote(&text)),
            format!("division {} {number} {}", division_word(kind), quote(&text)),
        );
        self.pending_division_title = text.is_empty();
        self.stack.push(Open {
            depth_kind: kind,
            label: number.clone(),
            number,
            text,
            titled_hint: true,
            body: Vec::new(),
            division: true,
            runin: false,
        });
    }

    fn paragraph(&mut self, p: &Para) {
        let runs = trim_runs(&self.attach_notes(p));
        let plain: String = runs.iter().map(|r| r.text.as_str()).collect();
        let plain = collapse(&plain);
        if plain.is_empty() && !runs.iter().any(|r| r.note.is_some()) {
            return;
        }
        if is_typed_rule(&plain) {
            self.report.add(
                Kind::Recognised,
                &p.loc,
                "đường kẻ gõ bằng ký tự (không giữ như chữ)",
                "rule typed as characters (not kept as text)",
            );
            return;
        }
        if self.pending_division_title
            && let Some(o) = self.stack.last_mut()
            && o.division
            && o.text.is_empty()
        {
            o.text = markup(&runs, true, false);
            self.pending_division_title = false;
            return;
        }
        if let Some((kind, number, at)) = label_of(&plain) {
            // Map the char offset in the collapsed text back to the runs.
            let raw: String = runs.iter().map(|r| r.text.as_str()).collect();
            let raw_at = offset_in_raw(&raw, &plain, at);
            let rest = drop_chars(&runs, raw_at);
            let rest_plain = collapse(&rest.iter().map(|r| r.text.as_str()).collect::<String>());
            let bold = p.all_bold();
            match kind {
                LabelKind::Dash | LabelKind::Plus => {
                    self.close_runins();
                    let text = markup(&rest, false, false);
                    self.report.add(
                        Kind::Recognised,
                        &p.loc,
                        format!("mục gạch đầu dòng {}", quote(&rest_plain)),
                        format!("dash list item {}", quote(&rest_plain)),
                    );
                    match &mut self.list {
                        Some((k, items)) if *k == kind => items.push(json!(text)),
                        _ => {
                            self.flush_list();
                            self.list = Some((kind, vec![json!(text)]));
                        }
                    }
                    return;
                }
                LabelKind::Part | LabelKind::Chapter | LabelKind::Section => {
                    self.flush_list();
                    let text = markup(&rest, true, false);
                    self.division(kind, number, text, &p.loc);
                    return;
                }
                _ => {
                    self.flush_list();
                    let titled = bold && !rest_plain.is_empty() || !ends_sentence(&rest_plain);
                    let text = markup(&rest, bold, false);
                    self.heading(kind, number, text, titled, &p.loc);
                    if p.numbered {
                        self.report.add(
                            Kind::Converted,
                            &p.loc,
                            "số hiệu lấy từ đánh số tự động của Word",
                            "label taken from Word numbering",
                        );
                    }
                    return;
                }
            }
        }
        self.flush_list();
        self.close_runins();
        let whole_bold = p.all_bold();
        if p.center || p.right {
            let text = markup(&runs, whole_bold, false);
            let mut o = Map::new();
            o.insert("paragraph".into(), json!(text));
            if whole_bold {
                o.insert("bold".into(), json!(true));
            }
            o.insert(
                "align".into(),
                json!(if p.center { "center" } else { "right" }),
            );
            o.insert("indent".into(), json!(false));
            self.target().push(Value::Object(o));
        } else if whole_bold {
            let text = markup(&runs, true, false);
            self.target()
                .push(json!({ "paragraph": text, "bold": true }));
        } else {
            let text = markup(&runs, false, false);
            self.target().push(json!(text));
        }
    }

    /// Superscript digits that match a typed note become footnotes; other
    /// superscript annotation numbers are dropped and reported.
    fn attach_notes(&mut self, p: &Para) -> Vec<Run> {
        let mut out: Vec<Run> = Vec::new();
        for r in &p.runs {
            if r.sup && r.note.is_none() {
                let key = r.text.trim();
                if let Some(n) = self.notes.get(key) {
                    self.report.add(
                        Kind::Recognised,
                        &p.loc,
                        format!(
                            "chú thích gõ tay số {key} (chỉ số trên) thành chú thích cuối trang {}",
                            quote(n)
                        ),
                        format!(
                            "typed footnote {key} (superscript) made a real footnote {}",
                            quote(n)
                        ),
                    );
                    out.push(Run {
                        text: String::new(),
                        note: Some(n.clone()),
                        ..Run::default()
                    });
                    continue;
                }
                if !key.is_empty() {
                    self.report.add(
                        Kind::Omitted,
                        &p.loc,
                        format!("chỉ số trên “{key}” không khớp chú thích nào, đã bỏ (số chú thích của mẫu)"),
                        format!("superscript “{key}” matches no note and was removed (a template annotation number)"),
                    );
                }
                continue;
            }
            out.push(r.clone());
        }
        out
    }

    fn table(&mut self, t: &Table) {
        self.flush_list();
        self.close_runins();
        let ncols = t
            .rows
            .iter()
            .map(|r| r.iter().map(|c| c.span).sum::<usize>())
            .max()
            .unwrap_or(0);
        if ncols == 0 {
            return;
        }
        let header = if t.header_rows > 0 { t.header_rows } else { 0 };
        // Merged cells become spans (`colspan`/`rowspan`, HTML-like rows)
        // when they form a valid grid; otherwise they are split as before.
        let spans = spanned_rows(t, ncols, header);
        let titled = header > 0
            && t.rows.len() > header
            && spans.as_ref().is_none_or(|s| s.merges_in_header == 0);
        let mut rows: Vec<Vec<Value>> = Vec::new();
        let mut merged = false;
        if let Some(sp) = &spans {
            for row in &sp.rows {
                let cells = row
                    .iter()
                    .map(|&(ri, ci, colspan, rowspan)| {
                        let text = self.cell_text(&t.rows[ri][ci]);
                        if colspan == 1 && rowspan == 1 {
                            json!(text)
                        } else {
                            let mut o = Map::new();
                            o.insert("text".into(), json!(text));
                            if colspan > 1 {
                                o.insert("colspan".into(), json!(colspan));
                            }
                            if rowspan > 1 {
                                o.insert("rowspan".into(), json!(rowspan));
                            }
                            Value::Object(o)
                        }
                    })
                    .collect();
                rows.push(cells);
            }
            if sp.merges > 0 {
                self.report.add(
                    Kind::Recognised,
                    &t.loc,
                    format!("{} ô gộp giữ nguyên (colspan/rowspan)", sp.merges),
                    format!("{} merged cell(s) kept (colspan/rowspan)", sp.merges),
                );
            }
        } else {
            for row in &t.rows {
                let mut cells = Vec::new();
                for c in row {
                    let text = if c.merged_up {
                        merged = true;
                        String::new()
                    } else {
                        self.cell_text(c)
                    };
                    cells.push(json!(text));
                    for _ in 1..c.span {
                        merged = true;
                        cells.push(json!(""));
                    }
                }
                while cells.len() < ncols {
                    cells.push(json!(""));
                }
                cells.truncate(ncols);
                rows.push(cells);
            }
        }
        if merged {
            self.report.add(
                Kind::Guessed,
                &t.loc,
                "ô gộp không tạo thành lưới hợp lệ nên được tách: chữ ở ô đầu, các ô còn lại để trống",
                "merged cells do not form a valid grid and were split: the text in the first cell, the others left empty",
            );
        }
        let mut tbl = Map::new();
        let with_columns = titled || (spans.is_some() && header > 0 && t.rows.len() > header);
        if with_columns {
            if titled {
                rows.remove(0);
            }
            let titles: Vec<String> = t.rows[0]
                .iter()
                .flat_map(|c| {
                    let s = cell_paras(&c.items)
                        .iter()
                        .map(|p| markup(&p.runs, p.all_bold(), false))
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                        .join("\n");
                    std::iter::once(s).chain(std::iter::repeat_n(String::new(), c.span - 1))
                })
                .collect();
            let aligns = column_aligns(t, ncols);
            let cols: Vec<Value> = (0..ncols)
                .map(|i| {
                    let mut c = Map::new();
                    if titled {
                        c.insert(
                            "title".into(),
                            json!(titles.get(i).cloned().unwrap_or_default()),
                        );
                    }
                    let sum: u32 = t.widths.iter().sum();
                    if let Some(w) = t
                        .widths
                        .get(i)
                        .filter(|_| t.widths.len() == ncols && sum > 0)
                    {
                        // Relative widths (the model takes up to 1000): per cent, two decimals.
                        let rel = (f64::from(*w) * 10000.0 / f64::from(sum)).round() / 100.0;
                        c.insert("width".into(), json!(rel.max(0.01)));
                    }
                    if let Some(a) = aligns.get(i).copied().flatten() {
                        c.insert("align".into(), json!(a));
                    }
                    Value::Object(c)
                })
                .collect();
            tbl.insert("columns".into(), Value::Array(cols));
            if !titled {
                // A header with merged cells stays in the rows (column
                // titles cannot span): its rows are the table's header rows.
                tbl.insert("header_rows".into(), json!(header));
            } else if header > 1 {
                tbl.insert("header_rows".into(), json!(header - 1));
            }
        }
        tbl.insert("rows".into(), json!(rows));
        self.report.add(
            Kind::Recognised,
            &t.loc,
            format!("bảng {} hàng × {ncols} cột", t.rows.len()),
            format!("table of {} rows × {ncols} columns", t.rows.len()),
        );
        self.target().push(json!({ "table": Value::Object(tbl) }));
    }

    /// A cell's paragraphs as markup, one line each.
    fn cell_text(&mut self, c: &crate::ir::Cell) -> String {
        let ps = cell_paras(&c.items);
        ps.iter()
            .map(|p| markup(&self.attach_notes(p), false, false))
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn finish(mut self) -> Vec<Value> {
        self.close_to(0);
        self.top
    }

    /// The numbering scheme seen, as `numbering` keys.
    fn scheme_keys(&self) -> Vec<&'static str> {
        self.scheme
            .iter()
            .map(|k| scheme_key(k.unwrap_or(LabelKind::Dash)))
            .collect()
    }
}

/// A table's rows as the cells that start in them: (row, index in the row,
/// colspan, rowspan) each, when the merges form a valid grid of `ncols`
/// columns (every row covered exactly, no merge crossing from the header
/// rows into the body); `None` otherwise.
struct SpannedRows {
    rows: Vec<Vec<(usize, usize, usize, usize)>>,
    merges: usize,
    merges_in_header: usize,
}

fn spanned_rows(t: &Table, ncols: usize, header: usize) -> Option<SpannedRows> {
    // Start column of each cell.
    let starts: Vec<Vec<usize>> = t
        .rows
        .iter()
        .map(|r| {
            r.iter()
                .scan(0usize, |x, c| {
                    let at = *x;
                    *x += c.span.max(1);
                    Some(at)
                })
                .collect()
        })
        .collect();
    let continues = |ri: usize, col: usize| {
        t.rows.get(ri).is_some_and(|r| {
            r.iter()
                .zip(&starts[ri])
                .any(|(c, &x)| x == col && c.merged_up)
        })
    };
    let mut out = SpannedRows {
        rows: Vec::with_capacity(t.rows.len()),
        merges: 0,
        merges_in_header: 0,
    };
    let mut below = vec![0usize; ncols];
    for (ri, r) in t.rows.iter().enumerate() {
        let mut covered: Vec<bool> = below.iter().map(|&n| n > 0).collect();
        for n in &mut below {
            *n = n.saturating_sub(1);
        }
        let mut row = Vec::new();
        for (ci, c) in r.iter().enumerate() {
            let x = starts[ri][ci];
            let span = c.span.max(1);
            if c.merged_up {
                // Must continue a cell spanning from above, same columns.
                if !(x..x + span).all(|k| covered.get(k) == Some(&true)) {
                    return None;
                }
                continue;
            }
            if x + span > ncols || (x..x + span).any(|k| covered[k]) {
                return None;
            }
            let mut rowspan = 1;
            while continues(ri + rowspan, x) {
                rowspan += 1;
            }
            if ri < header && ri + rowspan > header {
                return None;
            }
            for k in x..x + span {
                covered[k] = true;
                below[k] = rowspan - 1;
            }
            if span > 1 || rowspan > 1 {
                out.merges += 1;
                if ri < header {
                    out.merges_in_header += 1;
                }
            }
            row.push((ri, ci, span, rowspan));
        }
        if covered.iter().any(|&c| !c) || row.is_empty() {
            return None;
        }
        out.rows.push(row);
    }
    Some(out)
}

/// Each column's alignment, from its body cells' paragraphs (all alike).
fn column_aligns(t: &Table, ncols: usize) -> Vec<Option<&'static str>> {
    let mut out = vec![None; ncols];
    for (i, slot) in out.iter_mut().enumerate() {
        let mut seen: Option<&'static str> = None;
        let mut same = true;
        for row in t.rows.iter().skip(t.header_rows.max(1)) {
            let mut x = 0;
            for c in row {
                if x == i {
                    for p in cell_paras(&c.items) {
                        if is_blank(p) {
                            continue;
                        }
                        let a = if p.center {
                            "center"
                        } else if p.right {
                            "right"
                        } else {
                            "left"
                        };
                        match seen {
                            None => seen = Some(a),
                            Some(s) if s != a => same = false,
                            _ => {}
                        }
                    }
                }
                x += c.span;
            }
        }
        if same {
            *slot = seen;
        }
    }
    out
}

/// The raw-text character offset that corresponds to `at` characters of the collapsed text.
fn offset_in_raw(raw: &str, _collapsed: &str, at: usize) -> usize {
    // Walk raw, counting collapsed characters (runs of white space count once; leading ones none).
    let mut count = 0;
    let mut prev_space = true;
    for (i, c) in raw.chars().enumerate() {
        if count >= at {
            return i;
        }
        let sp = c.is_whitespace() || c == '\u{a0}';
        if sp {
            if !prev_space {
                count += 1;
            }
            prev_space = true;
        } else {
            count += 1;
            prev_space = false;
        }
    }
    raw.chars().count()
}

/// An upper-case Roman numeral (the model's, as headings print it).
fn roman_upper(n: u32) -> String {
    vanban_model::format::roman(n)
}

/// Whether a label of `kind` prints as the scheme's kind at its depth does.
fn same_form(scheme: LabelKind, kind: LabelKind) -> bool {
    scheme == kind
        || matches!(
            (scheme, kind),
            (LabelKind::Arabic, LabelKind::Arabic2) | (LabelKind::Arabic2, LabelKind::Arabic)
        )
}

/// The `numbering` key of a label kind.
fn scheme_key(kind: LabelKind) -> &'static str {
    match kind {
        LabelKind::Roman => "I.",
        LabelKind::Letter => "a)",
        LabelKind::Article => "Điều",
        LabelKind::Dash => "-",
        LabelKind::Plus => "+",
        _ => "1.",
    }
}

fn parse_counter(kind: LabelKind, number: &str) -> Option<u32> {
    match kind {
        LabelKind::Roman => (1..=200).find(|&i| roman_upper(i) == number),
        // Vietnamese point letters (a b c d đ e g …); a Latin letter the
        // decree's list lacks (f, j, w, z) by its place in a–z.
        LabelKind::Letter => (1..=230).find(|&i| point_letter(i) == number).or_else(|| {
            let c = number
                .chars()
                .next()
                .filter(|c| c.is_ascii_lowercase() && number.len() == 1)?;
            Some(u32::from(c as u8 - b'a') + 1)
        }),
        LabelKind::Arabic2 => number.rsplit('.').next()?.parse().ok(),
        _ => number.parse().ok(),
    }
}

fn label_text(kind: LabelKind, n: &str) -> String {
    match kind {
        LabelKind::Roman | LabelKind::Arabic | LabelKind::Arabic2 => format!("{n}."),
        LabelKind::Letter => format!("{n})"),
        LabelKind::Article => format!("Điều {n}."),
        _ => n.to_string(),
    }
}

fn division_word(kind: LabelKind) -> &'static str {
    match kind {
        LabelKind::Part => "Phần",
        LabelKind::Chapter => "Chương",
        _ => "Mục",
    }
}

/// Recognises a document from its items (and the DOCX footers).
pub fn recognise(items: &[Item], footers: &[Para], report: &mut Report) -> Recognised {
    let mut i = 0;
    let n = items.len();
    let mut front = Front::default();
    let mut in_vv = false;
    let skip_blank = |i: &mut usize| {
        while *i < n && matches!(&items[*i], Item::Para(p) if is_blank(p) && !p.rule) {
            *i += 1;
        }
    };
    // 1. Header: paragraphs (typed or in text boxes) and the header table.
    loop {
        skip_blank(&mut i);
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

    // 2. Type name and summary.
    skip_blank(&mut i);
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
            title.push(markup(
                &p.runs
                    .iter()
                    .filter(|r| !r.sup)
                    .cloned()
                    .collect::<Vec<_>>(),
                true,
                false,
            ));
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
    skip_blank(&mut i);
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
                let runs: Vec<Run> = p.runs.iter().filter(|r| !r.sup).cloned().collect();
                let text = markup(&trim_runs(&runs), false, p.all_italic());
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
    let mut recipients: Vec<String> = Vec::new();
    let mut archive: Vec<String> = Vec::new();
    let mut drafter: Option<Value> = None;
    let mut signers: Vec<Vec<Line>> = Vec::new();
    for (cols, is_table) in &closing_lines {
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

    // 7. After the closing: appendices, notes, contact lines, other text.
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
                let (app, next) = appendix(items, k, &notes, report);
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
        let mut bb = BodyBuilder::new(report, &notes);
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

/// Only dots, ellipses and punctuation: a template's blank line.
fn is_dots(s: &str) -> bool {
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
fn report_placeholders(v: &Value, path: &str, report: &mut Report) {
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

fn strip_item(s: &str) -> String {
    let s = collapse(s).replace('\n', " ");
    let t = s.trim().trim_start_matches(['-', '–', '+', '•']).trim();
    let t = t.strip_suffix(['.', ';', ',']).unwrap_or(t).trim();
    t.to_string()
}

/// "VT, VP. NTH.(10)" → (["VT", "VP"], drafter NTH, 10 copies).
fn parse_archive(s: &str) -> (Vec<String>, Option<Value>) {
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
fn signature(lines: &[Line], report: &mut Report) -> Option<Value> {
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

fn is_contact(s: &str) -> bool {
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

fn contact_line(s: &str, contact: &mut Map<String, Value>, loc: &Loc, report: &mut Report) {
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

/// A typed note: a paragraph starting with superscript digits (or "¹").
fn typed_note(p: &Para) -> Option<(String, String)> {
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
fn appendix(
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
        title.push(markup(
            &p.runs
                .iter()
                .filter(|r| !r.sup)
                .cloned()
                .collect::<Vec<_>>(),
            true,
            false,
        ));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        assert_eq!(label_of("I. Đánh giá").map(|l| l.0), Some(LabelKind::Roman));
        assert_eq!(
            label_of("1. Mục đích").map(|l| (l.0, l.2)),
            Some((LabelKind::Arabic, 3))
        );
        assert_eq!(
            label_of("1.2. Yêu cầu").map(|l| l.0),
            Some(LabelKind::Arabic2)
        );
        assert_eq!(label_of("đ) Điểm").map(|l| l.0), Some(LabelKind::Letter));
        assert_eq!(
            label_of("Điều 3. Hiệu lực").map(|l| (l.0, l.1)),
            Some((LabelKind::Article, "3".to_string()))
        );
        assert_eq!(label_of("Chương II").map(|l| l.0), Some(LabelKind::Chapter));
        assert_eq!(label_of("Mục đích, yêu cầu"), None);
        assert_eq!(label_of("- Một").map(|l| l.0), Some(LabelKind::Dash));
        assert_eq!(label_of("2023 là năm"), None);
    }

    #[test]
    fn dates_and_archive() {
        assert_eq!(
            date_line("Ba Tô, ngày 05 tháng 6 năm 2023"),
            Some(("Ba Tô".into(), Some("2023-06-05".into())))
        );
        assert_eq!(
            date_line("Ba Tô, ngày      tháng 6 năm 2023"),
            Some(("Ba Tô".into(), Some("2023-06".into())))
        );
        assert_eq!(
            date_line("…, ngày …… tháng …… năm ……"),
            Some(("…".into(), None))
        );
        let (a, d) = parse_archive("VT, VP. NTH.(10).");
        assert_eq!(a, vec!["VT", "VP"]);
        assert_eq!(d, Some(json!({"initials": "NTH", "copies": 10})));
        assert_eq!(
            columns("ỦY BAN NHÂN DÂN\tCỘNG HÒA"),
            vec!["ỦY BAN NHÂN DÂN", "CỘNG HÒA"]
        );
        assert_eq!(
            columns("Nơi nhận:        TM. ỦY BAN"),
            vec!["Nơi nhận:", "TM. ỦY BAN"]
        );
    }
}
