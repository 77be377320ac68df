//! Body labels: typed heading and list labels ("I.", "1.", "a)", "Điều 1."),
//! their counters and schemes, and the runs left once a label is cut off.

use super::*;

/// A typed heading label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LabelKind {
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
pub(super) fn label_of(text: &str) -> Option<(LabelKind, String, usize)> {
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
pub(super) fn drop_chars(runs: &[Run], n: usize) -> Vec<Run> {
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
pub(super) fn trim_runs(runs: &[Run]) -> Vec<Run> {
    let text: String = runs.iter().map(|r| r.text.as_str()).collect();
    let lead = text.chars().take_while(|c| c.is_whitespace()).count();
    drop_chars(runs, lead)
}

pub(super) fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end().trim_end_matches(['”', '"', '’', ')', '*']);
    t.ends_with(['.', ';', '!', '?', ',', ':'])
}

/// The raw-text character offset that corresponds to `at` characters of the collapsed text.
pub(super) fn offset_in_raw(raw: &str, _collapsed: &str, at: usize) -> usize {
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
pub(super) fn roman_upper(n: u32) -> String {
    vanban_model::format::roman(n)
}

/// Whether a label of `kind` prints as the scheme's kind at its depth does.
pub(super) fn same_form(scheme: LabelKind, kind: LabelKind) -> bool {
    scheme == kind
        || matches!(
            (scheme, kind),
            (LabelKind::Arabic, LabelKind::Arabic2) | (LabelKind::Arabic2, LabelKind::Arabic)
        )
}

/// The `numbering` key of a label kind.
pub(super) fn scheme_key(kind: LabelKind) -> &'static str {
    match kind {
        LabelKind::Roman => "I.",
        LabelKind::Letter => "a)",
        LabelKind::Article => "Điều",
        LabelKind::Dash => "-",
        LabelKind::Plus => "+",
        _ => "1.",
    }
}

pub(super) fn parse_counter(kind: LabelKind, number: &str) -> Option<u32> {
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

pub(super) fn label_text(kind: LabelKind, n: &str) -> String {
    match kind {
        LabelKind::Roman | LabelKind::Arabic | LabelKind::Arabic2 => format!("{n}."),
        LabelKind::Letter => format!("{n})"),
        LabelKind::Article => format!("Điều {n}."),
        _ => n.to_string(),
    }
}

pub(super) fn division_word(kind: LabelKind) -> &'static str {
    match kind {
        LabelKind::Part => "Phần",
        LabelKind::Chapter => "Chương",
        _ => "Mục",
    }
}
