//! The walk of the body: the walk context, block content, paragraphs and
//! numbered labels.

use super::*;

pub(super) struct Cx {
    pub(super) styles: Styles,
    pub(super) numbering: Numbering,
    /// numId → counters per level.
    pub(super) counters: HashMap<String, [u32; 9]>,
    pub(super) footnotes: HashMap<String, String>,
    /// Old-font runs converted, per font name.
    pub(super) legacy: HashMap<String, usize>,
    pub(super) tables: usize,
    pub(super) paras: usize,
    pub(super) rules: usize,
    pub(super) numbered: usize,
}

impl Cx {
    /// The block content of `node` (body, cell, text box, footnote, footer).
    pub(super) fn block(&mut self, node: Node, out: &mut Vec<Item>, loc: &Loc, depth: usize) {
        if depth > MAX_NESTING {
            return;
        }
        for c in node.children().filter(|c| c.is_element()) {
            if is(&c, "p") {
                let here = match loc {
                    Loc::Whole => {
                        self.paras += 1;
                        Loc::Para(self.paras)
                    }
                    other => other.clone(),
                };
                self.para(c, out, &here, depth);
            } else if is(&c, "tbl") {
                self.table(c, out, depth);
            } else if is(&c, "sdt") {
                if let Some(content) = child(&c, "sdtContent") {
                    self.block(content, out, loc, depth + 1);
                }
            } else if is(&c, "customXml") || c.tag_name().namespace() == Some(MC) {
                self.block(c, out, loc, depth + 1);
            }
        }
    }

    pub(super) fn para(&mut self, node: Node, out: &mut Vec<Item>, loc: &Loc, depth: usize) {
        let ppr = child(&node, "pPr");
        let pstyle = ppr
            .as_ref()
            .and_then(|p| child(p, "pStyle"))
            .and_then(|s| attr(&s, "val").map(str::to_string))
            .or_else(|| self.styles.default_para.clone());
        let base = match &pstyle {
            Some(s) => self.styles.rprops(s).over(&self.styles.defaults),
            None => self.styles.defaults.clone(),
        };
        let mut p = Para {
            loc: loc.clone(),
            ..Para::default()
        };
        if let Some(ppr) = &ppr {
            p.section_end = child(ppr, "sectPr").map(|s| landscape(&s));
            match child(ppr, "jc").and_then(|j| attr(&j, "val")) {
                Some("center") => p.center = true,
                Some("right" | "end") => p.right = true,
                Some(_) => {}
                None => {
                    p.center = pstyle
                        .as_ref()
                        .and_then(|s| self.styles.find(s, |st| st.center))
                        .unwrap_or(false)
                }
            }
            if let Some(b) = child(ppr, "pBdr") {
                p.rule = b.children().filter(|e| e.is_element()).any(|e| {
                    matches!(e.tag_name().name(), "top" | "bottom" | "between")
                        && !matches!(attr(&e, "val"), Some("nil" | "none") | None)
                });
            }
            p.page_break_before = on_off(ppr, "pageBreakBefore").unwrap_or(false);
        } else if let Some(s) = &pstyle {
            p.center = self.styles.find(s, |st| st.center).unwrap_or(false);
        }
        // Word numbering → a typed label.
        let num = ppr
            .as_ref()
            .and_then(|pp| child(pp, "numPr"))
            .and_then(|np| {
                let id = child(&np, "numId").and_then(|n| attr(&n, "val").map(str::to_string))?;
                let lvl = child(&np, "ilvl")
                    .and_then(|n| attr(&n, "val"))
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0u8);
                Some((id, lvl))
            })
            .or_else(|| {
                pstyle
                    .as_ref()
                    .and_then(|s| self.styles.find(s, |st| st.num.clone()))
            });
        let mut o = ParaOut {
            runs: std::mem::take(&mut p.runs),
            extra: Vec::new(),
            rule: p.rule,
        };
        self.runs(node, &base, &mut o, loc, depth);
        let extra = o.extra;
        (p.runs, p.rule) = (o.runs, o.rule);
        if let Some((id, lvl)) = num
            && let Some(label) = self.label(&id, lvl)
            && !p.text().trim().is_empty()
        {
            self.numbered += 1;
            p.numbered = true;
            let bold = p
                .runs
                .iter()
                .find(|r| !r.text.trim().is_empty())
                .is_some_and(|r| r.bold);
            p.runs.insert(
                0,
                Run {
                    text: format!("{label} "),
                    bold,
                    ..Run::default()
                },
            );
        }
        out.extend(extra);
        if p.rule {
            self.rules += 1;
        }
        out.push(Item::Para(p));
    }

    /// The label Word shows for a numbered paragraph, counting on.
    pub(super) fn label(&mut self, id: &str, lvl: u8) -> Option<String> {
        if id == "0" {
            return None;
        }
        let levels = self.numbering.nums.get(id)?;
        let lvl = usize::from(lvl.min(8));
        let level = levels.get(lvl)?.clone();
        let counters = self.counters.entry(id.to_string()).or_insert([0; 9]);
        if counters[lvl] == 0 {
            counters[lvl] = level.start;
        } else {
            counters[lvl] += 1;
        }
        for c in counters.iter_mut().skip(lvl + 1) {
            *c = 0;
        }
        if level.fmt == "bullet" {
            let t = level.text.trim();
            return Some(match t {
                "+" => "+".to_string(),
                _ => "-".to_string(),
            });
        }
        let mut s = level.text.clone();
        for (i, l) in levels.iter().enumerate().take(9) {
            let key = format!("%{}", i + 1);
            if s.contains(&key) {
                let v = if counters[i] == 0 {
                    l.start
                } else {
                    counters[i]
                };
                s = s.replace(&key, &format_num(&l.fmt, v));
            }
        }
        let s = s.trim().to_string();
        if s.is_empty() { None } else { Some(s) }
    }
}
