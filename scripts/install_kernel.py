#!/usr/bin/python3
"""Installs the Java kernel (rapaio-jupyter-kernel) as kernelspec "java" in a project-local Jupyter folder.

    install_kernel.py --jar KERNEL.jar --java JAVA --into .jupyter

Writes .jupyter/kernels/java/{kernel.json, config/options.json, config/logging.properties, fix/}.

fix/ holds kernel-fix/'s LoopThread compiled against the kernel jar: it replaces the kernel's own,
whose start-up race left now and then a kernel start never answering (see that file). fix/ and
config/ go on the kernel's class path before the kernel jar, so config's options.json replaces the
built-in one: objects display as text/plain (as IJava shows them) instead of unescaped HTML, without
ANSI colours, and the kernel's own log stays quiet (a harmless start-up message would otherwise show as
SEVERE; set the levels back to INFO in config/logging.properties to debug the kernel).
"""
import argparse
import json
import pathlib
import shutil
import subprocess
import zipfile


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--jar", required=True)
    parser.add_argument("--java", required=True)
    parser.add_argument("--into", required=True)
    args = parser.parse_args()

    kernel_dir = pathlib.Path(args.into).resolve() / "kernels" / "java"
    config = kernel_dir / "config"
    config.mkdir(parents=True, exist_ok=True)
    jar = kernel_dir / pathlib.Path(args.jar).name
    if pathlib.Path(args.jar).resolve() != jar:
        shutil.copyfile(args.jar, jar)

    fix = kernel_dir / "fix"
    shutil.rmtree(fix, ignore_errors=True)
    fix_sources = sorted(str(p) for p in (pathlib.Path(__file__).resolve().parent / "kernel-fix").rglob("*.java"))
    javac = pathlib.Path(args.java).with_name("javac")
    subprocess.run([str(javac), "-nowarn", "-d", str(fix), "-cp", str(jar), *fix_sources], check=True)

    with zipfile.ZipFile(jar) as archive:
        options = json.loads(archive.read("options.json"))
    wanted = {"display.defaultMime": "text/plain", "display.text.colored": "false"}
    for option in options:
        option["value"] = wanted.get(option["key"], option["value"])
    (config / "options.json").write_text(json.dumps(options, indent=2) + "\n")
    (config / "logging.properties").write_text(
        "handlers = java.util.logging.ConsoleHandler\n.level = OFF\n"
        "java.util.logging.ConsoleHandler.level = OFF\n")

    spec = {
        "argv": [args.java, "-Djava.awt.headless=true", "-cp", f"{fix}:{config}:{jar}",
                 "org.rapaio.jupyter.kernel.MainApp", "{connection_file}"],
        "display_name": "Java",
        "language": "java",
        "interrupt_mode": "message",
        "env": {"RJK_COMPILER_OPTIONS": "", "RJK_INIT_SCRIPT": "", "RJK_TIMEOUT_MILLIS": "-1"},
    }
    (kernel_dir / "kernel.json").write_text(json.dumps(spec, indent=2) + "\n")


if __name__ == "__main__":
    main()
