//! Throughput of `normalise` (with and without `squeezed`) on six realistic listing texts of
//! 280 to 291 bytes.
//!
//! `cargo bench -p saring-normalise --bench normalise`

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use saring_normalise::normalise;

/// Listing titles and descriptions as sellers write them: mixed Indonesian, emoji, prices,
/// sizes, and a few tricks each.
const LISTINGS: &[&str] = &[
    "🔥🔥 JUAL BAJU BEKAS IMPORT KOREA 🔥🔥 Kondisi 90% mulus, size M L XL. Harga mulai 35rb aja kak! \
     Bisa COD Jakarta & sekitarnya. Cek etalase untuk model lain ya 😍 #thrift #preloved #bajubekas \
     Stok baru tiap minggu, langsung dari gudang 💯 Grab fast sebelum kehabisan, gan!!",
    "Kemeja flanel pria second original, bahan tebal adem, ukuran L (lebar 56cm panjang 74cm). \
     Minus: kancing kurang 1. Harga Rp75.000 nego tipis. Kirim dari Bandung via JNE/J&T 🙏 \
     Barang sesuai foto, no tipu-tipu. Cek ulasan toko kami ya gan, sudah 500+ transaksi ⭐⭐⭐⭐⭐ Terima kasih!",
    "READY b a l   karungan 𝐁𝐀𝐋𝐄 campur jaket & hoodie ✨ isi ±200 pcs, grade A, langsung buka \
     bal di live jam 8 malam!! DM untuk harga grosir 📦📦 wa 0812-3456-7890 \
     Reseller welcome, pengiriman ke seluruh Indonesia 🚚 ekspedisi kargo murah, minimal order 1 karung.",
    "Sepatu running Adidas ori 100% size 42, dipakai 2x saja, box lengkap. Alasan jual: kekecilan. \
     Harga 450.000 (masih bisa nego) lokasi Surabaya, bisa kirim luar kota 👟 pr3l0ved b3k4s \
     Ukuran insole 27cm, cocok buat kaki lebar. Fast respon jam 9 pagi - 9 malam ✌️ Harga pas, no PHP.",
    "Celana jeans Levis 501 vintage, warna biru pudar keren bgt, W32 L34. Thriiiiift finds dari \
     Gedebage 😎 harga 120rb belum ongkir. Cek story ya kak, stok terbatas!!! t.h.r.i.f.t \
     Kondisi: tidak ada noda, sobek, atau bolong. Real pict 📸 no edit, no filter. Semua barang sudah dicuci bersih.",
    "Gamis syar'i bks pakai 1x, bahan wolfis premium, warna navy, all size fit to L. Jual murah \
     karena pindahan 🙏 Rp 85.000 aja, free ongkir Jabodetabek. Minat langsung chat ya bund 💕 \
     Ready juga warna maroon & sage. Pengiriman setiap hari kecuali Minggu. Happy shopping kakak-kakak semua!",
];

/// A listing written almost entirely in look-alike letters: the slow path of every character.
const DISGUISED_LISTING: &str = "𝐉𝐔𝐀𝐋 𝐁𝐀𝐋𝐄 𝐁𝐄𝐊𝐀𝐒 𝐈𝐌𝐏𝐎𝐑𝐓 ʙᴀʟ ᴋᴀʀᴜɴɢᴀɴ ⓣⓗⓡⓘⓕⓣ Ｐｒｅｌｏｖｅｄ \
    ЬаӀ рrеѕѕ Ьеkаѕ іmроrt kаrungаn сіmоl 𝒂𝒘𝒖𝒍-𝒂𝒘𝒖𝒍 𝕞𝕠𝕟𝕫𝕒";

fn bench_normalise(criterion: &mut Criterion) {
    // Throughput in listings: criterion reports "elem/s", listings per second.
    let mut group = criterion.benchmark_group("normalise");
    group.throughput(Throughput::Elements(LISTINGS.len() as u64));
    group.bench_function("text_only_6_listings", |bencher| {
        bencher.iter(|| {
            for listing in LISTINGS {
                black_box(normalise(black_box(listing)));
            }
        });
    });
    group.bench_function("text_and_squeezed_6_listings", |bencher| {
        bencher.iter(|| {
            for listing in LISTINGS {
                let normalised = normalise(black_box(listing));
                black_box(normalised.squeezed());
                black_box(normalised);
            }
        });
    });
    group.finish();

    let mut disguised = criterion.benchmark_group("normalise_disguised");
    disguised.throughput(Throughput::Bytes(DISGUISED_LISTING.len() as u64));
    disguised.bench_function("text_and_squeezed_1_listing", |bencher| {
        bencher.iter(|| {
            let normalised = normalise(black_box(DISGUISED_LISTING));
            black_box(normalised.squeezed());
            black_box(normalised);
        });
    });
    disguised.finish();
}

criterion_group!(benches, bench_normalise);
criterion_main!(benches);
