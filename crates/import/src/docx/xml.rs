//! Small WordprocessingML node helpers: element and attribute lookup,
//! on/off properties, and the branch of alternate content to read.

use super::*;

pub(super) fn is(n: &Node, local: &str) -> bool {
    n.is_element() && n.tag_name().name() == local && n.tag_name().namespace() == Some(W)
}

pub(super) fn attr<'a>(n: &Node<'a, '_>, local: &str) -> Option<&'a str> {
    n.attribute((W, local))
}

pub(super) fn child<'a, 'i>(n: &Node<'a, 'i>, local: &str) -> Option<Node<'a, 'i>> {
    n.children().find(|c| is(c, local))
}

/// An on/off property (`<w:b/>`, `<w:b w:val="0"/>`).
pub(super) fn on_off(n: &Node, local: &str) -> Option<bool> {
    child(n, local).map(|c| !matches!(attr(&c, "val"), Some("0" | "false" | "off")))
}

/// The branch of an `mc:AlternateContent` to read: the first choice Word
/// understood, else the fallback.
pub(super) fn alternate_pick<'a, 'i>(node: Node<'a, 'i>) -> Option<Node<'a, 'i>> {
    node.children()
        .find(|n| n.is_element() && n.tag_name().name() == "Choice")
        .or_else(|| {
            node.children()
                .find(|n| n.is_element() && n.tag_name().name() == "Fallback")
        })
}
