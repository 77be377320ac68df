//! Text helpers shared by every zone: comparison normalisation, upper-case
//! and rule tests, splitting a paragraph into lines and tab columns, and the
//! text of table cells.

use super::*;

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

pub(super) fn is_upper_text(s: &str) -> bool {
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

pub(super) fn is_blank(p: &Para) -> bool {
    p.text().trim().is_empty()
}

pub(super) fn unicode_base(c: char) -> char {
    use unicode_normalization::UnicodeNormalization;
    c.to_string().nfd().next().unwrap_or(c)
}

/// Splits a typed line into columns at tabs or runs of three or more spaces.
pub(super) fn columns(s: &str) -> Vec<String> {
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
pub(super) struct Line {
    pub(super) text: String,
    pub(super) bold: bool,
    pub(super) rule: bool,
    pub(super) loc: Loc,
}

/// Lines of a paragraph (columns split when `split`), superscripts dropped and reported.
pub(super) fn para_lines(p: &Para, split: bool, report: &mut Report) -> Vec<Line> {
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
pub(super) fn cell_paras(items: &[Item]) -> Vec<&Para> {
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
pub(super) fn table_columns(t: &Table, report: &mut Report) -> Vec<Vec<Line>> {
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

pub(super) fn table_text(t: &Table) -> String {
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

/// Moves `*i` past blank paragraphs (not rules) in `items`.
pub(super) fn skip_blank(items: &[Item], i: &mut usize) {
    while *i < items.len() && matches!(&items[*i], Item::Para(p) if is_blank(p) && !p.rule) {
        *i += 1;
    }
}
