//! `vanban new TYPE [-o FILE]` and `vanban new --list`: a starter document
//! of one of the 29 types ([`vanban::starter`]).

use std::io::Write;
use std::path::PathBuf;

use vanban_model::DocType;
use vanban_model::hint::did_you_mean;
use vanban_model::lang::Lang;

use super::Failure;
use crate::cli_lang::{lang, t};

/// Arguments of `vanban new`.
#[derive(clap::Args)]
pub struct NewArgs {
    /// Document type, e.g. cong_van, quyet_dinh, bien_ban (see --list).
    #[arg(required_unless_present = "list")]
    doc_type: Option<String>,
    /// Where to write the JSON (default, or `-`: standard output). An
    /// existing file is never overwritten.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// List the document types and their Vietnamese names.
    #[arg(long, conflicts_with = "doc_type")]
    list: bool,
}

/// Runs `vanban new`.
pub fn run(args: &NewArgs) -> Result<(), Failure> {
    if args.list {
        // A closed pipe (`vanban new --list | head`) is not an error.
        let _ = std::io::stdout().write_all(list(lang()).as_bytes());
        return Ok(());
    }
    let key = args.doc_type.as_deref().unwrap_or("");
    let Some(ty) = DocType::from_key(key) else {
        let keys: Vec<&str> = DocType::ALL.iter().map(|d| d.key()).collect();
        let (g_vi, g_en) = match did_you_mean(key, &keys) {
            Some(g) => (
                format!(" (có phải ý bạn là \"{g}\"?)"),
                format!(" (did you mean \"{g}\"?)"),
            ),
            None => (String::new(), String::new()),
        };
        return Err(Failure::usage(t(
            format!("không có loại văn bản \"{key}\"{g_vi}; xem danh sách bằng: vanban new --list"),
            format!("unknown document type \"{key}\"{g_en}; see the list with: vanban new --list"),
        )));
    };
    let json = vanban::starter(ty);
    match args
        .output
        .as_deref()
        .filter(|p| *p != std::path::Path::new("-"))
    {
        None => super::write_stdout(json.as_bytes()),
        Some(p) => {
            if p.exists() {
                return Err(Failure::usage(t(
                    format!(
                        "{} đã có; chọn tên khác (vanban new không ghi đè)",
                        p.display()
                    ),
                    format!(
                        "{} exists; choose another name (vanban new never overwrites)",
                        p.display()
                    ),
                )));
            }
            vanban::write_atomic(p, json.as_bytes()).map_err(|e| super::cannot_write(p, &e))?;
            eprintln!(
                "{}",
                t(
                    format!(
                        "đã ghi {} ({}); sửa nội dung rồi xuất bằng: vanban render {}",
                        p.display(),
                        ty.name_vi(),
                        p.display()
                    ),
                    format!(
                        "wrote {} ({}); edit it, then: vanban render {}",
                        p.display(),
                        ty.name_en(),
                        p.display()
                    ),
                )
            );
            Ok(())
        }
    }
}

/// The table of `vanban new --list`: key, name, and the symbol's abbreviation.
pub fn list(lang: Lang) -> String {
    let mut s = String::new();
    for ty in DocType::ALL {
        let name = match lang {
            Lang::Vi => ty.name_vi(),
            Lang::En => ty.name_en(),
        };
        let abbr = ty.abbr().unwrap_or("—");
        s.push_str(&format!("{:<16} {:<5} {name}\n", ty.key(), abbr));
    }
    s
}
