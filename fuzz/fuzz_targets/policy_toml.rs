//! Policy TOML (`config/policy.toml`, or a file given with `--policy`): any text is a policy
//! or an error, never a panic; a policy that loads decides on listings with evidence of every
//! kind, with a score in 0..=1 and a verdict that agrees with the thresholds.
#![no_main]

use libfuzzer_sys::fuzz_target;
use saring_core::{Listing, Policy, Signal, SignalKind, Verdict};

/// One signal of every kind, strong and weak, named like the bundled lexicon's categories.
fn evidence() -> Vec<Signal> {
    let kinds = [
        SignalKind::Lexicon,
        SignalKind::Rule,
        SignalKind::Classifier,
        SignalKind::External,
        SignalKind::ImageMatch,
        SignalKind::SellerLink,
        SignalKind::Relisting,
    ];
    kinds
        .iter()
        .zip([1.0, 0.9, 0.5, 0.0, 0.75, 0.3, 1.0])
        .map(|(&kind, score)| Signal {
            kind,
            name: format!("{}-signal", kind.as_str()),
            category: Some("bulk_bale".to_string()),
            score,
            detail: String::new(),
            spans: Vec::new(),
        })
        .collect()
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(policy) = Policy::from_toml(text) else {
        return;
    };
    let listing = Listing::from_json(
        r#"{"id":"fuzz-1","platform":"shopee","title":"bal karungan","signals":{"vision.bale":0.8}}"#,
    )
    .expect("the fuzz listing is valid")
    .listing;
    for signals in [Vec::new(), evidence()] {
        let decision = policy.decide(&listing, signals, "fuzz");
        assert!(
            (0.0..=1.0).contains(&decision.score),
            "score {} out of 0..=1",
            decision.score
        );
        let thresholds = &policy.config().thresholds;
        if decision.score < thresholds.review {
            assert_eq!(decision.decision, Verdict::Allow);
        }
        if decision.decision == Verdict::Block {
            assert!(decision.score >= thresholds.block);
        }
    }
});
