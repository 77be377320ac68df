//! What vanban says about a failed render, in the reader's language: the
//! model's errors carry both languages already; the layout and writer
//! errors are put into words here.

use vanban_layout::paginate::LayoutError;
use vanban_layout::style::StyleError;
use vanban_model::lang::{Lang, Msg};

use crate::Error;

/// The message of a styling error in both languages.
pub fn style_error(e: &StyleError) -> Msg {
    match e {
        StyleError::MissingGlyph { path, ch, code } => {
            let path_vi = path.replace("(footnote ", "(chú thích ");
            Msg::new(
                format!(
                    "{path_vi}: phông chữ không có ký tự {ch:?} (U+{code:04X}); hãy thay hoặc xóa ký tự này"
                ),
                format!(
                    "{path}: the character {ch:?} (U+{code:04X}) is not in the font; replace it or remove it"
                ),
            )
        }
    }
}

/// The message of a typesetting error in both languages.
pub fn layout_error(e: &LayoutError) -> Msg {
    match e {
        LayoutError::Unplaceable { path, message } => {
            let path_vi = if path == "(document)" {
                "(văn bản)"
            } else {
                path.as_str()
            };
            let vi = if message.starts_with("the document runs past") {
                let n = message
                    .split_whitespace()
                    .find_map(|w| w.parse::<usize>().ok())
                    .unwrap_or(0);
                format!(
                    "văn bản dài quá {n} trang, mức tối đa vanban dàn trang được; hãy tách thành nhiều văn bản"
                )
            } else {
                format!("không dàn trang được: {message}")
            };
            Msg::new(format!("{path_vi}: {vi}"), format!("{path}: {message}"))
        }
        LayoutError::Geometry { message } => Msg::new(
            format!("khổ giấy và lề không dùng được: {message}"),
            format!("page geometry: {message}"),
        ),
    }
}

impl Error {
    /// The error in `lang`, one line per problem (model errors add a hint
    /// and the offending line under their own line).
    pub fn render(&self, lang: Lang) -> String {
        match self {
            Error::Input(e) => e.render(lang),
            Error::Style(e) => style_error(e).get(lang).to_owned(),
            Error::Layout(e) => layout_error(e).get(lang).to_owned(),
            Error::Pdf(e) => match lang {
                Lang::Vi => format!("lỗi khi ghi PDF: {e}"),
                Lang::En => format!("PDF: {e}"),
            },
            Error::Docx(e) => match lang {
                Lang::Vi => format!("lỗi khi ghi DOCX: {e}"),
                Lang::En => format!("DOCX: {e}"),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every layout and style error reads in both languages.
    #[test]
    fn layout_and_style_errors_in_both_languages() {
        let errors = [
            layout_error(&LayoutError::Unplaceable {
                path: "(document)".into(),
                message: "the document runs past 10000 pages, the most vanban typesets; split it into several documents".into(),
            }),
            layout_error(&LayoutError::Geometry {
                message: "margins leave no text block".into(),
            }),
            style_error(&StyleError::MissingGlyph {
                path: "body[2] (footnote 2)".into(),
                ch: '中',
                code: 0x4E2D,
            }),
        ];
        for m in &errors {
            assert!(!m.vi.is_empty() && !m.en.is_empty());
            assert_ne!(m.vi, m.en);
            assert!(!m.vi.is_ascii(), "{}", m.vi);
        }
        assert_eq!(
            errors[0].vi,
            "(văn bản): văn bản dài quá 10000 trang, mức tối đa vanban dàn trang được; hãy tách thành nhiều văn bản"
        );
        assert!(
            errors[2]
                .vi
                .starts_with("body[2] (chú thích 2): phông chữ không có ký tự '中'")
        );
    }
}
