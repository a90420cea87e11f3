#!/usr/bin/python3
"""Makes a pretend class of N submissions from the master notebook, to try ./lab grade FOLDER on.

    make_class.py N FOLDER

Every tenth notebook is the untouched student version; a third of the others have one or two typical
mistakes, each the wrong answer the grader's answer bank holds for it
(grader/src/test/resources/answer-bank/wrong/<exercise>/<mistake>.java), put into its answer cell; the
rest are the master itself. Each gets the student's name in a first cell, so no two files are the same.
The item analysis of the graded class (summary.md) then counts each mistake's students.
"""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
BANK = ROOT / "grader/src/test/resources/answer-bank/wrong"


def mistakes():
    """(exercise id, answer source) for every wrong answer of the bank, in a fixed order."""
    return [(path.parent.name, path.read_text()) for path in sorted(BANK.glob("*/*.java"))]


def with_answer(notebook, exercise, source):
    for cell in notebook["cells"]:
        if f"answer:{exercise}" in cell["metadata"].get("tags", []):
            lines = source.splitlines(keepends=True)
            cell["source"] = lines
            return
    raise ValueError(f"the master has no answer cell for {exercise}")


def main():
    count, folder = int(sys.argv[1]), pathlib.Path(sys.argv[2])
    folder.mkdir(parents=True, exist_ok=True)
    master = (ROOT / "solutions/pooling-exercises.ipynb").read_text()
    student = (ROOT / "exercises/pooling-exercises.ipynb").read_text()
    bank = mistakes()
    made = 0
    for i in range(count):
        notebook = json.loads(student if i % 10 == 9 else master)
        if i % 10 != 9 and i % 3 == 1:
            first = bank[(7 * made) % len(bank)]
            chosen = [first] if made % 2 == 0 else [first, bank[(7 * made + 3) % len(bank)]]
            for exercise, source in dict(chosen).items():
                with_answer(notebook, exercise, source)
            made += 1
        notebook["cells"].insert(0, {"cell_type": "markdown", "id": f"name{i}", "metadata": {},
                                     "source": [f"Submitted by student {i:03d}"]})
        (folder / f"student-{i:03d}.ipynb").write_text(json.dumps(notebook, indent=1))
    print(f"wrote {count} submissions to {folder}")


if __name__ == "__main__":
    main()
