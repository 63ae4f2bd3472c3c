//! `saring hash` against Meta's reference outputs (test images from ThreatExchange, see
//! crates/saring-pdq/tests/data/README.md).

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn test_data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../saring-pdq/tests/data/threatexchange")
}

/// The reference hash and quality of `relative` in the C++ tool's table.
fn reference(relative: &str) -> (String, String) {
    let table = std::fs::read_to_string(test_data().join("expected/cpp-reference-pdq.tsv"))
        .expect("reference table");
    let row = table
        .lines()
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .find(|cols| cols[0] == relative)
        .expect("image is in the reference table");
    (row[7].to_string(), row[6].to_string())
}

#[test]
fn prints_reference_hashes_and_reports_broken_files_without_stopping() {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let broken = dir.path().join("not-an-image.jpg");
    std::fs::write(&broken, b"this is text, not a JPEG").expect("write");
    // A PNG decodes to the same pixels everywhere: its hash is exact. JPEG decoders differ
    // slightly from the reference tool's libjpeg-turbo, so a JPEG lands a few bits away.
    let images = [
        "data/reg-test-input/pen-and-coaster.png",
        "data/misc-images/wee.jpg",
    ];
    let out = Command::cargo_bin("saring")
        .expect("binary")
        .arg("hash")
        .arg(test_data().join(images[0]))
        .arg(&broken)
        .arg(test_data().join(images[1]))
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(2),
        "a broken file makes exit code 2"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    for (line, image) in lines.iter().zip(images) {
        let (hash, quality) = reference(image);
        let fields: Vec<&str> = line.splitn(3, ',').collect();
        assert_eq!(fields[1], quality, "{line}");
        assert_eq!(fields[2], test_data().join(image).display().to_string());
        let ours: saring_pdq::PdqHash = fields[0].parse().expect("64 hex digits");
        let theirs: saring_pdq::PdqHash = hash.parse().expect("reference hash");
        let allowed = if image.ends_with(".png") { 0 } else { 10 };
        assert!(
            ours.hamming_distance(&theirs) <= allowed,
            "{image}: {line} vs {hash}"
        );
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("not-an-image.jpg"), "{stderr}");
}
