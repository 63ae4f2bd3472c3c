//! Seller linking over a store: the link index rebuilt from the store's records, the
//! detector that sends listings of sellers linked to sanctioned ones (and re-listings of
//! listings taken down) to review, and what a screening run learns about sellers.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex, PoisonError, RwLock};

use saring_core::{Decision, Listing, Platform, Seller, SellerStatus};
use saring_images::{ImageFetcher, MAX_IMAGES_PER_LISTING};
use saring_sellers::{
    DeploymentSecret, LINK_SIGNAL_NAME, LinkConfig, LinkIndex, ListingSketch, PdqHash,
    SellerFingerprint, SellerLinkDetector, SellerRef,
};
use saring_store::{SellerUpdate, Store, TakenDownListing};

use crate::{Result, ServiceError};

fn sellers_error(error: impl std::fmt::Display) -> ServiceError {
    ServiceError::Sellers(error.to_string())
}

/// The link index of everything the store knows: every seller's fingerprint, flagged
/// sanctioned when the seller is suspended or banned.
pub async fn stored_index(store: &Store) -> Result<LinkIndex> {
    let mut sanctioned = BTreeSet::new();
    for status in [SellerStatus::Suspended, SellerStatus::Banned] {
        sanctioned.extend(store.sellers_with_status(status).await?);
    }
    let mut index = LinkIndex::new(LinkConfig::default()).map_err(sellers_error)?;
    for (platform, seller_id, json) in store.seller_fingerprints().await? {
        let fingerprint: SellerFingerprint = serde_json::from_value(json).map_err(|error| {
            sellers_error(format!(
                "stored fingerprint of {platform}/{seller_id}: {error}"
            ))
        })?;
        index
            .upsert(fingerprint, sanctioned.contains(&(platform, seller_id)))
            .map_err(sellers_error)?;
    }
    Ok(index)
}

/// What the store keeps of a listing taken down, as a sketch: its normalised text as the
/// title, its photo hashes.
fn taken_down_sketch(
    taken_down: &TakenDownListing,
    secret: &DeploymentSecret,
) -> Result<ListingSketch> {
    let platform: Platform = taken_down
        .platform
        .parse()
        .map_err(|_| sellers_error(format!("case {}: unknown platform", taken_down.case_id)))?;
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

/// What screening learnt about one listing's seller (computed in parallel).
pub struct Observed {
    fingerprint: SellerFingerprint,
    links: Vec<saring_sellers::SellerLink>,
}

/// The link index as last loaded from the store, shared by the screener's detector, the
/// threads that prepare listings and the writer; [`LinkObserver::reload`] replaces it for all
/// of them at once. Each reader takes a snapshot and keeps it for one listing or batch.
#[derive(Clone)]
struct LiveIndex(Arc<RwLock<Arc<LinkIndex>>>);

impl LiveIndex {
    fn new(index: LinkIndex) -> Self {
        Self(Arc::new(RwLock::new(Arc::new(index))))
    }

    /// The index in force now.
    fn current(&self) -> Arc<LinkIndex> {
        Arc::clone(&self.0.read().unwrap_or_else(PoisonError::into_inner))
    }

    fn replace(&self, index: LinkIndex) {
        *self.0.write().unwrap_or_else(PoisonError::into_inner) = Arc::new(index);
    }
}

/// The link index of the store as it is now: every seller's fingerprint (sanctioned ones
/// flagged) and sketches of the listings taken down.
async fn load_index(store: &Store, secret: &DeploymentSecret) -> Result<LinkIndex> {
    let mut index = stored_index(store).await?;
    for taken_down in store.taken_down_listings().await? {
        index
            .take_down(taken_down_sketch(&taken_down, secret)?)
            .map_err(sellers_error)?;
    }
    index.refresh();
    Ok(index)
}

/// What seeing a listing's seller needs, shared by every thread that prepares listings: the
/// deployment secret, the index as last loaded from the store, the photo hashes of listings
/// being screened.
#[derive(Clone)]
pub struct LinkObserver {
    secret: DeploymentSecret,
    index: LiveIndex,
    photos: Arc<PhotoHashes>,
}

/// Seller linking while screening against a store: the index as last loaded (the detector's
/// snapshot), and the fingerprints merged so far in this run.
pub struct SellerLinker {
    observer: LinkObserver,
    merged: HashMap<SellerRef, SellerFingerprint>,
    links_recorded: usize,
}

impl LinkObserver {
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
        let index = self.index.current();
        let links = match (linked, index.get(&fingerprint.seller)) {
            (false, _) => Vec::new(),
            (true, Some((stored, _))) => {
                let mut merged = stored.clone();
                match merged.merge(fingerprint.clone()) {
                    Ok(()) => index.links_for(&merged),
                    Err(_) => index.links_for(&fingerprint),
                }
            }
            (true, None) => index.links_for(&fingerprint),
        };
        Some(Observed { fingerprint, links })
    }

    /// A detector over the index in force now: links to sanctioned sellers and re-listings.
    /// A detector keeps its snapshot: after [`reload`](Self::reload), make a new one.
    pub fn detector(&self) -> SellerLinkDetector {
        let photos = Arc::clone(&self.photos);
        SellerLinkDetector::new(self.index.current(), self.secret.clone())
            .with_photo_hashes(move |listing| pdq_hashes(&photos.hash_and_keep(listing)))
    }

    /// Loads the index again from the store as it is now (sanctions, fingerprints, listings
    /// taken down) and puts it in force for the observer, its clones and the linker.
    pub async fn reload(&self, store: &Store) -> Result<()> {
        let index = load_index(store, &self.secret).await?;
        self.index.replace(index);
        Ok(())
    }
}

impl SellerLinker {
    /// Loads the index from the store: fingerprints, sanctions, and sketches of the
    /// listings taken down.
    pub async fn load(
        store: &Store,
        secret: DeploymentSecret,
        fetcher: ImageFetcher,
    ) -> Result<Self> {
        let index = load_index(store, &secret).await?;
        Ok(Self {
            observer: LinkObserver {
                secret,
                index: LiveIndex::new(index),
                photos: Arc::new(PhotoHashes::new(fetcher)),
            },
            merged: HashMap::new(),
            links_recorded: 0,
        })
    }

    /// The detector for the screener: links to sanctioned sellers and re-listings.
    pub fn detector(&self) -> SellerLinkDetector {
        self.observer.detector()
    }

    /// What preparing listings needs to see their sellers.
    pub fn observer(&self) -> &LinkObserver {
        &self.observer
    }

    /// Merges observations into the sellers' fingerprints and says what to save.
    pub fn updates<'a>(
        &mut self,
        observed: impl Iterator<Item = &'a Observed>,
        now: i64,
    ) -> Result<Vec<SellerUpdate>> {
        let mut updates = Vec::new();
        for Observed { fingerprint, links } in observed {
            let seller = fingerprint.seller.clone();
            let identifiers = fingerprint
                .distinct_identifiers()
                .into_iter()
                .map(|keyed| (keyed.kind.as_str().to_string(), keyed.hash_hex.clone()))
                .collect();
            let earlier = match self.merged.remove(&seller) {
                Some(merged) => Some(merged),
                None => self
                    .observer
                    .index
                    .current()
                    .get(&seller)
                    .map(|(stored, _)| stored.clone()),
            };
            let merged = match earlier {
                Some(mut merged) => {
                    merged.merge(fingerprint.clone()).map_err(sellers_error)?;
                    merged
                }
                None => fingerprint.clone(),
            };
            let links: Vec<saring_store::SellerLink> = links
                .iter()
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
                .collect::<Result<_>>()?;
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

    /// Sellers whose fingerprints this run updated, and links it recorded.
    pub fn totals(&self) -> (usize, usize) {
        (self.merged.len(), self.links_recorded)
    }
}
