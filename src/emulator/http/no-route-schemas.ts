import type { FastifyServerOptions } from 'fastify';

// The emulator checks requests and answers against the contract itself (src/contract), never through
// Fastify route schemas. Without these factories Fastify loads its Ajv and fast-json-stringify
// compilers in every emulator it builds: about 0.1 s of CPU per process, for nothing. A route given a
// body, querystring, params, headers or response schema anyway fails when the app gets ready, naming why.
function refuse(): never {
  throw new Error(
    'emulator routes take no Fastify schema: check requests and answers against the contract (src/contract) instead',
  );
}

export const NO_ROUTE_SCHEMAS: NonNullable<FastifyServerOptions['schemaController']> = {
  compilersFactory: { buildValidator: () => refuse, buildSerializer: () => refuse },
};
