//! Training: logistic regression by FTRL-Proximal (McMahan et al., 2013) over the hashed
//! features, with L1 (sparse weights, a small model file) and L2 (small weights, no
//! single n-gram decides alone).
//!
//! Training is deterministic: the examples are visited in an order drawn from `seed` with
//! a fixed generator, and all arithmetic is sequential, so the same corpus and options
//! give a byte-identical model file.

use saring_normalise::normalise;
use xxhash_rust::xxh3::xxh3_64;

use super::Classifier;
use super::features::{FeatureSettings, Scratch, vectorise};
use super::model::{Model, ModelError};
use crate::corpus::{Label, LabelledListing};

/// Training hyper-parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainOptions {
    /// Features to use.
    pub settings: FeatureSettings,
    /// Passes over the corpus.
    pub epochs: usize,
    /// FTRL learning rate.
    pub alpha: f64,
    /// FTRL learning-rate smoothing.
    pub beta: f64,
    /// L1 regularisation (drives weak weights to exactly zero).
    pub l1: f64,
    /// L2 regularisation.
    pub l2: f64,
    /// Seed of the visiting order.
    pub seed: u64,
}

impl Default for TrainOptions {
    /// The options the shipped model was trained with, chosen by cross-validation on the
    /// training corpus.
    fn default() -> Self {
        TrainOptions {
            settings: FeatureSettings::default(),
            epochs: 40,
            alpha: 0.3,
            beta: 1.0,
            l1: 0.1,
            l2: 1.0,
            seed: 20_261_123,
        }
    }
}

/// Training could not start.
#[derive(Debug, thiserror::Error)]
pub enum TrainError {
    /// The corpus has no example of one of the labels.
    #[error("the corpus needs both violation and legitimate examples")]
    OneSided,
    /// The options are unusable.
    #[error("training options: {0}")]
    Options(String),
    /// The trained model could not be assembled.
    #[error(transparent)]
    Model(#[from] ModelError),
}

/// One example, vectorised: distinct buckets with their values, and the target.
struct Prepared {
    features: Vec<(u32, f64)>,
    violation: bool,
}

fn prepare(
    settings: &FeatureSettings,
    example: &LabelledListing,
    scratch: &mut Scratch,
) -> Prepared {
    let title = normalise(&example.listing.title);
    let description = normalise(&example.listing.description);
    let mut vector = vectorise(settings, &title, &description, scratch);
    vector.buckets.sort_unstable();
    let value = f64::from(vector.value);
    let mut features: Vec<(u32, f64)> = Vec::new();
    for bucket in vector.buckets {
        match features.last_mut() {
            Some((last, sum)) if *last == bucket => *sum += value,
            _ => features.push((bucket, value)),
        }
    }
    Prepared {
        features,
        violation: example.label == Label::Violation,
    }
}

/// Per-coordinate FTRL-Proximal state.
struct Ftrl<'a> {
    options: &'a TrainOptions,
    z: Vec<f64>,
    n: Vec<f64>,
    bias_z: f64,
    bias_n: f64,
}

impl<'a> Ftrl<'a> {
    fn new(options: &'a TrainOptions) -> Self {
        let buckets = options.settings.buckets();
        Ftrl {
            options,
            z: vec![0.0; buckets],
            n: vec![0.0; buckets],
            bias_z: 0.0,
            bias_n: 0.0,
        }
    }

    /// The weight of a coordinate from its state; `l1` and `l2` are 0 for the bias.
    fn weight(&self, z: f64, n: f64, l1: f64, l2: f64) -> f64 {
        if z.abs() <= l1 {
            return 0.0;
        }
        let o = self.options;
        -(z - z.signum() * l1) / ((o.beta + n.sqrt()) / o.alpha + l2)
    }

    fn coordinate(&self, bucket: u32) -> f64 {
        let i = bucket as usize;
        self.weight(self.z[i], self.n[i], self.options.l1, self.options.l2)
    }

    fn bias(&self) -> f64 {
        self.weight(self.bias_z, self.bias_n, 0.0, 0.0)
    }

    fn learn(&mut self, example: &Prepared) {
        let weights: Vec<f64> = example
            .features
            .iter()
            .map(|(bucket, _)| self.coordinate(*bucket))
            .collect();
        let bias = self.bias();
        let margin = bias
            + example
                .features
                .iter()
                .zip(&weights)
                .map(|((_, x), w)| w * x)
                .sum::<f64>();
        let target = if example.violation { 1.0 } else { 0.0 };
        let gradient = 1.0 / (1.0 + (-margin).exp()) - target;
        let alpha = self.options.alpha;
        for ((bucket, x), w) in example.features.iter().zip(&weights) {
            let i = *bucket as usize;
            let g = gradient * x;
            let sigma = ((self.n[i] + g * g).sqrt() - self.n[i].sqrt()) / alpha;
            self.z[i] += g - sigma * w;
            self.n[i] += g * g;
        }
        let sigma = ((self.bias_n + gradient * gradient).sqrt() - self.bias_n.sqrt()) / alpha;
        self.bias_z += gradient - sigma * bias;
        self.bias_n += gradient * gradient;
    }

    /// The model; without a `version`, it is named after a hash of its weights.
    fn into_model(self, version: Option<&str>) -> Result<Model, ModelError> {
        let weights: Vec<f32> = (0..self.z.len())
            .map(|i| self.coordinate(i as u32) as f32)
            .collect();
        let bias = self.bias() as f32;
        let version = match version {
            Some(version) => version.to_string(),
            None => {
                let bytes: Vec<u8> = std::iter::once(bias)
                    .chain(weights.iter().copied())
                    .flat_map(f32::to_le_bytes)
                    .collect();
                format!("text-{:08x}", xxh3_64(&bytes) >> 32)
            }
        };
        Model::new(version, self.options.settings, bias, weights)
    }
}

/// SplitMix64: a small, fixed pseudo-random generator, so that the visiting order (and so
/// the model) never changes with a dependency's version.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A uniform index below `bound` (> 0); the tiny modulo bias does not matter here.
    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound as u64) as usize
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

fn check(options: &TrainOptions, corpus: &[LabelledListing]) -> Result<(), TrainError> {
    if let Some(problem) = options.settings.problem() {
        return Err(TrainError::Options(problem));
    }
    let positive = |x: f64| x.is_finite() && x > 0.0;
    let non_negative = |x: f64| x.is_finite() && x >= 0.0;
    if options.epochs == 0
        || !positive(options.alpha)
        || !non_negative(options.beta)
        || !non_negative(options.l1)
        || !non_negative(options.l2)
    {
        return Err(TrainError::Options(
            "epochs and alpha must be positive; beta, l1 and l2 non-negative".into(),
        ));
    }
    let has = |label| corpus.iter().any(|e| e.label == label);
    if !(has(Label::Violation) && has(Label::Legitimate)) {
        return Err(TrainError::OneSided);
    }
    Ok(())
}

/// Trains a model on `corpus`, named `version` or, without one, `text-` and a hash of its
/// weights.
pub fn train(
    corpus: &[LabelledListing],
    options: &TrainOptions,
    version: Option<&str>,
) -> Result<Model, TrainError> {
    check(options, corpus)?;
    let mut scratch = Scratch::default();
    let prepared: Vec<Prepared> = corpus
        .iter()
        .map(|e| prepare(&options.settings, e, &mut scratch))
        .collect();
    let mut ftrl = Ftrl::new(options);
    let mut order: Vec<usize> = (0..prepared.len()).collect();
    let mut random = SplitMix64(options.seed);
    for _ in 0..options.epochs {
        random.shuffle(&mut order);
        for &index in &order {
            ftrl.learn(&prepared[index]);
        }
    }
    Ok(ftrl.into_model(version)?)
}

/// Cross-validation: splits `corpus` into `folds` parts, stratified by label and tactic
/// (drawn from `options.seed`), trains on all parts but one and scores the one left out.
/// Returns, for every example, the probability from the model that did not see it.
pub fn cross_validate(
    corpus: &[LabelledListing],
    options: &TrainOptions,
    folds: usize,
) -> Result<Vec<f64>, TrainError> {
    let mut scores = vec![0.0; corpus.len()];
    for fold in Folds::new(corpus, options, folds)? {
        let fold = fold?;
        let classifier = Classifier::new(fold.model);
        for &index in &fold.held_out {
            let listing = &corpus[index].listing;
            scores[index] = classifier.probability(&listing.title, &listing.description);
        }
    }
    Ok(scores)
}

/// One fold of a cross-validation: the model trained without it, and the indices of the
/// examples it holds out.
#[derive(Debug)]
pub struct Fold {
    /// Model trained on every other fold, named `cross-validation`.
    pub model: Model,
    /// Indices (into the corpus) of the examples the model did not see.
    pub held_out: Vec<usize>,
}

/// The folds of a cross-validation, trained one at a time as the iterator advances.
pub struct Folds<'a> {
    corpus: &'a [LabelledListing],
    options: &'a TrainOptions,
    fold_of: Vec<usize>,
    folds: usize,
    next: usize,
}

impl<'a> Folds<'a> {
    /// Splits `corpus` into `folds` parts, stratified by label and tactic (drawn from
    /// `options.seed`).
    pub fn new(
        corpus: &'a [LabelledListing],
        options: &'a TrainOptions,
        folds: usize,
    ) -> Result<Self, TrainError> {
        check(options, corpus)?;
        if folds < 2 || folds > corpus.len() {
            return Err(TrainError::Options(format!(
                "{folds} folds for {} examples",
                corpus.len()
            )));
        }
        Ok(Folds {
            corpus,
            options,
            fold_of: assign_folds(corpus, folds, options.seed),
            folds,
            next: 0,
        })
    }
}

impl Iterator for Folds<'_> {
    type Item = Result<Fold, TrainError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.next == self.folds {
            return None;
        }
        let fold = self.next;
        self.next += 1;
        let (held_out, kept): (Vec<usize>, Vec<usize>) =
            (0..self.corpus.len()).partition(|&i| self.fold_of[i] == fold);
        let training: Vec<LabelledListing> = kept.iter().map(|&i| self.corpus[i].clone()).collect();
        Some(
            train(&training, self.options, Some("cross-validation"))
                .map(|model| Fold { model, held_out }),
        )
    }
}

/// The fold of each example: within each (label, tactic) group, a seeded shuffle dealt
/// round-robin, so every fold has its share of every tactic.
fn assign_folds(corpus: &[LabelledListing], folds: usize, seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..corpus.len()).collect();
    SplitMix64(seed ^ 0xf01d).shuffle(&mut order);
    order.sort_by(|a, b| {
        let (a, b) = (&corpus[*a], &corpus[*b]);
        (a.label, &a.tactic).cmp(&(b.label, &b.tactic))
    });
    let mut fold_of = vec![0; corpus.len()];
    for (position, index) in order.into_iter().enumerate() {
        fold_of[index] = position % folds;
    }
    fold_of
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classifier::tests::synthetic_corpus;

    fn quick() -> TrainOptions {
        TrainOptions {
            settings: FeatureSettings {
                bucket_bits: 16,
                ..FeatureSettings::default()
            },
            epochs: 5,
            ..TrainOptions::default()
        }
    }

    #[test]
    fn the_same_corpus_and_options_give_the_same_bytes() {
        let corpus = synthetic_corpus();
        let first = train(&corpus, &quick(), None).expect("trains");
        let second = train(&corpus, &quick(), None).expect("trains");
        assert_eq!(first.to_bytes(), second.to_bytes());
        assert!(first.version().starts_with("text-"), "{}", first.version());
        let reseeded = TrainOptions { seed: 7, ..quick() };
        let other = train(&corpus, &reseeded, None).expect("trains");
        assert_ne!(
            first.to_bytes(),
            other.to_bytes(),
            "the seed changes the visiting order"
        );
    }

    #[test]
    fn l1_zeroes_weak_weights() {
        let corpus = synthetic_corpus();
        let dense = train(&corpus, &TrainOptions { l1: 0.0, ..quick() }, None).expect("trains");
        let sparse = train(&corpus, &TrainOptions { l1: 1.0, ..quick() }, None).expect("trains");
        assert!(sparse.non_zero() < dense.non_zero() / 2);
    }

    #[test]
    fn unusable_corpora_and_options_are_refused() {
        let corpus = synthetic_corpus();
        let violations: Vec<_> = corpus
            .iter()
            .filter(|e| e.label == Label::Violation)
            .cloned()
            .collect();
        assert!(matches!(
            train(&violations, &quick(), None),
            Err(TrainError::OneSided)
        ));
        for options in [
            TrainOptions {
                epochs: 0,
                ..quick()
            },
            TrainOptions {
                alpha: 0.0,
                ..quick()
            },
            TrainOptions {
                l2: f64::NAN,
                ..quick()
            },
        ] {
            assert!(matches!(
                train(&corpus, &options, None),
                Err(TrainError::Options(_))
            ));
        }
        assert!(matches!(
            cross_validate(&corpus, &quick(), 1),
            Err(TrainError::Options(_))
        ));
    }

    #[test]
    fn cross_validation_scores_every_example_with_a_model_that_did_not_see_it() {
        let corpus = synthetic_corpus();
        let scores = cross_validate(&corpus, &quick(), 4).expect("cross-validates");
        assert_eq!(scores.len(), corpus.len());
        let right = corpus
            .iter()
            .zip(&scores)
            .filter(|(e, s)| (e.label == Label::Violation) == (**s >= 0.5))
            .count();
        assert!(
            right * 10 >= corpus.len() * 9,
            "{right} of {}",
            corpus.len()
        );
    }

    #[test]
    fn folds_are_stratified_by_tactic() {
        let corpus = synthetic_corpus();
        let fold_of = assign_folds(&corpus, 4, 1);
        for fold in 0..4 {
            let violations = corpus
                .iter()
                .zip(&fold_of)
                .filter(|(e, f)| **f == fold && e.label == Label::Violation)
                .count();
            let share = corpus
                .iter()
                .filter(|e| e.label == Label::Violation)
                .count()
                / 4;
            assert!(violations.abs_diff(share) <= 2, "fold {fold}: {violations}");
        }
    }
}
