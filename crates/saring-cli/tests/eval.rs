//! End-to-end tests of `saring eval` through the real binary.

use std::fs;

use assert_cmd::Command;
use tempfile::TempDir;

/// Four listings the bundled configuration decides without doubt: two bales of used clothing
/// and two new local products.
const LABELLED: &str = r#"{"id": "v1", "platform": "shopee", "title": "BAL SEGEL pakaian bekas import korea isi 300 pcs", "description": "karungan 100 kg, thrift grade A, second impor", "label": "violation", "tactic": "bale_wholesale"}
{"id": "v2", "platform": "tokopedia", "title": "ball press baju bekas jepang 1 karung", "description": "bal pres second import per karung, grosir thrift", "label": "violation", "tactic": "bale_wholesale"}
{"id": "l1", "platform": "shopee", "title": "Kaos polos katun combed 30s produksi sendiri", "description": "baru, jahitan rapi, konveksi Bandung", "label": "legitimate", "tactic": "new_local_umkm"}
{"id": "l2", "platform": "lazada", "title": "Keripik singkong pedas 250 gram", "description": "camilan rumahan, baru digoreng", "label": "legitimate", "tactic": "services_news"}
"#;

fn labelled_file(dir: &TempDir) -> std::path::PathBuf {
    let path = dir.path().join("labelled.jsonl");
    fs::write(&path, LABELLED).expect("temp file is writable");
    path
}

#[test]
fn eval_reports_precision_recall_and_the_confusion_table() {
    let dir = TempDir::new().expect("temp dir");
    let file = labelled_file(&dir);
    let assert = Command::cargo_bin("saring")
        .expect("the saring binary is built")
        .arg("eval")
        .arg(&file)
        .assert()
        .success();
    let report = String::from_utf8_lossy(&assert.get_output().stdout).to_string();
    // The line that starts with `start`, its runs of spaces read as one.
    let line = |start: &str| {
        report
            .lines()
            .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
            .find(|line| line.starts_with(start))
            .unwrap_or_else(|| panic!("no line starting {start:?} in:\n{report}"))
    };
    assert!(report.starts_with(&format!("{} screened by lexicon@", file.display())));
    assert_eq!(line("listings"), "listings 4 (2 violation, 2 legitimate)");
    assert_eq!(line("recall"), "recall 1.0000");
    assert_eq!(line("legit blocked"), "legit blocked 0");
    assert!(line("false positives").starts_with("false positives 0.0000"));
    assert_eq!(
        line("violation bale_wholesale"),
        "violation bale_wholesale 2 0 0 2 1.000"
    );
    assert_eq!(
        line("legitimate new_local_umkm"),
        "legitimate new_local_umkm 1 1 0 0 0.000"
    );
    assert_eq!(line("violation all"), "violation all 2 0 0 2 1.000");
    assert_eq!(line("legitimate all"), "legitimate all 2 2 0 0 0.000");
}
