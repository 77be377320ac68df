//! A real browser drives the editor: Debian's chromium and chromium-driver,
//! through Python selenium (tests/browser/editor.py). Choose "Báo cáo", fill
//! the header, type two numbered sections, wait for two pages, download the
//! PDF (its text is checked here with pdftotext), make a mistake in the date
//! and see the message next to the date field. Screenshots are left in
//! target/serve-browser/ to be looked at.

mod serve_support;

use serve_support::Server;
use std::path::PathBuf;
use std::process::Command;

fn have(cmd: &str, args: &[&str]) -> bool {
    Command::new(cmd)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn a_clerk_writes_a_report_in_the_browser() {
    let tools = [
        ("chromium", vec!["--version"]),
        ("chromedriver", vec!["--version"]),
        ("python3", vec!["-c", "import selenium"]),
        ("pdftotext", vec!["-v"]),
    ];
    for (tool, args) in &tools {
        if !have(tool, args) {
            println!("skipped: {tool} is not installed (.ci/run installs it)");
            return;
        }
    }
    let out = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/serve-browser");
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out).expect("artefact folder");
    let server = Server::start(&[]);
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/browser/editor.py");
    let run = Command::new("python3")
        .arg(&script)
        .arg(format!("http://{}/", server.addr))
        .arg(&out)
        .output()
        .expect("run python3");
    let log = format!(
        "{}\n{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    std::fs::write(out.join("browser.log"), &log).expect("log");
    println!("{log}");
    assert!(run.status.success(), "the browser script failed:\n{log}");

    // The downloaded PDF holds what was typed.
    let pdf = out.join("bao-cao.pdf");
    let text = Command::new("pdftotext")
        .args(["-layout"])
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    let text = String::from_utf8_lossy(&text.stdout);
    for want in [
        "XÃ BA ĐIỀN", // the issuer name may wrap after "ỦY BAN NHÂN DÂN"
        "BÁO CÁO",
        "Kết quả thực hiện nhiệm vụ năm 2023",
        "I. TÌNH HÌNH CHUNG",
        "II. NHIỆM VỤ NĂM 2024",
        "Ba Điền, ngày 15 tháng 3 năm 2024",
        "Phạm Văn Hùng",
        "cải cách hành chính",
    ] {
        assert!(text.contains(want), "{want:?} not in the PDF:\n{text}");
    }
    let pages = text.matches('\u{c}').count();
    assert!(pages >= 2, "two pages or more, got {pages}");
    // The date message is Vietnamese and at the date field.
    let msg = std::fs::read_to_string(out.join("date-message.txt")).expect("message");
    assert!(msg.contains("không phải là ngày có thật"), "{msg}");
    assert!(server.stop().success());
}
