package dev.faultline.rules.support;

/** Reads a value out of a small JSON text written as a string property (a redrive policy). */
public final class JsonText {

    private JsonText() {
    }

    /** The string value of {@code "key": "value"} in a JSON text, or null. */
    public static String stringValue(String json, String key) {
        int k = json.indexOf("\"" + key + "\"");
        if (k < 0) {
            return null;
        }
        int colon = json.indexOf(':', k + key.length() + 2);
        if (colon < 0) {
            return null;
        }
        int q1 = colon + 1;
        while (q1 < json.length() && Character.isWhitespace(json.charAt(q1))) {
            q1++;
        }
        if (q1 >= json.length() || json.charAt(q1) != '"') {
            return null;
        }
        int q2 = json.indexOf('"', q1 + 1);
        return q2 < 0 ? null : json.substring(q1 + 1, q2);
    }
}
