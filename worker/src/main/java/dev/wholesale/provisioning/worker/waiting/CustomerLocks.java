package dev.wholesale.provisioning.worker.waiting;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Serialises all work on one customer across worker instances with transaction-scoped advisory
 * locks. Without it, a user request could park itself for a customer at the very moment another
 * instance creates that customer and looks for parked requests, and wait until it times out.
 * A batch takes all its locks at once, in a fixed order, so two batches cannot deadlock.
 */
@Component
public class CustomerLocks {

    private final JdbcTemplate jdbc;

    public CustomerLocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record CustomerKey(String partnerId, String externalId) {
        long lockId() {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256")
                        .digest(("customer\n" + partnerId + "\n" + externalId).getBytes(StandardCharsets.UTF_8));
                return ByteBuffer.wrap(digest).getLong();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(Collection<CustomerKey> customers) {
        if (customers.isEmpty()) {
            return;
        }
        Long[] ids = customers.stream().map(CustomerKey::lockId).distinct().sorted().toArray(Long[]::new);
        jdbc.query("select pg_advisory_xact_lock(id) from unnest(?::bigint[]) with ordinality as l(id, n) order by n",
                statement -> statement.setArray(1, statement.getConnection().createArrayOf("bigint", ids)),
                row -> { });
    }
}
