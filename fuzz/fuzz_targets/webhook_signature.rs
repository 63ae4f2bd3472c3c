//! The `Saring-Signature` header a webhook receiver checks: any header and body are accepted
//! or refused, never a panic; a signature made with the secret verifies its body, and not with
//! another secret. The first line is also read as an endpoint URL (`saring webhooks add`):
//! an accepted URL is accepted again unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use saring_webhooks::{DEFAULT_TOLERANCE_SECONDS, check_endpoint_url, signature_header, verify};

const SECRET: &[u8] = b"whsec-fuzz-0123456789abcdef0123456789";
const NOW: i64 = 1_796_000_000;

fuzz_target!(|data: &[u8]| {
    // The header is the first line, the body the rest.
    let split = data.iter().position(|&b| b == b'\n').unwrap_or(data.len());
    let (header, body) = (&data[..split], data.get(split + 1..).unwrap_or_default());
    if let Ok(header) = std::str::from_utf8(header) {
        let _ = verify(SECRET, header, body, NOW, DEFAULT_TOLERANCE_SECONDS);
        let _ = verify(SECRET, header, body, i64::MIN, i64::MIN);
        let _ = verify(SECRET, header, body, i64::MAX, i64::MAX);
        if let Ok(url) = check_endpoint_url(header) {
            assert_eq!(check_endpoint_url(&url).as_ref(), Ok(&url));
        }
    }
    let ours = signature_header(SECRET, NOW, body);
    assert!(verify(SECRET, &ours, body, NOW + 1, DEFAULT_TOLERANCE_SECONDS).is_ok());
    assert!(
        verify(
            b"another secret of enough length!",
            &ours,
            body,
            NOW,
            DEFAULT_TOLERANCE_SECONDS
        )
        .is_err()
    );
});
