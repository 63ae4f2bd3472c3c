//! `saring banks`: named hash banks in the store, which `saring scan --store` matches
//! listing photos against when enabled.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, bail};
use saring_images::{BankEntry, hash_list};
use saring_pdq::PdqHash;
use saring_store::BankEntryRecord;

use saring_service::bank_entry;

use crate::store::{Connected, now_ms, rfc3339};

/// `saring banks ...`
#[derive(clap::Args, Debug)]
pub struct BanksArgs {
    #[command(subcommand)]
    command: BanksCommand,
    /// The store: sqlite://PATH (created if missing) or postgres://USER@HOST/DATABASE.
    #[arg(long, value_name = "URL", env = "SARING_STORE", global = true)]
    store: Option<String>,
    /// Who makes the change (recorded with the entries and in the audit log).
    #[arg(
        long,
        value_name = "NAME",
        env = "SARING_REVIEWER",
        default_value = "saring",
        global = true
    )]
    reviewer: String,
}

#[derive(clap::Subcommand, Debug)]
enum BanksCommand {
    /// Create an enabled, empty bank.
    Create {
        /// Bank name.
        name: String,
    },
    /// Match listing photos against the bank.
    Enable {
        /// Bank name.
        name: String,
    },
    /// Stop matching against the bank (its entries are kept).
    Disable {
        /// Bank name.
        name: String,
    },
    /// Add images (their hashes, rotations, mirror images and crops) or 64-digit hex
    /// hashes to a bank.
    Add {
        /// Bank name.
        name: String,
        /// Image files or PDQ hashes.
        #[arg(required = true, value_name = "IMAGE_OR_HASH")]
        items: Vec<String>,
        /// Where the photos came from.
        #[arg(long)]
        source: Option<String>,
        /// The case that confirmed them.
        #[arg(long)]
        case: Option<String>,
    },
    /// Import a hash list (one hash per line, optional tab-separated source, case id, added
    /// by, added at; or `saring hash` output). Bad lines are reported and skipped; exit
    /// code 2 then.
    Import {
        /// Bank name.
        name: String,
        /// The hash list.
        file: std::path::PathBuf,
    },
    /// Print a bank as a hash list.
    Export {
        /// Bank name.
        name: String,
    },
    /// List banks with their state and size.
    List,
}

fn record(entry: &BankEntry, quality: Option<i64>) -> BankEntryRecord {
    BankEntryRecord {
        bank: entry.bank.clone(),
        hash_hex: entry.hash.to_hex(),
        quality,
        source: entry.source.clone(),
        case_id: entry.case_id.clone(),
        added_by: entry.added_by.clone(),
        added_at: entry.added_at.clone(),
    }
}

/// The entries one argument of `banks add` stands for: a hash, or an image's hashes.
fn entries_for(item: &str, template: &BankEntry) -> anyhow::Result<Vec<BankEntryRecord>> {
    if let Ok(hash) = item.parse::<PdqHash>() {
        return Ok(vec![record(
            &BankEntry {
                hash,
                ..template.clone()
            },
            None,
        )]);
    }
    let bytes = std::fs::read(Path::new(item))
        .with_context(|| format!("{item}: neither a 64-digit hex hash nor a readable image"))?;
    let quality = saring_pdq::hash_bytes(&bytes)
        .with_context(|| format!("{item}: cannot hash"))?
        .quality;
    let image =
        saring_pdq::decode_image(&bytes).with_context(|| format!("{item}: cannot decode"))?;
    let template = BankEntry {
        source: template.source.clone().or_else(|| Some(item.to_string())),
        ..template.clone()
    };
    let entries = BankEntry::for_image(&template, &image);
    if entries.is_empty() {
        bail!("{item}: the image is too flat to match on (PDQ quality {quality})");
    }
    Ok(entries
        .iter()
        .map(|e| record(e, Some(i64::from(quality))))
        .collect())
}

/// Runs `saring banks ...`.
pub fn run(args: &BanksArgs) -> anyhow::Result<ExitCode> {
    let now = now_ms();
    let actor = args.reviewer.as_str();
    let url = args.store.as_deref().context("--store URL is required")?;
    let connected = Connected::open(url)?;
    let store = &connected.store;
    let mut code = ExitCode::SUCCESS;
    match &args.command {
        BanksCommand::Create { name } => {
            connected.run(store.create_bank(name, actor, now))?;
            outln!("bank {name} created (enabled)");
        }
        BanksCommand::Enable { name } => {
            connected.run(store.set_bank_enabled(name, true, actor, now))?;
            outln!("bank {name} enabled");
        }
        BanksCommand::Disable { name } => {
            connected.run(store.set_bank_enabled(name, false, actor, now))?;
            outln!("bank {name} disabled");
        }
        BanksCommand::Add {
            name,
            items,
            source,
            case,
        } => {
            let template = BankEntry {
                bank: name.clone(),
                hash: PdqHash::from_words([0; 4]),
                source: source.clone(),
                case_id: case.clone(),
                added_by: Some(actor.to_string()),
                added_at: Some(rfc3339(now)),
            };
            let mut entries = Vec::new();
            for item in items {
                entries.extend(entries_for(item, &template)?);
            }
            let added = connected.run(store.add_bank_entries(name, &entries, actor, now))?;
            outln!("{added} hash(es) added to bank {name}");
        }
        BanksCommand::Import { name, file } => {
            let text = std::fs::read_to_string(file)
                .with_context(|| format!("cannot read {}", file.display()))?;
            let parsed = hash_list::parse(&text, name);
            for error in &parsed.errors {
                eprintln!(
                    "saring: {} line {}: {} (line skipped)",
                    file.display(),
                    error.line,
                    error.reason
                );
            }
            let entries: Vec<BankEntryRecord> = parsed
                .entries
                .iter()
                .map(|e| BankEntryRecord {
                    added_by: e.added_by.clone().or_else(|| Some(actor.to_string())),
                    added_at: e.added_at.clone().or_else(|| Some(rfc3339(now))),
                    ..record(e, None)
                })
                .collect();
            let added = connected.run(store.add_bank_entries(name, &entries, actor, now))?;
            outln!(
                "{added} hash(es) imported into bank {name}, {} line(s) skipped",
                parsed.errors.len()
            );
            if !parsed.errors.is_empty() {
                code = ExitCode::from(2);
            }
        }
        BanksCommand::Export { name } => {
            let records = connected.run(store.bank_entries(name))?;
            let entries: Vec<BankEntry> = records.iter().filter_map(bank_entry).collect();
            out!("{}", hash_list::format(&entries));
        }
        BanksCommand::List => {
            for bank in connected.run(store.banks())? {
                outln!(
                    "{:<24} {:<8} {:>8} entries  created {}",
                    bank.name,
                    if bank.enabled { "enabled" } else { "disabled" },
                    bank.entries,
                    rfc3339(bank.created_at)
                );
            }
        }
    }
    connected.close();
    Ok(code)
}
