import { defineConfig } from 'vitest/config'

const integration = {
  // One real cloud is shared: files run one after the other.
  fileParallelism: false,
  testTimeout: 120_000,
  hookTimeout: 120_000,
}

// The second Glance release (Debian 13: Glance 30, 2025.1; scripts/local-cloud-trixie.sh)
// runs every test of a distinct Glance call or state: imports of each method, failures
// and faults, rotation, drift, retention, sharing, auth variants, policy as a member.
// CONTRIBUTING.md ("Two Glance releases") lists which run where.
const SECOND_RELEASE = [
  'test/integration/openstack/auth.test.ts',
  'test/integration/openstack/identity.test.ts',
  'test/integration/openstack/members.test.ts',
  'test/integration/openstack/glance.test.ts',
  'test/integration/openstack/import.test.ts',
  'test/integration/openstack/faults.test.ts',
  'test/integration/apply/failures.test.ts',
  'test/integration/apply/refusals.test.ts',
  'test/integration/apply/convergence.test.ts',
  'test/integration/apply/verify.test.ts',
  'test/integration/apply/rotation.test.ts',
  'test/integration/apply/drift.test.ts',
  'test/integration/apply/non-multi-retention.test.ts',
  'test/integration/apply/latest.test.ts',
  'test/integration/share/share.test.ts',
  'test/integration/plan/read-only.test.ts',
  'test/integration/plan/adoption.test.ts',
]

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { test: { name: 'integration', include: ['test/integration/**/*.test.ts'], ...integration } },
      {
        test: {
          name: 'integration-2025.1',
          include: SECOND_RELEASE,
          ...integration,
          // The cloud test/support/local-cloud.ts points the tests at.
          env: {
            LOCAL_CLOUD_CLOUDS_YAML:
              process.env.LOCAL_CLOUD_TRIXIE_CLOUDS_YAML ??
              '/var/tmp/image-manager-cloud-trixie/clouds.yaml',
            LOCAL_CLOUD_SCRIPT: 'scripts/local-cloud-trixie.sh',
          },
        },
      },
    ],
  },
})
