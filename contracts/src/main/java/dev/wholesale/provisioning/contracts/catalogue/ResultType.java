package dev.wholesale.provisioning.contracts.catalogue;

import java.util.Arrays;
import java.util.Optional;

import dev.wholesale.provisioning.contracts.result.CustomerDeprovisioned;
import dev.wholesale.provisioning.contracts.result.CustomerProvisioned;
import dev.wholesale.provisioning.contracts.result.CustomerUpdated;
import dev.wholesale.provisioning.contracts.result.RequestRejected;
import dev.wholesale.provisioning.contracts.result.TemplateResult;
import dev.wholesale.provisioning.contracts.result.UsersResult;

/** The result types of catalogue v1, with the record and schema of their {@code data}. */
public enum ResultType {
    TEMPLATE_CREATED("provisioning.template.created.v1", TemplateResult.class, "template-result"),
    TEMPLATE_UPDATED("provisioning.template.updated.v1", TemplateResult.class, "template-result"),
    TEMPLATE_DELETED("provisioning.template.deleted.v1", TemplateResult.class, "template-result"),
    CUSTOMER_PROVISIONED("provisioning.customer.provisioned.v1", CustomerProvisioned.class, "customer-provisioned"),
    CUSTOMER_UPDATED("provisioning.customer.updated.v1", CustomerUpdated.class, "customer-updated"),
    CUSTOMER_DEPROVISIONED("provisioning.customer.deprovisioned.v1", CustomerDeprovisioned.class, "customer-deprovisioned"),
    USERS_PROVISIONED("provisioning.users.provisioned.v1", UsersResult.class, "users-result"),
    USERS_UPDATED("provisioning.users.updated.v1", UsersResult.class, "users-result"),
    USERS_REMOVED("provisioning.users.removed.v1", UsersResult.class, "users-result"),
    REQUEST_REJECTED("provisioning.request.rejected.v1", RequestRejected.class, "request-rejected");

    private final String wire;
    private final Class<?> dataType;
    private final String schemaName;

    ResultType(String wire, Class<?> dataType, String schemaName) {
        this.wire = wire;
        this.dataType = dataType;
        this.schemaName = schemaName;
    }

    /** The CloudEvents {@code type} attribute. */
    public String wire() {
        return wire;
    }

    /** The record {@code data} deserialises into. */
    public Class<?> dataType() {
        return dataType;
    }

    /** The file in {@code schemas/} that describes {@code data}. */
    public String schemaFile() {
        return schemaName + ".schema.json";
    }

    /** The result type with this CloudEvents {@code type}, if the catalogue has one. */
    public static Optional<ResultType> fromWire(String type) {
        return Arrays.stream(values()).filter(value -> value.wire.equals(type)).findFirst();
    }
}
