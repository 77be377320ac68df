//! Rules on the body text: one size, justified lines (App. I §II.6.e).

use crate::*;

pub(crate) fn body_sizes(ix: &Index<'_>, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::BODY_SIZE);
    let Some(size) = e.body_size else {
        return f.note("no body text").done();
    };
    f.expect(in_range(size, &BODY_SIZES), || {
        format!("the body is set at {size} pt")
    });
    for (&b, p) in &e.paras {
        if p.place != Place::Flow || !matches!(p.role, Role::Body | Role::ListItem) {
            continue;
        }
        for line in ix.lines(b) {
            for t in &line.items {
                f.expect((t.size - size).abs() < 0.01, || {
                    format!("{} {:?} at {} pt", pg(line), t.text, t.size)
                });
            }
        }
    }
    f.note(format!("{size} pt")).done()
}

pub(crate) fn justified(ix: &Index<'_>, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::JUSTIFIED);
    let mut n = 0;
    for (&b, p) in &e.paras {
        if !matches!(p.place, Place::Flow | Place::Note)
            || p.align != Align::Justify
            || p.forced_breaks
        {
            continue;
        }
        let lines = ix.lines(b);
        for line in lines.iter().take(lines.len().saturating_sub(1)) {
            let g = &crate::margins::page_geometry_of(e, ix.pages, line.page);
            let want = g.width - g.margin_right - p.indent_right;
            n += 1;
            let got = line.right();
            f.expect((got - want).abs() <= TOL, || {
                format!(
                    "{} {:?} ends at {got:.2}, not {want:.2}",
                    pg(line),
                    line.text()
                )
            });
        }
    }
    f.note(format!("{n} lines")).done()
}
