//! `saring webhooks` end to end through the real binary on SQLite: a confirmed case's
//! actions wait for an endpoint, `deliver` sends them signed to a receiver on 127.0.0.1,
//! failures become dead letters that `retry` sends again.

use std::path::Path;
use std::process::Output;
use std::sync::{Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};

use assert_cmd::Command;
use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use saring_webhooks::{DEFAULT_TOLERANCE_SECONDS, EVENT_ID_HEADER, SIGNATURE_HEADER, verify};
use tempfile::TempDir;

fn saring(args: &[&str]) -> Output {
    Command::cargo_bin("saring")
        .expect("binary")
        .args(args)
        .env_remove("SARING_REVIEWER")
        .env_remove("SARING_STORE")
        .output()
        .expect("runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn succeeds(args: &[&str]) -> String {
    let out = saring(args);
    assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
    text(&out.stdout)
}

/// The receiver: the secret it checks against (set once `webhooks set` printed it) and the
/// event ids of the requests whose signature verified.
#[derive(Default)]
struct Receiver {
    secret: Mutex<String>,
    accepted: Mutex<Vec<String>>,
}

async fn receive(
    State(receiver): State<Arc<Receiver>>,
    headers: HeaderMap,
    body: Bytes,
) -> StatusCode {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
            .to_string()
    };
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("clock")
        .as_secs() as i64;
    let secret = receiver.secret.lock().expect("secret").clone();
    let signature = header(SIGNATURE_HEADER);
    if verify(
        secret.as_bytes(),
        &signature,
        &body,
        now,
        DEFAULT_TOLERANCE_SECONDS,
    )
    .is_err()
    {
        return StatusCode::UNAUTHORIZED;
    }
    receiver
        .accepted
        .lock()
        .expect("accepted")
        .push(header(EVENT_ID_HEADER));
    StatusCode::NO_CONTENT
}

/// Serves `receiver` on a thread of its own; returns the endpoint URL.
fn serve(receiver: &Arc<Receiver>) -> String {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .expect("bind 127.0.0.1");
    let address = listener.local_addr().expect("address");
    let app = Router::new()
        .route("/hook", post(receive))
        .with_state(Arc::clone(receiver));
    std::thread::spawn(move || runtime.block_on(async move { axum::serve(listener, app).await }));
    format!("http://{address}/hook")
}

/// Scans the example catalogue and confirms the first open shopee case.
fn confirm_a_shopee_case(store: &str) {
    let catalogue = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/catalogue.jsonl");
    let dir = TempDir::new().expect("temp dir");
    let decisions = dir.path().join("decisions.jsonl");
    succeeds(&[
        "scan",
        &catalogue.display().to_string(),
        "--store",
        store,
        "--out",
        &decisions.display().to_string(),
    ]);
    let open = succeeds(&[
        "cases",
        "list",
        "--state",
        "open",
        "--platform",
        "shopee",
        "--store",
        store,
    ]);
    let case = open
        .split_whitespace()
        .next()
        .expect("an open shopee case")
        .to_string();
    succeeds(&[
        "cases",
        "claim",
        &case,
        "--reviewer",
        "ana",
        "--store",
        store,
    ]);
    succeeds(&[
        "cases",
        "decide",
        &case,
        "confirm",
        "--reason",
        "bale",
        "--reviewer",
        "ana",
        "--store",
        store,
    ]);
}

fn set_endpoint(store: &str, url: &str, receiver: &Receiver) {
    let secret = succeeds(&[
        "webhooks",
        "set",
        "--platform",
        "shopee",
        "--url",
        url,
        "--store",
        store,
    ]);
    let secret = secret.trim();
    assert_eq!(secret.len(), 64, "the secret alone on stdout: {secret:?}");
    *receiver.secret.lock().expect("secret") = secret.to_string();
}

#[test]
fn actions_are_delivered_signed_and_dead_letters_retried() {
    let dir = TempDir::new().expect("temp dir");
    let store = format!("sqlite://{}", dir.path().join("saring.db").display());
    let receiver = Arc::new(Receiver::default());
    let url = serve(&receiver);

    confirm_a_shopee_case(&store);
    let listed = succeeds(&["webhooks", "list", "--store", &store]);
    assert!(
        listed.contains("shopee") && listed.contains("no endpoint") && listed.contains("pending"),
        "{listed}"
    );
    let delivered = succeeds(&["webhooks", "deliver", "--store", &store]);
    assert_eq!(delivered.trim(), "delivered 0, to retry 0, dead letters 0");

    set_endpoint(&store, &url, &receiver);
    let delivered = succeeds(&["webhooks", "deliver", "--store", &store]);
    let sent = receiver.accepted.lock().expect("accepted").len();
    assert!(sent >= 2, "a confirmation queues at least two actions");
    assert_eq!(
        delivered.trim(),
        format!("delivered {sent}, to retry 0, dead letters 0")
    );
    let listed = succeeds(&["webhooks", "list", "--store", &store]);
    assert!(
        listed.contains(&format!(
            "{url} (enabled)  pending 0  delivered {sent}  dead 0"
        )),
        "{listed}"
    );

    // The next case's events fail once against a closed port and become dead letters.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("free port");
    set_endpoint(&store, &format!("http://{closed}/hook"), &receiver);
    confirm_a_shopee_case(&store);
    let failed = saring(&[
        "webhooks",
        "deliver",
        "--max-attempts",
        "1",
        "--store",
        &store,
    ]);
    assert_eq!(failed.status.code(), Some(2), "{}", text(&failed.stderr));
    let dead = succeeds(&["webhooks", "dead", "--store", &store]);
    let dead_ids: Vec<&str> = dead
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert!(!dead_ids.is_empty(), "{}", text(&failed.stdout));
    assert!(dead.contains("connection failed"), "{dead}");
    assert_eq!(
        text(&failed.stdout).trim(),
        format!("delivered 0, to retry 0, dead letters {}", dead_ids.len())
    );

    set_endpoint(&store, &url, &receiver);
    succeeds(&["webhooks", "retry", dead_ids[0], "--store", &store]);
    let retried = saring(&["webhooks", "retry", dead_ids[0], "--store", &store]);
    assert!(
        text(&retried.stderr).contains("is not a dead letter"),
        "{}",
        text(&retried.stderr)
    );
    let delivered = succeeds(&["webhooks", "deliver", "--store", &store]);
    assert_eq!(delivered.trim(), "delivered 1, to retry 0, dead letters 0");
    assert_eq!(receiver.accepted.lock().expect("accepted").len(), sent + 1);
    let still_dead = succeeds(&["webhooks", "dead", "--store", &store]);
    assert_eq!(still_dead.lines().count(), dead_ids.len() - 1);
    // Exit code 0: the log, with the dead-letter and retry entries, is intact.
    succeeds(&["audit", "verify", "--store", &store]);
}
