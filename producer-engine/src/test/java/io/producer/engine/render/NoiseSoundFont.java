package io.producer.engine.render;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * A minimal but valid SoundFont 2 whose only instrument (piano, program 0) is one looped sample of
 * full-scale white noise: what Gervill makes of an .sf3's compressed samples.
 */
final class NoiseSoundFont {
    private NoiseSoundFont() {}

    static byte[] build() {
        int n = 22050;
        ByteBuffer smpl = le(2 * (n + 46));
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < n; i++) smpl.putShort((short) (rnd.nextInt(65536) - 32768));
        byte[] info = list("INFO", chunk("ifil", le(4).putShort((short) 2).putShort((short) 1).array()),
                chunk("isng", z("EMU8000", 8)), chunk("INAM", z("Noise", 6)));
        byte[] sdta = list("sdta", chunk("smpl", smpl.array()));
        ByteBuffer phdr = le(38 * 2);
        phdr.put(z("Noise Piano", 20)).putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0).putInt(0).putInt(0);
        phdr.put(z("EOP", 20)).putShort((short) 0).putShort((short) 0).putShort((short) 1).putInt(0).putInt(0).putInt(0);
        byte[] pbag = le(8).putShort((short) 0).putShort((short) 0).putShort((short) 1).putShort((short) 0).array();
        byte[] pmod = new byte[10];
        byte[] pgen = le(8).putShort((short) 41).putShort((short) 0).putShort((short) 0).putShort((short) 0).array(); // instrument 0
        ByteBuffer inst = le(22 * 2);
        inst.put(z("Noise", 20)).putShort((short) 0).put(z("EOI", 20)).putShort((short) 1);
        byte[] ibag = le(8).putShort((short) 0).putShort((short) 0).putShort((short) 2).putShort((short) 0).array();
        byte[] imod = new byte[10];
        byte[] igen = le(12).putShort((short) 54).putShort((short) 1)   // sampleModes: loop
                .putShort((short) 53).putShort((short) 0)                  // sampleID 0 (last in the zone)
                .putShort((short) 0).putShort((short) 0).array();
        ByteBuffer shdr = le(46 * 2);
        shdr.put(z("noise", 20)).putInt(0).putInt(n).putInt(8).putInt(n - 8).putInt(44100).put((byte) 60).put((byte) 0).putShort((short) 0).putShort((short) 1);
        shdr.put(z("EOS", 20)).putInt(0).putInt(0).putInt(0).putInt(0).putInt(0).put((byte) 0).put((byte) 0).putShort((short) 0).putShort((short) 0);
        byte[] pdta = list("pdta", chunk("phdr", phdr.array()), chunk("pbag", pbag), chunk("pmod", pmod), chunk("pgen", pgen),
                chunk("inst", inst.array()), chunk("ibag", ibag), chunk("imod", imod), chunk("igen", igen), chunk("shdr", shdr.array()));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("sfbk".getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(info);
        body.writeBytes(sdta);
        body.writeBytes(pdta);
        return chunk("RIFF", body.toByteArray());
    }

    private static ByteBuffer le(int n) { return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN); }

    private static byte[] z(String s, int len) {
        byte[] b = new byte[len];
        byte[] src = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(src, 0, b, 0, Math.min(src.length, len - 1));
        return b;
    }

    private static byte[] chunk(String id, byte[] data) {
        ByteBuffer b = le(8 + data.length + (data.length & 1));
        b.put(id.getBytes(StandardCharsets.US_ASCII)).putInt(data.length).put(data);
        return b.array();
    }

    private static byte[] list(String type, byte[]... chunks) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(type.getBytes(StandardCharsets.US_ASCII));
        for (byte[] c : chunks) o.writeBytes(c);
        return chunk("LIST", o.toByteArray());
    }
}
