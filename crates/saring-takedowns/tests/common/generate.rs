//! A generated takedown request in every platform's URL shapes, with the keys each URL must
//! canonicalise to, malformed rows and duplicates. Shared by the tests and the benchmark.

/// One generated request file and what reading it must give.
pub struct Generated {
    /// The CSV text.
    pub csv: String,
    /// For each accepted URL row: (line, expected key or None for a short link).
    pub expected: Vec<(u64, Option<String>)>,
    /// Lines of malformed rows.
    pub malformed: Vec<u64>,
    /// Lines that repeat an earlier URL of the same request.
    pub duplicates: Vec<u64>,
}

/// A small deterministic generator (64-bit LCG), so the file is the same on every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const SLUGS: [&str; 6] = [
    "Kemeja-Flanel-Pria-Vintage",
    "jaket-denim-oversize",
    "Hoodie-Korea-Premium",
    "celana-cargo-pria",
    "Sweater-Rajut-Wanita",
    "kaos-band-90an",
];

/// One URL written in one of its platform's shapes, and its expected key.
fn url(rng: &mut Lcg, n: u64) -> (String, Option<String>) {
    let slug = SLUGS[rng.below(SLUGS.len() as u64) as usize];
    let tracking = [
        "",
        "?sp_atk=9f2c&xptdk=ab",
        "?utm_source=wa#top",
        "?extParam=ivf%3Dfalse",
    ][rng.below(4) as usize];
    let shop = 100_000 + n % 997;
    let item = 20_000_000_000 + n;
    match rng.below(10) {
        0 => {
            let shape = rng.below(3);
            let text = match shape {
                0 => format!("https://shopee.co.id/{slug}-i.{shop}.{item}{tracking}"),
                1 => format!("https://m.shopee.co.id/product/{shop}/{item}{tracking}"),
                _ => format!("shopee.co.id/toko{shop}/{shop}/{item}"),
            };
            (text, Some(format!("shopee/{shop}.{item}")))
        }
        1 => {
            let host =
                ["www.tokopedia.com", "tokopedia.com", "m.tokopedia.com"][rng.below(3) as usize];
            (
                format!("https://{host}/Toko{shop}/{slug}-{item}{tracking}"),
                Some(format!(
                    "tokopedia/toko{shop}/{}-{item}",
                    slug.to_lowercase()
                )),
            )
        }
        2 => {
            let host =
                ["shop.tiktok.com", "www.tiktok.com", "shop-id.tiktok.com"][rng.below(3) as usize];
            (
                format!("https://{host}/view/product/{item}{tracking}"),
                Some(format!("tiktokshop/{item}")),
            )
        }
        3 => {
            let host = ["www.lazada.co.id", "m.lazada.co.id"][rng.below(2) as usize];
            (
                format!(
                    "https://{host}/products/{slug}-i{item}-s{}.html{tracking}",
                    item + 7
                ),
                Some(format!("lazada/{item}")),
            )
        }
        4 => (
            format!(
                "https://www.bukalapak.com/p/fashion-pria/atasan/{:x}-jual-{slug}{tracking}",
                item
            ),
            Some(format!("bukalapak/{:x}", item)),
        ),
        5 => (
            format!("https://www.blibli.com/p/{slug}/ps--TOS-{shop}-{item}{tracking}"),
            Some(format!("blibli/TOS-{shop}-{item}")),
        ),
        6 => (
            format!("https://web.facebook.com/marketplace/item/{item}/{tracking}"),
            Some(format!("facebook/{item}")),
        ),
        7 => {
            let code = format!("C{}x{}Q", item % 7919, n);
            (
                format!("https://www.instagram.com/p/{code}/{tracking}"),
                Some(format!("instagram/{code}")),
            )
        }
        8 => {
            let host = ["s.shopee.co.id", "tokopedia.link", "vt.tiktok.com"][rng.below(3) as usize];
            (format!("https://{host}/{:x}", item), None)
        }
        _ => (
            format!("https://SHOPEE.CO.ID/{slug}-RENAMED-i.{shop}.{item}"),
            Some(format!("shopee/{shop}.{item}")),
        ),
    }
}

/// Generates a request file of about `rows` rows in `requests` requests.
pub fn generate(rows: u64, requests: u64, seed: u64) -> Generated {
    let mut rng = Lcg(seed);
    let mut csv = String::from("request_id,agency,issued_at,legal_basis,urgency,url\n");
    let mut expected = Vec::new();
    let mut malformed = Vec::new();
    let mut duplicates = Vec::new();
    let mut written: Vec<(u64, String)> = Vec::new(); // (request, url)
    for n in 0..rows {
        let line = n + 2;
        let request = n * requests / rows;
        let agency = if request.is_multiple_of(3) {
            "Komdigi"
        } else {
            "Kemendag"
        };
        let urgency = if request.is_multiple_of(5) {
            "urgent"
        } else {
            "normal"
        };
        let header = format!(
            "KMD-2026-{request:05},{agency},2026-11-{:02}T09:00:00+07:00,Permendag 47/2025,{urgency}",
            1 + request % 28
        );
        let roll = rng.below(100);
        if roll < 2 {
            let bad = ["not a link", "ftp://shopee.co.id/x", ""][rng.below(3) as usize];
            csv.push_str(&format!("{header},{bad}\n"));
            malformed.push(line);
        } else if roll < 3 {
            csv.push_str(&format!(
                "KMD-2026-{request:05},{agency},someday,x,{urgency},https://shopee.co.id/a-i.1.2\n"
            ));
            malformed.push(line);
        } else if let Some(text) = written
            .last()
            .filter(|(previous, _)| roll < 6 && *previous == request)
            .map(|(_, text)| text.clone())
        {
            // The previous URL of this request again, written the same way.
            csv.push_str(&format!("{header},{text}\n"));
            duplicates.push(line);
        } else {
            let (text, key) = url(&mut rng, n);
            csv.push_str(&format!("{header},{text}\n"));
            expected.push((line, key));
            written.push((request, text));
        }
    }
    Generated {
        csv,
        expected,
        malformed,
        duplicates,
    }
}
