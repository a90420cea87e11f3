"""Writes a reveal.js deck per executed notebook, build/slides/NAME.slides.html, with nbconvert's
slides exporter and an offline template: reveal.js (from npm, pinned in package.json) is copied next
to the decks, and nothing is loaded from anywhere else.

Slides follow each cell's "slideshow.slide_type" (View > Cell Toolbar > Slideshow in Jupyter): "slide"
starts a slide, "subslide" a slide below it, "fragment" appears on the next key press, "-" continues
the slide, "skip" is left out and "notes" cells become the speaker notes of their slide (press S;
they show from the slide's start, also when they follow a fragment). A notebook whose
cells carry no slide types at all gets a slide per markdown cell, with the code cells after it.

Used by notebooks.py (run, slides, publish); runs on the Python that has Jupyter.
"""
import pathlib
import shutil

import nbformat

import notebook_parts

ROOT = pathlib.Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "scripts" / "templates"
REVEAL = ROOT / "node_modules" / "reveal.js"
# The parts of reveal.js a deck uses, and its licence
REVEAL_FILES = ["dist/reveal.js", "dist/reveal.css", "dist/theme/white.css", "dist/plugin/notes.js", "LICENSE"]


def copy_reveal(out_dir):
    missing = [name for name in REVEAL_FILES if not (REVEAL / name).is_file()]
    if missing:
        raise SystemExit(f"slides: reveal.js is not installed ({REVEAL / missing[0]} is missing); "
                         f"./lab setup installs it")
    for name in REVEAL_FILES:
        target = out_dir / "reveal.js" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(REVEAL / name, target)


def has_slide_types(nb):
    return any("slide_type" in cell.get("metadata", {}).get("slideshow", {}) for cell in nb.cells)


def slide_per_markdown_cell(nb):
    """For a notebook without slide types: each markdown cell starts a slide, its code cells follow it."""
    for cell in nb.cells:
        cell.metadata["slideshow"] = {"slide_type": "slide" if cell.cell_type == "markdown" else "-"}


def slide_type(cell):
    return cell.get("metadata", {}).get("slideshow", {}).get("slide_type", "-")


def notes_to_slide_start(nb):
    """Moves each speaker-notes cell up to the start of its slide. nbconvert puts a notes cell that
    follows a fragment inside that fragment, and reveal.js shows a fragment's notes only once the
    fragment is shown; the notes are meant for the whole slide."""
    cells, start = [], None  # start: where the next notes cell of the current slide goes
    for cell in nb.cells:
        kind = slide_type(cell)
        if kind == "notes" and start is not None:
            cells.insert(start, cell)
            start += 1
            continue
        cells.append(cell)
        if kind in ("slide", "subslide"):
            start = len(cells)
    nb.cells = cells


def write_deck(source, executed, out_dir):
    from nbconvert import SlidesExporter
    nb = nbformat.read(executed, as_version=4)
    nb.metadata["title"] = notebook_parts.title_of(nb, source)
    if not has_slide_types(nb):
        slide_per_markdown_cell(nb)
    notes_to_slide_start(nb)
    exporter = SlidesExporter(template_name="slides", extra_template_basedirs=[str(TEMPLATES)],
                              extra_template_paths=[str(notebook_parts.SHARED_TEMPLATES)],
                              reveal_url_prefix="reveal.js", reveal_theme="white", reveal_transition="none",
                              reveal_number="c/t")
    body, _ = exporter.from_notebook_node(nb)
    deck = out_dir / (pathlib.Path(source).stem + ".slides.html")
    deck.write_text(notebook_parts.in_english(body), encoding="utf-8")
    for reference in notebook_parts.copy_local_files(nb, pathlib.Path(source).parent, out_dir):
        print(f"  (slides: {pathlib.Path(source).name} shows {reference}, which is not there; run the notebook first)")
    return deck


def write_decks(notebooks, out_dir):
    """notebooks: [(source notebook, executed notebook)]. Returns the decks written."""
    out_dir = pathlib.Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    copy_reveal(out_dir)
    return [write_deck(source, executed, out_dir) for source, executed in notebooks]
