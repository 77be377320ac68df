//! The style half: Decree 30 rules applied to a validated document, giving a [`Flow`].

use crate::flow::Flow;
use crate::fonts::FontSet;
use vanban_model::Document;

/// Errors found while styling (things only layout can know).
#[derive(Debug, thiserror::Error)]
pub enum StyleError {
    /// A character that no bundled face can draw.
    #[error("{path}: the character {ch:?} (U+{code:04X}) is not in the font; replace it or remove it")]
    MissingGlyph {
        /// JSON path of the text.
        path: String,
        /// The character.
        ch: char,
        /// Its code point.
        code: u32,
    },
}

/// Applies the Decree 30 style to `doc`.
pub fn style(doc: &Document, fonts: &FontSet) -> Result<Flow, StyleError> {
    let _ = (doc, fonts);
    todo!("style helper implements this")
}
