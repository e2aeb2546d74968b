// Idempotent writes: the claim of the key, the write itself and the stored result commit in one transaction,
// so a retry or a concurrent duplicate replays the first result and never writes twice.
import type { SuperJSONResult } from "superjson";
import { transformer } from "../contracts/wire-transformer";
import type { Db } from "../db/client";
import { claimIdempotencyKey, findIdempotencyKey, storeIdempotentResponse } from "../db/queries/idempotency";
import { DomainError } from "../domain/errors";
import { requestFingerprint } from "../domain/idempotency";

export interface IdempotencyRequest {
  db: Db;
  userId: string;
  /** The procedure path, e.g. "experiment.create": the same key may be reused across procedures. */
  scope: string;
  key: string | undefined;
  input: unknown;
}

export async function withIdempotency<T>(request: IdempotencyRequest, write: (db: Db) => Promise<T>): Promise<T> {
  if (!request.key) return write(request.db);
  const ref = { userId: request.userId, scope: request.scope, key: request.key };
  const requestHash = requestFingerprint(request.input);
  return request.db.transaction(async (tx) => {
    // A transaction offers everything services use from Db; their own transactions nest as savepoints.
    const db = tx as unknown as Db;
    if (await claimIdempotencyKey(db, { ...ref, requestHash })) {
      const result = await write(db);
      await storeIdempotentResponse(db, ref, transformer.serialize(result));
      return result;
    }
    const existing = await findIdempotencyKey(db, ref);
    if (!existing || existing.requestHash !== requestHash) {
      throw new DomainError("UNPROCESSABLE", "This idempotency key was already used for a different request. Use a new key.", {
        reason: "idempotency_key_reused",
      });
    }
    return transformer.deserialize<T>(existing.response as SuperJSONResult);
  });
}
