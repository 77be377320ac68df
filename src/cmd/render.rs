//! `vanban render`: one document to PDF and/or DOCX (and the sidecar),
//! every file written or none.

use std::path::{Path, PathBuf};
use vanban::{Format, PdfStandard, RenderOptions};

use super::{
    EXIT_USAGE, Failure, FormatArg, StandardArg, appendix_path, bytes_of, load_fonts, prefix_lines,
    read_input, source_date_epoch, write_stdout,
};
use crate::cli_lang::{self, t};

/// Arguments of `vanban render`.
#[derive(clap::Args)]
pub struct RenderArgs {
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
}

/// Where each format goes (`None`: standard output).
fn plan_outputs(
    input: &Path,
    output: Option<&Path>,
    format: Option<FormatArg>,
) -> Result<Vec<(Format, Option<PathBuf>)>, Failure> {
    let ext_format = output
        .and_then(|o| o.extension())
        .and_then(|e| e.to_str())
        .and_then(Format::from_extension);
    // A name whose extension says the other format contradicts --format.
    if let (Some(asked), Some(e), Some(o)) =
        (format.and_then(FormatArg::single), ext_format, output)
        && asked != e
    {
        let name = asked.extension();
        return Err(Failure::usage(t(
            format!(
                "--format {name} mâu thuẫn với tên tệp {}: đổi đuôi tệp thành .{name} hoặc bỏ --format",
                o.display(),
            ),
            format!(
                "--format {name} contradicts the file name {}: name it .{name} or leave out --format",
                o.display(),
            ),
        )));
    }
    let formats: Vec<Format> = match (format, ext_format) {
        (Some(f), _) => f.formats(),
        (None, Some(f)) => vec![f],
        (None, None) => Format::ALL.to_vec(),
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
            None => super::with_extension(Path::new(&stem), f),
            Some(o) if o.to_string_lossy().ends_with('/') || o.is_dir() => {
                super::with_extension(&o.join(&stem), f)
            }
            Some(o) if ext_format == Some(f) => o.to_path_buf(),
            Some(o) if ext_format.is_some() => o.with_extension(f.extension()),
            Some(o) => super::with_extension(o, f),
        };
        plan.push((f, Some(path)));
    }
    Ok(plan)
}

/// Runs `vanban render`.
pub fn run(args: &RenderArgs) -> Result<(), Failure> {
    let input = args.input.as_path();
    let plan = plan_outputs(input, args.output.as_deref(), args.format)?;
    // The sidecar goes next to the first file output.
    let meta_path = match plan.iter().find_map(|(_, p)| p.as_ref()) {
        Some(p) if args.meta_json => Some(p.with_extension("meta.json")),
        None if args.meta_json => {
            return Err(Failure::usage(t(
                "--meta-json ghi một tệp cạnh các tệp xuất ra; không dùng được cùng -o -",
                "--meta-json writes a file next to the outputs; it cannot go with -o -",
            )));
        }
        _ => None,
    };
    let fonts = load_fonts(args.font_dir.as_deref())?;
    let json = super::import::render_source(input, read_input(input)?)?;
    let standard: PdfStandard = args.pdf_standard.into();
    let opts = RenderOptions {
        pdf_standard: standard,
        source_date_epoch: source_date_epoch()?,
        fonts,
    };
    let formats: Vec<Format> = plan.iter().map(|(f, _)| *f).collect();
    let output_opts = vanban::OutputOptions {
        sign_fields: !args.no_sign_fields,
    };
    let rendered = vanban::render_with(&json, &formats, &opts, &output_opts).map_err(|e| {
        let message = prefix_lines(&input.display().to_string(), &e.render(cli_lang::lang()));
        Failure::render(&e, message)
    })?;
    if !rendered.appendix_files.is_empty() && plan.iter().any(|(_, p)| p.is_none()) {
        return Err(Failure::new(
            EXIT_USAGE,
            t(
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
            ),
        ));
    }
    // The main files, then each separate-file appendix next to them.
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
            Some(n) => appendix_path(p, n),
        };
        for (f, path) in &plan {
            writes.push((path.as_deref().map(at), bytes_of(r, *f).to_vec()));
        }
        if let Some(p) = &meta_path {
            writes.push((Some(at(p)), r.meta_json().into_bytes()));
        }
    }
    // Standard output holds one file; files are written all or nothing.
    let mut files: Vec<(PathBuf, &[u8])> = Vec::new();
    for (path, bytes) in &writes {
        match path {
            None => write_stdout(bytes)?,
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
