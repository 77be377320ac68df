//! The command line in the reader's language: Vietnamese by default,
//! English with `--lang en` or `VANBAN_LANG=en`.
//!
//! The language is decided from the raw arguments and the environment
//! *before* clap parses them, so that `--help` itself comes out in it.
//! English help is what the clap attributes in `main.rs` (and each
//! subcommand's own file) say; Vietnamese help is the table [`HELP_VI`],
//! keyed by subcommand name and argument id, applied by [`localize`].
//!
//! Adding a subcommand: add its rows to [`HELP_VI`] — one for the command
//! (`("import", "", "…")`), one per argument (`("import", "input", "…")`),
//! and optionally its examples (`("import", AFTER, "…")`). The test
//! `every_command_and_argument_has_vietnamese_help` fails until every
//! argument of every subcommand has its row. Headings, "[possible values]",
//! "[default]", `[OPTIONS]` and the value placeholders ([`VALUE_NAMES_VI`])
//! are put into Vietnamese for every command alike; `--lang` is global, so a
//! subcommand needs no language option of its own (read [`lang`]).

use std::ffi::OsString;
use std::sync::OnceLock;

use clap::Command;
use vanban_model::lang::Lang;

/// The language of this run, set once by [`init`].
static LANG: OnceLock<Lang> = OnceLock::new();

/// The language of this run (Vietnamese until [`init`] says otherwise).
pub fn lang() -> Lang {
    LANG.get().copied().unwrap_or_default()
}

/// Decides the language from the arguments (`--lang X`, `--lang=X`) and
/// then `VANBAN_LANG`, and remembers it for [`lang`].
pub fn init(args: &[OsString]) -> Lang {
    let lang = lang_from_args(args).unwrap_or_else(Lang::from_env);
    let _ = LANG.set(lang);
    lang
}

/// The language named by `--lang X` or `--lang=X` (the last one wins).
fn lang_from_args(args: &[OsString]) -> Option<Lang> {
    let mut found = None;
    let mut it = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        if a == "--lang" {
            found = it.next().and_then(|v| Lang::parse(&v));
        } else if let Some(v) = a.strip_prefix("--lang=") {
            found = Lang::parse(v);
        }
    }
    found
}

/// `vi` or `en` text in the language of this run.
pub fn t(vi: impl Into<String>, en: impl Into<String>) -> String {
    match lang() {
        Lang::Vi => vi.into(),
        Lang::En => en.into(),
    }
}

/// The key of a command's examples ("after help") in [`HELP_VI`].
pub const AFTER: &str = "@after";
/// The command key of arguments every command has (`--help`, `--lang`, …).
pub const ANY: &str = "*";

/// Vietnamese help: (subcommand, argument id, text). The subcommand is ""
/// for `vanban` itself and [`ANY`] for global arguments; the argument id is
/// "" for the command's one-line description and [`AFTER`] for the text
/// after the options (examples, exit codes).
pub const HELP_VI: &[(&str, &str, &str)] = &[
    (
        "",
        "",
        "Văn bản hành chính theo Nghị định 30/2020/NĐ-CP: từ JSON ra DOCX và PDF",
    ),
    (
        "",
        AFTER,
        "Ví dụ:\n  vanban new cong_van -o cong-van.json      # tạo văn bản mẫu để sửa\n  vanban render fixtures/bao-cao-ba-to.json -o out/\n  vanban check fixtures/*.json\n  vanban schema > vanban.schema.json\n\nNgôn ngữ: tiếng Việt là mặc định; tiếng Anh với --lang en hoặc biến môi trường VANBAN_LANG=en.\nMã thoát: 0 thành công, 1 văn bản có lỗi, 2 lỗi cách dùng hoặc lỗi đọc/ghi tệp.",
    ),
    (
        ANY,
        "lang",
        "Ngôn ngữ của thông báo và trợ giúp: vi (mặc định) hoặc en; cũng đặt được bằng biến môi trường VANBAN_LANG",
    ),
    (ANY, "help", "In trợ giúp"),
    (ANY, "version", "In số phiên bản"),
    (
        "help",
        "",
        "In trợ giúp của vanban hoặc của một lệnh (vanban help render)",
    ),
    // render
    ("render", "", "Xuất văn bản ra PDF và/hoặc DOCX."),
    (
        "render",
        AFTER,
        "Ví dụ:\n  vanban render bao-cao.json                 # ghi bao-cao.pdf và bao-cao.docx ngay tại đây\n  vanban render bao-cao.json -o out/         # out/bao-cao.pdf và out/bao-cao.docx\n  vanban render bao-cao.json -o x.pdf        # chỉ ghi PDF\n  vanban render - --format pdf -o - < in.json > out.pdf\n\nCác tệp được ghi trọn vẹn hoặc không ghi gì: khi có lỗi, không tệp nào được ghi.",
    ),
    (
        "render",
        "input",
        "Tệp JSON đầu vào, hoặc `-` để đọc từ đầu vào chuẩn.",
    ),
    (
        "render",
        "output",
        "Nơi ghi: một thư mục (kết thúc bằng `/` hoặc đã có), một tên tệp (đuôi `.pdf`/`.docx` chọn định dạng), một tên không đuôi, hoặc `-` để ghi ra đầu ra chuẩn.",
    ),
    ("render", "format", "Ghi những tệp nào."),
    ("render", "pdf_standard", "Chuẩn PDF."),
    (
        "render",
        "font_dir",
        "Dùng phông Times New Roman trong thư mục này thay cho phông Liberation Serif đi kèm (cùng số đo chữ).",
    ),
    (
        "render",
        "sign_fields",
        "Thêm các ô chữ ký số trống vào PDF (mặc định): ChuKy_NguoiKy ở chỗ ký của người ký, ChuKy_CoQuan ở chỗ đóng dấu.",
    ),
    ("render", "no_sign_fields", "Ghi PDF không có ô chữ ký số."),
    (
        "render",
        "meta_json",
        "Ghi thêm `<tên>.meta.json` cạnh các tệp: các trường của văn bản điện tử, số trang, và tọa độ các chỗ để trống, chữ ký, con dấu (đơn vị điểm PDF, gốc ở góc dưới bên trái).",
    ),
    // batch
    (
        "batch",
        "",
        "Xuất nhiều văn bản cùng lúc (tệp, thư mục, danh sách `.jsonl`).",
    ),
    (
        "batch",
        AFTER,
        "Ví dụ:\n  vanban batch luu-tru/ -o out/               # mọi tệp *.json trong luu-tru/\n  vanban batch a.json b.json -o out/ --format pdf\n  vanban batch ds.jsonl -o out/ --force       # mỗi dòng {\"input\": \"a.json\", \"output\": \"2023/a\"}\n\nTên tệp ghi ra chỉ dùng chữ ASCII (bỏ dấu); tên trùng được thêm -2, -3 theo thứ tự đầu vào.\nTệp đã có được giữ nguyên trừ khi có --force. Văn bản lỗi được báo và bỏ qua.\nMã thoát: 0 xuất hết, 1 có văn bản lỗi, 2 lỗi cách dùng hoặc đọc/ghi tệp\n(kể cả khi tệp ghi ra đã có mà không có --force).",
    ),
    (
        "batch",
        "inputs",
        "Tệp JSON, thư mục (mọi tệp `*.json` bên trong, kể cả thư mục con) hoặc danh sách `.jsonl` (mỗi dòng một `{\"input\": \"a.json\", \"output\": \"2023/a\"}`; đường dẫn tính từ tệp danh sách, `output` là tên không đuôi trong OUTPUT).",
    ),
    ("batch", "output", "Thư mục ghi ra (tạo mới nếu chưa có)."),
    ("batch", "format", "Ghi những tệp nào cho mỗi văn bản."),
    ("batch", "pdf_standard", "Chuẩn PDF."),
    (
        "batch",
        "font_dir",
        "Dùng phông Times New Roman trong thư mục này thay cho phông Liberation Serif đi kèm (cùng số đo chữ).",
    ),
    ("batch", "force", "Ghi đè lên tệp đã có."),
    (
        "batch",
        "quiet",
        "Không báo tiến độ; chỉ báo lỗi và dòng tổng kết khi có văn bản lỗi.",
    ),
    (
        "batch",
        "jobs",
        "Số luồng xử lý (mặc định: mỗi lõi một luồng).",
    ),
    (
        "batch",
        "shard",
        "Chỉ xuất phần thứ K trong N phần (1 ≤ K ≤ N): các văn bản có vị trí trong thứ tự đầu vào chia N dư K. N phần của cùng đầu vào xuất mỗi văn bản đúng một lần, cùng tên tệp như khi chạy một lần, để N máy cùng chia một đợt.",
    ),
    // check
    ("check", "", "Đọc và kiểm tra văn bản; không ghi tệp nào."),
    ("check", AFTER, "Ví dụ:\n  vanban check fixtures/*.json"),
    (
        "check",
        "inputs",
        "Các tệp JSON đầu vào (`-` để đọc từ đầu vào chuẩn).",
    ),
    // schema
    (
        "schema",
        "",
        "In lược đồ JSON (JSON Schema) của định dạng đầu vào, có chú giải tiếng Việt và số ô theo Nghị định 30.",
    ),
    (
        "schema",
        AFTER,
        "Ví dụ:\n  vanban schema > vanban.schema.json",
    ),
    // fonts
    ("fonts", "", "Cho biết đang dùng những tệp phông chữ nào."),
    (
        "fonts",
        AFTER,
        "Ví dụ:\n  vanban fonts --font-dir /usr/share/fonts/truetype/msttcorefonts",
    ),
    (
        "fonts",
        "font_dir",
        "Thư mục có Times New Roman (times.ttf, timesbd.ttf, timesi.ttf, timesbi.ttf).",
    ),
    // extract
    (
        "extract",
        "",
        "Lấy lại tệp JSON nguồn gắn trong tệp PDF/A-3b.",
    ),
    (
        "extract",
        AFTER,
        "Ví dụ:\n  vanban render in.json --pdf-standard a3b -o out/\n  vanban extract out/in.pdf -o lai.json      # giống hệt in.json từng byte\n  vanban extract out/in.pdf > lai.json\n\nMã thoát: 0 thành công, 1 tệp PDF không có (hoặc không đọc được) JSON nguồn, 2 lỗi cách dùng hoặc đọc/ghi tệp.",
    ),
    ("extract", "input", "Tệp PDF."),
    // import
    (
        "import",
        "",
        "Nhập văn bản Word (.docx, .doc) hoặc chữ gõ (.txt) thành JSON, kèm báo cáo nhập.",
    ),
    (
        "import",
        AFTER,
        "Ví dụ:\n  vanban import du-thao.docx                 # ghi du-thao.json, báo cáo ra đầu ra lỗi chuẩn\n  vanban import du-thao.txt -o bao-cao.json\n  vanban render du-thao.docx -o out/         # nhập rồi xuất PDF, DOCX một lần\n\nTệp .doc được chuyển sang .docx bằng LibreOffice (soffice) khi máy có cài.",
    ),
    (
        "import",
        "input",
        "Tệp Word (.docx, .doc) hoặc chữ gõ (.txt); `-` là đầu vào chuẩn.",
    ),
    (
        "import",
        "output",
        "Nơi ghi JSON (mặc định TÊN.json tại thư mục hiện tại; `-`: đầu ra chuẩn).",
    ),
    (
        "extract",
        "output",
        "Nơi ghi JSON (mặc định, hoặc `-`: đầu ra chuẩn).",
    ),
    // issue
    (
        "issue",
        "",
        "Cấp số và ngày ban hành vào tệp PDF đã ký (bước của văn thư).",
    ),
    (
        "issue",
        AFTER,
        "Ví dụ:\n  vanban issue bao-cao.da-ky.pdf --number 58 --date 2023-06-15 -o bao-cao.cap-so.pdf\n\nĐiền số và ngày vào các trường SoKyHieu, NgayBanHanh (ThangBanHanh, NamBanHanh) bằng một bản cập nhật gia tăng: chữ ký đã có vẫn hợp lệ. Xem docs/issuance.md.\n\nMã thoát: 0 thành công, 1 từ chối (không có trường, số hoặc ngày không hợp, đã cấp số), 2 lỗi cách dùng hoặc đọc/ghi tệp.",
    ),
    (
        "issue",
        "input",
        "Tệp PDF do vanban xuất, đã ký hoặc chưa ký.",
    ),
    ("issue", "number", "Số văn bản (1–9999)."),
    (
        "issue",
        "date",
        "Ngày ban hành, dạng NĂM-THÁNG-NGÀY (ví dụ 2023-06-15).",
    ),
    (
        "issue",
        "output",
        "Tệp ghi ra (mặc định: thay tệp vào, ghi nguyên tử).",
    ),
    // new
    (
        "new",
        "",
        "Tạo một văn bản mẫu (JSON) của một trong 29 loại văn bản hành chính, để sửa rồi xuất.",
    ),
    (
        "new",
        AFTER,
        "Ví dụ:\n  vanban new --list                          # 29 loại văn bản và tên tiếng Việt\n  vanban new cong_van -o cong-van.json\n  vanban render cong-van.json -o out/        # out/cong-van.pdf và out/cong-van.docx\n\nSố văn bản để trống (null) cho văn thư cấp số khi ban hành.",
    ),
    (
        "new",
        "doc_type",
        "Loại văn bản, ví dụ cong_van, quyet_dinh, bien_ban (xem --list).",
    ),
    (
        "new",
        "output",
        "Tệp ghi ra (mặc định, hoặc `-`: đầu ra chuẩn). Không ghi đè tệp đã có.",
    ),
    ("new", "list", "Liệt kê các loại văn bản và tên tiếng Việt."),
    // Subcommands other engineers are adding (branches import, serve,
    // issue): their rows are here so their help is Vietnamese as soon as
    // they land; rows of a subcommand that does not exist are unused.
    // import
    (
        "import",
        "",
        "Nhập văn bản Word (.docx, .doc) hoặc chữ gõ (.txt) thành JSON, kèm báo cáo những gì đã nhận ra.",
    ),
    (
        "import",
        "input",
        "Tệp Word (.docx, .doc) hoặc chữ gõ (.txt); `-` để đọc từ đầu vào chuẩn.",
    ),
    (
        "import",
        "output",
        "Nơi ghi JSON (mặc định TÊN.json; `-`: đầu ra chuẩn).",
    ),
    // serve
    (
        "serve",
        "",
        "Chạy trình soạn thảo trên web và API HTTP (trang tiếng Việt, xem trước trực tiếp).",
    ),
    (
        "serve",
        "addr",
        "Địa chỉ lắng nghe; mặc định 127.0.0.1 (chỉ máy này), 0.0.0.0:8080 để cả cơ quan dùng.",
    ),
    (
        "serve",
        "max_renders",
        "Số văn bản xuất cùng lúc tối đa (mặc định: bằng số lõi CPU).",
    ),
    (
        "serve",
        "queue",
        "Số yêu cầu được chờ đến lượt xuất; quá số này trả lỗi 503 kèm Retry-After.",
    ),
    (
        "serve",
        "timeout",
        "Thời gian tối đa cho một yêu cầu, tính bằng giây.",
    ),
    (
        "serve",
        "font_dir",
        "Dùng phông Times New Roman trong thư mục này thay cho Liberation Serif kèm theo (cùng số đo); do người chạy máy chủ đặt, yêu cầu không bao giờ chỉ định đường dẫn.",
    ),
    (
        "serve",
        AFTER,
        "Ví dụ:\n  vanban serve                       # http://127.0.0.1:8080/\n  vanban serve --addr 0.0.0.0:8080   # cho cả cơ quan\n\nDừng bằng Ctrl-C hoặc SIGTERM (làm xong các yêu cầu đang xử lý). Xem docs/serve.md.",
    ),
    // issue
    (
        "issue",
        "",
        "Cấp số và ngày ban hành vào tệp PDF đã ký (bước của văn thư).",
    ),
    (
        "issue",
        "input",
        "Tệp PDF do vanban xuất, đã ký hoặc chưa ký.",
    ),
    ("issue", "number", "Số văn bản (1–9999)."),
    ("issue", "date", "Ngày ban hành, dạng YYYY-MM-DD."),
    (
        "issue",
        "output",
        "Tệp ghi ra (mặc định: ghi đè lên tệp vào).",
    ),
];

/// Vietnamese names for the placeholders of argument values (clap derives
/// them from the argument id: `<INPUT>`); unlisted ones stay as they are.
pub const VALUE_NAMES_VI: &[(&str, &str)] = &[
    ("INPUT", "TỆP_VÀO"),
    ("INPUTS", "TỆP_VÀO"),
    ("OUTPUT", "NƠI_GHI"),
    ("FORMAT", "ĐỊNH_DẠNG"),
    ("PDF_STANDARD", "CHUẨN"),
    ("FONT_DIR", "THƯ_MỤC"),
    ("JOBS", "SỐ_LUỒNG"),
    ("DOC_TYPE", "LOẠI"),
    ("ADDR", "ĐỊA_CHỈ"),
    ("MAX_RENDERS", "SỐ"),
    ("QUEUE", "SỐ"),
    ("TIMEOUT", "GIÂY"),
    ("NUMBER", "SỐ"),
    ("DATE", "NGÀY"),
];

/// The Vietnamese help row for (`command`, `id`), falling back to [`ANY`].
fn lookup(command: &str, id: &str) -> Option<&'static str> {
    HELP_VI
        .iter()
        .find(|(c, i, _)| *c == command && *i == id)
        .or_else(|| HELP_VI.iter().find(|(c, i, _)| *c == ANY && *i == id))
        .map(|(_, _, text)| *text)
}

/// The help layout in Vietnamese (clap's own headings are English).
const TEMPLATE_VI: &str =
    "{before-help}{about-with-newline}\nCách dùng: {usage}\n\n{all-args}{after-help}";

/// Puts `cmd` (built from the clap attributes) into the language of this
/// run: for Vietnamese, every description, argument help, heading and
/// example from [`HELP_VI`].
pub fn localize(mut cmd: Command) -> Command {
    if lang() == Lang::En {
        return cmd;
    }
    cmd.build();
    localize_one(cmd, "")
}

fn localize_one(mut cmd: Command, key: &str) -> Command {
    if let Some(about) = lookup(key, "") {
        cmd = cmd.about(about).long_about(None::<&str>);
    }
    if let Some(after) = lookup(key, AFTER) {
        cmd = cmd.after_help(after).after_long_help(None::<&str>);
    }
    cmd = cmd
        .help_template(TEMPLATE_VI)
        .subcommand_help_heading("Lệnh")
        .subcommand_value_name("LỆNH");
    let ids: Vec<(String, bool)> = cmd
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    for (id, positional) in ids {
        let help = lookup(key, &id);
        cmd = cmd.mut_arg(id.as_str(), |a| {
            // clap's "[possible values: …]" and "[default: …]" in Vietnamese.
            let takes = a.get_action().takes_values();
            let values: Vec<String> = a
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_string())
                .collect();
            let default: Vec<String> = a
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            let mut extra = Vec::new();
            if takes && !values.is_empty() {
                extra.push(format!("giá trị: {}", values.join(", ")));
            }
            if takes && !default.is_empty() {
                extra.push(format!("mặc định: {}", default.join(", ")));
            }
            // The value placeholder (`<INPUT>`) in Vietnamese, when it is
            // the one clap derives from the id.
            let derived = a.get_id().as_str().to_uppercase();
            let named = a
                .get_value_names()
                .is_some_and(|n| n.iter().any(|v| v.as_str() != derived));
            let vi_name = VALUE_NAMES_VI
                .iter()
                .find(|(en, _)| *en == derived)
                .map(|(_, vi)| *vi);
            let a = match vi_name {
                Some(v) if takes && !named => a.value_name(v),
                _ => a,
            };
            let a = a
                .help_heading(if positional {
                    "Đối số"
                } else {
                    "Tùy chọn"
                })
                .hide_possible_values(true)
                .hide_default_value(true);
            match help {
                Some(h) if extra.is_empty() => a.help(h).long_help(None::<&str>),
                Some(h) => a
                    .help(format!("{h} [{}]", extra.join("; ")))
                    .long_help(None::<&str>),
                None => a,
            }
        });
    }
    let usage = cmd.render_usage().to_string();
    let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
    cmd = cmd.override_usage(usage.replace("[OPTIONS]", "[TÙY CHỌN]"));
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        cmd = cmd.mut_subcommand(name.as_str(), |s| localize_one(s, &name));
    }
    cmd
}

/// A clap error (unknown option, missing argument, …) in the language of
/// this run; clap words it in English, so its frame is translated.
pub fn clap_error(e: &clap::Error) -> String {
    let text = e.render().to_string();
    if lang() == Lang::En {
        return text;
    }
    text.replace("error: ", "lỗi: ")
        .replace("unexpected argument", "đối số không được chấp nhận")
        .replace(
            "the following required arguments were not provided",
            "thiếu các đối số bắt buộc sau",
        )
        .replace("invalid value", "giá trị không hợp lệ")
        .replace(" found", "")
        .replace(" for '", " cho '")
        .replace("[possible values:", "[giá trị dùng được:")
        .replace("unrecognized subcommand", "không có lệnh")
        .replace("a similar argument exists:", "có một đối số gần giống:")
        .replace("a similar subcommand exists:", "có một lệnh gần giống:")
        .replace("to pass", "để truyền")
        .replace(" as a value, use", " làm giá trị, hãy viết")
        .replace("tip:", "gợi ý:")
        .replace("Usage:", "Cách dùng:")
        .replace("[OPTIONS]", "[TÙY CHỌN]")
        .replace("For more information, try", "Xem thêm bằng")
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every subcommand and every argument (global ones included) has its
    /// Vietnamese row: a new subcommand without one fails here.
    #[test]
    fn every_command_and_argument_has_vietnamese_help() {
        let mut cmd = crate::Cli::command();
        cmd.build();
        let mut missing = Vec::new();
        let mut check = |key: &str, c: &Command| {
            if lookup(key, "").is_none() {
                missing.push(format!("{key:?}: the command's description"));
            }
            for a in c.get_arguments() {
                if lookup(key, a.get_id().as_str()).is_none() {
                    missing.push(format!("{key:?}: argument {:?}", a.get_id().as_str()));
                }
            }
        };
        check("", &cmd);
        for s in cmd.get_subcommands() {
            check(s.get_name(), s);
        }
        assert!(
            missing.is_empty(),
            "no Vietnamese help in cli_lang::HELP_VI for:\n{}",
            missing.join("\n")
        );
    }

    /// No row of an existing subcommand is for an argument that does not
    /// exist (a renamed argument would silently lose its Vietnamese help).
    #[test]
    fn every_row_names_a_real_argument() {
        let mut cmd = crate::Cli::command();
        cmd.build();
        for (c, id, text) in HELP_VI {
            assert!(!text.trim().is_empty(), "{c}/{id}: empty");
            if *c == ANY || id.is_empty() || *id == AFTER {
                continue;
            }
            let owner = if c.is_empty() {
                Some(&cmd)
            } else {
                cmd.get_subcommands().find(|s| s.get_name() == *c)
            };
            // Rows for a subcommand still on another branch are unused here.
            let Some(owner) = owner else {
                continue;
            };
            assert!(
                owner.get_arguments().any(|a| a.get_id() == *id),
                "{c} has no argument {id}"
            );
        }
    }

    #[test]
    fn language_from_arguments() {
        let args = |v: &[&str]| v.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            lang_from_args(&args(&["vanban", "--lang", "en", "check"])),
            Some(Lang::En)
        );
        assert_eq!(
            lang_from_args(&args(&["vanban", "check", "--lang=vi"])),
            Some(Lang::Vi)
        );
        assert_eq!(lang_from_args(&args(&["vanban", "check", "a.json"])), None);
    }
}
