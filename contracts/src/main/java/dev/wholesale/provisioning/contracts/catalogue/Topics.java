package dev.wholesale.provisioning.contracts.catalogue;

/** The default topic names of catalogue v1 (deployments may rename them). */
public final class Topics {

    public static final String TEMPLATE_REQUESTS = "provisioning.template-requests.v1";
    public static final String CUSTOMER_REQUESTS = "provisioning.customer-requests.v1";
    public static final String USER_REQUESTS = "provisioning.user-requests.v1";
    public static final String RESULTS = "provisioning.results.v1";

    private Topics() {
    }

    /** Where records of {@code topic} that cannot be read at all are sent. */
    public static String dltOf(String topic) {
        return topic + "-dlt";
    }
}
