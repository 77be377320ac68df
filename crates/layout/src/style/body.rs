//! Box 6: paragraphs, numbered headings (report and legal schemes), large
//! divisions, lists, data tables and page breaks.

use super::Ctx;
use super::rules::*;
use super::text::{text, upper};
use crate::flow::{self, Align, Block, Cell, Padding, Para, Role, Row, Run, TableKind, VAlign};
use vanban_model::format::{point_letter, roman};
use vanban_model::{
    Block as MBlock, BlockKind, Division, DivisionKind, Heading, LabelKind, List, ListMarker,
    Paragraph,
};

/// The default numbering by depth: legal types (Decree 30 App. I §II.6.c:
/// Điều, khoản "1.", điểm "a)"), other types (§II.6.d: "I.", "1.", "a)");
/// below the decree's levels a dash (not specified; convention).
pub fn default_scheme(legal: bool) -> &'static [LabelKind] {
    if legal {
        &[
            LabelKind::Article,
            LabelKind::Arabic,
            LabelKind::Letter,
            LabelKind::Dash,
        ]
    } else {
        &[
            LabelKind::Roman,
            LabelKind::Arabic,
            LabelKind::Letter,
            LabelKind::Dash,
        ]
    }
}

/// Counters of one section (the main text or one appendix).
#[derive(Default)]
pub(crate) struct Counters {
    /// Articles run on across chapters (Decree 30 App. I §II.6.c).
    article: u32,
    /// Parts, counted through the section.
    part: u32,
    /// Chapters run on across parts.
    chapter: u32,
    /// Sections (Mục), counted per chapter.
    section: u32,
    /// Outline level of the enclosing divisions.
    division_level: u8,
}

/// The label kind at heading depth `depth` (1 = top).
fn kind_at(cx: &Ctx, depth: usize) -> LabelKind {
    let scheme: &[LabelKind] = match &cx.doc.numbering {
        Some(s) if !s.is_empty() => s,
        _ => default_scheme(cx.doc.doc_type.legal_numbering()),
    };
    scheme
        .get(depth.saturating_sub(1))
        .copied()
        .unwrap_or(LabelKind::Dash)
}

/// The printed label for counter `n` (Decree 30 App. I §II.6.c–đ).
pub fn label(kind: LabelKind, n: u32) -> String {
    match kind {
        LabelKind::Roman => format!("{}.", roman(n)),
        LabelKind::Arabic => format!("{n}."),
        LabelKind::Letter => format!("{})", point_letter(n)),
        LabelKind::Dash => "-".into(),
        LabelKind::Plus => "+".into(),
        LabelKind::Article => format!("{ARTICLE_WORD} {n}."),
    }
}

/// The label for an explicit `number` ("III" → "III.", "đ" → "đ)").
pub fn explicit_label(kind: LabelKind, number: &str) -> String {
    let s = number.trim();
    let punct = s.ends_with('.') || s.ends_with(')');
    match kind {
        LabelKind::Roman | LabelKind::Arabic if !punct => format!("{s}."),
        LabelKind::Letter if !punct => format!("{s})"),
        LabelKind::Article => {
            let n = s.strip_prefix(ARTICLE_WORD).map(str::trim).unwrap_or(s);
            let n = n.trim_end_matches('.');
            format!("{ARTICLE_WORD} {n}.")
        }
        _ => s.to_string(),
    }
}

/// The label form an explicit number has (docs/input-format.md: "III" → "III.",
/// "2" → "2.", "đ" → "đ)"): digits are Arabic (or an article number at an
/// article depth), upper-case Roman digits Roman, lower-case letters point
/// letters; anything else keeps the depth's form.
pub fn explicit_kind(depth_kind: LabelKind, number: &str) -> LabelKind {
    let core = number.trim().trim_end_matches(['.', ')']);
    let core = core
        .strip_prefix(ARTICLE_WORD)
        .map(str::trim)
        .unwrap_or(core);
    if core.is_empty() {
        return depth_kind;
    }
    if core.chars().all(|c| c.is_ascii_digit()) {
        return if depth_kind == LabelKind::Article {
            LabelKind::Article
        } else {
            LabelKind::Arabic
        };
    }
    if core.chars().all(|c| "IVXLCDM".contains(c)) {
        return LabelKind::Roman;
    }
    if core.chars().all(char::is_lowercase) {
        return LabelKind::Letter;
    }
    depth_kind
}

/// The counter value an explicit number stands for, so that counting goes on from it.
fn parse_number(kind: LabelKind, number: &str) -> Option<u32> {
    let s = number.trim().trim_end_matches(['.', ')']);
    let s = s.strip_prefix(ARTICLE_WORD).map(str::trim).unwrap_or(s);
    if let Ok(n) = s.parse::<u32>() {
        return Some(n);
    }
    match kind {
        LabelKind::Roman => parse_roman(s),
        LabelKind::Letter => (1..=230).find(|&i| point_letter(i) == s.to_lowercase()),
        _ => None,
    }
}

fn parse_roman(s: &str) -> Option<u32> {
    let mut total = 0u32;
    let mut prev = 0u32;
    for c in s.chars().rev() {
        let v = match c.to_ascii_uppercase() {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            'L' => 50,
            'C' => 100,
            'D' => 500,
            'M' => 1000,
            _ => return None,
        };
        if v < prev {
            total = total.checked_sub(v)?;
        } else {
            total += v;
            prev = v;
        }
    }
    (total > 0).then_some(total)
}

/// Styles the blocks of one section (main body or an appendix).
pub(crate) fn blocks(cx: &mut Ctx, blocks: &[MBlock], out: &mut Vec<Block>) {
    let mut counters = Counters::default();
    level(cx, blocks, 1, &mut counters, out);
}

/// One sibling sequence at heading depth `depth`; its counter starts at 0
/// (counters reset per parent), articles excepted.
fn level(cx: &mut Ctx, blocks: &[MBlock], depth: usize, c: &mut Counters, out: &mut Vec<Block>) {
    let mut n = 0u32;
    for b in blocks {
        match &b.kind {
            BlockKind::Paragraph(p) => out.push(Block::Para(paragraph(cx, p, &b.path))),
            BlockKind::Heading(h) => heading(cx, h, &b.path, depth, &mut n, c, out),
            BlockKind::Division(d) => division(cx, d, &b.path, depth, c, out),
            BlockKind::List(l) => list(cx, l, &b.path, depth, c, out),
            BlockKind::Table(t) => out.push(Block::Table(table(cx, t, &b.path))),
            BlockKind::PageBreak => out.push(Block::PageBreak),
        }
    }
}

/// A paragraph: justified with first-line indent unless the input says otherwise.
fn paragraph(cx: &mut Ctx, p: &Paragraph, path: &str) -> Para {
    let size = cx.size;
    let runs = cx.inlines(&p.content, p.bold, p.italic, size);
    let mut out = cx.body_para(runs, path, Role::Body);
    out.align = p.align.unwrap_or(Align::Justify);
    let centred = matches!(out.align, Align::Center | Align::Right);
    if p.indent == Some(false) || (p.indent.is_none() && centred) {
        out.indent_first = 0.0;
    }
    out
}

/// Outline level of a heading at `depth` inside the current divisions.
fn outline(c: &Counters, depth: usize) -> u8 {
    let d = u8::try_from(depth).unwrap_or(u8::MAX);
    c.division_level.saturating_add(d).min(9)
}

/// A numbered heading. With a body it is a title: "Điều 1. Title" bold,
/// "I. TITLE" upper case bold, "1. Title" / "a) Title" bold (App. I
/// §II.6.c–d), first-line indent like the body (report headings' indent:
/// not specified, docs/decree30.md §2.3 — the body's indent is chosen), kept with the
/// next block. Without a body, or as a lead-in ([`Heading::lead_in`]: a
/// khoản introducing its points, an untitled Điều), it is a run-in numbered
/// paragraph: the label, then the text regular and justified ("Điều 1."
/// keeps a bold label); a lead-in is kept with its body.
fn heading(
    cx: &mut Ctx,
    h: &Heading,
    path: &str,
    depth: usize,
    n: &mut u32,
    c: &mut Counters,
    out: &mut Vec<Block>,
) {
    let depth_kind = kind_at(cx, depth);
    let kind = match &h.number {
        Some(num) if h.numbered => explicit_kind(depth_kind, num),
        _ => depth_kind,
    };
    let label_text = if h.numbered {
        let counter = if kind == LabelKind::Article {
            &mut c.article
        } else {
            &mut *n
        };
        match &h.number {
            Some(num) => {
                if let Some(v) = parse_number(kind, num) {
                    *counter = v;
                } else {
                    *counter += 1;
                }
                Some(explicit_label(kind, num))
            }
            None => {
                *counter += 1;
                Some(label(kind, *counter))
            }
        }
    } else {
        None
    };
    let size = cx.size;
    // A lead-in (App. I §II.6.c: only a title is bold) prints like a run-in
    // paragraph and is kept with the body it introduces.
    let titled = h.body.is_some() && !h.lead_in;
    let mut runs: Vec<Run> = Vec::new();
    if let Some(l) = &label_text {
        let label_bold = titled || kind == LabelKind::Article;
        runs.push(text(&format!("{l} "), label_bold, false, size));
    }
    let heading_text = if titled && kind == LabelKind::Roman {
        upper_inlines(&h.text)
    } else {
        h.text.clone()
    };
    runs.extend(cx.inlines(&heading_text, titled, false, size));
    let role = if titled {
        Role::Heading(outline(c, depth))
    } else {
        Role::Body
    };
    let mut p = cx.body_para(runs, path, role);
    p.keep_with_next = h.body.is_some();
    out.push(Block::Para(p));
    if let Some(body) = &h.body {
        level(cx, body, depth + 1, c, out);
    }
}

/// Upper-cases the text of inline content (titles of "I." headings).
fn upper_inlines(content: &[vanban_model::Inline]) -> Vec<vanban_model::Inline> {
    content
        .iter()
        .map(|i| match i {
            vanban_model::Inline::Text { text, bold, italic } => vanban_model::Inline::Text {
                text: upper(text),
                bold: *bold,
                italic: *italic,
            },
            other => other.clone(),
        })
        .collect()
}

/// A large division (Decree 30 App. I §II.6.c–d): "Phần I" / "Chương I" /
/// "Mục 1" centred bold at body size, then the title upper case bold
/// centred; both kept with what follows. Divisions are not a heading depth.
fn division(
    cx: &mut Ctx,
    d: &Division,
    path: &str,
    depth: usize,
    c: &mut Counters,
    out: &mut Vec<Block>,
) {
    let (word, counter, roman_numeral) = match d.kind {
        DivisionKind::Part => (PART_WORD, &mut c.part, true),
        DivisionKind::Chapter => (CHAPTER_WORD, &mut c.chapter, true),
        DivisionKind::Section => (SECTION_WORD, &mut c.section, false),
    };
    let number = match &d.number {
        Some(s) => {
            let kind = if roman_numeral {
                LabelKind::Roman
            } else {
                LabelKind::Arabic
            };
            if let Some(v) = parse_number(kind, s) {
                *counter = v;
            } else {
                *counter += 1;
            }
            s.trim().to_string()
        }
        None => {
            *counter += 1;
            if roman_numeral {
                roman(*counter)
            } else {
                counter.to_string()
            }
        }
    };
    if d.kind == DivisionKind::Chapter {
        c.section = 0;
    }
    let size = cx.size;
    let lvl = c.division_level.saturating_add(1);
    let mut p = Para::new(
        vec![text(&format!("{word} {number}"), true, false, size)],
        Align::Center,
        cx.pitch,
        path.to_string(),
        Role::Heading(lvl.min(9)),
    );
    p.space_before = cx.space.max(TITLE_SPACE_BEFORE);
    p.keep_with_next = true;
    out.push(Block::Para(p));
    if !d.title.trim().is_empty() {
        let mut t = Para::new(
            vec![text(&upper(d.title.trim()), true, false, size)],
            Align::Center,
            cx.pitch,
            format!("{path}.title"),
            Role::Heading(lvl.min(9)),
        );
        t.keep_with_next = true;
        out.push(Block::Para(t));
    }
    let saved = c.division_level;
    c.division_level = lvl;
    level(cx, &d.body, depth, c, out);
    c.division_level = saved;
}

/// A dash list: "-" or "+" and a space run in at the body's first-line
/// indent, justified (the marker level below điểm is not specified; convention).
fn list(cx: &mut Ctx, l: &List, path: &str, depth: usize, c: &mut Counters, out: &mut Vec<Block>) {
    let marker = match l.marker {
        ListMarker::Dash => "- ",
        ListMarker::Plus => "+ ",
    };
    let size = cx.size;
    for (i, item) in l.items.iter().enumerate() {
        let mut rest: &[MBlock] = item;
        if let Some((first, tail)) = item.split_first() {
            if let BlockKind::Paragraph(p) = &first.kind {
                let mut para = paragraph(cx, p, &first.path);
                para.runs.insert(0, text(marker, p.bold, p.italic, size));
                para.role = Role::ListItem;
                out.push(Block::Para(para));
                rest = tail;
            } else {
                let mut para = cx.body_para(
                    vec![text(marker.trim_end(), false, false, size)],
                    &format!("{path}[{i}]"),
                    Role::ListItem,
                );
                para.keep_with_next = true;
                out.push(Block::Para(para));
            }
        }
        level(cx, rest, depth, c, out);
    }
}

/// A ruled data table: columns scaled from the relative widths to the text
/// width, 13 pt text ([`TABLE_SIZE`]), header cells bold centred and marked
/// to repeat, rows kept whole unless taller than a page.
fn table(cx: &mut Ctx, t: &vanban_model::Table, path: &str) -> flow::Table {
    let tw = cx.text_width();
    let total: f32 = t.columns.iter().map(|c| c.width.max(0.0)).sum();
    let n = t.columns.len().max(1) as f32;
    let mut columns: Vec<f32> = t
        .columns
        .iter()
        .map(|c| {
            round_to_twips(if total > 0.0 {
                tw * c.width.max(0.0) / total
            } else {
                tw / n
            })
        })
        .collect();
    // Rounding leftovers go to the last column so the widths add up.
    let sum: f32 = columns.iter().sum();
    if let Some(last) = columns.last_mut() {
        *last = round_to_twips(*last + tw - sum);
    }
    let pitch = line_pitch(TABLE_SIZE);
    let cell_para = |runs: Vec<Run>, align: Align, path: String| {
        let mut p = Para::new(runs, align, pitch, path, Role::Body);
        p.widow_control = false;
        Block::Para(p)
    };
    let mut rows = Vec::new();
    let titled = t.columns.iter().any(|c| !c.title.is_empty());
    let header_rows = t.header_rows as usize;
    if titled {
        let cells = t
            .columns
            .iter()
            .enumerate()
            .map(|(j, c)| Cell {
                blocks: vec![cell_para(
                    cx.inlines(&c.title, true, false, TABLE_SIZE),
                    Align::Center,
                    format!("{path}.columns[{j}].title"),
                )],
                valign: VAlign::Center,
            })
            .collect();
        rows.push(Row {
            cells,
            // The column titles repeat on every page the table runs onto.
            header: true,
            cant_split: true,
        });
    }
    for (i, r) in t.rows.iter().enumerate() {
        let is_header = i < header_rows;
        let cells = t
            .columns
            .iter()
            .enumerate()
            .map(|(j, col)| {
                let content = r.get(j).cloned().unwrap_or_default();
                let align = if is_header { Align::Center } else { col.align };
                Cell {
                    blocks: vec![cell_para(
                        cx.inlines(&content, is_header, false, TABLE_SIZE),
                        align,
                        format!("{path}.rows[{i}][{j}]"),
                    )],
                    valign: if is_header {
                        VAlign::Center
                    } else {
                        VAlign::Top
                    },
                }
            })
            .collect();
        rows.push(Row {
            cells,
            header: is_header,
            cant_split: true,
        });
    }
    let merges: Vec<flow::Merge> = t
        .merges
        .iter()
        .map(|m| flow::Merge {
            row: m.row + usize::from(titled),
            col: m.col,
            rows: m.rows,
            cols: m.cols,
        })
        .collect();
    // Rows joined by a cell spanning them stay on one page (the typesetter
    // keeps them as one row). Word and LibreOffice split between them
    // (measured: LibreOffice left the first row of a three-row merge at the
    // foot of a page); keep-with-next on their paragraphs holds each such
    // row with the next, as in Word's own advice for keeping rows together.
    for m in &merges {
        for row in rows.iter_mut().skip(m.row).take(m.rows.saturating_sub(1)) {
            for cell in &mut row.cells {
                for b in &mut cell.blocks {
                    if let Block::Para(p) = b {
                        p.keep_with_next = true;
                    }
                }
            }
        }
    }
    flow::Table {
        columns,
        indent: 0.0,
        rows,
        borders: true,
        border_width: TABLE_BORDER,
        padding: Padding {
            top: DATA_CELL_PAD_Y,
            bottom: DATA_CELL_PAD_Y,
            left: CELL_PAD_X,
            right: CELL_PAD_X,
        },
        kind: TableKind::Data,
        merges,
        path: path.to_string(),
    }
}
