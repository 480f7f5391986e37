import type { AnsweredCall } from '../../http/call-guard.ts';
import type { Exchange } from '../../http/exchange.ts';

// A test on a tenant often reads an action right after another read of it told the same: its state
// before the call under test right after the read-back of its new scan, the state after a refused
// cancel right after the read that checks the action did not end by itself. Each GET spends the
// operator's quota of 100 a minute, so the later read takes the earlier answer instead, as long as no
// call of the worker went out after that GET was sent, nor was on its way when it was sent (it may
// have acted after the GET was served): nothing could have changed what it read.
export class FreshReads {
  #calls = 0;
  // Calls sent and not answered yet.
  #open = 0;
  // The count of calls when the last GET of an action went out.
  readonly #sent = new Map<string, number>();
  readonly #reads = new Map<string, { exchange: Exchange; calls: number }>();

  // Every call the worker sends (the call guard's beforeCall); `readOf` for the GET of an action. The
  // call is on its way until the returned function is called (once it is answered or lost).
  callSent(readOf?: string): () => void {
    this.#calls++;
    if (readOf !== undefined) this.#sent.set(readOf.toLowerCase(), this.#open === 0 ? this.#calls : -1);
    this.#open++;
    let open = true;
    return () => {
      if (open) this.#open--;
      open = false;
    };
  }

  // Every answer (the call guard's afterCall): a 200 GET of an action by the operator with its own token
  // at the unversioned path is kept when no other call went out meanwhile.
  answered(exchange: Exchange, call?: AnsweredCall): void {
    const id = (exchange.body as { id?: unknown } | undefined)?.id;
    if (exchange.operationId !== 'GetMachineAction' || exchange.status !== 200 || typeof id !== 'string')
      return;
    if (call?.caller !== 'operator' || !call.ownToken || call.versioned) return;
    const key = id.toLowerCase();
    if (this.#sent.get(key) === this.#calls) this.#reads.set(key, { exchange, calls: this.#calls });
  }

  // That answer, once, if no call went out after it.
  take(id: string): Exchange | undefined {
    const key = id.toLowerCase();
    const read = this.#reads.get(key);
    this.#reads.delete(key);
    return read && read.calls === this.#calls ? read.exchange : undefined;
  }
}
