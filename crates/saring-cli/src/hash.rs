//! `saring hash`: PDQ hashes of image files, in the format of Meta's pdq-photo-hasher.

use std::path::PathBuf;
use std::process::ExitCode;

use rayon::prelude::*;

/// Arguments of `saring hash`.
#[derive(clap::Args, Debug)]
pub struct HashArgs {
    /// Image files (JPEG, PNG, WebP, GIF).
    #[arg(required = true, value_name = "IMAGE")]
    images: Vec<PathBuf>,
}

/// Prints `hash_hex,quality,path` for each image, in argument order. A file that cannot be
/// read or decoded gets an error line on stderr and the others go on; exit code 2 then.
pub fn run(args: &HashArgs) -> anyhow::Result<ExitCode> {
    let results: Vec<Result<String, String>> = args
        .images
        .par_iter()
        .map(|path| {
            let bytes =
                std::fs::read(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
            let hashed =
                saring_pdq::hash_bytes(&bytes).map_err(|e| format!("{}: {e}", path.display()))?;
            Ok(format!(
                "{},{},{}",
                hashed.hash.to_hex(),
                hashed.quality,
                path.display()
            ))
        })
        .collect();
    let mut failed = false;
    for result in results {
        match result {
            Ok(line) => outln!("{line}"),
            Err(message) => {
                failed = true;
                eprintln!("saring: error: {message}");
            }
        }
    }
    Ok(if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
