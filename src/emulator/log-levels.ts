// The levels of the emulator's Fastify logger (pino's): read by startEmulator()'s options and by the
// command line, which loads nothing else of the emulator to check a --log-level.
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
