//! Text fields: NFC, control characters, inline markup, whole numbers.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::doc::*;
use crate::lang::Msg;
use crate::markup::{MarkupError, parse_inline};
use crate::parse::{ErrorKind, MAX_FOOTNOTES, MAX_LINE_BREAKS};
use crate::raw::RawInteger;

use super::Validator;

/// Rules for one text field.
#[derive(Clone, Copy)]
pub(super) struct TextRule {
    /// A newline (line break) is allowed.
    newline: bool,
    /// Must not be empty or only white space.
    required: bool,
}

pub(super) const LINE: TextRule = TextRule {
    newline: false,
    required: true,
};
pub(super) const MULTILINE: TextRule = TextRule {
    newline: true,
    required: true,
};
pub(super) const OPTIONAL_MULTILINE: TextRule = TextRule {
    newline: true,
    required: false,
};

pub(super) fn join(base: &str, key: &str) -> String {
    if base.is_empty() {
        key.to_string()
    } else {
        format!("{base}.{key}")
    }
}

pub(super) fn nfc(s: &str) -> String {
    if is_nfc_quick(s.chars()) == IsNormalized::Yes {
        s.to_string()
    } else {
        s.nfc().collect()
    }
}

pub(super) fn control_name(c: char) -> (&'static str, &'static str) {
    match c {
        '\0' => (" (NUL)", " (NUL)"),
        '\t' => (" (tab)", " (tab)"),
        '\n' => (
            " (xuống dòng: trường này không được có chỗ xuống dòng)",
            " (line feed: a line break, not allowed in this field)",
        ),
        '\r' => (" (về đầu dòng, CR)", " (carriage return)"),
        '\u{0B}' => (" (tab dọc)", " (vertical tab)"),
        '\u{0C}' => (" (sang trang, FF)", " (form feed)"),
        '\u{1B}' => (" (escape)", " (escape)"),
        '\u{7F}' => (" (delete)", " (delete)"),
        _ => ("", ""),
    }
}

/// A short excerpt of `s` around character `at`, for messages.
pub(super) fn excerpt(s: &str, at: usize) -> String {
    let start = at.saturating_sub(12);
    let chars: Vec<char> = s.chars().skip(start).take(32).collect();
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    for c in &chars {
        match c {
            '\n' => out.push('⏎'),
            c if c.is_control() => out.push_str(&format!("[U+{:04X}]", *c as u32)),
            c => out.push(*c),
        }
    }
    if s.chars().count() > start + 32 {
        out.push('…');
    }
    out
}

impl Validator {
    /// NFC-normalises and checks a text field; `None` if it has an error.
    pub(super) fn text(&mut self, s: &str, path: &str, rule: TextRule) -> Option<String> {
        let s = nfc(s);
        if rule.required && s.trim().is_empty() {
            self.value(
                path,
                Msg::new(
                    "đang để trống; hãy viết nội dung hoặc bỏ hẳn trường này",
                    "is empty; write the text or leave the field out",
                ),
            );
            return None;
        }
        if rule.newline {
            self.line_breaks += s.bytes().filter(|&b| b == b'\n').count();
            if self.line_breaks > MAX_LINE_BREAKS && !self.line_breaks_reported {
                self.line_breaks_reported = true;
                self.err(
                    ErrorKind::Limit,
                    path,
                    Msg::new(
                        format!(
                            "quá nhiều chỗ xuống dòng: vanban cho phép tối đa {MAX_LINE_BREAKS} chỗ trong một văn bản"
                        ),
                        format!(
                            "too many line breaks: vanban allows at most {MAX_LINE_BREAKS} per document"
                        ),
                    ),
                );
                return None;
            }
        }
        for (i, c) in s.chars().enumerate() {
            if c.is_control() && !(rule.newline && c == '\n') {
                let (name_vi, name_en) = control_name(c);
                let code = c as u32;
                let ex = excerpt(&s, i);
                self.value(
                    path,
                    Msg::new(
                        format!(
                            "có ký tự điều khiển U+{code:04X}{name_vi} ở chỗ \"{ex}\"; hãy xóa nó"
                        ),
                        format!(
                            "contains the control character U+{code:04X}{name_en} at \"{ex}\"; remove it"
                        ),
                    ),
                );
                return None;
            }
        }
        Some(s)
    }

    pub(super) fn opt_text(
        &mut self,
        s: Option<&String>,
        path: &str,
        rule: TextRule,
    ) -> Option<String> {
        s.and_then(|s| self.text(s, path, rule))
    }

    pub(super) fn texts(&mut self, items: Option<&Vec<String>>, path: &str) -> Vec<String> {
        let mut out = Vec::new();
        for (i, s) in items
            .map(|v| v.as_slice())
            .unwrap_or(&[])
            .iter()
            .enumerate()
        {
            if let Some(t) = self.text(s, &format!("{path}[{i}]"), LINE) {
                out.push(t);
            }
        }
        out
    }

    /// NFC, control characters, then inline markup; counts footnotes.
    pub(super) fn inline(&mut self, s: &str, path: &str, required: bool) -> Option<Inlines> {
        let text = self.text(
            s,
            path,
            TextRule {
                newline: true,
                required,
            },
        )?;
        match parse_inline(&text) {
            Ok(inlines) => {
                let notes = inlines
                    .iter()
                    .filter(|i| matches!(i, Inline::Footnote(_)))
                    .count();
                self.footnotes += notes;
                if self.footnotes > MAX_FOOTNOTES && !self.footnotes_reported {
                    self.footnotes_reported = true;
                    self.err(
                        ErrorKind::Limit,
                        path,
                        Msg::new(
                            format!(
                                "quá nhiều chú thích: vanban cho phép tối đa {MAX_FOOTNOTES} chú thích trong một văn bản"
                            ),
                            format!(
                                "too many footnotes: vanban allows at most {MAX_FOOTNOTES} per document"
                            ),
                        ),
                    );
                }
                Some(inlines)
            }
            Err(e) => {
                self.markup_error(&text, path, e);
                None
            }
        }
    }

    pub(super) fn markup_error(&mut self, text: &str, path: &str, e: MarkupError) {
        let ex = excerpt(text, e.offset);
        self.err(ErrorKind::Markup, path, e.message(&ex));
    }

    pub(super) fn integer(
        &mut self,
        n: RawInteger,
        path: &str,
        min: i128,
        max: i128,
        hint: Option<&Msg>,
    ) -> Option<u32> {
        let v = n.0;
        if v < min {
            let (h_vi, h_en) = hint.map_or(("", ""), |h| (h.vi.as_str(), h.en.as_str()));
            self.value(
                path,
                Msg::new(
                    format!("phải từ {min} trở lên (đang là {v}){h_vi}"),
                    format!("must be {min} or more (got {v}){h_en}"),
                ),
            );
            return None;
        }
        if v > max {
            self.value(
                path,
                Msg::new(
                    format!("quá lớn (đang là {v}; tối đa {max})"),
                    format!("is too large (got {v}; at most {max})"),
                ),
            );
            return None;
        }
        u32::try_from(v).ok()
    }
}
