//! Rules on footnotes: on the page of their mark, below the body.

use crate::*;

/// The body's footnote marks on a page: (number, line).
pub(crate) fn marks_on<'a>(
    ix: &'a Index<'a>,
    e: &Expectations,
    page: usize,
) -> Vec<(u32, &'a Line<'a>)> {
    let mut out = Vec::new();
    for (&b, ls) in &ix.lines {
        if e.paras
            .get(&b)
            .is_some_and(|p| matches!(p.place, Place::Note))
        {
            continue;
        }
        for l in ls.iter().filter(|l| l.page == page) {
            for m in &l.marks {
                if let Ok(n) = m.text.parse::<u32>() {
                    out.push((n, l));
                }
            }
        }
    }
    out
}

/// The notes starting on a page: (number, first line): a note's first line
/// begins with its raised number.
pub(crate) fn notes_on<'a>(
    ix: &'a Index<'a>,
    e: &Expectations,
    page: usize,
) -> Vec<(u32, &'a Line<'a>)> {
    let mut out = Vec::new();
    for (&b, ls) in &ix.lines {
        if !e.paras.get(&b).is_some_and(|p| p.place == Place::Note) {
            continue;
        }
        for l in ls.iter().filter(|l| l.page == page) {
            let lead = l.all().min_by(|a, b| a.x.total_cmp(&b.x));
            if let Some(t) = lead
                && is_digits(&t.text)
                && l.marks.iter().any(|m| std::ptr::eq(*m, t))
                && let Ok(n) = t.text.parse::<u32>()
            {
                out.push((n, l));
            }
        }
    }
    out
}

pub(crate) fn footnote_page(ix: &Index<'_>, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::FOOTNOTE_PAGE);
    if e.footnotes.is_empty() {
        return f.note("no footnotes").done();
    }
    let mut found = 0;
    for pi in 0..ix.pages.pages.len() {
        let marks = marks_on(ix, e, pi);
        let notes = notes_on(ix, e, pi);
        for (n, l) in &marks {
            if !e.footnotes.iter().any(|x| x.number == *n) {
                continue;
            }
            found += 1;
            f.expect(notes.iter().any(|(m, _)| m == n), || {
                format!("mark {n} ({}) has no note {n} on its page", pg(l))
            });
        }
        for (n, l) in &notes {
            f.expect(marks.iter().any(|(m, _)| m == n), || {
                format!("note {n} ({}) has no mark {n} on its page", pg(l))
            });
        }
    }
    f.expect(found == e.footnotes.len(), || {
        format!(
            "{found} marks found on the pages, the flow has {}",
            e.footnotes.len()
        )
    });
    f.note(format!("{found} notes")).done()
}

pub(crate) fn footnote_foot(ix: &Index<'_>, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::FOOTNOTE_FOOT);
    if e.footnotes.is_empty() {
        return f.note("no footnotes").done();
    }
    let g = &e.page;
    for (pi, page) in ix.pages.pages.iter().enumerate() {
        let place = |t: &PlacedText| e.paras.get(&t.block).map(|p| p.place);
        let notes: Vec<&PlacedText> = texts(page)
            .filter(|t| !t.artifact && place(t) == Some(Place::Note))
            .collect();
        if notes.is_empty() {
            continue;
        }
        let note_top = notes
            .iter()
            .map(|t| t.y - e.ascent_em * t.size)
            .fold(f32::INFINITY, f32::min);
        let body_bottom = texts(page)
            .filter(|t| !t.artifact && !matches!(place(t), Some(Place::Note) | Some(Place::Footer)))
            .map(|t| t.y + e.descent_em * t.size)
            .fold(f32::NEG_INFINITY, f32::max);
        let sep: Vec<&PlacedLine> = rules(page)
            .filter(|l| {
                (l.x1.min(l.x2) - g.margin_left).abs() <= TOL
                    && ((l.x2 - l.x1).abs() - e.separator_length).abs() <= TOL
                    && l.y1 > body_bottom - TOL
                    && l.y1 < note_top + TOL
            })
            .collect();
        f.expect(sep.len() == 1, || {
            format!(
                "p{}: {} separators ({:.0} pt at the left margin) between the body (ends y{body_bottom:.1}) and the notes (start y{note_top:.1})",
                pi + 1,
                sep.len(),
                e.separator_length
            )
        });
    }
    f.done()
}
