//! The SVG pages draw exactly the typeset glyphs, and are deterministic.

use vanban_layout::fonts::FontSet;
use vanban_layout::pages::{Item, Pages};

fn typeset(name: &str) -> Pages {
    let path = format!("{}/../../fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).expect("fixture");
    let doc = vanban_model::parse_bytes(&bytes).expect("valid fixture");
    let fonts = FontSet::bundled();
    let flow = vanban_layout::style::style(&doc, fonts).expect("style");
    vanban_layout::paginate::paginate(&flow, fonts).expect("paginate")
}

/// Every `<use … transform="translate(X Y) …"/>` of an SVG page, in order.
fn uses(svg: &str) -> Vec<(String, f32, f32)> {
    let mut out = Vec::new();
    for part in svg.split("<use href=\"#").skip(1) {
        let id = part.split('"').next().unwrap_or_default().to_owned();
        let t = part
            .split("translate(")
            .nth(1)
            .and_then(|r| r.split(')').next())
            .unwrap_or_default();
        let mut it = t.split(' ').map(|v| v.parse::<f32>().unwrap_or(f32::NAN));
        let (x, y) = (it.next().unwrap_or(f32::NAN), it.next().unwrap_or(f32::NAN));
        out.push((id, x, y));
    }
    out
}

#[test]
fn glyphs_and_positions_match_the_pages() {
    let pages = typeset("bao-cao-ba-to.json");
    let fonts = FontSet::bundled();
    let svgs = vanban_svg::render_pages(&pages, fonts);
    assert_eq!(svgs.len(), pages.pages.len());
    assert!(pages.pages.len() > 1, "Ba Tô report has several pages");
    for (page, svg) in pages.pages.iter().zip(&svgs) {
        let mut want = Vec::new();
        let mut lines = 0;
        for item in &page.items {
            match item {
                Item::Text(t) => {
                    let mut pen = t.x;
                    for g in &t.glyphs {
                        want.push((
                            format!("g{}-{}", t.font.index(), g.id),
                            pen + g.x_offset,
                            t.y - g.y_offset,
                        ));
                        pen += g.x_advance;
                    }
                }
                Item::Line(_) => lines += 1,
            }
        }
        let got = uses(svg);
        assert_eq!(got.len(), want.len(), "one <use> per glyph");
        for ((gi, gx, gy), (wi, wx, wy)) in got.iter().zip(&want) {
            assert_eq!(gi, wi);
            assert!((gx - wx).abs() <= 0.006, "x {gx} vs {wx}");
            assert!((gy - wy).abs() <= 0.006, "y {gy} vs {wy}");
        }
        assert_eq!(svg.matches("<line ").count(), lines);
        // Each used glyph defined exactly once, with an outline.
        let defs: Vec<&str> = svg
            .split("<path id=\"")
            .skip(1)
            .map(|p| p.split('"').next().unwrap_or_default())
            .collect();
        let mut unique = defs.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), defs.len(), "no glyph defined twice");
        for (id, _, _) in &got {
            assert!(defs.contains(&id.as_str()), "{id} defined");
        }
        assert!(svg.contains("d=\"M"), "outlines drawn as paths");
        assert!(svg.contains("<rect class=\"vb-box\""));
        assert!(!svg.contains("<text"), "no font needed by the browser");
    }
    // The page's text is carried for accessibility and tests.
    assert!(svgs[0].contains("BÁO CÁO"));
}

#[test]
fn output_is_byte_identical_twice() {
    let fonts = FontSet::bundled();
    let a = vanban_svg::render_pages(&typeset("bao-cao-ba-to.json"), fonts);
    let b = vanban_svg::render_pages(&typeset("bao-cao-ba-to.json"), fonts);
    assert_eq!(a, b);
}
