//! `vanban serve`: the Vietnamese web editor and the HTTP API, in one binary.
//!
//! Stack: axum on tokio. Why: axum is the HTTP framework maintained by the
//! tokio project itself (hyper underneath), it is the most used Rust web
//! framework, it has no macros-heavy magic, and with default features off it
//! adds only hyper, tower and a few small crates; tokio gives the
//! `spawn_blocking` pool that keeps CPU-bound rendering off the threads that
//! accept connections, timers for the per-request time limit, a semaphore
//! for the bound on concurrent renders, and SIGTERM/Ctrl-C handling for a
//! graceful shutdown.
//!
//! Nothing a user sends is kept: every request is answered from its own body
//! alone; the only shared state is the render gate (counters), so the
//! server scales by running more copies behind any load balancer. No
//! file-system path is ever taken from a request; every asset of the page is
//! embedded in the binary.

mod api;
mod assets;
mod error;

use axum::Router;
use axum::http::{HeaderValue, header};
use axum::response::Response;
use axum::routing::{get, post};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::sync::Semaphore;

/// Largest request body accepted, in bytes (16 MiB).
pub const MAX_BODY: usize = 16 * 1024 * 1024;

/// `vanban serve` options.
#[derive(clap::Args)]
pub struct ServeArgs {
    /// Address to listen on; 127.0.0.1 (this computer only) by default,
    /// 0.0.0.0:8080 for an office server.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: String,
    /// Most documents rendered at once (default: the number of CPU cores).
    #[arg(long)]
    max_renders: Option<usize>,
    /// Requests that may wait for a render slot; beyond that: 503 with Retry-After.
    #[arg(long, default_value_t = 32)]
    queue: usize,
    /// Time limit of one request, in seconds.
    #[arg(long, default_value_t = 30)]
    timeout: u64,
    /// Use Times New Roman from this folder instead of the bundled
    /// Liberation Serif (same metrics). Set by whoever runs the server;
    /// requests never name a path.
    #[arg(long)]
    font_dir: Option<std::path::PathBuf>,
}

/// The render gate and limits, shared by all requests (no user data).
pub struct Limits {
    slots: Arc<Semaphore>,
    waiting: AtomicUsize,
    max_waiting: usize,
    timeout: Duration,
    /// `SOURCE_DATE_EPOCH` of the server's environment.
    source_date_epoch: Option<i64>,
    /// The fonts every document is set in.
    fonts: &'static vanban::FontSet,
}

/// Runs the server until SIGTERM or Ctrl-C.
pub fn run(args: &ServeArgs) -> Result<(), super::Failure> {
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    let max_renders = args.max_renders.unwrap_or(cores).max(1);
    let source_date_epoch = super::source_date_epoch()?;
    let fonts = super::load_fonts(args.font_dir.as_deref())?;
    let limits = Arc::new(Limits {
        slots: Arc::new(Semaphore::new(max_renders)),
        waiting: AtomicUsize::new(0),
        max_waiting: args.queue,
        timeout: Duration::from_secs(args.timeout.max(1)),
        source_date_epoch,
        fonts,
    });
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads(max_renders + 4)
        .build()
        .map_err(|e| {
            super::Failure::usage(format!(
                "không khởi động được máy chủ / cannot start the runtime: {e}"
            ))
        })?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(&args.addr)
            .await
            .map_err(|e| format!("không mở được địa chỉ {} / cannot listen on it: {e}", args.addr))?;
        let local = listener
            .local_addr()
            .map_err(|e| format!("cannot read the bound address: {e}"))?;
        eprintln!(
            "vanban serve: đang phục vụ tại http://{local}/ (Ctrl-C để dừng; tối đa {max_renders} văn bản cùng lúc)"
        );
        axum::serve(listener, app(limits))
            .with_graceful_shutdown(shutdown_signal())
            .await
            .map_err(|e| format!("máy chủ dừng vì lỗi / server error: {e}"))?;
        eprintln!("vanban serve: đã dừng.");
        Ok::<(), String>(())
    })
    .map_err(super::Failure::usage)
}

/// The router: the page, its assets, and the API.
pub fn app(limits: Arc<Limits>) -> Router {
    Router::new()
        .route("/", get(assets::index))
        .route("/app.js", get(assets::script))
        .route("/app.css", get(assets::style))
        .route("/healthz", get(api::healthz))
        .route("/api/schema", get(api::schema))
        .route("/api/openapi.json", get(assets::openapi))
        .route("/api/starter/{type}", get(api::starter))
        .route("/api/render", post(api::render))
        .route("/api/check", post(api::check))
        .route("/api/preview", post(api::preview))
        .route("/api/import", post(api::import))
        .fallback(api::not_found)
        .method_not_allowed_fallback(api::method_not_allowed)
        .layer(axum::middleware::map_response(security_headers))
        .with_state(limits)
}

/// The page may load only its own script and style: no inline script, no
/// other origin, no plug-ins, no framing.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

async fn security_headers(mut res: Response) -> Response {
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    eprintln!("vanban serve: nhận tín hiệu dừng, hoàn tất các yêu cầu đang xử lý…");
}

/// Counts a waiting request; uncounts it when dropped (also when the client
/// goes away while waiting).
struct Waiting<'a>(&'a AtomicUsize);

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl Limits {
    /// Runs CPU-bound work on the blocking pool, within the bound on
    /// concurrent renders (wait in a bounded queue, else `busy`) and the
    /// time limit.
    async fn run<T: Send + 'static>(
        &self,
        lang: vanban_model::lang::Lang,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, error::ApiError> {
        let permit = match self.slots.clone().try_acquire_owned() {
            Ok(p) => p,
            Err(_) => {
                if self.waiting.fetch_add(1, Ordering::SeqCst) >= self.max_waiting {
                    self.waiting.fetch_sub(1, Ordering::SeqCst);
                    return Err(error::ApiError::busy(lang));
                }
                let _w = Waiting(&self.waiting);
                match tokio::time::timeout(self.timeout, self.slots.clone().acquire_owned()).await {
                    Ok(Ok(p)) => p,
                    _ => return Err(error::ApiError::busy(lang)),
                }
            }
        };
        // The permit moves into the task: the slot stays taken until the
        // render really ends, even if the request has timed out.
        let task = tokio::task::spawn_blocking(move || {
            let _permit = permit;
            work()
        });
        match tokio::time::timeout(self.timeout, task).await {
            Ok(Ok(v)) => Ok(v),
            Ok(Err(_)) => Err(error::ApiError::internal(
                lang,
                "rendering stopped unexpectedly",
            )),
            Err(_) => Err(error::ApiError::timeout(lang, self.timeout.as_secs())),
        }
    }
}
