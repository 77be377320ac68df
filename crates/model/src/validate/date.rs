//! Dates: "YYYY", "YYYY-MM" or "YYYY-MM-DD", checked to be real.

use chrono::NaiveDate;

use crate::doc::PartialDate;
use crate::lang::Msg;

pub(super) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Earliest and latest accepted years (typos like "0202" or "20233" are caught).
pub(super) const YEARS: std::ops::RangeInclusive<i32> = 1900..=2999;

pub(super) fn parse_digits(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" into a real (partial) date.
pub(super) fn parse_date(s: &str, full_only: bool) -> Result<PartialDate, Msg> {
    let (hint_vi, hint_en) = if full_only {
        (
            "hãy viết YYYY-MM-DD, ví dụ \"2023-06-05\"",
            "write YYYY-MM-DD, e.g. \"2023-06-05\"",
        )
    } else {
        (
            "hãy viết YYYY-MM-DD (ví dụ \"2023-06-05\"), YYYY-MM để trống ngày cho văn thư điền, YYYY, hoặc null",
            "write YYYY-MM-DD (e.g. \"2023-06-05\"), YYYY-MM to leave the day blank for the clerk, YYYY, or null",
        )
    };
    let parts: Vec<&str> = s.split('-').collect();
    let lens: Vec<usize> = parts.iter().map(|p| p.len()).collect();
    let shape_ok = match lens.as_slice() {
        [4] | [4, 2] | [4, 2, 2] => parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())),
        _ => false,
    } && (!full_only || parts.len() == 3);
    if !shape_ok {
        return Err(Msg::new(
            format!("\"{s}\" không phải là ngày tháng viết theo dạng được hỗ trợ; {hint_vi}"),
            format!("\"{s}\" is not a date in a supported form; {hint_en}"),
        ));
    }
    let year = parts.first().and_then(|p| parse_digits(p)).unwrap_or(0);
    let month = parts.get(1).and_then(|p| parse_digits(p));
    let day = parts.get(2).and_then(|p| parse_digits(p));
    let year = i32::try_from(year).unwrap_or(0);
    if !YEARS.contains(&year) {
        let (lo, hi) = (YEARS.start(), YEARS.end());
        return Err(Msg::new(
            format!("{s}: năm {year} có vẻ gõ nhầm (vanban nhận các năm {lo}–{hi})"),
            format!("{s}: the year {year} looks mistyped (vanban accepts {lo}–{hi})"),
        ));
    }
    if let Some(m) = month
        && !(1..=12).contains(&m)
    {
        return Err(Msg::new(
            format!("{s} không phải là ngày có thật (không có tháng {m})"),
            format!("{s} is not a real date (there is no month {m})"),
        ));
    }
    if let (Some(m), Some(d)) = (month, day) {
        if d == 0 {
            return Err(Msg::new(
                format!("{s} không phải là ngày có thật (không có ngày 0)"),
                format!("{s} is not a real date (there is no day 0)"),
            ));
        }
        if NaiveDate::from_ymd_opt(year, m, d).is_none() {
            let days = (28..=31)
                .rev()
                .find(|&n| NaiveDate::from_ymd_opt(year, m, n).is_some())
                .unwrap_or(28);
            let name = MONTHS
                .get((m as usize).saturating_sub(1))
                .copied()
                .unwrap_or("this month");
            return Err(Msg::new(
                format!("{s} không phải là ngày có thật (tháng {m} năm {year} có {days} ngày)"),
                format!("{s} is not a real date ({name} {year} has {days} days)"),
            ));
        }
    }
    Ok(PartialDate {
        year: Some(year),
        month,
        day,
    })
}
