package com.shopfront.checkout.api;

import java.util.Map;

import brave.Span;
import brave.Tracer.SpanInScope;
import brave.Tracing;
import brave.propagation.TraceContext;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

@RestController
public class CheckoutController {

    private final Tracing tracing;
    private final TraceContext.Injector<HttpHeaders> injector;
    private final RestClient payments = RestClient.create(
            System.getenv().getOrDefault("PAYMENTS_URL", "http://payments:8080"));

    public CheckoutController(Tracing tracing) {
        this.tracing = tracing;
        // Writes B3 headers plus the X-Flow-ID baggage field.
        this.injector = tracing.propagation().injector(HttpHeaders::set);
    }

    @PostMapping("/checkout")
    public Map<String, Object> checkout(@RequestBody Map<String, Object> order) {
        Span span = tracing.tracer().nextSpan().name("authorize payment").kind(Span.Kind.CLIENT).start();
        try (SpanInScope scope = tracing.tracer().withSpanInScope(span)) {
            Map<?, ?> auth = payments.post()
                    .uri("/payments/authorize")
                    .headers(h -> injector.inject(span.context(), h))
                    .body(order)
                    .retrieve()
                    .body(Map.class);
            return Map.of("status", "placed", "payment", auth);
        } finally {
            span.finish();
        }
    }
}
