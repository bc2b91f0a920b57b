package dev.wholesale.provisioning.contracts.validation;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import dev.wholesale.provisioning.contracts.catalogue.RequestType;
import dev.wholesale.provisioning.contracts.catalogue.ServicePackage;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A quick check of the users of a {@code provisioning.users.add.v1} request. The schema library
 * spends most of a users request's validation walking its up to 1000 users through the generic
 * keyword machinery, although nearly all of them are plainly valid. When every user passes this
 * check, the event is validated with an empty users array instead, which reports the same errors:
 * valid users contribute none, and nothing else in the schema depends on them.
 *
 * <p>The check only ever answers "certainly valid" or "let the schema decide": it accepts a user
 * only when every rule of {@code users-add.schema.json#/properties/users/items} holds, judged in a
 * way that is exact for the values it accepts (ASCII only where a pattern counts characters).
 * {@code UserItemsTest} holds it to the schema.
 */
final class UserItems {

    static final String TYPE = RequestType.USERS_ADD.wire();
    /** The schema's maxItems: more users are an error the empty array would hide. */
    private static final int MAX_USERS = 1000;
    private static final Set<String> PACKAGES = Arrays.stream(ServicePackage.values()).map(ServicePackage::wire)
            .collect(Collectors.toUnmodifiableSet());

    private UserItems() {
    }

    /**
     * The event to give the schema: {@code event} itself, or, when all its users are certainly
     * valid, a copy whose users array is empty. The caller's event is never changed.
     */
    static JsonNode withoutCertainlyValidUsers(JsonNode event) {
        JsonNode data = event.path("data");
        JsonNode users = data.path("users");
        if (!TYPE.equals(event.path("type").asString(null)) || !users.isArray() || users.isEmpty()
                || users.size() > MAX_USERS) {
            return event;
        }
        for (JsonNode user : users) {
            if (!certainlyValid(user)) {
                return event;
            }
        }
        ObjectNode lighterData = JsonNodeFactory.instance.objectNode();
        lighterData.setAll((ObjectNode) data);
        lighterData.putArray("users");
        ObjectNode lighter = JsonNodeFactory.instance.objectNode();
        lighter.setAll((ObjectNode) event);
        lighter.set("data", lighterData);
        return lighter;
    }

    /** True only if the schema certainly finds nothing wrong with this user. */
    static boolean certainlyValid(JsonNode user) {
        return user instanceof ObjectNode
                && email(user.get("email"))
                && text(user.get("firstName"), 64)
                && text(user.get("lastName"), 64)
                && servicePackage(user.get("package"))
                && text(user.get("location"), 80)
                && (!user.has("primaryPhoneNumber") || phoneNumber(user.get("primaryPhoneNumber")))
                && (!user.has("extension") || extension(user.get("extension")));
    }

    /**
     * minLength 1 and maxLength {@code max} count code points; a string of 1 to {@code max} UTF-16
     * units has between 1 and {@code max} of them.
     */
    private static boolean text(JsonNode node, int max) {
        String text = string(node);
        return text != null && !text.isEmpty() && text.length() <= max;
    }

    /** One of the catalogue's packages (the immutable set refuses to be asked about null). */
    private static boolean servicePackage(JsonNode node) {
        String name = string(node);
        return name != null && PACKAGES.contains(name);
    }

    /** {@code ^[^@\s]{1,64}@[^@\s][^@\s.]*\.[^@\s]+$}, at most 254 characters; judged for visible ASCII only. */
    private static boolean email(JsonNode node) {
        String email = string(node);
        if (email == null) {
            return false;
        }
        int at = email.indexOf('@');
        if (email.length() > 254 || at < 1 || at > 64 || email.indexOf('@', at + 1) >= 0) {
            return false;
        }
        int lastDot = email.lastIndexOf('.');
        if (lastDot <= at + 1 || lastDot == email.length() - 1) {
            return false;
        }
        for (int i = 0; i < email.length(); i++) {
            char c = email.charAt(i);
            if (c <= ' ' || c > '~') {
                return false;
            }
        }
        return true;
    }

    /** {@code ^\+[1-9][0-9]{1,14}$}, at most 16 characters. */
    private static boolean phoneNumber(JsonNode node) {
        String number = string(node);
        if (number == null || number.length() < 3 || number.length() > 16 || number.charAt(0) != '+' || number.charAt(1) == '0') {
            return false;
        }
        return digits(number, 1);
    }

    /** {@code ^[0-9]{2,10}$}. */
    private static boolean extension(JsonNode node) {
        String extension = string(node);
        return extension != null && extension.length() >= 2 && extension.length() <= 10 && digits(extension, 0);
    }

    /** The field's text, or null if it is missing or not a string. */
    private static String string(JsonNode node) {
        return node != null && node.isString() ? node.asString() : null;
    }

    private static boolean digits(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
