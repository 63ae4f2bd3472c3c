//! Text detectors: they read a listing's title and description through the normaliser and
//! report what they find as signals with spans of what the seller wrote.
//!
//! - [`lexicon`]: the trade's words, as data;
//! - [`classifier`]: a trained logistic regression over hashed n-grams;
//! - [`detector`]: both over one normalisation of the text, as the engine runs them;
//! - [`code_words`]: new code words learnt from reviewers' decisions;
//! - [`corpus`]: the labelled listings the classifier learns from and is measured on.

pub mod classifier;
pub mod code_words;
pub mod corpus;
pub mod detector;
pub mod lexicon;

pub use classifier::{Classifier, Model, ModelError};
pub use code_words::{CodeWordCandidate, ReviewedText, SuggestOptions, suggest_code_words};
pub use corpus::{Label, LabelledListing};
pub use detector::TextDetector;
pub use lexicon::{Lexicon, LexiconError};
