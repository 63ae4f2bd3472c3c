//! Load generator for `POST /v1/screen`: N keep-alive connections for a fixed time against
//! a server on this machine, then throughput, p50/p99/max latency and errors.
//!
//! `cargo run --release -p saring-server --example load -- URL KEY [CONNECTIONS] [SECONDS] [RATE]`
//!
//! Without RATE each connection sends its next request as soon as the last is answered
//! (the most the server takes). With RATE (requests per second, over all connections) the
//! requests are sent on a fixed schedule, and each latency counts from when its request was
//! due, so a server that falls behind is not hidden by the client waiting for it
//! (coordinated omission).

use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::sync::{Barrier, watch};

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
    let rate: Option<f64> = args.next().map(|n| n.parse()).transpose()?;
    // Each connection's interval between requests on a fixed schedule.
    let interval = rate.map(|rate| Duration::from_secs_f64(connections as f64 / rate));
    let host = reqwest::Url::parse(&base)?;
    if !matches!(host.host_str(), Some("127.0.0.1" | "localhost" | "[::1]")) {
        return Err("load only a server on this machine (127.0.0.1 or localhost)".into());
    }
    let url = format!("{base}/v1/screen");
    let length = Duration::from_secs(seconds);
    // Every connection is opened and answered once before the measured period starts.
    let warmed = Arc::new(Barrier::new(connections + 1));
    let (start, started) = watch::channel(None::<Instant>);
    let mut workers = Vec::with_capacity(connections);
    for worker in 0..connections {
        let client = reqwest::Client::builder()
            .pool_max_idle_per_host(1)
            .build()?;
        let url = url.clone();
        let key = key.clone();
        let warmed = Arc::clone(&warmed);
        let mut started = started.clone();
        workers.push(tokio::spawn(async move {
            let warm_up = json!({"id": format!("warm-up-{worker}"), "platform": "shopee", "title": "Kaos polos"});
            client.post(&url).bearer_auth(&key).json(&warm_up).send().await?.bytes().await?;
            warmed.wait().await;
            let begin = started
                .wait_for(Option::is_some)
                .await?
                .ok_or("no start time")?;
            let deadline = begin + length;
            let mut latencies = Histogram::<u64>::new_with_bounds(1, 60_000_000, 3)?;
            // Requests slower than SLOW, by the second of the run they were due in.
            let mut slow_by_second = vec![0u64; seconds as usize + 1];
            let mut errors = 0u64;
            let mut sent = 0u64;
            // Connections start spread over one interval, not all at once.
            let offset = interval.map_or(Duration::ZERO, |every| every * worker as u32 / connections as u32);
            while Instant::now() < deadline {
                let due = match interval {
                    Some(every) => {
                        let due = begin + offset + every * sent as u32;
                        if due >= deadline {
                            break;
                        }
                        tokio::time::sleep_until(due.into()).await;
                        due
                    }
                    None => Instant::now(),
                };
                // Written as text: the generator shares the server's two cores, so it should
                // spend as little as it can on each request.
                let title = if sent.is_multiple_of(5) { "Ball press baju bekas import korea" } else { "Kemeja flanel pria baru" };
                let listing = format!(
                    r#"{{"id":"load-{worker}-{sent}","platform":"shopee","title":"{title}","description":"stok ready, kirim cepat","seller":{{"id":"seller-{}"}}}}"#,
                    sent % 500
                );
                let response = client
                    .post(&url)
                    .bearer_auth(&key)
                    .header(reqwest::header::CONTENT_TYPE, "application/json")
                    .body(listing)
                    .send()
                    .await;
                let ok = match response {
                    Ok(response) => response.status().is_success() && response.bytes().await.is_ok(),
                    Err(_) => false,
                };
                let latency = due.elapsed();
                latencies.record(latency.as_micros().max(1) as u64)?;
                if latency > SLOW {
                    let second = (due - begin).as_secs() as usize;
                    if let Some(count) = slow_by_second.get_mut(second) {
                        *count += 1;
                    }
                }
                if !ok {
                    errors += 1;
                }
                sent += 1;
            }
            Ok::<_, Box<dyn std::error::Error + Send + Sync>>((latencies, errors, slow_by_second))
        }));
    }
    warmed.wait().await;
    let begin = Instant::now();
    start.send(Some(begin))?;
    let mut all = Histogram::<u64>::new_with_bounds(1, 60_000_000, 3)?;
    let mut errors = 0;
    let mut slow_by_second = vec![0u64; seconds as usize + 1];
    for worker in workers {
        let (latencies, failed, slow) = worker.await?.map_err(|error| error.to_string())?;
        all.add(latencies)?;
        errors += failed;
        for (total, count) in slow_by_second.iter_mut().zip(slow) {
            *total += count;
        }
    }
    let elapsed = begin.elapsed().as_secs_f64();
    println!(
        "requests {}  errors {errors}  throughput {:.0}/s  p50 {:.2} ms  p99 {:.2} ms  max {:.2} ms  ({connections} connections, {seconds} s, {})",
        all.len(),
        all.len() as f64 / elapsed,
        all.value_at_quantile(0.50) as f64 / 1000.0,
        all.value_at_quantile(0.99) as f64 / 1000.0,
        all.max() as f64 / 1000.0,
        match rate {
            Some(rate) => format!("fixed rate {rate}/s"),
            None => "as fast as answered".to_string(),
        },
    );
    // Where the tail comes from: steady slowness, or stalls at particular moments.
    let slow: Vec<String> = slow_by_second.iter().map(u64::to_string).collect();
    println!(
        "requests over {} ms, second by second: {}",
        SLOW.as_millis(),
        slow.join(" ")
    );
    Ok(())
}

/// Latency above which a request is counted as slow, second by second.
const SLOW: Duration = Duration::from_millis(10);
