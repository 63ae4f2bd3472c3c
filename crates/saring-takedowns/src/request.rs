//! Takedown requests as regulators send them: CSV (one row per URL) or JSON.
//!
//! A malformed row never rejects the whole request: it is reported with its line number and
//! the other rows are accepted. URLs are canonicalised on the way in, and a URL that a request
//! names twice (in any spelling) is recognised as a duplicate of its first occurrence.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Deserialize;

use crate::canonical::{CanonicalUrl, ListingKey, UrlProblem, canonicalise};

/// How fast a request must be carried out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Urgency {
    /// The ordinary deadline (1×24 hours under Permenkominfo 5/2020 art. 14).
    #[default]
    Normal,
    /// The urgent deadline (4 hours under Permenkominfo 5/2020 art. 14(3)).
    Urgent,
}

impl Urgency {
    /// The name used in files and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Urgency::Normal => "normal",
            Urgency::Urgent => "urgent",
        }
    }
}

impl fmt::Display for Urgency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Urgency {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.trim().to_ascii_lowercase().as_str() {
            "" | "normal" | "biasa" => Ok(Urgency::Normal),
            "urgent" | "mendesak" => Ok(Urgency::Urgent),
            other => Err(format!("urgency {other:?} is not \"normal\" or \"urgent\"")),
        }
    }
}

/// One URL of a request, as written and as canonicalised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestedUrl {
    /// The line of the file it came from (1-based; JSON arrays count the request's line).
    pub line: u64,
    /// The URL exactly as the regulator wrote it.
    pub raw: String,
    /// Its canonical form, or why it has none (short link, not a listing page).
    pub canonical: Result<CanonicalUrl, UrlProblem>,
}

impl RequestedUrl {
    /// The listing key, when the URL has one.
    pub fn key(&self) -> Option<&ListingKey> {
        self.canonical.as_ref().ok().map(|canonical| &canonical.key)
    }
}

/// A regulator's request to take listings down.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TakedownRequest {
    /// The agency's reference for the request.
    pub request_id: String,
    /// The issuing agency (e.g. Kemendag, Komdigi).
    pub agency: String,
    /// When the order was issued; deadlines run from here.
    pub issued_at: DateTime<Utc>,
    /// The legal basis the agency cites.
    pub legal_basis: String,
    /// Normal or urgent.
    pub urgency: Urgency,
    /// The URLs to take down, first occurrences only (duplicates are in [`Import::duplicates`]).
    pub urls: Vec<RequestedUrl>,
}

/// A row or record that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// The line of the file (1-based).
    pub line: u64,
    /// What is wrong, naming the field.
    pub reason: String,
}

/// A URL that repeats one already in the same request (in any spelling).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    /// The request it belongs to.
    pub request_id: String,
    /// The line of the repeat.
    pub line: u64,
    /// The line of the first occurrence.
    pub first_line: u64,
    /// The URL as written in the repeat.
    pub raw: String,
}

/// What a file held: the requests, the rows that could not be read, and repeated URLs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Import {
    /// The requests, in the order they first appear.
    pub requests: Vec<TakedownRequest>,
    /// Malformed rows, by line.
    pub errors: Vec<RowError>,
    /// URLs a request names more than once.
    pub duplicates: Vec<Duplicate>,
}

/// A file that cannot be read as a request at all.
#[derive(Debug, thiserror::Error)]
pub enum RequestFileError {
    /// The CSV header is unreadable or lacks a column.
    #[error("CSV header: {0}")]
    Header(String),
    /// The JSON is not a request object, an array of them, or JSON lines of them.
    #[error("JSON: {0}")]
    Json(String),
}

/// The format of a request file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestFormat {
    /// A header row and one row per URL: `request_id,agency,issued_at,legal_basis,urgency,url`.
    Csv,
    /// A request object `{request_id, agency, issued_at, legal_basis, urgency, urls: [...]}`,
    /// an array of them, or one per line.
    Json,
}

/// The header fields of a request, before its URLs.
#[derive(Debug, Deserialize)]
struct RequestFields {
    request_id: String,
    agency: String,
    issued_at: String,
    #[serde(default)]
    legal_basis: String,
    #[serde(default)]
    urgency: String,
}

impl RequestFields {
    fn validate(self) -> Result<RequestHeader, String> {
        let nonempty = |name: &str, value: String| {
            let value = value.trim().to_string();
            if value.is_empty() {
                Err(format!("{name} is empty"))
            } else {
                Ok(value)
            }
        };
        for (name, value, cap) in [
            ("request_id", &self.request_id, MAX_ID_BYTES),
            ("agency", &self.agency, MAX_ID_BYTES),
            ("issued_at", &self.issued_at, MAX_ID_BYTES),
            ("legal_basis", &self.legal_basis, MAX_TEXT_BYTES),
            ("urgency", &self.urgency, MAX_ID_BYTES),
        ] {
            storable(name, value, cap)?;
        }
        Ok(RequestHeader {
            request_id: nonempty("request_id", self.request_id)?,
            agency: nonempty("agency", self.agency)?,
            issued_at: parse_time(&self.issued_at)?,
            legal_basis: self.legal_basis.trim().to_string(),
            urgency: self.urgency.parse()?,
        })
    }
}

/// Longest `request_id`, `agency`, `issued_at` and `urgency`, in bytes.
pub const MAX_ID_BYTES: usize = 256;
/// Longest `legal_basis`, in bytes.
pub const MAX_TEXT_BYTES: usize = 4_096;
/// Longest URL, in bytes.
pub const MAX_URL_BYTES: usize = 2_048;

/// Refuses what no store can keep (a NUL character) and values longer than `cap` bytes,
/// naming the field and never echoing the value.
fn storable(name: &str, value: &str, cap: usize) -> Result<(), String> {
    if value.len() > cap {
        return Err(format!(
            "{name} is {} bytes, more than the {cap} allowed",
            value.len()
        ));
    }
    if value.contains('\0') {
        return Err(format!(
            "{name} contains a NUL character (U+0000), which cannot be stored"
        ));
    }
    Ok(())
}

/// Every URL of a row or record, checked with [`storable`].
fn storable_urls(field: &str, urls: &[String]) -> Result<(), String> {
    urls.iter()
        .try_for_each(|url| storable(field, url, MAX_URL_BYTES))
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct RequestHeader {
    request_id: String,
    agency: String,
    issued_at: DateTime<Utc>,
    legal_basis: String,
    urgency: Urgency,
}

/// Reads a request file.
pub fn parse(data: &[u8], format: RequestFormat) -> Result<Import, RequestFileError> {
    let mut builder = ImportBuilder::default();
    match format {
        RequestFormat::Csv => parse_csv(data, &mut builder)?,
        RequestFormat::Json => parse_json(data, &mut builder)?,
    }
    Ok(builder.finish())
}

fn parse_csv(data: &[u8], builder: &mut ImportBuilder) -> Result<(), RequestFileError> {
    #[derive(Deserialize)]
    struct Row {
        #[serde(flatten)]
        fields: RequestFields,
        url: String,
    }
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(data);
    let headers = reader
        .headers()
        .map_err(|error| RequestFileError::Header(error.to_string()))?
        .clone();
    for column in ["request_id", "agency", "issued_at", "url"] {
        if !headers.iter().any(|name| name == column) {
            return Err(RequestFileError::Header(format!(
                "missing column {column:?} (expected request_id, agency, issued_at, legal_basis, urgency, url)"
            )));
        }
    }
    for record in reader.records() {
        let (line, row) = match record {
            Ok(record) => {
                let line = record.position().map_or(0, |position| position.line());
                (line, record.deserialize::<Row>(Some(&headers)))
            }
            Err(error) => {
                let line = error.position().map_or(0, |position| position.line());
                builder.error(line, error.to_string());
                continue;
            }
        };
        match row.map_err(|error| error.to_string()).and_then(|row| {
            let header = row.fields.validate()?;
            storable_urls("url", std::slice::from_ref(&row.url))?;
            Ok((header, row.url))
        }) {
            Ok((header, url)) => builder.add(line, header, std::iter::once(url)),
            Err(reason) => builder.error(line, reason),
        }
    }
    Ok(())
}

fn parse_json(data: &[u8], builder: &mut ImportBuilder) -> Result<(), RequestFileError> {
    #[derive(Deserialize)]
    struct Record {
        #[serde(flatten)]
        fields: RequestFields,
        urls: Vec<String>,
    }
    let text = std::str::from_utf8(data)
        .map_err(|error| RequestFileError::Json(format!("not UTF-8: {error}")))?;
    let trimmed = text.trim_start();
    // One object or an array of objects; otherwise JSON lines (one request per line).
    let whole: Option<Vec<(u64, serde_json::Value)>> = if trimmed.starts_with('[') {
        let values: Vec<serde_json::Value> = serde_json::from_str(text)
            .map_err(|error| RequestFileError::Json(error.to_string()))?;
        Some(values.into_iter().map(|value| (1, value)).collect())
    } else {
        serde_json::from_str(text)
            .ok()
            .map(|value: serde_json::Value| vec![(1, value)])
    };
    let values = match whole {
        Some(values) => values,
        None => text
            .lines()
            .zip(1..)
            .filter(|(line, _)| !line.trim().is_empty())
            .filter_map(
                |(line, number)| match serde_json::from_str::<serde_json::Value>(line) {
                    Ok(value) => Some((number, value)),
                    Err(error) => {
                        builder.error(number, format!("bad JSON: {error}"));
                        None
                    }
                },
            )
            .collect(),
    };
    for (line, value) in values {
        match serde_json::from_value::<Record>(value)
            .map_err(|error| error.to_string())
            .and_then(|record| {
                storable_urls("urls", &record.urls)?;
                Ok((record.fields.validate()?, record.urls))
            }) {
            Ok((header, urls)) => builder.add(line, header, urls),
            Err(reason) => builder.error(line, reason),
        }
    }
    Ok(())
}

/// Accepts an RFC 3339 time or a plain date (midnight UTC).
fn parse_time(text: &str) -> Result<DateTime<Utc>, String> {
    let text = text.trim();
    if let Ok(time) = DateTime::parse_from_rfc3339(text) {
        return Ok(time.with_timezone(&Utc));
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .and_then(|date| date.and_hms_opt(0, 0, 0))
        .map(|time| time.and_utc())
        .ok_or_else(|| format!("issued_at {text:?} is not an RFC 3339 time or a YYYY-MM-DD date"))
}

#[derive(Default)]
struct ImportBuilder {
    requests: Vec<TakedownRequest>,
    by_id: HashMap<String, usize>,
    first_lines: HashMap<(usize, String), u64>,
    errors: Vec<RowError>,
    duplicates: Vec<Duplicate>,
}

impl ImportBuilder {
    fn error(&mut self, line: u64, reason: String) {
        self.errors.push(RowError { line, reason });
    }

    fn add(&mut self, line: u64, header: RequestHeader, urls: impl IntoIterator<Item = String>) {
        let index = match self.by_id.get(&header.request_id) {
            Some(&index) => {
                let known = &self.requests[index];
                if (&known.agency, known.issued_at, known.urgency)
                    != (&header.agency, header.issued_at, header.urgency)
                {
                    self.error(
                        line,
                        format!(
                            "request {} was given with another agency, issued_at or urgency on an earlier line",
                            header.request_id
                        ),
                    );
                    return;
                }
                index
            }
            None => {
                self.by_id
                    .insert(header.request_id.clone(), self.requests.len());
                self.requests.push(TakedownRequest {
                    request_id: header.request_id,
                    agency: header.agency,
                    issued_at: header.issued_at,
                    legal_basis: header.legal_basis,
                    urgency: header.urgency,
                    urls: Vec::new(),
                });
                self.requests.len() - 1
            }
        };
        for raw in urls {
            if raw.trim().is_empty() {
                self.error(line, "url is empty".to_string());
                continue;
            }
            let canonical = canonicalise(&raw);
            if let Err(UrlProblem::Malformed(reason)) = &canonical {
                self.error(line, format!("url: {reason}"));
                continue;
            }
            let identity = match &canonical {
                Ok(canonical) => canonical.key.to_string(),
                Err(_) => format!("raw:{}", raw.trim()),
            };
            if let Some(&first_line) = self.first_lines.get(&(index, identity.clone())) {
                self.duplicates.push(Duplicate {
                    request_id: self.requests[index].request_id.clone(),
                    line,
                    first_line,
                    raw,
                });
                continue;
            }
            self.first_lines.insert((index, identity), line);
            self.requests[index].urls.push(RequestedUrl {
                line,
                raw,
                canonical,
            });
        }
    }

    fn finish(mut self) -> Import {
        self.errors.sort_by_key(|error| error.line);
        Import {
            requests: self.requests,
            errors: self.errors,
            duplicates: self.duplicates,
        }
    }
}

/// Counts of requested URLs by what their canonicalisation said, for import summaries.
pub fn url_outcomes(import: &Import) -> BTreeMap<&'static str, usize> {
    let mut counts = BTreeMap::new();
    for url in import.requests.iter().flat_map(|request| &request.urls) {
        let outcome = match &url.canonical {
            Ok(_) => "listing",
            Err(UrlProblem::ShortLink { .. }) => "short link",
            Err(UrlProblem::NotAListing { .. }) => "not a listing page",
            Err(UrlProblem::Malformed(_)) => "malformed",
        };
        *counts.entry(outcome).or_insert(0) += 1;
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    const CSV: &str = "request_id,agency,issued_at,legal_basis,urgency,url
KMD-2026-001,Kemendag,2026-11-20T08:00:00+07:00,Permendag 47/2025,normal,https://shopee.co.id/a-i.1.2
KMD-2026-001,Kemendag,2026-11-20T08:00:00+07:00,Permendag 47/2025,normal,https://m.shopee.co.id/product/1/2?x=1
KMD-2026-001,Kemendag,2026-11-20T08:00:00+07:00,Permendag 47/2025,normal,not a url at all
KMD-2026-002,Kemendag,yesterday,Permendag 47/2025,normal,https://tokopedia.com/a/b
KMD-2026-003,Komdigi,2026-11-21,PP 71/2019,urgent,https://s.shopee.co.id/Xy12
KMD-2026-003,Komdigi,2026-11-21,PP 71/2019,urgent,https://shopee.co.id/a-i.1.2
";

    #[test]
    fn csv_rows_are_grouped_checked_and_deduplicated() {
        let import = parse(CSV.as_bytes(), RequestFormat::Csv).expect("readable");
        let ids: Vec<_> = import
            .requests
            .iter()
            .map(|r| r.request_id.as_str())
            .collect();
        assert_eq!(ids, ["KMD-2026-001", "KMD-2026-003"]);
        assert_eq!(import.requests[0].urls.len(), 1);
        assert_eq!(
            import.requests[0].issued_at.to_rfc3339(),
            "2026-11-20T01:00:00+00:00"
        );
        assert_eq!(import.requests[1].urgency, Urgency::Urgent);
        // A URL another request already named is not a duplicate within this request.
        assert_eq!(import.requests[1].urls.len(), 2);
        assert_eq!(
            import.duplicates,
            [Duplicate {
                request_id: "KMD-2026-001".into(),
                line: 3,
                first_line: 2,
                raw: "https://m.shopee.co.id/product/1/2?x=1".into(),
            }]
        );
        let lines: Vec<u64> = import.errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [4, 5], "{:?}", import.errors);
        assert!(import.errors[1].reason.contains("issued_at"));
        assert_eq!(url_outcomes(&import)["short link"], 1);
    }

    #[test]
    fn json_object_array_and_lines_are_read() {
        let object = r#"{"request_id":"R1","agency":"Kemendag","issued_at":"2026-11-20","urls":["https://shopee.co.id/a-i.1.2","https://vt.tiktok.com/x"]}"#;
        let single = parse(object.as_bytes(), RequestFormat::Json).expect("object");
        assert_eq!(single.requests[0].urls.len(), 2);
        let array = format!("[{object}]");
        assert_eq!(
            parse(array.as_bytes(), RequestFormat::Json)
                .expect("array")
                .requests,
            single.requests
        );
        let lines = format!("{object}\n{{\"request_id\": 5}}\n\n{{bad\n");
        let import = parse(lines.as_bytes(), RequestFormat::Json).expect("lines");
        assert_eq!(import.requests.len(), 1);
        let errors: Vec<u64> = import.errors.iter().map(|e| e.line).collect();
        assert_eq!(errors, [2, 4]);
    }

    #[test]
    fn a_csv_without_the_url_column_is_refused() {
        let error =
            parse(b"request_id,agency,issued_at\n", RequestFormat::Csv).expect_err("no url column");
        assert!(error.to_string().contains("\"url\""), "{error}");
    }

    #[test]
    fn nul_characters_and_overlong_values_are_row_errors_naming_the_field() {
        let good =
            "KMD-1,Kemendag,2026-11-20,Permendag 47/2025,normal,https://shopee.co.id/a-i.1.2";
        let long_basis = "x".repeat(MAX_TEXT_BYTES + 1);
        let csv = format!(
            "request_id,agency,issued_at,legal_basis,urgency,url\n{good}\n\
             KMD-2,Keme\0ndag,2026-11-20,P,normal,https://shopee.co.id/a-i.1.3\n\
             KMD-3,Kemendag,2026-11-20,{long_basis},normal,https://shopee.co.id/a-i.1.4\n\
             KMD-4,Kemendag,2026-11-20,P,normal,https://shopee.co.id/a\0-i.1.5\n"
        );
        let import = parse(csv.as_bytes(), RequestFormat::Csv).expect("readable");
        assert_eq!(import.requests.len(), 1, "{:?}", import.errors);
        let reasons: Vec<(u64, &str)> = import
            .errors
            .iter()
            .map(|error| (error.line, error.reason.as_str()))
            .collect();
        assert_eq!(reasons.len(), 3, "{reasons:?}");
        assert!(
            reasons[0].1.starts_with("agency contains a NUL"),
            "{reasons:?}"
        );
        assert!(
            reasons[1].1.starts_with("legal_basis is 4097 bytes"),
            "{reasons:?}"
        );
        assert!(
            reasons[2].1.starts_with("url contains a NUL"),
            "{reasons:?}"
        );
        let json = r#"{"request_id":"R1","agency":"K","issued_at":"2026-11-20","urls":["https://shopee.co.id/a-i.1.2\u0000"]}"#;
        let import = parse(json.as_bytes(), RequestFormat::Json).expect("readable");
        assert!(import.requests.is_empty());
        assert!(
            import.errors[0].reason.starts_with("urls contains a NUL"),
            "{:?}",
            import.errors
        );
    }
}
