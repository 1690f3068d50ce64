#!/usr/bin/env bash
# Step of .github/workflows/image-manager.yml after a scheduled apply: one line
# on top of apply's own report saying whether the cloud had drifted and what
# was repaired. Reads the apply step's outputs from CLOUD, CHANGES, APPLIED, FAILED.
set -euo pipefail
: "${CLOUD:?}" "${CHANGES:?}" "${APPLIED:?}" "${FAILED:?}"
{
  echo "### Scheduled check of cloud \`${CLOUD//\`/}\`"
  echo
  if [ "$CHANGES" -eq 0 ]; then
    echo "No drift: the cloud matched the definitions and nothing was changed."
  else
    notrun=$((CHANGES - APPLIED - FAILED))
    line="The cloud needed $CHANGES change(s), listed above: $APPLIED repaired, $FAILED failed"
    if [ "$notrun" -gt 0 ]; then line="$line, $notrun not run (they depend on a failed step)"; fi
    echo "$line."
  fi
} >>"${GITHUB_STEP_SUMMARY:?}"
