package io.producer.engine.voice;

/** A phone of the performance, in seconds from the start of the song. */
record SungPhone(String phone, double start, double end) {
    double length() { return end - start; }
}
