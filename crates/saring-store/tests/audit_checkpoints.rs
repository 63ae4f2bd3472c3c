//! The audit log against signed checkpoints kept outside the database: every way of
//! tampering with the log (removing, editing, reordering, truncating, rewriting with a
//! recomputed chain) is caught against an earlier checkpoint, on SQLite and PostgreSQL;
//! inclusion and consistency proofs verify with the public key alone.

mod common;

use common::{T0, TestStore, confirm_new, screen_flagged as fill};
use saring_core::Priority;
use saring_store::transparency::{
    AuditLog, CheckpointOutcome, FirstDifference, ProofDocument, ProofSummary,
};
use saring_store::{AuditEntry, AuditProblem, Store};
use saring_tlog::{Checkpoint, LogSigner};

on_both_stores!(
    removing_the_last_entries_and_moving_the_head_back_is_caught_as_truncation,
    an_edited_entry_is_named_against_a_checkpoint,
    an_edited_head_hash_is_caught,
    reordered_entries_are_named_against_a_checkpoint,
    an_emptied_log_is_shorter_than_the_checkpoint,
    a_rewrite_with_a_recomputed_chain_is_caught_and_located_between_checkpoints,
    a_case_history_is_proven_without_the_log,
    a_later_checkpoint_is_proven_to_extend_an_earlier_one,
    concurrent_writers_keep_one_sequence,
);

fn signer() -> LogSigner {
    LogSigner::from_seed("saring.test/audit", &[42; 32]).expect("signer")
}

/// A signed checkpoint of the log as it is now, as a regulator keeps it.
async fn checkpoint(store: &Store) -> (String, Checkpoint) {
    let log = store.read_audit_log().await.expect("read");
    assert!(log.report.is_intact(), "{:?}", log.report.problems);
    let note = signer()
        .sign(log.tree.size(), &log.tree.root(), T0)
        .expect("sign");
    let checkpoint = signer().verifier().verify(&note).expect("verify");
    (note, checkpoint)
}

async fn run(store: &Store, sql: &str) {
    sqlx::query(sqlx::AssertSqlSafe(sql.to_string()))
        .execute(store.pool())
        .await
        .unwrap_or_else(|error| panic!("{sql}: {error}"));
}

async fn check(store: &Store, checkpoints: &[&Checkpoint]) -> (AuditLog, Vec<CheckpointOutcome>) {
    let log = store.read_audit_log().await.expect("read");
    let kept: Vec<Checkpoint> = checkpoints.iter().map(|c| (*c).clone()).collect();
    let outcomes = log
        .check(&kept)
        .into_iter()
        .map(|check| check.outcome)
        .collect();
    (log, outcomes)
}

async fn message(store: &Store, checkpoint: &Checkpoint) -> String {
    let log = store.read_audit_log().await.expect("read");
    log.check(std::slice::from_ref(checkpoint))[0].to_string()
}

async fn removing_the_last_entries_and_moving_the_head_back_is_caught_as_truncation(t: TestStore) {
    let store = &t.store;
    fill(store, 0, 4).await;
    let (_, kept) = checkpoint(store).await;
    assert_eq!(kept.size, 8);
    run(store, "DELETE FROM audit_log WHERE seq > 6").await;
    run(
        store,
        "UPDATE audit_head SET seq = 6, hash = (SELECT hash FROM audit_log WHERE seq = 6) WHERE id = 1",
    )
    .await;
    // The chain alone cannot tell: this is what the checkpoint is for.
    assert!(store.verify_audit().await.expect("verify").is_intact());
    let (_, outcomes) = check(store, &[&kept]).await;
    assert_eq!(outcomes, [CheckpointOutcome::Shorter { entries: 6 }]);
    let said = message(store, &kept).await;
    assert!(said.contains("entries 7 to 8 were removed"), "{said}");
    // Writers carry on from the moved head: the log grows past the checkpoint again,
    // and still differs from it.
    fill(store, 10, 2).await;
    let (log, outcomes) = check(store, &[&kept]).await;
    assert_eq!(log.tree.size(), 10);
    assert!(log.report.is_intact());
    assert_eq!(
        outcomes,
        [CheckpointOutcome::Differs(FirstDifference::Among {
            from: 1,
            to: 8
        })]
    );
}

async fn an_edited_entry_is_named_against_a_checkpoint(t: TestStore) {
    let store = &t.store;
    fill(store, 0, 4).await;
    let (_, kept) = checkpoint(store).await;
    fill(store, 4, 1).await;
    let edit =
        "UPDATE audit_log SET payload_json = REPLACE(payload_json, 'review', 'allow') WHERE seq = ";
    // An edit after the checkpoint's entries leaves the checkpoint standing; the chain
    // names it.
    run(store, &format!("{edit}9")).await;
    let (log, outcomes) = check(store, &[&kept]).await;
    assert_eq!(log.report.problems, [AuditProblem::Edited { seq: 9 }]);
    assert!(matches!(outcomes[0], CheckpointOutcome::Extends { .. }));
    run(store, &format!("{edit}3")).await;
    let (_, outcomes) = check(store, &[&kept]).await;
    assert_eq!(
        outcomes,
        [CheckpointOutcome::Differs(FirstDifference::Entry(
            AuditProblem::Edited { seq: 3 }
        ))]
    );
    let said = message(store, &kept).await;
    assert!(said.contains("first differing entry: entry 3"), "{said}");
}

async fn an_edited_head_hash_is_caught(t: TestStore) {
    let store = &t.store;
    fill(store, 0, 2).await;
    let (_, kept) = checkpoint(store).await;
    run(
        store,
        "UPDATE audit_head SET hash = 'ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff' WHERE id = 1",
    )
    .await;
    let (log, outcomes) = check(store, &[&kept]).await;
    assert_eq!(
        log.report.problems,
        [AuditProblem::Head {
            head_seq: 4,
            last_seq: 4
        }]
    );
    assert!(log.report.problems[0].to_string().contains("audit_head"));
    // The entries themselves are untouched: the checkpoint still stands.
    assert!(matches!(outcomes[0], CheckpointOutcome::Extends { .. }));
}

async fn reordered_entries_are_named_against_a_checkpoint(t: TestStore) {
    let store = &t.store;
    fill(store, 0, 4).await;
    let (_, kept) = checkpoint(store).await;
    run(store, "UPDATE audit_log SET seq = -5 WHERE seq = 5").await;
    run(store, "UPDATE audit_log SET seq = 5 WHERE seq = 6").await;
    run(store, "UPDATE audit_log SET seq = 6 WHERE seq = -5").await;
    let (_, outcomes) = check(store, &[&kept]).await;
    assert_eq!(
        outcomes,
        [CheckpointOutcome::Differs(FirstDifference::Entry(
            AuditProblem::Edited { seq: 5 }
        ))]
    );
}

async fn an_emptied_log_is_shorter_than_the_checkpoint(t: TestStore) {
    let store = &t.store;
    fill(store, 0, 3).await;
    let (_, kept) = checkpoint(store).await;
    run(store, "DELETE FROM audit_log").await;
    run(
        store,
        "UPDATE audit_head SET seq = 0, hash = '0000000000000000000000000000000000000000000000000000000000000000' WHERE id = 1",
    )
    .await;
    assert!(store.verify_audit().await.expect("verify").is_intact());
    let (_, outcomes) = check(store, &[&kept]).await;
    assert_eq!(outcomes, [CheckpointOutcome::Shorter { entries: 0 }]);
    assert!(
        message(store, &kept)
            .await
            .contains("entries 1 to 6 were removed")
    );
}

/// Rewrites the log from entry `from` on as someone with write access to the database
/// and without the key would: `edit` the entry, then recompute every hash after it and
/// the head, so that the chain verifies.
async fn rewrite(store: &Store, from: i64, edit: impl Fn(&mut AuditEntry)) {
    let log = store.read_audit_log().await.expect("read");
    let seqs: Vec<i64> = (from..=log.tree.size() as i64).collect();
    let mut entries = store.audit_entries(&seqs).await.expect("entries");
    let mut previous = match store
        .audit_entries(&[from - 1])
        .await
        .expect("entry")
        .first()
    {
        Some(entry) => entry.hash.clone(),
        None => "0".repeat(64),
    };
    for entry in &mut entries {
        if entry.seq == from {
            edit(entry);
        }
        entry.prev_hash = previous;
        entry.hash = entry.computed_hash();
        previous = entry.hash.clone();
        sqlx::query(
            "UPDATE audit_log SET at = $1, payload_json = $2, prev_hash = $3, hash = $4 WHERE seq = $5",
        )
        .bind(entry.at)
        .bind(&entry.payload)
        .bind(&entry.prev_hash)
        .bind(&entry.hash)
        .bind(entry.seq)
        .execute(store.pool())
        .await
        .expect("rewrite");
    }
    sqlx::query("UPDATE audit_head SET hash = $1 WHERE id = 1")
        .bind(&previous)
        .execute(store.pool())
        .await
        .expect("head");
}

async fn a_rewrite_with_a_recomputed_chain_is_caught_and_located_between_checkpoints(t: TestStore) {
    let store = &t.store;
    fill(store, 0, 2).await;
    let (_, first) = checkpoint(store).await;
    fill(store, 2, 2).await;
    let (_, second) = checkpoint(store).await;
    fill(store, 4, 1).await;
    rewrite(store, 6, |entry| {
        entry.payload = entry.payload.replace("review", "allow");
    })
    .await;
    let (log, outcomes) = check(store, &[&second, &first]).await;
    assert!(log.report.is_intact(), "the chain was recomputed");
    assert!(matches!(outcomes[1], CheckpointOutcome::Extends { .. }));
    assert_eq!(
        outcomes[0],
        CheckpointOutcome::Differs(FirstDifference::Among { from: 5, to: 8 })
    );
    let said = message(store, &second).await;
    assert!(said.contains("recomputed"), "{said}");
    // With only the later checkpoint kept, the whole of it is in question.
    let (_, alone) = check(store, &[&second]).await;
    assert_eq!(
        alone,
        [CheckpointOutcome::Differs(FirstDifference::Among {
            from: 1,
            to: 8
        })]
    );
    // A rewrite of the whole log from its first entry is caught by both.
    rewrite(store, 1, |entry| entry.at += 1).await;
    let (log, outcomes) = check(store, &[&first, &second]).await;
    assert!(log.report.is_intact());
    assert!(
        outcomes
            .iter()
            .all(|outcome| matches!(outcome, CheckpointOutcome::Differs(_)))
    );
}

async fn a_case_history_is_proven_without_the_log(t: TestStore) {
    let store = &t.store;
    fill(store, 0, 2).await;
    let case = confirm_new(store, "x1", "s2", Priority::Retail, T0 + 10).await;
    fill(store, 2, 2).await;
    let (note, kept) = checkpoint(store).await;
    let log = store.read_audit_log().await.expect("read");
    let entries = store
        .case_audit_entries(case.case.id)
        .await
        .expect("history");
    let kinds: Vec<&str> = entries.iter().map(|entry| entry.kind.as_str()).collect();
    assert!(kinds.contains(&"decision"), "{kinds:?}");
    assert!(kinds.contains(&"case_opened"), "{kinds:?}");
    assert!(kinds.contains(&"review"), "{kinds:?}");
    assert!(
        entries.iter().all(|entry| entry.subject.contains("x1")
            || entry.subject == format!("case/{}", case.case.id)),
        "{entries:?}"
    );
    let proof = log
        .prove_inclusion(&note, &kept, entries.clone())
        .expect("prove");
    let document = ProofDocument::Inclusion(proof.clone());
    let json = serde_json::to_string(&document).expect("json");
    let read: ProofDocument = serde_json::from_str(&json).expect("reads back");
    let verifier = signer().verifier();
    match read.verify(&verifier).expect("verifies") {
        ProofSummary::Inclusion { checkpoint, seqs } => {
            assert_eq!(checkpoint, kept);
            assert_eq!(
                seqs,
                entries.iter().map(|entry| entry.seq).collect::<Vec<_>>()
            );
        }
        other => panic!("{other:?}"),
    }
    // Altered entries, positions or paths do not verify.
    let mut edited = proof.clone();
    edited.entries[0].entry.payload = edited.entries[0].entry.payload.replace("review", "allow");
    edited.entries[0].entry.hash = edited.entries[0].entry.computed_hash();
    let error = ProofDocument::Inclusion(edited)
        .verify(&verifier)
        .expect_err("edited entry");
    assert!(
        error.to_string().contains("does not lead to the root"),
        "{error}"
    );
    let mut moved = proof.clone();
    moved.entries[0].leaf_index += 1;
    moved.entries[0].entry.seq += 1;
    moved.entries[0].entry.hash = moved.entries[0].entry.computed_hash();
    assert!(ProofDocument::Inclusion(moved).verify(&verifier).is_err());
    let mut forged = proof.clone();
    forged.entries[0].audit_path[0] = "00".repeat(32);
    assert!(ProofDocument::Inclusion(forged).verify(&verifier).is_err());
    let mut bad_hex = proof.clone();
    bad_hex.entries[0].audit_path[0] = "not hex".into();
    assert!(ProofDocument::Inclusion(bad_hex).verify(&verifier).is_err());
    let other_key = LogSigner::from_seed("saring.test/audit", &[1; 32]).expect("signer");
    assert!(document.verify(&other_key.verifier()).is_err());
    // Entries after the checkpoint cannot be proven in it.
    fill(store, 4, 1).await;
    let later = store
        .audit_entries(&[log.tree.size() as i64 + 1])
        .await
        .expect("entry");
    let log = store.read_audit_log().await.expect("read");
    assert!(log.prove_inclusion(&note, &kept, later).is_err());
}

async fn a_later_checkpoint_is_proven_to_extend_an_earlier_one(t: TestStore) {
    let store = &t.store;
    fill(store, 0, 3).await;
    let (old_note, old) = checkpoint(store).await;
    fill(store, 3, 2).await;
    let (new_note, new) = checkpoint(store).await;
    let log = store.read_audit_log().await.expect("read");
    let proof = log
        .prove_consistency((&old_note, &old), (&new_note, &new))
        .expect("prove");
    let verifier = signer().verifier();
    assert_eq!(
        ProofDocument::Consistency(proof.clone())
            .verify(&verifier)
            .expect("verifies"),
        ProofSummary::Consistency {
            old: old.clone(),
            new: new.clone()
        }
    );
    let mut swapped = proof.clone();
    std::mem::swap(&mut swapped.old_checkpoint, &mut swapped.checkpoint);
    assert!(
        ProofDocument::Consistency(swapped)
            .verify(&verifier)
            .is_err()
    );
    // A forked log signed with the same key (an operator rewriting history) has no
    // consistency proof from the old checkpoint.
    rewrite(store, 2, |entry| entry.at += 1).await;
    let (forked_note, forked) = checkpoint(store).await;
    let log = store.read_audit_log().await.expect("read");
    assert!(
        log.prove_consistency((&old_note, &old), (&forked_note, &forked))
            .is_err()
    );
    let mut grafted = proof;
    grafted.checkpoint = forked_note;
    assert!(
        ProofDocument::Consistency(grafted)
            .verify(&verifier)
            .is_err()
    );
}

async fn concurrent_writers_keep_one_sequence(t: TestStore) {
    let mut writers = tokio::task::JoinSet::new();
    for writer in 0..8 {
        let store = t.store.clone();
        writers.spawn(async move { fill(&store, writer * 100, 5).await });
    }
    while let Some(done) = writers.join_next().await {
        done.expect("writer");
    }
    let log = t.store.read_audit_log().await.expect("read");
    assert!(log.report.is_intact(), "{:?}", log.report.problems);
    assert_eq!(log.tree.size(), 8 * 5 * 2);
    for seq in 1..=80 {
        assert_eq!(log.position_of(seq), Some(seq as u64 - 1));
    }
}
