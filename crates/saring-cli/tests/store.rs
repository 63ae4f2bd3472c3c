//! `saring scan --store`, the reviewer commands, banks and audit through the real binary,
//! on SQLite and PostgreSQL.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn saring(args: &[&str]) -> Output {
    Command::cargo_bin("saring")
        .expect("binary")
        .args(args)
        .env_remove("SARING_REVIEWER")
        .env_remove("SARING_STORE")
        .output()
        .expect("runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn sqlite_url(dir: &TempDir) -> String {
    format!("sqlite://{}", dir.path().join("saring.db").display())
}

/// The test database (PostgreSQL at 127.0.0.1:5432, trust auth).
fn postgres_base() -> String {
    std::env::var("SARING_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_string())
}

/// A fresh schema of the test database, and a URL whose connections use it.
fn postgres_url() -> (String, String) {
    let base = postgres_base();
    let schema = format!(
        "t_cli_{}_{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or_default()
    );
    raw_sql(&base, &format!("CREATE SCHEMA {schema}"));
    let url = format!("{base}?options=-c%20search_path%3D{schema}");
    (schema, url)
}

/// Runs SQL directly against the store's database (to tamper with it, or to count): the
/// integer first column of each row.
fn try_sql(url: &str, sql: &str) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::any::install_default_drivers();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let pool = sqlx::AnyPool::connect(url).await?;
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql.to_string()))
            .fetch_all(&pool)
            .await;
        pool.close().await;
        Ok(rows?
            .iter()
            .filter_map(|row| sqlx::Row::try_get::<i64, _>(row, 0).ok())
            .collect())
    })
}

fn raw_sql(url: &str, sql: &str) -> Vec<i64> {
    try_sql(url, sql).expect("sql")
}

fn count(url: &str, sql: &str) -> i64 {
    raw_sql(url, sql)[0]
}

fn scan_catalogue(url: &str) -> String {
    let catalogue = repo_root().join("examples/catalogue.jsonl");
    let dir = TempDir::new().expect("temp dir");
    let decisions = dir.path().join("decisions.jsonl");
    let out = saring(&[
        "scan",
        &catalogue.display().to_string(),
        "--store",
        url,
        "--out",
        &decisions.display().to_string(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stderr)
}

fn reviewer_workflow(url: &str) {
    let first = scan_catalogue(url);
    assert!(
        first.contains("store: 90 decisions recorded, 0 unchanged"),
        "{first}"
    );
    let second = scan_catalogue(url);
    assert!(
        second.contains("store: 0 decisions recorded, 90 unchanged"),
        "{second}"
    );
    let flagged = count(
        url,
        "SELECT COUNT(*) FROM decisions WHERE verdict <> 'allow'",
    );
    assert_eq!(count(url, "SELECT COUNT(*) FROM cases"), flagged);

    let listed = saring(&["cases", "list", "--state", "open", "--store", url]);
    assert!(listed.status.success(), "{}", text(&listed.stderr));
    let lines: Vec<String> = text(&listed.stdout).lines().map(str::to_string).collect();
    assert_eq!(lines.len() as i64, flagged);
    let priorities: Vec<&str> = lines
        .iter()
        .map(|l| l.split_whitespace().nth(1).expect("priority"))
        .collect();
    let first_retail = priorities
        .iter()
        .position(|p| *p == "retail")
        .unwrap_or(priorities.len());
    assert!(
        priorities[first_retail..].iter().all(|p| *p == "retail"),
        "wholesale first: {priorities:?}"
    );
    let case = lines[0].split_whitespace().next().expect("id").to_string();
    let wholesale = saring(&[
        "cases",
        "list",
        "--priority",
        "wholesale",
        "--platform",
        "shopee",
        "--store",
        url,
    ]);
    assert!(
        text(&wholesale.stdout)
            .lines()
            .all(|l| l.contains("wholesale") && l.contains("shopee"))
    );

    let no_reviewer = saring(&["cases", "claim", &case, "--store", url]);
    assert!(!no_reviewer.status.success());
    let claim = Command::cargo_bin("saring")
        .expect("binary")
        .args(["cases", "claim", &case, "--store", url])
        .env("SARING_REVIEWER", "ana")
        .output()
        .expect("runs");
    assert!(claim.status.success(), "{}", text(&claim.stderr));
    assert!(text(&claim.stdout).contains("claimed by ana"));
    let no_reason = saring(&[
        "cases",
        "decide",
        &case,
        "confirm",
        "--store",
        url,
        "--reviewer",
        "ana",
    ]);
    assert!(!no_reason.status.success(), "--reason is required");
    let other = saring(&[
        "cases",
        "decide",
        &case,
        "confirm",
        "--reason",
        "bale",
        "--store",
        url,
        "--reviewer",
        "budi",
    ]);
    assert!(!other.status.success());
    assert!(
        text(&other.stderr).contains("claimed by ana"),
        "{}",
        text(&other.stderr)
    );
    let decided = saring(&[
        "cases",
        "decide",
        &case,
        "confirm",
        "--reason",
        "bale of used clothing",
        "--store",
        url,
        "--reviewer",
        "ana",
    ]);
    assert!(decided.status.success(), "{}", text(&decided.stderr));
    let shown = text(&saring(&["cases", "show", &case, "--store", url]).stdout);
    assert!(shown.contains("(verified)"), "{shown}");
    assert!(
        shown.contains("action") && shown.contains("referral"),
        "wholesale is referred: {shown}"
    );
    let evidence_hash = shown
        .lines()
        .find(|l| l.starts_with("evidence"))
        .and_then(|l| l.split_whitespace().nth(2))
        .expect("evidence hash printed")
        .to_string();
    assert_eq!(evidence_hash.len(), 64);

    let filed = saring(&[
        "appeals",
        "file",
        &case,
        "--statement",
        "not mine",
        "--by",
        "seller",
        "--store",
        url,
    ]);
    assert!(filed.status.success(), "{}", text(&filed.stderr));
    let appeal = text(&filed.stdout)
        .split_whitespace()
        .nth(1)
        .expect("appeal id")
        .to_string();
    let same = saring(&[
        "appeals",
        "decide",
        &appeal,
        "overturned",
        "--reason",
        "x",
        "--store",
        url,
        "--reviewer",
        "ana",
    ]);
    assert!(!same.status.success());
    let overturned = saring(&[
        "appeals",
        "decide",
        &appeal,
        "overturned",
        "--reason",
        "receipt shows local stock",
        "--store",
        url,
        "--reviewer",
        "budi",
    ]);
    assert!(overturned.status.success(), "{}", text(&overturned.stderr));
    let shown = text(&overturned.stdout);
    assert!(shown.contains("strike    revoked"), "{shown}");
    assert!(shown.contains("reinstatement"), "{shown}");

    let verified = saring(&["audit", "verify", "--store", url]);
    assert!(verified.status.success(), "{}", text(&verified.stdout));
    raw_sql(
        url,
        "UPDATE audit_log SET subject = 'tampered' WHERE seq = 5",
    );
    let broken = saring(&["audit", "verify", "--store", url]);
    assert_eq!(broken.status.code(), Some(1));
    assert!(
        text(&broken.stdout).contains("entry 5"),
        "{}",
        text(&broken.stdout)
    );
}

#[test]
fn reviewer_workflow_on_sqlite() {
    let dir = TempDir::new().expect("temp dir");
    reviewer_workflow(&sqlite_url(&dir));
}

#[test]
fn reviewer_workflow_on_postgres() {
    let (schema, url) = postgres_url();
    reviewer_workflow(&url);
    raw_sql(&postgres_base(), &format!("DROP SCHEMA {schema} CASCADE"));
}

#[test]
fn banks_import_export_and_scan_matches_enabled_store_banks() {
    let dir = TempDir::new().expect("temp dir");
    let url = sqlite_url(&dir);
    let photo = repo_root().join(
        "crates/saring-pdq/tests/data/threatexchange/data/reg-test-input/dih/bridge-1-original.jpg",
    );
    assert!(
        saring(&["banks", "create", "bales", "--store", &url])
            .status
            .success()
    );
    let added = saring(&[
        "banks",
        "add",
        "bales",
        &photo.display().to_string(),
        "--case",
        "42",
        "--store",
        &url,
    ]);
    assert!(added.status.success(), "{}", text(&added.stderr));
    // Far from the photo's hash: only the bank holding the photo matches it.
    let hash = "00ff".repeat(16);
    let list = dir.path().join("list.txt");
    std::fs::write(
        &list,
        format!("{hash}\tplatform-x\tcase-9\nnot-a-hash\n{hash}\n"),
    )
    .expect("write");
    assert!(
        saring(&["banks", "create", "shared", "--store", &url])
            .status
            .success()
    );
    let imported = saring(&[
        "banks",
        "import",
        "shared",
        &list.display().to_string(),
        "--store",
        &url,
    ]);
    assert_eq!(imported.status.code(), Some(2));
    assert!(
        text(&imported.stderr).contains("line 2"),
        "{}",
        text(&imported.stderr)
    );
    assert!(text(&imported.stdout).contains("2 hash(es) imported"));
    let exported = text(&saring(&["banks", "export", "shared", "--store", &url]).stdout);
    assert_eq!(exported.lines().count(), 2);
    assert!(
        exported.starts_with(&format!("{hash}\tplatform-x\tcase-9")),
        "{exported}"
    );
    let listed = text(&saring(&["banks", "list", "--store", &url]).stdout);
    assert!(
        listed.contains("bales") && listed.contains("shared"),
        "{listed}"
    );

    let catalogue = dir.path().join("catalogue.jsonl");
    let listing = serde_json::json!({"id": "a", "platform": "shopee", "title": "Jaket wanita", "images": [{"path": photo.display().to_string()}]});
    std::fs::write(&catalogue, listing.to_string()).expect("write");
    let screen = |extra: &str| -> Value {
        let out = saring(&["scan", &catalogue.display().to_string(), "--store", &url]);
        assert!(out.status.success(), "{extra}: {}", text(&out.stderr));
        serde_json::from_slice(&out.stdout).expect("decision")
    };
    let matched = screen("enabled");
    let reasons = matched["reasons"].as_array().expect("reasons");
    assert!(
        reasons
            .iter()
            .any(|r| r["kind"] == "image_match" && r["name"] == "bales"),
        "{matched}"
    );
    assert!(
        saring(&["banks", "disable", "bales", "--store", &url])
            .status
            .success()
    );
    let unmatched = screen("disabled");
    assert!(
        unmatched["reasons"]
            .as_array()
            .expect("reasons")
            .iter()
            .all(|r| r["kind"] != "image_match"),
        "{unmatched}"
    );
}

/// A catalogue of `n` listings, every third one a bale offer.
fn large_catalogue(path: &Path, n: usize) {
    let mut lines = String::with_capacity(n * 200);
    for i in 0..n {
        let title = if i % 3 == 0 {
            format!("BAL SEGEL KOREA thrift bekas import 100kg isi 400 pcs nomor {i}")
        } else {
            format!("Kemeja batik baru produksi Pekalongan ukuran {i}")
        };
        let listing = serde_json::json!({"id": format!("l{i}"), "platform": "tokopedia", "title": title, "seller": {"id": format!("s{}", i % 97)}});
        lines.push_str(&listing.to_string());
        lines.push('\n');
    }
    std::fs::write(path, lines).expect("write catalogue");
}

#[test]
fn a_scan_killed_mid_run_loses_no_committed_decision_and_resumes_without_duplicates() {
    let dir = TempDir::new().expect("temp dir");
    let url = sqlite_url(&dir);
    let catalogue = dir.path().join("large.jsonl");
    let total = 120_000;
    large_catalogue(&catalogue, total);
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("saring"))
        .args([
            "scan",
            &catalogue.display().to_string(),
            "--store",
            &url,
            "--out",
            &dir.path().join("out.jsonl").display().to_string(),
        ])
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn");
    // Wait until a few batches are committed, then kill the process without warning.
    let started = std::time::Instant::now();
    loop {
        std::thread::sleep(std::time::Duration::from_millis(100));
        // Before the first commit the database may not exist yet.
        let recorded = try_sql(&url, "SELECT COUNT(*) FROM decisions").map_or(0, |n| n[0]);
        if recorded >= 3 * 2048 {
            break;
        }
        assert!(
            child.try_wait().expect("status").is_none(),
            "the scan finished before it could be killed"
        );
        assert!(
            started.elapsed().as_secs() < 300,
            "no batch committed in 5 minutes"
        );
    }
    child.kill().expect("SIGKILL");
    let status = child.wait().expect("wait");
    assert!(!status.success(), "killed mid-run");

    let recorded = count(&url, "SELECT COUNT(*) FROM decisions");
    assert!(
        recorded > 0 && (recorded as usize) < total,
        "killed mid-run: {recorded} of {total}"
    );
    assert_eq!(recorded % 2048, 0, "only whole batches are committed");
    let verified = saring(&["audit", "verify", "--store", &url]);
    assert!(verified.status.success(), "{}", text(&verified.stdout));
    let consistent = |url: &str| {
        let flagged = count(
            url,
            "SELECT COUNT(*) FROM decisions WHERE verdict <> 'allow'",
        );
        assert!(flagged > 0);
        assert_eq!(
            count(url, "SELECT COUNT(*) FROM cases"),
            flagged,
            "every flagged decision has its case"
        );
        assert_eq!(
            count(
                url,
                "SELECT COUNT(*) FROM case_events WHERE event = 'opened'"
            ),
            flagged
        );
        assert_eq!(
            count(
                url,
                "SELECT COUNT(*) FROM cases c LEFT JOIN decisions d ON d.id = c.decision_id WHERE d.id IS NULL"
            ),
            0
        );
        assert_eq!(
            count(
                url,
                "SELECT COUNT(*) FROM audit_log WHERE kind = 'decision'"
            ),
            count(url, "SELECT COUNT(*) FROM decisions")
        );
    };
    consistent(&url);

    let rerun = saring(&[
        "scan",
        &catalogue.display().to_string(),
        "--store",
        &url,
        "--out",
        &dir.path().join("again.jsonl").display().to_string(),
    ]);
    assert!(rerun.status.success(), "{}", text(&rerun.stderr));
    assert!(
        text(&rerun.stderr).contains(&format!(
            "{} decisions recorded, {recorded} unchanged",
            total as i64 - recorded
        )),
        "{}",
        text(&rerun.stderr)
    );
    assert_eq!(count(&url, "SELECT COUNT(*) FROM decisions"), total as i64);
    assert_eq!(
        count(
            &url,
            "SELECT COUNT(*) FROM (SELECT listing_id FROM decisions GROUP BY listing_id HAVING COUNT(*) > 1) d"
        ),
        0
    );
    consistent(&url);
    assert!(
        saring(&["audit", "verify", "--store", &url])
            .status
            .success()
    );
}

/// `saring audit keygen / checkpoint / verify --checkpoint / prove / verify-proof`, as an
/// operator and a regulator would use them, and a truncation caught against a checkpoint.
fn audit_checkpoints(url: &str) {
    scan_catalogue(url);
    let keys = TempDir::new().expect("temp dir");
    let file = |name: &str| keys.path().join(name).display().to_string();
    let (key, public) = (file("log.key"), file("log.key.pub"));
    let made = saring(&[
        "audit",
        "keygen",
        "--out",
        &key,
        "--origin",
        "saring.test/audit",
    ]);
    assert!(made.status.success(), "{}", text(&made.stderr));
    let public_text = std::fs::read_to_string(&public).expect("public key");
    assert_eq!(text(&made.stdout), public_text);
    assert!(
        public_text.starts_with("saring.test/audit+"),
        "{public_text}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key).expect("key").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let private_text = std::fs::read_to_string(&key).expect("private key");
    let again = saring(&["audit", "keygen", "--out", &key]);
    assert!(!again.status.success(), "a key is never overwritten");
    assert_eq!(std::fs::read_to_string(&key).expect("key"), private_text);

    let first = file("first.checkpoint");
    let signed = saring(&[
        "audit",
        "checkpoint",
        "--key",
        &key,
        "--out",
        &first,
        "--store",
        url,
    ]);
    assert!(signed.status.success(), "{}", text(&signed.stderr));
    let verify = |checkpoints: &[&str]| {
        let mut args = vec![
            "audit",
            "verify",
            "--store",
            url,
            "--public-key",
            public.as_str(),
        ];
        for checkpoint in checkpoints {
            args.extend(["--checkpoint", *checkpoint]);
        }
        saring(&args)
    };
    let verified = verify(&[&first]);
    assert!(verified.status.success(), "{}", text(&verified.stdout));
    assert!(text(&verified.stdout).contains("extends all 1 checkpoint(s)"));

    // A case's history, proven against the checkpoint and checked without the store.
    let case = count(url, "SELECT MIN(id) FROM cases").to_string();
    let proof = saring(&[
        "audit",
        "prove",
        "--case",
        &case,
        "--checkpoint",
        &first,
        "--public-key",
        &public,
        "--store",
        url,
    ]);
    assert!(proof.status.success(), "{}", text(&proof.stderr));
    let proof_file = file("case.proof.json");
    std::fs::write(&proof_file, &proof.stdout).expect("write");
    let checked = saring(&[
        "audit",
        "verify-proof",
        &proof_file,
        "--public-key",
        &public,
    ]);
    assert!(checked.status.success(), "{}", text(&checked.stderr));
    assert!(text(&checked.stdout).contains("proof verified: entries"));
    let altered = text(&proof.stdout).replacen(
        &format!("\"subject\": \"case/{case}\""),
        "\"subject\": \"case/999999\"",
        1,
    );
    assert_ne!(altered, text(&proof.stdout));
    std::fs::write(&proof_file, altered).expect("write");
    let refused = saring(&[
        "audit",
        "verify-proof",
        &proof_file,
        "--public-key",
        &public,
    ]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        text(&refused.stderr).contains("does not verify"),
        "{}",
        text(&refused.stderr)
    );

    // The log grows; the new checkpoint is proven to extend the first.
    let claim = saring(&["cases", "claim", &case, "--store", url, "--reviewer", "ana"]);
    assert!(claim.status.success(), "{}", text(&claim.stderr));
    let second = file("second.checkpoint");
    assert!(
        saring(&[
            "audit",
            "checkpoint",
            "--key",
            &key,
            "--out",
            &second,
            "--store",
            url
        ])
        .status
        .success()
    );
    let consistency = saring(&[
        "audit",
        "prove",
        "--from",
        &first,
        "--checkpoint",
        &second,
        "--public-key",
        &public,
        "--store",
        url,
    ]);
    assert!(
        consistency.status.success(),
        "{}",
        text(&consistency.stderr)
    );
    std::fs::write(&proof_file, &consistency.stdout).expect("write");
    let checked = saring(&[
        "audit",
        "verify-proof",
        &proof_file,
        "--public-key",
        &public,
    ]);
    assert!(checked.status.success(), "{}", text(&checked.stderr));
    assert!(text(&checked.stdout).contains("extends the one of"));

    // A checkpoint altered after signing, or checked with another key, is refused.
    let forged = file("forged.checkpoint");
    let note = std::fs::read_to_string(&second).expect("checkpoint");
    let size = note.lines().nth(1).expect("size line");
    std::fs::write(&forged, note.replacen(&format!("\n{size}\n"), "\n1\n", 1)).expect("write");
    let refused = verify(&[&forged]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        text(&refused.stderr).contains("signature"),
        "{}",
        text(&refused.stderr)
    );

    // Remove the last entries and move the head back: the chain check alone passes, the
    // checkpoint catches it and says which entries went.
    let total = count(url, "SELECT MAX(seq) FROM audit_log");
    raw_sql(
        url,
        &format!("DELETE FROM audit_log WHERE seq > {}", total - 1),
    );
    raw_sql(
        url,
        &format!(
            "UPDATE audit_head SET seq = {0}, hash = (SELECT hash FROM audit_log WHERE seq = {0}) WHERE id = 1",
            total - 1
        ),
    );
    assert!(
        saring(&["audit", "verify", "--store", url])
            .status
            .success()
    );
    let caught = verify(&[&first, &second]);
    assert_eq!(caught.status.code(), Some(1));
    let said = text(&caught.stdout);
    assert!(said.contains(&format!("OK {first}")), "{said}");
    assert!(
        said.contains(&format!("entries {total} to {total} were removed")),
        "{said}"
    );

    // Edit an entry the first checkpoint covers: named, and no checkpoint is signed over it.
    raw_sql(
        url,
        "UPDATE audit_log SET subject = 'tampered' WHERE seq = 5",
    );
    let caught = verify(&[&first]);
    assert_eq!(caught.status.code(), Some(1));
    assert!(
        text(&caught.stdout).contains("first differing entry: entry 5"),
        "{}",
        text(&caught.stdout)
    );
    let refused = saring(&["audit", "checkpoint", "--key", &key, "--store", url]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(text(&refused.stderr).contains("no checkpoint signed"));
}

#[test]
fn audit_checkpoints_on_sqlite() {
    let dir = TempDir::new().expect("temp dir");
    audit_checkpoints(&sqlite_url(&dir));
}

#[test]
fn audit_checkpoints_on_postgres() {
    let (schema, url) = postgres_url();
    audit_checkpoints(&url);
    raw_sql(&postgres_base(), &format!("DROP SCHEMA {schema} CASCADE"));
}
