//! A report written to a reader that has gone (`saring ... | head`) ends with an error
//! naming standard output, not with a panic.

use std::path::Path;
use std::process::{Command, Stdio};

use assert_cmd::cargo::CommandCargoExt;

/// Runs `saring args`, its standard output closed before anything is written, and returns
/// its exit code and standard error.
fn run_with_the_reader_gone(args: &[&str]) -> (Option<i32>, String) {
    let mut child = Command::cargo_bin("saring")
        .expect("the saring binary is built")
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("saring starts");
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("saring ends");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn assert_error_not_panic(args: &[&str]) {
    let (code, stderr) = run_with_the_reader_gone(args);
    assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    assert!(
        stderr.contains("saring: error: cannot write to standard output"),
        "{args:?}: {stderr}"
    );
    assert_eq!(code, Some(1), "{args:?}: {stderr}");
}

#[test]
fn eval_into_a_closed_pipe_is_an_error() {
    assert_error_not_panic(&["eval", "corpus/test/test.jsonl"]);
}

#[test]
fn hash_into_a_closed_pipe_is_an_error() {
    assert_error_not_panic(&[
        "hash",
        "crates/saring-pdq/tests/data/threatexchange/data/reg-test-input/pen-and-coaster.png",
    ]);
}
