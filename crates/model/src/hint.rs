//! Messages made for people out of what serde_json says: serde's English
//! error texts translated into both languages, "did you mean" for misspelt
//! field names and values (edit distance), hints for the JSON mistakes
//! people make by hand (curly quotes, a line break or a `"` inside a
//! string, `\*`, a missing comma), and the offending line with a caret.

use crate::lang::Msg;

/// Most edits between a misspelt name and a suggestion (and at most a third
/// of the name's length, so short names do not match everything).
const MAX_EDITS: usize = 3;

/// Levenshtein distance between two strings, in characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The candidate closest to `word` (case, `-` and spaces ignored), if it
/// is close enough to be what was meant.
pub fn did_you_mean<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let norm = |s: &str| s.to_lowercase().replace(['-', ' '], "_");
    let w = norm(word);
    let limit = MAX_EDITS.min(w.chars().count().div_ceil(3).max(1));
    candidates
        .iter()
        .map(|c| (edit_distance(&w, &norm(c)), *c))
        .filter(|(d, c)| *d <= limit && *c != word)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Splits `"a", "b", "c"` (serde's list after "expected one of") into names.
fn quoted_list(s: &str) -> Vec<&str> {
    s.split(", ")
        .map(|p| p.trim().trim_matches('"'))
        .filter(|p| !p.is_empty())
        .collect()
}

/// The first `"…"` in `s` and the rest after it.
fn first_quoted(s: &str) -> Option<(&str, &str)> {
    let start = s.find('"')? + 1;
    let len = s.get(start..)?.find('"')?;
    Some((s.get(start..start + len)?, s.get(start + len + 1..)?))
}

/// A serde "expected …" phrase in Vietnamese (our visitors' texts and
/// serde's own); unknown phrases are kept as they are.
fn expected_vi(e: &str) -> String {
    let known: &[(&str, &str)] = &[
        (
            "a JSON object describing one document",
            "một đối tượng JSON mô tả một văn bản",
        ),
        ("a whole number", "một số nguyên"),
        ("a string", "một chuỗi"),
        ("a sequence", "một mảng [ … ]"),
        ("a boolean", "true hoặc false"),
        ("a map", "một đối tượng { … }"),
        ("f64", "một số"),
        ("f32", "một số"),
        ("u32", "một số nguyên không âm"),
        ("u8", "một số nguyên không âm"),
        (
            "an issuer object {\"name\", \"abbr\", …}",
            "một đối tượng cơ quan ban hành {\"name\", \"abbr\", …}",
        ),
        (
            "a signature object {\"title\", \"name\", …}",
            "một đối tượng người ký {\"title\", \"name\", …}",
        ),
        (
            "an object {\"mode\", \"title\"}",
            "một đối tượng {\"mode\", \"title\"}",
        ),
        (
            "an object {\"initials\", \"copies\"}",
            "một đối tượng {\"initials\", \"copies\"}",
        ),
        ("a contact object", "một đối tượng thông tin liên hệ"),
        (
            "an appendix object {\"title\", \"body\"}",
            "một đối tượng phụ lục {\"title\", \"body\"}",
        ),
        ("a style object", "một đối tượng định dạng"),
        (
            "an object {\"top\", \"bottom\", \"left\", \"right\"}",
            "một đối tượng {\"top\", \"bottom\", \"left\", \"right\"}",
        ),
        (
            "an object {\"exact_pt\": points}",
            "một đối tượng {\"exact_pt\": số điểm}",
        ),
        ("a meta object", "một đối tượng siêu dữ liệu"),
        (
            "a table object {\"columns\", \"rows\", …}",
            "một đối tượng bảng {\"columns\", \"rows\", …}",
        ),
        (
            "a column object {\"title\", \"width\", \"align\"}",
            "một đối tượng cột {\"title\", \"width\", \"align\"}",
        ),
        (
            "a signature object, or an array of one or two signature objects",
            "một đối tượng người ký, hoặc một mảng một hay hai đối tượng người ký",
        ),
    ];
    // The block's expectation lists the kind keys (from the block kinds table).
    if let Some(keys) = e.strip_prefix("a block: a string, or an object with one of the keys ") {
        return format!("một khối: một chuỗi, hoặc một đối tượng có một trong các khóa {keys}");
    }
    for (en, vi) in known {
        if e == *en {
            return (*vi).to_string();
        }
    }
    e.to_string()
}

/// serde's "invalid type: X" subject in Vietnamese.
fn unexpected_vi(u: &str) -> String {
    let pairs: &[(&str, &str)] = &[
        ("map", "một đối tượng { … }"),
        ("sequence", "một mảng [ … ]"),
        ("null", "null"),
        ("unit value", "null"),
        ("string ", "chuỗi "),
        ("integer ", "số nguyên "),
        ("floating point ", "số thực "),
        ("boolean ", "giá trị "),
    ];
    for (en, vi) in pairs {
        if u == *en {
            return (*vi).to_string();
        }
        if en.ends_with(' ')
            && let Some(rest) = u.strip_prefix(en)
        {
            return format!("{vi}{rest}");
        }
    }
    u.to_string()
}

/// A serde data error (after [`crate::parse`] tidied the quotes) in both
/// languages, with "did you mean" for unknown fields and variants.
pub(crate) fn data_message(base: &str) -> Msg {
    if let Some(rest) = base.strip_prefix("unknown field ")
        && let Some((name, tail)) = first_quoted(rest)
    {
        let list = tail
            .strip_prefix(", expected one of ")
            .or_else(|| tail.strip_prefix(", expected "))
            .map(quoted_list)
            .unwrap_or_default();
        let guess = did_you_mean(name, &list);
        let (g_vi, g_en) = match guess {
            Some(g) => (
                format!(" (có phải ý bạn là \"{g}\"?)"),
                format!(" (did you mean \"{g}\"?)"),
            ),
            None => (String::new(), String::new()),
        };
        let names = list
            .iter()
            .map(|n| format!("\"{n}\""))
            .collect::<Vec<_>>()
            .join(", ");
        return if list.is_empty() {
            Msg::new(
                format!(
                    "không có trường \"{name}\" ở đây{g_vi}; đối tượng này không có trường nào"
                ),
                format!("unknown field \"{name}\"{g_en}, there are no fields"),
            )
        } else {
            Msg::new(
                format!("không có trường \"{name}\"{g_vi}; các trường dùng được: {names}"),
                format!("unknown field \"{name}\"{g_en}, expected one of {names}"),
            )
        };
    }
    if let Some(rest) = base.strip_prefix("unknown variant ")
        && let Some((name, tail)) = first_quoted(rest)
    {
        let list = tail
            .strip_prefix(", expected one of ")
            .or_else(|| tail.strip_prefix(", expected "))
            .map(quoted_list)
            .unwrap_or_default();
        let names = list
            .iter()
            .map(|n| format!("\"{n}\""))
            .collect::<Vec<_>>()
            .join(", ");
        let (g_vi, g_en) = match did_you_mean(name, &list) {
            Some(g) => (
                format!(" (có phải ý bạn là \"{g}\"?)"),
                format!(" (did you mean \"{g}\"?)"),
            ),
            None => (String::new(), String::new()),
        };
        return Msg::new(
            format!("giá trị \"{name}\" không hợp lệ{g_vi}; các giá trị dùng được: {names}"),
            format!("unknown value \"{name}\"{g_en}, expected one of {names}"),
        );
    }
    if let Some(rest) = base.strip_prefix("missing field ")
        && let Some((name, _)) = first_quoted(rest)
    {
        return Msg::new(
            format!("thiếu trường \"{name}\""),
            format!("missing field \"{name}\""),
        );
    }
    if let Some(rest) = base.strip_prefix("duplicate field ")
        && let Some((name, _)) = first_quoted(rest)
    {
        return Msg::new(
            format!("trường \"{name}\" được ghi hai lần; hãy giữ một"),
            format!("duplicate field \"{name}\""),
        );
    }
    if let Some(rest) = base.strip_prefix("invalid type: ")
        && let Some((got, want)) = rest.split_once(", expected ")
    {
        return Msg::new(
            format!(
                "sai kiểu: gặp {}, cần {}",
                unexpected_vi(got),
                expected_vi(want)
            ),
            base,
        );
    }
    if let Some(rest) = base.strip_prefix("invalid value: ")
        && let Some((got, want)) = rest.split_once(", expected ")
    {
        return Msg::new(
            format!(
                "giá trị không hợp lệ: {}, cần {}",
                unexpected_vi(got),
                expected_vi(want)
            ),
            base,
        );
    }
    if let Some(rest) = base.strip_prefix("invalid length ")
        && let Some((got, want)) = rest.split_once(", expected ")
    {
        return Msg::new(
            format!("độ dài {got} không hợp lệ, cần {}", expected_vi(want)),
            base,
        );
    }
    Msg::new(format!("dữ liệu không đúng dạng: {base}"), base)
}

/// serde_json's syntax message (e.g. "expected value") in Vietnamese.
pub(crate) fn syntax_vi(base: &str) -> String {
    let pairs: &[(&str, &str)] = &[
        ("expected value", "cần một giá trị"),
        ("expected ident", "cần true, false hoặc null"),
        ("expected \",\" or \"]\"", "cần dấu \",\" hoặc \"]\""),
        ("expected \",\" or \"}\"", "cần dấu \",\" hoặc \"}\""),
        ("expected \":\"", "cần dấu \":\""),
        (
            "key must be a string",
            "tên trường phải là một chuỗi trong dấu ngoặc kép",
        ),
        ("trailing comma", "thừa dấu phẩy ở cuối"),
        (
            "trailing characters",
            "còn ký tự thừa sau khi văn bản đã kết thúc",
        ),
        ("invalid escape", "chuỗi thoát (\\) không hợp lệ"),
        ("invalid number", "số không hợp lệ"),
        ("number out of range", "số vượt quá giới hạn"),
        ("invalid unicode code point", "mã Unicode không hợp lệ"),
        (
            "lone leading surrogate in hex escape",
            "mã \\u đơn lẻ không thành cặp (surrogate)",
        ),
        ("unexpected end of hex escape", "mã \\u không trọn vẹn"),
        (
            "control character (\\u0000-\\u001F) found while parsing a string",
            "có ký tự điều khiển (U+0000–U+001F) trong chuỗi",
        ),
        (
            "EOF while parsing a string",
            "hết dữ liệu khi đang đọc một chuỗi",
        ),
        (
            "EOF while parsing a value",
            "hết dữ liệu khi đang đọc một giá trị",
        ),
        (
            "EOF while parsing an object",
            "hết dữ liệu khi đang đọc một đối tượng",
        ),
        (
            "EOF while parsing a list",
            "hết dữ liệu khi đang đọc một mảng",
        ),
        ("recursion limit exceeded", "vượt giới hạn lồng nhau"),
    ];
    for (en, vi) in pairs {
        if base == *en {
            return (*vi).to_string();
        }
    }
    base.to_string()
}

/// The text of 1-based `line` of `json` (without its line ending).
pub(crate) fn line_text(json: &str, line: usize) -> Option<&str> {
    json.split('\n')
        .nth(line.checked_sub(1)?)
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
}

/// A hint for a JSON syntax error at 1-based `line` and character `column`,
/// saying exactly what to type.
pub(crate) fn syntax_hint(json: &str, base: &str, line: usize, column: usize) -> Option<Msg> {
    let text = line_text(json, line)?;
    let chars: Vec<char> = text.chars().collect();
    let at = column.saturating_sub(1);
    let here = chars.get(at).copied();
    let curly = |c: char| matches!(c, '“' | '”' | '„' | '‟' | '‘' | '’' | '«' | '»');
    // Curly quotes where JSON wants a straight quote.
    if here.is_some_and(curly)
        || (base == "expected value" || base == "key must be a string")
            && chars.iter().skip(at).take(3).any(|c| curly(*c))
    {
        return Some(Msg::new(
            "dấu ngoặc kép cong “ ” (Word và điện thoại tự đổi) không dùng được làm dấu ngoặc của JSON: gõ dấu ngoặc kép thẳng \" quanh mọi tên trường và chuỗi, ví dụ \"place\": \"Ba Tô\"",
            "curly quotes “ ” (Word and phones type them) cannot be JSON quotes: type straight double quotes \" around every field name and string, e.g. \"place\": \"Ba Tô\"",
        ));
    }
    if base.starts_with("control character") {
        if at >= chars.len() {
            return Some(Msg::new(
                "chuỗi bị ngắt dòng (thường do dán từ Word): trong JSON một chuỗi phải nằm trên một dòng; nối dòng này với dòng sau và gõ \\n ở chỗ muốn xuống dòng",
                "a line break inside a string (often pasted from Word): in JSON a string stays on one line; join this line with the next and type \\n where the line should break",
            ));
        }
        if here == Some('\t') {
            return Some(Msg::new(
                "có ký tự tab trong chuỗi: thay bằng dấu cách (hoặc gõ \\t)",
                "a tab character inside a string: replace it with a space (or type \\t)",
            ));
        }
        return Some(Msg::new(
            "có ký tự điều khiển vô hình trong chuỗi: xóa nó đi",
            "an invisible control character inside a string: delete it",
        ));
    }
    if base == "invalid escape" {
        // serde points just after the bad escape's letter.
        let letter = chars
            .get(..at.min(chars.len()))
            .and_then(|b| {
                b.iter()
                    .rposition(|c| *c == '\\')
                    .and_then(|i| b.get(i + 1))
            })
            .copied()
            .or(here)
            .unwrap_or('*');
        return Some(Msg::new(
            format!(
                "trong chuỗi JSON, dấu \\ phải gõ thành \\\\: muốn có \\{letter} trong văn bản (ví dụ dấu * thường), gõ \\\\{letter}"
            ),
            format!(
                "in a JSON string a backslash is typed \\\\: to get \\{letter} into the text (e.g. a literal star), type \\\\{letter}"
            ),
        ));
    }
    let comma = base == "expected \",\" or \"}\"" || base == "expected \",\" or \"]\"";
    if comma {
        let close = if base.ends_with("\"}\"") { '}' } else { ']' };
        // What comes before the error, skipping spaces (on earlier lines too).
        let before: String = {
            let head: String = json
                .split('\n')
                .take(line.saturating_sub(1))
                .collect::<Vec<_>>()
                .join("\n");
            let cur: String = chars.iter().take(at).collect();
            format!("{head}\n{cur}")
        };
        let prev = before.trim_end().chars().last();
        let starts_value = here.is_some_and(|c| matches!(c, '"' | '{' | '[' | '-' | '0'..='9'))
            || here.is_none()
            || here.is_some_and(char::is_whitespace);
        if prev == Some('"') && here.is_some_and(|c| !starts_value && !matches!(c, ',' | '}' | ']'))
        {
            return Some(Msg::new(
                "có dấu ngoặc kép \" nằm trong chữ nên chuỗi bị đóng sớm: trong chuỗi, gõ \\\" cho mỗi dấu ngoặc kép, ví dụ \"về \\\"Tăng cường…\\\"\" (hoặc dùng ngoặc kép cong “ ” trong chữ)",
                "a double quote \" inside the text ends the string too early: inside a string type \\\" for each quote, e.g. \"về \\\"Tăng cường…\\\"\" (or use curly quotes “ ” in the text)",
            ));
        }
        // Where the comma goes: after the last non-space character before here.
        let trimmed = before.trim_end();
        let comma_line = trimmed.matches('\n').count() + 1;
        let tail: String = trimmed
            .rsplit('\n')
            .next()
            .unwrap_or("")
            .trim_start()
            .chars()
            .rev()
            .take(24)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        return Some(Msg::new(
            format!(
                "thiếu dấu phẩy: gõ dấu \",\" vào cuối dòng {comma_line}, ngay sau …{tail} (hoặc \"{close}\" nếu danh sách đã hết)"
            ),
            format!(
                "a comma is missing: type \",\" at the end of line {comma_line}, right after …{tail} (or \"{close}\" if the list ends there)"
            ),
        ));
    }
    if base.contains("hex escape") || base.contains("unicode code point") {
        return Some(Msg::new(
            "mã \\uXXXX ở đây không thành một ký tự (thường là nửa cặp surrogate \\ud800–\\udfff): gõ thẳng ký tự đó vào chuỗi, tệp UTF-8 không cần viết \\u",
            "the \\uXXXX escape here is not a character (often half a surrogate pair \\ud800–\\udfff): type the character itself; a UTF-8 file needs no \\u",
        ));
    }
    if base == "trailing comma" {
        return Some(Msg::new(
            "xóa dấu phẩy đứng ngay trước dấu đóng } hoặc ]",
            "delete the comma just before the closing } or ]",
        ));
    }
    if base == "key must be a string" && here == Some('\'')
        || base == "expected value" && here == Some('\'')
    {
        return Some(Msg::new(
            "JSON không dùng dấu nháy đơn ': gõ dấu ngoặc kép thẳng \" quanh tên trường và chuỗi",
            "JSON does not use single quotes ': type straight double quotes \" around field names and strings",
        ));
    }
    None
}

/// `line` shortened around 1-based character `column` for display, and the
/// caret line that points at it.
pub fn caret_line(line: &str, column: usize) -> (String, String) {
    const WINDOW: usize = 70;
    let chars: Vec<char> = line
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let at = column.saturating_sub(1).min(chars.len());
    let start = if chars.len() <= WINDOW {
        0
    } else {
        at.saturating_sub(WINDOW / 2)
            .min(chars.len().saturating_sub(WINDOW))
    };
    let end = (start + WINDOW).min(chars.len());
    let mut shown = String::new();
    let mut pad = at - start;
    if start > 0 {
        shown.push('…');
        pad += 1;
    }
    shown.extend(chars.get(start..end).unwrap_or(&[]));
    if end < chars.len() {
        shown.push('…');
    }
    (shown, format!("{}^", " ".repeat(pad)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance() {
        assert_eq!(edit_distance("recipent", "recipients"), 2);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("nmae", "name"), 2);
    }

    #[test]
    fn suggestions() {
        let fields = ["title", "name", "on_behalf_of", "for"];
        assert_eq!(did_you_mean("nmae", &fields), Some("name"));
        assert_eq!(did_you_mean("tittle", &fields), Some("title"));
        assert_eq!(did_you_mean("zzzzzz", &fields), None);
        assert_eq!(did_you_mean("bao-cao", &["bao_cao"]), Some("bao_cao"));
    }

    #[test]
    fn caret() {
        let (s, c) = caret_line("  \"a\": x", 8);
        assert_eq!(s, "  \"a\": x");
        assert_eq!(c, "       ^");
    }
}
