//! Every fixture styles without error, and the header fits its columns.

use vanban_layout::flow::{Block, Para, Run, TableKind};
use vanban_layout::fonts::{FontId, FontSet, Shaper};
use vanban_layout::style::style;

fn plain(p: &Para) -> String {
    let mut s = String::new();
    for r in &p.runs {
        match r {
            Run::Text(t) => s.push_str(&t.text),
            Run::LineBreak => s.push_str(" / "),
            Run::Blank(b) => s.push_str(&"_".repeat(b.spaces as usize)),
            Run::FootnoteRef(f) => s.push_str(&format!("[^{}]", f.mark.number)),
            Run::FootnoteMark(m) => s.push_str(&m.number.to_string()),
        }
    }
    s
}

fn dump(blocks: &[Block], indent: usize) {
    let pad = " ".repeat(indent);
    for b in blocks {
        match b {
            Block::Para(p) => println!(
                "{pad}P[{} sb{} lh{} if{} il{}] {}",
                p.path,
                p.space_before,
                p.line_height,
                p.indent_first,
                p.indent_left,
                plain(p)
            ),
            Block::Rule(r) => println!(
                "{pad}RULE h{} l{} r{}",
                r.height, r.indent_left, r.indent_right
            ),
            Block::Spacer(s) => {
                println!("{pad}SPACER {}x{} {:?}", s.lines, s.line_height, s.region)
            }
            Block::PageBreak => println!("{pad}PAGEBREAK"),
            Block::Table(t) => {
                println!(
                    "{pad}TABLE {:?} cols {:?} indent {}",
                    t.kind, t.columns, t.indent
                );
                for (i, r) in t.rows.iter().enumerate() {
                    for (j, c) in r.cells.iter().enumerate() {
                        println!("{pad}  cell {i},{j}:");
                        dump(&c.blocks, indent + 4);
                    }
                }
            }
        }
    }
}

#[test]
fn fixtures_style_cleanly() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    names.sort();
    let fonts = FontSet::bundled();
    let mut sh = Shaper::new(fonts);
    let mut count = 0;
    for path in names
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
    {
        let json = std::fs::read_to_string(path).unwrap_or_default();
        let doc = match vanban_model::parse(&json) {
            Ok(d) => d,
            Err(e) => panic!("{}: {e:?}", path.display()),
        };
        let flow = match style(&doc, fonts) {
            Ok(f) => f,
            Err(e) => panic!("{}: {e}", path.display()),
        };
        count += 1;
        println!("===== {}", path.display());
        for (i, s) in flow.sections.iter().enumerate() {
            println!("--- section {i}");
            dump(&s.blocks, 0);
            dump(&s.first_page_footer, 2);
        }
        println!("info {:?}", flow.info);
        // No header line is wider than its cell.
        for b in &flow.sections[0].blocks {
            if let Block::Table(t) = b {
                if t.kind != TableKind::Header {
                    continue;
                }
                for row in &t.rows {
                    for (c, cell) in row.cells.iter().enumerate() {
                        let inner = t.columns[c] - t.padding.left - t.padding.right;
                        for blk in &cell.blocks {
                            let Block::Para(p) = blk else { continue };
                            let mut w = 0.0;
                            for r in &p.runs {
                                match r {
                                    Run::Text(tr) => {
                                        w += sh.width(
                                            FontId::from_style(tr.style),
                                            tr.size,
                                            &tr.text,
                                        )
                                    }
                                    Run::Blank(bl) => {
                                        w += sh.width(
                                            FontId::from_style(bl.style),
                                            bl.size,
                                            &" ".repeat(bl.spaces as usize),
                                        )
                                    }
                                    Run::LineBreak => {
                                        assert!(
                                            w <= inner + 0.01,
                                            "{}: {} too wide",
                                            path.display(),
                                            p.path
                                        );
                                        w = 0.0;
                                    }
                                    _ => {}
                                }
                            }
                            assert!(
                                w <= inner + 0.01,
                                "{}: {} too wide ({w} > {inner})",
                                path.display(),
                                p.path
                            );
                        }
                    }
                }
            }
        }
    }
    assert!(count >= 8, "only {count} fixtures");
}
