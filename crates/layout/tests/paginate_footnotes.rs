//! Footnotes at the foot of the page that holds their reference.

mod paginate_util;

use paginate_util::*;
use vanban_layout::flow::*;
use vanban_layout::pages::{Item, Page, PlacedLine};

fn separators(p: &Page) -> Vec<&PlacedLine> {
    p.items
        .iter()
        .filter_map(|i| match i {
            Item::Line(l) => Some(l),
            _ => None,
        })
        .collect()
}

/// A paragraph of one line "<name>" followed by a reference.
fn with_ref(name: &str, n: u32, lines: usize) -> Para {
    para_runs(vec![text(name), fnref(n, lines)], Align::Justify)
}

#[test]
fn note_lands_on_the_page_of_its_reference_with_a_separator() {
    let f = flow(vec![section(vec![
        Block::Para(nlines("a", 3)),
        Block::Para(with_ref("ref", 1, 2)),
    ])]);
    let pages = run(&f);
    assert_eq!(pages.pages.len(), 1);
    let p = &pages.pages[0];
    assert_eq!(note_texts(p), vec!["n1.1", "n1.2"]);
    let seps = separators(p);
    assert_eq!(seps.len(), 1);
    let s = seps[0];
    // Area: separator 6 + 2 lines of 15 = 36 pt above 180 → rule at 144 + 3.
    assert!(
        (s.y1 - 147.0).abs() < 0.001 && (s.x1 - 20.0).abs() < 0.001 && (s.x2 - 120.0).abs() < 0.001
    );
    assert!((s.thickness - 0.5).abs() < 1e-6);
    let d = fonts().descender(vanban_layout::fonts::FontId::Regular) * SIZE;
    let last = texts(p).into_iter().find(|t| t.text == "n1.2").unwrap();
    assert!(
        (last.y - (180.0 - d)).abs() < 0.001,
        "last note line on the bottom margin"
    );
    // The number at the start of the note is raised.
    assert!(
        texts(p)
            .iter()
            .any(|t| t.text == "1" && t.size == 8.0 && t.y > 150.0)
    );
}

#[test]
fn a_line_whose_note_does_not_fit_moves() {
    // 9 lines used (135 pt), 25 pt left: the line (15) + gap 4 + separator 6
    // + the first note line (15) = 40 pt do not fit.
    let f = flow(vec![section(vec![
        Block::Para(nlines("a", 9)),
        Block::Para(with_ref("ref", 1, 3)),
    ])]);
    let pages = run(&f);
    assert_eq!(page_of(&pages, "ref"), Some(1));
    assert!(note_texts(&pages.pages[0]).is_empty());
    assert!(separators(&pages.pages[0]).is_empty());
    assert_eq!(note_texts(&pages.pages[1]), vec!["n1.1", "n1.2", "n1.3"]);
}

#[test]
fn a_line_keeps_the_start_of_its_note_and_the_rest_continues() {
    // Issue 12 item 10, measured with LibreOffice: a reference stays on the
    // page where the start of its note fits; the note continues at the foot
    // of the next page. 7 lines used (105 pt), 55 pt left: the line (15) +
    // gap 4 + separator 6 + two note lines (30) fit, the third continues.
    let f = flow(vec![section(vec![
        Block::Para(nlines("a", 7)),
        Block::Para(with_ref("ref", 1, 3)),
    ])]);
    let pages = run(&f);
    assert_eq!(page_of(&pages, "ref"), Some(0));
    assert_eq!(note_texts(&pages.pages[0]), vec!["n1.1", "n1.2"]);
    assert_eq!(note_texts(&pages.pages[1]), vec!["n1.3"]);
}

#[test]
fn notes_reduce_the_body() {
    // Two references on page 1; body lines stop above the notes.
    let f = flow(vec![section(vec![
        Block::Para(with_ref("r1", 1, 2)),
        Block::Para(with_ref("r2", 2, 2)),
        Block::Para(nlines("a", 10)),
    ])]);
    let pages = run(&f);
    let p = &pages.pages[0];
    assert_eq!(note_texts(p), vec!["n1.1", "n1.2", "n2.1", "n2.2"]);
    // Area = 4 + 6 + 60 = 70 pt: 90 pt of body = 6 lines.
    assert_eq!(
        lines(p)
            .iter()
            .filter(|l| l.text.starts_with('r') || l.text.starts_with("a."))
            .count(),
        6
    );
    let body_bottom = lines(p)
        .iter()
        .filter(|l| !l.text.starts_with('n'))
        .map(|l| l.y)
        .fold(0.0, f32::max);
    assert!(body_bottom < 180.0 - 70.0 + LH);
}

#[test]
fn a_long_note_continues_on_the_next_pages() {
    let f = flow(vec![section(vec![
        Block::Para(with_ref("ref", 1, 25)),
        Block::Para(nlines("a", 20)),
    ])]);
    let pages = run(&f);
    assert_eq!(page_of(&pages, "ref"), Some(0));
    let all: Vec<String> = pages.pages.iter().flat_map(note_texts).collect();
    let expect: Vec<String> = (1..=25).map(|i| format!("n1.{i}")).collect();
    assert_eq!(all, expect, "every note line once, in order");
    assert!(!note_texts(&pages.pages[0]).is_empty());
    assert!(!note_texts(&pages.pages[1]).is_empty());
    for p in &pages.pages {
        if !note_texts(p).is_empty() {
            assert_eq!(separators(p).len(), 1);
        }
        // Body and notes never overlap.
        let body: Vec<f32> = lines(p)
            .iter()
            .filter(|l| !l.text.starts_with('n'))
            .map(|l| l.y)
            .collect();
        let notes: Vec<f32> = lines(p)
            .iter()
            .filter(|l| l.text.starts_with('n'))
            .map(|l| l.y)
            .collect();
        if let (Some(b), Some(n)) = (
            body.iter().copied().reduce(f32::max),
            notes.iter().copied().reduce(f32::min),
        ) {
            assert!(b + 4.0 + 6.0 <= n - LH + 0.01, "{b} {n}");
        }
    }
    let n: usize = pages
        .pages
        .iter()
        .map(|p| lines(p).iter().filter(|l| l.text.starts_with("a.")).count())
        .sum();
    assert_eq!(n, 20);
}

#[test]
fn every_mark_has_its_note_on_its_page() {
    let mut blocks = Vec::new();
    for i in 0..40u32 {
        let mut runs = vec![text(&words(25))];
        if i % 3 == 0 {
            runs.push(fnref(i + 1, 1 + (i as usize % 3)));
            runs.push(text(&format!(" {}", words(10))));
        }
        blocks.push(Block::Para(para_runs(runs, Align::Justify)));
    }
    let pages = run(&flow(vec![section(blocks)]));
    for p in &pages.pages {
        let marks: Vec<String> = texts(p)
            .into_iter()
            .filter(|t| t.size == 8.0 && t.role == Role::Body)
            .map(|t| t.text.clone())
            .collect();
        let notes = note_texts(p);
        for m in marks {
            assert!(
                notes.iter().any(|n| n.starts_with(&format!("n{m}."))),
                "note {m} missing: {notes:?}"
            );
        }
    }
}

#[test]
fn a_two_line_paragraph_moves_with_the_note_of_its_second_line() {
    // Issue 12 item 10 (b): 8 lines used, 40 pt left. The paragraph's two
    // lines (30 pt) fit, but with the start of the note of its second line
    // (gap 4 + separator 6 + its first line 15) they do not: the first line
    // must not stay behind as an orphan; both move with the note, as in
    // LibreOffice.
    let mut p = para_runs(
        vec![text("x"), Run::LineBreak, text("y"), fnref(1, 2)],
        Align::Justify,
    );
    p.widow_control = true;
    let f = flow(vec![section(vec![
        Block::Para(nlines("a", 8)),
        Block::Para(p),
    ])]);
    let pages = run(&f);
    assert_eq!(page_of(&pages, "x"), Some(1));
    assert_eq!(page_of(&pages, "y"), Some(1));
    assert_eq!(note_texts(&pages.pages[1]), vec!["n1.1", "n1.2"]);
}
