//! Inline markup: `*italic*`, `**bold**`, `***both***`, `^[footnote]`, `\`
//! escapes and line breaks, parsed in one linear pass.
//!
//! Rules (also in the JSON Schema descriptions):
//!
//! - A run of one, two or three `*` opens italic, bold or both when the next
//!   character is not white space, and closes them when the previous character
//!   is not white space. A `*` with white space (or the start/end of the text)
//!   on both sides is a literal star, so `5 * 3` needs no escape; `5*3` does
//!   (`5\*3`), because there the star would open emphasis. A run of four or
//!   more stars is literal. Emphasis left open is an error.
//! - `^[` opens a footnote that ends at the matching `]` (brackets inside a
//!   footnote nest: `^[see [1]]` is one footnote). A footnote may contain
//!   emphasis and line breaks but not another footnote. `^` not followed by
//!   `[`, and `[` / `]` outside a footnote, are literal.
//! - `\` makes the next character literal (`\*`, `\^`, `\[`, `\]`, `\\`); a
//!   `\` at the very end of the text is kept as a backslash.
//! - A newline character (JSON `"\n"`) is a forced line break.
//!
//! Adjacent runs with the same style are merged; empty runs are dropped.
//! Offsets in errors count characters (not bytes) from 0; messages show them
//! 1-based.

use crate::doc::{Inline, Inlines};

/// What went wrong in a piece of inline markup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkupErrorKind {
    /// `*` (italic) opened and never closed.
    UnclosedItalic,
    /// `**` (bold) opened and never closed.
    UnclosedBold,
    /// `^[` without its closing `]`.
    UnclosedFootnote,
    /// `^[` inside a footnote.
    NestedFootnote,
    /// `^[]`: a footnote with no text.
    EmptyFootnote,
}

/// An error in inline markup, at a character offset of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{}", describe(*.kind, *.offset, *.in_footnote))]
pub struct MarkupError {
    /// 0-based character (not byte) offset where the offending markup starts.
    pub offset: usize,
    /// What is wrong.
    pub kind: MarkupErrorKind,
    /// Whether the problem is inside a footnote.
    pub in_footnote: bool,
}

fn describe(kind: MarkupErrorKind, offset: usize, in_footnote: bool) -> String {
    let at = offset.saturating_add(1);
    let inside = if in_footnote {
        " inside a footnote"
    } else {
        ""
    };
    match kind {
        MarkupErrorKind::UnclosedItalic => format!(
            "\"*\" (italic) opened at character {at}{inside} is never closed; close it with \"*\", or type \"\\\\*\" in the JSON for a literal star"
        ),
        MarkupErrorKind::UnclosedBold => format!(
            "\"**\" (bold) opened at character {at}{inside} is never closed; close it with \"**\", or type \"\\\\*\\\\*\" in the JSON for literal stars"
        ),
        MarkupErrorKind::UnclosedFootnote => format!(
            "footnote \"^[\" opened at character {at} has no closing \"]\"; close it, or type \"\\\\^[\" in the JSON for literal text"
        ),
        MarkupErrorKind::NestedFootnote => {
            format!("a footnote cannot contain another footnote (\"^[\" at character {at})")
        }
        MarkupErrorKind::EmptyFootnote => format!("empty footnote \"^[]\" at character {at}"),
    }
}

impl MarkupError {
    /// The error in both languages, pointing at `excerpt` (the text around
    /// the offending markup) rather than at a character count.
    pub fn message(&self, excerpt: &str) -> crate::lang::Msg {
        use crate::lang::Msg;
        let (in_vi, in_en) = if self.in_footnote {
            (" trong một chú thích", " inside a footnote")
        } else {
            ("", "")
        };
        match self.kind {
            MarkupErrorKind::UnclosedItalic => Msg::new(
                format!(
                    "dấu \"*\" (chữ nghiêng){in_vi} mở ở \"{excerpt}\" nhưng không được đóng; đóng lại bằng \"*\", hoặc muốn in dấu sao thường thì trong JSON gõ \"\\\\*\""
                ),
                format!(
                    "\"*\" (italic){in_en} opened at \"{excerpt}\" is never closed; close it with \"*\", or for a literal star type \"\\\\*\" in the JSON"
                ),
            ),
            MarkupErrorKind::UnclosedBold => Msg::new(
                format!(
                    "dấu \"**\" (chữ đậm){in_vi} mở ở \"{excerpt}\" nhưng không được đóng; đóng lại bằng \"**\", hoặc muốn in dấu sao thường thì trong JSON gõ \"\\\\*\\\\*\""
                ),
                format!(
                    "\"**\" (bold){in_en} opened at \"{excerpt}\" is never closed; close it with \"**\", or for literal stars type \"\\\\*\\\\*\" in the JSON"
                ),
            ),
            MarkupErrorKind::UnclosedFootnote => Msg::new(
                format!(
                    "chú thích \"^[\" mở ở \"{excerpt}\" không có dấu đóng \"]\"; hãy đóng lại, hoặc muốn in nguyên văn thì trong JSON gõ \"\\\\^[\""
                ),
                format!(
                    "footnote \"^[\" opened at \"{excerpt}\" has no closing \"]\"; close it, or for literal text type \"\\\\^[\" in the JSON"
                ),
            ),
            MarkupErrorKind::NestedFootnote => Msg::new(
                format!("chú thích không được chứa chú thích khác (\"^[\" ở \"{excerpt}\")"),
                format!("a footnote cannot contain another footnote (\"^[\" at \"{excerpt}\")"),
            ),
            MarkupErrorKind::EmptyFootnote => Msg::new(
                format!(
                    "chú thích \"^[]\" trống ở \"{excerpt}\"; hãy viết nội dung chú thích hoặc xóa nó"
                ),
                format!("empty footnote \"^[]\" at \"{excerpt}\"; write the note or remove it"),
            ),
        }
    }
}

/// Runs being built for one context (the text, or a footnote).
#[derive(Default)]
struct Ctx {
    out: Inlines,
    buf: String,
    /// Offset of the open `*`, if italic is open.
    italic: Option<usize>,
    /// Offset of the open `**`, if bold is open.
    bold: Option<usize>,
}

impl Ctx {
    fn flush(&mut self) {
        if self.buf.is_empty() {
            return;
        }
        let bold = self.bold.is_some();
        let italic = self.italic.is_some();
        let text = std::mem::take(&mut self.buf);
        if let Some(Inline::Text {
            text: last,
            bold: b,
            italic: i,
        }) = self.out.last_mut()
            && *b == bold
            && *i == italic
        {
            last.push_str(&text);
            return;
        }
        self.out.push(Inline::Text { text, bold, italic });
    }

    fn line_break(&mut self) {
        self.flush();
        self.out.push(Inline::LineBreak);
    }

    /// The first unclosed emphasis, as an error.
    fn unclosed(&self, in_footnote: bool) -> Option<MarkupError> {
        let italic = self.italic.map(|o| (o, MarkupErrorKind::UnclosedItalic));
        let bold = self.bold.map(|o| (o, MarkupErrorKind::UnclosedBold));
        let first = match (italic, bold) {
            (Some(a), Some(b)) => Some(if b.0 <= a.0 { b } else { a }),
            (a, b) => a.or(b),
        };
        first.map(|(offset, kind)| MarkupError {
            offset,
            kind,
            in_footnote,
        })
    }

    /// Applies a run of `n` stars at `at`; returns how many stars stay literal.
    fn stars(&mut self, n: usize, at: usize, can_open: bool, can_close: bool) -> usize {
        if n > 3 {
            return n;
        }
        let mut rest = n;
        if can_close {
            match n {
                3 if self.bold.is_some() && self.italic.is_some() => {
                    self.flush();
                    self.bold = None;
                    self.italic = None;
                    return 0;
                }
                3 if self.bold.is_some() => {
                    self.flush();
                    self.bold = None;
                    rest = 1;
                }
                3 if self.italic.is_some() => {
                    self.flush();
                    self.italic = None;
                    rest = 2;
                }
                2 if self.bold.is_some() => {
                    self.flush();
                    self.bold = None;
                    return 0;
                }
                1 if self.italic.is_some() => {
                    self.flush();
                    self.italic = None;
                    return 0;
                }
                _ => {}
            }
        }
        if can_open {
            match rest {
                3 if self.bold.is_none() && self.italic.is_none() => {
                    self.flush();
                    self.bold = Some(at);
                    self.italic = Some(at);
                    return 0;
                }
                2 if self.bold.is_none() => {
                    self.flush();
                    self.bold = Some(at);
                    return 0;
                }
                1 if self.italic.is_none() => {
                    self.flush();
                    self.italic = Some(at);
                    return 0;
                }
                _ => {}
            }
        }
        rest
    }
}

/// Whether a footnote's content has any visible text.
fn has_content(inlines: &Inlines) -> bool {
    inlines.iter().any(|i| match i {
        Inline::Text { text, .. } => !text.trim().is_empty(),
        Inline::Footnote(_) => true,
        Inline::LineBreak => false,
    })
}

/// Parses inline markup into runs (see the module docs for the rules).
/// Linear in the length of `s`; never panics.
pub fn parse_inline(s: &str) -> Result<Inlines, MarkupError> {
    let chars: Vec<char> = s.chars().collect();
    let mut main = Ctx::default();
    // The open footnote: its runs, start offset and `[` nesting depth.
    let mut note: Option<(Ctx, usize, usize)> = None;
    let mut i = 0usize;
    while let Some(&c) = chars.get(i) {
        let in_note = note.is_some();
        let ctx = match note.as_mut() {
            Some((n, _, _)) => n,
            None => &mut main,
        };
        match c {
            '\\' => {
                match chars.get(i + 1) {
                    Some('\n') => ctx.line_break(),
                    Some(&next) => ctx.buf.push(next),
                    None => ctx.buf.push('\\'),
                }
                i += 2;
            }
            '\n' => {
                ctx.line_break();
                i += 1;
            }
            '^' if chars.get(i + 1) == Some(&'[') => {
                if in_note {
                    return Err(MarkupError {
                        offset: i,
                        kind: MarkupErrorKind::NestedFootnote,
                        in_footnote: true,
                    });
                }
                main.flush();
                note = Some((Ctx::default(), i, 0));
                i += 2;
            }
            '[' if in_note => {
                if let Some((n, _, depth)) = note.as_mut() {
                    *depth += 1;
                    n.buf.push('[');
                }
                i += 1;
            }
            ']' if in_note => {
                if let Some((n, start, depth)) = note.as_mut() {
                    if *depth > 0 {
                        *depth -= 1;
                        n.buf.push(']');
                    } else {
                        if let Some(e) = n.unclosed(true) {
                            return Err(e);
                        }
                        n.flush();
                        if !has_content(&n.out) {
                            return Err(MarkupError {
                                offset: *start,
                                kind: MarkupErrorKind::EmptyFootnote,
                                in_footnote: false,
                            });
                        }
                        let content = std::mem::take(&mut n.out);
                        main.out.push(Inline::Footnote(content));
                        note = None;
                    }
                }
                i += 1;
            }
            '*' => {
                let mut n = 1usize;
                while chars.get(i + n) == Some(&'*') {
                    n += 1;
                }
                let prev_ws = match i.checked_sub(1).and_then(|p| chars.get(p)) {
                    Some(p) => p.is_whitespace(),
                    None => true,
                };
                let next_ws = match chars.get(i + n) {
                    Some(nx) => nx.is_whitespace(),
                    None => true,
                };
                let literal = ctx.stars(n, i, !next_ws, !prev_ws);
                for _ in 0..literal {
                    ctx.buf.push('*');
                }
                i += n;
            }
            _ => {
                ctx.buf.push(c);
                i += 1;
            }
        }
    }
    if let Some((_, start, _)) = note {
        return Err(MarkupError {
            offset: start,
            kind: MarkupErrorKind::UnclosedFootnote,
            in_footnote: false,
        });
    }
    if let Some(e) = main.unclosed(false) {
        return Err(e);
    }
    main.flush();
    Ok(main.out)
}

/// The plain text of inline runs (footnotes and emphasis dropped, line breaks
/// as `\n`), e.g. for metadata and search.
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for i in inlines {
        match i {
            Inline::Text { text, .. } => out.push_str(text),
            Inline::LineBreak => out.push('\n'),
            Inline::Footnote(_) => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(text: &str, bold: bool, italic: bool) -> Inline {
        Inline::Text {
            text: text.to_string(),
            bold,
            italic,
        }
    }

    #[test]
    fn plain() {
        assert_eq!(parse_inline("abc"), Ok(vec![t("abc", false, false)]));
        assert_eq!(parse_inline(""), Ok(vec![]));
    }

    #[test]
    fn emphasis() {
        assert_eq!(
            parse_inline("a *b* **c** ***d***"),
            Ok(vec![
                t("a ", false, false),
                t("b", false, true),
                t(" ", false, false),
                t("c", true, false),
                t(" ", false, false),
                t("d", true, true),
            ])
        );
        assert_eq!(
            parse_inline("**bold *both***"),
            Ok(vec![t("bold ", true, false), t("both", true, true)])
        );
        assert_eq!(
            parse_inline("\"*Tăng cường*\"; x"),
            Ok(vec![
                t("\"", false, false),
                t("Tăng cường", false, true),
                t("\"; x", false, false)
            ])
        );
    }

    #[test]
    fn merging() {
        assert_eq!(parse_inline("x\\*y"), Ok(vec![t("x*y", false, false)]));
        assert_eq!(
            parse_inline("**a***b*"),
            Ok(vec![t("a", true, false), t("b", false, true)])
        );
    }

    fn assert_merged(v: &Inlines) {
        for w in v.windows(2) {
            if let [
                Inline::Text {
                    bold: b1,
                    italic: i1,
                    ..
                },
                Inline::Text {
                    bold: b2,
                    italic: i2,
                    ..
                },
            ] = w
            {
                assert!(b1 != b2 || i1 != i2, "unmerged runs in {v:?}");
            }
        }
        for i in v {
            match i {
                Inline::Text { text, .. } => assert!(!text.is_empty()),
                Inline::Footnote(f) => assert_merged(f),
                Inline::LineBreak => {}
            }
        }
    }

    #[test]
    fn lone_stars() {
        assert_eq!(
            parse_inline("5 * 3 = 15"),
            Ok(vec![t("5 * 3 = 15", false, false)])
        );
        assert_eq!(parse_inline("* note"), Ok(vec![t("* note", false, false)]));
        assert_eq!(parse_inline("a ****"), Ok(vec![t("a ****", false, false)]));
        assert_eq!(parse_inline("end *"), Ok(vec![t("end *", false, false)]));
        let e = parse_inline("5*3 = 15");
        assert!(matches!(
            e,
            Err(MarkupError {
                offset: 1,
                kind: MarkupErrorKind::UnclosedItalic,
                ..
            })
        ));
    }

    #[test]
    fn escapes() {
        assert_eq!(
            parse_inline(r"\*a\* \^[x\] \\ end\"),
            Ok(vec![t(r"*a* ^[x] \ end\", false, false)])
        );
    }

    #[test]
    fn footnotes() {
        assert_eq!(
            parse_inline("06 điểm^[5 điểm *tại* [1]] trên"),
            Ok(vec![
                t("06 điểm", false, false),
                Inline::Footnote(vec![
                    t("5 điểm ", false, false),
                    t("tại", false, true),
                    t(" [1]", false, false),
                ]),
                t(" trên", false, false),
            ])
        );
        assert!(matches!(
            parse_inline("a^[b"),
            Err(MarkupError {
                offset: 1,
                kind: MarkupErrorKind::UnclosedFootnote,
                ..
            })
        ));
        assert!(matches!(
            parse_inline("a^[b^[c]]"),
            Err(MarkupError {
                offset: 4,
                kind: MarkupErrorKind::NestedFootnote,
                ..
            })
        ));
        assert!(matches!(
            parse_inline("a^[ ]"),
            Err(MarkupError {
                kind: MarkupErrorKind::EmptyFootnote,
                ..
            })
        ));
        assert!(matches!(
            parse_inline("a^[*b]*"),
            Err(MarkupError {
                offset: 3,
                kind: MarkupErrorKind::UnclosedItalic,
                in_footnote: true
            })
        ));
        assert_eq!(
            parse_inline("*a^[n]b*"),
            Ok(vec![
                t("a", false, true),
                Inline::Footnote(vec![t("n", false, false)]),
                t("b", false, true),
            ])
        );
        assert_eq!(
            parse_inline("x ^ y ] ["),
            Ok(vec![t("x ^ y ] [", false, false)])
        );
    }

    #[test]
    fn line_breaks() {
        assert_eq!(
            parse_inline("a\nb"),
            Ok(vec![
                t("a", false, false),
                Inline::LineBreak,
                t("b", false, false)
            ])
        );
    }

    #[test]
    fn unclosed_offsets_are_chars() {
        let e = parse_inline("Đà Nẵng **x");
        assert!(matches!(
            e,
            Err(MarkupError {
                offset: 8,
                kind: MarkupErrorKind::UnclosedBold,
                ..
            })
        ));
    }

    #[test]
    fn never_panics() {
        let alphabet = ['*', '^', '[', ']', '\\', '\n', ' ', 'a', 'đ', '\u{0301}'];
        // Every string of length <= 6 over the alphabet.
        let mut stack: Vec<String> = vec![String::new()];
        while let Some(s) = stack.pop() {
            if let Ok(v) = parse_inline(&s) {
                assert_merged(&v);
            }
            if s.chars().count() < 6 {
                for c in alphabet {
                    let mut n = s.clone();
                    n.push(c);
                    stack.push(n);
                }
            }
        }
        // Pseudo-random long strings (xorshift), deterministic.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..2000 {
            let mut s = String::new();
            for _ in 0..64 {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                s.push(alphabet[(x % alphabet.len() as u64) as usize]);
            }
            if let Ok(v) = parse_inline(&s) {
                assert_merged(&v);
            }
        }
    }

    #[test]
    fn linear_on_big_input() {
        // Pathological inputs finish quickly (quadratic code would take minutes).
        let s = "*".repeat(200_000) + "^[" + &"[".repeat(200_000);
        assert!(parse_inline(&s).is_err());
        let s = "a *".repeat(200_000);
        assert!(parse_inline(&s).is_err());
        let s = "*a ".repeat(200_000);
        assert!(parse_inline(&s).is_err());
        let s = "\\".repeat(200_001);
        assert!(parse_inline(&s).is_ok());
    }
}
