/**
 * The panel's state: read the draft from the host, check it (debounced, and only when it
 * changed), apply a suggestion's edits with a safe Undo, and keep dismissals with the draft
 * through the host, so they survive the pane reopening and the send-time check honours them.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FreeMailLookup } from '../engine/free-mail.ts';
import type { ResolvedPolicy } from '../engine/policy.ts';
import type { Draft, Finding, Suggestion } from '../engine/types.ts';
import { type Dismissal, MemoryDismissals } from './dismissals.ts';
import { type DraftHost, EditRefused } from './host.ts';
import { problemKey } from './problems.ts';
import { planUndo, UndoNotPossible, type UndoPlan, undoEdits } from './undo.ts';

export type Notice =
  /** A fix was made; `plan` is how to take it back out (absent: it cannot be undone here). */
  | { kind: 'applied'; title: string; plan?: UndoPlan; undoWithdrawn?: boolean }
  | { kind: 'refused'; message: string }
  | { kind: 'undone'; title: string }
  | { kind: 'failed' };

export interface ProtocolCheckState {
  status: 'checking' | 'ready' | 'failed';
  findings: Finding[];
  /** The draft as last checked (empty drafts get their own message). */
  draft?: Draft;
  /** Dismissed problems by key, with the reason given. */
  dismissed: Map<string, string>;
  notice?: Notice;
  /** Increments after each Apply/Undo, so the panel can move focus once the re-check lands. */
  actionCount: number;
  apply(suggestion: Suggestion): Promise<void>;
  undo(): Promise<void>;
  dismiss(key: string, reason: string): Promise<void>;
  restoreDismissed(key: string): Promise<void>;
  recheck(): Promise<void>;
}

/** Identifies a finding's problem across re-checks (problems.ts). */
export const findingKey = problemKey;

const DEBOUNCE_MS = 250;

/**
 * The maintained free-mail list is loaded apart from the page's first download (it is most of
 * the engine's size); every check waits for it and passes it to check(), so no finding depends
 * on timing and the pages find what the CLI and the send-time script find.
 */
let maintainedFreeMailList: Promise<FreeMailLookup> | undefined;
function loadFreeMail(): Promise<FreeMailLookup> {
  // If the chunk cannot be loaded (the site was redeployed under the open pane, say), check with
  // the core list rather than not at all.
  maintainedFreeMailList ??= import('../engine/free-mail-full.ts').then(
    (list) => list.maintainedFreeMail,
    async (error: unknown) => {
      console.warn('Protocol Checker: the full free-mail list did not load; using the core list.', error);
      return (await import('../engine/free-mail.ts')).coreFreeMail;
    },
  );
  return maintainedFreeMailList;
}

/**
 * The engine (the rules, the lexicon and the learned scorers: about half the pane's code) is a
 * chunk of its own, so that the pane's shell is on screen while it downloads; the first check
 * waits for it. A failure to load it is the check's failure ("failed"), reported as one.
 */
let engine: Promise<typeof import('../engine/check.ts')> | undefined;
function loadEngine(): Promise<typeof import('../engine/check.ts')> {
  if (!engine) {
    engine = import('../engine/check.ts');
    engine.catch(() => {
      engine = undefined; // tried again at the next check
    });
  }
  return engine;
}

// Both started as soon as the panel's code runs, so they download while the page fetches the
// policy rather than after it.
if (typeof window !== 'undefined') {
  void loadFreeMail();
  // Once the engine is in, its vocabulary is read while the page waits on the policy: the first
  // check then finds the phrases read (a few hundred milliseconds on a slow machine).
  void loadEngine().then(
    (engine) => setTimeout(() => engine.prepareVocabulary(), 0),
    () => undefined,
  );
}

export function useProtocolCheck(host: DraftHost, policy: ResolvedPolicy): ProtocolCheckState {
  const [status, setStatus] = useState<ProtocolCheckState['status']>('checking');
  const [findings, setFindings] = useState<Finding[]>([]);
  const [dismissals, setDismissals] = useState<Dismissal[]>([]);
  const [draft, setDraft] = useState<Draft | undefined>();
  const [fallbackStore] = useState(() => new MemoryDismissals());
  const store = host.dismissals ?? fallbackStore;
  const [notice, setNotice] = useState<Notice | undefined>();
  const [actionCount, setActionCount] = useState(0);
  const lastChecked = useRef<string>('');
  const lastDraft = useRef<Draft | undefined>(undefined);
  const running = useRef<Promise<void> | undefined>(undefined);

  const runCheck = useCallback(
    async (force = false) => {
      try {
        const [{ check, draftDateOr }, freeMail] = await Promise.all([loadEngine(), loadFreeMail()]);
        const draft = await host.read();
        // The dismissals kept with this draft (another draft, or a pane reopened, has its own).
        const stored = await store.load().catch(() => []);
        setDismissals((now) => (JSON.stringify(now) === JSON.stringify(stored) ? now : stored));
        // Skip the work when nothing changed (the host may poll). A host that gives back the
        // same Draft object for an unchanged item (Outlook's) is answered without serialising it.
        if (!force && draft === lastDraft.current && lastChecked.current) return;
        const signature = JSON.stringify(draft) + (policy.source ?? '');
        if (!force && signature === lastChecked.current) {
          lastDraft.current = draft;
          return;
        }
        lastChecked.current = signature;
        lastDraft.current = draft;
        // The send date the writer gave (the preview and Teams forms), else now.
        setFindings(check(draft, policy, { now: draftDateOr(draft, new Date()), freeMail }));
        setDraft(draft);
        setStatus('ready');
      } catch (error) {
        console.error('Protocol Checker: the check failed', error);
        setStatus('failed');
      }
    },
    [host, policy, store],
  );

  const recheck = useCallback(async () => {
    running.current = runCheck(true);
    await running.current;
  }, [runCheck]);

  useEffect(() => {
    lastChecked.current = '';
    void runCheck(true);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = host.subscribe(() => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void runCheck(), DEBOUNCE_MS);
    });
    return () => {
      if (timer) clearTimeout(timer);
      unsubscribe();
    };
  }, [host, runCheck]);

  const apply = useCallback(
    async (suggestion: Suggestion) => {
      const before = lastDraft.current;
      try {
        await host.apply(suggestion.edits, before);
      } catch (error) {
        setNotice(error instanceof EditRefused ? { kind: 'refused', message: error.message } : { kind: 'failed' });
        if (!(error instanceof EditRefused)) console.error('Applying a fix failed', error);
        await recheck();
        setActionCount((n) => n + 1);
        return;
      }
      let plan: UndoPlan | undefined;
      try {
        plan = before ? planUndo(before, suggestion.edits) : undefined;
      } catch {
        plan = undefined;
      }
      // Checked again first, so that the notice (and whether Undo still fits) is judged on the
      // draft as the fix left it.
      await recheck();
      setNotice({ kind: 'applied', title: suggestion.title, ...(plan ? { plan } : {}) });
      setActionCount((n) => n + 1);
    },
    [host, recheck],
  );

  // Undo takes back only the fix's own changes, found again in the draft as it is now; the
  // user's later typing is never overwritten (undo.ts).
  const undo = useCallback(async () => {
    if (notice?.kind !== 'applied' || !notice.plan) return;
    try {
      const current = await host.read();
      await host.apply(undoEdits(notice.plan, current), current);
      setNotice({ kind: 'undone', title: notice.title });
    } catch (error) {
      if (error instanceof UndoNotPossible || error instanceof EditRefused) setNotice({ kind: 'refused', message: error.message });
      else {
        console.error('Undo failed', error);
        setNotice({ kind: 'failed' });
      }
    }
    await recheck();
    setActionCount((n) => n + 1);
  }, [host, notice, recheck]);

  // Withdraw Undo as soon as the words the fix wrote have been changed: it could no longer work.
  useEffect(() => {
    if (notice?.kind !== 'applied' || !notice.plan || !lastDraft.current) return;
    try {
      undoEdits(notice.plan, lastDraft.current);
    } catch {
      setNotice({ kind: 'applied', title: notice.title, undoWithdrawn: true });
    }
  }, [findings, notice]);

  const dismissed = useMemo(() => new Map(dismissals.map((d) => [d.key, d.reason])), [dismissals]);

  const saveDismissals = useCallback(
    async (next: Dismissal[]) => {
      setDismissals(next);
      try {
        await store.save(next);
      } catch (error) {
        // Kept for this pane at least; say nothing alarming, but the send-time check will not know.
        console.warn('Protocol Checker: the dismissal could not be stored with the draft.', error);
      }
    },
    [store],
  );

  const dismiss = useCallback(
    async (key: string, reason: string) => {
      await saveDismissals([...dismissals.filter((d) => d.key !== key), { key, reason: reason.trim() }]);
      setActionCount((n) => n + 1);
    },
    [dismissals, saveDismissals],
  );

  const restoreDismissed = useCallback(
    async (key: string) => {
      await saveDismissals(dismissals.filter((d) => d.key !== key));
    },
    [dismissals, saveDismissals],
  );

  return { status, findings, ...(draft ? { draft } : {}), dismissed, notice, actionCount, apply, undo, dismiss, restoreDismissed, recheck };
}
