//! Hand-built `Pages` for the PDF tests, shaped with the real bundled fonts.

#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Command;
use vanban_layout::flow::{DocInfo, EOffice, RegionKind, Role, SignerInfo};
use vanban_layout::fonts::{FontId, FontSet, Shaper};
use vanban_layout::pages::{Glyph, Item, Page, Pages, PlacedLine, PlacedText, Region};
use vanban_pdf::Timestamp;

/// A4 in points.
pub const A4: (f32, f32) = (595.28, 841.89);

/// Shapes `text` word by word (as the typesetter does) into a run at (x, y).
#[allow(clippy::too_many_arguments)]
pub fn run(
    shaper: &mut Shaper<'_>,
    font: FontId,
    size: f32,
    x: f32,
    y: f32,
    text: &str,
    role: Role,
    block: u32,
) -> PlacedText {
    let upem = shaper.fonts().units_per_em(font);
    let scale = size / upem;
    let mut glyphs = Vec::new();
    let mut start = 0usize;
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            let sp = shaper.shape(font, " ");
            for g in &sp.glyphs {
                glyphs.push(Glyph {
                    id: g.id,
                    x_advance: g.advance as f32 * scale,
                    x_offset: 0.0,
                    y_offset: 0.0,
                    range: start - 1..start,
                });
            }
        }
        if !word.is_empty() {
            let w = shaper.shape(font, word);
            for (k, g) in w.glyphs.iter().enumerate() {
                let c0 = g.cluster as usize;
                let c1 = w.glyphs[k + 1..]
                    .iter()
                    .map(|n| n.cluster as usize)
                    .find(|&c| c > c0)
                    .unwrap_or(word.len());
                glyphs.push(Glyph {
                    id: g.id,
                    x_advance: g.advance as f32 * scale,
                    x_offset: g.x_offset as f32 * scale,
                    y_offset: g.y_offset as f32 * scale,
                    range: start + c0..start + c1,
                });
            }
        }
        start += word.len() + 1;
    }
    PlacedText {
        x,
        y,
        font,
        size,
        text: text.to_owned(),
        glyphs,
        role,
        block,
        artifact: false,
    }
}

/// Centres a run on `cx`.
pub fn centred(mut t: PlacedText, cx: f32) -> PlacedText {
    t.x = cx - t.width() / 2.0;
    t
}

pub fn info() -> DocInfo {
    DocInfo {
        title: "BÁO CÁO Kết quả công tác tháng 3 năm 2024".into(),
        subject: "Kết quả công tác tháng 3 năm 2024".into(),
        author: "Ủy ban nhân dân xã Ba Tô".into(),
        keywords: vec!["báo cáo".into(), "công tác".into()],
        language: "vi-VN".into(),
        date: Some("2024-03-15".into()),
        eoffice: EOffice {
            organ_id: Some("000.00.00.H00".into()),
            code_number: Some("12".into()),
            code_notation: "BC-UBND".into(),
            issued_date: Some("2024-03-15".into()),
            organ_name: "Ủy ban nhân dân xã Ba Tô".into(),
            signers: vec![SignerInfo {
                position: None,
                full_name: "Nguyễn Văn A".into(),
            }],
            to: vec!["Sở Nội vụ & Văn phòng <UBND>".into(), "Huyện Ba Tơ".into()],
            ..EOffice::default()
        },
    }
}

pub const NATIONAL: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
pub const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";
pub const BODY: [&str; 3] = [
    "Thực hiện Kế hoạch số 15/KH-UBND, Ủy ban nhân dân xã báo cáo kết quả",
    "công tác tháng 3 năm 2024 như sau: đường giao thông nông thôn được",
    "tu sửa, trường học được kiểm tra, người dân được hướng dẫn thủ tục.",
];

/// Two A4 pages resembling a short report.
pub fn sample_pages(fonts: &FontSet) -> Pages {
    let mut sh = Shaper::new(fonts);
    let (w, h) = A4;
    let left = 85.04;
    let mut p1 = Vec::new();
    p1.push(Item::Text(centred(
        run(
            &mut sh,
            FontId::Regular,
            13.0,
            0.0,
            70.0,
            "ỦY BAN NHÂN DÂN",
            Role::Form,
            0,
        ),
        160.0,
    )));
    p1.push(Item::Text(centred(
        run(
            &mut sh,
            FontId::Bold,
            13.0,
            0.0,
            86.0,
            "XÃ BA TÔ",
            Role::Form,
            1,
        ),
        160.0,
    )));
    let nat = centred(
        run(
            &mut sh,
            FontId::Bold,
            13.0,
            0.0,
            70.0,
            NATIONAL,
            Role::Form,
            2,
        ),
        400.0,
    );
    p1.push(Item::Text(nat));
    let motto = centred(
        run(&mut sh, FontId::Bold, 14.0, 0.0, 86.0, MOTTO, Role::Form, 3),
        400.0,
    );
    let (mx, mw) = (motto.x, motto.width());
    p1.push(Item::Text(motto));
    p1.push(Item::Line(PlacedLine {
        x1: mx,
        y1: 90.0,
        x2: mx + mw,
        y2: 90.0,
        thickness: 0.5,
    }));
    p1.push(Item::Text(centred(
        run(
            &mut sh,
            FontId::Bold,
            14.0,
            0.0,
            150.0,
            "BÁO CÁO",
            Role::Title,
            4,
        ),
        w / 2.0,
    )));
    p1.push(Item::Text(centred(
        run(
            &mut sh,
            FontId::Bold,
            14.0,
            0.0,
            167.0,
            "Kết quả công tác tháng 3 năm 2024",
            Role::Title,
            5,
        ),
        w / 2.0,
    )));
    p1.push(Item::Text(run(
        &mut sh,
        FontId::Bold,
        14.0,
        left,
        200.0,
        "I. KẾT QUẢ ĐẠT ĐƯỢC",
        Role::Heading(1),
        6,
    )));
    for (i, line) in BODY.iter().enumerate() {
        p1.push(Item::Text(run(
            &mut sh,
            FontId::Regular,
            14.0,
            left,
            220.0 + 18.0 * i as f32,
            line,
            Role::Body,
            7,
        )));
    }
    p1.push(Item::Text(run(
        &mut sh,
        FontId::Italic,
        14.0,
        left,
        290.0,
        "- Đường liên thôn: hoàn thành;",
        Role::ListItem,
        8,
    )));
    p1.push(Item::Text(run(
        &mut sh,
        FontId::BoldItalic,
        14.0,
        left,
        308.0,
        "- Trường mầm non: đang thi công.",
        Role::ListItem,
        9,
    )));
    let mut pages = vec![Page {
        items: p1,
        regions: vec![Region {
            kind: RegionKind::NumberBlank,
            x: 100.0,
            y: 100.0,
            w: 30.0,
            h: 16.0,
        }],
        number: None,
        section: 0,
        size: None,
    }];
    let mut p2 = Vec::new();
    let mut num = run(
        &mut sh,
        FontId::Regular,
        14.0,
        0.0,
        50.0,
        "2",
        Role::Body,
        u32::MAX,
    );
    num.artifact = true;
    p2.push(Item::Text(centred(num, w / 2.0)));
    p2.push(Item::Text(run(
        &mut sh,
        FontId::Bold,
        14.0,
        left,
        100.0,
        "II. PHƯƠNG HƯỚNG",
        Role::Heading(1),
        10,
    )));
    p2.push(Item::Text(run(
        &mut sh,
        FontId::Regular,
        14.0,
        left,
        120.0,
        "Tiếp tục triển khai các nhiệm vụ được giao.",
        Role::Body,
        11,
    )));
    p2.push(Item::Line(PlacedLine {
        x1: left,
        y1: 700.0,
        x2: left + 100.0,
        y2: 700.0,
        thickness: 0.5,
    }));
    p2.push(Item::Text(run(
        &mut sh,
        FontId::Regular,
        10.0,
        left,
        715.0,
        "1 Ghi chú cuối trang.",
        Role::Note,
        12,
    )));
    pages.push(Page {
        items: p2,
        regions: Vec::new(),
        number: Some(2),
        section: 0,
        size: None,
    });
    Pages {
        width: w,
        height: h,
        pages,
        info: info(),
        pins: Default::default(),
    }
}

pub fn timestamp() -> Timestamp {
    Timestamp::parse_iso_date("2024-03-15").expect("valid date")
}

/// A scratch folder for written PDFs.
pub fn out_dir() -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("vanban-pdf");
    std::fs::create_dir_all(&d).expect("create scratch dir");
    d
}

/// Runs a tool if it is installed: `None` (with a printed note) if not.
pub fn tool(name: &str, args: &[&str]) -> Option<std::process::Output> {
    match Command::new(name).args(args).env("TZ", "UTC").output() {
        Ok(o) => Some(o),
        Err(_) => {
            println!("note: {name} is not installed; skipping its check");
            None
        }
    }
}
