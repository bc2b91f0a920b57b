package dev.wholesale.provisioning.worker.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.wholesale.provisioning.contracts.validation.SchemaValidator;
import dev.wholesale.provisioning.worker.RequestTopicsClient;
import dev.wholesale.provisioning.worker.Requests;
import dev.wholesale.provisioning.worker.WorkerIntegrationTest;
import dev.wholesale.provisioning.worker.hostile.HostileRecord.Applied;
import dev.wholesale.provisioning.worker.hostile.HostileRecord.DeadLetter;
import dev.wholesale.provisioning.worker.hostile.HostileRecord.Refused;
import dev.wholesale.provisioning.worker.hostile.RawRecords.Header;

import tools.jackson.databind.JsonNode;

/**
 * Well over two hundred malformed and hostile records on the three request topics, with a valid
 * template, customer or users request after every four of them. Each hostile record must end
 * exactly as the catalogue and the intake decoder say: dead-lettered with its reason (and refused
 * when its identity is readable), refused with its code at its pointers, or applied. Nothing is
 * lost or doubled, every result validates against the published result schemas, SQL in names is
 * stored as text, the worker keeps consuming, and its heap does not grow with what it was fed.
 *
 * <p>All mismatches are collected and reported together, so one run shows every deviation.
 */
class HostileRecordsIT extends WorkerIntegrationTest {

    static final String CASE_HEADER = "x-hostile-case";
    private static final String PARTNER = "partner-hostile-records";
    private static final String BASE_CUSTOMER = "hostile-base";
    private static final String STRUCTURED = "application/cloudevents+json";
    private static final Duration PATIENCE = Duration.ofSeconds(100);
    /** A record isolated after its batch failed three times arrives some seconds late; nothing comes after 20 quiet seconds. */
    private static final Duration QUIET = Duration.ofSeconds(20);

    @Autowired
    JdbcTemplate jdbc;

    private final List<String> problems = new ArrayList<>();

    /** A valid request sent between the hostile ones, and the result type it must get. */
    private record Valid(String requestId, String topic, byte[] key, byte[] value, String resultType) {
    }

    @Test
    void everyHostileRecordEndsAsTheCatalogueSaysAndTheWorkerCarriesOn() throws Exception {
        long started = System.nanoTime();
        String provisioningId = setUp();
        long heapBefore = usedHeapAfterGc();

        List<HostileRecord> corpus = new HostileCorpus(PARTNER, templates(), customers(), users(), provisioningId,
                BASE_CUSTOMER).all();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(200);

        Map<Integer, RecordMetadata> sent = new HashMap<>();
        List<Valid> valid = new ArrayList<>();
        long sendStarted = System.nanoTime();
        try (RawRecords raw = new RawRecords(INFRA.kafkaBootstrapServers())) {
            // An operator's setting, so that an uncompressed record over 1 MiB can reach the worker at all.
            raw.allowLargeMessages(templates(), 4 * 1024 * 1024);
            Map<Integer, Future<RecordMetadata>> futures = new LinkedHashMap<>();
            for (HostileRecord hostile : corpus) {
                futures.put(hostile.index(), raw.send(hostile.topic(), null, hostile.key(), hostile.value(), hostile.headers(),
                        hostile.compressed()));
                if (hostile.index() % 4 == 3) { // so that every fifth record sent is a valid one
                    Valid request = validRequest(valid.size(), provisioningId);
                    valid.add(request);
                    raw.send(request.topic(), null, request.key(), request.value(),
                            List.of(Header.of("content-type", STRUCTURED)), false);
                }
            }
            raw.flush();
            for (Map.Entry<Integer, Future<RecordMetadata>> future : futures.entrySet()) {
                try {
                    sent.put(future.getKey(), future.getValue().get());
                } catch (ExecutionException e) {
                    HostileRecord hostile = corpus.get(future.getKey());
                    problems.add("#" + hostile.index() + " " + hostile.name() + ": could not be produced: " + e.getCause());
                }
            }
        }
        List<HostileRecord> delivered = corpus.stream().filter(h -> sent.containsKey(h.index())).toList();
        long sendMillis = (System.nanoTime() - sendStarted) / 1_000_000;

        long expectedDeadLetters = delivered.stream().filter(h -> h.expect() instanceof DeadLetter).count();
        Map<String, List<HostileRecord>> answeredById = new LinkedHashMap<>();
        for (HostileRecord hostile : delivered) {
            if (answers(hostile)) {
                answeredById.computeIfAbsent(hostile.requestId(), id -> new ArrayList<>()).add(hostile);
            }
        }
        long expectedHostileResults = answeredById.values().stream().mapToLong(List::size).sum();
        long expectedResults = 2 + valid.size() + expectedHostileResults; // 2: the template and customer of setUp()

        long awaitStarted = System.nanoTime();
        boolean complete = RawRecords.awaitQuietly(client, records -> deadLetters(records).size() >= expectedDeadLetters
                && records.size() - deadLetters(records).size() >= expectedResults, QUIET, PATIENCE);
        client.drain(Duration.ofSeconds(3)); // a duplicate that would arrive has its chance
        long awaitMillis = (System.nanoTime() - awaitStarted) / 1_000_000;
        List<ConsumerRecord<String, byte[]>> received = client.received();
        List<ConsumerRecord<String, byte[]>> deadLetters = deadLetters(received);
        List<JsonNode> results = client.results();
        if (!complete) {
            problems.add("the worker went quiet (" + QUIET.toSeconds() + " s without a record) before everything expected"
                    + " had arrived: " + deadLetters.size() + " dead letters (expected " + expectedDeadLetters + "), "
                    + results.size() + " results (expected " + expectedResults + ")");
        }

        Map<String, List<ConsumerRecord<String, byte[]>>> deadLettersByCase = deadLetters.stream()
                .collect(Collectors.groupingBy(r -> String.valueOf(RawRecords.header(r, CASE_HEADER))));
        Map<String, List<JsonNode>> resultsById = results.stream()
                .collect(Collectors.groupingBy(r -> r.path("data").path("requestId").asString(""), LinkedHashMap::new,
                        Collectors.toList()));

        Map<String, Integer> outcomes = new TreeMap<>();
        Map<String, Integer> categories = new TreeMap<>();
        for (HostileRecord hostile : delivered) {
            checkDeadLetter(hostile, sent.get(hostile.index()),
                    deadLettersByCase.getOrDefault(Integer.toString(hostile.index()), List.of()));
            outcomes.merge(hostile.outcome(), 1, Integer::sum);
            categories.merge(hostile.category(), 1, Integer::sum);
        }
        for (Map.Entry<String, List<HostileRecord>> answered : answeredById.entrySet()) {
            checkResults(answered.getKey(), answered.getValue(), resultsById.getOrDefault(answered.getKey(), List.of()));
        }
        for (HostileRecord hostile : delivered) {
            if (hostile.requestId() != null && !answeredById.containsKey(hostile.requestId())
                    && resultsById.containsKey(hostile.requestId())) {
                problems.add(describe(hostile) + ": expected no result, got " + types(resultsById.get(hostile.requestId())));
            }
        }
        for (Valid request : valid) {
            List<JsonNode> got = resultsById.getOrDefault(request.requestId(), List.of());
            if (got.size() != 1 || !request.resultType().equals(got.get(0).path("type").asString())
                    || !"SUCCEEDED".equals(got.get(0).path("data").path("status").asString())) {
                problems.add("valid request " + request.requestId() + ": expected one " + request.resultType()
                        + " SUCCEEDED, got " + summaries(got));
            }
        }
        Set<String> known = new java.util.HashSet<>(answeredById.keySet());
        valid.forEach(v -> known.add(v.requestId()));
        known.add("setup-template");
        known.add("setup-customer");
        resultsById.keySet().stream().filter(id -> !known.contains(id))
                .forEach(id -> problems.add("a result nobody asked for: request id '" + id + "' " + summaries(resultsById.get(id))));
        if (deadLetters.size() != expectedDeadLetters) {
            problems.add("dead letters: expected " + expectedDeadLetters + ", got " + deadLetters.size());
        }
        if (results.size() != expectedResults) {
            problems.add("results: expected " + expectedResults + ", got " + results.size());
        }
        Map<String, String> caseOfId = new HashMap<>();
        delivered.stream().filter(h -> h.requestId() != null).forEach(h -> caseOfId.putIfAbsent(h.requestId(), describe(h)));
        checkResultsAgainstTheSchemas(results, caseOfId);
        checkTheDatabase();

        long heapAfterCorpus = usedHeapAfterGc();
        client.send(templates(), PARTNER + "/still-consuming", RequestTopicsClient.event(HostileCorpus.TEMPLATE_CREATE,
                PARTNER, "still-consuming", Requests.template("Still consuming")));
        boolean stillConsuming = RawRecords.awaitQuietly(client,
                records -> !client.resultsFor("still-consuming").isEmpty(), Duration.ofSeconds(30), Duration.ofSeconds(30));
        if (!stillConsuming || !HostileCorpus.TEMPLATE_CREATED.equals(client.resultsFor("still-consuming").get(0)
                .path("type").asString())) {
            problems.add("a valid request after the corpus got no template.created within 30 s: the worker stopped consuming");
        }
        long heapAfter = usedHeapAfterGc();
        long growth = heapAfter - heapBefore;

        System.out.printf("%nHostile records: %d sent (%d delivered) with %d valid requests between them, in %d ms;"
                        + " all answered or dead-lettered after %d ms%n", corpus.size(), delivered.size(), valid.size(),
                sendMillis, awaitMillis);
        System.out.printf("  by category: %s%n", categories);
        outcomes.forEach((outcome, count) -> System.out.printf("  %4d  %s%n", count, outcome));
        System.out.printf("  dead letters %d (expected %d), results %d (expected %d incl. %d valid and 2 set-up)%n",
                deadLetters.size(), expectedDeadLetters, results.size(), expectedResults, valid.size());
        System.out.printf("  used heap after GC: before %d MiB, after the corpus %d MiB, at the end %d MiB: growth %+d KiB%n",
                heapBefore >> 20, heapAfterCorpus >> 20, heapAfter >> 20, growth >> 10);
        System.out.printf("  %d problems; whole test %d s%n", problems.size(), (System.nanoTime() - started) / 1_000_000_000);
        problems.forEach(problem -> System.out.println("  PROBLEM " + problem));

        assertThat(problems).as("hostile records that did not end as the catalogue says").isEmpty();
        assertThat(growth).as("heap growth in bytes after GC").isLessThan(64L * 1024 * 1024);
    }

    // ---------------------------------------------------------------------------------------------

    private static boolean answers(HostileRecord hostile) {
        if (hostile.requestId() == null) {
            return false;
        }
        if (hostile.expect() instanceof DeadLetter deadLetter) {
            return deadLetter.answerCode() != null;
        }
        return hostile.expect() instanceof Refused || hostile.expect() instanceof Applied;
    }

    private void checkDeadLetter(HostileRecord hostile, RecordMetadata sent, List<ConsumerRecord<String, byte[]>> found) {
        if (!(hostile.expect() instanceof DeadLetter deadLetter)) {
            if (!found.isEmpty()) {
                problems.add(describe(hostile) + ": expected " + hostile.outcome() + ", but it was dead-lettered "
                        + found.stream().map(r -> RawRecords.header(r, "dlt-reason") + " (" + RawRecords.header(r, "dlt-detail")
                        + ")").toList());
            }
            return;
        }
        if (found.size() != 1) {
            problems.add(describe(hostile) + ": expected one dead letter " + deadLetter.reason() + ", got " + found.size());
            return;
        }
        ConsumerRecord<String, byte[]> dead = found.get(0);
        List<String> wrong = new ArrayList<>();
        if (!dead.topic().equals(hostile.topic() + "-dlt")) {
            wrong.add("topic " + dead.topic());
        }
        if (!deadLetter.reason().equals(RawRecords.header(dead, "dlt-reason"))) {
            wrong.add("reason " + RawRecords.header(dead, "dlt-reason") + " (" + RawRecords.header(dead, "dlt-detail") + ")");
        }
        if (!hostile.topic().equals(RawRecords.header(dead, "dlt-original-topic"))
                || !Long.toString(sent.offset()).equals(RawRecords.header(dead, "dlt-original-offset"))
                || !Integer.toString(sent.partition()).equals(RawRecords.header(dead, "dlt-original-partition"))) {
            wrong.add("original coordinates " + RawRecords.header(dead, "dlt-original-topic") + "-"
                    + RawRecords.header(dead, "dlt-original-partition") + "@" + RawRecords.header(dead, "dlt-original-offset"));
        }
        if ("true".equals(RawRecords.header(dead, "dlt-truncated"))) {
            // A value too large to publish again is cut; the dead letter says so and gives the original size.
            boolean prefix = dead.value() != null && hostile.value() != null && dead.value().length < hostile.value().length
                    && Arrays.equals(dead.value(), Arrays.copyOf(hostile.value(), dead.value().length));
            if (!prefix || !Integer.toString(hostile.value().length).equals(RawRecords.header(dead, "dlt-original-size"))) {
                wrong.add("truncated value is not a prefix of the record, or the original size is wrong");
            }
        } else if (!Arrays.equals(dead.value(), hostile.value())) {
            wrong.add("value differs from the record sent (" + (dead.value() == null ? "null" : dead.value().length + " bytes")
                    + " instead of " + (hostile.value() == null ? "null" : hostile.value().length + " bytes") + ")");
        }
        if (!Objects.equals(dead.key(), hostile.key() == null ? null : new String(hostile.key(), StandardCharsets.UTF_8))) {
            wrong.add("key " + dead.key());
        }
        if (!wrong.isEmpty()) {
            problems.add(describe(hostile) + ": dead letter with " + String.join(", ", wrong));
        }
    }

    /** The records answering one request id, in the order sent, against its results in topic order. */
    private void checkResults(String requestId, List<HostileRecord> expected, List<JsonNode> got) {
        if (got.size() != expected.size()) {
            problems.add(expected.stream().map(HostileRecordsIT::describe).toList() + ": expected " + expected.size()
                    + " result(s) for '" + HostileCorpus.printable(requestId) + "', got " + summaries(got)
                    + deadLetterHint(expected));
            return;
        }
        for (int i = 0; i < expected.size(); i++) {
            HostileRecord hostile = expected.get(i);
            JsonNode result = got.get(i);
            String type = result.path("type").asString();
            JsonNode data = result.path("data");
            JsonNode errors = data.path("errors");
            if (hostile.expect() instanceof DeadLetter deadLetter) {
                if (!HostileCorpus.REJECTED_TYPE.equals(type) || errors.size() != 1
                        || !deadLetter.answerCode().equals(errors.get(0).path("code").asString())) {
                    problems.add(describe(hostile) + ": expected a rejection " + deadLetter.answerCode() + ", got "
                            + summary(result));
                }
            } else if (hostile.expect() instanceof Refused refused) {
                List<String> codes = new ArrayList<>();
                List<String> pointers = new ArrayList<>();
                errors.forEach(error -> {
                    codes.add(error.path("code").asString());
                    pointers.add(error.hasNonNull("pointer") ? error.get("pointer").asString() : null);
                });
                boolean pointersMatch = refused.pointers().equals(List.of(HostileRecord.ANY_POINTER))
                        ? pointers.size() == 1 : sameElements(pointers, refused.pointers());
                if (!HostileCorpus.REJECTED_TYPE.equals(type) || !"REJECTED".equals(data.path("status").asString())
                        || codes.isEmpty() || !codes.stream().allMatch(refused.code()::equals) || !pointersMatch) {
                    problems.add(describe(hostile) + ": expected " + refused.code() + " at " + refused.pointers() + ", got "
                            + summary(result));
                }
            } else if (hostile.expect() instanceof Applied applied) {
                List<String> itemPointers = new ArrayList<>();
                for (String items : List.of("users", "locations")) {
                    data.path(items).forEach(item -> item.path("errors").forEach(
                            error -> itemPointers.add(error.path("pointer").asString(null))));
                }
                boolean echoed = applied.echoPointer() == null
                        || applied.echoValue().equals(data.at(applied.echoPointer()).asString(null));
                if (!applied.resultType().equals(type) || !applied.status().equals(data.path("status").asString())
                        || !itemPointers.containsAll(applied.itemPointers()) || !echoed) {
                    problems.add(describe(hostile) + ": expected " + applied.resultType() + " " + applied.status()
                            + (applied.itemPointers().isEmpty() ? "" : " refusing " + applied.itemPointers())
                            + (echoed ? "" : " echoing '" + HostileCorpus.printable(applied.echoValue()) + "' at "
                            + applied.echoPointer() + " (got '" + HostileCorpus.printable(
                            String.valueOf(data.at(applied.echoPointer()).asString(null))) + "')") + ", got " + summary(result));
                }
            }
            if (!PARTNER.equals(result.path("partnerid").asString()) && !result.path("partnerid").asString().startsWith("PPP")) {
                problems.add(describe(hostile) + ": result for partner " + result.path("partnerid").asString());
            }
        }
    }

    private String deadLetterHint(List<HostileRecord> expected) {
        List<ConsumerRecord<String, byte[]>> deadLetters = deadLetters(client.received());
        List<String> hints = new ArrayList<>();
        for (HostileRecord hostile : expected) {
            deadLetters.stream().filter(r -> Integer.toString(hostile.index()).equals(RawRecords.header(r, CASE_HEADER)))
                    .forEach(r -> hints.add("dead-lettered " + RawRecords.header(r, "dlt-reason") + ": "
                            + RawRecords.header(r, "dlt-detail")));
        }
        return hints.isEmpty() ? "" : " (" + String.join("; ", hints) + ")";
    }

    private void checkResultsAgainstTheSchemas(List<JsonNode> results, Map<String, String> caseOfId) {
        SchemaValidator schemas = SchemaValidator.forResults();
        for (JsonNode result : results) {
            List<?> errors = schemas.validate(result);
            if (!errors.isEmpty()) {
                String requestId = result.path("data").path("requestId").asString();
                problems.add(caseOfId.getOrDefault(requestId, "'" + HostileCorpus.printable(requestId) + "'") + ": its result "
                        + result.path("type").asString() + " (subject '" + HostileCorpus.printable(result.path("subject")
                        .asString("<absent>")) + "') breaks the published result schema: " + errors);
            }
        }
    }

    /** SQL in names was stored as text, nothing was dropped, no control character reached a table. */
    private void checkTheDatabase() {
        for (String name : HostileCorpus.SQL_TEMPLATE_NAMES) {
            Integer stored = jdbc.queryForObject("select count(*) from template where partner_id = ? and name = ?",
                    Integer.class, PARTNER, name);
            if (stored == null || stored != 1) {
                problems.add("template named " + name + " stored " + stored + " times instead of once");
            }
        }
        Integer customer = jdbc.queryForObject("select count(*) from customer where partner_id = ? and name = ? and external_id = ?",
                Integer.class, PARTNER, HostileCorpus.SQL_CUSTOMER_NAME, HostileCorpus.SQL_EXTERNAL_ID);
        Integer subscriber = jdbc.queryForObject("select count(*) from subscriber where first_name = ?", Integer.class,
                HostileCorpus.SQL_FIRST_NAME);
        Integer tables = jdbc.queryForObject("select count(*) from information_schema.tables where table_schema = current_schema()"
                + " and table_name in ('template', 'customer', 'location', 'subscriber', 'request_log', 'outbox', 'waiting_request')",
                Integer.class);
        Integer control = jdbc.queryForObject("select (select count(*) from template where name ~ '[[:cntrl:]]')"
                + " + (select count(*) from customer where name ~ '[[:cntrl:]]' or external_id ~ '[[:cntrl:]]')"
                + " + (select count(*) from subscriber where first_name ~ '[[:cntrl:]]' or last_name ~ '[[:cntrl:]]')", Integer.class);
        if (customer == null || customer != 1 || subscriber == null || subscriber != 1) {
            problems.add("SQL in a customer's or user's name was not stored verbatim (customers " + customer + ", users "
                    + subscriber + ")");
        }
        if (tables == null || tables != 7) {
            problems.add("only " + tables + " of the 7 tables are still there");
        }
        if (control == null || control != 0) {
            problems.add(control + " stored names contain control characters");
        }
    }

    // ---------------------------------------------------------------------------------------------

    /** A template and a customer (with the location "Copenhagen HQ") for the customer and users requests to refer to. */
    private String setUp() {
        client.send(templates(), PARTNER + "/setup", RequestTopicsClient.event(HostileCorpus.TEMPLATE_CREATE, PARTNER,
                "setup-template", Requests.template("Hostile base")));
        JsonNode template = client.awaitResult("setup-template");
        assertThat(template.path("type").asString()).isEqualTo(HostileCorpus.TEMPLATE_CREATED);
        String provisioningId = template.path("data").path("template").path("provisioningId").asString();
        client.send(customers(), PARTNER + "/" + BASE_CUSTOMER, RequestTopicsClient.event(HostileCorpus.CUSTOMER_CREATE, PARTNER,
                "setup-customer", Requests.customer(BASE_CUSTOMER, provisioningId, "admin@base.hostile.dk")));
        assertThat(client.awaitResult("setup-customer").path("type").asString()).isEqualTo(HostileCorpus.CUSTOMER_PROVISIONED);
        return provisioningId;
    }

    private Valid validRequest(int n, String provisioningId) {
        String id = "valid-" + n;
        return switch (n % 3) {
            case 0 -> valid(id, templates(), "template-" + n, HostileCorpus.TEMPLATE_CREATE,
                    Requests.template("Valid template " + n), HostileCorpus.TEMPLATE_CREATED);
            case 1 -> valid(id, customers(), "valid-customer-" + n, HostileCorpus.CUSTOMER_CREATE,
                    Requests.customer("valid-customer-" + n, provisioningId, "admin-" + n + "@valid.hostile.dk"),
                    HostileCorpus.CUSTOMER_PROVISIONED);
            default -> valid(id, users(), BASE_CUSTOMER, HostileCorpus.USERS_ADD, Requests.addUsers(BASE_CUSTOMER, List.of(),
                    List.of(Requests.user("valid-" + n + "@valid.hostile.dk", "webex_meetings", "Copenhagen HQ", null, null))),
                    HostileCorpus.USERS_PROVISIONED);
        };
    }

    private static Valid valid(String id, String topic, String key, String type, Object data, String resultType) {
        return new Valid(id, topic, (PARTNER + "/" + key).getBytes(StandardCharsets.UTF_8),
                RequestTopicsClient.JSON.writeValueAsBytes(RequestTopicsClient.event(type, PARTNER, id, data)), resultType);
    }

    private static List<ConsumerRecord<String, byte[]>> deadLetters(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().filter(r -> r.topic().endsWith("-dlt")).toList();
    }

    private static boolean sameElements(List<String> actual, List<String> expected) {
        List<String> a = new ArrayList<>(actual);
        List<String> e = new ArrayList<>(expected);
        a.sort(java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));
        e.sort(java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));
        return a.equals(e);
    }

    private static String describe(HostileRecord hostile) {
        return "#" + hostile.index() + " [" + hostile.category() + "] " + hostile.name();
    }

    private static List<String> types(List<JsonNode> results) {
        return results.stream().map(r -> r.path("type").asString()).toList();
    }

    private static List<String> summaries(List<JsonNode> results) {
        return results.stream().map(HostileRecordsIT::summary).toList();
    }

    private static String summary(JsonNode result) {
        JsonNode data = result.path("data");
        List<String> errors = new ArrayList<>();
        data.path("errors").forEach(e -> errors.add(e.path("code").asString() + "@" + e.path("pointer").asString(null)
                + " (" + e.path("message").asString() + ")"));
        for (String items : List.of("users", "locations")) {
            data.path(items).forEach(item -> item.path("errors").forEach(e -> errors.add(items + ":" + e.path("code").asString()
                    + "@" + e.path("pointer").asString(null))));
        }
        return result.path("type").asString().replace("provisioning.", "") + " " + data.path("status").asString() + " "
                + errors;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(150);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
