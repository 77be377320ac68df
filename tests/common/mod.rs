//! Helpers shared by the end-to-end tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every fixture, sorted.
pub fn fixtures() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join("fixtures"))
        .expect("fixtures folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    v.sort();
    assert!(
        v.len() >= 8,
        "expected at least 8 fixtures, found {}",
        v.len()
    );
    v
}

/// Whether a program is on PATH.
pub fn have(tool: &str) -> bool {
    Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {tool}"))
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

/// Runs a tool and returns its stdout, panicking with stderr on failure.
pub fn run(cmd: &str, args: &[&str]) -> String {
    let out = Command::new(cmd).args(args).output().expect(cmd);
    assert!(
        out.status.success(),
        "{cmd} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

/// Writes bytes to a fresh temp file with the given name and returns its path.
pub fn temp_file(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write temp file");
    p
}

/// Stands for a footnote mark in [`body_words`].
pub const FOOTNOTE: char = '\u{1}';

/// How many PDF words, from `pdf[i]`, stand for the model word `model`:
/// equal in lower case, with a footnote mark's digits where the model word
/// has [`FOOTNOTE`] (the text after the mark may come as the next PDF word).
pub fn words_matching(pdf: &[&str], i: usize, model: &str) -> Option<usize> {
    let model = model.to_lowercase();
    let first = pdf.get(i)?.to_lowercase();
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    match model.split_once(FOOTNOTE) {
        None => (first == model).then_some(1),
        Some((pre, post)) => {
            let rest = first.strip_prefix(pre)?;
            if rest.strip_suffix(post).is_some_and(digits) {
                return Some(1);
            }
            let next = pdf.get(i + 1).map(|w| w.to_lowercase());
            (digits(rest) && next.as_deref() == Some(post)).then_some(2)
        }
    }
}

/// The plain words of a document's text, from the model, in reading order:
/// every paragraph, heading and list item of the body and appendices.
pub fn body_words(doc: &vanban_model::Document) -> Vec<String> {
    use vanban_model::{Block, BlockKind, Inline};
    fn inl(v: &[Inline], out: &mut String) {
        for i in v {
            match i {
                Inline::Text { text, .. } => out.push_str(text),
                Inline::LineBreak => out.push(' '),
                Inline::Footnote(_) => out.push(FOOTNOTE),
            }
        }
    }
    fn blocks(v: &[Block], out: &mut String) {
        for b in v {
            match &b.kind {
                BlockKind::Paragraph(p) => inl(&p.content, out),
                BlockKind::Heading(h) => {
                    out.push(' ');
                    inl(&h.text, out);
                    if let Some(b) = &h.body {
                        out.push(' ');
                        blocks(b, out);
                    }
                }
                BlockKind::Division(d) => {
                    out.push(' ');
                    blocks(&d.body, out)
                }
                BlockKind::List(l) => {
                    for it in &l.items {
                        out.push(' ');
                        blocks(it, out);
                    }
                }
                BlockKind::Table(_) | BlockKind::PageBreak => {}
            }
            out.push(' ');
        }
    }
    let mut s = String::new();
    blocks(&doc.body, &mut s);
    s.split_whitespace().map(str::to_string).collect()
}

/// Words the generated and property-tested documents are made of: accented
/// Vietnamese (Đ, Ư, ươ …), numbers, dates, symbols and a percentage.
pub const WORDS: &[&str] = &[
    "ủy",
    "ban",
    "nhân",
    "dân",
    "xã",
    "huyện",
    "báo",
    "cáo",
    "kết",
    "quả",
    "thực",
    "hiện",
    "công",
    "tác",
    "vận",
    "chính",
    "quyền",
    "tháng",
    "năm",
    "nhiệm",
    "vụ",
    "trọng",
    "tâm",
    "Đảng",
    "đường",
    "Quốc",
    "lộ",
    "camera",
    "an",
    "ninh",
    "điểm",
    "tuyên",
    "truyền",
    "Ước",
    "tính",
    "Thời",
    "gian",
    "Hội",
    "nghị",
    "2023",
    "06/6/2023",
    "(b/c)",
    "KH-UBND",
    "145/2020/NĐ-CP",
    "12,5%",
    "Nghĩa",
    "Hành",
    "rà",
    "soát",
    "hộ",
    "nghèo",
];

/// A word from `pdftotext -bbox`: its page (0-based), its text (XML
/// entities decoded) and its box in points, y measured from the top.
#[derive(Debug, Clone)]
pub struct BoxWord {
    pub page: usize,
    pub text: String,
    pub x1: f32,
    pub y1: f32,
    pub x2: f32,
    pub y2: f32,
}

/// Every word poppler extracts from `pdf` (`pdftotext -bbox`), in its order.
pub fn bbox_words(pdf: &Path) -> Vec<BoxWord> {
    let out = run("pdftotext", &["-bbox", pdf.to_str().expect("utf-8"), "-"]);
    let mut words = Vec::new();
    let mut page = 0usize;
    let mut seen_page = false;
    for line in out.lines().map(str::trim) {
        if line.starts_with("<page ") {
            if seen_page {
                page += 1;
            }
            seen_page = true;
            continue;
        }
        let Some(rest) = line.strip_prefix("<word ") else {
            continue;
        };
        let attr = |name: &str| -> f32 {
            let at = rest.find(&format!("{name}=\"")).expect("attribute") + name.len() + 2;
            rest[at..]
                .split('"')
                .next()
                .and_then(|v| v.parse().ok())
                .expect("number")
        };
        let text = rest
            .split_once('>')
            .and_then(|(_, t)| t.strip_suffix("</word>"))
            .expect("word text")
            .replace("&amp;", "&")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'");
        words.push(BoxWord {
            page,
            text,
            x1: attr("xMin"),
            y1: attr("yMin"),
            x2: attr("xMax"),
            y2: attr("yMax"),
        });
    }
    words
}
