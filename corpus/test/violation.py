"""Violation listings: imported used clothing, footwear, bags or headgear offered for sale.

Every generator returns (title, description, price, category) or None.
"""

from __future__ import annotations

import re

from fragments import compose, item_context
from textkit import Kit, fullwidth, math_font, circled

TAGS_VIOLATION = [
    "#thriftimport", "#bajubekasimport", "#thriftkorea", "#thriftjepang", "#balpres",
    "#ballpress", "#thriftshopindonesia", "#thriftbandung", "#bekasimport", "#thriftmurah",
    "#baleimport", "#grosirthrift", "#resellerthrift", "#thrift", "#ootdthrift",
    "#cakarmakassar", "#monzamedan", "#awulawul", "#bukabal", "#thriftjakarta",
]

# ---------------------------------------------------------------------------------- plain

PLAIN_TITLES = [
    "{Item} Bekas Impor {origin}",
    "Pakaian Bekas Import {origin} - {Item} {brand}",
    "{brand} {Item} bekas import {origin} ori",
    "{garment} Bekas Impor {origin} Murah - {Item}",
    "{Item} {brand} Bekas Luar Negeri Size {size}",
    "jual {item} bekas impor {origin} layak pakai",
    "[BEKAS IMPORT] {Item} {brand} {origin}",
    "{Item} Impor Bekas Asli {origin} Kondisi Bagus",
    "{Item} bekas impor {origin} {brand} size {size}",
    "Obral {item} bekas impor {origin}",
    "{Item} Bekas Pakai Impor {origin} Branded",
    "Pakaian impor bekas: {item} {brand}",
    "{item} bekas import ({origin}) original {brand}",
    "{Item} Bekas Impor Original {brand} - Stok {origin}",
    "{garment} bekas impor {origin} {item} murah meriah",
]
PLAIN_INTRO = [
    "Pakaian bekas impor asli {origin}, bukan barang lokal.",
    "Jual {item} bekas impor dari {origin}.",
    "Barang bekas import {origin}, dipilih satu-satu dari stok gudang.",
    "{Item} bekas luar negeri, asal {origin}.",
    "{Item} bekas impor merk {brand}, original bukan KW.",
    "Baju bekas impor {origin} kualitas super, harga bersahabat.",
    "Stok bekas import {origin} baru datang minggu ini.",
    "Kami jual pakaian bekas impor {origin} sejak 2019.",
    "Ini barang bekas ya kak, impor dari {origin}, bukan baru.",
    "Pakaian bekas impor pilihan, semua dari {origin} & {origin2}.",
]
PLAIN_DETAIL = [
    "Merk {brand}.", "{measure}.", "Size {size}.", "{Cond}.", "Minus: {flaw}.",
    "Barang bekas jadi wajar ada tanda pemakaian.", "Original {origin}, cek label dalam.",
    "Ambil 3 lebih murah.", "Beli 3 pcs cuma {deal}.", "Harga satuan.",
    "Bisa pilih warna selama stok ada.", "Stok banyak model lain di etalase.",
    "Bukan barang baru, bukan KW, asli bekas luar.", "Legal kok kak, barang sudah di gudang Jakarta.",
]
CLEANING = [
    "Sudah dicuci & disetrika.", "Sudah di-laundry dan disemprot disinfektan.",
    "Belum dicuci ya, mohon dicuci dulu sebelum dipakai.", "Sudah dicuci ulang, wangi.",
    "Sudah laundry, tinggal pakai.", "Dicuci pakai air panas & deterjen, aman.",
]
PLAIN_QA = [
    ("Ini baru atau bekas kak?", "Bekas impor {origin} kak, kondisi masih bagus."),
    ("Bisa retur?", "Barang bekas tidak bisa retur ya kak."),
    ("Ori gak?", "Ori kak, bekas impor {origin} bukan KW."),
    ("Sudah dicuci?", "Sudah kak, tinggal pakai."),
    ("Ada size lain?", "Cek etalase ya, stok bekas impor selalu ganti."),
]


def plain(kit: Kit, platform: str):
    ctx = item_context(kit)
    price = kit.price(25_000, 180_000) if ctx["kind"] not in ("bag", "shoe") else kit.price(60_000, 450_000)
    ctx["deal"] = kit.rupiah(kit.pick([100_000, 120_000, 99_000, 150_000]), kit.between(0, 2))
    shape = kit.between(0, 3)
    if shape == 3:
        # shop-wide listing: many pieces, still retail
        title = kit.pick([
            "Baju Bekas Impor {origin} Mulai {start} - Pilih Sendiri",
            "Pakaian bekas import campur, harga satuan mulai {start}",
            "Jual pakaian bekas impor {origin} eceran {start}/pcs",
            "Pakaian Bekas Impor Eceran - Jaket, Kemeja, Celana",
        ])
        start = kit.pick([10_000, 15_000, 20_000, 25_000, 35_000])
        ctx["start"] = kit.rupiah(start, kit.between(1, 2))
        title = kit.fill(title, ctx)
        lines = [kit.fill(kit.pick([
            "Lapak pakaian bekas impor {origin}, harga eceran, bukan per bal.",
            "Bekas impor {origin} semua, tiap hari ganti stok.",
            "Ready ratusan pcs bekas impor: jaket, kemeja, kaos, celana, dress.",
        ]), ctx)]
        lines += kit.some(["Harga mulai {start} per potong.", "Tinggal sebut nomor foto.",
                           "Kondisi dicantumkan per foto.", "Kirim dari {city}.",
                           "Silakan pilih di album, bisa video call.",
                           "Sudah dicuci bersih semua."], ctx, 2, 4)
        price = start
        ctx["category"] = kit.pick(["Fashion Pria > Lainnya", "Fashion Wanita > Lainnya", "Lainnya"])
    else:
        title = kit.fill_any(PLAIN_TITLES, ctx)
        lines = [kit.fill_any(PLAIN_INTRO, ctx)] + kit.some(PLAIN_DETAIL, ctx, 2, 5)
        if kit.chance(0.6):
            lines.insert(kit.between(1, len(lines)), kit.pick(CLEANING))
    qa = [(q.format_map(ctx), a.format_map(ctx)) for q, a in PLAIN_QA]
    title, desc = compose(kit, platform, title, lines, ctx, TAGS_VIOLATION, qa, title_only_p=0.07)
    return title, desc, price, ctx["category"]


# ------------------------------------------------------------------------- bale_wholesale

# What a bale holds, by the kind of garment its title names.
MIXES = {
    "outer": ["jaket, hoodie, sweater", "jaket musim dingin", "jaket parasut", "coat & blazer",
              "jaket & rompi campur"],
    "top": ["kemeja & kaos campur", "sweater rajut", "kaos olahraga", "kemeja flanel",
            "kaos, polo, kemeja"],
    "bottom": ["celana jeans & chino", "celana pendek & kaos", "celana campur pria wanita"],
    "dress": ["dress & blouse wanita", "rok, dress, blouse"],
    "shoe": ["sepatu campur", "sneakers & boots campur"],
    "bag": ["tas wanita campur", "ransel & tas selempang"],
    "hat": ["topi & kupluk", "topi campur"],
}
MIX_ANY = ["campur pria wanita", "pakaian anak campur", "campur semua jenis"]
MIX_SHORT = {
    "outer": ["JAKET", "MIX", "CAMPUR", "WINTER"], "top": ["KEMEJA", "SWEATER", "KAOS", "MIX"],
    "bottom": ["CELANA", "JEANS", "MIX"], "dress": ["DRESS", "WANITA", "MIX"],
    "shoe": ["SEPATU", "SNEAKERS"], "bag": ["TAS", "TAS WANITA"], "hat": ["TOPI"],
}
BALE_TITLES = [
    "BAL SEGEL {origin} {mix_short} {weight}KG",
    "Ball Press {Item} {origin} Grade {grade} isi {pcs} pcs",
    "Balpres {item} import {origin} original segel",
    "Jual bal pakaian bekas impor {origin} harga gudang",
    "Karung baju bekas import {origin} {weight} kg",
    "Baju bekas import per kg mulai {kg}",
    "Distributor Ball Thrift {origin} - Open Reseller",
    "Balan pendek {item} {origin} isi ±200 pcs",
    "BALL {ORIGIN} MIX CAMPUR {weight} KG",
    "Grosir pakaian bekas impor per bal / per karung",
    "Bal segel sepatu import {origin} isi {pairs} pasang",
    "Bal tas import {origin} isi {bags} pcs",
    "Ballpress {origin} {mix_short} - harga per bal",
    "Bal {item} {origin} segel {weight} kg grade {grade}",
    "Pakaian bekas impor kiloan {origin} {kg}/kg",
    "Supplier ball thrift {origin} termurah se-Indonesia",
    "1 bal {item} bekas import isi {pcs} pcs",
    "Karung {mix_short} bekas impor {origin} {weight}kg",
]
BALE_LINES = [
    "Isi ±{pcs} pcs, berat ±{weight} kg.",
    "Isi campur: {mix}.",
    "Grade A {pa}% / Grade B {pb}%.",
    "Kualitas kepala, bukan sisa sortiran pasar.",
    "Rata-rata layak jual {sellable}%, sisanya wajar reject.",
    "Bal masih segel dari {origin}, belum dibuka sama sekali.",
    "Segel pabrik, ada kode press di karung.",
    "Dijamin belum dibongkar, bisa video call pas muat.",
    "Barang masuk lewat {port}, stok gudang {wh}.",
    "Gudang kami di {wh}, bisa ambil langsung.",
    "Stok datang tiap minggu dari {origin}.",
    "Harga per bal {bale_price}.",
    "Min order 1 bal.",
    "Bisa ambil setengah bal / karungan 50 kg.",
    "Harga per kg {kg}, minimal 25 kg.",
    "Kirim via cargo truk atau ekspedisi laut, ongkir pembeli.",
    "Sudah kirim ke reseller Sumatera, Kalimantan, Sulawesi, Papua.",
    "Dicari reseller & dropshipper seluruh Indonesia.",
    "Cocok untuk pemula yang mau buka usaha thrift.",
    "Modal {bale_price} bisa balik 2-3x kalau jual eceran.",
    "Ukuran campur {size_mix}, dewasa semua.",
    "Isi random, tidak bisa pilih model.",
    "Bal campur {origin} & {origin2}.",
    "Sistem transfer dulu, barang dimuat hari yang sama.",
    "Harga reseller lebih murah, tanya admin.",
    "Tiap bal ada nomor seri dari gudang {origin}.",
    "Bukan barang KW, semua bekas pakai asli luar negeri.",
    "Bisa COD di gudang {wh}.",
    "Barang sudah di Indonesia, aman, bukan selundupan.",
    "Bukan bal sembarangan, ini bal pilihan grade atas.",
    "Bukan barang baru ya, jangan salah beli.",
]
BALE_QA = [
    ("Isinya berapa pcs?", "Rata-rata {pcs} pcs kak, tergantung jenis."),
    ("Bisa pilih isi?", "Bal segel tidak bisa pilih, isi random."),
    ("Aman kirim ke {city}?", "Aman kak, sudah langganan cargo ke sana."),
    ("Ada video buka bal?", "Ada, cek highlight / live kami."),
    ("Berapa persen yang jelek?", "Paling 10-20% kak, wajar untuk bal."),
    ("Harga per kg berapa?", "{kg} per kg, min 25 kg."),
]


def _bale_ctx(kit: Kit) -> dict:
    ctx = item_context(kit)
    kind = ctx["kind"]
    mix = kit.pick(MIXES[kind] + (MIX_ANY if kind not in ("shoe", "bag", "hat") else []))
    ctx.update({
        "mix": mix,
        "mix_short": kit.pick(MIX_SHORT[kind]),
        "ORIGIN": ctx["origin"].upper(),
        "weight": str(kit.pick([45, 50, 60, 80, 90, 100, 100, 100, 105, 110, 120])),
        "pcs": str(kit.pick([180, 200, 250, 300, 350, 400, 450, 500, 550])),
        "pairs": str(kit.pick([40, 50, 60, 70, 80])) if kind == "shoe" else None,
        "bags": str(kit.pick([60, 80, 100, 120])) if kind == "bag" else None,
        "size_mix": {"shoe": "36 sampai 44", "bag": None, "hat": None}.get(kind, "S sampai XXL"),
        "grade": kit.pick(["A", "A", "B", "A/B", "AB", "A+", "super"]),
        "pa": str(kit.pick([60, 70, 75, 80, 85, 90])),
        "sellable": str(kit.pick([70, 75, 80, 85, 90])),
    })
    ctx["pb"] = str(100 - int(ctx["pa"]))
    bale_price = kit.price(2_500_000, 9_500_000)
    kg = kit.pick([25_000, 30_000, 35_000, 40_000, 45_000, 50_000, 60_000, 75_000])
    ctx["bale_price"] = kit.rupiah(bale_price, kit.between(0, 2))
    ctx["kg"] = kit.rupiah(kg, kit.between(1, 2))
    ctx["_bale_price"], ctx["_kg"] = bale_price, kg
    return ctx


def bale_wholesale(kit: Kit, platform: str):
    ctx = _bale_ctx(kit)
    title = kit.fill_any(BALE_TITLES, ctx)
    per_kg = "kg" in title.lower() and ("/kg" in title.lower() or "per kg" in title.lower()
                                        or "kiloan" in title.lower())
    price = ctx["_kg"] if per_kg else ctx["_bale_price"]
    if "setengah" in title:
        price //= 2
    lines = kit.some(BALE_LINES, ctx, 3, 8)
    if kit.chance(0.3):
        lines.insert(0, kit.fill(kit.pick([
            "Assalamualaikum, {shop} kembali restock!",
            "Ready lagi gaes, bal {origin} fresh dari gudang.",
            "Info stok hari ini:",
            "Buat agan-agan yang mau usaha thrift, merapat.",
            "Sampurasun, stok bal di {wh} masih ada.",
        ]), ctx))
    qa = [(q.format_map(ctx), a.format_map(ctx)) for q, a in BALE_QA]
    category = kit.pick(["Fashion Pria > Lainnya", "Fashion Wanita > Lainnya",
                         "Perlengkapan Usaha", "Fashion Pria > Jaket & Outerwear", "Lainnya",
                         ctx["category"]])
    title, desc = compose(kit, platform, title, lines, ctx, TAGS_VIOLATION, qa, title_only_p=0.06)
    return title, desc, price, category


# ------------------------------------------------------------------------------ code_word

CODE_SETS = {
    "karungan": {
        "titles": ["Karungan {origin} {mix_short} {weight} kg", "Jual karungan {item} {origin}",
                   "KARUNGAN {ORIGIN} FRESH", "karungan {mix_short} isi {pcs}an",
                   "Karungan sepatu {origin} isi {pairs} psg", "Open karungan {origin} batch {n}"],
        "lines": ["Karungan fresh belum dibuka.", "Harga per karung {bale_price}.",
                  "Isi karungan: {mix}.", "Karungan langsung dari {wh}.",
                  "Karungan {origin} kualitas atas.", "Bisa ambil karungan kecil 25 kg."],
        "price": "bale",
    },
    "cakar": {
        "titles": ["Cakar {Item} {origin} Murah", "Pakaian Cakar Makassar - {Item}",
                   "Cakar Parepare {item} ori {brand}", "CAKAR {ITEM} PILIHAN",
                   "Lapak Cakar {shop_name} - {item} {size}", "Cakar sepatu {brand} {size}",
                   "{Item} cakar {brand} mulus"],
        "lines": ["Cakar asli Parepare, bukan lokal.", "Cakar pilihan, sudah dicuci.",
                  "Langsung dari Pasar Cakar Parepare.", "Baru turun dari kapal Nunukan.",
                  "Masih bau karung sedikit, cuci dulu ya.", "Cakar {origin}, {cond}.",
                  "Harga cakar, kualitas mall.", "Cakar = cap karung, ngerti kan 😉"],
        "price": "retail",
    },
    "monza": {
        "titles": ["Monza {Item} {brand} Medan", "Baju Monza Pajak Melati - {item}",
                   "{Item} monza {origin} {size}", "MONZA MEDAN {ITEM} ORI",
                   "Monza jaket {origin} murah", "Kemeja monza {brand} {size}"],
        "lines": ["Monza asli dari Pajak Melati.", "Monza pilihan, {cond}.",
                  "Barang monza {origin}, kualitas jauh dari lokal.",
                  "Langsung dari Tanjung Balai, monza fresh.", "Harga monza, gaya sultan.",
                  "Monza Medan kirim seluruh Indonesia."],
        "price": "retail",
    },
    "awul": {
        "titles": ["Awul-awul {Item} {origin} Jogja", "Baju awul2 {brand} {size}",
                   "AWUL AWUL {ITEM} MURAH", "{Item} awul-awul {origin} pilihan",
                   "awul2 jaket {origin} kondisi oke"],
        "lines": ["Awul-awul asli, stok dari luar.", "Hasil ngawul, {cond}.",
                  "Awul-awul {origin}, bukan lokal.", "Harga awul-awul, merk {brand}.",
                  "Yang suka ngawul merapat."],
        "price": "retail",
    },
    "cimol": {
        "titles": ["Baju Cimol Gedebage {Item} {brand}", "Cimol Bandung {item} {origin}",
                   "{Item} cimol {origin} {size}", "Jaket cimol Gedebage {origin}",
                   "Kemeja cimol {brand} ori"],
        "lines": ["Hasil hunting di Cimol Gedebage.", "Cimol asli {origin}, {cond}.",
                  "Barang cimol, sudah dicuci bersih.", "Cimol Gedebage kirim ke luar kota.",
                  "Stok cimol ganti tiap minggu."],
        "price": "retail",
    },
    "bukabal": {
        "titles": ["LIVE BUKA BAL {ORIGIN} JAM {hour}", "Pecah bal {item} {origin} siapa cepat dia dapat",
                   "Buka bal {origin} {mix_short} - sisa {n} pcs", "OPEN BAL {ORIGIN} FRESH",
                   "Hasil pecah bal {origin}: {item} {brand}", "Buka bal hari ini, {item} {origin}"],
        "lines": ["Live buka bal nanti malam jam {hour}.", "Hasil pecah bal tadi pagi, masih fresh.",
                  "Bal {origin} dibuka di live, yang cepat dapat.",
                  "Pecah bal jaket, banyak merk bagus.", "Keep di kolom komentar saat live.",
                  "Habis pecah bal langsung dicuci dan difoto."],
        "price": "retail",
    },
    "kepala": {
        "titles": ["{Item} {origin} Kualitas Kepala", "Sisa badan {item} {origin} murah",
                   "{Item} kepala {brand} {origin} {size}", "Jaket kepala {origin} pilihan",
                   "Paket badan {origin} isi {pcs} pcs"],
        "lines": ["Kualitas kepala, pilihan pertama dari karung.", "Ini sisa badan, harga miring.",
                  "Kepala semua, {cond}.", "Badan/kaki dijual terpisah lebih murah.",
                  "Sortir kepala dari {origin}, langsung dari {wh}."],
        "must": ["Kualitas kepala, pilihan pertama dari karung.",
                 "Sortir kepala dari bal {origin}, langsung dari {wh}.",
                 "Hasil sortir bal {origin}: kepala dipisah buat toko, badan dijual murah."],
        "price": "mixed",
    },
}


def code_word(kit: Kit, platform: str):
    ctx = _bale_ctx(kit)
    key = kit.pick(list(CODE_SETS))
    spec = CODE_SETS[key]
    ctx["ITEM"] = ctx["item"].upper()
    ctx["hour"] = kit.pick(["19.00", "20.00", "21.00", "13.00", "16.00"])
    ctx["shop_name"] = ctx["shop"].split(" ", 1)[1]
    title = kit.fill_any(spec["titles"], ctx)
    bulk = spec["price"] == "bale" or "isi" in title.lower()
    lines = kit.some(spec["lines"], ctx, 2, 4)
    if "must" in spec:
        lines.insert(0, kit.fill(kit.pick(spec["must"]), ctx))
    if bulk:
        extra = ["Isi {mix}.", "Kirim dari {city}.", "Harga per karung {bale_price}.", "No retur ya.",
                 "Berat ±{weight} kg."]
    else:
        extra = ["{measure}.", "Size {size}.", "Merk {brand}.", "{Cond}.", "Harga satuan.",
                 "No retur ya.", "Kirim dari {city}."]
    lines += kit.some(extra, ctx, 1, 3)
    kit.rng.shuffle(lines)
    price = ctx["_bale_price"] if bulk else kit.price(15_000, 250_000)
    tags = [t for t in TAGS_VIOLATION] + ["#cakar", "#monza", "#karungan", "#pecahbal"]
    title, desc = compose(kit, platform, title, lines, ctx, tags, title_only_p=0.08)
    return title, desc, price, ctx["category"]


# ---------------------------------------------------------------------------- obfuscation

OBF_METHODS = ["leet", "dots", "spaced", "cyrillic", "greek", "zero_width", "stretched",
               "fullwidth", "math_bold", "math_sans", "mask", "split_emoji"]
OBF_TERMS = re.compile(
    r"\b(balpres|ball ?press|ball|bal|bekas|thrift|second|impor|import|karungan|karung|"
    r"preloved|segel|cakar|monza|awul-awul|awul2)\b",
    re.IGNORECASE,
)


def obfuscation(kit: Kit, platform: str):
    base = kit.pick([plain, plain, bale_wholesale, bale_wholesale, single_retail, code_word])
    made = base(kit, platform)
    if made is None:
        return None
    title, desc, price, category = made
    if not OBF_TERMS.search(title):
        return None
    methods = kit.sample(OBF_METHODS, kit.pick([1, 1, 2]))

    def swap(m: re.Match) -> str:
        word = m.group(0)
        if " " in word:
            word = word.replace(" ", "")
        return kit.obfuscate_word(word, kit.pick(methods))

    whole = kit.chance(0.18)
    if whole:
        font = kit.pick(["bold", "sans_bold", "fullwidth", "circled"])
        if font == "fullwidth":
            title = fullwidth(title)
        elif font == "circled":
            title = circled(title)
        else:
            title = math_font(title, font)
    else:
        title = OBF_TERMS.sub(swap, title)
    # Descriptions: sellers obfuscate most, not always all, mentions.
    desc = OBF_TERMS.sub(lambda m: swap(m) if kit.chance(0.8) else m.group(0), desc)
    return title, desc, price, category


# ------------------------------------------------------------------------------ euphemism

EUPH_TITLES = [
    "{Item} Outdoor Ex Japan Preloved {brand}",
    "Preloved Branded Luar Negeri - {Item} {brand}",
    "Second branded luar negeri {item} original {brand}",
    "{Item} {brand} Barang Luar Kondisi 90%",
    "{brand} {item} eks {origin} pre-loved",
    "Pre-owned {item} {origin} Original {brand}",
    "Used {origin} {item} ori {brand}",
    "{Item} ex {origin} like new {size}",
    "Barang luar {item} pilihan {brand}",
    "{Item} Ex {origin} Preloved Ori - Size {size}",
    "PRELOVED IMPORT {ITEM} {BRAND}",
    "{Item} {brand} eks luar, kondisi 9/10",
    "Preloved {origin} {item} grade A",
    "{Item} second ori ex {origin} {brand}",
]
# Each euphemism listing carries at least one line that says, in soft words, "worn before".
EUPH_USED = [
    "Pre-loved = pernah dipakai pemilik sebelumnya di {origin}.",
    "{Cond}, pre-loved wajar.",
    "No retur karena barang preloved.",
    "Jangan tanya 'bekas ya kak?' -> pre-loved ya kak 😅",
    "Kami kurasi dari stok eks {origin}, hanya yang layak.",
    "Preloved luar negeri, harga jauh di bawah harga baru.",
    "Second branded, masih banyak model lain di etalase.",
    "Ada tanda pemakaian wajar ({flaw}).",
]
EUPH_LINES = [
    "Semua barang luar ({origin}/{origin2}), bukan lokal.",
    "Ready puluhan model, restock tiap minggu dari {origin}.",
    "Eks {origin}, kualitas bahan jauh di atas lokal.",
    "Open reseller, harga khusus ambil 10 pcs.",
    "Barang luar original, bukan KW/replika.",
    "Stok eks {origin} tiap Kamis, cek live.",
    "Sudah laundry premium, siap pakai.",
    "Barang datang per karung, kami pilihkan yang terbaik.",
    "Bukan thrift abal-abal, semua kurasi.", "Bukan barang lokal, bukan KW.",
]
EUPH_DETAIL = ["{measure}.", "Size {size}.", "Merk {brand}."]


def euphemism(kit: Kit, platform: str):
    ctx = item_context(kit)
    ctx["ITEM"], ctx["BRAND"] = ctx["item"].upper(), ctx["brand"].upper()
    title = kit.fill_any(EUPH_TITLES, ctx)
    lines = kit.some(EUPH_USED, ctx, 1, 2) + kit.some(EUPH_LINES, ctx, 1, 3)
    kit.rng.shuffle(lines)
    lines += kit.some(EUPH_DETAIL, ctx, 1, 2)
    price = kit.price(45_000, 350_000) if ctx["kind"] not in ("bag", "shoe") else kit.price(120_000, 900_000)
    tags = ["#preloved", "#prelovedbranded", "#exjapan", "#barangluar", "#secondbranded",
            "#preownedluxury", "#prelovedmurah", "#prelovedori", "#exkorea"]
    title, desc = compose(kit, platform, title, lines, ctx, tags, title_only_p=0.05)
    return title, desc, price, ctx["category"]


# ---------------------------------------------------------------------------- context_only

CTX_TITLES = [
    "Paket Usaha {Item} {origin} Grade A Isi {pcs} Pcs",
    "Mix {Item} {origin} per Karung {weight} Kg",
    "{Item} {origin} Random per Kg {kg}",
    "Paket Reseller Campur {origin} {pcs} pcs Grade A/B",
    "Sortiran {item} {origin} grade B murah",
    "Karung {origin} Campur Jaket Kemeja Celana",
    "Grade A {origin} {mix_short} per {weight} kg",
    "Paket Modal Usaha Pakaian {origin} Random {pcs} Pcs",
    "{Item} {origin} Grade A Campur Merk - Per Karung",
    "Paket Usaha Lapak Pasar Malam - Isi {origin} Random",
    "Pakaian {origin} kiloan grade {grade} random",
    "Paket {pcs} pcs {item} {origin} random merk, kondisi layak pakai",
]
# Each context_only listing says, without a banned word, that the goods were worn before.
CTX_USED = [
    "Kondisi layak pakai, grade A mulus, grade B ada minus pemakaian (noda, pudar, kancing lepas).",
    "Kondisi 80-95%, wajar ada tanda pemakaian.",
    "Grade A = tanpa minus, grade B = minus ringan, grade C = buat lap/kain majun.",
    "Barang sudah pernah dipakai pemilik sebelumnya di {origin}, jadi cek foto ya.",
    "Sudah tidak baru, tapi masih layak dipakai dan dijual lagi.",
    "Ada yang kerahnya kusam / lututnya pudar, wajar pemakaian.",
]
CTX_LINES = [
    "Isi random, tidak bisa request model/warna.",
    "Asal barang {origin}, masuk via {port}.",
    "Cocok untuk usaha lapak pasar malam, CFD, atau jualan online.",
    "Tidak bisa retur karena isi random.",
    "Harga per karung {bale_price}.",
    "Kirim pakai truk / cargo, ongkir ditanggung pembeli.",
    "Ada ukuran anak & dewasa, campur pria wanita.",
    "Berat ±{weight} kg, isi ±{pcs} potong.",
    "Sudah tidak ada label harga / hangtag.",
    "Stok gudang {wh}, datang dari {origin} tiap bulan.",
    "Merk campur: {brand}, {brand2}, dll.",
    "Modal kecil, untung bisa 2x lipat dijual {retail} per potong.",
    "Harga per kg {kg}, minimal ambil 20 kg.",
    "Isi {mix}.",
    "Belum disortir, masih dalam ikatan dari {origin}.",
    "Foto contoh isi, tiap karung beda-beda.",
]
CTX_QA = [
    ("Kondisinya baru kak?", "Layak pakai kak, grade A hampir mulus, grade B ada minus."),
    ("Bisa pilih?", "Random kak, tidak bisa pilih."),
    ("Dari mana barangnya?", "{origin} kak, langsung dari gudang {wh}."),
    ("Ada yang sobek?", "Grade B kadang ada, makanya harganya lebih murah."),
]


def context_only(kit: Kit, platform: str):
    ctx = _bale_ctx(kit)
    ctx["brand2"] = kit.pick(["Uniqlo", "GU", "Zara", "Nike", "Adidas", "Columbia", "Muji", "Gap"])
    ctx["retail"] = kit.rupiah(kit.pick([15_000, 20_000, 25_000, 35_000, 50_000]), 1)
    ctx["grade"] = kit.pick(["A", "B", "A/B"])
    title = kit.fill_any(CTX_TITLES, ctx)
    lines = kit.some(CTX_USED, ctx, 1, 2) + kit.some(CTX_LINES, ctx, 2, 5)
    kit.rng.shuffle(lines)
    price = ctx["_kg"] if "kg " in (title.lower() + " ") and ("per kg" in title.lower() or "kiloan" in title.lower()) else ctx["_bale_price"]
    if "Paket" in title and "pcs" in title.lower():
        price = kit.price(1_200_000, 6_000_000)
    qa = [(q.format_map(ctx), a.format_map(ctx)) for q, a in CTX_QA]
    tags = ["#paketusaha", "#grosirbaju", "#koreanfashion", "#japanfashion", "#usahamodalkecil",
            "#resellerbaju", "#idebisnis", "#lapakpasarmalam"]
    category = kit.pick(["Perlengkapan Usaha", "Fashion Pria > Lainnya", "Fashion Wanita > Lainnya",
                         "Lainnya", ctx["category"]])
    title, desc = compose(kit, platform, title, lines, ctx, tags, qa, title_only_p=0.0)
    return title, desc, price, category


# --------------------------------------------------------------------------- single_retail

SINGLE_TITLES = [
    "{Item} Thrift {origin} {brand} Size {size}",
    "Thrift {item} second import {origin}",
    "{brand} {item} second ori import {origin}",
    "{item} thrift {origin} second {size}",
    "{Item} {brand} Thrift Import - {measure}",
    "Thrift {brand} {item} {origin} mulus",
    "{Item} second import {brand} {size} ({origin})",
    "thrift import {item} {brand} no minus",
    "{Item} Thrift {origin} Second {size}",
    "{brand} {Item} thrifted from {origin} size {size}",
    "{Item} thrift {origin} 1 pcs only",
    "Thrift {origin}: {brand} {item}",
]
SINGLE_LINES = [
    "Thrift import {origin}.", "Barang thrift impor, cuma 1 pcs.", "{measure}.",
    "Size tag {size}.", "{Cond}.", "Minus {flaw}, lihat foto terakhir.",
    "Sudah laundry.", "1 barang 1 size, siapa cepat dia dapat.", "No retur, namanya juga thrift.",
    "Ori {brand}, tag masih ada (made in Vietnam/China/Bangladesh).",
    "Second import {origin}, bukan lokal.", "Cocok buat ootd harian.",
    "Bisa bundling sama barang lain biar hemat ongkir.",
    "Harga sudah murah untuk kualitas import.", "Cek toko buat thrift {origin} lainnya.",
]


def single_retail(kit: Kit, platform: str):
    ctx = item_context(kit)
    title = kit.fill_any(SINGLE_TITLES, ctx)
    lines = kit.some(SINGLE_LINES, ctx, 3, 6)
    price = kit.price(35_000, 260_000) if ctx["kind"] not in ("bag", "shoe") else kit.price(85_000, 650_000)
    tags = TAGS_VIOLATION[:10] + ["#ootd", "#thriftfinds", "#thriftstore"]
    title, desc = compose(kit, platform, title, lines, ctx, tags, title_only_p=0.08)
    return title, desc, price, ctx["category"]

