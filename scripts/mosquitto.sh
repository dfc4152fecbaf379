#!/usr/bin/env bash
# Runs Debian's mosquitto in the foreground on 127.0.0.1:PORT with TLS and a password file:
# the colour sensor's broker for the sensor tests (tests/support/broker.rs) and the demo.
#
#   OT2CTL_MQTT_USERNAME=user OT2CTL_MQTT_PASSWORD=secret scripts/mosquitto.sh PORT DIR
#
# On first use in DIR it makes a test CA and a broker certificate for 127.0.0.1 and
# localhost (DIR/ca.pem is the CA, for OT2CTL_MQTT_CA_FILE); a restart in the same DIR keeps
# them. The password is read from the environment and handed to mosquitto_passwd on its
# standard input, never as an argument; the password file is 0600.
set -euo pipefail
if [ $# -ne 2 ] || [ -z "${OT2CTL_MQTT_USERNAME:-}" ] || [ -z "${OT2CTL_MQTT_PASSWORD:-}" ]; then
  echo "usage: OT2CTL_MQTT_USERNAME=… OT2CTL_MQTT_PASSWORD=… $0 PORT DIR" >&2
  exit 2
fi
port=$1
dir=$2
mosquitto=$(command -v mosquitto || echo /usr/sbin/mosquitto)
[ -x "$mosquitto" ] || { echo "mosquitto is not installed: apt-get install mosquitto" >&2; exit 1; }
umask 077
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
if [ ! -f "$dir/ca.pem" ]; then
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 30 \
    -subj "/CN=ot2ctl test CA" -keyout "$dir/ca.key" -out "$dir/ca.pem.partial" 2>/dev/null
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
    -subj "/CN=localhost" -keyout "$dir/broker.key" -out "$dir/broker.csr" 2>/dev/null
  printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\n' >"$dir/broker.ext"
  openssl x509 -req -in "$dir/broker.csr" -CA "$dir/ca.pem.partial" -CAkey "$dir/ca.key" \
    -CAcreateserial -days 30 -extfile "$dir/broker.ext" -out "$dir/broker.pem" 2>/dev/null
  mv "$dir/ca.pem.partial" "$dir/ca.pem"
fi
printf '%s\n%s\n' "$OT2CTL_MQTT_PASSWORD" "$OT2CTL_MQTT_PASSWORD" |
  mosquitto_passwd -c "$dir/passwords" "$OT2CTL_MQTT_USERNAME" >/dev/null
cat >"$dir/mosquitto.conf" <<CONF
# Run as whoever started it: the files above are theirs alone.
user $(id -un)
per_listener_settings false
allow_anonymous false
password_file $dir/passwords
persistence false
log_dest stderr
log_type error
log_type warning
log_type notice
listener $port 127.0.0.1
cafile $dir/ca.pem
certfile $dir/broker.pem
keyfile $dir/broker.key
CONF
exec "$mosquitto" -c "$dir/mosquitto.conf"
