package io.producer.server.task;

import io.producer.engine.Seeds;

import javax.imageio.ImageIO;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A cover image for every song, drawn headless from the seed, the title and the genre: the genre
 * picks the palette family, the seed the exact colours and the waveform-like rings, so the same
 * song always gets the same cover. 512×512 PNG.
 */
public final class CoverArt {
    public static final int SIZE = 512;

    private CoverArt() {}

    public static byte[] png(String seed, String title, String genre) {
        SplittableRandom rnd = Seeds.stream(Seeds.hash(seed), "cover", 0);
        float genreHue = (Math.floorMod((genre == null ? "" : genre).hashCode(), 360)) / 360f;
        float hue1 = (genreHue + (float) rnd.nextDouble(-0.06, 0.06) + 1f) % 1f;
        float hue2 = (hue1 + 0.12f + (float) rnd.nextDouble(0.0, 0.35)) % 1f;
        Color top = Color.getHSBColor(hue1, 0.55f + (float) rnd.nextDouble(0.3), 0.35f + (float) rnd.nextDouble(0.25));
        Color bottom = Color.getHSBColor(hue2, 0.6f + (float) rnd.nextDouble(0.3), 0.12f + (float) rnd.nextDouble(0.15));
        Color accent = Color.getHSBColor((hue1 + 0.5f) % 1f, 0.35f, 0.95f);

        BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, top, SIZE, SIZE, bottom));
            g.fillRect(0, 0, SIZE, SIZE);

            // rings around an off-centre point, like grooves of a record
            double cx = SIZE * rnd.nextDouble(0.3, 0.7), cy = SIZE * rnd.nextDouble(0.25, 0.55);
            int rings = 6 + rnd.nextInt(10);
            for (int i = 0; i < rings; i++) {
                double r = 20 + i * (8 + rnd.nextDouble(18));
                g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) (0.08 + rnd.nextDouble(0.25))));
                g.setColor(i % 3 == 0 ? accent : Color.WHITE);
                g.setStroke(new BasicStroke((float) (1 + rnd.nextDouble(4))));
                g.draw(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
            }
            // a waveform band across the lower half
            Path2D.Double wave = new Path2D.Double();
            double baseY = SIZE * 0.68, amp = 10 + rnd.nextDouble(35), f1 = 2 + rnd.nextInt(6), f2 = 7 + rnd.nextInt(11);
            double p1 = rnd.nextDouble(Math.PI * 2), p2 = rnd.nextDouble(Math.PI * 2);
            for (int x = 0; x <= SIZE; x += 4) {
                double t = x / (double) SIZE;
                double y = baseY + amp * Math.sin(2 * Math.PI * f1 * t + p1) + amp * 0.4 * Math.sin(2 * Math.PI * f2 * t + p2);
                if (x == 0) wave.moveTo(x, y);
                else wave.lineTo(x, y);
            }
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.7f));
            g.setColor(accent);
            g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(wave);

            g.setComposite(AlphaComposite.SrcOver);
            drawText(g, title, genre);
        } finally {
            g.dispose();
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void drawText(Graphics2D g, String title, String genre) {
        String text = title == null || title.isBlank() ? "Untitled" : title.strip();
        g.setColor(new Color(255, 255, 255, 235));
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, 40);
        g.setFont(font);
        List<String> lines = wrap(text, g.getFontMetrics(), SIZE - 64);
        if (lines.size() > 3) {
            lines = new ArrayList<>(lines.subList(0, 3));
            lines.set(2, lines.get(2) + "…");
        }
        int y = SIZE - 40 - (lines.size() - 1) * 46;
        for (String line : lines) {
            g.drawString(line, 32, y);
            y += 46;
        }
        if (genre != null && !genre.isBlank()) {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 18));
            g.setColor(new Color(255, 255, 255, 180));
            g.drawString(genre.toUpperCase(java.util.Locale.ROOT), 32, 44);
        }
    }

    private static List<String> wrap(String text, FontMetrics fm, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (fm.stringWidth(candidate) <= width || line.isEmpty()) {
                line.setLength(0);
                line.append(candidate);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        if (!line.isEmpty()) lines.add(line.toString());
        return lines;
    }
}
