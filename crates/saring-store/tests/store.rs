//! The store suite: every test runs on SQLite and on PostgreSQL (fresh schema each).

mod common;

use common::{DAY, T0, TestStore, enforcement, listing, prepared, screen};
use saring_core::{CaseState, Priority, SanctionKind, SellerStatus, TransitionError, Verdict};
use saring_store::{
    AppealOutcome, AuditProblem, BankEntryRecord, CaseFilter, ReviewOutcome, SellerLink,
    SellerUpdate, StoreError,
};
use sqlx::{Connection, Row};

on_both_stores!(
    a_listing_version_is_recorded_once_and_flagged_listings_open_one_case,
    a_rescreen_updates_the_pending_case,
    one_batch_records_as_its_listings_would_one_after_another,
    background_checkpoints_copy_the_log_and_restart_it_when_long,
    a_lapsed_claim_lets_another_reviewer_decide,
    retail_ladder_warns_suspends_then_bans_within_the_window,
    strikes_outside_the_window_do_not_count,
    wholesale_is_taken_down_banned_and_referred,
    appeals_go_to_another_reviewer_and_overturning_revokes_the_strike,
    evidence_is_frozen_with_a_hash_that_verifies,
    audit_log_finds_edited_removed_and_reordered_entries,
    configuration_changes_are_audited_once,
    hash_banks_are_created_toggled_and_listed,
    seller_hooks_store_keyed_hashes_links_and_fingerprints,
    a_scan_update_saves_fingerprints_identifiers_and_one_link_per_pair,
    settings_keep_the_first_value_written,
);

async fn a_listing_version_is_recorded_once_and_flagged_listings_open_one_case(t: TestStore) {
    let store = &t.store;
    let flagged = listing("1", "s1", "Jaket bekas import");
    let allowed = listing("2", "s1", "Kemeja baru");
    let first = screen(store, &flagged, Verdict::Review, Priority::Retail, T0).await;
    assert_eq!((first.recorded, first.cases_opened), (1, 1));
    let again = screen(store, &flagged, Verdict::Review, Priority::Retail, T0 + 1).await;
    assert_eq!(
        (again.recorded, again.unchanged, again.cases_opened),
        (0, 1, 0)
    );
    let allow = screen(store, &allowed, Verdict::Allow, Priority::None, T0).await;
    assert_eq!((allow.recorded, allow.cases_opened), (1, 0));
    let cases = store
        .list_cases(&CaseFilter::default(), T0)
        .await
        .expect("list");
    assert_eq!(cases.len(), 1);
    assert_eq!(cases[0].listing_id, "1");
    assert_eq!(cases[0].state, CaseState::Open);
    let decisions: i64 = sqlx::query("SELECT COUNT(*) AS n FROM decisions")
        .fetch_one(store.pool())
        .await
        .expect("count")
        .try_get("n")
        .expect("n");
    assert_eq!(decisions, 2);
    let stored: String = sqlx::query("SELECT listing_json FROM decisions WHERE listing_id = '1'")
        .fetch_one(store.pool())
        .await
        .expect("row")
        .try_get("listing_json")
        .expect("json");
    assert!(
        !stored.contains("0812"),
        "the seller's phone must not be stored: {stored}"
    );
    assert!(store.verify_audit().await.expect("verify").is_intact());
}

async fn a_rescreen_updates_the_pending_case(t: TestStore) {
    let store = &t.store;
    let before = listing("1", "s1", "Jaket bekas import");
    screen(store, &before, Verdict::Review, Priority::Retail, T0).await;
    let changed = listing("1", "s1", "Jaket bekas import BAL 100kg");
    let summary = screen(store, &changed, Verdict::Block, Priority::Wholesale, T0 + 5).await;
    assert_eq!(
        (
            summary.recorded,
            summary.cases_opened,
            summary.cases_updated
        ),
        (1, 0, 1)
    );
    let cases = store
        .list_cases(&CaseFilter::default(), T0)
        .await
        .expect("list");
    assert_eq!(cases.len(), 1);
    assert_eq!(cases[0].priority, Priority::Wholesale);
    let detail = store.case(cases[0].id).await.expect("case");
    let events: Vec<&str> = detail.events.iter().map(|e| e.event.as_str()).collect();
    assert_eq!(events, ["opened", "rescreened"]);
    assert!(
        detail.listing.title.contains("BAL"),
        "{}",
        detail.listing.title
    );
}

async fn one_batch_records_as_its_listings_would_one_after_another(t: TestStore) {
    let store = &t.store;
    let pending_before = listing("c", "s3", "Celana bekas import");
    screen(
        store,
        &pending_before,
        Verdict::Review,
        Priority::Retail,
        T0,
    )
    .await;
    let first = listing("a", "s1", "Jaket bekas import");
    let changed = listing("a", "s1", "Jaket bekas import BAL 100kg");
    let batch = [
        prepared(&first, Verdict::Review, Priority::Retail),
        prepared(&first, Verdict::Review, Priority::Retail),
        prepared(&changed, Verdict::Block, Priority::Wholesale),
        prepared(
            &listing("b", "s2", "Kemeja baru"),
            Verdict::Allow,
            Priority::None,
        ),
        prepared(
            &listing("c", "s3", "Celana baru"),
            Verdict::Allow,
            Priority::None,
        ),
    ];
    let fingerprint = |version: i64| SellerUpdate {
        platform: "shopee".into(),
        seller_id: "s1".into(),
        fingerprint: serde_json::json!({ "v": version }),
        identifiers: vec![("phone".into(), format!("k{version}"))],
        links: Vec::new(),
    };
    let summary = store
        .record_screening(&batch, &[fingerprint(1), fingerprint(2)], T0 + 10)
        .await
        .expect("record");
    assert_eq!(
        (
            summary.recorded,
            summary.unchanged,
            summary.cases_opened,
            summary.cases_updated
        ),
        (4, 1, 1, 2)
    );
    let cases = store
        .list_cases(&CaseFilter::default(), T0)
        .await
        .expect("list");
    let ids: Vec<&str> = cases.iter().map(|c| c.listing_id.as_str()).collect();
    assert_eq!(ids.len(), 2, "{ids:?}");
    let case_a = cases.iter().find(|c| c.listing_id == "a").expect("case a");
    assert_eq!(
        case_a.priority,
        Priority::Wholesale,
        "the later decision wins"
    );
    let detail = store.case(case_a.id).await.expect("case");
    let events: Vec<&str> = detail.events.iter().map(|e| e.event.as_str()).collect();
    assert_eq!(events, ["opened", "rescreened"]);
    let case_c = cases.iter().find(|c| c.listing_id == "c").expect("case c");
    let detail = store.case(case_c.id).await.expect("case");
    let events: Vec<&str> = detail.events.iter().map(|e| e.event.as_str()).collect();
    assert_eq!(events, ["opened", "rescreened"]);
    assert_eq!(
        store.seller_fingerprint("shopee", "s1").await.expect("fp"),
        Some(serde_json::json!({"v": 2})),
        "a seller seen twice keeps the later fingerprint"
    );
    let identifiers = store.seller_identifiers("shopee", "s1").await.expect("ids");
    assert_eq!(identifiers.len(), 2);
    let report = store.verify_audit().await.expect("verify");
    assert!(report.is_intact());
    let kinds: Vec<String> = sqlx::query("SELECT kind FROM audit_log ORDER BY seq")
        .fetch_all(store.pool())
        .await
        .expect("audit")
        .iter()
        .map(|row| row.try_get("kind").expect("kind"))
        .collect();
    let batch_kinds: Vec<&str> = kinds
        .iter()
        .rev()
        .take(7)
        .rev()
        .map(String::as_str)
        .collect();
    assert_eq!(
        batch_kinds,
        [
            "decision",
            "case_opened",
            "decision",
            "case_updated",
            "decision",
            "decision",
            "case_updated"
        ]
    );
}

async fn background_checkpoints_copy_the_log_and_restart_it_when_long(t: TestStore) {
    let store = &t.store;
    store.checkpoint_in_background().await.expect("take over");
    let record = |id: &str, now| {
        let flagged = listing(id, "s1", &format!("Jaket bekas import {id}"));
        async move { screen(store, &flagged, Verdict::Review, Priority::Retail, now).await }
    };
    for id in 0..20 {
        record(&format!("first-{id}"), T0 + id).await;
    }
    if store.backend() == saring_store::Backend::Postgres {
        assert_eq!(store.checkpoint(0).await.expect("checkpoint"), None);
        return;
    }
    let grown = sqlite_checkpoint(store, i64::MAX).await;
    assert!(!grown.restarted);
    let kept = sqlite_checkpoint(store, i64::MAX).await;
    assert_eq!(
        kept.log_frames, grown.log_frames,
        "without a restart, and with no automatic checkpoint, the log stays as long"
    );
    let restart = sqlite_checkpoint(store, 0).await;
    assert!(restart.restarted);
    record("after", T0 + 100).await;
    let after = sqlite_checkpoint(store, i64::MAX).await;
    assert!(
        after.log_frames < grown.log_frames,
        "the log starts afresh after a restart: {after:?} vs {grown:?}"
    );
    // A connection the pool opens later leaves checkpoints alone too.
    store
        .pool()
        .acquire()
        .await
        .expect("connection")
        .detach()
        .close()
        .await
        .expect("close");
    let automatic: i64 = sqlx::query("PRAGMA wal_autocheckpoint")
        .fetch_one(store.pool())
        .await
        .expect("pragma")
        .try_get(0)
        .expect("pages");
    assert_eq!(automatic, 0);
    let reopened = saring_store::Store::connect(&t.url).await.expect("reopen");
    let cases = reopened
        .list_cases(&CaseFilter::default(), T0)
        .await
        .expect("list");
    assert_eq!(
        cases.len(),
        21,
        "every commit is readable from another connection"
    );
}

/// A checkpoint of a SQLite store.
async fn sqlite_checkpoint(
    store: &saring_store::Store,
    restart_above: i64,
) -> saring_store::Checkpoint {
    store
        .checkpoint(restart_above)
        .await
        .expect("checkpoint")
        .expect("sqlite checkpoints")
}

async fn a_lapsed_claim_lets_another_reviewer_decide(t: TestStore) {
    let store = &t.store;
    let policy = enforcement();
    screen(
        store,
        &listing("1", "s1", "Jaket bekas"),
        Verdict::Review,
        Priority::Retail,
        T0,
    )
    .await;
    let id = store
        .list_cases(&CaseFilter::default(), T0)
        .await
        .expect("list")[0]
        .id;
    let claimed = store
        .claim_case(id, "ana", 60_000, T0)
        .await
        .expect("claim");
    assert_eq!(claimed.claimed_by.as_deref(), Some("ana"));
    let refused = store
        .decide_case(
            id,
            ReviewOutcome::Clear,
            "budi",
            "not thrift",
            &policy,
            T0 + 1_000,
        )
        .await
        .expect_err("ana holds the claim");
    assert!(
        matches!(
            refused,
            StoreError::Transition(TransitionError::ClaimedByOther { .. })
        ),
        "{refused}"
    );
    let open = CaseFilter {
        state: Some(CaseState::Open),
        ..CaseFilter::default()
    };
    assert!(
        store
            .list_cases(&open, T0 + 1_000)
            .await
            .expect("list")
            .is_empty()
    );
    assert_eq!(
        store
            .list_cases(&open, T0 + 60_000)
            .await
            .expect("list")
            .len(),
        1
    );
    // The database's count (for /metrics) sees the claim, then its expiry, the same way.
    assert_eq!(store.count_open_cases(T0 + 1_000).await.expect("count"), 0);
    assert_eq!(store.count_open_cases(T0 + 60_000).await.expect("count"), 1);
    let missing_reason = store
        .decide_case(id, ReviewOutcome::Clear, "budi", " ", &policy, T0 + 61_000)
        .await;
    assert!(matches!(missing_reason, Err(StoreError::NoReason)));
    let cleared = store
        .decide_case(
            id,
            ReviewOutcome::Clear,
            "budi",
            "new stock, not used",
            &policy,
            T0 + 61_000,
        )
        .await
        .expect("the claim lapsed");
    assert_eq!(cleared.case.state, CaseState::Cleared);
    assert!(cleared.actions.is_empty());
    let last = cleared.events.last().expect("events");
    assert_eq!(
        (last.actor.as_str(), last.reason.as_str(), last.at),
        ("budi", "new stock, not used", T0 + 61_000)
    );
}

/// Confirms a new retail listing of `seller` at `now` and returns the action kinds.
async fn confirm_new(
    t: &TestStore,
    id: &str,
    seller: &str,
    priority: Priority,
    now: i64,
) -> Vec<SanctionKind> {
    let detail = common::confirm_new(&t.store, id, seller, priority, now).await;
    assert!(
        detail
            .actions
            .iter()
            .all(|a| a.status == "pending" && !a.legal_basis.is_empty())
    );
    detail.actions.iter().map(|a| a.kind).collect()
}

async fn retail_ladder_warns_suspends_then_bans_within_the_window(t: TestStore) {
    use SanctionKind::*;
    assert_eq!(
        confirm_new(&t, "1", "s1", Priority::Retail, T0).await,
        [Takedown, Warning]
    );
    let seller = t
        .store
        .seller("shopee", "s1")
        .await
        .expect("seller")
        .expect("known");
    assert_eq!(seller.status, SellerStatus::Warned);
    assert_eq!(
        confirm_new(&t, "2", "s1", Priority::Retail, T0 + 30 * DAY).await,
        [Takedown, Suspension]
    );
    assert_eq!(
        confirm_new(&t, "3", "s1", Priority::Retail, T0 + 60 * DAY).await,
        [Takedown, Ban]
    );
    let seller = t
        .store
        .seller("shopee", "s1")
        .await
        .expect("seller")
        .expect("known");
    assert_eq!(seller.status, SellerStatus::Banned);
    assert_eq!(seller.sanctions.len(), 6);
    let warning = seller
        .sanctions
        .iter()
        .find(|a| a.kind == Warning)
        .expect("warning");
    assert!(
        warning.detail.contains("used imported clothing"),
        "{}",
        warning.detail
    );
    assert_eq!(t.store.pending_actions().await.expect("outbox").len(), 6);
    assert!(t.store.verify_audit().await.expect("verify").is_intact());
}

async fn strikes_outside_the_window_do_not_count(t: TestStore) {
    use SanctionKind::*;
    assert_eq!(
        confirm_new(&t, "1", "s1", Priority::Retail, T0).await,
        [Takedown, Warning]
    );
    assert_eq!(
        confirm_new(&t, "2", "s1", Priority::Retail, T0 + 181 * DAY).await,
        [Takedown, Warning]
    );
    assert_eq!(
        confirm_new(&t, "3", "s2", Priority::Retail, T0 + 181 * DAY).await,
        [Takedown, Warning]
    );
}

async fn wholesale_is_taken_down_banned_and_referred(t: TestStore) {
    use SanctionKind::*;
    assert_eq!(
        confirm_new(&t, "1", "bal", Priority::Wholesale, T0).await,
        [Takedown, Ban, Referral]
    );
    let actions = t.store.pending_actions().await.expect("outbox");
    let referral = actions
        .iter()
        .find(|a| a.kind == Referral)
        .expect("referral");
    assert!(
        referral.detail.contains("Bea dan Cukai"),
        "{}",
        referral.detail
    );
    assert!(referral.legal_basis.iter().any(|l| l.contains("art. 111")));
    let banned = t
        .store
        .sellers_with_status(SellerStatus::Banned)
        .await
        .expect("sellers");
    assert_eq!(banned, [("shopee".to_string(), "bal".to_string())]);
}

async fn appeals_go_to_another_reviewer_and_overturning_revokes_the_strike(t: TestStore) {
    let store = &t.store;
    let policy = enforcement();
    confirm_new(&t, "1", "s1", Priority::Retail, T0).await;
    confirm_new(&t, "2", "s1", Priority::Retail, T0 + DAY).await;
    let case_id = store
        .list_cases(&CaseFilter::default(), T0)
        .await
        .expect("list")[1]
        .id;
    assert_eq!(
        store.taken_down_listings().await.expect("taken down").len(),
        2
    );
    let appeal = store
        .file_appeal(
            case_id,
            "s1",
            "this is my own worn jacket, bought in Bandung",
            T0 + 2 * DAY,
        )
        .await
        .expect("appeal");
    let same = store
        .decide_appeal(
            appeal,
            AppealOutcome::Overturned,
            "ana",
            "agree",
            &policy,
            T0 + 3 * DAY,
        )
        .await
        .expect_err("ana confirmed the case");
    assert!(
        matches!(
            same,
            StoreError::Transition(TransitionError::SameReviewer(_))
        ),
        "{same}"
    );
    let detail = store
        .decide_appeal(
            appeal,
            AppealOutcome::Overturned,
            "budi",
            "receipt from a local shop",
            &policy,
            T0 + 3 * DAY,
        )
        .await
        .expect("overturn");
    assert_eq!(detail.case.state, CaseState::Cleared);
    let strike = detail.strike.expect("strike row kept");
    assert_eq!(strike.revoked_at, Some(T0 + 3 * DAY));
    assert!(
        strike
            .revoked_reason
            .as_deref()
            .is_some_and(|r| r.contains("revoked"))
    );
    assert!(
        detail
            .events
            .last()
            .is_some_and(|e| e.event == "overturned" && e.reason.contains("strike is revoked"))
    );
    assert_eq!(
        detail.actions.last().map(|a| a.kind),
        Some(SanctionKind::Reinstatement)
    );
    assert_eq!(detail.appeals[0].state, "overturned");
    let seller = store
        .seller("shopee", "s1")
        .await
        .expect("seller")
        .expect("known");
    assert_eq!(
        seller.status,
        SellerStatus::Warned,
        "only the first strike stands"
    );
    let strikes = store.strikes("shopee", "s1").await.expect("strikes");
    assert_eq!(strikes.len(), 2);
    assert_eq!(
        store.taken_down_listings().await.expect("taken down").len(),
        1
    );
    let again = store
        .decide_appeal(
            appeal,
            AppealOutcome::Upheld,
            "citra",
            "x",
            &policy,
            T0 + 4 * DAY,
        )
        .await;
    assert!(matches!(again, Err(StoreError::AppealDecided(_))));
    // A third offence now counts as the second: the revoked strike no longer counts.
    use SanctionKind::*;
    assert_eq!(
        confirm_new(&t, "3", "s1", Priority::Retail, T0 + 5 * DAY).await,
        [Takedown, Suspension]
    );
    assert!(store.verify_audit().await.expect("verify").is_intact());
}

async fn evidence_is_frozen_with_a_hash_that_verifies(t: TestStore) {
    let store = &t.store;
    confirm_new(&t, "1", "s1", Priority::Retail, T0).await;
    let case_id = store
        .list_cases(&CaseFilter::default(), T0)
        .await
        .expect("list")[0]
        .id;
    let evidence = store
        .case(case_id)
        .await
        .expect("case")
        .evidence
        .expect("frozen");
    assert!(evidence.verify());
    let content: serde_json::Value = serde_json::from_str(&evidence.content_json).expect("json");
    assert_eq!(content["listing"]["price"], 150000);
    assert_eq!(content["listing"]["url"], "https://shopee.co.id/1");
    assert_eq!(content["listing"]["seller"]["id"], "s1");
    assert_eq!(content["image_hashes"].as_array().map(Vec::len), Some(1));
    assert_eq!(
        content["decision"]["reasons"][0]["name"],
        "used imported clothing"
    );
    sqlx::query("UPDATE evidence SET content_json = REPLACE(content_json, '150000', '15000')")
        .execute(store.pool())
        .await
        .expect("tamper");
    let tampered = store
        .case(case_id)
        .await
        .expect("case")
        .evidence
        .expect("frozen");
    assert!(!tampered.verify());
    let taken_down = store.taken_down_listings().await.expect("taken down");
    assert_eq!(taken_down[0].normalised_text, "jaket bekas import 1");
    assert_eq!(taken_down[0].image_hashes.len(), 1);
}

async fn seqs(store: &saring_store::Store) -> Vec<i64> {
    store
        .verify_audit()
        .await
        .expect("verify")
        .problems
        .iter()
        .map(AuditProblem::seq)
        .collect()
}

async fn audit_log_finds_edited_removed_and_reordered_entries(t: TestStore) {
    let store = &t.store;
    common::screen_flagged(store, 0, 4).await;
    let report = store.verify_audit().await.expect("verify");
    assert!(report.is_intact(), "{:?}", report.problems);
    assert_eq!(
        report.entries, 8,
        "a decision and a case opening per listing"
    );
    let pool = store.pool();
    // Edit entry 3.
    sqlx::query("UPDATE audit_log SET payload_json = REPLACE(payload_json, 'review', 'allow') WHERE seq = 3")
        .execute(pool)
        .await
        .expect("edit");
    assert_eq!(seqs(store).await, [3]);
    let report = store.verify_audit().await.expect("verify");
    assert!(
        report.problems[0].to_string().contains("edited"),
        "{}",
        report.problems[0]
    );
    sqlx::query("DELETE FROM audit_log WHERE seq = 3")
        .execute(pool)
        .await
        .expect("delete");
    // Removing the edited entry leaves a gap and a broken link at 4.
    assert_eq!(seqs(store).await, [3, 4]);
    // Reorder entries 5 and 6 (swap their sequence numbers).
    sqlx::query("UPDATE audit_log SET seq = -5 WHERE seq = 5")
        .execute(pool)
        .await
        .expect("swap");
    sqlx::query("UPDATE audit_log SET seq = 5 WHERE seq = 6")
        .execute(pool)
        .await
        .expect("swap");
    sqlx::query("UPDATE audit_log SET seq = 6 WHERE seq = -5")
        .execute(pool)
        .await
        .expect("swap");
    // Both swapped entries fail their hashes (the hash covers the sequence number), and 7
    // no longer follows the entry before it.
    assert_eq!(seqs(store).await, [3, 4, 5, 6, 7]);
    // Removing the last entry shows against the head.
    sqlx::query("DELETE FROM audit_log WHERE seq = 8")
        .execute(pool)
        .await
        .expect("truncate");
    assert_eq!(seqs(store).await, [3, 4, 5, 6, 7, 8]);
}

async fn configuration_changes_are_audited_once(t: TestStore) {
    let store = &t.store;
    assert!(
        store
            .record_config("policy", "v1", "aa", T0)
            .await
            .expect("record")
    );
    assert!(
        !store
            .record_config("policy", "v1", "aa", T0 + 1)
            .await
            .expect("record")
    );
    assert!(
        store
            .record_config("policy", "v1", "bb", T0 + 2)
            .await
            .expect("record")
    );
    assert!(
        store
            .record_config("lexicon", "v1", "aa", T0 + 3)
            .await
            .expect("record")
    );
    let kinds: Vec<String> = sqlx::query("SELECT kind FROM audit_log ORDER BY seq")
        .fetch_all(store.pool())
        .await
        .expect("rows")
        .iter()
        .map(|r| r.try_get("kind").expect("kind"))
        .collect();
    assert_eq!(kinds, ["config_changed"; 3]);
    assert!(store.verify_audit().await.expect("verify").is_intact());
}

fn entry(hash: &str, case: Option<&str>) -> BankEntryRecord {
    BankEntryRecord {
        bank: String::new(),
        hash_hex: hash.to_string(),
        quality: Some(90),
        source: Some("case photo".into()),
        case_id: case.map(str::to_string),
        added_by: Some("ana".into()),
        added_at: Some("2026-11-24T10:00:00Z".into()),
    }
}

async fn hash_banks_are_created_toggled_and_listed(t: TestStore) {
    let store = &t.store;
    let hash_a = "a".repeat(64);
    let hash_b = "b".repeat(64);
    store.create_bank("bales", "ana", T0).await.expect("create");
    store.create_bank("other", "ana", T0).await.expect("create");
    assert!(matches!(
        store.create_bank("bales", "ana", T0).await,
        Err(StoreError::BankExists(_))
    ));
    assert_eq!(
        store
            .add_bank_entries("bales", &[entry(&hash_a, Some("7"))], "ana", T0)
            .await
            .expect("add"),
        1
    );
    store
        .add_bank_entries("other", &[entry(&hash_b, None)], "ana", T0)
        .await
        .expect("add");
    assert!(matches!(
        store.add_bank_entries("nope", &[], "ana", T0).await,
        Err(StoreError::NoSuchBank(_))
    ));
    let enabled: Vec<String> = store
        .enabled_bank_entries()
        .await
        .expect("entries")
        .into_iter()
        .map(|e| e.hash_hex)
        .collect();
    assert_eq!(enabled, [hash_a.clone(), hash_b.clone()]);
    store
        .set_bank_enabled("other", false, "ana", T0)
        .await
        .expect("disable");
    let enabled = store.enabled_bank_entries().await.expect("entries");
    assert_eq!(enabled.len(), 1);
    assert_eq!(
        (
            enabled[0].bank.as_str(),
            enabled[0].case_id.as_deref(),
            enabled[0].quality
        ),
        ("bales", Some("7"), Some(90))
    );
    let banks = store.banks().await.expect("banks");
    assert_eq!(
        banks
            .iter()
            .map(|b| (b.name.as_str(), b.enabled, b.entries))
            .collect::<Vec<_>>(),
        [("bales", true, 1), ("other", false, 1)]
    );
    assert_eq!(
        store.bank_entries("other").await.expect("entries")[0].hash_hex,
        hash_b
    );
    assert!(store.verify_audit().await.expect("verify").is_intact());
}

async fn seller_hooks_store_keyed_hashes_links_and_fingerprints(t: TestStore) {
    let store = &t.store;
    let identifiers = [
        ("phone".to_string(), "k1".to_string()),
        ("bank_account".to_string(), "k2".to_string()),
    ];
    store
        .add_seller_identifiers("shopee", "s1", &identifiers, T0)
        .await
        .expect("add");
    store
        .add_seller_identifiers("tokopedia", "t9", &identifiers[..1], T0 + 1)
        .await
        .expect("add");
    store
        .add_seller_identifiers("shopee", "s1", &identifiers[..1], T0 + 2)
        .await
        .expect("idempotent");
    let sharing: Vec<(String, String)> = store
        .sellers_with_identifier("k1")
        .await
        .expect("lookup")
        .into_iter()
        .map(|i| (i.platform, i.seller_id))
        .collect();
    assert_eq!(
        sharing,
        [
            ("shopee".into(), "s1".into()),
            ("tokopedia".into(), "t9".into())
        ]
    );
    assert_eq!(
        store
            .seller_identifiers("shopee", "s1")
            .await
            .expect("ids")
            .len(),
        2
    );
    let columns: Vec<String> = sqlx::query("SELECT * FROM seller_identifiers")
        .fetch_all(store.pool())
        .await
        .expect("rows")[0]
        .columns()
        .iter()
        .map(|c| sqlx::Column::name(c).to_string())
        .collect();
    assert_eq!(
        columns,
        [
            "platform",
            "seller_id",
            "kind",
            "keyed_hash",
            "first_seen_at"
        ],
        "no column for raw identifiers"
    );
    let link = SellerLink {
        platform: "tokopedia".into(),
        seller_id: "t9".into(),
        linked_platform: "shopee".into(),
        linked_seller_id: "s1".into(),
        evidence: serde_json::json!({"shared": ["phone"]}),
        created_at: T0,
    };
    store.add_seller_link(&link).await.expect("link");
    assert_eq!(
        store.seller_links("shopee", "s1").await.expect("links"),
        std::slice::from_ref(&link)
    );
    assert_eq!(
        store.seller_links("tokopedia", "t9").await.expect("links"),
        [link]
    );
    let fingerprint = serde_json::json!({"names": ["toko thrift"], "minhash": [1, 2, 3]});
    store
        .upsert_seller_fingerprint("shopee", "s1", &serde_json::json!({}), T0)
        .await
        .expect("fp");
    store
        .upsert_seller_fingerprint("shopee", "s1", &fingerprint, T0 + 1)
        .await
        .expect("fp");
    assert_eq!(
        store.seller_fingerprint("shopee", "s1").await.expect("fp"),
        Some(fingerprint.clone())
    );
    assert_eq!(
        store.seller_fingerprints().await.expect("fps"),
        [("shopee".into(), "s1".into(), fingerprint)]
    );
    assert_eq!(
        store.seller("shopee", "nobody").await.expect("seller"),
        None
    );
}

async fn a_scan_update_saves_fingerprints_identifiers_and_one_link_per_pair(t: TestStore) {
    let store = &t.store;
    let link = |evidence: &str, created_at| SellerLink {
        platform: "shopee".into(),
        seller_id: "new".into(),
        linked_platform: "shopee".into(),
        linked_seller_id: "banned".into(),
        evidence: serde_json::json!([{"kind": "identifier", "detail": evidence}]),
        created_at,
    };
    let update = |fingerprint: serde_json::Value, evidence: &str, at| SellerUpdate {
        platform: "shopee".into(),
        seller_id: "new".into(),
        fingerprint,
        identifiers: vec![("phone".into(), "k1".into())],
        links: vec![link(evidence, at)],
    };
    let first = update(serde_json::json!({"v": 1}), "same phone", T0);
    store.update_sellers(&[first], T0).await.expect("update");
    let second = update(serde_json::json!({"v": 2}), "same phone; photo", T0 + 1);
    store
        .update_sellers(&[second], T0 + 1)
        .await
        .expect("update");
    assert_eq!(
        store.seller_fingerprint("shopee", "new").await.expect("fp"),
        Some(serde_json::json!({"v": 2}))
    );
    let identifiers = store
        .seller_identifiers("shopee", "new")
        .await
        .expect("ids");
    assert_eq!(identifiers.len(), 1);
    assert_eq!(identifiers[0].first_seen_at, T0);
    let links = store.seller_links("shopee", "banned").await.expect("links");
    assert_eq!(
        links,
        [link("same phone; photo", T0)],
        "one row, newest evidence"
    );
    let seller = store.seller("shopee", "new").await.expect("seller");
    assert_eq!(seller.map(|s| s.status), Some(SellerStatus::Active));
    assert_eq!(
        store.seller_platforms("new").await.expect("platforms"),
        ["shopee"]
    );
}

async fn settings_keep_the_first_value_written(t: TestStore) {
    let store = &t.store;
    assert_eq!(store.setting("secret").await.expect("read"), None);
    let first = store
        .setting_or_insert("secret", "a", T0)
        .await
        .expect("set");
    let second = store
        .setting_or_insert("secret", "b", T0 + 1)
        .await
        .expect("set");
    assert_eq!((first.as_str(), second.as_str()), ("a", "a"));
    assert_eq!(
        store.setting("secret").await.expect("read").as_deref(),
        Some("a")
    );
}
