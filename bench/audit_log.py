#!/usr/bin/env python3
"""Writes COUNT audit entries with a valid hash chain as CSV (seq,at,kind,subject,
payload_json,prev_hash,hash) to OUT, and prints the last sequence number and hash (for
audit_head). The entries look like decisions and case openings of `saring scan --store`.

usage: audit_log.py COUNT OUT
"""
import csv
import hashlib
import json
import sys


def main():
    count, out = int(sys.argv[1]), sys.argv[2]
    previous = "0" * 64
    with open(out, "w", newline="") as handle:
        writer = csv.writer(handle)
        for seq in range(1, count + 1):
            at = 1_800_000_000_000 + seq
            listing = seq // 2
            if seq % 2:
                kind, subject = "decision", f"shopee/{listing}"
                payload = {"decision": "review", "decision_id": listing, "model_version": "bench",
                           "priority": "retail", "reasons": [{"detail": "offers used clothing from abroad",
                           "kind": "rule", "name": "used imported clothing", "spans": []}], "score": 0.8}
            else:
                kind, subject = "case_opened", f"case/{listing}"
                payload = {"decision_id": listing, "listing": f"shopee/{listing}", "reason": "screened for review"}
            payload_json = json.dumps(payload, sort_keys=True, separators=(",", ":"))
            text = f"{seq}\n{at}\n{kind}\n{subject}\n{previous}\n{payload_json}"
            digest = hashlib.sha256(text.encode()).hexdigest()
            writer.writerow([seq, at, kind, subject, payload_json, previous, digest])
            previous = digest
    print(count, previous)


if __name__ == "__main__":
    main()
