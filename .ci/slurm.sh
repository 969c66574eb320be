#!/usr/bin/env bash
# A single-node Slurm on localhost for the Slurm integration test
# (test/cli/slurm-integration.test.ts), from Debian's slurm-wlm and munge
# (install them with .ci/install-slurm.sh).
#
#   bash .ci/slurm.sh start   # munged (unless one answers already), slurmctld, slurmd; waits until the node is idle
#   bash .ci/slurm.sh stop    # stops the daemons this script started, by the PIDs it recorded
#
# Everything lives in one state folder, $CHUANYU_SLURM_DIR (default /tmp/chuanyu-slurm):
# slurm.conf, state, spool, logs and pids (the PIDs started). Clients (sbatch, squeue,
# sinfo) find the cluster through SLURM_CONF=$CHUANYU_SLURM_DIR/slurm.conf, which
# `start` prints as its last line. Settings measured to work on Debian 12 / Slurm 22.05:
# proctrack/pgid, task/none and no cgroup.conf.
set -euo pipefail

DIR="${CHUANYU_SLURM_DIR:-/tmp/chuanyu-slurm}"
PIDS="$DIR/pids"
CONF="$DIR/slurm.conf"
export SLURM_CONF="$CONF"

alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }

stop() {
  [ -f "$PIDS" ] || { echo "slurm.sh: nothing to stop (no $PIDS)"; return 0; }
  # Jobs first: every job of this private cluster is a test's (its slurmstepd would outlive slurmd).
  if [ -f "$CONF" ] && squeue -h >/dev/null 2>&1; then
    scancel --user "$(id -un)" 2>/dev/null || true
    for _ in $(seq 1 60); do [ -z "$(squeue -h 2>/dev/null)" ] && break; sleep 0.5; done
  fi
  # Reverse order of start: slurmd, slurmctld, then munged (only if this script started it).
  local pids
  pids=$(awk '{print $2}' "$PIDS" | tac)
  for pid in $pids; do alive "$pid" && kill -TERM "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 50); do
    local any=0
    for pid in $pids; do alive "$pid" && any=1; done
    [ "$any" = 0 ] && break
    sleep 0.2
  done
  for pid in $pids; do alive "$pid" && { echo "slurm.sh: $pid did not stop on TERM; KILL"; kill -KILL "$pid" 2>/dev/null || true; }; done
  rm -f "$PIDS"
  echo "slurm.sh: stopped $(echo $pids | wc -w) daemon(s)"
}

start() {
  for tool in munged slurmctld slurmd sinfo sbatch; do
    command -v "$tool" >/dev/null 2>&1 || { echo "slurm.sh: $tool is not installed (run: bash .ci/install-slurm.sh)" >&2; exit 3; }
  done
  if [ -f "$PIDS" ]; then
    local all=1
    while read -r _ pid; do alive "$pid" || all=0; done <"$PIDS"
    if [ "$all" = 1 ] && sinfo -h >/dev/null 2>&1; then echo "slurm.sh: already running"; echo "SLURM_CONF=$CONF"; return 0; fi
    stop
  fi
  mkdir -p "$DIR/state" "$DIR/spool" "$DIR/log"
  : >"$PIDS"

  # munge: a key (made by the munge package; created here if absent) and munged, unless one answers already.
  if ! (munge -n 2>/dev/null | unmunge >/dev/null 2>&1); then
    if [ ! -s /etc/munge/munge.key ]; then
      mkdir -p /etc/munge
      dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key status=none
    fi
    chown munge:munge /etc/munge/munge.key && chmod 0400 /etc/munge/munge.key
    mkdir -p /run/munge /var/lib/munge /var/log/munge && chown munge:munge /run/munge /var/lib/munge /var/log/munge
    # setpriv execs munged (no fork), so $! is munged's own PID.
    setpriv --reuid=munge --regid=munge --init-groups munged --foreground >"$DIR/log/munged.out" 2>&1 </dev/null &
    echo "munged $!" >>"$PIDS"
    for _ in $(seq 1 50); do (munge -n 2>/dev/null | unmunge >/dev/null 2>&1) && break; sleep 0.1; done
    (munge -n | unmunge >/dev/null) || { echo "slurm.sh: munged did not start (see $DIR/log/munged.out)" >&2; stop; exit 4; }
  fi

  local host cpus mem
  host=$(hostname -s)
  cpus=$(nproc)
  mem=$(awk '/MemTotal/ {print int($2 / 1024 * 0.9)}' /proc/meminfo)
  cat >"$CONF" <<CONF
# Written by .ci/slurm.sh: a single-node cluster on localhost for tests.
ClusterName=chuanyu
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
SlurmctldPort=${CHUANYU_SLURMCTLD_PORT:-6817}
SlurmdPort=${CHUANYU_SLURMD_PORT:-6818}
StateSaveLocation=$DIR/state
SlurmdSpoolDir=$DIR/spool
SlurmctldPidFile=$DIR/slurmctld.pid
SlurmdPidFile=$DIR/slurmd.pid
SlurmctldLogFile=$DIR/log/slurmctld.log
SlurmdLogFile=$DIR/log/slurmd.log
ProctrackType=proctrack/pgid
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
MpiDefault=none
ReturnToService=2
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=debug Default=YES Nodes=ALL MaxTime=INFINITE State=UP
CONF

  # -D: stay in the foreground, so $! is the daemon's PID; -i: ignore state left by an earlier run.
  slurmctld -D -i -f "$CONF" >"$DIR/log/slurmctld.out" 2>&1 </dev/null &
  echo "slurmctld $!" >>"$PIDS"
  slurmd -D -f "$CONF" >"$DIR/log/slurmd.out" 2>&1 </dev/null &
  echo "slurmd $!" >>"$PIDS"

  local state=""
  for _ in $(seq 1 120); do
    state=$(sinfo -h -N -o '%T' 2>/dev/null | head -1 || true)
    [ "$state" = idle ] && break
    sleep 0.5
  done
  if [ "$state" != idle ]; then
    echo "slurm.sh: the node did not become idle within 60 s (state: ${state:-none}); see $DIR/log" >&2
    tail -5 "$DIR/log/slurmctld.log" "$DIR/log/slurmd.log" >&2 2>/dev/null || true
    stop
    exit 5
  fi
  echo "slurm.sh: single-node Slurm up on $host ($cpus CPUs), pids in $PIDS"
  echo "SLURM_CONF=$CONF"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
