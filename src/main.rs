//! The `vanban` command line: the arguments and a dispatch. Each command is
//! a module of [`cmd`], which also holds what they share (exit codes, the
//! failure type, the format arguments).

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use std::process::ExitCode;

mod cli_lang;
mod cmd;

use cmd::{EXIT_USAGE, batch, check, extract, fonts, import, issue, new, render, serve};

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
    Import(import::ImportArgs),
    /// Render a document to PDF and/or DOCX.
    #[command(
        after_help = "Examples:\n  vanban render bao-cao.json                 # bao-cao.pdf and bao-cao.docx here\n  vanban render bao-cao.json -o out/         # out/bao-cao.pdf and out/bao-cao.docx\n  vanban render bao-cao.json -o x.pdf        # just the PDF\n  vanban render - --format pdf -o - < in.json > out.pdf\n\nOutputs are written atomically: on any error no file is written."
    )]
    Render(render::RenderArgs),
    /// Render many documents in parallel (files, folders, `.jsonl` manifests).
    #[command(
        after_help = "Examples:\n  vanban batch archive/ -o out/               # every *.json below archive/\n  vanban batch a.json b.json -o out/ --format pdf\n  vanban batch list.jsonl -o out/ --force     # {\"input\": \"a.json\", \"output\": \"2023/a\"} a line\n\nOutput names are ASCII-safe (diacritics stripped); clashes get -2, -3 in input order.\nExisting files are kept unless --force. A bad document is reported and skipped.\nExit codes: 0 all rendered, 1 some documents have errors, 2 usage or I/O error\n(including an output that exists without --force)."
    )]
    Batch(batch::BatchArgs),
    /// Fill the number and issue date into a signed PDF (the clerk's step).
    Issue(issue::IssueArgs),
    /// Serve the web editor and the HTTP API (Vietnamese page, live preview).
    #[command(
        after_help = "Examples:\n  vanban serve                       # http://127.0.0.1:8080/\n  vanban serve --addr 0.0.0.0:8080   # for the whole office"
    )]
    Serve(serve::ServeArgs),
    /// Parse and validate documents; write nothing.
    #[command(after_help = "Example:\n  vanban check fixtures/*.json")]
    Check(check::CheckArgs),
    /// Print the JSON Schema of the input format.
    #[command(after_help = "Example:\n  vanban schema > vanban.schema.json")]
    Schema,
    /// Show which font files are used.
    #[command(
        after_help = "Example:\n  vanban fonts --font-dir /usr/share/fonts/truetype/msttcorefonts"
    )]
    Fonts(fonts::FontsArgs),
    /// Write a starter document (JSON) of one of the 29 document types, to
    /// edit and render.
    #[command(
        after_help = "Examples:\n  vanban new --list                          # the 29 types and their Vietnamese names\n  vanban new cong_van -o cong-van.json\n  vanban render cong-van.json -o out/        # out/cong-van.pdf and out/cong-van.docx\n\nThe number is left blank (null) for the clerk to fill in at issue."
    )]
    New(new::NewArgs),
    /// Write out the JSON source embedded in a PDF/A-3b file.
    #[command(
        after_help = "Examples:\n  vanban render in.json --pdf-standard a3b -o out/\n  vanban extract out/in.pdf -o again.json     # byte-identical to in.json\n  vanban extract out/in.pdf > again.json\n\nExit codes: 0 ok, 1 the PDF has no (readable) source, 2 usage or I/O error."
    )]
    Extract(extract::ExtractArgs),
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
    let result = match &cli.command {
        Command::Import(args) => import::run(args),
        Command::Render(args) => render::run(args),
        Command::Batch(args) => batch::run(args),
        Command::Issue(args) => issue::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Check(args) => check::run(args),
        Command::Schema => cmd::schema::run(),
        Command::Fonts(args) => fonts::run(args),
        Command::New(args) => new::run(args),
        Command::Extract(args) => extract::run(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            eprintln!("{}", f.message);
            ExitCode::from(f.code)
        }
    }
}
