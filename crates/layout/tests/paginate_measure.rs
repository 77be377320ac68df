//! Lines break where Word documents break them: measured on the layout
//! device (glyph advances rounded to 1/120 pt), with kerning at word
//! boundaries and LibreOffice's italic correction at a line's end
//! (`vanban_layout::paginate::DEVICE_UNITS_PER_PT`). Each case is a
//! measurement made with LibreOffice on our DOCX (`tools/linefit.py`): the
//! narrowest measure, in twips, that holds the line, and one twip less
//! breaks it.

mod paginate_util;

use paginate_util::*;
use vanban_layout::flow::{Align, Block, FontStyle, Run, TextRun};
use vanban_layout::paginate::{DEVICE_UNITS_PER_PT, device_advance, fits_line};

fn run(text: &str, italic: bool) -> Run {
    Run::Text(TextRun {
        text: text.to_string(),
        style: FontStyle {
            bold: false,
            italic,
        },
        size: 14.0,
    })
}

/// Number of lines the runs take at a measure of `twips`.
fn lines(runs: &[Run], twips: i32) -> usize {
    let mut f = flow(vec![section(vec![])]);
    f.page.width = 600.0;
    f.page.height = 400.0;
    let text_width = f.page.text_width();
    let mut p = para_runs(runs.to_vec(), Align::Justify);
    p.line_height = 17.0;
    p.indent_right = text_width - twips as f32 / 20.0;
    f.sections[0].blocks.push(Block::Para(p));
    let pages = paginate_util::run(&f);
    let mut ys: Vec<i64> = pages.pages[0]
        .items
        .iter()
        .filter_map(|i| match i {
            vanban_layout::pages::Item::Text(t) => Some((t.y * 100.0).round() as i64),
            _ => None,
        })
        .collect();
    ys.sort_unstable();
    ys.dedup();
    ys.len()
}

/// Asserts the line fits at `fits` twips and not at one twip less.
fn threshold(runs: &[Run], fits: i32) {
    assert_eq!(lines(runs, fits), 1, "should fit at {fits} twips");
    assert_eq!(
        lines(runs, fits - 1),
        2,
        "should break at {} twips",
        fits - 1
    );
}

const WORDS: &str = "chính quyền vận động quần chúng trong thời kỳ đổi mới và hội nhập có";

#[test]
fn glyphs_are_rounded_on_the_layout_device() {
    // Exact advances: 4877.6, 6743.8, 5181.1, 8235.9 twips; LibreOffice
    // needs the device-rounded sums.
    threshold(&[run(&format!("{} x", "i".repeat(60)), false)], 4880);
    threshold(&[run(&format!("{} x", "m".repeat(30)), false)], 6745);
    threshold(&[run(&format!("{} x", "ệ".repeat(40)), false)], 5184);
    threshold(&[run(&format!("{WORDS} x"), false)], 8237);
}

#[test]
fn a_line_ending_in_italic_holds_the_italic_correction_less() {
    threshold(&[run(&format!("{} x", "i".repeat(60)), true)], 4891);
    threshold(&[run(&format!("{WORDS} x"), true)], 8224);
    // Italic followed by upright text at the line's end: no correction.
    threshold(&[run(&format!("{WORDS} "), true), run("x", false)], 8214);
}

#[test]
fn word_boundaries_are_kerned() {
    // "a T" kerns by −37 units: the line is 0.25 pt narrower than its
    // words and spaces shaped apart.
    let line = "thuộc 05 thôn của 03 xã (Ea Tân, Phú Xuân, Ea Hồ), buộc tiêu hủy 186 con lợn với x";
    threshold(&[run(line, false)], 9545);
}

#[test]
fn device_units_and_the_fit_rule() {
    // 14 pt Liberation Serif "i": 569 units of 2048 → 466.76 → 467 units.
    assert_eq!(device_advance(569, 14.0 / 2048.0), 467);
    // The measure is compared inclusively, in device units.
    let measure = 4880.0 / 20.0;
    let units = (measure * DEVICE_UNITS_PER_PT) as i64;
    assert!(fits_line(units, measure));
    assert!(!fits_line(units + 1, measure));
}
