#!/usr/bin/env bash
# Gradescope runs this once, as root, while it builds the autograder's image (Ubuntu 22.04 by default).
# The grader needs only a Java 17 (or newer) JDK: javac compiles the answers and JShell reads the answer
# cells. It comes from Ubuntu's own packages (apt: openjdk-17-jdk-headless); everything else is in kit/,
# so nothing is fetched from GitHub, PyPI or Maven. Running it again changes nothing.
set -euo pipefail

jdk_major() {
  javac -version 2>&1 | sed -n 's/^javac \([0-9]*\).*/\1/p'
}

if command -v javac >/dev/null 2>&1 && [ "$(jdk_major)" -ge 17 ] 2>/dev/null &&
  java --list-modules 2>/dev/null | grep -q '^jdk.jshell@'; then
  echo "setup.sh: a Java $(jdk_major) JDK with javac and JShell is installed already; nothing to do"
  exit 0
fi
echo "setup.sh: installing a Java 17 JDK from Ubuntu's packages (openjdk-17-jdk-headless)"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends openjdk-17-jdk-headless
echo "setup.sh: done: $(javac -version 2>&1)"
