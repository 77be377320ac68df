//! `vanban check`: parse and validate documents, write nothing.

use std::path::PathBuf;

use super::{Failure, prefix_lines, read_input};
use crate::cli_lang::{self, t};

/// Arguments of `vanban check`.
#[derive(clap::Args)]
pub struct CheckArgs {
    /// Input JSON files (`-` for standard input).
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
}

/// Runs `vanban check`: "ok" for each valid document, every error of the
/// others (each line prefixed with its file).
pub fn run(args: &CheckArgs) -> Result<(), Failure> {
    let inputs = &args.inputs;
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
        return Err(Failure::document(t(
            format!("{failed} trên {} văn bản có lỗi", inputs.len()),
            format!("{failed} of {} documents have errors", inputs.len()),
        )));
    }
    Ok(())
}
