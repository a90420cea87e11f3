"""What the course site and the slides take from a notebook: its title, its opening paragraph, its key
picture, its errors, and the local files its markdown shows (the animation notebook 01 writes)."""
import base64
import html
import pathlib
import re
import shutil

THUMBNAIL_TAG = "thumbnail"  # a code cell with this tag holds the notebook's key picture
# What the site's and the slides' templates share: a picture with its alt text, readable colours
SHARED_TEMPLATES = pathlib.Path(__file__).resolve().parent / "templates" / "shared"
# ![alt](path) and <img src="path"> in markdown cells
MARKDOWN_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)|<img\s[^>]*src=[\"']([^\"']+)[\"']")


def title_of(nb, path):
    """The first "# " heading of the notebook, or the file's name."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return pathlib.Path(path).stem


def opening_paragraph(nb, max_chars=320):
    """The first paragraph after the title, as HTML (inline code, bold and italics kept), cut after the
    last sentence that fits in max_chars."""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", cell.source)]
        for paragraph in paragraphs:
            if paragraph and not paragraph.startswith(("#", "%", "|", "```", "<", "-", "*", "!")):
                return inline_markdown(shorten(" ".join(paragraph.split()), max_chars))
    return ""


def shorten(text, max_chars):
    if text.endswith(":"):  # a sentence that leads into a list or a cell: drop it
        end = max(text.rfind(". "), text.rfind("? "), text.rfind("! "))
        text = text[:end + 1] if end > 0 else text
    if len(text) <= max_chars:
        return text
    cut = text[:max_chars]
    end = max(cut.rfind(". "), cut.rfind("? "), cut.rfind("! "))
    return cut[:end + 1] if end > 0 else cut.rsplit(" ", 1)[0] + " ..."


def inline_markdown(text):
    text = html.escape(text, quote=False)
    text = re.sub(r"`([^`]+)`", r"<code>\1</code>", text)
    text = re.sub(r"\*\*([^*]+)\*\*", r"<strong>\1</strong>", text)
    return re.sub(r"(?<![\w*])\*([^*]+)\*(?![\w*])", r"<em>\1</em>", text)


def key_picture(nb):
    """The picture of the first code cell tagged "thumbnail", else the first picture, as (PNG bytes, its
    description: the output's plain text), or None."""
    def pictures(cells):
        for cell in cells:
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                if "image/png" in data:
                    yield base64.b64decode(data["image/png"]), description(data)

    code = [c for c in nb.cells if c.cell_type == "code"]
    tagged = [c for c in code if THUMBNAIL_TAG in c.get("metadata", {}).get("tags", [])]
    return next(pictures(tagged), None) or next(pictures(code), None)


def description(data):
    """A picture output's text alternative: its plain text, where lesson-lib's pictures put their
    description; None for a plain BufferedImage's ("BufferedImage@..." under IJava, nothing on the kit's
    kernel), which says nothing about the picture."""
    text = data.get("text/plain", "")
    return text if text and not text.startswith("BufferedImage@") else None


def markdown_alt(nb, reference):
    """The alt text a markdown cell gives the picture at reference (![alt](reference)), or None."""
    pattern = re.compile(r"!\[([^\]]*)\]\(\s*<?" + re.escape(reference) + r"[\s>)]")
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            match = pattern.search(cell.source)
            if match and match.group(1).strip():
                return match.group(1).strip()
    return None


def errors_of(nb):
    """One line per error output: "cell 7: EvalException: ..."."""
    return [f"cell {i + 1}: {o.get('ename')}: {o.get('evalue')}"
            for i, c in enumerate(nb.cells) for o in c.get("outputs", []) if o.get("output_type") == "error"]


def local_files(nb):
    """Relative paths of the files the markdown cells show, e.g. "animations/max-pooling-4x4.gif".
    Addresses (http:, data:, ...), absolute paths and paths that climb out with ".." are left out."""
    found = []
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for match in MARKDOWN_IMAGE.finditer(cell.source):
            reference = match.group(1) or match.group(2)
            path = pathlib.PurePosixPath(reference)
            if ":" in reference or path.is_absolute() or ".." in path.parts:
                continue
            if reference not in found:
                found.append(reference)
    return found


def copy_local_files(nb, source_folder, out_dir):
    """Copies the files the markdown shows from the notebook's own folder to the same relative place
    under out_dir, so the page or deck written there shows them. Returns the ones that were missing."""
    missing = []
    for reference in local_files(nb):
        source = pathlib.Path(source_folder) / reference
        if not source.is_file():
            missing.append(reference)
            continue
        target = pathlib.Path(out_dir) / reference
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    return missing


def in_english(page):
    """The HTML page nbconvert wrote, with its language named (<html lang="en">), so that screen readers
    read it with English pronunciation; nbconvert's templates write a bare <html>."""
    if "<html>" not in page:
        raise ValueError("nbconvert's page has no <html> tag to name its language in")
    return page.replace("<html>", '<html lang="en">', 1)
