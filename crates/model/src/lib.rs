//! vanban's input model: the JSON types (serde, JSON Schema), parsing with
//! JSON paths and line/column, validation, inline markup, NFC normalisation,
//! and the pure Vietnamese date and number formatting helpers.
//!
//! Entry points: [`parse()`] (a JSON string) and [`parse_bytes`] (a file's
//! bytes, with encoding detection) give a validated [`Document`] or every
//! error found, each with its JSON path; [`schema_json`] gives the JSON
//! Schema; [`format`](mod@format) holds the number/date line helpers used by layout.

#![warn(missing_docs)]

pub mod decree;
pub mod doc;
pub mod doctype;
pub mod format;
pub mod hint;
pub mod lang;
pub mod markup;
pub mod parse;
pub mod schema;

mod locate;
mod raw;
mod validate;

pub use doc::*;
pub use doctype::DocType;
pub use parse::{
    Error, ErrorKind, Errors, MAX_BLOCKS, MAX_DEPTH, MAX_FOOTNOTES, MAX_INPUT_BYTES,
    MAX_JSON_DEPTH, MAX_LINE_BREAKS, MAX_TABLE_CELLS, parse, parse_bytes,
};
pub use schema::schema_json;
