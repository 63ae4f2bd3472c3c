//! `saring scan --bank`: a rotated re-upload of a bank photo is caught, an unrelated photo is not.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn test_image(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../saring-pdq/tests/data/threatexchange/data")
        .join(relative)
}

#[test]
fn rotated_copy_of_a_bank_photo_becomes_an_image_match_reason() {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let original = test_image("reg-test-input/dih/bridge-1-original.jpg");
    // The bank is the output of `saring hash` on the original photo.
    let hashed = Command::cargo_bin("saring")
        .expect("binary")
        .arg("hash")
        .arg(&original)
        .output()
        .expect("runs");
    assert!(hashed.status.success());
    let bank = dir.path().join("bales.txt");
    std::fs::write(&bank, &hashed.stdout).expect("write bank");

    let rotated = dir.path().join("reupload.png");
    image::open(&original)
        .expect("decode original")
        .rotate90()
        .save(&rotated)
        .expect("save rotated");
    let unrelated = test_image("misc-images/wee.jpg");
    let listings = [
        serde_json::json!({"id": "a", "platform": "shopee", "title": "Jaket wanita", "images": [{"path": rotated.display().to_string()}]}),
        serde_json::json!({"id": "b", "platform": "shopee", "title": "Jaket wanita", "images": [{"path": unrelated.display().to_string()}]}),
    ];
    let catalogue = dir.path().join("catalogue.jsonl");
    let lines: Vec<String> = listings.iter().map(Value::to_string).collect();
    std::fs::write(&catalogue, lines.join("\n")).expect("write catalogue");

    let out = Command::cargo_bin("saring")
        .expect("binary")
        .arg("scan")
        .arg(&catalogue)
        .arg("--bank")
        .arg(format!("known-bales={}", bank.display()))
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let decisions: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    let image_reasons = |d: &Value| -> Vec<String> {
        d["reasons"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|r| r["kind"] == "image_match")
            .map(|r| r["name"].as_str().unwrap_or_default().to_string())
            .collect()
    };
    assert_eq!(
        image_reasons(&decisions[0]),
        ["known-bales"],
        "{}",
        decisions[0]
    );
    assert_ne!(decisions[0]["decision"], "allow");
    assert!(image_reasons(&decisions[1]).is_empty(), "{}", decisions[1]);
    assert!(
        decisions[0]["model_version"]
            .as_str()
            .unwrap_or_default()
            .contains("images@")
    );
}
