import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { TransientError } from '../errors.ts';
import type { FetchMessage, FetchQueue } from '../ports.ts';

/** {@link FetchQueue} on SQS: batches of 10, failed entries resent, then a TransientError. */
export class SqsFetchQueue implements FetchQueue {
  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async send(messages: FetchMessage[]): Promise<void> {
    for (let i = 0; i < messages.length; i += 10) {
      let entries = messages.slice(i, i + 10).map((m, j) => ({ Id: String(i + j), MessageBody: JSON.stringify(m) }));
      for (let attempt = 1; entries.length > 0; attempt++) {
        if (attempt > 4) throw new TransientError(`SQS refused ${entries.length} fetch message(s) after 3 resends`);
        const out = await this.sqs.send(new SendMessageBatchCommand({ QueueUrl: this.queueUrl, Entries: entries }));
        const failed = new Set((out.Failed ?? []).map((f) => f.Id));
        entries = entries.filter((e) => failed.has(e.Id));
        if (entries.length > 0) await new Promise((r) => setTimeout(r, 100 * 2 ** attempt));
      }
    }
  }
}
