#!/bin/sh
# Installs Debian's slurm-wlm and munge for the Slurm integration test
# (test/cli/slurm-integration.test.ts, started by .ci/slurm.sh), unless they are
# already there. Nothing else. Safe to run again.
set -eu
if command -v slurmctld >/dev/null 2>&1 && command -v slurmd >/dev/null 2>&1 && command -v sbatch >/dev/null 2>&1 && command -v munged >/dev/null 2>&1; then
  echo "slurm present: $(slurmctld -V 2>/dev/null || echo slurmctld), munge present: $(munged -V 2>/dev/null || echo munged)"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y slurm-wlm munge
slurmctld -V
