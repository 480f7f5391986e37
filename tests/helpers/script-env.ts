// The environment for a script a test runs, without the worker's MDE_* variables: other tests of the
// worker may have set their own, which the script would read (and warn of).
export function withoutMdeVariables(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !/^MDE_/i.test(name)));
}
