//! Writers of decisions (JSONL, CSV, Parquet) and of rejected records (JSONL).

use std::io::{self, BufWriter, Write};
use std::sync::Arc;

use arrow_json::reader::Decoder;
use arrow_schema::{DataType, Field, Fields, Schema};
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::WriterProperties;
use saring_core::Decision;
use serde::Serialize;

use crate::Format;
use crate::record::{Position, Rejection};

/// Writing output failed.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The output could not be written.
    #[error("cannot write output: {0}")]
    Io(#[from] io::Error),
    /// Encoding a record failed.
    #[error("cannot encode output: {0}")]
    Encode(String),
}

/// Rows buffered before a Parquet row group is encoded.
const PARQUET_BATCH: usize = 8192;

/// Writes decisions in the order they are given.
pub struct DecisionWriter<W: Write + Send> {
    inner: Inner<W>,
}

enum Inner<W: Write + Send> {
    Jsonl(BufWriter<W>),
    Csv(csv::Writer<W>),
    Parquet {
        writer: ArrowWriter<W>,
        decoder: Decoder,
        buffered: usize,
    },
}

#[derive(Serialize)]
struct CsvDecision<'a> {
    id: &'a str,
    platform: &'a str,
    decision: &'a str,
    score: f64,
    priority: String,
    reasons: String,
    legal_basis: String,
    model_version: &'a str,
}

fn decision_schema() -> Schema {
    let span = Fields::from(vec![
        Field::new("field", DataType::Utf8, false),
        Field::new("start", DataType::UInt64, false),
        Field::new("end", DataType::UInt64, false),
        Field::new("text", DataType::Utf8, false),
    ]);
    let reason = Fields::from(vec![
        Field::new("kind", DataType::Utf8, false),
        Field::new("name", DataType::Utf8, false),
        Field::new("detail", DataType::Utf8, false),
        Field::new_list(
            "spans",
            Field::new_list_field(DataType::Struct(span), true),
            false,
        ),
    ]);
    Schema::new(vec![
        Field::new("id", DataType::Utf8, false),
        Field::new("platform", DataType::Utf8, false),
        Field::new("decision", DataType::Utf8, false),
        Field::new("score", DataType::Float64, false),
        Field::new("priority", DataType::Utf8, false),
        Field::new_list(
            "reasons",
            Field::new_list_field(DataType::Struct(reason), true),
            false,
        ),
        Field::new_list(
            "legal_basis",
            Field::new_list_field(DataType::Utf8, true),
            false,
        ),
        Field::new("model_version", DataType::Utf8, false),
    ])
}

fn encode_error(e: impl std::fmt::Display) -> WriteError {
    WriteError::Encode(e.to_string())
}

impl<W: Write + Send> DecisionWriter<W> {
    /// A writer of `format` into `out`.
    pub fn new(out: W, format: Format) -> Result<Self, WriteError> {
        let inner = match format {
            Format::Jsonl => Inner::Jsonl(BufWriter::with_capacity(1 << 16, out)),
            Format::Csv => Inner::Csv(csv::Writer::from_writer(out)),
            Format::Parquet => {
                let schema = Arc::new(decision_schema());
                let properties = WriterProperties::builder()
                    .set_compression(Compression::ZSTD(ZstdLevel::default()))
                    .build();
                let writer = ArrowWriter::try_new(out, schema.clone(), Some(properties))
                    .map_err(encode_error)?;
                let decoder = arrow_json::ReaderBuilder::new(schema)
                    .with_batch_size(PARQUET_BATCH)
                    .build_decoder()
                    .map_err(encode_error)?;
                Inner::Parquet {
                    writer,
                    decoder,
                    buffered: 0,
                }
            }
        };
        Ok(Self { inner })
    }

    /// Writes one decision.
    pub fn write(&mut self, decision: &Decision) -> Result<(), WriteError> {
        match &mut self.inner {
            Inner::Jsonl(out) => {
                serde_json::to_writer(&mut *out, decision).map_err(encode_error)?;
                out.write_all(b"\n")?;
            }
            Inner::Csv(out) => {
                let row = CsvDecision {
                    id: &decision.id,
                    platform: decision.platform.as_str(),
                    decision: decision.decision.as_str(),
                    score: decision.score,
                    priority: serde_json::to_value(decision.priority)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default(),
                    reasons: serde_json::to_string(&decision.reasons).map_err(encode_error)?,
                    legal_basis: decision.legal_basis.join(" | "),
                    model_version: &decision.model_version,
                };
                out.serialize(row).map_err(encode_error)?;
            }
            Inner::Parquet {
                writer,
                decoder,
                buffered,
            } => {
                decoder
                    .serialize(std::slice::from_ref(decision))
                    .map_err(encode_error)?;
                *buffered += 1;
                if *buffered >= PARQUET_BATCH {
                    flush_parquet(writer, decoder)?;
                    *buffered = 0;
                }
            }
        }
        Ok(())
    }

    /// Flushes and closes the output.
    pub fn finish(self) -> Result<(), WriteError> {
        match self.inner {
            Inner::Jsonl(mut out) => out.flush()?,
            Inner::Csv(mut out) => out.flush()?,
            Inner::Parquet {
                mut writer,
                mut decoder,
                ..
            } => {
                flush_parquet(&mut writer, &mut decoder)?;
                writer.close().map_err(encode_error)?;
            }
        }
        Ok(())
    }
}

fn flush_parquet<W: Write + Send>(
    writer: &mut ArrowWriter<W>,
    decoder: &mut Decoder,
) -> Result<(), WriteError> {
    if let Some(batch) = decoder.flush().map_err(encode_error)? {
        writer.write(&batch).map_err(encode_error)?;
    }
    Ok(())
}

/// Writes rejected records as JSON Lines: input, row, line, id, reason, raw excerpt.
pub struct RejectionWriter<W: Write> {
    out: BufWriter<W>,
    input: String,
}

#[derive(Serialize)]
struct RejectionLine<'a> {
    input: &'a str,
    #[serde(flatten)]
    position: &'a Position,
    #[serde(flatten)]
    rejection: &'a Rejection,
}

impl<W: Write> RejectionWriter<W> {
    /// A writer into `out`, naming `input` in every line.
    pub fn new(out: W, input: String) -> Self {
        Self {
            out: BufWriter::new(out),
            input,
        }
    }

    /// Writes one rejected record.
    pub fn write(&mut self, position: &Position, rejection: &Rejection) -> Result<(), WriteError> {
        let line = RejectionLine {
            input: &self.input,
            position,
            rejection,
        };
        serde_json::to_writer(&mut self.out, &line).map_err(encode_error)?;
        self.out.write_all(b"\n")?;
        Ok(())
    }

    /// Flushes the output.
    pub fn finish(mut self) -> Result<(), WriteError> {
        self.out.flush()?;
        Ok(())
    }
}
