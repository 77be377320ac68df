//! The `vanban` command line.

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use vanban::{FontSet, Format, PdfStandard, RenderOptions};

mod batch;
mod cli_lang;
mod cmd_import;
mod issue_cmd;
mod new_cmd;
mod serve;

use cli_lang::t;

/// Exit code: the document has errors.
const EXIT_DOCUMENT: u8 = 1;
/// Exit code: usage or I/O error.
const EXIT_USAGE: u8 = 2;

#[derive(Parser)]
#[command(
    name = "vanban",
    version,
    about = "Vietnamese administrative documents (Decree 30/2020/NĐ-CP) from JSON to DOCX and PDF",
    after_help = "Examples:\n  vanban new cong_van -o cong-van.json      # a starter document to edit\n  vanban render fixtures/bao-cao-ba-to.json -o out/\n  vanban check fixtures/*.json\n  vanban schema > vanban.schema.json\n\nLanguage: Vietnamese by default; English with --lang en or the environment variable VANBAN_LANG=en.\nExit codes: 0 ok, 1 the document has errors, 2 usage or I/O error."
)]
struct Cli {
    /// Language of messages and help: vi (default) or en; also set by the
    /// environment variable VANBAN_LANG.
    #[arg(long, global = true, value_parser = ["vi", "en"], value_name = "vi|en")]
    lang: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Import a Word file (.docx, .doc) or typed text (.txt) to JSON, with a report.
    #[command(
        after_help = "Examples:\n  vanban import du-thao.docx                 # du-thao.json here, the report on standard error\n  vanban import du-thao.txt -o bao-cao.json\n  vanban render du-thao.docx -o out/         # import and render in one step\n\nA .doc is converted with LibreOffice (soffice) when it is installed."
    )]
    Import(cmd_import::ImportArgs),
    /// Render a document to PDF and/or DOCX.
    #[command(
        after_help = "Examples:\n  vanban render bao-cao.json                 # bao-cao.pdf and bao-cao.docx here\n  vanban render bao-cao.json -o out/         # out/bao-cao.pdf and out/bao-cao.docx\n  vanban render bao-cao.json -o x.pdf        # just the PDF\n  vanban render - --format pdf -o - < in.json > out.pdf\n\nOutputs are written atomically: on any error no file is written."
    )]
    Render {
        /// Input JSON file, or `-` for standard input.
        input: PathBuf,
        /// Output: a folder (ending in `/` or existing), a file name
        /// (`.pdf`/`.docx` picks the format), a stem, or `-` for stdout.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Which files to write.
        #[arg(long, value_enum)]
        format: Option<FormatArg>,
        /// PDF standard.
        #[arg(long, value_enum, default_value = "a2b")]
        pdf_standard: StandardArg,
        /// Use Times New Roman from this folder instead of the bundled
        /// Liberation Serif (same metrics).
        #[arg(long)]
        font_dir: Option<PathBuf>,
        /// Add empty signature fields to the PDF (default): ChuKy_NguoiKy
        /// over the signer's signature room, ChuKy_CoQuan over the seal.
        #[arg(long, overrides_with = "no_sign_fields")]
        sign_fields: bool,
        /// Write the PDF without signature fields.
        #[arg(long, overrides_with = "sign_fields")]
        no_sign_fields: bool,
        /// Also write `<stem>.meta.json` next to the outputs: the e-office
        /// fields, the page count, and the blanks, signature and seal
        /// rectangles (PDF points, origin bottom-left).
        #[arg(long)]
        meta_json: bool,
    },
    /// Render many documents in parallel (files, folders, `.jsonl` manifests).
    #[command(
        after_help = "Examples:\n  vanban batch archive/ -o out/               # every *.json below archive/\n  vanban batch a.json b.json -o out/ --format pdf\n  vanban batch list.jsonl -o out/ --force     # {\"input\": \"a.json\", \"output\": \"2023/a\"} a line\n\nOutput names are ASCII-safe (diacritics stripped); clashes get -2, -3 in input order.\nExisting files are kept unless --force. A bad document is reported and skipped.\nExit codes: 0 all rendered, 1 some documents have errors, 2 usage or I/O error\n(including an output that exists without --force)."
    )]
    Batch(batch::BatchArgs),
    /// Fill the number and issue date into a signed PDF (the clerk's step).
    Issue(issue_cmd::IssueArgs),
    /// Serve the web editor and the HTTP API (Vietnamese page, live preview).
    #[command(
        after_help = "Examples:\n  vanban serve                       # http://127.0.0.1:8080/\n  vanban serve --addr 0.0.0.0:8080   # for the whole office"
    )]
    Serve(serve::ServeArgs),
    /// Parse and validate documents; write nothing.
    #[command(after_help = "Example:\n  vanban check fixtures/*.json")]
    Check {
        /// Input JSON files (`-` for standard input).
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
    },
    /// Print the JSON Schema of the input format.
    #[command(after_help = "Example:\n  vanban schema > vanban.schema.json")]
    Schema,
    /// Show which font files are used.
    #[command(
        after_help = "Example:\n  vanban fonts --font-dir /usr/share/fonts/truetype/msttcorefonts"
    )]
    Fonts {
        /// Folder with Times New Roman (times.ttf, timesbd.ttf, timesi.ttf, timesbi.ttf).
        #[arg(long)]
        font_dir: Option<PathBuf>,
    },
    /// Write a starter document (JSON) of one of the 29 document types, to
    /// edit and render.
    #[command(
        after_help = "Examples:\n  vanban new --list                          # the 29 types and their Vietnamese names\n  vanban new cong_van -o cong-van.json\n  vanban render cong-van.json -o out/        # out/cong-van.pdf and out/cong-van.docx\n\nThe number is left blank (null) for the clerk to fill in at issue."
    )]
    New(new_cmd::NewArgs),
    /// Write out the JSON source embedded in a PDF/A-3b file.
    #[command(
        after_help = "Examples:\n  vanban render in.json --pdf-standard a3b -o out/\n  vanban extract out/in.pdf -o again.json     # byte-identical to in.json\n  vanban extract out/in.pdf > again.json\n\nExit codes: 0 ok, 1 the PDF has no (readable) source, 2 usage or I/O error."
    )]
    Extract {
        /// The PDF.
        input: PathBuf,
        /// Where to write the JSON (default, or `-`: standard output).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Pdf,
    Docx,
    All,
}

#[derive(Clone, Copy, ValueEnum)]
enum StandardArg {
    None,
    A2b,
    A3b,
    A2a,
}

impl From<StandardArg> for PdfStandard {
    fn from(s: StandardArg) -> Self {
        match s {
            StandardArg::None => PdfStandard::None,
            StandardArg::A2b => PdfStandard::A2b,
            StandardArg::A3b => PdfStandard::A3b,
            StandardArg::A2a => PdfStandard::A2a,
        }
    }
}

/// A failure with its exit code.
struct Failure {
    code: u8,
    message: String,
}

impl Failure {
    fn usage(message: impl Into<String>) -> Self {
        Failure {
            code: EXIT_USAGE,
            message: message.into(),
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    cli_lang::init(&args);
    let parsed = cli_lang::localize(Cli::command())
        .try_get_matches_from(args)
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) if e.use_stderr() => {
            eprint!("{}", cli_lang::clap_error(&e));
            return ExitCode::from(EXIT_USAGE);
        }
        Err(e) => e.exit(),
    };
    let result = match cli.command {
        Command::Render {
            input,
            output,
            format,
            pdf_standard,
            font_dir,
            sign_fields: _,
            no_sign_fields,
            meta_json,
        } => render(
            &input,
            output.as_deref(),
            format,
            pdf_standard.into(),
            font_dir.as_deref(),
            (!no_sign_fields, meta_json),
        ),
        Command::Import(args) => {
            cmd_import::run(&args).map_err(|(code, message)| Failure { code, message })
        }
        Command::Extract { input, output } => extract(&input, output.as_deref()),
        Command::Batch(args) => batch::run(&args).map_err(|f| Failure {
            code: f.code,
            message: f.message,
        }),
        Command::Issue(args) => {
            issue_cmd::run(&args).map_err(|(code, message)| Failure { code, message })
        }
        Command::Serve(args) => serve::run(&args).map_err(Failure::usage),
        Command::Check { inputs } => check(&inputs),
        Command::New(args) => new_cmd::run(&args),
        Command::Schema => {
            // A closed pipe (`vanban schema | head`) is not an error.
            let _ = writeln!(std::io::stdout(), "{}", vanban_model::schema_json());
            Ok(())
        }
        Command::Fonts { font_dir } => fonts(font_dir.as_deref()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            eprintln!("{}", f.message);
            ExitCode::from(f.code)
        }
    }
}

fn read_input(input: &Path) -> Result<Vec<u8>, Failure> {
    if input == Path::new("-") {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).map_err(|e| {
            Failure::usage(t(
                format!("không đọc được đầu vào chuẩn: {e}"),
                format!("cannot read standard input: {e}"),
            ))
        })?;
        return Ok(buf);
    }
    std::fs::read(input).map_err(|e| {
        Failure::usage(t(
            format!("không đọc được {}: {e}", input.display()),
            format!("cannot read {}: {e}", input.display()),
        ))
    })
}

fn load_fonts(font_dir: Option<&Path>) -> Result<&'static FontSet, Failure> {
    match font_dir {
        None => Ok(FontSet::bundled()),
        Some(dir) => FontSet::from_dir(dir)
            .map(|f| &*Box::leak(Box::new(f)))
            .map_err(|e| {
                Failure::usage(t(format!("không nạp được phông chữ: {e}"), e.to_string()))
            }),
    }
}

fn source_date_epoch() -> Result<Option<i64>, Failure> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(v) if !v.trim().is_empty() => v.trim().parse::<i64>().map(Some).map_err(|_| {
            Failure::usage(t(
                format!("SOURCE_DATE_EPOCH={v:?} không phải là một số nguyên giây"),
                format!("SOURCE_DATE_EPOCH={v:?} is not a whole number of seconds"),
            ))
        }),
        _ => Ok(None),
    }
}

/// Where each format goes.
fn plan_outputs(
    input: &Path,
    output: Option<&Path>,
    format: Option<FormatArg>,
) -> Result<Vec<(Format, Option<PathBuf>)>, Failure> {
    let ext_format = output.and_then(|o| match o.extension().and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case("pdf") => Some(Format::Pdf),
        Some(e) if e.eq_ignore_ascii_case("docx") => Some(Format::Docx),
        _ => None,
    });
    // A name whose extension says the other format contradicts --format.
    if let (Some(FormatArg::Pdf | FormatArg::Docx), Some(e), Some(o)) = (format, ext_format, output)
    {
        let asked = if matches!(format, Some(FormatArg::Pdf)) {
            Format::Pdf
        } else {
            Format::Docx
        };
        if asked != e {
            let name = |f: Format| if f == Format::Pdf { "pdf" } else { "docx" };
            return Err(Failure::usage(t(
                format!(
                    "--format {} mâu thuẫn với tên tệp {}: đổi đuôi tệp thành .{} hoặc bỏ --format",
                    name(asked),
                    o.display(),
                    name(asked)
                ),
                format!(
                    "--format {} contradicts the file name {}: name it .{} or leave out --format",
                    name(asked),
                    o.display(),
                    name(asked)
                ),
            )));
        }
    }
    let formats: Vec<Format> = match (format, ext_format) {
        (Some(FormatArg::Pdf), _) => vec![Format::Pdf],
        (Some(FormatArg::Docx), _) => vec![Format::Docx],
        (Some(FormatArg::All), _) => vec![Format::Pdf, Format::Docx],
        (None, Some(f)) => vec![f],
        (None, None) => vec![Format::Pdf, Format::Docx],
    };
    let ext = |f: Format| match f {
        Format::Pdf => "pdf",
        Format::Docx => "docx",
    };
    if output == Some(Path::new("-")) {
        if formats.len() != 1 {
            return Err(Failure::usage(t(
                "-o - chỉ ghi được một tệp ra đầu ra chuẩn: thêm --format pdf hoặc --format docx",
                "-o - writes one file to standard output: add --format pdf or --format docx",
            )));
        }
        return Ok(vec![(formats[0], None)]);
    }
    let stem = if input == Path::new("-") {
        "document".to_string()
    } else {
        input
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "document".to_string())
    };
    let mut plan = Vec::new();
    for f in formats {
        let path = match output {
            None => PathBuf::from(format!("{stem}.{}", ext(f))),
            Some(o) if o.to_string_lossy().ends_with('/') || o.is_dir() => {
                o.join(format!("{stem}.{}", ext(f)))
            }
            Some(o) if ext_format == Some(f) => o.to_path_buf(),
            Some(o) if ext_format.is_some() => o.with_extension(ext(f)),
            Some(o) => {
                let mut s = o.as_os_str().to_owned();
                s.push(format!(".{}", ext(f)));
                PathBuf::from(s)
            }
        };
        plan.push((f, Some(path)));
    }
    Ok(plan)
}

fn render(
    input: &Path,
    output: Option<&Path>,
    format: Option<FormatArg>,
    standard: PdfStandard,
    font_dir: Option<&Path>,
    (sign_fields, meta_json): (bool, bool),
) -> Result<(), Failure> {
    let plan = plan_outputs(input, output, format)?;
    // The sidecar goes next to the first file output.
    let meta_path = match plan.iter().find_map(|(_, p)| p.as_ref()) {
        Some(p) if meta_json => Some(p.with_extension("meta.json")),
        None if meta_json => {
            return Err(Failure::usage(t(
                "--meta-json ghi một tệp cạnh các tệp xuất ra; không dùng được cùng -o -",
                "--meta-json writes a file next to the outputs; it cannot go with -o -",
            )));
        }
        _ => None,
    };
    let fonts = load_fonts(font_dir)?;
    let json = cmd_import::render_source(input, read_input(input)?)
        .map_err(|(code, message)| Failure { code, message })?;
    let opts = RenderOptions {
        pdf_standard: standard,
        source_date_epoch: source_date_epoch()?,
        fonts,
    };
    let formats: Vec<Format> = plan.iter().map(|(f, _)| *f).collect();
    let output_opts = vanban::OutputOptions { sign_fields };
    let rendered =
        vanban::render_with(&json, &formats, &opts, &output_opts).map_err(|e| Failure {
            code: if e.is_document_error() {
                EXIT_DOCUMENT
            } else {
                EXIT_USAGE
            },
            message: prefix_lines(&input.display().to_string(), &e.render(cli_lang::lang())),
        })?;
    if !rendered.appendix_files.is_empty() && plan.iter().any(|(_, p)| p.is_none()) {
        return Err(Failure::usage(t(
            format!(
                "{}: văn bản có phụ lục ban hành thành tệp riêng (separate_file); \
                 -o - không chứa được chúng: hãy cho một thư mục hoặc tên tệp",
                input.display()
            ),
            format!(
                "{}: the document has appendices issued as files of their own (separate_file); \
                 -o - cannot hold them: give an output folder or file name",
                input.display()
            ),
        )));
    }
    // The main files, then each separate-file appendix next to them as
    // `<stem>.<name>.pdf` (and .docx, .meta.json).
    let mut writes: Vec<(Option<PathBuf>, Vec<u8>)> = Vec::new();
    let files = std::iter::once((None, &rendered)).chain(
        rendered
            .appendix_files
            .iter()
            .map(|a| (Some(a.name.as_str()), &a.rendered)),
    );
    for (name, r) in files {
        let at = |p: &Path| match name {
            None => p.to_path_buf(),
            Some(n) => with_infix(p, n),
        };
        for (f, path) in &plan {
            let bytes = match f {
                Format::Pdf => r.pdf.clone(),
                Format::Docx => r.docx.clone(),
            };
            writes.push((path.as_deref().map(at), bytes.unwrap_or_default()));
        }
        if let Some(p) = &meta_path {
            writes.push((Some(at(p)), r.meta_json().into_bytes()));
        }
    }
    // Standard output holds one file; files are written all or nothing.
    let mut files: Vec<(PathBuf, &[u8])> = Vec::new();
    for (path, bytes) in &writes {
        match path {
            None => std::io::stdout()
                .write_all(bytes)
                .and_then(|()| std::io::stdout().flush())
                .map_err(|e| {
                    Failure::usage(t(
                        format!("không ghi được ra đầu ra chuẩn: {e}"),
                        format!("cannot write to standard output: {e}"),
                    ))
                })?,
            Some(p) => files.push((p.clone(), bytes)),
        }
    }
    vanban::write_all_atomic(&files).map_err(|(p, e)| {
        Failure::usage(t(
            format!(
                "không ghi được {}: {e}; không tệp nào được ghi",
                p.display()
            ),
            format!("cannot write {}: {e}; no file was written", p.display()),
        ))
    })?;
    for (p, _) in &files {
        eprintln!(
            "{}",
            t(
                format!("đã ghi {}", p.display()),
                format!("wrote {}", p.display())
            )
        );
    }
    Ok(())
}

/// `out/x.pdf` with infix `phu-luc-1` → `out/x.phu-luc-1.pdf`; the
/// sidecar `out/x.meta.json` → `out/x.phu-luc-1.meta.json`.
fn with_infix(path: &Path, infix: &str) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (stem, ext) = match name.strip_suffix(".meta.json") {
        Some(stem) => (stem.to_owned(), "meta.json".to_owned()),
        None => match name.rsplit_once('.') {
            Some((stem, ext)) if !stem.is_empty() => (stem.to_owned(), ext.to_owned()),
            _ => (name.clone(), String::new()),
        },
    };
    let file = if ext.is_empty() {
        format!("{stem}.{infix}")
    } else {
        format!("{stem}.{infix}.{ext}")
    };
    path.with_file_name(file)
}

fn extract(input: &Path, output: Option<&Path>) -> Result<(), Failure> {
    let pdf = read_input(input)?;
    let source = vanban::extract_source(&pdf).map_err(|e| Failure {
        code: EXIT_DOCUMENT,
        message: t(
            format!("{}: không lấy được JSON nguồn: {e}", input.display()),
            format!("{}: {e}", input.display()),
        ),
    })?;
    match output.filter(|p| *p != Path::new("-")) {
        None => std::io::stdout()
            .write_all(&source.data)
            .and_then(|()| std::io::stdout().flush())
            .map_err(|e| {
                Failure::usage(t(
                    format!("không ghi được ra đầu ra chuẩn: {e}"),
                    format!("cannot write to standard output: {e}"),
                ))
            }),
        Some(p) => {
            vanban::write_atomic(p, &source.data).map_err(|e| {
                Failure::usage(t(
                    format!("không ghi được {}: {e}", p.display()),
                    format!("cannot write {}: {e}", p.display()),
                ))
            })?;
            eprintln!(
                "{}",
                t(
                    format!("đã ghi {} ({})", p.display(), source.name),
                    format!("wrote {} ({})", p.display(), source.name),
                )
            );
            Ok(())
        }
    }
}

fn check(inputs: &[PathBuf]) -> Result<(), Failure> {
    let mut failed = 0usize;
    for input in inputs {
        let json = read_input(input)?;
        match vanban::check(&json) {
            Ok(_) => println!("{}: {}", input.display(), t("hợp lệ", "ok")),
            Err(e) => {
                failed += 1;
                eprintln!(
                    "{}",
                    prefix_lines(&input.display().to_string(), &e.render(cli_lang::lang()))
                );
            }
        }
    }
    if failed > 0 {
        return Err(Failure {
            code: EXIT_DOCUMENT,
            message: t(
                format!("{failed} trên {} văn bản có lỗi", inputs.len()),
                format!("{failed} of {} documents have errors", inputs.len()),
            ),
        });
    }
    Ok(())
}

fn fonts(font_dir: Option<&Path>) -> Result<(), Failure> {
    let fonts = load_fonts(font_dir)?;
    use vanban_layout::fonts::FontId;
    println!(
        "{}: {}",
        t("họ phông ghi vào DOCX", "family written into DOCX"),
        fonts.family
    );
    for id in FontId::ALL {
        let name = match id {
            FontId::Regular => t("Thường", "Regular"),
            FontId::Bold => t("Đậm", "Bold"),
            FontId::Italic => t("Nghiêng", "Italic"),
            FontId::BoldItalic => t("Đậm nghiêng", "BoldItalic"),
        };
        let source = fonts.source(id);
        let source = match source.strip_prefix("bundled ") {
            Some(file) => t(format!("đi kèm {file}"), source.to_owned()),
            None => source.to_owned(),
        };
        println!("{name:<12} {source}");
    }
    Ok(())
}

/// `text` with `prefix: ` before each of its lines (the file name before
/// each error, so that every line of a long report says which file).
fn prefix_lines(prefix: &str, text: &str) -> String {
    text.lines()
        .map(|l| format!("{prefix}: {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}
