//! A generated request of 12,000 rows in every platform's URL shapes, with malformed rows and
//! duplicates: every row is accounted for, and every URL gets the key its listing has.

#[path = "common/generate.rs"]
mod generate;

use proptest::prelude::*;
use saring_takedowns::{RequestFormat, UrlProblem, canonicalise, parse, request::url_outcomes};

#[test]
fn every_row_of_a_large_request_is_accounted_for() {
    let generated = generate::generate(12_000, 40, 7);
    let import = parse(generated.csv.as_bytes(), RequestFormat::Csv).expect("readable");

    let error_lines: Vec<u64> = import.errors.iter().map(|error| error.line).collect();
    assert_eq!(error_lines, generated.malformed);
    let duplicate_lines: Vec<u64> = import.duplicates.iter().map(|d| d.line).collect();
    assert_eq!(duplicate_lines, generated.duplicates);
    assert!(generated.duplicates.len() > 100 && generated.malformed.len() > 100);

    let accepted: Vec<_> = import.requests.iter().flat_map(|r| &r.urls).collect();
    let rows = accepted.len() + import.errors.len() + import.duplicates.len();
    assert_eq!(
        rows, 12_000,
        "input rows = accepted + malformed + duplicates"
    );
    assert_eq!(accepted.len(), generated.expected.len());
    for (url, (line, key)) in accepted.iter().zip(&generated.expected) {
        assert_eq!(url.line, *line);
        match key {
            Some(key) => assert_eq!(
                url.key().map(|k| k.as_str()),
                Some(key.as_str()),
                "{}",
                url.raw
            ),
            None => assert!(
                matches!(url.canonical, Err(UrlProblem::ShortLink { .. })),
                "{}",
                url.raw
            ),
        }
    }
    let outcomes = url_outcomes(&import);
    assert!(outcomes["short link"] > 500, "{outcomes:?}");
    assert_eq!(import.requests.len(), 40);
}

proptest! {
    /// Canonicalisation never panics, whatever the text.
    #[test]
    fn canonicalise_takes_any_text(text in "\\PC{0,80}") {
        let _ = canonicalise(&text);
    }

    /// Tracking parameters, fragments, host case, `www.` and the mobile host never change a
    /// Shopee item's key; a different item id always does.
    #[test]
    fn spelling_never_changes_a_key(
        shop in 1u64..1_000_000_000,
        item in 1u64..100_000_000_000,
        slug in "[A-Za-z0-9-]{0,30}",
        query in "[a-z_]{1,8}=[A-Za-z0-9]{0,12}",
        host in prop::sample::select(vec!["shopee.co.id", "www.shopee.co.id", "m.shopee.co.id", "SHOPEE.CO.ID"]),
    ) {
        let plain = canonicalise(&format!("https://shopee.co.id/x-i.{shop}.{item}")).expect("valid");
        let written = canonicalise(&format!("http://{host}/{slug}-i.{shop}.{item}?{query}#f")).expect("valid");
        prop_assert_eq!(&plain, &written);
        let other = canonicalise(&format!("https://shopee.co.id/x-i.{shop}.{}", item + 1)).expect("valid");
        prop_assert_ne!(plain.key, other.key);
    }

    /// A host that only contains a platform's domain is never that platform.
    #[test]
    fn look_alike_hosts_never_match(prefix in "[a-z]{1,10}", suffix in "[a-z]{2,10}\\.(net|com|id)") {
        for host in [format!("shopee.co.id.{suffix}"), format!("{prefix}shopee.co.id")] {
            let canonical = canonicalise(&format!("https://{host}/x-i.1.2")).expect("a website");
            prop_assert_eq!(canonical.platform, saring_core::Platform::Other);
        }
    }
}
