//! Blocks: paragraphs, headings, divisions, lists, tables, page breaks.

use crate::block_kinds::{BLOCK_KINDS, RawBlockObject, kind_list, owners_of};
use crate::doc::*;
use crate::lang::Msg;
use crate::parse::{ErrorKind, MAX_BLOCKS, MAX_DEPTH, MAX_TABLE_CELLS};
use crate::raw::*;

use super::Validator;
use super::text::*;

impl Validator {
    // -- blocks --------------------------------------------------------------

    pub(super) fn blocks(&mut self, raw: &[RawBlock], path: &str, depth: usize) -> Vec<Block> {
        let mut out = Vec::with_capacity(raw.len());
        for (i, b) in raw.iter().enumerate() {
            if let Some(block) = self.block(b, format!("{path}[{i}]"), depth) {
                out.push(block);
            }
        }
        out
    }

    pub(super) fn count_block(&mut self, path: &str) -> bool {
        self.blocks += 1;
        if self.blocks > MAX_BLOCKS {
            if !self.blocks_reported {
                self.blocks_reported = true;
                self.err(
                    ErrorKind::Limit,
                    path,
                    Msg::new(
                        format!("quá nhiều khối: vanban cho phép tối đa {MAX_BLOCKS} khối trong một văn bản"),
                        format!("too many blocks: vanban allows at most {MAX_BLOCKS} per document"),
                    ),
                );
            }
            return false;
        }
        true
    }

    pub(super) fn block(&mut self, raw: &RawBlock, path: String, depth: usize) -> Option<Block> {
        if depth > MAX_DEPTH {
            self.err(
                ErrorKind::Limit,
                &path,
                Msg::new(
                    format!(
                        "ở đây các khối lồng nhau quá {MAX_DEPTH} tầng; hãy làm phẳng cấu trúc"
                    ),
                    format!(
                        "blocks are nested more than {MAX_DEPTH} deep here; flatten the structure"
                    ),
                ),
            );
            return None;
        }
        if !self.count_block(&path) {
            return None;
        }
        let kind = match raw {
            RawBlock::Text(s) => {
                let content = self.inline(s, &path, true)?;
                BlockKind::Paragraph(Paragraph {
                    content,
                    align: None,
                    indent: None,
                    bold: false,
                    italic: false,
                })
            }
            RawBlock::Object(o) => self.object_block(o, &path, depth)?,
        };
        Some(Block { path, kind })
    }

    pub(super) fn object_block(
        &mut self,
        o: &RawBlockObject,
        path: &str,
        depth: usize,
    ) -> Option<BlockKind> {
        let kinds = o.kinds();
        let kind = match kinds.as_slice() {
            [k] => *k,
            [] => {
                self.err(
                    ErrorKind::Structure,
                    path,
                    Msg::new(
                        format!("khối này không có khóa nào trong số {}; một khối dạng đối tượng cần đúng một khóa", kind_list()),
                        format!("this block has none of the keys {}; a block object needs exactly one", kind_list()),
                    ),
                );
                return None;
            }
            many => {
                self.err(
                    ErrorKind::Structure,
                    path,
                    Msg::new(
                        format!(
                            "khối này có các khóa {}; một khối dạng đối tượng chỉ có đúng một trong {} (hãy tách thành nhiều khối)",
                            many.iter().map(|k| format!("\"{k}\"")).collect::<Vec<_>>().join(" và "),
                            kind_list()
                        ),
                        format!(
                            "this block has the keys {}; a block object has exactly one of {} (split it into several blocks)",
                            many.iter().map(|k| format!("\"{k}\"")).collect::<Vec<_>>().join(" and "),
                            kind_list()
                        ),
                    ),
                );
                return None;
            }
        };
        // Options that do not belong to this kind of block.
        let allowed: &[&str] = BLOCK_KINDS
            .iter()
            .find(|k| k.key == kind)
            .map_or(&[], |k| k.options);
        let mut stray = false;
        for (key, present) in o.options() {
            if present && !allowed.contains(&key) {
                stray = true;
                self.err(
                    ErrorKind::Structure,
                    join(path, key),
                    Msg::new(
                        format!(
                            "\"{key}\" không dùng cho khối {kind} (chỉ dùng với {})",
                            owners_of(key, "và")
                        ),
                        format!(
                            "\"{key}\" does not apply to a {kind} block (it is used with {})",
                            owners_of(key, "and")
                        ),
                    ),
                );
            }
        }
        if stray {
            return None;
        }
        let label = |v: &mut Validator| -> Option<Option<String>> {
            match &o.number {
                None => Some(None),
                Some(RawLabel(s)) => v.text(s, &join(path, "number"), LINE).map(Some),
            }
        };
        match kind {
            "heading" => {
                let hpath = join(path, "heading");
                let text = self.inline(o.heading.as_deref().unwrap_or(""), &hpath, true);
                let number = label(self);
                let numbered = o.numbered.unwrap_or(true);
                if !numbered && o.number.is_some() {
                    self.value(
                        join(path, "number"),
                        Msg::new(
                            "có \"number\" nhưng \"numbered\" lại là false; hãy giữ một trong hai",
                            "\"number\" is given but \"numbered\" is false; keep one of them",
                        ),
                    );
                }
                let body = match &o.body {
                    None => None,
                    Some(b) if b.is_empty() => {
                        self.value(
                            join(path, "body"),
                            Msg::new(
                                "phần body đang trống; bỏ hẳn \"body\" nếu muốn một đoạn văn có số thứ tự",
                                "the body is empty; leave \"body\" out for a run-in numbered paragraph",
                            ),
                        );
                        None
                    }
                    Some(b) => Some(self.blocks(b, &join(path, "body"), depth + 1)),
                };
                let text = text?;
                // A text ending in ":" introduces what follows: a lead-in
                // unless the input says otherwise.
                let colon = o.body.is_some()
                    && text.iter().rev().find_map(|i| match i {
                        Inline::Text { text, .. } if !text.trim().is_empty() => {
                            Some(text.trim_end().ends_with(':'))
                        }
                        _ => None,
                    }) == Some(true);
                Some(BlockKind::Heading(Heading {
                    text,
                    number: number?,
                    numbered,
                    body,
                    lead_in: o.lead_in.unwrap_or(colon),
                }))
            }
            "part" | "chapter" | "section" => {
                let (dk, title) = match kind {
                    "part" => (DivisionKind::Part, o.part.as_deref()),
                    "chapter" => (DivisionKind::Chapter, o.chapter.as_deref()),
                    _ => (DivisionKind::Section, o.section.as_deref()),
                };
                let title = self.text(title.unwrap_or(""), &join(path, kind), MULTILINE);
                let number = label(self);
                let body = match &o.body {
                    Some(b) if !b.is_empty() => self.blocks(b, &join(path, "body"), depth + 1),
                    Some(_) => {
                        self.value(
                            join(path, "body"),
                            Msg::new(
                                format!("phần body của {kind} đang trống; hãy thêm nội dung"),
                                format!("the {kind}'s body is empty; add its content"),
                            ),
                        );
                        Vec::new()
                    }
                    None => {
                        self.value(
                            path,
                            Msg::new(
                                format!("{kind} cần có \"body\" chứa nội dung"),
                                format!("a {kind} needs a \"body\" with its content"),
                            ),
                        );
                        Vec::new()
                    }
                };
                Some(BlockKind::Division(Division {
                    kind: dk,
                    title: title?,
                    number: number?,
                    body,
                }))
            }
            "list" => {
                let lpath = join(path, "list");
                let items_raw = o.list.as_deref().unwrap_or(&[]);
                if items_raw.is_empty() {
                    self.value(
                        &lpath,
                        Msg::new(
                            "danh sách đang trống; hãy thêm ít nhất một mục",
                            "the list is empty; add at least one item",
                        ),
                    );
                }
                let mut items = Vec::with_capacity(items_raw.len());
                for (i, item) in items_raw.iter().enumerate() {
                    let ipath = format!("{lpath}[{i}]");
                    match item {
                        RawListItem::Text(s) => {
                            let b = self.block(&RawBlock::Text(s.clone()), ipath, depth + 1);
                            items.push(b.into_iter().collect());
                        }
                        RawListItem::Blocks(v) => {
                            if v.is_empty() {
                                self.value(
                                    &ipath,
                                    Msg::new(
                                        "mục của danh sách đang trống; hãy thêm một chuỗi hoặc các khối",
                                        "the list item is empty; add a string or blocks",
                                    ),
                                );
                            }
                            items.push(self.blocks(v, &ipath, depth + 1));
                        }
                    }
                }
                let marker = match o.marker {
                    Some(RawMarker::Plus) => ListMarker::Plus,
                    _ => ListMarker::Dash,
                };
                Some(BlockKind::List(List { marker, items }))
            }
            "table" => {
                let t = o.table.as_ref()?;
                self.table(t, &join(path, "table")).map(BlockKind::Table)
            }
            "paragraph" => {
                let content = self.inline(
                    o.paragraph.as_deref().unwrap_or(""),
                    &join(path, "paragraph"),
                    true,
                )?;
                Some(BlockKind::Paragraph(Paragraph {
                    content,
                    align: o.align,
                    indent: o.indent,
                    bold: o.bold.unwrap_or(false),
                    italic: o.italic.unwrap_or(false),
                }))
            }
            _ => {
                if o.page_break == Some(true) {
                    Some(BlockKind::PageBreak)
                } else {
                    self.value(
                        join(path, "page_break"),
                        Msg::new(
                            "phải là true (viết {\"page_break\": true}, hoặc xóa khối này)",
                            "must be true (write {\"page_break\": true}, or remove the block)",
                        ),
                    );
                    None
                }
            }
        }
    }

    pub(super) fn table(&mut self, t: &RawTable, path: &str) -> Option<Table> {
        let errors_before = self.errors.len();
        let rows_path = join(path, "rows");
        let columns: Vec<Column> = match &t.columns {
            Some(cols) => {
                if cols.is_empty() {
                    self.value(
                        join(path, "columns"),
                        Msg::new("bảng không có cột nào", "the table has no columns"),
                    );
                }
                let mut out = Vec::with_capacity(cols.len());
                for (i, c) in cols.iter().enumerate() {
                    let cpath = format!("{path}.columns[{i}]");
                    let title = match &c.title {
                        Some(s) => self
                            .inline(s, &join(&cpath, "title"), false)
                            .unwrap_or_default(),
                        None => Vec::new(),
                    };
                    let width = c.width.unwrap_or(1.0);
                    if !(width > 0.0 && width <= 1000.0) {
                        self.value(
                            join(&cpath, "width"),
                            Msg::new(
                                format!(
                                    "{width} không dùng được làm độ rộng tương đối (lớn hơn 0, tối đa 1000)"
                                ),
                                format!(
                                    "{width} is not a usable relative width (more than 0, at most 1000)"
                                ),
                            ),
                        );
                    }
                    out.push(Column {
                        title,
                        width: width as f32,
                        align: c.align.unwrap_or(Align::Left),
                    });
                }
                out
            }
            None => {
                let n = t.rows.first().map_or(0, |r| {
                    r.iter()
                        .map(|c| match c {
                            RawCell::Span(s) => {
                                s.colspan.map_or(1, |n| n.0.clamp(1, 1000) as usize)
                            }
                            RawCell::Text(_) => 1,
                        })
                        .sum()
                });
                (0..n)
                    .map(|_| Column {
                        title: Vec::new(),
                        width: 1.0,
                        align: Align::Left,
                    })
                    .collect()
            }
        };
        if t.rows.is_empty() {
            self.value(
                &rows_path,
                Msg::new(
                    "bảng không có hàng nào; hãy thêm ít nhất một hàng",
                    "the table has no rows; add at least one",
                ),
            );
        }
        let header_rows = match t.header_rows {
            None => 0,
            Some(h) => self
                .integer(h, &join(path, "header_rows"), 0, t.rows.len() as i128, None)
                .unwrap_or(0),
        };
        let (rows, merges) = self.table_rows(t, &rows_path, columns.len(), header_rows as usize);
        if self.errors.len() > errors_before {
            return None;
        }
        Some(Table {
            columns,
            rows,
            merges,
            header_rows,
        })
    }

    /// The rows of a table as a grid of `ncols` slots per row, and its merged
    /// cells. Rows list the cells that start in them (as in HTML); a span
    /// that overruns the table, overlaps another cell or crosses the end of
    /// the header rows is an error at the cell's path.
    fn table_rows(
        &mut self,
        t: &RawTable,
        rows_path: &str,
        ncols: usize,
        header_rows: usize,
    ) -> (Vec<Vec<Inlines>>, Vec<Merge>) {
        let nrows = t.rows.len();
        let mut rows = Vec::with_capacity(nrows);
        let mut merges = Vec::new();
        // Rows still covered below the current one, per column, by a cell
        // spanning rows from above.
        let mut below = vec![0usize; ncols];
        for (i, r) in t.rows.iter().enumerate() {
            let rpath = format!("{rows_path}[{i}]");
            if !self.count_block(&rpath) {
                break;
            }
            self.cells += r.len();
            if self.cells > MAX_TABLE_CELLS {
                if !self.cells_reported {
                    self.cells_reported = true;
                    self.err(
                        ErrorKind::Limit,
                        &rpath,
                        Msg::new(
                            format!(
                                "quá nhiều ô bảng: vanban cho phép tối đa {MAX_TABLE_CELLS} ô trong một văn bản"
                            ),
                            format!(
                                "too many table cells: vanban allows at most {MAX_TABLE_CELLS} per document"
                            ),
                        ),
                    );
                }
                break;
            }
            let from_above: Vec<bool> = below.iter().map(|&n| n > 0).collect();
            for n in &mut below {
                *n = n.saturating_sub(1);
            }
            if r.is_empty() && !from_above.iter().all(|&c| c) {
                self.value(
                    &rpath,
                    Msg::new(
                        "hàng đang trống; mỗi cột ghi một ô (\"\" cho ô trống)",
                        "the row is empty; give one cell per column (\"\" for an empty cell)",
                    ),
                );
                continue;
            }
            let spans = r.iter().any(|c| matches!(c, RawCell::Span(_)));
            if !spans && !from_above.contains(&true) && r.len() != ncols {
                self.value(
                    &rpath,
                    Msg::new(
                        format!("hàng này có {} ô nhưng bảng có {ncols} cột", r.len()),
                        format!(
                            "this row has {} cell{} but the table has {ncols} column{}",
                            r.len(),
                            if r.len() == 1 { "" } else { "s" },
                            if ncols == 1 { "" } else { "s" }
                        ),
                    ),
                );
                continue;
            }
            let mut taken = from_above.clone();
            let mut cells: Vec<Inlines> = vec![Vec::new(); ncols];
            let mut col = 0;
            let mut ok = true;
            for (j, cell) in r.iter().enumerate() {
                let cpath = format!("{rpath}[{j}]");
                while col < ncols && taken[col] {
                    col += 1;
                }
                if col >= ncols {
                    let filled = from_above.iter().filter(|&&c| c).count();
                    self.value(
                        &cpath,
                        Msg::new(
                            format!(
                                "hàng này thừa ô: bảng có {ncols} cột, {filled} cột đã có ô gộp từ hàng trên; hãy bỏ ô này hoặc giảm colspan/rowspan"
                            ),
                            format!(
                                "this row has too many cells: the table has {ncols} columns, {filled} of them covered by cells from rows above; remove this cell or reduce a colspan/rowspan"
                            ),
                        ),
                    );
                    ok = false;
                    break;
                }
                let (mut cs, mut rs) = (1usize, 1usize);
                if let RawCell::Span(sp) = cell {
                    if let Some(n) = sp.colspan {
                        cs = self
                            .integer(n, &join(&cpath, "colspan"), 1, 1000, None)
                            .unwrap_or(1) as usize;
                    }
                    if let Some(n) = sp.rowspan {
                        rs = self
                            .integer(n, &join(&cpath, "rowspan"), 1, 100_000, None)
                            .unwrap_or(1) as usize;
                    }
                }
                if col + cs > ncols {
                    self.value(
                        join(&cpath, "colspan"),
                        Msg::new(
                            format!(
                                "ô này bắt đầu ở cột {} và gộp {cs} cột, vượt quá {ncols} cột của bảng; hãy giảm colspan xuống {}",
                                col + 1,
                                ncols - col
                            ),
                            format!(
                                "this cell starts in column {} and spans {cs} columns, beyond the table's {ncols}; reduce colspan to {}",
                                col + 1,
                                ncols - col
                            ),
                        ),
                    );
                    ok = false;
                    break;
                }
                if let Some(k) = (col..col + cs).find(|&k| taken[k]) {
                    self.value(
                        join(&cpath, "colspan"),
                        Msg::new(
                            format!(
                                "ô này gộp {cs} cột từ cột {} và đè lên cột {}, nơi đã có ô gộp từ hàng trên xuống; hãy giảm colspan hoặc rowspan của ô phía trên",
                                col + 1,
                                k + 1
                            ),
                            format!(
                                "this cell spans {cs} columns from column {} and overlaps column {}, which a cell from a row above covers; reduce this colspan or that cell's rowspan",
                                col + 1,
                                k + 1
                            ),
                        ),
                    );
                    ok = false;
                    break;
                }
                if i + rs > nrows {
                    self.value(
                        join(&cpath, "rowspan"),
                        Msg::new(
                            format!(
                                "ô này ở hàng {} và gộp {rs} hàng, vượt quá {nrows} hàng của bảng; hãy giảm rowspan xuống {}",
                                i + 1,
                                nrows - i
                            ),
                            format!(
                                "this cell is in row {} and spans {rs} rows, beyond the table's {nrows}; reduce rowspan to {}",
                                i + 1,
                                nrows - i
                            ),
                        ),
                    );
                    ok = false;
                    break;
                }
                if i < header_rows && i + rs > header_rows {
                    self.value(
                        join(&cpath, "rowspan"),
                        Msg::new(
                            format!(
                                "ô này gộp từ hàng tiêu đề xuống hàng nội dung (bảng có {header_rows} hàng tiêu đề); ô gộp phải nằm trọn trong hàng tiêu đề hoặc trong phần nội dung"
                            ),
                            format!(
                                "this cell spans from a header row into the body (the table has {header_rows} header rows); a merged cell lies wholly in the header rows or in the body"
                            ),
                        ),
                    );
                    ok = false;
                    break;
                }
                cells[col] = self.inline(cell.text(), &cpath, false).unwrap_or_default();
                for k in col..col + cs {
                    taken[k] = true;
                    below[k] = rs - 1;
                }
                if cs > 1 || rs > 1 {
                    merges.push(Merge {
                        row: i,
                        col,
                        rows: rs,
                        cols: cs,
                    });
                }
                col += cs;
            }
            if !ok {
                continue;
            }
            let filled = taken.iter().filter(|&&c| c).count();
            if filled != ncols {
                self.value(
                    &rpath,
                    Msg::new(
                        format!(
                            "hàng này phủ {filled} trong {ncols} cột của bảng (tính cả colspan và ô gộp từ hàng trên); mỗi cột cần đúng một ô (\"\" cho ô trống)"
                        ),
                        format!(
                            "this row covers {filled} of the table's {ncols} column{} (counting colspans and cells from rows above); give one cell per column (\"\" for an empty cell)",
                            if ncols == 1 { "" } else { "s" }
                        ),
                    ),
                );
                continue;
            }
            rows.push(cells);
        }
        (rows, merges)
    }
}
