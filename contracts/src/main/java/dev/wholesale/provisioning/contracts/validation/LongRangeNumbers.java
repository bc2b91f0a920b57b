package dev.wholesale.provisioning.contracts.validation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schema library compares a decimal or double (such as {@code 1e400} or {@code 1e22}) with an
 * integer bound by converting it to a {@code long}, which throws when it does not fit. Such numbers
 * are shown to it as the first integer beyond the range of a long on their side, which it compares
 * exactly and which breaks every bound within that range that the value breaks.
 */
final class LongRangeNumbers {

    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final BigInteger ABOVE_LONG = BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE);
    private static final BigInteger BELOW_LONG = BigInteger.valueOf(Long.MIN_VALUE).subtract(BigInteger.ONE);

    private LongRangeNumbers() {
    }

    /** {@code node} itself when it holds no such number (the usual case), else a copy without them. */
    static JsonNode of(JsonNode node) {
        return holdsOne(node) ? replaced(node) : node;
    }

    private static boolean holdsOne(JsonNode node) {
        if (node.isContainer()) {
            for (JsonNode child : node.values()) {
                if (holdsOne(child)) {
                    return true;
                }
            }
            return false;
        }
        return beyondLong(node);
    }

    private static JsonNode replaced(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                copy.set(property.getKey(), replaced(property.getValue()));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.values().forEach(element -> copy.add(replaced(element)));
            return copy;
        }
        if (!beyondLong(node)) {
            return node;
        }
        boolean negative = node.isBigDecimal() ? node.decimalValue().signum() < 0 : node.doubleValue() < 0;
        return JsonNodeFactory.instance.numberNode(negative ? BELOW_LONG : ABOVE_LONG);
    }

    /**
     * Big integers the library compares exactly. BigDecimal's compareTo looks at the exponents first,
     * so 1e999999999 costs nothing.
     */
    private static boolean beyondLong(JsonNode node) {
        if (node.isBigDecimal()) {
            return node.decimalValue().compareTo(LONG_MIN) < 0 || node.decimalValue().compareTo(LONG_MAX) > 0;
        }
        if (node.isDouble() || node.isFloat()) {
            double value = node.doubleValue();
            return !(value >= -0x1p63 && value < 0x1p63);
        }
        return false;
    }
}
