#!/usr/bin/env bash
# Builds SecretHub and starts secrethub-server on its embedded default: a SQLite file in ./data.
# Sign-up is open (--allow-signup), as on a development server. Extra flags go to the server.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
. bin/find-java.sh
secrethub_find_java
./mvnw -B -q -DskipTests package
exec bin/secrethub-server --data-dir ./data --allow-signup "$@"
