//! End-to-end test in a real browser: the server on a TCP port with the example corpus,
//! headless Chromium driven through chromedriver (WebDriver, `fantoccini`).
//!
//! Skipped with a message when `chromium` (or `chromium-browser`, `google-chrome`) or
//! `chromedriver` is not on the PATH, so `cargo test` passes on a bare machine; CI
//! (`.ci/run`) installs both and sets `CHRONICLE_E2E_REQUIRED=1`, which turns the skip
//! into a failure. Screenshots go to `target/e2e/` (desktop and phone width).

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chronicle_server::{AppState, ServerConfig, StoreBackend, router};
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

fn find_in_path(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    names.iter().find_map(|name| {
        std::env::split_paths(&path)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    })
}

/// Kills chromedriver when the test ends, however it ends.
struct KillOnDrop(Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn artifacts_dir() -> PathBuf {
    // CARGO_TARGET_TMPDIR is <target>/tmp.
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .map(|target| target.join("e2e"))
        .unwrap_or_else(|| PathBuf::from("target/e2e"));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

async fn connect(driver_url: &str, chromium: &Path) -> Client {
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".to_string(),
        json!({
            "binary": chromium,
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-dev-shm-usage",
                "--window-size=1280,1800", "--lang=en-GB",
            ],
        }),
    );
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        match ClientBuilder::new(connector.clone())
            .capabilities(caps.clone())
            .connect(driver_url)
            .await
        {
            Ok(client) => return client,
            Err(e) if Instant::now() < deadline => {
                let _ = e;
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            Err(e) => panic!("cannot start a browser session through chromedriver: {e}"),
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn web_page_builds_a_timeline_in_chromium() {
    let required = std::env::var_os("CHRONICLE_E2E_REQUIRED").is_some_and(|v| v != "0");
    let chromium = find_in_path(&["chromium", "chromium-browser", "google-chrome"]);
    let driver = find_in_path(&["chromedriver"]);
    let (Some(chromium), Some(driver)) = (chromium, driver) else {
        let message = "browser test skipped: chromium and chromedriver are not both on the PATH \
                       (apt-get install chromium chromium-driver)";
        assert!(!required, "{message}, but CHRONICLE_E2E_REQUIRED is set");
        eprintln!("{message}");
        return;
    };

    // The server, on a real port, over a store built from the example corpus.
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus");
    let store_dir = tempfile::tempdir().unwrap();
    let store = chronicle_store::Store::create_or_open(store_dir.path()).unwrap();
    let mut read = chronicle_ingest::read_inputs(&[&corpus]);
    store.ingest(std::mem::take(&mut read.articles)).unwrap();
    let app = router(AppState::new(
        Arc::new(StoreBackend::new(store)),
        ServerConfig::default(),
    ));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(chronicle_server::serve(listener, app, async {
        let _ = stop_rx.await;
    }));

    // chromedriver.
    let port = free_port();
    let _driver = KillOnDrop(
        Command::new(&driver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("cannot start chromedriver"),
    );
    let c = connect(&format!("http://127.0.0.1:{port}"), &chromium).await;
    let result = drive(&c, &base).await;
    let _ = c.close().await;
    let _ = stop_tx.send(());
    let _ = tokio::time::timeout(Duration::from_secs(10), server).await;
    if let Err(e) = result {
        panic!("{e}");
    }
}

/// Clicks an element after bringing it into view at once. The page scrolls smoothly
/// (`scroll-behavior: smooth`), and a driver that scrolls to an element itself may click
/// where the element was before the scroll ended.
async fn click_in_view(
    c: &Client,
    element: &fantoccini::elements::Element,
) -> Result<(), fantoccini::error::CmdError> {
    let arg = serde_json::to_value(element)?;
    c.execute(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});",
        vec![arg],
    )
    .await?;
    element.click().await
}

async fn drive(c: &Client, base: &str) -> Result<(), String> {
    let err = |what: &str| {
        let what = what.to_string();
        move |e: fantoccini::error::CmdError| format!("{what}: {e}")
    };
    let wait = Duration::from_secs(20);
    c.goto(&format!("{base}/"))
        .await
        .map_err(err("open the page"))?;
    assert_eq!(c.title().await.map_err(err("title"))?, "Chronicle");
    // Stats line appears.
    c.wait()
        .at_most(wait)
        .for_element(Locator::XPath(
            "//p[@id='stats'][contains(., '16 articles')]",
        ))
        .await
        .map_err(err("stats line"))?;

    // Search: topic and number of dates, then the real button.
    let query = c.find(Locator::Id("query")).await.map_err(err("#query"))?;
    query
        .send_keys("dam")
        .await
        .map_err(err("type the topic"))?;
    let dates = c.find(Locator::Id("dates")).await.map_err(err("#dates"))?;
    dates.send_keys("8").await.map_err(err("type dates"))?;
    c.find(Locator::Id("submit"))
        .await
        .map_err(err("#submit"))?
        .click()
        .await
        .map_err(err("click submit"))?;

    let march3 = c
        .wait()
        .at_most(wait)
        .for_element(Locator::Css(r#".entry[data-date="2024-03-03"]"#))
        .await
        .map_err(err("the 2024-03-03 entry"))?;
    let entries = c
        .find_all(Locator::Css(".timeline > .entry"))
        .await
        .map_err(err("entries"))?;
    if entries.len() != 8 {
        return Err(format!("expected 8 dates, found {}", entries.len()));
    }
    let entry_text = march3.text().await.map_err(err("entry text"))?;
    for needle in ["3 March 2024", "reports"] {
        if !entry_text.contains(needle) {
            return Err(format!("2024-03-03 entry lacks {needle:?}: {entry_text}"));
        }
    }
    // Source chips name outlets.
    let chips = march3
        .find_all(Locator::Css(".chip"))
        .await
        .map_err(err("chips"))?;
    let mut outlets = Vec::new();
    for chip in &chips {
        outlets.push(chip.text().await.map_err(err("chip text"))?);
    }
    let known = [
        "marrowfallscourier.example",
        "tallisvalleyherald.example",
        "valley9news.example",
        "Northstar Wire",
    ];
    if !outlets.iter().any(|o| known.iter().any(|k| o.contains(k))) {
        return Err(format!(
            "no known outlet among the chips of 2024-03-03: {outlets:?}"
        ));
    }

    // The URL carries the request (shareable).
    let url = c.current_url().await.map_err(err("current url"))?;
    let q = url.query().unwrap_or("");
    if !(q.contains("query=dam") && q.contains("dates=8")) {
        return Err(format!("the URL does not carry the request: {url}"));
    }

    // Volume chart with one marker per date.
    let markers = c
        .find_all(Locator::Css("#chart-svg svg a.marker"))
        .await
        .map_err(err("markers"))?;
    if markers.len() != 8 {
        return Err(format!("expected 8 chart markers, found {}", markers.len()));
    }
    let bars = c
        .find_all(Locator::Css("#chart-svg svg rect.bar"))
        .await
        .map_err(err("bars"))?;
    if bars.is_empty() {
        return Err("the chart has no bars".into());
    }
    // The bars count the timeline's own articles, not the whole corpus.
    let desc = c
        .find(Locator::Css("#chart-svg svg desc"))
        .await
        .map_err(err("chart description"))?
        .text()
        .await
        .map_err(err("chart description text"))?;
    if !desc.contains("of the timeline's articles") {
        return Err(format!(
            "the chart does not chart the timeline's articles: {desc:?}"
        ));
    }

    // Clicking a sentence shows every report carrying it, with links.
    let sentence = march3
        .find(Locator::Css("button.sentence"))
        .await
        .map_err(err("sentence button"))?;
    let panel_id = sentence
        .attr("aria-controls")
        .await
        .map_err(err("aria-controls"))?
        .unwrap_or_default();
    click_in_view(c, &sentence)
        .await
        .map_err(err("click sentence"))?;
    if sentence
        .attr("aria-expanded")
        .await
        .map_err(err("aria-expanded"))?
        .as_deref()
        != Some("true")
    {
        return Err("aria-expanded not set after click".into());
    }
    let panel = c
        .find(Locator::Id(&panel_id))
        .await
        .map_err(err("reports panel"))?;
    if !panel.is_displayed().await.map_err(err("panel visible"))? {
        return Err("the reports panel is not shown".into());
    }
    let links = panel
        .find_all(Locator::Css("a[href^='https://']"))
        .await
        .map_err(err("report links"))?;
    if links.is_empty() {
        return Err("the reports panel has no links".into());
    }

    let dir = artifacts_dir();
    c.execute("window.scrollTo({top: 0, behavior: 'instant'});", vec![])
        .await
        .map_err(err("scroll to top"))?;
    let png = c.screenshot().await.map_err(err("screenshot"))?;
    std::fs::write(dir.join("screenshot.png"), &png).map_err(|e| e.to_string())?;

    // "Read" opens the article in a dialog.
    let read = panel
        .find(Locator::Css("button.link-button"))
        .await
        .map_err(err("read button"))?;
    click_in_view(c, &read).await.map_err(err("click read"))?;
    c.wait()
        .at_most(wait)
        .for_element(Locator::XPath("//div[@id='article-text']/p"))
        .await
        .map_err(err("article text in the dialog"))?;
    c.find(Locator::Id("article-close"))
        .await
        .map_err(err("close"))?
        .click()
        .await
        .map_err(err("click close"))?;

    // Reloading the shared URL rebuilds the same timeline.
    c.goto(url.as_str())
        .await
        .map_err(err("reload shared URL"))?;
    c.wait()
        .at_most(wait)
        .for_element(Locator::Css(r#".entry[data-date="2024-03-03"]"#))
        .await
        .map_err(err("timeline after reload"))?;
    let value = c
        .find(Locator::Id("query"))
        .await
        .map_err(err("#query"))?
        .prop("value")
        .await
        .map_err(err("value"))?;
    if value.as_deref() != Some("dam") {
        return Err(format!("the form was not filled from the URL: {value:?}"));
    }

    // A phone-sized window: no horizontal scrolling.
    c.set_window_size(390, 844).await.map_err(err("resize"))?;
    let overflow = c
        .execute(
            "return document.documentElement.scrollWidth > window.innerWidth + 1;",
            vec![],
        )
        .await
        .map_err(err("overflow check"))?;
    c.execute(
        "document.getElementById('d-2024-03-03').scrollIntoView({behavior: 'instant'});",
        vec![],
    )
    .await
    .map_err(err("scroll to 2024-03-03"))?;
    let png = c.screenshot().await.map_err(err("phone screenshot"))?;
    std::fs::write(dir.join("screenshot-phone.png"), &png).map_err(|e| e.to_string())?;
    if overflow == json!(true) {
        return Err("the page scrolls horizontally at phone width".into());
    }
    eprintln!("screenshots in {}", dir.display());
    Ok(())
}
