// Structured JSON logs. Secrets are redacted by path so a careless log call cannot leak them.
import pino from "pino";

export const logger = pino({
  level: process.env.LOG_LEVEL || (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { service: "etp" },
  redact: {
    paths: [
      "password", "*.password", "*.newPassword", "*.currentPassword",
      "token", "*.token", "authorization", "*.authorization", "headers.authorization", "headers.cookie",
      "cookie", "*.cookie", "*.passwordHash",
    ],
    censor: "[redacted]",
  },
});
