package com.shopfront.catalog;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * No tracing code here on purpose: the OpenTelemetry Java agent (attached in
 * the Dockerfile) instruments Spring MVC, JDBC and RestClient at runtime.
 */
@RestController
@RequestMapping("/api/products")
public class ProductController {

    private final ProductRepository products;
    private final RestClient pricing;

    public ProductController(ProductRepository products, RestClient.Builder http) {
        this.products = products;
        this.pricing = http.baseUrl(System.getenv().getOrDefault("PRICING_URL", "http://pricing:8080")).build();
    }

    @GetMapping
    public List<Product> list(@RequestParam(defaultValue = "false") boolean featured) {
        return featured ? products.findByFeaturedTrue() : products.findTop100ByOrderByTitle();
    }

    @GetMapping("/{id}")
    public ResponseEntity<ProductView> get(@PathVariable String id) {
        return products.findById(id)
                .map(p -> {
                    Price price = pricing.get().uri("/prices/{id}", id).retrieve().body(Price.class);
                    return ResponseEntity.ok(new ProductView(p, price));
                })
                .orElse(ResponseEntity.notFound().build());
    }

    public record Price(String amount, String currency) {}

    public record ProductView(Product product, Price price) {}
}
