//! The shipped lexicon (config/lexicon.toml) on seller-style text.

use saring_text::Lexicon;

fn lexicon() -> Lexicon {
    Lexicon::from_toml(include_str!("../../../config/lexicon.toml"))
        .expect("bundled lexicon is valid")
}

/// Names of the terms found in `text`, with the original text of each match.
fn found(lexicon: &Lexicon, text: &str) -> Vec<(String, String)> {
    lexicon
        .find(text)
        .into_iter()
        .map(|m| {
            (
                lexicon.terms()[m.term].name.clone(),
                text[m.original].to_string(),
            )
        })
        .collect()
}

fn names(lexicon: &Lexicon, text: &str) -> Vec<String> {
    found(lexicon, text).into_iter().map(|(n, _)| n).collect()
}

#[test]
fn evasive_spellings_match_with_spans_of_what_the_seller_wrote() {
    let lex = lexicon();
    let cases = [
        ("JUAL 𝐁𝐀𝐋𝐏𝐑𝐄𝐒 murah", "balpres", "𝐁𝐀𝐋𝐏𝐑𝐄𝐒"),
        ("ready b.a.l.l.p.r.e.s korea", "balpres", "b.a.l.l.p.r.e.s"),
        ("kaos b3k4s import", "bekas", "b3k4s"),
        ("ka rung an isi 200", "karungan", "ka rung an"),
        ("jaket pre-loved", "preloved", "pre-loved"),
        ("hoodie thrıft", "thrift", "thrıft"),
        ("ba\u{200b}l segel", "bal segel", "ba\u{200b}l segel"),
    ];
    for (text, term, original) in cases {
        let hits = found(&lex, text);
        assert!(
            hits.contains(&(term.to_string(), original.to_string())),
            "{text:?}: expected {term} at {original:?}, got {hits:?}"
        );
    }
}

#[test]
fn longest_form_wins_and_style_is_not_origin() {
    let lex = lexicon();
    assert_eq!(
        names(&lex, "kemeja korean style"),
        vec!["pakaian", "gaya luar (bukan asal)"]
    );
    assert_eq!(names(&lex, "kemeja korea"), vec!["pakaian", "negara asal"]);
}

#[test]
fn innocent_contexts_cancel_the_match() {
    let lex = lexicon();
    for text in [
        "bola sepak ball size 5 original",
        "karung goni bekas beras 50kg",
        "laundry kiloan murah antar jemput",
        "mangga harum manis grade a per kg",
        "sirkuit monza italia",
        "cimol bumbu pedas isi 20",
        "cakar ayam goreng",
    ] {
        let hits = names(&lex, text);
        let trade = [
            "bal", "karung", "per kilo", "grade", "monza", "cimol", "cakar",
        ];
        assert!(
            hits.iter().all(|h| !trade.contains(&h.as_str())),
            "{text:?} should have no trade term, got {hits:?}"
        );
    }
}

#[test]
fn split_words_are_judged_by_the_words_around_them() {
    let lex = lexicon();
    let split = |text: &str| names(&lex, text).contains(&"karungan".to_string());
    assert!(split("jual ka rung an isi 200 pcs"));
    assert!(!split("ka rung an beras 50 kg"), "sack goods nearby");
    assert!(!split("produk baru bukan ka rung an"), "negated");
}

#[test]
fn words_inside_other_words_do_not_match() {
    let lex = lexicon();
    assert!(names(&lex, "sambal balado bali").is_empty());
    assert!(names(&lex, "karungut cakarta").is_empty());
}

#[test]
fn negated_terms_do_not_count() {
    let lex = lexicon();
    let hits = names(&lex, "Produk baru, bukan karungan/bal. Tidak bekas.");
    for negated in ["karungan", "bal", "bekas"] {
        assert!(
            !hits.contains(&negated.to_string()),
            "{negated} is negated: {hits:?}"
        );
    }
    assert!(names(&lex, "karungan isi 200").contains(&"karungan".to_string()));
}

#[test]
fn a_term_signal_shows_the_first_three_ways_it_was_written() {
    use saring_core::{Detector, Listing, SignalKind, TextField};
    let value = serde_json::json!({
        "id": "1", "platform": "shopee", "title": "BAL segel", "description": "b4l, bal, Bal kemeja"
    });
    let listing = Listing::from_value(value).expect("valid listing").listing;
    let mut signals = Vec::new();
    lexicon().detect(&listing, &mut signals);
    let bale = signals
        .iter()
        .find(|s| s.kind == SignalKind::Lexicon && s.name == "bal segel")
        .expect("bal segel in the title");
    assert_eq!(
        bale.detail,
        "term \"bal segel\" (bale) written as \"BAL segel\""
    );
    let bal = signals
        .iter()
        .find(|s| s.name == "bal")
        .expect("bal in the description");
    assert_eq!(bal.spans.len(), 3);
    assert!(bal.spans.iter().all(|s| s.field == TextField::Description));
    assert_eq!(
        bal.detail,
        "term \"bal\" (bale) written as \"b4l\", \"bal\", \"Bal\""
    );
}
