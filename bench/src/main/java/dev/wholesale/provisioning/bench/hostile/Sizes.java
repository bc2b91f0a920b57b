package dev.wholesale.provisioning.bench.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

import dev.wholesale.provisioning.contracts.catalogue.Topics;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Records over a size limit: a key of 900 KB (the broker takes it; the worker must not copy it into
 * a result), a key of 5 MB and a value of 300 MB gzip-compressed to kilobytes (the broker must refuse
 * both once expanded), 20,000 headers and one header of 600 KB.
 */
final class Sizes {

    private final HostileSuite suite;

    Sizes(HostileSuite suite) {
        this.suite = suite;
    }

    void run() {
        largeKey();
        compressedHugeKey();
        compressionBomb();
        manyHeaders();
        oneLargeHeader();
    }

    private void largeKey() {
        suite.scenario("a record key of 900 KB");
        String id = id("large-key");
        byte[] key = new byte[900 * 1024];
        Arrays.fill(key, (byte) 'k');
        RawSender.Sent sent = suite.sender().send(Topics.USER_REQUESTS, key, Requests.bytes(Requests.event(
                "provisioning.users.add.v1", HostileSuite.HOSTILE, id, Requests.users("hostile-customer", "k.test", 1))),
                List.of(HostileSuite.contentType()), false);
        if (!sent.taken()) {
            suite.problem("the broker refused a 900 KB key (" + sent.refusal() + "); the scenario needs it taken");
            return;
        }
        expectRefusedWith(id, "KEY_TOO_LARGE");
        ConsumerRecord<byte[], byte[]> deadLetter = suite.expectDeadLetter(Topics.USER_REQUESTS, sent, "KEY_TOO_LARGE",
                HostileSuite.WITHIN_SECONDS);
        if (deadLetter != null && (deadLetter.key() == null || deadLetter.key().length > 1024
                || !String.valueOf(key.length).equals(ResultTail.header(deadLetter, "dlt-original-key-size")))) {
            suite.problem("the dead letter of a 900 KB key should carry it cut to 1 KiB, with its original size");
        }
        suite.othersAreAnswered("a 900 KB key");
    }

    private void compressedHugeKey() {
        suite.scenario("a record key of 5 MB, gzip-compressed");
        byte[] key = new byte[5 * 1024 * 1024];
        Arrays.fill(key, (byte) 'k');
        suite.expectRefusedByTheBroker("a 5 MB key", suite.sender().send(Topics.USER_REQUESTS, key,
                Requests.bytes(Requests.event("provisioning.users.add.v1", HostileSuite.HOSTILE, id("huge-key"),
                        Requests.users("hostile-customer", "kk.test", 1))), List.of(HostileSuite.contentType()), true));
        suite.othersAreAnswered("a 5 MB key");
    }

    private void compressionBomb() {
        suite.scenario("a compression bomb: 200 MB of JSON gzip-compressed to a few hundred kilobytes");
        ObjectNode data = Requests.template("Bomb");
        data.put("padding", " ".repeat(200 * 1024 * 1024));
        byte[] value = Requests.bytes(Requests.event("provisioning.template.create.v1", HostileSuite.HOSTILE, id("bomb"), data));
        data.remove("padding");
        suite.expectRefusedByTheBroker("a compression bomb", suite.sender().send(Topics.TEMPLATE_REQUESTS,
                (HostileSuite.HOSTILE + "/bomb").getBytes(StandardCharsets.UTF_8), value,
                List.of(HostileSuite.contentType()), true));
        suite.othersAreAnswered("a compression bomb");
    }

    private void manyHeaders() {
        suite.scenario("20,000 headers");
        List<Header> headers = new ArrayList<>(List.of(HostileSuite.contentType()));
        for (int i = 0; i < 20_000; i++) {
            headers.add(new RecordHeader("h" + i, "v".getBytes(StandardCharsets.UTF_8)));
        }
        headersOverLimit("many-headers", headers);
        suite.othersAreAnswered("20,000 headers");
    }

    private void oneLargeHeader() {
        suite.scenario("one header of 600 KB");
        byte[] large = new byte[600 * 1024];
        Arrays.fill(large, (byte) 'h');
        headersOverLimit("large-header", List.of(HostileSuite.contentType(), new RecordHeader("large", large)));
        suite.othersAreAnswered("a 600 KB header");
    }

    private void headersOverLimit(String name, List<Header> headers) {
        String id = id(name);
        RawSender.Sent sent = suite.sender().send(Topics.TEMPLATE_REQUESTS,
                (HostileSuite.HOSTILE + "/" + name).getBytes(StandardCharsets.UTF_8),
                Requests.bytes(Requests.event("provisioning.template.create.v1", HostileSuite.HOSTILE, id,
                        Requests.template(name))), headers, false);
        if (!sent.taken()) {
            suite.problem(name + ": the broker refused it (" + sent.refusal() + "); the scenario needs it taken");
            return;
        }
        expectRefusedWith(id, "HEADERS_TOO_LARGE");
        ConsumerRecord<byte[], byte[]> deadLetter = suite.expectDeadLetter(Topics.TEMPLATE_REQUESTS, sent,
                "HEADERS_TOO_LARGE", HostileSuite.WITHIN_SECONDS);
        if (deadLetter != null && deadLetter.headers().toArray().length > 64 + 10) {
            suite.problem(name + ": the dead letter carries " + deadLetter.headers().toArray().length + " headers");
        }
    }

    /** A record set aside unread whose sender is still told, and told why. */
    private void expectRefusedWith(String requestId, String reason) {
        JsonNode refused = suite.expectResult(HostileSuite.HOSTILE, requestId, "provisioning.request.rejected.v1",
                HostileSuite.WITHIN_SECONDS);
        if (refused != null && !refused.path("data").path("errors").get(0).path("message").asString().contains(reason)) {
            suite.problem(requestId + ": the refusal does not say " + reason + ": " + refused.path("data").path("errors"));
        }
    }

    private String id(String name) {
        return "hostile-" + suite.run() + "-" + name;
    }
}
