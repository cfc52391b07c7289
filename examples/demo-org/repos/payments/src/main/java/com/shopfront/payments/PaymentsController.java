package com.shopfront.payments;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import datadog.trace.api.Trace;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

@RestController
public class PaymentsController {

    private final RestClient fraud = RestClient.create(
            System.getenv().getOrDefault("FRAUD_CHECK_URL", "http://fraud-check:8000"));

    public record AuthorizeRequest(String orderId, String customerId, BigDecimal amount, String currency) {}

    @PostMapping("/payments/authorize")
    public Map<String, Object> authorize(@RequestBody AuthorizeRequest req) {
        Map<?, ?> risk = fraud.post().uri("/score").body(req).retrieve().body(Map.class);
        double score = risk == null ? 1.0 : ((Number) risk.get("score")).doubleValue();
        if (score > 0.8) {
            return Map.of("status", "declined", "reason", "risk");
        }
        return Map.of("status", "authorized", "authorizationId", callAcquirer(req));
    }

    // Custom span around the call to the card acquirer.
    @Trace(operationName = "acquirer.authorize", resourceName = "PaymentsController.callAcquirer")
    String callAcquirer(AuthorizeRequest req) {
        return UUID.randomUUID().toString();
    }
}
