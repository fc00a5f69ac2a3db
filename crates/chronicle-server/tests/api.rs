//! The HTTP API, route by route, on the example corpus (in-process, `oneshot`), plus a
//! real TCP server for graceful shutdown and concurrent reads during an ingest.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use chronicle_engine::{Corpus, TimelineOptions, build_timeline};
use chronicle_server::{
    AppState, ArticleView, Backend, BackendError, IngestSummary, MemoryBackend, SearchHit,
    SearchRequest, ServerConfig, StatsView, TimelineRequest, router,
};
use chronicle_text::Language;
use http_body_util::BodyExt;
use serde_json::{Value, json};
use tower::ServiceExt;

const TOKEN: &str = "test-token-0123456789";

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus")
}

fn example_backend() -> MemoryBackend {
    let (backend, report) = MemoryBackend::load(&corpus_dir(), Language::English);
    assert_eq!(report.problems.len(), 0, "{:?}", report.problems);
    assert_eq!(backend.len(), 16);
    backend
}

/// A new store in a temporary folder holding the example corpus.
fn example_store() -> (tempfile::TempDir, chronicle_store::Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = chronicle_store::Store::create_or_open(dir.path()).unwrap();
    let read = chronicle_ingest::read_inputs(&[corpus_dir()]);
    store.ingest(read.articles).unwrap();
    (dir, store)
}

fn app_with(backend: Arc<dyn Backend>, config: ServerConfig) -> axum::Router {
    router(AppState::new(backend, config))
}

fn app(token: Option<&str>) -> axum::Router {
    app_with(
        Arc::new(example_backend()),
        ServerConfig {
            token: token.map(str::to_string),
            ..ServerConfig::default()
        },
    )
}

struct Reply {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: Vec<u8>,
}

impl Reply {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }
    fn error(&self) -> String {
        self.json()["error"]
            .as_str()
            .unwrap_or_else(|| panic!("no `error` in {}", self.json()))
            .to_string()
    }
    fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }
}

async fn send(app: &axum::Router, request: Request<Body>) -> Reply {
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = response
        .into_body()
        .collect()
        .await
        .unwrap()
        .to_bytes()
        .to_vec();
    Reply {
        status,
        headers,
        body,
    }
}

async fn get(app: &axum::Router, uri: &str) -> Reply {
    send(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

async fn post(app: &axum::Router, uri: &str, token: Option<&str>, body: impl Into<Body>) -> Reply {
    let mut request = Request::post(uri).header(header::CONTENT_TYPE, "application/x-ndjson");
    if let Some(token) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    send(app, request.body(body.into()).unwrap()).await
}

fn dates_of(timeline: &Value) -> Vec<String> {
    timeline["dates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["date"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn health() {
    let app = app(None);
    for uri in ["/healthz", "/api/v1/healthz"] {
        let r = get(&app, uri).await;
        assert_eq!(r.status, StatusCode::OK);
        assert_eq!(r.json(), json!({"status": "ok"}));
    }
}

#[tokio::test]
async fn timeline_is_the_cli_json_and_is_cached() {
    let app = app(None);
    let r = get(&app, "/api/v1/timeline").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.header("content-type"), "application/json");
    assert_eq!(r.header("x-cache"), "miss");
    // Same JSON as `chronicle timeline --format json` on the same input.
    let articles = chronicle_ingest::read_inputs(&[corpus_dir()]).articles;
    let expected = build_timeline(&Corpus::analyse(articles), &TimelineOptions::default()).unwrap();
    let expected: Value = serde_json::from_str(&chronicle_engine::render(
        &expected,
        chronicle_engine::Format::Json,
    ))
    .unwrap();
    assert_eq!(r.json(), expected);
    assert!(dates_of(&r.json()).contains(&"2024-03-03".to_string()));

    let again = get(&app, "/api/v1/timeline").await;
    assert_eq!(again.header("x-cache"), "hit");
    assert_eq!(again.body, r.body);
}

#[tokio::test]
async fn timeline_parameters_and_normalised_cache_key() {
    let app = app(None);
    let r = get(
        &app,
        "/api/v1/timeline?query=Dam%20%20Inquiry&keywords=dam,inquiry&from=2024-03-01&to=2024-12-31&dates=3&sentences=1",
    )
    .await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    let t = r.json();
    let dates = dates_of(&t);
    assert_eq!(dates.len(), 3);
    assert!(dates.iter().all(|d| d.as_str() >= "2024-03-01"));
    for entry in t["dates"].as_array().unwrap() {
        assert_eq!(entry["sentences"].as_array().unwrap().len(), 1);
    }
    // Same request written differently: served from the cache.
    let r2 = get(
        &app,
        "/api/v1/timeline?query=dam+inquiry&keywords=INQUIRY,dam,&from=2024-03-01&to=2024-12-31&dates=3&sentences=1",
    )
    .await;
    assert_eq!(r2.header("x-cache"), "hit");
    assert_eq!(r2.body, r.body);
}

#[tokio::test]
async fn timeline_bad_parameters_are_400() {
    let app = app(None);
    let long = "a".repeat(501);
    let cases = [
        ("dates=0", "dates"),
        ("dates=201", "dates"),
        ("dates=abc", "dates"),
        ("dates=-3", "dates"),
        ("sentences=0", "sentences"),
        ("sentences=21", "sentences"),
        ("from=2024-13-01", "from"),
        ("to=yesterday", "to"),
        ("from=2024-05-01&to=2024-04-01", "window"),
    ];
    for (query, needle) in cases {
        let r = get(&app, &format!("/api/v1/timeline?{query}")).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{query}");
        assert!(r.error().contains(needle), "{query}: {}", r.error());
    }
    let r = get(&app, &format!("/api/v1/timeline?query={long}")).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.error().contains("too long"));
    let r = get(&app, &format!("/api/v1/timeline?keywords={long}")).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    // The limit is 200 dates: 200 itself is fine.
    let r = get(&app, "/api/v1/timeline?dates=200").await;
    assert_eq!(r.status, StatusCode::OK);
}

#[tokio::test]
async fn search_finds_articles_with_snippets() {
    let app = app(None);
    let r = get(
        &app,
        "/api/v1/search?q=engineer%20testified%20warned&limit=3",
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    let v = r.json();
    assert_eq!(v["query"], "engineer testified warned");
    let hits: Vec<SearchHit> = serde_json::from_value(v["hits"].clone()).unwrap();
    assert!(!hits.is_empty() && hits.len() <= 3);
    assert!(
        hits.iter()
            .any(|h| h.article == "2024-04-17-tallis-valley-herald-engineer-testifies"),
        "{hits:?}"
    );
    assert!(hits[0].snippet.to_lowercase().contains("engineer"));
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));

    let r = get(&app, "/api/v1/search?q=dam&from=2024-06-01&to=2024-07-31").await;
    let hits: Vec<SearchHit> = serde_json::from_value(r.json()["hits"].clone()).unwrap();
    assert!(!hits.is_empty());
    assert!(
        hits.iter()
            .all(|h| h.published.to_string().as_str() >= "2024-06-01"
                && h.published.to_string().as_str() <= "2024-07-31")
    );

    let r = get(&app, "/api/v1/search?q=zzzyzzx").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json()["hits"], json!([]));

    for bad in [
        "",
        "?q=",
        "?q=dam&limit=0",
        "?q=dam&limit=101",
        "?q=dam&from=x",
    ] {
        let r = get(&app, &format!("/api/v1/search{bad}")).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{bad}");
    }
}

#[tokio::test]
async fn articles_by_id() {
    let app = app(None);
    let r = get(&app, "/api/v1/articles/nsw-20240305-0142").await;
    assert_eq!(r.status, StatusCode::OK);
    let a: ArticleView = serde_json::from_slice(&r.body).unwrap();
    assert_eq!(a.source.as_deref(), Some("Northstar Wire"));
    assert_eq!(a.published.to_string(), "2024-03-05");
    assert!(a.text.contains("state of emergency"));

    let r = get(&app, "/api/v1/articles/no-such-article").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r.error().contains("no-such-article"));
}

#[tokio::test]
async fn stats_counts_everything() {
    let app = app(None);
    let r = get(&app, "/api/v1/stats").await;
    assert_eq!(r.status, StatusCode::OK);
    let s: StatsView = serde_json::from_slice(&r.body).unwrap();
    assert_eq!(s.articles, 16);
    assert!(s.sentences > 100);
    assert_eq!(s.first.unwrap().to_string(), "2024-01-12");
    assert_eq!(s.last.unwrap().to_string(), "2024-10-08");
    assert!(
        s.sources
            .iter()
            .any(|n| n.name == "Northstar Wire" && n.count == 3)
    );
    assert_eq!(s.volume.iter().map(|d| d.articles).sum::<usize>(), 16);
    let march3 = s
        .volume
        .iter()
        .find(|d| d.date.to_string() == "2024-03-03")
        .unwrap();
    assert_eq!(march3.articles, 3);
}

#[tokio::test]
async fn ingest_is_refused_without_a_configured_token() {
    let app = app(None);
    let line = r#"{"date": "2024-11-02", "text": "A new report."}"#;
    for token in [None, Some(TOKEN)] {
        let r = post(&app, "/api/v1/articles", token, line).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        assert!(r.error().contains("disabled"));
    }
}

#[tokio::test]
async fn ingest_requires_the_bearer_token() {
    let app = app(Some(TOKEN));
    let line = r#"{"date": "2024-11-02", "text": "A new report."}"#;
    let r = post(&app, "/api/v1/articles", None, line).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert!(r.header("www-authenticate").starts_with("Bearer"));
    assert!(r.error().contains("Authorization"));
    let r = post(
        &app,
        "/api/v1/articles",
        Some("wrong-token-0123456789"),
        line,
    )
    .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let r = post(&app, "/api/v1/articles", Some(&TOKEN[..10]), line).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let r = post(&app, "/api/v1/articles", Some(TOKEN), line).await;
    assert_eq!(r.status, StatusCode::OK);
}

#[tokio::test]
async fn ingest_adds_articles_and_invalidates_the_cache() {
    let app = app(Some(TOKEN));
    let before = get(&app, "/api/v1/timeline?query=zeppelin%20regatta").await;
    assert_eq!(before.json()["articles"], 0);
    let cached = get(&app, "/api/v1/timeline?query=zeppelin%20regatta").await;
    assert_eq!(cached.header("x-cache"), "hit");

    let body = concat!(
        r#"{"id": "gaz-1", "date": "2024-11-04", "title": "Regatta for flood victims", "source": "Gazette", "url": "https://gazette.example/1", "text": "A zeppelin regatta over the Lower Ward on November 1, 2024, raised money for the families the flood drove from their homes."}"#,
        "\n\n",
        r#"{"date": "2024-11-05T09:00:00Z", "source": "Gazette", "text": "The zeppelin regatta held on Friday raised $40,000 for flood victims, organisers said."}"#,
        "\n",
        "this is not json\n",
        r#"{"text": "no date here"}"#,
        "\n",
    );
    let r = post(&app, "/api/v1/articles", Some(TOKEN), body).await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    let summary: IngestSummary = serde_json::from_slice(&r.body).unwrap();
    assert_eq!(summary.received, 4);
    assert_eq!(summary.added, 2);
    assert_eq!(summary.duplicates, 0);
    assert_eq!(summary.articles, 18);
    let lines: Vec<usize> = summary.problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, vec![4, 5]);
    assert!(summary.problems[1].reason.contains("date"));

    // Readers see the new articles; the cached timeline was dropped.
    let after = get(&app, "/api/v1/timeline?query=zeppelin%20regatta").await;
    assert_eq!(after.header("x-cache"), "miss");
    assert_eq!(after.json()["articles"], 2);
    assert!(dates_of(&after.json()).contains(&"2024-11-01".to_string()));
    let r = get(&app, "/api/v1/articles/gaz-1").await;
    assert_eq!(r.status, StatusCode::OK);
    let r = get(&app, "/api/v1/search?q=zeppelin%20regatta").await;
    assert_eq!(r.json()["hits"].as_array().unwrap().len(), 2);
    let s: StatsView = serde_json::from_slice(&get(&app, "/api/v1/stats").await.body).unwrap();
    assert_eq!(s.articles, 18);
    assert_eq!(s.last.unwrap().to_string(), "2024-11-05");

    // Posting the same again: duplicates, nothing added, cache kept.
    let warm = get(&app, "/api/v1/timeline?query=zeppelin%20regatta").await;
    assert_eq!(warm.header("x-cache"), "hit");
    let r = post(&app, "/api/v1/articles", Some(TOKEN), body).await;
    let summary: IngestSummary = serde_json::from_slice(&r.body).unwrap();
    assert_eq!(
        (summary.added, summary.duplicates, summary.articles),
        (0, 2, 18)
    );
    let warm = get(&app, "/api/v1/timeline?query=zeppelin%20regatta").await;
    assert_eq!(warm.header("x-cache"), "hit");

    // An id already used by other content is a problem, not an overwrite.
    let r = post(
        &app,
        "/api/v1/articles",
        Some(TOKEN),
        r#"{"id": "gaz-1", "date": "2024-11-09", "text": "Different text entirely."}"#,
    )
    .await;
    let summary: IngestSummary = serde_json::from_slice(&r.body).unwrap();
    assert_eq!(summary.added, 0);
    assert!(summary.problems[0].reason.contains("already used"));
}

#[tokio::test]
async fn ingest_rejects_empty_and_oversized_bodies() {
    let app = app_with(
        Arc::new(example_backend()),
        ServerConfig {
            token: Some(TOKEN.into()),
            max_body_bytes: 1024,
            ..ServerConfig::default()
        },
    );
    let r = post(&app, "/api/v1/articles", Some(TOKEN), "  \n\n").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.error().contains("empty"));

    let big = format!(
        "{{\"date\": \"2024-11-02\", \"text\": \"{}\"}}\n",
        "word ".repeat(400)
    );
    let r = post(&app, "/api/v1/articles", Some(TOKEN), big.clone()).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(r.error().contains("1024"));
    // Without a Content-Length (streamed body) too.
    let stream = futures_stream(big);
    let r = post(&app, "/api/v1/articles", Some(TOKEN), stream).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    // Authentication is checked before the body is read.
    let r = post(&app, "/api/v1/articles", None, "x".repeat(5000)).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
}

/// A body without a known length, sent in chunks.
fn futures_stream(text: String) -> Body {
    let chunks: Vec<Result<axum::body::Bytes, std::io::Error>> = text
        .into_bytes()
        .chunks(100)
        .map(|c| Ok(axum::body::Bytes::copy_from_slice(c)))
        .collect();
    Body::from_stream(futures_util::stream::iter(chunks))
}

#[tokio::test]
async fn unknown_routes_and_methods_are_json_errors() {
    let app = app(None);
    let r = get(&app, "/api/v1/nothing").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r.error().contains("/api/v1/nothing"));
    let r = send(
        &app,
        Request::delete("/api/v1/stats")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(r.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(r.error(), "method not allowed");
}

#[tokio::test]
async fn web_page_and_assets_are_served() {
    let app = app(None);
    let r = get(&app, "/").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.header("content-type").starts_with("text/html"));
    assert!(
        r.header("content-security-policy")
            .contains("default-src 'none'")
    );
    let html = String::from_utf8(r.body).unwrap();
    assert!(html.contains("/assets/app.js") && html.contains("/assets/style.css"));
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "no CDN"
    );
    let r = get(&app, "/assets/app.js").await;
    assert!(r.header("content-type").starts_with("text/javascript"));
    let r = get(&app, "/assets/style.css").await;
    assert!(r.header("content-type").starts_with("text/css"));
}

/// Every API route is documented, every documented operation is routed.
#[tokio::test]
async fn openapi_lists_every_route() {
    let app = app(Some(TOKEN));
    let r = get(&app, "/api/v1/openapi.json").await;
    assert_eq!(r.status, StatusCode::OK);
    let doc = r.json();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let mut documented = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            documented.insert((method.to_uppercase(), path.clone()));
        }
    }
    let expected: BTreeSet<(String, String)> = [
        ("GET", "/api/v1/timeline"),
        ("GET", "/api/v1/search"),
        ("GET", "/api/v1/articles/{id}"),
        ("GET", "/api/v1/stats"),
        ("POST", "/api/v1/articles"),
        ("GET", "/api/v1/healthz"),
        ("GET", "/api/v1/openapi.json"),
        ("GET", "/healthz"),
    ]
    .into_iter()
    .map(|(m, p)| (m.to_string(), p.to_string()))
    .collect();
    assert_eq!(documented, expected);
    assert_eq!(chronicle_server::openapi().paths.paths.len(), 7 + 1);
    // Each documented operation exists (no 404/405 from the router).
    for (method, path) in &documented {
        let uri = path.replace("{id}", "nsw-20240305-0142");
        let uri = if uri.ends_with("/search") {
            format!("{uri}?q=dam")
        } else {
            uri
        };
        let request = Request::builder()
            .method(Method::from_bytes(method.as_bytes()).unwrap())
            .uri(&uri)
            .header(header::AUTHORIZATION, format!("Bearer {TOKEN}"))
            .body(Body::from(r#"{"date": "2024-11-02", "text": "A report."}"#))
            .unwrap();
        let r = send(&app, request).await;
        assert_eq!(r.status, StatusCode::OK, "{method} {uri}");
    }
    assert!(doc["components"]["securitySchemes"]["bearer"].is_object());
}

/// The schema-only mirror of the engine's timeline types names exactly the fields a
/// real timeline has.
#[tokio::test]
async fn timeline_schema_matches_the_engine_json() {
    let app = app(None);
    let doc = get(&app, "/api/v1/openapi.json").await.json();
    let schemas = &doc["components"]["schemas"];
    let props = |name: &str| -> BTreeSet<String> {
        schemas[name]["properties"]
            .as_object()
            .unwrap_or_else(|| panic!("schema {name} missing"))
            .keys()
            .cloned()
            .collect()
    };
    let keys = |v: &Value| -> BTreeSet<String> { v.as_object().unwrap().keys().cloned().collect() };
    let t = get(&app, "/api/v1/timeline?dates=2").await.json();
    // `matched_articles` appears only when a store read part of the topic (see
    // `a_capped_store_timeline_says_how_many_articles_matched`); it is optional.
    let mut with_optional = keys(&t);
    with_optional.insert("matched_articles".to_string());
    assert_eq!(props("Timeline"), with_optional);
    let required: BTreeSet<String> = schemas["Timeline"]["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    assert_eq!(required, keys(&t));
    assert_eq!(props("Window"), keys(&t["window"]));
    assert_eq!(props("DayVolume"), keys(&t["volume"][0]));
    let entry = &t["dates"][0];
    assert_eq!(props("DateEntry"), keys(entry));
    assert_eq!(props("SummarySentence"), keys(&entry["sentences"][0]));
    assert_eq!(
        props("SourceRef"),
        keys(&entry["sentences"][0]["sources"][0])
    );
    let timeline_op = &doc["paths"]["/api/v1/timeline"]["get"];
    let params: BTreeSet<&str> = timeline_op["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        params,
        BTreeSet::from(["query", "keywords", "from", "to", "dates", "sentences"])
    );
}

/// A backend whose ingest blocks until released, to show that reads go on meanwhile.
struct SlowIngest {
    inner: MemoryBackend,
    entered: Mutex<Option<mpsc::Sender<()>>>,
    release: Mutex<mpsc::Receiver<()>>,
}

impl Backend for SlowIngest {
    fn timeline(&self, req: &TimelineRequest) -> Result<chronicle_engine::Timeline, BackendError> {
        self.inner.timeline(req)
    }
    fn search(&self, req: &SearchRequest) -> Result<Vec<SearchHit>, BackendError> {
        self.inner.search(req)
    }
    fn article(&self, id: &str) -> Result<Option<ArticleView>, BackendError> {
        self.inner.article(id)
    }
    fn stats(&self) -> Result<StatsView, BackendError> {
        self.inner.stats()
    }
    fn ingest_jsonl(&self, body: &[u8]) -> Result<IngestSummary, BackendError> {
        if let Some(tx) = self.entered.lock().unwrap().take() {
            tx.send(()).unwrap();
        }
        self.release
            .lock()
            .unwrap()
            .recv_timeout(Duration::from_secs(30))
            .unwrap();
        self.inner.ingest_jsonl(body)
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reads_keep_answering_while_an_ingest_runs() {
    let (entered_tx, entered_rx) = mpsc::channel();
    let (release_tx, release_rx) = mpsc::channel();
    let backend = SlowIngest {
        inner: example_backend(),
        entered: Mutex::new(Some(entered_tx)),
        release: Mutex::new(release_rx),
    };
    let app = app_with(
        Arc::new(backend),
        ServerConfig {
            token: Some(TOKEN.into()),
            ..ServerConfig::default()
        },
    );
    let writer = {
        let app = app.clone();
        tokio::spawn(async move {
            post(
                &app,
                "/api/v1/articles",
                Some(TOKEN),
                r#"{"date": "2024-11-02", "text": "The inquiry's final report was published on November 1."}"#,
            )
            .await
        })
    };
    tokio::task::spawn_blocking(move || entered_rx.recv_timeout(Duration::from_secs(10)).unwrap())
        .await
        .unwrap();
    // The ingest is now blocked inside the backend: every read still answers.
    let reads = async {
        for i in 0..5 {
            let uris = [
                format!("/api/v1/timeline?dates={}", i + 2),
                "/api/v1/search?q=dam".to_string(),
                "/api/v1/stats".to_string(),
                "/api/v1/articles/nsw-20240305-0142".to_string(),
                "/healthz".to_string(),
            ];
            for uri in uris {
                let r = get(&app, &uri).await;
                assert_eq!(r.status, StatusCode::OK, "{uri}");
            }
        }
    };
    tokio::time::timeout(Duration::from_secs(20), reads)
        .await
        .expect("reads blocked by the ingest");
    assert!(!writer.is_finished());
    release_tx.send(()).unwrap();
    let r = writer.await.unwrap();
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json()["added"], 1);
}

/// The memory backend itself: readers on other threads never see a half-built
/// snapshot while a large ingest runs.
#[test]
fn memory_backend_reads_during_ingest_see_old_or_new_data() {
    let backend = Arc::new(example_backend());
    let body: String = (0..300)
        .map(|i| {
            format!(
                "{{\"id\": \"bulk-{i}\", \"date\": \"2024-12-{:02}\", \"source\": \"Bulk\", \"text\": \"Bulk report number {i} says the rebuilt dam passed inspection on December 1, 2024.\"}}\n",
                1 + i % 28
            )
        })
        .collect();
    let writer = {
        let backend = backend.clone();
        std::thread::spawn(move || backend.ingest_jsonl(body.as_bytes()).unwrap())
    };
    let mut seen = BTreeSet::new();
    while !writer.is_finished() {
        let stats = backend.stats().unwrap();
        assert!(
            stats.articles == 16 || stats.articles == 316,
            "{}",
            stats.articles
        );
        seen.insert(stats.articles);
        let t = backend.timeline(&TimelineRequest::default()).unwrap();
        assert!(t.articles == 16 || t.articles == 316);
    }
    let summary = writer.join().unwrap();
    assert_eq!(summary.added, 300);
    assert_eq!(backend.stats().unwrap().articles, 316);
    assert!(backend.article("bulk-299").unwrap().is_some());
}

/// A backend whose timelines take longer than the request time limit.
struct SlowTimeline(MemoryBackend);

impl Backend for SlowTimeline {
    fn timeline(&self, req: &TimelineRequest) -> Result<chronicle_engine::Timeline, BackendError> {
        std::thread::sleep(Duration::from_millis(1500));
        self.0.timeline(req)
    }
    fn search(&self, _: &SearchRequest) -> Result<Vec<SearchHit>, BackendError> {
        Err(BackendError::Unavailable(
            "the index is being rebuilt".into(),
        ))
    }
    fn article(&self, _: &str) -> Result<Option<ArticleView>, BackendError> {
        Err(BackendError::Internal("disk on fire".into()))
    }
    fn stats(&self) -> Result<StatsView, BackendError> {
        self.0.stats()
    }
    fn ingest_jsonl(&self, body: &[u8]) -> Result<IngestSummary, BackendError> {
        self.0.ingest_jsonl(body)
    }
}

#[tokio::test]
async fn timeouts_and_backend_errors_are_json() {
    let app = app_with(
        Arc::new(SlowTimeline(example_backend())),
        ServerConfig {
            request_timeout: Duration::from_millis(200),
            ..ServerConfig::default()
        },
    );
    let r = get(&app, "/api/v1/timeline").await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(r.error().contains("time limit"), "{}", r.error());
    let r = get(&app, "/api/v1/search?q=dam").await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(r.error(), "the index is being rebuilt");
    let r = get(&app, "/api/v1/articles/x").await;
    assert_eq!(r.status, StatusCode::INTERNAL_SERVER_ERROR);
    let r = get(&app, "/api/v1/stats").await;
    assert_eq!(r.status, StatusCode::OK);
}

/// Counts timeline computations, each taking a while.
struct Counting(MemoryBackend, std::sync::atomic::AtomicUsize);

impl Backend for Counting {
    fn timeline(&self, req: &TimelineRequest) -> Result<chronicle_engine::Timeline, BackendError> {
        self.1.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        std::thread::sleep(Duration::from_millis(300));
        self.0.timeline(req)
    }
    fn search(&self, req: &SearchRequest) -> Result<Vec<SearchHit>, BackendError> {
        self.0.search(req)
    }
    fn article(&self, id: &str) -> Result<Option<ArticleView>, BackendError> {
        self.0.article(id)
    }
    fn stats(&self) -> Result<StatsView, BackendError> {
        self.0.stats()
    }
    fn ingest_jsonl(&self, body: &[u8]) -> Result<IngestSummary, BackendError> {
        self.0.ingest_jsonl(body)
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn identical_concurrent_misses_share_one_computation() {
    let backend = Arc::new(Counting(example_backend(), Default::default()));
    let app = app_with(backend.clone(), ServerConfig::default());
    let requests: Vec<_> = (0..6)
        .map(|i| {
            let app = app.clone();
            // Written differently, normalised to the same request.
            let uri = if i % 2 == 0 {
                "/api/v1/timeline?query=Dam&dates=4"
            } else {
                "/api/v1/timeline?query=dam%20&dates=4"
            };
            tokio::spawn(async move { get(&app, uri).await })
        })
        .collect();
    let mut caches = Vec::new();
    let mut bodies = BTreeSet::new();
    for r in requests {
        let r = r.await.unwrap();
        assert_eq!(r.status, StatusCode::OK);
        caches.push(r.header("x-cache").to_string());
        bodies.insert(r.body.clone());
    }
    assert_eq!(
        backend.1.load(std::sync::atomic::Ordering::SeqCst),
        1,
        "{caches:?}"
    );
    assert_eq!(bodies.len(), 1);
    assert_eq!(
        caches.iter().filter(|c| *c == "miss").count(),
        1,
        "{caches:?}"
    );
    assert!(
        caches
            .iter()
            .all(|c| c == "miss" || c == "shared" || c == "hit")
    );
    // Later: a plain cache hit, no computation.
    assert_eq!(
        get(&app, "/api/v1/timeline?query=dam&dates=4")
            .await
            .header("x-cache"),
        "hit"
    );
    assert_eq!(backend.1.load(std::sync::atomic::Ordering::SeqCst), 1);
}

/// A real server on a TCP port: requests over the network, then graceful shutdown.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tcp_server_answers_and_shuts_down_gracefully() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(chronicle_server::serve(listener, app(None), async {
        let _ = stop_rx.await;
    }));
    let client = hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new())
        .build_http::<http_body_util::Empty<axum::body::Bytes>>();
    for (uri, status) in [
        ("/healthz", 200),
        ("/", 200),
        ("/api/v1/timeline?query=dam&dates=5", 200),
        ("/api/v1/timeline?dates=999", 400),
        ("/api/v1/articles/missing", 404),
    ] {
        let response = client
            .get(format!("http://{addr}{uri}").parse().unwrap())
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), status, "{uri}");
        let body = response.into_body().collect().await.unwrap().to_bytes();
        if uri.contains("query=dam") {
            let t: Value = serde_json::from_slice(&body).unwrap();
            assert!(dates_of(&t).contains(&"2024-03-03".to_string()));
        }
    }
    stop_tx.send(()).unwrap();
    tokio::time::timeout(Duration::from_secs(10), server)
        .await
        .expect("server did not stop")
        .unwrap()
        .unwrap();
    assert!(tokio::net::TcpStream::connect(addr).await.is_err());
}

/// A store that reads only the most relevant candidates says how many matched.
#[tokio::test]
async fn a_capped_store_timeline_says_how_many_articles_matched() {
    let (_dir, store) = example_store();
    let capped = app_with(
        Arc::new(chronicle_server::StoreBackend::new(
            store.with_max_articles(3),
        )),
        ServerConfig::default(),
    );
    let timeline = get(&capped, "/api/v1/timeline?keywords=dam").await.json();
    assert!(timeline["articles"].as_u64().unwrap() <= 3, "{timeline}");
    assert!(
        timeline["matched_articles"].as_u64().unwrap() > 3,
        "{timeline}"
    );
}

/// The same API over the persistent store: the timeline equals the in-memory one,
/// search, articles and stats answer, and posted articles are still there after the
/// store is reopened.
#[tokio::test]
async fn store_backend_serves_the_same_api_and_persists_ingests() {
    let (dir, store) = example_store();
    let config = || ServerConfig {
        token: Some(TOKEN.to_string()),
        ..ServerConfig::default()
    };
    let stored = app_with(
        Arc::new(chronicle_server::StoreBackend::new(store)),
        config(),
    );
    let memory = app(None);

    let uri = "/api/v1/timeline?keywords=dam&dates=6";
    let from_store = get(&stored, uri).await;
    assert_eq!(from_store.status, StatusCode::OK);
    assert_eq!(from_store.json(), get(&memory, uri).await.json());

    let hits = get(&stored, "/api/v1/search?q=dam+breach&limit=5").await;
    assert_eq!(hits.status, StatusCode::OK);
    assert!(
        !hits.json()["hits"].as_array().unwrap().is_empty(),
        "{}",
        hits.json()
    );
    let stats = get(&stored, "/api/v1/stats").await.json();
    assert_eq!(stats["articles"], 16);
    assert!(!stats["volume"].as_array().unwrap().is_empty());
    assert_eq!(
        get(&stored, "/api/v1/articles/no-such-id").await.status,
        StatusCode::NOT_FOUND
    );

    let body = concat!(
        r#"{"id":"posted-1","date":"2024-11-02","text":"The new Kessler Dam spillway passed its first flood test on Saturday, engineers said."}"#,
        "\n",
        "not json\n",
    );
    let reply = post(&stored, "/api/v1/articles", Some(TOKEN), body).await;
    assert_eq!(
        reply.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&reply.body)
    );
    let summary = reply.json();
    assert_eq!(summary["added"], 1, "{summary}");
    assert_eq!(
        summary["problems"].as_array().unwrap().len(),
        1,
        "{summary}"
    );
    drop(stored);

    let reopened = chronicle_store::Store::open(dir.path()).unwrap();
    assert!(reopened.article("posted-1").unwrap().is_some());
    assert_eq!(reopened.stats().unwrap().articles, 17);
}

/// The ids of the articles `GET /api/v1/search` answers for `q` (at most 100), sorted.
async fn search_ids(app: &axum::Router, q: &str) -> Vec<String> {
    let uri = format!(
        "/api/v1/search?limit=100&q={}",
        q.replace('%', "%25")
            .replace(' ', "%20")
            .replace('"', "%22")
            .replace('+', "%2B")
    );
    let reply = get(app, &uri).await;
    assert_eq!(reply.status, StatusCode::OK, "{q}");
    let mut ids: Vec<String> = reply.json()["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["article"].as_str().unwrap().to_string())
        .collect();
    ids.sort();
    ids
}

/// Search's operators select the same articles whether the server holds the files in
/// memory or a store: quoted phrases (all their words), `+`, `-`, `AND`, `NOT`, fields.
#[tokio::test]
async fn search_operators_select_the_same_articles_in_both_backends() {
    let (_dir, store) = example_store();
    let stored = app_with(
        Arc::new(chronicle_server::StoreBackend::new(store)),
        ServerConfig::default(),
    );
    let memory = app(None);
    for q in [
        "dam",
        "spillway inspectors",
        "\"spillway inspectors\"",
        "+spillway +inspectors",
        "spillway AND inspectors",
        "dam -breach",
        "+dam -evacuation",
        "spillway AND NOT crack",
        "-dam",
        "breach",
        "title:breach",
        "title:breach dam",
        "the dam",
        "\"office of dam safety\"",
        "the",
        "zzzyzzx",
    ] {
        let (s, m) = (search_ids(&stored, q).await, search_ids(&memory, q).await);
        assert_eq!(s, m, "{q}");
    }
    // The operators narrow: a phrase finds fewer articles than its words apart.
    assert!(
        search_ids(&memory, "\"spillway inspectors\"").await.len()
            < search_ids(&memory, "spillway inspectors").await.len()
    );
    assert!(
        !search_ids(&memory, "\"spillway inspectors\"")
            .await
            .is_empty()
    );
    let titled = search_ids(&memory, "title:breach").await;
    assert!(!titled.is_empty() && titled.len() < search_ids(&memory, "breach").await.len());
}

/// In a corpus of several languages, the in-memory backend reads a query in each of them
/// (a Spanish word finds the Spanish reports that inflect it, in an English-majority
/// corpus), and both backends select the same articles.
#[tokio::test]
async fn search_reads_the_query_in_every_language_of_the_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let spanish = dir.path().join("es.jsonl");
    std::fs::write(
        &spanish,
        concat!(
            r#"{"id":"es-1","date":"2024-03-04","language":"es","text":"Miles de vecinos se sumaron a las manifestaciones frente a la presa de Kessler tras la rotura del muro."}"#,
            "\n",
            r#"{"id":"es-2","date":"2024-03-06","language":"es","text":"La manifestación de los agricultores pidió una inspección independiente de la presa."}"#,
            "\n",
            r#"{"id":"es-3","date":"2024-03-07","language":"es","text":"Los ingenieros revisaron el aliviadero durante toda la noche."}"#,
            "\n",
        ),
    )
    .unwrap();
    let inputs = [corpus_dir(), spanish];
    let (memory, report) =
        MemoryBackend::load_inputs(&inputs, chronicle_text::LanguagePolicy::Detect);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    let memory = app_with(Arc::new(memory), ServerConfig::default());
    let store_dir = tempfile::tempdir().unwrap();
    let store = chronicle_store::Store::create_or_open(store_dir.path()).unwrap();
    store
        .ingest(chronicle_ingest::read_inputs(&inputs).articles)
        .unwrap();
    let stored = app_with(
        Arc::new(chronicle_server::StoreBackend::new(store)),
        ServerConfig::default(),
    );
    // "manifestación" and "manifestaciones" share their Spanish stem.
    assert_eq!(search_ids(&memory, "manifestación").await, ["es-1", "es-2"]);
    for q in [
        "manifestación",
        "manifestaciones",
        "presa -inspección",
        "\"presa de Kessler\"",
        "dam",
        "dam presa",
        "+spillway -crack",
        "the",
    ] {
        assert_eq!(
            search_ids(&stored, q).await,
            search_ids(&memory, q).await,
            "{q}"
        );
    }
}
