// A bad option of the emulator (programmatic or command line); the message names it and what to send.
export class EmulatorOptionsError extends Error {
  override readonly name = 'EmulatorOptionsError';
}
