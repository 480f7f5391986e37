import { test } from '@playwright/test';
import type { Finding } from '../evidence/finding.ts';
import { currentTestInfo, recordFinding } from '../evidence/record-finding.ts';
import { redactHeaders, redactText } from '../redaction/redact.ts';
import { redactValue } from '../redaction/redact-structure.ts';
import { type Exchange, exchangeTitle } from './exchange.ts';

export type RecordMode = 'full' | 'quiet';

// Records an exchange on the running test: its findings and, in full mode, a step named after the
// exchange with the redacted request and answer attached.
export async function recordExchange(
  exchange: Exchange,
  findings: Finding[],
  mode: RecordMode,
): Promise<void> {
  const info = currentTestInfo();
  if (!info) return;
  for (const finding of findings) recordFinding(finding, info);
  if (mode === 'quiet') return;
  const title = exchangeTitle(exchange);
  const evidence = JSON.stringify(redactedExchange(exchange), null, 2);
  // Placed at the test's own line: a step without a location costs Playwright a source-mapped stack of
  // up to 50 frames (a quarter of those a main-job worker prepared), and the exchange belongs to the test.
  // Pushed, not step.attach(): attach() makes the test's output folder first, though a body is never
  // written there (57 empty folders under test-results/ after every main job).
  await test.step(
    title,
    async () => {
      info.attachments.push({ name: title, contentType: 'application/json', body: Buffer.from(evidence) });
    },
    { location: { file: info.file, line: info.line, column: info.column } },
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
        exchange.body !== undefined ? redactValue(exchange.body) : redactText(exchange.text).slice(0, 4000),
    },
    durationMs: exchange.durationMs,
  };
}
