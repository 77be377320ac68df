//! The import report: what was recognised, what was guessed (and from
//! what), what was kept as plain paragraphs and what was left out (with its
//! text), each with where in the source it came from.

use vanban_model::lang::{Lang, Msg};

/// Where in the source.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Loc {
    /// The whole source.
    #[default]
    Whole,
    /// Paragraph `n` of the document body (1-based, tables not counted).
    Para(usize),
    /// A paragraph in cell (`row`, `cell`) of table `table` (all 1-based).
    Cell {
        /// Table number.
        table: usize,
        /// Row.
        row: usize,
        /// Cell in the row.
        cell: usize,
    },
    /// Table `n` as a whole.
    Table(usize),
    /// Line `n` of a text file (1-based).
    Line(usize),
    /// Footnote `n` of the DOCX.
    Footnote(usize),
    /// A page footer of the DOCX.
    Footer,
}

impl Loc {
    /// The place in words.
    pub fn describe(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        match self {
            Loc::Whole => if vi {
                "toàn văn bản"
            } else {
                "whole document"
            }
            .into(),
            Loc::Para(n) => {
                if vi {
                    format!("đoạn {n}")
                } else {
                    format!("paragraph {n}")
                }
            }
            Loc::Cell { table, row, cell } => {
                if vi {
                    format!("bảng {table}, hàng {row}, ô {cell}")
                } else {
                    format!("table {table}, row {row}, cell {cell}")
                }
            }
            Loc::Table(n) => {
                if vi {
                    format!("bảng {n}")
                } else {
                    format!("table {n}")
                }
            }
            Loc::Line(n) => {
                if vi {
                    format!("dòng {n}")
                } else {
                    format!("line {n}")
                }
            }
            Loc::Footnote(n) => {
                if vi {
                    format!("chú thích {n}")
                } else {
                    format!("footnote {n}")
                }
            }
            Loc::Footer => if vi { "chân trang" } else { "page footer" }.into(),
        }
    }
}

/// What happened to a piece of the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Recognised with certainty (a "Số:" line, the national name, …).
    Recognised,
    /// Guessed; the message says from what.
    Guessed,
    /// Kept as a plain paragraph of the body.
    Plain,
    /// Not kept in the document (a template note, an instruction in
    /// brackets, a rule typed as underscores): the message quotes it.
    Omitted,
    /// Converted (old font encoding, Word numbering, …).
    Converted,
}

impl Kind {
    fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Kind::Recognised, Lang::Vi) => "nhận diện",
            (Kind::Guessed, Lang::Vi) => "đoán",
            (Kind::Plain, Lang::Vi) => "giữ nguyên đoạn",
            (Kind::Omitted, Lang::Vi) => "không đưa vào",
            (Kind::Converted, Lang::Vi) => "chuyển đổi",
            (Kind::Recognised, Lang::En) => "recognised",
            (Kind::Guessed, Lang::En) => "guessed",
            (Kind::Plain, Lang::En) => "kept as paragraph",
            (Kind::Omitted, Lang::En) => "left out",
            (Kind::Converted, Lang::En) => "converted",
        }
    }
}

/// One line of the report.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// What happened.
    pub kind: Kind,
    /// Where.
    pub loc: Loc,
    /// What, in both languages.
    pub msg: Msg,
}

/// The import report.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    /// Its lines, in source order as far as possible.
    pub entries: Vec<Entry>,
}

impl Report {
    /// Adds a line.
    pub fn add(&mut self, kind: Kind, loc: &Loc, vi: impl Into<String>, en: impl Into<String>) {
        self.entries.push(Entry {
            kind,
            loc: loc.clone(),
            msg: Msg::new(vi, en),
        });
    }

    /// The lines of one kind.
    pub fn of(&self, kind: Kind) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(move |e| e.kind == kind)
    }

    /// Whether some line of `kind` contains `needle` (in either language).
    pub fn mentions(&self, kind: Kind, needle: &str) -> bool {
        self.of(kind)
            .any(|e| e.msg.vi.contains(needle) || e.msg.en.contains(needle))
    }

    /// The report as text, one line per entry, with a count per kind first.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = String::new();
        let kinds = [
            Kind::Recognised,
            Kind::Converted,
            Kind::Guessed,
            Kind::Plain,
            Kind::Omitted,
        ];
        let head = if lang == Lang::Vi {
            "Báo cáo nhập văn bản"
        } else {
            "Import report"
        };
        out.push_str(head);
        out.push_str(": ");
        let counts: Vec<String> = kinds
            .iter()
            .map(|k| format!("{} {}", self.of(*k).count(), k.label(lang)))
            .collect();
        out.push_str(&counts.join(", "));
        out.push('\n');
        for e in &self.entries {
            out.push_str(&format!(
                "  [{}] {}: {}\n",
                e.kind.label(lang),
                e.loc.describe(lang),
                e.msg.get(lang)
            ));
        }
        out
    }
}

/// Shortens a quotation for the report (at most 80 characters).
pub fn quote(s: &str) -> String {
    let s = crate::ir::collapse(s).replace('\n', " ");
    let n = s.chars().count();
    if n <= 80 {
        format!("“{s}”")
    } else {
        let head: String = s.chars().take(77).collect();
        format!("“{head}…”")
    }
}
