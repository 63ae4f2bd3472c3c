#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets (fuzz/seeds/TARGET/) from the repository's
examples, configuration and test data, so that each target starts from inputs that reach
deep into its parser. Deterministic: running it again gives the same files.

The Parquet target writes its well-formed files itself from JSON Lines (its first byte 0),
so its seeds are JSON Lines too.

usage: fuzz/make_seeds.py
"""

import base64
import hashlib
import hmac
import json
import shutil
import struct
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fuzz" / "seeds"
EXAMPLES = ROOT / "examples"
CONFIG = ROOT / "config"
PDQ_DATA = ROOT / "crates" / "saring-pdq" / "tests" / "data" / "threatexchange" / "data"

# Must match fuzz_targets/webhook_signature.rs.
WEBHOOK_SECRET = b"whsec-fuzz-0123456789abcdef0123456789"
WEBHOOK_NOW = 1_796_000_000
# Route numbers of fuzz_targets/api_bodies.rs (first byte) and its content types (second).
JSON, JSON_UTF8, NDJSON, CSV = 0, 1, 2, 3


def listings(count=12):
    lines = (EXAMPLES / "catalogue.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()][:count]


def write(target, name, data):
    directory = SEEDS / target
    directory.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    (directory / name).write_bytes(data)


def png(width, height, colour_type, rows):
    """A PNG with 8-bit samples; rows are the raw pixel bytes of each row."""

    def chunk(kind, payload):
        body = kind + payload
        return struct.pack(">I", len(payload)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)
    raw = b"".join(b"\x00" + row for row in rows)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def gif_2x2():
    """A 2x2 GIF87a with a two-colour palette."""
    return (
        b"GIF87a\x02\x00\x02\x00\x80\x00\x00"
        + b"\x00\x00\x00\xff\xff\xff"
        + b",\x00\x00\x00\x00\x02\x00\x02\x00\x00"
        + b"\x02\x03\x44\x34\x05\x00;"
    )


def images():
    grey = [bytes((x * 16 + y * 8) % 256 for x in range(16)) for y in range(16)]
    rgb = [bytes(v for x in range(8) for v in (x * 30, y * 30, 128)) for y in range(8)]
    found = {
        "grey-16x16.png": png(16, 16, 0, grey),
        "rgb-8x8.png": png(8, 8, 2, rgb),
        "palette-2x2.gif": gif_2x2(),
        "small.jpg": (PDQ_DATA / "misc-images" / "small.jpg").read_bytes(),
    }
    return found


def main():
    if SEEDS.exists():
        for directory in SEEDS.iterdir():
            if directory.is_dir():
                shutil.rmtree(directory)
    examples = listings()
    texts = [l["title"] + "\n" + l.get("description", "") for l in examples]

    for n, text in enumerate(texts[:8]):
        write("normalise", f"listing-{n}.txt", text)
    write("normalise", "evasion.txt", "b@ll b4l3 k4rung4n  t h r i f t  ｂａｌ ꓐal impoort")

    for n, listing in enumerate(examples[:8]):
        write("listing_json", f"listing-{n}.json", json.dumps(listing, ensure_ascii=False))

    jsonl = "\n".join(json.dumps(l, ensure_ascii=False) for l in examples[:4]) + "\n"
    write("catalogue", "catalogue.jsonl", jsonl)
    columns = ["id", "platform", "url", "title", "description", "price", "seller.id", "seller.phone"]
    rows = [",".join(columns)]
    for l in examples[:4]:
        values = [l.get("id"), l.get("platform"), l.get("url"), l.get("title"),
                  l.get("description"), l.get("price"), (l.get("seller") or {}).get("id"),
                  (l.get("seller") or {}).get("phone")]
        cells = ["" if v is None else str(v) for v in values]
        rows.append(",".join('"' + c.replace('"', '""') + '"' for c in cells))
    write("catalogue", "catalogue.csv", "\n".join(rows) + "\n")
    # catalogue_parquet: byte 0 = "write these JSON lines as Parquet, then read it".
    write("catalogue_parquet", "catalogue.jsonl", b"\x00" + jsonl.encode("utf-8"))
    write("catalogue_parquet", "shapes.jsonl",
          b"\x00" + b'{"id":1,"platform":"shopee","title":["a"],"price":-1.5,"seller":{"id":null}}\n'
          + b'{"id":"2","platform":"other","title":"","images":[{"url":"http://x"}],"signals":{"a":2}}\n')

    for name, data in images().items():
        write("pdq_decode", name, data)
        write("image_detector", name, data)
    write("image_detector", "data-url.txt",
          "data:image/png;base64," + base64.b64encode(images()["grey-16x16.png"]).decode())

    hashes = [
        "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22",
        "d8f8f0cce0f4e84f06370a22038f63f0b36e2ed596621e1d33e6b3bc4e9c9b22",
    ]
    write("hash_list", "bank.txt",
          "# known bales\n" + hashes[0] + "\tregulator\tcase-12\talice\t2026-11-30\n" + hashes[1] + "\n")
    write("hash_list", "saring-hash.csv", f"{hashes[0]},87,photos/bale.jpg\n{hashes[1]},42,photos/x.png\n")

    takedowns = (EXAMPLES / "takedown-request.csv").read_text(encoding="utf-8")
    write("takedown_request", "request.csv", "\n".join(takedowns.splitlines()[:5]) + "\n")
    request = {"request_id": "KEMENDAG-PKTN-2026-0412", "agency": "Kemendag",
               "issued_at": "2026-11-30", "legal_basis": "Permendag 47/2025", "urgency": "urgent",
               "urls": [l["url"] for l in examples[:3] if l.get("url")]}
    write("takedown_request", "request.json", json.dumps(request))
    write("takedown_request", "requests.jsonl", json.dumps(request) + "\n" + json.dumps(request) + "\n")

    urls = [l["url"] for l in examples if l.get("url")]
    urls += [line.rsplit(",", 1)[-1] for line in takedowns.splitlines()[1:]]
    for n, url in enumerate(dict.fromkeys(urls)):
        write("marketplace_url", f"url-{n}.txt", url)

    for n, l in enumerate(examples):
        seller = l.get("seller") or {}
        for field in ["phone", "email", "bank_account", "address", "device_id"]:
            if seller.get(field):
                write("seller_identifier", f"{field}-{n}.txt", seller[field])
    write("seller_identifier", "contacts.txt", "WA 0812 2233 4455 / email: ball[at]gmail(dot)com")

    write("lexicon_toml", "lexicon.toml", (CONFIG / "lexicon.toml").read_text(encoding="utf-8"))
    write("policy_toml", "policy.toml", (CONFIG / "policy.toml").read_text(encoding="utf-8"))
    write("enforcement_toml", "enforcement.toml", (CONFIG / "enforcement.toml").read_text(encoding="utf-8"))

    body = json.dumps({"event_id": "evt_1", "kind": "takedown", "case_id": 12}).encode()
    mac = hmac.new(WEBHOOK_SECRET, f"{WEBHOOK_NOW}.".encode() + body, hashlib.sha256).hexdigest()
    write("webhook_signature", "signed.txt", f"t={WEBHOOK_NOW},v1={mac}\n".encode() + body)
    write("webhook_signature", "rotating.txt", f"t={WEBHOOK_NOW},v1={'0' * 64},v1={mac},v2=x\n".encode() + body)

    listing = json.dumps(examples[0], ensure_ascii=False).encode()
    bodies = [
        (0, JSON, listing),
        (1, JSON, b'{"outcome":"confirm","reason":"bal karungan, 100 kg"}'),
        (2, JSON_UTF8, b'{"case_id":12,"statement":"ini baju baru, bukan bekas"}'),
        (3, JSON, b'{"outcome":"overturned","reason":"receipts show new stock"}'),
        (4, JSON, b'{"name":"known-bales"}'),
        (5, JSON, json.dumps({"entries": [{"hash": hashes[0], "quality": 90, "source": "kemendag"}]}).encode()),
        (6, JSON, b'{"enabled":false}'),
        (7, JSON, json.dumps({"toml": (CONFIG / "lexicon.toml").read_text(encoding="utf-8")[:1500], "note": "add terms"}).encode()),
        (8, JSON, b"[" + listing + b"," + listing + b"]"),
        (8, NDJSON, listing + b"\n" + listing + b"\n"),
        (8, CSV, "\n".join(takedowns.splitlines()[:3]).encode()),
        (9, JSON, b"state=open&platform=shopee&priority=wholesale&limit=20&cursor=o40"),
        (10, JSON, b"state=pending&limit=5"),
        (11, JSON, b"status=banned&platform=tokopedia&limit=500"),
        (12, JSON, b"from=2026-11-01&to=2026-12-01&format=csv"),
        (13, JSON, b"limit=3&cursor=o6"),
    ]
    for n, (route, kind, data) in enumerate(bodies):
        write("api_bodies", f"route-{route}-{n}.bin", bytes([route, kind]) + data)


if __name__ == "__main__":
    main()
