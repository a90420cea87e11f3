#!/usr/bin/python3
"""Makes a pretend class of N submissions from the master notebook, to measure ./lab grade FOLDER.

    make_class.py N FOLDER

Every tenth notebook is the untouched student version, a third are the master with one typical
mistake put in, the rest are the master itself; each gets the student's name in a first cell, so no
two files are the same.
"""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
MISTAKES = [
    ("double max = Double.NEGATIVE_INFINITY;", "double max = 0;"),
    ("sum / (countIncludePad ? window * window : realCells)", "sum / (window * window)"),
    ("return b + relu(a - b);", "return relu(a + b);"),
    ("means[c] = sum / (x[c].length * x[c][0].length);", "means[c] = sum / x[c].length;"),
    ("1.0 / (window * window)", "1.0"),
]


def main():
    count, folder = int(sys.argv[1]), pathlib.Path(sys.argv[2])
    folder.mkdir(parents=True, exist_ok=True)
    master = (ROOT / "solutions/pooling-exercises.ipynb").read_text()
    student = (ROOT / "exercises/pooling-exercises.ipynb").read_text()
    for i in range(count):
        if i % 10 == 9:
            text = student
        elif i % 3 == 1:
            old, new = MISTAKES[i % len(MISTAKES)]
            text = master.replace(json.dumps(old)[1:-1], json.dumps(new)[1:-1])
        else:
            text = master
        notebook = json.loads(text)
        notebook["cells"].insert(0, {"cell_type": "markdown", "id": f"name{i}", "metadata": {},
                                     "source": [f"Submitted by student {i:03d}"]})
        (folder / f"student-{i:03d}.ipynb").write_text(json.dumps(notebook, indent=1))
    print(f"wrote {count} submissions to {folder}")


if __name__ == "__main__":
    main()
