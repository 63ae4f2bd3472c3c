//! Lexicon versions on both stores: propose, activate, retire, history, audit.

mod common;

use common::{T0, TestStore};
use saring_core::{Priority, Verdict};
use saring_store::{CaseFilter, LexiconStatus, ReviewOutcome};

on_both_stores!(
    one_lexicon_is_active_and_the_history_stays,
    reviewed_texts_are_those_of_decided_cases
);

async fn reviewed_texts_are_those_of_decided_cases(t: TestStore) {
    let store = &t.store;
    let policy = common::enforcement();
    for (n, title) in [
        "Gembolan Jaket",
        "Gembolan Kemeja",
        "Jaket Baru",
        "Masih Dibuka",
    ]
    .iter()
    .enumerate()
    {
        let listing = common::listing(&format!("L{n}"), &format!("S{n}"), title);
        common::screen(store, &listing, Verdict::Review, Priority::Retail, T0).await;
    }
    let mut cases = store
        .list_cases(&CaseFilter::default(), T0)
        .await
        .expect("cases");
    cases.sort_by_key(|c| c.listing_id.clone());
    let outcomes = [
        ReviewOutcome::Confirm,
        ReviewOutcome::Confirm,
        ReviewOutcome::Clear,
    ];
    for (case, outcome) in cases.iter().zip(outcomes) {
        store
            .decide_case(case.id, outcome, "ana", "checked", &policy, T0 + 1)
            .await
            .expect("decided");
    }
    let mut texts = store.reviewed_case_texts(100).await.expect("texts");
    texts.sort_by_key(|t| t.case_id);
    let seen: Vec<(&str, bool)> = texts
        .iter()
        .map(|t| (t.normalised_text.as_str(), t.confirmed))
        .collect();
    // The case still open is not a decision yet.
    assert_eq!(
        seen,
        [
            ("gembolan jaket", true),
            ("gembolan kemeja", true),
            ("jaket baru", false)
        ]
    );
    assert_eq!(store.reviewed_case_texts(1).await.expect("texts").len(), 1);
}

async fn one_lexicon_is_active_and_the_history_stays(t: TestStore) {
    let store = &t.store;
    assert_eq!(store.active_lexicon().await.expect("active"), None);
    let first = store
        .propose_lexicon("v1", "version = \"v1\"\n", "initial", "rev-1", T0)
        .await
        .expect("proposed");
    assert_eq!(first.status, LexiconStatus::Proposed);
    // A version string is used once.
    assert!(
        store
            .propose_lexicon("v1", "other", "again", "rev-1", T0)
            .await
            .is_err()
    );
    assert!(store.activate_lexicon("v9", "admin", T0).await.is_err());

    store
        .activate_lexicon("v1", "admin", T0 + 1)
        .await
        .expect("activated");
    store
        .propose_lexicon("v2", "version = \"v2\"\n", "add karungan", "rev-2", T0 + 2)
        .await
        .expect("proposed");
    let active = store
        .active_lexicon()
        .await
        .expect("active")
        .expect("v1 active");
    assert_eq!(active.version, "v1");
    assert_eq!(active.activated_by.as_deref(), Some("admin"));

    store
        .activate_lexicon("v2", "admin", T0 + 3)
        .await
        .expect("activated");
    store
        .activate_lexicon("v2", "admin", T0 + 4)
        .await
        .expect("idempotent");
    let history = store.lexicon_history().await.expect("history");
    let statuses: Vec<(&str, LexiconStatus)> = history
        .iter()
        .map(|v| (v.version.as_str(), v.status))
        .collect();
    assert_eq!(
        statuses,
        [
            ("v2", LexiconStatus::Active),
            ("v1", LexiconStatus::Retired)
        ]
    );
    assert_eq!(history[0].activated_at, Some(T0 + 3));
    assert!(store.verify_audit().await.expect("audit").is_intact());
}
