// A stand-in for src/cli/read-worker.ts that runs out of memory on a file named "hungry.eml"
// and answers any other with a fixed draft: for the isolation test in issue-cases.test.ts.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', (request) => {
  if (request.fileName === 'hungry.eml') {
    const hoard = [];
    for (let i = 0; ; i++) hoard.push({ i, text: `line ${i} of a message that never ends` });
  }
  parentPort.postMessage({ id: request.id, draft: { to: [], cc: [], bcc: [], subject: 'read by the stand-in', body: '', composeType: 'new', attachments: [] } });
});
parentPort.postMessage({ ready: true });
