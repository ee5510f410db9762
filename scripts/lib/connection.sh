#!/usr/bin/env bash
# ct_connection_env: sets PGHOST, PGPORT, PGDATABASE, PGUSER (and PGPASSWORD) for libpq tools from
# ConnectionStrings__CaseTracker (an Npgsql connection string), or from the private cluster of scripts/run.
ct_connection_env() {
  local cs=${ConnectionStrings__CaseTracker:-}
  if [[ -z $cs ]]; then
    local data=${CASETRACKER_DATA:-$REPO/.data}
    [[ -f $data/port ]] || { echo "no database: set ConnectionStrings__CaseTracker or start scripts/run once" >&2; return 1; }
    cs="Host=127.0.0.1;Port=$(cat "$data/port");Database=casetracker;Username=postgres"
  fi
  local part key value
  IFS=';' read -ra parts <<<"$cs"
  for part in "${parts[@]}"; do
    key=$(tr '[:upper:]' '[:lower:]' <<<"${part%%=*}" | tr -d ' ')
    value=${part#*=}
    case $key in
      host|server) export PGHOST=$value ;;
      port) export PGPORT=$value ;;
      database) export PGDATABASE=$value ;;
      username|userid|user) export PGUSER=$value ;;
      password) export PGPASSWORD=$value ;;
    esac
  done
}
