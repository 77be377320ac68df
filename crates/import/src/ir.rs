//! What a source gives the recogniser: paragraphs with their runs and a few
//! layout facts, and tables. DOCX and plain text both produce this.

use crate::report::Loc;

/// A run of text with one formatting.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Run {
    /// The text: `\n` is a line break, `\t` a tab.
    pub text: String,
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
    /// Superscript.
    pub sup: bool,
    /// A real footnote at this point: its text as inline markup.
    pub note: Option<String>,
}

/// A paragraph.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Para {
    /// The runs, in order.
    pub runs: Vec<Run>,
    /// Centred.
    pub center: bool,
    /// Aligned right.
    pub right: bool,
    /// A rule goes with this paragraph (border, drawn line), or it is one.
    pub rule: bool,
    /// The label Word's numbering shows, already prefixed to the runs.
    pub numbered: bool,
    /// Starts on a new page.
    pub page_break_before: bool,
    /// Where it came from.
    pub loc: Loc,
    /// Set on a landscape page (its DOCX section has `w:orient="landscape"`
    /// or a page wider than high).
    pub landscape: bool,
    /// It ends a DOCX section (`w:sectPr` in its properties): whether that
    /// section is landscape.
    pub section_end: Option<bool>,
}

/// A table cell.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cell {
    /// Its content.
    pub items: Vec<Item>,
    /// Columns spanned (`w:gridSpan`), at least 1.
    pub span: usize,
    /// Continues the cell above (`w:vMerge` without restart).
    pub merged_up: bool,
}

/// A table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    /// Rows of cells.
    pub rows: Vec<Vec<Cell>>,
    /// Rows marked as header rows (`w:tblHeader`), from the top.
    pub header_rows: usize,
    /// Whether the cells have visible borders.
    pub ruled: bool,
    /// Column widths (`w:gridCol`, twips).
    pub widths: Vec<u32>,
    /// Where it came from (table number).
    pub loc: Loc,
}

/// A paragraph or a table.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A paragraph.
    Para(Para),
    /// A table.
    Table(Table),
}

impl Para {
    /// The plain text (line breaks as `\n`, tabs as `\t`), without notes.
    pub fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }

    /// The runs without superscript ones (note marks typed as superscript
    /// digits), for titles and căn cứ lines.
    pub fn runs_no_sup(&self) -> Vec<Run> {
        self.runs.iter().filter(|r| !r.sup).cloned().collect()
    }

    /// The plain text without superscript runs.
    pub fn text_no_sup(&self) -> String {
        self.runs
            .iter()
            .filter(|r| !r.sup)
            .map(|r| r.text.as_str())
            .collect()
    }

    /// The text with tabs and runs of spaces collapsed, trimmed.
    pub fn clean(&self) -> String {
        collapse(&self.text())
    }

    /// Whether every non-blank character is in bold runs.
    pub fn all_bold(&self) -> bool {
        let mut any = false;
        for r in &self.runs {
            if r.text.trim().is_empty() {
                continue;
            }
            any = true;
            if !r.bold {
                return false;
            }
        }
        any
    }

    /// Whether every non-blank character is in italic runs.
    pub fn all_italic(&self) -> bool {
        let mut any = false;
        for r in &self.runs {
            if r.text.trim().is_empty() {
                continue;
            }
            any = true;
            if !r.italic {
                return false;
            }
        }
        any
    }

    /// A paragraph of one plain run.
    pub fn plain(text: &str, loc: Loc) -> Para {
        Para {
            runs: vec![Run {
                text: text.to_string(),
                ..Run::default()
            }],
            loc,
            ..Para::default()
        }
    }
}

/// Tabs, non-breaking spaces and runs of spaces → one space; trimmed; line
/// breaks kept (spaces around them dropped).
pub fn collapse(s: &str) -> String {
    let mut lines = Vec::new();
    for line in s.split('\n') {
        let words: Vec<&str> = line
            .split([' ', '\t', '\u{a0}'])
            .filter(|w| !w.is_empty())
            .collect();
        lines.push(words.join(" "));
    }
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    while lines.first().is_some_and(|l| l.is_empty()) {
        lines.remove(0);
    }
    lines.join("\n")
}

/// Escapes text for vanban's inline markup (`*`, `\`, `^[`, and brackets
/// inside a footnote).
pub fn escape(s: &str, in_note: bool) -> String {
    let mut out = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let esc = match c {
            '*' | '\\' => true,
            '^' => chars.get(i + 1) == Some(&'['),
            '[' | ']' => in_note,
            _ => false,
        };
        if esc {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Inline markup for runs: bold/italic as `**`/`*` (unless the whole
/// paragraph carries it, `skip_bold`/`skip_italic`), footnotes as `^[…]`,
/// superscript runs left out when `drop_sup`. Whitespace is collapsed.
pub fn markup(runs: &[Run], skip_bold: bool, skip_italic: bool) -> String {
    markup_with(runs, skip_bold, skip_italic, false)
}

/// [`markup`] for the text of a footnote (brackets escaped, no nested notes).
pub fn markup_note(runs: &[Run]) -> String {
    markup_with(runs, false, false, true)
}

fn markup_with(runs: &[Run], skip_bold: bool, skip_italic: bool, in_note: bool) -> String {
    // Collapse whitespace across runs first, keeping run boundaries.
    let mut segs: Vec<(String, bool, bool, Option<String>)> = Vec::new();
    let mut prev_space = true;
    for r in runs {
        let mut t = String::new();
        for c in r.text.chars() {
            let c = if c == '\t' || c == '\u{a0}' { ' ' } else { c };
            if c == ' ' {
                if !prev_space {
                    t.push(' ');
                }
                prev_space = true;
            } else if c == '\n' {
                if t.ends_with(' ') {
                    t.pop();
                }
                t.push('\n');
                prev_space = true;
            } else {
                t.push(c);
                prev_space = false;
            }
        }
        segs.push((
            t,
            r.bold && !skip_bold,
            r.italic && !skip_italic,
            r.note.clone(),
        ));
    }
    let mut out = String::new();
    for (t, b, i, note) in segs {
        if !t.is_empty() {
            let stars = match (b, i) {
                (true, true) => "***",
                (true, false) => "**",
                (false, true) => "*",
                _ => "",
            };
            let core = t.trim_matches(char::is_whitespace);
            if stars.is_empty() || core.is_empty() || out.ends_with('*') {
                out.push_str(&escape(&t, in_note));
            } else {
                let lead = &t[..t.len() - t.trim_start_matches(char::is_whitespace).len()];
                let trail = &t[t.trim_end_matches(char::is_whitespace).len()..];
                out.push_str(&escape(lead, in_note));
                out.push_str(stars);
                out.push_str(&escape(core, in_note));
                out.push_str(stars);
                out.push_str(&escape(trail, in_note));
            }
        }
        if let Some(n) = note.filter(|_| !in_note) {
            let n = n.trim();
            if !n.is_empty() {
                out.push_str("^[");
                out.push_str(n);
                out.push(']');
            }
        }
    }
    // Trim outer whitespace; a line break at either end is dropped.
    out.trim_matches(|c: char| c == ' ' || c == '\n')
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(t: &str, bold: bool, italic: bool) -> Run {
        Run {
            text: t.into(),
            bold,
            italic,
            ..Run::default()
        }
    }

    #[test]
    fn markup_of_runs() {
        let r = [
            run("về \"", false, false),
            run("Tăng cường ", false, true),
            run("\"; ", false, false),
            run("5*3", true, false),
        ];
        assert_eq!(markup(&r, false, false), "về \"*Tăng cường* \"; **5\\*3**");
        assert_eq!(collapse("  a\t\tb  \n c "), "a b\nc");
    }
}
