//! Criterion benchmarks of each pipeline stage on the Ba Tô report
//! (fixtures/bao-cao-ba-to.json): model parse, layout style, paginate, PDF
//! write, DOCX write, and the whole `vanban::render` (PDF/A-2b + DOCX).
//!
//! `cargo bench --bench pipeline` (or `just bench`). Besides criterion's
//! own arguments, `cargo bench --bench pipeline -- --loop N` renders the
//! report N times in process without criterion and prints the time per
//! document: that is the mode to run under `valgrind --tool=callgrind`.

use criterion::Criterion;
use std::hint::black_box;
use std::time::Instant;
use vanban::{Format, RenderOptions};
use vanban_layout::fonts::FontSet;

fn ba_to() -> Vec<u8> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/bao-cao-ba-to.json");
    std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

fn pdf_options() -> vanban_pdf::PdfOptions {
    vanban_pdf::PdfOptions {
        standard: vanban_pdf::PdfStandard::A2b,
        timestamp: vanban_pdf::Timestamp::from_unix(1_685_577_600),
        ..Default::default()
    }
}

fn stages(c: &mut Criterion) {
    let json = ba_to();
    let fonts = FontSet::bundled();
    let doc = vanban_model::parse_bytes(&json).unwrap_or_else(|e| panic!("parse: {e}"));
    let flow = vanban_layout::style::style(&doc, fonts).unwrap_or_else(|e| panic!("style: {e}"));
    let pages =
        vanban_layout::paginate::paginate(&flow, fonts).unwrap_or_else(|e| panic!("paginate: {e}"));
    let pdf_opts = pdf_options();
    let docx_opts = vanban_docx::DocxOptions {
        timestamp: Some("2023-06-01T00:00:00Z".to_owned()),
        pins: Some(pages.pins.clone()),
    };
    // Parse the krilla fonts before timing.
    let _ = vanban_pdf::write_pdf(&pages, fonts, &pdf_opts);

    let mut g = c.benchmark_group("ba-to");
    g.bench_function("model parse", |b| {
        b.iter(|| vanban_model::parse_bytes(black_box(&json)))
    });
    g.bench_function("layout style", |b| {
        b.iter(|| vanban_layout::style::style(black_box(&doc), fonts))
    });
    g.bench_function("paginate", |b| {
        b.iter(|| vanban_layout::paginate::paginate(black_box(&flow), fonts))
    });
    g.bench_function("PDF write", |b| {
        b.iter(|| vanban_pdf::write_pdf(black_box(&pages), fonts, &pdf_opts))
    });
    g.bench_function("DOCX write", |b| {
        b.iter(|| vanban_docx::write_docx(black_box(&flow), &docx_opts))
    });
    let opts = RenderOptions::default();
    g.bench_function("render PDF+DOCX", |b| {
        b.iter(|| vanban::render(black_box(&json), &[Format::Pdf, Format::Docx], &opts))
    });
    g.finish();
}

/// `--loop N`: render N times, print the mean time per document.
fn render_loop(n: usize) {
    let json = ba_to();
    let opts = RenderOptions::default();
    let start = Instant::now();
    let mut bytes = 0usize;
    for _ in 0..n {
        match vanban::render(&json, &[Format::Pdf, Format::Docx], &opts) {
            Ok(r) => bytes += r.pdf.map_or(0, |p| p.len()) + r.docx.map_or(0, |d| d.len()),
            Err(e) => panic!("render: {e}"),
        }
    }
    let per = start.elapsed().as_secs_f64() / n.max(1) as f64;
    println!(
        "rendered the Ba Tô report {n} times in process: {:.3} ms per document (PDF/A-2b + DOCX, {} bytes each)",
        per * 1e3,
        bytes / n.max(1)
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--loop") {
        let n = args.get(i + 1).and_then(|v| v.parse().ok()).unwrap_or(100);
        render_loop(n);
        return;
    }
    let mut c = Criterion::default().configure_from_args();
    stages(&mut c);
    c.final_summary();
}
