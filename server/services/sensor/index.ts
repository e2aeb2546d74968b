// The sensor service: records and their projects, ingest tokens, conversion profiles.
export { create, list, byId, update, remove, addProject, removeProject } from "./records";
export { rotateToken, revokeToken } from "./credentials";
export { saveProfile, activateProfile, previewConversion } from "./profiles";
export { telemetryStats, setClockCorrection } from "./telemetry-stats";
