//! What the command says of itself outside `--help`: the reference pages in docs/ (current with
//! the clap definitions and the OpenAPI document), shell completions and man pages.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The repository's docs/ folder.
fn docs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs")
}

fn saring() -> Command {
    Command::cargo_bin("saring").expect("binary")
}

#[test]
fn the_generated_pages_in_docs_are_current() {
    let output = saring()
        .args(["docs", "--check", "--dir"])
        .arg(docs_dir())
        .output()
        .expect("saring docs runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The generated pages, written into a fresh folder by `saring docs --dir`.
fn generated_pages() -> tempfile::TempDir {
    let dir = tempfile::TempDir::new().expect("temp dir");
    saring()
        .args(["docs", "--dir"])
        .arg(dir.path())
        .assert()
        .success();
    dir
}

#[test]
fn a_stale_page_is_named_with_the_command_that_regenerates_it() {
    let dir = generated_pages();
    for page in ["cli.md", "api.md", "openapi.json"] {
        let text = std::fs::read_to_string(dir.path().join(page)).expect("page written");
        assert!(text.len() > 1000, "{page} has content: {text}");
    }
    saring()
        .args(["docs", "--check", "--dir"])
        .arg(dir.path())
        .assert()
        .success();

    let cli = dir.path().join("cli.md");
    let text = std::fs::read_to_string(&cli).expect("cli.md");
    std::fs::write(&cli, text.replace("--out", "--output")).expect("edit cli.md");
    std::fs::remove_file(dir.path().join("openapi.json")).expect("remove openapi.json");
    let output = saring()
        .args(["docs", "--check", "--dir"])
        .arg(dir.path())
        .output()
        .expect("saring docs runs");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("cli.md"), "{stderr}");
    assert!(stderr.contains("openapi.json"), "{stderr}");
    assert!(!stderr.contains("api.md,"), "api.md is current: {stderr}");
    assert!(
        stderr.contains("cargo run -p saring-cli -- docs --dir docs"),
        "{stderr}"
    );
}

#[test]
fn the_cli_reference_covers_every_command_and_the_api_reference_every_route() {
    let dir = generated_pages();
    let cli = std::fs::read_to_string(dir.path().join("cli.md")).expect("cli.md");
    for heading in [
        "## `saring scan`",
        "## `saring cases list`",
        "## `saring takedowns import`",
        "## `saring completions`",
        "## `saring man`",
    ] {
        assert!(cli.contains(heading), "{heading} in cli.md");
    }
    assert!(cli.contains("--out"), "scan's options are listed");
    assert!(
        !cli.contains("## `saring docs`"),
        "the hidden command stays out"
    );

    let api = std::fs::read_to_string(dir.path().join("api.md")).expect("api.md");
    let document: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("openapi.json")).expect("openapi.json"),
    )
    .expect("openapi.json is JSON");
    let paths = document["paths"].as_object().expect("paths");
    assert!(paths.len() >= 15, "the document has the routes");
    for (path, item) in paths {
        for method in item.as_object().expect("path item").keys() {
            let heading = format!("### {} {path}\n", method.to_uppercase());
            assert!(api.contains(&heading), "{heading} in api.md");
        }
    }
    assert!(api.contains("### ApiError"), "schemas are described");
}

#[test]
fn completions_are_printed_for_each_shell() {
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef saring"),
        ("fish", "complete -c saring"),
        ("elvish", "saring"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let output = saring()
            .args(["completions", shell])
            .output()
            .expect("runs");
        assert!(output.status.success(), "{shell}");
        let script = String::from_utf8_lossy(&output.stdout);
        assert!(script.contains(marker), "{shell}: {marker}");
        for command in ["scan", "takedowns", "webhooks"] {
            assert!(script.contains(command), "{shell} completes {command}");
        }
    }
    let refused = saring()
        .args(["completions", "tcsh"])
        .output()
        .expect("runs");
    assert_eq!(
        refused.status.code(),
        Some(2),
        "an unknown shell is a usage error"
    );
}

#[test]
fn bash_completion_loads_and_completes_subcommands() {
    let script = saring()
        .args(["completions", "bash"])
        .output()
        .expect("runs")
        .stdout;
    let dir = tempfile::TempDir::new().expect("temp dir");
    let file = dir.path().join("saring.bash");
    std::fs::write(&file, script).expect("write");
    // Load the script and ask it what follows `saring ta`, as bash would on TAB.
    let probe = format!(
        "source {}; COMP_WORDS=(saring ta); COMP_CWORD=1; COMP_LINE='saring ta'; \
         COMP_POINT=9; _saring saring ta saring; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        file.display()
    );
    let output = std::process::Command::new("bash")
        .args(["-c", &probe])
        .output()
        .expect("bash runs");
    let replies = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        replies.trim(),
        "takedowns",
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn man_pages_are_written_one_per_command() {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let pages = dir.path().join("man1");
    saring()
        .args(["man", "--dir"])
        .arg(&pages)
        .assert()
        .success();
    for (page, mentions) in [
        ("saring.1", "scan"),
        ("saring-scan.1", "\\-\\-out"),
        ("saring-cases-list.1", "\\-\\-state"),
        ("saring-takedowns-import.1", "takedowns"),
    ] {
        let text = std::fs::read_to_string(pages.join(page)).expect(page);
        assert!(
            text.starts_with(".ie") || text.contains("\n.TH "),
            "{page} is roff"
        );
        assert!(text.contains(".TH "), "{page} has a title line");
        assert!(text.contains(mentions), "{page} mentions {mentions}");
    }
    assert!(
        !pages.join("saring-docs.1").exists(),
        "the hidden command has no page"
    );
}

#[test]
fn man_refuses_a_folder_it_cannot_create() {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let file = dir.path().join("a-file");
    std::fs::write(&file, "x").expect("write");
    let output = saring()
        .args(["man", "--dir"])
        .arg(file.join("man1"))
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("a-file/man1"), "{stderr}");
}
