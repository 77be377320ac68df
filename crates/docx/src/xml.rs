//! A tiny XML writer: elements are opened and closed through a stack (so the
//! output is always balanced), text and attribute values are escaped, and
//! characters that XML 1.0 forbids are dropped.
//!
//! Element *order* is the caller's business: every part writer in this crate
//! writes children in the order of the ISO/IEC 29500 schema sequences.

use std::fmt::{Display, Write as _};

/// An XML document being written into a `String`.
#[derive(Debug)]
pub(crate) struct Xml {
    out: String,
    stack: Vec<&'static str>,
}

impl Xml {
    /// A new document, starting with the XML declaration.
    pub(crate) fn new() -> Self {
        let mut out = String::with_capacity(4096);
        out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
        Xml {
            out,
            stack: Vec::new(),
        }
    }

    /// Starts a tag: add attributes, then `.open()` or `.empty()`.
    pub(crate) fn tag(&mut self, name: &'static str) -> Tag<'_> {
        self.out.push('<');
        self.out.push_str(name);
        Tag { xml: self, name }
    }

    /// `<name/>` with no attributes.
    pub(crate) fn empty(&mut self, name: &'static str) {
        self.tag(name).empty();
    }

    /// `<name>` with no attributes.
    pub(crate) fn open(&mut self, name: &'static str) {
        self.tag(name).open();
    }

    /// `<name w:val="v"/>`, the most common WordprocessingML shape.
    pub(crate) fn val(&mut self, name: &'static str, v: impl Display) {
        self.tag(name).attr("w:val", v).empty();
    }

    /// Closes the innermost open element.
    pub(crate) fn close(&mut self) {
        if let Some(name) = self.stack.pop() {
            self.out.push_str("</");
            self.out.push_str(name);
            self.out.push('>');
        }
    }

    /// `<name>text</name>`.
    pub(crate) fn text_elem(&mut self, name: &'static str, text: &str) {
        self.open(name);
        self.text(text);
        self.close();
    }

    /// Escaped character data.
    pub(crate) fn text(&mut self, text: &str) {
        for c in text.chars() {
            match c {
                '&' => self.out.push_str("&amp;"),
                '<' => self.out.push_str("&lt;"),
                '>' => self.out.push_str("&gt;"),
                c if allowed(c) => self.out.push(c),
                _ => {}
            }
        }
    }

    /// Closes every open element and returns the bytes.
    pub(crate) fn finish(mut self) -> Vec<u8> {
        while !self.stack.is_empty() {
            self.close();
        }
        self.out.into_bytes()
    }
}

/// A start tag being written; attributes go in the order they are added.
pub(crate) struct Tag<'a> {
    xml: &'a mut Xml,
    name: &'static str,
}

impl Tag<'_> {
    /// Adds `key="value"` with the value escaped.
    pub(crate) fn attr(self, key: &str, value: impl Display) -> Self {
        let out = &mut self.xml.out;
        out.push(' ');
        out.push_str(key);
        out.push_str("=\"");
        let mut raw = String::new();
        // Writing into a String cannot fail.
        let _ = write!(raw, "{value}");
        for c in raw.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '"' => out.push_str("&quot;"),
                '\t' => out.push_str("&#9;"),
                '\n' => out.push_str("&#10;"),
                '\r' => out.push_str("&#13;"),
                c if allowed(c) => out.push(c),
                _ => {}
            }
        }
        out.push('"');
        self
    }

    /// Adds the attribute only when `value` is `Some`.
    pub(crate) fn attr_opt(self, key: &str, value: Option<impl Display>) -> Self {
        match value {
            Some(v) => self.attr(key, v),
            None => self,
        }
    }

    /// Ends the tag as `<name .../>`.
    pub(crate) fn empty(self) {
        self.xml.out.push_str("/>");
    }

    /// Ends the tag as `<name ...>`; close it with [`Xml::close`].
    pub(crate) fn open(self) {
        self.xml.out.push('>');
        self.xml.stack.push(self.name);
    }
}

/// Whether XML 1.0 allows the character at all (`Char` production).
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Whether `w:t` needs `xml:space="preserve"` to keep its spaces.
pub(crate) fn needs_preserve(text: &str) -> bool {
    text.starts_with(char::is_whitespace)
        || text.ends_with(char::is_whitespace)
        || text.contains("  ")
        || text.contains(['\t', '\n'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(x: Xml) -> String {
        let s = String::from_utf8(x.finish()).unwrap_or_default();
        s.split_once('\n')
            .map(|(_, b)| b.to_owned())
            .unwrap_or_default()
    }

    #[test]
    fn escapes_text_and_attributes() {
        let mut x = Xml::new();
        x.tag("a").attr("k", "x\"<&>'\n").open();
        x.text("1 < 2 & 3 > \"q\"");
        x.close();
        assert_eq!(
            body(x),
            "<a k=\"x&quot;&lt;&amp;&gt;'&#10;\">1 &lt; 2 &amp; 3 &gt; \"q\"</a>"
        );
    }

    #[test]
    fn drops_forbidden_characters() {
        let mut x = Xml::new();
        x.text_elem("t", "a\u{0}b\u{1F}c\u{FFFE}d");
        assert_eq!(body(x), "<t>abcd</t>");
    }

    #[test]
    fn keeps_vietnamese() {
        let mut x = Xml::new();
        x.text_elem("t", "Cộng hòa xã hội chủ nghĩa Việt Nam");
        assert_eq!(body(x), "<t>Cộng hòa xã hội chủ nghĩa Việt Nam</t>");
    }

    #[test]
    fn balances_on_finish() {
        let mut x = Xml::new();
        x.open("a");
        x.open("b");
        x.val("c", 3);
        assert_eq!(body(x), "<a><b><c w:val=\"3\"/></b></a>");
    }

    #[test]
    fn close_on_empty_stack_is_harmless() {
        let mut x = Xml::new();
        x.close();
        x.empty("a");
        assert_eq!(body(x), "<a/>");
    }

    #[test]
    fn optional_attributes() {
        let mut x = Xml::new();
        x.tag("a")
            .attr_opt("x", Some(1))
            .attr_opt("y", None::<i32>)
            .empty();
        assert_eq!(body(x), "<a x=\"1\"/>");
    }

    #[test]
    fn preserve_rules() {
        assert!(needs_preserve(" a"));
        assert!(needs_preserve("a "));
        assert!(needs_preserve("a  b"));
        assert!(needs_preserve("     "));
        assert!(!needs_preserve("a b"));
        assert!(!needs_preserve(""));
    }
}
