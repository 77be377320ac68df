//! The conformance checks fail on hand-made wrong pages: a real fixture's
//! pages, mutated the way a faulty typesetter would set them.

use vanban_conformance::{Expectations, Report, check, rule};
use vanban_layout::flow::Flow;
use vanban_layout::fonts::{FontId, FontSet};
use vanban_layout::pages::{Glyph, Item, Pages, PlacedText};
use vanban_layout::style::rules::{MARGIN_LEFT_MM, mm};

/// A fixture's JSON.
fn fixture_json(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures")
        .join(name);
    std::fs::read_to_string(&path).expect("read fixture")
}

/// A document's flow and pages.
fn typeset(json: &str) -> (Flow, Pages) {
    let doc = vanban_model::parse_bytes(json.as_bytes()).expect("parse");
    let fonts = FontSet::bundled();
    let flow = vanban_layout::style::style(&doc, fonts).expect("style");
    let pages = vanban_layout::paginate::paginate(&flow, fonts).expect("paginate");
    (flow, pages)
}

/// A fixture's pages and what its flow expects of them.
fn fixture(name: &str) -> (Pages, Expectations) {
    let (flow, pages) = typeset(&fixture_json(name));
    (pages, Expectations::from_flow(&flow, FontSet::bundled()))
}

fn failing(report: &Report) -> Vec<&'static str> {
    report.failures().iter().map(|r| r.rule).collect()
}

/// Asserts that `rule` fails, printing the report.
fn assert_fails(report: &Report, rule: &str) {
    println!("{report}");
    let r = report.get(rule).expect("rule checked");
    assert!(!r.ok, "{rule} should fail:\n{report}");
}

fn texts_mut(pages: &mut Pages) -> impl Iterator<Item = &mut PlacedText> {
    pages
        .pages
        .iter_mut()
        .flat_map(|p| p.items.iter_mut())
        .filter_map(|i| match i {
            Item::Text(t) => Some(t),
            Item::Line(_) => None,
        })
}

#[test]
fn untouched_fixtures_pass_every_rule() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("fixtures")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    assert!(names.len() >= 8, "{names:?}");
    for name in &names {
        let (pages, e) = fixture(name);
        let report = check(&pages, &e);
        println!("== {name}\n{report}");
        assert!(report.ok(), "{name}:\n{report}");
    }
}

#[test]
fn a_25_mm_left_margin_fails() {
    let (mut pages, e) = fixture("to-trinh.json");
    let dx = mm(25.0) - mm(MARGIN_LEFT_MM);
    for p in &mut pages.pages {
        for i in &mut p.items {
            match i {
                Item::Text(t) => t.x += dx,
                Item::Line(l) => {
                    l.x1 += dx;
                    l.x2 += dx;
                }
            }
        }
        for r in &mut p.regions {
            r.x += dx;
        }
    }
    let report = check(&pages, &e);
    assert_fails(&report, rule::MARGIN_LEFT);
    assert_fails(&report, rule::PARA_START);
    let detail = &report.get(rule::MARGIN_LEFT).expect("rule").detail;
    assert!(detail.contains("25.0 mm"), "{detail}");
}

#[test]
fn a_page_number_on_page_1_fails() {
    let (mut pages, e) = fixture("to-trinh.json");
    // Page 2's number, copied onto page 1 as "1".
    let mut n = pages.pages[1]
        .items
        .iter()
        .find_map(|i| match i {
            Item::Text(t) if t.artifact => Some(t.clone()),
            _ => None,
        })
        .expect("page 2 has a number");
    n.text = "1".into();
    n.glyphs = vec![Glyph {
        range: 0..1,
        ..n.glyphs[0].clone()
    }];
    pages.pages[0].items.push(Item::Text(n));
    pages.pages[0].number = Some(1);
    let report = check(&pages, &e);
    assert_fails(&report, rule::PAGE_NUMBER_FIRST);
    assert_eq!(failing(&report), [rule::PAGE_NUMBER_FIRST]);
}

#[test]
fn a_footnote_on_the_next_page_fails() {
    let (mut pages, e) = fixture("to-trinh.json");
    // Move page 1's footnote (its note lines and separator) to page 2's foot,
    // above page 2's own note.
    let moved: Vec<Item> = {
        let p = &mut pages.pages[0];
        let (foot, keep): (Vec<Item>, Vec<Item>) = p.items.drain(..).partition(|i| match i {
            Item::Text(t) => t.role == vanban_layout::flow::Role::Note,
            Item::Line(l) => l.y1 > 740.0 && (l.y1 - l.y2).abs() < 0.01,
        });
        p.items = keep;
        foot
    };
    assert!(moved.len() >= 3, "note lines and separator: {moved:?}");
    pages.pages[1].items.extend(moved);
    let report = check(&pages, &e);
    assert_fails(&report, rule::FOOTNOTE_PAGE);
    let detail = &report.get(rule::FOOTNOTE_PAGE).expect("rule").detail;
    assert!(detail.contains("mark 1"), "{detail}");
}

#[test]
fn a_motto_rule_twice_too_long_fails() {
    let (mut pages, e) = fixture("cong-van.json");
    let motto = pages.pages[0]
        .items
        .iter()
        .find_map(|i| match i {
            Item::Text(t) if t.text == e.motto => Some(t.y),
            _ => None,
        })
        .expect("motto");
    let rule_under = pages.pages[0]
        .items
        .iter_mut()
        .find_map(|i| match i {
            Item::Line(l) if l.y1 > motto && l.y1 < motto + 14.0 && l.x1 > 300.0 => Some(l),
            _ => None,
        })
        .expect("motto rule");
    let half = (rule_under.x2 - rule_under.x1) / 2.0;
    rule_under.x1 -= half;
    rule_under.x2 += half;
    let report = check(&pages, &e);
    assert_fails(&report, rule::MOTTO_RULE);
    // 2 × 171 pt centred on the right column also runs past the page's edge.
    assert_eq!(failing(&report), [rule::MARGIN_RIGHT, rule::MOTTO_RULE]);
}

#[test]
fn a_non_italic_date_fails() {
    let (mut pages, e) = fixture("quyet-dinh.json");
    let date = e.header.as_ref().and_then(|h| h.date).expect("date block");
    for t in texts_mut(&mut pages).filter(|t| t.block == date) {
        t.font = FontId::Regular;
    }
    let report = check(&pages, &e);
    assert_fails(&report, rule::DATE);
    assert_eq!(failing(&report), [rule::DATE]);
}

/// Moves every text item of `block` down by `dy`.
fn lower(pages: &mut Pages, block: u32, dy: f32) {
    for t in texts_mut(pages).filter(|t| t.block == block) {
        t.y += dy;
    }
}

#[test]
fn noi_nhan_below_the_signer_line_fails() {
    let (mut pages, e) = fixture("cong-van.json");
    let c = e.closing.as_ref().expect("closing");
    lower(&mut pages, c.noi_nhan.expect("Nơi nhận"), 2.0);
    let report = check(&pages, &e);
    assert_fails(&report, rule::NOI_NHAN_LEVEL);
    assert_eq!(failing(&report), [rule::NOI_NHAN_LEVEL]);
}

#[test]
fn a_date_off_the_number_baseline_fails() {
    let (mut pages, e) = fixture("thong-bao.json");
    let h = e.header.as_ref().expect("header");
    lower(&mut pages, h.date.expect("date"), 1.0);
    let report = check(&pages, &e);
    assert_eq!(failing(&report), [rule::DATE_BASELINE]);
}

#[test]
fn a_justified_line_ending_short_fails() {
    let (mut pages, e) = fixture("giay-moi.json");
    // The first justified body line: squeeze its spaces back to natural width.
    let block = e
        .paras
        .iter()
        .find(|(_, p)| {
            p.place == vanban_conformance::Place::Flow
                && p.align == vanban_layout::flow::Align::Justify
                && !p.forced_breaks
        })
        .map(|(&b, _)| b)
        .expect("a justified paragraph");
    let t = texts_mut(&mut pages)
        .find(|t| t.block == block)
        .expect("its first line");
    for g in t.glyphs.iter_mut().filter(|g| g.x_advance > 5.0) {
        g.x_advance -= 1.0;
    }
    let report = check(&pages, &e);
    assert_fails(&report, rule::JUSTIFIED);
}

#[test]
fn an_issuer_rule_as_long_as_the_name_fails() {
    let (mut pages, e) = fixture("ke-hoach.json");
    let h = e.header.as_ref().expect("header");
    let name_y = texts_mut(&mut pages)
        .filter(|t| Some(t.block) == h.issuer)
        .map(|t| t.y)
        .fold(0.0, f32::max);
    let l = pages.pages[0]
        .items
        .iter_mut()
        .find_map(|i| match i {
            Item::Line(l) if l.y1 > name_y && l.y1 < name_y + 13.0 && l.x2 < 300.0 => Some(l),
            _ => None,
        })
        .expect("issuer rule");
    let grow = (l.x2 - l.x1) * 0.75;
    l.x1 -= grow;
    l.x2 += grow;
    let report = check(&pages, &e);
    assert_fails(&report, rule::ISSUER_RULE);
    assert_eq!(failing(&report), [rule::ISSUER_RULE]);
}

/// The separate-file appendix of quyet-dinh-danh-sach: its pages and
/// expectations.
fn appendix_file() -> (Pages, Expectations) {
    let (flow, _) = typeset(&fixture_json("quyet-dinh-danh-sach.json"));
    assert_eq!(flow.attachments.len(), 1);
    let a = &flow.attachments[0];
    let pages = vanban_layout::paginate::paginate(a, FontSet::bundled()).expect("paginate");
    (pages, Expectations::from_flow(a, FontSet::bundled()))
}

#[test]
fn the_appendix_file_passes_and_its_box_is_checked() {
    let (pages, e) = appendix_file();
    let report = check(&pages, &e);
    assert!(report.ok(), "{report}");
    assert_eq!(
        report
            .get(rule::APPENDIX_FILE_SIGNATURE)
            .map(|r| r.detail.as_str()),
        Some("1 boxes")
    );
}

#[test]
fn an_appendix_signature_box_at_the_top_left_fails() {
    let (mut pages, e) = appendix_file();
    let r = &mut pages.pages[0].regions[0];
    r.x = mm(MARGIN_LEFT_MM);
    assert_fails(&check(&pages, &e), rule::APPENDIX_FILE_SIGNATURE);
}

#[test]
fn an_appendix_signature_box_over_the_text_fails() {
    let (mut pages, e) = appendix_file();
    pages.pages[0].regions[0].y += 40.0;
    assert_fails(&check(&pages, &e), rule::APPENDIX_FILE_SIGNATURE);
}

#[test]
fn an_appendix_file_without_its_box_fails() {
    let (mut pages, e) = appendix_file();
    pages.pages[0].regions.clear();
    assert_fails(&check(&pages, &e), rule::APPENDIX_FILE_SIGNATURE);
}

/// An unnumbered document with an appendix in the same file: the clerk's
/// number blank is the header's alone (the appendix's reference line
/// leaves its blanks unfilled, with no stamp region), and every rule holds.
#[test]
fn an_unnumbered_document_with_an_appendix_has_one_number_blank() {
    let json = fixture_json("ke-hoach.json");
    assert!(json.contains("\"number\": 38,"));
    let (flow, pages) = typeset(&json.replace("\"number\": 38,", "\"number\": null,"));
    let blanks: Vec<usize> = pages
        .pages
        .iter()
        .enumerate()
        .flat_map(|(i, p)| p.regions.iter().map(move |r| (i, r.kind)))
        .filter(|(_, k)| *k == vanban_layout::flow::RegionKind::NumberBlank)
        .map(|(i, _)| i)
        .collect();
    assert_eq!(blanks, [0], "number blanks on pages {blanks:?}");
    let report = check(&pages, &Expectations::from_flow(&flow, FontSet::bundled()));
    assert!(report.ok(), "{report}");
}

/// The typesetter and the walk of the flow number paragraphs alike; a drawn
/// paragraph numbered as a flow paragraph of another role (the orders drifted)
/// or as none at all fails the block rule.
#[test]
fn a_paragraph_numbered_out_of_the_flow_order_fails() {
    let (pages, e) = fixture("cong-van.json");
    assert!(check(&pages, &e).get(rule::BLOCKS).is_some_and(|r| r.ok));

    let form_block = e
        .paras
        .iter()
        .find(|(_, p)| p.role == vanban_layout::flow::Role::Form)
        .map(|(b, _)| *b)
        .expect("a form paragraph");
    let mut drifted = pages.clone();
    let body = texts_mut(&mut drifted)
        .find(|t| t.role == vanban_layout::flow::Role::Body)
        .expect("a body run");
    body.block = form_block;
    assert_fails(&check(&drifted, &e), rule::BLOCKS);

    let mut unknown = pages;
    let first = texts_mut(&mut unknown)
        .find(|t| !t.artifact)
        .expect("a run");
    first.block = u32::MAX - 1;
    assert_fails(&check(&unknown, &e), rule::BLOCKS);
}
