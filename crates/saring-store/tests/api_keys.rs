//! API keys on both stores: made once, kept hashed, scoped, revocable, audited.

mod common;

use common::{T0, TestStore};
use saring_core::Role;

on_both_stores!(keys_authenticate_until_revoked_and_only_their_hash_is_kept);

async fn keys_authenticate_until_revoked_and_only_their_hash_is_kept(t: TestStore) {
    let store = &t.store;
    let shopee = vec!["shopee".to_string()];
    let made = store
        .create_api_key(Role::Platform, &shopee, "Shopee prod", "admin", T0)
        .await
        .expect("key made");
    assert!(made.key.starts_with("srg_"));
    let who = store
        .authenticate_api_key(&made.key)
        .await
        .expect("lookup")
        .expect("valid key authenticates");
    assert_eq!(who.role, Role::Platform);
    assert_eq!(who.platforms, shopee);

    // The secret is not stored anywhere in the clear.
    let stored: Vec<String> = sqlx::query_scalar("SELECT secret_hash FROM api_keys")
        .fetch_all(store.pool())
        .await
        .expect("rows");
    assert_eq!(stored.len(), 1);
    assert!(!stored[0].contains(&made.key[17..]));

    // A wrong secret with the right id, and garbage, do not authenticate.
    let mut forged = made.key.clone();
    let last = forged.pop().expect("non-empty");
    forged.push(if last == '0' { '1' } else { '0' });
    assert_eq!(
        store.authenticate_api_key(&forged).await.expect("lookup"),
        None
    );
    assert_eq!(
        store
            .authenticate_api_key("Bearer nonsense")
            .await
            .expect("lookup"),
        None
    );

    // Scope rules: platform keys need a platform, regulators take none.
    assert!(
        store
            .create_api_key(Role::Reviewer, &[], "r", "admin", T0)
            .await
            .is_err()
    );
    assert!(
        store
            .create_api_key(Role::Regulator, &shopee, "k", "admin", T0)
            .await
            .is_err()
    );
    let regulator = store
        .create_api_key(Role::Regulator, &[], "Kemendag", "admin", T0)
        .await
        .expect("regulator key");
    assert!(regulator.principal.platforms.is_empty());

    store
        .revoke_api_key(&who.key_id, "admin", T0 + 1)
        .await
        .expect("revoked");
    assert_eq!(
        store.authenticate_api_key(&made.key).await.expect("lookup"),
        None
    );
    assert!(store.revoke_api_key("nope", "admin", T0).await.is_err());
    let listed = store.api_keys().await.expect("list");
    assert_eq!(listed.len(), 2);
    assert!(
        listed
            .iter()
            .any(|k| k.id == who.key_id && k.revoked_at == Some(T0 + 1))
    );
    assert!(store.verify_audit().await.expect("audit").is_intact());
}
