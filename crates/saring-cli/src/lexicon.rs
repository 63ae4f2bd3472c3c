//! `saring lexicon`: versions of the lexicon kept in the store (propose, activate, history)
//! and candidate code words learnt from reviewers' decisions.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};
use saring_store::{LexiconVersionRecord, Store};
use saring_text::{Lexicon, ReviewedText, SuggestOptions, suggest_code_words};

use crate::store::{Connected, ReviewerArgs, StoreArgs, now_ms, rfc3339};

/// `saring lexicon ...`
#[derive(clap::Subcommand, Debug)]
pub enum LexiconCommand {
    /// Words and word pairs frequent in listings reviewers confirmed, rare in those they
    /// cleared, and unknown to the active lexicon: candidates for a new lexicon version.
    Suggest {
        #[command(flatten)]
        store: StoreArgs,
        /// Fewest confirmed listings a candidate must appear in.
        #[arg(long, default_value_t = 3)]
        min_support: usize,
        /// Most candidates shown.
        #[arg(long, default_value_t = 25)]
        limit: usize,
        /// How many of the most recently decided cases to learn from.
        #[arg(long, default_value_t = 20_000)]
        recent: usize,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Store a lexicon file (config/lexicon.toml format) as a proposed version, under the
    /// `version` it declares. The file is checked first.
    Propose {
        /// The lexicon file.
        file: PathBuf,
        /// Why this version (e.g. the code words it adds).
        #[arg(long)]
        note: String,
        #[command(flatten)]
        store: StoreArgs,
        #[command(flatten)]
        reviewer: ReviewerArgs,
    },
    /// Make a proposed version the active lexicon (`saring scan --store` then screens with it).
    Activate {
        /// The version string.
        version: String,
        #[command(flatten)]
        store: StoreArgs,
        #[command(flatten)]
        reviewer: ReviewerArgs,
    },
    /// Every stored version: status, who proposed and activated it, when, and why.
    History {
        #[command(flatten)]
        store: StoreArgs,
    },
}

/// The lexicon in force for a store: its active version, else the bundled one.
pub async fn active_lexicon_text(store: &Store) -> anyhow::Result<String> {
    Ok(store
        .active_lexicon()
        .await
        .context("cannot read the active lexicon")?
        .map(|version| version.toml)
        .unwrap_or_else(|| saring_engine::bundled::LEXICON.to_string()))
}

/// The store's active lexicon, if an admin activated one.
pub fn stored_active_lexicon(url: &str) -> anyhow::Result<Option<String>> {
    let connected = Connected::open(url)?;
    let active = connected
        .run(connected.store.active_lexicon())
        .context("cannot read the active lexicon")?;
    connected.close();
    Ok(active.map(|version| version.toml))
}

fn print_history(versions: &[LexiconVersionRecord]) -> anyhow::Result<()> {
    outln!("version\tstatus\tproposed_by\tproposed_at\tactivated_at\tnote");
    for v in versions {
        outln!(
            "{}\t{}\t{}\t{}\t{}\t{}",
            v.version,
            v.status.as_str(),
            v.proposed_by,
            rfc3339(v.proposed_at),
            v.activated_at.map(rfc3339).unwrap_or_else(|| "-".into()),
            v.note
        );
    }
    Ok(())
}

/// Runs a `saring lexicon` command.
pub fn run(command: &LexiconCommand) -> anyhow::Result<ExitCode> {
    match command {
        LexiconCommand::Suggest {
            store,
            min_support,
            limit,
            recent,
            json,
        } => {
            let connected = Connected::open(&store.store)?;
            let lexicon =
                Lexicon::from_toml(&connected.run(active_lexicon_text(&connected.store))?)
                    .context("the active lexicon is invalid")?;
            let texts = connected
                .run(connected.store.reviewed_case_texts(*recent))
                .context("cannot read reviewed cases")?;
            connected.close();
            let reviewed: Vec<ReviewedText<'_>> = texts
                .iter()
                .map(|t| ReviewedText {
                    case_id: t.case_id,
                    normalised: &t.normalised_text,
                    confirmed: t.confirmed,
                })
                .collect();
            let options = SuggestOptions {
                min_support: *min_support,
                limit: *limit,
                ..SuggestOptions::default()
            };
            let candidates = suggest_code_words(&reviewed, &lexicon, options);
            if *json {
                outln!("{}", serde_json::to_string_pretty(&candidates)?);
            } else {
                let confirmed = reviewed.iter().filter(|t| t.confirmed).count();
                eprintln!(
                    "learnt from {} reviewed cases ({confirmed} confirmed, {} cleared)",
                    reviewed.len(),
                    reviewed.len() - confirmed
                );
                outln!("term\tconfirmed\tcleared\tscore\texample_cases");
                for c in &candidates {
                    let examples: Vec<String> = c.examples.iter().map(i64::to_string).collect();
                    outln!(
                        "{}\t{}\t{}\t{:.2}\t{}",
                        c.term,
                        c.confirmed,
                        c.cleared,
                        c.score,
                        examples.join(",")
                    );
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        LexiconCommand::Propose {
            file,
            note,
            store,
            reviewer,
        } => {
            let text = std::fs::read_to_string(file)
                .with_context(|| format!("cannot read {}", file.display()))?;
            let lexicon = Lexicon::from_toml(&text)
                .with_context(|| format!("{} is not a valid lexicon", file.display()))?;
            if note.trim().is_empty() {
                bail!("--note must say why this version is proposed");
            }
            let connected = Connected::open(&store.store)?;
            let stored = connected.run(connected.store.propose_lexicon(
                lexicon.version(),
                &text,
                note.trim(),
                reviewer.name()?,
                now_ms(),
            ))?;
            connected.close();
            outln!(
                "proposed lexicon {} ({} terms); activate it with `saring lexicon activate {}`",
                stored.version,
                lexicon.terms().len(),
                stored.version
            );
            Ok(ExitCode::SUCCESS)
        }
        LexiconCommand::Activate {
            version,
            store,
            reviewer,
        } => {
            let connected = Connected::open(&store.store)?;
            connected.run(
                connected
                    .store
                    .activate_lexicon(version, reviewer.name()?, now_ms()),
            )?;
            connected.close();
            outln!("lexicon {version} is active");
            Ok(ExitCode::SUCCESS)
        }
        LexiconCommand::History { store } => {
            let connected = Connected::open(&store.store)?;
            let versions = connected.run(connected.store.lexicon_history())?;
            connected.close();
            print_history(&versions)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
