import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Integration tests (DuckDB, dynalite, whole scans, CDK synth) run seconds each on a
    // 2-core CI machine; the 5 s default turns load into false failures.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The AWS SDK warns about Node 20 support on every client; it is noise in test output.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', AWS_REGION: 'us-east-1' },
  },
});
