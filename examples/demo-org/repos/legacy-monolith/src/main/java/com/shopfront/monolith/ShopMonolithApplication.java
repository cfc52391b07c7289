package com.shopfront.monolith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ShopMonolithApplication {
    public static void main(String[] args) {
        SpringApplication.run(ShopMonolithApplication.class, args);
    }
}
