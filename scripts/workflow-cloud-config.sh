#!/usr/bin/env bash
# Step of .github/workflows/image-manager.yml: writes the CLOUDS_YAML (and
# SECURE_YAML) secrets to files only the job's user can read, in the runner's
# temp folder (emptied after every job), and points openstacksdk's variables
# at them. The values never reach the log: they come in through the environment.
set -euo pipefail
# CLOUD_CREDENTIALS (plan job only): `plan` when PLAN_CLOUDS_YAML was set,
# `apply-for-plan` when plan fell back to the apply credentials.
if [ -z "${CLOUDS_YAML:-}" ]; then
  echo "::error title=No cloud configuration::The CLOUDS_YAML secret is empty. Pass it (for plan: PLAN_CLOUDS_YAML or CLOUDS_YAML) under secrets: in the calling workflow, or set it in this job's environment."
  exit 2
fi
if [ "${CLOUD_CREDENTIALS:-}" = apply-for-plan ]; then
  echo "::notice title=Plan with the apply credentials::No PLAN_CLOUDS_YAML secret: this pull request's plan uses CLOUDS_YAML. Anyone who can push a branch here can read it through a pull request; give plan read-only credentials (README: least privilege)."
fi
dir="${RUNNER_TEMP:?}/image-manager-openstack"
# One line each in GITHUB_ENV: a path with a line break would add variables of its own.
if [[ "$dir" == *$'\n'* || "$dir" == *$'\r'* ]]; then
  echo "::error title=Bad runner temp folder::RUNNER_TEMP holds a line break; no cloud configuration written"
  exit 2
fi
umask 077
mkdir -p "$dir"
printf '%s\n' "$CLOUDS_YAML" >"$dir/clouds.yaml"
echo "OS_CLIENT_CONFIG_FILE=$dir/clouds.yaml" >>"${GITHUB_ENV:?}"
if [ -n "${SECURE_YAML:-}" ]; then
  printf '%s\n' "$SECURE_YAML" >"$dir/secure.yaml"
  echo "OS_CLIENT_SECURE_FILE=$dir/secure.yaml" >>"$GITHUB_ENV"
fi
