//! Fonts and shaping: the one place where text is measured.
//!
//! The four faces of Liberation Serif 2.1 (Times New Roman's advance widths,
//! SIL OFL 1.1) are bundled; a user's own Times New Roman can replace them.
//! Text is shaped with rustybuzz, kerning included, word by word with a
//! cached shape plan per face and a cache of shaped words, and the PDF draws
//! exactly these glyphs: what is measured is what is drawn.

use crate::flow::FontStyle;
use crate::paginate::FxHasher;
use rustybuzz::{Direction, Face, ShapePlan, UnicodeBuffer};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

/// One of the four faces of the serif family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FontId {
    /// Upright.
    Regular,
    /// Bold.
    Bold,
    /// Italic.
    Italic,
    /// Bold italic.
    BoldItalic,
}

impl FontId {
    /// All faces, in a fixed order.
    pub const ALL: [FontId; 4] = [
        FontId::Regular,
        FontId::Bold,
        FontId::Italic,
        FontId::BoldItalic,
    ];

    /// The face for a style.
    pub fn from_style(style: FontStyle) -> FontId {
        match (style.bold, style.italic) {
            (false, false) => FontId::Regular,
            (true, false) => FontId::Bold,
            (false, true) => FontId::Italic,
            (true, true) => FontId::BoldItalic,
        }
    }

    /// Index into per-face arrays.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// Errors loading fonts.
#[derive(Debug, thiserror::Error)]
pub enum FontError {
    /// A font file could not be read.
    #[error("cannot read font file {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A font file is not a usable TrueType/OpenType font.
    #[error("{path} is not a usable TrueType/OpenType font")]
    Parse {
        /// The file.
        path: PathBuf,
    },
    /// A face of the family is missing from the folder.
    #[error("no {face} face of Times New Roman in {dir} (looked for {names})")]
    Missing {
        /// Which face.
        face: &'static str,
        /// The folder.
        dir: PathBuf,
        /// The file names tried.
        names: String,
    },
}

/// Characters below this code point have their cmap answer memoised
/// (Latin, Vietnamese U+1EA0–U+1EF9, general punctuation such as “ ”).
const COVERAGE_LIMIT: usize = 0x2100;

/// One loaded face with its shaping plan.
pub(crate) struct LoadedFace {
    data: &'static [u8],
    face: Face<'static>,
    plan: ShapePlan,
    source: String,
    /// Memoised [`FontSet::has_char`] for code points below
    /// [`COVERAGE_LIMIT`]: 0 not looked up yet, 1 has a glyph, 2 has none.
    /// Filled lazily (a cmap lookup per distinct character, not per
    /// character of every paragraph), shared by all threads.
    coverage: Box<[AtomicU8]>,
}

/// The four faces used by a document. Parse once per process, share freely.
pub struct FontSet {
    faces: [LoadedFace; 4],
    /// The family name written into the DOCX (always
    /// [`vanban_model::decree::FONT_FAMILY`]).
    pub family: &'static str,
}

static REGULAR: &[u8] = include_bytes!("../../../fonts/LiberationSerif-Regular.ttf");
static BOLD: &[u8] = include_bytes!("../../../fonts/LiberationSerif-Bold.ttf");
static ITALIC: &[u8] = include_bytes!("../../../fonts/LiberationSerif-Italic.ttf");
static BOLD_ITALIC: &[u8] = include_bytes!("../../../fonts/LiberationSerif-BoldItalic.ttf");

/// File names of Times New Roman's faces as shipped by Windows and the
/// msttcorefonts package, per face (lower-cased match).
const TNR_FILES: [(&str, &[&str]); 4] = [
    (
        "regular",
        &["times.ttf", "times new roman.ttf", "timesnewroman.ttf"],
    ),
    (
        "bold",
        &[
            "timesbd.ttf",
            "times new roman bold.ttf",
            "timesnewroman_bold.ttf",
        ],
    ),
    (
        "italic",
        &[
            "timesi.ttf",
            "times new roman italic.ttf",
            "timesnewroman_italic.ttf",
        ],
    ),
    (
        "bold italic",
        &[
            "timesbi.ttf",
            "times new roman bold italic.ttf",
            "timesnewroman_bold_italic.ttf",
        ],
    ),
];

fn load(data: &'static [u8], source: String, path: &Path) -> Result<LoadedFace, FontError> {
    let face = Face::from_slice(data, 0).ok_or_else(|| FontError::Parse {
        path: path.to_path_buf(),
    })?;
    let plan = ShapePlan::new(
        &face,
        Direction::LeftToRight,
        Some(rustybuzz::script::LATIN),
        None,
        &[],
    );
    Ok(LoadedFace {
        data,
        face,
        plan,
        source,
        coverage: (0..COVERAGE_LIMIT).map(|_| AtomicU8::new(0)).collect(),
    })
}

impl FontSet {
    /// The bundled Liberation Serif 2.1 faces, parsed once per process.
    pub fn bundled() -> &'static FontSet {
        static SET: OnceLock<FontSet> = OnceLock::new();
        SET.get_or_init(|| {
            let mk = |d: &'static [u8], n: &str| {
                // The bundled files are known-good; a failure here is a build defect.
                load(d, format!("bundled fonts/{n}"), Path::new(n))
                    .unwrap_or_else(|e| unreachable!("bundled font {n}: {e}"))
            };
            FontSet {
                faces: [
                    mk(REGULAR, "LiberationSerif-Regular.ttf"),
                    mk(BOLD, "LiberationSerif-Bold.ttf"),
                    mk(ITALIC, "LiberationSerif-Italic.ttf"),
                    mk(BOLD_ITALIC, "LiberationSerif-BoldItalic.ttf"),
                ],
                family: vanban_model::decree::FONT_FAMILY,
            }
        })
    }

    /// Times New Roman from a folder (e.g. `C:\Windows\Fonts` or the
    /// msttcorefonts folder). The bytes live for the rest of the process.
    pub fn from_dir(dir: &Path) -> Result<FontSet, FontError> {
        let entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(|source| FontError::Io {
                path: dir.to_path_buf(),
                source,
            })?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        let mut faces = Vec::with_capacity(4);
        for (face, names) in TNR_FILES {
            let found = entries.iter().find(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| names.contains(&n.to_lowercase().as_str()))
            });
            let path = found.ok_or_else(|| FontError::Missing {
                face,
                dir: dir.to_path_buf(),
                names: names.join(", "),
            })?;
            let bytes = std::fs::read(path).map_err(|source| FontError::Io {
                path: path.clone(),
                source,
            })?;
            let data: &'static [u8] = Box::leak(bytes.into_boxed_slice());
            faces.push(load(data, path.display().to_string(), path)?);
        }
        let faces: [LoadedFace; 4] = faces.try_into().map_err(|_| FontError::Parse {
            path: dir.to_path_buf(),
        })?;
        Ok(FontSet {
            faces,
            family: vanban_model::decree::FONT_FAMILY,
        })
    }

    fn face(&self, id: FontId) -> &LoadedFace {
        &self.faces[id.index()]
    }

    /// The font file's bytes (for embedding).
    pub fn data(&self, id: FontId) -> &'static [u8] {
        self.face(id).data
    }

    /// Where the face came from, for `vanban fonts`.
    pub fn source(&self, id: FontId) -> &str {
        &self.face(id).source
    }

    /// Units per em.
    pub fn units_per_em(&self, id: FontId) -> f32 {
        self.face(id).face.units_per_em() as f32
    }

    /// Ascender in em (hhea/OS2 as the face reports it).
    pub fn ascender(&self, id: FontId) -> f32 {
        f32::from(self.face(id).face.ascender()) / self.units_per_em(id)
    }

    /// Descender in em, positive downwards.
    pub fn descender(&self, id: FontId) -> f32 {
        -f32::from(self.face(id).face.descender()) / self.units_per_em(id)
    }

    /// Whether the face has a glyph for `c`.
    pub fn has_char(&self, id: FontId, c: char) -> bool {
        let lf = self.face(id);
        let Some(slot) = lf.coverage.get(c as usize) else {
            return lf.face.glyph_index(c).is_some();
        };
        match slot.load(Ordering::Relaxed) {
            1 => true,
            2 => false,
            _ => {
                let has = lf.face.glyph_index(c).is_some();
                slot.store(if has { 1 } else { 2 }, Ordering::Relaxed);
                has
            }
        }
    }
}

/// A glyph as shaped, in font units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShapedGlyph {
    /// Glyph id.
    pub id: u16,
    /// Advance in font units.
    pub advance: i32,
    /// Horizontal offset in font units.
    pub x_offset: i32,
    /// Vertical offset in font units.
    pub y_offset: i32,
    /// Byte offset of the glyph's cluster in the shaped string.
    pub cluster: u32,
}

/// A shaped word: glyphs and total advance in font units.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShapedWord {
    /// Glyphs.
    pub glyphs: Vec<ShapedGlyph>,
    /// Sum of advances.
    pub advance: i32,
}

/// Shapes text with a per-document cache of shaped words.
pub struct Shaper<'f> {
    fonts: &'f FontSet,
    /// Shaped words by text, one slot per face (looked up by `&str`, so a
    /// hit allocates nothing). Fx-hashed like the typesetter's word cache;
    /// never iterated, so the hasher cannot change any output.
    cache: HashMap<Box<str>, [Option<Rc<ShapedWord>>; 4], BuildHasherDefault<FxHasher>>,
}

impl<'f> Shaper<'f> {
    /// A shaper over a font set.
    pub fn new(fonts: &'f FontSet) -> Self {
        Shaper {
            fonts,
            cache: HashMap::default(),
        }
    }

    /// The font set.
    pub fn fonts(&self) -> &'f FontSet {
        self.fonts
    }

    /// Shapes one word (no line-breaking spaces inside), cached. Kerning is
    /// on (harfbuzz's default for Latin); the DOCX asks Word to kern too.
    pub fn shape(&mut self, font: FontId, word: &str) -> Rc<ShapedWord> {
        if let Some(w) = self.cache.get(word).and_then(|e| e[font.index()].as_ref()) {
            return w.clone();
        }
        let w = Rc::new(self.shape_uncached(font, word));
        let entry = match self.cache.get_mut(word) {
            Some(e) => e,
            None => self.cache.entry(Box::from(word)).or_default(),
        };
        entry[font.index()] = Some(w.clone());
        w
    }

    /// Shapes one word without the cache, for callers that keep their own
    /// (the typesetter's per-thread word cache).
    pub fn shape_uncached(&self, font: FontId, word: &str) -> ShapedWord {
        let lf = self.fonts.face(font);
        let mut buf = UnicodeBuffer::new();
        buf.push_str(word);
        buf.set_direction(Direction::LeftToRight);
        buf.set_script(rustybuzz::script::LATIN);
        let out = rustybuzz::shape_with_plan(&lf.face, &lf.plan, buf);
        let glyphs: Vec<ShapedGlyph> = out
            .glyph_infos()
            .iter()
            .zip(out.glyph_positions())
            .map(|(i, p)| ShapedGlyph {
                id: u16::try_from(i.glyph_id).unwrap_or(0),
                advance: p.x_advance,
                x_offset: p.x_offset,
                y_offset: p.y_offset,
                cluster: i.cluster,
            })
            .collect();
        let advance = glyphs.iter().map(|g| g.advance).sum();
        ShapedWord { glyphs, advance }
    }

    /// Advance width in points of `text` at `size`, spaces included
    /// (shaped word by word, as the typesetter sets it).
    pub fn width(&mut self, font: FontId, size: f32, text: &str) -> f32 {
        let upem = self.fonts.units_per_em(font);
        let mut total = 0i64;
        for (i, word) in text.split(' ').enumerate() {
            if i > 0 {
                total += i64::from(self.shape(font, " ").advance);
            }
            if !word.is_empty() {
                total += i64::from(self.shape(font, word).advance);
            }
        }
        total as f32 * size / upem
    }

    /// The first character of `text` that `font` has no glyph for.
    pub fn missing_char(&self, font: FontId, text: &str) -> Option<char> {
        text.chars()
            .find(|&c| !c.is_whitespace() && !self.fonts.has_char(font, c))
    }
}
