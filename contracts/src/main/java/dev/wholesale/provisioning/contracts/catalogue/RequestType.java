package dev.wholesale.provisioning.contracts.catalogue;

import java.util.Arrays;
import java.util.Optional;

import dev.wholesale.provisioning.contracts.customer.CreateCustomerRequest;
import dev.wholesale.provisioning.contracts.customer.DeleteCustomerRequest;
import dev.wholesale.provisioning.contracts.customer.UpdateCustomerRequest;
import dev.wholesale.provisioning.contracts.template.CreateTemplateRequest;
import dev.wholesale.provisioning.contracts.template.DeleteTemplateRequest;
import dev.wholesale.provisioning.contracts.template.UpdateTemplateRequest;
import dev.wholesale.provisioning.contracts.users.AddUsersRequest;
import dev.wholesale.provisioning.contracts.users.RemoveUsersRequest;
import dev.wholesale.provisioning.contracts.users.UpdateUsersRequest;

/** The request types of catalogue v1, with the record and schema of their {@code data}. */
public enum RequestType {
    TEMPLATE_CREATE("provisioning.template.create.v1", CreateTemplateRequest.class, "template-create"),
    TEMPLATE_UPDATE("provisioning.template.update.v1", UpdateTemplateRequest.class, "template-update"),
    TEMPLATE_DELETE("provisioning.template.delete.v1", DeleteTemplateRequest.class, "template-delete"),
    CUSTOMER_CREATE("provisioning.customer.create.v1", CreateCustomerRequest.class, "customer-create"),
    CUSTOMER_UPDATE("provisioning.customer.update.v1", UpdateCustomerRequest.class, "customer-update"),
    CUSTOMER_DELETE("provisioning.customer.delete.v1", DeleteCustomerRequest.class, "customer-delete"),
    USERS_ADD("provisioning.users.add.v1", AddUsersRequest.class, "users-add"),
    USERS_UPDATE("provisioning.users.update.v1", UpdateUsersRequest.class, "users-update"),
    USERS_REMOVE("provisioning.users.remove.v1", RemoveUsersRequest.class, "users-remove");

    private final String wire;
    private final Class<?> dataType;
    private final String schemaName;

    RequestType(String wire, Class<?> dataType, String schemaName) {
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

    /** The request type with this CloudEvents {@code type}, if the catalogue has one. */
    public static Optional<RequestType> fromWire(String type) {
        return Arrays.stream(values()).filter(value -> value.wire.equals(type)).findFirst();
    }
}
