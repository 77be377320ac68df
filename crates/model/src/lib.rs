//! vanban's input model: the JSON types (serde, JSON Schema), parsing with
//! JSON paths and line/column, validation, inline markup, NFC normalisation,
//! and the pure Vietnamese date and number formatting helpers.

pub mod doc;
pub mod doctype;

pub use doc::*;
pub use doctype::DocType;
