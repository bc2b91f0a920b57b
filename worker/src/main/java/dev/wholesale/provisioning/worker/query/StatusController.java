package dev.wholesale.provisioning.worker.query;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;

/**
 * Read-only status API for operators and ordering systems. Everything is looked up within the
 * partner in the path; what belongs to another partner is indistinguishable from what does not
 * exist (404 either way).
 */
@RestController
@RequestMapping("/api/v1/partners/{partnerId}")
public class StatusController {

    private static final int MAX_PAGE_SIZE = 500;

    private final StatusQueries queries;
    private final JsonMapper json;

    public StatusController(StatusQueries queries, JsonMapper json) {
        this.queries = queries;
        this.json = json;
    }

    @GetMapping("/requests/{requestId}")
    public ResponseEntity<?> request(@PathVariable String partnerId, @PathVariable String requestId) {
        return queries.request(partnerId, requestId).<ResponseEntity<?>>map(status -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("requestId", status.requestId());
            body.put("requestType", status.requestType());
            body.put("state", status.state());
            body.put("receivedAt", status.receivedAt());
            body.put("completedAt", status.completedAt());
            body.put("refusedReuses", status.refusedReuses());
            if (status.resultEventId() != null) {
                queries.resultEvent(status.resultEventId()).ifPresent(event -> body.put("result", json.readTree(event)));
            }
            return ResponseEntity.ok(body);
        }).orElseGet(() -> notFound("no request '" + requestId + "' from this partner"));
    }

    @GetMapping("/customers/{externalId}")
    public ResponseEntity<?> customer(@PathVariable String partnerId, @PathVariable String externalId,
                                      @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "100") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE);
            return ResponseEntity.badRequest().body(problem);
        }
        return queries.customer(partnerId, externalId).<ResponseEntity<?>>map(customer -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("customer", customer);
            body.put("locations", queries.locations(customer.customerId()));
            body.put("users", StatusQueries.page(page, size, queries.countUsers(customer.customerId()),
                    queries.users(customer.customerId(), page * size, size)));
            return ResponseEntity.ok(body);
        }).orElseGet(() -> notFound("no customer '" + externalId + "' for this partner"));
    }

    private static ResponseEntity<?> notFound(String detail) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail));
    }
}
