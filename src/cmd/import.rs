//! `vanban import FILE.docx|FILE.txt [-o FILE.json]`, and the import step of
//! `vanban render FILE.docx` (or .txt, .doc): a Word draft or typed text in,
//! vanban's JSON out, with the import report on standard error.

use std::path::{Path, PathBuf};

use vanban::{ImportError, SourceKind};
use vanban_model::lang::{Lang, Msg};

use super::{EXIT_DOCUMENT, EXIT_USAGE, Failure};

/// Arguments of `vanban import` (Vietnamese help: `cli_lang::HELP_VI`).
#[derive(clap::Args)]
pub struct ImportArgs {
    /// A Word file (.docx, .doc) or typed text (.txt); `-` reads standard input.
    pub input: PathBuf,
    /// Where to write the JSON (default NAME.json here; `-`: standard output).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

/// The language of this run (the global `--lang`, else `VANBAN_LANG`).
fn lang() -> Lang {
    crate::cli_lang::lang()
}

/// What the bytes are, from the name and the first bytes.
fn kind_of(path: &Path, bytes: &[u8]) -> Option<SourceKind> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "docx" | "docm" | "dotx" => Some(SourceKind::Docx),
        "txt" | "text" => Some(SourceKind::Text),
        "json" => None,
        _ if bytes.starts_with(b"PK\x03\x04") => Some(SourceKind::Docx),
        _ => None,
    }
}

fn is_doc(path: &Path, bytes: &[u8]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("doc"))
        || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
}

/// Converts a .doc with LibreOffice when `soffice` is present.
fn convert_doc(path: &Path, bytes: &[u8], lang: Lang) -> Result<Vec<u8>, Failure> {
    // An encrypted .docx is an OLE file too: say so rather than convert.
    if matches!(
        vanban_import::docx::read(bytes, &mut Default::default()),
        Err(ImportError::Encrypted)
    ) {
        return Err(Failure::new(
            EXIT_DOCUMENT,
            format!(
                "{}: {}",
                path.display(),
                ImportError::Encrypted.describe(lang)
            ),
        ));
    }
    let dir = std::env::temp_dir().join(format!("vanban-import-{}", std::process::id()));
    let fail = |m: Msg| {
        Failure::new(
            EXIT_DOCUMENT,
            format!("{}: {}", path.display(), m.get(lang)),
        )
    };
    std::fs::create_dir_all(&dir)
        .map_err(|e| Failure::new(EXIT_USAGE, format!("{}: {e}", dir.display())))?;
    let src = dir.join("input.doc");
    std::fs::write(&src, bytes)
        .map_err(|e| Failure::new(EXIT_USAGE, format!("{}: {e}", src.display())))?;
    let status = std::process::Command::new("soffice")
        .args(["--headless", "--convert-to", "docx", "--outdir"])
        .arg(&dir)
        .arg(&src)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status();
    let out = dir.join("input.docx");
    let result = match status {
        Err(_) => Err(fail(ImportError::LegacyDoc.msg())),
        Ok(s) if !s.success() || !out.exists() => Err(fail(Msg::new(
            "LibreOffice không chuyển được tệp .doc này sang .docx; hãy mở bằng Word và lưu thành .docx",
            "LibreOffice could not convert this .doc to .docx; open it in Word and save it as .docx",
        ))),
        Ok(_) => {
            let m = Msg::new(
                "đã chuyển tệp .doc sang .docx bằng LibreOffice (soffice --headless --convert-to docx)",
                "converted the .doc to .docx with LibreOffice (soffice --headless --convert-to docx)",
            );
            eprintln!("{}: {}", path.display(), m.get(lang));
            std::fs::read(&out)
                .map_err(|e| Failure::new(EXIT_USAGE, format!("{}: {e}", out.display())))
        }
    };
    let _ = std::fs::remove_dir_all(&dir);
    result
}

/// Imports a file's bytes, printing the report; `None` when it is JSON.
fn import_bytes(
    path: &Path,
    bytes: Vec<u8>,
    lang: Lang,
) -> Result<Option<vanban_import::Imported>, Failure> {
    let (bytes, kind) = if is_doc(path, &bytes)
        && !path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("docx"))
    {
        (convert_doc(path, &bytes, lang)?, SourceKind::Docx)
    } else {
        match kind_of(path, &bytes) {
            Some(k) => (bytes, k),
            None => return Ok(None),
        }
    };
    let imported = vanban_import::import(&bytes, kind).map_err(|e| {
        Failure::new(
            EXIT_DOCUMENT,
            format!("{}: {}", path.display(), e.describe(lang)),
        )
    })?;
    eprint!("{}", imported.report.render(lang));
    Ok(Some(imported))
}

/// `vanban import`.
pub fn run(args: &ImportArgs) -> Result<(), Failure> {
    let lang = lang();
    let bytes = read(&args.input)?;
    let imported = match import_bytes(&args.input, bytes.clone(), lang)? {
        Some(i) => i,
        // Unknown extension and not a zip: typed text.
        None => vanban_import::import(&bytes, SourceKind::Text)
            .map_err(|e| {
                Failure::new(
                    EXIT_DOCUMENT,
                    format!("{}: {}", args.input.display(), e.describe(lang)),
                )
            })
            .inspect(|i| eprint!("{}", i.report.render(lang)))?,
    };
    let json = imported.pretty_json(vanban::IMPORT_SCHEMA);
    let out = match &args.output {
        Some(p) => p.clone(),
        None if args.input == Path::new("-") => PathBuf::from("-"),
        None => {
            let stem = args
                .input
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| "document".into());
            PathBuf::from(format!("{stem}.json"))
        }
    };
    if out == Path::new("-") {
        print!("{json}");
        return Ok(());
    }
    vanban::write_atomic(&out, json.as_bytes())
        .map_err(|e| Failure::new(EXIT_USAGE, format!("{}: {e}", out.display())))?;
    let m = Msg::new(
        format!("đã ghi {}", out.display()),
        format!("wrote {}", out.display()),
    );
    eprintln!("{}", m.get(lang));
    Ok(())
}

/// For `vanban render`: a .docx/.doc/.txt input is imported first (report
/// on standard error) and its JSON rendered; JSON passes through.
pub fn render_source(input: &Path, bytes: Vec<u8>) -> Result<Vec<u8>, Failure> {
    let lang = lang();
    match import_bytes(input, bytes.clone(), lang)? {
        Some(i) => Ok(i.pretty_json(vanban::IMPORT_SCHEMA).into_bytes()),
        None => Ok(bytes),
    }
}

fn read(input: &Path) -> Result<Vec<u8>, Failure> {
    use std::io::Read;
    let mut buf = Vec::new();
    if input == Path::new("-") {
        std::io::stdin()
            .take(vanban_import::docx::MAX_DOCX_BYTES as u64 + 1)
            .read_to_end(&mut buf)
            .map_err(|e| Failure::new(EXIT_USAGE, format!("-: {e}")))?;
        return Ok(buf);
    }
    let len = std::fs::metadata(input).map(|m| m.len()).unwrap_or(0);
    if len > vanban_import::docx::MAX_DOCX_BYTES as u64 {
        let e = ImportError::TooLarge {
            what: input.display().to_string(),
            limit: vanban_import::docx::MAX_DOCX_BYTES,
        };
        return Err(Failure::new(EXIT_DOCUMENT, e.describe(lang())));
    }
    std::fs::read(input).map_err(|e| Failure::new(EXIT_USAGE, format!("{}: {e}", input.display())))
}
