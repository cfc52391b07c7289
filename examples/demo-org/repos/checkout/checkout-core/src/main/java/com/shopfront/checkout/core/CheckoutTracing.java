package com.shopfront.checkout.core;

import java.util.Locale;

import brave.Tracing;
import brave.baggage.BaggageField;
import brave.baggage.BaggagePropagation;
import brave.baggage.BaggagePropagationConfig.SingleBaggageField;
import brave.context.slf4j.MDCScopeDecorator;
import brave.propagation.B3Propagation;
import brave.propagation.ThreadLocalCurrentTraceContext;
import brave.sampler.Sampler;
import zipkin2.reporter.brave.AsyncZipkinSpanHandler;
import zipkin2.reporter.urlconnection.URLConnectionSender;

/** Builds the Brave {@link Tracing} instance that reports spans to Zipkin. */
public final class CheckoutTracing {

    /** Legacy correlation header used across Shopfront since the monolith days. */
    public static final String FLOW_ID_HEADER = "X-Flow-ID";

    /** Carried as baggage so that every downstream call forwards X-Flow-ID. */
    public static final BaggageField FLOW_ID = BaggageField.create("flowId");

    private CheckoutTracing() {}

    public static Tracing create(String zipkinUrl) {
        AsyncZipkinSpanHandler spanHandler =
                AsyncZipkinSpanHandler.create(URLConnectionSender.create(zipkinUrl + "/api/v2/spans"));

        return Tracing.newBuilder()
                .localServiceName("checkout")
                .sampler(Sampler.create(0.25f))
                .propagationFactory(BaggagePropagation.newFactoryBuilder(B3Propagation.FACTORY)
                        .add(SingleBaggageField.newBuilder(FLOW_ID)
                                .addKeyName(FLOW_ID_HEADER.toLowerCase(Locale.ROOT))
                                .build())
                        .build())
                .currentTraceContext(ThreadLocalCurrentTraceContext.newBuilder()
                        .addScopeDecorator(MDCScopeDecorator.get())
                        .build())
                .addSpanHandler(spanHandler)
                .build();
    }
}
