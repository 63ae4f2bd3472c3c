//! Timed benchmark of the multi-index hashing index and the linear scan on hash files that
//! `bench/hamming_faiss.py` reads too; `bench/hamming.sh` drives both and prints one table.
//!
//! ```text
//! hamming_bench gen --shape random|clustered --len N --queries Q --seed S --dir DIR
//! hamming_bench run --impl mih|brute --dir DIR --label LABEL [--distance 31] [--seconds 3]
//!                   [--min-queries 20] [--check-queries 20]
//! ```
//!
//! Files: `base.bin` (entry i = bytes 32i..32i+32, the hash's four words little-endian; the id
//! of entry i is i), `queries_near.bin` (existing entries with 0 to 16 bits flipped) and
//! `queries_random.bin` (uniform). `run` prints one tab-separated row per query file:
//! implementation, data, query kind, lookups per CPU-second of the querying thread, lookups
//! per wall-clock second, index MB, build seconds (reading the file included), peak RSS MB,
//! mean matches per query, and a check (matches and a sum of id*257+distance over the first
//! queries) that must agree across implementations.

use saring_hamming::synthetic::{Dataset, Shape};
use saring_hamming::{HammingIndex, Hash256, LinearScan, Match};
use std::collections::HashMap;
use std::error::Error;
use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const HASH_BYTES: usize = 32;
const NEAR_QUERY_MAX_FLIPS: u32 = 16;
const QUERY_FILES: [(&str, &str); 2] = [
    ("near", "queries_near.bin"),
    ("random", "queries_random.bin"),
];

type BenchResult<T> = Result<T, Box<dyn Error>>;

fn main() -> BenchResult<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (command, options) = args
        .split_first()
        .ok_or("usage: hamming_bench gen|run --key value ...")?;
    let options = Options::parse(options)?;
    match command.as_str() {
        "gen" => generate(&options),
        "run" => run(&options),
        other => Err(format!("unknown command {other:?}").into()),
    }
}

/// `--key value` pairs.
struct Options(HashMap<String, String>);

impl Options {
    fn parse(args: &[String]) -> BenchResult<Self> {
        let mut pairs = HashMap::new();
        for pair in args.chunks(2) {
            match pair {
                [key, value] if key.starts_with("--") => {
                    pairs.insert(key[2..].to_owned(), value.clone());
                }
                _ => return Err(format!("expected --key value, got {pair:?}").into()),
            }
        }
        Ok(Self(pairs))
    }

    fn text(&self, key: &str) -> BenchResult<&str> {
        self.0
            .get(key)
            .map(String::as_str)
            .ok_or_else(|| format!("missing --{key}").into())
    }

    fn number<T: std::str::FromStr>(&self, key: &str, default: Option<T>) -> BenchResult<T>
    where
        T::Err: Error + 'static,
    {
        match (self.0.get(key), default) {
            (Some(value), _) => Ok(value.parse()?),
            (None, Some(default)) => Ok(default),
            (None, None) => Err(format!("missing --{key}").into()),
        }
    }
}

fn generate(options: &Options) -> BenchResult<()> {
    let shape = match options.text("shape")? {
        "random" => Shape::Random,
        "clustered" => Shape::BENCH_CLUSTERED,
        other => return Err(format!("unknown shape {other:?}").into()),
    };
    let dataset = Dataset {
        shape,
        seed: options.number("seed", Some(1))?,
    };
    let len: u64 = options.number("len", None)?;
    let query_count: u64 = options.number("queries", Some(2000))?;
    let dir = PathBuf::from(options.text("dir")?);
    std::fs::create_dir_all(&dir)?;
    let started = Instant::now();
    write_hashes(
        &dir.join("base.bin"),
        generate_parallel(len, |index| dataset.entry(index)),
    )?;
    let near = (0..query_count).map(|index| dataset.near_query(len, index, NEAR_QUERY_MAX_FLIPS));
    write_hashes(&dir.join(QUERY_FILES[0].1), near.collect())?;
    write_hashes(
        &dir.join(QUERY_FILES[1].1),
        (0..query_count)
            .map(|index| dataset.random_query(index))
            .collect(),
    )?;
    eprintln!(
        "generated {len} hashes in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Entries `0..len` generated on every core, in order.
fn generate_parallel(len: u64, entry: impl Fn(u64) -> Hash256 + Sync) -> Vec<Hash256> {
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get) as u64;
    let per_thread = len.div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..len)
            .step_by(per_thread as usize)
            .map(|start| {
                let entry = &entry;
                scope.spawn(move || {
                    (start..(start + per_thread).min(len))
                        .map(entry)
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| {
                worker
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

fn write_hashes(path: &Path, hashes: Vec<Hash256>) -> BenchResult<()> {
    let mut writer = BufWriter::new(File::create(path)?);
    for hash in hashes {
        for word in hash {
            writer.write_all(&word.to_le_bytes())?;
        }
    }
    writer.flush()?;
    Ok(())
}

/// Reads one hash (four little-endian words).
fn read_hash(reader: &mut impl Read) -> std::io::Result<Hash256> {
    let mut bytes = [0u8; HASH_BYTES];
    reader.read_exact(&mut bytes)?;
    Ok(std::array::from_fn(|word| {
        let mut word_bytes = [0u8; 8];
        word_bytes.copy_from_slice(&bytes[word * 8..word * 8 + 8]);
        u64::from_le_bytes(word_bytes)
    }))
}

/// Every hash of a small file.
fn read_all_hashes(path: &Path) -> BenchResult<Vec<Hash256>> {
    let count = std::fs::metadata(path)?.len() as usize / HASH_BYTES;
    let mut reader = BufReader::new(File::open(path)?);
    Ok((0..count)
        .map(|_| read_hash(&mut reader))
        .collect::<Result<_, _>>()?)
}

/// Streams the entries of `base.bin`, with their position as id, without holding the file in
/// memory; the iterator's exact length lets the index allocate once. A read error is kept in
/// `error` (the entry read then is a zero hash) for the caller to check after building.
fn entries_of(
    path: &Path,
    error: &mut Option<std::io::Error>,
) -> BenchResult<impl Iterator<Item = (Hash256, u64)>> {
    let count = std::fs::metadata(path)?.len() / HASH_BYTES as u64;
    let mut reader = BufReader::with_capacity(1 << 20, File::open(path)?);
    Ok((0..count).map(move |id| match read_hash(&mut reader) {
        Ok(hash) => (hash, id),
        Err(failure) => {
            error.get_or_insert(failure);
            ([0; 4], id)
        }
    }))
}

/// The searchers being compared.
enum Searcher {
    MultiIndex(HammingIndex),
    Linear(LinearScan),
}

impl Searcher {
    fn query(&self, query: &Hash256, max_distance: u32) -> Vec<Match> {
        match self {
            Self::MultiIndex(index) => index.query(query, max_distance),
            Self::Linear(scan) => scan.query(query, max_distance),
        }
    }

    fn memory_bytes(&self) -> usize {
        match self {
            Self::MultiIndex(index) => index.memory_bytes(),
            Self::Linear(scan) => scan.memory_bytes(),
        }
    }
}

fn run(options: &Options) -> BenchResult<()> {
    let dir = PathBuf::from(options.text("dir")?);
    let label = options.text("label")?;
    let implementation = options.text("impl")?;
    let max_distance: u32 = options.number("distance", Some(31))?;
    let budget = Duration::from_secs_f64(options.number("seconds", Some(3.0))?);
    let min_queries: usize = options.number("min-queries", Some(20))?;
    let check_queries: usize = options.number("check-queries", Some(20))?;

    let started = Instant::now();
    let mut read_error = None;
    let base_path = dir.join("base.bin");
    let entries = entries_of(&base_path, &mut read_error)?;
    let (searcher, name) = match implementation {
        "mih" => {
            let index = HammingIndex::from_entries(entries)?;
            let name = format!("mih (m={})", index.substring_count());
            (Searcher::MultiIndex(index), name)
        }
        "brute" => (
            Searcher::Linear(LinearScan::from_entries(entries)?),
            "brute force".to_owned(),
        ),
        other => return Err(format!("unknown implementation {other:?}").into()),
    };
    if let Some(error) = read_error {
        return Err(error.into());
    }
    let build_seconds = started.elapsed().as_secs_f64();

    for (kind, file) in QUERY_FILES {
        let queries = read_all_hashes(&dir.join(file))?;
        let mut check = (0usize, 0u64);
        let mut total_matches = 0usize;
        let mut done = 0usize;
        let wall = Instant::now();
        let cpu_start = thread_cpu_seconds()?;
        for (number, query) in queries.iter().enumerate() {
            if number >= min_queries.max(check_queries) && wall.elapsed() >= budget {
                break;
            }
            let matches = searcher.query(query, max_distance);
            total_matches += matches.len();
            if number < check_queries {
                check.0 += matches.len();
                check.1 += matches
                    .iter()
                    .map(|found| found.id * 257 + u64::from(found.distance))
                    .sum::<u64>();
            }
            done += 1;
        }
        let cpu_seconds = thread_cpu_seconds()? - cpu_start;
        let wall_seconds = wall.elapsed().as_secs_f64();
        println!(
            "{name}\t{label}\t{kind}\t{:.0}\t{:.0}\t{:.0}\t{build_seconds:.2}\t{:.0}\t{:.1}\t{}/{}",
            done as f64 / cpu_seconds,
            done as f64 / wall_seconds,
            searcher.memory_bytes() as f64 / 1e6,
            peak_rss_bytes()? as f64 / 1e6,
            total_matches as f64 / done.max(1) as f64,
            check.0,
            check.1,
        );
    }
    Ok(())
}

/// CPU time this thread has run, from the scheduler's nanosecond account: unlike wall time it
/// does not count time lost to other processes on a shared machine.
fn thread_cpu_seconds() -> BenchResult<f64> {
    let schedstat = std::fs::read_to_string("/proc/thread-self/schedstat")?;
    let nanoseconds: u64 = schedstat
        .split_whitespace()
        .next()
        .ok_or("empty /proc/thread-self/schedstat")?
        .parse()?;
    Ok(nanoseconds as f64 / 1e9)
}

/// The process's peak resident set size (VmHWM).
fn peak_rss_bytes() -> BenchResult<u64> {
    let status = std::fs::read_to_string("/proc/self/status")?;
    let kilobytes = status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|rest| {
            rest.trim()
                .trim_end_matches("kB")
                .trim()
                .parse::<u64>()
                .ok()
        })
        .ok_or("no VmHWM in /proc/self/status")?;
    Ok(kilobytes * 1024)
}
