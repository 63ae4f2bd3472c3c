//! Reading listing catalogues and writing decisions.
//!
//! Readers stream: they hold one record (or one Parquet row group) at a time, so memory
//! does not grow with the input. A malformed record never stops a reader: it comes out
//! as a [`Rejection`] with its line or row number, and reading goes on. Only a failure
//! to read the input at all is an error.

mod csv_input;
mod format;
mod jsonl_input;
mod parquet_input;
mod record;
mod write;

pub use format::{Format, UnknownFormat};
pub use record::{Position, Record, Rejection};
pub use write::{DecisionWriter, RejectionWriter, WriteError};

use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// The input could not be read at all (as opposed to one bad record).
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The file could not be opened or read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// What was being read.
        path: String,
        /// The operating system's error.
        source: io::Error,
    },
    /// The CSV header row is missing or unreadable.
    #[error("{path}: bad CSV header: {message}")]
    CsvHeader {
        /// What was being read.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// The Parquet file is damaged or not Parquet.
    #[error("{path}: not a readable Parquet file: {message}")]
    Parquet {
        /// What was being read.
        path: String,
        /// What the Parquet reader said.
        message: String,
    },
}

/// Where listings come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file.
    Path(PathBuf),
    /// Standard input (`-` on the command line).
    Stdin,
}

impl Input {
    /// `-` means standard input, anything else a path.
    pub fn from_arg(arg: &Path) -> Input {
        if arg.as_os_str() == "-" {
            Input::Stdin
        } else {
            Input::Path(arg.to_path_buf())
        }
    }

    /// A name for messages.
    pub fn display_name(&self) -> String {
        match self {
            Input::Path(p) => p.display().to_string(),
            Input::Stdin => "<stdin>".to_string(),
        }
    }

    /// Size in bytes when known (files), for progress and ETA.
    pub fn size(&self) -> Option<u64> {
        match self {
            Input::Path(p) => std::fs::metadata(p).ok().map(|m| m.len()),
            Input::Stdin => None,
        }
    }
}

/// A stream of records from a catalogue.
pub type Records = Box<dyn Iterator<Item = Result<Record, ReadError>> + Send>;

/// Counts the bytes consumed from the input, for progress reporting.
#[derive(Debug, Clone, Default)]
pub struct BytesRead(Arc<AtomicU64>);

impl BytesRead {
    /// Bytes consumed so far.
    pub fn get(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }
}

struct CountingReader<R> {
    inner: R,
    count: BytesRead,
}

impl<R: Read> Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.0.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

fn counted(inner: Box<dyn Read + Send>, count: &BytesRead) -> CountingReader<Box<dyn Read + Send>> {
    CountingReader {
        inner,
        count: count.clone(),
    }
}

/// Records of `format` read from `reader`; Parquet, which must seek to its footer, is
/// read whole first.
fn records_from_reader(
    reader: impl Read + Send + 'static,
    format: Format,
    name: String,
) -> Result<Records, ReadError> {
    Ok(match format {
        Format::Jsonl => Box::new(jsonl_input::JsonlRecords::new(
            BufReader::with_capacity(1 << 16, reader),
            name,
        )),
        Format::Csv => Box::new(csv_input::CsvRecords::new(reader, name)?),
        Format::Parquet => Box::new(parquet_input::ParquetRecords::from_bytes(
            read_all(reader, &name)?,
            name,
            BytesRead::default(),
        )?),
    })
}

fn read_all(mut reader: impl Read, name: &str) -> Result<Vec<u8>, ReadError> {
    let mut data = Vec::new();
    reader
        .read_to_end(&mut data)
        .map_err(|source| ReadError::Io {
            path: name.to_string(),
            source,
        })?;
    Ok(data)
}

/// Records of a catalogue held in memory (an upload, a fuzzer's input), named `name` in
/// messages.
pub fn from_bytes(data: Vec<u8>, format: Format, name: &str) -> Result<Records, ReadError> {
    records_from_reader(io::Cursor::new(data), format, name.to_string())
}

/// Opens `input` as a stream of records in `format`.
pub fn open(input: &Input, format: Format) -> Result<(Records, BytesRead), ReadError> {
    let name = input.display_name();
    let io_error = |source| ReadError::Io {
        path: name.clone(),
        source,
    };
    let count = BytesRead::default();
    let records: Records =
        match (input, format) {
            (Input::Path(path), Format::Parquet) => Box::new(
                parquet_input::ParquetRecords::from_file(path, name, count.clone())?,
            ),
            (Input::Path(path), _) => {
                let file = File::open(path).map_err(io_error)?;
                records_from_reader(counted(Box::new(file), &count), format, name)?
            }
            (Input::Stdin, _) => {
                records_from_reader(counted(Box::new(io::stdin()), &count), format, name)?
            }
        };
    Ok((records, count))
}
