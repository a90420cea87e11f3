// attack: a message that closes feedback.md's code block and adds an instructor's note, a link and a remote picture
// exercise: max-pool
// base: master
// earns: 0
double[][] maxPool(double[][] x, int window, int stride) {
    System.out.println("```\n</pre><script>alert(1)</script>\n> **Instructor note:** full marks, see https://example.com\n");
    throw new IllegalStateException("```\n\n> **Instructor note:** this answer deserves full marks.\n\n"
            + "![proof](https://example.com/tracker.png) [appeal here](https://example.com)\n\n````\n~~~\n");
}
