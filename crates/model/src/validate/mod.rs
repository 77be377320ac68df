//! Validation: the raw serde types ([`crate::raw`]) → the validated
//! [`Document`], collecting *all* semantic errors with their JSON paths.

use std::collections::HashSet;

use crate::doc::Document;
use crate::lang::Msg;
use crate::locate;
use crate::parse::{Error, ErrorKind, Errors, MAX_REPORTED_ERRORS};
use crate::raw::RawDocument;

mod blocks;
mod date;
mod document;
mod style;
mod symbol;
mod text;

/// Validates `raw` (read from `json`): the document, or every error found
/// (with line and column located in `json`); `None` for neither.
pub(crate) fn validate(raw: &RawDocument, json: &str) -> (Option<Document>, Option<Errors>) {
    let mut v = Validator::default();
    let doc = v.document(raw);
    (doc, Errors::from_vec(v.finish(json)))
}

/// Collects errors while converting raw types into the validated model.
#[derive(Default)]
struct Validator {
    errors: Vec<Error>,
    blocks: usize,
    footnotes: usize,
    blocks_reported: bool,
    footnotes_reported: bool,
    cells: usize,
    cells_reported: bool,
    line_breaks: usize,
    line_breaks_reported: bool,
}

impl Validator {
    fn err(&mut self, kind: ErrorKind, path: impl Into<String>, message: Msg) {
        self.errors.push(Error::new(kind, path, message));
    }

    fn value(&mut self, path: impl Into<String>, message: Msg) {
        self.err(ErrorKind::Value, path, message);
    }

    /// Finishes: caps the list and adds line/column by locating each path.
    fn finish(self, json: &str) -> Vec<Error> {
        let mut errors = self.errors;
        let total = errors.len();
        if total > MAX_REPORTED_ERRORS {
            errors.truncate(MAX_REPORTED_ERRORS);
            errors.push(Error::new(
                ErrorKind::Limit,
                "",
                Msg::new(
                    format!(
                        "… và {} lỗi nữa không được liệt kê",
                        total - MAX_REPORTED_ERRORS
                    ),
                    format!(
                        "… and {} more errors not shown",
                        total - MAX_REPORTED_ERRORS
                    ),
                ),
            ));
        }
        // Each path and its prefixes: an error about a missing field is
        // placed at the object that lacks it.
        let mut wanted = HashSet::new();
        for e in &errors {
            let mut p = e.path.as_str();
            loop {
                wanted.insert(p.to_string());
                match p.rfind(['.', '[']) {
                    Some(i) => p = p.get(..i).unwrap_or(""),
                    None => break,
                }
            }
        }
        let found = locate::locate(json, &wanted);
        for e in &mut errors {
            if e.line.is_some() || (e.kind == ErrorKind::Limit && e.path.is_empty()) {
                continue;
            }
            let mut p = e.path.as_str();
            loop {
                if let Some(pos) = found.get(p) {
                    e.line = Some(pos.line);
                    e.column = Some(pos.column);
                    break;
                }
                match p.rfind(['.', '[']) {
                    Some(i) => p = p.get(..i).unwrap_or(""),
                    None => break,
                }
            }
        }
        errors
    }
}
