#!/usr/bin/env bash
# The README's "Production" section on loopback: the prod extra installed, the environment file and the nginx
# site made from the files under deploy/ (only paths, ports and the host name changed), migrate, collectstatic,
# `check --deploy` with warnings as errors, a self-signed certificate, gunicorn and nginx started in the
# background (no systemd here), then deploy/smoke/check.py through https://127.0.0.1:<port>. Stops all on exit.
#   bash deploy/smoke/run.sh                      SQLite under a temporary directory
#   SMOKE_DATABASE_URL=postgres://… bash deploy/smoke/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO=$PWD
VENV=${VENV:-$REPO/.venv}
WORK=$(mktemp -d /tmp/danvan-prod.XXXXXX)
chmod 755 "$WORK"
PIDS=()
cleanup() {
  status=$?
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ "$status" != 0 ]; then
    echo "== smoke test failed; logs:" >&2
    tail -n 40 "$WORK"/*.log >&2 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
APP_PORT=$(free_port); HTTPS_PORT=$(free_port); HTTP_PORT=$(free_port)

echo "== production set-up on loopback (https://127.0.0.1:$HTTPS_PORT)"
"$VENV/bin/pip" install -q -e "$REPO[prod]"

VAR=$WORK/var
mkdir -p "$VAR/media" "$WORK/tls" "$WORK/metrics" "$WORK/nginx-tmp"
python3 -c 'import secrets; print(secrets.token_urlsafe(50))' > "$WORK/secret_key"
sed -e "s#^DATABASE_URL=.*#DATABASE_URL=${SMOKE_DATABASE_URL:-sqlite:///$VAR/danvan.sqlite3}#" \
    -e "s#/etc/danvan/secret_key#$WORK/secret_key#" -e "s#/var/lib/danvan#$VAR#" \
    -e "s#https://danvan.example.gov.vn#https://127.0.0.1:$HTTPS_PORT#" -e "s#danvan.example.gov.vn#127.0.0.1#" \
    deploy/danvan.env.example > "$WORK/danvan.env"
export DANVAN_ENV_FILE=$WORK/danvan.env DANVAN_BIN=$VENV/bin/danvan
admin() { deploy/danvan-admin "$@"; }

admin migrate --verbosity 0
admin collectstatic --noinput --verbosity 0
admin check --deploy --fail-level WARNING
(set -a; . "$WORK/danvan.env"; set +a; "$VENV/bin/python" deploy/smoke/check.py seed "$WORK/seeded.json")

openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
  -keyout "$WORK/tls/privkey.pem" -out "$WORK/tls/fullchain.pem" 2>/dev/null
sed -e "s#listen 80;#listen 127.0.0.1:$HTTP_PORT;#" -e "s#listen 443 ssl http2;#listen 127.0.0.1:$HTTPS_PORT ssl http2;#" \
    -e '/listen \[::\]/d' -e "s#/etc/ssl/danvan/#$WORK/tls/#" -e "s#/var/lib/danvan#$VAR#" \
    -e "s#127.0.0.1:8001#127.0.0.1:$APP_PORT#" -e "s#danvan.example.gov.vn#127.0.0.1#" \
    deploy/nginx/danvan.conf > "$WORK/site.conf"
NGINX_USER=$(id -u www-data >/dev/null 2>&1 && echo www-data || id -un)
cat > "$WORK/nginx.conf" <<CONF
user $NGINX_USER;
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 64; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log $WORK/nginx-access.log;
    client_body_temp_path $WORK/nginx-tmp/body;
    proxy_temp_path $WORK/nginx-tmp/proxy;
    fastcgi_temp_path $WORK/nginx-tmp/fastcgi;
    uwsgi_temp_path $WORK/nginx-tmp/uwsgi;
    scgi_temp_path $WORK/nginx-tmp/scgi;
    include $WORK/site.conf;
}
CONF
chown -R "$NGINX_USER" "$WORK/nginx-tmp" 2>/dev/null || true
nginx -q -t -p "$WORK" -c "$WORK/nginx.conf" -e "$WORK/nginx-error.log"
nginx -p "$WORK" -c "$WORK/nginx.conf" -e "$WORK/nginx-error.log" -g 'daemon off;' &
PIDS+=($!)
(set -a; . "$WORK/danvan.env"; set +a; cd "$WORK"; PROMETHEUS_MULTIPROC_DIR=$WORK/metrics exec "$VENV/bin/gunicorn" \
  danvan.wsgi:application --bind "127.0.0.1:$APP_PORT" --workers 2 --timeout 120 \
  --forwarded-allow-ips 127.0.0.1 --access-logfile "$WORK/gunicorn-access.log" --error-logfile "$WORK/gunicorn.log" 2>"$WORK/app.log") &
PIDS+=($!)

for _ in $(seq 1 60); do
  if curl -fsS --cacert "$WORK/tls/fullchain.pem" "https://127.0.0.1:$HTTPS_PORT/healthz" >/dev/null 2>&1; then break; fi
  sleep 0.5
done
"$VENV/bin/python" deploy/smoke/check.py run "$WORK/seeded.json" --base "https://127.0.0.1:$HTTPS_PORT" \
  --cafile "$WORK/tls/fullchain.pem" --app "http://127.0.0.1:$APP_PORT"
