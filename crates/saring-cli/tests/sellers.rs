//! Ban evasion through the real binary, on SQLite and PostgreSQL: a wholesale seller is
//! banned through `saring cases claim/decide`; then a new shop with the same phone written
//! differently, and one reusing its photo (re-compressed), are linked and sent to review;
//! a seller quoting only a courier hotline that many sellers quote is not; a re-listing of
//! the taken-down text is flagged; `saring sellers show` prints the cluster and evidence.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::{Value, json};
use tempfile::TempDir;

const BANNED: &str = "grosir_bal_x";
const BANNED_PHONE: &str = "0812-2233-4455";
const SAME_PHONE_REWRITTEN: &str = "(+62) 812.2233.4455";
const PHONE_DIGITS: &str = "81222334455";
const HOTLINE: &str = "Cek resi JNE hotline (021) 2927 8888.";
const WHOLESALE_TITLE: &str = "Ball press pakaian bekas import Korea 100 kg";
const WHOLESALE_TEXT: &str = "Karung bal campur jaket, kemeja dan celana dari gudang Batam. \
    Isi sekitar 300 pcs per karung, grade A sortiran pertama. \
    Cocok untuk usaha thrift dan reseller di pasar malam.";

fn test_image(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../saring-pdq/tests/data/threatexchange/data")
        .join(relative)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Runs the binary; `secret` is the SARING_SECRET to set, if any.
fn saring(args: &[&str], secret: Option<&str>) -> Output {
    let mut command = Command::cargo_bin("saring").expect("binary");
    command
        .args(args)
        .env_remove("SARING_REVIEWER")
        .env_remove("SARING_STORE")
        .env_remove("SARING_SECRET");
    if let Some(secret) = secret {
        command.env("SARING_SECRET", secret);
    }
    command.output().expect("runs")
}

fn succeed(args: &[&str], secret: Option<&str>) -> Output {
    let out = saring(args, secret);
    assert!(
        out.status.success(),
        "saring {args:?}: {}",
        text(&out.stderr)
    );
    out
}

/// A fresh schema of the test database (PostgreSQL at 127.0.0.1:5432, trust auth).
fn postgres_url() -> String {
    let base = std::env::var("SARING_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_string());
    let schema = format!(
        "t_sellers_{}_{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or_default()
    );
    sql_strings(&base, &format!("CREATE SCHEMA {schema}"));
    format!("{base}?options=-c%20search_path%3D{schema}")
}

/// Runs SQL against the store's database: the text first column of each row.
fn sql_strings(url: &str, sql: &str) -> Vec<String> {
    sqlx::any::install_default_drivers();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let pool = sqlx::AnyPool::connect(url).await.expect("connect");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql.to_string()))
            .fetch_all(&pool)
            .await
            .expect("sql");
        pool.close().await;
        rows.iter()
            .filter_map(|row| sqlx::Row::try_get::<String, _>(row, 0).ok())
            .collect()
    })
}

fn listing(id: &str, seller: Value, title: &str, description: &str, photos: &[&Path]) -> Value {
    let images: Vec<Value> = photos
        .iter()
        .map(|path| json!({"path": path.display().to_string()}))
        .collect();
    json!({
        "id": id, "platform": "shopee", "title": title, "description": description,
        "price": 150000, "seller": seller, "images": images,
    })
}

/// Scans `listings` into the store; the decisions by listing id.
fn scan(
    dir: &TempDir,
    name: &str,
    url: &str,
    listings: &[Value],
    secret: Option<&str>,
) -> Vec<Value> {
    let catalogue = dir.path().join(format!("{name}.jsonl"));
    let lines: Vec<String> = listings.iter().map(Value::to_string).collect();
    std::fs::write(&catalogue, lines.join("\n")).expect("write catalogue");
    let out = succeed(
        &["scan", &catalogue.display().to_string(), "--store", url],
        secret,
    );
    text(&out.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).expect("decision JSON"))
        .collect()
}

fn decision_of<'a>(decisions: &'a [Value], id: &str) -> &'a Value {
    decisions
        .iter()
        .find(|d| d["id"] == id)
        .unwrap_or_else(|| panic!("no decision for {id}"))
}

fn reasons_named<'a>(decision: &'a Value, name: &str) -> Vec<&'a str> {
    decision["reasons"]
        .as_array()
        .expect("reasons")
        .iter()
        .filter(|r| r["name"] == name)
        .filter_map(|r| r["detail"].as_str())
        .collect()
}

/// The ban-evasion scenario on the store at `url`; returns everything the binary printed.
fn ban_evasion(url: &str, secret: Option<&str>) -> String {
    let dir = TempDir::new().expect("temp dir");
    let photo = test_image("reg-test-input/dih/bridge-1-original.jpg");
    let recompressed = dir.path().join("reupload.jpg");
    let decoded = image::open(&photo).expect("decode photo");
    let mut file = std::fs::File::create(&recompressed).expect("create");
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut file, 40)
        .encode_image(&decoded)
        .expect("re-compress");
    let unrelated = test_image("misc-images/wee.jpg");

    // Day 1: the wholesale seller, and three honest shops quoting the courier hotline.
    let banned = json!({"id": BANNED, "name": "Grosir Bal X", "phone": BANNED_PHONE});
    let mut first = vec![listing(
        "bale-1",
        banned,
        WHOLESALE_TITLE,
        &format!("{WHOLESALE_TEXT} {HOTLINE}"),
        &[&photo],
    )];
    for (number, item) in ["Kaos polos katun", "Celana chino pria", "Rok plisket"]
        .iter()
        .enumerate()
    {
        first.push(listing(
            &format!("honest-{number}"),
            json!({"id": format!("honest_shop_{number}")}),
            &format!("{item} baru"),
            &format!("Produk baru jahitan sendiri nomor {number}. {HOTLINE}"),
            &[],
        ));
    }
    let mut printed = String::new();
    let day1 = scan(&dir, "day1", url, &first, secret);
    assert_ne!(decision_of(&day1, "bale-1")["decision"], "allow");

    // A reviewer confirms the wholesale case: the enforcement ladder bans the seller.
    let cases = succeed(&["cases", "list", "--store", url], secret);
    let case_line = text(&cases.stdout);
    let case = case_line
        .lines()
        .find(|line| line.contains("bale-1"))
        .and_then(|line| line.split_whitespace().next())
        .expect("a case for the wholesale listing")
        .to_string();
    succeed(
        &[
            "cases",
            "claim",
            &case,
            "--store",
            url,
            "--reviewer",
            "rina",
        ],
        secret,
    );
    let decided = succeed(
        &[
            "cases",
            "decide",
            &case,
            "confirm",
            "--reason",
            "bales of used clothing",
            "--store",
            url,
            "--reviewer",
            "rina",
        ],
        secret,
    );
    printed.push_str(&text(&decided.stdout));

    // Day 2: evasion attempts, an innocent shop, and a re-listing.
    let second = vec![
        listing(
            "evade-phone",
            json!({"id": "toko_baru_a", "name": "Toko Baru A", "phone": SAME_PHONE_REWRITTEN}),
            "Kemeja flanel lengan panjang",
            "Bahan tebal, ukuran M sampai XL.",
            &[],
        ),
        listing(
            "evade-photo",
            json!({"id": "toko_foto_b", "name": "Foto Cantik"}),
            "Jembatan pemandangan poster",
            "Poster cetak ukuran A3.",
            &[&recompressed],
        ),
        listing(
            "innocent-hotline",
            json!({"id": "toko_jujur_c", "name": "Toko Jujur"}),
            "Sepatu kanvas anak baru",
            &format!("Sol karet, ukuran 28 sampai 35. {HOTLINE}"),
            &[&unrelated],
        ),
        listing(
            "relist-d",
            json!({"id": "toko_d"}),
            WHOLESALE_TITLE,
            &format!("{WHOLESALE_TEXT} {HOTLINE}"),
            &[],
        ),
    ];
    let day2 = scan(&dir, "day2", url, &second, secret);
    for id in ["evade-phone", "evade-photo"] {
        let decision = decision_of(&day2, id);
        assert_eq!(decision["decision"], "review", "{id}: {decision}");
        let links = reasons_named(decision, "linked_to_banned_seller");
        assert_eq!(links.len(), 1, "{id}: {decision}");
        assert!(
            links[0].starts_with(&format!("linked to banned seller shopee/{BANNED}: ")),
            "{}",
            links[0]
        );
    }
    let by_phone = reasons_named(decision_of(&day2, "evade-phone"), "linked_to_banned_seller");
    assert!(
        by_phone[0].contains("same phone (keyed hash "),
        "{}",
        by_phone[0]
    );
    let by_photo = reasons_named(decision_of(&day2, "evade-photo"), "linked_to_banned_seller");
    assert!(
        by_photo[0].contains("photo within distance"),
        "{}",
        by_photo[0]
    );
    let innocent = decision_of(&day2, "innocent-hotline");
    assert_eq!(innocent["decision"], "allow", "{innocent}");
    assert!(reasons_named(innocent, "linked_to_banned_seller").is_empty());
    let relisting = reasons_named(
        decision_of(&day2, "relist-d"),
        "relisting_of_taken_down_listing",
    );
    assert_eq!(relisting.len(), 1, "{:?}", decision_of(&day2, "relist-d"));
    assert!(
        relisting[0].starts_with("near-duplicate of listing shopee/bale-1 taken down: "),
        "{}",
        relisting[0]
    );

    // Links and keyed identifiers are recorded; no raw identifier is stored anywhere.
    let linked = sql_strings(
        url,
        &format!(
            "SELECT seller_id FROM seller_links WHERE linked_seller_id = '{BANNED}' ORDER BY seller_id"
        ),
    );
    assert!(
        linked.contains(&"toko_baru_a".to_string()) && linked.contains(&"toko_foto_b".to_string()),
        "{linked:?}"
    );
    assert!(!linked.contains(&"toko_jujur_c".to_string()), "{linked:?}");
    let evidence = sql_strings(
        url,
        "SELECT evidence_json FROM seller_links WHERE seller_id = 'toko_baru_a'",
    );
    assert!(
        evidence[0].contains("\"kind\":\"identifier\""),
        "{evidence:?}"
    );
    // The new shop's only identifier, its phone, is the banned seller's, keyed alike.
    let sharing_phone = sql_strings(
        url,
        "SELECT DISTINCT seller_id FROM seller_identifiers WHERE kind = 'phone' AND keyed_hash IN \
         (SELECT keyed_hash FROM seller_identifiers WHERE seller_id = 'toko_baru_a') \
         ORDER BY seller_id",
    );
    assert_eq!(sharing_phone, [BANNED, "toko_baru_a"]);
    for table_sql in [
        "SELECT fingerprint_json FROM seller_fingerprints",
        "SELECT keyed_hash FROM seller_identifiers",
        "SELECT evidence_json FROM seller_links",
        "SELECT listing_json FROM decisions",
    ] {
        for row in sql_strings(url, table_sql) {
            assert!(!row.contains(PHONE_DIGITS), "{table_sql}: {row}");
        }
    }

    // The cluster, with its evidence, seen from the banned seller.
    let shown = succeed(&["sellers", "show", BANNED, "--store", url], secret);
    let show = text(&shown.stdout);
    assert!(show.contains("status    banned since "), "{show}");
    assert!(show.contains("strikes   1 standing, 0 revoked"), "{show}");
    for member in ["toko_baru_a", "toko_foto_b"] {
        assert!(
            show.contains(&format!("  member  shopee/{member}: active")),
            "{show}"
        );
        assert!(
            show.contains(&format!("  link    shopee/{member} -> shopee/{BANNED}")),
            "{show}"
        );
    }
    assert!(show.contains("same phone (keyed hash "), "{show}");
    assert!(show.contains("photo within distance "), "{show}");
    assert!(!show.contains("toko_jujur_c"), "{show}");
    let innocent_shown = succeed(
        &[
            "sellers",
            "show",
            "toko_jujur_c",
            "--platform",
            "shopee",
            "--store",
            url,
        ],
        secret,
    );
    assert!(
        text(&innocent_shown.stdout).contains("cluster   none"),
        "{}",
        text(&innocent_shown.stdout)
    );
    printed.push_str(&show);
    printed
}

#[test]
fn ban_evasion_is_linked_on_sqlite_with_a_generated_secret() {
    let dir = TempDir::new().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("saring.db").display());
    let printed = ban_evasion(&url, None);
    let generated = sql_strings(
        &url,
        "SELECT value FROM settings WHERE name = 'seller_linking.generated_secret'",
    );
    assert_eq!(generated.len(), 1);
    assert_eq!(generated[0].len(), 64, "32 random bytes, hex");
    assert!(
        !printed.contains(&generated[0]),
        "the secret is never printed"
    );
    assert!(!printed.contains(PHONE_DIGITS));

    // Another secret cannot read this store's keyed hashes: refused.
    let other = "cd".repeat(32);
    let refused = saring(&["sellers", "show", BANNED, "--store", &url], Some(&other));
    assert!(refused.status.success(), "show needs no secret");
    let scan_dir = TempDir::new().expect("temp dir");
    let catalogue = scan_dir.path().join("one.jsonl");
    std::fs::write(
        &catalogue,
        r#"{"id":"x","platform":"shopee","title":"Kaos"}"#,
    )
    .expect("write");
    let refused = saring(
        &["scan", &catalogue.display().to_string(), "--store", &url],
        Some(&other),
    );
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        text(&refused.stderr).contains("the deployment secret differs"),
        "{}",
        text(&refused.stderr)
    );
    assert!(!text(&refused.stderr).contains(&other));
}

#[test]
fn ban_evasion_is_linked_on_postgres_with_the_secret_from_the_environment() {
    let url = postgres_url();
    let secret = "5a".repeat(32);
    let printed = ban_evasion(&url, Some(&secret));
    assert!(!printed.contains(&secret));
    let generated = sql_strings(
        &url,
        "SELECT value FROM settings WHERE name = 'seller_linking.generated_secret'",
    );
    assert!(generated.is_empty(), "a given secret is not stored");
}
