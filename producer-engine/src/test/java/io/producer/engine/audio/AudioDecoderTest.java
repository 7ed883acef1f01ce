package io.producer.engine.audio;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

class AudioDecoderTest {
    @Test void sniffsWav() {
        AudioBuffer a = TestSignals.sine(48000, 0.5, 440, 0.5, 0);
        AudioBuffer back = AudioDecoder.decode(Wav.encode(a));
        assertEquals(48000, back.sampleRate());
        assertEquals(a.frames(), back.frames());
    }

    @Test void sniffsBareMp3AndMp3BehindAnId3Tag() {
        AudioBuffer a = TestSignals.sine(44100, 1, 440, 0.5, 0);
        byte[] mp3 = Mp3.encode(a, 128);
        assertEquals(44100, AudioDecoder.decode(mp3).sampleRate());

        byte[] frame = "TIT2\0\0\0\6\0\0\0Song!".getBytes(StandardCharsets.ISO_8859_1);
        int size = frame.length + 20; // with padding
        ByteArrayOutputStream tagged = new ByteArrayOutputStream();
        tagged.writeBytes(new byte[]{'I', 'D', '3', 4, 0, 0, 0, 0, (byte) (size >> 7 & 0x7F), (byte) (size & 0x7F)});
        tagged.writeBytes(frame);
        tagged.writeBytes(new byte[20]);
        tagged.writeBytes(mp3);
        AudioBuffer fromTagged = AudioDecoder.decode(tagged.toByteArray());
        assertEquals(Mp3.decode(mp3).frames(), fromTagged.frames());
    }

    @Test void refusesOtherFormatsNamingThem() {
        var flac = assertThrows(UnsupportedAudioException.class, () -> AudioDecoder.decode("fLaC\0\0\0\"...".getBytes()));
        assertTrue(flac.getMessage().contains("FLAC") && flac.getMessage().contains("WAV or MP3"), flac.getMessage());
        var ogg = assertThrows(UnsupportedAudioException.class, () -> AudioDecoder.decode("OggS\0\2 and more".getBytes()));
        assertTrue(ogg.getMessage().contains("Ogg"), ogg.getMessage());
        var text = assertThrows(UnsupportedAudioException.class, () -> AudioDecoder.decode("{\"not\": \"audio\"}".getBytes()));
        assertTrue(text.getMessage().contains("text"), text.getMessage());
        assertThrows(UnsupportedAudioException.class, () -> AudioDecoder.decode(new byte[0]));
        assertThrows(UnsupportedAudioException.class, () -> AudioDecoder.decode(new byte[]{'I', 'D', '3', 4, 0, 0, 0, 0, 0, 10, 0, 0}));
    }
}
