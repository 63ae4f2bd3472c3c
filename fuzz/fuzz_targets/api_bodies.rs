//! The HTTP API's request bodies and query strings, through the extractors and parsers the
//! routes use (`ApiJson`, `ApiQuery`, the batch and takedown-file readers, paging): any
//! bytes give the typed request or an `ApiError` with a 4xx status (never a 5xx, never a
//! panic), and a page is a slice of what it pages.
//!
//! The first byte picks the route, the rest is its body (or query string).
#![no_main]

use std::sync::LazyLock;

use axum::body::Body;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderMap, HeaderValue};
use libfuzzer_sys::fuzz_target;
use saring_core::Listing;
use saring_server::error::{ApiError, ApiJson, ApiQuery};
use saring_server::routes::banks::{BankSwitch, NewBank, NewEntries};
use saring_server::routes::cases::{
    AppealDecision, AppealQuery, CaseDecision, CaseQuery, NewAppeal,
};
use saring_server::routes::lexicon::ProposedLexicon;
use saring_server::routes::sellers::SellerQuery;
use saring_server::routes::takedowns::{ReportQuery, request_format};
use saring_server::routes::{PageParams, PageQuery, screen::batch_values};
use serde::de::DeserializeOwned;
use tokio::runtime::Runtime;

/// Content types a client may send, picked by the second byte.
const CONTENT_TYPES: [&str; 6] = [
    "application/json",
    "application/json; charset=utf-8",
    "application/x-ndjson",
    "text/csv",
    "text/plain",
    "",
];

/// The runtime extractors run on: one thread, as cheap as the fuzzer needs.
static RUNTIME: LazyLock<Runtime> = LazyLock::new(|| {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a current-thread runtime")
});

/// Runs an extractor future to its end on this thread.
fn run<T>(future: impl Future<Output = T>) -> T {
    RUNTIME.block_on(future)
}

/// Refused outside input is the client's fault: a 4xx, never a 5xx.
fn check_refusal(error: &ApiError) {
    assert!(
        error.status.is_client_error(),
        "{} {}: {}",
        error.status,
        error.code,
        error.message
    );
    serde_json::to_string(error).expect("an error answer serialises");
}

/// A JSON body through the route's extractor.
fn body<T: DeserializeOwned>(content_type: &str, bytes: &[u8]) -> Option<T> {
    let request = Request::builder()
        .method("POST")
        .uri("/v1/fuzz")
        .header(CONTENT_TYPE, content_type)
        .body(Body::from(bytes.to_vec()))
        .expect("a request");
    match run(ApiJson::<T>::from_request(request, &())) {
        Ok(ApiJson(value)) => Some(value),
        Err(error) => {
            check_refusal(&error);
            None
        }
    }
}

/// A query string through the route's extractor.
fn query<T: DeserializeOwned>(bytes: &[u8]) -> Option<T> {
    let text = String::from_utf8_lossy(bytes);
    let uri = format!("/v1/fuzz?{}", text.replace(['#', ' '], "%20"));
    let Ok(request) = Request::builder().uri(uri).body(Body::empty()) else {
        return None;
    };
    let (mut parts, _) = request.into_parts();
    match run(ApiQuery::<T>::from_request_parts(&mut parts, &())) {
        Ok(ApiQuery(value)) => Some(value),
        Err(error) => {
            check_refusal(&error);
            None
        }
    }
}

/// A page of ten items from `limit` and `cursor`: a contiguous slice, and a cursor only
/// when something follows.
fn check_page(params: &PageParams) {
    match PageQuery::new(params.limit, params.cursor.as_deref()) {
        Ok(page) => {
            let items: Vec<u32> = (0..10).collect();
            let page = page.of(items);
            assert!(page.items.windows(2).all(|pair| pair[1] == pair[0] + 1));
            if let Some(cursor) = &page.next_cursor {
                let next = PageQuery::new(params.limit, Some(cursor)).expect("our cursor parses");
                let following = next.of((0..10).collect::<Vec<u32>>());
                assert_eq!(
                    following.items.first(),
                    page.items.last().map(|last| last + 1).as_ref()
                );
            }
        }
        Err(error) => check_refusal(&error),
    }
}

fuzz_target!(|data: &[u8]| {
    let [route, kind, rest @ ..] = data else {
        return;
    };
    let content_type = CONTENT_TYPES[usize::from(*kind) % CONTENT_TYPES.len()];
    match route % 15 {
        0 => drop(body::<Listing>(content_type, rest)),
        1 => drop(body::<CaseDecision>(content_type, rest)),
        2 => drop(body::<NewAppeal>(content_type, rest)),
        3 => drop(body::<AppealDecision>(content_type, rest)),
        4 => drop(body::<NewBank>(content_type, rest)),
        5 => drop(body::<NewEntries>(content_type, rest)),
        6 => drop(body::<BankSwitch>(content_type, rest)),
        7 => drop(body::<ProposedLexicon>(content_type, rest)),
        8 => {
            let mut headers = HeaderMap::new();
            if let Ok(value) = HeaderValue::from_str(content_type) {
                headers.insert(CONTENT_TYPE, value);
            }
            match batch_values(&headers, rest, 1000) {
                Ok(values) => assert!(values.len() <= 1000),
                Err(error) => check_refusal(&error),
            }
            match request_format(&headers) {
                Ok(format) => drop(saring_takedowns::parse(rest, format)),
                Err(error) => check_refusal(&error),
            }
        }
        9 => drop(query::<CaseQuery>(rest)),
        10 => drop(query::<AppealQuery>(rest)),
        11 => drop(query::<SellerQuery>(rest)),
        12 => drop(query::<ReportQuery>(rest)),
        _ => {
            if let Some(params) = query::<PageParams>(rest) {
                check_page(&params);
            }
        }
    }
});
