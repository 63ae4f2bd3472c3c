//! Canonical JSON and SHA-256: the forms that are hashed (listing versions, evidence).

use serde::Serialize;
use serde_json::Value;
use sha2::{Digest, Sha256};

use saring_core::Listing;

/// JSON with object keys sorted and no whitespace, so equal values hash equally whatever
/// the order their fields were written in.
pub fn canonical_json(value: &Value) -> String {
    let mut out = String::new();
    write_canonical(value, &mut out);
    out
}

fn write_canonical(value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (n, key) in keys.into_iter().enumerate() {
                if n > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(key.clone()).to_string());
                out.push(':');
                if let Some(inner) = map.get(key) {
                    write_canonical(inner, out);
                }
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (n, item) in items.iter().enumerate() {
                if n > 0 {
                    out.push(',');
                }
                write_canonical(item, out);
            }
            out.push(']');
        }
        scalar => out.push_str(&scalar.to_string()),
    }
}

/// Lowercase hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// Canonical JSON of any serialisable value.
pub fn canonical_of<T: Serialize>(value: &T) -> Result<String, serde_json::Error> {
    Ok(canonical_json(&serde_json::to_value(value)?))
}

/// The version of a listing: SHA-256 of its canonical JSON. Screening the same version
/// twice records nothing new.
pub fn listing_version(listing: &Listing) -> Result<String, serde_json::Error> {
    Ok(sha256_hex(canonical_of(listing)?.as_bytes()))
}

/// The listing as stored: the seller's contact details (phone, e-mail, bank account,
/// address, device) are personal data and never kept; id and shop name remain.
pub fn redacted(listing: &Listing) -> Listing {
    let mut kept = listing.clone();
    if let Some(seller) = &mut kept.seller {
        seller.phone = None;
        seller.email = None;
        seller.bank_account = None;
        seller.address = None;
        seller.device_id = None;
    }
    kept
}

/// Equality that takes the same time wherever the inputs first differ.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn json_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            "\\PC{0,8}".prop_map(Value::String),
        ];
        leaf.prop_recursive(3, 24, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                prop::collection::btree_map("\\PC{0,6}", inner, 0..4)
                    .prop_map(|map| Value::Object(map.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn canonical_json_parses_back_to_the_value_and_is_a_fixed_point(value in json_value()) {
            let canonical = canonical_json(&value);
            let parsed: Value = serde_json::from_str(&canonical).expect("canonical JSON parses");
            prop_assert_eq!(&parsed, &value);
            prop_assert_eq!(canonical_json(&parsed), canonical);
        }
    }

    #[test]
    fn key_order_does_not_change_the_canonical_form() {
        let a: Value = serde_json::from_str(r#"{"b":1,"a":{"y":[1,"x"],"x":null}}"#).expect("json");
        let b: Value = serde_json::from_str(r#"{"a":{"x":null,"y":[1,"x"]},"b":1}"#).expect("json");
        assert_eq!(canonical_json(&a), r#"{"a":{"x":null,"y":[1,"x"]},"b":1}"#);
        assert_eq!(canonical_json(&a), canonical_json(&b));
    }

    #[test]
    fn sha256_matches_the_known_digest() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn a_changed_field_changes_the_listing_version_and_contacts_are_redacted() {
        let text =
            r#"{"id":"1","platform":"shopee","title":"Jaket","seller":{"id":"s","phone":"0812"}}"#;
        let listing = Listing::from_json(text).expect("listing").listing;
        let mut changed = listing.clone();
        changed.title.push('!');
        let version = listing_version(&listing).expect("version");
        assert_eq!(version.len(), 64);
        assert_eq!(version, listing_version(&listing.clone()).expect("version"));
        assert_ne!(version, listing_version(&changed).expect("version"));
        let kept = redacted(&listing);
        assert_eq!(kept.seller.as_ref().map(|s| s.id.as_str()), Some("s"));
        assert!(kept.seller.as_ref().is_some_and(|s| s.phone.is_none()));
    }
}
