//! Tables in the body: spanned (merged) rows and column alignments.

use super::*;

/// A table's rows as the cells that start in them: (row, index in the row,
/// colspan, rowspan) each, when the merges form a valid grid of `ncols`
/// columns (every row covered exactly, no merge crossing from the header
/// rows into the body); `None` otherwise.
pub(super) struct SpannedRows {
    pub(super) rows: Vec<Vec<(usize, usize, usize, usize)>>,
    pub(super) merges: usize,
    pub(super) merges_in_header: usize,
}

pub(super) fn spanned_rows(t: &Table, ncols: usize, header: usize) -> Option<SpannedRows> {
    // Start column of each cell.
    let starts: Vec<Vec<usize>> = t
        .rows
        .iter()
        .map(|r| {
            r.iter()
                .scan(0usize, |x, c| {
                    let at = *x;
                    *x += c.span.max(1);
                    Some(at)
                })
                .collect()
        })
        .collect();
    let continues = |ri: usize, col: usize| {
        t.rows.get(ri).is_some_and(|r| {
            r.iter()
                .zip(&starts[ri])
                .any(|(c, &x)| x == col && c.merged_up)
        })
    };
    let mut out = SpannedRows {
        rows: Vec::with_capacity(t.rows.len()),
        merges: 0,
        merges_in_header: 0,
    };
    let mut below = vec![0usize; ncols];
    for (ri, r) in t.rows.iter().enumerate() {
        let mut covered: Vec<bool> = below.iter().map(|&n| n > 0).collect();
        for n in &mut below {
            *n = n.saturating_sub(1);
        }
        let mut row = Vec::new();
        for (ci, c) in r.iter().enumerate() {
            let x = starts[ri][ci];
            let span = c.span.max(1);
            if c.merged_up {
                // Must continue a cell spanning from above, same columns.
                if !(x..x + span).all(|k| covered.get(k) == Some(&true)) {
                    return None;
                }
                continue;
            }
            if x + span > ncols || (x..x + span).any(|k| covered[k]) {
                return None;
            }
            let mut rowspan = 1;
            while continues(ri + rowspan, x) {
                rowspan += 1;
            }
            if ri < header && ri + rowspan > header {
                return None;
            }
            for k in x..x + span {
                covered[k] = true;
                below[k] = rowspan - 1;
            }
            if span > 1 || rowspan > 1 {
                out.merges += 1;
                if ri < header {
                    out.merges_in_header += 1;
                }
            }
            row.push((ri, ci, span, rowspan));
        }
        if covered.iter().any(|&c| !c) || row.is_empty() {
            return None;
        }
        out.rows.push(row);
    }
    Some(out)
}

/// Each column's alignment, from its body cells' paragraphs (all alike).
pub(super) fn column_aligns(t: &Table, ncols: usize) -> Vec<Option<&'static str>> {
    let mut out = vec![None; ncols];
    for (i, slot) in out.iter_mut().enumerate() {
        let mut seen: Option<&'static str> = None;
        let mut same = true;
        for row in t.rows.iter().skip(t.header_rows.max(1)) {
            let mut x = 0;
            for c in row {
                if x == i {
                    for p in cell_paras(&c.items) {
                        if is_blank(p) {
                            continue;
                        }
                        let a = if p.center {
                            "center"
                        } else if p.right {
                            "right"
                        } else {
                            "left"
                        };
                        match seen {
                            None => seen = Some(a),
                            Some(s) if s != a => same = false,
                            _ => {}
                        }
                    }
                }
                x += c.span;
            }
        }
        if same {
            *slot = seen;
        }
    }
    out
}
