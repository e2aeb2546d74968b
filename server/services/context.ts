// What services receive from the transport: who is asking, on which connection, under which request id.
import type { Db } from "../../db/client";
import type { Role } from "../../domain/access";
import type { SessionUser } from "../auth/session-user";

export interface UserContext {
  db: Db;
  user: SessionUser;
  requestId: string;
}

export interface ProjectContext extends UserContext {
  project: { id: string; name: string };
  role: Role;
}
