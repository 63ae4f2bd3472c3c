//! Canonical forms of marketplace listing URLs.
//!
//! Regulators send links the way they found them: mobile and desktop hosts, tracking
//! parameters, product slugs that the seller has since renamed, short links from a chat. A
//! listing is matched by a key built only from what identifies it on its platform (a numeric
//! item id where the platform's URL carries one), so every way of writing the same product
//! page gives the same key, and nothing else does:
//!
//! - the host must be the platform's own domain or a subdomain of it; a look-alike such as
//!   `shopee.co.id.example.net` is not Shopee;
//! - query strings and fragments never take part (they carry tracking, not identity);
//! - case is folded only where the platform ignores it (hosts, Tokopedia paths), never in
//!   case-sensitive ids such as Instagram shortcodes;
//! - short links (`s.shopee.co.id`, `tokopedia.link`, `vt.tiktok.com`, ...) cannot be followed
//!   offline and are reported as such.

use std::fmt;

use saring_core::Platform;
use url::Url;

/// The platform-specific identity of a listing page, e.g. `shopee/123.456`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ListingKey(String);

impl ListingKey {
    /// The key as text (`PLATFORM/ID`).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Rebuilds a key stored earlier with [`ListingKey::as_str`].
    pub fn from_stored(text: impl Into<String>) -> Self {
        Self(text.into())
    }

    fn new(platform: Platform, id: impl fmt::Display) -> Self {
        Self(format!("{}/{id}", platform.as_str()))
    }
}

impl fmt::Display for ListingKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A listing URL reduced to its platform and identity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CanonicalUrl {
    /// The platform the host belongs to.
    pub platform: Platform,
    /// The identity of the listing on that platform.
    pub key: ListingKey,
}

/// Why a URL has no canonical listing key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UrlProblem {
    /// Not a URL at all.
    #[error("not a valid URL: {0}")]
    Malformed(String),
    /// A short link that only its platform can resolve.
    #[error("short link on {host}: cannot be resolved offline")]
    ShortLink {
        /// The short-link host.
        host: String,
    },
    /// A page of a known platform that is not a single listing (a shop, a search, a home page).
    #[error("{platform} page that is not a listing: {path}")]
    NotAListing {
        /// The platform of the host.
        platform: Platform,
        /// The path that did not name a listing.
        path: String,
    },
}

/// Short-link hosts, which redirect to a listing only when followed online.
const SHORT_LINK_HOSTS: [&str; 12] = [
    "s.shopee.co.id",
    "shp.ee",
    "id.shp.ee",
    "tokopedia.link",
    "tkp.me",
    "vt.tiktok.com",
    "vm.tiktok.com",
    "s.lazada.co.id",
    "c.lazada.co.id",
    "bl.id",
    "fb.me",
    "instagr.am",
];

/// Registrable domains of each platform. A host belongs to a platform when it equals one of
/// these or ends with `.` + one of these.
const PLATFORM_DOMAINS: [(Platform, &str); 9] = [
    (Platform::Shopee, "shopee.co.id"),
    (Platform::Tokopedia, "tokopedia.com"),
    (Platform::TiktokShop, "tiktok.com"),
    (Platform::Lazada, "lazada.co.id"),
    (Platform::Bukalapak, "bukalapak.com"),
    (Platform::Blibli, "blibli.com"),
    (Platform::Facebook, "facebook.com"),
    (Platform::Facebook, "fb.com"),
    (Platform::Instagram, "instagram.com"),
];

/// Canonicalises a listing URL as a regulator or a platform wrote it.
///
/// A URL without a scheme (`shopee.co.id/...`) is read as `https://`. Hosts of no known
/// platform get an `other/` key made of the host and path, so that the same page of a website
/// still matches itself.
pub fn canonicalise(raw: &str) -> Result<CanonicalUrl, UrlProblem> {
    let url = parse(raw)?;
    let host = url
        .host_str()
        .ok_or_else(|| UrlProblem::Malformed(format!("{raw:?} has no host")))?
        .trim_end_matches('.')
        .to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    if SHORT_LINK_HOSTS.contains(&host) {
        return Err(UrlProblem::ShortLink {
            host: host.to_string(),
        });
    }
    let segments: Vec<String> = url
        .path_segments()
        .map(|parts| {
            parts
                .filter(|part| !part.is_empty())
                .map(|part| {
                    percent_encoding::percent_decode_str(part)
                        .decode_utf8_lossy()
                        .into_owned()
                })
                .collect()
        })
        .unwrap_or_default();
    if segments.iter().any(|part| part.contains(char::is_control)) {
        return Err(UrlProblem::Malformed(format!(
            "{raw:?} has escaped control characters in its path"
        )));
    }
    let Some(platform) = platform_of(host) else {
        let path = segments.join("/");
        return Ok(CanonicalUrl {
            platform: Platform::Other,
            key: ListingKey::new(Platform::Other, format!("{host}/{path}")),
        });
    };
    let id = listing_id(platform, &segments).ok_or_else(|| UrlProblem::NotAListing {
        platform,
        path: format!("/{}", segments.join("/")),
    })?;
    Ok(CanonicalUrl {
        platform,
        key: ListingKey::new(platform, id),
    })
}

fn parse(raw: &str) -> Result<Url, UrlProblem> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Err(UrlProblem::Malformed("empty URL".to_string()));
    }
    // The URL parser drops control characters at the ends and escapes them inside, so a
    // key would depend on what follows them; no listing URL has any.
    if trimmed.chars().any(char::is_control) {
        return Err(UrlProblem::Malformed(format!(
            "{trimmed:?} contains control characters"
        )));
    }
    let with_scheme = if trimmed.contains("://") {
        trimmed.to_string()
    } else {
        format!("https://{trimmed}")
    };
    let url = Url::parse(&with_scheme)
        .map_err(|error| UrlProblem::Malformed(format!("{trimmed:?}: {error}")))?;
    match url.scheme() {
        "http" | "https" => Ok(url),
        other => Err(UrlProblem::Malformed(format!(
            "{trimmed:?}: scheme {other:?} is not http or https"
        ))),
    }
}

fn platform_of(host: &str) -> Option<Platform> {
    PLATFORM_DOMAINS.iter().find_map(|&(platform, domain)| {
        let belongs = host == domain
            || host
                .strip_suffix(domain)
                .is_some_and(|prefix| prefix.ends_with('.'));
        belongs.then_some(platform)
    })
}

/// The platform's listing id from the path segments, or `None` when the path is not a listing.
fn listing_id(platform: Platform, segments: &[String]) -> Option<String> {
    let parts: Vec<&str> = segments.iter().map(String::as_str).collect();
    match platform {
        Platform::Shopee => shopee_id(&parts),
        Platform::Tokopedia => tokopedia_id(&parts),
        Platform::TiktokShop => match parts.as_slice() {
            [.., "product", id] if is_digits(id) => Some((*id).to_string()),
            _ => None,
        },
        Platform::Lazada => match parts.as_slice() {
            ["products", page] => lazada_id(page),
            _ => None,
        },
        Platform::Bukalapak => match parts.as_slice() {
            ["p", .., last] => {
                let id = last.split('-').next().unwrap_or_default();
                (id.len() >= 3 && id.chars().all(|c| c.is_ascii_alphanumeric()))
                    .then(|| id.to_ascii_lowercase())
            }
            _ => None,
        },
        Platform::Blibli => match parts.as_slice() {
            ["p", _, sku] | ["p", sku] => {
                let (_, code) = sku.split_once("--")?;
                (!code.is_empty()).then(|| code.to_ascii_uppercase())
            }
            _ => None,
        },
        Platform::Facebook => match parts.as_slice() {
            ["marketplace", "item", id] if is_digits(id) => Some((*id).to_string()),
            _ => None,
        },
        Platform::Instagram => match parts.as_slice() {
            ["p" | "reel" | "tv", code]
                if code
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') =>
            {
                Some((*code).to_string())
            }
            _ => None,
        },
        Platform::Other => None,
    }
}

/// Shopee: `/<slug>-i.<shop>.<item>`, `/product/<shop>/<item>`, or `/<shop name>/<shop>/<item>`.
fn shopee_id(parts: &[&str]) -> Option<String> {
    match parts {
        [page] => {
            let ids = page
                .rsplit_once("-i.")
                .map(|(_, ids)| ids)
                .or_else(|| page.strip_prefix("i."))?;
            let (shop, item) = ids.split_once('.')?;
            (is_digits(shop) && is_digits(item)).then(|| format!("{shop}.{item}"))
        }
        [_, shop, item] if is_digits(shop) && is_digits(item) => Some(format!("{shop}.{item}")),
        _ => None,
    }
}

/// Tokopedia: `/<shop>/<product-slug>`; paths are case-insensitive. Its URLs carry no
/// numeric id, so a renamed product gets a new key.
fn tokopedia_id(parts: &[&str]) -> Option<String> {
    const NOT_SHOPS: [&str; 8] = [
        "search",
        "discovery",
        "p",
        "promo",
        "help",
        "cart",
        "find",
        "blog",
    ];
    match parts {
        [shop, product] if !NOT_SHOPS.contains(&shop.to_ascii_lowercase().as_str()) => {
            Some(format!(
                "{}/{}",
                shop.to_ascii_lowercase(),
                product.to_ascii_lowercase()
            ))
        }
        _ => None,
    }
}

/// Lazada: `<slug>-i<item>-s<sku>.html` or `<slug>-i<item>.html`; the item id identifies it.
fn lazada_id(page: &str) -> Option<String> {
    let stem = page.strip_suffix(".html").unwrap_or(page);
    let tail = stem
        .rsplit_once("-i")
        .map(|(_, tail)| tail)
        .or_else(|| stem.strip_prefix('i'))?;
    let item = tail.split('-').next().unwrap_or_default();
    is_digits(item).then(|| item.to_string())
}

fn is_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(raw: &str) -> String {
        canonicalise(raw)
            .unwrap_or_else(|problem| panic!("{raw}: {problem}"))
            .key
            .to_string()
    }

    #[test]
    fn every_way_of_writing_a_shopee_item_gives_one_key() {
        for raw in [
            "https://shopee.co.id/Kemeja-Flanel-Pria-i.123456.7890123",
            "https://shopee.co.id/Kemeja-Flanel-Pria-RENAMED-i.123456.7890123?sp_atk=abc&xptdk=1",
            "http://m.shopee.co.id/product/123456/7890123",
            "shopee.co.id/tokobaju/123456/7890123#reviews",
            "HTTPS://WWW.SHOPEE.CO.ID/x-i.123456.7890123/",
        ] {
            assert_eq!(key(raw), "shopee/123456.7890123", "{raw}");
        }
    }

    #[test]
    fn keys_of_each_platform() {
        let cases = [
            (
                "https://www.tokopedia.com/TokoBaju/Kemeja-Flanel?extParam=x",
                "tokopedia/tokobaju/kemeja-flanel",
            ),
            (
                "https://m.tokopedia.com/tokobaju/kemeja-flanel",
                "tokopedia/tokobaju/kemeja-flanel",
            ),
            (
                "https://shop.tiktok.com/view/product/1729384756?region=ID",
                "tiktokshop/1729384756",
            ),
            (
                "https://www.tiktok.com/view/product/1729384756",
                "tiktokshop/1729384756",
            ),
            (
                "https://www.lazada.co.id/products/jaket-i5566778-s9988.html?spm=a2o4j",
                "lazada/5566778",
            ),
            (
                "https://m.lazada.co.id/products/jaket-baru-i5566778.html",
                "lazada/5566778",
            ),
            (
                "https://www.bukalapak.com/p/fashion-pria/jaket/4ab9xq-jual-jaket-vintage",
                "bukalapak/4ab9xq",
            ),
            (
                "https://www.blibli.com/p/kemeja-pria/ps--TOS-60023-00123?ds=x",
                "blibli/TOS-60023-00123",
            ),
            (
                "https://web.facebook.com/marketplace/item/998877665544/",
                "facebook/998877665544",
            ),
            (
                "https://www.instagram.com/p/CxYz_12-Ab/?igsh=1",
                "instagram/CxYz_12-Ab",
            ),
            (
                "https://thriftku.example.com/produk/ball-korea",
                "other/thriftku.example.com/produk/ball-korea",
            ),
        ];
        for (raw, expected) in cases {
            assert_eq!(key(raw), expected, "{raw}");
        }
    }

    #[test]
    fn look_alike_hosts_are_not_the_platform() {
        let fake =
            canonicalise("https://shopee.co.id.example.net/x-i.123456.7890123").expect("a website");
        assert_eq!(fake.platform, Platform::Other);
        assert_ne!(fake.key.as_str(), "shopee/123456.7890123");
        let glued = canonicalise("https://notshopee.co.id/x-i.1.2").expect("a website");
        assert_eq!(glued.platform, Platform::Other);
    }

    #[test]
    fn instagram_shortcodes_keep_their_case() {
        assert_ne!(
            key("https://instagram.com/p/AbCdEf"),
            key("https://instagram.com/p/abcdef")
        );
    }

    #[test]
    fn short_links_and_non_listings_are_reported() {
        for raw in [
            "https://s.shopee.co.id/AbCd123",
            "https://tokopedia.link/xYz",
            "https://vt.tiktok.com/ZSabc/",
        ] {
            assert!(
                matches!(canonicalise(raw), Err(UrlProblem::ShortLink { .. })),
                "{raw}"
            );
        }
        for raw in [
            "https://www.tokopedia.com/tokobaju",
            "https://shopee.co.id/search?keyword=thrift",
            "https://www.lazada.co.id/",
        ] {
            assert!(
                matches!(canonicalise(raw), Err(UrlProblem::NotAListing { .. })),
                "{raw}"
            );
        }
        for raw in [
            "",
            "   ",
            "ftp://shopee.co.id/x",
            "https://",
            "http://exa mple.com",
            // Found by the `marketplace_url` fuzz target: trailing control characters were
            // dropped, but kept (escaped) once a query string followed them.
            "httpngfashionb/dkraunggan-korea-mix-fag\0\0\u{13}",
            "httpngfashionb/dkraunggan-korea-mix-fag\0\0\u{13}?utm_source=x",
            "https://example.com/item\u{7}/1",
            "https://example.com/item%00/1",
            "https://shopee.co.id/product/1%0A/2",
        ] {
            assert!(
                matches!(canonicalise(raw), Err(UrlProblem::Malformed(_))),
                "{raw:?}"
            );
        }
    }
}
