//! Routes, handlers, limits and error responses.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use axum::Json;
use axum::body::{Body, Bytes};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Extension, Path, Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use serde::Deserialize;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{IntoParams, Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::api::{
    ArticleView, ErrorBody, Health, IngestSummary, SearchRequest, SearchResults, StatsView,
    TimelineRequest,
};
use crate::backend::{Backend, BackendError};
use crate::cache::TimelineCache;

/// Limits and settings of the HTTP layer.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// Bearer token that `POST /api/v1/articles` requires. `None`: ingest is refused
    /// (403), the server is read-only.
    pub token: Option<String>,
    /// Largest accepted request body (413 above).
    pub max_body_bytes: usize,
    /// A request taking longer is answered 503 (the blocking work is not interrupted).
    pub request_timeout: Duration,
    /// Largest `dates` a timeline request may ask for.
    pub max_dates: usize,
    /// Largest `sentences` a timeline request may ask for.
    pub max_sentences: usize,
    /// Longest `query`/`q`/`keywords` parameter, in characters.
    pub max_query_chars: usize,
    /// Largest `limit` of a search.
    pub max_search_limit: usize,
    /// Timelines kept in the LRU cache.
    pub cache_entries: usize,
    /// Read requests computed by the backend at the same time (the others wait, within
    /// the request timeout); cache hits and ingest do not count.
    pub max_concurrent_reads: usize,
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            token: None,
            max_body_bytes: 16 * 1024 * 1024,
            request_timeout: Duration::from_secs(30),
            max_dates: 200,
            max_sentences: 20,
            max_query_chars: 500,
            max_search_limit: 100,
            cache_entries: 256,
            max_concurrent_reads: std::thread::available_parallelism().map_or(4, |n| n.get() * 2),
        }
    }
}

/// What every handler shares: the backend, the timeline cache and the settings.
#[derive(Clone)]
pub struct AppState {
    pub backend: Arc<dyn Backend>,
    pub cache: Arc<TimelineCache>,
    pub config: Arc<ServerConfig>,
    reads: Arc<tokio::sync::Semaphore>,
    in_flight: Arc<std::sync::Mutex<HashMap<(TimelineRequest, u64), Flight>>>,
}

/// One timeline computation that concurrent identical requests share.
type Flight = Arc<tokio::sync::OnceCell<Result<Bytes, ApiError>>>;

impl AppState {
    /// State for `backend` with `config`.
    pub fn new(backend: Arc<dyn Backend>, config: ServerConfig) -> Self {
        AppState {
            backend,
            cache: Arc::new(TimelineCache::new(config.cache_entries)),
            in_flight: Arc::default(),
            reads: Arc::new(tokio::sync::Semaphore::new(
                config.max_concurrent_reads.max(1),
            )),
            config: Arc::new(config),
        }
    }
}

/// An error answered as `{"error": "..."}` with its status.
#[derive(Debug, Clone)]
pub struct ApiError {
    status: StatusCode,
    message: String,
}

impl ApiError {
    fn new(status: StatusCode, message: impl Into<String>) -> Self {
        ApiError {
            status,
            message: message.into(),
        }
    }
    fn bad_request(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }
}

impl From<BackendError> for ApiError {
    fn from(e: BackendError) -> Self {
        let status = match e {
            BackendError::BadRequest(_) => StatusCode::BAD_REQUEST,
            BackendError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            BackendError::Internal(_) => {
                eprintln!("error: backend: {e}");
                StatusCode::INTERNAL_SERVER_ERROR
            }
        };
        ApiError::new(status, e.to_string())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (
            self.status,
            Json(ErrorBody {
                error: self.message,
            }),
        )
            .into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"chronicle\""),
            );
        }
        response
    }
}

type ApiResult<T> = Result<T, ApiError>;

impl AppState {
    /// Runs a read on the blocking pool once one of `max_concurrent_reads` slots is free,
    /// so a burst of uncached requests queues instead of oversubscribing the CPU.
    async fn read<T: Send + 'static>(
        &self,
        f: impl FnOnce() -> Result<T, BackendError> + Send + 'static,
    ) -> ApiResult<T> {
        let _permit = self
            .reads
            .acquire()
            .await
            .map_err(|_| ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "shutting down"))?;
        blocking(f).await
    }
}

/// Runs blocking backend work on the blocking pool.
async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, BackendError> + Send + 'static,
) -> ApiResult<T> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| {
            eprintln!("error: backend task failed: {e}");
            ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal error")
        })?
        .map_err(ApiError::from)
}

fn query_error(e: QueryRejection) -> ApiError {
    ApiError::bad_request(e.body_text())
}

/// Query parameters of `GET /api/v1/timeline`. All optional; strings so that a bad
/// value gets a message naming the parameter.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TimelineParams {
    /// Free-text topic, e.g. `dam inquiry`: articles matching most of its words.
    query: Option<String>,
    /// Comma-separated words; sentences containing one of them are kept, e.g. `bp,oil,spill`.
    keywords: Option<String>,
    /// First day, `YYYY-MM-DD`.
    from: Option<String>,
    /// Last day, `YYYY-MM-DD`.
    to: Option<String>,
    /// Number of dates, 1–200 (default: chosen from the data).
    dates: Option<String>,
    /// Sentences per date, 1–20 (default: 1 or 2, chosen per date).
    sentences: Option<String>,
}

/// Query parameters of `GET /api/v1/search`.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// Free text (required).
    q: Option<String>,
    /// Only articles published on or after this day, `YYYY-MM-DD`.
    from: Option<String>,
    /// Only articles published on or before this day, `YYYY-MM-DD`.
    to: Option<String>,
    /// Maximum number of hits, 1–100 (default 20).
    limit: Option<String>,
}

fn blank_to_none(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

fn parse_day(name: &str, value: &Option<String>) -> ApiResult<Option<NaiveDate>> {
    blank_to_none(value)
        .map(|v| {
            NaiveDate::parse_from_str(v, "%Y-%m-%d").map_err(|_| {
                ApiError::bad_request(format!(
                    "`{name}` must be a date in YYYY-MM-DD form, not {v:?}"
                ))
            })
        })
        .transpose()
}

fn parse_count(name: &str, value: &Option<String>, max: usize) -> ApiResult<Option<usize>> {
    blank_to_none(value)
        .map(|v| match v.parse::<usize>() {
            Ok(n) if (1..=max).contains(&n) => Ok(n),
            _ => Err(ApiError::bad_request(format!(
                "`{name}` must be a whole number from 1 to {max}, not {v:?}"
            ))),
        })
        .transpose()
}

fn check_length(name: &str, value: &Option<String>, max: usize) -> ApiResult<()> {
    match value {
        Some(v) if v.chars().count() > max => Err(ApiError::bad_request(format!(
            "`{name}` is too long: at most {max} characters"
        ))),
        _ => Ok(()),
    }
}

fn check_window(from: Option<NaiveDate>, to: Option<NaiveDate>) -> ApiResult<()> {
    match (from, to) {
        (Some(f), Some(t)) if f > t => Err(ApiError::bad_request(format!(
            "the window is empty: `from` {f} is after `to` {t}"
        ))),
        _ => Ok(()),
    }
}

impl TimelineParams {
    /// Validates against the limits and builds the normalised request.
    fn request(&self, config: &ServerConfig) -> ApiResult<TimelineRequest> {
        check_length("query", &self.query, config.max_query_chars)?;
        check_length("keywords", &self.keywords, config.max_query_chars)?;
        let from = parse_day("from", &self.from)?;
        let to = parse_day("to", &self.to)?;
        check_window(from, to)?;
        Ok(TimelineRequest {
            query: self.query.clone(),
            keywords: self
                .keywords
                .as_deref()
                .map(|k| k.split(',').map(str::to_string).collect())
                .unwrap_or_default(),
            from,
            to,
            dates: parse_count("dates", &self.dates, config.max_dates)?,
            sentences: parse_count("sentences", &self.sentences, config.max_sentences)?,
        }
        .normalised())
    }
}

fn json_bytes(bytes: Bytes, cache: &'static str) -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            ),
            (
                header::HeaderName::from_static("x-cache"),
                HeaderValue::from_static(cache),
            ),
        ],
        bytes,
    )
        .into_response()
}

/// A timeline for a topic and window: the same JSON as `chronicle timeline --format json`.
#[utoipa::path(
    get,
    path = "/api/v1/timeline",
    tag = "timelines",
    params(TimelineParams),
    responses(
        (status = 200, description = "The timeline (header `x-cache`: `hit`, `miss`, or `shared` when it joined an identical request being computed)", body = crate::api::doc::TimelineDoc),
        (status = 400, description = "A parameter is invalid or out of range", body = ErrorBody),
    )
)]
async fn timeline(
    State(state): State<AppState>,
    params: Result<Query<TimelineParams>, QueryRejection>,
) -> ApiResult<Response> {
    let Query(params) = params.map_err(query_error)?;
    let request = params.request(&state.config)?;
    if let Some(bytes) = state.cache.get(&request) {
        return Ok(json_bytes(bytes, "hit"));
    }
    // Identical requests that miss together share one computation (x-cache: shared):
    // after an ingest clears the cache, a popular timeline is computed once, not once
    // per waiting client. The generation is part of the key, so a request that arrives
    // after an ingest never joins a computation on the old data.
    let generation = state.cache.generation();
    let key = (request.clone(), generation);
    let flight: Flight = state
        .in_flight
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .entry(key.clone())
        .or_default()
        .clone();
    // Whatever happens to this request (done, error, cancelled by a timeout or a
    // disconnect), its entry goes when the last request sharing the flight is done.
    let _cleanup = FlightCleanup {
        in_flight: &state.in_flight,
        key: &key,
        flight: &flight,
    };
    let led = AtomicBool::new(false);
    let result = flight
        .get_or_init(|| async {
            led.store(true, Ordering::Relaxed);
            let backend = state.backend.clone();
            let bytes = state
                .read(move || {
                    let timeline = backend.timeline(&request)?;
                    serde_json::to_vec(&timeline).map(Bytes::from).map_err(|e| {
                        BackendError::Internal(format!("cannot serialise the timeline: {e}"))
                    })
                })
                .await?;
            state.cache.insert(key.0.clone(), bytes.clone(), generation);
            Ok(bytes)
        })
        .await
        .clone();
    let status = if led.load(Ordering::Relaxed) {
        "miss"
    } else {
        "shared"
    };
    Ok(json_bytes(result?, status))
}

struct FlightCleanup<'a> {
    in_flight: &'a std::sync::Mutex<HashMap<(TimelineRequest, u64), Flight>>,
    key: &'a (TimelineRequest, u64),
    flight: &'a Flight,
}

impl Drop for FlightCleanup<'_> {
    fn drop(&mut self) {
        let mut in_flight = self.in_flight.lock().unwrap_or_else(|e| e.into_inner());
        // Only this flight, and only when no other request holds it any more (the map
        // holds one reference, this request another). Done requests have cached the
        // result, so removing a finished flight early loses nothing either.
        if in_flight
            .get(self.key)
            .is_some_and(|f| Arc::ptr_eq(f, self.flight))
            && (self.flight.initialized() || Arc::strong_count(self.flight) <= 2)
        {
            in_flight.remove(self.key);
        }
    }
}

/// Full-text search over articles: each hit is an article with its best sentence.
#[utoipa::path(
    get,
    path = "/api/v1/search",
    tag = "articles",
    params(SearchParams),
    responses(
        (status = 200, description = "Hits, best first", body = SearchResults),
        (status = 400, description = "`q` missing or a parameter invalid", body = ErrorBody),
    )
)]
async fn search(
    State(state): State<AppState>,
    params: Result<Query<SearchParams>, QueryRejection>,
) -> ApiResult<Json<SearchResults>> {
    let Query(params) = params.map_err(query_error)?;
    let config = &state.config;
    let q = blank_to_none(&params.q)
        .ok_or_else(|| ApiError::bad_request("`q` is required: the words to search for"))?
        .to_string();
    check_length("q", &params.q, config.max_query_chars)?;
    let from = parse_day("from", &params.from)?;
    let to = parse_day("to", &params.to)?;
    check_window(from, to)?;
    let limit = parse_count("limit", &params.limit, config.max_search_limit)?.unwrap_or(20);
    let request = SearchRequest { q, from, to, limit };
    let backend = state.backend.clone();
    let query = request.q.clone();
    let hits = state.read(move || backend.search(&request)).await?;
    Ok(Json(SearchResults { query, hits }))
}

/// One article, with its full text.
#[utoipa::path(
    get,
    path = "/api/v1/articles/{id}",
    tag = "articles",
    params(("id" = String, Path, description = "Article id, as in timelines and search hits")),
    responses(
        (status = 200, description = "The article", body = ArticleView),
        (status = 404, description = "No article has this id", body = ErrorBody),
    )
)]
async fn article(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult<Json<ArticleView>> {
    let backend = state.backend.clone();
    let wanted = id.clone();
    match state.read(move || backend.article(&wanted)).await? {
        Some(article) => Ok(Json(article)),
        None => Err(ApiError::new(
            StatusCode::NOT_FOUND,
            format!("no article with id {id:?}"),
        )),
    }
}

/// Counts: articles, sentences, first and last day, outlets, languages, volume per day.
#[utoipa::path(
    get,
    path = "/api/v1/stats",
    tag = "articles",
    responses((status = 200, description = "Counts over everything held", body = StatsView))
)]
async fn stats(State(state): State<AppState>) -> ApiResult<Json<StatsView>> {
    let backend = state.backend.clone();
    Ok(Json(state.read(move || backend.stats()).await?))
}

/// Adds articles: a JSON Lines body, one article per line (`text` and a date required;
/// `id`, `title`, `url`, `source`, `language` optional). Bad lines are reported and
/// skipped. Requires `Authorization: Bearer <token>`; refused when the server has no
/// token configured.
#[utoipa::path(
    post,
    path = "/api/v1/articles",
    tag = "articles",
    request_body(content = String, content_type = "application/x-ndjson", description = "JSON Lines, one article per line"),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "What was added, duplicated or rejected", body = IngestSummary),
        (status = 400, description = "Empty body", body = ErrorBody),
        (status = 401, description = "Missing or wrong bearer token", body = ErrorBody),
        (status = 403, description = "Ingest is disabled (no token configured)", body = ErrorBody),
        (status = 413, description = "Body larger than the limit", body = ErrorBody),
    )
)]
async fn post_articles(
    State(state): State<AppState>,
    request: Request,
) -> ApiResult<Json<IngestSummary>> {
    authorise(&state.config, request.headers())?;
    let limit = state.config.max_body_bytes;
    let body = axum::body::to_bytes(request.into_body(), limit)
        .await
        .map_err(|e| {
            if is_length_limit(&e) {
                ApiError::new(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    format!("the body is larger than the limit of {limit} bytes"),
                )
            } else {
                ApiError::bad_request(format!("cannot read the body: {e}"))
            }
        })?;
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::bad_request(
            "the body is empty: send JSON Lines, one article per line",
        ));
    }
    let backend = state.backend.clone();
    let summary = blocking(move || backend.ingest_jsonl(&body)).await?;
    if summary.added > 0 {
        state.cache.invalidate();
    }
    Ok(Json(summary))
}

fn is_length_limit(e: &axum::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = source {
        if err.is::<http_body_util::LengthLimitError>() {
            return true;
        }
        source = err.source();
    }
    false
}

fn authorise(config: &ServerConfig, headers: &HeaderMap) -> ApiResult<()> {
    let Some(token) = config.token.as_deref() else {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "ingest is disabled: start the server with --token-file to enable POST /api/v1/articles",
        ));
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    match given {
        Some(given) if constant_time_eq(given.as_bytes(), token.as_bytes()) => Ok(()),
        Some(_) => Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "wrong bearer token",
        )),
        None => Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "missing `Authorization: Bearer <token>` header",
        )),
    }
}

/// Compares without an early exit, so the time taken does not reveal the match length.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    let mut diff = a.len() ^ b.len();
    for i in 0..a.len().max(b.len()) {
        let x = a.get(i).copied().unwrap_or(0);
        let y = b.get(i).copied().unwrap_or(0xff);
        diff |= usize::from(x ^ y);
    }
    diff == 0
}

/// Liveness: answers as long as the server runs, without touching the backend.
#[utoipa::path(
    get,
    path = "/healthz",
    tag = "meta",
    responses((status = 200, description = "The server is up", body = Health))
)]
async fn healthz() -> Json<Health> {
    Json(Health {
        status: "ok".to_string(),
    })
}

/// Liveness, under the API prefix too.
#[utoipa::path(
    get,
    path = "/api/v1/healthz",
    tag = "meta",
    responses((status = 200, description = "The server is up", body = Health))
)]
async fn api_healthz() -> Json<Health> {
    healthz().await
}

#[derive(Clone)]
struct OpenApiJson(Bytes);

/// This document.
#[utoipa::path(
    get,
    path = "/api/v1/openapi.json",
    tag = "meta",
    responses((status = 200, description = "The OpenAPI 3.1 document of this API", content_type = "application/json"))
)]
async fn openapi_json(Extension(doc): Extension<OpenApiJson>) -> Response {
    json_bytes(doc.0, "hit")
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Chronicle",
        description = "Timelines of dated news articles: the dates that mattered, each with a sourced summary."
    ),
    modifiers(&BearerAuth),
    tags(
        (name = "timelines", description = "Timeline summaries"),
        (name = "articles", description = "Articles: search, read, count, add"),
        (name = "meta", description = "Health and this document"),
    )
)]
struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(timeline))
        .routes(routes!(search))
        .routes(routes!(article))
        .routes(routes!(stats))
        .routes(routes!(post_articles))
        .routes(routes!(healthz))
        .routes(routes!(api_healthz))
        .routes(routes!(openapi_json))
}

/// The OpenAPI document, generated from the routes' annotations.
pub fn openapi() -> utoipa::openapi::OpenApi {
    api_routes().split_for_parts().1
}

/// The application: API under `/api/v1`, `/healthz`, the web page at `/` and its
/// assets, with limits (body size, timeout) and JSON error bodies.
pub fn router(state: AppState) -> axum::Router {
    let (api, doc) = api_routes().split_for_parts();
    let doc_json = Bytes::from(doc.to_pretty_json().unwrap_or_default());
    let timeout = state.config.request_timeout;
    let body_limit = state.config.max_body_bytes;
    api.merge(crate::assets::routes())
        .fallback(not_found)
        .with_state(state)
        .layer(Extension(OpenApiJson(doc_json)))
        .layer(axum::extract::DefaultBodyLimit::max(body_limit))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            timeout,
        ))
        // Outermost, so that it also rewrites the timeout's empty 503.
        .layer(axum::middleware::map_response(json_errors))
}

async fn not_found(uri: axum::http::Uri) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        format!("no route for {}", uri.path()),
    )
}

/// Error responses made by axum or tower layers (405, 408, 413, 503 from the timeout…)
/// come with a plain-text or empty body: give them the API's JSON shape.
async fn json_errors(response: Response) -> Response {
    let status = response.status();
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if !(status.is_client_error() || status.is_server_error()) || is_json {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let text = axum::body::to_bytes(body, 4096).await.unwrap_or_default();
    let text = String::from_utf8_lossy(&text).trim().to_string();
    let message = if text.is_empty() && status == StatusCode::SERVICE_UNAVAILABLE {
        // Backend `Unavailable` errors are JSON already: an empty 503 is the timeout.
        "the request took longer than the server's time limit".to_string()
    } else if text.is_empty() {
        status.canonical_reason().unwrap_or("error").to_lowercase()
    } else {
        text
    };
    let body = serde_json::to_vec(&ErrorBody { error: message }).unwrap_or_default();
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    Response::from_parts(parts, Body::from(body))
}
