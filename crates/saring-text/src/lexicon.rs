//! The lexicon: terms of the trade in imported used clothing, matched in one pass.
//!
//! Terms are data (`config/lexicon.toml`). Each term's forms are normalised like listing
//! text and compiled into one Aho-Corasick automaton (leftmost-longest, so "korean style"
//! wins over "korea"). A match counts only on word boundaries of the normalised text. A
//! second pass over the text with separators squeezed out catches words split with spaces
//! or dashes ("ka rung an", "bal-pres") when the match begins and ends where the seller's
//! own words begin and end.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use saring_core::{Detector, Listing, Signal, SignalKind, Span, TextField};
use saring_normalise::{Normalised, normalise};
use serde::Deserialize;

/// The lexicon file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// Not valid TOML, or a field is missing or of the wrong type.
    #[error("lexicon: {0}")]
    Parse(#[from] toml::de::Error),
    /// The content is inconsistent; the message names the term.
    #[error("lexicon: {0}")]
    Invalid(String),
    /// The matcher could not be built.
    #[error("lexicon: cannot build matcher: {0}")]
    Build(#[from] aho_corasick::BuildError),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    version: String,
    window: usize,
    #[serde(default)]
    negators: Vec<String>,
    #[serde(default)]
    negation_window: usize,
    categories: BTreeMap<String, String>,
    #[serde(default)]
    innocent: BTreeMap<String, Vec<String>>,
    term: Vec<TermEntry>,
}

/// One term of the lexicon as written in the file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TermEntry {
    /// Canonical name shown to reviewers.
    pub name: String,
    /// Spellings that mean the term.
    pub forms: Vec<String>,
    /// Category (one of the file's `categories`).
    pub category: String,
    /// Evidence strength on its own, 0..1.
    pub weight: f64,
    /// Names of innocent-context groups that cancel a match nearby.
    #[serde(default)]
    pub innocent: Vec<String>,
}

/// A compiled lexicon, ready to match.
#[derive(Debug)]
pub struct Lexicon {
    version: String,
    window: usize,
    terms: Vec<TermEntry>,
    /// For each automaton pattern, the term it belongs to.
    pattern_term: Vec<usize>,
    matcher: AhoCorasick,
    /// For each term, the normalised innocent-context words.
    innocent_words: Vec<BTreeSet<String>>,
    /// Words that negate a term standing right after them ("bukan bal").
    negators: BTreeSet<String>,
    negation_window: usize,
}

/// One matched occurrence: the term and where it is in the normalised text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermMatch {
    /// Index of the term in the lexicon.
    pub term: usize,
    /// Byte range in the original field.
    pub original: Range<usize>,
}

impl Lexicon {
    /// Parses and compiles a lexicon from TOML text.
    pub fn from_toml(text: &str) -> Result<Self, LexiconError> {
        let file: LexiconFile = toml::from_str(text)?;
        let mut patterns: Vec<String> = Vec::new();
        let mut pattern_term = Vec::new();
        let mut seen: BTreeMap<String, String> = BTreeMap::new();
        let mut innocent_words = Vec::new();
        for (index, term) in file.term.iter().enumerate() {
            let invalid =
                |message: String| LexiconError::Invalid(format!("term {:?}: {message}", term.name));
            if !file.categories.contains_key(&term.category) {
                return Err(invalid(format!("unknown category {:?}", term.category)));
            }
            if !(term.weight.is_finite() && (0.0..=1.0).contains(&term.weight)) {
                return Err(invalid("weight must lie in 0..1".into()));
            }
            let mut words = BTreeSet::new();
            for group in &term.innocent {
                let list = file
                    .innocent
                    .get(group)
                    .ok_or_else(|| invalid(format!("unknown innocent group {group:?}")))?;
                words.extend(list.iter().map(|w| normalise(w).text().to_string()));
            }
            innocent_words.push(words);
            for form in &term.forms {
                let pattern = normalise(form).text().to_string();
                if pattern.is_empty() {
                    return Err(invalid(format!("form {form:?} is empty once normalised")));
                }
                if let Some(other) = seen.insert(pattern.clone(), term.name.clone()) {
                    if other != term.name {
                        return Err(invalid(format!(
                            "form {form:?} normalises to {pattern:?}, already a form of {other:?}"
                        )));
                    }
                    continue;
                }
                patterns.push(pattern);
                pattern_term.push(index);
            }
        }
        // A few hundred short patterns: a full DFA is small and the fastest to run.
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)?;
        Ok(Lexicon {
            version: file.version,
            window: file.window,
            terms: file.term,
            pattern_term,
            matcher,
            innocent_words,
            negators: file
                .negators
                .iter()
                .map(|w| normalise(w).text().to_string())
                .collect(),
            negation_window: file.negation_window,
        })
    }

    /// The lexicon's version.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// The version as written into decisions: `lexicon@` and [`version`](Self::version).
    pub fn version_tag(&self) -> String {
        format!("lexicon@{}", self.version)
    }

    /// The terms, in file order.
    pub fn terms(&self) -> &[TermEntry] {
        &self.terms
    }

    /// Every term occurrence in `text`, with innocent uses dropped.
    pub fn find(&self, text: &str) -> Vec<TermMatch> {
        self.find_normalised(&normalise(text), text)
    }

    /// [`find`](Self::find) on `original` already normalised (with
    /// [`saring_normalise::normalise`]) as `normalised`.
    pub fn find_normalised(&self, normalised: &Normalised, original: &str) -> Vec<TermMatch> {
        let first = self.find_in(normalised, |n, range| is_word_bounded(n.text(), range));
        // Words judged by the first pass, innocent or not, are not judged again.
        let squeezed = normalised.squeezed();
        let second: Vec<(TermMatch, bool)> = self
            .find_in(&squeezed, |n, range| is_split_word(n, original, range))
            .into_iter()
            .filter(|(m, _)| {
                !first
                    .iter()
                    .any(|(j, _)| overlaps(&j.original, &m.original))
            })
            .collect();
        first
            .into_iter()
            .chain(second)
            .filter(|(_, innocent)| !innocent)
            .map(|(m, _)| m)
            .collect()
    }

    /// The lexicon's signals on `listing`, whose title and description are given
    /// normalised: one per term found, with every place it was written.
    pub fn signals(
        &self,
        listing: &Listing,
        title: &Normalised,
        description: &Normalised,
        signals: &mut Vec<Signal>,
    ) {
        let mut by_term: BTreeMap<usize, Vec<Span>> = BTreeMap::new();
        let fields = [
            (TextField::Title, listing.title.as_str(), title),
            (
                TextField::Description,
                listing.description.as_str(),
                description,
            ),
        ];
        for (field, text, normalised) in fields {
            for m in self.find_normalised(normalised, text) {
                by_term.entry(m.term).or_default().push(Span {
                    field,
                    start: m.original.start,
                    end: m.original.end,
                    text: text.get(m.original.clone()).unwrap_or_default().to_string(),
                });
            }
        }
        for (term, spans) in by_term {
            let entry = &self.terms[term];
            signals.push(Signal {
                kind: SignalKind::Lexicon,
                name: entry.name.clone(),
                category: Some(entry.category.clone()),
                score: entry.weight,
                detail: term_detail(entry, &spans),
                spans,
            });
        }
    }

    /// Matches accepted by `accept`, each with whether it stands in an innocent context
    /// or is negated.
    fn find_in(
        &self,
        normalised: &Normalised,
        accept: impl Fn(&Normalised, &Range<usize>) -> bool,
    ) -> Vec<(TermMatch, bool)> {
        let text = normalised.text();
        self.matcher
            .find_iter(text)
            .filter(|m| accept(normalised, &m.range()))
            .map(|m| {
                let term = self.pattern_term[m.pattern().as_usize()];
                let innocent =
                    self.innocent_nearby(term, text, &m.range()) || self.negated(text, &m.range());
                let original = normalised.original_range(m.range());
                (TermMatch { term, original }, innocent)
            })
            .collect()
    }

    /// Whether a word of the term's innocent groups stands within `window` words.
    fn innocent_nearby(&self, term: usize, text: &str, range: &Range<usize>) -> bool {
        let words = &self.innocent_words[term];
        !words.is_empty()
            && (words_before(text, range)
                .take(self.window)
                .chain(words_after(text, range).take(self.window))
                .any(|w| words.contains(w)))
    }

    /// Whether a negator stands within `negation_window` words before the match.
    fn negated(&self, text: &str, range: &Range<usize>) -> bool {
        words_before(text, range)
            .take(self.negation_window)
            .any(|w| self.negators.contains(w))
    }
}

/// `term "NAME" (CATEGORY) written as "A", "B", "C"`: the term and how the seller wrote
/// its first three occurrences.
fn term_detail(entry: &TermEntry, spans: &[Span]) -> String {
    let shown = spans.iter().take(3);
    let written: usize = shown.clone().map(|span| span.text.len() + 4).sum();
    let mut detail = String::with_capacity(32 + entry.name.len() + entry.category.len() + written);
    detail.push_str("term \"");
    detail.push_str(&entry.name);
    detail.push_str("\" (");
    detail.push_str(&entry.category);
    detail.push_str(") written as ");
    for (index, span) in shown.enumerate() {
        if index > 0 {
            detail.push_str(", ");
        }
        detail.push('"');
        detail.push_str(&span.text);
        detail.push('"');
    }
    detail
}

fn words_before<'t>(text: &'t str, range: &Range<usize>) -> impl Iterator<Item = &'t str> {
    text[..range.start]
        .split(' ')
        .rev()
        .filter(|w| !w.is_empty())
}

fn words_after<'t>(text: &'t str, range: &Range<usize>) -> impl Iterator<Item = &'t str> {
    text[range.end..].split(' ').filter(|w| !w.is_empty())
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// The normalised text separates words by single spaces: a match must start and end on
/// those separations.
fn is_word_bounded(text: &str, range: &Range<usize>) -> bool {
    let bytes = text.as_bytes();
    let starts = range.start == 0 || bytes[range.start - 1] == b' ';
    let ends = range.end == bytes.len() || bytes[range.end] == b' ';
    starts && ends
}

/// The squeezed pass is for words the seller split ("ka rung an", "bal-pres"): accept a
/// match only when, in the original, it spans a separator and begins and ends where the
/// seller's words do, so "balado" does not yield "bal". Unsplit words were already judged,
/// innocent context included, by the first pass.
fn is_split_word(squeezed: &Normalised, original: &str, range: &Range<usize>) -> bool {
    let span = squeezed.original_range(range.clone());
    let before = original[..span.start].chars().next_back();
    let after = original[span.end..].chars().next();
    let inside_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let split = original[span].chars().any(|c| !c.is_alphanumeric());
    split && !inside_word(before) && !inside_word(after)
}

impl Detector for Lexicon {
    fn name(&self) -> &str {
        "lexicon"
    }

    fn version(&self) -> String {
        self.version_tag()
    }

    fn detect(&self, listing: &Listing, signals: &mut Vec<Signal>) {
        let (title, description) = (normalise(&listing.title), normalise(&listing.description));
        self.signals(listing, &title, &description, signals);
    }
}
