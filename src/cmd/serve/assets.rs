//! The editor page and its assets, embedded in the binary (no CDN, no
//! network, no file read at run time).

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

/// The page.
const INDEX: &str = include_str!("assets/index.html");
/// Its one script (no inline script: the CSP forbids it).
const SCRIPT: &str = include_str!("assets/app.js");
/// Its style sheet.
const STYLE: &str = include_str!("assets/app.css");
/// The OpenAPI description of the HTTP API.
const OPENAPI: &str = include_str!("assets/openapi.json");

fn typed(ctype: &'static str, body: &'static str) -> Response {
    (
        [(header::CONTENT_TYPE, HeaderValue::from_static(ctype))],
        body,
    )
        .into_response()
}

/// `GET /`.
pub async fn index() -> Response {
    typed("text/html; charset=utf-8", INDEX)
}

/// `GET /app.js`.
pub async fn script() -> Response {
    typed("text/javascript; charset=utf-8", SCRIPT)
}

/// `GET /app.css`.
pub async fn style() -> Response {
    typed("text/css; charset=utf-8", STYLE)
}

/// `GET /api/openapi.json`.
pub async fn openapi() -> Response {
    typed("application/json; charset=utf-8", OPENAPI)
}
