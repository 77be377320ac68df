//! A rough speed probe (ignored by default; run with
//! `cargo test --release -p vanban-layout --test paginate_perf -- --ignored --nocapture`).

mod paginate_util;

use paginate_util::*;
use vanban_layout::flow::*;

/// A report-sized flow: about 3,800 words on A4, with notes and a table.
fn report() -> Flow {
    let mut blocks = Vec::new();
    for i in 0..40u32 {
        let mut runs = vec![text(&varied(i as usize * 95, 95))];
        if i % 8 == 0 {
            runs.push(fnref(i / 8 + 1, 2));
        }
        let mut p = para_runs(runs, Align::Justify);
        p.indent_first = 35.4;
        p.space_after = 6.0;
        p.line_height = 18.0;
        p.widow_control = true;
        for r in &mut p.runs {
            if let Run::Text(t) = r {
                t.size = 14.0;
            }
        }
        blocks.push(Block::Para(p));
    }
    let mut f = flow(vec![section(blocks)]);
    f.page = PageGeometry {
        width: 595.28,
        height: 841.89,
        margin_top: 56.7,
        margin_bottom: 56.7,
        margin_left: 85.05,
        margin_right: 56.7,
        header_distance: 28.35,
    };
    f
}

/// `n` words from about 1,300 distinct Vietnamese-like syllables.
fn varied(start: usize, n: usize) -> String {
    const A: [&str; 13] = [
        "b", "c", "d", "đ", "g", "h", "kh", "l", "m", "ng", "nh", "th", "tr",
    ];
    const B: [&str; 20] = [
        "a", "á", "à", "ả", "ã", "ạ", "ươ", "iê", "ô", "ố", "ồ", "ơ", "ớ", "u", "ú", "ư", "ừ", "e",
        "ế", "ệ",
    ];
    const C: [&str; 5] = ["", "n", "ng", "t", "c"];
    (start..start + n)
        .map(|i| {
            let k = i.wrapping_mul(7919) % (A.len() * B.len() * C.len());
            format!(
                "{}{}{}",
                A[k % A.len()],
                B[(k / A.len()) % B.len()],
                C[k / (A.len() * B.len())]
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
#[ignore]
fn report_speed() {
    let f = report();
    let _ = run(&f);
    let n = 200;
    let t = std::time::Instant::now();
    let mut pages = 0;
    for _ in 0..n {
        pages += run(&f).pages.len();
    }
    let per = t.elapsed() / n;
    println!("{} pages, {per:?} per paginate", pages / n as usize);
}
