//! Stores for tests: a fresh SQLite file, or a fresh PostgreSQL schema, per test.

#![allow(dead_code)]

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use saring_core::{Decision, Listing, Priority, Reason, SignalKind, Verdict};
use saring_store::Store;

/// PostgreSQL the tests use (trust auth); override with SARING_TEST_POSTGRES.
pub fn postgres_url() -> String {
    std::env::var("SARING_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_string())
}

/// A store and what keeps it alive (the SQLite directory).
pub struct TestStore {
    pub store: Store,
    pub url: String,
    /// The PostgreSQL schema, dropped when the test passes.
    pub schema: Option<String>,
    _dir: Option<tempfile::TempDir>,
}

pub async fn sqlite() -> TestStore {
    let dir = tempfile::tempdir().expect("temporary directory");
    let url = format!("sqlite://{}", dir.path().join("saring.db").display());
    let store = Store::connect(&url).await.expect("sqlite store");
    TestStore {
        store,
        url,
        schema: None,
        _dir: Some(dir),
    }
}

/// A unique schema name per test and process.
pub fn fresh_schema() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or_default();
    format!(
        "t_{}_{}_{}",
        std::process::id(),
        nanos,
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

async fn admin_sql(sql: String) {
    sqlx::any::install_default_drivers();
    let admin = sqlx::AnyPool::connect(&postgres_url())
        .await
        .expect("PostgreSQL at 127.0.0.1:5432");
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .execute(&admin)
        .await
        .expect("schema statement");
    admin.close().await;
}

/// Drops a test's schema once the test passed (a failed test leaves it for inspection).
pub async fn drop_schema(schema: Option<String>) {
    if let Some(schema) = schema {
        admin_sql(format!("DROP SCHEMA {schema} CASCADE")).await;
    }
}

/// A fresh schema of the test database and a URL whose connections use it.
pub async fn postgres_schema_url() -> (String, String) {
    let schema = fresh_schema();
    admin_sql(format!("CREATE SCHEMA {schema}")).await;
    let url = format!("{}?options=-c%20search_path%3D{schema}", postgres_url());
    (schema, url)
}

pub async fn postgres() -> TestStore {
    let (schema, url) = postgres_schema_url().await;
    let store = Store::connect(&url).await.expect("postgres store");
    TestStore {
        store,
        url,
        schema: Some(schema),
        _dir: None,
    }
}

/// Runs the same async test body against SQLite and PostgreSQL.
#[macro_export]
macro_rules! on_both_stores {
    ($($name:ident),* $(,)?) => {
        mod sqlite_store {
            $(
                #[tokio::test(flavor = "current_thread")]
                async fn $name() {
                    super::$name($crate::common::sqlite().await).await;
                }
            )*
        }
        mod postgres_store {
            $(
                #[tokio::test(flavor = "current_thread")]
                async fn $name() {
                    let test_store = $crate::common::postgres().await;
                    let schema = test_store.schema.clone();
                    super::$name(test_store).await;
                    $crate::common::drop_schema(schema).await;
                }
            )*
        }
    };
}

pub const DAY: i64 = 24 * 60 * 60 * 1000;
pub const T0: i64 = 1_800_000_000_000;

pub fn listing(id: &str, seller: &str, title: &str) -> Listing {
    let json = serde_json::json!({
        "id": id, "platform": "shopee", "title": title, "price": 150000,
        "url": format!("https://shopee.co.id/{id}"),
        "seller": {"id": seller, "name": "Toko Thrift", "phone": "0812-2233-4455"}
    });
    Listing::from_value(json).expect("valid listing").listing
}

pub fn decision(listing: &Listing, verdict: Verdict, priority: Priority) -> Decision {
    Decision {
        id: listing.id.clone(),
        platform: listing.platform,
        decision: verdict,
        score: if verdict == Verdict::Allow { 0.1 } else { 0.8 },
        priority,
        reasons: vec![Reason {
            kind: SignalKind::Rule,
            name: "used imported clothing".into(),
            detail: "offers used clothing from abroad".into(),
            spans: Vec::new(),
        }],
        legal_basis: vec!["Permendag 47/2025".into()],
        model_version: "test".into(),
    }
}

/// `listing` screened as `verdict`, ready to record.
pub fn prepared(
    listing: &Listing,
    verdict: Verdict,
    priority: Priority,
) -> saring_store::PreparedDecision {
    let decision = decision(listing, verdict, priority);
    let hashes =
        vec!["d8f8f0cec0f4a84f0637022a278f67f0b36e2ed596621e1d33e6339c4e9c9b22".to_string()];
    let normalised = listing.title.to_lowercase();
    let item = saring_store::Screened {
        listing,
        decision: &decision,
        image_hashes: &hashes,
        normalised_text: &normalised,
    };
    saring_store::PreparedDecision::new(&item).expect("prepare")
}

/// Records one screening of `listing` at `now`.
pub async fn screen(
    store: &Store,
    listing: &Listing,
    verdict: Verdict,
    priority: Priority,
    now: i64,
) -> saring_store::RecordSummary {
    store
        .record_decisions(&[prepared(listing, verdict, priority)], now)
        .await
        .expect("record")
}

/// Screens the listings `first..first + count` (seller s1) for review, one at a time: two
/// audit entries each (the decision and the case opening).
pub async fn screen_flagged(store: &Store, first: i64, count: i64) {
    for n in first..first + count {
        screen(
            store,
            &listing(&n.to_string(), "s1", "Jaket bekas"),
            Verdict::Review,
            Priority::Retail,
            T0 + n,
        )
        .await;
    }
}

pub fn enforcement() -> saring_core::EnforcementPolicy {
    saring_core::EnforcementPolicy::from_toml(include_str!("../../../../config/enforcement.toml"))
        .expect("bundled enforcement policy")
}

/// Screens a new listing `id` of `seller` for review and confirms its case at `now`.
pub async fn confirm_new(
    store: &Store,
    id: &str,
    seller: &str,
    priority: Priority,
    now: i64,
) -> saring_store::CaseDetail {
    let flagged = listing(id, seller, &format!("Jaket bekas import {id}"));
    screen(store, &flagged, Verdict::Review, priority, now).await;
    let case = store
        .list_cases(&saring_store::CaseFilter::default(), now)
        .await
        .expect("list")
        .into_iter()
        .find(|c| c.listing_id == id)
        .expect("case opened");
    store
        .decide_case(
            case.id,
            saring_store::ReviewOutcome::Confirm,
            "ana",
            "used imported jacket",
            &enforcement(),
            now,
        )
        .await
        .expect("confirm")
}
