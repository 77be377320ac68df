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
    /// The rules inside the row, relative to its top: the vertical ones
    /// (none inside a merged cell) and, when the row stands for several
    /// rows joined by a vertical merge, the horizontal ones between them
    /// (none through a merged cell). The top and bottom edges are drawn by
    /// [`emit_row`].
    pub rules: Vec<PlacedLine>,
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
    let ncols = t.columns.len();
    // Each row's cells on their own: a merged cell is laid out in its
    // top-left cell, as wide as its columns; the cells it covers are empty.
    // A cell spanning rows does not set its first row's height.
    let mut raw: Vec<(Vec<CellLayout>, f32)> = Vec::with_capacity(t.rows.len());
    for (ri, row) in t.rows.iter().enumerate() {
        let mut cells = Vec::with_capacity(ncols);
        let mut content = 0.0f32;
        for ci in 0..ncols {
            let merge = t.merge_at(ri, ci);
            let cols = merge.map_or(1, |m| m.cols.max(1));
            let (Some(&xl), Some(&xr)) = (geom.xs.get(ci), geom.xs.get((ci + cols).min(ncols)))
            else {
                continue;
            };
            let cw = len(xr - xl - pad.left - pad.right);
            let (stack, valign) = match row.cells.get(ci) {
                Some(c) => {
                    let stack = layout_stack(&c.blocks, xl + pad.left, cw, true, notes, ctx);
                    // A covered cell is laid out all the same (its blocks
                    // keep their reading-order numbers) and not drawn.
                    if t.covered_by(ri, ci).is_some() {
                        (Stack::default(), VAlign::Top)
                    } else {
                        (stack, c.valign)
                    }
                }
                None => (Stack::default(), VAlign::Top),
            };
            if merge.is_none_or(|m| m.rows <= 1) {
                content = content.max(stack.h);
            }
            cells.push(CellLayout { stack, valign });
        }
        raw.push((cells, content));
    }
    // A cell spanning rows taller than those rows makes the last one taller.
    let row_pad = pad.top + pad.bottom;
    for m in t.merges.iter().filter(|m| m.rows > 1) {
        let end = (m.row + m.rows).min(raw.len());
        let need = raw
            .get(m.row)
            .and_then(|(c, _)| c.get(m.col))
            .map_or(0.0, |c| c.stack.h);
        let have: f32 = raw[m.row.min(end)..end]
            .iter()
            .map(|(_, h)| h + row_pad)
            .sum::<f32>()
            - row_pad;
        if need > have
            && let Some(last) = raw.get_mut(end.wrapping_sub(1))
        {
            last.1 += need - have;
        }
    }
    // Rows joined by a cell spanning them become one row (kept together).
    let mut rows = Vec::with_capacity(t.rows.len());
    let mut start = 0;
    while start < raw.len() {
        let mut end = start + 1;
        let mut k = start;
        while k < end {
            for m in t.merges.iter().filter(|m| m.row == k) {
                end = end.max((m.row + m.rows).min(raw.len()));
            }
            k += 1;
        }
        rows.push(join_rows(t, &geom, &mut raw, start, end));
        start = end;
    }
    (geom, rows)
}

/// The rows `start..end` of a table as one [`RowLayout`]: each sub-row's
/// cells placed at its offset (merged cells over their whole area, centred
/// cells centred there), the rules between cells that are not merged.
fn join_rows(
    t: &Table,
    g: &TableGeom,
    raw: &mut [(Vec<CellLayout>, f32)],
    start: usize,
    end: usize,
) -> RowLayout {
    let pad = &g.pad;
    let row_pad = pad.top + pad.bottom;
    let ncols = g.xs.len().saturating_sub(1);
    let heights: Vec<f32> = raw[start..end].iter().map(|(_, h)| h + row_pad).collect();
    let mut tops = Vec::with_capacity(heights.len());
    let mut y = 0.0f32;
    for h in &heights {
        tops.push(y);
        y += h;
    }
    let total = y;
    let spans = |r: usize, c: usize, r2: usize, c2: usize| {
        // Whether one merge covers both (r, c) and (r2, c2).
        t.merges.iter().any(|m| {
            let inside = |r: usize, c: usize| {
                (m.row..m.row + m.rows).contains(&r) && (m.col..m.col + m.cols).contains(&c)
            };
            inside(r, c) && inside(r2, c2)
        })
    };
    let mut rules = Vec::new();
    if g.borders {
        for (i, r) in (start..end).enumerate() {
            for (k, &x) in g.xs.iter().enumerate() {
                if k > 0 && k < ncols && spans(r, k - 1, r, k) {
                    continue;
                }
                rules.push(PlacedLine {
                    x1: x,
                    y1: tops[i],
                    x2: x,
                    y2: tops[i] + heights[i],
                    thickness: g.border_width,
                });
            }
            if r + 1 < end {
                let yb = tops[i] + heights[i];
                for c in 0..ncols {
                    if spans(r, c, r + 1, c) {
                        continue;
                    }
                    rules.push(PlacedLine {
                        x1: g.xs[c],
                        y1: yb,
                        x2: g.xs[c + 1],
                        y2: yb,
                        thickness: g.border_width,
                    });
                }
            }
        }
    }
    let header = t.rows.get(start).is_some_and(|r| r.header);
    let cant_split = t.rows[start..end].iter().any(|r| r.cant_split);
    if end - start == 1 {
        let (cells, content) = std::mem::take(&mut raw[start]);
        return RowLayout {
            cells,
            header,
            cant_split,
            content,
            rules,
        };
    }
    let mut cells: Vec<CellLayout> = (0..ncols)
        .map(|_| CellLayout {
            stack: Stack::default(),
            valign: VAlign::Top,
        })
        .collect();
    for (i, r) in (start..end).enumerate() {
        let (row_cells, content) = std::mem::take(&mut raw[r]);
        for (ci, cell) in row_cells.into_iter().enumerate() {
            if cell.stack.atoms.is_empty() {
                continue;
            }
            let area = match t.merge_at(r, ci) {
                Some(m) if m.rows > 1 => {
                    let last = (i + m.rows).min(heights.len());
                    heights[i..last].iter().sum::<f32>() - row_pad
                }
                _ => content,
            };
            let off = match cell.valign {
                VAlign::Top => 0.0,
                VAlign::Center => ((area - cell.stack.h) / 2.0).max(0.0),
            };
            let Some(dst) = cells.get_mut(ci) else {
                continue;
            };
            for (y, a) in cell.stack.atoms {
                let y = tops[i] + off + y;
                dst.stack.h = dst.stack.h.max(y + a.frame.h);
                dst.stack.atoms.push((y, a));
            }
        }
    }
    for c in &mut cells {
        c.stack.atoms.sort_by(|a, b| a.0.total_cmp(&b.0));
    }
    RowLayout {
        cells,
        header,
        cant_split,
        content: total - row_pad,
        rules,
    }
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
        for r in row.rules {
            frame.items.push(Item::Line(PlacedLine {
                y2: r.y2.min(h),
                ..r
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
    // A split row keeps its vertical rules from top to bottom on both
    // pages (those between joined rows are dropped: a row joined by a
    // vertical merge is split only when taller than a page).
    let mut xs: Vec<f32> = row
        .rules
        .iter()
        .filter(|r| r.x1 == r.x2)
        .map(|r| r.x1)
        .collect();
    xs.sort_by(f32::total_cmp);
    xs.dedup();
    let thickness = row.rules.first().map_or(0.0, |r| r.thickness);
    row.rules = xs
        .iter()
        .map(|&x| PlacedLine {
            x1: x,
            y1: 0.0,
            x2: x,
            y2: f32::INFINITY,
            thickness,
        })
        .collect();
    let mut rest = RowLayout {
        cells: Vec::with_capacity(row.cells.len()),
        header: row.header,
        cant_split: row.cant_split,
        content: 0.0,
        rules: row.rules.clone(),
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
