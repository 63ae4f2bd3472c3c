//! Takedown requests on both stores: import, matching in either order, duplicates within
//! and across requests, re-import, statuses, overdue links and the report's figures.

mod common;

use chrono::{DateTime, Utc};
use common::{DAY, T0, TestStore};
use saring_core::{Listing, Priority, Verdict};
use saring_takedowns::{
    ActionStatus, DeadlinePolicy, Report, RequestFormat, TakedownFigures, parse,
};

on_both_stores!(requests_match_listings_in_either_order_and_report_what_was_done);

const HOUR: i64 = DAY / 24;

fn at(ms: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms).expect("time in range")
}

fn listing(id: &str, url: &str) -> Listing {
    let json = serde_json::json!({
        "id": id, "platform": "shopee", "title": "ball thrift import", "url": url,
        "seller": {"id": format!("seller-{id}"), "phone": "0812-2233-4455"}
    });
    Listing::from_value(json).expect("valid listing").listing
}

fn request_file() -> String {
    let issued = at(T0 + HOUR).to_rfc3339();
    format!(
        "request_id,agency,issued_at,legal_basis,urgency,url
R1,Kemendag,{issued},Permendag 47/2025,normal,https://m.shopee.co.id/product/11/22?utm_source=x
R1,Kemendag,{issued},Permendag 47/2025,normal,https://shopee.co.id/Jaket-Thrift-i.11.33
R1,Kemendag,{issued},Permendag 47/2025,normal,https://s.shopee.co.id/AbC12
R1,Kemendag,{issued},Permendag 47/2025,normal,https://SHOPEE.co.id/ganti-nama-i.11.22
R1,Kemendag,someday,Permendag 47/2025,normal,https://shopee.co.id/x-i.1.2
R2,Komdigi,{issued},PP 71/2019,urgent,https://shopee.co.id/product/11/33
"
    )
}

async fn requests_match_listings_in_either_order_and_report_what_was_done(t: TestStore) {
    let store = &t.store;
    // Listing A is screened before the request names it; B only after.
    let a = listing("a", "https://shopee.co.id/Kemeja-i.11.22");
    common::screen(store, &a, Verdict::Review, Priority::Retail, T0).await;

    let import = parse(request_file().as_bytes(), RequestFormat::Csv).expect("readable");
    assert_eq!(import.errors.len(), 1, "the row with a bad date");
    assert_eq!(import.duplicates.len(), 1, "A twice in R1");
    let policy = DeadlinePolicy::default();
    let summary = store
        .import_takedowns(&import, &policy, "kemendag-import", T0 + 2 * HOUR)
        .await
        .expect("import");
    assert_eq!(summary.requests, 2);
    assert_eq!(summary.links, 4);
    assert_eq!(summary.matched, 1, "A was screened before");
    assert_eq!(
        summary.duplicates_of_earlier_requests, 1,
        "R2 names B again"
    );

    // Importing the same file again changes nothing.
    let again = store
        .import_takedowns(&import, &policy, "kemendag-import", T0 + 3 * HOUR)
        .await
        .expect("re-import");
    assert_eq!(again.already_imported, ["R1", "R2"]);
    assert_eq!(again.links, 0);

    let b = listing("b", "https://shopee.co.id/Jaket-Thrift-Baru-i.11.33");
    common::screen(store, &b, Verdict::Allow, Priority::None, T0 + 4 * HOUR).await;

    let links = store.takedown_links(T0 + 5 * HOUR).await.expect("list");
    assert_eq!(links.len(), 4);
    let matched: Vec<Option<&str>> = links.iter().map(|l| l.listing_id.as_deref()).collect();
    assert_eq!(matched, [Some("a"), Some("b"), None, Some("b")]);
    assert_eq!(links[0].canonical.as_deref(), Some("shopee/11.22"));
    assert!(
        links[2]
            .url_problem
            .as_deref()
            .is_some_and(|p| p.contains("short link"))
    );
    assert_eq!(links[3].duplicate_of, Some(links[1].id));
    // R2 is urgent: 4 hours from issue, overdue at +5 h; R1's links are not yet.
    assert_eq!(links[3].deadline, T0 + 5 * HOUR);
    assert_eq!(links[1].deadline, T0 + 25 * HOUR);
    assert!(!links[0].overdue);

    store
        .set_takedown_status(
            links[0].id,
            &ActionStatus::TakenDown {
                at: at(T0 + 3 * HOUR),
            },
            "shopee",
            T0 + 6 * HOUR,
        )
        .await
        .expect("taken down");
    // Updating the duplicate updates the link it duplicates.
    let disputed = ActionStatus::Disputed {
        reason: "new stock, invoice attached".into(),
    };
    store
        .set_takedown_status(links[3].id, &disputed, "shopee", T0 + 6 * HOUR)
        .await
        .expect("disputed");
    assert!(matches!(
        store
            .set_takedown_status(9_999, &ActionStatus::NotFound, "shopee", T0)
            .await,
        Err(saring_store::StoreError::NoSuchTakedown(9_999))
    ));

    let later = store.takedown_links(T0 + 30 * HOUR).await.expect("list");
    let statuses: Vec<&str> = later.iter().map(|l| l.status.as_str()).collect();
    assert_eq!(statuses, ["taken_down", "disputed", "pending", "disputed"]);
    let overdue: Vec<bool> = later.iter().map(|l| l.overdue).collect();
    assert_eq!(overdue, [false, false, true, false]);
    // The database's count (for /metrics) agrees with the listing, before and after.
    for now in [T0, T0 + 5 * HOUR, T0 + 30 * HOUR] {
        let listed = store
            .takedown_links(now)
            .await
            .expect("list")
            .iter()
            .filter(|link| link.status == "pending" && link.overdue)
            .count();
        let counted = store.count_overdue_takedowns(now).await.expect("count");
        assert_eq!(counted, listed as i64, "at {now}");
    }
    assert_eq!(
        store
            .count_overdue_takedowns(T0 + 30 * HOUR)
            .await
            .expect("count"),
        1
    );

    let input = store
        .report_input(T0, T0 + 7 * DAY, 10)
        .await
        .expect("report input");
    let report = Report::compute(&input);
    assert_eq!(
        report.total,
        TakedownFigures {
            requested: 3,
            taken_down: 1,
            not_found: 0,
            disputed: 1,
            pending: 1,
            overdue: 1,
            median_hours: Some(2.0),
            p95_hours: Some(2.0),
        }
    );
    assert_eq!(report.by_agency["Kemendag"].requested, 3);
    let shopee = &report.enforcement["shopee"];
    assert_eq!(shopee.flagged_from_requests, 2);
    assert_eq!(
        shopee.flagged_proactively, 0,
        "A's case came with a request"
    );
    assert!(
        !report.to_json().contains("0812"),
        "no seller contact in reports"
    );

    let audit = store.verify_audit().await.expect("verify");
    assert!(audit.is_intact());
}
