#!/usr/bin/python3
"""Runs a Maven build, keeps its whole log in a file, and prints one line per module instead.

    maven_tests.py --log build/logs/maven.log -- mvn -B verify

Each line names the module, how many tests ran and how many failed, and how long the module took.
Every failed test is then printed in full (its message and stack trace, from Surefire's XML
reports); a build that fails without a failed test (a compile error, say) gets Maven's error lines.
Exits with Maven's exit status.
"""
import argparse
import pathlib
import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ElementTree

ROOT = pathlib.Path(__file__).resolve().parent.parent
MODULE_START = re.compile(r"^\[INFO\] -+< (?P<group>[^:\s]+):(?P<artifact>[^\s]+) >-+$")
FAILED_GOAL = re.compile(r"^\[ERROR\] Failed to execute goal .* on project (?P<artifact>[^\s:]+):")
MAX_ERROR_LINES = 80


def module_directories():
    """artifactId -> folder, for the parent pom and each module it lists."""
    def artifact_of(pom):
        namespace = {"m": "http://maven.apache.org/POM/4.0.0"}
        return ElementTree.parse(pom).getroot().find("m:artifactId", namespace).text.strip()

    folders = {artifact_of(ROOT / "pom.xml"): ROOT}
    namespace = {"m": "http://maven.apache.org/POM/4.0.0"}
    for module in ElementTree.parse(ROOT / "pom.xml").getroot().iterfind("m:modules/m:module", namespace):
        folder = ROOT / module.text.strip()
        folders[artifact_of(folder / "pom.xml")] = folder
    return folders


def test_results(folder, since):
    """(tests, failed, skipped, failures) from the module's Surefire reports written after `since`."""
    tests = failed = skipped = 0
    failures = []
    reports = folder / "target" / "surefire-reports"
    for report in sorted(reports.glob("TEST-*.xml")) if reports.is_dir() else []:
        if report.stat().st_mtime < since:
            continue  # left over from an earlier run
        for case in ElementTree.parse(report).getroot().iter("testcase"):
            tests += 1
            if case.find("skipped") is not None:
                skipped += 1
            problem = case.find("failure")
            if problem is None:
                problem = case.find("error")
            if problem is not None:
                failed += 1
                failures.append((f"{case.get('classname')} > {case.get('name')}",
                                 (problem.text or problem.get("message") or "").strip()))
    return tests, failed, skipped, failures


def describe(name, results, seconds, build_failed):
    tests, failed, skipped, _ = results
    if failed:
        outcome = f"{plural(tests, 'test')}, {failed} FAILED"
    elif build_failed:
        outcome = "FAILED to build" if tests == 0 else f"{plural(tests, 'test')} passed, then FAILED"
    elif tests == 0:
        outcome = "no tests"
    else:
        outcome = f"{plural(tests, 'test')} passed"
    if skipped:
        outcome += f", {skipped} skipped"
    return f"  {name:<16} {outcome:<28} {seconds:5.0f} s"


def plural(count, noun):
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--log", required=True)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    log_path = pathlib.Path(args.log)
    log_path.parent.mkdir(parents=True, exist_ok=True)
    folders = module_directories()

    started = time.time()
    all_failures = []
    current, current_started = None, started

    failed_modules = set()

    def finish(artifact, module_started):
        results = test_results(folders.get(artifact, ROOT / artifact), started)
        all_failures.extend(results[3])
        print(describe(artifact, results, time.time() - module_started, artifact in failed_modules), flush=True)

    with open(log_path, "w", encoding="utf-8") as log:
        maven = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                 encoding="utf-8", errors="replace")
        error_lines = []
        for line in maven.stdout:
            log.write(line)
            match = MODULE_START.match(line.rstrip())
            if match:
                if current:
                    finish(current, current_started)
                current, current_started = match.group("artifact"), time.time()
            elif line.startswith("[ERROR]"):
                error_lines.append(line.rstrip())
                failed_goal = FAILED_GOAL.match(line)
                if failed_goal:
                    failed_modules.add(failed_goal.group("artifact"))
        status = maven.wait()
    if current:
        finish(current, current_started)

    for name, details in all_failures:
        print(f"\nFAILED {name}\n{details}")
    if status != 0 and not all_failures:
        # Maven's own advice after the first "-> [Help 1]" (re-run with -e, ...) is left to the log.
        if "[ERROR] -> [Help 1]" in error_lines:
            error_lines = error_lines[:error_lines.index("[ERROR] -> [Help 1]")]
        print("\n".join(error_lines[:MAX_ERROR_LINES]))
        if len(error_lines) > MAX_ERROR_LINES:
            print(f"... {len(error_lines) - MAX_ERROR_LINES} more error lines")
    if status != 0:
        print(f"\nMaven failed (exit status {status}); its whole log is in {log_path}")
    return status


if __name__ == "__main__":
    sys.exit(main())
