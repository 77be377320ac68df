//! The input limits: how big, deep and long a document may be.

/// Largest accepted input, in bytes (16 MiB): far beyond any real document,
/// small enough that parsing stays fast and memory bounded.
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

/// Deepest nesting of blocks (a heading's body, a list item, a division's
/// body each go one level down); real documents use fewer than ten.
pub const MAX_DEPTH: usize = 32;

/// Deepest nesting of JSON arrays and objects, checked before serde runs (a
/// block level costs two or three JSON levels, so this leaves room for
/// [`MAX_DEPTH`] blocks). Kept below serde_json's own limit of 128 so the
/// user gets this clear message instead of "recursion limit exceeded".
pub const MAX_JSON_DEPTH: usize = 120;

/// Most blocks in one document (body and appendices, list items and table
/// rows included).
pub const MAX_BLOCKS: usize = 100_000;

/// Most table cells in one document (a 10,000-row register of 10 columns
/// is 100,000): bounds the typesetter's work and memory.
pub const MAX_TABLE_CELLS: usize = 500_000;

/// Most line breaks (`\n`) in one document: a real document has a few
/// hundred; 100,000 empty lines would already be over 3,000 pages.
pub const MAX_LINE_BREAKS: usize = 100_000;

/// Most footnotes in one document.
pub const MAX_FOOTNOTES: usize = 10_000;

/// At most this many errors are listed; the rest are counted in a last one.
pub const MAX_REPORTED_ERRORS: usize = 100;
