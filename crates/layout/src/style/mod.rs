//! The style half: Decree 30 rules applied to a validated document, giving a [`Flow`].
//!
//! Submodules, one per part of the form: [`rules`] (every figure, named and
//! cited), `header` (boxes 1–4, marks 10–11), `front` (title block,
//! Kính gửi, the decision preamble), `body` (box 6 with numbering, lists,
//! tables, footnotes), `closing` (boxes 7–9b, 12), `appendix` (appendices
//! and the contact footer, box 13) and `info` (document properties and the
//! App. VI metadata).

mod appendix;
mod body;
mod closing;
mod front;
mod header;
mod info;
pub use info::metadata_recipients;
pub mod rules;
pub(crate) mod text;

use crate::flow::{
    Align, Block, DocInfo, Flow, FontStyle, FootnoteRef, FootnoteStyle, Mark, PageGeometry,
    PageNumberStyle, Para, Role, Run, Section, Spacer,
};
use crate::fonts::{FontSet, Shaper};
use rules::*;
use vanban_model::{Document, Inline, Inlines, LineSpacing};

/// Errors found while styling (things only layout can know).
#[derive(Debug, thiserror::Error)]
pub enum StyleError {
    /// A character that no bundled face can draw.
    #[error(
        "{path}: the character {ch:?} (U+{code:04X}) is not in the font; replace it or remove it"
    )]
    MissingGlyph {
        /// JSON path of the text.
        path: String,
        /// The character.
        ch: char,
        /// Its code point.
        code: u32,
    },
}

/// Applies the Decree 30 style to `doc`.
pub fn style(doc: &Document, fonts: &FontSet) -> Result<Flow, StyleError> {
    let mut cx = Ctx::new(doc, fonts);

    let mut main = Vec::new();
    header::marks_above(&mut cx, &mut main);
    main.push(Block::Table(header::header_grid(&mut cx)));
    header::marks_below(&mut cx, &mut main);
    let front_start = main.len();
    front::title_block(&mut cx, &mut main);
    let after_title = main.len();
    front::kinh_gui(&mut cx, &mut main);
    front::preamble(&mut cx, &mut main);
    let body_start = main.len();
    body::blocks(&mut cx, &doc.body, &mut main);
    // The first block after the header grid or title block gets the gap.
    let gap_at = if after_title > front_start {
        after_title
    } else {
        front_start
    };
    let gap = if after_title > front_start {
        AFTER_TITLE_GAP
    } else {
        TITLE_SPACE_BEFORE
    };
    bump_space_before(&mut main, gap_at, gap);
    // The closing grid never stands alone on a page.
    if let Some(Block::Para(p)) = main[body_start..].last_mut() {
        p.keep_with_next = true;
    }
    main.push(Block::Table(closing::closing_grid(&mut cx)));

    let mut sections = vec![Section {
        blocks: main,
        page_numbers: true,
        first_page_footer: appendix::contact_footer(&mut cx),
        first_page_regions: Vec::new(),
        page: None,
    }];
    let info = info::doc_info(doc);
    // Appendices are numbered together whether they follow the main text
    // (Mẫu 2.1) or are issued as files of their own (Mẫu 2.2).
    let count = doc.appendices.len();
    let mut attachments = Vec::new();
    for (i, a) in doc.appendices.iter().enumerate() {
        let portrait = cx.page;
        if a.landscape {
            cx.page = landscape_page(portrait);
        }
        let mut section = appendix::appendix(&mut cx, a, i, count);
        let page = cx.page;
        cx.page = portrait;
        if a.separate_file {
            section.page = None;
            let mut info = info.clone();
            let heading = appendix::appendix_heading(i, count);
            info.title = match a.title.as_deref().map(str::trim) {
                Some(t) if !t.is_empty() => format!("{heading}: {t}"),
                _ => heading,
            };
            attachments.push(document_flow(page, info, vec![section], Vec::new()));
        } else {
            sections.push(section);
        }
    }

    let flow = document_flow(cx.page, info, sections, attachments);
    text::check_glyphs(&flow, &cx.sh)?;
    Ok(flow)
}

/// A flow with the decree's footnote and page-number style.
fn document_flow(
    page: PageGeometry,
    info: DocInfo,
    sections: Vec<Section>,
    attachments: Vec<Flow>,
) -> Flow {
    Flow {
        page,
        info,
        sections,
        footnotes: FootnoteStyle {
            separator_length: NOTE_SEPARATOR_LENGTH,
            separator_thickness: RULE_THICKNESS,
            separator_height: NOTE_SEPARATOR_HEIGHT,
            gap_above: 0.0,
        },
        page_numbers: PageNumberStyle {
            size: PAGE_NUMBER_SIZE,
            line_height: line_pitch(PAGE_NUMBER_SIZE),
        },
        attachments,
    }
}

/// Raises the space before the block at `at` to `min`: a paragraph's space
/// before; a table (which has none) gets an empty line of that height in
/// front of it.
fn bump_space_before(blocks: &mut Vec<Block>, at: usize, min: f32) {
    match blocks.get_mut(at) {
        Some(Block::Para(p)) => p.space_before = p.space_before.max(min),
        Some(Block::Table(_)) => blocks.insert(
            at,
            Block::Spacer(Spacer {
                lines: 1,
                line_height: min,
                region: None,
            }),
        ),
        _ => {}
    }
}

/// The page geometry: A4 and the document's margins (Decree 30 App. I §I.1, §I.3).
pub(crate) fn page_geometry(doc: &Document) -> PageGeometry {
    let (t, b, l, r) = match doc.style.margins_mm {
        Some(m) => (m.top, m.bottom, m.left, m.right),
        None => (
            MARGIN_TOP_MM,
            MARGIN_BOTTOM_MM,
            MARGIN_LEFT_MM,
            MARGIN_RIGHT_MM,
        ),
    };
    PageGeometry {
        width: PAGE_WIDTH,
        height: PAGE_HEIGHT,
        margin_top: mm(t),
        margin_bottom: mm(b),
        margin_left: mm(l),
        margin_right: mm(r),
        header_distance: mm(HEADER_DISTANCE_MM),
    }
}

/// A landscape page for an appendix with a wide table: the portrait page
/// turned (A4 297 × 210 mm). Decree 30 App. I §I.2 lets a document with
/// tables use the width of the sheet and says nothing of the margins or the
/// page number there (docs/decree30.md §1, "Landscape-page margins", "Page
/// numbers on landscape pages"). We keep the document's margins where the
/// reader sees them (top, bottom, left, right of the turned page, §I.3), as
/// the decree's own Appendix I file does on its landscape section (30 mm
/// left, 15 mm right, 20 mm top), with the portrait bottom margin rather than
/// that file's 15 mm, which is below §I.3's minimum; and the page number in
/// the top margin, centred over the text, as §I.7 puts it on every page.
pub fn landscape_page(p: PageGeometry) -> PageGeometry {
    PageGeometry {
        width: p.height.max(p.width),
        height: p.width.min(p.height),
        ..p
    }
}

/// State shared by the parts of the style: the document, the shaper, the
/// body metrics and the running footnote number.
pub(crate) struct Ctx<'a, 'f> {
    /// The document.
    pub doc: &'a Document,
    /// Measures text.
    pub sh: Shaper<'f>,
    /// Page geometry.
    pub page: PageGeometry,
    /// Body text size.
    pub size: f32,
    /// Body line pitch.
    pub pitch: f32,
    /// Body first-line indent.
    pub indent: f32,
    /// Space before each body paragraph.
    pub space: f32,
    /// Footnotes numbered so far (across the whole document).
    pub footnotes: u32,
}

impl<'a, 'f> Ctx<'a, 'f> {
    fn new(doc: &'a Document, fonts: &'f FontSet) -> Self {
        let size = doc.style.body_size.unwrap_or(BODY_SIZE);
        let pitch = match doc.style.line_spacing {
            None => line_pitch(size),
            Some(LineSpacing::Multiple(m)) => round_to_twips(size * SINGLE_SPACING_EM * m),
            Some(LineSpacing::ExactPt(p)) => round_to_twips(p),
        };
        Ctx {
            doc,
            sh: Shaper::new(fonts),
            page: page_geometry(doc),
            size,
            pitch,
            indent: cm(doc.style.indent_cm.unwrap_or(BODY_INDENT_CM)),
            space: round_to_twips(doc.style.paragraph_spacing_pt.unwrap_or(BODY_SPACE_BEFORE)),
            footnotes: 0,
        }
    }

    /// Width of the text block.
    pub fn text_width(&self) -> f32 {
        self.page.text_width()
    }

    /// Runs from inline markup, with a base emphasis; footnotes are numbered here.
    pub fn inlines(&mut self, content: &Inlines, bold: bool, italic: bool, size: f32) -> Vec<Run> {
        let mut runs = Vec::with_capacity(content.len());
        for i in content {
            match i {
                Inline::Text {
                    text: t,
                    bold: b,
                    italic: it,
                } => {
                    // A `\n` that survived parsing is a line break too.
                    for (k, part) in t.split('\n').enumerate() {
                        if k > 0 {
                            runs.push(Run::LineBreak);
                        }
                        if !part.is_empty() {
                            runs.push(text::text(part, bold || *b, italic || *it, size));
                        }
                    }
                }
                Inline::LineBreak => runs.push(Run::LineBreak),
                Inline::Footnote(note) => {
                    let r = self.footnote(note, size);
                    runs.push(Run::FootnoteRef(r));
                }
            }
        }
        runs
    }

    /// A footnote reference at text size `size`, with its note.
    fn footnote(&mut self, note: &Inlines, size: f32) -> FootnoteRef {
        self.footnotes += 1;
        let number = self.footnotes;
        let mut runs = vec![
            Run::FootnoteMark(Mark {
                number,
                size: NOTE_MARK_SIZE,
                rise: NOTE_MARK_RISE,
            }),
            text::text(" ", false, false, NOTE_SIZE),
        ];
        // Notes inside notes are flattened into the note's text.
        runs.extend(self.inlines(&flatten(note), false, false, NOTE_SIZE));
        let mut p = Para::new(
            runs,
            Align::Justify,
            NOTE_PITCH,
            format!("footnote {number}"),
            Role::Note,
        );
        p.widow_control = true;
        FootnoteRef {
            mark: Mark {
                number,
                size: (NOTE_REF_SIZE_RATIO * size).round(),
                rise: (NOTE_REF_RISE_RATIO * size * 2.0).round() / 2.0,
            },
            note: vec![p],
        }
    }

    /// A body paragraph: justified, first-line indent, space before, widow control.
    pub fn body_para(&self, runs: Vec<Run>, path: &str, role: Role) -> Para {
        let mut p = Para::new(runs, Align::Justify, self.pitch, path.to_string(), role);
        p.indent_first = self.indent;
        p.space_before = self.space;
        p
    }
}

/// Footnotes nested in a footnote become plain text in parentheses.
fn flatten(content: &Inlines) -> Inlines {
    let mut out = Vec::with_capacity(content.len());
    for i in content {
        match i {
            Inline::Footnote(inner) => {
                out.push(Inline::Text {
                    text: " (".into(),
                    bold: false,
                    italic: false,
                });
                out.extend(flatten(inner));
                out.push(Inline::Text {
                    text: ")".into(),
                    bold: false,
                    italic: false,
                });
            }
            other => out.push(other.clone()),
        }
    }
    out
}

/// A centred single-style paragraph of form text (header, closing).
pub(crate) fn form_line(runs: Vec<Run>, size: f32, path: &str) -> Para {
    Para::new(
        runs,
        Align::Center,
        line_pitch(size),
        path.to_string(),
        Role::Form,
    )
}

/// The font style of a run.
pub(crate) fn style_of(bold: bool, italic: bool) -> FontStyle {
    FontStyle { bold, italic }
}
