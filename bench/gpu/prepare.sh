#!/usr/bin/env bash
# Run here (no GPU needed): packs what bench/gpu/run.sh needs on a GPU machine into .devgpu/
# (git-ignored, carried by the device tool), following ../shared/docs/gpu-check.md.
# Then, with a GPU session:  run(command="bash bench/gpu/run.sh", carry=[".devgpu"], timeout_s=400)
set -euo pipefail
cd "$(dirname "$0")/../.."
rm -rf .devgpu && mkdir -p .devgpu/node_modules
xz -T2 -6 -c "$(command -v node)" > .devgpu/node.xz
cp -r node_modules/onnxruntime-node node_modules/onnxruntime-common .devgpu/node_modules/
bin=.devgpu/node_modules/onnxruntime-node/bin/napi-v6
rm -rf "$bin/darwin" "$bin/win32" "$bin/linux/arm64"
xz -T2 -6 "$bin/linux/x64/libonnxruntime.so.1"
(cd .devgpu && apt-get download libvulkan1 >/dev/null)
# One bundle with the benchmark and the neural layer; onnxruntime-node resolves from .devgpu/node_modules.
npx esbuild bench/gpu/neural-gpu.ts --bundle --platform=node --target=node20 --format=cjs \
  --external:onnxruntime-node --main-fields=module,main --outfile=.devgpu/bench-gpu.js --log-level=warning
du -sh .devgpu
