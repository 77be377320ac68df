//! The JSON Schema of the input format, generated from [`crate::types`].

use crate::types::RawDocument;

/// The `$id` of the schema.
pub const SCHEMA_ID: &str = "https://example.invalid/vanban/schema/v1/document.schema.json";

/// The JSON Schema (draft 2020-12) of a vanban document, pretty-printed.
/// Editors use it for completion and checking (`"$schema"` in the document);
/// it is the single source of truth for the input format.
pub fn schema_json() -> String {
    let mut schema = schemars::schema_for!(RawDocument);
    schema.insert("$id".to_string(), SCHEMA_ID.into());
    schema.insert("title".to_string(), "vanban document".into());
    serde_json::to_string_pretty(&schema).unwrap_or_default()
}
