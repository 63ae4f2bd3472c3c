//! Enforcement TOML (`config/enforcement.toml`, or `saring serve --enforcement`): any text is
//! an enforcement policy or an error, never a panic; a policy that loads gives every offence,
//! retail or wholesale, at least one sanction, each with its legal basis.
#![no_main]

use libfuzzer_sys::fuzz_target;
use saring_core::{EnforcementPolicy, Priority};

/// A confirmation time in unix ms (December 2026).
const NOW_MS: i64 = 1_796_000_000_000;
const DAY_MS: i64 = 86_400_000;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(policy) = EnforcementPolicy::from_toml(text) else {
        return;
    };
    let strikes: Vec<i64> = (1..=5).map(|days| NOW_MS - days * DAY_MS).collect();
    for priority in [Priority::None, Priority::Retail, Priority::Wholesale] {
        for earlier in 0..=strikes.len() {
            let enforcement = policy.enforce(priority, &strikes[..earlier], NOW_MS, &[]);
            assert!(!enforcement.sanctions.is_empty());
            assert!(enforcement.offence >= 1 && enforcement.offence <= earlier + 1);
            for sanction in &enforcement.sanctions {
                assert!(
                    !sanction.legal_basis.is_empty(),
                    "{sanction:?} has no legal basis"
                );
            }
        }
    }
    assert!(!policy.reinstatement("fuzz").legal_basis.is_empty());
});
