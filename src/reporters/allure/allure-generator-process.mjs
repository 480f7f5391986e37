// @ts-check
// The Allure generator as a child process that loads Allure before the tests end and generates when
// told: the second Node and Allure take to start is spent while the tests run, at low priority.
// Protocol: prints "ready" once loaded; reads one line "generate" from stdin; prints "@wrote {path}"
// (relative to the run directory) for each report file once written (the run's script scans it meanwhile) and one line
// "@result {json}" at the end (Allure may print lines of its own).
// Plain JavaScript, type-checked through JSDoc: it runs without a TypeScript loader, whose hooks
// doubled the CPU of loading Allure's few hundred modules (2.1-2.8 s against 1.1-1.2 s) while the
// tests needed both cores.
import { relative } from 'node:path';
import { createInterface } from 'node:readline';
import { detect } from '@allurereport/ci';
import { AllureReport, filterFailedQualityGateResults, readConfig } from '@allurereport/core';
import { DirectReportFiles } from './allure-report-files.mjs';
import { readResultsDir } from './allure-results-reader.mjs';

const [configPath = 'allurerc.mjs', cwd = process.cwd()] = process.argv.slice(2);
// The report's plugins load when the config is read; loading them now makes that cheap.
await Promise.all([import('@allurereport/plugin-awesome'), import('@allurereport/plugin-agent')]).catch(
  () => {},
);
// Outside a known CI, Allure's CI descriptor answers each of its getters with a `git` command, five in
// all when the report is written (90-150 ms after the tests). Asked once, now, in the run directory where
// generation asks them: the answers cannot change before the report is written.
process.chdir(cwd);
settleCiDescriptor(detect());
console.log('ready');
for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() !== 'generate') continue;
  const started = performance.now();
  try {
    // The config's paths (output, results, the run's records) are the run directory's: Allure resolves
    // them against the working directory. The config reads this run's records, so it is read only now.
    process.chdir(cwd);
    const config = await readConfig(cwd, configPath);
    // Relative, so the lines stay short: the child blocks once the pipe holds 64 KB the script has
    // not read yet (it may be busy scanning), and a main job's ~380 lines fit in a third of that.
    config.reportFiles = new DirectReportFiles(config.output, (file) =>
      console.log(`@wrote ${relative(cwd, file)}`),
    );
    const report = new AllureReport(config);
    await report.start();
    for (const dir of config.resultsDir ?? ['allure-results']) await readResultsDir(report, dir);
    // Judged before the report is written, as Allure's own `allure run` does: the report's Quality
    // Gates tab (quality-gate.json) holds what done() finds, and read [] while the run said "failed".
    const gate = await qualityGate(report);
    await report.done();
    const durationMs = Math.round(performance.now() - started);
    console.log(`@result ${JSON.stringify({ ok: true, durationMs, qualityGate: gate })}`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.log(`@result ${JSON.stringify({ ok: false, message: message.split('\n')[0] })}`);
  }
  break;
}

/**
 * Each getter of the CI descriptor replaced by its value, read once and in order (a later getter may read
 * an earlier one, as `sourceBranch` reads `jobRunBranch`). A getter that throws stays a getter.
 * @param {object} ci
 */
function settleCiDescriptor(ci) {
  for (const [key, property] of Object.entries(Object.getOwnPropertyDescriptors(ci))) {
    if (!property.get || !property.configurable) continue;
    try {
      const value = property.get.call(ci);
      Object.defineProperty(ci, key, { value, enumerable: property.enumerable, configurable: true });
    } catch {}
  }
}

/**
 * Allure's own quality gate (allurerc.mjs: no MUST failure). Its rules use iterator helpers that Node
 * 22 brings; on Node 20 the gate is the run's exit code alone, and this says so.
 * @param {AllureReport} report
 * @returns {Promise<{ ran: boolean; failed: string[] }>}
 */
async function qualityGate(report) {
  const global = /** @type {{ Iterator?: { prototype?: { toArray?: unknown } } }} */ (
    /** @type {unknown} */ (globalThis)
  );
  if (typeof global.Iterator?.prototype?.toArray !== 'function') return { ran: false, failed: [] };
  const trs = await report.store.allTestResults({ includeRetries: false });
  const { results } = await report.validate({ trs });
  // Into the store, which writes them as the report's quality-gate.json.
  report.realtimeDispatcher.sendQualityGateResults(results);
  return {
    ran: true,
    failed: filterFailedQualityGateResults(results).map((r) =>
      // Allure's maxFailures counts broken tests too: here, MUST tests that reached no verdict.
      String(r.rule).endsWith('maxFailures')
        ? `${String(r.actual)} MUST test(s) failed or reached no verdict, ${String(r.expected)} allowed (${r.rule})`
        : `${r.rule}: expected ${String(r.expected)}, actual ${String(r.actual)}`,
    ),
  };
}
