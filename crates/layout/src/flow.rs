//! The backend-neutral `Flow`: the document with every Decree 30 decision
//! already taken.
//!
//! Both backends draw from this value: the DOCX writer turns it into
//! WordprocessingML (Word paginates), the typesetter (`paginate`) turns it
//! into [`crate::pages::Pages`] for the PDF. All lengths are in PostScript
//! points (1/72 in); every paragraph has an *exact* line pitch so that Word,
//! LibreOffice and our typesetter break lines and pages the same way.

/// The whole document, styled.
#[derive(Debug, Clone, PartialEq)]
pub struct Flow {
    /// Page size and margins.
    pub page: PageGeometry,
    /// Document information for PDF info/XMP and DOCX properties.
    pub info: DocInfo,
    /// The main document first, then one section per appendix; each section
    /// starts on a new page and numbers its pages from 1 (none on its first page).
    pub sections: Vec<Section>,
    /// How footnotes are set.
    pub footnotes: FootnoteStyle,
    /// How page numbers are set.
    pub page_numbers: PageNumberStyle,
    /// Appendices issued as files of their own (App. I §III.1.d; App. III
    /// Mẫu 2.2), each a document with one section; empty for them.
    pub attachments: Vec<Flow>,
}

/// Page size and margins, in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageGeometry {
    /// Page width (A4: 595.28).
    pub width: f32,
    /// Page height (A4: 841.89).
    pub height: f32,
    /// Top margin.
    pub margin_top: f32,
    /// Bottom margin.
    pub margin_bottom: f32,
    /// Left margin.
    pub margin_left: f32,
    /// Right margin.
    pub margin_right: f32,
    /// Distance from the page top to the top of the page-number line.
    pub header_distance: f32,
}

impl PageGeometry {
    /// Width of the text block.
    pub fn text_width(&self) -> f32 {
        self.width - self.margin_left - self.margin_right
    }
    /// Height of the text block.
    pub fn text_height(&self) -> f32 {
        self.height - self.margin_top - self.margin_bottom
    }
}

/// Document information, in a fixed order (deterministic output).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DocInfo {
    /// Title: type name + summary, e.g. "BÁO CÁO Kết quả …".
    pub title: String,
    /// Subject: the summary.
    pub subject: String,
    /// Author: the issuing body.
    pub author: String,
    /// Keywords.
    pub keywords: Vec<String>,
    /// BCP 47 language, "vi-VN".
    pub language: String,
    /// Document date as ISO `YYYY-MM-DD` when fully known.
    pub date: Option<String>,
    /// Decree 30 App. VI fields.
    pub eoffice: EOffice,
}

/// The Decree 30 Appendix VI §II.I fields of an outgoing document (the
/// e-office metadata), resolved once from the document: the XMP, the DOCX
/// custom properties and the `--meta-json` sidecar all write
/// [`EOffice::fields`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EOffice {
    /// `FileCode`: the file (hồ sơ) code.
    pub file_code: Option<String>,
    /// `OrganId`: the issuing body's identifier.
    pub organ_id: Option<String>,
    /// `TypeName`: "Báo cáo", "Công văn", …
    pub type_name: String,
    /// `CodeNumber`: the number, when given (the clerk fills it at issue).
    pub code_number: Option<String>,
    /// `CodeNotation`: the symbol ("BC-UBND").
    pub code_notation: String,
    /// `IssuedDate`: ISO `YYYY-MM-DD`, when the date is complete.
    pub issued_date: Option<String>,
    /// `OrganName`: the issuing body, one line.
    pub organ_name: String,
    /// `Subject`: the summary (trích yếu).
    pub subject: String,
    /// `Language`: "vi" unless the document says otherwise.
    pub language: String,
    /// `PageAmount`: the page count, set by the typesetter.
    pub page_amount: Option<usize>,
    /// `Description`.
    pub description: Option<String>,
    /// `SignerInfo`: the printed signers, the one with authority first
    /// ([`vanban_model::Document::main_signer`]).
    pub signers: Vec<SignerInfo>,
    /// `To`: the recipients, "Như trên" resolved.
    pub to: Vec<String>,
    /// `Priority`.
    pub priority: Option<u32>,
    /// `IssuedAmount`: the number of copies.
    pub issued_amount: Option<u32>,
    /// `DueDate`.
    pub due_date: Option<String>,
}

/// One signer in the e-office metadata (`SignerInfo.Position`,
/// `SignerInfo.FullName`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SignerInfo {
    /// The title the signer signs with ("CHỦ TỊCH", "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC").
    pub position: Option<String>,
    /// The signer's full name.
    pub full_name: String,
}

impl EOffice {
    /// How a field with several values (several recipients, several
    /// signers) is written as one text, everywhere: the values in order,
    /// separated by `"; "`.
    pub const JOIN: &'static str = "; ";

    /// The fields that have a value, as (name, text) in the decree's order
    /// (App. VI §II.I); each name once, a repeated field's values joined
    /// with [`EOffice::JOIN`].
    pub fn fields(&self) -> Vec<(&'static str, String)> {
        let mut out: Vec<(&'static str, String)> = Vec::new();
        let mut put = |k: &'static str, v: Option<String>| {
            if let Some(v) = v.filter(|v| !v.trim().is_empty()) {
                out.push((k, v));
            }
        };
        let join = |v: Vec<String>| Some(v.join(Self::JOIN));
        put("FileCode", self.file_code.clone());
        put("OrganId", self.organ_id.clone());
        put("TypeName", Some(self.type_name.clone()));
        put("CodeNumber", self.code_number.clone());
        put("CodeNotation", Some(self.code_notation.clone()));
        put("IssuedDate", self.issued_date.clone());
        put("OrganName", Some(self.organ_name.clone()));
        put("Subject", Some(self.subject.clone()));
        put("Language", Some(self.language.clone()));
        put("PageAmount", self.page_amount.map(|n| n.to_string()));
        put("Description", self.description.clone());
        // A signer without a title keeps its place: positions and names
        // pair up by index.
        let positions: Vec<String> = self
            .signers
            .iter()
            .map(|s| s.position.clone().unwrap_or_default())
            .collect();
        if positions.iter().any(|p| !p.trim().is_empty()) {
            put("SignerInfo.Position", join(positions));
        }
        put(
            "SignerInfo.FullName",
            join(self.signers.iter().map(|s| s.full_name.clone()).collect()),
        );
        put("To", join(self.to.clone()));
        put("Priority", self.priority.map(|p| p.to_string()));
        put("IssuedAmount", self.issued_amount.map(|n| n.to_string()));
        put("DueDate", self.due_date.clone());
        out
    }
}

/// A run of pages numbered together: the main document or one appendix.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// The content.
    pub blocks: Vec<Block>,
    /// Whether pages show their number (from the section's second page).
    pub page_numbers: bool,
    /// Footer of the section's first page only (Decree 30 box 13), set
    /// above the bottom margin under a full-width rule.
    pub first_page_footer: Vec<Block>,
    /// Named rectangles at fixed places of the section's first page (page
    /// coordinates), e.g. the organisation's signature on a separate-file
    /// appendix.
    pub first_page_regions: Vec<crate::pages::Region>,
    /// The section's own page (a landscape appendix); `None`: the flow's.
    pub page: Option<PageGeometry>,
}

/// A block of the flow.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A paragraph.
    Para(Para),
    /// A table (data tables, and the borderless header and closing grids).
    Table(Table),
    /// A horizontal rule block: an empty line of `height` whose bottom edge
    /// carries a centred rule (drawn between the indents).
    Rule(RuleBlock),
    /// Vertical space of `lines` empty lines, e.g. the signature room.
    Spacer(Spacer),
    /// A forced page break.
    PageBreak,
}

/// Horizontal alignment: the model's, one type from input to backends.
pub use vanban_model::Align;

/// What a paragraph is, for tagged PDF and DOCX outline levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Ordinary text.
    Body,
    /// A heading of the given level (1 = top).
    Heading(u8),
    /// The document's title block (type name, summary).
    Title,
    /// A list item.
    ListItem,
    /// Text of a footnote.
    Note,
    /// Header and closing grids, marks: part of the form, not the content.
    Form,
}

/// A paragraph with its exact geometry.
#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    /// The inline content.
    pub runs: Vec<Run>,
    /// Alignment.
    pub align: Align,
    /// Left indent of every line.
    pub indent_left: f32,
    /// Right indent of every line.
    pub indent_right: f32,
    /// Extra indent of the first line (negative = hanging).
    pub indent_first: f32,
    /// Space before the paragraph.
    pub space_before: f32,
    /// Space after the paragraph.
    pub space_after: f32,
    /// Exact line pitch.
    pub line_height: f32,
    /// Keep on the same page as the next block.
    pub keep_with_next: bool,
    /// Keep all lines on one page.
    pub keep_lines: bool,
    /// Widow/orphan control (at least two lines at either end of a break).
    pub widow_control: bool,
    /// What the paragraph is.
    pub role: Role,
    /// JSON path of the source, for errors.
    pub path: String,
}

impl Para {
    /// A paragraph with no indents, no space around it, not kept with the
    /// next block, widow/orphan control on.
    pub fn new(runs: Vec<Run>, align: Align, line_height: f32, path: String, role: Role) -> Para {
        Para {
            runs,
            align,
            indent_left: 0.0,
            indent_right: 0.0,
            indent_first: 0.0,
            space_before: 0.0,
            space_after: 0.0,
            line_height,
            keep_with_next: false,
            keep_lines: false,
            widow_control: true,
            role,
            path,
        }
    }
}

/// Font style of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct FontStyle {
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
}

/// An inline run.
#[derive(Debug, Clone, PartialEq)]
pub enum Run {
    /// Text in one style and size.
    Text(TextRun),
    /// A forced line break inside the paragraph.
    LineBreak,
    /// A footnote reference mark in the text; the note is set at the foot of
    /// the page that holds the mark.
    FootnoteRef(FootnoteRef),
    /// The number at the start of a footnote's text (DOCX: `footnoteRef`).
    FootnoteMark(Mark),
    /// A blank left for the clerk (number, day): `spaces` spaces wide, drawn
    /// as spaces, whose rectangle `Pages` exposes as a named region.
    Blank(Blank),
}

/// Text in one style and size.
///
/// Lines break only at U+0020 spaces (and at `Run::LineBreak`): never after a
/// hyphen or a slash inside a word, so "30/2020/NĐ-CP" stays whole. Backends
/// whose renderer would break elsewhere must prevent it (the DOCX writes an
/// inner hyphen as a non-breaking hyphen).
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    /// NFC text, no control characters.
    pub text: String,
    /// Bold/italic.
    pub style: FontStyle,
    /// Size in points.
    pub size: f32,
}

/// A raised, smaller number (footnote marks). Explicit size and rise instead
/// of "superscript" so that every renderer uses the same width.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// The footnote number.
    pub number: u32,
    /// Size of the mark.
    pub size: f32,
    /// Baseline rise in points.
    pub rise: f32,
}

/// A footnote reference and its note.
#[derive(Debug, Clone, PartialEq)]
pub struct FootnoteRef {
    /// The mark as printed in the text.
    pub mark: Mark,
    /// The note's paragraphs; the first starts with a `Run::FootnoteMark`.
    pub note: Vec<Para>,
}

/// A blank for the clerk.
#[derive(Debug, Clone, PartialEq)]
pub struct Blank {
    /// Number of spaces (U+0020) that make the blank.
    pub spaces: u32,
    /// Style of the spaces.
    pub style: FontStyle,
    /// Size.
    pub size: f32,
    /// The region the typesetter records for it: the clerk's stamp targets
    /// in the header; none for blanks that stay unfilled (the appendix
    /// reference line, App. I §III.1.c).
    pub region: Option<RegionKind>,
}

/// Named rectangles that later stages use (stamps, signature fields).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RegionKind {
    /// The blank number in "Số:      /BC-UBND".
    NumberBlank,
    /// The blank day in the date line.
    DayBlank,
    /// The blank month in the date line.
    MonthBlank,
    /// The blank year in the date line.
    YearBlank,
    /// The signer's signature room (box 7c); index = signer (0 = main/left).
    Signature(u8),
    /// The seal room (box 8), overlapping the left third of the signature.
    Seal(u8),
    /// The organisation's signature on a separate-file appendix: the top
    /// right of its first page (App. I §II.8.b, §III.1.d).
    AttachmentSignature,
}

/// A centred rule (issuer, motto, title, footer rules).
#[derive(Debug, Clone, PartialEq)]
pub struct RuleBlock {
    /// Space taken by the block (an exact-height empty line).
    pub height: f32,
    /// Left end of the rule from the container's left edge.
    pub indent_left: f32,
    /// Right end of the rule from the container's right edge.
    pub indent_right: f32,
    /// Stroke width.
    pub thickness: f32,
    /// Keep with the next block.
    pub keep_with_next: bool,
}

/// Empty lines.
#[derive(Debug, Clone, PartialEq)]
pub struct Spacer {
    /// Number of empty lines.
    pub lines: u32,
    /// Exact pitch of each.
    pub line_height: f32,
    /// Region covering the spacer, if named.
    pub region: Option<RegionKind>,
}

/// A table with fixed column widths.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Column widths; they add up to the table width.
    pub columns: Vec<f32>,
    /// Left edge offset from the text block's left margin (may be negative).
    pub indent: f32,
    /// Rows.
    pub rows: Vec<Row>,
    /// Ruled (data table) or borderless (grids).
    pub borders: bool,
    /// Border stroke width when ruled.
    pub border_width: f32,
    /// Cell padding.
    pub padding: Padding,
    /// What the table is.
    pub kind: TableKind,
    /// Merged cells (none overlap; each lies inside the grid). The rows stay
    /// one cell per column: a merged cell's content is its top-left cell's,
    /// the other cells it covers are not drawn.
    pub merges: Vec<Merge>,
    /// JSON path of the source.
    pub path: String,
}

/// A merged cell: covers `rows` × `cols` cells from (`row`, `col`) of
/// [`Table::rows`] (0-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Merge {
    /// Top row.
    pub row: usize,
    /// Left column.
    pub col: usize,
    /// Rows covered, at least 1.
    pub rows: usize,
    /// Columns covered, at least 1.
    pub cols: usize,
}

impl Table {
    /// The merge whose top-left cell is (`row`, `col`).
    pub fn merge_at(&self, row: usize, col: usize) -> Option<&Merge> {
        self.merges.iter().find(|m| m.row == row && m.col == col)
    }

    /// The merge that covers (`row`, `col`) without starting there.
    pub fn covered_by(&self, row: usize, col: usize) -> Option<&Merge> {
        self.merges.iter().find(|m| {
            (m.row..m.row + m.rows).contains(&row)
                && (m.col..m.col + m.cols).contains(&col)
                && (m.row, m.col) != (row, col)
        })
    }
}

/// The kinds of table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    /// Header grid: issuer | national name, number | date (boxes 1–4).
    Header,
    /// Closing grid: Nơi nhận | signature (boxes 7–9b).
    Closing,
    /// A data table from the body.
    Data,
}

/// Cell padding in points.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Padding {
    /// Top.
    pub top: f32,
    /// Bottom.
    pub bottom: f32,
    /// Left.
    pub left: f32,
    /// Right.
    pub right: f32,
}

/// A table row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Cells, one per column.
    pub cells: Vec<Cell>,
    /// Header row: repeated at the top of every page the table reaches.
    pub header: bool,
    /// The row must not break across pages.
    pub cant_split: bool,
}

/// Vertical alignment in a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VAlign {
    /// Top.
    Top,
    /// Centre.
    Center,
}

/// A table cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// Content (paragraphs, rules, spacers).
    pub blocks: Vec<Block>,
    /// Vertical alignment.
    pub valign: VAlign,
}

/// How footnotes are set at the foot of the page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FootnoteStyle {
    /// Length of the separator rule from the left margin.
    pub separator_length: f32,
    /// Separator stroke.
    pub separator_thickness: f32,
    /// Exact height of the separator line (the rule sits in its middle).
    pub separator_height: f32,
    /// Space between the body's last line and the separator, at least.
    pub gap_above: f32,
}

/// How page numbers are set (Decree 30 App. I §I.7).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageNumberStyle {
    /// Size in points.
    pub size: f32,
    /// Exact line pitch of the number line, whose top is at `header_distance`.
    pub line_height: f32,
}
