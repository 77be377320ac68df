//! Decree 30/2020/NĐ-CP in one place: the style rules that turn a validated
//! [`vanban_model::Document`] into the backend-neutral [`flow::Flow`], and the
//! typesetter that turns a `Flow` into positioned [`pages::Pages`] for the PDF.

#![deny(missing_docs)]

pub mod flow;
pub mod fonts;
pub mod pages;
pub mod paginate;
pub mod style;
