type Env = Record<string, string | undefined>;

// npm run selftest reads its own variables from the environment only, never from .env (a developer's
// .env may name a real tenant). One set there did nothing without a word: MDE_SELFTEST_ONLY in .env,
// as .env.example lists it, ran the whole matrix. Each is named once, with the command line to use.
// `fromFile` is the .env file's own settings (scripts/selftest.ts reads them).
export function selftestEnvFileWarnings(fromFile: Env, env: Env = process.env): string[] {
  return Object.entries(fromFile)
    .filter(([name, value]) => /^MDE_SELFTEST_/.test(name) && value && env[name] === undefined)
    .map(
      ([name, value]) =>
        `warning: ${name} is set in .env, which npm run selftest does not read (it reads its variables from the environment only); set it on the command line: ${name}=${value} npm run selftest`,
    );
}
