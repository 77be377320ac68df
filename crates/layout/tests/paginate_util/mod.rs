//! Shared builders for the typesetter's tests: small pages, plain paragraphs.
#![allow(dead_code)]

use vanban_layout::flow::*;
use vanban_layout::fonts::FontSet;
use vanban_layout::pages::{Item, Page, Pages, PlacedText};
use vanban_layout::paginate::paginate;

/// Text size of the test paragraphs.
pub const SIZE: f32 = 12.0;
/// Line pitch of the test paragraphs.
pub const LH: f32 = 15.0;
/// Page: 300 × 200 pt, margins 20 pt: text block 260 × 160 pt.
pub const PAGE: PageGeometry = PageGeometry {
    width: 300.0,
    height: 200.0,
    margin_top: 20.0,
    margin_bottom: 20.0,
    margin_left: 20.0,
    margin_right: 20.0,
    header_distance: 5.0,
};

pub fn fonts() -> &'static FontSet {
    FontSet::bundled()
}

pub fn text(s: &str) -> Run {
    Run::Text(TextRun {
        text: s.to_string(),
        style: FontStyle::default(),
        size: SIZE,
    })
}

pub fn para_runs(runs: Vec<Run>, align: Align) -> Para {
    let mut p = Para::new(runs, align, LH, "/test".to_string(), Role::Body);
    p.widow_control = false;
    p
}

pub fn para(s: &str, align: Align) -> Para {
    para_runs(vec![text(s)], align)
}

/// `n` words "lorem ipsum …", deterministic.
pub fn words(n: usize) -> String {
    const W: [&str; 8] = [
        "lorem", "ipsum", "dolor", "sit", "amet", "tiếng", "Việt", "quản",
    ];
    (0..n).map(|i| W[i % W.len()]).collect::<Vec<_>>().join(" ")
}

pub fn section(blocks: Vec<Block>) -> Section {
    Section {
        blocks,
        page_numbers: true,
        first_page_footer: Vec::new(),
        first_page_regions: Vec::new(),
        page: None,
    }
}

pub fn flow(sections: Vec<Section>) -> Flow {
    Flow {
        page: PAGE,
        info: DocInfo::default(),
        sections,
        footnotes: FootnoteStyle {
            separator_length: 100.0,
            separator_thickness: 0.5,
            separator_height: 6.0,
            gap_above: 4.0,
        },
        page_numbers: PageNumberStyle {
            size: 12.0,
            line_height: 15.0,
        },
        attachments: Vec::new(),
    }
}

pub fn run(f: &Flow) -> Pages {
    paginate(f, fonts()).expect("paginates")
}

/// Non-artifact texts of a page.
pub fn texts(p: &Page) -> Vec<&PlacedText> {
    p.items
        .iter()
        .filter_map(|i| match i {
            Item::Text(t) if !t.artifact => Some(t),
            _ => None,
        })
        .collect()
}

/// A printed line: baseline, left, right, text (pieces joined).
#[derive(Debug, Clone)]
pub struct TextLine {
    pub y: f32,
    pub x1: f32,
    pub x2: f32,
    pub text: String,
}

/// The page's body text lines, top to bottom: pieces of full size on one
/// baseline; smaller raised pieces (marks) join the line just below them.
pub fn lines(p: &Page) -> Vec<TextLine> {
    let mut out: Vec<TextLine> = Vec::new();
    let all = texts(p);
    for t in all.iter().filter(|t| t.size >= SIZE - 0.01) {
        let x2 = t.x + t.width();
        if let Some(l) = out.iter_mut().find(|l| (l.y - t.y).abs() < 0.01) {
            l.x1 = l.x1.min(t.x);
            l.x2 = l.x2.max(x2);
            l.text.push_str(&t.text);
        } else {
            out.push(TextLine {
                y: t.y,
                x1: t.x,
                x2,
                text: t.text.clone(),
            });
        }
    }
    for t in all.iter().filter(|t| t.size < SIZE - 0.01) {
        let x2 = t.x + t.width();
        if let Some(l) = out.iter_mut().find(|l| t.y <= l.y + 0.01 && t.y > l.y - LH) {
            l.x2 = l.x2.max(x2);
        }
    }
    out.sort_by(|a, b| a.y.total_cmp(&b.y));
    out
}

/// All page texts joined, per page.
pub fn page_text(p: &Page) -> String {
    lines(p)
        .iter()
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A paragraph of exactly `n` short lines "p.1" … (forced line breaks).
pub fn nlines(prefix: &str, n: usize) -> Para {
    let mut runs = Vec::new();
    for i in 1..=n {
        if i > 1 {
            runs.push(Run::LineBreak);
        }
        runs.push(text(&format!("{prefix}.{i}")));
    }
    para_runs(runs, Align::Left)
}

/// The same with widow/orphan control.
pub fn nlines_w(prefix: &str, n: usize) -> Para {
    Para {
        widow_control: true,
        ..nlines(prefix, n)
    }
}

/// Page index of the first line whose text is `s`.
pub fn page_of(pages: &Pages, s: &str) -> Option<usize> {
    pages
        .pages
        .iter()
        .position(|p| lines(p).iter().any(|l| l.text == s))
}

/// A footnote reference numbered `n` whose note has `lines` lines "n<n>.<i>".
pub fn fnref(n: u32, lines: usize) -> Run {
    let mut runs = vec![Run::FootnoteMark(Mark {
        number: n,
        size: 8.0,
        rise: 4.0,
    })];
    for i in 1..=lines {
        if i > 1 {
            runs.push(Run::LineBreak);
        }
        runs.push(text(&format!("n{n}.{i}")));
    }
    let mut p = para_runs(runs, Align::Justify);
    p.role = Role::Note;
    Run::FootnoteRef(FootnoteRef {
        mark: Mark {
            number: n,
            size: 8.0,
            rise: 4.0,
        },
        note: vec![p],
    })
}

/// Texts of the notes role on a page.
pub fn note_texts(p: &Page) -> Vec<String> {
    texts(p)
        .into_iter()
        .filter(|t| t.role == Role::Note && t.size >= SIZE - 0.01)
        .map(|t| t.text.clone())
        .collect()
}
