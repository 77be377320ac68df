//! The tag tree for PDF/A-2a, built straight from `PlacedText::role` and
//! `PlacedText::block` (no inference).
//!
//! | role | structure |
//! |---|---|
//! | `Body`, `Form` | `P` |
//! | `Title` | `H1` (the type name and summary head the document) |
//! | `Heading(n)` | `Hn`, n clamped to 1–6 |
//! | `ListItem` | `LI` / `LBody` inside one `L` per run of consecutive items |
//! | `Note` | `Note` |
//!
//! Page numbers are `Artifact`s (pagination), rules are layout artifacts;
//! both are marked while drawing ([`crate::draw`]).

use krilla::tagging::{Identifier, ListNumbering, Node, Tag, TagGroup, TagKind, TagTree};
use std::collections::BTreeMap;
use std::num::NonZeroU16;
use vanban_layout::flow::Role;
use vanban_layout::pages::PlacedText;

/// The marked content of one paragraph, in drawing order.
struct Block {
    role: Role,
    ids: Vec<Identifier>,
    text: String,
}

/// Marked-content identifiers per paragraph, collected while drawing.
#[derive(Default)]
pub(crate) struct Collected {
    blocks: BTreeMap<u32, Block>,
}

impl Collected {
    /// Records the identifier of one drawn run of paragraph `t.block`.
    pub(crate) fn push(&mut self, t: &PlacedText, id: Identifier) {
        let b = self.blocks.entry(t.block).or_insert_with(|| Block {
            role: t.role,
            ids: Vec::new(),
            text: String::new(),
        });
        if matches!(t.role, Role::Heading(_) | Role::Title) && b.text.len() < 500 {
            if !b.text.is_empty() {
                b.text.push(' ');
            }
            b.text.push_str(t.text.trim());
        }
        b.ids.push(id);
    }
}

/// The tag tree: paragraphs in reading order (`block` order).
pub(crate) fn build(collected: Collected, language: &str) -> TagTree {
    let mut tree = TagTree::new().with_lang(Some(language.to_owned()));
    let mut list: Option<TagGroup> = None;
    for (_, block) in collected.blocks {
        let leaves: Vec<Node> = block.ids.into_iter().map(Node::from).collect();
        if block.role == Role::ListItem {
            let body = TagGroup::with_children(Tag::LBody, leaves);
            let item = TagGroup::with_children(Tag::LI, vec![body.into()]);
            list.get_or_insert_with(|| TagGroup::new(Tag::L(ListNumbering::None)))
                .push(item);
            continue;
        }
        if let Some(l) = list.take() {
            tree.push(l);
        }
        let kind: TagKind = match block.role {
            Role::Body | Role::Form | Role::ListItem => Tag::P.into(),
            Role::Note => Tag::Note.into(),
            Role::Title => heading(1, block.text),
            Role::Heading(n) => heading(n, block.text),
        };
        tree.push(TagGroup::with_children(kind, leaves));
    }
    if let Some(l) = list.take() {
        tree.push(l);
    }
    tree
}

fn heading(level: u8, text: String) -> TagKind {
    let level = NonZeroU16::new(u16::from(level.clamp(1, 6))).unwrap_or(NonZeroU16::MIN);
    let title = (!text.is_empty()).then_some(text);
    Tag::Hn(level, title).into()
}
