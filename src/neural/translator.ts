// The whole NL->TL pipeline: recognise the sentence's propositions, lift them to prop_i, translate
// the lifted sentence with the seq2seq model, ground the props back to names, and read the result
// back in English. Many requests share one batched model call.
import * as path from 'node:path';
import type { TranslateRequest, TranslateResult, Translation } from '../core/neuralApi';
import type { ExecutionProviderChoice } from '../core/settings';
import { explain, fromJson, parseFormula, printFormula, sameMeaning, toJson, type Formula, type FormulaJson } from '../languages/tl/api';
import { ApTagger } from './apTagger';
import { cleanTaggedSpans, coverUnseenWords, declaredSpans, liftSentence, liftedSpans, markedSpans, mergeSpans, type ApSpan, type Lifted } from './apRecognition';
import { ground } from './grounding';
import { Nl2tlModel, type Style } from './nl2tlModel';
import { tokenize, toModelInput } from './nl2tlText';
import { translateRequirement, type SymbolicTranslation } from './requirements/index';
import { readWords } from './requirements/words';
import { confidenceOf, evidence, loadConfidence, type ConfidenceEvidence, type ConfidenceTable } from './requirements/confidence';

export const defaultBeams = 4;

/** A translation plus the lifted sentence the model read. */
export interface NlTranslation extends Translation {
  liftedSentence: string;
}

export interface NlTranslateResult extends TranslateResult {
  best: NlTranslation;
  alternatives: NlTranslation[];
  /** Which reading came first: the requirement grammar's, or the model's beam. */
  reader: 'grammar' | 'model';
  evidence: ConfidenceEvidence;
}
const maxBeams = 16;
const maxSentenceChars = 2000;

/**
 * The candidates without those that mean the same as an earlier one (redundant parentheses, `G G a` and `G a`,
 * reordered operands), decided by `nesy equiv`'s procedure. Beam formulas are small and decided in well under
 * a millisecond; past a 20 ms budget for the whole list, only identical spellings are merged.
 */
export function distinctMeanings(candidates: readonly NlTranslation[], budgetMs = 20): NlTranslation[] {
  const deadline = performance.now() + budgetMs;
  const kept: { t: NlTranslation; f: Formula }[] = [];
  for (const t of candidates) {
    const parsed = parseFormula(t.formula);
    if (!parsed.ok) continue;
    const same = (k: { t: NlTranslation; f: Formula }) => {
      const left = deadline - performance.now();
      return k.t.formula === t.formula || (left > 0 && sameMeaning(k.f, parsed.formula, left));
    };
    if (kept.some(same)) continue;
    kept.push({ t, f: parsed.formula });
  }
  return kept.map((k) => k.t);
}

export class Translator {
  private constructor(
    readonly model: Nl2tlModel,
    private readonly tagger: ApTagger,
    private readonly confidence: ConfidenceTable,
  ) {}

  /** Loads models/nl2tl from `modelsDir`; throws one clear line if a file is missing or broken. */
  static async load(modelsDir: string, ep: ExecutionProviderChoice): Promise<Translator> {
    const dir = path.join(modelsDir, 'nl2tl');
    // allSettled, not all: a failed load must wait for its sibling, because stopping the worker while
    // onnxruntime still creates a session aborts the whole process (test/reliability/neural-faults.test.ts).
    const [model, tagger] = await Promise.allSettled([Nl2tlModel.load(dir, ep), ApTagger.load(dir, ep)]);
    // The requirement grammar's English models load in about 0.3 s: pay that here, not in the first translation.
    readWords('warm up');
    let confidence: ConfidenceTable | Error;
    try {
      confidence = loadConfidence(dir);
    } catch (e) {
      confidence = e as Error;
    }
    if (model.status === 'fulfilled' && tagger.status === 'fulfilled' && !(confidence instanceof Error)) return new Translator(model.value, tagger.value, confidence);
    await Promise.all([model, tagger].map((r) => (r.status === 'fulfilled' ? r.value.release() : undefined)));
    throw model.status === 'rejected' ? model.reason : tagger.status === 'rejected' ? tagger.reason : confidence;
  }

  get ep(): string {
    return this.model.ep;
  }

  get note(): string | undefined {
    return this.model.note;
  }

  /** Recognises and lifts the propositions of each sentence. */
  async lift(requests: readonly TranslateRequest[]): Promise<Lifted[]> {
    const spans = requests.map((r) => {
      const lifted = liftedSpans(r.sentence);
      if (lifted.length > 0) return { fixed: lifted, free: false };
      return { fixed: mergeSpans(declaredSpans(r.sentence, r.declared ?? []), markedSpans(r.sentence)), free: true };
    });
    const needTagger = requests.map((_, i) => i).filter((i) => spans[i]!.free);
    const tokens = requests.map((r) => tokenize(r.sentence));
    const tagged = needTagger.length > 0 ? await this.tagger.tag(needTagger.map((i) => tokens[i]!.map((t) => t.text))) : [];
    const fromTagger = new Map<number, ApSpan[]>();
    needTagger.forEach((i, k) => {
      fromTagger.set(i, cleanTaggedSpans(requests[i]!.sentence, tokens[i]!, tagged[k]!, spans[i]!.fixed));
    });
    return requests.map((r, i) => {
      const found = mergeSpans(spans[i]!.fixed, fromTagger.get(i) ?? []);
      return liftSentence(r.sentence, spans[i]!.free ? coverUnseenWords(r.sentence, tokens[i]!, found, (w) => this.model.knows(w)) : found);
    });
  }

  async translate(requests: readonly TranslateRequest[], signal?: AbortSignal): Promise<(NlTranslateResult | Error)[]> {
    const started = performance.now();
    const results: (NlTranslateResult | Error)[] = requests.map(() => new Error('not translated'));
    const valid: number[] = [];
    requests.forEach((r, i) => {
      if (r.sentence.trim() === '') results[i] = new Error('The sentence is empty.');
      else if (r.sentence.length > maxSentenceChars) results[i] = new Error(`The sentence is too long (${r.sentence.length} characters; at most ${maxSentenceChars}).`);
      else if (tokenize(r.sentence).length > this.model.maxWords) results[i] = new Error(`The sentence is too long (${tokenize(r.sentence).length} words; at most ${this.model.maxWords}).`);
      else valid.push(i);
    });
    const lifted = await this.lift(valid.map((i) => requests[i]!));
    const runnable: number[] = [];
    valid.forEach((i, k) => {
      const problem = lifted[k]!.props.size === 0 ? 'No propositions found: mark them with quotes, e.g. always "avoid the red zone".' : this.model.problem(toModelInput(lifted[k]!.text));
      if (problem) results[i] = new Error(problem);
      else runnable.push(k);
    });
    const beams = Math.min(maxBeams, Math.max(1, ...runnable.map((k) => requests[valid[k]!]!.beams ?? defaultBeams)));
    // The model is trusted on the corpus it learned from: a sentence made only of NL2TL's navigation words
    // is in that corpus's phrasing (where "whenever X" means eventually X); other free text is requirement phrasing.
    const inCorpus = valid.map((i) => this.tagger.inCorpusPhrasing(tokenize(requests[i]!.sentence).map((t) => t.text.toLowerCase())));
    const freeStyle = (k: number): Style => (inCorpus[k] || !this.model.hasStyle('req') ? 'navi' : 'req');
    const styles = runnable.map((k): Style => ([...lifted[k]!.props.values()].every((p) => p.source === 'lifted') ? 'nl2tl' : freeStyle(k)));
    const translations = runnable.length > 0 ? await this.model.translate(runnable.map((k) => lifted[k]!.text), styles, beams, signal) : [];
    // Free text the requirement grammar reads exactly is translated by it; the model's beam follows as alternatives.
    const symbolic = valid.map((i) => (liftedSpans(requests[i]!.sentence).length > 0 ? undefined : translateRequirement(requests[i]!.sentence, requests[i]!.declared)));
    const ms = performance.now() - started;
    valid.forEach((i, k) => {
      const request = requests[i]!;
      const n = runnable.indexOf(k);
      const read = symbolic[k] ? [this.fromReading(request, symbolic[k]!)] : [];
      if (read.length === 0 && n < 0) return;
      const beam = n >= 0 ? translations[n]!.map((t) => this.ground(request, lifted[k]!, t.formula, t.score)) : [];
      // A sentence in the model's own corpus's phrasing goes to it first.
      const modelFirst = beam.length > 0 && inCorpus[k]!;
      const wanted = Math.max(1, Math.min(maxBeams, request.beams ?? defaultBeams));
      const options = distinctMeanings(modelFirst ? [beam[0]!, ...read, ...beam.slice(1)] : [...read, ...beam]).slice(0, wanted);
      if (options.length === 0) {
        results[i] = new Error('The model produced no complete formula for this sentence.');
        return;
      }
      const best = options[0]!;
      // A grammar proposition is as long as its content words; a model proposition is its tagged span.
      const propWords = best === read[0] ? symbolic[k]!.props.map((p) => p.content) : Object.values(best.props).map((p) => p.text);
      const found = evidence(best.formula, best.english, propWords, read[0]?.formula, beam[0]?.formula);
      const confidence = confidenceOf(this.confidence, found);
      results[i] = {
        best,
        alternatives: options.slice(1),
        ep: this.ep,
        ms,
        reader: read.length > 0 && !modelFirst ? 'grammar' : 'model',
        evidence: found,
        confidence,
        uncertain: confidence < this.confidence.uncertainBelow,
      };
    });
    return results;
  }

  /** The requirement grammar's reading as a translation; its score ranks it above every beam entry. */
  private fromReading(request: TranslateRequest, reading: SymbolicTranslation): NlTranslation {
    const lifted = new Map(reading.props.map((p, i) => [p.name, `prop_${i + 1}`]));
    const rename = (j: FormulaJson): FormulaJson =>
      j.kind === 'prop' ? { kind: 'prop', name: lifted.get(j.name) ?? j.name } : 'args' in j ? { ...j, args: j.args.map(rename) } : j;
    const descriptions = new Map(reading.props.map((p) => [p.name, request.declared?.find((d) => d.name === p.name)?.description ?? p.text]));
    const props: Translation['props'] = {};
    reading.props.forEach((p, i) => {
      props[`prop_${i + 1}`] = { text: p.text, span: [p.start, p.end], name: p.name, declared: p.declared };
    });
    let liftedSentence = request.sentence;
    for (const [i, p] of [...reading.props.entries()].sort((x, y) => y[1].start - x[1].start)) {
      liftedSentence = `${liftedSentence.slice(0, p.start)}( prop_${i + 1} )${liftedSentence.slice(p.end)}`;
    }
    return {
      formula: printFormula(reading.formula, request.style ?? 'ascii'),
      lifted: printFormula(fromJson(rename(toJson(reading.formula))), 'nl2tl'),
      props,
      english: explain(reading.formula, descriptions),
      score: 0,
      liftedSentence,
    };
  }

  private ground(request: TranslateRequest, lifted: Lifted, formula: string, score: number): NlTranslation {
    const parsed = parseFormula(formula);
    if (!parsed.ok) throw new Error(`Internal error: the constrained decoder produced an unparsable formula: ${formula}`);
    const names = ground(lifted.props, (request.declared ?? []).map((d) => d.name));
    const rename = (j: FormulaJson): FormulaJson =>
      j.kind === 'prop' ? { kind: 'prop', name: names.get(j.name)?.name ?? j.name } : 'args' in j ? { ...j, args: j.args.map(rename) } : j;
    const grounded = fromJson(rename(toJson(parsed.formula)));
    const descriptions = new Map<string, string>();
    const props: Translation['props'] = {};
    for (const [id, span] of lifted.props) {
      const g = names.get(id)!;
      const description = request.declared?.find((d) => d.name === g.name)?.description;
      descriptions.set(g.name, description ?? span.text);
      props[id] = { text: span.text, span: [span.start, span.end], name: g.name, declared: g.declared };
    }
    return {
      formula: printFormula(grounded, request.style ?? 'ascii'),
      lifted: printFormula(parsed.formula, 'nl2tl'),
      props,
      english: explain(grounded, descriptions),
      score,
      liftedSentence: lifted.text,
    };
  }

  async release(): Promise<void> {
    await Promise.all([this.model.release(), this.tagger.release()]);
  }
}
