//! `vanban fonts`: which font files are used.

use std::path::PathBuf;
use vanban_layout::fonts::FontId;

use super::{Failure, load_fonts};
use crate::cli_lang::t;

/// Arguments of `vanban fonts`.
#[derive(clap::Args)]
pub struct FontsArgs {
    /// Folder with Times New Roman (times.ttf, timesbd.ttf, timesi.ttf, timesbi.ttf).
    #[arg(long)]
    font_dir: Option<PathBuf>,
}

/// Runs `vanban fonts`.
pub fn run(args: &FontsArgs) -> Result<(), Failure> {
    let fonts = load_fonts(args.font_dir.as_deref())?;
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
