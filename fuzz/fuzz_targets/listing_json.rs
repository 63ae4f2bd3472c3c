//! Fuzzes listing parsing from JSON text: no panic, and a parsed listing serialises back
//! to JSON that parses to the same listing.

#![no_main]

use libfuzzer_sys::fuzz_target;
use saring_core::Listing;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(parsed) = Listing::from_json(text) {
        let again = serde_json::to_string(&parsed.listing).expect("a listing serialises");
        let reparsed = Listing::from_json(&again).expect("a serialised listing parses");
        assert_eq!(reparsed.listing, parsed.listing);
    }
});
