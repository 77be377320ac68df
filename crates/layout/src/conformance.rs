//! Conformance: the laid-out [`Pages`] measured against the measurable rules
//! of Decree 30/2020/NĐ-CP (`docs/decree30.md`, docs/quality.md §3).
//!
//! [`check`] takes the pages and the [`Expectations`] the document implies
//! (derived from its [`Flow`] with [`Expectations::from_flow`]) and gives a
//! [`Report`] with one [`RuleResult`] per rule; its `Display` prints one line
//! per rule, `ok   …` or `FAIL …: detail`.
//!
//! The pages are read as facts: positions, sizes and faces of the drawn
//! text, the stroked rules, the regions and page numbers. The flow only says
//! *which* paragraph is which: the typesetter numbers paragraphs in reading
//! order ([`PlacedText::block`]), and [`Expectations::from_flow`] walks the
//! flow in that same order (section blocks, each paragraph followed by the
//! notes of its footnote references, table cells row by row, then the
//! section's first-page footer), so block `n` of the pages is paragraph `n`
//! of the flow. Where the decree gives a range the rule checks the range;
//! fixed values and strings come from [`crate::style::rules`].

use crate::flow::{
    Align, Block, Flow, PageGeometry, Para, RegionKind, Role, Run, Section, Table, TableKind,
};
use crate::fonts::{FontId, FontSet};
use crate::pages::{Item, Page, Pages, PlacedLine, PlacedText};
use crate::style::rules::{
    DATE_SIZE, DATE_SIZE_SMALL, MARGIN_TOLERANCE_MM, MOTTO, NATIONAL_NAME, NOI_NHAN, NOI_NHAN_SIZE,
    NUMBER_SIZE, PAGE_HEIGHT, PAGE_WIDTH, PT_PER_MM,
};
use std::collections::BTreeMap;
use std::fmt;
use std::ops::RangeInclusive;

/// Tolerance of positions and lengths, in points.
pub const TOL: f32 = 0.5;
/// Tolerance of centring axes and rule lengths, in points.
pub const AXIS_TOL: f32 = 1.0;

/// Decree 30 App. I §I.3: top margin 20–25 mm.
pub const MARGIN_TOP_RANGE_MM: RangeInclusive<f32> = 20.0..=25.0;
/// Decree 30 App. I §I.3: bottom margin 20–25 mm.
pub const MARGIN_BOTTOM_RANGE_MM: RangeInclusive<f32> = 20.0..=25.0;
/// Decree 30 App. I §I.3: left margin 30–35 mm.
pub const MARGIN_LEFT_RANGE_MM: RangeInclusive<f32> = 30.0..=35.0;
/// Decree 30 App. I §I.3: right margin 15–20 mm.
pub const MARGIN_RIGHT_RANGE_MM: RangeInclusive<f32> = 15.0..=20.0;
/// Decree 30 App. I §II.6.e: body 13–14 pt.
pub const BODY_SIZES: RangeInclusive<f32> = 13.0..=14.0;
/// Decree 30 App. I §II.1.a: national name 12–13 pt.
pub const NATIONAL_NAME_SIZES: RangeInclusive<f32> = 12.0..=13.0;
/// Decree 30 App. I §II.1.b: motto 13–14 pt.
pub const MOTTO_SIZES: RangeInclusive<f32> = 13.0..=14.0;
/// Decree 30 App. I §II.2.b: parent body and issuer 12–13 pt.
pub const ISSUER_SIZES: RangeInclusive<f32> = 12.0..=13.0;
/// Decree 30 App. I §II.7.đ: authority, title and name lines 13–14 pt.
pub const SIGNER_SIZES: RangeInclusive<f32> = 13.0..=14.0;
/// Decree 30 App. I §I.7: page numbers 13–14 pt.
pub const PAGE_NUMBER_SIZES: RangeInclusive<f32> = 13.0..=14.0;
/// Decree 30 App. I §II.2.b, §II.5.b: the rules under the issuer and under
/// the summary are 1/3 to 1/2 of their line.
pub const SHORT_RULE_SHARE: RangeInclusive<f32> = (1.0 / 3.0)..=0.5;

/// The names of the rules, as printed; tests look results up by them.
pub mod rule {
    /// Page size.
    pub const PAGE_SIZE: &str = "page: A4, 210 × 297 mm (App. I §I.1)";
    /// Left margin.
    pub const MARGIN_LEFT: &str = "margins: left 30–35 mm, no text in it (App. I §I.3)";
    /// Right margin.
    pub const MARGIN_RIGHT: &str = "margins: right 15–20 mm, no text in it (App. I §I.3)";
    /// Top margin.
    pub const MARGIN_TOP: &str =
        "margins: top 20–25 mm, no text in it but page numbers (App. I §I.3, §I.7)";
    /// Bottom margin.
    pub const MARGIN_BOTTOM: &str = "margins: bottom 20–25 mm, no text in it (App. I §I.3)";
    /// Every glyph, the header's included, within the left and right margins.
    pub const GLYPHS_IN_MARGINS: &str = "margins: no glyph, the header's included, more than 1 mm outside the left and right margins (App. I §I.3)";
    /// The signature box of an appendix issued as its own file.
    pub const APPENDIX_FILE_SIGNATURE: &str = "appendix file: the organisation's signature box at the top right of its first page, above the text (App. I §II.8.b, §III.1.d)";
    /// Paragraph starts.
    pub const PARA_START: &str =
        "margins: paragraphs start at the left margin plus their indent (App. I §II.6.e)";
    /// Body size.
    pub const BODY_SIZE: &str = "sizes: body text 13–14 pt, one size (App. I §II.6.e)";
    /// Justification.
    pub const JUSTIFIED: &str = "body: justified lines (all but a paragraph's last) end at the right margin (App. I §II.6.e)";
    /// National name.
    pub const NATIONAL_NAME: &str =
        "header: national name \"CỘNG HÒA …\", 12–13 pt bold (App. I §II.1.a)";
    /// Motto.
    pub const MOTTO: &str = "header: motto \"Độc lập - Tự do - Hạnh phúc\" (hyphen-minus), 13–14 pt bold (App. I §II.1.b)";
    /// Motto rule.
    pub const MOTTO_RULE: &str =
        "rules: under the motto, as long as the motto (±1 pt) and centred (App. I §II.1.b)";
    /// Issuer names.
    pub const ISSUER: &str =
        "header: issuer 12–13 pt bold, parent body 12–13 pt regular (App. I §II.2.b)";
    /// Issuer rule.
    pub const ISSUER_RULE: &str =
        "rules: under the issuer, 1/3–1/2 of the name line, centred (App. I §II.2.b)";
    /// Number line.
    pub const NUMBER: &str = "header: \"Số:\" 13 pt regular (App. I §II.3.c)";
    /// Date line.
    pub const DATE: &str = "header: place and date 13–14 pt italic (App. I §II.4.c)";
    /// Right column axis.
    pub const RIGHT_AXIS: &str = "centring: national name, motto and date on the right column's axis (App. I §II.1, §II.4.c)";
    /// Left column axis.
    pub const LEFT_AXIS: &str = "centring: issuer lines, \"Số:\" and V/v on the left column's axis (App. I §II.2.b, §II.3.c, §II.5.b)";
    /// Date baseline.
    pub const DATE_BASELINE: &str =
        "header: the date on the baseline of \"Số:\" (±0.5 pt) (App. I §II.4.c)";
    /// Number blank.
    pub const NUMBER_BLANK: &str =
        "header: the number blank, when left for the clerk, lies in the \"Số:\" line (Art. 15.2)";
    /// Title rule.
    pub const TITLE_RULE: &str =
        "rules: under the summary, 1/3–1/2 of its line, centred (App. I §II.5.b)";
    /// Page numbers absent on first pages.
    pub const PAGE_NUMBER_FIRST: &str =
        "page numbers: none on the first page of each section (App. I §I.7, §III.1.đ)";
    /// Page numbers values.
    pub const PAGE_NUMBER_SEQ: &str = "page numbers: 2, 3 … on the other pages (App. I §I.7)";
    /// Page numbers placement.
    pub const PAGE_NUMBER_PLACE: &str = "page numbers: centred on the text block, in the top margin, 13–14 pt upright (App. I §I.7)";
    /// Footnotes on the page of their mark.
    pub const FOOTNOTE_PAGE: &str = "footnotes: every note on the page of its mark";
    /// Footnotes below the body.
    pub const FOOTNOTE_FOOT: &str = "footnotes: notes below the body, under the separator";
    /// Nơi nhận style.
    pub const NOI_NHAN: &str =
        "closing: \"Nơi nhận:\" 12 pt bold italic, flush with the left margin (App. I §II.9.d)";
    /// Nơi nhận level.
    pub const NOI_NHAN_LEVEL: &str =
        "closing: \"Nơi nhận:\" level with the signer's first line (±0.5 pt) (App. I §II.9.d)";
    /// Signer lines.
    pub const SIGNER: &str =
        "closing: signer lines 13–14 pt bold, centred on one axis (App. I §II.7.đ)";
    /// Signature room.
    pub const SIGNATURE_ROOM: &str =
        "closing: the signature room between the title and the name (App. I §II.7, box 7c)";
    /// Closing on one page.
    pub const CLOSING_PAGE: &str = "closing: the whole closing block on one page";
}

/// What a paragraph of the flow is, as far as the checks care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A block of a section's flow, set across the text block.
    Flow,
    /// A paragraph of a footnote, set across the text block at the page foot.
    Note,
    /// A paragraph of a section's first-page footer (box 13).
    Footer,
    /// A paragraph in a table cell (header and closing grids, data tables).
    Cell,
}

/// The geometry the flow gives one paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct ParaExpect {
    /// Index of the section.
    pub section: usize,
    /// Where it is set.
    pub place: Place,
    /// Its role.
    pub role: Role,
    /// Alignment.
    pub align: Align,
    /// Left indent.
    pub indent_left: f32,
    /// Right indent.
    pub indent_right: f32,
    /// Extra indent of the first line.
    pub indent_first: f32,
    /// Whether it holds forced line breaks (lines before them are not stretched).
    pub forced_breaks: bool,
    /// Whether it holds blanks: a blank that ends a line still counts in
    /// its centring (as in Word and LibreOffice, whose trailing blanks do).
    pub blanks: bool,
}

/// A footnote reference the flow holds.
#[derive(Debug, Clone, PartialEq)]
pub struct FootnoteExpect {
    /// The number printed.
    pub number: u32,
    /// Block of the paragraph holding the mark.
    pub block: u32,
    /// Size of the mark.
    pub size: f32,
}

/// The header grid (boxes 1–4) as the flow sets it.
#[derive(Debug, Clone, PartialEq)]
pub struct HeaderExpect {
    /// Left edge of the grid (it may reach into the left margin).
    pub left: f32,
    /// Right edge of the grid (it may reach into the right margin).
    pub right: f32,
    /// Centre of the left column's content box.
    pub left_axis: f32,
    /// Centre of the right column's content box.
    pub right_axis: f32,
    /// Blocks below this index belong to the header (the grid and the marks above it).
    pub end_block: u32,
    /// Parent body lines' block, if any.
    pub parent: Vec<u32>,
    /// The issuer name's block.
    pub issuer: Option<u32>,
    /// The parent body and issuer lines as the flow breaks them, top down.
    pub issuer_lines: Vec<String>,
    /// The national name's block.
    pub national: Option<u32>,
    /// The motto's block.
    pub motto: Option<u32>,
    /// The "Số:" line's block.
    pub number: Option<u32>,
    /// A công văn's "V/v" summary block.
    pub vv: Vec<u32>,
    /// The place and date block (none in a biên bản).
    pub date: Option<u32>,
}

/// One signer's lines in the closing grid.
#[derive(Debug, Clone, PartialEq)]
pub struct SignerExpect {
    /// Authority and title lines' blocks (above the signature room).
    pub lines: Vec<u32>,
    /// The name's block (below the room).
    pub name: Option<u32>,
    /// The signature room's region.
    pub region: RegionKind,
}

/// The closing grid (boxes 7–9b) as the flow sets it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ClosingExpect {
    /// Every paragraph block of the grid.
    pub blocks: Vec<u32>,
    /// The "Nơi nhận:" block.
    pub noi_nhan: Option<u32>,
    /// The signers, left to right.
    pub signers: Vec<SignerExpect>,
    /// The signer whose first line "Nơi nhận:" must be level with (the one in
    /// the same row; a biên bản puts Nơi nhận under its signers).
    pub level_with: Option<usize>,
}

/// What the document implies about its pages.
#[derive(Debug, Clone, PartialEq)]
pub struct Expectations {
    /// Page size and margins.
    pub page: PageGeometry,
    /// Ascender of the faces, in em (for the top of a line).
    pub ascent_em: f32,
    /// Descender of the faces, in em, positive down (for the bottom of a line).
    pub descent_em: f32,
    /// The body text size.
    pub body_size: Option<f32>,
    /// The national name as it must read.
    pub national_name: &'static str,
    /// The motto as it must read.
    pub motto: &'static str,
    /// Whether the "Số:" line holds a blank for the clerk.
    pub number_blank: bool,
    /// The footnote references, in order.
    pub footnotes: Vec<FootnoteExpect>,
    /// Length of the footnote separator.
    pub separator_length: f32,
    /// The header grid.
    pub header: Option<HeaderExpect>,
    /// The title block's paragraphs (type name, summary) of the main section.
    pub title: Vec<u32>,
    /// The closing grid.
    pub closing: Option<ClosingExpect>,
    /// Every paragraph by block index.
    pub paras: BTreeMap<u32, ParaExpect>,
    /// Per section: whether its pages show numbers (from the second page).
    pub section_numbers: Vec<bool>,
    /// Sections issued as files of their own (App. III Mẫu 2.2), whose first
    /// page carries the organisation's signature box.
    pub appendix_files: Vec<usize>,
}

impl Expectations {
    /// Everything the checks expect, read from the flow the pages were set from.
    pub fn from_flow(flow: &Flow) -> Self {
        let fonts = FontSet::bundled();
        let mut w = Walker {
            next: 0,
            section: 0,
            exp: Expectations {
                page: flow.page,
                ascent_em: fonts.ascender(FontId::Regular),
                descent_em: fonts.descender(FontId::Regular),
                body_size: body_size(flow),
                national_name: NATIONAL_NAME,
                motto: MOTTO,
                number_blank: false,
                footnotes: Vec::new(),
                separator_length: flow.footnotes.separator_length,
                header: None,
                title: Vec::new(),
                closing: None,
                paras: BTreeMap::new(),
                section_numbers: flow.sections.iter().map(|s| s.page_numbers).collect(),
                appendix_files: flow
                    .sections
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| {
                        s.first_page_regions
                            .iter()
                            .any(|r| r.kind == RegionKind::AttachmentSignature)
                    })
                    .map(|(i, _)| i)
                    .collect(),
            },
        };
        for (si, sec) in flow.sections.iter().enumerate() {
            w.section = si;
            w.section_blocks(sec, &flow.page);
        }
        w.exp
    }
}

/// The most common size of the text runs of the sections' justified body paragraphs.
fn body_size(flow: &Flow) -> Option<f32> {
    let mut counts: Vec<(f32, usize)> = Vec::new();
    for p in flow.sections.iter().flat_map(|s| &s.blocks) {
        let Block::Para(p) = p else { continue };
        if p.align != Align::Justify || !matches!(p.role, Role::Body | Role::ListItem) {
            continue;
        }
        for r in &p.runs {
            if let Run::Text(t) = r {
                match counts.iter_mut().find(|(s, _)| *s == t.size) {
                    Some((_, n)) => *n += t.text.len(),
                    None => counts.push((t.size, t.text.len())),
                }
            }
        }
    }
    counts.into_iter().max_by_key(|&(_, n)| n).map(|(s, _)| s)
}

/// Walks the flow in the typesetter's reading order, numbering paragraphs.
struct Walker {
    next: u32,
    section: usize,
    exp: Expectations,
}

/// Block indices of one table: per row, per cell, per block (paragraphs only).
type TableBlocks = Vec<Vec<Vec<Option<u32>>>>;

impl Walker {
    fn para(&mut self, p: &Para, place: Place, notes: bool) -> u32 {
        let b = self.next;
        self.next = self.next.saturating_add(1);
        self.exp.paras.insert(
            b,
            ParaExpect {
                section: self.section,
                place,
                role: p.role,
                align: p.align,
                indent_left: p.indent_left,
                indent_right: p.indent_right,
                indent_first: p.indent_first,
                forced_breaks: p.runs.iter().any(|r| matches!(r, Run::LineBreak)),
                blanks: p.runs.iter().any(|r| matches!(r, Run::Blank(_))),
            },
        );
        if notes {
            for r in &p.runs {
                if let Run::FootnoteRef(f) = r {
                    for n in &f.note {
                        self.para(n, Place::Note, false);
                    }
                    self.exp.footnotes.push(FootnoteExpect {
                        number: f.mark.number,
                        block: b,
                        size: f.mark.size,
                    });
                }
            }
        }
        b
    }

    fn stack(&mut self, blocks: &[Block], place: Place, notes: bool) -> Vec<Option<u32>> {
        blocks
            .iter()
            .map(|b| match b {
                Block::Para(p) => Some(self.para(p, place, notes)),
                Block::Table(t) => {
                    self.table(t, notes);
                    None
                }
                _ => None,
            })
            .collect()
    }

    fn table(&mut self, t: &Table, notes: bool) -> TableBlocks {
        t.rows
            .iter()
            .map(|row| {
                (0..t.columns.len())
                    .map(|k| match row.cells.get(k) {
                        Some(c) => self.stack(&c.blocks, Place::Cell, notes),
                        None => Vec::new(),
                    })
                    .collect()
            })
            .collect()
    }

    fn section_blocks(&mut self, sec: &Section, page: &PageGeometry) {
        // The main text (its title and grids); a separate-file appendix is
        // a flow whose only section has no header grid.
        let main = self.section == 0
            && sec
                .blocks
                .iter()
                .any(|b| matches!(b, Block::Table(t) if t.kind == TableKind::Header));
        for b in &sec.blocks {
            match b {
                Block::Para(p) => {
                    let i = self.para(p, Place::Flow, true);
                    if main && p.role == Role::Title && self.exp.closing.is_none() {
                        self.exp.title.push(i);
                    }
                }
                Block::Table(t) => {
                    let ids = self.table(t, true);
                    if main && t.kind == TableKind::Header && self.exp.header.is_none() {
                        self.header(t, &ids, page);
                    }
                    if main && t.kind == TableKind::Closing && self.exp.closing.is_none() {
                        self.closing(t, &ids);
                    }
                }
                _ => {}
            }
        }
        for b in &sec.first_page_footer {
            match b {
                Block::Para(p) => {
                    self.para(p, Place::Footer, false);
                }
                Block::Table(t) => {
                    self.table(t, false);
                }
                _ => {}
            }
        }
    }

    fn header(&mut self, t: &Table, ids: &TableBlocks, page: &PageGeometry) {
        let x0 = page.margin_left + t.indent;
        let mut edges = vec![x0];
        for c in &t.columns {
            edges.push(edges[edges.len() - 1] + c);
        }
        let axis = |k: usize| {
            let (l, r) = (edges[k], edges[k + 1]);
            (l + t.padding.left + r - t.padding.right) / 2.0
        };
        let paras = |r: usize, c: usize| -> Vec<u32> {
            ids.get(r)
                .and_then(|row| row.get(c))
                .map(|v| v.iter().flatten().copied().collect())
                .unwrap_or_default()
        };
        let left1 = paras(0, 0);
        let right1 = paras(0, 1);
        let left2 = paras(1, 0);
        let right2 = paras(1, 1);
        let issuer_lines: Vec<String> = t
            .rows
            .first()
            .and_then(|r| r.cells.first())
            .map(|c| {
                c.blocks
                    .iter()
                    .filter_map(|b| match b {
                        Block::Para(p) => Some(lines_of(p)),
                        _ => None,
                    })
                    .flatten()
                    .collect()
            })
            .unwrap_or_default();
        let (issuer, parent) = match left1.split_last() {
            Some((i, p)) => (Some(*i), p.to_vec()),
            None => (None, Vec::new()),
        };
        // The date cell of a biên bản holds an empty paragraph: no date.
        let date_para = t.rows.get(1).and_then(|r| r.cells.get(1)).and_then(|c| {
            c.blocks.iter().find_map(|b| match b {
                Block::Para(p) => Some(p),
                _ => None,
            })
        });
        let has_date = date_para.is_some_and(|p| !p.runs.is_empty());
        let number_para = t.rows.get(1).and_then(|r| r.cells.first()).and_then(|c| {
            c.blocks.iter().find_map(|b| match b {
                Block::Para(p) => Some(p),
                _ => None,
            })
        });
        self.exp.number_blank = number_para.is_some_and(|p| {
            p.runs
                .iter()
                .any(|r| matches!(r, Run::Blank(b) if b.region == Some(RegionKind::NumberBlank)))
        });
        self.exp.header = Some(HeaderExpect {
            left: edges[0],
            right: edges[edges.len() - 1],
            left_axis: axis(0),
            right_axis: if t.columns.len() > 1 {
                axis(1)
            } else {
                axis(0)
            },
            end_block: self.next,
            parent,
            issuer,
            issuer_lines,
            national: right1.first().copied(),
            motto: right1.get(1).copied(),
            number: left2.first().copied(),
            vv: left2.get(1..).map(<[u32]>::to_vec).unwrap_or_default(),
            date: if has_date {
                right2.first().copied()
            } else {
                None
            },
        });
    }

    fn closing(&mut self, t: &Table, ids: &TableBlocks) {
        let mut c = ClosingExpect::default();
        let mut noi_row = None;
        let mut signer_rows = Vec::new();
        for (ri, row) in t.rows.iter().enumerate() {
            for (ci, cell) in row.cells.iter().enumerate().take(t.columns.len()) {
                let cids = &ids[ri][ci];
                c.blocks.extend(cids.iter().flatten());
                let room = cell.blocks.iter().position(|b| {
                    matches!(b, Block::Spacer(s) if matches!(s.region, Some(RegionKind::Signature(_))))
                });
                if let Some(at) = room {
                    let Block::Spacer(s) = &cell.blocks[at] else {
                        continue;
                    };
                    let Some(region) = s.region else { continue };
                    c.signers.push(SignerExpect {
                        lines: cids[..at].iter().flatten().copied().collect(),
                        name: cids[at..].iter().flatten().copied().next(),
                        region,
                    });
                    signer_rows.push(ri);
                    continue;
                }
                for (b, id) in cell.blocks.iter().zip(cids) {
                    if let (Block::Para(p), Some(id)) = (b, id)
                        && plain(p).trim() == NOI_NHAN
                        && c.noi_nhan.is_none()
                    {
                        c.noi_nhan = Some(*id);
                        noi_row = Some(ri);
                    }
                }
            }
        }
        c.level_with = noi_row.and_then(|r| signer_rows.iter().position(|&s| s == r));
        self.exp.closing = Some(c);
    }
}

/// The lines of a paragraph as its forced breaks cut it.
fn lines_of(p: &Para) -> Vec<String> {
    let mut out = vec![String::new()];
    for r in &p.runs {
        match r {
            Run::Text(t) => out.last_mut().into_iter().for_each(|l| l.push_str(&t.text)),
            Run::LineBreak => out.push(String::new()),
            _ => {}
        }
    }
    out.into_iter().map(|l| l.trim().to_string()).collect()
}

/// The text of a paragraph's text runs.
fn plain(p: &Para) -> String {
    p.runs
        .iter()
        .filter_map(|r| match r {
            Run::Text(t) => Some(t.text.as_str()),
            _ => None,
        })
        .collect()
}

/// The result of one rule.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleResult {
    /// The rule, with its source.
    pub rule: &'static str,
    /// Whether the pages keep it.
    pub ok: bool,
    /// What was measured, or what is wrong.
    pub detail: String,
}

/// The results of every rule, in a fixed order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Report {
    /// One result per rule.
    pub results: Vec<RuleResult>,
}

impl Report {
    /// Whether every rule is kept.
    pub fn ok(&self) -> bool {
        self.results.iter().all(|r| r.ok)
    }

    /// The result of a rule (by its name in [`rule`]).
    pub fn get(&self, rule: &str) -> Option<&RuleResult> {
        self.results.iter().find(|r| r.rule == rule)
    }

    /// The rules not kept.
    pub fn failures(&self) -> Vec<&RuleResult> {
        self.results.iter().filter(|r| !r.ok).collect()
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for r in &self.results {
            if r.ok {
                if r.detail.is_empty() {
                    writeln!(f, "ok   {}", r.rule)?;
                } else {
                    writeln!(f, "ok   {} [{}]", r.rule, r.detail)?;
                }
            } else {
                writeln!(f, "FAIL {}: {}", r.rule, r.detail)?;
            }
        }
        Ok(())
    }
}

/// Collects the problems of one rule.
struct Findings {
    rule: &'static str,
    problems: Vec<String>,
    note: String,
}

impl Findings {
    fn new(rule: &'static str) -> Self {
        Findings {
            rule,
            problems: Vec::new(),
            note: String::new(),
        }
    }

    fn fail(&mut self, s: String) {
        self.problems.push(s);
    }

    fn expect(&mut self, ok: bool, s: impl FnOnce() -> String) {
        if !ok {
            self.problems.push(s());
        }
    }

    fn note(mut self, s: impl Into<String>) -> Self {
        self.note = s.into();
        self
    }

    fn done(self) -> RuleResult {
        const SHOWN: usize = 3;
        if self.problems.is_empty() {
            return RuleResult {
                rule: self.rule,
                ok: true,
                detail: self.note,
            };
        }
        let mut d = self.problems[..self.problems.len().min(SHOWN)].join("; ");
        if self.problems.len() > SHOWN {
            d.push_str(&format!("; … and {} more", self.problems.len() - SHOWN));
        }
        RuleResult {
            rule: self.rule,
            ok: false,
            detail: d,
        }
    }
}

/// One line of a paragraph on a page: its items on one baseline, with the
/// raised marks that belong to it.
#[derive(Debug, Clone)]
struct Line<'a> {
    page: usize,
    y: f32,
    items: Vec<&'a PlacedText>,
    marks: Vec<&'a PlacedText>,
}

impl Line<'_> {
    fn all(&self) -> impl Iterator<Item = &PlacedText> {
        self.items.iter().chain(&self.marks).copied()
    }
    fn left(&self) -> f32 {
        self.all().map(ink_left).fold(f32::INFINITY, f32::min)
    }
    fn right(&self) -> f32 {
        self.all().map(ink_right).fold(f32::NEG_INFINITY, f32::max)
    }
    fn centre(&self) -> f32 {
        (self.left() + self.right()) / 2.0
    }
    /// The centre of the advance box, trailing spaces included.
    fn box_centre(&self) -> f32 {
        let l = self.all().map(|t| t.x).fold(f32::INFINITY, f32::min);
        let r = self
            .all()
            .map(|t| t.x + t.width())
            .fold(f32::NEG_INFINITY, f32::max);
        (l + r) / 2.0
    }
    fn width(&self) -> f32 {
        self.right() - self.left()
    }
    fn text(&self) -> String {
        let mut v: Vec<&PlacedText> = self.all().collect();
        v.sort_by(|a, b| a.x.total_cmp(&b.x));
        v.iter().map(|t| t.text.as_str()).collect::<String>()
    }
}

fn is_space(t: &PlacedText, g: &crate::pages::Glyph) -> bool {
    t.text
        .get(g.range.clone())
        .is_some_and(|s| !s.is_empty() && s.chars().all(char::is_whitespace))
}

/// Left end of the first non-space glyph (the run's x if all are spaces).
fn ink_left(t: &PlacedText) -> f32 {
    let mut x = t.x;
    for g in &t.glyphs {
        if !is_space(t, g) {
            return x;
        }
        x += g.x_advance;
    }
    t.x
}

/// Right end of the last non-space glyph (the run's x if all are spaces).
fn ink_right(t: &PlacedText) -> f32 {
    let mut x = t.x;
    let mut end = t.x;
    for g in &t.glyphs {
        x += g.x_advance;
        if !is_space(t, g) {
            end = x;
        }
    }
    end
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_digit())
}

/// The pages indexed: text lines per paragraph block, in page order.
struct Index<'a> {
    pages: &'a Pages,
    lines: BTreeMap<u32, Vec<Line<'a>>>,
}

impl<'a> Index<'a> {
    fn new(pages: &'a Pages) -> Self {
        let mut lines: BTreeMap<u32, Vec<Line<'a>>> = BTreeMap::new();
        for (pi, page) in pages.pages.iter().enumerate() {
            let mut by_block: BTreeMap<u32, Vec<&PlacedText>> = BTreeMap::new();
            for t in texts(page) {
                if !t.artifact {
                    by_block.entry(t.block).or_default().push(t);
                }
            }
            for (b, items) in by_block {
                let raised = |t: &PlacedText| {
                    is_digits(&t.text)
                        && items.iter().any(|o| {
                            o.size > t.size && o.y > t.y + TOL && o.y <= t.y + t.size + TOL
                        })
                };
                let mut ls: Vec<Line<'a>> = Vec::new();
                let mut marks = Vec::new();
                for &t in &items {
                    if raised(t) {
                        marks.push(t);
                        continue;
                    }
                    match ls.iter_mut().find(|l| (l.y - t.y).abs() < 0.01) {
                        Some(l) => l.items.push(t),
                        None => ls.push(Line {
                            page: pi,
                            y: t.y,
                            items: vec![t],
                            marks: Vec::new(),
                        }),
                    }
                }
                for m in marks {
                    let host = ls
                        .iter_mut()
                        .filter(|l| l.y > m.y)
                        .min_by(|a, b| a.y.total_cmp(&b.y));
                    match host {
                        Some(l) => l.marks.push(m),
                        None => ls.push(Line {
                            page: pi,
                            y: m.y,
                            items: vec![m],
                            marks: Vec::new(),
                        }),
                    }
                }
                ls.sort_by(|a, b| a.y.total_cmp(&b.y));
                lines.entry(b).or_default().extend(ls);
            }
        }
        Index { pages, lines }
    }

    fn lines(&self, block: u32) -> &[Line<'a>] {
        self.lines.get(&block).map_or(&[], Vec::as_slice)
    }

    fn first(&self, block: Option<u32>) -> Option<&Line<'a>> {
        block.and_then(|b| self.lines(b).first())
    }
}

fn texts(page: &Page) -> impl Iterator<Item = &PlacedText> {
    page.items.iter().filter_map(|i| match i {
        Item::Text(t) => Some(t),
        Item::Line(_) => None,
    })
}

fn rules(page: &Page) -> impl Iterator<Item = &PlacedLine> {
    page.items.iter().filter_map(|i| match i {
        Item::Line(l) if (l.y1 - l.y2).abs() < 0.01 => Some(l),
        _ => None,
    })
}

/// The horizontal rule just under a line: below its baseline by less than
/// its size, with its middle within the line's extent; the nearest.
fn rule_under<'a>(pages: &'a Pages, line: &Line<'_>) -> Option<&'a PlacedLine> {
    let page = pages.pages.get(line.page)?;
    let size = line.items.iter().map(|t| t.size).fold(0.0, f32::max);
    let (l, r) = (line.left(), line.right());
    rules(page)
        .filter(|k| {
            let mid = (k.x1 + k.x2) / 2.0;
            k.y1 > line.y && k.y1 <= line.y + size && mid >= l && mid <= r
        })
        .min_by(|a, b| a.y1.total_cmp(&b.y1))
}

fn in_range(v: f32, r: &RangeInclusive<f32>) -> bool {
    v >= r.start() - 1e-3 && v <= r.end() + 1e-3
}

fn face(f: FontId) -> &'static str {
    match f {
        FontId::Regular => "regular",
        FontId::Bold => "bold",
        FontId::Italic => "italic",
        FontId::BoldItalic => "bold italic",
    }
}

fn pg(line: &Line<'_>) -> String {
    format!("p{} y{:.1}", line.page + 1, line.y)
}

fn mm_of(pt: f32) -> f32 {
    pt / PT_PER_MM
}

/// Checks `pages` against every measurable rule.
pub fn check(pages: &Pages, expect: &Expectations) -> Report {
    let ix = Index::new(pages);
    let results = vec![
        page_size(pages),
        margin(&ix, expect, Side::Left),
        margin(&ix, expect, Side::Right),
        margin(&ix, expect, Side::Top),
        margin(&ix, expect, Side::Bottom),
        glyphs_in_margins(pages, expect),
        para_starts(&ix, expect),
        body_sizes(&ix, expect),
        justified(&ix, expect),
        national_name(&ix, expect),
        motto(&ix, expect),
        motto_rule(&ix, expect),
        issuer(&ix, expect),
        issuer_rule(&ix, expect),
        number(&ix, expect),
        date(&ix, expect),
        right_axis(&ix, expect),
        left_axis(&ix, expect),
        date_baseline(&ix, expect),
        number_blank(&ix, expect),
        title_rule(&ix, expect),
        page_number_first(pages, expect),
        page_number_seq(pages, expect),
        page_number_place(pages, expect),
        footnote_page(&ix, expect),
        footnote_foot(&ix, expect),
        noi_nhan(&ix, expect),
        noi_nhan_level(&ix, expect),
        signer(&ix, expect),
        signature_room(&ix, expect),
        closing_page(&ix, expect),
        appendix_file_signature(pages, expect),
    ];
    Report { results }
}

fn page_size(pages: &Pages) -> RuleResult {
    let mut f = Findings::new(rule::PAGE_SIZE);
    f.expect(
        (pages.width - PAGE_WIDTH).abs() <= TOL && (pages.height - PAGE_HEIGHT).abs() <= TOL,
        || {
            format!(
                "{:.1} × {:.1} pt, not {PAGE_WIDTH} × {PAGE_HEIGHT}",
                pages.width, pages.height
            )
        },
    );
    let note = format!("{:.1} × {:.1} mm", mm_of(pages.width), mm_of(pages.height));
    f.note(note).done()
}

#[derive(Clone, Copy)]
enum Side {
    Left,
    Right,
    Top,
    Bottom,
}

/// The page geometry of page `index`: the expected one, turned for a page
/// of its own size (a landscape section keeps the margins in reading
/// direction, `style::landscape_page`).
fn page_geometry_of(e: &Expectations, pages: &Pages, index: usize) -> PageGeometry {
    let (width, height) = pages.page_size(index);
    PageGeometry {
        width,
        height,
        ..e.page
    }
}

/// No glyph of any page (header, closing and notes included) lies more
/// than [`MARGIN_TOLERANCE_MM`] outside the declared left and right margins.
fn glyphs_in_margins(pages: &Pages, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::GLYPHS_IN_MARGINS);
    let tol = MARGIN_TOLERANCE_MM * PT_PER_MM;
    let (mut left, mut right) = (f32::INFINITY, f32::INFINITY);
    for (pi, page) in pages.pages.iter().enumerate() {
        let g = &page_geometry_of(e, pages, pi);
        let (lo, hi) = (g.margin_left - tol, g.width - g.margin_right + tol);
        for t in texts(page).filter(|t| !t.text.trim().is_empty()) {
            let (l, r) = (ink_left(t), ink_right(t));
            left = left.min(l - g.margin_left);
            right = right.min(g.width - g.margin_right - r);
            f.expect(l >= lo && r <= hi, || {
                format!(
                    "p{} {:?} from {:.1} to {:.1} mm from the left edge (margins {:.1} and {:.1} mm)",
                    pi + 1,
                    t.text,
                    mm_of(l),
                    mm_of(r),
                    mm_of(g.margin_left),
                    mm_of(g.width - g.margin_right)
                )
            });
        }
    }
    f.note(format!(
        "nearest glyphs {:.1} mm inside the left margin line, {:.1} mm inside the right",
        mm_of(left),
        mm_of(right)
    ))
    .done()
}

fn margin(ix: &Index<'_>, e: &Expectations, side: Side) -> RuleResult {
    let g = &e.page;
    let (name, value, range) = match side {
        Side::Left => (rule::MARGIN_LEFT, g.margin_left, MARGIN_LEFT_RANGE_MM),
        Side::Right => (rule::MARGIN_RIGHT, g.margin_right, MARGIN_RIGHT_RANGE_MM),
        Side::Top => (rule::MARGIN_TOP, g.margin_top, MARGIN_TOP_RANGE_MM),
        Side::Bottom => (rule::MARGIN_BOTTOM, g.margin_bottom, MARGIN_BOTTOM_RANGE_MM),
    };
    let mut f = Findings::new(name);
    let v = mm_of(value);
    // The style rounds lengths to twips (15 mm = 42.5 pt = 14.99 mm): TOL applies.
    let inside = value >= range.start() * PT_PER_MM - TOL && value <= range.end() * PT_PER_MM + TOL;
    f.expect(inside, || {
        format!(
            "the margin is {v:.1} mm, outside {}–{} mm",
            range.start(),
            range.end()
        )
    });
    // The measured extreme (text nearest the page edge) and the first offender.
    let mut extreme: Option<f32> = None;
    for (pi, page) in ix.pages.pages.iter().enumerate() {
        let g = &page_geometry_of(e, ix.pages, pi);
        let right_edge = g.width - g.margin_right;
        let bottom_edge = g.height - g.margin_bottom;
        let header = |t: &PlacedText| {
            pi == 0 && page.section == 0 && e.header.as_ref().is_some_and(|h| t.block < h.end_block)
        };
        for t in texts(page).filter(|t| !t.artifact) {
            let hdr = e.header.as_ref().filter(|_| header(t));
            let (measured, limit, outside) = match side {
                Side::Left => {
                    let x = ink_left(t);
                    let lim = hdr.map_or(g.margin_left, |h| h.left);
                    (x, lim, x < lim - TOL)
                }
                Side::Right => {
                    let x = ink_right(t);
                    let lim = hdr.map_or(right_edge, |h| h.right);
                    (g.width - x, g.width - lim, x > lim + TOL)
                }
                Side::Top => {
                    let y = t.y - e.ascent_em * t.size;
                    (y, g.margin_top, y < g.margin_top - TOL)
                }
                Side::Bottom => {
                    let y = t.y + e.descent_em * t.size;
                    (g.height - y, g.margin_bottom, y > bottom_edge + TOL)
                }
            };
            if hdr.is_none() {
                extreme = Some(extreme.map_or(measured, |m: f32| m.min(measured)));
            }
            if outside {
                f.fail(format!(
                    "p{} {:?} at {:.1} mm from the edge (limit {:.1} mm)",
                    pi + 1,
                    t.text,
                    mm_of(measured),
                    mm_of(limit)
                ));
            }
        }
        for l in rules(page) {
            let in_header = pi == 0
                && page.section == 0
                && e.header.as_ref().is_some_and(|h| {
                    let last = ix
                        .lines
                        .range(..h.end_block)
                        .flat_map(|(_, ls)| ls.iter().filter(|l| l.page == 0))
                        .map(|l| l.y)
                        .fold(f32::NEG_INFINITY, f32::max);
                    l.y1 <= last + TOL
                });
            let (lo, hi) = match (in_header, &e.header) {
                (true, Some(h)) => (h.left, h.right),
                _ => (g.margin_left, right_edge),
            };
            let bad = match side {
                Side::Left => l.x1.min(l.x2) < lo - TOL,
                Side::Right => l.x1.max(l.x2) > hi + TOL,
                Side::Top => l.y1 < g.margin_top - TOL,
                Side::Bottom => l.y1 > bottom_edge + TOL,
            };
            if bad {
                f.fail(format!(
                    "p{} a rule ({:.1},{:.1})–({:.1},{:.1}) crosses the margin",
                    pi + 1,
                    l.x1,
                    l.y1,
                    l.x2,
                    l.y2
                ));
            }
        }
    }
    let note = match extreme {
        Some(m) => format!("{v:.1} mm; nearest text {:.1} mm from the edge", mm_of(m)),
        None => format!("{v:.1} mm"),
    };
    f.note(note).done()
}

/// Where a line of a paragraph must start (left/justify), centre (centre)
/// or end (right), given its container.
fn para_starts(ix: &Index<'_>, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::PARA_START);
    let mut n = 0;
    for (&b, p) in &e.paras {
        if p.place == Place::Cell {
            continue;
        }
        let lines = ix.lines(b);
        for (k, line) in lines.iter().enumerate() {
            n += 1;
            let first = if k == 0 { p.indent_first } else { 0.0 };
            let g = &page_geometry_of(e, ix.pages, line.page);
            let l = g.margin_left + p.indent_left + first;
            let r = g.width - g.margin_right - p.indent_right;
            let (what, want, got, tol) = match p.align {
                Align::Left | Align::Justify => ("starts", l, line.left(), TOL),
                Align::Center if p.blanks => ("centre", (l + r) / 2.0, line.box_centre(), AXIS_TOL),
                Align::Center => ("centre", (l + r) / 2.0, line.centre(), AXIS_TOL),
                Align::Right => ("ends", r, line.right(), TOL),
            };
            f.expect((got - want).abs() <= tol, || {
                format!(
                    "{} {:?} {what} at {got:.2}, not {want:.2}",
                    pg(line),
                    line.text()
                )
            });
        }
    }
    f.note(format!("{n} lines")).done()
}

fn body_sizes(ix: &Index<'_>, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::BODY_SIZE);
    let Some(size) = e.body_size else {
        return f.note("no body text").done();
    };
    f.expect(in_range(size, &BODY_SIZES), || {
        format!("the body is set at {size} pt")
    });
    for (&b, p) in &e.paras {
        if p.place != Place::Flow || !matches!(p.role, Role::Body | Role::ListItem) {
            continue;
        }
        for line in ix.lines(b) {
            for t in &line.items {
                f.expect((t.size - size).abs() < 0.01, || {
                    format!("{} {:?} at {} pt", pg(line), t.text, t.size)
                });
            }
        }
    }
    f.note(format!("{size} pt")).done()
}

fn justified(ix: &Index<'_>, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::JUSTIFIED);
    let mut n = 0;
    for (&b, p) in &e.paras {
        if !matches!(p.place, Place::Flow | Place::Note)
            || p.align != Align::Justify
            || p.forced_breaks
        {
            continue;
        }
        let lines = ix.lines(b);
        for line in lines.iter().take(lines.len().saturating_sub(1)) {
            let g = &page_geometry_of(e, ix.pages, line.page);
            let want = g.width - g.margin_right - p.indent_right;
            n += 1;
            let got = line.right();
            f.expect((got - want).abs() <= TOL, || {
                format!(
                    "{} {:?} ends at {got:.2}, not {want:.2}",
                    pg(line),
                    line.text()
                )
            });
        }
    }
    f.note(format!("{n} lines")).done()
}

/// Checks every item of a block: face and size.
fn style_of(
    f: &mut Findings,
    ix: &Index<'_>,
    what: &str,
    block: Option<u32>,
    font: FontId,
    sizes: &RangeInclusive<f32>,
) {
    let Some(b) = block else {
        f.fail(format!("no {what} in the flow"));
        return;
    };
    let lines = ix.lines(b);
    if lines.is_empty() {
        f.fail(format!("the {what} is not on any page"));
    }
    for line in lines {
        for t in line.all() {
            f.expect(t.font == font, || {
                format!(
                    "{what} {:?} is {}, not {}",
                    t.text,
                    face(t.font),
                    face(font)
                )
            });
            f.expect(in_range(t.size, sizes), || {
                format!(
                    "{what} {:?} is {} pt, not {}–{} pt",
                    t.text,
                    t.size,
                    sizes.start(),
                    sizes.end()
                )
            });
        }
    }
}

fn block_text(ix: &Index<'_>, b: Option<u32>) -> String {
    b.map(|b| {
        ix.lines(b)
            .iter()
            .map(Line::text)
            .collect::<Vec<_>>()
            .join(" ")
    })
    .unwrap_or_default()
}

fn national_name(ix: &Index<'_>, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::NATIONAL_NAME);
    let Some(h) = &e.header else {
        return f.note("no header grid").done();
    };
    let text = block_text(ix, h.national);
    f.expect(text == e.national_name, || {
        format!("reads {text:?}, not {:?}", e.national_name)
    });
    style_of(
        &mut f,
        ix,
        "national name",
        h.national,
        FontId::Bold,
        &NATIONAL_NAME_SIZES,
    );
    f.done()
}

fn motto(ix: &Index<'_>, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::MOTTO);
    let Some(h) = &e.header else {
        return f.note("no header grid").done();
    };
    let text = block_text(ix, h.motto);
    f.expect(text == e.motto, || {
        format!("reads {text:?}, not {:?}", e.motto)
    });
    f.expect(!text.contains(['–', '—', '‐', '‑']), || {
        "a dash other than the hyphen-minus".into()
    });
    style_of(&mut f, ix, "motto", h.motto, FontId::Bold, &MOTTO_SIZES);
    f.done()
}

fn motto_rule(ix: &Index<'_>, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::MOTTO_RULE);
    let Some(h) = &e.header else {
        return f.note("no header grid").done();
    };
    let Some(line) = ix.first(h.motto) else {
        f.fail("no motto on the pages".into());
        return f.done();
    };
    let Some(r) = rule_under(ix.pages, line) else {
        f.fail(format!("no rule under the motto ({})", pg(line)));
        return f.done();
    };
    let len = (r.x2 - r.x1).abs();
    let w = line.width();
    f.expect((len - w).abs() <= AXIS_TOL, || {
        format!("the rule is {len:.2} pt, the motto {w:.2} pt")
    });
    let mid = (r.x1 + r.x2) / 2.0;
    f.expect((mid - line.centre()).abs() <= AXIS_TOL, || {
        format!(
            "the rule's centre {mid:.2} is not the motto's {:.2}",
            line.centre()
        )
    });
    f.note(format!("rule {len:.2} pt, motto {w:.2} pt")).done()
}

fn issuer(ix: &Index<'_>, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::ISSUER);
    let Some(h) = &e.header else {
        return f.note("no header grid").done();
    };
    let got: Vec<String> = h
        .parent
        .iter()
        .copied()
        .chain(h.issuer)
        .flat_map(|b| ix.lines(b).iter().map(|l| l.text().trim().to_string()))
        .collect();
    f.expect(got == h.issuer_lines, || {
        format!("the lines read {got:?}, not {:?}", h.issuer_lines)
    });
    style_of(&mut f, ix, "issuer", h.issuer, FontId::Bold, &ISSUER_SIZES);
    for &p in &h.parent {
        style_of(
            &mut f,
            ix,
            "parent body",
            Some(p),
            FontId::Regular,
            &ISSUER_SIZES,
        );
    }
    let note = if h.parent.is_empty() {
        "no parent body"
    } else {
        ""
    };
    f.note(note).done()
}

/// A short centred rule under the last line of `block`: 1/3–1/2 of the
/// block's widest line, centred on it.
fn short_rule(f: &mut Findings, ix: &Index<'_>, what: &str, block: u32) -> String {
    let lines = ix.lines(block);
    let Some(last) = lines.last() else {
        f.fail(format!("the {what} is not on any page"));
        return String::new();
    };
    let widest = lines.iter().map(Line::width).fold(0.0, f32::max);
    let Some(r) = rule_under(ix.pages, last) else {
        f.fail(format!("no rule under the {what} ({})", pg(last)));
        return String::new();
    };
    let len = (r.x2 - r.x1).abs();
    let (lo, hi) = (
        SHORT_RULE_SHARE.start() * widest,
        SHORT_RULE_SHARE.end() * widest,
    );
    f.expect(len >= lo - AXIS_TOL && len <= hi + AXIS_TOL, || {
        format!(
            "the rule is {len:.2} pt, {:.2} of the {what}'s {widest:.2} pt line",
            len / widest
        )
    });
    let mid = (r.x1 + r.x2) / 2.0;
    let c = last.centre();
    f.expect((mid - c).abs() <= AXIS_TOL, || {
        format!("the rule's centre {mid:.2} is not the {what}'s {c:.2}")
    });
    format!("{:.2} of {widest:.2} pt", len / widest)
}

fn issuer_rule(ix: &Index<'_>, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::ISSUER_RULE);
    let Some(h) = &e.header else {
        return f.note("no header grid").done();
    };
    let Some(b) = h.issuer else {
        f.fail("no issuer in the flow".into());
        return f.done();
    };
    let note = short_rule(&mut f, ix, "issuer", b);
    f.note(note).done()
}

fn title_rule(ix: &Index<'_>, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::TITLE_RULE);
    let Some(&b) = e.title.last() else {
        return f
            .note("no title block (công văn: V/v in the header)")
            .done();
    };
    let note = short_rule(&mut f, ix, "summary", b);
    f.note(note).done()
}

fn number(ix: &Index<'_>, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::NUMBER);
    let Some(h) = &e.header else {
        return f.note("no header grid").done();
    };
    let text = block_text(ix, h.number);
    f.expect(text.starts_with("Số:"), || {
        format!("the number line reads {text:?}")
    });
    style_of(
        &mut f,
        ix,
        "number line",
        h.number,
        FontId::Regular,
        &(NUMBER_SIZE..=NUMBER_SIZE),
    );
    f.done()
}

fn date(ix: &Index<'_>, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::DATE);
    let Some(h) = &e.header else {
        return f.note("no header grid").done();
    };
    if h.date.is_none() {
        return f.note("no date line (biên bản)").done();
    }
    style_of(
        &mut f,
        ix,
        "date",
        h.date,
        FontId::Italic,
        &(DATE_SIZE_SMALL..=DATE_SIZE),
    );
    f.done()
}

fn axis_check(f: &mut Findings, ix: &Index<'_>, what: &str, block: Option<u32>, axis: f32) {
    let Some(b) = block else { return };
    for line in ix.lines(b) {
        let c = line.centre();
        f.expect((c - axis).abs() <= AXIS_TOL, || {
            format!(
                "{what} {:?} centred at {c:.2}, the axis is {axis:.2}",
                line.text()
            )
        });
    }
}

fn right_axis(ix: &Index<'_>, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::RIGHT_AXIS);
    let Some(h) = &e.header else {
        return f.note("no header grid").done();
    };
    axis_check(&mut f, ix, "national name", h.national, h.right_axis);
    axis_check(&mut f, ix, "motto", h.motto, h.right_axis);
    axis_check(&mut f, ix, "date", h.date, h.right_axis);
    f.note(format!("axis {:.2}", h.right_axis)).done()
}

fn left_axis(ix: &Index<'_>, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::LEFT_AXIS);
    let Some(h) = &e.header else {
        return f.note("no header grid").done();
    };
    for &p in &h.parent {
        axis_check(&mut f, ix, "parent body", Some(p), h.left_axis);
    }
    axis_check(&mut f, ix, "issuer", h.issuer, h.left_axis);
    axis_check(&mut f, ix, "number", h.number, h.left_axis);
    for &v in &h.vv {
        axis_check(&mut f, ix, "V/v", Some(v), h.left_axis);
    }
    f.note(format!("axis {:.2}", h.left_axis)).done()
}

fn date_baseline(ix: &Index<'_>, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::DATE_BASELINE);
    let Some(h) = &e.header else {
        return f.note("no header grid").done();
    };
    let Some(d) = ix.first(h.date) else {
        return f.note("no date line").done();
    };
    let Some(n) = ix.first(h.number) else {
        f.fail("no number line on the pages".into());
        return f.done();
    };
    let dy = d.y - n.y;
    f.expect(d.page == n.page && dy.abs() <= TOL, || {
        format!("date {} vs \"Số:\" {}", pg(d), pg(n))
    });
    f.note(format!("{dy:+.2} pt")).done()
}

fn number_blank(ix: &Index<'_>, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::NUMBER_BLANK);
    let blanks: Vec<(usize, &crate::pages::Region)> = ix
        .pages
        .pages
        .iter()
        .enumerate()
        .flat_map(|(i, p)| p.regions.iter().map(move |r| (i, r)))
        .filter(|(_, r)| r.kind == RegionKind::NumberBlank)
        .collect();
    if !e.number_blank {
        f.expect(blanks.is_empty(), || {
            "a number blank the document does not have".into()
        });
        return f.note("numbered document").done();
    }
    let Some(n) = e.header.as_ref().and_then(|h| ix.first(h.number)) else {
        f.fail("no number line on the pages".into());
        return f.done();
    };
    match blanks.as_slice() {
        [(pi, r)] => {
            f.expect(
                *pi == n.page
                    && r.x >= n.left() - TOL
                    && r.x + r.w <= n.right() + TOL
                    && r.y <= n.y
                    && n.y <= r.y + r.h,
                || {
                    format!(
                        "the blank (p{} x{:.1} y{:.1} w{:.1} h{:.1}) is not in the line {}",
                        pi + 1,
                        r.x,
                        r.y,
                        r.w,
                        r.h,
                        pg(n)
                    )
                },
            );
        }
        other => f.fail(format!("{} number blanks, not 1", other.len())),
    }
    f.done()
}

/// The page's position within its section (1-based), per page.
fn section_pages(pages: &Pages) -> Vec<u32> {
    let mut out = Vec::with_capacity(pages.pages.len());
    let mut last = None;
    let mut k = 0u32;
    for p in &pages.pages {
        if last != Some(p.section) {
            k = 0;
            last = Some(p.section);
        }
        k += 1;
        out.push(k);
    }
    out
}

fn page_numbers_on(page: &Page) -> Vec<&PlacedText> {
    texts(page).filter(|t| t.artifact).collect()
}

fn appendix_file_signature(pages: &Pages, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::APPENDIX_FILE_SIGNATURE);
    let g = &e.page;
    let k = section_pages(pages);
    let mut found = Vec::new();
    for (i, p) in pages.pages.iter().enumerate() {
        for r in p
            .regions
            .iter()
            .filter(|r| r.kind == RegionKind::AttachmentSignature)
        {
            found.push(p.section);
            f.expect(e.appendix_files.contains(&p.section) && k[i] == 1, || {
                format!(
                    "p{}: a box on page {} of section {}",
                    i + 1,
                    k[i],
                    p.section
                )
            });
            let right = g.width - g.margin_right;
            f.expect(
                (r.x + r.w - right).abs() <= TOL && r.x >= g.width / 2.0,
                || {
                    format!(
                        "p{}: box {:.2}–{:.2}, not flush right at {right:.2}",
                        i + 1,
                        r.x,
                        r.x + r.w
                    )
                },
            );
            f.expect(
                r.y >= 0.0 && r.y + r.h <= g.margin_top + TOL && r.h > 0.0,
                || {
                    format!(
                        "p{}: box {:.2}–{:.2} not in the top margin",
                        i + 1,
                        r.y,
                        r.y + r.h
                    )
                },
            );
            for t in texts(p) {
                let (top, bottom) = (t.y - e.ascent_em * t.size, t.y + e.descent_em * t.size);
                let inside = ink_right(t) > r.x
                    && ink_left(t) < r.x + r.w
                    && bottom > r.y
                    && top < r.y + r.h;
                f.expect(!inside, || {
                    format!("p{}: {:?} inside the box", i + 1, t.text)
                });
            }
        }
    }
    for s in &e.appendix_files {
        f.expect(found.iter().filter(|x| *x == s).count() == 1, || {
            format!("section {s}: not one box on its first page")
        });
    }
    if e.appendix_files.is_empty() {
        f.expect(found.is_empty(), || {
            "a box the document does not have".into()
        });
        return f.note("no separate-file appendix").done();
    }
    f.note(format!("{} boxes", found.len())).done()
}

fn page_number_first(pages: &Pages, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::PAGE_NUMBER_FIRST);
    let k = section_pages(pages);
    let mut n = 0;
    for (i, p) in pages.pages.iter().enumerate() {
        let numbered = e.section_numbers.get(p.section).copied().unwrap_or(true);
        if k[i] != 1 && numbered {
            continue;
        }
        n += 1;
        let drawn = page_numbers_on(p);
        f.expect(p.number.is_none() && drawn.is_empty(), || {
            format!(
                "p{} (page {} of section {}) shows number {:?}{}",
                i + 1,
                k[i],
                p.section,
                p.number,
                drawn
                    .iter()
                    .map(|t| format!(", draws {:?}", t.text))
                    .collect::<String>()
            )
        });
    }
    f.note(format!("{n} unnumbered pages")).done()
}

fn page_number_seq(pages: &Pages, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::PAGE_NUMBER_SEQ);
    let k = section_pages(pages);
    let mut n = 0;
    for (i, p) in pages.pages.iter().enumerate() {
        let numbered = e.section_numbers.get(p.section).copied().unwrap_or(true);
        if k[i] == 1 || !numbered {
            continue;
        }
        n += 1;
        let drawn: Vec<&str> = page_numbers_on(p).iter().map(|t| t.text.as_str()).collect();
        let want = k[i].to_string();
        f.expect(p.number == Some(k[i]) && drawn == [want.as_str()], || {
            format!(
                "p{} should show {want}: number {:?}, drawn {drawn:?}",
                i + 1,
                p.number
            )
        });
    }
    f.note(format!("{n} numbered pages")).done()
}

fn page_number_place(pages: &Pages, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::PAGE_NUMBER_PLACE);
    for (i, p) in pages.pages.iter().enumerate() {
        let g = &page_geometry_of(e, pages, i);
        let axis = g.margin_left + g.text_width() / 2.0;
        for t in page_numbers_on(p) {
            let c = (ink_left(t) + ink_right(t)) / 2.0;
            f.expect((c - axis).abs() <= AXIS_TOL, || {
                format!("p{} number centred at {c:.2}, not {axis:.2}", i + 1)
            });
            let (top, bottom) = (t.y - e.ascent_em * t.size, t.y + e.descent_em * t.size);
            f.expect(top >= -TOL && bottom <= g.margin_top + TOL, || {
                format!(
                    "p{} number spans y {top:.1}–{bottom:.1}, the top margin ends at {:.1}",
                    i + 1,
                    g.margin_top
                )
            });
            f.expect(in_range(t.size, &PAGE_NUMBER_SIZES), || {
                format!("p{} number at {} pt", i + 1, t.size)
            });
            f.expect(t.font == FontId::Regular, || {
                format!("p{} number is {}", i + 1, face(t.font))
            });
        }
    }
    f.done()
}

/// The body's footnote marks on a page: (number, line).
fn marks_on<'a>(ix: &'a Index<'a>, e: &Expectations, page: usize) -> Vec<(u32, &'a Line<'a>)> {
    let mut out = Vec::new();
    for (&b, ls) in &ix.lines {
        if e.paras
            .get(&b)
            .is_some_and(|p| matches!(p.place, Place::Note))
        {
            continue;
        }
        for l in ls.iter().filter(|l| l.page == page) {
            for m in &l.marks {
                if let Ok(n) = m.text.parse::<u32>() {
                    out.push((n, l));
                }
            }
        }
    }
    out
}

/// The notes starting on a page: (number, first line): a note's first line
/// begins with its raised number.
fn notes_on<'a>(ix: &'a Index<'a>, e: &Expectations, page: usize) -> Vec<(u32, &'a Line<'a>)> {
    let mut out = Vec::new();
    for (&b, ls) in &ix.lines {
        if !e.paras.get(&b).is_some_and(|p| p.place == Place::Note) {
            continue;
        }
        for l in ls.iter().filter(|l| l.page == page) {
            let lead = l.all().min_by(|a, b| a.x.total_cmp(&b.x));
            if let Some(t) = lead
                && is_digits(&t.text)
                && l.marks.iter().any(|m| std::ptr::eq(*m, t))
                && let Ok(n) = t.text.parse::<u32>()
            {
                out.push((n, l));
            }
        }
    }
    out
}

fn footnote_page(ix: &Index<'_>, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::FOOTNOTE_PAGE);
    if e.footnotes.is_empty() {
        return f.note("no footnotes").done();
    }
    let mut found = 0;
    for pi in 0..ix.pages.pages.len() {
        let marks = marks_on(ix, e, pi);
        let notes = notes_on(ix, e, pi);
        for (n, l) in &marks {
            if !e.footnotes.iter().any(|x| x.number == *n) {
                continue;
            }
            found += 1;
            f.expect(notes.iter().any(|(m, _)| m == n), || {
                format!("mark {n} ({}) has no note {n} on its page", pg(l))
            });
        }
        for (n, l) in &notes {
            f.expect(marks.iter().any(|(m, _)| m == n), || {
                format!("note {n} ({}) has no mark {n} on its page", pg(l))
            });
        }
    }
    f.expect(found == e.footnotes.len(), || {
        format!(
            "{found} marks found on the pages, the flow has {}",
            e.footnotes.len()
        )
    });
    f.note(format!("{found} notes")).done()
}

fn footnote_foot(ix: &Index<'_>, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::FOOTNOTE_FOOT);
    if e.footnotes.is_empty() {
        return f.note("no footnotes").done();
    }
    let g = &e.page;
    for (pi, page) in ix.pages.pages.iter().enumerate() {
        let place = |t: &PlacedText| e.paras.get(&t.block).map(|p| p.place);
        let notes: Vec<&PlacedText> = texts(page)
            .filter(|t| !t.artifact && place(t) == Some(Place::Note))
            .collect();
        if notes.is_empty() {
            continue;
        }
        let note_top = notes
            .iter()
            .map(|t| t.y - e.ascent_em * t.size)
            .fold(f32::INFINITY, f32::min);
        let body_bottom = texts(page)
            .filter(|t| !t.artifact && !matches!(place(t), Some(Place::Note) | Some(Place::Footer)))
            .map(|t| t.y + e.descent_em * t.size)
            .fold(f32::NEG_INFINITY, f32::max);
        let sep: Vec<&PlacedLine> = rules(page)
            .filter(|l| {
                (l.x1.min(l.x2) - g.margin_left).abs() <= TOL
                    && ((l.x2 - l.x1).abs() - e.separator_length).abs() <= TOL
                    && l.y1 > body_bottom - TOL
                    && l.y1 < note_top + TOL
            })
            .collect();
        f.expect(sep.len() == 1, || {
            format!(
                "p{}: {} separators ({:.0} pt at the left margin) between the body (ends y{body_bottom:.1}) and the notes (start y{note_top:.1})",
                pi + 1,
                sep.len(),
                e.separator_length
            )
        });
    }
    f.done()
}

fn closing_of(e: &Expectations) -> Option<&ClosingExpect> {
    e.closing.as_ref()
}

fn noi_nhan(ix: &Index<'_>, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::NOI_NHAN);
    let Some(c) = closing_of(e) else {
        return f.note("no closing grid").done();
    };
    let Some(l) = ix.first(c.noi_nhan) else {
        f.fail("no \"Nơi nhận:\" on the pages".into());
        return f.done();
    };
    f.expect(l.text() == NOI_NHAN, || format!("reads {:?}", l.text()));
    style_of(
        &mut f,
        ix,
        "\"Nơi nhận:\"",
        c.noi_nhan,
        FontId::BoldItalic,
        &(NOI_NHAN_SIZE..=NOI_NHAN_SIZE),
    );
    let dx = l.left() - e.page.margin_left;
    f.expect(dx.abs() <= AXIS_TOL, || {
        format!("starts {dx:+.2} pt from the left margin")
    });
    f.done()
}

fn noi_nhan_level(ix: &Index<'_>, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::NOI_NHAN_LEVEL);
    let Some(c) = closing_of(e) else {
        return f.note("no closing grid").done();
    };
    let Some(k) = c.level_with else {
        return f
            .note("Nơi nhận is not beside a signer (biên bản: under the signers)")
            .done();
    };
    let (Some(n), Some(s)) = (
        ix.first(c.noi_nhan),
        c.signers
            .get(k)
            .and_then(|s| ix.first(s.lines.first().copied().or(s.name))),
    ) else {
        f.fail("\"Nơi nhận:\" or the signer's first line is missing".into());
        return f.done();
    };
    let dy = n.y - s.y;
    f.expect(n.page == s.page && dy.abs() <= TOL, || {
        format!("\"Nơi nhận:\" {} vs signer {} ({dy:+.2} pt)", pg(n), pg(s))
    });
    f.note(format!("{dy:+.2} pt")).done()
}

fn signer(ix: &Index<'_>, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::SIGNER);
    let Some(c) = closing_of(e) else {
        return f.note("no closing grid").done();
    };
    f.expect(!c.signers.is_empty(), || "no signer in the flow".into());
    for s in &c.signers {
        let blocks: Vec<u32> = s.lines.iter().copied().chain(s.name).collect();
        let mut axis = None;
        for b in blocks {
            style_of(
                &mut f,
                ix,
                "signer line",
                Some(b),
                FontId::Bold,
                &SIGNER_SIZES,
            );
            for l in ix.lines(b) {
                let c = l.centre();
                let a = *axis.get_or_insert(c);
                f.expect((c - a).abs() <= AXIS_TOL, || {
                    format!("{:?} centred at {c:.2}, the block at {a:.2}", l.text())
                });
            }
        }
    }
    f.done()
}

fn signature_room(ix: &Index<'_>, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::SIGNATURE_ROOM);
    let Some(c) = closing_of(e) else {
        return f.note("no closing grid").done();
    };
    for s in &c.signers {
        let title = s.lines.last().and_then(|&b| ix.lines(b).last());
        let name = ix.first(s.name);
        let room = ix.pages.pages.iter().enumerate().find_map(|(i, p)| {
            p.regions
                .iter()
                .find(|r| r.kind == s.region)
                .map(|r| (i, r))
        });
        let (Some(t), Some(n), Some((pi, r))) = (title, name, room) else {
            f.fail(format!(
                "{:?}: title, name or room missing from the pages",
                s.region
            ));
            continue;
        };
        let axis = n.centre();
        f.expect(
            pi == t.page
                && pi == n.page
                && r.y >= t.y - TOL
                && r.y + r.h <= n.y - e.ascent_em * n.items[0].size + TOL
                && r.x <= axis
                && axis <= r.x + r.w,
            || {
                format!(
                    "{:?} room p{} y{:.1}–{:.1} x{:.1}–{:.1}; title {}, name {} centred {axis:.1}",
                    s.region,
                    pi + 1,
                    r.y,
                    r.y + r.h,
                    r.x,
                    r.x + r.w,
                    pg(t),
                    pg(n)
                )
            },
        );
    }
    f.done()
}

fn closing_page(ix: &Index<'_>, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::CLOSING_PAGE);
    let Some(c) = closing_of(e) else {
        return f.note("no closing grid").done();
    };
    let mut pages: Vec<usize> = c
        .blocks
        .iter()
        .flat_map(|&b| ix.lines(b).iter().map(|l| l.page))
        .collect();
    for s in &c.signers {
        for (i, p) in ix.pages.pages.iter().enumerate() {
            if p.regions.iter().any(|r| r.kind == s.region) {
                pages.push(i);
            }
        }
    }
    pages.sort_unstable();
    pages.dedup();
    f.expect(pages.len() == 1, || {
        format!(
            "spread over pages {:?}",
            pages.iter().map(|p| p + 1).collect::<Vec<_>>()
        )
    });
    let note = pages
        .first()
        .map(|p| format!("page {}", p + 1))
        .unwrap_or_default();
    f.note(note).done()
}
