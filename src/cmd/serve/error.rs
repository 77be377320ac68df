//! API errors: a stable code, an HTTP status, and a message in Vietnamese
//! (English on request), as JSON.

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use vanban_model::lang::{Lang, Msg};
use vanban_model::{ErrorKind, Errors};

/// One error in a document, for `/api/check` and the editor.
#[derive(Debug, Clone)]
pub struct Item {
    /// JSON path (`signature.name`, `body[2].heading`); empty for the whole document.
    pub path: String,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// 1-based column, when known.
    pub column: Option<usize>,
    /// What is wrong.
    pub message: Msg,
    /// How to fix it, when we can tell.
    pub hint: Option<Msg>,
}

/// An API error response.
#[derive(Debug, Clone)]
pub struct ApiError {
    /// HTTP status.
    pub status: StatusCode,
    /// Stable machine-readable code (`json_syntax`, `invalid_document`, …).
    pub code: &'static str,
    /// The summary.
    pub message: Msg,
    /// The document's errors, if any.
    pub errors: Vec<Item>,
    /// Seconds for `Retry-After` (503).
    pub retry_after: Option<u32>,
    /// The language to answer in.
    pub lang: Lang,
}

impl ApiError {
    /// A new error without items.
    pub fn new(lang: Lang, status: StatusCode, code: &'static str, message: Msg) -> ApiError {
        ApiError {
            status,
            code,
            message,
            errors: Vec::new(),
            retry_after: None,
            lang,
        }
    }

    /// 415: the body is not of the content type the endpoint takes.
    pub fn content_type(lang: Lang, want: &str) -> ApiError {
        ApiError::new(
            lang,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            Msg::new(
                format!("Kiểu nội dung (Content-Type) không đúng: cần {want}."),
                format!("Wrong Content-Type: {want} expected."),
            ),
        )
    }

    /// 413: the body is over the limit.
    pub fn too_large(lang: Lang, limit: usize) -> ApiError {
        let mib = limit / (1024 * 1024);
        ApiError::new(
            lang,
            StatusCode::PAYLOAD_TOO_LARGE,
            "body_too_large",
            Msg::new(
                format!("Nội dung gửi lên quá lớn (tối đa {mib} MiB)."),
                format!("The request body is too large (at most {mib} MiB)."),
            ),
        )
    }

    /// 400: a query parameter is wrong.
    pub fn bad_param(lang: Lang, name: &str, value: &str, valid: &str) -> ApiError {
        ApiError::new(
            lang,
            StatusCode::BAD_REQUEST,
            "bad_parameter",
            Msg::new(
                format!("Tham số {name}={value:?} không hợp lệ; giá trị hợp lệ: {valid}."),
                format!("Invalid parameter {name}={value:?}; valid values: {valid}."),
            ),
        )
    }

    /// 503: too many renders at once.
    pub fn busy(lang: Lang) -> ApiError {
        let mut e = ApiError::new(
            lang,
            StatusCode::SERVICE_UNAVAILABLE,
            "busy",
            Msg::new(
                "Máy chủ đang bận xử lý nhiều văn bản; vui lòng thử lại sau giây lát.",
                "The server is busy rendering other documents; please retry shortly.",
            ),
        );
        e.retry_after = Some(1);
        e
    }

    /// 503: the request took longer than the time limit.
    pub fn timeout(lang: Lang, secs: u64) -> ApiError {
        let mut e = ApiError::new(
            lang,
            StatusCode::SERVICE_UNAVAILABLE,
            "timeout",
            Msg::new(
                format!("Xử lý văn bản quá thời hạn {secs} giây."),
                format!("Processing took longer than the {secs} s limit."),
            ),
        );
        e.retry_after = Some(1);
        e
    }

    /// 500: a fault of the server, not of the document.
    pub fn internal(lang: Lang, detail: &str) -> ApiError {
        ApiError::new(
            lang,
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            Msg::new(
                format!("Lỗi của máy chủ: {detail}"),
                format!("Server error: {detail}"),
            ),
        )
    }

    /// 404.
    pub fn not_found(lang: Lang) -> ApiError {
        ApiError::new(
            lang,
            StatusCode::NOT_FOUND,
            "not_found",
            Msg::new(
                "Không có địa chỉ này. Xem /api/openapi.json.",
                "No such address. See /api/openapi.json.",
            ),
        )
    }

    /// 405.
    pub fn method(lang: Lang) -> ApiError {
        ApiError::new(
            lang,
            StatusCode::METHOD_NOT_ALLOWED,
            "method_not_allowed",
            Msg::new(
                "Phương thức HTTP này không dùng được ở địa chỉ này.",
                "This HTTP method is not allowed here.",
            ),
        )
    }

    /// The document's errors: 400 `json_syntax` when the text is not JSON,
    /// else 422 `invalid_document`.
    pub fn document(lang: Lang, errors: &Errors, input: &[u8]) -> ApiError {
        let syntax = errors
            .iter()
            .any(|e| matches!(e.kind, ErrorKind::Syntax | ErrorKind::Encoding));
        let (status, code, message) = if syntax {
            (
                StatusCode::BAD_REQUEST,
                "json_syntax",
                Msg::new(
                    "Văn bản JSON sai cú pháp.",
                    "The JSON text is not well-formed.",
                ),
            )
        } else {
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid_document",
                Msg::new(
                    format!("Văn bản có {} lỗi cần sửa.", errors.len()),
                    format!("The document has {} error(s) to fix.", errors.len()),
                ),
            )
        };
        let text = String::from_utf8_lossy(input);
        let mut e = ApiError::new(lang, status, code, message);
        e.errors = errors.iter().map(|x| describe(x, &text)).collect();
        e
    }

    /// The JSON body of the response.
    pub fn body(&self) -> String {
        let l = self.lang;
        let items: Vec<serde_json::Value> = self
            .errors
            .iter()
            .map(|i| {
                serde_json::json!({
                    "path": i.path,
                    "line": i.line,
                    "column": i.column,
                    "message": i.message.get(l),
                    "hint": i.hint.as_ref().map(|h| h.get(l)),
                })
            })
            .collect();
        let v = serde_json::json!({
            "error": {
                "code": self.code,
                "status": self.status.as_u16(),
                "lang": l.code(),
                "message": self.message.get(l),
                "errors": items,
            }
        });
        let mut s = v.to_string();
        s.push('\n');
        s
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json; charset=utf-8"),
        );
        if let Some(s) = self.retry_after {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(s));
        }
        (self.status, headers, self.body()).into_response()
    }
}

/// Vietnamese (and English) words for an error of the model, with a hint
/// for the JSON mistakes people make: curly quotes, a raw line break in a
/// string, an unescaped quote, a missing comma, a cut-off text.
pub fn describe(e: &vanban_model::Error, input: &str) -> Item {
    // The model says what is wrong in both languages, with a hint for the
    // usual JSON mistakes; a syntax error it gives no hint for gets ours.
    let hint = match (&e.hint, e.kind) {
        (Some(h), _) => Some(h.clone()),
        (None, ErrorKind::Syntax) => syntax(e, input).1,
        (None, _) => None,
    };
    Item {
        path: e.path.clone(),
        line: e.line,
        column: e.column,
        message: e.message.clone(),
        hint,
    }
}

const CURLY: [char; 4] = ['\u{201C}', '\u{201D}', '\u{2018}', '\u{2019}'];

fn syntax(e: &vanban_model::Error, input: &str) -> (Msg, Option<Msg>) {
    let at = match (e.line, e.column) {
        (Some(l), Some(c)) => Msg::new(
            format!(" (dòng {l}, cột {c})"),
            format!(" (line {l}, column {c})"),
        ),
        (Some(l), None) => Msg::new(format!(" (dòng {l})"), format!(" (line {l})")),
        _ => Msg::new("", ""),
    };
    let line_text = e
        .line
        .and_then(|l| input.lines().nth(l.saturating_sub(1)))
        .unwrap_or("");
    let chars: Vec<char> = line_text.chars().collect();
    let col = e.column.unwrap_or(0);
    let here = col.checked_sub(1).and_then(|i| chars.get(i)).copied();
    let before = col.checked_sub(2).and_then(|i| chars.get(i)).copied();
    let m = e.message.en.as_str();
    let (vi, en, hint_vi, hint_en) = if line_text.contains(CURLY)
        || (e.line.is_none() && input.contains(CURLY))
    {
        (
            "Dấu ngoặc kép cong “ ” không dùng được trong JSON",
            "Curly quotes “ ” are not JSON quotes",
            "Thay “ ” bằng dấu ngoặc kép thẳng \" (Word tự đổi dấu ngoặc khi gõ; hãy tắt AutoCorrect hoặc sửa tay).",
            "Replace “ ” with straight quotes \" (word processors change them as you type).",
        )
    } else if m.contains("control character") {
        (
            "Chuỗi bị xuống dòng giữa chừng",
            "A string contains a raw line break",
            "Trong JSON, xuống dòng trong một chuỗi phải viết là \\n; hoặc viết liền trên một dòng.",
            "Inside a JSON string write a line break as \\n, or keep the text on one line.",
        )
    } else if m.contains("EOF") {
        (
            "Văn bản JSON bị cắt cụt",
            "The JSON text ends too early",
            "Kiểm tra các dấu đóng } và ] ở cuối.",
            "Check the closing } and ] at the end.",
        )
    } else if m.contains("expected `,`") || m.contains("expected \",\"") {
        if before == Some('"') && here.is_some_and(|c| c != '"' && !c.is_whitespace()) {
            (
                "Dấu ngoặc kép bên trong chuỗi chưa được viết \\\"",
                "A quote inside a string is not escaped",
                "Trong một chuỗi, dấu ngoặc kép phải viết là \\\", ví dụ: \"Chương trình \\\"Nông thôn mới\\\"\".",
                "Inside a string write a quote as \\\", e.g. \"the \\\"New rural\\\" programme\".",
            )
        } else {
            (
                "Thiếu dấu phẩy giữa hai mục",
                "A comma is missing between two entries",
                "Thêm dấu phẩy , ở cuối mục đứng trước vị trí báo lỗi.",
                "Add a comma , after the entry before the reported position.",
            )
        }
    } else if m.contains("key must be a string") {
        (
            "Tên trường phải đặt trong dấu ngoặc kép thẳng",
            "Field names must be in straight double quotes",
            "Ví dụ: \"title\": \"Báo cáo …\"",
            "For example: \"title\": \"…\"",
        )
    } else {
        (
            "Văn bản JSON sai cú pháp",
            "The JSON text is not well-formed",
            "Kiểm tra dấu ngoặc kép, dấu phẩy và các dấu ngoặc { } [ ] quanh vị trí báo lỗi.",
            "Check the quotes, commas and brackets around the reported position.",
        )
    };
    (
        Msg::new(format!("{vi}{}.", at.vi), format!("{en}{}: {m}", at.en)),
        Some(Msg::new(hint_vi, hint_en)),
    )
}

/// The language of a request: `?lang=` first, then `Accept-Language` (the
/// first of vi/en it lists), else Vietnamese.
pub fn request_lang(query: &[(String, String)], headers: &HeaderMap) -> Lang {
    if let Some(l) = query
        .iter()
        .find(|(k, _)| k == "lang")
        .and_then(|(_, v)| Lang::parse(v))
    {
        return l;
    }
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            v.split(',')
                .filter_map(|part| Lang::parse(part.split(';').next().unwrap_or("")))
                .next()
        })
        .unwrap_or_default()
}
