//! Words: splitting folded characters into words, and undoing the tricks played inside and
//! across words, in one pass.

use crate::fold::{Sink, Unit};
use crate::vocabulary;

/// Splits folded characters into words as they arrive, and passes each word on to `emit`,
/// every trick undone: per-word tricks ([`rewrite_word`]), spaced-out words ([`Pieces`]) and
/// split words ([`SplitWords`]).
///
/// A word is a run of letters and digits (of any script), with `@`, `$` and `!` between two
/// letters or digits ("b@ll") and `.` or `,` between two digits ("150.000", "1,5") counted as
/// part of it. Everything else separates words.
pub(crate) struct Words<E> {
    /// The word being read.
    word: Vec<Unit>,
    /// The last unit of `word` is an `@ $ ! . ,` that belongs to the word only if the next
    /// character continues it.
    joiner_pending: bool,
    rewritten: Vec<Unit>,
    pieces: Pieces,
    split_words: SplitWords<E>,
}

impl<E: FnMut(&[Unit])> Words<E> {
    /// Words that will go to `emit`, a word at a time.
    pub(crate) fn new(emit: E) -> Self {
        Words {
            word: Vec::new(),
            joiner_pending: false,
            rewritten: Vec::new(),
            pieces: Pieces::default(),
            split_words: SplitWords::new(emit),
        }
    }

    /// Passes on what is still held back, once the input has ended.
    pub(crate) fn finish(mut self) {
        self.end_word();
        if !self.pieces.is_empty() {
            self.pieces.flush(&mut self.split_words);
        }
        self.split_words.finish();
    }

    /// The word being read has ended: rewrite it and pass it on.
    fn end_word(&mut self) {
        if self.joiner_pending {
            self.word.pop();
            self.joiner_pending = false;
        }
        if self.word.is_empty() {
            return;
        }
        let mut word = &self.word[..];
        if rewrite_if_needed(word, &mut self.rewritten) {
            word = &self.rewritten;
        }
        match word {
            [unit] if is_piece(unit.ch) => self.pieces.push(*unit),
            _ => {
                if !self.pieces.is_empty() {
                    self.pieces.flush(&mut self.split_words);
                }
                self.split_words.push(word);
            }
        }
        self.word.clear();
    }
}

impl<E: FnMut(&[Unit])> Sink for Words<E> {
    #[inline(always)]
    fn unit(&mut self, unit: Unit) {
        let ch = unit.ch;
        if ch.is_ascii_alphanumeric() || (!ch.is_ascii() && ch.is_alphanumeric()) {
            if self.joiner_pending {
                self.joiner_pending = false;
                let joins_digits =
                    matches!(self.word.last(), Some(joiner) if matches!(joiner.ch, '.' | ','));
                if joins_digits && !ch.is_ascii_digit() {
                    // "1.a": the dot separates.
                    self.word.pop();
                    self.end_word();
                }
            }
            self.word.push(unit);
            return;
        }
        let previous = match self.word.last() {
            Some(previous) if !self.joiner_pending => previous.ch,
            _ => '\0',
        };
        let joins = match ch {
            '@' | '$' | '!' => previous.is_alphanumeric(),
            '.' | ',' => previous.is_ascii_digit(),
            _ => false,
        };
        if joins {
            self.word.push(unit);
            self.joiner_pending = true;
        } else {
            self.end_word();
        }
    }

    fn extend_last(&mut self, end: u32) {
        if let Some(last) = self.word.last_mut() {
            last.end = end;
        }
    }
}

/// Writes `word` rewritten by [`rewrite_word`] into `out` and returns true, or returns false
/// when the rewrite would not change it (the common case, tested without copying).
fn rewrite_if_needed(word: &[Unit], out: &mut Vec<Unit>) -> bool {
    let mut before = ['\0'; 2];
    let needs_rewrite = word.iter().any(|unit| {
        let ch = unit.ch;
        let stretched = ch == before[0] && ch == before[1] && is_stretchable(ch);
        before = [before[1], ch];
        stretched || is_substitute(ch)
    });
    if needs_rewrite {
        out.clear();
        rewrite_word(word, out);
        return true;
    }
    match abbreviation(word) {
        Some(canonical) => {
            out.clear();
            push_expansion(word, canonical, out);
            true
        }
        None => false,
    }
}

/// Appends `word` to `out` with its per-word tricks undone, in this order: leetspeak,
/// stretched letters, abbreviations.
fn rewrite_word(word: &[Unit], out: &mut Vec<Unit>) {
    let begin = out.len();
    if is_leetspeak(word) {
        push_unleeted(word, out);
    } else {
        out.extend_from_slice(word);
    }
    if has_stretched_letters(&out[begin..]) {
        collapse_stretched_letters(out, begin);
    }
    if let Some(canonical) = abbreviation(&out[begin..]) {
        let word = out.split_off(begin);
        push_expansion(&word, canonical, out);
    }
}

/// Appends `canonical`, every character of which maps to the whole of `word`.
fn push_expansion(word: &[Unit], canonical: &str, out: &mut Vec<Unit>) {
    if let (Some(first), Some(last)) = (word.first(), word.last()) {
        out.extend(canonical.chars().map(|ch| Unit::spanning(ch, first, last)));
    }
}

/// The letter a leetspeak substitute stands for; `1` is resolved in [`push_unleeted`].
fn unleet(ch: char) -> Option<char> {
    match ch {
        '0' => Some('o'),
        '1' | '!' => Some('i'),
        '3' => Some('e'),
        '4' | '@' => Some('a'),
        '5' | '$' => Some('s'),
        '7' => Some('t'),
        _ => None,
    }
}

fn is_leet_digit(ch: char) -> bool {
    ch.is_ascii_digit() && unleet(ch).is_some()
}

fn is_substitute(ch: char) -> bool {
    unleet(ch).is_some()
}

/// Whether `word` is a word written in leetspeak ("b3k4s", "7hr1f7", "b@ll") rather than a
/// number, a number with a unit, a model name, a size or a price. It must consist of ASCII
/// letters and substitutes only, have at least two letters and no more digits than letters,
/// no run of three digits, and its digits must not all stand before its letters ("100kg",
/// "3xl", "2pcs") or all after them ("iphone11", "baju2"); dimensions ("3x4m") and prices
/// glued to "rp" or "idr" ("rp50rb") are left alone.
fn is_leetspeak(word: &[Unit]) -> bool {
    let (mut letters, mut digits, mut substitutes, mut digit_run) = (0, 0, 0, 0);
    for unit in word {
        match unit.ch {
            'a'..='z' => {
                letters += 1;
                digit_run = 0;
            }
            ch if is_leet_digit(ch) => {
                digits += 1;
                substitutes += 1;
                digit_run += 1;
                if digit_run == 3 {
                    return false;
                }
            }
            '@' | '$' | '!' => {
                substitutes += 1;
                digit_run = 0;
            }
            _ => return false,
        }
    }
    substitutes > 0
        && letters >= 2
        && digits <= letters
        && has_digits_among_letters(word, digits)
        && !is_dimension(word)
        && !is_glued_price(word)
}

/// True when `word` has no digits, or has digits between its letters, or on both sides of
/// them: false for a number with a unit ("100kg") or a name with a number ("iphone11").
fn has_digits_among_letters(word: &[Unit], digits: usize) -> bool {
    if digits == 0 {
        return true;
    }
    let is_letter = |unit: &Unit| unit.ch.is_ascii_lowercase();
    let first_letter = word.iter().position(is_letter).unwrap_or(word.len());
    let last_letter = word.iter().rposition(is_letter).unwrap_or(0);
    let digits_in = |units: &[Unit]| units.iter().any(|unit| unit.ch.is_ascii_digit());
    let before = digits_in(&word[..first_letter]);
    let after = digits_in(word.get(last_letter + 1..).unwrap_or_default());
    let inside = digits_in(word.get(first_letter..last_letter).unwrap_or_default());
    inside || (before && after)
}

fn is_dimension(word: &[Unit]) -> bool {
    word.windows(3)
        .any(|w| w[1].ch == 'x' && w[0].ch.is_ascii_digit() && w[2].ch.is_ascii_digit())
}

fn is_glued_price(word: &[Unit]) -> bool {
    ["rp", "idr"].iter().any(|currency| {
        word.len() > currency.len()
            && currency.chars().zip(word).all(|(ch, unit)| unit.ch == ch)
            && word[currency.len()].ch.is_ascii_digit()
    })
}

/// Appends `word` with substitutes replaced by letters. A `1` next to another `1` reads as
/// `l` ("ba11pres"), a lone one as `i` ("1mp0rt").
fn push_unleeted(word: &[Unit], out: &mut Vec<Unit>) {
    for (index, unit) in word.iter().enumerate() {
        let is_one = |other: Option<&Unit>| other.is_some_and(|other| other.ch == '1');
        let beside_one = is_one(index.checked_sub(1).and_then(|before| word.get(before)))
            || is_one(word.get(index + 1));
        let ch = if unit.ch == '1' && beside_one {
            'l'
        } else {
            unleet(unit.ch).unwrap_or(unit.ch)
        };
        out.push(Unit { ch, ..*unit });
    }
}

fn is_stretchable(ch: char) -> bool {
    ch.is_ascii_lowercase() && !matches!(ch, 'x' | 'w')
}

fn has_stretched_letters(word: &[Unit]) -> bool {
    word.windows(3)
        .any(|w| w[0].ch == w[1].ch && w[1].ch == w[2].ch && is_stretchable(w[0].ch))
}

/// Collapses, in `units[begin..]`, every run of three or more of the same ASCII letter to
/// one letter ("bekaaaas" to "bekas", "balllll" to "bal"); doubles stay ("ball"). `x` and
/// `w` are exempt for sizes and addresses ("xxxl", "www").
fn collapse_stretched_letters(units: &mut Vec<Unit>, begin: usize) {
    let mut write = begin;
    let mut read = begin;
    while read < units.len() {
        let ch = units[read].ch;
        let mut run_end = read + 1;
        while run_end < units.len() && units[run_end].ch == ch {
            run_end += 1;
        }
        if run_end - read >= 3 && is_stretchable(ch) {
            units[write] = Unit::spanning(ch, &units[read], &units[run_end - 1]);
            write += 1;
        } else {
            for index in read..run_end {
                units[write] = units[index];
                write += 1;
            }
        }
        read = run_end;
    }
    units.truncate(write);
}

/// The canonical word for `word` if it is a variant in the vocabulary (not if it is already
/// canonical).
fn abbreviation(word: &[Unit]) -> Option<&'static str> {
    if !word
        .first()
        .is_some_and(|first| vocabulary::may_hold(word.len(), first.ch))
    {
        return None;
    }
    vocabulary::canonical(|entry| spells(word, entry)).filter(|canonical| !spells(word, canonical))
}

/// Whether the characters of `word` are exactly `ascii_entry` (an ASCII vocabulary entry).
fn spells(word: &[Unit], ascii_entry: &str) -> bool {
    word.len() == ascii_entry.len()
        && word
            .iter()
            .zip(ascii_entry.bytes())
            .all(|(unit, byte)| unit.ch == char::from(byte))
}

/// Whether a one-character word can be a piece of a spaced-out word: an ASCII letter or a
/// leetspeak digit.
fn is_piece(ch: char) -> bool {
    ch.is_ascii_lowercase() || is_leet_digit(ch)
}

/// Consecutive one-character words waiting to be joined ("t h r i f t", "b🔥a🔥l",
/// "k-a-r-u-n-g", "b 3 k 4 s").
///
/// A run of pieces, without the digits at its edges ("1 b a l" keeps the "1"), is joined
/// when it has at least three pieces, at least two letters, a vowel (or a digit standing for
/// one), and is not a run of consecutive letters of the alphabet ("grade a b c"); the joined
/// word is then rewritten like any word ("b 3 k 4 s" to "bekas"). Sizes ("s m l") have no
/// vowel and stay apart. The decision ignores what separated the pieces, so normalising the
/// output again joins nothing more.
#[derive(Default)]
struct Pieces {
    pieces: Vec<Unit>,
    joined: Vec<Unit>,
}

impl Pieces {
    fn push(&mut self, piece: Unit) {
        self.pieces.push(piece);
    }

    fn is_empty(&self) -> bool {
        self.pieces.is_empty()
    }

    /// Passes the run on to `next`, joined or piece by piece, and empties it.
    fn flush<E: FnMut(&[Unit])>(&mut self, next: &mut SplitWords<E>) {
        let is_digit = |unit: &&Unit| unit.ch.is_ascii_digit();
        let leading_digits = self.pieces.iter().take_while(is_digit).count();
        let trailing_digits = self.pieces[leading_digits..]
            .iter()
            .rev()
            .take_while(is_digit)
            .count();
        let (leading, rest) = self.pieces.split_at(leading_digits);
        let (middle, trailing) = rest.split_at(rest.len() - trailing_digits);
        leading
            .iter()
            .for_each(|piece| next.push(std::slice::from_ref(piece)));
        if is_spaced_out_word(middle) {
            self.joined.clear();
            rewrite_word(middle, &mut self.joined);
            next.push(&self.joined);
        } else {
            middle
                .iter()
                .for_each(|piece| next.push(std::slice::from_ref(piece)));
        }
        trailing
            .iter()
            .for_each(|piece| next.push(std::slice::from_ref(piece)));
        self.pieces.clear();
    }
}

fn is_spaced_out_word(pieces: &[Unit]) -> bool {
    let letters = pieces
        .iter()
        .filter(|unit| unit.ch.is_ascii_lowercase())
        .count();
    let has_vowel = pieces
        .iter()
        .any(|unit| matches!(unit.ch, 'a' | 'e' | 'i' | 'o' | 'u' | '4' | '3' | '1' | '0'));
    let is_alphabet_run = pieces
        .windows(2)
        .all(|pair| u32::from(pair[0].ch) + 1 == u32::from(pair[1].ch));
    pieces.len() >= 3 && letters >= 2 && has_vowel && !is_alphabet_run
}

/// Words that sellers write in two ("pre loved", "pre-loved"): a split prefix from the
/// vocabulary is held back until the next word shows whether the two make one word.
struct SplitWords<E> {
    emit: E,
    held: Vec<Unit>,
}

impl<E: FnMut(&[Unit])> SplitWords<E> {
    fn new(emit: E) -> Self {
        SplitWords {
            emit,
            held: Vec::new(),
        }
    }

    fn push(&mut self, word: &[Unit]) {
        if !self.held.is_empty() {
            let canonical = vocabulary::canonical_split(
                |entry| spells(&self.held, entry),
                |entry| spells(word, entry),
            );
            if let (Some(canonical), Some(first), Some(last)) =
                (canonical, self.held.first().copied(), word.last())
            {
                self.held.clear();
                self.held
                    .extend(canonical.chars().map(|ch| Unit::spanning(ch, &first, last)));
                (self.emit)(&self.held);
                self.held.clear();
                return;
            }
            (self.emit)(&self.held);
            self.held.clear();
        }
        if vocabulary::is_split_prefix(|entry| spells(word, entry)) {
            self.held.extend_from_slice(word);
        } else {
            (self.emit)(word);
        }
    }

    fn finish(mut self) {
        if !self.held.is_empty() {
            (self.emit)(&self.held);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Units for `text`, taken as already folded.
    fn units(text: &str) -> Vec<Unit> {
        let offset = |index: usize| u32::try_from(index).expect("short test text");
        text.char_indices()
            .map(|(start, ch)| Unit {
                ch,
                start: offset(start),
                end: offset(start + ch.len_utf8()),
            })
            .collect()
    }

    /// The rewritten word, and its units.
    fn rewrite(word: &str) -> Vec<Unit> {
        let mut out = Vec::new();
        rewrite_word(&units(word), &mut out);
        out
    }

    fn rewritten(word: &str) -> String {
        rewrite(word).iter().map(|unit| unit.ch).collect()
    }

    #[test]
    fn leetspeak_inside_words_becomes_letters() {
        assert_eq!(rewritten("b3k4s"), "bekas");
        assert_eq!(rewritten("7hr1f7"), "thrift");
        assert_eq!(rewritten("b@ll"), "ball");
        assert_eq!(rewritten("ba11pres"), "ballpres");
        assert_eq!(rewritten("1mp0r7"), "import");
        assert_eq!(rewritten("k4rung4n"), "karungan");
        assert_eq!(rewritten("pr3l0v3d"), "preloved");
        assert_eq!(rewritten("th!s"), "this");
        assert_eq!(rewritten("s3k0n"), "second");
    }

    #[test]
    fn numbers_units_sizes_models_and_prices_keep_their_digits() {
        for word in [
            "150",
            "100kg",
            "150rb",
            "2pcs",
            "3xl",
            "2nd",
            "42",
            "iphone11",
            "baju2",
            "3x4m",
            "rp50rb",
            "rp35k",
            "idr150",
            "08123456789",
            "1x1",
            "5w30",
            "covid19",
        ] {
            let expected = if word == "2nd" { "second" } else { word };
            assert_eq!(rewritten(word), expected, "{word}");
        }
    }

    #[test]
    fn runs_of_three_or_more_letters_collapse_to_one_and_doubles_stay() {
        assert_eq!(rewritten("bekaaaas"), "bekas");
        assert_eq!(rewritten("balllll"), "bal");
        assert_eq!(rewritten("ball"), "ball");
        assert_eq!(rewritten("karunggg"), "karung");
        assert_eq!(rewritten("xxxl"), "xxxl");
        assert_eq!(rewritten("1000000"), "1000000");
    }

    #[test]
    fn collapsed_letters_map_to_the_whole_stretch() {
        assert_eq!(
            rewrite("baaal")[1],
            Unit {
                ch: 'a',
                start: 1,
                end: 4
            }
        );
    }

    #[test]
    fn abbreviations_expand_over_the_whole_abbreviation() {
        let expanded = rewrite("bks");
        assert_eq!(
            expanded.iter().map(|unit| unit.ch).collect::<String>(),
            "bekas"
        );
        assert!(expanded.iter().all(|unit| (unit.start, unit.end) == (0, 3)));
        assert_eq!(rewritten("bkas"), "bekas");
        assert_eq!(rewritten("imp0r"), "import");
        assert_eq!(rewritten("pcs"), "pcs");
        assert_eq!(rewritten("pck"), "pck");
    }

    /// The output words for `text`, given as already folded.
    fn output_words(text: &str) -> Vec<String> {
        let mut found = Vec::new();
        let mut words = Words::new(|word: &[Unit]| {
            found.push(word.iter().map(|unit| unit.ch).collect::<String>())
        });
        for unit in units(text) {
            words.unit(unit);
        }
        words.finish();
        found
    }

    #[test]
    fn pieces_join_into_words_unless_they_look_like_lists() {
        assert_eq!(output_words("t h r i f t"), ["thrift"]);
        assert_eq!(output_words("1 b 3 k 4 s 2"), ["1", "bekas", "2"]);
        assert_eq!(output_words("s m l"), ["s", "m", "l"]);
        assert_eq!(output_words("a b c d"), ["a", "b", "c", "d"]);
        assert_eq!(output_words("a b"), ["a", "b"]);
    }

    #[test]
    fn split_words_are_merged_and_a_lone_prefix_is_kept() {
        assert_eq!(
            output_words("pre loved pre order pre"),
            ["preloved", "pre", "order", "pre"]
        );
        assert_eq!(output_words("p r e loved"), ["preloved"]);
    }

    #[test]
    fn word_characters_include_symbols_only_between_letters_or_digits() {
        assert_eq!(
            output_words("x@1 @toko 150.000 x.y bekas! 1,5kg 1.a kata b@@l kata 1..2 7,"),
            [
                "x@1", "toko", "150.000", "x", "y", "bekas", "1,5kg", "1", "a", "kata", "b", "l",
                "kata", "1", "2", "7"
            ]
        );
    }
}
