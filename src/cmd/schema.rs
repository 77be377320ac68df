//! `vanban schema`: the JSON Schema of the input format.

use std::io::Write;

use super::Failure;

/// Runs `vanban schema`.
pub fn run() -> Result<(), Failure> {
    // A closed pipe (`vanban schema | head`) is not an error.
    let _ = writeln!(std::io::stdout(), "{}", vanban_model::schema_json());
    Ok(())
}
