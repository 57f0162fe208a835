import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LocalPipeline } from '../../local/runtime.ts';
import { KEYS } from '../../shared/tables.ts';
import type { FailureRecord } from '../../shared/types.ts';
import { withLocalPipeline } from '../context.ts';
import type { CliValues } from '../main.ts';
import { writeLine } from '../output.ts';

export interface FailureLine extends Partial<FailureRecord> {
  kind: 'failure' | 'dead-letter';
  stage: FailureRecord['stage'];
  queue?: string;
  messageId?: string;
  body?: string;
}

/** Failure records in the bucket plus dead letters of the local queues. */
export async function listFailures(pipeline: LocalPipeline): Promise<FailureLine[]> {
  const lines: FailureLine[] = [];
  for await (const item of pipeline.blobs.list(KEYS.failuresPrefix)) {
    const object = await pipeline.blobs.get(item.key);
    if (!object) continue;
    lines.push({ kind: 'failure', ...(JSON.parse(new TextDecoder().decode(object.body)) as FailureRecord) });
  }
  for (const queue of ['fetch', 'process'] as const) {
    const dir = join(pipeline.dataDir, 'dlq', queue);
    let files: string[] = [];
    try {
      files = await readdir(dir);
    } catch {
      continue;
    }
    for (const file of files.filter((f) => f.endsWith('.json'))) {
      const record = JSON.parse(await readFile(join(dir, file), 'utf8'));
      lines.push({
        kind: 'dead-letter',
        stage: queue,
        queue,
        messageId: record.messageId,
        reason: String(record.lastError ?? 'handler reported the message as failed').split('\n')[0],
        failedAt: record.deadLetteredAt,
        body: record.body,
      });
    }
  }
  lines.sort((a, b) => String(b.failedAt).localeCompare(String(a.failedAt)));
  return lines;
}

/** `claimwire failures`. */
export async function failuresCommand(values: CliValues): Promise<number> {
  return withLocalPipeline(values, async (pipeline) => {
    const lines = await listFailures(pipeline);
    for (const x of lines) {
      await writeLine(values.json ? JSON.stringify(x) : `${x.failedAt ?? '-'}  ${x.kind}/${x.stage}  ${x.url ?? x.rawKey ?? x.messageId ?? ''}  ${x.reason ?? ''}`);
    }
    if (!values.json && lines.length === 0) process.stderr.write('no failures recorded\n');
    return 0;
  });
}
