// One lint configuration for the whole tree (flat config, typescript-eslint without type info for speed;
// `npm run typecheck` does the type-aware part).
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/dist/**",
      "**/.next/**",
      ".data/**",
      "bench/results/**",
      "services/*/generated/**",
      "**/next-env.d.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: "module",
      globals: { ...globals.node },
    },
    rules: {
      "max-lines": ["warn", { max: 300, skipBlankLines: true, skipComments: true }],
      "max-lines-per-function": ["warn", { max: 80, skipBlankLines: true, skipComments: true }],
      "no-restricted-properties": [
        "error",
        {
          object: "process",
          property: "env",
          message: "Read configuration in src/config.ts only.",
        },
      ],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    // Places allowed to read the environment: config modules, launchers, test and bench harnesses.
    files: [
      "**/config.ts",
      "**/config.mjs",
      "infra/**",
      "e2e/**",
      "bench/**",
      "packages/test-kit/**",
      "packages/platform/src/config.ts",
      "**/*.test.ts",
      "**/*.test.tsx",
      "services/storefront/next.config.ts",
    ],
    rules: { "no-restricted-properties": "off" },
  },
  {
    files: ["**/*.test.ts", "**/*.test.tsx", "e2e/**", "bench/**"],
    rules: { "max-lines-per-function": "off", "max-lines": ["warn", { max: 500 }] },
  },
  {
    files: ["services/storefront/**/*.tsx"],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      "max-lines-per-function": ["warn", { max: 150, skipBlankLines: true, skipComments: true }],
    },
  },
);
