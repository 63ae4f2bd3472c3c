//! Marketplace listing URLs as regulators and platforms write them (takedown requests, the
//! `url` of a listing): any text is a canonical listing or a problem, never a panic. A
//! canonical key names its platform, and query strings and fragments never change it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use saring_takedowns::canonicalise;

fuzz_target!(|data: &[u8]| {
    let Ok(raw) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(canonical) = canonicalise(raw) else {
        return;
    };
    let prefix = format!("{}/", canonical.platform.as_str());
    assert!(
        canonical.key.as_str().starts_with(&prefix),
        "{raw:?} gives key {} on {}",
        canonical.key,
        canonical.platform.as_str()
    );
    let trimmed = raw.trim();
    if !trimmed.contains(['?', '#']) {
        let tracked = format!("{trimmed}?utm_source=fuzz&sp_atk=1#reviews");
        assert_eq!(
            canonicalise(&tracked).as_ref(),
            Ok(&canonical),
            "tracking parameters changed the key of {raw:?}"
        );
    }
});
