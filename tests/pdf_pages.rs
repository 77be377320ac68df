//! The written PDF draws exactly the typeset `Pages`: every word that
//! poppler extracts from the file starts where the typesetter put a glyph
//! (same page, x within 0.05 pt, baseline within 0.1 pt), and each page
//! holds the same characters. So the conformance rules
//! (tests/conformance.rs), checked on `Pages`, hold for the PDF files too,
//! separate-file appendices included.

mod common;

use common::*;
use vanban_layout::fonts::FontSet;
use vanban_layout::pages::{Item, Pages, PlacedText};

/// A word (or a glyph): page, left x, baseline y (top-left origin), text.
#[derive(Debug, Clone)]
struct Word {
    page: usize,
    x: f32,
    /// Baseline (typeset) or the box's bottom edge (poppler).
    y: f32,
    /// Font size (typeset glyphs only).
    size: f32,
    text: String,
}

/// Every visible glyph the typesetter placed, with its pen position.
fn glyphs_of_pages(pages: &Pages) -> Vec<Word> {
    let mut out = Vec::new();
    for (pi, page) in pages.pages.iter().enumerate() {
        for t in page.items.iter().filter_map(|i| match i {
            Item::Text(t) => Some(t),
            Item::Line(_) => None,
        }) {
            let t: &PlacedText = t;
            let mut x = t.x;
            for g in &t.glyphs {
                let s = &t.text[g.range.clone()];
                if !s.chars().all(char::is_whitespace) {
                    out.push(Word {
                        page: pi,
                        x: x + g.x_offset,
                        y: t.y,
                        size: t.size,
                        text: s.to_owned(),
                    });
                }
                x += g.x_advance;
            }
        }
    }
    out
}

/// The words poppler extracts (`pdftotext -bbox`); `y` is the bottom of
/// poppler's box, which lies the font's descent below the baseline.
fn words_of_pdf(pdf: &std::path::Path) -> Vec<Word> {
    bbox_words(pdf)
        .into_iter()
        .map(|w| Word {
            page: w.page,
            x: w.x1,
            y: w.y2,
            size: 0.0,
            text: w.text,
        })
        .collect()
}

#[test]
fn every_fixture_pdf_draws_its_pages() {
    if !have("pdftotext") {
        eprintln!("skipped: pdftotext (poppler-utils) is not installed");
        return;
    }
    let fonts = FontSet::bundled();
    let descent = fonts.descender(vanban_layout::fonts::FontId::Regular);
    let dir = tempfile::tempdir().expect("tempdir");
    for f in fixtures() {
        let what = f.display().to_string();
        let json = std::fs::read(&f).expect("read");
        let doc = vanban_model::parse_bytes(&json).expect("parse");
        let flow = vanban_layout::style::style(&doc, fonts).expect("style");
        let mut flows = vec![flow.clone()];
        flows.extend(flow.attachments.iter().cloned());
        let r = vanban::render(
            &json,
            &[vanban::Format::Pdf],
            &vanban::RenderOptions::default(),
        )
        .expect("render");
        let mut pdfs = vec![r.pdf.clone().expect("pdf")];
        pdfs.extend(
            r.appendix_files
                .iter()
                .map(|a| a.rendered.pdf.clone().expect("pdf")),
        );
        assert_eq!(flows.len(), pdfs.len(), "{what}");
        for (k, (flow, pdf)) in flows.iter().zip(&pdfs).enumerate() {
            let pages = vanban_layout::paginate::paginate(flow, fonts).expect("paginate");
            let path = temp_file(dir.path(), &format!("f{k}.pdf"), pdf);
            let glyphs = glyphs_of_pages(&pages);
            let words = words_of_pdf(&path);
            // Every word in the file starts at a typeset glyph: same page,
            // x within 0.05 pt, same baseline, same first character.
            for w in &words {
                let at = glyphs.iter().find(|g| {
                    g.page == w.page
                        && (g.x - w.x).abs() <= 0.05
                        && (g.y + descent * g.size - w.y).abs() <= 0.1
                        && w.text.starts_with(g.text.as_str())
                });
                let near = glyphs
                    .iter()
                    .filter(|g| g.page == w.page && w.text.starts_with(g.text.as_str()))
                    .min_by(|a, b| {
                        let d = |g: &Word| (g.x - w.x).abs() + (g.y + descent * g.size - w.y).abs();
                        d(a).total_cmp(&d(b))
                    });
                assert!(
                    at.is_some(),
                    "{what} file {k}: {:?} at p{} x {:.3}, box bottom {:.3} in the PDF is not where a typeset glyph starts (nearest: {near:?})",
                    w.text,
                    w.page + 1,
                    w.x,
                    w.y
                );
            }
            // And the file holds the same characters, page by page.
            for p in 0..pages.pages.len() {
                let mut typeset: Vec<char> = glyphs
                    .iter()
                    .filter(|g| g.page == p)
                    .flat_map(|g| g.text.chars())
                    .collect();
                let mut extracted: Vec<char> = words
                    .iter()
                    .filter(|w| w.page == p)
                    .flat_map(|w| w.text.chars())
                    .collect();
                typeset.sort_unstable();
                extracted.sort_unstable();
                assert_eq!(
                    String::from_iter(&typeset),
                    String::from_iter(&extracted),
                    "{what} file {k} p{}: the characters differ",
                    p + 1
                );
            }
            assert!(words.len() > 20, "{what} file {k}: {} words", words.len());
        }
    }
}
