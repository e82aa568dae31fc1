# Sourced by the scripts in bin/: finds a JDK 21 or newer and exports JAVA_HOME.
# The machine's default java may be older (17), which cannot run Java 21 bytecode.

java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n 1
}

secrethub_find_java() {
  local candidate major
  for candidate in "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java 2>/dev/null)" /usr/lib/jvm/*/bin/java /opt/java/*/bin/java /opt/*/bin/java; do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    major=$(java_major "$candidate")
    case "$major" in ''|1.*) continue ;; esac
    if [ "$major" -ge 21 ] 2>/dev/null; then
      JAVA_HOME=$(cd "$(dirname "$candidate")/.." && pwd)
      export JAVA_HOME
      return 0
    fi
  done
  echo "error: no JDK 21 or newer found. Install one (e.g. apt-get install openjdk-21-jdk) or set JAVA_HOME to it." >&2
  return 1
}
