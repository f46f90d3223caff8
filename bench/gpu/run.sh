#!/usr/bin/env bash
# Runs on the GPU machine (no Node.js, no network there): unpacks .devgpu/ from prepare.sh, installs
# the Vulkan loader, and runs the neural benchmark on WebGPU then CPU. Results: $OUT/gpu-bench.jsonl.
set -uo pipefail
cd "$(dirname "$0")/../.."
OUT=${OUT:-.test-tmp/bench}; mkdir -p "$OUT"; export OUT
dpkg -x .devgpu/libvulkan1_*.deb / && ldconfig
xz -dc .devgpu/node.xz > /tmp/node && chmod +x /tmp/node
xz -dk .devgpu/node_modules/onnxruntime-node/bin/napi-v6/linux/x64/libonnxruntime.so.1.xz
if [ -f /usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json ]; then
  export VK_DRIVER_FILES=/usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json
fi
export GPU_NAME="$(nvidia-smi --query-gpu=name --format=csv,noheader 2>/dev/null | head -1)"
nvidia-smi > "$OUT/nvidia-smi.txt" 2>&1
timeout 360 /tmp/node .devgpu/bench-gpu.js 2> "$OUT/gpu-bench.err"
echo "exit $?" >> "$OUT/gpu-bench.err"
