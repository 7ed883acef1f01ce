package io.producer.server.task;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CoverArtTest {
    @Test void sameSongSameCoverOtherSeedOtherCover() throws Exception {
        System.setProperty("java.awt.headless", "true");
        byte[] a = CoverArt.png("42", "Starry Night", "pop");
        assertArrayEquals(a, CoverArt.png("42", "Starry Night", "pop"));
        byte[] b = CoverArt.png("43", "Starry Night", "pop");
        assertFalse(java.util.Arrays.equals(a, b));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(a));
        assertEquals(CoverArt.SIZE, img.getWidth());
        assertEquals(CoverArt.SIZE, img.getHeight());
        // not a flat fill: the corners differ (gradient) and the picture has many colours
        assertTrue(img.getRGB(0, 0) != img.getRGB(511, 511));
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < 512; y += 8) for (int x = 0; x < 512; x += 8) colours.add(img.getRGB(x, y));
        assertTrue(colours.size() > 100, "colours: " + colours.size());
    }

    @Test void missingTitleAndGenreStillDraw() throws Exception {
        System.setProperty("java.awt.headless", "true");
        assertEquals(CoverArt.SIZE, ImageIO.read(new ByteArrayInputStream(CoverArt.png("1", null, null))).getWidth());
    }
}
