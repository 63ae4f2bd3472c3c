//! The text detector: normalises a listing's title and description once and runs the
//! lexicon and the classifier over the same normalised text.

use saring_core::{Detector, Listing, Signal};
use saring_normalise::normalise;

use crate::{Classifier, Lexicon};

/// The lexicon and the classifier side by side, sharing one normalisation per field.
///
/// Its signals are exactly those of the two detectors run one after the other (lexicon
/// first), at about half the normalising cost.
#[derive(Debug)]
pub struct TextDetector {
    lexicon: Lexicon,
    classifier: Classifier,
}

impl TextDetector {
    /// A detector running `lexicon` and `classifier`.
    pub fn new(lexicon: Lexicon, classifier: Classifier) -> Self {
        TextDetector {
            lexicon,
            classifier,
        }
    }

    /// The lexicon.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The classifier.
    pub fn classifier(&self) -> &Classifier {
        &self.classifier
    }
}

impl Detector for TextDetector {
    fn name(&self) -> &str {
        "text"
    }

    /// The versions of both, as `lexicon@...+classifier@...`.
    fn version(&self) -> String {
        format!(
            "{}+{}",
            self.lexicon.version_tag(),
            self.classifier.version()
        )
    }

    fn detect(&self, listing: &Listing, signals: &mut Vec<Signal>) {
        let title = normalise(&listing.title);
        let description = normalise(&listing.description);
        self.lexicon.signals(listing, &title, &description, signals);
        signals.push(self.classifier.signal(listing, &title, &description));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classifier::tests::trained;

    fn listing(title: &str, description: &str) -> Listing {
        let value = serde_json::json!({
            "id": "1", "platform": "shopee", "title": title, "description": description
        });
        Listing::from_value(value).expect("valid listing").listing
    }

    #[test]
    fn gives_the_same_signals_as_the_two_detectors_one_after_the_other() {
        let lexicon = Lexicon::from_toml(include_str!("../../../config/lexicon.toml"))
            .expect("bundled lexicon");
        let classifier = trained();
        let mut separate = Vec::new();
        let mut together = Vec::new();
        let detector = TextDetector::new(
            Lexicon::from_toml(include_str!("../../../config/lexicon.toml"))
                .expect("bundled lexicon"),
            classifier.clone(),
        );
        for (title, description) in [
            ("BAL SEGEL k0rea jaket", "isi 300 pcs, b.e.k.a.s, grade A"),
            ("Bola voli per bal isi 10", "baru"),
            ("", ""),
        ] {
            let item = listing(title, description);
            lexicon.detect(&item, &mut separate);
            classifier.detect(&item, &mut separate);
            detector.detect(&item, &mut together);
        }
        assert_eq!(separate, together);
        assert!(together.len() > 4, "{together:?}");
        assert_eq!(
            detector.version(),
            format!("{}+{}", lexicon.version_tag(), classifier.version())
        );
        assert!(detector.version().starts_with("lexicon@"));
    }
}
