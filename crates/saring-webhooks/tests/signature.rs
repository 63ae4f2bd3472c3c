//! The signature scheme from the receiver's side: what verifies and what is refused.

use proptest::prelude::*;
use saring_webhooks::{DEFAULT_TOLERANCE_SECONDS, VerifyError, signature_header, verify};

const SECRET: &[u8] = b"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
const NOW: i64 = 1_764_750_000;
const BODY: &[u8] = br#"{"event_id":"evt_1","kind":"takedown","listing_id":"1"}"#;

fn check(secret: &[u8], header: &str, body: &[u8], now: i64) -> Result<(), VerifyError> {
    verify(secret, header, body, now, DEFAULT_TOLERANCE_SECONDS)
}

#[test]
fn the_header_is_a_timestamp_and_a_hex_hmac_of_timestamp_dot_body() {
    let header = signature_header(b"key", 1, b"{}");
    // HMAC-SHA256(key = "key", message = "1.{}"), computed independently with
    // `printf '1.{}' | openssl dgst -sha256 -hmac key`.
    assert_eq!(
        header,
        "t=1,v1=1ba6b8171186efc613e8bcc0cbdab2748f24984d7c5a84faa2637afa0e40d224"
    );
}

#[test]
fn a_signed_request_verifies_within_the_window() {
    let header = signature_header(SECRET, NOW, BODY);
    assert_eq!(check(SECRET, &header, BODY, NOW), Ok(()));
    assert_eq!(check(SECRET, &header, BODY, NOW + 300), Ok(()));
    assert_eq!(check(SECRET, &header, BODY, NOW - 300), Ok(()));
}

#[test]
fn a_tampered_body_is_refused() {
    let header = signature_header(SECRET, NOW, BODY);
    let tampered = br#"{"event_id":"evt_1","kind":"ban","listing_id":"1"}"#;
    assert_eq!(
        check(SECRET, &header, tampered, NOW),
        Err(VerifyError::Mismatch)
    );
    assert_eq!(check(SECRET, &header, b"", NOW), Err(VerifyError::Mismatch));
}

#[test]
fn a_wrong_secret_is_refused() {
    let header = signature_header(b"another platform's secret", NOW, BODY);
    assert_eq!(
        check(SECRET, &header, BODY, NOW),
        Err(VerifyError::Mismatch)
    );
}

#[test]
fn a_changed_timestamp_is_refused() {
    let header = signature_header(SECRET, NOW, BODY);
    let moved = header.replace(&format!("t={NOW}"), &format!("t={}", NOW + 1));
    assert_eq!(check(SECRET, &moved, BODY, NOW), Err(VerifyError::Mismatch));
}

#[test]
fn a_stale_or_future_timestamp_is_refused() {
    let header = signature_header(SECRET, NOW, BODY);
    for now in [NOW + 301, NOW - 301, NOW + 86_400] {
        assert!(
            matches!(
                check(SECRET, &header, BODY, now),
                Err(VerifyError::Stale { .. })
            ),
            "now {now}"
        );
    }
}

#[test]
fn malformed_headers_are_refused() {
    let good = signature_header(SECRET, NOW, BODY);
    let v1 = good.split_once(",v1=").map(|(_, hex)| hex).expect("v1");
    for header in [
        String::new(),
        "garbage".to_string(),
        format!("v1={v1}"),
        format!("t={NOW}"),
        format!("t=soon,v1={v1}"),
        format!("t={NOW},v1=not-hex"),
        format!("t={NOW},t={NOW},v1={v1}"),
    ] {
        assert!(
            matches!(
                check(SECRET, &header, BODY, NOW),
                Err(VerifyError::Malformed(_))
            ),
            "{header:?}"
        );
    }
}

#[test]
fn any_matching_v1_verifies_so_secrets_can_rotate() {
    let old = signature_header(b"old secret", NOW, BODY);
    let new = signature_header(SECRET, NOW, BODY);
    let new_v1 = new.split_once(",v1=").map(|(_, hex)| hex).expect("v1");
    let both = format!("{old},v1={new_v1},v2=ignored");
    assert_eq!(check(SECRET, &both, BODY, NOW), Ok(()));
    assert_eq!(check(b"old secret", &both, BODY, NOW), Ok(()));
    assert_eq!(
        check(b"third", &both, BODY, NOW),
        Err(VerifyError::Mismatch)
    );
}

proptest! {
    #[test]
    fn sign_then_verify_round_trips(
        secret in proptest::collection::vec(any::<u8>(), 1..100),
        body in proptest::collection::vec(any::<u8>(), 0..2_000),
        timestamp in 0_i64..4_000_000_000,
        skew in -300_i64..=300,
    ) {
        let header = signature_header(&secret, timestamp, &body);
        prop_assert_eq!(verify(&secret, &header, &body, timestamp + skew, 300), Ok(()));
        let mut flipped = body.clone();
        if let Some(first) = flipped.first_mut() {
            *first ^= 1;
            prop_assert_eq!(
                verify(&secret, &header, &flipped, timestamp, 300),
                Err(VerifyError::Mismatch)
            );
        }
    }
}
