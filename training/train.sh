#!/usr/bin/env bash
# Build the NKJP DocBins, train the graphbuilder NKJP pipeline, then install the best
# checkpoint (with metadata and a label-only string store) into graphbuilder/models/nkjp/.
# Runs niced and single-threaded because the machine (2 cores) is shared.
# Usage, from anywhere:  [FINAL=1] training/train.sh [extra spacy train overrides]
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
DATA="${DATA:-/tmp/nkjp-data}"
OUTPUT="${OUTPUT:-/tmp/nkjp-model}"
MODEL_DIR="$ROOT/graphbuilder/models/nkjp"

export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
cd "$ROOT"

# FINAL=1 trains on the NKJP dev documents too (the shipped model); dev figures then mean little.
nice -n 15 "$PYTHON" -m training.convert_nkjp --out "$DATA" ${FINAL:+--final}

nice -n 15 "$PYTHON" -m spacy train training/config.cfg \
    --paths.train "$DATA/train.spacy" \
    --paths.dev "$DATA/dev.spacy" \
    --output "$OUTPUT" \
    "$@"

# The best dev checkpoint; with FINAL=1, where dev was trained on, the last one.
CHECKPOINT="model-best"
if [ -n "${FINAL:-}" ]; then CHECKPOINT="model-last"; fi
nice -n 15 "$PYTHON" -m training.package_model "$OUTPUT/$CHECKPOINT" "$MODEL_DIR"
du -sh "$MODEL_DIR"
