//! `saring`: screens marketplace listings for illegally imported used clothing
//! (HS 6309.00.00) and decides allow / review / block with reasons a reviewer can check.

/// `println!` for reports on standard output that returns an error from the enclosing
/// function, instead of panicking, when the output cannot be written (`saring ... | head`).
macro_rules! outln {
    ($($arg:tt)*) => {
        crate::write_stdout(format_args!("{}\n", format_args!($($arg)*)))?
    };
}

/// `print!` counterpart of [`outln!`].
macro_rules! out {
    ($($arg:tt)*) => {
        crate::write_stdout(format_args!($($arg)*))?
    };
}

mod audit;
mod banks;
mod cases;
mod docs;
mod eval;
mod hash;
mod lexicon;
mod record;
mod scan;
mod sellers;
mod serve;
mod store;
mod summary;
mod takedowns;
mod train;
mod webhooks;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// mimalloc instead of the system allocator: screening and serving allocate many small,
/// short-lived objects, which glibc's allocator serves slowly across threads.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Screens marketplace listings for illegally imported used clothing (pakaian bekas impor,
/// HS 6309.00.00) and decides allow, review or block, with reasons a reviewer can check.
#[derive(Parser)]
#[command(name = "saring", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Screen a catalogue file: one decision per listing, and a summary on stderr.
    ///
    /// Exit code 0 when every record was scanned, 2 when some records were rejected
    /// (see --errors), 1 on a fatal error.
    Scan(scan::ScanArgs),
    /// Print the PDQ perceptual hash of images as `hash_hex,quality,path` (Meta's
    /// pdq-photo-hasher format). Exit code 2 when an image could not be hashed.
    Hash(hash::HashArgs),
    /// Train the text classifier on a labelled corpus and write the model file.
    Train(train::TrainArgs),
    /// Screen a labelled corpus and report precision, recall, F1 and false positives,
    /// overall and per tactic.
    Eval(eval::EvalArgs),
    /// Review cases opened by `saring scan --store`: list, show, claim, decide.
    #[command(subcommand)]
    Cases(cases::CasesCommand),
    /// Sellers' appeals against confirmed cases: file, decide.
    #[command(subcommand)]
    Appeals(cases::AppealsCommand),
    /// The store's hash-chained audit log.
    #[command(subcommand)]
    Audit(audit::AuditCommand),
    /// Hash banks in the store: create, enable, disable, add, import, export, list.
    Banks(banks::BanksArgs),
    /// Regulators' takedown requests: import, list, mark what was done.
    #[command(subcommand)]
    Takedowns(takedowns::TakedownsCommand),
    /// A report of takedowns and enforcement for a period, by platform and agency, as HTML
    /// (with charts), CSV or JSON. Aggregates and listing URLs only: no seller data.
    Report(takedowns::ReportArgs),
    /// Lexicon versions in the store (propose, activate, history) and code words learnt from
    /// reviewers' decisions (suggest).
    #[command(subcommand)]
    Lexicon(lexicon::LexiconCommand),
    /// Sellers in the store: standing, strikes and links to banned sellers.
    #[command(subcommand)]
    Sellers(sellers::SellersCommand),
    /// Signed webhooks delivering enforcement actions to platforms: set, disable, list,
    /// dead, retry, deliver.
    Webhooks(webhooks::WebhooksArgs),
    /// Serve the HTTP API (screening, cases, appeals; /healthz, /readyz, /metrics) until
    /// SIGINT or SIGTERM.
    Serve(serve::ServeArgs),
    /// API keys: create (printed once), list, revoke.
    #[command(subcommand)]
    Keys(serve::KeysCommand),
    /// Print the completion script for a shell (install: see docs/install.md).
    Completions(docs::CompletionsArgs),
    /// Write a man page per command into a folder (install: see docs/install.md).
    Man(docs::ManArgs),
    /// Write the generated reference pages of docs/ (cli.md, api.md, openapi.json), or check
    /// them.
    #[command(hide = true)]
    Docs(docs::DocsArgs),
}

/// Paths to configuration files replacing the bundled defaults.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct ConfigArgs {
    /// Lexicon file (TOML) instead of the bundled config/lexicon.toml.
    #[arg(long, value_name = "FILE", global = true)]
    pub lexicon: Option<PathBuf>,
    /// Policy file (TOML) instead of the bundled config/policy.toml.
    #[arg(long, value_name = "FILE", global = true)]
    pub policy: Option<PathBuf>,
    /// Text classifier model instead of the bundled models/text-classifier.bin.
    #[arg(long, value_name = "FILE", global = true)]
    pub model: Option<PathBuf>,
}

impl ConfigArgs {
    /// Reads the configuration files named on the command line.
    pub fn load(&self) -> anyhow::Result<saring_engine::EngineConfig> {
        use anyhow::Context;
        let read = |path: &Option<PathBuf>| -> anyhow::Result<Option<String>> {
            path.as_ref()
                .map(|p| {
                    std::fs::read_to_string(p)
                        .with_context(|| format!("cannot read {}", p.display()))
                })
                .transpose()
        };
        let model = self
            .model
            .as_ref()
            .map(|p| std::fs::read(p).with_context(|| format!("cannot read {}", p.display())))
            .transpose()?;
        Ok(saring_engine::EngineConfig {
            lexicon: read(&self.lexicon)?,
            policy: read(&self.policy)?,
            model,
        })
    }
}

/// Writes a report to standard output; the error names it when the reader has gone.
fn write_stdout(text: std::fmt::Arguments<'_>) -> anyhow::Result<()> {
    use std::io::Write as _;
    std::io::stdout()
        .lock()
        .write_fmt(text)
        .map_err(|error| anyhow::anyhow!("cannot write to standard output: {error}"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Scan(args) => scan::run(&args),
        Command::Hash(args) => hash::run(&args),
        Command::Train(args) => train::run(&args),
        Command::Eval(args) => eval::run(&args),
        Command::Cases(command) => cases::run_cases(&command),
        Command::Appeals(command) => cases::run_appeals(&command),
        Command::Audit(command) => audit::run(&command),
        Command::Banks(args) => banks::run(&args),
        Command::Takedowns(command) => takedowns::run(&command),
        Command::Report(args) => takedowns::report(&args),
        Command::Sellers(command) => sellers::run(&command),
        Command::Lexicon(command) => lexicon::run(&command),
        Command::Webhooks(args) => webhooks::run(&args),
        Command::Serve(args) => serve::run(&args),
        Command::Keys(command) => serve::keys(&command),
        Command::Completions(args) => docs::completions(&args),
        Command::Man(args) => docs::man(&args),
        Command::Docs(args) => docs::docs(&args),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("saring: error: {error:#}");
            ExitCode::from(1)
        }
    }
}
