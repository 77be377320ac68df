//! Distribution: a section's blocks become children with a `need`, and the
//! children are poured into pages (Typst's `collect` + `distribute` +
//! `compose`, single pass).
//!
//! - **Needs** (Typst's `Collector::lines`): with widow/orphan control the
//!   first line needs room for the first two lines, the second-to-last for
//!   the last two, a three-line paragraph's first line for all three;
//!   `keep_lines` makes the first line need the whole paragraph;
//!   `keep_with_next` adds the spacing and the next block's first need to
//!   the block's last need, chaining backwards through several blocks. A
//!   need taller than an empty page is cut back to the child's own height,
//!   so a chain that can never fit is broken instead of looping.
//! - **Spacing**: the space after a paragraph and the space before the next
//!   are both added. At the top of a page the space after is dropped and the
//!   space before only when [`SPACE_BEFORE_AT_PAGE_TOP`] (off: Word drops both).
//! - **Progress**: on an empty page every child is placed, fitting or not
//!   (rows are split between lines), so pagination always ends.
//! - **Footnotes**: a line and the start of the notes it references go on
//!   one page (LibreOffice's rule: every note of the line but the last
//!   whole, the first line of the last); what does not fit continues at the
//!   foot of the next pages, before any new note. The separator is reserved
//!   once per page. Lines bound to a line (widows, orphans, keeps) bring the
//!   starts of their notes into its need.

use super::blocks::{Stack, layout_stack};
use super::frame::{Atom, Note, Spaced};
use super::para::NoteArea;
use super::table::{RowLayout, TableGeom, emit_row, layout_table, split_row};
use super::{Ctx, EPSILON, LayoutError, SPACE_BEFORE_AT_PAGE_TOP, baseline, fits, len};
use crate::flow::{Block, Flow, FootnoteStyle, PageNumberStyle, Role, Section};
use crate::fonts::FontId;
use crate::pages::{Glyph, Item, Page, Pages, PlacedLine, PlacedText};
use std::collections::VecDeque;

/// The share of a page's body that continued footnote lines may take
/// before the body's content (the rest continues on the next page).
const CONTINUATION_SHARE: f32 = 0.5;

/// Most pages typeset for one document (all sections). Far beyond any real
/// document (16 MiB of plain text is about 5,000 pages); it stops input
/// that would otherwise run away (ten thousand page breaks, say) with a clear
/// error instead of gigabytes of output.
pub(crate) const MAX_PAGES: usize = 10_000;

fn too_many_pages() -> LayoutError {
    LayoutError::Unplaceable {
        path: "(document)".to_string(),
        message: format!(
            "the document runs past {MAX_PAGES} pages, the most vanban typesets; split it into several documents"
        ),
    }
}

/// Sanitised page geometry.
#[derive(Debug, Clone, Copy)]
struct Geom {
    width: f32,
    height: f32,
    top: f32,
    bottom: f32,
    left: f32,
    text_width: f32,
    text_height: f32,
    header_distance: f32,
}

fn geometry(p: &crate::flow::PageGeometry) -> Result<Geom, LayoutError> {
    let bad = |message: String| Err(LayoutError::Geometry { message });
    if !(p.width.is_finite() && p.width > 0.0 && p.height.is_finite() && p.height > 0.0) {
        return bad(format!(
            "page size {} × {} pt is not a positive size",
            p.width, p.height
        ));
    }
    let (top, bottom, left, right) = (
        len(p.margin_top),
        len(p.margin_bottom),
        len(p.margin_left),
        len(p.margin_right),
    );
    let text_width = p.width - left - right;
    let text_height = p.height - top - bottom;
    if text_width <= EPSILON || text_height <= EPSILON {
        return bad(format!(
            "margins {top}/{bottom}/{left}/{right} pt leave no text block on a {} × {} pt page",
            p.width, p.height
        ));
    }
    Ok(Geom {
        width: p.width,
        height: p.height,
        top,
        bottom,
        left,
        text_width,
        text_height,
        header_distance: len(p.header_distance),
    })
}

/// Typesets the whole flow.
pub(crate) fn run<'a>(flow: &'a Flow, ctx: &mut Ctx<'a>) -> Result<Pages, LayoutError> {
    let doc_g = geometry(&flow.page)?;
    let fs = FootnoteStyle {
        separator_length: len(flow.footnotes.separator_length),
        separator_thickness: len(flow.footnotes.separator_thickness),
        separator_height: len(flow.footnotes.separator_height),
        gap_above: len(flow.footnotes.gap_above),
    };
    let pn = PageNumberStyle {
        size: len(flow.page_numbers.size),
        line_height: len(flow.page_numbers.line_height),
    };
    let mut d = Dist::new(doc_g, fs, pn);
    for (si, sec) in flow.sections.iter().enumerate() {
        // A section may have its own page (a landscape appendix).
        let g = match &sec.page {
            Some(p) => geometry(p)?,
            None => doc_g,
        };
        d.g = g;
        d.fresh_cap = g.text_height;
        d.size =
            ((g.width, g.height) != (doc_g.width, doc_g.height)).then_some((g.width, g.height));
        let area = NoteArea {
            x: g.left,
            w: g.text_width,
        };
        let (children, tables) = collect(sec, g, area, ctx);
        let footer = if sec.first_page_footer.is_empty() {
            None
        } else {
            Some(layout_stack(
                &sec.first_page_footer,
                g.left,
                g.text_width,
                false,
                None,
                ctx,
            ))
        };
        d.start_section(si, sec.page_numbers, footer);
        d.page.regions.extend_from_slice(&sec.first_page_regions);
        for c in children {
            d.child(c, &tables, ctx);
            if d.pages.len() > MAX_PAGES {
                return Err(too_many_pages());
            }
        }
        d.end_section(ctx);
        if d.pages.len() > MAX_PAGES {
            return Err(too_many_pages());
        }
    }
    if d.pages.is_empty() {
        d.pages.push(Page::default());
    }
    Ok(Pages {
        width: doc_g.width,
        height: doc_g.height,
        pages: d.pages,
        info: flow.info.clone(),
        pins: std::mem::take(&mut ctx.pins),
    })
}

/// A child of the flow.
#[derive(Debug)]
enum Child {
    /// Spacing between blocks: a paragraph's space before (`before`) or after.
    Space { amount: f32, before: bool },
    /// A line, rule or spacer.
    Atom(Atom),
    /// A table row.
    Row {
        table: usize,
        row: RowLayout,
        need: f32,
    },
    /// A forced page break.
    Break,
}

/// What the distributor keeps of each table: its geometry and the header
/// rows it repeats.
#[derive(Debug)]
struct TableInfo {
    geom: TableGeom,
    headers: Vec<RowLayout>,
}

/// A block laid out, before needs are known.
enum Laid {
    Para {
        atoms: Vec<Atom>,
        before: f32,
        after: f32,
        keep_next: bool,
        widow: bool,
        keep_lines: bool,
    },
    Single {
        atom: Atom,
        keep_next: bool,
    },
    Table {
        index: usize,
        rows: Vec<RowLayout>,
        needs: Vec<f32>,
    },
    Break,
}

/// Lays out a section's blocks and computes every child's need.
fn collect<'a>(
    sec: &'a Section,
    g: Geom,
    area: NoteArea,
    ctx: &mut Ctx<'a>,
) -> (Vec<Child>, Vec<TableInfo>) {
    let mut laid = Vec::with_capacity(sec.blocks.len());
    let mut tables = Vec::new();
    for b in &sec.blocks {
        match b {
            Block::Para(p) => laid.push(Laid::Para {
                atoms: super::para::layout_para(p, g.left, g.text_width, Some(area), ctx),
                before: len(p.space_before),
                after: len(p.space_after),
                keep_next: p.keep_with_next,
                widow: p.widow_control,
                keep_lines: p.keep_lines,
            }),
            Block::Table(t) => {
                let (geom, rows) = layout_table(t, g.left, Some(area), ctx);
                if rows.is_empty() {
                    continue;
                }
                let heads = rows.iter().take_while(|r| r.header).count();
                let headers = if heads < rows.len() {
                    rows[..heads].to_vec()
                } else {
                    Vec::new()
                };
                let pad = geom.pad;
                let own: Vec<f32> = rows
                    .iter()
                    .map(|r| {
                        if r.cant_split {
                            r.height(&pad)
                        } else {
                            r.min_piece(&pad)
                        }
                    })
                    .collect();
                let mut needs = own.clone();
                let mut acc = own.get(heads).copied().unwrap_or(0.0);
                for k in (0..heads).rev() {
                    acc += rows[k].height(&pad);
                    needs[k] = acc;
                }
                tables.push(TableInfo { geom, headers });
                laid.push(Laid::Table {
                    index: tables.len() - 1,
                    rows,
                    needs,
                });
            }
            Block::Rule(r) => laid.push(Laid::Single {
                atom: Atom::new(super::blocks::rule_frame(r, g.left, g.text_width)),
                keep_next: r.keep_with_next,
            }),
            Block::Spacer(s) => laid.push(Laid::Single {
                atom: Atom::new(super::blocks::spacer_frame(s, g.left, g.text_width)),
                keep_next: false,
            }),
            Block::PageBreak => laid.push(Laid::Break),
        }
    }
    // Needs, backwards: (first need, space before, notes bound to the
    // first need) of the following block.
    let mut next: Option<(f32, f32, f32)> = None;
    for b in laid.iter_mut().rev() {
        match b {
            Laid::Break => next = None,
            Laid::Para {
                atoms,
                before,
                after,
                keep_next,
                widow,
                keep_lines,
            } => {
                let tail = match (*keep_next, next) {
                    (true, Some((need, sb, notes))) => Some((*after + sb + need, notes)),
                    _ => None,
                };
                para_needs(atoms, *widow, *keep_lines, tail, g.text_height);
                next = atoms.first().map(|a| (a.need, *before, first_notes(a)));
            }
            Laid::Single { atom, keep_next } => {
                if *keep_next && let Some((need, sb, notes)) = next {
                    atom.need = atom.frame.h + sb + need;
                    atom.need_notes = notes;
                }
                next = Some((atom.need, 0.0, first_notes(atom)));
            }
            Laid::Table { needs, .. } => next = needs.first().map(|&n| (n, 0.0, 0.0)),
        }
    }
    let mut children = Vec::with_capacity(laid.len() * 2);
    let space = |children: &mut Vec<Child>, amount: f32, before: bool| {
        if amount > 0.0 {
            children.push(Child::Space { amount, before });
        }
    };
    for b in laid {
        match b {
            Laid::Para {
                atoms,
                before,
                after,
                ..
            } => {
                space(&mut children, before, true);
                children.extend(atoms.into_iter().map(Child::Atom));
                space(&mut children, after, false);
            }
            Laid::Single { atom, .. } => children.push(Child::Atom(atom)),
            Laid::Table { index, rows, needs } => {
                for (row, need) in rows.into_iter().zip(needs) {
                    children.push(Child::Row {
                        table: index,
                        row,
                        need,
                    });
                }
            }
            Laid::Break => children.push(Child::Break),
        }
    }
    (children, tables)
}

/// The notes an atom brings along when it is placed: its own entries and
/// those of the lines its need binds to it.
fn first_notes(a: &Atom) -> f32 {
    note_start(a) + a.need_notes
}

/// What of an atom's notes must share its page: every note but the last
/// whole and the first line of the last (LibreOffice continues the rest of
/// a note on the next page).
fn note_start(a: &Atom) -> f32 {
    let Some((last, whole)) = a.notes.split_last() else {
        return 0.0;
    };
    whole.iter().map(Note::height).sum::<f32>()
        + last.lines.first().map_or(0.0, |l| l.gap + l.frame.h)
}

/// Sets the needs of a paragraph's lines, as LibreOffice breaks a DOCX
/// paragraph (measured with tools/parity.py, docs/parity.md):
///
/// - widow/orphan control (w:widowControl, two lines at either end): the
///   first line needs the first two lines (all of a paragraph of two or
///   three), the second-to-last the last two;
/// - keep lines together (w:keepLines): the first line needs all lines;
/// - keep with next (w:keepNext, `tail` = what must follow the last line:
///   the spacing and the next block's first need, with the notes it binds):
///   the whole paragraph moves with the next block, as if its lines were
///   kept together, unless the paragraph and the tail are taller than a
///   page (`page`), when only its last line is kept with the next block;
/// - the footnote entries of every line a need binds count in that need
///   (`need_notes`), so a line does not stay behind when the note of a line
///   bound to it does not fit (LibreOffice moves both).
fn para_needs(
    atoms: &mut [Atom],
    widow: bool,
    keep_lines: bool,
    tail: Option<(f32, f32)>,
    page: f32,
) {
    let n = atoms.len();
    if n == 0 {
        return;
    }
    let h: Vec<f32> = atoms.iter().map(|a| a.frame.h).collect();
    let notes: Vec<f32> = atoms.iter().map(note_start).collect();
    for (a, &hh) in atoms.iter_mut().zip(&h) {
        a.need = hh;
        a.need_notes = 0.0;
    }
    let (tail_h, tail_notes) = tail.unwrap_or((0.0, 0.0));
    atoms[n - 1].need = h[n - 1] + tail_h;
    atoms[n - 1].need_notes = tail_notes;
    let last = atoms[n - 1].need;
    let whole = h.iter().sum::<f32>() + tail_h;
    let fits_page = fits(whole + notes.iter().sum::<f32>() + tail_notes, page);
    if keep_lines || (tail.is_some() && n > 1 && fits_page) {
        atoms[0].need = h[..n - 1].iter().sum::<f32>() + last;
        atoms[0].need_notes = notes[1..].iter().sum::<f32>() + tail_notes;
    } else if widow && n >= 2 {
        match n {
            2 | 3 => {
                atoms[0].need = h[..n - 1].iter().sum::<f32>() + last;
                atoms[0].need_notes = notes[1..].iter().sum::<f32>() + tail_notes;
            }
            _ => {
                atoms[0].need = h[0] + h[1];
                atoms[0].need_notes = notes[1];
                atoms[n - 2].need = h[n - 2] + last;
                atoms[n - 2].need_notes = notes[n - 1] + tail_notes;
            }
        }
    }
}

/// The page filler.
struct Dist {
    g: Geom,
    fs: FootnoteStyle,
    pn: PageNumberStyle,
    pages: Vec<Page>,
    page: Page,
    /// The body's cursor.
    y: f32,
    /// Bottom of the body and footnote area (above a first-page footer).
    body_bottom: f32,
    /// Note lines at this page's foot.
    foot: Vec<Spaced>,
    /// Their height (gaps included).
    foot_h: f32,
    /// Note lines continued onto the next page.
    carry: VecDeque<Spaced>,
    pending_after: f32,
    pending_before: f32,
    /// Nothing but repeated headers on the page so far.
    empty: bool,
    /// The table whose row was placed last on this page.
    cur_table: Option<usize>,
    section: usize,
    page_in_section: u32,
    numbers: bool,
    footer: Option<Stack>,
    /// The body height of a page without footer.
    fresh_cap: f32,
    /// The current section's page size when it is not the document's.
    size: Option<(f32, f32)>,
}

impl Dist {
    fn new(g: Geom, fs: FootnoteStyle, pn: PageNumberStyle) -> Self {
        Dist {
            g,
            fs,
            pn,
            pages: Vec::new(),
            page: Page::default(),
            y: g.top,
            body_bottom: g.height - g.bottom,
            foot: Vec::new(),
            foot_h: 0.0,
            carry: VecDeque::new(),
            pending_after: 0.0,
            pending_before: 0.0,
            empty: true,
            cur_table: None,
            section: 0,
            page_in_section: 0,
            numbers: false,
            footer: None,
            fresh_cap: g.text_height,
            size: None,
        }
    }

    fn start_section(&mut self, section: usize, numbers: bool, footer: Option<Stack>) {
        self.section = section;
        self.numbers = numbers;
        self.footer = footer;
        self.page_in_section = 0;
        self.pending_after = 0.0;
        self.pending_before = 0.0;
        self.new_page(false);
    }

    fn end_section(&mut self, ctx: &mut Ctx<'_>) {
        while !self.carry.is_empty() {
            self.finish_page(ctx);
            self.new_page(true);
        }
        self.finish_page(ctx);
    }

    /// Opens a page (the section's first when none was opened yet) and sets
    /// continued note lines at its foot. `all` lets them take the whole body.
    fn new_page(&mut self, all: bool) {
        self.page_in_section = self.page_in_section.saturating_add(1);
        self.page = Page {
            section: self.section,
            size: self.size,
            ..Page::default()
        };
        let footer_h = match (&self.footer, self.page_in_section) {
            (Some(f), 1) => f.h,
            _ => 0.0,
        };
        self.y = self.g.top;
        self.body_bottom = (self.g.height - self.g.bottom - footer_h).max(self.g.top);
        self.foot.clear();
        self.foot_h = 0.0;
        self.empty = true;
        self.cur_table = None;
        self.pending_after = 0.0;
        if !SPACE_BEFORE_AT_PAGE_TOP {
            self.pending_before = 0.0;
        }
        let cap = self.body_bottom - self.y;
        let limit = if all { cap } else { cap * CONTINUATION_SHARE };
        let mut first = true;
        while let Some(l) = self.carry.front() {
            let add = l.gap + l.frame.h;
            if !first
                && !fits(
                    self.fs.gap_above + self.fs.separator_height + self.foot_h + add,
                    limit,
                )
            {
                break;
            }
            first = false;
            if let Some(l) = self.carry.pop_front() {
                self.foot_h += add;
                self.foot.push(l);
            }
        }
    }

    /// Closes the page: footnote area, first-page footer, page number.
    fn finish_page(&mut self, ctx: &mut Ctx<'_>) {
        let mut page = std::mem::take(&mut self.page);
        if !self.foot.is_empty() {
            let sep = self.fs.separator_height;
            let top = self.body_bottom - sep - self.foot_h;
            let ry = top + sep / 2.0;
            page.items.push(Item::Line(PlacedLine {
                x1: self.g.left,
                y1: ry,
                x2: self.g.left + self.fs.separator_length,
                y2: ry,
                thickness: self.fs.separator_thickness,
            }));
            let mut y = top + sep;
            for l in self.foot.drain(..) {
                y += l.gap;
                let h = l.frame.h;
                l.frame.place(&mut page, y);
                y += h;
            }
            self.foot_h = 0.0;
        }
        if self.page_in_section == 1
            && let Some(f) = self.footer.take()
        {
            let top = self.g.height - self.g.bottom - f.h;
            for (y, a) in f.atoms {
                a.frame.place(&mut page, top + y);
            }
        }
        if self.numbers && self.page_in_section >= 2 {
            let n = self.page_in_section;
            page.number = Some(n);
            page.items.push(Item::Text(self.page_number(n, ctx)));
        }
        self.pages.push(page);
    }

    /// The page number, centred over the text block on the header line.
    fn page_number(&self, n: u32, ctx: &mut Ctx<'_>) -> PlacedText {
        let font = FontId::Regular;
        let size = self.pn.size;
        let text = n.to_string();
        let sh = ctx.shape_owned(font, &text);
        let scale = ctx.scale(font, size);
        let glyphs: Vec<Glyph> = sh
            .glyphs
            .iter()
            .enumerate()
            .map(|(i, gl)| {
                let start = (gl.cluster as usize).min(text.len());
                let end = sh
                    .glyphs
                    .get(i + 1)
                    .map_or(text.len(), |nx| (nx.cluster as usize).min(text.len()))
                    .max(start);
                Glyph {
                    id: gl.id,
                    x_advance: gl.advance as f32 * scale,
                    x_offset: gl.x_offset as f32 * scale,
                    y_offset: gl.y_offset as f32 * scale,
                    range: start..end,
                }
            })
            .collect();
        let w = sh.advance as f32 * scale;
        PlacedText {
            x: self.g.left + (self.g.text_width - w) / 2.0,
            y: self.g.header_distance + baseline(self.pn.line_height, ctx.descent(font, size)),
            font,
            size,
            text,
            glyphs,
            role: Role::Form,
            block: u32::MAX,
            artifact: true,
        }
    }

    fn break_page(&mut self, ctx: &mut Ctx<'_>) {
        self.finish_page(ctx);
        self.new_page(false);
    }

    fn pending(&self) -> f32 {
        self.pending_after + self.pending_before
    }

    /// Height of the footnote area as it stands.
    fn reserve(&self) -> f32 {
        if self.foot.is_empty() {
            0.0
        } else {
            self.fs.gap_above + self.fs.separator_height + self.foot_h
        }
    }

    /// Room left for the body.
    fn remaining(&self) -> f32 {
        self.body_bottom - self.y - self.reserve()
    }

    /// What the first note on the page adds to the footnote area: the gap
    /// above the separator and the separator line (0 once a note is there).
    fn separator_extra(&self) -> f32 {
        if self.foot.is_empty() {
            self.fs.gap_above + self.fs.separator_height
        } else {
            0.0
        }
    }

    /// What setting `notes` here would add to the footnote area.
    fn note_extra(&self, notes: &[Note]) -> f32 {
        if notes.is_empty() {
            return 0.0;
        }
        self.separator_extra() + notes.iter().map(Note::height).sum::<f32>()
    }

    /// A need cut back to the child's own height when even an empty page
    /// cannot hold it (a keep chain that never fits is broken).
    fn cap_need(&self, need: f32, own: f32) -> f32 {
        if need > self.fresh_cap + EPSILON {
            own
        } else {
            need
        }
    }

    fn child(&mut self, c: Child, tables: &[TableInfo], ctx: &mut Ctx<'_>) {
        match c {
            Child::Space { amount, before } => {
                if before {
                    self.pending_before += amount;
                } else if !self.empty {
                    self.pending_after += amount;
                }
            }
            Child::Atom(a) => self.place_atom(a, ctx),
            Child::Row { table, row, need } => self.place_row(table, row, need, tables, ctx),
            Child::Break => {
                self.break_page(ctx);
                self.pending_before = 0.0;
            }
        }
    }

    fn place_atom(&mut self, atom: Atom, ctx: &mut Ctx<'_>) {
        loop {
            let pending = self.pending();
            let own = atom.frame.h;
            let need = self.cap_need(atom.need, own);
            let mut extra = self.note_extra(&atom.notes);
            // Notes of the lines bound to this one, unless the binding was
            // cut back or they could never share a page with it.
            if atom.need_notes > 0.0 && need > own {
                let bound = atom.need_notes
                    + if atom.notes.is_empty() {
                        self.separator_extra()
                    } else {
                        0.0
                    };
                if fits(need + extra + bound, self.fresh_cap) {
                    extra += bound;
                }
            }
            let rem = self.remaining();
            let notes_free = atom.notes.is_empty() || self.carry.is_empty();
            if notes_free && fits(pending + need + extra, rem) {
                self.commit(atom, false);
                return;
            }
            if self.empty {
                self.commit(atom, true);
                return;
            }
            // Notes that do not fit whole: the line stays if it and the
            // start of its notes fit (every note but the last whole, the
            // first line of the last, and the starts bound to it); the rest
            // continues at the foot of the next page, as LibreOffice does
            // (measured: tests/data/parity/quyet-dinh-footnote-continues.json).
            if notes_free && !atom.notes.is_empty() && fits(pending + need, rem) {
                // The notes of the lines bound to this one count too.
                let first = note_start(&atom) + if need > own { atom.need_notes } else { 0.0 };
                let sep = self.separator_extra();
                if fits(pending + need + sep + first, rem) {
                    self.commit(atom, true);
                    return;
                }
            }
            self.break_page(ctx);
        }
    }

    /// Places an atom at the cursor, with its notes (split: as many lines as
    /// fit, the rest continued).
    fn commit(&mut self, atom: Atom, split: bool) {
        self.y += self.pending();
        self.pending_after = 0.0;
        self.pending_before = 0.0;
        let h = atom.frame.h;
        atom.frame.place(&mut self.page, self.y);
        self.y += h;
        self.empty = false;
        self.cur_table = None;
        self.add_notes(atom.notes, split);
    }

    fn add_notes(&mut self, notes: Vec<Note>, split: bool) {
        for l in notes.into_iter().flat_map(|n| n.lines) {
            let add = l.gap + l.frame.h;
            let total = self.fs.gap_above + self.fs.separator_height + self.foot_h + add;
            if !split || (self.carry.is_empty() && fits(self.y + total, self.body_bottom)) {
                self.foot_h += add;
                self.foot.push(l);
            } else {
                self.carry.push_back(l);
            }
        }
    }

    fn place_row(
        &mut self,
        table: usize,
        row: RowLayout,
        need: f32,
        tables: &[TableInfo],
        ctx: &mut Ctx<'_>,
    ) {
        let Some(info) = tables.get(table) else {
            return;
        };
        let pad = info.geom.pad;
        let header = row.header;
        let mut row = row;
        let mut need = need;
        loop {
            let h = row.height(&pad);
            let pending = self.pending();
            let rem = self.remaining();
            let nd = self.cap_need(need.max(h), h);
            let notes: Vec<&Note> = row
                .cells
                .iter()
                .flat_map(|c| c.stack.atoms.iter().flat_map(|(_, a)| a.notes.iter()))
                .collect();
            let extra = if notes.is_empty() {
                0.0
            } else {
                self.separator_extra() + notes.iter().map(|n| n.height()).sum::<f32>()
            };
            let notes_free = notes.is_empty() || self.carry.is_empty();
            if notes_free && fits(pending + nd + extra, rem) {
                self.commit_row(row, table, &info.geom, false);
                return;
            }
            if !self.empty && (header || (row.cant_split && fits(h, self.fresh_cap))) {
                self.break_in_table(table, header, tables, ctx);
                continue;
            }
            let avail = rem - pending;
            let split = match split_row(row, avail, &pad, false) {
                Err(r) if self.empty => split_row(r, avail, &pad, true),
                s => s,
            };
            match split {
                Ok((head, rest)) => {
                    self.commit_row(head, table, &info.geom, true);
                    if rest.is_empty() {
                        return;
                    }
                    need = rest.min_piece(&pad);
                    row = rest;
                }
                Err(r) => {
                    if self.empty {
                        // No content at all: only padding; place it.
                        self.commit_row(r, table, &info.geom, true);
                        return;
                    }
                    row = r;
                }
            }
            self.break_in_table(table, header, tables, ctx);
        }
    }

    /// Breaks the page inside a table and repeats its header rows (unless
    /// the row waiting is itself a header row).
    fn break_in_table(
        &mut self,
        table: usize,
        header: bool,
        tables: &[TableInfo],
        ctx: &mut Ctx<'_>,
    ) {
        self.break_page(ctx);
        if header {
            return;
        }
        let Some(info) = tables.get(table) else {
            return;
        };
        for (k, r) in info.headers.iter().enumerate() {
            let mut a = emit_row(r.clone(), &info.geom, k == 0);
            a.notes.clear();
            let h = a.frame.h;
            a.frame.place(&mut self.page, self.y);
            self.y += h;
            self.cur_table = Some(table);
        }
    }

    fn commit_row(&mut self, row: RowLayout, table: usize, geom: &TableGeom, split: bool) {
        let top = self.cur_table != Some(table);
        let atom = emit_row(row, geom, top);
        self.y += self.pending();
        self.pending_after = 0.0;
        self.pending_before = 0.0;
        let h = atom.frame.h;
        atom.frame.place(&mut self.page, self.y);
        self.y += h;
        self.empty = false;
        self.cur_table = Some(table);
        self.add_notes(atom.notes, split);
    }
}
