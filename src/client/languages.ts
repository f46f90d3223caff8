// The language ids this extension contributes (package.json declares the same ones; test/unit/manifest.test.ts
// checks). Kept free of the vscode module so that tests outside VS Code can read it.
export const languageIds = ['tl', 'fol', 'mwp'] as const;
