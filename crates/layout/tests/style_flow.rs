//! Tests of the Decree 30 style (model → Flow) on hand-built documents.

use vanban_layout::flow::{Align, Block, Flow, Para, RegionKind, Row, Run, Table, TableKind};
use vanban_layout::fonts::{FontId, FontSet, Shaper};
use vanban_layout::style::{StyleError, style};
use vanban_model::*;

fn t(s: &str) -> Inlines {
    vec![Inline::Text {
        text: s.into(),
        bold: false,
        italic: false,
    }]
}

fn para_block(path: &str, s: &str) -> vanban_model::Block {
    vanban_model::Block {
        path: path.into(),
        kind: BlockKind::Paragraph(Paragraph {
            content: t(s),
            align: None,
            indent: None,
            bold: false,
            italic: false,
        }),
    }
}

fn heading(path: &str, s: &str, body: Option<Vec<vanban_model::Block>>) -> vanban_model::Block {
    vanban_model::Block {
        path: path.into(),
        kind: BlockKind::Heading(Heading {
            text: t(s),
            number: None,
            numbered: true,
            body,
            lead_in: false,
        }),
    }
}

fn report() -> Document {
    Document {
        doc_type: DocType::BaoCao,
        issuer: Issuer {
            parent: Some("ỦY BAN NHÂN DÂN HUYỆN BA TƠ".into()),
            name: "ỦY BAN NHÂN DÂN XÃ BA TÔ".into(),
            abbr: "UBND".into(),
            unit: None,
            normal_name: None,
        },
        number: None,
        symbol: "BC-UBND".into(),
        place: "Ba Tô".into(),
        date: PartialDate { year: Some(2023), month: Some(6), day: None },
        title: Some("Kết quả thực hiện công tác dân vận chính quyền 6 tháng đầu năm và nhiệm vụ trọng tâm 6 tháng cuối năm 2023".into()),
        to: vec![],
        authority: None,
        bases: vec![],
        body: vec![
            para_block("body[0]", "Thực hiện Công văn số 1172/UBND ngày 06/6/2023 của UBND huyện Ba Tô."),
            heading("body[1]", "Công tác lãnh đạo", Some(vec![para_block("body[1].body[0]", "UBND xã đã chỉ đạo.")])),
        ],
        signatures: vec![Signature {
            on_behalf_of: Some("ỦY BAN NHÂN DÂN".into()),
            for_: None,
            title: Some("CHỦ TỊCH".into()),
            name: "Phạm Văn Hiền".into(),
            seal_mm: None,
        }],
        recipients: vec!["UBND huyện".into(), "Phòng Nội vụ huyện".into()],
        archive: vec!["VT".into()],
        drafter: None,
        urgency: None,
        secrecy: None,
        circulation: None,
        contact: None,
        appendices: vec![],
        style: StyleOverrides::default(),
        meta: Meta { language: "vi".into(), ..Meta::default() },
        numbering: None,
    }
}

fn fonts() -> &'static FontSet {
    FontSet::bundled()
}

fn run(doc: &Document) -> Flow {
    match style(doc, fonts()) {
        Ok(f) => f,
        Err(e) => panic!("style failed: {e}"),
    }
}

fn plain(p: &Para) -> String {
    let mut s = String::new();
    for r in &p.runs {
        match r {
            Run::Text(t) => s.push_str(&t.text),
            Run::LineBreak => s.push('\n'),
            Run::Blank(b) => s.extend(std::iter::repeat_n(' ', b.spaces as usize)),
            Run::FootnoteRef(f) => s.push_str(&format!("[^{}]", f.mark.number)),
            Run::FootnoteMark(m) => s.push_str(&format!("{}", m.number)),
        }
    }
    s
}

fn table(flow: &Flow, kind: TableKind) -> &Table {
    flow.sections[0]
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Table(t) if t.kind == kind => Some(t),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no {kind:?} table"))
}

fn paras(blocks: &[Block]) -> Vec<&Para> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Para(p) => Some(p),
            _ => None,
        })
        .collect()
}

fn rules(blocks: &[Block]) -> Vec<&vanban_layout::flow::RuleBlock> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Rule(r) => Some(r),
            _ => None,
        })
        .collect()
}

fn is_twips(v: f32) -> bool {
    ((v * 20.0) - (v * 20.0).round()).abs() < 1e-3
}

fn lines_of(p: &Para) -> Vec<String> {
    plain(p).split('\n').map(str::to_string).collect()
}

#[test]
fn page_geometry_in_twips() {
    let f = run(&report());
    let g = f.page;
    assert_eq!((g.width * 20.0).round() as i32, 11906);
    assert_eq!((g.height * 20.0).round() as i32, 16838);
    assert_eq!((g.margin_top * 20.0).round() as i32, 1134);
    assert_eq!((g.margin_bottom * 20.0).round() as i32, 1134);
    assert_eq!((g.margin_left * 20.0).round() as i32, 1701);
    assert_eq!((g.margin_right * 20.0).round() as i32, 850);
    assert_eq!((g.header_distance * 20.0).round() as i32, 567);
    for v in [
        g.width,
        g.height,
        g.margin_top,
        g.margin_bottom,
        g.margin_left,
        g.margin_right,
    ] {
        assert!(is_twips(v));
    }
    let mut d = report();
    d.style.margins_mm = Some(MarginsMm {
        top: 25.0,
        bottom: 20.0,
        left: 35.0,
        right: 20.0,
    });
    let g = run(&d).page;
    assert_eq!((g.margin_top * 20.0).round() as i32, 1417);
    assert_eq!((g.margin_left * 20.0).round() as i32, 1984);
}

#[test]
fn body_paragraph_metrics() {
    let f = run(&report());
    let p = paras(&f.sections[0].blocks)
        .into_iter()
        .find(|p| p.path == "body[1].body[0]")
        .expect("body[1].body[0]");
    assert_eq!(p.line_height, 17.0);
    assert_eq!((p.indent_first * 20.0).round() as i32, 567);
    assert_eq!(p.space_before, 6.0);
    assert_eq!(p.space_after, 0.0);
    assert_eq!(p.align, Align::Justify);
    assert!(p.widow_control);
    let mut d = report();
    d.style.indent_cm = Some(1.27);
    d.style.body_size = Some(13.0);
    d.style.line_spacing = Some(LineSpacing::Multiple(1.5));
    let f = run(&d);
    let p = paras(&f.sections[0].blocks)
        .into_iter()
        .find(|p| p.path == "body[0]")
        .expect("body[0]");
    assert_eq!((p.indent_first * 20.0).round() as i32, 720);
    assert!(is_twips(p.line_height));
    assert!((p.line_height - 13.0 * 1.149 * 1.5).abs() < 0.05);
}

#[test]
fn header_grid_rows_rules_and_widths() {
    let f = run(&report());
    let h = table(&f, TableKind::Header);
    assert_eq!(h.rows.len(), 2);
    assert_eq!(h.columns.len(), 2);
    assert!(!h.borders);
    assert!(h.indent < 0.0);
    let mut sh = Shaper::new(fonts());
    // National name fits its column with the padding.
    let national = sh.width(FontId::Bold, 13.0, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    assert!(national + h.padding.left + h.padding.right <= h.columns[1]);
    let total: f32 = h.columns.iter().sum();
    // Within the text block plus one cell padding each side (issue 12 item 8).
    assert!((h.indent + h.padding.left).abs() < 0.01);
    assert!(h.indent + total <= f.page.text_width() + h.padding.right + 0.1);
    for c in &h.columns {
        assert!(is_twips(*c));
    }
    // Row 1 right: motto rule = motto width.
    let right = &h.rows[0].cells[1].blocks;
    let rp = paras(right);
    assert_eq!(plain(rp[0]), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    assert_eq!(plain(rp[1]), "Độc lập - Tự do - Hạnh phúc");
    let inner_r = h.columns[1] - h.padding.left - h.padding.right;
    let motto = sh.width(FontId::Bold, 14.0, "Độc lập - Tự do - Hạnh phúc");
    let r = rules(right)[0];
    let len = inner_r - r.indent_left - r.indent_right;
    assert!((len - motto).abs() <= 0.1, "motto rule {len} vs {motto}");
    assert!((r.indent_left - r.indent_right).abs() < 0.01);
    // Row 1 left: parent regular, issuer bold, rule 1/3–1/2 of the issuer.
    let left = &h.rows[0].cells[0].blocks;
    let lp = paras(left);
    assert_eq!(lp.len(), 2);
    let issuer = lp[1];
    let issuer_lines = lines_of(issuer);
    let widest = issuer_lines
        .iter()
        .map(|l| sh.width(FontId::Bold, 13.0, l))
        .fold(0.0, f32::max);
    let inner_l = h.columns[0] - h.padding.left - h.padding.right;
    for l in &issuer_lines {
        assert!(
            sh.width(FontId::Bold, 13.0, l) <= inner_l + 0.01,
            "{l} too wide"
        );
    }
    for l in lines_of(lp[0]) {
        assert!(
            sh.width(FontId::Regular, 13.0, &l) <= inner_l + 0.01,
            "{l} too wide"
        );
    }
    let r = rules(left)[0];
    let len = inner_l - r.indent_left - r.indent_right;
    assert!(
        len >= widest / 3.0 && len <= widest / 2.0,
        "issuer rule {len} of {widest}"
    );
    assert_eq!(
        plain(issuer)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
        "ỦY BAN NHÂN DÂN XÃ BA TÔ"
    );
    match &issuer.runs[0] {
        Run::Text(t) => assert!(t.style.bold && t.size == 13.0),
        other => panic!("{other:?}"),
    }
    // Row 2: number left, date right, same pitch.
    let num = paras(&h.rows[1].cells[0].blocks)[0];
    let date = paras(&h.rows[1].cells[1].blocks)[0];
    assert!(plain(num).starts_with("Số: "));
    assert!(plain(num).ends_with("/BC-UBND"));
    assert!(
        num.runs
            .iter()
            .any(|r| matches!(r, Run::Blank(b) if b.region == Some(RegionKind::NumberBlank)))
    );
    assert!(plain(date).starts_with("Ba Tô, ngày "));
    assert!(plain(date).ends_with(" tháng 6 năm 2023"));
    assert!(
        date.runs
            .iter()
            .any(|r| matches!(r, Run::Blank(b) if b.region == Some(RegionKind::DayBlank)))
    );
    match &date.runs[0] {
        Run::Text(t) => assert!(t.style.italic && !t.style.bold && t.size == 14.0),
        other => panic!("{other:?}"),
    }
    assert_eq!(num.line_height, date.line_height);
    assert_eq!(num.space_before, date.space_before);
    assert!(
        h.rows
            .iter()
            .all(|r: &Row| r.cells.iter().all(|c| !c.blocks.is_empty()))
    );
}

#[test]
fn long_issuer_wraps_in_balanced_lines_and_newline_is_kept() {
    let mut d = report();
    d.issuer.parent = Some("ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK".into());
    d.issuer.name = "Ủy ban nhân dân huyện Krông Năng".into();
    let f = run(&d);
    let h = table(&f, TableKind::Header);
    let issuer = paras(&h.rows[0].cells[0].blocks)[1];
    assert_eq!(
        lines_of(issuer),
        vec!["ỦY BAN NHÂN DÂN", "HUYỆN KRÔNG NĂNG"]
    );
    d.issuer.name = "ỦY BAN NHÂN DÂN\nHUYỆN NGHĨA HÀNH".into();
    let f = run(&d);
    let h = table(&f, TableKind::Header);
    let issuer = paras(&h.rows[0].cells[0].blocks)[1];
    assert_eq!(
        lines_of(issuer),
        vec!["ỦY BAN NHÂN DÂN", "HUYỆN NGHĨA HÀNH"]
    );
    assert_eq!(f.info.author, "ỦY BAN NHÂN DÂN HUYỆN NGHĨA HÀNH");
}

#[test]
fn title_block_and_rule() {
    let f = run(&report());
    let blocks = &f.sections[0].blocks;
    let ps = paras(blocks);
    let ty = ps.iter().find(|p| p.path == "type").expect("type");
    assert_eq!(plain(ty), "BÁO CÁO");
    assert_eq!(ty.align, Align::Center);
    let title = ps.iter().find(|p| p.path == "title").expect("title");
    let lines = lines_of(title);
    assert_eq!(lines.len(), 2, "{lines:?}");
    let mut sh = Shaper::new(fonts());
    let ws: Vec<f32> = lines
        .iter()
        .map(|l| sh.width(FontId::Bold, 14.0, l))
        .collect();
    let widest = ws.iter().copied().fold(0.0, f32::max);
    assert!(widest <= 0.8 * f.page.text_width());
    // The rule right after the title.
    let i = blocks
        .iter()
        .position(|b| matches!(b, Block::Para(p) if p.path == "title"))
        .expect("title");
    let Block::Rule(r) = &blocks[i + 1] else {
        panic!("no rule after the title")
    };
    let len = f.page.text_width() - r.indent_left - r.indent_right;
    assert!(len >= widest / 3.0 && len <= widest / 2.0);
    assert!(f.info.title.starts_with("BÁO CÁO Kết quả"));
}

fn legal() -> Document {
    let mut d = report();
    d.doc_type = DocType::QuyetDinh;
    d.symbol = "QĐ-UBND".into();
    d.title = Some("Về việc thành lập Ban Chỉ đạo".into());
    d.authority = Some("chủ tịch ủy ban nhân dân xã ba tô".into());
    d.bases = vec![
        t("Căn cứ Luật Tổ chức chính quyền địa phương;"),
        t("Căn cứ đề nghị của Văn phòng"),
    ];
    let points: Vec<vanban_model::Block> = (0..8)
        .map(|i| heading(&format!("p{i}"), "điểm", None))
        .collect();
    let chapter = |n: &str, arts: Vec<vanban_model::Block>| vanban_model::Block {
        path: n.into(),
        kind: BlockKind::Division(Division {
            kind: DivisionKind::Chapter,
            title: "Quy định chung".into(),
            number: None,
            body: arts,
        }),
    };
    d.body = vec![
        chapter(
            "body[0]",
            vec![
                heading(
                    "a1",
                    "Phạm vi",
                    Some(vec![
                        heading("k1", "khoản một", Some(points)),
                        heading("k2", "khoản hai", None),
                    ]),
                ),
                heading("a2", "Đối tượng", Some(vec![heading("k3", "khoản", None)])),
            ],
        ),
        chapter("body[1]", vec![heading("a3", "Hiệu lực", Some(vec![]))]),
    ];
    d
}

#[test]
fn legal_numbering_and_preamble() {
    let f = run(&legal());
    let ps = paras(&f.sections[0].blocks);
    let text_of = |path: &str| {
        plain(
            ps.iter()
                .find(|p| p.path == path)
                .unwrap_or_else(|| panic!("{path}")),
        )
    };
    assert_eq!(text_of("a1"), "Điều 1. Phạm vi");
    assert_eq!(text_of("a2"), "Điều 2. Đối tượng");
    assert_eq!(text_of("a3"), "Điều 3. Hiệu lực");
    assert_eq!(text_of("k1"), "1. khoản một");
    assert_eq!(text_of("k2"), "2. khoản hai");
    assert_eq!(text_of("k3"), "1. khoản");
    let letters: Vec<String> = (0..8)
        .map(|i| {
            text_of(&format!("p{i}"))
                .split(')')
                .next()
                .unwrap_or("")
                .to_string()
        })
        .collect();
    assert_eq!(letters, ["a", "b", "c", "d", "đ", "e", "g", "h"]);
    assert_eq!(text_of("body[0]"), "Chương I");
    assert_eq!(text_of("body[1]"), "Chương II");
    assert_eq!(text_of("body[0].title"), "QUY ĐỊNH CHUNG");
    assert_eq!(text_of("authority"), "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ BA TÔ");
    assert_eq!(
        text_of("bases[0]"),
        "Căn cứ Luật Tổ chức chính quyền địa phương;"
    );
    assert_eq!(text_of("bases[1]"), "Căn cứ đề nghị của Văn phòng.");
    assert_eq!(text_of("bases"), "QUYẾT ĐỊNH:");
    // Article title bold, khoản run-in regular.
    let a1 = ps.iter().find(|p| p.path == "a1").expect("a1");
    assert!(
        a1.runs
            .iter()
            .all(|r| matches!(r, Run::Text(t) if t.style.bold))
    );
    assert!(a1.keep_with_next);
    let k2 = ps.iter().find(|p| p.path == "k2").expect("k2");
    assert!(
        k2.runs
            .iter()
            .all(|r| matches!(r, Run::Text(t) if !t.style.bold))
    );
    let base = ps.iter().find(|p| p.path == "bases[0]").expect("bases");
    assert!(
        base.runs
            .iter()
            .all(|r| matches!(r, Run::Text(t) if t.style.italic))
    );
}

#[test]
fn report_numbering_overrides() {
    let mut d = report();
    let mut h = heading("h1", "Kết quả", Some(vec![heading("h1a", "mục con", None)]));
    if let BlockKind::Heading(x) = &mut h.kind {
        x.number = Some("III".into());
    }
    let mut n = heading("h2", "tiếp", None);
    if let BlockKind::Heading(x) = &mut n.kind {
        x.numbered = true;
    }
    let mut off = heading("h3", "không số", None);
    if let BlockKind::Heading(x) = &mut off.kind {
        x.numbered = false;
    }
    d.body = vec![h, n, off];
    let f = run(&d);
    let ps = paras(&f.sections[0].blocks);
    let text_of = |path: &str| {
        plain(
            ps.iter()
                .find(|p| p.path == path)
                .unwrap_or_else(|| panic!("{path}")),
        )
    };
    assert_eq!(text_of("h1"), "III. KẾT QUẢ");
    assert_eq!(text_of("h1a"), "1. mục con");
    assert_eq!(text_of("h2"), "IV. tiếp");
    assert_eq!(text_of("h3"), "không số");
    d.numbering = Some(vec![LabelKind::Arabic, LabelKind::Letter]);
    let f = run(&d);
    let ps = paras(&f.sections[0].blocks);
    let text_of = |path: &str| {
        plain(
            ps.iter()
                .find(|p| p.path == path)
                .unwrap_or_else(|| panic!("{path}")),
        )
    };
    assert_eq!(text_of("h1"), "III. KẾT QUẢ");
    assert_eq!(text_of("h1a"), "a) mục con");
}

fn with_note(path: &str, before: &str, note: &str) -> vanban_model::Block {
    vanban_model::Block {
        path: path.into(),
        kind: BlockKind::Paragraph(Paragraph {
            content: vec![
                Inline::Text {
                    text: before.into(),
                    bold: false,
                    italic: false,
                },
                Inline::Footnote(t(note)),
            ],
            align: None,
            indent: None,
            bold: false,
            italic: false,
        }),
    }
}

fn notes(blocks: &[Block], out: &mut Vec<(u32, f32, f32, String)>) {
    for b in blocks {
        match b {
            Block::Para(p) => {
                for r in &p.runs {
                    if let Run::FootnoteRef(f) = r {
                        out.push((f.mark.number, f.mark.size, f.mark.rise, plain(&f.note[0])));
                    }
                }
            }
            Block::Table(t) => {
                for r in &t.rows {
                    for c in &r.cells {
                        notes(&c.blocks, out);
                    }
                }
            }
            _ => {}
        }
    }
}

#[test]
fn footnotes_numbered_across_sections() {
    let mut d = report();
    d.body = vec![
        with_note("body[0]", "Một", "ghi chú một"),
        with_note("body[1]", "Hai", "ghi chú hai"),
    ];
    d.appendices = vec![
        Appendix {
            title: Some("Dự toán".into()),
            body: vec![with_note("appendices[0].body[0]", "Ba", "ghi chú ba")],
            separate_file: false,
            landscape: false,
        },
        Appendix {
            title: None,
            body: vec![with_note("appendices[1].body[0]", "Bốn", "ghi chú bốn")],
            separate_file: false,
            landscape: false,
        },
    ];
    let f = run(&d);
    assert_eq!(f.sections.len(), 3);
    let mut all = Vec::new();
    for s in &f.sections {
        notes(&s.blocks, &mut all);
    }
    let nums: Vec<u32> = all.iter().map(|n| n.0).collect();
    assert_eq!(nums, [1, 2, 3, 4]);
    assert_eq!((all[0].1, all[0].2), (9.0, 4.5));
    assert_eq!(all[2].3, "3 ghi chú ba");
    // Appendix headings: numbered with two or more.
    let a1 = paras(&f.sections[1].blocks);
    assert_eq!(plain(a1[0]), "Phụ lục I");
    assert_eq!(plain(a1[1]), "DỰ TOÁN");
    assert!(plain(a1[2]).starts_with("(Kèm theo Báo cáo số "));
    assert!(
        plain(a1[2]).ends_with("của Ủy ban nhân dân xã Ba Tô)"),
        "{}",
        plain(a1[2])
    );
    assert_eq!(plain(paras(&f.sections[2].blocks)[0]), "Phụ lục II");
    assert!(f.sections.iter().all(|s| s.page_numbers));
}

#[test]
fn closing_grid_levels_and_lines() {
    let mut d = report();
    d.signatures[0].for_ = Some((SignMode::Kt, "Chủ tịch".into()));
    d.signatures[0].title = Some("PHÓ CHỦ TỊCH".into());
    d.archive = vec!["VT".into(), "VP".into()];
    d.drafter = Some(Drafter {
        initials: "NTH".into(),
        copies: Some(10),
    });
    let f = run(&d);
    let c = table(&f, TableKind::Closing);
    assert_eq!(c.rows.len(), 1);
    assert!(c.rows[0].cant_split);
    assert!(!c.borders);
    let left = paras(&c.rows[0].cells[0].blocks);
    let right = paras(&c.rows[0].cells[1].blocks);
    assert_eq!(plain(left[0]), "Nơi nhận:");
    match &left[0].runs[0] {
        Run::Text(t) => assert!(t.style.bold && t.style.italic && t.size == 12.0),
        other => panic!("{other:?}"),
    }
    assert_eq!(left[0].line_height, right[0].line_height);
    assert_eq!(left[0].space_before, 0.0);
    assert_eq!(right[0].space_before, 0.0);
    assert_eq!(plain(left[1]), "- UBND huyện;");
    assert_eq!(plain(left[2]), "- Phòng Nội vụ huyện;");
    assert_eq!(plain(left[3]), "- Lưu: VT, VP. NTH.(10).");
    match &left[3].runs[0] {
        Run::Text(t) => assert_eq!(t.size, 11.0),
        other => panic!("{other:?}"),
    }
    let lines: Vec<String> = right.iter().map(|p| plain(p)).collect();
    assert_eq!(
        lines,
        [
            "TM. ỦY BAN NHÂN DÂN",
            "KT. CHỦ TỊCH",
            "PHÓ CHỦ TỊCH",
            "Phạm Văn Hiền"
        ]
    );
    assert!(
        c.rows[0].cells[1]
            .blocks
            .iter()
            .any(|b| matches!(b, Block::Spacer(s) if s.region == Some(RegionKind::Signature(0))))
    );
    // The last body paragraph keeps with the closing grid.
    let blocks = &f.sections[0].blocks;
    let i = blocks
        .iter()
        .position(|b| matches!(b, Block::Table(t) if t.kind == TableKind::Closing))
        .expect("closing");
    assert!(matches!(&blocks[i - 1], Block::Para(p) if p.keep_with_next));
    // Nơi nhận flush with the margin.
    assert_eq!(c.indent, -c.padding.left);
}

#[test]
fn cong_van_header_and_kinh_gui() {
    let mut d = report();
    d.doc_type = DocType::CongVan;
    d.symbol = "UBND-VP".into();
    d.number = Some(5);
    d.date = PartialDate {
        year: Some(2020),
        month: Some(1),
        day: Some(5),
    };
    d.title = Some("đẩy mạnh cung cấp dịch vụ công trực tuyến".into());
    d.to = vec![
        "Các cơ quan chuyên môn".into(),
        "UBND các xã, thị trấn".into(),
    ];
    let f = run(&d);
    let h = table(&f, TableKind::Header);
    let left2 = paras(&h.rows[1].cells[0].blocks);
    assert_eq!(plain(left2[0]), "Số: 05/UBND-VP");
    assert_eq!(
        plain(left2[1]).replace('\n', " "),
        "V/v đẩy mạnh cung cấp dịch vụ công trực tuyến"
    );
    assert_eq!(left2[1].space_before, 6.0);
    assert_eq!(
        plain(paras(&h.rows[1].cells[1].blocks)[0]),
        "Ba Tô, ngày 05 tháng 01 năm 2020"
    );
    let ps = paras(&f.sections[0].blocks);
    assert!(ps.iter().all(|p| p.path != "type"));
    let to: Vec<&&Para> = ps.iter().filter(|p| p.path.starts_with("to")).collect();
    assert_eq!(plain(to[0]), "Kính gửi:");
    assert_eq!(plain(to[1]), "- Các cơ quan chuyên môn;");
    assert_eq!(plain(to[2]), "- UBND các xã, thị trấn.");
    assert!(to[1].indent_left + to[1].indent_first > to[0].indent_left);
    assert_eq!(
        f.info.title,
        "V/v đẩy mạnh cung cấp dịch vụ công trực tuyến"
    );
    d.to = vec!["Ủy ban nhân dân huyện Hương Khê".into()];
    let f = run(&d);
    let to = paras(&f.sections[0].blocks)
        .into_iter()
        .find(|p| p.path == "to[0]")
        .expect("to");
    assert_eq!(plain(to), "Kính gửi: Ủy ban nhân dân huyện Hương Khê.");
}

#[test]
fn bien_ban_has_no_date_and_two_signers() {
    let mut d = report();
    d.doc_type = DocType::BienBan;
    d.signatures = vec![
        Signature {
            on_behalf_of: None,
            for_: None,
            title: Some("THƯ KÝ".into()),
            name: "Nguyễn Thị Lan".into(),
            seal_mm: None,
        },
        Signature {
            on_behalf_of: None,
            for_: None,
            title: Some("CHỦ TỌA".into()),
            name: "Trần Văn Bình".into(),
            seal_mm: None,
        },
    ];
    let f = run(&d);
    let h = table(&f, TableKind::Header);
    assert_eq!(plain(paras(&h.rows[1].cells[1].blocks)[0]), "");
    let c = table(&f, TableKind::Closing);
    assert_eq!(plain(paras(&c.rows[0].cells[0].blocks)[0]), "THƯ KÝ");
    assert_eq!(plain(paras(&c.rows[0].cells[1].blocks)[0]), "CHỦ TỌA");
    assert_eq!(plain(paras(&c.rows[1].cells[0].blocks)[0]), "Nơi nhận:");
}

#[test]
fn missing_glyph_is_an_error_with_path() {
    let mut d = report();
    d.body
        .push(para_block("body[2]", "Ký tự lạ \u{E000} ở đây"));
    match style(&d, fonts()) {
        Err(StyleError::MissingGlyph { path, ch, code }) => {
            assert_eq!(path, "body[2]");
            assert_eq!(ch, '\u{E000}');
            assert_eq!(code, 0xE000);
        }
        other => panic!("expected a missing glyph, got {other:?}"),
    }
    let mut d = report();
    d.issuer.name = "ỦY BAN 😀".into();
    assert!(
        matches!(style(&d, fonts()), Err(StyleError::MissingGlyph { path, .. }) if path == "issuer.name")
    );
}

#[test]
fn marks_and_contact_footer() {
    let mut d = report();
    d.urgency = Some(Urgency::ThuongKhan);
    d.secrecy = Some(Secrecy::Mat);
    d.circulation = Some("lưu hành nội bộ".into());
    d.contact = Some(Contact {
        address: Some("Số 01 Phạm Văn Đồng".into()),
        phone: Some("0255 3861 234".into()),
        fax: None,
        email: Some("vp@x.gov.vn".into()),
        website: Some("x.gov.vn".into()),
    });
    let f = run(&d);
    let ps = paras(&f.sections[0].blocks);
    assert_eq!(plain(ps[0]), "LƯU HÀNH NỘI BỘ");
    let text_of = |path: &str| {
        plain(
            ps.iter()
                .find(|p| p.path == path)
                .unwrap_or_else(|| panic!("{path}")),
        )
    };
    assert_eq!(text_of("secrecy"), "MẬT");
    assert_eq!(text_of("urgency"), "THƯỢNG KHẨN");
    let foot = &f.sections[0].first_page_footer;
    assert!(matches!(foot[0], Block::Rule(_)));
    let lines: Vec<String> = paras(foot).iter().map(|p| plain(p)).collect();
    assert_eq!(
        lines,
        [
            "Địa chỉ: Số 01 Phạm Văn Đồng",
            "ĐT: 0255 3861 234",
            "E-Mail: vp@x.gov.vn, Website: x.gov.vn"
        ]
    );
}

#[test]
fn data_table_columns_and_header() {
    let mut d = report();
    let col = |s: &str, w: f32| Column {
        title: t(s),
        width: w,
        align: vanban_model::Align::Left,
    };
    d.body = vec![vanban_model::Block {
        path: "body[0]".into(),
        kind: BlockKind::Table(vanban_model::Table {
            columns: vec![col("TT", 1.0), col("Nội dung", 6.0), col("Kinh phí", 3.0)],
            rows: vec![vec![t("1"), t("Tập huấn"), t("12.000.000")]],
            merges: Vec::new(),
            header_rows: 0,
        }),
    }];
    let f = run(&d);
    let tb = table(&f, TableKind::Data);
    let sum: f32 = tb.columns.iter().sum();
    assert!((sum - f.page.text_width()).abs() < 0.06);
    assert!(tb.rows[0].header && !tb.rows[1].header);
    assert!(tb.borders);
}

#[test]
fn doc_info_and_eoffice() {
    let mut d = report();
    d.number = Some(12);
    d.date.day = Some(5);
    d.meta.keywords = vec!["dân vận".into()];
    let f = run(&d);
    assert_eq!(f.info.language, "vi-VN");
    assert_eq!(f.info.date.as_deref(), Some("2023-06-05"));
    assert_eq!(f.info.author, "ỦY BAN NHÂN DÂN XÃ BA TÔ");
    let fields = f.info.eoffice.fields();
    let keys: Vec<&str> = fields.iter().map(|(k, _)| *k).collect();
    assert_eq!(
        keys,
        [
            "TypeName",
            "CodeNumber",
            "CodeNotation",
            "IssuedDate",
            "OrganName",
            "Subject",
            "Language",
            "SignerInfo.Position",
            "SignerInfo.FullName",
            "To"
        ]
    );
    assert_eq!(fields[1].1, "12");
    assert_eq!(f.info.eoffice.code_number.as_deref(), Some("12"));
    assert_eq!(f.page_numbers.size, 14.0);
    assert_eq!(f.page_numbers.line_height, 17.0);
    assert_eq!(f.footnotes.separator_length, 144.0);
}
