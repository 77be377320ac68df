//! The Decree 30/2020/NĐ-CP facts that more than one crate reads: the
//! input validation (this crate), the style and the conformance checks
//! (layout) and the DOCX defaults (docx). Each is stated here once, with
//! its unit and its clause; docs/decree30.md gives the sources. Facts only
//! one crate needs stay with it (e.g. the header sizes in layout's
//! `style::rules`).
//!
//! They live in the model crate because it is the bottom of the workspace:
//! validation must read them and the model cannot depend on layout.

use std::ops::RangeInclusive;

/// Top margin, in millimetres: 20–25 mm (App. I §I.3; docs/decree30.md §1).
pub const MARGIN_TOP_MM: RangeInclusive<f32> = 20.0..=25.0;
/// Bottom margin, in millimetres: 20–25 mm (App. I §I.3; docs/decree30.md §1).
pub const MARGIN_BOTTOM_MM: RangeInclusive<f32> = 20.0..=25.0;
/// Left margin, in millimetres: 30–35 mm (App. I §I.3; docs/decree30.md §1).
pub const MARGIN_LEFT_MM: RangeInclusive<f32> = 30.0..=35.0;
/// Right margin, in millimetres: 15–20 mm (App. I §I.3; docs/decree30.md §1).
pub const MARGIN_RIGHT_MM: RangeInclusive<f32> = 15.0..=20.0;

/// Body text size, in points: 13–14 pt (App. I §II.6.e; docs/decree30.md
/// §2.3 "Body (box 6)"). Validation accepts the two ends only.
pub const BODY_SIZE_PT: RangeInclusive<f32> = 13.0..=14.0;
/// Default body text size, in points: 14 pt, the size of the decree's
/// sample (App. I §II.6.e; docs/decree30.md §2.3 "Body (box 6)").
pub const BODY_SIZE_DEFAULT_PT: f32 = 14.0;

/// The typeface: the Vietnamese Times New Roman, Unicode per TCVN 6909:2001
/// (App. I §I.4; docs/decree30.md §1). The family name written into the
/// DOCX and the PDF font names; the bundled Liberation Serif has its metrics.
pub const FONT_FAMILY: &str = "Times New Roman";

/// "Single" line spacing of a Times-metric face in Word and LibreOffice, in
/// em: ascent 0.891 + descent 0.216 + line gap 0.042 (docs/traps.md). The
/// decree asks for line spacing "from single to 1.5 lines" (App. I §II.6.e;
/// docs/decree30.md §2.3 "Body (box 6)"): this is the lower bound of an exact
/// pitch, and turns a `line_spacing` multiple into one.
pub const SINGLE_LINE_EM: f64 = 1.149;
