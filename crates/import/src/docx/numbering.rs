//! Word numbering (numbering.xml): levels, formats and the typed labels
//! they turn into.

use super::*;

#[derive(Debug, Clone, Default)]
pub(super) struct Level {
    pub(super) fmt: String,
    pub(super) text: String,
    pub(super) start: u32,
}

#[derive(Debug, Default)]
pub(super) struct Numbering {
    /// numId → abstract levels.
    pub(super) nums: HashMap<String, Vec<Level>>,
}

impl Numbering {
    pub(super) fn parse(d: &Document) -> Numbering {
        let root = d.root_element();
        let mut abstracts: HashMap<String, Vec<Level>> = HashMap::new();
        for a in root.children().filter(|n| is(n, "abstractNum")) {
            let Some(id) = attr(&a, "abstractNumId") else {
                continue;
            };
            let mut levels = vec![Level::default(); 9];
            for l in a.children().filter(|n| is(n, "lvl")) {
                let Some(i) = attr(&l, "ilvl").and_then(|v| v.parse::<usize>().ok()) else {
                    continue;
                };
                if i >= 9 {
                    continue;
                }
                levels[i] = Level {
                    fmt: child(&l, "numFmt")
                        .and_then(|n| attr(&n, "val"))
                        .unwrap_or("decimal")
                        .to_string(),
                    text: child(&l, "lvlText")
                        .and_then(|n| attr(&n, "val"))
                        .unwrap_or("")
                        .to_string(),
                    start: child(&l, "start")
                        .and_then(|n| attr(&n, "val"))
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(1),
                };
            }
            abstracts.insert(id.to_string(), levels);
        }
        let mut nums = HashMap::new();
        for n in root.children().filter(|n| is(n, "num")) {
            let Some(id) = attr(&n, "numId") else {
                continue;
            };
            let Some(abs) = child(&n, "abstractNumId").and_then(|a| attr(&a, "val")) else {
                continue;
            };
            if let Some(levels) = abstracts.get(abs) {
                let mut levels = levels.clone();
                for o in n.children().filter(|c| is(c, "lvlOverride")) {
                    let (Some(i), Some(start)) = (
                        attr(&o, "ilvl").and_then(|v| v.parse::<usize>().ok()),
                        child(&o, "startOverride")
                            .and_then(|s| attr(&s, "val"))
                            .and_then(|v| v.parse().ok()),
                    ) else {
                        continue;
                    };
                    if let Some(l) = levels.get_mut(i) {
                        l.start = start;
                    }
                }
                nums.insert(id.to_string(), levels);
            }
        }
        Numbering { nums }
    }
}

/// A Word "upperRoman"/"lowerRoman" number (the model's Roman numerals).
pub(super) fn roman(n: u32, upper: bool) -> String {
    let r = vanban_model::format::roman(n);
    if upper { r } else { r.to_lowercase() }
}

pub(super) fn letter(n: u32, upper: bool) -> String {
    let n = n.max(1) - 1;
    let c = char::from(b'a' + (n % 26) as u8);
    let s: String = std::iter::repeat_n(c, (n / 26 + 1).min(5) as usize).collect();
    if upper { s.to_uppercase() } else { s }
}

pub(super) fn format_num(fmt: &str, n: u32) -> String {
    match fmt {
        "upperRoman" => roman(n, true),
        "lowerRoman" => roman(n, false),
        "upperLetter" => letter(n, true),
        "lowerLetter" => letter(n, false),
        "decimalZero" => format!("{n:02}"),
        "none" => String::new(),
        _ => n.to_string(),
    }
}
