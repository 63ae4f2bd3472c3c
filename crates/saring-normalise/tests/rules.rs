//! Each normalisation rule on seller-style Indonesian listing text.

use saring_normalise::normalise;

fn text(input: &str) -> String {
    normalise(input).text().to_owned()
}

/// The original text behind the first occurrence of `word` in the normalised text.
fn original_of<'a>(input: &'a str, word: &str) -> &'a str {
    let normalised = normalise(input);
    let start = normalised
        .text()
        .find(word)
        .unwrap_or_else(|| panic!("{word:?} not in {:?}", normalised.text()));
    &input[normalised.original_range(start..start + word.len())]
}

#[test]
fn case_is_folded_and_compatibility_forms_are_decomposed() {
    assert_eq!(text("JUAL Baju BEKAS Import"), "jual baju bekas import");
    assert_eq!(text("Ｊｕａｌ ＢＡＬＬ ｂｅｋａｓ"), "jual ball bekas");
    assert_eq!(text("berat 100㎏ ﬁt XL"), "berat 100kg fit xl");
    assert_eq!(text("STRAẞE Straße"), "strasse strasse");
}

#[test]
fn latin_look_alikes_from_other_scripts_are_folded() {
    // Cyrillic а, е, о, с, х, і, ѕ and Greek ο, α, ν hidden in Indonesian words.
    assert_eq!(text("bаl рrеѕ"), "bal pres");
    assert_eq!(text("kаrungаn bеkаѕ іmроrt"), "karungan bekas import");
    assert_eq!(text("ΒΑL thrιft ѕеcοnd"), "bal thrift second");
    assert_eq!(text("𝐛𝐞𝐤𝐚𝐬 𝒃𝒂𝒍 𝕥𝕙𝕣𝕚𝕗𝕥 𝘤𝘢𝘬𝘢𝘳"), "bekas bal thrift cakar");
    assert_eq!(text("ʙᴇᴋᴀꜱ ᴍᴏɴᴢᴀ"), "bekas monza");
    assert_eq!(text("ⓑⓐⓛⓟⓡⓔⓢ 🅑🅐🅛🅛"), "balpres ball");
    assert_eq!(
        text("pakaian bеkas éks impór"),
        "pakaian bekas eks impor".replace("impor", "import")
    );
}

#[test]
fn a_listing_written_in_look_alikes_reads_plainly() {
    assert_eq!(
        text(
            "𝐉𝐔𝐀𝐋 𝐁𝐀𝐋𝐄 𝐁𝐄𝐊𝐀𝐒 𝐈𝐌𝐏𝐎𝐑𝐓 ʙᴀʟ ᴋᴀʀᴜɴɢᴀɴ ⓣⓗⓡⓘⓕⓣ Ｐｒｅｌｏｖｅｄ ЬаӀ рrеѕѕ Ьеkаѕ іmроrt \
             kаrungаn сіmоl 𝒂𝒘𝒖𝒍-𝒂𝒘𝒖𝒍 𝕞𝕠𝕟𝕫𝕒"
        ),
        "jual bale bekas import bal karungan thrift preloved bal press bekas import karungan \
         cimol awul awul monza"
    );
}

#[test]
fn parenthesised_letters_are_spaced_out_letters_and_join() {
    // "⒝⒜⒧" folds to "(b)(a)(l)": three one-letter words, joined.
    assert_eq!(text("⒝⒜⒧ murah"), "bal murah");
}

#[test]
fn invisible_characters_are_removed_inside_words() {
    assert_eq!(text("b\u{200B}e\u{200C}k\u{200D}a\u{AD}s"), "bekas");
    assert_eq!(
        text("\u{FEFF}thr\u{2060}ift\u{FE0F} \u{202E}bal\u{202C}"),
        "thrift bal"
    );
    assert_eq!(text("im\u{E0070}port\u{180E}"), "import");
}

#[test]
fn spaced_out_letters_are_joined() {
    assert_eq!(text("Ready t h r i f t murah"), "ready thrift murah");
    assert_eq!(text("t.h.r.i.f.t"), "thrift");
    assert_eq!(text("b🔥a🔥l"), "bal");
    assert_eq!(text("B A L L press"), "ball press");
    assert_eq!(text("k-a-r-u-n-g-a-n"), "karungan");
    assert_eq!(text("c_i_m_o_l dan *a*w*u*l"), "cimol dan awul");
    assert_eq!(text("b 3 k 4 s"), "bekas");
    assert_eq!(text("b k s"), "b k s");
}

#[test]
fn ordinary_words_and_short_or_listed_letters_stay_apart() {
    assert_eq!(text("baju bekas layak pakai"), "baju bekas layak pakai");
    assert_eq!(text("a b"), "a b");
    assert_eq!(text("1 bal isi 200 pcs"), "1 bal isi 200 pcs");
    assert_eq!(text("bal grade A B C"), "bal grade a b c");
    assert_eq!(text("Ukuran S, M, L, XL"), "ukuran s m l xl");
    assert_eq!(text("size S/M/L"), "size s m l");
    assert_eq!(text("1 2 3 4 5"), "1 2 3 4 5");
    assert_eq!(text("isi 1 b a l 2"), "isi 1 bal 2");
}

#[test]
fn leetspeak_is_undone_inside_words_only() {
    assert_eq!(text("jual b3k4s 7hr1f7 b@ll"), "jual bekas thrift ball");
    assert_eq!(
        text("k4rung4n 1mp0r7 pr3l0v3d c4k4r m0nz4"),
        "karungan import preloved cakar monza"
    );
    assert_eq!(text("b@l$ ka$ur"), "bal kasur");
}

#[test]
fn numbers_prices_sizes_and_units_survive() {
    assert_eq!(
        text("Harga 150rb, Rp150.000 / 1,5jt; 100kg 2pcs 3xl XXXL 42"),
        "harga 150rb rp150.000 1,5jt 100kg 2pcs 3xl xxxl 42"
    );
    assert_eq!(
        text("WA 0812-3456-7890 / 081234567890"),
        "wa 0812 3456 7890 081234567890"
    );
    assert_eq!(
        text("iphone11 baju2 rp50rb 3x4m grade a"),
        "iphone11 baju2 rp50rb 3x4m grade a"
    );
}

#[test]
fn stretched_letters_collapse_and_doubles_stay() {
    assert_eq!(text("bekaaaas murahhh"), "bekas murah");
    assert_eq!(text("balllll ball"), "bal ball");
    assert_eq!(text("thriiiiift"), "thrift");
    assert_eq!(text("saat maaf"), "saat maaf");
}

#[test]
fn abbreviations_expand_to_one_canonical_word() {
    assert_eq!(text("bks bkas bkѕ"), "bekas bekas bekas");
    assert_eq!(
        text("2nd scnd scond sekon seken second"),
        "second second second second second second"
    );
    assert_eq!(
        text("imp imprt impor import"),
        "import import import import"
    );
    assert_eq!(
        text("pre-loved pre loved prelove prelovd preloved"),
        "preloved preloved preloved preloved preloved"
    );
    assert_eq!(text("brg ori 12 pcs pck"), "barang ori 12 pcs pck");
}

#[test]
fn whitespace_collapses_to_single_spaces_between_words() {
    assert_eq!(
        text("  jual\t\tbaju \n\n bekas\u{3000} "),
        "jual baju bekas"
    );
    assert_eq!(text("🔥🔥 SALE!!! 🔥🔥"), "sale");
    assert_eq!(text(""), "");
    assert_eq!(text(" \u{200B} ,.!🔥"), "");
}

#[test]
fn other_scripts_pass_through_lowercased() {
    assert_eq!(text("二手衣服 한국어 ПРИВЕТ"), "二手衣服 한국어 npnbet");
    assert_eq!(text("عربي"), "عربي");
}

#[test]
fn matches_map_back_to_what_the_seller_wrote() {
    assert_eq!(original_of("Jual 𝐁𝐀𝐋𝐋 murah", "ball"), "𝐁𝐀𝐋𝐋");
    assert_eq!(original_of("ready t.h.r.i.f.t!!", "thrift"), "t.h.r.i.f.t");
    assert_eq!(original_of("isi b🔥a🔥l segel", "bal"), "b🔥a🔥l");
    assert_eq!(original_of("baju bks murah", "bekas"), "bks");
    assert_eq!(original_of("baju bks murah", "eka"), "bks");
    assert_eq!(original_of("barang pre-loved ok", "preloved"), "pre-loved");
    assert_eq!(original_of("kaos bekaaaas", "bekas"), "bekaaaas");
    assert_eq!(original_of("bekaaaas", "a"), "aaaa");
    assert_eq!(
        original_of("caf\u{E9} be\u{301}kas", "bekas"),
        "be\u{301}kas"
    );
    assert_eq!(
        original_of("karung  🔥  bal", "karung bal"),
        "karung  🔥  bal"
    );
    assert_eq!(original_of("b\u{200B}ekas", "bekas"), "b\u{200B}ekas");
}

#[test]
fn squeezed_text_drops_separators_and_still_maps_back() {
    let input = "jual ka rung an b-a-l pres 150.000";
    let normalised = normalise(input);
    assert_eq!(
        normalised.text(),
        "jual ka rung an b a l pres 150.000".replace("b a l", "bal")
    );
    let squeezed = normalised.squeezed();
    assert_eq!(squeezed.text(), "jualkarunganbalpres150000");
    let start = squeezed.text().find("karungan").expect("squeezed karungan");
    assert_eq!(
        &input[squeezed.original_range(start..start + 8)],
        "ka rung an"
    );
    let start = squeezed.text().find("balpres").expect("squeezed balpres");
    assert_eq!(
        &input[squeezed.original_range(start..start + 7)],
        "b-a-l pres"
    );
}

#[test]
fn out_of_bounds_and_empty_ranges_are_clamped() {
    let input = "Jual 𝐁𝐀𝐋𝐋";
    let normalised = normalise(input);
    assert_eq!(normalised.text(), "jual ball");
    assert_eq!(normalised.original_range(0..1000), 0..input.len());
    assert_eq!(
        normalised.original_range(1000..2000),
        input.len()..input.len()
    );
    assert_eq!(normalised.original_range(5..5), 5..5);
    #[allow(clippy::reversed_empty_ranges)]
    let reversed = normalised.original_range(7..3);
    assert_eq!(reversed, 3..3);
    assert_eq!(normalise("").original_range(0..10), 0..0);
}
