//! The paging half: breaks the [`Flow`] into lines and pages, giving [`Pages`].

use crate::flow::Flow;
use crate::fonts::FontSet;
use crate::pages::Pages;

/// Errors while typesetting.
#[derive(Debug, thiserror::Error)]
pub enum LayoutError {
    /// Something could not be placed at all.
    #[error("{path}: {message}")]
    Unplaceable {
        /// JSON path of the source.
        path: String,
        /// What went wrong.
        message: String,
    },
}

/// Typesets `flow` into pages.
pub fn paginate(flow: &Flow, fonts: &FontSet) -> Result<Pages, LayoutError> {
    let _ = (flow, fonts);
    todo!("typesetter helper implements this")
}
