//! Contact details written inside titles and descriptions ("WA 0812-2233-4455",
//! "wa.me/6281222334455", "budi [at] gmail [dot] com"). Re-registered sellers often move
//! their number into the text; these are identifiers like the profile's, and like them
//! they only link when few sellers share them (a courier hotline quoted by many never does).

use std::sync::LazyLock;

use regex::Regex;

use crate::identifier::{IdentifierKind, NormalisedIdentifier};

/// Digit groups with single separators between them: a phone number, or several numbers
/// written one after the other.
static DIGIT_RUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\+?\(?[0-9]+\)?(?:[ .\-]?\(?[0-9]+\)?)+")
        .unwrap_or_else(|error| unreachable!("constant pattern: {error}"))
});

/// An e-mail address, also written with `[at]`, `(at)`, `[dot]` or `(dot)`.
static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)[a-z0-9._%+\-]+(?:@|\s*[\[(]at[\])]\s*)[a-z0-9\-]+(?:(?:\.|\s*[\[(]dot[\])]\s*)[a-z0-9\-]+)+",
    )
    .unwrap_or_else(|error| unreachable!("constant pattern: {error}"))
});

/// Words that announce a phone number, letting one be written without `0` or `+62`.
const PHONE_CUES: [&str; 8] = ["wa", "whatsapp", "hp", "telp", "tlp", "call", "sms", "hub"];
/// Bytes before a number searched for a cue.
const CUE_WINDOW: usize = 12;
/// Most digits a phone number has.
const MAX_PHONE_DIGITS: usize = 15;

/// Every phone number and e-mail address written in `text`, normalised, in order of
/// appearance, without duplicates.
pub fn contacts_in_text(text: &str) -> Vec<NormalisedIdentifier> {
    let mut found: Vec<NormalisedIdentifier> = Vec::new();
    for run in DIGIT_RUN.find_iter(text) {
        let cued = has_phone_cue(&text[..run.start()]);
        for phone in phones_in_run(run.as_str(), cued) {
            push_new(&mut found, phone);
        }
    }
    for email in EMAIL.find_iter(text) {
        let plain = email
            .as_str()
            .to_lowercase()
            .replace("[at]", "@")
            .replace("(at)", "@")
            .replace("[dot]", ".")
            .replace("(dot)", ".");
        if let Some(identifier) = NormalisedIdentifier::new(IdentifierKind::Email, &plain) {
            push_new(&mut found, identifier);
        }
    }
    found
}

fn push_new(found: &mut Vec<NormalisedIdentifier>, identifier: NormalisedIdentifier) {
    if !found.contains(&identifier) {
        found.push(identifier);
    }
}

/// Whether a phone cue word ends shortly before the number ("WA: ", "hp/wa ").
fn has_phone_cue(before: &str) -> bool {
    let start = before.floor_char_boundary(before.len().saturating_sub(CUE_WINDOW));
    let window = before[start..].to_lowercase();
    window
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| PHONE_CUES.contains(&word))
}

/// The phone numbers in a run of digit groups: the longest prefix of groups that is a
/// number is taken, then the search goes on after it ("0812 2233 4455 0813 5566 7788" holds
/// two numbers).
fn phones_in_run(run: &str, cued: bool) -> Vec<NormalisedIdentifier> {
    let groups: Vec<&str> = run.split(' ').collect();
    let mut phones = Vec::new();
    let mut start = 0;
    while start < groups.len() {
        let found = (start + 1..=groups.len()).rev().find_map(|end| {
            let candidate = groups[start..end].join(" ");
            text_phone(&candidate, cued).map(|phone| (end, phone))
        });
        match found {
            Some((end, phone)) => {
                phones.push(phone);
                start = end;
            }
            None => start += 1,
        }
    }
    phones
}

/// A phone number written in text: it must start like one (`+`, `0`, `62`, or after a cue
/// word) so that prices, sizes and product codes are not read as numbers.
fn text_phone(candidate: &str, cued: bool) -> Option<NormalisedIdentifier> {
    let digits = candidate.chars().filter(char::is_ascii_digit).count();
    let first_digit = candidate.trim_start_matches(['+', '(']);
    let starts_like_phone = candidate.starts_with('+')
        || first_digit.starts_with('0')
        || first_digit.starts_with("62")
        || (cued && first_digit.starts_with('8'));
    if !starts_like_phone || digits > MAX_PHONE_DIGITS {
        return None;
    }
    NormalisedIdentifier::new(IdentifierKind::Phone, candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<String> {
        contacts_in_text(text)
            .iter()
            .map(|identifier| identifier.value().to_string())
            .collect()
    }

    #[test]
    fn finds_numbers_in_their_usual_disguises() {
        assert_eq!(
            values("Order? WA 0812-2233-4455 atau wa.me/6281399887766"),
            ["+6281222334455", "+6281399887766"]
        );
        assert_eq!(values("hub hp: 812 2233 4455"), ["+6281222334455"]);
        assert_eq!(
            values("0812 2233 4455 0813 9988 7766"),
            ["+6281222334455", "+6281399887766"]
        );
        assert_eq!(values("(+62) 812.2233.4455!"), ["+6281222334455"]);
    }

    #[test]
    fn finds_emails_also_spelt_out() {
        assert_eq!(
            values("email budi.santoso [at] gmail [dot] com. Ready"),
            ["budisantoso@gmail.com"]
        );
        assert_eq!(values("Kontak: Toko@Yahoo.co.id"), ["toko@yahoo.co.id"]);
    }

    #[test]
    fn prices_sizes_hours_and_codes_are_not_numbers() {
        assert!(
            values(
                "Harga Rp 150.000 - 200.000, buka 08.00 - 21.00, ukuran 30 x 40, kode 8812233445"
            )
            .is_empty()
        );
    }
}
