//! Rules on the header grid, its rules and the title (App. I §II.1–§II.5).

use crate::*;

pub(crate) fn national_name(ix: &Index<'_>, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::NATIONAL_NAME);
    let Some(h) = &e.header else {
        return f.note("no header grid").done();
    };
    let text = block_text(ix, h.national);
    f.expect(text == e.national_name, || {
        format!("reads {text:?}, not {:?}", e.national_name)
    });
    style_of(
        &mut f,
        ix,
        "national name",
        h.national,
        FontId::Bold,
        &NATIONAL_NAME_SIZES,
    );
    f.done()
}

pub(crate) fn motto(ix: &Index<'_>, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::MOTTO);
    let Some(h) = &e.header else {
        return f.note("no header grid").done();
    };
    let text = block_text(ix, h.motto);
    f.expect(text == e.motto, || {
        format!("reads {text:?}, not {:?}", e.motto)
    });
    f.expect(!text.contains(['–', '—', '‐', '‑']), || {
        "a dash other than the hyphen-minus".into()
    });
    style_of(&mut f, ix, "motto", h.motto, FontId::Bold, &MOTTO_SIZES);
    f.done()
}

pub(crate) fn motto_rule(ix: &Index<'_>, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::MOTTO_RULE);
    let Some(h) = &e.header else {
        return f.note("no header grid").done();
    };
    let Some(line) = ix.first(h.motto) else {
        f.fail("no motto on the pages".into());
        return f.done();
    };
    let Some(r) = rule_under(ix.pages, line) else {
        f.fail(format!("no rule under the motto ({})", pg(line)));
        return f.done();
    };
    let len = (r.x2 - r.x1).abs();
    let w = line.width();
    f.expect((len - w).abs() <= AXIS_TOL, || {
        format!("the rule is {len:.2} pt, the motto {w:.2} pt")
    });
    let mid = (r.x1 + r.x2) / 2.0;
    f.expect((mid - line.centre()).abs() <= AXIS_TOL, || {
        format!(
            "the rule's centre {mid:.2} is not the motto's {:.2}",
            line.centre()
        )
    });
    f.note(format!("rule {len:.2} pt, motto {w:.2} pt")).done()
}

pub(crate) fn issuer(ix: &Index<'_>, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::ISSUER);
    let Some(h) = &e.header else {
        return f.note("no header grid").done();
    };
    let got: Vec<String> = h
        .parent
        .iter()
        .copied()
        .chain(h.issuer)
        .flat_map(|b| ix.lines(b).iter().map(|l| l.text().trim().to_string()))
        .collect();
    f.expect(got == h.issuer_lines, || {
        format!("the lines read {got:?}, not {:?}", h.issuer_lines)
    });
    style_of(&mut f, ix, "issuer", h.issuer, FontId::Bold, &ISSUER_SIZES);
    for &p in &h.parent {
        style_of(
            &mut f,
            ix,
            "parent body",
            Some(p),
            FontId::Regular,
            &ISSUER_SIZES,
        );
    }
    let note = if h.parent.is_empty() {
        "no parent body"
    } else {
        ""
    };
    f.note(note).done()
}

/// A short centred rule under the last line of `block`: 1/3–1/2 of the
/// block's widest line, centred on it.
pub(crate) fn short_rule(f: &mut Findings, ix: &Index<'_>, what: &str, block: u32) -> String {
    let lines = ix.lines(block);
    let Some(last) = lines.last() else {
        f.fail(format!("the {what} is not on any page"));
        return String::new();
    };
    let widest = lines.iter().map(Line::width).fold(0.0, f32::max);
    let Some(r) = rule_under(ix.pages, last) else {
        f.fail(format!("no rule under the {what} ({})", pg(last)));
        return String::new();
    };
    let len = (r.x2 - r.x1).abs();
    let (lo, hi) = (
        SHORT_RULE_SHARE.start() * widest,
        SHORT_RULE_SHARE.end() * widest,
    );
    f.expect(len >= lo - AXIS_TOL && len <= hi + AXIS_TOL, || {
        format!(
            "the rule is {len:.2} pt, {:.2} of the {what}'s {widest:.2} pt line",
            len / widest
        )
    });
    let mid = (r.x1 + r.x2) / 2.0;
    let c = last.centre();
    f.expect((mid - c).abs() <= AXIS_TOL, || {
        format!("the rule's centre {mid:.2} is not the {what}'s {c:.2}")
    });
    format!("{:.2} of {widest:.2} pt", len / widest)
}

pub(crate) fn issuer_rule(ix: &Index<'_>, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::ISSUER_RULE);
    let Some(h) = &e.header else {
        return f.note("no header grid").done();
    };
    let Some(b) = h.issuer else {
        f.fail("no issuer in the flow".into());
        return f.done();
    };
    let note = short_rule(&mut f, ix, "issuer", b);
    f.note(note).done()
}

pub(crate) fn title_rule(ix: &Index<'_>, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::TITLE_RULE);
    let Some(&b) = e.title.last() else {
        return f
            .note("no title block (công văn: V/v in the header)")
            .done();
    };
    let note = short_rule(&mut f, ix, "summary", b);
    f.note(note).done()
}

pub(crate) fn number(ix: &Index<'_>, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::NUMBER);
    let Some(h) = &e.header else {
        return f.note("no header grid").done();
    };
    let text = block_text(ix, h.number);
    f.expect(text.starts_with("Số:"), || {
        format!("the number line reads {text:?}")
    });
    style_of(
        &mut f,
        ix,
        "number line",
        h.number,
        FontId::Regular,
        &(NUMBER_SIZE..=NUMBER_SIZE),
    );
    f.done()
}

pub(crate) fn date(ix: &Index<'_>, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::DATE);
    let Some(h) = &e.header else {
        return f.note("no header grid").done();
    };
    if h.date.is_none() {
        return f.note("no date line (biên bản)").done();
    }
    style_of(
        &mut f,
        ix,
        "date",
        h.date,
        FontId::Italic,
        &(DATE_SIZE_SMALL..=DATE_SIZE),
    );
    f.done()
}

pub(crate) fn axis_check(
    f: &mut Findings,
    ix: &Index<'_>,
    what: &str,
    block: Option<u32>,
    axis: f32,
) {
    let Some(b) = block else { return };
    for line in ix.lines(b) {
        let c = line.centre();
        f.expect((c - axis).abs() <= AXIS_TOL, || {
            format!(
                "{what} {:?} centred at {c:.2}, the axis is {axis:.2}",
                line.text()
            )
        });
    }
}

pub(crate) fn right_axis(ix: &Index<'_>, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::RIGHT_AXIS);
    let Some(h) = &e.header else {
        return f.note("no header grid").done();
    };
    axis_check(&mut f, ix, "national name", h.national, h.right_axis);
    axis_check(&mut f, ix, "motto", h.motto, h.right_axis);
    axis_check(&mut f, ix, "date", h.date, h.right_axis);
    f.note(format!("axis {:.2}", h.right_axis)).done()
}

pub(crate) fn left_axis(ix: &Index<'_>, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::LEFT_AXIS);
    let Some(h) = &e.header else {
        return f.note("no header grid").done();
    };
    for &p in &h.parent {
        axis_check(&mut f, ix, "parent body", Some(p), h.left_axis);
    }
    axis_check(&mut f, ix, "issuer", h.issuer, h.left_axis);
    axis_check(&mut f, ix, "number", h.number, h.left_axis);
    for &v in &h.vv {
        axis_check(&mut f, ix, "V/v", Some(v), h.left_axis);
    }
    f.note(format!("axis {:.2}", h.left_axis)).done()
}

pub(crate) fn date_baseline(ix: &Index<'_>, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::DATE_BASELINE);
    let Some(h) = &e.header else {
        return f.note("no header grid").done();
    };
    let Some(d) = ix.first(h.date) else {
        return f.note("no date line").done();
    };
    let Some(n) = ix.first(h.number) else {
        f.fail("no number line on the pages".into());
        return f.done();
    };
    let dy = d.y - n.y;
    f.expect(d.page == n.page && dy.abs() <= TOL, || {
        format!("date {} vs \"Số:\" {}", pg(d), pg(n))
    });
    f.note(format!("{dy:+.2} pt")).done()
}

pub(crate) fn number_blank(ix: &Index<'_>, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::NUMBER_BLANK);
    let blanks: Vec<(usize, &vanban_layout::pages::Region)> = ix
        .pages
        .pages
        .iter()
        .enumerate()
        .flat_map(|(i, p)| p.regions.iter().map(move |r| (i, r)))
        .filter(|(_, r)| r.kind == RegionKind::NumberBlank)
        .collect();
    if !e.number_blank {
        f.expect(blanks.is_empty(), || {
            "a number blank the document does not have".into()
        });
        return f.note("numbered document").done();
    }
    let Some(n) = e.header.as_ref().and_then(|h| ix.first(h.number)) else {
        f.fail("no number line on the pages".into());
        return f.done();
    };
    match blanks.as_slice() {
        [(pi, r)] => {
            f.expect(
                *pi == n.page
                    && r.x >= n.left() - TOL
                    && r.x + r.w <= n.right() + TOL
                    && r.y <= n.y
                    && n.y <= r.y + r.h,
                || {
                    format!(
                        "the blank (p{} x{:.1} y{:.1} w{:.1} h{:.1}) is not in the line {}",
                        pi + 1,
                        r.x,
                        r.y,
                        r.w,
                        r.h,
                        pg(n)
                    )
                },
            );
        }
        other => f.fail(format!("{} number blanks, not 1", other.len())),
    }
    f.done()
}
