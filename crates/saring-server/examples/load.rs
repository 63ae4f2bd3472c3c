//! Load generator for `POST /v1/screen`: N keep-alive connections for a fixed time against
//! a server on this machine, then throughput, p50/p99/max latency and errors.
//!
//! `cargo run --release -p saring-server --example load -- URL KEY [CONNECTIONS] [SECONDS]`

use std::time::{Duration, Instant};

use hdrhistogram::Histogram;
use serde_json::json;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let base = args
        .next()
        .ok_or("usage: load URL KEY [CONNECTIONS] [SECONDS]")?;
    let key = args
        .next()
        .ok_or("usage: load URL KEY [CONNECTIONS] [SECONDS]")?;
    let connections: usize = args.next().map(|n| n.parse()).transpose()?.unwrap_or(64);
    let seconds: u64 = args.next().map(|n| n.parse()).transpose()?.unwrap_or(30);
    let host = reqwest::Url::parse(&base)?;
    if !matches!(host.host_str(), Some("127.0.0.1" | "localhost" | "[::1]")) {
        return Err("load only a server on this machine (127.0.0.1 or localhost)".into());
    }
    let url = format!("{base}/v1/screen");
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let mut workers = Vec::with_capacity(connections);
    for worker in 0..connections {
        let client = reqwest::Client::builder()
            .pool_max_idle_per_host(1)
            .build()?;
        let url = url.clone();
        let key = key.clone();
        workers.push(tokio::spawn(async move {
            let mut latencies = Histogram::<u64>::new_with_bounds(1, 60_000_000, 3)?;
            let mut errors = 0u64;
            let mut sent = 0u64;
            while Instant::now() < deadline {
                let listing = json!({
                    "id": format!("load-{worker}-{sent}"),
                    "platform": "shopee",
                    "title": if sent.is_multiple_of(5) { "Ball press baju bekas import korea" } else { "Kemeja flanel pria baru" },
                    "description": "stok ready, kirim cepat",
                    "seller": {"id": format!("seller-{}", sent % 500)},
                });
                let started = Instant::now();
                let response = client.post(&url).bearer_auth(&key).json(&listing).send().await;
                let ok = match response {
                    Ok(response) => response.status().is_success() && response.bytes().await.is_ok(),
                    Err(_) => false,
                };
                latencies.record(started.elapsed().as_micros().max(1) as u64)?;
                if !ok {
                    errors += 1;
                }
                sent += 1;
            }
            Ok::<_, Box<dyn std::error::Error + Send + Sync>>((latencies, errors))
        }));
    }
    let started = Instant::now();
    let mut all = Histogram::<u64>::new_with_bounds(1, 60_000_000, 3)?;
    let mut errors = 0;
    for worker in workers {
        let (latencies, failed) = worker.await?.map_err(|error| error.to_string())?;
        all.add(latencies)?;
        errors += failed;
    }
    let elapsed = started.elapsed().as_secs_f64();
    println!(
        "requests {}  errors {errors}  throughput {:.0}/s  p50 {:.2} ms  p99 {:.2} ms  max {:.2} ms  ({connections} connections, {seconds} s)",
        all.len(),
        all.len() as f64 / elapsed,
        all.value_at_quantile(0.50) as f64 / 1000.0,
        all.value_at_quantile(0.99) as f64 / 1000.0,
        all.max() as f64 / 1000.0,
    );
    Ok(())
}
