//! A rich hand-built `Flow` and helpers to read the written package.

#![allow(dead_code)]

use std::io::Read;

use vanban_layout::flow::*;

pub const BODY: f32 = 14.0;
pub const PITCH: f32 = 17.0;

pub fn text(s: &str, size: f32) -> Run {
    Run::Text(TextRun {
        text: s.into(),
        style: FontStyle::default(),
        size,
    })
}

pub fn bold(s: &str, size: f32) -> Run {
    Run::Text(TextRun {
        text: s.into(),
        style: FontStyle {
            bold: true,
            italic: false,
        },
        size,
    })
}

pub fn italic(s: &str, size: f32) -> Run {
    Run::Text(TextRun {
        text: s.into(),
        style: FontStyle {
            bold: false,
            italic: true,
        },
        size,
    })
}

pub fn blank(spaces: u32, size: f32, region: RegionKind) -> Run {
    Run::Blank(Blank {
        spaces,
        style: FontStyle::default(),
        size,
        region: Some(region),
    })
}

pub fn para(runs: Vec<Run>, align: Align) -> Para {
    Para::new(runs, align, PITCH, "$".into(), Role::Form)
}

pub fn centred(runs: Vec<Run>) -> Block {
    Block::Para(para(runs, Align::Center))
}

pub fn rule(width: f32, container: f32) -> Block {
    let side = (container - width) / 2.0;
    Block::Rule(RuleBlock {
        height: 4.0,
        indent_left: side,
        indent_right: side,
        thickness: 0.5,
        keep_with_next: true,
    })
}

pub fn cell(blocks: Vec<Block>) -> Cell {
    Cell {
        blocks,
        valign: VAlign::Top,
    }
}

pub fn grid(columns: Vec<f32>, indent: f32, cells: Vec<Cell>, kind: TableKind) -> Block {
    Block::Table(Table {
        columns,
        indent,
        rows: vec![Row {
            cells,
            header: false,
            cant_split: true,
        }],
        borders: false,
        border_width: 0.0,
        padding: Padding::default(),
        kind,
        merges: Vec::new(),
        path: "$.header".into(),
    })
}

pub fn note(number: u32, body: &str) -> Run {
    let mark = Mark {
        number,
        size: 8.0,
        rise: 4.5,
    };
    let mut p = para(
        vec![
            Run::FootnoteMark(mark.clone()),
            text(&format!(" {body}"), 12.0),
        ],
        Align::Justify,
    );
    p.line_height = 14.0;
    p.role = Role::Note;
    p.indent_first = 28.35;
    Run::FootnoteRef(FootnoteRef {
        mark,
        note: vec![p],
    })
}

pub fn body_para(runs: Vec<Run>) -> Block {
    let mut p = para(runs, Align::Justify);
    p.indent_first = 35.43;
    p.space_after = 6.0;
    p.role = Role::Body;
    Block::Para(p)
}

pub fn page() -> PageGeometry {
    PageGeometry {
        width: 595.28,
        height: 841.89,
        margin_top: 56.69,
        margin_bottom: 56.69,
        margin_left: 85.04,
        margin_right: 42.52,
        header_distance: 28.35,
    }
}

/// A report with every kind of block and run, two sections and a
/// first-page footer on the appendix.
pub fn rich_flow() -> Flow {
    let width = page().text_width();
    let left = 190.0;
    let right = width - left + 20.0;
    let header = grid(
        vec![left, right],
        -10.0,
        vec![
            cell(vec![
                centred(vec![text("UBND TỈNH QUẢNG NGÃI", 13.0)]),
                centred(vec![bold("SỞ Y TẾ", 13.0)]),
                rule(60.0, left),
                Block::Spacer(Spacer {
                    lines: 1,
                    line_height: 6.0,
                    region: None,
                }),
                centred(vec![
                    text("Số: ", 13.0),
                    blank(8, 13.0, RegionKind::NumberBlank),
                    text("/BC-SYT", 13.0),
                ]),
            ]),
            cell(vec![
                centred(vec![bold("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13.0)]),
                centred(vec![bold("Độc lập - Tự do - Hạnh phúc", 14.0)]),
                rule(164.0, right),
                Block::Spacer(Spacer {
                    lines: 1,
                    line_height: 6.0,
                    region: None,
                }),
                centred(vec![
                    italic("Quảng Ngãi, ngày", 14.0),
                    blank(6, 14.0, RegionKind::DayBlank),
                    italic("tháng", 14.0),
                    blank(6, 14.0, RegionKind::MonthBlank),
                    italic("năm 2024", 14.0),
                ]),
            ]),
        ],
        TableKind::Header,
    );
    let mut title = para(vec![bold("BÁO CÁO", 14.0)], Align::Center);
    title.space_before = 24.0;
    title.keep_with_next = true;
    title.role = Role::Title;
    let mut summary = para(
        vec![
            bold("Kết quả công tác y tế năm 2024", 14.0),
            Run::LineBreak,
            bold("và phương hướng năm 2025", 14.0),
        ],
        Align::Center,
    );
    summary.keep_with_next = true;
    summary.role = Role::Title;
    let mut heading = para(vec![bold("I. KẾT QUẢ ĐẠT ĐƯỢC", 14.0)], Align::Left);
    heading.indent_left = 35.43;
    heading.space_before = 6.0;
    heading.space_after = 6.0;
    heading.keep_with_next = true;
    heading.widow_control = false;
    heading.role = Role::Heading(1);
    let mut item = para(
        vec![text("a) Khám chữa bệnh đạt 105% kế hoạch;", 14.0)],
        Align::Justify,
    );
    item.indent_left = 35.43;
    item.indent_first = -14.0;
    item.role = Role::ListItem;
    let mut lorem = String::new();
    for _ in 0..6 {
        lorem.push_str("Công tác phòng, chống dịch bệnh được triển khai đồng bộ, kịp thời; ");
    }
    let cellp = |s: &str, b: bool| {
        let mut p = para(
            vec![if b { bold(s, 13.0) } else { text(s, 13.0) }],
            Align::Center,
        );
        p.line_height = 16.0;
        Block::Para(p)
    };
    let data = Block::Table(Table {
        columns: vec![40.0, 267.72, 80.0, 80.0],
        indent: 0.0,
        rows: [("TT", "Chỉ tiêu", "Kế hoạch", "Thực hiện")]
            .iter()
            .map(|r| (r, true))
            .chain(
                [
                    ("1", "Số lượt khám", "100.000", "105.000"),
                    ("2", "Tiêm chủng", "95%", "98%"),
                ]
                .iter()
                .map(|r| (r, false)),
            )
            .map(|(r, h)| Row {
                cells: [r.0, r.1, r.2, r.3]
                    .iter()
                    .map(|s| Cell {
                        blocks: vec![cellp(s, h)],
                        valign: VAlign::Center,
                    })
                    .collect(),
                header: h,
                cant_split: true,
            })
            .collect(),
        borders: true,
        border_width: 0.5,
        padding: Padding {
            top: 2.0,
            bottom: 2.0,
            left: 5.4,
            right: 5.4,
        },
        kind: TableKind::Data,
        merges: Vec::new(),
        path: "$.body[3]".into(),
    });
    let mut recipients = para(
        vec![Run::Text(TextRun {
            text: "Nơi nhận:".into(),
            style: FontStyle {
                bold: true,
                italic: true,
            },
            size: 12.0,
        })],
        Align::Left,
    );
    recipients.line_height = 14.0;
    let mut list = para(
        vec![
            text("- Như trên;", 11.0),
            Run::LineBreak,
            text("- Lưu: VT, KHTC.", 11.0),
        ],
        Align::Left,
    );
    list.line_height = 13.0;
    let closing = grid(
        vec![233.86, 233.86],
        0.0,
        vec![
            cell(vec![Block::Para(recipients), Block::Para(list)]),
            cell(vec![
                centred(vec![bold("GIÁM ĐỐC", 14.0)]),
                Block::Spacer(Spacer {
                    lines: 4,
                    line_height: PITCH,
                    region: Some(RegionKind::Signature(0)),
                }),
                centred(vec![bold("Nguyễn Văn A", 14.0)]),
            ]),
        ],
        TableKind::Closing,
    );
    let main = Section {
        blocks: vec![
            header,
            Block::Para(title),
            Block::Para(summary),
            rule(150.0, width),
            Block::Spacer(Spacer {
                lines: 1,
                line_height: PITCH,
                region: None,
            }),
            Block::Para(heading),
            body_para(vec![
                text("Năm 2024, ngành y tế tỉnh ", 14.0),
                italic("đã hoàn thành", 14.0),
                text(" các chỉ tiêu", 14.0),
                note(1, "Theo Nghị quyết số 12/NQ-HĐND ngày 10/12/2023."),
                text(" được giao. ", 14.0),
                bold("Kết quả", 14.0),
                text("  cụ thể:", 14.0),
            ]),
            Block::Para(item),
            body_para(vec![text(&lorem, 14.0)]),
            data,
            body_para(vec![
                text("Tỷ lệ tiêm chủng đạt 98%", 14.0),
                note(2, "Số liệu của Trung tâm Kiểm soát bệnh tật tỉnh."),
                text(".", 14.0),
            ]),
            Block::PageBreak,
            body_para(vec![text(
                "II. PHƯƠNG HƯỚNG NĂM 2025 & <mục tiêu> \"chính\"",
                14.0,
            )]),
            body_para(vec![text(&lorem, 14.0)]),
            closing,
        ],
        page_numbers: true,
        first_page_footer: vec![],
        first_page_regions: vec![],
        page: None,
    };
    let mut appendix_title = para(vec![bold("PHỤ LỤC I", 14.0)], Align::Center);
    appendix_title.role = Role::Heading(1);
    appendix_title.keep_with_next = true;
    let mut footer_text = para(
        vec![text(
            "Địa chỉ: 01 Hùng Vương, TP Quảng Ngãi; ĐT: 0255 3822 000",
            11.0,
        )],
        Align::Left,
    );
    footer_text.line_height = 13.0;
    let appendix = Section {
        blocks: vec![
            Block::Para(appendix_title),
            body_para(vec![
                text("Danh sách đơn vị", 14.0),
                note(3, "Cập nhật đến 31/12/2024."),
            ]),
            body_para(vec![text(&lorem, 14.0)]),
        ],
        page_numbers: true,
        first_page_footer: vec![
            Block::Rule(RuleBlock {
                height: 2.0,
                indent_left: 0.0,
                indent_right: 0.0,
                thickness: 0.5,
                keep_with_next: true,
            }),
            Block::Para(footer_text),
        ],
        first_page_regions: vec![],
        page: None,
    };
    Flow {
        page: page(),
        info: DocInfo {
            title: "BÁO CÁO Kết quả công tác y tế năm 2024".into(),
            subject: "Kết quả công tác y tế năm 2024".into(),
            author: "Sở Y tế tỉnh Quảng Ngãi".into(),
            keywords: vec!["y tế".into(), "báo cáo".into()],
            language: "vi-VN".into(),
            date: Some("2024-12-20".into()),
            eoffice: EOffice {
                type_name: "Báo cáo".into(),
                code_number: None,
                code_notation: "BC-SYT".into(),
                organ_name: "Sở Y tế tỉnh Quảng Ngãi".into(),
                ..EOffice::default()
            },
        },
        sections: vec![main, appendix],
        footnotes: FootnoteStyle {
            separator_length: 144.0,
            separator_thickness: 0.5,
            separator_height: 7.0,
            gap_above: 6.0,
        },
        page_numbers: PageNumberStyle {
            size: 14.0,
            line_height: 17.0,
        },
        attachments: Vec::new(),
    }
}

/// The parts of a DOCX, in order.
pub fn unzip(bytes: &[u8]) -> Vec<(String, String)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).expect("entry");
            let mut s = String::new();
            f.read_to_string(&mut s).expect("utf-8 part");
            (f.name().to_owned(), s)
        })
        .collect()
}

pub fn part<'a>(parts: &'a [(String, String)], name: &str) -> &'a str {
    parts
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, s)| s.as_str())
        .unwrap_or_else(|| panic!("no part {name}"))
}
