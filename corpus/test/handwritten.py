"""Hand-written listings, each composed whole rather than from fragments.

Ids are given by the generator after shuffling.  Unicode tricks are written with the
helpers from textkit so the source stays readable.
"""

from __future__ import annotations

from textkit import CYRILLIC, fullwidth, math_font


def _cyr(word: str) -> str:
    return "".join(CYRILLIC.get(c, c) for c in word)


ZW = "\u200b"
ZWJ = "\u200d"


def _v(tactic: str, platform: str, title: str, description: str, price: int, category: str) -> dict:
    return {"platform": platform, "title": title, "description": description, "price": price,
            "category": category, "label": "violation", "tactic": tactic}


def _l(tactic: str, platform: str, title: str, description: str, price: int, category: str) -> dict:
    return {"platform": platform, "title": title, "description": description, "price": price,
            "category": category, "label": "legitimate", "tactic": tactic}


VIOLATIONS = [
    # ---- plain
    _v("plain", "facebook", "Baju bekas impor eceran 10rb-50rb",
       "Assalamualaikum dulur2, ready baju bekas impor Korea & Jepang, eceran mulai 10rb. "
       "Jaket tebal buat musim hujan banyak, hoodie, kemeja kerja juga ada. Lokasi lapak di "
       "Gedebage, bisa kirim luar kota, ongkir ditanggung pembeli. Minat japri.", 10_000,
       "Pakaian Pria"),
    _v("plain", "tokopedia", "Jaket Parka The North Face Bekas Impor Original - Size L",
       "Jaket bekas impor (ex pemakaian luar negeri), original TNF, bukan KW.\n\n"
       "Detail:\n- Size L (LD 60, PJ 74)\n- Warna hitam\n- Gore-tex masih oke, tidak rembes\n"
       "- Minus: tali hoodie sedikit kusam\n\nBarang bekas impor jadi tidak ada retur ya. "
       "Sudah laundry, siap pakai.", 385_000, "Fashion Pria > Jaket & Outerwear"),
    _v("plain", "instagram", "Tas Coach bekas impor Jepang authentic",
       "Tas bekas impor dari Jepang 🇯🇵 authentic 100%, kondisi 85%. Kulit masih lembut, ada "
       "lecet halus di sudut bawah. Ready 12 tas bekas impor lainnya, cek highlight TAS. "
       "DM buat harga & video detail.\n\n#tasbekasimport #coachbekas #bekasjepang #tasbranded",
       450_000, "Tas Wanita > Hand Bag"),
    _v("plain", "shopee", "Sepatu Bekas Impor Nike Air Max 90 Size 43 (Used, Ori)",
       "Sepatu bekas impor, original Nike. Size 43 / 27,5 cm. Sol masih tebal, upper ada "
       "creasing wajar. Sudah deep clean. Stok sepatu bekas import kami datang 2x sebulan, "
       "follow toko ya.", 520_000, "Sepatu Pria > Sneakers"),
    _v("plain", "tiktokshop", "KEMEJA FLANEL BEKAS IMPOR 3 PCS 100RB 🔥 cek live",
       "Flanel bekas impor pilihan, motif random (bisa request warna dominan). Size M-XL. "
       "3 pcs 100rb, 1 pcs 39rb. Checkout lewat keranjang kuning, yang nonton live bisa pilih "
       "sendiri! #flanelbekas #bajubekasimport #thrift", 39_000, "Fashion Pria > Kemeja"),
    _v("plain", "bukalapak", "Celana Jeans Levis 501 Bekas Import USA W32",
       "Levi's 501 bekas import USA, made in Mexico. W32 L30 (ukur: LP 82, PJ 100). "
       "Fading natural, ada robek kecil di saku belakang. Barang bekas, jadi mohon maklum.",
       210_000, "Fashion Pria > Celana Panjang"),
    _v("plain", "instagram", "Used clothing import Japan - jackets, knitwear, denim",
       "All items are second hand, imported from Japan 🇯🇵. New batch every Friday, sizes M-XXL. "
       "Price 50k-250k per piece. Order via DM, shipping from Jakarta.\n"
       "Semua bekas impor Jepang ya kak, bukan lokal.", 50_000, "Fashion Pria > Lainnya"),
    # ---- bale_wholesale
    _v("bale_wholesale", "facebook", "DIJUAL BAL SEGEL KOREA READY 30 BAL GUDANG CIMAHI",
       "Ready 30 bal segel korea di gudang Cimahi.\n"
       "- Bal jaket korea 7,5jt isi 250-300 pcs\n- Bal kemeja campur 5,8jt\n"
       "- Bal anak 4,2jt isi 500an\nPengiriman seluruh Indonesia pakai ekspedisi langganan. "
       "Reseller & pelapak pasar malam merapat, bisa video call lihat gudang dulu. No tipu2.",
       7_500_000, "Pakaian Pria"),
    _v("bale_wholesale", "tokopedia", "Ball Press Sepatu Import Thailand isi 60 Pasang Grade A",
       "Ballpress sepatu bekas import Thailand, isi ±60 pasang campur (sneakers, kets, boots). "
       "Grade A ±70%. Segel, belum dibuka. Ukuran campur 37-44. Kirim via cargo, estimasi 4-7 hari.",
       3_900_000, "Sepatu Pria > Sneakers"),
    _v("bale_wholesale", "other", "Distributor Bal Segel Import Terpercaya - Supplier Ball Thrift se-Indonesia",
       "Kami distributor bal segel import langsung dari gudang. Tersedia ball Korea, Jepang, "
       "Thailand, campur Eropa. Harga mulai 3,5 juta per ball. Sistem: pilih jenis ball, transfer, "
       "kami kirim resi cargo. Melayani partai besar untuk pemilik toko thrift.", 3_500_000, "Lainnya"),
    _v("bale_wholesale", "shopee", "PER KG BAJU IMPORT BEKAS 45RB/KG MIN 10KG",
       "Jual per kilo baju import bekas campur. Harga 45rb/kg, minimal 10 kg. Isi random dari "
       "bal yang sudah dibuka, tidak bisa pilih. Cocok buat coba-coba usaha thrift sebelum ambil bal.",
       45_000, "Fashion Wanita > Lainnya"),
    _v("bale_wholesale", "instagram", "Open slot batch 14: bal Jepang winter mix",
       "OPEN SLOT BATCH 14 ❄️\nBal Jepang 'winter mix' (coat, parka, sweater), 100 kg/bal.\n"
       "DP 50% saat booking, pelunasan waktu bal sampai gudang Batam. Estimasi tiba 3 minggu. "
       "Slot terbatas 8 bal. DM admin.\n#baljepang #balpres #thriftsupplier", 8_200_000, "Lainnya"),
    _v("bale_wholesale", "tiktokshop", "balan pendek korea ±200 pcs cocok buat pemula",
       "buat yang baru mulai usaha thrift, ambil balan pendek dulu aja kak, isi ±200 pcs campur "
       "kaos kemeja celana. harga 3,2jt. sudah banyak reseller yg repeat order 🙏", 3_200_000,
       "Fashion Pria > Lainnya"),
    _v("bale_wholesale", "facebook", "Karung campur bekas impor 50kg isi pakaian anak",
       "Karung 50 kg pakaian anak bekas impor Malaysia, isi ±400 potong. Harga 2,7jt. "
       "Barang di Pontianak, bisa kirim kapal ke Kalimantan & Sulawesi.", 2_700_000, "Fashion Anak"),
    # ---- code_word
    _v("code_word", "facebook", "Cakar baru bongkar, jaket tebal 15rb-an",
       "Cakar baru dibongkar tadi subuh di lapak kami Pasar Senggol Parepare. Jaket2 tebal, kemeja, "
       "celana kain, banyak merk bagus. Harga mulai 15rb. Yang dari Makassar bisa titip ke bus.",
       15_000, "Pakaian Pria"),
    _v("code_word", "shopee", "MONZA KUALITAS KEPALA - Jaket Columbia Medan",
       "Monza kualitas kepala, pilihan pertama dari karung. Columbia original, size L. "
       "Dikirim dari Medan. Harga monza, kualitas outdoor 😁", 165_000, "Fashion Pria > Jaket & Outerwear"),
    _v("code_word", "tiktokshop", "live pecah bal jaket jepang malam ini jam 8",
       "LIVE PECAH BAL jam 20.00 WIB! Bal jaket Jepang 100 kg fresh dibuka di depan kamera. "
       "Keep lewat komen 'KEEP + nomor', checkout max 1x24 jam. Harga mulai 35rb.", 35_000,
       "Fashion Pria > Jaket & Outerwear"),
    _v("code_word", "instagram", "Awul-awul Jogja: flanel & jaket jeans 25rb",
       "Hasil ngawul minggu ini 🔥 flanel & jaket jeans awul-awul, 25rb aja. Ambil di Jogja "
       "(deket Alun-alun Kidul) atau kirim. Barang awul2 no retur ya.", 25_000, "Fashion Pria > Kemeja"),
    _v("code_word", "facebook", "karungan korea isi sweater, buka di tempat",
       "Jual karungan korea isi sweater & cardigan, ±45 kg. Bisa buka di tempat (Bandung, "
       "deket Gedebage) biar lihat isinya. 2,9jt nett.", 2_900_000, "Pakaian Wanita"),
    _v("code_word", "tokopedia", "Cimol Gedebage - Jaket Kulit Asli Mangga Dipilih",
       "Ieu jaket kulit meunang ti Cimol Gedebage, kulit asli. Ukuran XL, LD 62. Aya baret "
       "saeutik di leungeun. Mangga dipilih, stok cimol ganti unggal minggu. Nuhun!", 240_000,
       "Fashion Pria > Jaket & Outerwear"),
    _v("code_word", "shopee", "Paket Badan Jepang 100 pcs Murah (Sisa Kepala Sudah Diambil)",
       "Paket badan isi 100 pcs campur Jepang. Kepala sudah kami sortir buat toko, ini sisanya "
       "masih layak jual 10rb-an di pasar. 1,1jt per paket.", 1_100_000, "Fashion Pria > Lainnya"),
    # ---- obfuscation
    _v("obfuscation", "shopee", "J4ket thr1ft imp0rt K0rea ori size L",
       "J4ket thr1ft imp0rt K0rea, kondisi 9/10. Ld 58 pj 70. S3k0nd tp mulus. No retur.",
       125_000, "Fashion Pria > Jaket & Outerwear"),
    _v("obfuscation", "facebook", "B.A.L.L Korea segel isi 300an pcs",
       "Ready B.A.L.L Korea s.e.g.e.l, isi 300an pcs campur. Harga 6,8jt. Gudang Bandung. "
       "Serius inbox.", 6_800_000, "Pakaian Pria"),
    _v("obfuscation", "tokopedia", math_font("BAL SEGEL JEPANG", "bold") + " Mix Jaket 100kg",
       "Isi ±300 pcs jaket campur. Grade A 80%. Kirim cargo dari Batam. Harga per " +
       math_font("bal", "bold") + ".", 7_800_000, "Fashion Pria > Jaket & Outerwear"),
    _v("obfuscation", "tiktokshop", "b a l p r e s jepang fresh isi hoodie",
       "b a l p r e s jepang isi hoodie & sweater ±100kg, belum dibuka. cek live buat lihat "
       "b u k a  b a l nya kak", 7_100_000, "Fashion Pria > Hoodie & Sweater"),
    _v("obfuscation", "shopee", "Kemeja bekaaaas imporrr koreaaa murahhh",
       "Bekaaaas imporrr korea, kondisi mulus. Size M. Udah dicuci. Ambil 3 bonus 1.",
       35_000, "Fashion Pria > Kemeja"),
    _v("obfuscation", "lazada", "Hoodie " + _cyr("second") + " " + _cyr("import") + " Japan Uniqlo",
       "Hoodie " + _cyr("bekas") + " " + _cyr("import") + " Japan, size L, no minus. "
       "1 pcs only.", 89_000, "Fashion Pria > Hoodie & Sweater"),
    _v("obfuscation", "instagram", "Sweater thr" + ZW + "ift Korea ✨ size M",
       "Thr" + ZW + "ift impo" + ZWJ + "rt Korea, rajut tebal. LD 54 PJ 66. Pemakaian wajar, tidak "
       "ada bolong. DM to order 💌 #thr" + ZW + "iftkorea", 95_000, "Fashion Wanita > Sweater & Cardigan"),
    _v("obfuscation", "bukalapak", fullwidth("KARUNGAN") + " korea campur 45kg",
       fullwidth("karungan") + " korea isi campur jaket & kaos, 45kg, random. harga 2,6jt.",
       2_600_000, "Fashion Pria > Lainnya"),
    # ---- euphemism
    _v("euphemism", "shopee", "Ready Pre-loved Ex Japan - Kemeja Uniqlo/GU Ratusan Model",
       "Pre-loved ex Japan, restock tiap Jumat 🇯🇵 Ratusan model kemeja Uniqlo & GU, size S-XXL. "
       "Kondisi 85-95%, sudah laundry. Harga 45rb/pcs, ambil 10 pcs 400rb (bisa buat dijual lagi).",
       45_000, "Fashion Pria > Kemeja"),
    _v("euphemism", "facebook", "Barang luar second branded - jaket outdoor harga miring",
       "Barang luar semua, second branded: Montbell, Columbia, Patagonia. Stok dari Jepang & "
       "Korea, datang tiap bulan. Harga 150-350rb tergantung kondisi. COD Bekasi.", 150_000,
       "Fashion Pria > Jaket & Outerwear"),
    _v("euphemism", "instagram", "New drop! Preloved Korea 🇰🇷 hoodie 30 pcs",
       "NEW DROP 30 pcs hoodie eks Korea 🇰🇷 semua item pernah dipakai owner sebelumnya di Korea, "
       "cond 8-9/10. First come first serve, spill di story jam 7 malam!\n#prelovedkorea #exkorea",
       110_000, "Fashion Pria > Hoodie & Sweater"),
    _v("euphemism", "tokopedia", "Tas Branded Pre-Owned Luar Negeri - Stok Datang per Koli",
       "Tas branded pre-owned dari luar negeri (Jepang/HK). Stok kami datang per koli, dipilih "
       "yang masih bagus. Authentic, bukan KW. Ada 40+ tas di etalase.", 650_000,
       "Tas Wanita > Hand Bag"),
    _v("euphemism", "shopee", "Sepatu Ori 'Used Japan' Asics Gel Size 42",
       "Sepatu ori used Japan. Asics Gel-Lyte, size 42. Sol 80%. Kami ambil langsung dari "
       "supplier barang Jepang, bukan lokal. No retur.", 275_000, "Sepatu Pria > Sneakers"),
    _v("euphemism", "tiktokshop", "Knitwear eks Jepang vintage import - tiap hari ganti stok",
       "Knitwear eks Jepang, barang luar pilihan 🍂 kondisi pre-loved 8/10 ke atas. Tiap hari "
       "ganti stok, cek live jam 7! Harga 59rb semua.", 59_000, "Fashion Wanita > Sweater & Cardigan"),
    # ---- context_only
    _v("context_only", "shopee", "Paket Usaha 100 Pcs Kemeja Pria Jepang Campur Merk Grade A/B",
       "Isi 100 pcs kemeja pria asal Jepang, merk campur (Uniqlo, Muji, GU, dll). Grade A/B, "
       "kondisi layak pakai, beberapa ada noda kecil. Random tidak bisa pilih. Cocok buat yang "
       "mau mulai lapak. Dikirim dalam karung.", 2_250_000, "Perlengkapan Usaha"),
    _v("context_only", "facebook", "Karung Korea isi hoodie & sweater 45 kg random",
       "Karung dari Korea isi hoodie & sweater ±45 kg, random. Cocok buat lapak CFD atau pasar "
       "malam. Harga 2,4jt. Barang di Tanjung Balai, bisa kirim.", 2_400_000, "Pakaian Pria"),
    _v("context_only", "tokopedia", "Jaket Musim Dingin Jepang per Kg 55rb Random",
       "Jaket musim dingin asal Jepang, dijual per kg 55rb (min 20 kg). Kondisi 80-95%, "
       "ada yang minus resleting. Isi random: parka, down jacket, coat.", 55_000,
       "Fashion Pria > Jaket & Outerwear"),
    _v("context_only", "shopee", "Paket Modal Usaha 3 Juta: 150 Pcs Pakaian Korea Campur",
       "Paket modal usaha 150 pcs pakaian asal Korea campur pria/wanita. Tanpa label harga, "
       "kondisi layak pakai (ada tanda pemakaian wajar). Jual lagi 25-50rb per potong, balik "
       "modal 2x. Pengiriman pakai cargo.", 3_000_000, "Perlengkapan Usaha"),
    _v("context_only", "facebook", "Karung dari Malaysia isi 300an potong grade B",
       "Yang mau usaha di pasar malam, ada karung dari Malaysia isi 300an potong, grade B "
       "(minus ringan), harga miring 1,9jt. Ambil di Tanjung Balai Asahan.", 1_900_000,
       "Pakaian Pria"),
    _v("context_only", "bukalapak", "Sepatu Korea Random per Karung 40 Pasang Grade A",
       "Sepatu asal Korea, per karung isi 40 pasang random ukuran 37-44. Grade A: sol masih "
       "tebal, upper mulus, sudah pernah dipakai. Tidak bisa pilih.", 3_300_000,
       "Sepatu Pria > Sneakers"),
    # ---- single_retail
    _v("single_retail", "shopee", "Jaket Thrift Korea Second - Spao Fleece Size M",
       "Thrift Korea, Spao fleece. Size M (LD 56, PJ 66). Bulu masih tebal, no bolong. "
       "1 pcs aja ya kak.", 95_000, "Fashion Pria > Jaket & Outerwear"),
    _v("single_retail", "instagram", "Levi's Trucker Jacket thrift USA size L",
       "Levi's trucker jacket thrifted from USA 🇺🇸 size L, pit to pit 58. Light wash, minor "
       "fading. DM for details. SOLD = delete.", 325_000, "Fashion Pria > Jaket & Outerwear"),
    _v("single_retail", "tokopedia", "Sweater Muji Second Import Jepang Rajut Wol",
       "Sweater Muji second import Jepang, wool 100%. Size L. Sedikit pilling di ketiak, "
       "overall oke. Sudah dicuci pakai sabun wol.", 120_000, "Fashion Wanita > Sweater & Cardigan"),
    _v("single_retail", "shopee", "Sepatu Onitsuka Tiger Thrift Japan Size 41",
       "Thrift Japan, Onitsuka Tiger Mexico 66. Size 41 (26 cm). Sol 85%. Sudah dicuci. "
       "Barang import second, tidak ada box.", 385_000, "Sepatu Pria > Sneakers"),
    _v("single_retail", "tiktokshop", "Topi New Era thrift import Korea 7 1/4",
       "topi new era 59fifty thrift import korea, 7 1/4. agak pudar di visor. 1 pcs only.",
       75_000, "Aksesoris Fashion > Topi"),
    _v("single_retail", "instagram", "Vintage Harley tee thrift USA single stitch",
       "Thrift USA 🇺🇸 Harley-Davidson tee single stitch, size XL (LD 57 PJ 74). Thin & soft, "
       "cracking sablon natural. Impor second, one of one.", 450_000, "Fashion Pria > Kaos"),
]

LEGIT = [
    # ---- new_local_umkm
    _l("new_local_umkm", "tokopedia", "Kaos Polos Premium Buatan Penjahit Desa Kami - Klaten",
       "Cerita kecil: kaos ini dijahit ibu-ibu di desa kami di Klaten. Bahan cotton combed 24s "
       "kami beli dari pabrik di Bandung, dipotong dan dijahit di rumah produksi sendiri. "
       "Bukan thrift, bukan barang sisa, semuanya baru.\n\nUkuran S-XXL, 9 warna. "
       "Matur nuwun sampun mampir 🙏", 59_000, "Fashion Pria > Kaos"),
    _l("new_local_umkm", "instagram", "New drop ✨ Kemeja linen lokal dijahit di Jogja",
       "Kemeja linen lokal, dijahit di Jogja, kain dari Pekalongan. Bukan thrift, bukan preloved, "
       "100% baru dari meja jahit kami. Tersedia 4 warna earth tone. Pre-order 7 hari.\n"
       "#brandlokal #linenshirt #buatanjogja", 189_000, "Fashion Pria > Kemeja"),
    _l("new_local_umkm", "shopee", "Batik Tulis Lasem Tiga Negeri - Monggo Dipun Pirsani",
       "Monggo dipun pirsani, batik tulis Lasem motif tiga negeri. Pengerjaan kurang lebih 2 bulan "
       "oleh simbah-simbah pengrajin. Kain 2,5 m. Setiap lembar unik.", 1_450_000,
       "Fashion Wanita > Batik"),
    _l("new_local_umkm", "tokopedia", "Kaos Sunda 'Hirup Mah Kudu Soleh' Sablon Manual",
       "Mangga kaos lokal ti Garut, sablon manual. Bahan cotton 30s tiis. Ukuran M-XXL. "
       "Produk UMKM, lain barang bekas. Nuhun nu tos ngadukung!", 75_000, "Fashion Pria > Kaos"),
    _l("new_local_umkm", "tiktokshop", "Sepatu Kulit Cibaduyut Handmade Grade A (Baru)",
       "Sepatu kulit sapi asli buatan pengrajin Cibaduyut 👞 kulit grade A, sol karet jahit. "
       "Size 38-45. Bukan second, fresh dari bengkel. Garansi jahitan 6 bulan.", 375_000,
       "Sepatu Pria > Sepatu Formal"),
    _l("new_local_umkm", "lazada", "Jaket Parasut Waterproof Buatan Konveksi Bandung",
       "Jaket parasut baru produksi konveksi kami di Bandung. Bahan taslan milky, furing jala. "
       "Kualitas ekspor tapi harga lokal. Tersedia M, L, XL, XXL.", 145_000,
       "Fashion Pria > Jaket & Outerwear"),
    _l("new_local_umkm", "facebook", "Mukena bordir Tasik, baru, langsung dari pengrajin",
       "Mukena bordir tangan dari Tasikmalaya, baru. Dapat tas. Ready putih, krem, dusty pink. "
       "Bisa COD Tasik & Ciamis. Reseller welcome.", 235_000, "Fashion Muslim > Mukena"),
    # ---- new_import_style
    _l("new_import_style", "shopee", "Jaket Parka Korean Style NEW - Baru Bukan Karungan",
       "Jaket parka model Korea, BARU, masih plastik dan hangtag. Bukan barang bekas, bukan "
       "karungan, bukan thrift. Impor resmi dari Guangzhou. Size M-XXL.", 219_000,
       "Fashion Pria > Jaket & Outerwear"),
    _l("new_import_style", "tokopedia", "Sepatu Sneakers Import Batam BNIB Size 36-44",
       "Sepatu import Batam, brand new in box. Bahan knit ringan, sol empuk. Barang baru ya kak, "
       "bukan second. Ready warna putih, hitam, abu.", 159_000, "Sepatu Wanita > Sneakers"),
    _l("new_import_style", "instagram", "Restock import Korea 🇰🇷 knitwear baru hangtag lengkap",
       "Restock knitwear import Korea, baru semua 🧶 hangtag & plastik lengkap. Model cardigan, "
       "vest, sweater crop. Harga 129-189rb. DM untuk order.\n#importkorea #knitwear #koreanstyle",
       129_000, "Fashion Wanita > Sweater & Cardigan"),
    _l("new_import_style", "blibli", "Blazer Wanita Import Premium - Korean Look",
       "Blazer wanita import premium, model Korean look oversized. Produk baru, bahan wool blend "
       "impor. Tersedia S/M/L. Garansi tukar size 7 hari.", 299_000, "Fashion Wanita > Outerwear"),
    _l("new_import_style", "tiktokshop", "Baju Import Bangkok Baru Ready Jakarta",
       "baju import bangkok BARU ready jakarta 🇹🇭 dress, setelan, kaos. dibawa sendiri dari "
       "Pratunam, nota ada. bukan bal, bukan preloved ya kak. checkout keranjang kuning!", 89_000,
       "Fashion Wanita > Dress"),
    _l("new_import_style", "lazada", "Coat Winter Import Baru untuk Trip Jepang Korea Eropa",
       "Coat winter import baru, cocok buat liburan ke Jepang, Korea, atau Eropa. Lapisan dalam "
       "fleece, tahan angin. Barang baru, tag lengkap. Size S-XXL.", 459_000,
       "Fashion Wanita > Outerwear"),
    # ---- personal_preloved
    _l("personal_preloved", "facebook", "Jual baju2 preloved istri, beli di Matahari & Zara PIM",
       "Bantu istri beres-beres lemari. Baju preloved punya istri, mayoritas beli di Matahari "
       "& Zara PIM, ukuran M. Ada blouse, rok, celana kulot, 2 dress. Rata-rata dipakai 2-3x. "
       "Semua 350rb ambil semua, satuan 25-75rb. COD Ciputat.", 350_000, "Fashion Wanita > Lainnya"),
    _l("personal_preloved", "shopee", "Preloved Uniqlo Ultra Light Down (Beli di Uniqlo Kokas 2022)",
       "Beli di Uniqlo Kota Kasablanka tahun 2022 buat trip musim dingin, cuma kepake seminggu. "
       "Size L, warna navy. Masih ada pouch-nya. Dijual karena sudah nggak ada rencana ke luar "
       "negeri lagi 😅", 275_000, "Fashion Pria > Jaket & Outerwear"),
    _l("personal_preloved", "tokopedia", "Seragam Batik Sekolah Bekas SMPN (Ukuran L)",
       "Seragam batik SMP bekas anak saya, ukuran L. Sudah lulus. Masih layak, warna belum pudar. "
       "Dua potong 40rb.", 40_000, "Fashion Anak > Seragam"),
    _l("personal_preloved", "instagram", "Preloved kebaya nikah (custom jahit) size M",
       "Kebaya akad preloved, custom jahit di penjahit langganan di Solo. Brokat Prancis + payet "
       "manual. Dipakai 1x, sudah dry clean. Bisa dipermak.\n\nQ: Ini thrift ya kak?\n"
       "A: Bukan kak, ini kebaya pribadi aku 🤍", 1_200_000, "Fashion Wanita > Kebaya"),
    _l("personal_preloved", "facebook", "Jaket kulit bekas pribadi, beli di Garut",
       "Jaket kulit domba beli di Sukaregang Garut 3 tahun lalu, pemakaian pribadi. Ukuran XL "
       "tapi sekarang saya kurusan. Kulit masih lentur. Nego tipis, lokasi Bogor.", 550_000,
       "Fashion Pria > Jaket & Outerwear"),
    _l("personal_preloved", "tiktokshop", "Baju Lebaran Anak Preloved 1x Pakai (3-4 th)",
       "preloved baju lebaran anak cewek 3-4th, dipakai pas lebaran kemarin aja. beli di butik "
       "muslim di Bekasi. masih wangi, no noda. #preloved #bajuanak", 65_000,
       "Fashion Anak > Setelan"),
    # ---- used_non_clothing
    _l("used_non_clothing", "facebook", "Rak gantung bekas thrift shop tutup, murah",
       "Toko thrift kami tutup, jual perlengkapannya aja: 6 rak gantung besi, 1 cermin besar, "
       "200 hanger, 1 meja kasir. Bajunya sudah habis, tidak dijual. Ambil di Depok.", 1_800_000,
       "Perlengkapan Usaha > Display"),
    _l("used_non_clothing", "shopee", "iPhone 11 64GB Second Ex iBox BH 84%",
       "iPhone 11 64GB second ex iBox, battery health 84%. Face ID normal, true tone on. "
       "Lecet halus di bezel. Kelengkapan: dus + kabel. Garansi toko 14 hari.", 4_350_000,
       "Handphone & Tablet > Handphone"),
    _l("used_non_clothing", "facebook", "Mesin cuci bekas 7 kg, masih normal",
       "Mesin cuci 2 tabung 7 kg, bekas pakai sendiri 4 tahun. Pengering kenceng. Dijual karena "
       "pindah kontrakan. Ambil sendiri ya, Sleman.", 650_000, "Elektronik > Mesin Cuci"),
    _l("used_non_clothing", "tokopedia", "Buku Bekas Vintage Tahun 80-an (Kiloan)",
       "Koleksi buku bekas jadul campur (novel, majalah, buku pelajaran) dijual kiloan 15rb/kg. "
       "Ada yang sudah kuning & lapuk, cocok buat kolektor atau properti foto.", 15_000,
       "Buku > Buku Bekas"),
    _l("used_non_clothing", "bukalapak", "Avanza G 2015 Bekas Tangan Pertama",
       "Toyota Avanza G 2015 manual, tangan pertama dari baru. Km 98rb, servis di bengkel resmi. "
       "Pajak baru bayar. Plat B. Bisa kredit.", 132_000_000, "Otomotif > Mobil"),
    _l("used_non_clothing", "instagram", "Kamera Film Olympus Trip 35 Second (Jual Koleksi)",
       "Jual koleksi kamera film, Olympus Trip 35 second. Light meter jalan, shutter normal, lensa "
       "ada baret halus. Sudah tes 1 roll, hasil aman. DM.", 1_350_000, "Kamera > Kamera Analog"),
    # ---- innocent_trigger
    _l("innocent_trigger", "shopee", "Karung Goni Impor India BARU (Bukan Bekas) 70x110",
       "Karung goni baru impor India, belum pernah dipakai. Cocok buat kopi, kakao, hiasan kafe. "
       "Harga per lembar, grosir per bal isi 100.", 14_000, "Perlengkapan Usaha > Kemasan"),
    _l("innocent_trigger", "tokopedia", "Cat Scratcher Garukan Cakar Kucing Kardus",
       "Garukan kucing biar cakar kucing nggak ngerusak sofa. Bahan kardus tebal, ada catnip. "
       "Ukuran 45 x 22 cm.", 35_000, "Perlengkapan Hewan > Kucing"),
    _l("innocent_trigger", "tiktokshop", "Bola Ball Pit Mandi Bola Isi 100 Warna-warni",
       "Bola plastik buat ball pit / mandi bola anak, isi 100. Aman SNI, tidak bau. Cocok buat "
       "playground rumah.", 49_000, "Mainan & Hobi > Mainan Anak"),
    _l("innocent_trigger", "facebook", "Kepala kambing & kaki kambing per kg, siap masak",
       "Menyediakan kepala kambing dan kaki kambing segar, sudah dibakar bulunya. Per kg 45rb. "
       "Buat tengkleng / sop. Pesan H-1, Solo Baru.", 45_000, "Makanan & Minuman > Daging"),
    _l("innocent_trigger", "bukalapak", "Timbangan Gantung Digital 300 kg untuk Karung Gabah",
       "Timbangan gantung digital kapasitas 300 kg, cocok buat nimbang karung gabah, pupuk, "
       "atau hasil panen. Baru, garansi 6 bulan.", 285_000, "Perlengkapan Usaha > Timbangan"),
    _l("innocent_trigger", "shopee", "Sabun Batang Kiloan untuk Laundry & Hotel",
       "Sabun batang kiloan, dijual per kg. Cocok buat usaha laundry kiloan, hotel, kos-kosan. "
       "Wangi lemon.", 32_000, "Rumah Tangga > Kebersihan"),
    _l("innocent_trigger", "instagram", "Ball Python Morph Pastel (Hewan)",
       "Open adopsi ball python pastel, umur 6 bulan, makan lancar (tikus). Pengiriman pakai "
       "jasa pet travel area Jabodetabek. DM untuk video.", 1_250_000, "Hewan Peliharaan > Reptil"),
    _l("innocent_trigger", "lazada", "Grade A Apel Malang per Karung 20 kg",
       "Apel Malang manalagi grade A langsung dari kebun Batu. Per karung ±20 kg. Cocok buat "
       "pedagang buah & parsel.", 260_000, "Makanan & Minuman > Buah & Sayur"),
    # ---- wholesale_new
    _l("wholesale_new", "tokopedia", "Grosir Kaos Polos Bandung per Lusin - Kirim per Koli",
       "Grosir kaos polos baru langsung pabrik Bandung. Harga per lusin 264rb (22rb/pcs). "
       "Pengiriman luar pulau per koli, dipacking karung biar aman. Bisa campur warna.", 264_000,
       "Fashion Pria > Kaos"),
    _l("wholesale_new", "shopee", "Paket Usaha Baju Lebaran Anak BARU 40 pcs",
       "Paket usaha baju lebaran anak, 40 pcs baru dari konveksi Pekalongan. Isi gamis, koko, "
       "setelan. Motif random. Cocok buat jualan musiman di pasar. Barang baru semua, bukan bal.",
       1_600_000, "Fashion Anak > Setelan"),
    _l("wholesale_new", "facebook", "Grosir hijab per kodi, Tanah Abang blok B",
       "Grosir hijab segi empat voal per kodi (20 pcs) 380rb. Warna campur. Ambil langsung di "
       "Tanah Abang blok B lt. 5 atau kirim cargo.", 380_000, "Fashion Muslim > Hijab"),
    _l("wholesale_new", "lazada", "Grosir Jaket Korean Style BARU per Seri Isi 4",
       "Jaket korean style baru, 1 seri isi 4 warna. Produksi konveksi Bandung, bukan import "
       "bekas. Untuk reseller & toko.", 520_000, "Fashion Pria > Jaket & Outerwear"),
    _l("wholesale_new", "blibli", "Seragam Kerja Safety Grosir Min 1 Lusin",
       "Seragam kerja safety bahan drill, scotlight. Harga grosir mulai 1 lusin, baru produksi "
       "sendiri. Bisa bordir logo perusahaan.", 1_260_000, "Fashion Pria > Seragam"),
    # ---- local_overstock
    _l("local_overstock", "shopee", "Sisa Ekspor Celana Chino Brand US - Produksi Semarang",
       "Celana chino sisa ekspor, produksi pabrik garmen di Semarang untuk brand Amerika. "
       "BARU, label dipotong. Ada yang cacat kecil (benang lepas). Untuk pedagang bisa ambil "
       "per kg, tanya admin.", 89_000, "Fashion Pria > Celana Panjang"),
    _l("local_overstock", "tokopedia", "Sepatu Reject Pabrik Tangerang - Baru, Cacat Lem",
       "Sepatu running reject pabrik di Tangerang. Barang baru, cacat lem tipis / warna belang "
       "sedikit. Tidak ada box. Size 39-44.", 145_000, "Sepatu Pria > Sepatu Olahraga"),
    _l("local_overstock", "instagram", "Overstock merch konser (kaos baru) sisa event",
       "Overstock kaos merchandise konser, baru, sisa event bulan lalu. Size S-XXL, sablon "
       "sempurna. Harga miring karena event sudah lewat.\n#overstock #merch", 75_000,
       "Fashion Pria > Kaos"),
    _l("local_overstock", "facebook", "Kaos BS garmen Sukabumi kiloan 65rb/kg (baru)",
       "Kaos BS dari garmen di Sukabumi, baru semua, cacat ringan (sablon miring, jahitan loncat). "
       "Dijual kiloan 65rb/kg, 1 kg isi 5-6 pcs. Cocok buat lapak pasar.", 65_000,
       "Fashion Pria > Kaos"),
    _l("local_overstock", "lazada", "Cuci Gudang Brand Lokal - Jaket Denim Stok 2023",
       "Cuci gudang jaket denim brand lokal kami, stok 2023. Baru, masih plastik. Diskon 60%.",
       159_000, "Fashion Pria > Jaket & Outerwear"),
    # ---- services_news
    _l("services_news", "facebook", "Dari pedagang Senen: sekarang saya jual produk lokal",
       "Sharing aja. Dulu saya pedagang di Senen, sejak razia balpres saya beralih ambil barang "
       "dari konveksi Bandung dan Tanah Abang. Untungnya lebih tipis tapi tenang. Buat teman2 "
       "yang masih ragu, ayo pindah ke produk lokal.", 0, "Komunitas"),
    _l("services_news", "instagram", "Kelas online gratis: legalitas jualan thrift & preloved",
       "Kelas online GRATIS 🎓 Bahas apa saja yang legal (preloved pribadi, thrift lokal, "
       "konsinyasi) dan apa yang dilarang (bal impor, HS 6309). Sabtu 19.30 via Zoom. "
       "Link di bio.", 0, "Jasa > Kursus & Pelatihan"),
    _l("services_news", "tokopedia", "Jasa Cuci & Setrika untuk Konveksi (Kiloan)",
       "Jasa cuci & setrika kiloan khusus hasil produksi konveksi sebelum packing. Harga 6rb/kg, "
       "min 50 kg. Antar jemput area Bandung Timur.", 6_000, "Jasa > Laundry"),
    _l("services_news", "other", "Kemendag: jual pakaian bekas boleh, asal bukan impor",
       "Ringkasan: pemerintah menegaskan yang dilarang adalah impor pakaian bekas (HS 6309). "
       "Jual baju bekas dari dalam negeri tetap boleh. Pelaku usaha diminta tidak memasarkan "
       "barang bekas impor di marketplace.", 0, "Berita"),
    _l("services_news", "shopee", "Jasa Foto Produk untuk Toko Preloved & Thrift Lokal",
       "Jasa foto produk fashion: flatlay, hanger, model. Cocok untuk toko preloved & thrift "
       "lokal, distro, UMKM. 25rb/foto, min 10 foto.", 25_000, "Jasa > Fotografi"),
    _l("services_news", "instagram", "Jastip Uniqlo & GU Japan batch Mei - barang baru",
       "Jastip Uniqlo & GU Japan batch Mei ✈️ semua barang BARU dari store, struk dilampirkan. "
       "Fee 15%. Close order 10 Mei. Tidak menerima titipan barang second.", 50_000, "Jasa > Jastip"),
    _l("services_news", "facebook", "Info: cara lapor lapak jual bal pakaian bekas impor",
       "Teman-teman, kalau nemu lapak yang jual bal/karungan pakaian bekas impor, bisa dilaporkan "
       "lewat tombol laporkan produk di marketplace masing-masing. Yang jual preloved pribadi "
       "jangan dilaporkan ya, itu legal.", 0, "Komunitas"),
]

LISTINGS = VIOLATIONS + LEGIT
