//! The seller's text cut into plain and matched stretches at the spans of the reasons.
//!
//! Spans come from storage, so they are not trusted: one that is empty, reversed, past the end
//! of the text or not on a UTF-8 character boundary is skipped, never a panic.

use saring_core::{Reason, TextField};

/// A stretch of the seller's text; `marked` ones matched evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// The text of the stretch (escaped by the template, like all seller text).
    pub text: String,
    /// Whether a reason's span covers it.
    pub marked: bool,
}

/// `text` (the `field` of the listing) cut at the spans the reasons point into, overlapping
/// spans merged.
pub fn highlight(text: &str, field: TextField, reasons: &[Reason]) -> Vec<Segment> {
    let mut ranges: Vec<(usize, usize)> = reasons
        .iter()
        .flat_map(|reason| &reason.spans)
        .filter(|span| span.field == field)
        .map(|span| (span.start, span.end))
        .filter(|&(start, end)| {
            start < end
                && end <= text.len()
                && text.is_char_boundary(start)
                && text.is_char_boundary(end)
        })
        .collect();
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (start, end) in ranges {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    let mut segments = Vec::with_capacity(merged.len() * 2 + 1);
    let mut at = 0;
    for (start, end) in merged {
        if start > at {
            segments.push(Segment {
                text: text[at..start].to_string(),
                marked: false,
            });
        }
        segments.push(Segment {
            text: text[start..end].to_string(),
            marked: true,
        });
        at = end;
    }
    if at < text.len() {
        segments.push(Segment {
            text: text[at..].to_string(),
            marked: false,
        });
    }
    segments
}

#[cfg(test)]
mod tests {
    use saring_core::{SignalKind, Span};

    use super::*;

    fn reason(spans: &[(TextField, usize, usize)]) -> Reason {
        Reason {
            kind: SignalKind::Lexicon,
            name: "bal".into(),
            detail: String::new(),
            spans: spans
                .iter()
                .map(|&(field, start, end)| Span {
                    field,
                    start,
                    end,
                    text: String::new(),
                })
                .collect(),
        }
    }

    fn marked(segments: &[Segment]) -> Vec<&str> {
        segments
            .iter()
            .filter(|s| s.marked)
            .map(|s| s.text.as_str())
            .collect()
    }

    #[test]
    fn spans_of_the_field_are_marked_and_the_text_is_kept_whole() {
        let text = "Bal karungan baju bekas impor";
        let reasons = [
            reason(&[(TextField::Title, 0, 3), (TextField::Description, 4, 12)]),
            reason(&[(TextField::Title, 18, 29)]),
        ];
        let segments = highlight(text, TextField::Title, &reasons);
        assert_eq!(marked(&segments), ["Bal", "bekas impor"]);
        let whole: String = segments.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(whole, text);
    }

    #[test]
    fn overlapping_spans_merge() {
        let segments = highlight(
            "abcdefgh",
            TextField::Title,
            &[reason(&[
                (TextField::Title, 1, 4),
                (TextField::Title, 3, 6),
            ])],
        );
        assert_eq!(marked(&segments), ["bcdef"]);
    }

    #[test]
    fn bad_spans_are_skipped_without_panicking() {
        let text = "baju ñ bekas";
        // 6 is inside the two bytes of ñ; 99 is past the end; 4..2 is reversed; 3..3 empty.
        let reasons = [reason(&[
            (TextField::Title, 5, 6),
            (TextField::Title, 7, 99),
            (TextField::Title, 4, 2),
            (TextField::Title, 3, 3),
            (TextField::Title, 5, 7),
        ])];
        let segments = highlight(text, TextField::Title, &reasons);
        assert_eq!(marked(&segments), ["ñ"]);
        let whole: String = segments.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(whole, text);
    }

    #[test]
    fn any_span_over_any_text_never_panics() {
        let text = "é€😀 bal";
        for start in 0..=text.len() + 1 {
            for end in 0..=text.len() + 1 {
                let segments = highlight(
                    text,
                    TextField::Title,
                    &[reason(&[(TextField::Title, start, end)])],
                );
                let whole: String = segments.iter().map(|s| s.text.as_str()).collect();
                assert_eq!(whole, text);
            }
        }
    }
}
