#!/usr/bin/env python3
"""Baseline a user would reach for first: scikit-learn TF-IDF (character 2-5 within word
boundaries + word 1-2) and logistic regression.

Trains on corpus/train.jsonl (C chosen by 5-fold cross-validation on the training corpus
only), scores corpus/test/test.jsonl at probability 0.5, and times prediction on one thread
over the same test listings (text in, probability out, as a batch: scikit-learn's fastest
path). Prints a human-readable report, then one line starting with RESULT for bench/text.sh.

Requires: pip install scikit-learn
"""

import json
import os
import sys
import time

# One thread for the BLAS libraries, set before numpy loads them.
for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(variable, "1")

from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.model_selection import GridSearchCV, StratifiedKFold  # noqa: E402
from sklearn.pipeline import FeatureUnion, Pipeline  # noqa: E402
from threadpoolctl import threadpool_limits  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TRAIN = os.path.join(ROOT, "corpus", "train.jsonl")
TEST = os.path.join(ROOT, "corpus", "test", "test.jsonl")
SEED = 20261123


def load(path):
    with open(path, encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    texts = [row["title"] + " " + row.get("description", "") for row in rows]
    labels = [1 if row["label"] == "violation" else 0 for row in rows]
    tactics = [(row["label"], row["tactic"]) for row in rows]
    return texts, labels, tactics


def pipeline():
    features = FeatureUnion(
        [
            ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2)),
            ("words", TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True, min_df=1)),
        ]
    )
    return Pipeline([("features", features), ("model", LogisticRegression(max_iter=2000))])


def main():
    train_texts, train_labels, _ = load(TRAIN)
    test_texts, test_labels, test_tactics = load(TEST)

    with threadpool_limits(limits=1):
        started = time.perf_counter()
        search = GridSearchCV(
            pipeline(),
            {"model__C": [1.0, 3.0, 10.0, 30.0, 100.0]},
            scoring="f1",
            cv=StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED),
            n_jobs=1,
        )
        search.fit(train_texts, train_labels)
        train_seconds = time.perf_counter() - started
        model = search.best_estimator_

        probabilities = model.predict_proba(test_texts)[:, 1]
        # Throughput: repeat the batch prediction until at least 3 seconds have passed.
        rounds, elapsed = 0, 0.0
        started = time.perf_counter()
        while elapsed < 3.0:
            model.predict_proba(test_texts)
            rounds += 1
            elapsed = time.perf_counter() - started
        batch_rate = rounds * len(test_texts) / elapsed
        # One listing at a time, as a streaming service would call it.
        started = time.perf_counter()
        for text in test_texts[:200]:
            model.predict_proba([text])
        single_rate = 200 / (time.perf_counter() - started)

    flagged = [p >= 0.5 for p in probabilities]
    true_positives = sum(1 for f, y in zip(flagged, test_labels) if f and y)
    false_positives = sum(1 for f, y in zip(flagged, test_labels) if f and not y)
    violations = sum(test_labels)
    legitimate = len(test_labels) - violations
    precision = true_positives / max(1, true_positives + false_positives)
    recall = true_positives / max(1, violations)
    f1 = 2 * precision * recall / max(1e-12, precision + recall)
    fpr = false_positives / max(1, legitimate)

    print(f"scikit-learn TF-IDF char_wb 2-5 + word 1-2, LogisticRegression C={search.best_params_['model__C']}")
    print(f"trained on {len(train_texts)} listings in {train_seconds:.1f}s (5-fold grid search included)")
    print(f"test: precision {precision:.4f} recall {recall:.4f} F1 {f1:.4f} FPR {fpr:.4f}")
    tactic_counts = {}
    for (label, tactic), f in zip(test_tactics, flagged):
        total, hits = tactic_counts.get((label, tactic), (0, 0))
        tactic_counts[(label, tactic)] = (total + 1, hits + int(f))
    for (label, tactic), (total, hits) in sorted(tactic_counts.items(), key=lambda kv: (kv[0][0] != "violation", kv[0][1])):
        print(f"  {label:<10} {tactic:<18} flagged {hits / total:.3f} ({hits}/{total})")
    print(f"prediction, one thread: {batch_rate:,.0f} listings/s as one batch, {single_rate:,.0f} listings/s one at a time")
    print(f"RESULT f1={f1:.4f} recall={recall:.4f} fpr={fpr:.4f} batch_per_s={batch_rate:.0f} single_per_s={single_rate:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
