//! `saring scan`: catalogue in, decisions out, rejected records accounted for.

use std::fs::File;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::sync_channel;
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use saring_engine::Screener;
use saring_images::{BankEntry, ImageDetector, hash_list};
use saring_io::{DecisionWriter, Format, Input, Record, RejectionWriter};

use crate::ConfigArgs;
use crate::record::Recorder;
use crate::sellers::SecretArgs;
use crate::summary::Summary;

/// Records handed to the worker threads at a time; output keeps input order within and
/// across chunks.
const CHUNK: usize = 2048;

/// Arguments of `saring scan`.
#[derive(clap::Args, Debug)]
pub struct ScanArgs {
    /// Catalogue to screen: a .jsonl, .csv or .parquet file, or - for standard input.
    input: PathBuf,
    /// Input format: jsonl, csv or parquet (default: from the extension; jsonl for -).
    #[arg(long, value_name = "FORMAT")]
    format: Option<Format>,
    /// Where decisions go (default: standard output).
    #[arg(long, short, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Output format: jsonl, csv or parquet (default: from --out's extension; jsonl for
    /// standard output).
    #[arg(long, value_name = "FORMAT")]
    out_format: Option<Format>,
    /// Where rejected records go, as JSON Lines with line/row number and reason (default:
    /// next to --out as NAME.rejected.jsonl, or ./saring-rejected.jsonl). Written only
    /// when a record is rejected; a file left by an earlier run is emptied.
    #[arg(long, value_name = "FILE")]
    errors: Option<PathBuf>,
    /// A hash bank to match listing photos against, as NAME=FILE: a hash list (one PDQ
    /// hex hash per line, optional tab-separated source, case id, added by, added at; or
    /// the output of `saring hash`). Repeatable.
    #[arg(long = "bank", value_name = "NAME=FILE")]
    banks: Vec<String>,
    /// Record decisions in a store (sqlite://PATH or postgres://...): a review or block
    /// opens a case, a listing version screened before records nothing. Enabled hash banks
    /// of the store are matched besides any --bank files, sellers linked to suspended or
    /// banned sellers and re-listings of listings taken down are sent to review, and every
    /// seller's fingerprint (keyed hashes only) is updated.
    #[arg(long, value_name = "URL")]
    store: Option<String>,
    #[command(flatten)]
    secret: SecretArgs,
    /// Worker threads (default: one per core).
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    #[command(flatten)]
    config: ConfigArgs,
}

fn errors_path(args: &ScanArgs) -> PathBuf {
    if let Some(path) = &args.errors {
        return path.clone();
    }
    match &args.out {
        Some(out) => {
            let stem = out
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            out.with_file_name(format!("{stem}.rejected.jsonl"))
        }
        None => PathBuf::from("saring-rejected.jsonl"),
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// The output file is written beside its final name and renamed into place at the end,
/// so a run that fails never leaves a half-written file that looks complete.
pub(crate) struct Staged {
    temporary: PathBuf,
    target: PathBuf,
}

impl Staged {
    /// Creates the temporary file beside `target`.
    pub(crate) fn create(target: &Path) -> anyhow::Result<(Self, File)> {
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let temporary = target.with_file_name(format!(".{name}.partial"));
        let file = File::create(&temporary)
            .with_context(|| format!("cannot create {}", temporary.display()))?;
        Ok((
            Staged {
                temporary,
                target: target.to_path_buf(),
            },
            file,
        ))
    }

    /// Moves the finished file into place.
    pub(crate) fn commit(self) -> anyhow::Result<()> {
        std::fs::rename(&self.temporary, &self.target)
            .with_context(|| format!("cannot move output into {}", self.target.display()))
    }

    /// Removes the temporary file.
    pub(crate) fn abandon(self) {
        // Best effort: the partial file is useless; the error that led here is reported.
        let _ = std::fs::remove_file(&self.temporary);
    }
}

/// Rejected records are written to a file created at the first rejection.
struct Rejections {
    path: PathBuf,
    input: String,
    writer: Option<RejectionWriter<File>>,
}

impl Rejections {
    fn new(path: PathBuf, input: String) -> anyhow::Result<Self> {
        if path.exists() {
            File::create(&path).with_context(|| format!("cannot empty {}", path.display()))?;
        }
        Ok(Self {
            path,
            input,
            writer: None,
        })
    }

    fn write(
        &mut self,
        position: &saring_io::Position,
        rejection: &saring_io::Rejection,
    ) -> anyhow::Result<()> {
        if self.writer.is_none() {
            let file = File::create(&self.path)
                .with_context(|| format!("cannot create {}", self.path.display()))?;
            self.writer = Some(RejectionWriter::new(file, self.input.clone()));
        }
        if let Some(writer) = &mut self.writer {
            writer.write(position, rejection)?;
        }
        Ok(())
    }

    fn finish(self) -> anyhow::Result<()> {
        if let Some(writer) = self.writer {
            writer.finish()?;
        }
        Ok(())
    }
}

fn progress_bar(total: Option<u64>) -> ProgressBar {
    if !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(total, ProgressDrawTarget::stderr());
    let template = if total.is_some() {
        "{spinner} [{elapsed_precise}] {wide_bar} {binary_bytes}/{binary_total_bytes} {msg} ETA {eta}"
    } else {
        "{spinner} [{elapsed_precise}] {binary_bytes} {msg}"
    };
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

/// The image detector over the hash lists named by `--bank NAME=FILE` and `stored`
/// entries (the store's enabled banks). Malformed lines are reported with their line
/// numbers and skipped; an unreadable file is fatal.
fn image_detector(banks: &[String], stored: Vec<BankEntry>) -> anyhow::Result<ImageDetector> {
    let mut entries = stored;
    for spec in banks {
        let Some((name, path)) = spec.split_once('=') else {
            bail!("--bank {spec:?}: expected NAME=FILE");
        };
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read bank file {path}"))?;
        let parsed = hash_list::parse(&text, name);
        for error in &parsed.errors {
            eprintln!(
                "saring: warning: {path} line {}: {} (line skipped)",
                error.line, error.reason
            );
        }
        entries.extend(parsed.entries);
    }
    Ok(saring_service::image_detector(
        entries,
        saring_service::LocalPhotos::Allowed,
    )?)
}

/// Runs `saring scan`.
pub fn run(args: &ScanArgs) -> anyhow::Result<ExitCode> {
    let input = Input::from_arg(&args.input);
    let format = match (args.format, &input) {
        (Some(f), _) => f,
        (None, Input::Stdin) => Format::Jsonl,
        (None, Input::Path(p)) => {
            Format::from_path(p).context("use --format to name the input format")?
        }
    };
    let out_format = match (args.out_format, &args.out) {
        (Some(f), _) => f,
        (None, None) => Format::Jsonl,
        (None, Some(p)) => {
            Format::from_path(p).context("use --out-format to name the output format")?
        }
    };
    let errors = errors_path(args);
    if let Input::Path(path) = &input {
        for (what, other) in [
            ("--out", args.out.as_deref()),
            ("--errors", Some(errors.as_path())),
        ] {
            if other.is_some_and(|o| same_file(path, o)) {
                bail!(
                    "{what} names the input file {}: refusing to overwrite it",
                    path.display()
                );
            }
        }
    }
    if let Some(threads) = args.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads.max(1))
            .build_global()
            .context("cannot start worker threads")?;
    }
    let mut config = args.config.load()?;
    // A lexicon version activated in the store applies unless --lexicon names a file.
    if config.lexicon.is_none()
        && let Some(url) = args.store.as_deref()
    {
        config.lexicon = crate::lexicon::stored_active_lexicon(url)?;
    }
    let mut screener = Screener::from_config(&config)?;
    let mut recorder = args
        .store
        .as_deref()
        .map(|url| Recorder::open(url, &args.secret, &config, screener.model_version()))
        .transpose()?;
    let stored_banks = match &recorder {
        Some(recorder) => recorder.enabled_bank_entries()?,
        None => Vec::new(),
    };
    if !args.banks.is_empty() || !stored_banks.is_empty() {
        screener = screener.with_detector(Box::new(image_detector(&args.banks, stored_banks)?));
    }
    if let Some(recorder) = &recorder {
        screener = screener.with_detector(Box::new(recorder.seller_detector()));
    }
    let (records, bytes_read) = saring_io::open(&input, format)?;

    let (staged, sink): (Option<Staged>, Box<dyn Write + Send>) = match &args.out {
        Some(path) => {
            let (staged, file) = Staged::create(path)?;
            (Some(staged), Box::new(file))
        }
        None => (None, Box::new(io::stdout())),
    };
    let mut rejections = Rejections::new(errors, input.display_name())?;
    let outcome = DecisionWriter::new(sink, out_format)
        .map_err(anyhow::Error::from)
        .and_then(|writer| {
            scan_records(
                records,
                &bytes_read,
                &input,
                writer,
                &screener,
                Outputs {
                    rejections: &mut rejections,
                    store: recorder.as_mut(),
                },
            )
        });
    let finished = outcome.and_then(|summary| {
        rejections.finish()?;
        Ok(summary)
    });
    let summary = match (finished, staged) {
        (Ok(summary), Some(staged)) => {
            staged.commit()?;
            summary
        }
        (Ok(summary), None) => summary,
        (Err(error), staged) => {
            if let Some(staged) = staged {
                staged.abandon();
            }
            return Err(error);
        }
    };
    if let Some(recorder) = recorder {
        eprintln!("{}", recorder.finish());
    }
    eprint!(
        "{}",
        summary.report(
            &input.display_name(),
            format,
            args.out.as_deref(),
            &errors_path(args)
        )
    );
    Ok(if summary.rejected() > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// Where a scan keeps what it finds besides the decisions file: rejected records, and
/// the store when `--store` is given.
struct Outputs<'a> {
    rejections: &'a mut Rejections,
    store: Option<&'a mut Recorder>,
}

fn scan_records(
    records: saring_io::Records,
    bytes_read: &saring_io::BytesRead,
    input: &Input,
    mut writer: DecisionWriter<Box<dyn Write + Send>>,
    screener: &Screener,
    outputs: Outputs<'_>,
) -> anyhow::Result<Summary> {
    let Outputs {
        rejections,
        store: mut recorder,
    } = outputs;
    let started = Instant::now();
    let progress = progress_bar(input.size());
    let mut summary = Summary::default();

    // One thread reads and parses ahead while the workers screen the previous chunk.
    let (chunks, receiver) = sync_channel::<Result<Vec<Record>, saring_io::ReadError>>(2);
    let reader = thread::spawn(move || {
        let mut chunk = Vec::with_capacity(CHUNK);
        for record in records {
            match record {
                Ok(record) => {
                    chunk.push(record);
                    if chunk.len() == CHUNK && chunks.send(Ok(std::mem::take(&mut chunk))).is_err()
                    {
                        return;
                    }
                }
                Err(error) => {
                    let _ = chunks.send(Ok(std::mem::take(&mut chunk)));
                    let _ = chunks.send(Err(error));
                    return;
                }
            }
        }
        let _ = chunks.send(Ok(chunk));
    });

    let mut failure = None;
    let preparer = recorder.as_deref().map(Recorder::preparer);
    for message in receiver {
        let chunk = match message {
            Ok(chunk) => chunk,
            Err(error) => {
                failure = Some(error);
                break;
            }
        };
        let screened: Vec<_> = chunk
            .par_iter()
            .map(|record| {
                record.outcome.as_ref().map(|parsed| {
                    let decision = screener.screen(&parsed.listing);
                    let prepared = preparer
                        .as_ref()
                        .map(|r| r.prepare(&parsed.listing, &decision));
                    (parsed, decision, prepared)
                })
            })
            .collect();
        let mut batch = saring_service::PreparedBatch::default();
        for (record, outcome) in chunk.iter().zip(screened) {
            match outcome {
                Ok((parsed, decision, prepared)) => {
                    writer.write(&decision)?;
                    summary.count_decision(&decision, &parsed.unknown_fields, &record.position);
                    if let Some(prepared) = prepared {
                        batch.push(prepared?);
                    }
                }
                Err(rejection) => {
                    rejections.write(&record.position, rejection)?;
                    summary.count_rejection();
                }
            }
        }
        if let Some(recorder) = recorder.as_deref_mut() {
            recorder.record(batch)?;
        }
        progress.set_position(bytes_read.get());
        progress.set_message(format!(
            "{} records, {:.0}/s",
            summary.input(),
            summary.input() as f64 / started.elapsed().as_secs_f64().max(1e-9)
        ));
    }
    // The reader thread has finished sending; a panic in it would be a bug worth surfacing.
    if reader.join().is_err() {
        bail!("the reading thread failed");
    }
    writer.finish()?;
    progress.finish_and_clear();
    if let Some(error) = failure {
        return Err(error.into());
    }
    summary.finish(started.elapsed(), bytes_read.get());
    Ok(summary)
}
