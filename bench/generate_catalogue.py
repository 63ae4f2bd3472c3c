#!/usr/bin/env python3
"""Generate a large, realistic listing catalogue (JSONL) for benchmarking `saring scan`.

Listings are recombined from the hand-written example catalogue and the training corpus
(never the held-out test corpus): each generated listing takes a title from one seed
listing and description sentences from others of the same kind, with fresh ids, prices,
sellers, platforms and timestamps. Deterministic for a given seed.

usage: generate_catalogue.py COUNT OUT.jsonl [--seed N]
"""

import argparse
import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = [ROOT / "examples" / "catalogue.jsonl", ROOT / "corpus" / "train.jsonl"]
PLATFORMS = ["tokopedia", "shopee", "tiktokshop", "lazada", "bukalapak", "blibli", "facebook", "instagram", "other"]
URL = {
    "tokopedia": "https://www.tokopedia.com/{shop}/{slug}",
    "shopee": "https://shopee.co.id/{slug}-i.{shop_id}.{item}",
    "tiktokshop": "https://shop-id.tiktok.com/view/product/{item}",
    "lazada": "https://www.lazada.co.id/products/{slug}-i{item}-s{shop_id}.html",
    "bukalapak": "https://www.bukalapak.com/p/fashion/{item}-jual-{slug}",
    "blibli": "https://www.blibli.com/p/{slug}/ps--SHO-{shop_id}-{item}",
    "facebook": "https://www.facebook.com/marketplace/item/{item}",
    "instagram": "https://www.instagram.com/p/C{item}",
    "other": "https://{shop}.example.id/produk/{slug}",
}


def load_seeds():
    seeds = []
    for path in SEEDS:
        if not path.exists():
            continue
        for line in path.open(encoding="utf-8"):
            record = json.loads(line)
            kind = record.get("label", "example")
            sentences = [s for s in re.split(r"(?<=[.!?\n])\s+", record.get("description", "")) if s]
            seeds.append((kind, record["title"], sentences, record.get("category", "Fashion")))
    if not seeds:
        raise SystemExit("no seed listings found (examples/catalogue.jsonl)")
    return seeds


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=6309)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    seeds = load_seeds()
    by_kind = {}
    for seed in seeds:
        by_kind.setdefault(seed[0], []).append(seed)
    with open(args.out, "w", encoding="utf-8") as out:
        for n in range(args.count):
            kind, title, sentences, category = rng.choice(seeds)
            donors = [rng.choice(by_kind[kind]) for _ in range(2)]
            pool = sentences + [s for d in donors for s in d[2]]
            description = " ".join(rng.sample(pool, min(len(pool), rng.randint(2, 5))))
            platform = rng.choice(PLATFORMS)
            shop_id = rng.randint(1_000, 999_999)
            item = rng.randint(10_000_000, 9_999_999_999)
            shop = f"toko{shop_id}"
            slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60] or "produk"
            listing = {
                "id": f"{platform}-{n}",
                "platform": platform,
                "url": URL[platform].format(shop=shop, slug=slug, shop_id=shop_id, item=item),
                "title": title,
                "description": description,
                "price": rng.randrange(10_000, 8_000_000, 500),
                "category": category,
                "seller": {"id": f"s{shop_id}", "name": f"Toko {shop_id}"},
                "created_at": f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00+07:00",
            }
            out.write(json.dumps(listing, ensure_ascii=False))
            out.write("\n")


if __name__ == "__main__":
    main()
