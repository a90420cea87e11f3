package org.rapaio.jupyter.kernel.display.image;

import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;
import org.rapaio.jupyter.kernel.display.DisplayData;
import org.rapaio.jupyter.kernel.display.DisplayRenderer;
import org.rapaio.jupyter.kernel.display.MimeType;
import org.rapaio.jupyter.kernel.global.Global;

/**
 * Pooling Lab's change to rapaio-jupyter-kernel 3.0.1's image renderer, put ahead of the kernel's jar on its
 * class path by {@code scripts/install_kernel.py}.
 *
 * <p>The kernel's own renderer gives a picture only as an image (PNG by default), with no plain text, so a
 * picture in a notebook had no text alternative. IJava puts every output's {@code toString()} in its
 * {@code text/plain}; this renderer does the same for a picture whose class has a {@code toString()} of
 * its own (lesson-lib's pictures return their description there), and leaves it out for a plain
 * {@code BufferedImage}, whose {@code toString()} describes its memory layout, not what it shows. The
 * image itself is written as before.
 */
public class DefaultImageDisplayRenderer implements DisplayRenderer {

    private static final Map<MimeType, String> FORMATS = Map.of(
            MimeType.PNG, "png",
            MimeType.GIF, "gif",
            MimeType.JPEG, "jpeg");

    @Override
    public Class<?> rendererClass() {
        return RenderedImage.class;
    }

    @Override
    public boolean canRender(String mime) {
        return FORMATS.containsKey(mimeType(mime));
    }

    @Override
    public DisplayData render(String mime, Object o) {
        MimeType type = mimeType(mime);
        if (!FORMATS.containsKey(type)) {
            throw new IllegalArgumentException("Cannot render object with this renderer.");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write((RenderedImage) o, FORMATS.get(type), Base64.getEncoder().wrap(out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DisplayData data = DisplayData.withType(type.longType(), out.toString(StandardCharsets.UTF_8));
        if (describesItself(o)) {
            data.putText(o.toString());
        }
        return data;
    }

    private static MimeType mimeType(String mime) {
        return MimeType.from(mime, Global.options().display().defaultMimeImage());
    }

    /** Whether the picture's class, or one between it and BufferedImage, has its own toString(). */
    private static boolean describesItself(Object picture) {
        try {
            Class<?> declaring = picture.getClass().getMethod("toString").getDeclaringClass();
            return declaring != Object.class && declaring != BufferedImage.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
