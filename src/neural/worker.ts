// Replaced by the inference worker (src/neural/*).
export {};
