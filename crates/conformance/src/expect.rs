//! What the flow says the pages must show: which block is which paragraph,
//! and where the header, title, closing and footnotes are.

use crate::*;

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
    /// Everything the checks expect, read from the flow the pages were set
    /// from; `fonts` is the font set the pages were set with (the one given
    /// to the typesetter, `--font-dir`'s when given), whose metrics place the
    /// top and bottom of a line.
    pub fn from_flow(flow: &Flow, fonts: &FontSet) -> Self {
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
pub(crate) fn body_size(flow: &Flow) -> Option<f32> {
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
pub(crate) struct Walker {
    next: u32,
    section: usize,
    exp: Expectations,
}

/// Block indices of one table: per row, per cell, per block (paragraphs only).
type TableBlocks = Vec<Vec<Vec<Option<u32>>>>;

impl Walker {
    pub(crate) fn para(&mut self, p: &Para, place: Place, notes: bool) -> u32 {
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

    pub(crate) fn stack(
        &mut self,
        blocks: &[Block],
        place: Place,
        notes: bool,
    ) -> Vec<Option<u32>> {
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

    pub(crate) fn table(&mut self, t: &Table, notes: bool) -> TableBlocks {
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

    pub(crate) fn section_blocks(&mut self, sec: &Section, page: &PageGeometry) {
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

    pub(crate) fn header(&mut self, t: &Table, ids: &TableBlocks, page: &PageGeometry) {
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

    pub(crate) fn closing(&mut self, t: &Table, ids: &TableBlocks) {
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
pub(crate) fn lines_of(p: &Para) -> Vec<String> {
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
pub(crate) fn plain(p: &Para) -> String {
    p.runs
        .iter()
        .filter_map(|r| match r {
            Run::Text(t) => Some(t.text.as_str()),
            _ => None,
        })
        .collect()
}

/// The walk of the flow and the typesetter agree: every drawn paragraph
/// (page numbers aside) has the number of a flow paragraph with its role.
/// Were the two orders to drift apart, every other rule would measure the
/// wrong lines; this rule says so instead.
pub(crate) fn blocks(pages: &Pages, e: &Expectations) -> RuleResult {
    let mut f = Findings::new(rule::BLOCKS);
    let mut n = 0;
    for (pi, page) in pages.pages.iter().enumerate() {
        for t in texts(page).filter(|t| !t.artifact) {
            n += 1;
            match e.paras.get(&t.block) {
                None => f.fail(format!(
                    "p{} y{:.1}: block {} is not a paragraph of the flow",
                    pi + 1,
                    t.y,
                    t.block
                )),
                Some(p) => f.expect(p.role == t.role, || {
                    format!(
                        "p{} y{:.1}: block {} drawn as {:?}, the flow's paragraph is {:?}",
                        pi + 1,
                        t.y,
                        t.block,
                        t.role,
                        p.role
                    )
                }),
            }
        }
    }
    f.note(format!("{n} runs")).done()
}
