//! Delivery end to end on SQLite and PostgreSQL: a real HTTP receiver on 127.0.0.1 checks
//! every request's signature and records the event ids it accepted.

#[path = "../../saring-store/tests/common/mod.rs"]
mod common;

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use common::{DAY, TestStore, confirm_new};
use saring_core::Priority;
use saring_store::{OutboxEvent, OutboxStatus, RetryPolicy, Store};
use saring_webhooks::{
    DEFAULT_TOLERANCE_SECONDS, DeliveryCounts, Dispatcher, DispatcherConfig, EVENT_ID_HEADER,
    SIGNATURE_HEADER, new_signing_secret, verify,
};
use serde_json::Value;

on_both_stores!(
    a_confirmed_case_is_delivered_signed_once_an_endpoint_is_set,
    a_failing_receiver_gets_each_event_after_retries_with_growing_backoff,
    after_n_failures_the_event_is_dead_and_a_retry_delivers_it,
    a_restart_loses_no_pending_event,
    transport_failures_are_recorded_without_secrets,
    the_loop_delivers_new_events_until_shut_down,
);

/// What the receiver saw.
#[derive(Default)]
struct Log {
    /// Requests per event id (valid signatures only).
    attempts: HashMap<String, usize>,
    /// Accepted events: the id from the header and the body.
    accepted: Vec<(String, Value)>,
    /// Requests whose signature did not verify.
    refused: usize,
}

/// A platform's webhook receiver.
struct Receiver {
    secret: String,
    /// Answer 500 to the first this many requests of each event.
    fail_first: usize,
    /// Answer 500 to everything while set.
    failing: AtomicBool,
    /// Wait this long before answering.
    delay: Duration,
    log: Mutex<Log>,
}

impl Receiver {
    fn new(fail_first: usize, delay: Duration) -> Arc<Receiver> {
        Arc::new(Receiver {
            secret: new_signing_secret().expect("secret"),
            fail_first,
            failing: AtomicBool::new(false),
            delay,
            log: Mutex::new(Log::default()),
        })
    }

    /// Serves on 127.0.0.1 at a free port; returns the endpoint URL.
    async fn serve(self: &Arc<Self>) -> String {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1");
        let address = listener.local_addr().expect("address");
        let app = Router::new()
            .route("/hook", post(receive))
            .with_state(Arc::clone(self));
        tokio::spawn(async move { axum::serve(listener, app).await });
        format!("http://{address}/hook")
    }

    fn accepted_ids(&self) -> Vec<String> {
        let log = self.log.lock().expect("log");
        let mut ids: Vec<String> = log.accepted.iter().map(|(id, _)| id.clone()).collect();
        ids.sort();
        ids
    }
}

async fn receive(
    State(receiver): State<Arc<Receiver>>,
    headers: HeaderMap,
    body: Bytes,
) -> StatusCode {
    tokio::time::sleep(receiver.delay).await;
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
    let mut log = receiver.log.lock().expect("log");
    let signature = header(SIGNATURE_HEADER);
    let secret = receiver.secret.as_bytes();
    if verify(secret, &signature, &body, now, DEFAULT_TOLERANCE_SECONDS).is_err() {
        log.refused += 1;
        return StatusCode::UNAUTHORIZED;
    }
    let event_id = header(EVENT_ID_HEADER);
    let attempt = log.attempts.entry(event_id.clone()).or_default();
    *attempt += 1;
    if *attempt <= receiver.fail_first || receiver.failing.load(Ordering::SeqCst) {
        return StatusCode::INTERNAL_SERVER_ERROR;
    }
    let payload = serde_json::from_slice(&body).unwrap_or(Value::Null);
    log.accepted.push((event_id, payload));
    StatusCode::OK
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("clock")
        .as_millis() as i64
}

fn config(max_attempts: u32) -> DispatcherConfig {
    DispatcherConfig {
        retry: RetryPolicy {
            max_attempts,
            base_delay_ms: 1_000,
            max_delay_ms: 60_000,
        },
        request_timeout: Duration::from_millis(1_500),
        connect_timeout: Duration::from_millis(1_000),
        batch_size: 32,
        poll_interval: Duration::from_millis(50),
    }
}

async fn events(store: &Store, status: Option<OutboxStatus>) -> Vec<OutboxEvent> {
    store.webhook_events(status).await.expect("outbox")
}

async fn set_endpoint(store: &Store, receiver: &Receiver, url: &str, now: i64) {
    store
        .set_webhook_endpoint("shopee", url, &receiver.secret, "ops", now)
        .await
        .expect("set endpoint");
}

fn sorted_event_ids(events: &[OutboxEvent]) -> Vec<String> {
    let mut ids: Vec<String> = events.iter().map(|e| e.event_id.clone()).collect();
    ids.sort();
    ids
}

fn counts(delivered: usize, retrying: usize, dead: usize) -> DeliveryCounts {
    DeliveryCounts {
        delivered,
        retrying,
        dead,
    }
}

async fn a_confirmed_case_is_delivered_signed_once_an_endpoint_is_set(t: TestStore) {
    let store = &t.store;
    let receiver = Receiver::new(0, Duration::ZERO);
    let url = receiver.serve().await;
    let dispatcher = Dispatcher::new(store.clone(), config(8)).expect("dispatcher");
    let now = now_ms();
    let detail = confirm_new(store, "1", "s1", Priority::Wholesale, now).await;
    assert_eq!(detail.actions.len(), 3, "takedown, ban, referral");
    assert_eq!(
        dispatcher.run_once(now).await.expect("run"),
        counts(0, 0, 0),
        "no endpoint yet: the events wait"
    );
    assert_eq!(events(store, Some(OutboxStatus::Pending)).await.len(), 3);
    set_endpoint(store, &receiver, &url, now).await;
    assert_eq!(
        dispatcher.run_once(now).await.expect("run"),
        counts(3, 0, 0)
    );
    let outbox = events(store, None).await;
    assert_eq!(receiver.accepted_ids(), sorted_event_ids(&outbox));
    assert!(outbox.iter().all(|e| e.status == OutboxStatus::Delivered));
    {
        let log = receiver.log.lock().expect("log");
        assert_eq!(log.refused, 0, "every signature verified");
        for (event_id, payload) in &log.accepted {
            assert_eq!(payload["event_id"], event_id.as_str());
            let action = detail
                .actions
                .iter()
                .find(|a| payload["action_id"] == a.id)
                .expect("the payload names its action");
            assert_eq!(payload["kind"], action.kind.as_str());
            assert_eq!(payload["seller_id"], "s1");
            assert_eq!(payload["listing_url"], "https://shopee.co.id/1");
        }
    }
    assert!(store.pending_actions().await.expect("actions").is_empty());
    assert_eq!(
        dispatcher.run_once(now + DAY).await.expect("run"),
        counts(0, 0, 0),
        "a delivered event is not sent again"
    );
}

async fn a_failing_receiver_gets_each_event_after_retries_with_growing_backoff(t: TestStore) {
    let store = &t.store;
    let receiver = Receiver::new(3, Duration::ZERO);
    let url = receiver.serve().await;
    let dispatcher = Dispatcher::new(store.clone(), config(8)).expect("dispatcher");
    let mut now = now_ms();
    confirm_new(store, "1", "s1", Priority::Retail, now).await;
    set_endpoint(store, &receiver, &url, now).await;
    for (round, expected_delay) in [1_000, 2_000, 4_000].into_iter().enumerate() {
        assert_eq!(
            dispatcher.run_once(now).await.expect("run"),
            counts(0, 2, 0)
        );
        let pending = events(store, Some(OutboxStatus::Pending)).await;
        assert_eq!(pending.len(), 2);
        for event in &pending {
            assert_eq!(event.attempts, round as i64 + 1);
            assert_eq!(event.next_attempt_at - now, expected_delay, "round {round}");
            assert_eq!(
                event.last_error.as_deref(),
                Some("HTTP 500 Internal Server Error")
            );
        }
        let next = pending[0].next_attempt_at;
        assert_eq!(
            dispatcher
                .run_once(next - 1)
                .await
                .expect("run")
                .attempted(),
            0,
            "nothing is sent before the backoff ends"
        );
        now = next;
    }
    assert_eq!(
        dispatcher.run_once(now).await.expect("run"),
        counts(2, 0, 0)
    );
    let outbox = events(store, None).await;
    assert_eq!(receiver.accepted_ids(), sorted_event_ids(&outbox));
    assert!(outbox.iter().all(|e| e.last_error.is_none()));
    let log = receiver.log.lock().expect("log");
    assert!(log.attempts.values().all(|&n| n == 4), "{:?}", log.attempts);
}

async fn after_n_failures_the_event_is_dead_and_a_retry_delivers_it(t: TestStore) {
    let store = &t.store;
    let receiver = Receiver::new(0, Duration::ZERO);
    receiver.failing.store(true, Ordering::SeqCst);
    let url = receiver.serve().await;
    let dispatcher = Dispatcher::new(store.clone(), config(3)).expect("dispatcher");
    let mut now = now_ms();
    confirm_new(store, "1", "s1", Priority::Retail, now).await;
    set_endpoint(store, &receiver, &url, now).await;
    assert_eq!(
        dispatcher.run_once(now).await.expect("run"),
        counts(0, 2, 0)
    );
    now += 1_000;
    assert_eq!(
        dispatcher.run_once(now).await.expect("run"),
        counts(0, 2, 0)
    );
    now += 2_000;
    assert_eq!(
        dispatcher.run_once(now).await.expect("run"),
        counts(0, 0, 2)
    );
    let dead = events(store, Some(OutboxStatus::Dead)).await;
    assert_eq!(dead.len(), 2);
    assert!(dead.iter().all(|e| e.attempts == 3));
    assert_eq!(
        dispatcher
            .run_once(now + DAY)
            .await
            .expect("run")
            .attempted(),
        0,
        "dead letters wait for a retry"
    );
    receiver.failing.store(false, Ordering::SeqCst);
    store
        .retry_webhook_dead_letter(dead[0].id, "ops", now)
        .await
        .expect("retry");
    assert_eq!(
        dispatcher.run_once(now).await.expect("run"),
        counts(1, 0, 0)
    );
    assert_eq!(receiver.accepted_ids(), [dead[0].event_id.clone()]);
    let still_dead = events(store, Some(OutboxStatus::Dead)).await;
    assert_eq!(
        still_dead.iter().map(|e| e.id).collect::<Vec<_>>(),
        [dead[1].id]
    );
    assert!(store.verify_audit().await.expect("audit").is_intact());
}

async fn a_restart_loses_no_pending_event(t: TestStore) {
    let receiver = Receiver::new(0, Duration::ZERO);
    receiver.failing.store(true, Ordering::SeqCst);
    let url = receiver.serve().await;
    let now = now_ms();
    let lease_ms = 60_000;
    {
        let store = &t.store;
        let dispatcher = Dispatcher::new(store.clone(), config(8)).expect("dispatcher");
        confirm_new(store, "1", "s1", Priority::Retail, now).await;
        set_endpoint(store, &receiver, &url, now).await;
        assert_eq!(
            dispatcher.run_once(now).await.expect("run"),
            counts(0, 2, 0)
        );
        // Two more events, claimed by a dispatcher that dies before marking them.
        confirm_new(store, "2", "s2", Priority::Retail, now + 1).await;
        let in_flight = store
            .claim_webhook_deliveries(now + 1, 10, lease_ms)
            .await
            .expect("claim");
        assert_eq!(in_flight.len(), 2);
        drop(dispatcher);
        store.close().await;
    }
    receiver.failing.store(false, Ordering::SeqCst);
    let store = Store::connect(&t.url).await.expect("reconnect");
    let dispatcher = Dispatcher::new(store.clone(), config(8)).expect("dispatcher");
    assert_eq!(
        dispatcher.run_once(now + 1_000).await.expect("run"),
        counts(2, 0, 0),
        "the failed events are due after their backoff"
    );
    assert_eq!(
        dispatcher.run_once(now + 1 + lease_ms).await.expect("run"),
        counts(2, 0, 0),
        "the claimed events are due once the dead dispatcher's lease lapses"
    );
    let outbox = events(&store, None).await;
    assert_eq!(outbox.len(), 4);
    assert_eq!(receiver.accepted_ids(), sorted_event_ids(&outbox));
    store.close().await;
}

async fn transport_failures_are_recorded_without_secrets(t: TestStore) {
    let store = &t.store;
    let dispatcher = Dispatcher::new(store.clone(), config(8)).expect("dispatcher");
    let mut now = now_ms();
    confirm_new(store, "1", "s1", Priority::Retail, now).await;
    let closed = {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        listener.local_addr().expect("address")
    };
    let slow = Receiver::new(0, Duration::from_secs(5));
    let secret = slow.secret.clone();
    let token = "token-in-the-url";
    let url = format!("http://{closed}/hook?token={token}");
    set_endpoint(store, &slow, &url, now).await;
    assert_eq!(
        dispatcher.run_once(now).await.expect("run"),
        counts(0, 2, 0)
    );
    let refused = events(store, None).await;
    for event in &refused {
        let error = event.last_error.as_deref().unwrap_or_default();
        assert!(error.starts_with("connection failed"), "{error}");
        assert!(
            !error.contains(token) && !error.contains(&secret),
            "{error}"
        );
    }
    let slow_url = format!("{}?token={token}", slow.serve().await);
    set_endpoint(store, &slow, &slow_url, now).await;
    now = refused[0].next_attempt_at;
    let started = std::time::Instant::now();
    assert_eq!(
        dispatcher.run_once(now).await.expect("run"),
        counts(0, 2, 0)
    );
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "requests time out"
    );
    for event in events(store, None).await {
        let error = event.last_error.unwrap_or_default();
        assert!(error.starts_with("timed out"), "{error}");
        assert!(
            !error.contains(token) && !error.contains(&secret),
            "{error}"
        );
    }
}

async fn the_loop_delivers_new_events_until_shut_down(t: TestStore) {
    let store = &t.store;
    let receiver = Receiver::new(0, Duration::ZERO);
    let url = receiver.serve().await;
    set_endpoint(store, &receiver, &url, now_ms()).await;
    let dispatcher = Dispatcher::new(store.clone(), config(8)).expect("dispatcher");
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let running = tokio::spawn(async move {
        dispatcher
            .run(async {
                stopped.await.ok();
            })
            .await
    });
    confirm_new(store, "1", "s1", Priority::Retail, now_ms()).await;
    confirm_new(store, "2", "s2", Priority::Wholesale, now_ms()).await;
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    while receiver.accepted_ids().len() < 5 {
        assert!(
            std::time::Instant::now() < deadline,
            "the loop delivered {:?}",
            receiver.accepted_ids()
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    stop.send(()).expect("the loop is running");
    running
        .await
        .expect("the loop task")
        .expect("the loop ends without error");
    assert_eq!(
        receiver.accepted_ids(),
        sorted_event_ids(&events(store, None).await)
    );
}
