"""Legitimate listings, many of them with trigger words used innocently.

Every generator returns (title, description, price, category[, platform]) or None.

A tactic is a list of groups.  A group is one kind of seller: its variants each pair
titles with sentences that fit them, ``lines`` fit every variant, ``hard`` holds the
innocent trigger sentences, ``price`` is a (low, high) range and ``cat`` the category.
A variant may carry its own price and category as third and fourth element.
"""

from __future__ import annotations

from fragments import LOCAL_BRANDS, compose, item_context
from textkit import Kit, math_font

BATIK_CITIES = ["Pekalongan", "Solo", "Lasem", "Madura", "Cirebon", "Yogyakarta",
                "Banyumas", "Tuban", "Garut"]
MOTIFS = ["Parang", "Kawung", "Mega Mendung", "Sekar Jagad", "Truntum", "Sidomukti",
          "Tiga Negeri", "Pring Sedapur", "Sogan", "Buketan"]
# Foreign brands with own stores or official resellers in Indonesia.
BRANDS_SOLD_HERE = ["Uniqlo", "H&M", "Zara", "Nike", "Adidas", "Levi's", "Mango", "Cotton On",
                    "Pull&Bear", "Bershka", "Stradivarius", "Marks & Spencer", "Columbia",
                    "The North Face", "Converse", "Vans", "Charles & Keith", "Puma", "GAP"]


TITLE_SUFFIXES = [" Murah", " - Ready Stock", " Bisa COD", " {city}", " Original", " Promo",
                  " Termurah", " | Free Ongkir", " Terlaris", " Kualitas Terbaik", " Stok Terbatas",
                  " Harga Nego", " (Kirim dari {city})", " COD {city}", " - Best Seller"]


def _ctx(kit: Kit, kinds: tuple[str, ...] | None = None) -> dict:
    ctx = item_context(kit, kinds)
    ctx.update({
        "local": kit.pick(LOCAL_BRANDS),
        "brand_here": kit.pick(BRANDS_SOLD_HERE),
        "batik_city": kit.pick(BATIK_CITIES),
        "motif": kit.pick(MOTIFS),
        "age": kit.pick(["1-2 th", "2-3 th", "3-4 th", "4-5 th", "6-12 bulan", "5-6 th"]),
        "km": f"{kit.between(4, 48)}.{kit.between(0, 9)}00",
        "hp": kit.pick(["iPhone 11", "iPhone 12 Pro", "iPhone XR", "Samsung A52", "Samsung S21",
                        "Redmi Note 12", "Oppo Reno 8", "Vivo Y21", "Poco X3 Pro", "iPhone 13"]),
        "shoe": str(kit.between(36, 44)),
    })
    return ctx


def _from_groups(kit: Kit, platform: str, groups: list[dict], tags: list[str],
                 title_only_p: float = 0.05, fancy_p: float = 0.0):
    group = kit.pick(groups)
    variant = kit.pick(group["variants"])
    titles, own_lines = variant[0], variant[1]
    price_range = variant[2] if len(variant) > 2 else group["price"]
    cat = variant[3] if len(variant) > 3 else group["cat"]
    ctx = _ctx(kit, group.get("kinds"))
    ctx.update({k: kit.pick(v) for k, v in group.get("slots", {}).items()})
    title = kit.fill_any(titles, ctx)
    if group.get("suffix", True) and kit.chance(0.35):
        title += kit.fill_any(TITLE_SUFFIXES, ctx)
    lines = kit.some(own_lines, ctx, 1, min(3, len(own_lines)))
    lines += kit.some(group.get("lines", []), ctx, *group.get("n", (1, 3)))
    hard = group.get("hard", [])
    if hard:
        lines += kit.some(hard, ctx, *group.get("hard_n", (0, 2)))
    rest = lines[1:]
    kit.rng.shuffle(rest)
    lines = lines[:1] + rest
    qa = [(q.format_map(ctx), a.format_map(ctx)) for q, a in group.get("qa", [])] or None
    lo, hi = price_range
    price = 0 if lo == 0 and kit.chance(0.35) else kit.price(max(lo, 1_000), hi)
    cat = cat if isinstance(cat, str) else kit.pick(cat)
    if fancy_p and kit.chance(fancy_p):
        words = title.split(" ")
        k = kit.between(1, min(3, len(words)))
        font = kit.pick(["bold", "sans_bold"])
        title = " ".join(math_font(w, font) if i < k else w for i, w in enumerate(words))
    elif kit.chance(0.05):
        words = title.split(" ")
        i = kit.between(0, len(words) - 1)
        if words[i].isalpha() and len(words[i]) >= 4:
            words[i] = kit.stretch(words[i])
            title = " ".join(words)
    title, desc = compose(kit, platform, title, lines, ctx, tags, qa,
                          title_only_p=group.get("title_only", title_only_p),
                          shop_p=group.get("shop_p", 0.75))
    return title, desc, price, cat


# --------------------------------------------------------------------------- new_local_umkm

NEW_HARD = [
    "100% baru, bukan thrift.", "Barang baru ya kak, bukan bekas.", "Kualitas ekspor, harga lokal.",
    "Bukan barang second, masih ada plastik & hangtag.", "Stok terbatas, produksi per batch.",
    "Produk lokal, kualitas nggak kalah sama import.", "Model ala Korea tapi buatan {city}.",
    "Look vintage tapi barang baru.", "Bahan katun grade A dari pabrik di Majalaya.",
    "#BanggaBuatanIndonesia", "Dukung UMKM, stop beli baju bekas impor ilegal 🙏",
    "Bukan preloved, fresh dari meja jahit.",
]
UMKM_GROUPS = [
    {"variants": [
        (["Kaos Polos Cotton Combed 30s Produksi {city}", "kaos polos premium 24s boxy fit"],
         ["Bahan cotton combed, adem dan menyerap keringat.", "Warna: hitam, putih, navy, sage, maroon.",
          "Jahitan rantai di pundak, standar distro."]),
        (["Kaos Sablon {local} Original", "Kaos Distro {city} Original {local}", "Kaos Oversize Unisex Brand Lokal - Baru"],
         ["Sablon plastisol, tahan cuci puluhan kali.", "Desain original, bukan bootleg.", "Rilis terbatas 200 pcs."]),
        (["Kaos Kata-kata Jawa Sablon Manual", "Kaos Basa Sunda Lucu Sablon", "Kaos Dagadu Jogja Asli"],
         ["Tulisan 'Urip iku urup' / 'Hirup mah kudu soleh'.", "Oleh-oleh khas daerah.", "Sablon manual rapi."]),
    ],
     "lines": ["Dijahit di workshop kami di {city}.", "Produk UMKM, tiap pembelian bantu penjahit rumahan.",
               "Tersedia S-XXL, size chart di foto 2.", "Bisa custom min 12 pcs."],
     "price": (45_000, 145_000), "cat": "Fashion Pria > Kaos", "hard_n": (1, 2)},
    {"variants": [
        (["Batik Tulis {batik_city} Motif {motif}", "Kain Batik Cap {batik_city} Motif {motif} 2 m"],
         ["Ukuran kain 2 x 1,15 m.", "Proses tulis 2-3 minggu per lembar.", "Pewarna alam (indigo, tingi, jambal)."]),
        (["Kemeja Batik Pria Lengan Panjang {batik_city}", "Kemeja Batik Cap Kombinasi Tulis {motif}"],
         ["Kemeja full furing, kancing batok.", "Cocok untuk kondangan & kantor.", "Size M-XXXL."]),
        (["Outer Batik Wanita Motif {motif}", "Dress Batik Modern {batik_city}"],
         ["Model kekinian, bisa buat ngantor.", "Bahan katun primisima.", "All size fit L."]),
    ],
     "lines": ["Dibuat pengrajin batik {batik_city}.", "Setiap lembar beda sedikit karena handmade.",
               "Bahan primisima halus."],
     "price": (95_000, 1_250_000), "cat": ["Fashion Pria > Batik", "Fashion Wanita > Batik"]},
    {"variants": [
        (["Gamis Syari Ceruty Babydoll Produk {city}", "Gamis Rayon Busui Friendly Lokal"],
         ["LD 110 cm, PJ 140 cm (all size fit XL).", "Busui & wudhu friendly.", "Bahan jatuh, tidak menerawang."]),
        (["Hijab Voal Motif Lasercut UMKM", "Khimar Jersey Premium Jahit Sendiri", "Pashmina Ceruty Jahit Tepi"],
         ["Ukuran 115 x 115 cm.", "Tepi dijahit tepi/lasercut rapi.", "Tegak di dahi, mudah dibentuk."]),
        (["Mukena Katun Rayon Jumbo Adem", "Mukena Bali Motif Lukis"],
         ["Dapat tas kecil.", "Panjang atasan 120 cm, jumbo.", "Bahan adem buat tarawih."]),
    ],
     "lines": ["Dijahit rapi oleh ibu-ibu penjahit {city}.", "Warna sesuai foto, bisa minta video.",
               "Reseller welcome, harga khusus min 3 pcs."],
     "price": (35_000, 285_000), "cat": ["Fashion Muslim > Gamis", "Fashion Muslim > Hijab"]},
    {"variants": [
        (["Sepatu Kulit Asli Handmade Cibaduyut", "Sepatu Pantofel Kulit Sapi Cibaduyut", "Sepatu Boots Kulit Garut Pria"],
         ["Kulit sapi asli dari penyamakan Garut.", "Sol karet dijahit keliling, awet.", "Bisa custom ukuran 38-46."]),
        (["Sneakers Kanvas Lokal {local} Baru", "Sepatu Kanvas Vulkanisir Lokal Hitam Putih"],
         ["Kanvas 12 oz, sol vulkanisir.", "Insole empuk, bisa dicopot.", "Size 37-44."]),
        (["Sandal Kulit Pria Handmade {city}", "Sandal Jepit Kulit Tali Anyam"],
         ["Kulit nabati, makin lama makin bagus.", "Sol anti licin."]),
    ],
     "lines": ["Dibuat per pesanan, PO 5 hari kerja.", "Garansi jahitan 3 bulan.", "Box & dustbag dapat."],
     "hard": ["Baru, bukan second.", "Kualitas ekspor, dipakai buyer Eropa.", "Sepatu lokal rasa import.",
              "Bukan barang thrift, produksi sendiri."],
     "price": (110_000, 650_000), "cat": "Sepatu Pria > Sepatu Formal"},
    {"variants": [
        (["Tas Anyaman Pandan Tasik", "Tas Mendong Anyaman Rajapolah"],
         ["Dianyam manual oleh pengrajin Rajapolah, Tasik.", "Furing kain, ada resleting."]),
        (["Tote Bag Kanvas Sablon Lokal", "Tote Bag Kanvas Custom Nama"],
         ["Kanvas tebal, muat laptop 14 inch.", "Sablon tahan lama."]),
        (["Tas Rotan Bulat Bali Handmade", "Tas Ate Bali Asli"],
         ["Dikirim dari Bali, dibungkus kardus tebal.", "Cocok buat ke pantai."]),
        (["Tas Kulit Tanggulangin Wanita Baru", "Dompet Kulit Pria Tanggulangin"],
         ["Kulit asli dari sentra Tanggulangin, Sidoarjo.", "Jahitan rapi, hardware kuningan."]),
    ],
     "lines": ["Cocok buat oleh-oleh.", "Handmade, produk UMKM.", "Bisa grosir untuk souvenir."],
     "price": (35_000, 450_000), "cat": "Tas Wanita > Tas Tangan"},
    {"variants": [
        (["Jaket Parasut Lokal Waterproof {local}", "Coach Jacket Lokal {city} Sablon"],
         ["Bahan taslan waterproof, furing dormil.", "Ada kantong dalam."]),
        (["Jaket Jeans Lokal Premium Bandung", "Jaket Denim Lokal Raw 14oz"],
         ["Denim 14 oz dari pabrik lokal.", "Warna akan fading sesuai pemakaian."]),
        (["Hoodie Brand Lokal {local} Original", "Hoodie Fleece Polos Tebal Lokal"],
         ["Fleece tebal, hangat buat touring.", "Tali hoodie & rib tebal."]),
        (["Kemeja Flanel Lokal Bandung Baru", "Flanel Kotak Lokal Premium"],
         ["Flanel tebal, tidak gampang berbulu.", "Kancing rapi, jahitan double."]),
    ],
     "lines": ["Produksi konveksi sendiri di {city}.", "Size M-XXL, cek size chart.", "Garansi tukar size 7 hari."],
     "price": (85_000, 395_000), "cat": "Fashion Pria > Jaket & Outerwear", "hard_n": (1, 2)},
    {"variants": [
        (["Kain Tenun Ikat Sumba Asli", "Ulos Batak Tenun Tangan", "Kain Tenun Troso Jepara"],
         ["Ditenun tangan, pengerjaan 1-2 bulan.", "Warna alami, luntur sedikit di cucian pertama."]),
        (["Sarung Tenun Samarinda Sutra", "Sarung Tenun Goyor Pemalang", "Songket Palembang Benang Emas"],
         ["Cocok untuk seserahan.", "Dibuat penenun di kampung kami."]),
    ],
     "lines": ["Langsung dari pengrajin.", "Setiap kain punya cerita motif sendiri.", "Dikemas kotak kado."],
     "price": (175_000, 3_500_000), "cat": "Fashion Wanita > Kain Tradisional"},
    {"variants": [
        (["Setelan Anak Katun Bambu Produksi Sendiri", "Piyama Anak Karakter Lokal Baru"],
         ["Bahan bambu lembut, aman untuk kulit sensitif.", "Karet pinggang lembut."]),
        (["Baju Koko Anak Bordir {city}", "Gamis Anak Bordir Lebaran"],
         ["Bordir komputer rapi.", "Siap buat Lebaran."]),
        (["Rok Tutu Anak Handmade", "Dress Anak Tile Pesta"],
         ["Tile 4 lapis, mekar.", "Cocok buat ulang tahun."]),
    ],
     "lines": ["Untuk usia {age}.", "Dijahit sendiri, kualitas butik harga pasar."],
     "price": (35_000, 175_000), "cat": "Fashion Anak > Setelan"},
    {"variants": [
        (["Sweater Rajut Binong Jati Bandung", "Vest Rajut Knit Lokal Baru"],
         ["Dirajut di sentra rajut Binong Jati.", "Benang kami beli per bal langsung dari pabrik."]),
        (["Cardigan Rajut Handmade {city}", "Kupluk Rajut Tangan Motif Etnik"],
         ["Dirajut tangan, 3 hari per pcs.", "Warna bisa request, PO 7 hari."]),
    ],
     "lines": ["Stok baru tiap minggu.", "Detail rapi, tidak gampang melar."],
     "price": (45_000, 235_000), "cat": "Fashion Wanita > Sweater & Cardigan"},
]


def new_local_umkm(kit: Kit, platform: str):
    tags = ["#brandlokal", "#umkm", "#buatanindonesia", "#banggabuatanindonesia", "#ootd",
            "#produklokal", "#localpride", "#kaoslokal", "#batik"]
    for g in UMKM_GROUPS:
        g.setdefault("hard", NEW_HARD)
    return _from_groups(kit, platform, UMKM_GROUPS, tags, fancy_p=0.08)


# ------------------------------------------------------------------------- new_import_style

IMPORT_HARD = [
    "Barang baru, bukan second / bukan thrift.", "Impor resmi, ada faktur dan label SNI.",
    "Masih segel plastik, hangtag lengkap.", "Kualitas premium grade A, jahitan rapi.",
    "Bukan preloved ya kak, baru semua.", "Import baru langsung dari pabrik, bukan sisa bal.",
    "Bukan barang bekas luar negeri, ini new.", "Produk baru, bukan karungan/bal.",
]
IMPORT_GROUPS = [
    {"variants": [
        (["Blouse Korean Style Wanita Terbaru", "Kemeja Wanita Korean Style Lengan Balon"],
         ["Bahan adem, tidak menerawang.", "Ready 5 warna pastel."]),
        (["Dress Korea Look Premium {size}", "Midi Dress Korean Style Kotak-kotak"],
         ["Ada tali pinggang.", "Panjang 115 cm."]),
        (["Outer Rajut Korean Style Oversize", "Cardigan Korean Style Crop"],
         ["Rajut halus, tidak gatal.", "Kancing mutiara."]),
        (["Rok Plisket Korean Look Mayung", "Celana Kulot Korean Style Highwaist"],
         ["Pinggang karet belakang.", "Plisket permanen, tidak hilang dicuci."]),
    ],
     "lines": ["Model korean look, lagi hits.", "Barang baru, masih dalam plastik.",
               "Impor dari Guangzhou, kami pilih model yang lagi tren.", "All size fit to L.",
               "Foto real pict, no edit berlebihan."],
     "price": (49_000, 189_000), "cat": "Fashion Wanita > Atasan"},
    {"variants": [
        (["Jaket Import Premium Quality NEW {size}", "Windbreaker Import Baru Tag Lengkap"],
         ["Bahan parasut lapis mesh.", "Ada hoodie lipat."]),
        (["Parka Musim Dingin Import Baru - Buat Trip Jepang/Korea", "Jaket Bulu Angsa Import New Ultra Light"],
         ["Cocok buat liburan ke Jepang/Korea pas winter.", "Tahan suhu sampai -5°C.", "Bisa dilipat kecil masuk pouch."]),
        (["Long Coat Wol Import Wanita Baru", "Coat Winter Import Baru Size {size}"],
         ["Wool blend tebal.", "Furing satin, kantong dalam."]),
    ],
     "lines": ["Barang impor baru, belum pernah dipakai.", "Size Asia, pilih 1 size lebih besar."],
     "price": (149_000, 899_000), "cat": "Fashion Pria > Jaket & Outerwear"},
    {"variants": [
        (["Sepatu Sneakers Import BNIB", "Sepatu Running Import Premium (Baru)"],
         ["Sol empuk, ringan dipakai lari.", "Box + kertas + tag lengkap."]),
        (["Sepatu Wanita Import Batam Baru", "Sepatu Boots Import Korea Style New", "Flat Shoes Import Baru Murah"],
         ["Barang Batam, baru semua.", "Hak 3 cm, nyaman dipakai kerja."]),
        (["Sandal Slop Import Baru Empuk", "Sandal Karet Import Model Korea"],
         ["Bahan EVA empuk.", "Anti licin."]),
    ],
     "lines": ["Ready size 36-44.", "Barang impor baru, bukan KW murahan.", "Bisa tukar size selama stok ada."],
     "price": (45_000, 750_000), "cat": "Sepatu Wanita > Sneakers"},
    {"variants": [
        (["Tas Wanita Import Batam Baru", "Tas Bahu Import Model Baguette"],
         ["Bahan kulit sintetis premium.", "Tali panjang bisa dilepas."]),
        (["Tas Selempang Import Korea Fashion", "Sling Bag Import Nylon Korea Style"],
         ["Banyak sekat, muat HP, dompet, powerbank.", "Nylon anti air."]),
        (["Tas Ransel Import Waterproof Laptop 15 inch", "Backpack Import USB Charging Baru"],
         ["Ada port USB.", "Muat laptop 15,6 inch."]),
    ],
     "lines": ["Barang baru, impor resmi.", "Garansi resleting 1 bulan."],
     "price": (49_000, 450_000), "cat": "Tas Wanita > Tas Bahu"},
    {"variants": [
        (["Kemeja Pria Bahan Import Dijahit Lokal", "Celana Bahan Import Formal Slim Fit"],
         ["Kain impor dari Korea, dijahit penjahit kami di {city}.", "Anti kusut."]),
        (["Gamis Bahan Import Korean Silk", "Setelan Kulot Bahan Import Premium"],
         ["Bahan jatuh, adem.", "Dijahit per batch, tersedia S-XXL."]),
    ],
     "lines": ["Baru, jahitan rapi.", "Bahan impor, produksi dalam negeri."],
     "price": (89_000, 329_000), "cat": "Fashion Wanita > Setelan"},
    {"variants": [
        (["Dress Bangkok Import Pratunam Baru", "Setelan Bangkok Import Premium"],
         ["Dibawa langsung dari Pratunam, barang baru.", "Bahan rayon adem."]),
        (["Kaos Import Bangkok Motif Gajah", "Celana Pantai Thailand Import Baru"],
         ["Cocok buat ke pantai.", "Motif gajah khas Thailand."]),
    ],
     "lines": ["Grosir bisa, tanya admin.", "Ready banyak warna."],
     "price": (35_000, 219_000), "cat": "Fashion Wanita > Dress"},
    {"variants": [
        (["Uniqlo AIRism Kaos Original Baru", "Uniqlo Ultra Light Down Baru Tag Lengkap"],
         ["Dibeli di Uniqlo Indonesia, struk ada.", "Salah beli size, jadi dijual lagi."]),
        (["Jaket Columbia Original New With Tag", "Levi's 501 Original Baru Store Indonesia"],
         ["Dari official store, garansi resmi.", "100% original, boleh dicek."]),
        (["Adidas Samba Original BNIB", "Nike Air Force 1 Original BNIB"],
         ["Beli di store resmi, ada nota.", "Belum pernah dicoba di luar."]),
    ],
     "lines": ["Baru, belum pernah dipakai.", "Harga di bawah harga toko."],
     "hard": ["Barang baru, bukan second / bukan thrift.", "Bukan preloved ya kak, baru semua.",
              "BNIB / BNWT.", "Bukan barang bekas luar negeri, ini new."],
     "price": (149_000, 1_900_000), "cat": "Fashion Pria > Kaos"},
    {"variants": [
        (["PO Import China 10-14 Hari Cardigan", "PO Import Kemeja Oversize Batch {n}"],
         ["PO 10-14 hari kerja dari gudang Guangzhou.", "DP 50% saat order."]),
        (["Ready Stock Import Jakarta - Kemeja Oversize", "Blazer Import Wanita Baru Premium"],
         ["Barang ready di Jakarta, kirim hari ini.", "Quality control sebelum kirim."]),
        (["Import Premium Korea Knitwear NEW", "Knit Vest Import Korea Baru"],
         ["Rajut halus dari pabrik Dongdaemun.", "Impor legal, pajak dibayar."]),
    ],
     "lines": ["Barang baru.", "Stok terbatas tiap batch."],
     "price": (79_000, 349_000), "cat": "Fashion Wanita > Outerwear"},
    {"variants": [
        (["Kimono Outer Japan Style Motif Sakura", "Yukata Jepang Baru Motif Bunga"],
         ["Cocok buat photoshoot & event jejepangan.", "Ada obi/sabuk."]),
        (["Hanbok Modern Korea Baru untuk Foto", "Hanbok Anak Import Baru"],
         ["Cocok buat foto studio & sewa.", "Rok mekar dua lapis."]),
        (["Celana Kulot Japanese Style Linen", "Kemeja Linen Japan Style Oversize"],
         ["Bahan katun linen adem.", "Gaya minimalis ala Jepang."]),
    ],
     "lines": ["Barang baru.", "Impor, bukan bekas."],
     "price": (89_000, 650_000), "cat": "Fashion Wanita > Outerwear"},
]


def new_import_style(kit: Kit, platform: str):
    tags = ["#koreanstyle", "#importmurah", "#bajuimport", "#koreanlook", "#ootdindo",
            "#fashionimport", "#barangbatam", "#ready", "#newarrival"]
    for g in IMPORT_GROUPS:
        g.setdefault("hard", IMPORT_HARD)
        g.setdefault("hard_n", (1, 2))
    return _from_groups(kit, platform, IMPORT_GROUPS, tags, fancy_p=0.1)


# ------------------------------------------------------------------------ personal_preloved

PRELOVED_HARD = [
    "Bukan thrift import ya, ini baju pribadi.", "Preloved pribadi, bukan barang reseller.",
    "Dijual karena beres-beres lemari.", "Pindahan rumah, jadi banyak yang dilepas.",
    "Smoke free, pet free home.", "Harga nett, sudah murah banget.", "Barang pribadi, pemakaian wajar.",
]
PRELOVED_GROUPS = [
    {"variants": [
        (["Preloved {item} {brand_here} Size {size}", "{Item} preloved {brand_here} beli di store resmi",
          "Declutter lemari: {item} {brand_here}"],
         ["Beli di store {brand_here} {mall} tahun {year}.", "Nota pembelian masih ada.",
          "Beli baru dulu {orig_price}, sekarang lepas murah."]),
        (["Preloved {Item} {local} Ori Pemakaian Pribadi", "jual {item} pribadi preloved {size}",
          "Preloved Mulus {Item} {local}"],
         ["Beli di official store {local}.", "Dipakai {n}x saja.", "Masih ada tag cadangan."]),
    ],
     "lines": ["{measure}.", "Kondisi masih bagus, ada foto detail.", "Sudah dicuci, wangi."],
     "price": (35_000, 350_000), "cat": "Fashion Wanita > Lainnya", "kinds": ("top", "outer", "dress", "bottom"),
     "slots": {"orig_price": ["499rb", "399k", "Rp 599.000", "329rb", "799rb"]}},
    {"variants": [
        (["Paket Baju Bayi Bekas Anakku {pcs_small} pcs", "Preloved baju anak {age} (isi {pcs_small} pcs)"],
         ["Bekas anak sendiri, udah nggak muat.", "Ambil semua lebih murah."]),
        (["Baju Anak Bekas Usia {age} Layak Pakai", "Jual baju bekas anak, udah kekecilan"],
         ["Anaknya tumbuh cepet banget 😅", "Ada 2 yang ada noda kecil, sisanya mulus."]),
    ],
     "lines": ["Merk campur: Carter's, Mothercare, Little Palmerhaus (beli di mall).", "Untuk usia {age}.",
               "Lokasi {city}, bisa COD."],
     "price": (35_000, 175_000), "cat": "Ibu & Bayi > Pakaian Bayi",
     "slots": {"pcs_small": ["5", "8", "10", "12", "15", "20"]}},
    {"variants": [
        (["Seragam SD Bekas Layak Pakai", "Seragam Pramuka Bekas Anak"],
         ["Bekas dipakai anak saya 1 tahun.", "Cocok buat adik-adik yang baru masuk."]),
        (["Seragam SMA Putih Abu Bekas Ukuran {size}", "Baju PDH Bekas Masih Bagus"],
         ["Anaknya sudah lulus.", "Masih putih, tidak kuning."]),
        (["Jaket Almamater {uni} Bekas", "Jas Almamater {uni} Bekas Wisuda"],
         ["Sudah lulus, jaket nganggur.", "Logo bordir masih bagus."]),
    ],
     "lines": ["Ukuran {size}.", "Jahitan aman semua."],
     "price": (15_000, 95_000), "cat": "Fashion Anak > Seragam",
     "slots": {"uni": ["UI", "UGM", "ITB", "Unpad", "Undip", "Unair", "UNS", "Unhas", "UB"]}},
    {"variants": [
        (["Kebaya Wisuda Bekas 1x Pakai", "Kebaya Brokat Preloved Size {size}"],
         ["Dipakai sekali waktu wisuda {year}.", "Dijahit di penjahit langganan di {city}."]),
        (["Gaun Pengantin Preloved Jahit Bandung", "Gaun Pesta Bekas Sekali Pakai"],
         ["Dipakai resepsi saya sendiri.", "Ada payet lepas 2 biji, tidak kelihatan."]),
        (["Beskap Nikah Bekas Pribadi", "Jas Pengantin Pria Bekas 1x Pakai"],
         ["Dipakai akad saja.", "Jahit di {city}, bahan wol lokal."]),
    ],
     "lines": ["Sudah dry clean.", "Bisa dipermak lagi."],
     "price": (150_000, 1_500_000), "cat": "Fashion Wanita > Kebaya"},
    {"variants": [
        (["Sepatu Lari Bekas Pribadi {brand_here} Size {shoe}", "Preloved Sneakers {brand_here} Size {shoe} Beli di {store}"],
         ["Beli di {store}, nota masih ada.", "Dipakai lari sekitar 150 km.", "Kekecilan, kaki saya ternyata 43."]),
        (["Sepatu {local} Bekas Pakai Sendiri", "Sepatu futsal bekas ukuran {shoe}"],
         ["Sol masih bagus.", "Dijual karena sudah beli yang baru."]),
    ],
     "lines": ["Box masih ada.", "Sudah dicuci."],
     "price": (95_000, 850_000), "cat": "Sepatu Pria > Sepatu Olahraga",
     "slots": {"store": ["Sports Station", "Planet Sports", "Foot Locker PIM", "official store Tokopedia",
                         "JD Sports", "store resmi di mall"]}},
    {"variants": [
        (["Hijab Preloved Murah", "Jilbab preloved ambil semua"],
         ["Dipakai beberapa kali.", "Ambil semua 10 pcs lebih murah."]),
        (["Mukena Bekas Pakai Sendiri Masih Bagus", "Preloved Gamis {local} Pribadi"],
         ["Beli di official store {local}.", "Warna belum pudar."]),
    ],
     "lines": ["Pribadi, bukan reseller.", "Sudah dicuci bersih."],
     "price": (20_000, 225_000), "cat": "Fashion Muslim > Hijab"},
    {"variants": [
        (["Dijual baju bekas layak pakai, pindahan", "Obral isi lemari, baju bekas pribadi"],
         ["Pindahan ke luar kota, ga bisa bawa semua.", "Baju-baju saya dan suami, beli di Matahari & Ramayana."]),
        (["Borongan baju bekas pribadi 1 kardus", "Baju bekas layak pakai ambil semua"],
         ["Isi kaos, kemeja kerja, celana bahan.", "Ambil semua {price_all}."]),
    ],
     "lines": ["COD daerah {city}.", "Yang serius aja."],
     "price": (50_000, 350_000), "cat": "Fashion Pria > Lainnya",
     "slots": {"price_all": ["150rb", "200rb", "250k", "Rp 300.000"]}, "shop_p": 0.2},
    {"variants": [
        (["#preloved {item} {local} size {size}", "PRELOVED SALE 🌸 {item} {brand_here}"],
         ["Preloved punyaku sendiri ya gaes.", "Pemakaian 2-3x."]),
        (["spill lemari: {item} {brand_here} preloved", "Preloved {item} ootd (pribadi)"],
         ["Beli di {store} {mall}.", "Kondisi 95%."]),
    ],
     "lines": ["Free ongkir area {city}.", "Ga nerima tukar."],
     "price": (30_000, 250_000), "cat": "Fashion Wanita > Atasan", "kinds": ("top", "outer", "dress", "bottom"),
     "slots": {"store": ["Uniqlo", "H&M", "Zara", "Pull&Bear", "Cotton On", "Matahari", "Mango"]}},
    {"variants": [
        (["Jaket Ojol Bekas Masih Bagus", "Rompi Kerja Bekas (Proyek)"],
         ["Bekas pakai sendiri 2 tahun.", "Dijual karena sudah dapat yang baru."]),
        (["Jaket Touring Bekas Pribadi {local}", "Jaket Kulit Bekas Pemakaian Pribadi"],
         ["Beli di toko resmi {local} di {city}.", "Resleting aman, tidak ada sobek."]),
    ],
     "lines": ["Ukuran {size}.", "Kondisi wajar pemakaian."], "kinds": ("outer",),
     "price": (50_000, 450_000), "cat": "Fashion Pria > Jaket & Outerwear"},
]


def personal_preloved(kit: Kit, platform: str):
    tags = ["#preloved", "#prelovedmurah", "#prelovedjakarta", "#thriftshop", "#declutter",
            "#jualbajubekas", "#prelovedbranded", "#bajubekas", "#spilllemari", "#secondhand"]
    for g in PRELOVED_GROUPS:
        g.setdefault("hard", PRELOVED_HARD)
    return _from_groups(kit, platform, PRELOVED_GROUPS, tags)


# ------------------------------------------------------------------------ used_non_clothing

USED_GROUPS = [
    {"variants": [
        (["{hp} Second Mulus", "{hp} Bekas Fullset Normal", "HP Second {hp} Bergaransi Toko"],
         ["Battery health {bh}%.", "Fullset dus, charger ori.", "Lecet pemakaian wajar di frame."]),
        (["{hp} ex iBox second", "jual {hp} bekas pemakaian pribadi"],
         ["IMEI terdaftar resmi.", "Face ID / fingerprint aman.", "Bisa tukar tambah."]),
    ],
     "lines": ["Garansi toko 7 hari.", "COD {city}."],
     "price": (1_200_000, 9_500_000), "cat": "Handphone & Tablet > Handphone",
     "slots": {"bh": ["78", "82", "85", "88", "91", "100"]}},
    {"variants": [
        (["Honda Beat {year} Bekas Pajak Hidup", "Vario 125 Bekas Tangan Pertama", "Scoopy Second {year} Plat {plate}"],
         ["Servis rutin di AHASS.", "Km {km}."]),
        (["Yamaha NMAX Second {year} Mulus", "Motor Bekas Supra X 125 {year}"],
         ["Mesin halus, tidak ngebul.", "Ban baru ganti bulan lalu."]),
    ],
     "lines": ["Surat lengkap BPKB STNK.", "Pajak hidup sampai {year2}.", "Bisa cek fisik di rumah, {city}."],
     "price": (7_500_000, 28_000_000), "cat": "Otomotif > Motor",
     "slots": {"plate": ["D", "B", "AB", "L", "H", "BK", "DD"], "year2": ["2026", "2027"]}},
    {"variants": [
        (["Laptop ThinkPad T480 Second Ex Kantor", "Dell Latitude second bergaransi"],
         ["Ex kantor, unit terawat.", "RAM 16 GB, SSD 256 GB."]),
        (["MacBook Air M1 Bekas Mulus", "Laptop Asus Second Core i5", "Laptop Bekas Lenovo Murah Buat Kuliah"],
         ["Cycle count 120.", "Baterai masih 3 jam.", "Ada dus & charger."]),
    ],
     "lines": ["Garansi toko 1 bulan.", "Bisa COD cek dulu."],
     "price": (2_100_000, 11_000_000), "cat": "Komputer & Laptop > Laptop"},
    {"variants": [
        (["Lemari Pakaian Bekas 3 Pintu", "Rak Buku Bekas IKEA"], ["Bisa dibongkar pasang.", "Ada lecet sedikit."], (250_000, 1_500_000)),
        (["Sofa Bekas L Shape Masih Bagus", "Kasur Spring Bed Bekas 160x200"], ["Tidak ada noda besar.", "Pernya masih kuat."], (500_000, 3_500_000)),
        (["Meja Makan Kayu Jati Bekas"], ["Kayu jati asli, berat.", "6 kursi."], (1_500_000, 6_000_000)),
    ],
     "lines": ["Pindahan, harus cepat laku.", "Ambil sendiri di {city}.", "Bisa bantu angkut ke pick up."],
     "price": (250_000, 4_500_000), "cat": "Rumah Tangga > Furnitur", "shop_p": 0.3},
    {"variants": [
        (["Buku Bekas Kuliah Akuntansi", "Buku bekas UTBK lengkap"], ["Ada coretan stabilo sedikit.", "Dijual karena sudah lulus."], (25_000, 150_000)),
        (["Novel Bekas Paket 10 Buku", "Buku Second Tere Liye Lengkap"], ["Kertas mulai menguning, wajar.", "Lengkap tidak ada halaman hilang."], (50_000, 350_000)),
        (["Komik bekas One Piece vol 1-50"], ["Segel sudah dibuka, dibaca sekali.", "Sampul ada yang lecek."], (300_000, 1_200_000)),
    ],
     "lines": ["Ongkir dari {city}.", "Kondisi buku bekas."],
     "price": (15_000, 750_000), "cat": "Buku > Buku Bekas"},
    {"variants": [
        (["Kamera Mirrorless Sony A6000 Second", "GoPro Hero 9 Second Fullset"],
         ["Shutter count {sc}.", "Bonus tas & memori 64 GB."]),
        (["Lensa Canon 50mm Bekas", "Kamera Analog Bekas Nikon FM2"],
         ["Lensa bersih, no jamur no haze.", "Sudah diservis, normal semua."]),
    ],
     "lines": ["Bisa COD cek dulu.", "Bekas pakai sendiri."],
     "price": (650_000, 7_500_000), "cat": "Kamera > Kamera Mirrorless",
     "slots": {"sc": ["8rb", "12rb", "20rb", "35rb"]}},
    {"variants": [
        (["Mesin Jahit Bekas Juki High Speed", "Mesin Obras Bekas Siruba"],
         ["Bekas konveksi, masih normal dipakai.", "Dinamo servo hemat listrik."], (1_200_000, 4_500_000)),
        (["Mesin Jahit Portable Bekas Singer"], ["Cocok buat jahit rumahan.", "Ada pedal & buku manual."], (400_000, 1_200_000)),
        (["Mesin Bordir Bekas Tajima 1 Kepala"], ["Bekas usaha bordir, masih jalan.", "Kepala mesin sudah servis."], (25_000_000, 60_000_000)),
    ],
     "lines": ["Sudah diservis & diminyaki.", "Bisa lihat langsung di {city}."],
     "price": (650_000, 35_000_000), "cat": "Perlengkapan Usaha > Mesin Jahit"},
    {"variants": [
        (["Rak Gantungan Baju Bekas Toko (Tutup Usaha)", "Etalase Kaca Bekas Toko Baju"],
         ["Bekas toko baju kami yang tutup.", "Rak besi kokoh, bisa dibongkar pasang."], (150_000, 2_500_000)),
        (["Manekin Bekas Butik Murah", "Hanger Kayu Bekas Toko 200 pcs"],
         ["Cocok buat yang mau buka butik/distro.", "Manekin fiber, ada lecet sedikit."], (50_000, 600_000)),
        (["Timbangan Duduk 150 kg Bekas"], ["Masih akurat, baru ditera.", "Bekas toko beras."], (350_000, 900_000)),
    ],
     "lines": ["Yang dijual perlengkapannya saja.", "Ambil di tempat, {city}."],
     "price": (75_000, 3_500_000), "cat": "Perlengkapan Usaha > Display", "shop_p": 0.4},
    {"variants": [
        (["Karung Bekas Terigu Bersih 50 Lembar", "Jual karung bekas beras 25 kg (ex pabrik lokal)"],
         ["Karung bekas dari pabrik roti di {city}, bukan karung impor.", "Harga per ikat isi 50."], (25_000, 150_000)),
        (["Karung Bekas Gula Lokal per Ikat"], ["Bekas gula pasir dari PG di Jawa Timur.", "Masih kuat buat gabah."], (25_000, 150_000)),
        (["Kardus Bekas per kg Ex Minimarket", "Drum Plastik Bekas 200 Liter"],
         ["Dikumpulkan dari toko-toko sekitar.", "Drum bekas sabun cair, sudah dicuci."], (2_000, 250_000)),
    ],
     "lines": ["Cocok buat wadah pasir / sampah / gabah.", "Bisa antar pakai pick up area {city}."],
     "price": (15_000, 350_000), "cat": "Perlengkapan Usaha > Kemasan", "shop_p": 0.3},
    {"variants": [
        (["Stroller Bayi Bekas Pliko", "Sepeda Lipat Bekas Element"], ["Roda lancar.", "Bekas pakai sendiri."], (350_000, 2_500_000)),
        (["Kulkas 2 Pintu Bekas Sharp", "AC 1/2 PK Bekas Normal", "TV LED 43 inch Second"],
         ["Dingin normal.", "Dijual karena upgrade."], (900_000, 4_000_000)),
        (["PS4 Slim Second + 2 Stik", "Gitar Akustik Yamaha Bekas"], ["Dus masih ada.", "Senar baru diganti."], (600_000, 3_500_000)),
    ],
     "lines": ["Normal semua fungsi.", "COD {city}."],
     "price": (350_000, 4_500_000), "cat": "Elektronik > Lainnya"},
    {"variants": [
        (["Thrift Perabot: Piring Jadul Enamel", "Barang Thrift Rumah Tangga Antik"],
         ["Hasil berburu di pasar loak {city}.", "Cocok buat dekorasi kafe."], (25_000, 300_000)),
        (["Koleksi Vintage Kaset Pita Bekas", "Radio Jadul Vintage Bekas"], ["Masih bunyi semua.", "Barang lama, ada karat sedikit."]),
        (["Mainan Bekas Lego Kiloan", "Hot Wheels Bekas Lepasan"], ["Lego campur, dijual per kg.", "Ada yang catnya mengelupas."]),
    ],
     "lines": ["Barang bekas, kondisi sesuai foto.", "Kirim dari {city}."],
     "price": (25_000, 650_000), "cat": "Hobi & Koleksi > Barang Antik"},
]


def used_non_clothing(kit: Kit, platform: str):
    tags = ["#secondhand", "#bekas", "#second", "#jualbekas", "#cod", "#murah", "#barangbekas",
            "#thrifting", "#vintage", "#preloved"]
    return _from_groups(kit, platform, USED_GROUPS, tags)


# ------------------------------------------------------------------------- innocent_trigger

INNOCENT_GROUPS = [
    {"variants": [
        (["Bola Sepak Size 5 Mitre Original", "Soccer Ball Nike Strike New", "Bola Kaki Anak Karet Murah per Lusin"],
         ["Dikirim kempes, pentil & jarum bonus.", "Grosir bola untuk SSB, tanya harga lusin."], (35_000, 450_000)),
        (["Ball Futsal Specs Size 4 Baru", "Bola Futsal Ortuseight Baru"], ["Pantulan rendah, standar futsal.", "Ball ini dipakai liga kampus."], (75_000, 450_000)),
        (["Bola Voli Mikasa MVA 200", "Bola Basket Molten GG7X"], ["Grip enak.", "Cocok buat latihan & turnamen."], (150_000, 1_150_000)),
    ],
     "lines": ["Bola original, ada hologram.", "Cocok buat latihan & sparing."],
     "price": (25_000, 1_150_000), "cat": "Olahraga & Outdoor > Bola"},
    {"variants": [
        (["Karung Goni Baru 60x100", "Karung Plastik Baru 50 kg per Bal isi 100"],
         ["1 bal isi 100 lembar.", "Produksi pabrik karung di {city}."], (150_000, 450_000)),
        (["Karung Lomba Balap Karung 17an", "Karung Balap Karung Anak isi 10"],
         ["Cocok buat lomba 17 Agustus.", "Bisa sablon nama RT."], (35_000, 150_000)),
        (["Tas Karung Goni Custom Sablon", "Tote Bag Goni Souvenir"], ["Tas dari karung goni baru, dijahit rapi.", "Cocok buat souvenir."], (12_000, 45_000)),
    ],
     "lines": ["Karung baru, belum pernah dipakai.", "Harga grosir untuk jumlah banyak."],
     "price": (4_000, 450_000), "cat": "Perlengkapan Usaha > Kemasan"},
    {"variants": [
        (["Beras Pandan Wangi Cianjur per Karung 25 kg", "Beras Premium 50 kg Karungan"], ["Beras baru panen, pulen.", "Harga per karung."]),
        (["Pupuk NPK Mutiara per Karung 50 kg", "Dedak Padi Halus per Karung"], ["Pupuk asli, segel pabrik.", "Untuk sawah & kebun."]),
        (["Pakan Ayam Petelur per Karung", "Pakan Lele Apung per Karung 30 kg"], ["Pakan grade A, protein 18%.", "Expired masih lama."]),
        (["Gula Pasir per Karung 50 kg"], ["Gula lokal PTPN.", "Cocok buat usaha kue."]),
    ],
     "lines": ["Bisa kirim pakai truk ke toko.", "Stok gudang {city}."],
     "price": (115_000, 850_000), "cat": "Makanan & Minuman > Bahan Pokok"},
    {"variants": [
        (["Laundry Kiloan Express 6 Jam", "Laundry Kiloan Rp 7rb/kg Wangi"], ["Harga per kg, minimal 3 kg.", "Selesai 1 hari, express 6 jam."]),
        (["Jasa Laundry Kiloan Antar Jemput {city}", "Cuci Setrika Kiloan Kos Mahasiswa"],
         ["Antar jemput gratis radius 3 km.", "Pakaian dipisah per pelanggan, tidak dicampur."]),
    ],
     "lines": ["Pakai deterjen & pewangi premium.", "Buka tiap hari 07.00-21.00."],
     "price": (6_000, 15_000), "cat": "Jasa > Laundry"},
    {"variants": [
        (["Cakar Ayam Frozen 1 kg", "Ceker Ayam / Cakar Ayam Bersih per kg"],
         ["Cakar ayam sudah dibersihkan & potong kuku.", "Frozen, dikirim pakai ice gel."]),
        (["Cakar Ayam Pedas Siap Saji", "Kaldu Cakar Ayam Homemade"], ["Enak buat teman nasi.", "Tanpa pengawet."]),
    ],
     "lines": ["Halal, dari RPH resmi.", "Harga per kg."],
     "price": (22_000, 65_000), "cat": "Makanan & Minuman > Daging"},
    {"variants": [
        (["Diecast Ferrari Monza SP1 1:18", "Diecast F1 Edisi GP Monza"], ["Diecast baru dalam box.", "Cocok buat kolektor F1."], (150_000, 3_500_000)),
        (["Poster Sirkuit Monza Vintage", "Puzzle Sirkuit Monza 1000 pcs"], ["Cetak art paper A2.", "Gambar layout sirkuit Monza, Italia."], (45_000, 250_000)),
    ],
     "lines": ["Barang baru.", "Kirim dari {city}."],
     "price": (45_000, 3_500_000), "cat": "Hobi & Koleksi > Diecast"},
    {"variants": [
        (["Cimol Frozen Isi 50 Pcs", "Cimol Isi Keju Siap Goreng 1 kg"], ["Cimol khas Bandung, tinggal goreng.", "Tahan 3 bulan di freezer."], (18_000, 65_000)),
        (["Paket Usaha Cimol Bojot Garut", "Paket Usaha Cimol + Gerobak"],
         ["Paket usaha: 5 kg cimol, bumbu, plastik, banner.", "Untung bisa 100% per porsi."], (350_000, 2_500_000)),
        (["Bumbu Tabur Cimol per kg"], ["Rasa balado, keju, jagung bakar.", "Harga per kg."], (35_000, 120_000)),
    ],
     "lines": ["Halal.", "Dikirim pakai styrofoam + es batu."],
     "price": (18_000, 2_500_000), "cat": "Makanan & Minuman > Makanan Beku"},
    {"variants": [
        (["Benang Katun 1 Bal untuk Konveksi", "Benang Rajut per Bal Isi 10 Gulung"],
         ["1 bal isi 10 cone benang.", "Benang 20s untuk rajut & konveksi."]),
        (["Kapas Ball 1 kg Isi Boneka", "Dakron Bal Isi Bantal"], ["Kapas dakron isi bantal & boneka.", "Putih bersih, baru."]),
        (["Jerami Padi Bal Pakan Sapi"], ["Jerami dipres per bal ±20 kg.", "Kering, tidak berjamur."]),
        (["Kain Katun Baru 1 Bal (Roll) dari Pabrik"], ["Kain baru grade A langsung dari pabrik tekstil Majalaya.", "1 bal isi 4 roll."]),
    ],
     "lines": ["Harga per bal.", "Kirim dari {city}."],
     "price": (35_000, 1_850_000), "cat": "Perlengkapan Usaha > Bahan Jahit"},
    {"variants": [
        (["Bal Kardus Bekas Press untuk Daur Ulang", "Plastik PET Bal Press Bersih per kg"],
         ["Untuk pengepul rongsok & bank sampah.", "Botol PET sudah dipres per bal, siap ke pabrik daur ulang."], (2_000, 6_000)),
        (["Mesin Ballpress Hidrolik Kardus & Plastik", "Mesin Press Bal Kertas 10 Ton"],
         ["Mesin press hidrolik 10 ton, baru.", "Garansi 1 tahun, bisa kirim teknisi."], (25_000_000, 85_000_000)),
    ],
     "lines": ["Harga tergantung berat & kebersihan.", "Lokasi {city}."],
     "price": (3_000, 85_000_000), "cat": "Perlengkapan Usaha > Mesin"},
    {"variants": [
        (["Ball Gown Pesta Baru Premium", "Gaun Ball Gown Wedding Baru Ekor Panjang"],
         ["Ball gown mekar pakai tile 6 lapis.", "Jahit sendiri di butik kami."], (450_000, 4_500_000), "Fashion Wanita > Gaun Pesta"),
        (["Sepatu Bola Anak Baru Size 30-35", "Sepatu Bola Specs Baru Original"],
         ["Sol karet, buat lapangan sintetis.", "Box & tag lengkap."], (95_000, 850_000), "Sepatu Pria > Sepatu Olahraga"),
        (["Jersey Bola Timnas Indonesia Baru", "Kaos Kaki Bola Panjang per Lusin"],
         ["Jersey baru, tag resmi.", "Warna lengkap."], (25_000, 750_000), "Olahraga & Outdoor > Jersey"),
    ],
     "lines": ["Barang baru.", "Ready stock."],
     "price": (25_000, 4_500_000), "cat": "Fashion Wanita > Gaun Pesta"},
    {"variants": [
        (["Telur Ayam Grade A per Peti", "Apel Fuji Grade A per kg"], ["Grade A, ukuran besar seragam.", "Harga per kg."], (28_000, 480_000)),
        (["Sarang Walet Grade A Mangkok", "Kopi Gayo Grade 1 Biji Sangrai"], ["Sortiran terbaik, bukan kelas dua.", "Stok terbatas."], (75_000, 2_500_000)),
        (["Kayu Jati Grade A Papan 2 m"], ["Jati perhutani, kering oven.", "Harga per lembar."], (250_000, 1_500_000)),
        (["Daging Wagyu A5 Import Jepang"], ["Import Jepang, sertifikat halal ada.", "Frozen vakum."], (850_000, 4_500_000)),
    ],
     "lines": ["Dikirim dari {city}."],
     "price": (25_000, 4_500_000), "cat": "Makanan & Minuman > Buah & Sayur"},
    {"variants": [
        (["Bawang Putih Import China per Karung 20 kg", "Bawang Bombay Import per Karung"],
         ["Per karung ±20 kg.", "Grade A besar, grade B sedang."]),
        (["Kentang Import Grade A per Karung", "Jeruk Mandarin Import per Dus"], ["Stok import, harga grosir.", "Segar, baru bongkar."]),
        (["Daging Sapi Import Australia per kg"], ["Frozen, potongan sesuai request.", "Harga per kg."]),
    ],
     "lines": ["Cocok buat rumah makan & katering.", "Kirim dari gudang {city}."],
     "price": (45_000, 850_000), "cat": "Makanan & Minuman > Bahan Pokok"},
    {"variants": [
        (["Kain Perca Kiloan Sisa Konveksi", "Kain Majun Kiloan untuk Bengkel"],
         ["Perca dari konveksi sendiri, kain baru potongan.", "Majun buat lap oli & mesin."]),
        (["Permen Kiloan Campur", "Keripik Singkong Kiloan Pedas"], ["Rasa campur.", "Cocok buat hajatan."]),
        (["Besi Tua Kiloan"], ["Harga ikut pasaran.", "Bisa ambil ke lokasi."]),
    ],
     "lines": ["Harga per kg.", "Min order 5 kg."],
     "price": (5_000, 65_000), "cat": "Perlengkapan Usaha > Lainnya"},
    {"variants": [
        (["Hanger Kayu untuk Butik / Thrift Shop isi 50", "Rak Display Baju Baru untuk Toko Thrift & Distro"],
         ["Cocok untuk butik, distro, thrift shop.", "Barang baru, produksi sendiri."]),
        (["Label Hangtag Custom Brand Clothing", "Plastik Zipper Packing Baju per Pack"],
         ["Bisa cetak logo toko.", "Harga per pack isi 100."]),
    ],
     "lines": ["Kirim dari {city}."],
     "price": (15_000, 850_000), "cat": "Perlengkapan Usaha > Display"},
    {"variants": [
        (["Kepala Ikan Salmon per kg", "Kepala Kakap Merah Segar"], ["Cocok buat gulai kepala ikan.", "Segar dari TPI {city}."]),
        (["Badan Ikan Tongkol per kg", "Kaki Naga Frozen Isi 20"], ["Frozen vakum.", "Siap goreng."]),
    ],
     "lines": ["Harga per kg."],
     "price": (20_000, 95_000), "cat": "Makanan & Minuman > Seafood"},
]


def innocent_trigger(kit: Kit, platform: str):
    tags = ["#murah", "#grosir", "#ready", "#promo", "#umkm", "#kuliner", "#olahraga", "#jualan"]
    return _from_groups(kit, platform, INNOCENT_GROUPS, tags)


# ----------------------------------------------------------------------------- wholesale_new

WHOLESALE_HARD = [
    "Barang baru semua, bukan bal / bukan bekas.", "Pengiriman cargo dipacking karung biar aman.",
    "Bisa kirim per koli ke luar pulau.", "Paket usaha cocok buat reseller pemula.",
    "Harga grosir mulai 1 lusin.", "Kualitas grade A (jahitan rapi), grade B ada cacat kecil.",
]
WHOLESALE_GROUPS = [
    {"variants": [
        (["Grosir Kaos Polos per Lusin Cotton Combed", "Kaos Polos Grosir Murah 1 Lusin"],
         ["Harga per lusin (12 pcs).", "Warna pilih sendiri min 1 lusin per warna."]),
        (["Grosir Kaos Oblong Anak per Lusin", "Kaos Polos Reseller Harga Pabrik"], ["Size S-XXL / anak 1-10 th.", "Bisa sablon sekalian."]),
    ],
     "lines": ["Produksi pabrik kami di {city}."],
     "price": (180_000, 650_000), "cat": "Fashion Pria > Kaos"},
    {"variants": [
        (["Grosir Gamis per Kodi Tanah Abang", "Grosir Mukena per Kodi Murah", "Gamis Anak Grosir per Kodi", "Tunik Grosir Kodian Tanah Abang"], ["1 kodi = 20 pcs.", "Ambil langsung di Blok A Tanah Abang."]),
        (["Daster Rayon Grosir per Kodi", "Baju Koko Grosir per Kodi"], ["Motif campur, warna cerah.", "Barang baru dari konveksi Pekalongan."]),
    ],
     "lines": ["Bisa kirim cargo ke luar Jawa."],
     "price": (450_000, 2_800_000), "cat": "Fashion Muslim > Gamis"},
    {"variants": [
        (["Paket Usaha Reseller Baju Anak Baru 50 pcs", "Paket Reseller Kaos Distro Baru 100 pcs"],
         ["Isi random motif, size lengkap.", "Tidak bisa pilih motif karena paket."]),
        (["Paket Usaha Jualan Daster Modal 1 Juta", "Paket Reseller Hijab Instan Baru"],
         ["Bonus banner & plastik packing.", "Modal kecil, bisa jual lagi 2x harga."]),
    ],
     "lines": ["Paket usaha untuk pemula, barang baru dari konveksi."],
     "price": (650_000, 3_500_000), "cat": "Perlengkapan Usaha"},
    {"variants": [
        (["Grosir Baju Import Baru per Seri (Guangzhou)", "Seri Dress Import Baru 4 Warna"],
         ["1 seri = 4 pcs (4 warna).", "Datang tiap Senin dari Guangzhou."]),
        (["Grosir Blouse Import Korea Style per Seri", "Grosir Jaket Import Baru per Koli"],
         ["Pengiriman per koli via cargo.", "Ada faktur pajak."]),
    ],
     "lines": ["Barang impor baru, resmi, bukan bal thrift."],
     "price": (180_000, 4_500_000), "cat": "Fashion Wanita > Atasan"},
    {"variants": [
        (["Konveksi Seragam Kantor Terima Pesanan", "Konveksi Kemeja PDH Murah {city}"],
         ["Bahan pilihan: drill, american drill, toyobo.", "Bisa bordir logo."]),
        (["Konveksi Kaos Komunitas Min 24 pcs", "Jasa Konveksi Jaket Angkatan"], ["Gratis desain.", "Bisa sablon & bordir."]),
    ],
     "lines": ["Minimal order 2 lusin.", "Pengerjaan 14 hari kerja."],
     "price": (55_000, 250_000), "cat": "Jasa > Konveksi"},
    {"variants": [
        (["Kaos Kaki Grosir per Lusin", "Celana Dalam Pria Grosir per Lusin", "Grosir Kaos Dalam Anak per Lusin", "Kaos Kaki Sekolah Grosir 1 Lusin"], ["Isi warna campur.", "Cocok buat warung & toko kelontong."]),
        (["Sandal Jepit Grosir per Kodi", "Topi Polos Grosir per Lusin"], ["Ukuran lengkap.", "Bisa bordir logo."]),
    ],
     "lines": ["Barang baru.", "Stok banyak di gudang {city}."],
     "price": (35_000, 420_000), "cat": "Fashion Pria > Aksesoris"},
    {"variants": [
        (["Grosir Celana Jeans Baru Lusinan", "Celana Chino Grosir Baru per Seri", "Celana Kargo Grosir Baru per Lusin", "Jeans Anak Grosir Baru per Seri"], ["Ukuran 27-34 per seri.", "Produksi sendiri."]),
        (["Grosir Jaket Parasut Baru Isi 20", "Grosir Seragam Sekolah per Lusin"], ["Warna lengkap.", "Harga turun untuk ambil banyak."]),
    ],
     "lines": ["Bisa ambil di workshop kami di {city}.", "Untuk toko & reseller."],
     "price": (350_000, 3_200_000), "cat": "Fashion Pria > Celana Panjang"},
]


def wholesale_new(kit: Kit, platform: str):
    tags = ["#grosirbaju", "#grosirmurah", "#konveksi", "#tanahabang", "#resellerwelcome",
            "#paketusaha", "#kaospolos", "#grosirtanahabang"]
    for g in WHOLESALE_GROUPS:
        g.setdefault("hard", WHOLESALE_HARD)
    return _from_groups(kit, platform, WHOLESALE_GROUPS, tags, fancy_p=0.05)


# ---------------------------------------------------------------------------- local_overstock

OVERSTOCK_HARD = [
    "Baru semua, belum pernah dipakai.", "Label brand dipotong (cut label).",
    "Produksi garmen lokal, bukan barang bekas impor.", "Sisa order buyer luar, dijahit di Indonesia.",
    "Cacat sedikit: jahitan miring / noda lem, tidak kelihatan.", "Hangtag masih nempel.",
]
OVERSTOCK_GROUPS = [
    {"variants": [
        (["Celana Cargo Sisa Ekspor Baru", "Kemeja Sisa Ekspor Garmen {city}", "Celana Pendek Sisa Ekspor Baru Label Gunting", "Sisa Ekspor Garmen {city}: Kemeja Flanel Baru"],
         ["Sisa ekspor dari pabrik garmen di {city}.", "Stok terbatas, size tidak lengkap."]),
        (["Jaket Sisa Ekspor Ex Buyer Jepang (Baru)", "Sweater Sisa Ekspor Brand Eropa Baru", "Hoodie Sisa Ekspor Buyer Korea - Baru", "Jaket Gunung Sisa Ekspor Produksi Jabar"],
         ["Ex buyer Jepang/Eropa, dijahit di Indonesia.", "Kualitas ekspor, ada sedikit cacat produksi."]),
        (["Kaos Sisa Ekspor Label Gunting", "Polo Shirt Sisa Ekspor Cut Label"], ["Label dipotong sesuai aturan pabrik.", "Bahan pique tebal."]),
    ],
     "lines": ["Barang baru, masih ada plastik pabrik."],
     "price": (35_000, 225_000), "cat": "Fashion Pria > Celana Panjang"},
    {"variants": [
        (["Reject Pabrik Kaos Polos Murah", "Celana Jeans Reject Pabrik", "Kemeja Reject Garmen {city} Baru", "Kaos Anak Reject Pabrik Isi 3"],
         ["Reject pabrik: cacat jahitan/warna belang sedikit.", "Langsung dari pabrik di {city}."]),
        (["Kaos Reject Garmen per Kg (Baru)", "Barang BS Garmen Dijual Kiloan", "BS Pabrik Kiloan Kaos & Celana Baru", "Kiloan Reject Garmen {city} - Barang Baru"],
         ["Dijual kiloan, barang baru semua.", "Harga per kg, min 10 kg."]),
        (["Sepatu Reject Cibaduyut Baru"], ["Cacat lem sedikit.", "Kulit asli."]),
    ],
     "lines": ["Cocok buat dijual lagi di pasar."],
     "price": (20_000, 85_000), "cat": "Fashion Pria > Kaos"},
    {"variants": [
        (["Overstock Brand Lokal Cuci Gudang 70%", "Cuci Gudang {local} Stok Lama", "Overstock {local} Diskon Gede", "SALE Overstock Kemeja {local}"],
         ["Stok lama musim lalu, barang baru.", "Brand {local} original."]),
        (["Clearance Sale Overstock Distro", "Gudang Sale Sepatu Lokal Overstock"],
         ["Beberapa size sudah kosong.", "Kemasan agak kusam karena di gudang, barang mulus."]),
        (["Overstock Toko: Blouse Baru Diskon"], ["Diskon sampai 70% selama stok ada.", "Model tahun lalu."]),
    ],
     "lines": ["Kondisi baru, bukan second.", "Produksi lokal."],
     "price": (29_000, 299_000), "cat": "Fashion Wanita > Atasan"},
    {"variants": [
        (["Paket Usaha Sisa Ekspor Campur 50 pcs (Baru)", "Paket Reseller Reject Garmen Baru per Karung", "Paket Usaha BS Garmen 100 pcs Baru", "Karungan Reject Pabrik Baru 25 kg"],
         ["Paket isi campur: kaos, celana, kemeja, baru semua.", "Per karung ±25 kg."]),
        (["Sisa Produksi Konveksi Kiloan"], ["Kaos & celana pendek sisa order seragam.", "Dijual per kg."],
         (20_000, 70_000)),
    ],
     "lines": ["Dari beberapa pabrik garmen Jabar.", "Random, tidak bisa pilih."],
     "price": (450_000, 2_500_000), "cat": "Perlengkapan Usaha"},
    {"variants": [
        (["Tas Reject Pabrik Tanggulangin", "Dompet Reject Kulit Garut"], ["Ada cacat kecil di jahitan.", "Kulit asli."]),
        (["Tas Sisa Ekspor Bahan Kanvas Baru"], ["Sisa order ekspor, baru.", "Bahan kanvas tebal."]),
    ],
     "lines": ["Harga jauh di bawah harga toko."],
     "price": (25_000, 250_000), "cat": "Tas Wanita > Tote Bag"},
]


def local_overstock(kit: Kit, platform: str):
    tags = ["#sisaekspor", "#rejectpabrik", "#overstock", "#cucigudang", "#garmenlokal",
            "#kualitasekspor", "#bajumurah", "#bs"]
    for g in OVERSTOCK_GROUPS:
        g.setdefault("hard", OVERSTOCK_HARD)
        g.setdefault("hard_n", (1, 2))
    return _from_groups(kit, platform, OVERSTOCK_GROUPS, tags, fancy_p=0.04)


# ----------------------------------------------------------------------------- services_news

NEWS_FACTS = [
    ("Kemendag sita 19 ribu balpres di Bandung Raya",
     "Agustus 2025, Kemendag bersama aparat menyita sekitar 19 ribu bal pakaian bekas impor, nilainya ratusan "
     "miliar, dari gudang-gudang di Bandung dan Cimahi."),
    ("40 ribu link jualan baju bekas impor dihapus",
     "Sampai akhir Maret 2023 sekitar 40 ribu tautan penjualan pakaian bekas impor diturunkan dari marketplace dan media sosial."),
    ("Puluhan ribu iklan pakaian bekas impor dihapus",
     "Per Mei 2023 Kemendag mencatat lebih dari 60 ribu konten penjualan pakaian bekas impor sudah diturunkan, mayoritas di marketplace."),
    ("Polisi sita ratusan bal pakaian bekas",
     "November 2025 polisi menyita ratusan bal pakaian bekas impor bernilai miliaran rupiah setelah menelusuri dari Pasar Senen."),
    ("Menkeu ancam blacklist importir balpres",
     "Menteri Keuangan mengancam denda dan blacklist seumur hidup untuk importir pakaian bekas ilegal (balpres)."),
    ("Menkop: thrifting boleh, impor ilegalnya yang dilarang",
     "Yang dilarang adalah impor pakaian bekas, bukan kegiatan thrifting baju bekas dalam negeri."),
    ("Truk bermuatan bal pakaian bekas dicegat di tol",
     "Akhir 2025 petugas menghentikan angkutan bal pakaian bekas di jalan tol Sumatera; sopir mengaku hanya menerima order lewat telepon."),
    ("Bea Cukai musnahkan ratusan bal pakaian bekas asal Malaysia",
     "Barang sitaan berupa karung-karung pakaian bekas dimusnahkan setelah kasusnya berkekuatan hukum."),
    ("Marketplace sepakat takedown lapak pakaian bekas impor",
     "November 2025 beberapa marketplace berkomitmen menurunkan lapak yang menjual pakaian bekas impor."),
]
NEWS_TITLES = ["[INFO] {headline}", "{headline}", "BERITA: {headline}", "Rangkuman: {headline}",
               "📰 {headline}", "Update regulasi: {headline}"]
NEWS_LINES = [
    "Dasar hukumnya Permendag soal barang dilarang impor, kode HS 6309.",
    "UU Perdagangan: importir barang bekas bisa kena pidana dan denda miliaran.",
    "Catatan: jual baju bekas milik sendiri atau thrift lokal itu tidak dilarang.",
    "Buat teman-teman UMKM konveksi, ini kabar baik.", "Sumber: pemberitaan media nasional.",
    "Share ke grup pedagang biar pada tahu.", "Gimana pendapat kalian? Tulis di komentar.",
    "Ini bukan iklan, cuma berbagi info.", "Pedagang kecil di pasar juga ikut kena dampaknya.",
    "Pemerintah fokus ke importir dan gudang, bukan pedagang eceran.",
]
OPINION_TITLES = ["Pendapatku soal larangan thrifting impor", "Thread: bedanya thrift lokal vs bal impor ilegal",
                  "Curhat pedagang Senen setelah razia balpres", "Unpopular opinion: thrift impor bunuh UMKM?",
                  "Kenapa baju bekas impor dilarang? Penjelasan singkat", "Tips belanja preloved yang legal",
                  "Diskusi: masih aman nggak jual baju second?"]
OPINION_LINES = [
    "Menurutku larangan ini bagus buat konveksi lokal.", "Tapi harus ada solusi buat pedagang kecil.",
    "Thrift lokal (baju bekas dari dalam negeri) tetap legal, yang masalah itu bal impor.",
    "Banyak penjual ganti istilah jadi 'karungan' atau 'preloved' biar tidak kena takedown.",
    "Dari sisi kesehatan juga riskan, banyak yang belum dicuci.", "Cek asal barang sebelum beli.",
    "Lebih baik beli preloved langsung dari pemiliknya.",
    "Konveksi di Bandung banyak yang gulung tikar karena kalah harga.",
]
SERVICE_GROUPS = [
    {"variants": [
        (["Jastip Uniqlo Jepang Barang Baru", "Jastip Daiso & GU Jepang"],
         ["Belanja langsung di store Tokyo, barang baru.", "Fee jastip 10% dari harga."]),
        (["Jastip Korea Dongdaemun (Baru, Bukan Second)", "Jastip Bangkok Pratunam Batch {n}"],
         ["Jastip barang baru, struk pembelian disertakan.", "Pembayaran DP 50%."]),
        (["Jastip Outlet Singapura Sepatu Baru"], ["Sepatu baru dari outlet resmi.", "Box ikut dibawa."]),
    ],
     "lines": ["Barang sampai Jakarta 2 minggu setelah batch ditutup.", "Bea masuk dibayar sesuai aturan.",
               "Tidak terima titip barang bekas."],
     "price": (50_000, 250_000), "cat": "Jasa > Jastip"},
    {"variants": [
        (["Jasa Cuci Sepatu Premium {city}", "Jasa Unyellowing Sol Sepatu"],
         ["Deep clean 2-3 hari.", "Bisa untuk sepatu thrift, preloved, atau baru."]),
        (["Dry Clean Jas & Kebaya", "Laundry Bedcover & Karpet Kiloan"], ["Harga per pcs / per kg.", "Wangi tahan lama."]),
    ],
     "lines": ["Antar jemput gratis.", "Garansi cuci ulang kalau kurang bersih."],
     "price": (20_000, 95_000), "cat": "Jasa > Laundry"},
    {"variants": [
        (["Kelas Online: Mulai Bisnis Preloved Lokal yang Legal", "Workshop Thrift Shop Lokal: Kurasi & Foto Produk"],
         ["Belajar sourcing dari konsinyasi & lemari sendiri, bukan bal impor.", "Materi: aturan impor, foto produk, pricing."]),
        (["Webinar: Peluang Usaha Setelah Larangan Impor Pakaian Bekas", "Seminar UMKM: Dari Thrift ke Brand Lokal"],
         ["Pemateri: pelaku usaha preloved & konsultan UMKM.", "Sertifikat untuk peserta."]),
        (["Pelatihan Upcycle Baju Lama Jadi Tas", "Kelas Jahit Upcycle Jeans Bekas"],
         ["Bawa baju lama sendiri dari rumah.", "Alat jahit disediakan."]),
    ],
     "lines": ["Zoom 2 jam + rekaman.", "Kuota 50 orang."], "suffix": False,
     "price": (0, 250_000), "cat": "Jasa > Kursus & Pelatihan"},
    {"variants": [
        (["Jasa Permak Jeans & Vermak Levis {city}", "Jasa Jahit Baju Custom"],
         ["Potong pendek, kecilkan pinggang, ganti resleting.", "Jadi dalam 1-2 hari."]),
        (["Sewa Kebaya Wisuda", "Sewa Kostum Karnaval Anak"], ["Sewa 3 hari, deposit KTP.", "Kostum dicuci setiap selesai disewa."]),
        (["Jasa Sablon Kaos Satuan"], ["Sablon DTF min 1 pcs.", "Bawa kaos sendiri juga bisa."]),
    ],
     "lines": ["Lokasi {city}."],
     "price": (15_000, 350_000), "cat": "Jasa > Jahit"},
    {"variants": [
        (["Ekspedisi Jakarta-Makassar per Koli", "Cargo Murah Surabaya-Balikpapan per kg"],
         ["Tarif per kg / per koli, minimal 10 kg.", "Estimasi 5-7 hari."]),
        (["Jasa Kirim Barang Pindahan Antar Pulau"], ["Bisa jemput barang di rumah.", "Packing kayu tersedia."]),
    ],
     "lines": ["Barang dilarang: narkoba, senjata, barang ilegal."],
     "price": (5_000, 450_000), "cat": "Jasa > Ekspedisi"},
]


def services_news(kit: Kit, platform: str):
    if kit.chance(0.45):
        ctx = _ctx(kit)
        if kit.chance(0.6):
            headline, fact = kit.pick(NEWS_FACTS)
            title = kit.pick(NEWS_TITLES).format(headline=headline)
            lines = [fact] + kit.some(NEWS_LINES, ctx, 1, 3)
        else:
            title = kit.pick(OPINION_TITLES)
            lines = kit.some(OPINION_LINES, ctx, 2, 4) + kit.some(NEWS_LINES, ctx, 0, 1)
        tags = ["#thrifting", "#balpres", "#bajubekasimpor", "#beritaekonomi", "#umkm", "#kemendag",
                "#thriftlokal", "#infoterkini"]
        # News and opinion posts live on social media, whatever platform was drawn.
        platform = kit.pick(["facebook", "facebook", "instagram", "instagram", "other"])
        title, desc = compose(kit, platform, title, lines, ctx, tags, shop_p=0.0)
        cat = kit.pick(["Berita", "Komunitas", "Info", "Diskusi"])
        return title, desc, 0, cat, platform
    tags = ["#jastip", "#laundry", "#jasa", "#umkm", "#kelasonline", "#konveksi", "#permak"]
    return _from_groups(kit, platform, SERVICE_GROUPS, tags)
