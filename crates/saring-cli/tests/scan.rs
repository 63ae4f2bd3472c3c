//! End-to-end tests of `saring scan` through the real binary.

use std::fs;
use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn catalogue() -> PathBuf {
    repo_root().join("examples/catalogue.jsonl")
}

fn saring() -> Command {
    Command::cargo_bin("saring").expect("the saring binary is built")
}

fn jsonl(path: &Path) -> Vec<Value> {
    fs::read_to_string(path)
        .expect("output exists")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect()
}

fn input_ids() -> Vec<String> {
    jsonl(&catalogue())
        .iter()
        .map(|v| {
            v["id"]
                .as_str()
                .expect("example ids are strings")
                .to_string()
        })
        .collect()
}

#[test]
fn scans_the_example_catalogue_in_input_order_with_reasons() {
    let dir = TempDir::new().expect("temp dir");
    let out = dir.path().join("decisions.jsonl");
    let assert = saring()
        .arg("scan")
        .arg(catalogue())
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    let decisions = jsonl(&out);
    let ids: Vec<String> = decisions
        .iter()
        .map(|d| d["id"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(ids, input_ids(), "one decision per listing, in input order");
    assert!(
        stderr.contains(&format!(
            "input {n} = decisions {n} + rejected 0",
            n = ids.len()
        )),
        "{stderr}"
    );
    for d in &decisions {
        let verdict = d["decision"].as_str().unwrap_or_default();
        assert!(["allow", "review", "block"].contains(&verdict));
        let score = d["score"].as_f64().unwrap_or(-1.0);
        assert!((0.0..=1.0).contains(&score));
        assert!(
            d["model_version"]
                .as_str()
                .unwrap_or_default()
                .contains("lexicon@")
        );
        let flagged = verdict != "allow";
        assert_eq!(
            flagged,
            !d["legal_basis"].as_array().is_none_or(Vec::is_empty),
            "legal basis iff flagged"
        );
        for reason in d["reasons"].as_array().into_iter().flatten() {
            for span in reason["spans"].as_array().into_iter().flatten() {
                assert!(span["end"].as_u64() > span["start"].as_u64(), "{span}");
            }
        }
    }
    // Violations written openly with bales must not pass.
    let labels =
        fs::read_to_string(repo_root().join("examples/catalogue.labels.csv")).expect("labels");
    let bale_ids: Vec<&str> = labels
        .lines()
        .filter(|l| l.ends_with(",violation,bale_wholesale"))
        .filter_map(|l| l.split(',').next())
        .collect();
    assert!(!bale_ids.is_empty());
    for d in decisions
        .iter()
        .filter(|d| bale_ids.contains(&d["id"].as_str().unwrap_or_default()))
    {
        assert_ne!(d["decision"], "allow", "{d}");
        assert_eq!(d["priority"], "wholesale", "{d}");
    }
}

#[test]
fn output_is_byte_identical_across_runs_and_thread_counts() {
    let dir = TempDir::new().expect("temp dir");
    let runs: Vec<Vec<u8>> = ["1", "2", "2"]
        .iter()
        .map(|threads| {
            let out = saring()
                .args(["scan", "--threads", threads])
                .arg(catalogue())
                .current_dir(dir.path())
                .output()
                .expect("runs");
            assert!(out.status.success());
            out.stdout
        })
        .collect();
    assert!(!runs[0].is_empty());
    assert_eq!(runs[0], runs[1]);
    assert_eq!(runs[1], runs[2]);
}

#[test]
fn every_kind_of_defect_is_rejected_with_its_line_and_the_rest_scanned() {
    let dir = TempDir::new().expect("temp dir");
    let input = dir.path().join("bad.jsonl");
    let mut bytes = Vec::new();
    let lines: [&[u8]; 8] = [
        br#"{"id":"ok-1","platform":"shopee","title":"Jual ball press baju bekas import"}"#,
        br#"{"id":"broken","platform":"shopee","title":"no closing brace""#,
        br#"{"id":"wrong-type","platform":"shopee","title":"x","price":"150rb"}"#,
        br#"{"id":"missing","platform":"shopee"}"#,
        b"{\"id\":\"utf8\",\"platform\":\"shopee\",\"title\":\"\xc3\x28\"}",
        br#"{"id":"where","platform":"myspace","title":"x"}"#,
        br#"{"id":"ok-2","platform":"lazada","title":"Kaos polos baru","rating":5}"#,
        br#"[1,2,3]"#,
    ];
    for line in lines {
        bytes.extend_from_slice(line);
        bytes.push(b'\n');
    }
    fs::write(&input, bytes).expect("write input");
    let out = dir.path().join("decisions.jsonl");
    let assert = saring()
        .arg("scan")
        .arg(&input)
        .arg("--out")
        .arg(&out)
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(
        stderr.contains("input 8 = decisions 2 + rejected 6"),
        "{stderr}"
    );
    assert!(stderr.contains("unknown field `rating`"), "{stderr}");
    let decided: Vec<Value> = jsonl(&out);
    assert_eq!(
        decided.iter().map(|d| d["id"].clone()).collect::<Vec<_>>(),
        ["ok-1", "ok-2"]
    );
    let rejected = jsonl(&dir.path().join("decisions.rejected.jsonl"));
    let lines: Vec<u64> = rejected
        .iter()
        .map(|r| r["line"].as_u64().unwrap_or(0))
        .collect();
    assert_eq!(lines, [2, 3, 4, 5, 6, 8]);
    let reasons: Vec<&str> = rejected
        .iter()
        .map(|r| r["reason"].as_str().unwrap_or_default())
        .collect();
    for (reason, needle) in reasons.iter().zip([
        "EOF",
        "invalid type",
        "missing field `title`",
        "UTF-8",
        "unknown platform",
        "invalid type",
    ]) {
        assert!(
            reason.contains(needle),
            "{reason:?} should mention {needle:?}"
        );
    }
    assert!(rejected.iter().all(|r| {
        r["input"]
            .as_str()
            .is_some_and(|i| i.ends_with("bad.jsonl"))
    }));
}

#[test]
fn fatal_errors_exit_1_with_one_line() {
    let dir = TempDir::new().expect("temp dir");
    let unknown = dir.path().join("listings.xml");
    fs::write(&unknown, "<x/>").expect("write");
    for args in [
        vec![unknown.clone()],
        vec![dir.path().join("missing.jsonl")],
    ] {
        let out = saring().arg("scan").args(&args).output().expect("runs");
        assert_eq!(out.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
        assert!(stderr.starts_with("saring: error:"), "{stderr}");
    }
    let same = saring()
        .arg("scan")
        .arg(catalogue())
        .arg("--out")
        .arg(catalogue())
        .output()
        .expect("runs");
    assert_eq!(
        same.status.code(),
        Some(1),
        "refuses to overwrite its input"
    );
}

#[test]
fn reads_standard_input() {
    let input = fs::read(catalogue()).expect("catalogue");
    let out = saring()
        .args(["scan", "-"])
        .write_stdin(input)
        .output()
        .expect("runs");
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).lines().count(),
        input_ids().len()
    );
}

/// Decisions from a scan of `input`, as JSON lines text.
fn scan_to_jsonl(input: &Path, extra: &[&str]) -> String {
    let out = saring()
        .arg("scan")
        .arg(input)
        .args(extra)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

#[test]
fn csv_input_gives_the_same_decisions_as_jsonl() {
    let dir = TempDir::new().expect("temp dir");
    let csv_path = dir.path().join("catalogue.csv");
    let columns = [
        "id",
        "platform",
        "url",
        "title",
        "description",
        "price",
        "category",
        "seller.id",
        "seller.name",
        "seller.phone",
        "created_at",
    ];
    let mut rows = vec![columns.join(",")];
    for listing in jsonl(&catalogue()) {
        let cell = |name: &str| -> String {
            let value = name.split('.').fold(&listing, |v, key| &v[key]);
            let text = match value {
                Value::Null => String::new(),
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            format!("\"{}\"", text.replace('"', "\"\""))
        };
        rows.push(
            columns
                .iter()
                .map(|c| cell(c))
                .collect::<Vec<_>>()
                .join(","),
        );
    }
    fs::write(&csv_path, rows.join("\n")).expect("write csv");
    // The CSV carries no `signals`, so compare with a JSONL copy without them.
    let plain = dir.path().join("plain.jsonl");
    let without_signals: Vec<String> = jsonl(&catalogue())
        .into_iter()
        .map(|mut v| {
            if let Value::Object(map) = &mut v {
                map.remove("signals");
            }
            v.to_string()
        })
        .collect();
    fs::write(&plain, without_signals.join("\n")).expect("write jsonl");
    assert_eq!(scan_to_jsonl(&csv_path, &[]), scan_to_jsonl(&plain, &[]));
}

#[test]
fn parquet_in_and_out_round_trip() {
    let dir = TempDir::new().expect("temp dir");
    // Write the catalogue as Parquet with nested columns inferred from the JSON.
    let parquet_in = dir.path().join("catalogue.parquet");
    let file = fs::File::open(catalogue()).expect("catalogue");
    let (schema, _) =
        arrow_json::reader::infer_json_schema(BufReader::new(file), None).expect("schema");
    let schema = Arc::new(schema);
    let reader = arrow_json::ReaderBuilder::new(schema.clone())
        .build(BufReader::new(
            fs::File::open(catalogue()).expect("catalogue"),
        ))
        .expect("json reader");
    let mut writer = parquet::arrow::ArrowWriter::try_new(
        fs::File::create(&parquet_in).expect("create"),
        schema,
        None,
    )
    .expect("parquet writer");
    for batch in reader {
        writer.write(&batch.expect("batch")).expect("write batch");
    }
    writer.close().expect("close");
    let from_parquet = scan_to_jsonl(&parquet_in, &[]);
    assert_eq!(from_parquet, scan_to_jsonl(&catalogue(), &[]));

    // And decisions written as Parquet read back equal to the JSONL decisions.
    let parquet_out = dir.path().join("decisions.parquet");
    scan_to_jsonl(
        &catalogue(),
        &["--out", parquet_out.to_str().expect("utf-8 path")],
    );
    let batches = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(
        fs::File::open(&parquet_out).expect("decisions parquet"),
    )
    .expect("parquet")
    .build()
    .expect("reader");
    let mut rows = Vec::new();
    let mut json = arrow_json::LineDelimitedWriter::new(&mut rows);
    for batch in batches {
        json.write(&batch.expect("batch")).expect("to json");
    }
    json.finish().expect("finish");
    let read_back: Vec<Value> = String::from_utf8(rows)
        .expect("utf-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    let expected: Vec<Value> = from_parquet
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    assert_eq!(read_back, expected);
}
