import type { Writable } from 'node:stream';

/**
 * Writes `text` and resolves once the stream took it, rejecting on a write error
 * (closed pipe, full disk). A failed write is followed by an 'error' event; our
 * listener stays attached to absorb it, so it cannot crash the process.
 */
export function writeText(out: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    out.once('error', onError);
    try {
      out.write(text, (error) => {
        if (error) {
          reject(error);
          return;
        }
        out.off('error', onError);
        resolve();
      });
    } catch (error) {
      reject(error);
    }
  });
}
