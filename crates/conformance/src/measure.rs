//! The pages indexed and measured: lines per paragraph block, ink extents,
//! the rules under lines, faces and sizes.

use crate::*;

/// One line of a paragraph on a page: its items on one baseline, with the
/// raised marks that belong to it.
#[derive(Debug, Clone)]
pub(crate) struct Line<'a> {
    pub(crate) page: usize,
    pub(crate) y: f32,
    pub(crate) items: Vec<&'a PlacedText>,
    pub(crate) marks: Vec<&'a PlacedText>,
}

impl Line<'_> {
    pub(crate) fn all(&self) -> impl Iterator<Item = &PlacedText> {
        self.items.iter().chain(&self.marks).copied()
    }
    pub(crate) fn left(&self) -> f32 {
        self.all().map(ink_left).fold(f32::INFINITY, f32::min)
    }
    pub(crate) fn right(&self) -> f32 {
        self.all().map(ink_right).fold(f32::NEG_INFINITY, f32::max)
    }
    pub(crate) fn centre(&self) -> f32 {
        (self.left() + self.right()) / 2.0
    }
    /// The centre of the advance box, trailing spaces included.
    pub(crate) fn box_centre(&self) -> f32 {
        let l = self.all().map(|t| t.x).fold(f32::INFINITY, f32::min);
        let r = self
            .all()
            .map(|t| t.x + t.width())
            .fold(f32::NEG_INFINITY, f32::max);
        (l + r) / 2.0
    }
    pub(crate) fn width(&self) -> f32 {
        self.right() - self.left()
    }
    pub(crate) fn text(&self) -> String {
        let mut v: Vec<&PlacedText> = self.all().collect();
        v.sort_by(|a, b| a.x.total_cmp(&b.x));
        v.iter().map(|t| t.text.as_str()).collect::<String>()
    }
}

pub(crate) fn is_space(t: &PlacedText, g: &Glyph) -> bool {
    t.text
        .get(g.range.clone())
        .is_some_and(|s| !s.is_empty() && s.chars().all(char::is_whitespace))
}

/// Left end of the first non-space glyph (the run's x if all are spaces).
pub(crate) fn ink_left(t: &PlacedText) -> f32 {
    let mut x = t.x;
    for g in &t.glyphs {
        if !is_space(t, g) {
            return x;
        }
        x += g.x_advance;
    }
    t.x
}

/// Right end of the last non-space glyph (the run's x if all are spaces).
pub(crate) fn ink_right(t: &PlacedText) -> f32 {
    let mut x = t.x;
    let mut end = t.x;
    for g in &t.glyphs {
        x += g.x_advance;
        if !is_space(t, g) {
            end = x;
        }
    }
    end
}

pub(crate) fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_digit())
}

/// The pages indexed: text lines per paragraph block, in page order.
pub(crate) struct Index<'a> {
    pub(crate) pages: &'a Pages,
    pub(crate) lines: BTreeMap<u32, Vec<Line<'a>>>,
}

impl<'a> Index<'a> {
    pub(crate) fn new(pages: &'a Pages) -> Self {
        let mut lines: BTreeMap<u32, Vec<Line<'a>>> = BTreeMap::new();
        for (pi, page) in pages.pages.iter().enumerate() {
            let mut by_block: BTreeMap<u32, Vec<&PlacedText>> = BTreeMap::new();
            for t in texts(page) {
                if !t.artifact {
                    by_block.entry(t.block).or_default().push(t);
                }
            }
            for (b, items) in by_block {
                let raised = |t: &PlacedText| {
                    is_digits(&t.text)
                        && items.iter().any(|o| {
                            o.size > t.size && o.y > t.y + TOL && o.y <= t.y + t.size + TOL
                        })
                };
                let mut ls: Vec<Line<'a>> = Vec::new();
                let mut marks = Vec::new();
                for &t in &items {
                    if raised(t) {
                        marks.push(t);
                        continue;
                    }
                    match ls.iter_mut().find(|l| (l.y - t.y).abs() < 0.01) {
                        Some(l) => l.items.push(t),
                        None => ls.push(Line {
                            page: pi,
                            y: t.y,
                            items: vec![t],
                            marks: Vec::new(),
                        }),
                    }
                }
                for m in marks {
                    let host = ls
                        .iter_mut()
                        .filter(|l| l.y > m.y)
                        .min_by(|a, b| a.y.total_cmp(&b.y));
                    match host {
                        Some(l) => l.marks.push(m),
                        None => ls.push(Line {
                            page: pi,
                            y: m.y,
                            items: vec![m],
                            marks: Vec::new(),
                        }),
                    }
                }
                ls.sort_by(|a, b| a.y.total_cmp(&b.y));
                lines.entry(b).or_default().extend(ls);
            }
        }
        Index { pages, lines }
    }

    pub(crate) fn lines(&self, block: u32) -> &[Line<'a>] {
        self.lines.get(&block).map_or(&[], Vec::as_slice)
    }

    pub(crate) fn first(&self, block: Option<u32>) -> Option<&Line<'a>> {
        block.and_then(|b| self.lines(b).first())
    }
}

pub(crate) fn texts(page: &Page) -> impl Iterator<Item = &PlacedText> {
    page.items.iter().filter_map(|i| match i {
        Item::Text(t) => Some(t),
        Item::Line(_) => None,
    })
}

pub(crate) fn rules(page: &Page) -> impl Iterator<Item = &PlacedLine> {
    page.items.iter().filter_map(|i| match i {
        Item::Line(l) if (l.y1 - l.y2).abs() < 0.01 => Some(l),
        _ => None,
    })
}

/// The horizontal rule just under a line: below its baseline by less than
/// its size, with its middle within the line's extent; the nearest.
pub(crate) fn rule_under<'a>(pages: &'a Pages, line: &Line<'_>) -> Option<&'a PlacedLine> {
    let page = pages.pages.get(line.page)?;
    let size = line.items.iter().map(|t| t.size).fold(0.0, f32::max);
    let (l, r) = (line.left(), line.right());
    rules(page)
        .filter(|k| {
            let mid = (k.x1 + k.x2) / 2.0;
            k.y1 > line.y && k.y1 <= line.y + size && mid >= l && mid <= r
        })
        .min_by(|a, b| a.y1.total_cmp(&b.y1))
}

pub(crate) fn in_range(v: f32, r: &RangeInclusive<f32>) -> bool {
    v >= r.start() - 1e-3 && v <= r.end() + 1e-3
}

pub(crate) fn face(f: FontId) -> &'static str {
    match f {
        FontId::Regular => "regular",
        FontId::Bold => "bold",
        FontId::Italic => "italic",
        FontId::BoldItalic => "bold italic",
    }
}

pub(crate) fn pg(line: &Line<'_>) -> String {
    format!("p{} y{:.1}", line.page + 1, line.y)
}

pub(crate) fn mm_of(pt: f32) -> f32 {
    pt / PT_PER_MM
}

/// Checks every item of a block: face and size.
pub(crate) fn style_of(
    f: &mut Findings,
    ix: &Index<'_>,
    what: &str,
    block: Option<u32>,
    font: FontId,
    sizes: &RangeInclusive<f32>,
) {
    let Some(b) = block else {
        f.fail(format!("no {what} in the flow"));
        return;
    };
    let lines = ix.lines(b);
    if lines.is_empty() {
        f.fail(format!("the {what} is not on any page"));
    }
    for line in lines {
        for t in line.all() {
            f.expect(t.font == font, || {
                format!(
                    "{what} {:?} is {}, not {}",
                    t.text,
                    face(t.font),
                    face(font)
                )
            });
            f.expect(in_range(t.size, sizes), || {
                format!(
                    "{what} {:?} is {} pt, not {}–{} pt",
                    t.text,
                    t.size,
                    sizes.start(),
                    sizes.end()
                )
            });
        }
    }
}

pub(crate) fn block_text(ix: &Index<'_>, b: Option<u32>) -> String {
    b.map(|b| {
        ix.lines(b)
            .iter()
            .map(Line::text)
            .collect::<Vec<_>>()
            .join(" ")
    })
    .unwrap_or_default()
}
