//! The review UI in a real browser: headless Chromium driven through chromedriver signs in
//! with a reviewer key, opens the queue, opens a case, confirms it with a reason; the
//! enforcement action then reaches the platform's webhook receiver on loopback, signed, and a
//! screenshot of the confirmed case is saved.
//!
//! Needs Debian's `chromium` and `chromium-driver` (`scripts/test` installs them). Without them the
//! test fails, saying so, unless `SARING_SKIP_BROWSER=1` is set. The screenshot goes to
//! `$SARING_SCREENSHOT_DIR` (e.g. `docs/`) or else `$CARGO_TARGET_DIR/browser/` (default
//! `target/browser/`); the test prints where.

#[path = "../../saring-store/tests/common/mod.rs"]
mod common;
mod support;

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use saring_webhooks::{
    DEFAULT_TOLERANCE_SECONDS, Dispatcher, DispatcherConfig, SIGNATURE_HEADER, new_signing_secret,
    verify,
};
use serde_json::Value;

use fantoccini::{Client, ClientBuilder, Locator};
use saring_core::{CaseState, Priority, Role};
use saring_store::Store;
use tokio::process::{Child, Command};

const REASON: &str = "Bal karungan pakaian bekas impor: dilarang Permendag 40/2022";

/// The first executable called one of `names` on PATH.
fn on_path(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |name| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

/// A port free on loopback right now.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free loopback port")
        .port()
}

/// Starts chromedriver on a free loopback port and waits until it listens.
async fn start_chromedriver(driver: &Path) -> (Child, u16) {
    let port = free_port();
    let child = Command::new(driver)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("chromedriver starts");
    for _ in 0..100 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_ok()
        {
            return (child, port);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("chromedriver did not listen on port {port} within 10 s");
}

async fn headless_chromium(chromium: &Path, driver_port: u16) -> Client {
    let mut capabilities = serde_json::Map::new();
    capabilities.insert(
        "goog:chromeOptions".to_string(),
        serde_json::json!({
            "binary": chromium,
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", "--window-size=1280,1800"],
        }),
    );
    ClientBuilder::rustls()
        .expect("TLS setup for the WebDriver client")
        .capabilities(capabilities)
        .connect(&format!("http://127.0.0.1:{driver_port}"))
        .await
        .expect("a Chromium session through chromedriver")
}

/// Where the screenshot goes: `$SARING_SCREENSHOT_DIR`, else `<target dir>/browser`.
fn screenshot_path() -> PathBuf {
    let dir = std::env::var_os("SARING_SCREENSHOT_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            std::env::var_os("CARGO_TARGET_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"))
                .join("browser")
        });
    std::fs::create_dir_all(&dir).expect("screenshot directory");
    dir.join("case-confirmed.png")
}

/// Waits until the element `css` reads `text`; panics with what it read otherwise.
async fn wait_for_text(browser: &Client, css: &str, text: &str) {
    eventually(css, text, || async {
        match browser.find(Locator::Css(css)).await {
            Ok(element) => element.text().await.unwrap_or_default().trim().to_string(),
            Err(_) => String::new(),
        }
    })
    .await;
}

/// Waits until the browser shows the page at `path`: a click that submits a form returns
/// before the next page has loaded.
async fn wait_for_path(browser: &Client, path: &str) {
    eventually("the page's path", path, || async {
        match browser.current_url().await {
            Ok(url) => url.path().to_string(),
            Err(_) => String::new(),
        }
    })
    .await;
}

/// Reads `probe` every 100 ms, for up to 5 s, until it reads `expected`; panics with what
/// `what` last read otherwise.
async fn eventually<F, Fut>(what: &str, expected: &str, mut probe: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = String>,
{
    let mut last = String::new();
    for _ in 0..50 {
        last = probe().await;
        if last == expected {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{what} reads {last:?}, expected {expected:?}");
}

/// What must follow the confirmation outside the browser. This is the one place to add the
/// check that the enforcement action reached the platform's webhook receiver on loopback.
/// What the platform's webhook receiver accepted: payloads whose signature verified.
struct Receiver {
    secret: String,
    accepted: Mutex<Vec<Value>>,
}

async fn receive(
    State(receiver): State<Arc<Receiver>>,
    headers: HeaderMap,
    body: Bytes,
) -> StatusCode {
    let signature = headers
        .get(SIGNATURE_HEADER)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default();
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default();
    let secret = receiver.secret.as_bytes();
    if verify(secret, signature, &body, now, DEFAULT_TOLERANCE_SECONDS).is_err() {
        return StatusCode::UNAUTHORIZED;
    }
    let payload = serde_json::from_slice(&body).unwrap_or(Value::Null);
    receiver.accepted.lock().expect("log").push(payload);
    StatusCode::OK
}

/// A webhook receiver on loopback, configured as the shopee platform's endpoint.
async fn shopee_receiver(store: &Store) -> Arc<Receiver> {
    let receiver = Arc::new(Receiver {
        secret: new_signing_secret().expect("secret"),
        accepted: Mutex::new(Vec::new()),
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind 127.0.0.1");
    let url = format!("http://{}/hook", listener.local_addr().expect("address"));
    let app = axum::Router::new()
        .route("/hook", axum::routing::post(receive))
        .with_state(Arc::clone(&receiver));
    tokio::spawn(async move { axum::serve(listener, app).await });
    store
        .set_webhook_endpoint("shopee", &url, &receiver.secret, "test", 0)
        .await
        .expect("endpoint set");
    receiver
}

/// The confirmation froze evidence and wrote enforcement actions, and each action reached
/// the platform's receiver, signed, naming the case.
async fn assert_enforcement_followed(store: &Store, case_id: i64, receiver: &Receiver) {
    let detail = store.case(case_id).await.expect("case");
    assert_eq!(detail.case.state, CaseState::Confirmed);
    assert!(detail.evidence.is_some(), "evidence is frozen");
    assert!(
        !detail.actions.is_empty(),
        "the confirmation wrote enforcement actions"
    );
    let dispatcher =
        Dispatcher::new(store.clone(), DispatcherConfig::default()).expect("dispatcher");
    let counts = dispatcher.run_until_idle().await.expect("delivery");
    assert_eq!(counts.attempted(), detail.actions.len(), "{counts:?}");
    let accepted = receiver.accepted.lock().expect("log").clone();
    let mut delivered: Vec<i64> = accepted
        .iter()
        .filter(|payload| payload["case_id"] == case_id)
        .filter_map(|payload| payload["action_id"].as_i64())
        .collect();
    delivered.sort_unstable();
    let mut expected: Vec<i64> = detail.actions.iter().map(|action| action.id).collect();
    expected.sort_unstable();
    assert_eq!(
        delivered, expected,
        "every action reached the receiver: {accepted:?}"
    );
}

#[tokio::test(flavor = "current_thread")]
async fn a_reviewer_confirms_a_case_in_headless_chromium() {
    let chromium = on_path(&["chromium", "chromium-browser", "google-chrome"]);
    let driver = on_path(&["chromedriver"]);
    let (Some(chromium), Some(driver)) = (chromium, driver) else {
        if std::env::var("SARING_SKIP_BROWSER").as_deref() == Ok("1") {
            eprintln!(
                "SARING_SKIP_BROWSER=1: browser test skipped (chromium or chromedriver missing)"
            );
            return;
        }
        panic!(
            "the browser test needs Debian's chromium and chromium-driver on PATH \
             (apt-get install -y chromium chromium-driver; scripts/test does this); \
             set SARING_SKIP_BROWSER=1 to skip it"
        );
    };

    let test_store = common::sqlite().await;
    let store = test_store.store.clone();
    let listing = support::listing(
        "shopee",
        "BROWSER-1",
        "Bal karungan baju bekas impor Korea 100 kg",
        "Stok bal baru datang, grosir, kirim seluruh Indonesia.",
    );
    let case_id = support::seed_case(&store, &listing, "Bal karungan", Priority::Wholesale).await;
    let reviewer = support::key(&store, Role::Reviewer, &["shopee"]).await;
    let base = support::serve(store.clone()).await;
    let receiver = shopee_receiver(&store).await;

    let (_driver, port) = start_chromedriver(&driver).await;
    let browser = headless_chromium(&chromium, port).await;

    browser
        .goto(&format!("{base}/ui/sign-in?lang=en"))
        .await
        .expect("sign-in page");
    browser
        .find(Locator::Css("#key"))
        .await
        .expect("key field")
        .send_keys(&reviewer)
        .await
        .expect("type the key");
    browser
        .find(Locator::Css("#sign-in"))
        .await
        .expect("sign-in button")
        .click()
        .await
        .expect("sign in");
    wait_for_path(&browser, "/ui/queue").await;

    browser
        .find(Locator::Css(&format!("a[href='/ui/cases/{case_id}']")))
        .await
        .expect("the case is in the queue")
        .click()
        .await
        .expect("open the case");
    wait_for_path(&browser, &format!("/ui/cases/{case_id}")).await;
    let marked = browser
        .find(Locator::Css("#listing-title mark"))
        .await
        .expect("matched words are highlighted")
        .text()
        .await
        .expect("mark text");
    assert_eq!(marked, "Bal karungan");

    browser
        .find(Locator::Css("#reason"))
        .await
        .expect("reason field")
        .send_keys(REASON)
        .await
        .expect("type the reason");
    browser
        .find(Locator::Css("#confirm"))
        .await
        .expect("confirm button")
        .click()
        .await
        .expect("confirm");
    wait_for_text(&browser, "#case-state", "confirmed").await;
    browser
        .find(Locator::Css("#action-list"))
        .await
        .expect("the page lists the enforcement actions");

    let path = screenshot_path();
    let png = browser.screenshot().await.expect("screenshot");
    std::fs::write(&path, png).expect("write the screenshot");
    println!("screenshot: {}", path.display());
    browser.close().await.expect("close the browser");

    assert_enforcement_followed(&store, case_id, &receiver).await;
    let events = store.case(case_id).await.expect("case").events;
    assert_eq!(events.last().map(|e| e.reason.as_str()), Some(REASON));
}
