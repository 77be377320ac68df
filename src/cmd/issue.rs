//! `vanban issue IN.pdf --number N --date YYYY-MM-DD [-o OUT.pdf]`: the
//! clerk's step ([`vanban::issue`]).

use clap::Args;
use std::path::PathBuf;
use vanban_model::lang::Msg;

use super::{EXIT_DOCUMENT, EXIT_USAGE, Failure};

/// Arguments of `vanban issue`.
#[derive(Args)]
#[command(
    after_help = "Example:\n  vanban issue bao-cao.signed.pdf --number 58 --date 2023-06-15 -o bao-cao.issued.pdf\n\n\
Fills the number and date fields (SoKyHieu, NgayBanHanh; ThangBanHanh, NamBanHanh) in one\n\
incremental update: signatures made before stay valid. See docs/issuance.md.\n\n\
Exit codes: 0 done, 1 refused (no fields, a number or date that does not fit, already issued), 2 usage or I/O error."
)]
pub struct IssueArgs {
    /// The PDF vanban wrote, signed or not.
    input: PathBuf,
    /// The document number (1–9999).
    #[arg(long)]
    number: u32,
    /// The issue date, YYYY-MM-DD.
    #[arg(long)]
    date: String,
    /// Output file (default: replace the input, atomically).
    #[arg(short, long)]
    output: Option<PathBuf>,
}

/// Runs `vanban issue`; a refusal (no fields, a number or date that does
/// not fit, already issued) is [`EXIT_DOCUMENT`].
pub fn run(args: &IssueArgs) -> Result<(), Failure> {
    // The global --lang / VANBAN_LANG (src/cli_lang.rs).
    let lang = crate::cli_lang::lang();
    let say = |code: u8, m: Msg| Err(Failure::new(code, m.get(lang)));
    let input = args.input.display();
    let date = match chrono::NaiveDate::parse_from_str(args.date.trim(), "%Y-%m-%d") {
        Ok(d) => d,
        Err(_) => {
            return say(
                EXIT_USAGE,
                Msg::new(
                    format!(
                        "--date {:?}: không phải một ngày có thật dạng NĂM-THÁNG-NGÀY (ví dụ 2023-06-15)",
                        args.date
                    ),
                    format!(
                        "--date {:?}: not a real date as YYYY-MM-DD (e.g. 2023-06-15)",
                        args.date
                    ),
                ),
            );
        }
    };
    let pdf = match std::fs::read(&args.input) {
        Ok(b) => b,
        Err(e) => {
            return say(
                EXIT_USAGE,
                Msg::new(
                    format!("không đọc được {input}: {e}"),
                    format!("cannot read {input}: {e}"),
                ),
            );
        }
    };
    if pdf.len() > vanban_model::MAX_INPUT_BYTES {
        return say(
            EXIT_USAGE,
            Msg::new(
                format!("{input}: tệp lớn hơn giới hạn 16 MiB"),
                format!("{input}: the file is larger than the 16 MiB limit"),
            ),
        );
    }
    let req = vanban::IssueRequest {
        number: args.number,
        date,
    };
    let issued = match vanban::issue(&pdf, &req) {
        Ok(b) => b,
        Err(e) => {
            return Err(Failure::new(
                EXIT_DOCUMENT,
                format!("{input}: {}", e.message(lang)),
            ));
        }
    };
    let out = args.output.clone().unwrap_or_else(|| args.input.clone());
    if let Err(e) = vanban::write_atomic(&out, &issued) {
        return say(
            EXIT_USAGE,
            Msg::new(
                format!("không ghi được {}: {e}", out.display()),
                format!("cannot write {}: {e}", out.display()),
            ),
        );
    }
    let m = Msg::new(
        format!("đã ghi {}", out.display()),
        format!("wrote {}", out.display()),
    );
    eprintln!("{}", m.get(lang));
    Ok(())
}
