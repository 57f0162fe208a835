import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';

export type BatchHandler = (event: SQSEvent) => Promise<SQSBatchResponse | void>;

interface Message {
  id: string;
  body: string;
  receiveCount: number;
  visibleAt: number;
}

export interface LocalQueueOptions {
  name: string;
  /** Folder for dead-letter records (one JSON file per message). */
  dlqDir: string;
  batchSize?: number;
  /** Deliveries before a message goes to the dead-letter folder (SQS maxReceiveCount). */
  maxReceiveCount?: number;
  /** Batches handled at once. */
  concurrency?: number;
  /** Delay before a failed message is visible again; doubles per receive. */
  retryDelayMs?: number;
}

/**
 * An in-process stand-in for an SQS queue with a redrive policy: at-least-once
 * delivery in batches to a Lambda-shaped handler, partial batch failures
 * honoured, retries with backoff, and a dead-letter folder after
 * `maxReceiveCount` deliveries. Not durable across a crash: raw objects stay in
 * the bucket and `claimwire replay` re-drives them.
 */
export class LocalQueue {
  private readonly messages: Message[] = [];
  private inFlight = 0;
  private idleWaiters: Array<() => void> = [];
  private timer: NodeJS.Timeout | null = null;
  private handler: BatchHandler | null = null;
  /** Counters for progress displays and benchmarks; `busyMs` sums the time spent in the handler. */
  readonly stats = { sent: 0, succeeded: 0, retried: 0, deadLettered: 0, batches: 0, busyMs: 0 };

  constructor(private readonly options: LocalQueueOptions) {}

  get depth(): number {
    return this.messages.length + this.inFlight;
  }

  send(body: string): void {
    this.messages.push({ id: randomUUID(), body, receiveCount: 0, visibleAt: 0 });
    this.stats.sent++;
    this.pump();
  }

  consume(handler: BatchHandler): void {
    this.handler = handler;
    this.pump();
  }

  /** Resolves once every message has been handled or dead-lettered. */
  drain(): Promise<void> {
    if (this.depth === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(): void {
    if (!this.handler) return;
    const concurrency = this.options.concurrency ?? 2;
    const batchSize = this.options.batchSize ?? 5;
    while (this.inFlight < concurrency) {
      const now = Date.now();
      const batch: Message[] = [];
      for (let i = 0; i < this.messages.length && batch.length < batchSize; ) {
        if (this.messages[i]!.visibleAt <= now) batch.push(...this.messages.splice(i, 1));
        else i++;
      }
      if (batch.length === 0) break;
      this.inFlight += batch.length;
      void this.deliver(batch);
    }
    this.scheduleWake();
    if (this.depth === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
    }
  }

  private scheduleWake(): void {
    if (this.timer || this.messages.length === 0) return;
    const next = Math.min(...this.messages.map((m) => m.visibleAt));
    this.timer = setTimeout(() => {
      this.timer = null;
      this.pump();
    }, Math.max(0, next - Date.now()));
  }

  private async deliver(batch: Message[]): Promise<void> {
    for (const m of batch) m.receiveCount++;
    const event: SQSEvent = { Records: batch.map((m) => this.toRecord(m)) };
    let failed: Set<string>;
    let errorText: string | null = null;
    const started = performance.now();
    try {
      const response = await this.handler!(event);
      failed = new Set((response?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
    } catch (error) {
      // A handler that throws fails the whole batch, as on Lambda.
      failed = new Set(batch.map((m) => m.id));
      errorText = (error as Error).stack ?? String(error);
    }
    this.stats.batches++;
    this.stats.busyMs += performance.now() - started;
    for (const m of batch) {
      if (!failed.has(m.id)) {
        this.stats.succeeded++;
        continue;
      }
      if (m.receiveCount >= (this.options.maxReceiveCount ?? 5)) {
        this.stats.deadLettered++;
        await this.deadLetter(m, errorText);
      } else {
        this.stats.retried++;
        m.visibleAt = Date.now() + (this.options.retryDelayMs ?? 200) * 2 ** (m.receiveCount - 1);
        this.messages.push(m);
      }
    }
    this.inFlight -= batch.length;
    this.pump();
  }

  private async deadLetter(m: Message, errorText: string | null): Promise<void> {
    await mkdir(this.options.dlqDir, { recursive: true });
    const record = { queue: this.options.name, messageId: m.id, receiveCount: m.receiveCount, deadLetteredAt: new Date().toISOString(), lastError: errorText, body: m.body };
    await writeFile(join(this.options.dlqDir, `${m.id}.json`), JSON.stringify(record, null, 2));
  }

  private toRecord(m: Message): SQSRecord {
    return {
      messageId: m.id,
      receiptHandle: m.id,
      body: m.body,
      attributes: {
        ApproximateReceiveCount: String(m.receiveCount),
        SentTimestamp: String(Date.now()),
        SenderId: 'local',
        ApproximateFirstReceiveTimestamp: String(Date.now()),
      },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: `arn:aws:sqs:us-east-1:000000000000:${this.options.name}`,
      awsRegion: 'us-east-1',
    };
  }
}
