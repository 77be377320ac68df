//! Prints a fixture's pages (`cargo test -p vanban-conformance --test
//! dump -- --ignored --nocapture`), to see what the conformance
//! checks look at. Set `VANBAN_FIXTURE` to a file name in `fixtures/`.

use vanban_layout::fonts::FontSet;
use vanban_layout::pages::Item;

#[test]
#[ignore = "a dump for eyes, not a check"]
fn dump_pages() {
    let name = std::env::var("VANBAN_FIXTURE").unwrap_or_else(|_| "cong-van.json".into());
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures")
        .join(name);
    let bytes = std::fs::read(&path).expect("read fixture");
    let doc = vanban_model::parse_bytes(&bytes).expect("parse");
    let fonts = FontSet::bundled();
    let flow = vanban_layout::style::style(&doc, fonts).expect("style");
    println!("{:?}", flow.page);
    let pages = vanban_layout::paginate::paginate(&flow, fonts).expect("paginate");
    for (i, p) in pages.pages.iter().enumerate() {
        println!(
            "=== page {} (section {}, number {:?})",
            i + 1,
            p.section,
            p.number
        );
        for r in &p.regions {
            println!(
                "  REGION {:?} x{:.2} y{:.2} w{:.2} h{:.2}",
                r.kind, r.x, r.y, r.w, r.h
            );
        }
        for it in &p.items {
            match it {
                Item::Text(t) => println!(
                    "  T x{:.2}-{:.2} y{:.2} {:?} {} {:?} b{} {:?}",
                    t.x,
                    t.x + t.width(),
                    t.y,
                    t.font,
                    t.size,
                    t.role,
                    t.block,
                    t.text
                ),
                Item::Line(l) => println!(
                    "  L {:.2},{:.2} - {:.2},{:.2} t{}",
                    l.x1, l.y1, l.x2, l.y2, l.thickness
                ),
            }
        }
    }
}
