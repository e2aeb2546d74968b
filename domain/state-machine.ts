// A finite state machine as a table; every status change in the platform goes through one of these.
import { DomainError } from "./errors";

export type TransitionTable<S extends string> = Readonly<Record<S, readonly S[]>>;

export interface StateMachine<S extends string> {
  readonly statuses: readonly S[];
  allowedFrom(from: S): readonly S[];
  canTransition(from: S, to: S): boolean;
  /** Throws INVALID_TRANSITION (409) naming the allowed targets. */
  assertTransition(from: S, to: S): void;
}

export function defineStateMachine<S extends string>(entity: string, statuses: readonly S[], table: TransitionTable<S>): StateMachine<S> {
  return {
    statuses,
    allowedFrom: (from) => table[from],
    canTransition: (from, to) => table[from].includes(to),
    assertTransition(from, to) {
      if (table[from].includes(to)) return;
      const allowed = table[from];
      const hint = allowed.length > 0 ? `Allowed from ${from}: ${allowed.join(", ")}.` : `No change is allowed from ${from}.`;
      const article = /^[aeiou]/i.test(entity) ? "An" : "A";
      throw new DomainError("INVALID_TRANSITION", `${article} ${entity} cannot go from ${from} to ${to}. ${hint}`, { from, to, allowed: [...allowed] });
    },
  };
}
