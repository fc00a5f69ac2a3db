//! Chronicle over HTTP: a JSON API (`/api/v1`) and a web page (`/`) answering timeline,
//! search, article and stats requests from a [`Backend`], plus JSON Lines ingest.
//!
//! ```no_run
//! use std::sync::Arc;
//! use chronicle_server::{AppState, MemoryBackend, ServerConfig, router};
//!
//! # async fn run() -> std::io::Result<()> {
//! let (backend, _report) = MemoryBackend::load("examples/corpus".as_ref(), chronicle_text::Language::English);
//! let app = router(AppState::new(Arc::new(backend), ServerConfig::default()));
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
//! chronicle_server::serve(listener, app, chronicle_server::shutdown_signal()).await
//! # }
//! ```
//!
//! Module map: [`api`] request/response types, [`backend`] the trait a store
//! implements, [`memory`] the in-memory backend (temporary, until `chronicle-store`),
//! [`cache`] the timeline LRU, `http` routes/handlers/limits/OpenAPI, `assets` the
//! embedded page.

pub mod api;
mod assets;
pub mod backend;
pub mod cache;
mod http;
pub mod memory;
mod query;
pub mod store;

use std::future::Future;

pub use api::{ArticleView, IngestSummary, SearchHit, SearchRequest, StatsView, TimelineRequest};
pub use backend::{Backend, BackendError};
pub use http::{AppState, SearchParams, ServerConfig, TimelineParams, openapi, router};
pub use memory::MemoryBackend;
pub use store::StoreBackend;

/// Serves `app` on `listener` until `shutdown` completes, then stops accepting
/// connections and lets requests in flight finish (graceful shutdown).
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: axum::Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
}

/// Completes on Ctrl-C (SIGINT) or, on Unix, SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}

/// Builds a tokio runtime, binds `addr`, calls `on_listening` with the bound address
/// and serves until Ctrl-C or SIGTERM. For the command-line front end.
pub fn run_blocking(
    addr: std::net::SocketAddr,
    state: AppState,
    on_listening: impl FnOnce(std::net::SocketAddr),
) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        on_listening(listener.local_addr()?);
        serve(listener, router(state), shutdown_signal()).await
    })
}
