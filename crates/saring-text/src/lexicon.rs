//! The lexicon: terms of the trade in imported used clothing, matched in one pass.
//!
//! Terms are data (`config/lexicon.toml`). Each term's forms are normalised like listing
//! text and compiled into one Aho-Corasick automaton (leftmost-longest, so "korean style"
//! wins over "korea"). A match counts only on word boundaries of the normalised text. A
//! second pass over the text with separators squeezed out catches words split with spaces
//! or dashes ("ka rung an", "bal-pres") when the match begins and ends where the seller's
//! own words begin and end; such a match is judged, like any other, by the words around it
//! in the normalised text (innocent context, negation).

use std::collections::BTreeMap;
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind, PatternID};
use rustc_hash::FxHashMap;
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
    /// For each term, its innocent-context groups: bit `g` for the `g`-th group of the file.
    term_innocent_groups: Vec<u64>,
    /// The normalised words that change the meaning of a term near them: innocent-context
    /// words and negators ("bukan bal"). One hash probe per neighbouring word.
    context_words: FxHashMap<Box<str>, ContextWord>,
    negation_window: usize,
}

/// What a word near a term says about it.
#[derive(Debug, Clone, Copy, Default)]
struct ContextWord {
    /// The innocent-context groups the word belongs to, one bit per group.
    innocent_groups: u64,
    /// The word negates a term right after it.
    negates: bool,
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
        let context_words = context_words(&file)?;
        let group_bit = |name: &str| {
            file.innocent
                .keys()
                .position(|group| group == name)
                .map(|position| 1u64 << position)
        };
        let mut term_innocent_groups = Vec::new();
        for (index, term) in file.term.iter().enumerate() {
            let invalid =
                |message: String| LexiconError::Invalid(format!("term {:?}: {message}", term.name));
            if !file.categories.contains_key(&term.category) {
                return Err(invalid(format!("unknown category {:?}", term.category)));
            }
            if !(term.weight.is_finite() && (0.0..=1.0).contains(&term.weight)) {
                return Err(invalid("weight must lie in 0..1".into()));
            }
            let mut groups = 0;
            for group in &term.innocent {
                groups |= group_bit(group)
                    .ok_or_else(|| invalid(format!("unknown innocent group {group:?}")))?;
            }
            term_innocent_groups.push(groups);
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
            term_innocent_groups,
            context_words,
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
        let text = normalised.text();
        let mut judged: Vec<(TermMatch, bool)> = self
            .matcher
            .find_iter(text)
            .filter(|m| is_word_bounded(text, &m.range()))
            .map(|m| {
                let span = normalised.original_range(m.range());
                self.judge(m.pattern(), text, &m.range(), span)
            })
            .collect();
        // Words judged by the first pass, innocent or not, are not judged again.
        let first = judged.len();
        let squeezed = normalised.squeezed();
        for m in self.matcher.find_iter(squeezed.text()) {
            let range = squeezed.normalised_range(m.range());
            let span = normalised.original_range(range.clone());
            let new = !judged[..first]
                .iter()
                .any(|(earlier, _)| overlaps(&earlier.original, &span));
            if new && is_split_word(original, &span) {
                judged.push(self.judge(m.pattern(), text, &range, span));
            }
        }
        judged
            .into_iter()
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

    /// The match of `pattern` at `range` of the normalised `text`, written at `original` in
    /// the seller's text, and whether it stands in an innocent context or is negated.
    fn judge(
        &self,
        pattern: PatternID,
        text: &str,
        range: &Range<usize>,
        original: Range<usize>,
    ) -> (TermMatch, bool) {
        let term = self.pattern_term[pattern.as_usize()];
        let innocent = self.innocent_nearby(term, text, range) || self.negated(text, range);
        (TermMatch { term, original }, innocent)
    }

    /// Whether a word of the term's innocent groups stands within `window` words.
    fn innocent_nearby(&self, term: usize, text: &str, range: &Range<usize>) -> bool {
        let groups = self.term_innocent_groups[term];
        groups != 0
            && (words_before(text, range)
                .take(self.window)
                .chain(words_after(text, range).take(self.window))
                .any(|word| self.context(word).innocent_groups & groups != 0))
    }

    /// Whether a negator stands within `negation_window` words before the match.
    fn negated(&self, text: &str, range: &Range<usize>) -> bool {
        words_before(text, range)
            .take(self.negation_window)
            .any(|word| self.context(word).negates)
    }

    fn context(&self, word: &str) -> ContextWord {
        self.context_words.get(word).copied().unwrap_or_default()
    }
}

/// The file's innocent-context words and negators, normalised, each with what it says.
fn context_words(file: &LexiconFile) -> Result<FxHashMap<Box<str>, ContextWord>, LexiconError> {
    if file.innocent.len() > 64 {
        return Err(LexiconError::Invalid(format!(
            "{} innocent-context groups; at most 64 are supported",
            file.innocent.len()
        )));
    }
    let mut words: FxHashMap<Box<str>, ContextWord> = FxHashMap::default();
    let mut add = |word: &str, says: ContextWord| {
        let entry = words.entry(normalise(word).text().into()).or_default();
        entry.innocent_groups |= says.innocent_groups;
        entry.negates |= says.negates;
    };
    for (position, list) in file.innocent.values().enumerate() {
        let says = ContextWord {
            innocent_groups: 1 << position,
            negates: false,
        };
        for word in list {
            add(word, says);
        }
    }
    for word in &file.negators {
        let says = ContextWord {
            innocent_groups: 0,
            negates: true,
        };
        add(word, says);
    }
    Ok(words)
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

/// The words before `range`, nearest first. The normalised text separates words by single
/// spaces, which are ASCII: every cut lies on a character boundary.
fn words_before<'t>(text: &'t str, range: &Range<usize>) -> impl Iterator<Item = &'t str> {
    let bytes = text.as_bytes();
    let mut end = range.start.min(bytes.len());
    std::iter::from_fn(move || {
        while end > 0 && bytes[end - 1] == b' ' {
            end -= 1;
        }
        if end == 0 {
            return None;
        }
        let start = bytes[..end]
            .iter()
            .rposition(|&byte| byte == b' ')
            .map_or(0, |space| space + 1);
        let word = text.get(start..end);
        end = start;
        word
    })
}

/// The words after `range`, nearest first.
fn words_after<'t>(text: &'t str, range: &Range<usize>) -> impl Iterator<Item = &'t str> {
    let bytes = text.as_bytes();
    let mut start = range.end.min(bytes.len());
    std::iter::from_fn(move || {
        while start < bytes.len() && bytes[start] == b' ' {
            start += 1;
        }
        if start == bytes.len() {
            return None;
        }
        let end = bytes[start..]
            .iter()
            .position(|&byte| byte == b' ')
            .map_or(bytes.len(), |space| start + space);
        let word = text.get(start..end);
        start = end;
        word
    })
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
/// match, `span` of the `original` text, only when it spans a separator there and begins
/// and ends where the seller's words do, so "balado" does not yield "bal". Unsplit words
/// were already judged, innocent context included, by the first pass.
fn is_split_word(original: &str, span: &Range<usize>) -> bool {
    let span = span.clone();
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
