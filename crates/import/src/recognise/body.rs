//! The body builder: turns body paragraphs and tables into headings, lists,
//! paragraphs, tables and footnotes, keeping the heading stack.

use super::*;

/// Deepest heading nesting built from typed labels; deeper labels become
/// siblings (the model allows 32 levels of blocks, divisions and lists included).
pub(super) const MAX_HEADING_DEPTH: usize = 12;

/// One heading being built.
pub(super) struct Open {
    pub(super) depth_kind: LabelKind,
    /// The number as typed.
    pub(super) label: String,
    pub(super) number: String,
    pub(super) text: String,
    pub(super) titled_hint: bool,
    pub(super) body: Vec<Value>,
    pub(super) division: bool,
    /// A run-in numbered paragraph: stays open only to find its siblings.
    pub(super) runin: bool,
}

pub(super) struct BodyBuilder<'r> {
    pub(super) report: &'r mut Report,
    /// The label kind first seen at each heading depth (the numbering scheme).
    pub(super) scheme: Vec<Option<LabelKind>>,
    pub(super) stack: Vec<Open>,
    pub(super) top: Vec<Value>,
    /// Counters per depth for explicit-number decisions.
    pub(super) counters: Vec<u32>,
    pub(super) list: Option<(LabelKind, Vec<Value>)>,
    pub(super) notes: &'r std::collections::HashMap<String, String>,
    pub(super) pending_division_title: bool,
    /// The last heading closed at each stack depth (its kind and typed
    /// number), so that "3." after "2. …" and a paragraph continues the
    /// khoản numbering instead of climbing to the Điều level.
    pub(super) closed: Vec<Option<(LabelKind, String)>>,
}

impl<'r> BodyBuilder<'r> {
    /// An empty builder writing to `report`, with the footnote texts `notes`.
    pub(super) fn new(
        report: &'r mut Report,
        notes: &'r std::collections::HashMap<String, String>,
    ) -> BodyBuilder<'r> {
        BodyBuilder {
            report,
            scheme: Vec::new(),
            stack: Vec::new(),
            top: Vec::new(),
            counters: Vec::new(),
            list: None,
            notes,
            pending_division_title: false,
            closed: Vec::new(),
        }
    }

    /// Closes run-in headings at the top of the stack (content follows).
    pub(super) fn close_runins(&mut self) {
        let mut end = self.stack.len();
        while end > 0 && self.stack[end - 1].runin {
            end -= 1;
        }
        if end < self.stack.len() {
            self.close_to(end);
        }
    }

    pub(super) fn target(&mut self) -> &mut Vec<Value> {
        match self.stack.last_mut() {
            Some(o) => &mut o.body,
            None => &mut self.top,
        }
    }

    pub(super) fn flush_list(&mut self) {
        if let Some((k, items)) = self.list.take() {
            let mut o = Map::new();
            o.insert("list".into(), Value::Array(items));
            if k == LabelKind::Plus {
                o.insert("marker".into(), json!("+"));
            }
            self.target().push(Value::Object(o));
        }
    }

    pub(super) fn close_to(&mut self, depth: usize) {
        self.flush_list();
        while self.stack.len() > depth {
            let Some(o) = self.stack.pop() else { break };
            let at = self.stack.len();
            self.closed.truncate(at);
            self.closed.resize(at + 1, None);
            self.closed[at] = (!o.division).then(|| (o.depth_kind, o.label.clone()));
            let mut m = Map::new();
            if o.division {
                let key = match o.depth_kind {
                    LabelKind::Part => "part",
                    LabelKind::Chapter => "chapter",
                    _ => "section",
                };
                m.insert(
                    key.into(),
                    json!(if o.text.is_empty() {
                        "…".to_string()
                    } else {
                        o.text
                    }),
                );
                m.insert("number".into(), json!(o.number));
                let body = if o.body.is_empty() {
                    vec![json!("…")]
                } else {
                    o.body
                };
                m.insert("body".into(), Value::Array(body));
            } else {
                m.insert(
                    "heading".into(),
                    json!(if o.text.is_empty() {
                        "…".to_string()
                    } else {
                        o.text
                    }),
                );
                if !o.number.is_empty() {
                    m.insert("number".into(), json!(o.number));
                }
                if !o.body.is_empty() || o.titled_hint {
                    let body = if o.body.is_empty() {
                        vec![json!("…")]
                    } else {
                        o.body
                    };
                    if !body.is_empty() {
                        m.insert("body".into(), Value::Array(body));
                    }
                }
            }
            self.target().push(Value::Object(m));
        }
    }

    pub(super) fn expected(&self, kind: LabelKind, depth: usize) -> String {
        let n = self.counters.get(depth).copied().unwrap_or(0) + 1;
        match kind {
            LabelKind::Roman => roman_upper(n),
            LabelKind::Letter => point_letter(n),
            _ => n.to_string(),
        }
    }

    pub(super) fn heading(
        &mut self,
        kind: LabelKind,
        number: String,
        text: String,
        titled_hint: bool,
        loc: &Loc,
    ) {
        let first = parse_counter(kind, &number) == Some(1);
        // Where it goes: after an open heading of the same kind whose next
        // number it is (a sibling); a first number ("1", "I", "a") opens a
        // new level under the deepest open heading; a later number of a kind
        // not open is a sibling of the top level ("III." after "2.").
        let sibling = self
            .stack
            .iter()
            .rposition(|o| {
                !o.division
                    && o.depth_kind == kind
                    && parse_counter(kind, &o.label)
                        .is_some_and(|c| Some(c + 1) == parse_counter(kind, &number))
            })
            .or_else(|| {
                // The heading just closed under the deepest open one ("2."
                // closed by a paragraph) whose next number this is.
                let end = self.stack.len();
                self.closed
                    .get(end)
                    .and_then(|c| c.as_ref())
                    .filter(|(k, label)| {
                        *k == kind
                            && parse_counter(kind, label)
                                .is_some_and(|c| Some(c + 1) == parse_counter(kind, &number))
                    })
                    .map(|_| end)
            })
            .or_else(|| {
                if first {
                    None
                } else {
                    self.stack
                        .iter()
                        .rposition(|o| !o.division && o.depth_kind == kind)
                }
            });
        // A run-in heading that introduces (":") numbered items becomes a
        // title over them ("Điều 1. … gồm:" followed by "1.", "2.").
        if first
            && sibling.is_none()
            && let Some(top) = self.stack.last_mut()
            && top.runin
            && top.depth_kind != kind
            && top.text.trim_end().ends_with(':')
        {
            top.runin = false;
            top.titled_hint = true;
        }
        // Run-in headings take no children.
        let mut open_end = self.stack.len();
        while open_end > 0 && self.stack[open_end - 1].runin {
            open_end -= 1;
        }
        let at = match sibling {
            Some(pos) => pos,
            None if first || self.stack.iter().all(|o| o.division) => open_end,
            None => self
                .stack
                .iter()
                .position(|o| !o.division)
                .unwrap_or(self.stack.len()),
        };
        // Far below any real document (the model allows 32 levels of blocks).
        let at = if at >= MAX_HEADING_DEPTH {
            self.stack.len().min(at) - 1
        } else {
            at
        };
        self.close_to(at);
        let d = self.stack.iter().filter(|o| !o.division).count();
        if self.counters.len() <= d {
            self.counters.resize(d + 1, 0);
        }
        self.counters.truncate(d + 1);
        if self.scheme.len() <= d {
            self.scheme.resize(d + 1, None);
        }
        let scheme_kind = *self.scheme[d].get_or_insert(kind);
        let expected = self.expected(kind, d);
        let explicit = if expected == number && same_form(scheme_kind, kind) {
            String::new()
        } else {
            number.clone()
        };
        // Counting goes on as the typesetter counts: a letter outside the
        // decree's list (f, j, w, z) is one more than the one before.
        self.counters[d] = parse_counter(kind, &number)
            .filter(|_| kind != LabelKind::Letter || (1..=230).any(|i| point_letter(i) == number))
            .unwrap_or(self.counters[d] + 1);
        self.report.add(
            Kind::Recognised,
            loc,
            format!(
                "đề mục cấp {} có số “{}” {}",
                d + 1,
                label_text(kind, &number),
                quote(&text)
            ),
            format!(
                "heading at level {} numbered “{}” {}",
                d + 1,
                label_text(kind, &number),
                quote(&text)
            ),
        );
        self.closed.truncate(self.stack.len());
        self.stack.push(Open {
            depth_kind: kind,
            label: number,
            number: explicit,
            text,
            titled_hint,
            body: Vec::new(),
            division: false,
            runin: !titled_hint,
        });
    }

    pub(super) fn division(&mut self, kind: LabelKind, number: String, text: String, loc: &Loc) {
        let order = |k: LabelKind| match k {
            LabelKind::Part => 0,
            LabelKind::Chapter => 1,
            _ => 2,
        };
        // Close headings and divisions at or below this one.
        let keep = self
            .stack
            .iter()
            .position(|o| !o.division || order(o.depth_kind) >= order(kind))
            .unwrap_or(self.stack.len());
        self.close_to(keep);
        self.counters.clear();
        self.report.add(
            Kind::Recognised,
            loc,
            format!("{} {number} {}", division_word(kind), quote(&text)),
            format!("division {} {number} {}", division_word(kind), quote(&text)),
        );
        self.pending_division_title = text.is_empty();
        self.stack.push(Open {
            depth_kind: kind,
            label: number.clone(),
            number,
            text,
            titled_hint: true,
            body: Vec::new(),
            division: true,
            runin: false,
        });
    }

    pub(super) fn paragraph(&mut self, p: &Para) {
        let runs = trim_runs(&self.attach_notes(p));
        let plain: String = runs.iter().map(|r| r.text.as_str()).collect();
        let plain = collapse(&plain);
        if plain.is_empty() && !runs.iter().any(|r| r.note.is_some()) {
            return;
        }
        if is_typed_rule(&plain) {
            self.report.add(
                Kind::Recognised,
                &p.loc,
                "đường kẻ gõ bằng ký tự (không giữ như chữ)",
                "rule typed as characters (not kept as text)",
            );
            return;
        }
        if self.pending_division_title
            && let Some(o) = self.stack.last_mut()
            && o.division
            && o.text.is_empty()
        {
            o.text = markup(&runs, true, false);
            self.pending_division_title = false;
            return;
        }
        if let Some((kind, number, at)) = label_of(&plain) {
            // Map the char offset in the collapsed text back to the runs.
            let raw: String = runs.iter().map(|r| r.text.as_str()).collect();
            let raw_at = offset_in_raw(&raw, &plain, at);
            let rest = drop_chars(&runs, raw_at);
            let rest_plain = collapse(&rest.iter().map(|r| r.text.as_str()).collect::<String>());
            let bold = p.all_bold();
            match kind {
                LabelKind::Dash | LabelKind::Plus => {
                    self.close_runins();
                    let text = markup(&rest, false, false);
                    self.report.add(
                        Kind::Recognised,
                        &p.loc,
                        format!("mục gạch đầu dòng {}", quote(&rest_plain)),
                        format!("dash list item {}", quote(&rest_plain)),
                    );
                    match &mut self.list {
                        Some((k, items)) if *k == kind => items.push(json!(text)),
                        _ => {
                            self.flush_list();
                            self.list = Some((kind, vec![json!(text)]));
                        }
                    }
                    return;
                }
                LabelKind::Part | LabelKind::Chapter | LabelKind::Section => {
                    self.flush_list();
                    let text = markup(&rest, true, false);
                    self.division(kind, number, text, &p.loc);
                    return;
                }
                _ => {
                    self.flush_list();
                    let titled = bold && !rest_plain.is_empty() || !ends_sentence(&rest_plain);
                    let text = markup(&rest, bold, false);
                    self.heading(kind, number, text, titled, &p.loc);
                    if p.numbered {
                        self.report.add(
                            Kind::Converted,
                            &p.loc,
                            "số hiệu lấy từ đánh số tự động của Word",
                            "label taken from Word numbering",
                        );
                    }
                    return;
                }
            }
        }
        self.flush_list();
        self.close_runins();
        let whole_bold = p.all_bold();
        if p.center || p.right {
            let text = markup(&runs, whole_bold, false);
            let mut o = Map::new();
            o.insert("paragraph".into(), json!(text));
            if whole_bold {
                o.insert("bold".into(), json!(true));
            }
            o.insert(
                "align".into(),
                json!(if p.center { "center" } else { "right" }),
            );
            o.insert("indent".into(), json!(false));
            self.target().push(Value::Object(o));
        } else if whole_bold {
            let text = markup(&runs, true, false);
            self.target()
                .push(json!({ "paragraph": text, "bold": true }));
        } else {
            let text = markup(&runs, false, false);
            self.target().push(json!(text));
        }
    }

    /// Superscript digits that match a typed note become footnotes; other
    /// superscript annotation numbers are dropped and reported.
    pub(super) fn attach_notes(&mut self, p: &Para) -> Vec<Run> {
        let mut out: Vec<Run> = Vec::new();
        for r in &p.runs {
            if r.sup && r.note.is_none() {
                let key = r.text.trim();
                if let Some(n) = self.notes.get(key) {
                    self.report.add(
                        Kind::Recognised,
                        &p.loc,
                        format!(
                            "chú thích gõ tay số {key} (chỉ số trên) thành chú thích cuối trang {}",
                            quote(n)
                        ),
                        format!(
                            "typed footnote {key} (superscript) made a real footnote {}",
                            quote(n)
                        ),
                    );
                    out.push(Run {
                        text: String::new(),
                        note: Some(n.clone()),
                        ..Run::default()
                    });
                    continue;
                }
                if !key.is_empty() {
                    self.report.add(
                        Kind::Omitted,
                        &p.loc,
                        format!("chỉ số trên “{key}” không khớp chú thích nào, đã bỏ (số chú thích của mẫu)"),
                        format!("superscript “{key}” matches no note and was removed (a template annotation number)"),
                    );
                }
                continue;
            }
            out.push(r.clone());
        }
        out
    }

    pub(super) fn table(&mut self, t: &Table) {
        self.flush_list();
        self.close_runins();
        let ncols = t
            .rows
            .iter()
            .map(|r| r.iter().map(|c| c.span).sum::<usize>())
            .max()
            .unwrap_or(0);
        if ncols == 0 {
            return;
        }
        let header = if t.header_rows > 0 { t.header_rows } else { 0 };
        // Merged cells become spans (`colspan`/`rowspan`, HTML-like rows)
        // when they form a valid grid; otherwise they are split as before.
        let spans = spanned_rows(t, ncols, header);
        let titled = header > 0
            && t.rows.len() > header
            && spans.as_ref().is_none_or(|s| s.merges_in_header == 0);
        let mut rows: Vec<Vec<Value>> = Vec::new();
        let mut merged = false;
        if let Some(sp) = &spans {
            for row in &sp.rows {
                let cells = row
                    .iter()
                    .map(|&(ri, ci, colspan, rowspan)| {
                        let text = self.cell_text(&t.rows[ri][ci]);
                        if colspan == 1 && rowspan == 1 {
                            json!(text)
                        } else {
                            let mut o = Map::new();
                            o.insert("text".into(), json!(text));
                            if colspan > 1 {
                                o.insert("colspan".into(), json!(colspan));
                            }
                            if rowspan > 1 {
                                o.insert("rowspan".into(), json!(rowspan));
                            }
                            Value::Object(o)
                        }
                    })
                    .collect();
                rows.push(cells);
            }
            if sp.merges > 0 {
                self.report.add(
                    Kind::Recognised,
                    &t.loc,
                    format!("{} ô gộp giữ nguyên (colspan/rowspan)", sp.merges),
                    format!("{} merged cell(s) kept (colspan/rowspan)", sp.merges),
                );
            }
        } else {
            for row in &t.rows {
                let mut cells = Vec::new();
                for c in row {
                    let text = if c.merged_up {
                        merged = true;
                        String::new()
                    } else {
                        self.cell_text(c)
                    };
                    cells.push(json!(text));
                    for _ in 1..c.span {
                        merged = true;
                        cells.push(json!(""));
                    }
                }
                while cells.len() < ncols {
                    cells.push(json!(""));
                }
                cells.truncate(ncols);
                rows.push(cells);
            }
        }
        if merged {
            self.report.add(
                Kind::Guessed,
                &t.loc,
                "ô gộp không tạo thành lưới hợp lệ nên được tách: chữ ở ô đầu, các ô còn lại để trống",
                "merged cells do not form a valid grid and were split: the text in the first cell, the others left empty",
            );
        }
        let mut tbl = Map::new();
        let with_columns = titled || (spans.is_some() && header > 0 && t.rows.len() > header);
        if with_columns {
            if titled {
                rows.remove(0);
            }
            let titles: Vec<String> = t.rows[0]
                .iter()
                .flat_map(|c| {
                    let s = cell_paras(&c.items)
                        .iter()
                        .map(|p| markup(&p.runs, p.all_bold(), false))
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                        .join("\n");
                    std::iter::once(s).chain(std::iter::repeat_n(String::new(), c.span - 1))
                })
                .collect();
            let aligns = column_aligns(t, ncols);
            let cols: Vec<Value> = (0..ncols)
                .map(|i| {
                    let mut c = Map::new();
                    if titled {
                        c.insert(
                            "title".into(),
                            json!(titles.get(i).cloned().unwrap_or_default()),
                        );
                    }
                    let sum: u32 = t.widths.iter().sum();
                    if let Some(w) = t
                        .widths
                        .get(i)
                        .filter(|_| t.widths.len() == ncols && sum > 0)
                    {
                        // Relative widths (the model takes up to 1000): per cent, two decimals.
                        let rel = (f64::from(*w) * 10000.0 / f64::from(sum)).round() / 100.0;
                        c.insert("width".into(), json!(rel.max(0.01)));
                    }
                    if let Some(a) = aligns.get(i).copied().flatten() {
                        c.insert("align".into(), json!(a));
                    }
                    Value::Object(c)
                })
                .collect();
            tbl.insert("columns".into(), Value::Array(cols));
            if !titled {
                // A header with merged cells stays in the rows (column
                // titles cannot span): its rows are the table's header rows.
                tbl.insert("header_rows".into(), json!(header));
            } else if header > 1 {
                tbl.insert("header_rows".into(), json!(header - 1));
            }
        }
        tbl.insert("rows".into(), json!(rows));
        self.report.add(
            Kind::Recognised,
            &t.loc,
            format!("bảng {} hàng × {ncols} cột", t.rows.len()),
            format!("table of {} rows × {ncols} columns", t.rows.len()),
        );
        self.target().push(json!({ "table": Value::Object(tbl) }));
    }

    /// A cell's paragraphs as markup, one line each.
    pub(super) fn cell_text(&mut self, c: &crate::ir::Cell) -> String {
        let ps = cell_paras(&c.items);
        ps.iter()
            .map(|p| markup(&self.attach_notes(p), false, false))
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("\n")
    }

    pub(super) fn finish(mut self) -> Vec<Value> {
        self.close_to(0);
        self.top
    }

    /// The numbering scheme seen, as `numbering` keys.
    pub(super) fn scheme_keys(&self) -> Vec<&'static str> {
        self.scheme
            .iter()
            .map(|k| scheme_key(k.unwrap_or(LabelKind::Dash)))
            .collect()
    }
}
