//! `saring train`: trains the text classifier on a labelled corpus, or cross-validates
//! the training options on it.

use std::fs::File;
use std::io::{BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use saring_text::LabelledListing;
use saring_text::classifier::evaluate::{Evaluation, verdict_at};
use saring_text::classifier::features::FeatureSettings;
use saring_text::classifier::train::{TrainOptions, cross_validate, train};
use saring_text::corpus::{Label, read_jsonl};

use crate::scan::Staged;

/// Review thresholds shown by `--cross-validate`.
const SWEEP: [f64; 9] = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95];

/// Arguments of `saring train`.
#[derive(clap::Args, Debug)]
pub struct TrainArgs {
    /// Labelled corpus (JSON Lines with `label` and `tactic`).
    #[arg(default_value = "corpus/train.jsonl")]
    corpus: PathBuf,
    /// Where the model goes.
    #[arg(
        long,
        short,
        value_name = "FILE",
        default_value = "models/text-classifier.bin"
    )]
    out: PathBuf,
    /// Seed of the training order (and of the folds of --cross-validate).
    #[arg(long, value_name = "N")]
    seed: Option<u64>,
    /// Model version written into the model and every decision (default: `text-` and a
    /// hash of the weights).
    #[arg(long, value_name = "NAME")]
    model_version: Option<String>,
    /// Instead of writing a model, split the corpus into K folds, train on K-1 and report
    /// on the fold left out, for every fold.
    #[arg(long, value_name = "K")]
    cross_validate: Option<usize>,
    /// Passes over the corpus.
    #[arg(long, value_name = "N")]
    epochs: Option<usize>,
    /// FTRL learning rate.
    #[arg(long)]
    alpha: Option<f64>,
    /// L1 regularisation.
    #[arg(long)]
    l1: Option<f64>,
    /// L2 regularisation.
    #[arg(long)]
    l2: Option<f64>,
    /// log2 of the number of hash buckets.
    #[arg(long, value_name = "BITS")]
    bucket_bits: Option<u8>,
    /// Shortest character n-gram.
    #[arg(long, value_name = "N")]
    char_min: Option<u8>,
    /// Longest character n-gram (0: words only).
    #[arg(long, value_name = "N")]
    char_max: Option<u8>,
    /// Longest word n-gram (1 or 2).
    #[arg(long, value_name = "N")]
    word_ngrams: Option<u8>,
    /// Do not give title words weights of their own.
    #[arg(long)]
    no_title_namespace: bool,
    /// Keep digits as they are instead of reading them all as 0.
    #[arg(long)]
    keep_digits: bool,
}

impl TrainArgs {
    fn options(&self) -> TrainOptions {
        let defaults = TrainOptions::default();
        let features = defaults.settings;
        let char_max = self.char_max.unwrap_or(features.char_max);
        TrainOptions {
            settings: FeatureSettings {
                bucket_bits: self.bucket_bits.unwrap_or(features.bucket_bits),
                char_min: if char_max == 0 {
                    0
                } else {
                    self.char_min.unwrap_or(features.char_min)
                },
                char_max,
                word_ngrams: self.word_ngrams.unwrap_or(features.word_ngrams),
                title_namespace: features.title_namespace && !self.no_title_namespace,
                fold_digits: features.fold_digits && !self.keep_digits,
            },
            epochs: self.epochs.unwrap_or(defaults.epochs),
            alpha: self.alpha.unwrap_or(defaults.alpha),
            beta: defaults.beta,
            l1: self.l1.unwrap_or(defaults.l1),
            l2: self.l2.unwrap_or(defaults.l2),
            seed: self.seed.unwrap_or(defaults.seed),
        }
    }
}

/// Reads a labelled corpus from a file.
pub fn read_corpus(path: &Path) -> anyhow::Result<Vec<LabelledListing>> {
    let file = File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    read_jsonl(BufReader::new(file)).with_context(|| format!("{}", path.display()))
}

/// Runs `saring train`.
pub fn run(args: &TrainArgs) -> anyhow::Result<ExitCode> {
    let corpus = read_corpus(&args.corpus)?;
    let options = args.options();
    let started = Instant::now();
    if let Some(folds) = args.cross_validate {
        let scores = cross_validate(&corpus, &options, folds)?;
        out!("{}", sweep_report(&corpus, &scores, folds));
        eprintln!(
            "cross-validated {} listings in {:.1}s",
            corpus.len(),
            started.elapsed().as_secs_f64()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let model = train(&corpus, &options, args.model_version.as_deref())?;
    let seconds = started.elapsed().as_secs_f64();
    let bytes = model.to_bytes();
    let (staged, mut file) = Staged::create(&args.out)?;
    let written = file
        .write_all(&bytes)
        .and_then(|()| file.sync_all())
        .with_context(|| format!("cannot write {}", args.out.display()));
    match written {
        Ok(()) => staged.commit()?,
        Err(error) => {
            staged.abandon();
            return Err(error);
        }
    }
    eprintln!(
        "trained {} on {} listings in {seconds:.1}s: {} non-zero weights of {}, {} bytes, written to {}",
        model.version(),
        corpus.len(),
        model.non_zero(),
        model.settings().buckets(),
        bytes.len(),
        args.out.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Out-of-fold figures at each review threshold, then the full report at 0.5.
fn sweep_report(corpus: &[LabelledListing], scores: &[f64], folds: usize) -> String {
    let evaluate = |threshold: f64| {
        let mut evaluation = Evaluation::new();
        for (example, score) in corpus.iter().zip(scores) {
            // Flagging is what is measured here; block is left to the policy.
            let verdict = verdict_at(*score, threshold, f64::INFINITY);
            evaluation.add(example.label, &example.tactic, verdict);
        }
        evaluation
    };
    let mut out = format!(
        "{folds}-fold cross-validation, classifier alone, flagged = probability >= threshold\n\
         threshold  precision  recall     F1  FPR     worst-violation-tactic    worst-legitimate-tactic\n"
    );
    for threshold in SWEEP {
        let evaluation = evaluate(threshold);
        let mut worst_violation = (f64::INFINITY, String::new());
        let mut worst_legitimate = (f64::NEG_INFINITY, String::new());
        for (label, tactic, counts) in evaluation.tactics() {
            let rate = counts.flagged_rate();
            match label {
                Label::Violation if rate < worst_violation.0 => {
                    worst_violation = (rate, tactic.to_string());
                }
                Label::Legitimate if rate > worst_legitimate.0 => {
                    worst_legitimate = (rate, tactic.to_string());
                }
                _ => {}
            }
        }
        out.push_str(&format!(
            "{threshold:>9.2}  {:>9.4}  {:>6.4}  {:>6.4}  {:.4}  {:<18} {:.3}  {:<18} {:.3}\n",
            evaluation.precision(),
            evaluation.recall(),
            evaluation.f1(),
            evaluation.false_positive_rate(),
            worst_violation.1,
            worst_violation.0,
            worst_legitimate.1,
            worst_legitimate.0,
        ));
    }
    out.push_str("\nat threshold 0.50:\n");
    out.push_str(&evaluate(0.5).to_string());
    out
}
