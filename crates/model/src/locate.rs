//! A small, non-recursive JSON scanner: finds where a JSON path starts in the
//! source (so validation errors get a line and column) and checks the nesting
//! depth before serde sees the input (so absurdly deep input gives a clear
//! error and can never overflow the stack).
//!
//! The scanner is lenient: on malformed input it keeps going as best it can
//! and never panics; serde reports the actual syntax error.

use std::collections::{HashMap, HashSet};

/// A 1-based line and column (the column counts characters, not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

/// The position of byte offset `at`, given the start of its line.
fn position(json: &str, line: usize, line_start: usize, at: usize) -> Position {
    let prefix = json.get(line_start..at).unwrap_or("");
    Position {
        line,
        column: prefix.chars().count() + 1,
    }
}

/// A container being scanned.
enum Frame {
    /// An object; `key` is the last key read, `base` the length of its path.
    Object { key: Option<String>, base: usize },
    /// An array; `index` is the current element, `base` the length of its path.
    Array { index: usize, base: usize },
}

/// What the scanner reports at the start of each value; return `true` to stop.
trait Visit {
    fn value(
        &mut self,
        path: &str,
        depth: usize,
        at: usize,
        line: usize,
        line_start: usize,
    ) -> bool;
}

/// Skips a JSON string starting at `i` (a `"`); returns the index after it.
fn skip_string(b: &[u8], i: usize) -> usize {
    let mut j = i + 1;
    while let Some(&c) = b.get(j) {
        match c {
            b'\\' => j += 2,
            b'"' => return j + 1,
            _ => j += 1,
        }
    }
    b.len()
}

/// Walks `json`, calling `visit` at the start of each value with its path
/// (`a.b[3].c`, root = "") and its depth (containers enclosing it, + 1 for a
/// container itself).
fn walk(json: &str, visit: &mut impl Visit) {
    let b = json.as_bytes();
    let mut i = 0usize;
    let mut line = 1usize;
    let mut line_start = 0usize;
    let mut frames: Vec<Frame> = Vec::new();
    let mut path = String::new();
    let mut expect_key = false;

    // Sets `path` to the path of the value starting now.
    fn enter(frames: &mut [Frame], path: &mut String) {
        match frames.last_mut() {
            None => path.clear(),
            Some(Frame::Array { index, base }) => {
                path.truncate(*base);
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
            Some(Frame::Object { key, base }) => {
                path.truncate(*base);
                if *base > 0 {
                    path.push('.');
                }
                path.push_str(key.as_deref().unwrap_or("?"));
            }
        }
    }

    while let Some(&c) = b.get(i) {
        match c {
            b'\n' => {
                i += 1;
                line += 1;
                line_start = i;
            }
            b' ' | b'\t' | b'\r' | b':' => i += 1,
            b'"' => {
                let end = skip_string(b, i);
                if expect_key && matches!(frames.last(), Some(Frame::Object { .. })) {
                    let raw = json.get(i..end).unwrap_or("");
                    let key = serde_json::from_str::<String>(raw).unwrap_or_else(|_| {
                        raw.trim_start_matches('"')
                            .trim_end_matches('"')
                            .to_string()
                    });
                    if let Some(Frame::Object { key: k, .. }) = frames.last_mut() {
                        *k = Some(key);
                    }
                    expect_key = false;
                } else {
                    enter(&mut frames, &mut path);
                    if visit.value(&path, frames.len(), i, line, line_start) {
                        return;
                    }
                }
                i = end;
            }
            b'{' | b'[' => {
                enter(&mut frames, &mut path);
                let base = path.len();
                frames.push(if c == b'{' {
                    Frame::Object { key: None, base }
                } else {
                    Frame::Array { index: 0, base }
                });
                expect_key = c == b'{';
                if visit.value(&path, frames.len(), i, line, line_start) {
                    return;
                }
                i += 1;
            }
            b'}' | b']' => {
                frames.pop();
                expect_key = false;
                i += 1;
            }
            b',' => {
                match frames.last_mut() {
                    Some(Frame::Array { index, .. }) => *index += 1,
                    Some(Frame::Object { key, .. }) => {
                        *key = None;
                        expect_key = true;
                    }
                    None => {}
                }
                i += 1;
            }
            _ => {
                enter(&mut frames, &mut path);
                if visit.value(&path, frames.len(), i, line, line_start) {
                    return;
                }
                let mut j = i + 1;
                while let Some(&d) = b.get(j) {
                    if matches!(
                        d,
                        b',' | b'}' | b']' | b' ' | b'\t' | b'\r' | b'\n' | b'"' | b'{' | b'['
                    ) {
                        break;
                    }
                    j += 1;
                }
                i = j;
            }
        }
    }
}

/// Finds the first place where arrays/objects nest deeper than `limit`:
/// the path of the container that goes too deep, and its position.
pub(crate) fn too_deep(json: &str, limit: usize) -> Option<(String, Position)> {
    struct Depth {
        limit: usize,
        found: Option<(String, usize, usize, usize)>,
    }
    impl Visit for Depth {
        fn value(
            &mut self,
            path: &str,
            depth: usize,
            at: usize,
            line: usize,
            line_start: usize,
        ) -> bool {
            if depth > self.limit {
                self.found = Some((path.to_string(), at, line, line_start));
                return true;
            }
            false
        }
    }
    let mut v = Depth { limit, found: None };
    walk(json, &mut v);
    v.found
        .map(|(path, at, line, line_start)| (path, position(json, line, line_start, at)))
}

/// Finds the start of each of `paths` in `json` (paths that do not occur are
/// left out).
pub(crate) fn locate(json: &str, paths: &HashSet<String>) -> HashMap<String, Position> {
    struct Find<'a> {
        json: &'a str,
        paths: &'a HashSet<String>,
        found: HashMap<String, Position>,
    }
    impl Visit for Find<'_> {
        fn value(
            &mut self,
            path: &str,
            _depth: usize,
            at: usize,
            line: usize,
            line_start: usize,
        ) -> bool {
            if self.paths.contains(path) && !self.found.contains_key(path) {
                self.found
                    .insert(path.to_string(), position(self.json, line, line_start, at));
            }
            self.found.len() == self.paths.len()
        }
    }
    if paths.is_empty() {
        return HashMap::new();
    }
    let mut v = Find {
        json,
        paths,
        found: HashMap::new(),
    };
    walk(json, &mut v);
    v.found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_paths() {
        let json = "{\n  \"a\": 1,\n  \"body\": [\"x\", {\"heading\": \"Đ\", \"body\": [\n    \"y\"]}],\n  \"k\\\"q\": [[1, 2]]\n}";
        let want: HashSet<String> = ["", "a", "body[1]", "body[1].body[0]", "k\"q[0][1]", "nope"]
            .into_iter()
            .map(String::from)
            .collect();
        let got = locate(json, &want);
        assert_eq!(got.get(""), Some(&Position { line: 1, column: 1 }));
        assert_eq!(got.get("a"), Some(&Position { line: 2, column: 8 }));
        assert_eq!(
            got.get("body[1]"),
            Some(&Position {
                line: 3,
                column: 17
            })
        );
        assert_eq!(
            got.get("body[1].body[0]"),
            Some(&Position { line: 4, column: 5 })
        );
        assert_eq!(
            got.get("k\"q[0][1]"),
            Some(&Position {
                line: 5,
                column: 16
            })
        );
        assert_eq!(got.get("nope"), None);
    }

    #[test]
    fn depth() {
        let json = format!("{}{}", "[".repeat(10), "]".repeat(10));
        assert!(too_deep(&json, 10).is_none());
        let (path, pos) = too_deep(&json, 9).unwrap_or_default_for_test();
        assert_eq!(path, "[0][0][0][0][0][0][0][0][0]");
        assert_eq!(pos.column, 10);
        // Brackets in strings do not count.
        assert!(too_deep("[\"[[[[[[\"]", 2).is_none());
    }

    trait OrDefault {
        fn unwrap_or_default_for_test(self) -> (String, Position);
    }
    impl OrDefault for Option<(String, Position)> {
        fn unwrap_or_default_for_test(self) -> (String, Position) {
            self.unwrap_or((String::new(), Position { line: 0, column: 0 }))
        }
    }
}
