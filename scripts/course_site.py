"""Writes the course site, build/site/: a home page (the lesson in a paragraph, a card per notebook with
its key picture, the animation, the exercises, the slides) and one page per notebook, each titled like
its notebook and linked to home and to the previous and next page. Every page works offline, from
file:// too, and the folder can be published as it is: nothing is loaded from anywhere else.

Used by notebooks.py (run, publish); runs on the Python that has Jupyter.
"""
import pathlib
import shutil

import jinja2
import nbformat

import notebook_parts

TEMPLATES = pathlib.Path(__file__).resolve().parent / "templates"
PAGE_TEMPLATE = "site"  # scripts/templates/site/, an nbconvert template


class Page:
    """One notebook of the site: its source (for the files its markdown shows) and the version shown."""

    def __init__(self, source, shown):
        self.source = pathlib.Path(source)
        self.shown = pathlib.Path(shown)
        self.nb = nbformat.read(self.shown, as_version=4)
        self.name = self.source.stem
        self.title = notebook_parts.title_of(self.nb, self.source)
        self.href = self.name + ".html"


def write_page(page, previous, following, slides_href, out_dir):
    from nbconvert import HTMLExporter
    exporter = HTMLExporter(template_name=PAGE_TEMPLATE, extra_template_basedirs=[str(TEMPLATES)],
                            extra_template_paths=[str(notebook_parts.SHARED_TEMPLATES)])
    nb = nbformat.from_dict(page.nb)
    nb.metadata["title"] = page.title  # the tab's title
    links = {"previous": previous and {"href": previous.href, "title": previous.title},
             "next": following and {"href": following.href, "title": following.title},
             "slides": slides_href}
    body, _ = exporter.from_notebook_node(nb, resources={"course": links})
    (out_dir / page.href).write_text(notebook_parts.in_english(body), encoding="utf-8")
    if page.shown.resolve() != (out_dir / page.shown.name).resolve():
        shutil.copyfile(page.shown, out_dir / page.shown.name)
    for reference in notebook_parts.copy_local_files(page.nb, page.source.parent, out_dir):
        print(f"  (site: {page.source.name} shows {reference}, which is not there; run the notebook first)")


def write_site(lessons, exercises, slides_dir, out_dir):
    """lessons: [(source notebook, executed notebook)] in teaching order; exercises: (the student
    notebook, the version to show) or None; slides_dir: the decks to copy in, if it exists."""
    out_dir = pathlib.Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    pages = [Page(source, executed) for source, executed in lessons]
    exercise_page = Page(*exercises) if exercises else None
    in_order = pages + ([exercise_page] if exercise_page else [])

    decks = copy_decks(slides_dir, out_dir)
    deck_of = {deck["name"]: deck["href"] for deck in decks}
    for i, page in enumerate(in_order):
        write_page(page, in_order[i - 1] if i > 0 else None, in_order[i + 1] if i + 1 < len(in_order) else None,
                   deck_of.get(page.name), out_dir)

    cards = [card(page, deck_of.get(page.name), out_dir) for page in pages]
    home = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES / "site")), autoescape=True)
    index = out_dir / "index.html"
    index.write_text(home.get_template("home.html.j2").render(
        notebooks=cards,
        exercises=exercise_page and {"href": exercise_page.href, "title": exercise_page.title,
                                     "notebook": exercise_page.shown.name,
                                     "description": notebook_parts.opening_paragraph(exercise_page.nb)},
        animation=animation(pages),
        decks=[{"href": deck["href"], "title": next((p.title for p in pages if p.name == deck["name"]), deck["name"])}
               for deck in decks],
    ), encoding="utf-8")
    shutil.copyfile(TEMPLATES / "site" / "site.css", out_dir / "site.css")
    return index


def card(page, slides_href, out_dir):
    picture = notebook_parts.key_picture(page.nb)
    thumbnail = None
    if picture:
        (out_dir / "thumbnails").mkdir(exist_ok=True)
        thumbnail = {"src": f"thumbnails/{page.name}.png", "alt": picture[1]}
        (out_dir / thumbnail["src"]).write_bytes(picture[0])
    return {"href": page.href, "title": page.title, "notebook": page.shown.name, "slides": slides_href,
            "description": notebook_parts.opening_paragraph(page.nb), "thumbnail": thumbnail,
            "errors": notebook_parts.errors_of(page.nb)}


def animation(pages):
    """The first animated GIF a notebook's markdown shows, for the home page."""
    for page in pages:
        for reference in notebook_parts.local_files(page.nb):
            if reference.lower().endswith(".gif") and (page.source.parent / reference).is_file():
                return {"src": reference, "page": page.href, "title": page.title,
                        "alt": notebook_parts.markdown_alt(page.nb, reference)}
    return None


def copy_decks(slides_dir, out_dir):
    """Copies the slide decks (and reveal.js) into out_dir/slides/, so the site is complete on its own."""
    target = out_dir / "slides"
    shutil.rmtree(target, ignore_errors=True)
    if not slides_dir or not pathlib.Path(slides_dir).is_dir():
        return []
    shutil.copytree(slides_dir, target)
    return [{"name": deck.name[:-len(".slides.html")], "href": f"slides/{deck.name}"}
            for deck in sorted(target.glob("*.slides.html"))]
