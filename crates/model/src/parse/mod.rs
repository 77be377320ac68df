//! Parsing and validation: JSON text (or bytes) → [`Document`], or every
//! error found, each with its JSON path and, where known, line and column.
//!
//! Stages:
//! 1. bytes: size limit, BOM, UTF-8 check with a guess at the legacy
//!    Vietnamese encoding when it is not UTF-8 ([`parse_bytes`]);
//! 2. a non-recursive pre-scan rejects nesting deeper than
//!    [`MAX_JSON_DEPTH`] (no stack overflow, whatever the input);
//! 3. serde (with `serde_path_to_error`) reads the crate's private raw
//!    serde types: syntax errors, wrong types, unknown and missing fields
//!    stop here, one at a time, with path, line and column (the messages
//!    are tidied in `serde_msg`);
//! 4. validation (the private `validate` module) collects *all* semantic
//!    errors (dates, numbers, markup, ranges, …) with their paths; their
//!    line and column are found by locating the path in the source.
//!
//! Files: `entry` (the two entry points), `error` (the error types),
//! `limits` (the input limits), `encoding` (legacy encoding sniffing),
//! `serde_msg` (serde's messages made readable).

mod encoding;
mod entry;
mod error;
mod limits;
mod serde_msg;

pub use entry::{parse, parse_bytes};
pub use error::{Error, ErrorKind, Errors};
pub use limits::*;
