//! The HTTP API's handlers. Every handler answers from the request alone.

use super::error::{ApiError, request_lang};
use super::{Limits, MAX_BODY};
use axum::body::{Body, Bytes};
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::io::Write;
use std::sync::Arc;
use vanban::{Format, OutputOptions, PdfStandard, RenderOptions};
use vanban_model::lang::{Lang, Msg};

type Shared = State<Arc<Limits>>;

/// Splits and percent-decodes a query string.
fn parse_query(q: Option<&str>) -> Vec<(String, String)> {
    let Some(q) = q else { return Vec::new() };
    q.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect()
}

fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => {
                let hex = std::str::from_utf8(&b[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(v) => {
                        out.push(v);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The media type of the request, lower case, without parameters.
fn media_type(headers: &HeaderMap) -> String {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// Reads the body, at most [`MAX_BODY`] bytes, within the time limit.
async fn read_body(
    limits: &Limits,
    lang: Lang,
    headers: &HeaderMap,
    body: Body,
) -> Result<Bytes, ApiError> {
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_BODY as u64) {
        return Err(ApiError::too_large(lang, MAX_BODY));
    }
    match tokio::time::timeout(limits.timeout, axum::body::to_bytes(body, MAX_BODY)).await {
        Ok(Ok(b)) => Ok(b),
        Ok(Err(_)) => Err(ApiError::too_large(lang, MAX_BODY)),
        Err(_) => Err(ApiError::timeout(lang, limits.timeout.as_secs())),
    }
}

/// A JSON document from a request: content type checked, size bounded.
async fn json_body(
    limits: &Limits,
    lang: Lang,
    headers: &HeaderMap,
    body: Body,
) -> Result<Bytes, ApiError> {
    if media_type(headers) != "application/json" {
        return Err(ApiError::content_type(lang, "application/json"));
    }
    read_body(limits, lang, headers, body).await
}

fn json_response(status: StatusCode, v: &serde_json::Value) -> Response {
    let mut s = v.to_string();
    s.push('\n');
    (
        status,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json; charset=utf-8"),
        )],
        s,
    )
        .into_response()
}

/// Maps a render error to the API's answer.
fn render_error(lang: Lang, e: &vanban::Error, input: &[u8]) -> ApiError {
    match e {
        vanban::Error::Input(errors) => ApiError::document(lang, errors, input),
        vanban::Error::Style(s) => ApiError::new(
            lang,
            StatusCode::UNPROCESSABLE_ENTITY,
            "cannot_typeset",
            vanban::messages::style_error(s),
        ),
        vanban::Error::Layout(l) => ApiError::new(
            lang,
            StatusCode::UNPROCESSABLE_ENTITY,
            "cannot_typeset",
            vanban::messages::layout_error(l),
        ),
        _ => ApiError::internal(lang, &e.to_string()),
    }
}

/// `GET /healthz`.
pub async fn healthz() -> Response {
    json_response(
        StatusCode::OK,
        &serde_json::json!({"status": "ok", "version": env!("CARGO_PKG_VERSION")}),
    )
}

/// `GET /api/schema`: the JSON Schema of the input.
pub async fn schema() -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/schema+json; charset=utf-8"),
        )],
        vanban_model::schema_json(),
    )
        .into_response()
}

/// `GET /api/starter/{type}`: the starter document of a type (the same as
/// `vanban new TYPE`).
pub async fn starter(
    Path(kind): Path<String>,
    RawQuery(q): RawQuery,
    headers: HeaderMap,
) -> Response {
    let lang = request_lang(&parse_query(q.as_deref()), &headers);
    match vanban_model::DocType::from_key(&kind) {
        Some(t) => (
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json; charset=utf-8"),
            )],
            vanban::starters::starter(t),
        )
            .into_response(),
        None => ApiError::new(
            lang,
            StatusCode::NOT_FOUND,
            "unknown_type",
            Msg::new(
                format!("Không có loại văn bản \"{kind}\"; xem /api/schema (trường type)."),
                format!("No document type \"{kind}\"; see /api/schema (field type)."),
            ),
        )
        .into_response(),
    }
}

/// `POST /api/import`: a Word .docx or typed text → vanban's JSON and the
/// import report (what was recognised, guessed, kept or left out, and where).
pub async fn import(
    State(limits): Shared,
    RawQuery(q): RawQuery,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let lang = request_lang(&parse_query(q.as_deref()), &headers);
    let mt = media_type(&headers);
    let docx = mt == DOCX_TYPE;
    if !docx && mt != "text/plain" {
        return ApiError::content_type(lang, &format!("{DOCX_TYPE} hoặc text/plain"))
            .into_response();
    }
    let bytes = match read_body(&limits, lang, &headers, body).await {
        Ok(b) => b,
        Err(e) => return e.into_response(),
    };
    if docx && !is_docx(&bytes) {
        return ApiError::new(
            lang,
            StatusCode::BAD_REQUEST,
            "not_docx",
            Msg::new(
                "Tệp gửi lên không phải tệp Word .docx (không đọc được nội dung văn bản trong tệp).",
                "The file is not a Word .docx (no readable document part).",
            ),
        )
        .into_response();
    }
    let kind = if docx {
        vanban::SourceKind::Docx
    } else {
        vanban::SourceKind::Text
    };
    match limits
        .run(lang, move || vanban::import_json(&bytes, kind))
        .await
    {
        Ok(Ok((json, report))) => {
            let document: serde_json::Value = match serde_json::from_str(&json) {
                Ok(v) => v,
                Err(e) => return ApiError::internal(lang, &e.to_string()).into_response(),
            };
            let entries: Vec<serde_json::Value> = report
                .entries
                .iter()
                .map(|e| {
                    serde_json::json!({
                        "kind": report_kind(e.kind),
                        "where": e.loc.describe(lang),
                        "message": e.msg.get(lang),
                    })
                })
                .collect();
            json_response(
                StatusCode::OK,
                &serde_json::json!({
                    "document": document,
                    "report": entries,
                    "summary": report.render(lang),
                }),
            )
        }
        Ok(Err(e)) => {
            let (status, code) = match e {
                vanban::ImportError::TooLarge { .. } => {
                    (StatusCode::PAYLOAD_TOO_LARGE, "body_too_large")
                }
                vanban::ImportError::Invalid(_) => {
                    (StatusCode::INTERNAL_SERVER_ERROR, "import_invalid")
                }
                vanban::ImportError::Empty => (StatusCode::UNPROCESSABLE_ENTITY, "import_empty"),
                _ => (StatusCode::BAD_REQUEST, "not_docx"),
            };
            ApiError::new(lang, status, code, e.msg()).into_response()
        }
        Err(e) => e.into_response(),
    }
}

/// The stable name of an import report line's kind.
fn report_kind(kind: vanban_import::Kind) -> &'static str {
    match kind {
        vanban_import::Kind::Recognised => "recognised",
        vanban_import::Kind::Guessed => "guessed",
        vanban_import::Kind::Plain => "plain",
        vanban_import::Kind::Omitted => "omitted",
        vanban_import::Kind::Converted => "converted",
    }
}

const DOCX_TYPE: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// Whether the bytes are a ZIP package holding `word/document.xml`.
fn is_docx(bytes: &[u8]) -> bool {
    zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map(|z| z.index_for_name("word/document.xml").is_some())
        .unwrap_or(false)
}

/// `POST /api/check`: the document's errors as data.
pub async fn check(
    State(limits): Shared,
    RawQuery(q): RawQuery,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let lang = request_lang(&parse_query(q.as_deref()), &headers);
    match with_json(&limits, lang, &headers, body, |j| vanban::check(j).err()).await {
        Ok((_, None)) => json_response(
            StatusCode::OK,
            &serde_json::json!({"ok": true, "errors": []}),
        ),
        Ok((json, Some(e))) => render_error(lang, &e, &json).into_response(),
        Err(r) => r,
    }
}

/// Reads a JSON body and runs `work` on it within the render limits
/// ([`Limits::run`]): the body (for the carets of error answers) and what
/// `work` returned, or the answer that refuses the request.
async fn with_json<T: Send + 'static>(
    limits: &Limits,
    lang: Lang,
    headers: &HeaderMap,
    body: Body,
    work: impl FnOnce(&[u8]) -> T + Send + 'static,
) -> Result<(Bytes, T), Response> {
    let json = json_body(limits, lang, headers, body)
        .await
        .map_err(IntoResponse::into_response)?;
    let input = json.clone();
    let out = limits
        .run(lang, move || work(&input))
        .await
        .map_err(IntoResponse::into_response)?;
    Ok((json, out))
}

/// `POST /api/preview`: the pages as SVG, drawn from the same `Pages` as
/// the PDF (separate-file appendices after the main document).
pub async fn preview(
    State(limits): Shared,
    RawQuery(q): RawQuery,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let lang = request_lang(&parse_query(q.as_deref()), &headers);
    let fonts = limits.fonts;
    match with_json(&limits, lang, &headers, body, move |j| {
        preview_pages(j, fonts)
    })
    .await
    {
        Ok((_, Ok((w, h, pages)))) => json_response(
            StatusCode::OK,
            &serde_json::json!({
                "pageCount": pages.len(),
                "width": round2(w),
                "height": round2(h),
                "pages": pages,
            }),
        ),
        Ok((json, Err(e))) => render_error(lang, &e, &json).into_response(),
        Err(r) => r,
    }
}

type Preview = (f32, f32, Vec<String>);

/// A length in points rounded to 0.01 (841.9, not 841.9000244).
fn round2(v: f32) -> f64 {
    (f64::from(v) * 100.0).round() / 100.0
}

fn preview_pages(json: &[u8], fonts: &vanban::FontSet) -> Result<Preview, vanban::Error> {
    let doc = vanban_model::parse_bytes(json)?;
    let mut flow = vanban_layout::style::style(&doc, fonts)?;
    let attachments = std::mem::take(&mut flow.attachments);
    let main = vanban_layout::paginate::paginate(&flow, fonts)?;
    let (w, h) = (main.width, main.height);
    let mut svgs = vanban_svg::render_pages(&main, fonts);
    for a in attachments {
        let p = vanban_layout::paginate::paginate(&a, fonts)?;
        svgs.extend(vanban_svg::render_pages(&p, fonts));
    }
    Ok((w, h, svgs))
}

/// What `/api/render` was asked for.
#[derive(Clone, Copy, PartialEq)]
enum OutFormat {
    Pdf,
    Docx,
    Zip,
}

struct RenderQuery {
    format: OutFormat,
    standard: PdfStandard,
    sign_fields: bool,
    meta_json: bool,
    source_date_epoch: Option<i64>,
}

fn parse_bool(lang: Lang, k: &str, v: &str) -> Result<bool, ApiError> {
    match v {
        "" | "1" | "true" | "yes" => Ok(true),
        "0" | "false" | "no" => Ok(false),
        _ => Err(ApiError::bad_param(lang, k, v, "true, false")),
    }
}

fn render_query(
    lang: Lang,
    q: &[(String, String)],
    sde: Option<i64>,
) -> Result<RenderQuery, ApiError> {
    let mut r = RenderQuery {
        format: OutFormat::Pdf,
        standard: PdfStandard::A2b,
        sign_fields: true,
        meta_json: false,
        source_date_epoch: sde,
    };
    for (k, v) in q {
        match k.as_str() {
            "format" => {
                r.format = match v.as_str() {
                    "pdf" => OutFormat::Pdf,
                    "docx" => OutFormat::Docx,
                    "zip" => OutFormat::Zip,
                    _ => return Err(ApiError::bad_param(lang, k, v, "pdf, docx, zip")),
                }
            }
            "pdf_standard" | "pdf-standard" => {
                r.standard = match v.as_str() {
                    "none" => PdfStandard::None,
                    "a2b" => PdfStandard::A2b,
                    "a3b" => PdfStandard::A3b,
                    "a2a" => PdfStandard::A2a,
                    _ => return Err(ApiError::bad_param(lang, k, v, "none, a2b, a3b, a2a")),
                }
            }
            "sign_fields" | "sign-fields" => r.sign_fields = parse_bool(lang, k, v)?,
            "meta_json" | "meta-json" => r.meta_json = parse_bool(lang, k, v)?,
            "source_date_epoch" => {
                r.source_date_epoch = Some(v.parse::<i64>().map_err(|_| {
                    ApiError::bad_param(lang, k, v, "một số giây nguyên / whole seconds")
                })?)
            }
            "lang" => {}
            _ => {
                return Err(ApiError::bad_param(
                    lang,
                    k,
                    v,
                    "format, pdf_standard, sign_fields, meta_json, source_date_epoch, lang",
                ));
            }
        }
    }
    if r.meta_json && r.format != OutFormat::Zip {
        return Err(ApiError::bad_param(
            lang,
            "meta_json",
            "true",
            "meta_json chỉ đi với format=zip / only with format=zip",
        ));
    }
    Ok(r)
}

/// `POST /api/render`: the file out (PDF, DOCX, or a ZIP of everything).
pub async fn render(
    State(limits): Shared,
    RawQuery(q): RawQuery,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let query = parse_query(q.as_deref());
    let lang = request_lang(&query, &headers);
    let rq = match render_query(lang, &query, limits.source_date_epoch) {
        Ok(r) => r,
        Err(e) => return e.into_response(),
    };
    let formats: Vec<Format> = match rq.format {
        OutFormat::Pdf => vec![Format::Pdf],
        OutFormat::Docx => vec![Format::Docx],
        OutFormat::Zip => Format::ALL.to_vec(),
    };
    let (standard, sde, sign_fields) = (rq.standard, rq.source_date_epoch, rq.sign_fields);
    let fonts = limits.fonts;
    let work = move |json: &[u8]| {
        let opts = RenderOptions {
            pdf_standard: standard,
            source_date_epoch: sde,
            fonts,
        };
        vanban::render_with(json, &formats, &opts, &OutputOptions { sign_fields })
    };
    let rendered = match with_json(&limits, lang, &headers, body, work).await {
        Ok((_, Ok(r))) => r,
        Ok((json, Err(e))) => return render_error(lang, &e, &json).into_response(),
        Err(r) => return r,
    };
    let (bytes, ctype, name) = match rq.format {
        OutFormat::Pdf | OutFormat::Docx if !rendered.appendix_files.is_empty() => {
            return ApiError::new(
                lang,
                StatusCode::UNPROCESSABLE_ENTITY,
                "separate_files",
                Msg::new(
                    "Văn bản có phụ lục ban hành thành tệp riêng (separate_file): hãy tải format=zip để nhận đủ các tệp.",
                    "The document has appendices issued as files of their own (separate_file): ask for format=zip to get every file.",
                ),
            )
            .into_response();
        }
        OutFormat::Pdf => (rendered.pdf, "application/pdf", "vanban.pdf"),
        OutFormat::Docx => (rendered.docx, DOCX_TYPE, "vanban.docx"),
        OutFormat::Zip => (
            zip_all(&rendered, rq.meta_json).ok(),
            "application/zip",
            "vanban.zip",
        ),
    };
    let Some(bytes) = bytes else {
        return ApiError::internal(lang, "no output was produced").into_response();
    };
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(ctype)),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&format!("attachment; filename=\"{name}\""))
                    .unwrap_or(HeaderValue::from_static("attachment")),
            ),
        ],
        bytes,
    )
        .into_response()
}

/// Every file of a rendered document in one deterministic ZIP:
/// `vanban.pdf`, `vanban.docx`, (`vanban.meta.json`), then each
/// separate-file appendix as `vanban.<name>.*`.
fn zip_all(r: &vanban::Rendered, meta: bool) -> zip::result::ZipResult<Vec<u8>> {
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    let files = std::iter::once(("vanban".to_owned(), r)).chain(
        r.appendix_files
            .iter()
            .map(|a| (format!("vanban.{}", a.name), &a.rendered)),
    );
    for (stem, r) in files {
        if let Some(pdf) = &r.pdf {
            z.start_file(format!("{stem}.pdf"), opts)?;
            z.write_all(pdf)?;
        }
        if let Some(docx) = &r.docx {
            z.start_file(format!("{stem}.docx"), opts)?;
            z.write_all(docx)?;
        }
        if meta {
            z.start_file(format!("{stem}.meta.json"), opts)?;
            z.write_all(r.meta_json().as_bytes())?;
        }
    }
    Ok(z.finish()?.into_inner())
}

/// Any other address.
pub async fn not_found(RawQuery(q): RawQuery, headers: HeaderMap) -> Response {
    ApiError::not_found(request_lang(&parse_query(q.as_deref()), &headers)).into_response()
}

/// A known address with the wrong method.
pub async fn method_not_allowed(RawQuery(q): RawQuery, headers: HeaderMap) -> Response {
    ApiError::method(request_lang(&parse_query(q.as_deref()), &headers)).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_decodes() {
        assert_eq!(
            parse_query(Some("format=pdf&lang=en&x=a%20b+c&y=%zz")),
            vec![
                ("format".into(), "pdf".into()),
                ("lang".into(), "en".into()),
                ("x".into(), "a b c".into()),
                ("y".into(), "%zz".into()),
            ]
        );
        assert_eq!(decode("%"), "%");
        assert_eq!(decode("%4"), "%4");
        assert_eq!(decode("%C3%A1"), "á");
    }

    #[test]
    fn docx_is_recognised() {
        assert!(!is_docx(b"PK\x03\x04 not really"));
        assert!(!is_docx(b"hello"));
    }
}
