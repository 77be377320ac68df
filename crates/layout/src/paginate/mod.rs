//! The paging half: breaks the [`Flow`] into lines and pages, giving [`Pages`].
//!
//! The pipeline follows Typst's (`collect → linebreak → distribute →
//! compose`), simplified to what a Decree 30 document needs:
//!
//! 1. [`linebreak`]: each paragraph's runs become shaped segments (words,
//!    spaces, marks, blanks); lines are chosen greedily, first fit, as Word
//!    and LibreOffice do, with break opportunities only at U+0020 spaces.
//! 2. [`para`]: each line becomes a [`frame::Frame`] of exactly the
//!    paragraph's line pitch, justified or aligned, with its footnotes laid
//!    out beside it.
//! 3. [`blocks`] and [`table`]: rules, spacers, cells, rows.
//! 4. [`distribute`]: every block of a section becomes a flat list of
//!    children (lines, rows, spacing) each with a `need` (widows, orphans,
//!    keep-together, keep-with-next), and the children are poured into pages
//!    with footnotes at the foot, repeated table headers, the first-page
//!    footer and page numbers.
//!
//! All lengths are points; every comparison of lengths uses [`fits`].

mod blocks;
mod distribute;
mod frame;
mod linebreak;
mod para;
mod table;

use crate::flow::Flow;
use crate::fonts::{FontId, FontSet, ShapedWord, Shaper};
use crate::pages::Pages;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;

pub use blocks::{resize_seals, seal_region};

/// Errors while typesetting.
#[derive(Debug, thiserror::Error)]
pub enum LayoutError {
    /// Something could not be placed at all.
    #[error("{path}: {message}")]
    Unplaceable {
        /// JSON path of the source.
        path: String,
        /// What went wrong.
        message: String,
    },
    /// The page geometry leaves no text block (or is not a number).
    #[error("page geometry: {message}")]
    Geometry {
        /// What is wrong with it.
        message: String,
    },
}

/// Whether the space before a paragraph is kept when the paragraph starts a
/// page after a natural break. Word drops it, and so does LibreOffice for
/// our DOCX (measured on the Ba Tô report: a 6 pt space before at the top
/// of pages 3 and 5–8 is not there in LibreOffice's rendering).
pub const SPACE_BEFORE_AT_PAGE_TOP: bool = false;

/// Tolerance of length comparisons, in points (Typst's `Abs::fits` idea).
pub(crate) const EPSILON: f32 = 1e-3;

/// Whether `size` fits into `available`, with [`EPSILON`] tolerance.
pub(crate) fn fits(size: f32, available: f32) -> bool {
    size <= available + EPSILON
}

/// Units per point of the device on which Word documents are measured for
/// line breaking: LibreOffice lays a DOCX out on its "MSO1" reference
/// device, 6 × 1440 = 8640 dpi (1/6 twip), its model of Word's. Each glyph
/// advance is rounded to whole device units there, so a line's width is a
/// little off the sum of exact advances (up to ±1/240 pt per glyph, about
/// a point over a body line), and a line near the measure fits in one and
/// not in the other unless both measure alike. Measured with LibreOffice
/// 24.2 on one-line paragraphs whose measure moves by one twip: the break
/// falls where the rounded sum passes the measure, for i, m, e, ệ runs and
/// mixed Vietnamese words, at 14 pt (`tools/linefit.py`).
pub const DEVICE_UNITS_PER_PT: f32 = 120.0;

/// A line that ends in italic text holds a twelfth of the font's height
/// less: LibreOffice's italic correction for DOCX in Word 2013+ mode
/// (`compatibilityMode` 15, which the DOCX writer sets). Measured like
/// [`DEVICE_UNITS_PER_PT`]: lines of italic and bold italic text, and
/// lines whose last run only is italic, need 26 twips more at 14 pt and 24
/// at 13 pt; a line whose italic run is followed by upright text needs none.
pub(crate) const ITALIC_CORRECTION_DIVISOR: i64 = 12;

/// A glyph advance of `units` font units at `scale` points per unit, in
/// whole device units ([`DEVICE_UNITS_PER_PT`]).
pub fn device_advance(units: i32, scale: f32) -> i64 {
    let v = units as f32 * scale * DEVICE_UNITS_PER_PT;
    if v.is_finite() { v.round() as i64 } else { 0 }
}

/// Whether a line whose glyph advances add up to `width` device units
/// ([`device_advance`]) fits the measure `available` (points, whole
/// twips): the rule of Word's layout device, so lines break as in Word and
/// LibreOffice.
pub fn fits_line(width: i64, available: f32) -> bool {
    width as f64 <= f64::from(available) * f64::from(DEVICE_UNITS_PER_PT) + 0.01
}

/// Typesets `flow` into pages.
///
/// Deterministic: the same `flow` and fonts give equal [`Pages`].
pub fn paginate(flow: &Flow, fonts: &FontSet) -> Result<Pages, LayoutError> {
    let mut ctx = Ctx::new(fonts);
    distribute::run(flow, &mut ctx)
}

/// A non-negative finite length (NaN, infinities and negatives become 0).
pub(crate) fn len(x: f32) -> f32 {
    if x.is_finite() && x > 0.0 { x } else { 0.0 }
}

/// A finite length, sign kept (NaN and infinities become 0).
pub(crate) fn signed(x: f32) -> f32 {
    if x.is_finite() { x } else { 0.0 }
}

/// Where the baseline of a line sits below the line's top: text stands on
/// the bottom of the exact line box, lifted by the descender of the line's
/// largest run (LibreOffice's behaviour for fixed line spacing).
///
/// `descent` is the descender in points (em × size).
pub(crate) fn baseline(line_height: f32, descent: f32) -> f32 {
    line_height - descent
}

/// Shaping and bookkeeping shared by the whole run.
pub(crate) struct Ctx<'a> {
    /// The fonts' shaper (with its own cache).
    shaper: Shaper<'a>,
    /// The thread's word cache, taken for the run and given back on drop.
    words: WordCache,
    /// Units per em per face.
    upem: [f32; 4],
    /// Descender in em per face.
    descender: [f32; 4],
    /// The shaped U+0020 per face.
    space: [Rc<ShapedWord>; 4],
    /// The next paragraph index in reading order.
    next_block: u32,
    /// Ascender + descender in em per face.
    height_em: [f32; 4],
    /// Inner hyphens of words that open a line after a soft break.
    pub(crate) pins: crate::pages::HyphenPins,
}

impl<'a> Ctx<'a> {
    fn new(fonts: &'a FontSet) -> Self {
        let mut shaper = Shaper::new(fonts);
        let space = FontId::ALL.map(|f| shaper.shape(f, " "));
        let upem = FontId::ALL.map(|f| {
            let u = fonts.units_per_em(f);
            if u.is_finite() && u > 0.0 { u } else { 1000.0 }
        });
        let descender = FontId::ALL.map(|f| signed(fonts.descender(f)));
        let height_em = FontId::ALL.map(|f| len(fonts.ascender(f) + fonts.descender(f)));
        Ctx {
            shaper,
            words: {
                // Identity of the font set: the address of its regular
                // face's bytes, which live for the whole process.
                let key = fonts.data(FontId::Regular).as_ptr() as usize;
                let mut c = WORDS.with(|cell| cell.take());
                if c.set_key != key || c.words.len() >= WORD_CACHE_LIMIT {
                    c.words.clear();
                    c.space_kerns.clear();
                    c.set_key = key;
                }
                c
            },
            upem,
            descender,
            space,
            next_block: 0,
            height_em,
            pins: crate::pages::HyphenPins::default(),
        }
    }

    /// The kerning, in font units, between `c` and a following space
    /// (`space_first` false: it adjusts `c`'s advance) or between a space
    /// and a following `c` (`space_first` true: it adjusts the space's).
    /// Words are shaped one by one, so these pairs (" T", " A", "Y " … in
    /// Liberation Serif and Times New Roman) are added at the word
    /// boundaries, as Word and LibreOffice, which shape whole runs, kern them.
    pub(crate) fn space_kern(&mut self, font: FontId, c: char, space_first: bool) -> i32 {
        let key = (font.index(), space_first, c);
        if let Some(k) = self.words.space_kerns.get(&key) {
            return *k;
        }
        let mut pair = String::with_capacity(8);
        if space_first {
            pair.push(' ');
            pair.push(c);
        } else {
            pair.push(c);
            pair.push(' ');
        }
        let both = self.shaper.shape(font, &pair);
        let alone = self.shaper.shape(font, c.encode_utf8(&mut [0; 4]));
        let space = &self.space[font.index()];
        // Only a plain pair of two glyphs: the kerning is the first
        // glyph's change of advance.
        let k = match (
            both.glyphs.as_slice(),
            alone.glyphs.as_slice(),
            space.glyphs.as_slice(),
        ) {
            ([a, _], [c1], [s1]) => {
                if space_first {
                    a.advance - s1.advance
                } else {
                    a.advance - c1.advance
                }
            }
            _ => 0,
        };
        self.words.space_kerns.insert(key, k);
        k
    }

    /// The italic correction on the layout device (device units) for a
    /// line whose last text is in the italic `font` at `size`: LibreOffice
    /// (DOCX in Word 2013+ mode) reserves a twelfth of the font's height
    /// (ascender + descender) after it, so such a line holds that much less
    /// (measured: 0.092 em at 13 and 14 pt; see [`ITALIC_CORRECTION_DIVISOR`]).
    pub(crate) fn italic_correction(&self, font: FontId, size: f32) -> i64 {
        if !matches!(font, FontId::Italic | FontId::BoldItalic) {
            return 0;
        }
        let h = self.height_em[font.index()] * size * DEVICE_UNITS_PER_PT;
        if h.is_finite() {
            h.round() as i64 / ITALIC_CORRECTION_DIVISOR
        } else {
            0
        }
    }

    /// Shapes a word, through the thread's word cache (kept between calls,
    /// so a batch of documents or a re-render shapes each word once).
    pub(crate) fn shape(&mut self, font: FontId, word: &str) -> Rc<ShapedWord> {
        if let Some(w) = self
            .words
            .words
            .get(word)
            .and_then(|e| e[font.index()].as_ref())
        {
            return w.clone();
        }
        // Cached here only: the Shaper's own cache would keep a second copy.
        let w = Rc::new(self.shaper.shape_uncached(font, word));
        let entry = match self.words.words.get_mut(word) {
            Some(e) => e,
            None => self.words.words.entry(Box::from(word)).or_default(),
        };
        entry[font.index()] = Some(w.clone());
        w
    }

    /// Shapes a short-lived string (numbers, blanks).
    pub(crate) fn shape_owned(&mut self, font: FontId, text: &str) -> Rc<ShapedWord> {
        self.shaper.shape(font, text)
    }

    /// The shaped space of a face.
    pub(crate) fn space(&self, font: FontId) -> Rc<ShapedWord> {
        self.space[font.index()].clone()
    }

    /// Points per font unit at `size`.
    pub(crate) fn scale(&self, font: FontId, size: f32) -> f32 {
        size / self.upem[font.index()]
    }

    /// Descender of a face at `size`, in points (positive downwards).
    pub(crate) fn descent(&self, font: FontId, size: f32) -> f32 {
        self.descender[font.index()] * size
    }

    /// Takes the next paragraph index.
    pub(crate) fn next_block(&mut self) -> u32 {
        let b = self.next_block;
        self.next_block = self.next_block.saturating_add(1);
        b
    }
}

impl Drop for Ctx<'_> {
    fn drop(&mut self) {
        let c = std::mem::take(&mut self.words);
        WORDS.with(|cell| cell.replace(c));
    }
}

/// Words kept in the thread's cache before it is emptied (bounds memory in
/// long batch runs).
const WORD_CACHE_LIMIT: usize = 100_000;

/// Shaped words per face, for one font set.
#[derive(Default)]
struct WordCache {
    set_key: usize,
    words: HashMap<Box<str>, [Option<Rc<ShapedWord>>; 4], BuildHasherDefault<FxHasher>>,
    /// Kerning between a character and a space, by (face, space first,
    /// character), in font units ([`Ctx::space_kern`]).
    space_kerns: HashMap<(usize, bool, char), i32, BuildHasherDefault<FxHasher>>,
}

thread_local! {
    /// The thread's shaped words. Only looked up, never iterated: output
    /// does not depend on its order or on what earlier calls left in it.
    static WORDS: std::cell::RefCell<WordCache> = std::cell::RefCell::new(WordCache::default());
}

/// A small, fast, non-cryptographic hasher for the word cache (the Fx hash
/// of rustc; keys are our own document's words, no attacker to fear).
#[derive(Default)]
pub(crate) struct FxHasher {
    hash: u64,
}

impl FxHasher {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(Self::SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.add(u64::from_le_bytes(b));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}
