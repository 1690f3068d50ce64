#!/usr/bin/env bash
# local-cloud.sh - a real, throwaway OpenStack Keystone + Glance on loopback,
# built from Debian's packages, for integration tests, the demo and CI.
#
# Usage: scripts/local-cloud.sh install|up|down|status|reset
#   install  apt-get install the packages (root or sudo); quick no-op if present
#   up       install if needed, start MariaDB, Keystone and Glance, provision
#            users/projects/endpoints, wait until healthy. Idempotent. The LAST
#            line of stdout is the absolute path of clouds.yaml, so:
#              CLOUDS=$(scripts/local-cloud.sh up | tail -1)
#            Everything else goes to stderr.
#   down     stop exactly the processes `up` started (by their pid files)
#   status   show what runs; exit 0 only if the cloud is up and healthy
#   reset    down, wipe the data dir, up again (same as LOCAL_CLOUD_RESET=1 up)
#   crash-glance  SIGKILL glance-api and its workers, as a crash would (tests of
#            an apply interrupted by the cloud); `up` starts it again
#   run PROGRAM [ARG...]  exec PROGRAM with the services' clean environment (a
#            test's own glance-api; local-cloud-trixie.sh runs it in its chroot)
#
# Environment (all optional):
#   LOCAL_CLOUD_DIR            data dir          (/var/tmp/image-manager-cloud)
#   LOCAL_CLOUD_KEYSTONE_PORT  Keystone port     (15000)
#   LOCAL_CLOUD_GLANCE_PORT    Glance port       (19292)
#   LOCAL_CLOUD_DB_PORT        private MariaDB TCP port on 127.0.0.1 (13306)
#   LOCAL_CLOUD_DB_SOCKET      private MariaDB socket ($LOCAL_CLOUD_DIR/mysql/mysqld.sock;
#                              unix socket paths must stay under 108 bytes)
#   LOCAL_CLOUD_RESET=1        make `up` wipe the data dir first
#   LOCAL_CLOUD_TIMEOUT        seconds `up` waits for each service (60)
#
# Everything listens on 127.0.0.1 only; the system MariaDB (if any) and the
# distribution's keystone/glance services are neither used nor touched.
# Fixed test credentials (loopback-only, throwaway cloud), domain Default,
# region RegionOne:
#   admin / local-admin-pass   admin role in project "admin"   (cloud local-admin)
#   demo  / local-demo-pass    member role in project "demo"   (cloud local-member)
#   glance/ local-glance-pass  admin role in project "service" (Glance's own user)
set -euo pipefail

readonly DIR=${LOCAL_CLOUD_DIR:-/var/tmp/image-manager-cloud}
readonly KS_PORT=${LOCAL_CLOUD_KEYSTONE_PORT:-15000}
readonly GL_PORT=${LOCAL_CLOUD_GLANCE_PORT:-19292}
readonly DB_PORT=${LOCAL_CLOUD_DB_PORT:-13306}
readonly DB_SOCKET=${LOCAL_CLOUD_DB_SOCKET:-$DIR/mysql/mysqld.sock}
readonly TIMEOUT=${LOCAL_CLOUD_TIMEOUT:-60}

readonly KS_URL="http://127.0.0.1:$KS_PORT/v3"
readonly GL_URL="http://127.0.0.1:$GL_PORT"
readonly REGION=RegionOne
readonly ADMIN_PASS=local-admin-pass
readonly DEMO_PASS=local-demo-pass
readonly GLANCE_PASS=local-glance-pass
readonly DB_PASS=local-db-pass

readonly RUN=$DIR/run     # pid files
readonly LOGS=$DIR/log
readonly STATE=$DIR/state # markers of one-time initialisation steps
readonly CLOUDS_YAML=$DIR/clouds.yaml

readonly PACKAGES=(keystone glance-api mariadb-server python3-pymysql qemu-utils
  curl jq uwsgi-core uwsgi-plugin-python3)

# The services are Debian's Python programs: keep a pyenv/virtualenv on PATH
# or in PYTHON* variables out of them, and never send loopback through a proxy.
readonly SERVICE_ENV=(env -u PYTHONPATH -u PYTHONHOME -u VIRTUAL_ENV
  PATH=/usr/sbin:/usr/bin:/sbin:/bin 'no_proxy=127.0.0.1,localhost' 'NO_PROXY=127.0.0.1,localhost')

log() { printf '[local-cloud] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# curl against loopback only, never a proxy; body on stdout.
lcurl() { curl -sS --noproxy '*' --max-time 30 "$@"; }

as_root() {
  if [[ $(id -u) == 0 ]]; then "$@"; else sudo "$@"; fi
}

# ---------------------------------------------------------------- install --

missing_packages() {
  local p
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || echo "$p"
  done
}

cmd_install() {
  local missing
  mapfile -t missing < <(missing_packages)
  if ((${#missing[@]} == 0)); then
    log "packages already installed"
    return 0
  fi
  log "installing ${missing[*]}"
  # Where systemd runs, installing would start the distribution's services on
  # 3306/5000/9292; a policy-rc.d exiting 101 forbids that. Keep one that is
  # already there (Debian's container images ship one).
  local own_policy=0
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    own_policy=1
    printf '#!/bin/sh\n# temporary, by local-cloud.sh install\nexit 101\n' |
      as_root tee /usr/sbin/policy-rc.d >/dev/null
    as_root chmod 755 /usr/sbin/policy-rc.d
    trap 'as_root rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
    "${missing[@]}" >&2
  if ((own_policy)); then
    as_root rm -f /usr/sbin/policy-rc.d
    trap - EXIT
  fi
  log "packages installed"
}

# -------------------------------------------------------------- processes --

pid_of() { # NAME -> pid on stdout if that process of ours is alive
  local pidfile=$RUN/$1.pid pid
  [[ -s $pidfile ]] || return 1
  pid=$(<"$pidfile")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  # Guard against a recycled pid: every command we start names our data dir.
  [[ -r /proc/$pid/cmdline ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$DIR" || return 1
  echo "$pid"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Fail early and clearly: Glance's eventlet server binds with SO_REUSEPORT, so
# it would silently share a port already in use instead of failing.
require_free_port() { # PORT WHAT
  if port_in_use "$1"; then die "port $1 for $2 is already in use on 127.0.0.1 (see LOCAL_CLOUD_* ports)"; fi
}

start_daemon() { # NAME COMMAND... ; detached, in its own session and process group
  local name=$1
  shift
  log "starting $name"
  : >"$LOGS/$name.log"
  # 9>&-: the daemon must not inherit (and so hold forever) our lock.
  setsid nohup "${SERVICE_ENV[@]}" "$@" </dev/null >>"$LOGS/$name.log" 2>&1 9>&- &
  echo $! >"$RUN/$name.pid"
}

stop_daemon() { # NAME
  local name=$1 pid i
  if pid=$(pid_of "$name"); then
    log "stopping $name (pid $pid)"
    # setsid made it the leader of its own process group: signal the group so
    # that its workers go too, and nothing else.
    kill -TERM -- "-$pid" 2>/dev/null || true
    for ((i = 0; i < 100; i++)); do
      kill -0 -- "-$pid" 2>/dev/null || break
      sleep 0.2
    done
    if kill -0 -- "-$pid" 2>/dev/null; then
      log "$name did not stop in 20 s, killing it"
      kill -KILL -- "-$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$RUN/$name.pid"
}

# Stop NAME if it runs but CHECK fails (it hung, or its settings changed since
# it started, e.g. another port), so that the caller starts it afresh.
restart_if_unhealthy() { # NAME CHECK...
  local name=$1
  shift
  pid_of "$name" >/dev/null || return 0
  "$@" >/dev/null 2>&1 && return 0
  log "$name runs but is not healthy: restarting it"
  stop_daemon "$name"
}

wait_for() { # WHAT LOGNAME COMMAND... ; retry COMMAND until it succeeds or TIMEOUT
  local what=$1 logname=$2 start=$SECONDS
  shift 2
  until "$@" >/dev/null 2>&1; do
    # Give up early when the process died: its log says why.
    if ((SECONDS - start >= TIMEOUT)) || ! pid_of "$logname" >/dev/null; then
      log "$what is not ready after $((SECONDS - start)) s; tail of $LOGS/$logname.log:"
      tail -n 40 "$LOGS/$logname.log" >&2 || true
      exit 1
    fi
    sleep 0.5
  done
}

# ---------------------------------------------------------------- MariaDB --

db() { mariadb --no-defaults --socket="$DB_SOCKET" -u "$(id -un)" "$@"; }

start_mariadb() {
  mkdir -p "$DIR/mysql/tmp" "$(dirname "$DB_SOCKET")"
  if [[ ! -d $DIR/mysql/data/mysql ]]; then
    log "initialising MariaDB datadir"
    # --no-defaults: nothing from /etc/mysql, so a system MariaDB is not touched.
    # Socket auth for the OS user that runs this script, no passwords needed.
    mariadb-install-db --no-defaults --datadir="$DIR/mysql/data" --user="$(id -un)" \
      --auth-root-authentication-method=socket --skip-test-db \
      >"$LOGS/mariadb-install.log" 2>&1 ||
      { tail -n 20 "$LOGS/mariadb-install.log" >&2; die "mariadb-install-db failed"; }
  fi
  restart_if_unhealthy mariadb db -e 'SELECT 1'
  if ! pid_of mariadb >/dev/null; then
    require_free_port "$DB_PORT" MariaDB
    start_daemon mariadb /usr/sbin/mariadbd --no-defaults \
      --datadir="$DIR/mysql/data" --tmpdir="$DIR/mysql/tmp" --user="$(id -un)" \
      --socket="$DB_SOCKET" --port="$DB_PORT" --bind-address=127.0.0.1 \
      --pid-file="$DIR/mysql/mariadbd.pid" --log-error="$LOGS/mariadb.log" \
      --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci \
      --innodb-buffer-pool-size=64M --max-connections=300 --skip-name-resolve
  fi
  wait_for MariaDB mariadb db -e 'SELECT 1'
  # Idempotent: (re)create the service databases and their users.
  local svc
  for svc in keystone glance; do
    db -e "CREATE DATABASE IF NOT EXISTS $svc;
      CREATE USER IF NOT EXISTS '$svc'@'localhost' IDENTIFIED BY '$DB_PASS';
      ALTER USER '$svc'@'localhost' IDENTIFIED BY '$DB_PASS';
      GRANT ALL PRIVILEGES ON $svc.* TO '$svc'@'localhost';"
  done
}

db_url() { # DBNAME
  echo "mysql+pymysql://$1:$DB_PASS@localhost/$1?unix_socket=$DB_SOCKET&charset=utf8"
}

# --------------------------------------------------------------- Keystone --

write_keystone_conf() {
  # Keystone warns about (and rightly distrusts) world-readable key dirs.
  mkdir -p "$DIR/keystone/fernet-keys" "$DIR/keystone/credential-keys"
  chmod 700 "$DIR/keystone/fernet-keys" "$DIR/keystone/credential-keys"
  cat >"$DIR/keystone/keystone.conf" <<EOF
# Generated by scripts/local-cloud.sh; rewritten on every 'up'.
[DEFAULT]
debug = false
use_stderr = true

[database]
connection = $(db_url keystone)

[token]
provider = fernet

[fernet_tokens]
key_repository = $DIR/keystone/fernet-keys

[fernet_receipts]
key_repository = $DIR/keystone/fernet-keys

[credential]
key_repository = $DIR/keystone/credential-keys

[oslo_concurrency]
lock_path = $DIR/keystone/locks
EOF
}

keystone_manage() {
  "${SERVICE_ENV[@]}" /usr/bin/keystone-manage --config-file "$DIR/keystone/keystone.conf" "$@" \
    >>"$LOGS/keystone-manage.log" 2>&1 ||
    { tail -n 30 "$LOGS/keystone-manage.log" >&2; die "keystone-manage $1 failed"; }
}

init_keystone() {
  [[ -e $STATE/keystone ]] && return 0
  log "initialising Keystone (db_sync, keys, bootstrap)"
  local me grp
  me=$(id -un)
  grp=$(id -gn)
  keystone_manage db_sync
  keystone_manage fernet_setup --keystone-user "$me" --keystone-group "$grp"
  keystone_manage credential_setup --keystone-user "$me" --keystone-group "$grp"
  # bootstrap also creates the admin, member and reader roles.
  keystone_manage bootstrap --bootstrap-password "$ADMIN_PASS" \
    --bootstrap-username admin --bootstrap-project-name admin \
    --bootstrap-role-name admin --bootstrap-service-name keystone \
    --bootstrap-region-id "$REGION" \
    --bootstrap-admin-url "$KS_URL" --bootstrap-internal-url "$KS_URL" \
    --bootstrap-public-url "$KS_URL"
  touch "$STATE/keystone"
}

start_keystone() {
  restart_if_unhealthy keystone keystone_ok
  pid_of keystone >/dev/null && return 0
  require_free_port "$KS_PORT" Keystone
  # --http11-socket, not --http-socket: the latter silently closes the
  # connection after each response, which breaks keep-alive clients.
  # --die-on-term: otherwise SIGTERM means "reload".
  start_daemon keystone /usr/bin/uwsgi --plugin python3 \
    --http11-socket "127.0.0.1:$KS_PORT" \
    --wsgi-file /usr/bin/keystone-wsgi-public \
    --env "OS_KEYSTONE_CONFIG_DIR=$DIR/keystone" --chdir "$DIR/keystone" \
    --master --die-on-term --need-app --no-orphans --lazy-apps \
    --processes 2 --threads 4 --enable-threads --buffer-size 65535
}

token_for() { # USER PASSWORD PROJECT -> token on stdout
  local body
  body=$(jq -nc --arg u "$1" --arg p "$2" --arg pr "$3" '{auth: {
    identity: {methods: ["password"], password: {user: {name: $u, domain: {id: "default"}, password: $p}}},
    scope: {project: {name: $pr, domain: {id: "default"}}}}}')
  lcurl -f -o /dev/null -D - -H 'Content-Type: application/json' -d "$body" "$KS_URL/auth/tokens" |
    tr -d '\r' | awk 'tolower($1) == "x-subject-token:" {print $2}' | grep .
}

# ks METHOD PATH [JSON] -> response body; admin token in $ADMIN_TOKEN
ks() {
  local args=(-f -X "$1" -H "X-Auth-Token: $ADMIN_TOKEN" -H 'Content-Type: application/json')
  [[ $# -ge 3 ]] && args+=(-d "$3")
  lcurl "${args[@]}" "$KS_URL$2"
}

# find_id COLLECTION QUERY -> id of the first match, or nothing
find_id() { ks GET "/$1?$2" | jq -r --arg c "$1" '.[$c][0].id // empty'; }

ensure_project() { # NAME DESCRIPTION -> id
  local id
  id=$(find_id projects "name=$1&domain_id=default")
  [[ -n $id ]] || id=$(ks POST /projects "$(jq -nc --arg n "$1" --arg d "$2" \
    '{project: {name: $n, description: $d, domain_id: "default"}}')" | jq -r .project.id)
  echo "$id"
}

ensure_user() { # NAME PASSWORD DEFAULT_PROJECT_ID -> id; resets the password
  local id body
  body=$(jq -nc --arg n "$1" --arg p "$2" --arg pr "$3" \
    '{user: {name: $n, password: $p, default_project_id: $pr, domain_id: "default", enabled: true}}')
  id=$(find_id users "name=$1&domain_id=default")
  if [[ -n $id ]]; then
    ks PATCH "/users/$id" "$body" >/dev/null
  else
    id=$(ks POST /users "$body" | jq -r .user.id)
  fi
  echo "$id"
}

ensure_role() { # NAME -> id
  local id
  id=$(find_id roles "name=$1")
  [[ -n $id ]] || id=$(ks POST /roles "$(jq -nc --arg n "$1" '{role: {name: $n}}')" | jq -r .role.id)
  echo "$id"
}

ensure_service() { # TYPE NAME -> id
  local id
  id=$(find_id services "type=$1")
  [[ -n $id ]] || id=$(ks POST /services "$(jq -nc --arg t "$1" --arg n "$2" \
    '{service: {type: $t, name: $n, enabled: true}}')" | jq -r .service.id)
  echo "$id"
}

ensure_endpoints() { # SERVICE_ID URL ; public, internal, admin in $REGION
  local iface id body
  for iface in public internal admin; do
    body=$(jq -nc --arg s "$1" --arg i "$iface" --arg u "$2" --arg r "$REGION" \
      '{endpoint: {service_id: $s, interface: $i, url: $u, region_id: $r, enabled: true}}')
    id=$(find_id endpoints "service_id=$1&interface=$iface&region_id=$REGION")
    # PATCH as well: the port may have changed since the data dir was made.
    if [[ -n $id ]]; then ks PATCH "/endpoints/$id" "$body" >/dev/null; else ks POST /endpoints "$body" >/dev/null; fi
  done
}

provision_keystone() {
  log "provisioning projects, users, roles and the image service"
  ADMIN_TOKEN=$(token_for admin "$ADMIN_PASS" admin)
  local admin_role member_role service demo glance_user demo_user
  admin_role=$(ensure_role admin)
  member_role=$(ensure_role member)
  ensure_role reader >/dev/null
  service=$(ensure_project service "Service users")
  demo=$(ensure_project demo "Ordinary project for visibility/sharing tests")
  glance_user=$(ensure_user glance "$GLANCE_PASS" "$service")
  demo_user=$(ensure_user demo "$DEMO_PASS" "$demo")
  ks PUT "/projects/$service/users/$glance_user/roles/$admin_role" >/dev/null
  ks PUT "/projects/$demo/users/$demo_user/roles/$member_role" >/dev/null
  # Identity too: bootstrap's endpoints keep the port of the first 'up'.
  local identity image
  identity=$(ensure_service identity keystone)
  image=$(ensure_service image glance)
  ensure_endpoints "$identity" "$KS_URL"
  ensure_endpoints "$image" "$GL_URL"
}

# ----------------------------------------------------------------- Glance --

write_glance_conf() {
  mkdir -p "$DIR/glance/images" "$DIR/glance/staging" "$DIR/glance/tasks" "$DIR/glance/locks"
  cp /etc/glance/glance-api-paste.ini "$DIR/glance/glance-api-paste.ini"
  cat >"$DIR/glance/glance-api.conf" <<EOF
# Generated by scripts/local-cloud.sh; rewritten on every 'up'.
# Configured the way an SCS/OSISM operator runs Glance: file backend,
# interoperable import with decompression and conversion to raw.
[DEFAULT]
debug = false
use_stderr = true
bind_host = 127.0.0.1
bind_port = $GL_PORT
workers = 2
public_endpoint = $GL_URL
enabled_backends = fs:file
enabled_import_methods = [glance-direct,web-download,copy-image]
# No quotas. show_image_direct_url and show_multiple_locations keep their
# defaults (False), as on a public cloud.
user_storage_quota = 0
use_keystone_limits = false

[database]
connection = $(db_url glance)

[glance_store]
default_backend = fs

[fs]
filesystem_store_datadir = $DIR/glance/images/

[os_glance_staging_store]
filesystem_store_datadir = $DIR/glance/staging/

[os_glance_tasks_store]
filesystem_store_datadir = $DIR/glance/tasks/

[image_import_opts]
image_import_plugins = ['image_decompression', 'image_conversion']

[image_conversion]
output_format = raw

[taskflow_executor]
conversion_format = raw

# web-download from a test HTTP server on 127.0.0.1, any port (list syntax
# with brackets; an empty allowed_ports means every port).
[import_filtering_opts]
allowed_hosts = [127.0.0.1]
allowed_ports = []

[keystone_authtoken]
www_authenticate_uri = $KS_URL
auth_url = $KS_URL
auth_type = password
project_domain_name = Default
user_domain_name = Default
project_name = service
username = glance
password = $GLANCE_PASS
region_name = $REGION
# Tests revoke tokens and expect the very next request to be refused.
token_cache_time = -1

[paste_deploy]
flavor = keystone
config_file = $DIR/glance/glance-api-paste.ini

[oslo_concurrency]
lock_path = $DIR/glance/locks
EOF
}

init_glance() {
  [[ -e $STATE/glance ]] && return 0
  log "initialising Glance (db_sync)"
  "${SERVICE_ENV[@]}" /usr/bin/glance-manage --config-file "$DIR/glance/glance-api.conf" db_sync \
    >>"$LOGS/glance-manage.log" 2>&1 ||
    { tail -n 30 "$LOGS/glance-manage.log" >&2; die "glance-manage db_sync failed"; }
  touch "$STATE/glance"
}

start_glance() {
  restart_if_unhealthy glance glance_ok
  pid_of glance >/dev/null && return 0
  require_free_port "$GL_PORT" Glance
  # Glance's own (eventlet) server: HTTP/1.1 keep-alive and chunked request
  # bodies (PUT .../stage) work without uwsgi's special flags.
  start_daemon glance /usr/bin/glance-api --config-file "$DIR/glance/glance-api.conf"
}

# ----------------------------------------------------------------- health --

keystone_ok() { token_for admin "$ADMIN_PASS" admin >/dev/null; }

glance_ok() {
  local token
  token=$(token_for admin "$ADMIN_PASS" admin) || return 1
  [[ $(lcurl -o /dev/null -w '%{http_code}' -H "X-Auth-Token: $token" "$GL_URL/v2/images") == 200 ]] || return 1
  lcurl -f -H "X-Auth-Token: $token" "$GL_URL/v2/info/import" |
    jq -e '["glance-direct", "web-download", "copy-image"] - .["import-methods"].value == []' >/dev/null
}

healthy() {
  local name
  for name in mariadb keystone glance; do pid_of "$name" >/dev/null || return 1; done
  [[ -s $CLOUDS_YAML ]] && glance_ok
}

write_clouds_yaml() {
  cat >"$CLOUDS_YAML" <<EOF
# Generated by scripts/local-cloud.sh: a throwaway cloud on loopback.
clouds:
  local-admin:
    auth:
      auth_url: $KS_URL
      username: admin
      password: $ADMIN_PASS
      project_name: admin
      user_domain_name: Default
      project_domain_name: Default
    region_name: $REGION
    interface: public
    identity_api_version: 3
  local-member:
    auth:
      auth_url: $KS_URL
      username: demo
      password: $DEMO_PASS
      project_name: demo
      user_domain_name: Default
      project_domain_name: Default
    region_name: $REGION
    interface: public
    identity_api_version: 3
EOF
}

# --------------------------------------------------------------- commands --

cmd_up() {
  take_lock
  if [[ ${LOCAL_CLOUD_RESET:-0} == 1 ]]; then wipe; fi
  bring_up
}

bring_up() {
  local started=$SECONDS
  if [[ -n $(missing_packages) ]]; then cmd_install; fi
  if healthy; then
    log "already up: keystone $KS_URL, glance $GL_URL"
    echo "$CLOUDS_YAML"
    return 0
  fi
  mkdir -p "$RUN" "$LOGS" "$STATE" "$DIR/keystone/locks"
  touch "$DIR/.local-cloud"
  start_mariadb
  write_keystone_conf
  init_keystone
  start_keystone
  wait_for Keystone keystone keystone_ok
  provision_keystone
  write_glance_conf
  init_glance
  start_glance
  wait_for Glance glance glance_ok
  write_clouds_yaml
  log "up in $((SECONDS - started)) s: keystone $KS_URL, glance $GL_URL, db socket $DB_SOCKET"
  echo "$CLOUDS_YAML"
}

stop_all() {
  local name
  for name in glance keystone mariadb; do stop_daemon "$name"; done
}

cmd_down() {
  if [[ -d $RUN ]]; then
    take_lock
    stop_all
  fi
  log "down"
}

cmd_status() {
  local name pid
  for name in mariadb keystone glance; do
    if pid=$(pid_of "$name"); then log "$name: running (pid $pid)"; else log "$name: stopped"; fi
  done
  if healthy; then
    log "healthy: keystone $KS_URL, glance $GL_URL"
    echo "$CLOUDS_YAML"
  else
    log "not healthy"
    return 1
  fi
}

wipe() {
  [[ -d $DIR ]] || return 0
  # Only ever delete a directory this script made (or an empty one).
  if [[ ! -e $DIR/.local-cloud && -n $(find "$DIR" -mindepth 1 -maxdepth 1 ! -name .lock) ]]; then
    die "refusing to wipe $DIR: it has no .local-cloud marker"
  fi
  stop_all
  log "wiping $DIR"
  find "$DIR" -mindepth 1 -maxdepth 1 ! -name .lock -exec rm -rf -- {} +
}

# up, down and reset take turns: two test runs may call `up` at once.
take_lock() {
  mkdir -p "$DIR"
  exec 9>"$DIR/.lock"
  flock -w 300 9 || die "another local-cloud.sh holds $DIR/.lock"
}

cmd_reset() {
  take_lock
  wipe
  bring_up
}

cmd_crash-glance() {
  local pid
  pid=$(pid_of glance) || die "glance is not running"
  log "killing glance (pid $pid) with SIGKILL"
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid"
  rm -f "$RUN/glance.pid"
}

main() {
  case ${1:-} in
    install | up | down | status | reset | crash-glance) "cmd_$1" ;;
    run)
      shift
      (($# > 0)) || die "run needs a program"
      exec "${SERVICE_ENV[@]}" "$@"
      ;;
    *)
      sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2
      exit 2
      ;;
  esac
}

main "$@"
