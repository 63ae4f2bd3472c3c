//! Seller identifiers as listings give them (phone, e-mail, bank account, address, device
//! id) and contacts written in listing text: any text is a canonical identifier or none,
//! never a panic; a canonical form normalises to itself, so that one seller's identifier
//! always gives one keyed hash.
#![no_main]

use libfuzzer_sys::fuzz_target;
use saring_sellers::{IdentifierKind, NormalisedIdentifier, contacts_in_text};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for kind in IdentifierKind::ALL {
        let Some(identifier) = NormalisedIdentifier::new(kind, &text) else {
            continue;
        };
        let again = NormalisedIdentifier::new(kind, identifier.value());
        assert_eq!(
            again.as_ref().map(NormalisedIdentifier::value),
            Some(identifier.value()),
            "the canonical {} of {text:?} is not canonical",
            kind.as_str()
        );
    }
    let contacts = contacts_in_text(&text);
    for (index, contact) in contacts.iter().enumerate() {
        assert!(
            !contacts[..index].contains(contact),
            "a contact is listed twice"
        );
        assert_eq!(
            NormalisedIdentifier::new(contact.kind(), contact.value()).as_ref(),
            Some(contact),
            "a contact found in {text:?} is not canonical"
        );
    }
});
