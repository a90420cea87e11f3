#!/usr/bin/python3
"""Installs the Java kernel (rapaio-jupyter-kernel) as kernelspec "java" in a Jupyter data folder.

    install_kernel.py --jar KERNEL.jar --java JAVA --into .jupyter                  the project's own
    install_kernel.py --jar KERNEL.jar --java JAVA --into /usr/local/share/jupyter  every user's

Writes INTO/kernels/java/{kernel.json, start-kernel, the kernel jar, pooling-lab-kernel.jar, kernel.jsa}
and nothing else: other kernels in INTO stay as they are, and a kernel named "java" that this script did
not install (IJava, say) is never replaced; the script stops and says so instead.

kernel.json runs start-kernel, a shell script that starts the JVM with the settings for a kernel that
shares a server (JVM_OPTIONS below; the heap at most half of the memory JupyterHub gives the student's
server, MEM_LIMIT, or 1 GB) and the kit's main class, org.poolinglab.kernel.KernelMain: it ends the
kernel at once, saying which port is taken, when the kernel cannot listen on the ports Jupyter chose,
instead of leaving a kernel that never answers.

pooling-lab-kernel.jar, ahead of the kernel jar on the class path, holds kernel-fix/'s classes compiled
against the kernel jar (KernelMain, and classes that replace the kernel's own: two had start-up races,
LoopThread left now and then a kernel start never answering, and ShellChannel dropped a request that came
before the kernel was ready, so Jupyter Notebook's first kernel_info_request went unanswered and a new
notebook waited a minute; a third, DefaultImageDisplayRenderer, gives a picture that describes itself (its
own toString(), as lesson-lib's pictures have) a text/plain part next to the image, as IJava does: the
picture's text alternative, which the course site and the slides use as its alt text) and config files
that replace the kernel's built-in ones: options.json makes objects display as text/plain (as IJava shows
them) instead of unescaped HTML, without ANSI colours; profile-default.properties makes the kernel report
its real version (the 3.0.1 jar calls itself 3.0.0); logging.properties keeps the kernel's own log quiet
(a harmless start-up message would otherwise show as SEVERE; set the levels back to INFO to debug the
kernel).

kernel.jsa is a class-data-sharing archive made by running a short notebook on the new kernel: the
classes a kernel loads at start (JShell's compiler, Java2D, PNG writing, the kernel's own), ready to
map instead of being read and checked again at every start, and shared by every kernel on the machine.
"""
import argparse
import json
import pathlib
import shutil
import shlex
import subprocess
import sys
import tempfile
import zipfile

KERNEL_NAME = "java"
MARKER = "pooling_lab"  # kernel.json's metadata key that says this script installed the kernel
VECTOR_MODULE = "jdk.incubator.vector"  # an incubator module in JDK 17-25: only resolved when asked for
POM_PROPERTIES = "META-INF/maven/io.github.padreati/rapaio-jupyter-kernel/pom.properties"
KIT_JAR = "pooling-lab-kernel.jar"
LAUNCHER = "start-kernel"
ARCHIVE = "kernel.jsa"
MAIN_CLASS = "org.poolinglab.kernel.KernelMain"
# A kernel among many on one server (README, "The kernel's JVM settings"). The G1 collector: it collects
# in parallel while the notebooks train on every core, and returns memory. Regions of 4 MB, so a
# training batch's maps (1.6 MB) are ordinary objects, not "humongous" ones that start a marking cycle
# each; marking starts when 70% of the heap is in use (G1's adaptive start marked all the time beside
# notebook 06's data); the heap starts at 32 MB, keeps at most 30% free after a full collection, and
# grows only when collecting takes more than a fifth of the time (GCTimeRatio=4; G1's own 12, a
# thirteenth, let notebook 01 grow the heap to 290 MB for 70-90 MB in use). The kernel gives back what an
# idle kernel does not use (KernelMain's IdleHeapRelease). The heap's bound is in start-kernel. The
# JVM's warnings go to stderr (the kernel log), never into a notebook.
JVM_OPTIONS = ["-XX:+UseG1GC", "-XX:G1HeapRegionSize=4m", "-XX:-G1UseAdaptiveIHOP", "-XX:InitiatingHeapOccupancyPercent=70",
               "-Xms32m", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-XX:GCTimeRatio=4", "-Xlog:disable",
               "-Xlog:all=warning:stderr",
               "-Djava.awt.headless=true"]
HEAP_SHARE = 2  # the heap may take 1/HEAP_SHARE of MEM_LIMIT; the rest is the JVM's own and the server's
DEFAULT_HEAP_MB = 1024  # without MEM_LIMIT: as on a server that gives each student 2 GB (the kit's hub does)
# A short notebook whose classes go into the archive: JShell compiling Java, a record, streams, text in a
# picture drawn with Java2D and sent as PNG, as the lesson notebooks do.
ARCHIVE_CELLS = [
    "import java.awt.*;\nimport java.awt.geom.*;\nimport java.awt.image.BufferedImage;\nimport java.util.*;\n"
    "import java.util.List;\nimport java.util.stream.*;",
    "record Cell(int row, int column, double value) {}\n"
    "List<Cell> cells = IntStream.range(0, 16).mapToObj(i -> new Cell(i / 4, i % 4, Math.sin(i)))"
    ".collect(Collectors.toList());\n"
    "String.format(\"%d cells, largest %.2f\", cells.size(), cells.stream().mapToDouble(Cell::value).max().orElse(0))",
    "BufferedImage picture = new BufferedImage(240, 120, BufferedImage.TYPE_INT_ARGB);\n"
    "Graphics2D g = picture.createGraphics();\n"
    "g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);\n"
    "g.setColor(Color.WHITE);\ng.fill(new Rectangle2D.Double(0, 0, 240, 120));\n"
    "g.setColor(new Color(40, 80, 160));\ng.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));\n"
    "g.drawString(\"Pooling Lab\", 20, 60);\ng.draw(new Ellipse2D.Double(150, 30, 60, 60));\ng.dispose();\n"
    "picture",
]


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


def java_build(java):
    """The JVM's exact build (java -version's last line), which a class-data archive belongs to."""
    said = subprocess.run([java, "-version"], capture_output=True, text=True).stderr
    return said.strip().splitlines()[-1]


def kit_jar(kernel_jar, java, jar_file):
    """pooling-lab-kernel.jar: kernel-fix/'s classes compiled against the kernel jar, and the config files."""
    with tempfile.TemporaryDirectory() as scratch:
        classes = pathlib.Path(scratch)
        sources = sorted(str(p) for p in (pathlib.Path(__file__).resolve().parent / "kernel-fix").rglob("*.java"))
        javac = pathlib.Path(java).with_name("javac")
        subprocess.run([str(javac), "-nowarn", "-d", str(classes), "-cp", str(kernel_jar), *sources], check=True)
        with zipfile.ZipFile(kernel_jar) as archive:
            options = json.loads(archive.read("options.json"))
            profile = archive.read("profile-default.properties").decode("utf-8")
        wanted = {"display.defaultMime": "text/plain", "display.text.colored": "false"}
        for option in options:
            option["value"] = wanted.get(option["key"], option["value"])
        version = jar_version(kernel_jar)
        config = {
            "options.json": json.dumps(options, indent=2) + "\n",
            "profile-default.properties": "".join(f"kernel.version={version}\n" if line.startswith("kernel.version=")
                                                  else line + "\n" for line in profile.splitlines()),
            "logging.properties": "handlers = java.util.logging.ConsoleHandler\n.level = OFF\n"
                                  "java.util.logging.ConsoleHandler.level = OFF\n",
        }
        with zipfile.ZipFile(jar_file, "w", zipfile.ZIP_DEFLATED) as jar:
            for path in sorted(classes.rglob("*.class")):
                jar.write(path, path.relative_to(classes).as_posix())
            for name, text in config.items():
                jar.writestr(name, text)


def launcher(java, jvm_arguments, class_path, kernel_dir):
    """start-kernel: the JVM with the heap from MEM_LIMIT and the archive when there is one."""
    command = " ".join(shlex.quote(part) for part in [java, *jvm_arguments, "-cp", class_path, MAIN_CLASS])
    archive = shlex.quote(str(kernel_dir / ARCHIVE))
    return f"""#!/bin/sh
# Starts Pooling Lab's Java kernel. Written by scripts/install_kernel.py; the next install replaces it.
# The heap takes at most 1/{HEAP_SHARE} of the memory JupyterHub gives the student's server (MEM_LIMIT, in
# bytes), or {DEFAULT_HEAP_MB} MB without MEM_LIMIT, so a notebook needs as much memory everywhere.
heap=-Xmx{DEFAULT_HEAP_MB}m
case "${{MEM_LIMIT:-}}" in
  "" | *[!0-9]*) ;;
  *) heap="-Xmx$((MEM_LIMIT / {HEAP_SHARE} / 1048576))m" ;;
esac
archive=
[ -f {archive} ] && archive="-XX:SharedArchiveFile="{archive}
exec {command.replace(f' -cp ', ' $heap $archive -cp ', 1)} "$@"
"""


def build_archive(kernel_dir, java, jvm_arguments, class_path):
    """kernel.jsa: what a kernel loads while it runs ARCHIVE_CELLS, dumped when it ends. Returns None or why not."""
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import KernelManager
    archive = kernel_dir / ARCHIVE
    archive.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        spec_dir = pathlib.Path(scratch, "kernels", "dump")
        spec_dir.mkdir(parents=True)
        (spec_dir / "kernel.json").write_text(json.dumps({
            "argv": [java, *jvm_arguments, f"-XX:ArchiveClassesAtExit={archive}", "-cp", class_path, MAIN_CLASS,
                     "{connection_file}"],
            "display_name": "dump", "language": "java", "env": KERNEL_ENV}))
        manager = KernelManager(kernel_name="dump",
                                kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(spec_dir.parent)]))
        manager.start_kernel(cwd=scratch, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        client = manager.client()
        client.start_channels()
        try:
            client.wait_for_ready(timeout=120)
            for cell in ARCHIVE_CELLS:
                reply = client.execute_interactive(cell, timeout=120, output_hook=lambda msg: None)
                if reply["content"]["status"] != "ok":
                    return "a cell failed: " + " ".join(reply["content"].get("traceback", []))
        except RuntimeError as e:
            return str(e)
        finally:
            client.stop_channels()
            manager.shutdown_kernel(now=False)  # a kernel that ends by itself writes the archive
    return None if archive.exists() else "the JVM wrote no archive"


KERNEL_ENV = {"RJK_COMPILER_OPTIONS": "", "RJK_INIT_SCRIPT": "", "RJK_TIMEOUT_MILLIS": "-1"}


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
    kernel_dir.mkdir(parents=True, exist_ok=True)
    for old in ("fix", "config"):  # an install from before pooling-lab-kernel.jar
        shutil.rmtree(kernel_dir / old, ignore_errors=True)
    jar = kernel_dir / pathlib.Path(args.jar).name
    if pathlib.Path(args.jar).resolve() != jar:
        shutil.copyfile(args.jar, jar)
    kit_jar(jar, args.java, kernel_dir / KIT_JAR)
    class_path = f"{kernel_dir / KIT_JAR}:{jar}"
    jvm_arguments = [*JVM_OPTIONS, *vector_api(args.java)]
    (kernel_dir / LAUNCHER).write_text(launcher(args.java, jvm_arguments, class_path, kernel_dir))
    spec = {
        "argv": ["/bin/sh", str(kernel_dir / LAUNCHER), "{connection_file}"],
        "display_name": "Java",
        "language": "java",
        "interrupt_mode": "message",
        "env": KERNEL_ENV,
        "metadata": {MARKER: {"kernel": "rapaio-jupyter-kernel", "version": jar_version(jar),
                              "java": args.java, "java_build": java_build(args.java)}},
    }
    (kernel_dir / "kernel.json").write_text(json.dumps(spec, indent=2) + "\n")
    no_archive = build_archive(kernel_dir, args.java, jvm_arguments, class_path)
    readable_by_everyone(kernel_dir)
    print(f"installed rapaio-jupyter-kernel {jar_version(jar)} as kernel '{KERNEL_NAME}' in {kernel_dir}"
          + (f" (without a class-data archive: {no_archive}; kernels start slower)" if no_archive else ""))


if __name__ == "__main__":
    main()
