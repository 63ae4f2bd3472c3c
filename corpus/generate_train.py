#!/usr/bin/env python3
"""Generate the training corpus for saring's listing text classifier.

Writes ``corpus/train.jsonl``: one listing a line with ``id, platform, title,
description, price, category, label, tactic``. Labels follow ``corpus/LABEL_POLICY.md``.

Deterministic (fixed seed), standard library only. Run from anywhere:

    python3 corpus/generate_train.py            # writes corpus/train.jsonl
    python3 corpus/generate_train.py --stats    # also prints counts

How it avoids teaching templates: every listing is assembled from independent building
blocks (openings, item facts, sizes, conditions, prices, calls to action, store rules,
sign-offs, regional words, emoji, hashtags) through one shared renderer, so layout, length,
casing, emoji and boilerplate carry no label. Each block is a small grammar
(``<a|b|>`` = pick one, empty = optional; ``{slot}`` = a value drawn fresh each time).
Trigger words (bal, karung, kiloan, grade A, thrift, preloved, second, impor, Korea,
cakar, monza, cimol ...) appear in legitimate listings in innocent senses, and
obfuscation (leetspeak, look-alike letters, zero-width characters, spacing, stretching,
fancy fonts) is applied to legitimate listings too, so neither words nor tricks alone
decide the label.
"""

from __future__ import annotations

import argparse
import collections
import json
import pathlib
import random
import re
import unicodedata

SEED = 630900
R = random.Random(SEED)

# How many listings per (label, tactic). About 45% violation, every tactic >= 150; the tactics
# with hand-written variety (below) get more.
PLAN = {
    ("violation", "plain"): 165,
    ("violation", "bale_wholesale"): 190,
    ("violation", "code_word"): 190,
    ("violation", "obfuscation"): 175,
    ("violation", "euphemism"): 330,
    ("violation", "context_only"): 330,
    ("violation", "single_retail"): 175,
    ("legitimate", "new_local_umkm"): 185,
    ("legitimate", "new_import_style"): 250,
    ("legitimate", "personal_preloved"): 260,
    ("legitimate", "used_non_clothing"): 220,
    ("legitimate", "innocent_trigger"): 290,
    ("legitimate", "wholesale_new"): 240,
    ("legitimate", "local_overstock"): 240,
    ("legitimate", "services_news"): 220,
}

# Share of listings that get the obfuscation augmentation (besides the obfuscation tactic).
AUGMENT_VIOLATION = 0.14
AUGMENT_LEGITIMATE = 0.12


# --------------------------------------------------------------------------------------
# Tiny grammar: <a|b|c> picks one option (innermost first), {slot} draws from the context.
# --------------------------------------------------------------------------------------
_CHOICE = re.compile(r"<([^<>]*)>")
_SLOT = re.compile(r"\{(\w+)\}")


def pick(seq):
    return R.choice(seq)


def chance(p: float) -> bool:
    return R.random() < p


def expand(template: str, ctx: dict | None = None) -> str:
    """Expands choices and slots until nothing is left, then tidies spacing."""
    ctx = ctx or {}
    text = template
    for _ in range(12):
        new = _CHOICE.sub(lambda m: R.choice(m.group(1).split("|")), text)
        new = _SLOT.sub(lambda m: _slot_value(ctx, m.group(1)), new)
        if new == text:
            break
        text = new
    return tidy(text)


def _slot_value(ctx: dict, name: str) -> str:
    if name in ctx:
        value = ctx[name]
    elif name in SHARED_SLOTS:
        value = SHARED_SLOTS[name]
    else:
        raise KeyError(f"unknown slot {{{name}}}")
    if callable(value):
        value = value()
    if isinstance(value, (list, tuple)):
        value = R.choice(value)
    return str(value)


def tidy(text: str) -> str:
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(r" +([,.!?:;)])", r"\1", text)
    text = re.sub(r"\( +", "(", text)
    text = re.sub(r"\(\)", "", text)
    text = re.sub(r",\s*,", ",", text)
    text = re.sub(r" *\n *", "\n", text)
    return text.strip(" ,;-")


def dot(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def rnd(lo: int, hi: int, step: int) -> int:
    return R.randrange(lo // step, hi // step + 1) * step


def price_text(n: int) -> str:
    """Writes a rupiah amount the many ways Indonesian sellers do."""
    if n >= 1_000_000:
        jt = n / 1_000_000
        jt_s = (f"{jt:.1f}" if abs(jt * 10 - round(jt * 10)) < 1e-9 else f"{jt:.2f}").rstrip("0").rstrip(".")
        styles = [
            f"{jt_s.replace('.', ',')}jt", f"{jt_s}jt", f"{jt_s.replace('.', ',')} jt", f"{jt_s} juta",
            f"{jt_s.replace('.', ',')} juta", f"Rp {dot(n)}", f"Rp{dot(n)}", f"Rp {dot(n)},-", f"{n // 1000}k",
            f"Rp {jt_s.replace('.', ',')}jt", f"IDR {dot(n)}",
        ]
        rest = (n % 1_000_000) // 1000
        if rest and n < 100_000_000:
            styles.append(f"{n // 1_000_000}jt{rest}")
        return pick(styles)
    k = n / 1000
    k_s = f"{k:g}".replace(".", ",")
    styles = [f"{k_s}rb", f"{k_s} rb", f"{k_s}k", f"{k_s}K", f"Rp{dot(n)}", f"Rp {dot(n)}", f"Rp {dot(n)},-",
              f"IDR {k_s}K", f"{k_s} ribu", f"{k_s}ribu", f"{dot(n)}", f"{k_s}rb aja", f"cuma {k_s}k"]
    if n < 1000:
        return f"Rp{n}"
    return pick(styles)


# --------------------------------------------------------------------------------------
# Shared vocabulary (used by both labels, so it carries no label signal).
# --------------------------------------------------------------------------------------
EMO = ["🔥", "✨", "💯", "🙏", "😍", "🛍️", "📦", "🚚", "✅", "💕", "🤍", "⚡", "📍", "💬", "📲", "🥰", "😎", "👉",
       "⭐", "🌟", "❤️", "🎉", "💥", "🤩", "😊", "🙌", "👍", "🥳", "💸", "🏷️", "‼️", "❗", "🔴", "🟢", "😁", "🤗", "😘",
       "👌", "💪", "🌸", "🌈", "🍀", "🧡", "💙", "🖤", "🤑", "📢", "🆕", "🔔", "😉", "🫶", "🥹"]
EMO_CLOTH = ["👕", "👖", "🧥", "👗", "👟", "👜", "🧢", "👚", "🧣", "🥾", "👠", "🎒", "👔", "🩳", "🧦"]

CITIES = ["Bandung", "Jakarta", "Jaksel", "Jaktim", "Bekasi", "Bogor", "Depok", "Tangerang", "Tangsel", "Surabaya",
          "Sidoarjo", "Malang", "Semarang", "Solo", "Jogja", "Sleman", "Klaten", "Cirebon", "Tasik", "Garut", "Cimahi",
          "Medan", "Binjai", "Pekanbaru", "Batam", "Palembang", "Lampung", "Padang", "Jambi", "Pontianak",
          "Banjarmasin", "Balikpapan", "Samarinda", "Makassar", "Parepare", "Manado", "Kendari", "Denpasar",
          "Mataram", "Kupang", "Karawang", "Purwakarta", "Serang", "Cilegon", "Kediri", "Jember", "Madiun",
          "Purwokerto", "Tegal", "Pekalongan", "Magelang", "Banyuwangi", "Probolinggo", "Tarakan", "Ambon"]

SHARED_SLOTS: dict = {
    "emo": lambda: pick(EMO),
    "emo2": lambda: pick(EMO) + pick(EMO),
    "cemo": lambda: pick(EMO_CLOTH),
    "city": lambda: pick(CITIES),
    "n": lambda: R.randint(2, 12),
    "hour": lambda: R.choice([7, 8, 9, 10, 13, 15, 16, 19, 20, 21]),
    "pct": lambda: R.choice([80, 85, 88, 90, 92, 95]),
    "plo": lambda: R.choice([70, 75, 80, 80, 85]),
    "phi": lambda: R.choice([90, 95, 95, 98]),
    "kak": lambda: R.choice(["kak", "ka", "kakak", "sis", "gan", "bund", "bun", "beb", "bestie", "guys", "kk", "sist",
                             "agan", "teman2", "kakak2", "bosku", "lur", "ces", "lae"]),
    "day": lambda: R.choice(["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]),
    "dd": lambda: R.choice(["9.9", "10.10", "11.11", "12.12", "GAJIAN", "AKHIR TAHUN", "RAMADHAN", "MERDEKA"]),
    "adm": lambda: R.choice(["Rina", "Dewi", "Yuni", "Bagas", "Ucok", "Asep", "Wulan", "Tika", "Dani", "Uli", "Anca"]),
    "color": lambda: pick(COLORS),
    "gdesc": lambda: expand(pick(GARMENT_DESC)),
    "part": lambda: pick(PARTS),
    "brand": lambda: pick(FOREIGN_BRANDS + LOCAL_BRANDS),
    "month": lambda: R.choice(["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
                               "September", "Oktober", "November", "Desember"]),
}

OPENERS = [
    "<Ready stock|READY STOCK|ready stock|Ready|READY> <{kak}|>!<!|>", "Halo {kak} <👋|>", "Bismillah<,|>",
    "<Haii|Hai|Hallo|Hi> <bestie|guys|semua|{kak}>", "Restock lagi nih {emo}", "<New arrival|NEW ARRIVAL|new arrival>!",
    "Promo gajian {emo}", "Flash sale hari ini aja", "Langsung aja ya {kak},", "Dijual:", "<Jual cepat|JUAL CEPAT|BU>",
    "Info buat {kak} semua", "Sugeng <enjing|siang|sonten> lur", "Wilujeng sumping<, mangga|>",
    "Assalamualaikum {kak}", "<Open order|OPEN ORDER|open PO>", "Spill dikit ya {kak}", "Hai gaes", "Stok terbatas!!",
    "Yuk merapat {emo}", "Permisi admin, izin jualan", "Bantu share ya", "Selamat datang di lapak kami",
    "Update stok terbaru", "PROMO {dd}", "Sale akhir bulan", "Kabar gembira!", "Mumpung masih ada",
    "Cek dulu sebelum kehabisan", "Cuci gudang!", "Gas {kak}", "Permisi numpang jualan", "Izin promo ya min",
    "Tabe' {kak}", "Horas!", "Punten, numpang lapak", "Mari mampir {emo}", "<Dijamin|Dijamin> puas!",
    "Best seller minggu ini", "<Siapa|Sapa> cepat dia dapat", "Maaf baru update",
]

CTAS = [
    "chat aja {kak}", "langsung checkout ya", "klik beli sekarang", "DM for order", "order via WA <ya|>",
    "yg minat langsung japri", "cus diorder", "monggo dipun pundut", "mangga diorder", "checkout sebelum kehabisan",
    "tanya stok dulu sebelum order", "budayakan bertanya sebelum membeli", "keranjang kuning ya {kak}",
    "COD bisa", "bisa COD area {city}", "sameday bisa", "ongkir ditanggung pembeli", "kirim tiap hari kecuali minggu",
    "no PHP please", "serius tanya aja", "fast respon", "nego tipis", "harga nett", "bisa nego di tempat",
    "free packing bubble", "bisa dropship", "grab/gojek ready", "ketik 'mau' di kolom komentar",
    "komen 'spill' buat info", "wa di bio", "info lengkap inbox", "klik link di bio", "hubungi admin ya",
    "pm aja {kak}", "japri aja", "langsung order aja, stok aman", "buruan sebelum kehabisan", "gaskeun",
    "jangan lupa follow {emo}", "cekidot", "ojo kesuwen, entek", "hayu atuh diorder", "ayo mi diorder",
    "cepat kelen, nanti habis", "buruan aje", "order sebelum jam {hour} kirim hari ini",
    "bisa kirim ke luar kota", "kirim luar pulau bisa", "luar {city} ongkir menyesuaikan",
]

SIGNOFFS = [
    "terima kasih 🙏", "happy shopping ✨", "matur nuwun", "hatur nuhun", "makasih {kak}", "sehat selalu",
    "semoga berkah", "admin ramah fast respon", "follow toko kami buat update", "jangan lupa bintang 5 ya {kak} ⭐",
    "salam UMKM 💪", "thank you!", "selamat berbelanja", "salam sehat", "nuhun pisan", "suwun", "makasih banyak ji",
    "God bless", "thx", "tq", "makasih udah mampir {emo}", "salam dari {city}", "sukses selalu",
    "-admin-", "~ admin {adm} ~", "salam hangat", "love u all {emo}",
]

STORE_RULES = [
    "⚠️ <WAJIB|Wajib|wajib> video unboxing <untuk|buat> klaim <retur|komplain>",
    "<Pesanan|Orderan> <diproses|dikirim> <1x24 jam|H+1|setiap hari jam {hour}>",
    "<Jam operasional|Jam kerja> <08.00-17.00|09.00-21.00|10.00-20.00>, <Minggu libur|buka setiap hari>",
    "<Warna|Foto> <bisa sedikit berbeda|mungkin beda dikit> <karena|krn> <cahaya|pencahayaan|setting layar>",
    "<Membeli|Checkout> = <setuju|menyetujui> <ketentuan toko|S&K>",
    "<Follow|Ikuti> <toko|akun> kami <untuk|buat> <info promo|update stok>",
    "<Tidak|Gak> <terima|melayani> <cancel|batal> setelah <dikirim|resi keluar>",
    "<Ukuran|Size> <manual|diukur manual>, <toleransi|selisih> 1-2 cm",
    "<Pengiriman|Kirim> <dari|via> {city}",
    "<Resi|No resi> <otomatis|update> <di aplikasi|malam hari>",
    "<Cantumkan|Tulis> <warna|ukuran|varian> di catatan <ya|>, <tanpa catatan|kalau kosong> kirim random",
    "<Barang|Produk> sudah dicek sebelum dikirim",
    "<Komplain|Klaim> maksimal <1x24 jam|2 hari> setelah barang diterima",
    "<Bisa|Terima> <COD|transfer|shopeepay|gopay|QRIS>",
]

REGIONAL = [
    "apik tenan", "murah pol", "rego pas", "sae pisan", "teu mahal", "meuni lucu", "murah kali", "mantap kali bah",
    "bagus mi", "murah ji", "kagak mahal", "cakep bener", "limited stock", "best seller", "must have", "super comfy",
    "ootd ready", "worth it banget", "auto kece", "rekomended pokoknya", "sing penting murah", "kualitas oke",
    "dijamin ga nyesel", "no debat", "bikin pangling", "wajib punya", "adem pol", "kece badai",
]

HASHTAGS_SHARED = ["#ootd", "#fashion", "#murah", "#cod", "#racuntiktok", "#viral", "#fyp", "#promo", "#olshop",
                   "#jualanonline", "#shopeehaul", "#belanjaonline", "#outfitoftheday", "#reseller", "#dropship",
                   "#ootdindo", "#fashionwanita", "#fashionpria", "#murahmeriah", "#sale"]
HASHTAGS_VIOL = ["#thrift", "#thriftshop", "#thriftindonesia", "#thriftbandung", "#bajubekas", "#balimport",
                 "#thriftjakarta", "#preloved", "#secondimport", "#thriftmurah", "#bukabal", "#thriftstore",
                 "#vintage", "#thrifting", "#karungan", "#cakarmakassar", "#monzamedan", "#awulawul"]
HASHTAGS_LEGIT = ["#umkm", "#localbrand", "#banggabuatanindonesia", "#produklokal", "#bajubaru", "#preloved",
                  "#prelovedmurah", "#thrift", "#hijab", "#batik", "#grosir", "#tanahabang", "#konveksi",
                  "#sisaekspor", "#declutter", "#secondhand", "#ootd", "#thriftlokal", "#bangga", "#kolektor"]

# Garments, for violation and legitimate listings alike. (names, kind, category group)
GARMENTS = [
    (["kemeja", "kemeja pria", "hem", "kemeja lengan panjang", "kemeja lengan pendek"], "top", "pria"),
    (["kemeja flanel", "flanel", "flannel", "kemeja kotak-kotak"], "top", "unisex"),
    (["kaos", "t-shirt", "tshirt", "kaos oblong", "tee"], "top", "unisex"),
    (["kaos band", "kaos vintage", "kaos grafis"], "top", "unisex"),
    (["polo shirt", "kaos polo", "polo"], "top", "pria"),
    (["blouse", "blus", "atasan wanita", "atasan"], "top", "wanita"),
    (["sweater", "sweater rajut", "knit", "rajutan", "knitwear"], "top", "unisex"),
    (["cardigan", "kardigan", "cardi"], "top", "wanita"),
    (["hoodie", "hodie", "jaket hoodie", "hoodie zipper"], "top", "unisex"),
    (["crewneck", "sweatshirt"], "top", "unisex"),
    (["jersey", "jersey bola", "jersey olahraga"], "top", "unisex"),
    (["jaket jeans", "jaket denim"], "outer", "unisex"),
    (["jaket parka", "parka"], "outer", "unisex"),
    (["windbreaker", "jaket parasut", "jaket windbreaker"], "outer", "unisex"),
    (["jaket kulit", "leather jacket", "jaket semi kulit"], "outer", "unisex"),
    (["varsity", "jaket varsity", "varsity jacket"], "outer", "unisex"),
    (["coat", "mantel", "long coat", "trench coat", "coat wol"], "outer", "wanita"),
    (["blazer", "jas", "blazer wanita"], "outer", "unisex"),
    (["jaket bomber", "bomber"], "outer", "pria"),
    (["jaket gunung", "jaket outdoor", "jaket fleece"], "outer", "unisex"),
    (["celana jeans", "jeans", "celana denim", "jeans pria"], "bottom", "unisex"),
    (["celana cargo", "cargo pants", "cargo"], "bottom", "pria"),
    (["celana chino", "chino"], "bottom", "pria"),
    (["celana kulot", "kulot"], "bottom", "wanita"),
    (["rok", "rok midi", "rok plisket", "rok span"], "bottom", "wanita"),
    (["celana pendek", "short pants", "celana kolor"], "bottom", "unisex"),
    (["dress", "gaun", "one piece dress", "midi dress"], "dress", "wanita"),
    (["sneakers", "sepatu sneakers", "sepatu kets"], "shoe", "unisex"),
    (["boots", "sepatu boots"], "shoe", "unisex"),
    (["sepatu kulit", "pantofel"], "shoe", "pria"),
    (["sepatu lari", "running shoes"], "shoe", "unisex"),
    (["tas selempang", "sling bag"], "bag", "unisex"),
    (["ransel", "backpack", "tas ransel"], "bag", "unisex"),
    (["tas wanita", "handbag", "tas kulit wanita", "tote bag"], "bag", "wanita"),
    (["topi", "cap", "topi baseball", "bucket hat"], "hat", "unisex"),
    (["selimut", "blanket", "selimut tebal"], "linen", "rumah"),
    (["bedcover", "sprei", "sarung bantal"], "linen", "rumah"),
    (["syal", "scarf"], "acc", "unisex"),
]
# What a bale or sack is said to contain.
BALE_ITEMS = ["kemeja", "jaket", "celana", "kaos", "campur", "mix", "sweater", "dress", "sepatu", "tas", "selimut",
              "jeans", "hoodie", "rok", "cardigan", "blouse", "coat", "celana pendek", "kaos anak", "baju anak",
              "mix wanita", "mix pria", "outer", "jaket kulit", "blazer", "fashion wanita", "bedcover", "topi"]

CONTENT_ITEMS = [b for b in BALE_ITEMS if b not in ("campur", "mix", "mix wanita", "mix pria", "fashion wanita")]
FOREIGN_BRANDS = ["Uniqlo", "GU", "Champion", "Nike", "Adidas", "The North Face", "TNF", "Levi's", "Carhartt",
                  "Dickies", "Polo Ralph Lauren", "Columbia", "Zara", "H&M", "Muji", "Patagonia", "Stussy",
                  "Tommy Hilfiger", "Lacoste", "Converse", "Vans", "New Balance", "Mizuno", "Asics", "Coach",
                  "Michael Kors", "Kappa", "Fila", "Lee", "Wrangler", "Burberry", "Barbour", "Beams", "Descente",
                  "Onitsuka", "Puma", "Reebok", "Gap", "Ellesse", "Kangol"]
LOCAL_BRANDS = ["Erigo", "3Second", "Roughneck 1991", "Cotton Ink", "Executive", "Elzatta", "Zoya", "Rabbani",
                "Eiger", "Consina", "Ortuseight", "Compass", "Brodo", "Thanksinsomnia", "Dagadu", "Screamous",
                "Greenlight", "Wadezig", "Bloods", "Aerostreet", "Ventela", "Piero", "Buttonscarves",
                "Heaven Lights", "Wearing Klamby", "Hammer", "Jiniso", "Kasual", "Nevada", "Cardinal", "Hush Puppies",
                "The Executive", "Minimal", "Shafira", "Dauky", "Edwin Indonesia", "Lois Jeans", "Arei"]
MALLS = ["Grand Indonesia", "Plaza Indonesia", "PIM", "Central Park", "Kota Kasablanka", "Paris Van Java",
         "23 Paskal", "Tunjungan Plaza", "Pakuwon Mall", "Sun Plaza Medan", "Trans Studio Mall", "Ambarrukmo Plaza",
         "Paragon Semarang", "Mal Ciputra", "AEON Mall BSD", "Summarecon Mall Bekasi", "Lippo Plaza",
         "Beachwalk Bali", "Mall Panakkukang", "Mega Mall Batam", "Matahari", "Ramayana", "Centro", "Sogo",
         "Metro Dept Store", "Transmart", "Yogya Dept Store", "Rita Supermall"]

GARMENT_DESC = [
    "bahan <tebal|adem|lembut|jatuh|stretch|kaku dikit|tipis adem|halus>", "jahitan <rapi|kuat|masih rapi>",
    "warna {color}", "model <oversize|slim fit|regular fit|boxy|cropped|longgar>", "<nyaman|enak|adem> dipakai",
    "<cocok|enak> <buat|untuk> <kuliah|kerja|nongkrong|hangout|hiking|riding|kondangan|sehari-hari>",
    "<motif|model> <kekinian|timeless|klasik|lucu|simpel>", "<bisa|cocok> <cowok|cewek|unisex>",
    "<stok|barang> baru datang", "<ada|tersedia> <beberapa|banyak> warna", "<original|ori> <100%|>, bukan KW",
    "kondisi <seperti baru|like new|masih kayak baru>", "<asli|ori> <brand|merk> <{brand}|>",
]
LETTERS = ["S", "M", "L", "XL", "XXL", "XS", "2XL", "3XL"]
PARTS = ["lengan", "kerah", "ketiak", "manset", "bagian bawah", "punggung", "saku", "bahu", "resleting"]


def size_line(kind: str) -> str:
    ld = R.randrange(86, 132, 2)
    pj = R.randrange(56, 82)
    if kind in ("top", "outer", "dress"):
        if kind == "dress":
            pj = R.randrange(85, 140)
        return expand(pick([
            f"LD {ld} PJ {pj}", f"ld {ld}cm pj {pj}cm", f"LD {ld // 2} x PJ {pj} <(diukur lurus)|(flat)|>",
            f"size {pick(LETTERS)}", f"Size {pick(LETTERS)} (LD {ld})", "<all size|allsize> <fit to L|fit XL|muat s/d XL>",
            f"ukuran {pick(LETTERS)}, lingkar dada {ld} cm", f"tag {pick(LETTERS)} fit {pick(LETTERS)}",
            f"<Ukuran|Size>: {pick(LETTERS)} | LD {ld} | PJ {pj}", f"LD: {ld} cm\nPJ: {pj} cm",
            f"lebar {ld // 2}, panjang {pj}", f"{pick(LETTERS)} (ld {ld} pj {pj})",
        ]))
    if kind == "bottom":
        w = R.randrange(26, 38)
        return expand(pick([
            f"W{w}", f"size {w}", f"pinggang {w * 2 + R.randrange(0, 6)} cm, panjang {R.randrange(88, 106)}",
            "pinggang karet <60-90|58-95|fit 70-100>", f"LP {w * 2} PJ {R.randrange(40, 106)}", f"ukuran {w}",
            f"W{w} L{R.randrange(28, 34)}", f"size {pick(LETTERS)} (pinggang {w * 2 + 2})",
        ]))
    if kind == "shoe":
        s = R.randrange(36, 46)
        return expand(pick([f"size {s}", f"eur {s} / {s * 2 // 3 - 1}<.5|> cm", f"insole {R.randrange(23, 29)} cm",
                            f"uk {s}", f"size {s} (<fit|pas> {s - 1}-{s})", f"US {s - 33} / EU {s}"]))
    if kind == "bag":
        a, b, c = R.randrange(18, 45), R.randrange(12, 35), R.randrange(5, 20)
        return pick([f"{a}x{b}x{c} cm", f"dimensi {a} x {b} cm", f"ukuran {a} x {b} x {c}", f"p {a} l {c} t {b}"])
    if kind == "hat":
        return pick(["all size, ada pengatur", "lingkar kepala 56-60", "free size", "adjustable"])
    if kind == "linen":
        return pick(["200x200 cm", "queen size 160x200", "king size 180x200", "ukuran 150x200", "single 120x200"])
    return pick(["all size", "free size", f"{R.randrange(150, 200)} x {R.randrange(30, 80)} cm"])


def used_condition() -> str:
    return expand(pick([
        "kondisi {pct}%", "kondisi <9|8|8,5|9,5>/10", "mulus no minus", "minus noda tipis di {part}",
        "ada bolong kecil di {part}", "warna sedikit pudar", "like new", "layak pakai", "jahitan aman semua",
        "resleting normal", "kancing lengkap", "minus pemakaian wajar", "no minus, siap pakai",
        "sudah dicuci bersih", "sudah laundry & setrika", "wangi, sudah di-laundry", "<kondisi|kond> bagus",
        "minus <dikit|sedikit> di {part} (lihat foto)", "ada bekas jahitan di {part}", "tanpa cacat",
        "pemakaian normal", "masih tebal", "warna masih <tajam|pekat|bagus>", "sol masih tebal", "VGC",
    ]), {"part": lambda: pick(PARTS)})


def new_condition() -> str:
    return expand(pick([
        "baru", "100% baru", "BNWT", "new with tag", "masih plastik", "brand new", "baru gress", "bukan second",
        "fresh dari konveksi", "baru, belum dicuci", "segel plastik", "NEW", "<barang|produk> baru <semua|>",
        "baru, lengkap dengan tag", "new, ready stock",
    ]))


def hashtags(pool: list[str], fashion: bool = True) -> str:
    tags = R.sample(pool, min(len(pool), R.randint(1, 4))) + (R.sample(HASHTAGS_SHARED, R.randint(0, 4)) if fashion else [])
    tags = list(dict.fromkeys(tags))
    R.shuffle(tags)
    return " ".join(tags)


def garment():
    names, kind, group = pick(GARMENTS)
    return pick(names), kind, group


def category_for(group: str) -> str:
    options = {
        "pria": ["Pakaian Pria", "Fashion Pria", "Fashion Pria > Atasan", "Pakaian Pria > Kemeja", "Pakaian",
                 "Fashion Pria > Atasan Pria > Kemeja", "Men Clothes", "Pakaian Pria > Lainnya"],
        "wanita": ["Pakaian Wanita", "Fashion Wanita", "Fashion Wanita > Atasan", "Pakaian Wanita > Outerwear",
                   "Pakaian", "Fashion Wanita > Dress", "Women Clothes", "Fashion Wanita > Bawahan"],
        "unisex": ["Pakaian Pria", "Pakaian Wanita", "Fashion Pria > Jaket", "Pakaian", "Fashion",
                   "Pakaian Pria > Hoodie & Sweatshirt", "Fashion Pria > Celana", "Pakaian Pria > Jaket & Mantel"],
        "rumah": ["Perlengkapan Rumah", "Rumah Tangga > Tekstil", "Rumah & Kebun", "Perlengkapan Rumah > Kasur"],
        "muslim": ["Fashion Muslim", "Fashion Muslim > Hijab", "Fashion Muslim > Gamis", "Busana Muslim"],
        "anak": ["Fashion Anak", "Pakaian Anak", "Ibu & Bayi > Pakaian Bayi", "Fashion Bayi & Anak"],
        "shoe": ["Sepatu Pria", "Sepatu Wanita", "Sepatu Pria > Sneakers", "Fashion > Sepatu"],
        "bag": ["Tas Wanita", "Tas Pria", "Tas Wanita > Tas Bahu", "Fashion > Tas"],
    }
    if chance(0.05):
        return pick(["Lainnya", "Others", "Fashion", "Grosir", "Pakaian"])
    return pick(options.get(group, options["unisex"]))


def garment_category(kind: str, group: str) -> str:
    if kind == "shoe":
        return category_for("shoe")
    if kind == "bag":
        return category_for("bag")
    return category_for(group)


# --------------------------------------------------------------------------------------
# Violation building blocks
# --------------------------------------------------------------------------------------
ORIGINS = (["Korea"] * 7 + ["Korsel", "Korea Selatan", "korea"] + ["Jepang"] * 6 + ["Japan"] * 3
           + ["JPN", "jepang", "China", "Cina", "Thailand", "Malaysia", "Singapore", "Australia", "Eropa", "Europe",
              "USA", "Amerika", "UK", "Inggris", "Hongkong", "Taiwan", "Kanada", "Korea-Jepang", "mix Korea Jepang"])
FLAGS = {"Korea": "🇰🇷", "Korsel": "🇰🇷", "Korea Selatan": "🇰🇷", "korea": "🇰🇷", "Jepang": "🇯🇵", "Japan": "🇯🇵",
         "JPN": "🇯🇵", "jepang": "🇯🇵", "China": "🇨🇳", "Cina": "🇨🇳", "Thailand": "🇹🇭", "Malaysia": "🇲🇾",
         "Singapore": "🇸🇬", "Australia": "🇦🇺", "USA": "🇺🇸", "Amerika": "🇺🇸", "UK": "🇬🇧", "Inggris": "🇬🇧",
         "Hongkong": "🇭🇰", "Taiwan": "🇹🇼", "Kanada": "🇨🇦", "Eropa": "🇪🇺", "Europe": "🇪🇺"}
MARKETS = ["Gedebage", "Pasar Senen", "Senen Blok III", "Blok M Square", "Pajak Melati", "Pasar Butung",
           "Pasar Klitikan", "Pasar Baru", "Pasar Kodim", "Pasar Sentral", "Pasar Tanah Merah", "Pasar Cimol",
           "Pasar Senggol", "Pasar Jatinegara", "Pasar Kaget", "Pasar Loak"]
ENTRY_TOWNS = ["Batam", "Tanjung Balai", "Pontianak", "Dumai", "Nunukan", "Tarakan", "Entikong", "Belawan",
               "Tanjung Pinang", "Bengkalis", "Karimun", "Jambi", "Sanggau", "Parepare"]
BALE_TERMS = ["bal", "ball", "bal segel", "ballpress", "balpres", "bal press", "bale", "balan", "ball segel",
              "bal thrift", "ball import", "bal import", "bal original"]
GRADES = ["A", "A", "A", "B", "B", "C", "AA", "super", "A+", "premium", "A/B", "campur"]
CARGO = ["kargo", "ekspedisi", "truk", "kapal", "Indah Cargo", "JNE Trucking", "Dakota", "travel", "Deliveree",
         "Lalamove", "pick up", "Baraka", "Herona", "Wahana"]


def origin_ctx() -> dict:
    origin = pick(ORIGINS)
    return {
        "origin": origin,
        "flag": FLAGS.get(origin, ""),
        "market": lambda: pick(MARKETS),
        "town": lambda: pick(ENTRY_TOWNS),
        "grade": lambda: pick(GRADES),
        "cargo": lambda: pick(CARGO),
        "bitem": lambda: pick(BALE_ITEMS),
        "bitems": lambda: ", ".join(R.sample(CONTENT_ITEMS, R.randint(2, 5))),
        "brand": lambda: pick(FOREIGN_BRANDS),
        "pct2": lambda: R.choice([90, 95, 98]),
        "pcs": lambda: R.randrange(180, 520, 10),
        "kg": lambda: R.choice([45, 50, 60, 80, 90, 95, 100, 100, 100, 105, 110]),
        "retail": lambda: price_text(rnd(10000, 150000, 5000)),
        "bale_price": lambda: price_text(rnd(2_000_000, 8_500_000, 50_000)),
        "perkg": lambda: price_text(rnd(25_000, 120_000, 5000)),
        "kak": SHARED_SLOTS["kak"],
    }


def draft(title, facts, price, category, tags, *, keep=1, qa=(), spec=None, kind=None, title_only_ok=True,
          commerce=True, platforms=None, fashion=True):
    """Everything the renderer needs to turn a generated listing into text."""
    return {"title": title, "facts": facts, "price": price, "category": category, "tags": tags, "keep": keep,
            "qa": list(qa), "spec": spec or {}, "kind": kind, "title_only_ok": title_only_ok,
            "commerce": commerce, "platforms": platforms, "fashion": fashion}


def x(ctx, *templates) -> list[str]:
    return [expand(t, ctx) for t in templates]


QA_VIOL = [
    ("bisa pilih <model|warna>?", "<ga bisa|tidak bisa> {kak}, <random|acak|sesuai stok>"),
    ("<ori|original> ga?", "<ori|original> {kak}, <barang luar|asli {origin}|bukan KW>"),
    ("<masih ada|ready>?", "<ready|ada> selama <iklan|postingan> <tayang|masih ada>"),
    ("bisa <COD|cod>?", "bisa <area {city}|sekitar {city}|kalau dekat>"),
    ("<kondisinya|kondisi> gimana?", "rata-rata {pct}%<, ada yg minus dikit|>"),
    ("bisa <retur|tukar>?", "<maaf|mohon maaf> <ga bisa|tidak bisa> {kak}<, barang second|>"),
    ("<ukuran|size> <apa aja|ada apa aja>?", "<campur|mix> <S-XL|M-XXL|semua ukuran>"),
    ("<kirim|pengiriman> dari mana?", "dari {city} {kak}"),
    ("<isi|berapa> pcs?", "<±|sekitar |>{pcs} pcs"),
]
QA_SHARED = [
    ("<ready|ready kak|masih ada>?", "<ready|masih|ada> {kak}<, langsung checkout aja|>"),
    ("bisa COD?", "bisa <area {city}|sekitar {city}>"),
    ("<ongkir|ongkos kirim> berapa?", "<tergantung alamat|cek di aplikasi|sesuai ekspedisi> {kak}"),
    ("<bisa|boleh> nego?", "<nego tipis|harga udah pas|boleh dikit> {kak}"),
    ("<kirim|dikirim> kapan?", "<hari ini|besok pagi|H+1> {kak}"),
    ("<bisa|boleh> grosir?", "bisa {kak}, <chat dulu|min {n} pcs>"),
]


def v_plain() -> dict:
    item, kind, group = garment()
    ctx = origin_ctx()
    retail = chance(0.65)
    price = rnd(10000, 180000, 5000) if retail else rnd(1_500_000, 7_500_000, 50_000)
    ctx.update({
        "item": item,
        "bi": lambda: pick(["bekas impor", "bekas import", "impor bekas", "import bekas", "bekas luar negeri",
                            "bekas impor", "bekas import", "second import", "import second", "2nd impor", "bekas luar",
                            "second impor", "used import", "bekas impor"]),
        "what": lambda: pick(["baju", "pakaian", "barang", "bj", "baju2", "pakaian", "baju"]),
        "ptxt": price_text(price),
        "size": lambda: size_line(kind),
        "cond": used_condition,
    })
    if retail:
        title = expand(pick([
            "<Jual|jual|JUAL|> {item} {bi} <{origin}|> <{ptxt}|murah|> <{emo}|>",
            "<BAJU|Baju|baju|PAKAIAN|Pakaian> <BEKAS IMPOR|bekas import|bekas impor|BEKAS IMPORT> <{ptxt}|murah meriah|3 pcs 100rb|ecer & grosir|>",
            "{item} <impor|import> bekas <ex |asal |dari |>{origin} <{size}|>",
            "{item} {bi} <original|ori|branded|> <{origin}|>",
            "<Ready|READY|ready> {what} {bi} <fresh|baru datang|> <{emo}|>",
            "jual {what} {bi} <murah|> <{city}|>",
            "{what} {bi} <{origin}|> <mulai|start|cuma> {ptxt}",
        ]), ctx)
    else:
        title = expand(pick([
            "<Gudang|Lapak|Toko|Grosir> {what} {bi} <{city}|{market}|termurah>",
            "<Grosir|GROSIR> {what} {bi} <{origin}|> <borongan|partai>",
            "<thrift|baju bekas impor|second import> kiloan <{origin}|> <{perkg}/kg|per kg|murah>",
            "{what} {bi} <borongan|per karung|partai besar> <{ptxt}|>",
        ]), ctx)
    facts = x(ctx, pick([
        "<baju|pakaian|barang> {bi} <langsung dari|asal|ex|dari> {origin} <{flag}|>",
        "{item} {bi} <{origin}|>, {size}, {cond}",
        "<jual|menjual|sedia> <pakaian|baju|barang> {bi} <ecer|eceran> <& grosir|dan grosir|>",
    ]))
    facts += x(ctx, *R.sample([
        "<ecer|eceran> & grosir, <harga mulai|mulai|start> {retail}",
        "<kaos|kemeja|celana> {retail}, <jaket|coat|hoodie> {retail}, <sepatu|tas|dress> {retail}",
        "<3 pcs|5 pcs|ambil 3> <100rb|120rb|150rb|harga spesial>",
        "<semua|barang> sudah <dicuci|di-laundry|disortir|dipilih>, <layak pakai|kondisi bagus|siap pakai>", "{gdesc}",
        "kondisi <bekas|second> <wajar|pemakaian> ya {kak}, namanya juga barang bekas <impor|import>",
        "<stok|barang> <datang|masuk> tiap <minggu|bulan|hari {day}>",
        "<lokasi|lapak> di <{market}|{city}>, <bisa|boleh> <datang langsung|ambil di tempat>",
        "{size}", "{cond}",
        "<mohon maaf|maaf> <no retur|tidak terima retur|barang bekas tidak bisa retur>",
        "<ukuran|size> campur <S-XXL|M-XL|S-XL|kecil sampe jumbo>",
        "<melayani|terima> <partai besar|borongan|reseller> <juga|>",
        "<barang|stok> <impor|import> langsung, <bukan|bukan barang> lokal",
        "<harga|hrg> <borongan|partai> {ptxt}" if not retail else "<harga|hrg> {ptxt} <per pcs|/pcs|satuan>",
    ], R.randint(2, 6)))
    qa = R.sample(QA_VIOL, R.randint(1, 3)) + R.sample(QA_SHARED, R.randint(0, 2))
    return draft(title, facts, price, garment_category(kind, group), HASHTAGS_VIOL,
                 qa=[(expand(q, ctx), expand(a, ctx)) for q, a in qa], kind=kind,
                 spec={"Asal": ctx["origin"], "Kondisi": "bekas", "Ukuran": size_line(kind)})


def v_bale() -> dict:
    ctx = origin_ctx()
    price = rnd(1_800_000, 8_800_000, 50_000)
    bale = pick(BALE_TERMS)
    items = pick(BALE_ITEMS)
    ctx.update({
        "bale": bale, "BALE": bale.upper(), "Bale": bale.title(), "items": items,
        "ptxt": price_text(price), "PCS": R.randrange(180, 520, 10), "KG": R.choice([45, 50, 90, 100, 100, 110]),
        "small": R.randrange(80, 220, 10), "zonk": R.choice([5, 10, 15, 20, 25, 30]),
        "perpcs": lambda: price_text(rnd(8000, 25000, 1000)),
        "blist": lambda: "\n".join(
            expand("<-|•|▪️|✅|> {b} {it} {o} <=|:|-|→> {p}", {"b": bale, "it": it, "o": pick(ORIGINS),
                                                              "p": price_text(rnd(1_800_000, 8_800_000, 50_000))})
            for it in R.sample(BALE_ITEMS, R.randint(3, 7))),
        "cities": lambda: ", ".join(R.sample(CITIES, R.randint(2, 5))),
    })
    title = expand(pick([
        "<{BALE}|{Bale}|{bale}> {items} {origin} <isi|±|> {PCS} pcs <{emo}|{emo2}|>",
        "{bale} <segel|seal|fresh|SEGEL> {origin} <{KG}kg|{KG} kg|> <grade {grade}|>",
        "<Distributor|Supplier|Agen|Importir|Gudang|DISTRIBUTOR> {bale} <import|impor|thrift|> <{city}|termurah|terpercaya|resmi|>",
        "<Jual|Ready|Stok|READY> {bale} {items} <mix|campur|> <{origin}|> <per bal|>",
        "<Harga|List harga|Pricelist|PRICELIST> {bale} <{origin}|import|> <terbaru|update {month}|>",
        "{bale} <thrift|bekas|second> {items} <{origin}|> {ptxt}",
        "<paket usaha|modal usaha> thrift: 1 {bale} {PCS} pcs",
        "<Agen|Gudang|Juragan> {bale} <{city}|> - <open reseller|terima reseller> <thrift|>",
        "<open reseller|OPEN RESELLER> thrift <{origin}|import> <per {bale}|per karung>",
        "<sepatu|tas|baju anak|selimut> <second import|bekas impor|thrift> per <karung|{bale}> <{origin}|>",
        "<used clothing|used clothes|second hand clothing> <bale|bales> <{origin}|Korea|Japan> <{KG}kg|100kg>",
        "<karung|1 karung> <{origin}|> {KG} kg <isi {PCS} pcs|{items}>",
        "{bale} <sepatu|tas|selimut|topi> <{origin}|> isi <{small} pasang|{small} pcs>",
        "<balan pendek|bal kecil|half bal> {items} {origin} <{small} pcs|>",
        "{BALE} {origin} {items} <GRADE {grade}|> <{KG}KG|> <{ptxt}|>",
    ]), ctx)
    facts = x(ctx, pick([
        "<berat|berat bersih|timbangan> <±|kurang lebih |sekitar |>{KG} kg <per {bale}|/{bale}|>, isi <±|>{PCS} pcs",
        "isi <±|kurang lebih |sekitar |>{PCS} <pcs|potong|lembar|pc|pcs> <campur|mix> {bitems}",
        "{bale} {items} <asli|original|> {origin}, <berat|±> {KG} kg",
        "tersedia <{bale}|>:\n{blist}",
    ]))
    facts += x(ctx, *R.sample([
        "<harga|hrg> <per {bale}|/{bale}|1 {bale}> {ptxt} <nego|nett|bisa nego tipis|>",
        "<grade|kualitas> {grade}, <kepala banyak|sortiran pabrik|isi bagus|jarang zonk>",
        "<melayani|terima> <reseller|pengusaha thrift|pemilik toko|distributor> <seluruh Indonesia|luar pulau|se-Jawa>",
        "<pengiriman|kirim> <via|pakai> {cargo} <dari gudang {city}|>",
        "<min order|minimal order|minimal> <1 {bale}|2 {bale}|3 {bale}>",
        "<stok|ready> <gudang|> <{n}0 {bale}|ratusan {bale}|puluhan {bale}> <siap kirim|>",
        "<langsung|direct> dari <gudang|importir|pelabuhan|container> <tangan pertama|>",
        "{bale} <segel|masih segel|belum dibuka> <asli|original> <{origin}|>",
        "<video unboxing|video buka {bale}|foto isi> <ada|tersedia> <minta via WA|>",
        "<beli|order> {n} {bale} <bonus|free|gratis> <1 karung sortiran|ongkir|1 balan kecil>",
        "<cocok|pas> <buat|untuk> <usaha thrift|buka lapak|jualan online|live TikTok>",
        "<rata-rata|rata2> <per pcs|/pcs> <cuma|hanya> {perpcs}",
        "balan pendek isi <±|>{small} pcs <juga ada|ready juga>",
        "<zonk|reject> <maks|max|cuma> {zonk}%",
        "bisa <kirim|antar> <ke|sampai> {cities}",
        "<barang|stok> masuk <lewat|via> {town} <tiap minggu|rutin>",
        "<harga|hrg> per kg <juga bisa|tersedia>: {perkg}",
        "<ada|tersedia> grade A <dan|&> grade B", "<bisa|jual> kiloan <juga|> {perkg}/kg",
        "jual lagi <per pcs|ecer> <bisa|untung> 2-3x lipat",
    ], R.randint(3, 8)))
    qa = R.sample(QA_VIOL, R.randint(1, 3))
    return draft(title, facts, price, pick(["Grosir", "Pakaian", "Lainnya", category_for(pick(["pria", "wanita", "unisex"]))]),
                 HASHTAGS_VIOL, keep=2, qa=[(expand(q, ctx), expand(a, ctx)) for q, a in qa],
                 spec={"Isi": f"{ctx['PCS']} pcs", "Berat": f"{ctx['KG']} kg", "Asal": ctx["origin"],
                       "Grade": pick(GRADES)},
                 platforms={"shopee": 3, "tokopedia": 3, "tiktokshop": 2, "lazada": 1, "bukalapak": 2, "blibli": 0.5,
                            "facebook": 4, "instagram": 2, "other": 2.5})


CODE_REGIONS = {
    "cakar": {"code": ["cakar", "CAKAR", "Cakar", "cakar-cakar", "cakar2"],
              "where": ["Makassar", "Parepare", "Palopo", "Kendari", "Sulsel", "Bone", "Gowa", "Maros"],
              "market": ["Pasar Butung", "Pasar Senggol", "lapak Parepare", "Pasar Sentral", "Pasar Cidu"],
              "talk": ["<murah|bagus> <ji|mi> {kak}", "<ada|masih ada> cakar <kepala|bagus> di <lapak|Butung> <di'|ji>",
                       "<tabe'|iye>, <yang mau|mau ki'> cakar <langsung chat|japri>", "ayo mi <diborong|dipilih>",
                       "<na|nah> cakar baru <datang|masuk> <ki'|mi>"]},
    "monza": {"code": ["monza", "MONZA", "Monza", "monja"],
              "where": ["Medan", "Binjai", "Pematangsiantar", "Tebing Tinggi", "Sumut", "Tanjung Balai"],
              "market": ["Pajak Melati", "Pajak Simalingkar", "Pajak Sambu", "Pajak Aksara"],
              "talk": ["<cepat|buruan> kelen <sebelum habis|>", "murah kali <bah|lae|>", "monza <ready|datang> lagi <bah|lae|>",
                       "<pigi|pergi> aja ke lapak <kami|awak>", "<kelen|kalian> <mau|cari> monza? <sini|di sini> <lah|>"]},
    "awul": {"code": ["awul-awul", "awul awul", "awul2", "AWUL-AWUL", "awul", "awul2an"],
             "where": ["Jogja", "Jogjakarta", "Solo", "Klaten", "Sleman", "Bantul", "Magelang", "Sragen"],
             "market": ["Pasar Klitikan", "Sekaten", "Pasar Beringharjo", "Pasar Notoharjo", "Alun-alun"],
             "talk": ["monggo <dipilih|dipun pirsani>", "<rego|regane> <murah pol|miring>", "<awul2|awul-awul> <buka|ready> <lur|>",
                      "<barange|barang e> apik-apik <lho|kok>", "<sing|yang> <cepet|gasik> <entuk|dapet>"]},
    "cimol": {"code": ["cimol", "CIMOL", "Cimol", "cimol gedebage"],
              "where": ["Bandung", "Cimahi", "Gedebage", "Bandung Timur", "Cileunyi"],
              "market": ["Gedebage", "Pasar Cimol Gedebage", "Pasar Baru", "Cibadak"],
              "talk": ["mangga <diorder|dipilih> <teh|atuh>", "<sae|alus> <pisan|> <barangna|>",
                       "cimol <langsung|asli> ti <lapak|kios> <abdi|urang>", "hayu <atuh|> <borong|serbu>"]},
    "karungan": {"code": ["karungan", "KARUNGAN", "Karungan", "karung-karungan", "karungan thrift"],
                 "where": ["Jakarta", "Bandung", "Bekasi", "Bogor", "Surabaya", "Pekanbaru", "Batam", "Jambi"],
                 "market": ["Senen", "Gedebage", "Blok M Square", "Pasar Kodim", "gudang"],
                 "talk": ["karungan <fresh|baru> <datang|bongkar> <minggu ini|hari ini>", "isi karungan <bagus2|mantap|lumayan>",
                          "<akun lama kena banned|akun lama hilang>, ini akun baru ya {kak}"]},
    "bal": {"code": ["buka bal", "pecah bal", "bongkar bal", "buka ball", "pecah ball", "BUKA BAL", "PECAH BAL",
                     "balpres", "ballpress"],
            "where": ["Jakarta", "Bandung", "Surabaya", "Medan", "Makassar", "Bekasi", "Tangerang", "Semarang"],
            "market": ["Senen", "Gedebage", "Blok M", "gudang kami", "lapak"],
            "talk": ["<live|LIVE> <jam|pukul> {hour}.00 <TikTok|IG|FB>", "<checkout|co> sesuai <nomor|kode> di live",
                     "<ketik|komen> '<mau|keep|ambil> + <kode|nomor>' <di kolom komentar|>",
                     "yg telat <ga kebagian|gigit jari> {emo}"]},
}


def v_code() -> dict:
    region = pick(list(CODE_REGIONS))
    cr = CODE_REGIONS[region]
    item, kind, group = garment()
    ctx = origin_ctx()
    retail = chance(0.55)
    price = rnd(10000, 120000, 5000) if retail else rnd(900_000, 7_000_000, 50_000)
    ctx.update({
        "code": lambda: pick(cr["code"]), "where": lambda: pick(cr["where"]), "mk": lambda: pick(cr["market"]),
        "talk": lambda: expand(pick(cr["talk"]), ctx), "item": item, "ptxt": price_text(price),
        "p1": lambda: price_text(rnd(25000, 90000, 5000)), "p2": lambda: price_text(rnd(10000, 35000, 5000)),
        "size": lambda: size_line(kind), "cond": used_condition,
        "tier": lambda: pick(["kepala", "kepala", "badan", "kaki", "kepala super", "kualitas kepala"]),
        "TIER": lambda: pick(["KEPALA", "Kepala", "kepala"]),
    })
    title = expand(pick([
        "<{code}|{code}> <fresh|baru buka|baru datang|new|masuk> {item} <{ptxt}|> <{emo}|>",
        "<buka|pecah|bongkar> <bal|karung|ball> <{origin}|> <hari ini|malam ini|jam {hour}|live> <{emo}|>",
        "<jual|ready|JUAL> {code} <per karung|borongan|ecer|murah> <{where}|>",
        "{code} {tier} {item} <{origin}|>",
        "<sortiran|sortir> {tier} <karungan|dari karung> <{origin}|> {n}0 pcs",
        "<LIVE|live> <pecah|buka> bal <{origin}|> - {item} <{ptxt}|mulai {ptxt}>",
        "{code} {where} <{item}|fashion wanita|fashion pria|campur> <{ptxt}|>",
        "{TIER} {origin} <sortiran|pilihan> {item} <{n}0pcs|>",
        "<{code}|{code}> <{mk}|{where}> <{emo}|> {item} <mulai|start> {ptxt}",
    ]), ctx)
    # Make sure the listing's own code word is visible when the title did not use one.
    facts = x(ctx, pick([
        "{code} <baru|fresh> <buka karung|turun|masuk> <tadi pagi|kemarin|minggu ini|hari ini>",
        "{code} {item} <{origin}|> <ready|ada>, {size}",
        "<jual|ready> {code} <ecer|borongan> di {mk} {where}",
        "<ada|ready> {code} <1 karung|per karung|borongan> <isi|:> {bitems}",
    ]))
    facts += x(ctx, *R.sample([
        "<kepala|kualitas kepala> {p1}, <badan|kualitas badan> {p2}<, kaki 5rb|>",
        "<isi|campur> {bitems}",
        "<harga|hrg> <mulai|start> {p2} <sampe|-|s/d> {p1}",
        "<ambil|borong> {n} <gratis ongkir|dapat harga grosir|lebih murah> <{where}|>",
        "<sistem|pakai sistem> siapa cepat dia dapat",
        "<ketik|komen> '<mau|keep|ambil> + <kode|nomor>' <di kolom komentar|>",
        "<pecah|buka> bal <jam|pukul> {hour}.00 <di live|live> <TikTok|IG|FB>",
        "karung <ke-{n}|baru> <hari ini|minggu ini>, isinya <bagus2|mantap|lumayan>",
        "{talk}", "{talk}", "{size}", "{cond}", "{gdesc}",
        "<borongan|1 karung> {ptxt}" if not retail else "<harga|hrg> {ptxt} </pcs|per pcs|satuan|>",
        "<ambil|datang> <langsung|aja> ke {mk}",
        "<asal|dari> {origin} <semua|>",
        "<sortir|pilih> sendiri <boleh|bisa> <kalau datang|di lapak>",
        "<kirim|bisa kirim> <ke luar kota|seluruh Indonesia|{city}>",
    ], R.randint(2, 7)))
    qa = R.sample(QA_VIOL, R.randint(1, 2)) + R.sample(QA_SHARED, R.randint(0, 2))
    return draft(title, facts, price, garment_category(kind, group), HASHTAGS_VIOL,
                 qa=[(expand(q, ctx), expand(a, ctx)) for q, a in qa], kind=kind,
                 spec={"Asal": ctx["origin"], "Lokasi": pick(cr["market"])},
                 platforms={"shopee": 2, "tokopedia": 2, "tiktokshop": 3, "lazada": 1, "bukalapak": 2, "blibli": 0.5,
                            "facebook": 4, "instagram": 3, "other": 1.5})


# Words that say "from abroad" but not "used"; in a title they come with a condition.
WEAK_EUPHEMISMS = {"barang luar negeri", "barang LN", "kualitas luar negeri", "stok luar", "barang luar",
                   "koleksi luar negeri", "ex luar"}
EUPHEMISMS = ["pre-loved import", "preloved import", "preloved luar", "second luar", "second import", "ex {origin}",
              "eks {origin}", "barang luar negeri", "barang LN", "kualitas luar negeri", "stok luar",
              "used {origin}", "second branded luar", "vintage import", "pre-owned {origin}", "preloved {origin}",
              "second original luar", "barang luar", "koleksi luar negeri", "ex luar", "impor second",
              "second {origin}", "pre-loved luar", "ori luar second"]


def v_euphemism() -> dict:
    item, kind, group = garment()
    ctx = origin_ctx()
    packaged = chance(0.35)
    price = rnd(450_000, 3_500_000, 50_000) if packaged else rnd(25_000, 350_000, 5000)
    ctx.update({
        "item": item, "ptxt": price_text(price), "size": lambda: size_line(kind), "cond": used_condition,
        "eu": lambda: expand(pick(EUPHEMISMS), ctx),
        "EU": lambda: expand(pick([e for e in EUPHEMISMS if e not in WEAK_EUPHEMISMS]), ctx).upper(),
        "teu": lambda: (lambda e: e if e not in WEAK_EUPHEMISMS else e + " <kondisi {pct}%|second|bekas pakai|{pct}%>")(
            pick(EUPHEMISMS)),
        "pcsn": R.choice([20, 25, 30, 50, 50, 75, 100]),
    })
    if packaged:
        title = expand(pick([
            "<Paket|Paketan|PAKET> <reseller|usaha|hemat> {teu} {item} {pcsn}pcs",
            "{teu} {item} <paket|borongan> {pcsn} pcs <random|acak|>",
            "<Paket|paket> {pcsn} pcs {item} <{teu}|barang luar negeri kondisi {pct}%>",
        ]), ctx)
    else:
        title = expand(pick([
            "{item} <ex|eks> {origin} <preloved|pre-loved|second|> <{brand}|> <{size}|>",
            "<Pre-loved|Preloved|PRELOVED> <import|impor|luar> {item} <{origin}|> <random|>",
            "<Second luar|SECOND LUAR|second import> {item} <{brand}|> <{ptxt}|>",
            "{brand} {item} <original|ori> <ex|from> {origin} <kondisi {pct}%|second|preloved|{pct}%>",
            "<Barang luar negeri|Barang LN> {item} kondisi {pct}%",
            "{item} {teu} <{brand}|> <size {l}|>",
            "{EU} {item} <{emo}|>",
        ]), dict(ctx, l=pick(LETTERS)))
    facts = x(ctx, pick([
        "<barang|stok> <luar negeri|LN|luar> kondisi <{pct}%|{plo}-{phi}%>",
        "{eu}, <bukan|bukan barang> <lokal|bekas lokal> ya {kak}",
        "<koleksi|pilihan> {eu}, {size}",
        "{item} {eu} <{brand}|>, {cond}",
    ]))
    facts += x(ctx, *R.sample([
        "<bukan|bukan barang> <lokal|KW|bekas lokal> ya {kak}, <asli|langsung> <{origin}|luar>",
        "<pre-loved|preloved> <import|impor|luar> <pilihan|terkurasi|>",
        "<sudah|udah> <dicuci|laundry|disetrika>, <wangi|bersih|siap pakai>",
        "<stok|barang> <datang|masuk> dari {town} tiap <minggu|bulan>",
        "<koleksi|pilihan> {eu}, <ukuran|size> {size}",
        "<reseller|dropship> <welcome|boleh|dipersilakan>",
        "<dikirim|kirim> random <warna|motif|model>" if packaged else "{cond}",
        "<isi|paket> {pcsn} pcs <campur|mix> <ukuran|model>" if packaged else "{size}",
        "<kondisi|kualitas> <second|pakai> tapi <masih bagus|layak|mulus>", "{gdesc}", "{gdesc}",
        "<harga|hrg> {ptxt} <nett|nego tipis|>",
        "<made in|tag> <{origin}|Korea|Japan|Vietnam|Bangladesh>, <dapet|beli> <di|dari> {origin}" if not packaged
        else "<cocok|pas> <buat|untuk> <mulai usaha|jualan live|lapak>",
        "<original|ori> {brand}, <bukan|no> KW",
        "<1 pcs|stok 1|only one>, <sold = hapus|siapa cepat>" if not packaged else "<beli 2 paket|ambil banyak> lebih murah",
    ], R.randint(2, 6)))
    qa = R.sample(QA_VIOL, R.randint(0, 2)) + R.sample(QA_SHARED, R.randint(0, 2))
    return draft(title, facts, price, garment_category(kind, group), HASHTAGS_VIOL,
                 qa=[(expand(q, ctx), expand(a, ctx)) for q, a in qa], kind=kind,
                 spec={"Asal": ctx["origin"], "Kondisi": f"{ctx['pct2']()}%", "Ukuran": size_line(kind)})


# Context-only listings never use these (checked after generation).
CONTEXT_BANNED = re.compile(
    r"\b(bal+|bale|balan|balpres|ballpress|bekas|second|seken|2nd|thrift\w*|pre-?loved|pre-owned|cakar|monza|awul\w*|"
    r"cimol|karungan|kepala|badan|bongkar|ex|eks|luar negeri|LN|used|vintage|secondhand)\b", re.I)


def v_context() -> dict:
    ctx = origin_ctx()
    ctx["origin"] = pick([o for o in ORIGINS if "-" not in o])
    ctx["flag"] = FLAGS.get(ctx["origin"], "")
    per_kg = chance(0.25)
    price = rnd(30_000, 95_000, 5000) if per_kg else rnd(1_500_000, 7_500_000, 50_000)
    unit = "per kg" if per_kg else pick(["per karung", "per karung", "per paket", "per koli", "per sak"])
    items = pick(["atasan wanita", "kemeja", "jaket", "outer", "celana", "campur", "mix pria wanita", "sweater",
                  "dress", "kaos", "hoodie", "fashion wanita", "jeans", "rok", "coat", "blouse", "baju anak", "sepatu"])
    ctx.update({"unit": unit, "items": items, "ptxt": price_text(price), "KG": R.choice([45, 50, 60, 90, 100, 100]),
                "ORIGIN": ctx["origin"].upper()})
    title = expand(pick([
        "<PAKET|Paket|paket> <RESELLER|reseller|usaha|USAHA> {origin} <GRADE|grade> {grade} <{unit}|{KG}KG|{KG} kg>",
        "{origin} grade {grade} {KG}kg <isi campur|mix|random> <{items}|>",
        "<Paket|Paketan> {items} {origin} <{unit}|{KG} kg> <grade {grade}|>",
        "<{origin} mix|mix {origin}> {items} <{KG}kg|{unit}> <random|acak>",
        "<Karung|1 karung> {origin} <isi|±>{pcs} pcs <grade {grade}|>",
        "{items} {origin} <per kilo|per kg> <grade {grade}|>" if per_kg else "{ORIGIN} {items} GRADE {grade} {unit}",
        "<{flag}|> {origin} {items} <{KG} kg|{unit}> <isi random|campur>",
    ]), ctx)
    facts = x(ctx, pick([
        "<asal|dari|origin> {origin} <{flag}|>, grade {grade}, {unit} <±|sekitar |>{KG} kg",
        "{origin} grade {grade}, isi <campur|mix> <random|acak> ({bitems})",
        "<isi|isinya> <campur|mix> <random|acak> <{items}|{bitems}> <asal|dari> {origin}",
    ]), "<kondisi|kualitas> <{plo}-{phi}%|rata-rata {pct}%|bervariasi {plo}-{phi}%>" if chance(0.7) else
        "<ada|kadang ada> yang <minus|kurang> <dikit|sedikit>, <wajar|namanya juga random>")
    facts += x(ctx, *R.sample([
        "<asal|dari|origin> {origin} <{flag}|>",
        "<grade|kualitas> {grade}",
        "<{unit}|per paket> <±|sekitar |>{KG} kg",
        "<tidak|ga|gak> bisa <pilih|request> <model|ukuran|warna>",
        "<cocok|khusus> <untuk|buat> <reseller|usaha|pemilik toko|jualan live>",
        "harga {unit}, bukan per pcs",
        "<layak pakai|sudah disortir|siap jual> <semua|>",
        "<kirim|pengiriman> <via {cargo}|pakai ekspedisi|dari gudang {city}>",
        "<jual|dijual> lagi <10-20rb|15-30rb|20-50rb> <per pcs|an> <sudah untung|balik modal cepat>",
        "<stok|ready> <{n} karung|terbatas|tiap minggu>",
        "<foto|video> <isi|asli> <ada|minta via chat>",
        "<per kilo|per kg> {perkg}<, min {n} kg|>" if per_kg else "<harga|hrg> {ptxt} {unit}",
        "isi <±|kurang lebih |>{pcs} pcs",
        "<barang|stok> masuk <lewat|dari> {town}",
        "<sortir|pilah> sendiri <ya|aja> {kak}",
        "<dijual|jual> apa adanya, <no komplain|tanpa retur>",
    ], R.randint(2, 7)))
    qa = [("bisa pilih <model|isi>?", "<ga bisa|tidak bisa> {kak}, <random|acak>"),
          ("<dari|asal> mana?", "{origin} {kak}"), ("<berapa|isi berapa> pcs?", "<±|sekitar> {pcs} pcs")]
    return draft(title, facts, price, pick(["Grosir", "Pakaian", "Lainnya", category_for(pick(["wanita", "unisex"]))]),
                 HASHTAGS_SHARED, keep=2, qa=[(expand(q, ctx), expand(a, ctx)) for q, a in R.sample(qa, R.randint(0, 2))],
                 spec={"Asal": ctx["origin"], "Grade": ctx["grade"](), "Berat": f"{ctx['KG']} kg", "Isi": "campur random"},
                 title_only_ok=False)


def v_single() -> dict:
    item, kind, group = garment()
    ctx = origin_ctx()
    ctx["origin"] = pick([o for o in ORIGINS if "-" not in o and "mix" not in o])
    price = rnd(20_000, 450_000, 5000) if kind in ("shoe", "bag") else rnd(15_000, 350_000, 5000)
    ctx.update({"item": item, "ptxt": price_text(price), "size": lambda: size_line(kind), "cond": used_condition,
                "u": lambda: pick(["bekas", "second", "thrift", "2nd", "seken", "bekas", "second"]),
                "l": pick(LETTERS), "made": pick(["Japan", "Korea", "Vietnam", "China", "Bangladesh", "USA", "Italy"])})
    title = expand(pick([
        "{item} {u} {origin} <{brand}|> <size {l}|>",
        "<{brand}|> {item} <thrift|second> <ex |>{origin} <original|ori|> <size {l}|>",
        "{item} <thrift|bekas> <{origin}|import> <1 pcs|one piece|only 1>",
        "<Vintage|vintage> {item} <{brand}|> {origin} <2nd|second|bekas>",
        "<Used|Pre-owned|Second hand> {brand} {item} from {origin}, size {l}",
        "{u} {origin} {item} <{ptxt}|> <{emo}|>",
        "{item} <bekas|second> <impor|import> {origin} <{brand}|>",
        "<{cemo}|> {brand} {item} {u} {origin} <{l}|>",
    ]), ctx)
    facts = x(ctx, pick([
        "{item} {u} <import|impor|asli> {origin}",
        "{item} {u} <dari|ex|asal> {origin}, {size}",
        "{u} <{origin}|import {origin}>, <original|ori> {brand}",
    ]))
    facts += x(ctx, *R.sample([
        "{size}", "{cond}", "{cond}", "{gdesc}", "{gdesc}",
        "<1 barang 1 foto|yang di foto yang dikirim|real pict|foto asli>",
        "<only 1|cuma 1|1 pcs only|stok 1>, <sold = hapus|siapa cepat>",
        "<no retur|tidak bisa retur|no komplain setelah terima>",
        "<sudah|udah> <dicuci|laundry> <bersih|wangi>",
        "<original|ori> <{brand}|>, <cek tag|tag masih ada|made in {made}>",
        "<dapat|dapet> dari <lapak {market}|buka bal kemarin|karungan|bal {origin}>",
        "<harga|hrg> <pas|nett|nego tipis> {ptxt}",
        "<ukuran|size> diukur <manual|lurus>",
        "<minus|cacat> <ada di foto|lihat foto ke-{n}|sudah difoto>",
    ], R.randint(2, 6)))
    qa = R.sample(QA_VIOL[1:7], R.randint(0, 2)) + R.sample(QA_SHARED, R.randint(0, 2))
    return draft(title, facts, price, garment_category(kind, group), HASHTAGS_VIOL,
                 qa=[(expand(q, ctx), expand(a, ctx)) for q, a in qa], kind=kind,
                 spec={"Merek": ctx["brand"](), "Ukuran": size_line(kind), "Kondisi": used_condition(),
                       "Asal": ctx["origin"]})


# --------------------------------------------------------------------------------------
# Legitimate building blocks
# --------------------------------------------------------------------------------------
PLACES = ["Bandung", "Pekalongan", "Solo", "Jogja", "Garut", "Tasikmalaya", "Cibaduyut", "Majalaya", "Bali",
          "Lombok", "Sidoarjo", "Tanggulangin", "Bukittinggi", "Makassar", "Medan", "Klaten", "Sukoharjo", "Cirebon",
          "Trusmi", "Lasem", "Kudus", "Pekanbaru", "Palembang", "Sumba", "Toraja", "Jepara", "Bogor", "Depok",
          "Cimahi", "Soreang", "Pasuruan", "Bangil", "Malang", "Magetan", "Tulungagung", "Sragen"]
FABRICS = ["katun", "rayon", "cotton combed 30s", "cotton combed 24s", "linen", "toyobo", "wollycrepe",
           "ceruty babydoll", "katun jepang", "jersey", "moscrepe", "crinkle", "twill", "denim 14oz", "fleece",
           "baby terry", "katun rami", "cotton bamboo", "voal", "satin silk", "polyester", "drill", "baby canvas",
           "diadora", "lotto", "katun primisima", "sutra ATBM", "tenun ikat"]
COLORS = ["hitam", "putih", "navy", "maroon", "mocca", "sage", "dusty pink", "army", "olive", "lilac", "mustard",
          "cream", "broken white", "abu misty", "terracotta", "coksu", "denim", "baby blue", "emerald", "milo"]
UMKM_ITEMS = [
    ("gamis", "muslim"), ("gamis syari", "muslim"), ("hijab segi empat", "muslim"), ("pashmina", "muslim"),
    ("bergo instan", "muslim"), ("khimar", "muslim"), ("mukena", "muslim"), ("baju koko", "muslim"),
    ("kemeja batik", "pria"), ("batik tulis", "pria"), ("kebaya modern", "wanita"), ("kaos distro", "unisex"),
    ("kaos sablon", "unisex"), ("hoodie", "unisex"), ("kemeja flanel", "pria"), ("celana chino", "pria"),
    ("celana kulot", "wanita"), ("rok plisket", "wanita"), ("daster", "wanita"), ("piyama", "wanita"),
    ("setelan anak", "anak"), ("baju bayi", "anak"), ("sarung tenun", "pria"), ("kain songket", "wanita"),
    ("jaket bomber", "pria"), ("sepatu kulit", "shoe"), ("sandal kulit", "shoe"), ("tas anyaman", "bag"),
    ("tas rotan", "bag"), ("dompet kulit", "bag"), ("topi rajut", "unisex"), ("kemeja linen", "pria"),
    ("outer batik", "wanita"), ("blouse", "wanita"), ("tunik", "muslim"), ("jaket jeans", "unisex"),
    ("sweater rajut", "unisex"), ("cardigan rajut", "wanita"), ("kemeja tenun", "pria"), ("celana jeans", "unisex"),
    ("sneakers kanvas", "shoe"), ("jersey futsal custom", "unisex"), ("seragam kerja", "unisex"),
]
SHOP_A = ["Sekar", "Kirana", "Laras", "Arunika", "Sagara", "Bumi", "Rawi", "Nusa", "Tjap", "Kala", "Senja", "Langit",
          "Mahika", "Dhanu", "Aksa", "Wastra", "Kinanti", "Puspa", "Rinjani", "Kawung", "Parang", "Lembayung",
          "Gendhis", "Sinar", "Berkah", "Barokah", "Amanah", "Cahaya", "Mentari", "Damar"]
SHOP_B = ["Wear", "Supply", "Co.", "Label", "Studio", "Official", "Apparel", "Project", "Batik", "Collection",
          "Hijab", "Outfit", "Store", "Konveksi", "Garment", "Craft", "Atelier", "Indonesia", "ID", "Shop"]


def shop_name() -> str:
    return f"{pick(SHOP_A)} {pick(SHOP_B)}"


def size_chart() -> str:
    sizes = LETTERS[:5] if chance(0.7) else ["M", "L", "XL", "XXL"]
    ld = R.randrange(88, 104, 2)
    pj = R.randrange(62, 72)
    step = pick([2, 4])
    rows = [f"{s}: LD {ld + i * step * 2} PJ {pj + i * 2}" for i, s in enumerate(sizes)]
    head = pick(["Size chart:", "SIZE CHART", "Ukuran:", "Detail size (cm):", "📏 Size:", "Size:"])
    return head + "\n" + "\n".join(rows)


def l_umkm() -> dict:
    prod, group = pick(UMKM_ITEMS)
    kind = "shoe" if group == "shoe" else "bag" if group == "bag" else "top"
    place = pick(PLACES)
    price = rnd(25_000, 450_000, 1000) if "batik tulis" not in prod else rnd(350_000, 1_500_000, 5000)
    ctx = {"prod": prod, "place": place, "ptxt": price_text(price), "shop": shop_name(),
           "fabric": lambda: pick(FABRICS), "color": lambda: pick(COLORS),
           "colors": ", ".join(R.sample(COLORS, R.randint(3, 7))), "size": lambda: size_line(kind)}
    title = expand(pick([
        "{prod} <{place}|> <bahan {fabric}|> <{ptxt}|>",
        "<NEW|New|Baru|BARU> {prod} <bahan {fabric}|> <{ptxt}|> <{emo}|>",
        "{prod} {shop} <original|ori|> <produksi {place}|>",
        "<READY|Ready|ready> {prod} <motif {place}|warna {color}|> <{emo}|>",
        "{prod} <premium|handmade|asli {place}|khas {place}|lokal> <S-XXL|all size|jumbo|>",
        "{shop} - {prod} <{color}|> <{emo}|>",
        "<PO|Pre Order> {prod} <batch {n}|> <{shop}|>",
        "{prod} <murah|cuma {ptxt}|> <kualitas ekspor|kualitas butik|kualitas distro|>",
    ]), ctx)
    facts = x(ctx, pick([
        "<produksi|jahit|bikin> sendiri <di {place}|oleh penjahit kami|>",
        "<UMKM|usaha rumahan|brand lokal|local brand> <asli {place}|dari {place}|>",
        "{prod} <baru|new|100% baru> dari <konveksi|workshop|rumah produksi> kami di {place}",
    ]))
    facts_extra = R.sample([
        "bahan {fabric} <premium|adem|lembut|tebal|>",
        "<jahitan|jaitan> <rapi|rapih|kuat|rantai|double stitch>",
        "<ready|PO> <stok|{n} hari>",
        "<warna|pilihan warna>: {colors}",
        "<100%|> baru, <bukan second|bukan thrift|bukan bekas|bukan barang bekas impor> <ya {kak}|!|>",
        "<bisa|terima> <custom|sablon nama|bordir logo> <min {n} pcs|>",
        "<harga reseller|grosir> <mulai|untuk> <{n} pcs|1 lusin|1 kodi>",
        "<dukung|support> <produk lokal|UMKM|#banggabuatanindonesia>",
        "<kualitas|quality> <ekspor|butik|distro> <harga|price> <kaki lima|lokal|bersahabat>",
        "<motif|desain> <eksklusif|original|dibuat sendiri|khas {place}>",
        "<cuci|dicuci> <tangan|pakai tangan|jangan pakai pemutih>",
        "<dikerjakan|dijahit> <ibu-ibu|penjahit> <sekitar|kampung> {place}",
        "<bahan|kain> <grade A|kualitas A|premium grade A> <ga luntur|adem|ga panas>", "{gdesc}", "{gdesc}",
        "<asal|produksi asli> {place}", "isi <2|3|6> pcs <per pack|sepaket|campur warna>", "<ada|ready> <warna|size> <lain|lengkap>",
        "<sablon|print> <plastisol|DTF|rubber|discharge> <awet|ga pecah>",
        "<stok|barang> baru <tiap minggu|setiap hari>",
        "<harga|hrg> {ptxt} <aja|saja|>",
    ], R.randint(2, 7))
    facts = facts + x(ctx, *facts_extra)
    if chance(0.35):
        facts.append(size_chart() if kind == "top" else size_line(kind))
    if chance(0.3):
        facts.append(new_condition())
    qa = [("<bahannya|bahan> apa?", "{fabric} {kak}"), ("<ready|ready semua> <warna|size>?", "<ready|ready semua> {kak}"),
          ("<bisa|boleh> grosir?", "bisa, <min|minimal> {n} pcs"), ("<luntur|panas> ga?", "<ga|tidak> {kak}, <adem|aman>")]
    return draft(title, facts, price, category_for(group if group not in ("shoe", "bag") else group), HASHTAGS_LEGIT,
                 qa=[(expand(q, ctx), expand(a, ctx)) for q, a in R.sample(qa, R.randint(0, 2))
                     + R.sample(QA_SHARED, R.randint(0, 2))],
                 kind=kind, spec={"Bahan": pick(FABRICS), "Warna": ctx["colors"], "Produksi": place})


NEW_ORIGINS = ["Bangkok", "Guangzhou", "China", "Korea", "Seoul", "Dongdaemun", "Tokyo", "Jepang", "Osaka", "Korea",
               "Jepang", "Korea Selatan", "Hongkong", "Taiwan",
               "Vietnam", "Turki", "Dubai", "Jepang", "Thailand"]


def l_import_style() -> dict:
    item, kind, group = garment()
    if kind == "linen":
        item, kind, group = "blouse", "top", "wanita"
    price = rnd(35_000, 450_000, 1000)
    ctx = {"item": item, "ptxt": price_text(price), "size": lambda: size_line(kind), "no": pick(NEW_ORIGINS),
           "color": lambda: pick(COLORS), "brand": lambda: pick(FOREIGN_BRANDS), "l": pick(LETTERS),
           "sty": lambda: pick(["korean style", "Korean Style", "KOREAN STYLE", "korean look", "ala korea",
                                "japanese style", "ala jepang", "korea style", "K-style", "Japan style", "bangkok style",
                                "oppa style", "kdrama look", "korean outfit", "harajuku style"])}
    title = expand(pick([
        "{sty} {item} <{color}|> <NEW|BARU|baru|>",
        "{item} <import|impor|IMPORT> <premium|{no}|> <{color}|> <{l}|>",
        "{item} {sty} <{emo}|> <{ptxt}|>",
        "<Import|IMPORT|Impor> {item} <{no}|> <baru|new|NEW> <{ptxt}|>",
        "<PO|Ready> {item} <korea|jepang|import> <{brand}|>",
        "{item} <bahan import|bahan impor|import quality> <{sty}|>",
        "<NEW|BNWT|New> {brand} {item} <original|ori> <store {no}|>",
        "<Brand new|Brand New|New> {sty} {item}, <free size|size {l}>",
        "{item} <grade ori|grade A|premium quality> <import|impor> <{sty}|>",
    ]), ctx)
    facts = x(ctx, pick([
        "<barang|produk> <import|impor> <resmi|baru|original>, <bukan second|bukan bekas|bukan thrift|BNWT|with tag>",
        "{item} {sty}, bahan <import|impor> <premium|tebal|adem|>, <baru|new|100% baru>",
        "<PO|pre-order> <{n} hari|2 minggu> <dari|from> {no}, barang <baru|new>",
        "<ready stock|ready> <gudang|di> <Jakarta|Bandung|Surabaya|Batam|Medan>, <barang|produk> baru <import|impor> {no}",
    ]))
    facts += x(ctx, *R.sample([
        "{sty}", "bahan <import|impor> <premium|tebal|adem|>",
        "<kualitas|quality> <import|impor|premium> <harga|price> <lokal|terjangkau|bersahabat>",
        "<full tag|ada tag|masih plastik|segel|with box|lengkap box>",
        "<restock|update> <tiap minggu|setiap hari|tiap bulan>",
        "{size}", "{size}",
        "<mirip|inspired> <drama Korea|idol Korea|outfit oppa|artis Korea>", "{gdesc}", "{gdesc}",
        "<asal|dari> {no}, <datang|masuk> <minggu ini|tiap bulan>", "<ada|ready> <mix|campur> warna",
        "<sudah|udah> <bayar|lunas> bea masuk, <resmi|aman>",
        "<importir|distributor> resmi, <ada|punya> NIB & API",
        "grade <ori|premium|AAA|A> <mirror|1:1|>",
        "<warna|ready warna>: {color}, {color}, {color}",
        "<bukan|bukan barang> <second|bekas|thrift|preloved> ya {kak}",
        "<kualitas|bahan> <korea|jepang> <asli|punya>, <jahitan|finishing> rapi",
        "<PO|pre-order> <{n} hari|10-14 hari> <dari|ex> {no}",
        "<harga|hrg> {ptxt}",
    ], R.randint(2, 6)))
    if chance(0.4):
        facts.append(new_condition())
    qa = [("<ori|original> ga?", "<ori|original> <store|dari {no}> {kak}, baru"), ("<second|bekas> ya?", "<bukan|engga> {kak}, <baru|new with tag>"),
          ("<ready|PO>?", "<ready|PO {n} hari> {kak}")]
    return draft(title, facts, price, garment_category(kind, group), HASHTAGS_LEGIT + HASHTAGS_SHARED,
                 qa=[(expand(q, ctx), expand(a, ctx)) for q, a in R.sample(qa, R.randint(0, 2))
                     + R.sample(QA_SHARED, R.randint(0, 2))],
                 kind=kind, spec={"Kondisi": "Baru", "Asal": pick(NEW_ORIGINS), "Ukuran": size_line(kind)})


PERSONAL_ITEMS = [
    ("kebaya wisuda", "top", "wanita"), ("jas", "outer", "pria"), ("seragam SMA", "top", "anak"),
    ("gamis lebaran", "dress", "muslim"), ("dress kondangan", "dress", "wanita"), ("batik couple", "top", "pria"),
    ("jaket Eiger", "outer", "pria"), ("sepatu Ortuseight", "shoe", "shoe"), ("tas Buttonscarves", "bag", "bag"),
    ("hijab Buttonscarves", "acc", "muslim"), ("kemeja Uniqlo", "top", "pria"), ("jersey timnas", "top", "pria"),
    ("baju hamil", "dress", "wanita"), ("baju bayi", "top", "anak"), ("seragam SD", "top", "anak"),
    ("jaket kulit", "outer", "pria"), ("kemeja kerja", "top", "pria"), ("celana jeans", "bottom", "unisex"),
    ("sneakers Ventela", "shoe", "shoe"), ("sepatu Compass", "shoe", "shoe"), ("dress Zara", "dress", "wanita"),
    ("blazer kantor", "outer", "wanita"), ("kaos Erigo", "top", "unisex"), ("hoodie 3Second", "top", "unisex"),
    ("ransel Eiger", "bag", "bag"), ("tas kerja", "bag", "bag"), ("kebaya pengantin", "top", "wanita"),
    ("baju renang", "top", "unisex"), ("jaket almamater", "outer", "unisex"), ("gaun prom", "dress", "wanita"),
    ("mukena", "acc", "muslim"), ("sepatu futsal", "shoe", "shoe"), ("celana kulot", "bottom", "wanita"),
    ("cardigan H&M", "top", "wanita"), ("sandal gunung", "shoe", "shoe"), ("kemeja batik Danar Hadi", "top", "pria"),
    ("jaket Consina", "outer", "unisex"), ("baju anak", "top", "anak"), ("rok span", "bottom", "wanita"),
]


def l_personal() -> dict:
    item, kind, group = pick(PERSONAL_ITEMS)
    price = rnd(20_000, 600_000, 5000)
    abroad = chance(0.07)
    ctx = {"item": item, "ptxt": price_text(price), "size": lambda: size_line(kind), "cond": used_condition,
           "mall": lambda: pick(MALLS), "lb": lambda: pick(LOCAL_BRANDS), "year": R.randrange(2018, 2026),
           "occ": lambda: pick(["wisuda", "kondangan", "lebaran", "lamaran", "foto prewed", "acara kantor", "nikahan sodara",
                                "tujuhbelasan", "study tour", "ospek"]),
           "abroad": lambda: pick(["liburan ke Jepang", "kuliah di Australia", "kerja di Korea", "umroh",
                                   "jalan-jalan ke Singapura", "dinas ke Tokyo"]),
           "u": lambda: pick(["preloved", "pre-loved", "second", "bekas", "seken", "2nd", "prelove"])}
    title = expand(pick([
        "<Preloved|PRELOVED|preloved|Second|second|Bekas|bekas> {item} <{lb}|> <size {l}|> <murah|>",
        "{item} {u} <pribadi|pemakaian pribadi|pakai sendiri>",
        "<Jual|jual|Dijual> {item} <baru dipakai {n}x|cuma dipakai sekali|kekecilan|{u}>",
        "<closet clean out|decluttering|beres lemari|cuci lemari> <part {n}|> <{emo}|>: {item}",
        "{lb} {item} {u} <ori|original> <size {l}|>",
        "{u} {item} <like new|mulus|masih bagus> <{ptxt}|>",
        "<BU|Jual cepat> {item} {u} <{city}|>",
        "<Preloved|Pre-loved> {item}, <worn once|used twice|barely used>, bought at {mall}",
    ]), dict(ctx, l=pick(LETTERS)))
    facts = x(ctx, pick([
        "<{u}|barang> <pribadi|milik pribadi|punya sendiri|koleksi pribadi>, <dipakai|kepake|dipake> <sendiri|baru {n}x|cuma sekali|pas {occ}>",
        "<beli|belinya> di <{mall}|official store {lb}|{mall} {city}> <{year}|tahun lalu|bulan lalu|>, <dipakai|dipake> <sendiri|{n}x>",
        "<decluttering|beres-beres lemari|closet clean out|bersih2 lemari|pindahan rumah>, <jual|dijual> {item} <punya|milik> <sendiri|pribadi>",
        "<anak|si kecil> udah <gede|naik kelas|tumbuh>, {item} <masih bagus|sayang nganggur>, <dipakai|dipake> <sendiri|anak sendiri>",
    ]))
    if chance(0.05):
        # Domestic used clothes by the sack: looks like bale trade, but it is one family's own clothes.
        title = expand(pick(["<borongan|obral|jual> baju <anak|bayi|anak-anak> bekas <1 karung|sekarung|satu karung> <pemakaian sendiri|anak sendiri|>",
                             "<1 karung|sekarung> baju bekas <pribadi|keluarga> <murah|> <{city}|>"]), ctx)
        facts = x(ctx, "baju <anak2|anak-anak> saya <umur|usia> <1-5|2-6|0-3> <th|tahun>, <pemakaian sendiri|bekas dipakai anak sendiri>",
                  "<isi|±> {n}0 pcs <campur|macam-macam>, <masih layak|layak pakai|ada yg minus dikit>",
                  "<pindahan rumah|beres gudang|anak udah gede>, <jual murah|borongan aja>")
        price = rnd(80_000, 400_000, 10_000)
    elif chance(0.2):
        # Many real preloved listings say nothing about provenance; with no import cue they stay legitimate.
        title = expand(pick(["<preloved|second|bekas|2nd> {lb} {item} <size {l}|{l}|> <kondisi {pct}%|mulus|>",
                             "{item} {lb} <preloved|second|bekas> <{ptxt}|>", "{lb} {item} <second|preloved> <ori|original|>"]),
                       dict(ctx, l=pick(LETTERS)))
        facts = [size_line(kind), used_condition()]
    if abroad:
        facts.append(expand("<beli|dibeli> <baru|new> waktu {abroad}, <dipakai|kupakai> sendiri <beberapa kali|{n}x>", ctx))
    facts += x(ctx, *R.sample([
        "<kekecilan|kebesaran|salah size|udah ga muat|naik BB|abis lahiran jadi ga muat|ganti style>",
        "{size}", "{cond}", "{cond}", "{gdesc}", "{gdesc}",
        "<harga|hrg> <nett|pas|bisa nego dikit|nego tipis> {ptxt}",
        "<buat|untuk> <tambahan|nambah> <uang jajan|modal|bayar kos|biaya sekolah anak>",
        "<COD|ketemuan> <di|area> {city}",
        "<no|tidak> <retur|tukar> ya {kak}, <barang pribadi|barang second>",
        "<baru dipakai|dipakai> <{n}x|sekali|2-3 kali>",
        "<pemakaian pribadi|dipakai sendiri>, <bukan|bukan barang> <reseller|jualan|impor>",
        "<asli|original> {lb}, <beli di|dari> <store|{mall}>",
        "<masih|ada> <tag|nota|box> <lengkap|>",
        "<sayang|lumayan> <daripada|drpd> <nganggur|numpuk di lemari>",
        "<dicuci|laundry> <dulu|bersih> sebelum <dikirim|kirim>", "{gdesc}", "{gdesc}",
        "ada <minus|noda|lecet> <dikit|kecil> <di {part}|>", "<asal|beli> dari {mall}",
    ], R.randint(2, 6)))
    qa = [("<kenapa|knp> dijual?", "<kekecilan|udah ga muat|jarang dipakai> {kak}"),
          ("<beli|belinya> di mana?", "di {mall} {kak}"), ("<ada|masih> minus?", "<ga ada|minus dikit di foto> {kak}")]
    return draft(title, facts, price, category_for(group if group in ("shoe", "bag") else group if group != "muslim" else "muslim"),
                 HASHTAGS_LEGIT, qa=[(expand(q, ctx), expand(a, ctx)) for q, a in R.sample(qa, R.randint(0, 2))],
                 kind=kind, spec={"Kondisi": used_condition(), "Ukuran": size_line(kind), "Pemakaian": "pribadi"},
                 platforms={"shopee": 3, "tokopedia": 2, "tiktokshop": 1, "lazada": 1, "bukalapak": 1.5, "blibli": 0.3,
                            "facebook": 4, "instagram": 3, "other": 1})


NONCLOTH = [
    ("iPhone <11|12|13|14|15> <64GB|128GB|256GB>", "phone", (2_500_000, 14_000_000)),
    ("Samsung Galaxy <A14|A34|A54|S21|S22 Ultra|M14>", "phone", (900_000, 9_000_000)),
    ("<Xiaomi Redmi Note 12|Redmi 10|Poco X5|Oppo Reno 8|Vivo Y20|Realme C55|Infinix Hot 30>", "phone", (700_000, 3_500_000)),
    ("<ThinkPad T480|Asus ROG Strix|Acer Aspire 5|MacBook Air M1|HP Pavilion 14|Lenovo Ideapad 3|Dell Latitude 7490>",
     "laptop", (2_000_000, 12_000_000)),
    ("<Honda Beat|Vario 125|Vario 150|Scoopy|Yamaha NMAX|Aerox|PCX|Supra X|Mio J|CBR150|Ninja 250> <2015|2017|2018|2019|2020|2021>",
     "motor", (5_000_000, 28_000_000)),
    ("<Avanza|Xenia|Brio|Jazz|Ertiga|Innova|Calya|Agya|Livina> <2012|2014|2016|2018|2019>", "car", (70_000_000, 230_000_000)),
    ("<lemari|meja makan|sofa|kursi tamu|kasur spring bed|rak buku|meja belajar|lemari jati|bufet>", "furniture", (150_000, 4_500_000)),
    ("<kulkas 2 pintu|mesin cuci|TV LED 32 inch|AC 1/2 PK|kipas angin|dispenser|rice cooker|microwave>", "electronics", (150_000, 3_500_000)),
    ("<Canon EOS 600D|Sony a6000|Fujifilm X-T20|Canon M10|lensa 50mm f1.8|Nikon D5300>", "camera", (800_000, 7_000_000)),
    ("<sepeda Polygon|sepeda United|sepeda lipat|Brompton|sepeda anak|sepeda gunung>", "bike", (400_000, 18_000_000)),
    ("<stroller|baby walker|car seat|box bayi|bouncer|breast pump>", "baby", (100_000, 1_500_000)),
    ("<gitar Yamaha|keyboard Casio|biola|drum elektrik|ukulele>", "music", (300_000, 5_000_000)),
    ("<PS4 Slim|PS5|Nintendo Switch|Xbox One|stik PS4>", "console", (300_000, 7_000_000)),
    ("<novel Tere Liye|buku kuliah akuntansi|komik One Piece|buku SBMPTN|ensiklopedia anak>", "book", (15_000, 400_000)),
    ("<velg racing|knalpot|helm KYT|box motor|ban mobil>", "auto", (150_000, 2_500_000)),
    ("<mesin jahit Butterfly|mesin obras|mesin jahit Janome>", "tools", (400_000, 2_500_000)),
    ("<printer Epson L3110|monitor 24 inch|router|speaker JBL|smartwatch>", "electronics", (150_000, 2_000_000)),
]
NONCLOTH_CAT = {"phone": "Handphone & Tablet", "laptop": "Komputer & Laptop", "motor": "Otomotif > Motor",
                "car": "Mobil", "furniture": "Rumah Tangga > Furnitur", "electronics": "Elektronik", "camera": "Kamera",
                "bike": "Olahraga > Sepeda", "baby": "Ibu & Bayi", "music": "Hobi > Alat Musik", "console": "Gaming",
                "book": "Buku", "auto": "Otomotif > Aksesoris", "tools": "Perkakas"}


def l_used_noncloth() -> dict:
    tmpl, cat, (lo, hi) = pick(NONCLOTH)
    step = 50_000 if hi > 2_000_000 else 5000
    price = rnd(lo, hi, step)
    item = expand(tmpl)
    u = lambda: pick(["second", "bekas", "2nd", "seken", "preloved", "sekenan", "bekas pakai", "second mulus"])
    ctx = {"item": item, "ptxt": price_text(price), "u": u, "bh": R.randrange(78, 100),
           "km": R.randrange(5, 80), "cond": lambda: pick(["mulus", "normal", "lecet pemakaian", "baret halus", "no minus",
                                                            "kondisi {pct}%", "grade A", "like new"])}
    spec_lines = {
        "phone": ["<BH|battery health> {bh}%", "<ex inter|resmi|iBox|garansi resmi habis|IMEI aman>",
                  "<fullset|unit only|unit + charger>", "grade A <mulus|like new>", "<face id|fingerprint> normal"],
        "laptop": ["<RAM|ram> <8GB|16GB>, <SSD|ssd> <256|512>", "baterai <awet|tahan> <2|3|4> jam",
                   "<ex kantor|ex Singapore|ex Jepang|ex Amerika> <grade A|mulus>", "<win 11|windows original|macOS>"],
        "motor": ["<pajak hidup|pajak panjang|pajak mati 1 th>", "<surat lengkap|BPKB ada|STNK & BPKB>",
                  "km {km}rb", "<tangan pertama|tangan kedua>", "<mesin halus|mesin aman|ga ngebul>"],
        "car": ["<pajak panjang|pajak hidup>", "km {km}rb", "<tangan pertama|dari baru>", "<service record|servis rutin>",
                "<interior bersih|kabin wangi|AC dingin>"],
        "camera": ["<SC|shutter count> <10rb|20rb|8rb>", "<ex Jepang|ex Japan|ex inter|resmi> <mulus|grade A>",
                   "<lensa|lens> <jamur free|bersih>", "<fullset|body only>"],
        "music": ["<ex Jepang|made in Japan|made in Indonesia>", "<senar|kunci> <baru|aman>", "<suara|sound> <jernih|mantap>"],
    }
    title = expand(pick([
        "{item} {u} <{cond}|> <{ptxt}|>",
        "<Jual|jual|Dijual|BU> {item} {u} <{city}|>",
        "{item} <{u}|> <mulus|normal|like new> <nego|>",
        "{u} {item} <murah|cuma {ptxt}|>",
        "{item} <bekas pakai pribadi|pemakaian pribadi|second pribadi>",
    ]), ctx)
    extra = spec_lines.get(cat, ["<kondisi|masih> <bagus|layak|normal>", "<jarang dipakai|pemakaian wajar>"])
    facts = x(ctx, pick(["{item} {u}, {cond}", "<dijual|jual> {item} {u} <pemakaian pribadi|jarang dipakai|masih bagus>",
                         "{u} <mulus|normal>, <kondisi|kond> {pct}%"]))
    facts += x(ctx, *R.sample(extra, R.randint(1, len(extra))))
    facts += x(ctx, *R.sample([
        "<garansi toko|garansi> <7 hari|1 bulan|3 hari>", "<COD|cod> <area|di> {city}", "<nego tipis|harga nett|bisa tukar tambah>",
        "<alasan jual|dijual karena> <butuh dana|upgrade|pindahan|jarang dipake>", "<cek|lihat> <dulu|langsung> <di rumah|di toko> boleh",
        "<harga|hrg> {ptxt}", "<minus|min> <lecet pemakaian|baret halus|ga ada>", "<ambil sendiri|no kirim|bisa kirim> <ya|>",
        "kondisi {pct}%",
    ], R.randint(1, 4)))
    return draft(title, facts, price, NONCLOTH_CAT[cat], ["#second", "#bekas", "#jualbeli", "#cod", "#murah",
                                                         "#secondhand", "#preloved", "#mulus"],
                 qa=[(expand(q, ctx), expand(a, ctx)) for q, a in R.sample(QA_SHARED, R.randint(0, 2))],
                 spec={"Kondisi": "Bekas", "Merek": item.split()[0]}, fashion=False,
                 platforms={"shopee": 2, "tokopedia": 3, "tiktokshop": 0.5, "lazada": 1, "bukalapak": 2, "blibli": 0.5,
                            "facebook": 5, "instagram": 1, "other": 1.5})


def family(ctx, titles, key_facts, more_facts, price, category, tags, *, qa=(), spec=None, platforms=None,
           commerce=True, lo=1, hi=5, fashion=False, title_only_ok=True):
    """A listing from one family of templates: one key fact plus a random handful of others."""
    ctx = dict(ctx, ptxt=price_text(price) if price else "")
    facts = x(ctx, pick(key_facts)) + x(ctx, *R.sample(more_facts, min(len(more_facts), R.randint(lo, hi))))
    return draft(expand(pick(titles), ctx), facts, price, category, tags,
                 qa=[(expand(q, ctx), expand(a, ctx)) for q, a in qa], spec=spec, platforms=platforms,
                 commerce=commerce, fashion=fashion, title_only_ok=title_only_ok)


FOOD_PLATFORMS = {"shopee": 3, "tokopedia": 3, "tiktokshop": 2, "lazada": 1, "bukalapak": 1.5, "blibli": 1,
                  "facebook": 2.5, "instagram": 1.5, "other": 0.5}


def t_balls() -> dict:
    sport = pick(["bola sepak", "bola futsal", "bola voli", "bola basket", "bola tenis", "bola golf", "bola plastik",
                  "bola mandi bola", "bola kasti", "bola pingpong", "bola takraw", "bola bowling"])
    brand = pick(["Molten", "Mikasa", "Specs", "Mitre", "Adidas", "Nike", "Spalding", "Wilson", "Ortuseight", "Joma",
                  "Puma", "Kelme", "Li-Ning", "Penn", "Double Fish", "no brand"])
    bulk = sport in ("bola plastik", "bola mandi bola", "bola pingpong", "bola tenis", "bola kasti") and chance(0.6)
    price = rnd(150_000, 900_000, 5000) if bulk else rnd(25_000, 950_000, 5000)
    big = sport.split()[-1] in ("sepak", "futsal", "voli", "basket")
    std = {"sepak": "<FIFA Quality|FIFA Pro|standar PSSI>", "futsal": "<FIFA Quality|size 4 futsal>",
           "voli": "<standar PBVSI|FIVB approved>", "basket": "<standar Perbasi|FIBA approved|indoor outdoor>"}
    ctx = {"sp": sport, "br": brand, "SP": sport.upper(),
           "sz": pick(["size 5", "size 4", "size 7", "no 5", "size 3"]) if big else pick(["isi 3", "isi 6", "1 pcs", "1 tube"]),
           "std": std.get(sport.split()[-1], "<standar|kualitas> <turnamen|latihan|anak-anak>"),
           "color": lambda: pick(COLORS)}
    return family(ctx, [
        "{sp} {br} <original|ori|KW super|> <{sz}|> <{emo}|>", "<BOLA|Bola|bola> {sp} <BALL|ball|Ball> <{br}|> <{sz}|>",
        "{br} <ball|BALL> {sz} <original|ori> - {sp}", "{SP} <{br}|> <grosir|per lusin|per pack|> <murah|>",
        "<bal|ball> {sp} <{br}|> <ukuran|> {sz}", "<bola|bal> <buat|untuk> main bal-balan <anak|di kampung|di lapangan> <{br}|>", "{sp} <per bal isi 100|per bal isi 50|isi 100 pcs|per lusin>" if bulk else "{sp} {br} {sz}",
    ], [
        "{sp} <{br}|> <baru|segel|original> <{sz}|>", "<ball|bola> <{br}|> <{sz}|> <untuk|buat> <latihan|turnamen|sekolah|anak>",
    ], [
        "<jahitan|jahit> <mesin|tangan> <rapi|kuat>", "<bonus|free> <pentil|jaring|pompa>", "<bahan|material> <PU|PVC|karet|kulit sintetis>",
        "<grosir|partai> <untuk|buat> <sekolah|klub|SSB|turnamen antar kampung> <bisa|ready>",
        "<per bal|1 bal> isi <50|100|200> pcs <(karung plastik)|(karton)|>" if bulk else "<dikirim|dikemas> <kempes|dalam kardus|box>",
        "{std}", "<warna|pilihan warna>: {color}, {color}",
        "<harga|hrg> {ptxt}", "<stok|ready> <banyak|selalu ada>", "<pantul|pantulan> <bagus|stabil>",
    ], price, pick(["Olahraga & Outdoor", "Olahraga > Sepak Bola", "Olahraga > Voli", "Olahraga > Basket", "Mainan Anak"]),
        ["#bola", "#sepakbola", "#futsal", "#olahraga", "#voli"], spec={"Kondisi": "Baru", "Merek": brand},
        qa=[("<ori|original>?", "<ori|original> {kak}")] if chance(0.3) else ())


def t_sacks() -> dict:
    what = pick(["karung goni", "karung plastik", "karung beras 25kg", "karung goni bekas kopi", "karung jumbo",
                 "karung waring", "karung laminasi", "karung bekas pakan", "karung bekas tepung"])
    used = "bekas" in what
    ctx = {"what": what, "use": lambda: pick(["kopi", "kakao", "dekorasi", "kerajinan", "pasir", "beras", "jagung", "sampah",
                                              "karung lomba 17an", "tanaman", "banjir (sandbag)"])}
    price = rnd(2000, 15000, 500) if not chance(0.35) else rnd(150_000, 1_500_000, 10_000)
    return family(ctx, [
        "{what} <baru|BARU|murah|> <60x100|55x90|per lembar|per bal isi 100|per ikat>", "<Jual|jual|Grosir> {what} <{city}|murah>",
        "{what} <ukuran|size> <50kg|25kg|100kg|jumbo> <per pcs|per bal|per kodi|>", "<KARUNG|Karung> <GONI|goni|plastik> <grosir|eceran> <{ptxt}|>",
    ], [
        "{what} <untuk|buat|cocok untuk> {use}", "{what} <kuat|tebal|rapat>, <cocok|pas> buat {use}",
    ], [
        "<ecer|eceran> per lembar, <grosir|partai> per bal <isi 100|isi 50|isi 500>",
        "<bahan|material> <jute|goni asli|polypropylene|plastik tebal>", "<ukuran|size> <60x100|55x90|45x75|90x120> cm",
        "<bisa|terima> <sablon|cetak> logo", "<stok|ready> <banyak|ribuan lembar>", "<kirim|pengiriman> <cepat|seluruh Indonesia>",
        "<bekas|sisa> <pabrik|gudang> <lokal|{city}>, <bersih|sudah dicuci>" if used else "<baru|new>, <bukan bekas|masih bersih>",
        "<harga|hrg> {ptxt} <per lembar|per bal|>", "<cocok|bisa> <buat|untuk> {use}",
    ], price, pick(["Industri > Kemasan", "Perlengkapan Rumah", "Pertanian", "Lainnya", "Kemasan"]),
        ["#karung", "#karunggoni", "#kemasan", "#grosir"], spec={"Bahan": "goni" if "goni" in what else "plastik"},
        platforms={"shopee": 2, "tokopedia": 3, "tiktokshop": 0.5, "lazada": 1, "bukalapak": 2, "blibli": 0.5,
                   "facebook": 2, "instagram": 0.3, "other": 1})


def t_per_sack() -> dict:
    good = pick(["beras pandan wangi", "beras rojolele", "beras IR64", "gula pasir", "pupuk kompos", "pupuk kandang",
                 "pakan ayam", "pakan ikan", "jagung pipil", "kopi arabika green bean", "bawang merah", "kentang",
                 "arang batok", "sekam padi", "cocopeat", "serbuk kayu", "kacang tanah", "kedelai", "dedak", "garam krosok",
                 "tepung terigu", "media tanam"])
    kg = pick([5, 10, 20, 25, 25, 30, 50])
    price = rnd(40_000, 900_000, 5000)
    ctx = {"g": good, "kg": kg, "G": good.upper(), "grade": lambda: pick(["A", "A", "premium", "super", "1", "B"])}
    return family(ctx, [
        "{g} <per karung|1 karung|perkarung|per sak> {kg}kg <{emo}|>", "{G} <PER KARUNG|{kg} KG> <grade {grade}|>",
        "<Jual|jual|Ready> {g} <karungan|per karung> <{city}|>", "{g} <grade {grade}|super|premium> {kg} kg <per karung|>",
        "{g} <kiloan|per kg|per kilo> <dan|&|atau> per karung",
    ], [
        "{g} <harga per karung|per karung isi> {kg} kg", "<jual|sedia> {g} <eceran|kiloan> <dan|&> <karungan|per karung>",
    ], [
        "<panen|stok> <baru|terbaru> <dari|asli> <{city}|petani lokal|Cianjur|Karawang|Brebes|Lampung>",
        "<grade|kualitas> {grade}", "<bisa|ambil> <10 karung|partai besar> harga <grosir|khusus>",
        "<kirim|antar> <pakai pick up|via truk|pakai ekspedisi>", "<harga|hrg> {ptxt} <per karung|/karung>",
        "<kiloan|per kg> juga <bisa|ada>", "<kering|bersih|sudah disortir|tanpa campuran>", "<langsung|dari> petani, <tanpa|no> tengkulak",
    ], price, pick(["Makanan & Minuman", "Pertanian", "Makanan & Minuman > Bahan Pokok", "Peternakan", "Kebun"]),
        ["#sembako", "#grosir", "#petani", "#beras", "#pertanian"], spec={"Berat": f"{kg} kg"}, platforms=FOOD_PLATFORMS)


def t_kiloan() -> dict:
    what = pick(["laundry kiloan", "laundry kiloan", "kerupuk kiloan", "kain perca kiloan", "benang rajut kiloan",
                 "sabun cair kiloan", "permen kiloan", "kue kering kiloan", "kain sisa konveksi kiloan", "parfum laundry kiloan",
                 "keripik kiloan", "dakron kiloan"])
    price = rnd(5_000, 95_000, 500)
    laundry = what.startswith("laundry")
    ctx = {"w": what, "W": what.upper()}
    return family(ctx, [
        "{w} <{ptxt}/kg|murah|> <{city}|>", "{W} <antar jemput|ready|grosir> <{emo}|>", "<Jual|Jasa|Ready> {w} <per kg|per kilo|>",
        "{w} <express|reguler|grosir> <{ptxt}|>",
    ], [
        "{w} <harga|cuma> {ptxt} per kg", "<kami|kita> <melayani|sedia> {w} <area {city}|>",
    ], ([
        "<cuci|cuci + setrika|cuci kering lipat> <reguler|2 hari> <{ptxt}/kg|>", "<express|kilat> <1 hari|6 jam> <beda harga|+5rb>",
        "antar jemput <gratis|free> <min|minimal> <3|5> kg", "<wangi|bersih|rapi> <tahan lama|dijamin>",
        "<bisa|terima> <bed cover|karpet|sepatu|boneka> <juga|>", "<jaket|jas|kebaya> <satuan|dry clean> <beda harga|>",
    ] if laundry else [
        "<per kg|per kilo|1 kg> {ptxt}", "<kain|benang|bahan> <sisa|potongan> konveksi <lokal|kami>, <baru|bersih>",
        "<cocok|pas> <buat|untuk> <kerajinan|isi bantal|keset|lap|cemilan|arisan|warung>",
        "<min|minimal> order <1|2|5> kg", "<grosir|partai> <lebih murah|harga khusus>", "<warna|rasa> <campur|random|mix>",
    ]), price, "Jasa" if laundry else pick(["Makanan & Minuman", "Kerajinan", "Perlengkapan Rumah", "Hobi > Rajut"]),
        ["#laundry", "#laundrykiloan", "#kiloan", "#grosir", "#murah"], spec={"Harga": "per kg"},
        platforms={"shopee": 2, "tokopedia": 2, "tiktokshop": 1, "lazada": 0.5, "bukalapak": 1, "blibli": 0.3,
                   "facebook": 4, "instagram": 2, "other": 1})


def t_grade() -> dict:
    good = pick(["mangga harum manis", "mangga gedong gincu", "alpukat mentega", "durian montong", "telur ayam negeri",
                 "telur bebek", "madu hutan", "kopi arabika", "beras premium", "daging sapi", "udang vaname", "jeruk medan",
                 "salak pondoh", "iPhone bekas", "LCD Samsung", "kulit sapi lembaran", "kayu jati", "kelengkeng",
                 "apel fuji", "anggur", "bawang putih", "cabai rawit", "kentang dieng", "buah naga", "cokelat batang"])
    price = rnd(15_000, 450_000, 1000)
    ctx = {"g": good, "grade": lambda: pick(["A", "A", "AA", "super", "premium", "B", "A+", "ekspor"]),
           "unit": lambda: pick(["per kg", "per peti", "per tray", "per dus", "per karung", "per ikat", "per pcs", "per 500gr"])}
    return family(ctx, [
        "{g} <GRADE|grade|Grade> {grade} <{unit}|> <{emo}|>", "<Grade A|GRADE A|grade A> {g} <{unit}|murah|>",
        "{g} <sortir|sortiran|pilihan> grade {grade}", "{g} <grade {grade}|super> <{ptxt}|> <{city}|>",
    ], [
        "{g} grade {grade}, <ukuran|size> <besar|seragam|jumbo>", "<jual|sedia> {g} <grade {grade}|pilihan> {unit}",
    ], [
        "<sortir|disortir> <manual|satu-satu|ketat>", "<panen|petik> <langsung|dari kebun|baru>", "<harga|hrg> {ptxt} {unit}",
        "<grade B|grade C> <juga ada|tersedia> <lebih murah|harga miring>", "<kirim|pengiriman> <instant|sameday|seluruh Jawa>",
        "<min|minimal> order <1|2|3|5> <kg|peti|dus>", "<reseller|grosir> <welcome|harga khusus>", "<kualitas|standar> ekspor",
        "<garansi|jaminan> <busuk|pecah> <ganti baru|uang kembali>",
    ], price, pick(["Makanan & Minuman > Buah", "Makanan & Minuman", "Makanan & Minuman > Telur", "Pertanian",
                    "Handphone & Aksesoris", "Bahan Baku"]),
        ["#buah", "#gradea", "#segar", "#petani", "#grosir"], spec={"Grade": "A"}, platforms=FOOD_PLATFORMS)


def t_words() -> dict:
    """Innocent senses of the clothing code words: cakar (claw/chicken feet), Monza, cimol, kepala, awul-awul."""
    sense = pick(["cakar_ayam", "cakar_kucing", "monza", "monza", "cimol", "cimol", "kepala_ikan", "thrift_shirt",
                  "3second", "senen_kue", "blokm_buku", "gedebage_jersey", "bal_jerami", "bal_kapas", "bal_kertas",
                  "bal_benang", "sortir_bawang", "koli_kirim", "impor_buah", "korea_skincare"])
    C = {
        "cakar_ayam": (["<cakar|ceker> ayam <frozen|segar|tanpa kuku> <1kg|500gr|per kg>", "CAKAR AYAM <kupas|bersih> <{ptxt}|>",
                        "<cakar|ceker> ayam <mercon|pedas|bumbu rica> <siap saji|frozen>"],
                       ["<cakar|ceker> ayam <bersih|tanpa kuku|sudah dikupas>, <frozen|beku> <1 kg|500 gr>",
                        "<cakar|ceker> <mercon|pedas> <level 1-5|pedasnya nampol>"],
                       ["<cocok|enak> <buat|untuk> <seblak|sop|ceker mercon|kaldu>", "<kirim|pengiriman> <instant|sameday> only",
                        "<halal|sertifikat halal> <MUI|ada>", "<per kg|1 kg> {ptxt}", "<stok|ready> <banyak|tiap hari>"],
                       (20_000, 60_000), "Makanan & Minuman > Frozen Food"),
        "cakar_kucing": (["<cakaran|garukan> kucing <sisal|kardus> <murah|>", "<cat scratcher|cakar kucing> <papan|tiang> <{ptxt}|>"],
                         ["<cakaran|garukan> kucing <bahan|dari> <sisal|kardus tebal>, <awet|kuat>"],
                         ["<bonus|free> catnip", "<ukuran|size> <45x25|60x30> cm", "<biar|supaya> sofa aman dari cakar kucing"],
                         (25_000, 250_000), "Perlengkapan Hewan"),
        "monza": (["<Diecast|diecast> <Ferrari|McLaren|Mercedes> F1 <Monza|GP Monza> 1:<43|18|64>", "<Kaos|Topi> <F1|Formula 1> Monza GP <{year}|official>",
                   "<Tiket|Paket tour> <F1|Formula 1> Monza <Italia|{year}>", "<poster|stiker> sirkuit Monza <{emo}|>"],
                  ["<edisi|seri> <Monza|Italian> Grand Prix, <baru|segel|new in box>", "<sirkuit|circuit> Monza <Italia|legendaris>, <merchandise|official>"],
                  ["<cocok|buat> <kolektor|fans F1|hadiah>", "<box|kemasan> <mulus|segel>", "<original|official> <license|lisensi>",
                   "<ready|stok> <terbatas|1 pcs>", "<harga|hrg> {ptxt}"],
                  (50_000, 1_500_000), "Mainan & Hobi"),
        "cimol": (["<CIMOL|Cimol|cimol> <bojot|isi keju|kering|frozen> <khas Garut|Bandung|asli> <{emo}|>", "cimol <isi|> <50|100> pcs + bumbu",
                   "<Jajanan|Jajan> cimol <{city}|> <{ptxt}|>"],
                  ["cimol <frozen|beku> <isi|> <50|100> pcs <+ bumbu|plus bumbu balado>", "<jajanan|cemilan> cimol <asli|khas> <Bandung|Garut>"],
                  ["<tahan|awet> <1 bulan|2 minggu> di freezer", "<langsung goreng|goreng aja> dari beku", "<bumbu|rasa> <balado|keju|pedas|jagung bakar>",
                   "<reseller|grosir> <welcome|harga khusus>", "<harga|hrg> {ptxt}"],
                  (10_000, 60_000), "Makanan & Minuman > Makanan Ringan"),
        "kepala_ikan": (["kepala <ikan salmon|ikan kakap|ikan tuna> <per kg|frozen|segar>", "<KEPALA|Kepala> <salmon|kakap> <murah|{ptxt}/kg>"],
                        ["kepala <ikan|salmon|kakap> <segar|frozen> <per kg|harga per kilo>"],
                        ["<cocok|enak> <buat|untuk> <gulai|sup|asam pedas|kaldu>", "<potong|dibersihkan> <gratis|rapi>", "<harga|hrg> {ptxt}"],
                        (20_000, 90_000), "Makanan & Minuman > Seafood"),
        "thrift_shirt": (["<Kaos|kaos> '<THRIFT SHOP|thrift club|ANTI THRIFT CLUB|save thrift lokal>' <graphic tee|sablon> <baru|new>",
                          "<kaos|tee> <desain|tulisan> thrift <baru|new> <{emo}|>"],
                         ["kaos <baru|new> <desain|sablon> '<THRIFT SHOP VIBES|thrift lokal|no thrift no life>', <bukan|bukan baju> thrift <ya {kak}|>"],
                         ["<cotton combed|bahan> <24s|30s>", "<sablon|print> <DTF|plastisol>", "<produksi|brand> lokal {city}", "<size|ukuran> S-XXL"],
                         (60_000, 150_000), "Pakaian Pria > Kaos"),
        "3second": (["<3Second|3SECOND|3second> <kaos|kemeja|hoodie|jaket> <original|ori> <baru|new|BNWT>",
                     "<Kaos|Kemeja> 3Second <{color}|> <size {l}|> <ori|original>"],
                    ["3Second <original|official>, <baru|new> <dengan tag|masih plastik>", "<brand|merek> lokal 3Second, <baru|new>"],
                    ["<beli|dari> <outlet|official store> 3Second", "<size|ukuran> <S|M|L|XL>", "<harga|hrg> {ptxt}", "<bukan|no> KW"],
                    (80_000, 350_000), "Pakaian Pria"),
        "senen_kue": (["<Kue subuh|kue basah> Pasar Senen <per box|{ptxt}|>", "<snack box|kue> <dari|ala> Pasar Senen <isi {n}|>"],
                      ["kue <basah|subuh> <langsung dari|belanja di> Pasar Senen <tiap pagi|subuh>"],
                      ["<cocok|buat> <arisan|pengajian|rapat|acara kantor>", "<min|minimal> order <20|50> pcs", "<harga|hrg> {ptxt} <per box|>"],
                      (15_000, 150_000), "Makanan & Minuman"),
        "blokm_buku": (["<buku|novel> <bekas|second> <{title}|> <dari|ala> Blok M Square", "<jual|lapak> buku <bekas|second> Blok M"],
                       ["<buku|novel> <bekas|second> <kondisi|masih> <bagus|layak>, <lapak|kios> kami di Blok M Square <lantai basement|>"],
                       ["<ada|banyak> <novel|buku kuliah|komik|majalah lawas>", "<harga|hrg> {ptxt}", "<kirim|pengiriman> <seluruh Indonesia|dari Jakarta>"],
                       (10_000, 150_000), "Buku"),
        "gedebage_jersey": (["Jersey <Persib|PERSIB> <{year}|home|away> <ori|original|baru> <ambil di Gedebage|COD Gedebage>"],
                            ["jersey Persib <baru|ori>, <bisa|COD> ambil di <Stadion GBLA|Gedebage> <pas|waktu> <matchday|pertandingan>"],
                            ["<ukuran|size> S-XXL", "<original|official> <store|merchandise>", "<harga|hrg> {ptxt}", "<baru|BNWT>, <bukan|no> KW"],
                            (150_000, 750_000), "Olahraga > Jersey"),
        "bal_jerami": (["<jerami|rumput kering|hay> <per bal|1 bal> <untuk|buat> <kelinci|marmut|sapi>", "<Timothy hay|Alfalfa|Jerami padi> <per bal|bal> <{ptxt}|>"],
                       ["<jerami|rumput> kering <per bal|dipres per bal> <±|sekitar> <5|10|20|25> kg"],
                       ["<pakan|makanan> <kelinci|marmut|ternak> <bergizi|kering|wangi>", "<kirim|pengiriman> <cargo|ekspedisi>", "<harga|hrg> {ptxt} <per bal|>"],
                       (25_000, 300_000), "Perlengkapan Hewan"),
        "bal_kapas": (["<kapas|dakron|silikon> <per bal|1 bal> <{n} kg|> <untuk|buat> <bantal|boneka|kasur>", "<Bal|bal> <kapas|dakron> <isi {n} kg|baru>"],
                      ["<kapas|dakron|silikon> <baru|putih bersih> <per bal|dipres per bal> <isi|±> {n} kg"],
                      ["<cocok|buat> <isi bantal|boneka|jok|kasur lantai>", "<harga|hrg> {ptxt} <per bal|>", "<baru|new>, <bukan|no> daur ulang"],
                      (150_000, 1_200_000), "Bahan Baku > Tekstil"),
        "bal_kertas": (["<kardus|kertas|koran> bekas <per bal|per kg|dipres>", "<Jual|Terima> <kardus|kertas> bekas <per bal|kiloan>"],
                       ["<kardus|kertas> bekas <dari|sisa> <toko|gudang|kantor> <sendiri|lokal>, <dipres|diikat> per bal"],
                       ["<harga|hrg> <per kg|per bal> {ptxt}", "<angkut|ambil> <sendiri|pakai pick up>", "<cocok|buat> <pengepul|daur ulang|packing>"],
                       (50_000, 900_000), "Lainnya"),
        "bal_benang": (["<benang|kain grey|kain katun> <per bal|per roll|1 bal> <{ptxt}|>", "<Bal|bal> <benang|kain> <baru|> <untuk|buat> konveksi"],
                       ["<benang|kain> <baru|fresh> <dari|ex> pabrik <tekstil|pemintalan> <{city}|lokal>, <per bal|per roll>"],
                       ["<cocok|buat> <konveksi|penjahit|rajut>", "<harga|hrg> {ptxt} <per bal|per roll>", "<warna|pilihan warna> <lengkap|banyak>"],
                       (300_000, 4_500_000), "Bahan Baku > Tekstil"),
        "sortir_bawang": (["<bawang merah|bawang putih|kentang> <sortiran|sortir> <{grade}|super|besar> <per kg|per karung>"],
                          ["<bawang|kentang> <hasil|sudah> sortir, <besar|seragam> <per kg|per karung>"],
                          ["<panen|dari> <Brebes|Dieng|Probolinggo|Enrekang>", "<harga|hrg> {ptxt}", "<kering|bersih|tahan lama>"],
                          (20_000, 600_000), "Makanan & Minuman"),
        "koli_kirim": (["<Jasa|jasa> <kirim|ekspedisi|kargo> <per koli|per kg> <{city}|> - <{city}|luar pulau>", "<Kargo|Cargo> murah <per koli|per kg> <ke {city}|>"],
                       ["<kirim|pengiriman> <barang|paket> <per koli|per kg|per kubik> <ke|tujuan> <{city}|seluruh Indonesia>"],
                       ["<harga|mulai> {ptxt} <per kg|per koli>", "<estimasi|ETA> <2-3|3-5|5-7> hari", "<bisa|terima> <pick up|jemput> <barang|paket>",
                        "<aman|asuransi> <barang|paket>"], (5_000, 250_000), "Jasa"),
        "impor_buah": (["<kurma|apel|anggur|jeruk|pir> <impor|import> <{origin_f}|> <per kg|per dus|1 kg>", "<Daging sapi|Susu> <impor|import> <{origin_f}|> <{ptxt}|>"],
                       ["<kurma|apel|anggur|jeruk|pir|daging> <impor|import> <asli|langsung> {origin_f}, <segar|fresh|baru>"],
                       ["<harga|hrg> {ptxt}", "<halal|sertifikat halal>", "<stok|ready> <baru datang|fresh>", "<grade|kualitas> <A|premium|super>"],
                       (30_000, 450_000), "Makanan & Minuman"),
        "korea_skincare": (["<Skincare|Serum|Toner|Sunscreen> <Korea|korea|Jepang> <original|ori|BPOM> <{emo}|>", "<Ramen|Mie|Snack> <Korea|Jepang> <import|impor> <{ptxt}|>"],
                           ["<produk|barang> <Korea|Jepang> <original|asli>, <BPOM|halal|baru> <ya {kak}|>"],
                           ["<exp|expired> <2027|2028>", "<harga|hrg> {ptxt}", "<bukan|no> KW", "<import|impor> resmi, <segel|baru>"],
                           (15_000, 350_000), "Kecantikan"),
    }
    titles, keys, more, (lo, hi), cat = C[sense]
    price = rnd(lo, hi, 1000)
    ctx = {"color": lambda: pick(COLORS), "l": pick(LETTERS), "year": R.randrange(2019, 2027),
           "title": lambda: pick(["Laskar Pelangi", "Bumi Manusia", "Harry Potter", "Dilan"]),
           "grade": lambda: pick(["A", "super", "besar", "B"]),
           "origin_f": lambda: pick(["Mesir", "Tunisia", "Saudi", "Washington", "Australia", "Selandia Baru", "China", "Korea", "Jepang"])}
    return family(ctx, titles, keys, more, price, cat, ["#murah", "#promo", "#cod", "#jualanonline", "#olshop", "#viral"],
                  spec={"Kondisi": "Baru"}, platforms=FOOD_PLATFORMS,
                  fashion=sense in ("thrift_shirt", "3second", "gedebage_jersey"),
                  lo=1, hi=4)


def l_innocent() -> dict:
    return pick([t_balls, t_sacks, t_per_sack, t_kiloan, t_grade, t_words, t_words, t_words])()


WHOLESALE_MARKETS = ["Tanah Abang Blok A", "Tanah Abang Blok B", "Tanah Abang Blok F", "Thamrin City", "Pasar Klewer",
                     "Pasar Baru Bandung", "Cipulir", "Pusat Grosir Surabaya", "PGMTA", "Pasar Beringharjo",
                     "Jembatan Merah", "Pasar Turi", "ITC Kebon Kelapa", "Pasar Pagi Mangga Dua", "Pusat Grosir Metro Tanah Abang",
                     "Pasar Senen Blok V", "Pasar 21 Makassar", "Pusat Pasar Medan"]


def l_wholesale_new() -> dict:
    prod, group = pick(UMKM_ITEMS + [("kaos polos", "unisex"), ("celana training", "unisex"), ("kemeja", "pria"),
                                     ("celana jeans", "unisex"), ("jaket hoodie", "unisex"), ("kaos anak", "anak"),
                                     ("legging", "wanita"), ("kaos kaki", "unisex"), ("seragam sekolah", "anak")])
    unit = pick(["kodi", "lusin", "seri", "pack", "kodi", "lusin"])
    qty = {"kodi": 20, "lusin": 12, "seri": pick([4, 5, 6]), "pack": pick([3, 6, 10])}[unit]
    per = rnd(15_000, 140_000, 500)
    price = per * qty if chance(0.7) else per
    pcs = pick([20, 30, 50, 60, 100, 100, 200])
    ctx = {"prod": prod, "unit": unit, "qty": qty, "mk": pick(WHOLESALE_MARKETS), "place": pick(PLACES),
           "per": price_text(per), "pcs": pcs, "color": lambda: pick(COLORS)}
    return family(ctx, [
        "<Grosir|GROSIR|grosir> {prod} <baru|BARU|new> <per {unit}|murah|> <{mk}|>",
        "<Paket usaha|Paket reseller|PAKET USAHA|paket usaha> {prod} <baru|BARU> <isi {pcs} pcs|{pcs} pcs>",
        "{prod} <grosir|partai> <{mk}|konveksi> <min {n} pcs|>",
        "<Konveksi|Pabrik> {prod} <{place}|> <terima|melayani> <maklon|partai|grosir>",
        "{prod} 1 {unit} <{ptxt}|> <campur warna|mix motif|> <{emo}|>",
        "<GROSIR|Grosir> <baju|pakaian> baru {mk} <{prod}|>",
        "<Paket|paket> {pcs} pcs {prod} <baru|new> <campur random|model random|mix> <{ptxt}|>",
    ], [
        "grosir {prod} <baru|new> <langsung konveksi|tangan pertama|dari pabrik> <{place}|>",
        "<harga|hrg> <per {unit}|1 {unit} isi {qty}> {ptxt}, <ecer|satuan> {per}",
        "<paket usaha|paket reseller> <isi|> {pcs} pcs {prod} <campur random|model random|mix> <BARU|baru semua|new>",
        "<kios|toko|lapak> kami di {mk}, <jual|sedia> {prod} <baru|new> <grosir|partai>",
    ], [
        "<1 kodi|1 kodi isi 20|1 lusin isi 12|1 seri isi {qty}> <campur warna|warna campur|campur motif|mix size|isi campur>",
        "isi campur <warna|motif|ukuran> <random|acak|>, <baru semua|new>",
        "<lokasi|toko|kios> {mk}", "<melayani|terima> <reseller|dropship|grosir|partai besar>",
        "<min order|minimal> <{n} pcs|1 kodi|1 lusin|3 seri>",
        "<bukan|bukan barang> <bal|thrift|second|bekas impor|bal-balan>, <baru|new> <semua|dari konveksi>",
        "<kirim|pengiriman> <pakai|via> <karung|bal (karung plastik)|kardus|koli> <ke|> <luar pulau|seluruh Indonesia>",
        "<ada|tersedia> <size|ukuran> <S-XXL|M-L-XL|jumbo|all size>", "<warna|pilihan warna> {color}, {color}, {color}",
        "<harga|hrg> <ecer|satuan> {per}, <grosir|partai> <lebih murah|beda>",
        "<model|motif> <random|campur> <untuk|kalau> paket, <pilih|request> <model|warna> <bisa|tambah 2rb>",
        "<cocok|pas> <buat|untuk> <reseller pemula|jualan online|buka toko|jualan live>",
        "<barang|stok> <baru|fresh> <tiap minggu|tiap hari> <dari konveksi|>", "<bisa|terima> <sablon|bordir> logo <min {n} lusin|>",
        "<harga|hrg> {ptxt} <per {unit}|>",
    ], price, pick(["Grosir", "Grosir Pakaian", category_for(group if group in ("pria", "wanita", "unisex", "anak", "muslim")
                                                             else "unisex")]),
        ["#grosir", "#grosirbaju", "#tanahabang", "#konveksi", "#reseller", "#dropship", "#bajubaru"],
        spec={"Kondisi": "Baru", "Isi": f"{qty} pcs per {unit}"}, lo=2, hi=7, fashion=True,
        qa=R.sample([("<bisa|boleh> campur <warna|size>?", "bisa {kak}"), ("<baru|bekas>?", "<baru semua|baru {kak}, bukan second>"),
                     ("<min|minimal> order?", "<1 {unit}|{n} pcs> {kak}")], R.randint(0, 2)))


def l_overstock() -> dict:
    item, kind, group = garment()
    if kind == "linen" and chance(0.5):
        item = "kemeja"
    place = pick(["Majalaya", "Sukoharjo", "Bandung", "Bogor", "Tangerang", "Semarang", "Sragen", "Boyolali", "Karawang",
                  "Cikarang", "Purwakarta", "Subang", "Solo", "Klaten", "Pasuruan", "Sidoarjo", "Batam", "Cimahi", "Binong"])
    buyer = pick(["Jepang", "Korea", "Amerika", "Eropa", "Australia", "Kanada", "UK", "Jerman", "Timur Tengah"])
    borongan = chance(0.3)
    price = rnd(400_000, 4_000_000, 50_000) if borongan and chance(0.5) else \
        rnd(25_000, 75_000, 1000) if borongan else rnd(15_000, 220_000, 1000)
    ctx = {"item": item, "place": place, "buyer": buyer, "size": lambda: size_line(kind),
           "ov": lambda: pick(["sisa ekspor", "sisa export", "overrun", "overstock", "reject", "BS", "cacat produksi",
                               "cuci gudang", "sisa produksi", "reject ekspor", "sisa order", "stok lama pabrik"]),
           "brandx": lambda: pick(FOREIGN_BRANDS + ["brand luar", "brand Jepang", "brand Eropa", "buyer luar"])}
    return family(ctx, [
        "{item} {ov} <pabrik|garmen> <{place}|> <baru|BARU|new|>",
        "<Borongan|BORONGAN> {item} reject <pabrik|garmen> <per kg|per karung|per kodi|per 100 pcs>",
        "<Cuci gudang|CUCI GUDANG> <pabrik|garmen> <{place}|>: {item} <mulai|cuma> {ptxt}",
        "{item} <kualitas ekspor|export quality> <BS|reject|cacat dikit> <murah|>",
        "{item} <sisa ekspor|overrun> <{brandx}|> <grade A|grade B|> <{ptxt}|>",
        "<{ov}|{ov}> {item} <ekspor {buyer}|buyer {buyer}> <baru|ori> <{emo}|>",
    ], [
        "{item} {ov} <pabrik|garmen|konveksi> <{place}|lokal>, <baru|BARU|new> <belum pernah dipakai|masih ada tag|label dipotong|tanpa label|masih plastik>",
        "<dijahit|diproduksi> di <{place}|Indonesia|pabrik lokal> <untuk|buat> <{brandx}|ekspor ke {buyer}|buyer {buyer}>, <ini|stok> {ov}",
        "<barang|stok> {ov} dari pabrik <di|> {place}, <baru|new> <semua|>",
    ], [
        "<minus|cacat> <jahitan dikit|noda kapur|salah sablon|kancing|warna belang dikit|ukuran ga standar|ga ada>",
        "<harga|dijual> <miring|murah|di bawah harga pasar> <karena|krn> <overrun|sisa order|reject|kelebihan produksi>",
        "<borongan|borong> <per kg|per karung|per kodi|per 100 pcs> <bisa|boleh>", "grade <A|B> <(minus dikit)|(mulus)|>",
        "<bukan|bukan barang> <bekas|second|bal impor|thrift|barang luar> <ya|!>", "<kualitas|quality> ekspor, harga lokal",
        "<size|ukuran> <US|EU|Asia> <S-XL|M-XXL|28-34|campur>", "{size}", "<label|tag> <dipotong|digunting> <sesuai|karena> aturan buyer",
        "<stok|barang> <terbatas|tinggal sedikit|ribuan pcs>", "<ex display|ex pameran|ex butik> <tapi|> <baru|belum dipakai>",
        "<ekspor|dikirim> ke <Jepang|Korea> <biasanya|tiap bulan>, ini <sisanya|kelebihannya>", "<harga|hrg> {ptxt}", "<isi|per karung isi> <±|> {n}0 pcs <campur model|>",
        "<baru|BARU>, <belum dicuci|masih plastik|bau pabrik>", "{gdesc}",
        "<isi|campur> <model|warna> <random|mix> <kalau|untuk> borongan", "<asal|dari> pabrik {place}",
    ], price, pick(["Grosir", garment_category(kind, group), garment_category(kind, group)]), ["#sisaekspor", "#overstock", "#reject", "#produklokal", "#cucigudang"],
        spec={"Kondisi": "Baru (reject/overrun)", "Produksi": place}, lo=2, hi=6, fashion=True)


NEWS_AGENCIES = ["Kemendag", "Kementerian Perdagangan", "Bea Cukai", "DJBC", "Polda Metro Jaya", "Polda Jabar",
                 "Bareskrim", "KemenkopUKM", "Kementerian UMKM", "Satgas Impor Ilegal", "Bea Cukai Batam",
                 "Bea Cukai Kalbar", "Polres Pelabuhan Tanjung Priok", "Lanal Dumai", "Ditpolairud Polda Riau"]
SEIZE_PLACES = ["Bandung", "Cimahi", "Tanjung Priok", "Batam", "Dumai", "Tanjung Balai Asahan", "Pontianak", "Entikong",
                "Parepare", "Makassar", "Kendal", "Pangkalan Bun", "Belawan", "Jambi", "Karimun", "Pasar Senen",
                "tol Palembang-Lampung", "Nunukan", "Bengkalis"]


def l_services_news() -> dict:
    kind = pick(["news", "news", "news", "edu", "service", "service", "service", "event", "job", "wanted", "consign"])
    ctx = {"ag": lambda: pick(NEWS_AGENCIES), "sp": lambda: pick(SEIZE_PLACES), "n3": lambda: R.randrange(40, 20000),
           "bn": lambda: pick(["1,2", "4", "8,5", "12", "49", "112", "3,7", "20", "2,5", "650 juta"]),
           "year": R.randrange(2023, 2027), "bale": lambda: pick(["bal", "balpres", "koli", "karung", "bal pakaian bekas"]),
           "official": lambda: pick(["Dirjen PKTN", "Kepala Kanwil", "Kapolda", "Kasubdit", "Menteri Perdagangan",
                                     "Menteri UMKM", "juru bicara", "Kabid Humas"]),
           "plat": lambda: pick(["Shopee", "Tokopedia", "TikTok Shop", "Lazada", "Bukalapak", "Blibli", "marketplace"]),
           "place": lambda: pick(PLACES), "color": lambda: pick(COLORS)}
    news_platforms = {"facebook": 3, "instagram": 3, "other": 6, "tiktokshop": 0, "shopee": 0, "tokopedia": 0,
                      "lazada": 0, "bukalapak": 0, "blibli": 0}
    if kind == "news":
        return family(ctx, [
            "{ag} <sita|amankan|musnahkan|gagalkan penyelundupan> {n3} {bale} pakaian bekas <impor|ilegal> di {sp}",
            "<Ribuan|Ratusan> {bale} <baju|pakaian> bekas <impor|ilegal> <disita|dimusnahkan> di {sp}",
            "<Larangan|Pemerintah tegaskan larangan> impor pakaian bekas, <pedagang|penjual> thrift <diminta|diimbau> beralih",
            "{plat} <hapus|takedown|turunkan> <ribuan|puluhan ribu> <produk|tautan> <thrifting|baju bekas impor>",
            "<Pedagang|Pelaku> thrift <{sp}|Pasar Senen|Gedebage> <mengeluh|bertahan|beralih> <setelah|usai> razia",
            "<Opini|OPINI>: <thrifting|thrift impor> <dan|vs> <nasib|masa depan> UMKM tekstil",
            "<Harga|Nilai> barang sitaan capai Rp {bn} miliar, {ag} <ungkap|bongkar> <jaringan|gudang> <balpres|bal pakaian bekas>",
        ], [
            "<{sp}|JAKARTA|BANDUNG> - {ag} <menyita|mengamankan|memusnahkan> {n3} {bale} pakaian bekas <impor|asal luar negeri> <senilai|dengan nilai> Rp {bn} miliar.",
            "<Pemerintah|{ag}> kembali menegaskan impor pakaian bekas (HS 6309) dilarang <sesuai|berdasarkan> Permendag <18/2021|40/2022|47/2025>.",
            "{plat} <menurunkan|menghapus> <ribuan|puluhan ribu> <tautan|produk> <yang menjual|berisi> <bal|karungan|balpres> <dan|serta> <thrift impor|baju bekas impor>.",
        ], [
            "\"<Yang kami sasar|Sasaran kami> adalah <importir|penyelundup|gudang>, bukan pedagang kecil,\" <kata|ujar> {official}.",
            "<Pedagang|Penjual> <barang bekas|pakaian bekas> <dalam negeri|lokal> <tidak|tidak menjadi> sasaran penindakan.",
            "<Barang|Pakaian> <tersebut|sitaan> diduga masuk <melalui|lewat> <pelabuhan tikus|jalur tidak resmi> di <pesisir timur Sumatera|Batam|Kalimantan Barat>.",
            "<Sanksi|Ancaman> <pidana|hukuman> <hingga|maksimal> 5 tahun <dan/atau|atau> denda Rp 5 miliar <menurut|berdasarkan> UU Perdagangan.",
            "<Menurut|Kata> <pedagang|seorang pedagang> di {sp}, <stok|pasokan> <bal|karungan> <makin sulit|berkurang> <sejak|setelah> <razia|larangan>.",
            "<Baca juga|BACA JUGA>: <Cara|Tips> <membedakan|mengenali> <baju|pakaian> bekas impor",
            "<Ekonom|Pengamat> <menilai|menyebut> <thrifting|impor pakaian bekas> <menekan|merugikan> industri tekstil <dalam negeri|lokal>.",
            "<Barang bukti|Sitaan> <akan|rencananya> <dimusnahkan|dibakar|dicacah> <pekan depan|bulan ini>.",
            "<Penulis|Editor|Reporter>: <Redaksi|Tim {place}|Rina S.>", "<Sumber|Foto>: <Humas {ag}|dok. {ag}|istimewa>",
        ], 0, pick(["Berita", "Artikel", "Opini", "News", "Ekonomi"]), ["#berita", "#thrift", "#umkm", "#news", "#pakaianbekas"],
            platforms=news_platforms, commerce=False, lo=2, hi=6)
    if kind == "edu":
        return family(ctx, [
            "<Ciri-ciri|Cara mengenali|Tips membedakan> <baju|pakaian> bekas impor <di marketplace|online|>",
            "<Kenapa|Mengapa> <impor|jual> <pakaian|baju> bekas <impor|> dilarang? <Simak|Ini> <penjelasannya|faktanya>",
            "<Thrift|Thrifting> lokal <vs|atau> thrift impor: <bedanya apa|apa bedanya>? <{emo}|>",
            "<INFOGRAFIS|Infografis|Edukasi>: <aturan|larangan> impor pakaian bekas <{year}|terbaru>",
        ], [
            "<Yang dilarang|Yang dilarang itu> <impor|mengimpor> pakaian bekas (<HS 6309|balpres|bal>), <bukan|bukannya> <jual beli|thrifting> barang bekas <dalam negeri|lokal>.",
            "<Thread|Utas>: <apa aja|apa saja> <tanda|ciri> <listing|iklan> <bal|karungan> <impor|> yang <sering|biasa> <ditakedown|dihapus>",
        ], [
            "1. <biasanya|sering> dijual per <bal|karung|kg>", "2. <ada|pakai> kata <kepala|grade A|segel> <di judul|>",
            "3. <asal|origin> <Korea|Jepang> <tapi|dan> <kondisi|bekas> <90%|second>",
            "<Preloved|Barang> <pribadi|milik sendiri> <boleh|tetap boleh> dijual <ya|kok>.",
            "<Dukung|Yuk dukung> <brand lokal|UMKM|produk dalam negeri> {emo}", "<Sumber|Dasar hukum>: Permendag <18/2021|40/2022|47/2025>",
            "<Save|Share> <postingan ini|biar temen kamu tau>", "<Bahaya|Risiko> <jamur|bakteri> <di|pada> pakaian bekas <impor|> <yang|> <tidak|belum> dicuci",
        ], 0, pick(["Edukasi", "Artikel", "Komunitas", "Berita"]), ["#edukasi", "#thrift", "#umkm", "#brandlokal"],
            platforms=news_platforms, commerce=False, lo=2, hi=5)
    if kind == "service":
        services = {
            "laundry kiloan": ["<cuci|cuci + setrika|cuci kering lipat> <reguler|2 hari>", "antar jemput <gratis|free> <min|minimal> <3|5> kg",
                               "<express|kilat> <1 hari|6 jam> <beda harga|+5rb/kg>", "<bisa|terima> <bed cover|karpet|boneka> <juga|>"],
            "jasa jahit & vermak": ["<potong|pendekin> <celana|rok|gamis> <15rb|20rb>", "<ganti|pasang> resleting <jaket|celana>",
                                    "<kecilin|besarin> <baju|kemeja|kebaya>", "<jahit|terima jahit> <seragam|kebaya|gamis> <ukur badan|custom>"],
            "jasa cuci sepatu": ["<deep clean|fast clean> <sneakers|sepatu kulit|boots>", "<unyellowing|repaint|reglue> <ada|bisa>",
                                 "<pick up|antar jemput> <area {city}|>", "<hasil|garansi> <bersih|wangi> <atau cuci ulang|>"],
            "jasa sablon kaos": ["<sablon|print> <DTF|plastisol|rubber> <satuan|partai>", "<min|minimal> order <1|12|24> pcs",
                                 "<desain|file> <gratis|dibantu> <admin|tim kami>", "<kaos|bahan> <cotton combed|polos> <disediakan|bawa sendiri>"],
            "jasa bordir": ["<bordir|border> <nama|logo> <komputer|manual>", "<bisa|terima> <seragam|topi|jaket|tas>", "<min|minimal> <1|6> pcs"],
            "jasa titip (jastip)": ["<jastip|titip> barang <BARU|baru> dari {jt}, <fee|biaya> <10%|50rb/item>, <bukan|no> barang second",
                                    "<open|buka> jastip <{jt}|Dongdaemun|outlet> <{month}|batch {n}>", "<DP|dp> <50%|full> <dulu|di awal>",
                                    "<slot|kuota> <terbatas|{n} orang>"],
            "jasa foto produk": ["<foto|photo> <produk|katalog> <fashion|hijab|sepatu> <dengan model|flatlay|mannequin>",
                                 "<paket|mulai> <10 foto|20 foto> <edit|retouch> <gratis|included>", "<studio|lokasi> di {city}"],
            "jasa dry clean jas & kebaya": ["<dry clean|cuci kering> <jas|kebaya|gaun pengantin|beskap>", "<proses|selesai> <2-3 hari|3 hari>",
                                            "<aman|tidak luntur> <untuk|buat> <payet|brokat|sutra>"],
            "jasa permak jeans": ["<permak|vermak> <levis|jeans> <potong|pensil|cutbray>", "<ganti|pasang> <kancing|resleting>", "<tunggu|ditunggu> <30 menit|1 jam> jadi"],
            "jasa packing & fulfillment": ["<gudang|warehouse> di {city}, <packing|kirim> <harian|tiap hari>", "<biaya|fee> <per paket|per order> {ptxt}",
                                           "<integrasi|connect> <Shopee|Tokopedia|TikTok Shop>"],
            "jasa pembuatan label baju": ["<label|tag> <woven|satin|kertas|hangtag> <custom|logo sendiri>", "<min|minimal> order <100|500> pcs",
                                          "<desain|mockup> gratis"],
            "jasa reparasi tas & sepatu": ["<ganti|perbaiki> <sol|tali|resleting|handle>", "<repaint|cat ulang> <tas kulit|sepatu>",
                                           "<garansi|jaminan> <jahitan|lem> <1 bulan|3 bulan>"],
        }
        svc = pick(list(services))
        price = rnd(5_000, 350_000, 1000)
        ctx["svc"] = svc
        ctx["jt"] = lambda: pick(["Seoul", "Tokyo", "Bangkok", "Singapura", "Kuala Lumpur", "Guangzhou", "Osaka"])
        return family(ctx, [
            "{svc} <{city}|> <murah|terpercaya|express|> <{emo}|>", "{svc} <mulai|start> {ptxt}",
            "{svc} <antar jemput|pick up|online> <area {city}|>", "<Open|OPEN> {svc} <batch {n}|> <{emo}|>",
        ], [
            "<kami|kita> <melayani|terima> {svc} <area {city}|seluruh {city}|online>", "{svc} <harga|mulai> {ptxt}, <hasil rapi|cepat|bergaransi>",
        ], services[svc] + [
            "<proses|pengerjaan> <1-3 hari|2 hari|express 1 hari>", "<harga|hrg> {ptxt} <per kg|per pcs|per pasang|per item|>",
            "<buka|open> <setiap hari|Senin-Sabtu> <08.00-20.00|09.00-21.00>", "<konsultasi|tanya-tanya> gratis <via WA|by chat>",
        ], price, pick(["Jasa", "Jasa > Laundry", "Jasa > Penjahit", "Jasa Titip", "Lainnya"]), ["#jasa", "#laundry", "#jastip", "#umkm"],
            platforms={"shopee": 1.5, "tokopedia": 1.5, "tiktokshop": 0.5, "lazada": 0.5, "bukalapak": 1, "blibli": 0.3,
                       "facebook": 4, "instagram": 4, "other": 2}, lo=2, hi=5)
    if kind == "event":
        price = pick([0, 0, rnd(25_000, 250_000, 5000)])
        return family(ctx, [
            "<Workshop|Kelas|Pelatihan> <upcycle|jahit|sablon|branding UMKM> <baju lama|kaos|produk lokal> <{month}|> <gratis|>",
            "<Bazar|Pasar> <produk lokal|UMKM|preloved warga> <{city}|RW {n}|kampus> <{month}|>",
            "<Swap party|Tukar baju|Clothes swap> <{city}|komunitas> <{emo}|>",
            "<Donasi|Open donasi> pakaian layak pakai <untuk|buat> <korban banjir|panti asuhan|korban gempa>",
            "<Seminar|Webinar>: <beralih dari thrift impor ke brand lokal|strategi UMKM fashion|jualan online untuk UMKM>",
        ], [
            "<Bawa|Bawa aja> <3|5> <baju lama|pakaian layak pakai> <kamu|milikmu>, <tukar|swap> <dengan|sama> <punya|milik> <peserta lain|orang lain>",
            "<Kami|Komunitas kami> <membuka|menerima> <donasi|sumbangan> pakaian <bekas|layak pakai> <milik pribadi|dari warga> <untuk|bagi> <korban banjir|panti asuhan>",
            "<Acara|Event> <untuk|buat> <UMKM|pelaku usaha|ibu-ibu> <fashion|konveksi> <di|se-> {city}: <materi|belajar> <foto produk|jualan online|branding>",
            "<Bazar|Lapak> <barang|pakaian> preloved <milik|punya> warga <sendiri|kompleks>, <bukan|no> barang impor",
        ], [
            "<Tanggal|Tgl> <{n}|1{n}|2{n}> {month} <{year}|>, <jam|pukul> <09.00|13.00|15.00>", "<Lokasi|Tempat>: <balai RW|aula kampus|GOR {city}|Taman {city}>",
            "<Daftar|Registrasi> <via link di bio|lewat DM|gratis>", "<kuota|slot> <terbatas|{n}0 orang>",
            "<Kampanye|Gerakan> <sustainable fashion|kurangi limbah tekstil|cinta produk lokal>",
            "<Didukung|Bekerja sama dengan> <Dinas Koperasi|komunitas UMKM|kampus>", "<HTM|tiket> <gratis|{ptxt}>",
        ], price, pick(["Acara", "Event", "Komunitas", "Jasa"]), ["#event", "#umkm", "#sustainablefashion", "#swap"],
            platforms=news_platforms, commerce=False, lo=2, hi=5)
    if kind == "consign":
        price = rnd(0, 50_000, 5000)
        return family(ctx, [
            "<Jasa|Layanan> <titip jual|konsinyasi> <baju|pakaian> preloved <pribadi|milik kamu> <{emo}|>",
            "<Thrift store|Toko preloved> lokal <{city}|> - <terima|buka> <titipan|konsinyasi>",
            "<Open|OPEN> <titip jual|konsinyasi> preloved <batch {n}|{month}>",
        ], [
            "<Kami|kita> <terima|bantu jual> <baju|pakaian> preloved <milik pribadi|punya kamu sendiri>, <bukan|tidak terima> <bal|barang impor|karungan>",
            "<thrift store|toko> lokal <kami|ini> <isinya|semua barang> <titipan|donasi> <warga|teman-teman> <{city}|sekitar>, <bukan|no> <bal impor|barang impor>",
        ], [
            "<bagi hasil|komisi> <70:30|80:20|60:40>", "<kami|kita> <foto|kurasi|cuci> <dan|&> <jualin|posting>", "<max|maksimal> <20|30> pcs per orang",
            "<lokasi|toko> di {city}", "<syarat|ketentuan>: <layak pakai|bersih|tidak rusak>", "<daftar|info> <via|lewat> <DM|WA>",
        ], price, pick(["Jasa", "Fashion", "Komunitas"]), ["#preloved", "#thriftlokal", "#konsinyasi", "#titipjual"],
            platforms={"shopee": 0.5, "tokopedia": 0.5, "tiktokshop": 0, "lazada": 0, "bukalapak": 0.5, "blibli": 0,
                       "facebook": 3, "instagram": 5, "other": 2}, lo=2, hi=4)
    if kind == "job":
        return family(ctx, [
            "<Lowongan|LOKER|Loker> <penjahit|operator jahit|admin online shop|host live|packer|QC garmen> <{city}|>",
            "<Dicari|DICARI> <penjahit|tukang potong|admin> <konveksi|garmen> <{city}|>",
        ], [
            "<Dibutuhkan|Dicari> <penjahit|admin|host live|packer> <untuk|di> <konveksi|toko|garmen> <kami|> di {city}",
        ], [
            "<gaji|upah> <UMR|borongan|harian> <+ bonus|>", "<pengalaman|berpengalaman> <min|minimal> 1 tahun <diutamakan|>",
            "<kirim|lamaran> <CV|lamaran> <via WA|ke email>", "<mess|tempat tinggal> <disediakan|ada>",
            "<jam kerja|kerja> <08.00-16.00|shift>",
        ], 0, pick(["Lowongan Kerja", "Loker", "Jasa"]), ["#loker", "#lowongankerja", "#konveksi"],
            platforms=news_platforms, commerce=False, lo=2, hi=4)
    ctx["prod"] = pick(["gamis", "hijab", "kaos"])  # kind == "wanted": someone looking for a supplier
    return family(ctx, [
        "<Dicari|DICARI|Cari> supplier <kaos polos|hijab|gamis|kemeja> <lokal|konveksi> <{city}|>",
        "<Butuh|Cari> <vendor|konveksi> <seragam|kaos komunitas|jaket> <{n}0 pcs|>",
    ], [
        "<Cari|Dicari> <supplier|konveksi|pabrik> <{prod}|kaos polos|hijab> <baru|new> <lokal|dalam negeri>, <bukan|no> <thrift|bal|barang second>",
    ], [
        "<untuk|buat> <reseller|toko|seragam kantor>", "<rutin|tiap bulan> <{n}0|100> pcs", "<yang|> <bisa|ready> <COD|ambil di {city}>",
        "<kabari|info> <via|lewat> <komen|DM|WA>",
    ], 0, pick(["Lainnya", "Komunitas", "Dicari"]), ["#dicari", "#supplier", "#umkm"],
        platforms=news_platforms, commerce=False, lo=1, hi=3)


# --------------------------------------------------------------------------------------
# Hand-written variety. The generators above build listings from shared blocks; the ones
# below are written listing by listing, in many voices (Indonesian, Javanese, Sundanese,
# English, market slang), for the tactics that read least like a template (euphemism,
# context-only) and for the legitimate listings that look most like them: new imported or
# "korean style" clothes, domestic preloved, sacks, laundry kiloan, grade A produce,
# wholesale of new clothes, local overstock and news. Each tactic's generator picks between
# the block-built and the hand-written family (see GENERATORS).
# --------------------------------------------------------------------------------------
EU_WORDS = ["second branded luar", "branded luar second", "barang sortiran {origin}", "sortiran {origin}",
            "bal-balan", "pre-loved impor", "preloved impor", "pre loved import", "karungan", "koli {origin}",
            "kiloan ex-{origin}", "ex-{origin}", "eks {origin}", "barang LN", "2nd luar", "scnd {origin}",
            "sekenan luar", "hunting {origin}", "second-an {origin}", "barang luaran", "made in luar second",
            "used {origin}", "lungsuran {origin}", "stok Batam", "jalur Batam", "barang negeri {nick}",
            "pakai orang {nick}", "ori luar pakai", "hunting gudang impor", "impor pakai", "negeri {nick} second"]
# What sellers call the origin countries instead of naming them.
NICKNAMES = {"Jepang": "sakura", "Japan": "sakura", "JPN": "sakura", "Korea": "ginseng", "Korsel": "ginseng",
             "Korea Selatan": "ginseng", "korea": "ginseng", "jepang": "sakura", "Thailand": "gajah putih",
             "Malaysia": "jiran", "Singapore": "singa", "USA": "paman sam", "Amerika": "paman sam",
             "China": "tirai bambu", "Cina": "tirai bambu", "Australia": "kanguru", "Taiwan": "formosa"}
HAND_GARMENTS = ["jaket", "coat", "kemeja", "hoodie", "sweater rajut", "celana jeans", "cardigan", "blazer", "dress",
                 "rok", "kaos", "polo shirt", "jaket kulit", "parka", "windbreaker", "flanel", "celana cargo", "sneakers",
                 "boots", "tas kulit", "backpack", "topi", "selimut", "knit vest", "trench coat", "jersey", "outer"]


def hand_ctx() -> dict:
    ctx = origin_ctx()
    ctx["origin"] = pick([o for o in ORIGINS if "-" not in o and "mix" not in o])
    ctx["flag"] = FLAGS.get(ctx["origin"], "")
    ctx.update({
        "item": pick(HAND_GARMENTS), "l": pick(LETTERS), "part": lambda: pick(PARTS), "cond": used_condition,
        "eu": lambda: expand(pick(EU_WORDS), ctx), "zonk": lambda: R.choice([5, 10, 15, 20]),
        "season": lambda: pick(["winter", "musim dingin", "summer", "autumn", "spring", "musim gugur"]),
        "brands": lambda: ", ".join(R.sample(FOREIGN_BRANDS, R.randint(2, 4))),
        "nick": NICKNAMES.get(ctx["origin"], "sakura"),
    })
    return ctx


def v_euphemism_hand() -> dict:
    ctx = hand_ctx()
    packaged = chance(0.3)
    price = rnd(400_000, 3_000_000, 50_000) if packaged else rnd(25_000, 400_000, 5000)
    ctx["size"] = lambda: size_line(pick(["top", "outer", "bottom"]))
    titles = [
        "{brand} {item} <second branded luar|branded luar second|SECOND BRANDED LUAR> <{pct}%|> <{ptxt}|>",
        "<Barang sortiran|barang sortir|Sortiran> {origin} - {item} <{brand}|> <murah|>",
        "{item} hasil <hunting|sortir|pilih> <bal-balan|karungan|koli> {origin}",
        "<Pre-loved impor|preloved impor|PRE LOVED IMPORT|Pre loved import> {item} <size {l}|{l}|>",
        "<kiloan ex-Korea|kiloan ex Japan|kiloan ex-{origin}|Kiloan Ex {origin}> <{item}|campur> <{perkg}/kg|>",
        "{item} <Japan used|Korea used|used Japan> <size {l}|> <{ptxt}|>",
        "Used {brand} {item} from {origin}, <good condition|great condition|minor flaws>",
        "<Klambi|klambi> <lungsuran|sekenan|bekasan> {origin} <apik tenan|murah|isih apik> <{ptxt}|>",
        "<Acuk|Baju|acuk> <urut|tilas> <ti|asal> {origin} <sae keneh|alus keneh|murah>",
        "<stok|barang> <Batam|jalur Batam|dari Batam> {item} <{brand}|> <kondisi {pct}%|mulus|>",
        "{item} <ex-{origin}|ex {origin}|eks {origin}|EX {origin}> <mulus|{pct}%|no minus|>",
        "<2nd|scnd|sekenan|second-an|2ND> {origin} {item} <ori|> <{ptxt}|>",
        "<Koleksi|Collection> <barang luar|luaran|LN> {item}, <pakai|kondisi> {pct}%",
        "<Hunting|hasil hunting> <Korea|Jepang|{origin}> {item} <random|pilihan|> <{ptxt}|>",
        "<branded|BRANDED> <luar|LN> <murmer|murah meriah|miring> {item} <{ptxt}|>",
        "{item} <karungan|koli|bal-balan> {origin} <pilihan|sortiran|grade A>",
        "{item} <second|2nd> <luar|LN> <bukan lokal|non lokal|asli luar>",
        "{origin} <winter|musim dingin> <outer|coat|jaket> <{pct}%|> <{ptxt}|>",
        "<Kiriman|kiriman> koli {origin}: {item} <{ptxt}|> <{emo}|>",
        "<{brand}|> {item} MIJ <second|pre-loved|pakai> <size {l}|>",
        "{item} <{brand}|> <tangan kedua|tangan ke-2> dari {origin}",
        "<Open|OPEN> <lapak|sesi> <pre-loved impor|second luar|sortiran {origin}> <malam ini|jam {hour}> <{emo}|>",
        "<{emo}|> {item} <luar|import> <kondisi pakai|pernah pakai|bekas pakai orang {origin}>",
        "{brand} <asli|original> <{origin}|luar> - <pre-owned|second|2nd> {item}",
        "{item} <rescue|hasil rescue> <dari|from> <bal-balan|karungan> {origin} <{ptxt}|>",
        "{item} <dari|asal|langsung> negeri {nick} <kondisi {pct}%|pakai|second|mulus> <{brand}|>",
        "<Barang|barang> negeri {nick} <{item}|campur> <9/10|VGC|{pct}%> <{ptxt}|>",
        "<Paket|Paketan> {eu} <{pcsn} pcs|isi {pcsn}> <{item}|campur>" if packaged else "{eu} {item} <{ptxt}|>",
    ]
    key = [
        "<barang|stok> <sortiran|hasil sortir> <dari|asal> {origin}, <kondisi|kond> <{pct}%|bervariasi {plo}-{phi}%>",
        "<asli|real> <barang|produk> <luar|LN>, <bukan|no> lokal <apalagi KW|ya {kak}|>, <kondisi|kond> {pct}%",
        "<dapet|dapat> dari <bal-balan|karungan|koli> {origin} <minggu lalu|kemarin|yang baru dibuka>, {cond}",
        "<Pakaian|Barang> ini <pernah dipakai|sudah dipakai> <orang|pemilik> <Jepang|Korea|sana>, <tapi|> <masih|tetap> <layak|bagus|kece>",
        "{eu}, {cond}, {size}",
        "Used <but|yet> <still in good shape|good condition>, <original|ori> {brand} from {origin}, <ship from|dikirim dari> {city}",
        "<Kanggo|Kagem> <sing|ingkang> <golek|madosi> <klambi|barang> <luar|impor> <murah|regane miring>, <isih apik|taksih sae> {pct}%, monggo",
        "<Sae keneh|Alus keneh|masih sae>, <teu aya|euweuh> <bolong|cacad>, <asli|langsung> ti {origin}, <mangga|hayu> <diorder|dipilih>",
        "<stok|barang> <masuk|datang> <lewat|via> {town}, <asal|aslinya> {origin}, <kondisi|kualitas> <pakai|second> <{pct}%|mulus>",
        "<second|2nd> <branded|bermerek> <luar|dari luar>: {brands}, <kondisi|kond> {plo}-{phi}%",
        "<langsung|asli> dari negeri {nick}, <pernah dipakai|sisa pakai|pakai> <tapi|> <masih|> <mulus|layak|kece>, {size}",
    ]
    more = [
        "<sudah|udah> <dilaundry|dicuci|disetrika> <bersih|wangi>, <siap pakai|tinggal pakai>",
        "<pemakaian|pakai> <wajar|normal>, <ada|sedikit> <noda|pudar|bulu> <kecil|halus> di {part}",
        "<tag|label> <masih|> <tulisan|huruf> <Jepang|Korea|kanji|hangul>, <asli|bukan tempelan>",
        "<ukuran|size> <Asia|Jepang|Korea> {l}, <cek|lihat> LD di foto", "{cond}", "{size}", "{gdesc}",
        "<kiloan|timbangan> <juga|> <bisa|ada>, {perkg}/kg <campur|random>",
        "<beli|ambil> <{n}|banyak> <dapat|dapet> <diskon|potongan|bonus 1>", "<harga|hrg> {ptxt} <nett|nego tipis|>",
        "<dijamin|pasti> <ori|original> <{brand}|branded>, <hasil|dari> <sortir|pilih> <satu-satu|manual>",
        "<non|no> retur <ya|>, <barang|namanya> <pakai|sekenan|hunting>", "<1 pcs|stok 1|only 1>, <siapa cepat|first come first serve>",
        "<bukan|beda sama> <barang|baju> <pasar|lokal>, <ini|semua> <impor|luar> <asli|langsung>",
        "<mau|minat> <borong|ambil banyak>? <ada|ready> <karungan|koli|bal-balan> <juga|>",
        "<Japan|Korea> <quality|brand> <harga|price> <lokal|miring>", "<foto|pict> <real|asli>, <minus|cacat> <difoto|ada di slide {n}>",
        "<isi|paket> {pcsn} pcs <campur|random> <model|ukuran>" if packaged else "<cuma|hanya> <1|satu>, <ga|tidak> restock",
        "<cocok|pas> <buat|untuk> <jualan lagi|live|reseller>" if packaged else "<bahan|material> <wol|fleece|denim|katun> <tebal|adem>",
        "<ongkir|kirim> <dari|via> {city}", "<MIJ|Made in Japan|made in Korea|made in USA> <asli|tertera di tag>",
    ]
    ctx["pcsn"] = R.choice([10, 20, 25, 30, 50, 100])
    return family(ctx, titles, key, more, price, pick(["Pakaian", "Pakaian Pria", "Pakaian Wanita", "Fashion", "Lainnya"]),
                  HASHTAGS_VIOL + HASHTAGS_SHARED, lo=1, hi=5, fashion=True,
                  spec={"Asal": ctx["origin"], "Kondisi": f"{ctx['pct2']()}%"})


def v_context_hand() -> dict:
    ctx = hand_ctx()
    per_kg = chance(0.3)
    price = rnd(25_000, 90_000, 5000) if per_kg else rnd(900_000, 8_000_000, 50_000)
    ctx.update({"unit": "per kg" if per_kg else pick(["per karung", "per koli", "per sak", "per paket", "per bag"]),
                "KG": R.choice([25, 30, 45, 50, 60, 80, 100, 100])})
    titles = [
        "<Paket reseller|PAKET RESELLER|paket usaha> {origin} <grade|GRADE> {grade} <{KG}kg|{unit}>",
        "{origin} {season} mix <{KG}kg|{unit}> <jaket|coat|sweater|campur>",
        "<Karung|Sak|Koli> {origin} <isi|±> <{pcs} pcs|{KG} kg> <campur|acak|random>",
        "<Paketan|Paket> <Jepang|Korea|{origin}> <{KG} kilo|{KG}kg> <random|tanpa pilih>",
        "Mix {origin} <per koli|per karung|per sak> <isi campur|random|grade {grade}>",
        "<Stok|Barang> <{town}|Batam> <asal|origin> {origin} <per karung|per koli|per kg>",
        "{origin} {season} collection <{KG}kg|{unit}> grade {grade}",
        "<Modal|modal> <usaha|jualan> <{ptxt}|> <dapat|dapet> <±{pcs}|{pcs}> pcs {origin} <grade {grade}|>",
        "<Grade A|Grade A/B|GRADE AA> {origin} <kemeja|jaket|celana|dress|hoodie> <per karung|{KG}kg|per koli>",
        "<Japan|Korea|{origin}> mix <jaket|outer|hoodie|fashion wanita> <per kilo|{perkg}/kg|{unit}>",
        "<Korea|Korsel|{origin}> <{KG}kg|per sak> <isi {bitems}|campur model>",
        "<Supplier|Agen|Gudang> <{origin}|Japan|Korea> <grade A|AA|{grade}> <per karung|per koli>",
        "{origin} <{KG}kg|{KG} kilo> <grade {grade}|> <murah|termurah> <{city}|>",
        "<{flag}|> {origin} <assorted|mixed> clothing <{KG}kg|per bag> grade {grade}",
        "<Sak|Karung> <{origin}|{origin} mix> {season} <{pcs}pcs|±{pcs} pcs>",
        "<Barang|Stok> gudang {origin} <per kg|kiloan> <{perkg}|> <campur|acak>",
        "<Paket|Karung> negeri {nick} <grade {grade}|{KG}kg> <campur|random|acak>",
    ]
    key = [
        "<isi|isinya> <campur|acak|random> <{bitems}|semua model>, <ukuran|size> <campur|acak>, <asal|dari> {origin}",
        "<asal|origin|dari> {origin}, <grade|kualitas> {grade}, <berat|timbangan> <±|sekitar |>{KG} kg <{unit}|>",
        "{origin} mix clothing, {KG}kg <per bag|per sack>, grade {grade}, random items, <for resellers|reseller only>",
        "<isine|isinipun> <campur|acak>, <ora|mboten> <iso|saged> milih, <asale|asalipun> {origin}, <bobot|abot> ±{KG} kg",
        "<eusina|eusi> <campur|acak>, <teu|henteu> <tiasa|bisa> milih, <ti|asal ti> {origin}, grade {grade}",
        "<satu|1> <karung|koli|sak> <isi|dapat> <±|kurang lebih |>{pcs} pcs <{bitems}|campur>, {origin} grade {grade}",
        "<label|tag> <asli|masih> <Jepang|Korea|{origin}>, <brand|merk> <campur|acak> ({brands}), {unit}",
        "<barang|stok> <asal|dari> negeri {nick}, <isi|isinya> <campur|random>, <kondisi|kualitas> {plo}-{phi}%, {unit}",
    ]
    more = [
        "<kondisi|kualitas> <{plo}-{phi}%|rata-rata {pct}%>, <ada|kadang ada> <yang|> <noda|minus|pudar> <dikit|wajar>",
        "<tidak|ga|gak> bisa <pilih|request> <isi|model|ukuran|warna>, <semua|isi> <random|acak>",
        "<cocok|pas> <buat|untuk> <reseller|yang mau mulai usaha|jualan live|lapak pinggir jalan>",
        "<dijual|jual> <ulang|lagi> <{retail}|10-30rb> <per pcs|satuannya>, <untung|cuan> <berlipat|2x lipat>",
        "<harga|hrg> {ptxt} {unit}" if not per_kg else "<harga|hrg> {perkg}/kg, <min|minimal> {n}0 kg",
        "<kirim|pengiriman> <pakai|via> {cargo} <ke seluruh Indonesia|luar pulau|>",
        "<barang|stok> <masuk|datang> <dari|lewat> {town} <tiap minggu|rutin|tiap bulan>",
        "<sudah|udah> <disortir|dipilih> <grade|kualitas> {grade}, <sisanya|yang jelek> <dipisah|tidak masuk>",
        "{season} <stock|stok>: <coat|jaket tebal|sweater|knit> <semua|campur>",
        "<zonk|rusak> <ada|kemungkinan> <{zonk}%|sedikit>, <wajar|risiko> <paket|random>",
        "<video|foto> <isi|proses buka karung> <ada|dikirim> <via WA|saat order>",
        "<minimal|min> <order|ambil> <1 karung|2 koli|{n}0 kg>",
        "<paket ini|isinya> <bukan|tidak> <baru|produksi baru>, <kondisi|isinya> <layak jual|bervariasi>",
        "<dicuci|laundry> sendiri <sebelum|sblm> dijual <ya|>, <bau|aroma> <gudang|karung> <wajar|normal>",
        "<ukuran|size> <Asia|Eropa|campur> <S-XXL|kecil-besar>", "<ready|stok> <{n} karung|{n}0 koli|terbatas>",
    ]
    return family(ctx, titles, key, more, price, pick(["Grosir", "Pakaian", "Lainnya", "Fashion"]), HASHTAGS_SHARED,
                  lo=2, hi=6, fashion=True, title_only_ok=False, spec={"Asal": ctx["origin"], "Berat": f"{ctx['KG']} kg", "Isi": "campur"})


def l_import_style_hand() -> dict:
    ctx = {"item": pick(HAND_GARMENTS + ["blouse", "gamis", "piyama", "kemeja satin", "celana kulot"]),
           "no": lambda: pick(NEW_ORIGINS), "brand": lambda: pick(FOREIGN_BRANDS), "l": pick(LETTERS),
           "color": lambda: pick(COLORS), "size": lambda: size_line("top")}
    price = rnd(45_000, 650_000, 1000)
    return family(ctx, [
        "{item} <import|impor> {no} <baru|new|BARU> <ready|>",
        "<Kemeja|Blouse|Jaket|Hoodie> <import|impor> <Guangzhou|China|Bangkok> <premium|> <masih plastik|with tag|new>",
        "<Barang|Fashion> <baru|new> <import|impor> {no} <grosir per seri|ecer & grosir|ready Jakarta>",
        "{item} <Korea|Jepang|Korean> <import|impor> <baru|new> <{color}|>",
        "{item} <korean look|ala Seoul|style Dongdaemun|japanese minimalist> <new|baru> <{l}|>",
        "<Jastip|JASTIP> {brand} <Jepang|Korea|Singapura> <barang baru|new> <batch {n}|>",
        "Brand new {brand} {item} <from|dari> <official store|outlet> {no}",
        "<PO|Pre-order> {item} <Korea|Jepang|import> <{n} hari|2 minggu> <baru|new>",
        "{item} <winter|musim dingin> <import|impor> <baru|new>, <tebal|hangat> <buat|untuk> <liburan|traveling> ke <Jepang|Korea>",
        "<Sepatu|Sneakers> <import|impor> {brand} <BNIB|baru dengan box|new in box>",
    ], [
        "<langsung|dikirim langsung> dari <pabrik|supplier> di {no}, <bukan|tidak ada> barang pakai, <semua|masih> <plastik|ada tag>",
        "<stok|barang> <impor|import> resmi, <ada|lengkap> invoice & bea masuk, <baru|new>",
        "<model|desain> lagi <hits|viral> di <Korea|Jepang|Seoul>, <bahan|kain> <import|impor> <tebal|adem|premium>, <baru|BARU>",
        "Imported brand new from {no}, <tags attached|with tags|sealed>, <ready stock|ready> <Jakarta|Surabaya|Bandung>",
        "<titip beli|jastip> <barang|produk> <baru|new> di <outlet|store> {no}, <struk|nota> <ada|disertakan>",
        "<Barang baru|Baru> <ya|> {kak}, <asli|impor> {no}, <jahitan|finishing> rapi khas <import|impor>",
    ], [
        "<packing|dikemas> per pcs <plastik|polybag>", "<tag|label> harga masih <nempel|ada>", "{size}", "{gdesc}",
        "<warna|ready warna>: {color}, {color}", "<harga|hrg> {ptxt}", "<grosir|reseller> <min|minimal> <3|6|12> pcs <lebih murah|harga khusus>",
        "<bukan|no> <second|bekas|thrift|preloved>, <baru|new> <100%|semua>", "<restock|datang> <tiap minggu|tiap bulan> dari {no}",
        "<garansi|jaminan> <ori|original> <uang kembali|100%>", "<cocok|enak> <buat|untuk> <kerja|kuliah|hangout|liburan>",
    ], price, pick(["Pakaian Wanita", "Pakaian Pria", "Fashion", "Sepatu Pria", "Fashion Wanita > Atasan"]),
        HASHTAGS_LEGIT + HASHTAGS_SHARED, lo=1, hi=5, fashion=True, spec={"Kondisi": "Baru", "Asal": pick(NEW_ORIGINS)})


def l_personal_hand() -> dict:
    ctx = {"item": pick(["gamis", "dress", "kemeja kerja", "jaket", "hoodie", "kebaya", "rok", "celana jeans", "blazer",
                         "sepatu", "tas", "kaos", "baju anak", "seragam sekolah", "mukena", "batik", "sweater"]),
           "mall": lambda: pick(MALLS), "lb": lambda: pick(LOCAL_BRANDS + FOREIGN_BRANDS), "l": pick(LETTERS),
           "age": lambda: pick(["1-2", "2-3", "3-5", "4-6", "6-8"]), "size": lambda: size_line("top"), "cond": used_condition}
    bundle = chance(0.25)
    price = rnd(100_000, 450_000, 10_000) if bundle else rnd(15_000, 500_000, 5000)
    return family(ctx, [
        "<Lemari penuh|Beres lemari|Decluttering|Bersih-bersih lemari>, <jual|lepas> {item} <sendiri|pribadi> <{lb}|>",
        "<Baju|baju> anak <umur|usia> {age} <th|tahun> <sekarung|1 karung|satu kantong besar>, <bekas|pakaian> anak sendiri" if bundle
        else "{item} <preloved|second|bekas> <pribadi|sendiri> <size {l}|> <{ptxt}|>",
        "<Preloved|preloved> {item} <lebaran|kondangan|wisuda> <tahun lalu|kemarin>, <beli di|dari> {mall}",
        "{item} <suami|istri|adik|kakak> <jarang dipakai|cuma sekali pakai|kekecilan>, <dijual|lepas> <murah|aja>",
        "<Klambi|klambi> <anakku|bojoku|aku> <wis ora muat|wis cilik|kekecilan>, <didol|dijual> <murah|wae>",
        "<Acuk|Baju> <budak|murangkalih> abdi <tos|parantos> <alit|leutik>, <dijual|diical> <murah|mirah>",
        "<Borongan|Paket> {n} <baju|pakaian> <pribadi|sendiri> <{ptxt}|>, <lemari|pindahan>" if bundle else "<Jual cepat|BU> {item} <{lb}|> <sekali pakai|2x pakai>",
        "<Preloved|Pre-loved> {lb} {item}, <worn once|barely used>, <bought at|beli di> {mall}",
    ], [
        "<dipakai|dipake> <sendiri|pribadi> <cuma|baru> <{n}x|sekali|beberapa kali>, <beli|belinya> di {mall} <{city}|>",
        "<baju|pakaian> <pribadi|sendiri|keluarga>, <bukan|tidak> <barang|jualan> <impor|dagangan|kulakan>, <cuma|hanya> <beres lemari|pindahan rumah>",
        "<anak|si kecil> udah <gede|tumbuh>, <baju|pakaiannya> <masih bagus|sayang nganggur>, <dipakai|dipake> anak sendiri",
        "<kekecilan|kebesaran|salah size|udah ga muat> <habis lahiran|naik BB|turun BB|>, <beli|dibeli> <baru|new> di <{mall}|official store {lb}>",
        "My own <clothes|dress|jacket>, <bought|purchased> <new|brand new> at {mall}, <worn|used> <a few times|twice|once>",
    ], [
        "{cond}", "{size}", "<COD|ketemuan> <di|area> {city}", "<harga|hrg> {ptxt} <nego|nett|>",
        "<no|tidak> <retur|tukar> ya {kak}, <barang pribadi|barang second>",
        "<sudah|udah> <dicuci|laundry> <bersih|wangi>", "<masih|ada> <tag|nota> <{lb}|>",
        "<isi|ada> {n} pcs <campur|macam-macam>: <kemeja|kaos|celana|dress>" if bundle else "<ada|minus> <noda|lecet> <kecil|dikit> di {part}",
        "<buat|untuk> <tambahan|nambah> <uang jajan|tabungan|biaya sekolah>", "<lokasi|rumah> di {city}",
    ], price, pick(["Pakaian Wanita", "Fashion Anak", "Pakaian Pria", "Fashion Muslim", "Pakaian"]),
        HASHTAGS_LEGIT, lo=1, hi=4, fashion=True, spec={"Kondisi": "Bekas pribadi"})


def l_wholesale_new_hand() -> dict:
    ctx = {"prod": pick(["kaos polos", "kemeja", "gamis", "hijab", "celana jeans", "hoodie", "kaos anak", "daster",
                         "celana training", "kaos oversize", "piyama", "jaket parasut", "legging", "kemeja flanel"]),
           "mk": lambda: pick(WHOLESALE_MARKETS), "place": lambda: pick(PLACES), "pcs": pick([50, 100, 100, 150, 200, 300]),
           "KG": pick([10, 20, 25, 50]), "color": lambda: pick(COLORS)}
    price = rnd(500_000, 6_000_000, 50_000)
    return family(ctx, [
        "<Paket usaha|Paket reseller|PAKET USAHA> {pcs} pcs {prod} <BARU|baru|new> <campur model|model random|mix warna>",
        "<Grosir|GROSIR> {prod} baru <per kodi|per lusin|per seri> <{mk}|>",
        "{prod} baru <dikirim|packing> <pakai karung|per karung|per bal plastik> <{pcs} pcs|>",
        "<Borongan|BORONGAN> {prod} <baru|new> <sisa toko|stok toko> <per kg|kiloan> <{ptxt}|>",
        "<Kulakan|kulakan> {prod} <anyar|baru> <langsung|saka> konveksi {place}",
        "<Konveksi|Pabrik> {prod} {place} - <grosir|partai> <baru|new> <min {n} lusin|>",
        "{prod} <grade A|kualitas A|premium> <baru|new> <per lusin|per kodi> <{mk}|>",
        "Wholesale brand new {prod}, <made in Indonesia|local production> <{pcs} pcs|per dozen>",
    ], [
        "<semua|isi> <baru|new> dari konveksi <sendiri|kami> di {place}, <model|warna> <random|campur> <untuk|kalau> paket",
        "<paket|isi> {pcs} pcs {prod} <baru|new>, <model|motif> <acak|random>, <dikirim|packing> <pakai|dalam> karung <biar|supaya> <hemat ongkir|aman>",
        "<kios|toko> kami di {mk}, {prod} <baru|new> <grosir|partai>, <bukan|no> <bal|thrift|second>",
        "<sisa|stok> <toko|grosir> {prod} <baru|new>, <dijual|lepas> <per kg|kiloan> <biar|karena> <pindah|tutup> toko, <masih|semua> <plastik|ada tag>",
        "<barang|produk> <anyar|baru> <saka|dari> {place}, <iso|bisa> <campur|mix> <warna|size>",
    ], [
        "<harga|hrg> {ptxt} <per paket|per kodi|>", "<min|minimal> <order|ambil> <1 kodi|3 lusin|{n} pcs>",
        "<bisa|terima> <sablon|bordir> logo", "<ukuran|size> <S-XXL|all size|M-XL>", "<warna|pilihan warna>: {color}, {color}, {color}",
        "<kirim|pengiriman> <luar pulau|seluruh Indonesia> <via|pakai> <kargo|ekspedisi>", "<cocok|pas> <buat|untuk> <reseller|pemula|jualan live>",
        "<100%|semua> baru, <bukan|no> <barang second|bekas|impor bekas>", "<bahan|kain> <cotton combed 30s|katun|rayon|fleece>",
        "<produksi|bikin> <tiap minggu|rutin>, <stok|ready> <banyak|aman>",
    ], price, pick(["Grosir", "Grosir Pakaian", "Pakaian"]), ["#grosir", "#konveksi", "#tanahabang", "#paketusaha"],
        lo=2, hi=5, fashion=True, spec={"Kondisi": "Baru", "Isi": f"{ctx['pcs']} pcs"})


def l_overstock_hand() -> dict:
    ctx = {"item": pick(HAND_GARMENTS[:17] + ["kaos polos", "celana chino", "kemeja kerja"]),
           "place": lambda: pick(["Majalaya", "Sukoharjo", "Bandung", "Bogor", "Tangerang", "Semarang", "Sragen", "Boyolali",
                                  "Karawang", "Cikarang", "Purwakarta", "Subang", "Solo", "Sukabumi", "Batam", "Cimahi"]),
           "buyer": lambda: pick(["Jepang", "Korea", "Amerika", "Eropa", "Australia", "Jerman", "Kanada"]),
           "brandx": lambda: pick(FOREIGN_BRANDS), "KG": pick([10, 20, 25, 50, 100])}
    price = rnd(20_000, 3_000_000, 5000)
    return family(ctx, [
        "{item} <reject|BS|sisa produksi> pabrik {place} <per kg|per karung|per kodi> <baru|>",
        "<Sisa ekspor|sisa export|Overrun> {item} <buyer|pesanan> {buyer} <baru|new|masih plastik>",
        "<Kain perca|Perca> <per karung|per kg|{KG}kg> <sisa konveksi|garmen> {place}",
        "<Cuci gudang|CUCI GUDANG> garmen {place}: {item} <ekspor {buyer}|{brandx}> <mulai {ptxt}|>",
        "{item} <kualitas ekspor|export quality> <{buyer}|> <sortiran pabrik|grade B pabrik> <baru|>",
        "{item} <{brandx}|> <ex pabrik|langsung pabrik> {place}, <label dipotong|tanpa label>",
        "Factory overstock {item}, <made in|produced in> {place} <for|untuk> {buyer} market, <new|brand new>",
    ], [
        "<dijahit|diproduksi> di {place} <untuk|buat> <buyer|pasar> {buyer}, <ini|stok> <kelebihan|sisa> <produksi|order>, <baru|new> <belum pernah dipakai|masih plastik>",
        "<reject|BS> <karena|krn> <salah warna|jahitan miring dikit|noda kapur|ukuran tidak standar>, <baru|new> <semua|>, <per kg|per karung> <bisa|boleh>",
        "<grade|kualitas> <A|B> <dari|hasil> sortir <QC|pabrik> {place}, <baru|new> <dari|langsung> <line produksi|gudang pabrik>",
        "<sisa|stok> <ekspor|export> ke {buyer}, <dijual|lepas> <lokal|di sini> <murah|harga miring>, <barang|kondisi> baru",
    ], [
        "<harga|hrg> {ptxt} <per kg|per karung|per kodi|per pcs>", "<isi|per karung isi> <±|> {n}0 pcs <campur model|>",
        "<ukuran|size> <US|EU|Asia> <campur|S-XL>", "<label|tag> <dipotong|digunting> <sesuai|karena> <aturan|permintaan> buyer",
        "<bukan|no> <bekas|second|bal impor|thrift>, <produksi|buatan> <lokal|Indonesia>", "<stok|barang> <ribuan pcs|terbatas>",
        "<minus|cacat> <kecil|tipis> <di|pada> {part}", "<baru|BARU>, <bau pabrik|belum dicuci>",
        "<campur|random> <model|warna> <kalau|untuk> borongan",
    ], price, pick(["Grosir", "Pakaian", "Bahan Baku > Tekstil"]), ["#sisaekspor", "#reject", "#overstock", "#produklokal"],
        lo=1, hi=5, fashion=True, spec={"Kondisi": "Baru (reject/overrun)"})


def l_used_noncloth_hand() -> dict:
    ctx = {"thing": pick(["laptop ThinkPad", "MacBook Pro", "kamera Canon", "lensa Sony", "rice cooker Zojirushi",
                          "sepeda lipat", "stroller Combi", "mesin jahit Janome", "gitar Yamaha", "velg Rays", "HP Pixel",
                          "iPhone", "PS4", "monitor Dell", "kulkas Sharp", "AC Daikin", "mesin cuci", "lemari kayu",
                          "meja kantor", "printer Canon", "speaker Bose", "mixer KitchenAid", "jam tangan Seiko",
                          "sepeda motor Honda", "ban mobil", "piano Yamaha", "baby car seat", "scanner", "server Dell"]),
           "origin": lambda: pick(["Jepang", "Japan", "Singapura", "Korea", "Amerika", "Eropa", "Taiwan", "Malaysia"]),
           "bh": lambda: R.randrange(75, 100)}
    price = rnd(150_000, 15_000_000, 50_000)
    return family(ctx, [
        "{thing} <ex|eks|second ex|bekas> {origin} <mulus|grade A|normal> <{ptxt}|>",
        "{thing} <second|bekas|2nd> <import|impor> {origin} <kondisi {pct}%|like new>",
        "<Jual|BU|Lepas> {thing} <bekas pakai|second> <dari|bawaan> {origin} <{city}|>",
        "<Grosir|Partai> {thing} <second|bekas> <ex|eks> {origin} <per dus|per koli|per unit>",
        "{thing} <used|pre-owned> <from|ex> {origin}, <good condition|fully working>",
        "<Preloved|preloved> {thing} <beli di|dibawa dari> {origin} <waktu kerja|pas kuliah|>",
    ], [
        "{thing} <ex|eks> {origin}, <kondisi|kond> {pct}%, <normal semua|fungsi normal|no minus>, <garansi toko|tes dulu boleh>",
        "<barang|unit> <bekas|second> <impor|import> {origin} <dari|via> <lelang kantor|pelelangan|supplier> <{city}|>, <sudah dicek|sudah diservis>",
        "<dibawa|dibeli> <sendiri|waktu tugas> di {origin}, <dipakai|kepake> <{n} tahun|sebentar>, <sekarang|mau> <pulang kampung|upgrade>",
        "<stok|ready> <{n}0 unit|banyak> <second|bekas> {origin} <grade A|grade B|mulus>, <cocok|bisa> <buat|untuk> <kantor|warnet|sekolah>",
    ], [
        "<harga|hrg> {ptxt} <nego|nett|>", "<COD|cek langsung> <di|area> {city}", "<fullset|unit only|ada box>",
        "<battery|baterai> <{bh}%|awet>", "<listrik|voltase> <110V|220V> <pakai trafo|aman>", "<garansi|jaminan> <1 minggu|7 hari|1 bulan>",
        "<minus|lecet> <pemakaian|halus> <wajar|sedikit>", "<kirim|pengiriman> <kargo|ekspedisi|instant>",
    ], price, pick(["Elektronik", "Komputer & Laptop", "Rumah Tangga", "Hobi", "Otomotif", "Kamera", "Ibu & Bayi"]),
        ["#second", "#bekas", "#exjepang", "#mulus"], lo=1, hi=4, fashion=False, spec={"Kondisi": "Bekas"})


def t_hand_innocent() -> dict:
    kind = pick(["goni", "goni", "laundry", "laundry", "grade", "grade", "ball"])
    ctx = {"use": lambda: pick(["kopi", "kakao", "dekorasi cafe", "kerajinan", "tanaman", "lomba 17an", "sandbag"]),
           "fruit": lambda: pick(["mangga harum manis", "alpukat mentega", "telur ayam kampung", "jeruk pontianak",
                                  "kopi gayo", "beras pandan wangi", "kelengkeng", "durian", "apel malang", "semangka"]),
           "grade": lambda: pick(["A", "A", "super", "premium", "AA"])}
    price = rnd(5_000, 600_000, 500)
    if kind == "goni":
        return family(ctx, [
            "<Karung goni|karung goni|KARUNG GONI> <baru|bekas kopi|bekas lokal> <60x100|90x120|per lembar|per 10 lembar>",
            "<Karung|karung> <lomba|balap karung> 17an <anak|dewasa> <murah|>",
            "<Goni|goni> <jute|rami> <untuk|buat> {use} <per meter|per lembar>",
            "<karung|sak> <bekas|sisa> <beras|tepung|pupuk> <50kg|25kg> <per 100 lembar|per ikat>",
        ], [
            "<karung|goni> <bekas|sisa> <gudang|pabrik> <kopi|beras|gula> <lokal|{city}>, <cocok|bisa> <buat|untuk> {use}",
            "<karung goni|goni> <baru|anyar> <tebal|rapat>, <cocok|pas> <untuk|buat> {use}",
        ], ["<harga|hrg> {ptxt} <per lembar|per ikat>", "<ukuran|size> <60x100|90x120> cm", "<bisa|terima> <partai|grosir>",
            "<kirim|pengiriman> <seluruh Indonesia|dari {city}>"],
            price, pick(["Kemasan", "Pertanian", "Perlengkapan Rumah"]), ["#karunggoni", "#kemasan"], lo=1, hi=3)
    if kind == "laundry":
        return family(ctx, [
            "<Laundry|LAUNDRY|Londri> kiloan <{ptxt}/kg|murah|express> <{city}|>",
            "<Cuci|cuci> kiloan <antar jemput|pick up> <{city}|>", "Laundry kiloan <khusus|spesial> <baju bayi|seragam|bedcover>",
        ], ["<laundry|cuci> kiloan <{ptxt}|7rb|8rb> per kg, <cuci|setrika|lipat> <rapi|wangi>",
            "<terima|melayani> <cuci|laundry> kiloan <dan|&> satuan, <antar jemput|pick up> <gratis|free>"],
            ["<selesai|jadi> <2 hari|24 jam|6 jam express>", "<min|minimal> <3|5> kg", "<wangi|parfum> <pilih sendiri|tahan lama>"],
            price, "Jasa", ["#laundry", "#laundrykiloan"], lo=1, hi=3)
    if kind == "grade":
        return family(ctx, [
            "{fruit} <grade|GRADE> {grade} <per kg|per peti|per karung|5 kg>", "<Grade A|GRADE A> {fruit} <panen baru|segar>",
            "{fruit} <sortiran|sortir> grade {grade} <{city}|>",
        ], ["{fruit} <grade|kualitas> {grade}, <disortir|sortir> <manual|satu-satu>, <panen|petik> <baru|langsung kebun>"],
            ["<harga|hrg> {ptxt} <per kg|per peti>", "<kirim|pengiriman> <instant|sameday|kargo>", "<grade B|grade C> <ada|lebih murah>"],
            price, "Makanan & Minuman", ["#buah", "#gradea"], lo=1, hi=3)
    return family(ctx, [
        "<Bola|bola> <plastik|karet> <per bal|sebal> isi <50|100> <mainan anak|>", "<ball|Ball> <futsal|voli> <grosir|per lusin> <baru|>",
    ], ["<bola|ball> <baru|new> <per bal|1 bal> isi <50|100|12> pcs, <warna|motif> <campur|random>"],
        ["<harga|hrg> {ptxt}", "<cocok|buat> <mandi bola|sekolah|SSB>"], price, "Mainan Anak", ["#bola"], lo=1, hi=2)


def l_news_hand() -> dict:
    ctx = {"ag": lambda: pick(NEWS_AGENCIES), "sp": lambda: pick(SEIZE_PLACES), "n3": lambda: R.randrange(40, 20000),
           "origin": lambda: pick(["Korea Selatan", "Jepang", "Malaysia", "China", "Singapura"]),
           "year": R.randrange(2023, 2027)}
    return family(ctx, [
        "<{ag}|Petugas> <temukan|bongkar> <gudang|kapal> <berisi|muat> {n3} <koli|karung|bal> <pakaian|baju> bekas asal {origin}",
        "<Pedagang|Penjual> <thrift|pakaian bekas> <{sp}|Gedebage|Pasar Senen> <beralih|pindah> <ke|jual> produk lokal",
        "Indonesia <tightens|enforces> ban on imported used clothing, {n3} bales seized in {sp}",
        "<Mengapa|Kenapa> <baju|pakaian> bekas impor <dilarang|berbahaya>? <Ini|Berikut> <penjelasan|kata> {ag}",
        "<Thread|Utas>: <ciri|tanda> <listing|jualan> <karungan|bal-balan|kiloan ex Korea> yang <melanggar|dilarang>",
    ], [
        "<{sp}|JAKARTA> - {ag} <mengamankan|menyita> {n3} <koli|karung|bal> <pakaian|baju> bekas <asal|dari> {origin} <yang|> <diselundupkan|masuk> <lewat|melalui> <jalur tikus|pelabuhan kecil>.",
        "<Larangan|Aturan> <impor|mengimpor> pakaian bekas <berlaku|tetap berlaku> <sejak|dari> Permendag <51/2015|18/2021|47/2025>; <pedagang|penjual> <diminta|diimbau> <tidak|berhenti> <menjual|mengiklankan> <barang|pakaian> <tersebut|itu> <secara online|di marketplace>.",
        "Authorities in {sp} seized {n3} bales of <used clothing|second-hand garments> from {origin}, <officials said|according to {ag}>.",
    ], [
        "<Barang bukti|Sitaan> <akan|rencananya> <dimusnahkan|dibakar>.", "<Reporter|Editor>: <Redaksi|Tim Liputan>",
        "<Pelaku|Pemilik> <terancam|dijerat> <pidana|UU Perdagangan> <pasal 111|5 tahun>.",
        "<Menurut|Kata> <pedagang|warga>, <stok|pasokan> <makin|semakin> <sulit|langka>.",
    ], 0, pick(["Berita", "Artikel", "News"]), ["#berita", "#news"],
        platforms={"facebook": 3, "instagram": 3, "other": 6, "tiktokshop": 0, "shopee": 0, "tokopedia": 0,
                   "lazada": 0, "bukalapak": 0, "blibli": 0}, commerce=False, lo=1, hi=3)


# --------------------------------------------------------------------------------------
# Obfuscation: spelling tricks sellers use, applied to words.
# --------------------------------------------------------------------------------------
CYRILLIC = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у", "i": "і", "s": "ѕ", "j": "ј",
            "h": "һ", "l": "ӏ", "A": "А", "B": "В", "E": "Е", "H": "Н", "K": "К", "M": "М", "O": "О", "P": "Р",
            "C": "С", "T": "Т", "X": "Х", "I": "І"}
GREEK = {"o": "ο", "v": "ν", "A": "Α", "B": "Β", "E": "Ε", "H": "Η", "I": "Ι", "K": "Κ", "M": "Μ", "N": "Ν",
         "O": "Ο", "P": "Ρ", "T": "Τ", "X": "Χ", "Y": "Υ", "Z": "Ζ", "C": "Ϲ"}
LEET = {"a": "4@", "e": "3", "i": "1!", "o": "0", "s": "5$", "t": "7", "l": "1", "g": "9"}
SMALLCAPS = dict(zip("abcdefghijklmnoprstuwyz", "ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘʀꜱᴛᴜᴡʏᴢ"))
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]


def _shift(word: str, upper_base: int, lower_base: int) -> str:
    out = []
    for ch in word:
        if "A" <= ch <= "Z":
            out.append(chr(upper_base + ord(ch) - 65))
        elif "a" <= ch <= "z":
            out.append(chr(lower_base + ord(ch) - 97))
        else:
            out.append(ch)
    return "".join(out)


def _some(word: str, table: dict, share: float = 0.5) -> str:
    idx = [i for i, ch in enumerate(word) if ch in table]
    if not idx:
        return word
    chosen = set(R.sample(idx, max(1, round(len(idx) * share))))
    return "".join((R.choice(table[ch]) if isinstance(table[ch], str) and len(table[ch]) > 1 and table is LEET
                    else table[ch]) if i in chosen else ch for i, ch in enumerate(word))


def _stretch(word: str) -> str:
    vowels = [i for i, ch in enumerate(word) if ch.lower() in "aiueo"]
    i = pick(vowels) if vowels else len(word) - 1
    return word[:i] + word[i] * R.randint(3, 6) + word[i + 1:]


def _censor(word: str) -> str:
    if len(word) < 3:
        return word + "*"
    i = R.randrange(1, len(word) - 1)
    return word[:i] + pick(["*", "x", "#", "_", "•"]) + word[i + 1:]


def _altcase(word: str) -> str:
    return "".join(ch.upper() if i % 2 else ch.lower() for i, ch in enumerate(word))


def _typo(word: str) -> str:
    if len(word) < 4:
        return word + word[-1]
    i = R.randrange(1, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2:]


def _abbrev(word: str) -> str:
    skeleton = word[0] + "".join(ch for ch in word[1:] if ch.lower() not in "aiueo")
    return skeleton if len(skeleton) >= 2 else word


MISSPELLINGS = {
    "bal": ["bhal", "baal", "ball", "bale", "bAl"], "ball": ["baal", "bal", "balll", "bhall"],
    "bekas": ["bks", "bekaz", "bkas", "bexas", "bkz"], "thrift": ["trift", "thrif", "threft", "trhift", "thirft", "thrifth"],
    "impor": ["inpor", "imprt", "imporr", "empor", "imp"], "import": ["inport", "imprt", "impot", "imporrt"],
    "second": ["sekon", "scnd", "sekond", "secon", "sec"], "karungan": ["krgn", "karungann", "karungn", "krungan"],
    "karung": ["krg", "karuung", "krung"], "preloved": ["prelop", "prelove", "plv", "prelovd", "pre lov"],
    "korea": ["korrea", "krea", "koriya", "kor"], "jepang": ["jpg", "jepun", "jpng", "jepank"], "japan": ["jepen", "japn"],
    "cakar": ["cakarr", "ckr", "cakaar"], "monza": ["monja", "mnz", "monzaa"], "balpres": ["balpress", "ballpres", "blprs"],
    "segel": ["sgl", "seggel", "segl"], "kiloan": ["kilon", "kiloann", "kiloaan"], "awul": ["awl", "awull"],
    "cimol": ["cimool", "cml"], "seken": ["sekn", "sekeen"], "kepala": ["kpl", "kepla"], "luar": ["luwar", "lwr"],
}
EMOJI_LETTERS = {"a": "🅰️", "b": "🅱️", "o": "🅾️", "p": "🅿️", "m": "Ⓜ️", "i": "ℹ️"}


def _misspell(word: str) -> str:
    options = MISSPELLINGS.get(word.lower())
    if not options:
        return _typo(word)
    out = pick(options)
    return out.upper() if word.isupper() else out


def _emoji_letter(word: str) -> str:
    idx = [i for i, ch in enumerate(word) if ch.lower() in EMOJI_LETTERS]
    if not idx:
        return _stretch(word)
    i = pick(idx)
    return word[:i] + EMOJI_LETTERS[word[i].lower()] + word[i + 1:]


OBFUSCATORS = {
    "leet": lambda w: _some(w, LEET, 0.6),
    "dots": lambda w: ".".join(w),
    "spaces": lambda w: " ".join(w),
    "dashes": lambda w: pick(["-", "_", "/", "·", "|"]).join(w),
    "cyrillic": lambda w: _some(w, CYRILLIC, 0.5),
    "greek": lambda w: _some(w, GREEK, 0.6) if any(c in GREEK for c in w) else _some(w, CYRILLIC, 0.5),
    "zerowidth": lambda w: "".join(ch + (pick(ZERO_WIDTH) if i < len(w) - 1 and chance(0.6) else "") for i, ch in enumerate(w)),
    "stretch": _stretch,
    "fullwidth": lambda w: "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in w),
    "mathbold": lambda w: _shift(w, 0x1D400, 0x1D41A),
    "mathsans": lambda w: _shift(w, 0x1D5D4, 0x1D5EE),
    "circled": lambda w: _shift(w, 0x24B6, 0x24D0),
    "smallcaps": lambda w: "".join(SMALLCAPS.get(c.lower(), c) for c in w),
    "censor": _censor,
    "altcase": _altcase,
    "typo": _typo,
    "abbrev": _abbrev,
    "double": lambda w: w[:-1] + w[-1] * R.randint(2, 3),
    "brackets": lambda w: "".join(f"({c})" for c in w),
    "misspell": _misspell,
    "emoji": _emoji_letter,
}
OBF_WEIGHTS = {"leet": 14, "dots": 9, "spaces": 8, "dashes": 5, "cyrillic": 10, "greek": 4, "zerowidth": 8,
               "stretch": 7, "fullwidth": 3, "mathbold": 4, "mathsans": 4, "circled": 2, "smallcaps": 3, "censor": 6,
               "altcase": 4, "typo": 4, "abbrev": 3, "double": 4, "brackets": 1, "misspell": 10, "emoji": 2}


def obfuscator():
    names = list(OBF_WEIGHTS)
    return OBFUSCATORS[R.choices(names, [OBF_WEIGHTS[n] for n in names])[0]]


KEY_TERMS = re.compile(
    r"\b(bal|ball|bale|balan|balpres|ballpress|bekas|impor|import|thrift|second|karungan|karung|cakar|monza|awul|"
    r"cimol|preloved|pre-loved|korea|jepang|japan|segel|kiloan|seken|kepala|luar)\b", re.I)
LEGIT_TRIGGERS = re.compile(
    r"\b(bola|ball|bal|karung|goni|import|impor|preloved|pre-loved|second|bekas|grade|kiloan|thrift|korea|jepang|"
    r"korean|cakar|monza|cimol|sisa|ekspor|reject|grosir|baru|new|promo|sale|ready|original|ori|murah|segel|kepala)\b",
    re.I)
ANY_WORD = re.compile(r"\b[A-Za-z]{4,}\b")


def obfuscate_matches(text: str, pattern: re.Pattern, share: float, method=None, at_least_one=False) -> tuple[str, int]:
    """Obfuscates a share of the pattern's matches in text; returns the text and how many changed."""
    matches = list(pattern.finditer(text))
    if not matches:
        return text, 0
    chosen = [m for m in matches if chance(share)]
    if at_least_one and not chosen:
        chosen = [pick(matches)]
    out, last = [], 0
    for m in chosen:
        fn = method or obfuscator()
        out.append(text[last:m.start()])
        out.append(fn(m.group(0)))
        last = m.end()
    out.append(text[last:])
    return "".join(out), len(chosen)


def force_obfuscation(title: str, desc: str) -> tuple[str, str, bool]:
    """For the obfuscation tactic: hide the tell-tale words, in the title whenever it has one."""
    method = obfuscator() if chance(0.7) else None  # one style per seller, sometimes a mix
    t2, nt = obfuscate_matches(title, KEY_TERMS, 0.75, method, at_least_one=True)
    d2, nd = obfuscate_matches(desc, KEY_TERMS, 0.6, method, at_least_one=nt == 0)
    return t2, d2, nt + nd > 0


def augment(title: str, desc: str, label: str) -> tuple[str, str]:
    """Light obfuscation noise on a few words, for either label."""
    pattern = KEY_TERMS if label == "violation" else LEGIT_TRIGGERS
    if chance(0.3):
        pattern = ANY_WORD
    where = R.random()
    if where < 0.4:
        title, _ = obfuscate_matches(title, pattern, 0.4, at_least_one=True)
    elif where < 0.75:
        desc, _ = obfuscate_matches(desc, pattern, 0.25, at_least_one=True)
    else:
        title, _ = obfuscate_matches(title, pattern, 0.3)
        desc, _ = obfuscate_matches(desc, pattern, 0.2)
    return title, desc


# --------------------------------------------------------------------------------------
# Rendering: one renderer for every tactic, so layout carries no label.
# --------------------------------------------------------------------------------------
CASUAL = {
    "yang": ["yg"], "dengan": ["dgn", "dg"], "untuk": ["utk", "buat"], "sudah": ["udh", "sdh", "udah"],
    "tidak": ["gak", "ga", "tdk", "nggak", "gk", "g"], "banget": ["bgt", "bngt"], "bisa": ["bs", "bsa"],
    "saja": ["aja", "aj"], "karena": ["krn", "karna"], "belum": ["blm"], "harga": ["hrg", "hrga"],
    "langsung": ["lgsg", "lsg", "lgsung"], "dulu": ["dl"], "juga": ["jg"], "lagi": ["lg"], "sama": ["sm"],
    "kalau": ["klo", "kalo", "kl"], "barang": ["brg", "brng"], "ukuran": ["ukrn", "uk"], "kondisi": ["kond", "kndsi"],
    "minimal": ["min", "minim"], "dan": ["&", "n", "dn"], "atau": ["/", "ato", "atw"], "pakai": ["pake", "pk"],
    "terima kasih": ["trimakasih", "makasih", "tks", "trims"], "pengiriman": ["pngiriman", "kirim"],
    "silakan": ["silahkan", "monggo"], "sekarang": ["skrg", "skrng"], "gratis": ["free", "grtis"],
}
TITLE_TAGS = ["[READY]", "【PROMO】", "(COD)", "✨NEW✨", "⚡FLASH SALE⚡", "🔥HOT🔥", "PROMO!!", "[BISA COD]", "ORI",
              "[STOK TERBATAS]", "(BEST SELLER)", "✅READY", "⭐", "💯", "[FREE ONGKIR]", "(MURAH)", "NEW!", "[PO]",
              "READY STOCK", "[{city}]", "SALE", "TERMURAH", "💥", "‼️"]
BULLETS = ["• ", "- ", "✅ ", "▪️ ", "✔️ ", "👉 ", "⭐ ", "🔸 ", "* ", "> ", "🌸 ", "➡️ ", "💥 ", "▫️ ", "~ "]
QA_STYLES = [("Q: ", "A: "), ("T: ", "J: "), ("❓", "👉 "), ("Tanya: ", "Jawab: "), ("Q : ", "A : "), ("- ", "→ "),
             ("Tny: ", "Jwb: ")]
DEFAULT_PLATFORMS = {"shopee": 3, "tokopedia": 2.5, "tiktokshop": 2, "lazada": 1.2, "bukalapak": 1.2, "blibli": 0.8,
                     "facebook": 2, "instagram": 1.5, "other": 0.6}


def casual(text: str, level: float) -> str:
    if level <= 0:
        return text
    for word, subs in CASUAL.items():
        text = re.sub(rf"\b{word}\b", lambda m: pick(subs) if chance(level) else m.group(0), text)
    return text


def typos(text: str, rate: float) -> str:
    """Fat-finger noise: drops, doubles or swaps a letter in some longer words."""
    def one(m: re.Match) -> str:
        w = m.group(0)
        if not chance(rate):
            return w
        i = R.randrange(1, len(w) - 1)
        kind = R.random()
        if kind < 0.4:
            return w[:i] + w[i + 1:]
        if kind < 0.7:
            return w[:i] + w[i] + w[i:]
        return w[:i - 1] + w[i] + w[i - 1] + w[i + 1:]
    return re.sub(r"\b[A-Za-z]{5,}\b", one, text)


def style_title(title: str, commerce: bool) -> str:
    r = R.random()
    if r < 0.17:
        title = title.upper()
    elif r < 0.29:
        title = title.lower()
    elif r < 0.40:
        title = " ".join(w[:1].upper() + w[1:] for w in title.split(" "))
    if commerce and chance(0.18):
        tag = expand(pick(TITLE_TAGS))
        title = f"{tag} {title}" if chance(0.7) else f"{title} {tag}"
    if chance(0.2):
        title = f"{title} {pick(EMO)}{pick(EMO) if chance(0.3) else ''}"
    if chance(0.05):
        title = title + pick(["!!", "!!!", "‼️", " ??", "..."])
    return tidy(title)


def sprinkle(line: str, fashion: bool) -> str:
    if chance(0.12):
        line = f"{line} {pick(EMO)}"
    if fashion and chance(0.04):
        line = f"{pick(EMO_CLOTH)} {line}"
    return line


def render(d: dict) -> tuple[str, str]:
    commerce = d["commerce"]
    title = style_title(d["title"], commerce)
    if d["title_only_ok"] and chance(0.07):
        return title, ""
    keep = d["facts"][: d["keep"]]
    rest = d["facts"][d["keep"]:]
    R.shuffle(rest)
    facts = keep + rest[: R.randint(min(1, len(rest)), len(rest))] if rest else keep
    if chance(0.3):
        R.shuffle(facts)
    facts = [f for f in facts if f]
    layout = R.choices(["lines", "bullets", "paragraph", "spec", "qa", "oneliner", "pipe", "blank"],
                       [30, 18, 18, 7, 8, 9, 4, 6])[0]
    parts: list[str] = []
    if commerce and chance(0.3):
        parts.append(expand(pick(OPENERS)))
    if layout == "oneliner":
        facts = facts[: R.randint(1, 2)]
        body = [pick([" ", ". ", ", ", " - "]).join(facts)]
    elif layout == "bullets":
        bullet = pick(BULLETS)
        numbered = chance(0.25)
        body = [(f"{i + 1}. " if numbered else bullet) + f for i, f in enumerate(facts)]
    elif layout == "paragraph":
        sep = pick([". ", ", ", ". ", " "])
        body = [sep.join(f.replace("\n", " ") for f in facts)]
    elif layout == "pipe":
        body = [pick([" | ", " ~ ", " // ", " • "]).join(f.replace("\n", " ") for f in facts)]
    elif layout == "spec" and d["spec"]:
        colon = pick([": ", " : ", " = ", " - "])
        prefix = pick(["", "▪️", "• ", "- ", "✔ "])
        body = [f"{prefix}{k}{colon}{v}" for k, v in d["spec"].items() if v and chance(0.85)] + facts[: R.randint(1, 3)]
    else:
        body = [sprinkle(f, d["fashion"]) for f in facts]
    parts.append(("\n\n" if layout == "blank" else "\n").join(body))
    if d["qa"] and (layout == "qa" or chance(0.08)):
        q_prefix, a_prefix = pick(QA_STYLES)
        parts.append("\n".join(f"{q_prefix}{q}\n{a_prefix}{a}" for q, a in d["qa"]))
    if d["price"] and chance(0.2):
        parts.append(expand(pick(["Harga: {p}", "HARGA {p}", "💰 {p}", "hrg {p}", "Price: {p}", "harga cuma {p}"]),
                            {"p": price_text(d["price"])}))
    if chance(0.15):
        parts.append(expand(pick(REGIONAL)))
    if commerce:
        if chance(0.45):
            parts.append(expand(pick(CTAS)))
        if chance(0.18):
            rules = R.sample(STORE_RULES, R.randint(1, 4))
            head = pick(["", "NOTE:", "PERHATIAN:", "⚠️ Baca dulu:", "S&K:", "INFO:"])
            parts.append("\n".join(([head] if head else []) + [expand(r) for r in rules]))
    if chance(0.25):
        parts.append(expand(pick(SIGNOFFS)))
    if chance(0.18):
        parts.append(hashtags(d["tags"], d["fashion"]))
    joiner = pick(["\n", "\n\n", "\n", " "]) if layout not in ("lines", "bullets", "spec") else pick(["\n", "\n\n"])
    desc = joiner.join(p for p in parts if p)
    sloppiness = R.choice([0, 0, 0.15, 0.3, 0.5, 0.8])
    desc = casual(desc, sloppiness)
    if chance(0.15):
        desc = typos(desc, 0.06)
    if chance(0.05):
        title = typos(title, 0.15)
    if chance(0.06):
        desc = desc.upper()
    elif chance(0.06):
        desc = desc.lower()
    return title, tidy(desc)


# --------------------------------------------------------------------------------------
# Assembly
# --------------------------------------------------------------------------------------
def either(block_built, hand_written, hand_share: float):
    """A generator that writes from the hand-written family `hand_share` of the time."""
    return lambda: (hand_written if chance(hand_share) else block_built)()


GENERATORS = {
    ("violation", "plain"): v_plain,
    ("violation", "bale_wholesale"): v_bale,
    ("violation", "code_word"): v_code,
    ("violation", "obfuscation"): lambda: pick([v_plain, v_bale, v_bale, v_code, v_code, v_single, v_euphemism,
                                                v_euphemism_hand])(),
    ("violation", "euphemism"): either(v_euphemism, v_euphemism_hand, 0.55),
    ("violation", "context_only"): either(v_context, v_context_hand, 0.55),
    ("violation", "single_retail"): v_single,
    ("legitimate", "new_local_umkm"): l_umkm,
    ("legitimate", "new_import_style"): either(l_import_style, l_import_style_hand, 0.4),
    ("legitimate", "personal_preloved"): either(l_personal, l_personal_hand, 0.4),
    ("legitimate", "used_non_clothing"): either(l_used_noncloth, l_used_noncloth_hand, 0.35),
    ("legitimate", "innocent_trigger"): either(l_innocent, t_hand_innocent, 0.3),
    ("legitimate", "wholesale_new"): either(l_wholesale_new, l_wholesale_new_hand, 0.4),
    ("legitimate", "local_overstock"): either(l_overstock, l_overstock_hand, 0.4),
    ("legitimate", "services_news"): either(l_services_news, l_news_hand, 0.25),
}
PLACEHOLDER_PRICES = [1, 100, 1000, 9999, 99_999, 999_999, 10_000_000]


def make_listing(label: str, tactic: str) -> dict | None:
    d = GENERATORS[(label, tactic)]()
    title, desc = render(d)
    if tactic == "obfuscation":
        title, desc, changed = force_obfuscation(title, desc)
        if not changed:
            return None
    elif chance(AUGMENT_VIOLATION if label == "violation" else AUGMENT_LEGITIMATE):
        title, desc = augment(title, desc, label)
    if tactic == "context_only" and CONTEXT_BANNED.search(unicodedata.normalize("NFKC", f"{title}\n{desc}")):
        return None
    weights = d["platforms"] or DEFAULT_PLATFORMS
    platform = R.choices(list(weights), list(weights.values()))[0]
    price = d["price"]
    if price and d["commerce"] and chance(0.02):
        price = pick(PLACEHOLDER_PRICES)
    record = {"id": "", "platform": platform, "title": title, "description": desc}
    if price:
        record["price"] = int(price)
    record.update({"category": d["category"], "label": label, "tactic": tactic})
    return record


def generate() -> list[dict]:
    seen: set[tuple[str, str]] = set()
    rows: list[dict] = []
    for (label, tactic), count in PLAN.items():
        made = 0
        attempts = 0
        while made < count:
            attempts += 1
            if attempts > count * 20:
                raise RuntimeError(f"cannot make enough distinct {label}/{tactic} listings")
            rec = make_listing(label, tactic)
            if rec is None:
                continue
            key = (rec["title"].lower(), rec["description"].lower())
            if key in seen:
                continue
            seen.add(key)
            rows.append(rec)
            made += 1
    R.shuffle(rows)
    for i, rec in enumerate(rows, 1):
        rec["id"] = f"tr-{i:05d}"
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=str(pathlib.Path(__file__).resolve().parent / "train.jsonl"))
    parser.add_argument("--stats", action="store_true", help="print counts per label and tactic")
    args = parser.parse_args()
    rows = generate()
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        for rec in rows:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    if args.stats:
        by_label = collections.Counter(r["label"] for r in rows)
        by_tactic = collections.Counter((r["label"], r["tactic"]) for r in rows)
        print(f"{len(rows)} listings -> {args.out}")
        for label, n in sorted(by_label.items()):
            print(f"  {label:<11} {n:5d} ({n / len(rows):.1%})")
        for (label, tactic), n in sorted(by_tactic.items()):
            print(f"    {label:<11} {tactic:<18} {n:5d}")


if __name__ == "__main__":
    main()
