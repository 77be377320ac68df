//! `vanban batch`: render many documents in parallel.
//!
//! Inputs are files, folders (every `*.json` below them, sorted, recursively)
//! and manifests (`.jsonl`, one `{"input": …, "output": …}` a line). Each
//! document is rendered with [`vanban::render`] on a rayon pool, sharing the
//! process-global fonts. A bad document is reported and skipped; the summary
//! lists every failure with its first error line.
//!
//! Writing (docs/batch.md): the documents go in chunks of [`CHUNK`]. Each
//! worker writes its document's files to temporary files beside their
//! targets ([`vanban::Staged`], no flush); when the chunk is rendered, one
//! [`vanban::sync_to_disk`] flushes them all, each document's temporary
//! files are renamed over their targets (all of one document or none), and
//! one more [`vanban::sync_to_disk`] flushes the renames, on a thread of
//! its own while the workers render the next chunk. A crash leaves every
//! output complete or absent, never partial under its final name.
//!
//! Output names are deterministic and ASCII-safe ([`ascii_name`]): a folder's
//! documents keep their relative sub-folders, every path component is
//! stripped of diacritics (`đ` → `d`) and reduced to `[A-Za-z0-9._-]`, and
//! names that collide (case-insensitively) get `-2`, `-3`, … in input order.

use std::collections::HashSet;
use std::io::{IsTerminal, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use unicode_normalization::UnicodeNormalization;
use vanban::{Format, RenderOptions, Staged};

use super::{
    EXIT_DOCUMENT, Failure, FormatArg, StandardArg, appendix_path, bytes_of, cannot_read,
    with_extension,
};
use crate::cli_lang::{lang, t};

/// Documents rendered between two flushes to disk: each chunk costs two
/// `syncfs` (or one `fsync` per file and folder off Linux), and a crash
/// loses at most the chunk being written.
pub const CHUNK: usize = 256;

/// Arguments of `vanban batch`.
#[derive(clap::Args)]
pub struct BatchArgs {
    /// Input JSON files, folders (every `*.json` below, recursively) or
    /// manifests (`.jsonl`: one `{"input": "a.json", "output": "2023/a"}` a
    /// line; paths relative to the manifest, `output` a stem under OUTDIR).
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Output folder (created if missing).
    #[arg(short, long)]
    output: PathBuf,
    /// Which files to write for each document.
    #[arg(long, value_enum, default_value = "all")]
    format: FormatArg,
    /// PDF standard.
    #[arg(long, value_enum, default_value = "a2b")]
    pdf_standard: StandardArg,
    /// Use Times New Roman from this folder instead of the bundled
    /// Liberation Serif (same metrics).
    #[arg(long)]
    font_dir: Option<PathBuf>,
    /// Overwrite existing output files.
    #[arg(long)]
    force: bool,
    /// No progress output; only failures and the summary line when some failed.
    #[arg(short, long)]
    quiet: bool,
    /// Worker threads (default: one per core).
    #[arg(short, long)]
    jobs: Option<usize>,
    /// Render only shard K of N (1 ≤ K ≤ N): the documents whose position
    /// in the batch's input order is K modulo N. The N shards of the same
    /// inputs render every document exactly once, under the same output
    /// names as one unsharded run, so N machines can share a batch.
    #[arg(long, value_name = "K/N", value_parser = parse_shard)]
    shard: Option<Shard>,
}

/// One of N equal parts of a batch (`--shard K/N`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// 1-based index of this shard.
    pub index: usize,
    /// Number of shards.
    pub count: usize,
}

impl Shard {
    /// Whether the job at 0-based position `i` belongs to this shard.
    pub fn takes(self, i: usize) -> bool {
        i % self.count == self.index - 1
    }
}

/// Parses `K/N` with 1 ≤ K ≤ N.
fn parse_shard(s: &str) -> Result<Shard, String> {
    let (k, n) = s.split_once('/').ok_or_else(|| {
        t(
            format!("cần dạng K/N (ví dụ 2/8), nhận được {s:?}"),
            format!("expected K/N (e.g. 2/8), got {s:?}"),
        )
    })?;
    let index: usize = k.trim().parse().map_err(|_| {
        t(
            format!("số thứ tự phần {k:?} không phải là số nguyên"),
            format!("shard index {k:?} is not a whole number"),
        )
    })?;
    let count: usize = n.trim().parse().map_err(|_| {
        t(
            format!("số phần {n:?} không phải là số nguyên"),
            format!("shard count {n:?} is not a whole number"),
        )
    })?;
    if count == 0 || index == 0 || index > count {
        return Err(t(
            format!("phần {s}: cần 1 ≤ K ≤ N"),
            format!("shard {s}: need 1 ≤ K ≤ N"),
        ));
    }
    Ok(Shard { index, count })
}

/// One document to render: where it comes from and the output stem
/// (relative to OUTDIR, without extension), or why it cannot be rendered.
struct Job {
    /// The input as the user would recognise it (path, or manifest:line).
    label: String,
    /// The JSON file to read.
    input: PathBuf,
    /// The output stem under OUTDIR, or an error found while planning.
    stem: Result<PathBuf, String>,
}

/// The outcome of one job.
struct Outcome {
    label: String,
    /// `Ok(outputs written)` or the failure (its full message).
    result: Result<Vec<PathBuf>, Failure>,
}

/// Runs `vanban batch`.
pub fn run(args: &BatchArgs) -> Result<(), Failure> {
    let started = Instant::now();
    fix_mmap_threshold();
    let formats = args.format.formats();
    let fonts = super::load_fonts(args.font_dir.as_deref())?;
    let source_date_epoch = super::source_date_epoch()?;
    let opts = RenderOptions {
        pdf_standard: args.pdf_standard.into(),
        source_date_epoch,
        fonts,
    };

    let mut jobs = Vec::new();
    for input in &args.inputs {
        collect(input, &mut jobs)?;
    }
    if jobs.is_empty() {
        return Err(Failure::usage(t(
            "không tìm thấy văn bản đầu vào nào",
            "no input documents found",
        )));
    }
    // Names are assigned over the whole batch first, so that a shard writes
    // exactly the files an unsharded run would.
    assign_unique_stems(&mut jobs);
    if let Some(shard) = args.shard {
        jobs = jobs
            .into_iter()
            .enumerate()
            .filter(|(i, _)| shard.takes(*i))
            .map(|(_, j)| j)
            .collect();
        if jobs.is_empty() {
            // Fewer documents than shards: this shard has nothing to do.
            return Ok(());
        }
    }
    std::fs::create_dir_all(&args.output).map_err(|e| {
        Failure::usage(t(
            format!("không tạo được {}: {e}", args.output.display()),
            format!("cannot create {}: {e}", args.output.display()),
        ))
    })?;

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .thread_name(|i| format!("vanban-batch-{i}"))
        .build()
        .map_err(|e| {
            Failure::usage(t(
                format!("không khởi động được các luồng xử lý: {e}"),
                format!("cannot start worker threads: {e}"),
            ))
        })?;
    let progress = Progress::new(jobs.len(), args.quiet);
    let ctx = Context {
        outdir: &args.output,
        formats: &formats,
        opts: &opts,
        force: args.force,
    };
    let mut outcomes: Vec<Outcome> = Vec::with_capacity(jobs.len());
    let mut done = |chunk: Vec<Outcome>| {
        for outcome in chunk {
            progress.done(&outcome);
            outcomes.push(outcome);
        }
    };
    // A chunk's flushes and renames run on their own thread while the
    // workers render the next chunk.
    std::thread::scope(|scope| {
        let mut pending: Option<std::thread::ScopedJoinHandle<'_, Vec<Outcome>>> = None;
        for chunk in jobs.chunks(CHUNK) {
            let staged: Vec<(String, Result<Staged, Failure>)> = pool.install(|| {
                use rayon::prelude::*;
                chunk
                    .par_iter()
                    .map(|job| (job.label.clone(), ctx.stage(job)))
                    .collect()
            });
            if let Some(h) = pending.take() {
                done(h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
            }
            pending = Some(scope.spawn(move || commit(staged)));
        }
        if let Some(h) = pending {
            done(h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        }
    });
    progress.finish();
    summarize(&outcomes, started.elapsed(), args.quiet)
}

/// Keeps peak memory flat over long batches. glibc raises its mmap
/// threshold each time a large block (the deflate windows of every PDF and
/// DOCX stream, 64–256 kB) is freed, after which those blocks come from the
/// heap and fragment it: peak RSS grew from 15 MB (100 documents) to 30 MB
/// (1,000) on one thread, with nothing leaked. A fixed threshold keeps it at
/// 11 MB for both.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn fix_mmap_threshold() {
    /// `M_MMAP_THRESHOLD` in glibc's `<malloc.h>`.
    const M_MMAP_THRESHOLD: i32 = -3;
    unsafe extern "C" {
        fn mallopt(param: i32, value: i32) -> i32;
    }
    // SAFETY: mallopt only changes a glibc tuning parameter; it is
    // thread-safe and is called before any worker thread starts.
    unsafe {
        mallopt(M_MMAP_THRESHOLD, 64 * 1024);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn fix_mmap_threshold() {}

/// What every job shares.
struct Context<'a> {
    outdir: &'a Path,
    formats: &'a [Format],
    opts: &'a RenderOptions<'a>,
    force: bool,
}

impl Context<'_> {
    /// Renders one document and writes its files to temporary files.
    fn stage(&self, job: &Job) -> Result<Staged, Failure> {
        let stem = job.stem.as_ref().map_err(Failure::usage)?;
        let outputs: Vec<(Format, PathBuf)> = self
            .formats
            .iter()
            .map(|&f| (f, with_extension(&self.outdir.join(stem), f)))
            .collect();
        if !self.force
            && let Some((_, p)) = outputs.iter().find(|(_, p)| p.exists())
        {
            return Err(exists(p));
        }
        let json =
            std::fs::read(&job.input).map_err(|e| Failure::usage(cannot_read(&job.input, &e)))?;
        let rendered = vanban::render(&json, self.formats, self.opts)
            .map_err(|e| Failure::render(&e, e.render(lang())))?;
        // The main files, then each separate-file appendix as
        // `<stem>.<name>.pdf` (and .docx) beside them.
        let mut files: Vec<(PathBuf, &[u8])> = Vec::new();
        for (f, path) in &outputs {
            files.push((path.clone(), bytes_of(&rendered, *f)));
        }
        for a in &rendered.appendix_files {
            for (f, main) in &outputs {
                let path = appendix_path(main, &a.name);
                if !self.force && path.exists() {
                    return Err(exists(&path));
                }
                files.push((path, bytes_of(&a.rendered, *f)));
            }
        }
        // All of one document's files, or none.
        Staged::write(&files).map_err(|(p, e)| cannot_write(&p, &e))
    }
}

/// "PATH exists (use --force)".
fn exists(p: &Path) -> Failure {
    Failure::usage(t(
        format!("{} đã có (dùng --force để ghi đè)", p.display()),
        format!("{} exists (use --force to overwrite)", p.display()),
    ))
}

/// "cannot write PATH: error; none of its files was written".
fn cannot_write(p: &Path, e: &std::io::Error) -> Failure {
    Failure::usage(t(
        format!(
            "không ghi được {}: {e}; không tệp nào của văn bản này được ghi",
            p.display()
        ),
        format!(
            "cannot write {}: {e}; none of its files was written",
            p.display()
        ),
    ))
}

/// Puts a chunk's staged documents in place: flushes their temporary
/// files, renames each document's files (all or none), flushes the
/// renames. A failed flush fails every document of the chunk (their
/// temporary files are removed); a failed final flush fails the renamed
/// ones, whose files may then not survive a crash.
fn commit(staged: Vec<(String, Result<Staged, Failure>)>) -> Vec<Outcome> {
    let temps: Vec<&Path> = staged
        .iter()
        .filter_map(|(_, s)| s.as_ref().ok())
        .flat_map(Staged::temp_files)
        .collect();
    let flushed = match temps.first() {
        Some(first) => {
            vanban::sync_to_disk(temps.iter().copied()).map_err(|e| cannot_write(first, &e).message)
        }
        None => Ok(()),
    };
    let mut outcomes: Vec<Outcome> = staged
        .into_iter()
        .map(|(label, s)| {
            let result = s.and_then(|s| match &flushed {
                Ok(()) => s.commit().map_err(|(p, e)| cannot_write(&p, &e)),
                Err(m) => Err(Failure::usage(m.clone())),
            });
            Outcome { label, result }
        })
        .collect();
    let written: Vec<&Path> = outcomes
        .iter()
        .filter_map(|o| o.result.as_ref().ok())
        .flatten()
        .map(PathBuf::as_path)
        .collect();
    if let Some(first) = written.first()
        && let Err(e) = vanban::sync_to_disk(written.iter().copied())
    {
        let message = cannot_write(first, &e).message;
        for o in &mut outcomes {
            if o.result.is_ok() {
                o.result = Err(Failure::usage(message.clone()));
            }
        }
    }
    outcomes
}

/// Adds the jobs an input stands for.
fn collect(input: &Path, jobs: &mut Vec<Job>) -> Result<(), Failure> {
    let meta = std::fs::metadata(input).map_err(|e| Failure::usage(cannot_read(input, &e)))?;
    if meta.is_dir() {
        let mut files = Vec::new();
        walk(input, &mut files)?;
        files.sort();
        for file in files {
            let rel = file.strip_prefix(input).unwrap_or(&file).with_extension("");
            jobs.push(Job {
                label: file.display().to_string(),
                stem: ascii_path(&rel).ok_or_else(|| {
                    t(
                        "không tạo được tên tệp ghi ra dùng được",
                        "no usable output name",
                    )
                }),
                input: file,
            });
        }
    } else if input.extension().is_some_and(|e| e == "jsonl") {
        manifest(input, jobs)?;
    } else {
        let stem = input.file_stem().map(Path::new).unwrap_or(Path::new(""));
        jobs.push(Job {
            label: input.display().to_string(),
            stem: Ok(ascii_path(stem).unwrap_or_else(|| PathBuf::from("document"))),
            input: input.to_path_buf(),
        });
    }
    Ok(())
}

/// Every `*.json` file below `dir`, unsorted. Symbolic links to folders are
/// not followed (no cycles).
fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), Failure> {
    let entries = std::fs::read_dir(dir).map_err(|e| Failure::usage(cannot_read(dir, &e)))?;
    for entry in entries {
        let entry = entry.map_err(|e| Failure::usage(cannot_read(dir, &e)))?;
        let path = entry.path();
        let ty = entry
            .file_type()
            .map_err(|e| Failure::usage(cannot_read(&path, &e)))?;
        if ty.is_dir() {
            walk(&path, files)?;
        } else if path.extension().is_some_and(|e| e == "json") && (ty.is_file() || path.is_file())
        {
            files.push(path);
        }
    }
    Ok(())
}

/// One manifest line.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ManifestLine {
    input: PathBuf,
    #[serde(default)]
    output: Option<PathBuf>,
}

/// Adds a manifest's lines. A line that is not a valid entry becomes a
/// failed job, so the rest of the batch still runs.
fn manifest(path: &Path, jobs: &mut Vec<Job>) -> Result<(), Failure> {
    let text = std::fs::read_to_string(path).map_err(|e| Failure::usage(cannot_read(path, &e)))?;
    let base = path.parent().unwrap_or(Path::new(""));
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let label = format!("{}:{}", path.display(), i + 1);
        match serde_json::from_str::<ManifestLine>(line) {
            Ok(entry) => {
                let input = base.join(&entry.input);
                let stem = match &entry.output {
                    Some(o) => manifest_stem(o),
                    None => ascii_path(
                        entry
                            .input
                            .file_stem()
                            .map(Path::new)
                            .unwrap_or(Path::new("")),
                    )
                    .ok_or_else(|| {
                        t(
                            "không tạo được tên tệp ghi ra dùng được",
                            "no usable output name",
                        )
                    }),
                };
                jobs.push(Job {
                    label: format!("{label} ({})", input.display()),
                    input,
                    stem,
                });
            }
            Err(e) => jobs.push(Job {
                label,
                input: PathBuf::new(),
                stem: Err(t(
                    format!(
                        "không phải là một dòng danh sách {{\"input\": …, \"output\": …}}: {e}"
                    ),
                    format!("not a manifest entry {{\"input\": …, \"output\": …}}: {e}"),
                )),
            }),
        }
    }
    Ok(())
}

/// The output stem a manifest asks for: relative, inside OUTDIR, ASCII-safe,
/// without a `.pdf`/`.docx` extension.
fn manifest_stem(output: &Path) -> Result<PathBuf, String> {
    let inside = output
        .components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    if !inside {
        let o = output.display().to_string();
        return Err(t(
            format!("output {o:?} phải là đường dẫn tương đối nằm trong thư mục ghi ra"),
            format!("output {o:?} must be a relative path inside the output folder"),
        ));
    }
    let stripped = match output.extension().and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case("pdf") || e.eq_ignore_ascii_case("docx") => {
            output.with_extension("")
        }
        _ => output.to_path_buf(),
    };
    ascii_path(&stripped).ok_or_else(|| {
        let o = output.display().to_string();
        t(
            format!("output {o:?} không cho một tên tệp dùng được"),
            format!("output {o:?} gives no usable file name"),
        )
    })
}

/// Each component of `path` made ASCII-safe; `None` when nothing usable is left.
fn ascii_path(path: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for c in path.components() {
        if let Component::Normal(s) = c {
            out.push(ascii_name(&s.to_string_lossy())?);
        }
    }
    (!out.as_os_str().is_empty()).then_some(out)
}

/// An ASCII-safe file name: Vietnamese (and other Latin) diacritics stripped
/// (`Báo cáo` → `Bao-cao`, `đ` → `d`), every run of other characters outside
/// `[A-Za-z0-9._-]` replaced by one `-`, no leading or trailing `-`/`.`.
/// `None` when nothing is left.
pub fn ascii_name(name: &str) -> Option<String> {
    let mut out = String::with_capacity(name.len());
    let mut pending_dash = false;
    for c in name.nfd() {
        let c = match c {
            'đ' => 'd',
            'Đ' => 'D',
            _ => c,
        };
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        if c.is_ascii_alphanumeric() || c == '.' || c == '_' || c == '-' {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            out.push(c);
        } else {
            pending_dash = true;
        }
    }
    let trimmed = out.trim_matches(|c| c == '-' || c == '.');
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

/// Makes every planned stem unique (case-insensitively, as on Windows and
/// macOS): the second `x` becomes `x-2`, the third `x-3`, in input order.
fn assign_unique_stems(jobs: &mut [Job]) {
    let mut taken: HashSet<String> = HashSet::new();
    for job in jobs {
        let Ok(stem) = &job.stem else { continue };
        let key = |p: &Path| p.to_string_lossy().to_lowercase();
        let mut candidate = stem.clone();
        let mut n = 2;
        while taken.contains(&key(&candidate)) {
            let mut s = stem.as_os_str().to_owned();
            s.push(format!("-{n}"));
            candidate = PathBuf::from(s);
            n += 1;
        }
        taken.insert(key(&candidate));
        job.stem = Ok(candidate);
    }
}

/// Progress on stderr: a bar on a terminal, one line per document otherwise,
/// nothing when quiet.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    plain: Option<Mutex<std::io::Stderr>>,
    total: usize,
    count: AtomicUsize,
}

impl Progress {
    fn new(total: usize, quiet: bool) -> Self {
        let terminal = std::io::stderr().is_terminal();
        let bar = (!quiet && terminal).then(|| {
            let bar = indicatif::ProgressBar::new(total as u64);
            let template = t(
                "{bar:40} {pos}/{len} văn bản  {per_sec}  còn {eta}  {wide_msg}",
                "{bar:40} {pos}/{len} documents  {per_sec}  ETA {eta}  {wide_msg}",
            );
            let style = indicatif::ProgressStyle::with_template(&template)
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
            bar.set_style(style);
            bar
        });
        Progress {
            bar,
            plain: (!quiet && !terminal).then(|| Mutex::new(std::io::stderr())),
            total,
            count: AtomicUsize::new(0),
        }
    }

    fn done(&self, outcome: &Outcome) {
        let n = self.count.fetch_add(1, Ordering::Relaxed) + 1;
        if let Some(bar) = &self.bar {
            if let Err(e) = &outcome.result {
                bar.println(format!(
                    "{} {}: {}",
                    t("lỗi", "failed"),
                    outcome.label,
                    first_line(&e.message)
                ));
            }
            bar.inc(1);
        } else if let Some(plain) = &self.plain {
            let line = match &outcome.result {
                Ok(_) => format!("[{n}/{}] {} {}", self.total, t("xong", "ok"), outcome.label),
                Err(e) => format!(
                    "[{n}/{}] {} {}: {}",
                    self.total,
                    t("lỗi", "failed"),
                    outcome.label,
                    first_line(&e.message)
                ),
            };
            let mut err = plain.lock().unwrap_or_else(|e| e.into_inner());
            let _ = writeln!(err, "{line}");
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

fn first_line(s: &str) -> &str {
    s.lines().find(|l| !l.trim().is_empty()).unwrap_or(s)
}

fn summarize(outcomes: &[Outcome], elapsed: Duration, quiet: bool) -> Result<(), Failure> {
    let failed: Vec<(&Outcome, u8, &str)> = outcomes
        .iter()
        .filter_map(|o| match &o.result {
            Err(f) => Some((o, f.code, f.message.as_str())),
            Ok(_) => None,
        })
        .collect();
    let rendered = outcomes.len() - failed.len();
    let files: usize = outcomes
        .iter()
        .filter_map(|o| o.result.as_ref().ok())
        .map(Vec::len)
        .sum();
    let secs = elapsed.as_secs_f64();
    let rate = outcomes.len() as f64 / secs.max(1e-9);
    let line = t(
        format!(
            "đã xuất {rendered}, lỗi {} ({files} tệp được ghi trong {} giây, {rate:.0} văn bản/giây)",
            failed.len(),
            format!("{secs:.2}").replace('.', ","),
        ),
        format!(
            "rendered {rendered}, failed {} ({files} files written in {secs:.2} s, {rate:.0} documents/s)",
            failed.len(),
        ),
    );
    if failed.is_empty() {
        if !quiet {
            eprintln!("{line}");
        }
        return Ok(());
    }
    // Every error line names its file (a document may have several errors).
    for (o, _, e) in &failed {
        for line in e.lines().filter(|l| !l.trim().is_empty()) {
            eprintln!("{}: {}: {}", t("lỗi", "failed"), o.label, line.trim_start());
        }
    }
    Err(Failure {
        code: failed
            .iter()
            .map(|(_, c, _)| *c)
            .max()
            .unwrap_or(EXIT_DOCUMENT),
        message: line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_parse_and_partition() {
        assert_eq!(parse_shard("2/8"), Ok(Shard { index: 2, count: 8 }));
        for bad in ["0/3", "4/3", "1/0", "a/3", "3", "1/b"] {
            assert!(parse_shard(bad).is_err(), "{bad}");
        }
        let n = 3;
        for i in 0..10 {
            let owners: Vec<usize> = (1..=n)
                .filter(|&k| Shard { index: k, count: n }.takes(i))
                .collect();
            assert_eq!(owners.len(), 1, "job {i} taken by {owners:?}");
        }
    }

    #[test]
    fn ascii_names() {
        assert_eq!(ascii_name("Báo cáo số 5").as_deref(), Some("Bao-cao-so-5"));
        assert_eq!(ascii_name("Đề án đường").as_deref(), Some("De-an-duong"));
        assert_eq!(
            ascii_name("QĐ/UBND (2023)").as_deref(),
            Some("QD-UBND-2023")
        );
        assert_eq!(ascii_name("..hidden..").as_deref(), Some("hidden"));
        assert_eq!(ascii_name("bao-cao_v1.2").as_deref(), Some("bao-cao_v1.2"));
        assert_eq!(ascii_name("Ừ ở ỹ").as_deref(), Some("U-o-y"));
        assert_eq!(ascii_name("漢字"), None);
        assert_eq!(ascii_name(".."), None);
    }

    #[test]
    fn collisions_are_numbered_in_input_order() {
        let mut jobs: Vec<Job> = ["a", "A", "b", "a-2", "a"]
            .iter()
            .map(|s| Job {
                label: s.to_string(),
                input: PathBuf::new(),
                stem: Ok(PathBuf::from(s)),
            })
            .collect();
        assign_unique_stems(&mut jobs);
        let stems: Vec<String> = jobs
            .iter()
            .map(|j| {
                j.stem
                    .as_ref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default()
            })
            .collect();
        assert_eq!(stems, ["a", "A-2", "b", "a-2-2", "a-3"]);
    }

    #[test]
    fn manifest_outputs_stay_inside() {
        assert!(manifest_stem(Path::new("../x")).is_err());
        assert!(manifest_stem(Path::new("/tmp/x")).is_err());
        assert_eq!(
            manifest_stem(Path::new("2023/Báo cáo.pdf")).ok(),
            Some(PathBuf::from("2023/Bao-cao"))
        );
    }
}
