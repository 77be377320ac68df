//! A small, defensive PDF object reader: enough to follow the trailer, the
//! classic cross-reference tables (with `/Prev` chains of incremental
//! updates) and plain indirect objects and streams.
//!
//! It serves every step that reads a PDF: the XMP splice ([`crate::xmp`])
//! and the signature fields ([`crate::sign`]), which read krilla's own
//! output, the issuance fill ([`crate::issue`]) and the source extraction
//! ([`crate::extract`], which reads any file a user hands it).
//! Every malformed input gives an [`Err`] with a readable message, never a
//! panic; nesting depth and object counts are bounded.
//!
//! Not supported: cross-reference streams and object streams (PDF 1.5
//! compression). For those, and for broken tables, [`Doc::open`] falls back
//! to scanning the file for `N G obj` headers (the last definition wins), as
//! repair tools do.

use std::collections::BTreeMap;
use std::ops::Range;

/// A parse failure, with a message for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ReadError(pub String);

pub(crate) type Result<T> = std::result::Result<T, ReadError>;

fn fail<T>(msg: impl Into<String>) -> Result<T> {
    Err(ReadError(msg.into()))
}

/// A PDF object.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Obj {
    /// `null`.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A real, kept as written.
    Real(String),
    /// A string's bytes (literal or hex).
    Str(Vec<u8>),
    /// A name, without the slash, `#xx` escapes decoded.
    Name(Vec<u8>),
    /// An array.
    Array(Vec<Obj>),
    /// A dictionary, in file order.
    Dict(Dict),
    /// An indirect reference.
    Ref(u32, u16),
}

/// A dictionary in file order.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Dict(pub Vec<(Vec<u8>, Obj)>);

impl Dict {
    /// The value of `key` (without slash).
    pub fn get(&self, key: &str) -> Option<&Obj> {
        self.0
            .iter()
            .find(|(k, _)| k == key.as_bytes())
            .map(|(_, v)| v)
    }

    /// Sets `key` (replacing in place, or appending).
    pub fn set(&mut self, key: &str, value: Obj) {
        match self.0.iter_mut().find(|(k, _)| k == key.as_bytes()) {
            Some((_, v)) => *v = value,
            None => self.0.push((key.as_bytes().to_vec(), value)),
        }
    }
}

impl Obj {
    /// The name, if this is one.
    pub fn as_name(&self) -> Option<&[u8]> {
        match self {
            Obj::Name(n) => Some(n),
            _ => None,
        }
    }

    /// Serializes the object (deterministically).
    pub fn write(&self, out: &mut Vec<u8>) {
        match self {
            Obj::Null => out.extend_from_slice(b"null"),
            Obj::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
            Obj::Int(i) => out.extend_from_slice(i.to_string().as_bytes()),
            Obj::Real(r) => out.extend_from_slice(r.as_bytes()),
            Obj::Str(s) => {
                out.push(b'(');
                for &b in s {
                    match b {
                        b'(' | b')' | b'\\' => {
                            out.push(b'\\');
                            out.push(b);
                        }
                        b'\r' => out.extend_from_slice(b"\\r"),
                        b'\n' => out.extend_from_slice(b"\\n"),
                        _ => out.push(b),
                    }
                }
                out.push(b')');
            }
            Obj::Name(n) => write_name(n, out),
            Obj::Array(a) => {
                out.push(b'[');
                for (i, o) in a.iter().enumerate() {
                    if i > 0 {
                        out.push(b' ');
                    }
                    o.write(out);
                }
                out.push(b']');
            }
            Obj::Dict(d) => {
                out.extend_from_slice(b"<<");
                for (k, v) in &d.0 {
                    write_name(k, out);
                    out.push(b' ');
                    v.write(out);
                }
                out.extend_from_slice(b">>");
            }
            Obj::Ref(n, g) => out.extend_from_slice(format!("{n} {g} R").as_bytes()),
        }
    }
}

fn write_name(n: &[u8], out: &mut Vec<u8>) {
    out.push(b'/');
    for &b in n {
        if b.is_ascii_graphic() && !is_delim(b) && b != b'#' {
            out.push(b);
        } else {
            out.extend_from_slice(format!("#{b:02X}").as_bytes());
        }
    }
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0')
}

fn is_delim(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

/// Deepest nesting of arrays and dictionaries accepted.
const MAX_DEPTH: usize = 64;

/// A cursor over the file's bytes.
pub(crate) struct Lexer<'a> {
    s: &'a [u8],
    /// Current position.
    pub pos: usize,
}

impl<'a> Lexer<'a> {
    /// A lexer at `pos`.
    pub fn new(s: &'a [u8], pos: usize) -> Self {
        Lexer { s, pos }
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.pos).copied()
    }

    /// Skips white space and comments.
    pub fn skip_ws(&mut self) {
        while let Some(b) = self.peek() {
            if is_ws(b) {
                self.pos += 1;
            } else if b == b'%' {
                while let Some(c) = self.peek() {
                    if c == b'\r' || c == b'\n' {
                        break;
                    }
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    /// A run of regular characters (a keyword or number).
    fn token(&mut self) -> &'a [u8] {
        let start = self.pos;
        while let Some(b) = self.peek() {
            if is_ws(b) || is_delim(b) {
                break;
            }
            self.pos += 1;
        }
        &self.s[start..self.pos]
    }

    /// Reads the keyword `kw` or fails.
    pub fn expect(&mut self, kw: &[u8]) -> Result<()> {
        self.skip_ws();
        let at = self.pos;
        let t = self.token();
        if t == kw {
            Ok(())
        } else {
            fail(format!(
                "expected `{}` at byte {at}",
                String::from_utf8_lossy(kw)
            ))
        }
    }

    /// An unsigned integer, if one comes next (the position is kept otherwise).
    pub fn uint(&mut self) -> Option<u64> {
        self.skip_ws();
        let start = self.pos;
        let t = self.token();
        if t.is_empty() || t.len() > 18 || !t.iter().all(u8::is_ascii_digit) {
            self.pos = start;
            return None;
        }
        std::str::from_utf8(t).ok()?.parse().ok()
    }

    /// One object (references `N G R` included).
    pub fn object(&mut self) -> Result<Obj> {
        self.object_at_depth(0)
    }

    fn object_at_depth(&mut self, depth: usize) -> Result<Obj> {
        if depth > MAX_DEPTH {
            return fail("objects nested too deeply");
        }
        self.skip_ws();
        let at = self.pos;
        let Some(b) = self.peek() else {
            return fail("unexpected end of file");
        };
        match b {
            b'/' => {
                self.pos += 1;
                Ok(Obj::Name(decode_name(self.token())))
            }
            b'(' => self.literal_string(),
            b'<' if self.s.get(self.pos + 1) == Some(&b'<') => {
                self.pos += 2;
                let mut d = Dict::default();
                loop {
                    self.skip_ws();
                    match self.peek() {
                        Some(b'>') if self.s.get(self.pos + 1) == Some(&b'>') => {
                            self.pos += 2;
                            return Ok(Obj::Dict(d));
                        }
                        Some(b'/') => {
                            self.pos += 1;
                            let key = decode_name(self.token());
                            let value = self.object_at_depth(depth + 1)?;
                            // The first of duplicate keys wins, as in most readers.
                            if d.get_bytes(&key).is_none() {
                                d.0.push((key, value));
                            }
                        }
                        None => return fail("unterminated dictionary"),
                        Some(_) => {
                            return fail(format!("bad dictionary key at byte {}", self.pos));
                        }
                    }
                }
            }
            b'<' => self.hex_string(),
            b'[' => {
                self.pos += 1;
                let mut a = Vec::new();
                loop {
                    self.skip_ws();
                    match self.peek() {
                        Some(b']') => {
                            self.pos += 1;
                            return Ok(Obj::Array(a));
                        }
                        None => return fail("unterminated array"),
                        Some(_) => a.push(self.object_at_depth(depth + 1)?),
                    }
                }
            }
            _ => {
                let t = self.token();
                match t {
                    b"null" => Ok(Obj::Null),
                    b"true" => Ok(Obj::Bool(true)),
                    b"false" => Ok(Obj::Bool(false)),
                    _ if !t.is_empty() && t.iter().all(u8::is_ascii_digit) => {
                        let n: i64 = std::str::from_utf8(t)
                            .ok()
                            .and_then(|s| s.parse().ok())
                            .ok_or_else(|| ReadError(format!("bad number at byte {at}")))?;
                        // `N G R`?
                        let save = self.pos;
                        if let Some(g) = self.uint() {
                            self.skip_ws();
                            if self.peek() == Some(b'R') {
                                let after = self.s.get(self.pos + 1).copied();
                                if after.is_none_or(|c| is_ws(c) || is_delim(c)) {
                                    self.pos += 1;
                                    let (Ok(n), Ok(g)) = (u32::try_from(n), u16::try_from(g))
                                    else {
                                        return fail(format!("bad reference at byte {at}"));
                                    };
                                    return Ok(Obj::Ref(n, g));
                                }
                            }
                        }
                        self.pos = save;
                        Ok(Obj::Int(n))
                    }
                    _ if !t.is_empty()
                        && t.iter()
                            .all(|c| c.is_ascii_digit() || matches!(c, b'+' | b'-' | b'.')) =>
                    {
                        let s = String::from_utf8_lossy(t).into_owned();
                        match s.parse::<i64>() {
                            Ok(i) => Ok(Obj::Int(i)),
                            Err(_) if s.parse::<f64>().is_ok() || s.contains('.') => {
                                Ok(Obj::Real(s))
                            }
                            Err(_) => fail(format!("bad number at byte {at}")),
                        }
                    }
                    _ => fail(format!("unexpected token at byte {at}")),
                }
            }
        }
    }

    fn literal_string(&mut self) -> Result<Obj> {
        self.pos += 1; // (
        let mut out = Vec::new();
        let mut depth = 1usize;
        loop {
            let Some(b) = self.peek() else {
                return fail("unterminated string");
            };
            self.pos += 1;
            match b {
                b'(' => {
                    depth += 1;
                    out.push(b);
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        return Ok(Obj::Str(out));
                    }
                    out.push(b);
                }
                b'\\' => {
                    let Some(c) = self.peek() else {
                        return fail("unterminated string");
                    };
                    self.pos += 1;
                    match c {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'\r' => {
                            if self.peek() == Some(b'\n') {
                                self.pos += 1;
                            }
                        }
                        b'\n' => {}
                        b'0'..=b'7' => {
                            let mut v = u32::from(c - b'0');
                            for _ in 0..2 {
                                match self.peek() {
                                    Some(d @ b'0'..=b'7') => {
                                        v = v * 8 + u32::from(d - b'0');
                                        self.pos += 1;
                                    }
                                    _ => break,
                                }
                            }
                            out.push((v & 0xff) as u8);
                        }
                        other => out.push(other),
                    }
                }
                _ => out.push(b),
            }
        }
    }

    fn hex_string(&mut self) -> Result<Obj> {
        self.pos += 1; // <
        let mut nibbles = Vec::new();
        loop {
            let Some(b) = self.peek() else {
                return fail("unterminated hex string");
            };
            self.pos += 1;
            match b {
                b'>' => break,
                _ if is_ws(b) => {}
                _ => match (b as char).to_digit(16) {
                    Some(d) => nibbles.push(d as u8),
                    None => return fail(format!("bad hex string at byte {}", self.pos - 1)),
                },
            }
        }
        if nibbles.len() % 2 == 1 {
            nibbles.push(0);
        }
        Ok(Obj::Str(
            nibbles.chunks(2).map(|p| (p[0] << 4) | p[1]).collect(),
        ))
    }
}

impl Dict {
    fn get_bytes(&self, key: &[u8]) -> Option<&Obj> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
}

fn decode_name(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == b'#'
            && let Some(v) = raw
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(raw[i]);
        i += 1;
    }
    out
}

/// An indirect object as found in the file.
#[derive(Debug, Clone)]
pub(crate) struct Indirect {
    /// The object (a stream's dictionary for a stream).
    pub obj: Obj,
    /// A stream's raw (still encoded) data range.
    pub stream: Option<Range<usize>>,
}

/// The file: its bytes, where each object lives, and the newest trailer.
pub(crate) struct Doc<'a> {
    /// The file.
    pub bytes: &'a [u8],
    /// Object number → (generation, offset), newest definition.
    pub offsets: BTreeMap<u32, (u16, usize)>,
    /// The newest trailer dictionary.
    pub trailer: Dict,
    /// Offset of the newest cross-reference section (the last `startxref`).
    pub startxref: usize,
    /// Object number → byte position of the 10-digit offset field of its
    /// newest cross-reference entry (empty when the file was repaired by
    /// scanning): what a splice that moves objects rewrites.
    pub entry_at: BTreeMap<u32, usize>,
    /// Byte range of the number after the last `startxref` (empty when the
    /// file was repaired by scanning).
    pub startxref_at: Range<usize>,
}

/// Most objects accepted in one file (bounds memory on hostile input).
const MAX_OBJECTS: u64 = 8_000_000;

impl<'a> Doc<'a> {
    /// Reads the cross-reference chain; falls back to scanning the file.
    pub fn open(bytes: &'a [u8]) -> Result<Doc<'a>> {
        if !bytes.starts_with(b"%PDF-") {
            return fail("not a PDF file (no %PDF- header)");
        }
        match Self::from_xref(bytes) {
            Ok(doc) => Ok(doc),
            Err(e) => Self::from_scan(bytes).map_err(|_| e),
        }
    }

    fn from_xref(bytes: &'a [u8]) -> Result<Doc<'a>> {
        let sx = rfind(bytes, b"startxref").ok_or_else(|| ReadError("no startxref".into()))?;
        let mut lx = Lexer::new(bytes, sx + 9);
        lx.skip_ws();
        let number_at = lx.pos;
        let startxref = lx
            .uint()
            .and_then(|v| usize::try_from(v).ok())
            .ok_or_else(|| ReadError("no offset after startxref".into()))?;
        let startxref_at = number_at..lx.pos;
        let mut offsets = BTreeMap::new();
        let mut entry_at = BTreeMap::new();
        let mut trailer: Option<Dict> = None;
        let mut at = startxref;
        let mut seen = Vec::new();
        loop {
            if seen.contains(&at) {
                return fail("the /Prev chain of cross-reference sections loops");
            }
            seen.push(at);
            let (entries, t) = read_xref_table(bytes, at)?;
            for (n, g, off, at) in entries {
                offsets.entry(n).or_insert((g, off));
                entry_at.entry(n).or_insert(at);
            }
            let prev = match t.get("Prev") {
                Some(Obj::Int(p)) => {
                    Some(usize::try_from(*p).map_err(|_| ReadError("bad /Prev offset".into()))?)
                }
                _ => None,
            };
            if trailer.is_none() {
                trailer = Some(t);
            }
            match prev {
                Some(p) => at = p,
                None => break,
            }
        }
        let trailer = trailer.ok_or_else(|| ReadError("no trailer".into()))?;
        Ok(Doc {
            bytes,
            offsets,
            trailer,
            startxref,
            entry_at,
            startxref_at,
        })
    }

    /// Repair mode: every `N G obj` header in the file, the last one winning;
    /// the trailer from the last `trailer` keyword.
    fn from_scan(bytes: &'a [u8]) -> Result<Doc<'a>> {
        let mut offsets = BTreeMap::new();
        let mut i = 0;
        while let Some(p) = find(&bytes[i..], b"obj") {
            let kw = i + p;
            i = kw + 3;
            // Walk back over "N G ".
            let mut s = kw;
            let mut fields = 0;
            while fields < 2 {
                while s > 0 && is_ws(bytes[s - 1]) {
                    s -= 1;
                }
                let end = s;
                while s > 0 && bytes[s - 1].is_ascii_digit() {
                    s -= 1;
                }
                if s == end {
                    break;
                }
                fields += 1;
            }
            if fields < 2 || (s > 0 && !is_ws(bytes[s - 1]) && !is_delim(bytes[s - 1])) {
                continue;
            }
            let mut lx = Lexer::new(bytes, s);
            if let (Some(n), Some(g)) = (lx.uint(), lx.uint())
                && let (Ok(n), Ok(g)) = (u32::try_from(n), u16::try_from(g))
            {
                offsets.insert(n, (g, s));
            }
        }
        let t = rfind(bytes, b"trailer").ok_or_else(|| ReadError("no trailer".into()))?;
        let trailer = match Lexer::new(bytes, t + 7).object()? {
            Obj::Dict(d) => d,
            _ => return fail("the trailer is not a dictionary"),
        };
        Ok(Doc {
            bytes,
            offsets,
            trailer,
            startxref: 0,
            entry_at: BTreeMap::new(),
            startxref_at: 0..0,
        })
    }

    /// The highest object number in use, plus one.
    pub fn size(&self) -> u32 {
        let from_table = self.offsets.keys().next_back().map_or(1, |n| n + 1);
        match self.trailer.get("Size") {
            Some(Obj::Int(s)) => u32::try_from(*s).unwrap_or(0).max(from_table),
            _ => from_table,
        }
    }

    /// Reads indirect object `num`.
    pub fn get(&self, num: u32) -> Result<Indirect> {
        let &(_, off) = self
            .offsets
            .get(&num)
            .ok_or_else(|| ReadError(format!("object {num} is not in the file")))?;
        let mut lx = Lexer::new(self.bytes, off);
        let n = lx.uint();
        let _g = lx.uint();
        if n != Some(u64::from(num)) {
            return fail(format!(
                "object {num}: the cross-reference offset {off} points elsewhere"
            ));
        }
        lx.expect(b"obj")?;
        let obj = lx.object()?;
        lx.skip_ws();
        let mut stream = None;
        if let Obj::Dict(d) = &obj
            && self.bytes[lx.pos..].starts_with(b"stream")
        {
            let mut ds = lx.pos + 6;
            if self.bytes.get(ds) == Some(&b'\r') {
                ds += 1;
            }
            if self.bytes.get(ds) == Some(&b'\n') {
                ds += 1;
            }
            let len = match d.get("Length") {
                Some(Obj::Int(l)) => usize::try_from(*l).ok(),
                Some(Obj::Ref(r, _)) if *r != num => match self.get(*r)?.obj {
                    Obj::Int(l) => usize::try_from(l).ok(),
                    _ => None,
                },
                _ => None,
            };
            let end = match len {
                Some(l) if ds.checked_add(l).is_some_and(|e| e <= self.bytes.len()) => ds + l,
                _ => {
                    // Bad or missing /Length: up to `endstream`.
                    let e = find(&self.bytes[ds..], b"endstream")
                        .ok_or_else(|| ReadError(format!("object {num}: no endstream")))?;
                    let mut e = ds + e;
                    if e > ds && self.bytes[e - 1] == b'\n' {
                        e -= 1;
                    }
                    if e > ds && self.bytes[e - 1] == b'\r' {
                        e -= 1;
                    }
                    e
                }
            };
            stream = Some(ds..end);
        }
        Ok(Indirect { obj, stream })
    }

    /// Follows a reference (other objects are returned as they are).
    pub fn resolve(&self, obj: &Obj) -> Result<Obj> {
        match obj {
            Obj::Ref(n, _) => Ok(self.get(*n)?.obj),
            o => Ok(o.clone()),
        }
    }

    /// The catalog's object number and dictionary.
    pub fn catalog(&self) -> Result<(u32, Dict)> {
        let Some(Obj::Ref(root, _)) = self.trailer.get("Root") else {
            return fail("the trailer has no /Root reference");
        };
        match self.get(*root)?.obj {
            Obj::Dict(d) => Ok((*root, d)),
            _ => fail("the catalog is not a dictionary"),
        }
    }

    /// The page objects in order: (object number, dictionary).
    pub fn pages(&self) -> Result<Vec<(u32, Dict)>> {
        let (_, cat) = self.catalog()?;
        let Some(Obj::Ref(root, _)) = cat.get("Pages") else {
            return fail("the catalog has no /Pages reference");
        };
        let mut out = Vec::new();
        let mut visited = Vec::new();
        self.collect_pages(*root, &mut out, &mut visited, 0)?;
        Ok(out)
    }

    fn collect_pages(
        &self,
        num: u32,
        out: &mut Vec<(u32, Dict)>,
        visited: &mut Vec<u32>,
        depth: usize,
    ) -> Result<()> {
        if depth > MAX_DEPTH || visited.contains(&num) {
            return fail("the page tree loops or is too deep");
        }
        visited.push(num);
        let Obj::Dict(d) = self.get(num)?.obj else {
            return fail(format!("page tree node {num} is not a dictionary"));
        };
        match d.get("Type").and_then(Obj::as_name) {
            Some(b"Page") => out.push((num, d)),
            _ => {
                let Some(Obj::Array(kids)) = d.get("Kids") else {
                    return fail(format!("page tree node {num} has no /Kids"));
                };
                for k in kids {
                    let Obj::Ref(k, _) = k else {
                        return fail("a /Kids entry is not a reference");
                    };
                    self.collect_pages(*k, out, visited, depth + 1)?;
                }
            }
        }
        Ok(())
    }
}

/// In-use cross-reference entries: (object number, generation, offset,
/// byte position of the offset field).
type Entries = Vec<(u32, u16, usize, usize)>;

/// One classic cross-reference section at `at`: its in-use entries and its
/// trailer dictionary.
fn read_xref_table(bytes: &[u8], at: usize) -> Result<(Entries, Dict)> {
    let mut lx = Lexer::new(bytes, at);
    lx.skip_ws();
    if !bytes.get(lx.pos..).is_some_and(|s| s.starts_with(b"xref")) {
        return fail(
            "the cross-reference data is not a classic xref table (compressed PDF 1.5 \
             cross-reference streams are not supported)",
        );
    }
    lx.pos += 4;
    let mut entries = Vec::new();
    let mut total = 0u64;
    while let Some(first) = lx.uint() {
        let count = lx
            .uint()
            .ok_or_else(|| ReadError("bad xref subsection header".into()))?;
        total += count;
        if total > MAX_OBJECTS {
            return fail("too many objects in the cross-reference table");
        }
        for i in 0..count {
            lx.skip_ws();
            let field = lx.pos;
            let off = lx.uint();
            let gen_ = lx.uint();
            lx.skip_ws();
            let kind = lx.token();
            let (Some(off), Some(gen_)) = (off, gen_) else {
                return fail("bad cross-reference entry");
            };
            if kind == b"n" && off > 0 {
                let n = u32::try_from(first + i).map_err(|_| ReadError("bad object".into()))?;
                let g = u16::try_from(gen_).map_err(|_| ReadError("bad generation".into()))?;
                let off = usize::try_from(off).map_err(|_| ReadError("bad offset".into()))?;
                if off >= bytes.len() {
                    return fail(format!("object {n} lies beyond the end of the file"));
                }
                entries.push((n, g, off, field));
            } else if kind != b"f" && kind != b"n" {
                return fail("bad cross-reference entry type");
            }
        }
    }
    lx.expect(b"trailer")?;
    match lx.object()? {
        Obj::Dict(d) => Ok((entries, d)),
        _ => fail("the trailer is not a dictionary"),
    }
}

/// First position of `needle` in `hay`.
pub(crate) fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Last position of `needle` in `hay`.
pub(crate) fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Obj {
        Lexer::new(s.as_bytes(), 0).object().expect("parses")
    }

    #[test]
    fn objects_round_trip() {
        for s in [
            "<</Type/Page/MediaBox[0 0 595.3 841.9]/Parent 1 0 R/Lang(vi-VN)>>",
            "[1 -2 3.5 null true false /A#20B (a\\(b\\)c)]",
        ] {
            let o = parse(s);
            let mut out = Vec::new();
            o.write(&mut out);
            assert_eq!(parse(std::str::from_utf8(&out).expect("utf8")), o);
        }
        assert_eq!(parse("<48 65 6c6c 6F>"), Obj::Str(b"Hello".to_vec()));
        assert_eq!(parse("(a\\101\\\nb)"), Obj::Str(b"aAb".to_vec()));
        assert_eq!(parse("12 0 R"), Obj::Ref(12, 0));
        assert_eq!(parse("12 0"), Obj::Int(12));
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        for s in [
            "",
            "<<",
            "[",
            "(",
            "<zz>",
            "<</A",
            "<<1 2>>",
            "99999999999999999999",
            ")",
        ] {
            assert!(Lexer::new(s.as_bytes(), 0).object().is_err(), "{s:?}");
        }
        let deep = "[".repeat(1000);
        assert!(Lexer::new(deep.as_bytes(), 0).object().is_err());
        assert!(Doc::open(b"not a pdf").is_err());
        assert!(Doc::open(b"%PDF-1.7\nstartxref\n5\n%%EOF").is_err());
        assert!(Doc::open(b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<</Root 1 0 R>>").is_ok());
    }
}
