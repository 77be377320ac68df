//! Line breaking: greedy first fit over shaped segments.
//!
//! A paragraph's runs become [`Seg`]s: words (maximal runs of non-space
//! characters within one style run), runs of spaces, raised marks and
//! blanks. Adjacent non-space segments (a bold and an italic half of a word,
//! a word and its footnote mark, a blank between "Số:" and "/BC-UBND") form
//! one unbreakable *word*; the only break opportunities are after runs of
//! [`is_break_space`] characters. Lines are filled greedily (first fit, like
//! Word and LibreOffice); spaces at the end of a line hang and do not count;
//! a word wider than a whole line is broken after one of its hyphens (or,
//! opening the paragraph, after a slash) where LibreOffice breaks it, else
//! between grapheme clusters (docs/parity.md, "Long words").

use super::{Ctx, device_advance, fits_line, len};
use crate::flow::{FootnoteRef, RegionKind, Run};
use crate::fonts::{FontId, ShapedWord};
use std::borrow::Cow;
use std::rc::Rc;

/// Whether `c` is a break opportunity (the character hangs at the end of
/// the line; the break falls after it). Only U+0020: not NBSP, not after
/// "/" or "-" (no break inside "30/2020/NĐ-CP").
pub fn is_break_space(c: char) -> bool {
    c == ' '
}

/// The most spaces a blank is drawn with (guards absurd input).
const MAX_BLANK_SPACES: u32 = 10_000;

/// What a segment is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum SegKind {
    /// Part of a word.
    Word,
    /// `n` break spaces.
    Space(u32),
    /// A raised mark (footnote reference or the number opening a note).
    Mark {
        /// Baseline rise in points.
        rise: f32,
    },
    /// A clerk's blank of spaces, recorded as a region when named.
    Blank(Option<RegionKind>),
    /// A forced line break.
    Break,
}

impl SegKind {
    /// Whether the segment is part of a word (no break opportunity on
    /// either side of it unless a space is there).
    fn wordish(self) -> bool {
        matches!(
            self,
            SegKind::Word | SegKind::Mark { .. } | SegKind::Blank(_)
        )
    }
}

/// A shaped piece of one face and size.
#[derive(Debug, Clone)]
pub(crate) struct Seg<'a> {
    /// What it is.
    pub kind: SegKind,
    /// Face.
    pub font: FontId,
    /// Size in points.
    pub size: f32,
    /// The exact text.
    pub text: Cow<'a, str>,
    /// The shaping of the word it was cut from.
    pub shaped: Rc<ShapedWord>,
    /// The glyphs of `shaped` that belong to this segment.
    pub g0: usize,
    /// End of the glyph range.
    pub g1: usize,
    /// Cluster value of `text`'s first byte in `shaped`.
    pub base: u32,
    /// Advance width in points (all spaces of a space run).
    pub width: f32,
    /// The width on the layout device, in whole device units per glyph
    /// ([`super::device_advance`]); what line breaking compares.
    pub fit: i64,
    /// Kerning with the neighbouring space, in points, added to the last
    /// glyph's advance (included in `width`).
    pub kern: f32,
    /// The footnote a reference mark stands for.
    pub note: Option<&'a FootnoteRef>,
}

impl<'a> Seg<'a> {
    fn new(
        kind: SegKind,
        font: FontId,
        size: f32,
        text: Cow<'a, str>,
        shaped: Rc<ShapedWord>,
        (width, fit): (f32, i64),
    ) -> Self {
        let g1 = shaped.glyphs.len();
        Seg {
            kind,
            font,
            size,
            text,
            shaped,
            g0: 0,
            g1,
            base: 0,
            width,
            fit,
            kern: 0.0,
            note: None,
        }
    }
}

/// A shaped word's (width in points, width in device units) at `scale`
/// points per font unit.
fn measure(sh: &ShapedWord, scale: f32) -> (f32, i64) {
    let fit = sh
        .glyphs
        .iter()
        .map(|g| device_advance(g.advance, scale))
        .sum();
    (sh.advance as f32 * scale, fit)
}

/// The same for `n` spaces of the shaped space `sp`.
fn measure_spaces(sp: &ShapedWord, scale: f32, n: u32) -> (f32, i64) {
    (
        sp.advance as f32 * scale * n as f32,
        device_advance(sp.advance, scale) * i64::from(n),
    )
}

/// Splits text into (is_space, piece) tokens at [`is_break_space`] runs.
fn tokens(text: &str) -> impl Iterator<Item = (bool, &str)> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let space = is_break_space(first);
        let end = rest
            .char_indices()
            .find(|&(_, c)| is_break_space(c) != space)
            .map_or(rest.len(), |(i, _)| i);
        let (piece, tail) = rest.split_at(end);
        rest = tail;
        Some((space, piece))
    })
}

/// Turns a paragraph's runs into segments.
pub(crate) fn collect<'a>(runs: &'a [Run], ctx: &mut Ctx<'a>) -> Vec<Seg<'a>> {
    let estimate: usize = runs
        .iter()
        .map(|r| match r {
            Run::Text(t) => t.text.len() / 3 + 1,
            _ => 1,
        })
        .sum();
    let mut segs = Vec::with_capacity(estimate);
    for run in runs {
        match run {
            Run::Text(t) => {
                let font = FontId::from_style(t.style);
                let size = len(t.size);
                let scale = ctx.scale(font, size);
                for (space, piece) in tokens(&t.text) {
                    if space {
                        let n = piece.len() as u32;
                        let sp = ctx.space(font);
                        let measured = measure_spaces(&sp, scale, n);
                        segs.push(Seg::new(
                            SegKind::Space(n),
                            font,
                            size,
                            Cow::Borrowed(piece),
                            sp,
                            measured,
                        ));
                    } else {
                        let sh = ctx.shape(font, piece);
                        let measured = measure(&sh, scale);
                        segs.push(Seg::new(
                            SegKind::Word,
                            font,
                            size,
                            Cow::Borrowed(piece),
                            sh,
                            measured,
                        ));
                    }
                }
            }
            Run::LineBreak => {
                let sp = ctx.space(FontId::Regular);
                let mut s = Seg::new(
                    SegKind::Break,
                    FontId::Regular,
                    0.0,
                    Cow::Borrowed(""),
                    sp,
                    (0.0, 0),
                );
                s.g1 = 0;
                segs.push(s);
            }
            Run::FootnoteRef(r) => {
                let mut s = mark(r.mark.number, r.mark.size, r.mark.rise, ctx);
                s.note = Some(r);
                segs.push(s);
            }
            Run::FootnoteMark(m) => segs.push(mark(m.number, m.size, m.rise, ctx)),
            Run::Blank(b) => {
                let font = FontId::from_style(b.style);
                let size = len(b.size);
                let n = b.spaces.min(MAX_BLANK_SPACES);
                let sp = ctx.space(font);
                let scale = ctx.scale(font, size);
                let measured = measure_spaces(&sp, scale, n);
                let text = Cow::Owned(" ".repeat(n as usize));
                segs.push(Seg::new(
                    SegKind::Blank(b.region),
                    font,
                    size,
                    text,
                    sp,
                    measured,
                ));
            }
        }
    }
    kern_spaces(&mut segs, ctx);
    segs
}

/// Kerns the word boundaries: for each run of spaces between two words of
/// the same face and size, the pair (word's last character, space) adjusts
/// the word's last glyph, and (space, next word's first character) the
/// space's (see [`Ctx::space_kern`]). On the layout device each adjusted
/// glyph is rounded again.
fn kern_spaces(segs: &mut [Seg<'_>], ctx: &mut Ctx<'_>) {
    for i in 1..segs.len().saturating_sub(1) {
        let SegKind::Space(_) = segs[i].kind else {
            continue;
        };
        let (font, size) = (segs[i].font, segs[i].size);
        let same = |s: &Seg<'_>| s.kind == SegKind::Word && s.font == font && s.size == size;
        if !same(&segs[i - 1]) || !same(&segs[i + 1]) {
            continue;
        }
        let scale = ctx.scale(font, size);
        let last = segs[i - 1].text.chars().next_back();
        let first = segs[i + 1].text.chars().next();
        let (Some(last), Some(first)) = (last, first) else {
            continue;
        };
        if is_extending(last) || is_extending(first) {
            continue;
        }
        let k1 = ctx.space_kern(font, last, false);
        let k2 = ctx.space_kern(font, first, true);
        if k1 != 0 {
            let w = &mut segs[i - 1];
            let Some(g) = w.shaped.glyphs.get(w.g1.wrapping_sub(1)) else {
                continue;
            };
            let adv = g.advance;
            w.kern += k1 as f32 * scale;
            w.width += k1 as f32 * scale;
            w.fit += device_advance(adv + k1, scale) - device_advance(adv, scale);
        }
        if k2 != 0 {
            let s = &mut segs[i];
            let adv = s.shaped.glyphs.first().map_or(0, |g| g.advance);
            s.kern += k2 as f32 * scale;
            s.width += k2 as f32 * scale;
            s.fit += device_advance(adv + k2, scale) - device_advance(adv, scale);
        }
    }
}

/// A raised number in the regular face.
fn mark<'a>(number: u32, size: f32, rise: f32, ctx: &mut Ctx<'a>) -> Seg<'a> {
    let font = FontId::Regular;
    let size = len(size);
    let text = number.to_string();
    let sh = ctx.shape_owned(font, &text);
    let scale = ctx.scale(font, size);
    let measured = measure(&sh, scale);
    Seg::new(
        SegKind::Mark {
            rise: super::signed(rise),
        },
        font,
        size,
        Cow::Owned(text),
        sh,
        measured,
    )
}

/// One line: the segments `start..end` of the (possibly rewritten) segment
/// list, then `extra` (the head of a word broken at the line's end).
#[derive(Debug, Clone)]
pub(crate) struct Line<'a> {
    /// First segment.
    pub start: usize,
    /// End of the segments (trailing spaces and the break excluded).
    pub end: usize,
    /// The head of an over-long word, set after `start..end`.
    pub extra: Option<Seg<'a>>,
    /// Natural width (trailing spaces excluded).
    pub width: f32,
    /// The line ends with a forced line break.
    pub forced: bool,
    /// The paragraph's last line.
    pub last: bool,
}

/// Breaks segments into lines: greedy first fit. `first` is the width
/// available to the first line, `rest` to the others. A segment that is
/// split for an over-long word is rewritten in place (its tail stays in the
/// list), so lines refer to `segs` as it is after the call.
pub(crate) fn linebreak<'a>(
    segs: &mut [Seg<'a>],
    first: f32,
    rest: f32,
    ctx: &Ctx<'a>,
) -> Vec<Line<'a>> {
    let n = segs.len();
    let mut lines: Vec<Line<'a>> = Vec::new();
    let mut i = 0;
    while i < n {
        let avail = if lines.is_empty() { first } else { rest };
        let start = i;
        let mut width = 0.0f32;
        let mut pending = 0.0f32;
        let (mut fit, mut fit_pending) = (0i64, 0i64);
        let mut end = i;
        let mut has_word = false;
        let mut forced = false;
        let mut extra = None;
        while i < n {
            match segs[i].kind {
                SegKind::Break => {
                    i += 1;
                    forced = true;
                    break;
                }
                SegKind::Space(_) => {
                    pending += segs[i].width;
                    fit_pending += segs[i].fit;
                    i += 1;
                }
                _ => {
                    let mut j = i;
                    let (mut ww, mut fw) = (0.0f32, 0i64);
                    while j < n && segs[j].kind.wordish() {
                        ww += segs[j].width;
                        fw += segs[j].fit;
                        j += 1;
                    }
                    // A line ending in italic text holds a little less.
                    let ital = segs
                        .get(j.wrapping_sub(1))
                        .filter(|s| s.kind == SegKind::Word)
                        .map_or(0, |s| ctx.italic_correction(s.font, s.size));
                    if fits_line(fit + fit_pending + fw + ital, avail) {
                        width += pending + ww;
                        fit += fit_pending + fw;
                        pending = 0.0;
                        fit_pending = 0;
                        i = j;
                        end = j;
                        has_word = true;
                        continue;
                    }
                    if has_word {
                        // A word too long for any line (an address) starts
                        // here and breaks after the last of its hyphens that
                        // fits, as LibreOffice does with the plain hyphens
                        // the DOCX has for it; a word that fits on a line
                        // moves whole (measured, docs/parity.md).
                        if !fits_line(fw + ital, rest)
                            && let Some((taken, head, w)) =
                                inner_head(segs, i, j, (avail, fit + fit_pending), ctx, false)
                        {
                            width += pending + w;
                            end = i + taken;
                            i = end;
                            extra = head;
                        }
                        break;
                    }
                    // An over-long word at the start of a line breaks after
                    // its last hyphen that fits ("…-va-" | "mien-…"), or
                    // after a slash, but after a slash only when it is the
                    // paragraph's first word: LibreOffice breaks
                    // "https://a.vn/" | "bcd…" when the address opens the
                    // paragraph, not when a space comes before it; without
                    // either, at the character that overflows (measured,
                    // docs/parity.md).
                    let first_word = !segs[..i]
                        .iter()
                        .any(|s| matches!(s.kind, SegKind::Space(_)));
                    if let Some((taken, head, w)) =
                        inner_head(segs, i, j, (avail, fit + fit_pending), ctx, first_word)
                    {
                        width += pending + w;
                        end = i + taken;
                        i = end;
                        extra = head;
                        break;
                    }
                    // An over-long word at the start of a line: take the
                    // longest head that fits (at least one cluster).
                    let (taken, head, w) = fit_head(segs, i, j, (avail, fit + fit_pending), ctx);
                    width += pending + w;
                    end = i + taken;
                    i = end;
                    extra = head;
                    break;
                }
            }
        }
        lines.push(Line {
            start,
            end,
            extra,
            width,
            forced,
            last: false,
        });
    }
    // A paragraph that ends in a line break (or is empty) shows one more,
    // empty line.
    if lines.last().is_none_or(|l| l.forced) {
        lines.push(Line {
            start: n,
            end: n,
            extra: None,
            width: 0.0,
            forced: false,
            last: true,
        });
    }
    if let Some(l) = lines.last_mut() {
        l.last = true;
    }
    lines
}

/// Records the inner hyphens of the word that opens each line after a soft
/// break: Word and LibreOffice would have broken after one of them when the
/// head of the word fits on the line above (see [`crate::pages::HyphenPins`]).
/// Only text borrowed from the flow is recorded (marks and blanks have no
/// hyphen).
pub(crate) fn pin_hyphens(
    segs: &[Seg<'_>],
    lines: &[Line<'_>],
    pins: &mut crate::pages::HyphenPins,
) {
    for w in lines.windows(2) {
        if w[0].forced {
            continue;
        }
        // A word broken across lines is too long for one line: its hyphens
        // stay plain (LibreOffice breaks after them as we do).
        let opens_broken = w[1].extra.is_some()
            && !segs
                .get(w[1].start..w[1].end)
                .is_some_and(|s| s.iter().any(|s| !s.kind.wordish()));
        if w[0].extra.is_some() || opens_broken {
            continue;
        }
        let mut k = w[1].start;
        while let Some(seg) = segs.get(k).filter(|s| s.kind.wordish()) {
            if let (SegKind::Word, Cow::Borrowed(text)) = (seg.kind, &seg.text) {
                for (at, c) in text.char_indices() {
                    if c == '-' {
                        pins.insert(text, at);
                    }
                }
            }
            k += 1;
        }
    }
}

/// For a word `segs[i..j]` that does not fit in `room`: how many whole
/// segments go on this line, the head of the segment broken after them (if
/// any; its tail replaces it in `segs`), and the width taken. Always takes
/// something, so that breaking makes progress.
///
/// `avail` is the line's measure, `before` the device width already on the
/// line (leading spaces).
fn fit_head<'a>(
    segs: &mut [Seg<'a>],
    i: usize,
    j: usize,
    (avail, before): (f32, i64),
    ctx: &Ctx<'a>,
) -> (usize, Option<Seg<'a>>, f32) {
    let mut acc = 0.0f32;
    let mut fit = before;
    for k in i..j {
        let Some(seg) = segs.get(k) else { break };
        let w = seg.width;
        if fits_line(fit + seg.fit, avail) {
            acc += w;
            fit += seg.fit;
            continue;
        }
        let taken = k - i;
        if seg.kind == SegKind::Word
            && let Some((head, tail)) = split_seg(seg, (avail, fit), taken == 0, ctx)
        {
            let hw = head.width;
            if tail.g0 == tail.g1 && tail.text.is_empty() {
                // The whole segment went into the head.
                return (taken + 1, None, acc + hw);
            }
            segs[k] = tail;
            return (taken, Some(head), acc + hw);
        }
        if taken == 0 {
            // An atomic segment wider than the line: it overflows alone.
            return (1, None, w);
        }
        return (taken, None, acc);
    }
    (j - i, None, acc)
}

/// Whether `c` joins the preceding character in one grapheme cluster
/// (combining marks, joiners, variation selectors).
fn is_extending(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF
        | 0xFE20..=0xFE2F | 0xFE00..=0xFE0F | 0x200C | 0x200D)
}

/// Splits a word segment into the longest head whose width fits `room` and
/// the tail, between shaping clusters that are grapheme boundaries. With
/// `force`, takes at least the first cluster. `None` when nothing fits and
/// `force` is off, or the segment has no inner boundary and does not fit.
///
/// `(avail, before)`: the line's measure and the device width already on it.
fn split_seg<'a>(
    seg: &Seg<'a>,
    (avail, before): (f32, i64),
    force: bool,
    ctx: &Ctx<'a>,
) -> Option<(Seg<'a>, Seg<'a>)> {
    let glyphs = &seg.shaped.glyphs[seg.g0..seg.g1];
    let scale = ctx.scale(seg.font, seg.size);
    let mut acc = 0i64;
    let mut dev = 0i64;
    let mut best: Option<(usize, i64, i64)> = None;
    let mut first: Option<(usize, i64, i64)> = None;
    // The first boundary that does not fit (the end of the overflowing
    // character).
    let mut over: Option<(usize, i64, i64)> = None;
    for (q, g) in glyphs.iter().enumerate() {
        if q > 0 && g.cluster > glyphs[q - 1].cluster {
            let b = g.cluster.saturating_sub(seg.base) as usize;
            let boundary = seg
                .text
                .get(b..)
                .and_then(|s| s.chars().next())
                .is_some_and(|c| !is_extending(c));
            if boundary {
                if first.is_none() {
                    first = Some((q, acc, dev));
                }
                if fits_line(before + dev, avail) {
                    best = Some((q, acc, dev));
                } else {
                    over = Some((q, acc, dev));
                    break;
                }
            }
        }
        acc += i64::from(g.advance);
        dev += device_advance(g.advance, scale);
    }
    let (q, adv, head_fit) = match (best, force) {
        // A hyphen that overflows stays at the end of the line, in the
        // margin (LibreOffice; measured, docs/parity.md).
        (Some(b), _) if hyphen_at(seg, glyphs, b.0) => over.unwrap_or((glyphs.len(), acc, dev)),
        (Some(b), _) => b,
        (None, true) => first.unwrap_or((glyphs.len(), acc, dev)),
        (None, false) => return None,
    };
    cut_seg(seg, q, adv, head_fit, scale)
}

/// Cuts a word segment before its `q`-th glyph; `adv` (font units) and
/// `head_fit` (device units) are the widths of the glyphs before it.
fn cut_seg<'a>(
    seg: &Seg<'a>,
    q: usize,
    adv: i64,
    head_fit: i64,
    scale: f32,
) -> Option<(Seg<'a>, Seg<'a>)> {
    let cut = seg.g0 + q;
    let b = if cut < seg.g1 {
        (seg.shaped.glyphs[cut].cluster.saturating_sub(seg.base) as usize).min(seg.text.len())
    } else {
        seg.text.len()
    };
    if !seg.text.is_char_boundary(b) {
        return None;
    }
    let (head_text, tail_text): (Cow<'a, str>, Cow<'a, str>) = match &seg.text {
        Cow::Borrowed(s) => (Cow::Borrowed(&s[..b]), Cow::Borrowed(&s[b..])),
        Cow::Owned(s) => (
            Cow::Owned(s[..b].to_string()),
            Cow::Owned(s[b..].to_string()),
        ),
    };
    let total = seg.width;
    let head_w = adv as f32 * scale;
    let mut head = seg.clone();
    head.text = head_text;
    head.g1 = cut;
    head.width = head_w;
    head.fit = head_fit;
    let mut tail = seg.clone();
    tail.text = tail_text;
    tail.g0 = cut;
    tail.base = seg.base + b as u32;
    tail.width = (total - head_w).max(0.0);
    tail.fit = (seg.fit - head_fit).max(0);
    Some((head, tail))
}

/// Whether the character that starts at glyph `q` of `glyphs` (a
/// segment's glyphs) is a hyphen-minus.
fn hyphen_at(seg: &Seg<'_>, glyphs: &[crate::fonts::ShapedGlyph], q: usize) -> bool {
    glyphs.get(q).is_some_and(|g| {
        let b = g.cluster.saturating_sub(seg.base) as usize;
        seg.text.get(b..).is_some_and(|t| t.starts_with('-'))
    })
}

/// Whether LibreOffice's break iterator (ICU's line rules) breaks after a
/// slash between `before` and `after`: only before a letter, and not after
/// a digit ("02/4/2024" and "145/2020/NĐ-CP" are numbers to it: no break
/// inside; "baochinhphu.vn/chinh" breaks after the slash).
fn breaks_after_slash(before: char, after: char) -> bool {
    after.is_alphabetic() && !before.is_ascii_digit()
}

/// For a word `segs[i..j]` that overflows the line: the break inside it that
/// LibreOffice takes, as `(whole segments taken, head of the segment split
/// after them, width taken)`, or `None`.
///
/// The opportunity is the last one before the first character that does not
/// fit: after a hyphen (an over-long word's hyphens are plain ASCII hyphens
/// in the DOCX, never pinned), and with `slashes` after a "/" followed by a
/// letter, not preceded by a digit ([`breaks_after_slash`]) (measured with
/// tools/parity.py on long URLs, docs/parity.md).
///
/// `(avail, before)`: the line's measure and the device width already on it.
fn inner_head<'a>(
    segs: &mut [Seg<'a>],
    i: usize,
    j: usize,
    (avail, before): (f32, i64),
    ctx: &Ctx<'a>,
    slashes: bool,
) -> Option<(usize, Option<Seg<'a>>, f32)> {
    // Characters of the word up to the cut: (segment, byte, char, device
    // width before it, width in points before it).
    let mut chars: Vec<(usize, usize, char, i64, f32)> = Vec::new();
    let mut dev = before;
    let mut pts = 0.0f32;
    let mut cut = None;
    'segs: for k in i..j {
        let seg = segs.get(k)?;
        if seg.kind != SegKind::Word {
            // Marks and blanks: no break inside, counted whole.
            if !fits_line(dev + seg.fit, avail) {
                cut = Some(chars.len());
                break;
            }
            chars.push((k, usize::MAX, '\0', dev, pts));
            dev += seg.fit;
            pts += seg.width;
            continue;
        }
        let glyphs = seg.shaped.glyphs.get(seg.g0..seg.g1).unwrap_or(&[]);
        let scale = ctx.scale(seg.font, seg.size);
        let mut q = 0;
        while q < glyphs.len() {
            let c = glyphs[q].cluster;
            let mut e = q + 1;
            while e < glyphs.len() && glyphs[e].cluster == c {
                e += 1;
            }
            let b = (c.saturating_sub(seg.base) as usize).min(seg.text.len());
            let ch = seg
                .text
                .get(b..)
                .and_then(|t| t.chars().next())
                .unwrap_or('\0');
            let w: i64 = glyphs[q..e]
                .iter()
                .map(|g| device_advance(g.advance, scale))
                .sum();
            let wp: f32 = glyphs[q..e].iter().map(|g| g.advance as f32 * scale).sum();
            if !fits_line(dev + w, avail) {
                cut = Some(chars.len());
                chars.push((k, b, ch, dev, pts));
                break 'segs;
            }
            chars.push((k, b, ch, dev, pts));
            dev += w;
            pts += wp;
            q = e;
        }
    }
    let cut = cut?;
    // The last hyphen, or slash with a letter after it, before the cut.
    let mut p = cut;
    while p > 1 {
        let (_, _, c, _, _) = chars[p - 1];
        if c == '-' {
            break;
        }
        if slashes && c == '/' && p >= 2 && breaks_after_slash(chars[p - 2].2, chars[p].2) {
            break;
        }
        p -= 1;
    }
    if p <= 1 {
        return None;
    }
    let (k, b, _, _, w) = chars[p];
    if b == usize::MAX || b == 0 {
        // The break falls between two segments.
        return Some((k - i, None, w));
    }
    let seg = segs.get(k)?;
    let (head, tail) = split_at_byte(seg, b, ctx)?;
    let hw = head.width;
    let start_w = chars.iter().find(|x| x.0 == k).map_or(w, |x| x.4);
    segs[k] = tail;
    Some((k - i, Some(head), start_w + hw))
}

/// Splits a word segment before byte `b` of its text (a cluster start).
fn split_at_byte<'a>(seg: &Seg<'a>, b: usize, ctx: &Ctx<'a>) -> Option<(Seg<'a>, Seg<'a>)> {
    let glyphs = seg.shaped.glyphs.get(seg.g0..seg.g1)?;
    let scale = ctx.scale(seg.font, seg.size);
    let q = glyphs
        .iter()
        .position(|g| g.cluster.saturating_sub(seg.base) as usize >= b)?;
    if q == 0 {
        return None;
    }
    let adv: i64 = glyphs[..q].iter().map(|g| i64::from(g.advance)).sum();
    let head_fit: i64 = glyphs[..q]
        .iter()
        .map(|g| device_advance(g.advance, scale))
        .sum();
    cut_seg(seg, q, adv, head_fit, scale)
}

#[cfg(test)]
mod tests {
    use super::tokens;

    #[test]
    fn tokens_split_at_spaces_only() {
        let t: Vec<_> = tokens("Số 30/2020/NĐ-CP  ngày").collect();
        assert_eq!(
            t,
            vec![
                (false, "Số"),
                (true, " "),
                (false, "30/2020/NĐ-CP"),
                (true, "  "),
                (false, "ngày")
            ]
        );
    }
}
