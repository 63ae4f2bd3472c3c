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
#[derive(Debug, Clone, PartialEq, Eq)]
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

/// Why a record is not a valid listing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ListingError {
    /// The record is not well-formed JSON, has a field of the wrong type, or misses a
    /// required field; the message comes from the parser and names the field.
    #[error("{0}")]
    Malformed(String),
    /// A field is present but its value is not acceptable.
    #[error("field `{field}`: {message}")]
    Invalid {
        /// Dotted path of the field.
        field: String,
        /// What is wrong with it.
        message: String,
    },
}

/// A listing that parsed, with the paths of fields saring does not know.
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
        let parsed = Self::deserialize_collecting(&mut de)?;
        de.end()
            .map_err(|e| ListingError::Malformed(e.to_string()))?;
        Ok(parsed)
    }

    /// Validates a listing already held as a JSON value (from CSV or Parquet rows).
    pub fn from_value(value: serde_json::Value) -> Result<Parsed, ListingError> {
        Self::deserialize_collecting(value)
    }

    fn deserialize_collecting<'de, D>(de: D) -> Result<Parsed, ListingError>
    where
        D: Deserializer<'de>,
        D::Error: fmt::Display,
    {
        let mut unknown_fields = Vec::new();
        let listing: Listing = serde_ignored::deserialize(de, |path| {
            // serde_ignored writes `?` for the Some layer of optional fields; readers
            // want the plain dotted path (`seller.followers`).
            let dotted: Vec<String> = path
                .to_string()
                .split('.')
                .filter(|segment| *segment != "?")
                .map(str::to_string)
                .collect();
            unknown_fields.push(dotted.join("."));
        })
        .map_err(|e| ListingError::Malformed(e.to_string()))?;
        listing.validate()?;
        Ok(Parsed {
            listing,
            unknown_fields,
        })
    }

    fn validate(&self) -> Result<(), ListingError> {
        let invalid = |field: &str, message: String| ListingError::Invalid {
            field: field.to_string(),
            message,
        };
        if self.id.trim().is_empty() {
            return Err(invalid("id", "must not be empty".into()));
        }
        if let Some(seller) = &self.seller
            && seller.id.trim().is_empty()
        {
            return Err(invalid("seller.id", "must not be empty".into()));
        }
        for (name, score) in &self.signals {
            if !(score.is_finite() && (0.0..=1.0).contains(score)) {
                return Err(invalid(
                    &format!("signals.{name}"),
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
