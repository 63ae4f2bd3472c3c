//! Text normaliser for saring's text detectors.
//!
//! Sellers of banned used-clothing imports dodge keyword filters: they write "𝐁𝐀𝐋𝐋", "bаl"
//! with a Cyrillic "а", "t h r i f t", "b🔥a🔥l", "b3k4s", "bekaaaas", "bks" or "pre-loved".
//! [`normalise`] undoes these tricks so that a lexicon matcher or a classifier sees "ball",
//! "bal", "thrift", "bekas" and "preloved", and keeps, for every byte of its output, the span
//! of the original input it came from, so a match can be shown where the seller wrote it.
//!
//! The rules, in order:
//!
//! 1. **Characters.** NFKD compatibility decomposition (fullwidth, ligatures, superscripts,
//!    "㎏"), combining marks removed ("é" to "e"), lowercase with `ß` to `ss`, invisible
//!    characters removed (zero-width space and joiners, soft hyphen, BOM, variation
//!    selectors, bidi controls, controls), and Latin look-alikes from Greek, Cyrillic,
//!    Armenian, Cherokee, Lisu, small capitals, enclosed ("ⓑ", "🅑") and mathematical
//!    ("𝒃") letters folded to ASCII letters and digits with `decancer`, one character at a
//!    time. Other scripts (CJK, Hangul, Arabic, Indic...) are only lowercased.
//! 2. **Words.** Letters and digits (of any script) make words; `@ $ !` between letters or
//!    digits and `. ,` between digits belong to the word ("b@ll", "150.000"); every other
//!    character (spaces, punctuation, emoji) separates words and does not appear in the
//!    output.
//! 3. **Leetspeak** inside a word: `0 1 3 4 5 7 @ $ !` read as `o i e a s t a s i`, and
//!    `11` as `ll`, when the word looks disguised rather than like a number, size, model or
//!    price: "b3k4s" becomes "bekas" while "150rb", "100kg", "3xl", "2pcs", "iphone11",
//!    "3x4m" and "rp50rb" stay (see `is_leetspeak` in `words.rs` for the exact test).
//! 4. **Stretched letters.** Three or more of the same ASCII letter become one ("bekaaaas"
//!    to "bekas", "balllll" to "bal"); doubles stay ("ball"); `x` and `w` are exempt
//!    ("xxxl", "www"). Lexicons should list both "bal" and "ball".
//! 5. **Abbreviations** as whole words, from one small table (`vocabulary.rs`): "bks",
//!    "bkas" to "bekas"; "2nd", "scnd", "scond", "sekon", "seken" to "second" (kept apart
//!    from "bekas": "second" is also said of phones and cars); "imp", "imprt", "impor" to
//!    "import"; "prelove", "prelovd", "prelov" to "preloved"; "brg" to "barang".
//! 6. **Spaced-out words.** A run of three or more one-letter words, whatever separates
//!    them ("t h r i f t", "t.h.r.i.f.t", "b🔥a🔥l", "B A L L", "k-a-r-u-n-g"), is joined
//!    and goes through rules 3 to 5 ("b 3 k 4 s" to "bekas"), unless it has no vowel
//!    ("s m l") or is consecutive letters of the alphabet ("grade a b c"). Digits at the
//!    edges of a run stay apart ("1 b a l"); "a b" stays.
//! 7. **Split words.** "pre loved", "pre-loved" become "preloved".
//!
//! The output is words separated by single spaces, with no leading or trailing space.
//! Normalising the output again returns it unchanged (tested by property tests and the fuzz
//! target). Time and memory are linear in the input.
//!
//! ```
//! let normalised = saring_normalise::normalise("Jual 𝐁𝐀𝐋𝐋 pr3l0ved, t.h.r.i.f.t!!");
//! assert_eq!(normalised.text(), "jual ball preloved thrift");
//! let ball = normalised.text().find("ball").expect("ball is in the text");
//! assert_eq!(normalised.original_range(ball..ball + 4), 5..21); // "𝐁𝐀𝐋𝐋"
//! ```

mod fold;
mod vocabulary;
mod words;

use std::ops::Range;

use fold::Unit;

/// Normalised text, with a map from each of its bytes back to the original input.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Normalised {
    text: String,
    /// For each byte of `text`, the span of the original character(s) it came from. Starts
    /// and ends are both non-decreasing along the text, and each start is below its end.
    original_spans: Vec<Span>,
}

/// A byte span of the original input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Span {
    start: u32,
    end: u32,
}

impl Span {
    fn of(unit: &Unit) -> Span {
        Span {
            start: unit.start,
            end: unit.end,
        }
    }
}

impl Normalised {
    /// The normalised text: lowercase words separated by single spaces.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The byte range of the original input that the byte range `normalised` of
    /// [`text`](Self::text) came from: from the start of the original character behind its
    /// first byte to the end of the one behind its last byte, so it includes whatever the
    /// normaliser removed in between (dots, emoji, spaces of a spaced-out word).
    ///
    /// The range is clamped to the text, and the result always lies on character boundaries
    /// of the original. An empty range maps to an empty range at the matching position.
    pub fn original_range(&self, normalised: Range<usize>) -> Range<usize> {
        let end = normalised.end.min(self.text.len());
        let start = normalised.start.min(end);
        let (start, end) = match (self.original_spans.get(start), end.checked_sub(1)) {
            (Some(first), Some(last_byte)) if start < end => {
                (first.start, self.original_spans[last_byte].end)
            }
            (Some(first), _) => (first.start, first.start),
            (None, _) => {
                let position = self.original_spans.last().map_or(0, |last| last.end);
                (position, position)
            }
        };
        // Lossless: spans are offsets into an input of at most `u32::MAX` bytes.
        start as usize..end as usize
    }

    /// The same text with every separator (the spaces, and the `. , @ $ !` inside words)
    /// removed, still mapping back to the original: lets a matcher find words the seller
    /// broke into pieces, like "ka rung an" or "bal pres".
    pub fn squeezed(&self) -> Squeezed<'_> {
        let text = self.text.as_str();
        let mut squeezed = String::with_capacity(text.len());
        let mut pieces = Vec::with_capacity(text.len() / 4 + 1);
        let mut start = 0;
        for piece in text
            .as_bytes()
            .split(|byte| matches!(byte, b' ' | b'.' | b',' | b'@' | b'$' | b'!'))
        {
            let range = start..start + piece.len();
            start = range.end + 1;
            if piece.is_empty() {
                continue;
            }
            pieces.push(Piece {
                squeezed: squeezed.len(),
                normalised: range.start,
            });
            // Separators are ASCII: a piece begins and ends on character boundaries.
            squeezed.push_str(text.get(range).unwrap_or_default());
        }
        Squeezed {
            normalised: self,
            text: squeezed,
            pieces,
        }
    }
}

/// A [`Normalised`] text with its separators squeezed out (see [`Normalised::squeezed`]).
#[derive(Clone, Debug)]
pub struct Squeezed<'a> {
    normalised: &'a Normalised,
    text: String,
    /// Where each piece between two separators starts, in `text` and in the normalised
    /// text, in order.
    pieces: Vec<Piece>,
}

#[derive(Clone, Copy, Debug)]
struct Piece {
    squeezed: usize,
    normalised: usize,
}

impl Squeezed<'_> {
    /// The text without separators: letters and digits only.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The byte range of the normalised text that the byte range `squeezed` of
    /// [`text`](Self::text) came from, separators in between included. Clamped to the text
    /// like [`Normalised::original_range`].
    pub fn normalised_range(&self, squeezed: Range<usize>) -> Range<usize> {
        let end = squeezed.end.min(self.text.len());
        let start = squeezed.start.min(end);
        if start == end {
            let at = self.normalised_position(start);
            return at..at;
        }
        self.normalised_position(start)..self.normalised_position(end - 1) + 1
    }

    /// The byte range of the original input that the byte range `squeezed` of
    /// [`text`](Self::text) came from (see [`Normalised::original_range`]).
    pub fn original_range(&self, squeezed: Range<usize>) -> Range<usize> {
        self.normalised
            .original_range(self.normalised_range(squeezed))
    }

    /// Where byte `squeezed` of the text (or its end) is in the normalised text.
    fn normalised_position(&self, squeezed: usize) -> usize {
        let holder = self
            .pieces
            .partition_point(|piece| piece.squeezed <= squeezed)
            .saturating_sub(1);
        self.pieces
            .get(holder)
            .map_or(0, |piece| piece.normalised + (squeezed - piece.squeezed))
    }
}

/// Builds a [`Normalised`] word by word: collects the output characters, then writes text
/// and map in one pass.
struct Builder {
    units: Vec<Unit>,
}

impl Builder {
    fn with_capacity(units: usize) -> Builder {
        Builder {
            units: Vec::with_capacity(units),
        }
    }

    /// Appends `word`, after a space if a word came before.
    fn push_word(&mut self, word: &[Unit]) {
        if let (Some(last), Some(first)) = (self.units.last(), word.first()) {
            let space = space_between(last, first);
            self.units.push(space);
        }
        self.units.extend_from_slice(word);
    }

    fn finish(self) -> Normalised {
        let units = self.units;
        let (bytes, original_spans) = if units.iter().all(|unit| unit.ch.is_ascii()) {
            // `as u8` keeps ASCII characters whole.
            let bytes = units.iter().map(|unit| unit.ch as u8).collect();
            (bytes, units.iter().map(Span::of).collect())
        } else {
            let mut bytes = Vec::with_capacity(units.len() * 2);
            let mut original_spans = Vec::with_capacity(units.len() * 2);
            for unit in &units {
                let mut buffer = [0; 4];
                let encoded = unit.ch.encode_utf8(&mut buffer).as_bytes();
                bytes.extend_from_slice(encoded);
                original_spans.extend(std::iter::repeat_n(Span::of(unit), encoded.len()));
            }
            (bytes, original_spans)
        };
        // Only whole characters were written: the fallback never runs.
        let text = String::from_utf8(bytes)
            .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned());
        Normalised {
            text,
            original_spans,
        }
    }
}

/// The space between two words, mapped to what separated them in the original. When the
/// two words came out of one original character ("⒝x" folds to "(b)x") there is nothing in
/// between, and the space maps to the character the first word ends in.
fn space_between(previous: &Unit, next: &Unit) -> Unit {
    let start = previous.end.min(next.start);
    let end = previous.end.max(next.start);
    if start < end {
        Unit {
            ch: fold::SPACE,
            start,
            end,
        }
    } else {
        Unit {
            ch: fold::SPACE,
            ..*previous
        }
    }
}

/// Normalises `input` for matching: see the [crate documentation](crate) for the rules.
///
/// Inputs longer than 4 GiB (`u32::MAX` bytes) are cut at the last character boundary before
/// that length: the byte map stores 32-bit offsets.
pub fn normalise(input: &str) -> Normalised {
    let input = &input[..input.floor_char_boundary(fold::MAX_INPUT_BYTES)];
    let mut builder = Builder::with_capacity(input.len());
    let mut words = words::Words::new(|word: &[Unit]| builder.push_word(word));
    fold::fold_into(input, &mut words);
    words.finish();
    builder.finish()
}
