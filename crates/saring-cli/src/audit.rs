//! `saring audit`: the hash chain check, log keys, signed checkpoints, and inclusion and
//! consistency proofs a regulator checks without the database (docs/audit-log.md).

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use saring_store::transparency::{ProofDocument, ProofSummary};
use saring_tlog::{Checkpoint, LogSigner, LogVerifier, checkpoint::MAX_NOTE_BYTES};

use crate::store::{Connected, StoreArgs, now_ms};

/// The largest proof file read.
const MAX_PROOF_BYTES: u64 = 64 * 1024 * 1024;

/// `saring audit ...`
#[derive(clap::Subcommand, Debug)]
pub enum AuditCommand {
    /// Check the hash chain; exit code 1 and the entry numbers when it is broken. With
    /// --checkpoint, also prove that the log extends each checkpoint kept from earlier, or
    /// name where it differs (exit code 1).
    Verify {
        /// A signed checkpoint from `saring audit checkpoint` (repeat for several).
        #[arg(long, value_name = "FILE", requires = "public_key")]
        checkpoint: Vec<PathBuf>,
        /// The log's public key (from `saring audit keygen`), to check the checkpoints.
        #[arg(long, value_name = "FILE")]
        public_key: Option<PathBuf>,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Make the log's signing key: the private key goes to FILE (mode 0600; keep it outside
    /// the database), the public key to FILE.pub and standard output.
    Keygen {
        /// Where to write the private key (never overwritten).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// The log's name, the origin line of its checkpoints.
        #[arg(long, default_value = "saring-audit")]
        origin: String,
    },
    /// Sign a checkpoint (tree size, root hash, time) of the log as it is now; refused when
    /// the hash chain is broken.
    Checkpoint {
        /// The private key from `saring audit keygen`.
        #[arg(long, value_name = "FILE")]
        key: PathBuf,
        /// Write the checkpoint here instead of to standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Print (JSON) the inclusion proof of entries, or of a case's history, in a
    /// checkpoint; with --from, the consistency proof from an earlier checkpoint.
    Prove {
        /// Entry sequence numbers.
        entries: Vec<i64>,
        /// Prove a case's history: its entries, its appeals and its listing's decisions
        /// and actions.
        #[arg(long, value_name = "ID")]
        case: Option<i64>,
        /// An earlier checkpoint: prove that --checkpoint extends it.
        #[arg(long, value_name = "FILE", conflicts_with_all = ["entries", "case"])]
        from: Option<PathBuf>,
        /// The checkpoint to prove against.
        #[arg(long, value_name = "FILE")]
        checkpoint: PathBuf,
        /// The log's public key.
        #[arg(long, value_name = "FILE")]
        public_key: PathBuf,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Check a proof from `saring audit prove` with the public key alone (no store).
    VerifyProof {
        /// The proof (JSON).
        proof: PathBuf,
        /// The log's public key.
        #[arg(long, value_name = "FILE")]
        public_key: PathBuf,
    },
}

/// Runs `saring audit ...`.
pub fn run(command: &AuditCommand) -> anyhow::Result<ExitCode> {
    match command {
        AuditCommand::Verify {
            checkpoint,
            public_key,
            store,
        } => verify(store, checkpoint, public_key.as_deref()),
        AuditCommand::Keygen { out, origin } => keygen(out, origin),
        AuditCommand::Checkpoint { key, out, store } => checkpoint(store, key, out.as_deref()),
        AuditCommand::Prove {
            entries,
            case,
            from,
            checkpoint,
            public_key,
            store,
        } => prove(
            store,
            &ProveWhat {
                entries,
                case: *case,
                from: from.as_deref(),
            },
            checkpoint,
            public_key,
        ),
        AuditCommand::VerifyProof { proof, public_key } => verify_proof(proof, public_key),
    }
}

/// Reads at most `limit` bytes of UTF-8 text from `path`.
fn read_text(path: &Path, limit: u64, what: &str) -> anyhow::Result<String> {
    let file = std::fs::File::open(path)
        .with_context(|| format!("cannot open {what} {}", path.display()))?;
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .with_context(|| format!("cannot read {what} {}", path.display()))?;
    if bytes.len() as u64 > limit {
        bail!("{what} {}: larger than {limit} bytes", path.display());
    }
    String::from_utf8(bytes).with_context(|| format!("{what} {}: not UTF-8 text", path.display()))
}

fn read_verifier(path: &Path) -> anyhow::Result<LogVerifier> {
    let text = read_text(path, 4096, "public key")?;
    LogVerifier::from_text(text.trim_end())
        .with_context(|| format!("public key {}", path.display()))
}

/// A signed checkpoint file, checked with `verifier`: its text and what it says.
fn read_checkpoint(path: &Path, verifier: &LogVerifier) -> anyhow::Result<(String, Checkpoint)> {
    let note = read_text(path, MAX_NOTE_BYTES as u64, "checkpoint")?;
    let checkpoint = verifier
        .verify(&note)
        .with_context(|| format!("checkpoint {}", path.display()))?;
    Ok((note, checkpoint))
}

fn verify(
    store: &StoreArgs,
    checkpoint_files: &[PathBuf],
    public_key: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let checkpoints = match public_key {
        Some(public_key) => {
            let verifier = read_verifier(public_key)?;
            checkpoint_files
                .iter()
                .map(|path| Ok(read_checkpoint(path, &verifier)?.1))
                .collect::<anyhow::Result<Vec<_>>>()?
        }
        None => Vec::new(),
    };
    let connected = Connected::open(&store.store)?;
    let log = connected.run(connected.store.read_audit_log())?;
    connected.close();
    let report = &log.report;
    let checks = log.check(&checkpoints);
    for problem in &report.problems {
        outln!("BROKEN {problem}");
    }
    if report.is_intact() {
        outln!(
            "audit log intact: {} entries, hash chain verified",
            report.entries
        );
    }
    for (path, check) in checkpoint_files.iter().zip(&checks) {
        let verdict = if check.is_consistent() {
            "OK"
        } else {
            "DIFFERS"
        };
        outln!("{verdict} {}: {check}", path.display());
    }
    let differing = checks.iter().filter(|check| !check.is_consistent()).count();
    if !report.is_intact() {
        outln!(
            "audit log broken: {} problem(s) in {} entries; first at entry {}",
            report.problems.len(),
            report.entries,
            report.problems[0].seq()
        );
        return Ok(ExitCode::from(1));
    }
    if differing > 0 {
        outln!(
            "audit log differs from {differing} of {} checkpoint(s)",
            checks.len()
        );
        return Ok(ExitCode::from(1));
    }
    if !checks.is_empty() {
        outln!(
            "audit log extends all {} checkpoint(s); {} entries now",
            checks.len(),
            report.entries
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Creates `path` for writing, never over an existing file; `private` files get mode 0600.
fn create_new(path: &Path, private: bool) -> anyhow::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    if private {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    #[cfg(not(unix))]
    let _ = private;
    options.open(path).with_context(|| {
        format!(
            "cannot create {} (an existing file is never overwritten)",
            path.display()
        )
    })
}

fn keygen(out: &Path, origin: &str) -> anyhow::Result<ExitCode> {
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed)
        .map_err(|error| anyhow::anyhow!("random number generator: {error}"))?;
    let signer = LogSigner::from_seed(origin, &seed).context("--origin")?;
    seed.fill(0);
    let public = signer.verifier().to_text();
    let mut public_path = out.as_os_str().to_owned();
    public_path.push(".pub");
    let public_path = PathBuf::from(public_path);
    if public_path.exists() {
        bail!("{} exists already: not overwritten", public_path.display());
    }
    create_new(out, true)?
        .write_all(format!("{}\n", signer.to_text()).as_bytes())
        .with_context(|| format!("cannot write {}", out.display()))?;
    create_new(&public_path, false)?
        .write_all(format!("{public}\n").as_bytes())
        .with_context(|| format!("cannot write {}", public_path.display()))?;
    outln!("{public}");
    eprintln!(
        "private key written to {} (keep it outside the database); public key to {}",
        out.display(),
        public_path.display()
    );
    Ok(ExitCode::SUCCESS)
}

fn read_signer(path: &Path) -> anyhow::Result<LogSigner> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path)
            .with_context(|| format!("cannot open private key {}", path.display()))?
            .permissions()
            .mode();
        if mode & 0o077 != 0 {
            bail!(
                "private key {} can be read by others (mode {:o}): chmod 600 it",
                path.display(),
                mode & 0o777
            );
        }
    }
    let text = read_text(path, 4096, "private key")?;
    LogSigner::from_text(text.trim_end()).with_context(|| format!("private key {}", path.display()))
}

fn checkpoint(store: &StoreArgs, key: &Path, out: Option<&Path>) -> anyhow::Result<ExitCode> {
    let signer = read_signer(key)?;
    let connected = Connected::open(&store.store)?;
    let log = connected.run(connected.store.read_audit_log())?;
    connected.close();
    if let Some(problem) = log.report.problems.first() {
        bail!(
            "the audit log is broken ({problem}): no checkpoint signed; run `saring audit verify`"
        );
    }
    let note = signer.sign(log.tree.size(), &log.tree.root(), now_ms())?;
    match out {
        Some(path) => {
            create_new(path, false)?
                .write_all(note.as_bytes())
                .with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!(
                "checkpoint of {} entries written to {}",
                log.tree.size(),
                path.display()
            );
        }
        None => out!("{note}"),
    }
    Ok(ExitCode::SUCCESS)
}

/// What `saring audit prove` proves.
struct ProveWhat<'a> {
    entries: &'a [i64],
    case: Option<i64>,
    from: Option<&'a Path>,
}

fn prove(
    store: &StoreArgs,
    what: &ProveWhat<'_>,
    checkpoint_path: &Path,
    public_key: &Path,
) -> anyhow::Result<ExitCode> {
    let verifier = read_verifier(public_key)?;
    let (note, checkpoint) = read_checkpoint(checkpoint_path, &verifier)?;
    let old = what
        .from
        .map(|path| read_checkpoint(path, &verifier))
        .transpose()?;
    if old.is_none() && what.entries.is_empty() && what.case.is_none() {
        bail!("name entries, --case ID, or --from an earlier checkpoint");
    }
    let connected = Connected::open(&store.store)?;
    let result = (|| -> anyhow::Result<ProofDocument> {
        let log = connected.run(connected.store.read_audit_log())?;
        if let Some((old_note, old)) = &old {
            let proof =
                log.prove_consistency((old_note.as_str(), old), (note.as_str(), &checkpoint))?;
            return Ok(ProofDocument::Consistency(proof));
        }
        let mut entries = connected.run(connected.store.audit_entries(what.entries))?;
        if let Some(&missing) = what
            .entries
            .iter()
            .find(|seq| !entries.iter().any(|entry| entry.seq == **seq))
        {
            bail!("entry {missing} is not in the audit log");
        }
        if let Some(case) = what.case {
            entries.extend(connected.run(connected.store.case_audit_entries(case))?);
            entries.sort_by_key(|entry| entry.seq);
            entries.dedup_by_key(|entry| entry.seq);
            if entries.is_empty() {
                bail!("case {case} has no entries in the audit log");
            }
        }
        Ok(ProofDocument::Inclusion(log.prove_inclusion(
            &note,
            &checkpoint,
            entries,
        )?))
    })();
    connected.close();
    let document = result?;
    outln!("{}", serde_json::to_string_pretty(&document)?);
    Ok(ExitCode::SUCCESS)
}

fn verify_proof(proof: &Path, public_key: &Path) -> anyhow::Result<ExitCode> {
    let verifier = read_verifier(public_key)?;
    let text = read_text(proof, MAX_PROOF_BYTES, "proof")?;
    let document: ProofDocument = serde_json::from_str(&text).with_context(|| {
        format!(
            "proof {}: not a proof from `saring audit prove`",
            proof.display()
        )
    })?;
    let summary = document
        .verify(&verifier)
        .with_context(|| format!("proof {} does not verify", proof.display()))?;
    match summary {
        ProofSummary::Inclusion { checkpoint, seqs } => {
            let list: Vec<String> = seqs.iter().map(i64::to_string).collect();
            outln!(
                "proof verified: entries {} are in the log {} of {} entries (checkpoint signed {})",
                list.join(", "),
                checkpoint.origin,
                checkpoint.size,
                checkpoint.time_text()
            );
        }
        ProofSummary::Consistency { old, new } => outln!(
            "proof verified: the checkpoint of {} entries (signed {}) extends the one of {} entries (signed {})",
            new.size,
            new.time_text(),
            old.size,
            old.time_text()
        ),
    }
    Ok(ExitCode::SUCCESS)
}
