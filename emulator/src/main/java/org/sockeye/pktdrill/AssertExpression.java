package org.sockeye.pktdrill;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * The expressions of {@code %{ assert ... }%} blocks: integers, names, {@code + - * / // %},
 * bitwise {@code & |} (binding tighter than comparisons, as in Python), comparisons (chained as in Python: {@code a < b < c}), {@code and or not} (also {@code && || !}),
 * parentheses, {@code True}/{@code False}. Integer arithmetic only; {@code /} floors like {@code //}.
 * Not a Python interpreter: anything else is a syntax error.
 */
public final class AssertExpression {
    /** A parsed expression. */
    public interface Node {
        long eval(ToLongFunction<String> names);
    }

    private final List<String> tokens;
    private final Set<String> names = new LinkedHashSet<>();
    private int pos;

    private AssertExpression(List<String> tokens) {
        this.tokens = tokens;
    }

    /** A parsed expression and the names it uses, in order of first use. */
    public record Parsed(Node root, Set<String> names) {
        public boolean holds(ToLongFunction<String> lookup) {
            return root.eval(lookup) != 0;
        }
    }

    /** Parses {@code text}; throws {@link IllegalArgumentException} with the reason if malformed. */
    public static Parsed parse(String text) {
        AssertExpression p = new AssertExpression(tokenize(text));
        if (p.tokens.isEmpty()) {
            throw new IllegalArgumentException("empty expression");
        }
        Node n = p.or();
        if (p.pos != p.tokens.size()) {
            throw new IllegalArgumentException("unexpected '" + p.tokens.get(p.pos) + "'");
        }
        for (String name : p.names) {
            if (!TcpInfoVariables.isKnown(name)) {
                throw new IllegalArgumentException("unknown name '" + name + "'; known: " + TcpInfoVariables.names());
            }
        }
        return new Parsed(n, p.names);
    }

    private static List<String> tokenize(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isDigit(c)) {
                int j = i;
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)))) {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i;
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            } else {
                String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
                if (List.of("==", "!=", "<=", ">=", "&&", "||", "//").contains(two)) {
                    out.add(two);
                    i += 2;
                } else if ("+-*/%()<>!&|".indexOf(c) >= 0) {
                    out.add(String.valueOf(c));
                    i++;
                } else {
                    throw new IllegalArgumentException("unexpected character '" + c + "'");
                }
            }
        }
        return out;
    }

    private boolean accept(String... alternatives) {
        if (pos < tokens.size()) {
            for (String a : alternatives) {
                if (tokens.get(pos).equals(a)) {
                    pos++;
                    return true;
                }
            }
        }
        return false;
    }

    private String peek() {
        return pos < tokens.size() ? tokens.get(pos) : "";
    }

    private Node or() {
        Node left = and();
        while (accept("or", "||")) {
            Node l = left;
            Node r = and();
            left = v -> l.eval(v) != 0 || r.eval(v) != 0 ? 1 : 0;
        }
        return left;
    }

    private Node and() {
        Node left = not();
        while (accept("and", "&&")) {
            Node l = left;
            Node r = not();
            left = v -> l.eval(v) != 0 && r.eval(v) != 0 ? 1 : 0;
        }
        return left;
    }

    private Node not() {
        if (accept("not", "!")) {
            Node n = not();
            return v -> n.eval(v) == 0 ? 1 : 0;
        }
        return comparison();
    }

    private Node comparison() {
        Node first = bitOr();
        List<String> ops = new ArrayList<>();
        List<Node> operands = new ArrayList<>(List.of(first));
        while (List.of("==", "!=", "<", "<=", ">", ">=").contains(peek())) {
            ops.add(tokens.get(pos++));
            operands.add(bitOr());
        }
        if (ops.isEmpty()) {
            return first;
        }
        return v -> {
            long left = operands.get(0).eval(v);
            for (int i = 0; i < ops.size(); i++) {
                long right = operands.get(i + 1).eval(v);
                if (!compare(ops.get(i), left, right)) {
                    return 0;
                }
                left = right;
            }
            return 1;
        };
    }

    private static boolean compare(String op, long a, long b) {
        return switch (op) {
            case "==" -> a == b;
            case "!=" -> a != b;
            case "<" -> a < b;
            case "<=" -> a <= b;
            case ">" -> a > b;
            default -> a >= b;
        };
    }

    private Node bitOr() {
        Node left = bitAnd();
        while (accept("|")) {
            Node l = left;
            Node r = bitAnd();
            left = v -> l.eval(v) | r.eval(v);
        }
        return left;
    }

    private Node bitAnd() {
        Node left = sum();
        while (accept("&")) {
            Node l = left;
            Node r = sum();
            left = v -> l.eval(v) & r.eval(v);
        }
        return left;
    }

    private Node sum() {
        Node left = product();
        while (peek().equals("+") || peek().equals("-")) {
            boolean plus = tokens.get(pos++).equals("+");
            Node l = left;
            Node r = product();
            left = plus ? v -> l.eval(v) + r.eval(v) : v -> l.eval(v) - r.eval(v);
        }
        return left;
    }

    private Node product() {
        Node left = unary();
        while (List.of("*", "/", "//", "%").contains(peek())) {
            String op = tokens.get(pos++);
            Node l = left;
            Node r = unary();
            left = switch (op) {
                case "*" -> v -> l.eval(v) * r.eval(v);
                case "%" -> v -> Math.floorMod(l.eval(v), nonZero(r.eval(v)));
                default -> v -> Math.floorDiv(l.eval(v), nonZero(r.eval(v)));
            };
        }
        return left;
    }

    private static long nonZero(long d) {
        if (d == 0) {
            throw new ArithmeticException("division by zero");
        }
        return d;
    }

    private Node unary() {
        if (accept("-")) {
            Node n = unary();
            return v -> -n.eval(v);
        }
        if (accept("+")) {
            return unary();
        }
        return atom();
    }

    private Node atom() {
        if (pos >= tokens.size()) {
            throw new IllegalArgumentException("expression ends too early");
        }
        String t = tokens.get(pos++);
        if (t.equals("(")) {
            Node n = or();
            if (!accept(")")) {
                throw new IllegalArgumentException("missing ')'");
            }
            return n;
        }
        if (Character.isDigit(t.charAt(0))) {
            long value = parseInt(t);
            return v -> value;
        }
        if (t.equals("True") || t.equals("False")) {
            long value = t.equals("True") ? 1 : 0;
            return v -> value;
        }
        if (Character.isLetter(t.charAt(0)) || t.charAt(0) == '_') {
            if (List.of("and", "or", "not").contains(t)) {
                throw new IllegalArgumentException("unexpected '" + t + "'");
            }
            names.add(t);
            return v -> v.applyAsLong(t);
        }
        throw new IllegalArgumentException("unexpected '" + t + "'");
    }

    private static long parseInt(String t) {
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return Long.parseLong(t.substring(2), 16);
            }
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad number '" + t + "'");
        }
    }
}
