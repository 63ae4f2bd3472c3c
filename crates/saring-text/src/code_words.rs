//! Learning new code words from reviewers' decisions.
//!
//! Sellers replace banned words faster than anyone edits a lexicon ("ball" became "karungan",
//! "bekas" became "pre-loved"). Reviewers' decisions carry the evidence: a word or word pair
//! that keeps turning up in listings reviewers confirmed, and rarely in listings they cleared,
//! is a candidate code word. Candidates are ranked by the log-odds ratio of appearing in
//! confirmed versus cleared listings, with a Dirichlet prior so that a word seen twice does not
//! outrank one seen forty times, and words the lexicon already knows are left out. A person
//! reads the candidates and proposes a new lexicon version; nothing is added on its own.

use std::collections::{BTreeMap, BTreeSet};

use crate::lexicon::Lexicon;

/// A normalised listing text and whether reviewers confirmed it as a violation.
#[derive(Debug, Clone, Copy)]
pub struct ReviewedText<'a> {
    /// Case the text belongs to, shown as an example.
    pub case_id: i64,
    /// Text as the normaliser left it (lower case, Latin letters).
    pub normalised: &'a str,
    /// Confirmed violation (true) or cleared (false).
    pub confirmed: bool,
}

/// A word or word pair worth a reviewer's look.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct CodeWordCandidate {
    /// The word or word pair, normalised.
    pub term: String,
    /// Confirmed listings that contain it.
    pub confirmed: usize,
    /// Cleared listings that contain it.
    pub cleared: usize,
    /// Log-odds of confirmed over cleared (higher: more telling).
    pub score: f64,
    /// Up to three confirmed cases it appears in.
    pub examples: Vec<i64>,
}

/// How candidates are chosen.
#[derive(Debug, Clone, Copy)]
pub struct SuggestOptions {
    /// Fewest confirmed listings a candidate must appear in.
    pub min_support: usize,
    /// Most candidates returned.
    pub limit: usize,
    /// Lowest log-odds score kept.
    pub min_score: f64,
}

impl Default for SuggestOptions {
    fn default() -> Self {
        SuggestOptions {
            min_support: 3,
            limit: 25,
            min_score: 1.0,
        }
    }
}

/// Words too common in any listing to be a code word.
const FUNCTION_WORDS: &[&str] = &[
    "ada", "aja", "and", "atau", "bisa", "buat", "dan", "dari", "dengan", "for", "harga", "ini",
    "itu", "juga", "kak", "kami", "langsung", "lagi", "mau", "min", "nya", "order", "pcs", "per",
    "ready", "sama", "saja", "size", "stok", "the", "untuk", "with", "yang", "yg", "ya",
];

/// The words of a normalised text worth counting: three letters or more, not only digits,
/// not a function word.
fn content_words(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .filter(|w| !w.chars().all(|c| c.is_ascii_digit()))
        .filter(|w| !FUNCTION_WORDS.contains(w))
        .collect()
}

/// The distinct words and adjacent word pairs of one text.
fn terms_of(text: &str) -> BTreeSet<String> {
    let words = content_words(text);
    let pairs = words.windows(2).map(|pair| pair.join(" "));
    words.iter().map(|w| w.to_string()).chain(pairs).collect()
}

#[derive(Default)]
struct Counts {
    confirmed: usize,
    cleared: usize,
    examples: Vec<i64>,
}

/// Ranks candidate code words in `reviewed` texts that `lexicon` does not match yet.
pub fn suggest_code_words(
    reviewed: &[ReviewedText<'_>],
    lexicon: &Lexicon,
    options: SuggestOptions,
) -> Vec<CodeWordCandidate> {
    let mut counts: BTreeMap<String, Counts> = BTreeMap::new();
    for text in reviewed {
        for term in terms_of(text.normalised) {
            let entry = counts.entry(term).or_default();
            if text.confirmed {
                entry.confirmed += 1;
                if entry.examples.len() < 3 {
                    entry.examples.push(text.case_id);
                }
            } else {
                entry.cleared += 1;
            }
        }
    }
    let confirmed_total = reviewed.iter().filter(|t| t.confirmed).count() as f64;
    let cleared_total = reviewed.len() as f64 - confirmed_total;
    // Half a listing of prior on each side keeps the log-odds finite and favours support.
    let prior = 0.5;
    let log_odds = |hits: usize, total: f64| {
        let p = (hits as f64 + prior) / (total + 2.0 * prior);
        (p / (1.0 - p)).ln()
    };
    let mut candidates: Vec<CodeWordCandidate> = counts
        .into_iter()
        .filter(|(_, c)| c.confirmed >= options.min_support)
        .map(|(term, c)| CodeWordCandidate {
            score: log_odds(c.confirmed, confirmed_total) - log_odds(c.cleared, cleared_total),
            term,
            confirmed: c.confirmed,
            cleared: c.cleared,
            examples: c.examples,
        })
        .filter(|c| c.score >= options.min_score)
        .filter(|c| lexicon.find(&c.term).is_empty())
        .collect();
    candidates.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(b.confirmed.cmp(&a.confirmed))
            .then(a.term.cmp(&b.term))
    });
    // A pair adds nothing when one of its words is already a stronger candidate.
    let mut kept: Vec<CodeWordCandidate> = Vec::new();
    for candidate in candidates {
        let covered = candidate.term.contains(' ')
            && kept
                .iter()
                .any(|k| !k.term.contains(' ') && candidate.term.split(' ').any(|w| w == k.term));
        if !covered {
            kept.push(candidate);
        }
        if kept.len() == options.limit {
            break;
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon() -> Lexicon {
        Lexicon::from_toml(include_str!("../../../config/lexicon.toml")).expect("bundled lexicon")
    }

    fn reviewed(
        confirmed: &[&'static str],
        cleared: &[&'static str],
    ) -> Vec<ReviewedText<'static>> {
        let confirmed = confirmed.iter().map(|t| (t, true));
        let cleared = cleared.iter().map(|t| (t, false));
        confirmed
            .chain(cleared)
            .enumerate()
            .map(|(i, (text, confirmed))| ReviewedText {
                case_id: i as i64 + 1,
                normalised: text,
                confirmed,
            })
            .collect()
    }

    #[test]
    fn a_new_word_of_confirmed_listings_is_suggested_and_known_words_are_not() {
        let texts = reviewed(
            &[
                "paket gembolan campur jaket tebal",
                "gembolan isi kemeja flanel bal",
                "jual gembolan hoodie tebal campur",
                "gembolan ready kirim hari ini bal",
            ],
            &[
                "jaket tebal baru produksi bandung",
                "kemeja flanel baru jahitan rapi",
                "hoodie campur warna baru",
            ],
        );
        let found = suggest_code_words(&texts, &lexicon(), SuggestOptions::default());
        let terms: Vec<&str> = found.iter().map(|c| c.term.as_str()).collect();
        assert_eq!(terms.first(), Some(&"gembolan"), "{found:?}");
        assert_eq!(found[0].confirmed, 4);
        assert_eq!(found[0].cleared, 0);
        assert_eq!(found[0].examples, vec![1, 2, 3]);
        // "bal" is in the lexicon; words common to both sides are not telling.
        assert!(!terms.contains(&"bal"));
        assert!(!terms.contains(&"jaket"));
        // Pairs around an already-suggested word are folded into it.
        assert!(!terms.iter().any(|t| t.contains("gembolan ")));
    }

    #[test]
    fn rare_words_are_not_suggested() {
        let texts = reviewed(&["karpet gembolan", "jaket ori"], &["jaket baru"]);
        assert!(suggest_code_words(&texts, &lexicon(), SuggestOptions::default()).is_empty());
    }

    #[test]
    fn nothing_reviewed_suggests_nothing() {
        assert!(suggest_code_words(&[], &lexicon(), SuggestOptions::default()).is_empty());
    }
}
