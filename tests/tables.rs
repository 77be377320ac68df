//! Merged table cells (#12 item 6): the statistics table of
//! fixtures/bao-cao-thong-ke.json has a two-level header ("Chiều dài (km)"
//! over "Tổng | Đã cứng hóa", "TT" spanning both rows), a note spanning three
//! body rows and a total spanning two columns. Checked in the DOCX XML
//! (`w:gridSpan`, `w:vMerge`, `w:tblHeader`), in the PDF's words
//! (`pdftotext -bbox`: text centred over the merged area, the header on both
//! pages) and in the drawn rules (none through a merged cell). That
//! LibreOffice breaks the same lines is `tests/parity.rs` on the fixture.

mod common;

use common::*;
use vanban_layout::pages::{Item, Pages, PlacedLine};

type Word = BoxWord;

/// The first word `text` on `page`, and the box of it and the `more` words
/// after it (a phrase on one line).
fn phrase(ws: &[Word], page: usize, text: &str, more: usize) -> Word {
    let i = ws
        .iter()
        .position(|w| w.page == page && w.text == text)
        .unwrap_or_else(|| panic!("{text:?} not on page {}", page + 1));
    let last = &ws[i + more];
    Word {
        x2: last.x2,
        ..ws[i].clone()
    }
}

fn lines(pages: &Pages, page: usize) -> Vec<PlacedLine> {
    pages.pages[page]
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Line(l) => Some(l.clone()),
            Item::Text(_) => None,
        })
        .collect()
}

/// The table's column edges on a page: the x of its vertical rules.
fn column_edges(ls: &[PlacedLine]) -> Vec<f32> {
    let mut xs: Vec<f32> = ls.iter().filter(|l| l.x1 == l.x2).map(|l| l.x1).collect();
    xs.sort_by(f32::total_cmp);
    xs.dedup_by(|a, b| (*a - *b).abs() < 0.1);
    xs
}

/// Whether a vertical rule at `x` crosses the height `y1..y2`.
fn vertical_through(ls: &[PlacedLine], x: f32, y1: f32, y2: f32) -> bool {
    ls.iter().any(|l| {
        l.x1 == l.x2 && (l.x1 - x).abs() < 0.1 && l.y1.min(l.y2) < y1 && l.y1.max(l.y2) > y2
    })
}

/// How many horizontal rules cross `x` strictly between `y1` and `y2`.
fn horizontals_across(ls: &[PlacedLine], x: f32, y1: f32, y2: f32) -> usize {
    ls.iter()
        .filter(|l| {
            l.y1 == l.y2 && l.y1 > y1 && l.y1 < y2 && l.x1.min(l.x2) < x && l.x1.max(l.x2) > x
        })
        .count()
}

fn centre(w: &Word) -> f32 {
    (w.x1 + w.x2) / 2.0
}

#[test]
fn merged_cells_in_pdf_and_docx() {
    let json = std::fs::read(root().join("fixtures/bao-cao-thong-ke.json")).expect("fixture");
    let doc = vanban_model::parse_bytes(&json).expect("parse");
    let fonts = vanban_layout::fonts::FontSet::bundled();
    let flow = vanban_layout::style::style(&doc, fonts).expect("style");
    let pages = vanban_layout::paginate::paginate(&flow, fonts).expect("paginate");
    assert!(
        pages.pages.iter().filter(|p| p.section == 0).count() == 2,
        "the table runs onto page 2"
    );

    // DOCX: spans and merges as Word writes them; both header rows repeat.
    let docx = vanban_docx::write_docx(&flow, &vanban_docx::DocxOptions::default()).expect("docx");
    let xml = {
        use std::io::Read;
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("zip");
        let mut s = String::new();
        z.by_name("word/document.xml")
            .expect("document.xml")
            .read_to_string(&mut s)
            .expect("read");
        s
    };
    let table = &xml[xml.find("Chiều dài").expect("table") - 3000..];
    let rows: Vec<&str> = table.split("<w:tr>").skip(1).collect();
    let row = |k: usize| rows.get(k).copied().unwrap_or_default();
    assert!(row(0).contains("<w:tblHeader/>") && row(1).contains("<w:tblHeader/>"));
    assert!(!row(2).contains("<w:tblHeader/>"));
    assert_eq!(row(0).matches("<w:tc>").count(), 5, "{}", row(0));
    assert_eq!(row(0).matches("<w:gridSpan w:val=\"2\"/>").count(), 1);
    assert_eq!(row(0).matches("<w:vMerge w:val=\"restart\"/>").count(), 4);
    assert_eq!(row(1).matches("<w:vMerge/>").count(), 4);
    assert_eq!(row(1).matches("<w:tc>").count(), 6);
    let note = rows
        .iter()
        .position(|r| r.contains("Xã thuộc"))
        .expect("note");
    assert!(rows[note].contains("<w:vMerge w:val=\"restart\"/>"));
    assert!(rows[note + 1].contains("<w:vMerge/>") && rows[note + 2].contains("<w:vMerge/>"));
    assert!(!rows[note + 3].contains("<w:vMerge"));
    // Rows joined by the merge are kept together in Word and LibreOffice as
    // in our PDF: keep-with-next on every paragraph of all but the last.
    let keeps = |r: &str| r.matches("<w:keepNext/>").count();
    let paras = |r: &str| r.matches("<w:p>").count();
    assert_eq!(keeps(rows[note]), paras(rows[note]));
    assert_eq!(keeps(rows[note + 1]), paras(rows[note + 1]));
    assert_eq!(keeps(rows[note + 2]), 0);
    let total = rows
        .iter()
        .position(|r| r.contains("Tổng cộng"))
        .expect("total");
    assert_eq!(rows[total].matches("<w:tc>").count(), 5);
    assert!(rows[total].contains("<w:gridSpan w:val=\"2\"/>"));

    if !have("pdftotext") {
        eprintln!("skipped: pdftotext not installed (.ci/run installs it)");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let opts = vanban::RenderOptions::default();
    let r = vanban::render(&json, &[vanban::Format::Pdf], &opts).expect("render");
    let pdf = temp_file(dir.path(), "t.pdf", r.pdf.as_deref().expect("pdf"));
    let ws = bbox_words(&pdf);
    for page in 0..2 {
        let ls = lines(&pages, page);
        let xs = column_edges(&ls);
        assert_eq!(xs.len(), 7, "page {}: {xs:?}", page + 1);
        // The two-level header, on both pages.
        let km = phrase(&ws, page, "Chiều", 2);
        let mid = (xs[2] + xs[4]) / 2.0;
        assert!(
            (centre(&km) - mid).abs() < 1.0,
            "{km:?} not centred on {mid}"
        );
        assert!(
            !vertical_through(&ls, xs[3], km.y1, km.y2),
            "rule through the span"
        );
        let tong = phrase(&ws, page, "Tổng", 0);
        assert!((centre(&tong) - (xs[2] + xs[3]) / 2.0).abs() < 1.0);
        assert!(vertical_through(&ls, xs[3], tong.y1, tong.y2));
        // "TT" spans both header rows: centred between them, no rule across.
        let tt = phrase(&ws, page, "TT", 0);
        assert!(
            tt.y1 > km.y2 - 2.0 && tt.y2 < tong.y1 + 2.0,
            "{tt:?} {km:?} {tong:?}"
        );
        let x0 = (xs[0] + xs[1]) / 2.0;
        assert_eq!(horizontals_across(&ls, x0, km.y2, tong.y1), 0);
        assert_eq!(
            horizontals_across(&ls, (xs[2] + xs[3]) / 2.0, km.y2, tong.y1),
            1
        );
    }
    // The note spanning rows 11–13: top-aligned with row 11, no rule across
    // it, where the next column has the two rules between the rows.
    let ls = lines(&pages, 0);
    let xs = column_edges(&ls);
    let eleven = phrase(&ws, 0, "11", 0);
    let thirteen = phrase(&ws, 0, "13", 0);
    let note = ws
        .iter()
        .position(|w| w.page == 0 && w.text == "thuộc")
        .map(|i| Word {
            x2: ws[i].x2,
            ..ws[i - 1].clone()
        })
        .expect("Xã thuộc");
    assert!(
        (note.y2 - eleven.y2).abs() < 0.5 && note.x1 > xs[5],
        "{note:?} {eleven:?}"
    );
    let across =
        |c: usize| horizontals_across(&ls, (xs[c] + xs[c + 1]) / 2.0, eleven.y2, thirteen.y1);
    assert_eq!(across(5), 0);
    assert_eq!(across(4), 2);
    // The total spans the first two columns: centred, no rule through it.
    let ls = lines(&pages, 1);
    let xs = column_edges(&ls);
    let total = ws
        .iter()
        .position(|w| w.page == 1 && w.text == "cộng")
        .map(|i| Word {
            x1: ws[i - 1].x1,
            ..ws[i].clone()
        })
        .expect("Tổng cộng");
    assert!(
        (centre(&total) - (xs[0] + xs[2]) / 2.0).abs() < 1.0,
        "{total:?}"
    );
    assert!(!vertical_through(&ls, xs[1], total.y1, total.y2));
}

/// The appendix of fixtures/bao-cao-thong-ke.json is `"landscape": true`:
/// its two pages are A4 landscape in the PDF, its DOCX section is
/// `w:orient="landscape"` with the page size swapped, the main text stays
/// portrait; the table fills the turned page between the document's margins
/// and the second page's number sits centred in its top margin.
#[test]
fn landscape_appendix() {
    let json = std::fs::read(root().join("fixtures/bao-cao-thong-ke.json")).expect("fixture");
    let doc = vanban_model::parse_bytes(&json).expect("parse");
    let fonts = vanban_layout::fonts::FontSet::bundled();
    let flow = vanban_layout::style::style(&doc, fonts).expect("style");
    let pages = vanban_layout::paginate::paginate(&flow, fonts).expect("paginate");
    let (w, h) = (pages.width, pages.height);
    assert!(w < h, "the document is portrait");
    let sizes: Vec<(f32, f32)> = (0..pages.pages.len()).map(|i| pages.page_size(i)).collect();
    assert_eq!(sizes, vec![(w, h), (w, h), (h, w), (h, w)]);

    // DOCX: the main section portrait, the appendix's landscape.
    let docx = vanban_docx::write_docx(&flow, &vanban_docx::DocxOptions::default()).expect("docx");
    let xml = {
        use std::io::Read;
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("zip");
        let mut s = String::new();
        z.by_name("word/document.xml")
            .expect("document.xml")
            .read_to_string(&mut s)
            .expect("read");
        s
    };
    let sizes: Vec<&str> = xml
        .split("<w:pgSz ")
        .skip(1)
        .map(|s| s.split("/>").next().unwrap_or_default())
        .collect();
    assert_eq!(
        sizes,
        vec![
            "w:w=\"11906\" w:h=\"16838\"",
            "w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\""
        ]
    );
    let margins: Vec<&str> = xml
        .split("<w:pgMar ")
        .skip(1)
        .map(|s| s.split("/>").next().unwrap_or_default())
        .collect();
    assert_eq!(margins.len(), 2);
    assert_eq!(margins[0], margins[1], "same margins on the turned page");

    if !have("pdftotext") {
        eprintln!("skipped: pdftotext not installed (.ci/run installs it)");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let r = vanban::render(
        &json,
        &[vanban::Format::Pdf],
        &vanban::RenderOptions::default(),
    )
    .expect("render");
    let pdf = temp_file(dir.path(), "t.pdf", r.pdf.as_deref().expect("pdf"));
    let info = run(
        "pdfinfo",
        &["-f", "1", "-l", "4", pdf.to_str().expect("path")],
    );
    let boxes: Vec<&str> = info
        .lines()
        .filter(|l| l.starts_with("Page ") && l.contains(" size:"))
        .map(|l| l.split(" size:").nth(1).unwrap_or_default().trim())
        .collect();
    assert_eq!(boxes.len(), 4, "{info}");
    assert!(
        boxes[0].starts_with("595.") && boxes[2].starts_with("841.9 x 595."),
        "{boxes:?}"
    );
    let ws = bbox_words(&pdf);
    let g = flow.page;
    let (left, right) = (g.margin_left, h - g.margin_right);
    for page in 2..4 {
        let on: Vec<&Word> = ws.iter().filter(|w| w.page == page).collect();
        assert!(on.iter().all(|w| w.x1 >= left - 1.0 && w.x2 <= right + 1.0));
        // The table reaches across the turned text block.
        let ls = lines(&pages, page);
        let xs = column_edges(&ls);
        assert_eq!(xs.len(), 11, "{xs:?}");
        assert!(
            (xs[0] - left).abs() < 0.5 && (xs[10] - right).abs() < 0.5,
            "{xs:?}"
        );
        // The header repeats on the second page.
        assert!(on.iter().any(|w| w.text == "Chiều"));
    }
    // Page 2 of the appendix: its number in the top margin, centred.
    let num = ws
        .iter()
        .find(|w| w.page == 3 && w.text == "2")
        .expect("page number");
    assert!(num.y2 < g.margin_top, "{num:?}");
    assert!((centre(num) - (left + right) / 2.0).abs() < 1.0, "{num:?}");
    assert!(!ws.iter().any(|w| w.page == 2 && w.y2 < g.margin_top));
}
