#!/usr/bin/env bash
# Step of .github/workflows/image-manager.yml after a scheduled apply: one line
# on top of apply's own report saying whether the cloud had drifted and what
# was repaired. Reads the apply step's outputs from CLOUD, CHANGES, APPLIED, FAILED.
# Every count is checked to be digits before bash does arithmetic with it:
# bash evaluates `a[$(cmd)]` inside $(( )) and [ -eq ], so an unchecked value
# would run commands in the job that holds the cloud credentials.
set -euo pipefail
: "${CLOUD:?}" "${CHANGES:?}" "${APPLIED:?}" "${FAILED:?}"
for name in CHANGES APPLIED FAILED; do
  value="${!name}"
  if ! [[ "$value" =~ ^[0-9]{1,9}$ ]]; then
    echo "::error title=Drift report::the apply step's output ${name} is not a count; no drift report written"
    exit 2
  fi
done
# Decimal, whatever leading zeros (bash would read 010 as octal).
changes=$((10#$CHANGES))
applied=$((10#$APPLIED))
failed=$((10#$FAILED))
# The name goes into a code span on one line: no backticks, no line breaks.
cloud="${CLOUD//[^[:print:]]/}"
cloud="${cloud//\`/}"
{
  echo "### Scheduled check of cloud \`${cloud}\`"
  echo
  if [ "$changes" -eq 0 ]; then
    echo "No drift: the cloud matched the definitions and nothing was changed."
  else
    notrun=$((changes - applied - failed))
    line="The cloud needed ${changes} change(s), listed above: ${applied} repaired, ${failed} failed"
    if [ "$notrun" -gt 0 ]; then line="${line}, ${notrun} not run (they depend on a failed step)"; fi
    echo "${line}."
  fi
} >>"${GITHUB_STEP_SUMMARY:?}"
