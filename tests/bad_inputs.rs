//! The bad-input corpus (docs/quality.md §7): every case runs through the real
//! `vanban render IN -o DIR/` and must either fail as a document error
//! (exit code 1) with its message fragments on stderr and nothing written
//! into DIR, or render both files, within a bounded time.
//!
//! Small cases are files in `tests/bad/`: `NAME.json` (or `NAME.bin` for
//! bytes that are not UTF-8) and `NAME.expect`, whose lines are fragments
//! that must all appear on stderr (the JSON path, the plain-words message,
//! line and column, the hint). Plain lines are the Vietnamese fragments
//! (the default language); lines starting `en: ` are the English ones, for
//! the same run with `--lang en`. Every failing case needs both. `#` starts
//! a comment line; `exit: 0` as a line means the case must render. Big cases
//! (megabytes, thousands of pages) are generated here rather than committed
//! (they run in English).

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Longest a single case may run before it counts as a hang.
const TIMEOUT: Duration = Duration::from_secs(if cfg!(debug_assertions) { 240 } else { 60 });

/// What one run of the binary gave.
struct Outcome {
    code: Option<i32>,
    stderr: String,
    /// Entries left in the output folder, sorted.
    files: Vec<String>,
    elapsed: Duration,
}

/// Runs `vanban render input -o out/` in English (see [`render_in`]).
fn render(input: &Path) -> Outcome {
    render_in(input, "en")
}

/// Runs `vanban --lang LANG render input -o out/` into a fresh folder,
/// killing it after [`TIMEOUT`] (a hang fails the test instead of stalling
/// the suite). `VANBAN_LANG` is cleared so only the flag decides.
fn render_in(input: &Path, lang: &str) -> Outcome {
    let work = tempfile::tempdir().expect("tempdir");
    let out = work.path().join("out");
    std::fs::create_dir(&out).expect("out dir");
    let err_path = work.path().join("stderr.txt");
    let err_file = std::fs::File::create(&err_path).expect("stderr file");
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .env_remove("SOURCE_DATE_EPOCH")
        .env_remove("VANBAN_LANG")
        .args(["--lang", lang])
        .arg("render")
        .arg(input)
        .arg("-o")
        .arg(format!("{}/", out.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(err_file)
        .spawn()
        .expect("run vanban");
    let status = loop {
        if let Some(st) = child.try_wait().expect("wait") {
            break st;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "{}: still running after {TIMEOUT:?}: killed (a hang or a runaway)",
                input.display()
            );
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let elapsed = start.elapsed();
    let stderr = String::from_utf8_lossy(&std::fs::read(&err_path).expect("read stderr")).into();
    let mut files: Vec<String> = std::fs::read_dir(&out)
        .expect("read out dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    Outcome {
        code: status.code(),
        stderr,
        files,
        elapsed,
    }
}

/// Checks a failure: exit 1, every fragment on stderr, no panic, nothing written.
fn check_failure(name: &str, o: &Outcome, fragments: &[&str]) -> Vec<String> {
    let mut problems = Vec::new();
    if o.code != Some(1) {
        problems.push(format!("{name}: exit code {:?}, expected 1", o.code));
    }
    for f in fragments {
        if !o.stderr.contains(f) {
            problems.push(format!("{name}: stderr lacks {f:?}"));
        }
    }
    if o.stderr.contains("panicked") || o.stderr.contains("RUST_BACKTRACE") {
        problems.push(format!("{name}: panicked"));
    }
    if !o.files.is_empty() {
        problems.push(format!("{name}: left files behind: {:?}", o.files));
    }
    if !problems.is_empty() {
        problems.push(format!("{name}: stderr was:\n{}", o.stderr));
    }
    problems
}

/// Checks that the Vietnamese report is Vietnamese and not the English one:
/// different, NFC, with no line left in English (a message missing from the
/// catalogue would come out the same in both).
fn check_languages(name: &str, vi: &str, en: &str) -> Vec<String> {
    use unicode_normalization::UnicodeNormalization;
    let mut problems = Vec::new();
    if vi == en {
        problems.push(format!(
            "{name}: the same text in Vietnamese and English:\n{vi}"
        ));
    }
    if vi.nfc().collect::<String>() != vi {
        problems.push(format!("{name}: the Vietnamese text is not NFC"));
    }
    let en_lines: std::collections::HashSet<&str> = en.lines().collect();
    for line in vi.lines() {
        // Source lines and carets are the same in both; messages are not.
        let is_source = line.contains(" | ") || line.trim_end().ends_with('^');
        if !is_source && en_lines.contains(line) {
            problems.push(format!("{name}: a line left in English: {line}"));
        }
    }
    problems
}

/// Checks a success: exit 0 and exactly the PDF and the DOCX, well formed.
fn check_success(name: &str, stem: &str, o: &Outcome) -> Vec<String> {
    let mut problems = Vec::new();
    if o.code != Some(0) {
        problems.push(format!(
            "{name}: exit code {:?}, expected 0; stderr:\n{}",
            o.code, o.stderr
        ));
    }
    let want = vec![format!("{stem}.docx"), format!("{stem}.pdf")];
    if o.files != want {
        problems.push(format!(
            "{name}: output files {:?}, expected {want:?}",
            o.files
        ));
    }
    problems
}

/// One corpus case: the input and its expectations.
struct Case {
    name: String,
    input: PathBuf,
    render: bool,
    /// Vietnamese fragments (the default language).
    fragments: Vec<String>,
    /// English fragments (`--lang en`).
    fragments_en: Vec<String>,
}

fn corpus() -> Vec<Case> {
    let dir = common::root().join("tests/bad");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/bad")
        .map(|e| e.expect("entry").path())
        .collect();
    names.sort();
    let mut cases = Vec::new();
    for p in &names {
        let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
        let stem = p.file_stem().and_then(|s| s.to_str()).expect("name");
        match ext {
            "expect" => {}
            "json" | "bin" => {
                assert!(
                    dir.join(format!("{stem}.expect")).exists(),
                    "{} has no .expect file",
                    p.display()
                );
                continue;
            }
            _ => panic!("unexpected file in tests/bad: {}", p.display()),
        }
        let inputs: Vec<PathBuf> = ["json", "bin"]
            .iter()
            .map(|e| dir.join(format!("{stem}.{e}")))
            .filter(|p| p.exists())
            .collect();
        assert_eq!(inputs.len(), 1, "{stem}: exactly one of .json/.bin");
        let text = std::fs::read_to_string(p).expect("read .expect");
        let mut render = false;
        let mut fragments = Vec::new();
        let mut fragments_en = Vec::new();
        for line in text.lines() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            match line.strip_prefix("exit:").map(str::trim) {
                Some("0") => render = true,
                Some("1") => render = false,
                Some(other) => panic!("{stem}: exit must be 0 or 1, not {other}"),
                None => match line.strip_prefix("en: ") {
                    Some(en) => fragments_en.push(en.to_string()),
                    None => fragments.push(line.to_string()),
                },
            }
        }
        assert!(
            render || (!fragments.is_empty() && !fragments_en.is_empty()),
            "{stem}: a failing case needs message fragments in Vietnamese and (en: …) in English"
        );
        cases.push(Case {
            name: stem.to_string(),
            input: inputs.into_iter().next().expect("input"),
            render,
            fragments,
            fragments_en,
        });
    }
    cases
}

#[test]
fn corpus_cases_fail_clearly_or_render() {
    let cases = corpus();
    assert!(cases.len() >= 60, "only {} cases", cases.len());
    // A few threads: each case is a process of its own.
    let chunks: Vec<&[Case]> = cases.chunks(cases.len().div_ceil(4)).collect();
    let problems: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = chunks
            .iter()
            .map(|chunk| {
                s.spawn(move || {
                    let mut problems = Vec::new();
                    for c in chunk.iter() {
                        let o = render_in(&c.input, "vi");
                        if c.render {
                            problems.extend(check_success(&c.name, &c.name, &o));
                            continue;
                        }
                        let frags: Vec<&str> = c.fragments.iter().map(String::as_str).collect();
                        problems.extend(check_failure(&c.name, &o, &frags));
                        let en = render_in(&c.input, "en");
                        let frags: Vec<&str> = c.fragments_en.iter().map(String::as_str).collect();
                        problems.extend(check_failure(&format!("{} (en)", c.name), &en, &frags));
                        problems.extend(check_languages(&c.name, &o.stderr, &en.stderr));
                    }
                    problems
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("thread"))
            .collect()
    });
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

// ---------------------------------------------------------------------------
// Generated big cases

/// A valid report around `body` (a JSON array's text).
fn report(body: &str) -> String {
    format!(
        r#"{{
  "type": "bao_cao",
  "issuer": {{ "parent": "ỦY BAN NHÂN DÂN HUYỆN BA TƠ", "name": "ỦY BAN NHÂN DÂN XÃ BA TÔ", "abbr": "UBND" }},
  "number": 12,
  "place": "Ba Tô",
  "date": "2023-06-05",
  "title": "Kết quả thực hiện công tác dân vận chính quyền",
  "body": {body},
  "signature": {{ "on_behalf_of": "ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH", "name": "Phạm Văn Hiền" }},
  "recipients": ["UBND huyện"]
}}
"#
    )
}

const WORDS: [&str; 24] = [
    "ủy", "ban", "nhân", "dân", "xã", "Ba", "Tô", "báo", "cáo", "kết", "quả", "thực", "hiện",
    "công", "tác", "dân", "vận", "chính", "quyền", "sáu", "tháng", "đầu", "năm", "trọng",
];

/// About `bytes` bytes of Vietnamese words (a fixed pseudo-random sequence).
fn words(bytes: usize, seed: &mut u64) -> String {
    let mut s = String::with_capacity(bytes + 16);
    while s.len() < bytes {
        *seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(WORDS[(*seed >> 33) as usize % WORDS.len()]);
    }
    s
}

/// Writes `json` to a temp file and renders it.
fn render_generated(name: &str, json: &str) -> (Outcome, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = common::temp_file(dir.path(), &format!("{name}.json"), json.as_bytes());
    let o = render(&input);
    eprintln!(
        "{name}: {} bytes in, exit {:?}, {:.2} s",
        json.len(),
        o.code,
        o.elapsed.as_secs_f64()
    );
    (o, dir)
}

fn assert_renders(name: &str, json: &str) {
    let (o, _dir) = render_generated(name, json);
    let problems = check_success(name, name, &o);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

fn assert_fails(name: &str, json: &str, fragments: &[&str]) {
    let (o, _dir) = render_generated(name, json);
    let problems = check_failure(name, &o, fragments);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// One paragraph of 5 MB (about 1,250 pages) renders.
#[test]
fn paragraph_of_5_mb_renders() {
    let p = words(5 * 1024 * 1024, &mut 1);
    assert_renders("paragraph-5mb", &report(&format!("[\"{p}\"]")));
}

/// A document of over 2,000 pages renders.
#[test]
fn document_of_2000_pages_renders() {
    let mut seed = 2;
    let paras: Vec<String> = (0..4400)
        .map(|i| {
            if i % 50 == 0 {
                format!(
                    "{{\"heading\": \"Mục {i}\", \"body\": [\"{}\"]}}",
                    words(1400, &mut seed)
                )
            } else {
                format!("\"{}\"", words(1400, &mut seed))
            }
        })
        .collect();
    assert_renders("pages-2000", &report(&format!("[{}]", paras.join(",\n"))));
}

/// The most footnotes allowed render; one more is a clear error.
#[test]
fn ten_thousand_footnotes() {
    let paras = |n: usize| {
        let v: Vec<String> = (0..n)
            .map(|i| format!("\"Đoạn {i} có chú thích^[Chú thích số {i}.] ở đây.\""))
            .collect();
        format!("[{}]", v.join(",\n"))
    };
    assert_renders(
        "footnotes-10000",
        &report(&paras(vanban_model::MAX_FOOTNOTES)),
    );
    assert_fails(
        "footnotes-10001",
        &report(&paras(vanban_model::MAX_FOOTNOTES + 1)),
        &[
            "body[10000]: too many footnotes: vanban allows at most 10000 per document",
            "line 10008",
        ],
    );
}

/// Input over the size limit is refused before parsing.
#[test]
fn input_over_16_mib_is_refused() {
    let p = words(vanban_model::MAX_INPUT_BYTES, &mut 3);
    assert_fails(
        "input-17mb",
        &report(&format!("[\"{p}\"]")),
        &[
            "(document): the input is",
            "vanban reads at most 16777216 bytes (16 MiB)",
        ],
    );
}

/// More blocks than allowed, table rows included.
#[test]
fn too_many_blocks() {
    let body = format!(
        "[{}]",
        vec!["\"x\""; vanban_model::MAX_BLOCKS + 1].join(",")
    );
    assert_fails(
        "blocks-100001",
        &report(&body),
        &["body[100000]: too many blocks: vanban allows at most 100000 per document"],
    );
    let rows = vec!["[\"\"]"; vanban_model::MAX_BLOCKS + 10].join(",");
    let body = format!(r#"[{{"table": {{"columns": [{{"title": "A"}}], "rows": [{rows}]}}}}]"#);
    assert_fails(
        "rows-100010",
        &report(&body),
        &["body[0].table.rows[99999]: too many blocks: vanban allows at most 100000"],
    );
}

/// A table of more cells than allowed (found: 4.75 million cells took 3 GB).
#[test]
fn too_many_table_cells() {
    let row = format!("[{}]", vec!["\"\""; 50].join(","));
    let rows = vec![row.as_str(); vanban_model::MAX_TABLE_CELLS / 50 + 1].join(",");
    let cols = vec![r#"{"title": "c"}"#; 50].join(",");
    let body = format!(r#"[{{"table": {{"columns": [{cols}], "rows": [{rows}]}}}}]"#);
    assert_fails(
        "cells-500050",
        &report(&body),
        &["body[0].table.rows[10000]: too many table cells: vanban allows at most 500000"],
    );
}

/// Millions of line breaks (found: 7 million took 2.4 GB and 166,668 pages).
#[test]
fn too_many_line_breaks() {
    let p = format!("a{}b", "\\n".repeat(vanban_model::MAX_LINE_BREAKS + 1));
    assert_fails(
        "line-breaks",
        &report(&format!("[\"{p}\"]")),
        &["body[0]: too many line breaks: vanban allows at most 100000 per document"],
    );
}

/// Page breaks past the page limit stop with a clear error.
#[test]
fn too_many_pages() {
    let body = format!(
        "[\"a\",{}]",
        vec![r#"{"page_break": true}"#; 10_050].join(",")
    );
    assert_fails(
        "page-breaks",
        &report(&body),
        &["(document): the document runs past 10000 pages"],
    );
}

/// A word of 1.4 MB with no space to break at renders (broken anywhere).
#[test]
fn one_long_word_renders() {
    let w = "Đườngdẫn".repeat(100_000);
    assert_renders("long-word", &report(&format!("[\"Một {w} hết.\"]")));
}
