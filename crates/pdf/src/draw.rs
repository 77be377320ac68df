//! Drawing one page: shaped text with `draw_glyphs`, rules as stroked paths.

use crate::PdfFonts;
use crate::error::PdfError;
use crate::tags::Collected;
use krilla::Document;
use krilla::geom::{PathBuilder, Point};
use krilla::page::PageSettings;
use krilla::paint::{LineCap, Stroke};
use krilla::surface::{Location, Surface};
use krilla::tagging::{Artifact, ArtifactType, ContentTag, SpanTag};
use krilla::text::GlyphId;
use std::num::NonZeroU64;
use std::ops::Range;
use vanban_layout::pages::{Glyph, Item, Page, Pages, PlacedLine, PlacedText};

/// What each krilla [`Location`] stands for: `(page index, item index)`;
/// location `n` is entry `n - 1`.
#[derive(Debug, Default)]
pub(crate) struct Locations(Vec<(usize, usize)>);

impl Locations {
    fn push(&mut self, page: usize, item: usize) -> Location {
        self.0.push((page, item));
        // len() >= 1 after a push.
        NonZeroU64::new(self.0.len() as u64).unwrap_or(NonZeroU64::MIN)
    }

    /// The page and item a location names.
    pub(crate) fn get(&self, loc: Location) -> Option<(usize, usize)> {
        let i = usize::try_from(loc.get()).ok()?.checked_sub(1)?;
        self.0.get(i).copied()
    }
}

/// A layout glyph seen through krilla's [`krilla::text::Glyph`] trait.
///
/// Layout glyphs are in points at the run's size; krilla asks for lengths
/// at a size it passes (often 1.0, i.e. em units), so each glyph carries the
/// run's `1 / size`, and the run's location so that a validation error
/// (e.g. a `.notdef` glyph) names the page and text. Only units are
/// converted here.
struct PdfGlyph<'a> {
    glyph: &'a Glyph,
    per_pt: f32,
    location: Location,
}

impl krilla::text::Glyph for PdfGlyph<'_> {
    fn glyph_id(&self) -> GlyphId {
        GlyphId::new(u32::from(self.glyph.id))
    }

    fn text_range(&self) -> Range<usize> {
        self.glyph.range.clone()
    }

    fn x_advance(&self, size: f32) -> f32 {
        self.glyph.x_advance * self.per_pt * size
    }

    fn x_offset(&self, size: f32) -> f32 {
        self.glyph.x_offset * self.per_pt * size
    }

    fn y_offset(&self, size: f32) -> f32 {
        // Both layout and krilla count y offsets upwards.
        self.glyph.y_offset * self.per_pt * size
    }

    fn y_advance(&self, _size: f32) -> f32 {
        0.0
    }

    fn location(&self) -> Option<Location> {
        Some(self.location)
    }
}

/// Largest coordinate, size or advance accepted, in points (about 35 m):
/// far beyond any page, small enough that sums stay finite.
const MAX_LEN: f32 = 100_000.0;

fn sane(v: f32) -> bool {
    v.is_finite() && v.abs() <= MAX_LEN
}

/// Rejects what krilla would panic on or write as garbage: non-finite or
/// absurd lengths, non-positive sizes, glyph ranges outside the text or
/// inside a character.
pub(crate) fn check_pages(pages: &Pages) -> Result<(), PdfError> {
    let bad = |page: usize, reason: String| PdfError::InvalidPages {
        page: page + 1,
        reason,
    };
    if !(pages.width.is_finite() && pages.height.is_finite())
        || pages.width < 3.0
        || pages.height < 3.0
        || pages.width > 14_400.0
        || pages.height > 14_400.0
    {
        return Err(bad(
            0,
            format!(
                "page size {} x {} pt is not drawable",
                pages.width, pages.height
            ),
        ));
    }
    for (p, page) in pages.pages.iter().enumerate() {
        for item in &page.items {
            match item {
                Item::Text(t) => check_text(t).map_err(|r| bad(p, r))?,
                Item::Line(l) => {
                    let all = [l.x1, l.y1, l.x2, l.y2, l.thickness];
                    if !all.iter().all(|v| sane(*v)) || l.thickness < 0.0 {
                        return Err(bad(p, format!("line {l:?} has an invalid coordinate")));
                    }
                }
            }
        }
    }
    Ok(())
}

fn check_text(t: &PlacedText) -> Result<(), String> {
    let excerpt = || excerpt(&t.text);
    if !(sane(t.size) && t.size > 0.0) {
        return Err(format!("text {} has font size {}", excerpt(), t.size));
    }
    if !(sane(t.x) && sane(t.y)) {
        return Err(format!("text {} has a position off any page", excerpt()));
    }
    for g in &t.glyphs {
        let r = &g.range;
        if r.start > r.end
            || r.end > t.text.len()
            || !t.text.is_char_boundary(r.start)
            || !t.text.is_char_boundary(r.end)
        {
            return Err(format!(
                "text {}: glyph {} maps to bytes {r:?}, not a range of the text",
                excerpt(),
                g.id
            ));
        }
        if !(sane(g.x_advance) && sane(g.x_offset) && sane(g.y_offset)) {
            return Err(format!(
                "text {}: glyph {} has an absurd advance or offset",
                excerpt(),
                g.id
            ));
        }
    }
    Ok(())
}

/// The first 40 characters of `s`, quoted.
pub(crate) fn excerpt(s: &str) -> String {
    let mut e: String = s.chars().take(40).collect();
    if e.len() < s.len() {
        e.push('…');
    }
    format!("{e:?}")
}

/// Draws one page into `doc`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn draw_page(
    doc: &mut Document,
    pages: &Pages,
    index: usize,
    page: &Page,
    fonts: &PdfFonts,
    tagged: bool,
    locations: &mut Locations,
    collected: &mut Collected,
) -> Result<(), PdfError> {
    let (width, height) = page.size.unwrap_or((pages.width, pages.height));
    let settings = PageSettings::from_wh(width, height).ok_or_else(|| PdfError::InvalidPages {
        page: index + 1,
        reason: format!("page size {width} x {height} pt"),
    })?;
    let mut kpage = doc.start_page_with(settings);
    let mut surface = kpage.surface();
    let mut glyphs: Vec<PdfGlyph<'_>> = Vec::new();
    for (i, item) in page.items.iter().enumerate() {
        let location = locations.push(index, i);
        surface.set_location(location);
        match item {
            Item::Text(t) => {
                if t.glyphs.is_empty() {
                    continue;
                }
                let per_pt = 1.0 / t.size;
                glyphs.clear();
                glyphs.extend(t.glyphs.iter().map(|glyph| PdfGlyph {
                    glyph,
                    per_pt,
                    location,
                }));
                if tagged {
                    if t.artifact {
                        surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(
                            ArtifactType::PageNumber,
                        )));
                    } else {
                        let id = surface.start_tagged(ContentTag::Span(SpanTag::empty()));
                        collected.push(t, id);
                    }
                }
                surface.draw_glyphs(
                    Point::from_xy(t.x, t.y),
                    &glyphs,
                    fonts.get(t.font).clone(),
                    &t.text,
                    t.size,
                    false,
                );
                if tagged {
                    surface.end_tagged();
                }
            }
            Item::Line(l) => {
                if tagged {
                    surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(
                        ArtifactType::Layout,
                    )));
                }
                draw_line(&mut surface, l);
                if tagged {
                    surface.end_tagged();
                }
            }
        }
    }
    surface.reset_location();
    surface.finish();
    kpage.finish();
    Ok(())
}

/// Strokes a rule in black with butt caps.
fn draw_line(surface: &mut Surface<'_>, l: &PlacedLine) {
    if l.thickness <= 0.0 {
        return;
    }
    let mut pb = PathBuilder::new();
    pb.move_to(l.x1, l.y1);
    pb.line_to(l.x2, l.y2);
    // A zero-length line gives no path: nothing to draw.
    let Some(path) = pb.finish() else { return };
    surface.set_fill(None);
    surface.set_stroke(Some(Stroke {
        width: l.thickness,
        line_cap: LineCap::Butt,
        ..Stroke::default()
    }));
    surface.draw_path(&path);
    surface.set_stroke(None);
}
