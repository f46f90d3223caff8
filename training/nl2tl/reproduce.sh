#!/bin/sh
# Rebuilds models/nl2tl from ../shared/data/nl2tl on CPU, the way the committed model was made:
#   A. 9 epochs on the NL2TL lifted pairs (learning-rate schedule laid out for 55 minutes);
#   B. continued for 45 minutes with annotation-style tokens and 2,500 synthetic pairs added;
# then ONNX export and the proposition tagger. Budgets are wall-clock minutes, so on a faster
# machine stage B runs more epochs.
# Usage: sh training/nl2tl/reproduce.sh   (NESY_DATA=/path/to/data to move the data)
set -eu
cd "$(dirname "$0")/../.."
DATA="${NESY_DATA:-../shared/data}/nl2tl"
WORK=training/work/nl2tl
PY=/usr/bin/python3
$PY training/nl2tl/prepare.py --data "$DATA" --out "$WORK/plain" --no-style
$PY training/nl2tl/train.py --data "$WORK/plain" --out "$WORK/stageA" --minutes 55 --epochs 9 --batch 32
$PY training/nl2tl/prepare.py --data "$DATA" --out "$WORK/styled"
$PY training/nl2tl/synth.py --n 2500 --out "$WORK/styled/synth.tsv"
$PY training/nl2tl/train.py --data "$WORK/styled" --extra "$WORK/styled/synth.tsv" --out "$WORK/stageB" \
  --init "$WORK/stageA/model.pt" --minutes 45 --batch 32
$PY training/nl2tl/export.py --run "$WORK/stageB" --out models/nl2tl
$PY training/nl2tl/tagger.py --data "$DATA" --out models/nl2tl --minutes 3
