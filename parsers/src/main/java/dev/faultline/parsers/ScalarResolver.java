package dev.faultline.parsers;

import dev.faultline.core.tree.ScalarNode;

/**
 * YAML 1.1 resolution of plain scalars, as CloudFormation (PyYAML) does it. Keywords are matched
 * with a switch; numbers are recognised by hand with exactly the language of SnakeYAML's resolver
 * regexes ({@code Resolver.INT} and {@code Resolver.FLOAT}, tried in that order, on values of at most
 * 1,024 characters) — compiling those regexes cost a small lint about 8 ms of start-up.
 * {@code ScalarResolverTest} compares the two on every short string over the relevant alphabet.
 */
final class ScalarResolver {

    /** SnakeYAML's length limit for the INT and FLOAT resolvers. */
    private static final int NUMBER_LIMIT = 1024;

    private ScalarResolver() {}

    static ScalarNode.Kind resolvePlain(String v) {
        if (v.isEmpty()) {
            return ScalarNode.Kind.NULL;
        }
        switch (v) {
            case "~", "null", "Null", "NULL":
                return ScalarNode.Kind.NULL;
            case "yes",
                    "Yes",
                    "YES",
                    "no",
                    "No",
                    "NO",
                    "true",
                    "True",
                    "TRUE",
                    "false",
                    "False",
                    "FALSE",
                    "on",
                    "On",
                    "ON",
                    "off",
                    "Off",
                    "OFF":
                return ScalarNode.Kind.BOOL;
            default:
                break;
        }
        char c = v.charAt(0);
        if (v.length() <= NUMBER_LIMIT && ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.')) {
            if (c != '.' && isInt(v)) {
                return ScalarNode.Kind.INT;
            }
            if (isFloat(v)) {
                return ScalarNode.Kind.FLOAT;
            }
        }
        return ScalarNode.Kind.STRING;
    }

    /**
     * {@code [-+]?0b_*[0-1][0-1_]*|[-+]?0_*[0-7][0-7_]*|[-+]?(?:0|[1-9][0-9_]*)
     * |[-+]?0x_*[0-9a-fA-F][0-9a-fA-F_]*|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+}.
     */
    static boolean isInt(String v) {
        int n = v.length();
        int i = signed(v);
        if (i >= n) {
            return false;
        }
        char c = v.charAt(i);
        if (c == '0') {
            if (i + 1 == n) {
                return true;
            }
            char d = v.charAt(i + 1);
            if (d == 'b') {
                return digitsWithUnderscores(v, i + 2, 2);
            }
            if (d == 'x') {
                return digitsWithUnderscores(v, i + 2, 16);
            }
            return digitsWithUnderscores(v, i + 1, 8);
        }
        if (c < '1' || c > '9') {
            return false;
        }
        int j = skipDecimal(v, i + 1);
        return j == n || (v.charAt(j) == ':' && sexagesimal(v, j) == n);
    }

    /**
     * {@code [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
     * |[-+]?\.[0-9_]+(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
     * |[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)}.
     */
    static boolean isFloat(String v) {
        int n = v.length();
        int i = signed(v);
        if (i >= n) {
            return false;
        }
        char c = v.charAt(i);
        if (c == '.') {
            if (n - i == 4) {
                String word = v.substring(i + 1);
                if (word.equals("inf") || word.equals("Inf") || word.equals("INF")) {
                    return true;
                }
                if (i == 0 && (word.equals("nan") || word.equals("NaN") || word.equals("NAN"))) {
                    return true;
                }
            }
            int j = skipDecimal(v, i + 1);
            return j > i + 1 && exponentToEnd(v, j);
        }
        if (c < '0' || c > '9') {
            return false;
        }
        int j = skipDecimal(v, i + 1);
        if (j == n) {
            return false;
        }
        char d = v.charAt(j);
        if (d == '.') {
            return exponentToEnd(v, skipDecimal(v, j + 1));
        }
        if (d == 'e' || d == 'E') {
            return exponentToEnd(v, j);
        }
        if (d == ':') {
            int k = sexagesimal(v, j);
            return k > j && k < n && v.charAt(k) == '.' && skipDecimal(v, k + 1) == n;
        }
        return false;
    }

    /** The index after an optional sign. */
    private static int signed(String v) {
        char c = v.charAt(0);
        return c == '-' || c == '+' ? 1 : 0;
    }

    /** The index of the first character from {@code i} that is not {@code [0-9_]}. */
    private static int skipDecimal(String v, int i) {
        int j = i;
        while (j < v.length() && (v.charAt(j) == '_' || (v.charAt(j) >= '0' && v.charAt(j) <= '9'))) {
            j++;
        }
        return j;
    }

    /** Whether {@code v} from {@code i} to its end is digits of {@code radix} and '_', at least one digit. */
    private static boolean digitsWithUnderscores(String v, int i, int radix) {
        boolean digit = false;
        for (int j = i; j < v.length(); j++) {
            char c = v.charAt(j);
            if (c == '_') {
                continue;
            }
            boolean ok = radix == 16
                    ? isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
                    : c >= '0' && c < (char) ('0' + radix);
            if (!ok) {
                return false;
            }
            digit = true;
        }
        return digit;
    }

    /**
     * Groups {@code (?::[0-5]?[0-9])+} from {@code i} (which holds ':'): the index after the last
     * group, or {@code i} when the first group is malformed. Greedy is exact here: a group followed
     * by a digit can never be followed by ':', '.' or the end.
     */
    private static int sexagesimal(String v, int i) {
        int n = v.length();
        int j = i;
        int end = i;
        while (j < n && v.charAt(j) == ':') {
            if (j + 1 >= n || !isDigit(v.charAt(j + 1))) {
                return end;
            }
            char d1 = v.charAt(j + 1);
            j += 2;
            if (j < n && isDigit(v.charAt(j)) && d1 <= '5') {
                j++;
            }
            end = j;
        }
        return end;
    }

    /** Whether {@code v} from {@code i} is an optional exponent {@code [eE][-+]?[0-9]+} and then its end. */
    private static boolean exponentToEnd(String v, int i) {
        int n = v.length();
        if (i == n) {
            return true;
        }
        char e = v.charAt(i);
        if (e != 'e' && e != 'E') {
            return false;
        }
        int j = i + 1;
        if (j < n && (v.charAt(j) == '-' || v.charAt(j) == '+')) {
            j++;
        }
        if (j == n) {
            return false;
        }
        while (j < n) {
            if (!isDigit(v.charAt(j))) {
                return false;
            }
            j++;
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The kind of a scalar with an explicit standard tag ({@code !!int 3}). */
    static ScalarNode.Kind ofStandardTag(String tag, String value) {
        switch (tag.substring("tag:yaml.org,2002:".length())) {
            case "int":
                return ScalarNode.Kind.INT;
            case "float":
                return ScalarNode.Kind.FLOAT;
            case "bool":
                return ScalarNode.Kind.BOOL;
            case "null":
                return ScalarNode.Kind.NULL;
            default:
                return ScalarNode.Kind.STRING;
        }
    }
}
