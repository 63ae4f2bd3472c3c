//! The listing record a platform exports, and its validation.
//!
//! Only `id`, `platform` and `title` are required. Unknown fields are not an error: the
//! parser returns their paths so the caller can warn once per field name.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Marketplaces and social-commerce platforms saring knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Platform {
    /// Tokopedia.
    Tokopedia,
    /// Shopee.
    Shopee,
    /// TikTok Shop.
    TiktokShop,
    /// Lazada.
    Lazada,
    /// Bukalapak.
    Bukalapak,
    /// Blibli.
    Blibli,
    /// Facebook (Marketplace, groups).
    Facebook,
    /// Instagram.
    Instagram,
    /// Anything else (websites, chat groups).
    Other,
}

impl Platform {
    /// Every platform, in a stable order.
    pub const ALL: [Platform; 9] = [
        Platform::Tokopedia,
        Platform::Shopee,
        Platform::TiktokShop,
        Platform::Lazada,
        Platform::Bukalapak,
        Platform::Blibli,
        Platform::Facebook,
        Platform::Instagram,
        Platform::Other,
    ];

    /// The canonical lowercase name used in records (`tiktokshop`, `shopee`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Platform::Tokopedia => "tokopedia",
            Platform::Shopee => "shopee",
            Platform::TiktokShop => "tiktokshop",
            Platform::Lazada => "lazada",
            Platform::Bukalapak => "bukalapak",
            Platform::Blibli => "blibli",
            Platform::Facebook => "facebook",
            Platform::Instagram => "instagram",
            Platform::Other => "other",
        }
    }
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A platform name that saring does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown platform {0:?} (expected one of tokopedia, shopee, tiktokshop, lazada, bukalapak, blibli, facebook, instagram, other)"
)]
pub struct UnknownPlatform(pub String);

impl FromStr for Platform {
    type Err = UnknownPlatform;

    /// Accepts the canonical names case-insensitively, ignoring spaces, dashes and
    /// underscores, so `TikTok Shop` and `tiktok_shop` both mean [`Platform::TiktokShop`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let key: String = s
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '_'))
            .flat_map(char::to_lowercase)
            .collect();
        Platform::ALL
            .into_iter()
            .find(|p| p.as_str() == key)
            .ok_or_else(|| UnknownPlatform(s.to_string()))
    }
}

impl Serialize for Platform {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Platform {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        name.parse().map_err(serde::de::Error::custom)
    }
}

/// The seller behind a listing. Identifiers other than `id` are personal data: saring
/// only keeps keyed hashes of them once stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Seller {
    /// The platform's seller or shop id.
    pub id: String,
    /// Shop or seller display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Phone number as the seller gave it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Bank account used for payouts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bank_account: Option<String>,
    /// Pick-up or shop address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Device fingerprint the platform observed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_id: Option<String>,
}

/// Where a listing photo can be read from: exactly one of `url`, `path` or `base64`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ImageRef {
    /// An http(s) URL.
    Url(String),
    /// A local file path.
    Path(String),
    /// The image bytes, base64-encoded.
    Base64(String),
}

#[derive(Serialize, Deserialize)]
struct ImageRefFields {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    path: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    base64: Option<String>,
}

impl Serialize for ImageRef {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (url, path, base64) = match self {
            ImageRef::Url(v) => (Some(v.clone()), None, None),
            ImageRef::Path(v) => (None, Some(v.clone()), None),
            ImageRef::Base64(v) => (None, None, Some(v.clone())),
        };
        ImageRefFields { url, path, base64 }.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for ImageRef {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let fields = ImageRefFields::deserialize(deserializer)?;
        match (fields.url, fields.path, fields.base64) {
            (Some(url), None, None) => Ok(ImageRef::Url(url)),
            (None, Some(path), None) => Ok(ImageRef::Path(path)),
            (None, None, Some(data)) => Ok(ImageRef::Base64(data)),
            _ => Err(serde::de::Error::custom(
                "an image needs exactly one of `url`, `path` or `base64`",
            )),
        }
    }
}

/// One marketplace listing, as exported by a platform.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Listing {
    /// Listing id, unique within its platform.
    pub id: String,
    /// The platform the listing is on.
    pub platform: Platform,
    /// Public URL of the listing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Title as the seller wrote it.
    pub title: String,
    /// Description as the seller wrote it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Price in whole rupiah.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<u64>,
    /// The platform's category path or name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// The seller.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seller: Option<Seller>,
    /// Listing photos.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub images: Vec<ImageRef>,
    /// When the listing was created (RFC 3339 as the platform gives it; kept verbatim).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// Scores in 0..1 from the platform's own models, e.g. `"vision.bale": 0.93`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub signals: BTreeMap<String, f64>,
}

/// Largest accepted values, in bytes of UTF-8 (see `docs/security.md`). They are generous
/// for real listings (marketplaces cap titles at 70-255 characters and descriptions at
/// 2,000-5,000) and keep the cost of screening, storing and answering one listing bounded.
pub mod caps {
    /// `id` and `seller.id`.
    pub const ID: usize = 256;
    /// `title`.
    pub const TITLE: usize = 1_000;
    /// `description`.
    pub const DESCRIPTION: usize = 20_000;
    /// `url` and `images[].url`.
    pub const URL: usize = 2_048;
    /// `images[].path`.
    pub const PATH: usize = 4_096;
    /// `images[].base64`: a 10 MiB photo, base64-encoded, with room for a data-URL prefix.
    pub const BASE64: usize = 14 * 1024 * 1024;
    /// `category`.
    pub const CATEGORY: usize = 512;
    /// `created_at`.
    pub const CREATED_AT: usize = 64;
    /// `seller.name`, `seller.device_id`.
    pub const SELLER_NAME: usize = 256;
    /// `seller.phone`, `seller.bank_account`.
    pub const SELLER_NUMBER: usize = 128;
    /// `seller.email`.
    pub const SELLER_EMAIL: usize = 320;
    /// `seller.address`.
    pub const SELLER_ADDRESS: usize = 1_000;
    /// Entries of `images`.
    pub const IMAGES: usize = 50;
    /// Entries of `signals`.
    pub const SIGNALS: usize = 100;
    /// A signal's name.
    pub const SIGNAL_NAME: usize = 128;
}

/// Why a record is not a valid listing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ListingError {
    /// The record is not well-formed JSON (a syntax error, truncated, trailing characters).
    #[error("{0}")]
    Syntax(String),
    /// The record is well-formed but not a listing object (no field to name).
    #[error("{0}")]
    Malformed(String),
    /// A field is missing, of the wrong type, or present with a value that is not acceptable.
    #[error("field `{field}`: {message}")]
    Invalid {
        /// Dotted path of the field (`seller.id`, `images[2].url`), never its value.
        field: String,
        /// What is wrong with it.
        message: String,
    },
}

impl ListingError {
    /// The dotted path of the field at fault, when the error is about one.
    pub fn field(&self) -> Option<&str> {
        match self {
            ListingError::Invalid { field, .. } => Some(field),
            ListingError::Syntax(_) | ListingError::Malformed(_) => None,
        }
    }

    fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        ListingError::Invalid {
            field: field.into(),
            message: message.into(),
        }
    }

    /// A serde error with the path where it happened.
    fn from_serde(path: &serde_path_to_error::Path, message: String) -> Self {
        match field_of_serde_error(path, &message) {
            Some(field) => ListingError::Invalid { field, message },
            None => ListingError::Malformed(message),
        }
    }
}

/// The dotted path of the field a serde error is about, from the path where it happened
/// (`seller.id`, `images[0]`) and, for a missing field, the name serde gives. The text
/// between backticks is trusted only in `missing field` and `unknown field` messages: in
/// other messages it can be the caller's value.
pub fn field_of_serde_error(path: &serde_path_to_error::Path, message: &str) -> Option<String> {
    let parent = path
        .iter()
        .any(|segment| !matches!(segment, serde_path_to_error::Segment::Unknown))
        .then(|| path.to_string());
    let named = ["missing field `", "unknown field `"]
        .into_iter()
        .find_map(|prefix| message.strip_prefix(prefix))
        .and_then(|rest| rest.split_once('`'))
        .map(|(name, _)| name);
    match (parent, named) {
        (Some(parent), Some(name)) => Some(format!("{parent}.{name}")),
        (None, Some(name)) => Some(name.to_string()),
        (parent, None) => parent,
    }
}

/// A parsed listing, with the paths of fields saring does not know.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// The validated listing.
    pub listing: Listing,
    /// Dotted paths of ignored unknown fields (e.g. `seller.rating`).
    pub unknown_fields: Vec<String>,
}

impl Listing {
    /// Parses one JSON object into a listing, validating it and collecting unknown fields.
    pub fn from_json(text: &str) -> Result<Parsed, ListingError> {
        let mut de = serde_json::Deserializer::from_str(text);
        let parsed = Self::deserialize_collecting(&mut de, |error: &serde_json::Error| {
            matches!(
                error.classify(),
                serde_json::error::Category::Syntax
                    | serde_json::error::Category::Eof
                    | serde_json::error::Category::Io
            )
        })?;
        de.end().map_err(|e| ListingError::Syntax(e.to_string()))?;
        Ok(parsed)
    }

    /// Validates a listing already held as a JSON value (from CSV or Parquet rows, or an
    /// item of an API batch).
    pub fn from_value(value: serde_json::Value) -> Result<Parsed, ListingError> {
        Self::deserialize_collecting(value, |_| false)
    }

    fn deserialize_collecting<'de, D>(
        de: D,
        is_syntax: impl Fn(&D::Error) -> bool,
    ) -> Result<Parsed, ListingError>
    where
        D: Deserializer<'de>,
        D::Error: fmt::Display,
    {
        let mut unknown_fields = Vec::new();
        let mut note_unknown = |path: serde_ignored::Path<'_>| {
            // serde_ignored writes `?` for the Some layer of optional fields; readers
            // want the plain dotted path (`seller.followers`).
            let dotted: Vec<String> = path
                .to_string()
                .split('.')
                .filter(|segment| *segment != "?")
                .map(str::to_string)
                .collect();
            unknown_fields.push(dotted.join("."));
        };
        let listing: Listing = serde_path_to_error::deserialize(serde_ignored::Deserializer::new(
            de,
            &mut note_unknown,
        ))
        .map_err(|error| {
            if is_syntax(error.inner()) {
                ListingError::Syntax(error.inner().to_string())
            } else {
                ListingError::from_serde(error.path(), error.inner().to_string())
            }
        })?;
        listing.validate()?;
        Ok(Parsed {
            listing,
            unknown_fields,
        })
    }

    /// Every text field with its path and cap, in record order.
    fn text_fields(&self) -> Vec<(String, &str, usize)> {
        fn optional<'a>(
            name: &str,
            value: &'a Option<String>,
            cap: usize,
        ) -> Option<(String, &'a str, usize)> {
            value.as_deref().map(|value| (name.to_string(), value, cap))
        }
        let mut fields = vec![("id".to_string(), self.id.as_str(), caps::ID)];
        fields.extend(optional("url", &self.url, caps::URL));
        fields.push(("title".to_string(), &self.title, caps::TITLE));
        fields.push((
            "description".to_string(),
            &self.description,
            caps::DESCRIPTION,
        ));
        fields.extend(optional("category", &self.category, caps::CATEGORY));
        fields.extend(optional("created_at", &self.created_at, caps::CREATED_AT));
        if let Some(seller) = &self.seller {
            fields.push(("seller.id".to_string(), &seller.id, caps::ID));
            fields.extend(
                [
                    ("seller.name", &seller.name, caps::SELLER_NAME),
                    ("seller.phone", &seller.phone, caps::SELLER_NUMBER),
                    ("seller.email", &seller.email, caps::SELLER_EMAIL),
                    (
                        "seller.bank_account",
                        &seller.bank_account,
                        caps::SELLER_NUMBER,
                    ),
                    ("seller.address", &seller.address, caps::SELLER_ADDRESS),
                    ("seller.device_id", &seller.device_id, caps::SELLER_NAME),
                ]
                .into_iter()
                .filter_map(|(name, value, cap)| optional(name, value, cap)),
            );
        }
        for (index, image) in self.images.iter().enumerate() {
            let (kind, value, cap) = match image {
                ImageRef::Url(url) => ("url", url, caps::URL),
                ImageRef::Path(path) => ("path", path, caps::PATH),
                ImageRef::Base64(data) => ("base64", data, caps::BASE64),
            };
            fields.push((format!("images[{index}].{kind}"), value.as_str(), cap));
        }
        fields
    }

    /// Checks what the types cannot say: required text is not blank; no text holds a NUL
    /// character (which PostgreSQL can store neither in text nor in JSON) or is longer than
    /// its cap ([`caps`]); signal scores are in 0..1. Errors name the field, never its value.
    pub fn validate(&self) -> Result<(), ListingError> {
        for (field, value, cap) in self.text_fields() {
            if value.len() > cap {
                return Err(ListingError::invalid(
                    field,
                    format!("{} bytes, more than the {cap} allowed", value.len()),
                ));
            }
            if value.contains('\0') {
                return Err(ListingError::invalid(
                    field,
                    "contains a NUL character (U+0000), which cannot be stored",
                ));
            }
        }
        if self.id.trim().is_empty() {
            return Err(ListingError::invalid("id", "must not be empty or blank"));
        }
        if let Some(seller) = &self.seller
            && seller.id.trim().is_empty()
        {
            return Err(ListingError::invalid(
                "seller.id",
                "must not be empty or blank",
            ));
        }
        if self.images.len() > caps::IMAGES {
            return Err(ListingError::invalid(
                "images",
                format!(
                    "{} photos, more than the {} allowed",
                    self.images.len(),
                    caps::IMAGES
                ),
            ));
        }
        if self.signals.len() > caps::SIGNALS {
            return Err(ListingError::invalid(
                "signals",
                format!(
                    "{} signals, more than the {} allowed",
                    self.signals.len(),
                    caps::SIGNALS
                ),
            ));
        }
        for (position, (name, score)) in self.signals.iter().enumerate() {
            let unfit_name = if name.trim().is_empty() {
                Some("is empty or blank".to_string())
            } else if name.len() > caps::SIGNAL_NAME {
                Some(format!(
                    "is longer than the {} bytes allowed",
                    caps::SIGNAL_NAME
                ))
            } else if name.contains('\0') {
                Some("contains a NUL character (U+0000), which cannot be stored".to_string())
            } else {
                None
            };
            if let Some(problem) = unfit_name {
                return Err(ListingError::invalid(
                    "signals",
                    format!(
                        "the name of signal {} (in name order) {problem}",
                        position + 1
                    ),
                ));
            }
            if !(score.is_finite() && (0.0..=1.0).contains(score)) {
                return Err(ListingError::invalid(
                    format!("signals.{name}"),
                    format!("score {score} is outside 0..1"),
                ));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minimal_listing_needs_only_id_platform_title() {
        let parsed = Listing::from_json(r#"{"id":"1","platform":"shopee","title":"Kemeja"}"#)
            .expect("minimal listing parses");
        assert_eq!(parsed.listing.platform, Platform::Shopee);
        assert!(parsed.unknown_fields.is_empty());
    }

    #[test]
    fn unknown_fields_are_reported_with_their_path() {
        let parsed = Listing::from_json(
            r#"{"id":"1","platform":"Tiktok Shop","title":"x","rating":4.5,"seller":{"id":"s","followers":3}}"#,
        )
        .expect("parses");
        assert_eq!(parsed.listing.platform, Platform::TiktokShop);
        assert_eq!(parsed.unknown_fields, vec!["rating", "seller.followers"]);
    }

    #[test]
    fn missing_title_names_the_field() {
        let err =
            Listing::from_json(r#"{"id":"1","platform":"shopee"}"#).expect_err("title is required");
        assert!(err.to_string().contains("title"), "{err}");
    }

    #[test]
    fn wrong_types_and_bad_values_are_rejected() {
        let cases = [
            (
                r#"{"id":"1","platform":"shopee","title":"x","price":"murah"}"#,
                "invalid type",
            ),
            (
                r#"{"id":"1","platform":"ebay","title":"x"}"#,
                "unknown platform",
            ),
            (r#"{"id":" ","platform":"shopee","title":"x"}"#, "`id`"),
            (
                r#"{"id":"1","platform":"shopee","title":"x","signals":{"v":1.5}}"#,
                "signals.v",
            ),
            (
                r#"{"id":"1","platform":"shopee","title":"x","images":[{"url":"a","path":"b"}]}"#,
                "exactly one",
            ),
            (
                r#"{"id":"1","platform":"shopee","title":"x"} trailing"#,
                "trailing",
            ),
        ];
        for (text, needle) in cases {
            let err = Listing::from_json(text).expect_err(text).to_string();
            assert!(err.contains(needle), "{text}: {err}");
        }
    }

    /// A listing with every text field set, as JSON, with `field` (a dotted path) replaced.
    fn full_listing_with(field: &str, value: serde_json::Value) -> serde_json::Value {
        let mut listing = serde_json::json!({
            "id": "1", "platform": "shopee", "url": "https://shopee.co.id/x", "title": "t",
            "description": "d", "category": "c", "created_at": "2026-10-01T08:14:00+07:00",
            "seller": {"id": "s", "name": "n", "phone": "0812", "email": "a@b.c",
                       "bank_account": "BCA 1", "address": "Jl. X", "device_id": "d"},
            "images": [{"url": "https://x/a.jpg"}, {"path": "a.jpg"}, {"base64": "AAAA"}],
            "signals": {"vision.bale": 0.5}
        });
        let mut slot = &mut listing;
        let segments: Vec<&str> = field.split('.').collect();
        for segment in &segments[..segments.len() - 1] {
            slot = match segment.split_once('[') {
                Some((name, index)) => {
                    let index: usize = index.trim_end_matches(']').parse().expect("index");
                    &mut slot[name][index]
                }
                None => &mut slot[*segment],
            };
        }
        slot[segments[segments.len() - 1]] = value;
        listing
    }

    const EVERY_TEXT_FIELD: [&str; 14] = [
        "id",
        "url",
        "title",
        "description",
        "category",
        "created_at",
        "seller.id",
        "seller.name",
        "seller.phone",
        "seller.email",
        "seller.bank_account",
        "seller.address",
        "seller.device_id",
        "images[0].url",
    ];

    #[test]
    fn a_nul_character_in_any_text_field_is_refused_naming_the_field() {
        let mut fields = EVERY_TEXT_FIELD.to_vec();
        fields.extend(["images[1].path", "images[2].base64"]);
        for field in fields {
            let listing = full_listing_with(field, serde_json::json!("a\u{0}b"));
            // Both routes in: a JSON text (the escape `\u0000`) and a JSON value.
            let text = serde_json::to_string(&listing).expect("serialises");
            assert!(text.contains("\\u0000"), "{text}");
            for error in [
                Listing::from_json(&text).expect_err(field),
                Listing::from_value(listing.clone()).expect_err(field),
            ] {
                assert_eq!(error.field(), Some(field), "{error}");
                assert!(error.to_string().contains("NUL"), "{error}");
            }
        }
        let named = full_listing_with("signals", serde_json::json!({"a\u{0}": 0.5}));
        let error = Listing::from_value(named).expect_err("NUL in a signal name");
        assert_eq!(error.field(), Some("signals"), "{error}");
        assert!(!error.to_string().contains('\0'), "{error}");
    }

    #[test]
    fn every_text_field_has_a_cap_and_the_error_names_the_field() {
        for field in EVERY_TEXT_FIELD {
            let long = "x".repeat(caps::DESCRIPTION + 1);
            let error = Listing::from_value(full_listing_with(field, serde_json::json!(long)))
                .expect_err(field);
            assert_eq!(error.field(), Some(field), "{error}");
            assert!(error.to_string().contains("allowed"), "{error}");
            assert!(
                !error.to_string().contains("xxxx"),
                "the value is not echoed"
            );
        }
        let at_cap = full_listing_with("title", serde_json::json!("é".repeat(caps::TITLE / 2)));
        assert!(Listing::from_value(at_cap).is_ok(), "a title at its cap");
        let over = full_listing_with("title", serde_json::json!("é".repeat(caps::TITLE / 2 + 1)));
        assert!(Listing::from_value(over).is_err(), "the cap counts bytes");
        let photos: Vec<_> = (0..=caps::IMAGES)
            .map(|i| serde_json::json!({"url": format!("https://x/{i}.jpg")}))
            .collect();
        let error = Listing::from_value(full_listing_with("images", photos.into()))
            .expect_err("too many photos");
        assert_eq!(error.field(), Some("images"));
        let signals: serde_json::Map<String, serde_json::Value> = (0..=caps::SIGNALS)
            .map(|i| (format!("s{i}"), serde_json::json!(0.5)))
            .collect();
        let error = Listing::from_value(full_listing_with("signals", signals.into()))
            .expect_err("too many signals");
        assert_eq!(error.field(), Some("signals"));
    }

    #[test]
    fn blank_ids_and_scores_outside_0_1_are_refused() {
        for blank in ["", " ", "\t\n", "\u{3000}"] {
            for field in ["id", "seller.id"] {
                let error = Listing::from_value(full_listing_with(field, serde_json::json!(blank)))
                    .expect_err(field);
                assert_eq!(error.field(), Some(field), "{blank:?}: {error}");
            }
        }
        for score in [-0.01, 1.01, 1e300] {
            let signals = serde_json::json!({"vision.bale": score});
            let error = Listing::from_value(full_listing_with("signals", signals))
                .expect_err("score out of range");
            assert_eq!(error.field(), Some("signals.vision.bale"), "{error}");
        }
        let empty_name = full_listing_with("signals", serde_json::json!({" ": 0.5}));
        assert_eq!(
            Listing::from_value(empty_name)
                .expect_err("blank name")
                .field(),
            Some("signals")
        );
        for score in [0.0, 1.0] {
            let signals = serde_json::json!({"vision.bale": score});
            assert!(Listing::from_value(full_listing_with("signals", signals)).is_ok());
        }
    }

    #[test]
    fn errors_name_the_field_never_the_value() {
        let cases = [
            (
                r#"{"id":"1","platform":"shopee","title":"x","price":"`title`"}"#,
                Some("price"),
            ),
            (
                r#"{"id":"1","platform":"`id`","title":"x"}"#,
                Some("platform"),
            ),
            (
                r#"{"id":"1","platform":"shopee","title":"x","seller":{"name":"n"}}"#,
                Some("seller.id"),
            ),
            (
                r#"{"id":"1","platform":"shopee","title":["`x`"]}"#,
                Some("title"),
            ),
            (
                r#"{"id":"1","platform":"shopee","title":"x","images":[{"url":"a"},{"url":"`b`","path":"c"}]}"#,
                Some("images[1]"),
            ),
            (r#"["`id`"]"#, None),
        ];
        for (text, field) in cases {
            let error = Listing::from_json(text).expect_err(text);
            assert_eq!(error.field(), field, "{text}: {error}");
            assert!(matches!(
                error,
                ListingError::Invalid { .. } | ListingError::Malformed(_)
            ));
        }
        for broken in [
            r#"{"id":"1""#,
            r#"{"id":"1",}"#,
            r#"{"id":"1","platform":"shopee","title":"x"} x"#,
        ] {
            assert!(
                matches!(Listing::from_json(broken), Err(ListingError::Syntax(_))),
                "{broken}"
            );
        }
    }

    #[test]
    fn round_trips_through_json() {
        let text = r#"{"id":"9","platform":"lazada","title":"t","description":"d","price":15000,"images":[{"path":"a.jpg"},{"url":"http://x/y.png"}],"signals":{"vision.bale":0.5}}"#;
        let listing = Listing::from_json(text).expect("parses").listing;
        let again = serde_json::to_string(&listing).expect("serialises");
        assert_eq!(
            Listing::from_json(&again).expect("reparses").listing,
            listing
        );
    }
}
