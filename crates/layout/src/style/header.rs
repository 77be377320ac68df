//! Boxes 1–4 (the header grid) and the marks of boxes 10a, 10b and 11.

use super::rules::*;
use super::text::{balanced_lines, face, lines_to_runs, text, upper, widest};
use super::{Ctx, form_line, style_of};
use crate::flow::{
    Blank, Block, Cell, Padding, Para, RegionKind, Row, RuleBlock, Run, Table, TableKind, VAlign,
};
use vanban_model::format::{self, BlankKind, Piece};
use vanban_model::{DocType, Secrecy, Urgency};

/// Column widths and indent of the header grid: it spans the text block,
/// reaching one cell padding into each margin so that its text is flush
/// with the margins and never beyond them ([`MARGIN_TOLERANCE_MM`]); the
/// right column is [`HEADER_RIGHT_COL_MM`] wide, or wider if the national
/// name and padding need it.
pub(crate) fn header_columns(cx: &mut Ctx) -> (f32, f32, f32) {
    let indent = -CELL_PAD_X;
    let total = round_to_twips(cx.text_width() + 2.0 * CELL_PAD_X);
    let national = cx
        .sh
        .width(face(true, false), NATIONAL_NAME_SIZE, NATIONAL_NAME);
    let right = mm(HEADER_RIGHT_COL_MM).max(round_to_twips(national + 2.0 * CELL_PAD_X + 1.0));
    (indent, round_to_twips(total - right), right)
}

/// A centred rule of `len` in a container `width` wide.
pub(crate) fn centred_rule(width: f32, len: f32, height: f32) -> Block {
    let side = round_to_twips(((width - len) / 2.0).max(0.0));
    Block::Rule(RuleBlock {
        height,
        indent_left: side,
        indent_right: side,
        thickness: RULE_THICKNESS,
        keep_with_next: true,
    })
}

/// Runs from formatted pieces; blanks become `Run::Blank`s, recorded as
/// the clerk's stamp regions when `stamp` (the header's "Số:" and date
/// lines, Art. 15.2) and unnamed otherwise.
pub(crate) fn piece_runs(
    pieces: &[Piece],
    (bold, italic, size): (bool, bool, f32),
    stamp: bool,
) -> Vec<Run> {
    pieces
        .iter()
        .map(|p| match p {
            Piece::Text(t) => text(t, bold, italic, size),
            Piece::Blank(kind, n) => Run::Blank(Blank {
                spaces: *n,
                style: style_of(bold, italic),
                size,
                region: stamp.then_some(match kind {
                    BlankKind::Number => RegionKind::NumberBlank,
                    BlankKind::Day => RegionKind::DayBlank,
                    BlankKind::Month => RegionKind::MonthBlank,
                    BlankKind::Year => RegionKind::YearBlank,
                }),
            }),
        })
        .collect()
}

/// The header grid (Decree 30 App. I §II.1–§II.5.b, docs/decree30.md §6.2): a borderless
/// two-column table with two rows, names and motto in the first, the number
/// (and a công văn's V/v) and the date in the second, so "Số:" and the date
/// share a baseline however the names wrap.
pub(crate) fn header_grid(cx: &mut Ctx) -> Table {
    let doc = cx.doc;
    let (indent, left_w, right_w) = header_columns(cx);
    let left_in = left_w - 2.0 * CELL_PAD_X;
    let right_in = right_w - 2.0 * CELL_PAD_X;

    // Row 1, left: parent body (regular) and issuer (bold), upper case,
    // centred, single pitch, no space (§II.2.b); the short rule.
    let mut left1 = Vec::new();
    if let Some(parent) = doc
        .issuer
        .parent
        .as_deref()
        .filter(|p| !p.trim().is_empty())
    {
        // 13 pt, or 12 pt when that keeps a line that would wrap at 13 pt
        // on one line (both allowed, §II.2.b).
        let regular = face(false, false);
        let parent = upper(parent);
        let fits = |cx: &mut Ctx, size: f32| {
            parent
                .split('\n')
                .all(|l| cx.sh.width(regular, size, l.trim()) <= left_in)
        };
        let size = if !fits(cx, ISSUER_SIZE) && fits(cx, ISSUER_SIZE_SMALL) {
            ISSUER_SIZE_SMALL
        } else {
            ISSUER_SIZE
        };
        let lines = balanced_lines(&mut cx.sh, regular, size, &parent, left_in);
        left1.push(Block::Para(form_line(
            lines_to_runs(&lines, false, false, size),
            size,
            "issuer.parent",
        )));
    }
    let bold = face(true, false);
    let lines = balanced_lines(
        &mut cx.sh,
        bold,
        ISSUER_SIZE,
        &upper(&doc.issuer.name),
        left_in,
    );
    let name_w = widest(&mut cx.sh, bold, ISSUER_SIZE, &lines);
    left1.push(Block::Para(form_line(
        lines_to_runs(&lines, true, false, ISSUER_SIZE),
        ISSUER_SIZE,
        "issuer.name",
    )));
    left1.push(centred_rule(
        left_in,
        round_to_twips(ISSUER_RULE_RATIO * name_w),
        RULE_BLOCK_HEIGHT,
    ));

    // Row 1, right: national name, motto, rule as long as the motto (§II.1).
    let motto_w = cx.sh.width(bold, MOTTO_SIZE, MOTTO);
    let right1 = vec![
        Block::Para(form_line(
            vec![text(NATIONAL_NAME, true, false, NATIONAL_NAME_SIZE)],
            NATIONAL_NAME_SIZE,
            "issuer",
        )),
        Block::Para(form_line(
            vec![text(MOTTO, true, false, MOTTO_SIZE)],
            MOTTO_SIZE,
            "issuer",
        )),
        centred_rule(
            right_in,
            round_to_twips(MOTTO_RULE_RATIO * motto_w),
            RULE_BLOCK_HEIGHT,
        ),
    ];

    // Row 2: number (and V/v) left, date right; both first lines share the
    // date's pitch so their baselines coincide.
    let row2_pitch = line_pitch(DATE_SIZE);
    let mut number = form_line(
        piece_runs(
            &format::number_line(doc.number, &doc.symbol),
            (false, false, NUMBER_SIZE),
            true,
        ),
        NUMBER_SIZE,
        "number",
    );
    number.line_height = row2_pitch;
    number.space_before = HEADER_ROW_GAP;
    let mut left2 = vec![Block::Para(number)];
    if matches!(doc.doc_type, DocType::CongVan | DocType::ThuCong)
        && let Some(title) = doc.title.as_deref().filter(|t| !t.trim().is_empty())
    {
        let vv = format!("V/v {}", title.trim());
        let lines = balanced_lines(&mut cx.sh, face(false, false), VV_SIZE, &vv, left_in);
        let mut p = form_line(
            lines_to_runs(&lines, false, false, VV_SIZE),
            VV_SIZE,
            "title",
        );
        p.space_before = VV_SPACE_BEFORE;
        left2.push(Block::Para(p));
    }
    let right2 = if !doc.doc_type.has_place_date_line() {
        // Mẫu 1.9: a biên bản has no place/date line.
        let mut p = form_line(Vec::new(), DATE_SIZE, "date");
        p.line_height = row2_pitch;
        p.space_before = HEADER_ROW_GAP;
        vec![Block::Para(p)]
    } else {
        let pieces = format::date_line(&doc.place, &doc.date);
        let flat = format::pieces_to_string(&pieces);
        let size = if cx.sh.width(face(false, true), DATE_SIZE, &flat) <= right_in {
            DATE_SIZE
        } else {
            DATE_SIZE_SMALL
        };
        let mut p = form_line(piece_runs(&pieces, (false, true, size), true), size, "date");
        p.line_height = row2_pitch;
        p.space_before = HEADER_ROW_GAP;
        vec![Block::Para(p)]
    };

    let cell = |blocks: Vec<Block>| Cell {
        blocks,
        valign: VAlign::Top,
    };
    Table {
        columns: vec![left_w, right_w],
        indent,
        rows: vec![
            Row {
                cells: vec![cell(left1), cell(right1)],
                header: false,
                cant_split: true,
            },
            Row {
                cells: vec![cell(left2), cell(right2)],
                header: false,
                cant_split: true,
            },
        ],
        borders: false,
        border_width: 0.0,
        padding: Padding {
            top: 0.0,
            bottom: 0.0,
            left: CELL_PAD_X,
            right: CELL_PAD_X,
        },
        kind: TableKind::Header,
        merges: Vec::new(),
        path: "issuer".into(),
    }
}

/// Decree 30 App. I §III.2.a: secrecy levels (box 10a).
pub fn secrecy_text(s: Secrecy) -> &'static str {
    match s {
        Secrecy::Mat => "MẬT",
        Secrecy::ToiMat => "TỐI MẬT",
        Secrecy::TuyetMat => "TUYỆT MẬT",
    }
}

/// Decree 30 App. I §III.2.b: urgency levels (box 10b).
pub fn urgency_text(u: Urgency) -> &'static str {
    match u {
        Urgency::Khan => "KHẨN",
        Urgency::ThuongKhan => "THƯỢNG KHẨN",
        Urgency::HoaToc => "HỎA TỐC",
    }
}

fn mark(s: &str, path: &str) -> Para {
    form_line(
        vec![text(&upper(s), true, false, MARK_SIZE)],
        MARK_SIZE,
        path,
    )
}

/// Box 11 (circulation, App. I §III.2.c): above box 1, centred over the
/// header grid's right column, 13 pt bold upper case.
pub(crate) fn marks_above(cx: &mut Ctx, out: &mut Vec<Block>) {
    let Some(c) = cx
        .doc
        .circulation
        .as_deref()
        .filter(|c| !c.trim().is_empty())
    else {
        return;
    };
    let (indent, left_w, right_w) = header_columns(cx);
    let mut p = mark(c, "circulation");
    p.indent_left = round_to_twips(indent + left_w + CELL_PAD_X);
    p.indent_right = round_to_twips(cx.text_width() - (indent + left_w + right_w) + CELL_PAD_X);
    p.keep_with_next = true;
    out.push(Block::Para(p));
}

/// Boxes 10a and 10b (App. I §III.2.a–b): flush left under the header grid
/// (under box 5b), 13 pt bold upper case, secrecy first.
pub(crate) fn marks_below(cx: &mut Ctx, out: &mut Vec<Block>) {
    let mut first = true;
    let mut push = |s: &str, path: &str| {
        let mut p = mark(s, path);
        p.align = crate::flow::Align::Left;
        p.space_before = if first { HEADER_ROW_GAP } else { 0.0 };
        p.keep_with_next = true;
        first = false;
        out.push(Block::Para(p));
    };
    if let Some(s) = cx.doc.secrecy {
        push(secrecy_text(s), "secrecy");
    }
    if let Some(u) = cx.doc.urgency {
        push(urgency_text(u), "urgency");
    }
}
