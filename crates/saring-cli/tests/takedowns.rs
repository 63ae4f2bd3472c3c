//! `saring takedowns` and `saring report` end to end on SQLite: the example request against
//! the screened example catalogue.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn saring(store: &str) -> Command {
    let mut command = Command::cargo_bin("saring").expect("binary");
    command.env("SARING_STORE", store).current_dir(repo());
    command
}

#[test]
fn a_request_is_imported_matched_listed_marked_and_reported() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let store = format!("sqlite://{}", dir.path().join("saring.db").display());
    let out = dir.path().join("decisions.jsonl");
    let scanned = saring(&store)
        .args([
            "scan",
            "examples/catalogue.jsonl",
            "--store",
            &store,
            "--out",
        ])
        .arg(&out)
        .output()
        .expect("scan runs");
    assert!(
        scanned.status.success(),
        "{}",
        String::from_utf8_lossy(&scanned.stderr)
    );

    let import = saring(&store)
        .args(["takedowns", "import", "examples/takedown-request.csv"])
        .output()
        .expect("import runs");
    let stderr = String::from_utf8_lossy(&import.stderr);
    assert_eq!(import.status.code(), Some(2), "a malformed row: {stderr}");
    assert!(
        stderr.contains("takedown-request.csv:10: issued_at"),
        "{stderr}"
    );
    assert!(
        stderr.contains("takedown-request.csv:9: duplicate of line 2"),
        "{stderr}"
    );
    assert!(
        stderr.contains("imported 2 request(s), 10 link(s)"),
        "{stderr}"
    );

    let listed = saring(&store)
        .args(["takedowns", "list", "--format", "json"])
        .output()
        .expect("list runs");
    assert!(listed.status.success());
    let links: Vec<Value> = serde_json::from_slice(&listed.stdout).expect("JSON list");
    let matched: Vec<(&str, Option<&str>)> = links
        .iter()
        .map(|l| (l["url"].as_str().unwrap_or(""), l["listing_id"].as_str()))
        .collect();
    let expected = [
        Some("shopee-23810455102"),
        Some("tokopedia-2901184473"),
        Some("tiktokshop-1729384756102938475"),
        Some("lazada-7123456789"),
        Some("bukalapak-4n8k2q"),
        None, // short link: cannot be resolved offline
        None, // look-alike host
        Some("instagram-C9xYz12AbCd"),
        Some("bukalapak-4n8k2q"), // the same listing in the second request
        None,                     // a listing not screened yet: pending
    ];
    let found: Vec<Option<&str>> = matched.iter().map(|(_, id)| *id).collect();
    assert_eq!(found, expected, "{matched:?}");
    assert!(
        links[5]["url_problem"]
            .as_str()
            .is_some_and(|p| p.contains("short link"))
    );
    assert_eq!(links[6]["platform"], "other");
    assert_eq!(links[8]["duplicate_of"], links[4]["id"]);

    let id = links[0]["id"].to_string();
    let marked = saring(&store)
        .args([
            "takedowns",
            "mark",
            &id,
            "--status",
            "taken-down",
            "--at",
            "2026-11-30T13:30:00+07:00",
        ])
        .output()
        .expect("mark runs");
    assert!(
        marked.status.success(),
        "{}",
        String::from_utf8_lossy(&marked.stderr)
    );
    let refused = saring(&store)
        .args(["takedowns", "mark", &id, "--status", "disputed"])
        .output()
        .expect("mark runs");
    assert_eq!(refused.status.code(), Some(1));

    let report = saring(&store)
        .args([
            "report",
            "--from",
            "2026-11-01",
            "--to",
            "2026-12-31",
            "--format",
            "json",
        ])
        .output()
        .expect("report runs");
    assert!(
        report.status.success(),
        "{}",
        String::from_utf8_lossy(&report.stderr)
    );
    let figures: Value = serde_json::from_slice(&report.stdout).expect("JSON report");
    assert_eq!(figures["total"]["requested"], 9);
    assert_eq!(figures["total"]["taken_down"], 1);
    assert_eq!(figures["total"]["median_hours"], 4.5);
    assert_eq!(figures["by_agency"]["Komdigi"]["requested"], 2);

    let html = dir.path().join("report.html");
    let page = saring(&store)
        .args([
            "report",
            "--from",
            "2026-11-01",
            "--to",
            "2026-12-31",
            "--out",
        ])
        .arg(&html)
        .output()
        .expect("report runs");
    assert!(page.status.success());
    let text = std::fs::read_to_string(&html).expect("report written");
    assert!(text.contains("<svg") && text.contains("Kemendag"));
    assert!(!text.contains("<script"));
}
