//! Property tests of the normalisers and of link symmetry.

use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;
use saring_core::{Listing, Platform, Seller};
use saring_sellers::{
    DeploymentSecret, EvidenceKind, IdentifierKind, LinkConfig, LinkIndex, NormalisedIdentifier,
    SellerFingerprint, SellerRef, normalise_address, normalise_bank_account, normalise_device_id,
    normalise_email, normalise_phone,
};

/// An Indonesian mobile number without trunk zero (8 and 9 to 11 more digits) that the
/// normaliser accepts as a real number.
fn mobile_number() -> impl Strategy<Value = String> {
    "8[1-9][0-9]{8,10}".prop_filter("not a placeholder", |national| {
        normalise_phone(&format!("0{national}")).is_some()
    })
}

/// `national` written with one of the usual prefixes and separators between digits.
fn written_phone(national: &str, prefix: usize, separators: &[usize]) -> String {
    const PREFIXES: [&str; 7] = ["0", "+62", "62", "+62 ", "0062 ", "+62 (0)", "+62-"];
    const SEPARATORS: [&str; 5] = ["", "", " ", "-", "."];
    let mut written = PREFIXES[prefix % PREFIXES.len()].to_string();
    for (position, digit) in national.chars().enumerate() {
        if position > 0 {
            written
                .push_str(SEPARATORS[separators[position % separators.len()] % SEPARATORS.len()]);
        }
        written.push(digit);
    }
    written
}

proptest! {
    #[test]
    fn phone_formats_meet_in_one_form(
        national in mobile_number(),
        prefixes in (0usize..7, 0usize..7),
        separators in prop::collection::vec(0usize..5, 1..12),
        other_separators in prop::collection::vec(0usize..5, 1..12),
    ) {
        let one = normalise_phone(&written_phone(&national, prefixes.0, &separators));
        let other = normalise_phone(&written_phone(&national, prefixes.1, &other_separators));
        prop_assert_eq!(one.clone(), Some(format!("+62{national}")));
        prop_assert_eq!(one, other);
    }

    #[test]
    fn a_number_two_digits_away_is_another_number(
        national in mobile_number(),
        positions in (2usize..20, 2usize..20),
        shifts in (1u8..10, 1u8..10),
    ) {
        let mut digits: Vec<u8> = national.bytes().collect();
        let first = 2 + positions.0 % (digits.len() - 2);
        let mut second = 2 + positions.1 % (digits.len() - 2);
        if second == first {
            second = if first + 1 < digits.len() { first + 1 } else { 2 };
        }
        for (position, shift) in [(first, shifts.0), (second, shifts.1)] {
            digits[position] = b'0' + (digits[position] - b'0' + shift) % 10;
        }
        let near = String::from_utf8(digits).expect("ASCII digits");
        let original = normalise_phone(&format!("0{national}"));
        prop_assert!(original.is_some());
        prop_assert_ne!(normalise_phone(&format!("0{near}")), original);
    }

    #[test]
    fn email_variants_meet_in_one_form(
        local in "[a-z][a-z0-9]{2,10}",
        dots in prop::collection::vec(any::<bool>(), 12),
        tag in proptest::option::of("[a-z]{1,6}"),
        upper in any::<bool>(),
        googlemail in any::<bool>(),
    ) {
        let canonical = normalise_email(&format!("{local}@gmail.com"));
        prop_assume!(canonical.is_some());
        let dotted: String = local
            .chars()
            .enumerate()
            .map(|(i, c)| if i > 0 && dots[i % dots.len()] { format!(".{c}") } else { c.to_string() })
            .collect();
        let tagged = tag.map_or(dotted.clone(), |tag| format!("{dotted}+{tag}"));
        let domain = if googlemail { "googlemail.com" } else { "gmail.com" };
        let written = format!(" {tagged}@{domain} ");
        let written = if upper { written.to_uppercase() } else { written };
        prop_assert_eq!(normalise_email(&written), canonical);
    }

    #[test]
    fn normalisers_are_idempotent(raw in "\\PC{0,40}", digits in "[0-9 .()+-]{6,24}") {
        let normalisers: [fn(&str) -> Option<String>; 5] = [
            normalise_phone,
            normalise_email,
            normalise_bank_account,
            normalise_address,
            normalise_device_id,
        ];
        for input in [&raw, &digits] {
            for normalise in normalisers {
                if let Some(once) = normalise(input) {
                    prop_assert_eq!(normalise(&once), Some(once.clone()), "input {:?}", input);
                }
            }
        }
    }

    #[test]
    fn structured_values_normalise_idempotently(
        account in "[1-9][0-9]{9,13}",
        bank in prop::sample::select(vec!["BCA", "bank rakyat indonesia", "Mandiri", "DANA", ""]),
        street in "[A-Z][a-z]{3,8}( [A-Z][a-z]{3,8})?",
        number in 1u32..500,
        device in "[0-9a-f]{16}",
    ) {
        let cases = [
            (normalise_bank_account as fn(&str) -> Option<String>, format!("{bank} {account}")),
            (normalise_address, format!("Jl. {street} No. {number}, Bandung 40123")),
            (normalise_device_id, device.to_uppercase()),
        ];
        for (normalise, input) in cases {
            if let Some(once) = normalise(&input) {
                prop_assert_eq!(normalise(&once), Some(once.clone()));
            }
        }
    }
}

fn secret() -> DeploymentSecret {
    DeploymentSecret::new(b"property tests secret, 32 bytes long.".to_vec()).expect("long enough")
}

/// Identifier values two sellers draw from, so that they share some.
const PHONES: [&str; 3] = ["0812-2233-4455", "0857 9911 2030", "0813.6677.1290"];
const EMAILS: [&str; 3] = [
    "rina.wati@gmail.com",
    "toko.abc@yahoo.co.id",
    "dedi82@gmail.com",
];
const ACCOUNTS: [&str; 3] = [
    "BCA 4410238876",
    "BRI 0023-01-998877-50-1",
    "Mandiri 1310099887766",
];

fn seller_listing(id: &str, choice: &[usize; 4]) -> Listing {
    let seller = Seller {
        id: id.to_string(),
        name: None,
        phone: Some(PHONES[choice[0] % 3].to_string()),
        email: Some(EMAILS[choice[1] % 3].to_string()),
        bank_account: Some(ACCOUNTS[choice[2] % 3].to_string()),
        address: None,
        device_id: None,
    };
    Listing {
        id: format!("{id}-1"),
        platform: Platform::Tokopedia,
        url: None,
        title: "Kemeja".to_string(),
        description: format!("Hubungi WA {}", PHONES[choice[3] % 3]),
        price: None,
        category: None,
        seller: Some(seller),
        images: Vec::new(),
        created_at: None,
        signals: BTreeMap::new(),
    }
}

fn identifier_evidence(
    index: &LinkIndex,
    from: &SellerFingerprint,
    to: &SellerRef,
) -> BTreeSet<String> {
    index
        .links_for(from)
        .into_iter()
        .filter(|link| &link.target == to)
        .flat_map(|link| link.evidence)
        .filter(|evidence| evidence.kind == EvidenceKind::Identifier)
        .map(|evidence| evidence.detail)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn identifier_evidence_is_symmetric(a in prop::array::uniform4(0usize..3), b in prop::array::uniform4(0usize..3)) {
        let secret = secret();
        let first = SellerFingerprint::from_listing(&seller_listing("a", &a), &[], &secret).expect("seller");
        let second = SellerFingerprint::from_listing(&seller_listing("b", &b), &[], &secret).expect("seller");
        let mut index = LinkIndex::new(LinkConfig::default()).expect("valid");
        index.upsert(first.clone(), true).expect("room");
        index.upsert(second.clone(), true).expect("room");
        let forward = identifier_evidence(&index, &first, &second.seller);
        let backward = identifier_evidence(&index, &second, &first.seller);
        prop_assert_eq!(&forward, &backward);
        // And it is exactly the identifiers they share.
        let keys = |fingerprint: &SellerFingerprint| -> BTreeSet<String> {
            fingerprint.identifiers.iter().map(|i| i.identifier.hash_hex.clone()).collect()
        };
        let shared = keys(&first).intersection(&keys(&second)).count();
        prop_assert_eq!(forward.len(), shared);
    }
}

#[test]
fn normalised_identifiers_do_not_print_their_value() {
    let phone = NormalisedIdentifier::new(IdentifierKind::Phone, "0812-2233-4455").expect("valid");
    assert_eq!(phone.value(), "+6281222334455");
    assert_eq!(
        format!("{phone:?}"),
        "NormalisedIdentifier(phone, <redacted>)"
    );
}
