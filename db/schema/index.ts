export * from "./users";
export * from "./projects";
export * from "./audit";
export * from "./experiments";
export * from "./rate-limits";
export * from "./idempotency";
export * from "./sensors";
export * from "./telemetry";
