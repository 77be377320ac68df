//! A small mutation fuzzer for stable Rust: runs one of the target functions
//! of `vanban_fuzz` on mutated seeds for a given time and reports the number
//! of executions, panics and the slowest input.
//!
//! ```sh
//! cargo run --release --bin stable_driver -- TARGET SECONDS [SEED]
//! ```
//!
//! Seeds: `fuzz/corpus/TARGET/`, the fixtures and the bad-input corpus.
//! Feedback without coverage: an input whose outcome (the first error
//! message, digits removed, or "ok") was not seen before joins the pool and
//! is saved into `fuzz/corpus/TARGET/`. A panicking input is saved into
//! `fuzz/artifacts/TARGET/` and the run exits non-zero at the end.

use std::collections::HashSet;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// xorshift64*: deterministic for a given seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// Fragments that matter to the parsers.
const TOKENS: &[&str] = &[
    "*",
    "**",
    "***",
    "^[",
    "]",
    "\\",
    "\\n",
    "\n",
    "\"",
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "null",
    "true",
    "0",
    "-1",
    "1e400",
    "\u{0}",
    "\\u0000",
    "\\ud800",
    "ệ",
    "Đ",
    "ư",
    "\u{301}",
    "\u{FEFF}",
    "漢",
    "🙏",
    "\"heading\": \"x\"",
    "\"body\": [\"x\"]",
    "{\"page_break\": true}",
    "{\"list\": [\"a\"]}",
    "{\"table\": {\"rows\": [[\"a\"]]}}",
    "\"date\": \"2023-02-29\"",
    "\"number\": 0",
    "   ",
    "\t",
    "\r\n",
    "\u{A0}",
    "\u{200B}",
    "\u{2028}",
];

fn mutate(rng: &mut Rng, input: &[u8], pool: &[Vec<u8>]) -> Vec<u8> {
    let mut v = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(v.len() + 1);
        match rng.below(9) {
            0 if !v.is_empty() => {
                let i = rng.below(v.len());
                v[i] ^= 1 << rng.below(8);
            }
            1 if !v.is_empty() => {
                let end = (at + 1 + rng.below(16)).min(v.len());
                v.drain(at.min(end)..end);
            }
            2 => {
                let t = TOKENS[rng.below(TOKENS.len())];
                v.splice(at..at, t.bytes());
            }
            3 if !v.is_empty() => {
                // Duplicate a slice (repetition finds quadratic behaviour).
                let start = rng.below(v.len());
                let end = (start + 1 + rng.below(64)).min(v.len());
                let piece = v[start..end].to_vec();
                let many = rng.below(20) == 0;
                let times = 1 + rng.below(if many { 2000 } else { 8 });
                for _ in 0..times {
                    v.splice(at..at, piece.iter().copied());
                }
            }
            4 if !pool.is_empty() => {
                // Splice with another pool entry.
                let other = &pool[rng.below(pool.len())];
                if !other.is_empty() {
                    let s = rng.below(other.len());
                    let e = (s + rng.below(256)).min(other.len());
                    v.splice(at..at, other[s..e].iter().copied());
                }
            }
            5 if !v.is_empty() => {
                let i = rng.below(v.len());
                v[i] = rng.next() as u8;
            }
            6 => {
                let c = char::from_u32(rng.below(0x3_0000) as u32).unwrap_or('ế');
                let mut b = [0u8; 4];
                v.splice(at..at, c.encode_utf8(&mut b).bytes());
            }
            _ => {
                let t = TOKENS[rng.below(TOKENS.len())];
                v.splice(at..at, t.bytes());
            }
        }
    }
    if v.len() > 256 * 1024 {
        v.truncate(256 * 1024);
    }
    v
}

/// What an input did, coarsely: the first error message without digits.
fn outcome(target: &str, data: &[u8]) -> String {
    let msg = match target {
        "markup" => match std::str::from_utf8(data) {
            Ok(s) => match vanban_model::markup::parse_inline(s) {
                Ok(_) => "ok".to_string(),
                Err(e) => format!("{:?}", e.kind),
            },
            Err(_) => "not utf-8".to_string(),
        },
        "import_docx" | "import_text" => {
            let kind = if target == "import_docx" {
                vanban_import::SourceKind::Docx
            } else {
                vanban_import::SourceKind::Text
            };
            let bytes = if target == "import_docx" { vanban_fuzz::wrap_docx(data) } else { data.to_vec() };
            match vanban_import::import(&bytes, kind) {
                Ok(i) => format!("ok {}", i.report.entries.len().min(20)),
                Err(e) => format!("{e:?}"),
            }
        }
        "pdf_extract" => match vanban::extract_source(data) {
            Ok(_) => "ok".to_string(),
            Err(e) => e.to_string(),
        },
        "pdf_issue" => match chrono::NaiveDate::from_ymd_opt(2023, 6, 15)
            .map(|date| vanban::issue(data, &vanban::IssueRequest { number: 58, date }))
        {
            Some(Err(e)) => e.to_string(),
            _ => "ok".to_string(),
        },
        _ => match vanban_model::parse_bytes(data) {
            Ok(_) => "ok".to_string(),
            Err(e) => {
                let first = e.first().map(|e| (e.kind, e.message.clone()));
                format!("{first:?}")
            }
        },
    };
    // Coarse: quoted parts and digits removed, the start of the message only.
    let mut out = String::new();
    let mut quoted = false;
    for c in msg.chars() {
        if c == '"' {
            quoted = !quoted;
        } else if !quoted && !c.is_ascii_digit() {
            out.push(c);
        }
    }
    out.chars().take(48).collect()
}

/// Most inputs one run adds to the saved corpus.
const MAX_SAVED: usize = 100;

fn read_dir_files(dir: &Path, out: &mut Vec<Vec<u8>>) {
    if let Ok(rd) = std::fs::read_dir(dir) {
        let mut paths: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            if p.is_file()
                && p.extension().is_none_or(|e| e != "expect")
                && let Ok(b) = std::fs::read(&p)
                && b.len() <= 256 * 1024
            {
                out.push(b);
            }
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let target = args.get(1).map(String::as_str).unwrap_or("json_model");
    let secs: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(60);
    let seed: u64 = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(0x5eed);
    let run: fn(&[u8]) = match target {
        "markup" => vanban_fuzz::markup,
        "json_model" => vanban_fuzz::json_model,
        "render" => vanban_fuzz::render,
        "import_docx" => vanban_fuzz::import_docx,
        "import_text" => vanban_fuzz::import_text,
        "pdf_extract" => vanban_fuzz::pdf_extract,
        "pdf_issue" => vanban_fuzz::pdf_issue,
        other => {
            eprintln!(
                "unknown target {other}: markup, json_model, render, import_docx, import_text, pdf_extract or pdf_issue"
            );
            std::process::exit(2);
        }
    };
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let corpus_dir = root.join("corpus").join(target);
    let artifacts = root.join("artifacts").join(target);
    let mut pool = Vec::new();
    read_dir_files(&corpus_dir, &mut pool);
    if target.starts_with("pdf_") {
        pool.extend(vanban_fuzz::pdf_seeds(&root.join("../fixtures")));
    } else {
        read_dir_files(&root.join("../fixtures"), &mut pool);
        read_dir_files(&root.join("../tests/bad"), &mut pool);
    }
    if pool.is_empty() {
        pool.push(b"{}".to_vec());
    }
    let seeds = pool.len();
    let mut seen: HashSet<String> = pool.iter().map(|p| outcome(target, p)).collect();
    std::panic::set_hook(Box::new(|_| {}));

    let mut rng = Rng(seed | 1);
    let start = Instant::now();
    let deadline = Duration::from_secs(secs);
    let (mut execs, mut panics, mut saved) = (0u64, 0u64, 0usize);
    let mut slowest = (Duration::ZERO, Vec::new());
    while start.elapsed() < deadline {
        let base = &pool[rng.below(pool.len())];
        let input = if execs < seeds as u64 {
            pool[execs as usize].clone()
        } else {
            mutate(&mut rng, base, &pool)
        };
        let t = Instant::now();
        let result = catch_unwind(AssertUnwindSafe(|| run(&input)));
        let dt = t.elapsed();
        execs += 1;
        if dt > slowest.0 {
            slowest = (dt, input.clone());
        }
        if result.is_err() {
            panics += 1;
            let _ = std::fs::create_dir_all(&artifacts);
            let name = format!("crash-{:016x}", fnv(&input));
            let _ = std::fs::write(artifacts.join(&name), &input);
            eprintln!("PANIC on input saved as {}", artifacts.join(name).display());
            continue;
        }
        let key = outcome(target, &input);
        if input.len() <= 4 * 1024 && saved < MAX_SAVED && seen.insert(key) {
            let _ = std::fs::create_dir_all(&corpus_dir);
            let _ = std::fs::write(corpus_dir.join(format!("{:016x}", fnv(&input))), &input);
            saved += 1;
            pool.push(input);
        }
    }
    let _ = std::panic::take_hook();
    println!(
        "{target}: {execs} executions in {:.0} s ({:.0}/s), {seeds} seeds, {saved} new corpus entries, {panics} panics; slowest input {:.3} s ({} bytes)",
        start.elapsed().as_secs_f64(),
        execs as f64 / start.elapsed().as_secs_f64(),
        slowest.0.as_secs_f64(),
        slowest.1.len()
    );
    if slowest.0 > Duration::from_secs(5) {
        let _ = std::fs::create_dir_all(&artifacts);
        let _ = std::fs::write(artifacts.join("slowest"), &slowest.1);
    }
    if panics > 0 {
        std::process::exit(1);
    }
}

/// FNV-1a, for file names.
fn fnv(data: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in data {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    h
}
