//! Parquet input: columns may be nested (struct `seller`, list `images`, map `signals`)
//! or flat with dotted names, as CSV.

use std::collections::VecDeque;
use std::fs::File;
use std::sync::atomic::Ordering;

use arrow_array::RecordBatch;
use parquet::arrow::arrow_reader::{ParquetRecordBatchReader, ParquetRecordBatchReaderBuilder};
use parquet::file::reader::ChunkReader;
use saring_core::Listing;
use serde_json::Value;

use crate::record::{Cells, Position, Record, Rejection, excerpt, id_of, unflatten};
use crate::{BytesRead, ReadError};

const BATCH_ROWS: usize = 4096;

/// Streams records from a Parquet file one record batch at a time.
pub(crate) struct ParquetRecords {
    batches: ParquetRecordBatchReader,
    pending: VecDeque<Record>,
    name: String,
    row: u64,
    total_rows: u64,
    total_bytes: u64,
    progress: BytesRead,
}

impl ParquetRecords {
    /// Opens a Parquet file.
    pub(crate) fn from_file(
        path: &std::path::Path,
        name: String,
        progress: BytesRead,
    ) -> Result<Self, ReadError> {
        let file = File::open(path).map_err(|source| ReadError::Io {
            path: name.clone(),
            source,
        })?;
        let size = file.metadata().map(|m| m.len()).unwrap_or(0);
        Self::from_chunks(file, size, name, progress)
    }

    /// Reads Parquet held in memory (standard input, an upload).
    pub(crate) fn from_bytes(
        data: Vec<u8>,
        name: String,
        progress: BytesRead,
    ) -> Result<Self, ReadError> {
        let size = data.len() as u64;
        Self::from_chunks(bytes::Bytes::from(data), size, name, progress)
    }

    fn from_chunks<T: ChunkReader + 'static>(
        chunks: T,
        total_bytes: u64,
        name: String,
        progress: BytesRead,
    ) -> Result<Self, ReadError> {
        let parquet_error = |message: String| ReadError::Parquet {
            path: name.clone(),
            message,
        };
        let builder = ParquetRecordBatchReaderBuilder::try_new(chunks)
            .map_err(|e| parquet_error(e.to_string()))?;
        let total_rows = builder.metadata().file_metadata().num_rows().max(0) as u64;
        let batches = builder
            .with_batch_size(BATCH_ROWS)
            .build()
            .map_err(|e| parquet_error(e.to_string()))?;
        Ok(Self {
            batches,
            pending: VecDeque::new(),
            name,
            row: 0,
            total_rows,
            total_bytes,
            progress,
        })
    }

    fn decode(&mut self, batch: &RecordBatch) -> Result<(), ReadError> {
        let mut json = Vec::new();
        let mut writer = arrow_json::LineDelimitedWriter::new(&mut json);
        writer
            .write(batch)
            .and_then(|()| writer.finish())
            .map_err(|e| ReadError::Parquet {
                path: self.name.clone(),
                message: e.to_string(),
            })?;
        for line in json.split(|b| *b == b'\n').filter(|l| !l.is_empty()) {
            self.row += 1;
            let text = String::from_utf8_lossy(line);
            let outcome = parse_row(&text);
            self.pending.push_back(Record {
                position: Position {
                    row: self.row,
                    line: None,
                },
                outcome,
            });
        }
        if let Some(done) = self
            .total_bytes
            .saturating_mul(self.row)
            .checked_div(self.total_rows)
        {
            self.progress.0.store(done, Ordering::Relaxed);
        }
        Ok(())
    }
}

fn parse_row(text: &str) -> Result<saring_core::listing::Parsed, Rejection> {
    let rejection = |id: Option<String>, reason: String| Rejection {
        id,
        reason,
        raw: Some(excerpt(text)),
    };
    let Ok(Value::Object(row)) = serde_json::from_str::<Value>(text) else {
        return Err(rejection(None, "row is not a JSON object".into()));
    };
    let id = id_of(&Value::Object(row.clone()));
    let nested = unflatten(row, Cells::Typed).map_err(|r| rejection(id.clone(), r))?;
    Listing::from_value(nested).map_err(|e| rejection(id, e.to_string()))
}

impl Iterator for ParquetRecords {
    type Item = Result<Record, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(record) = self.pending.pop_front() {
                return Some(Ok(record));
            }
            match self.batches.next()? {
                Ok(batch) => {
                    if let Err(e) = self.decode(&batch) {
                        return Some(Err(e));
                    }
                }
                Err(e) => {
                    return Some(Err(ReadError::Parquet {
                        path: self.name.clone(),
                        message: e.to_string(),
                    }));
                }
            }
        }
    }
}
