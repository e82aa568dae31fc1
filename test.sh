#!/usr/bin/env bash
# Runs the whole test suite: unit tests, the in-process API and SDK tests, and the end-to-end tests
# with a real server process driven by the real CLI. Extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
. bin/find-java.sh
secrethub_find_java
echo "Using JDK at $JAVA_HOME"
exec ./mvnw -B verify "$@"
