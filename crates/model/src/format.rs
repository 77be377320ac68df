//! Pure Vietnamese formatting helpers used by layout: the number line
//! ("Số: 05/BC-UBND"), the place-and-date line ("Ba Tô, ngày 05 tháng 6 năm
//! 2023"), derived symbols, Roman numerals and the Vietnamese point letters.
//!
//! Nothing here measures text or knows about fonts; parts left blank for the
//! clerk come back as [`Piece::Blank`] so each backend can draw them as it
//! likes (runs of spaces, a dotted leader, …).

use crate::doc::PartialDate;
use crate::doctype::DocType;

/// Which part of the number or date line a blank stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BlankKind {
    /// The document number, filled in by the clerk at issuance (box 3).
    Number,
    /// The day of the date (box 4).
    Day,
    /// The month of the date (box 4).
    Month,
    /// The year of the date (box 4).
    Year,
}

/// A piece of a formatted line: text, or a blank left for the clerk.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Piece {
    /// Literal text (NFC).
    Text(String),
    /// A blank of the given kind, as wide as this many U+0020 spaces.
    Blank(BlankKind, u32),
}

/// Width of the number blank in spaces: "Số:        /QĐ-UBND". Room for a
/// handwritten or stamped number of up to four digits (the model forms of
/// Decree 30 App. III leave "Số:   /…" open for the clerk, D Art. 15.2).
pub const NUMBER_BLANK_SPACES: u32 = 8;
/// Width of the day blank in spaces: room for two handwritten digits with the
/// pen's margin on both sides ("ngày      tháng …").
pub const DAY_BLANK_SPACES: u32 = 5;
/// Width of the month blank in spaces: room for two digits ("12", 14 pt
/// italic: 14 pt) with the pen's margin, as the day blank.
pub const MONTH_BLANK_SPACES: u32 = 5;
/// Width of the year blank in spaces: room for four digits ("2026", 14 pt
/// italic: 28 pt) with the pen's margin (10 spaces: 35 pt). Six spaces
/// (21 pt) left `vanban issue` unable to write a year into the blank.
pub const YEAR_BLANK_SPACES: u32 = 10;

/// Default diameter of the organisation's seal in mm. The seal image goes
/// on the electronic document "at the seal's actual size", over about the
/// left third of the signature (Decree 30 App. I §II.8.a); the decree gives
/// no size, so the size is the real seal's: round seals are 35–40 mm across.
pub const SEAL_MM_DEFAULT: f32 = 36.0;
/// Smallest seal diameter accepted in `signature.seal_mm`, in mm.
pub const SEAL_MM_MIN: f32 = 30.0;
/// Largest seal diameter accepted in `signature.seal_mm`, in mm.
pub const SEAL_MM_MAX: f32 = 45.0;

/// Pushes text onto `pieces`, merging with a preceding text piece.
fn push_text(pieces: &mut Vec<Piece>, s: &str) {
    if s.is_empty() {
        return;
    }
    if let Some(Piece::Text(last)) = pieces.last_mut() {
        last.push_str(s);
    } else {
        pieces.push(Piece::Text(s.to_string()));
    }
}

/// The day as printed: 1–9 padded to 01–09 (Decree 30 App. I §II.4.b).
pub fn day_text(day: u32) -> String {
    format!("{day:02}")
}

/// The month as printed: January and February padded to 01 and 02, March to
/// December not (Decree 30 App. I §II.4.b: "tháng 01", "tháng 6").
pub fn month_text(month: u32) -> String {
    if month <= 2 {
        format!("{month:02}")
    } else {
        month.to_string()
    }
}

/// The document number as printed: 1–9 padded to 01–09, 10 and above as is
/// (Decree 30 App. I §II.3.c).
pub fn number_text(number: u32) -> String {
    format!("{number:02}")
}

/// The place-and-date line of box 4, e.g. "Ba Tô, ngày 05 tháng 01 năm 2020".
///
/// Days below 10 and the months 1 and 2 are padded with a zero, months 3–12
/// are not (Decree 30 App. I §II.4.b). Missing parts become blanks:
/// `"Ba Tô, ngày "`, `Blank(Day)`, `" tháng 6 năm 2023"`.
pub fn date_line(place: &str, date: &PartialDate) -> Vec<Piece> {
    let mut pieces = Vec::with_capacity(5);
    push_text(&mut pieces, place);
    push_text(&mut pieces, ", ngày ");
    match date.day {
        Some(d) => push_text(&mut pieces, &day_text(d)),
        None => pieces.push(Piece::Blank(BlankKind::Day, DAY_BLANK_SPACES)),
    }
    push_text(&mut pieces, " tháng ");
    match date.month {
        Some(m) => push_text(&mut pieces, &month_text(m)),
        None => pieces.push(Piece::Blank(BlankKind::Month, MONTH_BLANK_SPACES)),
    }
    push_text(&mut pieces, " năm ");
    match date.year {
        Some(y) => push_text(&mut pieces, &y.to_string()),
        None => pieces.push(Piece::Blank(BlankKind::Year, YEAR_BLANK_SPACES)),
    }
    pieces
}

/// The number line of box 3, e.g. "Số: 05/BC-UBND"; `None` leaves the number
/// blank: `"Số: "`, `Blank(Number)`, `"/BC-UBND"`.
pub fn number_line(number: Option<u32>, symbol: &str) -> Vec<Piece> {
    let mut pieces = Vec::with_capacity(3);
    push_text(&mut pieces, "Số: ");
    match number {
        Some(n) => push_text(&mut pieces, &number_text(n)),
        None => pieces.push(Piece::Blank(BlankKind::Number, NUMBER_BLANK_SPACES)),
    }
    push_text(&mut pieces, "/");
    push_text(&mut pieces, symbol);
    pieces
}

/// Flattens pieces to a string, each blank as that many spaces.
pub fn pieces_to_string(pieces: &[Piece]) -> String {
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Blank(_, n) => {
                for _ in 0..*n {
                    out.push(' ');
                }
            }
        }
    }
    out
}

/// The date as ISO 8601 `YYYY-MM-DD` when all three parts are present
/// (for metadata: Decree 30 App. VI "IssuedDate").
pub fn date_iso(date: &PartialDate) -> Option<String> {
    match (date.year, date.month, date.day) {
        (Some(y), Some(m), Some(d)) => Some(format!("{y:04}-{m:02}-{d:02}")),
        _ => None,
    }
}

/// The symbol derived from the type and the issuer (Decree 30 App. I §II.3.b):
/// type abbreviation + "-" + issuer abbreviation ("BC-UBND", "QĐ-BNV"); for a
/// công văn or thư công, issuer abbreviation + "-" + drafting unit
/// ("UBND-VP"), or the issuer abbreviation alone when there is no unit
/// ("UBND", as in "Công văn số 1172/UBND").
pub fn derive_symbol(doc_type: DocType, abbr: &str, unit: Option<&str>) -> String {
    match doc_type.abbr() {
        Some(type_abbr) => format!("{type_abbr}-{abbr}"),
        None => match unit {
            Some(u) if !u.trim().is_empty() => format!("{abbr}-{u}"),
            _ => abbr.to_string(),
        },
    }
}

/// Upper-case Roman numeral ("I", "IV", "XII") for Phần, Chương, Phụ lục and
/// "I." headings. Numbers outside 1–3999 have no standard Roman form and are
/// returned in Arabic digits ("0", "4000").
pub fn roman(n: u32) -> String {
    if n == 0 || n > 3999 {
        return n.to_string();
    }
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut rest = n;
    let mut out = String::new();
    for (value, digits) in TABLE {
        while rest >= value {
            out.push_str(digits);
            rest -= value;
        }
    }
    out
}

/// The Vietnamese point letters in order (Decree 30 App. I §II.6.đ): no f, j,
/// w, z and no letters with diacritics except đ.
pub const POINT_LETTERS: [&str; 23] = [
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t",
    "u", "v", "x", "y",
];

/// Largest point number written with letters; beyond it [`point_letter`]
/// falls back to Arabic digits (ten rounds of doubled letters is already far
/// past any real document).
pub const MAX_LETTERED_POINT: u32 = 23 * 10;

/// The label of the n-th điểm (1-based) without its ")": 1 → "a", 5 → "đ",
/// 6 → "e", 7 → "g", 23 → "y".
///
/// The decree shows nothing past "o" (docs/decree30.md §2.3); after "y" this
/// continues with doubled letters "aa", "bb", … "yy", then tripled "aaa", …
/// (the convention of Vietnamese legal drafting tools), up to
/// [`MAX_LETTERED_POINT`]; larger numbers and 0 come back as Arabic digits.
/// Never panics.
pub fn point_letter(n: u32) -> String {
    if n == 0 || n > MAX_LETTERED_POINT {
        return n.to_string();
    }
    let index = ((n - 1) % 23) as usize;
    let times = ((n - 1) / 23 + 1) as usize;
    match POINT_LETTERS.get(index) {
        Some(letter) => letter.repeat(times),
        None => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: Option<i32>, m: Option<u32>, d: Option<u32>) -> PartialDate {
        PartialDate {
            year: y,
            month: m,
            day: d,
        }
    }

    #[test]
    fn decree_date_samples() {
        let s = pieces_to_string(&date_line("Hà Nội", &date(Some(2020), Some(1), Some(5))));
        assert_eq!(s, "Hà Nội, ngày 05 tháng 01 năm 2020");
        let s = pieces_to_string(&date_line(
            "Thành phố Hồ Chí Minh",
            &date(Some(2019), Some(6), Some(29)),
        ));
        assert_eq!(s, "Thành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019");
        let s = pieces_to_string(&date_line("Ba Tô", &date(Some(2023), Some(6), Some(5))));
        assert_eq!(s, "Ba Tô, ngày 05 tháng 6 năm 2023");
        let s = pieces_to_string(&date_line("X", &date(Some(2023), Some(2), Some(10))));
        assert_eq!(s, "X, ngày 10 tháng 02 năm 2023");
        let s = pieces_to_string(&date_line("X", &date(Some(2023), Some(12), Some(31))));
        assert_eq!(s, "X, ngày 31 tháng 12 năm 2023");
    }

    #[test]
    fn date_blanks() {
        let p = date_line("Ba Tô", &date(Some(2023), Some(6), None));
        assert_eq!(
            p,
            vec![
                Piece::Text("Ba Tô, ngày ".into()),
                Piece::Blank(BlankKind::Day, DAY_BLANK_SPACES),
                Piece::Text(" tháng 6 năm 2023".into()),
            ]
        );
        let p = date_line("A", &PartialDate::default());
        assert_eq!(
            p,
            vec![
                Piece::Text("A, ngày ".into()),
                Piece::Blank(BlankKind::Day, DAY_BLANK_SPACES),
                Piece::Text(" tháng ".into()),
                Piece::Blank(BlankKind::Month, MONTH_BLANK_SPACES),
                Piece::Text(" năm ".into()),
                Piece::Blank(BlankKind::Year, YEAR_BLANK_SPACES),
            ]
        );
        assert_eq!(
            pieces_to_string(&p),
            format!(
                "A, ngày {} tháng {} năm {}",
                " ".repeat(5),
                " ".repeat(5),
                " ".repeat(10)
            )
        );
    }

    #[test]
    fn decree_number_samples() {
        assert_eq!(
            pieces_to_string(&number_line(Some(15), "QĐ-BNV")),
            "Số: 15/QĐ-BNV"
        );
        assert_eq!(
            pieces_to_string(&number_line(Some(5), "BNV-VP")),
            "Số: 05/BNV-VP"
        );
        assert_eq!(
            pieces_to_string(&number_line(Some(12), "UBND-VX")),
            "Số: 12/UBND-VX"
        );
        assert_eq!(
            pieces_to_string(&number_line(Some(125), "UBND-VP")),
            "Số: 125/UBND-VP"
        );
        assert_eq!(
            number_line(None, "BC-UBND"),
            vec![
                Piece::Text("Số: ".into()),
                Piece::Blank(BlankKind::Number, NUMBER_BLANK_SPACES),
                Piece::Text("/BC-UBND".into()),
            ]
        );
    }

    #[test]
    fn iso() {
        assert_eq!(
            date_iso(&date(Some(2020), Some(1), Some(5))).as_deref(),
            Some("2020-01-05")
        );
        assert_eq!(date_iso(&date(Some(2020), Some(1), None)), None);
    }

    #[test]
    fn symbols() {
        assert_eq!(derive_symbol(DocType::BaoCao, "UBND", None), "BC-UBND");
        assert_eq!(
            derive_symbol(DocType::QuyetDinh, "BNV", Some("VP")),
            "QĐ-BNV"
        );
        assert_eq!(derive_symbol(DocType::QuyDinh, "UBND", None), "QyĐ-UBND");
        assert_eq!(
            derive_symbol(DocType::CongVan, "UBND", Some("VP")),
            "UBND-VP"
        );
        assert_eq!(derive_symbol(DocType::CongVan, "UBND", None), "UBND");
        assert_eq!(derive_symbol(DocType::ThuCong, "BNV", Some("VP")), "BNV-VP");
    }

    #[test]
    fn romans() {
        let cases = [
            (1, "I"),
            (2, "II"),
            (4, "IV"),
            (9, "IX"),
            (14, "XIV"),
            (40, "XL"),
            (1999, "MCMXCIX"),
            (3999, "MMMCMXCIX"),
            (0, "0"),
            (4000, "4000"),
        ];
        for (n, r) in cases {
            assert_eq!(roman(n), r);
        }
        assert_eq!(roman(u32::MAX), u32::MAX.to_string());
    }

    #[test]
    fn letters() {
        assert_eq!(point_letter(1), "a");
        assert_eq!(point_letter(4), "d");
        assert_eq!(point_letter(5), "đ");
        assert_eq!(point_letter(6), "e");
        assert_eq!(point_letter(7), "g");
        assert_eq!(point_letter(14), "o");
        assert_eq!(point_letter(23), "y");
        assert_eq!(point_letter(24), "aa");
        assert_eq!(point_letter(28), "đđ");
        assert_eq!(point_letter(47), "aaa");
        assert_eq!(point_letter(0), "0");
        assert_eq!(point_letter(MAX_LETTERED_POINT), "y".repeat(10));
        assert_eq!(point_letter(MAX_LETTERED_POINT + 1), "231");
        assert_eq!(point_letter(u32::MAX), u32::MAX.to_string());
        for n in 1..=23 {
            let l = point_letter(n);
            assert!(!["f", "j", "w", "z"].contains(&l.as_str()));
        }
    }
}
