// Runs s3rver and dynalite in a worker thread so their request handling uses the
// second core while the main thread parses pages. Plain JS: workers start without tsx.
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

const require = createRequire(import.meta.url);
const S3rver = require('s3rver');
const dynalite = require('dynalite');
const { s3Dir, dynamoDir } = workerData;

const s3rver = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: s3Dir });
const s3Address = await s3rver.run();
s3rver.on('event', (event) => {
  for (const record of event.Records) {
    if (record.eventName.startsWith('ObjectCreated:')) {
      parentPort.postMessage({ type: 'created', key: record.s3.object.key, size: record.s3.object.size ?? 0 });
    }
  }
});
const dyn = dynalite({ path: dynamoDir, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
await new Promise((resolve, reject) => {
  dyn.once('error', reject);
  dyn.listen(0, '127.0.0.1', resolve);
});
parentPort.on('message', async (message) => {
  if (message.type !== 'stop') return;
  await s3rver.close();
  await new Promise((resolve) => dyn.close(resolve));
  parentPort.postMessage({ type: 'stopped' });
});
parentPort.postMessage({ type: 'ready', s3Port: s3Address.port, dynamoPort: dyn.address().port });
