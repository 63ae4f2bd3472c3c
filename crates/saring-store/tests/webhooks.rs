//! The webhook outbox on SQLite and PostgreSQL: an event per action in the same
//! transaction, claims and leases, backoff, dead letters and retries.

mod common;

use common::{DAY, T0, TestStore, confirm_new, enforcement, listing, screen};
use saring_core::{Priority, Verdict};
use saring_store::{
    AppealOutcome, CaseFilter, ENFORCEMENT_ACTION, OutboxStatus, RetryPolicy, ReviewOutcome, Store,
    StoreError,
};
use serde_json::Value;
use sqlx::Row;

on_both_stores!(
    every_action_has_one_event_naming_the_seller_by_id_only,
    an_action_is_never_written_without_its_event,
    events_wait_for_an_enabled_endpoint_of_their_platform,
    a_claim_leases_events_and_concurrent_claims_are_disjoint,
    failures_back_off_then_dead_letter_and_a_retry_requeues,
    delivery_marks_the_event_and_its_action_delivered,
    pending_actions_without_an_event_get_one_when_a_store_connects,
);

const SECRET: &str = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

async fn events(store: &Store, status: Option<OutboxStatus>) -> Vec<saring_store::OutboxEvent> {
    store.webhook_events(status).await.expect("outbox events")
}

async fn audit_kinds(store: &Store) -> Vec<String> {
    sqlx::query("SELECT kind FROM audit_log ORDER BY seq")
        .fetch_all(store.pool())
        .await
        .expect("audit")
        .iter()
        .map(|row| row.try_get("kind").expect("kind"))
        .collect()
}

async fn every_action_has_one_event_naming_the_seller_by_id_only(t: TestStore) {
    let store = &t.store;
    let policy = enforcement();
    let detail = confirm_new(store, "1", "s1", Priority::Wholesale, T0).await;
    let appeal = store
        .file_appeal(detail.case.id, "s1", "my own clothes", T0 + DAY)
        .await
        .expect("appeal");
    let overturned = store
        .decide_appeal(
            appeal,
            AppealOutcome::Overturned,
            "budi",
            "receipt",
            &policy,
            T0 + 2 * DAY,
        )
        .await
        .expect("overturn");
    let actions = overturned.actions;
    assert_eq!(actions.len(), 4, "takedown, ban, referral, reinstatement");
    let outbox = events(store, None).await;
    assert_eq!(
        outbox.iter().map(|e| e.action_id).collect::<Vec<_>>(),
        actions.iter().map(|a| Some(a.id)).collect::<Vec<_>>()
    );
    let mut event_ids: Vec<&str> = outbox.iter().map(|e| e.event_id.as_str()).collect();
    event_ids.sort_unstable();
    event_ids.dedup();
    assert_eq!(event_ids.len(), 4, "event ids are distinct");
    for (event, action) in outbox.iter().zip(&actions) {
        assert_eq!(event.status, OutboxStatus::Pending);
        assert_eq!((event.attempts, event.platform.as_str()), (0, "shopee"));
        assert_eq!(event.event_kind, ENFORCEMENT_ACTION);
        assert_eq!(event.next_attempt_at, action.created_at);
        let payload: Value = serde_json::from_str(&event.payload_json).expect("payload JSON");
        assert_eq!(payload["event_id"], event.event_id.as_str());
        assert_eq!(payload["action_id"], action.id);
        assert_eq!(payload["case_id"], detail.case.id);
        assert_eq!(payload["kind"], action.kind.as_str());
        assert_eq!(payload["seller_id"], "s1");
        assert_eq!(payload["listing_id"], "1");
        assert_eq!(payload["listing_url"], "https://shopee.co.id/1");
        assert_eq!(
            payload["legal_basis"],
            serde_json::json!(action.legal_basis)
        );
        assert!(
            payload["decided_at"]
                .as_str()
                .is_some_and(|t| t.ends_with('Z'))
        );
        assert!(
            !event.payload_json.contains("0812") && !event.payload_json.contains("Toko Thrift"),
            "only ids leave the store: {}",
            event.payload_json
        );
    }
    assert_eq!(
        serde_json::from_str::<Value>(&outbox[3].payload_json).expect("JSON")["kind"],
        "reinstatement"
    );
}

async fn an_action_is_never_written_without_its_event(t: TestStore) {
    let store = &t.store;
    screen(
        store,
        &listing("1", "s1", "Jaket bekas import"),
        Verdict::Review,
        Priority::Retail,
        T0,
    )
    .await;
    let case = store
        .list_cases(&CaseFilter::default(), T0)
        .await
        .expect("list")
        .remove(0);
    let rename = |from: &str, to: &str| format!("ALTER TABLE {from} RENAME TO {to}");
    sqlx::query(sqlx::AssertSqlSafe(rename("webhook_outbox", "outbox_away")))
        .execute(store.pool())
        .await
        .expect("hide the outbox");
    let failed = store
        .decide_case(
            case.id,
            ReviewOutcome::Confirm,
            "ana",
            "bale",
            &enforcement(),
            T0,
        )
        .await;
    assert!(matches!(failed, Err(StoreError::Database(_))), "{failed:?}");
    sqlx::query(sqlx::AssertSqlSafe(rename("outbox_away", "webhook_outbox")))
        .execute(store.pool())
        .await
        .expect("restore the outbox");
    let detail = store.case(case.id).await.expect("case");
    assert!(detail.actions.is_empty(), "the confirmation rolled back");
    assert_eq!(detail.case.state, saring_core::CaseState::Open);
    let confirmed = store
        .decide_case(
            case.id,
            ReviewOutcome::Confirm,
            "ana",
            "bale",
            &enforcement(),
            T0 + 1,
        )
        .await
        .expect("confirm");
    assert_eq!(events(store, None).await.len(), confirmed.actions.len());
}

async fn events_wait_for_an_enabled_endpoint_of_their_platform(t: TestStore) {
    let store = &t.store;
    confirm_new(store, "1", "s1", Priority::Retail, T0).await;
    let due = T0 + 1;
    assert!(
        store
            .claim_webhook_deliveries(due, 10, 1_000)
            .await
            .expect("claim")
            .is_empty()
    );
    store
        .set_webhook_endpoint(
            "tokopedia",
            "https://tokopedia.example/hook",
            SECRET,
            "ops",
            T0,
        )
        .await
        .expect("set");
    assert!(
        store
            .claim_webhook_deliveries(due, 10, 1_000)
            .await
            .expect("claim")
            .is_empty()
    );
    let counts = store.webhook_outbox_counts().await.expect("counts");
    assert_eq!(counts.len(), 1);
    assert_eq!(
        (counts[0].platform.as_str(), counts[0].pending),
        ("shopee", 2)
    );
    store
        .set_webhook_endpoint("shopee", "https://shopee.example/hook", SECRET, "ops", T0)
        .await
        .expect("set");
    store
        .disable_webhook_endpoint("shopee", "ops", T0)
        .await
        .expect("disable");
    assert!(
        store
            .claim_webhook_deliveries(due, 10, 1_000)
            .await
            .expect("claim")
            .is_empty()
    );
    let endpoints = store.webhook_endpoints().await.expect("endpoints");
    assert_eq!(
        endpoints
            .iter()
            .map(|e| (e.platform.as_str(), e.enabled))
            .collect::<Vec<_>>(),
        [("shopee", false), ("tokopedia", true)]
    );
    store
        .set_webhook_endpoint("shopee", "https://shopee.example/v2", SECRET, "ops", T0)
        .await
        .expect("set again");
    let claimed = store
        .claim_webhook_deliveries(due, 10, 1_000)
        .await
        .expect("claim");
    assert_eq!(claimed.len(), 2);
    assert!(
        claimed
            .iter()
            .all(|d| d.url == "https://shopee.example/v2" && d.signing_secret == SECRET)
    );
    assert!(matches!(
        store.disable_webhook_endpoint("lazada", "ops", T0).await,
        Err(StoreError::NoSuchEndpoint(_))
    ));
    let kinds = audit_kinds(store).await;
    assert_eq!(
        kinds
            .iter()
            .filter(|k| *k == "webhook_endpoint_set")
            .count(),
        3
    );
    assert_eq!(
        kinds
            .iter()
            .filter(|k| *k == "webhook_endpoint_disabled")
            .count(),
        1
    );
    let audit_text: Vec<String> = sqlx::query("SELECT payload_json FROM audit_log")
        .fetch_all(store.pool())
        .await
        .expect("audit")
        .iter()
        .map(|row| row.try_get("payload_json").expect("payload"))
        .collect();
    assert!(
        audit_text.iter().all(|p| !p.contains(SECRET)),
        "no secret in the audit log"
    );
}

async fn a_claim_leases_events_and_concurrent_claims_are_disjoint(t: TestStore) {
    let store = &t.store;
    confirm_new(store, "1", "s1", Priority::Wholesale, T0).await;
    store
        .set_webhook_endpoint("shopee", "https://shopee.example/hook", SECRET, "ops", T0)
        .await
        .expect("set");
    let other = Store::connect(&t.url).await.expect("second connection");
    let (first, second) = tokio::join!(
        store.claim_webhook_deliveries(T0, 2, 60_000),
        other.claim_webhook_deliveries(T0, 2, 60_000),
    );
    let mut ids: Vec<i64> = first
        .expect("claim")
        .iter()
        .chain(&second.expect("claim"))
        .map(|d| d.event.id)
        .collect();
    ids.sort_unstable();
    assert_eq!(ids.len(), 3, "three events, each claimed once: {ids:?}");
    ids.dedup();
    assert_eq!(ids.len(), 3, "no event claimed twice");
    assert!(
        store
            .claim_webhook_deliveries(T0 + 59_999, 10, 60_000)
            .await
            .expect("claim")
            .is_empty()
    );
    let again = store
        .claim_webhook_deliveries(T0 + 60_000, 2, 60_000)
        .await
        .expect("claim");
    assert_eq!(
        again.iter().map(|d| d.event.id).collect::<Vec<_>>(),
        ids[..2],
        "a lapsed lease makes events due again, oldest first"
    );
    other.close().await;
}

async fn failures_back_off_then_dead_letter_and_a_retry_requeues(t: TestStore) {
    let store = &t.store;
    confirm_new(store, "1", "s1", Priority::Retail, T0).await;
    let id = events(store, None).await[0].id;
    let policy = RetryPolicy {
        max_attempts: 3,
        base_delay_ms: 1_000,
        max_delay_ms: 1_500,
    };
    let mut now = T0;
    for (expected_delay, expected_status) in [
        (1_000, OutboxStatus::Pending),
        (1_500, OutboxStatus::Pending),
    ] {
        let status = store
            .mark_webhook_failed(id, "HTTP 500 Internal Server Error", &policy, now)
            .await
            .expect("failed");
        assert_eq!(status, expected_status);
        let event = events(store, None).await.remove(0);
        assert_eq!(event.next_attempt_at - now, expected_delay);
        now = event.next_attempt_at;
    }
    assert!(
        !audit_kinds(store)
            .await
            .contains(&"webhook_dead_letter".to_string())
    );
    let status = store
        .mark_webhook_failed(id, "timed out", &policy, now)
        .await
        .expect("failed");
    assert_eq!(status, OutboxStatus::Dead);
    let dead = events(store, Some(OutboxStatus::Dead)).await;
    assert_eq!(dead.len(), 1);
    assert_eq!((dead[0].id, dead[0].attempts), (id, 3));
    assert_eq!(dead[0].last_error.as_deref(), Some("timed out"));
    store
        .set_webhook_endpoint("shopee", "https://shopee.example/hook", SECRET, "ops", now)
        .await
        .expect("set");
    let claimed = store
        .claim_webhook_deliveries(now + DAY, 10, 1_000)
        .await
        .expect("claim");
    assert!(
        claimed.iter().all(|d| d.event.id != id),
        "dead letters are not claimed"
    );
    assert!(matches!(
        store
            .retry_webhook_dead_letter(id + 1_000, "ops", now)
            .await,
        Err(StoreError::NoSuchOutboxEvent(_))
    ));
    store
        .retry_webhook_dead_letter(id, "ops", now + DAY)
        .await
        .expect("retry");
    assert!(matches!(
        store.retry_webhook_dead_letter(id, "ops", now + DAY).await,
        Err(StoreError::NotDead(_))
    ));
    let retried = events(store, None).await.remove(0);
    assert_eq!(
        (retried.status, retried.attempts, retried.next_attempt_at),
        (OutboxStatus::Pending, 0, now + DAY)
    );
    let kinds = audit_kinds(store).await;
    assert!(kinds.contains(&"webhook_dead_letter".to_string()));
    assert!(kinds.contains(&"webhook_retry".to_string()));
    assert!(store.verify_audit().await.expect("verify").is_intact());
}

async fn delivery_marks_the_event_and_its_action_delivered(t: TestStore) {
    let store = &t.store;
    let detail = confirm_new(store, "1", "s1", Priority::Retail, T0).await;
    assert_eq!(store.pending_actions().await.expect("pending").len(), 2);
    let first = events(store, None).await.remove(0);
    store
        .mark_webhook_delivered(first.id, T0 + 5)
        .await
        .expect("delivered");
    let event = events(store, Some(OutboxStatus::Delivered)).await.remove(0);
    assert_eq!((event.id, event.delivered_at), (first.id, Some(T0 + 5)));
    let pending = store.pending_actions().await.expect("pending");
    assert_eq!(pending.len(), 1);
    assert_ne!(Some(pending[0].id), first.action_id);
    let delivered = store.case(detail.case.id).await.expect("case").actions;
    assert_eq!(
        delivered
            .iter()
            .map(|a| a.status.as_str())
            .collect::<Vec<_>>(),
        ["delivered", "pending"]
    );
    let status = store
        .mark_webhook_failed(first.id, "late failure", &RetryPolicy::default(), T0 + 6)
        .await
        .expect("late failure");
    assert_eq!(
        status,
        OutboxStatus::Delivered,
        "a late failure changes nothing"
    );
}

async fn pending_actions_without_an_event_get_one_when_a_store_connects(t: TestStore) {
    let store = &t.store;
    let detail = confirm_new(store, "1", "s1", Priority::Retail, T0).await;
    let first = events(store, None).await.remove(0);
    store
        .mark_webhook_delivered(first.id, T0 + 5)
        .await
        .expect("delivered");
    // As if recorded before the outbox existed: the pending action has no event.
    sqlx::query("DELETE FROM webhook_outbox WHERE status = 'pending'")
        .execute(store.pool())
        .await
        .expect("delete");
    for _ in 0..2 {
        let reconnected = Store::connect(&t.url).await.expect("reconnect");
        let outbox = events(&reconnected, None).await;
        assert_eq!(outbox.len(), 2, "one event per action, written once");
        let pending = &outbox[1];
        let action = &detail.actions[1];
        assert_eq!(
            (pending.action_id, pending.status, pending.next_attempt_at),
            (Some(action.id), OutboxStatus::Pending, action.created_at)
        );
        let payload: Value = serde_json::from_str(&pending.payload_json).expect("JSON");
        assert_eq!(payload["kind"], action.kind.as_str());
        assert_eq!(payload["detail"], action.detail.as_str());
        reconnected.close().await;
    }
}
