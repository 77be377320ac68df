//! Tables: fixed columns, cells stacked from their blocks, rows that may be
//! split between the lines of their cells, borders drawn per row.

use super::blocks::{Stack, layout_stack};
use super::frame::{Atom, Frame};
use super::para::NoteArea;
use super::{Ctx, EPSILON, len, signed};
use crate::flow::{Padding, Table, VAlign};
use crate::pages::{Item, PlacedLine};

/// Horizontal geometry and border style of a table.
#[derive(Debug, Clone)]
pub(crate) struct TableGeom {
    /// Column edges, left to right (columns + 1 values).
    pub xs: Vec<f32>,
    /// Ruled.
    pub borders: bool,
    /// Border stroke width.
    pub border_width: f32,
    /// Cell padding.
    pub pad: Padding,
}

/// One laid-out cell.
#[derive(Debug, Clone)]
pub(crate) struct CellLayout {
    /// Content, y from the top of the content box.
    pub stack: Stack,
    /// Vertical alignment.
    pub valign: VAlign,
}

/// One laid-out row (or the part of a row left after a split).
#[derive(Debug, Clone)]
pub(crate) struct RowLayout {
    /// Cells, one per column.
    pub cells: Vec<CellLayout>,
    /// Header row.
    pub header: bool,
    /// Must not break across pages.
    pub cant_split: bool,
    /// Content height (tallest cell), padding excluded.
    pub content: f32,
}

impl RowLayout {
    /// The row's height, padding included.
    pub fn height(&self, pad: &Padding) -> f32 {
        self.content + pad.top + pad.bottom
    }

    /// The smallest piece a split can leave on a page: padding plus the
    /// shortest first line among the cells that have content.
    pub fn min_piece(&self, pad: &Padding) -> f32 {
        let first = self
            .cells
            .iter()
            .filter_map(|c| c.stack.atoms.first().map(|(y, a)| y + a.frame.h))
            .fold(f32::INFINITY, f32::min);
        if first.is_finite() {
            first + pad.top + pad.bottom
        } else {
            self.height(pad)
        }
    }

    /// Whether no cell has content left.
    pub fn is_empty(&self) -> bool {
        self.cells.iter().all(|c| c.stack.atoms.is_empty())
    }
}

/// Lays out a table whose container's left edge is `x0`.
pub(crate) fn layout_table<'a>(
    t: &'a Table,
    x0: f32,
    notes: Option<NoteArea>,
    ctx: &mut Ctx<'a>,
) -> (TableGeom, Vec<RowLayout>) {
    // A ruled row is as high as its content and padding plus one rule: Word
    // and LibreOffice draw the rule between two rows inside the row above it
    // (measured: every row of the fixtures' tables is 0.5 pt, the rule's
    // width, taller in LibreOffice's rendering than content plus padding).
    let rule = if t.borders { len(t.border_width) } else { 0.0 };
    let pad = Padding {
        top: len(t.padding.top),
        bottom: len(t.padding.bottom + rule),
        left: len(t.padding.left),
        right: len(t.padding.right),
    };
    let mut xs = Vec::with_capacity(t.columns.len() + 1);
    let mut x = x0 + signed(t.indent);
    xs.push(x);
    for c in &t.columns {
        x += len(*c);
        xs.push(x);
    }
    let geom = TableGeom {
        xs,
        borders: t.borders,
        border_width: len(t.border_width),
        pad,
    };
    let mut rows = Vec::with_capacity(t.rows.len());
    for row in &t.rows {
        let mut cells = Vec::with_capacity(t.columns.len());
        let mut content = 0.0f32;
        for (k, w) in geom.xs.windows(2).enumerate() {
            let cw = len(w[1] - w[0] - pad.left - pad.right);
            let (stack, valign) = match row.cells.get(k) {
                Some(c) => (
                    layout_stack(&c.blocks, w[0] + pad.left, cw, true, notes, ctx),
                    c.valign,
                ),
                None => (Stack::default(), VAlign::Top),
            };
            content = content.max(stack.h);
            cells.push(CellLayout { stack, valign });
        }
        rows.push(RowLayout {
            cells,
            header: row.header,
            cant_split: row.cant_split,
            content,
        });
    }
    (geom, rows)
}

/// Turns a row into an atom: cell contents placed (centred cells centred),
/// borders drawn when ruled (the top edge only with `top`, since the
/// previous row's bottom edge is the same line). Footnotes of the cells are
/// gathered in order.
pub(crate) fn emit_row(row: RowLayout, g: &TableGeom, top: bool) -> Atom {
    let h = row.height(&g.pad);
    let mut frame = Frame {
        h,
        ..Frame::default()
    };
    let mut notes = Vec::new();
    for cell in row.cells {
        let off = match cell.valign {
            VAlign::Top => 0.0,
            VAlign::Center => ((row.content - cell.stack.h) / 2.0).max(0.0),
        };
        for (y, atom) in cell.stack.atoms {
            notes.extend(atom.notes);
            atom.frame.merge_into(&mut frame, g.pad.top + off + y);
        }
    }
    if g.borders
        && let (Some(&l), Some(&r)) = (g.xs.first(), g.xs.last())
    {
        let t = g.border_width;
        let mut hline = |y: f32| {
            frame.items.push(Item::Line(PlacedLine {
                x1: l,
                y1: y,
                x2: r,
                y2: y,
                thickness: t,
            }))
        };
        if top {
            hline(0.0);
        }
        hline(h);
        for &x in &g.xs {
            frame.items.push(Item::Line(PlacedLine {
                x1: x,
                y1: 0.0,
                x2: x,
                y2: h,
                thickness: t,
            }));
        }
    }
    Atom {
        need: h,
        need_notes: 0.0,
        frame,
        notes,
    }
}

/// Splits a row so that its first part is at most `avail` high (padding
/// included): each cell keeps the lines that fit, the rest continues in the
/// second part (top-aligned, from its first remaining line). With `force`,
/// every cell keeps at least its first line. An error when nothing fits (and
/// not forced): the row comes back unchanged. When every line fits, the
/// second part is empty.
pub(crate) fn split_row(
    mut row: RowLayout,
    avail: f32,
    pad: &Padding,
    force: bool,
) -> Result<(RowLayout, RowLayout), RowLayout> {
    let room = avail - pad.top - pad.bottom;
    let mut any = false;
    let mut cuts = Vec::with_capacity(row.cells.len());
    for c in &row.cells {
        let mut k = c
            .stack
            .atoms
            .iter()
            .take_while(|(y, a)| y + a.frame.h <= room + EPSILON)
            .count();
        if force && k == 0 && !c.stack.atoms.is_empty() {
            k = 1;
        }
        if k > 0 {
            any = true;
        }
        cuts.push(k);
    }
    if !any {
        return Err(row);
    }
    let mut rest = RowLayout {
        cells: Vec::with_capacity(row.cells.len()),
        header: row.header,
        cant_split: row.cant_split,
        content: 0.0,
    };
    let mut head_content = 0.0f32;
    for (c, k) in row.cells.iter_mut().zip(cuts) {
        let tail = c.stack.atoms.split_off(k);
        let shift = tail.first().map_or(0.0, |(y, _)| *y);
        let tail: Vec<(f32, Atom)> = tail.into_iter().map(|(y, a)| (y - shift, a)).collect();
        let th = tail.last().map_or(0.0, |(y, a)| y + a.frame.h);
        let hh = c.stack.atoms.last().map_or(0.0, |(y, a)| y + a.frame.h);
        c.stack.h = hh;
        c.valign = VAlign::Top;
        head_content = head_content.max(hh);
        rest.content = rest.content.max(th);
        rest.cells.push(CellLayout {
            stack: Stack { atoms: tail, h: th },
            valign: VAlign::Top,
        });
    }
    row.content = head_content;
    Ok((row, rest))
}
