//! `vanban extract`: the JSON source embedded in a PDF/A-3b file.

use std::path::{Path, PathBuf};

use super::{Failure, read_input, write_stdout};
use crate::cli_lang::t;

/// Arguments of `vanban extract`.
#[derive(clap::Args)]
pub struct ExtractArgs {
    /// The PDF.
    input: PathBuf,
    /// Where to write the JSON (default, or `-`: standard output).
    #[arg(short, long)]
    output: Option<PathBuf>,
}

/// Runs `vanban extract`.
pub fn run(args: &ExtractArgs) -> Result<(), Failure> {
    let input = &args.input;
    let pdf = read_input(input)?;
    let source = vanban::extract_source(&pdf).map_err(|e| {
        Failure::document(t(
            format!("{}: không lấy được JSON nguồn: {e}", input.display()),
            format!("{}: {e}", input.display()),
        ))
    })?;
    match args.output.as_deref().filter(|p| *p != Path::new("-")) {
        None => write_stdout(&source.data),
        Some(p) => {
            vanban::write_atomic(p, &source.data).map_err(|e| super::cannot_write(p, &e))?;
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
