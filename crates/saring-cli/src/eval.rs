//! `saring eval`: screens a labelled corpus and reports how the decisions compare with
//! the labels.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use rayon::prelude::*;
use saring_core::{Listing, Policy, Verdict};
use saring_engine::{EngineConfig, Screener, bundled};
use saring_text::classifier::evaluate::{Evaluation, verdict_at};
use saring_text::classifier::train::{Folds, TrainOptions};
use saring_text::{Classifier, Label, LabelledListing};

use crate::ConfigArgs;
use crate::train::read_corpus;

/// Arguments of `saring eval`.
#[derive(clap::Args, Debug)]
pub struct EvalArgs {
    /// Labelled corpus (JSON Lines with `label` and `tactic`).
    file: PathBuf,
    /// Score with the text classifier alone: review and block at the policy's thresholds
    /// applied to its probability, lexicon and rules ignored.
    #[arg(long)]
    classifier_only: bool,
    /// Validate on a training corpus: split FILE into K folds and screen each fold with a
    /// classifier trained (with the default options) on the other folds, instead of the
    /// bundled or --model classifier.
    #[arg(long, value_name = "K")]
    cross_validate: Option<usize>,
    /// Also list every listing whose decision disagrees with its label.
    #[arg(long)]
    list_errors: bool,
    #[command(flatten)]
    config: ConfigArgs,
}

/// One scored listing.
#[derive(Debug, Clone, Copy)]
struct Scored {
    verdict: Verdict,
    score: f64,
}

/// What makes the decisions: the full screener, or the classifier alone.
enum Scorer {
    Screener(Box<Screener>),
    Classifier {
        classifier: Classifier,
        review: f64,
        block: f64,
    },
}

impl Scorer {
    fn new(config: &EngineConfig, classifier_only: bool) -> anyhow::Result<Self> {
        if !classifier_only {
            return Ok(Scorer::Screener(Box::new(Screener::from_config(config)?)));
        }
        let classifier = Classifier::from_bytes(config.model.as_deref().unwrap_or(bundled::MODEL))?;
        let policy = Policy::from_toml(config.policy.as_deref().unwrap_or(bundled::POLICY))?;
        let thresholds = &policy.config().thresholds;
        Ok(Scorer::Classifier {
            classifier,
            review: thresholds.review,
            block: thresholds.block,
        })
    }

    fn score(&self, listing: &Listing) -> Scored {
        match self {
            Scorer::Screener(screener) => {
                let decision = screener.screen(listing);
                Scored {
                    verdict: decision.decision,
                    score: decision.score,
                }
            }
            Scorer::Classifier {
                classifier,
                review,
                block,
            } => {
                let score = classifier.probability(&listing.title, &listing.description);
                Scored {
                    verdict: verdict_at(score, *review, *block),
                    score,
                }
            }
        }
    }

    fn describe(&self) -> String {
        match self {
            Scorer::Screener(screener) => screener.model_version().to_string(),
            Scorer::Classifier {
                classifier,
                review,
                block,
            } => format!(
                "classifier@{} alone, review >= {review}, block >= {block}",
                classifier.model().version()
            ),
        }
    }
}

/// Scores every listing of `corpus` given by `indices` into `scored`.
fn score_all(
    scorer: &Scorer,
    corpus: &[LabelledListing],
    indices: &[usize],
    scored: &mut [Scored],
) {
    let results: Vec<Scored> = indices
        .par_iter()
        .map(|&i| scorer.score(&corpus[i].listing))
        .collect();
    for (&i, result) in indices.iter().zip(results) {
        scored[i] = result;
    }
}

/// Runs `saring eval`.
pub fn run(args: &EvalArgs) -> anyhow::Result<ExitCode> {
    let corpus = read_corpus(&args.file)?;
    let config = args.config.load()?;
    let mut scored = vec![
        Scored {
            verdict: Verdict::Allow,
            score: 0.0,
        };
        corpus.len()
    ];
    let description = match args.cross_validate {
        None => {
            let scorer = Scorer::new(&config, args.classifier_only)?;
            let all: Vec<usize> = (0..corpus.len()).collect();
            score_all(&scorer, &corpus, &all, &mut scored);
            scorer.describe()
        }
        Some(folds) => {
            let options = TrainOptions::default();
            let mut description = String::new();
            for fold in Folds::new(&corpus, &options, folds)? {
                let fold = fold?;
                let fold_config = EngineConfig {
                    model: Some(fold.model.to_bytes()),
                    ..config.clone()
                };
                let scorer = Scorer::new(&fold_config, args.classifier_only)?;
                score_all(&scorer, &corpus, &fold.held_out, &mut scored);
                description = scorer.describe();
            }
            format!("{description}, {folds}-fold cross-validation")
        }
    };

    let mut evaluation = Evaluation::new();
    for (example, scored) in corpus.iter().zip(&scored) {
        evaluation.add(example.label, &example.tactic, scored.verdict);
    }
    let mut report = format!(
        "{} screened by {description}\n{evaluation}",
        args.file.display()
    );
    if args.list_errors {
        report.push_str("\ndisagreements (label, tactic, decision, score, id, title):\n");
        for (example, scored) in corpus.iter().zip(&scored) {
            let flagged = scored.verdict != Verdict::Allow;
            if flagged != (example.label == Label::Violation) {
                let _ = writeln!(
                    report,
                    "{:<10} {:<18} {:<6} {:.3} {} {}",
                    example.label.as_str(),
                    example.tactic,
                    scored.verdict.as_str(),
                    scored.score,
                    example.listing.id,
                    example.listing.title
                );
            }
        }
    }
    out!("{report}");
    Ok(ExitCode::SUCCESS)
}
