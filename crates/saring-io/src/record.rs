//! Records as they come out of a reader, and the conversion of flat rows (CSV, Parquet)
//! into the nested listing shape.

use saring_core::listing::Parsed;
use serde::Serialize;
use serde_json::{Map, Value};

/// Where a record stands in its input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Position {
    /// 1-based index of the record among all records of the input.
    pub row: u64,
    /// 1-based line of the input where the record starts (JSONL, CSV); none for Parquet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
}

/// Why a record was not scanned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rejection {
    /// The record's `id`, when it could be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// What is wrong, naming the field.
    pub reason: String,
    /// The start of the raw record, for finding it again (at most 300 bytes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub raw: Option<String>,
}

/// One record read from a catalogue: a listing, or the reason it was rejected.
#[derive(Debug, Clone)]
pub struct Record {
    /// Where it was.
    pub position: Position,
    /// The parsed listing or the rejection.
    pub outcome: Result<Parsed, Rejection>,
}

const RAW_EXCERPT_BYTES: usize = 300;

/// The first few hundred bytes of a raw record, cut at a character boundary.
pub(crate) fn excerpt(raw: &str) -> String {
    let mut end = raw.len().min(RAW_EXCERPT_BYTES);
    while !raw.is_char_boundary(end) {
        end -= 1;
    }
    raw[..end].to_string()
}

/// The `id` of a JSON object, if it has a string or number one.
pub(crate) fn id_of(value: &Value) -> Option<String> {
    match value.get("id")? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// How flat cell values are typed before validation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cells {
    /// Every cell is text (CSV): numbers are parsed where the schema wants numbers.
    Text,
    /// Cells are already typed (Parquet): only whole floats become integers.
    Typed,
}

/// Builds the nested listing object from a flat row whose keys may be dotted
/// (`seller.id`, `signals.vision.bale`). `images` given as one text cell is a list
/// separated by `|`: http(s) addresses become `url`, anything else `path`.
pub(crate) fn unflatten(row: Map<String, Value>, cells: Cells) -> Result<Value, String> {
    let mut out = Map::new();
    for (key, value) in row {
        if value.is_null() || value.as_str().is_some_and(|s| s.trim().is_empty()) {
            continue;
        }
        let value = type_cell(&key, value, cells);
        insert_dotted(&mut out, &key, value)?;
    }
    Ok(Value::Object(out))
}

fn type_cell(key: &str, value: Value, cells: Cells) -> Value {
    let text_number = |s: &str| -> Option<Value> {
        if key == "price" {
            s.trim().parse::<u64>().ok().map(Value::from)
        } else if key.starts_with("signals.") {
            s.trim().parse::<f64>().ok().map(Value::from)
        } else {
            None
        }
    };
    match (&value, cells) {
        (Value::String(s), _) if key == "images" => image_list(s),
        (Value::String(s), Cells::Text) => text_number(s).unwrap_or(value),
        (Value::Number(n), Cells::Typed) if key == "price" => n
            .as_f64()
            .filter(|f| f.fract() == 0.0 && *f >= 0.0 && *f <= u64::MAX as f64)
            .map(|f| Value::from(f as u64))
            .unwrap_or(value),
        _ => value,
    }
}

fn image_list(cell: &str) -> Value {
    let refs = cell
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            let key = if s.starts_with("http://") || s.starts_with("https://") {
                "url"
            } else {
                "path"
            };
            let mut image = Map::new();
            image.insert(key.to_string(), Value::String(s.to_string()));
            Value::Object(image)
        })
        .collect();
    Value::Array(refs)
}

fn insert_dotted(out: &mut Map<String, Value>, key: &str, value: Value) -> Result<(), String> {
    let Some((head, rest)) = key.split_once('.') else {
        if out.contains_key(key) {
            return Err(format!("column `{key}` is given twice"));
        }
        out.insert(key.to_string(), value);
        return Ok(());
    };
    let slot = out
        .entry(head.to_string())
        .or_insert_with(|| Value::Object(Map::new()));
    let Value::Object(inner) = slot else {
        return Err(format!("column `{key}` conflicts with column `{head}`"));
    };
    if head == "signals" {
        // Signal names contain dots themselves (`vision.bale`): keep the rest whole.
        inner.insert(rest.to_string(), value);
        Ok(())
    } else {
        insert_dotted(inner, rest, value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn row(pairs: &[(&str, Value)]) -> Map<String, Value> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect()
    }

    #[test]
    fn dotted_text_cells_become_nested_typed_fields() {
        let flat = row(&[
            ("id", json!("7")),
            ("price", json!("150000")),
            ("seller.id", json!("s1")),
            ("seller.phone", json!("")),
            ("signals.vision.bale", json!("0.8")),
            ("images", json!("a.jpg | https://x/y.png")),
        ]);
        let nested = unflatten(flat, Cells::Text).expect("unflattens");
        assert_eq!(
            nested,
            json!({"id":"7","price":150000,"seller":{"id":"s1"},"signals":{"vision.bale":0.8},
                   "images":[{"path":"a.jpg"},{"url":"https://x/y.png"}]})
        );
    }

    #[test]
    fn bad_numbers_stay_text_so_validation_names_the_field() {
        let nested = unflatten(row(&[("price", json!("murah"))]), Cells::Text).expect("ok");
        assert_eq!(nested, json!({"price":"murah"}));
    }

    #[test]
    fn whole_floats_from_typed_cells_become_integers() {
        let nested = unflatten(row(&[("price", json!(15000.0))]), Cells::Typed).expect("ok");
        assert_eq!(nested, json!({"price":15000}));
        let frac = unflatten(row(&[("price", json!(1.5))]), Cells::Typed).expect("ok");
        assert_eq!(frac, json!({"price":1.5}));
    }

    #[test]
    fn conflicting_columns_are_an_error() {
        let err = unflatten(
            row(&[("seller", json!("x")), ("seller.id", json!("y"))]),
            Cells::Text,
        )
        .expect_err("conflict");
        assert!(err.contains("seller"), "{err}");
    }

    #[test]
    fn excerpt_cuts_at_char_boundary() {
        let long = "é".repeat(400);
        let cut = excerpt(&long);
        assert!(cut.len() <= 300 && cut.chars().all(|c| c == 'é'));
    }
}
