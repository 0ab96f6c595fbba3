# Sourced by test.sh: makes sure the tests have a PostgreSQL server. When SUPPORTBOT_TEST_POSTGRES already names one
# that answers, it is used as it is; otherwise Debian's postgresql package (installed when missing) runs a throwaway
# cluster in a temporary folder, as an unprivileged user, on a free loopback port, stopped and deleted on exit.
# Uses test.sh's apt_install (packages installed without starting their services).

postgres_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/pg_ctl" ] && { echo "$dir"; return 0; }
  done
  return 1
}

postgres_reachable() {
  [ -n "${SUPPORTBOT_TEST_POSTGRES:-}" ] || return 1
  local host port
  host=$(sed -n 's/.*Host=\([^;]*\).*/\1/ip' <<<"$SUPPORTBOT_TEST_POSTGRES")
  port=$(sed -n 's/.*Port=\([0-9]*\).*/\1/ip' <<<"$SUPPORTBOT_TEST_POSTGRES")
  (exec 3<>"/dev/tcp/${host:-127.0.0.1}/${port:-5432}") 2>/dev/null
}

free_port() {
  local port
  for port in $(shuf -i 20000-60000 -n 50); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return 0; }
  done
  return 1
}

start_test_postgres() {
  if postgres_reachable; then
    echo "test.sh: using PostgreSQL at $SUPPORTBOT_TEST_POSTGRES"
    return 0
  fi

  if ! postgres_bin >/dev/null; then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
      echo "test.sh: installing postgresql"
      apt_install postgresql
    else
      echo "test.sh: please install PostgreSQL (apt-get install postgresql) or set SUPPORTBOT_TEST_POSTGRES" >&2
      return 2
    fi
  fi

  local bin port user run
  bin=$(postgres_bin)
  port=$(free_port)
  PG_TEST_DIR=$(mktemp -d /tmp/supportbot-pg.XXXXXX)
  # initdb refuses to run as root: the cluster belongs to an unprivileged user.
  if [ "$(id -u)" = 0 ]; then
    user=nobody
    chown -R "$user" "$PG_TEST_DIR"
    run=(runuser -u "$user" --)
  else
    user=$(id -un)
    run=()
  fi

  "${run[@]}" "$bin/initdb" -D "$PG_TEST_DIR/data" -U supportbot --auth=trust -E UTF8 >"$PG_TEST_DIR/initdb.log" 2>&1 \
    || { cat "$PG_TEST_DIR/initdb.log" >&2; return 2; }
  "${run[@]}" "$bin/pg_ctl" -D "$PG_TEST_DIR/data" -l "$PG_TEST_DIR/server.log" -w -t 60 \
    -o "-h 127.0.0.1 -p $port -k $PG_TEST_DIR -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null \
    || { cat "$PG_TEST_DIR/server.log" >&2; return 2; }
  PG_TEST_STOP=("${run[@]}" "$bin/pg_ctl" -D "$PG_TEST_DIR/data" -m immediate stop)
  export SUPPORTBOT_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=supportbot;Database=postgres"
  echo "test.sh: started PostgreSQL on 127.0.0.1:$port (stopped when the tests end)"
}

stop_test_postgres() {
  if [ -n "${PG_TEST_DIR:-}" ]; then
    "${PG_TEST_STOP[@]}" >/dev/null 2>&1 || true
    rm -rf "$PG_TEST_DIR"
  fi
}
