//! Load generator for `chronicle serve`, over loopback HTTP/1.1 with keep-alive.
//!
//! Open loop (`--rate N`): a request is due every 1/N s whatever the server does, and
//! latency is measured from when it was due (no coordinated omission). Closed loop
//! (`--concurrency N` without `--rate`): N clients send back to back, to find the
//! maximum throughput. Requests rotate over the `--path` values. Each path is requested
//! once before the clock starts (`--no-warmup` to skip), so cached endpoints are warm.
//!
//! ```sh
//! cargo run --release -p chronicle-server --example loadgen -- \
//!     --url http://127.0.0.1:8080 --rate 200 --duration 30 \
//!     --path '/api/v1/timeline?keywords=bp,oil,spill&dates=20'
//! ```

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use clap::Parser;
use http_body_util::{BodyExt, Empty};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use tokio::sync::Mutex;

#[derive(Parser)]
#[command(about = "HTTP load generator for chronicle serve")]
struct Args {
    /// Base URL of the server.
    #[arg(long, default_value = "http://127.0.0.1:8080")]
    url: String,
    /// Path and query to request (repeat to rotate over several).
    #[arg(long = "path", required = true)]
    paths: Vec<String>,
    /// Requests per second (open loop). Without it: closed loop.
    #[arg(long)]
    rate: Option<f64>,
    /// Clients in closed loop; upper bound on requests in flight in open loop.
    #[arg(long, default_value_t = 256)]
    concurrency: usize,
    /// Seconds to run.
    #[arg(long, default_value_t = 20.0)]
    duration: f64,
    /// Do not request each path once before measuring.
    #[arg(long)]
    no_warmup: bool,
    /// Label printed with the results.
    #[arg(long, default_value = "")]
    label: String,
}

#[derive(Default)]
struct Results {
    latencies_us: Vec<u64>,
    errors: usize,
    statuses: std::collections::BTreeMap<u16, usize>,
    bytes: u64,
}

type HttpClient = Client<HttpConnector, Empty<Bytes>>;

async fn one(client: &HttpClient, uri: &hyper::Uri) -> Result<(u16, u64), String> {
    let response = client.get(uri.clone()).await.map_err(|e| e.to_string())?;
    let status = response.status().as_u16();
    let body = response
        .into_body()
        .collect()
        .await
        .map_err(|e| e.to_string())?
        .to_bytes();
    Ok((status, body.len() as u64))
}

fn record(results: &mut Results, outcome: Result<(u16, u64), String>, latency: Duration) {
    match outcome {
        Ok((status, bytes)) => {
            *results.statuses.entry(status).or_default() += 1;
            results.bytes += bytes;
            if (200..300).contains(&status) {
                results.latencies_us.push(latency.as_micros() as u64);
            } else {
                results.errors += 1;
            }
        }
        Err(e) => {
            if results.errors < 3 {
                eprintln!("request failed: {e}");
            }
            results.errors += 1;
        }
    }
}

fn percentile(sorted: &[u64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1] as f64 / 1000.0
}

#[tokio::main]
async fn main() {
    let args = Args::parse();
    let mut connector = HttpConnector::new();
    connector.set_nodelay(true);
    let client: HttpClient = Client::builder(TokioExecutor::new())
        .pool_max_idle_per_host(args.concurrency)
        .build(connector);
    let uris: Arc<Vec<hyper::Uri>> = Arc::new(
        args.paths
            .iter()
            .map(|p| {
                format!("{}{}", args.url.trim_end_matches('/'), p)
                    .parse()
                    .unwrap_or_else(|e| panic!("bad URL for {p}: {e}"))
            })
            .collect(),
    );
    if !args.no_warmup {
        for uri in uris.iter() {
            match one(&client, uri).await {
                Ok((status, _)) if (200..300).contains(&status) => {}
                other => eprintln!("warm-up {uri}: {other:?}"),
            }
        }
    }

    let duration = Duration::from_secs_f64(args.duration);
    let results = Arc::new(Mutex::new(Results::default()));
    let start = Instant::now();
    let mut sent = 0usize;
    match args.rate {
        Some(rate) => {
            let permits = Arc::new(tokio::sync::Semaphore::new(args.concurrency));
            let interval = Duration::from_secs_f64(1.0 / rate);
            let mut tasks = tokio::task::JoinSet::new();
            loop {
                let due = start + interval.mul_f64(sent as f64);
                if due.duration_since(start) >= duration {
                    break;
                }
                tokio::time::sleep_until(due.into()).await;
                let uri = uris[sent % uris.len()].clone();
                sent += 1;
                let (client, results, permits) = (client.clone(), results.clone(), permits.clone());
                tasks.spawn(async move {
                    let _permit = permits.acquire_owned().await;
                    let outcome = one(&client, &uri).await;
                    record(&mut *results.lock().await, outcome, due.elapsed());
                });
                while tasks.try_join_next().is_some() {}
            }
            while tasks.join_next().await.is_some() {}
        }
        None => {
            let mut tasks = tokio::task::JoinSet::new();
            let counter = Arc::new(std::sync::atomic::AtomicUsize::new(0));
            for _ in 0..args.concurrency {
                let (client, results, uris, counter) = (
                    client.clone(),
                    results.clone(),
                    uris.clone(),
                    counter.clone(),
                );
                tasks.spawn(async move {
                    while start.elapsed() < duration {
                        let n = counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let t = Instant::now();
                        let outcome = one(&client, &uris[n % uris.len()]).await;
                        record(&mut *results.lock().await, outcome, t.elapsed());
                    }
                });
            }
            while tasks.join_next().await.is_some() {}
            sent = counter.load(std::sync::atomic::Ordering::Relaxed);
        }
    }
    let elapsed = start.elapsed().as_secs_f64();
    let mut results = results.lock().await;
    results.latencies_us.sort_unstable();
    let ok = results.latencies_us.len();
    let lat = &results.latencies_us;
    let mode = match args.rate {
        Some(r) => format!("open loop {r} req/s"),
        None => format!("closed loop, {} clients", args.concurrency),
    };
    println!(
        "{}{mode}, {:.1} s, {} paths: sent {sent}, ok {ok}, errors {}, throughput {:.1} req/s, \
         latency ms p50 {:.2} p90 {:.2} p99 {:.2} max {:.2}, mean body {} B, statuses {:?}",
        if args.label.is_empty() {
            String::new()
        } else {
            format!("[{}] ", args.label)
        },
        elapsed,
        uris.len(),
        results.errors,
        ok as f64 / elapsed,
        percentile(lat, 50.0),
        percentile(lat, 90.0),
        percentile(lat, 99.0),
        percentile(lat, 100.0),
        if sent > 0 {
            results.bytes / sent as u64
        } else {
            0
        },
        results.statuses,
    );
    if results.errors > 0 {
        std::process::exit(1);
    }
}
