package com.shopfront.checkout.api;

import brave.Tracing;
import com.shopfront.checkout.core.CheckoutTracing;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class CheckoutApplication {

    @Bean(destroyMethod = "close")
    Tracing tracing(@Value("${zipkin.url:http://zipkin.observability:9411}") String zipkinUrl) {
        return CheckoutTracing.create(zipkinUrl);
    }

    public static void main(String[] args) {
        SpringApplication.run(CheckoutApplication.class, args);
    }
}
