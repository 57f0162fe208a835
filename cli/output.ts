/** Writes one line to stdout, waiting when the pipe is full (large JSONL outputs). */
export async function writeLine(line: string): Promise<void> {
  if (!process.stdout.write(line + '\n')) {
    await new Promise<void>((resolve) => process.stdout.once('drain', () => resolve()));
  }
}

/** A one-line progress display on stderr: redrawn in place on a terminal, a line every few seconds otherwise. */
export class Progress {
  private last = 0;
  private lastText = '';
  private readonly tty = Boolean(process.stderr.isTTY);
  constructor(private readonly enabled = true) {}

  update(text: string, force = false): void {
    if (!this.enabled || text === this.lastText) return;
    const now = Date.now();
    if (this.tty) {
      process.stderr.write(`\r\x1b[2K${text}`);
    } else if (force || now - this.last > 3000) {
      process.stderr.write(`${text}\n`);
      this.last = now;
    }
    this.lastText = text;
  }

  done(text?: string): void {
    if (!this.enabled) return;
    if (this.tty) process.stderr.write('\r\x1b[2K');
    if (text) process.stderr.write(`${text}\n`);
    this.lastText = '';
  }
}
