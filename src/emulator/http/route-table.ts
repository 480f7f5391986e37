// Every registered path and its methods, so an unknown method on a known path answers 405 with
// Allow instead of 404. Filled from Fastify's onRoute hook.
export class RouteTable {
  readonly #routes: { pattern: RegExp; method: string }[] = [];

  add(method: string | string[], url: string): void {
    const pattern = new RegExp(
      `^${url
        .split('/')
        .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
        .join('/')}/?$`,
      'i',
    );
    for (const m of Array.isArray(method) ? method : [method]) this.#routes.push({ pattern, method: m });
  }

  // Methods allowed on a concrete path; empty when the path is unknown.
  allowed(path: string): string[] {
    const methods = this.#routes.filter((route) => route.pattern.test(path)).map((route) => route.method);
    return [...new Set(methods)];
  }
}
