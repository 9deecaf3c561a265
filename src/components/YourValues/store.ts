// The reader's values as code blocks see them: validated substitutions in a tiny global store.
// It imports nothing heavy (it is on every page's critical path) and validates nothing itself.
import { useSyncExternalStore } from 'react';

/** Where the reader's raw values are kept (this browser only). */
export const STORAGE_KEY = 'toolhive-aws-sts:your-values';

/** The value keys, also the query parameters of a share link. */
export const VALUE_KEYS = [
  'issuer',
  'audience',
  'clientId',
  'accountId',
  'region',
  'defaultRole',
  's3Role',
  's3Group',
  'namespace',
  'domain',
] as const;

export type ValueKey = (typeof VALUE_KEYS)[number];

/** The reader's values in use by key: entered, valid and not the tutorial's own value. */
export type ValuesInUse = Readonly<Partial<Record<ValueKey, string>>>;

/** What the code blocks and forms read: values, replacements, and counts for the summary. */
export interface YourValuesSnapshot {
  /** What other forms start from; the issuer with its https://. */
  readonly inUse: ValuesInUse;
  /** `[from, to]`: a placeholder or tutorial default, and the reader's validated value. */
  readonly substitutions: readonly (readonly [string, string])[];
  /** Values the reader entered. */
  readonly entered: number;
  /** Entered values that are invalid (and therefore not substituted). */
  readonly invalid: number;
}

const EMPTY: YourValuesSnapshot = { inUse: {}, substitutions: [], entered: 0, invalid: 0 };
const listeners = new Set<() => void>();
let snapshot = EMPTY;
let pattern: RegExp | null = null;
let replacements = new Map<string, string>();

/** Replaces the snapshot; every code block re-renders with the new substitutions. */
export function publishYourValues(next: YourValuesSnapshot): void {
  snapshot = next;
  replacements = new Map(next.substitutions);
  const keys = [...replacements.keys()].filter((key) => key !== '');
  keys.sort((a, b) => b.length - a.length);
  pattern =
    keys.length === 0
      ? null
      : new RegExp(keys.map((key) => key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  listeners.forEach((listener) => listener());
}

/** Back to no substitutions (when the panel unmounts or the reader resets). */
export function clearYourValues(): void {
  publishYourValues(EMPTY);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const getSnapshot = (): YourValuesSnapshot => snapshot;
const getServerSnapshot = (): YourValuesSnapshot => EMPTY;

/** The current snapshot; server rendering and hydration always see none. */
export function useYourValues(): YourValuesSnapshot {
  return useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
}

/**
 * Applies the published substitutions in one pass (a value is never substituted again).
 * @example fillYourValues('arn:aws:iam::<ACCOUNT_ID>:role/DefaultMCPRole')
 */
export function fillYourValues(text: string): string {
  if (pattern === null) return text;
  return text.replace(pattern, (found) => replacements.get(found) ?? found);
}

/** What this browser keeps: the raw values, and the substitutions they passed validation as. */
export interface StoredYourValues {
  values: Partial<Record<ValueKey, string>>;
  snapshot: YourValuesSnapshot;
}

function isPairList(value: unknown): value is [string, string][] {
  return (
    Array.isArray(value) &&
    value.every(
      (pair) =>
        Array.isArray(pair) &&
        pair.length === 2 &&
        typeof pair[0] === 'string' &&
        typeof pair[1] === 'string'
    )
  );
}

/** The strings of `values` under a value key; anything else is dropped. */
function keyedStrings(values: unknown): Partial<Record<ValueKey, string>> {
  const kept: Partial<Record<ValueKey, string>> = {};
  if (typeof values !== 'object' || values === null) return kept;
  for (const key of VALUE_KEYS) {
    const value = (values as Record<string, unknown>)[key];
    if (typeof value === 'string') kept[key] = value;
  }
  return kept;
}

/** The stored values, or undefined when there are none (or storage is blocked or corrupt). */
export function readStoredYourValues(): StoredYourValues | undefined {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    if (raw === null) return undefined;
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { values, snapshot } = parsed as Record<string, unknown>;
    if (typeof values !== 'object' || values === null) return undefined;
    const { inUse, substitutions, entered, invalid } = (snapshot ?? {}) as Record<string, unknown>;
    const valid =
      isPairList(substitutions) && typeof entered === 'number' && typeof invalid === 'number';
    return {
      values: keyedStrings(values),
      // Stored before values in use were kept: the form fills them in when it re-validates.
      snapshot: valid ? { inUse: keyedStrings(inUse), substitutions, entered, invalid } : EMPTY,
    };
  } catch {
    return undefined;
  }
}

/** Keeps the values and their validated substitutions; forgets them when nothing is entered. */
export function writeStoredYourValues(stored: StoredYourValues): void {
  try {
    if (Object.keys(stored.values).length === 0) window.localStorage.removeItem(STORAGE_KEY);
    else window.localStorage.setItem(STORAGE_KEY, JSON.stringify(stored));
  } catch {
    // Storage blocked: the values still apply to this page.
  }
}

function sharedInAddress(): boolean {
  const params = new URLSearchParams(window.location.search);
  return VALUE_KEYS.some((key) => params.has(key));
}

/**
 * Shows the stored substitutions at once, before the form's code (which re-validates) arrives.
 * Values shared in the address wait for validation instead.
 */
export function applyStoredYourValues(): void {
  if (snapshot !== EMPTY || sharedInAddress()) return;
  const stored = readStoredYourValues();
  if (stored !== undefined) publishYourValues(stored.snapshot);
}

/** True when this browser has stored values or the URL carries shared ones (load the panel). */
export function hasYourValuesToApply(): boolean {
  try {
    if (window.localStorage.getItem(STORAGE_KEY) !== null) return true;
  } catch {
    // Storage can be blocked; the share link still works.
  }
  return sharedInAddress();
}
