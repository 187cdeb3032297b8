// Starts read-worker.ts in a worker thread: the TypeScript is loaded through tsx, as bin/protocol-check.js does.
import { register } from 'tsx/esm/api';

register();
await import('./read-worker.ts');
