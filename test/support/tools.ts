// Which real clients (qpdf, poppler, LibreOffice) this machine has; tests that need one skip with the reason when it is absent.
import { spawnSync } from 'node:child_process';

const cache = new Map<string, boolean>();

export function hasTool(command: string): boolean {
  let found = cache.get(command);
  if (found === undefined) {
    found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
    cache.set(command, found);
  }
  return found;
}

/** The reason a test is skipped, printed in the test's name so that nobody mistakes a skip for a pass. */
export function missing(...commands: string[]): string | undefined {
  const absent = commands.filter((c) => !hasTool(c));
  // CI installs every tool; there a missing one is a failure, not a skip.
  if (absent.length > 0 && process.env.BRIEFKIT_REQUIRE_TOOLS === '1') throw new Error(`required tools missing in CI: ${absent.join(', ')}`);
  return absent.length > 0 ? `skipped: ${absent.join(', ')} not installed (apt-get install qpdf poppler-utils libreoffice-impress fonts-liberation2 eot2ttf chromium unzip python3)` : undefined;
}
