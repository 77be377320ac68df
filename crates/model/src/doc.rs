//! The validated document: what the rest of vanban consumes.
//!
//! Everything here has passed validation: strings are NFC, inline markup is
//! parsed into [`Inline`] runs, dates are real dates, the symbol is derived.
//! Every block carries the JSON path it came from, so later stages (e.g. the
//! typesetter finding a character no font has) can name it in an error.

use crate::doctype::DocType;

/// A parsed, validated document, ready for layout.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// Document type (Decree 30 Art. 7, App. III).
    pub doc_type: DocType,
    /// Issuing body and its direct parent (box 2).
    pub issuer: Issuer,
    /// Document number; `None` leaves the blank the clerk fills (box 3).
    pub number: Option<u32>,
    /// Symbol after the slash, e.g. `BC-UBND` (derived unless overridden).
    pub symbol: String,
    /// Place name of box 4, e.g. "Ba Tô"; empty for a biên bản, which has
    /// no place-and-date line (App. III Mẫu 1.9).
    pub place: String,
    /// Date of box 4; parts may be missing (left blank for the clerk).
    pub date: PartialDate,
    /// Summary (trích yếu, box 5a; "V/v …" of box 5b for a công văn).
    pub title: Option<String>,
    /// "Kính gửi:" recipients (box 9a).
    pub to: Vec<String>,
    /// The authority line of a decision ("CHỦ TỊCH ỦY BAN NHÂN DÂN …").
    pub authority: Option<String>,
    /// Căn cứ lines, without their final ";" / "." (added by layout).
    pub bases: Vec<Inlines>,
    /// The body (box 6).
    pub body: Vec<Block>,
    /// One signer, or two (left, right) where the type's
    /// [`crate::doctype::SignerLayout`] is `Pair` (App. III Mẫu 1.9).
    pub signatures: Vec<Signature>,
    /// "Nơi nhận:" items, without the leading "- " and the final ";" (box 9b).
    pub recipients: Vec<String>,
    /// The "Lưu:" items, default `["VT"]`.
    pub archive: Vec<String>,
    /// Drafter's initials and copies (box 12).
    pub drafter: Option<Drafter>,
    /// Urgency mark (box 10b).
    pub urgency: Option<Urgency>,
    /// Secrecy mark (box 10a).
    pub secrecy: Option<Secrecy>,
    /// Circulation mark, e.g. "LƯU HÀNH NỘI BỘ" (box 11).
    pub circulation: Option<String>,
    /// Contact footer of the first page (box 13).
    pub contact: Option<Contact>,
    /// Appendices, each numbered separately ("Phụ lục I", …).
    pub appendices: Vec<Appendix>,
    /// Style overrides, already checked against the decree's ranges.
    pub style: StyleOverrides,
    /// Archival metadata (Decree 30 App. VI).
    pub meta: Meta,
    /// Numbering sequence by depth; `None` = the type's default scheme.
    pub numbering: Option<Vec<LabelKind>>,
}

/// The most signers a closing prints, side by side (App. III Mẫu 1.9);
/// validation accepts at most [`crate::DocType::max_signers`].
pub const MAX_PRINTED_SIGNERS: usize = 2;

impl Document {
    /// The signers the closing prints, in print order (left to right): the
    /// first [`MAX_PRINTED_SIGNERS`]. The one decision the closing, the
    /// e-office metadata and [`Self::main_signer`] read.
    pub fn printed_signers(&self) -> &[Signature] {
        &self.signatures[..self.signatures.len().min(MAX_PRINTED_SIGNERS)]
    }

    /// The signer with authority: the only signer of most documents, the
    /// right-hand (last printed) signer of a two-signer document (App. III
    /// Mẫu 1.9: CHỦ TỌA signs with authority and the seal). Always printed
    /// (see [`crate::DocType::signer_layout`]).
    pub fn main_signer(&self) -> Option<&Signature> {
        self.printed_signers().last()
    }

    /// The printed signers in the e-office metadata's order (SignerInfo):
    /// the one with authority first, then the others in print order.
    pub fn signers_by_authority(&self) -> Vec<&Signature> {
        let printed = self.printed_signers();
        let Some((main, others)) = printed.split_last() else {
            return Vec::new();
        };
        std::iter::once(main).chain(others).collect()
    }
}

/// The issuing body (box 2).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Issuer {
    /// Direct parent body, printed upper case regular.
    pub parent: Option<String>,
    /// Issuing body, printed upper case bold; `\n` forces a break.
    pub name: String,
    /// Abbreviation used in the symbol ("UBND").
    pub abbr: String,
    /// Drafting unit abbreviation ("VP").
    pub unit: Option<String>,
    /// The name in normal case for running text (the appendix reference
    /// line, App. III Mẫu 2.1); `None` = derived from `name`.
    pub normal_name: Option<String>,
}

/// A date whose parts may be left blank for the clerk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PartialDate {
    /// Year, e.g. 2023.
    pub year: Option<i32>,
    /// Month 1–12.
    pub month: Option<u32>,
    /// Day 1–31 (valid for the month).
    pub day: Option<u32>,
}

/// Inline content: runs of text with emphasis, footnotes and line breaks.
pub type Inlines = Vec<Inline>;

/// One piece of inline content.
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    /// Text with its emphasis (from `*…*`, `**…**`, `***…***`).
    Text {
        /// NFC text.
        text: String,
        /// Bold.
        bold: bool,
        /// Italic.
        italic: bool,
    },
    /// A footnote (`^[…]`), numbered by layout across the document.
    Footnote(Inlines),
    /// A forced line break (`\n` in the JSON string).
    LineBreak,
}

/// A block of the body, with the JSON path it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// JSON path, e.g. `body[3].body[1]`.
    pub path: String,
    /// What the block is.
    pub kind: BlockKind,
}

/// The kinds of block (see docs/input-format.md "Blocks").
#[derive(Debug, Clone, PartialEq)]
pub enum BlockKind {
    /// A paragraph; plain strings give the defaults.
    Paragraph(Paragraph),
    /// A numbered item: a title (with body) or a run-in numbered paragraph.
    Heading(Heading),
    /// Phần / Chương / Mục: a large division.
    Division(Division),
    /// A dash list.
    List(List),
    /// A ruled table.
    Table(Table),
    /// A forced page break.
    PageBreak,
}

/// Horizontal alignment: read from the input (`"align"`), and the one
/// alignment type of layout's `Flow` and the backends.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, serde::Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[schemars(rename = "Align", description = "Horizontal alignment.")]
pub enum Align {
    /// Flush left.
    Left,
    /// Centred (between the indents).
    #[schemars(description = "Centred.")]
    Center,
    /// Flush right.
    Right,
    /// Justified (the body's default); the last line and lines ending in a
    /// line break are set flush left.
    #[schemars(description = "Justified.")]
    Justify,
}

/// A paragraph with its options (`None` = the decree's default).
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    /// The text.
    pub content: Inlines,
    /// Alignment override.
    pub align: Option<Align>,
    /// First-line indent on/off override.
    pub indent: Option<bool>,
    /// Whole paragraph bold.
    pub bold: bool,
    /// Whole paragraph italic.
    pub italic: bool,
}

/// A numbered heading or numbered paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    /// The heading text (without its label).
    pub text: Inlines,
    /// Explicit label ("III", "2", "đ"); `None` = from depth and numbering.
    pub number: Option<String>,
    /// `false` drops the label.
    pub numbered: bool,
    /// `Some` = a titled item with content; `None` = a run-in numbered paragraph.
    pub body: Option<Vec<Block>>,
    /// The text is a lead-in sentence, not a title: a khoản that introduces
    /// its points ("1. Tổ chức rà soát … sau:" then a), b) …) or an untitled
    /// Điều body. Printed regular like a run-in paragraph (Decree 30 App. I
    /// §II.6.c: only a title is bold), its body following as usual. Input
    /// `"lead_in": true`; by default when the text ends with ":".
    pub lead_in: bool,
}

/// Kind of a large division.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DivisionKind {
    /// "Phần I"
    Part,
    /// "Chương I"
    Chapter,
    /// "Mục 1"
    Section,
}

/// A large division: "Chương I" / title, then its body.
#[derive(Debug, Clone, PartialEq)]
pub struct Division {
    /// Part, chapter or section.
    pub kind: DivisionKind,
    /// The title (printed upper case on the second line).
    pub title: String,
    /// Explicit number ("II", "3"); `None` = counted.
    pub number: Option<String>,
    /// Content.
    pub body: Vec<Block>,
}

/// List marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListMarker {
    /// "-"
    Dash,
    /// "+"
    Plus,
}

/// A dash list; each item is a sequence of blocks (a string item is one paragraph).
#[derive(Debug, Clone, PartialEq)]
pub struct List {
    /// The marker.
    pub marker: ListMarker,
    /// Items.
    pub items: Vec<Vec<Block>>,
}

/// A table column.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// Header text; all-empty titles mean no generated header row.
    pub title: Inlines,
    /// Relative width (> 0).
    pub width: f32,
    /// Alignment of the column's body cells.
    pub align: Align,
}

/// A ruled table.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Columns; if any has a title, a header row is generated from them.
    pub columns: Vec<Column>,
    /// Body rows, each with exactly `columns.len()` cells (the grid: a slot
    /// covered by a merged cell, other than its top-left one, is empty).
    pub rows: Vec<Vec<Inlines>>,
    /// Merged cells, in reading order of their top-left slots; none overlap
    /// and each lies inside the grid.
    pub merges: Vec<Merge>,
    /// How many of `rows`, from the top, are header rows too (bold, centred,
    /// repeated at the top of every page the table runs onto). The title row
    /// generated from the column titles is always a header row and is not
    /// counted here. Default 0.
    pub header_rows: u32,
}

/// A cell of a table that covers `rows` × `cols` slots of the grid from
/// (`row`, `col`) (0-based, in `Table::rows`); its text is that slot's.
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

/// Signing mode prefix (Decree 30 App. I §II.7.b).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignMode {
    /// "KT." — a deputy signs for the head.
    Kt,
    /// "TL." — by order.
    Tl,
    /// "TUQ." — by authorisation.
    Tuq,
    /// "Q." — acting head.
    Q,
}

/// One signer (boxes 7a–7c).
#[derive(Debug, Clone, PartialEq)]
pub struct Signature {
    /// "TM." collective, e.g. "ỦY BAN NHÂN DÂN".
    pub on_behalf_of: Option<String>,
    /// "KT. CHỦ TỊCH" etc.
    pub for_: Option<(SignMode, String)>,
    /// The signer's own title; may be empty only with mode Q.
    pub title: Option<String>,
    /// The signer's name.
    pub name: String,
    /// Diameter of the organisation's seal placed over this signature, in
    /// mm ([`crate::format::SEAL_MM_MIN`]–[`crate::format::SEAL_MM_MAX`]);
    /// `None`: [`crate::format::SEAL_MM_DEFAULT`].
    pub seal_mm: Option<f32>,
}

/// Drafter's initials and copies (box 12).
#[derive(Debug, Clone, PartialEq)]
pub struct Drafter {
    /// Initials, e.g. "PL".
    pub initials: String,
    /// Copies issued.
    pub copies: Option<u32>,
}

/// Urgency (box 10b).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Urgency {
    /// KHẨN
    Khan,
    /// THƯỢNG KHẨN
    ThuongKhan,
    /// HỎA TỐC
    HoaToc,
}

/// Secrecy (box 10a).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Secrecy {
    /// MẬT
    Mat,
    /// TỐI MẬT
    ToiMat,
    /// TUYỆT MẬT
    TuyetMat,
}

/// Contact footer (box 13).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Contact {
    /// Address.
    pub address: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// Fax.
    pub fax: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    /// Website.
    pub website: Option<String>,
}

/// An appendix.
#[derive(Debug, Clone, PartialEq)]
pub struct Appendix {
    /// Title (upper case bold).
    pub title: Option<String>,
    /// Content.
    pub body: Vec<Block>,
    /// Issued as its own file (App. I §III.1.d; App. III Mẫu 2.2) rather
    /// than after the main text.
    pub separate_file: bool,
    /// Set on A4 landscape pages (App. I §I.2: tables may turn the page).
    pub landscape: bool,
}

/// Line spacing override.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum LineSpacing {
    /// Multiple of single spacing, 1.0 ..= 1.5.
    Multiple(f32),
    /// Exact line pitch in points.
    ExactPt(f32),
}

/// Margins in millimetres.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MarginsMm {
    /// Top, 20–25.
    pub top: f32,
    /// Bottom, 20–25.
    pub bottom: f32,
    /// Left, 30–35.
    pub left: f32,
    /// Right, 15–20.
    pub right: f32,
}

/// Validated style overrides (`None` = layout's default).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct StyleOverrides {
    /// 13 or 14.
    pub body_size: Option<f32>,
    /// Within the decree's ranges.
    pub margins_mm: Option<MarginsMm>,
    /// 1.0 or 1.27.
    pub indent_cm: Option<f32>,
    /// Single .. 1.5, or exact.
    pub line_spacing: Option<LineSpacing>,
    /// >= 6.
    pub paragraph_spacing_pt: Option<f32>,
}

/// Archival metadata (Decree 30 App. VI, outgoing documents).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Meta {
    /// OrganId of the issuing body.
    pub organ_id: Option<String>,
    /// FileCode.
    pub file_code: Option<String>,
    /// Language, default "vi".
    pub language: String,
    /// Priority code (App. VI leaves values undefined).
    pub priority: Option<u32>,
    /// Keywords.
    pub keywords: Vec<String>,
    /// DueDate, `YYYY-MM-DD`.
    pub due_date: Option<String>,
    /// IssuedAmount (copies issued).
    pub issued_amount: Option<u32>,
    /// Description.
    pub description: Option<String>,
}

/// A numbering label kind for one depth (`numbering` field).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelKind {
    /// "I." Roman.
    Roman,
    /// "1." Arabic.
    Arabic,
    /// "a)" Vietnamese point letters.
    Letter,
    /// "-"
    Dash,
    /// "+"
    Plus,
    /// "Điều 1."
    Article,
}
