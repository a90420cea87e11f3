#!/usr/bin/python3
"""Installs the Java kernel (rapaio-jupyter-kernel) as kernelspec "java" in a Jupyter data folder.

    install_kernel.py --jar KERNEL.jar --java JAVA --into .jupyter                  the project's own
    install_kernel.py --jar KERNEL.jar --java JAVA --into /usr/local/share/jupyter  every user's

Writes INTO/kernels/java/{kernel.json, the kernel jar, config/, fix/} and nothing else: other
kernels in INTO stay as they are, and a kernel named "java" that this script did not install (IJava,
say) is never replaced; the script stops and says so instead.

fix/ holds kernel-fix/'s classes compiled against the kernel jar; they replace the kernel's own,
which had two start-up races (see each file): LoopThread left now and then a kernel start never
answering, and ShellChannel dropped a request that came before the kernel was ready, so Jupyter
Notebook's first kernel_info_request went unanswered and a new notebook waited a minute. A third,
DefaultImageDisplayRenderer, gives a picture that describes itself (its own toString(), as
lesson-lib's pictures have) a text/plain part next to the image, as IJava does: the picture's text
alternative, which the course site and the slides use as its alt text. fix/ and
config/ go on the kernel's class path before the kernel jar, so config's files replace the built-in
ones: options.json makes objects display as text/plain (as IJava shows them) instead of unescaped
HTML, without ANSI colours; profile-default.properties makes the kernel report its real version (the
3.0.1 jar calls itself 3.0.0); logging.properties keeps the kernel's own log quiet (a harmless
start-up message would otherwise show as SEVERE; set the levels back to INFO to debug the kernel).
"""
import argparse
import json
import pathlib
import shutil
import subprocess
import sys
import zipfile

KERNEL_NAME = "java"
MARKER = "pooling_lab"  # kernel.json's metadata key that says this script installed the kernel
VECTOR_MODULE = "jdk.incubator.vector"  # an incubator module in JDK 17-25: only resolved when asked for
POM_PROPERTIES = "META-INF/maven/io.github.padreati/rapaio-jupyter-kernel/pom.properties"


def jar_version(jar):
    """The version in the jar's Maven metadata: what the jar really is."""
    with zipfile.ZipFile(jar) as archive:
        lines = archive.read(POM_PROPERTIES).decode("utf-8").splitlines()
    return next(line.split("=", 1)[1].strip() for line in lines if line.startswith("version="))


def installed_by_us(kernel_dir):
    """True when kernel_dir holds no kernel yet, or one this script installed."""
    spec_file = kernel_dir / "kernel.json"
    if not spec_file.exists():
        return True
    try:
        spec = json.loads(spec_file.read_text(encoding="utf-8"))
    except ValueError:
        return False
    # Installs from before the marker are recognised by the fix/ folder on their class path.
    return MARKER in spec.get("metadata", {}) or f"{kernel_dir / 'fix'}:" in " ".join(spec.get("argv", []))


def vector_api(java):
    """lesson-lib adds eight floats per instruction where the JVM has the Vector API (same results without)."""
    flags = ["--add-modules", VECTOR_MODULE]
    probe = subprocess.run([java, *flags, "-version"], capture_output=True)
    return flags if probe.returncode == 0 else []


def readable_by_everyone(folder):
    for path in [folder, *folder.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jar", required=True, help="the rapaio-jupyter-kernel jar")
    parser.add_argument("--java", required=True, help="the java executable the kernel runs on")
    parser.add_argument("--into", required=True, help="a Jupyter data folder (it gets kernels/java/)")
    args = parser.parse_args()

    kernel_dir = pathlib.Path(args.into).resolve() / "kernels" / KERNEL_NAME
    if not installed_by_us(kernel_dir):
        sys.exit(f"install_kernel.py: {kernel_dir} holds a kernel named '{KERNEL_NAME}' that Pooling Lab did not "
                 f"install; it is left as it is. Remove it yourself, or install into another folder.")
    version = jar_version(args.jar)
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
        profile = archive.read("profile-default.properties").decode("utf-8")
    wanted = {"display.defaultMime": "text/plain", "display.text.colored": "false"}
    for option in options:
        option["value"] = wanted.get(option["key"], option["value"])
    (config / "options.json").write_text(json.dumps(options, indent=2) + "\n")
    (config / "profile-default.properties").write_text("".join(
        f"kernel.version={version}\n" if line.startswith("kernel.version=") else line + "\n"
        for line in profile.splitlines()))
    (config / "logging.properties").write_text(
        "handlers = java.util.logging.ConsoleHandler\n.level = OFF\n"
        "java.util.logging.ConsoleHandler.level = OFF\n")

    spec = {
        "argv": [args.java, "-Djava.awt.headless=true", "-cp", f"{fix}:{config}:{jar}", *vector_api(args.java),
                 "org.rapaio.jupyter.kernel.MainApp", "{connection_file}"],
        "display_name": "Java",
        "language": "java",
        "interrupt_mode": "message",
        "env": {"RJK_COMPILER_OPTIONS": "", "RJK_INIT_SCRIPT": "", "RJK_TIMEOUT_MILLIS": "-1"},
        "metadata": {MARKER: {"kernel": "rapaio-jupyter-kernel", "version": version}},
    }
    (kernel_dir / "kernel.json").write_text(json.dumps(spec, indent=2) + "\n")
    readable_by_everyone(kernel_dir)
    print(f"installed rapaio-jupyter-kernel {version} as kernel '{KERNEL_NAME}' in {kernel_dir}")


if __name__ == "__main__":
    main()
