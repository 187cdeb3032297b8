/**
 * The policy at run time (contract 7): the council's policy.json beside the add-in's files,
 * or `?policy=<path>` on the same origin; no file → the embedded default; a broken file →
 * the embedded default and a notice naming the file and the field. Cached for the session.
 * DOM-free (only `fetch`), so the send-time script can use it with an absolute base URL.
 */
import type { ResolvedPolicy } from '../engine/policy.ts';
import { embeddedDefaultPolicy } from '../policy/resolve.ts';

export interface RuntimePolicy {
  policy: ResolvedPolicy;
  /** Set when the council's file exists but could not be used (or was used with problems). */
  notice?: string;
  /** Where the policy came from: the file's name, or "embedded default". */
  source: string;
}

const cache = new Map<string, Promise<RuntimePolicy>>();

/** Where to read the policy from: `?policy=` if it names a same-origin file, else policy.json at the base. */
export function policyUrl(baseUrl: string, search = ''): { url: string; explicit: boolean; notice?: string } {
  // Without ?policy= this needs no URL class: Outlook's JavaScript-only runtime may not have one.
  if (!search.includes('policy=')) return { url: `${baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`}policy.json`, explicit: false };
  const base = new URL(baseUrl);
  const requested = new URLSearchParams(search).get('policy');
  if (requested) {
    const url = new URL(requested, base);
    if (url.origin === base.origin) return { url: url.href, explicit: true };
    return { url: new URL('policy.json', base).href, explicit: false, notice: `The policy at ${requested} is on another site, so it was not read.` };
  }
  return { url: new URL('policy.json', base).href, explicit: false };
}

export function loadRuntimePolicy(baseUrl: string, search = '', fetchImpl: typeof fetch = fetch): Promise<RuntimePolicy> {
  const { url, explicit, notice: originNotice } = policyUrl(baseUrl, search);
  let pending = cache.get(url);
  if (!pending) {
    pending = fetchPolicy(url, explicit, fetchImpl).then((r) => (originNotice ? { ...r, notice: [originNotice, r.notice].filter(Boolean).join(' ') } : r));
    cache.set(url, pending);
  }
  return pending;
}

/** Forget cached policies (tests; a monitoring officer reloading the preview). */
export function clearPolicyCache(): void {
  cache.clear();
}

async function fetchPolicy(url: string, explicit: boolean, fetchImpl: typeof fetch): Promise<RuntimePolicy> {
  const name = decodeURIComponent(url.split(/[?#]/)[0]!.split('/').pop() || 'policy.json');
  // The validator is a chunk apart from the page's first download; it is fetched while the policy
  // is, not after it (a council without a file has downloaded it for nothing, which costs less
  // than every council waiting for it in turn).
  const loader = import('../policy/load.ts');
  loader.catch(() => undefined);
  let text: string;
  try {
    const response = await fetchImpl(url, { cache: 'no-cache', credentials: 'same-origin' });
    if (response.status === 404) {
      return {
        policy: embeddedDefaultPolicy(),
        source: 'embedded default',
        ...(explicit ? { notice: `There is no policy file at ${name}, so the built-in default policy is in use.` } : {}),
      };
    }
    if (!response.ok) throw new Error(`the server answered ${response.status}`);
    text = await response.text();
  } catch (error) {
    return {
      policy: embeddedDefaultPolicy(),
      source: 'embedded default',
      notice: `${name} could not be read (${error instanceof Error ? error.message : String(error)}), so the built-in default policy is in use.`,
    };
  }
  const { formatProblem, parsePolicyText } = await loader;
  const { policy, problems } = parsePolicyText(text, name);
  if (!policy) {
    return {
      policy: embeddedDefaultPolicy(),
      source: 'embedded default',
      notice: `${name} could not be used, so the built-in default policy is in use. ${problems.map(formatProblem).join(' ')}`,
    };
  }
  return { policy, source: name, ...(problems.length ? { notice: `${name} has problems; the rest of it is in use. ${problems.map(formatProblem).join(' ')}` } : {}) };
}
