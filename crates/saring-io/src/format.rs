//! File formats for catalogues and decisions.

use std::fmt;
use std::path::Path;
use std::str::FromStr;

/// A record file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// One JSON object per line.
    Jsonl,
    /// Comma-separated values with a header row; nested fields as dotted columns.
    Csv,
    /// Apache Parquet.
    Parquet,
}

/// A format name or file extension saring does not read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown format {0:?} (expected jsonl, csv or parquet)")]
pub struct UnknownFormat(pub String);

impl Format {
    /// Guesses the format from a file extension (`.jsonl`, `.ndjson`, `.json`, `.csv`,
    /// `.parquet`, `.pq`).
    pub fn from_path(path: &Path) -> Result<Format, UnknownFormat> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default()
            .to_ascii_lowercase();
        ext.parse()
            .map_err(|_| UnknownFormat(format!("extension of {}", path.display())))
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Jsonl => "jsonl",
            Format::Csv => "csv",
            Format::Parquet => "parquet",
        }
    }
}

impl FromStr for Format {
    type Err = UnknownFormat;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "jsonl" | "ndjson" | "json" => Ok(Format::Jsonl),
            "csv" => Ok(Format::Csv),
            "parquet" | "pq" => Ok(Format::Parquet),
            _ => Err(UnknownFormat(s.to_string())),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.extension())
    }
}
