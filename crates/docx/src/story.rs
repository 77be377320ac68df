//! Blocks and runs → WordprocessingML (`w:p`, `w:r`, `w:tbl`), shared by the
//! main document, the footnotes, the headers and the footers.
//!
//! Every property element is written in the order of its schema sequence
//! (`CT_PPrBase`, the ECMA sequence of `EG_RPrBase`, `CT_TblPrBase`,
//! `CT_TcPrBase`, `CT_SectPr`).

use vanban_layout::flow::{
    Align, Block, FontStyle, FootnoteRef, Mark, PageGeometry, Para, Role, RuleBlock, Run, Spacer,
    Table, VAlign,
};

use crate::DocxError;
use crate::units::{border_eighths, half_points, signed_half_points, twips, utwips};
use crate::xml::{Xml, needs_preserve};
use vanban_layout::pages::HyphenPins;

/// Exact line pitch, in twips, of the filler paragraphs this writer adds
/// where WordprocessingML needs a paragraph that the `Flow` does not have
/// (after a trailing table, in an empty cell, to carry a section break, and
/// before a table that opens the document): 0.1 pt, small enough for the
/// typesetter to ignore (LibreOffice 7.4 honours exact lines down to 1 twip).
pub const FILLER_LINE_TWIPS: i32 = 2;

/// Font size of filler paragraph marks and rule paragraphs, in half-points
/// (1 pt), so that the mark never asks for a taller line.
const FILLER_MARK_HALF_POINTS: u32 = 2;

/// Kerning threshold written on every run, in half-points: kern from 1 pt,
/// i.e. always, as the typesetter (and LibreOffice by default) does.
pub(crate) const KERN_HALF_POINTS: u32 = 2;

/// Which story the blocks belong to: decides what footnote runs become.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Story {
    /// The main document: footnote references become real footnotes.
    Body,
    /// A footnote's text: its `FootnoteMark` becomes `w:footnoteRef`.
    Note,
    /// A header or footer: Word has no footnotes there; marks become text.
    HeaderFooter,
}

/// What goes into one section's `w:sectPr`.
#[derive(Debug, Clone)]
pub(crate) struct SectSpec {
    /// Relationship id of the default (page-number or empty) header.
    pub header_default: String,
    /// Relationship id of the first-page (empty) header.
    pub header_first: String,
    /// Relationship id of the default (empty) footer.
    pub footer_default: String,
    /// Relationship id of the first-page footer.
    pub footer_first: String,
    /// `Some(n)`: footnote numbers restart in this section at `n`.
    pub footnote_start: Option<u32>,
    /// Page geometry.
    pub page: PageGeometry,
}

/// Writes blocks of one story and collects the footnotes met on the way.
pub(crate) struct StoryWriter<'a> {
    /// The XML being written.
    pub x: Xml,
    /// Footnotes in the order of their references; id = index + 1.
    pub notes: Vec<&'a FootnoteRef>,
    story: Story,
    /// The hyphens written non-breaking (`None`: every inner hyphen).
    pins: Option<&'a HyphenPins>,
}

/// Something placed on the paragraph written next.
#[derive(Clone, Copy, Default)]
struct ParaExtra<'s> {
    page_break_before: bool,
    sect: Option<&'s SectSpec>,
}

impl<'a> StoryWriter<'a> {
    /// A writer for `story` into `x`.
    pub(crate) fn new(x: Xml, story: Story, pins: Option<&'a HyphenPins>) -> Self {
        StoryWriter {
            x,
            notes: Vec::new(),
            story,
            pins,
        }
    }

    /// Writes a container's blocks. The container always ends with a
    /// paragraph; `sect`, if given, goes into that last paragraph.
    /// `guard_first_table` adds a filler paragraph before a table that
    /// opens the container (LibreOffice workaround, see the crate docs).
    ///
    /// Page breaks: a break before the first block or after the last one,
    /// and repeated breaks, are dropped (a break at the top of a page does
    /// nothing); any other becomes `w:pageBreakBefore` on the next
    /// paragraph (the first paragraph of the first cell for a table).
    pub(crate) fn blocks(
        &mut self,
        blocks: &'a [Block],
        sect: Option<&SectSpec>,
        guard_first_table: bool,
        break_first: bool,
    ) -> Result<(), DocxError> {
        let mut items: Vec<(&'a Block, bool)> = Vec::with_capacity(blocks.len());
        let mut pending = break_first;
        for block in blocks {
            match block {
                Block::PageBreak => pending = !items.is_empty() || pending,
                Block::Spacer(s) if s.lines == 0 => {}
                Block::Table(t) if t.columns.is_empty() || t.rows.is_empty() => {}
                other => {
                    items.push((other, pending));
                    pending = false;
                }
            }
        }
        if guard_first_table && matches!(items.first(), Some((Block::Table(_), _))) {
            let brk = items.first().is_some_and(|(_, b)| *b);
            self.filler(ParaExtra {
                page_break_before: brk,
                sect: None,
            });
            if let Some(first) = items.first_mut() {
                first.1 = false;
            }
        }
        let last_para_like = matches!(
            items.last(),
            Some((Block::Para(_) | Block::Rule(_) | Block::Spacer(_), _))
        );
        let n = items.len();
        for (i, (block, brk)) in items.iter().enumerate() {
            let extra = ParaExtra {
                page_break_before: *brk,
                sect: if i + 1 == n { sect } else { None },
            };
            match block {
                Block::Para(p) => self.para(p, extra),
                Block::Rule(r) => self.rule(r, extra),
                Block::Spacer(s) => self.spacer(s, extra),
                Block::Table(t) => self.table(t, *brk)?,
                Block::PageBreak => {}
            }
        }
        if !last_para_like {
            // Only a page break at the very start can be pending here.
            self.filler(ParaExtra {
                page_break_before: n == 0 && break_first,
                sect,
            });
        }
        Ok(())
    }

    /// Writes a footnote's paragraphs (at least one paragraph results).
    pub(crate) fn note_paras(&mut self, paras: &'a [Para]) {
        if paras.is_empty() {
            self.filler(ParaExtra::default());
        }
        for p in paras {
            self.para(p, ParaExtra::default());
        }
    }

    /// An empty paragraph of [`FILLER_LINE_TWIPS`].
    fn filler(&mut self, extra: ParaExtra<'_>) {
        self.filler_keep(extra, false);
    }

    /// A filler paragraph; with `keep`, kept with the next (the part of a
    /// merged cell in a row that a vertical merge joins to the next).
    fn filler_keep(&mut self, extra: ParaExtra<'_>, keep: bool) {
        let x = &mut self.x;
        x.open("w:p");
        x.open("w:pPr");
        if keep {
            x.empty("w:keepNext");
        }
        if extra.page_break_before {
            x.empty("w:pageBreakBefore");
        }
        exact_spacing(x, 0, 0, FILLER_LINE_TWIPS);
        mark_size(x, FILLER_MARK_HALF_POINTS);
        if let Some(s) = extra.sect {
            sect_pr(x, s);
        }
        x.close();
        x.close();
    }

    fn para(&mut self, p: &'a Para, extra: ParaExtra<'_>) {
        self.x.open("w:p");
        {
            let x = &mut self.x;
            x.open("w:pPr");
            if self.story == Story::Note || p.role == Role::Note {
                x.val("w:pStyle", "FootnoteText");
            }
            if p.keep_with_next {
                x.empty("w:keepNext");
            }
            if p.keep_lines {
                x.empty("w:keepLines");
            }
            if extra.page_break_before {
                x.empty("w:pageBreakBefore");
            }
            if p.widow_control {
                x.empty("w:widowControl");
            } else {
                x.val("w:widowControl", 0);
            }
            exact_spacing(
                x,
                utwips(p.space_before),
                utwips(p.space_after),
                twips(p.line_height),
            );
            indent(x, p.indent_left, p.indent_right, p.indent_first);
            x.val("w:jc", jc(p.align));
            if let Role::Heading(level) = p.role {
                x.val("w:outlineLvl", level.clamp(1, 9) - 1);
            }
            if let Some(size) = first_size(&p.runs) {
                mark_size(x, half_points(size));
            }
            if let Some(s) = extra.sect {
                sect_pr(x, s);
            }
            x.close();
        }
        for run in &p.runs {
            self.run(run);
        }
        self.x.close();
    }

    fn run(&mut self, run: &'a Run) {
        match run {
            Run::Text(t) => {
                if !t.text.is_empty() {
                    let hyphens = pinned_hyphens(&t.text, self.pins);
                    text_run_with(&mut self.x, &t.text, &hyphens, t.style, t.size, 0.0);
                }
            }
            Run::LineBreak => {
                self.x.open("w:r");
                self.x.empty("w:br");
                self.x.close();
            }
            Run::Blank(b) => {
                if b.spaces > 0 {
                    let spaces = " ".repeat(b.spaces.min(10_000) as usize);
                    text_run(&mut self.x, &spaces, b.style, b.size, 0.0);
                }
            }
            Run::FootnoteRef(f) => match self.story {
                Story::Body => {
                    self.notes.push(f);
                    let id = self.notes.len();
                    let x = &mut self.x;
                    x.open("w:r");
                    mark_rpr(x, &f.mark);
                    x.tag("w:footnoteReference").attr("w:id", id).empty();
                    x.close();
                }
                Story::Note | Story::HeaderFooter => mark_text(&mut self.x, &f.mark),
            },
            Run::FootnoteMark(m) => match self.story {
                Story::Note => {
                    let x = &mut self.x;
                    x.open("w:r");
                    mark_rpr(x, m);
                    x.empty("w:footnoteRef");
                    x.close();
                }
                Story::Body | Story::HeaderFooter => mark_text(&mut self.x, m),
            },
        }
    }

    fn rule(&mut self, r: &RuleBlock, extra: ParaExtra<'_>) {
        let x = &mut self.x;
        x.open("w:p");
        x.open("w:pPr");
        if r.keep_with_next {
            x.empty("w:keepNext");
        }
        if extra.page_break_before {
            x.empty("w:pageBreakBefore");
        }
        x.open("w:pBdr");
        x.tag("w:bottom")
            .attr("w:val", "single")
            .attr("w:color", "000000")
            .attr("w:sz", border_eighths(r.thickness))
            .attr("w:space", 0)
            .empty();
        x.close();
        // Word and LibreOffice add the border's width below the line:
        // take it off the line so that the block is `height` tall in all.
        exact_spacing(x, 0, 0, twips(r.height) - border_twips(r.thickness));
        indent(x, r.indent_left, r.indent_right, 0.0);
        x.val("w:jc", "left");
        mark_size(x, FILLER_MARK_HALF_POINTS);
        if let Some(s) = extra.sect {
            sect_pr(x, s);
        }
        x.close();
        x.close();
    }

    fn spacer(&mut self, s: &Spacer, extra: ParaExtra<'_>) {
        let x = &mut self.x;
        for i in 0..s.lines {
            x.open("w:p");
            x.open("w:pPr");
            if i == 0 && extra.page_break_before {
                x.empty("w:pageBreakBefore");
            }
            exact_spacing(x, 0, 0, twips(s.line_height));
            if i + 1 == s.lines
                && let Some(sect) = extra.sect
            {
                sect_pr(x, sect);
            }
            x.close();
            x.close();
        }
    }

    fn table(&mut self, t: &'a Table, page_break_before: bool) -> Result<(), DocxError> {
        let ncols = t.columns.len();
        if let Some((i, row)) = t
            .rows
            .iter()
            .enumerate()
            .find(|(_, r)| r.cells.len() > ncols)
        {
            return Err(DocxError::TableShape {
                path: t.path.clone(),
                row: i,
                cells: row.cells.len(),
                columns: ncols,
            });
        }
        let width: i32 = t.columns.iter().map(|c| twips(*c)).sum();
        {
            let x = &mut self.x;
            x.open("w:tbl");
            x.open("w:tblPr");
            x.tag("w:tblW")
                .attr("w:w", width)
                .attr("w:type", "dxa")
                .empty();
            x.tag("w:tblInd")
                .attr("w:w", twips(t.indent))
                .attr("w:type", "dxa")
                .empty();
            x.open("w:tblBorders");
            for side in [
                "w:top",
                "w:left",
                "w:bottom",
                "w:right",
                "w:insideH",
                "w:insideV",
            ] {
                if t.borders {
                    x.tag(side)
                        .attr("w:val", "single")
                        .attr("w:color", "000000")
                        .attr("w:sz", border_eighths(t.border_width))
                        .attr("w:space", 0)
                        .empty();
                } else {
                    x.tag(side).attr("w:val", "nil").empty();
                }
            }
            x.close();
            x.tag("w:tblLayout").attr("w:type", "fixed").empty();
            x.open("w:tblCellMar");
            for (side, v) in [
                ("w:top", t.padding.top),
                ("w:left", t.padding.left),
                ("w:bottom", t.padding.bottom),
                ("w:right", t.padding.right),
            ] {
                x.tag(side)
                    .attr("w:w", utwips(v))
                    .attr("w:type", "dxa")
                    .empty();
            }
            x.close();
            x.tag("w:tblLook")
                .attr("w:val", "0000")
                .attr("w:firstRow", 0)
                .attr("w:lastRow", 0)
                .attr("w:firstColumn", 0)
                .attr("w:lastColumn", 0)
                .attr("w:noHBand", 1)
                .attr("w:noVBand", 1)
                .empty();
            x.close();
            x.open("w:tblGrid");
            for c in &t.columns {
                x.tag("w:gridCol").attr("w:w", utwips(*c)).empty();
            }
            x.close();
        }
        for (ri, row) in t.rows.iter().enumerate() {
            self.x.open("w:tr");
            if row.cant_split || row.header {
                self.x.open("w:trPr");
                if row.cant_split {
                    self.x.empty("w:cantSplit");
                }
                if row.header {
                    self.x.empty("w:tblHeader");
                }
                self.x.close();
            }
            for (ci, col) in t.columns.iter().enumerate() {
                // Merged cells: the top-left cell spans the columns
                // (`w:gridSpan`) and starts a vertical merge; the first cell
                // of each row below continues it; the others are not written.
                let (cell, span, vmerge) = match (t.merge_at(ri, ci), t.covered_by(ri, ci)) {
                    (Some(m), _) => (row.cells.get(ci), m.cols, (m.rows > 1).then_some("restart")),
                    (None, Some(m)) if m.col == ci => (
                        t.rows.get(m.row).and_then(|r| r.cells.get(ci)),
                        m.cols,
                        Some("continue"),
                    ),
                    (None, Some(_)) => continue,
                    (None, None) => (row.cells.get(ci), 1, None),
                };
                let width: u32 = t
                    .columns
                    .get(ci..(ci + span).min(t.columns.len()))
                    .map_or(utwips(*col), |cs| cs.iter().map(|c| utwips(*c)).sum());
                self.x.open("w:tc");
                self.x.open("w:tcPr");
                self.x
                    .tag("w:tcW")
                    .attr("w:w", width)
                    .attr("w:type", "dxa")
                    .empty();
                if span > 1 {
                    self.x.val("w:gridSpan", span);
                }
                match vmerge {
                    Some("restart") => self.x.val("w:vMerge", "restart"),
                    Some(_) => self.x.empty("w:vMerge"),
                    None => {}
                }
                let valign = match cell.map(|c| c.valign) {
                    Some(VAlign::Center) => "center",
                    _ => "top",
                };
                self.x.val("w:vAlign", valign);
                self.x.close();
                let brk = page_break_before && ri == 0 && ci == 0;
                if vmerge == Some("continue") {
                    // The merge's part in this row: an empty filler, kept
                    // with the next row while the merge goes on below.
                    let keep = t
                        .covered_by(ri, ci)
                        .is_some_and(|m| ri + 1 < m.row + m.rows);
                    self.filler_keep(ParaExtra::default(), keep);
                } else {
                    let blocks: &'a [Block] = cell.map(|c| c.blocks.as_slice()).unwrap_or(&[]);
                    self.blocks(blocks, None, false, brk)?;
                }
                self.x.close();
            }
            self.x.close();
        }
        self.x.close();
        Ok(())
    }
}

/// Writes `w:sectPr` for one section (children in `CT_SectPr` order).
pub(crate) fn sect_pr(x: &mut Xml, s: &SectSpec) {
    x.open("w:sectPr");
    for (name, kind, id) in [
        ("w:headerReference", "default", &s.header_default),
        ("w:headerReference", "first", &s.header_first),
        ("w:footerReference", "default", &s.footer_default),
        ("w:footerReference", "first", &s.footer_first),
    ] {
        x.tag(name).attr("w:type", kind).attr("r:id", id).empty();
    }
    if let Some(start) = s.footnote_start {
        x.open("w:footnotePr");
        x.val("w:numStart", start);
        x.val("w:numRestart", "eachSect");
        x.close();
    }
    x.val("w:type", "nextPage");
    let g = &s.page;
    x.tag("w:pgSz")
        .attr("w:w", utwips(g.width))
        .attr("w:h", utwips(g.height))
        .attr_opt("w:orient", (g.width > g.height).then_some("landscape"))
        .empty();
    x.tag("w:pgMar")
        .attr("w:top", twips(g.margin_top))
        .attr("w:right", utwips(g.margin_right))
        .attr("w:bottom", twips(g.margin_bottom))
        .attr("w:left", utwips(g.margin_left))
        .attr("w:header", utwips(g.header_distance))
        .attr("w:footer", footer_distance(g))
        .attr("w:gutter", 0)
        .empty();
    x.tag("w:pgNumType").attr("w:start", 1).empty();
    x.empty("w:titlePg");
    x.close();
}

/// The footer distance in twips: the footer's last line ends
/// [`FILLER_LINE_TWIPS`] below the bottom margin, so that the empty default
/// footer (one filler paragraph) sits inside the margin and takes nothing
/// from the text block, while a first-page footer grows upwards from the
/// bottom margin into the text block.
pub(crate) fn footer_distance(g: &PageGeometry) -> u32 {
    (twips(g.margin_bottom) - FILLER_LINE_TWIPS)
        .max(0)
        .unsigned_abs()
}

/// The width of a border as written (`w:sz` in eighths), in twips.
pub(crate) fn border_twips(thickness: f32) -> i32 {
    let eighths = i32::try_from(border_eighths(thickness)).unwrap_or(96);
    (eighths * 5 + 1) / 2
}

/// `w:spacing` with an exact line pitch.
pub(crate) fn exact_spacing(x: &mut Xml, before: u32, after: u32, line: i32) {
    x.tag("w:spacing")
        .attr("w:before", before)
        .attr("w:after", after)
        .attr("w:line", line.max(1))
        .attr("w:lineRule", "exact")
        .empty();
}

/// `w:ind` from left/right/first-line indents in points.
fn indent(x: &mut Xml, left: f32, right: f32, first: f32) {
    let first = twips(first);
    x.tag("w:ind")
        .attr("w:left", twips(left))
        .attr("w:right", twips(right))
        .attr_opt("w:firstLine", (first > 0).then_some(first))
        .attr_opt("w:hanging", (first < 0).then_some(-i64::from(first)))
        .empty();
}

/// The paragraph mark's size (`w:pPr/w:rPr`).
pub(crate) fn mark_size(x: &mut Xml, half_points: u32) {
    x.open("w:rPr");
    x.val("w:sz", half_points);
    x.val("w:szCs", half_points);
    x.close();
}

/// `w:jc` value for an alignment.
pub(crate) fn jc(a: Align) -> &'static str {
    match a {
        Align::Left => "left",
        Align::Center => "center",
        Align::Right => "right",
        Align::Justify => "both",
    }
}

/// The size of the first sized run, for the paragraph mark.
fn first_size(runs: &[Run]) -> Option<f32> {
    runs.iter().find_map(|r| match r {
        Run::Text(t) => Some(t.size),
        Run::Blank(b) => Some(b.size),
        _ => None,
    })
}

/// `w:rPr` of a run (ECMA `EG_RPrBase` order: rStyle, rFonts, b, bCs, i,
/// iCs, …, kern, position, sz, szCs, …).
pub(crate) fn rpr(x: &mut Xml, style: Option<&str>, font: FontStyle, size: f32, rise: f32) {
    x.open("w:rPr");
    if let Some(s) = style {
        x.val("w:rStyle", s);
    }
    if font.bold {
        x.empty("w:b");
        x.empty("w:bCs");
    }
    if font.italic {
        x.empty("w:i");
        x.empty("w:iCs");
    }
    x.val("w:kern", KERN_HALF_POINTS);
    let pos = signed_half_points(rise);
    if pos != 0 {
        x.val("w:position", pos);
    }
    let sz = half_points(size);
    x.val("w:sz", sz);
    x.val("w:szCs", sz);
    x.close();
}

/// A text run whose every inner hyphen is non-breaking (see
/// [`text_run_with`]).
pub(crate) fn text_run(x: &mut Xml, text: &str, font: FontStyle, size: f32, rise: f32) {
    text_run_with(x, text, &inner_hyphens(text), font, size, rise);
}

/// The inner hyphens of `text` to write as `w:noBreakHyphen`: the pinned
/// ones, or all of them without pins.
fn pinned_hyphens(text: &str, pins: Option<&HyphenPins>) -> Vec<usize> {
    let mut v = inner_hyphens(text);
    if let Some(p) = pins {
        v.retain(|&at| p.contains(text, at));
    }
    v
}

/// A text run, the hyphen-minus at each byte offset of `nobreak` written as
/// `w:noBreakHyphen`.
///
/// The Flow breaks lines only at spaces (flow.rs, `TextRun`); Word and
/// LibreOffice would also break after a hyphen inside a word, e.g. inside
/// "145/2020/NĐ-CP", when the head of the word fits on the line. Measured
/// in LibreOffice 7 (README, "Ký hiệu văn bản"): `w:noBreakHyphen`
/// prevents the break but LibreOffice reads it as U+2011, which its text
/// export and search carry; U+2060/U+200D after the hyphen also prevent it
/// and also reach the text; `w:sym`, `w:lang` and fields do not prevent it.
/// So only the hyphens of a word the typesetter moved to a new line are
/// non-breaking; everywhere else the line holds the whole word anyway.
pub(crate) fn text_run_with(
    x: &mut Xml,
    text: &str,
    nobreak: &[usize],
    font: FontStyle,
    size: f32,
    rise: f32,
) {
    x.open("w:r");
    rpr(x, None, font, size, rise);
    let mut start = 0;
    for &at in nobreak {
        t_elem(x, &text[start..at]);
        x.empty("w:noBreakHyphen");
        start = at + 1;
    }
    t_elem(x, &text[start..]);
    x.close();
}

/// Byte offsets of the hyphen-minus characters that have a non-space
/// character on both sides.
fn inner_hyphens(text: &str) -> Vec<usize> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let solid = |i: Option<&(usize, char)>| i.is_some_and(|(_, c)| !c.is_whitespace());
    (0..chars.len())
        .filter(|&i| {
            chars[i].1 == '-' && i > 0 && solid(chars.get(i - 1)) && solid(chars.get(i + 1))
        })
        .map(|i| chars[i].0)
        .collect()
}

/// One `w:t`, preserving spaces where needed; nothing for empty text.
fn t_elem(x: &mut Xml, text: &str) {
    if text.is_empty() {
        return;
    }
    let t = x.tag("w:t");
    if needs_preserve(text) {
        t.attr("xml:space", "preserve").open();
    } else {
        t.open();
    }
    x.text(text);
    x.close();
}

/// The run properties of a footnote mark: explicit size and rise, on the
/// baseline (the FootnoteReference style is superscript, as in Word, for
/// marks a clerk inserts; ours are raised by exactly their rise).
fn mark_rpr(x: &mut Xml, m: &Mark) {
    x.open("w:rPr");
    x.val("w:rStyle", "FootnoteReference");
    x.val("w:kern", KERN_HALF_POINTS);
    let pos = signed_half_points(m.rise);
    if pos != 0 {
        x.val("w:position", pos);
    }
    let sz = half_points(m.size);
    x.val("w:sz", sz);
    x.val("w:szCs", sz);
    x.val("w:vertAlign", "baseline");
    x.close();
}

/// A footnote mark where Word cannot have a footnote: the number as raised text.
fn mark_text(x: &mut Xml, m: &Mark) {
    text_run(
        x,
        &m.number.to_string(),
        FontStyle::default(),
        m.size,
        m.rise,
    );
}
