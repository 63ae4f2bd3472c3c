//! The text classifier: a logistic regression over hashed character n-grams and words of
//! the normalised title and description.
//!
//! It complements the lexicon: the lexicon knows the trade's words, the classifier learns
//! how violating listings read from labelled examples, including listings with no banned
//! word at all. Its probability is one signal of kind [`SignalKind::Classifier`]; the
//! policy decides what it means together with the other evidence.
//!
//! - [`features`]: what the model sees (and the settings stored with it);
//! - [`model`]: the weights and their versioned, checked file format;
//! - [`train`]: deterministic training (FTRL-Proximal) and cross-validation;
//! - [`evaluate`]: precision, recall, F1, false-positive rates and the confusion table.
//!
//! Scoring remembers, per thread, what each recently seen word's own features add up to
//! (`memo`), so a word already met costs one lookup instead of sixteen; a score is the same
//! whether its words were remembered or not.

pub mod evaluate;
pub mod features;
mod memo;
pub mod model;
pub mod train;

use std::cell::RefCell;
use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};

use saring_core::decimal::push_two_decimals;
use saring_core::{Detector, Listing, Signal, SignalKind, Span, TextField};
use saring_normalise::{Normalised, normalise};

use features::{Field, Scratch, Visitor, Word, occurrence_value, visit_field};
use memo::{WordMemo, WordSum};
pub use model::{Model, ModelError};

/// Name of the classifier's signal.
pub const SIGNAL_NAME: &str = "text-classifier";

/// Below this probability a signal carries no spans: nothing needs pointing out.
const EXPLAIN_FROM: f64 = 0.5;

/// At most this many words or pairs of words are shown as the reason for a score.
const MAX_SPANS: usize = 3;

/// The text classifier, ready to score listings.
#[derive(Debug, Clone)]
pub struct Classifier {
    model: Model,
    /// Tells this classifier's word sums from another's in a thread's [`WordMemo`]; a
    /// clone has the same model and keeps it.
    id: u64,
}

/// The id of the next classifier made.
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// A word or pair of words and how much it moved the score.
#[derive(Debug, Clone, PartialEq)]
struct Contribution {
    field: Field,
    words: Range<usize>,
    amount: f32,
}

/// Per-thread buffers, so scoring allocates nothing once warm, and the memory of word sums.
#[derive(Default)]
struct Buffers {
    features: Scratch,
    contributions: Vec<Contribution>,
    memo: WordMemo,
}

thread_local! {
    static BUFFERS: RefCell<Buffers> = RefCell::new(Buffers::default());
}

/// Runs `work` with this thread's buffers (fresh ones if they are already in use).
fn with_buffers<T>(work: impl FnOnce(&mut Buffers) -> T) -> T {
    BUFFERS.with(|cell| match cell.try_borrow_mut() {
        Ok(mut buffers) => work(&mut buffers),
        Err(_) => work(&mut Buffers::default()),
    })
}

impl Classifier {
    /// A classifier using `model`.
    pub fn new(model: Model) -> Self {
        Classifier {
            model,
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
        }
    }

    /// A classifier from a model file's bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        Model::from_bytes(bytes).map(Classifier::new)
    }

    /// The model.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// The probability that a listing with this title and description offers imported
    /// used clothing.
    pub fn probability(&self, title: &str, description: &str) -> f64 {
        self.probability_normalised(&normalise(title), &normalise(description))
    }

    /// [`probability`](Self::probability) of a title and description already normalised
    /// with [`saring_normalise::normalise`].
    pub fn probability_normalised(&self, title: &Normalised, description: &Normalised) -> f64 {
        let settings = self.model.settings();
        with_buffers(|buffers| {
            let mut scorer = Scorer::new(self, &mut buffers.memo, None);
            for (field, text) in [(Field::Title, title), (Field::Description, description)] {
                visit_field(settings, field, text, &mut buffers.features, &mut scorer);
            }
            self.probability_of_sum(scorer.sum, scorer.occurrences)
        })
    }

    fn probability_of_sum(&self, sum: f32, occurrences: usize) -> f64 {
        let margin = f64::from(self.model.bias()) + f64::from(sum * occurrence_value(occurrences));
        sigmoid(margin)
    }

    /// The classifier's signal on `listing`, whose title and description are given
    /// normalised: its probability and, from [`EXPLAIN_FROM`], the words (or pairs of
    /// words) that raised it most, strongest first, at most [`MAX_SPANS`], without
    /// overlaps, as spans of what the seller wrote.
    pub fn signal(
        &self,
        listing: &Listing,
        title: &Normalised,
        description: &Normalised,
    ) -> Signal {
        let settings = self.model.settings();
        let (probability, chosen) = with_buffers(|buffers| {
            buffers.contributions.clear();
            let mut scorer = Scorer::new(self, &mut buffers.memo, Some(&mut buffers.contributions));
            for (field, text) in [(Field::Title, title), (Field::Description, description)] {
                visit_field(settings, field, text, &mut buffers.features, &mut scorer);
            }
            let (sum, occurrences) = (scorer.sum, scorer.occurrences);
            let probability = self.probability_of_sum(sum, occurrences);
            let chosen = if probability >= EXPLAIN_FROM {
                strongest(&mut buffers.contributions, occurrence_value(occurrences))
            } else {
                Vec::new()
            };
            (probability, chosen)
        });
        let spans = chosen
            .into_iter()
            .map(|c| {
                let (field, original, normalised) = match c.field {
                    Field::Title => (TextField::Title, &listing.title, title),
                    Field::Description => {
                        (TextField::Description, &listing.description, description)
                    }
                };
                let range = normalised.original_range(c.words);
                Span {
                    field,
                    start: range.start,
                    end: range.end,
                    text: original.get(range).unwrap_or_default().to_string(),
                }
            })
            .collect();
        Signal {
            kind: SignalKind::Classifier,
            name: SIGNAL_NAME.to_string(),
            category: None,
            score: probability,
            detail: self.detail(probability),
            spans,
        }
    }

    /// `text classifier: 0.87 that this offers imported used clothing (model VERSION)`.
    fn detail(&self, probability: f64) -> String {
        const BEFORE: &str = "text classifier: ";
        const AFTER: &str = " that this offers imported used clothing (model ";
        let version = self.model.version();
        let mut detail = String::with_capacity(BEFORE.len() + AFTER.len() + version.len() + 24);
        detail.push_str(BEFORE);
        push_two_decimals(&mut detail, probability);
        detail.push_str(AFTER);
        detail.push_str(version);
        detail.push(')');
        detail
    }
}

impl Detector for Classifier {
    fn name(&self) -> &str {
        "classifier"
    }

    fn version(&self) -> String {
        format!("classifier@{}", self.model.version())
    }

    fn detect(&self, listing: &Listing, signals: &mut Vec<Signal>) {
        let (title, description) = (normalise(&listing.title), normalise(&listing.description));
        signals.push(self.signal(listing, &title, &description));
    }
}

/// Sums the weights of a listing's features unit by unit (a word, then a pair of words),
/// and keeps what each unit added when asked to explain.
///
/// The sum is taken per unit and the units added in order, whether a word's sum comes
/// from the memo or from its features: a score never depends on what the thread has seen.
struct Scorer<'a> {
    weights: &'a [f32],
    memo: &'a mut WordMemo,
    sum: f32,
    /// The sum of the unit being read.
    unit: f32,
    occurrences: usize,
    /// Where each unit's sum goes, when the score is to be explained.
    contributions: Option<&'a mut Vec<Contribution>>,
}

impl<'a> Scorer<'a> {
    fn new(
        classifier: &'a Classifier,
        memo: &'a mut WordMemo,
        contributions: Option<&'a mut Vec<Contribution>>,
    ) -> Self {
        memo.serve(classifier.id);
        Scorer {
            weights: classifier.model.weights(),
            memo,
            sum: 0.0,
            unit: 0.0,
            occurrences: 0,
            contributions,
        }
    }
}

impl Visitor for Scorer<'_> {
    #[inline(always)]
    fn feature(&mut self, bucket: u32) {
        // Buckets are below 2^bucket_bits, the number of weights: 0 is never used.
        self.unit += self
            .weights
            .get(bucket as usize)
            .copied()
            .unwrap_or_default();
        self.occurrences += 1;
    }

    #[inline(always)]
    fn word(&mut self, word: &Word<'_>) {
        // A word starts its unit: `unit` is 0 here, and holds the word's own sum after.
        if let Some(known) = self.memo.get(word) {
            self.unit = known.sum;
            self.occurrences += known.occurrences as usize;
            return;
        }
        let before = self.occurrences;
        word.visit(self);
        let occurrences = u32::try_from(self.occurrences - before).unwrap_or(u32::MAX);
        self.memo.put(
            word,
            WordSum {
                sum: self.unit,
                occurrences,
            },
        );
    }

    fn unit(&mut self, field: Field, words: Range<usize>) {
        self.sum += self.unit;
        if let Some(contributions) = self.contributions.as_deref_mut() {
            contributions.push(Contribution {
                field,
                words,
                amount: self.unit,
            });
        }
        self.unit = 0.0;
    }
}

/// The contributions that raised the score most, strongest first, at most [`MAX_SPANS`],
/// without overlaps, each scaled by the value of one occurrence. Ties go to the earlier
/// words, then to the earlier contribution.
fn strongest(contributions: &mut Vec<Contribution>, scale: f32) -> Vec<Contribution> {
    contributions.retain(|c| c.amount > 0.0);
    let stronger = |a: &Contribution, b: &Contribution| {
        a.amount
            .total_cmp(&b.amount)
            .then(b.words.start.cmp(&a.words.start))
            .is_gt()
    };
    let overlap = |a: &Contribution, b: &Contribution| {
        a.field == b.field && a.words.start < b.words.end && b.words.start < a.words.end
    };
    // Taking, MAX_SPANS times, the strongest contribution that overlaps none chosen so far
    // gives what a greedy pass over them sorted strongest first would, without the sort.
    let mut chosen: Vec<Contribution> = Vec::with_capacity(MAX_SPANS);
    while chosen.len() < MAX_SPANS {
        let best = contributions
            .iter()
            .filter(|candidate| !chosen.iter().any(|c| overlap(c, candidate)))
            .reduce(|best, candidate| {
                if stronger(candidate, best) {
                    candidate
                } else {
                    best
                }
            });
        let Some(best) = best else { break };
        chosen.push(Contribution {
            amount: best.amount * scale,
            ..best.clone()
        });
    }
    chosen
}

fn sigmoid(margin: f64) -> f64 {
    1.0 / (1.0 + (-margin).exp())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::classifier::features::FeatureSettings;
    use crate::classifier::train::{TrainOptions, train};
    use crate::corpus::{Label, LabelledListing};
    use saring_core::Platform;

    fn listing(id: usize, title: &str, description: &str) -> Listing {
        let text = format!(
            r#"{{"id":"{id}","platform":"shopee","title":{},"description":{}}}"#,
            serde_json::to_string(title).expect("string"),
            serde_json::to_string(description).expect("string")
        );
        let parsed = Listing::from_json(&text).expect("valid listing");
        assert_eq!(parsed.listing.platform, Platform::Shopee);
        parsed.listing
    }

    /// A small two-sided corpus built from templates: imported used clothing against new
    /// clothing and innocent uses of the same words.
    pub(crate) fn synthetic_corpus() -> Vec<LabelledListing> {
        let garments = [
            "jaket",
            "kemeja",
            "hoodie",
            "celana jeans",
            "sweater",
            "kaos",
        ];
        let origins = ["korea", "jepang", "eropa", "thailand"];
        let mut corpus = Vec::new();
        for (i, garment) in garments.iter().enumerate() {
            for (j, origin) in origins.iter().enumerate() {
                let n = i * origins.len() + j;
                let violation = [
                    (
                        format!("{garment} bekas {origin}"),
                        "thrift import second kondisi 90%".to_string(),
                    ),
                    (
                        format!("bal {garment} {origin} isi 200"),
                        format!("balpres {origin} grade a, second campur"),
                    ),
                ];
                let legitimate = [
                    (
                        format!("{garment} baru lokal"),
                        format!("produksi sendiri, model {origin} style, bukan bekas"),
                    ),
                    (
                        format!("bola voli {origin} per bal"),
                        "grosir bola baru isi 10".to_string(),
                    ),
                ];
                for (k, (title, description)) in violation.into_iter().enumerate() {
                    corpus.push(LabelledListing {
                        listing: listing(4 * n + k, &title, &description),
                        label: Label::Violation,
                        tactic: "plain".into(),
                    });
                }
                for (k, (title, description)) in legitimate.into_iter().enumerate() {
                    corpus.push(LabelledListing {
                        listing: listing(4 * n + 2 + k, &title, &description),
                        label: Label::Legitimate,
                        tactic: "new_local_umkm".into(),
                    });
                }
            }
        }
        corpus
    }

    pub(crate) fn trained() -> Classifier {
        let options = TrainOptions {
            settings: FeatureSettings {
                bucket_bits: 16,
                ..FeatureSettings::default()
            },
            ..TrainOptions::default()
        };
        let model = train(&synthetic_corpus(), &options, Some("text-test")).expect("trains");
        Classifier::new(model)
    }

    #[test]
    fn separates_a_small_synthetic_set_including_unseen_wordings() {
        let classifier = trained();
        let violation = classifier.probability("Jaket bekas Korea", "second import, kondisi 90%");
        let unseen_violation = classifier.probability("B4L hoodie J3PANG", "balpres grade a");
        let legitimate = classifier.probability("Kemeja baru lokal", "produksi sendiri");
        let unseen_legitimate = classifier.probability("Bola basket per bal", "grosir bola baru");
        assert!(violation > 0.7, "{violation}");
        assert!(unseen_violation > 0.6, "{unseen_violation}");
        assert!(legitimate < 0.3, "{legitimate}");
        assert!(unseen_legitimate < 0.4, "{unseen_legitimate}");
    }

    #[test]
    fn a_model_round_trips_and_scores_the_same() {
        let classifier = trained();
        let reloaded =
            Classifier::from_bytes(&classifier.model().to_bytes()).expect("own bytes load");
        for (title, description) in [("jaket bekas korea", "thrift"), ("kaos baru", "")] {
            assert_eq!(
                classifier.probability(title, description),
                reloaded.probability(title, description)
            );
        }
    }

    #[test]
    fn detector_reports_one_signal_with_spans_where_the_seller_wrote() {
        let classifier = trained();
        let item = listing(1, "JAKET b3k4s KOREA", "thrift import second, kondisi 90%");
        let signal = &classifier.signal(
            &item,
            &normalise(&item.title),
            &normalise(&item.description),
        );
        assert_eq!(signal.kind, SignalKind::Classifier);
        assert_eq!(signal.name, SIGNAL_NAME);
        assert!(signal.score > 0.5, "{}", signal.score);
        assert!(
            signal.detail.contains("(model text-test)"),
            "{}",
            signal.detail
        );
        assert!(!signal.spans.is_empty() && signal.spans.len() <= MAX_SPANS);
        for span in &signal.spans {
            let field = match span.field {
                TextField::Title => &item.title,
                TextField::Description => &item.description,
            };
            assert_eq!(field[span.start..span.end], span.text);
        }
        assert_eq!(classifier.version(), "classifier@text-test");

        let quiet_listing = listing(2, "kaos baru lokal", "produksi sendiri");
        let quiet = classifier.signal(
            &quiet_listing,
            &normalise(&quiet_listing.title),
            &normalise(&quiet_listing.description),
        );
        assert!(quiet.score < 0.5 && quiet.spans.is_empty());
    }

    #[test]
    fn the_strongest_contributions_are_those_a_sorted_greedy_pass_picks() {
        let contribution = |field, words: Range<usize>, amount| Contribution {
            field,
            words,
            amount,
        };
        let contributions = vec![
            contribution(Field::Title, 0..3, 0.5),
            contribution(Field::Title, 0..9, 0.9),
            contribution(Field::Title, 4..9, 0.9),
            contribution(Field::Description, 0..3, 0.5),
            contribution(Field::Description, 4..8, -1.0),
            contribution(Field::Title, 10..12, 0.2),
            contribution(Field::Description, 9..12, 0.5),
        ];
        let mut sorted = contributions.clone();
        sorted.retain(|c| c.amount > 0.0);
        sorted.sort_by(|a, b| {
            b.amount
                .total_cmp(&a.amount)
                .then(a.words.start.cmp(&b.words.start))
        });
        let mut greedy: Vec<Contribution> = Vec::new();
        for c in sorted {
            let free = greedy.iter().all(|g| {
                g.field != c.field || g.words.end <= c.words.start || c.words.end <= g.words.start
            });
            if free && greedy.len() < MAX_SPANS {
                greedy.push(Contribution {
                    amount: c.amount * 2.0,
                    ..c
                });
            }
        }
        assert_eq!(strongest(&mut contributions.clone(), 2.0), greedy);
        assert_eq!(greedy[0].words, 0..9, "ties go to the earlier words");
        assert_eq!(greedy.len(), 3);
    }

    /// The probability of `title` and `description` computed from the listing's feature
    /// vector, without the scorer or its memo.
    fn probability_from_features(classifier: &Classifier, title: &str, description: &str) -> f64 {
        let model = classifier.model();
        let vector = features::vectorise(
            model.settings(),
            &normalise(title),
            &normalise(description),
            &mut Scratch::default(),
        );
        let sum: f32 = vector
            .buckets
            .iter()
            .map(|&bucket| model.weights()[bucket as usize])
            .sum();
        sigmoid(f64::from(model.bias()) + f64::from(sum * vector.value))
    }

    /// `score` run on a thread of its own, whose memo starts empty.
    fn on_fresh_thread<T: Send>(score: impl FnOnce() -> T + Send) -> T {
        std::thread::scope(|scope| scope.spawn(score).join().expect("scoring does not panic"))
    }

    #[test]
    fn scores_do_not_depend_on_what_the_thread_has_seen() {
        let classifier = trained();
        let texts = [
            ("Jaket bekas Korea", "second import, kondisi 90%"),
            ("B4L hoodie J3PANG", "balpres grade a, jaket bekas korea"),
            ("Kemeja baru lokal", "produksi sendiri, kemeja baru"),
        ];
        for (title, description) in texts {
            let item = listing(1, title, description);
            let (title_n, description_n) = (normalise(title), normalise(description));
            let cold = on_fresh_thread(|| {
                (
                    classifier.probability(title, description),
                    classifier.signal(&item, &title_n, &description_n),
                )
            });
            // Warm: every word of every text already remembered, twice over.
            for _ in 0..2 {
                for (t, d) in texts {
                    classifier.probability(t, d);
                }
            }
            let warm = (
                classifier.probability(title, description),
                classifier.signal(&item, &title_n, &description_n),
            );
            assert_eq!(cold, warm, "{title} / {description}");
            assert_eq!(cold.0, cold.1.score, "probability and signal agree");
        }
    }

    #[test]
    fn two_classifiers_on_one_thread_keep_their_own_word_sums() {
        let first = trained();
        let mut corpus = synthetic_corpus();
        for entry in &mut corpus {
            entry.label = match entry.label {
                Label::Violation => Label::Legitimate,
                Label::Legitimate => Label::Violation,
            };
        }
        let options = TrainOptions {
            settings: first.model().settings().to_owned(),
            ..TrainOptions::default()
        };
        let second = Classifier::new(train(&corpus, &options, Some("flipped")).expect("trains"));
        let text = ("jaket bekas korea", "thrift import second");
        let alone = |c: &Classifier| on_fresh_thread(|| c.probability(text.0, text.1));
        let (first_alone, second_alone) = (alone(&first), alone(&second));
        assert!(first_alone > 0.5 && second_alone < 0.5);
        for _ in 0..3 {
            assert_eq!(first.probability(text.0, text.1), first_alone);
            assert_eq!(second.probability(text.0, text.1), second_alone);
        }
        let clone = first.clone();
        assert_eq!(clone.probability(text.0, text.1), first_alone);
    }

    #[test]
    fn words_past_the_memos_size_and_sharing_its_slots_score_as_their_features_say() {
        let classifier = trained();
        // 40,000 distinct words (the memo holds 16,384), some too long to be remembered,
        // scored twice so that the second round meets evicted and colliding words.
        let word = |i: usize| {
            let letters: String = format!("{i:x}")
                .chars()
                .map(|c| char::from(b'g' + c.to_digit(16).map_or(0, |d| d as u8)))
                .collect();
            if i.is_multiple_of(97) {
                letters.repeat(8)
            } else {
                letters
            }
        };
        let texts: Vec<(String, String)> = (0..4_000)
            .map(|i| {
                let words: Vec<String> = (0..10).map(|k| word(i * 10 + k)).collect();
                (format!("jaket {}", words[0]), words[1..].join(" bekas "))
            })
            .collect();
        for _ in 0..2 {
            for (title, description) in &texts {
                let expected = probability_from_features(&classifier, title, description);
                let found = classifier.probability(title, description);
                assert!(
                    (found - expected).abs() < 1e-6,
                    "{title}: {found} vs {expected}"
                );
            }
        }
    }

    #[test]
    fn empty_text_scores_the_bias() {
        let classifier = trained();
        let expected = sigmoid(f64::from(classifier.model().bias()));
        assert_eq!(classifier.probability("", ""), expected);
    }
}
