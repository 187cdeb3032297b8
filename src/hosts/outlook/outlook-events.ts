/**
 * The one event runtime the add-in-only XML manifest declares (Outlook accepts a single
 * `<Runtime>` per add-in: Microsoft's "Runtimes element" reference). Mac runs its send check
 * from it and phones their three compose events, so it registers both sets of handlers; the
 * engine is bundled once. Classic Windows reads the same runtime's JavaScript override instead.
 */
import './send-check.ts';
import './mobile-check.ts';
