//! Rules on the closing grid: Nơi nhận, signers, signature room (App. I §II.7, §II.9).

use crate::*;

pub(crate) fn closing_of(e: &Expectations) -> Option<&ClosingExpect> {
    e.closing.as_ref()
}

pub(crate) fn noi_nhan(ix: &Index<'_>, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::NOI_NHAN);
    let Some(c) = closing_of(e) else {
        return f.note("no closing grid").done();
    };
    let Some(l) = ix.first(c.noi_nhan) else {
        f.fail("no \"Nơi nhận:\" on the pages".into());
        return f.done();
    };
    f.expect(l.text() == NOI_NHAN, || format!("reads {:?}", l.text()));
    style_of(
        &mut f,
        ix,
        "\"Nơi nhận:\"",
        c.noi_nhan,
        FontId::BoldItalic,
        &(NOI_NHAN_SIZE..=NOI_NHAN_SIZE),
    );
    let dx = l.left() - e.page.margin_left;
    f.expect(dx.abs() <= AXIS_TOL, || {
        format!("starts {dx:+.2} pt from the left margin")
    });
    f.done()
}

pub(crate) fn noi_nhan_level(ix: &Index<'_>, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::NOI_NHAN_LEVEL);
    let Some(c) = closing_of(e) else {
        return f.note("no closing grid").done();
    };
    let Some(k) = c.level_with else {
        return f
            .note("Nơi nhận is not beside a signer (biên bản: under the signers)")
            .done();
    };
    let (Some(n), Some(s)) = (
        ix.first(c.noi_nhan),
        c.signers
            .get(k)
            .and_then(|s| ix.first(s.lines.first().copied().or(s.name))),
    ) else {
        f.fail("\"Nơi nhận:\" or the signer's first line is missing".into());
        return f.done();
    };
    let dy = n.y - s.y;
    f.expect(n.page == s.page && dy.abs() <= TOL, || {
        format!("\"Nơi nhận:\" {} vs signer {} ({dy:+.2} pt)", pg(n), pg(s))
    });
    f.note(format!("{dy:+.2} pt")).done()
}

pub(crate) fn signer(ix: &Index<'_>, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::SIGNER);
    let Some(c) = closing_of(e) else {
        return f.note("no closing grid").done();
    };
    f.expect(!c.signers.is_empty(), || "no signer in the flow".into());
    for s in &c.signers {
        let blocks: Vec<u32> = s.lines.iter().copied().chain(s.name).collect();
        let mut axis = None;
        for b in blocks {
            style_of(
                &mut f,
                ix,
                "signer line",
                Some(b),
                FontId::Bold,
                &SIGNER_SIZES,
            );
            for l in ix.lines(b) {
                let c = l.centre();
                let a = *axis.get_or_insert(c);
                f.expect((c - a).abs() <= AXIS_TOL, || {
                    format!("{:?} centred at {c:.2}, the block at {a:.2}", l.text())
                });
            }
        }
    }
    f.done()
}

pub(crate) fn signature_room(ix: &Index<'_>, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::SIGNATURE_ROOM);
    let Some(c) = closing_of(e) else {
        return f.note("no closing grid").done();
    };
    for s in &c.signers {
        let title = s.lines.last().and_then(|&b| ix.lines(b).last());
        let name = ix.first(s.name);
        let room = ix.pages.pages.iter().enumerate().find_map(|(i, p)| {
            p.regions
                .iter()
                .find(|r| r.kind == s.region)
                .map(|r| (i, r))
        });
        let (Some(t), Some(n), Some((pi, r))) = (title, name, room) else {
            f.fail(format!(
                "{:?}: title, name or room missing from the pages",
                s.region
            ));
            continue;
        };
        let axis = n.centre();
        f.expect(
            pi == t.page
                && pi == n.page
                && r.y >= t.y - TOL
                && r.y + r.h <= n.y - e.ascent_em * n.items[0].size + TOL
                && r.x <= axis
                && axis <= r.x + r.w,
            || {
                format!(
                    "{:?} room p{} y{:.1}–{:.1} x{:.1}–{:.1}; title {}, name {} centred {axis:.1}",
                    s.region,
                    pi + 1,
                    r.y,
                    r.y + r.h,
                    r.x,
                    r.x + r.w,
                    pg(t),
                    pg(n)
                )
            },
        );
    }
    f.done()
}

pub(crate) fn closing_page(ix: &Index<'_>, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::CLOSING_PAGE);
    let Some(c) = closing_of(e) else {
        return f.note("no closing grid").done();
    };
    let mut pages: Vec<usize> = c
        .blocks
        .iter()
        .flat_map(|&b| ix.lines(b).iter().map(|l| l.page))
        .collect();
    for s in &c.signers {
        for (i, p) in ix.pages.pages.iter().enumerate() {
            if p.regions.iter().any(|r| r.kind == s.region) {
                pages.push(i);
            }
        }
    }
    pages.sort_unstable();
    pages.dedup();
    f.expect(pages.len() == 1, || {
        format!(
            "spread over pages {:?}",
            pages.iter().map(|p| p + 1).collect::<Vec<_>>()
        )
    });
    let note = pages
        .first()
        .map(|p| format!("page {}", p + 1))
        .unwrap_or_default();
    f.note(note).done()
}
