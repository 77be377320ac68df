//! The runs of a paragraph: text, breaks, footnote references, old-font
//! conversion, shapes and text boxes.

use super::*;

impl Cx {
    /// The runs of a paragraph (or of a container inside it); text boxes
    /// go to `extra`, as paragraphs before this one.
    pub(super) fn runs(
        &mut self,
        node: Node,
        base: &RProps,
        o: &mut ParaOut,
        loc: &Loc,
        depth: usize,
    ) {
        if depth > MAX_NESTING {
            return;
        }
        for c in node.children().filter(|c| c.is_element()) {
            let name = c.tag_name().name();
            if c.tag_name().namespace() == Some(MC) && name == "AlternateContent" {
                if let Some(pk) = alternate_pick(c) {
                    self.runs(pk, base, o, loc, depth + 1);
                }
                continue;
            }
            if c.tag_name().namespace() != Some(W) {
                // Drawing-ML / VML inside a run: text boxes and lines.
                self.shape(c, o, loc, depth);
                continue;
            }
            match name {
                "r" => self.run(c, base, o, loc, depth),
                "hyperlink" | "ins" | "smartTag" | "fldSimple" | "customXml" | "sdt"
                | "sdtContent" | "moveTo" => self.runs(c, base, o, loc, depth + 1),
                _ => {}
            }
        }
    }

    /// A drawing or picture: text boxes become paragraphs, lines rules.
    pub(super) fn shape(&mut self, node: Node, o: &mut ParaOut, loc: &Loc, depth: usize) {
        let mut has_text = false;
        for d in node.descendants().filter(|n| is(n, "txbxContent")) {
            // Nested text boxes are walked by the outer one.
            if d.ancestors().skip(1).any(|a| is(&a, "txbxContent")) {
                continue;
            }
            has_text = true;
            let mut items = Vec::new();
            self.block(d, &mut items, loc, depth + 1);
            o.extra.extend(items);
        }
        if !has_text {
            let line = node.descendants().any(|n| {
                let nm = n.tag_name().name();
                (nm == "prstGeom"
                    && matches!(n.attribute("prst"), Some("line" | "straightConnector1")))
                    || nm == "line"
                    || nm == "cNvCnPr"
                    || (nm == "rect"
                        && n.attribute(("urn:schemas-microsoft-com:office:office", "hr"))
                            .is_some())
            });
            if line {
                o.rule = true;
            }
        }
    }

    /// One `w:r`: its text (legacy encodings decoded) and footnote, with
    /// its shapes.
    pub(super) fn run(
        &mut self,
        node: Node,
        base: &RProps,
        o: &mut ParaOut,
        loc: &Loc,
        depth: usize,
    ) {
        let rpr = child(&node, "rPr");
        let mut props = base.clone();
        if let Some(rs) = rpr
            .as_ref()
            .and_then(|r| child(r, "rStyle"))
            .and_then(|s| attr(&s, "val"))
        {
            props = self.styles.rprops(rs).over(&props);
        }
        if let Some(r) = &rpr {
            props = RProps::read(r).over(&props);
        }
        if props.hidden == Some(true) {
            return;
        }
        let enc = props
            .font
            .as_deref()
            .map(legacy::font_encoding)
            .unwrap_or(FontEncoding::Unicode);
        let mut text = String::new();
        let mut note = None;
        for c in node.children().filter(|c| c.is_element()) {
            if c.tag_name().namespace() == Some(MC) || c.tag_name().namespace() != Some(W) {
                self.runs_shape(c, o, loc, depth);
                continue;
            }
            match c.tag_name().name() {
                "t" => text.push_str(c.text().unwrap_or("")),
                "tab" | "ptab" => text.push('\t'),
                "br" | "cr" => text.push('\n'),
                "noBreakHyphen" => text.push('-'),
                "sym" => {
                    if let Some(ch) = attr(&c, "char")
                        .and_then(|h| u32::from_str_radix(h, 16).ok())
                        .and_then(char::from_u32)
                        .filter(|ch| !(0xF000..=0xF0FF).contains(&(*ch as u32)))
                    {
                        text.push(ch);
                    }
                }
                "footnoteReference" => {
                    if let Some(id) = attr(&c, "id") {
                        note = Some(self.footnotes.get(id).cloned().unwrap_or_default());
                    }
                }
                "drawing" | "pict" | "object" => self.shape(c, o, loc, depth),
                _ => {}
            }
        }
        if enc != FontEncoding::Unicode && !text.is_empty() {
            if let Some(f) = &props.font {
                *self.legacy.entry(f.clone()).or_insert(0) += 1;
            }
            text = legacy::decode(&text, enc);
        }
        if text.is_empty() && note.is_none() {
            return;
        }
        o.runs.push(Run {
            text,
            bold: props.bold.unwrap_or(false),
            italic: props.italic.unwrap_or(false),
            sup: props.sup.unwrap_or(false) && note.is_none(),
            note,
        });
    }

    /// A shape inside a run, or the chosen branch of an `mc:AlternateContent`.
    pub(super) fn runs_shape(&mut self, node: Node, o: &mut ParaOut, loc: &Loc, depth: usize) {
        if node.tag_name().namespace() == Some(MC) && node.tag_name().name() == "AlternateContent" {
            if let Some(pk) = alternate_pick(node) {
                for c in pk.children().filter(|c| c.is_element()) {
                    self.shape(c, o, loc, depth + 1);
                }
            }
        } else {
            self.shape(node, o, loc, depth);
        }
    }
}

/// What the walk of a paragraph's runs gathers: its runs, the text boxes
/// met (set as paragraphs before it) and whether a drawn line was met.
pub(super) struct ParaOut {
    /// The paragraph's runs.
    pub(super) runs: Vec<Run>,
    /// Text boxes' paragraphs.
    pub(super) extra: Vec<Item>,
    /// A line shape or a paragraph border: the paragraph is a rule.
    pub(super) rule: bool,
}
