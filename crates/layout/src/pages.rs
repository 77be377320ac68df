//! `Pages`: the typesetter's output, a plain positioned tree.
//!
//! Every coordinate is in points from the page's top-left corner, y down
//! (as krilla draws). The PDF writer only draws what is here.

use crate::flow::{DocInfo, RegionKind, Role};
use crate::fonts::FontId;
use std::collections::BTreeSet;
use std::ops::Range;

/// All pages of the document.
#[derive(Debug, Clone, PartialEq)]
pub struct Pages {
    /// Page width.
    pub width: f32,
    /// Page height.
    pub height: f32,
    /// Pages in order.
    pub pages: Vec<Page>,
    /// Document information.
    pub info: DocInfo,
    /// The inner hyphens of words that a line break put at the start of a
    /// line (see [`HyphenPins`]).
    pub pins: HyphenPins,
}

/// Inner hyphens ("12/KH-UBND") of the words that open a line after a soft
/// break. Lines never break inside a word here ([`crate::flow::TextRun`]);
/// Word and LibreOffice would break after such a hyphen when the head of the
/// word fits on the line above, so the DOCX writes exactly these hyphens as
/// non-breaking and every other one as a plain, searchable hyphen-minus.
///
/// A hyphen is named by the address of its byte in the paginated
/// [`crate::flow::Flow`]'s text, so the set is valid for that flow only, as
/// long as its text is not changed; it only ever answers membership, so the
/// written bytes do not depend on the addresses.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HyphenPins(BTreeSet<usize>);

impl HyphenPins {
    /// Records the hyphen at byte `at` of `text`.
    pub fn insert(&mut self, text: &str, at: usize) {
        self.0.insert(text.as_ptr() as usize + at);
    }

    /// Whether the hyphen at byte `at` of `text` is pinned.
    pub fn contains(&self, text: &str, at: usize) -> bool {
        self.0.contains(&(text.as_ptr() as usize + at))
    }

    /// How many hyphens are pinned.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether none is.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// One page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    /// What is drawn, in drawing order.
    pub items: Vec<Item>,
    /// Named rectangles (blanks, signature and seal rooms).
    pub regions: Vec<Region>,
    /// The printed page number, if any (none on a section's first page).
    pub number: Option<u32>,
    /// Index of the section (0 = main document, 1.. = appendices).
    pub section: usize,
    /// The page's own width and height when they differ from
    /// [`Pages::width`] and [`Pages::height`] (a landscape section).
    pub size: Option<(f32, f32)>,
}

impl Pages {
    /// The width and height of page `index`.
    pub fn page_size(&self, index: usize) -> (f32, f32) {
        self.pages
            .get(index)
            .and_then(|p| p.size)
            .unwrap_or((self.width, self.height))
    }
}

/// A drawn item.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// Shaped text on one baseline.
    Text(PlacedText),
    /// A straight stroked line.
    Line(PlacedLine),
}

/// Shaped text on one baseline, in one font and size.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedText {
    /// Left end of the baseline.
    pub x: f32,
    /// Baseline.
    pub y: f32,
    /// Face.
    pub font: FontId,
    /// Size in points.
    pub size: f32,
    /// The NFC text the glyphs stand for (for ToUnicode / the text layer).
    pub text: String,
    /// Glyphs in visual order.
    pub glyphs: Vec<Glyph>,
    /// The role of the paragraph it belongs to.
    pub role: Role,
    /// Index of the paragraph in reading order (for tagging); runs of one
    /// paragraph share it.
    pub block: u32,
    /// Not content (page numbers): an artifact in tagged PDF.
    pub artifact: bool,
}

impl PlacedText {
    /// The advance width of the run.
    pub fn width(&self) -> f32 {
        self.glyphs.iter().map(|g| g.x_advance).sum()
    }
}

/// A positioned glyph. Lengths in points.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// Glyph id in the face.
    pub id: u16,
    /// Advance, justification stretch included.
    pub x_advance: f32,
    /// Horizontal offset from the pen position.
    pub x_offset: f32,
    /// Vertical offset (up positive, as in fonts).
    pub y_offset: f32,
    /// Byte range of `text` this glyph stands for.
    pub range: Range<usize>,
}

/// A stroked line.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedLine {
    /// Start x.
    pub x1: f32,
    /// Start y.
    pub y1: f32,
    /// End x.
    pub x2: f32,
    /// End y.
    pub y2: f32,
    /// Stroke width.
    pub thickness: f32,
}

/// A named rectangle (top-left origin, y down).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Region {
    /// Which region.
    pub kind: RegionKind,
    /// Left.
    pub x: f32,
    /// Top.
    pub y: f32,
    /// Width.
    pub w: f32,
    /// Height.
    pub h: f32,
}
