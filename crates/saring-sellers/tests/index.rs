//! Behaviour of the link index, the fingerprints it stores and the detector built on it.

use std::collections::BTreeMap;
use std::sync::Arc;

use saring_core::{Detector, Listing, Platform, Policy, Seller, Signal, SignalKind, Verdict};
use saring_sellers::{
    DeploymentSecret, EvidenceKind, LINK_SIGNAL_NAME, LinkConfig, LinkIndex, ListingSketch,
    PdqHash, RELISTING_SIGNAL_NAME, SellerFingerprint, SellerLinkDetector, SellerRef,
};

const BANNED_PHONE: &str = "0812-2233-4455";
const BANNED_EMAIL: &str = "Budi.Santoso77@gmail.com";
const BANNED_ACCOUNT: &str = "BCA 441-023-8876";
const BANNED_ADDRESS: &str = "Jl. Gedebage Selatan No. 17, Bandung 40294";
const BANNED_DEVICE: &str = "a3f9-1c2d-77e0-b845";
const BANNED_TEXT: &str = "Ready karungan campur dari Korea isi kemeja jaket dan celana. \
    Kualitas pilihan kepala semua tanpa sortir ulang dari gudang kami di Bandung.";

fn secret() -> DeploymentSecret {
    DeploymentSecret::new(b"index tests secret of at least 32 bytes".to_vec()).expect("long enough")
}

fn photo(seed: u64) -> PdqHash {
    // Words with about half their bits set, as PDQ gives.
    let word = |n: u64| (n.wrapping_mul(0x9e37_79b9_7f4a_7c15)) ^ 0x5555_5555_5555_5555;
    PdqHash([word(seed), word(seed + 1), word(seed + 2), word(seed + 3)])
}

fn listing(id: &str, seller: Seller, title: &str, description: &str) -> Listing {
    Listing {
        id: id.to_string(),
        platform: Platform::Shopee,
        url: None,
        title: title.to_string(),
        description: description.to_string(),
        price: None,
        category: None,
        seller: Some(seller),
        images: Vec::new(),
        created_at: None,
        signals: BTreeMap::new(),
    }
}

fn seller(id: &str) -> Seller {
    Seller {
        id: id.to_string(),
        name: None,
        phone: None,
        email: None,
        bank_account: None,
        address: None,
        device_id: None,
    }
}

fn banned_seller() -> Seller {
    Seller {
        phone: Some(BANNED_PHONE.into()),
        email: Some(BANNED_EMAIL.into()),
        bank_account: Some(BANNED_ACCOUNT.into()),
        address: Some(BANNED_ADDRESS.into()),
        device_id: Some(BANNED_DEVICE.into()),
        ..seller("banned")
    }
}

fn fingerprint(listing: &Listing, photos: &[PdqHash]) -> SellerFingerprint {
    SellerFingerprint::from_listing(listing, photos, &secret()).expect("listing has a seller")
}

fn reference(id: &str) -> SellerRef {
    SellerRef {
        platform: Platform::Shopee,
        seller_id: id.to_string(),
    }
}

/// An index with the banned seller and one ordinary seller.
fn index_with_banned() -> (LinkIndex, Listing) {
    let mut index = LinkIndex::new(LinkConfig::default()).expect("valid config");
    let banned = listing("b-1", banned_seller(), "Karung campur Korea", BANNED_TEXT);
    index
        .upsert(fingerprint(&banned, &[photo(1)]), true)
        .expect("room");
    let ordinary = listing(
        "o-1",
        seller("ordinary"),
        "Kemeja batik",
        "Kemeja batik tulis asli Solo.",
    );
    index
        .upsert(fingerprint(&ordinary, &[photo(50)]), false)
        .expect("room");
    (index, banned)
}

#[test]
fn fingerprint_json_holds_no_personal_data_and_round_trips() {
    let banned = listing(
        "b-1",
        banned_seller(),
        "Karung campur",
        "Order WA 0813 9988 7766 atau email budi.santoso77 [at] gmail [dot] com.",
    );
    let fingerprint = fingerprint(&banned, &[photo(1)]);
    let json = serde_json::to_string(&fingerprint).expect("serialises");
    for clear in [
        "81222334455",
        "81399887766",
        "budi",
        "santoso",
        "gmail",
        "4410238876",
        "gedebage",
        "Gedebage",
        "a3f91c2d",
        "karung",
        "Karung",
    ] {
        assert!(!json.contains(clear), "{clear} in {json}");
    }
    // Profile identifiers (5) and the number and e-mail in the description: the e-mail is
    // the profile's, written differently, so it is one identifier.
    assert_eq!(fingerprint.identifiers.len(), 6, "{json}");
    let back: SellerFingerprint = serde_json::from_str(&json).expect("deserialises");
    assert_eq!(back, fingerprint);
    let sketch = ListingSketch::from_listing(&banned, &[photo(1)], &secret());
    let sketch_json = serde_json::to_string(&sketch).expect("serialises");
    assert!(!sketch_json.contains("9988") && !sketch_json.contains("karung"));
}

#[test]
fn a_re_registration_links_with_evidence_and_an_ordinary_seller_does_not() {
    let (index, _) = index_with_banned();
    let re_registered = Seller {
        phone: Some("+62 812 2233 4455".into()),
        ..seller("new-shop")
    };
    let listing = listing("n-1", re_registered, "Kemeja flanel", "Kemeja flanel baru.");
    let links = index.links_for(&fingerprint(&listing, &[]));
    assert_eq!(links.len(), 1);
    assert_eq!(links[0].target, reference("banned"));
    assert_eq!(links[0].evidence.len(), 1);
    assert_eq!(links[0].evidence[0].kind, EvidenceKind::Identifier);
    assert!(
        links[0].evidence[0]
            .detail
            .starts_with("same phone (keyed hash "),
        "{:?}",
        links[0].evidence
    );

    let (ordinary, _) = index.get(&reference("ordinary")).expect("indexed");
    assert!(index.links_for(ordinary).is_empty());
    let (banned, sanctioned) = index.get(&reference("banned")).expect("indexed");
    assert!(sanctioned);
    assert!(index.links_for(banned).is_empty(), "never linked to itself");
}

#[test]
fn photos_and_texts_link_with_distance_and_similarity() {
    let (index, _) = index_with_banned();
    let mut copy = photo(1);
    copy.0[0] ^= 0b111;
    let rewritten = BANNED_TEXT.replace("celana", "rok");
    let listing = listing(
        "n-2",
        seller("photo-text"),
        "Karung campur Korea",
        &rewritten,
    );
    let links = index.links_for(&fingerprint(&listing, &[copy]));
    assert_eq!(links.len(), 1);
    let details: Vec<(EvidenceKind, &str)> = links[0]
        .evidence
        .iter()
        .map(|e| (e.kind, e.detail.as_str()))
        .collect();
    assert_eq!(
        details[0],
        (
            EvidenceKind::Photo,
            "photo within distance 3 of a photo of the sanctioned seller"
        )
    );
    // 19 shingles each ("celana" ends a sentence: one shingle changed): 18 of 20.
    assert_eq!(
        details[1],
        (
            EvidenceKind::Text,
            "description of listing n-2 0.90 similar to listing b-1 (18 distinctive phrases shared)"
        )
    );
}

#[test]
fn a_value_shared_by_more_than_k_sellers_stops_linking() {
    let (mut index, _) = index_with_banned();
    let sharing = |id: &str| {
        let holder = Seller {
            phone: Some(BANNED_PHONE.into()),
            ..seller(id)
        };
        fingerprint(
            &listing(&format!("{id}-1"), holder, "Sepatu", "Sepatu lari."),
            &[],
        )
    };
    // The banned seller and two more hold the number: three, not more than K = 3.
    index.upsert(sharing("second"), false).expect("room");
    assert_eq!(index.links_for(&sharing("second")).len(), 1);
    assert_eq!(
        index.links_for(&sharing("third")).len(),
        1,
        "third holder, not yet indexed"
    );
    index.upsert(sharing("third"), false).expect("room");
    // A fourth holder makes the number generic, for everyone.
    assert!(index.links_for(&sharing("fourth")).is_empty());
    index.upsert(sharing("fourth"), false).expect("room");
    assert!(index.links_for(&sharing("second")).is_empty());
}

#[test]
fn updates_and_sanctions_are_incremental() {
    let (mut index, banned) = index_with_banned();
    let phone_key = fingerprint(&banned, &[]).identifiers[0].identifier.clone();
    let holder = |phone: &str| {
        let seller = Seller {
            phone: Some(phone.into()),
            ..seller("changing")
        };
        fingerprint(&listing("c-1", seller, "Topi", "Topi rajut."), &[])
    };
    index.upsert(holder(BANNED_PHONE), false).expect("room");
    let counts = |index: &LinkIndex| index.stats().identifier_sellers(&phone_key);
    assert_eq!(counts(&index), 2);
    assert_eq!(index.links_for(&holder(BANNED_PHONE)).len(), 1);

    index.upsert(holder("0857 1122 9080"), false).expect("room");
    assert_eq!(counts(&index), 1, "the old number is uncounted");
    assert_eq!(index.len(), 3);

    assert!(
        index
            .set_sanctioned(&reference("banned"), false)
            .expect("room")
    );
    assert!(
        index.links_for(&holder(BANNED_PHONE)).is_empty(),
        "no longer sanctioned"
    );
    assert!(
        index
            .set_sanctioned(&reference("banned"), true)
            .expect("room")
    );
    assert_eq!(index.links_for(&holder(BANNED_PHONE)).len(), 1);
    assert!(
        !index
            .set_sanctioned(&reference("unknown"), true)
            .expect("room")
    );
}

#[test]
fn clusters_join_sellers_through_links() {
    let (mut index, _) = index_with_banned();
    let by_phone = Seller {
        phone: Some("62812.2233.4455".into()),
        ..seller("r-phone")
    };
    let by_device = Seller {
        device_id: Some("A3F91C2D77E0B845".into()),
        ..seller("r-device")
    };
    for (id, seller) in [("r-1", by_phone), ("r-2", by_device)] {
        let listing = listing(id, seller, "Jaket", &format!("Jaket bomber {id}."));
        index
            .upsert(fingerprint(&listing, &[]), false)
            .expect("room");
    }
    let clusters = index.clusters();
    assert_eq!(clusters.len(), 1);
    let cluster = &clusters[0];
    assert_eq!(
        cluster.members,
        [
            reference("banned"),
            reference("r-device"),
            reference("r-phone")
        ]
    );
    assert_eq!(cluster.sanctioned, [reference("banned")]);
    assert_eq!(cluster.links.len(), 2);
    assert!(
        cluster
            .links
            .iter()
            .all(|l| l.link.target == reference("banned"))
    );
    assert_eq!(
        index.cluster_of(&reference("r-phone")).as_ref(),
        Some(cluster)
    );
    assert_eq!(index.cluster_of(&reference("ordinary")), None);
}

#[test]
fn relistings_of_taken_down_listings_are_found() {
    let (mut index, banned) = index_with_banned();
    index
        .take_down(ListingSketch::from_listing(&banned, &[photo(1)], &secret()))
        .expect("room");
    let again = listing(
        "b-2",
        seller("someone"),
        "Karung campur Korea!!",
        BANNED_TEXT,
    );
    let relistings = index.relistings_for(&ListingSketch::from_listing(&again, &[], &secret()));
    assert_eq!(relistings.len(), 1);
    assert_eq!(relistings[0].taken_down.listing_id, "b-1");
    assert_eq!(relistings[0].evidence[0].kind, EvidenceKind::Text);
    let itself = ListingSketch::from_listing(&banned, &[photo(1)], &secret());
    assert!(
        index.relistings_for(&itself).is_empty(),
        "a listing is no re-listing of itself"
    );
}

fn signals_of(detector: &SellerLinkDetector, listing: &Listing) -> Vec<Signal> {
    let mut signals = Vec::new();
    detector.detect(listing, &mut signals);
    signals
}

#[test]
fn the_detector_sends_linked_listings_to_review_not_block() {
    let (mut index, banned) = index_with_banned();
    index
        .take_down(ListingSketch::from_listing(&banned, &[photo(1)], &secret()))
        .expect("room");
    let detector = SellerLinkDetector::new(Arc::new(index), secret()).with_photo_hashes(
        |listing: &Listing| {
            if listing.id == "n-3" {
                vec![photo(1)]
            } else {
                Vec::new()
            }
        },
    );

    let evader = Seller {
        phone: Some("-".into()),
        ..seller("evader")
    };
    let listing = listing(
        "n-3",
        evader,
        "Kemeja flanel",
        "Minat? WA +62 812-2233-4455.",
    );
    let signals = signals_of(&detector, &listing);
    let kinds: Vec<(SignalKind, &str)> =
        signals.iter().map(|s| (s.kind, s.name.as_str())).collect();
    assert_eq!(
        kinds,
        [
            (SignalKind::SellerLink, LINK_SIGNAL_NAME),
            (SignalKind::Relisting, RELISTING_SIGNAL_NAME)
        ]
    );
    assert!(
        signals[0]
            .detail
            .starts_with("linked to banned seller shopee/banned: same phone (keyed hash "),
        "{}",
        signals[0].detail
    );
    assert!(
        signals[0]
            .detail
            .contains("written in a listing; photo within distance 0")
    );
    assert!(
        signals[1]
            .detail
            .starts_with("near-duplicate of listing shopee/b-1 taken down: photo")
    );

    let policy_text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../config/policy.toml"
    ))
    .expect("the workspace policy");
    let policy = Policy::from_toml(&policy_text).expect("valid policy");
    let decision = policy.decide(&listing, signals.clone(), "test");
    assert_eq!(decision.decision, Verdict::Review);
    // Even beside strong text evidence, the link does not count towards a block: it stays
    // below the policy's family agreement, so only one family agrees.
    let mut with_text = signals;
    with_text.push(Signal {
        kind: SignalKind::Classifier,
        name: "text-classifier".into(),
        category: None,
        score: 0.85,
        detail: "text classifier".into(),
        spans: Vec::new(),
    });
    let decision = policy.decide(&listing, with_text, "test");
    assert!(decision.score >= 0.9, "{}", decision.score);
    assert_eq!(decision.decision, Verdict::Review);

    let ordinary = listing_of_ordinary();
    assert!(signals_of(&detector, &ordinary).is_empty());
}

fn listing_of_ordinary() -> Listing {
    listing(
        "o-2",
        seller("ordinary"),
        "Kemeja batik",
        "Kemeja batik cap.",
    )
}

#[test]
fn copy_pasted_listings_keep_one_sketch_and_leave_the_sellers_other_texts() {
    let first = listing("own-words", seller("toko-a"), "Kemeja flanel", BANNED_TEXT);
    let mut merged = fingerprint(&first, &[]);
    let copies = saring_sellers::MAX_TEXTS_PER_SELLER + 8;
    for n in 0..copies {
        let copy = listing(
            &format!("copy-{n}"),
            seller("toko-a"),
            "Kaos polos cotton combed 30s",
            "Ready stok banyak warna, kirim hari ini juga dari Bandung.",
        );
        merged.merge(fingerprint(&copy, &[])).expect("same seller");
    }
    let kept: Vec<&str> = merged
        .texts
        .iter()
        .map(|text| text.listing_id.as_str())
        .collect();
    let newest = format!("copy-{}", copies - 1);
    assert_eq!(kept, ["own-words", newest.as_str()]);

    // An edited listing's new text replaces its old sketch.
    let edited = listing(
        "own-words",
        seller("toko-a"),
        "Celana chino",
        "Bahan stretch adem.",
    );
    merged
        .merge(fingerprint(&edited, &[]))
        .expect("same seller");
    assert_eq!(merged.texts.len(), 2);
    let own = merged
        .texts
        .iter()
        .find(|text| text.listing_id == "own-words")
        .expect("the edited listing's sketch");
    assert_eq!(own.shingles, fingerprint(&edited, &[]).texts[0].shingles);
}
