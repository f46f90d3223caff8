#!/usr/bin/env bash
# Rebuilds the English solver (models/mwp/english.json: the ranker, the formula labeller and its
# temperature), the Chinese path's confidence calibration (models/mwp/calibration.json) and the
# reliability diagram, and measures them on the English dev split; on CPU, about 15 minutes on the
# shared 2-core machine (the ranker's 80 full-batch epochs take most of it).
#   training/mwp/reproduce_english.sh
# Needs Python with torch 1.13 and numpy (NESY_PYTHON, default /usr/bin/python3), matplotlib for the
# diagram (apt-get install python3-matplotlib), and `npm install`. Data: ../shared/data (NESY_DATA).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
py="${NESY_PYTHON:-/usr/bin/python3}"
cd "$root"
# Candidates and features of every English problem (train.csv, its seeded 12% dev split, the templated
# problems of english_synthetic.ts, one copy of each training problem with an irrelevant sentence),
# and the labeller's silver labels.
node --max-old-space-size=3000 --import tsx training/mwp/english_data.ts
(cd "$here" && "$py" english.py --epochs 80)
# The hand-labelled dev problems (test/fixtures/mwp/english-labels.json) in SVAMP's format.
node --import tsx training/mwp/english_labels.ts export
# InterMWP's dev split for the Chinese calibration, as prep.py selects it (prep.py writes it too).
[ -f training/work/mwp/dev.json ] || "$py" -c "
import json, os, random
data = os.environ.get('NESY_DATA', os.path.join('..', 'shared', 'data'))
valid = json.load(open(os.path.join(data, 'intermwp', 'valid.json'), encoding='utf-8'))
order = list(range(len(valid))); random.Random(0).shuffle(order); dev = set(order[:200])
json.dump([valid[i] for i in sorted(dev)], open('training/work/mwp/dev.json', 'w', encoding='utf-8'), ensure_ascii=False)"
npm run build --silent
node --import tsx scripts/mwp-calibration.ts --write
"$py" training/mwp/reliability.py
for f in dev dev-distracted dev-labelled; do
  node dist/cli.js eval mwp --data "training/work/mwp/english/$f.json" --ep cpu
done
node dist/cli.js eval mwp --data training/work/mwp/dev.json --ep cpu
