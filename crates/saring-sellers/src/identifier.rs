//! Seller identifiers and their canonical forms.
//!
//! Each normaliser maps the many ways a seller writes one identifier to one canonical form,
//! and returns `None` for values that identify nobody: placeholders ("0000", "-", "n/a"),
//! repeated or sequential digits, values too short to be specific, phone model names given
//! as device ids, and addresses without a house or unit number. A `None` never links.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The kinds of seller identifier saring compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdentifierKind {
    /// A phone or WhatsApp number.
    Phone,
    /// An e-mail address.
    Email,
    /// A bank account or e-wallet number used for payouts.
    BankAccount,
    /// A pick-up or shop address.
    Address,
    /// A device fingerprint observed by the platform.
    DeviceId,
}

impl IdentifierKind {
    /// Every kind, in a stable order.
    pub const ALL: [IdentifierKind; 5] = [
        IdentifierKind::Phone,
        IdentifierKind::Email,
        IdentifierKind::BankAccount,
        IdentifierKind::Address,
        IdentifierKind::DeviceId,
    ];

    /// The snake_case name used in records and keyed hashes.
    pub fn as_str(self) -> &'static str {
        match self {
            IdentifierKind::Phone => "phone",
            IdentifierKind::Email => "email",
            IdentifierKind::BankAccount => "bank_account",
            IdentifierKind::Address => "address",
            IdentifierKind::DeviceId => "device_id",
        }
    }

    /// The name a reviewer reads ("bank account").
    pub fn label(self) -> &'static str {
        match self {
            IdentifierKind::Phone => "phone",
            IdentifierKind::Email => "e-mail",
            IdentifierKind::BankAccount => "bank account",
            IdentifierKind::Address => "address",
            IdentifierKind::DeviceId => "device id",
        }
    }
}

impl fmt::Display for IdentifierKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// An identifier in canonical form. It is personal data in clear, for the caller's own use
/// (hash it with [`crate::DeploymentSecret::key`] before storing); `Debug` hides the value.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct NormalisedIdentifier {
    kind: IdentifierKind,
    value: String,
}

impl NormalisedIdentifier {
    /// Normalises `raw` as an identifier of `kind`; `None` for generic or invalid values.
    pub fn new(kind: IdentifierKind, raw: &str) -> Option<Self> {
        let value = match kind {
            IdentifierKind::Phone => normalise_phone(raw),
            IdentifierKind::Email => normalise_email(raw),
            IdentifierKind::BankAccount => normalise_bank_account(raw),
            IdentifierKind::Address => normalise_address(raw),
            IdentifierKind::DeviceId => normalise_device_id(raw),
        }?;
        Some(Self { kind, value })
    }

    /// The kind of identifier.
    pub fn kind(&self) -> IdentifierKind {
        self.kind
    }

    /// The canonical value, in clear.
    pub fn value(&self) -> &str {
        &self.value
    }
}

impl fmt::Debug for NormalisedIdentifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "NormalisedIdentifier({}, <redacted>)",
            self.kind.as_str()
        )
    }
}

/// Fewest digits of a national phone number (without country code or trunk `0`).
const MIN_NATIONAL_DIGITS: usize = 8;
/// Most digits of a national phone number.
const MAX_NATIONAL_DIGITS: usize = 12;
/// Digits at the end of a number checked for placeholder patterns (all same, sequential).
const SUBSCRIBER_TAIL: usize = 6;

/// Canonical phone number: `+62` and the national number for Indonesia, whether written
/// `+62 812-...`, `62812...`, `0062 812...`, `0812...`, `(0812) ...` or `+62 (0)812...`;
/// `+` and the digits for other countries given with `+` or `00`. Spaces, dashes, dots,
/// slashes and parentheses are ignored; letters make it no phone number.
pub fn normalise_phone(raw: &str) -> Option<String> {
    let mut digits = String::new();
    let mut plus = false;
    for c in raw.trim().chars() {
        match c {
            '0'..='9' => digits.push(c),
            '+' if digits.is_empty() && !plus => plus = true,
            ' ' | '-' | '.' | '(' | ')' | '/' | '\u{a0}' => {}
            _ => return None,
        }
    }
    let international = if plus {
        Some(digits.as_str())
    } else {
        digits.strip_prefix("00")
    };
    let national = match international {
        Some(number) => match number.strip_prefix("62") {
            Some(indonesian) => indonesian,
            None => return foreign_phone(number),
        },
        None => digits
            .strip_prefix("62")
            .or_else(|| digits.strip_prefix('0'))
            .or_else(|| digits.starts_with('8').then_some(digits.as_str()))?,
    };
    // "+62 (0)812...": the trunk zero written after the country code.
    let national = national.strip_prefix('0').unwrap_or(national);
    let plausible = (MIN_NATIONAL_DIGITS..=MAX_NATIONAL_DIGITS).contains(&national.len())
        && !national.starts_with('0');
    (plausible && !is_placeholder_number(national)).then(|| format!("+62{national}"))
}

/// A number with a foreign country code (Malaysia `+60`, Singapore `+65`...).
fn foreign_phone(number: &str) -> Option<String> {
    let plausible = (MIN_NATIONAL_DIGITS + 1..=15).contains(&number.len())
        && !number.starts_with('0')
        && !is_placeholder_number(number);
    plausible.then(|| format!("+{number}"))
}

/// Numbers nobody owns: few distinct digits, or a tail that is one digit repeated or a
/// run like `456789` / `987654` ("0812-3456-7890" is everyone's example number).
fn is_placeholder_number(digits: &str) -> bool {
    let bytes = digits.as_bytes();
    let mut distinct: Vec<u8> = bytes.to_vec();
    distinct.sort_unstable();
    distinct.dedup();
    if distinct.len() <= 2 {
        return true;
    }
    let tail = &bytes[bytes.len().saturating_sub(SUBSCRIBER_TAIL)..];
    let steps: Vec<i16> = tail
        .windows(2)
        .map(|pair| (i16::from(pair[1]) - i16::from(pair[0])).rem_euclid(10))
        .collect();
    let uniform = |step: i16| steps.iter().all(|s| *s == step);
    uniform(0) || uniform(1) || uniform(9)
}

/// Local parts that are placeholders whatever the domain.
const PLACEHOLDER_LOCAL_PARTS: [&str; 14] = [
    "test", "tes", "noreply", "no-reply", "none", "null", "nomail", "tidakada", "kosong", "admin",
    "email", "mail", "user", "example",
];
/// Domains that are placeholders.
const PLACEHOLDER_DOMAINS: [&str; 7] = [
    "example.com",
    "example.org",
    "example.net",
    "test.com",
    "domain.com",
    "email.com",
    "mailinator.com",
];

/// Canonical e-mail: lowercase, whitespace removed, `+tag` dropped, Gmail dots removed and
/// `googlemail.com` read as `gmail.com`. Placeholders (`test@test.com`, `-@-`,
/// `x@example.com`) give `None`.
pub fn normalise_email(raw: &str) -> Option<String> {
    let compact: String = raw
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    let (local, domain) = compact.split_once('@')?;
    let domain = domain.trim_end_matches('.');
    let valid_domain = domain.contains('.')
        && domain.split('.').all(|label| {
            !label.is_empty() && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
    let valid_local = !local.is_empty()
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._%+-".contains(c));
    if !(valid_domain && valid_local) {
        return None;
    }
    let local = local.split('+').next().unwrap_or_default();
    let domain = if domain == "googlemail.com" {
        "gmail.com"
    } else {
        domain
    };
    let local = if domain == "gmail.com" {
        local.replace('.', "")
    } else {
        local.trim_matches('.').to_string()
    };
    let mut distinct: Vec<char> = local.chars().collect();
    distinct.sort_unstable();
    distinct.dedup();
    let placeholder = distinct.len() <= 1
        || PLACEHOLDER_LOCAL_PARTS.contains(&local.as_str())
        || PLACEHOLDER_DOMAINS.contains(&domain);
    (!placeholder).then(|| format!("{local}@{domain}"))
}

/// Banks and e-wallets by canonical code, with the names sellers write for them (as
/// lowercase word sequences).
const BANKS: [(&str, &[&str]); 20] = [
    ("bca", &["bca", "bank central asia"]),
    ("bri", &["bri", "bank rakyat indonesia"]),
    ("bni", &["bni", "bank negara indonesia"]),
    ("mandiri", &["mandiri"]),
    ("bsi", &["bsi", "bank syariah indonesia"]),
    ("cimb", &["cimb", "niaga"]),
    ("permata", &["permata"]),
    ("danamon", &["danamon"]),
    ("btn", &["btn", "bank tabungan negara"]),
    ("jago", &["jago"]),
    ("seabank", &["seabank", "sea bank"]),
    ("ocbc", &["ocbc", "nisp"]),
    ("panin", &["panin"]),
    ("btpn", &["btpn", "jenius"]),
    ("bjb", &["bjb"]),
    ("mega", &["bank mega"]),
    ("dana", &["dana"]),
    ("ovo", &["ovo"]),
    ("gopay", &["gopay", "go pay"]),
    ("shopeepay", &["shopeepay", "shopee pay", "spay"]),
];
/// E-wallets, whose account number is the owner's phone number.
const E_WALLETS: [&str; 4] = ["dana", "ovo", "gopay", "shopeepay"];
/// Fewest digits of a bank account number.
const MIN_ACCOUNT_DIGITS: usize = 8;
/// Most digits of a bank account number.
const MAX_ACCOUNT_DIGITS: usize = 20;

/// Canonical bank account: `bank:digits` when a bank or e-wallet is named ("BCA 441-023-8876",
/// "Bank Central Asia 4410238876 a/n Budi" both give `bca:4410238876`), the digits alone
/// otherwise. E-wallet numbers are phone numbers and are normalised as such.
pub fn normalise_bank_account(raw: &str) -> Option<String> {
    let lowered = raw.to_lowercase();
    let words = word_string(&lowered);
    // A canonical account names its bank by code (`mega:...`), which need not be one of the
    // bank's written names ("bank mega"): read it back as that bank.
    let canonical_prefix = |code: &str| {
        lowered
            .trim_start()
            .strip_prefix(code)
            .is_some_and(|rest| rest.starts_with(':'))
    };
    let bank = BANKS.iter().find_map(|(code, names)| {
        (canonical_prefix(code)
            || names
                .iter()
                .any(|name| words.contains(&format!(" {name} "))))
        .then_some(*code)
    });
    let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
    let number = match bank {
        Some(wallet) if E_WALLETS.contains(&wallet) => {
            let start = raw.find(|c: char| c.is_ascii_digit() || c == '+')?;
            normalise_phone(&raw[start..])?
        }
        _ => {
            let plausible = (MIN_ACCOUNT_DIGITS..=MAX_ACCOUNT_DIGITS).contains(&digits.len());
            if !plausible || is_placeholder_number(&digits) {
                return None;
            }
            digits
        }
    };
    Some(match bank {
        Some(code) => format!("{code}:{number}"),
        None => number,
    })
}

/// Lowercase words of `text` joined by single spaces, with a space at each end so that
/// `contains(" name ")` matches whole words.
fn word_string(text: &str) -> String {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    format!(" {} ", words.join(" "))
}

/// Address abbreviations and their full form.
const ADDRESS_ABBREVIATIONS: [(&str, &str); 14] = [
    ("jl", "jalan"),
    ("jln", "jalan"),
    ("gg", "gang"),
    ("kec", "kecamatan"),
    ("kel", "kelurahan"),
    ("kab", "kabupaten"),
    ("lt", "lantai"),
    ("lnt", "lantai"),
    ("blk", "blok"),
    ("kav", "kavling"),
    ("prov", "provinsi"),
    ("komp", "kompleks"),
    ("perum", "perumahan"),
    ("ds", "desa"),
];
/// Words that carry nothing once numbers are kept ("No. 12" and "12" are one address).
const ADDRESS_FILLER: [&str; 6] = ["no", "nomor", "nmr", "nomer", "indonesia", "num"];
/// Digits of an Indonesian postal code, dropped because sellers add or omit it.
const POSTAL_CODE_DIGITS: usize = 5;
/// Fewest words of a specific address (a street or building name and a number).
const MIN_ADDRESS_WORDS: usize = 3;

/// Canonical address: lowercase words with abbreviations expanded ("Jl." to "jalan", "Lt"
/// to "lantai"), letters and digits split ("A3" to "a 3"), leading zeros, "No." and postal
/// codes dropped. Unit, block and house numbers are kept, so one mall or street with another
/// unit is another address; an address without any number gives `None` (a whole mall or
/// street is shared by many sellers).
pub fn normalise_address(raw: &str) -> Option<String> {
    let lower = raw.to_lowercase();
    let mut words: Vec<String> = Vec::new();
    for token in lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
    {
        for piece in split_letters_and_digits(token) {
            if piece.chars().all(|c| c.is_ascii_digit()) {
                // Leading zeros go first, so that the postal-code test sees the number as the
                // canonical form writes it ("014477" would otherwise be kept as "14477",
                // which is dropped when the canonical form is read again).
                let trimmed = piece.trim_start_matches('0');
                if trimmed.len() == POSTAL_CODE_DIGITS {
                    continue;
                }
                words.push(if trimmed.is_empty() { "0" } else { trimmed }.to_string());
            } else if !ADDRESS_FILLER.contains(&piece) {
                let expanded = ADDRESS_ABBREVIATIONS
                    .iter()
                    .find(|(short, _)| *short == piece)
                    .map_or(piece, |(_, long)| long);
                words.push(expanded.to_string());
            }
        }
    }
    let has_number = words
        .iter()
        .any(|w| w.chars().all(|c| c.is_ascii_digit()) && w != "0");
    (has_number && words.len() >= MIN_ADDRESS_WORDS).then(|| words.join(" "))
}

/// Splits a token where letters meet digits: "a3" to ["a", "3"], "lt2" to ["lt", "2"].
fn split_letters_and_digits(token: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut previous_digit = None;
    for (index, c) in token.char_indices() {
        let digit = c.is_ascii_digit();
        if previous_digit.is_some_and(|was| was != digit) {
            pieces.push(&token[start..index]);
            start = index;
        }
        previous_digit = Some(digit);
    }
    pieces.push(&token[start..]);
    pieces
}

/// Words that name a phone, its maker or its system: a device id containing one is a model
/// name ("iPhone 13 Pro", "Redmi Note 10"), not a fingerprint.
const DEVICE_MODEL_WORDS: [&str; 30] = [
    "iphone", "ipad", "apple", "samsung", "galaxy", "redmi", "xiaomi", "poco", "oppo", "vivo",
    "realme", "infinix", "tecno", "itel", "huawei", "honor", "nokia", "asus", "lenovo", "pixel",
    "oneplus", "motorola", "android", "ios", "note", "pro", "max", "plus", "unknown", "device",
];
/// Fewest characters of a device id (Android ids have 16 hex digits, IDFAs 32).
const MIN_DEVICE_ID_CHARS: usize = 12;
/// Fewest distinct characters of a device id ("000000000000", "abababababab" are not ids).
const MIN_DEVICE_ID_DISTINCT: usize = 6;

/// Canonical device id: lowercase ASCII letters and digits, separators (`-`, `:`, `_`,
/// `.`, spaces, braces) removed. Model names ("iPhone 13 Pro", "SM-A515F", "Redmi Note 10"),
/// ids shorter than 12 characters, with fewer than 6 distinct characters, or made of
/// letters only give `None`.
pub fn normalise_device_id(raw: &str) -> Option<String> {
    let lower = raw.to_lowercase();
    let words = word_string(&lower);
    let compact: String = lower
        .chars()
        .filter(|c| !matches!(c, '-' | ':' | '_' | '.' | ' ' | '{' | '}'))
        .collect();
    // Judged on the compact form too, so that what this returns is read back the same way
    // (" oneplus445 445" once gave "oneplus445445", which was then read as a model name).
    let names_model = DEVICE_MODEL_WORDS
        .iter()
        .any(|word| words.contains(&format!(" {word} ")) || compact.starts_with(word));
    if names_model {
        return None;
    }
    let mut distinct: Vec<char> = compact.chars().collect();
    distinct.sort_unstable();
    distinct.dedup();
    let opaque = compact.len() >= MIN_DEVICE_ID_CHARS
        && distinct.len() >= MIN_DEVICE_ID_DISTINCT
        && compact.chars().all(|c| c.is_ascii_alphanumeric())
        && compact.chars().any(|c| c.is_ascii_digit());
    opaque.then_some(compact)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_forms_meet() {
        for raw in [
            "0812-2233-4455",
            "+62 812 2233 4455",
            "62812.2233.4455",
            "(0812) 2233 4455",
            "+62 (0)812-2233-4455",
            "0062 812 2233 4455",
            "812 2233 4455",
        ] {
            assert_eq!(
                normalise_phone(raw).as_deref(),
                Some("+6281222334455"),
                "{raw}"
            );
        }
        assert_eq!(
            normalise_phone("+60 12-345 6781").as_deref(),
            Some("+60123456781")
        );
    }

    #[test]
    fn placeholder_and_malformed_phones_are_none() {
        for raw in [
            "0000",
            "-",
            "n/a",
            "0812-3456-7890",
            "0888 8888 8888",
            "081200000000",
            "0812 9876 5432",
            "0812",
            "0812-2233-4455 ext",
            "123456789012",
        ] {
            assert_eq!(normalise_phone(raw), None, "{raw}");
        }
    }

    #[test]
    fn email_variants_meet_and_placeholders_vanish() {
        for raw in [
            "Budi.Santoso@gmail.com",
            " budisantoso+toko@GMAIL.com ",
            "b.u.d.i.santoso@googlemail.com",
        ] {
            assert_eq!(
                normalise_email(raw).as_deref(),
                Some("budisantoso@gmail.com"),
                "{raw}"
            );
        }
        assert_eq!(
            normalise_email("Budi.Santoso@yahoo.co.id").as_deref(),
            Some("budi.santoso@yahoo.co.id")
        );
        for raw in [
            "-",
            "n/a",
            "test@test.com",
            "x@example.com",
            "aaa@gmail.com",
            "a@b",
        ] {
            assert_eq!(normalise_email(raw), None, "{raw}");
        }
    }

    /// Found by the seller_identifier fuzz target: "mega:..." lost its bank when read again,
    /// because the bank's written name is "bank mega".
    #[test]
    fn canonical_bank_accounts_are_their_own_canonical_form() {
        for raw in [
            "bank mega 121-218-2235",
            "\u{8e}2 devicago 2 bank mega 121e 8)+223\t\0\0\x005",
            "BCA 4410238876",
            "Bank Central Asia 4410 2388 76",
            "DANA 0812-2233-4455",
            "seabank 9017 3358 2261",
            "4410238876",
        ] {
            let canonical = normalise_bank_account(raw);
            assert!(canonical.is_some(), "{raw}");
            let again = canonical.as_deref().and_then(normalise_bank_account);
            assert_eq!(again, canonical, "{raw}");
        }
        assert_eq!(
            normalise_bank_account("bank mega 121-218-2235").as_deref(),
            Some("mega:1212182235")
        );
    }

    /// Found by the seller_identifier fuzz target: a leading space hid the model name from
    /// the first reading but not from the second.
    #[test]
    fn device_ids_are_their_own_canonical_form() {
        for raw in [
            " oneplus445  445 2233",
            "a3f9-44c1-9be2-1177",
            " 8f2c 77aa 91de",
        ] {
            let canonical = normalise_device_id(raw);
            let again = canonical.as_deref().and_then(normalise_device_id);
            assert_eq!(again, canonical, "{raw:?}");
        }
        assert_eq!(normalise_device_id(" oneplus445  445 2233"), None);
    }

    #[test]
    fn bank_accounts_keep_bank_and_digits() {
        for raw in [
            "BCA 4410238876",
            "bca 441-023-8876",
            "Bank Central Asia 4410 2388 76 a/n Budi",
        ] {
            assert_eq!(
                normalise_bank_account(raw).as_deref(),
                Some("bca:4410238876"),
                "{raw}"
            );
        }
        assert_eq!(
            normalise_bank_account("DANA 0812-2233-4455").as_deref(),
            Some("dana:+6281222334455")
        );
        assert_eq!(
            normalise_bank_account("4410238876").as_deref(),
            Some("4410238876")
        );
        for raw in ["-", "BCA 0000000000", "BRI 123", "1234567890"] {
            assert_eq!(normalise_bank_account(raw), None, "{raw}");
        }
    }

    #[test]
    fn addresses_keep_units_apart() {
        let a = normalise_address("ITC Mangga Dua Lt. 2 Blok C No. 15, Jakarta 14430");
        let b = normalise_address("itc mangga dua LT2 blok C-15 jakarta");
        let other_unit = normalise_address("ITC Mangga Dua Lt 2 Blok C No 16, Jakarta");
        assert_eq!(
            a.as_deref(),
            Some("itc mangga dua lantai 2 blok c 15 jakarta")
        );
        assert_eq!(a, b);
        assert_ne!(a, other_unit);
        assert_eq!(normalise_address("Pasar Senen, Jakarta Pusat"), None);
        assert_eq!(normalise_address("-"), None);
    }

    /// Found by the `seller_identifier` fuzz target: "014477" was kept as "14477", a
    /// five-digit number that reading the canonical form again dropped as a postal code.
    #[test]
    fn canonical_addresses_are_their_own_canonical_form() {
        for raw in [
            "BRI 0231-01-014477-50-3",
            "Jl. Gedebage Selatan No. 012, Kota Bandung 040286",
            "Ruko Blok A 00012 No 7",
        ] {
            let canonical = normalise_address(raw).expect("an address with numbers");
            assert_eq!(
                normalise_address(&canonical).as_deref(),
                Some(canonical.as_str()),
                "{raw}"
            );
        }
    }

    #[test]
    fn device_ids_reject_model_names() {
        assert_eq!(
            normalise_device_id("A3F9-1C2D-77E0-B845").as_deref(),
            Some("a3f91c2d77e0b845")
        );
        for raw in [
            "iPhone 13 Pro",
            "SM-A515F",
            "Redmi Note 10",
            "OPPO CPH2127",
            "0000-0000-0000-0000",
            "unknown",
            "abcdefghijklmnop",
        ] {
            assert_eq!(normalise_device_id(raw), None, "{raw}");
        }
    }
}
