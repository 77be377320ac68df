//! Paragraphs: lines measured by [`super::linebreak`] are committed into
//! frames of exactly the paragraph's line pitch.

use super::frame::{Atom, Frame, Note};
use super::linebreak::{self, Line, Seg, SegKind};
use super::{Ctx, baseline, len, signed};
use crate::flow::{Align, Para};
use crate::fonts::FontId;
use crate::pages::{Glyph, Item, PlacedText, Region};

/// Where footnote entries are set (the text block), if notes are laid out.
#[derive(Debug, Clone, Copy)]
pub(crate) struct NoteArea {
    /// Left edge.
    pub x: f32,
    /// Width.
    pub w: f32,
}

/// Lays out a paragraph in a container whose left edge is `x0` and width
/// `width`: one atom per line, each `line_height` high (need = own height;
/// the flow adds widows and keeps). With `notes`, the entries of footnote
/// references are laid out and attached to the line holding the mark.
pub(crate) fn layout_para<'a>(
    para: &'a Para,
    x0: f32,
    width: f32,
    notes: Option<NoteArea>,
    ctx: &mut Ctx<'a>,
) -> Vec<Atom> {
    let block = ctx.next_block();
    let lh = len(para.line_height);
    let il = signed(para.indent_left);
    let ir = signed(para.indent_right);
    let ifirst = signed(para.indent_first);
    let avail = len(width) - il - ir;
    let first = avail - ifirst;
    let mut segs = linebreak::collect(&para.runs, ctx);
    let lines = linebreak::linebreak(&mut segs, first, avail, ctx);
    linebreak::pin_hyphens(&segs, &lines, &mut ctx.pins);
    let mut atoms = Vec::with_capacity(lines.len());
    for (n, line) in lines.iter().enumerate() {
        let (left, room) = if n == 0 {
            (x0 + il + ifirst, first)
        } else {
            (x0 + il, avail)
        };
        let mut frame = Frame {
            h: lh,
            ..Frame::default()
        };
        let refs = commit(&segs, line, left, room, lh, para, block, ctx, &mut frame);
        let mut atom = Atom::new(frame);
        if let Some(area) = notes {
            for r in refs {
                atom.notes.push(layout_note(&r.note, area, ctx));
            }
        }
        atoms.push(atom);
    }
    atoms
}

/// Lays out a footnote's entry at the text width (nested references inside
/// a note are printed as marks but their notes are not set).
fn layout_note<'a>(paras: &'a [Para], area: NoteArea, ctx: &mut Ctx<'a>) -> Note {
    let mut note = Note::default();
    let mut gap = 0.0f32;
    for p in paras {
        gap += len(p.space_before);
        for atom in layout_para(p, area.x, area.w, None, ctx) {
            note.lines.push(super::frame::Spaced {
                gap,
                frame: atom.frame,
            });
            gap = 0.0;
        }
        gap += len(p.space_after);
    }
    note
}

/// The segments of a line, in order.
fn line_segs<'s, 'a>(segs: &'s [Seg<'a>], line: &'s Line<'a>) -> impl Iterator<Item = &'s Seg<'a>> {
    segs.get(line.start..line.end)
        .unwrap_or(&[])
        .iter()
        .chain(line.extra.iter())
}

/// A text item being built.
struct Piece {
    font: FontId,
    size: f32,
    x: f32,
    text: String,
    glyphs: Vec<Glyph>,
}

/// Builds a line's items into `frame` (y relative to the line's top) and
/// returns the footnote references it holds, in order.
#[allow(clippy::too_many_arguments)]
fn commit<'a>(
    segs: &[Seg<'a>],
    line: &Line<'a>,
    left: f32,
    room: f32,
    lh: f32,
    para: &'a Para,
    block: u32,
    ctx: &Ctx<'a>,
    frame: &mut Frame,
) -> Vec<&'a crate::flow::FootnoteRef> {
    let mut refs = Vec::new();
    // Inner spaces (after the first non-space segment) take the stretch.
    let mut stretchable = 0u32;
    let mut seen = false;
    let mut big: Option<(FontId, f32)> = None;
    let mut text_len = 0;
    let mut glyph_count = 0;
    for s in line_segs(segs, line) {
        text_len += s.text.len();
        glyph_count += match s.kind {
            SegKind::Space(k) => k as usize,
            SegKind::Blank(_) => s.text.len(),
            _ => s.g1 - s.g0,
        };
        match s.kind {
            SegKind::Space(k) if seen => stretchable += k,
            SegKind::Mark { .. } | SegKind::Break => {}
            _ => {}
        }
        if !matches!(s.kind, SegKind::Space(_)) {
            seen = true;
        }
        if matches!(
            s.kind,
            SegKind::Word | SegKind::Space(_) | SegKind::Blank(_)
        ) && big.is_none_or(|(_, z)| s.size > z)
        {
            big = Some((s.font, s.size));
        }
    }
    let slack = room - line.width;
    let (x, stretch) = match para.align {
        Align::Left => (left, 0.0),
        Align::Center => (left + slack.max(0.0) / 2.0, 0.0),
        Align::Right => (left + slack.max(0.0), 0.0),
        Align::Justify => {
            if !line.last && !line.forced && stretchable > 0 && slack > 0.0 {
                (left, slack / stretchable as f32)
            } else {
                (left, 0.0)
            }
        }
    };
    let base = match big {
        Some((f, z)) => baseline(lh, ctx.descent(f, z)),
        None => baseline(lh, 0.0),
    };
    let role = para.role;
    let mut pen = x;
    let mut cur: Option<Piece> = None;
    let mut seen = false;
    let flush = |cur: &mut Option<Piece>, frame: &mut Frame| {
        if let Some(p) = cur.take()
            && !p.glyphs.is_empty()
        {
            frame.items.push(Item::Text(PlacedText {
                x: p.x,
                y: base,
                font: p.font,
                size: p.size,
                text: p.text,
                glyphs: p.glyphs,
                role,
                block,
                artifact: false,
            }));
        }
    };
    for s in line_segs(segs, line) {
        let scale = ctx.scale(s.font, s.size);
        match s.kind {
            SegKind::Break => continue,
            SegKind::Mark { rise } => {
                flush(&mut cur, frame);
                let mut p = Piece {
                    font: s.font,
                    size: s.size,
                    x: pen,
                    text: String::with_capacity(s.text.len()),
                    glyphs: Vec::with_capacity(s.g1 - s.g0),
                };
                push_word(&mut p, s, scale);
                if !p.glyphs.is_empty() {
                    frame.items.push(Item::Text(PlacedText {
                        x: p.x,
                        y: base - rise,
                        font: p.font,
                        size: p.size,
                        text: p.text,
                        glyphs: p.glyphs,
                        role,
                        block,
                        artifact: false,
                    }));
                }
                if let Some(r) = s.note {
                    refs.push(r);
                }
                pen += s.width;
                seen = true;
                continue;
            }
            _ => {}
        }
        if cur
            .as_ref()
            .is_some_and(|p| p.font != s.font || p.size != s.size)
        {
            flush(&mut cur, frame);
        }
        let p = cur.get_or_insert_with(|| Piece {
            font: s.font,
            size: s.size,
            x: pen,
            text: String::with_capacity(text_len),
            glyphs: Vec::with_capacity(glyph_count),
        });
        match s.kind {
            SegKind::Space(k) => {
                let extra = if seen { stretch } else { 0.0 };
                push_spaces(p, s, k, scale, extra);
                pen += s.width + extra * k as f32;
            }
            SegKind::Blank(kind) => {
                let k = s.text.len() as u32;
                push_spaces(p, s, k, scale, 0.0);
                if let Some(kind) = kind {
                    frame.regions.push(Region {
                        kind,
                        x: pen,
                        y: 0.0,
                        w: s.width,
                        h: lh,
                    });
                }
                pen += s.width;
                seen = true;
            }
            _ => {
                push_word(p, s, scale);
                pen += s.width;
                seen = true;
            }
        }
    }
    flush(&mut cur, frame);
    refs
}

/// Appends a word segment's glyphs, with byte ranges into the piece's text.
fn push_word(p: &mut Piece, s: &Seg<'_>, scale: f32) {
    let off = p.text.len();
    p.text.push_str(&s.text);
    let glyphs = s.shaped.glyphs.get(s.g0..s.g1).unwrap_or(&[]);
    let tlen = s.text.len();
    let rel = |c: u32| (c.saturating_sub(s.base) as usize).min(tlen);
    let first = p.glyphs.len();
    let mut q = 0;
    while q < glyphs.len() {
        let c = glyphs[q].cluster;
        let mut e = q + 1;
        while e < glyphs.len() && glyphs[e].cluster == c {
            e += 1;
        }
        let start = rel(c);
        let end = glyphs.get(e).map_or(tlen, |g| rel(g.cluster)).max(start);
        for g in &glyphs[q..e] {
            p.glyphs.push(Glyph {
                id: g.id,
                x_advance: g.advance as f32 * scale,
                x_offset: g.x_offset as f32 * scale,
                y_offset: g.y_offset as f32 * scale,
                range: off + start..off + end,
            });
        }
        q = e;
    }
    // Kerning with the following space goes on the last glyph.
    if s.kern != 0.0
        && p.glyphs.len() > first
        && let Some(g) = p.glyphs.last_mut()
    {
        g.x_advance += s.kern;
    }
}

/// Appends `k` space glyphs, each stretched by `extra`.
fn push_spaces(p: &mut Piece, s: &Seg<'_>, k: u32, scale: f32, extra: f32) {
    let off = p.text.len();
    p.text.push_str(&s.text);
    let Some(g) = s.shaped.glyphs.first() else {
        return;
    };
    p.glyphs.reserve(k as usize);
    for i in 0..k as usize {
        p.glyphs.push(Glyph {
            id: g.id,
            x_advance: g.advance as f32 * scale
                + extra
                + if i + 1 == k as usize { s.kern } else { 0.0 },
            x_offset: g.x_offset as f32 * scale,
            y_offset: g.y_offset as f32 * scale,
            range: off + i..off + i + 1,
        });
    }
}
