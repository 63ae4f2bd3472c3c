//! The ban-evasion scenario: banned sellers, their re-registrations (each sharing one
//! signal with the banned seller, written differently) and innocent sellers built around
//! every trap the issue lists, on a background of ordinary sellers. Measures the share of
//! re-registrations linked and of innocents falsely linked, and the same for re-listings.
//!
//! `cargo test -p saring-sellers --test scenario -- --nocapture` prints the figures.

use std::collections::BTreeMap;

use saring_core::{Listing, Platform, Seller};
use saring_sellers::{
    DeploymentSecret, EvidenceKind, LinkConfig, LinkIndex, ListingSketch, PdqHash,
    SellerFingerprint, SellerRef,
};

const SEED: u64 = 0x5a21_4e67;
const BANNED: usize = 60;
const BACKGROUND: usize = 1500;

/// splitmix64: a small deterministic generator, so the scenario is the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound as u64) as usize
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn digits(&mut self, count: usize) -> String {
        (0..count)
            .map(|_| char::from(b'0' + self.below(10) as u8))
            .collect()
    }

    fn hex(&mut self, count: usize) -> String {
        (0..count)
            .map(|_| char::from(b"0123456789abcdef"[self.below(16)]))
            .collect()
    }

    fn photo(&mut self) -> PdqHash {
        PdqHash([self.next(), self.next(), self.next(), self.next()])
    }

    /// `photo` with `bits` distinct random bits flipped: a re-compressed or resized copy.
    fn recompressed(&mut self, photo: PdqHash, bits: usize) -> PdqHash {
        let mut copy = photo;
        let mut flipped = Vec::new();
        while flipped.len() < bits {
            let bit = self.below(256);
            if !flipped.contains(&bit) {
                flipped.push(bit);
                copy.0[bit / 64] ^= 1 << (bit % 64);
            }
        }
        copy
    }
}

const BOILERPLATE: [&str; 8] = [
    "Barang ready stock langsung order saja kak.",
    "Pengiriman setiap hari kecuali hari minggu dan tanggal merah.",
    "Jangan lupa follow toko kami untuk update produk terbaru.",
    "Kepuasan pelanggan adalah prioritas utama kami.",
    "Mohon cantumkan ukuran dan warna di catatan pesanan.",
    "Produk sesuai foto dan deskripsi dijamin original.",
    "Retur hanya berlaku dengan video unboxing tanpa jeda.",
    "Silakan chat admin untuk pertanyaan lebih lanjut.",
];

/// Courier hotlines that many sellers quote in their descriptions.
const COURIER_LINES: [&str; 3] = [
    "Cek resi JNE hotline (021) 2927 8888.",
    "Komplain paket J&T hubungi 021-8066-1888.",
    "SiCepat CS 021 5020 0050.",
];

const MODEL_NAMES: [&str; 6] = [
    "iPhone 13 Pro",
    "SM-A515F",
    "Redmi Note 10",
    "OPPO CPH2127",
    "vivo 1906",
    "Infinix Hot 10",
];

const PLACEHOLDER_DEVICE_IDS: [&str; 3] = ["00000000-0000-0000-0000-000000000000", "-", "n/a"];
const PLACEHOLDER_EMAILS: [&str; 4] = ["-", "test@test.com", "noemail@gmail.com", "n/a"];
const PLACEHOLDER_PHONES: [&str; 3] = ["0000", "-", "08123456789"];

const MALLS: [&str; 4] = [
    "ITC Mangga Dua",
    "Pasar Baru Trade Center",
    "Blok M Square",
    "Thamrin City",
];
const STREETS: [&str; 6] = [
    "Kebon Jeruk",
    "Gedebage Selatan",
    "Cihampelas",
    "Pasar Senen",
    "Kramat Raya",
    "Soekarno Hatta",
];
const CITIES: [&str; 4] = ["Jakarta Pusat", "Bandung", "Medan", "Makassar"];
const BANKS: [&str; 4] = ["BCA", "BRI", "Mandiri", "BNI"];

/// The signal a re-registration shares with its banned seller.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Shared {
    Phone,
    Email,
    BankAccount,
    Address,
    DeviceId,
    Photo,
    Description,
    NumberInDescription,
}

const SHARED_KINDS: [Shared; 8] = [
    Shared::Phone,
    Shared::Email,
    Shared::BankAccount,
    Shared::Address,
    Shared::DeviceId,
    Shared::Photo,
    Shared::Description,
    Shared::NumberInDescription,
];

impl Shared {
    fn evidence(self) -> EvidenceKind {
        match self {
            Shared::Photo => EvidenceKind::Photo,
            Shared::Description => EvidenceKind::Text,
            _ => EvidenceKind::Identifier,
        }
    }
}

/// The trap an innocent seller is built around.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Trap {
    PlaceholderIds,
    CourierHotline,
    SameMallOtherUnit,
    SameStreetOtherNumber,
    Boilerplate,
    StockPhoto,
    ModelNameDeviceId,
    NumberTwoDigitsAway,
    AccountTwoDigitsAway,
}

const TRAPS: [Trap; 9] = [
    Trap::PlaceholderIds,
    Trap::CourierHotline,
    Trap::SameMallOtherUnit,
    Trap::SameStreetOtherNumber,
    Trap::Boilerplate,
    Trap::StockPhoto,
    Trap::ModelNameDeviceId,
    Trap::NumberTwoDigitsAway,
    Trap::AccountTwoDigitsAway,
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Banned,
    ReRegistration { banned: usize, shared: Shared },
    Innocent(Trap),
    Background,
}

/// Raw seller details, before any normalisation.
#[derive(Debug, Clone)]
struct Profile {
    phone: String,
    email: String,
    bank: String,
    account: String,
    street: String,
    number: usize,
    mall: bool,
    city: String,
    device_id: String,
}

struct ListingSpec {
    title: String,
    sentences: Vec<String>,
    photos: Vec<PdqHash>,
}

struct SimSeller {
    id: String,
    role: Role,
    profile: Profile,
    address: String,
    /// The details seen on the second listing, when they differ (a banned seller seen on a
    /// second device, or giving a placeholder e-mail once).
    second_profile: Option<Profile>,
    listings: Vec<ListingSpec>,
}

struct World {
    rng: Rng,
    vocabulary: Vec<String>,
    stock_photos: Vec<PdqHash>,
    next_number: usize,
    sellers: Vec<SimSeller>,
}

impl World {
    fn new(seed: u64) -> Self {
        let mut rng = Rng(seed);
        let consonants = b"bcdfghjklmnprstw";
        let vowels = b"aeiou";
        let mut vocabulary = Vec::new();
        while vocabulary.len() < 600 {
            let syllables = 2 + rng.below(2);
            let word: String = (0..syllables)
                .flat_map(|_| {
                    [
                        char::from(consonants[rng.below(consonants.len())]),
                        char::from(vowels[rng.below(vowels.len())]),
                    ]
                })
                .collect();
            if !vocabulary.contains(&word) {
                vocabulary.push(word);
            }
        }
        let stock_photos = (0..6).map(|_| rng.photo()).collect();
        Self {
            rng,
            vocabulary,
            stock_photos,
            next_number: 1,
            sellers: Vec::new(),
        }
    }

    fn sentence(&mut self) -> String {
        let words = 7 + self.rng.below(6);
        let mut text: Vec<String> = (0..words)
            .map(|_| self.rng.pick(&self.vocabulary).clone())
            .collect();
        text[0] = capitalised(&text[0]);
        format!("{}.", text.join(" "))
    }

    fn title(&mut self) -> String {
        (0..5)
            .map(|_| self.rng.pick(&self.vocabulary).clone())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// A house or unit number no other seller has.
    fn unique_number(&mut self) -> usize {
        self.next_number += 1;
        self.next_number
    }

    fn mobile(&mut self) -> String {
        // Operator prefixes 0811-0813, 0821-0823, 0852-0853, 0857, 0877-0878, 0896.
        let prefix = *self.rng.pick(&[
            "0811", "0812", "0813", "0821", "0822", "0852", "0857", "0877", "0896",
        ]);
        format!("{prefix}{}", self.rng.digits(8))
    }

    fn fresh_profile(&mut self) -> Profile {
        let first = capitalised(&self.rng.pick(&self.vocabulary).clone());
        let last = capitalised(&self.rng.pick(&self.vocabulary).clone());
        let mall = self.rng.chance(30);
        let street = if mall {
            self.rng.pick(&MALLS).to_string()
        } else {
            self.rng.pick(&STREETS).to_string()
        };
        Profile {
            phone: self.mobile(),
            email: format!("{first}.{last}{}@gmail.com", self.rng.digits(2)),
            bank: self.rng.pick(&BANKS).to_string(),
            account: format!("{}{}", 1 + self.rng.below(9), self.rng.digits(9)),
            street,
            number: self.unique_number(),
            mall,
            city: self.rng.pick(&CITIES).to_string(),
            device_id: self.rng.hex(16),
        }
    }

    /// A listing with its own sentences, 0-2 boilerplate sentences, sometimes a courier
    /// hotline, and 2 photos of its own.
    fn fresh_listing(&mut self) -> ListingSpec {
        let mut sentences: Vec<String> = (0..3 + self.rng.below(2))
            .map(|_| self.sentence())
            .collect();
        for _ in 0..self.rng.below(3) {
            sentences.push(self.rng.pick(&BOILERPLATE).to_string());
        }
        if self.rng.chance(25) {
            sentences.push(self.rng.pick(&COURIER_LINES).to_string());
        }
        ListingSpec {
            title: self.title(),
            sentences,
            photos: vec![self.rng.photo(), self.rng.photo()],
        }
    }

    fn stock_photo_copy(&mut self) -> PdqHash {
        let stock = *self.rng.pick(&self.stock_photos);
        let bits = self.rng.below(5);
        self.rng.recompressed(stock, bits)
    }

    fn push(&mut self, role: Role, profile: Profile, address: String, listings: Vec<ListingSpec>) {
        let id = format!("seller-{}", self.sellers.len());
        self.sellers.push(SimSeller {
            id,
            role,
            profile,
            address,
            second_profile: None,
            listings,
        });
    }

    /// A banned seller: fresh details, two listings, sometimes a placeholder or model-name
    /// device id, a placeholder e-mail, a brand stock photo or a courier hotline, so that
    /// the innocents built around those traps share them with a banned seller.
    fn add_banned(&mut self, number: usize) {
        let profile = self.fresh_profile();
        let mut second_profile = profile.clone();
        match number % 5 {
            0 => second_profile.device_id = self.rng.pick(&MODEL_NAMES).to_string(),
            1 => second_profile.device_id = self.rng.pick(&PLACEHOLDER_DEVICE_IDS).to_string(),
            _ => {}
        }
        if number.is_multiple_of(7) {
            second_profile.email = self.rng.pick(&PLACEHOLDER_EMAILS).to_string();
        }
        let mut listings = vec![self.fresh_listing(), self.fresh_listing()];
        if number.is_multiple_of(3) {
            let stock = self.stock_photo_copy();
            listings[1].photos.push(stock);
        }
        if number.is_multiple_of(4) {
            let courier = self.rng.pick(&COURIER_LINES).to_string();
            listings[0].sentences.push(courier);
        }
        if number.is_multiple_of(6) {
            let mut sentences: Vec<String> = BOILERPLATE.iter().map(|s| s.to_string()).collect();
            sentences.truncate(5);
            sentences.push(self.sentence());
            listings[1].sentences = sentences;
        }
        let address = written_address(&profile, false);
        self.push(Role::Banned, profile, address, listings);
        if let Some(banned) = self.sellers.last_mut() {
            banned.second_profile = Some(second_profile);
        }
    }

    /// One re-registration of banned seller `banned` sharing one signal, written differently.
    fn add_re_registration(&mut self, banned: usize, shared: Shared) {
        let original = self.sellers[banned].profile.clone();
        let mut profile = self.fresh_profile();
        let mut listing = self.fresh_listing();
        let mut address = written_address(&profile, false);
        match shared {
            Shared::Phone => profile.phone = reformatted_phone(&original.phone, &mut self.rng),
            Shared::Email => profile.email = email_variant(&original.email, &mut self.rng),
            Shared::BankAccount => {
                profile.bank = original.bank.clone();
                profile.account = original.account.clone();
                address = written_address(&profile, false);
            }
            Shared::Address => {
                profile.street = original.street.clone();
                profile.number = original.number;
                profile.mall = original.mall;
                profile.city = original.city.clone();
                address = written_address(&profile, true);
            }
            Shared::DeviceId => profile.device_id = device_variant(&original.device_id),
            Shared::Photo => {
                let photo = self.sellers[banned].listings[0].photos[0];
                let bits = 1 + self.rng.below(8);
                listing.photos[0] = self.rng.recompressed(photo, bits);
            }
            Shared::Description => {
                let source = &self.sellers[banned].listings[0];
                let mut sentences = source.sentences.clone();
                let title = source.title.clone();
                let replacement = self.rng.pick(&self.vocabulary).clone();
                rewrite_one_word(&mut sentences[0], &replacement);
                sentences.rotate_left(1);
                listing.sentences = sentences;
                listing.title = format!("{title} murah");
            }
            Shared::NumberInDescription => {
                let phone = reformatted_phone(&original.phone, &mut self.rng);
                listing
                    .sentences
                    .push(format!("Order via WA {phone} ya kak"));
                profile.phone = "-".to_string();
            }
        }
        let listings = vec![listing];
        self.push(
            Role::ReRegistration { banned, shared },
            profile,
            address,
            listings,
        );
    }

    /// An innocent seller built around `trap`, next to banned seller `banned`.
    fn add_innocent(&mut self, banned: usize, trap: Trap) {
        let near = self.sellers[banned].profile.clone();
        let mut profile = self.fresh_profile();
        let mut listing = self.fresh_listing();
        match trap {
            Trap::PlaceholderIds => {
                profile.phone = self.rng.pick(&PLACEHOLDER_PHONES).to_string();
                profile.email = self.rng.pick(&PLACEHOLDER_EMAILS).to_string();
                profile.device_id = self.rng.pick(&PLACEHOLDER_DEVICE_IDS).to_string();
                profile.account = "-".to_string();
            }
            Trap::CourierHotline => {
                let courier = self.rng.pick(&COURIER_LINES).to_string();
                listing.sentences.push(courier);
            }
            Trap::SameMallOtherUnit => {
                profile.street = self.rng.pick(&MALLS).to_string();
                profile.mall = true;
                profile.city = near.city.clone();
                if near.mall {
                    profile.street = near.street.clone();
                }
            }
            Trap::SameStreetOtherNumber => {
                profile.street = near.street.clone();
                profile.mall = near.mall;
                profile.city = near.city.clone();
            }
            Trap::Boilerplate => {
                let mut sentences: Vec<String> =
                    BOILERPLATE.iter().map(|s| s.to_string()).collect();
                sentences.truncate(3 + self.rng.below(5));
                sentences.push(self.sentence());
                listing.sentences = sentences;
            }
            Trap::StockPhoto => {
                let stock = self.stock_photo_copy();
                listing.photos = vec![stock];
            }
            Trap::ModelNameDeviceId => {
                profile.device_id = self.rng.pick(&MODEL_NAMES).to_string();
            }
            Trap::NumberTwoDigitsAway => {
                profile.phone = digits_away(&near.phone, 2, &mut self.rng);
                listing
                    .sentences
                    .push(format!("WA {}", digits_away(&near.phone, 2, &mut self.rng)));
            }
            Trap::AccountTwoDigitsAway => {
                profile.bank = near.bank.clone();
                profile.account = digits_away(&near.account, 2, &mut self.rng);
            }
        }
        let address = written_address(&profile, self.rng.chance(50));
        self.push(Role::Innocent(trap), profile, address, vec![listing]);
    }

    /// An ordinary seller: like anyone, sometimes with placeholders, a model name as device
    /// id, a brand stock photo or a courier hotline.
    fn add_background(&mut self) {
        let mut profile = self.fresh_profile();
        let mut listing = self.fresh_listing();
        if self.rng.chance(30) {
            profile.device_id = self.rng.pick(&MODEL_NAMES).to_string();
        } else if self.rng.chance(10) {
            profile.device_id = self.rng.pick(&PLACEHOLDER_DEVICE_IDS).to_string();
        }
        if self.rng.chance(8) {
            profile.email = self.rng.pick(&PLACEHOLDER_EMAILS).to_string();
        }
        if self.rng.chance(5) {
            profile.phone = self.rng.pick(&PLACEHOLDER_PHONES).to_string();
        }
        if self.rng.chance(6) {
            let stock = self.stock_photo_copy();
            listing.photos.push(stock);
        }
        let address = written_address(&profile, self.rng.chance(50));
        self.push(Role::Background, profile, address, vec![listing]);
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The address as one seller writes it, in one of two styles.
fn written_address(profile: &Profile, other_style: bool) -> String {
    let Profile {
        street,
        number,
        mall,
        city,
        ..
    } = profile;
    match (mall, other_style) {
        (true, false) => format!("{street} Lt. 2 Blok C No. {number}, {city}"),
        (true, true) => format!(
            "{} LT2 BLOK C-{number} {}",
            street.to_uppercase(),
            city.to_uppercase()
        ),
        (false, false) => format!("Jl. {street} No. {number}, {city} 40{:03}", number % 1000),
        (false, true) => format!(
            "jln {} no.{number} {}",
            street.to_lowercase(),
            city.to_lowercase()
        ),
    }
}

/// `0812xxxxxxxx` written another way: `+62 812-xxxx-xxxx`, `62812.xxxx.xxxx`, ...
fn reformatted_phone(phone: &str, rng: &mut Rng) -> String {
    let national = &phone[1..];
    let (a, rest) = national.split_at(3);
    let (b, c) = rest.split_at(4);
    match rng.below(4) {
        0 => format!("+62 {a}-{b}-{c}"),
        1 => format!("62{a}.{b}.{c}"),
        2 => format!("(0{a}) {b} {c}"),
        _ => format!("+62{a}{b}{c}"),
    }
}

fn email_variant(email: &str, rng: &mut Rng) -> String {
    let (local, domain) = email.split_once('@').unwrap_or((email, "gmail.com"));
    match rng.below(3) {
        0 => format!("{}@{}", local.replace('.', "").to_uppercase(), domain),
        1 => format!("{local}+shop@{domain}"),
        _ => format!(" {}@GoogleMail.com", local.to_lowercase()),
    }
}

fn device_variant(device_id: &str) -> String {
    let upper = device_id.to_uppercase();
    if upper.len() == 16 && upper.chars().all(|c| c.is_ascii_hexdigit()) {
        format!(
            "{}-{}-{}-{}",
            &upper[..4],
            &upper[4..8],
            &upper[8..12],
            &upper[12..]
        )
    } else {
        upper
    }
}

/// `number` with `count` of its last eight digits changed.
fn digits_away(number: &str, count: usize, rng: &mut Rng) -> String {
    let mut digits: Vec<u8> = number.bytes().collect();
    let start = digits.len().saturating_sub(8);
    let mut changed = Vec::new();
    while changed.len() < count {
        let position = start + rng.below(digits.len() - start);
        if changed.contains(&position) {
            continue;
        }
        changed.push(position);
        digits[position] = b'0' + ((digits[position] - b'0' + 1 + rng.below(9) as u8) % 10);
    }
    String::from_utf8(digits).expect("ASCII digits")
}

fn rewrite_one_word(sentence: &mut String, replacement: &str) {
    let mut words: Vec<&str> = sentence.split(' ').collect();
    let middle = words.len() / 2;
    words[middle] = replacement;
    *sentence = words.join(" ");
}

impl SimSeller {
    fn reference(&self) -> SellerRef {
        SellerRef {
            platform: Platform::Shopee,
            seller_id: self.id.clone(),
        }
    }

    fn listings(&self) -> Vec<(Listing, Vec<PdqHash>)> {
        let seller = |profile: &Profile| Seller {
            id: self.id.clone(),
            name: None,
            phone: Some(profile.phone.clone()),
            email: Some(profile.email.clone()),
            bank_account: Some(format!("{} {}", profile.bank, profile.account)),
            address: Some(self.address.clone()),
            device_id: Some(profile.device_id.clone()),
        };
        self.listings
            .iter()
            .enumerate()
            .map(|(number, spec)| {
                let profile = match (&self.second_profile, number) {
                    (Some(second), 1) => second,
                    _ => &self.profile,
                };
                let listing = Listing {
                    id: format!("{}-listing-{number}", self.id),
                    platform: Platform::Shopee,
                    url: None,
                    title: spec.title.clone(),
                    description: spec.sentences.join(" "),
                    price: None,
                    category: None,
                    seller: Some(seller(profile)),
                    images: Vec::new(),
                    created_at: None,
                    signals: BTreeMap::new(),
                };
                (listing, spec.photos.clone())
            })
            .collect()
    }

    fn fingerprint(&self, secret: &DeploymentSecret) -> SellerFingerprint {
        let mut listings = self.listings().into_iter();
        let (first, photos) = listings.next().expect("every seller has a listing");
        let mut fingerprint =
            SellerFingerprint::from_listing(&first, &photos, secret).expect("has a seller");
        for (listing, photos) in listings {
            let more =
                SellerFingerprint::from_listing(&listing, &photos, secret).expect("has a seller");
            fingerprint.merge(more).expect("same seller");
        }
        fingerprint
    }
}

fn build_world() -> World {
    let mut world = World::new(SEED);
    for number in 0..BANNED {
        world.add_banned(number);
    }
    for banned in 0..BANNED {
        for shared in SHARED_KINDS {
            world.add_re_registration(banned, shared);
        }
        // Four innocents per banned seller, cycling through the traps: 240 in all, each
        // trap around 26 or 27 banned sellers.
        for offset in 0..4 {
            let trap = TRAPS[(banned * 4 + offset) % TRAPS.len()];
            world.add_innocent(banned, trap);
        }
    }
    for _ in 0..BACKGROUND {
        world.add_background();
    }
    world
}

fn secret() -> DeploymentSecret {
    DeploymentSecret::new(b"scenario deployment secret, 32 bytes or more".to_vec())
        .expect("long enough")
}

#[derive(Default)]
struct Tally {
    total: usize,
    hit: usize,
}

impl Tally {
    fn record(&mut self, hit: bool) {
        self.total += 1;
        self.hit += usize::from(hit);
    }

    fn share(&self) -> String {
        format!(
            "{}/{} ({:.1}%)",
            self.hit,
            self.total,
            100.0 * self.hit as f64 / self.total.max(1) as f64
        )
    }
}

/// What linking did on the scenario.
#[derive(Default)]
struct LinkOutcome {
    linked: BTreeMap<Shared, Tally>,
    wrong_target: usize,
    false_links: BTreeMap<String, Tally>,
    failures: Vec<String>,
}

/// Indexes every seller of the scenario (banned ones sanctioned) and asks for the links of
/// each.
fn link_outcome(config: LinkConfig) -> LinkOutcome {
    let world = build_world();
    let secret = secret();
    let mut index = LinkIndex::new(config).expect("valid config");
    let fingerprints: Vec<SellerFingerprint> = world
        .sellers
        .iter()
        .map(|seller| seller.fingerprint(&secret))
        .collect();
    for (seller, fingerprint) in world.sellers.iter().zip(&fingerprints) {
        index
            .upsert(fingerprint.clone(), seller.role == Role::Banned)
            .expect("index has room");
    }
    index.refresh();

    let mut outcome = LinkOutcome::default();
    for (seller, fingerprint) in world.sellers.iter().zip(&fingerprints) {
        let links = index.links_for(fingerprint);
        let innocent_group = match seller.role {
            Role::Banned => continue,
            Role::ReRegistration { banned, shared } => {
                let target = world.sellers[banned].reference();
                let hit = links.iter().any(|link| {
                    link.target == target
                        && link.evidence.iter().any(|e| e.kind == shared.evidence())
                });
                outcome.wrong_target += links.iter().filter(|link| link.target != target).count();
                if !hit {
                    outcome
                        .failures
                        .push(format!("{} ({shared:?}) not linked: {links:?}", seller.id));
                }
                outcome.linked.entry(shared).or_default().record(hit);
                continue;
            }
            Role::Innocent(trap) => format!("{trap:?}"),
            Role::Background => "Background".to_string(),
        };
        if !links.is_empty() {
            outcome.failures.push(format!(
                "{} ({innocent_group}) linked: {links:?}",
                seller.id
            ));
        }
        outcome
            .false_links
            .entry(innocent_group)
            .or_default()
            .record(!links.is_empty());
    }
    outcome
}

#[test]
fn every_re_registration_links_and_no_innocent_does() {
    let outcome = link_outcome(LinkConfig::default());
    println!(
        "sellers: banned {BANNED}, re-registrations {}, innocents {}, background {BACKGROUND}",
        BANNED * SHARED_KINDS.len(),
        BANNED * 4
    );
    println!("re-registrations linked to their banned seller, by shared signal:");
    for (shared, tally) in &outcome.linked {
        println!("  {shared:<20?} {}", tally.share());
    }
    println!(
        "links from re-registrations to another banned seller: {}",
        outcome.wrong_target
    );
    println!("innocent sellers falsely linked, by trap:");
    for (trap, tally) in &outcome.false_links {
        println!("  {trap:<22} {}", tally.share());
    }
    assert!(
        outcome.failures.is_empty(),
        "{} failures:\n{}",
        outcome.failures.len(),
        outcome.failures.join("\n")
    );
    assert_eq!(outcome.wrong_target, 0);
    assert_eq!(outcome.linked.len(), SHARED_KINDS.len());
    assert!(outcome.linked.values().all(|tally| tally.total == BANNED));
    assert!(
        outcome
            .false_links
            .values()
            .map(|tally| tally.total)
            .sum::<usize>()
            >= 200 + BACKGROUND
    );
}

/// The traps are real: without the commonness rule (any number of sellers may share a
/// value) innocents quoting a courier hotline, using a brand stock photo, boilerplate text
/// or a placeholder e-mail get linked to banned sellers.
#[test]
fn without_commonness_the_traps_catch_innocents() {
    let outcome = link_outcome(LinkConfig {
        max_sharing_sellers: u32::MAX - 1,
        ..LinkConfig::default()
    });
    for (trap, tally) in &outcome.false_links {
        println!("  without commonness: {trap:<22} {}", tally.share());
    }
    for trap in [
        "CourierHotline",
        "StockPhoto",
        "Boilerplate",
        "PlaceholderIds",
        "Background",
    ] {
        let tally = &outcome.false_links[trap];
        assert!(tally.hit > 0, "{trap}: {}", tally.share());
    }
}

#[test]
fn near_duplicates_of_taken_down_listings_are_flagged_and_nothing_else() {
    let world = build_world();
    let secret = secret();
    let mut index = LinkIndex::new(LinkConfig::default()).expect("default config is valid");
    for seller in &world.sellers {
        index
            .upsert(seller.fingerprint(&secret), false)
            .expect("index has room");
    }
    // Every banned seller's first listing was taken down.
    for seller in world.sellers.iter().filter(|s| s.role == Role::Banned) {
        let (listing, photos) = &seller.listings()[0];
        index
            .take_down(ListingSketch::from_listing(listing, photos, &secret))
            .expect("index has room");
    }
    index.refresh();

    let mut flagged: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut failures = Vec::new();
    for seller in &world.sellers {
        for (listing, photos) in seller.listings() {
            let sketch = ListingSketch::from_listing(&listing, &photos, &secret);
            let relistings = index.relistings_for(&sketch);
            let (group, expected) = match seller.role {
                Role::ReRegistration {
                    banned,
                    shared: shared @ (Shared::Photo | Shared::Description),
                } => {
                    let taken_down = format!("{}-listing-0", world.sellers[banned].id);
                    let hit = relistings
                        .iter()
                        .any(|r| r.taken_down.listing_id == taken_down);
                    let group = if shared == Shared::Photo {
                        "re-listed photo"
                    } else {
                        "re-listed text"
                    };
                    (group, hit)
                }
                Role::Banned => ("banned seller's other listing", !relistings.is_empty()),
                _ => ("unrelated listing", !relistings.is_empty()),
            };
            let should_flag = group.starts_with("re-listed");
            if expected != should_flag {
                failures.push(format!("{} {group}: {relistings:?}", listing.id));
            }
            flagged.entry(group).or_default().record(expected);
        }
    }
    println!("re-listing flags:");
    for (group, tally) in &flagged {
        println!("  {group:<30} {}", tally.share());
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
