import type { PipelineStats } from '../alerting/pipeline.js';

/**
 * A one-line progress display on stderr ("12/40 files · 35,120 events"),
 * redrawn at most a few times a second, and only on a terminal: piped stderr
 * and CI logs get the closing summary alone.
 */
export class ProgressLine {
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private readonly out: NodeJS.WritableStream & { isTTY?: boolean },
    private readonly totalFiles: number,
    private readonly enabled: boolean,
    private readonly now: () => number = Date.now,
  ) {}

  update(stats: Readonly<PipelineStats>): void {
    if (!this.enabled) return;
    const t = this.now();
    const done = stats.objects + stats.skipped;
    if (t - this.lastDraw < 100 && done < this.totalFiles) return;
    this.lastDraw = t;
    this.drawn = true;
    const pct = this.totalFiles > 0 ? Math.floor((done / this.totalFiles) * 100) : 100;
    this.out.write(
      `\r\x1b[Kscanning ${done}/${this.totalFiles} files (${pct}%) · ${stats.events.toLocaleString('en-US')} events · ${stats.findings} findings`,
    );
  }

  /** Clears the line so the summary starts clean. */
  finish(): void {
    if (this.drawn) this.out.write('\r\x1b[K');
  }
}
