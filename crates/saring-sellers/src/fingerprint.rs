//! What saring keeps about a seller and a listing for linking: keyed identifier hashes,
//! keyed text shingles and PDQ photo hashes. Never a phone number, e-mail, account number,
//! address or text in clear: these structures are what the store persists (as JSON).

use std::fmt;

use saring_core::{Listing, Platform, Seller};
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64;

use crate::contacts::contacts_in_text;
use crate::identifier::{IdentifierKind, NormalisedIdentifier};
use crate::keyed::{DeploymentSecret, KeyedIdentifier};
use crate::photo::PdqHash;
use crate::text::text_shingles;

/// Most listing texts kept per seller (the most recently added).
pub const MAX_TEXTS_PER_SELLER: usize = 32;
/// Most distinct photos kept per seller (the most recently added).
pub const MAX_PHOTOS_PER_SELLER: usize = 64;

/// A seller on a platform.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct SellerRef {
    /// The platform.
    pub platform: Platform,
    /// The platform's seller or shop id.
    pub seller_id: String,
}

impl SellerRef {
    /// A stable 64-bit key of the seller, used as id in the photo indexes.
    pub(crate) fn key(&self) -> u64 {
        xxh3_64(format!("{}\0{}", self.platform, self.seller_id).as_bytes())
    }
}

impl fmt::Display for SellerRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.platform, self.seller_id)
    }
}

/// A listing on a platform.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ListingRef {
    /// The platform.
    pub platform: Platform,
    /// The platform's listing id.
    pub listing_id: String,
}

impl fmt::Display for ListingRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.platform, self.listing_id)
    }
}

/// Where an identifier was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdentifierOrigin {
    /// In the seller's profile (phone, e-mail, bank account, address, device id fields).
    Profile,
    /// Written in a listing's title or description.
    ListingText,
}

/// One keyed identifier of a seller and where it came from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct FingerprintIdentifier {
    /// The keyed hash.
    pub identifier: KeyedIdentifier,
    /// Profile or listing text.
    pub origin: IdentifierOrigin,
}

/// The keyed shingles of one listing's title and description.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextSketch {
    /// The listing the text belongs to.
    pub listing_id: String,
    /// Keyed 64-bit shingle hashes, sorted, without duplicates.
    pub shingles: Vec<u64>,
}

/// Everything linking needs to know about one seller.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SellerFingerprint {
    /// The seller.
    pub seller: SellerRef,
    /// Keyed identifiers from the profile and the listing texts, sorted, one per hash
    /// (profile before listing text).
    pub identifiers: Vec<FingerprintIdentifier>,
    /// Distinct informative PDQ hashes of the seller's photos.
    pub photos: Vec<PdqHash>,
    /// Text sketches of the seller's listings, one per distinct text (under the newest
    /// listing that has it), oldest first.
    pub texts: Vec<TextSketch>,
}

/// Why a fingerprint could not be built or merged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FingerprintError {
    /// The listing names no seller.
    #[error("listing {0} has no seller")]
    NoSeller(String),
    /// Two fingerprints of different sellers cannot merge.
    #[error("cannot merge the fingerprint of {other} into that of {seller}")]
    DifferentSellers {
        /// The fingerprint merged into.
        seller: String,
        /// The fingerprint merged.
        other: String,
    },
}

impl SellerFingerprint {
    /// The fingerprint of a listing's seller as seen on this listing: profile identifiers,
    /// contact details in the text, the text's shingles and the listing's photo hashes
    /// (PDQ hashes computed by the caller; uninformative hashes are left out).
    pub fn from_listing(
        listing: &Listing,
        photos: &[PdqHash],
        secret: &DeploymentSecret,
    ) -> Result<Self, FingerprintError> {
        let seller = listing
            .seller
            .as_ref()
            .ok_or_else(|| FingerprintError::NoSeller(listing.id.clone()))?;
        let profile = profile_identifiers(seller).map(|identifier| FingerprintIdentifier {
            identifier: secret.key(&identifier),
            origin: IdentifierOrigin::Profile,
        });
        let text = text_identifiers(listing).map(|identifier| FingerprintIdentifier {
            identifier: secret.key(&identifier),
            origin: IdentifierOrigin::ListingText,
        });
        let mut fingerprint = SellerFingerprint {
            seller: SellerRef {
                platform: listing.platform,
                seller_id: seller.id.clone(),
            },
            identifiers: profile.chain(text).collect(),
            photos: informative_photos(photos),
            texts: vec![TextSketch {
                listing_id: listing.id.clone(),
                shingles: listing_shingles(listing, secret),
            }],
        };
        fingerprint.tidy();
        Ok(fingerprint)
    }

    /// Adds what another fingerprint of the same seller knows (e.g. from another listing):
    /// identifiers and photos are united, a listing's text replaces its older sketch and any
    /// sketch of the same text (a copy-pasted listing is kept once, so copies do not push
    /// the seller's other texts out), and the newest [`MAX_TEXTS_PER_SELLER`] texts and
    /// [`MAX_PHOTOS_PER_SELLER`] photos stay.
    pub fn merge(&mut self, other: SellerFingerprint) -> Result<(), FingerprintError> {
        if other.seller != self.seller {
            return Err(FingerprintError::DifferentSellers {
                seller: self.seller.to_string(),
                other: other.seller.to_string(),
            });
        }
        self.identifiers.extend(other.identifiers);
        self.photos.retain(|photo| !other.photos.contains(photo));
        self.photos.extend(other.photos);
        for text in other.texts {
            self.texts.retain(|kept| {
                kept.listing_id != text.listing_id && kept.shingles != text.shingles
            });
            self.texts.push(text);
        }
        self.tidy();
        Ok(())
    }

    /// The distinct keyed identifiers, whatever their origin.
    pub fn distinct_identifiers(&self) -> Vec<&KeyedIdentifier> {
        let mut identifiers: Vec<&KeyedIdentifier> =
            self.identifiers.iter().map(|i| &i.identifier).collect();
        identifiers.dedup();
        identifiers
    }

    /// Sorts identifiers (one per hash, profile first), removes duplicate photos and
    /// applies the caps, keeping the newest.
    fn tidy(&mut self) {
        self.identifiers.sort();
        self.identifiers
            .dedup_by(|later, earlier| later.identifier == earlier.identifier);
        let mut seen = Vec::with_capacity(self.photos.len());
        self.photos.retain(|photo| {
            let new = !seen.contains(photo);
            seen.push(*photo);
            new
        });
        let excess_photos = self.photos.len().saturating_sub(MAX_PHOTOS_PER_SELLER);
        self.photos.drain(..excess_photos);
        let excess_texts = self.texts.len().saturating_sub(MAX_TEXTS_PER_SELLER);
        self.texts.drain(..excess_texts);
    }
}

/// What near-duplicate checks need about one listing: for re-listing detection and for
/// the index of listings taken down.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListingSketch {
    /// The listing.
    pub listing: ListingRef,
    /// Its seller, when known.
    pub seller: Option<SellerRef>,
    /// Keyed shingles of its title and description, sorted, without duplicates.
    pub shingles: Vec<u64>,
    /// Informative PDQ hashes of its photos.
    pub photos: Vec<PdqHash>,
}

impl ListingSketch {
    /// The sketch of `listing` with the PDQ hashes of its photos.
    pub fn from_listing(listing: &Listing, photos: &[PdqHash], secret: &DeploymentSecret) -> Self {
        ListingSketch {
            listing: ListingRef {
                platform: listing.platform,
                listing_id: listing.id.clone(),
            },
            seller: listing.seller.as_ref().map(|seller| SellerRef {
                platform: listing.platform,
                seller_id: seller.id.clone(),
            }),
            shingles: listing_shingles(listing, secret),
            photos: informative_photos(photos),
        }
    }
}

/// The profile's identifiers that survive normalisation.
fn profile_identifiers(seller: &Seller) -> impl Iterator<Item = NormalisedIdentifier> + '_ {
    let fields = [
        (IdentifierKind::Phone, &seller.phone),
        (IdentifierKind::Email, &seller.email),
        (IdentifierKind::BankAccount, &seller.bank_account),
        (IdentifierKind::Address, &seller.address),
        (IdentifierKind::DeviceId, &seller.device_id),
    ];
    fields.into_iter().filter_map(|(kind, raw)| {
        raw.as_deref()
            .and_then(|raw| NormalisedIdentifier::new(kind, raw))
    })
}

/// Phone numbers and e-mail addresses written in the title or description.
fn text_identifiers(listing: &Listing) -> impl Iterator<Item = NormalisedIdentifier> {
    let mut found = contacts_in_text(&listing.title);
    for identifier in contacts_in_text(&listing.description) {
        if !found.contains(&identifier) {
            found.push(identifier);
        }
    }
    found.into_iter()
}

fn listing_shingles(listing: &Listing, secret: &DeploymentSecret) -> Vec<u64> {
    text_shingles(
        &secret.shingle_hasher(),
        &listing.title,
        &listing.description,
    )
}

fn informative_photos(photos: &[PdqHash]) -> Vec<PdqHash> {
    photos
        .iter()
        .copied()
        .filter(PdqHash::is_informative)
        .collect()
}
