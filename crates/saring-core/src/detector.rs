//! The interface every detector (text, image, seller) implements.

use crate::listing::Listing;
use crate::signal::Signal;

/// Looks at a listing and reports evidence. Detectors run side by side; the policy, not
/// the detector, decides what the evidence means.
pub trait Detector: Send + Sync {
    /// Short name, e.g. `lexicon`.
    fn name(&self) -> &str;
    /// Version of the detector's data or model, part of every decision's `model_version`.
    fn version(&self) -> String;
    /// Appends this detector's signals about `listing` to `signals`.
    fn detect(&self, listing: &Listing, signals: &mut Vec<Signal>);
}

/// A detector shared between screeners, e.g. one kept while the others are rebuilt.
impl<D: Detector + ?Sized> Detector for std::sync::Arc<D> {
    fn name(&self) -> &str {
        (**self).name()
    }

    fn version(&self) -> String {
        (**self).version()
    }

    fn detect(&self, listing: &Listing, signals: &mut Vec<Signal>) {
        (**self).detect(listing, signals);
    }
}
