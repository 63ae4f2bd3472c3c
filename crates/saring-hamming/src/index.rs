//! The multi-index hashing index: a built part (substring tables over a frozen set of entries,
//! with removal marks) plus a small pending part scanned linearly until the next rebuild.

use crate::entries::EntryStore;
use crate::layout::Layout;
use crate::slot_set::SlotSet;
use crate::table::{SubstringTable, prefetch, push_probes};
use crate::{HASH_BITS, Hash256, IndexError, MAX_ENTRIES, Match, hamming_distance};

/// Pending inserts are scanned linearly; they are merged into the tables by a rebuild once they
/// exceed this many, or 1/256 of the built entries if that is more (a rebuild costs about a
/// linear pass per substring, so this bounds its amortised cost per insert).
const PENDING_MIN: usize = 4096;
const PENDING_FRACTION_DIVISOR: usize = 256;
/// How many items ahead a query's stages prefetch: enough to keep several cache misses in
/// flight, few enough that the lines are still cached when used.
const PREFETCH_DISTANCE: usize = 8;
/// Removed entries stay in the tables, marked, until they exceed this fraction of them.
const REMOVED_FRACTION_DIVISOR: usize = 4;

/// How [`HammingIndex::query_with`] searches. All strategies return the same, exact, result.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum QueryStrategy {
    /// Probe the substring tables unless the estimated cost exceeds a linear scan (large
    /// distances, or few entries).
    #[default]
    Auto,
    /// Always probe the substring tables, however many buckets that takes.
    MultiIndex,
    /// Always compare every entry.
    LinearScan,
}

/// Exact Hamming-radius index over 256-bit hashes by multi-index hashing; see the crate docs.
#[derive(Clone, Debug, Default)]
pub struct HammingIndex {
    built: BuiltPart,
    pending: EntryStore,
}

/// Entries with their substring tables, and marks for entries removed since the build.
#[derive(Clone, Debug, Default)]
struct BuiltPart {
    entries: EntryStore,
    layout: Layout,
    tables: Vec<SubstringTable>,
    /// One bit per slot, set when removed; empty until the first removal.
    removed: Vec<u64>,
    removed_count: usize,
}

impl BuiltPart {
    fn build(mut entries: EntryStore) -> Self {
        entries.shrink_to_fit();
        let layout = Layout::for_entry_count(entries.len());
        let tables = if entries.len() == 0 {
            Vec::new()
        } else {
            SubstringTable::build_all(layout.substrings(), entries.hashes())
        };
        Self {
            entries,
            layout,
            tables,
            removed: Vec::new(),
            removed_count: 0,
        }
    }

    fn is_live(&self, slot: usize) -> bool {
        self.removed
            .get(slot / 64)
            .is_none_or(|word| word >> (slot % 64) & 1 == 0)
    }

    fn live_len(&self) -> usize {
        self.entries.len() - self.removed_count
    }

    /// The live entries, in slot order; the tables are dropped first to keep the peak low.
    fn into_live_entries(mut self) -> EntryStore {
        self.tables = Vec::new();
        let removed = std::mem::take(&mut self.removed);
        let mut entries = self.entries;
        if self.removed_count > 0 {
            entries.retain_slots(|slot| removed[slot / 64] >> (slot % 64) & 1 == 0);
        }
        entries
    }

    fn remove(&mut self, hash: &Hash256, id: u64) -> usize {
        let (Some(substring), Some(table)) =
            (self.layout.substrings().first(), self.tables.first())
        else {
            return 0;
        };
        let mut doomed = Vec::new();
        table.for_each_within(substring, substring.key(hash), 0, |slot| {
            let slot = slot as usize;
            if self.entries.hash(slot) == hash && self.entries.id(slot) == id && self.is_live(slot)
            {
                doomed.push(slot);
            }
        });
        if !doomed.is_empty() && self.removed.is_empty() {
            self.removed = vec![0; self.entries.len().div_ceil(64)];
        }
        for &slot in &doomed {
            self.removed[slot / 64] |= 1 << (slot % 64);
        }
        self.removed_count += doomed.len();
        doomed.len()
    }

    fn query_into(
        &self,
        query: &Hash256,
        max_distance: u32,
        strategy: QueryStrategy,
        out: &mut Vec<Match>,
    ) {
        if self.entries.len() == 0 {
            return;
        }
        let probe = match strategy {
            QueryStrategy::MultiIndex => true,
            QueryStrategy::LinearScan => false,
            QueryStrategy::Auto => {
                max_distance < HASH_BITS
                    && self
                        .layout
                        .estimated_probe_cost(max_distance, self.entries.len())
                        < self.entries.len() as f64
            }
        };
        if probe {
            self.probe_into(query, max_distance, out);
        } else {
            self.entries
                .scan_into(query, max_distance, |slot| self.is_live(slot), out);
        }
    }

    /// Multi-index search: list the buckets within each substring's planned radius, look them
    /// up, scan them for candidates (each slot once, however many substrings reach it), and
    /// check each candidate's full distance. Each pass walks a list and asks for the memory of
    /// the item `PREFETCH_DISTANCE` ahead, so that the cache misses of a query (directory
    /// entries, buckets, candidate hashes, all at random places) overlap.
    fn probe_into(&self, query: &Hash256, max_distance: u32, out: &mut Vec<Match>) {
        let plan = self.layout.plan(max_distance);
        let mut probes = Vec::new();
        for (index, substring) in self.layout.substrings().iter().enumerate() {
            if let Some(radius) = plan.radius(index) {
                push_probes(index, substring, substring.key(query), radius, &mut probes);
            }
        }

        let mut buckets = Vec::with_capacity(probes.len());
        for (position, probe) in probes.iter().enumerate() {
            if let Some(ahead) = probes.get(position + PREFETCH_DISTANCE) {
                self.tables[ahead.substring].prefetch_directory(ahead.bucket);
            }
            buckets.push(self.tables[probe.substring].fetch_bucket(probe.bucket));
        }

        let mut candidates = Vec::new();
        for (probe, bucket) in probes.iter().zip(&buckets) {
            SubstringTable::scan_bucket(bucket, probe, |slot| candidates.push(slot));
        }
        let mut seen = SlotSet::with_max_inserts(candidates.len());
        candidates.retain(|&slot| seen.insert(slot));

        for (position, &slot) in candidates.iter().enumerate() {
            let slot = slot as usize;
            if let Some(&ahead) = candidates.get(position + PREFETCH_DISTANCE) {
                prefetch(self.entries.hash(ahead as usize));
            }
            let distance = hamming_distance(self.entries.hash(slot), query);
            if distance <= max_distance && self.is_live(slot) {
                out.push(Match {
                    distance,
                    id: self.entries.id(slot),
                });
            }
        }
    }

    fn heap_bytes(&self) -> usize {
        self.entries.heap_bytes()
            + self.layout.heap_bytes()
            + self.tables.capacity() * size_of::<SubstringTable>()
            + self
                .tables
                .iter()
                .map(SubstringTable::heap_bytes)
                .sum::<usize>()
            + self.removed.capacity() * size_of::<u64>()
    }
}

impl HammingIndex {
    /// An empty index.
    pub fn new() -> Self {
        Self::default()
    }

    /// Builds an index over `entries` (hash, id) in one pass per substring (counting sort into
    /// flat arrays). Ids need not be unique; each entry is reported on its own.
    pub fn from_entries(
        entries: impl IntoIterator<Item = (Hash256, u64)>,
    ) -> Result<Self, IndexError> {
        Ok(Self {
            built: BuiltPart::build(EntryStore::collect(entries)?),
            pending: EntryStore::default(),
        })
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.built.live_len() + self.pending.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Number of substrings the built tables cut the 256 bits into (0 before any build).
    pub fn substring_count(&self) -> usize {
        self.built.tables.len()
    }

    /// Adds an entry. It is searched linearly until enough inserts accumulate to trigger a
    /// rebuild (see [`HammingIndex::rebuild`]), which this call then performs.
    pub fn insert(&mut self, hash: Hash256, id: u64) -> Result<(), IndexError> {
        if self.built.entries.len() + self.pending.len() >= MAX_ENTRIES {
            return Err(IndexError::TooManyEntries);
        }
        self.pending.push(hash, id);
        let limit = PENDING_MIN.max(self.built.entries.len() / PENDING_FRACTION_DIVISOR);
        if self.pending.len() > limit {
            self.rebuild();
        }
        Ok(())
    }

    /// Removes every entry equal to (`hash`, `id`); returns how many there were. Removed entries
    /// are marked and skipped until a rebuild, which this call performs once they exceed a
    /// quarter of the built entries.
    pub fn remove(&mut self, hash: &Hash256, id: u64) -> usize {
        let removed = self.built.remove(hash, id) + self.pending.remove_all(hash, id);
        if self.built.removed_count > self.built.entries.len() / REMOVED_FRACTION_DIVISOR {
            self.rebuild();
        }
        removed
    }

    /// Rebuilds the tables over the live entries: merges pending inserts, drops removed entries,
    /// and re-chooses the substring layout for the new size.
    pub fn rebuild(&mut self) {
        let mut entries = std::mem::take(&mut self.built).into_live_entries();
        entries.append(&mut self.pending);
        self.built = BuiltPart::build(entries);
    }

    /// Every entry within `max_distance` of `query`, as (distance, id) sorted by distance then
    /// id. Exact for every distance; see [`QueryStrategy::Auto`] for how it searches.
    pub fn query(&self, query: &Hash256, max_distance: u32) -> Vec<Match> {
        self.query_with(query, max_distance, QueryStrategy::Auto)
    }

    /// [`HammingIndex::query`] with a chosen search strategy (for tests and benchmarks).
    pub fn query_with(
        &self,
        query: &Hash256,
        max_distance: u32,
        strategy: QueryStrategy,
    ) -> Vec<Match> {
        let mut matches = Vec::new();
        self.built
            .query_into(query, max_distance, strategy, &mut matches);
        self.pending
            .scan_into(query, max_distance, |_| true, &mut matches);
        matches.sort_unstable();
        matches
    }

    /// Bytes of heap memory held: hashes, ids, substring tables, removal marks and pending
    /// inserts (by capacity).
    pub fn memory_bytes(&self) -> usize {
        self.built.heap_bytes() + self.pending.heap_bytes()
    }
}
