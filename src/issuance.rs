//! The clerk's step of issuance (Decree 30 Art. 15.3, App. I §II.7): give
//! the document its number and issue date after the leader has signed.
//!
//! [`issue`] fills the text fields vanban put over the blanks
//! ([`vanban_pdf::form`]: `SoKyHieu`, `NgayBanHanh`, and `ThangBanHanh`,
//! `NamBanHanh` when the month or year was blank) in one incremental update
//! ([`vanban_pdf::issue`]), so every signature made before stays valid. The
//! number and date are written as the decree writes them
//! ([`vanban_model::format`]): numbers and days below 10 with a leading
//! zero, months 01 and 02 padded, 3–12 not. Every part of the date that is
//! printed (not a field) must equal the given date.

use chrono::{Datelike, NaiveDate};
use vanban_model::format::{day_text, month_text, number_text};
use vanban_model::lang::{Lang, Msg};
use vanban_pdf::form::{FIELD_DAY, FIELD_MONTH, FIELD_NUMBER, FIELD_YEAR};
use vanban_pdf::issue::{FillError, eoffice_value, fill_text_fields, text_fields_in};

/// What the clerk gives: the number and the issue date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IssueRequest {
    /// The document's number in its register (1 or more).
    pub number: u32,
    /// The issue date.
    pub date: NaiveDate,
}

/// Why a PDF was not issued. [`IssueError::message`] gives the text in
/// Vietnamese or English.
#[derive(Debug, Clone, PartialEq)]
pub enum IssueError {
    /// Not a PDF vanban can read.
    Unreadable(String),
    /// The PDF has none of the fields (rendered with `--no-sign-fields`,
    /// not by vanban, or number and date already printed).
    NoFields,
    /// A field already holds a value: the file was issued.
    AlreadyIssued {
        /// Field name.
        field: String,
        /// Its value.
        value: String,
    },
    /// The number is 0.
    ZeroNumber,
    /// A value does not fit its field (too many digits or too wide).
    DoesNotFit {
        /// Field name.
        field: String,
        /// The value.
        value: String,
    },
    /// The date contradicts a printed part of the date.
    DateContradicts {
        /// "month", "year" or "day" (English; the message translates).
        part: &'static str,
        /// The printed value.
        printed: u32,
        /// The given value.
        given: u32,
    },
    /// A part of the date is printed but cannot be read from the file.
    PrintedDateUnknown,
    /// The number is printed (no number field) and differs.
    NumberContradicts {
        /// The printed number.
        printed: String,
        /// The given number.
        given: u32,
    },
    /// Another problem with a field (its font).
    Field(String),
}

impl IssueError {
    /// The message, in both languages.
    pub fn msg(&self) -> Msg {
        match self {
            IssueError::Unreadable(e) => Msg::new(
                format!("không đọc được tệp PDF: {e}"),
                format!("cannot read the PDF: {e}"),
            ),
            IssueError::NoFields => Msg::new(
                "tệp PDF không có trường số và ngày ban hành (SoKyHieu, NgayBanHanh): \
                 hãy xuất lại văn bản bằng vanban với số và ngày để trống, không dùng --no-sign-fields",
                "the PDF has no number and date fields (SoKyHieu, NgayBanHanh): render the \
                 document with vanban, number and day left blank, without --no-sign-fields",
            ),
            IssueError::AlreadyIssued { field, value } => Msg::new(
                format!("văn bản đã được cấp số và ngày: trường {field} đã có giá trị \"{value}\""),
                format!("the document was already issued: field {field} holds \"{value}\""),
            ),
            IssueError::ZeroNumber => Msg::new(
                "số văn bản phải từ 1 trở lên",
                "the document number must be 1 or more",
            ),
            IssueError::DoesNotFit { field, value } => Msg::new(
                format!("\"{value}\" không vừa chỗ trống của trường {field}"),
                format!("\"{value}\" does not fit the blank of field {field}"),
            ),
            IssueError::DateContradicts {
                part,
                printed,
                given,
            } => {
                let vi = match *part {
                    "day" => "ngày",
                    "month" => "tháng",
                    _ => "năm",
                };
                Msg::new(
                    format!(
                        "ngày ban hành mâu thuẫn với văn bản: {vi} in sẵn là {printed}, \
                         ngày đưa vào có {vi} {given}"
                    ),
                    format!(
                        "the issue date contradicts the document: the printed {part} is \
                         {printed}, the given date has {given}"
                    ),
                )
            }
            IssueError::PrintedDateUnknown => Msg::new(
                "không đọc được ngày in sẵn trong tệp PDF để đối chiếu",
                "cannot read the printed date from the PDF to check the given one against it",
            ),
            IssueError::NumberContradicts { printed, given } => Msg::new(
                format!("văn bản đã in số {printed}, khác số {given} đưa vào"),
                format!("the document already prints number {printed}, not {given}"),
            ),
            IssueError::Field(e) => Msg::new(
                format!("không điền được trường: {e}"),
                format!("cannot fill the field: {e}"),
            ),
        }
    }

    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        self.msg().get(lang).to_owned()
    }
}

impl std::fmt::Display for IssueError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::Vi))
    }
}

impl std::error::Error for IssueError {}

/// The number after "tháng"/"năm" in a field label ("… tháng 6 năm 2023").
fn after(label: &str, word: &str) -> Option<u32> {
    let at = label.rfind(word)? + word.len();
    let digits: String = label[at..]
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// Fills the number and date fields of `pdf` (see the module
/// documentation) and returns the issued file: `pdf` followed by one
/// incremental update.
pub fn issue(pdf: &[u8], req: &IssueRequest) -> Result<Vec<u8>, IssueError> {
    let fields = text_fields_in(pdf).map_err(|e| IssueError::Unreadable(e.to_string()))?;
    let ours = [FIELD_NUMBER, FIELD_DAY, FIELD_MONTH, FIELD_YEAR];
    let found: Vec<_> = fields
        .iter()
        .filter(|f| ours.contains(&f.name.as_str()))
        .collect();
    if found.is_empty() {
        return Err(IssueError::NoFields);
    }
    if let Some(f) = found.iter().find(|f| f.value.is_some()) {
        return Err(IssueError::AlreadyIssued {
            field: f.name.clone(),
            value: f.value.clone().unwrap_or_default(),
        });
    }
    if req.number == 0 {
        return Err(IssueError::ZeroNumber);
    }
    let has = |n: &str| found.iter().find(|f| f.name == n);
    let (y, m, d) = (
        u32::try_from(req.date.year()).unwrap_or(0),
        req.date.month(),
        req.date.day(),
    );
    let mut values: Vec<(&str, String)> = Vec::new();
    match has(FIELD_NUMBER) {
        Some(_) => values.push((FIELD_NUMBER, number_text(req.number))),
        None => {
            // The number is printed: it must be the given one.
            if let Some(p) = eoffice_value(pdf, "CodeNumber")
                && p.parse::<u32>().ok() != Some(req.number)
            {
                return Err(IssueError::NumberContradicts {
                    printed: p,
                    given: req.number,
                });
            }
        }
    }
    // The printed parts of the date: from the day field's label when the
    // day is blank ("… tháng 6 năm 2023"), else from the XMP IssuedDate
    // (written for full dates only).
    let printed: Option<(Option<u32>, Option<u32>, Option<u32>)> = match has(FIELD_DAY) {
        Some(f) => {
            let label = f.label.as_deref().unwrap_or("");
            Some((after(label, "năm"), after(label, "tháng"), None))
        }
        None => eoffice_value(pdf, "IssuedDate").and_then(|v| {
            let p: Vec<u32> = v.split('-').filter_map(|x| x.parse().ok()).collect();
            match p.as_slice() {
                [y, m, d] => Some((Some(*y), Some(*m), Some(*d))),
                _ => None,
            }
        }),
    };
    let mut check = |part: &'static str,
                     field: &'static str,
                     given: u32,
                     text: String,
                     printed: Option<u32>|
     -> Result<(), IssueError> {
        if has(field).is_some() {
            values.push((field, text));
            return Ok(());
        }
        match printed {
            Some(p) if p == given => Ok(()),
            Some(p) => Err(IssueError::DateContradicts {
                part,
                printed: p,
                given,
            }),
            None => Err(IssueError::PrintedDateUnknown),
        }
    };
    let (py, pm, pd) = printed.unwrap_or((None, None, None));
    check("day", FIELD_DAY, d, day_text(d), pd)?;
    check("month", FIELD_MONTH, m, month_text(m), pm)?;
    check("year", FIELD_YEAR, y, y.to_string(), py)?;
    fill_text_fields(pdf, &values).map_err(|e| match e {
        FillError::Malformed(m) => IssueError::Unreadable(m),
        FillError::NoField(_) => IssueError::NoFields,
        FillError::AlreadyFilled { name, value } => {
            IssueError::AlreadyIssued { field: name, value }
        }
        FillError::TooLong { name, value, .. } | FillError::TooWide { name, value, .. } => {
            IssueError::DoesNotFit { field: name, value }
        }
        FillError::Font { .. } => IssueError::Field(e.to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_numbers() {
        let l = "Ba Tô, ngày … tháng 6 năm 2023";
        assert_eq!(after(l, "tháng"), Some(6));
        assert_eq!(after(l, "năm"), Some(2023));
        assert_eq!(after("ngày … tháng … năm 2023", "tháng"), None);
    }

    #[test]
    fn messages_in_both_languages() {
        let e = IssueError::AlreadyIssued {
            field: "SoKyHieu".into(),
            value: "58".into(),
        };
        assert!(e.message(Lang::Vi).contains("đã được cấp số"));
        assert!(e.message(Lang::En).contains("already issued"));
    }
}
