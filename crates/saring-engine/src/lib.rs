//! Screening: listing -> detectors (signals) -> policy -> decision.
//!
//! The engine owns no I/O: callers hand it configuration text (or use the bundled
//! defaults compiled into the binary) and listings, and get decisions back.

use saring_core::{Decision, Detector, Listing, Policy, PolicyError};
use saring_text::{Classifier, Lexicon, LexiconError, ModelError, TextDetector};

/// The configuration shipped with saring, compiled in so one binary runs anywhere.
pub mod bundled {
    /// `config/lexicon.toml`.
    pub const LEXICON: &str = include_str!("../../../config/lexicon.toml");
    /// `config/policy.toml`.
    pub const POLICY: &str = include_str!("../../../config/policy.toml");
    /// `config/enforcement.toml`, the graduated enforcement policy.
    pub const ENFORCEMENT: &str = include_str!("../../../config/enforcement.toml");
    /// `models/text-classifier.bin`, the text classifier trained on `corpus/train.jsonl`.
    pub const MODEL: &[u8] = include_bytes!("../../../models/text-classifier.bin");
}

/// The engine could not be configured.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    /// The lexicon is invalid.
    #[error(transparent)]
    Lexicon(#[from] LexiconError),
    /// The policy is invalid.
    #[error(transparent)]
    Policy(#[from] PolicyError),
    /// The classifier model cannot be used.
    #[error("text classifier: {0}")]
    Model(#[from] ModelError),
}

/// Configuration text for an engine; `None` means the bundled default.
#[derive(Debug, Clone, Default)]
pub struct EngineConfig {
    /// Lexicon TOML.
    pub lexicon: Option<String>,
    /// Policy TOML.
    pub policy: Option<String>,
    /// Text classifier model file (`models/text-classifier.bin` format).
    pub model: Option<Vec<u8>>,
}

/// Screens listings: every detector runs, then the policy decides.
pub struct Screener {
    detectors: Vec<Box<dyn Detector>>,
    policy: Policy,
    model_version: String,
}

impl Screener {
    /// A screener over the given detectors and policy.
    pub fn new(detectors: Vec<Box<dyn Detector>>, policy: Policy) -> Self {
        let model_version = Self::version_of(&detectors, &policy);
        Self {
            detectors,
            policy,
            model_version,
        }
    }

    /// The same screener with one more detector (image banks, seller links) beside the
    /// others.
    pub fn with_detector(mut self, detector: Box<dyn Detector>) -> Self {
        self.detectors.push(detector);
        self.model_version = Self::version_of(&self.detectors, &self.policy);
        self
    }

    fn version_of(detectors: &[Box<dyn Detector>], policy: &Policy) -> String {
        let mut parts: Vec<String> = detectors.iter().map(|d| d.version()).collect();
        parts.push(format!("policy@{}", policy.version()));
        parts.join("+")
    }

    /// The standard detector set, configured from `config` (bundled defaults where
    /// `config` gives nothing).
    pub fn from_config(config: &EngineConfig) -> Result<Self, EngineError> {
        let lexicon = Lexicon::from_toml(config.lexicon.as_deref().unwrap_or(bundled::LEXICON))?;
        let policy = Policy::from_toml(config.policy.as_deref().unwrap_or(bundled::POLICY))?;
        let classifier = Classifier::from_bytes(config.model.as_deref().unwrap_or(bundled::MODEL))?;
        // One text detector: the title and description are normalised once for both.
        Ok(Self::new(
            vec![Box::new(TextDetector::new(lexicon, classifier))],
            policy,
        ))
    }

    /// Versions of every detector and the policy, as written into each decision.
    pub fn model_version(&self) -> &str {
        &self.model_version
    }

    /// Screens one listing.
    pub fn screen(&self, listing: &Listing) -> Decision {
        let mut signals = Vec::new();
        for detector in &self.detectors {
            detector.detect(listing, &mut signals);
        }
        self.policy.decide(listing, signals, &self.model_version)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use saring_core::{SignalKind, Verdict};

    fn listing(title: &str, description: &str) -> Listing {
        let text = serde_json::json!({
            "id": "1", "platform": "shopee", "title": title, "description": description
        });
        Listing::from_value(text).expect("valid listing").listing
    }

    #[test]
    fn bundled_configuration_runs_lexicon_and_classifier() {
        let screener = Screener::from_config(&EngineConfig::default()).expect("bundled config");
        let version = screener.model_version();
        assert!(version.starts_with("lexicon@"), "{version}");
        assert!(version.contains("+classifier@text-"), "{version}");
        assert!(version.contains("+policy@"), "{version}");
        let decision = screener.screen(&listing(
            "Jaket bekas import Korea, thrift second",
            "kondisi 90%, 1 pcs only",
        ));
        assert_ne!(decision.decision, Verdict::Allow);
        assert!(
            decision
                .reasons
                .iter()
                .any(|r| r.kind == SignalKind::Classifier),
            "{decision:?}"
        );
    }

    #[test]
    fn a_model_override_is_used_and_a_broken_one_is_refused() {
        let config = EngineConfig {
            model: Some(b"SARINGTC".to_vec()),
            ..EngineConfig::default()
        };
        let error = Screener::from_config(&config)
            .err()
            .expect("a truncated model is refused");
        assert!(matches!(error, EngineError::Model(_)), "{error}");
        assert!(error.to_string().contains("truncated"), "{error}");
        let config = EngineConfig {
            model: Some(bundled::MODEL.to_vec()),
            ..EngineConfig::default()
        };
        assert!(Screener::from_config(&config).is_ok());
    }
}
