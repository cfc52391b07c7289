package com.shopfront.monolith;

import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import io.opentracing.Scope;
import io.opentracing.Span;
import io.opentracing.SpanContext;
import io.opentracing.Tracer;
import io.opentracing.propagation.Format;
import io.opentracing.propagation.TextMapAdapter;
import io.opentracing.tag.Tags;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Opens an OpenTracing server span per request and maintains the legacy
 * X-Flow-ID correlation header (generated here if the caller sent none).
 */
public class FlowIdTracingFilter extends OncePerRequestFilter {

    public static final String FLOW_ID_HEADER = "X-Flow-ID";

    private final Tracer tracer;

    public FlowIdTracingFilter(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        Map<String, String> headers = Collections.list(req.getHeaderNames()).stream()
                .collect(Collectors.toMap(h -> h, req::getHeader, (a, b) -> a));
        SpanContext parent = tracer.extract(Format.Builtin.HTTP_HEADERS, new TextMapAdapter(headers));

        String flowId = req.getHeader(FLOW_ID_HEADER);
        if (flowId == null || flowId.isEmpty()) {
            flowId = UUID.randomUUID().toString();
        }
        Span span = tracer.buildSpan(req.getMethod() + " " + req.getRequestURI())
                .asChildOf(parent)
                .withTag(Tags.SPAN_KIND.getKey(), Tags.SPAN_KIND_SERVER)
                .withTag("flow.id", flowId)
                .start();
        MDC.put("flowId", flowId);
        res.setHeader(FLOW_ID_HEADER, flowId);
        try (Scope scope = tracer.activateSpan(span)) {
            chain.doFilter(req, res);
        } finally {
            Tags.HTTP_STATUS.set(span, res.getStatus());
            span.finish();
            MDC.remove("flowId");
        }
    }
}
