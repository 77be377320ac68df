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

pub use linebreak::is_break_space;

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
/// page. LibreOffice keeps it (Word drops it after a natural break unless
/// compatibility options say otherwise); flip after measuring.
pub const SPACE_BEFORE_AT_PAGE_TOP: bool = true;

/// Tolerance of length comparisons, in points (Typst's `Abs::fits` idea).
pub const EPSILON: f32 = 1e-3;

/// Whether `size` fits into `available`, with [`EPSILON`] tolerance.
pub fn fits(size: f32, available: f32) -> bool {
    size <= available + EPSILON
}

/// Whether a line of natural width `width` fits the measure `available`.
///
/// LibreOffice and Word lay text out in whole twips (1/20 pt): the line's
/// width is rounded to a twip before it is compared, so a line 0.02 pt
/// (0.4 twip) too long still fits there, and must fit here too, or the two
/// renderings break the paragraph differently (measured on the fixtures).
pub fn fits_line(width: f32, available: f32) -> bool {
    (width * 20.0).round() <= (available * 20.0).round() + EPSILON
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
        Ctx {
            shaper,
            words: {
                // Identity of the font set: the address of its regular
                // face's bytes, which live for the whole process.
                let key = fonts.data(FontId::Regular).as_ptr() as usize;
                let mut c = WORDS.with(|cell| cell.take());
                if c.set_key != key || c.words.len() >= WORD_CACHE_LIMIT {
                    c.words.clear();
                    c.set_key = key;
                }
                c
            },
            upem,
            descender,
            space,
            next_block: 0,
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
