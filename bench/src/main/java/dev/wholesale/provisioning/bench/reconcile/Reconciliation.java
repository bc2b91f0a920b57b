package dev.wholesale.provisioning.bench.reconcile;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import dev.wholesale.provisioning.bench.reconcile.ReconciliationReport.Anomaly;
import dev.wholesale.provisioning.contracts.catalogue.Topics;
import dev.wholesale.provisioning.contracts.deadletter.DeadLetterHeaders;
import dev.wholesale.provisioning.contracts.deadletter.DeadLetterReason;
import dev.wholesale.provisioning.contracts.idempotency.ContentHash;
import dev.wholesale.provisioning.contracts.intake.DecodedRecord;
import dev.wholesale.provisioning.contracts.intake.IntakeLimits;
import dev.wholesale.provisioning.contracts.intake.RecordDecoder;
import dev.wholesale.provisioning.contracts.intake.RecordOrigin;
import dev.wholesale.provisioning.contracts.intake.RequestIdentity;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares what was asked (the request topics), what was answered (the results topic, read as
 * billing reads it) and what the database holds:
 * <ul>
 *   <li>every readable request has exactly one result per distinct content of its id (the
 *       original, plus one refusal per reuse of the id), none lost, none doubled;</li>
 *   <li>result event ids are unique; each unreadable record was dead-lettered once;</li>
 *   <li>replaying the results of each customer in topic order (as billing does) gives exactly the
 *       customers, users and packages the database holds, and a customer's facts come in order;</li>
 *   <li>every customer in the database belongs to the partner whose result created it.</li>
 * </ul>
 * Run it when the worker is idle (no lag, empty outbox), against any deployment.
 */
public final class Reconciliation {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TopicReader reader;
    private final String jdbcUrl;
    private final Properties jdbcProperties;
    private final List<String> requestTopics;
    private final String resultTopic;

    public Reconciliation(String bootstrapServers, Properties kafkaClientSettings, String jdbcUrl, String user,
                          String password, List<String> requestTopics, String resultTopic) {
        this.reader = new TopicReader(bootstrapServers, kafkaClientSettings);
        this.jdbcUrl = jdbcUrl;
        this.jdbcProperties = new Properties();
        jdbcProperties.put("user", user);
        jdbcProperties.put("password", password == null ? "" : password);
        this.requestTopics = requestTopics;
        this.resultTopic = resultTopic;
    }

    public static Reconciliation withDefaultTopics(String bootstrapServers, String jdbcUrl, String user, String password) {
        return new Reconciliation(bootstrapServers, new Properties(), jdbcUrl, user, password,
                List.of(Topics.TEMPLATE_REQUESTS, Topics.CUSTOMER_REQUESTS, Topics.USER_REQUESTS), Topics.RESULTS);
    }

    public ReconciliationReport run() throws SQLException {
        ReconciliationReport report = new ReconciliationReport();
        List<ConsumerRecord<byte[], byte[]>> requests = reader.readAll(requestTopics);
        List<ConsumerRecord<byte[], byte[]>> deadLetters = reader.readAll(requestTopics.stream().map(Topics::dltOf).toList());
        List<ConsumerRecord<byte[], byte[]>> results = reader.readAll(List.of(resultTopic));
        report.count("request records", requests.size());
        report.count("dead letters", deadLetters.size());
        report.count("result events", results.size());

        Map<String, Set<String>> contentsById = new HashMap<>();
        int unreadable = 0;
        for (ConsumerRecord<byte[], byte[]> record : requests) {
            RequestRecord request = RequestRecord.of(record);
            if (request == null || !request.readable()) {
                unreadable++; // dead-lettered, and answered as well if it says who sent it
            }
            if (request != null) {
                contentsById.computeIfAbsent(request.partnerId() + "/" + request.requestId(), k -> new HashSet<>())
                        .add(request.contentHash());
            }
        }
        report.count("readable requests", requests.size() - unreadable);
        report.count("distinct requests (partner, id, content)", contentsById.values().stream().mapToLong(Set::size).sum());
        checkDeadLetters(deadLetters, unreadable, report);

        Map<String, List<JsonNode>> resultsById = new HashMap<>();
        Set<String> eventIds = new HashSet<>();
        List<JsonNode> events = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : results) {
            JsonNode event = JSON.readTree(record.value());
            events.add(event);
            String customerKey = event.path("partnerid").asString() + "/" + event.path("subject").asString("");
            if (record.key() == null || !customerKey.equals(new String(record.key(), StandardCharsets.UTF_8))) {
                report.anomaly(Anomaly.RESULT_NOT_KEYED_BY_CUSTOMER, event.path("id").asString());
            }
            if (!eventIds.add(event.path("id").asString())) {
                report.anomaly(Anomaly.DUPLICATE_EVENT_ID, event.path("id").asString());
            }
            resultsById.computeIfAbsent(event.path("partnerid").asString() + "/"
                    + event.path("data").path("requestId").asString(), k -> new ArrayList<>()).add(event);
        }
        try (Connection db = DriverManager.getConnection(jdbcUrl, jdbcProperties)) {
            Set<String> quarantined = quarantinedRequests(deadLetters);
            Set<String> waiting = strings(db, "select partner_id || '/' || request_id from waiting_request");
            report.count("requests still waiting for their customer", waiting.size());
            contentsById.forEach((id, contents) -> {
                int answered = resultsById.getOrDefault(id, List.of()).size();
                if (answered < contents.size() && !waiting.contains(id) && !quarantined.contains(id)) {
                    report.anomaly(Anomaly.LOST_RESULT, id + ": " + contents.size() + " distinct contents, " + answered + " results");
                } else if (answered > contents.size()) {
                    report.anomaly(Anomaly.DUPLICATE_RESULT, id + ": " + contents.size() + " distinct contents, " + answered + " results");
                }
            });
            BillingReplay replay = new BillingReplay(report);
            events.forEach(replay::apply);
            report.count("customers in the replayed results", replay.customers().size());
            report.count("active users in the replayed results", replay.activeUsers());
            countRefusals(events, report);
            replay.compareWith(db);
        }
        return report;
    }

    /**
     * Requests refused as a whole, by error code: under faults some outcomes depend on timing (a
     * users request whose customer is delayed past the wait timeout is CUSTOMER_NOT_FOUND), and
     * these counts say which.
     */
    private static void countRefusals(List<JsonNode> events, ReconciliationReport report) {
        Map<String, Long> byCode = new TreeMap<>();
        for (JsonNode event : events) {
            if (event.path("type").asString().equals("provisioning.request.rejected.v1")) {
                Set<String> codes = new TreeSet<>();
                event.path("data").path("errors").forEach(error -> codes.add(error.path("code").asString()));
                codes.forEach(code -> byCode.merge(code, 1L, Long::sum));
            }
        }
        byCode.forEach((code, count) -> report.count("requests refused with " + code, count));
    }

    /** Each unreadable record is dead-lettered exactly once. */
    private static void checkDeadLetters(List<ConsumerRecord<byte[], byte[]>> deadLetters, int unreadable,
                                         ReconciliationReport report) {
        Set<String> origins = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> deadLetter : deadLetters) {
            String origin = header(deadLetter, DeadLetterHeaders.ORIGINAL_TOPIC) + "-"
                    + header(deadLetter, DeadLetterHeaders.ORIGINAL_PARTITION) + "@"
                    + header(deadLetter, DeadLetterHeaders.ORIGINAL_OFFSET);
            if (!origins.add(origin)) {
                report.anomaly(Anomaly.DUPLICATE_DEAD_LETTER, origin);
            }
        }
        if (origins.size() < unreadable) {
            report.anomaly(Anomaly.UNANSWERED_DEAD_LETTER, unreadable + " records cannot be read, only " + origins.size()
                    + " dead letters");
        }
    }

    private static Set<String> quarantinedRequests(List<ConsumerRecord<byte[], byte[]>> deadLetters) {
        Set<String> ids = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> deadLetter : deadLetters) {
            if (DeadLetterReason.PROCESSING_FAILED.name().equals(header(deadLetter, DeadLetterHeaders.REASON))) {
                RequestRecord request = RequestRecord.of(deadLetter);
                if (request != null) {
                    ids.add(request.partnerId() + "/" + request.requestId());
                }
            }
        }
        return ids;
    }

    static Set<String> strings(Connection db, String sql) throws SQLException {
        Set<String> values = new HashSet<>();
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    static String header(ConsumerRecord<?, ?> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * A request as the worker identifies it: partner, id and a fingerprint of its content; null for
     * a record that names no sender. Read with the worker's own decoder and limits, so that a record
     * the worker set aside unread is not counted as a readable request awaiting its result.
     */
    record RequestRecord(String partnerId, String requestId, String contentHash, boolean readable) {

        private static final RecordDecoder DECODER = new RecordDecoder(IntakeLimits.DEFAULTS);

        static RequestRecord of(ConsumerRecord<byte[], byte[]> record) {
            List<RecordOrigin.Header> headers = new ArrayList<>();
            record.headers().forEach(header -> headers.add(new RecordOrigin.Header(header.key(), header.value())));
            DecodedRecord decoded = DECODER.decode(new RecordOrigin(record.topic(), record.partition(), record.offset(),
                    record.key(), headers, record.value()));
            if (decoded instanceof DecodedRecord.Event event) {
                return new RequestRecord(event.identity().partnerId(), event.identity().requestId(),
                        HexFormat.of().formatHex(ContentHash.of(event.identity().type(), event.event().get("data"))), true);
            }
            RequestIdentity identity = ((DecodedRecord.Unreadable) decoded).identity();
            return identity == null ? null : new RequestRecord(identity.partnerId(), identity.requestId(),
                    HexFormat.of().formatHex(ContentHash.ofBytes(record.value())), false);
        }
    }
}
