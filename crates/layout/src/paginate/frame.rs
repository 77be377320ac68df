//! Frames: laid-out pieces with absolute x and y relative to their top,
//! moved into place by a vertical offset when the page is known.

use crate::pages::{Item, Page, Region};

/// A laid-out box: its height, the items drawn in it and its named regions.
/// x coordinates are final; y coordinates are relative to the frame's top.
#[derive(Debug, Clone, Default)]
pub(crate) struct Frame {
    /// Height the frame occupies in the flow.
    pub h: f32,
    /// Items, y relative to the top.
    pub items: Vec<Item>,
    /// Regions, y relative to the top.
    pub regions: Vec<Region>,
}

/// A laid-out note line (or any stacked line) with the space before it.
#[derive(Debug, Clone)]
pub(crate) struct Spaced {
    /// Space above the frame.
    pub gap: f32,
    /// The frame.
    pub frame: Frame,
}

/// A footnote's entry, laid out at the text width.
#[derive(Debug, Clone, Default)]
pub(crate) struct Note {
    /// Its lines with the spacing before each.
    pub lines: Vec<Spaced>,
}

impl Note {
    /// Total height of the entry.
    pub fn height(&self) -> f32 {
        self.lines.iter().map(|l| l.gap + l.frame.h).sum()
    }
}

/// A frame ready for the flow: with its `need` (the room that must be left
/// for it to be placed here, widows, orphans and keeps included) and the
/// footnotes whose references it holds.
#[derive(Debug, Clone)]
pub(crate) struct Atom {
    /// The frame.
    pub frame: Frame,
    /// Room needed below the current position to place it.
    pub need: f32,
    /// Height of the footnote entries referenced by the other lines that
    /// `need` binds to this one (widows, orphans, keeps): they must fit at
    /// this page's foot too, as LibreOffice keeps a reference and the start
    /// of its note on one page.
    pub need_notes: f32,
    /// Footnote entries referenced in it.
    pub notes: Vec<Note>,
}

impl Atom {
    /// An atom that needs just its own height.
    pub fn new(frame: Frame) -> Self {
        Atom {
            need: frame.h,
            need_notes: 0.0,
            frame,
            notes: Vec::new(),
        }
    }
}

/// Shifts an item down by `dy`.
pub(crate) fn shift(item: &mut Item, dy: f32) {
    match item {
        Item::Text(t) => t.y += dy,
        Item::Line(l) => {
            l.y1 += dy;
            l.y2 += dy;
        }
    }
}

impl Frame {
    /// Moves the frame's content into `other` (a larger frame) at `dy`.
    pub fn merge_into(self, other: &mut Frame, dy: f32) {
        other.items.extend(self.items.into_iter().map(|mut i| {
            shift(&mut i, dy);
            i
        }));
        other.regions.extend(self.regions.into_iter().map(|mut r| {
            r.y += dy;
            r
        }));
    }

    /// Moves the frame's content onto a page with its top at `y`.
    pub fn place(self, page: &mut Page, y: f32) {
        page.items.extend(self.items.into_iter().map(|mut i| {
            shift(&mut i, y);
            i
        }));
        page.regions.extend(self.regions.into_iter().map(|mut r| {
            r.y += y;
            r
        }));
    }
}
