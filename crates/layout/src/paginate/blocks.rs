//! Blocks stacked in a container without page breaks (table cells, the
//! first-page footer), and the frames of rules and spacers.

use super::frame::{Atom, Frame};
use super::para::{NoteArea, layout_para};
use super::{Ctx, len, signed, table};
use crate::flow::{Block, RegionKind, RuleBlock, Spacer};
use crate::pages::{Item, PlacedLine, Region};

/// Side of the seal room by default, in points: the seal's diameter at its
/// real size, [`vanban_model::format::SEAL_MM_DEFAULT`] (where the decree's
/// rule is cited); a document sets its own with `signature.seal_mm`
/// ([`resize_seals`]).
pub const SEAL_WIDTH: f32 = vanban_model::format::SEAL_MM_DEFAULT * 72.0 / 25.4;

/// Share of the container width that the signature's centre area spans
/// (centred): the seal is placed against it.
pub const SIGNATURE_CENTRE: f32 = 0.6;

/// Atoms stacked top to bottom, each with its offset from the stack's top.
#[derive(Debug, Clone, Default)]
pub(crate) struct Stack {
    /// (offset, atom) in order.
    pub atoms: Vec<(f32, Atom)>,
    /// Total height.
    pub h: f32,
}

/// Stacks `blocks` in a container at `x0` of width `w`. The first
/// paragraph's space before applies; the last one's space after is included
/// when `trailing` (Word counts it in a cell's height).
pub(crate) fn layout_stack<'a>(
    blocks: &'a [Block],
    x0: f32,
    w: f32,
    trailing: bool,
    notes: Option<NoteArea>,
    ctx: &mut Ctx<'a>,
) -> Stack {
    let mut st = Stack::default();
    let mut y = 0.0f32;
    let mut after = 0.0f32;
    for b in blocks {
        match b {
            Block::Para(p) => {
                y += after + len(p.space_before);
                for a in layout_para(p, x0, w, notes, ctx) {
                    let h = a.frame.h;
                    st.atoms.push((y, a));
                    y += h;
                }
                after = len(p.space_after);
            }
            Block::Table(t) => {
                y += after;
                after = 0.0;
                let (geom, rows) = table::layout_table(t, x0, notes, ctx);
                for (k, row) in rows.into_iter().enumerate() {
                    let a = table::emit_row(row, &geom, k == 0);
                    let h = a.frame.h;
                    st.atoms.push((y, a));
                    y += h;
                }
            }
            Block::Rule(r) => {
                y += after;
                after = 0.0;
                let a = Atom::new(rule_frame(r, x0, w));
                let h = a.frame.h;
                st.atoms.push((y, a));
                y += h;
            }
            Block::Spacer(s) => {
                y += after;
                after = 0.0;
                let a = Atom::new(spacer_frame(s, x0, w));
                let h = a.frame.h;
                st.atoms.push((y, a));
                y += h;
            }
            Block::PageBreak => {}
        }
    }
    if trailing {
        y += after;
    }
    st.h = y;
    st
}

/// A rule block: an empty box of `height` with the rule on its bottom edge,
/// between the container's edges moved in by the indents.
pub(crate) fn rule_frame(r: &RuleBlock, x0: f32, w: f32) -> Frame {
    let h = len(r.height);
    Frame {
        h,
        items: vec![Item::Line(PlacedLine {
            x1: x0 + signed(r.indent_left),
            y1: h,
            x2: x0 + len(w) - signed(r.indent_right),
            y2: h,
            thickness: len(r.thickness),
        })],
        regions: Vec::new(),
    }
}

/// A spacer: `lines × line_height` of empty room. A named spacer records
/// its region over the container's width; a signature room also gives the
/// seal room ([`seal_region`]).
pub(crate) fn spacer_frame(s: &Spacer, x0: f32, w: f32) -> Frame {
    let h = (s.lines as f32 * len(s.line_height)).min(f32::MAX);
    let mut f = Frame {
        h,
        ..Frame::default()
    };
    if let Some(kind) = s.region {
        let r = Region {
            kind,
            x: x0,
            y: 0.0,
            w: len(w),
            h,
        };
        f.regions.push(r);
        if let RegionKind::Signature(i) = kind {
            f.regions.push(seal_region(&r, i));
        }
    }
    f
}

/// The seal room derived from a signature room (Decree 30 App. I §II.9:
/// the seal covers about a third of the signature, on its left).
///
/// A square of the seal's diameter ([`SEAL_WIDTH`], at most the room's
/// width), centred vertically on the signature room, so at its real size it
/// overlaps the title line above and the name line below, as a seal does on
/// paper. The signature's *centre area* is the central [`SIGNATURE_CENTRE`]
/// of the room's width; the seal's right edge lies at the centre area's
/// left edge plus a third of its width, so the seal covers the left third
/// of where the signature goes. It never starts left of the room (in a
/// narrow room it starts at the room's left edge and reaches further in).
pub fn seal_region(sig: &Region, index: u8) -> Region {
    seal_region_sized(sig, index, SEAL_WIDTH)
}

/// [`seal_region`] for a seal of diameter `side` points.
pub fn seal_region_sized(sig: &Region, index: u8, side: f32) -> Region {
    let cw = sig.w * SIGNATURE_CENTRE;
    let cx = sig.x + (sig.w - cw) / 2.0;
    let side = side.min(sig.w);
    let x = (cx + cw / 3.0 - side).max(sig.x);
    Region {
        kind: RegionKind::Seal(index),
        x,
        y: sig.y + (sig.h - side) / 2.0,
        w: side,
        h: side,
    }
}

/// Resizes the seal room over signer `signer`'s signature room on every
/// page to a seal of `mm` millimetres across ([`seal_region_sized`]).
pub fn resize_seals(pages: &mut crate::pages::Pages, signer: u8, mm: f32) {
    let side = mm * 72.0 / 25.4;
    for page in &mut pages.pages {
        let Some(sig) = page
            .regions
            .iter()
            .find(|r| r.kind == RegionKind::Signature(signer))
            .copied()
        else {
            continue;
        };
        for r in &mut page.regions {
            if r.kind == RegionKind::Seal(signer) {
                *r = seal_region_sized(&sig, signer, side);
            }
        }
    }
}
