package dev.wholesale.provisioning.contracts.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The quick check of users may only accept what the schema accepts: whatever a user holds, if the
 * check calls it certainly valid, the schema of a user finds nothing wrong with it. And it must
 * accept ordinary users, or it saves nothing.
 */
class UserItemsTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Schema USER = SchemaValidator.registry().getSchema(
            SchemaLocation.of(SchemaValidator.SCHEMA_BASE + "users-add.schema.json#/properties/users/items"));
    private static final List<String> FIELDS = List.of("email", "firstName", "lastName", "package", "location",
            "primaryPhoneNumber", "extension");
    /** Characters each rule treats specially, and characters that are more than they look. */
    private static final String[] PIECES = {"a", "Z", "0", "9", "1", "@", ".", "+", "-", "_", " ", "\t", "\n", "\r",
            "\u000B", "\f", "\u0085", "\u00A0", "\u2028", "é", "日", "\uD83D\uDE00", "\uD83D", "\uDE00", "\u0000",
            "\u007F", "~", "\\", "webex_calling", "cx_essentials", "x@y.z", "+45", "+0", "+1", "12", "0", "4532123456"};
    private static final int[] LENGTHS = {0, 1, 2, 3, 9, 10, 11, 15, 16, 17, 63, 64, 65, 66, 79, 80, 81, 253, 254, 255};

    @Test
    void theUsersOfTheExampleAreCertainlyValid() throws IOException {
        JsonNode example = JsonMapper.builder().build().readTree(Files.readAllBytes(
                Path.of("examples", "valid", UserItems.TYPE + ".json")));
        JsonNode users = example.at("/data/users");
        assertThat(users.size()).isGreaterThan(1);
        users.forEach(user -> assertThat(UserItems.certainlyValid(user)).as(user.toString()).isTrue());
    }

    @Test
    void whatTheCheckAcceptsTheSchemaAcceptsForThirtyThousandUsersFullOfEdges() {
        Random random = new Random(20261124);
        int accepted = 0;
        int refused = 0;
        for (int n = 0; n < 30_000; n++) {
            ObjectNode user = ordinaryUser(n);
            int changes = 1 + random.nextInt(3);
            for (int c = 0; c < changes; c++) {
                String field = FIELDS.get(random.nextInt(FIELDS.size()));
                switch (random.nextInt(10)) {
                    case 0 -> user.remove(field);
                    case 1 -> user.set(field, otherKind(random));
                    default -> user.put(field, text(random));
                }
            }
            if (UserItems.certainlyValid(user)) {
                accepted++;
                assertThat(USER.validate(user)).as(user.toString()).isEmpty();
            } else {
                refused++;
            }
        }
        // Both answers must have been given often, or this proves little.
        assertThat(accepted).isGreaterThan(2_000);
        assertThat(refused).isGreaterThan(2_000);
    }

    private static ObjectNode ordinaryUser(int n) {
        ObjectNode user = NODES.objectNode().put("email", "user" + n + "@customer.dk").put("firstName", "Anna")
                .put("lastName", "Jensen").put("package", "webex_calling").put("location", "Copenhagen HQ");
        return n % 2 == 0 ? user.put("extension", "2001") : user.put("primaryPhoneNumber", "+4532123456");
    }

    /** Text near each rule's edges: built of special pieces, or an ordinary value of a boundary length. */
    private static String text(Random random) {
        if (random.nextBoolean()) {
            int length = LENGTHS[random.nextInt(LENGTHS.length)];
            StringBuilder text = new StringBuilder();
            String filler = List.of("7", "0", "é").get(random.nextInt(3));
            for (int i = 0; i < length; i++) {
                text.append(i == length / 2 && random.nextBoolean() ? "@" : filler);
            }
            switch (random.nextInt(3)) {
                case 0 -> text.insert(0, "+");
                case 1 -> text.append(".dk");
                default -> { }
            }
            return text.toString();
        }
        StringBuilder text = new StringBuilder();
        int pieces = random.nextInt(8);
        for (int i = 0; i < pieces; i++) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }

    private static JsonNode otherKind(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.numberNode(random.nextInt(100));
            case 2 -> NODES.booleanNode(true);
            case 3 -> NODES.arrayNode().add("webex_calling");
            default -> NODES.objectNode().put("email", "a@b.dk");
        };
    }
}
