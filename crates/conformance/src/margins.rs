//! Rules on the page and its margins (App. I §I.1, §I.3, §II.6.e).

use crate::*;

pub(crate) fn page_size(pages: &Pages) -> RuleResult {
    let mut f = Findings::new(rule::PAGE_SIZE);
    f.expect(
        (pages.width - PAGE_WIDTH).abs() <= TOL && (pages.height - PAGE_HEIGHT).abs() <= TOL,
        || {
            format!(
                "{:.1} × {:.1} pt, not {PAGE_WIDTH} × {PAGE_HEIGHT}",
                pages.width, pages.height
            )
        },
    );
    let note = format!("{:.1} × {:.1} mm", mm_of(pages.width), mm_of(pages.height));
    f.note(note).done()
}

/// The page geometry of page `index`: the expected one, turned for a page
/// of its own size (a landscape section keeps the margins in reading
/// direction, `style::landscape_page`).
pub(crate) fn page_geometry_of(e: &Expectations, pages: &Pages, index: usize) -> PageGeometry {
    let (width, height) = pages.page_size(index);
    PageGeometry {
        width,
        height,
        ..e.page
    }
}

#[derive(Clone, Copy)]
pub(crate) enum Side {
    Left,
    Right,
    Top,
    Bottom,
}

/// No glyph of any page (header, closing and notes included) lies more
/// than [`MARGIN_TOLERANCE_MM`] outside the declared left and right margins.
pub(crate) fn glyphs_in_margins(pages: &Pages, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::GLYPHS_IN_MARGINS);
    let tol = MARGIN_TOLERANCE_MM * PT_PER_MM;
    let (mut left, mut right) = (f32::INFINITY, f32::INFINITY);
    for (pi, page) in pages.pages.iter().enumerate() {
        let g = &page_geometry_of(e, pages, pi);
        let (lo, hi) = (g.margin_left - tol, g.width - g.margin_right + tol);
        for t in texts(page).filter(|t| !t.text.trim().is_empty()) {
            let (l, r) = (ink_left(t), ink_right(t));
            left = left.min(l - g.margin_left);
            right = right.min(g.width - g.margin_right - r);
            f.expect(l >= lo && r <= hi, || {
                format!(
                    "p{} {:?} from {:.1} to {:.1} mm from the left edge (margins {:.1} and {:.1} mm)",
                    pi + 1,
                    t.text,
                    mm_of(l),
                    mm_of(r),
                    mm_of(g.margin_left),
                    mm_of(g.width - g.margin_right)
                )
            });
        }
    }
    f.note(format!(
        "nearest glyphs {:.1} mm inside the left margin line, {:.1} mm inside the right",
        mm_of(left),
        mm_of(right)
    ))
    .done()
}

pub(crate) fn margin(ix: &Index<'_>, e: &Expectations, side: Side) -> RuleResult {
    let g = &e.page;
    let (name, value, range) = match side {
        Side::Left => (rule::MARGIN_LEFT, g.margin_left, MARGIN_LEFT_RANGE_MM),
        Side::Right => (rule::MARGIN_RIGHT, g.margin_right, MARGIN_RIGHT_RANGE_MM),
        Side::Top => (rule::MARGIN_TOP, g.margin_top, MARGIN_TOP_RANGE_MM),
        Side::Bottom => (rule::MARGIN_BOTTOM, g.margin_bottom, MARGIN_BOTTOM_RANGE_MM),
    };
    let mut f = Findings::new(name);
    let v = mm_of(value);
    // The style rounds lengths to twips (15 mm = 42.5 pt = 14.99 mm): TOL applies.
    let inside = value >= range.start() * PT_PER_MM - TOL && value <= range.end() * PT_PER_MM + TOL;
    f.expect(inside, || {
        format!(
            "the margin is {v:.1} mm, outside {}–{} mm",
            range.start(),
            range.end()
        )
    });
    // The measured extreme (text nearest the page edge) and the first offender.
    let mut extreme: Option<f32> = None;
    for (pi, page) in ix.pages.pages.iter().enumerate() {
        let g = &page_geometry_of(e, ix.pages, pi);
        let right_edge = g.width - g.margin_right;
        let bottom_edge = g.height - g.margin_bottom;
        let header = |t: &PlacedText| {
            pi == 0 && page.section == 0 && e.header.as_ref().is_some_and(|h| t.block < h.end_block)
        };
        for t in texts(page).filter(|t| !t.artifact) {
            let hdr = e.header.as_ref().filter(|_| header(t));
            let (measured, limit, outside) = match side {
                Side::Left => {
                    let x = ink_left(t);
                    let lim = hdr.map_or(g.margin_left, |h| h.left);
                    (x, lim, x < lim - TOL)
                }
                Side::Right => {
                    let x = ink_right(t);
                    let lim = hdr.map_or(right_edge, |h| h.right);
                    (g.width - x, g.width - lim, x > lim + TOL)
                }
                Side::Top => {
                    let y = t.y - e.ascent_em * t.size;
                    (y, g.margin_top, y < g.margin_top - TOL)
                }
                Side::Bottom => {
                    let y = t.y + e.descent_em * t.size;
                    (g.height - y, g.margin_bottom, y > bottom_edge + TOL)
                }
            };
            if hdr.is_none() {
                extreme = Some(extreme.map_or(measured, |m: f32| m.min(measured)));
            }
            if outside {
                f.fail(format!(
                    "p{} {:?} at {:.1} mm from the edge (limit {:.1} mm)",
                    pi + 1,
                    t.text,
                    mm_of(measured),
                    mm_of(limit)
                ));
            }
        }
        for l in rules(page) {
            let in_header = pi == 0
                && page.section == 0
                && e.header.as_ref().is_some_and(|h| {
                    let last = ix
                        .lines
                        .range(..h.end_block)
                        .flat_map(|(_, ls)| ls.iter().filter(|l| l.page == 0))
                        .map(|l| l.y)
                        .fold(f32::NEG_INFINITY, f32::max);
                    l.y1 <= last + TOL
                });
            let (lo, hi) = match (in_header, &e.header) {
                (true, Some(h)) => (h.left, h.right),
                _ => (g.margin_left, right_edge),
            };
            let bad = match side {
                Side::Left => l.x1.min(l.x2) < lo - TOL,
                Side::Right => l.x1.max(l.x2) > hi + TOL,
                Side::Top => l.y1 < g.margin_top - TOL,
                Side::Bottom => l.y1 > bottom_edge + TOL,
            };
            if bad {
                f.fail(format!(
                    "p{} a rule ({:.1},{:.1})–({:.1},{:.1}) crosses the margin",
                    pi + 1,
                    l.x1,
                    l.y1,
                    l.x2,
                    l.y2
                ));
            }
        }
    }
    let note = match extreme {
        Some(m) => format!("{v:.1} mm; nearest text {:.1} mm from the edge", mm_of(m)),
        None => format!("{v:.1} mm"),
    };
    f.note(note).done()
}

/// Where a line of a paragraph must start (left/justify), centre (centre)
/// or end (right), given its container.
pub(crate) fn para_starts(ix: &Index<'_>, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::PARA_START);
    let mut n = 0;
    for (&b, p) in &e.paras {
        if p.place == Place::Cell {
            continue;
        }
        let lines = ix.lines(b);
        for (k, line) in lines.iter().enumerate() {
            n += 1;
            let first = if k == 0 { p.indent_first } else { 0.0 };
            let g = &page_geometry_of(e, ix.pages, line.page);
            let l = g.margin_left + p.indent_left + first;
            let r = g.width - g.margin_right - p.indent_right;
            let (what, want, got, tol) = match p.align {
                Align::Left | Align::Justify => ("starts", l, line.left(), TOL),
                Align::Center if p.blanks => ("centre", (l + r) / 2.0, line.box_centre(), AXIS_TOL),
                Align::Center => ("centre", (l + r) / 2.0, line.centre(), AXIS_TOL),
                Align::Right => ("ends", r, line.right(), TOL),
            };
            f.expect((got - want).abs() <= tol, || {
                format!(
                    "{} {:?} {what} at {got:.2}, not {want:.2}",
                    pg(line),
                    line.text()
                )
            });
        }
    }
    f.note(format!("{n} lines")).done()
}
