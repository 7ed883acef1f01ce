package io.producer.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;

/**
 * Typed access to the fields of a JSON request body. A missing field and an explicit null both
 * read as null; a value of the wrong JSON type or out of range is a 400 naming the field and the
 * rule. Fields not asked for are ignored.
 */
final class Fields {
    private final ObjectNode body;

    Fields(ObjectNode body) {
        this.body = body;
    }

    private JsonNode node(String name) {
        JsonNode n = body.get(name);
        return n == null || n.isNull() ? null : n;
    }

    boolean present(String name) { return node(name) != null; }

    String string(String name, int maxLength) {
        JsonNode n = node(name);
        if (n == null) return null;
        if (!n.isTextual()) throw ApiException.badRequest("The '" + name + "' field should be a string.");
        String s = n.textValue();
        if (s.length() > maxLength) {
            throw ApiException.badRequest("The '" + name + "' field is too long: it should be at most " + maxLength
                    + " characters (got " + s.length() + ").");
        }
        return s;
    }

    /** A string where blank means absent (sound, lyrics, title). */
    String text(String name, int maxLength) {
        String s = string(name, maxLength);
        return s == null || s.isBlank() ? null : s;
    }

    Double number(String name, double min, double max) {
        JsonNode n = node(name);
        if (n == null) return null;
        if (!n.isNumber()) throw ApiException.badRequest("The '" + name + "' field should be a number.");
        double v = n.asDouble();
        if (!Double.isFinite(v) || v < min || v > max) {
            throw ApiException.badRequest("The '" + name + "' field should be between " + fmt(min) + " and " + fmt(max)
                    + " (got " + n.asText() + ").");
        }
        return v;
    }

    /** A number with only a lower bound (seconds). */
    Double atLeast(String name, double min) {
        JsonNode n = node(name);
        if (n == null) return null;
        if (!n.isNumber()) throw ApiException.badRequest("The '" + name + "' field should be a number.");
        double v = n.asDouble();
        if (!Double.isFinite(v)) throw ApiException.badRequest("The '" + name + "' field should be a finite number.");
        if (v < min) throw ApiException.badRequest("The '" + name + "' field should be at least " + fmt(min) + " (got " + n.asText() + ").");
        return v;
    }

    Boolean bool(String name) {
        JsonNode n = node(name);
        if (n == null) return null;
        if (!n.isBoolean()) throw ApiException.badRequest("The '" + name + "' field should be boolean.");
        return n.booleanValue();
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
