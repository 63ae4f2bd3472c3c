//! The link index: fingerprints of all known sellers, the sanctioned ones among them, the
//! listings taken down, and the commonness statistics over everything.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use crate::SellersError;
use crate::fingerprint::{
    IdentifierOrigin, ListingRef, ListingSketch, SellerFingerprint, SellerRef,
};
use crate::keyed::KeyedIdentifier;
use crate::neardup::{NearDuplicateIndex, NearDuplicateRule, PhotoMatch, TextMatch};
use crate::photo::PdqHash;
use crate::stats::{ValueStats, seller_shingles};

/// What makes two sellers linked, and what makes a value too common to link.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LinkConfig {
    /// A value (identifier, photo, text shingle) held by more distinct sellers than this is
    /// generic and never links.
    pub max_sharing_sellers: u32,
    /// Photos within this Hamming distance are the same photo (PDQ's usual 31).
    pub photo_max_distance: u32,
    /// Least Jaccard similarity of the distinctive shingles of two texts.
    pub text_min_jaccard: f64,
    /// Least number of distinctive shingles two texts must share.
    pub text_min_shared_shingles: usize,
}

impl Default for LinkConfig {
    fn default() -> Self {
        Self {
            max_sharing_sellers: 3,
            photo_max_distance: 31,
            text_min_jaccard: 0.5,
            text_min_shared_shingles: 5,
        }
    }
}

impl LinkConfig {
    fn validate(&self) -> Result<(), SellersError> {
        let invalid = |message: &str| Err(SellersError::InvalidConfig(message.to_string()));
        if self.max_sharing_sellers < 2 {
            return invalid("max_sharing_sellers must be at least 2 (a link is shared by two)");
        }
        if self.photo_max_distance >= saring_hamming::HASH_BITS / 2 {
            return invalid("photo_max_distance must be below 128 bits");
        }
        if !(self.text_min_jaccard > 0.0 && self.text_min_jaccard <= 1.0) {
            return invalid("text_min_jaccard must be in (0, 1]");
        }
        if self.text_min_shared_shingles == 0 {
            return invalid("text_min_shared_shingles must be at least 1");
        }
        Ok(())
    }

    fn rule(&self) -> NearDuplicateRule {
        NearDuplicateRule {
            photo_max_distance: self.photo_max_distance,
            text_min_jaccard: self.text_min_jaccard,
            text_min_shared_shingles: self.text_min_shared_shingles,
        }
    }
}

/// The kind of evidence behind a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    /// A shared phone, e-mail, bank account, address or device id.
    Identifier,
    /// A photo within the PDQ distance threshold.
    Photo,
    /// A near-duplicate title and description.
    Text,
}

/// One piece of evidence, with a sentence a reviewer can check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinkEvidence {
    /// Identifier, photo or text.
    pub kind: EvidenceKind,
    /// E.g. "same phone (keyed hash ab12cd34…)", "photo within distance 12".
    pub detail: String,
}

/// A link from a seller to a sanctioned seller.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SellerLink {
    /// The sanctioned seller.
    pub target: SellerRef,
    /// Why: identifiers first, then photos, then texts.
    pub evidence: Vec<LinkEvidence>,
}

/// A listing that is a near-duplicate of one taken down.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Relisting {
    /// The listing taken down.
    pub taken_down: ListingRef,
    /// Photos first, then text.
    pub evidence: Vec<LinkEvidence>,
}

/// A link inside a cluster.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClusterLink {
    /// The linked seller.
    pub from: SellerRef,
    /// The sanctioned seller it is linked to, and why.
    pub link: SellerLink,
}

/// Sellers joined by links (transitively), with at least one sanctioned seller.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cluster {
    /// Every member, sorted.
    pub members: Vec<SellerRef>,
    /// The sanctioned members, sorted.
    pub sanctioned: Vec<SellerRef>,
    /// The links that join them.
    pub links: Vec<ClusterLink>,
}

#[derive(Debug, Clone)]
struct SellerEntry {
    fingerprint: SellerFingerprint,
    sanctioned: bool,
}

/// Fingerprints of all known sellers with the sanctioned ones flagged, the listings taken
/// down, and the commonness statistics. Links go only to sanctioned sellers.
#[derive(Debug, Clone)]
pub struct LinkIndex {
    config: LinkConfig,
    stats: ValueStats,
    slots: HashMap<SellerRef, usize>,
    sellers: Vec<SellerEntry>,
    sanctioned_identifiers: HashMap<KeyedIdentifier, Vec<usize>>,
    sanctioned: NearDuplicateIndex,
    taken_down: Vec<ListingSketch>,
    taken_down_index: NearDuplicateIndex,
}

impl LinkIndex {
    /// An empty index.
    pub fn new(config: LinkConfig) -> Result<Self, SellersError> {
        config.validate()?;
        Ok(Self {
            config,
            stats: ValueStats::new(config.photo_max_distance),
            slots: HashMap::new(),
            sellers: Vec::new(),
            sanctioned_identifiers: HashMap::new(),
            sanctioned: NearDuplicateIndex::default(),
            taken_down: Vec::new(),
            taken_down_index: NearDuplicateIndex::default(),
        })
    }

    /// The configuration.
    pub fn config(&self) -> &LinkConfig {
        &self.config
    }

    /// The commonness statistics over all sellers in the index.
    pub fn stats(&self) -> &ValueStats {
        &self.stats
    }

    /// Number of sellers.
    pub fn len(&self) -> usize {
        self.sellers.len()
    }

    /// Whether the index holds no seller.
    pub fn is_empty(&self) -> bool {
        self.sellers.is_empty()
    }

    /// A seller's fingerprint and whether it is sanctioned.
    pub fn get(&self, seller: &SellerRef) -> Option<(&SellerFingerprint, bool)> {
        let entry = &self.sellers[*self.slots.get(seller)?];
        Some((&entry.fingerprint, entry.sanctioned))
    }

    /// Adds a seller or replaces its fingerprint and sanction flag, updating the statistics
    /// (old values uncounted, new ones counted).
    pub fn upsert(
        &mut self,
        fingerprint: SellerFingerprint,
        sanctioned: bool,
    ) -> Result<(), SellersError> {
        // Uncount the old values before counting the new ones: photo entries are removed
        // by (hash, seller), so the reverse order would drop photos kept in both.
        if let Some(&slot) = self.slots.get(&fingerprint.seller) {
            self.withdraw_sanction(slot);
            self.stats.remove(&self.sellers[slot].fingerprint);
        }
        self.stats.add(&fingerprint)?;
        let slot = match self.slots.get(&fingerprint.seller) {
            Some(&slot) => {
                self.sellers[slot] = SellerEntry {
                    fingerprint,
                    sanctioned,
                };
                slot
            }
            None => {
                let slot = self.sellers.len();
                self.slots.insert(fingerprint.seller.clone(), slot);
                self.sellers.push(SellerEntry {
                    fingerprint,
                    sanctioned,
                });
                slot
            }
        };
        if sanctioned {
            self.file_sanction(slot)?;
        }
        Ok(())
    }

    /// Flags or unflags a known seller as sanctioned; `false` if the seller is unknown.
    pub fn set_sanctioned(
        &mut self,
        seller: &SellerRef,
        sanctioned: bool,
    ) -> Result<bool, SellersError> {
        let Some(&slot) = self.slots.get(seller) else {
            return Ok(false);
        };
        if self.sellers[slot].sanctioned != sanctioned {
            self.withdraw_sanction(slot);
            self.sellers[slot].sanctioned = sanctioned;
            if sanctioned {
                self.file_sanction(slot)?;
            }
        }
        Ok(true)
    }

    /// Records a listing taken down, for re-listing detection.
    pub fn take_down(&mut self, sketch: ListingSketch) -> Result<(), SellersError> {
        let slot = self.taken_down.len();
        let k = self.config.max_sharing_sellers;
        let stats = &self.stats;
        let distinctive = |shingle| stats.shingle_sellers(shingle) <= k;
        self.taken_down_index.insert(
            slot,
            [(
                sketch.listing.listing_id.as_str(),
                sketch.shingles.as_slice(),
            )],
            &sketch.photos,
            &distinctive,
        )?;
        self.taken_down.push(sketch);
        Ok(())
    }

    /// Re-files the texts of sanctioned sellers and taken-down listings under their
    /// currently distinctive shingles. Texts are filed with the statistics of the moment
    /// they are added; call this after a bulk load or a scan changed the statistics.
    pub fn refresh(&mut self) {
        let k = self.config.max_sharing_sellers;
        let stats = &self.stats;
        let distinctive = |shingle| stats.shingle_sellers(shingle) <= k;
        self.sanctioned.refile_texts(&distinctive);
        self.taken_down_index.refile_texts(&distinctive);
    }

    fn file_sanction(&mut self, slot: usize) -> Result<(), SellersError> {
        let fingerprint = &self.sellers[slot].fingerprint;
        for identifier in fingerprint.distinct_identifiers() {
            self.sanctioned_identifiers
                .entry(identifier.clone())
                .or_default()
                .push(slot);
        }
        let k = self.config.max_sharing_sellers;
        let stats = &self.stats;
        let distinctive = |shingle| stats.shingle_sellers(shingle) <= k;
        let texts = fingerprint
            .texts
            .iter()
            .map(|text| (text.listing_id.as_str(), text.shingles.as_slice()));
        self.sanctioned
            .insert(slot, texts, &fingerprint.photos, &distinctive)
    }

    fn withdraw_sanction(&mut self, slot: usize) {
        if !self.sellers[slot].sanctioned {
            return;
        }
        for identifier in self.sellers[slot].fingerprint.distinct_identifiers() {
            if let Some(holders) = self.sanctioned_identifiers.get_mut(identifier) {
                holders.retain(|holder| *holder != slot);
                if holders.is_empty() {
                    self.sanctioned_identifiers.remove(identifier);
                }
            }
        }
        self.sanctioned.remove(slot);
    }

    /// Links from the seller of `fingerprint` to sanctioned sellers (never to itself),
    /// sorted by target. The fingerprint need not be in the index; if it is not, it is
    /// counted as one more holder of its values.
    pub fn links_for(&self, fingerprint: &SellerFingerprint) -> Vec<SellerLink> {
        let query_slot = self.slots.get(&fingerprint.seller).copied();
        let commonness = self.commonness(Some(&fingerprint.seller), seller_shingles(fingerprint));
        let mut found: BTreeMap<usize, Vec<LinkEvidence>> = BTreeMap::new();

        for held in &fingerprint.identifiers {
            let Some(holders) = self.sanctioned_identifiers.get(&held.identifier) else {
                continue;
            };
            if commonness.identifier_is_generic(&held.identifier) {
                continue;
            }
            for &slot in holders.iter().filter(|slot| Some(**slot) != query_slot) {
                let their_origin = self.sellers[slot]
                    .fingerprint
                    .identifiers
                    .iter()
                    .find(|theirs| theirs.identifier == held.identifier)
                    .map_or(IdentifierOrigin::Profile, |theirs| theirs.origin);
                found.entry(slot).or_default().push(identifier_evidence(
                    &held.identifier,
                    held.origin,
                    their_origin,
                ));
            }
        }

        let rule = self.config.rule();
        let photo_matches = fingerprint
            .photos
            .iter()
            .filter(|photo| !commonness.photo_is_generic(photo))
            .flat_map(|photo| self.sanctioned.photos_near(photo, &rule));
        for (slot, evidence) in photo_evidence(photo_matches, "a photo of the sanctioned seller") {
            if Some(slot) != query_slot {
                found.entry(slot).or_default().push(evidence);
            }
        }

        let distinctive = |shingle| commonness.shingle_is_distinctive(shingle);
        let text_matches = fingerprint.texts.iter().flat_map(|text| {
            self.sanctioned
                .texts_near(&text.listing_id, &text.shingles, &rule, &distinctive)
        });
        for (slot, evidence) in text_evidence(text_matches) {
            if Some(slot) != query_slot {
                found.entry(slot).or_default().push(evidence);
            }
        }

        let mut links: Vec<SellerLink> = found
            .into_iter()
            .map(|(slot, evidence)| SellerLink {
                target: self.sellers[slot].fingerprint.seller.clone(),
                evidence,
            })
            .collect();
        links.sort_by(|a, b| a.target.cmp(&b.target));
        links
    }

    /// Listings taken down of which `sketch` is a near-duplicate (a photo within the
    /// distance threshold, or a near-duplicate text), excluding the listing itself.
    pub fn relistings_for(&self, sketch: &ListingSketch) -> Vec<Relisting> {
        let query_shingles: BTreeSet<u64> = sketch.shingles.iter().copied().collect();
        let commonness = self.commonness(sketch.seller.as_ref(), query_shingles);
        let rule = self.config.rule();
        let mut found: BTreeMap<usize, Vec<LinkEvidence>> = BTreeMap::new();

        let photo_matches = sketch
            .photos
            .iter()
            .filter(|photo| !commonness.photo_is_generic(photo))
            .flat_map(|photo| self.taken_down_index.photos_near(photo, &rule));
        for (slot, evidence) in photo_evidence(photo_matches, "a photo of the listing taken down") {
            found.entry(slot).or_default().push(evidence);
        }
        let distinctive = |shingle| commonness.shingle_is_distinctive(shingle);
        let text_matches = self.taken_down_index.texts_near(
            &sketch.listing.listing_id,
            &sketch.shingles,
            &rule,
            &distinctive,
        );
        for (slot, evidence) in text_evidence(text_matches) {
            found.entry(slot).or_default().push(evidence);
        }

        found
            .into_iter()
            .filter(|(slot, _)| self.taken_down[*slot].listing != sketch.listing)
            .map(|(slot, evidence)| Relisting {
                taken_down: self.taken_down[slot].listing.clone(),
                evidence,
            })
            .collect()
    }

    /// Every cluster: sellers joined by links (union-find over [`links_for`](Self::links_for)
    /// of every seller in the index), with at least two members.
    pub fn clusters(&self) -> Vec<Cluster> {
        let mut parents: Vec<usize> = (0..self.sellers.len()).collect();
        let mut links_by_root: Vec<(usize, ClusterLink)> = Vec::new();
        for (slot, entry) in self.sellers.iter().enumerate() {
            for link in self.links_for(&entry.fingerprint) {
                if let Some(&target) = self.slots.get(&link.target) {
                    union(&mut parents, slot, target);
                }
                links_by_root.push((
                    slot,
                    ClusterLink {
                        from: entry.fingerprint.seller.clone(),
                        link,
                    },
                ));
            }
        }
        let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for slot in 0..self.sellers.len() {
            members
                .entry(find(&mut parents, slot))
                .or_default()
                .push(slot);
        }
        let mut links: BTreeMap<usize, Vec<ClusterLink>> = BTreeMap::new();
        for (slot, link) in links_by_root {
            links
                .entry(find(&mut parents, slot))
                .or_default()
                .push(link);
        }
        let mut clusters: Vec<Cluster> = members
            .into_iter()
            .filter(|(_, slots)| slots.len() > 1)
            .map(|(root, slots)| {
                let refs = |sanctioned_only: bool| {
                    let mut refs: Vec<SellerRef> = slots
                        .iter()
                        .map(|slot| &self.sellers[*slot])
                        .filter(|entry| entry.sanctioned || !sanctioned_only)
                        .map(|entry| entry.fingerprint.seller.clone())
                        .collect();
                    refs.sort();
                    refs
                };
                Cluster {
                    members: refs(false),
                    sanctioned: refs(true),
                    links: links.remove(&root).unwrap_or_default(),
                }
            })
            .collect();
        clusters.sort_by(|a, b| a.members.cmp(&b.members));
        clusters
    }

    /// The cluster a seller belongs to, if any.
    pub fn cluster_of(&self, seller: &SellerRef) -> Option<Cluster> {
        self.clusters()
            .into_iter()
            .find(|cluster| cluster.members.contains(seller))
    }

    /// Commonness as seen by a query from `seller` holding `query_shingles`: values the
    /// query holds count the query's seller once, whether or not the index counted it.
    fn commonness(
        &self,
        seller: Option<&SellerRef>,
        query_shingles: BTreeSet<u64>,
    ) -> Commonness<'_> {
        let stored = seller
            .and_then(|seller| self.get(seller))
            .map(|(fingerprint, _)| fingerprint);
        Commonness {
            stats: &self.stats,
            max_sharing: self.config.max_sharing_sellers,
            counted_identifiers: stored
                .map(|fingerprint| fingerprint.distinct_identifiers().into_iter().collect())
                .unwrap_or_default(),
            counted_shingles: stored.map(seller_shingles).unwrap_or_default(),
            query_shingles,
            // Sellers without a reference (listings without seller) get a key no seller has.
            asking_key: seller.map_or(u64::MAX, SellerRef::key),
        }
    }
}

/// Commonness of values from the point of view of one query.
struct Commonness<'a> {
    stats: &'a ValueStats,
    max_sharing: u32,
    counted_identifiers: BTreeSet<&'a KeyedIdentifier>,
    counted_shingles: BTreeSet<u64>,
    query_shingles: BTreeSet<u64>,
    asking_key: u64,
}

impl Commonness<'_> {
    fn identifier_is_generic(&self, identifier: &KeyedIdentifier) -> bool {
        let uncounted = u32::from(!self.counted_identifiers.contains(identifier));
        self.stats.identifier_sellers(identifier) + uncounted > self.max_sharing
    }

    fn photo_is_generic(&self, photo: &PdqHash) -> bool {
        self.stats.photo_sellers_with(photo, self.asking_key) > self.max_sharing
    }

    /// Applied to the shingles of both texts compared, so both see the same counts.
    fn shingle_is_distinctive(&self, shingle: u64) -> bool {
        let uncounted = u32::from(
            self.query_shingles.contains(&shingle) && !self.counted_shingles.contains(&shingle),
        );
        self.stats.shingle_sellers(shingle) + uncounted <= self.max_sharing
    }
}

/// "same phone (keyed hash ab12cd34…)", saying so when either side wrote it in a listing.
fn identifier_evidence(
    identifier: &KeyedIdentifier,
    ours: IdentifierOrigin,
    theirs: IdentifierOrigin,
) -> LinkEvidence {
    let in_text = [ours, theirs].contains(&IdentifierOrigin::ListingText);
    LinkEvidence {
        kind: EvidenceKind::Identifier,
        detail: format!(
            "same {} (keyed hash {}){}",
            identifier.kind.label(),
            identifier.short(),
            if in_text {
                ", written in a listing"
            } else {
                ""
            }
        ),
    }
}

/// One piece of photo evidence per owner: its closest photo and how many photos matched.
fn photo_evidence(
    matches: impl Iterator<Item = PhotoMatch>,
    whose: &str,
) -> Vec<(usize, LinkEvidence)> {
    let mut by_owner: BTreeMap<usize, (u32, usize)> = BTreeMap::new();
    for found in matches {
        let entry = by_owner.entry(found.owner).or_insert((found.distance, 0));
        entry.0 = entry.0.min(found.distance);
        entry.1 += 1;
    }
    by_owner
        .into_iter()
        .map(|(owner, (distance, count))| {
            let photos = if count == 1 {
                "photo".to_string()
            } else {
                format!("{count} photos")
            };
            let detail = format!("{photos} within distance {distance} of {whose}");
            let evidence = LinkEvidence {
                kind: EvidenceKind::Photo,
                detail,
            };
            (owner, evidence)
        })
        .collect()
}

/// One piece of text evidence per owner: its most similar text.
fn text_evidence(matches: impl IntoIterator<Item = TextMatch>) -> Vec<(usize, LinkEvidence)> {
    let mut best: BTreeMap<usize, TextMatch> = BTreeMap::new();
    for found in matches {
        let better = best
            .get(&found.owner)
            .is_none_or(|kept| found.similarity > kept.similarity);
        if better {
            best.insert(found.owner, found);
        }
    }
    best.into_iter()
        .map(|(owner, found)| {
            let detail = format!(
                "description of listing {} {:.2} similar to listing {} ({} distinctive phrases shared)",
                found.query_listing, found.similarity, found.owner_listing, found.shared_shingles
            );
            let evidence = LinkEvidence {
                kind: EvidenceKind::Text,
                detail,
            };
            (owner, evidence)
        })
        .collect()
}

fn find(parents: &mut [usize], mut slot: usize) -> usize {
    while parents[slot] != slot {
        parents[slot] = parents[parents[slot]];
        slot = parents[slot];
    }
    slot
}

fn union(parents: &mut [usize], left: usize, right: usize) {
    let (left, right) = (find(parents, left), find(parents, right));
    if left != right {
        parents[left.max(right)] = left.min(right);
    }
}
