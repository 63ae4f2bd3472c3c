#!/usr/bin/env python3
"""Generate the held-out test corpus for saring's text detector.

Standard library only, fixed seed: running it again writes the same
``test.jsonl`` byte for byte.  The corpus is written independently of the
training corpus (its author never read that one) and must never be read by any
training step.  See README.md next to this file.

Run:  python3 corpus/test/generate_test.py
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from pathlib import Path

import handwritten
import legit
import violation
from textkit import Kit

SEED = 20260415
OUT = Path(__file__).with_name("test.jsonl")

# Listings per tactic (before hand-written ones are added on top).
VIOLATION_TACTICS = {
    "plain": violation.plain,
    "bale_wholesale": violation.bale_wholesale,
    "code_word": violation.code_word,
    "obfuscation": violation.obfuscation,
    "euphemism": violation.euphemism,
    "context_only": violation.context_only,
    "single_retail": violation.single_retail,
}
LEGIT_TACTICS = {
    "new_local_umkm": legit.new_local_umkm,
    "new_import_style": legit.new_import_style,
    "personal_preloved": legit.personal_preloved,
    "used_non_clothing": legit.used_non_clothing,
    "innocent_trigger": legit.innocent_trigger,
    "wholesale_new": legit.wholesale_new,
    "local_overstock": legit.local_overstock,
    "services_news": legit.services_news,
}
TARGET_VIOLATION = 50
TARGET_LEGIT = 66

# Words a `context_only` listing may not contain (checked after all noise).
CONTEXT_ONLY_BANNED = re.compile(
    r"\b(bal|ball|balan|balpres|ballpress|ball ?press|bekas|second|seken|scond|thrift\w*|"
    r"pre-?loved|pre-?owned|used|cakar|monza|awul\w*|cimol|karungan|vintage|ex|eks|"
    r"luar negeri|barang luar|segel|rombeng\w*)\b",
    re.IGNORECASE,
)

PLATFORM_WEIGHTS_VIOLATION = {
    "shopee": 28, "tokopedia": 25, "tiktokshop": 13, "bukalapak": 8, "lazada": 5,
    "blibli": 3, "facebook": 10, "instagram": 7, "other": 2,
}
PLATFORM_WEIGHTS_LEGIT = {
    "shopee": 24, "tokopedia": 22, "tiktokshop": 12, "bukalapak": 8, "lazada": 8,
    "blibli": 7, "facebook": 10, "instagram": 7, "other": 2,
}


def _key(title: str, description: str) -> str:
    text = (title + " | " + description).lower()
    return re.sub(r"[^a-z0-9]+", "", text)[:160]


def build() -> list[dict]:
    rng = random.Random(SEED)
    kit = Kit(rng)
    records: list[dict] = []
    seen: set[str] = set()

    def add(rec: dict) -> bool:
        key = _key(rec["title"], rec["description"])
        if key in seen:
            return False
        seen.add(key)
        records.append(rec)
        return True

    for rec in handwritten.LISTINGS:
        add(dict(rec))
    hand_counts = Counter(r["tactic"] for r in records)

    plans = [(t, f, "violation", TARGET_VIOLATION, PLATFORM_WEIGHTS_VIOLATION)
             for t, f in VIOLATION_TACTICS.items()]
    plans += [(t, f, "legitimate", TARGET_LEGIT, PLATFORM_WEIGHTS_LEGIT)
              for t, f in LEGIT_TACTICS.items()]
    for tactic, make, label, target, weights in plans:
        need = target - hand_counts[tactic]
        made = 0
        attempts = 0
        while made < need:
            attempts += 1
            if attempts > need * 50:
                raise RuntimeError(f"cannot make enough distinct {tactic} listings")
            platform = rng.choices(list(weights), weights=list(weights.values()))[0]
            listing = make(kit, platform)
            if listing is None:
                continue
            title, description, price, category = listing[:4]
            if len(listing) > 4:
                platform = listing[4]
            if tactic == "context_only" and CONTEXT_ONLY_BANNED.search(title + " " + description):
                continue
            rec = {
                "platform": platform,
                "title": title,
                "description": description,
                "price": int(price),
                "category": category,
                "label": label,
                "tactic": tactic,
            }
            if add(rec):
                made += 1

    rng.shuffle(records)
    out = []
    for i, rec in enumerate(records, start=1):
        out.append({"id": f"t-{i:04d}", **rec})
    return out


def check(records: list[dict]) -> None:
    platforms = {"tokopedia", "shopee", "tiktokshop", "lazada", "bukalapak", "blibli",
                 "facebook", "instagram", "other"}
    for rec in records:
        assert rec["platform"] in platforms, rec
        assert rec["title"].strip(), rec
        assert isinstance(rec["price"], int) and rec["price"] >= 0, rec
        assert rec["label"] in ("violation", "legitimate"), rec
        expected = "violation" if rec["tactic"] in VIOLATION_TACTICS else "legitimate"
        assert rec["label"] == expected, rec
        if rec["tactic"] == "context_only":
            hit = CONTEXT_ONLY_BANNED.search(rec["title"] + " " + rec["description"])
            assert hit is None, (hit, rec)


def main() -> None:
    records = build()
    check(records)
    with OUT.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    by_tactic = Counter((r["label"], r["tactic"]) for r in records)
    by_label = Counter(r["label"] for r in records)
    print(f"wrote {len(records)} listings to {OUT}")
    for (label, tactic), n in sorted(by_tactic.items()):
        print(f"  {label:10s} {tactic:18s} {n}")
    for label, n in sorted(by_label.items()):
        print(f"  {label:10s} total {n} ({100 * n / len(records):.1f}%)")


if __name__ == "__main__":
    main()
