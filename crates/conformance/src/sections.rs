//! Rules on the first pages of sections: page numbers (App. I §I.7) and the
//! signature box of an appendix issued as its own file (App. I §II.8.b).

use crate::*;

/// The page's position within its section (1-based), per page.
pub(crate) fn section_pages(pages: &Pages) -> Vec<u32> {
    let mut out = Vec::with_capacity(pages.pages.len());
    let mut last = None;
    let mut k = 0u32;
    for p in &pages.pages {
        if last != Some(p.section) {
            k = 0;
            last = Some(p.section);
        }
        k += 1;
        out.push(k);
    }
    out
}

pub(crate) fn page_numbers_on(page: &Page) -> Vec<&PlacedText> {
    texts(page).filter(|t| t.artifact).collect()
}

pub(crate) fn appendix_file_signature(pages: &Pages, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::APPENDIX_FILE_SIGNATURE);
    let g = &e.page;
    let k = section_pages(pages);
    let mut found = Vec::new();
    for (i, p) in pages.pages.iter().enumerate() {
        for r in p
            .regions
            .iter()
            .filter(|r| r.kind == RegionKind::AttachmentSignature)
        {
            found.push(p.section);
            f.expect(e.appendix_files.contains(&p.section) && k[i] == 1, || {
                format!(
                    "p{}: a box on page {} of section {}",
                    i + 1,
                    k[i],
                    p.section
                )
            });
            let right = g.width - g.margin_right;
            f.expect(
                (r.x + r.w - right).abs() <= TOL && r.x >= g.width / 2.0,
                || {
                    format!(
                        "p{}: box {:.2}–{:.2}, not flush right at {right:.2}",
                        i + 1,
                        r.x,
                        r.x + r.w
                    )
                },
            );
            f.expect(
                r.y >= 0.0 && r.y + r.h <= g.margin_top + TOL && r.h > 0.0,
                || {
                    format!(
                        "p{}: box {:.2}–{:.2} not in the top margin",
                        i + 1,
                        r.y,
                        r.y + r.h
                    )
                },
            );
            for t in texts(p) {
                let (top, bottom) = (t.y - e.ascent_em * t.size, t.y + e.descent_em * t.size);
                let inside = ink_right(t) > r.x
                    && ink_left(t) < r.x + r.w
                    && bottom > r.y
                    && top < r.y + r.h;
                f.expect(!inside, || {
                    format!("p{}: {:?} inside the box", i + 1, t.text)
                });
            }
        }
    }
    for s in &e.appendix_files {
        f.expect(found.iter().filter(|x| *x == s).count() == 1, || {
            format!("section {s}: not one box on its first page")
        });
    }
    if e.appendix_files.is_empty() {
        f.expect(found.is_empty(), || {
            "a box the document does not have".into()
        });
        return f.note("no separate-file appendix").done();
    }
    f.note(format!("{} boxes", found.len())).done()
}

pub(crate) fn page_number_first(pages: &Pages, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::PAGE_NUMBER_FIRST);
    let k = section_pages(pages);
    let mut n = 0;
    for (i, p) in pages.pages.iter().enumerate() {
        let numbered = e.section_numbers.get(p.section).copied().unwrap_or(true);
        if k[i] != 1 && numbered {
            continue;
        }
        n += 1;
        let drawn = page_numbers_on(p);
        f.expect(p.number.is_none() && drawn.is_empty(), || {
            format!(
                "p{} (page {} of section {}) shows number {:?}{}",
                i + 1,
                k[i],
                p.section,
                p.number,
                drawn
                    .iter()
                    .map(|t| format!(", draws {:?}", t.text))
                    .collect::<String>()
            )
        });
    }
    f.note(format!("{n} unnumbered pages")).done()
}

pub(crate) fn page_number_seq(pages: &Pages, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::PAGE_NUMBER_SEQ);
    let k = section_pages(pages);
    let mut n = 0;
    for (i, p) in pages.pages.iter().enumerate() {
        let numbered = e.section_numbers.get(p.section).copied().unwrap_or(true);
        if k[i] == 1 || !numbered {
            continue;
        }
        n += 1;
        let drawn: Vec<&str> = page_numbers_on(p).iter().map(|t| t.text.as_str()).collect();
        let want = k[i].to_string();
        f.expect(p.number == Some(k[i]) && drawn == [want.as_str()], || {
            format!(
                "p{} should show {want}: number {:?}, drawn {drawn:?}",
                i + 1,
                p.number
            )
        });
    }
    f.note(format!("{n} numbered pages")).done()
}

pub(crate) fn page_number_place(pages: &Pages, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::PAGE_NUMBER_PLACE);
    for (i, p) in pages.pages.iter().enumerate() {
        let g = &crate::margins::page_geometry_of(e, pages, i);
        let axis = g.margin_left + g.text_width() / 2.0;
        for t in page_numbers_on(p) {
            let c = (ink_left(t) + ink_right(t)) / 2.0;
            f.expect((c - axis).abs() <= AXIS_TOL, || {
                format!("p{} number centred at {c:.2}, not {axis:.2}", i + 1)
            });
            let (top, bottom) = (t.y - e.ascent_em * t.size, t.y + e.descent_em * t.size);
            f.expect(top >= -TOL && bottom <= g.margin_top + TOL, || {
                format!(
                    "p{} number spans y {top:.1}–{bottom:.1}, the top margin ends at {:.1}",
                    i + 1,
                    g.margin_top
                )
            });
            f.expect(in_range(t.size, &PAGE_NUMBER_SIZES), || {
                format!("p{} number at {} pt", i + 1, t.size)
            });
            f.expect(t.font == FontId::Regular, || {
                format!("p{} number is {}", i + 1, face(t.font))
            });
        }
    }
    f.done()
}
