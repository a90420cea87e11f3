#!/usr/bin/env bash
# Gradescope runs this once, as root, while it builds the autograder's image (Ubuntu 22.04 by default).
# The grader needs a Java 17 (or newer) JDK (javac compiles the answers, JShell reads the answer cells)
# and, to contain the students' code, bubblewrap and util-linux's prlimit and setpriv (util-linux is part
# of every Ubuntu). They come from Ubuntu's own packages (apt); everything else is in kit/, so nothing is
# fetched from GitHub, PyPI or Maven. No account is made: the grader runs each student's code as a user
# id of its own, from a range no account uses. Running it again changes nothing.
set -euo pipefail

jdk_major() {
  javac -version 2>&1 | sed -n 's/^javac \([0-9]*\).*/\1/p'
}

missing=()
if ! command -v javac >/dev/null 2>&1 || ! [ "$(jdk_major)" -ge 17 ] 2>/dev/null ||
  ! java --list-modules 2>/dev/null | grep -q '^jdk.jshell@'; then
  missing+=(openjdk-17-jdk-headless)
fi
command -v bwrap >/dev/null 2>&1 || missing+=(bubblewrap)
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup.sh: a Java $(jdk_major) JDK and bubblewrap are installed already; nothing to do"
  exit 0
fi
echo "setup.sh: installing ${missing[*]} from Ubuntu's packages"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "setup.sh: done: $(javac -version 2>&1), $(bwrap --version)"
