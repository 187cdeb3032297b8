/**
 * The panel's state: read the draft from the host, check it (debounced, and only when it
 * changed), apply a suggestion's edits with Undo, and remember dismissals for this draft.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { check, draftDateOr } from '../engine/check.ts';
import { coreFreeMail, type FreeMailLookup } from '../engine/free-mail.ts';
import type { ResolvedPolicy } from '../engine/policy.ts';
import type { Draft, Finding, Suggestion } from '../engine/types.ts';
import { type DraftHost, EditRefused } from './host.ts';

export type Notice =
  | { kind: 'applied'; title: string; snapshot: unknown }
  | { kind: 'refused'; message: string }
  | { kind: 'undone' }
  | { kind: 'failed' };

export interface ProtocolCheckState {
  status: 'checking' | 'ready' | 'failed';
  findings: Finding[];
  dismissed: Map<string, string>;
  notice?: Notice;
  /** Increments after each Apply/Undo, so the panel can move focus once the re-check lands. */
  actionCount: number;
  apply(suggestion: Suggestion): Promise<void>;
  undo(): Promise<void>;
  dismiss(finding: Finding, reason: string): void;
  restoreDismissed(key: string): void;
  recheck(): Promise<void>;
}

/** Identifies a finding across re-checks: rule, field, and who or what it is about. */
export function findingKey(f: Finding): string {
  return [f.rule, f.messageId, f.evidence.field, f.evidence.recipient ?? '', f.evidence.quote ?? ''].join('|');
}

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
    (error: unknown) => {
      console.warn('Protocol check: the full free-mail list did not load; using the core list.', error);
      return coreFreeMail;
    },
  );
  return maintainedFreeMailList;
}

export function useProtocolCheck(host: DraftHost, policy: ResolvedPolicy): ProtocolCheckState {
  const [status, setStatus] = useState<ProtocolCheckState['status']>('checking');
  const [findings, setFindings] = useState<Finding[]>([]);
  const [dismissedByDraft, setDismissedByDraft] = useState<Map<string, Map<string, string>>>(new Map());
  const [notice, setNotice] = useState<Notice | undefined>();
  const [actionCount, setActionCount] = useState(0);
  const lastChecked = useRef<string>('');
  const lastDraft = useRef<Draft | undefined>(undefined);
  const running = useRef<Promise<void> | undefined>(undefined);
  const draftKey = host.draftKey?.() ?? 'draft';

  const runCheck = useCallback(
    async (force = false) => {
      try {
        const freeMail = await loadFreeMail();
        const draft = await host.read();
        // Skip the work when nothing changed (the host may poll).
        const signature = JSON.stringify(draft) + (policy.source ?? '');
        if (!force && signature === lastChecked.current) return;
        lastChecked.current = signature;
        lastDraft.current = draft;
        // The send date the writer gave (the preview and Teams forms), else now.
        setFindings(check(draft, policy, { now: draftDateOr(draft, new Date()), freeMail }));
        setStatus('ready');
      } catch (error) {
        console.error('Protocol check failed', error);
        setStatus('failed');
      }
    },
    [host, policy],
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
      let snapshot: unknown;
      try {
        snapshot = await host.snapshot();
        await host.apply(suggestion.edits, lastDraft.current);
      } catch (error) {
        setNotice(error instanceof EditRefused ? { kind: 'refused', message: error.message } : { kind: 'failed' });
        if (!(error instanceof EditRefused)) console.error('Applying a fix failed', error);
        await recheck();
        setActionCount((n) => n + 1);
        return;
      }
      setNotice({ kind: 'applied', title: suggestion.title, snapshot });
      await recheck();
      setActionCount((n) => n + 1);
    },
    [host, recheck],
  );

  const undo = useCallback(async () => {
    if (notice?.kind !== 'applied') return;
    try {
      await host.restore(notice.snapshot);
      setNotice({ kind: 'undone' });
    } catch (error) {
      console.error('Undo failed', error);
      setNotice({ kind: 'failed' });
    }
    await recheck();
    setActionCount((n) => n + 1);
  }, [host, notice, recheck]);

  const dismissed = useMemo(() => dismissedByDraft.get(draftKey) ?? new Map<string, string>(), [dismissedByDraft, draftKey]);

  const dismiss = useCallback(
    (finding: Finding, reason: string) => {
      setDismissedByDraft((all) => {
        const next = new Map(all);
        const forDraft = new Map(next.get(draftKey) ?? []);
        forDraft.set(findingKey(finding), reason.trim());
        next.set(draftKey, forDraft);
        return next;
      });
      setActionCount((n) => n + 1);
    },
    [draftKey],
  );

  const restoreDismissed = useCallback(
    (key: string) => {
      setDismissedByDraft((all) => {
        const next = new Map(all);
        const forDraft = new Map(next.get(draftKey) ?? []);
        forDraft.delete(key);
        next.set(draftKey, forDraft);
        return next;
      });
    },
    [draftKey],
  );

  return { status, findings, dismissed, notice, actionCount, apply, undo, dismiss, restoreDismissed, recheck };
}
