//! Every Decree 30 figure used by the style, once, as a named constant or
//! function citing its clause. Where the decree is silent the doc comment
//! says "not specified" and names the choice taken.
//!
//! All lengths are in points and rounded to whole twips (1/20 pt) with
//! [`round_to_twips`] so that the DOCX, which counts in twips, is exact.

use vanban_model::decree;

/// Points per millimetre.
pub const PT_PER_MM: f32 = 72.0 / 25.4;

/// Rounds a length in points to whole twips (1/20 pt), the DOCX unit; the
/// result is still in points (the DOCX writer's `twips()` converts to a count).
pub fn round_to_twips(pt: f32) -> f32 {
    (pt * 20.0).round() / 20.0
}

/// Millimetres to points, rounded to twips.
pub fn mm(v: f32) -> f32 {
    round_to_twips(v * PT_PER_MM)
}

/// Centimetres to points, rounded to twips.
pub fn cm(v: f32) -> f32 {
    round_to_twips(v * PT_PER_MM * 10.0)
}

/// Decree 30 App. I §I.1: A4 paper, 210 mm wide (11906 twips).
pub const PAGE_WIDTH: f32 = 595.3;
/// Decree 30 App. I §I.1: A4 paper, 297 mm high (16838 twips).
pub const PAGE_HEIGHT: f32 = 841.9;
/// Decree 30 App. I §I.3: default top margin, the least allowed
/// ([`decree::MARGIN_TOP_MM`]).
pub const MARGIN_TOP_MM: f32 = *decree::MARGIN_TOP_MM.start();
/// Decree 30 App. I §I.3: default bottom margin, the least allowed
/// ([`decree::MARGIN_BOTTOM_MM`]).
pub const MARGIN_BOTTOM_MM: f32 = *decree::MARGIN_BOTTOM_MM.start();
/// Decree 30 App. I §I.3: default left margin, the least allowed
/// ([`decree::MARGIN_LEFT_MM`]).
pub const MARGIN_LEFT_MM: f32 = *decree::MARGIN_LEFT_MM.start();
/// Decree 30 App. I §I.3: default right margin, the least allowed
/// ([`decree::MARGIN_RIGHT_MM`]).
pub const MARGIN_RIGHT_MM: f32 = *decree::MARGIN_RIGHT_MM.start();
/// Decree 30 App. I §I.7 puts the page number in the top margin; distance of
/// its line from the page top: not specified, 10 mm as in the App. III
/// template file (567 twips, docs/decree30.md §1).
pub const HEADER_DISTANCE_MM: f32 = 10.0;

/// Decree 30 App. I §II.6.e: line spacing between single and 1.5 lines.
/// Every paragraph gets an exact pitch of 1.2 × its size, rounded to whole
/// points (14 → 17, 13 → 16, 12 → 14, 11 → 13), which lies in that range.
pub fn line_pitch(size: f32) -> f32 {
    (1.2 * size).round()
}

/// "Single" line spacing in em ([`decree::SINGLE_LINE_EM`]), in the layout's
/// `f32`: turns a `line_spacing` multiple into an exact pitch.
pub const SINGLE_SPACING_EM: f32 = decree::SINGLE_LINE_EM as f32;

/// Decree 30 App. I §II.6.e: default body size, 14 pt
/// ([`decree::BODY_SIZE_DEFAULT_PT`]).
pub const BODY_SIZE: f32 = decree::BODY_SIZE_DEFAULT_PT;
/// Decree 30 App. I §II.6.e: first-line indent 1 cm or 1.27 cm; default 1 cm.
pub const BODY_INDENT_CM: f32 = 1.0;
/// Decree 30 App. I §II.6.e: at least 6 pt between paragraphs; 6 pt before
/// each body paragraph, 0 after.
pub const BODY_SPACE_BEFORE: f32 = 6.0;

/// Decree 30 App. I §II.1.a: national name 12–13 pt, upper case, bold; 13 pt
/// as in the App. III template (docs/decree30.md §6.5).
pub const NATIONAL_NAME: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
/// Decree 30 App. I §II.1.a: size of the national name (13 pt).
pub const NATIONAL_NAME_SIZE: f32 = 13.0;
/// Decree 30 App. I §II.1.b: the motto, hyphen-minus with spaces.
pub const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";
/// Decree 30 App. I §II.1.b: motto 13–14 pt bold; 14 pt as in the App. III template.
pub const MOTTO_SIZE: f32 = 14.0;
/// Decree 30 App. I §II.1.b: the rule under the motto is as long as the motto
/// line (factor of the measured motto width).
pub const MOTTO_RULE_RATIO: f32 = 1.0;
/// Decree 30 App. I §II.2.b: parent body 12–13 pt upper case regular; issuer
/// 12–13 pt upper case bold. 13 pt as in the App. III template.
pub const ISSUER_SIZE: f32 = 13.0;
/// Decree 30 App. I §II.2.b: the smaller allowed size (12 pt) of the parent
/// body's line, used when the line does not fit its column at
/// [`ISSUER_SIZE`] but fits at 12 pt (e.g. "ỦY BAN NHÂN DÂN HUYỆN BA TƠ").
pub const ISSUER_SIZE_SMALL: f32 = 12.0;
/// Decree 30 App. I §II.2.b: rule under the issuer, 1/3–1/2 of the name line,
/// centred; 0.4 of the longest issuer line.
pub const ISSUER_RULE_RATIO: f32 = 0.4;
/// Decree 30 App. I §II.3.c: "Số:" and the symbol, 13 pt upright.
pub const NUMBER_SIZE: f32 = 13.0;
/// Decree 30 App. I §II.4.c: place and date 13–14 pt italic; 14 pt as in the
/// App. III template.
pub const DATE_SIZE: f32 = 14.0;
/// Decree 30 App. I §II.4.c: the smaller allowed date size, used when the
/// line does not fit its column at 14 pt (long place names, docs/decree30.md §2.3).
pub const DATE_SIZE_SMALL: f32 = 13.0;
/// Decree 30 App. I §II.5.b: the công văn "V/v" summary, 12–13 pt regular; 13 pt.
pub const VV_SIZE: f32 = 13.0;
/// Decree 30 App. I §II.5.b: the "V/v" summary sits 6 pt below the number.
pub const VV_SPACE_BEFORE: f32 = 6.0;
/// Stroke of every rule. Not specified (docs/decree30.md §7); 0.5 pt.
pub const RULE_THICKNESS: f32 = 0.5;
/// Height of the block carrying a short rule (issuer, motto, title): the rule
/// sits this far below the line above. Not specified; 3 pt.
pub const RULE_BLOCK_HEIGHT: f32 = 3.0;
/// Space between the names/motto row and the number/date row of the header
/// grid. Not specified (docs/decree30.md §7); 6 pt.
pub const HEADER_ROW_GAP: f32 = 6.0;
/// Cell padding left and right of every grid and table: Word's default
/// 0.19 cm (108 twips). Not specified by the decree.
pub const CELL_PAD_X: f32 = 5.4;
/// Cell padding above and below in data tables. Not specified; 2 pt.
pub const DATA_CELL_PAD_Y: f32 = 2.0;
/// Width of the header grid's right column (boxes 1 and 4): it must hold the
/// national name at 13 pt bold (≈ 95.7 mm) plus padding (docs/decree30.md §2.2): 100 mm.
pub const HEADER_RIGHT_COL_MM: f32 = 100.0;
/// Decree 30 App. I §I.3 (margins) with §II.2.b: the header grid's text
/// lies within the text block (the grid reaches one cell padding,
/// [`CELL_PAD_X`], into each margin so its text is flush with the margins),
/// not in the margins as the official forms' tables do: no glyph may lie
/// more than this far outside the declared margins (checked by the
/// conformance module).
pub const MARGIN_TOLERANCE_MM: f32 = 1.0;

/// Decree 30 App. I §III.2: secrecy (10a), urgency (10b) and circulation (11)
/// marks, upper case 13–14 pt bold (sample 13).
pub const MARK_SIZE: f32 = 13.0;

/// Decree 30 App. I §II.5.b: type name 13–14 pt upper case bold centred; 14 pt.
pub const TITLE_SIZE: f32 = 14.0;
/// Space between the header grid and the type name. Not specified; 12 pt.
pub const TITLE_SPACE_BEFORE: f32 = 12.0;
/// Decree 30 App. I §II.5.b: rule under the summary, 1/3–1/2 of the line; 0.4.
pub const TITLE_RULE_RATIO: f32 = 0.4;
/// Longest summary line, as a share of the text width (balanced wrapping).
/// Not specified; 0.8.
pub const TITLE_MAX_LINE_RATIO: f32 = 0.8;
/// Space between the title block (or header grid) and what follows it
/// (Kính gửi, authority, body). Not specified; 12 pt.
pub const AFTER_TITLE_GAP: f32 = 12.0;

/// Decree 30 App. I §II.9.b: "Kính gửi:" 13–14 pt regular (same as body).
pub const KINH_GUI: &str = "Kính gửi:";
/// "Kính gửi:" starts 35 mm from the left margin, as in the App. III
/// template (first-line indent 1982 twips, docs/decree30.md §6b).
pub const KINH_GUI_INDENT_MM: f32 = 35.0;

/// Decree 30 App. I §II.6.c–đ: "Phần", "Chương" with Roman numerals, "Mục"
/// with Arabic numerals, bold centred; titles upper case bold centred.
pub const PART_WORD: &str = "Phần";
/// Decree 30 App. I §II.6.c: "Chương I".
pub const CHAPTER_WORD: &str = "Chương";
/// Decree 30 App. I §II.6.c: "Mục 1".
pub const SECTION_WORD: &str = "Mục";
/// Decree 30 App. I §II.6.c: "Điều 1." (Arabic numeral + ".").
pub const ARTICLE_WORD: &str = "Điều";

/// Data tables: body 13–14 pt is for text; table text size not specified.
/// 13 pt with a 16 pt pitch (tables commonly use the smaller size).
pub const TABLE_SIZE: f32 = 13.0;
/// Stroke of data-table borders. Not specified; 0.5 pt.
pub const TABLE_BORDER: f32 = 0.5;

/// Footnotes are not addressed by Decree 30 (docs/decree30.md §2.3): 12 pt notes.
pub const NOTE_SIZE: f32 = 12.0;
/// Exact pitch of note lines (12 pt → 14).
pub const NOTE_PITCH: f32 = 14.0;
/// Size of the reference mark in the text, as a share of the text size
/// (14 → 9 pt). Not specified.
pub const NOTE_REF_SIZE_RATIO: f32 = 0.65;
/// Rise of the reference mark, as a share of the text size, rounded to half points.
pub const NOTE_REF_RISE_RATIO: f32 = 0.33;
/// Size of the number at the start of a note.
pub const NOTE_MARK_SIZE: f32 = 8.0;
/// Rise of the number at the start of a note.
pub const NOTE_MARK_RISE: f32 = 4.0;
/// Footnote separator: Word's default 2-inch separator (144 pt); LibreOffice
/// imports the same. Not specified by the decree.
pub const NOTE_SEPARATOR_LENGTH: f32 = 144.0;
/// Exact height of the separator line.
pub const NOTE_SEPARATOR_HEIGHT: f32 = 12.0;

/// Decree 30 App. I §II.9.d: "Nơi nhận:" 12 pt bold italic.
pub const NOI_NHAN: &str = "Nơi nhận:";
/// Decree 30 App. I §II.9.d: size of "Nơi nhận:".
pub const NOI_NHAN_SIZE: f32 = 12.0;
/// Decree 30 App. I §II.9.d, §III.3: the recipient list, the "Lưu" line and
/// the drafter's initials, 11 pt regular.
pub const RECIPIENT_SIZE: f32 = 11.0;
/// Decree 30 App. I §II.7.đ: authority, title lines and name 13–14 pt bold; 14.
pub const SIGN_SIZE: f32 = 14.0;
/// Room for the signature and seal between the title and the name. Not
/// specified (docs/decree30.md §7); the model forms show 19–23 mm (docs/decree30.md §6b): 4 lines of
/// 17 pt = 68 pt ≈ 24 mm.
pub const SIGN_SPACE_LINES: u32 = 4;
/// Closing grid: left column (Nơi nhận) share of the text width; the App. III
/// forms use 32–38 % (docs/decree30.md §6.12): 35 %.
pub const CLOSING_LEFT_RATIO: f32 = 0.35;
/// Space between the body's end and the closing grid (top padding of its
/// cells). Not specified; 12 pt.
pub const CLOSING_GAP: f32 = 12.0;

/// Decree 30 App. I §III.4: contact footer 11–12 pt regular; 11 pt.
pub const CONTACT_SIZE: f32 = 11.0;

/// Decree 30 App. I §III.1.b: "Phụ lục" 14 pt bold centred; Roman numerals
/// when there are two or more (§III.1.a).
pub const APPENDIX_WORD: &str = "Phụ lục";
/// Decree 30 App. I §III.1.b: size of the "Phụ lục" line and the appendix title.
pub const APPENDIX_SIZE: f32 = 14.0;
/// Decree 30 App. I §III.1.c: reference line 13–14 pt italic; 14 pt.
pub const APPENDIX_REF_SIZE: f32 = 14.0;

/// Decree 30 App. I §II.8.b, §III.1.d: an appendix issued as a file of its
/// own carries the organisation's digital signature at the top right of its
/// first page, with the main document's number and symbol and the signing
/// time in 10 pt. The size of that box is not specified; 70 × 15 mm holds
/// three 10 pt lines of it.
pub const ATTACHMENT_SIGNATURE_WIDTH_MM: f32 = 70.0;
/// Height of the separate-file appendix's signature box (see
/// [`ATTACHMENT_SIGNATURE_WIDTH_MM`]).
pub const ATTACHMENT_SIGNATURE_HEIGHT_MM: f32 = 15.0;
/// Gap between that box and the text block under it, in the top margin
/// (not specified; 1 mm, so it fits the 20 mm minimum margin).
pub const ATTACHMENT_SIGNATURE_GAP_MM: f32 = 1.0;

/// Decree 30 App. I §I.7: page numbers 13–14 pt (sample 14).
pub const PAGE_NUMBER_SIZE: f32 = 14.0;
