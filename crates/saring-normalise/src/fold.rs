//! Character folding: one original character becomes zero or more folded characters, each
//! remembering the byte span of the original character it came from.

use decancer::{Options, Translation};
use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// A folded character and the byte span, in the original input, of what it came from.
///
/// Spans of consecutive units never go backwards: both `start` and `end` are non-decreasing
/// along a sequence of units, and `start < end` always holds. Every derived unit (a collapsed
/// run, an expanded abbreviation, a space between words) takes the span from the first to the
/// last unit it replaces, which keeps that order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Unit {
    pub(crate) ch: char,
    pub(crate) start: u32,
    pub(crate) end: u32,
}

/// The longest input whose byte offsets fit the `u32` spans of [`Unit`].
pub(crate) const MAX_INPUT_BYTES: usize = u32::MAX as usize;

/// `index` as a span offset: lossless, inputs are at most [`MAX_INPUT_BYTES`] long.
#[allow(clippy::cast_possible_truncation)]
fn offset(index: usize) -> u32 {
    index as u32
}

impl Unit {
    /// The same character span covering `first` to `last`.
    pub(crate) fn spanning(ch: char, first: &Unit, last: &Unit) -> Unit {
        Unit {
            ch,
            start: first.start,
            end: last.end,
        }
    }
}

/// The character every whitespace character folds to.
pub(crate) const SPACE: char = ' ';

/// Where folded characters go.
pub(crate) trait Sink {
    /// Takes the next folded character.
    fn unit(&mut self, unit: Unit);
    /// A combining mark ends at `end`: the character before it now spans it too (nothing
    /// happens if that character was dropped or separates words).
    fn extend_last(&mut self, end: u32);
}

impl Sink for Vec<Unit> {
    fn unit(&mut self, unit: Unit) {
        self.push(unit);
    }

    fn extend_last(&mut self, end: u32) {
        if let Some(last) = self.last_mut() {
            last.end = end;
        }
    }
}

/// Folds `input` (at most [`MAX_INPUT_BYTES`] long) character by character into `sink`:
/// NFKD compatibility decomposition, combining marks dropped (their bytes join the span of the
/// character before them), Default_Ignorable and control characters dropped, every whitespace
/// character to [`SPACE`], lowercase, `ß` to `ss`, and Latin look-alikes from Latin, Greek,
/// Cyrillic, Armenian, Cherokee, Lisu, small caps, fullwidth, enclosed and mathematical
/// letters folded to ASCII with `decancer`. Characters of other scripts (CJK, Hangul, Arabic,
/// Indic, Thai...) are only lowercased: they are real text, not disguise.
pub(crate) fn fold_into(input: &str, sink: &mut impl Sink) {
    let bytes = input.as_bytes();
    let mut start = 0;
    while let Some(&byte) = bytes.get(start) {
        if byte.is_ascii() {
            let folded = ASCII_FOLDED[usize::from(byte)];
            if folded != 0 {
                sink.unit(Unit {
                    ch: char::from(folded),
                    start: offset(start),
                    end: offset(start + 1),
                });
            }
            start += 1;
        } else {
            let Some(ch) = input.get(start..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            let end = start + ch.len_utf8();
            fold_non_ascii(ch, offset(start), offset(end), sink);
            start = end;
        }
    }
}

/// ASCII folded: lowercase, whitespace to [`SPACE`], other controls to 0 (dropped).
static ASCII_FOLDED: [u8; 128] = {
    let mut table = [0; 128];
    let mut byte = 0;
    while byte < 128 {
        table[byte as usize] = match byte {
            b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' => SPACE as u8,
            0..=0x1F | 0x7F => 0,
            _ => byte.to_ascii_lowercase(),
        };
        byte += 1;
    }
    table
};

fn fold_non_ascii(ch: char, start: u32, end: u32, sink: &mut impl Sink) {
    let mut push = |folded: char| {
        sink.unit(Unit {
            ch: folded,
            start,
            end,
        })
    };
    if is_pictograph(ch) {
        push(ch);
    } else if ch.is_whitespace() {
        push(SPACE);
    } else if is_ignorable(ch) {
        // Removed without a trace: it is invisible in the original.
    } else if is_combining_mark(ch) {
        sink.extend_last(end);
    } else if is_hangul_syllable(ch) {
        // NFKD would split it into jamo, which nothing downstream wants.
        push(ch);
    } else {
        decompose_compatible(ch, |part| {
            if !is_combining_mark(part) {
                fold_decomposed(part, &mut push);
            }
        });
    }
}

/// Folds one character that NFKD has already decomposed.
fn fold_decomposed(part: char, push: &mut impl FnMut(char)) {
    if part.is_whitespace() {
        push(SPACE);
    } else if part.is_ascii() {
        push(part.to_ascii_lowercase());
    } else if matches!(part, 'ß' | 'ẞ') {
        // Full case folding; decancer would read it as a look-alike of "b".
        push('s');
        push('s');
    } else if matches!(part, '\u{04C0}' | '\u{04CF}' | '\u{01C0}') {
        // Cyrillic palochka and the dental click: vertical bars that stand in for "l" in
        // "baӀ"; decancer reads them as "i".
        push('l');
    } else if !(is_latin_look_alike_source(part) && push_latin_look_alike(part, push)) {
        for lower in part.to_lowercase() {
            if !is_combining_mark(lower) {
                push(lower);
            }
        }
    }
}

/// Pushes decancer's ASCII letters or digits for `part`; false (nothing pushed) when decancer
/// has no such reading, e.g. when it reads a letter as punctuation.
fn push_latin_look_alike(part: char, push: &mut impl FnMut(char)) -> bool {
    match decancer::cure_char(part, Options::default()) {
        Translation::Character(folded) if folded.is_ascii_alphanumeric() => {
            push(folded);
            true
        }
        Translation::String(folded)
            if !folded.is_empty() && folded.bytes().all(|byte| byte.is_ascii_alphanumeric()) =>
        {
            folded.chars().for_each(push);
            true
        }
        _ => false,
    }
}

/// Blocks whose letters sellers use to disguise Latin words, and that decancer folds well.
const LATIN_LOOK_ALIKE_BLOCKS: &[(char, char)] = &[
    ('\u{0080}', '\u{024F}'),   // Latin-1 Supplement, Latin Extended-A and -B
    ('\u{0250}', '\u{02FF}'),   // IPA Extensions, Spacing Modifier Letters
    ('\u{0370}', '\u{03FF}'),   // Greek and Coptic
    ('\u{0400}', '\u{052F}'),   // Cyrillic and Cyrillic Supplement
    ('\u{0530}', '\u{058F}'),   // Armenian
    ('\u{13A0}', '\u{13FF}'),   // Cherokee
    ('\u{1C80}', '\u{1C8F}'),   // Cyrillic Extended-C
    ('\u{1D00}', '\u{1DBF}'),   // Phonetic Extensions (small capitals) and Supplement
    ('\u{1E00}', '\u{1FFF}'),   // Latin Extended Additional, Greek Extended
    ('\u{2100}', '\u{218F}'),   // Letterlike Symbols, Number Forms
    ('\u{2460}', '\u{24FF}'),   // Enclosed Alphanumerics
    ('\u{2C60}', '\u{2C7F}'),   // Latin Extended-C
    ('\u{2DE0}', '\u{2DFF}'),   // Cyrillic Extended-A
    ('\u{A4D0}', '\u{A4FF}'),   // Lisu
    ('\u{A640}', '\u{A69F}'),   // Cyrillic Extended-B
    ('\u{A720}', '\u{A7FF}'),   // Latin Extended-D
    ('\u{AB30}', '\u{ABBF}'),   // Latin Extended-E, Cherokee Supplement
    ('\u{FF00}', '\u{FFEF}'),   // Halfwidth and Fullwidth Forms
    ('\u{1D400}', '\u{1D7FF}'), // Mathematical Alphanumeric Symbols
    ('\u{1F100}', '\u{1F1E5}'), // Enclosed Alphanumeric Supplement, without regional indicators
];

/// Blocks above whose symbols (not only letters) are letters in disguise, like 🅑 or ⓑ.
const ENCLOSED_LETTER_BLOCKS: &[(char, char)] =
    &[('\u{2460}', '\u{24FF}'), ('\u{1F100}', '\u{1F1E5}')];

fn in_blocks(ch: char, blocks: &[(char, char)]) -> bool {
    blocks
        .iter()
        .any(|&(first, last)| (first..=last).contains(&ch))
}

fn is_latin_look_alike_source(ch: char) -> bool {
    in_blocks(ch, LATIN_LOOK_ALIKE_BLOCKS)
        && (ch.is_alphanumeric() || in_blocks(ch, ENCLOSED_LETTER_BLOCKS))
}

/// Emoji and pictographs (U+1F300 to U+1FAFF): symbols without decomposition, case or
/// look-alike reading, kept as they are (they separate words). A shortcut for the most
/// common non-ASCII characters of listings.
fn is_pictograph(ch: char) -> bool {
    ('\u{1F300}'..='\u{1FAFF}').contains(&ch)
}

fn is_hangul_syllable(ch: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&ch)
}

/// Invisible characters removed outright: controls (other than whitespace) and Unicode's
/// Default_Ignorable_Code_Point set (soft hyphen, zero-width space/joiners, bidi marks and
/// isolates, word joiner, variation selectors, BOM, fillers, tags).
fn is_ignorable(ch: char) -> bool {
    ch.is_control()
        || matches!(
            ch,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{115F}'..='\u{1160}'
                | '\u{17B4}'..='\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{FFF0}'..='\u{FFF8}'
                | '\u{1BCA0}'..='\u{1BCA3}'
                | '\u{1D173}'..='\u{1D17A}'
                | '\u{E0000}'..='\u{E0FFF}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold(input: &str) -> String {
        let mut units = Vec::new();
        fold_into(input, &mut units);
        units.iter().map(|unit| unit.ch).collect()
    }

    #[test]
    fn cyrillic_and_greek_look_alikes_become_latin() {
        assert_eq!(fold("ЬеkаѕНеКАS"), "bekashekas");
        assert_eq!(fold("еаорсхуіѕ"), "eaopcxyis");
        assert_eq!(fold("νοα"), "voa");
    }

    #[test]
    fn fullwidth_mathematical_small_caps_and_enclosed_letters_become_ascii() {
        assert_eq!(fold("ＢＡＬＬ ｂｅｋａｓ１２"), "ball bekas12");
        assert_eq!(fold("𝐛𝐞𝐤𝐚𝐬 𝒃𝒂𝒍 𝕥𝕙𝕣𝕚𝕗𝕥"), "bekas bal thrift");
        assert_eq!(fold("ʙᴇᴋᴀꜱ"), "bekas");
        assert_eq!(fold("ⓑⓐⓛ ⒝⒜⒧ 🅑🅐🅛 🄱"), "bal (b)(a)(l) bal b");
    }

    #[test]
    fn accents_drop_and_compatibility_forms_expand() {
        assert_eq!(fold("éèêëàçñüÅ"), "eeeeacnua");
        // Decomposed input folds like precomposed input.
        assert_eq!(fold("cafe\u{301}"), fold("café"));
        assert_eq!(fold("ﬁ ㎏ ² ß ẞ"), "fi kg 2 ss ss");
    }

    #[test]
    fn invisible_characters_vanish_and_whitespace_becomes_space() {
        assert_eq!(
            fold("b\u{200B}e\u{200C}k\u{200D}a\u{AD}s\u{FEFF}\u{FE0F}\u{202E}\u{2066}\u{E0041}"),
            "bekas"
        );
        assert_eq!(fold("a\tb\nc\u{A0}d\u{3000}e\u{7}"), "a b c d e");
    }

    #[test]
    fn other_scripts_and_emoji_are_kept_not_read_as_latin() {
        assert_eq!(fold("二手衣服 한국어"), "二手衣服 한국어");
        assert_eq!(fold("🔥"), "🔥");
        assert_eq!(fold("🇮🇩"), "🇮🇩");
    }

    #[test]
    fn combining_marks_join_the_span_of_the_character_before() {
        let mut units = Vec::new();
        fold_into("e\u{301}\u{302}x", &mut units);
        assert_eq!(
            units,
            vec![
                Unit {
                    ch: 'e',
                    start: 0,
                    end: 5
                },
                Unit {
                    ch: 'x',
                    start: 5,
                    end: 6
                }
            ]
        );
    }

    /// The shortcut for pictographs gives what the general path would.
    #[test]
    fn pictographs_are_plain_symbols() {
        for ch in ('\u{1F300}'..='\u{1FAFF}').filter(|ch| is_pictograph(*ch)) {
            assert!(!ch.is_alphanumeric() && !ch.is_whitespace(), "{ch:?}");
            assert!(!is_ignorable(ch) && !is_combining_mark(ch), "{ch:?}");
            let mut parts = Vec::new();
            decompose_compatible(ch, |part| parts.push(part));
            assert_eq!(parts, [ch]);
            assert!(!is_latin_look_alike_source(ch));
            assert_eq!(ch.to_lowercase().collect::<Vec<_>>(), [ch]);
        }
    }

    /// Folding folded text changes nothing, for every Unicode scalar value: this is what makes
    /// `normalise` idempotent at the character level.
    #[test]
    fn folded_characters_fold_to_themselves() {
        let mut units = Vec::new();
        let mut again = Vec::new();
        let mut broken = Vec::new();
        for ch in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            units.clear();
            fold_into(ch.encode_utf8(&mut [0; 4]), &mut units);
            for unit in &units {
                again.clear();
                fold_into(unit.ch.encode_utf8(&mut [0; 4]), &mut again);
                if again.len() != 1 || again[0].ch != unit.ch {
                    broken.push((ch, unit.ch));
                }
            }
        }
        assert!(
            broken.is_empty(),
            "{} not fixed points, e.g. {:?}",
            broken.len(),
            &broken[..broken.len().min(20)]
        );
    }

    #[test]
    fn spans_are_ordered_and_on_character_boundaries() {
        let input = "x½⒝é\u{301}\u{200B}ﬁ🔥";
        let mut units = Vec::new();
        fold_into(input, &mut units);
        for pair in units.windows(2) {
            assert!(
                pair[0].start <= pair[1].start && pair[0].end <= pair[1].end,
                "{pair:?}"
            );
        }
        for unit in &units {
            assert!(unit.start < unit.end);
            let (start, end) = (unit.start as usize, unit.end as usize);
            assert!(input.is_char_boundary(start) && input.is_char_boundary(end));
        }
    }
}
