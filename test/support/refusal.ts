// A call that must be refused in, the diagnostics of its BriefkitError out (any other outcome fails the test).
import { BriefkitError, type Diagnostic } from '../../src/diagnostics.js';

export function refusal(run: () => unknown): Diagnostic[] {
  try {
    run();
  } catch (error) {
    if (error instanceof BriefkitError) return error.diagnostics;
    throw error;
  }
  throw new Error('expected a BriefkitError');
}

export async function refusalOf(run: () => Promise<unknown>): Promise<Diagnostic[]> {
  try {
    await run();
  } catch (error) {
    if (error instanceof BriefkitError) return error.diagnostics;
    throw error;
  }
  throw new Error('expected a BriefkitError');
}
