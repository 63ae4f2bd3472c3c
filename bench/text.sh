#!/usr/bin/env bash
# Text detection benchmark, saring next to scikit-learn, in one run:
#
# 1. speed of saring's whole text pipeline on one thread (normalise + lexicon + classifier +
#    policy, `Screener::screen` with the bundled configuration and model), a criterion bench
#    over the listings of corpus/test/test.jsonl (labels ignored); once on one thread whose
#    classifier word memo is warm, and once on a fresh thread per pass over the 878 listings
#    (the memo starts empty: only words repeated between those listings are reused);
# 2. saring's decisions on corpus/test/test.jsonl (`saring eval`, flagged = review or block),
#    and the classifier alone at the policy's thresholds (`saring eval --classifier-only`);
# 3. bench/sklearn_baseline.py: TF-IDF + logistic regression trained on the same
#    corpus/train.jsonl, F1 on the same test set and its prediction speed on one thread.
#
# usage: bash bench/text.sh   (needs: pip install scikit-learn; figures go to bench/out/text.txt)
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/out
target=${CARGO_TARGET_DIR:-target}
report=bench/out/text.txt
: > "$report"

cargo bench -q -p saring-text --bench text_pipeline -- --noplot 2>&1 | tee bench/out/text-criterion.log
cargo build -q --release -p saring-cli
bin=$target/release/saring
"$bin" eval corpus/test/test.jsonl > bench/out/text-eval.txt
"$bin" eval corpus/test/test.jsonl --classifier-only > bench/out/text-eval-classifier.txt
python3 bench/sklearn_baseline.py | tee bench/out/text-sklearn.txt

listings=$(grep -c . corpus/test/test.jsonl)
bytes=$(python3 -c 'import json,sys; r=[json.loads(l) for l in open(sys.argv[1]) if l.strip()]; print(sum(len((x["title"]+x.get("description","")).encode()) for x in r)//len(r))' corpus/test/test.jsonl)
rate() { # listings per second from criterion's mean time per iteration of the whole set
  python3 -c 'import json,sys; e=json.load(open(sys.argv[1])); print(round(int(sys.argv[2])/(e["mean"]["point_estimate"]/1e9)))' \
    "$target/criterion/text_pipeline/$1/new/estimates.json" "$listings"
}
figure() { awk -v key="$2" '$0 ~ "^"key {print $NF; exit}' "$1"; }
fp_rate() { awk '/^false positives/ {print $3; exit}' "$1"; }
sk=$(grep '^RESULT' bench/out/text-sklearn.txt)
field() { echo "$sk" | tr ' ' '\n' | awk -F= -v k="$1" '$1==k {print $2}'; }

{
  echo "test set: $listings listings, $bytes bytes of title + description on average; one thread"
  printf '%-44s %8s %8s %8s %14s\n' "pipeline" "F1" "recall" "FPR" "listings/s"
  printf '%-44s %8s %8s %8s %14s\n' "saring screen (normalise+lexicon+clf+policy)" \
    "$(figure bench/out/text-eval.txt F1)" "$(figure bench/out/text-eval.txt recall)" \
    "$(fp_rate bench/out/text-eval.txt)" "$(rate screen)"
  printf '%-44s %8s %8s %8s %14s\n' "saring screen, word memo empty at each pass" \
    "$(figure bench/out/text-eval.txt F1)" "$(figure bench/out/text-eval.txt recall)" \
    "$(fp_rate bench/out/text-eval.txt)" "$(rate screen_fresh_thread)"
  printf '%-44s %8s %8s %8s %14s\n' "saring classifier alone (normalise+clf)" \
    "$(figure bench/out/text-eval-classifier.txt F1)" "$(figure bench/out/text-eval-classifier.txt recall)" \
    "$(fp_rate bench/out/text-eval-classifier.txt)" "$(rate classifier_probability)"
  printf '%-44s %8s %8s %8s %14s\n' "scikit-learn TF-IDF + LR, batch" \
    "$(field f1)" "$(field recall)" "$(field fpr)" "$(field batch_per_s)"
  printf '%-44s %8s %8s %8s %14s\n' "scikit-learn TF-IDF + LR, one at a time" \
    "$(field f1)" "$(field recall)" "$(field fpr)" "$(field single_per_s)"
} | tee -a "$report"
echo "full reports: bench/out/text-eval.txt, bench/out/text-eval-classifier.txt, bench/out/text-sklearn.txt" | tee -a "$report"
