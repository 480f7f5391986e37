import { type TestInfo, test } from '@playwright/test';
import { redactHeaders, redactText, redactValue } from '../redaction/redact.ts';
import { type Exchange, exchangeTitle } from './exchange.ts';
import { formatViolation, type Violation } from './exchange-checks.ts';

export type RecordMode = 'full' | 'quiet';

// The running test, or undefined outside one (worker set-up and teardown).
export function currentTestInfo(): TestInfo | undefined {
  try {
    return test.info();
  } catch {
    return undefined;
  }
}

// Adds an annotation once per test (the same violation seen twice is one finding).
export function annotateOnce(info: TestInfo, type: string, description: string): void {
  if (!info.annotations.some((a) => a.type === type && a.description === description))
    info.annotations.push({ type, description });
}

// Records an exchange on the running test: violations as annotations and, in full mode, a step named
// after the exchange with the redacted request and answer attached.
export async function recordExchange(
  exchange: Exchange,
  violations: Violation[],
  mode: RecordMode,
): Promise<void> {
  const info = currentTestInfo();
  if (!info) return;
  for (const violation of violations) annotateOnce(info, 'violation', formatViolation(violation));
  if (mode === 'quiet') return;
  const title = exchangeTitle(exchange);
  const evidence = JSON.stringify(redactedExchange(exchange), null, 2);
  await test.step(
    title,
    async (step) => {
      await step.attach(title, { body: evidence, contentType: 'application/json' });
    },
    { box: true },
  );
}

export function redactedExchange(exchange: Exchange): Record<string, unknown> {
  return {
    method: exchange.method,
    url: redactText(exchange.url),
    request: {
      headers: redactHeaders(exchange.requestHeaders),
      ...(exchange.requestBody !== undefined ? { body: redactText(exchange.requestBody) } : {}),
    },
    response: {
      status: exchange.status,
      headers: redactHeaders(exchange.headers),
      body:
        exchange.body !== undefined ? redactValue(exchange.body) : redactText(exchange.text.slice(0, 4000)),
    },
    durationMs: exchange.durationMs,
  };
}
