//! One reviewer is one actor whichever door they use (an API key through the API or the
//! review UI, the CLI's `--reviewer`), and the store refuses them the appeal of their own
//! confirmation, on both stores.

mod common;

use common::{DAY, T0, TestStore, enforcement};
use saring_core::{Principal, Priority, Role, TransitionError, Verdict};
use saring_store::{AppealOutcome, CaseFilter, ReviewOutcome, Store, StoreError};

on_both_stores!(
    the_confirming_reviewer_cannot_decide_the_appeal_through_another_door,
    claims_hold_for_the_person_whichever_door,
    key_owners_must_read_as_reviewer_names,
);

async fn reviewer_key(store: &Store, owner: Option<&str>) -> Principal {
    store
        .create_owned_api_key(
            Role::Reviewer,
            &["shopee".to_string()],
            "test",
            owner,
            "admin",
            T0,
        )
        .await
        .expect("key made")
        .principal
}

/// Whether deciding `appeal` as `actor` is refused as the confirming reviewer's.
async fn refused_as_same_reviewer(store: &Store, appeal: i64, actor: &str) -> bool {
    let decided = store
        .decide_appeal(
            appeal,
            AppealOutcome::Overturned,
            actor,
            "photos show new stock",
            &enforcement(),
            T0 + 2 * DAY,
        )
        .await;
    match decided {
        Err(StoreError::Transition(TransitionError::SameReviewer(_))) => true,
        Err(other) => panic!("{actor}: refused for another reason: {other}"),
        Ok(_) => false,
    }
}

/// A new case of listing `id`, confirmed by `confirmer` and appealed; the appeal id.
async fn appealed(store: &Store, id: &str, confirmer: &str) -> i64 {
    let listing = common::listing(id, &format!("seller-{id}"), "Jaket bekas import");
    common::screen(store, &listing, Verdict::Review, Priority::Retail, T0).await;
    let case_id = store
        .list_cases(&CaseFilter::default(), T0)
        .await
        .expect("cases")
        .into_iter()
        .find(|case| case.listing_id == id)
        .expect("case opened")
        .id;
    store
        .decide_case(
            case_id,
            ReviewOutcome::Confirm,
            confirmer,
            "used imported jacket",
            &enforcement(),
            T0,
        )
        .await
        .expect("confirmed");
    store
        .file_appeal(case_id, "seller", "baju baru, bukan bekas", T0 + DAY)
        .await
        .expect("appealed")
}

async fn the_confirming_reviewer_cannot_decide_the_appeal_through_another_door(t: TestStore) {
    let store = &t.store;
    let own = reviewer_key(store, None).await;
    let anas = reviewer_key(store, Some("ana")).await;
    let anas_second = reviewer_key(store, Some("ana")).await;
    let other = reviewer_key(store, None).await;

    // Confirmed through the API (`api-key:ID`); the review UI recorded the bare key id
    // before the two doors were made one.
    let appeal = appealed(store, "d1", &own.actor()).await;
    assert!(refused_as_same_reviewer(store, appeal, &own.actor()).await);
    assert!(refused_as_same_reviewer(store, appeal, &own.key_id).await);
    // Confirmed on the CLI as "ana": ana's keys, whichever, are ana.
    let appeal = appealed(store, "d2", "ana").await;
    assert!(refused_as_same_reviewer(store, appeal, &anas.actor()).await);
    assert!(refused_as_same_reviewer(store, appeal, &anas_second.key_id).await);
    // Confirmed through ana's key: the CLI's "ana" is refused too.
    let appeal = appealed(store, "d3", &anas.actor()).await;
    assert!(refused_as_same_reviewer(store, appeal, "ana").await);
    assert!(refused_as_same_reviewer(store, appeal, &anas_second.actor()).await);
    // Someone else decides; what is recorded is the door's own name.
    assert!(!refused_as_same_reviewer(store, appeal, &other.actor()).await);
    let case = store
        .appeals(None)
        .await
        .expect("appeals")
        .into_iter()
        .find(|(a, _)| a.id == appeal)
        .expect("the appeal")
        .0;
    assert_eq!(case.decided_by.as_deref(), Some(other.actor().as_str()));
    // A name that merely looks like a key id of no key is a name like any other.
    let appeal = appealed(store, "d4", "api-key:0123456789ab").await;
    assert!(!refused_as_same_reviewer(store, appeal, "0123456789ab").await);
}

async fn claims_hold_for_the_person_whichever_door(t: TestStore) {
    let store = &t.store;
    let anas = reviewer_key(store, Some("ana")).await;
    let listing = common::listing("c1", "seller-c1", "Jaket bekas import");
    common::screen(store, &listing, Verdict::Review, Priority::Retail, T0).await;
    let case_id = store
        .list_cases(&CaseFilter::default(), T0)
        .await
        .expect("cases")[0]
        .id;
    store
        .claim_case(case_id, &anas.actor(), DAY, T0)
        .await
        .expect("claimed through the key");
    // Ana on the CLI holds her own claim; someone else does not.
    let other = store
        .decide_case(
            case_id,
            ReviewOutcome::Clear,
            "budi",
            "not used",
            &enforcement(),
            T0 + 1,
        )
        .await;
    assert!(
        matches!(
            other,
            Err(StoreError::Transition(
                TransitionError::ClaimedByOther { .. }
            ))
        ),
        "{other:?}"
    );
    store
        .decide_case(
            case_id,
            ReviewOutcome::Clear,
            "ana",
            "not used",
            &enforcement(),
            T0 + 2,
        )
        .await
        .expect("ana decides her claimed case on the CLI");
}

async fn key_owners_must_read_as_reviewer_names(t: TestStore) {
    let store = &t.store;
    for bad in ["", " ana", "ana\n", "api-key:0123456789ab", "0123456789ab"] {
        let made = store
            .create_owned_api_key(
                Role::Reviewer,
                &["shopee".to_string()],
                "x",
                Some(bad),
                "admin",
                T0,
            )
            .await;
        assert!(
            matches!(made, Err(StoreError::Invalid(_))),
            "{bad:?}: {made:?}"
        );
    }
    let made = reviewer_key(store, Some("Ana Lestari")).await;
    let listed = store.api_keys().await.expect("keys");
    let record = listed
        .iter()
        .find(|key| key.id == made.key_id)
        .expect("listed");
    assert_eq!(record.owner.as_deref(), Some("Ana Lestari"));
}
