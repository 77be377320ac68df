//! Typed or pasted text → paragraphs, one per line; the recogniser reads
//! them as it reads a Word file. Superscript digits typed as Unicode
//! superscripts (¹ ² ³ …) become superscript runs, so typed footnotes work
//! as in Word.

use crate::ir::{Item, Para, Run};
use crate::report::Loc;

fn sup_digit(c: char) -> Option<char> {
    Some(match c {
        '⁰' => '0',
        '¹' => '1',
        '²' => '2',
        '³' => '3',
        '⁴' => '4',
        '⁵' => '5',
        '⁶' => '6',
        '⁷' => '7',
        '⁸' => '8',
        '⁹' => '9',
        _ => return None,
    })
}

/// One paragraph per line (blank lines kept as empty paragraphs).
pub fn items(text: &str) -> Vec<Item> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        let mut runs: Vec<Run> = Vec::new();
        for c in line.chars() {
            let (ch, sup) = match sup_digit(c) {
                Some(d) => (d, true),
                None => (c, false),
            };
            match runs.last_mut() {
                Some(r) if r.sup == sup => r.text.push(ch),
                _ => runs.push(Run {
                    text: ch.to_string(),
                    sup,
                    ..Run::default()
                }),
            }
        }
        out.push(Item::Para(Para {
            runs,
            loc: Loc::Line(i + 1),
            ..Para::default()
        }));
    }
    out
}
