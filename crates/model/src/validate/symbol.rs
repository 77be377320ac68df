//! Symbols, abbreviations and units ("QĐ-UBND", "UBND", "VP").

use crate::lang::Msg;

use super::text::excerpt;

/// Checks a symbol, abbreviation or unit: no spaces; letters (Đ included),
/// digits and "-", "/", "&", "." only.
pub(super) fn check_symbol(s: &str) -> Result<(), Msg> {
    if s.trim().is_empty() {
        return Err(Msg::new("đang để trống", "is empty"));
    }
    for (i, c) in s.chars().enumerate() {
        let ok = c.is_ascii_alphanumeric() || matches!(c, 'Đ' | 'đ' | '-' | '/' | '&' | '.');
        if !ok {
            let (what_vi, what_en) = if c.is_whitespace() {
                ("một dấu cách".to_string(), "a space".to_string())
            } else {
                let q = format!("\"{c}\" (U+{:04X})", c as u32);
                (q.clone(), q)
            };
            let ex = excerpt(s, i);
            return Err(Msg::new(
                format!(
                    "\"{s}\" có {what_vi} ở chỗ \"{ex}\"; ký hiệu chỉ gồm chữ cái (kể cả Đ), chữ số và \"-\", \"/\", \"&\", \".\", không có dấu cách"
                ),
                format!(
                    "\"{s}\" contains {what_en} at \"{ex}\"; a symbol is letters (Đ included), digits and \"-\", \"/\", \"&\", \".\" with no spaces"
                ),
            ));
        }
    }
    if s.starts_with(['-', '/']) || s.ends_with(['-', '/']) {
        return Err(Msg::new(
            format!("\"{s}\" bắt đầu hoặc kết thúc bằng \"-\" hay \"/\""),
            format!("\"{s}\" starts or ends with \"-\" or \"/\""),
        ));
    }
    Ok(())
}
