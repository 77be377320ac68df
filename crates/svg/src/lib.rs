//! `Pages` → SVG: one SVG document per page, drawn from the same typeset
//! [`Pages`] as the PDF, for the web editor's live preview.
//!
//! A thin backend like the PDF writer: it only draws what is in `Pages`.
//! Glyphs are drawn from their outlines, read from the very faces of the
//! [`FontSet`] the PDF embeds (so the browser needs no font and what staff see
//! is what prints). Each glyph used on a page is defined once in `<defs>` as
//! a `<path id>` in font units and placed with `<use>` scaled to the run's
//! size; rules are `<line>`s; the page box is a white `<rect>`.
//!
//! The output is deterministic: no clock, no random ids, no hash-map order
//! (glyph definitions come in first-use order), numbers with fixed decimals.

#![deny(missing_docs)]

use std::collections::BTreeSet;
use std::fmt::Write;
use vanban_layout::fonts::{FontId, FontSet};
use vanban_layout::pages::{Item, Page, Pages};

/// Draws every page of `pages` as its own SVG document, in page order.
pub fn render_pages(pages: &Pages, fonts: &FontSet) -> Vec<String> {
    let faces = Faces::new(fonts);
    pages
        .pages
        .iter()
        .enumerate()
        .map(|(i, p)| render_page(pages, p, i, &faces))
        .collect()
}

/// The four faces parsed once for outline extraction.
struct Faces<'a> {
    faces: [Option<ttf_parser::Face<'a>>; 4],
    units_per_em: [f32; 4],
}

impl<'a> Faces<'a> {
    fn new(fonts: &'a FontSet) -> Self {
        let faces = FontId::ALL.map(|id| ttf_parser::Face::parse(fonts.data(id), 0).ok());
        let units_per_em = FontId::ALL.map(|id| fonts.units_per_em(id));
        Faces {
            faces,
            units_per_em,
        }
    }

    /// The outline of a glyph as SVG path data in font units, y down.
    fn outline(&self, font: FontId, glyph: u16) -> String {
        let mut b = PathData(String::new());
        if let Some(face) = &self.faces[font.index()] {
            // A glyph without outline (a space) draws nothing.
            let _ = face.outline_glyph(ttf_parser::GlyphId(glyph), &mut b);
        }
        b.0
    }
}

/// Collects an outline as SVG path data, flipping y (fonts count y up).
struct PathData(String);

impl ttf_parser::OutlineBuilder for PathData {
    fn move_to(&mut self, x: f32, y: f32) {
        let _ = write!(self.0, "M{} {}", num(x), num(-y));
    }
    fn line_to(&mut self, x: f32, y: f32) {
        let _ = write!(self.0, "L{} {}", num(x), num(-y));
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        let _ = write!(self.0, "Q{} {} {} {}", num(x1), num(-y1), num(x), num(-y));
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        let _ = write!(
            self.0,
            "C{} {} {} {} {} {}",
            num(x1),
            num(-y1),
            num(x2),
            num(-y2),
            num(x),
            num(-y)
        );
    }
    fn close(&mut self) {
        self.0.push('Z');
    }
}

/// A number with at most two decimals, no trailing zeros, no "-0".
fn num(v: f32) -> String {
    let v = if v.is_finite() { v } else { 0.0 };
    let mut s = format!("{v:.2}");
    if s.contains('.') {
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
    }
    if s == "-0" { "0".to_owned() } else { s }
}

/// Escapes text for an XML attribute or element.
fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            _ => o.push(c),
        }
    }
    o
}

/// The id of a glyph definition: `g<face><glyph>` (face 0–3).
fn glyph_id(font: FontId, glyph: u16) -> String {
    format!("g{}-{}", font.index(), glyph)
}

fn render_page(pages: &Pages, page: &Page, index: usize, faces: &Faces<'_>) -> String {
    let (w, h) = (num(pages.width), num(pages.height));
    // Glyph definitions in first-use order (deterministic).
    let mut order: Vec<(FontId, u16)> = Vec::new();
    let mut seen: BTreeSet<(usize, u16)> = BTreeSet::new();
    for item in &page.items {
        if let Item::Text(t) = item {
            for g in &t.glyphs {
                if seen.insert((t.font.index(), g.id)) {
                    order.push((t.font, g.id));
                }
            }
        }
    }
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" \
         class=\"vb-page\" data-page=\"{}\" width=\"{w}pt\" height=\"{h}pt\" viewBox=\"0 0 {w} {h}\" \
         role=\"img\" aria-label=\"Trang {}\">",
        index + 1,
        index + 1
    );
    s.push_str("<defs>\n");
    for (font, id) in &order {
        let d = faces.outline(*font, *id);
        let _ = writeln!(s, "<path id=\"{}\" d=\"{d}\"/>", glyph_id(*font, *id));
    }
    s.push_str("</defs>\n");
    let _ = writeln!(
        s,
        "<rect class=\"vb-box\" x=\"0\" y=\"0\" width=\"{w}\" height=\"{h}\" fill=\"#fff\"/>"
    );
    for item in &page.items {
        match item {
            Item::Text(t) => {
                let upem = faces.units_per_em[t.font.index()];
                let scale = if upem > 0.0 { t.size / upem } else { 0.0 };
                let _ = write!(s, "<g class=\"vb-text\" data-text=\"{}\">", esc(&t.text));
                let mut pen = t.x;
                for g in &t.glyphs {
                    let x = pen + g.x_offset;
                    let y = t.y - g.y_offset;
                    let _ = write!(
                        s,
                        "<use href=\"#{}\" transform=\"translate({} {}) scale({})\"/>",
                        glyph_id(t.font, g.id),
                        num(x),
                        num(y),
                        scale_num(scale)
                    );
                    pen += g.x_advance;
                }
                s.push_str("</g>\n");
            }
            Item::Line(l) => {
                let _ = writeln!(
                    s,
                    "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#000\" stroke-width=\"{}\"/>",
                    num(l.x1),
                    num(l.y1),
                    num(l.x2),
                    num(l.y2),
                    num(l.thickness)
                );
            }
        }
    }
    s.push_str("</svg>\n");
    s
}

/// A glyph scale (size / units per em, about 0.006) with six decimals.
fn scale_num(v: f32) -> String {
    let v = if v.is_finite() { v } else { 0.0 };
    let mut s = format!("{v:.6}");
    while s.ends_with('0') {
        s.pop();
    }
    if s.ends_with('.') {
        s.push('0');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_stable() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(12.345), "12.35");
        assert_eq!(num(f32::NAN), "0");
        assert_eq!(scale_num(13.0 / 2048.0), "0.006348");
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(esc("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
    }
}
