//! Review UI sessions on both stores: found by token until expired, signed out or revoked.

mod common;

use common::{T0, TestStore};
use saring_core::Role;

on_both_stores!(sessions_open_until_they_expire_end_or_their_key_is_revoked);

async fn sessions_open_until_they_expire_end_or_their_key_is_revoked(t: TestStore) {
    let store = &t.store;
    let key = store
        .create_api_key(Role::Reviewer, &["shopee".to_string()], "Ana", "admin", T0)
        .await
        .expect("key made");
    let made = store
        .create_session(&key.principal, 1_000, T0)
        .await
        .expect("session made");
    let found = store
        .session(&made.token, T0 + 999)
        .await
        .expect("lookup")
        .expect("live session");
    assert_eq!(found.principal, key.principal);
    assert!(found.csrf_matches(&made.session.csrf_token));
    assert!(!found.csrf_matches(""));
    assert!(!found.csrf_matches(&made.token));

    // Only a hash of the token is stored.
    let stored: Vec<String> = sqlx::query_scalar("SELECT token_hash FROM sessions")
        .fetch_all(store.pool())
        .await
        .expect("rows");
    assert_eq!(stored.len(), 1);
    assert_ne!(stored[0], made.token);

    // Expired, unknown and signed-out sessions are not found.
    assert_eq!(
        store
            .session(&made.token, T0 + 1_000)
            .await
            .expect("lookup"),
        None
    );
    assert_eq!(store.session("nonsense", T0).await.expect("lookup"), None);
    let second = store
        .create_session(&key.principal, 10_000, T0)
        .await
        .expect("second session");
    store.delete_session(&second.token).await.expect("sign out");
    assert_eq!(
        store.session(&second.token, T0).await.expect("lookup"),
        None
    );

    // Expiry deletes the old rows; a revoked key's live session is refused.
    assert_eq!(store.expire_sessions(T0 + 1_000).await.expect("expire"), 1);
    let third = store
        .create_session(&key.principal, 10_000, T0)
        .await
        .expect("third session");
    store
        .revoke_api_key(&key.principal.key_id, "admin", T0 + 1)
        .await
        .expect("revoke");
    assert_eq!(
        store.session(&third.token, T0 + 2).await.expect("lookup"),
        None
    );
    assert!(store.create_session(&key.principal, 0, T0).await.is_err());
}
