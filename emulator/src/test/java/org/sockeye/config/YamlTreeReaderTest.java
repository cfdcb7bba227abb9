package org.sockeye.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class YamlTreeReaderTest {
    private final ConfigErrors errors = new ConfigErrors("t.yaml");

    private YamlNode read(String text) {
        return new YamlTreeReader(errors, false).read(text);
    }

    @Test
    void keysAndValuesCarryOneBasedLineAndColumn() {
        YamlMap root = (YamlMap) read("""
                name: x
                links:
                  - endpoints: [a, b]
                    rate: 1Mbps
                """);
        assertTrue(errors.isEmpty());
        assertPos(1, 1, root.entry("name").key());
        assertPos(1, 7, root.get("name"));
        YamlMap link = (YamlMap) ((YamlList) root.get("links")).items().get(0);
        assertPos(4, 5, link.entry("rate").key());
        assertPos(4, 11, link.get("rate"));
        YamlList ends = (YamlList) link.get("endpoints");
        assertPos(3, 20, ends.items().get(1));
        assertEquals("b", ((YamlScalar) ends.items().get(1)).text());
    }

    @Test
    void scalarsKeepTheirTextAndNullIsMarked() {
        YamlMap root = (YamlMap) read("a: 0.010\nb: true\nc:\nd: '7'\n");
        assertEquals("0.010", root.get("a").toString());
        assertEquals("true", root.get("b").toString());
        assertTrue(((YamlScalar) root.get("c")).isNull());
        assertEquals("7", root.get("d").toString());
    }

    @Test
    void duplicateKeyIsAnErrorAtTheSecondKey() {
        read("a: 1\nb: 2\na: 3\n");
        assertEquals(List.of("t.yaml:3:1: duplicate key 'a' (first at line 1)"), messages());
    }

    @Test
    void malformedYamlIsOneErrorAtTheParserLocation() {
        assertNull(read("a: [1, 2\nb: 3\n"));
        assertEquals(1, errors.count());
        ConfigError e = errors.sorted().get(0);
        assertTrue(e.message().startsWith("malformed yaml: "), e.message());
        assertTrue(e.line() >= 1 && e.column() >= 1);
    }

    @Test
    void emptyDocumentIsAnError() {
        assertNull(read("# nothing\n"));
        assertEquals(List.of("t.yaml:1:1: empty document"), messages());
    }

    @Test
    void commandLineValuesHaveLineZero() {
        YamlNode v = new YamlTreeReader(errors, true).read("{model: bernoulli, rate: 0.1}");
        YamlMap m = assertInstanceOf(YamlMap.class, v);
        assertEquals(0, m.get("rate").line());
    }

    @Test
    void writerOutputReadsBackToTheSameTree() {
        String text = """
                name: "odd: name"
                list:
                  - a: 1
                    b: [x, 'y z']
                  - plain
                  - []
                empty: {}
                nothing:
                to: b:5000
                hash: "a #b"
                """;
        YamlNode first = read(text);
        String written = YamlWriter.write(first);
        YamlNode second = read(written);
        assertTrue(errors.isEmpty(), errors.sorted().toString());
        assertEquals(YamlWriter.write(first), YamlWriter.write(second));
        YamlMap m = (YamlMap) second;
        assertEquals("odd: name", m.get("name").toString());
        assertEquals("a #b", m.get("hash").toString());
        assertEquals("b:5000", m.get("to").toString());
        assertTrue(((YamlScalar) m.get("nothing")).isNull());
        YamlMap item = (YamlMap) ((YamlList) m.get("list")).items().get(0);
        assertEquals("y z", ((YamlList) item.get("b")).items().get(1).toString());
    }

    private List<String> messages() {
        return errors.sorted().stream().map(ConfigError::toString).toList();
    }

    private static void assertPos(int line, int column, YamlNode node) {
        assertEquals(line + ":" + column, node.line() + ":" + node.column());
    }
}
