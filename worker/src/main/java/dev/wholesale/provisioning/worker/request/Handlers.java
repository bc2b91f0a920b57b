package dev.wholesale.provisioning.worker.request;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.wholesale.provisioning.contracts.catalogue.RequestType;

/** Finds the handler of each request type; every type of the catalogue must have exactly one. */
public class Handlers {

    private final Map<RequestType, RequestHandler> byType = new EnumMap<>(RequestType.class);

    public Handlers(List<RequestHandler> handlers) {
        for (RequestHandler handler : handlers) {
            for (RequestType type : handler.types()) {
                if (byType.put(type, handler) != null) {
                    throw new IllegalStateException("two handlers for " + type);
                }
            }
        }
        for (RequestType type : RequestType.values()) {
            if (!byType.containsKey(type)) {
                throw new IllegalStateException("no handler for " + type);
            }
        }
    }

    public Outcome handle(ProvisioningRequest request) {
        return byType.get(request.type()).handle(request);
    }

    /** Applies requests of one type, in order, as {@link RequestHandler#handleAll} describes. */
    public List<Outcome> handleAll(RequestType type, List<ProvisioningRequest> requests) {
        return byType.get(type).handleAll(requests);
    }
}
