//! `saring lexicon` through the real binary: reviewers' decisions teach a new code word,
//! which a proposed lexicon version then carries and an activation puts in force.

use std::path::Path;
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;

fn saring(args: &[&str]) -> Output {
    Command::cargo_bin("saring")
        .expect("binary")
        .args(args)
        .env_remove("SARING_STORE")
        .env("SARING_REVIEWER", "ana")
        .output()
        .expect("runs")
}

fn ok(output: &Output) -> String {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn write_catalogue(path: &Path) {
    let titles = [
        ("g1", "Gembolan thrift bal import korea isi 100 pcs jaket"),
        ("g2", "bal gembolan second import jepang campur kemeja"),
        ("g3", "Gembolan karungan thrift korea hoodie bekas import"),
        ("g4", "jual gembolan bal thrift import isi kaos bekas"),
        ("c1", "bal thrift import korea jaket bekas"),
        ("c2", "karungan thrift bekas import kemeja"),
    ];
    let lines: Vec<String> = titles
        .iter()
        .map(|(id, title)| {
            serde_json::json!({"id": id, "platform": "shopee", "title": title,
                "seller": {"id": format!("s-{id}")}})
            .to_string()
        })
        .collect();
    std::fs::write(path, lines.join("\n")).expect("catalogue written");
}

#[test]
fn confirmed_cases_teach_a_code_word_that_a_new_lexicon_version_puts_in_force() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let url = format!("sqlite://{}", dir.path().join("saring.db").display());
    let catalogue = dir.path().join("catalogue.jsonl");
    write_catalogue(&catalogue);
    let decisions = dir.path().join("decisions.jsonl");
    let catalogue_arg = catalogue.to_string_lossy().to_string();
    let decisions_arg = decisions.to_string_lossy().to_string();
    ok(&saring(&[
        "scan",
        &catalogue_arg,
        "--out",
        &decisions_arg,
        "--store",
        &url,
    ]));

    // Reviewers confirm the gembolan listings and clear the others.
    let listed = ok(&saring(&["cases", "list", "--store", &url]));
    let mut confirmed = 0;
    for line in listed.lines() {
        let id = line.split_whitespace().next().expect("case id");
        let shown = ok(&saring(&["cases", "show", id, "--store", &url]));
        let outcome = if shown.contains("ambolan") || shown.contains("embolan") {
            confirmed += 1;
            "confirm"
        } else {
            "clear"
        };
        ok(&saring(&[
            "cases",
            "decide",
            id,
            outcome,
            "--reason",
            "checked photos",
            "--store",
            &url,
        ]));
    }
    assert_eq!(
        confirmed, 4,
        "all four gembolan listings were flagged: {listed}"
    );

    let suggested = ok(&saring(&["lexicon", "suggest", "--json", "--store", &url]));
    let candidates: Value = serde_json::from_str(&suggested).expect("JSON");
    assert_eq!(candidates[0]["term"], "gembolan", "{suggested}");
    assert_eq!(candidates[0]["confirmed"], 4);
    assert_eq!(candidates[0]["cleared"], 0);

    // A reviewer writes the next version with the new term and proposes it.
    let bundled = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../config/lexicon.toml"),
    )
    .expect("bundled lexicon");
    let (_, rest) = bundled.split_once("\nversion = ").expect("version line");
    let (_, rest) = rest.split_once('\n').expect("rest of file");
    let next = format!(
        "version = \"test-gembolan\"\n{rest}\n[[term]]\nname = \"gembolan\"\n\
         forms = [\"gembolan\"]\ncategory = \"bale\"\nweight = 0.3\n"
    );
    let file = dir.path().join("lexicon.toml");
    std::fs::write(&file, next).expect("lexicon written");
    let file_arg = file.to_string_lossy().to_string();
    let refused = saring(&[
        "lexicon", "propose", &file_arg, "--note", " ", "--store", &url,
    ]);
    assert!(!refused.status.success(), "a proposal needs a note");
    ok(&saring(&[
        "lexicon",
        "propose",
        &file_arg,
        "--note",
        "adds gembolan",
        "--store",
        &url,
    ]));
    ok(&saring(&[
        "lexicon",
        "activate",
        "test-gembolan",
        "--store",
        &url,
    ]));
    let history = ok(&saring(&["lexicon", "history", "--store", &url]));
    assert!(history.contains("test-gembolan\tactive\tana"), "{history}");

    // Screening with the store now uses the active version.
    let rescanned = dir.path().join("rescanned.jsonl");
    let rescanned_arg = rescanned.to_string_lossy().to_string();
    ok(&saring(&[
        "scan",
        &catalogue_arg,
        "--out",
        &rescanned_arg,
        "--store",
        &url,
    ]));
    let decisions = std::fs::read_to_string(&rescanned).expect("decisions");
    assert!(
        decisions.contains("lexicon@test-gembolan"),
        "decisions name the active lexicon: {decisions}"
    );

    // The active lexicon knows the word now, so it is no longer suggested.
    let again = ok(&saring(&["lexicon", "suggest", "--json", "--store", &url]));
    let candidates: Value = serde_json::from_str(&again).expect("JSON");
    let terms: Vec<&str> = candidates
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|c| c["term"].as_str())
        .collect();
    assert!(!terms.contains(&"gembolan"), "{again}");

    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "version = 3").expect("written");
    let refused = saring(&[
        "lexicon",
        "propose",
        &bad.to_string_lossy(),
        "--note",
        "x",
        "--store",
        &url,
    ]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("not a valid lexicon"));
}
