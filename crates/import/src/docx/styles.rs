//! Run properties and the style sheet (styles.xml) with its basedOn chains.

use super::*;

/// Run properties as far as import cares.
#[derive(Debug, Clone, Default)]
pub(super) struct RProps {
    pub(super) bold: Option<bool>,
    pub(super) italic: Option<bool>,
    pub(super) sup: Option<bool>,
    pub(super) font: Option<String>,
    pub(super) hidden: Option<bool>,
}

impl RProps {
    pub(super) fn read(rpr: &Node) -> RProps {
        let font = child(rpr, "rFonts").and_then(|f| {
            attr(&f, "hAnsi")
                .or_else(|| attr(&f, "ascii"))
                .map(str::to_string)
        });
        RProps {
            bold: on_off(rpr, "b"),
            italic: on_off(rpr, "i"),
            sup: child(rpr, "vertAlign").map(|v| attr(&v, "val") == Some("superscript")),
            font,
            hidden: on_off(rpr, "vanish"),
        }
    }
    /// `self` over `base`.
    pub(super) fn over(&self, base: &RProps) -> RProps {
        RProps {
            bold: self.bold.or(base.bold),
            italic: self.italic.or(base.italic),
            sup: self.sup.or(base.sup),
            font: self.font.clone().or_else(|| base.font.clone()),
            hidden: self.hidden.or(base.hidden),
        }
    }
}

#[derive(Debug, Clone, Default)]
pub(super) struct Style {
    pub(super) based_on: Option<String>,
    pub(super) rpr: RProps,
    pub(super) num: Option<(String, u8)>,
    pub(super) center: Option<bool>,
}

#[derive(Debug, Default)]
pub(super) struct Styles {
    pub(super) map: HashMap<String, Style>,
    pub(super) defaults: RProps,
    pub(super) default_para: Option<String>,
}

impl Styles {
    pub(super) fn parse(d: &Document) -> Styles {
        let mut s = Styles::default();
        let root = d.root_element();
        if let Some(rpr) = child(&root, "docDefaults")
            .and_then(|dd| child(&dd, "rPrDefault"))
            .and_then(|r| child(&r, "rPr"))
        {
            s.defaults = RProps::read(&rpr);
        }
        for st in root.children().filter(|n| is(n, "style")) {
            let Some(id) = attr(&st, "styleId") else {
                continue;
            };
            let ppr = child(&st, "pPr");
            let num = ppr.as_ref().and_then(|p| child(p, "numPr")).and_then(|np| {
                let id = child(&np, "numId").and_then(|n| attr(&n, "val").map(str::to_string))?;
                let lvl = child(&np, "ilvl")
                    .and_then(|n| attr(&n, "val"))
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0);
                Some((id, lvl))
            });
            let style = Style {
                based_on: child(&st, "basedOn").and_then(|b| attr(&b, "val").map(str::to_string)),
                rpr: child(&st, "rPr")
                    .map(|r| RProps::read(&r))
                    .unwrap_or_default(),
                num,
                center: ppr
                    .as_ref()
                    .and_then(|p| child(p, "jc"))
                    .map(|j| attr(&j, "val") == Some("center")),
            };
            if attr(&st, "type") == Some("paragraph")
                && attr(&st, "default").is_some_and(|v| v == "1" || v == "true")
            {
                s.default_para = Some(id.to_string());
            }
            s.map.insert(id.to_string(), style);
        }
        s
    }

    /// The style `id` and its `basedOn` ancestors, nearest first (at most
    /// 20: a loop in the chain ends there).
    pub(super) fn chain<'s>(&'s self, id: &str) -> impl Iterator<Item = &'s Style> + 's {
        let mut cur = self.map.get(id);
        std::iter::from_fn(move || {
            let st = cur?;
            cur = st.based_on.as_deref().and_then(|b| self.map.get(b));
            Some(st)
        })
        .take(20)
    }

    /// The run properties of a style with its `basedOn` chain.
    pub(super) fn rprops(&self, id: &str) -> RProps {
        self.chain(id)
            .fold(RProps::default(), |out, st| out.over(&st.rpr))
    }

    /// The first value `f` finds along the style's `basedOn` chain.
    pub(super) fn find<T>(&self, id: &str, f: impl Fn(&Style) -> Option<T>) -> Option<T> {
        self.chain(id).find_map(f)
    }
}
