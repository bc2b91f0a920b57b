package dev.wholesale.provisioning.bench.demo;

import tools.jackson.databind.JsonNode;

/** One or a few lines that say what a result event means, for a person watching the demo. */
final class ResultSummary {

    private ResultSummary() {
    }

    static String of(JsonNode event) {
        JsonNode data = event.path("data");
        StringBuilder line = new StringBuilder(event.path("type").asString())
                .append("  for ").append(data.path("requestId").asString())
                .append(": ").append(data.path("status").asString());
        if (data.has("template")) {
            line.append("  provisioningId=").append(data.path("template").path("provisioningId").asString());
        }
        if (data.has("region")) {
            line.append("  customer=").append(data.path("externalId").asString())
                    .append(" region=").append(data.path("region").asString())
                    .append(" package=").append(data.path("package").asString())
                    .append(" administrator=").append(data.path("administrator").path("email").asString());
        }
        if (data.has("changes")) {
            data.path("changes").properties().forEach(change -> line.append("  ").append(change.getKey()).append(": ")
                    .append(change.getValue().path("before")).append(" -> ").append(change.getValue().path("after")));
            line.append("  administrator package=").append(data.path("administrator").path("package").asString());
        }
        if (data.has("usersRemoved")) {
            line.append("  users removed per package=").append(data.path("usersRemoved"));
        }
        if (data.has("countsPerPackage")) {
            line.append("  users per package=").append(data.path("countsPerPackage"));
        }
        for (JsonNode location : data.path("locations")) {
            line.append("\n     location ").append(location.path("name").asString()).append(": ")
                    .append(location.path("outcome").asString()).append(errors(location));
        }
        for (JsonNode user : data.path("users")) {
            line.append("\n     user ").append(user.path("email").asString()).append(" ")
                    .append(user.path("package").asString("")).append(": ").append(user.path("outcome").asString())
                    .append(errors(user));
        }
        if (data.path("users").isEmpty() && data.path("locations").isEmpty()) {
            line.append(errors(data));
        }
        return line.toString();
    }

    private static String errors(JsonNode node) {
        StringBuilder errors = new StringBuilder();
        for (JsonNode error : node.path("errors")) {
            errors.append("\n        ").append(error.path("code").asString())
                    .append(error.has("pointer") ? " at " + error.path("pointer").asString() : "")
                    .append(": ").append(error.path("message").asString());
        }
        return errors.toString();
    }
}
