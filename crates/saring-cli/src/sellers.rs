//! Sellers and ban evasion with a store: the `--secret-file` option of `saring scan`, and
//! `saring sellers show`. The deployment secret and the link index live in saring-service.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};
use saring_core::Platform;
use saring_sellers::SellerRef;
use saring_service::{SecretSource, stored_index};

use crate::store::{Connected, StoreArgs, rfc3339};

/// Where the deployment secret comes from.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct SecretArgs {
    /// File holding the deployment secret for seller identifiers (hex, or at least 32 raw
    /// bytes); or set SARING_SECRET. Without either, a secret is generated once and kept
    /// in the store.
    #[arg(long, value_name = "PATH")]
    pub secret_file: Option<PathBuf>,
}

impl SecretArgs {
    /// The secret's source: the file given, or SARING_SECRET.
    pub fn source(&self) -> SecretSource {
        SecretSource::from_file_or_env(self.secret_file.clone())
    }
}

/// `saring sellers ...`
#[derive(clap::Subcommand, Debug)]
pub enum SellersCommand {
    /// Show a seller: standing, strikes, keyed identifiers (hash prefixes only), and the
    /// cluster of sellers linked to sanctioned ones it belongs to, with the evidence.
    Show {
        /// The platform's seller id.
        id: String,
        /// The platform (needed when the id is known on several).
        #[arg(long)]
        platform: Option<Platform>,
        #[command(flatten)]
        store: StoreArgs,
    },
}

/// The platform of `seller_id`: the one given, or the only one the store knows it on.
fn seller_platform(
    connected: &Connected,
    seller_id: &str,
    given: Option<Platform>,
) -> anyhow::Result<Platform> {
    if let Some(platform) = given {
        return Ok(platform);
    }
    let known = connected.run(connected.store.seller_platforms(seller_id))?;
    match known.as_slice() {
        [] => bail!("the store knows no seller {seller_id:?}"),
        [platform] => platform
            .parse()
            .with_context(|| format!("unknown stored platform {platform:?}")),
        several => bail!(
            "seller {seller_id:?} is known on {}: choose one with --platform",
            several.join(", ")
        ),
    }
}

fn status_of(connected: &Connected, seller: &SellerRef) -> anyhow::Result<String> {
    let record = connected.run(
        connected
            .store
            .seller(seller.platform.as_str(), &seller.seller_id),
    )?;
    Ok(match record {
        Some(record) => format!("{} since {}", record.status, rfc3339(record.updated_at)),
        None => "unknown to the store".to_string(),
    })
}

fn show(connected: &Connected, seller_id: &str, platform: Option<Platform>) -> anyhow::Result<()> {
    let platform = seller_platform(connected, seller_id, platform)?;
    let seller = SellerRef {
        platform,
        seller_id: seller_id.to_string(),
    };
    let store = &connected.store;
    outln!("seller    {seller}");
    outln!("status    {}", status_of(connected, &seller)?);
    let strikes = connected.run(store.strikes(platform.as_str(), seller_id))?;
    let standing = strikes.iter().filter(|s| s.revoked_at.is_none()).count();
    outln!(
        "strikes   {standing} standing, {} revoked",
        strikes.len() - standing
    );
    for strike in &strikes {
        let revoked = strike
            .revoked_at
            .map(|at| format!(" (revoked {})", rfc3339(at)))
            .unwrap_or_default();
        outln!(
            "  strike  case {} {} confirmed {}{revoked}",
            strike.case_id,
            strike.priority,
            rfc3339(strike.confirmed_at)
        );
    }
    for identifier in connected.run(store.seller_identifiers(platform.as_str(), seller_id))? {
        let end = identifier.keyed_hash.len().min(8);
        outln!(
            "  keyed   {} {}… (first seen {})",
            identifier.kind,
            &identifier.keyed_hash[..end],
            rfc3339(identifier.first_seen_at)
        );
    }
    let index = connected.run(stored_index(&connected.store))?;
    match index.cluster_of(&seller) {
        None => outln!("cluster   none: not linked to a suspended or banned seller"),
        Some(cluster) => {
            outln!(
                "cluster   {} members, {} sanctioned",
                cluster.members.len(),
                cluster.sanctioned.len()
            );
            for member in &cluster.members {
                outln!("  member  {member}: {}", status_of(connected, member)?);
            }
            for link in &cluster.links {
                outln!("  link    {} -> {}", link.from, link.link.target);
                for evidence in &link.link.evidence {
                    outln!("          {}", evidence.detail);
                }
            }
        }
    }
    Ok(())
}

/// Runs `saring sellers ...`.
pub fn run(command: &SellersCommand) -> anyhow::Result<ExitCode> {
    let SellersCommand::Show {
        id,
        platform,
        store,
    } = command;
    let connected = Connected::open(&store.store)?;
    let shown = show(&connected, id, *platform);
    connected.close();
    shown?;
    Ok(ExitCode::SUCCESS)
}
