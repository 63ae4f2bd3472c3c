"""Shared vocabulary of the test corpus: garments, brands, places, shop boilerplate."""

from __future__ import annotations

from textkit import Kit

# (names, kind, category). kind decides sizes and measurements.
ITEMS = [
    (["jaket parka", "parka"], "outer", "Fashion Pria > Jaket & Outerwear"),
    (["jaket denim", "jaket jeans"], "outer", "Fashion Pria > Jaket & Outerwear"),
    (["jaket bomber"], "outer", "Fashion Pria > Jaket & Outerwear"),
    (["windbreaker", "jaket parasut"], "outer", "Fashion Pria > Jaket & Outerwear"),
    (["jaket kulit"], "outer", "Fashion Pria > Jaket & Outerwear"),
    (["jaket gunung", "jaket outdoor"], "outer", "Olahraga & Outdoor > Pakaian Outdoor"),
    (["coat panjang", "long coat", "trench coat"], "outer", "Fashion Wanita > Outerwear"),
    (["blazer"], "outer", "Fashion Wanita > Outerwear"),
    (["hoodie", "hoodie zipper"], "top", "Fashion Pria > Hoodie & Sweater"),
    (["sweater rajut", "sweater"], "top", "Fashion Wanita > Sweater & Cardigan"),
    (["cardigan", "cardigan rajut"], "top", "Fashion Wanita > Sweater & Cardigan"),
    (["crewneck", "sweatshirt"], "top", "Fashion Pria > Hoodie & Sweater"),
    (["kemeja flanel", "flanel"], "top", "Fashion Pria > Kemeja"),
    (["kemeja kerja", "kemeja formal"], "top", "Fashion Pria > Kemeja"),
    (["kemeja linen"], "top", "Fashion Pria > Kemeja"),
    (["kaos oblong", "t-shirt", "kaos"], "top", "Fashion Pria > Kaos"),
    (["kaos band", "kaos konser"], "top", "Fashion Pria > Kaos"),
    (["polo shirt", "kaos polo"], "top", "Fashion Pria > Kaos Polo"),
    (["jersey bola", "jersey"], "top", "Olahraga & Outdoor > Jersey"),
    (["blouse", "atasan wanita"], "top", "Fashion Wanita > Atasan"),
    (["rompi", "vest"], "outer", "Fashion Pria > Jaket & Outerwear"),
    (["celana jeans", "jeans"], "bottom", "Fashion Pria > Celana Panjang"),
    (["celana chino", "chino"], "bottom", "Fashion Pria > Celana Panjang"),
    (["celana cargo", "cargo pants"], "bottom", "Fashion Pria > Celana Panjang"),
    (["celana kulot", "kulot"], "bottom", "Fashion Wanita > Celana"),
    (["rok plisket", "rok"], "bottom", "Fashion Wanita > Rok"),
    (["celana training", "trackpants"], "bottom", "Olahraga & Outdoor > Celana Olahraga"),
    (["dress", "midi dress"], "dress", "Fashion Wanita > Dress"),
    (["terusan", "gamis"], "dress", "Fashion Muslim > Gamis"),
    (["sepatu sneakers", "sneakers"], "shoe", "Sepatu Pria > Sneakers"),
    (["sepatu boots", "boots"], "shoe", "Sepatu Pria > Boots"),
    (["sepatu kulit", "pantofel"], "shoe", "Sepatu Pria > Sepatu Formal"),
    (["sepatu lari", "running shoes"], "shoe", "Olahraga & Outdoor > Sepatu Olahraga"),
    (["sandal gunung"], "shoe", "Sepatu Pria > Sandal"),
    (["tas ransel", "backpack"], "bag", "Tas Pria > Ransel"),
    (["tas selempang", "sling bag"], "bag", "Tas Pria > Tas Selempang"),
    (["tote bag"], "bag", "Tas Wanita > Tote Bag"),
    (["tas kulit", "handbag"], "bag", "Tas Wanita > Hand Bag"),
    (["topi baseball", "topi"], "hat", "Aksesoris Fashion > Topi"),
    (["bucket hat", "topi bucket"], "hat", "Aksesoris Fashion > Topi"),
    (["kupluk", "beanie"], "hat", "Aksesoris Fashion > Topi"),
]

FOREIGN_APPAREL_BRANDS = [
    "Uniqlo", "GU", "Zara", "H&M", "Muji", "The North Face", "Patagonia", "Columbia",
    "Montbell", "Levi's", "Carhartt", "Champion", "Ralph Lauren", "Tommy Hilfiger",
    "Lacoste", "Nike", "Adidas", "Dickies", "Wrangler", "Lee", "Stussy", "Nautica",
    "Gap", "Mango", "Spao", "Top Ten", "Burberry", "Calvin Klein", "Mont-bell", "Kappa",
    "Fila", "Quiksilver", "Billabong", "Eddie Bauer", "LL Bean", "Polo", "Beams", "Workman",
]
SHOE_BRANDS = [
    "Nike", "Adidas", "Converse", "Vans", "New Balance", "Asics", "Onitsuka Tiger", "Puma",
    "Reebok", "Dr. Martens", "Timberland", "Salomon", "Mizuno", "Skechers", "Clarks",
]
BAG_BRANDS = [
    "Coach", "Michael Kors", "Kate Spade", "Longchamp", "Anello", "Porter", "Jansport",
    "Herschel", "Furla", "Guess", "Tumi", "Samsonite", "Charles & Keith", "MCM",
]
HAT_BRANDS = ["New Era", "'47", "Kangol", "Nike", "Carhartt", "Champion", "Stussy"]

LOCAL_BRANDS = [
    "Erigo", "Roughneck", "Eiger", "Brodo", "Compass", "Ventela", "Aerostreet", "Wadezig",
    "Thanksinsomnia", "Kalibre", "Cottonink", "Elzatta", "Rabbani", "Zoya", "Screamous",
    "The Executive", "Hammer", "Dagadu", "Geoff Max", "Bloods", "Piero", "3Second",
    "Greenlight", "Cardinal", "Consina", "Rei", "Arei", "Torch", "Naruna", "Shopatvelvet",
]

# Origin as sellers write it.
ORIGINS = {
    "korea": ["Korea", "Korsel", "Korea Selatan", "korea", "KOREA"],
    "japan": ["Jepang", "Japan", "JPN", "jepang", "JAPAN"],
    "thailand": ["Thailand", "Bangkok", "thailand"],
    "malaysia": ["Malaysia", "malay", "MY"],
    "singapore": ["Singapura", "Singapore", "SG"],
    "hongkong": ["Hongkong", "HK"],
    "taiwan": ["Taiwan"],
    "europe": ["Eropa", "Europe", "Jerman", "Belanda"],
    "usa": ["USA", "Amerika", "US"],
    "australia": ["Australia", "Aussie", "AU"],
    "uk": ["UK", "Inggris", "London"],
    "china": ["China", "Cina"],
}
ORIGIN_WEIGHTS = {
    "korea": 30, "japan": 30, "thailand": 6, "malaysia": 6, "singapore": 5, "hongkong": 3,
    "taiwan": 3, "europe": 5, "usa": 5, "australia": 4, "uk": 3, "china": 2,
}

CITIES = [
    "Bandung", "Cimahi", "Jakarta Pusat", "Jakarta Timur", "Bekasi", "Depok", "Bogor",
    "Tangerang", "Surabaya", "Sidoarjo", "Malang", "Semarang", "Solo", "Yogyakarta",
    "Medan", "Makassar", "Parepare", "Pontianak", "Batam", "Pekanbaru", "Palembang",
    "Bandar Lampung", "Denpasar", "Balikpapan", "Samarinda", "Manado", "Padang",
    "Cirebon", "Tasikmalaya", "Garut", "Pekalongan", "Tegal", "Purwokerto", "Kediri",
    "Jember", "Banjarmasin", "Jambi", "Dumai", "Tanjung Balai", "Nunukan", "Kendari",
]
WAREHOUSES = [
    "Gedebage", "Cimahi", "Batam", "Pasar Senen", "Tanjung Balai", "Dumai", "Pekanbaru",
    "Pontianak", "Parepare", "Medan (Pajak Melati)", "Bandung", "Jakarta Utara", "Sidoarjo",
]
PORTS = [
    "Batam", "Tanjung Balai Karimun", "Dumai", "Belawan", "Entikong", "Nunukan",
    "Tanjung Pinang", "Jambi", "Kalbar", "Selat Panjang",
]
MALLS = [
    "Grand Indonesia", "PIM", "Kota Kasablanka", "Paris Van Java", "Tunjungan Plaza",
    "Pakuwon Mall", "Mall Ciputra", "Trans Studio Mall", "Centre Point Medan",
    "Ambarrukmo Plaza", "Summarecon Mall Bekasi", "Mal Panakkukang", "Living World",
]
DOMESTIC_STORES = [
    "Matahari", "Ramayana", "Uniqlo", "H&M", "Zara", "Centro", "Sogo", "Metro", "Erigo store",
    "official store di Shopee Mall", "official store Tokopedia", "butik lokal",
    "Pasar Baru Bandung", "Tanah Abang", "Thamrin City", "Sports Station", "Planet Sports",
    "Transmart", "Pasar Beringharjo", "Mangga Dua",
]

SHOP_PREFIX = ["Lapak", "Toko", "Gudang", "Kios", "Butik", "Warung", "Grosir", "Rumah",
               "Juragan", "Pusat", "Galeri", "Omah", "Sentra"]
SHOP_NAME = ["Berkah", "Sumber Rejeki", "Mas Dodi", "Teh Rina", "Barokah", "Mandiri",
             "Cahaya", "Sinar Jaya", "Abadi", "Nayla", "Kang Ujang", "Daeng Ical", "Bang Togar",
             "Lestari", "Makmur", "Sejahtera", "Arjuna", "Putra", "Hana", "Kirana", "Bu Endang",
             "Mbak Sari", "Cak Mat", "Dek Tia", "Ko Ahong", "Pak Haji", "Rumi", "Langit"]

STORE_POLICY = [
    "Order sebelum jam 15.00 dikirim hari yang sama.",
    "Pengiriman Senin-Sabtu, Minggu & tanggal merah libur.",
    "Wajib video unboxing untuk klaim komplain.",
    "Tanya stok dulu via chat ya kak.",
    "Membeli = setuju dengan deskripsi.",
    "Warna bisa sedikit beda karena pencahayaan foto.",
    "Packing aman pakai plastik tebal + bubble wrap.",
    "Foto asli milik toko, dilarang copas.",
    "Kirim dari {city}.",
    "Bisa instant / sameday area {city}.",
    "Follow toko biar dapet info restock.",
    "Fast respon jam 08.00-21.00.",
    "Happy shopping 🙏",
    "Barang dicek dulu sebelum dikirim.",
    "Komplain lewat chat, bukan lewat ulasan ya kak 🙏",
    "Resi diupdate malam hari.",
    "Jangan lupa kasih bintang 5 kalau puas ⭐⭐⭐⭐⭐",
    "Toko buka tiap hari, pesanan diproses maks 2x24 jam.",
    "Gratis ongkir pakai voucher toko.",
    "Ambil di tempat juga bisa, janjian dulu.",
]
FB_LINES = [
    "Lokasi {city}.", "COD area {city} dan sekitarnya.", "Minat inbox aja.", "Nego tipis.",
    "Harga pas, no nego.", "Yang serius aja ya.", "Bisa kirim luar kota.", "PM for price.",
    "WA 08xx-xxxx-xxxx (chat aja).", "First come first served.", "Langsung japri.",
]
IG_LINES = [
    "DM untuk order ya 💌", "Cara order: comment 'mau' + DM.", "Sold = hapus dari feed.",
    "Rekber aman, no HIT & RUN.", "Spill size di DM.", "Cek story buat update stok 📲",
    "Slow respon kalau lagi packing 🙏", "Open PO batch berikutnya, cek highlight.",
]
TIKTOK_LINES = [
    "Cek live tiap malam jam 19.00!", "Checkout lewat keranjang kuning 🛒",
    "Stok terbatas, buruan checkout!", "Yang nonton live dapet voucher 🎁",
    "Klik + ikuti biar gak ketinggalan drop baru.",
]

CONDITION = ["kondisi 90%", "kondisi 9/10", "kondisi 8/10", "mulus no minus", "like new",
             "kondisi 85%", "kondisi oke banget", "masih bagus"]
FLAWS = [
    "noda tipis di kerah", "pilling dikit", "warna sedikit pudar (fading natural)",
    "bolong kecil di lengan", "kerah agak kusam", "minor defect, lihat foto",
    "karet pinggang kendor", "kancing ganti 1", "resleting agak seret",
]
SHOE_FLAWS = ["midsole agak kuning", "outsole botak dikit", "lecet di toe box", "insole sudah tipis",
              "tali bukan ori"]
BAG_FLAWS = ["lecet di sudut", "hardware agak kusam", "tali ada retak halus", "ada noda pulpen di dalam"]
SIZES = ["S", "M", "L", "XL", "XXL", "M-L", "all size fit L"]


def pick_origin(kit: Kit) -> tuple[str, str]:
    key = kit.rng.choices(list(ORIGIN_WEIGHTS), weights=list(ORIGIN_WEIGHTS.values()))[0]
    return key, kit.pick(ORIGINS[key])


def brand_for(kit: Kit, kind: str) -> str:
    if kind == "shoe":
        return kit.pick(SHOE_BRANDS)
    if kind == "bag":
        return kit.pick(BAG_BRANDS)
    if kind == "hat":
        return kit.pick(HAT_BRANDS)
    return kit.pick(FOREIGN_APPAREL_BRANDS)


def measurement(kit: Kit, kind: str) -> str | None:
    if kind in ("top", "outer", "dress"):
        ld, pj = kit.between(46, 66), kit.between(60, 82 if kind != "dress" else 120)
        return kit.pick([f"LD {ld} PJ {pj}", f"LD {ld} x P {pj} cm",
                         f"lebar dada {ld}cm, panjang {pj}cm", f"Ld: {ld} / Pj: {pj}",
                         f"ukuran ld {ld} pj {pj} tangan {kit.between(55, 66)}",
                         f"Lingkar dada {ld * 2} cm, panjang {pj} cm"])
    if kind == "bottom":
        lp, pj = kit.between(68, 96), kit.between(90, 106)
        return kit.pick([f"LP {lp} PJ {pj}", f"lingkar pinggang {lp} cm, panjang {pj} cm",
                         f"W{lp // 2.54:.0f} L{pj // 3.1:.0f}", f"Lp: {lp} / Pj: {pj}"])
    if kind == "shoe":
        size = kit.between(36, 45)
        return kit.pick([f"size {size} (insole {size * 0.66:.1f} cm)", f"EU {size}",
                         f"ukuran {size}, insole ±{(size + 10) / 2 + 1:.1f}cm", f"no {size}"])
    if kind == "bag":
        return kit.pick([f"ukuran {kit.between(20, 40)} x {kit.between(8, 15)} x {kit.between(15, 45)} cm",
                         f"P {kit.between(20, 40)} L {kit.between(8, 15)} T {kit.between(15, 40)}"])
    if kind == "hat":
        return kit.pick(["lingkar kepala 56-58 cm", "all size (bisa diatur)", "size 7 1/4",
                         "adjustable strap belakang"])
    return None


def item_context(kit: Kit, kind_filter: tuple[str, ...] | None = None) -> dict:
    """Slots for one garment: item, Item, kind, category, brand, size, measure, origin..."""
    pool = [it for it in ITEMS if kind_filter is None or it[1] in kind_filter]
    names, kind, category = kit.pick(pool)
    item = kit.pick(names)
    origin_key, origin = pick_origin(kit)
    size = None
    if kind in ("top", "outer", "dress"):
        size = kit.pick(SIZES)
    elif kind == "bottom":
        size = str(kit.between(27, 38)) if kit.chance(0.6) else kit.pick(SIZES[:5])
    elif kind == "shoe":
        size = str(kit.between(36, 45))
    flaws = SHOE_FLAWS if kind == "shoe" else BAG_FLAWS if kind == "bag" else FLAWS
    cond = kit.pick(CONDITION)
    return {
        "item": item,
        "Item": item[:1].upper() + item[1:],
        "kind": kind,
        "category": category,
        "brand": brand_for(kit, kind),
        "size": size,
        "measure": measurement(kit, kind),
        "origin": origin,
        "origin_key": origin_key,
        "origin2": kit.pick(ORIGINS[kit.pick([k for k in ORIGINS if k != origin_key])]),
        "cond": cond,
        "Cond": cond[:1].upper() + cond[1:],
        "flaw": kit.pick(flaws),
        "garment": kit.pick(["Baju", "Pakaian"]) if kind in ("top", "outer", "dress", "bottom") else None,
        "city": kit.pick(CITIES),
        "wh": kit.pick(WAREHOUSES),
        "port": kit.pick(PORTS),
        "shop": f"{kit.pick(SHOP_PREFIX)} {kit.pick(SHOP_NAME)}",
        "mall": kit.pick(MALLS),
        "store": kit.pick(DOMESTIC_STORES),
        "year": str(kit.between(2018, 2025)),
        "n": str(kit.between(2, 6)),
    }


def shop_lines(kit: Kit, platform: str, ctx: dict, lo: int = 1, hi: int = 3) -> list[str]:
    """Closing boilerplate that fits the platform."""
    if platform == "facebook":
        return kit.some(FB_LINES, ctx, lo, hi)
    if platform == "instagram":
        return kit.some(IG_LINES, ctx, lo, hi)
    lines = kit.some(STORE_POLICY, ctx, lo, hi)
    if platform == "tiktokshop" and kit.chance(0.6):
        lines.append(kit.pick(TIKTOK_LINES))
    return lines


def hashtags(kit: Kit, platform: str, tags: list[str]) -> str:
    if platform not in ("instagram", "tiktokshop", "facebook") or not kit.chance(0.7):
        return ""
    chosen = kit.sample(tags, kit.between(3, min(8, len(tags))))
    if platform == "tiktokshop" and kit.chance(0.6):
        chosen += ["#fyp", kit.pick(["#fypシ", "#xyzbca", "#racuntiktok", "#tiktokshop"])]
    return " ".join(chosen)


EMOJI_HOT = ["🔥", "✨", "💯", "⚡", "🌟", "❗", "‼️", "🆕", "💥", "🎉"]


def decorate_title(kit: Kit, platform: str, title: str) -> str:
    """Emoji and bracket tags the way TikTok/Shopee sellers add them."""
    if platform in ("tiktokshop", "shopee", "instagram") and kit.chance(0.35):
        e = kit.pick(EMOJI_HOT)
        title = kit.pick([f"{e} {title}", f"{title} {e}", f"{e}{e} {title} {e}{e}"])
    elif platform in ("tokopedia", "bukalapak", "lazada") and kit.chance(0.2):
        tag = kit.pick(["[READY]", "[PROMO]", "(COD)", "| TERMURAH", "- BEST SELLER", "[TERLARIS]"])
        title = f"{tag} {title}" if tag.startswith(("[", "(")) else f"{title} {tag}"
    return title


def compose(kit: Kit, platform: str, title: str, lines: list[str], ctx: dict, tags: list[str],
            qa: list[tuple[str, str]] | None = None, title_only_p: float = 0.0,
            noise: float = 1.0, shop_p: float = 0.75) -> tuple[str, str]:
    """Lay out a description, add platform boilerplate and hashtags, then add seller noise."""
    if kit.chance(title_only_p):
        desc = ""
    else:
        body = list(lines)
        if kit.chance(shop_p):
            body += shop_lines(kit, platform, ctx)
        body = list(dict.fromkeys(body))
        desc = kit.layout(body, qa)
        tag_line = hashtags(kit, platform, tags)
        if tag_line:
            desc = f"{desc}\n\n{tag_line}"
    title = decorate_title(kit, platform, title)
    return kit.noisy(title, desc, noise)
