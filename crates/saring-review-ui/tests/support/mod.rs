//! What the UI tests share: seeding cases and keys, serving the router on loopback, and a
//! browser-like client that signs in through the form.

#![allow(dead_code)]

use saring_core::{
    Decision, Listing, Priority, Reason, Role, SignalKind, Span, TextField, Verdict,
};
use saring_review_ui::UiOptions;
use saring_store::{CaseFilter, PreparedDecision, Screened, Store};

/// The time now, unix ms (the UI reads the real clock).
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .expect("clock after 1970")
}

/// The seeded seller's personal data, which only reviewers may see.
pub const SELLER_NAME: &str = "Toko Bal Sejahtera";
pub const SELLER_PHONE: &str = "0812-9988-7766";
pub const SELLER_ID: &str = "seller-77";

/// A listing of `platform` whose description mentions the seller's phone.
pub fn listing(platform: &str, id: &str, title: &str, description: &str) -> Listing {
    let json = serde_json::json!({
        "id": id, "platform": platform, "title": title, "description": description,
        "price": 150000, "url": format!("https://{platform}.co.id/p/{id}"),
        "seller": {"id": SELLER_ID, "name": SELLER_NAME, "phone": SELLER_PHONE}
    });
    Listing::from_value(json).expect("valid listing").listing
}

/// A review decision whose lexicon reason points at `term` in the title.
pub fn decision(listing: &Listing, term: &str, priority: Priority) -> Decision {
    let spans = listing
        .title
        .match_indices(term)
        .map(|(start, text)| Span {
            field: TextField::Title,
            start,
            end: start + text.len(),
            text: text.to_string(),
        })
        .collect();
    Decision {
        id: listing.id.clone(),
        platform: listing.platform,
        decision: Verdict::Review,
        score: 0.82,
        priority,
        reasons: vec![
            Reason {
                kind: SignalKind::Lexicon,
                name: term.to_string(),
                detail: format!("the term {term:?} names bulk used clothing"),
                spans,
            },
            Reason {
                kind: SignalKind::Classifier,
                name: "text-classifier".into(),
                detail: "classifier score 0.91".into(),
                spans: Vec::new(),
            },
        ],
        legal_basis: vec!["Permendag 40/2022 Pasal 2".into()],
        model_version: "test".into(),
    }
}

/// Screens `listing` (its decision reviews it) and returns the case it opened.
pub async fn seed_case(store: &Store, listing: &Listing, term: &str, priority: Priority) -> i64 {
    let decision = decision(listing, term, priority);
    let normalised = listing.title.to_lowercase();
    let item = Screened {
        listing,
        decision: &decision,
        image_hashes: &[],
        normalised_text: &normalised,
    };
    let prepared = PreparedDecision::new(&item).expect("prepare");
    store
        .record_decisions(&[prepared], now() - 60_000)
        .await
        .expect("record");
    store
        .list_cases(&CaseFilter::default(), now())
        .await
        .expect("cases")
        .into_iter()
        .find(|case| case.listing_id == listing.id && case.platform == listing.platform.as_str())
        .expect("the review decision opened a case")
        .id
}

/// A new key of `role` for `platforms`.
pub async fn key(store: &Store, role: Role, platforms: &[&str]) -> String {
    let platforms: Vec<String> = platforms.iter().map(|p| p.to_string()).collect();
    store
        .create_api_key(role, &platforms, "test", "admin", now())
        .await
        .expect("key made")
        .key
}

/// UI options for plain HTTP on loopback under the bundled enforcement policy.
pub fn options() -> UiOptions {
    let policy = saring_core::EnforcementPolicy::from_toml(include_str!(
        "../../../../config/enforcement.toml"
    ))
    .expect("bundled enforcement policy");
    UiOptions {
        secure_cookies: false,
        ..UiOptions::new(policy)
    }
}

/// Serves the UI router on 127.0.0.1 on a free port; returns its base URL.
pub async fn serve(store: Store) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("loopback port");
    let address = listener.local_addr().expect("bound address");
    let app = saring_review_ui::router(store, options());
    tokio::spawn(async move {
        axum::serve(listener, app).await.expect("serve the UI");
    });
    format!("http://{address}")
}

/// The value of the first hidden `csrf` field of a page.
pub fn csrf_of(page: &str) -> String {
    let marker = "name=\"csrf\" value=\"";
    let start = page.find(marker).expect("a csrf field") + marker.len();
    page[start..]
        .split('"')
        .next()
        .expect("closing quote")
        .to_string()
}

/// A client with a cookie jar, like a browser (no redirects followed, to see them).
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("http client")
}

/// Signs `client` in with `key` through the form; returns the response to the POST.
pub async fn sign_in(client: &reqwest::Client, base: &str, key: &str) -> reqwest::Response {
    let form_page = client
        .get(format!("{base}/ui/sign-in"))
        .send()
        .await
        .expect("sign-in page")
        .text()
        .await
        .expect("body");
    client
        .post(format!("{base}/ui/sign-in"))
        .form(&[("key", key), ("csrf", &csrf_of(&form_page))])
        .send()
        .await
        .expect("sign in")
}

/// GET `path`; returns status and body.
pub async fn get(client: &reqwest::Client, base: &str, path: &str) -> (u16, String) {
    let response = client
        .get(format!("{base}{path}"))
        .send()
        .await
        .expect("GET");
    let status = response.status().as_u16();
    (status, response.text().await.expect("body"))
}

/// POST a form to `path`; returns status and body.
pub async fn post(
    client: &reqwest::Client,
    base: &str,
    path: &str,
    form: &[(&str, &str)],
) -> (u16, String) {
    let response = client
        .post(format!("{base}{path}"))
        .form(form)
        .send()
        .await
        .expect("POST");
    let status = response.status().as_u16();
    (status, response.text().await.expect("body"))
}
