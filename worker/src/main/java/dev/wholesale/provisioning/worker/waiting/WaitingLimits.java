package dev.wholesale.provisioning.worker.waiting;

import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many requests may wait at once for customers that do not exist yet. Waiting costs storage
 * and work when the customer comes (everything that waited for it is applied in the transaction
 * that creates it); a sender that keeps sending for a customer it never creates must not be able
 * to pile that up without bound. Beyond a limit a request is refused at once with
 * CUSTOMER_NOT_FOUND, saying why.
 *
 * @param maxPerCustomer requests waiting for one customer
 * @param maxPerPartner  requests waiting for all customers of one partner
 * @param pageSize       parked requests released or expired at a time
 */
@ConfigurationProperties("provisioning.waiting")
public record WaitingLimits(int maxPerCustomer, int maxPerPartner, int pageSize) {

    public WaitingLimits {
        maxPerCustomer = maxPerCustomer <= 0 ? 1_000 : maxPerCustomer;
        maxPerPartner = maxPerPartner <= 0 ? 10_000 : maxPerPartner;
        pageSize = pageSize <= 0 ? 100 : pageSize;
    }

    /** How many requests wait already, counted up to one past each limit. */
    public record Waiting(int forCustomer, int forPartner) {
    }

    /** Why another request may not wait, if it may not. */
    public Optional<String> whyFull(String customerExternalId, Waiting waiting) {
        if (waiting.forCustomer() >= maxPerCustomer) {
            return Optional.of("no customer with external id '" + customerExternalId + "' exists, and " + maxPerCustomer
                    + " requests wait for it already, the most that may; nothing was changed");
        }
        if (waiting.forPartner() >= maxPerPartner) {
            return Optional.of("no customer with external id '" + customerExternalId + "' exists, and " + maxPerPartner
                    + " requests of this partner wait for customers already, the most that may; nothing was changed");
        }
        return Optional.empty();
    }
}
