//! The error types: one [`Error`] with where it is, and [`Errors`], all
//! the errors of one input.

use std::fmt;

use crate::lang::{Lang, Msg};

/// The class of an [`Error`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The bytes are not UTF-8 (or are UTF-16).
    Encoding,
    /// The text is not valid JSON.
    Syntax,
    /// Valid JSON of the wrong shape: wrong type, unknown or missing field.
    Structure,
    /// A size, count or nesting limit was exceeded.
    Limit,
    /// A value is wrong: impossible date, number 0, unknown type, empty text, …
    Value,
    /// Inline markup is malformed (unclosed `*`, `**` or `^[`).
    Markup,
}

/// One error, with where it is.
///
/// Everything an API needs is a field: the JSON path, line and column, the
/// class, the message and the hint in both languages, and the offending
/// source line (to show with a caret under the column).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.render(Lang::Vi))]
pub struct Error {
    /// JSON path such as `body[3].body[1].heading`; empty for the whole document.
    pub path: String,
    /// 1-based line in the input, when known.
    pub line: Option<usize>,
    /// 1-based column in the input (in characters), when known.
    pub column: Option<usize>,
    /// What is wrong, in plain words, in Vietnamese and English.
    pub message: Msg,
    /// What to type instead, when vanban can tell.
    pub hint: Option<Msg>,
    /// The input line at [`Error::line`] (syntax errors), shown with a caret.
    pub source_line: Option<String>,
    /// The class of error.
    pub kind: ErrorKind,
}

impl Error {
    /// A new error without position.
    pub fn new(kind: ErrorKind, path: impl Into<String>, message: Msg) -> Error {
        Error {
            path: path.into(),
            line: None,
            column: None,
            message,
            hint: None,
            source_line: None,
            kind,
        }
    }

    /// The same error with a hint.
    pub fn with_hint(mut self, hint: Msg) -> Error {
        self.hint = Some(hint);
        self
    }

    /// The path as shown to users: "(document)" for the root.
    pub fn display_path(&self) -> &str {
        self.display_path_in(Lang::En)
    }

    /// The path as shown to users in `lang`: "(văn bản)"/"(document)" for the root.
    pub fn display_path_in(&self, lang: Lang) -> &str {
        if self.path.is_empty() {
            match lang {
                Lang::Vi => "(văn bản)",
                Lang::En => "(document)",
            }
        } else {
            &self.path
        }
    }

    /// The error in `lang`: `path: message (line L, column C)`, then the
    /// hint and the offending line with a caret, each on a line of its own.
    pub fn render(&self, lang: Lang) -> String {
        let mut s = format!("{}: {}", self.display_path_in(lang), self.message.get(lang));
        let (line_w, col_w) = match lang {
            Lang::Vi => ("dòng", "cột"),
            Lang::En => ("line", "column"),
        };
        match (self.line, self.column) {
            (Some(l), Some(c)) => s.push_str(&format!(" ({line_w} {l}, {col_w} {c})")),
            (Some(l), None) => s.push_str(&format!(" ({line_w} {l})")),
            _ => {}
        }
        if let Some(h) = &self.hint {
            let label = match lang {
                Lang::Vi => "Gợi ý",
                Lang::En => "Hint",
            };
            s.push_str(&format!("\n  {label}: {}", h.get(lang)));
        }
        if let (Some(src), Some(l)) = (&self.source_line, self.line) {
            let (shown, caret) = crate::hint::caret_line(src, self.column.unwrap_or(1));
            let gutter = format!("{l} | ");
            s.push_str(&format!(
                "\n  {gutter}{shown}\n  {}{caret}",
                " ".repeat(gutter.chars().count())
            ));
        }
        s
    }
}

/// All the errors found in one input; never empty. Displays one per line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Errors(Vec<Error>);

impl fmt::Display for Errors {
    /// Every error in Vietnamese (the default language), one per line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::Vi))
    }
}

impl Errors {
    /// Wraps a list of errors; `None` if it is empty.
    pub fn from_vec(errors: Vec<Error>) -> Option<Errors> {
        if errors.is_empty() {
            None
        } else {
            Some(Errors(errors))
        }
    }

    /// A single error.
    pub fn single(error: Error) -> Errors {
        Errors(vec![error])
    }

    /// The errors, in input order (syntax first).
    pub fn errors(&self) -> &[Error] {
        &self.0
    }

    /// The first error.
    pub fn first(&self) -> Option<&Error> {
        self.0.first()
    }

    /// Number of errors (at least 1).
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Always `false`: there is at least one error.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Iterates over the errors.
    pub fn iter(&self) -> std::slice::Iter<'_, Error> {
        self.0.iter()
    }

    /// Every error in `lang`, one after the other, separated by line feeds.
    pub fn render(&self, lang: Lang) -> String {
        let v: Vec<String> = self.0.iter().map(|e| e.render(lang)).collect();
        v.join("\n")
    }

    /// The errors as a vector.
    pub fn into_vec(self) -> Vec<Error> {
        self.0
    }
}

impl IntoIterator for Errors {
    type Item = Error;
    type IntoIter = std::vec::IntoIter<Error>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Errors {
    type Item = &'a Error;
    type IntoIter = std::slice::Iter<'a, Error>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}
