//! Pre-Unicode Vietnamese encodings → Unicode NFC.
//!
//! Before Unicode, Vietnamese was typed in 8-bit font encodings: the bytes
//! are only readable with the font they were typed in. A DOCX converted from
//! such a .doc keeps the bytes as Latin-1-looking characters (U+00A1–U+00FF)
//! and names the font, so the font name decides the encoding of a run:
//!
//! - **TCVN3** (TCVN 5712:1993, the "ABC" fonts `.VnTime`, `.VnArial`, …):
//!   one byte per letter; the table [`TCVN3_HIGH`] is the standard's code
//!   chart for 0xA1–0xFF (the VN3 lower-case letters with their tones and
//!   the seven upper-case letters Ă Â Ê Ô Ơ Ư Đ; the remaining cells hold the
//!   upper-case toned letters of the standard's full repertoire). The "H"
//!   faces (`.VnTimeH`, `.VnArialH`, …) draw capitals at the lower-case
//!   positions, so their text is decoded and then upper-cased.
//! - **VNI** (VNI Software's `VNI-Times`, `VNI-Helve`, …, "VNI Windows"
//!   code table): a base letter followed by one byte that carries the
//!   vowel mark and the tone together; ơ, ư, đ and the toned i / ỵ are
//!   single bytes. Upper case uses the upper-case Latin-1 counterparts of the
//!   mark bytes. Table: [`VNI_MARKS`] and [`VNI_SINGLE`].
//! - **VIQR** (RFC 1456, "Vietnamese Quoted-Readable"): ASCII with the marks
//!   typed after the letter: `(` breve, `^` circumflex, `+` horn, `'` acute,
//!   `` ` `` grave, `?` hook above, `~` tilde, `.` dot below, `dd` for đ, and
//!   `\` to keep the next character literal.
//! - **Windows-1258** (Microsoft code page 1258): a base letter followed by a
//!   combining tone mark; normalised to NFC. [`CP1258_HIGH`] is the code
//!   page's table for 0x80–0xFF, used for plain-text files that are not UTF-8.

use unicode_normalization::UnicodeNormalization;

/// The 8-bit encoding a font name implies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FontEncoding {
    /// Unicode (any other font).
    Unicode,
    /// TCVN3 (`.Vn…` fonts).
    Tcvn3,
    /// TCVN3 with an upper-case face (`.Vn…H` fonts).
    Tcvn3Upper,
    /// VNI (`VNI-…` fonts).
    Vni,
}

/// Which encoding a run typed in font `name` uses: `.VnTime` → TCVN3,
/// `.VnTimeH` → TCVN3 upper case, `VNI-Times` → VNI, anything else Unicode.
pub fn font_encoding(name: &str) -> FontEncoding {
    let n = name.trim();
    if n.len() > 3 && n[..3].eq_ignore_ascii_case(".vn") {
        // The upper-case faces end in "H" (.VnTimeH, .VnArialH, .VnArial NarrowH).
        if n.ends_with('H') {
            FontEncoding::Tcvn3Upper
        } else {
            FontEncoding::Tcvn3
        }
    } else if n.len() > 4 && n[..4].eq_ignore_ascii_case("vni-")
        || n.len() > 4 && n[..4].eq_ignore_ascii_case("vni ")
    {
        FontEncoding::Vni
    } else {
        FontEncoding::Unicode
    }
}

/// Decodes text typed in a font of encoding `enc` (each character standing
/// for the byte of the same value) to Unicode NFC.
pub fn decode(text: &str, enc: FontEncoding) -> String {
    match enc {
        FontEncoding::Unicode => text.nfc().collect(),
        FontEncoding::Tcvn3 => tcvn3_to_unicode(text),
        FontEncoding::Tcvn3Upper => tcvn3_to_unicode(text).to_uppercase(),
        FontEncoding::Vni => vni_to_unicode(text),
    }
}

/// TCVN 5712:1993 (TCVN3), bytes 0xA1–0xFF → Unicode (index = byte − 0xA1).
pub const TCVN3_HIGH: [char; 95] = [
    '\u{0102}', // 0xA1 Ă
    '\u{00C2}', // 0xA2 Â
    '\u{00CA}', // 0xA3 Ê
    '\u{00D4}', // 0xA4 Ô
    '\u{01A0}', // 0xA5 Ơ
    '\u{01AF}', // 0xA6 Ư
    '\u{0110}', // 0xA7 Đ
    '\u{0103}', // 0xA8 ă
    '\u{00E2}', // 0xA9 â
    '\u{00EA}', // 0xAA ê
    '\u{00F4}', // 0xAB ô
    '\u{01A1}', // 0xAC ơ
    '\u{01B0}', // 0xAD ư
    '\u{0111}', // 0xAE đ
    '\u{1EB0}', // 0xAF Ằ
    '\u{0300}', // 0xB0 combining
    '\u{0309}', // 0xB1 combining
    '\u{0303}', // 0xB2 combining
    '\u{0301}', // 0xB3 combining
    '\u{0323}', // 0xB4 combining
    '\u{00E0}', // 0xB5 à
    '\u{1EA3}', // 0xB6 ả
    '\u{00E3}', // 0xB7 ã
    '\u{00E1}', // 0xB8 á
    '\u{1EA1}', // 0xB9 ạ
    '\u{1EB2}', // 0xBA Ẳ
    '\u{1EB1}', // 0xBB ằ
    '\u{1EB3}', // 0xBC ẳ
    '\u{1EB5}', // 0xBD ẵ
    '\u{1EAF}', // 0xBE ắ
    '\u{1EB4}', // 0xBF Ẵ
    '\u{1EAE}', // 0xC0 Ắ
    '\u{1EA6}', // 0xC1 Ầ
    '\u{1EA8}', // 0xC2 Ẩ
    '\u{1EAA}', // 0xC3 Ẫ
    '\u{1EA4}', // 0xC4 Ấ
    '\u{1EC0}', // 0xC5 Ề
    '\u{1EB7}', // 0xC6 ặ
    '\u{1EA7}', // 0xC7 ầ
    '\u{1EA9}', // 0xC8 ẩ
    '\u{1EAB}', // 0xC9 ẫ
    '\u{1EA5}', // 0xCA ấ
    '\u{1EAD}', // 0xCB ậ
    '\u{00E8}', // 0xCC è
    '\u{1EC2}', // 0xCD Ể
    '\u{1EBB}', // 0xCE ẻ
    '\u{1EBD}', // 0xCF ẽ
    '\u{00E9}', // 0xD0 é
    '\u{1EB9}', // 0xD1 ẹ
    '\u{1EC1}', // 0xD2 ề
    '\u{1EC3}', // 0xD3 ể
    '\u{1EC5}', // 0xD4 ễ
    '\u{1EBF}', // 0xD5 ế
    '\u{1EC7}', // 0xD6 ệ
    '\u{00EC}', // 0xD7 ì
    '\u{1EC9}', // 0xD8 ỉ
    '\u{1EC4}', // 0xD9 Ễ
    '\u{1EBE}', // 0xDA Ế
    '\u{1ED2}', // 0xDB Ồ
    '\u{0129}', // 0xDC ĩ
    '\u{00ED}', // 0xDD í
    '\u{1ECB}', // 0xDE ị
    '\u{00F2}', // 0xDF ò
    '\u{1ED4}', // 0xE0 Ổ
    '\u{1ECF}', // 0xE1 ỏ
    '\u{00F5}', // 0xE2 õ
    '\u{00F3}', // 0xE3 ó
    '\u{1ECD}', // 0xE4 ọ
    '\u{1ED3}', // 0xE5 ồ
    '\u{1ED5}', // 0xE6 ổ
    '\u{1ED7}', // 0xE7 ỗ
    '\u{1ED1}', // 0xE8 ố
    '\u{1ED9}', // 0xE9 ộ
    '\u{1EDD}', // 0xEA ờ
    '\u{1EDF}', // 0xEB ở
    '\u{1EE1}', // 0xEC ỡ
    '\u{1EDB}', // 0xED ớ
    '\u{1EE3}', // 0xEE ợ
    '\u{00F9}', // 0xEF ù
    '\u{1ED6}', // 0xF0 Ỗ
    '\u{1EE7}', // 0xF1 ủ
    '\u{0169}', // 0xF2 ũ
    '\u{00FA}', // 0xF3 ú
    '\u{1EE5}', // 0xF4 ụ
    '\u{1EEB}', // 0xF5 ừ
    '\u{1EED}', // 0xF6 ử
    '\u{1EEF}', // 0xF7 ữ
    '\u{1EE9}', // 0xF8 ứ
    '\u{1EF1}', // 0xF9 ự
    '\u{1EF3}', // 0xFA ỳ
    '\u{1EF7}', // 0xFB ỷ
    '\u{1EF9}', // 0xFC ỹ
    '\u{00FD}', // 0xFD ý
    '\u{1EF5}', // 0xFE ỵ
    '\u{1ED0}', // 0xFF Ố
];

/// Microsoft code page 1258, bytes 0x80–0xFF → Unicode (U+FFFD: unassigned).
pub const CP1258_HIGH: [char; 128] = [
    '\u{20AC}', '\u{FFFD}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}',
    '\u{2021}', // 0x80
    '\u{02C6}', '\u{2030}', '\u{FFFD}', '\u{2039}', '\u{0152}', '\u{FFFD}', '\u{FFFD}',
    '\u{FFFD}', // 0x88
    '\u{FFFD}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}',
    '\u{2014}', // 0x90
    '\u{02DC}', '\u{2122}', '\u{FFFD}', '\u{203A}', '\u{0153}', '\u{FFFD}', '\u{FFFD}',
    '\u{0178}', // 0x98
    '\u{00A0}', '\u{00A1}', '\u{00A2}', '\u{00A3}', '\u{00A4}', '\u{00A5}', '\u{00A6}',
    '\u{00A7}', // 0xA0
    '\u{00A8}', '\u{00A9}', '\u{00AA}', '\u{00AB}', '\u{00AC}', '\u{00AD}', '\u{00AE}',
    '\u{00AF}', // 0xA8
    '\u{00B0}', '\u{00B1}', '\u{00B2}', '\u{00B3}', '\u{00B4}', '\u{00B5}', '\u{00B6}',
    '\u{00B7}', // 0xB0
    '\u{00B8}', '\u{00B9}', '\u{00BA}', '\u{00BB}', '\u{00BC}', '\u{00BD}', '\u{00BE}',
    '\u{00BF}', // 0xB8
    '\u{00C0}', '\u{00C1}', '\u{00C2}', '\u{0102}', '\u{00C4}', '\u{00C5}', '\u{00C6}',
    '\u{00C7}', // 0xC0
    '\u{00C8}', '\u{00C9}', '\u{00CA}', '\u{00CB}', '\u{0300}', '\u{00CD}', '\u{00CE}',
    '\u{00CF}', // 0xC8
    '\u{0110}', '\u{00D1}', '\u{0309}', '\u{00D3}', '\u{00D4}', '\u{01A0}', '\u{00D6}',
    '\u{00D7}', // 0xD0
    '\u{00D8}', '\u{00D9}', '\u{00DA}', '\u{00DB}', '\u{00DC}', '\u{01AF}', '\u{0303}',
    '\u{00DF}', // 0xD8
    '\u{00E0}', '\u{00E1}', '\u{00E2}', '\u{0103}', '\u{00E4}', '\u{00E5}', '\u{00E6}',
    '\u{00E7}', // 0xE0
    '\u{00E8}', '\u{00E9}', '\u{00EA}', '\u{00EB}', '\u{0301}', '\u{00ED}', '\u{00EE}',
    '\u{00EF}', // 0xE8
    '\u{0111}', '\u{00F1}', '\u{0323}', '\u{00F3}', '\u{00F4}', '\u{01A1}', '\u{00F6}',
    '\u{00F7}', // 0xF0
    '\u{00F8}', '\u{00F9}', '\u{00FA}', '\u{00FB}', '\u{00FC}', '\u{01B0}', '\u{20AB}',
    '\u{00FF}', // 0xF8
];

/// The byte a Windows-1252 reading gives for characters that Word shows for
/// bytes 0x80–0x9F of an 8-bit font (so that such text decodes the same as
/// the Latin-1 reading).
fn cp1252_byte(c: char) -> Option<u8> {
    const T: [(char, u8); 27] = [
        ('\u{20AC}', 0x80),
        ('\u{201A}', 0x82),
        ('\u{0192}', 0x83),
        ('\u{201E}', 0x84),
        ('\u{2026}', 0x85),
        ('\u{2020}', 0x86),
        ('\u{2021}', 0x87),
        ('\u{02C6}', 0x88),
        ('\u{2030}', 0x89),
        ('\u{0160}', 0x8A),
        ('\u{2039}', 0x8B),
        ('\u{0152}', 0x8C),
        ('\u{017D}', 0x8E),
        ('\u{2018}', 0x91),
        ('\u{2019}', 0x92),
        ('\u{201C}', 0x93),
        ('\u{201D}', 0x94),
        ('\u{2022}', 0x95),
        ('\u{2013}', 0x96),
        ('\u{2014}', 0x97),
        ('\u{02DC}', 0x98),
        ('\u{2122}', 0x99),
        ('\u{0161}', 0x9A),
        ('\u{203A}', 0x9B),
        ('\u{0153}', 0x9C),
        ('\u{017E}', 0x9E),
        ('\u{0178}', 0x9F),
    ];
    T.iter().find(|(k, _)| *k == c).map(|(_, b)| *b)
}

/// TCVN3 text (one character per byte) → Unicode NFC.
pub fn tcvn3_to_unicode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let u = c as u32;
        if (0xA1..=0xFF).contains(&u) {
            out.push(TCVN3_HIGH[(u - 0xA1) as usize]);
        } else {
            out.push(c);
        }
    }
    out.nfc().collect()
}

/// Unicode → TCVN3 bytes (as Latin-1 characters), for tests and tools. A
/// letter the standard's chart lacks is written upper-case-less: `None`
/// when some character cannot be written at all.
pub fn unicode_to_tcvn3(text: &str) -> Option<String> {
    let mut out = String::new();
    for c in text.nfc() {
        if (c as u32) < 0x80 {
            out.push(c);
        } else if let Some(i) = TCVN3_HIGH.iter().position(|&t| t == c) {
            out.push(char::from_u32(0xA1 + i as u32)?);
        } else {
            return None;
        }
    }
    Some(out)
}

/// Unicode → text for an upper-case `.Vn…H` face: the lower-case letters'
/// bytes (the face draws them as capitals).
pub fn unicode_to_tcvn3_upper_face(text: &str) -> Option<String> {
    unicode_to_tcvn3(&text.to_lowercase())
}

/// VNI mark bytes (lower case) after a base letter: (base, mark byte, result).
/// Upper case: base and mark upper-cased (Latin-1), e.g. "AÙ" = "Á".
pub const VNI_MARKS: [(char, char, char); 58] = [
    // a: acute ù, grave ø, hook û, tilde õ, dot ï
    ('a', 'ù', 'á'),
    ('a', 'ø', 'à'),
    ('a', 'û', 'ả'),
    ('a', 'õ', 'ã'),
    ('a', 'ï', 'ạ'),
    // â: circumflex â, with tones á à å ã ä
    ('a', 'â', 'â'),
    ('a', 'á', 'ấ'),
    ('a', 'à', 'ầ'),
    ('a', 'å', 'ẩ'),
    ('a', 'ã', 'ẫ'),
    ('a', 'ä', 'ậ'),
    // ă: breve ê, with tones é è ú ü ë
    ('a', 'ê', 'ă'),
    ('a', 'é', 'ắ'),
    ('a', 'è', 'ằ'),
    ('a', 'ú', 'ẳ'),
    ('a', 'ü', 'ẵ'),
    ('a', 'ë', 'ặ'),
    ('e', 'ù', 'é'),
    ('e', 'ø', 'è'),
    ('e', 'û', 'ẻ'),
    ('e', 'õ', 'ẽ'),
    ('e', 'ï', 'ẹ'),
    ('e', 'â', 'ê'),
    ('e', 'á', 'ế'),
    ('e', 'à', 'ề'),
    ('e', 'å', 'ể'),
    ('e', 'ã', 'ễ'),
    ('e', 'ä', 'ệ'),
    ('o', 'ù', 'ó'),
    ('o', 'ø', 'ò'),
    ('o', 'û', 'ỏ'),
    ('o', 'õ', 'õ'),
    ('o', 'ï', 'ọ'),
    ('o', 'â', 'ô'),
    ('o', 'á', 'ố'),
    ('o', 'à', 'ồ'),
    ('o', 'å', 'ổ'),
    ('o', 'ã', 'ỗ'),
    ('o', 'ä', 'ộ'),
    // ơ is the single byte ô; ư the single byte ö; tones follow as for a
    ('ô', 'ù', 'ớ'),
    ('ô', 'ø', 'ờ'),
    ('ô', 'û', 'ở'),
    ('ô', 'õ', 'ỡ'),
    ('ô', 'ï', 'ợ'),
    ('u', 'ù', 'ú'),
    ('u', 'ø', 'ù'),
    ('u', 'û', 'ủ'),
    ('u', 'õ', 'ũ'),
    ('u', 'ï', 'ụ'),
    ('ö', 'ù', 'ứ'),
    ('ö', 'ø', 'ừ'),
    ('ö', 'û', 'ử'),
    ('ö', 'õ', 'ữ'),
    ('ö', 'ï', 'ự'),
    ('y', 'ù', 'ý'),
    ('y', 'ø', 'ỳ'),
    ('y', 'û', 'ỷ'),
    ('y', 'õ', 'ỹ'),
];

/// VNI single bytes (lower case): ơ ư đ and the toned i and ỵ. Upper case:
/// the upper-case Latin-1 byte ("Ô" = "Ơ", "Ñ" = "Đ").
pub const VNI_SINGLE: [(char, char); 9] = [
    ('ô', 'ơ'),
    ('ö', 'ư'),
    ('ñ', 'đ'),
    ('í', 'í'),
    ('ì', 'ì'),
    ('æ', 'ỉ'),
    ('ó', 'ĩ'),
    ('ò', 'ị'),
    ('î', 'ỵ'),
];

fn latin1_upper(c: char) -> char {
    let u = c as u32;
    if (0xE0..=0xFE).contains(&u) && u != 0xF7 {
        char::from_u32(u - 0x20).unwrap_or(c)
    } else {
        c.to_ascii_uppercase()
    }
}

fn vni_pair(base: char, mark: char) -> Option<char> {
    for &(b, m, r) in VNI_MARKS.iter() {
        if b == base && m == mark {
            return Some(r);
        }
        if latin1_upper(b) == base && latin1_upper(m) == mark {
            return r.to_uppercase().next();
        }
    }
    None
}

fn vni_single(c: char) -> Option<char> {
    for &(k, r) in VNI_SINGLE.iter() {
        if k == c {
            return Some(r);
        }
        if latin1_upper(k) == c {
            return r.to_uppercase().next();
        }
    }
    None
}

/// Characters Word may show instead of the Latin-1 reading for bytes
/// 0x80–0x9F are put back to those bytes first.
fn as_byte_char(c: char) -> char {
    cp1252_byte(c).map(char::from).unwrap_or(c)
}

/// VNI text (one character per byte) → Unicode NFC.
pub fn vni_to_unicode(text: &str) -> String {
    let chars: Vec<char> = text.chars().map(as_byte_char).collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if let Some(&next) = chars.get(i + 1)
            && let Some(r) = vni_pair(c, next)
        {
            out.push(r);
            i += 2;
            continue;
        }
        out.push(vni_single(c).unwrap_or(c));
        i += 1;
    }
    out.nfc().collect()
}

/// Unicode → VNI (as Latin-1 characters), for tests and tools; `None` when
/// a character has no VNI form.
pub fn unicode_to_vni(text: &str) -> Option<String> {
    let mut out = String::new();
    for c in text.nfc() {
        let lower = c.to_lowercase().next().unwrap_or(c);
        let upper = c != lower;
        let conv = |s: char| if upper { latin1_upper(s) } else { s };
        if let Some(&(b, m, _)) = VNI_MARKS.iter().find(|(_, _, r)| *r == lower) {
            out.push(conv(b));
            out.push(conv(m));
        } else if let Some(&(k, _)) = VNI_SINGLE.iter().find(|(_, r)| *r == lower) {
            out.push(conv(k));
        } else if (c as u32) < 0x80 {
            out.push(c);
        } else {
            return None;
        }
    }
    Some(out)
}

/// Which base letters take which VIQR vowel mark (RFC 1456 §2).
fn viqr_vowel_mark(base: char, mark: char) -> Option<char> {
    let r = match (base.to_ascii_lowercase(), mark) {
        ('a', '(') => 'ă',
        ('a', '^') => 'â',
        ('e', '^') => 'ê',
        ('o', '^') => 'ô',
        ('o', '+') => 'ơ',
        ('u', '+') => 'ư',
        _ => return None,
    };
    Some(if base.is_ascii_uppercase() {
        r.to_uppercase().next().unwrap_or(r)
    } else {
        r
    })
}

fn viqr_tone(mark: char) -> Option<char> {
    Some(match mark {
        '\'' => '\u{0301}',
        '`' => '\u{0300}',
        '?' => '\u{0309}',
        '~' => '\u{0303}',
        '.' => '\u{0323}',
        _ => return None,
    })
}

fn is_viqr_vowel(c: char) -> bool {
    "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY".contains(c)
}

/// VIQR (RFC 1456) → Unicode NFC. `?` after a vowel is the hook except at
/// the end of a line; `.` is the dot below only when a letter follows (both
/// double as sentence punctuation); `\` keeps the next character literal.
pub fn viqr_to_unicode(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' && i + 1 < chars.len() {
            out.push(chars[i + 1]);
            i += 2;
            continue;
        }
        if (c == 'd' || c == 'D') && matches!(chars.get(i + 1), Some('d') | Some('D')) {
            out.push(if c == 'D' { 'Đ' } else { 'đ' });
            i += 2;
            continue;
        }
        let mut base = c;
        let mut j = i + 1;
        if let Some(&m) = chars.get(j)
            && let Some(v) = viqr_vowel_mark(base, m)
        {
            base = v;
            j += 1;
        }
        if is_viqr_vowel(base)
            && let Some(&m) = chars.get(j)
            && let Some(t) = viqr_tone(m)
        {
            // RFC 1456: "?" after a vowel is the hook (a literal one is "\\?");
            // at the end of a line it is read as a question mark. "." is the
            // dot below only inside a word (a sentence ends with a period).
            let next = chars.get(j + 1);
            let next_letter = next.is_some_and(|n| n.is_alphabetic());
            let line_end = next.is_none_or(|n| *n == '\n' || *n == '\r');
            let tone = match m {
                '.' => next_letter,
                '?' => !line_end,
                _ => true,
            };
            if tone {
                out.push(base);
                out.push(t);
                i = j + 1;
                continue;
            }
        }
        out.push(base);
        i = j;
    }
    out.nfc().collect()
}

/// Unicode → VIQR (RFC 1456), for tests and tools: per letter, the vowel
/// mark (`(`, `^`, `+`) first, then the tone, as the RFC writes them.
pub fn unicode_to_viqr(text: &str) -> String {
    let mut out = String::new();
    for ch in text.nfc() {
        match ch {
            'đ' => out.push_str("dd"),
            'Đ' => out.push_str("DD"),
            _ => {
                let mut vowel = String::new();
                let mut tone = String::new();
                for c in ch.to_string().nfd() {
                    match c {
                        '\u{0301}' => tone.push('\''),
                        '\u{0300}' => tone.push('`'),
                        '\u{0309}' => tone.push('?'),
                        '\u{0303}' => tone.push('~'),
                        '\u{0323}' => tone.push('.'),
                        '\u{0306}' => vowel.push('('),
                        '\u{0302}' => vowel.push('^'),
                        '\u{031B}' => vowel.push('+'),
                        _ => out.push(c),
                    }
                }
                out.push_str(&vowel);
                out.push_str(&tone);
            }
        }
    }
    out
}

/// Whether ASCII-only text looks like VIQR: at least three words with a
/// vowel mark (`a(`, `a^`, `o+`, `dd`) or a tone after a vowel inside a word.
pub fn looks_like_viqr(text: &str) -> bool {
    if !text.is_ascii() {
        return false;
    }
    let mut hits = 0usize;
    for w in text.split_whitespace() {
        let b = w.as_bytes();
        let marked = b.windows(2).any(|p| {
            let (x, y) = (p[0].to_ascii_lowercase(), p[1]);
            matches!(
                (x, y),
                (b'a', b'(')
                    | (b'a' | b'e' | b'o', b'^')
                    | (b'o' | b'u', b'+')
                    | (b'd', b'd')
                    | (b'd', b'D')
            )
        }) || b.windows(3).any(|p| {
            b"aeiouyAEIOUY".contains(&p[0]) && b"'`~?".contains(&p[1]) && p[2].is_ascii_alphabetic()
        });
        if marked {
            hits += 1;
        }
    }
    hits >= 3
}

/// Decodes the bytes of a plain-text file: UTF-8 (with or without BOM),
/// UTF-16 with BOM, else Windows-1258; always NFC. Also says which.
pub fn decode_text_file(bytes: &[u8]) -> (String, &'static str) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return (String::from_utf8_lossy(rest).nfc().collect(), "UTF-8");
    }
    if bytes.len() >= 2 && (bytes[..2] == [0xFF, 0xFE] || bytes[..2] == [0xFE, 0xFF]) {
        let le = bytes[0] == 0xFF;
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        return (String::from_utf16_lossy(&units).nfc().collect(), "UTF-16");
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return (s.nfc().collect(), "UTF-8");
    }
    let s: String = bytes
        .iter()
        .map(|&b| {
            if b < 0x80 {
                char::from(b)
            } else {
                CP1258_HIGH[(b - 0x80) as usize]
            }
        })
        .collect();
    (s.nfc().collect(), "Windows-1258")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The 12 vowels (with their marks) × 6 tones, plus đ: every Vietnamese
    /// letter form, lower case (67 + đ); with upper case 134 + Đ/đ.
    pub(crate) fn all_letters() -> Vec<String> {
        let bases = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"];
        let tones = [
            "", "\u{0301}", "\u{0300}", "\u{0309}", "\u{0303}", "\u{0323}",
        ];
        let mut v = Vec::new();
        for b in bases {
            for t in tones {
                let s: String = format!("{b}{t}").nfc().collect();
                v.push(s.clone());
                v.push(s.to_uppercase());
            }
        }
        v.push("đ".into());
        v.push("Đ".into());
        v
    }

    #[test]
    fn every_letter_form_is_one_character() {
        let all = all_letters();
        assert_eq!(all.len(), 146);
        // 12 vowels × 6 tones × 2 cases + đ Đ; each one character in NFC.
        assert!(all.iter().all(|s| s.chars().count() == 1), "{all:?}");
    }

    #[test]
    fn tcvn3_lower_case_both_ways() {
        for l in all_letters() {
            let lower = l.to_lowercase();
            let bytes = unicode_to_tcvn3(&lower).unwrap_or_else(|| panic!("no TCVN3 for {lower}"));
            assert_eq!(bytes.chars().count(), 1, "{lower}");
            assert_eq!(tcvn3_to_unicode(&bytes), lower);
            // The .VnTimeH face: same byte, drawn (and decoded) upper case.
            let h = unicode_to_tcvn3_upper_face(&l).unwrap_or_else(|| panic!("{l}"));
            assert_eq!(decode(&h, FontEncoding::Tcvn3Upper), l.to_uppercase());
        }
    }

    #[test]
    fn tcvn3_known_words() {
        // "Cộng hòa xã hội chủ nghĩa Việt Nam" as typed in .VnTime.
        // Byte strings as glibc's iconv TCVN5712-1 writes them.
        assert_eq!(
            tcvn3_to_unicode("Céng hßa x· héi chñ nghÜa ViÖt Nam"),
            "Cộng hòa xã hội chủ nghĩa Việt Nam"
        );
        assert_eq!(tcvn3_to_unicode("§éc lËp"), "Độc lập");
        assert_eq!(
            decode("uû ban nh©n d©n", FontEncoding::Tcvn3Upper),
            "UỶ BAN NHÂN DÂN"
        );
    }

    #[test]
    fn vni_both_ways() {
        for l in all_letters() {
            let v = unicode_to_vni(&l).unwrap_or_else(|| panic!("no VNI for {l}"));
            assert_eq!(vni_to_unicode(&v), l, "{l} = {v:?}");
        }
        assert_eq!(
            vni_to_unicode("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam"),
            "Cộng hòa xã hội chủ nghĩa Việt Nam"
        );
        assert_eq!(vni_to_unicode("ÑOÄC LAÄP"), "ĐỘC LẬP");
        assert_eq!(vni_to_unicode("Thöôøng tröïc"), "Thường trực");
    }

    #[test]
    fn viqr_both_ways() {
        for l in all_letters() {
            let v = unicode_to_viqr(&format!("{l}n"));
            assert_eq!(viqr_to_unicode(&v), format!("{l}n"), "{v}");
        }
        assert_eq!(
            viqr_to_unicode("Co^.ng ho`a xa~ ho^.i chu? nghi~a Vie^.t Nam"),
            "Cộng hòa xã hội chủ nghĩa Việt Nam"
        );
        assert_eq!(viqr_to_unicode("DDo^.c la^.p. Ai?"), "Độc lập. Ai?");
        assert!(looks_like_viqr(
            "Co^.ng ho`a xa~ ho^.i chu? nghi~a Vie^.t Nam"
        ));
        assert!(!looks_like_viqr("Hello world, this is plain English."));
    }

    #[test]
    fn cp1258_decomposed_to_nfc() {
        // "Việt" in Windows-1258: V i e^ (0xEA) + combining dot below (0xF2) t.
        let (s, enc) = decode_text_file(b"Vi\xEA\xF2t Nam");
        assert_eq!(enc, "Windows-1258");
        assert_eq!(s, "Việt Nam");
        let (s, _) = decode_text_file("Vie\u{0302}\u{0323}t".as_bytes());
        assert_eq!(s, "Việt");
    }

    #[test]
    fn font_names() {
        assert_eq!(font_encoding(".VnTime"), FontEncoding::Tcvn3);
        assert_eq!(font_encoding(".VnTimeH"), FontEncoding::Tcvn3Upper);
        assert_eq!(font_encoding(".VnArial NarrowH"), FontEncoding::Tcvn3Upper);
        assert_eq!(font_encoding("VNI-Times"), FontEncoding::Vni);
        assert_eq!(font_encoding("Times New Roman"), FontEncoding::Unicode);
    }
}
