//! Sellers and ban evasion with a store: the deployment secret, the link index rebuilt from
//! the store, the seller-link detector of `saring scan --store`, what a scan saves about
//! sellers, and `saring sellers show`.
//!
//! The secret comes from `--secret-file` or `SARING_SECRET`; without either, one is
//! generated on first use and kept in the store's `settings` table. Either way the store
//! keeps a check value (the keyed hash of a fixed marker), so a later run with another
//! secret, whose hashes could never match the stored ones, is refused. The secret itself
//! is never printed.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, Mutex, PoisonError};

use anyhow::{Context, bail};
use saring_core::{Decision, Listing, Platform, Seller, SellerStatus};
use saring_images::{ImageFetcher, MAX_IMAGES_PER_LISTING};
use saring_sellers::{
    DeploymentSecret, IdentifierKind, LINK_SIGNAL_NAME, LinkConfig, LinkIndex, ListingSketch,
    NormalisedIdentifier, PdqHash, SellerFingerprint, SellerLinkDetector, SellerRef,
};
use saring_store::{SellerUpdate, TakenDownListing};

use crate::store::{Connected, StoreArgs, rfc3339};

/// Environment variable holding the deployment secret (hex, or raw bytes).
const SECRET_ENV: &str = "SARING_SECRET";
/// Setting holding the secret generated when none is given.
const GENERATED_SECRET_SETTING: &str = "seller_linking.generated_secret";
/// Setting holding the keyed hash of [`SECRET_CHECK_MARKER`] under the secret in use.
const SECRET_CHECK_SETTING: &str = "seller_linking.secret_check";
/// A fixed device id whose keyed hash identifies the secret without revealing it.
const SECRET_CHECK_MARKER: &str = "saring-secret-check-v1";
/// Bytes of a generated secret.
const GENERATED_SECRET_BYTES: usize = 32;

/// Where the deployment secret comes from.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct SecretArgs {
    /// File holding the deployment secret for seller identifiers (hex, or at least 32 raw
    /// bytes); or set SARING_SECRET. Without either, a secret is generated once and kept
    /// in the store.
    #[arg(long, value_name = "PATH")]
    pub secret_file: Option<PathBuf>,
}

/// A secret from hex text (64 or more hex digits) or, failing that, the raw bytes.
fn parse_secret(bytes: Vec<u8>) -> anyhow::Result<DeploymentSecret> {
    let text = String::from_utf8_lossy(&bytes);
    let trimmed = text.trim();
    let key = match decode_hex(trimmed) {
        Some(decoded) => decoded,
        None => bytes,
    };
    DeploymentSecret::new(key).context("the deployment secret is unusable")
}

fn decode_hex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) || !text.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|at| u8::from_str_radix(&text[at..at + 2], 16).ok())
        .collect()
}

fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// The keyed hash that identifies `secret` (never the secret itself).
fn secret_check(secret: &DeploymentSecret) -> anyhow::Result<String> {
    let marker = NormalisedIdentifier::new(IdentifierKind::DeviceId, SECRET_CHECK_MARKER)
        .context("the secret check marker does not normalise")?;
    Ok(secret.key(&marker).hash_hex)
}

/// The deployment secret: `--secret-file`, `SARING_SECRET`, or the one kept in the store
/// (generated on first use). Refused when it is not the secret the store was used with.
pub fn deployment_secret(
    args: &SecretArgs,
    connected: &Connected,
    now: i64,
) -> anyhow::Result<DeploymentSecret> {
    let from_env = std::env::var_os(SECRET_ENV);
    let secret = match (&args.secret_file, from_env) {
        (Some(_), Some(_)) => bail!("give --secret-file or {SECRET_ENV}, not both"),
        (Some(path), None) => parse_secret(
            std::fs::read(path)
                .with_context(|| format!("cannot read the secret file {}", path.display()))?,
        )?,
        (None, Some(value)) => parse_secret(value.into_encoded_bytes())
            .with_context(|| format!("{SECRET_ENV} is unusable"))?,
        (None, None) => {
            let mut fresh = [0u8; GENERATED_SECRET_BYTES];
            getrandom::fill(&mut fresh)
                .map_err(|error| anyhow::anyhow!("cannot generate a secret: {error}"))?;
            let kept = connected.run(connected.store.setting_or_insert(
                GENERATED_SECRET_SETTING,
                &to_hex(&fresh),
                now,
            ))?;
            parse_secret(kept.into_bytes()).context("the secret kept in the store")?
        }
    };
    let check = secret_check(&secret)?;
    let expected = connected.run(connected.store.setting_or_insert(
        SECRET_CHECK_SETTING,
        &check,
        now,
    ))?;
    if expected != check {
        bail!(
            "the deployment secret differs from the one this store's seller records were made \
             with; use that secret (--secret-file or {SECRET_ENV})"
        );
    }
    Ok(secret)
}

/// The link index of everything the store knows: every seller's fingerprint, flagged
/// sanctioned when the seller is suspended or banned.
fn stored_index(connected: &Connected) -> anyhow::Result<LinkIndex> {
    let store = &connected.store;
    let mut sanctioned = BTreeSet::new();
    for status in [SellerStatus::Suspended, SellerStatus::Banned] {
        sanctioned.extend(connected.run(store.sellers_with_status(status))?);
    }
    let mut index = LinkIndex::new(LinkConfig::default())?;
    for (platform, seller_id, json) in connected.run(store.seller_fingerprints())? {
        let fingerprint: SellerFingerprint = serde_json::from_value(json)
            .with_context(|| format!("stored fingerprint of {platform}/{seller_id}"))?;
        index.upsert(fingerprint, sanctioned.contains(&(platform, seller_id)))?;
    }
    Ok(index)
}

/// What the store keeps of a listing taken down, as a sketch: its normalised text as the
/// title, its photo hashes.
fn taken_down_sketch(
    taken_down: &TakenDownListing,
    secret: &DeploymentSecret,
) -> anyhow::Result<ListingSketch> {
    let platform: Platform = taken_down
        .platform
        .parse()
        .with_context(|| format!("case {}: unknown platform", taken_down.case_id))?;
    let listing = Listing {
        id: taken_down.listing_id.clone(),
        platform,
        url: None,
        title: taken_down.normalised_text.clone(),
        description: String::new(),
        price: None,
        category: None,
        seller: taken_down.seller_id.as_ref().map(|id| Seller {
            id: id.clone(),
            name: None,
            phone: None,
            email: None,
            bank_account: None,
            address: None,
            device_id: None,
        }),
        images: Vec::new(),
        created_at: None,
        signals: Default::default(),
    };
    Ok(ListingSketch::from_listing(
        &listing,
        &pdq_hashes(&taken_down.image_hashes),
        secret,
    ))
}

/// PDQ hex hashes as the linker's type; malformed ones are skipped.
fn pdq_hashes(hex: &[String]) -> Vec<PdqHash> {
    hex.iter().filter_map(|hash| hash.parse().ok()).collect()
}

/// The PDQ hashes (hex) of a listing's photos, read and hashed once per listing: the
/// seller-link detector hashes them while screening, the recorder takes them afterwards.
pub struct PhotoHashes {
    fetcher: ImageFetcher,
    pending: Mutex<HashMap<(Platform, String), Vec<String>>>,
}

impl PhotoHashes {
    fn new(fetcher: ImageFetcher) -> Self {
        Self {
            fetcher,
            pending: Mutex::new(HashMap::new()),
        }
    }

    /// Reads and hashes the photos; unreadable photos are left out.
    fn hash(&self, listing: &Listing) -> Vec<String> {
        listing
            .images
            .iter()
            .take(MAX_IMAGES_PER_LISTING)
            .filter_map(|image| self.fetcher.fetch(image).ok())
            .filter_map(|bytes| saring_pdq::hash_bytes(&bytes).ok())
            .map(|hashed| hashed.hash.to_hex())
            .collect()
    }

    /// Hashes the photos and keeps the hashes until [`take`](Self::take).
    fn hash_and_keep(&self, listing: &Listing) -> Vec<String> {
        let hashes = self.hash(listing);
        self.pending
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert((listing.platform, listing.id.clone()), hashes.clone());
        hashes
    }

    /// The hashes kept for this listing (removing them), or freshly computed.
    pub fn take(&self, listing: &Listing) -> Vec<String> {
        let kept = self
            .pending
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(&(listing.platform, listing.id.clone()));
        kept.unwrap_or_else(|| self.hash(listing))
    }
}

/// What the scan learnt about one listing's seller (computed in parallel).
pub struct Observed {
    fingerprint: SellerFingerprint,
    links: Vec<saring_sellers::SellerLink>,
}

/// Seller linking during `saring scan --store`: the index as stored when the scan began
/// (the detector's snapshot), and the fingerprints merged so far in this scan.
pub struct SellerLinker {
    secret: DeploymentSecret,
    index: Arc<LinkIndex>,
    photos: Arc<PhotoHashes>,
    merged: HashMap<SellerRef, SellerFingerprint>,
    links_recorded: usize,
}

impl SellerLinker {
    /// Loads the index from the store: fingerprints, sanctions, and sketches of the
    /// listings taken down.
    pub fn load(
        connected: &Connected,
        secret: DeploymentSecret,
        fetcher: ImageFetcher,
    ) -> anyhow::Result<Self> {
        let mut index = stored_index(connected)?;
        for taken_down in connected.run(connected.store.taken_down_listings())? {
            index.take_down(taken_down_sketch(&taken_down, &secret)?)?;
        }
        index.refresh();
        Ok(Self {
            secret,
            index: Arc::new(index),
            photos: Arc::new(PhotoHashes::new(fetcher)),
            merged: HashMap::new(),
            links_recorded: 0,
        })
    }

    /// The detector for the screener: links to sanctioned sellers and re-listings.
    pub fn detector(&self) -> SellerLinkDetector {
        let photos = Arc::clone(&self.photos);
        SellerLinkDetector::new(Arc::clone(&self.index), self.secret.clone())
            .with_photo_hashes(move |listing| pdq_hashes(&photos.hash_and_keep(listing)))
    }

    /// The photo hashes of listings being screened.
    pub fn photos(&self) -> &PhotoHashes {
        &self.photos
    }

    /// The listing's seller as seen on it, with the links behind a `linked to banned
    /// seller` reason of its decision; `None` for a listing without seller.
    pub fn observe(
        &self,
        listing: &Listing,
        photo_hashes: &[String],
        decision: &Decision,
    ) -> Option<Observed> {
        let fingerprint =
            SellerFingerprint::from_listing(listing, &pdq_hashes(photo_hashes), &self.secret)
                .ok()?;
        let linked = decision
            .reasons
            .iter()
            .any(|reason| reason.name == LINK_SIGNAL_NAME);
        let links = match (linked, self.index.get(&fingerprint.seller)) {
            (false, _) => Vec::new(),
            (true, Some((stored, _))) => {
                let mut merged = stored.clone();
                match merged.merge(fingerprint.clone()) {
                    Ok(()) => self.index.links_for(&merged),
                    Err(_) => self.index.links_for(&fingerprint),
                }
            }
            (true, None) => self.index.links_for(&fingerprint),
        };
        Some(Observed { fingerprint, links })
    }

    /// Merges observations into the sellers' fingerprints and says what to save.
    pub fn updates(
        &mut self,
        observed: Vec<Observed>,
        now: i64,
    ) -> anyhow::Result<Vec<SellerUpdate>> {
        let mut updates = Vec::with_capacity(observed.len());
        for Observed { fingerprint, links } in observed {
            let seller = fingerprint.seller.clone();
            let identifiers = fingerprint
                .distinct_identifiers()
                .into_iter()
                .map(|keyed| (keyed.kind.as_str().to_string(), keyed.hash_hex.clone()))
                .collect();
            let earlier = match self.merged.remove(&seller) {
                Some(merged) => Some(merged),
                None => self.index.get(&seller).map(|(stored, _)| stored.clone()),
            };
            let merged = match earlier {
                Some(mut merged) => {
                    merged.merge(fingerprint)?;
                    merged
                }
                None => fingerprint,
            };
            let links: Vec<saring_store::SellerLink> = links
                .into_iter()
                .map(|link| {
                    Ok(saring_store::SellerLink {
                        platform: seller.platform.as_str().to_string(),
                        seller_id: seller.seller_id.clone(),
                        linked_platform: link.target.platform.as_str().to_string(),
                        linked_seller_id: link.target.seller_id.clone(),
                        evidence: serde_json::to_value(&link.evidence)?,
                        created_at: now,
                    })
                })
                .collect::<anyhow::Result<_>>()?;
            self.links_recorded += links.len();
            updates.push(SellerUpdate {
                platform: seller.platform.as_str().to_string(),
                seller_id: seller.seller_id.clone(),
                fingerprint: serde_json::to_value(&merged)?,
                identifiers,
                links,
            });
            self.merged.insert(seller, merged);
        }
        Ok(updates)
    }

    /// Sellers whose fingerprints this scan updated, and links it recorded.
    pub fn totals(&self) -> (usize, usize) {
        (self.merged.len(), self.links_recorded)
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
    println!("seller    {seller}");
    println!("status    {}", status_of(connected, &seller)?);
    let strikes = connected.run(store.strikes(platform.as_str(), seller_id))?;
    let standing = strikes.iter().filter(|s| s.revoked_at.is_none()).count();
    println!(
        "strikes   {standing} standing, {} revoked",
        strikes.len() - standing
    );
    for strike in &strikes {
        let revoked = strike
            .revoked_at
            .map(|at| format!(" (revoked {})", rfc3339(at)))
            .unwrap_or_default();
        println!(
            "  strike  case {} {} confirmed {}{revoked}",
            strike.case_id,
            strike.priority,
            rfc3339(strike.confirmed_at)
        );
    }
    for identifier in connected.run(store.seller_identifiers(platform.as_str(), seller_id))? {
        let end = identifier.keyed_hash.len().min(8);
        println!(
            "  keyed   {} {}… (first seen {})",
            identifier.kind,
            &identifier.keyed_hash[..end],
            rfc3339(identifier.first_seen_at)
        );
    }
    let index = stored_index(connected)?;
    match index.cluster_of(&seller) {
        None => println!("cluster   none: not linked to a suspended or banned seller"),
        Some(cluster) => {
            println!(
                "cluster   {} members, {} sanctioned",
                cluster.members.len(),
                cluster.sanctioned.len()
            );
            for member in &cluster.members {
                println!("  member  {member}: {}", status_of(connected, member)?);
            }
            for link in &cluster.links {
                println!("  link    {} -> {}", link.from, link.link.target);
                for evidence in &link.link.evidence {
                    println!("          {}", evidence.detail);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_read_as_hex_or_raw_bytes_and_short_ones_refused() {
        let hex = "ab".repeat(32);
        let from_hex = parse_secret(format!("{hex}\n").into_bytes()).expect("hex secret");
        let raw = parse_secret(vec![0xab; 32]).expect("raw secret");
        let check = |secret: &DeploymentSecret| secret_check(secret).expect("check");
        assert_eq!(check(&from_hex), check(&raw), "hex decodes to the same key");
        let text = parse_secret(b"a passphrase that is long enough, surely".to_vec());
        assert!(text.is_ok());
        assert!(parse_secret(b"short".to_vec()).is_err());
        assert!(
            parse_secret("ab".repeat(16).into_bytes()).is_err(),
            "16 bytes of hex"
        );
    }
}
