#!/usr/bin/env bash
# Shared PostgreSQL helpers for scripts/run and scripts/test (source this file; do not execute it).
#
#   pg_ensure_installed           install PostgreSQL from Debian if missing; export PG_BIN
#   pg_free_port                  print a free TCP port on 127.0.0.1
#   pg_port_free PORT             succeed if nothing accepts connections on 127.0.0.1:PORT
#   pg_start_cluster DATA_DIR PORT
#                                 initdb DATA_DIR if needed and start it on 127.0.0.1:PORT;
#                                 sets PG_PORT (the port it really runs on) and
#                                 PG_STARTED_BY_US (1, or 0 when it was already running)
#   pg_ensure_database PORT NAME  create database NAME (owner postgres) if missing
#   pg_stop_cluster DATA_DIR      fast shutdown, if running
#
# Clusters made here use trust authentication. That is acceptable only because the server
# listens on 127.0.0.1 alone and its Unix socket sits inside the 0700 data directory.
# It is a local development/test database, never a shared or production one.
# shellcheck disable=SC2034 # PG_PORT / PG_STARTED_BY_US are results for the sourcing script
set -euo pipefail

_pg_log() { printf '[postgres] %s\n' "$*" >&2; }
_pg_die() { printf '[postgres] error: %s\n' "$*" >&2; return 1; }

# apt-get install PACKAGE... (runs "apt-get update" once per shell; sudo when not root).
ct_apt_install() {
  local -a sudo=()
  if [[ $EUID -ne 0 ]]; then
    command -v sudo >/dev/null || _pg_die "need root or sudo to install: $*" || return 1
    sudo=(sudo)
  fi
  if [[ -z ${_CT_APT_UPDATED:-} ]]; then
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    _CT_APT_UPDATED=1
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"
}

# Newest /usr/lib/postgresql/<version>/bin that has initdb, or nothing.
_pg_find_bin() {
  local d
  for d in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V -r); do
    if [[ -x $d/initdb && -x $d/pg_ctl && -x $d/postgres ]]; then
      printf '%s\n' "$d"
      return 0
    fi
  done
  return 1
}

pg_ensure_installed() {
  # An explicit, valid PG_BIN / CASETRACKER_PG_BIN wins (lets a machine use another build).
  local preset=${PG_BIN:-${CASETRACKER_PG_BIN:-}}
  if [[ -n $preset && -x $preset/initdb && -x $preset/pg_ctl ]]; then
    PG_BIN=$preset
    export PG_BIN
    return 0
  fi
  if ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
    _pg_log "PostgreSQL server binaries not found; installing them with apt-get"
    ct_apt_install postgresql postgresql-contrib
  fi
  PG_BIN=$(_pg_find_bin) || _pg_die "no usable /usr/lib/postgresql/*/bin after install" || return 1
  export PG_BIN
  # The server refuses to run as root, so root needs the postgres account (the package makes it).
  if [[ $EUID -eq 0 ]] && ! id -u postgres >/dev/null 2>&1; then
    _pg_log "creating system user postgres"
    useradd --system --user-group --home-dir /var/lib/postgresql --shell /bin/bash postgres
  fi
}

# Succeeds when nothing accepts a TCP connection on 127.0.0.1:PORT.
pg_port_free() {
  local port=$1
  [[ $port =~ ^[0-9]+$ ]] && ((port > 0 && port < 65536)) || return 1
  # shellcheck disable=SC2016 # $1 is expanded by the inner bash
  ! timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$port" 2>/dev/null
}

pg_free_port() {
  local start=$((20000 + RANDOM % 30000)) i port
  for ((i = 0; i < 500; i++)); do
    port=$((start + i))
    if pg_port_free "$port"; then
      printf '%s\n' "$port"
      return 0
    fi
  done
  _pg_die "no free TCP port found on 127.0.0.1 from $start"
}

# Run a PostgreSQL server tool as the cluster owner: the postgres user when we are root
# (initdb, pg_ctl and postgres all refuse root), ourselves otherwise. It runs from / so
# the tools never trip over a current directory that postgres may not enter.
_pg_as_owner() {
  if [[ $EUID -eq 0 ]]; then
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && "$@")
  fi
}

_pg_abspath() {
  local p=$1
  [[ $p == /* ]] || p="$PWD/$p"
  # Normalise the parent (which must exist by now) but keep the last component as given,
  # so a symlink DATA_DIR stays recognisable as a symlink.
  printf '%s/%s\n' "$(cd "$(dirname "$p")" && pwd -P)" "$(basename "$p")"
}

# Prints the directory PostgreSQL really uses for DATA_DIR, creating it with the right owner.
#
# Why this is more than "chown postgres DATA_DIR" when we are root: the server runs as the
# postgres user, which must be able to traverse every folder above its data directory. A repo
# under /root (mode 0700) does not allow that, and opening up /root (chmod o+x) would change
# permissions outside the project. So when postgres cannot reach DATA_DIR's parent, the cluster
# is kept in a new folder /var/lib/casetracker/clusters/<project>-XXXXXXXX (a place meant for
# service data) and DATA_DIR becomes a symlink to it. The data survives across runs exactly as
# if it lived in DATA_DIR, and deleting DATA_DIR still resets it: the next run makes a fresh
# folder (the old one is orphaned: remove any folder there that no symlink points to).
# As a non-root user the cluster is simply DATA_DIR, owned by that user.
_pg_real_data_dir() {
  local data_dir=$1 abs parent real
  mkdir -p "$(dirname "$data_dir")"
  abs=$(_pg_abspath "$data_dir")
  parent=$(dirname "$abs")

  if [[ $EUID -ne 0 ]]; then
    mkdir -p "$abs"
    chmod 700 "$abs"
    printf '%s\n' "$abs"
    return 0
  fi

  if [[ -L $abs ]]; then
    real=$(readlink "$abs") # not -f: that prints nothing once the target's folders are gone
    [[ $real == /* ]] || real="$parent/$real"
  elif runuser -u postgres -- test -x "$parent" 2>/dev/null; then
    real=$abs
  else
    if [[ -d $abs ]] && [[ -n $(ls -A "$abs") ]]; then
      _pg_die "$abs holds data but the postgres user cannot reach $parent; move it or make the path traversable" || return 1
    fi
    [[ -d $abs ]] && rmdir "$abs"
    install -d -m 755 /var/lib/casetracker /var/lib/casetracker/clusters
    real=$(mktemp -d "/var/lib/casetracker/clusters/$(basename "$(dirname "$parent")")-XXXXXXXX")
    ln -s "$real" "$abs"
    _pg_log "postgres cannot reach $parent; cluster kept in $real (symlinked from $abs)"
  fi
  [[ -d $real ]] || install -d -m 755 "$(dirname "$real")" # in case the target was cleaned away
  mkdir -p "$real"
  chown postgres:postgres "$real"
  chmod 700 "$real"
  printf '%s\n' "$real"
}

# Directory for the Unix socket: the data directory itself (0700, so only its owner and root
# can use the socket), unless its path is too long for a socket path (107 bytes on Linux).
_pg_socket_dir() {
  local real=$1 dir
  # "<dir>/.s.PGSQL.<port>": 12 + up to 5 bytes after the directory.
  if ((${#real} + 17 <= 100)); then
    printf '%s\n' "$real"
    return 0
  fi
  dir="/tmp/casetracker-pg-$(printf '%s' "$real" | sha256sum | cut -c1-12)"
  mkdir -p "$dir"
  chmod 700 "$dir"
  [[ $EUID -ne 0 ]] || chown postgres:postgres "$dir"
  printf '%s\n' "$dir"
}

# Port of the running server for REAL_DATA_DIR (4th line of postmaster.pid), if it is running.
_pg_running_port() {
  local real=$1
  _pg_as_owner "$PG_BIN/pg_ctl" -D "$real" status >/dev/null 2>&1 || return 1
  sed -n 4p "$real/postmaster.pid"
}

pg_start_cluster() {
  local data_dir=$1 port=$2 real sock locale_args running
  [[ -n ${PG_BIN:-} ]] || pg_ensure_installed
  [[ $port =~ ^[0-9]+$ ]] || _pg_die "bad port: $port" || return 1
  real=$(_pg_real_data_dir "$data_dir")
  sock=$(_pg_socket_dir "$real")

  if [[ ! -f $real/PG_VERSION ]]; then
    # C.UTF-8 gives Unicode-aware lower()/upper()/ILIKE with byte-order (stable) sorting;
    # fall back to the C locale (still UTF8 encoding) where the OS lacks C.UTF-8.
    if locale -a 2>/dev/null | grep -qix 'c\.utf-\?8'; then
      locale_args=(--locale=C.UTF-8)
    else
      locale_args=(--no-locale)
    fi
    _pg_log "initialising a new cluster in $real"
    _pg_as_owner "$PG_BIN/initdb" -D "$real" --username=postgres --auth=trust \
      --encoding=UTF8 "${locale_args[@]}" >/dev/null
    # Also in the config file, so a manual "pg_ctl start" stays loopback-only.
    _pg_as_owner tee -a "$real/postgresql.conf" >/dev/null <<EOF

# Added by scripts/lib/postgres.sh: local development cluster, loopback only.
listen_addresses = '127.0.0.1'
unix_socket_directories = '$sock'
EOF
  fi

  if running=$(_pg_running_port "$real"); then
    PG_PORT=$running
    PG_STARTED_BY_US=0
    _pg_log "cluster in $real is already running on port $PG_PORT; using it"
    export PG_PORT
    return 0
  fi

  _pg_log "starting PostgreSQL on 127.0.0.1:$port (log: $real/server.log)"
  if ! _pg_as_owner "$PG_BIN/pg_ctl" -D "$real" -l "$real/server.log" -w -t 60 start \
    -o "-p $port -k '$sock' -c listen_addresses=127.0.0.1" >/dev/null; then
    tail -n 20 "$real/server.log" >&2 || true
    _pg_die "PostgreSQL failed to start (see $real/server.log)"
    return 1
  fi
  PG_PORT=$port
  PG_STARTED_BY_US=1
  export PG_PORT
}

pg_ensure_database() {
  local port=$1 db=$2 exists
  [[ $db =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || _pg_die "bad database name: $db" || return 1
  exists=$(PGCONNECT_TIMEOUT=10 "$PG_BIN/psql" -XtAq -h 127.0.0.1 -p "$port" -U postgres -d postgres \
    -c "SELECT 1 FROM pg_database WHERE datname = '$db'")
  if [[ $exists != 1 ]]; then
    _pg_log "creating database $db"
    "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres -E UTF8 -T template0 "$db"
  fi
}

pg_stop_cluster() {
  local data_dir=$1 real
  [[ -n ${PG_BIN:-} ]] || pg_ensure_installed
  real=$(readlink -f "$data_dir") || return 0
  if _pg_running_port "$real" >/dev/null; then
    _pg_log "stopping PostgreSQL ($real)"
    _pg_as_owner "$PG_BIN/pg_ctl" -D "$real" -m fast -w -t 60 stop >/dev/null
  fi
}
