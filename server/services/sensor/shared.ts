// What every sensor operation starts from: the sensor, found through the caller's project, or NOT_FOUND.
import type { Queryable } from "../../../db/client";
import { findSensorInProject } from "../../../db/queries/sensors";
import { DomainError } from "../../../domain/errors";
import type { ProjectContext } from "../context";

export function sensorNotFound(): DomainError {
  return new DomainError("NOT_FOUND", "That sensor does not exist or is not in this project.");
}

/** With `forUpdate`, the sensor row stays locked until the transaction ends: that serialises writes to one sensor. */
export async function findSensorOrThrow(db: Queryable, ctx: ProjectContext, id: string, forUpdate = false) {
  const sensor = await findSensorInProject(db, { projectId: ctx.project.id, id }, { forUpdate });
  if (!sensor) throw sensorNotFound();
  return sensor;
}
