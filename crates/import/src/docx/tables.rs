//! Tables met in the walk, with merged (spanned) cells.

use super::*;

impl Cx {
    pub(super) fn table(&mut self, node: Node, out: &mut Vec<Item>, depth: usize) {
        self.tables += 1;
        let number = self.tables;
        let mut t = Table {
            loc: Loc::Table(number),
            ..Table::default()
        };
        let tblpr = child(&node, "tblPr");
        let style = tblpr
            .as_ref()
            .and_then(|p| child(p, "tblStyle"))
            .and_then(|s| attr(&s, "val").map(str::to_string))
            .unwrap_or_default();
        let border_on = |b: &Node| {
            b.children()
                .filter(|e| e.is_element())
                .any(|e| !matches!(attr(&e, "val"), Some("nil" | "none") | None))
        };
        let mut ruled = tblpr
            .as_ref()
            .and_then(|p| child(p, "tblBorders"))
            .map(|b| border_on(&b))
            .unwrap_or(style.to_lowercase().contains("grid"));
        t.widths = child(&node, "tblGrid")
            .map(|g| {
                g.children()
                    .filter(|c| is(c, "gridCol"))
                    .filter_map(|c| attr(&c, "w").and_then(|w| w.parse::<u32>().ok()))
                    .filter(|w| *w > 0)
                    .collect()
            })
            .unwrap_or_default();
        let mut header = true;
        for (ri, tr) in node.children().filter(|n| is(n, "tr")).enumerate() {
            let is_header = child(&tr, "trPr")
                .and_then(|p| on_off(&p, "tblHeader"))
                .unwrap_or(false);
            if is_header && header {
                t.header_rows += 1;
            } else {
                header = false;
            }
            let mut row = Vec::new();
            for (ci, tc) in tr.children().filter(|n| is(n, "tc")).enumerate() {
                let tcpr = child(&tc, "tcPr");
                let span = tcpr
                    .as_ref()
                    .and_then(|p| child(p, "gridSpan"))
                    .and_then(|g| attr(&g, "val"))
                    .and_then(|v| v.parse::<usize>().ok())
                    .unwrap_or(1)
                    .clamp(1, 64);
                let merged_up = tcpr
                    .as_ref()
                    .and_then(|p| child(p, "vMerge"))
                    .is_some_and(|v| attr(&v, "val") != Some("restart"));
                if let Some(b) = tcpr.as_ref().and_then(|p| child(p, "tcBorders"))
                    && border_on(&b)
                {
                    ruled = true;
                }
                let mut items = Vec::new();
                let loc = Loc::Cell {
                    table: number,
                    row: ri + 1,
                    cell: ci + 1,
                };
                self.block(tc, &mut items, &loc, depth + 1);
                row.push(Cell {
                    items,
                    span,
                    merged_up,
                });
            }
            t.rows.push(row);
        }
        t.ruled = ruled;
        out.push(Item::Table(t));
    }
}
