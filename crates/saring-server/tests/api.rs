//! End to end over a real listener and HTTP client, on a real store (every scenario on
//! SQLite and on PostgreSQL): screening, cases, appeals, sellers, the lexicon, hash banks,
//! takedowns, errors, the OpenAPI document, and the access matrix of every route.

use std::net::SocketAddr;

use reqwest::{Client, Method, StatusCode};
use saring_core::Role;
use saring_server::{EngineSetup, Server, ServerConfig, Settings, bind};
use saring_store::Store;
use serde_json::{Value, json};
use tokio::sync::oneshot;

/// The store a scenario runs on.
#[derive(Debug, Clone, Copy)]
enum Backend {
    Sqlite,
    Postgres,
}

/// PostgreSQL the tests use (trust auth); override with SARING_TEST_POSTGRES.
fn postgres_url() -> String {
    std::env::var("SARING_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_string())
}

async fn postgres_admin(sql: String) {
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

/// A store URL for `backend`: a file in `dir`, or a fresh PostgreSQL schema (its name too).
async fn store_url(backend: Backend, dir: &std::path::Path) -> (String, Option<String>) {
    match backend {
        Backend::Sqlite => (
            format!("sqlite://{}", dir.join("saring.db").display()),
            None,
        ),
        Backend::Postgres => {
            static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
            let schema = format!(
                "api_{}_{}_{}",
                std::process::id(),
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|elapsed| elapsed.subsec_nanos())
                    .unwrap_or_default(),
                COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            );
            postgres_admin(format!("CREATE SCHEMA {schema}")).await;
            let url = format!("{}?options=-c%20search_path%3D{schema}", postgres_url());
            (url, Some(schema))
        }
    }
}

/// A running server on a fresh store, with one key per role.
struct Running {
    base: String,
    /// The store's URL.
    url: String,
    client: Client,
    keys: Keys,
    stop: Option<oneshot::Sender<()>>,
    done: tokio::task::JoinHandle<()>,
    schema: Option<String>,
    _dir: tempfile::TempDir,
}

#[derive(Clone)]
struct Keys {
    shopee: String,
    tokopedia: String,
    reviewer_shopee: String,
    reviewer_tokopedia: String,
    regulator: String,
    admin: String,
    revoked: String,
}

async fn key(store: &Store, role: Role, platforms: &[&str]) -> String {
    let platforms: Vec<String> = platforms.iter().map(|p| p.to_string()).collect();
    store
        .create_api_key(role, &platforms, "test", "test", 1)
        .await
        .expect("create key")
        .key
}

async fn start(backend: Backend) -> Running {
    let dir = tempfile::tempdir().expect("temp dir");
    let (url, schema) = store_url(backend, dir.path()).await;
    let store = Store::connect(&url).await.expect("store");
    let revoked = store
        .create_api_key(Role::Admin, &[], "gone", "test", 1)
        .await
        .expect("key");
    store
        .revoke_api_key(&revoked.principal.key_id, "test", 2)
        .await
        .expect("revoke");
    let keys = Keys {
        shopee: key(&store, Role::Platform, &["shopee"]).await,
        tokopedia: key(&store, Role::Platform, &["tokopedia"]).await,
        reviewer_shopee: key(&store, Role::Reviewer, &["shopee"]).await,
        reviewer_tokopedia: key(&store, Role::Reviewer, &["tokopedia"]).await,
        regulator: key(&store, Role::Regulator, &[]).await,
        admin: key(&store, Role::Admin, &[]).await,
        revoked: revoked.key,
    };
    store.close().await;
    serve(url, keys, schema, dir).await
}

/// A server on the store at `url` (made and keyed by [`start`]).
async fn serve(url: String, keys: Keys, schema: Option<String>, dir: tempfile::TempDir) -> Running {
    let flags = Settings {
        listen: Some(SocketAddr::from(([127, 0, 0, 1], 0))),
        store: Some(url.clone()),
        batch_max_items: Some(5),
        ..Settings::default()
    };
    let config = ServerConfig::resolve(None, |_| None, flags).expect("config");
    let server = Server::open(&config, &EngineSetup::default())
        .await
        .expect("server opens");
    let (listener, address) = bind(config.listen).await.expect("bind");
    let (stop, stopped) = oneshot::channel::<()>();
    let done = tokio::spawn(async move {
        server
            .run(listener, async {
                let _ = stopped.await;
            })
            .await
            .expect("server runs and stops cleanly");
    });
    Running {
        base: format!("http://{address}"),
        url,
        client: Client::new(),
        keys,
        stop: Some(stop),
        done,
        schema,
        _dir: dir,
    }
}

impl Running {
    /// A second server on the same store (PostgreSQL), as another process would be; it
    /// leaves the schema to this one.
    async fn another_on_the_same_store(&self) -> Running {
        let dir = tempfile::tempdir().expect("temp dir");
        serve(self.url.clone(), self.keys.clone(), None, dir).await
    }

    async fn call(
        &self,
        method: Method,
        path: &str,
        key: Option<&str>,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let mut request = self.client.request(method, format!("{}{path}", self.base));
        if let Some(key) = key {
            request = request.bearer_auth(key);
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.expect("request");
        let status = response.status();
        let text = response.text().await.expect("body");
        let value = serde_json::from_str(&text).unwrap_or(Value::String(text));
        (status, value)
    }

    /// Screens a new listing (`listing(attempt)`) every 100 ms until `wanted` holds of its
    /// decision; how long that took, which must be under 5 seconds.
    async fn eventually(
        &self,
        listing: impl Fn(u32) -> Value,
        wanted: impl Fn(&Value) -> bool,
    ) -> std::time::Duration {
        let started = std::time::Instant::now();
        for attempt in 0.. {
            if wanted(&self.screen(listing(attempt)).await) {
                break;
            }
            assert!(
                started.elapsed() < std::time::Duration::from_secs(5),
                "still not after {:?}",
                started.elapsed()
            );
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        started.elapsed()
    }

    /// Screens `listing` with the shopee platform key; the decision.
    async fn screen(&self, listing: Value) -> Value {
        let (status, decision) = self
            .call(
                Method::POST,
                "/v1/screen",
                Some(&self.keys.shopee),
                Some(listing),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{decision}");
        decision
    }

    /// Screens a bale listing on shopee and confirms its case as `reviewer`; the case id.
    async fn confirmed_case(&self, listing_id: &str, reviewer: &str, reason: &str) -> i64 {
        let (status, decision) = self
            .call(
                Method::POST,
                "/v1/screen",
                Some(&self.keys.shopee),
                Some(banned_listing(listing_id, "shopee")),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{decision}");
        let (_, page) = self
            .call(Method::GET, "/v1/cases", Some(reviewer), None)
            .await;
        let case_id = page["items"][0]["id"].as_i64().expect("case");
        let (status, decided) = self
            .call(
                Method::POST,
                &format!("/v1/cases/{case_id}/decision"),
                Some(reviewer),
                Some(json!({"outcome": "confirm", "reason": reason})),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{decided}");
        case_id
    }

    async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        self.done.await.expect("server task");
        if let Some(schema) = &self.schema {
            postgres_admin(format!("DROP SCHEMA {schema} CASCADE")).await;
        }
    }
}

/// A bale listing; its seller's phone is one a real shop could have (not a placeholder like
/// "0812-3456-7890", which identifies nobody).
fn banned_listing(id: &str, platform: &str) -> Value {
    json!({
        "id": id,
        "platform": platform,
        "title": "Jual ball press baju bekas import korea 1 bal 100 kg",
        "description": "pakaian bekas impor, karungan, grosir",
        "seller": {"id": format!("seller-{id}"), "name": "Toko Rahasia", "phone": "081377192046"}
    })
}

async fn screen_review_decide_and_appeal(backend: Backend) {
    let server = start(backend).await;
    let keys = &server.keys;
    let (status, decision) = server
        .call(
            Method::POST,
            "/v1/screen",
            Some(&keys.shopee),
            Some(banned_listing("l-1", "shopee")),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{decision}");
    assert_ne!(decision["decision"], "allow", "{decision}");
    assert!(!decision["reasons"].as_array().expect("reasons").is_empty());

    let (status, page) = server
        .call(
            Method::GET,
            "/v1/cases?platform=shopee",
            Some(&keys.reviewer_shopee),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{page}");
    let case_id = page["items"][0]["id"].as_i64().expect("a case was opened");
    let (status, empty) = server
        .call(
            Method::GET,
            "/v1/cases",
            Some(&keys.reviewer_tokopedia),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        empty["items"],
        json!([]),
        "another platform's reviewer sees none"
    );

    let (status, claimed) = server
        .call(
            Method::POST,
            &format!("/v1/cases/{case_id}/claim"),
            Some(&keys.reviewer_shopee),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{claimed}");
    assert_eq!(claimed["state"], "claimed");
    let (status, blank) = server
        .call(
            Method::POST,
            &format!("/v1/cases/{case_id}/decision"),
            Some(&keys.reviewer_shopee),
            Some(json!({"outcome": "confirm", "reason": "  "})),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(blank["field"], "reason");
    let (status, decided) = server
        .call(
            Method::POST,
            &format!("/v1/cases/{case_id}/decision"),
            Some(&keys.reviewer_shopee),
            Some(json!({"outcome": "confirm", "reason": "bales of used clothing"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{decided}");
    assert_eq!(decided["case"]["state"], "confirmed");

    let (status, appeal) = server
        .call(
            Method::POST,
            "/v1/appeals",
            Some(&keys.shopee),
            Some(json!({"case_id": case_id, "statement": "these are new clothes"})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{appeal}");
    let appeal_id = appeal["id"].as_i64().expect("appeal id");
    let (status, appeals) = server
        .call(
            Method::GET,
            "/v1/appeals?state=pending",
            Some(&keys.admin),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(appeals["items"][0]["id"], appeal_id);
    let (status, overturned) = server
        .call(
            Method::POST,
            &format!("/v1/appeals/{appeal_id}/decision"),
            Some(&keys.admin),
            Some(json!({"outcome": "overturned", "reason": "invoice for new stock shown"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{overturned}");
    assert_eq!(overturned["case"]["state"], "cleared");

    let (status, metrics) = server.call(Method::GET, "/metrics", None, None).await;
    assert_eq!(status, StatusCode::OK);
    let metrics = metrics.as_str().expect("metrics text");
    assert!(
        metrics.contains("saring_listings_screened_total 1"),
        "{metrics}"
    );
    assert!(metrics.contains("saring_http_request_duration_seconds_bucket{method=\"POST\",route=\"/v1/screen\",status=\"200\""));
    assert!(metrics.contains("saring_open_cases 0"));
    server.stop().await;
}

async fn errors_are_json_with_status_and_field(backend: Backend) {
    let server = start(backend).await;
    let keys = &server.keys;
    let (status, body) = server.call(Method::GET, "/healthz", None, None).await;
    assert_eq!(
        (status, body),
        (StatusCode::OK, Value::String("ok\n".into()))
    );
    let (status, _) = server.call(Method::GET, "/readyz", None, None).await;
    assert_eq!(status, StatusCode::OK);

    let (status, missing) = server
        .call(
            Method::POST,
            "/v1/screen",
            Some(&keys.admin),
            Some(json!({"id": "x", "platform": "shopee"})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{missing}");
    assert_eq!(missing["code"], "invalid_field");
    assert_eq!(missing["field"], "title");

    let response = server
        .client
        .post(format!("{}/v1/screen", server.base))
        .bearer_auth(&keys.admin)
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body: Value = response.json().await.expect("json error");
    assert_eq!(
        (body["code"].clone(), body["field"].clone()),
        (json!("invalid_json"), Value::Null)
    );

    // The server answers 413 as soon as the declared length exceeds the limit and may close
    // the connection while the client is still sending; a reset on the way is retried.
    let huge = json!({"id": "x", "platform": "shopee", "title": "x".repeat(2 * 1024 * 1024)});
    // A client of its own: the connection the server closes must not stay in the shared pool.
    let own_client = Client::new();
    let mut answer = None;
    for _ in 0..5 {
        let sent = own_client
            .post(format!("{}/v1/screen", server.base))
            .bearer_auth(&keys.admin)
            .json(&huge)
            .send()
            .await;
        if let Ok(response) = sent {
            let status = response.status();
            let text = response.text().await.unwrap_or_default();
            answer = Some((
                status,
                serde_json::from_str(&text).unwrap_or(Value::String(text)),
            ));
            break;
        }
    }
    let (status, too_large): (StatusCode, Value) = answer.expect("an answer to the large body");
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{too_large}");
    assert_eq!(too_large["code"], "too_large");

    let (status, bad_limit) = server
        .call(Method::GET, "/v1/cases?limit=0", Some(&keys.admin), None)
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(bad_limit["field"], "limit");

    let (status, nothing) = server
        .call(Method::GET, "/v1/nothing", Some(&keys.admin), None)
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(nothing["code"], "not_found");

    // Batch: order kept, per-item errors, the key's platform enforced per item.
    let batch = json!([
        banned_listing("b-1", "shopee"),
        {"id": "b-2", "platform": "shopee"},
        banned_listing("b-3", "tokopedia"),
        {"id": "b-4", "platform": "shopee", "title": "kemeja flanel baru"}
    ]);
    let (status, answer) = server
        .call(
            Method::POST,
            "/v1/screen/batch",
            Some(&keys.shopee),
            Some(batch),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    let results = answer["results"].as_array().expect("results");
    assert_eq!(results.len(), 4);
    assert!(results[0]["decision"]["decision"].is_string());
    assert_eq!(results[1]["error"]["field"], "title");
    assert_eq!(results[2]["error"]["code"], "forbidden");
    assert_eq!(results[3]["decision"]["decision"], "allow");
    let too_many = json!(
        (0..6)
            .map(|i| banned_listing(&format!("m-{i}"), "shopee"))
            .collect::<Vec<_>>()
    );
    let (status, _) = server
        .call(
            Method::POST,
            "/v1/screen/batch",
            Some(&keys.shopee),
            Some(too_many),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    // Pagination: two cases (b-1 and none else on shopee) walked one page at a time.
    server
        .call(
            Method::POST,
            "/v1/screen",
            Some(&keys.shopee),
            Some(banned_listing("p-2", "shopee")),
        )
        .await;
    let (_, first) = server
        .call(Method::GET, "/v1/cases?limit=1", Some(&keys.admin), None)
        .await;
    let cursor = first["next_cursor"].as_str().expect("a next page");
    let (_, second) = server
        .call(
            Method::GET,
            &format!("/v1/cases?limit=1&cursor={cursor}"),
            Some(&keys.admin),
            None,
        )
        .await;
    assert_ne!(first["items"][0]["id"], second["items"][0]["id"]);
    assert_eq!(second["next_cursor"], Value::Null);
    server.stop().await;
}

/// A PDQ hash (64 hex digits).
const PDQ_HASH: &str = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";

/// The bundled lexicon under another version.
fn lexicon_version(version: &str) -> String {
    saring_engine::bundled::LEXICON
        .lines()
        .map(|line| {
            if line.starts_with("version = ") {
                format!("version = \"{version}\"")
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// (method, path template) of every operation the served OpenAPI document declares.
async fn documented_operations(server: &Running) -> Vec<(String, String)> {
    let (status, document) = server
        .call(Method::GET, "/v1/openapi.json", None, None)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        document["openapi"]
            .as_str()
            .is_some_and(|v| v.starts_with("3.")),
        "{document}"
    );
    let mut operations = Vec::new();
    for (path, item) in document["paths"].as_object().expect("paths") {
        for method in ["get", "post", "put", "patch", "delete"] {
            if item.get(method).is_some() {
                operations.push((method.to_uppercase(), path.clone()));
            }
        }
    }
    operations
}

/// Who may call what. Every route of the API must have a row here.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Caller {
    Anonymous,
    Revoked,
    ShopeePlatform,
    TokopediaPlatform,
    ShopeeReviewer,
    TokopediaReviewer,
    Regulator,
}

/// (method, route, caller) -> expected status, for a shopee listing / shopee case.
fn expected(method: &str, route: &str, caller: Caller) -> StatusCode {
    use Caller::*;
    if matches!(caller, Anonymous | Revoked) {
        return StatusCode::UNAUTHORIZED;
    }
    let allowed = match (method, route) {
        ("POST", "/v1/screen") | ("POST", "/v1/screen/batch") => {
            matches!(caller, ShopeePlatform | ShopeeReviewer)
        }
        ("GET", "/v1/cases") | ("GET", "/v1/appeals") => {
            // Reviewers list (scoped); platforms may not.
            matches!(caller, ShopeeReviewer | TokopediaReviewer)
        }
        ("GET", "/v1/cases/{id}")
        | ("POST", "/v1/cases/{id}/claim")
        | ("POST", "/v1/cases/{id}/decision")
        | ("POST", "/v1/appeals/{id}/decision") => caller == ShopeeReviewer,
        ("POST", "/v1/appeals") => matches!(caller, ShopeePlatform | ShopeeReviewer),
        ("POST", "/v1/takedown-requests") | ("GET", "/v1/reports") => caller == Regulator,
        // Everyone reads requested links, each only within their platforms.
        ("GET", "/v1/takedowns") => true,
        ("GET", "/v1/sellers")
        | ("GET", "/v1/banks")
        | ("GET", "/v1/banks/{name}")
        | ("POST", "/v1/banks/{name}/entries")
        | ("POST", "/v1/lexicon/versions") => {
            matches!(caller, ShopeeReviewer | TokopediaReviewer)
        }
        ("GET", "/v1/sellers/{platform}/{id}") => caller == ShopeeReviewer,
        ("GET", "/v1/lexicon") | ("GET", "/v1/lexicon/versions") => {
            matches!(caller, ShopeeReviewer | TokopediaReviewer | Regulator)
        }
        // Admins only (no admin among the callers).
        ("POST", "/v1/lexicon/versions/{version}/activate")
        | ("POST", "/v1/banks")
        | ("POST", "/v1/banks/{name}/enabled") => false,
        other => panic!("route {other:?} has no row in the access matrix"),
    };
    if !allowed {
        // A case or appeal of another platform reads as a missing one to a role that may
        // act on cases of its own platforms.
        let record_route = matches!(
            (method, route),
            ("GET", "/v1/cases/{id}")
                | ("POST", "/v1/cases/{id}/claim")
                | ("POST", "/v1/cases/{id}/decision")
                | ("POST", "/v1/appeals/{id}/decision")
        );
        let foreign = match (method, route) {
            ("POST", "/v1/appeals") => matches!(caller, TokopediaPlatform | TokopediaReviewer),
            _ => record_route && caller == TokopediaReviewer,
        };
        return if foreign {
            StatusCode::NOT_FOUND
        } else {
            StatusCode::FORBIDDEN
        };
    }
    match (method, route) {
        ("POST", "/v1/appeals")
        | ("POST", "/v1/takedown-requests")
        | ("POST", "/v1/lexicon/versions")
        | ("POST", "/v1/banks/{name}/entries") => StatusCode::CREATED,
        _ => StatusCode::OK,
    }
}

fn takedown_request(request_id: &str, url: &str) -> Value {
    json!({
        "request_id": request_id, "agency": "Kemendag", "issued_at": "2026-12-01T08:00:00Z",
        "legal_basis": "Permendag 47/2025", "urgency": "normal", "urls": [url]
    })
}

async fn a_regulator_requests_takedowns_and_reads_what_was_done(backend: Backend) {
    let server = start(backend).await;
    let keys = &server.keys;
    let mut listing = banned_listing("td-1", "shopee");
    listing["url"] = json!("https://shopee.co.id/Jual-Ball-Press-i.777.888");
    let (status, _) = server
        .call(
            Method::POST,
            "/v1/screen",
            Some(&keys.shopee),
            Some(listing),
        )
        .await;
    assert_eq!(status, StatusCode::OK);

    // The regulator names the listing in another shape, plus a row that cannot be read.
    let mut request = takedown_request(
        "KEMENDAG-1",
        "https://m.shopee.co.id/product/777/888?utm_source=wa",
    );
    request["urls"]
        .as_array_mut()
        .expect("urls")
        .push(json!("https://tokopedia.com/tokobaju/kemeja-flanel-123"));
    let (status, imported) = server
        .call(
            Method::POST,
            "/v1/takedown-requests",
            Some(&keys.regulator),
            Some(request.clone()),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{imported}");
    assert_eq!(imported["links"], 2, "{imported}");
    assert_eq!(imported["matched"], 1, "{imported}");
    // The same request again is recognised, not imported twice.
    let (status, again) = server
        .call(
            Method::POST,
            "/v1/takedown-requests",
            Some(&keys.regulator),
            Some(request),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{again}");
    assert_eq!(again["already_imported"], json!(["KEMENDAG-1"]));

    // Each platform sees the links it must act on; the regulator sees all, without seller data.
    let (_, shopee) = server
        .call(Method::GET, "/v1/takedowns", Some(&keys.shopee), None)
        .await;
    let items = shopee["items"].as_array().expect("items");
    assert_eq!(items.len(), 1, "{shopee}");
    assert_eq!(items[0]["listing_id"], "td-1");
    assert_eq!(items[0]["status"], "pending");
    let (_, all) = server
        .call(Method::GET, "/v1/takedowns", Some(&keys.regulator), None)
        .await;
    assert_eq!(all["items"].as_array().expect("items").len(), 2, "{all}");
    for secret in ["Toko Rahasia", "081377192046", "seller-td-1"] {
        assert!(!all.to_string().contains(secret), "leaks {secret}: {all}");
    }

    // Issued on 1 December with 24 hours to act: both links are overdue by now.
    let (_, metrics) = server.call(Method::GET, "/metrics", None, None).await;
    let metrics = metrics.as_str().expect("metrics text");
    assert!(metrics.contains("saring_overdue_actions 2"), "{metrics}");

    let (status, report) = server
        .call(
            Method::GET,
            "/v1/reports?from=2026-11-01&to=2027-01-01",
            Some(&keys.regulator),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!(report["total"]["requested"], 2, "{report}");
    assert_eq!(report["by_agency"]["Kemendag"]["pending"], 2, "{report}");
    let (status, html) = server
        .call(
            Method::GET,
            "/v1/reports?from=2026-11-01&to=2027-01-01&format=html",
            Some(&keys.regulator),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.as_str().is_some_and(|page| page.contains("<svg")),
        "{html}"
    );
    let (status, refused) = server
        .call(
            Method::GET,
            "/v1/reports?format=pdf",
            Some(&keys.regulator),
            None,
        )
        .await;
    assert_eq!(
        (status, refused["field"].clone()),
        (StatusCode::BAD_REQUEST, json!("format"))
    );
    server.stop().await;
}

async fn every_route_refuses_the_roles_and_platforms_it_must(backend: Backend) {
    let server = start(backend).await;
    let keys = &server.keys;
    // A shopee case, confirmed, with a pending appeal: the resources the matrix aims at.
    let case_id = server
        .confirmed_case("secret-listing", &keys.admin, "bales")
        .await;
    let (_, appeal) = server
        .call(
            Method::POST,
            "/v1/appeals",
            Some(&keys.admin),
            Some(json!({"case_id": case_id, "statement": "first"})),
        )
        .await;
    let appeal_id = appeal["id"].as_i64().expect("appeal");
    let (status, _) = server
        .call(
            Method::POST,
            "/v1/banks",
            Some(&keys.admin),
            Some(json!({"name": "matrix"})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);

    // The routes are the ones the served OpenAPI document declares.
    let operations = documented_operations(&server).await;
    assert!(operations.len() >= 23, "{operations:?}");

    let callers = [
        (Caller::Anonymous, None),
        (Caller::Revoked, Some(keys.revoked.as_str())),
        (Caller::ShopeePlatform, Some(keys.shopee.as_str())),
        (Caller::TokopediaPlatform, Some(keys.tokopedia.as_str())),
        (Caller::ShopeeReviewer, Some(keys.reviewer_shopee.as_str())),
        (
            Caller::TokopediaReviewer,
            Some(keys.reviewer_tokopedia.as_str()),
        ),
        (Caller::Regulator, Some(keys.regulator.as_str())),
    ];
    let mut checked = 0;
    for (method, route) in &operations {
        let (method, route) = (method.as_str(), route.as_str());
        for &(caller, key) in &callers {
            let expect = expected(method, route, caller);
            // Mutating calls that succeed are aimed at harmless targets so every row runs.
            let (path, body) = match (method, route) {
                ("POST", "/v1/screen") => (
                    "/v1/screen".to_string(),
                    Some(banned_listing("m-1", "shopee")),
                ),
                ("POST", "/v1/screen/batch") => (
                    "/v1/screen/batch".to_string(),
                    Some(json!([banned_listing("m-2", "shopee")])),
                ),
                ("POST", "/v1/cases/{id}/decision") if expect == StatusCode::OK => (
                    format!("/v1/cases/{case_id}/decision"),
                    // Confirmed already: a second confirmation is a conflict, not an access refusal.
                    Some(json!({"outcome": "confirm", "reason": "again"})),
                ),
                ("POST", "/v1/appeals/{id}/decision") => (
                    format!("/v1/appeals/{appeal_id}/decision"),
                    Some(json!({"outcome": "upheld", "reason": "stands"})),
                ),
                ("POST", "/v1/appeals") => (
                    "/v1/appeals".to_string(),
                    Some(json!({"case_id": case_id, "statement": "matrix"})),
                ),
                ("POST", "/v1/takedown-requests") => (
                    route.to_string(),
                    Some(takedown_request(
                        "MATRIX-1",
                        "https://shopee.co.id/product/1/2",
                    )),
                ),
                ("POST", "/v1/lexicon/versions") => (
                    route.to_string(),
                    Some(json!({"toml": lexicon_version("matrix-1"), "note": "matrix"})),
                ),
                ("POST", "/v1/banks/{name}/entries") => (
                    "/v1/banks/matrix/entries".to_string(),
                    Some(json!({"entries": [{"hash": PDQ_HASH, "source": "matrix"}]})),
                ),
                ("POST", "/v1/banks/{name}/enabled") => (
                    "/v1/banks/matrix/enabled".to_string(),
                    Some(json!({"enabled": false})),
                ),
                ("POST", "/v1/banks") => (route.to_string(), Some(json!({"name": "matrix-2"}))),
                (_, route) if route.contains("{platform}") || route.contains("{name}") => (
                    route
                        .replace("{platform}/{id}", "shopee/seller-secret-listing")
                        .replace("{name}", "matrix"),
                    None,
                ),
                ("POST", "/v1/lexicon/versions/{version}/activate") => {
                    ("/v1/lexicon/versions/matrix-1/activate".to_string(), None)
                }
                (_, route) => (
                    route.replace("{id}", &case_id.to_string()),
                    (method == "POST").then(|| json!({"outcome": "confirm", "reason": "x"})),
                ),
            };
            let (status, body) = server
                .call(
                    Method::from_bytes(method.as_bytes()).expect("method"),
                    &path,
                    key,
                    body,
                )
                .await;
            let text = body.to_string();
            // A batch refuses per item: the request succeeds, each foreign listing is refused.
            let (status, body) = if route == "/v1/screen/batch"
                && status == StatusCode::OK
                && expect == StatusCode::FORBIDDEN
            {
                assert_eq!(body["results"][0]["error"]["code"], "forbidden", "{text}");
                (StatusCode::FORBIDDEN, body["results"][0]["error"].clone())
            } else {
                (status, body)
            };
            if [
                StatusCode::UNAUTHORIZED,
                StatusCode::FORBIDDEN,
                StatusCode::NOT_FOUND,
            ]
            .contains(&expect)
            {
                assert_eq!(status, expect, "{method} {route} as {caller:?}: {text}");
                for secret in [
                    "secret-listing",
                    "Toko Rahasia",
                    "081377192046",
                    "shopee",
                    "bales",
                ] {
                    assert!(
                        !text.contains(secret),
                        "{method} {route} as {caller:?} leaks {secret}: {text}"
                    );
                }
                assert_eq!(body["field"], Value::Null);
            } else {
                assert!(
                    status == expect || status == StatusCode::CONFLICT,
                    "{method} {route} as {caller:?}: expected {expect}, got {status}: {text}"
                );
            }
            checked += 1;
        }
    }
    assert_eq!(checked, operations.len() * callers.len());
    server.stop().await;
}

/// A small photo with a PDQ hash from Meta's reference table (tests only: see
/// crates/saring-pdq/tests/data/README.md for its licence).
const WEE_JPG: &[u8] =
    include_bytes!("../../saring-pdq/tests/data/threatexchange/data/misc-images/wee.jpg");
const WEE_PDQ: &str = "6227401f601ff4ccafcc9fad4b0d95d371a2eb7265a3285234d228ca94deeb2d";

fn plain_listing(id: &str) -> Value {
    json!({
        "id": id, "platform": "shopee", "title": "Kemeja flanel pria lengan panjang",
        "description": "bahan adem, ukuran M L XL", "seller": {"id": format!("seller-{id}")}
    })
}

async fn lexicon_versions_and_hash_banks_change_screening_without_a_restart(backend: Backend) {
    use base64::Engine as _;
    let server = start(backend).await;
    let keys = &server.keys;

    // The lexicon: bundled at first; a reviewer proposes, an admin activates.
    let (status, lexicon) = server
        .call(Method::GET, "/v1/lexicon", Some(&keys.regulator), None)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(lexicon["source"], "bundled", "{}", lexicon["version"]);
    let (status, refused) = server
        .call(
            Method::POST,
            "/v1/lexicon/versions",
            Some(&keys.reviewer_shopee),
            Some(json!({"toml": "version = \"x\"\n[[term]]\nname = 1", "note": "broken"})),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{refused}");
    assert_eq!(refused["field"], "toml");
    let (status, proposed) = server
        .call(
            Method::POST,
            "/v1/lexicon/versions",
            Some(&keys.reviewer_shopee),
            Some(json!({"toml": lexicon_version("2099.01.01-api"), "note": "test"})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{proposed}");
    assert_eq!(proposed["status"], "proposed");
    let (status, _) = server
        .call(
            Method::POST,
            "/v1/lexicon/versions/2099.01.01-api/activate",
            Some(&keys.reviewer_shopee),
            None,
        )
        .await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "reviewers propose, admins activate"
    );
    let (status, in_force) = server
        .call(
            Method::POST,
            "/v1/lexicon/versions/2099.01.01-api/activate",
            Some(&keys.admin),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{in_force}");
    assert_eq!(
        (&in_force["version"], &in_force["source"]),
        (&json!("2099.01.01-api"), &json!("store"))
    );
    let (_, decision) = server
        .call(
            Method::POST,
            "/v1/screen",
            Some(&keys.shopee),
            Some(plain_listing("after-activation")),
        )
        .await;
    let versions = decision["model_version"].as_str().expect("model_version");
    assert!(versions.contains("lexicon@2099.01.01-api"), "{versions}");
    let (_, history) = server
        .call(
            Method::GET,
            "/v1/lexicon/versions",
            Some(&keys.reviewer_tokopedia),
            None,
        )
        .await;
    assert_eq!(history["items"][0]["status"], "active", "{history}");

    // A hash bank: the photo screens as a match once its hash is banked.
    let photo = base64::engine::general_purpose::STANDARD.encode(WEE_JPG);
    let mut listing = plain_listing("photo-1");
    listing["images"] = json!([{ "base64": photo }]);
    let (_, before) = server
        .call(
            Method::POST,
            "/v1/screen",
            Some(&keys.shopee),
            Some(listing.clone()),
        )
        .await;
    let image_reasons = |decision: &Value| -> usize {
        decision["reasons"]
            .as_array()
            .expect("reasons")
            .iter()
            .filter(|reason| reason["kind"] == "image_match")
            .count()
    };
    assert_eq!(image_reasons(&before), 0, "{before}");
    let (status, _) = server
        .call(
            Method::POST,
            "/v1/banks",
            Some(&keys.admin),
            Some(json!({"name": "bales"})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, refused) = server
        .call(
            Method::POST,
            "/v1/banks/bales/entries",
            Some(&keys.reviewer_shopee),
            Some(json!({"entries": [{"hash": WEE_PDQ}, {"hash": "not-a-hash"}]})),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(refused["field"], "entries[1].hash");
    let (status, added) = server
        .call(
            Method::POST,
            "/v1/banks/bales/entries",
            Some(&keys.reviewer_shopee),
            Some(json!({"entries": [{"hash": WEE_PDQ, "source": "case 7", "case_id": "7"}]})),
        )
        .await;
    assert_eq!(
        (status, added["added"].clone()),
        (StatusCode::CREATED, json!(1))
    );
    listing["id"] = json!("photo-2");
    let (_, after) = server
        .call(
            Method::POST,
            "/v1/screen",
            Some(&keys.shopee),
            Some(listing.clone()),
        )
        .await;
    assert_eq!(image_reasons(&after), 1, "{after}");
    let (_, entries) = server
        .call(
            Method::GET,
            "/v1/banks/bales",
            Some(&keys.reviewer_shopee),
            None,
        )
        .await;
    assert_eq!(entries["items"][0]["hash"], WEE_PDQ);
    assert!(
        entries["items"][0]["added_by"]
            .as_str()
            .is_some_and(|by| by.starts_with("api-key:"))
    );
    // Switched off, the bank no longer matches.
    let (status, bank) = server
        .call(
            Method::POST,
            "/v1/banks/bales/enabled",
            Some(&keys.admin),
            Some(json!({"enabled": false})),
        )
        .await;
    assert_eq!(
        (status, bank["enabled"].clone()),
        (StatusCode::OK, json!(false))
    );
    listing["id"] = json!("photo-3");
    let (_, off) = server
        .call(
            Method::POST,
            "/v1/screen",
            Some(&keys.shopee),
            Some(listing),
        )
        .await;
    assert_eq!(image_reasons(&off), 0, "{off}");

    // A photo given as a server path is refused, naming the field.
    let mut sneaky = plain_listing("path-1");
    sneaky["images"] = json!([{ "url": "https://example.com/a.jpg" }, { "path": "/etc/passwd" }]);
    let (status, refused) = server
        .call(Method::POST, "/v1/screen", Some(&keys.shopee), Some(sneaky))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{refused}");
    assert_eq!(refused["field"], "images[1].path");
    server.stop().await;
}

async fn a_reviewer_sees_a_sanctioned_seller_with_strikes_and_links(backend: Backend) {
    let server = start(backend).await;
    let keys = &server.keys;
    let case_id = server
        .confirmed_case("s-1", &keys.reviewer_shopee, "bal 100 kg")
        .await;
    let (status, seller) = server
        .call(
            Method::GET,
            "/v1/sellers/shopee/seller-s-1",
            Some(&keys.reviewer_shopee),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{seller}");
    assert_eq!(
        seller["strikes"].as_array().map(Vec::len),
        Some(1),
        "{seller}"
    );
    assert_eq!(seller["strikes"][0]["case_id"], case_id);
    let standing = seller["status"].as_str().expect("status").to_string();
    assert_ne!(standing, "active", "{seller}");
    assert!(
        !seller["sanctions"]
            .as_array()
            .expect("sanctions")
            .is_empty()
    );
    // Identifiers are shown as short prefixes of keyed hashes, never in the clear.
    let text = seller.to_string();
    assert!(!text.contains("081377192046"), "{text}");
    for identifier in seller["identifiers"].as_array().expect("identifiers") {
        assert_eq!(identifier["hash_prefix"].as_str().map(str::len), Some(8));
    }
    let (_, listed) = server
        .call(
            Method::GET,
            &format!("/v1/sellers?status={standing}"),
            Some(&keys.reviewer_shopee),
            None,
        )
        .await;
    assert_eq!(listed["items"][0]["seller_id"], "seller-s-1", "{listed}");
    let (_, elsewhere) = server
        .call(
            Method::GET,
            &format!("/v1/sellers?status={standing}"),
            Some(&keys.reviewer_tokopedia),
            None,
        )
        .await;
    assert_eq!(elsewhere["items"], json!([]), "{elsewhere}");
    let (status, _) = server
        .call(
            Method::GET,
            "/v1/sellers/shopee/nobody",
            Some(&keys.reviewer_shopee),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    server.stop().await;
}

async fn the_openapi_document_describes_what_the_api_answers(backend: Backend) {
    let server = start(backend).await;
    let (_, document) = server
        .call(Method::GET, "/v1/openapi.json", None, None)
        .await;
    let screen = &document["paths"]["/v1/screen"]["post"];
    assert_eq!(
        screen["requestBody"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/Listing"
    );
    assert_eq!(
        screen["responses"]["200"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/Decision"
    );
    assert!(screen["responses"]["403"].is_object(), "{screen}");
    assert_eq!(
        document["components"]["securitySchemes"]["api_key"]["scheme"],
        "bearer"
    );
    // Every field of a real decision and of a real error is in its schema.
    let (_, decision) = server
        .call(
            Method::POST,
            "/v1/screen",
            Some(&server.keys.shopee),
            Some(banned_listing("doc-1", "shopee")),
        )
        .await;
    let (_, error) = server
        .call(Method::GET, "/v1/cases", Some(&server.keys.shopee), None)
        .await;
    for (answer, schema) in [
        (&decision, "Decision"),
        (&error, "ApiError"),
        (&decision["reasons"][0], "Reason"),
    ] {
        let properties = &document["components"]["schemas"][schema]["properties"];
        for field in answer.as_object().expect("object").keys() {
            assert!(
                properties.get(field).is_some(),
                "{schema} lacks {field}: {properties}"
            );
        }
    }
    server.stop().await;
}

/// Listing `id` of the new account of the seller of `banned_listing(banned)`, with the same
/// phone: nothing in its text would send it to review.
fn reregistered_listing(id: &str, banned: &str) -> Value {
    json!({
        "id": id, "platform": "shopee", "title": "Kemeja flanel pria lengan panjang",
        "description": "bahan adem, ukuran M L XL",
        "seller": {"id": format!("new-account-of-{banned}"), "phone": "081377192046"}
    })
}

/// Whether a decision links its listing's seller to a banned one.
fn linked(decision: &Value) -> bool {
    decision["reasons"].as_array().is_some_and(|reasons| {
        reasons
            .iter()
            .any(|reason| reason["name"] == "linked_to_banned_seller")
    })
}

async fn a_seller_banned_through_the_api_is_linked_against_at_once(backend: Backend) {
    let server = start(backend).await;
    let keys = &server.keys;
    let before = server.screen(reregistered_listing("early", "ban-1")).await;
    assert!(!linked(&before), "nobody is banned yet: {before}");
    server
        .confirmed_case("ban-1", &keys.reviewer_shopee, "bales")
        .await;
    let (_, seller) = server
        .call(
            Method::GET,
            "/v1/sellers/shopee/seller-ban-1",
            Some(&keys.reviewer_shopee),
            None,
        )
        .await;
    assert_ne!(seller["status"], "active", "{seller}");
    // The very next listing of a new account with the banned seller's phone is linked.
    let after = server.screen(reregistered_listing("late", "ban-1")).await;
    assert!(linked(&after), "{after}");
    assert_eq!(after["decision"], "review", "{after}");
    server.stop().await;
}

/// The header `name` of `response`, which must be there.
fn header(response: &reqwest::Response, name: &str) -> String {
    response
        .headers()
        .get(name)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_else(|| panic!("{}: no {name} header", response.url()))
        .to_string()
}

async fn every_answer_carries_the_security_headers(backend: Backend) {
    use base64::Engine as _;
    use sha2::Digest as _;
    let server = start(backend).await;
    let keys = &server.keys;
    let get = |path: &str, key: Option<&str>| {
        let mut request = server.client.get(format!("{}{path}", server.base));
        if let Some(key) = key {
            request = request.bearer_auth(key);
        }
        request.send()
    };
    let answers = [
        ("/healthz", None),
        ("/v1/openapi.json", None),
        ("/v1/cases", None),
        ("/v1/cases", Some(keys.reviewer_shopee.as_str())),
        ("/v1/cases/999999", Some(keys.reviewer_shopee.as_str())),
        ("/v1/no-such-route", Some(keys.admin.as_str())),
        ("/v1/reports?format=json", Some(keys.regulator.as_str())),
        ("/ui/sign-in", None),
        ("/ui/queue", None),
        ("/ui/no-such-page", None),
    ];
    for (path, key) in answers {
        let response = get(path, key).await.expect("request");
        let policy = header(&response, "content-security-policy");
        assert!(policy.contains("default-src 'none'"), "{path}: {policy}");
        assert!(
            policy.contains("frame-ancestors 'none'"),
            "{path}: {policy}"
        );
        assert!(!policy.contains("unsafe"), "{path}: {policy}");
        assert_eq!(
            header(&response, "x-content-type-options"),
            "nosniff",
            "{path}"
        );
        assert_eq!(header(&response, "x-frame-options"), "DENY", "{path}");
        assert_eq!(
            header(&response, "referrer-policy"),
            "no-referrer",
            "{path}"
        );
    }

    // The HTML report is a page in the API's origin: its policy lets its own style through
    // by hash, and nothing else.
    let response = get(
        "/v1/reports?from=2026-11-01&to=2027-01-01&format=html",
        Some(&keys.regulator),
    )
    .await
    .expect("report");
    assert_eq!(response.status(), StatusCode::OK);
    let policy = header(&response, "content-security-policy");
    let page = response.text().await.expect("page");
    let style = page
        .split("<style>")
        .nth(1)
        .and_then(|rest| rest.split("</style>").next())
        .expect("the report's style");
    let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(style));
    assert_eq!(
        policy,
        format!("default-src 'none'; style-src 'sha256-{hash}'; frame-ancestors 'none'")
    );
    assert_eq!(page.matches("<style>").count(), 1, "{page}");
    assert!(
        !page.contains("<script") && !page.contains("style=\""),
        "{page}"
    );
    server.stop().await;
}

async fn a_case_of_another_platform_reads_as_a_missing_one(backend: Backend) {
    let server = start(backend).await;
    let keys = &server.keys;
    let case_id = server
        .confirmed_case("foreign-1", &keys.reviewer_shopee, "bales")
        .await;
    let (status, appeal) = server
        .call(
            Method::POST,
            "/v1/appeals",
            Some(&keys.shopee),
            Some(json!({"case_id": case_id, "statement": "baju baru"})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{appeal}");
    let appeal_id = appeal["id"].as_i64().expect("appeal id");
    let missing = 999_999;
    let decide = json!({"outcome": "confirm", "reason": "x"});
    let probes = |id: i64, appeal: i64| {
        [
            (
                Method::GET,
                format!("/v1/cases/{id}"),
                None,
                &keys.reviewer_tokopedia,
            ),
            (
                Method::POST,
                format!("/v1/cases/{id}/claim"),
                None,
                &keys.reviewer_tokopedia,
            ),
            (
                Method::POST,
                format!("/v1/cases/{id}/decision"),
                Some(decide.clone()),
                &keys.reviewer_tokopedia,
            ),
            (
                Method::POST,
                "/v1/appeals".to_string(),
                Some(json!({"case_id": id, "statement": "s"})),
                &keys.tokopedia,
            ),
            (
                Method::POST,
                "/v1/appeals".to_string(),
                Some(json!({"case_id": id, "statement": "s"})),
                &keys.reviewer_tokopedia,
            ),
            (
                Method::POST,
                format!("/v1/appeals/{appeal}/decision"),
                Some(json!({"outcome": "overturned", "reason": "x"})),
                &keys.reviewer_tokopedia,
            ),
        ]
    };
    for (foreign, absent) in probes(case_id, appeal_id)
        .into_iter()
        .zip(probes(missing, missing))
    {
        let (method, path, body, key) = foreign;
        let seen = server
            .call(method.clone(), &path, Some(key.as_str()), body)
            .await;
        let (method, missing_path, body, key) = absent;
        let unseen = server
            .call(method.clone(), &missing_path, Some(key.as_str()), body)
            .await;
        assert_eq!(seen.0, StatusCode::NOT_FOUND, "{method} {path}: {}", seen.1);
        assert_eq!(
            seen, unseen,
            "{method} {path} tells a foreign record from a missing one"
        );
    }
    // Nothing was done to the case.
    let (_, case) = server
        .call(
            Method::GET,
            &format!("/v1/cases/{case_id}"),
            Some(&keys.reviewer_shopee),
            None,
        )
        .await;
    assert_eq!(case["case"]["state"], "appealed", "{case}");
    server.stop().await;
}

/// Screens `listing` expecting a 422; the field the answer names.
async fn refused_field(server: &Running, listing: Value) -> Option<String> {
    let (status, body) = server
        .call(
            Method::POST,
            "/v1/screen",
            Some(&server.keys.shopee),
            Some(listing),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    body["field"].as_str().map(str::to_string)
}

/// What PostgreSQL cannot store (a NUL), what is too long, blank or out of range is refused
/// at validation with a 422 naming the field, on every store alike; a bad item of a batch
/// fails alone.
async fn unstorable_blank_and_oversized_values_are_refused_naming_the_field(backend: Backend) {
    let server = start(backend).await;
    let keys = &server.keys;
    let with = |field: &str, value: Value| {
        let mut listing = banned_listing("v-1", "shopee");
        match field.split_once('.') {
            Some((outer, inner)) => listing[outer][inner] = value,
            None => listing[field] = value,
        }
        listing
    };
    for field in [
        "id",
        "title",
        "description",
        "seller.id",
        "seller.phone",
        "url",
    ] {
        assert_eq!(
            refused_field(&server, with(field, json!("a\u{0}b")))
                .await
                .as_deref(),
            Some(field)
        );
    }
    assert_eq!(
        refused_field(
            &server,
            with("images", json!([{"url": "https://x/\u{0}.jpg"}]))
        )
        .await
        .as_deref(),
        Some("images[0].url")
    );
    assert_eq!(
        refused_field(&server, with("signals", json!({"vision\u{0}": 0.5})))
            .await
            .as_deref(),
        Some("signals")
    );
    for blank in ["", "   "] {
        assert_eq!(
            refused_field(&server, with("id", json!(blank)))
                .await
                .as_deref(),
            Some("id")
        );
        assert_eq!(
            refused_field(&server, with("seller.id", json!(blank)))
                .await
                .as_deref(),
            Some("seller.id")
        );
    }
    for score in [1.5, -0.5] {
        assert_eq!(
            refused_field(&server, with("signals", json!({"vision.bale": score})))
                .await
                .as_deref(),
            Some("signals.vision.bale")
        );
    }
    // The field is named, never the caller's value (which may hold backticks).
    assert_eq!(
        refused_field(&server, with("price", json!("`title`")))
            .await
            .as_deref(),
        Some("price")
    );
    assert_eq!(
        refused_field(
            &server,
            with(
                "title",
                json!("x".repeat(saring_core::listing::caps::TITLE + 1))
            )
        )
        .await
        .as_deref(),
        Some("title")
    );

    // A batch: the bad items fail alone, named; the others are screened and recorded.
    let batch = json!([
        banned_listing("n-1", "shopee"),
        with("title", json!("nul \u{0} here")),
        banned_listing("n-3", "shopee"),
        with("id", json!(" ")),
    ]);
    let (status, answer) = server
        .call(
            Method::POST,
            "/v1/screen/batch",
            Some(&keys.shopee),
            Some(batch),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    let results = answer["results"].as_array().expect("results");
    assert_eq!(
        results
            .iter()
            .map(|item| (
                item["decision"]["id"].as_str().unwrap_or_default(),
                item["error"]["field"].as_str().unwrap_or_default()
            ))
            .collect::<Vec<_>>(),
        vec![("n-1", ""), ("", "title"), ("n-3", ""), ("", "id")],
        "{answer}"
    );

    // Every other JSON route refuses a NUL too, naming the field.
    let case_id = server
        .confirmed_case("nul-case", &keys.reviewer_shopee, "bal 100 kg")
        .await;
    let (status, body) = server
        .call(
            Method::POST,
            "/v1/appeals",
            Some(&keys.shopee),
            Some(json!({"case_id": case_id, "statement": "baru \u{0}"})),
        )
        .await;
    assert_eq!(
        (status, body["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("statement")),
        "{body}"
    );
    let (status, body) = server
        .call(
            Method::POST,
            "/v1/banks",
            Some(&keys.admin),
            Some(json!({"name": "b\u{0}"})),
        )
        .await;
    assert_eq!(
        (status, body["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("name")),
        "{body}"
    );
    // An encoded NUL in a path or query is refused before any route sees it.
    for (path, field) in [
        ("/v1/sellers/shopee/seller%00x", "path"),
        ("/v1/cases?limit=5&cursor=o%001", "cursor"),
        ("/ui/cases/1%00", "path"),
    ] {
        let (status, body) = server
            .call(Method::GET, path, Some(&keys.admin), None)
            .await;
        assert_eq!(
            (status, body["field"].as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some(field)),
            "{path}: {body}"
        );
    }
    // A wrong value in another route's body: the field, not the value.
    let (status, body) = server
        .call(
            Method::POST,
            &format!("/v1/cases/{case_id}/decision"),
            Some(&keys.reviewer_shopee),
            Some(json!({"outcome": "`reason`", "reason": "x"})),
        )
        .await;
    assert_eq!(
        (status, body["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("outcome")),
        "{body}"
    );
    server.stop().await;
}

/// The group commit records a batch in one transaction; when the store refuses one listing
/// (here a trigger refuses listing id `poison`, a value validation cannot know), the others
/// of the batch are still recorded and only the refused one fails.
async fn a_listing_the_store_refuses_fails_alone_in_its_batch(backend: Backend) {
    use saring_server::writer::{WriteJob, run};
    let dir = tempfile::tempdir().expect("temp dir");
    let (url, schema) = store_url(backend, dir.path()).await;
    let store = Store::connect(&url).await.expect("store");
    let poison_sql = match (&schema, backend) {
        (Some(schema), Backend::Postgres) => vec![
            format!(
                "CREATE FUNCTION {schema}.poison() RETURNS trigger AS $$ BEGIN \
                 RAISE EXCEPTION 'poisoned listing'; END $$ LANGUAGE plpgsql"
            ),
            format!(
                "CREATE TRIGGER poison BEFORE INSERT ON {schema}.decisions FOR EACH ROW \
                 WHEN (NEW.listing_id = 'poison') EXECUTE FUNCTION {schema}.poison()"
            ),
        ],
        _ => vec![
            "CREATE TRIGGER poison BEFORE INSERT ON decisions WHEN NEW.listing_id = 'poison' \
             BEGIN SELECT RAISE(ABORT, 'poisoned listing'); END"
                .to_string(),
        ],
    };
    for statement in poison_sql {
        sqlx::query(sqlx::AssertSqlSafe(statement))
            .execute(store.pool())
            .await
            .expect("trigger");
    }
    let engine = saring_engine::EngineConfig::default();
    let screener = saring_engine::Screener::from_config(&engine).expect("screener");
    let secret = saring_sellers::DeploymentSecret::new(vec![7; 32]).expect("secret");
    let recorder = saring_service::Recorder::open(
        store.clone(),
        secret,
        &engine,
        screener.model_version(),
        saring_service::LocalPhotos::Refused,
    )
    .await
    .expect("recorder");
    let preparer = recorder.preparer();
    let (jobs, queue) = tokio::sync::mpsc::channel(16);
    let mut answers = Vec::new();
    // Queued before the writer starts: the writer takes all three in one batch.
    for id in ["good-1", "poison", "good-2"] {
        let listing = saring_core::Listing::from_value(banned_listing(id, "shopee"))
            .expect("valid listing")
            .listing;
        let decision = screener.screen(&listing);
        let prepared = preparer.prepare(&listing, &decision).expect("prepared");
        let (done, answer) = oneshot::channel();
        jobs.send(WriteJob {
            prepared,
            decision,
            done,
        })
        .await
        .expect("queued");
        answers.push(answer);
    }
    drop(jobs);
    run(recorder, queue, 256).await;
    let mut outcomes = Vec::new();
    for answer in answers {
        outcomes.push(answer.await.expect("answered").map(|decision| decision.id));
    }
    assert!(
        matches!(&outcomes[0], Ok(id) if id == "good-1"),
        "{outcomes:?}"
    );
    assert!(
        matches!(&outcomes[1], Err(message) if message.contains("poisoned")),
        "{outcomes:?}"
    );
    assert!(
        matches!(&outcomes[2], Ok(id) if id == "good-2"),
        "{outcomes:?}"
    );
    let recorded: Vec<String> =
        sqlx::query_scalar("SELECT listing_id FROM decisions ORDER BY listing_id")
            .fetch_all(store.pool())
            .await
            .expect("decisions");
    assert_eq!(recorded, vec!["good-1", "good-2"]);
    store.close().await;
    if let Some(schema) = schema {
        postgres_admin(format!("DROP SCHEMA {schema} CASCADE")).await;
    }
}

/// Every scenario above, on SQLite and on PostgreSQL.
macro_rules! on_both_stores {
    ($($scenario:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $scenario() {
                    super::$scenario(super::Backend::Sqlite).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $scenario() {
                    super::$scenario(super::Backend::Postgres).await;
                }
            )*
        }
    };
}

on_both_stores!(
    screen_review_decide_and_appeal,
    errors_are_json_with_status_and_field,
    a_regulator_requests_takedowns_and_reads_what_was_done,
    every_route_refuses_the_roles_and_platforms_it_must,
    lexicon_versions_and_hash_banks_change_screening_without_a_restart,
    a_reviewer_sees_a_sanctioned_seller_with_strikes_and_links,
    the_openapi_document_describes_what_the_api_answers,
    every_answer_carries_the_security_headers,
    a_case_of_another_platform_reads_as_a_missing_one,
    a_seller_banned_through_the_api_is_linked_against_at_once,
    unstorable_blank_and_oversized_values_are_refused_naming_the_field,
    a_listing_the_store_refuses_fails_alone_in_its_batch,
);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn servers_sharing_postgresql_follow_each_others_bans_and_banks() {
    use base64::Engine as _;
    let first = start(Backend::Postgres).await;
    let second = first.another_on_the_same_store().await;
    let keys = &first.keys;
    // The second server has screened before: what it holds was loaded at its start.
    let warm = second.screen(plain_listing("warm-up")).await;
    assert!(!linked(&warm), "{warm}");

    first
        .confirmed_case("shared-1", &keys.reviewer_shopee, "bales")
        .await;
    let took = second
        .eventually(
            |attempt| reregistered_listing(&format!("shared-new-{attempt}"), "shared-1"),
            linked,
        )
        .await;
    eprintln!("the second server linked to the first one's ban after {took:?}");

    let photo = base64::engine::general_purpose::STANDARD.encode(WEE_JPG);
    let (status, _) = first
        .call(
            Method::POST,
            "/v1/banks",
            Some(&keys.admin),
            Some(json!({"name": "shared"})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, _) = first
        .call(
            Method::POST,
            "/v1/banks/shared/entries",
            Some(&keys.reviewer_shopee),
            Some(json!({"entries": [{"hash": WEE_PDQ}]})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let took = second
        .eventually(
            |attempt| {
                let mut listing = plain_listing(&format!("shared-photo-{attempt}"));
                listing["images"] = json!([{ "base64": photo }]);
                listing
            },
            |decision| {
                decision["reasons"].as_array().is_some_and(|reasons| {
                    reasons.iter().any(|reason| reason["kind"] == "image_match")
                })
            },
        )
        .await;
    eprintln!("the second server matched the first one's bank after {took:?}");
    second.stop().await;
    first.stop().await;
}
