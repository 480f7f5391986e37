import { regexpEscape } from '../../common/regexp-escape.ts';

// Every registered path and its methods, so an unknown method on a known path answers 405 with
// Allow instead of 404. Filled from Fastify's onRoute hook.
export class RouteTable {
  readonly #routes: { pattern: RegExp; method: string; entra: boolean }[] = [];

  // `entra`: a token route, whose refusals Entra's clients (MSAL) must be able to read.
  add(method: string | string[], url: string, entra = false): void {
    const pattern = new RegExp(
      `^${url
        .split('/')
        .map((part) => (part.startsWith(':') ? '[^/]+' : regexpEscape(part)))
        .join('/')}/?$`,
      'i',
    );
    for (const m of Array.isArray(method) ? method : [method])
      this.#routes.push({ pattern, method: m, entra });
  }

  // Whether a concrete path is a token route's.
  isEntra(path: string): boolean {
    return this.#routes.some((route) => route.entra && route.pattern.test(path));
  }

  // Methods allowed on a concrete path; empty when the path is unknown.
  allowed(path: string): string[] {
    const methods = this.#routes.filter((route) => route.pattern.test(path)).map((route) => route.method);
    return [...new Set(methods)];
  }
}
