// Lint rules, including the import boundaries of ../shared/ARCHITECTURE.md:
// domain/ imports nothing outside itself (node:crypto aside), and app/ never imports db/.
import tseslint from "typescript-eslint";

const outOfDomain = (depth) => `^(\\.\\./){${depth},}`;
const domainRule = (depth) => ({
  "no-restricted-imports": [
    "error",
    {
      patterns: [
        { regex: outOfDomain(depth), message: "domain/ is pure: it may import only from domain/." },
        { regex: "^@/(?!domain/)", message: "domain/ is pure: it may import only from domain/." },
        { regex: "^(?!\\.|@/domain/|node:crypto$|vitest$)", message: "domain/ uses no framework or I/O package." },
      ],
    },
  ],
});

export default tseslint.config(
  { ignores: ["node_modules/**", ".next/**", ".data/**", "drizzle/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
    },
  },
  { files: ["domain/*.ts"], rules: domainRule(1) },
  { files: ["domain/*/*.ts"], rules: domainRule(2) },
  { files: ["domain/*/*/*.ts"], rules: domainRule(3) },
  {
    // server/http/server.ts loads these before Next.js starts; Next's request-scoped modules (next/headers, next-auth's
    // Next bindings) loaded that early leave Next with a fake AsyncLocalStorage that throws on the first page.
    files: ["server/http/**/*.ts", "server/trpc/**/*.ts", "server/services/**/*.ts", "server/auth/session-*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^next/|^next-auth$|/current-user$|/auth/config$", message: "The node:http tRPC path must not load Next's request-scoped modules: use server/auth/session-cookie." }] },
      ],
    },
  },
  {
    files: ["app/**/*.ts", "app/**/*.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^(@/|(\\.\\./)+)db(/|$)", message: "app/ never imports db/: go through the tRPC API or server/." }] },
      ],
    },
  },
);
