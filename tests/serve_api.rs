//! The HTTP API of `vanban serve`, end to end over loopback: every endpoint
//! with good and bad input → the right status, a stable code and a
//! Vietnamese message; a fixture rendered through the API is byte-identical
//! to the CLI's output.

mod serve_support;

use serve_support::{Server, request};
use std::io::Read;
use std::process::Command;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).expect("fixture")
}

/// Asserts an error answer: status, code, and a message (Vietnamese unless
/// asked otherwise) containing `words`.
fn assert_error(r: &serve_support::Response, status: u16, code: &str, words: &str) {
    assert_eq!(
        r.status,
        status,
        "status; body: {}",
        String::from_utf8_lossy(&r.body)
    );
    assert!(
        r.header("content-type")
            .is_some_and(|c| c.starts_with("application/json")),
        "JSON error"
    );
    let (c, m) = r.error();
    assert_eq!(c, code);
    let all = String::from_utf8_lossy(&r.body);
    assert!(
        m.contains(words) || all.contains(words),
        "{words:?} not in {all}"
    );
}

/// Runs the CLI: `vanban render FIXTURE --format F -o OUT`.
fn cli_render(name: &str, format: &str) -> Vec<u8> {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join(format!("x.{format}"));
    let st = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args([
            "render",
            &format!("fixtures/{name}"),
            "--format",
            format,
            "-o",
        ])
        .arg(&out)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("SOURCE_DATE_EPOCH")
        .status()
        .expect("run the CLI");
    assert!(st.success());
    std::fs::read(out).expect("CLI output")
}

#[test]
fn health_page_schema_openapi() {
    let s = Server::start(&[]);
    let r = s.get("/healthz");
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["status"], "ok");
    let csp = r.header("content-security-policy").expect("CSP").to_owned();
    assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"));

    let page = s.get("/");
    assert_eq!(page.status, 200);
    let html = String::from_utf8_lossy(&page.body);
    assert!(html.contains("<html lang=\"vi\">"));
    assert!(html.contains("Trích yếu nội dung") && html.contains("Nơi nhận"));
    // No inline script: every <script> has a src on this server.
    for tag in html.split("<script").skip(1) {
        let head = tag.split('>').next().unwrap_or_default();
        assert!(head.contains("src=\"/"), "inline or foreign script: {head}");
        assert!(
            tag.split('>')
                .nth(1)
                .unwrap_or_default()
                .starts_with("</script")
        );
    }
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "no CDN"
    );
    for (path, ctype) in [("/app.js", "text/javascript"), ("/app.css", "text/css")] {
        let r = s.get(path);
        assert_eq!(r.status, 200, "{path}");
        assert!(
            r.header("content-type")
                .unwrap_or_default()
                .starts_with(ctype)
        );
        let text = String::from_utf8_lossy(&r.body);
        assert!(
            !text.contains("http://") && !text.contains("https://"),
            "no CDN in {path}"
        );
    }

    let schema = s.get("/api/schema");
    assert_eq!(schema.status, 200);
    assert!(schema.json()["properties"]["signature"].is_object());

    let api = s.get("/api/openapi.json");
    assert_eq!(api.status, 200);
    let paths = &api.json()["paths"];
    for p in [
        "/api/render",
        "/api/check",
        "/api/import",
        "/api/preview",
        "/api/schema",
        "/api/starter/{type}",
        "/healthz",
    ] {
        assert!(paths[p].is_object(), "{p} in the OpenAPI description");
    }
    assert!(s.stop().success(), "graceful stop on SIGTERM");
}

#[test]
fn render_is_byte_identical_to_the_cli() {
    let s = Server::start(&[]);
    let json = fixture("bao-cao-ba-to.json");
    let pdf = s.post_json("/api/render?format=pdf", &json);
    assert_eq!(pdf.status, 200);
    assert_eq!(pdf.header("content-type"), Some("application/pdf"));
    assert!(
        pdf.body == cli_render("bao-cao-ba-to.json", "pdf"),
        "PDF differs from the CLI's"
    );
    let docx = s.post_json("/api/render?format=docx", &json);
    assert_eq!(docx.status, 200);
    assert!(
        docx.body == cli_render("bao-cao-ba-to.json", "docx"),
        "DOCX differs from the CLI's"
    );

    // The CLI's options: no signature fields, PDF/A-3b with the source.
    let plain = s.post_json("/api/render?format=pdf&sign_fields=false", &json);
    assert_eq!(plain.status, 200);
    assert!(plain.body != pdf.body);
    let a3 = s.post_json("/api/render?pdf_standard=a3b", &json);
    assert_eq!(a3.status, 200);
    let src = vanban::extract_source(&a3.body).expect("source embedded");
    assert_eq!(src.data, json);

    // ZIP: both files, the same bytes, and the sidecar on request.
    let z = s.post_json("/api/render?format=zip&meta_json=true", &json);
    assert_eq!(z.status, 200);
    assert_eq!(z.header("content-type"), Some("application/zip"));
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(z.body.clone())).expect("a zip");
    let mut names: Vec<String> = zip.file_names().map(str::to_owned).collect();
    names.sort();
    assert_eq!(names, ["vanban.docx", "vanban.meta.json", "vanban.pdf"]);
    let mut inner = Vec::new();
    zip.by_name("vanban.pdf")
        .expect("pdf")
        .read_to_end(&mut inner)
        .expect("read");
    assert!(inner == pdf.body);
    let mut meta = String::new();
    zip.by_name("vanban.meta.json")
        .expect("meta")
        .read_to_string(&mut meta)
        .expect("read");
    let meta: serde_json::Value = serde_json::from_str(&meta).expect("meta JSON");
    assert!(meta["pageCount"].as_u64().unwrap_or(0) > 1);
    // Deterministic: the same ZIP twice.
    let z2 = s.post_json("/api/render?format=zip&meta_json=true", &json);
    assert!(z2.body == z.body);
}

#[test]
fn render_rejects_bad_requests() {
    let s = Server::start(&[]);
    let json = fixture("cong-van.json");
    let r = s.post_json("/api/render?format=odt", &json);
    assert_error(&r, 400, "bad_parameter", "không hợp lệ");
    let r = s.post_json("/api/render?pdf_standard=a1", &json);
    assert_error(&r, 400, "bad_parameter", "a2b");
    let r = s.post_json("/api/render?colour=red", &json);
    assert_error(&r, 400, "bad_parameter", "colour");
    let r = s.post_json("/api/render?meta_json=true", &json);
    assert_error(&r, 400, "bad_parameter", "zip");
    let r = s.request(
        "POST",
        "/api/render",
        &[("Content-Type", "text/plain")],
        &json,
    );
    assert_error(&r, 415, "unsupported_media_type", "Kiểu nội dung");
    let r = s.request("POST", "/api/render", &[], &json);
    assert_error(&r, 415, "unsupported_media_type", "application/json");
    let r = s.post_json("/api/render", b"{");
    assert_error(&r, 400, "json_syntax", "sai cú pháp");
    // An invalid document: no file, the errors with their paths.
    let mut doc: serde_json::Value = serde_json::from_slice(&json).expect("fixture JSON");
    doc["date"] = serde_json::Value::from("2024-02-31");
    let r = s.post_json("/api/render?format=pdf", doc.to_string().as_bytes());
    assert_error(&r, 422, "invalid_document", "lỗi cần sửa");
    assert_eq!(r.json()["error"]["errors"][0]["path"], "date");
}

/// The four JSON mistakes people make, each with its line, column and a
/// Vietnamese hint.
#[test]
fn json_mistakes_get_vietnamese_hints() {
    let s = Server::start(&[]);
    // (input, words of the message, words of the hint)
    let cases: [(&str, &str, &str); 5] = [
        (
            "{\n  “type”: \"bao_cao\"\n}",
            "tên trường phải là một chuỗi",
            "ngoặc kép cong",
        ),
        (
            "{\n  \"type\": \"bao_cao\",\n  \"title\": \"Báo cáo\nnăm 2024\"\n}",
            "ký tự điều khiển",
            "\\n",
        ),
        (
            "{\n  \"type\": \"bao_cao\",\n  \"title\": \"Chương trình \"Nông thôn mới\"\"\n}",
            "JSON không hợp lệ",
            "\\\"",
        ),
        (
            "{\n  \"type\": \"bao_cao\"\n  \"place\": \"Ba Tơ\"\n}",
            "JSON không hợp lệ",
            "thiếu dấu phẩy",
        ),
        ("{\n  \"type\": \"bao_cao\",", "kết thúc quá sớm", "}"),
    ];
    for (input, message, hint) in cases {
        let r = s.post_json("/api/check", input.as_bytes());
        assert_error(&r, 400, "json_syntax", "sai cú pháp");
        let e = &r.json()["error"]["errors"][0];
        let m = e["message"].as_str().unwrap_or_default();
        let h = e["hint"].as_str().unwrap_or_default();
        assert!(m.contains(message), "{input:?}: message {m:?}");
        assert!(h.contains(hint), "{input:?}: hint {h:?}");
        assert!(e["line"].as_u64().is_some(), "{input:?}: line");
        assert!(e["column"].as_u64().is_some(), "{input:?}: column");
    }
    // The unescaped quote and the missing comma are told apart.
    let quote = s.post_json(
        "/api/check",
        "{\n  \"title\": \"Chương trình \"Nông thôn mới\"\"\n}".as_bytes(),
    );
    let h = quote.json()["error"]["errors"][0]["hint"].clone();
    assert!(
        !h.as_str().unwrap_or_default().contains("thiếu dấu phẩy"),
        "{h}"
    );
    // English on request.
    let r = s.post_json("/api/check?lang=en", "{\n  “type”: 1}".as_bytes());
    assert_eq!(r.json()["error"]["lang"], "en");
    assert!(r.error().1.contains("not well-formed"));
    let e = &r.json()["error"]["errors"][0];
    assert!(
        e["hint"].as_str().unwrap_or_default().contains("curly"),
        "{e}"
    );
    let r = s.request(
        "POST",
        "/api/check",
        &[
            ("Content-Type", "application/json"),
            ("Accept-Language", "en-US,en;q=0.9,vi;q=0.5"),
        ],
        b"{",
    );
    assert_eq!(r.json()["error"]["lang"], "en");
    let r = s.request(
        "POST",
        "/api/check",
        &[
            ("Content-Type", "application/json"),
            ("Accept-Language", "vi-VN,en;q=0.5"),
        ],
        b"{",
    );
    assert_eq!(r.json()["error"]["lang"], "vi");
}

#[test]
fn check_reports_errors_as_data() {
    let s = Server::start(&[]);
    let r = s.post_json("/api/check", &fixture("quyet-dinh.json"));
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["ok"], true);
    let mut doc: serde_json::Value =
        serde_json::from_slice(&fixture("quyet-dinh.json")).expect("fixture JSON");
    doc["date"] = serde_json::Value::from("2024-13-01");
    doc["signature"]["name"] = serde_json::Value::from("");
    let text = serde_json::to_string_pretty(&doc).expect("JSON");
    let r = s.post_json("/api/check", text.as_bytes());
    assert_error(&r, 422, "invalid_document", "Văn bản có 2 lỗi");
    let errors = r.json()["error"]["errors"].clone();
    let paths: Vec<&str> = errors
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| e["path"].as_str().unwrap_or_default())
        .collect();
    assert!(
        paths.contains(&"date") && paths.contains(&"signature.name"),
        "{paths:?}"
    );
    for e in errors.as_array().expect("errors") {
        assert!(e["line"].as_u64().is_some(), "line of {e}");
        assert!(e["column"].as_u64().is_some(), "column of {e}");
        assert!(e["message"].as_str().is_some_and(|m| !m.is_empty()));
    }
    let r = s.request(
        "POST",
        "/api/check",
        &[("Content-Type", "text/html")],
        b"{}",
    );
    assert_error(&r, 415, "unsupported_media_type", "Kiểu nội dung");
}

#[test]
fn preview_draws_the_pdf_pages() {
    let s = Server::start(&[]);
    let json = fixture("bao-cao-ba-to.json");
    let r = s.post_json("/api/preview", &json);
    assert_eq!(r.status, 200);
    let j = r.json();
    let pages = j["pages"].as_array().expect("pages");
    let want = vanban::render(
        &json,
        &[vanban::Format::Pdf],
        &vanban::RenderOptions::default(),
    )
    .expect("render")
    .page_count
    .expect("paginated");
    assert_eq!(pages.len(), want, "as many SVG pages as PDF pages");
    assert_eq!(j["pageCount"].as_u64(), Some(want as u64));
    assert_eq!(j["width"].as_f64(), Some(595.3));
    for p in pages {
        let svg = p.as_str().expect("svg text");
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.contains("<use href=\"#g"));
    }
    assert!(pages[0].as_str().unwrap_or_default().contains("BÁO CÁO"));
    let r = s.post_json("/api/preview", b"{\"type\": \"bao_cao\"}");
    assert_error(&r, 422, "invalid_document", "lỗi cần sửa");
    let r = s.request(
        "POST",
        "/api/preview",
        &[("Content-Type", "text/plain")],
        &json,
    );
    assert_error(&r, 415, "unsupported_media_type", "Kiểu nội dung");
}

#[test]
fn oversize_bodies_are_refused() {
    let s = Server::start(&[]);
    let len = (16 * 1024 * 1024 + 1).to_string();
    for path in ["/api/render", "/api/check", "/api/preview"] {
        let r = s.request(
            "POST",
            path,
            &[
                ("Content-Type", "application/json"),
                ("Content-Length", &len),
                ("Expect", "100-continue"),
            ],
            b"",
        );
        assert_error(&r, 413, "body_too_large", "quá lớn");
    }
    let r = s.request(
        "POST",
        "/api/import",
        &[
            ("Content-Type", "text/plain"),
            ("Content-Length", &len),
            ("Expect", "100-continue"),
        ],
        b"",
    );
    assert_error(&r, 413, "body_too_large", "16 MiB");
}

#[test]
fn import_turns_word_and_typed_text_into_json_and_starters_serve() {
    let s = Server::start(&[]);
    let docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    let r = s.request(
        "POST",
        "/api/import",
        &[("Content-Type", docx)],
        b"PK\x03\x04 not a zip",
    );
    assert_error(&r, 400, "not_docx", "không phải tệp Word");
    let r = s.request("POST", "/api/import", &[("Content-Type", docx)], b"hello");
    assert_error(&r, 400, "not_docx", ".docx");
    let r = s.request(
        "POST",
        "/api/import",
        &[("Content-Type", "image/png")],
        b"x",
    );
    assert_error(&r, 415, "unsupported_media_type", "text/plain");
    // A real DOCX: the document comes back as JSON the server accepts, with
    // the report; typed text (the paste box) too.
    let real = s.post_json("/api/render?format=docx", &fixture("cong-van.json"));
    assert_eq!(real.status, 200);
    let r = s.request("POST", "/api/import", &[("Content-Type", docx)], &real.body);
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    let j: serde_json::Value = serde_json::from_slice(&r.body).expect("json");
    assert_eq!(j["document"]["type"], "cong_van");
    assert!(j["report"].as_array().is_some_and(|a| !a.is_empty()));
    assert!(
        j["summary"]
            .as_str()
            .is_some_and(|t| t.contains("nhận diện"))
    );
    let doc = serde_json::to_vec(&j["document"]).expect("bytes");
    let c = s.post_json("/api/check", &doc);
    assert_eq!(c.status, 200, "{}", String::from_utf8_lossy(&c.body));
    let typed = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/bao-cao-ba-to.txt"),
    )
    .expect("typed");
    let r = s.request(
        "POST",
        "/api/import",
        &[("Content-Type", "text/plain; charset=utf-8")],
        &typed,
    );
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    let j: serde_json::Value = serde_json::from_slice(&r.body).expect("json");
    assert_eq!(j["document"]["type"], "bao_cao");
    assert_eq!(j["document"]["signature"]["name"], "Phạm Văn Hiền");
    let r = s.request(
        "POST",
        "/api/import",
        &[("Content-Type", "text/plain; charset=utf-8")],
        b"   \n",
    );
    assert_error(&r, 422, "import_empty", "không tìm thấy chữ");

    // Every type's starter: a valid document of that type.
    for t in vanban_model::DocType::ALL {
        let r = s.get(&format!("/api/starter/{}", t.key()));
        assert_eq!(r.status, 200, "{}", t.key());
        assert_eq!(r.json()["type"], t.key());
        let c = s.post_json("/api/check", &r.body);
        assert_eq!(c.status, 200, "starter {} checks", t.key());
    }
    let r = s.get("/api/starter/bao_cao_nam");
    assert_error(&r, 404, "unknown_type", "Không có loại văn bản");
}

#[test]
fn unknown_addresses_and_methods() {
    let s = Server::start(&[]);
    let r = s.get("/api/nothing");
    assert_error(&r, 404, "not_found", "Không có địa chỉ");
    let r = s.get("/api/nothing?lang=en");
    assert_error(&r, 404, "not_found", "No such address");
    let r = s.get("/api/render");
    assert_error(&r, 405, "method_not_allowed", "Phương thức");
    // No path from a request reaches the file system.
    let r = s.get("/../../etc/passwd");
    assert_error(&r, 404, "not_found", "Không có địa chỉ");
    let r = s.get("/api/starter/..%2F..%2Fetc%2Fpasswd");
    assert_error(&r, 404, "unknown_type", "Không có loại văn bản");
}

/// Beyond the bound on concurrent renders and the queue: clean 503s with
/// Retry-After, never another failure.
#[test]
fn busy_server_answers_503_with_retry_after() {
    let s = Server::start(&["--max-renders", "1", "--queue", "0"]);
    let json = fixture("bao-cao-ba-to.json");
    let addr = s.addr.clone();
    let threads: Vec<_> = (0..8)
        .map(|_| {
            let (addr, json) = (addr.clone(), json.clone());
            std::thread::spawn(move || {
                request(
                    &addr,
                    "POST",
                    "/api/render?format=pdf",
                    &[("Content-Type", "application/json")],
                    &json,
                )
            })
        })
        .collect();
    let answers: Vec<_> = threads
        .into_iter()
        .map(|t| t.join().expect("thread"))
        .collect();
    let ok = answers.iter().filter(|r| r.status == 200).count();
    let busy: Vec<_> = answers.iter().filter(|r| r.status == 503).collect();
    assert_eq!(ok + busy.len(), answers.len(), "only 200 and 503");
    assert!(ok >= 1, "at least one render went through");
    assert!(
        !busy.is_empty(),
        "8 renders at once with one slot and no queue"
    );
    for r in busy {
        assert_error(r, 503, "busy", "bận");
        assert_eq!(r.header("retry-after"), Some("1"));
    }
    // Once the burst is over the server renders again.
    assert_eq!(s.post_json("/api/render?format=pdf", &json).status, 200);
}
