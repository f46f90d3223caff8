#!/usr/bin/env bash
# Rebuilds models/mwp from ../shared/data and measures it on the dev split, on CPU only.
#   training/mwp/reproduce.sh
# MWP_MINUTES (default 65) and MWP_MORE_MINUTES (default 21) are the two training budgets: a
# first run, then a continuation with a fresh, lower learning-rate schedule.
# Needs Python with torch 1.13 and onnx (NESY_PYTHON, default /usr/bin/python3) and `npm install`.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
py="${NESY_PYTHON:-/usr/bin/python3}"
work="$here/../work/mwp"
cd "$here"
"$py" prep.py
"$py" train.py --minutes "${MWP_MINUTES:-65}" --d 128 --layers 2 --lr 1.5e-3 --eval-every 800 > "$work/train.log" 2>&1
cp "$work/best.pt" "$work/stage1.pt"
"$py" train.py --minutes "${MWP_MORE_MINUTES:-21}" --d 128 --layers 2 --lr 5e-4 --eval-every 400 --resume "$work/stage1.pt" > "$work/train2.log" 2>&1
"$py" export.py
"$py" ../onnx_fp16.py ../../models/mwp/encoder.onnx ../../models/mwp/decoder.onnx
"$py" memory.py
"$py" labeller.py
"$py" shape.py
cd "$here/../.."
npm run build --silent
node dist/cli.js eval mwp --data training/work/mwp/dev.json --ep cpu
# The English solver, the confidence calibration and their dev metrics.
"$here/reproduce_english.sh"
