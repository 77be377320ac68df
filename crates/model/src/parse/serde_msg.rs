//! serde's error messages made readable: the JSON path, tidy quotes, a
//! character column, and a hint in both languages.

use crate::lang::Msg;

use super::error::{Error, ErrorKind};
use super::limits::MAX_DEPTH;

/// Renders a serde_path_to_error path as `a.b[3].c` (root = "").
pub(super) fn render_path(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for seg in path.iter() {
        match seg {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Segment::Enum { variant } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(variant);
            }
            Segment::Unknown => {}
        }
    }
    out
}

pub(super) fn serde_error(json: &str, path: String, e: &serde_json::Error) -> Error {
    use serde_json::error::Category;
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let base = tidy_serde_message(full.strip_suffix(&suffix).unwrap_or(&full));
    let (kind, message) = match e.classify() {
        Category::Eof => (
            ErrorKind::Syntax,
            Msg::new(
                format!(
                    "JSON kết thúc quá sớm ({}); thiếu một dấu đóng ngoặc vuông, ngoặc nhọn hoặc ngoặc kép",
                    crate::hint::syntax_vi(&base)
                ),
                format!(
                    "the JSON ends too early ({base}); a closing bracket, brace or quote is missing"
                ),
            ),
        ),
        Category::Syntax if base.contains("recursion limit") => (
            ErrorKind::Limit,
            Msg::new(
                format!(
                    "lồng quá sâu ({}); các khối chỉ được lồng nhau tối đa {MAX_DEPTH} tầng",
                    crate::hint::syntax_vi(&base)
                ),
                format!("nested too deeply ({base}); blocks may nest at most {MAX_DEPTH} deep"),
            ),
        ),
        Category::Syntax | Category::Io => (
            ErrorKind::Syntax,
            Msg::new(
                format!("JSON không hợp lệ: {}", crate::hint::syntax_vi(&base)),
                format!("invalid JSON: {base}"),
            ),
        ),
        Category::Data => (ErrorKind::Structure, crate::hint::data_message(&base)),
    };
    let mut err = Error::new(kind, path, message);
    let (mut line, mut column) = (e.line(), e.column());
    let mut char_col = None;
    if base.starts_with("control character") && column == 0 && line > 1 {
        // A raw line break inside a string: serde points at the start of
        // the next line; the break is at the end of this one.
        line -= 1;
        let text = crate::hint::line_text(json, line).unwrap_or("");
        char_col = Some(text.chars().count() + 1);
        column = text.len() + 1;
    }
    if line > 0 {
        err.line = Some(line);
        if column > 0 {
            err.column = Some(char_col.unwrap_or_else(|| char_column(json, line, column)));
        }
        if matches!(e.classify(), Category::Syntax | Category::Eof) {
            let col = err.column.unwrap_or(1);
            err.hint = crate::hint::syntax_hint(json, &base, line, col);
            err.source_line = crate::hint::line_text(json, line).map(str::to_string);
        }
    }
    err
}

/// Replaces serde's backquotes: names and strings get double quotes, numbers
/// and literals none (`integer \`1\`` → `integer 1`).
pub(super) fn tidy_serde_message(msg: &str) -> String {
    let mut out = String::with_capacity(msg.len());
    for (i, part) in msg.split('`').enumerate() {
        let bare =
            i % 2 == 0 || part.parse::<f64>().is_ok() || matches!(part, "true" | "false" | "null");
        if bare {
            out.push_str(part);
        } else {
            out.push('"');
            out.push_str(part);
            out.push('"');
        }
    }
    out
}

/// Converts serde_json's byte column on a 1-based line to a character column.
pub(super) fn char_column(json: &str, line: usize, byte_column: usize) -> usize {
    let Some(text) = json.split('\n').nth(line.saturating_sub(1)) else {
        return byte_column;
    };
    if byte_column == 0 {
        return 0;
    }
    text.char_indices()
        .take_while(|(i, _)| *i < byte_column)
        .count()
        .max(1)
}
