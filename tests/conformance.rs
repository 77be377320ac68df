//! Every fixture's laid-out pages keep the measurable rules of Decree 30
//! (`vanban_conformance`). The report prints one line per rule:
//! `cargo test --test conformance -- --nocapture`.

mod common;

use vanban_conformance::{Expectations, check};
use vanban_layout::fonts::FontSet;

#[test]
fn every_fixture_conforms() {
    let fonts = FontSet::bundled();
    let mut failed = Vec::new();
    for f in common::fixtures() {
        let name = f.file_name().map(|n| n.to_string_lossy().into_owned());
        let name = name.unwrap_or_default();
        let bytes = std::fs::read(&f).expect("read fixture");
        let doc = vanban_model::parse_bytes(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        let flow =
            vanban_layout::style::style(&doc, fonts).unwrap_or_else(|e| panic!("{name}: {e}"));
        let pages = vanban_layout::paginate::paginate(&flow, fonts)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let report = check(&pages, &Expectations::from_flow(&flow, fonts));
        println!("== {name} ({} pages)\n{report}", pages.pages.len());
        for r in report.failures() {
            failed.push(format!("{name}: {}: {}", r.rule, r.detail));
        }
        // Appendices issued as files of their own are checked as files.
        for (i, a) in flow.attachments.iter().enumerate() {
            let pages = vanban_layout::paginate::paginate(a, fonts)
                .unwrap_or_else(|e| panic!("{name} appendix file {i}: {e}"));
            let report = check(&pages, &Expectations::from_flow(a, fonts));
            println!(
                "== {name}, appendix file {i} ({} pages)\n{report}",
                pages.pages.len()
            );
            for r in report.failures() {
                failed.push(format!(
                    "{name} appendix file {i}: {}: {}",
                    r.rule, r.detail
                ));
            }
        }
    }
    assert!(
        failed.is_empty(),
        "conformance failures:\n{}",
        failed.join("\n")
    );
}
