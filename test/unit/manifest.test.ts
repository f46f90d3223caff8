// The extension manifest (package.json) against the code it describes: settings defaults, commands,
// activation, trust restrictions, languages and the files the manifest points at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Commands } from '../../src/core/protocol';
import { defaultSettings, executionProviderChoices, type Settings } from '../../src/core/settings';
import { languages } from '../../src/languages/index';
import { highlighting as tlHighlighting } from '../../grammars/tl';
import { highlighting as folHighlighting } from '../../grammars/fol';
import { highlighting as mwpHighlighting } from '../../grammars/mwp';
import { languageIds } from '../../src/client/languages';
import { repoRoot } from '../helpers/data';

const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const contributes = manifest.contributes;
const properties: Record<string, { default: unknown; enum?: unknown[]; scope?: string }> = contributes.configuration.properties;

/** Where each server setting comes from; neuralEnabled follows workspace trust, not a user setting. */
const settingKeys: Record<keyof Settings, string | null> = {
  operatorStyle: 'nesy.operatorStyle',
  disabledChecks: 'nesy.diagnostics.disabled',
  executionProvider: 'nesy.inference.executionProvider',
  neuralEnabled: null,
};

test('every setting default in package.json equals defaultSettings', () => {
  assert.deepEqual(Object.keys(settingKeys).sort(), Object.keys(defaultSettings).sort());
  for (const [field, key] of Object.entries(settingKeys)) {
    if (key === null) continue;
    assert.ok(properties[key], `${key} is not contributed`);
    assert.deepEqual(properties[key].default, defaultSettings[field as keyof Settings], `default of ${key}`);
    const allowed = properties[key].enum;
    if (allowed) assert.ok(allowed.includes(properties[key].default), `${key}'s default is one of its values`);
  }
});

test('the enums offer exactly the values the settings types allow', () => {
  assert.deepEqual(properties['nesy.operatorStyle'].enum, ['words', 'ascii', 'unicode']);
  assert.deepEqual(properties['nesy.inference.executionProvider'].enum, [...executionProviderChoices]);
  assert.deepEqual(properties['nesy.inference.executionProvider'].enum, ['auto', 'cpu', 'webgpu', 'cuda', 'dml', 'coreml']);
  const descriptions = (properties['nesy.inference.executionProvider'] as { enumDescriptions?: string[] }).enumDescriptions;
  assert.equal(descriptions?.length, executionProviderChoices.length, 'one description per provider');
});

test('machine-specific settings are machine-scoped and restricted in untrusted workspaces', () => {
  const trust = manifest.capabilities.untrustedWorkspaces;
  assert.equal(trust.supported, 'limited');
  assert.ok(trust.description.length > 20);
  assert.deepEqual([...trust.restrictedConfigurations].sort(), ['nesy.inference.executionProvider', 'nesy.models.path']);
  for (const key of trust.restrictedConfigurations) assert.equal(properties[key].scope, 'machine', key);
});

test('every command in Commands is contributed and activates the extension, and nothing else is', () => {
  const names: string[] = Object.values(Commands).sort();
  const contributed = contributes.commands.map((c: { command: string }) => c.command).sort();
  assert.deepEqual(contributed, names);
  for (const c of contributes.commands) assert.ok(c.title && c.category === 'NeSy', `${c.command} has a title`);
  const onCommand = manifest.activationEvents.filter((e: string) => e.startsWith('onCommand:')).map((e: string) => e.slice(10));
  assert.deepEqual(onCommand.sort(), names);
  const menuCommands = Object.values(contributes.menus).flat().map((m) => (m as { command: string }).command);
  for (const c of menuCommands) assert.ok(names.includes(c), `menu entry ${c} is a known command`);
});

test('the contributed languages are the client\'s, activate the extension and cover the registry', () => {
  const ids = contributes.languages.map((l: { id: string }) => l.id);
  assert.deepEqual([...ids].sort(), [...languageIds].sort());
  const onLanguage = manifest.activationEvents.filter((e: string) => e.startsWith('onLanguage:')).map((e: string) => e.slice(11));
  assert.deepEqual(onLanguage.sort(), [...languageIds].sort());
  assert.deepEqual(contributes.languages.find((l: { id: string }) => l.id === 'tl').extensions, ['.tl', '.ltl', '.stl', '.mtl']);
  // A workspace with such files starts the server as it opens, so the first file opened gets its diagnostics at once.
  const onWorkspace = manifest.activationEvents.filter((e: string) => e.startsWith('workspaceContains:')).map((e: string) => e.slice('workspaceContains:**/*'.length));
  assert.deepEqual(onWorkspace.sort(), contributes.languages.flatMap((l: { extensions: string[] }) => l.extensions).sort());
  for (const service of languages) {
    const contributed = contributes.languages.find((l: { id: string }) => l.id === service.id);
    assert.ok(contributed, `language ${service.id} is contributed`);
    assert.deepEqual([...contributed.extensions].sort(), [...service.extensions].sort(), `extensions of ${service.id}`);
  }
});

test('every file the manifest points at exists and parses', () => {
  const files = [
    manifest.main,
    manifest.icon,
    ...contributes.languages.map((l: { configuration: string }) => l.configuration),
    ...contributes.grammars.map((g: { path: string }) => g.path),
  ];
  for (const file of files) {
    const full = path.join(repoRoot, file);
    assert.ok(fs.existsSync(full), `${file} exists`);
    if (file.endsWith('.json')) assert.doesNotThrow(() => JSON.parse(fs.readFileSync(full, 'utf8')), `${file} is JSON`);
  }
  for (const g of contributes.grammars) {
    const grammar = JSON.parse(fs.readFileSync(path.join(repoRoot, g.path), 'utf8'));
    assert.equal(grammar.scopeName, g.scopeName, `${g.path} scope`);
    assert.ok(ids().includes(g.language), `${g.path} is for a contributed language`);
  }
});

test('language configurations use the comment tokens of their grammars', () => {
  const config = (id: string) =>
    JSON.parse(fs.readFileSync(path.join(repoRoot, 'language-configuration', `${id}.json`), 'utf8'));
  assert.deepEqual(config('tl').comments, { lineComment: tlHighlighting.lineComment, blockComment: tlHighlighting.blockComment });
  assert.deepEqual(config('fol').comments, { lineComment: folHighlighting.lineComment, blockComment: folHighlighting.blockComment });
  assert.deepEqual(config('mwp').comments, { lineComment: mwpHighlighting.lineComment });
  for (const id of languageIds) {
    const pairs = config(id).autoClosingPairs.map((p: { open: string }) => p.open);
    assert.ok(pairs.includes('"'), `${id} auto-closes quotes`);
  }
});

function ids(): string[] {
  return contributes.languages.map((l: { id: string }) => l.id);
}
