//! Sellers and ban evasion: links a seller to banned or sanctioned sellers it shares an
//! identifier, a photo or a near-duplicate text with, and flags near-duplicates of
//! listings taken down. Pure: no I/O, no database; the caller persists
//! [`SellerFingerprint`]s and [`ListingSketch`]es (JSON) and rebuilds a [`LinkIndex`].
//!
//! * **Identifiers** (phone, e-mail, bank account, address, device id) are normalised per
//!   kind ([`NormalisedIdentifier`]; placeholders and generic values give `None`) and kept
//!   only as HMAC-SHA256 under a [`DeploymentSecret`] ([`KeyedIdentifier`]), never in clear
//!   (UU 27/2022). Phone numbers and e-mails written in titles and descriptions count too.
//! * **Photos** are PDQ hashes given by the caller, matched within Hamming distance 31.
//! * **Texts** are keyed 3-word shingles of the normalised title and description, per
//!   sentence; candidates come from LSH over MinHash signatures, links from the Jaccard
//!   similarity of their distinctive shingles.
//! * **Commonness** ([`ValueStats`]) counts distinct sellers per identifier, photo and
//!   shingle; a value held by more than [`LinkConfig::max_sharing_sellers`] sellers (a
//!   courier hotline, a stock photo, a boilerplate sentence) never links.
//! * [`SellerLinkDetector`] turns links and re-listings into `seller_link` and `relisting`
//!   signals.

mod contacts;
mod detector;
mod fingerprint;
mod identifier;
mod index;
mod keyed;
mod neardup;
mod photo;
mod stats;
mod text;

pub use contacts::contacts_in_text;
pub use detector::{
    LINK_SIGNAL_NAME, PhotoHashes, RELISTING_SIGNAL_NAME, SIGNAL_SCORE, SellerLinkDetector,
};
pub use fingerprint::{
    FingerprintError, FingerprintIdentifier, IdentifierOrigin, ListingRef, ListingSketch,
    MAX_PHOTOS_PER_SELLER, MAX_TEXTS_PER_SELLER, SellerFingerprint, SellerRef, TextSketch,
};
pub use identifier::{
    IdentifierKind, NormalisedIdentifier, normalise_address, normalise_bank_account,
    normalise_device_id, normalise_email, normalise_phone,
};
pub use index::{
    Cluster, ClusterLink, EvidenceKind, LinkConfig, LinkEvidence, LinkIndex, Relisting, SellerLink,
};
pub use keyed::{DeploymentSecret, KeyedIdentifier, MIN_SECRET_BYTES, SecretError};
pub use photo::{MAX_PDQ_ONES, MIN_PDQ_ONES, PDQ_HEX_LEN, PdqHash, PdqHexError};
pub use stats::ValueStats;
pub use text::{
    LSH_BANDS, MAX_SHINGLES_PER_TEXT, MINHASH_PERMUTATIONS, MinHashSignature, SHINGLE_WORDS,
};

/// Errors of the index.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SellersError {
    /// A configuration value is out of range.
    #[error("invalid link configuration: {0}")]
    InvalidConfig(String),
    /// A photo index is full.
    #[error(transparent)]
    PhotoIndex(#[from] saring_hamming::IndexError),
}
