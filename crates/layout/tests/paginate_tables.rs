//! Tables: repeated headers, rows kept whole, borders, signature rooms.

mod paginate_util;

use paginate_util::*;
use vanban_layout::flow::*;
use vanban_layout::pages::Item;

const PAD: Padding = Padding {
    top: 2.0,
    bottom: 2.0,
    left: 3.0,
    right: 3.0,
};

fn cell(p: Para) -> Cell {
    Cell {
        blocks: vec![Block::Para(p)],
        valign: VAlign::Top,
    }
}

fn row(a: Para, b: Para, header: bool, cant_split: bool) -> Row {
    Row {
        cells: vec![cell(a), cell(b)],
        header,
        cant_split,
    }
}

fn table(rows: Vec<Row>) -> Table {
    Table {
        columns: vec![100.0, 160.0],
        indent: 0.0,
        rows,
        borders: true,
        border_width: 0.5,
        padding: PAD,
        kind: TableKind::Data,
        merges: Vec::new(),
        path: "/t".into(),
    }
}

#[test]
fn header_row_repeats_on_the_next_page() {
    let mut rows = vec![row(nlines("H", 1), nlines("Tiêu đề", 1), true, true)];
    for i in 0..12 {
        rows.push(row(
            nlines(&format!("r{i}"), 1),
            nlines(&format!("v{i}"), 1),
            false,
            false,
        ));
    }
    let pages = run(&flow(vec![section(vec![Block::Table(table(rows))])]));
    assert_eq!(pages.pages.len(), 2);
    for p in &pages.pages {
        assert_eq!(lines(p)[0].text, "H.1Tiêu đề.1", "{:?}", lines(p));
    }
    // Rows are 19.5 pt (with the rule): 8 rows on page 1 (header + 7).
    assert_eq!(page_of(&pages, "r6.1v6.1"), Some(0));
    assert_eq!(page_of(&pages, "r7.1v7.1"), Some(1));
    // Cell text at the column's left plus padding, below the top padding.
    let l = &lines(&pages.pages[0])[1];
    assert!((l.x1 - 23.0).abs() < 0.01);
    let d = fonts().descender(vanban_layout::fonts::FontId::Regular) * SIZE;
    assert!((l.y - (20.0 + 19.5 + 2.0 + LH - d)).abs() < 0.001);
}

#[test]
fn a_page_never_ends_with_only_the_header() {
    let rows = vec![
        row(nlines("H", 1), nlines("K", 1), true, true),
        row(nlines("r", 1), nlines("v", 1), false, false),
    ];
    let pages = run(&flow(vec![section(vec![
        Block::Para(nlines("a", 8)),
        Block::Table(table(rows)),
    ])]));
    // 120 pt used, 40 left: header 19 fits, header + row 38 fits too.
    assert_eq!(page_of(&pages, "H.1K.1"), Some(0));
    let rows = vec![
        row(nlines("H", 1), nlines("K", 1), true, true),
        row(nlines("r", 2), nlines("v", 1), false, true),
    ];
    let pages = run(&flow(vec![section(vec![
        Block::Para(nlines("a", 8)),
        Block::Table(table(rows)),
    ])]));
    // Header 19 + a 34 pt row that cannot split: both move.
    assert_eq!(page_of(&pages, "H.1K.1"), Some(1));
    assert_eq!(lines(&pages.pages[1]).len(), 3);
}

#[test]
fn cant_split_row_moves_whole_and_others_split() {
    let mk = |cant: bool| {
        table(vec![
            row(nlines("x", 1), nlines("y", 1), false, false),
            row(nlines("p", 4), nlines("q", 2), false, cant),
        ])
    };
    // 7 lines = 105 pt; first row 19 → 124; 36 pt left; the 4-line row is 64.
    let pages = run(&flow(vec![section(vec![
        Block::Para(nlines("a", 7)),
        Block::Table(mk(true)),
    ])]));
    assert_eq!(page_of(&pages, "p.1q.1"), Some(1));
    assert_eq!(page_of(&pages, "p.4"), Some(1));
    let pages = run(&flow(vec![section(vec![
        Block::Para(nlines("a", 7)),
        Block::Table(mk(false)),
    ])]));
    // Split: two lines fit (2 + 30 + 2 = 34 ≤ 36).
    assert_eq!(page_of(&pages, "p.1q.1"), Some(0));
    assert_eq!(page_of(&pages, "p.2q.2"), Some(0));
    assert_eq!(page_of(&pages, "p.3"), Some(1));
    // The continued row has its top border again.
    let top = pages.pages[1].items.iter().any(|i| match i {
        Item::Line(l) => (l.y1 - 20.0).abs() < 0.01 && (l.y2 - 20.0).abs() < 0.01,
        _ => false,
    });
    assert!(top);
}

#[test]
fn a_row_taller_than_a_page_is_split_between_lines() {
    let t = table(vec![row(nlines("p", 30), nlines("q", 3), false, true)]);
    let pages = run(&flow(vec![section(vec![Block::Table(t)])]));
    assert!(pages.pages.len() >= 3);
    let n: usize = pages.pages.iter().map(|p| lines(p).len()).sum();
    assert_eq!(n, 30);
    for p in &pages.pages {
        for l in lines(p) {
            assert!(l.y <= 180.0 + 0.01, "{l:?}");
        }
    }
}

#[test]
fn ruled_table_draws_outer_and_inner_borders() {
    let t = table(vec![
        row(nlines("a", 1), nlines("b", 1), false, false),
        row(nlines("c", 1), nlines("d", 1), false, false),
    ]);
    let pages = run(&flow(vec![section(vec![Block::Table(t)])]));
    let ls: Vec<_> = pages.pages[0]
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Line(l) => Some(l.clone()),
            _ => None,
        })
        .collect();
    let hs: Vec<f32> = ls.iter().filter(|l| l.y1 == l.y2).map(|l| l.y1).collect();
    // Each row: content 15 + padding 2 + 2 + the 0.5 pt rule (Word and LibreOffice).
    assert_eq!(hs, vec![20.0, 39.5, 59.0]);
    let mut vs: Vec<f32> = ls.iter().filter(|l| l.x1 == l.x2).map(|l| l.x1).collect();
    vs.dedup();
    vs.sort_by(f32::total_cmp);
    vs.dedup();
    assert_eq!(vs, vec![20.0, 120.0, 280.0]);
    assert!(ls.iter().all(|l| (l.thickness - 0.5).abs() < 1e-6));
}

#[test]
fn centred_cell_is_centred() {
    let mut t = table(vec![row(nlines("a", 3), nlines("b", 1), false, false)]);
    t.rows[0].cells[1].valign = VAlign::Center;
    let pages = run(&flow(vec![section(vec![Block::Table(t)])]));
    let ls = lines(&pages.pages[0]);
    let b = texts(&pages.pages[0])
        .into_iter()
        .find(|t| t.text == "b.1")
        .unwrap();
    assert!(
        (b.y - ls[1].y).abs() < 0.001,
        "the one line sits level with the middle line"
    );
}

#[test]
fn signature_and_seal_regions() {
    let sig = Block::Spacer(Spacer {
        lines: 4,
        line_height: 15.0,
        region: Some(RegionKind::Signature(0)),
    });
    let closing = Table {
        columns: vec![110.0, 150.0],
        indent: 0.0,
        rows: vec![Row {
            cells: vec![
                cell(nlines("Nơi nhận", 1)),
                Cell {
                    blocks: vec![
                        Block::Para(nlines("TM. ỦY BAN", 1)),
                        sig,
                        Block::Para(nlines("Nguyễn Văn A", 1)),
                    ],
                    valign: VAlign::Top,
                },
            ],
            header: false,
            cant_split: true,
        }],
        borders: false,
        border_width: 0.0,
        padding: Padding::default(),
        kind: TableKind::Closing,
        merges: Vec::new(),
        path: "/closing".into(),
    };
    let pages = run(&flow(vec![section(vec![
        Block::Para(nlines("a", 2)),
        Block::Table(closing),
    ])]));
    let p = &pages.pages[0];
    let s = p
        .regions
        .iter()
        .find(|r| r.kind == RegionKind::Signature(0))
        .expect("signature");
    assert!(
        (s.x - 130.0).abs() < 0.01 && (s.w - 150.0).abs() < 0.01,
        "{s:?}"
    );
    assert!(
        (s.y - (20.0 + 30.0 + 15.0)).abs() < 0.01 && (s.h - 60.0).abs() < 0.01,
        "{s:?}"
    );
    let seal = p
        .regions
        .iter()
        .find(|r| r.kind == RegionKind::Seal(0))
        .expect("seal");
    // A square of the seal's diameter (36 mm), centred on the room.
    let side = 36.0 * 72.0 / 25.4;
    assert!(
        (seal.w - side).abs() < 0.01 && (seal.h - side).abs() < 0.01,
        "{seal:?}"
    );
    assert!(
        (seal.y + seal.h / 2.0 - (s.y + s.h / 2.0)).abs() < 0.01,
        "{seal:?}"
    );
    // Right edge at the centre area's left edge + 1/3 of its width, unless
    // that would start it left of the room.
    let cw = 0.6 * s.w;
    let right = s.x + (s.w - cw) / 2.0 + cw / 3.0;
    assert!(
        (seal.x + seal.w - right).abs() < 0.01 || (seal.x - s.x).abs() < 0.01,
        "{seal:?}"
    );
    assert!(seal.x >= s.x - 0.01);
    // No borders for a grid.
    assert!(!p.items.iter().any(|i| matches!(i, Item::Line(_))));
}

#[test]
fn rule_block_draws_on_its_bottom_edge() {
    let r = Block::Rule(RuleBlock {
        height: 8.0,
        indent_left: 70.0,
        indent_right: 70.0,
        thickness: 0.6,
        keep_with_next: false,
    });
    let pages = run(&flow(vec![section(vec![Block::Para(nlines("a", 1)), r])]));
    let l = pages.pages[0]
        .items
        .iter()
        .find_map(|i| match i {
            Item::Line(l) => Some(l.clone()),
            _ => None,
        })
        .unwrap();
    assert_eq!((l.x1, l.x2, l.y1, l.y2), (90.0, 210.0, 43.0, 43.0));
}
