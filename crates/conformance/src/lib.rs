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
//! of the flow; the rule [`rule::BLOCKS`] checks that the two agree (each
//! drawn paragraph has the role of its flow paragraph). Lines are measured
//! with the metrics of the [`FontSet`] the pages were set with (the one given
//! to [`Expectations::from_flow`]: the bundled faces, or `--font-dir`'s).
//! Where the decree gives a range the rule checks the range; fixed values
//! and strings come from [`vanban_layout::style::rules`].
//!
//! The rules live by family: `margins.rs` (page size, margins, paragraph
//! starts), `body.rs` (body size, justification), `header.rs` (national
//! name, motto, issuer, number, date, their rules and axes, the title rule),
//! `sections.rs` (page numbers, appendix files' signature box),
//! `footnotes.rs` and `closing.rs` (Nơi nhận, signers, signature room), over
//! `measure.rs` (the pages indexed into lines) and `expect.rs` (what the
//! flow implies).

#![deny(missing_docs)]

mod body;
mod closing;
mod expect;
mod footnotes;
mod header;
mod margins;
mod measure;
mod report;
mod sections;

pub use expect::{
    ClosingExpect, Expectations, FootnoteExpect, HeaderExpect, ParaExpect, Place, SignerExpect,
};
pub use report::{Report, RuleResult};

use body::{body_sizes, justified};
use closing::{closing_page, noi_nhan, noi_nhan_level, signature_room, signer};
use expect::blocks;
use footnotes::{footnote_foot, footnote_page};
use header::{
    date, date_baseline, issuer, issuer_rule, left_axis, motto, motto_rule, national_name, number,
    number_blank, right_axis, title_rule,
};
use margins::{Side, glyphs_in_margins, margin, page_size, para_starts};
use measure::*;
use report::Findings;
use sections::{appendix_file_signature, page_number_first, page_number_place, page_number_seq};

use std::collections::BTreeMap;
use std::fmt;
use std::ops::RangeInclusive;
use vanban_layout::flow::{
    Align, Block, Flow, PageGeometry, Para, RegionKind, Role, Run, Section, Table, TableKind,
};
use vanban_layout::fonts::{FontId, FontSet};
use vanban_layout::pages::{Glyph, Item, Page, Pages, PlacedLine, PlacedText};
use vanban_layout::style::rules::{
    DATE_SIZE, DATE_SIZE_SMALL, MARGIN_TOLERANCE_MM, MOTTO, NATIONAL_NAME, NOI_NHAN, NOI_NHAN_SIZE,
    NUMBER_SIZE, PAGE_HEIGHT, PAGE_WIDTH, PT_PER_MM,
};

/// Tolerance of positions and lengths, in points.
pub const TOL: f32 = 0.5;
/// Tolerance of centring axes and rule lengths, in points.
pub const AXIS_TOL: f32 = 1.0;

/// Decree 30 App. I §I.3: top margin 20–25 mm.
pub const MARGIN_TOP_RANGE_MM: RangeInclusive<f32> = vanban_model::decree::MARGIN_TOP_MM;
/// Decree 30 App. I §I.3: bottom margin 20–25 mm.
pub const MARGIN_BOTTOM_RANGE_MM: RangeInclusive<f32> = vanban_model::decree::MARGIN_BOTTOM_MM;
/// Decree 30 App. I §I.3: left margin 30–35 mm.
pub const MARGIN_LEFT_RANGE_MM: RangeInclusive<f32> = vanban_model::decree::MARGIN_LEFT_MM;
/// Decree 30 App. I §I.3: right margin 15–20 mm.
pub const MARGIN_RIGHT_RANGE_MM: RangeInclusive<f32> = vanban_model::decree::MARGIN_RIGHT_MM;
/// Decree 30 App. I §II.6.e: body 13–14 pt.
pub const BODY_SIZES: RangeInclusive<f32> = vanban_model::decree::BODY_SIZE_PT;
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
    /// The flow's paragraph n is the pages' block n.
    pub const BLOCKS: &str = "blocks: every drawn paragraph is the flow's paragraph of its number, with its role (what the other rules rely on)";
}

/// Checks `pages` against every measurable rule.
pub fn check(pages: &Pages, expect: &Expectations) -> Report {
    let ix = Index::new(pages);
    let results = vec![
        blocks(pages, expect),
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
